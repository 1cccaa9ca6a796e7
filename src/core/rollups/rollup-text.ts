import type { TaskRollup, UnitRollupRow, UnitStatus } from "./rollup-types.js";
import { formatDateTime, formatDeadline } from "../format.js";
import { formatDmy, localDateOf } from "../calendar/time.js";
import type { WorkingCalendar } from "../calendar/working-calendar.js";
import type { Translate } from "../types.js";

/**
 * "dd/mm/yyyy" of an instant in `tz`.
 * @example formatLocalDate(new Date("2021-03-15T16:59:00Z"), "Asia/Ho_Chi_Minh") // "15/03/2021"
 */
export function formatLocalDate(date: Date, tz: string): string {
  return formatDmy(localDateOf(date, tz));
}

/**
 * "YYYY-MM-DD" (a plan or reference date) as "dd/mm/yyyy"; anything else is returned unchanged.
 * @example formatIsoDate("2021-01-29") // "29/01/2021"
 */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Units expected to report: everyone except the excused. */
export function expectedCount(task: TaskRollup): number {
  return task.counts.total - task.counts.excused;
}

/** What a rollup block says about time: days left, due today, or days past the deadline. */
function dueLine(task: TaskRollup, t: Translate, tz: string, calendar: WorkingCalendar | undefined): string {
  const deadline = formatDeadline(task.dueAt, tz, t);
  const today = localDateOf(task.asOf, tz);
  const dueDate = localDateOf(task.dueAt, tz);
  if (!calendar) return t("rollup:due", { deadline });
  if (today === dueDate) return t("rollup:due_today", { deadline });
  if (task.asOf.getTime() < task.dueAt.getTime()) return t("rollup:due_ahead", { deadline, count: calendar.workingDaysBetween(today, dueDate) });
  return t("rollup:due_passed", { deadline, count: Math.max(1, calendar.workingDaysBetween(dueDate, today)) });
}

/** Statuses in the order leaders read them; "unreachable" last since it is shown apart. */
const STATUS_ORDER: UnitStatus[] = ["on_time", "late", "missing", "not_due", "excused", "unreachable"];

/** Rows of one status, by group in the rollup's group order. */
function byGroup(task: TaskRollup, rows: UnitRollupRow[]): { group: string; rows: UnitRollupRow[] }[] {
  return task.groups.map((group) => ({ group, rows: rows.filter((r) => r.group === group) })).filter((g) => g.rows.length > 0);
}

function groupedNames(task: TaskRollup, rows: UnitRollupRow[], t: Translate, name: (row: UnitRollupRow) => string): string[] {
  const groups = byGroup(task, rows);
  // One group needs no group label.
  if (groups.length === 1 && task.groups.length === 1) return [t("rollup:names", { names: groups[0]!.rows.map(name).join(t("rollup:list_separator")) })];
  return groups.map((g) => t("rollup:group_names", { group: g.group, names: g.rows.map(name).join(t("rollup:list_separator")) }));
}

/**
 * The missing units (after the deadline, reminded N times) and the units nobody could remind
 * (shown apart, with what to do), grouped by the plan's unit groups. Shared by the digest, the
 * after-deadline post and the escalation.
 */
export function renderMissingAndUnreachable(task: TaskRollup, t: Translate): string[] {
  const lines: string[] = [];
  const missing = task.rows.filter((r) => r.status === "missing");
  if (missing.length > 0) {
    lines.push(t("rollup:missing_header", { count: missing.length }));
    lines.push(...groupedNames(task, missing, t, (r) => t("rollup:reminded_name", { name: r.unitName, count: r.reminded })));
  }
  const unreachable = task.rows.filter((r) => r.status === "unreachable");
  if (unreachable.length > 0) {
    lines.push(t("rollup:unreachable_header", { count: unreachable.length }));
    lines.push(
      ...groupedNames(task, unreachable, t, (r) => (r.unreachableReason === "not_reminded" ? t("rollup:unreachable_bound_late", { name: r.unitName }) : r.unitName)),
    );
    // One /moi per tag covers every unit without a chat ("/moi xa, /moi phong-ban").
    const tags = [...new Set(unreachable.filter((r) => r.unreachableReason !== "not_reminded").map((r) => r.tags[0] ?? r.unitCode))];
    const commands = tags.slice(0, 5).map((tag) => `/moi ${tag}`).join(t("rollup:list_separator"));
    lines.push(tags.length > 0 ? t("rollup:unreachable_todo", { commands }) : t("rollup:unreachable_todo_bound"));
  }
  return lines;
}

