import type { Logger } from "../core/ports.js";

const PROBE_EVERY_MS = 5_000;
const LOG_EVERY_MS = 60_000;

export interface StorageHealthOptions {
  logger: Logger;
  /** A small real write (the lease heartbeat); throws while storage fails. */
  probe(): Promise<void>;
  /** Tells the admins, directly (not through the outbox, which lives in the failing database). */
  alert(error: unknown): Promise<void>;
  probeEveryMs?: number;
}

/**
 * What the process knows about its storage. A fault (disk full, I/O error, read-only) is logged at
 * error level (again once a minute while it lasts), the admins are alerted once per episode, and a
 * probe writes every few seconds until storage works again; then every `onRecover` listener runs
 * (the inbox and the outbox take up their work).
 * @example const storage = createStorageHealth({ logger, probe, alert }); storage.fault(err);
 */
export function createStorageHealth(options: StorageHealthOptions) {
  const { logger } = options;
  const listeners: (() => void)[] = [];
  let faultedSince: number | undefined;
  let lastError = "";
  let lastLog = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function probe(): Promise<void> {
    timer = undefined;
    if (stopped || faultedSince === undefined) return;
    try {
      await options.probe();
    } catch (error) {
      health.fault(error);
      return;
    }
    health.writeWorked();
  }

  const health = {
    /** Reports a storage fault seen anywhere. */
    fault(error: unknown): void {
      if (stopped) return;
      lastError =
        error instanceof Error
          ? `${(error as { code?: string }).code ?? error.name}: ${error.message.split("\n").pop()}`
          : String(error);
      const first = faultedSince === undefined;
      faultedSince ??= Date.now();
      if (first || Date.now() - lastLog >= LOG_EVERY_MS) {
        lastLog = Date.now();
        logger.error(
          { err: error, faultForS: Math.round((Date.now() - faultedSince) / 1000) },
          "storage fault: work is kept and tried again when storage works",
        );
      }
      if (first)
        options
          .alert(error)
          .catch((alertError) => logger.warn({ err: alertError }, "storage fault: admins could not be alerted"));
      if (!timer) {
        timer = setTimeout(() => void probe(), options.probeEveryMs ?? PROBE_EVERY_MS);
        timer.unref();
      }
    },
    /** A write just worked: a fault in progress is over. */
    writeWorked(): void {
      if (faultedSince === undefined) return;
      logger.info({ faultForS: Math.round((Date.now() - faultedSince) / 1000) }, "storage works again");
      faultedSince = undefined;
      clearTimeout(timer);
      timer = undefined;
      for (const listener of listeners) listener();
    },
    /** Null when storage works; otherwise what failed and since when. */
    problem(): { error: string; sinceMs: number } | null {
      return faultedSince === undefined ? null : { error: lastError, sinceMs: Date.now() - faultedSince };
    },
    onRecover(listener: () => void): void {
      listeners.push(listener);
    },
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
  return health;
}

export type StorageHealth = ReturnType<typeof createStorageHealth>;
