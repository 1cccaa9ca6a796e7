/**
 * The rollup workbook, made to print and to add up: A4 landscape, one page wide, the header row
 * repeated on every page, a title row; real dates; totals as SUM formulas; human labels only.
 */
import ExcelJS from "exceljs";
import { formatDateTime } from "../core/format.js";
import { localDateOf, localTimeOf } from "../core/calendar/time.js";
import { evidenceFileName } from "../core/file-paths.js";
import { expectedCount, formatIsoDate, formatLocalDate } from "../core/rollups/rollup-text.js";
import type { RollupView, TaskRollup } from "../core/rollups/rollup-types.js";
import type { IndicatorDef, Translate } from "../core/types.js";

const SHEET_NAME_MAX = 31;
const MIN_COL_WIDTH = 9;
const MAX_COL_WIDTH = 45;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const TOTAL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF9E9E9E" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
/** Excel shows these with the reader's separators: 2.500 on a Vietnamese system. */
const NUMBER_FORMAT = "#,##0";
const DATE_FORMAT = "dd/mm/yyyy";
const DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";
/** Rows above the header: the title, the plan line, a blank row. */
const HEADER_ROW = 4;

type CellValue = ExcelJS.CellValue;

/** A4 landscape, one page wide (as many pages down as needed), the header row on every page. */
function printSetup(sheet: ExcelJS.Worksheet, headerRow: number): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: "&C&P/&N" };
}

/** The local calendar date of an instant as an Excel date (midnight UTC of that date: no zone shift). */
function excelDate(at: Date, tz: string): Date {
  return new Date(`${localDateOf(at, tz)}T00:00:00Z`);
}

function excelDateTime(at: Date, tz: string): Date {
  return new Date(`${localDateOf(at, tz)}T${localTimeOf(at, tz)}:00Z`);
}

/**
 * A sheet name from a task title and its period: at most 31 characters (the title shortened at a
 * word), none of []:*?/\, unique regardless of case. Lengths count UTF-16 units, as Excel and
 * exceljs do, so an emoji never makes two names equal once exceljs cuts them.
 */
function sheetName(title: string, period: string, taken: Set<string>): string {
  const clean = (s: string) => s.replace(/[[\]:*?/\\]/g, "-").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "");
  const suffix = clean(period);
  for (let n = 1; ; n++) {
    const tail = [suffix, n === 1 ? "" : `(${n})`].filter(Boolean).join(" ");
    const room = SHEET_NAME_MAX - (tail ? tail.length + 1 : 0);
    let head = "";
    for (const word of clean(title).split(" ")) {
      const next = head ? `${head} ${word}` : word;
      if (next.length > room) break;
      head = next;
    }
    if (!head) for (const ch of clean(title)) if (head.length + ch.length <= room) head += ch; else break;
    const name = [head, tail].filter(Boolean).join(" ") || "Sheet";
    if (!taken.has(name.toLocaleLowerCase("vi"))) {
      taken.add(name.toLocaleLowerCase("vi"));
      return name;
    }
  }
}

function indicatorHeader(ind: IndicatorDef, t: Translate): string {
  return ind.measure ? t("render:xlsx.indicator_header", { label: ind.label, measure: ind.measure }) : ind.label;
}

function styleHeader(row: ExcelJS.Row, columns: number): void {
  row.font = { bold: true };
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  }
}

function styleBody(row: ExcelJS.Row, columns: number): void {
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.border = BORDER;
    cell.alignment = { vertical: "top", wrapText: true };
    if (typeof cell.value === "number" || (cell.value && typeof cell.value === "object" && "formula" in cell.value)) cell.numFmt ||= NUMBER_FORMAT;
  }
}

/**
 * Widths from the longest text in each column below the header; the header wraps, so only its
 * longest word counts (the title rows would skew them, so they are not looked at).
 */
function fitColumns(sheet: ExcelJS.Worksheet, headerRow: number): void {
  const widths: number[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber < headerRow) return;
    row.eachCell((cell, col) => {
      const v = cell.value;
      const text = v instanceof Date ? "00/00/0000 00:00" : typeof v === "number" ? v.toLocaleString("en-US") : v && typeof v === "object" ? "0000000" : v == null ? "" : String(v);
      const pieces = rowNumber === headerRow ? text.split(/\s+/) : text.split("\n");
      const longest = Math.max(...pieces.map((l) => Array.from(l).length));
      widths[col] = Math.max(widths[col] ?? 0, longest);
    });
  });
  sheet.getRow(headerRow).height = 62;
  widths.forEach((w, col) => {
    if (w !== undefined) sheet.getColumn(col).width = Math.min(MAX_COL_WIDTH, Math.max(MIN_COL_WIDTH, w + 2));
  });
}

