/**
 * A quarter reported month by month: "tháng 10: 3 tin bài", later "tháng 11: 4 tin bài", then
 * "tháng 12: 2 tin bài". Each message gives its month's figures and the quarter's is their sum (9),
 * not the last month's; a month sent again replaces that month ("tháng 11 là 5 chứ không phải 4").
 */

import { namedPeriods } from "./named-periods.js";
import { periodSpan } from "./period-figures.js";
import type { ParsedReport } from "./report-parser.js";
import { romanOf } from "./roman-numerals.js";
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
  /** The month of the period the message was sent in (local time), if it was sent within the period. */
  sentIn?: number | null;
}

/** An indicator's figure made of months: a whole-period figure sent earlier (if any) and the months after it. */
export interface MonthParts {
  /** The whole period's figure sent before the months: "quý IV: 10 pa nô" sent in November, then "tháng 12: 2". */
  earlier?: number;
  months: Map<number, number>;
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
 * The month of the period a message was sent in (its local date "YYYY-MM-DD"), or null when it was
 * sent before or after the period.
 * @example monthSentIn("2026-11-20", "2026-Q4") // 11
 */
export function monthSentIn(localDate: string, periodKey: string): number | null {
  const span = periodSpan(periodKey);
  const year = Number(periodKey.slice(0, 4));
  const [y, m] = localDate.split("-").map(Number);
  if (!span || y !== year) return null;
  return m! >= span.firstMonth && m! < span.firstMonth + span.months ? m! : null;
}

/**
 * Each indicator's figure by month, for those given month by month in `messages`. A whole-period
 * figure sent in one month of the period and followed by months after that one counts up to then:
 * those months add to it ("quý IV: 10 pa nô" in November, "tháng 12: 2 pa nô" → 10 + 2). Any other
 * whole-period figure is left to the usual rule (the later figure replaces it).
 * @example monthFigures([{ month: 10, values: { tin_bai: 3 }, additions: [] }, { month: 11, values: { tin_bai: 4 }, additions: [] }])
 * // Map { "tin_bai" => { months: Map { 10 => 3, 11 => 4 } } }
 */
export function monthFigures(messages: readonly MonthMessage[]): Map<string, MonthParts> {
  const byCode = new Map<string, (MonthParts & { until?: number }) | "whole">();
  for (const { month, values, additions, sentIn } of messages)
    for (const [code, value] of Object.entries(values)) {
      const parts = byCode.get(code);
      if (month === null) {
        // a whole figure sent within the period counts up to the month it was sent in
        const earlier = parts !== undefined && parts !== "whole" && !parts.months.size ? parts.earlier : undefined;
        const whole = additions.includes(code) && earlier !== undefined ? earlier + value : value;
        byCode.set(code, sentIn ? { earlier: whole, until: sentIn, months: new Map() } : "whole");
        continue;
      }
      if (parts === "whole" || (parts?.until !== undefined && month <= parts.until)) {
        byCode.set(code, "whole");
        continue;
      }
      const list = parts ?? { months: new Map<number, number>() };
      const before = list.months.get(month);
      list.months.set(month, additions.includes(code) && before !== undefined ? before + value : value);
      byCode.set(code, list);
    }
  const out = new Map<string, MonthParts>();
  for (const [code, parts] of byCode)
    if (parts !== "whole" && parts.months.size)
      out.set(code, { ...(parts.earlier !== undefined ? { earlier: parts.earlier } : {}), months: parts.months });
  return out;
}

/**
 * "tháng 10 phát thanh 15 lượt, tháng 11 16 lượt, tháng 12 đến nay 14 lượt" filed under Quý IV: two or
 * more months of a longer period, named one by one with no other period, are that period's parts. The
 * text headed with the period's name, as officers head a report ("Báo cáo quý IV: …"), reads them so
 * (45, not the last month's 14); null when the text is no such list.
 * @example headedWithPeriod("tháng 10: 3 tin, tháng 11: 4 tin", "2026-Q4") // "Báo cáo quý IV:\ntháng 10: 3 tin, …"
 */
export function headedWithPeriod(text: string, periodKey: string): string | null {
  const span = periodSpan(periodKey);
  if (!span || span.months === 1) return null;
  const named = namedPeriods(text);
  const year = Number(periodKey.slice(0, 4));
  if (named.quarters.length || named.halves.length || named.years.some((y) => y !== year)) return null;
  const months = new Set(named.months);
  for (const m of months) if (m < span.firstMonth || m >= span.firstMonth + span.months) return null;
  if (months.size < 2) return null;
  const name =
    span.months === 3
      ? `quý ${romanOf((span.firstMonth + 2) / 3)}`
      : span.months === 6
        ? `6 tháng ${span.firstMonth === 1 ? "đầu" : "cuối"} năm`
        : `năm ${year}`;
  return `Báo cáo ${name}:\n${text}`;
}
