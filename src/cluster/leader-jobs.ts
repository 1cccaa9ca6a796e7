import type { Logger } from "../core/ports.js";

/** One piece of leader-only work: started when this instance gains the lease, stopped when it loses it. */
export interface LeaderStage {
  name: string;
  start(): Promise<void>;
  /** Stops within `deadlineMs` (what is unfinished is safe in the database). */
  stop(deadlineMs: number): Promise<void>;
}

/**
 * Runs the leader-only stages in order when leading and stops the started ones in reverse order
 * when not. A stage that fails to start is logged and skipped, so one broken job (a backup folder
 * gone) does not keep the reminders from going out.
 * @example const jobs = createLeaderJobs([outbox, scheduler, backups], logger); lease.onChange((r) => r === "leader" ? jobs.start() : jobs.stop(5_000));
 */
export function createLeaderJobs(stages: LeaderStage[], logger: Logger) {
  const started: LeaderStage[] = [];
  return {
    /** Names of the stages running now. */
    running: () => started.map((s) => s.name),
    async start(): Promise<void> {
      for (const stage of stages) {
        if (started.includes(stage)) continue;
        try {
          await stage.start();
          started.push(stage);
        } catch (error) {
          logger.error({ err: error, stage: stage.name }, "cluster: leader job did not start");
        }
      }
    },
    async stop(deadlineMs: number): Promise<void> {
      const deadline = Date.now() + deadlineMs;
      while (started.length) {
        const stage = started.pop()!;
        try {
          await stage.stop(Math.max(0, deadline - Date.now()));
        } catch (error) {
          logger.error({ err: error, stage: stage.name }, "cluster: leader job did not stop cleanly");
        }
      }
    },
  };
}

export type LeaderJobs = ReturnType<typeof createLeaderJobs>;
