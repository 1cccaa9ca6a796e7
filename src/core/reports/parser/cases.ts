/**
 * Cases of an illness and boats counted by "ca": "9 ca sốt xuất huyết", "Số ca sốt xuất huyết: 9 ca", "có 3 ca mắc
 * sởi", "2 ca nô" are what a health or rescue report records beside the propaganda, never a figure of it nor a
 * question. Part of markLookAlikes (look-alikes.ts).
 */

import type { NonValues } from "./non-values.js";
import type { createNumberReader } from "./numbers.js";
import { tokenKey as key, type Tok } from "./tokens.js";

type Numbers = ReturnType<typeof createNumberReader>;

/** Words after "ca" that make it a case of an illness, a death or a canoe ("ca mắc", "ca sốt", "ca nô"). */
const CASE_AFTER: ReadonlySet<string> = new Set(["sot", "mac", "benh", "nhiem", "duong", "tu", "ngo", "no", "cum"]);

/** At "ca" (token i) right after a number: [number start, i + 1) when it counts cases or canoes, else null. */
export function casesAt(toks: readonly Tok[], nv: NonValues, numbers: Numbers, i: number): [number, number] | null {
  if (key(toks[i]) !== "ca" || toks[i - 1]?.type !== "n") return null;
  let start = i - 1;
  while (start > 0 && toks[start - 1]!.type === "n") start--;
  if (nv.blocked[start]) return null;
  const num = numbers.read(start, false);
  if (!num || num.bad || num.end !== i) return null;
  const end = CASE_AFTER.has(key(toks[i + 1])) ? i + 2 : i + 1;
  return end === i + 2 || labelOfCases(toks, start) ? [start, end] : null;
}

/** "Số ca sốt xuất huyết: 9 ca", "Ca mắc trong tháng: 14 ca": a label naming cases before the colon at start - 1. */
function labelOfCases(toks: readonly Tok[], start: number): boolean {
  if (toks[start - 1]?.k !== ":") return false;
  for (let x = start - 2; x >= 0 && x >= start - 10; x--) {
    const t = toks[x]!;
    if (t.type === "nl" || t.k === "," || t.k === ";" || t.k === ".") return false;
    if (key(t) === "ca" && CASE_AFTER.has(key(toks[x + 1]))) return true;
  }
  return false;
}
