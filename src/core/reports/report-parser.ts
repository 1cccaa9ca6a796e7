/**
 * Reads indicator values out of a report typed in chat ("đã treo 12 pa nô, áp phích: ba"), up to a
 * long pasted report or table. Pure and total: never throws, returns data only (no user-facing sentences).
 *
 * A pipeline of named stages (each in ./parser/, each with its own tests):
 * 1.  normaliseAndTokenise (tokens.ts) — fold to search keys with a map back to the original; tokens;
 *     digits are read with their forms ("1.200", "1 nghìn 2", "1,2k": number-forms.ts);
 * 2.  markNonValues (non-values.ts, non-value-spans.ts, references.ts, arithmetic.ts) — dates, times,
 *     document numbers (kept as references, with a date written before or after them), phones,
 *     percentages, money, rates, labels ("thôn 5", "quý 1"), task hints ("nv 3"), list numbering
 *     ("1.", "1️⃣"), counts of places, arithmetic ("3 buổi/tuần x 12 tuần", "60 + 85");
 * 2a. markLookAlikes (look-alikes.ts) — "lượt xem" is not "lượt xe", "tổ dân phố" is not "tờ";
 *     markNotDone (not-done.ts) — "1 lượt bị hoãn", "200 tờ còn lưu": what was not done is no figure;
 *     markCellLines (cell-lines.ts) — a Word table pasted one cell per line ("Băng rôn\n14");
 *     readSittingParts (sittings.ts) — "3 buổi; buổi đầu 50 người, hai buổi sau mỗi buổi 45 người" → 140;
 *     readMeetingSites (sites.ts) — "điểm cầu xã 55 người, điểm cầu thôn 30 người" → 85, one meeting;
 * 2b. findMultipliers (multipliers.ts) — "xã có 9 thôn, mỗi thôn 2 pa nô", "mỗi loại 4 cái", rates;
 * 2c. readTables (tables.ts) — pasted tables by their header (the "Thực hiện" or "Tổng" column);
 * 2d. findCorrections (corrections.ts) — "à em nhầm", "→ sửa thành": the words end a clause;
 *     recountSittings (recounts.ts) — "4 buổi, mỗi buổi 35 chị … à nhầm, 3 buổi thôi" → 105;
 * 2e. qualifyPeriods (periods.ts) — cumulative, last period's, compared and planned figures, stated
 *     period totals ("Cộng quý I: 9");
 * 3.  findMentions (mentions.ts) — where indicators are named (longest synonym, typos tolerated);
 * 4.  pairNumbers (pairing.ts) — numbers paired with neighbouring mentions (maximum-weight
 *     matching), with the pairs the tables and multipliers read added;
 * 4a. findStatedZeros (zeros.ts) — "chưa treo pa nô nào", "Hội nghị: không tổ chức" → 0;
 *     findHeldGatherings (held.ts) — "xã tổ chức hội nghị với 120 đại biểu": one meeting;
 * 4b. unpairAfterCorrections, correctionRoles (corrections.ts) — a nameless figure after "à nhầm" is not the
 *     next name's; the corrected figure final, the replaced one dropped;
 * 5.  combineValues (combine.ts) — totals, "thêm", the roles above and conflicts per indicator;
 * 6.  collectUnclear (unclear.ts) — numbers that could not be placed, quoted from the original.
 */

