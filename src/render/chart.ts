/**
 * The rollup chart, designed for a phone (1080 px wide, at most about 1600 px high): a title with
 * the task, period, deadline and "as of" time; one stacked bar per unit group with the count of each
 * state written on it; and the indicators as small panels, each with its own total, unit and scale
 * (a compact table when there are too many). Laid out here with the font's own metrics, so every
 * name wraps instead of being cut; drawn as SVG and rasterised by resvg.
 */
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import { formatDateTime, formatDeadline } from "../core/format.js";
import type { TaskRollup, UnitStatus } from "../core/rollups/rollup-types.js";
import type { Translate } from "../core/types.js";
import { groupTotals, NOT_REPORTED, reportedTotals } from "./figures.js";
import { type FontMetrics, loadFontMetrics, textWidth, wrapText } from "./text-metrics.js";

const require = createRequire(import.meta.url);

/** Be Vietnam Pro (SIL OFL 1.1): a TTF with full Vietnamese coverage; resvg cannot read WOFF. */
const FONT_FAMILY = "Be Vietnam Pro";
const FONT_REGULAR = require.resolve("@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf");
const FONT_BOLD = require.resolve("@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf");

export const CHART_WIDTH = 1080;
export const CHART_MAX_HEIGHT = 1600;
const PAD = 40;
const INNER = CHART_WIDTH - 2 * PAD;
/** More indicators than this become a table: nine panels are the most a phone screen shows well. */
const MAX_PANELS = 9;
const PANEL_GAP = 16;
/** More groups than this get one row each, the name beside its bar. */
const COMPACT_FROM_GROUPS = 6;
/** At most this many status bars; the smallest remaining groups share the last one. */
const MAX_STATUS_GROUPS = 14;
const COMPACT_LABEL = 300;

const STATUS_ORDER: UnitStatus[] = ["on_time", "late", "missing", "not_due", "unreachable", "excused"];
const STATUS_FILL: Record<UnitStatus, string> = {
  on_time: "#2e7d32",
  late: "#ef6c00",
  missing: "#c62828",
  not_due: "#90a4ae",
  unreachable: "#d7ccc8",
  excused: "#757575",
};
const STATUS_INK: Record<UnitStatus, string> = {
  on_time: "#ffffff",
  late: "#ffffff",
  missing: "#ffffff",
  not_due: "#ffffff",
  unreachable: "#4e342e",
  excused: "#ffffff",
};
const INK = "#212121";
const MUTED = "#5f6368";
const PANEL_FILL = "#f3f6f9";

/** One line of text as laid out: its box (top-left x/y, width) and the width it was allowed. */
export interface ChartText {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  width: number;
  maxWidth: number;
  anchor: "start" | "end" | "middle";
  fill: string;
}

interface ChartRect {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  radius?: number;
}

/** The laid-out chart: what {@link renderRollupChart} draws, also inspected by tests. */
export interface ChartLayout {
  width: number;
  height: number;
  texts: ChartText[];
  rects: ChartRect[];
  /** "panels": one small panel per indicator; "table": a compact table of totals. */
  indicatorMode: "panels" | "table" | "none";
}

let fonts: { regular: FontMetrics; bold: FontMetrics } | undefined;
function metrics(): { regular: FontMetrics; bold: FontMetrics } {
  fonts ??= { regular: loadFontMetrics(FONT_REGULAR), bold: loadFontMetrics(FONT_BOLD) };
  return fonts;
}

/** Accumulates text and shapes top to bottom. */
class Canvas {
  readonly texts: ChartText[] = [];
  readonly rects: ChartRect[] = [];

  constructor(private readonly fonts: { regular: FontMetrics; bold: FontMetrics }) {}

  width(text: string, size: number, bold = false): number {
    return textWidth(bold ? this.fonts.bold : this.fonts.regular, text, size);
  }

  lineHeight(size: number): number {
    return Math.round(size * 1.32);
  }

  /** Wraps `text` into `maxWidth` at (x, y) and returns the height used. */
  paragraph(
    text: string,
    x: number,
    y: number,
    maxWidth: number,
    size: number,
    options: { bold?: boolean; fill?: string; anchor?: ChartText["anchor"] } = {},
  ): number {
    const bold = options.bold ?? false;
    const lines = wrapText(bold ? this.fonts.bold : this.fonts.regular, text, size, maxWidth);
    lines.forEach((line, i) => this.line(line, x, y + i * this.lineHeight(size), maxWidth, size, options));
    return lines.length * this.lineHeight(size);
  }

