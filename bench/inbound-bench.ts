import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "@grammyjs/runner";
import { Bot } from "grammy";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { connectionOf } from "../src/db/database.js";
import { syncAllTasks } from "../src/core/plans/tasks.js";
import { SAMPLE_INDICATORS } from "../src/core/plans/sample-indicators.js";
import { createFakeTelegramServer, type FakeTelegram } from "../test/support/fake-telegram-server.js";
import { createTestLogger } from "../test/support/harness.js";
import { round, type BenchRow } from "./fanout-bench.js";

const REPORTS = [
  "Xã {n} báo cáo: đã treo 12 pa nô, 30 băng rôn khẩu hiệu, phát thanh 20 buổi",
  "bao cao: da dang 5 tin bai tren trang thong tin, 2 phong su",
  "Báo cáo nhanh: tổ chức 1 hội nghị với 150 người tham dự, phát 500 tờ rơi",
  "bc: treo mười hai pano, ba áp phích theo kế hoạch số 15/KH-UBND ngày 05/02/2021",
];

interface Measured {
  seconds: number;
  latencies: number[];
  /** Time inside the bot's handler per message (ours: core.handle, including the reply's HTTP call). */
  handling?: number[];
  /** Time inside SQLite and data statements per handled message (ours only). */
  sqliteMsPerMessage?: number;
  statementsPerMessage?: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Sends `total` messages from `chats` group chats (in rounds, one per chat at a time) and times the replies. */
async function drive(fake: FakeTelegram, chats: number, total: number, text: (chat: number, round: number) => string): Promise<Measured> {
  const injectedAt = new Map<string, number>();
  const t0 = performance.now();
  const rounds = Math.ceil(total / chats);
  for (let r = 0; r < rounds; r++) {
    for (let c = 0; c < chats && r * chats + c < total; c++) {
      const chat = { id: -500_000 - c, type: "group" as const, title: `Xã ${c}` };
      const update = fake.sendUserMessage({ chat, from: { id: 900_000 + c, first_name: `Cán bộ ${c}` }, text: text(c, r) });
      injectedAt.set(`${chat.id}:${update.message.message_id}`, Date.now());
    }
  }
  const deadline = Date.now() + 120_000;
  for (;;) {
    const replied = fake.sent().filter((s) => s.message?.reply_to_message).length;
    if (replied >= total || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - t0) / 1000;
  const latencies: number[] = [];
  for (const s of fake.sent()) {
    const start = injectedAt.get(`${s.chat_id}:${s.message?.reply_to_message?.message_id}`);
    if (start !== undefined) latencies.push(s.at - start);
  }
  return { seconds, latencies: latencies.sort((a, b) => a - b) };
}

const WARM_UP = 20;

/** A few messages first, as in any long-running process: JIT, first connections, first queries. */
async function warmUp(fake: FakeTelegram, text: string): Promise<void> {
  for (let i = 0; i < WARM_UP; i++) fake.sendUserMessage({ chat: { id: -400_000 - i, type: "group", title: "Khởi động" }, from: { id: 800_000 + i, first_name: "Khởi động" }, text });
  const deadline = Date.now() + 30_000;
  while (fake.sent().length < WARM_UP && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  fake.reset();
}

/** Our bot: 500 commune groups, each with an open quarterly report task, 2,000 reports. */
async function measureApp(chats: number, total: number): Promise<Measured> {
  const fake = await createFakeTelegramServer({ longPollMaxMs: 500 });
  const dir = mkdtempSync(path.join(tmpdir(), "don-doc-inbound-"));
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url, DATA_DIR: dir, LOG_LEVEL: "silent", PORT: "0" });
  const unlimited = { globalPerSecond: 1e6, perChatPerSecond: 1e6, perGroupPerMinute: 1e9 };
  const app = await createApp(config, { clock: { now: () => new Date("2021-03-10T03:00:00Z") }, logger: createTestLogger(), botInfo: fake.botInfo, telegramLimits: unlimited, scheduler: false });
  try {
    const { repos } = app;
    await app.db.$transaction(async () => {
      for (let c = 0; c < chats; c++) {
        const unit = await repos.units.create({ code: `XA_${c}`, name: `UBND xã Số ${c}`, kind: "xa", tags: ["xa"] });
        await repos.chats.bind({ channel: "telegram", chatId: String(-500_000 - c), chatType: "group", title: `Xã ${c}`, role: "unit", unitId: unit.id });
        // The officer who reports is registered for the unit (only registered people may report).
        const officer = await repos.people.touch({ channel: "telegram", userId: String(900_000 + c), displayName: `Cán bộ ${c}` });
        await repos.people.setUnit(officer.id, unit.id);
        await repos.people.setRole(officer.id, "officer");
      }
    });
    await repos.tasks.upsert({
      planId: null, code: "BC_QUY", title: "Báo cáo quý kết quả tuyên truyền CCHC", targets: ["xa"],
      schedule: { kind: "once", dueDate: "2021-03-15" }, reminder: null, deadlineText: "15/03/2021", createdBy: "bench",
      indicators: SAMPLE_INDICATORS.map((i) => ({ code: i.code, label: i.label, measure: i.measure ?? "", synonyms: i.synonyms })),
    });
    await syncAllTasks(app.deps);
    const handling: number[] = [];
    const handle = app.core.handle.bind(app.core);
    app.core.handle = async (incoming, options) => {
      const t0 = performance.now();
      const outcome = await handle(incoming, options);
      handling.push(performance.now() - t0);
      return outcome;
    };
    await app.start();
    await warmUp(fake, "/trogiup");
    handling.length = 0;
    const connection = connectionOf(app.db);
    const [ms0, st0] = [connection.sqliteMs, connection.statements];
    const measured = await drive(fake, chats, total, (c, r) => REPORTS[r % REPORTS.length].replace("{n}", String(c)));
    const n = handling.length || 1;
    return { ...measured, handling: handling.sort((a, b) => a - b), sqliteMsPerMessage: (connection.sqliteMs - ms0) / n, statementsPerMessage: (connection.statements - st0) / n };
  } finally {
    await app.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The baseline: a bare grammY echo bot with the same runner, on the same kind of fake server. */
async function measureEcho(chats: number, total: number): Promise<Measured> {
  const fake = await createFakeTelegramServer({ longPollMaxMs: 500 });
  const bot = new Bot(fake.token, { client: { apiRoot: fake.url }, botInfo: fake.botInfo });
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.text, { reply_parameters: { message_id: ctx.message.message_id } }));
  const runner = run(bot);
  try {
    await warmUp(fake, "Khởi động");
    return await drive(fake, chats, total, (c, r) => REPORTS[r % REPORTS.length].replace("{n}", String(c)));
  } finally {
    await runner.stop();
    await fake.close();
  }
}

/**
 * Inbound report handling through the Telegram adapter against the fake Bot API (2,000 reports
 * from 500 chats), beside a bare grammY echo bot measured the same way in the same run.
 */
export async function benchInbound(chats = 500, total = 2000): Promise<BenchRow[]> {
  const echo = await measureEcho(chats, total);
  const ours = await measureApp(chats, total);
  const rate = (m: Measured) => m.latencies.length / m.seconds;
  return [
    { name: "inbound: warm-up messages before measuring (each bot)", value: WARM_UP, unit: "count" },
    { name: "inbound: reports handled (of 2,000)", value: ours.latencies.length, unit: "count" },
    { name: "inbound: throughput", value: round(rate(ours)), unit: "msg/s" },
    { name: "inbound: handling p50 (core.handle, incl. reply)", value: round(percentile(ours.handling!, 50)), unit: "ms" },
    { name: "inbound: handling p99 (core.handle, incl. reply)", value: round(percentile(ours.handling!, 99)), unit: "ms" },
    { name: "inbound: time inside SQLite per message (incl. the inbox's rows)", value: round(ours.sqliteMsPerMessage!, 3), unit: "ms" },
    { name: "inbound: SQL statements per message (incl. the inbox's rows)", value: round(ours.statementsPerMessage!, 2), unit: "count" },
    { name: "inbound: latency p50 (burst, inject → reply)", value: round(percentile(ours.latencies, 50)), unit: "ms" },
    { name: "inbound: latency p99 (burst, inject → reply)", value: round(percentile(ours.latencies, 99)), unit: "ms" },
    { name: "echo bot: throughput", value: round(rate(echo)), unit: "msg/s" },
    { name: "echo bot: latency p50", value: round(percentile(echo.latencies, 50)), unit: "ms" },
    { name: "echo bot: latency p99", value: round(percentile(echo.latencies, 99)), unit: "ms" },
    { name: "inbound / echo throughput", value: round(rate(ours) / rate(echo), 3), unit: "ratio" },
  ];
}
