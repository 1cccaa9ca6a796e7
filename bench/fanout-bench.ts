import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { syncAllTasks } from "../src/core/plans/tasks.js";
import type { FakeCall, FakeSentRecord } from "../test/support/fake-telegram-server.js";
import { createTestLogger } from "../test/support/harness.js";
import { startFakeTelegram } from "./fake-telegram-process.js";
import { minMedian } from "./startup-bench.js";

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

/**
 * The first units' chats get three reminders each (two more tasks, queued first), so messages to
 * one chat come ~20 messages apart: under a second at Telegram's pace, which is what its per-chat
 * limit (1/s) refuses and ours (3/s) would allow.
 */
const REPEATED = 20;
const REPEATS = 3;
const TOKEN = "123456:TEST-TOKEN-bench-fanout-000000000";

interface FanoutRun {
  wallSeconds: number;
  sendSeconds: number;
  rate: number;
  rejected429: number;
  perChat429: number;
  /** Our overall pace as the last 429 set it. */
  pace: number;
  lost: number;
  duplicates: number;
}

/** One fan-out through the real app to a fresh fake Bot API (in its own process) and a fresh database. */
async function fanoutRun(
  chats: number,
  limitPerSecond: number,
  above: { globalPerSecond: number; perChatPerSecond: number; perGroupPerMinute: number },
): Promise<FanoutRun> {
  const fake = await startFakeTelegram(TOKEN);
  const dir = mkdtempSync(path.join(tmpdir(), "don-doc-bench-"));
  const now = new Date("2021-02-09T01:30:00Z");
  await fake.control("limits", { globalPerSecond: limitPerSecond, perChatPerSecond: 1 });
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.url,
    DATA_DIR: dir,
    LOG_LEVEL: "silent",
    PORT: "0",
  });
  // The channel logs each 429 with the pace it sets: the last one is what the limiter learnt.
  let pace = above.globalPerSecond;
  const logger = {
    ...createTestLogger(),
    warn: (o: object | string) =>
      void (typeof o === "object" && "pace" in o && (pace = (o.pace as { globalPerSecond: number }).globalPerSecond)),
  };
  const app = await createApp(config, {
    clock: { now: () => now },
    logger,
    botInfo: fake.botInfo,
    scheduler: false,
    telegramLimits: above,
  });
  try {
    const { repos } = app;
    await app.db.$transaction(async () => {
      for (let i = 1; i <= chats; i++) {
        const unit = await repos.units.create({
          code: `XA_${i}`,
          name: `UBND xã Số ${i}`,
          kind: "xa",
          tags: i <= REPEATED ? ["xa", "lap"] : ["xa"],
        });
        await repos.chats.bind({
          channel: "telegram",
          chatId: String(10_000 + i),
          chatType: "private",
          role: "unit",
          unitId: unit.id,
        });
      }
    });
    const task = (code: string, title: string, targets: string[]) =>
      repos.tasks.upsert({
        planId: null,
        code,
        title,
        targets,
        schedule: { kind: "once", dueDate: "2021-02-09" },
        reminder: null,
        deadlineText: "09/02/2021",
        createdBy: "bench",
        indicators: [],
      });
    for (let k = 2; k <= REPEATS; k++) await task(`NV_${k}`, `Báo cáo nhanh số tin bài, đợt ${k}`, ["lap"]);
    await task("NV_1", "Xây dựng kế hoạch tuyên truyền CCHC", ["xa"]);
    await syncAllTasks(app.deps);
    const expected = chats + REPEATED * (REPEATS - 1);
    const t0 = performance.now();
    await app.scheduler.tick();
    // Rows that ran out of quick retries wait in the outbox for their retry time: a lost message is one never sent.
    for (let waited = 0; (await repos.outbox.nextAttemptAt()) && waited < 120_000; waited += 200)
      await new Promise((r) => setTimeout(r, 200));
    const wallSeconds = (performance.now() - t0) / 1000;
    const sent = (await fake.control<FakeSentRecord[]>("sent")).filter((s) => s.method === "sendMessage");
    const refused = (await fake.control<FakeCall[]>("calls")).filter(
      (c) => c.method === "sendMessage" && c.status === 429,
    );
    const distinct = new Set(sent.map((s) => `${s.chat_id}:${s.text}`)).size;
    // The send phase alone: first to last message as the fake server saw them.
    const sendSeconds = (sent[sent.length - 1].at - sent[0].at) / 1000;
    // A 429 whose chat had a message accepted in the second before it: the per-chat limit refused it.
    const perChat429 = refused.filter((c) =>
      sent.some((s) => s.chat_id === Number(c.payload.chat_id) && s.at >= c.at - 1000 && s.at <= c.at),
    ).length;
    return {
      wallSeconds,
      sendSeconds,
      rate: (sent.length - 1) / sendSeconds,
      rejected429: refused.length,
      perChat429,
      pace,
      lost: expected - distinct,
      duplicates: sent.length - distinct,
    };
  } finally {
    await app.stop();
    fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Reminder fan-out to `chats` private chats through the real app, against a fake Bot API that
 * enforces Telegram's limits (429 with retry_after beyond them), with our limiter set above them
 * (10 msg/s over overall, 3/s per chat) so the 429 path and the per-chat limit are exercised.
 * Each of `runs` runs starts fresh (new fake, new database, new limiter that must learn again).
 */
export async function benchFanout(chats = 3321, limitPerSecond = 30, runs = 3): Promise<BenchRow[]> {
  const above = { globalPerSecond: limitPerSecond + 10, perChatPerSecond: 3, perGroupPerMinute: 60 };
  const results: FanoutRun[] = [];
  const loadAtStart = loadavg()[0];
  for (let run = 0; run < runs; run++) {
    results.push(await fanoutRun(chats, limitPerSecond, above));
    console.error(`fan-out run ${run + 1}/${runs}:`, results.at(-1), `load ${loadavg()[0].toFixed(2)}`);
  }
  const of = (key: keyof FanoutRun) => results.map((r) => r[key]);
  const worst = (key: keyof FanoutRun) => Math.max(...of(key));
  return [
    { name: `fan-out: chats (${REPEATED} of them get ${REPEATS} reminders)`, value: chats, unit: "chats" },
    { name: "fan-out: our limiter (above Telegram's)", value: above.globalPerSecond, unit: "msg/s" },
    { name: "fan-out: enforced limit (strict 1 s sliding window; 1/s per chat)", value: limitPerSecond, unit: "msg/s" },
    ...minMedian("fan-out: wall time (plan + send)", of("wallSeconds"), "s"),
    ...minMedian("fan-out: send phase (first to last message)", of("sendSeconds"), "s"),
    ...minMedian("fan-out: rate", of("rate"), "msg/s"),
    ...minMedian(
      "fan-out: rate / limit",
      of("rate").map((r) => r / limitPerSecond),
      "ratio",
      3,
    ),
    ...minMedian("fan-out: 429 answers", of("rejected429"), "count"),
    ...minMedian("fan-out: 429 answers for the per-chat limit", of("perChat429"), "count"),
    ...minMedian("fan-out: our overall pace as set by the last 429", of("pace"), "msg/s"),
    { name: `fan-out: lost (worst of ${runs})`, value: worst("lost"), unit: "count" },
    { name: `fan-out: duplicated (worst of ${runs})`, value: worst("duplicates"), unit: "count" },
    { name: "fan-out: load average (1 min) at start", value: round(loadAtStart), unit: "load" },
    { name: "fan-out: load average (1 min) at end", value: round(loadavg()[0]), unit: "load" },
  ];
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