  /** Height `paragraph` would use. */
  measure(text: string, maxWidth: number, size: number, bold = false): number {
    return wrapText(bold ? this.fonts.bold : this.fonts.regular, text, size, maxWidth).length * this.lineHeight(size);
  }

  line(
    text: string,
    x: number,
    y: number,
    maxWidth: number,
    size: number,
    options: { bold?: boolean; fill?: string; anchor?: ChartText["anchor"] } = {},
  ): void {
    const bold = options.bold ?? false;
    this.texts.push({
      text,
      x,
      y,
      size,
      bold,
      width: this.width(text, size, bold),
      maxWidth,
      anchor: options.anchor ?? "start",
      fill: options.fill ?? INK,
    });
  }

  rect(x: number, y: number, width: number, height: number, fill: string, radius?: number): void {
    this.rects.push({ x, y, width, height, fill, radius });
  }
}

/** Segment widths: proportional, but every non-zero segment wide enough for its number. */
function segmentWidths(counts: number[], total: number, width: number, minWidths: number[]): number[] {
  const widths = counts.map((c, i) => (c > 0 ? Math.max(minWidths[i]!, (c / total) * width) : 0));
  const excess = widths.reduce((a, b) => a + b, 0) - width;
  if (excess > 0) {
    // Take the excess from the segments wider than their minimum, in proportion.
    const slack = widths.map((w, i) => (w > 0 ? w - minWidths[i]! : 0));
    const totalSlack = slack.reduce((a, b) => a + b, 0);
    return widths.map((w, i) => (totalSlack > 0 ? w - (excess * slack[i]!) / totalSlack : w));
  }
  return widths;
}

function layoutHeader(c: Canvas, task: TaskRollup, t: Translate, tz: string, num: Intl.NumberFormat): number {
  let y = PAD;
  y += c.paragraph(task.title, PAD, y, INNER, 34, { bold: true });
  const due = t("render:chart.due", { deadline: formatDeadline(task.dueAt, tz, t) });
  y += c.paragraph(task.periodLabel ? `${task.periodLabel} · ${due}` : due, PAD, y + 4, INNER, 24) + 4;
  y += c.paragraph(t("render:chart.as_of", { time: formatDateTime(task.asOf, tz) }), PAD, y, INNER, 20, {
    fill: MUTED,
  });
  const k = task.counts;
  y += 14;
  y += c.paragraph(
    t("render:chart.summary", { submitted: num.format(k.onTime + k.late), expected: num.format(k.total - k.excused) }),
    PAD,
    y,
    INNER,
    30,
    { bold: true },
  );
  return y;
}

function layoutStatus(
  c: Canvas,
  task: TaskRollup,
  t: Translate,
  num: Intl.NumberFormat,
  y: number,
  barHeight: number,
): number {
  y += 24;
  y += c.paragraph(t("render:chart.status_heading"), PAD, y, INNER, 24, { bold: true });
  // Legend: only the states that occur.
  const present = STATUS_ORDER.filter((s) => task.rows.some((r) => r.status === s));
  let x = PAD;
  y += 8;
  for (const status of present) {
    const label = t(`render:status.${status}`);
    const w = 26 + c.width(label, 20) + 24;
    if (x + w > PAD + INNER) {
      x = PAD;
      y += 32;
    }
    c.rect(x, y + 3, 20, 20, STATUS_FILL[status], 3);
    c.line(label, x + 26, y, INNER, 20, { fill: INK });
    x += w;
  }
  y += 36;
  const rowsOf = statusGroups(task, t);
  const compact = rowsOf.length > COMPACT_FROM_GROUPS;
  for (const { group, rows } of rowsOf) {
    const expected = rows.filter((r) => r.status !== "excused").length;
    const done = rows.filter((r) => r.status === "on_time" || r.status === "late").length;
    const ratio = t("render:chart.group_ratio", { submitted: num.format(done), expected: num.format(expected) });
    const ratioWidth = c.width(ratio, 20, true);
    let barX = PAD;
    let barWidth = INNER;
    let height = barHeight;
    if (compact) {
      // Many groups: the name on the left of its bar, the bar narrower, one row per group.
      const labelHeight = c.paragraph(group, PAD, y, COMPACT_LABEL - 12, 18, { bold: true });
      barX = PAD + COMPACT_LABEL;
      barWidth = INNER - COMPACT_LABEL - ratioWidth - 12;
      height = Math.max(28, Math.min(barHeight, 32));
      c.line(ratio, PAD + INNER, y + (height - c.lineHeight(20)) / 2, ratioWidth, 20, { bold: true, anchor: "end" });
      drawBar(c, rows, barX, y, barWidth, height, num);
      y += Math.max(labelHeight, height) + 8;
      continue;
    }
    c.line(ratio, PAD + INNER, y, ratioWidth, 20, { bold: true, anchor: "end" });
    y += c.paragraph(group, PAD, y, INNER - ratioWidth - 24, 22, { bold: true }) + 4;
    drawBar(c, rows, barX, y, barWidth, height, num);
    y += height + 18;
  }
  return y;
}

