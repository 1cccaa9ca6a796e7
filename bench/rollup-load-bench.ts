/**
 * Rollups at the country's scale in the production process: the bot (dist/, the service's node
 * flags, its own process, bench/bot-process.mjs) with a plan of 3,321 communes (2,621 xã, 687
 * phường, 13 đặc khu, each with its group chat and officer; 80 % have reported a task that was due
 * a week ago), against a fake Bot API in another process. Per round, from a fresh copy of the data:
 *   1. idle: resident memory 5 s after the first poll;
 *   2. 200 officers' reports at once (units that have not reported): reply latency, longest
 *      event-loop stall (perf_hooks.monitorEventLoopDelay in the bot);
 *   3. the same 200 reports (other units) with, at the same moment, a leader's /tonghop 1 (block
 *      and chart) in the rollup group and /xuat + /baocaodocx in a private chat: the same figures,
 *      each file's time from command to its arrival, and the peak resident memory (VmHWM of the
 *      whole process, its worker threads included, reset before the burst);
 *   4. resident memory a minute after the last file;
 *   5. /tonghop (the digest) alone: messages posted and their characters.
 * The send limiter is lifted (as in the inbound bench's headline), so 400 replies and the files
 * load the process as fast as it can answer.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { spawnBot } from "./bot-child.js";
import { type FakeTelegramProcess, startFakeTelegram } from "./fake-telegram-process.js";
import type { BenchRow } from "./fanout-bench.js";
import { buildIfStale, minMedian } from "./startup-bench.js";

const GROUPS = [
  { tag: "xa", label: "Xã", count: 2621 },
  { tag: "phuong", label: "Phường", count: 687 },
  { tag: "dac-khu", label: "Đặc khu", count: 13 },
];
const UNITS = GROUPS.reduce((n, g) => n + g.count, 0);
const REPORTS = 200;
const ROUNDS = 3;
const SETTLE_MS = 60_000;
const TOKEN = "123456:TEST-TOKEN-bench-rollup-load-00";
const GROUP_CHAT = -9_000_001;
const LEADER = 9_000_002;
const TZ = "Asia/Ho_Chi_Minh";

const unitChat = (i: number) => -1_000_000 - i;
const officer = (i: number) => 2_000_000 + i;
/** Unit i has reported unless i % 5 === 0: the 664 others are the reports' senders. */
const reported = (i: number) => i % 5 !== 0;

/** The bench's dist/ modules (seeding only: nothing measured runs in this process). */
async function production() {
  const dist = (file: string) => new URL(`../dist/${file}`, import.meta.url).href;
  return {
    ...((await import(dist("app.js"))) as typeof import("../src/app.js")),
    ...((await import(dist("config.js"))) as typeof import("../src/config.js")),
    ...((await import(dist("db/database.js"))) as typeof import("../src/db/database.js")),
    ...((await import(dist("core/plans/tasks.js"))) as typeof import("../src/core/plans/tasks.js")),
    ...((await import(dist("core/plans/plan-file.js"))) as typeof import("../src/core/plans/plan-file.js")),
    ...((await import(dist("core/plans/plan-import.js"))) as typeof import("../src/core/plans/plan-import.js")),
    ...((await import(dist("i18n.js"))) as typeof import("../src/i18n.js")),
  };
}

const dmy = (d: Date) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: TZ, day: "2-digit", month: "2-digit", year: "numeric" }).format(d);

