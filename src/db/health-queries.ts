import { hostname } from "node:os";
import { connectionOf, type Db, poolOf, sqliteDate } from "./database.js";
import { pgDate } from "./postgres-database.js";

/**
 * Writes the running instance's lease row (id 1): a real write, so it fails while the disk is
 * full or the database read-only — the storage probe of /readyz.
 * @example await writeHeartbeat(db, startedAt, new Date());
 */
export async function writeHeartbeat(db: Db, startedAt: Date, at: Date): Promise<void> {
  // Not through Prisma: it runs every few seconds and before the first poll.
  const pool = poolOf(db);
  if (pool) {
    await pool.query(
      `INSERT INTO "InstanceLease" (id, pid, host, "startedAt", "beatAt") VALUES (1, $1, $2, $3::timestamp(3), $4::timestamp(3))
       ON CONFLICT (id) DO UPDATE SET pid = excluded.pid, host = excluded.host, "startedAt" = excluded."startedAt", "beatAt" = excluded."beatAt"`,
      [process.pid, hostname(), pgDate(startedAt), pgDate(at)],
    );
    return;
  }
  await connectionOf(db).exclusive((sqlite) =>
    sqlite
      .prepare(`INSERT INTO "InstanceLease" (id, pid, host, startedAt, beatAt) VALUES (1, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET pid = excluded.pid, host = excluded.host, startedAt = excluded.startedAt, beatAt = excluded.beatAt`)
      .run(process.pid, hostname(), sqliteDate(startedAt), sqliteDate(at)),
  );
}

/** The due time of the oldest outbox row that is due and still pending (not being sent), if any. */
export async function oldestDuePending(db: Db, now: Date): Promise<Date | null> {
  const row = await db.outboxMessage.findFirst({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    select: { nextAttemptAt: true },
  });
  return row?.nextAttemptAt ?? null;
}
