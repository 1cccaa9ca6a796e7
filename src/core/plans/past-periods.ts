/**
 * Periods that were already past when they were assigned: kept as "untracked" rows (never
 * reminded, left out of rollups), opened on request (backfill), or repaired in a database
 * imported before that rule existed.
 */
import type { Clock } from "../ports.js";
import type { Repositories } from "../repositories.js";

export interface PastPeriodDeps {
  repos: Repositories;
  clock: Clock;
}

/**
 * Opens untracked assignments the admin confirmed should be reported after all (the chat's
 * "assign the past periods too?" answer). Only rows still untracked move; audit-logged.
 * @example await backfillAssignments(deps, "telegram:111", summary.skipped.assignmentIds) // → 120
 */
export async function backfillAssignments(
  deps: PastPeriodDeps,
  actor: string,
  assignmentIds: number[],
): Promise<number> {
  const opened = await deps.repos.assignments.moveStatus(assignmentIds, "untracked", "open");
  await deps.repos.audit.log({
    actor,
    action: "assignment.backfill",
    entity: "assignment",
    entityId: String(opened),
    detail: { opened, asked: assignmentIds.length },
  });
  return opened;
}

/** What the repair found or did. */
export interface RepairResult {
  /** Open assignments created on or after their deadline and never reminded. */
  found: number;
  /** Distinct units among them. */
  units: number;
  /** How many were marked "untracked" (0 on a preview). */
  marked: number;
}

/**
 * Repairs a database where a plan was imported part-way through its year the old way: open
 * assignments whose deadline had already passed when they were created and that were never
 * reminded become "untracked" (rows kept, reports untouched). `apply: false` only counts.
 * Assignments created in time but never reminded (no chat bound yet) are left alone: those are
 * real misses, which rollups show as "nobody received the reminder".
 * @example await repairPastAssignments(deps, "telegram:111", { apply: true }) // → { found: 120, units: 12, marked: 120 }
 */
export async function repairPastAssignments(
  deps: PastPeriodDeps,
  actor: string,
  options: { apply: boolean },
): Promise<RepairResult> {
  const candidates = await deps.repos.assignments.listOpenAssignedAfterDeadline(deps.clock.now());
  const reminded = await deps.repos.outbox.keysForAssignments(candidates.map((a) => a.id));
  const targets = candidates.filter((a) => !reminded.get(a.id)?.length);
  const units = new Set(targets.map((a) => a.unitId)).size;
  if (!options.apply || !targets.length) return { found: targets.length, units, marked: 0 };
  const ids = targets.map((a) => a.id);
  const marked = await deps.repos.assignments.moveStatus(ids, "open", "untracked");
  await deps.repos.audit.log({
    actor,
    action: "assignment.untrack_past",
    entity: "assignment",
    entityId: String(marked),
    detail: { marked, units, ids },
  });
  return { found: targets.length, units, marked };
}
