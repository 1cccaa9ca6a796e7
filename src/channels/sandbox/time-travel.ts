import { isIsoDate, localDateOf, localTimeOf, zonedInstant } from "../../core/calendar/time.js";
import type { WorkingCalendar } from "../../core/calendar/working-calendar.js";
import type { Clock } from "../../core/ports.js";

/** A clock that runs like a real one from wherever it was last set. Only the sandbox has one. */
export interface MovableClock extends Clock {
  set(at: Date): void;
}

/**
 * A running clock starting at `start`: it advances with real time and jumps when `set`.
 * @example const clock = createMovableClock(new Date("2021-01-25T01:00:00Z")); clock.set(later);
 */
export function createMovableClock(start: Date, realNow: () => number = Date.now): MovableClock {
  let base = start.getTime();
  let setAt = realNow();
  return {
    now: () => new Date(base + (realNow() - setAt)),
    set(at) {
      base = at.getTime();
      setAt = realNow();
    },
  };
}

/** Where a time-travel button goes. */
export type TravelRequest =
  | { to: "hour" }
  | { to: "day" }
  | { to: "next_workday" }
  | { to: "next_due" }
  | { to: "date"; date: string; time: string };

export type TravelTarget = { ok: true; at: Date } | { ok: false; error: "bad_date" | "not_forward" | "nothing_due" };

export const WORKDAY_START = "08:00";
const HOUR_MS = 3_600_000;
// The working calendar is computed for a bounded range of years.
const LAST_DATE = "2100-01-01";

/**
 * The instant a travel request leads to. Time only moves forward: going back would leave sent
 * reminders in the future; the reset button starts over instead.
 * @example travelTarget({ to: "next_workday" }, fri17h, ctx) // Monday 08:00 (or later, after holidays)
 */
export function travelTarget(
  request: TravelRequest,
  now: Date,
  context: { calendar: WorkingCalendar; timezone: string; nextPlanned: Date | null },
): TravelTarget {
  const tz = context.timezone;
  let at: Date;
  switch (request.to) {
    case "hour":
      at = new Date(now.getTime() + HOUR_MS);
      break;
    case "day":
      at = new Date(now.getTime() + 24 * HOUR_MS);
      break;
    case "next_workday": {
      const today = localDateOf(now, tz);
      const beforeStart = localTimeOf(now, tz) < WORKDAY_START;
      const day = beforeStart && context.calendar.isWorkingDay(today) ? today : context.calendar.nextWorkingDay(today);
      at = zonedInstant(day, WORKDAY_START, tz);
      break;
    }
    case "next_due":
      if (!context.nextPlanned) return { ok: false, error: "nothing_due" };
      at = context.nextPlanned;
      break;
    case "date":
      if (!isIsoDate(request.date) || request.date >= LAST_DATE || !/^([01]\d|2[0-3]):[0-5]\d$/.test(request.time))
        return { ok: false, error: "bad_date" };
      at = zonedInstant(request.date, request.time, tz);
      break;
  }
  if (at.getTime() <= now.getTime()) return { ok: false, error: "not_forward" };
  return { ok: true, at };
}
