/**
 * Stage 1 of drafting a plan: the document's text becomes blocks (paragraphs, numbered items,
 * bullets, table rows) in a tree of headings ("I.", "1.", "a)", "-"), with lines that OCR or a PDF
 * wrapped joined again, and the zones of a Decree 30/2020 document told apart: the header (issuer,
 * number, place and date, title), the body, the recipients ("Nơi nhận") and an appendix.
 */

import { findPhrase, hasPhrase, ocrKey, words } from "./ocr-text.js";

export type MarkerKind = "roman" | "arabic" | "letter" | "bullet" | "none";
export type Zone = "header" | "title" | "body" | "recipients" | "appendix";

export interface Block {
  index: number;
  /** The text without its marker, lines joined, spaces collapsed. */
  text: string;
  /** Its OCR-tolerant key (see ocr-text.ts). */
  key: string;
  marker: { kind: MarkerKind; value: string };
  /** Heading level: roman 1, "1." 2, "1.1." 3, "a)" 4; bullets and paragraphs 9 (no scope). */
  level: number;
  /** A short numbered line without final punctuation, or a line in capitals. */
  heading: boolean;
  zone: Zone;
  /** Table cells, for a table row ("| a | b |" in text, a row of a Word table). */
  cells?: string[];
  /** 1-based line of the document where the block starts. */
  line: number;
  /** Index of the enclosing numbered block, or -1. */
  parent: number;
}

/** The document as blocks, with its header lines kept apart (two columns, one line each). */
export interface DocumentBlocks {
  blocks: Block[];
  /** Lines above the title (issuer, national motto, number, place and date), as written. */
  headerLines: { text: string; line: number }[];
  /** The block holding "KẾ HOẠCH", or -1. */
  titleIndex: number;
}

const ROMAN = /^([IVXL][IVXL1l]{0,4})\s*[.)]\s*(.*)$/;
const ARABIC = /^(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]\s*(.*)$/;
const LETTER = /^([a-zđ])\s*\)\s*(.*)$|^([a-zđ])\.\s+(.*)$/u;
const BULLET = /^[-–—+•*·▪●○■□➢►✓]\s*(.*)$/u;
const TERMINATOR = /[.;:!?…]["”)]*$|\.\/\.$/;
/** Paragraphs that always start a new block even after a line without punctuation. */
const OPENERS = ["can cu", "thuc hien", "kinh gui", "noi nhan", "tren day la", "trong qua trinh"];

function parseMarker(line: string): { kind: MarkerKind; value: string; rest: string } {
  let m = ROMAN.exec(line);
  // "I11." is OCR's "III."; a lone "I" followed by a lower-case word is a pronoun-less sentence start, not a numeral.
  if (m?.[2] && !/^\p{Ll}/u.test(m[2])) return { kind: "roman", value: m[1].replace(/[1l]/g, "I"), rest: m[2] };
  m = ARABIC.exec(line);
  if (m?.[2] && !/^\d/.test(m[2]) && !/^[/%]/.test(m[2])) return { kind: "arabic", value: m[1], rest: m[2] };
  m = LETTER.exec(line);
  if (m) return { kind: "letter", value: m[1] ?? m[3], rest: m[2] ?? m[4] };
  m = BULLET.exec(line);
  if (m?.[1]) return { kind: "bullet", value: "-", rest: m[1] };
  return { kind: "none", value: "", rest: line };
}

function levelOf(kind: MarkerKind, value: string): number {
  if (kind === "roman") return 1;
  if (kind === "arabic") return 1 + value.split(".").filter(Boolean).length;
  if (kind === "letter") return 5;
  return 9;
}

function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length < 4) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, "").length;
  return upper / letters.length >= 0.75;
}

const isTableRow = (line: string) => /^\|.*\|$/.test(line) && line.length > 2;
const cellsOf = (line: string) =>
  line
    .slice(1, -1)
    .split("|")
    .map((c) => c.replace(/\s+/g, " ").trim());