/** "đúng hạn 3, muộn 1, chưa đến hạn 20" for the given rows, non-zero states only. */
function stateParts(rows: UnitRollupRow[], t: Translate): string {
  return STATUS_ORDER.map((status) => ({ status, count: rows.filter((r) => r.status === status).length }))
    .filter((p) => p.count > 0)
    .map((p) => t("rollup:part", { label: t(`rollup:state.${p.status}`), count: p.count }))
    .join(t("rollup:list_separator"));
}

/**
 * The block for one task occurrence: title and period, deadline with working days left or past,
 * reported X/Y, one line per unit group with its states, the missing and late units by name, the
 * units without anyone to remind (apart, with what to do), indicator totals "from X/Y units",
 * photo count. Before the deadline nobody is "chưa báo cáo": they are "chưa đến hạn".
 * @example renderTaskBlock(rollup, t, "Asia/Ho_Chi_Minh", calendar).join("\n")
 */
export function renderTaskBlock(task: TaskRollup, t: Translate, tz: string, calendar?: WorkingCalendar): string[] {
  const num = new Intl.NumberFormat(t("rollup:number_locale"));
  const c = task.counts;
  const submitted = c.onTime + c.late;
  const lines: string[] = [
    task.periodLabel ? t("rollup:task_title", { title: task.title, period: task.periodLabel }) : t("rollup:task_title_no_period", { title: task.title }),
    dueLine(task, t, tz, calendar),
    t("rollup:reported", { submitted, expected: expectedCount(task), onTime: c.onTime, late: c.late }),
  ];
  for (const { group, rows } of byGroup(task, task.rows)) {
    const expected = rows.filter((r) => r.status !== "excused").length;
    const done = rows.filter((r) => r.status === "on_time" || r.status === "late").length;
    lines.push(t("rollup:group_line", { group, submitted: done, expected, parts: stateParts(rows, t) }));
  }
  lines.push(...renderMissingAndUnreachable(task, t));
  const late = task.rows.filter((r) => r.status === "late");
  if (late.length > 0) lines.push(t("rollup:late_header", { count: late.length, names: late.map((r) => r.unitName).join(t("rollup:list_separator")) }));
  const excused = task.rows.filter((r) => r.status === "excused");
  if (excused.length > 0) lines.push(t("rollup:excused_line", { names: excused.map((r) => r.unitName).join(t("rollup:list_separator")) }));
  if (task.indicators.length > 0 && submitted > 0) {
    const list = task.indicators
      .filter((ind) => (task.totals[ind.code] ?? 0) !== 0)
      .map((ind) => t("rollup:total_item", { label: ind.label, value: num.format(task.totals[ind.code] ?? 0), measure: ind.measure ?? "" }).trim());
    if (list.length > 0) lines.push(t("rollup:totals", { submitted, expected: expectedCount(task), list: list.join(t("rollup:total_separator")) }));
  }
  if (task.photoCount > 0) lines.push(t("rollup:photos", { count: num.format(task.photoCount) }));
  return lines;
}

/** A task not in the digest, for its one "sắp tới" line. */
export interface UpcomingItem {
  title: string;
  periodLabel: string;
  dueAt: Date;
}

/**
 * The digest: one message for all tasks that matter now (see selectDigest), each as a
 * {@link renderTaskBlock}, then one "sắp tới" line for the rest.
 * @example renderDigest({ tasks, upcoming, asOf: now, planNumber: "20/KH-UBND" }, t, tz, calendar)
 */
