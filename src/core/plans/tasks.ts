import type { Clock, TaskRecord } from "../ports.js";
import type { Repositories } from "../repositories.js";
import { occurrencesOf } from "./schedule.js";
import { localDateOf } from "../calendar/time.js";
import type { CalendarEntryInput, IndicatorDef, Schedule } from "../types.js";
import { resolveTargets } from "../units/units.js";
import { createWorkingCalendar, type WorkingCalendar } from "../calendar/working-calendar.js";
import { parseDeadlinePhrase } from "../calendar/deadline-phrase.js";

/** What task services need. */
export interface TaskDeps {
  repos: Repositories;
  clock: Clock;
  timezone: string;
}

/** The working calendar from statutory holidays plus stored entries. */
export async function loadCalendar(repos: Repositories): Promise<WorkingCalendar> {
  return createWorkingCalendar(await repos.calendar.list());
}

const EARLIEST = "2000-01-01";

/**
 * Creates the task's occurrences up to now plus the next one, and an assignment per target unit
 * for each. Idempotent; units added later get the open occurrences on the next sync.
 * @example await syncTask(deps, task, calendar) // → { occurrences: 2, created: 50 }
 */
export async function syncTask(deps: TaskDeps, task: TaskRecord, calendar: WorkingCalendar): Promise<{ occurrences: number; created: number }> {
  if (task.status !== "active") return { occurrences: 0, created: 0 };
  const today = localDateOf(deps.clock.now(), deps.timezone);
  const occurrences = occurrencesOf(task.schedule, { from: EARLIEST, to: today }, calendar, deps.timezone);
  const { units } = await resolveTargets(deps.repos, task.targets);
  let created = 0;
  for (const o of occurrences) {
    const occurrence = await deps.repos.assignments.ensureOccurrence({
      taskId: task.id,
      periodKey: o.periodKey,
      label: o.label,
      periodStart: o.periodStart ? new Date(`${o.periodStart}T00:00:00Z`) : undefined,
      periodEnd: o.periodEnd ? new Date(`${o.periodEnd}T00:00:00Z`) : undefined,
      dueAt: o.dueAt,
    });
    const existing = await deps.repos.assignments.unitIdsForOccurrence(occurrence.id);
    for (const unit of units) {
      if (existing.has(unit.id)) continue;
      if (await deps.repos.assignments.ensure({ occurrenceId: occurrence.id, unitId: unit.id, dueAt: occurrence.dueAt })) created++;
    }
  }
  return { occurrences: occurrences.length, created };
}

/** Syncs every active task (at start, daily, and after units or the calendar change). */
export async function syncAllTasks(deps: TaskDeps): Promise<{ tasks: number; created: number }> {
  const calendar = await loadCalendar(deps.repos);
  let created = 0;
  const tasks = await deps.repos.tasks.listActive();
  for (const task of tasks) created += (await syncTask(deps, task, calendar)).created;
  return { tasks: tasks.length, created };
}

/**
 * Finds a task by "#3", "3", "nv3" or its code.
 * @example await findTask(repos, "#3")
 */
