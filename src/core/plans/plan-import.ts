import type { PlanFile } from "./plan-file.js";
import { loadCalendar, syncTask, type TaskDeps } from "./tasks.js";

export interface ImportSummary {
  plan: string;
  created: boolean;
  units: { created: number; updated: number };
  tasks: { created: number; updated: number };
  calendarEntries: number;
  assignmentsCreated: number;
  /** Periods whose deadline had passed before the import, kept "untracked" instead of assigned. */
  skipped: { periods: number; assignments: number; assignmentIds: number[] };
}

/** A large import reports every this many units. */
export const PROGRESS_EVERY = 1_000;

export interface ImportOptions {
  /** Open past periods too (see below). */
  backfill?: boolean;
  /** Called every {@link PROGRESS_EVERY} units, so a long import can tell its admin how far it is. */
  onProgress?(progress: { unitsDone: number; unitsTotal: number }): Promise<void> | void;
}

/**
 * Imports a validated plan file. Idempotent: units, the plan and tasks are matched by code/number
 * and updated; assignments are only ever added, never duplicated. Periods already past at import
 * are not assigned (kept as "untracked" rows, counted in `skipped`) unless the task says
 * `backfill: true` or the import is run with `{ backfill: true }`.
 * @example const summary = await importPlan(deps, "telegram:1", file) // summary.skipped.periods → 10
 */
export async function importPlan(deps: TaskDeps, actor: string, file: PlanFile, options: ImportOptions = {}): Promise<ImportSummary> {
  const { repos } = deps;
  const units = { created: 0, updated: 0 };
  for (const [i, u] of file.units.entries()) {
    if (i > 0 && i % PROGRESS_EVERY === 0) await options.onProgress?.({ unitsDone: i, unitsTotal: file.units.length });
    const existing = await repos.units.findByCode(u.code);
    if (existing) {
      await repos.units.update(existing.id, { name: u.name, kind: u.kind, tags: u.tags, active: true });
      units.updated++;
    } else {
      await repos.units.create(u);
      units.created++;
    }
  }
  const calendarEntries = file.calendar.length ? await repos.calendar.upsert(file.calendar, `plan:${file.plan.number}`) : 0;
  const { plan, created } = await repos.plans.upsert(file.plan);
  const tasks = { created: 0, updated: 0 };
  const calendar = await loadCalendar(repos);
  let assignmentsCreated = 0;
  const skipped = { periods: 0, assignments: 0, assignmentIds: [] as number[] };
  for (const t of file.tasks) {
    const { task, created: isNew } = await repos.tasks.upsert({ ...t, planId: plan.id, createdBy: actor });
    if (isNew) tasks.created++;
    else tasks.updated++;
    const synced = await syncTask(deps, task, calendar, { backfill: options.backfill });
    assignmentsCreated += synced.created;
    skipped.periods += synced.skipped.periods;
    skipped.assignmentIds.push(...synced.skipped.assignmentIds);
  }
  skipped.assignments = skipped.assignmentIds.length;
  await repos.audit.log({
    actor,
    action: "plan.import",
    entity: "plan",
    entityId: plan.number,
    detail: { units, tasks, calendarEntries, backfill: options.backfill === true, skipped: { periods: skipped.periods, assignments: skipped.assignments } },
  });
  return { plan: plan.number, created, units, tasks, calendarEntries, assignmentsCreated, skipped };
}
