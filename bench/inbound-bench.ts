import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import type { UserMessageInput } from "../test/support/fake-telegram-server.js";
import { type BotChild, spawnBot } from "./bot-child.js";
import { type FakeTelegramProcess, startFakeTelegram } from "./fake-telegram-process.js";
import type { BenchRow } from "./fanout-bench.js";
import { buildIfStale, minMedian } from "./startup-bench.js";

/** The bench's dist/ modules (seeding only: every bot runs in a process of its own). */
async function production() {
  const dist = (file: string) => new URL(`../dist/${file}`, import.meta.url).href;
  return {
    ...((await import(dist("app.js"))) as typeof import("../src/app.js")),
    ...((await import(dist("config.js"))) as typeof import("../src/config.js")),
    ...((await import(dist("core/plans/tasks.js"))) as typeof import("../src/core/plans/tasks.js")),
    ...((await import(
      dist("core/plans/sample-indicators.js")
    )) as typeof import("../src/core/plans/sample-indicators.js")),
  };
}

const REPORTS = [
  "Xã {n} báo cáo: đã treo 12 pa nô, 30 băng rôn khẩu hiệu, phát thanh 20 buổi",
  "bao cao: da dang 5 tin bai tren trang thong tin, 2 phong su",
  "Báo cáo nhanh: tổ chức 1 hội nghị với 150 người tham dự, phát 500 tờ rơi",
  "bc: treo mười hai pano, ba áp phích theo kế hoạch số 15/KH-UBND ngày 05/02/2021",
];

const TOKEN = "123456:TEST-TOKEN-bench-inbound-0000000";
const CHATS = 500;
const TOTAL = 2000;
/**
 * Warm-up: reports of the same kind (parser + SQL, new reports and revisions) on chats of their
 * own, in bursts of 500, until the JIT has settled for both bots: after 500 messages V8 still
 * spent about a quarter of either bot's CPU compiling during the measured burst (perf: ours 23 %,
 * parse-and-insert 27 %, which flattered the ratio); ours after 3,000: 2 %.
 */
const WARM_CHATS = 125;
const WARM_BURST = 500;
const WARM_TOTAL = 2_000;

/** The warm-up bursts (each burst's texts differ; later bursts revise the same chats' reports). */
async function warmUp(fake: FakeTelegramProcess): Promise<void> {
  for (let sent = 0; sent < WARM_TOTAL; sent += WARM_BURST)
    await burst(fake, burstOf(warmChat, WARM_CHATS, WARM_BURST));
}
const ROUNDS = 3;
const BURST_TIMEOUT_MS = 120_000;
/** Telegram's limits, enforced by the fake for the deployed run (429 with retry_after beyond them). */
const TELEGRAM_LIMITS = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };

export const measuredChat = (c: number) => ({
  chat: { id: -500_000 - c, type: "group" as const, title: `Xã ${c}` },
  from: { id: 900_000 + c, first_name: `Cán bộ ${c}` },
});
export const warmChat = (c: number) => ({
  chat: { id: -400_000 - c, type: "group" as const, title: `Khởi động ${c}` },
  from: { id: 800_000 + c, first_name: `Khởi động ${c}` },
});

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"];
const MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Xuân", "Hồng"];
const GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Lan", "Nam", "Phương", "Tuấn", "Yến"];
/** A signature unique to each chat, without digits: no two messages of a burst have the same text, as with real officers. */
const signature = (c: number) =>
  `${FAMILY[c % 10]} ${MIDDLE[Math.floor(c / 10) % 10]} ${GIVEN[Math.floor(c / 100) % 10]}`;

