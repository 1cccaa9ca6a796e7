/**
 * A quarter reported month by month: "tháng 10: 3 tin bài", later "tháng 11: 4 tin bài", then
 * "tháng 12: 2 tin bài". Each message gives its month's figures and the quarter's is their sum (9),
 * not the last month's; a month sent again replaces that month ("tháng 11 là 5 chứ không phải 4").
 */

import { namedPeriods } from "./named-periods.js";
import { periodSpan } from "./period-figures.js";
import type { ParsedReport } from "./report-parser.js";
import { searchKey } from "./text-key.js";

/** "tháng 10, 11", "tháng 10 và 11", "từ tháng 10", "đến hết tháng 11", "lũy kế", "từ đầu quý": more than one month. */
const SPAN_OF_MONTHS =
  /\bthang\s*\d{1,2}\s*(?:,|-|–|va|den|toi)\s*(?:thang\s*)?\d{1,2}\b(?!\s*\/)|\b(?:tu|den|toi)\s*(?:het\s*)?thang\b|\bluy ke\b|\btu dau\b|\bca quy\b/;

/** One message of a report, in order: the month of the period it reports alone (null: the whole period), and its figures. */
export interface MonthMessage {
  month: number | null;
  values: Record<string, number>;
  /** Figures said as more ("thêm 1 tin bài"): they add to what was said before. */
  additions: readonly string[];
}

/**
 * The one month of a quarter, half-year or year a message reports alone ("tháng 11: 4 tin bài"
 * under Quý IV), or null: it names no month, several, or a quarter too.
 * @example monthOfPeriod("tháng 11: 4 tin bài", parsed, "2026-Q4") // 11
 */
export function monthOfPeriod(
  text: string,
  parsed: Pick<ParsedReport, "reportMonths">,
  periodKey: string,
): number | null {
  const span = periodSpan(periodKey);
  if (!span || span.months === 1 || (parsed.reportMonths ?? 1) !== 1) return null;
  const named = namedPeriods(text);
  if (named.months.length !== 1 || named.quarters.length || named.halves.length) return null;
  if (SPAN_OF_MONTHS.test(searchKey(text))) return null;
  const [month] = named.months;
  return month! >= span.firstMonth && month! < span.firstMonth + span.months ? month! : null;
}

/**
 * Each indicator's figure by month, for those only ever given month by month in `messages`
 * (one given for the whole period is left to the usual rule: the later figure replaces it).
 * @example monthFigures([{ month: 10, values: { tin_bai: 3 }, additions: [] }, { month: 11, values: { tin_bai: 4 }, additions: [] }])
 * // Map { "tin_bai" => Map { 10 => 3, 11 => 4 } }
 */
export function monthFigures(messages: readonly MonthMessage[]): Map<string, Map<number, number>> {
  const byCode = new Map<string, Map<number, number> | "whole">();
  for (const { month, values, additions } of messages)
    for (const [code, value] of Object.entries(values)) {
      const months = byCode.get(code);
      if (month === null || months === "whole") {
        byCode.set(code, "whole");
        continue;
      }
      const list = months ?? new Map<number, number>();
      const before = list.get(month);
      list.set(month, additions.includes(code) && before !== undefined ? before + value : value);
      byCode.set(code, list);
    }
  const out = new Map<string, Map<number, number>>();
  for (const [code, months] of byCode) if (months !== "whole") out.set(code, months);
  return out;
}
