/**
 * Expands a task's Schedule into dated occurrences (one per period for periodic tasks).
 */

import { addDays, endOfLocalDay, isIsoDate, localDateOf } from "../calendar/time.js";
import type { WorkingCalendar } from "../calendar/working-calendar.js";
import { romanOf } from "../reports/roman-numerals.js";
import { type DayOffRule, DEFAULT_DAY_OFF_RULE, type Schedule } from "../types.js";

/** One deadline of a task: a period (for periodic tasks) and its due day. */
export interface Occurrence {
  /** Stable id of the period: "once", "adhoc", "2021-03", "2021-Q1", "2021-H1", "2021". */
  periodKey: string;
  /** Vietnamese period label ("Quý I/2021"); "" for once/adhoc. */
  label: string;
  periodStart?: string;
  periodEnd?: string;
  /** Last allowed day, "YYYY-MM-DD": the stated day, moved off a day off as the schedule says. */
  dueDate: string;
  /** The stated last day when it was a day off and `dueDate` moved off it; absent otherwise. */
  statedDate?: string;
  /** 23:59 local time of `dueDate`. */
  dueAt: Date;
}

/**
 * The effective last day of a period whose stated last day is `stated`: a working day stays; a day
 * off moves to the next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5: the period ends at the
 * end of the next working day), or to the previous one, or stays, as the rule says.
 * @example effectiveDueDate("2026-03-15", "next_working_day", cal) // "2026-03-16" (15/03/2026 is a Sunday)
 */
export function effectiveDueDate(stated: string, rule: DayOffRule | undefined, calendar: WorkingCalendar): string {
  const how = rule ?? DEFAULT_DAY_OFF_RULE;
  if (how === "keep" || calendar.isWorkingDay(stated)) return stated;
  return how === "previous_working_day" ? calendar.previousWorkingDay(stated) : calendar.nextWorkingDay(stated);
}

/** An occurrence due on `stated` (moved by the rule), with the stated day kept when it moved. */
function dueOn(
  stated: string,
  rule: DayOffRule | undefined,
  calendar: WorkingCalendar,
  tz: string,
): Pick<Occurrence, "dueDate" | "statedDate" | "dueAt"> {
  const dueDate = effectiveDueDate(stated, rule, calendar);
  return { dueDate, ...(dueDate !== stated ? { statedDate: stated } : {}), dueAt: endOfLocalDay(dueDate, tz) };
}

type Periodic = Extract<Schedule, { kind: "periodic" }>;

