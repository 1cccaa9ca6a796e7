/**
 * The rollup workbook, made to print and to add up: A4 landscape, the header row repeated on
 * every page, a title row; text never printed below 9 pt (a sheet is fitted one page wide only
 * where that holds, its columns narrowed first, else printed on pages side by side); rows as tall
 * as their wrapped text; real dates; totals as SUM formulas; "—" for a figure nobody reported;
 * human labels only.
 *
 * Written as SpreadsheetML strings with a fixed table of cell styles: a row per unit costs a few
 * string joins instead of a style object per cell, so 3,321 units take tens of milliseconds and a
 * few MB, not half a second and hundreds.
 */

import { localDateOf, localTimeOf } from "../core/calendar/time.js";
import { evidenceFileName } from "../core/file-paths.js";
import { formatDateTime } from "../core/format.js";
import { expectedCount, formatIsoDate, formatLocalDate } from "../core/rollups/rollup-text.js";
import type { RollupView, TaskRollup } from "../core/rollups/rollup-types.js";
import type { IndicatorDef, Translate } from "../core/types.js";
import { NOT_REPORTED, reportedTotals } from "./figures.js";
import { planIssuer } from "./issuer.js";
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
  dash: 11,
  totalDash: 12,
} as const;

/**
 * Fonts, fills, borders and the thirteen cell styles the workbook uses: the title rows wrapped,
 * the body's thin grey borders and top-aligned wrapped text, "#,##0" numbers (2.500 on a
 * Vietnamese system), dd/mm/yyyy dates, the blue header row, the grey bold totals row, and the
 * centred "—" of a figure nobody reported.
 */
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts>' +
  '<fonts count="4"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font><font><i/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFEDEDED"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color rgb="FF9E9E9E"/></left><right style="thin"><color rgb="FF9E9E9E"/></right><top style="thin"><color rgb="FF9E9E9E"/></top><bottom style="thin"><color rgb="FF9E9E9E"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="13">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="3" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="3" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="3" fontId="3" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>' +
  '<xf numFmtId="0" fontId="3" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>' +
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
  /** A number, or the "—" of a figure nobody reported. */
  result: number | string;
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
          ? // A formula: as wide as its value, a digit to spare for a later correction.
            `${typeof value.result === "number" ? value.result.toLocaleString("en-US") : value.result}0`
          : value;
  let longest = 0;
  for (const piece of header ? text.split(/\s+/) : text.split("\n")) longest = Math.max(longest, [...piece].length);
  return longest;
}

/** A column's width bounds in characters (Excel's unit: the width of a digit). */
export interface ColumnBounds {
  min?: number;
  max?: number;
  /** A text column that may narrow to this (more wrapped lines) so a wide sheet still prints at 9 pt. */
  floor?: number;
}

/** Print geometry: A4 landscape, 0.25" side margins (Excel's "narrow"), Calibri 11 (the smallest font of the workbook). */
const PAGE_WIDTH_INCHES = 11.69;
const SIDE_MARGIN_INCHES = 0.25;
/** Printable width in pixels at 96 dpi, the unit of column widths. */
const PRINTABLE_PIXELS = Math.floor((PAGE_WIDTH_INCHES - 2 * SIDE_MARGIN_INCHES) * 96);
export const BODY_POINTS = 11;
/** No text prints smaller than this: a sheet that would shrink below it prints on pages side by side. */
export const MIN_PRINTED_POINTS = 9;
/** The smallest scale at which the body text prints at 9 pt, in whole percents. */
const MIN_SCALE = Math.ceil((100 * MIN_PRINTED_POINTS) / BODY_POINTS) / 100;
/** Calibri 11's line in points (Excel's default row height). */
const LINE_POINTS = 15;
const TITLE_POINTS = 14;
const TITLE_LINE_POINTS = 19;

