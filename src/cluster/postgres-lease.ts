import pg from "pg";
import type { Logger } from "../core/ports.js";
import type { ClusterSignals, LeaderLease, Role } from "./leader-lease.js";

/** The advisory lock's two keys: "don" and the leader's slot (other numbers stay free for other uses). */
export const LEADER_LOCK_KEY: [number, number] = [0x646f6e, 1];
/** The channel LISTEN/NOTIFY signals travel on. */
export const SIGNAL_CHANNEL = "don_doc_cluster";

export interface PostgresLeaseOptions {
  /** The database's postgresql:// URL (the lease opens its own connection, outside any pool). */
  url: string;
  instanceId: string;
  logger: Logger;
  /** How often a standby tries to take the lease (and reconnects after a lost connection). */
  retryMs?: number;
  /** How often the leader checks that its connection (and so its lock) is still alive. */
  checkMs?: number;
  /**
   * The leader steps down when no check answered for this long. It must stay well below
   * `idleSessionMs`: the server frees the lock of a silent session only after that.
   */
  stepDownMs?: number;
  /**
   * The server ends the lease's session after this long without a query (idle_session_timeout), so
   * the lock of a leader cut off by the network (no connection reset) frees all the same.
   */
  idleSessionMs?: number;
  /**
   * After taking the lease, wait this long before saying "leader": a previous leader that lost its
   * connection (not its process) has stopped its sends by then.
   */
  takeoverDelayMs?: number;
}

/**
 * The leader lease on PostgreSQL: a session-level advisory lock (`pg_try_advisory_lock`) held on a
 * dedicated connection. A standby tries every `retryMs`. When the leader's process dies, even by
 * kill -9, its connection closes and the server frees the lock at once; a standby takes it at its
 * next try. A leader whose connection fails or stops answering steps down at once (before the
 * server frees the lock), then competes again as a standby. Also carries the cluster's
 * LISTEN/NOTIFY signals on the same connection.
 * @example const lease = createPostgresLease({ url, instanceId, logger }); lease.onChange(run); await lease.start();
 */
