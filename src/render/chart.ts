import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import type { TaskRollup, UnitRollupRow, UnitStatus } from "../core/rollups/rollup-types.js";
import type { Translate } from "../core/types.js";

const require = createRequire(import.meta.url);

/** Be Vietnam Pro (SIL OFL 1.1): a TTF with full Vietnamese coverage; resvg cannot read WOFF. */
const FONT_FAMILY = "Be Vietnam Pro";
const FONT_FILES = [
  require.resolve("@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf"),
  require.resolve("@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf"),
];

const DEFAULT_WIDTH = 1200;
const MIN_WIDTH = 480;
const MAX_WIDTH = 4000;
const MIN_HEIGHT = 320;
const MAX_HEIGHT = 3000;
/** Above this many units one bar per unit is unreadable: bars are grouped by each unit's first tag. */
const MAX_UNIT_ROWS = 40;
const MAX_GROUPS = 40;
const TOP_INDICATORS = 5;
/** Average advance of Be Vietnam Pro at 12 px, a little generous. */
const LABEL_CHAR_WIDTH = 7.4;
const LABEL_MAX_WIDTH = 260;

const STATUS_ORDER: UnitStatus[] = ["on_time", "late", "missing", "excused"];
const STATUS_COLORS: Record<UnitStatus, string> = {
  on_time: "#2e7d32",
  late: "#ef6c00",
  missing: "#c62828",
  excused: "#9e9e9e",
};
const INDICATOR_COLORS = ["#1565c0", "#6a1b9a", "#00838f", "#795548", "#ad1457"];

interface ChartGroup {
  name: string;
  counts: Record<UnitStatus, number>;
  values: Record<string, number>;
}

function emptyCounts(): Record<UnitStatus, number> {
  return { on_time: 0, late: 0, missing: 0, excused: 0 };
}

function addRow(group: ChartGroup, row: UnitRollupRow): void {
  group.counts[row.status] += 1;
  for (const [code, value] of Object.entries(row.values)) group.values[code] = (group.values[code] ?? 0) + value;
}

function groupRows(rows: UnitRollupRow[], t: Translate): { groups: ChartGroup[]; byTag: boolean } {
  if (rows.length <= MAX_UNIT_ROWS) {
    return {
      byTag: false,
      groups: rows.map((row) => {
        const group: ChartGroup = { name: row.unitName, counts: emptyCounts(), values: {} };
        addRow(group, row);
        return group;
      }),
    };
  }
  const byName = new Map<string, ChartGroup>();
  for (const row of rows) {
    const name = row.tags[0] ?? t("render:chart.untagged");
    let group = byName.get(name);
    if (!group) byName.set(name, (group = { name, counts: emptyCounts(), values: {} }));
    addRow(group, row);
  }
  let groups = [...byName.values()];
  if (groups.length > MAX_GROUPS) {
    const size = (g: ChartGroup) => STATUS_ORDER.reduce((s, k) => s + g.counts[k], 0);
    groups.sort((a, b) => size(b) - size(a));
    const other: ChartGroup = { name: t("render:chart.other_groups"), counts: emptyCounts(), values: {} };
    for (const g of groups.slice(MAX_GROUPS - 1)) {
      for (const k of STATUS_ORDER) other.counts[k] += g.counts[k];
      for (const [code, v] of Object.entries(g.values)) other.values[code] = (other.values[code] ?? 0) + v;
    }
    groups = [...groups.slice(0, MAX_GROUPS - 1), other];
  }
  return { byTag: true, groups };
}

