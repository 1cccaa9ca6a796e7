/**
 * Imports a plan file into the configured database:
 *   npm run plan:import -- plans/thach-thanh-cchc-2021.yaml [--backfill]
 * Idempotent: running it again updates units and tasks and creates nothing twice. Periods already
 * past are skipped (kept untracked) unless --backfill is given.
 */
import { readFileSync } from "node:fs";
import { parsePlanFile } from "../core/plans/plan-file.js";
import { importPlan } from "../core/plans/plan-import.js";
import { openDatabase } from "../db/database.js";
import { createPrismaRepositories } from "../db/repositories.js";
import { setupCli } from "./setup.js";

const { config, t } = setupCli();
const args = process.argv.slice(2);
const backfill = args.includes("--backfill");
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error(t("cli:usage", { usage: "npm run plan:import -- FILE.yaml [--backfill]" }));
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, "utf8");
} catch {
  console.error(t("cli:cannot_read", { file }));
  process.exit(2);
}
const parsed = parsePlanFile(text, t);
if (!parsed.ok) {
  console.error(`${t("cli:plan_errors")}\n${parsed.errors.map((e) => `  ${e}`).join("\n")}`);
  process.exit(1);
}
const db = await openDatabase(config.databaseUrl);
try {
  const summary = await importPlan({ repos: createPrismaRepositories(db), clock: { now: () => new Date() }, timezone: config.timezone }, "cli", parsed.file, { backfill });
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
  if (summary.skipped.periods) console.log(t("cli:plan_skipped", { periods: summary.skipped.periods, assignments: summary.skipped.assignments }));
} finally {
  await db.$disconnect();
}
