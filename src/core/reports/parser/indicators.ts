/**
 * A task's indicators compiled for matching: every synonym and label as a compact search key
 * ("pa nô" → "pano"), and the measure words owned by a single indicator ("tờ" → to_roi).
 * Compiled lists are cached by content, so callers that build a fresh array per message
 * (the open tasks' indicators, flattened) still hit the cache.
 */

import type { IndicatorDef } from "../../types.js";
import { searchKey } from "../text-key.js";
import { LOANWORDS } from "./vocabulary.js";

export interface Synonym {
  compact: string;
  code: string;
  words: number;
}

export interface CompiledIndicators {
  exact: Map<string, Synonym>;
  list: Synonym[];
  maxWords: number;
  /** Measure word compact → code, only for measures owned by one indicator. */
  measures: Map<string, string>;
  /**
   * Measures several indicators share ("lượt"), with the first words of each owner's names of two
   * words or more ("phát" of "phát thanh"): "phát 16 lượt" is the broadcasts'.
   */
  shared: Map<string, { code: string; firstWords: Set<string> }[]>;
  /**
   * Counting nouns that head the synonyms of one indicator only ("lớp" of "lớp tập huấn", "xe" of
   * "xe loa"): "2 lớp" counts that indicator. Key → the word as written in the synonym (lowercase).
   */
  heads: Map<string, { code: string; written: string }>;
  /** Codes in the task's order (values are reported in this order). */
  order: string[];
  /** First words of the indicators' names and synonyms, and their measures' words (search keys). */
  headWords: Set<string>;
  /** Words that count by themselves in the indicators' measures ("tờ", "lượt", "mục" of "chuyên mục"). */
  measureWords: Set<string>;
}

/** Same array object → compiled (no key to build). */
const byArray = new WeakMap<readonly IndicatorDef[], CompiledIndicators>();
/** Same content → compiled; bounded, oldest entry dropped first. */
const byContent = new Map<string, CompiledIndicators>();
const MAX_CACHED = 64;

/** Compact search key of a name: words joined without spaces ("Pa-nô" → "pano"). */
function compactKey(s: string): { compact: string; words: number } {
  const key = searchKey(s);
  const words = key.split(/[^a-z0-9\p{L}]+/u).filter(Boolean);
  return { compact: words.join(""), words: words.length };
}

function contentKey(indicators: readonly IndicatorDef[]): string {
  const parts: string[] = [];
  for (const ind of indicators) {
    if (!ind || typeof ind !== "object") continue;
    const synonyms = Array.isArray(ind.synonyms) ? ind.synonyms.map(String) : [];
    parts.push(JSON.stringify([ind.code, ind.label, ind.measure ?? "", synonyms]));
  }
  return parts.join("\n");
}

/**
 * Compiles indicators for matching, from the cache when the same list (by content) was seen.
 * Malformed entries (no code, non-string names) are skipped.
 * @example compileIndicators([{ code: "pano", label: "Pa nô", synonyms: ["pano"] }]).exact.get("pano")?.code // "pano"
 */
export function compileIndicators(indicators: readonly IndicatorDef[]): CompiledIndicators {
  const list = Array.isArray(indicators) ? indicators : [];
  const direct = byArray.get(list);
  if (direct) return direct;
  const key = contentKey(list);
  let compiled = byContent.get(key);
  if (compiled) {
    // refresh its place: the cache drops the least recently used
    byContent.delete(key);
  } else {
    compiled = compile(list);
  }
  byContent.set(key, compiled);
  if (byContent.size > MAX_CACHED) byContent.delete(byContent.keys().next().value!);
  if (list === indicators) byArray.set(list, compiled);
  return compiled;
}

function compile(indicators: readonly IndicatorDef[]): CompiledIndicators {
  const exact = new Map<string, Synonym>();
  const measureOwners = new Map<string, Set<string>>();
  const order: string[] = [];
  let maxWords = 1;
  for (const ind of indicators) {
    if (!ind || typeof ind.code !== "string" || !ind.code) continue;
    order.push(ind.code);
    const names = [...(Array.isArray(ind.synonyms) ? ind.synonyms : []), ind.label];
    for (const name of names) {
      if (typeof name !== "string") continue;
      const { compact, words } = compactKey(name);
      if (!compact || /^\d+$/.test(compact) || exact.has(compact)) continue;
      exact.set(compact, { compact, code: ind.code, words });
      maxWords = Math.max(maxWords, words);
    }
    if (typeof ind.measure === "string" && ind.measure.trim()) {
      const { compact } = compactKey(ind.measure);
      if (compact) {
        const set = measureOwners.get(compact) ?? new Set<string>();
        set.add(ind.code);
        measureOwners.set(compact, set);
      }
    }
  }
  // officers' loanwords and spoken names join the indicator named by the word they stand for, when no name of
  // the task's is already theirs ("banner" → whichever indicator is "băng rôn")
  for (const [standards, loans] of LOANWORDS) {
    const owner = standards.map((k) => exact.get(k)).find(Boolean);
    if (!owner) continue;
    for (const loan of loans) {
      const { compact, words } = compactKey(loan);
      if (exact.has(compact)) continue;
      exact.set(compact, { compact, code: owner.code, words });
      maxWords = Math.max(maxWords, words);
    }
  }
  const measures = new Map<string, string>();
  for (const [m, owners] of measureOwners) if (owners.size === 1) measures.set(m, [...owners][0]!);
  const shared = new Map<string, { code: string; firstWords: Set<string> }[]>();
  for (const [m, owners] of measureOwners) {
    if (owners.size < 2) continue;
    shared.set(
      m,
      [...owners].map((code) => ({ code, firstWords: firstWordsOf(indicators, code, measureOwners) })),
    );
  }
  return {
    exact,
    list: [...exact.values()],
    maxWords: Math.min(maxWords + 1, 8),
    measures,
    shared,
    heads: headsOf(indicators),
    order,
    headWords: headWordsOf(indicators),
    measureWords: measureWordsOf(indicators),
  };
}

