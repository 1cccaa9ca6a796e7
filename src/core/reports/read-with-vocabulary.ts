import { SAMPLE_INDICATORS } from "../plans/sample-indicators.js";
import type { IndicatorDef } from "../types.js";
import type { ParsedReport } from "./report-parser.js";
import { searchKey } from "./text-key.js";

/** A parse kept to a task's indicators, with the figures read for common indicators it lacks. */
export type ReadReport = ParsedReport & {
  /** Code → value for common indicators outside the list read against (not recorded for it). */
  outside: Record<string, number>;
};

/**
 * Of two figures for an indicator no task asks for ("1500 tờ rơi … à 1.350 tờ"), the later: such
 * figures are only named to the officer, never recorded.
 */
export const laterOf = (conflict: { values: readonly number[] }): number =>
  conflict.values[conflict.values.length - 1]!;

/** Whether a read found figures for common indicators outside the list it was read against. */
export const hasOutsideFigures = (parsed: { outside?: object }): boolean =>
  Object.keys(parsed.outside ?? {}).length > 0;

const extended = new WeakMap<readonly IndicatorDef[], { list: IndicatorDef[]; codes: Set<string> }>();

/**
 * The common indicators (the sample vocabulary) `indicators` lack, leaving out any whose name one
 * of `indicators` already uses (a plan's own "Tờ rơi" under another code wins).
 * @example commonIndicatorsLacking(task.indicators).map((i) => i.code) // ["to_roi", "ap_phich", …]
 */
export function commonIndicatorsLacking(indicators: readonly IndicatorDef[]): IndicatorDef[] {
  const codes = new Set(indicators.map((i) => i.code));
  const names = new Set(indicators.flatMap(namesOf));
  return SAMPLE_INDICATORS.filter((v) => !codes.has(v.code) && !namesOf(v).some((n) => names.has(n)));
}

/**
 * An indicator's names (label and synonyms) as search keys, once per indicator object (task records are cached).
 * @example namesOf(panoIndicator) // ["pa no", "pano", …]
 */
const names = new WeakMap<IndicatorDef, string[]>();
export function namesOf(indicator: IndicatorDef): string[] {
  let keys = names.get(indicator);
  if (!keys) names.set(indicator, (keys = [indicator.label, ...indicator.synonyms].map(searchKey)));
  return keys;
}

/**
 * The task's indicators, each with the common vocabulary's names for the same indicator (same code or a
 * shared name) that no other of them uses: a plan that lists "băng rôn, khẩu hiệu" still reads "banner".
 */
function withCommonNames(indicators: readonly IndicatorDef[]): IndicatorDef[] {
  const taken = new Set(indicators.flatMap(namesOf));
  return indicators.map((indicator) => {
    const own = new Set(namesOf(indicator));
    const common = SAMPLE_INDICATORS.find((v) => v.code === indicator.code || namesOf(v).some((n) => own.has(n)));
    const more = common?.synonyms.filter((s) => !taken.has(searchKey(s)));
    return more?.length ? { ...indicator, synonyms: [...indicator.synonyms, ...more] } : indicator;
  });
}

function withVocabulary(indicators: readonly IndicatorDef[]) {
  let hit = extended.get(indicators);
  if (!hit) {
    hit = {
      list: [...withCommonNames(indicators), ...commonIndicatorsLacking(indicators)],
      codes: new Set(indicators.map((i) => i.code)),
    };
    extended.set(indicators, hit);
  }
  return hit;
}

/**
 * Parses `text` against `indicators` and the common indicators they lack, then keeps values and
 * conflicts to `indicators`: a figure for an indicator the task does not ask for ("phát 260 tờ rơi"
 * under a plan without leaflets, "xe loa 5 lượt" beside broadcasts) is read as that indicator's and
 * returned in `outside`, never pinned on one of the task's.
 * @example readWithVocabulary(parseReport, "treo 4 pa nô, xe loa 5 lượt", [pano, phatThanh]) // values { pano: 4 }, outside { xe_luu_dong: 5 }
 */
export function readWithVocabulary(
  parse: (text: string, indicators: readonly IndicatorDef[]) => ParsedReport,
  text: string,
  indicators: readonly IndicatorDef[],
): ReadReport {
  const { list, codes } = withVocabulary(indicators);
  const parsed = parse(text, list);
  if (list.length === indicators.length) return { ...parsed, outside: {} };
  const values: Record<string, number> = {};
  const outside: Record<string, number> = {};
  for (const [code, value] of Object.entries(parsed.values)) (codes.has(code) ? values : outside)[code] = value;
  for (const c of parsed.conflicts) if (!codes.has(c.code)) outside[c.code] = laterOf(c);
  return { ...parsed, values, outside, conflicts: parsed.conflicts.filter((c) => codes.has(c.code)) };
}
