/**
 * A plan's time span and its periods' life: when a plan ends, which plan is current, which units a
 * plan reaches, and closing periods (at the plan's end, or by an admin with /dongky). A closed
 * period leaves reminders, questions and /nhiemvu; rollups keep it, its silent units as
 * "không báo cáo".
 */

import { localDateOf } from "../calendar/time.js";
import type { WorkingCalendar } from "../calendar/working-calendar.js";
import type { Clock, OccurrenceRecord, PlanRecord, TaskRecord } from "../ports.js";
import { namedPeriods, namesAnyPeriod, periodMatches } from "../reports/named-periods.js";
import { searchKey } from "../reports/text-key.js";
import type { Repositories } from "../repositories.js";
import { occurrencesOf } from "./schedule.js";
import { findTask } from "./tasks.js";

const EARLIEST = "2000-01-01";
const LATEST = "2999-12-31";

/**
 * The last day of a plan ("YYYY-MM-DD"): the plan file's `plan.end`, else the end of the year of
 * its date, or its last deadline when that is later (a December report due on 05/01 of the next
 * year). Periodic tasks without an `end` run to the plan's end and do not push it.
 * @example planEndDate({ date: "2021-01-29" }, tasks, cal, tz) // "2022-01-05" (the Trung tâm's December report)
 */
export function planEndDate(
  plan: Pick<PlanRecord, "date" | "endDate">,
  tasks: readonly Pick<TaskRecord, "schedule" | "status">[],
  calendar: WorkingCalendar,
  tz: string,
): string {
  if (plan.endDate) return plan.endDate;
  let end = `${plan.date.slice(0, 4)}-12-31`;
  for (const task of tasks) {
    if (task.status !== "active") continue;
    const s = task.schedule;
    if (s.kind === "periodic" && s.end === undefined) continue;
    const last = occurrencesOf(s, { from: EARLIEST, to: LATEST }, calendar, tz).at(-1);
    if (last && last.dueDate > end) end = last.dueDate;
  }
  return end;
}

/** A plan with the day it ends. */
export interface PlanSpan {
  plan: PlanRecord;
  end: string;
}

/**
 * Every plan with its end date (see {@link planEndDate}), in id order.
 * @example (await planSpans(repos, cal, tz)).map((s) => s.end) // ["2022-01-05", "2026-12-31"]
 */
export async function planSpans(repos: Repositories, calendar: WorkingCalendar, tz: string): Promise<PlanSpan[]> {
  const [plans, tasks] = await Promise.all([repos.plans.list(), repos.tasks.listActive()]);
  return plans.map((plan) => ({
    plan,
    end: planEndDate(
      plan,
      tasks.filter((t) => t.planId === plan.id),
      calendar,
      tz,
    ),
  }));
}

/**
 * The plan a command means by default: the one whose span (its date to its end) contains `today`,
 * the latest such; else the latest plan by date. Undefined when there is none.
 * @example currentPlan(spans, "2026-03-20")?.plan.number // "45/KH-SVHTTDL" (the 2021 plan ended on 05/01/2022)
 */
export function currentPlan(spans: readonly PlanSpan[], today: string): PlanSpan | undefined {
  const later = (a: PlanSpan | undefined, b: PlanSpan) =>
    !a || b.plan.date > a.plan.date || (b.plan.date === a.plan.date && b.plan.id > a.plan.id) ? b : a;
  const running = spans
    .filter((s) => s.plan.date <= today && today <= s.end)
    .reduce<PlanSpan | undefined>(later, undefined);
  return running ?? spans.reduce<PlanSpan | undefined>(later, undefined);
}

/** What a task's sync needs to know about its plan: its end, and the units it lists. */
export interface PlanScope {
  /** Last day of the plan; after it nothing is assigned and the periods close. */
  end: string;
  /** Ids of the units the plan lists; empty = no list (a plan imported before lists existed). */
  unitIds: number[];
}

/**
 * The scope of a task's plan; null for a task given in chat (/giao, /yeucau), which reaches every
 * active unit and never ends by itself.
 * @example await planScope(repos, task.planId, cal, tz) // { end: "2026-12-31", unitIds: [1, 2, …] }
 */
