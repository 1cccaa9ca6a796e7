import type { Job } from "node-schedule";
import type { Logger } from "../core/ports.js";
import { createBackup } from "../storage/backup.js";
import { loadNodeSchedule } from "./node-schedule.js";

/** Local time of the daily backup: the quietest hour of an office's day. */
const BACKUP_CRON = "30 2 * * *";

/**
 * The daily backup inside the bot (when BACKUP_DIR is set): the same online backup as
 * `npm run backup`, so the bot keeps running while it is taken. A failure is logged, never fatal.
 * @example const job = createBackupJob({ databaseFile, dataDir, outDir: "/backup", keep: 14, timezone, logger }); await job.start();
 */
export function createBackupJob(options: {
  databaseFile: string;
  dataDir: string;
  outDir: string;
  keep: number;
  timezone: string;
  logger: Logger;
}) {
  let job: Job | null = null;
  let running: Promise<unknown> | undefined;
  const backupJob = {
    /** Takes one backup now (what the timer runs). */
    async run(): Promise<void> {
      const { outDir, keep, logger } = options;
      running = createBackup({ databaseFile: options.databaseFile, dataDir: options.dataDir, outDir, keep })
        .then((r) =>
          logger.info(
            { snapshot: r.snapshotDir, filesCopied: r.filesCopied, removed: r.removed.length },
            "backup done",
          ),
        )
        .catch((error) => logger.error({ err: error, outDir }, "backup failed"));
      await running;
    },
    async start(): Promise<void> {
      const schedule = await loadNodeSchedule();
      job = schedule.scheduleJob({ rule: BACKUP_CRON, tz: options.timezone }, () => void backupJob.run());
    },
    /** Cancels the timer and waits for a backup in progress. */
    async stop(): Promise<void> {
      job?.cancel();
      await running;
    },
  };
  return backupJob;
}
