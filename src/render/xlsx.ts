import ExcelJS from "exceljs";
import { formatDateTime } from "../core/format.js";
import { expectedCount, formatIsoDate, formatLocalDate } from "../core/rollups/rollup-text.js";
import type { RollupView, TaskRollup } from "../core/rollups/rollup-types.js";
import type { IndicatorDef, Translate } from "../core/types.js";

const SHEET_NAME_MAX = 31;
const MIN_COL_WIDTH = 6;
const MAX_COL_WIDTH = 50;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF9E9E9E" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const NUMBER_FORMAT = "#,##0";

type CellValue = string | number | null;

/**
 * Excel sheet names: at most 31 characters, none of []:*?/\, no leading/trailing apostrophe,
 * unique regardless of case.
 */
function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, "-")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "") || "Sheet";
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = Array.from(base).slice(0, SHEET_NAME_MAX - suffix.length).join("").trimEnd() + suffix;
    if (!taken.has(name.toLocaleLowerCase())) {
      taken.add(name.toLocaleLowerCase());
      return name;
    }
  }
}

function indicatorHeader(ind: IndicatorDef, t: Translate): string {
  return ind.measure ? t("render:xlsx.indicator_header", { label: ind.label, measure: ind.measure }) : ind.label;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
}

function styleBody(row: ExcelJS.Row, columns: number): void {
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.border = BORDER;
    if (typeof cell.value === "number") cell.numFmt = NUMBER_FORMAT;
    cell.alignment = { vertical: "top", wrapText: true };
  }
}

/** Widths from the longest text in each column, from `fromRow` down (title rows would skew them). */
function fitColumns(sheet: ExcelJS.Worksheet, fromRow: number): void {
  const widths: number[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber < fromRow) return;
    row.eachCell((cell, col) => {
      const v = cell.value;
      const text = typeof v === "number" ? v.toLocaleString("en-US") : v == null ? "" : String(v);
      const longest = Math.max(...text.split("\n").map((l) => Array.from(l).length));
      widths[col] = Math.max(widths[col] ?? 0, longest);
    });
  });
  widths.forEach((w, col) => {
    if (w !== undefined) sheet.getColumn(col).width = Math.min(MAX_COL_WIDTH, Math.max(MIN_COL_WIDTH, w + 2));
  });
}

function addSummarySheet(wb: ExcelJS.Workbook, view: RollupView, t: Translate, name: string): void {
  const indicators = new Map<string, IndicatorDef>();
  for (const task of view.tasks) for (const ind of task.indicators) if (!indicators.has(ind.code)) indicators.set(ind.code, ind);
  const headerRowNumber = 5;
  const sheet = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: headerRowNumber }] });

  sheet.getCell("A1").value = t("render:xlsx.plan_line", {
    number: view.plan.number,
    date: formatIsoDate(view.plan.date),
    issuer: view.plan.parentIssuer,
  });
  sheet.getCell("A1").font = { bold: true };
  sheet.getCell("A2").value = view.plan.title;
  sheet.getCell("A2").font = { bold: true, size: 13 };
  sheet.getCell("A3").value = `${t("render:xlsx.generated_at", { time: formatDateTime(view.generatedAt, view.timezone) })} ${t(
    "render:xlsx.timezone",
    { tz: view.timezone },
  )}`;
  sheet.getCell("A3").font = { italic: true };

  const headers = [
    t("render:xlsx.col_index"),
    t("render:xlsx.col_task"),
    t("render:xlsx.col_period"),
    t("render:xlsx.col_due"),
    t("render:xlsx.col_submitted"),
    t("render:xlsx.col_on_time"),
    t("render:xlsx.col_late"),
    t("render:xlsx.col_missing"),
    t("render:xlsx.col_photos"),
    ...[...indicators.values()].map((ind) => indicatorHeader(ind, t)),
  ];
  styleHeader(sheet.insertRow(headerRowNumber, headers));

  view.tasks.forEach((task, i) => {
    const c = task.counts;
    const values: CellValue[] = [
      i + 1,
      task.title,
      task.periodLabel,
      formatLocalDate(task.dueAt, view.timezone),
      t("render:xlsx.submitted_ratio", { submitted: c.onTime + c.late, expected: expectedCount(task) }),
      c.onTime,
      c.late,
      c.missing,
      task.photoCount,
      // Blank, not 0, where the task does not ask for the indicator at all.
      ...[...indicators.keys()].map((code) =>
        task.indicators.some((ind) => ind.code === code) ? (task.totals[code] ?? 0) : null,
      ),
    ];
    styleBody(sheet.addRow(values), headers.length);
  });
  fitColumns(sheet, headerRowNumber);
}