import { truncate } from "../text-limits.js";
import type { DocumentReference, IndicatorDef } from "../types.js";
import { markCellLines } from "./parser/cell-lines.js";
import { combineValues, mergeRoles } from "./parser/combine.js";
import { correctionRoles, findCorrections, unpairAfterCorrections } from "./parser/corrections.js";
import { findHeldGatherings } from "./parser/held.js";
import { type CompiledIndicators, compileIndicators } from "./parser/indicators.js";
import { markLookAlikes } from "./parser/look-alikes.js";
import { createNameMatcher, findMentions } from "./parser/mentions.js";
import { findMultipliers } from "./parser/multipliers.js";
import { markNonValues, withMarks } from "./parser/non-values.js";
import { markNotDone } from "./parser/not-done.js";
import { createNumberReader } from "./parser/numbers.js";
import { type Pair, pairNumbers, withPairs } from "./parser/pairing.js";
import { ownPeriodKey, qualifyPeriods } from "./parser/periods.js";
import { recountSittings } from "./parser/recounts.js";
import { saidAgainRoles } from "./parser/said-again.js";
import { readMeetingSites } from "./parser/sites.js";
import { readSittingParts } from "./parser/sittings.js";
import { readTables } from "./parser/tables.js";
import { normaliseAndTokenise } from "./parser/tokens.js";
import { collectUnclear } from "./parser/unclear.js";
import { findStatedZeros } from "./parser/zeros.js";

/** What a report says, as data. */
export interface ParsedReport {
  /** Indicator code → value. Indicators with conflicting values are left out. */
  values: Record<string, number>;
  /** Document numbers cited ("15/KH-UBND"), with their date when given. */
  references: DocumentReference[];
  /** Short fragments of the original text holding numbers that could not be placed. */
  unclear: string[];
  /** Indicators given different values without "thêm"; the values in order of appearance. */
  conflicts: { code: string; values: number[] }[];
  /** Task number the report names ("nv 3", "#3", "nhiệm vụ số 3"). */
  taskHint?: number;
  /** Indicators whose value is only a running total ("lũy kế 78 lượt", "từ đầu năm 3 phóng sự"), when any. */
  runningTotals?: string[];
  /**
   * Indicators said as more than already reported ("treo thêm 2 pa nô", "thêm 1 hội nghị, 60 người
   * dự"), when any: a follow-up adds them to the report's figures instead of replacing them.
   */
  additions?: string[];
  /** Months of the period the report names as its own ("Báo cáo năm 2026: …" 12, "bc quý I" 3), when it says. */
  reportMonths?: number;
}

/**
 * Reads indicator values, document references and a task hint from a report message.
 * Never throws; any input (empty, huge, binary noise) gives a well-formed result.
 * @example
 * parseReport("Đã treo 12 pa nô, áp phích: ba; theo KH số 15/KH-UBND ngày 05/02/2021", SAMPLE_INDICATORS)
 * // { values: { pano: 12, ap_phich: 3 },
 * //   references: [{ number: "15/KH-UBND", date: "2021-02-05" }], unclear: [], conflicts: [] }
 */
export function parseReport(text: string, indicators: readonly IndicatorDef[]): ParsedReport {
  try {
    return copyOf(readOnce(text, compileIndicators(indicators)));
  } catch {
    const result: ParsedReport = { values: {}, references: [], unclear: [], conflicts: [] };
    try {
      const s = truncate(String(text ?? "").trim(), 80);
      if (/\d/.test(s)) result.unclear.push(s);
    } catch {
      /* nothing more to salvage */
    }
    return result;
  }
}

/** The texts read last: handling one message reads it up to four times against the same indicators. */
const recent = new Map<string, { compiled: CompiledIndicators; result: ParsedReport }[]>();
const RECENT_TEXTS = 16;

function readOnce(text: string, compiled: CompiledIndicators): ParsedReport {
  const key = typeof text === "string" ? text : String(text ?? "");
  if (key.length > 4_000) return runPipeline(key, compiled);
  const reads = recent.get(key) ?? [];
  const hit = reads.find((r) => r.compiled === compiled);
  if (hit) return hit.result;
  const result = runPipeline(key, compiled);
  recent.delete(key);
  recent.set(key, [...reads, { compiled, result }].slice(-4));
  if (recent.size > RECENT_TEXTS) recent.delete(recent.keys().next().value!);
  return result;
}