export function createPostgresLease(options: PostgresLeaseOptions): LeaderLease & ClusterSignals {
  const { logger, instanceId } = options;
  const retryMs = options.retryMs ?? 2_000;
  const checkMs = options.checkMs ?? 2_000;
  const stepDownMs = options.stepDownMs ?? 6_000;
  const idleSessionMs = options.idleSessionMs ?? 20_000;
  const takeoverDelayMs = options.takeoverDelayMs ?? 0;
  const listeners: ((role: Role) => Promise<void> | void)[] = [];
  let handlers: Parameters<ClusterSignals["listen"]>[0] | undefined;
  let role: Role = "standby";
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let lastAnswer = 0;
  /** A leader that lost its connection lets the standbys try first (it is likely the one in trouble). */
  let holdOffUntil = 0;
  /** Role changes run one after the other: jobs stop before they can start again. */
  let changes: Promise<void> = Promise.resolve();

  function setRole(next: Role): Promise<void> {
    if (role === next) return changes;
    role = next;
    logger.info({ instanceId, role: next }, next === "leader" ? "cluster: leading" : "cluster: standing by");
    changes = changes.then(async () => {
      for (const listener of listeners) {
        try {
          await listener(next);
        } catch (error) {
          logger.error({ err: error, role: next }, "cluster: role change failed");
        }
      }
    });
    return changes;
  }

  /** The connection is gone or silent: stop leading now, drop it, reconnect at the next try. */
  function lose(reason: unknown): void {
    const lost = client;
    client = undefined;
    if (lost) {
      lost.removeAllListeners("notification");
      // A late error on a dropped connection must not crash the process.
      lost.on("error", () => {});
      void lost.end().catch(() => {});
    }
    if (role === "leader") {
      logger.warn({ err: reason, instanceId }, "cluster: lease connection lost, stepping down");
      holdOffUntil = Date.now() + 2 * retryMs;
      void setRole("standby");
    } else if (!stopped) logger.debug({ err: reason }, "cluster: lease connection not available");
  }

  async function connect(): Promise<pg.Client> {
    const next = new pg.Client({
      connectionString: options.url,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      application_name: `don-doc lease ${instanceId}`.slice(0, 63),
    });
    next.on("error", (error) => {
      if (client === next) lose(error);
    });
    next.on("end", () => {
      if (client === next) lose(new Error("connection ended"));
    });
    await next.connect();
    try {
      await next.query(`SET idle_session_timeout = ${Math.round(idleSessionMs)}`);
    } catch (error) {
      // PostgreSQL before 14: a silent leader's lock frees only when TCP gives up.
      logger.warn({ err: error }, "cluster: idle_session_timeout not supported");
    }
    await next.query(`LISTEN ${SIGNAL_CHANNEL}`);
    next.on("notification", (message) => {
      if (role !== "leader" || message.channel !== SIGNAL_CHANNEL || !handlers) return;
      try {
        const signal = JSON.parse(message.payload ?? "{}") as { kind?: string; at?: string };
        if (signal.kind === "outbox") handlers.outboxQueued(new Date(signal.at ?? Date.now()));
        else if (signal.kind === "schedule") handlers.scheduleChanged();
      } catch (error) {
        logger.warn({ err: error }, "cluster: unreadable signal");
      }
    });
    return next;
  }

  /** A query that fails when it takes longer than `ms` (a silent connection counts as lost). */
  async function ask<T extends pg.QueryResultRow>(c: pg.Client, sql: string, values: unknown[], ms: number) {
    let timeout: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        c.query<T>(sql, values),
        new Promise<never>(
          (_, reject) => (timeout = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
        ),
      ]);
    } finally {
      clearTimeout(timeout);
    }
  }

  /** One round: a standby tries to take the lease; the leader checks that it still holds it. */
  async function round(): Promise<void> {
    if (stopped) return;
    if (role === "leader") {
      const c = client;
      try {
        if (!c) throw new Error("no connection");
        await ask(c, "SELECT 1", [], Math.max(500, stepDownMs - (Date.now() - lastAnswer)));
        lastAnswer = Date.now();
      } catch (error) {
        if (client === c) lose(error);
        else if (role === "leader") void setRole("standby");
      }
      return;
    }
    if (Date.now() < holdOffUntil) return;
    try {
      client ??= await connect();
    } catch (error) {
      lose(error);
      return;
    }
    const c = client;
    try {
      const { rows } = await ask<{ ok: boolean }>(
        c,
        "SELECT pg_try_advisory_lock($1, $2) AS ok",
        LEADER_LOCK_KEY,
        stepDownMs,
      );
      if (!rows[0]?.ok || stopped || client !== c) return;
      lastAnswer = Date.now();
      logger.info({ instanceId }, "cluster: lease taken");
      if (takeoverDelayMs) await new Promise((resolve) => setTimeout(resolve, takeoverDelayMs));
      // Lost while waiting: the connection's error already made it a standby.
      if (client !== c || stopped) return;
      await setRole("leader");
    } catch (error) {
      if (client === c) lose(error);
    }
  }

  function loop(): void {
    if (stopped) return;
    timer = setTimeout(
      () => {
        void round().finally(loop);
      },
      role === "leader" ? checkMs : retryMs,
    );
    timer.unref();
  }

  function signal(kind: "outbox" | "schedule", at?: Date): void {
    const c = client;
    if (!c) return;
    // Best effort: if it is lost, the leader's five-minute safety tick finds the work.
    c.query("SELECT pg_notify($1, $2)", [SIGNAL_CHANNEL, JSON.stringify({ kind, at: at?.toISOString() })]).catch(
      (error) => logger.debug({ err: error }, "cluster: signal not sent"),
    );
  }

  return {
    instanceId,
    role: () => role,
    onChange: (listener) => void listeners.push(listener),
    async start() {
      stopped = false;
      await round();
      loop();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const c = client;
      client = undefined;
      await setRole("standby");
      if (c) {
        c.removeAllListeners("notification");
        c.on("error", () => {});
        // Closing the session frees the lock: a standby leads at its next try.
        await c.end().catch(() => {});
      }
    },
    outboxQueued: (at) => signal("outbox", at),
    scheduleChanged: () => signal("schedule"),
    listen(next) {
      handlers = next;
    },
  };
}
