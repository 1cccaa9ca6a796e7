import { parseDeadlinePhrase } from "../calendar/deadline-phrase.js";
import { localDateOf } from "../calendar/time.js";
import { createWorkingCalendar, type WorkingCalendar } from "../calendar/working-calendar.js";
import type { Clock, TaskRecord } from "../ports.js";
import { searchKey } from "../reports/text-key.js";
import type { Repositories } from "../repositories.js";
import type { CalendarEntryInput, IndicatorDef, Schedule } from "../types.js";
import { matchTargets, resolveTargets } from "../units/units.js";
import { type PlanScope, planEnded, planScope } from "./periods.js";
import { SAMPLE_INDICATORS } from "./sample-indicators.js";
import { occurrencesOf } from "./schedule.js";

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
  /** Occurrences whose deadline moved (calendar changed, or stored before deadlines moved off days off). */
  moved: number;
  /** Occurrences closed because the task's plan has ended. */
  closed: number;
  /** Open assignments cancelled because their unit is no longer among the task's units (with `prune`). */
  cancelled: number;
  /** The task's plan has ended: nothing was assigned. */
  ended: boolean;
  skipped: {
    /** Distinct past periods (task × period) with at least one untracked assignment created. */
    periods: number;
    /** Ids of the untracked assignments created (a later "backfill" answer opens them). */
    assignmentIds: number[];
  };
}

/** Options of {@link syncTask}. */
export interface SyncOptions {
  /** Assign periods already past too (else they are kept "untracked"). */
  backfill?: boolean;
  /** Cancel open assignments of units the task no longer reaches (a plan re-imported). */
  prune?: boolean;
  /** The task's plan scope when the caller has it (see planScope); read otherwise. */
  scope?: PlanScope | null;
}

/**
 * Creates the task's occurrences up to now, the next one and any whose period has begun, and an
 * assignment per target unit for each. Idempotent; units added later get the occurrences on the next sync.
 * - Targets resolve among the units the task's plan lists (a tag never reaches another plan's
 *   units), active ones only (retired and deleted units are never assigned).
 * - A period whose deadline has already passed when its assignment is created (a plan imported
 *   part-way through its year, a unit added later, a task created late) is kept as an "untracked"
 *   row, never reminded nor counted, unless the task or this sync asks for backfill.
 * - A stored deadline that differs from the computed one (a holiday added; a database from before
 *   deadlines moved off days off) moves, with its assignments, while it or the new one is still
 *   ahead and the period is open; deadlines passed under both readings keep their history.
 * - Once the plan has ended (see planEndDate) nothing is assigned and its periods close.
 * @example await syncTask(deps, task, calendar) // → { occurrences: 2, created: 50, moved: 0, closed: 0, … }
 */
