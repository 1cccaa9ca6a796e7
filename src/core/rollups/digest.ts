/**
 * The digest: which task occurrences matter to leaders now. A task matters when its next deadline
 * is within 7 working days; a period past its deadline matters until every unit reported or the
 * period is closed (/dongky, or its plan ended), and once more right after it closed (who never
 * reported). Everything else is at most one "sắp tới" line.
 */

import { localDateOf } from "../calendar/time.js";
import type { WorkingCalendar } from "../calendar/working-calendar.js";
import type { OccurrenceRecord, TaskRecord } from "../ports.js";

/** Working days ahead in which a deadline makes a task "due soon" (a window, not a day count shown). */
export const DIGEST_HORIZON_WORKING_DAYS = 7;

/** A period closed longer ago than this is no news: it leaves the digest without its closing line. */
export const CLOSED_NEWS_MS = 31 * 86_400_000;

/** Why an occurrence is in the digest. */
export type DigestStage = "due_soon" | "past_due" | "closed";

type DigestOccurrence = Pick<OccurrenceRecord, "id" | "dueAt"> & Partial<Pick<OccurrenceRecord, "closedAt">>;

/** One task with its occurrences, as the selection needs it. */
export interface DigestTaskInput<T extends Pick<TaskRecord, "id" | "schedule">, O extends DigestOccurrence> {
  task: T;
  occurrences: readonly O[];
}

/** The selection: occurrences to roll up now, and the next deadline of every other task. */
export interface DigestSelection<T, O> {
  current: { task: T; occurrence: O; stage: DigestStage }[];
  upcoming: { task: T; occurrence: O }[];
}

/**
 * Picks what the digest covers at `now` (see the module comment):
 * - `past_due`: every period whose deadline has passed and that is not closed, however old (the
 *   caller drops those where every unit reported);
 * - `closed`: a period closed at or before `now`, within {@link CLOSED_NEWS_MS}, whose deadline had
 *   passed (the caller drops it once the group was told, or when nobody was missing);
 * - `due_soon`: the next open deadline within 7 working days;
 * - `upcoming`: the next open deadline of the other tasks, soonest first.
 * @example
 * const { current, upcoming } = selectDigest(tasks, { now, calendar, tz: "Asia/Ho_Chi_Minh" });
 */
export function selectDigest<T extends Pick<TaskRecord, "id" | "schedule">, O extends DigestOccurrence>(
  tasks: readonly DigestTaskInput<T, O>[],
  options: { now: Date; calendar: WorkingCalendar; tz: string; horizon?: number },
): DigestSelection<T, O> {
  const { now, calendar, tz } = options;
  const nowMs = now.getTime();
  const today = localDateOf(now, tz);
  const horizonEnd = calendar.addWorkingDays(today, options.horizon ?? DIGEST_HORIZON_WORKING_DAYS);
  const current: DigestSelection<T, O>["current"] = [];
  const upcoming: DigestSelection<T, O>["upcoming"] = [];
  const closedBy = (o: O): boolean => !!o.closedAt && o.closedAt.getTime() <= nowMs;
  for (const { task, occurrences } of tasks) {
    const sorted = [...occurrences].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    for (const o of sorted) {
      if (o.dueAt.getTime() > nowMs) continue;
      if (!closedBy(o)) current.push({ task, occurrence: o, stage: "past_due" });
      else if (nowMs - o.closedAt!.getTime() <= CLOSED_NEWS_MS && o.dueAt.getTime() <= o.closedAt!.getTime())
        current.push({ task, occurrence: o, stage: "closed" });
    }
    const next = sorted.find((o) => o.dueAt.getTime() > nowMs && !closedBy(o));
    if (!next) continue;
    if (localDateOf(next.dueAt, tz) <= horizonEnd) current.push({ task, occurrence: next, stage: "due_soon" });
    else upcoming.push({ task, occurrence: next });
  }
  const byDue = (a: { occurrence: O }, b: { occurrence: O }) =>
    a.occurrence.dueAt.getTime() - b.occurrence.dueAt.getTime();
  return { current: current.sort(byDue), upcoming: upcoming.sort(byDue) };
}