/** `total` reports from `chats` chats, one per chat in turn (so 3 of 4 per chat are revisions of the first). */
export function burstOf(
  who: (c: number) => Pick<UserMessageInput, "chat" | "from">,
  chats: number,
  total: number,
): UserMessageInput[] {
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

/** Sends the burst in one request and waits (bounded) for the first reply to each message. */
export async function burst(
  fake: FakeTelegramProcess,
  messages: UserMessageInput[],
  timeoutMs = BURST_TIMEOUT_MS,
): Promise<Burst> {
  await fake.control("reset");
  await fake.control("user-messages", { messages });
  return fake.control<Burst>(`burst-replies?count=${messages.length}&timeoutMs=${timeoutMs}`);
}

/** Updates left from an earlier bot (one stopped before its offset moved on) must not reach the next one. */
export async function dropPending(fake: FakeTelegramProcess): Promise<void> {
  const call = () =>
    fetch(`${fake.url}/bot${fake.token}/deleteWebhook?drop_pending_updates=true`, {
      signal: AbortSignal.timeout(10_000),
    });
  // A kept-alive connection the fake closed while idle (seeding took longer than its keep-alive) fails once.
  await call().catch((error: { cause?: { code?: string } }) =>
    error.cause?.code === "UND_ERR_SOCKET" ? call() : Promise.reject(error),
  );
}

interface Timings {
  /** Time inside the bot's handler per message (ours: core.handle incl. its reply; baselines: their middleware incl. the reply). */
  handling: number[];
  /** The same without the time spent waiting for sendMessage's answer (the reply's round trip to the fake). */
  ownHandling: number[];
  /** sendMessage calls made while handling: call → answer. */
  replyRoundTrips: number[];
}

interface Run {
  burst: Burst;
  timings: Timings;
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
  /** 429 answers the fake gave during the measured burst. */
  rejected429?: number;
  /** The bot process's CPU time (all its threads) from the measured burst to its last message done, per message. */
  cpuMsPerMessage: number;
}

interface OurStats {
  timings: Timings;
  cpuMs: number;
  sqlite: { statements: number; ms: number; settings: string };
  inbox: { statements: number; ms: number };
  versions: number;
  errors: string[];
}

interface BotUnderTest {
  name: string;
  start(fake: FakeTelegramProcess, dir: string): Promise<BotChild>;
  /** Warms up, measures one burst, and reads the bot's own figures. */
  measure(fake: FakeTelegramProcess, bot: BotChild): Promise<Run>;
}

/** Our bot's data: 500 commune groups (+ 125 for the warm-up), each with its officer, and an open task due in two weeks. */
export async function seedOurs(dir: string): Promise<void> {
  const p = await production();
  const config = p.loadConfig({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: "http://127.0.0.1:9",
    DATA_DIR: dir,
    LOG_LEVEL: "silent",
    PORT: "0",
  });
  const app = await p.createApp(config, { logger: { info() {}, warn() {}, error() {}, debug() {} }, scheduler: false });
  try {
    const chats = [
      ...Array.from({ length: CHATS }, (_, c) => ["XA", measuredChat(c)] as const),
      ...Array.from({ length: WARM_CHATS }, (_, c) => ["KD", warmChat(c)] as const),
    ];
    await app.db.$transaction(async (tx) => {
      for (const [prefix, { chat, from }] of chats) {
        const unit = await tx.unit.create({
          data: { code: `${prefix}_${-chat.id}`, name: `UBND xã ${chat.title}`, kind: "xa", tags: "xa" },
        });
        await tx.chatBinding.create({
          data: {
            channel: "telegram",
            chatId: String(chat.id),
            chatType: "group",
            title: chat.title,
            role: "unit",
            unitId: unit.id,
          },
        });
        // Only registered people may report: each chat's officer is registered for its unit.
        await tx.person.create({
          data: {
            channel: "telegram",
            userId: String(from.id),
            displayName: from.first_name,
            role: "officer",
            unitId: unit.id,
          },
        });
      }
    });
    // The bot runs on the real clock: the task is due two weeks from now.
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await app.repos.tasks.upsert({
      planId: null,
      code: "BC_QUY",
      title: "Báo cáo quý kết quả tuyên truyền CCHC",
      targets: ["xa"],
      schedule: { kind: "once", dueDate: due },
      reminder: null,
      deadlineText: due,
      createdBy: "bench",
      indicators: p.SAMPLE_INDICATORS.map((i) => ({
        code: i.code,
        label: i.label,
        measure: i.measure ?? "",
        synonyms: i.synonyms,
      })),
    });
    await p.syncAllTasks(app.deps);
  } finally {
    await app.stop();
  }
}

/** Our bot (dist/, bench/bot-process.mjs) on a copy of the seeded data, `limits` its send limiter. */
function ours(limits: "unlimited" | "deployed"): BotUnderTest {
  return {
    name: limits === "unlimited" ? "ours" : "ours (deployed)",
    start: (fake, dir) =>
      spawnBot("bench/bot-process.mjs", {
        DATA_DIR: dir,
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.url,
        LOG_LEVEL: "silent",
        PORT: "0",
        BENCH_BOT: JSON.stringify({
          limits: limits === "unlimited" ? "unlimited" : undefined,
          instrument: true,
          botInfo: fake.botInfo,
        }),
      }),
    async measure(fake, bot) {
      // The deployed run measures what the limiter lets through, warm or not.
      if (limits === "unlimited") {
        await warmUp(fake);
        await bot.ask("drain");
      }
      const before = await bot.ask<OurStats>("stats");
      await bot.ask("reset");
      const measured = await burst(
        fake,
        burstOf(measuredChat, CHATS, TOTAL),
        limits === "unlimited" ? BURST_TIMEOUT_MS : 300_000,
      );
      const { rejected429 } = await fake.control<{ rejected429: number }>("stats");
      // The last messages are marked done in the inbox just after their reply: count their statements too.
      await bot.ask("drain");
      const after = await bot.ask<OurStats>("stats");
      const n = after.timings.handling.length || 1;
      const inboxMs = after.inbox.ms - before.inbox.ms;
      const inboxStatements = after.inbox.statements - before.inbox.statements;
      if (after.errors.length)
        process.stderr.write(`inbound ${this.name}: ${after.errors.length} errors logged, first: ${after.errors[0]}\n`);
      return {
        burst: measured,
        timings: after.timings,
        stored: after.versions - before.versions,
        sqlite: after.sqlite.settings,
        reportMsPerMessage: (after.sqlite.ms - before.sqlite.ms - inboxMs) / n,
        reportStatementsPerMessage: (after.sqlite.statements - before.sqlite.statements - inboxStatements) / n,
        inboxStatementsPerMessage: inboxStatements / n,
        inboxMsPerMessage: inboxMs / n,
        rejected429,
        cpuMsPerMessage: after.cpuMs / n,
      };
    },
  };
}

/** A baseline (bench/baseline-bot.mjs): warms up, measures, reads its figures. */
function baseline(kind: "echo" | "parse-insert"): BotUnderTest {
  return {
    name: kind,
    start: (fake, dir) =>
      spawnBot("bench/baseline-bot.mjs", {
        BASELINE: kind,
        BOT_TOKEN: fake.token,
        API_ROOT: fake.url,
        BOT_INFO: JSON.stringify(fake.botInfo),
        DB_FILE: path.join(dir, "baseline.db"),
      }),
    async measure(fake, bot) {
      await warmUp(fake);
      await bot.ask("drain");
      const { stored: before } = await bot.ask<{ stored?: number }>("reset");
      const measured = await burst(fake, burstOf(measuredChat, CHATS, TOTAL));
      await bot.ask("drain");
      const after = await bot.ask<{ timings: Timings; cpuMs: number; stored?: number; sqlite?: string }>("stats");
      return {
        burst: measured,
        timings: after.timings,
        cpuMsPerMessage: after.cpuMs / (after.timings.handling.length || 1),
        ...(after.stored !== undefined ? { stored: after.stored - (before ?? 0), sqlite: after.sqlite } : {}),
      };
    },
  };
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const percentile = (values: number[], p: number) => {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** One bot, one round: a fresh copy of the data, its own process, stopped after. */
async function measureOne(fake: FakeTelegramProcess, bot: BotUnderTest, seeded: string): Promise<Run> {
  const dir = mkdtempSync(path.join(tmpdir(), "don-doc-inbound-"));
  if (bot.name.startsWith("ours")) cpSync(seeded, dir, { recursive: true });
  await dropPending(fake);
  const child = await bot.start(fake, dir);
  try {
    return await bot.measure(fake, child);
  } finally {
    await child.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Inbound reports through the Telegram path against the fake Bot API in its own process: our bot,
 * a parse-and-insert baseline and a bare echo bot, each in a process of its own started with the
 * service's node flags, warmed up with reports on chats of their own, then 2,000 reports from 500
 * groups; 3 rounds, each bot in each position once, min and median of 3. Our send limiter is
 * lifted for the headline; one more run with it on, against the fake enforcing Telegram's limits,
 * gives the rate a deployment sees.
 */
export async function benchInbound(): Promise<BenchRow[]> {
  buildIfStale();
  const load = [loadavg()[0]];
  const seeded = mkdtempSync(path.join(tmpdir(), "don-doc-inbound-seed-"));
  const fake = await startFakeTelegram(TOKEN);
  const [o, p, e] = [ours("unlimited"), baseline("parse-insert"), baseline("echo")];
  const runs = new Map<string, Run[]>([
    [o.name, []],
    [p.name, []],
    [e.name, []],
  ]);
  let deployed: Run;
  try {
    await seedOurs(seeded);
    // Each bot first, second and third once: none always follows the same one.
    const orders = [
      [o, p, e],
      [p, e, o],
      [e, o, p],
    ];
    for (let round = 0; round < ROUNDS; round++) {
      for (const bot of orders[round % orders.length]!) {
        const run = await measureOne(fake, bot, seeded);
        runs.get(bot.name)!.push(run);
        process.stderr.write(
          `inbound round ${round + 1} ${bot.name}: ${run.burst.replies} replies, ${(run.burst.replies / run.burst.seconds).toFixed(1)} msg/s, load ${loadavg()[0].toFixed(2)}\n`,
        );
      }
    }
    await fake.control("limits", TELEGRAM_LIMITS);
    try {
      deployed = await measureOne(fake, ours("deployed"), seeded);
    } finally {
      await fake.control("limits", {});
    }
    process.stderr.write(
      `inbound deployed: ${deployed.burst.replies} replies, ${(deployed.burst.replies / deployed.burst.seconds).toFixed(1)} msg/s\n`,
    );
  } finally {
    fake.stop();
    rmSync(seeded, { recursive: true, force: true });
  }
  load.push(loadavg()[0]);
  const [ro, rp, re] = [runs.get(o.name)!, runs.get(p.name)!, runs.get(e.name)!];
  const settings = new Set([...ro, ...rp].map((r) => r.sqlite));
  if (settings.size !== 1)
    throw new Error(
      `parse-and-insert baseline and our bot use different SQLite settings: ${[...settings].join(" / ")}`,
    );
  const rate = (r: Run) => r.burst.replies / r.burst.seconds;
  const of = (list: Run[], f: (r: Run) => number) => list.map(f);
  const rows: BenchRow[] = [
    { name: "inbound: load average (1 min) at start", value: Math.round(load[0]! * 100) / 100, unit: "load" },
    { name: "inbound: load average (1 min) at end", value: Math.round(load[1]! * 100) / 100, unit: "load" },
    {
      name: `inbound: warm-up before measuring (each bot, each round): reports on ${WARM_CHATS} chats of their own, in bursts of ${WARM_BURST}`,
      value: WARM_TOTAL,
      unit: "count",
    },
    {
      name: "inbound: each bot in its own process (dist/, the service's node flags); order per round: ours, parse-insert, echo / parse-insert, echo, ours / echo, ours, parse-insert",
      value: ROUNDS,
      unit: "rounds",
    },
  ];
  for (const [label, list] of [
    ["ours", ro],
    ["parse-and-insert", rp],
    ["echo", re],
  ] as const) {
    const handler = label === "ours" ? "core.handle" : "handler";
    rows.push(
      ...minMedian(
        `inbound ${label}: replies counted (of ${TOTAL})`,
        of(list, (r) => r.burst.replies),
        "count",
      ),
      ...minMedian(
        `inbound ${label}: throughput${label === "ours" ? " (our send limiter lifted: no deployment sees this; deployed rate below)" : ""}`,
        of(list, rate),
        "msg/s",
        1,
      ),
    );
    if (label === "ours") {
      rows.push(
        {
          name: `inbound ours DEPLOYED: throughput, our limiter on, the fake enforcing Telegram's 30 msg/s, 1/s per chat, 20/min per group (one run, no warm-up)`,
          value: Math.round(rate(deployed!) * 10) / 10,
          unit: "msg/s",
        },
        {
          name: "inbound ours DEPLOYED: latency p50 / p99 (burst of 2,000, inject → reply)",
          value: Math.round(percentile(deployed!.burst.latencies, 50)),
          unit: `ms / ${Math.round(percentile(deployed!.burst.latencies, 99))} ms`,
        },
        {
          name: "inbound ours DEPLOYED: 429 answers from the fake",
          value: deployed!.rejected429 ?? NaN,
          unit: "count",
        },
      );
    }
    rows.push(
      ...minMedian(
        `inbound ${label}: handling p50 (${handler}, incl. reply)`,
        of(list, (r) => percentile(r.timings.handling, 50)),
        "ms",
      ),
      ...minMedian(
        `inbound ${label}: handling p99 (${handler}, incl. reply)`,
        of(list, (r) => percentile(r.timings.handling, 99)),
        "ms",
      ),
      ...minMedian(
        `inbound ${label}: handling p99 without the reply's round trip (time waiting for sendMessage's answer taken out)`,
        of(list, (r) => percentile(r.timings.ownHandling, 99)),
        "ms",
      ),
      ...minMedian(
        `inbound ${label}: reply round trip p50 (sendMessage call → answer, while handling)`,
        of(list, (r) => percentile(r.timings.replyRoundTrips, 50)),
        "ms",
      ),
      ...minMedian(
        `inbound ${label}: reply round trip p99 (sendMessage call → answer, while handling)`,
        of(list, (r) => percentile(r.timings.replyRoundTrips, 99)),
        "ms",
      ),
      ...minMedian(
        `inbound ${label}: latency p50 (burst, inject → reply, in the fake)`,
        of(list, (r) => percentile(r.burst.latencies, 50)),
        "ms",
      ),
      ...minMedian(
        `inbound ${label}: latency p99 (burst, inject → reply, in the fake)`,
        of(list, (r) => percentile(r.burst.latencies, 99)),
        "ms",
      ),
    );
  }
  rows.push(
    ...minMedian(
      `inbound ours: report versions stored (new + revisions, of ${TOTAL})`,
      of(ro, (r) => r.stored!),
      "count",
    ),
    ...minMedian(
      `inbound parse-and-insert: rows inserted (of ${TOTAL})`,
      of(rp, (r) => r.stored!),
      "count",
    ),
    ...minMedian(
      "inbound ours: time inside SQLite per report (report path, without the inbox's rows)",
      of(ro, (r) => r.reportMsPerMessage!),
      "ms",
      3,
    ),
    ...minMedian(
      "inbound ours: SQL statements per report (report path, without the inbox's rows)",
      of(ro, (r) => r.reportStatementsPerMessage!),
      "count",
    ),
    ...minMedian(
      "inbound ours: inbox statements per message (InboxMessage rows)",
      of(ro, (r) => r.inboxStatementsPerMessage!),
      "count",
    ),
    ...minMedian(
      "inbound ours: time inside SQLite per message for the inbox's rows",
      of(ro, (r) => r.inboxMsPerMessage!),
      "ms",
      3,
    ),
    ...minMedian(
      "inbound ours: CPU per report (the whole process, all threads, burst to last message done)",
      of(ro, (r) => r.cpuMsPerMessage),
      "ms",
      3,
    ),
    ...minMedian(
      "inbound parse-and-insert: CPU per report",
      of(rp, (r) => r.cpuMsPerMessage),
      "ms",
      3,
    ),
    ...minMedian(
      "inbound echo: CPU per report",
      of(re, (r) => r.cpuMsPerMessage),
      "ms",
      3,
    ),
    ...minMedian(
      "inbound ours / parse-and-insert CPU per report (per round; target ≤ 2)",
      ro.map((r, i) => r.cpuMsPerMessage / rp[i]!.cpuMsPerMessage),
      "ratio",
      2,
    ),
    ...minMedian(
      "inbound ours / parse-and-insert throughput (per round)",
      ro.map((r, i) => rate(r) / rate(rp[i]!)),
      "ratio",
      3,
    ),
    ...minMedian(
      "inbound ours / echo throughput (per round)",
      ro.map((r, i) => rate(r) / rate(re[i]!)),
      "ratio",
      3,
    ),
  );
  const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)]!;
  rows.push(
    {
      name: `target: inbound ≥ 0.25 of parse-and-insert — measured (median of ${ROUNDS})`,
      value: Math.round(median(ro.map((r, i) => rate(r) / rate(rp[i]!))) * 1000) / 1000,
      unit: "ratio",
    },
    {
      name: `target: handling p99 < 10 ms — measured (median of ${ROUNDS})`,
      value: Math.round(median(of(ro, (r) => percentile(r.timings.handling, 99))) * 100) / 100,
      unit: "ms",
    },
    {
      name: `target: DB time per report ≤ 0.5 ms — measured (median of ${ROUNDS}, report path)`,
      value: Math.round(median(of(ro, (r) => r.reportMsPerMessage!)) * 1000) / 1000,
      unit: "ms",
    },
  );
  return rows;
}