/** The title row (merged over the table) and the plan line under it. */
function titleRows(sheet: ExcelJS.Worksheet, columns: number, title: string, subtitle: string): void {
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = subtitle;
  sheet.getCell(2, 1).font = { italic: true };
  if (columns > 1) {
    sheet.mergeCells(1, 1, 1, columns);
    sheet.mergeCells(2, 1, 2, columns);
  }
  sheet.getRow(1).height = 22;
}

function planLine(view: RollupView, t: Translate): string {
  const parts = [
    view.plan.number ? t("render:xlsx.plan_line", { number: view.plan.number, date: formatIsoDate(view.plan.date), issuer: view.plan.parentIssuer || view.plan.issuer }) : "",
    t("render:xlsx.generated_at", { time: formatDateTime(view.generatedAt, view.timezone) }),
  ];
  return parts.filter(Boolean).join(" · ");
}

const col = (n: number): string => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/** Where each task sheet's totals are, for the summary's formulas. */
interface TaskSheetRef {
  name: string;
  totalRow: number;
  /** Indicator code → column number on the task sheet. */
  columns: Map<string, number>;
  photoColumn: number;
}

function addTaskSheet(wb: ExcelJS.Workbook, task: TaskRollup, view: RollupView, t: Translate, name: string): TaskSheetRef {
  const tz = view.timezone;
  const sheet = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 2 }] });
  const headers = [
    t("render:xlsx.col_index"),
    t("render:xlsx.col_unit"),
    t("render:xlsx.col_group"),
    t("render:xlsx.col_status"),
    t("render:xlsx.col_submitted_at"),
    t("render:xlsx.col_submitted_by"),
    ...task.indicators.map((ind) => indicatorHeader(ind, t)),
    t("render:xlsx.col_references"),
    t("render:xlsx.col_photos"),
    t("render:xlsx.col_files"),
  ];
  const title = task.periodLabel ? t("render:xlsx.task_title_period", { title: task.title, period: task.periodLabel }) : task.title;
  titleRows(sheet, headers.length, title, `${t("render:xlsx.due", { date: formatLocalDate(task.dueAt, tz) })} · ${planLine(view, t)}`);
  sheet.getRow(HEADER_ROW).values = headers;
  styleHeader(sheet.getRow(HEADER_ROW), headers.length);

  const firstIndicator = 7;
  task.rows.forEach((row, i) => {
    // Evidence files get names a person can sort: <unit>-<date>-<n>.<ext>.
    const files = row.files.map((f, n) => evidenceFileName(row.unitName, localDateOf(f.capturedAt ?? f.receivedAt ?? row.submittedAt ?? task.dueAt, tz), n + 1, f.fileName, f.mime));
    const reported = row.status === "on_time" || row.status === "late";
    const values: CellValue[] = [
      i + 1,
      row.unitName,
      row.group,
      t(`render:status.${row.status}`),
      row.submittedAt ? excelDateTime(row.submittedAt, tz) : null,
      row.submittedBy ?? "",
      // A missing value stays blank so "not reported" differs from a reported 0.
      ...task.indicators.map((ind) => (reported ? (row.values[ind.code] ?? null) : null)),
      row.references.map((ref) => (ref.date ? t("render:xlsx.reference", { number: ref.number, date: formatIsoDate(ref.date) }) : ref.number)).join("; "),
      row.photoCount,
      files.join("\n"),
    ];
    const r = sheet.addRow(values);
    styleBody(r, headers.length);
    if (row.submittedAt) r.getCell(5).numFmt = DATE_TIME_FORMAT;
  });

  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + task.rows.length;
  const sum = (c: number, result: number): CellValue => (task.rows.length ? { formula: `SUM(${col(c)}${first}:${col(c)}${last})`, result } : 0);
  const photoColumn = firstIndicator + task.indicators.length + 1;
  const totals: CellValue[] = [
    null,
    t("render:xlsx.total_row"),
    null,
    t("render:xlsx.submitted_ratio", { submitted: task.counts.onTime + task.counts.late, expected: expectedCount(task) }),
    null,
    null,
    ...task.indicators.map((ind, i) => sum(firstIndicator + i, task.totals[ind.code] ?? 0)),
    null,
    sum(photoColumn, task.rows.reduce((s, r) => s + r.photoCount, 0)),
    null,
  ];
  const totalRow = sheet.addRow(totals);
  styleBody(totalRow, headers.length);
  totalRow.font = { bold: true };
  for (let c = 1; c <= headers.length; c++) totalRow.getCell(c).fill = TOTAL_FILL;
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: last, column: headers.length } };
  fitColumns(sheet, HEADER_ROW);
  printSetup(sheet, HEADER_ROW);
  return {
    name,
    totalRow: totalRow.number,
    columns: new Map(task.indicators.map((ind, i) => [ind.code, firstIndicator + i])),
    photoColumn,
  };
}

