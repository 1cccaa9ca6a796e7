import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import Database from "better-sqlite3";
import { Bot, type Context } from "grammy";
import type { Update } from "grammy/types";
import type { SqliteConnection } from "../src/db/database.js";
import { createTestLogger } from "../test/support/harness.js";
import type { UserMessageInput } from "../test/support/fake-telegram-server.js";
import type { BenchRow } from "./fanout-bench.js";
import { startFakeTelegram, type FakeTelegramProcess } from "./fake-telegram-process.js";
import { buildIfStale, minMedian } from "./startup-bench.js";

/**
 * Our bot as production runs it: the compiled build in dist/ (tsx, which the bench itself runs
 * under, adds its own cost to every function it compiles). Types come from the sources.
 */
async function loadProductionBuild() {
  buildIfStale();
  const dist = (file: string) => new URL(`../dist/${file}`, import.meta.url).href;
  return {
    ...((await import(dist("app.js"))) as typeof import("../src/app.js")),
    ...((await import(dist("config.js"))) as typeof import("../src/config.js")),
    ...((await import(dist("db/database.js"))) as typeof import("../src/db/database.js")),
    ...((await import(dist("core/plans/tasks.js"))) as typeof import("../src/core/plans/tasks.js")),
    ...((await import(dist("core/plans/sample-indicators.js"))) as typeof import("../src/core/plans/sample-indicators.js")),
  };
}
let production: ReturnType<typeof loadProductionBuild> | undefined;

const REPORTS = [
  "Xã {n} báo cáo: đã treo 12 pa nô, 30 băng rôn khẩu hiệu, phát thanh 20 buổi",
  "bao cao: da dang 5 tin bai tren trang thong tin, 2 phong su",
  "Báo cáo nhanh: tổ chức 1 hội nghị với 150 người tham dự, phát 500 tờ rơi",
  "bc: treo mười hai pano, ba áp phích theo kế hoạch số 15/KH-UBND ngày 05/02/2021",
];

const CHATS = 500;
const TOTAL = 2000;
/** Warm-up: reports of the same kind (parser + SQL, new reports and revisions) on chats of their own. */
const WARM_CHATS = 125;
const WARM_TOTAL = 500;
const ROUNDS = 3;
const BURST_TIMEOUT_MS = 120_000;
/** As our Telegram channel polls (src/channels/telegram/telegram-channel.ts): 30 s long poll, Telegram's default limit of 100. */
const POLL_TIMEOUT_S = 30;
/** As the durable inbox handles (src/inbox/durable-inbox.ts): up to 4 chats at a time. */
const CONCURRENCY = 4;

const measuredChat = (c: number) => ({ chat: { id: -500_000 - c, type: "group" as const, title: `Xã ${c}` }, from: { id: 900_000 + c, first_name: `Cán bộ ${c}` } });
const warmChat = (c: number) => ({ chat: { id: -400_000 - c, type: "group" as const, title: `Khởi động ${c}` }, from: { id: 800_000 + c, first_name: `Khởi động ${c}` } });

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"];
const MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Xuân", "Hồng"];
const GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Lan", "Nam", "Phương", "Tuấn", "Yến"];
/** A signature unique to each chat, without digits: no two messages of a burst have the same text, as with real officers. */
const signature = (c: number) => `${FAMILY[c % 10]} ${MIDDLE[Math.floor(c / 10) % 10]} ${GIVEN[Math.floor(c / 100) % 10]}`;

/** `total` reports from `chats` chats, one per chat in turn (so 3 of 4 per chat are revisions of the first). */
function burstOf(who: (c: number) => Pick<UserMessageInput, "chat" | "from">, chats: number, total: number): UserMessageInput[] {
  return Array.from({ length: total }, (_, i) => {
    const [c, r] = [i % chats, Math.floor(i / chats)];
    return { ...who(c), text: `${REPORTS[r % REPORTS.length].replace("{n}", String(c))} — ${signature(c)}` };
  });
}

interface Burst {
  replies: number;
  seconds: number;
  /** Inject → reply arrives at the fake, measured inside the fake's process (ms, sorted). */
  latencies: number[];
}

