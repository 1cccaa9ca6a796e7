/**
 * Words that look like an indicator's name or measure and are not:
 * - reach figures: "2.300 lượt xem" is not "lượt xe" (mobile vehicles); "lượt thích", "lượt chia sẻ",
 *   "lượt tiếp cận", "người theo dõi": their number is quoted as unclear, never a value;
 * - places: "tổ dân phố" / "to dan pho" / "TDP" is not "tờ" (leaflets), and "Tổ dân phố (số) 5" is a
 *   place's label like "tổ 5";
 * - names of organisations: "Đài Phát thanh và Truyền hình tỉnh" is not a radio broadcast.
 * ("tin nhắn" is not "tin": see COMPOUND_STOP in vocabulary.ts.)
 * Runs after stage 2 (non-values), before the tables and the mentions.
 */

import type { CompiledIndicators } from "./indicators.js";
import type { NonValues, TokenMarks } from "./non-values.js";
import { createNumberReader } from "./numbers.js";
import type { Tok, Tokenised } from "./tokens.js";

/** Reach figures of a post or a page (search keys, Telex folded). */
const REACH: readonly string[][] = [
  ["luot", "xem"],
  ["luot", "thich"],
  ["luot", "like"],
  ["luot", "view"],
  ["luot", "tiep", "can"],
  ["luot", "chia", "se"],
  ["luot", "share"],
  ["luot", "truy", "cap"],
  ["luot", "tuong", "tac"],
  ["luot", "theo", "doi"],
  ["nguoi", "theo", "doi"],
  ["view"],
  ["views"],
  ["like"],
  ["likes"],
];
/** Places whose words are no indicator's ("tổ dân phố" is not "tờ"). */
const PLACES: readonly string[][] = [["to", "dan", "pho"], ["tdp"], ["khu", "pho"]];
/** Organisations named like an indicator. */
const ORGANISATIONS: readonly string[][] = [
  ["dai", "phat", "thanh", "va", "truyen", "hinh"],
  ["dai", "phat", "thanh", "truyen", "hinh"],
  ["dai", "phat", "thanh", "-", "truyen", "hinh"],
  ["dai", "ptth"],
];

const key = (t: Tok | undefined): string => (!t ? "" : t.type === "w" ? t.kt : t.k);
const isClauseEnd = (t: Tok | undefined): boolean =>
  !t || t.type === "nl" || t.k === "," || t.k === ";" || t.k === "." || t.k === ")" || t.k === "(";

/**
 * Marks look-alike words (never names or measures) and the numbers of reach figures (unclear).
 * @example markLookAlikes(normaliseAndTokenise("đạt 2.300 lượt xem"), nv, compiled).unclear // [[1, 1]]
 */
export function markLookAlikes(tk: Tokenised, nv: NonValues, compiled: CompiledIndicators): TokenMarks {
  const { toks } = tk;
  const blocked: number[] = [];
  const unclear: [number, number][] = [];
  const numbers = createNumberReader(tk, nv.blocked);
  const seqAt = (i: number, list: readonly string[][]): number => {
    for (const seq of list) if (seq.every((w, k) => key(toks[i + k]) === w)) return seq.length;
    return 0;
  };
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.type !== "w") continue;
    const org = seqAt(i, ORGANISATIONS);
    if (org) {
      for (let x = i; x < i + org; x++) blocked.push(x);
      i += org - 1;
      continue;
    }
    const place = seqAt(i, PLACES);
    if (place) {
      let end = i + place;
      if (key(toks[end]) === "so") end++;
      // "Tổ dân phố số 5", "TDP 3": the place's label
      if (toks[end]?.type === "n" && /^\d{1,3}$/.test(toks[end]!.k)) end++;
      else end = i + place;
      for (let x = i; x < end; x++) blocked.push(x);
      i = end - 1;
      continue;
    }
    const reach = seqAt(i, REACH);
    if (!reach) continue;
    const phrase = toks
      .slice(i, i + reach)
      .map((t) => t.k)
      .join("");
    if (compiled.exact.has(phrase)) continue; // a task that counts views names them
    for (let x = i; x < i + reach; x++) blocked.push(x);
    const figure = numberBefore(toks, nv, numbers, i) ?? numberAfter(toks, nv, numbers, i + reach);
    if (figure) {
      for (let x = figure[0]; x < figure[1]; x++) blocked.push(x);
      unclear.push([figure[0], figure[1] - 1]);
    }
    i += reach - 1;
  }
  return { blocked, unclear };
}

/** "2.300 lượt xem", "khoảng 4 nghìn lượt xem": the number right before. */
function numberBefore(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
): [number, number] | null {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    if (nv.blocked[j] || toks[j]!.type === "nl") return null;
    const num = numbers.read(j, false);
    if (num && num.end === i) return [j, num.end];
  }
  return null;
}

/** "lượt xem video trên zalo xã 900", "lượt xem khoảng 4 nghìn": the first number after, in the clause. */
function numberAfter(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
): [number, number] | null {
  for (let j = from; j < toks.length && j < from + 8 && !isClauseEnd(toks[j]); j++) {
    if (nv.blocked[j]) continue;
    const num = numbers.read(j, false);
    if (num) return num.bad ? null : [j, num.end];
  }
  return null;
}
