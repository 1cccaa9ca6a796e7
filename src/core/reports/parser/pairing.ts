/**
 * Stage 4 of the report parser: pair numbers with indicator mentions. Numbers and mentions form
 * a chain; a number pairs with a neighbouring mention when only filler words stand between them.
 * The pairing is a maximum-weight matching on that chain (dynamic programming), so
 * "pa nô 12 áp phích 3" and "12 pa nô 3 áp phích" both read right. A number left over is read
 * by a measure owned by one indicator ("500 tờ") or becomes unclear.
 */

import type { CompiledIndicators } from "./indicators.js";
import type { Mention } from "./mentions.js";
import type { NonValues } from "./non-values.js";
import type { NumberReader } from "./numbers.js";
import { isHard, isWordIn, type Tokenised } from "./tokens.js";
import { BREAK_WORDS, CONJ, FILLER_WORDS, PREPS, TIME_UNITS } from "./vocabulary.js";

/** How a token reads between items: a clause end, a filler word, another word, or part of an item. */
export type TokenClass = "hard" | "filler" | "other" | "item";

export interface NumItem {
  kind: "N";
  start: number;
  end: number;
  value: number;
  /** A single number word that is also a common other word ("sau", "năm") in plain text. */
  weak: boolean;
  /** Not usable as a value (huge, ambiguous "hai ba"); reported as unclear. */
  bad: boolean;
  /** First item of its clause. */
  first: boolean;
}

export interface IndItem {
  kind: "I";
  start: number;
  end: number;
  code: string;
  first: boolean;
}

export type Item = NumItem | IndItem;

/** A number read as the value of an indicator. */
export interface Pair {
  num: NumItem;
  ind: IndItem;
  numFirst: boolean;
}

export interface Pairing {
  pairs: Pair[];
  /** Per token: how it reads between items. */
  cls: TokenClass[];
  /** Token ranges (inclusive) to quote as unclear. */
  unclear: [number, number][];
}

/**
 * Pairs the numbers of a message with its indicator mentions.
 * @example pairNumbers(tk, nonValues, mentions, numbers, compiled).pairs.map((p) => [p.ind.code, p.num.value]) // [["pano", 12]]
 */
export function pairNumbers(
  tk: Tokenised,
  nv: NonValues,
  mentions: readonly Mention[],
  numbers: NumberReader,
  compiled: CompiledIndicators,
): Pairing {
  const { toks } = tk;
  const { blocked } = nv;
  const { items, cls } = chainItems(tk, nv, mentions, numbers);
  const merged = mergeSameIndicator(tk, items);
  const unclear: [number, number][] = [];

  const pairs = bestPairs(tk, merged, cls);
  const pairedNums = new Set<NumItem>(pairs.map((p) => p.num));
  const pairedInds = new Set<IndItem>(pairs.map((p) => p.ind));
  const indexOf = new Map<Item, number>(merged.map((it, idx) => [it, idx]));
  const conjOnly = (from: number, to: number): boolean => {
    for (let x = from; x < to; x++) if (!(CONJ.has(toks[x]!.k) || CONJ.has(toks[x]!.kt))) return false;
    return true;
  };

  // "pa nô, áp phích: 15" — one number for two indicators: ask.
  const kept: Pair[] = [];
  for (const p of pairs) {
    const idx = indexOf.get(p.ind)!;
    let shared: IndItem | null = null;
    if (!p.numFirst) {
      const prev = merged[idx - 1];
      if (prev && prev.kind === "I" && prev.code !== p.ind.code && !pairedInds.has(prev) && conjOnly(prev.end, p.ind.start))
        shared = prev;
    } else {
      const next = merged[idx + 1];
      if (
        next &&
        next.kind === "I" &&
        next.code !== p.ind.code &&
        !pairedInds.has(next) &&
        conjOnly(p.ind.end, next.start) &&
        isHard(toks[next.end])
      )
        shared = next;
    }
    if (shared) {
      unclear.push([Math.min(shared.start, p.num.start), Math.max(shared.end, p.num.end) - 1]);
      pairedNums.add(p.num);
      continue;
    }
    kept.push(p);
  }

  // Unplaced numbers: a measure owned by one indicator ("500 tờ", "150 người"), else unclear.
  const endsHere = (x: number): boolean => isHard(toks[x]) || cls[x] === "filler" || isWordIn(toks[x], PREPS);
  for (const it of merged) {
    if (it.kind !== "N" || pairedNums.has(it)) continue;
    if (!it.bad) {
      const t1 = toks[it.end];
      const t2 = toks[it.end + 1];
      let code: string | undefined;
      // only a bare measure ("500 tờ", "150 người."), not "3 cuộc họp giao ban"
      if (t1 && t1.type === "w" && !blocked[it.end]) {
        code = compiled.measures.get(t1.k) ?? compiled.measures.get(t1.kt);
        if (code && !endsHere(it.end + 1)) code = undefined;
        if (!code && t2 && t2.type === "w" && endsHere(it.end + 2)) code = compiled.measures.get(t1.k + t2.k);
      }
      if (code) {
        kept.push({
          num: it,
          ind: { kind: "I", start: it.end, end: it.end + 1, code, first: false },
          numFirst: true,
        });
        continue;
      }
      if (it.weak) continue;
    }
    unclear.push([it.start, it.end - 1]);
  }
  kept.sort((x, y) => x.num.start - y.num.start);
  return { pairs: kept, cls, unclear };
}

