import type { Context } from "../core/composer.js";
import type { NamedPeriods } from "../core/reports/named-periods.js";
import { romanOf } from "../core/reports/roman-numerals.js";

/**
 * The periods a message names, as the officer will recognise them in a reply: "Quý III",
 * "tháng 7/2021", "6 tháng đầu năm 2026" (the year only when the text gave exactly one).
 * @example namedPeriodText({ months: [], quarters: [3], halves: [], years: [] }, ctx.t) // "Quý III"
 */
export function namedPeriodText(named: NamedPeriods, t: Context["t"]): string {
  const year = named.years.length === 1 ? named.years[0] : undefined;
  const withYear = (label: string, joiner: string) => (year ? `${label}${joiner}${year}` : label);
  return [
    ...named.quarters.map((q) => withYear(t("reports:named_quarter", { n: romanOf(q) }), "/")),
    ...named.months.map((m) => withYear(t("reports:named_month", { n: m }), "/")),
    ...named.halves.map((h) => withYear(t(h === 1 ? "reports:named_half_first" : "reports:named_half_second"), " ")),
  ].join(", ");
}
