import { messageKey } from "../core/ports.js";
import { truncate } from "../core/text-limits.js";
import type { Incoming } from "../core/types.js";
import {
  type InboxRow,
  type InboxStore,
  type StoredMessage,
  storedMessageOf as toStored,
} from "../inbox/inbox-store.js";
import { type Db, postgresOf } from "./database.js";
import { pgDate } from "./postgres-database.js";

/**
 * The durable inbox's table (InboxMessage) on PostgreSQL, same contract as the SQLite store
 * (src/db/inbox-store.ts): direct queries on the client's pool, one statement each. The messages
 * added meanwhile (a getUpdates batch) are stored by one INSERT, committed durably (flushed to
 * disk) before `add` resolves and the platform is told "received".
 * @example const store = createPostgresInboxStore(db); await store.add(incoming, new Date());
 */
export function createPostgresInboxStore(db: Db): InboxStore {
  const connection = postgresOf(db);
  if (!connection) throw new Error("not a PostgreSQL client");
  const { pool } = connection;
  type Waiting = { incoming: Incoming; at: Date; resolve(row: StoredMessage | null): void; reject(e: unknown): void };
  let waiting: Waiting[] = [];

  async function flush(): Promise<void> {
    const batch = waiting;
    waiting = [];
    try {
      const rows = batch.map((w, i) => ({
        i,
        channel: w.incoming.channel,
        chatId: w.incoming.chatId,
        messageId: messageKey(w.incoming),
        payloadJson: JSON.stringify(w.incoming),
        receivedAt: pgDate(w.at),
      }));
      // One statement for the batch; the rows stored come back by their key (a duplicate does not).
      // Its transaction (this statement alone) commits with synchronous_commit on: flushed to disk
      // before `add` resolves, whatever the pool's setting (see createCountedPool).
      const { rows: stored } = await pool.query<{ id: number; channel: string; chatId: string; messageId: string }>(
        `WITH durable AS (SELECT set_config('synchronous_commit', 'on', true))
         INSERT INTO "InboxMessage" ("channel", "chatId", "messageId", "payloadJson", "receivedAt")
         SELECT r.channel, r."chatId", r."messageId", r."payloadJson", r."receivedAt"::timestamp(3)
         FROM durable, json_to_recordset($1::json) AS r(i int, channel text, "chatId" text, "messageId" text, "payloadJson" text, "receivedAt" text)
         ORDER BY r.i
         ON CONFLICT ("channel", "chatId", "messageId") DO NOTHING
         RETURNING "id", "channel", "chatId", "messageId"`,
        [JSON.stringify(rows)],
      );
      const ids = new Map(stored.map((r) => [`${r.channel}\n${r.chatId}\n${r.messageId}`, r.id]));
      for (const w of batch) {
        const key = `${w.incoming.channel}\n${w.incoming.chatId}\n${messageKey(w.incoming)}`;
        const id = ids.get(key);
        // The same message twice in one batch: the first is stored, the second is a duplicate.
        ids.delete(key);
        w.resolve(id === undefined ? null : { id, incoming: w.incoming, sent: [], attempts: 0 });
      }
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }

  return {
    add(incoming, at) {
      return new Promise((resolve, reject) => {
        waiting.push({ incoming, at, resolve, reject });
        if (waiting.length === 1) setImmediate(() => void flush());
      });
    },
    async resumeUnfinished() {
      const { rows } = await pool.query<InboxRow>(
        `SELECT "id", "payloadJson", "sentJson", "attempts" FROM "InboxMessage" WHERE "status" = 'pending' ORDER BY "id"`,
      );
      return rows.map(toStored);
    },
    async begin(id) {
      await pool.query(`UPDATE "InboxMessage" SET "attempts" = "attempts" + 1 WHERE "id" = $1`, [id]);
    },
    async recordSent(id, sent) {
      await pool.query(`UPDATE "InboxMessage" SET "sentJson" = $1 WHERE "id" = $2`, [JSON.stringify(sent), id]);
    },
    async finish(id, at, error, sent) {
      await pool.query(
        `UPDATE "InboxMessage" SET "status" = 'done', "handledAt" = $1::timestamp(3), "lastError" = $2, "sentJson" = COALESCE($3, "sentJson") WHERE "id" = $4`,
        [pgDate(at), error ? truncate(error, 500) : null, sent ? JSON.stringify(sent) : null, id],
      );
    },
    async prune(before) {
      const { rowCount } = await pool.query(
        `DELETE FROM "InboxMessage" WHERE "status" = 'done' AND "receivedAt" < $1::timestamp(3)`,
        [pgDate(before)],
      );
      return rowCount ?? 0;
    },
  };
}
