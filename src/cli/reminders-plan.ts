/**
 * Prints every reminder a plan file would produce between two dates, without sending anything:
 *   npm run -s reminders:plan -- --plan plans/thach-thanh-cchc-2021.yaml --from 2021-01-25 --to 2021-02-28
 * One line per reminder: "YYYY-MM-DD HH:MM UNIT_CODE TASK_CODE kind" (local time, TIMEZONE).
 */
import { readFileSync } from "node:fs";
import { isIsoDate, localDateOf, localTimeOf, parseDmy } from "../core/calendar/time.js";
import { createWorkingCalendar } from "../core/calendar/working-calendar.js";
import { parsePlanFile } from "../core/plans/plan-file.js";
import { occurrencesOf } from "../core/plans/schedule.js";
import { planReminders } from "../core/reminders/reminder-plan.js";
import { DEFAULT_REMINDER_POLICY } from "../core/types.js";
import { matchTargets } from "../core/units/units.js";
import { setupCli } from "./setup.js";

const cli = setupCli({
  script: "reminders:plan",
  synopsis: "--plan FILE --from YYYY-MM-DD --to YYYY-MM-DD",
  help: "cli:help_reminders_plan",
  options: { plan: { type: "string" }, from: { type: "string" }, to: { type: "string" } },
});
const { config, t, values } = cli;
/** Declared, not destructured: TypeScript narrows only after a declared `never` call. */
function fail(message: string): never {
  return cli.fail(message);
}

const toDate = (text: string | undefined, name: string): string => {
  const date = text && (isIsoDate(text) ? text : parseDmy(text));
  return date || fail(t("cli:invalid_date", { option: name, value: text ?? "" }));
};

if (!values.plan) fail(t("cli:reminders_missing_plan"));
const from = toDate(values.from, "from");
const to = toDate(values.to, "to");
if (to < from) fail(t("cli:reminders_to_before_from"));

const { timezone } = config;
let text: string;
try {
  text = readFileSync(values.plan, "utf8");
} catch {
  fail(t("cli:cannot_read", { file: values.plan }));
}
const parsed = parsePlanFile(text, t);
if (!parsed.ok) fail(parsed.errors.join("\n"));

const { file } = parsed;
const calendar = createWorkingCalendar(file.calendar);
const lines: string[] = [];
for (const task of file.tasks) {
  const { units } = matchTargets(file.units, task.targets);
  for (const occurrence of occurrencesOf(task.schedule, { from, to }, calendar, timezone)) {
    const planned = planReminders({
      dueAt: occurrence.dueAt,
      policy: task.reminder ?? DEFAULT_REMINDER_POLICY,
      calendar,
      tz: timezone,
    });
    for (const p of planned) {
      const day = localDateOf(p.at, timezone);
      if (day < from || day > to) continue;
      for (const unit of units) lines.push(`${day} ${localTimeOf(p.at, timezone)} ${unit.code} ${task.code} ${p.kind}`);
    }
  }
}
lines.sort();
process.stdout.write(lines.length ? `${lines.join("\n")}\n` : "");
