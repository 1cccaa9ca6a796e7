/**
 * Prints a year's non-working days, one per line: "YYYY-MM-DD name".
 *   npm run -s calendar -- 2021 [--plan plans/thach-thanh-cchc-2021.yaml]
 * Statutory holidays (lunar ones computed here), plus the database's entries when it exists,
 * plus a plan file's calendar section when given.
 */
import { existsSync, readFileSync } from "node:fs";
import { createWorkingCalendar } from "../core/calendar/working-calendar.js";
import { parsePlanFile } from "../core/plans/plan-file.js";
import type { CalendarEntryInput } from "../core/types.js";
import { openDatabase } from "../db/database.js";
import { createPrismaRepositories } from "../db/repositories.js";
import { setupCli } from "./setup.js";

const cli = setupCli({
  script: "calendar",
  synopsis: "YEAR [--plan FILE]",
  help: "cli:help_calendar",
  options: { plan: { type: "string" } },
  allowPositionals: true,
});
const { config, t, values, positionals } = cli;
/** Declared, not destructured: TypeScript narrows only after a declared `never` call. */
function fail(message: string): never {
  return cli.fail(message);
}
const year = Number(positionals[0]);
if (positionals.length !== 1 || !Number.isInteger(year) || year < 1900 || year > 2199)
  fail(t("cli:calendar_invalid_year", { value: positionals.join(" ") }));

const entries: CalendarEntryInput[] = [];
if (existsSync(config.databaseUrl.replace(/^file:/, ""))) {
  const db = await openDatabase(config.databaseUrl);
  entries.push(...(await createPrismaRepositories(db).calendar.list()));
  await db.$disconnect();
}
if (values.plan) {
  let text = "";
  try {
    text = readFileSync(values.plan, "utf8");
  } catch {
    fail(t("cli:cannot_read_plan", { file: values.plan }));
  }
  const parsed = parsePlanFile(text, t);
  if (!parsed.ok) fail(`${t("cli:plan_errors")}\n${parsed.errors.map((e) => `  ${e}`).join("\n")}`);
  entries.push(...parsed.file.calendar);
}
const days = createWorkingCalendar(entries).nonWorkingDays(year);
process.stdout.write(days.map((d) => `${d.date} ${d.name}`).join("\n") + "\n");
