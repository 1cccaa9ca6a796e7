/**
 * Imports a plan file into the configured database:
 *   npm run plan:import -- plans/thach-thanh-cchc-2021.yaml [--backfill]
 * Idempotent: running it again updates units and tasks and creates nothing twice. Periods already
 * past are skipped (kept untracked) unless --backfill is given.
 */
import { readFileSync } from "node:fs";
import { parsePlanFile } from "../core/plans/plan-file.js";
import { importNotes, importPlan } from "../core/plans/plan-import.js";
import { openDatabase } from "../db/database.js";
import { createPrismaRepositories } from "../db/repositories.js";
import { setupCli } from "./setup.js";

const cli = setupCli({
  script: "plan:import",
  synopsis: "FILE.yaml [--backfill]",
  help: "cli:help_plan_import",
  options: { backfill: { type: "boolean" } },
  allowPositionals: true,
});
const { config, t, values, positionals } = cli;
/** Declared, not destructured: TypeScript narrows only after a declared `never` call. */
function fail(message: string): never {
  return cli.fail(message);
}
const backfill = values.backfill === true;
if (positionals.length !== 1) fail(t("cli:plan_import_one_file"));
const file = positionals[0];
let text = "";
try {
  text = readFileSync(file, "utf8");
} catch {
  fail(t("cli:cannot_read_plan", { file }));
}
const parsed = parsePlanFile(text, t);
if (!parsed.ok) fail(`${t("cli:plan_errors")}\n${parsed.errors.map((e) => `  ${e}`).join("\n")}`);
const db = await openDatabase(config.databaseUrl);
try {
  const summary = await importPlan(
    { repos: createPrismaRepositories(db), clock: { now: () => new Date() }, timezone: config.timezone },
    "cli",
    parsed.file,
    {
      backfill,
      onProgress: ({ unitsDone, unitsTotal }) =>
        console.error(t("plan:progress", { done: unitsDone, total: unitsTotal })),
    },
  );
  console.log(
    t("cli:plan_imported", {
      plan: summary.plan,
      unitsCreated: summary.units.created,
      unitsUpdated: summary.units.updated,
      tasksCreated: summary.tasks.created,
      tasksUpdated: summary.tasks.updated,
      calendar: summary.calendarEntries,
      assignments: summary.assignmentsCreated,
    }),
  );
  for (const note of importNotes(summary)) console.log(t(note.key, note.vars));
  if (summary.skipped.periods)
    console.log(t("cli:plan_skipped", { periods: summary.skipped.periods, assignments: summary.skipped.assignments }));
} finally {
  await db.$disconnect();
}