/** Numbers and mentions in text order, and how every other token reads. */
function chainItems(
  tk: Tokenised,
  nv: NonValues,
  mentions: readonly Mention[],
  numbers: NumberReader,
): { items: Item[]; cls: TokenClass[] } {
  const { toks } = tk;
  const { blocked, transparent } = nv;
  const n = toks.length;
  const mentionAt = new Map<number, Mention>(mentions.map((m) => [m.start, m]));
  const items: Item[] = [];
  const cls: TokenClass[] = new Array<TokenClass>(n).fill("other");
  let firstInClause = true;
  let i = 0;
  while (i < n) {
    const t = toks[i]!;
    if (blocked[i]) {
      cls[i] = transparent[i] ? "filler" : "other";
      i++;
      continue;
    }
    if (isHard(t)) {
      cls[i] = "hard";
      firstInClause = true;
      i++;
      continue;
    }
    const m = mentionAt.get(i);
    if (m) {
      items.push({ kind: "I", start: i, end: m.end, code: m.code, first: firstInClause });
      firstInClause = false;
      for (let x = i; x < m.end; x++) cls[x] = "item";
      i = m.end;
      continue;
    }
    const num = numbers.read(i, i > 0 && cls[i - 1] === "item");
    if (num) {
      const end = num.end;
      if (isWordIn(toks[end], TIME_UNITS) && !blocked[end]) {
        // a duration: "6 tháng", "hai năm"
        for (let x = i; x <= end; x++) cls[x] = "other";
        i = end + 1;
        continue;
      }
      items.push({ kind: "N", start: i, end, value: num.value, weak: num.weak, bad: num.bad, first: firstInClause });
      firstInClause = false;
      for (let x = i; x < end; x++) cls[x] = "item";
      i = end;
      continue;
    }
    if (t.type === "w") cls[i] = FILLER_WORDS.has(t.k) || FILLER_WORDS.has(t.kt) ? "filler" : "other";
    else if (t.type === "p") cls[i] = "filler";
    else cls[i] = "other";
    i++;
  }
  return { items, cls };
}

