import type Database from "better-sqlite3";
import { messageKey } from "../core/ports.js";
import { truncate } from "../core/text-limits.js";
import type { Incoming } from "../core/types.js";
import {
  type InboxRow,
  type InboxStore,
  type StoredMessage,
  storedMessageOf as toStored,
} from "../inbox/inbox-store.js";
import { connectionOf, type Db, sqliteDate as iso } from "./database.js";

/**
 * The durable inbox's table (InboxMessage), unique by channel + chat + message id. A message
 * passes here three or four times (stored; begun; reply recorded, unless "done" records it; done): prepared
 * statements on Prisma's own connection, one statement each (the stores grouped per batch, see `flush`;
 * the updates grouped per turn of the event loop, see `update`).
 * @example const store = createInboxStore(db); await store.add(incoming, new Date());
 */
export function createInboxStore(db: Db): InboxStore {
  const connection = connectionOf(db);
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) prepared.set(sql, (s = connection.sqlite.prepare(sql).safeIntegers(false)));
    return s;
  };
  /** One counted, timed statement; the caller holds the connection. */
  const run0 = <T>(sql: string, use: (s: Database.Statement) => T): T => {
    const s = statement(sql);
    connection.count(sql);
    return connection.timed(() => use(s));
  };
  const run = <T>(sql: string, use: (s: Database.Statement) => T) => connection.exclusive(() => run0(sql, use));
  const insertSql = `INSERT INTO "InboxMessage" ("channel", "chatId", "messageId", "payloadJson", "receivedAt") VALUES (?, ?, ?, ?, ?)
     ON CONFLICT ("channel", "chatId", "messageId") DO NOTHING`;
  type Waiting = {
    incoming: Incoming;
    at: Date;
    resolve(row: StoredMessage | null): void;
    reject(error: unknown): void;
  };
  let waiting: Waiting[] = [];
  type Write = { sql: string; params: unknown[]; resolve(): void; reject(error: unknown): void };
  let writes: Write[] = [];

  /**
   * The updates of a message's handling (begun, replies, done) queued in the same turn of the
   * event loop, a few chats' at a time, are committed together: one commit instead of one each
   * (a commit costs more CPU than such an update). Each resolves once committed, so a message is
   * still counted as begun before its handling starts.
   */
  function update(sql: string, params: unknown[]): Promise<void> {
    return new Promise((resolve, reject) => {
      writes.push({ sql, params, resolve, reject });
      if (writes.length === 1) setImmediate(() => void flushWrites());
    });
  }

  async function flushWrites(): Promise<void> {
    const batch = writes;
    writes = [];
    try {
      await connection.exclusive((sqlite) => {
        if (batch.length === 1) return void run0(batch[0].sql, (s) => s.run(...batch[0].params));
        connection.timed(() =>
          sqlite.transaction(() => {
            for (const w of batch) {
              connection.count(w.sql);
              statement(w.sql).run(...w.params);
            }
          })(),
        );
      });
      for (const w of batch) w.resolve();
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      // One failed update must not fail the others: each is tried alone.
      for (const w of batch) await run(w.sql, (s) => s.run(...w.params)).then(w.resolve, w.reject);
    }
  }

  /**
   * Group commit: the messages added meanwhile (a getUpdates batch is accepted all at once) are
   * written in one transaction, the only commit that waits for the disk (synchronous FULL; the rest
   * of the database commits at NORMAL, see openDatabase): the platform is told "received" once
   * `add` resolves, so what it acknowledged survives a power cut, at one disk sync per batch.
   */
  async function flush(): Promise<void> {
    const batch = waiting;
    waiting = [];
    try {
      const rows = await connection.exclusive((sqlite) => {
        const insert = statement(insertSql);
        sqlite.pragma("synchronous = FULL");
        try {
          // Timed with its COMMIT: the disk sync is the cost of the receipt.
          return connection.timed(() =>
            sqlite.transaction(() =>
              batch.map(({ incoming, at }) => {
                connection.count(insertSql);
                const { changes, lastInsertRowid } = insert.run(
                  incoming.channel,
                  incoming.chatId,
                  messageKey(incoming),
                  JSON.stringify(incoming),
                  iso(at),
                );
                return changes ? { id: Number(lastInsertRowid), incoming, sent: [], attempts: 0 } : null;
              }),
            )(),
          );
        } finally {
          sqlite.pragma("synchronous = NORMAL");
        }
      });
      batch.forEach((w, i) => w.resolve(rows[i]));
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
    // At start, before the first poll: prepared statements, so Prisma's first query is not in its way.
    async resumeUnfinished() {
      const rows = await run(
        `SELECT "id", "payloadJson", "sentJson", "attempts" FROM "InboxMessage" WHERE "status" = 'pending' ORDER BY "id"`,
        (s) => s.all() as InboxRow[],
      );
      return rows.map(toStored);
    },
    begin: (id) => update(`UPDATE "InboxMessage" SET "attempts" = "attempts" + 1 WHERE "id" = ?`, [id]),
    recordSent: (id, sent) =>
      update(`UPDATE "InboxMessage" SET "sentJson" = ? WHERE "id" = ?`, [JSON.stringify(sent), id]),
    finish: (id, at, error, sent) =>
      update(
        `UPDATE "InboxMessage" SET "status" = 'done', "handledAt" = ?, "lastError" = ?, "sentJson" = COALESCE(?, "sentJson") WHERE "id" = ?`,
        [iso(at), error ? truncate(error, 500) : null, sent ? JSON.stringify(sent) : null, id],
      ),
    async prune(before) {
      return run(
        `DELETE FROM "InboxMessage" WHERE "status" = 'done' AND "receivedAt" < ?`,
        (s) => s.run(iso(before)).changes,
      );
    },
  };
}
