import { hostname } from "node:os";
import type { Db } from "./database.js";

/**
 * Writes the running instance's lease row (id 1): a real write, so it fails while the disk is
 * full or the database read-only — the storage probe of /readyz.
 * @example await writeHeartbeat(db, startedAt, new Date());
 */
export async function writeHeartbeat(db: Db, startedAt: Date, at: Date): Promise<void> {
  const data = { pid: process.pid, host: hostname(), startedAt, beatAt: at };
  await db.instanceLease.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
}

/** The due time of the oldest outbox row that is due and still pending (not being sent), if any. */
export async function oldestDuePending(db: Db, now: Date): Promise<Date | null> {
  const row = await db.outboxMessage.findFirst({ where: { status: "pending", nextAttemptAt: { lte: now } }, orderBy: { nextAttemptAt: "asc" }, select: { nextAttemptAt: true } });
  return row?.nextAttemptAt ?? null;
}
