import type NodeSchedule from "node-schedule";

let loading: Promise<typeof NodeSchedule> | undefined;

/**
 * node-schedule (with cron-parser and luxon, ~50 ms to load), loaded when the first timer is set:
 * the scheduler starts after the channels, so this is not in the way of the first poll.
 * @example const schedule = await loadNodeSchedule(); schedule.scheduleJob(at, run);
 */
export const loadNodeSchedule = (): Promise<typeof NodeSchedule> =>
  (loading ??= import("node-schedule").then((m) => m.default));
