/**
 * The Vietnamese working calendar: Mon–Fri, minus public holidays (statutory + admin entries),
 * plus swapped working days. Pure: every rule is computed from the entries it is given.
 */

import type { CalendarEntryInput } from "../types.js";
import { lunarToSolar } from "./lunar-calendar.js";
import { addDays, isIsoDate, weekdayOf } from "./time.js";

/** Name given to plain weekend days in `nonWorkingReason` / `nonWorkingDays`. */
export const SATURDAY_NAME = "Thứ Bảy";
export const SUNDAY_NAME = "Chủ nhật";

/** Safety bound for searches: no real calendar has a year without working days. */
const MAX_SCAN_DAYS = 3660;

/**
 * Statutory public holidays of a Gregorian year (Labour Code 2019, art. 112(1)), one entry per day.
 * Tết Nguyên đán is the last day of the old lunar year plus lunar days 1–4; Quốc khánh is 2/9 plus
 * 1/9 as the adjacent day (the law leaves the choice to the yearly decision; admins correct it
 * with calendar entries). Compensatory days (nghỉ bù) are not listed here: see createWorkingCalendar.
 * @example statutoryHolidays(2021)[0] // { date: "2021-01-01", kind: "holiday", name: "Tết Dương lịch" }
 */
export function statutoryHolidays(year: number): CalendarEntryInput[] {
  const y = String(year).padStart(4, "0");
  const tet = lunarToSolar(year, 1, 1);
  const days: CalendarEntryInput[] = [{ date: `${y}-01-01`, kind: "holiday", name: "Tết Dương lịch" }];
  for (let i = -1; i <= 3; i++) {
    days.push({ date: addDays(tet, i), kind: "holiday", name: "Tết Nguyên đán" });
  }
  days.push(
    { date: lunarToSolar(year, 3, 10), kind: "holiday", name: "Giỗ Tổ Hùng Vương" },
    { date: `${y}-04-30`, kind: "holiday", name: "Ngày Chiến thắng" },
    { date: `${y}-05-01`, kind: "holiday", name: "Ngày Quốc tế Lao động" },
    { date: `${y}-09-01`, kind: "holiday", name: "Quốc khánh" },
    { date: `${y}-09-02`, kind: "holiday", name: "Quốc khánh" },
  );
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** Working-day arithmetic over one configured calendar. Dates are "YYYY-MM-DD". */
export interface WorkingCalendar {
  /** Whether `date` is a working day. */
  isWorkingDay(date: string): boolean;
  /**
   * Why `date` is not a working day: the holiday name (admin entry, statutory, then "Nghỉ bù …"),
   * or "Thứ Bảy"/"Chủ nhật" for a plain weekend; undefined on a working day.
   */
  nonWorkingReason(date: string): string | undefined;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  /** The last working day strictly before `date`. */
  previousWorkingDay(date: string): string;
  /**
   * The n-th working day after `date` (n < 0: before). n = 0 returns `date` if it is a working
   * day, else the next working day.
   */
  addWorkingDays(date: string, n: number): string;
  /**
   * Working days in (a, b] (negative, counting (b, a], when b < a), so that
   * workingDaysBetween(a, addWorkingDays(a, n)) === n for a working day a.
   */
  workingDaysBetween(a: string, b: string): number;
  /** Every non-working day of a year with its reason, in date order. */
  nonWorkingDays(year: number): { date: string; name: string }[];
}

const isWeekend = (date: string): boolean => {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
};

/**
 * Builds a working calendar from admin entries (kind "holiday" adds a day off, kind "workday"
 * makes a day a working day and overrides everything) plus, unless `statutory: false`, the
 * statutory holidays and their compensatory days.
 *
 * Nghỉ bù (art. 112(3)): for each run of consecutive days off that contains statutory holidays,
 * the run must contain at least as many weekday days off as statutory days; any shortfall (holidays
 * on a weekend) is added as "Nghỉ bù <holiday>" on the following Mon–Fri days. Admin holidays count,
 * so a government decision like Tết 2021 (10/02–16/02) needs no extra day.
 * @example
 * const cal = createWorkingCalendar([{ date: "2021-02-10", kind: "holiday", name: "Nghỉ Tết Tân Sửu" }]);
 * cal.nextWorkingDay("2021-02-09") // "2021-02-16"
 */
export function createWorkingCalendar(
  entries: CalendarEntryInput[],
  options: { statutory?: boolean } = {},
): WorkingCalendar {
  const useStatutory = options.statutory ?? true;
  const adminHolidays = new Map<string, string>();
  const workdays = new Set<string>();
  for (const e of entries) {
    if (!isIsoDate(e.date)) throw new RangeError(`Invalid calendar entry date: ${e.date}`);
    if (e.kind === "workday") workdays.add(e.date);
    else adminHolidays.set(e.date, e.name);
  }

  const statutoryByYear = new Map<number, Map<string, string>>();
  const statutoryRaw = (year: number): Map<string, string> => {
    let m = statutoryByYear.get(year);
    if (!m) {
      m = new Map(statutoryHolidays(year).map((e) => [e.date, e.name]));
      statutoryByYear.set(year, m);
    }
    return m;
  };
  const statutoryName = (date: string): string | undefined =>
    useStatutory ? statutoryRaw(Number(date.slice(0, 4))).get(date) : undefined;

  // Compensatory days, computed one Gregorian year of statutory holidays at a time.
  const compensation = new Map<string, string>();
  const compensatedYears = new Set<number>();
  const ensureCompensation = (year: number): void => {
    if (!useStatutory || compensatedYears.has(year)) return;
    compensatedYears.add(year);
    // A year's nghỉ bù always lands in the same year (the last statutory day is 2/9).
    const off = (d: string): boolean =>
      !workdays.has(d) &&
      (isWeekend(d) || adminHolidays.has(d) || statutoryName(d) !== undefined || compensation.has(d));
    const done = new Set<string>();
    for (const [day] of statutoryRaw(year)) {
      if (done.has(day) || workdays.has(day)) continue;
      let start = day;
      while (off(addDays(start, -1))) start = addDays(start, -1);
      let end = day;
      while (off(addDays(end, 1))) end = addDays(end, 1);
      let statutoryCount = 0;
      let weekdaysOff = 0;
      const weekendHolidays: string[] = [];
      for (let d = start; d <= end; d = addDays(d, 1)) {
        const name = statutoryName(d);
        if (name !== undefined) {
          statutoryCount++;
          done.add(d);
          if (isWeekend(d)) weekendHolidays.push(name);
        }
        if (!isWeekend(d)) weekdaysOff++;
      }
      let shortfall = statutoryCount - weekdaysOff;
      let d = end;
      for (let i = 0; shortfall > 0; i++) {
        d = addDays(d, 1);
        if (off(d)) continue;
        compensation.set(d, `Nghỉ bù ${weekendHolidays[i] ?? weekendHolidays[0] ?? "lễ"}`);
        shortfall--;
      }
    }
  };

  const nonWorkingReason = (date: string): string | undefined => {
    if (!isIsoDate(date)) throw new RangeError(`Invalid date: ${date}`);
    if (workdays.has(date)) return undefined;
    const admin = adminHolidays.get(date);
    if (admin !== undefined) return admin;
    if (useStatutory) {
      const statutory = statutoryName(date);
      if (statutory !== undefined) return statutory;
      const year = Number(date.slice(0, 4));
      ensureCompensation(year);
      const comp = compensation.get(date);
      if (comp !== undefined) return comp;
    }
    const w = weekdayOf(date);
    if (w === 6) return SATURDAY_NAME;
    if (w === 0) return SUNDAY_NAME;
    return undefined;
  };

  const isWorkingDay = (date: string): boolean => nonWorkingReason(date) === undefined;

  const step = (date: string, dir: 1 | -1): string => {
    let d = date;
    for (let i = 0; i < MAX_SCAN_DAYS; i++) {
      d = addDays(d, dir);
      if (isWorkingDay(d)) return d;
    }
    throw new RangeError(`No working day within ${MAX_SCAN_DAYS} days of ${date}`);
  };

  const addWorkingDays = (date: string, n: number): string => {
    if (!Number.isInteger(n)) throw new RangeError(`Working days must be an integer: ${n}`);
    if (n === 0) return isWorkingDay(date) ? date : step(date, 1);
    let d = date;
    for (let i = 0; i < Math.abs(n); i++) d = step(d, n > 0 ? 1 : -1);
    return d;
  };

  const workingDaysBetween = (a: string, b: string): number => {
    if (b < a) return -workingDaysBetween(b, a);
    let count = 0;
    for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
    return count;
  };

  const nonWorkingDays = (year: number): { date: string; name: string }[] => {
    const out: { date: string; name: string }[] = [];
    const y = String(year).padStart(4, "0");
    for (let d = `${y}-01-01`; d <= `${y}-12-31`; d = addDays(d, 1)) {
      const name = nonWorkingReason(d);
      if (name !== undefined) out.push({ date: d, name });
    }
    return out;
  };

  return {
    isWorkingDay,
    nonWorkingReason,
    nextWorkingDay: (date) => step(date, 1),
    previousWorkingDay: (date) => step(date, -1),
    addWorkingDays,
    workingDaysBetween,
    nonWorkingDays,
  };
}
