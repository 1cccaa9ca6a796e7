/** Whether this instance runs the leader-only jobs (scheduler, outbox dispatcher, backups, polling). */
export type Role = "leader" | "standby";

/**
 * Who runs the leader-only jobs among the instances on one database. The port the app and the
 * scheduler use; the PostgreSQL implementation (src/cluster/postgres-lease.ts) is the only place
 * that talks to the database for it.
 */
export interface LeaderLease {
  /** This instance's name (INSTANCE_ID), shown by /healthz and /readyz. */
  readonly instanceId: string;
  /** The role now: "leader" only while the lease is surely held. */
  role(): Role;
  /**
   * Called on every change of role, in order: the next change waits until the previous listener
   * resolved, so leader jobs are stopped before they could be started again.
   */
  onChange(listener: (role: Role) => Promise<void> | void): void;
  /** First try (resolves once the role is known), then keeps trying in the background. */
  start(): Promise<void>;
  /** Gives the lease up (another instance may lead at once) and stops trying. */
  stop(): Promise<void>;
}

/**
 * Signals between instances: a standby that queued outbox rows or changed the schedule tells the
 * leader, whose timers would not otherwise know before the five-minute safety tick.
 */
export interface ClusterSignals {
  /** Tells the leader that outbox rows are due at `at`. */
  outboxQueued(at: Date): void;
  /** Tells the leader that deadlines or reminders changed (it syncs and ticks). */
  scheduleChanged(): void;
  /** What the leader does when told (set by the app; ignored while this instance is a standby). */
  listen(handlers: { outboxQueued(at: Date): void; scheduleChanged(): void }): void;
}

/**
 * The lease of a single-process database (SQLite): always the leader, because the operating
 * system's instance lock (src/db/instance-lock.ts) already refuses a second process.
 * @example const lease = createSoleLeader("host-123"); await lease.start(); lease.role() // "leader"
 */
export function createSoleLeader(instanceId: string): LeaderLease & ClusterSignals {
  const listeners: ((role: Role) => Promise<void> | void)[] = [];
  let role: Role = "standby";
  return {
    instanceId,
    role: () => role,
    onChange: (listener) => void listeners.push(listener),
    async start() {
      role = "leader";
      for (const listener of listeners) await listener(role);
    },
    async stop() {
      if (role === "standby") return;
      role = "standby";
      for (const listener of listeners) await listener(role);
    },
    // One process: there is nobody else to tell.
    outboxQueued() {},
    scheduleChanged() {},
    listen() {},
  };
}

/** The default INSTANCE_ID: host name and process id, unique among running processes. */
export function defaultInstanceId(host: string, pid: number): string {
  return `${host}-${pid}`;
}