/** The groups as the status section shows them: beyond MAX_STATUS_GROUPS the rest share one bar. */
function statusGroups(task: TaskRollup, t: Translate): { group: string; rows: TaskRollup["rows"] }[] {
  const all = task.groups.map((group) => ({ group, rows: task.rows.filter((r) => r.group === group) }));
  if (all.length <= MAX_STATUS_GROUPS) return all;
  const rest = all.slice(MAX_STATUS_GROUPS - 1);
  return [
    ...all.slice(0, MAX_STATUS_GROUPS - 1),
    { group: t("render:chart.other_groups", { count: rest.length }), rows: rest.flatMap((g) => g.rows) },
  ];
}

/** One stacked bar: a segment per state, each with its count. */
function drawBar(
  c: Canvas,
  rows: TaskRollup["rows"],
  x: number,
  y: number,
  width: number,
  height: number,
  num: Intl.NumberFormat,
): void {
  const counts = STATUS_ORDER.map((s) => rows.filter((r) => r.status === s).length);
  const labels = counts.map((n) => num.format(n));
  const widths = segmentWidths(
    counts,
    rows.length,
    width,
    labels.map((l) => c.width(l, 20, true) + 16),
  );
  let sx = x;
  STATUS_ORDER.forEach((status, i) => {
    const w = widths[i]!;
    if (w <= 0) return;
    c.rect(sx, y, w, height, STATUS_FILL[status]);
    c.line(labels[i]!, sx + w / 2, y + (height - c.lineHeight(20)) / 2 + 1, w, 20, {
      bold: true,
      fill: STATUS_INK[status],
      anchor: "middle",
    });
    sx += w;
  });
}

/** The total, or "—" when no unit stated the figure (a stated 0 stays 0). */
function indicatorTotal(totals: Map<string, number | undefined>, code: string, num: Intl.NumberFormat): string {
  const total = totals.get(code);
  return total === undefined ? NOT_REPORTED : num.format(total);
}

/** Colours of the unit groups in the indicator panels (the status colours stay for statuses). */
const GROUP_FILLS = ["#1565c0", "#6a1b9a", "#00838f", "#ad1457", "#5d4037", "#37474f", "#283593", "#558b2f"];

/** The group legend above the panels; returns the height used. */
function layoutGroupLegend(c: Canvas, groups: string[], y: number): number {
  let x = PAD;
  let top = y;
  groups.forEach((group, i) => {
    const w = 26 + c.width(group, 18) + 24;
    if (x > PAD && x + w > PAD + INNER) {
      x = PAD;
      top += 30;
    }
    c.rect(x, top + 3, 18, 18, GROUP_FILLS[i % GROUP_FILLS.length]!, 3);
    c.paragraph(group, x + 26, top, INNER - 26, 18, { fill: INK });
    x += w;
  });
  return top + 30 - y;
}

/**
 * Small multiples: per indicator its label, total with its unit, and one bar per unit group (the
 * colours of the group legend) on the indicator's own scale.
 */