/** "KẾ HOẠCH" alone on its line (OCR: "KE HOACH", "KÉ HOẠCH"). */
function isPlanWord(text: string): boolean {
  const key = ocrKey(text);
  return (
    /^(?:ke hoach|k[e&]? ?hoach)$/.test(key) ||
    (hasPhrase(text, "ke hoach") && words(text).length === 2 && isCapitals(text))
  );
}

/**
 * Reads a plan's text into blocks.
 * @example readBlocks("I. MỤC ĐÍCH\n1. Mục đích\n- Nâng cao nhận thức").blocks.map((b) => b.level) // [1, 2, 9]
 */
export function readBlocks(text: string): DocumentBlocks {
  const lines = text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\f\v\u00a0\u200b]/g, " ")
    .split("\n");
  const headerLines: DocumentBlocks["headerLines"] = [];
  const blocks: Block[] = [];
  let titleIndex = -1;
  let open: { lines: string[]; start: number; kind: MarkerKind; value: string; zone: Zone } | null = null;

  const push = (text: string, start: number, kind: MarkerKind, value: string, zone: Zone, cells?: string[]) => {
    const joined = text.replace(/\s+/g, " ").trim();
    if (!joined) return;
    const heading =
      !cells &&
      ((kind !== "bullet" && kind !== "none" && joined.length <= 110 && !TERMINATOR.test(joined)) ||
        isCapitals(joined));
    blocks.push({
      index: blocks.length,
      text: joined,
      key: ocrKey(joined),
      marker: { kind, value },
      level: cells ? 9 : levelOf(kind, value),
      heading,
      zone,
      ...(cells ? { cells } : {}),
      line: start,
      parent: -1,
    });
  };
  const flush = () => {
    if (open) push(open.lines.join(" "), open.start, open.kind, open.value, open.zone);
    open = null;
  };

  // The header ends at "KẾ HOẠCH"; the title is the lines right after it. A text without it (a
  // pasted extract) is all body.
  const planLine = lines.findIndex((l, i) => i < 40 && isPlanWord(l.trim()));
  let i = 0;
  if (planLine >= 0) {
    for (; i < planLine; i++)
      if (lines[i].trim()) headerLines.push({ text: lines[i].replace(/\s+$/, ""), line: i + 1 });
    push(lines[planLine].trim(), planLine + 1, "none", "", "title");
    titleIndex = blocks.length - 1;
    i = planLine + 1;
    while (i < lines.length && !lines[i].trim()) i++;
    const title: string[] = [];
    const start = i + 1;
    for (; i < lines.length && title.length < 4; i++) {
      const t = lines[i].trim();
      if (!t || parseMarker(t).kind !== "none" || OPENERS.some((o) => ocrKey(t).startsWith(o))) break;
      title.push(t);
      if (TERMINATOR.test(t)) {
        i++;
        break;
      }
    }
    push(title.join(" "), start, "none", "", "title");
  }

  let zone: Zone = "body";
  for (; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    if (!trimmed) {
      flush();
      continue;
    }
    if (/^\d{1,3}$/.test(trimmed) || /^-\s*\d{1,3}\s*-$/.test(trimmed)) continue; // page numbers
    if (isTableRow(trimmed)) {
      flush();
      if (zone === "recipients") zone = "appendix";
      const cells = cellsOf(trimmed);
      push(cells.filter(Boolean).join(" | "), i + 1, "none", "", zone, cells);
      continue;
    }
    const key = ocrKey(trimmed);
    if (zone === "body" && findPhrase(words(trimmed).slice(0, 2), "noi nhan") === 0) {
      flush();
      zone = "recipients";
    } else if (zone !== "appendix" && /^(phu luc|danh muc nhiem vu|bieu mau)\b/.test(key) && isCapitals(trimmed)) {
      flush();
      zone = "appendix";
    }
    const { kind, value, rest } = parseMarker(trimmed);
    const previous = open ? open.lines.join(" ") : "";
    // A bracket left open continues on the next line, even one that starts like an item ("(qua Công chức Tư pháp\n- Hộ tịch)").
    const openBracket = (previous.match(/\(/g)?.length ?? 0) > (previous.match(/\)/g)?.length ?? 0);
    const startsNew =
      !open ||
      (!openBracket && kind !== "none") ||
      zone === "recipients" ||
      OPENERS.some((o) => key.startsWith(o)) ||
      // A short numbered heading ("1. Phòng Văn hóa và Thông tin") ends at its line.
      (open.kind !== "none" &&
        open.kind !== "bullet" &&
        open.lines.length === 1 &&
        previous.length <= 110 &&
        !TERMINATOR.test(previous) &&
        /^\p{Lu}/u.test(trimmed)) ||
      (TERMINATOR.test(previous) && /^\p{Lu}/u.test(trimmed)) ||
      (isCapitals(previous) && !isCapitals(trimmed));
    if (startsNew) {
      flush();
      open = { lines: [kind === "none" ? trimmed : rest], start: i + 1, kind, value, zone };
    } else open!.lines.push(openBracket && /^[-–]\s/.test(trimmed) ? trimmed.replace(/^[-–]\s+/, "- ") : trimmed);
  }
  flush();

  // Parents: the nearest numbered block above with a lower level.
  const stack: Block[] = [];
  let lastZone: Zone = "body";
  for (const b of blocks) {
    if (b.zone !== "body" && b.zone !== "appendix") continue;
    if (b.zone !== lastZone) stack.length = 0;
    lastZone = b.zone;
    if (b.cells) {
      b.parent = stack.length ? stack[stack.length - 1].index : -1;
      continue;
    }
    // The closing paragraph ("Trên đây là Kế hoạch …") belongs to no section.
    if (b.key.startsWith("tren day la") || b.key.startsWith("trong qua trinh")) stack.length = 0;
    while (stack.length && stack[stack.length - 1].level >= b.level) stack.pop();
    b.parent = stack.length ? stack[stack.length - 1].index : -1;
    if (b.level < 9) stack.push(b);
  }
  return { blocks, headerLines, titleIndex };
}

