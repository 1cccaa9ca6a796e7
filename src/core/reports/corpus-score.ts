/**
 * The report corpus (one JSON object per line: a message and what the parser must read from it)
 * and its exact-match score. The corpus is the parser's specification: the development part is
 * tested case by case, the held-out part is only scored (never tuned against).
 */

import type { DocumentReference, IndicatorDef } from "../types.js";
import { type ParsedReport, parseReport } from "./report-parser.js";

/** One corpus message and what must be read from it. */
export interface CorpusCase {
  text: string;
  /** "officer": written as commune officers do (no diacritics, no punctuation, "ạ", abbreviations). */
  style?: "officer" | "formal";
  expected: {
    values: Record<string, number>;
    references: DocumentReference[];
    taskHint?: number;
    conflicts?: { code: string; values: number[] }[];
    /** One substring per expected unclear fragment; no other fragment may be reported. */
    unclear?: string[];
  };
}

export interface CorpusScore {
  total: number;
  exact: number;
  misses: { line: number; text: string; got: ParsedReport }[];
}

/** A corpus line that cannot be read: its number and why (not JSON, or fields missing). */
export class CorpusLineError extends Error {
  constructor(
    readonly line: number,
    readonly reason: "not_json" | "missing_fields",
  ) {
    super(`line ${line}: ${reason === "not_json" ? "not JSON" : "needs text, expected.values, expected.references"}`);
  }
}

/**
 * Reads a JSONL corpus; blank lines are skipped, a malformed line throws a {@link CorpusLineError}.
 * @example readCorpus('{"text":"pano 3","expected":{"values":{"pano":3},"references":[]}}').length // 1
 */
export function readCorpus(jsonl: string): CorpusCase[] {
  const out: CorpusCase[] = [];
  jsonl.split("\n").forEach((line, idx) => {
    if (!line.trim()) return;
    let c: CorpusCase;
    try {
      c = JSON.parse(line) as CorpusCase;
    } catch {
      throw new CorpusLineError(idx + 1, "not_json");
    }
    if (typeof c?.text !== "string" || typeof c.expected?.values !== "object" || !Array.isArray(c.expected.references))
      throw new CorpusLineError(idx + 1, "missing_fields");
    out.push(c);
  });
  return out;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether a parse is exactly what the case expects: values, references, conflicts and task hint
 * equal; as many unclear fragments as expected, each containing its expected substring.
 * @example isExactMatch(parseReport("pano 3", inds), { values: { pano: 3 }, references: [] }) // true
 */
export function isExactMatch(got: ParsedReport, expected: CorpusCase["expected"]): boolean {
  const sortedValues = (v: Record<string, number>) => Object.entries(v).sort(([a], [b]) => a.localeCompare(b));
  const unclear = expected.unclear ?? [];
  return (
    same(sortedValues(got.values), sortedValues(expected.values)) &&
    same(got.references, expected.references) &&
    same(got.conflicts, expected.conflicts ?? []) &&
    got.taskHint === expected.taskHint &&
    got.unclear.length === unclear.length &&
    unclear.every((part) => got.unclear.some((u) => u.includes(part)))
  );
}

/**
 * Parses every case and counts exact matches.
 * @example scoreCorpus(readCorpus(text), SAMPLE_INDICATORS) // { total: 88, exact: 87, misses: [...] }
 */
export function scoreCorpus(cases: readonly CorpusCase[], indicators: readonly IndicatorDef[]): CorpusScore {
  const score: CorpusScore = { total: cases.length, exact: 0, misses: [] };
  cases.forEach((c, idx) => {
    const got = parseReport(c.text, indicators);
    if (isExactMatch(got, c.expected)) score.exact++;
    else score.misses.push({ line: idx + 1, text: c.text, got });
  });
  return score;
}
