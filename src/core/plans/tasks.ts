import type { Clock, TaskRecord } from "../ports.js";
import type { Repositories } from "../repositories.js";
import { occurrencesOf } from "./schedule.js";
import { localDateOf } from "../calendar/time.js";
import type { CalendarEntryInput, IndicatorDef, Schedule } from "../types.js";
import { resolveTargets } from "../units/units.js";
import { createWorkingCalendar, type WorkingCalendar } from "../calendar/working-calendar.js";
import { parseDeadlinePhrase } from "../calendar/deadline-phrase.js";
import { searchKey } from "../reports/text-key.js";
import { SAMPLE_INDICATORS } from "./sample-indicators.js";

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
 * Occurrences due up to today, the one due next, and every period that has already begun (on
 * 01/12 a monthly report due 5 days after the month has November due 05/12 and December begun).
 */
function currentOccurrences(task: TaskRecord, today: string, calendar: WorkingCalendar, tz: string) {
  let to = today;
  for (;;) {
    const occurrences = occurrencesOf(task.schedule, { from: EARLIEST, to }, calendar, tz);
    const last = occurrences.at(-1);
    // The last one's period is over, so the next period has begun: include it too.
    if (!last?.periodEnd || last.periodEnd >= today || last.dueDate <= to) return occurrences;
    to = last.dueDate;
  }
}

/** What one sync created; `skipped` are periods already past, kept as "untracked" rows. */
export interface SyncResult {
  occurrences: number;
  /** Assignments created to be reported (status "open"). */
  created: number;
  skipped: {
    /** Distinct past periods (task × period) with at least one untracked assignment created. */
    periods: number;
    /** Ids of the untracked assignments created (a later "backfill" answer opens them). */
    assignmentIds: number[];
  };
}

/**
 * Creates the task's occurrences up to now, the next one and any whose period has begun, and an assignment per target unit
 * for each. Idempotent; units added later get the occurrences on the next sync.
 * A period whose deadline has already passed when its assignment is created (a plan imported
 * part-way through its year, a unit added later, a task created late) is kept as an "untracked"
 * row, never reminded nor counted, unless the task or this sync asks for backfill.
 * @example await syncTask(deps, task, calendar) // → { occurrences: 2, created: 50, skipped: { periods: 0, assignmentIds: [] } }
 */
export async function syncTask(deps: TaskDeps, task: TaskRecord, calendar: WorkingCalendar, options: { backfill?: boolean } = {}): Promise<SyncResult> {
  const result: SyncResult = { occurrences: 0, created: 0, skipped: { periods: 0, assignmentIds: [] } };
  if (task.status !== "active") return result;
  const now = deps.clock.now();
  const backfill = options.backfill || task.backfill === true;
  const today = localDateOf(now, deps.timezone);
  const occurrences = currentOccurrences(task, today, calendar, deps.timezone);
  result.occurrences = occurrences.length;
  const { units } = await resolveTargets(deps.repos, task.targets);
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
    const past = !backfill && occurrence.dueAt.getTime() < now.getTime();
    let skippedHere = 0;
    for (const unit of units) {
      if (existing.has(unit.id)) continue;
      const id = await deps.repos.assignments.ensure({ occurrenceId: occurrence.id, unitId: unit.id, dueAt: occurrence.dueAt, status: past ? "untracked" : "open", createdAt: now });
      if (id === null) continue;
      if (past) {
        result.skipped.assignmentIds.push(id);
        skippedHere++;
      } else result.created++;
    }
    if (skippedHere) result.skipped.periods++;
  }
  return result;
}