/** Neighbouring mentions of one indicator are one mention ("băng rôn khẩu hiệu", "băng rôn, khẩu hiệu"). */
function mergeSameIndicator(tk: Tokenised, items: readonly Item[]): Item[] {
  const { toks } = tk;
  const merged: Item[] = [];
  for (const it of items) {
    const last = merged[merged.length - 1];
    if (it.kind === "I" && last && last.kind === "I" && last.code === it.code) {
      let ok = true;
      for (let x = last.end; x < it.start; x++) {
        const t = toks[x]!;
        if (!(CONJ.has(t.k) || CONJ.has(t.kt))) ok = false;
      }
      if (ok) {
        last.end = it.end;
        continue;
      }
    }
    merged.push({ ...it });
  }
  return merged;
}

/** Cost of pairing two neighbouring items, or null when they cannot pair. */
function edgeCost(tk: Tokenised, cls: readonly TokenClass[], a: Item, b: Item): number | null {
  const { toks } = tk;
  if (a.kind === b.kind) return null;
  if ((a.kind === "N" && a.bad) || (b.kind === "N" && b.bad)) return null;
  let fillers = 0;
  let others = 0;
  let colonAt = -1;
  let breaks = 0;
  let prepAt = -1;
  const gap: number[] = [];
  for (let x = a.end; x < b.start; x++) {
    if (cls[x] === "hard") return null;
    gap.push(x);
  }
  gap.forEach((x, idx) => {
    const t = toks[x]!;
    if (t.k === ":" || t.k === "=" || (t.type === "w" && t.k === "la")) colonAt = idx;
    if (cls[x] === "filler") fillers++;
    else others++;
    if (isWordIn(t, BREAK_WORDS)) breaks++;
    if (prepAt < 0 && isWordIn(t, PREPS)) prepAt = idx;
  });
  let cost: number;
  if (a.kind === "N") {
    // number before the name: "12 pa nô", "12 cái pa nô", "5 bài trên fanpage"
    if (others === 0) cost = 1 + 0.1 * fillers;
    else if (
      prepAt > 0 &&
      colonAt < 0 &&
      gap.slice(0, prepAt).every((x) => cls[x] === "filler") &&
      gap.length - prepAt - 1 <= 2
    )
      cost = 3;
    else return null;
    if (a.weak) cost += 0.4;
    if (a.first) cost -= 0.3;
  } else {
    // name before the number: "pano: 12", "pa nô 12", "pa nô tuyên truyền: 12"
    const numB = b as NumItem;
    if (others === 0) cost = (colonAt >= 0 ? 0.5 : 1.2) + 0.1 * fillers;
    else if (colonAt >= 0 && others <= 6 && gap.slice(colonAt + 1).every((x) => cls[x] === "filler"))
      cost = 2 + 0.2 * others;
    else if (colonAt < 0 && others <= 3 && breaks === 0) cost = 3 + 0.3 * others;
    else return null;
    if (a.first) cost -= 0.3;
    if (numB.weak) cost += 0.4;
  }
  return cost;
}

/** Maximum-weight matching of neighbouring items on the chain. */
function bestPairs(tk: Tokenised, merged: readonly Item[], cls: readonly TokenClass[]): Pair[] {
  const W = 1000;
  const m = merged.length;
  const best = new Float64Array(m + 1);
  const took = new Uint8Array(m + 1);
  for (let k = 2; k <= m; k++) {
    best[k] = best[k - 1]!;
    const c = edgeCost(tk, cls, merged[k - 2]!, merged[k - 1]!);
    if (c !== null && best[k - 2]! + W - c > best[k]!) {
      best[k] = best[k - 2]! + W - c;
      took[k] = 1;
    }
  }
  const pairs: Pair[] = [];
  for (let k = m; k >= 2; ) {
    if (took[k]) {
      const a = merged[k - 2]!;
      const b = merged[k - 1]!;
      if (a.kind === "N" && b.kind === "I") pairs.push({ num: a, ind: b, numFirst: true });
      else if (a.kind === "I" && b.kind === "N") pairs.push({ num: b, ind: a, numFirst: false });
      k -= 2;
    } else k -= 1;
  }
  return pairs.reverse();
}