/**
 * The numbered blocks enclosing a block, outermost first.
 * @example ancestors(doc.blocks, 12).map((b) => b.text) // ["TỔ CHỨC THỰC HIỆN", "UBND các xã, thị trấn"]
 */
export function ancestors(blocks: readonly Block[], index: number): Block[] {
  const out: Block[] = [];
  for (let p = blocks[index]?.parent ?? -1; p >= 0; p = blocks[p].parent) out.unshift(blocks[p]);
  return out;
}

/**
 * Splits a block's text into sentences at ". " before a capital letter (not inside brackets, not
 * after a number like "Số 1."), keeping each sentence's punctuation.
 * @example sentences("Xây dựng kế hoạch. Thực hiện xong trước ngày 10/02/2021.") // two sentences
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if ((ch === "." || ch === "!" || ch === "?") && depth === 0) {
      const next = text.slice(i + 1, i + 3);
      if (/^\s\p{Lu}/u.test(next) && !/\b(?:TP|TT|Tp|số|St|v\.v)$/.test(text.slice(Math.max(0, i - 3), i))) {
        out.push(text.slice(start, i + 1).trim());
        start = i + 1;
      }
    }
  }
  const last = text.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/**
 * Splits a sentence into clauses at ";" outside brackets.
 * @example clauses("báo cáo 6 tháng (số liệu; ảnh); báo cáo năm") // ["báo cáo 6 tháng (số liệu; ảnh)", "báo cáo năm"]
 */
export function clauses(sentence: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === ";" && depth === 0) {
      out.push(sentence.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(sentence.slice(start).trim());
  return out.filter(Boolean);
}
