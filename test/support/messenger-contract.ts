/**
 * The one contract every {@link Messenger} passes (Telegram, Zalo, and any later channel): call
 * `messengerContract("name", setup)` from a test file with a fixture over that platform's fake server.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Messenger, SendError, type SendFailure } from "../../src/core/ports.js";
import type { Channel } from "../../src/core/types.js";

/** What a user in the chat sees, in order. Documents sent as links are fetched by the fixture. */
export type Received =
  | { kind: "text"; text: string }
  | { kind: "photo"; bytes: Buffer; caption?: string }
  | { kind: "document"; bytes: Buffer; caption?: string };

export interface MessengerFixture {
  messenger: Messenger;
  channel: Channel;
  /** A chat that receives messages. */
  chatId: string;
  /** A chat the platform refuses (bot blocked, chat gone). */
  unreachableChatId: string;
  received(chatId: string): Promise<Received[]>;
  /** The platform's next send fails: 5xx, 429 with a retry-after, or 400. */
  failNextSend(kind: "server" | "rate" | "bad"): void;
  close(): Promise<void>;
}

// A 1×1 PNG: the bytes the user must get back.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082",
  "hex",
);
const XLSX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("contract test workbook")]);

async function failureOf(promise: Promise<unknown>): Promise<SendError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SendError);
  return error as SendError;
}

/**
 * `failures`: the platform errors this channel can meet (default all). The sandbox's platform is
 * its own disk: no rate limits and no request the platform could refuse, only failed writes.
 */
export function messengerContract(
  name: string,
  setup: () => Promise<MessengerFixture>,
  options: { failures?: readonly ("server" | "rate" | "bad")[] } = {},
): void {
  const failures = options.failures ?? ["server", "rate", "bad"];
  describe(`Messenger contract: ${name}`, () => {
    let f: MessengerFixture;
    beforeEach(async () => {
      f = await setup();
    });
    afterEach(() => f.close());
    const to = () => ({ channel: f.channel, chatId: f.chatId });

    it("sends a short text as one message and returns the platform's id", async () => {
      const { messageId } = await f.messenger.send(to(), { type: "text", text: "Đôn Đốc: nhắc hạn báo cáo 🔔" });
      expect(messageId).toMatch(/\S/);
      expect(await f.received(f.chatId)).toEqual([{ kind: "text", text: "Đôn Đốc: nhắc hạn báo cáo 🔔" }]);
    });

    it("splits a text over the limit at line boundaries, in order, each part within the limit", async () => {
      const limit = f.messenger.textLimit(f.channel);
      const lines = Array.from(
        { length: Math.ceil((limit * 2.5) / 40) },
        (_, i) => `${String(i + 1).padStart(4, "0")}. Đơn vị đã báo cáo đủ số liệu.`,
      );
      const text = lines.join("\n");
      await f.messenger.send(to(), { type: "text", text });
      const parts = (await f.received(f.chatId)).map((r) => (r.kind === "text" ? r.text : ""));
      expect(parts.length).toBeGreaterThanOrEqual(3);
      for (const part of parts) expect(part.length).toBeLessThanOrEqual(limit);
      expect(parts.join("\n")).toBe(text);
      for (const part of parts) expect(lines).toContain(part.split("\n")[0]);
    });

    it("sends a photo the user sees with its caption", async () => {
      await f.messenger.send(to(), {
        type: "photo",
        file: { fileName: "bieu-do.png", mime: "image/png", data: PNG },
        caption: "Biểu đồ tiến độ",
      });
      const [photo] = await f.received(f.chatId);
      expect(photo).toEqual({ kind: "photo", bytes: PNG, caption: "Biểu đồ tiến độ" });
    });

    it("sends a document, or a link that downloads the same bytes", async () => {
      await f.messenger.send(to(), {
        type: "document",
        file: {
          fileName: "tong-hop.xlsx",
          mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          data: XLSX,
        },
        caption: "Bảng tổng hợp",
      });
      const received = await f.received(f.chatId);
      const doc = received.find((r) => r.kind === "document");
      expect(doc?.kind === "document" && doc.bytes.equals(XLSX)).toBe(true);
      expect(JSON.stringify(received)).toContain("Bảng tổng hợp");
    });

    it.each(
      (
        [
          ["server", "transient"],
          ["rate", "rate_limited"],
          ["bad", "bad_request"],
        ] as const
      ).filter(([kind]) => failures.includes(kind)),
    )("maps a %s error to %s", async (kind, failure: SendFailure) => {
      f.failNextSend(kind);
      const error = await failureOf(f.messenger.send(to(), { type: "text", text: "thử" }));
      expect(error.failure).toBe(failure);
      if (failure === "rate_limited") expect(error.retryAfterMs).toBeGreaterThan(0);
    });

    it("reports a blocked or missing chat as unreachable", async () => {
      const error = await failureOf(
        f.messenger.send({ channel: f.channel, chatId: f.unreachableChatId }, { type: "text", text: "thử" }),
      );
      expect(error.failure).toBe("unreachable");
    });
  });
}