/** Rough legend line count: resvg has no layout feedback, so reserve space from text lengths. */
function legendLines(names: string[], width: number): number {
  let lines = 1;
  let x = 0;
  for (const name of names) {
    const w = 35 + name.length * 7;
    if (x > 0 && x + w > width) {
      lines += 1;
      x = 0;
    }
    x += w;
  }
  return lines;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

/** What {@link renderRollupChart} draws: the ECharts option and the canvas size in pixels. */
export interface RollupChartSpec {
  option: echarts.EChartsOption;
  width: number;
  height: number;
  /** True when the rows are groups of units by their first tag rather than single units. */
  byTag: boolean;
  /** Row labels from top to bottom: unit names, or tags. */
  categories: string[];
}

/**
 * Builds the chart of a task occurrence without rendering it: one bar row per unit coloured by
 * status beside grouped bars of the five largest indicator totals; above 40 units, one row per
 * tag (each unit's first tag) with status counts.
 * @example
 * const { option, width, height } = buildRollupChartOption(task, translator.t("vi"));
 */
export function buildRollupChartOption(
  task: TaskRollup,
  t: Translate,
  options: { width?: number; height?: number } = {},
): RollupChartSpec {
  const num = new Intl.NumberFormat(t("render:number_locale"));
  const { groups, byTag } = groupRows(task.rows, t);
  const indicators = task.indicators
    .filter((ind) => (task.totals[ind.code] ?? 0) > 0)
    .sort((a, b) => (task.totals[b.code] ?? 0) - (task.totals[a.code] ?? 0))
    .slice(0, TOP_INDICATORS);
  const statuses = STATUS_ORDER.filter((s) => s !== "excused" || groups.some((g) => g.counts.excused > 0));

  const width = clamp(options.width ?? DEFAULT_WIDTH, MIN_WIDTH, MAX_WIDTH);
  const split = indicators.length > 0;
  const panelWidth = split ? width * 0.46 : width * 0.94;
  const statusNames = statuses.map((s) => t(`render:status.${s}`));
  const indicatorNames = indicators.map((ind) =>
    t("render:chart.indicator_legend", {
      label: ind.label,
      total: num.format(task.totals[ind.code] ?? 0),
      measure: ind.measure ?? "",
    }).trim(),
  );
  const legendRows = Math.max(legendLines(statusNames, panelWidth), split ? legendLines(indicatorNames, panelWidth) : 1);
  const top = 100 + legendRows * 22 + 10;
  const bottom = 40;
  const rowHeight = Math.max(26, split ? 10 + 8 * indicators.length : 26);
  const height = clamp(options.height ?? top + bottom + groups.length * rowHeight, MIN_HEIGHT, MAX_HEIGHT);

  const c = task.counts;
  const title = task.periodLabel
    ? t("render:chart.title", { title: task.title, period: task.periodLabel })
    : t("render:chart.title_no_period", { title: task.title });
  const subtitle = t("render:chart.subtitle", {
    submitted: c.onTime + c.late,
    expected: c.total - c.excused,
    onTime: c.onTime,
    late: c.late,
    missing: c.missing,
    photos: num.format(task.photoCount),
  });
  const categories = groups.map((g) => g.name);
  // SSR has no font metrics, so reserve the label column from the text length ourselves.
  const labelWidth = Math.min(LABEL_MAX_WIDTH, Math.max(40, ...categories.map((c) => Math.ceil(c.length * LABEL_CHAR_WIDTH))));
  const leftGrid = {
    left: Math.round(width * 0.02) + labelWidth + 12,
    right: split ? "52%" : "4%",
    top,
    bottom,
    outerBoundsMode: "none" as const,
  };
  const rightGrid = { left: "52%", right: "4%", top, bottom, outerBoundsMode: "none" as const };

  const option: echarts.EChartsOption = {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: FONT_FAMILY },
    title: [
      {
        text: title,
        subtext: subtitle,
        left: "center",
        top: 10,
        textStyle: { fontSize: 18, fontWeight: "bold", color: "#212121", width: width - 40, overflow: "truncate" },
        subtextStyle: { fontSize: 13, color: "#424242" },
      },
      {
        text: t(byTag ? "render:chart.status_panel_by_tag" : "render:chart.status_panel"),
        left: "2%",
        top: 70,
        textStyle: { fontSize: 13, fontWeight: "bold", color: "#424242" },
      },
      ...(split
        ? [
            {
              text: t("render:chart.indicators_panel", { count: indicators.length }),
              left: "52%",
              top: 70,
              textStyle: { fontSize: 13, fontWeight: "bold" as const, color: "#424242" },
            },
          ]
        : []),
    ],
    legend: [
      { data: statusNames, left: "2%", top: 96, width: panelWidth, itemGap: 14 },
      ...(split ? [{ data: indicatorNames, left: "52%", top: 96, width: panelWidth, itemGap: 14 }] : []),
    ],
    grid: split ? [leftGrid, rightGrid] : [leftGrid],
    xAxis: [
      byTag
        ? { type: "value", gridIndex: 0, minInterval: 1 }
        : { type: "value", gridIndex: 0, max: 1, show: false },
      ...(split ? [{ type: "value" as const, gridIndex: 1, minInterval: 1 }] : []),
    ],
    yAxis: [
      {
        type: "category",
        gridIndex: 0,
        data: categories,
        inverse: true,
        axisTick: { show: false },
        axisLabel: { fontSize: 12, color: "#212121", width: labelWidth, overflow: "truncate" },
      },
      ...(split
        ? [{ type: "category" as const, gridIndex: 1, data: categories, inverse: true, axisLabel: { show: false }, axisTick: { show: false } }]
        : []),
    ],
    series: [
      ...statuses.map((status, i) => ({
        type: "bar" as const,
        name: statusNames[i],
        stack: "status",
        xAxisIndex: 0,
        yAxisIndex: 0,
        barWidth: "70%",
        itemStyle: { color: STATUS_COLORS[status] },
        label: {
          show: true,
          color: "#ffffff",
          fontSize: 11,
          // Per unit the bar is the whole row, so it carries the status word; per tag it carries a count.
          formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? (byTag ? num.format(Number(p.value)) : statusNames[i]) : ""),
        },
        data: groups.map((g) => g.counts[status]),
      })),
      ...indicators.map((ind, i) => ({
        type: "bar" as const,
        name: indicatorNames[i],
        xAxisIndex: 1,
        yAxisIndex: 1,
        itemStyle: { color: INDICATOR_COLORS[i % INDICATOR_COLORS.length] },
        label: {
          show: true,
          position: "right" as const,
          fontSize: 10,
          color: "#424242",
          formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? num.format(Number(p.value)) : ""),
        },
        data: groups.map((g) => g.values[ind.code] ?? 0),
      })),
    ],
  };

  return { option, width, height, byTag, categories };
}

/**
 * Renders a task occurrence as a PNG chart (see {@link buildRollupChartOption}): title with the
 * period, status per unit (green on time, orange late, red missing) and the main indicator totals.
 * Server-side: ECharts SSR to SVG, then resvg with an embedded Vietnamese-capable font.
 * @example
 * const png = await renderRollupChart(task, translator.t("vi"));
 * await messenger.send(group, { type: "photo", file: { fileName: "tonghop.png", mime: "image/png", data: png } });
 */
export async function renderRollupChart(
  task: TaskRollup,
  t: Translate,
  options: { width?: number; height?: number } = {},
): Promise<Uint8Array> {
  const { option, width, height } = buildRollupChartOption(task, t, options);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption(option);
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const resvg = new Resvg(svg, {
    background: "#ffffff",
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return new Uint8Array(resvg.render().asPng());
}