export function renderDigest(
  input: { tasks: TaskRollup[]; upcoming: UpcomingItem[]; asOf: Date; planNumber?: string },
  t: Translate,
  tz: string,
  calendar?: WorkingCalendar,
): string {
  const time = formatDateTime(input.asOf, tz);
  const lines = [
    t("rollup:digest_title"),
    input.planNumber ? t("rollup:digest_subtitle_plan", { number: input.planNumber, time }) : t("rollup:digest_subtitle", { time }),
  ];
  for (const task of input.tasks) lines.push("", ...renderTaskBlock(task, t, tz, calendar));
  if (input.tasks.length === 0) lines.push("", t("rollup:digest_nothing_now"));
  if (input.upcoming.length > 0) {
    const items = input.upcoming.map((u) =>
      t("rollup:upcoming_item", { title: u.periodLabel ? `${u.title} (${u.periodLabel})` : u.title, date: formatLocalDate(u.dueAt, tz) }),
    );
    lines.push("", t("rollup:upcoming", { list: items.join(t("rollup:upcoming_separator")) }));
  }
  return lines.join("\n");
}

/**
 * The post the first working day after a deadline: that task alone.
 * @example renderAfterDeadline(rollup, t, tz, calendar)
 */
export function renderAfterDeadline(task: TaskRollup, t: Translate, tz: string, calendar?: WorkingCalendar): string {
  return [t("rollup:after_deadline_title", { time: formatDateTime(task.asOf, tz) }), "", ...renderTaskBlock(task, t, tz, calendar)].join("\n");
}

/**
 * Splits a message into parts of at most `limit` UTF-16 code units: between lines when possible
 * (the newline at a split is dropped), else after a space, else anywhere (never inside a surrogate
 * pair). Nothing else is lost; empty parts are not returned.
 * @example splitMessage("dòng 1\ndòng 2", 7) // ["dòng 1", "dòng 2"]
 */
export function splitMessage(text: string, limit: number): string[] {
  if (!Number.isInteger(limit) || limit < 2) throw new RangeError(`limit must be an integer >= 2, got ${limit}`);
  const parts: string[] = [];
  let current: string | null = null;
  for (const line of text.split("\n")) {
    if (current !== null && current.length + 1 + line.length <= limit) {
      current += `\n${line}`;
      continue;
    }
    if (current !== null) parts.push(current);
    const pieces = splitLongLine(line, limit);
    parts.push(...pieces.slice(0, -1));
    current = pieces[pieces.length - 1] ?? "";
  }
  if (current !== null) parts.push(current);
  return parts.filter((p) => p !== "");
}

function splitLongLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    // Keep the space with the first piece, so the words stay separated when the parts are joined.
    const space = rest.lastIndexOf(" ", limit - 1);
    let cut = space > 0 ? space + 1 : limit;
    if (space <= 0) {
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/**
 * One /tinhhinh line, naming at most `maxNames` units that have not reported after the deadline.
 * @example statusLine(rollup, t, "Asia/Ho_Chi_Minh", 30)
 * // "#2 Báo cáo quý (Quý I/2021, hạn Thứ Hai, 15/03/2021): 12/30 đã báo cáo (10 đúng hạn, 2 muộn). Chưa báo cáo: UBND xã …"
 */
export function statusLine(rollup: TaskRollup, t: Translate, tz: string, maxNames: number): string {
  const c = rollup.counts;
  const vars = {
    id: rollup.taskId,
    title: rollup.title,
    period: rollup.periodLabel ? t("status:period_prefix", { period: rollup.periodLabel }) : "",
    deadline: formatDeadline(rollup.dueAt, tz, t),
    submitted: c.onTime + c.late,
    expected: c.total - c.excused,
    onTime: c.onTime,
    late: c.late,
  };
  const names = (rows: UnitRollupRow[]): string => {
    const shown = rows.slice(0, maxNames).map((r) => r.unitName).join(t("status:name_separator"));
    return rows.length > maxNames ? t("status:more_names", { names: shown, count: rows.length - maxNames }) : shown;
  };
  const parts = [t(c.onTime + c.late === c.total - c.excused ? "status:line_all" : "status:line", vars)];
  const missing = rollup.rows.filter((r) => r.status === "missing");
  if (missing.length > 0) parts.push(t("status:missing_part", { count: missing.length, names: names(missing) }));
  if (c.notDue > 0) parts.push(t("status:not_due_part", { count: c.notDue }));
  const unreachable = rollup.rows.filter((r) => r.status === "unreachable");
  if (unreachable.length > 0) parts.push(t("status:unreachable_part", { count: unreachable.length, names: names(unreachable) }));
  if (c.excused > 0) parts.push(t("status:excused_part", { count: c.excused }));
  return parts.join(" ");
}