// A full GC before each burst: the bots share this process, and one bot's garbage (or its warm-up's)
// must not be collected during the next one's measurement.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Sends the burst in one request and timer for the first reply to each message (bounded). */
async function burst(fake: FakeTelegramProcess, messages: UserMessageInput[]): Promise<Burst> {
  collectGarbage();
  await fake.control("reset");
  await fake.control("user-messages", { messages });
  return fake.control<Burst>(`burst-replies?count=${messages.length}&timeoutMs=${BURST_TIMEOUT_MS}`);
}

/** Updates left from an earlier bot (one stopped before its offset moved on) must not reach the next one. */
async function dropPending(fake: FakeTelegramProcess): Promise<void> {
  await fetch(`${fake.url}/bot${fake.token}/deleteWebhook?drop_pending_updates=true`, { signal: AbortSignal.timeout(10_000) });
}

interface Run {
  burst: Burst;
  /** Time inside the bot's handler per message, sorted (ours: core.handle incl. its reply; baselines: their middleware incl. the reply). */
  handling: number[];
  /** The same without the time spent waiting for sendMessage's answer (the reply's round trip to the fake), sorted. */
  ownHandling: number[];
  /** sendMessage calls made while handling: call → answer, sorted. */
  replyRoundTrips: number[];
  /** Measured messages stored: ours report versions (new report or revision), parse-insert rows; echo none. */
  stored?: number;
  /** journal_mode and synchronous of the bot's SQLite connection (ours and parse-insert must match). */
  sqlite?: string;
  /** Ours: the report path's SQLite time and statements per message (the inbox's own rows apart). */
  reportMsPerMessage?: number;
  reportStatementsPerMessage?: number;
  /** Ours: the durable inbox's statements on its InboxMessage rows, and their SQLite time, per message. */
  inboxStatementsPerMessage?: number;
  inboxMsPerMessage?: number;
}

interface BotUnderTest {
  name: string;
  measure(fake: FakeTelegramProcess): Promise<Run>;
}

/**
 * Handling times, and the reply's round trip inside them: sendMessage's call → answer, per chat
 * (both loops handle one message of a chat at a time, so a chat's sends belong to the message
 * being handled).
 */