function layoutPanels(c: Canvas, task: TaskRollup, num: Intl.NumberFormat, y: number): number {
  const indicators = task.indicators;
  const cols = indicators.length <= 4 ? 2 : 3;
  const panelWidth = (INNER - (cols - 1) * PANEL_GAP) / cols;
  const content = panelWidth - 28;
  const valueWidth = 84;
  const barRow = 24;
  const reported = task.rows.filter((r) => r.status === "on_time" || r.status === "late");
  // Only groups with a report get a bar: a row of zeros says nothing the status bars did not.
  const groups = task.groups.filter((group) => reported.some((r) => r.group === group));
  const totals = reportedTotals(task);
  const withBars = groups.length > 1;
  if (withBars) y += layoutGroupLegend(c, groups, y) + 6;
  const bars = withBars ? groups.length * barRow : 0;
  for (let row = 0; row * cols < indicators.length; row++) {
    const members = indicators.slice(row * cols, row * cols + cols);
    const labelHeight = Math.max(...members.map((ind) => c.measure(ind.label, content, 20, true)));
    const height = 14 + labelHeight + 4 + c.lineHeight(34) + 6 + bars + 8;
    members.forEach((ind, k) => {
      const x = PAD + k * (panelWidth + PANEL_GAP);
      c.rect(x, y, panelWidth, height, PANEL_FILL, 10);
      let py = y + 14;
      c.paragraph(ind.label, x + 14, py, content, 20, { bold: true });
      py += labelHeight + 4;
      const total = indicatorTotal(totals, ind.code, num);
      const totalWidth = c.width(total, 34, true);
      c.line(total, x + 14, py, content, 34, { bold: true, fill: INK });
      // "— cái" would read as a figure: the dash stands alone.
      if (ind.measure && total !== NOT_REPORTED)
        c.paragraph(ind.measure, x + 14 + totalWidth + 10, py + 12, content - totalWidth - 10, 20, { fill: MUTED });
      py += c.lineHeight(34) + 6;
      if (!withBars) return;
      // A group none of whose units stated the figure gets "—", not a bar of 0.
      const values = groupTotals(task, ind.code, groups);
      const max = Math.max(1, ...values.map((v) => v ?? 0));
      values.forEach((value, g) => {
        const w = value !== undefined && value > 0 ? Math.max(3, (value / max) * (content - valueWidth)) : 0;
        if (w > 0) c.rect(x + 14, py + 3, w, barRow - 8, GROUP_FILLS[g % GROUP_FILLS.length]!, 2);
        c.line(value === undefined ? NOT_REPORTED : num.format(value), x + 14 + w + 8, py, valueWidth - 8, 16, {
          bold: true,
          fill: value === undefined ? MUTED : INK,
        });
        py += barRow;
      });
    });
    y += height + PANEL_GAP;
  }
  return y;
}

/** A compact table of totals: indicator, result, unit of measure. */
function layoutTable(c: Canvas, task: TaskRollup, t: Translate, num: Intl.NumberFormat, y: number): number {
  const valueCol = 170;
  const measureCol = 170;
  const labelCol = INNER - valueCol - measureCol;
  c.rect(PAD, y, INNER, 40, "#d9e1f2");
  c.line(t("render:chart.col_indicator"), PAD + 12, y + 7, labelCol - 24, 20, { bold: true });
  c.line(t("render:chart.col_total"), PAD + labelCol + valueCol - 12, y + 7, valueCol - 24, 20, {
    bold: true,
    anchor: "end",
  });
  c.line(t("render:chart.col_measure"), PAD + labelCol + valueCol + 12, y + 7, measureCol - 24, 20, { bold: true });
  y += 40;
  const totals = reportedTotals(task);
  task.indicators.forEach((ind, i) => {
    const h = Math.max(c.measure(ind.label, labelCol - 24, 20), c.measure(ind.measure ?? "", measureCol - 24, 20)) + 12;
    if (i % 2 === 1) c.rect(PAD, y, INNER, h, PANEL_FILL);
    c.paragraph(ind.label, PAD + 12, y + 6, labelCol - 24, 20);
    c.line(indicatorTotal(totals, ind.code, num), PAD + labelCol + valueCol - 12, y + 6, valueCol - 24, 20, {
      bold: true,
      anchor: "end",
    });
    c.paragraph(ind.measure ?? "", PAD + labelCol + valueCol + 12, y + 6, measureCol - 24, 20, { fill: MUTED });
    y += h;
  });
  return y + 12;
}

