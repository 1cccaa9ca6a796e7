import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { syncAllTasks } from "../../src/core/plans/tasks.js";
import { createFakeTelegramServer, type FakeTelegram } from "../support/fake-telegram-server.js";
import { createTestLogger } from "../support/harness.js";

const CHATS = 60;
/** The first chats get three reminders each, queued 10 messages apart: under a second at 20/s. */
const REPEATED = 10;
const NOW = new Date("2021-02-09T01:30:00Z"); // 08:30 in Hà Nội on the due day

describe("reminder fan-out against a platform stricter than our limiter", () => {
  let fake: FakeTelegram | undefined;
  let app: App | undefined;
  const dir = mkdtempSync(path.join(tmpdir(), "don-doc-fanout-"));
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("meets 429s (overall and per chat), learns the pace, and delivers every reminder exactly once", {
    timeout: 60_000,
  }, async () => {
    fake = await createFakeTelegramServer({ limits: { globalPerSecond: 20, perChatPerSecond: 1 } });
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      DATA_DIR: dir,
      LOG_LEVEL: "silent",
      PORT: "0",
    });
    const above = { globalPerSecond: 30, perChatPerSecond: 3, perGroupPerMinute: 60 };
    app = await createApp(config, {
      clock: { now: () => NOW },
      logger: createTestLogger(),
      botInfo: fake.botInfo,
      scheduler: false,
      telegramLimits: above,
    });
    const { repos } = app;
    for (let i = 1; i <= CHATS; i++) {
      const unit = await repos.units.create({
        code: `XA_${i}`,
        name: `UBND xã Số ${i}`,
        kind: "xa",
        tags: i <= REPEATED ? ["xa", "lap"] : ["xa"],
      });
      await repos.chats.bind({
        channel: "telegram",
        chatId: String(7000 + i),
        chatType: "private",
        role: "unit",
        unitId: unit.id,
      });
    }
    const task = (code: string, title: string, targets: string[]) =>
      repos.tasks.upsert({
        planId: null,
        code,
        title,
        targets,
        schedule: { kind: "once", dueDate: "2021-02-09" },
        reminder: null,
        deadlineText: "09/02/2021",
        createdBy: "test",
        indicators: [],
      });
    await task("NV_2", "Báo cáo nhanh số tin bài, đợt 2", ["lap"]);
    await task("NV_3", "Báo cáo nhanh số tin bài, đợt 3", ["lap"]);
    await task("NV_1", "Xây dựng kế hoạch tuyên truyền CCHC", ["xa"]);
    await syncAllTasks(app.deps);

    await app.scheduler.tick();

    const sent = fake.sent();
    const expected = CHATS + 2 * REPEATED;
    expect(new Set(sent.map((s) => `${s.chat_id}:${s.text}`)).size).toBe(expected); // none lost
    expect(sent).toHaveLength(expected); // none twice
    expect(await repos.outbox.countByStatus()).toEqual({ sent: expected }); // all within the tick's quick retries
    // The 429 path was taken, for the overall limit and for a chat's limit…
    const refused = fake.calls.filter((c) => c.method === "sendMessage" && c.status === 429);
    const perChat = refused.filter((c) =>
      sent.some((s) => s.chat_id === c.payload.chat_id && s.at >= c.at - 1000 && s.at <= c.at),
    );
    expect(perChat.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(perChat.length);
    // …and learnt from: a limiter that kept its pace would be refused again and again.
    expect(refused.length).toBeLessThanOrEqual(10);
  });
});