function handlingTimer() {
  const pending = new Map<string, number>();
  let handling: number[] = [];
  let ownHandling: number[] = [];
  let replyRoundTrips: number[] = [];
  return {
    count: () => handling.length,
    async time<T>(chatId: string, call: () => Promise<T>): Promise<T> {
      const t0 = performance.now();
      try {
        return await call();
      } finally {
        const ms = performance.now() - t0;
        replyRoundTrips.push(ms);
        pending.set(chatId, (pending.get(chatId) ?? 0) + ms);
      }
    },
    handled(chatId: string, ms: number) {
      handling.push(ms);
      ownHandling.push(ms - (pending.get(chatId) ?? 0));
      pending.delete(chatId);
    },
    reset() {
      [handling, ownHandling, replyRoundTrips] = [[], [], []];
      pending.clear();
    },
    sorted: () => ({ handling: sorted(handling), ownHandling: sorted(ownHandling), replyRoundTrips: sorted(replyRoundTrips) }),
  };
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Our bot: 500 commune groups (+ 125 for the warm-up), each with its officer and an open quarterly report task. */
const ours: BotUnderTest = {
  name: "ours",
  async measure(fake) {
    const { createApp, loadConfig, syncAllTasks, connectionOf, SAMPLE_INDICATORS } = await (production ??= loadProductionBuild());
    const dir = mkdtempSync(path.join(tmpdir(), "don-doc-inbound-"));
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url, DATA_DIR: dir, LOG_LEVEL: "silent", PORT: "0" });
    const unlimited = { globalPerSecond: 1e6, perChatPerSecond: 1e6, perGroupPerMinute: 1e9 };
    const app = await createApp(config, { clock: { now: () => new Date("2021-03-10T03:00:00Z") }, logger: createTestLogger(), botInfo: fake.botInfo, telegramLimits: unlimited, scheduler: false });
    try {
      const { repos } = app;
      const chats = [...Array.from({ length: CHATS }, (_, c) => ["XA", measuredChat(c)] as const), ...Array.from({ length: WARM_CHATS }, (_, c) => ["KD", warmChat(c)] as const)];
      // Set up through the transaction's own client: the app's prepared statements wait for a
      // Prisma transaction to end, so they cannot run inside one.
      await app.db.$transaction(async (tx) => {
        for (const [prefix, { chat, from }] of chats) {
          const unit = await tx.unit.create({ data: { code: `${prefix}_${-chat.id}`, name: `UBND xã ${chat.title}`, kind: "xa", tags: "xa" } });
          await tx.chatBinding.create({ data: { channel: "telegram", chatId: String(chat.id), chatType: "group", title: chat.title, role: "unit", unitId: unit.id } });
          // Only registered people may report: each chat's officer is registered for its unit.
          await tx.person.create({ data: { channel: "telegram", userId: String(from.id), displayName: from.first_name, role: "officer", unitId: unit.id } });
        }
      });
      await repos.tasks.upsert({
        planId: null, code: "BC_QUY", title: "Báo cáo quý kết quả tuyên truyền CCHC", targets: ["xa"],
        schedule: { kind: "once", dueDate: "2021-03-15" }, reminder: null, deadlineText: "15/03/2021", createdBy: "bench",
        indicators: SAMPLE_INDICATORS.map((i) => ({ code: i.code, label: i.label, measure: i.measure ?? "", synonyms: i.synonyms })),
      });
      await syncAllTasks(app.deps);
      const timer = handlingTimer();
      const handle = app.core.handle.bind(app.core);
      app.core.handle = async (incoming, options) => {
        const t0 = performance.now();
        const outcome = await handle(incoming, options);
        timer.handled(incoming.chatId, performance.now() - t0);
        return outcome;
      };
      const messenger = app.telegram!.messenger;
      const send = messenger.send.bind(messenger);
      messenger.send = (to, message) => timer.time(to.chatId, () => send(to, message));
      const connection = connectionOf(app.db);
      const inbox = countInboxRows(connection);
      // A new report is revision 1, each revision adds one: the sum counts the versions stored.
      // Number(): the shared connection reads integers as BigInt.
      const versions = () => Number((connection.sqlite.prepare(`SELECT COALESCE(SUM(revision), 0) AS n FROM Report`).get() as { n: number | bigint }).n);
      await app.start();
      const drained = () => Promise.race([app.inbox.drain(), new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
      await burst(fake, burstOf(warmChat, WARM_CHATS, WARM_TOTAL));
      await drained();
      timer.reset();
      const [ms0, st0, v0, inbox0] = [connection.sqliteMs, connection.statements, versions(), { ...inbox }];
      const measured = await burst(fake, burstOf(measuredChat, CHATS, TOTAL));
      // The last messages are marked done in the inbox just after their reply: count their statements too.
      await drained();
      const n = timer.count() || 1;
      return {
        burst: measured, ...timer.sorted(), stored: versions() - v0, sqlite: sqliteSettings(connection.sqlite),
        reportMsPerMessage: (connection.sqliteMs - ms0 - (inbox.ms - inbox0.ms)) / n,
        reportStatementsPerMessage: (connection.statements - st0 - (inbox.statements - inbox0.statements)) / n,
        inboxStatementsPerMessage: (inbox.statements - inbox0.statements) / n,
        inboxMsPerMessage: (inbox.ms - inbox0.ms) / n,
      };
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/**
 * Tells the durable inbox's statements (on "InboxMessage", issue 13's concern) from the report
 * path's, so "DB time per report" is the report's: wraps the shared connection's counting hooks
 * (statements run synchronously, so the SQL counted last is the one being timed; a batch of
 * inbox inserts is timed as one, with its commit).
 */
function countInboxRows(connection: SqliteConnection): { statements: number; ms: number } {
  const totals = { statements: 0, ms: 0 };
  const [count, timed] = [connection.count.bind(connection), connection.timed.bind(connection)];
  let last = "";
  connection.count = (sql) => {
    last = sql;
    if (sql.includes("InboxMessage")) totals.statements++;
    count(sql);
  };
  connection.timed = (work) => {
    const t0 = performance.now();
    try {
      return timed(work);
    } finally {
      if (last.includes("InboxMessage")) totals.ms += performance.now() - t0;
    }
  };
  return totals;
}

/**
 * Polls as our Telegram channel does (getUpdates: 30 s long poll, default limit 100, messages
 * only) and handles as our durable inbox does (one message per chat at a time, up to 4 chats,
 * a chat goes to the back of the line after each message), without storing anything. A small
 * loop of our own rather than @grammyjs/runner: the runner shrinks getUpdates' limit to its free
 * sink capacity (4 here) and does not keep a chat's messages in order.
 */
function pollLikeOurs(bot: Bot): { idle(): Promise<void>; stop(): Promise<void> } {
  const stopping = new AbortController();
  const queues = new Map<number, Update[]>();
  const busy = new Set<number>();
  const idle: (() => void)[] = [];
  const work = async (chat: number, queue: Update[]) => {
    await bot.handleUpdate(queue[0]).catch(() => undefined);
    queue.shift();
    queues.delete(chat);
    if (queue.length) queues.set(chat, queue);
    busy.delete(chat);
    if (!busy.size && !queues.size) for (const resolve of idle.splice(0)) resolve();
    pump();
  };
  const pump = () => {
    for (const [chat, queue] of queues) {
      if (busy.size >= CONCURRENCY || stopping.signal.aborted) return;
      if (busy.has(chat)) continue;
      busy.add(chat);
      void work(chat, queue);
    }
  };
  const polling = (async () => {
    let offset = 0;
    while (!stopping.signal.aborted) {
      let updates: Update[];
      try {
        updates = await bot.api.getUpdates({ offset, timeout: POLL_TIMEOUT_S, allowed_updates: ["message"] }, stopping.signal as Parameters<typeof bot.api.getUpdates>[1]);
      } catch {
        if (!stopping.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      for (const update of updates) {
        const chat = update.message!.chat.id;
        const queue = queues.get(chat);
        if (queue) queue.push(update);
        else queues.set(chat, [update]);
        offset = update.update_id + 1;
      }
      pump();
    }
  })();
  const idleOrAfter = (ms: number) => Promise.race([busy.size || queues.size ? new Promise<void>((resolve) => idle.push(resolve)) : Promise.resolve(), new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);
  return {
    idle: () => idleOrAfter(30_000),
    async stop() {
      stopping.abort();
      queues.clear();
      await Promise.all([polling, idleOrAfter(10_000)]);
    },
  };
}

/** A grammY baseline: times its middleware (incl. the reply), warms up, measures, stops. */
async function measureBaseline(fake: FakeTelegramProcess, reply: (ctx: Context & { message: { text: string } }) => Promise<unknown>): Promise<Run> {
  const bot = new Bot(fake.token, { client: { apiRoot: fake.url }, botInfo: fake.botInfo });
  const timer = handlingTimer();
  bot.api.config.use((prev, method, payload, signal) => (method === "sendMessage" ? timer.time(String((payload as { chat_id: number }).chat_id), () => prev(method, payload, signal)) : prev(method, payload, signal)));
  bot.use(async (ctx, next) => {
    const t0 = performance.now();
    await next();
    timer.handled(String(ctx.chat!.id), performance.now() - t0);
  });
  bot.on("message:text", reply);
  const loop = pollLikeOurs(bot);
  try {
    await burst(fake, burstOf(warmChat, WARM_CHATS, WARM_TOTAL));
    await loop.idle();
    timer.reset();
    const measured = await burst(fake, burstOf(measuredChat, CHATS, TOTAL));
    await loop.idle();
    return { burst: measured, ...timer.sorted() };
  } finally {
    await loop.stop();
  }
}

/** A bare grammY echo bot. */
const echo: BotUnderTest = {
  name: "echo",
  measure: (fake) => measureBaseline(fake, (ctx) => ctx.reply(ctx.message.text, { reply_parameters: { message_id: ctx.message.message_id } })),
};

const sqliteSettings = (db: Database.Database) => `journal_mode=${db.pragma("journal_mode", { simple: true })} synchronous=${db.pragma("synchronous", { simple: true })}`;

/**
 * The parse-and-insert baseline: grammY, a regex that pulls the numbers out of the text, one
 * prepared INSERT through better-sqlite3, a reply. Same SQLite settings as our database
 * (src/db/database.ts): a WAL file (applyMigrations sets journal_mode = WAL) and synchronous =
 * NORMAL (openDatabase; only the inbox's receipt commit runs at FULL, see inbox-store.ts); the
 * bench checks both against our connection.
 */
const parseInsert: BotUnderTest = {
  name: "parse-insert",
  async measure(fake) {
    const dir = mkdtempSync(path.join(tmpdir(), "don-doc-inbound-baseline-"));
    const file = path.join(dir, "baseline.db");
    const setup = new Database(file);
    setup.pragma("journal_mode = WAL");
    setup.exec(`CREATE TABLE report (id INTEGER PRIMARY KEY, chat_id TEXT NOT NULL, message_id INTEGER NOT NULL, user_id TEXT NOT NULL, text TEXT NOT NULL, numbers TEXT NOT NULL, created_at INTEGER NOT NULL)`);
    setup.close();
    const db = new Database(file, { timeout: 5_000 });
    db.pragma("synchronous = NORMAL");
    try {
      const insert = db.prepare(`INSERT INTO report (chat_id, message_id, user_id, text, numbers, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
      const run = await measureBaseline(fake, (ctx) => {
        const numbers = ctx.message.text.match(/\d+/g) ?? [];
        insert.run(String(ctx.message.chat.id), ctx.message.message_id, String(ctx.message.from.id), ctx.message.text, numbers.join(","), Date.now());
        return ctx.reply(`Đã ghi nhận: ${numbers.join(", ")}`, { reply_parameters: { message_id: ctx.message.message_id } });
      });
      const stored = (db.prepare(`SELECT COUNT(*) AS n FROM report WHERE CAST(chat_id AS INTEGER) <= ?`).get(measuredChat(0).chat.id) as { n: number }).n;
      return { ...run, stored, sqlite: sqliteSettings(db) };
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/**
 * Inbound reports through the Telegram path against the fake Bot API in its own process: our bot,
 * a parse-and-insert baseline and a bare echo bot, each warmed up with reports on chats of their
 * own, then 2,000 reports from 500 groups; 3 rounds in alternating order, min and median of 3.
 */
export async function benchInbound(): Promise<BenchRow[]> {
  const load = [loadavg()[0]];
  const fake = await startFakeTelegram("123456:TEST-TOKEN-bench-inbound-0000000");
  const runs = new Map<string, Run[]>([["ours", []], ["parse-insert", []], ["echo", []]]);
  try {
    const orders = [[ours, parseInsert, echo], [echo, parseInsert, ours]];
    for (let round = 0; round < ROUNDS; round++) {
      for (const bot of orders[round % 2]) {
        await dropPending(fake);
        const run = await bot.measure(fake);
        runs.get(bot.name)!.push(run);
        process.stderr.write(`inbound round ${round + 1} ${bot.name}: ${run.burst.replies} replies, ${(run.burst.replies / run.burst.seconds).toFixed(1)} msg/s, load ${loadavg()[0].toFixed(2)}\n`);
      }
    }
  } finally {
    fake.stop();
  }
  load.push(loadavg()[0]);
  const [o, p, e] = [runs.get("ours")!, runs.get("parse-insert")!, runs.get("echo")!];
  const settings = new Set([...o, ...p].map((r) => r.sqlite));
  if (settings.size !== 1) throw new Error(`parse-and-insert baseline and our bot use different SQLite settings: ${[...settings].join(" / ")}`);
  const rate = (r: Run) => r.burst.replies / r.burst.seconds;
  const of = (list: Run[], f: (r: Run) => number) => list.map(f);
  const rows: BenchRow[] = [
    { name: "inbound: load average (1 min) at start", value: Math.round(load[0] * 100) / 100, unit: "load" },
    { name: "inbound: load average (1 min) at end", value: Math.round(load[1] * 100) / 100, unit: "load" },
    { name: `inbound: warm-up before measuring (each bot, each round): reports on ${WARM_CHATS} chats of their own`, value: WARM_TOTAL, unit: "count" },
  ];
  for (const [label, list] of [["ours", o], ["parse-and-insert", p], ["echo", e]] as const) {
    rows.push(
      ...minMedian(`inbound ${label}: replies counted (of ${TOTAL})`, of(list, (r) => r.burst.replies), "count"),
      ...minMedian(`inbound ${label}: throughput`, of(list, rate), "msg/s", 1),
      ...minMedian(`inbound ${label}: handling p50 (${label === "ours" ? "core.handle" : "handler"}, incl. reply)`, of(list, (r) => percentile(r.handling, 50)), "ms"),
      ...minMedian(`inbound ${label}: handling p99 (${label === "ours" ? "core.handle" : "handler"}, incl. reply)`, of(list, (r) => percentile(r.handling, 99)), "ms"),
      ...minMedian(`inbound ${label}: handling p99 without the reply's round trip (time waiting for sendMessage's answer taken out)`, of(list, (r) => percentile(r.ownHandling, 99)), "ms"),
      ...minMedian(`inbound ${label}: reply round trip p50 (sendMessage call → answer, while handling)`, of(list, (r) => percentile(r.replyRoundTrips, 50)), "ms"),
      ...minMedian(`inbound ${label}: reply round trip p99 (sendMessage call → answer, while handling)`, of(list, (r) => percentile(r.replyRoundTrips, 99)), "ms"),
      ...minMedian(`inbound ${label}: latency p50 (burst, inject → reply, in the fake)`, of(list, (r) => percentile(r.burst.latencies, 50)), "ms"),
      ...minMedian(`inbound ${label}: latency p99 (burst, inject → reply, in the fake)`, of(list, (r) => percentile(r.burst.latencies, 99)), "ms"),
    );
  }
  rows.push(
    ...minMedian(`inbound ours: report versions stored (new + revisions, of ${TOTAL})`, of(o, (r) => r.stored!), "count"),
    ...minMedian(`inbound parse-and-insert: rows inserted (of ${TOTAL})`, of(p, (r) => r.stored!), "count"),
    ...minMedian("inbound ours: time inside SQLite per report (report path, without the inbox's rows)", of(o, (r) => r.reportMsPerMessage!), "ms", 3),
    ...minMedian("inbound ours: SQL statements per report (report path, without the inbox's rows)", of(o, (r) => r.reportStatementsPerMessage!), "count"),
    ...minMedian("inbound ours: inbox statements per message (InboxMessage rows)", of(o, (r) => r.inboxStatementsPerMessage!), "count"),
    ...minMedian("inbound ours: time inside SQLite per message for the inbox's rows", of(o, (r) => r.inboxMsPerMessage!), "ms", 3),
    ...minMedian("inbound ours / parse-and-insert throughput (per round)", o.map((r, i) => rate(r) / rate(p[i])), "ratio", 3),
    ...minMedian("inbound ours / echo throughput (per round)", o.map((r, i) => rate(r) / rate(e[i])), "ratio", 3),
  );
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  rows.push(
    { name: `target: inbound ≥ 0.25 of parse-and-insert — measured (median of ${ROUNDS})`, value: Math.round(median(o.map((r, i) => rate(r) / rate(p[i]))) * 1000) / 1000, unit: "ratio" },
    { name: `target: handling p99 < 10 ms — measured (median of ${ROUNDS})`, value: Math.round(median(of(o, (r) => percentile(r.handling, 99))) * 100) / 100, unit: "ms" },
    { name: `target: DB time per report ≤ 0.5 ms — measured (median of ${ROUNDS}, report path)`, value: Math.round(median(of(o, (r) => r.reportMsPerMessage!)) * 1000) / 1000, unit: "ms" },
  );
  return rows;
}
