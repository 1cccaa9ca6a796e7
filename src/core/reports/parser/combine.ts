/**
 * Stage 5 of the report parser: combine the values read for each indicator. "thêm"/"nữa"/"bổ sung"
 * add to what was said; an explicit total ("tổng", "tổng cộng", "tổng số", "tất cả") states the
 * value; different plain values are a conflict; a figure after "trong đó" is a part.
 */

import type { Pair, TokenClass } from "./pairing.js";
import type { Tokenised } from "./tokens.js";

export interface Combined {
  values: Record<string, number>;
  conflicts: { code: string; values: number[] }[];
  /** Token ranges (inclusive) to quote as unclear. */
  unclear: [number, number][];
}

interface Entry {
  value: number;
  additive: boolean;
  total: boolean;
}

/**
 * Combines paired values per indicator, in the task's indicator order.
 * @example combineValues(tk, pairs, cls, ["pano"]).values // { pano: 12 } for "10 pa nô, thêm 2 pa nô"
 */
export function combineValues(
  tk: Tokenised,
  pairs: readonly Pair[],
  cls: readonly TokenClass[],
  order: readonly string[],
): Combined {
  const out: Combined = { values: {}, conflicts: [], unclear: [] };
  const entries = new Map<string, Entry[]>();
  for (const p of pairs) {
    const s = Math.min(p.num.start, p.ind.start);
    const e = Math.max(p.num.end, p.ind.end);
    const around = contextWords(tk, cls, s, e);
    const partial = around.before.includes(" trong do ") || around.before.includes(" trong so do ");
    if (partial) {
      out.unclear.push([s, e - 1]);
      continue;
    }
    const additive =
      around.inside.includes(" them ") ||
      around.before.includes(" them ") ||
      around.before.includes(" bo sung ") ||
      around.after.includes(" nua ");
    const total =
      around.before.includes(" tong ") || around.inside.includes(" tong ") || around.before.includes(" tat ca ");
    const list = entries.get(p.ind.code) ?? [];
    list.push({ value: p.num.value, additive, total });
    entries.set(p.ind.code, list);
  }
  const codes = [...entries.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const code of codes) combineOne(code, entries.get(code)!, out);
  return out;
}

function combineOne(code: string, list: readonly Entry[], out: Combined): void {
  const distinct = (xs: number[]): number[] => [...new Set(xs)];
  const totals = distinct(list.filter((e) => e.total).map((e) => e.value));
  const bases = distinct(list.filter((e) => !e.additive && !e.total).map((e) => e.value));
  const added = list.filter((e) => e.additive && !e.total).reduce((sum, e) => sum + e.value, 0);
  const hasAdded = list.some((e) => e.additive && !e.total);
  if (totals.length === 1) {
    // "tổng" states the total; the parts must agree with it ("10 + thêm 2, tổng 12")
    const t = totals[0]!;
    const partsSum = list.filter((e) => !e.total).reduce((sum, e) => sum + e.value, 0);
    const consistent =
      (bases.length === 0 && !hasAdded) ||
      partsSum === t ||
      (bases.length === 1 && bases[0]! + added === t) ||
      (bases.length === 1 && !hasAdded && bases[0] === t);
    if (consistent) out.values[code] = t;
    else out.conflicts.push({ code, values: distinct(list.map((e) => e.value)) });
    return;
  }
  if (totals.length > 1) {
    out.conflicts.push({ code, values: totals });
    return;
  }
  if (bases.length === 0) out.values[code] = added;
  else if (bases.length === 1) out.values[code] = bases[0]! + added;
  else if (bases.length === 2 && hasAdded && Math.max(...bases) === Math.min(...bases) + added)
    out.values[code] = Math.max(...bases);
  else out.conflicts.push({ code, values: bases });
}

/** Words around a pair within its clause, as space-joined keys (before, inside, after). */
export function contextWords(
  tk: Tokenised,
  cls: readonly TokenClass[],
  s: number,
  e: number,
): { before: string; inside: string; after: string } {
  const { toks } = tk;
  const words = (from: number, to: number): string =>
    toks
      .slice(from, to)
      .filter((t) => t.type === "w")
      .map((t) => t.kt)
      .join(" ");
  let b = s;
  let steps = 0;
  while (b > 0 && steps < 6) {
    const t = toks[b - 1]!;
    if (t.type === "nl" || t.k === ";" || t.k === "." || cls[b - 1] === "item") break;
    if (cls[b - 1] === "hard" && t.k !== ",") break;
    b--;
    steps++;
  }
  let a = e;
  steps = 0;
  while (a < toks.length && steps < 2) {
    if (cls[a] === "hard" || cls[a] === "item") break;
    a++;
    steps++;
  }
  return { before: ` ${words(b, s)} `, inside: ` ${words(s, e)} `, after: ` ${words(e, a)} ` };
}
