/**
 * Ranges of dates ("từ 1/12 đến 6/12" 6, "10/3-14/3" 5, "từ ngày 5 đến ngày 9/6" 5, "từ 1/12 đến nay (6/12)" 6),
 * for a rate said per day over them ("mỗi ngày 2 lượt" → 12). Read on tokens; both ends count.
 */

import { tokenKey as key, type Tok } from "./tokens.js";

/** Words and marks between the two ends of a range. */
export const TO_WORDS: ReadonlySet<string> = new Set(["den", "toi"]);
const TO_MARKS: ReadonlySet<string> = new Set(["-", "–"]);
/** The longest span read: a rate over more days than a quarter is no campaign's. */
const MAX_DAYS = 92;
/** Tokens that may stand between a daily rate and "từ" of its range ("bài", ", liên tục", a bracket counts one). */
const RANGE_GLUE_LIMIT = 8;

/** A day ("5", "5/6", "5/6/2026") at token x, after "ngày" when said: its day, month (0 when not said) and end. */
function dayAt(toks: readonly Tok[], x: number): { d: number; m: number; end: number } | null {
  if (key(toks[x]) === "ngay") x++;
  if (toks[x]?.type !== "n" || !/^\d{1,2}$/.test(toks[x]!.k)) return null;
  const d = Number(toks[x]!.k);
  if (toks[x + 1]?.k !== "/" || toks[x + 2]?.type !== "n") return { d, m: 0, end: x + 1 };
  const m = Number(toks[x + 2]!.k);
  let end = x + 3;
  if (toks[end]?.k === "/" && toks[end + 1]?.type === "n" && /^\d{2,4}$/.test(toks[end + 1]!.k)) end += 2;
  return { d, m, end };
}

/** The range's last day at token y: a date of a month, or "(hôm) nay (6/12)" with today written in brackets. */
function lastDayAt(toks: readonly Tok[], y: number): { d: number; m: number; end: number } | null {
  const today = key(toks[y]) === "nay" ? y + 1 : key(toks[y]) === "hom" && key(toks[y + 1]) === "nay" ? y + 2 : -1;
  if (today < 0) return dayAt(toks, y);
  if (toks[today]?.k !== "(") return null;
  const last = dayAt(toks, today + 1);
  return last && toks[last.end]?.k === ")" ? { ...last, end: last.end + 1 } : null;
}

/**
 * The range of dates starting at token x (its first day, "ngày" allowed before it), the last day written with
 * its month: the days it spans, both ends counted, and the token after it; null when there is none.
 * @example dateRangeAt(normaliseAndTokenise("1/12 đến 6/12").toks, 0) // { days: 6, end: 7 }
 */
export function dateRangeAt(toks: readonly Tok[], x: number): { days: number; end: number } | null {
  if (toks[x - 1]?.k === "/") return null;
  const a = dayAt(toks, x);
  if (!a || !(TO_WORDS.has(key(toks[a.end])) || TO_MARKS.has(toks[a.end]!.k))) return null;
  const b = lastDayAt(toks, a.end + 1);
  if (!b || b.m === 0) return null;
  const m1 = a.m || b.m;
  if (a.d < 1 || a.d > 31 || b.d < 1 || b.d > 31 || m1 < 1 || m1 > 12 || b.m > 12) return null;
  // (a non-leap year: the count of days is all that is asked; "25/12 - 5/1" runs into the next year)
  const start = Date.UTC(2001, m1 - 1, a.d);
  const end = Date.UTC(b.m < m1 ? 2002 : 2001, b.m - 1, b.d);
  const days = Math.round((end - start) / 86_400_000) + 1;
  return days >= 2 && days <= MAX_DAYS ? { days, end: b.end } : null;
}

/**
 * The days of the first range of dates in tokens [from, to), or null.
 * @example daysOfDateRange(normaliseAndTokenise("từ 1/12 đến 6/12").toks, 0, 7) // 6
 */
export function daysOfDateRange(toks: readonly Tok[], from: number, to: number): number | null {
  for (let x = Math.max(0, from); x < to; x++) {
    if (toks[x]!.type !== "n") continue;
    const range = dateRangeAt(toks, x);
    if (range && range.end <= to) return range.days;
  }
  return null;
}

/**
 * "từ (ngày) 01/12 đến (ngày) 10/12(/2026)", "từ 1/12 đến nay (6/12)" within a few words of token `from`, before
 * any other number: the days it spans and the token after it, or null.
 * @example dateRangeAfter(normaliseAndTokenise("bài, liên tục từ 1/12 đến 6/12").toks, 0) // [6, 12]
 */
export function dateRangeAfter(toks: readonly Tok[], from: number): [number, number] | null {
  let x = from;
  for (let k = 0; k < RANGE_GLUE_LIMIT && toks[x] && key(toks[x]) !== "tu"; k++, x++) {
    const t = toks[x]!;
    if (t.type === "nl" || t.type === "n" || t.k === "." || t.k === ";") return null;
    if (t.k === "(") while (toks[x + 1] && toks[x]!.k !== ")" && toks[x]!.type !== "nl") x++;
  }
  if (key(toks[x]) !== "tu") return null;
  const range = dateRangeAt(toks, x + 1);
  return range ? [range.days, range.end] : null;
}