export async function findTask(repos: Repositories, ref: string): Promise<TaskRecord | null> {
  const m = /^(?:#|nv|nhiemvu)?\s*(\d{1,9})$/i.exec(ref.trim());
  if (m) return repos.tasks.findById(Number(m[1]));
  return repos.tasks.findByCode(ref.trim().toUpperCase());
}

export type CreateTaskError =
  | { error: "unknown_targets"; unknown: string[]; knownTags: string[] }
  | { error: "no_units" }
  | { error: "bad_deadline"; reason: "invalid_date" | "unrecognised" }
  | { error: "past_deadline"; dueDate: string }
  | { error: "bad_days" }
  | { error: "bad_title" };

export type CreateTaskResult = ({ ok: true; task: TaskRecord; dueAt: Date; units: number; reading?: "before" | "by" }) | ({ ok: false } & CreateTaskError);

const MAX_TITLE = 300;

async function createTask(
  deps: TaskDeps,
  actor: string,
  input: { targets: string[]; title: string; schedule: Schedule; deadlineText: string; indicators?: IndicatorDef[] },
): Promise<CreateTaskResult> {
  const title = input.title.normalize("NFC").trim();
  if (title.length < 3 || title.length > MAX_TITLE) return { ok: false, error: "bad_title" };
  const { units, unknown } = await resolveTargets(deps.repos, input.targets);
  if (unknown.length) {
    const all = await deps.repos.units.list();
    return { ok: false, error: "unknown_targets", unknown, knownTags: [...new Set(all.flatMap((u) => u.tags))].sort() };
  }
  if (!units.length) return { ok: false, error: "no_units" };
  const code = `NV_${(await deps.repos.tasks.count()) + 1}`;
  const { task } = await deps.repos.tasks.upsert({
    planId: null,
    code,
    title,
    targets: input.targets,
    schedule: input.schedule,
    reminder: null,
    deadlineText: input.deadlineText,
    createdBy: actor,
    indicators: (input.indicators ?? []).map((i) => ({ code: i.code, label: i.label, measure: i.measure ?? "", synonyms: i.synonyms })),
  });
  const calendar = await loadCalendar(deps.repos);
  await syncTask(deps, task, calendar);
  const occurrences = await deps.repos.assignments.listOccurrences(task.id);
  await deps.repos.audit.log({ actor, action: "task.create", entity: "task", entityId: code, detail: { title, schedule: input.schedule, targets: input.targets } });
  return { ok: true, task, dueAt: occurrences[0].dueAt, units: units.length };
}

/**
 * `/giao`: a one-off task with a deadline phrase ("trước 10/02/2021", "hạn 15/03/2021", "15/03/2021").
 * @example await assignTask(deps, actor, { targets: ["xa"], deadline: "trước 10/02/2021", title: "Xây dựng kế hoạch" })
 */
export async function assignTask(
  deps: TaskDeps,
  actor: string,
  input: { targets: string[]; deadline: string; title: string; indicators?: IndicatorDef[] },
): Promise<CreateTaskResult> {
  const today = localDateOf(deps.clock.now(), deps.timezone);
  const parsed = parseDeadlinePhrase(input.deadline, today);
  if (!parsed.ok) return { ok: false, error: "bad_deadline", reason: parsed.error };
  if (parsed.dueDate < today) return { ok: false, error: "past_deadline", dueDate: parsed.dueDate };
  const result = await createTask(deps, actor, {
    targets: input.targets,
    title: input.title,
    schedule: { kind: "once", dueDate: parsed.dueDate },
    deadlineText: input.deadline,
    indicators: input.indicators,
  });
  return result.ok ? { ...result, reading: parsed.reading } : result;
}

/**
 * `/yeucau`: an ad hoc request due at the end of the N-th working day from today.
 * @example await requestAdhoc(deps, actor, { targets: ["xa"], workingDays: 3, title: "Báo cáo nhanh" })
 */
export async function requestAdhoc(
  deps: TaskDeps,
  actor: string,
  input: { targets: string[]; workingDays: number; title: string; indicators?: IndicatorDef[] },
): Promise<CreateTaskResult> {
  if (!Number.isInteger(input.workingDays) || input.workingDays < 1 || input.workingDays > 60) return { ok: false, error: "bad_days" };
  return createTask(deps, actor, {
    targets: input.targets,
    title: input.title,
    schedule: { kind: "adhoc", workingDays: input.workingDays, issuedAt: deps.clock.now().toISOString() },
    deadlineText: `${input.workingDays}`,
    indicators: input.indicators,
  });
}

/** `/huy`: cancels a task and its open assignments; reports already sent stay. */
export async function cancelTask(deps: TaskDeps, actor: string, ref: string): Promise<{ ok: true; task: TaskRecord; cancelled: number } | { ok: false; error: "not_found" | "already" }> {
  const task = await findTask(deps.repos, ref);
  if (!task) return { ok: false, error: "not_found" };
  if (task.status === "cancelled") return { ok: false, error: "already" };
  await deps.repos.tasks.setStatus(task.id, "cancelled");
  const cancelled = await deps.repos.assignments.cancelForTask(task.id);
  await deps.repos.audit.log({ actor, action: "task.cancel", entity: "task", entityId: task.code, detail: { cancelled } });
  return { ok: true, task, cancelled };
}

/** Adds admin calendar entries and re-syncs tasks (ad hoc deadlines depend on working days). */
export async function addCalendarEntries(deps: TaskDeps, actor: string, entries: CalendarEntryInput[]): Promise<number> {
  const n = await deps.repos.calendar.upsert(entries, "admin");
  await deps.repos.audit.log({ actor, action: "calendar.add", entity: "calendar", entityId: entries[0]?.date ?? "", detail: { entries } });
  return n;
}