export async function syncTask(
  deps: TaskDeps,
  task: TaskRecord,
  calendar: WorkingCalendar,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const result: SyncResult = {
    occurrences: 0,
    created: 0,
    moved: 0,
    closed: 0,
    cancelled: 0,
    ended: false,
    skipped: { periods: 0, assignmentIds: [] },
  };
  if (task.status !== "active") return result;
  const now = deps.clock.now();
  const scope =
    options.scope !== undefined ? options.scope : await planScope(deps.repos, task.planId, calendar, deps.timezone);
  if (scope && planEnded(scope.end, now, deps.timezone)) {
    const open = (await deps.repos.assignments.listOccurrences(task.id)).filter((o) => !o.closedAt);
    result.closed = await deps.repos.assignments.closeOccurrences(
      open.map((o) => o.id),
      now,
      "plan_end",
    );
    result.ended = true;
    return result;
  }
  const backfill = options.backfill || task.backfill === true;
  const today = localDateOf(now, deps.timezone);
  // Periods that begin after the plan's end are not the plan's.
  const occurrences = currentOccurrences(task, today, calendar, deps.timezone).filter(
    (o) => !scope || !o.periodStart || o.periodStart <= scope.end,
  );
  result.occurrences = occurrences.length;
  const { units } = await resolveTargets(deps.repos, task.targets, scope?.unitIds);
  if (options.prune) {
    // Inactive units the plan still lists keep theirs: a retired unit's past periods are its history.
    const all = await deps.repos.units.list({ includeInactive: true });
    const within = scope?.unitIds.length ? new Set(scope.unitIds) : null;
    const reach = matchTargets(within ? all.filter((u) => within.has(u.id)) : all, task.targets).units;
    result.cancelled = await deps.repos.assignments.cancelOutside(
      task.id,
      reach.map((u) => u.id),
    );
  }
  for (const o of occurrences) {
    let occurrence = await deps.repos.assignments.ensureOccurrence({
      taskId: task.id,
      periodKey: o.periodKey,
      label: o.label,
      periodStart: o.periodStart ? new Date(`${o.periodStart}T00:00:00Z`) : undefined,
      periodEnd: o.periodEnd ? new Date(`${o.periodEnd}T00:00:00Z`) : undefined,
      dueAt: o.dueAt,
      statedDate: o.statedDate ?? null,
    });
    if (occurrence.closedAt) continue;
    const stated = o.statedDate ?? null;
    if (occurrence.dueAt.getTime() !== o.dueAt.getTime() || (occurrence.statedDate ?? null) !== stated) {
      if (Math.max(occurrence.dueAt.getTime(), o.dueAt.getTime()) > now.getTime()) {
        await deps.repos.assignments.moveOccurrenceDue(occurrence.id, o.dueAt, stated);
        occurrence = { ...occurrence, dueAt: o.dueAt, statedDate: stated };
        result.moved++;
      }
    }
    const existing = await deps.repos.assignments.unitIdsForOccurrence(occurrence.id);
    const past = !backfill && occurrence.dueAt.getTime() < now.getTime();
    let skippedHere = 0;
    for (const unit of units) {
      if (existing.has(unit.id)) continue;
      const id = await deps.repos.assignments.ensure({
        occurrenceId: occurrence.id,
        unitId: unit.id,
        dueAt: occurrence.dueAt,
        status: past ? "untracked" : "open",
        createdAt: now,
      });
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

/**
 * Syncs every active task (at start, daily, and after units or the calendar change): new periods
 * and units, moved deadlines, and the periods of plans that have ended closed.
 */
export async function syncAllTasks(
  deps: TaskDeps,
): Promise<{ tasks: number; created: number; untracked: number; moved: number; closed: number }> {
  const calendar = await loadCalendar(deps.repos);
  const totals = { created: 0, untracked: 0, moved: 0, closed: 0 };
  const tasks = await deps.repos.tasks.listActive();
  const scopes = new Map<number | null, Awaited<ReturnType<typeof planScope>>>();
  for (const task of tasks) {
    if (!scopes.has(task.planId))
      scopes.set(task.planId, await planScope(deps.repos, task.planId, calendar, deps.timezone));
    const r = await syncTask(deps, task, calendar, { scope: scopes.get(task.planId) });
    totals.created += r.created;
    totals.untracked += r.skipped.assignmentIds.length;
    totals.moved += r.moved;
    totals.closed += r.closed;
  }
  return { tasks: tasks.length, ...totals };
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

export type CreateTaskResult =
  | { ok: true; task: TaskRecord; dueAt: Date; statedDate?: string | null; units: number; reading?: "before" | "by" }
  | ({ ok: false } & CreateTaskError);

const MAX_TITLE = 300;

/**
 * The indicators an ad hoc task asks for, named by label, code or synonym ("pa nô", "tin_bai",
 * "tin bai"), from the indicators of active tasks and the sample set. Unknown names are returned
 * with the labels that exist.
 * @example await resolveIndicators(repos, ["pa nô", "tin bài"]) // { ok: true, indicators: [{ code: "pano", … }, { code: "tin_bai", … }] }
 */
export async function resolveIndicators(
  repos: Repositories,
  names: string[],
): Promise<{ ok: true; indicators: IndicatorDef[] } | { ok: false; unknown: string[]; known: string[] }> {
  const known = new Map<string, IndicatorDef>();
  for (const task of await repos.tasks.listActive())
    for (const i of task.indicators) if (!known.has(i.code)) known.set(i.code, i);
  for (const i of SAMPLE_INDICATORS) if (!known.has(i.code)) known.set(i.code, i);
  const found: IndicatorDef[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const k = searchKey(name).replace(/_/g, " ");
    const def = [...known.values()].find(
      (i) =>
        searchKey(i.code).replace(/_/g, " ") === k ||
        searchKey(i.label) === k ||
        i.synonyms.some((s) => searchKey(s) === k),
    );
    if (!def) unknown.push(name);
    else if (!found.some((f) => f.code === def.code)) found.push(def);
  }
  if (unknown.length)
    return {
      ok: false,
      unknown,
      known: [...known.values()].map((i) => i.label.toLowerCase()).sort((a, b) => a.localeCompare(b, "vi")),
    };
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
  if (!indicators.ok)
    return { ok: false, error: "unknown_indicators", unknown: indicators.unknown, known: indicators.known };
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
    indicators: indicators.indicators.map((i) => ({
      code: i.code,
      label: i.label,
      measure: i.measure ?? "",
      synonyms: i.synonyms,
    })),
  });
  const calendar = await loadCalendar(deps.repos);
  await syncTask(deps, task, calendar);
  const occurrences = await deps.repos.assignments.listOccurrences(task.id);
  await deps.repos.audit.log({
    actor,
    action: "task.create",
    entity: "task",
    entityId: code,
    detail: { title, schedule: input.schedule, targets: input.targets, indicators: task.indicators.map((i) => i.code) },
  });
  return { ok: true, task, dueAt: occurrences[0].dueAt, statedDate: occurrences[0].statedDate, units: units.length };
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
  if (!Number.isInteger(input.workingDays) || input.workingDays < 1 || input.workingDays > 60)
    return { ok: false, error: "bad_days" };
  return createTask(deps, actor, {
    targets: input.targets,
    title: input.title,
    schedule: { kind: "adhoc", workingDays: input.workingDays, issuedAt: deps.clock.now().toISOString() },
    deadlineText: `${input.workingDays}`,
    indicators: input.indicators,
  });
}

/** `/huy`: cancels a task and its open assignments; reports already sent stay. */
export async function cancelTask(
  deps: TaskDeps,
  actor: string,
  ref: string,
): Promise<{ ok: true; task: TaskRecord; cancelled: number } | { ok: false; error: "not_found" | "already" }> {
  const task = await findTask(deps.repos, ref);
  if (!task) return { ok: false, error: "not_found" };
  if (task.status === "cancelled") return { ok: false, error: "already" };
  await deps.repos.tasks.setStatus(task.id, "cancelled");
  const cancelled = await deps.repos.assignments.cancelForTask(task.id);
  await deps.repos.audit.log({
    actor,
    action: "task.cancel",
    entity: "task",
    entityId: task.code,
    detail: { cancelled },
  });
  return { ok: true, task, cancelled };
}

/** Adds admin calendar entries and re-syncs tasks (ad hoc deadlines depend on working days). */
export async function addCalendarEntries(
  deps: TaskDeps,
  actor: string,
  entries: CalendarEntryInput[],
): Promise<number> {
  const n = await deps.repos.calendar.upsert(entries, "admin");
  await deps.repos.audit.log({
    actor,
    action: "calendar.add",
    entity: "calendar",
    entityId: entries[0]?.date ?? "",
    detail: { entries },
  });
  return n;
}
