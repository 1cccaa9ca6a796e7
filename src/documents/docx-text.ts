/**
 * The text of a Word document (.docx) for the plan drafter: paragraphs in order, Word's automatic
 * numbering written out ("I.", "1.", "a)", "-"), tables of tasks as "| cell | cell |" rows, and the
 * two-column tables of the header and signature (issuer | national motto, recipients | signer)
 * as side-by-side lines, the way the text of such a document reads. WordprocessingML is read with
 * a small tag scanner: only w:p, w:r, w:t, w:tab, w:br, w:tbl/w:tr/w:tc and numbering matter here.
 */

import { decodeXml as decode } from "./xml-entities.js";
import { readZipEntry } from "./zip-entry.js";

/** Largest XML part read (the text of a 300-page document is far less). */
const MAX_XML_BYTES = 30 * 1024 * 1024;

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

interface Level {
  format: string;
  text: string;
  start: number;
}

/** numId → levels, from word/numbering.xml. */
function readNumbering(xml: string | undefined): Map<string, Level[]> {
  const out = new Map<string, Level[]>();
  if (!xml) return out;
  const abstracts = new Map<string, Level[]>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels: Level[] = [];
    for (const l of m[2].matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2];
      levels[Number(l[1])] = {
        format: attr(/<w:numFmt\b[^>]*>/.exec(body)?.[0] ?? "", "w:val") ?? "decimal",
        text: decode(attr(/<w:lvlText\b[^>]*>/.exec(body)?.[0] ?? "", "w:val") ?? ""),
        start: Number(attr(/<w:start\b[^>]*>/.exec(body)?.[0] ?? "", "w:val") ?? 1),
      };
    }
    abstracts.set(m[1], levels);
  }
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstract = attr(/<w:abstractNumId\b[^>]*>/.exec(m[2])?.[0] ?? "", "w:val");
    if (abstract && abstracts.has(abstract)) out.set(m[1], abstracts.get(abstract)!);
  }
  return out;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [v, s] of table) while (n >= v) [out, n] = [out + s, n - v];
  return out;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "lowerLetter":
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case "upperLetter":
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case "bullet":
      return "-";
    case "none":
      return "";
    default:
      return String(n);
  }
}

type Cell = string[];
type Row = Cell[];
type Item = { kind: "p"; text: string } | { kind: "table"; rows: Row[] };

