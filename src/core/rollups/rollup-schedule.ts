/**
 * When scheduled rollups are posted to the rollup group(s). Pure: the scheduler asks for the
 * instants in a window and enqueues each under its dedupe key, so a restart never posts twice.
 */
import { addDays, localDateOf, weekdayOf, zonedInstant } from "../calendar/time.js";
import type { WorkingCalendar } from "../calendar/working-calendar.js";

/** When to post rollups; times are local "HH:MM". */
export interface RollupPolicy {
  /** Post the weekly digest; false = only after deadlines. */
  weekly: boolean;
  /** Day of the weekly rollup, 0 = Sunday … 6 = Saturday. */
  weeklyDay: number;
  weeklyTime: string;
  /** Time on the first working day after a deadline. */
  afterDeadlineTime: string;
}

/** Each working Friday at 16:00, and 09:00 on the first working day after each deadline. */
export const DEFAULT_ROLLUP_POLICY: RollupPolicy = {
  weekly: true,
  weeklyDay: 5,
  weeklyTime: "16:00",
  afterDeadlineTime: "09:00",
};

/** One scheduled rollup. */
export type RollupTime =
  | { kind: "weekly"; at: Date; date: string; key: string }
  | { kind: "after_deadline"; at: Date; date: string; key: string; occurrenceId: number };

/**
 * The instants in [from, to) when a rollup is due, sorted by time (then key):
 * - `weekly` (unless `policy.weekly` is false): the policy's weekday (default Friday) at `weeklyTime`, only when that day is a working
 *   day. A holiday Friday is skipped, not moved: it sits inside a break (Tết, 30/4–1/5, 2/9) when
 *   nobody reads the group, and the next week's rollup, or an after-deadline one, covers the gap.
 *   Key `rollup:weekly:<YYYY-MM-DD>` (local date).
 * - `after_deadline`: `afterDeadlineTime` on the first working day after the deadline's local
 *   date, one per occurrence: key `rollup:after:<occurrenceId>`.
 * @example
 * rollupTimes({ from, to, calendar, tz: "Asia/Ho_Chi_Minh", occurrences: [{ id: 7, dueAt: new Date("2021-02-09T16:59:00Z") }] })
 * // → [..., { kind: "after_deadline", at: 2021-02-17T02:00:00Z, date: "2021-02-17", key: "rollup:after:7", occurrenceId: 7 }, ...]
 */
export function rollupTimes(input: {
  from: Date;
  to: Date;
  calendar: WorkingCalendar;
  tz: string;
  occurrences: readonly { id: number; dueAt: Date }[];
  policy?: Partial<RollupPolicy>;
}): RollupTime[] {
  const policy = { ...DEFAULT_ROLLUP_POLICY, ...input.policy };
  if (!Number.isInteger(policy.weeklyDay) || policy.weeklyDay < 0 || policy.weeklyDay > 6) {
    throw new RangeError(`weeklyDay must be 0..6, got ${policy.weeklyDay}`);
  }
  const { from, to, calendar, tz } = input;
  const inWindow = (at: Date): boolean => at.getTime() >= from.getTime() && at.getTime() < to.getTime();
  const out: RollupTime[] = [];
  if (to.getTime() <= from.getTime()) return out;

  const first = localDateOf(from, tz);
  const last = localDateOf(to, tz);
  let day = addDays(first, (policy.weeklyDay - weekdayOf(first) + 7) % 7);
  for (; policy.weekly && day <= last; day = addDays(day, 7)) {
    if (!calendar.isWorkingDay(day)) continue;
    const at = zonedInstant(day, policy.weeklyTime, tz);
    if (inWindow(at)) out.push({ kind: "weekly", at, date: day, key: `rollup:weekly:${day}` });
  }

  for (const o of input.occurrences) {
    const date = calendar.nextWorkingDay(localDateOf(o.dueAt, tz));
    const at = zonedInstant(date, policy.afterDeadlineTime, tz);
    if (inWindow(at)) out.push({ kind: "after_deadline", at, date, key: `rollup:after:${o.id}`, occurrenceId: o.id });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
