import pg from "pg";
import type { Logger } from "../core/ports.js";
import type { InboxStore, StoredMessage } from "../inbox/inbox-store.js";

/** First key of the inbox rows' advisory locks ("doni"); the second is the row's id. */
export const INBOX_LOCK_CLASS = 0x646f6e69;

const ORPHANS_SQL = `SELECT m."id" FROM "InboxMessage" m
  WHERE m."status" = 'pending' AND NOT EXISTS (
    SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.classid = $1 AND l.objid = m."id"::oid
      AND l.objsubid = 2 AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()))
  ORDER BY m."id" LIMIT $2`;

/**
 * Which instance handles which stored message, when several share a PostgreSQL database. The
 * instance that stores a message holds an advisory lock on its row (on a connection of its own)
 * until the row is done; a row that is pending and locked by nobody belongs to an instance that is
 * gone (kill -9, a lost host: the server dropped its locks with its connection) and is claimed by
 * whoever takes its lock first, then checked to be still pending. A message is handled by one
 * instance at a time, and the same update sent to two instances is stored once (the inbox's unique key).
 */
export interface InboxClaims {
  /**
   * The store with claims: `add` claims the row it stored (null when another instance claimed it
   * first: that one handles it), `resumeUnfinished` returns only the rows of instances that are
   * gone (claimed), `finish` lets the row go.
   */
  wrap(store: InboxStore): InboxStore;
  /** Claims up to `limit` rows of instances that are gone; resolves with their ids. */
  claimOrphans(limit?: number): Promise<number[]>;
  /** Rows this instance holds now. */
  held(): number;
  /** Closes the connection (the server lets every claim go). */
  close(): Promise<void>;
}

/**
 * Claims on PostgreSQL's advisory locks; see {@link InboxClaims}.
 * @example const claims = await createInboxClaims({ url, logger }); const store = claims.wrap(createPostgresInboxStore(db));
 */
export async function createInboxClaims(options: {
  url: string;
  logger: Logger;
  instanceId?: string;
}): Promise<InboxClaims> {
  const { logger } = options;
  /** Ids claimed or being claimed by this process: checked and set before any await, so never claimed twice here. */
  const held = new Set<number>();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;

  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({
      connectionString: options.url,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      application_name: `don-doc inbox ${options.instanceId ?? ""}`.trim().slice(0, 63),
    });
    const lost = (error: unknown) => {
      if (client !== c) return;
      client = undefined;
      // The server let every claim go: rows handled here now may be claimed by another instance.
      if (!closed)
        logger.error(
          { err: error, held: held.size },
          "cluster: inbox claims connection lost; claims are taken again at the next message",
        );
    };
    c.on("error", lost);
    c.on("end", () => lost(new Error("connection ended")));
    await c.connect();
    client = c;
    // Held before the loss: taken again (one another instance claimed meanwhile stays with it).
    if (held.size) {
      const ids = [...held];
      const { rows } = await c.query<{ id: number }>(
        "SELECT id FROM unnest($2::int[]) AS id WHERE pg_try_advisory_lock($1, id)",
        [INBOX_LOCK_CLASS, ids],
      );
      if (rows.length < ids.length)
        logger.error({ lost: ids.length - rows.length }, "cluster: inbox rows claimed by another instance meanwhile");
    }
    return c;
  }

  const session = async (): Promise<pg.Client> => {
    if (client) return client;
    connecting ??= connect().finally(() => (connecting = undefined));
    return connecting;
  };

  async function claim(id: number): Promise<boolean> {
    if (held.has(id)) return false;
    held.add(id);
    try {
      const c = await session();
      const { rows } = await c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [
        INBOX_LOCK_CLASS,
        id,
      ]);
      if (rows[0]?.ok) return true;
    } catch (error) {
      // Not claimed (no connection, lock table full): left pending for the leader's sweep.
      logger.warn({ err: error, inboxId: id }, "cluster: inbox row not claimed; the leader's sweep takes it");
    }
    held.delete(id);
    return false;
  }

  async function release(id: number): Promise<void> {
    try {
      await client?.query("SELECT pg_advisory_unlock($1, $2)", [INBOX_LOCK_CLASS, id]);
    } catch (error) {
      logger.warn({ err: error, inboxId: id }, "cluster: inbox claim not released (freed with the connection)");
    }
    held.delete(id);
  }

  async function claimOrphans(limit = 500): Promise<number[]> {
    const c = await session();
    const { rows } = await c.query<{ id: number }>(ORPHANS_SQL, [INBOX_LOCK_CLASS, limit]);
    const candidates = rows.map((r) => r.id).filter((id) => !held.has(id));
    if (!candidates.length) return [];
    for (const id of candidates) held.add(id);
    try {
      const locked = (
        await c.query<{ id: number }>("SELECT id FROM unnest($2::int[]) AS id WHERE pg_try_advisory_lock($1, id)", [
          INBOX_LOCK_CLASS,
          candidates,
        ])
      ).rows.map((r) => r.id);
      // Finished by its owner between the look and the lock: not ours to handle.
      const pending = new Set(
        locked.length
          ? (
              await c.query<{ id: number }>(
                `SELECT "id" FROM "InboxMessage" WHERE "id" = ANY($1::int[]) AND "status" = 'pending'`,
                [locked],
              )
            ).rows.map((r) => r.id)
          : [],
      );
      const done = locked.filter((id) => !pending.has(id));
      if (done.length)
        await c.query("SELECT pg_advisory_unlock($1, id) FROM unnest($2::int[]) AS id", [INBOX_LOCK_CLASS, done]);
      for (const id of candidates) if (!pending.has(id)) held.delete(id);
      return candidates.filter((id) => pending.has(id));
    } catch (error) {
      for (const id of candidates) held.delete(id);
      throw error;
    }
  }

  await session();
  return {
    wrap(store) {
      return {
        ...store,
        async add(incoming, at) {
          const row = await store.add(incoming, at);
          return row && (await claim(row.id)) ? row : null;
        },
        async resumeUnfinished(): Promise<StoredMessage[]> {
          const ids = new Set(await claimOrphans());
          if (!ids.size) return [];
          return (await store.resumeUnfinished()).filter((row) => ids.has(row.id));
        },
        async finish(id, at, error, sent) {
          await store.finish(id, at, error, sent);
          await release(id);
        },
      };
    },
    claimOrphans,
    held: () => held.size,
    async close() {
      closed = true;
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
