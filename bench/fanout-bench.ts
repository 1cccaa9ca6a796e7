import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { syncAllTasks } from "../src/core/plans/tasks.js";
import { createFakeTelegramServer } from "../test/support/fake-telegram-server.js";
import { createTestLogger } from "../test/support/harness.js";

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

/** Units whose chat gets two reminders (a second task), so Telegram's per-chat limit is met too. */
const TWICE = 50;

/**
 * Reminder fan-out to `chats` private chats through the real app, against a fake Bot API that
 * enforces Telegram's limits (429 with retry_after beyond them), with our limiter set above them
 * (40/s overall, 3/s per chat) so the 429 path and the per-chat limit are exercised.
 */
export async function benchFanout(chats = 3321, limitPerSecond = 30): Promise<BenchRow[]> {
  const fake = await createFakeTelegramServer({ limits: { globalPerSecond: limitPerSecond, perChatPerSecond: 1 } });
  const dir = mkdtempSync(path.join(tmpdir(), "don-doc-bench-"));
  const now = new Date("2021-02-09T01:30:00Z");
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url, DATA_DIR: dir, LOG_LEVEL: "silent", PORT: "0" });
  const above = { globalPerSecond: limitPerSecond + 10, perChatPerSecond: 3, perGroupPerMinute: 60 };
  const app = await createApp(config, { clock: { now: () => now }, logger: createTestLogger(), botInfo: fake.botInfo, scheduler: false, telegramLimits: above });
  try {
    const { repos } = app;
    await app.db.$transaction(async () => {
      for (let i = 1; i <= chats; i++) {
        const unit = await repos.units.create({ code: `XA_${i}`, name: `UBND xã Số ${i}`, kind: "xa", tags: i <= TWICE ? ["xa", "hai"] : ["xa"] });
        await repos.chats.bind({ channel: "telegram", chatId: String(10_000 + i), chatType: "private", role: "unit", unitId: unit.id });
      }
    });
    await repos.tasks.upsert({ planId: null, code: "NV_1", title: "Xây dựng kế hoạch tuyên truyền CCHC", targets: ["xa"], schedule: { kind: "once", dueDate: "2021-02-09" }, reminder: null, deadlineText: "09/02/2021", createdBy: "bench", indicators: [] });
    await repos.tasks.upsert({ planId: null, code: "NV_2", title: "Báo cáo nhanh số tin bài", targets: ["hai"], schedule: { kind: "once", dueDate: "2021-02-09" }, reminder: null, deadlineText: "09/02/2021", createdBy: "bench", indicators: [] });
    await syncAllTasks(app.deps);
    const expected = chats + TWICE;
    const t0 = performance.now();
    await app.scheduler.tick();
    const seconds = (performance.now() - t0) / 1000;
    const sent = fake.sent();
    const distinct = new Set(sent.map((s) => `${s.chat_id}:${s.text}`)).size;
    // The send phase alone: first to last message as the fake server saw them.
    const sendSeconds = (sent[sent.length - 1].at - sent[0].at) / 1000;
    const rate = (sent.length - 1) / sendSeconds;
    return [
      { name: `fan-out: chats (${TWICE} of them get two reminders)`, value: chats, unit: "chats" },
      { name: "fan-out: our limiter (above Telegram's)", value: above.globalPerSecond, unit: "msg/s" },
      { name: "fan-out: enforced limit", value: limitPerSecond, unit: "msg/s" },
      { name: "fan-out: wall time (plan + send)", value: round(seconds), unit: "s" },
      { name: "fan-out: send phase (first to last message)", value: round(sendSeconds), unit: "s" },
      { name: "fan-out: rate", value: round(rate), unit: "msg/s" },
      { name: "fan-out: rate / limit", value: round(rate / limitPerSecond, 3), unit: "ratio" },
      { name: "fan-out: 429 answers", value: fake.stats().rejected429, unit: "count" },
      { name: "fan-out: duplicates", value: sent.length - distinct, unit: "count" },
      { name: "fan-out: lost", value: expected - distinct, unit: "count" },
    ];
  } finally {
    await app.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
