/**
 * Plans when to remind about one deadline, in working days and office hours.
 *
 * Kinds: "before" (T−n) and "due_day" (T) go to the unit before the deadline; "overdue" (T+n)
 * goes to the unit after it; "escalation" (T+escalateAfter) names the missing unit to the
 * rollup group — a different audience, so it is planned and caught up independently.
 */

import { localDateOf, zonedInstant } from "../calendar/time.js";
import type { WorkingCalendar } from "../calendar/working-calendar.js";
import type { ReminderPolicy } from "../types.js";

export type ReminderKind = "before" | "due_day" | "overdue" | "escalation";

/** One planned reminder; `offset` is signed working days from the due day (−7, 0, +3…). */
export interface PlannedReminder {
  at: Date;
  kind: ReminderKind;
  offset: number;
}

/** Office hours, local "HH:MM"; both ends are inside. */
export interface OfficeHours {
  start: string;
  end: string;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { start: "07:30", end: "17:00" };

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function assertTime(time: string, what: string): void {
  if (!HHMM.test(time)) throw new RangeError(`Invalid ${what}: ${time}`);
}

/**
 * The reminders for one deadline, sorted by time.
 *
 * - The due day D is the local date of `dueAt`. T−n counts n working days back from D, or from
 *   the previous working day when D is not a working day (the due-day reminder goes there too:
 *   a reminder after the deadline would be useless).
 * - T+n (overdue) and escalation count working days strictly after D.
 * - Every reminder is at `policy.time`, moved into office hours: before the start of a working
 *   day → that day's start; after the end, or on a non-working day → the next working day's start.
 * - "before"/"due_day" reminders that would land at or after `dueAt` are dropped.
 * - Unit reminders landing on the same instant are merged, keeping the one closest to the
 *   deadline. escalateAfter ≤ 0 disables escalation; offsets ≤ 0 in before/after are ignored.
 * @example
 * planReminders({ dueAt: endOfLocalDay("2021-02-09", tz), policy: DEFAULT_REMINDER_POLICY,
 *   calendar, tz: "Asia/Ho_Chi_Minh" })
 * // [{ at: 2021-01-29 08:00 local, kind: "before", offset: -7 }, …,
 * //  { at: 2021-02-22 08:00 local, kind: "escalation", offset: 4 }]
 */
export function planReminders(input: {
  dueAt: Date;
  policy: ReminderPolicy;
  calendar: WorkingCalendar;
  tz: string;
  officeHours?: OfficeHours;
}): PlannedReminder[] {
  const { dueAt, policy, calendar, tz } = input;
  const hours = input.officeHours ?? DEFAULT_OFFICE_HOURS;
  assertTime(policy.time, "reminder time");
  assertTime(hours.start, "office hours start");
  assertTime(hours.end, "office hours end");
  if (hours.start >= hours.end) throw new RangeError("Office hours must start before they end");

  const dueDay = localDateOf(dueAt, tz);
  const anchor = calendar.isWorkingDay(dueDay) ? dueDay : calendar.previousWorkingDay(dueDay);

  const place = (date: string): Date => {
    if (!calendar.isWorkingDay(date)) return zonedInstant(calendar.nextWorkingDay(date), hours.start, tz);
    if (policy.time < hours.start) return zonedInstant(date, hours.start, tz);
    if (policy.time > hours.end) return zonedInstant(calendar.nextWorkingDay(date), hours.start, tz);
    return zonedInstant(date, policy.time, tz);
  };

  const unit: PlannedReminder[] = [];
  for (const n of new Set(policy.before)) {
    if (n > 0) unit.push({ at: place(calendar.addWorkingDays(anchor, -n)), kind: "before", offset: -n });
  }
  if (policy.onDueDay) unit.push({ at: place(anchor), kind: "due_day", offset: 0 });
  const beforeDeadline = unit.filter((r) => r.at.getTime() < dueAt.getTime());
  for (const n of new Set(policy.after)) {
    if (n > 0) beforeDeadline.push({ at: place(calendar.addWorkingDays(dueDay, n)), kind: "overdue", offset: n });
  }

  // Same instant: keep the smallest |offset| (closest to the deadline).
  const byInstant = new Map<number, PlannedReminder>();
  for (const r of beforeDeadline) {
    const t = r.at.getTime();
    const kept = byInstant.get(t);
    if (!kept || Math.abs(r.offset) < Math.abs(kept.offset)) byInstant.set(t, r);
  }
  const planned = [...byInstant.values()];
  if (policy.escalateAfter > 0) {
    planned.push({
      at: place(calendar.addWorkingDays(dueDay, policy.escalateAfter)),
      kind: "escalation",
      offset: policy.escalateAfter,
    });
  }
  const rank = (r: PlannedReminder): number => (r.kind === "escalation" ? 1 : 0);
  return planned.sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a) - rank(b));
}

/**
 * Catch-up after downtime: the one reminder to send now, or undefined.
 * Among the planned items of the given kinds (default: the unit's reminders, not escalation)
 * that are due (at ≤ now) and not yet covered (at > lastSentAt), only the LATEST is returned —
 * the missed earlier ones are moot, so a unit never gets a burst. Nothing is sent once the unit
 * has submitted, and when `dueAt` is given, "before"/"due_day" items are skipped once it has passed.
 * Call it with kinds ["escalation"] and the escalation's own lastSentAt for the rollup group.
 * @example
 * reminderToSendNow(plan, { now: new Date("2021-02-08T03:00:00Z"), lastSentAt: undefined })
 * // the T−1 item of 08/02, not T−7 or T−3
 */
export function reminderToSendNow(
  planned: readonly PlannedReminder[],
  options: {
    now: Date;
    lastSentAt?: Date;
    submitted?: boolean;
    dueAt?: Date;
    kinds?: readonly ReminderKind[];
  },
): PlannedReminder | undefined {
  if (options.submitted) return undefined;
  const kinds = options.kinds ?? ["before", "due_day", "overdue"];
  const now = options.now.getTime();
  const covered = options.lastSentAt?.getTime() ?? -Infinity;
  const pastDeadline = options.dueAt !== undefined && now >= options.dueAt.getTime();
  let latest: PlannedReminder | undefined;
  for (const r of planned) {
    const t = r.at.getTime();
    if (!kinds.includes(r.kind) || t > now || t <= covered) continue;
    if (pastDeadline && (r.kind === "before" || r.kind === "due_day")) continue;
    if (!latest || t >= latest.at.getTime()) latest = r;
  }
  return latest;
}
