/**
 * Rollup benchmark: 3,321 units (Vietnam's commune count) × 12 monthly periods.
 *   npx tsx -e 'import("./bench/rollup-bench.ts").then(m=>m.benchRollup()).then(console.table)'
 * Measures the pure computation (one period, all twelve with comparisons), the renderers for one
 * period, and the database loader path (buildTaskRollup over a temp SQLite file, unless
 * `{ database: false }`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { AssignmentRecord, ReportRecord } from "../src/core/ports.js";
import {
  buildRollupView,
  buildTaskRollup,
  computeTaskRollup,
  type OccurrenceData,
  type RollupTask,
  type RollupUnit,
} from "../src/core/rollups/rollup.js";
import type { PlanInfo, RollupView, TaskRollup } from "../src/core/rollups/rollup-types.js";
import { openDatabase } from "../src/db/database.js";
import { createRepositories } from "../src/db/sqlite-repositories.js";
import { createTranslator } from "../src/i18n.js";
import { renderRollupChart } from "../src/render/chart.js";
import { renderRollupDocx } from "../src/render/docx.js";
import { renderRollupXlsx } from "../src/render/xlsx.js";

const UNITS = 3321;
const PERIODS = 12;
const PROVINCES = 34;

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

const TASK: RollupTask = {
  id: 1,
  code: "BC_THANG",
  title: "Báo cáo tháng kết quả tuyên truyền cải cách hành chính",
  indicators: [
    { code: "pano", label: "Pa nô", measure: "cái", synonyms: [] },
    { code: "tin_bai", label: "Tin, bài", measure: "tin/bài", synonyms: [] },
    { code: "phat_thanh", label: "Lượt phát thanh", measure: "lượt", synonyms: [] },
    { code: "hoi_nghi", label: "Hội nghị, tập huấn", measure: "cuộc", synonyms: [] },
  ],
};

function makeUnits(): Map<number, RollupUnit> {
  const units = new Map<number, RollupUnit>();
  for (let i = 1; i <= UNITS; i++) {
    const province = String(((i - 1) % PROVINCES) + 1).padStart(2, "0");
    units.set(i, {
      id: i,
      code: `XA_${String(i).padStart(4, "0")}`,
      name: `UBND xã Thử Nghiệm ${i}`,
      tags: [`tinh-${province}`, "xa"],
    });
  }
  return units;
}

/** Deterministic: unit i reports in period p unless (i + p) % 5 == 0; every 7th report is late. */
function makePeriods(): OccurrenceData[] {
  const periods: OccurrenceData[] = [];
  let reportId = 0;
  for (let p = 0; p < PERIODS; p++) {
    const dueAt = new Date(Date.UTC(2021, p, 5, 16, 59));
    const assignments: AssignmentRecord[] = [];
    const reports: ReportRecord[] = [];
    for (let i = 1; i <= UNITS; i++) {
      const id = p * UNITS + i;
      if ((i + p) % 5 === 0) {
        assignments.push({ id, occurrenceId: p + 1, unitId: i, dueAt, status: "open", submittedAt: null });
        continue;
      }
      const at = new Date(dueAt.getTime() + (i % 7 === 0 ? 86_400_000 : -86_400_000));
      assignments.push({ id, occurrenceId: p + 1, unitId: i, dueAt, status: "submitted", submittedAt: at });
      reports.push({
        id: ++reportId,
        assignmentId: id,
        unitId: i,
        authorChannel: "telegram",
        authorUserId: String(i),
        authorName: `Cán bộ ${i}`,
        text: `Tháng ${p + 1}: treo ${i % 13} pa nô, ${i % 5} tin bài, ${i % 9} lượt phát thanh`,
        values: { pano: i % 13, tin_bai: i % 5, phat_thanh: i % 9, hoi_nghi: i % 2 },
        references: [],
        unclear: [],
        late: i % 7 === 0,
        revision: 1,
        sourceChatId: "-1",
        sourceMessageId: String(reportId),
        mediaGroupId: null,
        createdAt: at,
        updatedAt: at,
      });
    }
    periods.push({
      occurrence: {
        id: p + 1,
        periodKey: `2021-${String(p + 1).padStart(2, "0")}`,
        label: `Tháng ${p + 1}/2021`,
        dueAt,
      },
      assignments,
      reports,
    });
  }
  return periods;
}

