/**
 * The first sheet of an Excel workbook (.xlsx) as the rows of a pasted table ("| STT | Chỉ tiêu |
 * ĐVT | Số lượng |"), so that an officer's report sent as a spreadsheet is read by the same table
 * reader as one pasted into chat. SpreadsheetML is read with a small tag scanner: shared strings,
 * inline strings and cell values; styles, formulas and merged cells are not needed for the text.
 */

import { decodeXml as decode } from "./xml-entities.js";
import { readZipEntry, zipNames } from "./zip-entry.js";

/** Largest XML part read (a report's sheet is a few hundred kB at most). */
const MAX_XML_BYTES = 20 * 1024 * 1024;
/** Rows read: a report's table is far shorter; a data dump is not a report. */
const MAX_ROWS = 2_000;

const xmlOf = (data: Uint8Array, name: string) => {
  const bytes = readZipEntry(data, name, MAX_XML_BYTES);
  return bytes && new TextDecoder().decode(bytes);
};

/** The text runs of an `<si>` or `<is>` element, joined. */
const runsOf = (xml: string) => [...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1])).join("");

/** "AB" → 27 (1-based). */
const columnOf = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** A number as a clerk would type it: Excel stores 12 as "12" and 1.5 as "1.5"; floats' noise is cut. */
const numberText = (v: string) => {
  const n = Number(v);
  return Number.isFinite(n) ? String(Math.round(n * 1e6) / 1e6) : v;
};

/** The sheet Excel shows first: the workbook's first sheet element, through its relationship. */
function firstSheetPath(data: Uint8Array): string | undefined {
  const workbook = xmlOf(data, "xl/workbook.xml");
  const rels = xmlOf(data, "xl/_rels/workbook.xml.rels");
  const id = workbook && /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target = id && rels && new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*\\bTarget="([^"]+)"`).exec(rels)?.[1];
  if (target) return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  return zipNames(data).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
}

/**
 * The rows of the workbook's first sheet, each as "| cell | cell |" (empty cells kept so columns
 * line up; empty rows left out). Empty string when the sheet has no text.
 * @example xlsxText(bytes) // "| STT | Chỉ tiêu | ĐVT | Số lượng |\n| 1 | Pa nô | cái | 12 |"
 */
export function xlsxText(data: Uint8Array): string {
  const path = firstSheetPath(data);
  const sheet = path && xmlOf(data, path);
  if (!sheet) return "";
  const sharedXml = xmlOf(data, "xl/sharedStrings.xml") ?? "";
  const shared = [...sharedXml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>/g)].map((m) => runsOf(m[1]));
  const lines: string[] = [];
  for (const row of sheet.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    if (lines.length >= MAX_ROWS) break;
    const cells: string[] = [];
    for (const c of row[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1];
      const body = c[2] ?? "";
      const column = columnOf(/\br="([A-Z]+)\d+"/.exec(attrs)?.[1] ?? "") || cells.length + 1;
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const text =
        type === "s"
          ? (shared[Number(v)] ?? "")
          : type === "inlineStr"
            ? runsOf(body)
            : v === undefined
              ? ""
              : type === "str" || type === "e"
                ? decode(v)
                : type === "b"
                  ? v
                  : numberText(v);
      while (cells.length < column - 1) cells.push("");
      cells[column - 1] = text.replace(/\s+/g, " ").trim();
    }
    if (cells.some(Boolean)) lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}