/** Syncs every active task (at start, daily, and after units or the calendar change). */
export async function syncAllTasks(deps: TaskDeps): Promise<{ tasks: number; created: number; untracked: number }> {
  const calendar = await loadCalendar(deps.repos);
  let created = 0;
  let untracked = 0;
  const tasks = await deps.repos.tasks.listActive();
  for (const task of tasks) {
    const r = await syncTask(deps, task, calendar);
    created += r.created;
    untracked += r.skipped.assignmentIds.length;
  }
  return { tasks: tasks.length, created, untracked };
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
  | { error: "bad_title" }
  | { error: "unknown_indicators"; unknown: string[]; known: string[] };

export type CreateTaskResult = ({ ok: true; task: TaskRecord; dueAt: Date; units: number; reading?: "before" | "by" }) | ({ ok: false } & CreateTaskError);

const MAX_TITLE = 300;

/**
 * The indicators an ad hoc task asks for, named by label, code or synonym ("pa nô", "tin_bai",
 * "tin bai"), from the indicators of active tasks and the sample set. Unknown names are returned
 * with the labels that exist.
 * @example await resolveIndicators(repos, ["pa nô", "tin bài"]) // { ok: true, indicators: [{ code: "pano", … }, { code: "tin_bai", … }] }
 */
export async function resolveIndicators(repos: Repositories, names: string[]): Promise<{ ok: true; indicators: IndicatorDef[] } | { ok: false; unknown: string[]; known: string[] }> {
  const known = new Map<string, IndicatorDef>();
  for (const task of await repos.tasks.listActive()) for (const i of task.indicators) if (!known.has(i.code)) known.set(i.code, i);
  for (const i of SAMPLE_INDICATORS) if (!known.has(i.code)) known.set(i.code, i);
  const found: IndicatorDef[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const k = searchKey(name).replace(/_/g, " ");
    const def = [...known.values()].find((i) => searchKey(i.code).replace(/_/g, " ") === k || searchKey(i.label) === k || i.synonyms.some((s) => searchKey(s) === k));
    if (!def) unknown.push(name);
    else if (!found.some((f) => f.code === def.code)) found.push(def);
  }
  if (unknown.length) return { ok: false, unknown, known: [...known.values()].map((i) => i.label.toLowerCase()).sort((a, b) => a.localeCompare(b, "vi")) };
  return { ok: true, indicators: found };
}

async function createTask(
  deps: TaskDeps,
  actor: string,
  input: { targets: string[]; title: string; schedule: Schedule; deadlineText: string; indicators?: string[] },
): Promise<CreateTaskResult> {
  const title = input.title.normalize("NFC").trim();
  if (title.length < 3 || title.length > MAX_TITLE) return { ok: false, error: "bad_title" };
  const indicators = await resolveIndicators(deps.repos, input.indicators ?? []);
  if (!indicators.ok) return { ok: false, error: "unknown_indicators", unknown: indicators.unknown, known: indicators.known };
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
    indicators: indicators.indicators.map((i) => ({ code: i.code, label: i.label, measure: i.measure ?? "", synonyms: i.synonyms })),
  });
  const calendar = await loadCalendar(deps.repos);
  await syncTask(deps, task, calendar);
  const occurrences = await deps.repos.assignments.listOccurrences(task.id);
  await deps.repos.audit.log({ actor, action: "task.create", entity: "task", entityId: code, detail: { title, schedule: input.schedule, targets: input.targets, indicators: task.indicators.map((i) => i.code) } });
  return { ok: true, task, dueAt: occurrences[0].dueAt, units: units.length };
}

/**
 * `/giao`: a one-off task with a deadline phrase ("trước 10/02/2021", "hạn 15/03/2021", "15/03/2021"),
 * optionally asking for indicators by name.
 * @example await assignTask(deps, actor, { targets: ["xa"], deadline: "trước 10/02/2021", title: "Xây dựng kế hoạch" })
 */
export async function assignTask(
  deps: TaskDeps,
  actor: string,
  input: { targets: string[]; deadline: string; title: string; indicators?: string[] },
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
 * `/yeucau`: an ad hoc request due at the end of the N-th working day from today, optionally
 * asking for indicators by name.
 * @example await requestAdhoc(deps, actor, { targets: ["xa"], workingDays: 3, title: "Báo cáo nhanh", indicators: ["tin bài"] })
 */
export async function requestAdhoc(
  deps: TaskDeps,
  actor: string,
  input: { targets: string[]; workingDays: number; title: string; indicators?: string[] },
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
