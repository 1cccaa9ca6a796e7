import { readFileSync } from "node:fs";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { type CorpusCase, readCorpus } from "../../src/core/reports/corpus-score.js";
import { type ParsedReport, parseReport } from "../../src/core/reports/report-parser.js";

/**
 * A parse without what it says of periods (running totals, the report's own span; tested on their
 * own), for assertions about the values, references, conflicts and unclear fragments.
 * @example expect(withoutSpans(parseReport("bc năm: 6 tin bài", inds))).toEqual({ values: { tin_bai: 6 }, … })
 */
export function withoutSpans(parsed: ParsedReport): Omit<ParsedReport, "runningTotals" | "reportMonths"> {
  const { runningTotals: _running, reportMonths: _months, ...rest } = parsed;
  return rest;
}

/** A message read against the sample indicators. */
export const readSample = (text: string): ParsedReport => parseReport(text, SAMPLE_INDICATORS);

/** A corpus of `test/fixtures` by file name. */
export const readFixture = (name: string): CorpusCase[] =>
  readCorpus(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));

/** The values, unclear fragments and conflicts of a sample reading (what the parser rounds' tests compare). */
export function plainReading(text: string): Pick<ParsedReport, "values" | "unclear" | "conflicts"> {
  const r = readSample(text);
  return { values: r.values, unclear: r.unclear, conflicts: r.conflicts };
}

/** A plain reading that gives `values` and nothing in doubt. */
export const onlyValues = (values: Record<string, number>) => ({ values, unclear: [], conflicts: [] });
