import type { Job } from "node-schedule";
import type { Logger } from "../core/ports.js";
import { loadNodeSchedule } from "./node-schedule.js";
import type { OutboxDispatcher } from "./outbox-dispatcher.js";

/** Something that queues due messages (reminders, rollups) and knows when it is due next. */
export interface Planner {
  name: string;
  enqueueDue(): Promise<unknown>;
  nextAt(): Promise<Date | null>;
}

export interface SchedulerOptions {
  planners: Planner[];
  dispatcher: OutboxDispatcher;
  logger: Logger;
  timezone: string;
  /** Creates missing periods and assignments: at start, daily at 00:05 and after every change. */
  sync?: () => Promise<unknown>;
}

// A safety net: even if a timer is lost (clock jump, suspend), due work is found within minutes.
const SAFETY_CRON = "*/5 * * * *";

/**
 * Timers from the database: one node-schedule job at the next planned instant, rebuilt after every
 * run and on every configuration change; plus a daily job and a five-minute safety job.
 * @example const s = createScheduler({ planners, dispatcher, logger, timezone }); await s.start();
 */
export function createScheduler(options: SchedulerOptions) {
  const { logger } = options;
  let nextJob: Job | null = null;
  const fixedJobs: Job[] = [];
  let ticking: Promise<void> | undefined;
  let stopped = false;

  async function runTick(): Promise<void> {
    for (const planner of options.planners) {
      try {
        const result = await planner.enqueueDue();
        logger.debug({ planner: planner.name, result }, "planner ran");
      } catch (error) {
        logger.error({ err: error, planner: planner.name }, "planner failed");
      }
    }
    await options.dispatcher.drain();
  }

  const scheduler = {
    /** Queues whatever is due now, sends it, and sets the next timer. */
    async tick(): Promise<void> {
      if (ticking) return ticking;
      ticking = runTick().finally(() => (ticking = undefined));
      await ticking;
      await scheduler.rebuild();
    },
    /** Recomputes the next planned instant and sets the timer for it. */
    async rebuild(): Promise<Date | null> {
      if (stopped) return null;
      let next: Date | null = null;
      for (const planner of options.planners) {
        try {
          const at = await planner.nextAt();
          if (at && (!next || at < next)) next = at;
        } catch (error) {
          logger.error({ err: error, planner: planner.name }, "planner nextAt failed");
        }
      }
      const schedule = await loadNodeSchedule();
      nextJob?.cancel();
      nextJob = next && !stopped ? schedule.scheduleJob(next, () => void scheduler.tick()) : null;
      return next;
    },
    async start(): Promise<void> {
      await options.dispatcher.recover();
      const schedule = await loadNodeSchedule();
      fixedJobs.push(schedule.scheduleJob({ rule: SAFETY_CRON, tz: options.timezone }, () => void scheduler.tick()));
      fixedJobs.push(schedule.scheduleJob({ rule: "5 0 * * *", tz: options.timezone }, () => scheduler.changed()));
      await options.sync?.();
      // Catch-up sends may take minutes at Telegram's rate: start returns while they go out.
      void scheduler.tick().catch((error) => logger.error({ err: error }, "first tick failed"));
    },
    /** Call after a change that moves deadlines or reminders; cheap and safe to call often. */
    changed(): void {
      if (stopped) return;
      void (async () => {
        await options.sync?.();
        await scheduler.tick();
      })().catch((error) => logger.error({ err: error }, "sync or tick failed"));
    },
    /** Cancels the timers; sends in flight get up to `deadlineMs`, then go back to pending. */
    async stop(deadlineMs?: number): Promise<void> {
      stopped = true;
      nextJob?.cancel();
      for (const job of fixedJobs) job.cancel();
      // The dispatcher stops at once (a tick waiting on it ends), then the tick is awaited.
      await options.dispatcher.stop(deadlineMs);
      await ticking?.catch(() => undefined);
    },
  };
  return scheduler;
}

export type Scheduler = ReturnType<typeof createScheduler>;