function addTaskSheet(wb: ExcelJS.Workbook, task: TaskRollup, view: RollupView, t: Translate, name: string): void {
  const tz = view.timezone;
  const sheet = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
  const headers = [
    t("render:xlsx.col_index"),
    t("render:xlsx.col_unit"),
    t("render:xlsx.col_tags"),
    t("render:xlsx.col_status"),
    t("render:xlsx.col_submitted_at"),
    t("render:xlsx.col_submitted_by"),
    ...task.indicators.map((ind) => indicatorHeader(ind, t)),
    t("render:xlsx.col_references"),
    t("render:xlsx.col_photos"),
    t("render:xlsx.col_files"),
  ];
  styleHeader(sheet.addRow(headers));

  task.rows.forEach((row, i) => {
    const values: CellValue[] = [
      i + 1,
      row.unitName,
      row.tags.join(", "),
      t(`render:status.${row.status}`),
      row.submittedAt ? formatDateTime(row.submittedAt, tz) : "",
      row.submittedBy ?? "",
      // A missing value stays blank so "not reported" differs from a reported 0.
      ...task.indicators.map((ind) => row.values[ind.code] ?? null),
      row.references
        .map((ref) => (ref.date ? t("render:xlsx.reference", { number: ref.number, date: formatIsoDate(ref.date) }) : ref.number))
        .join("; "),
      row.photoCount,
      row.files.map((f) => f.fileName).join("\n"),
    ];
    styleBody(sheet.addRow(values), headers.length);
  });

  const c = task.counts;
  const totals: CellValue[] = [
    null,
    t("render:xlsx.total_row"),
    null,
    t("render:xlsx.submitted_ratio", { submitted: c.onTime + c.late, expected: expectedCount(task) }),
    null,
    null,
    ...task.indicators.map((ind) => task.totals[ind.code] ?? 0),
    null,
    task.photoCount,
    null,
  ];
  const totalRow = sheet.addRow(totals);
  styleBody(totalRow, headers.length);
  totalRow.font = { bold: true };
  totalRow.eachCell({ includeEmpty: true }, (cell) => {
    cell.fill = HEADER_FILL;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + task.rows.length, column: headers.length } };
  fitColumns(sheet, 1);
}

/**
 * Renders a rollup as an XLSX workbook: a summary sheet (plan, generation time, one row per task
 * occurrence with counts, photos and indicator totals) and one sheet per task occurrence with a
 * row per unit, its status, submission time, submitter, values, references and evidence files,
 * and a totals row.
 * @example
 * const data = await renderRollupXlsx(view, translator.t("vi"));
 * const file: OutgoingFile = { fileName: "tonghop.xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data };
 */
export async function renderRollupXlsx(view: RollupView, t: Translate): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = view.plan.issuer;
  wb.created = view.generatedAt;
  const taken = new Set<string>();
  addSummarySheet(wb, view, t, uniqueSheetName(t("render:xlsx.summary_sheet"), taken));
  for (const task of view.tasks) {
    const wanted = task.periodLabel ? `${task.taskCode} ${task.periodLabel}` : task.taskCode || task.title;
    addTaskSheet(wb, task, view, t, uniqueSheetName(wanted, taken));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
