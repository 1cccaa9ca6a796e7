import type Database from "better-sqlite3";
import { truncate } from "../core/text-limits.js";
import type { Incoming } from "../core/types.js";
import type { InboxStore, StoredMessage } from "../inbox/inbox-store.js";
import { connectionOf, type Db, sqliteDate as iso } from "./database.js";

type Row = { id: number; payloadJson: string; sentJson: string; attempts: number };

function toStored(row: Row): StoredMessage {
  const incoming = JSON.parse(row.payloadJson) as Incoming;
  incoming.date = new Date(incoming.date);
  return { id: row.id, incoming, sent: JSON.parse(row.sentJson), attempts: row.attempts };
}

/**
 * The durable inbox's table (InboxMessage), unique by channel + chat + message id. A message
 * passes here three or four times (stored; begun; reply recorded, unless "done" records it; done): prepared
 * statements on Prisma's own connection, one statement each (the stores grouped per batch, see `flush`).
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
                  incoming.messageId,
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
        (s) => s.all() as Row[],
      );
      return rows.map(toStored);
    },
    async begin(id) {
      await run(`UPDATE "InboxMessage" SET "attempts" = "attempts" + 1 WHERE "id" = ?`, (s) => s.run(id));
    },
    async recordSent(id, sent) {
      await run(`UPDATE "InboxMessage" SET "sentJson" = ? WHERE "id" = ?`, (s) => s.run(JSON.stringify(sent), id));
    },
    async finish(id, at, error, sent) {
      await run(
        `UPDATE "InboxMessage" SET "status" = 'done', "handledAt" = ?, "lastError" = ?, "sentJson" = COALESCE(?, "sentJson") WHERE "id" = ?`,
        (s) => s.run(iso(at), error ? truncate(error, 500) : null, sent ? JSON.stringify(sent) : null, id),
      );
    },
    async prune(before) {
      return run(
        `DELETE FROM "InboxMessage" WHERE "status" = 'done' AND "receivedAt" < ?`,
        (s) => s.run(iso(before)).changes,
      );
    },
  };
}
