import type { Incoming } from "../core/types.js";
import type { InboxStore, StoredMessage } from "../inbox/inbox-store.js";
import { truncate } from "../core/text-limits.js";
import type { Db } from "./database.js";

type Row = { id: number; payloadJson: string; sentJson: string; attempts: number };

function toStored(row: Row): StoredMessage {
  const incoming = JSON.parse(row.payloadJson) as Incoming;
  incoming.date = new Date(incoming.date);
  return { id: row.id, incoming, sent: JSON.parse(row.sentJson), attempts: row.attempts };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/**
 * The durable inbox's table (InboxMessage), unique by channel + chat + message id.
 * @example const store = createInboxStore(db); await store.add(incoming, new Date());
 */
export function createInboxStore(db: Db): InboxStore {
  return {
    async add(incoming, at) {
      try {
        const row = await db.inboxMessage.create({
          data: { channel: incoming.channel, chatId: incoming.chatId, messageId: incoming.messageId, payloadJson: JSON.stringify(incoming), receivedAt: at },
        });
        return toStored(row);
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },
    async resumeUnfinished() {
      const [, rows] = await db.$transaction([
        db.inboxMessage.updateMany({ where: { status: "pending" }, data: { attempts: { increment: 1 } } }),
        db.inboxMessage.findMany({ where: { status: "pending" }, orderBy: { id: "asc" } }),
      ]);
      return rows.map(toStored);
    },
    async recordSent(id, sent) {
      await db.inboxMessage.update({ where: { id }, data: { sentJson: JSON.stringify(sent) } });
    },
    async finish(id, at, error) {
      await db.inboxMessage.update({ where: { id }, data: { status: "done", handledAt: at, lastError: error ? truncate(error, 500) : null } });
    },
    async prune(before) {
      return (await db.inboxMessage.deleteMany({ where: { status: "done", receivedAt: { lt: before } } })).count;
    },
  };
}
