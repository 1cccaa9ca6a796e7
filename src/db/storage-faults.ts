/**
 * Storage faults: the disk is full, read-only or failing, or the database is locked for too long.
 * They pass when an operator frees space, so work hit by one is kept and tried again, never dropped.
 */
const SQLITE_FAULT = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|LOCKED|NOMEM|PROTOCOL)/;
const FS_FAULT = new Set(["ENOSPC", "EIO", "EROFS", "EDQUOT", "EMFILE", "ENFILE"]);
/** Prisma: transaction timed out / already closed (a symptom of a stalled writer). */
const PRISMA_FAULT = new Set(["P1008", "P2028"]);

/**
 * True for an error (or any error in its `cause` chain) that says storage is failing rather than
 * that the request was wrong.
 * @example isStorageFault(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" })) // → true
 */
export function isStorageFault(error: unknown): boolean {
  for (
    let e = error, depth = 0;
    e && typeof e === "object" && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (SQLITE_FAULT.test(code) || FS_FAULT.has(code) || PRISMA_FAULT.has(code)))
      return true;
    const message = (e as { message?: unknown }).message;
    if (
      typeof message === "string" &&
      /database or disk is full|disk I\/O error|attempt to write a readonly database|Transaction already closed/i.test(
        message,
      )
    )
      return true;
  }
  return false;
}