/** `runs` timings (after one warm-up), in ms, sorted. */
async function samples(runs: number, fn: () => unknown): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Median of `runs` timings (after one warm-up), in ms. */
async function time(runs: number, fn: () => unknown): Promise<number> {
  const sorted = await samples(runs, fn);
  return round2(sorted[Math.floor(sorted.length / 2)]!);
}

/** Min and median of `runs` timings (after one warm-up) as two results. */
async function minMedianOf(name: string, runs: number, fn: () => unknown): Promise<BenchResult[]> {
  const sorted = await samples(runs, fn);
  return [
    { name: `${name} (min of ${runs})`, value: round2(sorted[0]!), unit: "ms" },
    { name: `${name} (median of ${runs})`, value: round2(sorted[Math.floor(sorted.length / 2)]!), unit: "ms" },
  ];
}

const PLAN: PlanInfo = {
  number: "20/KH-UBND",
  date: "2021-01-29",
  title: "Kế hoạch tuyên truyền cải cách hành chính năm 2021",
  issuer: "Phòng Văn hóa và Thông tin",
  parentIssuer: "UBND huyện Thạch Thành",
  place: "Thạch Thành",
};

function viewOf(task: TaskRollup): RollupView {
  return { generatedAt: new Date("2021-12-06T03:00:00Z"), timezone: "Asia/Ho_Chi_Minh", plan: PLAN, tasks: [task] };
}

/** Prisma's SQLite DateTime text, so rows seeded with raw SQL read back like its own. */
const sqlTime = (d: Date | null): string | null => (d ? d.toISOString().replace("Z", "+00:00") : null);

/**
 * The loader over a temp SQLite file: rows seeded with raw SQL in one transaction (Prisma row by
 * row would take longer than the whole benchmark), then buildTaskRollup on the last period.
 */