export async function planScope(
  repos: Repositories,
  planId: number | null,
  calendar: WorkingCalendar,
  tz: string,
): Promise<PlanScope | null> {
  if (planId === null) return null;
  const plan = await repos.plans.findById(planId);
  if (!plan) return null;
  const tasks = (await repos.tasks.listActive()).filter((t) => t.planId === planId);
  return { end: planEndDate(plan, tasks, calendar, tz), unitIds: await repos.plans.unitIds(planId) };
}

/** One period closed by {@link closePeriods}. */
export interface ClosedPeriod {
  occurrence: OccurrenceRecord;
  /** Units that had not reported: "không báo cáo" from now on. */
  unreported: number;
}

export type ClosePeriodsResult =
  | { ok: true; task: TaskRecord; closed: ClosedPeriod[] }
  | {
      ok: false;
      error: "task_not_found" | "period_not_found" | "nothing_to_close";
      task?: TaskRecord;
      periods?: string[];
    };

/**
 * The occurrences a period text names: its key ("2026-Q1"), its label ("Quý I/2026", with or
 * without diacritics) or the period words officers use ("quý 1", "quy I/2026", "tháng 3").
 * @example matchPeriod(occurrences, "quy 1") // [the Q1 occurrences of every year the task has]
 */
export function matchPeriod<O extends Pick<OccurrenceRecord, "periodKey" | "label">>(
  occurrences: readonly O[],
  text: string,
): O[] {
  const key = searchKey(text).replace(/\s+/g, " ").trim();
  const exact = occurrences.filter((o) => o.periodKey.toLowerCase() === key || (o.label && searchKey(o.label) === key));
  if (exact.length) return exact;
  const named = namedPeriods(text);
  return namesAnyPeriod(named) ? occurrences.filter((o) => periodMatches(o.periodKey, named)) : [];
}

/**
 * `/dongky #N [kỳ]`: closes a task's period (the one named, else every period whose deadline has
 * passed), as the plan's end does. Units that have not reported stay in rollups as "không báo
 * cáo" and are no longer reminded, asked or shown in /nhiemvu. Audit-logged.
 * @example await closePeriods({ repos, clock }, "telegram:111", "#2", "quý 1") // { ok: true, closed: [{ occurrence: Q1, unreported: 21 }] }
 */
export async function closePeriods(
  deps: { repos: Repositories; clock: Clock },
  actor: string,
  taskRef: string,
  periodText?: string,
): Promise<ClosePeriodsResult> {
  const task = await findTask(deps.repos, taskRef);
  if (!task) return { ok: false, error: "task_not_found" };
  const now = deps.clock.now();
  const occurrences = await deps.repos.assignments.listOccurrences(task.id);
  const named = periodText?.trim()
    ? matchPeriod(occurrences, periodText)
    : occurrences.filter((o) => o.dueAt.getTime() <= now.getTime());
  const periods = occurrences.filter((o) => o.label).map((o) => o.label);
  if (periodText?.trim() && !named.length) return { ok: false, error: "period_not_found", task, periods };
  const open = named.filter((o) => !o.closedAt);
  if (!open.length) return { ok: false, error: "nothing_to_close", task, periods };
  const assignments = await deps.repos.assignments.listForOccurrences(open.map((o) => o.id));
  await deps.repos.assignments.closeOccurrences(
    open.map((o) => o.id),
    now,
    actor,
  );
  const closed = open.map((occurrence) => ({
    occurrence: { ...occurrence, closedAt: now },
    unreported: assignments.filter((a) => a.occurrenceId === occurrence.id && a.status === "open").length,
  }));
  await deps.repos.audit.log({
    actor,
    action: "period.close",
    entity: "task",
    entityId: task.code,
    detail: { periods: closed.map((c) => c.occurrence.periodKey), unreported: closed.map((c) => c.unreported) },
    at: now,
  });
  return { ok: true, task, closed };
}

/** Whether a plan with this end has ended on `today` (its periods close, nothing new is assigned). */
export const planEnded = (end: string, now: Date, tz: string): boolean => localDateOf(now, tz) > end;
