import http from "node:http";
import type { AddressInfo } from "node:net";
import { normalizeUpdates, ZaloApiError, ZaloHttpError } from "@don-doc/zalo-bot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createZaloChannel, toIncoming, toSendError } from "../../src/channels/zalo/zalo-channel.js";
import { SendError } from "../../src/core/ports.js";
import { createTranslator } from "../../src/i18n.js";
import { BOT_NAME, createFakeZaloServer } from "../support/fake-zalo-server.js";
import { createTestLogger } from "../support/harness.js";

const message = {
  message_id: "9f8e7d6c",
  from: { id: "1a2b", display_name: "Lan", is_bot: false },
  chat: { id: "1a2b", chat_type: "PRIVATE" },
  date: 1_615_341_600_000,
};
const one = (body: unknown) => normalizeUpdates(body)[0];

describe("toIncoming", () => {
  it("maps a text message with string ids, ms dates and NFC text", () => {
    const incoming = toIncoming(
      one({ event_name: "message.text.received", message: { ...message, text: "đã treo 12 pa nô".normalize("NFD") } }),
    );
    expect(incoming).toMatchObject({
      channel: "zalo",
      chatId: "1a2b",
      chatType: "private",
      userId: "1a2b",
      userName: "Lan",
      messageId: "9f8e7d6c",
      text: "đã treo 12 pa nô",
      files: [],
    });
    expect(incoming?.date.toISOString()).toBe("2021-03-10T02:00:00.000Z");
  });

  it.each(["photo", "photo_url"])(
    "maps an image (URL in %s) to a photo whose reference is its URL, with the caption as text",
    (field) => {
      const incoming = toIncoming(
        one({
          event_name: "message.image.received",
          message: { ...message, [field]: "https://cdn.example/p.jpg", caption: "thôn 3" },
        }),
      );
      expect(incoming).toMatchObject({
        text: "thôn 3",
        files: [{ kind: "photo", fileRef: "https://cdn.example/p.jpg" }],
        unsupported: undefined,
      });
    },
  );

  it("takes the bot's mention out of a group message; a private message keeps its text", () => {
    const group = { id: "9a8b", chat_type: "GROUP" };
    const names = [BOT_NAME, "don_doc_bot"];
    expect(
      toIncoming(
        one({
          event_name: "message.text.received",
          message: { ...message, chat: group, text: `@${BOT_NAME} /baocao 12 pa nô` },
        }),
        names,
      ),
    ).toMatchObject({ chatType: "group", text: "/baocao 12 pa nô" });
    expect(
      toIncoming(
        one({
          event_name: "message.text.received",
          message: { ...message, chat: group, text: `@${BOT_NAME} đã treo 12 pa nô` },
        }),
        names,
      )?.text,
    ).toBe("đã treo 12 pa nô");
    // Without the bot's shown name (getMe does not document one) a mention before a command still goes.
    expect(
      toIncoming(
        one({
          event_name: "message.text.received",
          message: { ...message, chat: group, text: `@${BOT_NAME} /nhiemvu` },
        }),
      )?.text,
    ).toBe("/nhiemvu");
    expect(
      toIncoming(
        one({ event_name: "message.text.received", message: { ...message, text: `@${BOT_NAME} /nhiemvu` } }),
        names,
      )?.text,
    ).toBe(`@${BOT_NAME} /nhiemvu`);
  });

  it("marks stickers, voice and unsupported content so the core can answer; drops events without a chat and bots", () => {
    expect(
      toIncoming(one({ event_name: "message.sticker.received", message: { ...message, sticker: "s1" } })),
    ).toMatchObject({ unsupported: "sticker", text: "" });
    expect(
      toIncoming(one({ event_name: "message.voice.received", message: { ...message, voice_url: "https://x/v.aac" } })),
    ).toMatchObject({ unsupported: "voice", files: [] });
    expect(toIncoming(one({ event_name: "message.unsupported.received", message }))).toMatchObject({
      unsupported: "other",
    });
    expect(toIncoming(one({ event_name: "message.unsupported.received" }))).toBeUndefined();
    expect(
      toIncoming(
        one({
          event_name: "message.text.received",
          message: { ...message, text: "hi", from: { id: "b0", is_bot: true } },
        }),
      ),
    ).toBeUndefined();
    expect(
      toIncoming(
        one({
          event_name: "message.text.received",
          message: { ...message, text: "hi", chat: { id: "g1", chat_type: "GROUP" } },
        }),
      ),
    ).toMatchObject({ chatType: "group", chatId: "g1" });
  });
});

