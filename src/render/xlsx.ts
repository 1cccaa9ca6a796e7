/**
 * The rollup workbook, made to print and to add up: A4 landscape, one page wide, the header row
 * repeated on every page, a title row; real dates; totals as SUM formulas; human labels only.
 *
 * Written as SpreadsheetML strings with a fixed table of cell styles (the same workbook exceljs
 * wrote, cell for cell): a row per unit costs a few string joins instead of a style object per
 * cell, so 3,321 units take tens of milliseconds and a few MB, not half a second and hundreds.
 */

import { localDateOf, localTimeOf } from "../core/calendar/time.js";
import { evidenceFileName } from "../core/file-paths.js";
import { formatDateTime } from "../core/format.js";
import { expectedCount, formatIsoDate, formatLocalDate } from "../core/rollups/rollup-text.js";
import type { RollupView, TaskRollup } from "../core/rollups/rollup-types.js";
import type { IndicatorDef, Translate } from "../core/types.js";
import { createZip } from "./zip.js";

const SHEET_NAME_MAX = 31;
const MIN_COL_WIDTH = 9;
const MAX_COL_WIDTH = 45;
/** Rows above the header: the title, the plan line, a blank row. */
const HEADER_ROW = 4;

/** Indexes into cellXfs of STYLES below. */
const S = {
  title: 1,
  subtitle: 2,
  bold: 3,
  header: 4,
  number: 5,
  text: 6,
  date: 7,
  dateTime: 8,
  totalText: 9,
  totalNumber: 10,
} as const;

/**
 * Fonts, fills, borders and the eleven cell styles the workbook uses: the body's thin grey
 * borders and top-aligned wrapped text, "#,##0" numbers (2.500 on a Vietnamese system),
 * dd/mm/yyyy dates, the blue header row and the grey bold totals row.
 */
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts>' +
  '<fonts count="4"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/></font><font><i/></font><font><b/></font></fonts>' +
  '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFEDEDED"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color rgb="FF9E9E9E"/></left><right style="thin"><color rgb="FF9E9E9E"/></right><top style="thin"><color rgb="FF9E9E9E"/></top><bottom style="thin"><color rgb="FF9E9E9E"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="11">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="3" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="3" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="3" fontId="3" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  "</cellXfs>" +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>' +
  "</styleSheet>";

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const X14AC_NS = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac";

