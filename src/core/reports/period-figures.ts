import type { ParsedReport } from "./report-parser.js";

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
