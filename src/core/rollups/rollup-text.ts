import { formatDmy, localDateOf } from "../calendar/time.js";
import type { WorkingCalendar } from "../calendar/working-calendar.js";
import { formatDateTime, formatDeadline } from "../format.js";
import type { Translate } from "../types.js";
import type { TaskRollup, UnitRollupRow, UnitStatus } from "./rollup-types.js";

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
  if (task.asOf.getTime() < task.dueAt.getTime())
    return t("rollup:due_ahead", { deadline, count: calendar.workingDaysBetween(today, dueDate) });
  return t("rollup:due_passed", { deadline, count: Math.max(1, calendar.workingDaysBetween(dueDate, today)) });
}

/** Statuses in the order leaders read them; "unreachable" last since it is shown apart. */
const STATUS_ORDER: UnitStatus[] = ["on_time", "late", "missing", "not_due", "excused", "unreachable"];

/** How much a rollup text says; {@link fitText} picks the most that fits a message. */
export interface RollupDetail {
  /** Units named in each list (not reported, nobody to remind, late, excused); the rest are counted. */
  names: number;
  /** Unit groups with a line of their own (at least 1); the others share one line. */
  groups: number;
}

/**
 * From most to least detail. Every level is bounded whatever the number of units (3,321 communes
 * give the same length as 40), so a task's block has a fixed largest size; the full lists are in
 * the workbook (/xuat).
 */
export const DETAIL_LEVELS: readonly RollupDetail[] = [
  { names: 10, groups: 8 },
  { names: 6, groups: 5 },
  { names: 3, groups: 3 },
  { names: 2, groups: 1 },
];

/** The detail of a text that has no limit to fit (the escalation, a task's block by default). */
export const FULL_DETAIL: RollupDetail = DETAIL_LEVELS[0]!;

/**
 * The first text `render` gives, from most to least detail, that fits in `limit` UTF-16 units; at
 * the least detail, still too long (a very long title, dozens of indicators), its first `limit`
 * units cut at a line, marked with "…".
 * @example fitText((detail) => renderTaskBlock(task, t, tz, calendar, detail).join("\n"), 4096)
 */
export function fitText(render: (detail: RollupDetail) => string, limit: number): string {
  let text = "";
  for (const detail of DETAIL_LEVELS) {
    text = render(detail);
    if (text.length <= limit) return text;
  }
  return cutText(text, limit);
}

