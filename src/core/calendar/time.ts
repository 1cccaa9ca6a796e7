/**
 * Time-zone and calendar-date helpers built on Intl (works for any IANA zone, no dependency).
 * Calendar dates are "YYYY-MM-DD" strings; instants are `Date` (UTC).
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(tz, f);
  }
  return f;
}

function intlParts(instant: Date, tz: string): ZonedParts {
  const out: Record<string, number> = {};
  for (const p of formatterFor(tz).formatToParts(instant)) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour === 24 ? 0 : out.hour,
    minute: out.minute,
    second: out.second,
  };
}

const QUARTER_HOUR_MS = 900_000;
const offsets = new Map<string, number>();

/**
 * Local date and time of an instant. Intl's formatToParts costs microseconds and a reminder batch
 * or a report calls this thousands of times, so the zone's offset is kept per quarter hour (offsets
 * change on quarter-hour boundaries; a quarter hour with a change inside is never kept).
 */
function zonedParts(instant: Date, tz: string): ZonedParts {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  const key = `${tz}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = offsetAt(bucket * QUARTER_HOUR_MS, tz, intlParts);
    if (offset !== offsetAt((bucket + 1) * QUARTER_HOUR_MS - 1, tz, intlParts)) return intlParts(instant, tz);
    if (offsets.size >= 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  const local = new Date(ms + offset);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Splits and validates a "YYYY-MM-DD" date; throws RangeError when it is not a real date. */
function splitDate(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m || !isRealDate(+m[1], +m[2], +m[3])) throw new RangeError(`Invalid date: ${date}`);
  return [+m[1], +m[2], +m[3]];
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function dayNumber(date: string): number {
  const [y, m, d] = splitDate(date);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

function fromDayNumber(n: number): string {
  const t = new Date(n * MS_PER_DAY);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * Whether `text` is a real calendar date in "YYYY-MM-DD" form.
 * @example isIsoDate("2021-02-29") // false
 */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  return !!m && isRealDate(+m[1], +m[2], +m[3]);
}

/**
 * The local calendar date of an instant in a time zone.
 * @example localDateOf(new Date("2021-02-09T17:30:00Z"), "Asia/Ho_Chi_Minh") // "2021-02-10"
 */
export function localDateOf(instant: Date, tz: string): string {
  const p = zonedParts(instant, tz);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * The local wall-clock time "HH:MM" of an instant in a time zone.
 * @example localTimeOf(new Date("2021-02-09T01:00:00Z"), "Asia/Ho_Chi_Minh") // "08:00"
 */
export function localTimeOf(instant: Date, tz: string): string {
  const p = zonedParts(instant, tz);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** Offset of `tz` from UTC at `instant`, in ms (positive east of Greenwich). */
function offsetAt(ms: number, tz: string, parts: (instant: Date, tz: string) => ZonedParts = zonedParts): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const p = parts(new Date(whole), tz);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

/**
 * The instant at which the wall clock in `tz` shows `date` `time`.
 * A wall time skipped by a DST jump resolves to the instant just after the jump.
 * @example zonedInstant("2021-02-09", "08:00", "Asia/Ho_Chi_Minh").toISOString() // "2021-02-09T01:00:00.000Z"
 */
export function zonedInstant(date: string, time: string, tz: string): Date {
  const [y, mo, d] = splitDate(date);
  const t = TIME.exec(time);
  if (!t || +t[1] > 23 || +t[2] > 59 || +(t[3] ?? 0) > 59) {
    throw new RangeError(`Invalid time: ${time}`);
  }
  const asUtc = Date.UTC(y, mo - 1, d, +t[1], +t[2], +(t[3] ?? 0));
  // Two passes settle the offset around DST transitions.
  const first = offsetAt(asUtc, tz);
  let result = asUtc - first;
  const second = offsetAt(result, tz);
  if (second !== first) result = asUtc - second;
  return new Date(result);
}

/**
 * Adds `n` calendar days (n may be negative) to a "YYYY-MM-DD" date.
 * @example addDays("2021-02-28", 1) // "2021-03-01"
 */
export function addDays(date: string, n: number): string {
  return fromDayNumber(dayNumber(date) + n);
}

/**
 * Calendar days from `a` to `b` (negative when b is earlier).
 * @example daysBetween("2021-02-09", "2021-02-17") // 8
 */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * Day of the week of a date: 0 = Sunday … 6 = Saturday.
 * @example weekdayOf("2021-02-09") // 2 (Tuesday)
 */
export function weekdayOf(date: string): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  const [y, m, d] = splitDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/**
 * Parses a Vietnamese-style day-first date ("dd/mm/yyyy", also "d/m/yyyy", "dd-mm-yyyy",
 * "dd.mm.yyyy"); undefined for other shapes and impossible dates such as 31/02/2021.
 * @example parseDmy("9/2/2021") // "2021-02-09"
 */
export function parseDmy(text: string): string | undefined {
  const m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const [d, mo, y] = [+m[1], +m[3], +m[4]];
  if (!isRealDate(y, mo, d)) return undefined;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

/**
 * Formats a "YYYY-MM-DD" date as "dd/mm/yyyy".
 * @example formatDmy("2021-02-09") // "09/02/2021"
 */
export function formatDmy(date: string): string {
  const [y, m, d] = splitDate(date);
  return `${pad(d)}/${pad(m)}/${pad(y, 4)}`;
}

/**
 * The deadline instant of a day: 23:59:00 local time (deadlines are "23:59 of day D").
 * @example endOfLocalDay("2021-02-09", "Asia/Ho_Chi_Minh").toISOString() // "2021-02-09T16:59:00.000Z"
 */
export function endOfLocalDay(date: string, tz: string): Date {
  return zonedInstant(date, "23:59", tz);
}
