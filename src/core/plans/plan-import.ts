import type { PlanFile } from "./plan-file.js";
import { loadCalendar, syncTask, type TaskDeps } from "./tasks.js";

export interface ImportSummary {
  plan: string;
  created: boolean;
  units: { created: number; updated: number };
  tasks: { created: number; updated: number };
  calendarEntries: number;
  assignmentsCreated: number;
}

/**
 * Imports a validated plan file. Idempotent: units, the plan and tasks are matched by code/number
 * and updated; assignments are only ever added, never duplicated.
 * @example const summary = await importPlan(deps, "telegram:1", file)
 */
export async function importPlan(deps: TaskDeps, actor: string, file: PlanFile): Promise<ImportSummary> {
  const { repos } = deps;
  const units = { created: 0, updated: 0 };
  for (const u of file.units) {
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
  for (const t of file.tasks) {
    const { task, created: isNew } = await repos.tasks.upsert({ ...t, planId: plan.id, createdBy: actor });
    if (isNew) tasks.created++;
    else tasks.updated++;
    assignmentsCreated += (await syncTask(deps, task, calendar)).created;
  }
  await repos.audit.log({ actor, action: "plan.import", entity: "plan", entityId: plan.number, detail: { units, tasks, calendarEntries } });
  return { plan: plan.number, created, units, tasks, calendarEntries, assignmentsCreated };
}
