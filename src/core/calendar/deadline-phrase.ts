/**
 * Reads a Vietnamese deadline phrase ("trước ngày 10/02/2021", "chậm nhất ngày 10/02/2021", …).
 * "trước ngày D" means the last day is D−1; every other form means D itself.
 */

import { addDays, parseDmy } from "./time.js";

/** How a deadline phrase was read: "before" = trước D (due D−1); "by" = due D. */
export type DeadlineReading = "before" | "by";

export type DeadlinePhraseResult =
  | { ok: true; dueDate: string; reading: DeadlineReading }
  | { ok: false; error: "invalid_date" | "unrecognised" };

/** Words before the date (folded, an optional trailing "ngay" removed first). */
const BEFORE = /^truoc$/;
const BY = /^(?:|han|han chot|thoi han|han nop|cham nhat|cham nhat la|den|den het|trong)$/;

/** Lowercase, no diacritics, đ → d, single spaces. */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Resolves "dd/mm" (no year) to the first such date on or after `today` (29/02: next leap year). */
function resolveYearless(day: string, month: string, today: string): string | undefined {
  const year = Number(today.slice(0, 4));
  for (let y = year; y <= year + 8; y++) {
    const date = parseDmy(`${day}/${month}/${y}`);
    if (date !== undefined && date >= today) return date;
  }
  return undefined;
}

/**
 * Parses a deadline phrase into the due date (the last allowed day; the deadline is 23:59 of it).
 * Diacritics-insensitive. A date without a year ("10/02") is the next such date on or after `today`.
 * Whether the date is already past is the caller's check.
 * @example parseDeadlinePhrase("trước ngày 10/02/2021", "2021-01-29")
 * // { ok: true, dueDate: "2021-02-09", reading: "before" }
 */
export function parseDeadlinePhrase(text: string, today: string): DeadlinePhraseResult {
  const folded = fold(text)
    .replace(/[.;,!]+$/, "")
    .trim();
  const m = /^(.*?)\s*:?\s*(\d{1,2})([/.-])(\d{1,2})(?:\3(\d{1,4}))?$/.exec(folded);
  if (!m) return { ok: false, error: "unrecognised" };
  const keyword = m[1]
    .replace(/:$/, "")
    .replace(/(?:^|\s)ngay$/, "")
    .trim();
  const reading: DeadlineReading | undefined = BEFORE.test(keyword) ? "before" : BY.test(keyword) ? "by" : undefined;
  if (!reading) return { ok: false, error: "unrecognised" };
  const [, , day, sep, month, year] = m;
  let date: string | undefined;
  if (year === undefined) {
    // "1.5" is more likely a number than a date: yearless dates need "/" or "-".
    if (sep === ".") return { ok: false, error: "unrecognised" };
    date = resolveYearless(day, month, today);
  } else {
    if (year.length !== 4) return { ok: false, error: "invalid_date" };
    date = parseDmy(`${day}${sep}${month}${sep}${year}`);
  }
  if (date === undefined) return { ok: false, error: "invalid_date" };
  return { ok: true, dueDate: reading === "before" ? addDays(date, -1) : date, reading };
}