const PERIOD_MONTHS: Record<Periodic["period"], number> = { month: 1, quarter: 3, half_year: 6, year: 12 };

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** "YYYY-MM-DD" of day `day` of absolute month `abs` (year*12 + month-1), clamped to the month's length. */
function dayOfMonth(abs: number, day: number): string {
  const y = Math.floor(abs / 12);
  const m = (abs % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(Math.min(Math.max(day, 1), last))}`;
}

function describePeriod(period: Periodic["period"], firstAbs: number): { key: string; label: string } {
  const y = Math.floor(firstAbs / 12);
  const m = (firstAbs % 12) + 1;
  switch (period) {
    case "month":
      return { key: `${y}-${pad2(m)}`, label: `Tháng ${m}/${y}` };
    case "quarter": {
      const q = Math.floor((m - 1) / 3) + 1;
      return { key: `${y}-Q${q}`, label: `Quý ${romanOf(q)}/${y}` };
    }
    case "half_year":
      return m <= 6
        ? { key: `${y}-H1`, label: `6 tháng đầu năm ${y}` }
        : { key: `${y}-H2`, label: `6 tháng cuối năm ${y}` };
    case "year":
      return { key: `${y}`, label: `Năm ${y}` };
  }
}

function assertDate(date: string, what: string): void {
  if (!isIsoDate(date)) throw new RangeError(`Invalid ${what}: ${date}`);
}

/**
 * Occurrences whose due date lies in [window.from, window.to], plus the first one after
 * `window.to` (so the current and the next period always exist), in date order.
 * Periods are calendar-aligned (quarters Jan–Mar…, halves Jan–Jun/Jul–Dec). A stated due day that
 * is a day off moves as the schedule's `onDayOff` says (default: to the next working day, the
 * law's rule; see {@link effectiveDueDate}); the window is matched against the effective day.
 * `day_of_last_month` beyond the month's length is clamped (31 → 30 June).
 * An ad hoc task is due at the end of the N-th working day after the local issue date
 * (N = 0: the issue day if working, else the next working day).
 * @example
 * occurrencesOf({ kind: "periodic", period: "quarter", rule: { type: "day_of_last_month", day: 15 },
 *   start: "2021-01-01" }, { from: "2021-03-01", to: "2021-03-31" }, cal, "Asia/Ho_Chi_Minh")
 * // [{ periodKey: "2021-Q1", label: "Quý I/2021", dueDate: "2021-03-15", … },
 * //  { periodKey: "2021-Q2", label: "Quý II/2021", dueDate: "2021-06-15", … }]
 * // (2026: Quý I is stated 15/03/2026, a Sunday → dueDate "2026-03-16", statedDate "2026-03-15")
 */
export function occurrencesOf(
  schedule: Schedule,
  window: { from: string; to: string },
  calendar: WorkingCalendar,
  tz: string,
): Occurrence[] {
  assertDate(window.from, "window start");
  assertDate(window.to, "window end");
  const single = (periodKey: string, due: Pick<Occurrence, "dueDate" | "statedDate" | "dueAt">): Occurrence[] =>
    due.dueDate >= window.from ? [{ periodKey, label: "", ...due }] : [];

  switch (schedule.kind) {
    case "once":
      assertDate(schedule.dueDate, "due date");
      return single("once", dueOn(schedule.dueDate, schedule.onDayOff, calendar, tz));
    case "adhoc": {
      if (!Number.isInteger(schedule.workingDays) || schedule.workingDays < 0) {
        throw new RangeError(`Invalid working days: ${schedule.workingDays}`);
      }
      // A bare date is already local; an instant is converted to the local day.
      const issued = isIsoDate(schedule.issuedAt) ? schedule.issuedAt : localDateOf(new Date(schedule.issuedAt), tz);
      // Always a working day already.
      return single("adhoc", dueOn(calendar.addWorkingDays(issued, schedule.workingDays), "keep", calendar, tz));
    }
    case "periodic":
      return periodicOccurrences(schedule, window, calendar, tz);
  }
}

function periodicOccurrences(
  schedule: Periodic,
  window: { from: string; to: string },
  calendar: WorkingCalendar,
  tz: string,
): Occurrence[] {
  assertDate(schedule.start, "schedule start");
  if (schedule.end !== undefined) assertDate(schedule.end, "schedule end");
  const { rule } = schedule;
  if (rule.type === "day_of_last_month" && (!Number.isInteger(rule.day) || rule.day < 1 || rule.day > 31)) {
    throw new RangeError(`Invalid day of month: ${rule.day}`);
  }
  if (rule.type === "days_after_end" && (!Number.isInteger(rule.days) || rule.days < 0)) {
    throw new RangeError(`Invalid days after end: ${rule.days}`);
  }
  const len = PERIOD_MONTHS[schedule.period];
  const absOf = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const out: Occurrence[] = [];
  // Due dates grow with the period, so stop at the first one after the window.
  for (let first = Math.floor(absOf(schedule.start) / len) * len; ; first += len) {
    const periodStart = dayOfMonth(first, 1);
    if (schedule.end !== undefined && periodStart > schedule.end) break;
    const periodEnd = dayOfMonth(first + len - 1, 31);
    const stated =
      rule.type === "day_of_last_month" ? dayOfMonth(first + len - 1, rule.day) : addDays(periodEnd, rule.days);
    const due = dueOn(stated, schedule.onDayOff, calendar, tz);
    if (due.dueDate < window.from) continue;
    const { key, label } = describePeriod(schedule.period, first);
    out.push({ periodKey: key, label, periodStart, periodEnd, ...due });
    if (due.dueDate > window.to) break;
  }
  return out;
}
