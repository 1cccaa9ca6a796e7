import { formatDmy, localDateOf, localTimeOf, weekdayOf } from "./calendar/time.js";
import type { Translate } from "./types.js";

/**
 * A deadline as users read it: weekday and date, time only when not end of day.
 * @example formatDeadline(new Date("2021-02-09T16:59:00Z"), "Asia/Ho_Chi_Minh", t) // "Thứ Ba, 09/02/2021"
 */
export function formatDeadline(at: Date, tz: string, t: Translate): string {
  const date = localDateOf(at, tz);
  const time = localTimeOf(at, tz);
  const day = `${t(`common:weekday_${weekdayOf(date)}`)}, ${formatDmy(date)}`;
  return time === "23:59" ? day : `${day} ${time}`;
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