/**
 * Calibri 11's digit in pixels at 96 dpi, unrounded (1038/2048 em): the unit LibreOffice prints
 * column widths in. Excel rounds it to 7 px, so a sheet fitted by this prints at least as large there.
 */
export const DIGIT_PIXELS = (1038 / 2048) * BODY_POINTS * (96 / 72);

/**
 * A column's printed width in pixels (96 dpi) at 100 %.
 * @example columnPixels(9) // 66.9
 */
export function columnPixels(width: number): number {
  return width * DIGIT_PIXELS;
}

/**
 * How a sheet with these column widths prints: scaled to one page wide when its text stays at
 * least 9 pt, else at the smallest legible scale on pages side by side (the first columns repeated).
 * @example printSetup([6, 45, 14]) // { fitToWidth: true, scale: 1, points: 11, firstPageColumns: 3 }
 */
export function printSetup(widths: number[]): {
  fitToWidth: boolean;
  scale: number;
  points: number;
  firstPageColumns: number;
} {
  const total = widths.reduce((sum, w) => sum + columnPixels(w), 0);
  // Whole percents, rounded down, as the programs scale.
  const fit = Math.min(1, Math.floor((100 * PRINTABLE_PIXELS) / total) / 100);
  if (BODY_POINTS * fit >= MIN_PRINTED_POINTS)
    return { fitToWidth: true, scale: fit, points: BODY_POINTS * fit, firstPageColumns: widths.length };
  const scale = MIN_SCALE;
  let used = 0;
  let firstPageColumns = 0;
  for (const w of widths) {
    used += columnPixels(w) * scale;
    if (used > PRINTABLE_PIXELS) break;
    firstPageColumns++;
  }
  return { fitToWidth: false, scale, points: BODY_POINTS * scale, firstPageColumns: Math.max(1, firstPageColumns) };
}

/**
 * Lines a wrapped text takes in a column `width` characters wide: words wrapped greedily, a word
 * longer than the line broken. A character is counted as a digit's width (Vietnamese letters are
 * narrower on average), so the estimate errs taller, never spilling into the next row.
 */
export function lineCount(text: string, width: number, bold = false, points = BODY_POINTS): number {
  return linesIn(text, lineRoom(width, bold, points));
}

/** Characters a line of a column holds: a digit's width each, bold and larger text fewer. */
const lineRoom = (width: number, bold: boolean, points: number): number =>
  Math.max(1, Math.floor(((width - 1) * (bold ? 0.9 : 1) * BODY_POINTS) / points));

function linesIn(text: string, room: number): number {
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines++;
    if (paragraph.length <= room) continue;
    let line = -1;
    for (const word of paragraph.split(" ")) {
      const length = [...word].length;
      if (line < 0) line = length;
      else if (line + 1 + length <= room) line += 1 + length;
      else {
        lines++;
        line = length;
      }
      while (line > room) {
        lines++;
        line -= room;
      }
    }
  }
  return lines;
}

/** Text for a page header or footer: "&" doubled (a code there), at most `max` characters. */
function headerText(text: string, max: number): string {
  const cut = text.length > max ? `${text.slice(0, max - 1).replace(/\s+\S*$/, "")}…` : text;
  return escapeXml(cut.replace(/&/g, "&&"));
}

/**
 * The page number in the footer; a sheet printed on pages side by side leaves its title rows out
 * of the print (columns A–B repeat on every page and would show them cut) and carries the title
 * in the page header and the plan line in the footer instead, on every page.
 */
function headerFooter(titles?: { title: string; subtitle: string }): string {
  if (!titles) return "<oddFooter>&amp;C&amp;P/&amp;N</oddFooter>";
  // Excel allows 255 characters in a header or footer, codes included.
  return (
    `<oddHeader>&amp;L&amp;"-,Bold"&amp;12${headerText(titles.title, 200)}</oddHeader>` +
    `<oddFooter>&amp;L${headerText(titles.subtitle, 200)}&amp;R&amp;P/&amp;N</oddFooter>`
  );
}

