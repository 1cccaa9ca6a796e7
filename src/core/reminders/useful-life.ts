import { localDateOf, zonedInstant } from "../calendar/time.js";
import type { WorkingCalendar } from "../calendar/working-calendar.js";
import { OFFICE } from "./reminders.js";

/** Kinds of outbox message that remind a unit: useful until the next working window begins. */
const REMINDER_KINDS = new Set(["before", "due_day", "overdue", "manual", "escalation"]);
/** A rollup, an alert or anything else: useful for half a day. */
const OTHER_LIFE_MS = 12 * 3_600_000;

/**
 * Until when retrying a message still makes sense. A reminder planned for a working day is useful
 * until the next working window opens (then the next day's reminders speak for it); anything else
 * (a rollup, an alert) for 12 hours after it was meant to go out.
 * @example usefulUntil({ kind: "reminder", notBefore: mon0800 }, calendar, "Asia/Ho_Chi_Minh") // → Tue 07:30
 */
export function usefulUntil(message: { kind: string; notBefore: Date }, calendar: WorkingCalendar, tz: string): Date {
  if (!REMINDER_KINDS.has(message.kind)) return new Date(message.notBefore.getTime() + OTHER_LIFE_MS);
  return zonedInstant(calendar.nextWorkingDay(localDateOf(message.notBefore, tz)), OFFICE.start, tz);
}
