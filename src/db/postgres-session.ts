import { randomInt } from "node:crypto";
import { hostname } from "node:os";
import pg from "pg";

/** First key of every instance's advisory lock (the second is the instance's own number). */
export const INSTANCE_LOCK_CLASS = 0x646f6e65; // "done"

/**
 * SQL true for an outbox row whose claimer is gone: no session of this database holds the
 * advisory lock its `claimedBy` names (the server drops it when that instance's connection ends:
 * a crash, kill -9, a lost host). A live instance's claims never match.
 */
export const NOT_LIVE_CLAIM = `("claimedBy" IS NULL OR split_part("claimedBy", ':', 1) NOT IN (
  SELECT objid::text FROM pg_locks WHERE locktype = 'advisory' AND classid = ${INSTANCE_LOCK_CLASS} AND objsubid = 2 AND granted
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())))`;

const RECONNECT_MS = 1_000;

/**
 * One dedicated connection per process, outside the pool: it holds the instance's advisory lock
 * for the process's life (its claims stay its own while it lives) and LISTENs for change
 * notifications. Lost, it is opened again (same lock number); `onReconnect` listeners then run,
 * since notifications sent meanwhile were missed.
 */
export interface PostgresSession {
  /** "<lock number>:<host>:<pid>": what outbox claims record in `claimedBy`. */
  readonly instanceId: string;
  /** Calls `listener` with each notification's payload on `channel`, and the sender's backend pid. */
  listen(channel: string, listener: (payload: string, senderPid: number) => void): Promise<void>;
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * Opens the session connection and takes a fresh instance lock number.
 * @example const session = await openSession(url); session.instanceId // → "183920411:web-1:4242"
 */
export async function openSession(url: string): Promise<PostgresSession> {
  const listeners = new Map<string, ((payload: string, senderPid: number) => void)[]>();
  const reconnected: (() => void)[] = [];
  let closed = false;
  let key = 0;
  let client: pg.Client;

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      for (;;) {
        key ||= randomInt(1, 2 ** 31 - 1);
        const { rows } = await c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [
          INSTANCE_LOCK_CLASS,
          key,
        ]);
        if (rows[0]?.ok) break;
        key = 0; // Taken by another instance (or, after a reconnect, not yet released): another number.
      }
      for (const channel of listeners.keys()) await c.query(`LISTEN "${channel}"`);
    } catch (error) {
      await c.end().catch(() => {});
      throw error;
    }
    c.on("notification", (n) => {
      for (const l of listeners.get(n.channel) ?? []) l(n.payload ?? "", n.processId);
    });
    c.on("error", () => {});
    c.on("end", () => {
      if (!closed) void reopen();
    });
    client = c;
  }

  async function reopen(): Promise<void> {
    while (!closed) {
      await new Promise((r) => setTimeout(r, RECONNECT_MS).unref());
      try {
        await connect();
        for (const l of reconnected) l();
        return;
      } catch {
        // The server is still away: try again.
      }
    }
  }

  await connect();
  return {
    get instanceId() {
      return `${key}:${hostname()}:${process.pid}`;
    },
    async listen(channel, listener) {
      const first = !listeners.has(channel);
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      if (first) await client.query(`LISTEN "${channel}"`);
    },
    onReconnect(listener) {
      reconnected.push(listener);
    },
    async close() {
      closed = true;
      await client.end().catch(() => {});
    },
  };
}