async function benchDatabase(units: Map<number, RollupUnit>, periods: OccurrenceData[]): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "don-doc-bench-"));
  const file = path.join(dir, "bench.db");
  const db = await openDatabase(`file:${file}`);
  try {
    const t0 = performance.now();
    // The app's repositories: the rollup's reads as prepared statements, as production runs them.
    const repos = createRepositories(db);
    const { task } = await repos.tasks.upsert({
      planId: null,
      code: TASK.code,
      title: TASK.title,
      targets: ["xa"],
      reminder: null,
      deadlineText: "",
      createdBy: "bench",
      schedule: {
        kind: "periodic",
        period: "month",
        rule: { type: "day_of_last_month", day: 5 },
        start: "2021-01-01",
        end: "2021-12-31",
      },
      indicators: TASK.indicators.map((i) => ({
        code: i.code,
        label: i.label,
        measure: i.measure ?? "",
        synonyms: i.synonyms,
      })),
    });
    const occurrenceIds: number[] = [];
    for (const period of periods) {
      const o = await repos.assignments.ensureOccurrence({
        taskId: task.id,
        periodKey: period.occurrence.periodKey,
        label: period.occurrence.label,
        dueAt: period.occurrence.dueAt,
      });
      occurrenceIds.push(o.id);
    }
    const sqlite = new Database(file);
    try {
      const now = sqlTime(new Date());
      const insertUnit = sqlite.prepare(
        `INSERT INTO "Unit" (id, code, name, kind, tags, active, updatedAt) VALUES (?, ?, ?, 'xa', ?, 1, ?)`,
      );
      const insertAssignment = sqlite.prepare(
        `INSERT INTO "Assignment" (id, occurrenceId, unitId, dueAt, status, submittedAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      const insertReport = sqlite.prepare(
        `INSERT INTO "Report" (id, assignmentId, unitId, authorChannel, authorUserId, authorName, text, valuesJson, late, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      sqlite.transaction(() => {
        for (const u of units.values()) insertUnit.run(u.id, u.code, u.name, u.tags.join(","), now);
        periods.forEach((period, p) => {
          for (const a of period.assignments)
            insertAssignment.run(
              a.id,
              occurrenceIds[p],
              a.unitId,
              sqlTime(a.dueAt),
              a.status,
              sqlTime(a.submittedAt),
              now,
            );
          for (const r of period.reports) {
            insertReport.run(
              r.id,
              r.assignmentId,
              r.unitId,
              r.authorChannel,
              r.authorUserId,
              r.authorName,
              r.text,
              JSON.stringify(r.values),
              r.late ? 1 : 0,
              sqlTime(r.createdAt),
              sqlTime(r.updatedAt),
            );
          }
        });
      })();
    } finally {
      sqlite.close();
    }
    const seedMs = performance.now() - t0;
    const last = occurrenceIds[occurrenceIds.length - 1];
    let loaded: TaskRollup | undefined;
    const loadMs = await time(5, async () => {
      loaded = await buildTaskRollup(repos, last, { now: new Date("2021-12-06T03:00:00Z"), dataDir: dir });
    });
    // The same answer as the pure computation, or the figure means nothing.
    const expected = computeTaskRollup({
      task: TASK,
      units,
      dataDir: dir,
      now: new Date("2021-12-06T03:00:00Z"),
      reachableUnits: new Set(),
      current: { ...periods[PERIODS - 1], attachments: [] },
      previous: periods[PERIODS - 2],
    });
    if (
      loaded?.rows.length !== UNITS ||
      JSON.stringify(loaded.totals) !== JSON.stringify(expected.totals) ||
      JSON.stringify(loaded.counts) !== JSON.stringify(expected.counts)
    ) {
      throw new Error("the database loader disagrees with computeTaskRollup");
    }
    const viewMs = await time(3, () =>
      buildRollupView(repos, [last], { now: new Date(), dataDir: dir, timezone: "Asia/Ho_Chi_Minh", plan: PLAN }),
    );
    return [
      {
        name: `rollup: seed temp SQLite (${UNITS} units × ${PERIODS} periods, raw SQL)`,
        value: Math.round(seedMs),
        unit: "ms",
      },
      {
        name: `rollup: buildTaskRollup from SQLite, one period (${UNITS} units, with previous period)`,
        value: loadMs,
        unit: "ms",
      },
      { name: "rollup: buildRollupView from SQLite, one period", value: viewMs, unit: "ms" },
    ];
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the rollup benchmark and returns one figure per measurement (median milliseconds).
 * @example const results = await benchRollup(); console.table(results);
 */
export async function benchRollup(options: { database?: boolean } = {}): Promise<BenchResult[]> {
  const units = makeUnits();
  const periods = makePeriods();
  const t = createTranslator({ defaultLanguage: "vi" }).t("vi");
  const input = (p: number) => ({
    task: TASK,
    units,
    dataDir: "/data",
    now: new Date("2021-12-31T03:00:00Z"),
    current: { ...periods[p], attachments: [] },
    previous: p > 0 ? periods[p - 1] : undefined,
  });

  let one: TaskRollup = computeTaskRollup(input(PERIODS - 1));
  const onePeriod = await time(9, () => {
    one = computeTaskRollup(input(PERIODS - 1));
  });
  const allPeriods = await time(5, () => {
    for (let p = 0; p < PERIODS; p++) computeTaskRollup(input(p));
  });
  const view = viewOf(one);
  // In this process (tsx, default flags), on the calling thread: the renderers' own time. The bot
  // draws them on its render worker (see rollup-load-bench.ts for the figures in production).
  const png = await minMedianOf(`rollup: chart PNG, one period (${UNITS} units in ${PROVINCES} groups)`, 3, () =>
    renderRollupChart(one, t, { timezone: "Asia/Ho_Chi_Minh" }),
  );
  const xlsx = await minMedianOf(`rollup: XLSX, one period (${UNITS} rows)`, 3, () => renderRollupXlsx(view, t));
  const docx = await minMedianOf(`rollup: DOCX draft report, one period (${UNITS} units in Phụ lục I)`, 3, () =>
    renderRollupDocx(view, t, { includePhotos: false }),
  );

  const results: BenchResult[] = [
    {
      name: `rollup: computeTaskRollup, one period (${UNITS} units, with previous period)`,
      value: onePeriod,
      unit: "ms",
    },
    {
      name: `rollup: computeTaskRollup, all ${PERIODS} periods (${UNITS * PERIODS} assignments)`,
      value: allPeriods,
      unit: "ms",
    },
    ...png,
    ...xlsx,
    ...docx,
  ];
  if (options.database ?? true) results.push(...(await benchDatabase(units, periods)));
  return results;
}