/**
 * Column widths: each column's longest text plus 2, within its bounds. A sheet too wide to print
 * one page wide at 9 pt narrows its text columns towards their floors (their text wraps more);
 * a sheet with room to spare at full size gives a column cut short by its bound back what its
 * text needs (fewer wrapped lines, shorter rows), the first columns first.
 */
function fitWidths(longest: number[], bounds: ColumnBounds[], columns: number): number[] {
  const natural = Array.from({ length: columns }, (_, i) =>
    Math.max(bounds[i]?.min ?? MIN_COL_WIDTH, (longest[i] ?? 0) + 2),
  );
  const final = natural.map((w, i) => Math.min(bounds[i]?.max ?? MAX_COL_WIDTH, w));
  const total = final.reduce((sum, w) => sum + w, 0);
  const budget = Math.floor(PRINTABLE_PIXELS / MIN_SCALE / DIGIT_PIXELS);
  if (total > budget) {
    const slack = final.map((w, i) => Math.max(0, w - (bounds[i]?.floor ?? w)));
    const room = slack.reduce((a, b) => a + b, 0);
    // Too wide even at the floors: it prints on pages side by side, its columns as they were.
    if (total - room > budget) return final;
    const excess = total - budget;
    let cut = 0;
    slack.forEach((s, i) => {
      const by = Math.min(s, Math.ceil((excess * s) / room), excess - cut);
      final[i] = final[i]! - by;
      cut += by;
    });
    return final;
  }
  let spare = PRINTABLE_PIXELS - final.reduce((sum, w) => sum + columnPixels(w), 0);
  for (let i = 0; i < columns && spare >= DIGIT_PIXELS; i++) {
    const grow = Math.min(natural[i]! - final[i]!, Math.floor(spare / DIGIT_PIXELS));
    if (grow <= 0) continue;
    final[i] = final[i]! + grow;
    spare -= grow * DIGIT_PIXELS;
  }
  return final;
}

interface SheetRow {
  r: number;
  values: CellValue[];
  cells: string;
  rowStyle?: number;
  /** Rows above the table span the first page's columns (merged): their text wraps over that width. */
  merged?: boolean;
  bold?: boolean;
  /** Font size of the row's text (the title's 14 pt, else 11 pt). */
  points: number;
}

