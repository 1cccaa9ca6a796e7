/**
 * Prints a year's non-working days, one per line: "YYYY-MM-DD name".
 *   npm run -s calendar -- 2021 [--plan plans/thach-thanh-cchc-2021.yaml]
 * Statutory holidays (lunar ones computed here), plus the database's entries when it exists,
 * plus a plan file's calendar section when given.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parsePlanFile } from "../core/plans/plan-file.js";
import type { CalendarEntryInput } from "../core/types.js";
import { createWorkingCalendar } from "../core/calendar/working-calendar.js";
import { openDatabase } from "../db/database.js";
import { createPrismaRepositories } from "../db/repositories.js";
import { setupCli } from "./setup.js";

const { config, t } = setupCli();
const USAGE = t("cli:usage", { usage: "npm run -s calendar -- YEAR [--plan FILE]" });
const { values, positionals } = parseArgs({ options: { plan: { type: "string" } }, allowPositionals: true });
const year = Number(positionals[0]);
if (!Number.isInteger(year) || year < 1900 || year > 2199) {
  console.error(`${t("cli:calendar_invalid_year", { value: positionals[0] ?? "" })}\n${USAGE}`);
  process.exit(2);
}

const entries: CalendarEntryInput[] = [];
if (existsSync(config.databaseUrl.replace(/^file:/, ""))) {
  const db = await openDatabase(config.databaseUrl);
  entries.push(...(await createPrismaRepositories(db).calendar.list()));
  await db.$disconnect();
}
if (values.plan) {
  const parsed = parsePlanFile(readFileSync(values.plan, "utf8"), t);
  if (!parsed.ok) {
    console.error(parsed.errors.join("\n"));
    process.exit(2);
  }
  entries.push(...parsed.file.calendar);
}
const days = createWorkingCalendar(entries).nonWorkingDays(year);
process.stdout.write(days.map((d) => `${d.date} ${d.name}`).join("\n") + "\n");
