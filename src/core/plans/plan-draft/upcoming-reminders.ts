/**
 * The next reminders a plan file will send, as the admin sees them right after confirming a draft
 * ("29/01/2021 08:00: #1 Xây dựng kế hoạch …, 25 đơn vị"): each task's occurrences from today, the
 * reminder times its policy gives them (working days, office hours), the units its targets reach.
 * Reminders and escalations before the deadline and after it are all counted; the scheduler sends
 * them, this only tells when.
 */

import { addDays, localDateOf } from "../../calendar/time.js";
import type { WorkingCalendar } from "../../calendar/working-calendar.js";
import { planReminders } from "../../reminders/reminder-plan.js";
import { DEFAULT_REMINDER_POLICY } from "../../types.js";
import { matchTargets } from "../../units/units.js";
import type { PlanFile } from "../plan-file.js";
import { occurrencesOf } from "../schedule.js";

export interface UpcomingReminder {
  at: Date;
  /** Index of the task in the plan file. */
  task: number;
  units: number;
}

/**
 * The next reminder of each task of a plan file after `now` (within `days` days), soonest first,
 * at most `max` of them.
 * @example upcomingReminders(file, calendar, new Date("2021-01-29T01:00:00Z"), "Asia/Ho_Chi_Minh")[0] // { at: 29/01 08:00, task: 0, units: 25 }
 */
export function upcomingReminders(
  file: PlanFile,
  calendar: WorkingCalendar,
  now: Date,
  tz: string,
  days = 60,
  max = 5,
): UpcomingReminder[] {
  const from = localDateOf(now, tz);
  const to = addDays(from, days);
  const out: UpcomingReminder[] = [];
  file.tasks.forEach((task, index) => {
    const units = matchTargets(file.units, task.targets).units.length;
    if (!units) return;
    for (const occurrence of occurrencesOf(task.schedule, { from, to: addDays(to, 30) }, calendar, tz)) {
      for (const r of planReminders({
        dueAt: occurrence.dueAt,
        policy: task.reminder ?? DEFAULT_REMINDER_POLICY,
        calendar,
        tz,
      })) {
        if (r.kind === "escalation" || r.at <= now || localDateOf(r.at, tz) > to) continue;
        const mine = out.find((o) => o.task === index);
        if (!mine) out.push({ at: r.at, task: index, units });
        else if (r.at < mine.at) mine.at = r.at;
      }
    }
  });
  return out.sort((a, b) => a.at.getTime() - b.at.getTime() || a.task - b.task).slice(0, max);
}
