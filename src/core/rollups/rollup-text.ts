import { formatDmy, localDateOf } from "../calendar/time.js";
import type { WorkingCalendar } from "../calendar/working-calendar.js";
import { formatDateTime, formatDaysLeft, formatDue } from "../format.js";
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

/**
 * The longest post to the leaders' group, in UTF-16 units: one phone screen (about 1,200
 * characters fill a 390 px wide screen in Telegram's default font). Digests, after-deadline posts
 * and /tonghop's are fitted to it; only /tinhhinh's on-demand full list is longer (split).
 */
export const LEADER_POST_MAX = 1200;

/**
 * The deadline (the effective one, with the stated day when it moved) and the CALENDAR days left
 * or past, as every text counts them (see daysLeft in format.ts).
 */
function dueLine(task: TaskRollup, t: Translate, tz: string): string {
  return t("rollup:due_days", { deadline: formatDue(task, tz, t), days: formatDaysLeft(task.asOf, task.dueAt, tz, t) });
}

/** Statuses in the order leaders read them; "unreachable" last since it is shown apart. */
const STATUS_ORDER: UnitStatus[] = ["on_time", "late", "missing", "not_due", "excused", "unreachable"];

/** How much a rollup text says; {@link fitText} picks the most that fits a message. */
export interface RollupDetail {
  /** Units named in each list (not reported, nobody to remind, late, excused); the rest are counted. */
  names: number;
  /** Unit groups with a line of their own (at least 1); the others share one line. */
  groups: number;
  /** Whether the "what to do" line under the units nobody could remind is written (default: yes). */
  todo?: boolean;
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
  { names: 2, groups: 1, todo: false },
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
  // At least the first group by name: "3 nhóm đơn vị còn lại" with none shown reads wrong.
  const shown = groups.slice(0, groups.length > lines ? Math.max(1, lines - 1) : lines);
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
 * "Xã, thị trấn 21 · Phường 3": how many of `rows` each unit group has, at most `max` groups (the
 * rest added up as "N nhóm khác M"). The counted form of a list the leaders were already given.
 */
function groupCounts(task: TaskRollup, rows: UnitRollupRow[], t: Translate, max: number): string {
  const groups = byGroup(task, rows);
  const own = groups.length > max ? groups.slice(0, Math.max(1, max - 1)) : groups;
  const parts = own.map((g) => t("rollup:group_count", { group: g.group, count: g.rows.length }));
  const rest = groups.slice(own.length);
  if (rest.length > 0)
    parts.push(
      t("rollup:other_groups_count", { groups: rest.length, count: rest.reduce((n, g) => n + g.rows.length, 0) }),
    );
  return parts.join(t("rollup:group_separator"));
}

/** The list command that gives a task's full list of units not reported ("/tinhhinh #3"). */
export function fullListCommand(task: Pick<TaskRollup, "taskId">): string {
  return `/tinhhinh #${task.taskId}`;
}

/**
 * The missing units (after the deadline, reminded N times) and the units nobody could remind
 * (shown apart, with what to do), grouped by the plan's unit groups, at most `detail.names` named
 * in each list. Units the leaders' group was already told of (`row.told`) are not named again:
 * they are counted by unit group, with the command that lists them all. Shared by the
 * after-deadline post, /tonghop of one task and the escalation.
 */
export function renderMissingAndUnreachable(
  task: TaskRollup,
  t: Translate,
  detail: RollupDetail = FULL_DETAIL,
): string[] {
  const lines: string[] = [];
  // Under its list's header: the units of that list the group was already told of, counted.
  const toldLine = (told: UnitRollupRow[]): void => {
    if (told.length > 0)
      lines.push(
        t("rollup:told_counted", {
          groups: groupCounts(task, told, t, detail.groups),
          command: fullListCommand(task),
        }),
      );
  };
  const missing = task.rows.filter((r) => r.status === "missing");
  const freshMissing = missing.filter((r) => !r.told);
  if (missing.length > 0) {
    lines.push(t("rollup:missing_header", { count: missing.length }));
    if (freshMissing.length > 0)
      lines.push(
        ...groupedNames(
          task,
          freshMissing,
          t,
          (r) => t("rollup:reminded_name", { name: r.unitName, count: r.reminded }),
          detail,
        ),
      );
    toldLine(missing.filter((r) => r.told));
  }
  const unreachable = task.rows.filter((r) => r.status === "unreachable");
  const freshUnreachable = unreachable.filter((r) => !r.told);
  if (unreachable.length > 0) {
    lines.push(t("rollup:unreachable_header", { count: unreachable.length }));
    if (freshUnreachable.length > 0) {
      lines.push(
        ...groupedNames(
          task,
          freshUnreachable,
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
        ...new Set(
          freshUnreachable.filter((r) => r.unreachableReason !== "not_reminded").map((r) => r.tags[0] ?? r.unitCode),
        ),
      ];
      const commands = tags
        .slice(0, 5)
        .map((tag) => `/moi ${tag}`)
        .join(t("rollup:list_separator"));
      if (detail.todo !== false)
        lines.push(tags.length > 0 ? t("rollup:unreachable_todo", { commands }) : t("rollup:unreachable_todo_bound"));
    }
    toldLine(unreachable.filter((r) => r.told));
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
  const own = groups.length > max ? groups.slice(0, Math.max(1, max - 1)) : groups;
  const lines = own.map(({ group, rows }) => t("rollup:group_line", { group, ...line(rows) }));
  const rest = groups.slice(own.length);
  if (rest.length > 0)
    lines.push(t("rollup:other_groups_line", { groups: rest.length, ...line(rest.flatMap((g) => g.rows)) }));
  return lines;
}

/**
 * The block for one task occurrence: title and period, deadline with calendar days left or past,
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
  _calendar?: WorkingCalendar,
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
    dueLine(task, t, tz),
    t("rollup:reported", {
      submitted,
      expected: expectedCount(task),
      count: expectedCount(task),
      onTime: c.onTime,
      late: c.late,
    }),
    ...groupLines(task, t, detail.groups),
  ];
  lines.push(...renderMissingAndUnreachable(task, t, detail));
  // Units named apart: late; reported without any figure (a text-only report or figures in doubt
  // counts as sent, yet leaders must not take it for zeros); excused.
  const named = (key: string, rows: UnitRollupRow[]): string[] =>
    rows.length
      ? [
          t(key, {
            count: rows.length,
            names: cappedList(
              rows.map((r) => r.unitName),
              detail.names,
              t,
              separator,
            ),
          }),
        ]
      : [];
  const reported = (r: UnitRollupRow) => r.status === "on_time" || r.status === "late";
  lines.push(
    ...named(
      "rollup:late_header",
      task.rows.filter((r) => r.status === "late"),
    ),
    ...named(
      "rollup:no_figures_header",
      task.indicators.length ? task.rows.filter((r) => reported(r) && !Object.keys(r.values).length) : [],
    ),
    ...named(
      "rollup:excused_line",
      task.rows.filter((r) => r.status === "excused"),
    ),
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
        t("rollup:totals", {
          submitted,
          expected: expectedCount(task),
          count: expectedCount(task),
          list: list.join(t("rollup:total_separator")),
        }),
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

/** Titles in the digest's one-line forms are cut to this many characters. */
const SHORT_TITLE = 48;

function shortTitle(task: TaskRollup): string {
  return task.title.length > SHORT_TITLE ? `${task.title.slice(0, SHORT_TITLE - 1).trimEnd()}…` : task.title;
}

/** "#3 Báo cáo quý — Quý I/2026": a task and period on one line. */
function taskRef(task: TaskRollup, t: Translate): string {
  return task.periodLabel
    ? t("rollup:task_ref", { id: task.taskId, title: shortTitle(task), period: task.periodLabel })
    : t("rollup:task_ref_no_period", { id: task.taskId, title: shortTitle(task) });
}

/** Units of the rollup not reported after its deadline (missing, or nobody could remind them). */
function notReportedRows(task: TaskRollup): UnitRollupRow[] {
  const due = task.asOf.getTime() > task.dueAt.getTime();
  return task.rows.filter((r) => r.status === "missing" || (due && r.status === "unreachable"));
}

/**
 * "Xã 21/25, Phường 3/6": per unit group, units not reported over units expected, the groups that
 * have any, at most `max` (the rest added up).
 */
function notReportedByGroup(task: TaskRollup, t: Translate, max: number): string {
  const all = byGroup(task, task.rows).map(({ group, rows }) => {
    let missing = 0;
    let expected = 0;
    for (const r of rows) {
      if (r.status !== "excused") expected++;
      if (r.status === "missing" || r.status === "unreachable") missing++;
    }
    return { group, missing, expected };
  });
  if (max <= 0)
    return t("rollup:total_ratio", {
      missing: all.reduce((n, g) => n + g.missing, 0),
      expected: all.reduce((n, g) => n + g.expected, 0),
    });
  const groups = all.filter((g) => g.missing > 0);
  const own = groups.length > max ? groups.slice(0, Math.max(1, max - 1)) : groups;
  const parts = own.map((g) => t("rollup:group_ratio", g));
  const rest = groups.slice(own.length);
  if (rest.length > 0)
    parts.push(
      t("rollup:other_groups_ratio", {
        groups: rest.length,
        missing: rest.reduce((n, g) => n + g.missing, 0),
        expected: rest.reduce((n, g) => n + g.expected, 0),
      }),
    );
  // Group labels may hold commas ("Xã, thị trấn").
  return parts.join(t("rollup:group_separator"));
}

/** The least a digest says: no unit named, no unit group apart (a task's line gives its total). */
const BARE: RollupDetail = { names: 0, groups: 0 };

/** At most this many units are named in a digest's line of units first overdue or never reported. */
export const DIGEST_NAMES = 5;

/**
 * A past deadline in the digest, compactly: "• #3 Báo cáo quý — Quý I/2026 — đã quá hạn 18 ngày:
 * Xã 21/25, Phường 3/6 chưa báo cáo"; the units overdue for the first time (not told before)
 * named on a second line, the first few of them, then counted.
 */
export function renderOverdueLines(task: TaskRollup, t: Translate, tz: string, detail: RollupDetail): string[] {
  const lines = [
    t("rollup:overdue_line", {
      task: taskRef(task, t),
      days: formatDaysLeft(task.asOf, task.dueAt, tz, t),
      groups: notReportedByGroup(task, t, detail.groups),
    }),
  ];
  const fresh = notReportedRows(task).filter((r) => !r.told);
  const names = Math.min(detail.names, DIGEST_NAMES);
  if (fresh.length > 0 && names > 0)
    lines.push(
      t("rollup:overdue_first", {
        count: fresh.length,
        names: cappedList(
          fresh.map((r) => r.unitName),
          names,
          t,
          t("rollup:list_separator"),
        ),
      }),
    );
  return lines;
}

/**
 * A period closed without every report, told once: "• #5 … — Quý I/2026: 10 đơn vị không báo cáo
 * (Xã 5 · Phường 3 · Đơn vị thuộc Sở 2)"; units never told before (a period closed on its
 * deadline's day) are named on a second line, the first few of them.
 */
export function renderClosedLines(task: TaskRollup, t: Translate, detail: RollupDetail): string[] {
  const rows = notReportedRows(task);
  const lines = [
    t("rollup:closed_line", {
      task: taskRef(task, t),
      count: rows.length,
      groups: groupCounts(task, rows, t, Math.max(1, detail.groups)),
    }),
  ];
  const fresh = rows.filter((r) => !r.told);
  const names = Math.min(detail.names, DIGEST_NAMES);
  if (fresh.length > 0 && names > 0)
    lines.push(
      t("rollup:closed_names", {
        names: cappedList(
          fresh.map((r) => r.unitName),
          names,
          t,
          t("rollup:list_separator"),
        ),
      }),
    );
  return lines;
}

/** Where a digest's task belongs: a block (deadline ahead or today), an overdue line, a closing line. */
export function digestPart(task: TaskRollup): "block" | "overdue" | "closed" {
  if (task.closedAt && task.closedAt.getTime() <= task.asOf.getTime()) return "closed";
  return task.asOf.getTime() > task.dueAt.getTime() ? "overdue" : "block";
}

/**
 * The digest: one message of at most {@link LEADER_POST_MAX} characters (and `limit`), whatever
 * the number of units and tasks:
 * - each task whose deadline is ahead (or today), as a {@link renderTaskBlock};
 * - each period past its deadline with units still not reported, one line (see
 *   {@link renderOverdueLines}): it stays in every digest until all reported or the period closes;
 *   the units overdue for the first time are named there (the first few), later only counted;
 * - a period that closed since the last post, once, with its units that never reported;
 * - where the full lists are (/tinhhinh #N, /xuat), and one "sắp tới" line for the rest.
 * Fitted by less detail first (see DETAIL_LEVELS), then the blocks with the latest deadlines are
 * counted instead of shown; the overdue lines stay.
 * @example renderDigest({ tasks, upcoming, asOf: now, planNumber: "20/KH-UBND" }, t, tz, calendar, 4096)
 */
export function renderDigest(
  input: { tasks: TaskRollup[]; upcoming: UpcomingItem[]; asOf: Date; planNumber?: string },
  t: Translate,
  tz: string,
  _calendar?: WorkingCalendar,
  limit = Number.POSITIVE_INFINITY,
): string {
  const max = Math.min(limit, LEADER_POST_MAX);
  const time = formatDateTime(input.asOf, tz);
  const head = [
    t("rollup:digest_title"),
    input.planNumber
      ? t("rollup:digest_subtitle_plan", { number: input.planNumber, time })
      : t("rollup:digest_subtitle", { time }),
  ];
  const blocks = input.tasks.filter((task) => digestPart(task) === "block");
  const overdue = input.tasks.filter((task) => digestPart(task) === "overdue");
  const closed = input.tasks.filter((task) => digestPart(task) === "closed");
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
  const cache = new Map<RollupDetail, Map<TaskRollup, string[]>>();
  const block = (task: TaskRollup, detail: RollupDetail): string[] => {
    let byTask = cache.get(detail);
    if (!byTask) cache.set(detail, (byTask = new Map()));
    let lines = byTask.get(task);
    if (!lines) byTask.set(task, (lines = renderTaskBlock(task, t, tz, undefined, detail)));
    return lines;
  };
  const compose = (shown: TaskRollup[], detail: RollupDetail): string => {
    const bare = detail === BARE;
    const lines = [...head];
    for (const task of shown) lines.push("", ...block(task, detail));
    const left = blocks.length - shown.length;
    if (left > 0) lines.push("", t(bare ? "rollup:more_tasks_short" : "rollup:more_tasks", { count: left }));
    if (overdue.length > 0) {
      lines.push("", t("rollup:overdue_header", { count: overdue.length }));
      for (const task of overdue) lines.push(...renderOverdueLines(task, t, tz, detail));
    }
    if (closed.length > 0) {
      lines.push("", t("rollup:closed_header"));
      for (const task of closed) lines.push(...renderClosedLines(task, t, detail));
    }
    const listed = [...overdue, ...closed];
    if (listed.length > 0)
      lines.push(t(bare ? "rollup:full_list_short" : "rollup:full_list", { command: fullListCommand(listed[0]!) }));
    // The barest form leaves out what is coming up: the overdue periods come first.
    return [...lines, ...(bare && input.tasks.length > 0 ? [] : tail)].join("\n");
  };
  const least = DETAIL_LEVELS[DETAIL_LEVELS.length - 1]!;
  for (const detail of DETAIL_LEVELS) {
    const text = compose(blocks, detail);
    if (text.length <= max) return text;
  }
  // Too many tasks for one screen even in brief: the soonest deadlines are shown, the rest counted.
  for (let shown = blocks.length - 1; shown >= 0; shown--) {
    const text = compose(blocks.slice(0, shown), least);
    if (text.length <= max) return text;
  }
  // Many overdue periods: each keeps its line, with its total only.
  return cutText(compose([], BARE), max);
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
 * The post the first working day after a deadline: that task alone, fitted to `limit` and to
 * {@link LEADER_POST_MAX}. The units not reported are named the first time (see
 * renderMissingAndUnreachable), counted when the group was already told.
 * @example renderAfterDeadline(rollup, t, tz, calendar, 4096)
 */
export function renderAfterDeadline(
  task: TaskRollup,
  t: Translate,
  tz: string,
  _calendar?: WorkingCalendar,
  limit = Number.POSITIVE_INFINITY,
): string {
  const title = t("rollup:after_deadline_title", { time: formatDateTime(task.asOf, tz) });
  return fitText(
    (detail) => [title, "", ...renderTaskBlock(task, t, tz, undefined, detail)].join("\n"),
    Math.min(limit, LEADER_POST_MAX),
  );
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
 * One /tinhhinh line, naming at most `maxNames` units that have not reported after the deadline
 * (Infinity: all of them, the on-demand full list; the reply is split into messages).
 * @example statusLine(rollup, t, "Asia/Ho_Chi_Minh", 30)
 * // "#2 Báo cáo quý (Quý I/2021, hạn Thứ Hai, 15/03/2021): 12/30 đã báo cáo (10 đúng hạn, 2 muộn). Chưa báo cáo: UBND xã …"
 */
export function statusLine(rollup: TaskRollup, t: Translate, tz: string, maxNames: number): string {
  const c = rollup.counts;
  const vars = {
    id: rollup.taskId,
    title: rollup.title,
    period: rollup.periodLabel ? t("status:period_prefix", { period: rollup.periodLabel }) : "",
    deadline: formatDue(rollup, tz, t),
    days: formatDaysLeft(rollup.asOf, rollup.dueAt, tz, t),
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
  if (rollup.closedAt) parts.push(t("status:closed_part"));
  return parts.join(" ");
}