/** Scans the body's XML into paragraphs and tables (nested tables flatten into their cell). */
function scan(xml: string, numbering: Map<string, Level[]>): Item[] {
  const counters = new Map<string, number[]>();
  const items: Item[] = [];
  const tables: { rows: Row[]; row: Row | null; cell: Cell | null }[] = [];
  let para: string[] | null = null;
  let numPr: { id?: string; level?: number } = {};
  let inText = false;
  let skip = 0; // inside mc:Fallback (a copy of mc:Choice) or deleted text
  const tagRe = /<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(tagRe)) {
    const [, close, name, attrs, selfClose, text] = m;
    if (text !== undefined) {
      if (inText && para && !skip) para.push(decode(text));
      continue;
    }
    const open = !close;
    if (name === "mc:Fallback" || name === "w:del" || name === "w:delText") {
      if (open && !selfClose) skip++;
      else if (close) skip = Math.max(0, skip - 1);
      continue;
    }
    if (skip) continue;
    switch (name) {
      case "w:p":
        if (open && !selfClose) {
          para = [];
          numPr = {};
        } else if (close || selfClose) {
          let text = (para ?? []).join("");
          if (numPr.id && numPr.id !== "0" && numbering.has(numPr.id)) {
            const levels = numbering.get(numPr.id)!;
            const level = Math.min(numPr.level ?? 0, 8);
            const list = counters.get(numPr.id) ?? [];
            list[level] = (list[level] ?? (levels[level]?.start ?? 1) - 1) + 1;
            for (let deeper = level + 1; deeper < list.length; deeper++)
              list[deeper] = (levels[deeper]?.start ?? 1) - 1;
            counters.set(numPr.id, list);
            const def = levels[level];
            if (def) {
              const label =
                def.format === "bullet"
                  ? "-"
                  : def.text.replace(/%(\d)/g, (_, k: string) =>
                      formatNumber(
                        list[Number(k) - 1] ?? levels[Number(k) - 1]?.start ?? 1,
                        levels[Number(k) - 1]?.format ?? "decimal",
                      ),
                    );
              if (label.trim()) text = `${label.trim()} ${text}`;
            }
          }
          const table = tables[tables.length - 1];
          if (table?.cell) table.cell.push(text);
          else items.push({ kind: "p", text });
          para = null;
        }
        break;
      case "w:t":
        inText = open && !selfClose;
        break;
      case "w:tab":
        if (para) para.push("\t");
        break;
      case "w:br":
      case "w:cr":
        if (para) para.push(" ");
        break;
      case "w:noBreakHyphen":
        if (para) para.push("-");
        break;
      case "w:numId":
        numPr.id = attr(attrs, "w:val");
        break;
      case "w:ilvl":
        numPr.level = Number(attr(attrs, "w:val") ?? 0);
        break;
      case "w:tbl":
        if (open && !selfClose) tables.push({ rows: [], row: null, cell: null });
        else if (close) {
          const t = tables.pop()!;
          const outer = tables[tables.length - 1];
          if (outer?.cell) for (const r of t.rows) outer.cell.push(r.map((c) => c.join(" ")).join(" | "));
          else items.push({ kind: "table", rows: t.rows });
        }
        break;
      case "w:tr": {
        const t = tables[tables.length - 1];
        if (!t) break;
        if (open && !selfClose) t.row = [];
        else if (close && t.row) {
          t.rows.push(t.row);
          t.row = null;
        }
        break;
      }
      case "w:tc": {
        const t = tables[tables.length - 1];
        if (!t?.row) break;
        if (open && !selfClose) t.cell = [];
        else if (close && t.cell) {
          t.row.push(t.cell);
          t.cell = null;
        }
        break;
      }
    }
  }
  return items;
}

const TASK_HEADER = /\b(stt|tt|nội dung|nhiệm vụ|công việc|chủ trì|phối hợp|thời gian|thời hạn|đơn vị)\b/iu;

/** A table as text: a table of tasks as "| … |" rows; a layout table (header, signature) as side-by-side lines. */
function tableText(rows: Row[]): string[] {
  const width = Math.max(...rows.map((r) => r.length));
  const headerHits = (rows[0] ?? []).filter((c) => TASK_HEADER.test(c.join(" "))).length;
  if (width >= 3 || headerHits >= 2)
    return rows.map(
      (r) =>
        `| ${r
          .map((c) =>
            c
              .join(" ")
              .replace(/[|\s]+/g, " ")
              .trim(),
          )
          .join(" | ")} |`,
    );
  const out: string[] = [];
  for (const row of rows) {
    const height = Math.max(...row.map((c) => c.length));
    for (let i = 0; i < height; i++) {
      const parts = row.map((c) => (c[i] ?? "").replace(/\s+/g, " ").trim());
      out.push(parts.filter(Boolean).length > 1 ? parts.join("          ") : parts.join("").trim());
    }
  }
  return out;
}

/**
 * The text of a .docx. Throws {@link ZipError} from zip-entry.ts when it is no readable .docx,
 * and an Error "no_document" when the archive has no word/document.xml (an .xlsx, an .odt).
 * @example docxText(readFileSync("ke-hoach.docx")).split("\n")[0] // "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
 */
export function docxText(data: Uint8Array): string {
  const document = readZipEntry(data, "word/document.xml", MAX_XML_BYTES);
  if (!document) throw new Error("no_document");
  const numberingBytes = readZipEntry(data, "word/numbering.xml", MAX_XML_BYTES);
  const xml = new TextDecoder("utf-8").decode(document);
  const numbering = readNumbering(numberingBytes ? new TextDecoder("utf-8").decode(numberingBytes) : undefined);
  const body = /<w:body\b[^>]*>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? xml;
  const lines: string[] = [];
  for (const item of scan(body, numbering)) {
    if (item.kind === "p") lines.push(item.text.replace(/[ \u00a0]+/g, " ").trimEnd());
    else lines.push(...tableText(item.rows));
  }
  return lines.join("\n").normalize("NFC");
}