function layoutIndicators(
  c: Canvas,
  task: TaskRollup,
  t: Translate,
  num: Intl.NumberFormat,
  y: number,
  mode: ChartLayout["indicatorMode"],
): number {
  if (mode === "none") return y;
  y += 12;
  const k = task.counts;
  const heading = t("render:chart.indicators_heading", {
    submitted: num.format(k.onTime + k.late),
    expected: num.format(k.total - k.excused),
  });
  y += c.paragraph(heading, PAD, y, INNER, 24, { bold: true }) + 12;
  if (k.onTime + k.late === 0) return y + c.paragraph(t("render:chart.no_values"), PAD, y, INNER, 20, { fill: MUTED });
  return mode === "panels" ? layoutPanels(c, task, num, y) : layoutTable(c, task, t, num, y);
}

function layout(
  task: TaskRollup,
  t: Translate,
  tz: string,
  mode: ChartLayout["indicatorMode"],
  barHeight: number,
): ChartLayout {
  const num = new Intl.NumberFormat(t("render:number_locale"));
  const c = new Canvas(metrics());
  let y = layoutHeader(c, task, t, tz, num);
  y = layoutStatus(c, task, t, num, y, barHeight);
  y = layoutIndicators(c, task, t, num, y, mode);
  return { width: CHART_WIDTH, height: Math.ceil(y + PAD / 2), texts: c.texts, rects: c.rects, indicatorMode: mode };
}

/**
 * Lays out a task occurrence's chart (see the module comment): panels for up to nine indicators,
 * else (or when panels would not fit in 1600 px) a table; bars get thinner when many groups need it.
 * @example const { width, height, texts } = layoutRollupChart(task, translator.t("vi"), { timezone: "Asia/Ho_Chi_Minh" });
 */
export function layoutRollupChart(task: TaskRollup, t: Translate, options: { timezone?: string } = {}): ChartLayout {
  const tz = options.timezone ?? "Asia/Ho_Chi_Minh";
  const wanted: ChartLayout["indicatorMode"] =
    task.indicators.length === 0 ? "none" : task.indicators.length <= MAX_PANELS ? "panels" : "table";
  const attempts: [ChartLayout["indicatorMode"], number][] = [
    [wanted, 44],
    [wanted === "panels" ? "table" : wanted, 44],
    [wanted === "panels" ? "table" : wanted, 32],
  ];
  let best: ChartLayout | undefined;
  for (const [mode, bar] of attempts) {
    best = layout(task, t, tz, mode, bar);
    if (best.height <= CHART_MAX_HEIGHT) break;
  }
  return best!;
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The layout as an SVG document (text baselines at 0.95 em below each line's top). */
export function chartSvg(layout: ChartLayout): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  for (const r of layout.rects) {
    parts.push(
      `<rect x="${r.x.toFixed(1)}" y="${r.y.toFixed(1)}" width="${r.width.toFixed(1)}" height="${r.height.toFixed(1)}" rx="${r.radius ?? 0}" fill="${r.fill}"/>`,
    );
  }
  for (const tx of layout.texts) {
    const baseline = tx.y + tx.size * 0.95;
    parts.push(
      `<text x="${tx.x.toFixed(1)}" y="${baseline.toFixed(1)}" font-family="${FONT_FAMILY}" font-size="${tx.size}" font-weight="${tx.bold ? 700 : 400}" fill="${tx.fill}" text-anchor="${tx.anchor}">${escapeXml(tx.text)}</text>`,
    );
  }
  parts.push("</svg>");
  return parts.join("\n");
}

/**
 * Renders a task occurrence as a PNG for a phone (see {@link layoutRollupChart}).
 * @example
 * const png = await renderRollupChart(task, translator.t("vi"), { timezone: "Asia/Ho_Chi_Minh" });
 * await messenger.send(group, { type: "photo", file: { fileName: "tonghop.png", mime: "image/png", data: png } });
 */
export async function renderRollupChart(
  task: TaskRollup,
  t: Translate,
  options: { timezone?: string } = {},
): Promise<Uint8Array> {
  const svg = chartSvg(layoutRollupChart(task, t, options));
  const resvg = new Resvg(svg, {
    background: "#ffffff",
    font: { fontFiles: [FONT_REGULAR, FONT_BOLD], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return new Uint8Array(resvg.render().asPng());
}
