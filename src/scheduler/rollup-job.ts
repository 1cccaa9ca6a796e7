import { loadCalendar } from "../core/plans/tasks.js";
import type { Messenger } from "../core/ports.js";
import type { Repositories } from "../core/repositories.js";
import { planGroups, scheduledRollups } from "../core/rollups/rollup-planner.js";
import { planScheduledRollup, type RollupServiceDeps } from "../features/rollups.js";
import type { Planner } from "./scheduler.js";

/**
 * The scheduler's rollup planner: queues due weekly digests and after-deadline posts for every
 * active rollup chat, and tells the scheduler when the next one is due. A digest with nothing that
 * matters now is not posted.
 */
export function createRollupPlanner(
  deps: RollupServiceDeps & { repos: Repositories; messenger: Messenger; clock: { now(): Date } },
): Planner {
  return {
    name: "rollups",
    async enqueueDue() {
      const now = deps.clock.now();
      const chats = (await deps.repos.chats.listRollupChats()).filter((c) => c.status === "active");
      if (!chats.length) return 0;
      const calendar = await loadCalendar(deps.repos);
      const groups = await planGroups(deps.repos);
      let queued = 0;
      for (const due of scheduledRollups(groups, { now, calendar, tz: deps.timezone })) {
        const firstKeys = chats.map((c) => `${due.dedupeKey}:${c.channel}:${c.chatId}:0`);
        if ((await deps.repos.outbox.existingKeys(firstKeys)).size === firstKeys.length) continue;
        const what =
          due.kind === "after_deadline"
            ? { occurrenceId: due.occurrenceId }
            : { taskIds: due.group.tasks.map((t) => t.id) };
        for (const m of await planScheduledRollup(deps, { now, key: due.dedupeKey, ...what })) {
          if (
            await deps.repos.outbox.enqueue({
              ...m.to,
              dedupeKey: m.dedupeKey,
              kind: "rollup",
              message: m.message,
              notBefore: now,
            })
          )
            queued++;
        }
      }
      return queued;
    },
    async nextAt() {
      if (!(await deps.repos.chats.listRollupChats()).some((c) => c.status === "active")) return null;
      const calendar = await loadCalendar(deps.repos);
      const [next] = scheduledRollups(await planGroups(deps.repos), {
        now: deps.clock.now(),
        calendar,
        tz: deps.timezone,
        ahead: true,
      });
      return next?.at ?? null;
    },
  };
}
