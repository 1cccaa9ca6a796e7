import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

/** Another running copy of the bot holds the database. */
export class InstanceLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      `another instance holds ${lockFile}${holder ? ` (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt})` : ""}`,
    );
    this.name = "InstanceLockedError";
  }
}

/**
 * One running bot per database: holds SQLite's write lock on a small side file (`<db>.lock`) for
 * the life of the process. The operating system drops the lock when the process dies, even by
 * kill -9, so a restart never waits for a stale lease. A second copy gets {@link InstanceLockedError}
 * naming the holder.
 * @example const lock = acquireInstanceLock("/var/lib/don-doc/don-doc.db"); … lock.release();
 */
export function acquireInstanceLock(databaseFile: string): { release(): void } {
  const lockFile = `${databaseFile}.lock`;
  // The lock comes before the database opens (and creates its folder) on a fresh DATA_DIR.
  mkdirSync(path.dirname(lockFile), { recursive: true });
  const db = new Database(lockFile, { timeout: 0 });
  try {
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, host TEXT NOT NULL, startedAt TEXT NOT NULL)`);
    db.exec("BEGIN IMMEDIATE");
    db.prepare("DELETE FROM holder").run();
    db.prepare("INSERT INTO holder (pid, host, startedAt) VALUES (?, ?, ?)").run(
      process.pid,
      hostname(),
      new Date().toISOString(),
    );
    db.exec("COMMIT");
    // Held until release or death; readers (a refused second copy) still see who holds it (WAL).
    db.exec("BEGIN IMMEDIATE");
  } catch (error) {
    const busy = (error as { code?: string }).code?.startsWith("SQLITE_BUSY");
    let holder: LockHolder | null = null;
    if (busy) {
      try {
        holder =
          (db.prepare("SELECT pid, host, startedAt FROM holder LIMIT 1").get() as LockHolder | undefined) ?? null;
      } catch {
        // The holder is still creating the file: no details.
      }
    }
    db.close();
    if (busy) throw new InstanceLockedError(lockFile, holder);
    throw error;
  }
  return {
    release() {
      if (!db.open) return;
      db.exec("ROLLBACK");
      db.close();
    },
  };
}
