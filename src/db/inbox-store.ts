import type Database from "better-sqlite3";
import type { Incoming } from "../core/types.js";
import type { InboxStore, StoredMessage } from "../inbox/inbox-store.js";
import { truncate } from "../core/text-limits.js";
import { connectionOf, type Db } from "./database.js";

type Row = { id: number; payloadJson: string; sentJson: string; attempts: number };

function toStored(row: Row): StoredMessage {
  const incoming = JSON.parse(row.payloadJson) as Incoming;
  incoming.date = new Date(incoming.date);
  return { id: row.id, incoming, sent: JSON.parse(row.sentJson), attempts: row.attempts };
}

/** Dates as Prisma's adapter stores them, so Prisma reads these rows alike. */
const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");

/**
 * The durable inbox's table (InboxMessage), unique by channel + chat + message id. Every message
 * passes here three times (stored, reply recorded, done): prepared statements on Prisma's own
 * connection, one statement each.
 * @example const store = createInboxStore(db); await store.add(incoming, new Date());
 */
export function createInboxStore(db: Db): InboxStore {
  const connection = connectionOf(db);
  const prepared = new Map<string, Database.Statement>();
  const run = <T>(sql: string, use: (s: Database.Statement) => T) =>
    connection.exclusive(() => {
      let s = prepared.get(sql);
      if (!s) prepared.set(sql, (s = connection.sqlite.prepare(sql).safeIntegers(false)));
      connection.count(sql);
      return use(s);
    });
  return {
    add(incoming, at) {
      // run(), not a RETURNING row read: a statement left unfinished by a full disk would keep its
      // implicit transaction open, and nothing written after it would ever commit.
      return run(
        `INSERT INTO "InboxMessage" ("channel", "chatId", "messageId", "payloadJson", "receivedAt") VALUES (?, ?, ?, ?, ?)
         ON CONFLICT ("channel", "chatId", "messageId") DO NOTHING`,
        (s) => {
          const { changes, lastInsertRowid } = s.run(incoming.channel, incoming.chatId, incoming.messageId, JSON.stringify(incoming), iso(at));
          return changes ? { id: Number(lastInsertRowid), incoming, sent: [], attempts: 0 } : null;
        },
      );
    },
    async resumeUnfinished() {
      const [, rows] = await db.$transaction([
        db.inboxMessage.updateMany({ where: { status: "pending" }, data: { attempts: { increment: 1 } } }),
        db.inboxMessage.findMany({ where: { status: "pending" }, orderBy: { id: "asc" } }),
      ]);
      return rows.map(toStored);
    },
    async recordSent(id, sent) {
      await run(`UPDATE "InboxMessage" SET "sentJson" = ? WHERE "id" = ?`, (s) => s.run(JSON.stringify(sent), id));
    },
    async finish(id, at, error) {
      await run(`UPDATE "InboxMessage" SET "status" = 'done', "handledAt" = ?, "lastError" = ? WHERE "id" = ?`, (s) => s.run(iso(at), error ? truncate(error, 500) : null, id));
    },
    async prune(before) {
      return (await db.inboxMessage.deleteMany({ where: { status: "done", receivedAt: { lt: before } } })).count;
    },
  };
}