function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${splitMessage(text, Math.max(2, limit - 2))[0] ?? ""}\n…`;
}

/**
 * The first `max` items in the order given, then how many were left out ("… và 7 đơn vị khác",
 * as nameList in format.ts writes it): a list in a chat message never grows with the units.
 * @example cappedList(["UBND xã B", "UBND xã A", "UBND xã C"], 2, t, ", ") // "UBND xã B, UBND xã A và 1 đơn vị khác"
 */
export function cappedList(items: readonly string[], max: number, t: Translate, separator: string): string {
  const shown = items.slice(0, max).join(separator);
  return items.length > max ? t("common:more_names", { names: shown, count: items.length - max }) : shown;
}

/** Rows by group in the rollup's group order (one pass: a rollup may have 3,321 rows). */
function byGroup(task: TaskRollup, rows: UnitRollupRow[]): { group: string; rows: UnitRollupRow[] }[] {
  const of = new Map<string, UnitRollupRow[]>();
  for (const row of rows) {
    const list = of.get(row.group);
    if (list) list.push(row);
    else of.set(row.group, [row]);
  }
  return task.groups.flatMap((group) => {
    const list = of.get(group);
    return list ? [{ group, rows: list }] : [];
  });
}

/**
 * Names of `rows` by group: at most `detail.names` in all, shared in turn among the first groups
 * (at most `detail.groups` lines), each line saying how many of its group it leaves out; the
 * groups left without a line are counted on the last.
 */
function groupedNames(
  task: TaskRollup,
  rows: UnitRollupRow[],
  t: Translate,
  name: (row: UnitRollupRow) => string,
  detail: RollupDetail,
): string[] {
  const separator = t("rollup:list_separator");
  // Only the names shown are written: a list of 3,000 units costs as little as one of ten.
  const first = (list: UnitRollupRow[], take: number): string => {
    const names = list.slice(0, take).map(name).join(separator);
    return list.length > take ? t("common:more_names", { names, count: list.length - take }) : names;
  };
  const groups = byGroup(task, rows);
  // One group needs no group label.
  if (groups.length === 1 && task.groups.length === 1) return [t("rollup:names", { names: first(rows, detail.names) })];
  const lines = Math.max(1, Math.min(detail.groups, detail.names));
  const shown = groups.slice(0, groups.length > lines ? lines - 1 : lines);
  // In turn, one name per group, so every group shown has its first units named.
  const take = shown.map(() => 0);
  for (let left = detail.names, given = true; left > 0 && given; ) {
    given = false;
    shown.forEach((g, i) => {
      if (left > 0 && take[i]! < g.rows.length) {
        take[i]!++;
        left--;
        given = true;
      }
    });
  }
  const out = shown.map((g, i) => t("rollup:group_names", { group: g.group, names: first(g.rows, take[i]!) }));
  const rest = groups.slice(shown.length);
  if (rest.length > 0)
    out.push(
      t("rollup:other_groups_names", { groups: rest.length, count: rest.reduce((n, g) => n + g.rows.length, 0) }),
    );
  return out;
}

/**
 * The missing units (after the deadline, reminded N times) and the units nobody could remind
 * (shown apart, with what to do), grouped by the plan's unit groups, at most `detail.names` named
 * in each list. Shared by the digest, the after-deadline post and the escalation.
 */
export function renderMissingAndUnreachable(
  task: TaskRollup,
  t: Translate,
  detail: RollupDetail = FULL_DETAIL,
): string[] {
  const lines: string[] = [];
  const missing = task.rows.filter((r) => r.status === "missing");
  if (missing.length > 0) {
    lines.push(t("rollup:missing_header", { count: missing.length }));
    lines.push(
      ...groupedNames(
        task,
        missing,
        t,
        (r) => t("rollup:reminded_name", { name: r.unitName, count: r.reminded }),
        detail,
      ),
    );
  }
  const unreachable = task.rows.filter((r) => r.status === "unreachable");
  if (unreachable.length > 0) {
    lines.push(t("rollup:unreachable_header", { count: unreachable.length }));
    lines.push(
      ...groupedNames(
        task,
        unreachable,
        t,
        (r) =>
          r.unreachableReason === "not_reminded"
            ? t("rollup:unreachable_bound_late", { name: r.unitName })
            : r.unitName,
        detail,
      ),
    );
    // One /moi per tag covers every unit without a chat ("/moi xa, /moi phong-ban").
    const tags = [
      ...new Set(unreachable.filter((r) => r.unreachableReason !== "not_reminded").map((r) => r.tags[0] ?? r.unitCode)),
    ];
    const commands = tags
      .slice(0, 5)
      .map((tag) => `/moi ${tag}`)
      .join(t("rollup:list_separator"));
    lines.push(tags.length > 0 ? t("rollup:unreachable_todo", { commands }) : t("rollup:unreachable_todo_bound"));
  }
  return lines;
}

/** "đúng hạn 3, muộn 1, chưa đến hạn 20" for the given rows, non-zero states only. */
function stateParts(rows: UnitRollupRow[], t: Translate): string {
  const counts = new Map<UnitStatus, number>();
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  return STATUS_ORDER.filter((status) => counts.has(status))
    .map((status) => t("rollup:part", { label: t(`rollup:state.${status}`), count: counts.get(status) }))
    .join(t("rollup:list_separator"));
}

/** One line per unit group, at most `max`: beyond that the last line adds up the remaining groups. */
function groupLines(task: TaskRollup, t: Translate, max: number): string[] {
  const groups = byGroup(task, task.rows);
  const line = (rows: UnitRollupRow[]) => {
    let submitted = 0;
    let excused = 0;
    for (const r of rows) {
      if (r.status === "on_time" || r.status === "late") submitted++;
      else if (r.status === "excused") excused++;
    }
    return { submitted, expected: rows.length - excused, parts: stateParts(rows, t) };
  };
  const own = groups.length > max ? groups.slice(0, Math.max(0, max - 1)) : groups;
  const lines = own.map(({ group, rows }) => t("rollup:group_line", { group, ...line(rows) }));
  const rest = groups.slice(own.length);
  if (rest.length > 0)
    lines.push(t("rollup:other_groups_line", { groups: rest.length, ...line(rest.flatMap((g) => g.rows)) }));
  return lines;
}

/**
 * The block for one task occurrence: title and period, deadline with working days left or past,
 * reported X/Y, one line per unit group with its states, the missing and late units by name, the
 * units without anyone to remind (apart, with what to do), indicator totals "from X/Y units",
 * photo count. Before the deadline nobody is "chưa báo cáo": they are "chưa đến hạn". Lists and
 * group lines are capped by `detail` (see DETAIL_LEVELS).
 * @example renderTaskBlock(rollup, t, "Asia/Ho_Chi_Minh", calendar).join("\n")
 */
export function renderTaskBlock(
  task: TaskRollup,
  t: Translate,
  tz: string,
  calendar?: WorkingCalendar,
  detail: RollupDetail = FULL_DETAIL,
): string[] {
  const num = new Intl.NumberFormat(t("rollup:number_locale"));
  const c = task.counts;
  const submitted = c.onTime + c.late;
  const separator = t("rollup:list_separator");
  const lines: string[] = [
    task.periodLabel
      ? t("rollup:task_title", { title: task.title, period: task.periodLabel })
      : t("rollup:task_title_no_period", { title: task.title }),
    dueLine(task, t, tz, calendar),
    t("rollup:reported", { submitted, expected: expectedCount(task), onTime: c.onTime, late: c.late }),
    ...groupLines(task, t, detail.groups),
  ];
  lines.push(...renderMissingAndUnreachable(task, t, detail));
  const late = task.rows.filter((r) => r.status === "late");
  if (late.length > 0)
    lines.push(
      t("rollup:late_header", {
        count: late.length,
        names: cappedList(
          late.map((r) => r.unitName),
          detail.names,
          t,
          separator,
        ),
      }),
    );
  const excused = task.rows.filter((r) => r.status === "excused");
  if (excused.length > 0)
    lines.push(
      t("rollup:excused_line", {
        names: cappedList(
          excused.map((r) => r.unitName),
          detail.names,
          t,
          separator,
        ),
      }),
    );
  if (task.indicators.length > 0 && submitted > 0) {
    const list = task.indicators
      .filter((ind) => (task.totals[ind.code] ?? 0) !== 0)
      .map((ind) =>
        t("rollup:total_item", {
          label: ind.label,
          value: num.format(task.totals[ind.code] ?? 0),
          measure: ind.measure ?? "",
        }).trim(),
      );
    if (list.length > 0)
      lines.push(
        t("rollup:totals", { submitted, expected: expectedCount(task), list: list.join(t("rollup:total_separator")) }),
      );
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
 * {@link renderTaskBlock}, then one "sắp tới" line for the rest. Fitted to `limit` UTF-16 units:
 * less detail first (see DETAIL_LEVELS), then the tasks with the latest deadlines are counted on
 * one line instead of shown, so the digest is one message at any number of units and tasks.
 * @example renderDigest({ tasks, upcoming, asOf: now, planNumber: "20/KH-UBND" }, t, tz, calendar, 4096)
 */
export function renderDigest(
  input: { tasks: TaskRollup[]; upcoming: UpcomingItem[]; asOf: Date; planNumber?: string },
  t: Translate,
  tz: string,
  calendar?: WorkingCalendar,
  limit = Number.POSITIVE_INFINITY,
): string {
  const time = formatDateTime(input.asOf, tz);
  const head = [
    t("rollup:digest_title"),
    input.planNumber
      ? t("rollup:digest_subtitle_plan", { number: input.planNumber, time })
      : t("rollup:digest_subtitle", { time }),
  ];
  const tail: string[] = [];
  if (input.tasks.length === 0) tail.push("", t("rollup:digest_nothing_now"));
  if (input.upcoming.length > 0) {
    const items = input.upcoming.map((u) =>
      t("rollup:upcoming_item", {
        title: u.periodLabel ? `${u.title} (${u.periodLabel})` : u.title,
        date: formatLocalDate(u.dueAt, tz),
      }),
    );
    tail.push("", t("rollup:upcoming", { list: cappedUpcoming(items, t) }));
  }
  // Each block once per detail: the loops below compose the same blocks again and again.
  const blocks = new Map<RollupDetail, Map<TaskRollup, string[]>>();
  const block = (task: TaskRollup, detail: RollupDetail): string[] => {
    let byTask = blocks.get(detail);
    if (!byTask) blocks.set(detail, (byTask = new Map()));
    let lines = byTask.get(task);
    if (!lines) byTask.set(task, (lines = renderTaskBlock(task, t, tz, calendar, detail)));
    return lines;
  };
  const compose = (tasks: TaskRollup[], detail: RollupDetail): string => {
    const lines = [...head];
    for (const task of tasks) lines.push("", ...block(task, detail));
    const left = input.tasks.length - tasks.length;
    if (left > 0) lines.push("", t("rollup:more_tasks", { count: left }));
    return [...lines, ...tail].join("\n");
  };
  const least = DETAIL_LEVELS[DETAIL_LEVELS.length - 1]!;
  for (const detail of DETAIL_LEVELS) {
    const text = compose(input.tasks, detail);
    if (text.length <= limit) return text;
  }
  // Too many tasks for one message even in brief: the soonest deadlines are shown, the rest counted.
  for (let shown = input.tasks.length - 1; shown >= 1; shown--) {
    const text = compose(input.tasks.slice(0, shown), least);
    if (text.length <= limit) return text;
  }
  return cutText(compose(input.tasks.slice(0, 1), least), limit);
}

/** At most this many "sắp tới" items are named; the rest are counted. */
const UPCOMING_SHOWN = 5;

function cappedUpcoming(items: string[], t: Translate): string {
  const shown = items.slice(0, UPCOMING_SHOWN).join(t("rollup:upcoming_separator"));
  return items.length > UPCOMING_SHOWN
    ? t("rollup:upcoming_more", { list: shown, count: items.length - UPCOMING_SHOWN })
    : shown;
}

/**
 * The post the first working day after a deadline: that task alone, fitted to `limit`.
 * @example renderAfterDeadline(rollup, t, tz, calendar, 4096)
 */
export function renderAfterDeadline(
  task: TaskRollup,
  t: Translate,
  tz: string,
  calendar?: WorkingCalendar,
  limit = Number.POSITIVE_INFINITY,
): string {
  const title = t("rollup:after_deadline_title", { time: formatDateTime(task.asOf, tz) });
  return fitText((detail) => [title, "", ...renderTaskBlock(task, t, tz, calendar, detail)].join("\n"), limit);
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
    const shown = rows
      .slice(0, maxNames)
      .map((r) => r.unitName)
      .join(t("status:name_separator"));
    return rows.length > maxNames ? t("status:more_names", { names: shown, count: rows.length - maxNames }) : shown;
  };
  const parts = [t(c.onTime + c.late === c.total - c.excused ? "status:line_all" : "status:line", vars)];
  const missing = rollup.rows.filter((r) => r.status === "missing");
  if (missing.length > 0) parts.push(t("status:missing_part", { count: missing.length, names: names(missing) }));
  if (c.notDue > 0) parts.push(t("status:not_due_part", { count: c.notDue }));
  const unreachable = rollup.rows.filter((r) => r.status === "unreachable");
  if (unreachable.length > 0)
    parts.push(t("status:unreachable_part", { count: unreachable.length, names: names(unreachable) }));
  if (c.excused > 0) parts.push(t("status:excused_part", { count: c.excused }));
  return parts.join(" ");
}
