import { namedPeriods, namesAnyPeriod } from "./named-periods.js";
import type { ParsedReport } from "./report-parser.js";
import { foldWithMap, searchKey } from "./text-key.js";

/** Why figures read from a report are not the period's own. */
export type NotOfPeriodReason = "running" | "longer";

/** The figures of a report kept for the period it is filed under, and those that are not its own. */
export interface PeriodFigures {
  values: Record<string, number>;
  /** Code → value: running totals, or the figures of a longer period the message names as its own. */
  notOfPeriod: Record<string, number>;
  /** "running": "lũy kế", "từ đầu năm"; "longer": the message reports a longer span ("Báo cáo năm 2026"). */
  reason?: NotOfPeriodReason;
  /** Months of that longer span (12 for a year) when the reason is "longer". */
  months?: number;
}

/** Length in months and first month of a period key ("2026-Q4" → 3 from October); null for one-off tasks. */
export function periodSpan(periodKey: string): { months: number; firstMonth: number } | null {
  const m = /^\d{4}(?:-(?:(\d{2})|Q([1-4])|H([12])))?$/.exec(periodKey);
  if (!m) return null;
  const [, month, quarter, half] = m;
  if (month) return { months: 1, firstMonth: Number(month) };
  if (quarter) return { months: 3, firstMonth: Number(quarter) * 3 - 2 };
  if (half) return { months: 6, firstMonth: Number(half) * 6 - 5 };
  return { months: 12, firstMonth: 1 };
}

/**
 * Splits a report's values into the period's own and those that are not: a running total
 * ("lũy kế 170 lượt", "từ đầu năm 4 hội nghị") is a period's figure only when the period starts the
 * year; a message that names a longer span as its own ("Báo cáo cả năm 2026: 40 tin bài") gives no
 * figure of a quarter or a month. Recording either would count the earlier periods again in the rollups.
 * @example figuresOfPeriod({ values: { phat_thanh: 170 }, runningTotals: ["phat_thanh"] }, "2026-Q4")
 * // { values: {}, notOfPeriod: { phat_thanh: 170 }, reason: "running" }
 */
export function figuresOfPeriod(
  parsed: Pick<ParsedReport, "values" | "runningTotals" | "reportMonths">,
  periodKey: string,
): PeriodFigures {
  const span = periodSpan(periodKey);
  if (!span) return { values: parsed.values, notOfPeriod: {} };
  if (parsed.reportMonths !== undefined && parsed.reportMonths > span.months && Object.keys(parsed.values).length)
    return { values: {}, notOfPeriod: { ...parsed.values }, reason: "longer", months: parsed.reportMonths };
  const running = new Set(parsed.runningTotals ?? []);
  if (!running.size || span.firstMonth === 1) return { values: parsed.values, notOfPeriod: {} };
  const values: Record<string, number> = {};
  const notOfPeriod: Record<string, number> = {};
  for (const [code, value] of Object.entries(parsed.values)) (running.has(code) ? notOfPeriod : values)[code] = value;
  return { values, notOfPeriod, reason: "running" };
}

/** A line opening another span's figures: "Cả năm:", "Lũy kế …", "Từ đầu năm …". */
/** Lines that end a heading's part: another span's figures, or the plan ahead ("III. Phương hướng …"). */
const OTHER_SPAN = /^\W*(?:[ivx]+\W+)?(?:ca nam|luy ke|tu dau nam|phuong huong|du kien)\b/;
const QUARTER_NAMES = ["i|1|mot|nhat", "ii|2|hai", "iii|3|ba", "iv|4|tu|bon"];

/** The words naming a period key's own period in folded text ("2026-Q4" → "quý IV", "quý 4", "quý tư"). */
function periodNamePattern(periodKey: string): RegExp | null {
  const m = /^\d{4}-(?:(\d{2})|Q([1-4])|H([12]))$/.exec(periodKey);
  if (!m) return null;
  const [, month, quarter, half] = m;
  // "tháng 12/2026" names the month; "ngày 5 tháng 12", "tháng 12/10" are dates.
  if (month)
    return new RegExp(`(?<!ngay\\s*\\d{1,2}\\s*)\\bthang\\s*0?${Number(month)}(?!\\d)(?!\\s*[/.-]\\s*\\d{1,2}(?!\\d))`);
  if (quarter) return new RegExp(`\\bquy\\s*(?:${QUARTER_NAMES[Number(quarter) - 1]})\\b`);
  return new RegExp(`\\b(?:6|sau)\\s*thang\\s*${half === "1" ? "dau" : "cuoi"}\\s*nam\\b`);
}

/**
 * The part of a longer report that gives the period's own figures: "Báo cáo cả năm 2026: 40 tin bài
 * (riêng Quý IV: 12 tin bài)" → "Quý IV: 12 tin bài)". It runs from the period's name to the end of its
 * bracket, else of its line (or of the lines under a heading "Quý IV:"), else of its sentence.
 * Null when the text does not name the period.
 * @example ownPeriodPart("Cả năm: 40 tin bài. Riêng quý 4: 12 tin bài.", "2026-Q4") // "quý 4: 12 tin bài."
 */
export function ownPeriodPart(text: string, periodKey: string): string | null {
  const pattern = periodNamePattern(periodKey);
  const folded = foldWithMap(text);
  const found = pattern?.exec(folded.key);
  if (!found) return null;
  const start = folded.start[found.index]!;
  const nameEnd = folded.end[found.index + found[0].length - 1]!;
  const open = text.lastIndexOf("(", start);
  if (open >= 0 && text.lastIndexOf(")", start) < open) {
    const close = text.indexOf(")", start);
    return text.slice(start, close < 0 ? undefined : close + 1);
  }
  const lines = text.slice(start).split("\n");
  const first = lines[0]!;
  const sentenceEnd = /\.(?=\s+\p{Lu})/u.exec(first);
  if (/\d/.test(first.slice(nameEnd - start))) return sentenceEnd ? first.slice(0, sentenceEnd.index + 1) : first;
  // A heading "Quý IV:" takes the lines under it, up to a blank line or the next period's name.
  const part = [first];
  for (const line of lines.slice(1)) {
    if (!line.trim() || namesAnyPeriod(namedPeriods(line)) || OTHER_SPAN.test(searchKey(line))) break;
    part.push(line);
  }
  return part.join("\n");
}
