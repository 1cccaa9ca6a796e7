import type { Logger } from "../core/ports.js";
import { type ClusterSignals, createSoleLeader, type LeaderLease } from "./leader-lease.js";

/** A lease and its signals, and whether other instances may share the database. */
export type Cluster = LeaderLease &
  ClusterSignals & {
    /** True on PostgreSQL: other instances may run; false on SQLite (one process, always leader). */
    shared: boolean;
  };

/** How long a leader that lost its lease gives its sends in flight before releasing them. */
export const STEP_DOWN_DEADLINE_MS = 2_000;
/**
 * A new leader waits this long after taking the lock before it starts the leader jobs: a leader
 * that lost only its connection (its process lives) noticed at once and has stopped its polling,
 * scheduler and sends by then, so two never run together.
 */
export const TAKEOVER_DELAY_MS = STEP_DOWN_DEADLINE_MS + 1_000;

/**
 * The lease for a database URL: on PostgreSQL an advisory-lock lease shared with the other
 * instances (loaded only then, so a SQLite bot never loads pg); on SQLite the sole leader.
 * @example const cluster = await createCluster("postgresql://…", "web-1", logger);
 */
export async function createCluster(
  databaseUrl: string,
  instanceId: string,
  logger: Logger,
  tuning: { retryMs?: number; checkMs?: number; stepDownMs?: number; takeoverDelayMs?: number } = {},
): Promise<Cluster> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const { createPostgresLease } = await import("./postgres-lease.js");
    const lease = createPostgresLease({
      url: databaseUrl,
      instanceId,
      logger,
      takeoverDelayMs: TAKEOVER_DELAY_MS,
      ...tuning,
    });
    return Object.assign(lease, { shared: true });
  }
  return Object.assign(createSoleLeader(instanceId), { shared: false });
}