/** One worksheet's XML, written once its column widths are known (a row's height depends on them). */
function createSheet(strings: SharedStrings, columns: number, bounds: ColumnBounds[] = []) {
  const rows: SheetRow[] = [];
  const widths: number[] = [];
  let last = 0;
  let titles: { title: string; subtitle: string } | undefined;
  return {
    /** The title rows' texts, for the page header of a sheet printed on pages side by side. */
    titles(title: string, subtitle: string): void {
      titles = { title, subtitle };
    },
    /** Adds row `r` with a style per cell; rows from the header on count for the column widths. */
    row(
      r: number,
      values: CellValue[],
      styles: (value: CellValue, column: number) => number,
      options: { rowStyle?: number; merged?: boolean; bold?: boolean; points?: number } = {},
    ): void {
      const cells: string[] = [];
      for (let c = 1; c <= columns; c++) {
        const value = values[c - 1] ?? null;
        const ref = `${col(c)}${r}`;
        const s = styles(value, c);
        if (r >= HEADER_ROW && !options.merged)
          widths[c] = Math.max(widths[c] ?? 0, widthText(value, r === HEADER_ROW));
        if (value === null || value === "") cells.push(`<c r="${ref}" s="${s}"/>`);
        else if (typeof value === "string") cells.push(`<c r="${ref}" s="${s}" t="s"><v>${strings.of(value)}</v></c>`);
        else if (typeof value === "number") cells.push(`<c r="${ref}" s="${s}"><v>${value}</v></c>`);
        else if (value instanceof Date) cells.push(`<c r="${ref}" s="${s}"><v>${serial(value)}</v></c>`);
        else if (typeof value.result === "string")
          cells.push(
            `<c r="${ref}" s="${s}" t="str"><f>${escapeXml(value.formula)}</f><v>${escapeXml(value.result)}</v></c>`,
          );
        else cells.push(`<c r="${ref}" s="${s}"><f>${escapeXml(value.formula)}</f><v>${value.result}</v></c>`);
      }
      rows.push({
        r,
        values,
        cells: cells.join(""),
        rowStyle: options.rowStyle,
        merged: options.merged,
        bold: options.bold,
        points: options.points ?? BODY_POINTS,
      });
      last = Math.max(last, r);
    },
    /**
     * The worksheet: frozen panes, widths, data with row heights that fit the wrapped text, filter,
     * the title rows merged over the first page's columns, and the print setup (see printSetup).
     */
    xml(options: { xSplit?: number; autoFilter?: string }): {
      xml: string;
      print: ReturnType<typeof printSetup>;
      /** Printed cells of a sheet on pages side by side: the table without its title rows. */
      printArea?: string;
    } {
      const final = fitWidths(widths.slice(1), bounds, columns);
      const print = printSetup(final);
      const mergedWidth = final.slice(0, print.firstPageColumns).reduce((a, b) => a + b, 0);
      const cols = final.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
      // A body row's room per column, worked out once for thousands of rows.
      const plainRoom = final.map((w) => lineRoom(w, false, BODY_POINTS));
      const boldRoom = final.map((w) => lineRoom(w, true, BODY_POINTS));
      const body = rows.map((row) => {
        let lines = 1;
        const bold = row.bold || row.r === HEADER_ROW;
        const rooms = bold ? boldRoom : plainRoom;
        for (let i = 0; i < columns; i++) {
          const value = row.values[i];
          if (typeof value !== "string") continue;
          const room = row.merged ? lineRoom(mergedWidth, bold, row.points) : rooms[i]!;
          // Most cells are one short line: counted only when they could wrap.
          if (value.length > room || value.includes("\n")) lines = Math.max(lines, linesIn(value, room));
        }
        const points =
          lines * (row.points > BODY_POINTS ? TITLE_LINE_POINTS : LINE_POINTS) + (row.r === HEADER_ROW ? 4 : 0);
        const height = points > LINE_POINTS ? ` ht="${points}" customHeight="1"` : "";
        const style = row.rowStyle ? ` s="${row.rowStyle}" customFormat="1"` : "";
        // dyDescent as Excel (and exceljs) write it: LibreOffice sizes rows with it.
        return `<row r="${row.r}"${height}${style} x14ac:dyDescent="0.25">${row.cells}</row>`;
      });
      const merges =
        columns > 1 && print.firstPageColumns > 1
          ? [1, 2].map((r) => `<mergeCell ref="A${r}:${col(print.firstPageColumns)}${r}"/>`)
          : [];
      const pane = options.xSplit
        ? `<pane xSplit="${options.xSplit}" ySplit="${HEADER_ROW}" topLeftCell="${col(options.xSplit + 1)}${HEADER_ROW + 1}" activePane="bottomRight" state="frozen"/><selection pane="bottomRight"/>`
        : `<pane ySplit="${HEADER_ROW}" topLeftCell="A${HEADER_ROW + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>`;
      const setup = print.fitToWidth
        ? '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        : `<pageSetup paperSize="9" scale="${Math.round(print.scale * 100)}" pageOrder="overThenDown" orientation="landscape"/>`;
      const xml =
        `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="${MC_NS}" mc:Ignorable="x14ac" xmlns:x14ac="${X14AC_NS}"><sheetPr><pageSetUpPr fitToPage="${print.fitToWidth ? 1 : 0}"/></sheetPr>` +
        `<dimension ref="A1:${col(columns)}${last}"/><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="55"/><cols>${cols.join("")}</cols><sheetData>${body.join("")}</sheetData>` +
        (options.autoFilter ? `<autoFilter ref="${options.autoFilter}"/>` : "") +
        (merges.length ? `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` : "") +
        `<printOptions horizontalCentered="${print.fitToWidth ? 1 : 0}"/><pageMargins left="${SIDE_MARGIN_INCHES}" right="${SIDE_MARGIN_INCHES}" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
        `${setup}<headerFooter>${headerFooter(print.fitToWidth ? undefined : titles)}</headerFooter></worksheet>`;
      return { xml, print, printArea: print.fitToWidth ? undefined : `$A$${HEADER_ROW}:$${col(columns)}$${last}` };
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

/** Words a shortened name does not end on ("Kế hoạch tuyên truyền và" reads cut off). */
const DANGLING = new Set([
  "và",
  "của",
  "các",
  "cho",
  "về",
  "với",
  "trong",
  "tại",
  "theo",
  "để",
  "năm",
  "and",
  "of",
  "the",
  "for",
  "in",
  "on",
  "to",
]);

/**
 * Two-syllable words of plan titles: a shortened name keeps both syllables or neither
 * ("Báo cáo tháng kết" reads as a broken word; "Báo cáo tháng" does not).
 */
const COMPOUNDS = new Set(
  [
    "kết quả",
    "báo cáo",
    "kế hoạch",
    "tuyên truyền",
    "cải cách",
    "hành chính",
    "chuyển đổi",
    "thực hiện",
    "triển khai",
    "tổ chức",
    "hội nghị",
    "tập huấn",
    "văn hóa",
    "văn hoá",
    "thông tin",
    "thể thao",
    "du lịch",
    "gia đình",
    "xây dựng",
    "công tác",
    "phong trào",
    "nông thôn",
    "đô thị",
    "học tập",
    "chuyên đề",
    "bầu cử",
    "đại biểu",
    "nhân dân",
    "chính quyền",
    "phòng chống",
    "an toàn",
    "giao thông",
    "bảo vệ",
    "môi trường",
    "sơ kết",
    "tổng kết",
    "đánh giá",
    "kiểm tra",
    "giám sát",
    "pháp luật",
    "phổ biến",
    "giáo dục",
    "di tích",
    "lễ hội",
    "cổ động",
    "trực quan",
    "lưu động",
    "điện tử",
    "hoạt động",
    "phát thanh",
    "truyền thanh",
    "truyền hình",
    "kỷ niệm",
    "sự kiện",
    "chào mừng",
    "hướng dẫn",
    "quản lý",
    "tổng hợp",
    "thống kê",
    "định kỳ",
    "đột xuất",
    "nghị quyết",
    "chỉ thị",
    "quyết định",
    "thanh niên",
    "phụ nữ",
    "nông dân",
    "mặt trận",
    "mạng xã hội",
  ].map((w) => w.split(" ").slice(0, 2).join(" ")),
);

/**
 * A sheet name from a task title and its period: at most 31 characters (Excel's limit), the title
 * cut after a whole word and not on a word like "và" or "của", none of []:*?/\, unique regardless
 * of case. Lengths count UTF-16 units, as Excel does, so an emoji never makes two names equal once
 * cut; only a title whose first word alone is too long is cut inside it, and never inside a letter.
 * @example sheetName("Báo cáo quý kết quả tuyên truyền cải cách hành chính", "Quý I/2026", new Set()) // "Báo cáo quý kết quả Quý I-2026"
 */
export function sheetName(title: string, period: string, taken: Set<string>): string {
  const clean = (s: string) =>
    s
      .normalize("NFC")
      .replace(/[[\]:*?/\\]/g, "-")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "");
  const suffix = clean(period);
  for (let n = 1; ; n++) {
    const tail = [suffix, n === 1 ? "" : `(${n})`].filter(Boolean).join(" ");
    const room = SHEET_NAME_MAX - (tail ? tail.length + 1 : 0);
    const words = clean(title).split(" ");
    let kept = 0;
    let length = -1;
    while (kept < words.length && length + 1 + words[kept]!.length <= room) length += 1 + words[kept++]!.length;
    // Cut short: not inside a two-syllable word nor on a dangling word, unless nothing else is left.
    const lower = (i: number) => words[i]!.toLocaleLowerCase("vi");
    if (kept < words.length)
      while (kept > 1 && (COMPOUNDS.has(`${lower(kept - 1)} ${lower(kept)}`) || DANGLING.has(lower(kept - 1)))) kept--;
    let head = words.slice(0, kept).join(" ");
    if (!head)
      // Whole letters only: a base letter keeps its marks (Intl.Segmenter's graphemes).
      for (const { segment } of new Intl.Segmenter("vi", { granularity: "grapheme" }).segment(clean(title)))
        if (head.length + segment.length <= room) head += segment;
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
const bodyStyle = (v: CellValue): number => (v === NOT_REPORTED ? S.dash : isNumeric(v) ? S.number : S.text);
const totalStyle = (v: CellValue): number =>
  v !== null && typeof v === "object" && !(v instanceof Date) && v.result === NOT_REPORTED
    ? S.totalDash
    : isNumeric(v)
      ? S.totalNumber
      : S.totalText;

/** The title row (merged over the table), the plan line under it, and the header row. */
function top(sheet: Sheet, headers: string[], title: string, subtitle: string): void {
  sheet.row(1, [title], () => S.title, { merged: true, bold: true, points: TITLE_POINTS });
  sheet.row(2, [subtitle], () => S.subtitle, { merged: true });
  sheet.titles(title, subtitle);
  sheet.row(HEADER_ROW, headers, () => S.header, { rowStyle: S.bold, bold: true });
}

function planLine(view: RollupView, t: Translate): string {
  const parts = [
    view.plan.number
      ? t("render:xlsx.plan_line", {
          number: view.plan.number,
          date: formatIsoDate(view.plan.date),
          // The plan's own issuer: a Sở's plan is the Sở's, not its province's (see planIssuer).
          issuer: planIssuer(view.plan),
        })
      : "",
    t("render:xlsx.generated_at", { time: formatDateTime(view.generatedAt, view.timezone) }),
  ];
  return parts.filter(Boolean).join(" · ");
}

type PrintSetup = ReturnType<typeof printSetup>;
/** How a sheet prints, and its print area when it is not the whole sheet. */
interface SheetPrint {
  print: PrintSetup;
  printArea?: string;
}

/** Where each task sheet's totals are, for the summary's formulas. */
interface TaskSheetRef {
  name: string;
  totalRow: number;
  photoColumn: number;
}

function taskSheet(
  strings: SharedStrings,
  task: TaskRollup,
  view: RollupView,
  t: Translate,
  name: string,
): { xml: string; print: SheetPrint; ref: TaskSheetRef } {
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
  // Narrow enough to print at 9 pt or more where the indicators allow; long texts wrap.
  const bounds: ColumnBounds[] = [
    { min: 5, max: 6 },
    { max: 26, floor: 18 },
    { max: 12, floor: 9 },
    { max: 12, floor: 10 },
    { min: 16, max: 16 },
    { max: 13, floor: 10 },
    // Figures of up to six characters ("12.345"); the header wraps at its words.
    ...task.indicators.map(() => ({ min: 8, max: 12 })),
    { max: 14, floor: 10 },
    { min: 7, max: 8 },
    { max: 14, floor: 10 },
  ];
  const sheet = createSheet(strings, headers.length, bounds);
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
      // A figure not reported is "—", so it differs from a reported 0 (and SUM and COUNT skip it).
      ...task.indicators.map((ind) => (reported ? (row.values[ind.code] ?? NOT_REPORTED) : NOT_REPORTED)),
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
  // A column nobody filled shows "—" until a figure is typed in (then its sum): never a total of 0.
  const indicatorSum = (c: number, result: number | undefined): CellValue => {
    const range = `${col(c)}${first}:${col(c)}${last}`;
    if (!task.rows.length) return NOT_REPORTED;
    return result === undefined
      ? { formula: `IF(COUNT(${range})=0,"${NOT_REPORTED}",SUM(${range}))`, result: NOT_REPORTED }
      : { formula: `SUM(${range})`, result };
  };
  const stated = reportedTotals(task);
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
    ...task.indicators.map((ind, i) => indicatorSum(firstIndicator + i, stated.get(ind.code))),
    null,
    sum(
      photoColumn,
      task.rows.reduce((s, r) => s + r.photoCount, 0),
    ),
    null,
  ];
  const totalRow = last + 1;
  sheet.row(totalRow, totals, totalStyle, { rowStyle: S.bold, bold: true });
  const { xml, ...print } = sheet.xml({ xSplit: 2, autoFilter: `A${HEADER_ROW}:${col(headers.length)}${last}` });
  return {
    xml,
    print,
    ref: {
      name,
      totalRow,
      photoColumn,
    },
  };
}

/**
 * The summary: a row per task occurrence, ten columns (its indicators are on its own sheet), so it
 * prints one page wide at full size.
 */
function summarySheet(
  strings: SharedStrings,
  view: RollupView,
  t: Translate,
  refs: TaskSheetRef[],
): { xml: string } & SheetPrint {
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
  ];
  const sheet = createSheet(strings, headers.length, [
    { min: 5, max: 6 },
    { max: 45 },
    { max: 14 },
    { min: 12, max: 12 },
    { max: 12 },
  ]);
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
    ];
    sheet.row(HEADER_ROW + 1 + i, values, (v, column) => (column === 4 ? S.date : bodyStyle(v)));
  });
  return sheet.xml({});
}

/**
 * workbook.xml: the sheets in order, each printing its header row on every page, and a sheet
 * printed on pages side by side its first two columns (STT, the unit) on each of them too.
 */
function workbookXml(names: string[], prints: SheetPrint[]): string {
  const sheets = names
    .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`)
    .join("");
  const titles = names
    .map((name, i) => {
      const quoted = `'${name.replace(/'/g, "''")}'`;
      const rowsRef = `${quoted}!$${HEADER_ROW}:$${HEADER_ROW}`;
      const area = prints[i]?.printArea;
      const ref = area ? `${quoted}!$A:$B,${rowsRef}` : rowsRef;
      return (
        (area
          ? `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeXml(`${quoted}!${area}`)}</definedName>`
          : "") + `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(ref)}</definedName>`
      );
    })
    .join("");
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><sheets>${sheets}</sheets><definedNames>${titles}</definedNames><calcPr calcId="171027"/></workbook>`;
}

function packageParts(
  names: string[],
  prints: SheetPrint[],
  creator: string,
  created: Date,
): { path: string; data: string }[] {
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
    { path: "xl/workbook.xml", data: workbookXml(names, prints) },
    { path: "xl/styles.xml", data: STYLES },
  ];
}

/**
 * Renders a rollup as an XLSX workbook: a summary sheet (one row per task occurrence, ten columns,
 * its photo totals linked to the task sheets) and one sheet per task occurrence (a row per unit
 * with its group, status, submission time, submitter, values, cited documents and evidence file
 * names, and a totals row). Every sheet prints on A4 landscape at 9 pt or more, its header row
 * repeated (see printSetup).
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
  const prints: SheetPrint[] = [summary, ...tasks.map((s) => s.print)];
  return createZip([
    ...packageParts(names, prints, view.plan.report?.office || view.plan.issuer, view.generatedAt),
    { path: "xl/sharedStrings.xml", data: strings.xml() },
    { path: "xl/worksheets/sheet1.xml", data: summary.xml },
    ...tasks.map((s, i) => ({ path: `xl/worksheets/sheet${i + 2}.xml`, data: s.xml })),
  ]);
}