/** A formula with the value it gives now (Excel and LibreOffice show it without recalculating). */
interface Formula {
  formula: string;
  result: number;
}
type CellValue = string | number | Date | Formula | null;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text for an XML text node or attribute; control characters XML cannot carry are dropped. */
function escapeXml(value: string): string {
  return value.replace(/[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => ENTITIES[c] ?? "");
}

const col = (n: number): string => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/** Days since 30/12/1899: how a spreadsheet stores a date (the instant's UTC clock, as exceljs). */
const serial = (at: Date): number => at.getTime() / 86_400_000 + 25_569;

/** Each distinct text once (sharedStrings.xml), cells refer to it by index. */
function createSharedStrings() {
  const index = new Map<string, number>();
  let uses = 0;
  return {
    of(text: string): number {
      uses++;
      let i = index.get(text);
      if (i === undefined) index.set(text, (i = index.size));
      return i;
    },
    xml(): string {
      const items: string[] = [];
      for (const text of index.keys())
        items.push(
          /^\s|\s$/.test(text)
            ? `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`
            : `<si><t>${escapeXml(text)}</t></si>`,
        );
      return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${uses}" uniqueCount="${index.size}">${items.join("")}</sst>`;
    },
  };
}
type SharedStrings = ReturnType<typeof createSharedStrings>;

/** The longest line a column's widths go by (the header row: its longest word, since it wraps). */
function widthText(value: CellValue, header: boolean): number {
  if (value === null) return 0;
  const text =
    value instanceof Date
      ? "00/00/0000 00:00"
      : typeof value === "number"
        ? value.toLocaleString("en-US")
        : typeof value === "object"
          ? "0000000"
          : value;
  let longest = 0;
  for (const piece of header ? text.split(/\s+/) : text.split("\n")) longest = Math.max(longest, [...piece].length);
  return longest;
}

/** One worksheet's XML built row by row, with the column widths found on the way. */
function createSheet(strings: SharedStrings, columns: number) {
  const rows: string[] = [];
  const widths: number[] = [];
  const merges: string[] = [];
  let last = 0;
  return {
    /** Adds row `r` with a style per cell; rows from the header on count for the column widths. */
    row(
      r: number,
      values: CellValue[],
      styles: (value: CellValue, column: number) => number,
      options: { height?: number; rowStyle?: number } = {},
    ): void {
      const cells: string[] = [];
      for (let c = 1; c <= columns; c++) {
        const value = values[c - 1] ?? null;
        const ref = `${col(c)}${r}`;
        const s = styles(value, c);
        if (r >= HEADER_ROW) widths[c] = Math.max(widths[c] ?? 0, widthText(value, r === HEADER_ROW));
        if (value === null || value === "") cells.push(`<c r="${ref}" s="${s}"/>`);
        else if (typeof value === "string") cells.push(`<c r="${ref}" s="${s}" t="s"><v>${strings.of(value)}</v></c>`);
        else if (typeof value === "number") cells.push(`<c r="${ref}" s="${s}"><v>${value}</v></c>`);
        else if (value instanceof Date) cells.push(`<c r="${ref}" s="${s}"><v>${serial(value)}</v></c>`);
        else cells.push(`<c r="${ref}" s="${s}"><f>${escapeXml(value.formula)}</f><v>${value.result}</v></c>`);
      }
      const height = options.height ? ` ht="${options.height}" customHeight="1"` : "";
      const style = options.rowStyle ? ` s="${options.rowStyle}" customFormat="1"` : "";
      // dyDescent as Excel (and exceljs) write it: LibreOffice sizes rows with it.
      rows.push(`<row r="${r}"${height}${style} x14ac:dyDescent="0.25">${cells.join("")}</row>`);
      last = Math.max(last, r);
    },
    merge(ref: string): void {
      merges.push(`<mergeCell ref="${ref}"/>`);
    },
    /** The worksheet: frozen panes, widths, data, filter, merges and the print setup (A4 landscape, one page wide). */
    xml(options: { xSplit?: number; autoFilter?: string }): string {
      // Excel's default width is 9, and a column of that width is left out (as exceljs did).
      const cols = widths
        .map((w, c) => ({ c, width: Math.min(MAX_COL_WIDTH, Math.max(MIN_COL_WIDTH, w + 2)) }))
        .filter((x) => x.width !== MIN_COL_WIDTH)
        .map(({ c, width }) => `<col min="${c}" max="${c}" width="${width}" customWidth="1"/>`);
      const pane = options.xSplit
        ? `<pane xSplit="${options.xSplit}" ySplit="${HEADER_ROW}" topLeftCell="${col(options.xSplit + 1)}${HEADER_ROW + 1}" activePane="bottomRight" state="frozen"/><selection pane="bottomRight"/>`
        : `<pane ySplit="${HEADER_ROW}" topLeftCell="A${HEADER_ROW + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>`;
      return (
        `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="${MC_NS}" mc:Ignorable="x14ac" xmlns:x14ac="${X14AC_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
        `<dimension ref="A1:${col(columns)}${last}"/><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="55"/>${cols.length ? `<cols>${cols.join("")}</cols>` : ""}<sheetData>${rows.join("")}</sheetData>` +
        (options.autoFilter ? `<autoFilter ref="${options.autoFilter}"/>` : "") +
        (merges.length ? `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` : "") +
        '<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>&amp;C&amp;P/&amp;N</oddFooter></headerFooter></worksheet>'
      );
    },
  };
}
type Sheet = ReturnType<typeof createSheet>;

/** The local calendar date of an instant as an Excel date (midnight UTC of that date: no zone shift). */
function excelDate(at: Date, tz: string): Date {
  return new Date(`${localDateOf(at, tz)}T00:00:00Z`);
}

function excelDateTime(at: Date, tz: string): Date {
  return new Date(`${localDateOf(at, tz)}T${localTimeOf(at, tz)}:00Z`);
}

/**
 * A sheet name from a task title and its period: at most 31 characters (the title shortened at a
 * word), none of []:*?/\, unique regardless of case. Lengths count UTF-16 units, as Excel does,
 * so an emoji never makes two names equal once cut.
 */
function sheetName(title: string, period: string, taken: Set<string>): string {
  const clean = (s: string) =>
    s
      .replace(/[[\]:*?/\\]/g, "-")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "");
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
    if (!head)
      for (const ch of clean(title))
        if (head.length + ch.length <= room) head += ch;
        else break;
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

const isNumeric = (v: CellValue): boolean =>
  typeof v === "number" || (v !== null && typeof v === "object" && !(v instanceof Date));
const bodyStyle = (v: CellValue): number => (isNumeric(v) ? S.number : S.text);
const totalStyle = (v: CellValue): number => (isNumeric(v) ? S.totalNumber : S.totalText);

/** The title row (merged over the table), the plan line under it, and the header row. */
function top(sheet: Sheet, headers: string[], title: string, subtitle: string): void {
  sheet.row(1, [title], () => S.title, { height: 22 });
  sheet.row(2, [subtitle], () => S.subtitle);
  if (headers.length > 1) {
    sheet.merge(`A1:${col(headers.length)}1`);
    sheet.merge(`A2:${col(headers.length)}2`);
  }
  sheet.row(HEADER_ROW, headers, () => S.header, { height: 62, rowStyle: S.bold });
}

function planLine(view: RollupView, t: Translate): string {
  const parts = [
    view.plan.number
      ? t("render:xlsx.plan_line", {
          number: view.plan.number,
          date: formatIsoDate(view.plan.date),
          issuer: view.plan.parentIssuer || view.plan.issuer,
        })
      : "",
    t("render:xlsx.generated_at", { time: formatDateTime(view.generatedAt, view.timezone) }),
  ];
  return parts.filter(Boolean).join(" · ");
}

/** Where each task sheet's totals are, for the summary's formulas. */
interface TaskSheetRef {
  name: string;
  totalRow: number;
  /** Indicator code → column number on the task sheet. */
  columns: Map<string, number>;
  photoColumn: number;
}

function taskSheet(
  strings: SharedStrings,
  task: TaskRollup,
  view: RollupView,
  t: Translate,
  name: string,
): { xml: string; ref: TaskSheetRef } {
  const tz = view.timezone;
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
  const sheet = createSheet(strings, headers.length);
  const title = task.periodLabel
    ? t("render:xlsx.task_title_period", { title: task.title, period: task.periodLabel })
    : task.title;
  top(
    sheet,
    headers,
    title,
    `${t("render:xlsx.due", { date: formatLocalDate(task.dueAt, tz) })} · ${planLine(view, t)}`,
  );

  const firstIndicator = 7;
  // The same few texts on every row: looked up once.
  const statusText = new Map<string, string>();
  const status = (s: string): string => {
    let text = statusText.get(s);
    if (text === undefined) statusText.set(s, (text = t(`render:status.${s}`)));
    return text;
  };
  task.rows.forEach((row, i) => {
    // Evidence files get names a person can sort: <unit>-<date>-<n>.<ext>.
    const files = row.files.map((f, n) =>
      evidenceFileName(
        row.unitName,
        localDateOf(f.capturedAt ?? f.receivedAt ?? row.submittedAt ?? task.dueAt, tz),
        n + 1,
        f.fileName,
        f.mime,
      ),
    );
    const reported = row.status === "on_time" || row.status === "late";
    const values: CellValue[] = [
      i + 1,
      row.unitName,
      row.group,
      status(row.status),
      row.submittedAt ? excelDateTime(row.submittedAt, tz) : null,
      row.submittedBy ?? "",
      // A missing value stays blank so "not reported" differs from a reported 0.
      ...task.indicators.map((ind) => (reported ? (row.values[ind.code] ?? null) : null)),
      row.references
        .map((ref) =>
          ref.date ? t("render:xlsx.reference", { number: ref.number, date: formatIsoDate(ref.date) }) : ref.number,
        )
        .join("; "),
      row.photoCount,
      files.join("\n"),
    ];
    sheet.row(HEADER_ROW + 1 + i, values, (v, c) => (c === 5 && v instanceof Date ? S.dateTime : bodyStyle(v)));
  });

  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + task.rows.length;
  const sum = (c: number, result: number): CellValue =>
    task.rows.length ? { formula: `SUM(${col(c)}${first}:${col(c)}${last})`, result } : 0;
  const photoColumn = firstIndicator + task.indicators.length + 1;
  const totals: CellValue[] = [
    null,
    t("render:xlsx.total_row"),
    null,
    t("render:xlsx.submitted_ratio", {
      submitted: task.counts.onTime + task.counts.late,
      expected: expectedCount(task),
    }),
    null,
    null,
    ...task.indicators.map((ind, i) => sum(firstIndicator + i, task.totals[ind.code] ?? 0)),
    null,
    sum(
      photoColumn,
      task.rows.reduce((s, r) => s + r.photoCount, 0),
    ),
    null,
  ];
  const totalRow = last + 1;
  sheet.row(totalRow, totals, totalStyle, { rowStyle: S.bold });
  return {
    xml: sheet.xml({ xSplit: 2, autoFilter: `A${HEADER_ROW}:${col(headers.length)}${last}` }),
    ref: {
      name,
      totalRow,
      columns: new Map(task.indicators.map((ind, i) => [ind.code, firstIndicator + i])),
      photoColumn,
    },
  };
}

function summarySheet(strings: SharedStrings, view: RollupView, t: Translate, refs: TaskSheetRef[]): string {
  const indicators = new Map<string, IndicatorDef>();
  for (const task of view.tasks)
    for (const ind of task.indicators) if (!indicators.has(ind.code)) indicators.set(ind.code, ind);
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
  const sheet = createSheet(strings, headers.length);
  top(sheet, headers, view.plan.title, planLine(view, t));
  view.tasks.forEach((task, i) => {
    const c = task.counts;
    const ref = refs[i]!;
    const quoted = `'${ref.name.replace(/'/g, "''")}'`;
    // Totals come from the task sheets' SUM rows, so a corrected unit figure flows through.
    const link = (column: number, result: number): CellValue => ({
      formula: `${quoted}!${col(column)}${ref.totalRow}`,
      result,
    });
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
      ...[...indicators.keys()].map((code) =>
        ref.columns.has(code) ? link(ref.columns.get(code)!, task.totals[code] ?? 0) : null,
      ),
    ];
    sheet.row(HEADER_ROW + 1 + i, values, (v, column) => (column === 4 ? S.date : bodyStyle(v)));
  });
  return sheet.xml({});
}

