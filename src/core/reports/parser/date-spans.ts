/**
 * How many days a range of dates spans ("từ 1/12 đến 6/12" 6, "10/3-14/3" 5, "từ ngày 5 đến ngày 9/6" 5), for a
 * rate said per day over it ("mỗi ngày 2 lượt" → 12). Reads tokens; both ends count.
 */

import type { Tok } from "./tokens.js";

const key = (t: Tok | undefined): string => (!t ? "" : t.type === "w" ? t.kt : t.k);
/** Words and marks between the two ends of a range. */
const TO = new Set(["den", "toi", "-", "–"]);
/** The longest span read: a rate over more days than a quarter is no campaign's. */
const MAX_DAYS = 92;

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

/**
 * The days of the first range of dates in tokens [from, to), both ends said as dates of a month, or null.
 * @example daysOfDateRange(normaliseAndTokenise("từ 1/12 đến 6/12").toks, 0, 7) // 6
 */
export function daysOfDateRange(toks: readonly Tok[], from: number, to: number): number | null {
  for (let x = Math.max(0, from); x < to; x++) {
    if (toks[x]!.type !== "n" || toks[x - 1]?.k === "/") continue;
    const a = dayAt(toks, x);
    if (!a || !TO.has(key(toks[a.end]))) continue;
    const b = dayAt(toks, a.end + 1);
    if (!b || b.m === 0 || b.end > to) continue;
    const m1 = a.m || b.m;
    if (a.d < 1 || a.d > 31 || b.d < 1 || b.d > 31 || m1 < 1 || m1 > 12 || b.m > 12) continue;
    // (a non-leap year: the count of days is all that is asked; "25/12 - 5/1" runs into the next year)
    const start = Date.UTC(2001, m1 - 1, a.d);
    const end = Date.UTC(b.m < m1 ? 2002 : 2001, b.m - 1, b.d);
    const days = Math.round((end - start) / 86_400_000) + 1;
    if (days >= 2 && days <= MAX_DAYS) return days;
  }
  return null;
}