/** The plan file: the country's communes in three groups, one task due a week ago. */
function planYaml(): string {
  const due = dmy(new Date(Date.now() - 7 * 86_400_000));
  const lines = [
    "plan:",
    "  number: 99/KH-BVHTTDL",
    "  date: 2026-01-05",
    "  title: Kế hoạch tuyên truyền cải cách hành chính năm 2026",
    "  issuer: Bộ Văn hóa, Thể thao và Du lịch",
    "  place: Hà Nội",
    "unit_groups:",
    ...GROUPS.map((g) => `  - { tag: ${g.tag}, label: "${g.label}" }`),
    "units:",
  ];
  let i = 0;
  for (const g of GROUPS)
    for (let k = 0; k < g.count; k++)
      lines.push(
        `  - { code: DV_${++i}, name: "UBND ${g.label.toLowerCase()} Thử Nghiệm ${i}", kind: xa, tags: [${g.tag}] }`,
      );
  lines.push(
    "indicators:",
    '  pano: { label: "Pa nô", measure: "cái", synonyms: ["pa nô", "pano"] }',
    '  tin_bai: { label: "Tin bài", measure: "tin", synonyms: ["tin bài", "tin"] }',
    '  phat_thanh: { label: "Lượt phát thanh", measure: "lượt", synonyms: ["phát thanh", "lượt phát thanh"] }',
    '  hoi_nghi: { label: "Hội nghị, tập huấn", measure: "cuộc", synonyms: ["hội nghị", "tập huấn"] }',
    "tasks:",
    "  - code: BC_CCHC",
    "    title: Báo cáo kết quả tuyên truyền cải cách hành chính",
    `    targets: [${GROUPS.map((g) => g.tag).join(", ")}]`,
    `    deadline: "chậm nhất ngày ${due}"`,
    "    indicators: [pano, tin_bai, phat_thanh, hoi_nghi]",
  );
  return `${lines.join("\n")}\n`;
}

/** Prisma's SQLite DateTime text, so rows written with raw SQL read back like its own. */
const sqlTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

/** (Exported for profiling.) A data folder with the plan imported, every unit's chat and officer, the rollup group and 80 % of the reports. */
export async function seed(dir: string): Promise<void> {
  const p = await production();
  const t = p.createTranslator().t("vi");
  const parsed = p.parsePlanFile(planYaml(), t);
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  const config = p.loadConfig({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: "http://127.0.0.1:9",
    DATA_DIR: dir,
    LOG_LEVEL: "silent",
    PORT: "0",
  });
  const silent = { info() {}, warn() {}, error() {}, debug() {} };
  const app = await p.createApp(config, { logger: silent, scheduler: false });
  try {
    // backfill: the task was due before the import; without it the past period is not tracked.
    await p.importPlan({ repos: app.repos, clock: { now: () => new Date() }, timezone: TZ }, "bench", parsed.file, {
      backfill: true,
    });
    await p.syncAllTasks(app.deps);
    const sqlite = p.connectionOf(app.db).sqlite;
    const now = sqlTime(new Date());
    const units = sqlite.prepare(`SELECT id, code FROM Unit WHERE code LIKE 'DV_%'`).all() as {
      id: number;
      code: string;
    }[];
    const idOf = new Map(units.map((u) => [Number(u.code.slice(3)), Number(u.id)]));
    const assignments = new Map(
      (
        sqlite.prepare(`SELECT id, unitId, dueAt FROM Assignment`).all() as {
          id: number;
          unitId: number;
          dueAt: string;
        }[]
      ).map((a) => [Number(a.unitId), a]),
    );
    const chat = sqlite.prepare(
      `INSERT INTO ChatBinding (channel, chatId, chatType, title, role, unitId, updatedAt) VALUES ('telegram', ?, ?, ?, ?, ?, ?)`,
    );
    const person = sqlite.prepare(
      `INSERT INTO Person (channel, userId, displayName, role, unitId, updatedAt) VALUES ('telegram', ?, ?, ?, ?, ?)`,
    );
    const report = sqlite.prepare(
      `INSERT INTO Report (assignmentId, unitId, authorChannel, authorUserId, authorName, text, valuesJson, late, createdAt, updatedAt) VALUES (?, ?, 'telegram', ?, ?, ?, ?, 0, ?, ?)`,
    );
    const submit = sqlite.prepare(
      `UPDATE Assignment SET status = 'submitted', submittedAt = ?, updatedAt = ? WHERE id = ?`,
    );
    sqlite.transaction(() => {
      chat.run(String(GROUP_CHAT), "group", "Lãnh đạo Bộ", "rollup", null, now);
      person.run(String(LEADER), "Lãnh đạo", "leader", null, now);
      for (let i = 1; i <= UNITS; i++) {
        const unitId = idOf.get(i)!;
        chat.run(String(unitChat(i)), "group", `Xã ${i}`, "unit", unitId, now);
        person.run(String(officer(i)), `Cán bộ ${i}`, "officer", unitId, now);
        if (!reported(i)) continue;
        const a = assignments.get(unitId)!;
        const at = sqlTime(new Date(new Date(a.dueAt).getTime() - 86_400_000));
        const values = { pano: i % 13, tin_bai: i % 5, phat_thanh: i % 9, hoi_nghi: i % 2 };
        report.run(
          a.id,
          unitId,
          String(officer(i)),
          `Cán bộ ${i}`,
          `treo ${values.pano} pa nô, ${values.tin_bai} tin bài`,
          JSON.stringify(values),
          at,
          at,
        );
        submit.run(at, now, a.id);
      }
    })();
  } finally {
    await app.stop();
  }
}

