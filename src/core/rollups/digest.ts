/**
 * The digest: which task occurrences matter to leaders now. A task matters when its next deadline
 * is within 7 working days, or its latest deadline has passed within the current period and some
 * unit has still not reported. Everything else is at most one "sắp tới" line.
 */

import { addDays, localDateOf } from "../calendar/time.js";
import type { WorkingCalendar } from "../calendar/working-calendar.js";
import type { OccurrenceRecord, TaskRecord } from "../ports.js";
import type { Schedule } from "../types.js";

/** Working days ahead in which a deadline makes a task "due soon". */
export const DIGEST_HORIZON_WORKING_DAYS = 7;

/** Why an occurrence is in the digest. */
export type DigestStage = "due_soon" | "past_due";

/** One task with its occurrences, as the selection needs it. */
export interface DigestTaskInput<
  T extends Pick<TaskRecord, "id" | "schedule">,
  O extends Pick<OccurrenceRecord, "id" | "dueAt">,
> {
  task: T;
  occurrences: readonly O[];
}

/** The selection: occurrences to roll up now, and the next deadline of every other task. */
export interface DigestSelection<T, O> {
  current: { task: T; occurrence: O; stage: DigestStage }[];
  upcoming: { task: T; occurrence: O }[];
}

/** Last local date of the schedule's period that contains `date` (periodic tasks only). */
function periodEnd(schedule: Schedule, date: string): string | undefined {
  if (schedule.kind !== "periodic") return undefined;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const months = { month: 1, quarter: 3, half_year: 6, year: 12 }[schedule.period];
  const lastMonth = Math.ceil(month / months) * months;
  // The day before the first day of the next month.
  const next = lastMonth === 12 ? `${year + 1}-01-01` : `${year}-${String(lastMonth + 1).padStart(2, "0")}-01`;
  return addDays(next, -1);
}

/**
 * Picks what the digest covers at `now` (see the module comment). A past deadline stays "current"
 * until the end of the task's period that contains it (the quarter of a quarterly report due on
 * 15/03 → 31/03), and at least 7 working days after it (one-off and ad hoc tasks: exactly that).
 * Tasks in neither stage with a future occurrence go to `upcoming`, soonest first.
 * Whether a past-due occurrence is still incomplete is the caller's check (it needs the rollup).
 * @example
 * const { current, upcoming } = selectDigest(tasks, { now, calendar, tz: "Asia/Ho_Chi_Minh" });
 */
export function selectDigest<
  T extends Pick<TaskRecord, "id" | "schedule">,
  O extends Pick<OccurrenceRecord, "id" | "dueAt">,
>(
  tasks: readonly DigestTaskInput<T, O>[],
  options: { now: Date; calendar: WorkingCalendar; tz: string; horizon?: number },
): DigestSelection<T, O> {
  const { now, calendar, tz } = options;
  const today = localDateOf(now, tz);
  const horizonEnd = calendar.addWorkingDays(today, options.horizon ?? DIGEST_HORIZON_WORKING_DAYS);
  const current: DigestSelection<T, O>["current"] = [];
  const upcoming: DigestSelection<T, O>["upcoming"] = [];
  for (const { task, occurrences } of tasks) {
    const sorted = [...occurrences].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    const next = sorted.find((o) => o.dueAt.getTime() > now.getTime());
    const past = [...sorted].reverse().find((o) => o.dueAt.getTime() <= now.getTime());
    let chosen = false;
    if (past) {
      const dueDate = localDateOf(past.dueAt, tz);
      const grace = calendar.addWorkingDays(dueDate, DIGEST_HORIZON_WORKING_DAYS);
      const end = periodEnd(task.schedule, dueDate);
      const until = end && end > grace ? end : grace;
      if (today <= until) {
        current.push({ task, occurrence: past, stage: "past_due" });
        chosen = true;
      }
    }
    if (next && localDateOf(next.dueAt, tz) <= horizonEnd) {
      current.push({ task, occurrence: next, stage: "due_soon" });
      chosen = true;
    }
    if (!chosen && next) upcoming.push({ task, occurrence: next });
  }
  const byDue = (a: { occurrence: O }, b: { occurrence: O }) =>
    a.occurrence.dueAt.getTime() - b.occurrence.dueAt.getTime();
  return { current: current.sort(byDue), upcoming: upcoming.sort(byDue) };
}
