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
