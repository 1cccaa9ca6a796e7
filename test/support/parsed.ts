import type { ParsedReport } from "../../src/core/reports/report-parser.js";

/**
 * A parse without what it says of periods (running totals, the report's own span; tested on their
 * own), for assertions about the values, references, conflicts and unclear fragments.
 * @example expect(withoutSpans(parseReport("bc năm: 6 tin bài", inds))).toEqual({ values: { tin_bai: 6 }, … })
 */
export function withoutSpans(parsed: ParsedReport): Omit<ParsedReport, "runningTotals" | "reportMonths"> {
  const { runningTotals: _running, reportMonths: _months, ...rest } = parsed;
  return rest;
}
