/**
 * The reporting periods a message names ("quý I", "quy 1", "quý một", "tháng tư", "6 tháng đầu
 * năm", "năm 2026", "quý này") and whether a task's period is one of them. The period an officer
 * names decides which occurrence a report is filed under, never the date it was sent.
 */
import { ROMAN_NUMERALS as ROMAN } from "./roman-numerals.js";
import { searchKey } from "./text-key.js";

/** Periods named in a report's text; empty lists when it names none. */
export interface NamedPeriods {
  months: number[];
  quarters: number[];
  halves: number[];
  years: number[];
}

/** Number words after "quý" ("quý một", "quý tư"). */
const QUARTER_WORDS: Record<string, number> = { mot: 1, nhat: 1, hai: 2, ba: 3, bon: 4, tu: 4 };
/** Month names after "tháng" ("tháng giêng", "tháng tư", "tháng mười một"). Left out as ambiguous without diacritics: "tháng năm" (also "months and years") and "tháng sáu" ("thang sau" is also "next month"). */
const MONTH_WORDS: Record<string, number> = {
  gieng: 1,
  mot: 1,
  hai: 2,
  ba: 3,
  tu: 4,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
  "muoi mot": 11,
  "muoi hai": 12,
  chap: 12,
};
const MONTH_WORD_RE = Object.keys(MONTH_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|");

/**
 * Reads the period words of a report, with or without diacritics. Dates ("ngày 15 tháng 3",
 * "15/3/2021") are not periods. With `today` ("YYYY-MM-DD", the office's local date), relative
 * words are read too: "quý này", "quý trước", "tháng này", "tháng trước", "năm nay".
 * @example namedPeriods("Báo cáo quý I năm 2021") // { months: [], quarters: [1], halves: [], years: [2021] }
 * @example namedPeriods("bao cao 6 thang dau nam") // { months: [], quarters: [], halves: [1], years: [] }
 * @example namedPeriods("kết quả tháng tư") // { months: [4], quarters: [], halves: [], years: [] }
 */
export function namedPeriods(text: string, today?: string): NamedPeriods {
  // One report's text is read here twice (finding its task, then narrowing the choices): the last one is kept.
  if (last && last.text === text && last.today === today) return copyOf(last.periods);
  const periods = readPeriods(text, today);
  last = { text, today, periods: copyOf(periods) };
  return periods;
}

let last: { text: string; today?: string; periods: NamedPeriods } | undefined;
const copyOf = (p: NamedPeriods): NamedPeriods => ({
  months: [...p.months],
  quarters: [...p.quarters],
  halves: [...p.halves],
  years: [...p.years],
});
/**
 * "Phương hướng, nhiệm vụ quý I/2027", "dự kiến tháng 1": the period a report's plan ahead names,
 * never the period it reports on (a tail of a long report may name only that one).
 */
const PLAN_AHEAD =
  /\b(?:phuong huong|du kien|nhiem vu trong tam)\b[^.\n;]{0,40}?\b(?:quy|thang|nam|(?:6|sau) thang|nua)\s*[^\s.;:,()]*(?:\s*(?:nam\s*)?\/?\s*20\d\d)?/g;
const MONTH_WORD = new RegExp(`\\bthang\\s+(${MONTH_WORD_RE})\\b(?!\\s*(?:dau|cuoi)\\s*nam)`, "g");

function readPeriods(text: string, today?: string): NamedPeriods {
  const key = searchKey(text)
    .replace(/\bngay\s*\d{1,2}\s*thang\s*\d{1,2}\b/g, " ")
    .replace(/\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b/g, " ")
    .replace(PLAN_AHEAD, " ");
  const out: NamedPeriods = { months: [], quarters: [], halves: [], years: [] };
  const add = (list: number[], n: number) => !list.includes(n) && list.push(n);
  for (const m of key.matchAll(/\bquy\s*(iv|iii|ii|i|[1-4])\b/g)) add(out.quarters, ROMAN[m[1]] ?? Number(m[1]));
  for (const m of key.matchAll(/\bquy\s+(mot|nhat|hai|ba|bon|tu)\b/g)) add(out.quarters, QUARTER_WORDS[m[1]]);
  for (const m of key.matchAll(/\b(?:(?:6|sau)\s*thang|nua)\s*(dau|cuoi)\s*nam\b/g))
    add(out.halves, m[1] === "dau" ? 1 : 2);
  for (const m of key.matchAll(/\bthang\s*(\d{1,2})\b/g)) {
    const month = Number(m[1]);
    if (month >= 1 && month <= 12) add(out.months, month);
  }
  for (const m of key.matchAll(MONTH_WORD)) add(out.months, MONTH_WORDS[m[1]]);
  for (const m of key.matchAll(/(?:\bnam\s*|\b(?:thang|quy)\s*\w{1,3}\s*\/\s*)(20\d\d)\b/g))
    add(out.years, Number(m[1]));
  if (today) addRelative(key, today, out, add);
  return out;
}

function addRelative(key: string, today: string, out: NamedPeriods, add: (list: number[], n: number) => void): void {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const quarter = Math.ceil(month / 3);
  if (/\bquy\s*(?:nay|hien tai)\b/.test(key)) add(out.quarters, quarter);
  if (/\bquy\s*truoc\b/.test(key)) {
    add(out.quarters, quarter === 1 ? 4 : quarter - 1);
    if (quarter === 1) add(out.years, year - 1);
  }
  if (/\bthang\s*nay\b/.test(key)) add(out.months, month);
  if (/\bthang\s*truoc\b/.test(key)) {
    add(out.months, month === 1 ? 12 : month - 1);
    if (month === 1) add(out.years, year - 1);
  }
  if (/\bnam\s*nay\b/.test(key)) add(out.years, year);
}

/** True when the text names any period. */
export const namesAnyPeriod = (n: NamedPeriods): boolean =>
  n.months.length + n.quarters.length + n.halves.length + n.years.length > 0;

/** True when the text names a month, quarter or half-year (a year alone is often a plan's or a document's). */
export const namesReportingPeriod = (n: NamedPeriods): boolean =>
  n.months.length + n.quarters.length + n.halves.length > 0;

/**
 * True when the period key ("2021-03", "2021-Q1", "2021-H1", "2021") is one the text names. A
 * named month also names its quarter and half-year ("tháng 4" → Quý II), and a named quarter its
 * half-year, for tasks reported on those cycles.
 * @example periodMatches("2021-Q2", namedPeriods("bao cao thang 4")) // true
 */
export function periodMatches(periodKey: string, named: NamedPeriods): boolean {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q(\d)|H(\d)))?$/.exec(periodKey);
  if (!m) return false;
  const [, year, month, quarter, half] = m;
  if (named.years.length && !named.years.includes(Number(year))) return false;
  if (month) return named.months.includes(Number(month));
  if (quarter) {
    const q = Number(quarter);
    return named.quarters.length ? named.quarters.includes(q) : named.months.some((mo) => Math.ceil(mo / 3) === q);
  }
  if (half) {
    const h = Number(half);
    if (named.halves.length) return named.halves.includes(h);
    if (named.quarters.length) return named.quarters.some((q) => Math.ceil(q / 2) === h);
    return named.months.some((mo) => (mo <= 6 ? 1 : 2) === h);
  }
  // A yearly period: named by its year alone.
  return named.years.length > 0 && !named.months.length && !named.quarters.length && !named.halves.length;
}