/** workbook.xml: the sheets in order, each printing its header row on every page. */
function workbookXml(names: string[]): string {
  const sheets = names
    .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`)
    .join("");
  const titles = names
    .map(
      (name, i) =>
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`'${name.replace(/'/g, "''")}'!$${HEADER_ROW}:$${HEADER_ROW}`)}</definedName>`,
    )
    .join("");
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><sheets>${sheets}</sheets><definedNames>${titles}</definedNames><calcPr calcId="171027"/></workbook>`;
}

function packageParts(names: string[], creator: string, created: Date): { path: string; data: string }[] {
  const sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
  const types =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${sheetType}"/>`).join("") +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const officeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const rootRels =
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rel("rId1", `${officeRel}/officeDocument`, "xl/workbook.xml") +
    rel(
      "rId2",
      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      "docProps/core.xml",
    ) +
    rel("rId3", `${officeRel}/extended-properties`, "docProps/app.xml") +
    "</Relationships>";
  const workbookRels =
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rel("rId1", `${officeRel}/styles`, "styles.xml") +
    rel("rId2", `${officeRel}/sharedStrings`, "sharedStrings.xml") +
    names.map((_, i) => rel(`rId${i + 3}`, `${officeRel}/worksheet`, `worksheets/sheet${i + 1}.xml`)).join("") +
    "</Relationships>";
  const iso = created.toISOString().replace(/\.\d{3}Z$/, "Z");
  const core =
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${escapeXml(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`;
  // As exceljs wrote it: LibreOffice lays out rows as Excel does only for a file Excel wrote, and
  // the workbook must print the same page for page whichever program opens it.
  const app = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><AppVersion>16.0300</AppVersion></Properties>`;
  return [
    { path: "[Content_Types].xml", data: types },
    { path: "_rels/.rels", data: rootRels },
    { path: "docProps/core.xml", data: core },
    { path: "docProps/app.xml", data: app },
    { path: "xl/_rels/workbook.xml.rels", data: workbookRels },
    { path: "xl/workbook.xml", data: workbookXml(names) },
    { path: "xl/styles.xml", data: STYLES },
  ];
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
  const taken = new Set<string>();
  const names = [
    sheetName(t("render:xlsx.summary_sheet"), "", taken),
    ...view.tasks.map((task) => sheetName(task.title, task.periodLabel, taken)),
  ];
  const strings = createSharedStrings();
  // The summary is the first sheet but links to the task sheets' totals: they are built first.
  const tasks = view.tasks.map((task, i) => taskSheet(strings, task, view, t, names[i + 1]!));
  const summary = summarySheet(
    strings,
    view,
    t,
    tasks.map((s) => s.ref),
  );
  return createZip([
    ...packageParts(names, view.plan.report?.office || view.plan.issuer, view.generatedAt),
    { path: "xl/sharedStrings.xml", data: strings.xml() },
    { path: "xl/worksheets/sheet1.xml", data: summary },
    ...tasks.map((s, i) => ({ path: `xl/worksheets/sheet${i + 2}.xml`, data: s.xml })),
  ]);
}
