import { planScope } from "./periods.js";
import type { PlanFile } from "./plan-file.js";
import { loadCalendar, syncTask, type TaskDeps } from "./tasks.js";

export interface ImportSummary {
  plan: string;
  created: boolean;
  units: { created: number; updated: number };
  tasks: { created: number; updated: number };
  calendarEntries: number;
  assignmentsCreated: number;
  /** Units the file lists that were retired (/donvi_nghi): kept retired, never assigned. */
  retiredUnits: number;
  /** Open assignments cancelled because their unit is not among the plan's units (a plan re-imported). */
  cancelledOutside: number;
  /** The plan's last day ("YYYY-MM-DD"), and whether it has already passed (nothing is assigned then). */
  end: string;
  ended: boolean;
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
 * and updated; assignments are only ever added, never duplicated. The plan's units are exactly the
 * file's: its tasks reach only them, and open assignments of other units (given by an earlier
 * version that leaked through a shared tag) are cancelled. Retired units stay retired. Periods
 * already past at import are not assigned (kept as "untracked" rows, counted in `skipped`) unless
 * the task says `backfill: true` or the import is run with `{ backfill: true }`; a plan whose end
 * has passed assigns nothing.
 * @example const summary = await importPlan(deps, "telegram:1", file) // summary.skipped.periods → 10
 */
export async function importPlan(
  deps: TaskDeps,
  actor: string,
  file: PlanFile,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const { repos } = deps;
  const units = { created: 0, updated: 0 };
  const unitIds: number[] = [];
  let retiredUnits = 0;
  for (const [i, u] of file.units.entries()) {
    if (i > 0 && i % PROGRESS_EVERY === 0) await options.onProgress?.({ unitsDone: i, unitsTotal: file.units.length });
    const existing = await repos.units.findByCode(u.code);
    if (existing) {
      // A retired unit is not brought back by a file that still lists it (only /donvi_them does).
      if (existing.retiredAt) retiredUnits++;
      await repos.units.update(existing.id, {
        name: u.name,
        kind: u.kind,
        tags: u.tags,
        ...(existing.retiredAt ? {} : { active: true }),
      });
      units.updated++;
      unitIds.push(existing.id);
    } else {
      unitIds.push((await repos.units.create(u)).id);
      units.created++;
    }
  }
  const calendarEntries = file.calendar.length
    ? await repos.calendar.upsert(file.calendar, `plan:${file.plan.number}`)
    : 0;
  const { plan, created } = await repos.plans.upsert(file.plan);
  await repos.plans.setUnits(plan.id, unitIds);
  const tasks = { created: 0, updated: 0 };
  const calendar = await loadCalendar(repos);
  const records = [];
  for (const t of file.tasks) {
    const { task, created: isNew } = await repos.tasks.upsert({ ...t, planId: plan.id, createdBy: actor });
    if (isNew) tasks.created++;
    else tasks.updated++;
    records.push(task);
  }
  // Synced once every task is in: the plan's end depends on all of them.
  const scope = await planScope(repos, plan.id, calendar, deps.timezone);
  let assignmentsCreated = 0;
  let cancelledOutside = 0;
  let ended = false;
  const skipped = { periods: 0, assignments: 0, assignmentIds: [] as number[] };
  for (const task of records) {
    const synced = await syncTask(deps, task, calendar, { backfill: options.backfill, prune: true, scope });
    assignmentsCreated += synced.created;
    cancelledOutside += synced.cancelled;
    ended ||= synced.ended;
    skipped.periods += synced.skipped.periods;
    skipped.assignmentIds.push(...synced.skipped.assignmentIds);
  }
  skipped.assignments = skipped.assignmentIds.length;
  await repos.audit.log({
    actor,
    action: "plan.import",
    entity: "plan",
    entityId: plan.number,
    detail: {
      units,
      tasks,
      calendarEntries,
      backfill: options.backfill === true,
      retiredUnits,
      cancelledOutside,
      skipped: { periods: skipped.periods, assignments: skipped.assignments },
    },
  });
  return {
    plan: plan.number,
    created,
    units,
    tasks,
    calendarEntries,
    assignmentsCreated,
    retiredUnits,
    cancelledOutside,
    end: scope?.end ?? "",
    ended,
    skipped,
  };
}

/**
 * What an import summary adds after its first line, as i18next keys with their variables: the
 * plan's end when it has passed, open assignments cancelled outside the plan's units, retired units
 * kept retired. The chat command and the CLI say the same.
 * @example importNotes(summary) // [{ key: "plan:cancelled_outside", vars: { count: 78 } }]
 */
export function importNotes(s: ImportSummary): { key: string; vars: Record<string, unknown> }[] {
  const notes: { key: string; vars: Record<string, unknown> }[] = [];
  if (s.ended) notes.push({ key: "plan:ended", vars: { end: s.end.split("-").reverse().join("/") } });
  if (s.cancelledOutside) notes.push({ key: "plan:cancelled_outside", vars: { count: s.cancelledOutside } });
  if (s.retiredUnits) notes.push({ key: "plan:retired_kept", vars: { count: s.retiredUnits } });
  return notes;
}
