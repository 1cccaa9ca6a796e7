/**
 * Which open assignment a report is about, before asking: the periods a text names ("quý I",
 * "tháng 3", "6 tháng đầu năm"), whether a period has started, the tasks whose indicators the text
 * gives, and the order choices are listed in (what is due next first).
 */

import { localDateOf } from "../calendar/time.js";
import type { AssignmentView } from "../ports.js";
import type { IndicatorDef } from "../types.js";
import { namedPeriods, namesAnyPeriod, periodMatches } from "./named-periods.js";

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
 * started; none may remain), the tasks whose indicators the text gives (with no figures but a
 * document cited, the tasks that ask for text). The caller asks only
 * when two or more remain; they come ordered by what is due next.
 * @example narrowChoices(open, { text: "báo cáo quý I: 12 pa nô", now, timezone, readValues })
 */
export function narrowChoices(
  open: readonly AssignmentView[],
  input: {
    text: string;
    taskHint?: number;
    now: Date;
    timezone: string;
    readValues: ValueReader;
    citesDocument?: boolean;
  },
): AssignmentView[] {
  let candidates = [...open];
  const narrow = (keep: (a: AssignmentView) => boolean) => {
    const kept = candidates.filter(keep);
    if (kept.length) candidates = kept;
    return kept.length > 0;
  };
  if (input.taskHint !== undefined) candidates = candidates.filter((a) => a.task.id === input.taskHint);
  const named = namedPeriods(input.text, localDateOf(input.now, input.timezone));
  const byName = namesAnyPeriod(named) && narrow((a) => periodMatches(a.occurrence.periodKey, named));
  if (!byName) candidates = candidates.filter((a) => periodStarted(a, input.now, input.timezone));
  if (candidates.length > 1) {
    const tasksWithValues = new Set<number>();
    for (const a of candidates) {
      if (tasksWithValues.has(a.task.id) || !a.task.indicators.length) continue;
      if (Object.keys(input.readValues(input.text, a.task.indicators)).length) tasksWithValues.add(a.task.id);
    }
    // No figure for any task, but a document cited ("đã ban hành Kế hoạch số 15/KH-UBND"): the tasks that ask for text.
    if (!narrow((a) => tasksWithValues.has(a.task.id)) && input.citesDocument) narrow((a) => !a.task.indicators.length);
  }
  return orderByDueNext(candidates, input.now);
}
