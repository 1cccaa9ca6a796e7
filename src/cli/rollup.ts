/**
 * Prints or writes a rollup from the configured database, without the bot running:
 *   npm run -s rollup -- [--plan FILE] [--task CODE] [--period KEY] [--format text|png|xlsx|docx] [--out PATH] [--at YYYY-MM-DD] [--lang vi|en]
 * --plan imports the plan file first when its number is not in the database yet, and limits the
 * rollup to that plan's tasks; --task picks one task ("#3", "3" or its code); --period picks an
 * occurrence by period key (e.g. 2021-Q1), else each task's current one as of --at (default now).
 * Text goes to stdout unless --out is given; png, xlsx and docx need --out.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { endOfLocalDay, isIsoDate, parseDmy, zonedInstant } from "../core/calendar/time.js";
import { parsePlanFile } from "../core/plans/plan-file.js";
import { importPlan } from "../core/plans/plan-import.js";
import { findTask, loadCalendar } from "../core/plans/tasks.js";
import type { OccurrenceRecord, TaskRecord } from "../core/ports.js";
import { buildRollupView, planInfo, RollupError, selectOccurrence } from "../core/rollups/rollup.js";
import { renderTaskBlock } from "../core/rollups/rollup-text.js";
import type { PlanInfo } from "../core/rollups/rollup-types.js";
import { openDatabase } from "../db/database.js";
import { createPrismaRepositories } from "../db/repositories.js";
import { renderRollupChart, renderRollupDocx, renderRollupXlsx } from "../render/lazy.js";
import { setupCli } from "./setup.js";

const FORMATS = ["text", "png", "xlsx", "docx"] as const;
type Format = (typeof FORMATS)[number];

const cli = setupCli({
  script: "rollup",
  synopsis:
    "[--plan FILE] [--task CODE] [--period KEY] [--format text|png|xlsx|docx] [--out PATH] [--at YYYY-MM-DD] [--lang vi|en]",
  help: "cli:help_rollup",
  options: {
    plan: { type: "string" },
    task: { type: "string" },
    period: { type: "string" },
    format: { type: "string", default: "text" },
    out: { type: "string" },
    at: { type: "string" },
    lang: { type: "string", default: "vi" },
  },
});
const { config, translator, t: msg, values } = cli;

/** Declared, not destructured: TypeScript narrows only after a declared `never` call. */
function fail(message: string, code = 2): never {
  if (code === 2) return cli.fail(message);
  console.error(message);
  process.exit(code);
}

const format = values.format as Format;
if (!FORMATS.includes(format)) fail(msg("cli:rollup_bad_format", { value: values.format }));
if (format !== "text" && (!values.out || values.out === "-")) fail(msg("cli:rollup_needs_out", { format }));
if (values.lang !== "vi" && values.lang !== "en") fail(msg("cli:rollup_bad_lang", { value: values.lang }));
const atDate = values.at === undefined ? undefined : isIsoDate(values.at) ? values.at : parseDmy(values.at);
if (values.at !== undefined && !atDate) fail(msg("cli:invalid_date", { option: "at", value: values.at }));

let planText: string | undefined;
if (values.plan) {
  try {
    planText = readFileSync(values.plan, "utf8");
  } catch {
    fail(msg("cli:cannot_read_plan", { file: values.plan }));
  }
}

// The rollup itself is in --lang; messages about running the command are in DEFAULT_LANGUAGE.
const t = translator.t(values.lang);
const now = atDate ? endOfLocalDay(atDate, config.timezone) : new Date();
const db = await openDatabase(config.databaseUrl);
const repos = createPrismaRepositories(db);

try {
  let planId: number | undefined;
  let plan: PlanInfo | undefined;
  if (planText !== undefined) {
    const parsed = parsePlanFile(planText, msg);
    if (!parsed.ok) fail(`${msg("cli:plan_errors")}\n${parsed.errors.join("\n")}`);
    let record = await repos.plans.findByNumber(parsed.file.plan.number);
    if (!record) {
      // Every period is assigned (backfill): the rollup of a plan on file looks at past periods too,
      // also of a plan that has ended (imported as of its own date, which assigns all its periods).
      const importedAt = new Date(
        Math.min(now.getTime(), zonedInstant(parsed.file.plan.date, "00:00", config.timezone).getTime()),
      );
      const summary = await importPlan(
        { repos, clock: { now: () => importedAt }, timezone: config.timezone },
        "cli:rollup",
        parsed.file,
        { backfill: true },
      );
      console.error(msg("cli:rollup_imported", { plan: summary.plan }));
      record = await repos.plans.findByNumber(parsed.file.plan.number);
    }
    if (record) {
      planId = record.id;
      plan = planInfo(record);
    }
  }

  let tasks: TaskRecord[];
  if (values.task) {
    const task = await findTask(repos, values.task);
    if (!task) fail(msg("cli:rollup_no_task", { task: values.task }));
    tasks = [task];
  } else {
    tasks = (await repos.tasks.listActive())
      .filter((task) => planId === undefined || task.planId === planId)
      .sort((a, b) => a.id - b.id);
    if (tasks.length === 0) fail(msg("cli:rollup_no_tasks"));
  }

  const occurrences: OccurrenceRecord[] = [];
  for (const task of tasks) {
    const all = await repos.assignments.listOccurrences(task.id);
    const occurrence = values.period
      ? all.find((o) => o.periodKey === values.period)
      : selectOccurrence(task, all, now);
    if (occurrence) occurrences.push(occurrence);
    else if (values.task)
      fail(
        values.period
          ? msg("cli:rollup_task_no_period", { task: task.code, period: values.period })
          : msg("cli:rollup_task_no_periods", { task: task.code }),
      );
  }
  if (occurrences.length === 0) fail(msg("cli:rollup_no_period", { period: values.period ?? "" }).trimEnd());
  if (format === "png" && occurrences.length > 1) fail(msg("cli:rollup_png_one_task"));

  // Text and the chart need no plan; the files fall back to a neutral header.
  const fallback: PlanInfo = plan ?? {
    number: "",
    date: "",
    title: t("status:adhoc_plan_title"),
    issuer: t("status:adhoc_plan_issuer"),
    parentIssuer: "",
    place: "",
  };
  let view;
  try {
    view = await buildRollupView(
      repos,
      occurrences.map((o) => o.id),
      { now, dataDir: config.dataDir, timezone: config.timezone, plan, t },
    );
  } catch (error) {
    if (!(error instanceof RollupError && error.code === "no_plan")) throw error;
    if (format === "docx") fail(msg("cli:rollup_no_plan"));
    view = await buildRollupView(
      repos,
      occurrences.map((o) => o.id),
      { now, dataDir: config.dataDir, timezone: config.timezone, plan: fallback, t },
    );
  }

  let output: string | Uint8Array;
  const calendar = await loadCalendar(repos);
  if (format === "text")
    output =
      view.tasks.map((task) => renderTaskBlock(task, t, config.timezone, calendar).join("\n")).join("\n\n") + "\n";
  else if (format === "png") output = await renderRollupChart(view.tasks[0], t, { timezone: config.timezone });
  else if (format === "xlsx") output = await renderRollupXlsx(view, t);
  else output = await renderRollupDocx(view, t, { reportDate: now });

  if (!values.out || values.out === "-") process.stdout.write(output);
  else {
    try {
      writeFileSync(values.out, output);
    } catch (error) {
      fail(
        msg("cli:cannot_write", {
          file: values.out,
          reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
        }),
        1,
      );
    }
    console.error(msg("cli:wrote", { file: values.out }));
  }
} finally {
  await db.$disconnect();
}
