import { daysBetween, formatDmy, localDateOf, localTimeOf, weekdayOf } from "./calendar/time.js";
import type { Translate } from "./types.js";

/**
 * A deadline as users read it: weekday and date, time only when not end of day. When the plan's
 * stated last day was a day off and the deadline moved off it (see effectiveDueDate), the stated
 * day follows with what it is: "Thứ Hai, 16/03/2026 (15/03 là Chủ nhật)".
 * @example formatDeadline(new Date("2021-02-09T16:59:00Z"), "Asia/Ho_Chi_Minh", t) // "Thứ Ba, 09/02/2021"
 */
export function formatDeadline(at: Date, tz: string, t: Translate, statedDate?: string | null): string {
  const date = localDateOf(at, tz);
  const time = localTimeOf(at, tz);
  const day = `${t(`common:weekday_${weekdayOf(date)}`)}, ${formatDmy(date)}`;
  const deadline = time === "23:59" ? day : `${day} ${time}`;
  if (!statedDate || statedDate === date) return deadline;
  const stated = formatDmy(statedDate).slice(0, 5);
  const weekday = weekdayOf(statedDate);
  // A weekend names itself; any other day off (a holiday, a Tết break) is "a day off".
  return weekday === 0 || weekday === 6
    ? t("common:deadline_moved_weekend", { deadline, stated, weekday: t(`common:weekday_${weekday}`) })
    : t("common:deadline_moved_day_off", { deadline, stated });
}

/**
 * The deadline of an occurrence (or an assignment view's occurrence), with its stated day when it
 * moved: the one way every text shows a deadline.
 * @example formatDue({ dueAt, statedDate: "2026-03-15" }, tz, t) // "Thứ Hai, 16/03/2026 (15/03 là Chủ nhật)"
 */
export function formatDue(o: { dueAt: Date; statedDate?: string | null }, tz: string, t: Translate): string {
  return formatDeadline(o.dueAt, tz, t, o.statedDate);
}

/**
 * The day count every text uses (reminders, /nhiemvu, questions, digests, documents): CALENDAR
 * days from the local date of `asOf` to the local date of the deadline — what an officer counts on
 * a wall calendar. Positive: days left; 0: the deadline is today; negative: days overdue.
 * Working days stay the unit of reminder schedules (T−7, T+3) and of ad hoc deadlines, never of counts.
 * @example daysLeft(new Date("2026-03-05T01:00:00Z"), dueAt16Mar, "Asia/Ho_Chi_Minh") // 11
 */
export function daysLeft(asOf: Date, dueAt: Date, tz: string): number {
  return daysBetween(localDateOf(asOf, tz), localDateOf(dueAt, tz));
}

/**
 * {@link daysLeft} in words: "còn 11 ngày", "hôm nay là hạn cuối", "đã quá hạn 3 ngày"
 * (English plurals from i18next's _one/_other keys).
 * @example formatDaysLeft(asOf, dueAt, tz, t) // "còn 11 ngày"
 */
export function formatDaysLeft(asOf: Date, dueAt: Date, tz: string, t: Translate): string {
  const days = daysLeft(asOf, dueAt, tz);
  if (days > 0) return t("common:days_left", { count: days });
  return days === 0 ? t("common:due_today") : t("common:days_overdue", { count: -days });
}

/** "dd/mm/yyyy HH:MM" in the zone. */
export function formatDateTime(at: Date, tz: string): string {
  return `${formatDmy(localDateOf(at, tz))} ${localTimeOf(at, tz)}`;
}

/**
 * A list of names for a message: sorted as Vietnamese readers expect, at most `max` of them, and
 * how many were left out.
 * @example nameList(["UBND xã B", "UBND xã A", "UBND xã C"], 2, t) // "UBND xã A, UBND xã B và 1 đơn vị khác"
 */
export function nameList(names: string[], max: number, t: Translate): string {
  const sorted = [...names].sort((a, b) => a.localeCompare(b, "vi"));
  const shown = sorted.slice(0, max).join(", ");
  return sorted.length > max ? t("common:more_names", { names: shown, count: sorted.length - max }) : shown;
}

/**
 * Example figures for a task's indicators, as an officer would write them: "12 pa nô, 3 tin bài"
 * (at most `max` indicators, each by its first synonym, a word the parser reads, else its label in
 * lower case). Empty for a task asking for text.
 * @example exampleFigures([{ label: "Pa nô", synonyms: ["pa nô"] }, { label: "Tin bài", synonyms: [] }]) // "12 pa nô, 3 tin bài"
 */
export function exampleFigures(
  indicators: readonly { label: string; synonyms?: readonly string[] }[],
  max = 2,
  numbers: readonly number[] = [12, 3],
): string {
  return indicators
    .slice(0, max)
    .map((i, n) => `${numbers[n] ?? 2} ${i.synonyms?.[0] ?? i.label.toLowerCase()}`)
    .join(", ");
}