describe("toSendError (the documented error table)", () => {
  it.each([
    [new ZaloApiError("sendMessage", 429, "Quota exceeded"), "rate_limited", 1000],
    [new ZaloApiError("sendMessage", 403, "Internal server error"), "transient", undefined],
    [new ZaloApiError("sendMessage", 403, "The user has blocked the bot"), "unreachable", undefined],
    [new ZaloApiError("sendMessage", 400, "User not found"), "unreachable", undefined],
    [new ZaloApiError("sendMessage", 401, "Unauthorized"), "transient", undefined],
    [new ZaloApiError("sendMessage", 408, "Request timeout"), "transient", undefined],
    [new ZaloApiError("sendMessage", 404, "Not found"), "bad_request", undefined],
    [new ZaloApiError("sendMessage", 400, "Bad request: text must be 1 to 2000 characters"), "bad_request", undefined],
    [new ZaloHttpError("sendMessage", "HTTP 502, body is not JSON", 502), "transient", undefined],
    [new ZaloHttpError("sendMessage", "request timed out", undefined, true), "transient", undefined],
  ] as const)("%s → %s", (error, failure, retryAfterMs) => {
    expect(toSendError(error)).toMatchObject({ failure, retryAfterMs });
  });

  it("waits its own backoff after a 429 (no retry-after from Zalo): 1 s, doubled per 429 in a row", () => {
    expect(toSendError(new ZaloApiError("sendMessage", 429, "Quota exceeded"), 4000)).toMatchObject({
      failure: "rate_limited",
      retryAfterMs: 4000,
    });
  });
});

describe("sending to Zalo groups", () => {
  const limits = { globalPerSecond: 1000, perChatPerSecond: 1000, perGroupPerMinute: 300 };
  const group = "9a8b7c6d5e4f3a2b";

  it("paces a chat at the group rate when it is a group (its messages, or its registration), else at the private rate", async () => {
    const fake = await createFakeZaloServer();
    try {
      const registered = new Set([group]);
      const zalo = createZaloChannel({
        token: fake.token,
        apiRoot: fake.url,
        logger: createTestLogger(),
        limits,
        t: createTranslator().t("vi"),
        isGroupChat: async (id) => registered.has(id),
      });
      const timed = async (chatId: string) => {
        const t0 = Date.now();
        for (let i = 0; i < 3; i++)
          await zalo.messenger.send({ channel: "zalo", chatId }, { type: "text", text: `tin ${i}` });
        return Date.now() - t0;
      };
      // 300 a minute: one every 200 ms in a group; 1,000 a second elsewhere.
      expect(await timed(group)).toBeGreaterThanOrEqual(390);
      expect(await timed("1a2b3c4d5e6f7081")).toBeLessThan(150);
      expect(fake.sent(group).map((s) => s.text)).toEqual(["tin 0", "tin 1", "tin 2"]);
    } finally {
      await fake.close();
    }
  });
});

describe("photo downloads", () => {
  let server: http.Server;
  let base = "";
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === "/big") return void res.writeHead(200, { "content-length": 5000 }).end(Buffer.alloc(5000));
      if (req.url === "/stream") {
        res.writeHead(200);
        for (let i = 0; i < 10; i++) res.write(Buffer.alloc(1000));
        return void res.end();
      }
      if (req.url === "/ok") return void res.writeHead(200).end(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
      if (req.url === "/broken") return void res.writeHead(502).end();
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const channel = () =>
    createZaloChannel({
      token: "1:abcdefgh",
      apiRoot: "http://127.0.0.1:9",
      logger: createTestLogger(),
      limits: { globalPerSecond: 100, perChatPerSecond: 100, perGroupPerMinute: 100 },
      t: createTranslator().t("vi"),
      downloadTimeoutMs: 2000,
    });
  const download = (fileRef: string, max = 4096) =>
    channel().messenger.download("zalo", { kind: "photo", fileRef }, max);
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: SendError) => [e.failure, e.message],
    );

  it("downloads http(s) URLs and refuses other schemes", async () => {
    expect(Buffer.from(await download(`${base}/ok`))).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    expect(await failure(download("file:///etc/passwd"))).toEqual(["bad_request", "refusing file: URL"]);
    expect(await failure(download("not a url"))).toEqual(["bad_request", "photo reference is not a URL"]);
  });

  it("stops at the size cap, declared or streamed; an expired URL is final, a 5xx is not", async () => {
    expect(await failure(download(`${base}/big`))).toEqual(["bad_request", "file too large"]);
    expect(await failure(download(`${base}/stream`))).toEqual(["bad_request", "file too large"]);
    expect((await failure(download(`${base}/expired`)))?.[0]).toBe("bad_request");
    expect((await failure(download(`${base}/broken`)))?.[0]).toBe("transient");
  });
});
