/**
 * Sittings counted by a rate over a span: "2 buổi/tuần trong 6 tuần", "3 lớp/ngày x 2 ngày", "3 buoi/tuan, 5 tuan"
 * are 12, 6 and 15 sittings. A rate per sitting after them ("…, mỗi buổi 2 lượt", "mỗi lớp 25 người") multiplies
 * that product, not the rate's own figure; the multipliers seed their products with these before reading "mỗi".
 * Part of findMultipliers (multipliers.ts).
 */

import type { createNumberReader } from "./numbers.js";
import { tokenKey as key, type Tok } from "./tokens.js";

type Numbers = ReturnType<typeof createNumberReader>;

/** Sittings a rate may count ("buổi", "lớp", "cuộc"). */
const SITTINGS: ReadonlySet<string> = new Set(["buoi", "lop", "cuoc"]);
/** Periods such a rate is given per. */
const PER: ReadonlySet<string> = new Set(["ngay", "tuan", "thang"]);
/** Words between the rate and its span ("trong", "x", "nhân", "suốt", "liên tục"). */
const SPAN_LINKS: ReadonlySet<string> = new Set(["trong", "x", "×", "*", "nhan", "suot", "lien", "tuc", ","]);

/**
 * The sittings' products of the message's rates over a span, by the rate's first token: { end: after the span,
 * value }. One pass over the tokens; most messages have no "/" and return at once.
 */
export function sittingRateCounts(toks: readonly Tok[], numbers: Numbers): Map<number, { end: number; value: number }> {
  const out = new Map<number, { end: number; value: number }>();
  for (let s = 1; s + 1 < toks.length; s++) {
    if (toks[s]!.k !== "/" || !SITTINGS.has(key(toks[s - 1])) || !PER.has(key(toks[s + 1]))) continue;
    const i = s - 2;
    if (toks[i]?.type !== "n") continue;
    const rate = numbers.read(i, false);
    if (!rate || rate.bad || rate.end !== s - 1) continue;
    let j = s + 2;
    while (j < s + 5 && SPAN_LINKS.has(key(toks[j]))) j++;
    if (j === s + 2 || toks[j]?.type !== "n") continue;
    const span = numbers.read(j, false);
    if (!span || span.bad || key(toks[span.end]) !== key(toks[s + 1])) continue;
    out.set(i, { end: span.end + 1, value: rate.value * span.value });
  }
  return out;
}