function fillSummarySheet(sheet: ExcelJS.Worksheet, view: RollupView, t: Translate, refs: TaskSheetRef[]): void {
  const indicators = new Map<string, IndicatorDef>();
  for (const task of view.tasks) for (const ind of task.indicators) if (!indicators.has(ind.code)) indicators.set(ind.code, ind);
  const headers = [
    t("render:xlsx.col_index"),
    t("render:xlsx.col_task"),
    t("render:xlsx.col_period"),
    t("render:xlsx.col_due"),
    t("render:xlsx.col_submitted"),
    t("render:xlsx.col_on_time"),
    t("render:xlsx.col_late"),
    t("render:xlsx.col_missing"),
    t("render:xlsx.col_unreachable"),
    t("render:xlsx.col_photos"),
    ...[...indicators.values()].map((ind) => indicatorHeader(ind, t)),
  ];
  titleRows(sheet, headers.length, view.plan.title, planLine(view, t));
  sheet.getRow(HEADER_ROW).values = headers;
  styleHeader(sheet.getRow(HEADER_ROW), headers.length);

  view.tasks.forEach((task, i) => {
    const c = task.counts;
    const ref = refs[i]!;
    const quoted = `'${ref.name.replace(/'/g, "''")}'`;
    // Totals come from the task sheets' SUM rows, so a corrected unit figure flows through.
    const link = (column: number, result: number): CellValue => ({ formula: `${quoted}!${col(column)}${ref.totalRow}`, result });
    const values: CellValue[] = [
      i + 1,
      task.title,
      task.periodLabel,
      excelDate(task.dueAt, view.timezone),
      t("render:xlsx.submitted_ratio", { submitted: c.onTime + c.late, expected: expectedCount(task) }),
      c.onTime,
      c.late,
      c.missing,
      c.unreachable,
      link(ref.photoColumn, task.photoCount),
      // Blank, not 0, where the task does not ask for the indicator at all.
      ...[...indicators.keys()].map((code) => (ref.columns.has(code) ? link(ref.columns.get(code)!, task.totals[code] ?? 0) : null)),
    ];
    const row = sheet.addRow(values);
    styleBody(row, headers.length);
    row.getCell(4).numFmt = DATE_FORMAT;
  });
  fitColumns(sheet, HEADER_ROW);
  printSetup(sheet, HEADER_ROW);
}

/**
 * Renders a rollup as an XLSX workbook: a summary sheet (one row per task occurrence, its totals
 * linked to the task sheets) and one sheet per task occurrence (a row per unit with its group,
 * status, submission time, submitter, values, cited documents and evidence file names, and a SUM
 * totals row). Every sheet prints on A4 landscape, one page wide, with its header row repeated.
 * @example
 * const data = await renderRollupXlsx(view, translator.t("vi"));
 */
export async function renderRollupXlsx(view: RollupView, t: Translate): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = view.plan.report?.office || view.plan.issuer;
  wb.created = view.generatedAt;
  const taken = new Set<string>();
  const summaryName = sheetName(t("render:xlsx.summary_sheet"), "", taken);
  const names = view.tasks.map((task) => sheetName(task.title, task.periodLabel, taken));
  // The summary is the first sheet but links to the task sheets: it is filled after them.
  const summary = wb.addWorksheet(summaryName, { views: [{ state: "frozen", ySplit: HEADER_ROW }] });
  const refs = view.tasks.map((task, i) => addTaskSheet(wb, task, view, t, names[i]!));
  fillSummarySheet(summary, view, t, refs);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