/** A copy the caller may change without touching the kept result. */
const copyOf = (r: ParsedReport): ParsedReport => ({
  ...r,
  values: { ...r.values },
  references: r.references.map((ref) => ({ ...ref })),
  unclear: [...r.unclear],
  conflicts: r.conflicts.map((c) => ({ ...c, values: [...c.values] })),
  ...(r.runningTotals ? { runningTotals: [...r.runningTotals] } : {}),
  ...(r.additions ? { additions: [...r.additions] } : {}),
});

/** Pairs read before the period qualifiers whose figure they found another period's ("Quý III: 2 buổi …"). */
function notOtherPeriods(pairs: readonly Pair[], blocked: Iterable<number> | undefined): Pair[] {
  if (pairs.length === 0 || !blocked) return [...pairs];
  const other = new Set(blocked);
  if (other.size === 0) return [...pairs];
  return pairs.filter((p) => !other.has(p.num.start));
}

function runPipeline(text: string, compiled: CompiledIndicators): ParsedReport {
  const tk = normaliseAndTokenise(text);
  let nonValues = markNonValues(tk, compiled);
  nonValues = withMarks(nonValues, markLookAlikes(tk, nonValues, compiled));
  nonValues = withMarks(nonValues, markNotDone(tk, nonValues));
  nonValues = withMarks(nonValues, markCellLines(tk, nonValues, compiled));
  const sittings = readSittingParts(tk, nonValues, compiled);
  nonValues = withMarks(nonValues, sittings);
  const sites = readMeetingSites(tk, nonValues, compiled);
  nonValues = withMarks(nonValues, sites);
  const multipliers = findMultipliers(tk, nonValues, compiled);
  nonValues = withMarks(nonValues, multipliers);
  const beforeTables = nonValues;
  const tables = readTables(tk, compiled, nonValues.blocked, () => ownPeriodKey(tk, beforeTables));
  nonValues = withMarks(nonValues, tables);
  const corrections = findCorrections(tk, nonValues);
  nonValues = withMarks(nonValues, corrections);
  nonValues = withMarks(nonValues, recountSittings(tk, nonValues, corrections.markers));
  const periods = qualifyPeriods(tk, nonValues);
  nonValues = withMarks(nonValues, periods);
  const numbers = createNumberReader(tk, nonValues.blocked);
  const nameAt = createNameMatcher(tk.toks, nonValues.blocked, compiled);
  const mentions = findMentions(tk, nonValues.blocked, nameAt, numbers);
  let pairing = pairNumbers(tk, nonValues, mentions, numbers, compiled);
  pairing = withPairs(pairing, [
    ...tables.pairs,
    ...notOtherPeriods([...multipliers.pairs, ...sittings.pairs, ...sites.pairs], periods.blocked),
  ]);
  pairing = unpairAfterCorrections(tk, pairing, corrections, compiled);
  const zeros = findStatedZeros(tk, nonValues, mentions, compiled);
  const figureRoles = mergeRoles(
    periods.roles,
    correctionRoles(tk, pairing, corrections, compiled),
    saidAgainRoles(tk, pairing),
    zeros,
  );
  const roles = mergeRoles(figureRoles, findHeldGatherings(tk, mentions, pairing, figureRoles, compiled));
  const combined = combineValues(
    tk,
    nonValues,
    pairing,
    compiled.order,
    roles,
    compiled.measures,
    compiled.headWords,
    periods.reportMonths,
    { measures: compiled.measureWords, heads: compiled.heads },
  );
  const unclear = collectUnclear(tk, [...pairing.unclear, ...combined.unclear]);
  const result: ParsedReport = {
    values: combined.values,
    references: nonValues.references,
    unclear,
    conflicts: combined.conflicts,
  };
  if (nonValues.taskHint !== undefined) result.taskHint = nonValues.taskHint;
  const running = (combined.running ?? []).filter((code) => code in combined.values);
  if (running.length) result.runningTotals = running;
  const additions = (combined.additions ?? []).filter((code) => code in combined.values);
  if (additions.length) result.additions = additions;
  if (periods.reportMonths !== undefined) result.reportMonths = periods.reportMonths;
  return result;
}