/** Resident memory of a process (its threads included), now and at its peak since the last reset, in MiB. */
function memoryOf(pid: number): { rss: number; hwm: number; anon: number; file: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024, anon: kb("RssAnon") / 1024, file: kb("RssFile") / 1024 };
}

/** Linux: "5" in clear_refs resets the peak resident size (VmHWM) to the current one. */
const resetPeak = (pid: number) => writeFileSync(`/proc/${pid}/clear_refs`, "5");

interface BotStats {
  loop: { max: number; p99: number; mean: number; count: number };
  memory: NodeJS.MemoryUsage;
  errors: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Sent {
  method: string;
  chat_id: number;
  text?: string;
  caption?: string;
}

/** Waits (bounded) until `done` holds for what was sent to `chat`, polling the fake; the time it held, as performance.now(). */
async function sentUntil(
  fake: FakeTelegramProcess,
  chat: number,
  done: (sent: Sent[]) => boolean,
  timeoutMs = 120_000,
): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const sent = await fake.control<Sent[]>(`sent?chat_id=${chat}`);
    if (done(sent)) return performance.now();
    if (performance.now() - t0 > timeoutMs)
      throw new Error(`chat ${chat}: not done after ${timeoutMs} ms (${sent.length} sent)`);
    await sleep(10);
  }
}

const reportText = (i: number) =>
  `Báo cáo kết quả: đã treo ${i % 11} pa nô, đăng ${i % 7} tin bài, ${i % 9} lượt phát thanh — Cán bộ ${i}`;
const fromUnit = (i: number) => ({
  chat: { id: unitChat(i), type: "group" as const, title: `Xã ${i}` },
  from: { id: officer(i), first_name: `Cán bộ ${i}` },
  text: reportText(i),
});

interface Round {
  idleRss: number;
  alone: { loopMax: number; p50: number; p99: number };
  loaded: {
    loopMax: number;
    p50: number;
    p99: number;
    peakRss: number;
    chartMs: number;
    xlsxMs: number;
    docxMs: number;
  };
  settledRss: number;
  digest: { messages: number; characters: number; longest: number };
  errors: number;
  load: number;
}