/** First words of the names and synonyms (a name's head noun: "tờ" of "tờ rơi") and the measures' words. */
function headWordsOf(indicators: readonly IndicatorDef[]): Set<string> {
  const out = new Set<string>();
  const wordsOf = (s: unknown) =>
    typeof s === "string"
      ? searchKey(s)
          .split(/[^a-z0-9]+/)
          .filter(Boolean)
      : [];
  for (const ind of indicators) {
    if (!ind || typeof ind.code !== "string") continue;
    for (const name of [...(Array.isArray(ind.synonyms) ? ind.synonyms : []), ind.label]) {
      const [head] = wordsOf(name);
      if (head) out.add(head);
    }
    for (const w of wordsOf(ind.measure)) out.add(w);
  }
  return out;
}

/**
 * Words that count by themselves in an indicator's measure: a measure of one word ("tờ", "lượt"), the later words
 * of a longer one ("mục" of "chuyên mục"); its first word heads a name like a synonym's ("chuyên" is no "chuyến").
 */
function measureWordsOf(indicators: readonly IndicatorDef[]): Set<string> {
  const out = new Set<string>();
  for (const ind of indicators) {
    if (typeof ind?.measure !== "string") continue;
    const words = searchKey(ind.measure)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    for (let x = words.length > 1 ? 1 : 0; x < words.length; x++) out.add(words[x]!);
  }
  return out;
}

/** First words of an indicator's names of two words or more, leaving out measure words ("lượt phát thanh"). */
function firstWordsOf(
  indicators: readonly IndicatorDef[],
  code: string,
  measureOwners: ReadonlyMap<string, Set<string>>,
): Set<string> {
  const out = new Set<string>();
  for (const ind of indicators) {
    if (ind?.code !== code) continue;
    for (const name of [...(Array.isArray(ind.synonyms) ? ind.synonyms : []), ind.label]) {
      if (typeof name !== "string") continue;
      const words = searchKey(name).split(" ");
      if (words.length >= 2 && words[0] && !measureOwners.has(words[0])) out.add(words[0]);
    }
  }
  return out;
}

/** Counting nouns that may head a synonym ("2 lớp", "3 xe", "4 tranh"): a short list, as most heads are other words too. */
const COUNTING_NOUNS: ReadonlySet<string> = new Set(["lop", "xe", "tranh"]);

function headsOf(indicators: readonly IndicatorDef[]): Map<string, { code: string; written: string }> {
  const owners = new Map<string, { codes: Set<string>; written: string }>();
  for (const ind of indicators) {
    if (!ind || typeof ind.code !== "string" || !ind.code) continue;
    for (const name of [...(Array.isArray(ind.synonyms) ? ind.synonyms : []), ind.label]) {
      if (typeof name !== "string") continue;
      const written = name.normalize("NFC").toLowerCase().trim().split(/\s+/);
      const first = searchKey(written[0] ?? "");
      if (written.length < 2 || !COUNTING_NOUNS.has(first)) continue;
      const entry = owners.get(first) ?? { codes: new Set<string>(), written: written[0]! };
      entry.codes.add(ind.code);
      owners.set(first, entry);
    }
  }
  const heads = new Map<string, { code: string; written: string }>();
  for (const [k, { codes, written }] of owners) if (codes.size === 1) heads.set(k, { code: [...codes][0]!, written });
  return heads;
}

/** Counters of printed sheets ("tờ", "tấm", "bản"): any printed thing is counted in them. */
const SHEET_WORDS: ReadonlySet<string> = new Set(["to", "tam", "ban"]);

/**
 * "áp phích CCHC dán 4 tờ", "poster PCCC in 30 tờ": a thing the plan counts by the piece ("cái") may be counted
 * in sheets, though the sheet is another indicator's own measure ("tờ" of "tờ rơi").
 */
export function countedInSheets(
  compiled: CompiledIndicators,
  code: string,
  measure: { type: string; kt: string } | undefined,
): boolean {
  if (measure?.type !== "w" || !SHEET_WORDS.has(measure.kt)) return false;
  return (compiled.shared.get("cai") ?? []).some((o) => o.code === code);
}
