import { describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../src/channels/telegram/telegram-channel.js";
import { createZaloChannel } from "../../src/channels/zalo/zalo-channel.js";
import { createTranslator } from "../../src/i18n.js";
import { createFakeTelegramServer } from "../support/fake-telegram-server.js";
import { createFakeZaloServer } from "../support/fake-zalo-server.js";
import { createTestLogger } from "../support/harness.js";

/** Our limiter far above the platform's, so the platform's 429 is what paces the sends. */
const LOOSE = { globalPerSecond: 1000, perChatPerSecond: 1000, perGroupPerMinute: 60_000 };

describe("a channel meeting 429s", () => {
  it("Telegram: a split text refused part-way waits out retry_after once and sends each part once, in order", async () => {
    const fake = await createFakeTelegramServer({ limits: { perChatPerSecond: 1 } });
    try {
      const telegram = createTelegramChannel({
        token: fake.token,
        apiRoot: fake.url,
        botInfo: fake.botInfo,
        logger: createTestLogger(),
        limits: LOOSE,
        retries: 3,
      });
      const lines = Array.from(
        { length: 300 },
        (_, i) => `${String(i + 1).padStart(3, "0")}. UBND xã đã báo cáo đủ số liệu tuần này.`,
      );
      await telegram.messenger.send({ channel: "telegram", chatId: "42" }, { type: "text", text: lines.join("\n") });
      const sent = fake.sent(42);
      expect(sent.length).toBeGreaterThanOrEqual(3);
      expect(sent.map((s) => s.text).join("\n")).toBe(lines.join("\n"));
      const refused = fake.calls.filter((c) => c.status === 429);
      // The second part was refused once (1/s per chat); after that the limiter kept the chat's pace.
      expect(refused).toHaveLength(1);
      expect(sent[1].at - refused[0].at).toBeGreaterThanOrEqual(1000);
      for (let i = 1; i < sent.length; i++) expect(sent[i].at - sent[i - 1].at).toBeGreaterThanOrEqual(1000);
    } finally {
      await fake.close();
    }
  });

  it("Zalo: a 429 (quota exceeded, no retry-after) is waited out with the channel's own backoff, doubled per 429 in a row, and the message sent once", async () => {
    const fake = await createFakeZaloServer();
    try {
      const zalo = createZaloChannel({
        token: fake.token,
        apiRoot: fake.url,
        logger: createTestLogger(),
        limits: LOOSE,
        t: createTranslator().t("vi"),
        retries: 2,
      });
      fake.failNext("sendMessage", { error_code: 429 }, 2);
      const t0 = Date.now();
      await zalo.messenger.send(
        { channel: "zalo", chatId: "5a7e0c31d2f94b86" },
        { type: "text", text: "Đề nghị đồng chí báo cáo." },
      );
      // 1 s after the first 429, 2 s after the second.
      expect(Date.now() - t0).toBeGreaterThanOrEqual(3000);
      expect(fake.sent("5a7e0c31d2f94b86").map((s) => s.text)).toEqual(["Đề nghị đồng chí báo cáo."]);
      const refused = fake.calls.filter((c) => c.status === 429);
      expect(refused).toHaveLength(2);
      expect(refused[1].at - refused[0].at).toBeGreaterThanOrEqual(1000);
    } finally {
      await fake.close();
    }
  });
});
