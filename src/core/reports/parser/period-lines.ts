/**
 * Lines each headed by a period and a colon ("Tháng 11/2026: …", "- Năm 2026 (đến 30/11): …", "2. Quý IV/2026: …",
 * "1. Chín tháng đầu năm: …"): the report gives one period's figures beside the others'. Its own is the line of the
 * period the report names, else the shortest period, the latest of those; the other lines are other periods'
 * figures. A longer period after it that holds it ("Tháng 10: … Tháng 11: … Quý IV: …") is their stated total,
 * left to the period qualifiers, unless it is an estimate ("Ước cả năm").
 */

import { ROMAN_NUMERALS as ROMAN } from "../roman-numerals.js";
import type { NonValues } from "./non-values.js";
import { tokenKey as key, type Tok } from "./tokens.js";

/** A line headed by a period: its tokens [from, end), the colon, and the months it spans within its year. */
export interface PeriodLine {
  from: number;
  colon: number;
  end: number;
  unit: string;
  n?: number;
  first: number;
  last: number;
  year: number;
  estimate: boolean;
}

/** Number words of a span of months ("Chín tháng đầu năm", "sáu tháng cuối năm"). */
const MONTH_COUNTS: Readonly<Record<string, number>> = { sau: 6, chin: 9 };

/** The period heading the line that starts at token s, or null. */
function periodLineAt(toks: readonly Tok[], nv: NonValues, s: number): PeriodLine | null {
  let i = s;
  // list marks: "-", "+", "1.", "2)", "a)"
  while (toks[i]?.type === "p" && toks[i]!.k !== "(") i++;
  if (toks[i + 1] && (toks[i + 1]!.k === "." || toks[i + 1]!.k === ")") && /^(?:\d{1,2}|[a-e])$/.test(toks[i]!.k))
    i += 2;
  const estimate = key(toks[i]) === "uoc";
  if (estimate) i++;
  if (key(toks[i]) === "ca" && key(toks[i + 1]) === "nam") i++;
  let unit = "";
  let n: number | undefined;
  let first = 0;
  let last = 0;
  let j = i + 1;
  const k = key(toks[i]);
  const count = toks[i]?.type === "n" ? Number(toks[i]!.k) : MONTH_COUNTS[k];
  if (count && key(toks[i + 1]) === "thang" && (key(toks[i + 2]) === "dau" || key(toks[i + 2]) === "cuoi")) {
    unit = `${count} thang`;
    [first, last] = key(toks[i + 2]) === "dau" ? [1, count] : [13 - count, 12];
    j = key(toks[i + 3]) === "nam" ? i + 4 : i + 3;
  } else if (k === "thang" && toks[i + 1]?.type === "n" && nv.blocked[i + 1]) {
    unit = k;
    n = Number(toks[i + 1]!.k);
    first = last = n;
    j = i + 2;
  } else if (k === "quy" && nv.blocked[i + 1] && (ROMAN[toks[i + 1]?.k ?? ""] || toks[i + 1]?.type === "n")) {
    unit = k;
    n = ROMAN[toks[i + 1]!.k] ?? Number(toks[i + 1]!.k);
    [first, last] = [3 * n - 2, 3 * n];
    j = i + 2;
  } else if (k === "nam") {
    unit = k;
    [first, last] = [1, 12];
  } else return null;
  if (!(first >= 1 && last <= 12 && first <= last)) return null;
  let year = 0;
  if (toks[j]?.k === "/" && /^20\d\d$/.test(toks[j + 1]?.k ?? "")) {
    year = Number(toks[j + 1]!.k);
    j += 2;
  } else if (unit !== "nam" && key(toks[j]) === "nam" && /^20\d\d$/.test(toks[j + 1]?.k ?? "")) {
    year = Number(toks[j + 1]!.k);
    j += 2;
  } else if (/^20\d\d$/.test(toks[j]?.k ?? "")) {
    year = Number(toks[j]!.k);
    j++;
  } else if (unit === "nam" && i + 1 === j && !(first === 1 && last === 12 && key(toks[i - 1]) === "ca")) return null;
  // a bracket before the colon says more of the period ("(đến 30/11)", "(tháng 10–11)")
  if (toks[j]?.k === "(") {
    while (j < toks.length && toks[j]!.k !== ")" && toks[j]!.type !== "nl" && j < i + 16) j++;
    if (toks[j]?.k !== ")") return null;
    j++;
  }
  if (toks[j]?.k !== ":") return null;
  let end = j;
  while (end < toks.length && toks[end]!.type !== "nl") end++;
  return { from: s, colon: j, end, unit, ...(n !== undefined ? { n } : {}), first, last, year, estimate };
}

const spans = (l: PeriodLine): number => l.last - l.first;
const holds = (a: PeriodLine, b: PeriodLine): boolean =>
  (a.year === 0 || b.year === 0 || a.year === b.year) && a.first <= b.first && a.last >= b.last && spans(a) > spans(b);

/**
 * The lines headed by periods and which of them is the report's own, or null when fewer than two periods head
 * lines, or the own one's parts are summed by a later, longer line.
 * @example ownPeriodLine(tk.toks, nv, null) // { own: {…Quý IV…}, lines: [{…Năm 2026…}, {…Quý IV…}] }
 */
export function ownPeriodLine(
  toks: readonly Tok[],
  nv: NonValues,
  report: { unit: string; n?: number; stated?: boolean; at?: number } | null,
): { own: PeriodLine; lines: PeriodLine[] } | null {
  const lines: PeriodLine[] = [];
  for (let s = 0; s < toks.length; s++) {
    if (s > 0 && toks[s - 1]!.type !== "nl") continue;
    const line = periodLineAt(toks, nv, s);
    if (line) {
      lines.push(line);
      s = line.end;
    }
  }
  if (lines.length < 2) return null;
  // (a period named as the report's in a title, not by one of the lines themselves)
  const title =
    report?.stated && !lines.some((l) => report.at !== undefined && report.at >= l.from && report.at < l.colon);
  if (title && monthsOfQuarter(lines, report)) return null;
  const named = title ? lines.filter((l) => l.unit === report.unit && l.n === report.n) : [];
  let own: PeriodLine | undefined = named.length === 1 ? named[0] : undefined;
  if (!own) {
    for (const l of lines) {
      if (l.estimate) continue;
      if (!own || spans(l) < spans(own) || (spans(l) === spans(own) && l.year * 12 + l.last > own.year * 12 + own.last))
        own = l;
    }
  }
  if (!own) return null;
  const o = own;
  if (lines.every((l) => l === o || (l.first === o.first && l.last === o.last && l.year === o.year))) return null;
  if (lines.some((l) => l.from > o.from && !l.estimate && holds(l, o))) return null;
  return { own: o, lines };
}

/**
 * "Báo cáo quý IV/2026: …\nTháng 10: …\nTháng 11: …\nTháng 12 (đến ngày 05): …": lines of months of the quarter the
 * report names as its own are its parts, no other periods' figures (summed by the period qualifiers).
 */
function monthsOfQuarter(lines: readonly PeriodLine[], report: { unit: string; n?: number }): boolean {
  if (report.unit !== "quy" || report.n === undefined) return false;
  const q = report.n;
  return lines.every((l) => l.unit === "thang" && l.n !== undefined && Math.ceil(l.n / 3) === q && !l.estimate);
}
