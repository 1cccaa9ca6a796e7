/**
 * Scheduled rollups for the Culture office group: weekly and after each deadline, per plan (each
 * plan may set its own times), queued in the outbox with dedupe keys so none is posted twice.
 */

import type { WorkingCalendar } from "../calendar/working-calendar.js";
import type { OccurrenceRecord, PlanRecord, TaskRecord } from "../ports.js";
import type { AssignmentRepository, PlanRepository, TaskRepository } from "../repositories.js";
import { type RollupPolicy, type RollupTime, rollupTimes } from "./rollup-schedule.js";

/** A scheduled rollup that missed its time by more than this (bot down) is not posted late. */
const CATCH_UP_MS = 12 * 3_600_000;
const LOOK_AHEAD_MS = 15 * 86_400_000;

/** The active tasks of one plan (key "p<planId>", "p0" for tasks given in chat) and their occurrences. */
export interface PlanGroup {
  key: string;
  policy: Partial<RollupPolicy>;
  tasks: TaskRecord[];
  occurrences: OccurrenceRecord[];
}

const definedOnly = (policy: PlanRecord["rollup"]): Partial<RollupPolicy> =>
  Object.fromEntries(Object.entries(policy).filter(([, v]) => v !== undefined)) as Partial<RollupPolicy>;

/** Active tasks grouped by plan ("p0" for tasks given in chat), with their occurrences. */
export async function planGroups(repos: {
  tasks: TaskRepository;
  plans: PlanRepository;
  assignments: AssignmentRepository;
}): Promise<PlanGroup[]> {
  const groups = new Map<number, PlanGroup>();
  for (const task of await repos.tasks.listActive()) {
    const planId = task.planId ?? 0;
    let group = groups.get(planId);
    if (!group) {
      const plan = task.planId ? await repos.plans.findById(task.planId) : null;
      group = { key: `p${planId}`, policy: plan ? definedOnly(plan.rollup) : {}, tasks: [], occurrences: [] };
      groups.set(planId, group);
    }
    group.tasks.push(task);
    group.occurrences.push(...(await repos.assignments.listOccurrences(task.id)));
  }
  return [...groups.values()];
}

/**
 * The scheduled rollups due now (not older than 12 hours) or, with `ahead`, the next one.
 * Weekly ones are a plan's digest; after-deadline ones cover one occurrence.
 * @example const due = scheduledRollups(groups, { now, calendar, tz });
 */
export function scheduledRollups(
  groups: PlanGroup[],
  options: { now: Date; calendar: WorkingCalendar; tz: string; ahead?: boolean },
): (RollupTime & { dedupeKey: string; group: PlanGroup })[] {
  const { now, calendar, tz } = options;
  const from = options.ahead ? new Date(now.getTime() + 1) : new Date(now.getTime() - CATCH_UP_MS);
  const to = options.ahead ? new Date(now.getTime() + LOOK_AHEAD_MS) : new Date(now.getTime() + 1);
  const out: (RollupTime & { dedupeKey: string; group: PlanGroup })[] = [];
  for (const group of groups) {
    const occurrences = group.occurrences.map((o) => ({ id: o.id, dueAt: o.dueAt }));
    for (const time of rollupTimes({ from, to, calendar, tz, occurrences, policy: group.policy })) {
      out.push({ ...time, dedupeKey: `${time.key}:${group.key}`, group });
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}
