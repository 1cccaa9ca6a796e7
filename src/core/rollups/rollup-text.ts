import type { TaskRollup, UnitRollupRow } from "./rollup-types.js";
import { formatDeadline } from "../format.js";
import { formatDmy, localDateOf, weekdayOf } from "../calendar/time.js";
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

const EXCERPT_CHARS = 100;
const HIGHLIGHTS = 3;

function excerpt(text: string): string {
  const chars = Array.from(text.normalize("NFC").replace(/\s+/g, " ").trim());
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join("")}…` : chars.join("");
}

function signed(n: number, fmt: Intl.NumberFormat): string {
  return n > 0 ? `+${fmt.format(n)}` : `-${fmt.format(-n)}`;
}

/**
 * The chat text for one task occurrence: period and deadline, submitted counts, every missing unit
 * by name, indicator totals (compared with the previous period when known), photo count and the
 * latest report excerpts. Plain text, since the same text goes to Telegram and Zalo.
 * @example
 * const text = renderRollupText(task, translator.t("vi"), "Asia/Ho_Chi_Minh");
 * for (const part of splitMessage(text, 2000)) await messenger.send(address, { type: "text", text: part });
 */
export function renderRollupText(task: TaskRollup, t: Translate, tz: string): string {
  const num = new Intl.NumberFormat(t("rollup:number_locale"));
  const prev = task.previous;
  const prevLabel = prev ? prev.periodLabel || prev.periodKey : "";
  const withCompare = (text: string, current: number, before: number | undefined): string => {
    if (!prev || before === undefined) return text;
    const compare =
      current === before
        ? t("rollup:compare_same", { period: prevLabel })
        : t("rollup:compare", { delta: signed(current - before, num), period: prevLabel });
    return t("rollup:with_compare", { text, compare });
  };

  const lines: string[] = [];
  lines.push(
    task.periodLabel
      ? t("rollup:title", { title: task.title, period: task.periodLabel })
      : t("rollup:title_no_period", { title: task.title }),
  );
  lines.push(t("rollup:due", { weekday: t(`common:weekday_${weekdayOf(localDateOf(task.dueAt, tz))}`), date: formatLocalDate(task.dueAt, tz) }));

  const c = task.counts;
  const submitted = c.onTime + c.late;
  const prevSubmitted = prev ? prev.counts.onTime + prev.counts.late : undefined;
  lines.push(
    withCompare(
      t("rollup:reported", { submitted, expected: expectedCount(task), onTime: c.onTime, late: c.late }),
      submitted,
      prevSubmitted,
    ),
  );
  if (c.excused > 0) lines.push(t("rollup:excused", { count: c.excused }));

  const missing = task.rows.filter((r) => r.status === "missing");
  if (missing.length > 0) {
    lines.push(t("rollup:missing_header", { count: missing.length }));
    for (const row of missing) lines.push(t("rollup:list_item", { text: row.unitName }));
  } else {
    lines.push(t("rollup:missing_none"));
  }
  const late = task.rows.filter((r) => r.status === "late");
  if (late.length > 0) {
    lines.push(t("rollup:late_units", { names: late.map((r) => r.unitName).join(t("rollup:list_separator")) }));
  }

  if (task.indicators.length > 0) {
    lines.push(t("rollup:totals_header"));
    for (const ind of task.indicators) {
      const value = task.totals[ind.code] ?? 0;
      const line = ind.measure
        ? t("rollup:total_line_measure", { label: ind.label, value: num.format(value), measure: ind.measure })
        : t("rollup:total_line", { label: ind.label, value: num.format(value) });
      lines.push(withCompare(line, value, prev ? (prev.totals[ind.code] ?? 0) : undefined));
    }
  }
  lines.push(t("rollup:photos", { count: num.format(task.photoCount) }));

  const highlights = latestWithText(task.rows, HIGHLIGHTS);
  if (highlights.length > 0) {
    lines.push(t("rollup:highlights_header"));
    for (const row of highlights) {
      lines.push(t("rollup:highlight_line", { unit: row.unitName, excerpt: excerpt(row.text ?? "") }));
    }
  }
  return lines.join("\n");
}

function latestWithText(rows: UnitRollupRow[], n: number): UnitRollupRow[] {
  return rows
    .filter((r) => (r.status === "on_time" || r.status === "late") && r.text && r.text.trim() !== "")
    .sort((a, b) => (b.submittedAt?.getTime() ?? 0) - (a.submittedAt?.getTime() ?? 0))
    .slice(0, n);
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
 * One /tinhhinh line, naming at most `maxNames` missing units.
 * @example statusLine(rollup, t, "Asia/Ho_Chi_Minh", 30)
 * // "#2 Báo cáo quý (Quý I/2021, hạn Thứ Hai, 15/03/2021): 12/30 đã báo cáo (10 đúng hạn, 2 muộn), 18 chưa báo cáo: UBND xã …"
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
    missing: c.missing,
  };
  let line: string;
  if (c.missing === 0) {
    line = t("status:line_all", vars);
  } else {
    const missing = rollup.rows.filter((r) => r.status === "missing").map((r) => r.unitName);
    const shown = missing.slice(0, maxNames).join(t("status:name_separator"));
    const names = missing.length > maxNames ? t("status:more_names", { names: shown, count: missing.length - maxNames }) : shown;
    line = t("status:line", { ...vars, names });
  }
  return c.excused > 0 ? line + t("status:excused_suffix", { count: c.excused }) : line;
}
