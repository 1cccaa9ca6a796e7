/**
 * A product per sitting read in stage 2b ("4 buổi, mỗi buổi 35 chị" → 140) recomputed when the message
 * corrects one of its parts: the count of sittings after a correction ("à nhầm, … nên là 3 buổi thôi" → 105)
 * or one sitting's own figure ("3 lớp mỗi lớp 40 học viên, lớp thứ 3 chỉ có 42" → 122).
 * Runs after the corrections (stage 2d), whose markers say a count was corrected.
 */

import type { CorrectionMarker } from "./corrections.js";
import type { NonValues, TokenMarks } from "./non-values.js";
import { createNumberReader } from "./numbers.js";
import { tokenKey as key, type Tok, type Tokenised } from "./tokens.js";

/** Sittings a per-sitting figure is counted by ("mỗi buổi", "mỗi lớp", "mỗi cuộc"). */
const SITTINGS: ReadonlySet<string> = new Set(["buoi", "lop", "cuoc"]);
/** Words between "<sitting> thứ 3" and its own figure ("chỉ có 42", "được 30", "là 28"). */
const BEFORE_OWN: ReadonlySet<string> = new Set(["chi", "co", "duoc", "la", ":", "thi", "thoi"]);
/** Words between "mỗi buổi" and its figure ("mỗi buổi tầm 35 chị", "có khoảng 40"). */
const ABOUT: ReadonlySet<string> = new Set(["tam", "khoang", "gan", "co", "la", "duoc", "chung", "~"]);
/** How far after a product its correction may stand. */
const REACH = 30;

const sentenceEnd = (t: Tok | undefined): boolean => !t || t.type === "nl" || t.k === ".";

/**
 * New readings of per-sitting products whose count or one sitting the message corrects, with the figures
 * that corrected them blocked.
 * @example recountSittings(tk("3 lớp mỗi lớp 40 học viên, lớp thứ 3 chỉ có 42"), nv, []).readings // 4 → 122
 */
export function recountSittings(tk: Tokenised, nv: NonValues, markers: readonly CorrectionMarker[]): TokenMarks {
  const { toks } = tk;
  const readings = new Map<number, { end: number; value: number }>();
  const blocked: number[] = [];
  if (!nv.readings.size) return {};
  const numbers = createNumberReader(tk, nv.blocked);
  for (const [r, reading] of nv.readings) {
    let u = r - 1;
    while (u > r - 3 && ABOUT.has(key(toks[u]))) u--;
    const unit = key(toks[u]);
    if (!SITTINGS.has(unit) || key(toks[u - 1]) !== "moi" || toks[r]?.type !== "n") continue;
    const rate = numbers.read(r, false);
    if (!rate || rate.value <= 0 || reading.value % rate.value !== 0) continue;
    const count = reading.value / rate.value;
    const corrected = correctedCount(toks, markers, reading.end, unit);
    if (corrected !== null && corrected !== count) {
      readings.set(r, { end: reading.end, value: corrected * rate.value });
      continue;
    }
    // in the product's sentence, or after a correction that follows it ("à lớp thứ 3 chỉ có 42 hv thôi")
    const m = markers.find((k) => k.start >= reading.end && k.start < reading.end + REACH);
    const own =
      ownSitting(toks, nv, reading.end, unit, count) ?? (m ? ownSitting(toks, nv, m.start, unit, count) : null);
    if (own) {
      readings.set(r, { end: reading.end, value: reading.value - rate.value + own.value });
      blocked.push(...own.tokens);
    }
  }
  return readings.size ? { readings, blocked } : {};
}

/** "… à nhầm, … nên là 3 buổi thôi": the count of the sittings after a correction marker following the product. */
function correctedCount(
  toks: readonly Tok[],
  markers: readonly CorrectionMarker[],
  from: number,
  unit: string,
): number | null {
  let m = markers.find((k) => k.start >= from && k.start < from + REACH);
  if (!m) return null;
  // "à | nhầm", "à | em | nhầm": markers a word apart are one correction (each step ends further on, so the
  // walk ends: a marker of no width would otherwise be its own next)
  const nextOf = (c: CorrectionMarker) =>
    markers.find((k) => k.start >= c.end && k.start <= c.end + 1 && k.end > c.end);
  for (let next = nextOf(m); next; next = nextOf(m)) m = next;
  for (let j = m.end; j < m.end + REACH && j + 1 < toks.length; j++) {
    const t = toks[j]!;
    // (a count of sittings another stage has read already, "chỉ họp 2 buổi", is still the count)
    if (t.type === "n" && key(toks[j - 1]) !== "/" && /^\d{1,3}$/.test(t.k) && key(toks[j + 1]) === unit)
      return Number(t.k);
    if (markers.some((k) => k.start === j)) return null;
  }
  return null;
}

/** "lớp thứ 3 chỉ có 42" in the product's sentence: that sitting's own figure, for one of `count` sittings. */
function ownSitting(
  toks: readonly Tok[],
  nv: NonValues,
  from: number,
  unit: string,
  count: number,
): { value: number; tokens: number[] } | null {
  for (let j = from; j < from + REACH && !sentenceEnd(toks[j]); j++) {
    if (key(toks[j]) !== unit || key(toks[j + 1]) !== "thu" || toks[j + 2]?.type !== "n") continue;
    const which = Number(toks[j + 2]!.k);
    if (!(which >= 1 && which <= count)) return null;
    let x = j + 3;
    while (x < j + 6 && BEFORE_OWN.has(key(toks[x]))) x++;
    const t = toks[x];
    if (t?.type !== "n" || nv.blocked[x] || !/^\d{1,4}$/.test(t.k)) return null;
    return { value: Number(t.k), tokens: [j + 2, x] };
  }
  return null;
}
