/**
 * Which open assignment a report is about, before asking: the periods a text names ("quý I",
 * "tháng 3", "6 tháng đầu năm"), whether a period has started, the tasks whose indicators the text
 * gives, and the order choices are listed in (what is due next first).
 */
import type { AssignmentView } from "../ports.js";
import { localDateOf } from "../calendar/time.js";
import type { IndicatorDef } from "../types.js";
import { searchKey } from "./text-key.js";

/** Periods named in a report's text; empty lists when it names none. */
export interface NamedPeriods {
  months: number[];
  quarters: number[];
  halves: number[];
  years: number[];
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * Reads the period words of a report, with or without diacritics. Dates ("ngày 15 tháng 3",
 * "15/3/2021") are not periods.
 * @example namedPeriods("Báo cáo quý I năm 2021") // { months: [], quarters: [1], halves: [], years: [2021] }
 * @example namedPeriods("bao cao 6 thang dau nam") // { months: [], quarters: [], halves: [1], years: [] }
 */
export function namedPeriods(text: string): NamedPeriods {
  const key = searchKey(text)
    .replace(/\bngay\s*\d{1,2}\s*thang\s*\d{1,2}\b/g, " ")
    .replace(/\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b/g, " ");
  const out: NamedPeriods = { months: [], quarters: [], halves: [], years: [] };
  const add = (list: number[], n: number) => !list.includes(n) && list.push(n);
  for (const m of key.matchAll(/\bquy\s*(iv|iii|ii|i|[1-4])\b/g)) add(out.quarters, ROMAN[m[1]] ?? Number(m[1]));
  for (const m of key.matchAll(/\b(?:(?:6|sau)\s*thang|nua)\s*(dau|cuoi)\s*nam\b/g)) add(out.halves, m[1] === "dau" ? 1 : 2);
  for (const m of key.matchAll(/\bthang\s*(\d{1,2})\b/g)) {
    const month = Number(m[1]);
    if (month >= 1 && month <= 12) add(out.months, month);
  }
  for (const m of key.matchAll(/(?:\bnam\s*|\b(?:thang|quy)\s*\w{1,3}\s*\/\s*)(20\d\d)\b/g)) add(out.years, Number(m[1]));
  return out;
}

/** True when the period key ("2021-03", "2021-Q1", "2021-H1", "2021") is one the text names. */
export function periodMatches(periodKey: string, named: NamedPeriods): boolean {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q(\d)|H(\d)))?$/.exec(periodKey);
  if (!m) return false;
  const [, year, month, quarter, half] = m;
  if (named.years.length && !named.years.includes(Number(year))) return false;
  if (month) return named.months.includes(Number(month));
  if (quarter) return named.quarters.includes(Number(quarter));
  if (half) return named.halves.includes(Number(half));
  // A yearly period: named by its year alone.
  return named.years.length > 0 && !named.months.length && !named.quarters.length && !named.halves.length;
}

const namesAny = (n: NamedPeriods) => n.months.length + n.quarters.length + n.halves.length + n.years.length > 0;

/** True when the assignment's period has begun (one-off and ad hoc tasks have always begun). */
export function periodStarted(a: AssignmentView, now: Date, tz: string): boolean {
  const start = a.occurrence.periodStart;
  return !start || start.toISOString().slice(0, 10) <= localDateOf(now, tz);
}

/**
 * Orders choices by what is due next: deadlines still ahead, soonest first (the current period
 * leads), then overdue ones, most recent first.
 * @example orderByDueNext([jan, nov, dec], now) // [nov, dec, jan] on 01/12
 */
export function orderByDueNext<T extends Pick<AssignmentView, "dueAt" | "id">>(list: readonly T[], now: Date): T[] {
  const t = now.getTime();
  return [...list].sort((a, b) => {
    const aAhead = a.dueAt.getTime() >= t;
    const bAhead = b.dueAt.getTime() >= t;
    if (aAhead !== bAhead) return aAhead ? -1 : 1;
    const d = aAhead ? a.dueAt.getTime() - b.dueAt.getTime() : b.dueAt.getTime() - a.dueAt.getTime();
    return d || a.id - b.id;
  });
}

/** Reads indicator values from text (the report parser's `values`). */
export type ValueReader = (text: string, indicators: IndicatorDef[]) => Record<string, number>;

/**
 * Narrows a unit's open assignments to the ones a report can be about, in the order:
 * the task number ("#N", `taskHint`), the periods the text names (else only periods that have
 * started; none may remain), the tasks whose indicators the text gives. The caller asks only
 * when two or more remain; they come ordered by what is due next.
 * @example narrowChoices(open, { text: "báo cáo quý I: 12 pa nô", now, timezone, readValues })
 */
export function narrowChoices(
  open: readonly AssignmentView[],
  input: { text: string; taskHint?: number; now: Date; timezone: string; readValues: ValueReader },
): AssignmentView[] {
  let candidates = [...open];
  const narrow = (keep: (a: AssignmentView) => boolean) => {
    const kept = candidates.filter(keep);
    if (kept.length) candidates = kept;
    return kept.length > 0;
  };
  if (input.taskHint !== undefined) candidates = candidates.filter((a) => a.task.id === input.taskHint);
  const named = namedPeriods(input.text);
  const byName = namesAny(named) && narrow((a) => periodMatches(a.occurrence.periodKey, named));
  if (!byName) candidates = candidates.filter((a) => periodStarted(a, input.now, input.timezone));
  if (candidates.length > 1) {
    const tasksWithValues = new Set<number>();
    for (const a of candidates) {
      if (tasksWithValues.has(a.task.id) || !a.task.indicators.length) continue;
      if (Object.keys(input.readValues(input.text, a.task.indicators)).length) tasksWithValues.add(a.task.id);
    }
    narrow((a) => tasksWithValues.has(a.task.id));
  }
  return orderByDueNext(candidates, input.now);
}