async function round(fake: FakeTelegramProcess, seeded: string): Promise<Round> {
  const dir = mkdtempSync(path.join(tmpdir(), "don-doc-bench-rollup-load-"));
  cpSync(seeded, dir, { recursive: true });
  await fake.control("reset");
  const bot = await spawnBot("bench/bot-process.mjs", {
    DATA_DIR: dir,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.url,
    LOG_LEVEL: "silent",
    PORT: "0",
    BENCH_BOT: JSON.stringify({ limits: "unlimited", botInfo: fake.botInfo }),
  });
  try {
    const pid = bot.child.pid!;
    await sleep(5_000);
    const idle = memoryOf(pid);
    const idleRss = idle.rss;
    const senders = Array.from({ length: UNITS }, (_, i) => i + 1).filter((i) => !reported(i));
    const burst = async (units: number[], leader: boolean) => {
      await bot.ask("reset");
      await fake.control("reset");
      const leaderMessages = leader
        ? [
            {
              chat: { id: GROUP_CHAT, type: "group" as const, title: "Lãnh đạo Bộ" },
              from: { id: LEADER, first_name: "Lãnh đạo" },
              text: "/tonghop 1",
            },
            {
              chat: { id: LEADER, type: "private" as const },
              from: { id: LEADER, first_name: "Lãnh đạo" },
              text: "/xuat",
            },
            {
              chat: { id: LEADER, type: "private" as const },
              from: { id: LEADER, first_name: "Lãnh đạo" },
              text: "/baocaodocx",
            },
          ]
        : [];
      const t0 = performance.now();
      await fake.control("user-messages", { messages: [...leaderMessages, ...units.map(fromUnit)] });
      const documents = (n: number) => (s: Sent[]) => s.filter((m) => m.method === "sendDocument").length >= n;
      const files = leader
        ? Promise.all([
            sentUntil(fake, GROUP_CHAT, (s) => s.some((m) => m.method === "sendPhoto")),
            sentUntil(fake, LEADER, documents(1)),
            sentUntil(fake, LEADER, documents(2)),
          ]).then((at) => at.map((x) => x - t0))
        : Promise.resolve([]);
      const replies = await fake.control<{ replies: number; latencies: number[] }>(
        `burst-replies?count=${units.length}&timeoutMs=120000`,
      );
      const fileMs = await files;
      await bot.ask("drain");
      const stats = await bot.ask<BotStats>("stats");
      if (replies.replies < units.length) {
        const sample = await fake.control<Sent[]>(`sent?chat_id=${unitChat(units[0]!)}`);
        throw new Error(
          `only ${replies.replies} of ${units.length} reports answered (bot errors: ${stats.errors.slice(0, 3).join("; ")}; sent to the first: ${JSON.stringify(sample).slice(0, 400)})`,
        );
      }
      return {
        loopMax: stats.loop.max,
        p50: percentile(replies.latencies, 50),
        p99: percentile(replies.latencies, 99),
        fileMs,
        errors: stats.errors.length,
      };
    };
    const idleHeap = (await bot.ask<BotStats>("stats")).memory;
    const alone = await burst(senders.slice(0, REPORTS), false);
    await sleep(5_000);
    const afterReports = { rss: memoryOf(pid).rss, heap: (await bot.ask<BotStats>("stats")).memory };
    resetPeak(pid);
    const loaded = await burst(senders.slice(REPORTS, 2 * REPORTS), true);
    const peakRss = memoryOf(pid).hwm;
    await sleep(SETTLE_MS);
    const settled = memoryOf(pid);
    const settledRss = settled.rss;
    const settledHeap = (await bot.ask<BotStats>("stats")).memory;
    const mib = (m: NodeJS.MemoryUsage) => ({
      heapTotal: Math.round(m.heapTotal / 1048576),
      heapUsed: Math.round(m.heapUsed / 1048576),
      external: Math.round(m.external / 1048576),
      arrayBuffers: Math.round(m.arrayBuffers / 1048576),
    });
    process.stderr.write(
      `rollup load memory: idle RSS anon/file ${idle.anon.toFixed(1)}/${idle.file.toFixed(1)} MiB, settled ${settled.anon.toFixed(1)}/${settled.file.toFixed(1)} MiB; heap: idle ${JSON.stringify(mib(idleHeap))}, after ${REPORTS} reports ${afterReports.rss.toFixed(1)} MiB ${JSON.stringify(mib(afterReports.heap))}, settled ${JSON.stringify(mib(settledHeap))}\n`,
    );
    await fake.control("reset");
    await fake.control("user-messages", {
      messages: [
        {
          chat: { id: GROUP_CHAT, type: "group", title: "Lãnh đạo Bộ" },
          from: { id: LEADER, first_name: "Lãnh đạo" },
          text: "/tonghop",
        },
      ],
    });
    await sentUntil(fake, GROUP_CHAT, (s) => s.length > 0);
    // Every part the digest was split into (were it split) is sent within the same handling.
    await bot.ask("drain");
    const all = (await fake.control<Sent[]>(`sent?chat_id=${GROUP_CHAT}`)).filter((m) => m.method === "sendMessage");
    const lengths = all.map((m) => m.text?.length ?? 0);
    const stats = await bot.ask<BotStats>("stats");
    return {
      idleRss,
      alone: { loopMax: alone.loopMax, p50: alone.p50, p99: alone.p99 },
      loaded: {
        loopMax: loaded.loopMax,
        p50: loaded.p50,
        p99: loaded.p99,
        peakRss,
        chartMs: loaded.fileMs[0]!,
        xlsxMs: loaded.fileMs[1]!,
        docxMs: loaded.fileMs[2]!,
      },
      settledRss,
      digest: {
        messages: all.length,
        characters: lengths.reduce((a, b) => a + b, 0),
        longest: Math.max(0, ...lengths),
      },
      errors: stats.errors.length,
      load: loadavg()[0],
    };
  } finally {
    await bot.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the rounds (see the module comment) and returns their figures, min and median of 3.
 * @example console.table(await benchRollupLoad());
 */
export async function benchRollupLoad(rounds = ROUNDS): Promise<BenchRow[]> {
  buildIfStale();
  const seeded = mkdtempSync(path.join(tmpdir(), "don-doc-bench-rollup-seed-"));
  const fake = await startFakeTelegram(TOKEN);
  const results: Round[] = [];
  const load0 = loadavg()[0];
  try {
    const t0 = performance.now();
    await seed(seeded);
    process.stderr.write(`rollup load: seeded ${UNITS} units in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    for (let r = 0; r < rounds; r++) {
      const result = await round(fake, seeded);
      results.push(result);
      process.stderr.write(`rollup load round ${r + 1}: ${JSON.stringify(result)}\n`);
    }
  } finally {
    fake.stop();
    rmSync(seeded, { recursive: true, force: true });
  }
  const of = (f: (r: Round) => number) => results.map(f);
  const label = `${UNITS} units`;
  return [
    {
      name: "rollup load: load average (1 min) at start / end",
      value: Math.round(load0 * 100) / 100,
      unit: `/ ${Math.round(loadavg()[0] * 100) / 100}`,
    },
    ...minMedian(
      `rollup load: idle RSS of the bot process (${label}, 5 s after start)`,
      of((r) => r.idleRss),
      "MiB",
      1,
    ),
    ...minMedian(
      `rollup load: ${REPORTS} reports at once, longest event-loop stall`,
      of((r) => r.alone.loopMax),
      "ms",
      1,
    ),
    ...minMedian(
      `rollup load: ${REPORTS} reports at once, reply latency p99 (inject → reply)`,
      of((r) => r.alone.p99),
      "ms",
      1,
    ),
    ...minMedian(
      `rollup load: ${REPORTS} reports + /tonghop 1 + /xuat + /baocaodocx at once, longest event-loop stall`,
      of((r) => r.loaded.loopMax),
      "ms",
      1,
    ),
    ...minMedian(
      `rollup load: ${REPORTS} reports + the three renders, reply latency p50`,
      of((r) => r.loaded.p50),
      "ms",
      1,
    ),
    ...minMedian(
      `rollup load: ${REPORTS} reports + the three renders, reply latency p99`,
      of((r) => r.loaded.p99),
      "ms",
      1,
    ),
    ...minMedian(
      "rollup load: /tonghop 1 → its chart in the group (text block, then the PNG)",
      of((r) => r.loaded.chartMs),
      "ms",
      0,
    ),
    ...minMedian(
      "rollup load: /xuat → the workbook in the chat",
      of((r) => r.loaded.xlsxMs),
      "ms",
      0,
    ),
    ...minMedian(
      "rollup load: /baocaodocx → the draft report in the chat (after /xuat, same chat)",
      of((r) => r.loaded.docxMs),
      "ms",
      0,
    ),
    ...minMedian(
      "rollup load: peak RSS during the three renders (VmHWM, worker threads included)",
      of((r) => r.loaded.peakRss),
      "MiB",
      1,
    ),
    ...minMedian(
      `rollup load: RSS ${SETTLE_MS / 1000} s after the last file`,
      of((r) => r.settledRss),
      "MiB",
      1,
    ),
    ...minMedian(
      "rollup load: settled RSS − idle RSS",
      of((r) => r.settledRss - r.idleRss),
      "MiB",
      1,
    ),
    ...minMedian(
      `rollup load: /tonghop digest at ${label}, messages`,
      of((r) => r.digest.messages),
      "count",
      0,
    ),
    ...minMedian(
      `rollup load: /tonghop digest at ${label}, characters`,
      of((r) => r.digest.characters),
      "chars",
      0,
    ),
    {
      name: "rollup load: errors logged by the bot (all rounds)",
      value: results.reduce((n, r) => n + r.errors, 0),
      unit: "count",
    },
  ];
}
