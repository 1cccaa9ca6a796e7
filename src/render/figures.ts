/**
 * Which figures were reported at all: a total nobody stated is "not reported" ("—"), never 0.
 * The core's totals start every indicator at 0, so the rows tell the two apart: a figure counts as
 * reported when a unit that reported (on time or late) stated it, 0 included.
 */
import type { TaskRollup } from "../core/rollups/rollup-types.js";

/** The dash printed for a figure nobody reported. */
export const NOT_REPORTED = "—";

const counted = (status: string): boolean => status === "on_time" || status === "late";

/**
 * Indicator code → its total, or undefined when no counted unit stated it.
 * @example reportedTotals(task).get("hoi_nghi") // undefined: print "—"
 */
export function reportedTotals(task: TaskRollup): Map<string, number | undefined> {
  const out = new Map<string, number | undefined>();
  for (const ind of task.indicators) {
    let stated = false;
    for (const row of task.rows)
      if (counted(row.status) && row.values[ind.code] !== undefined) {
        stated = true;
        break;
      }
    out.set(ind.code, stated ? (task.totals[ind.code] ?? 0) : undefined);
  }
  return out;
}

/**
 * Each group's sum of an indicator over its counted units, undefined where none of them stated it.
 * @example groupTotals(task, "pano", ["Xã", "Phường"]) // [12, undefined]
 */
export function groupTotals(task: TaskRollup, code: string, groups: string[]): (number | undefined)[] {
  const sums = new Map<string, number>();
  for (const row of task.rows) {
    if (!counted(row.status)) continue;
    const value = row.values[code];
    if (value === undefined) continue;
    sums.set(row.group, (sums.get(row.group) ?? 0) + value);
  }
  return groups.map((g) => sums.get(g));
}
