/**
 * Stage 2c of the report parser: tables pasted into chat, with tab, "|", ";", " - " or "," columns.
 * A header row says what each column holds ("STT | Chỉ tiêu | ĐVT | Số lượng",
 * "TT;Nội dung;ĐVT;Kết quả", "Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ (%)", with or without
 * diacritics); the value is the column of what was done (Thực hiện, Kết quả, Số lượng, Kỳ này), else
 * the total (Tổng, Tổng cộng), else this period's column (the one the text names, a quarter beside
 * its months, else the latest), else the sum of one column per village (or per month under a quarter).
 * Never the plan, the percentage, the cumulative or last period's figures, the row number (1, I, a)
 * or a note. A table with one column per indicator and one row per village reads its "Tổng" row
 * (else the sum of the rows). Without a header, rows of "label<sep>number" are read the same way.
 * A Word table pasted one cell per line with its header ("STT / Nội dung / ĐVT / Số lượng / 1 / Tờ rơi / tờ /
 * 700") is read the same way, a line per cell. Rows are read into pairs directly (the label cell names the
 * indicator); every token of a row read is then marked so later stages leave it alone (a row whose value cell
 * is prose is left to them).
 */

import { ROMAN_NUMERALS as ROMAN } from "../roman-numerals.js";
import { searchKey } from "../text-key.js";
import { parseVietnameseNumber } from "../vietnamese-numbers.js";
import type { CompiledIndicators } from "./indicators.js";
import { createNameMatcher } from "./mentions.js";
import type { TokenMarks } from "./non-values.js";
import { readDigitForm } from "./number-forms.js";
import { type IndItem, indItem, type NumItem, numItem, type Pair, pairUp } from "./pairing.js";
import { rowCorrection } from "./table-corrections.js";
import type { Tokenised } from "./tokens.js";
import { CHANNEL_NAMES, CHANNEL_PREPS, GATHERING_WORDS } from "./vocabulary.js";

/** What a column holds, read from its header. */
export type ColumnKind =
  | "index"
  | "label"
  | "unit"
  | "value"
  | "plan"
  | "percent"
  | "note"
  | "cumulative"
  | "previous"
  | "total"
  | "part"
  | "place"
  | "period"
  | "indicator"
  | "unknown";

/** The tables of a message: pairs read from their rows, and marks for every token they cover. */
export interface TableReading extends TokenMarks {
  pairs: Pair[];
  /** One entry per table: its header's column kinds ([] without a header) and the column read. */
  tables: { kinds: ColumnKind[]; valueColumn: number; rows: number }[];
}

interface Cell {
  /** Offsets in the NFC text. */
  start: number;
  end: number;
  /** Search key of the cell's text. */
  key: string;
  /** Token range [from, to). */
  from: number;
  to: number;
}

interface Line {
  start: number;
  end: number;
  text: string;
  /** Token range [from, to) of the line, line break excluded. */
  from: number;
  to: number;
}

/** "  ": columns aligned with runs of two or more spaces (a table typed or pasted as plain text). */
const SEPARATORS = ["\t", "|", ";", " - ", ",", "  "] as const;
type Separator = (typeof SEPARATORS)[number];
/** Separators that are also ordinary punctuation or spacing: a row must have as many cells as the header. */
const STRICT: ReadonlySet<Separator> = new Set([" - ", ",", "  "]);

/** Header words, tried in this order (the first match decides): search keys of the whole cell. */
const HEADER_KINDS: readonly [ColumnKind, RegExp][] = [
  ["index", /^(?:stt|tt|so tt|so thu tu|#|no)\.?$/],
  ["cumulative", /\b(?:luy ke|cong don|tu dau nam|tu dau quy|ca nam)\b/],
  ["previous", /\b(?:ky truoc|quy truoc|thang truoc|nam truoc|tuan truoc|cung ky|nam ngoai)\b/],
  // a correction's columns: the figure first sent is the old one ("Số cũ | Số mới", "Trước | Sau")
  [
    "previous",
    /^(?:so cu|cu|truoc|so truoc|da bao cao|so da bao cao|so lieu da bao cao|bao cao truoc|so sai|so lieu cu|ban dau|so ban dau)$/,
  ],
  ["percent", /%|\b(?:ty le|ti le|so sanh|so voi)\b|^dat$/],
  [
    "plan",
    /^(?:ke hoach|kh|chi tieu giao|chi tieu ke hoach|chi tieu kh|muc tieu|kh giao|ke hoach giao|kh nam|ke hoach nam|giao)\b/,
  ],
  // what was received ("Nhận | Đã phát"): like a plan, never this period's figure
  ["plan", /^(?:nhan|da nhan|so nhan|tiep nhan|duoc cap|so duoc cap|nhan ve)$/],
  [
    "value",
    /^(?:so luong|sl|ket qua|kq|thuc hien|th|so lieu|gia tri|ky nay|trong ky|da thuc hien|ket qua thuc hien|ket qua dat duoc|so luong thuc hien|da phat|so phat|phat ra|da cap phat)\b/,
  ],
  // ... and the one it corrects to is this period's figure
  [
    "value",
    /^(?:so moi|moi|so dung|sua lai|da sua|so sua|dieu chinh|so dieu chinh|so lieu dieu chinh|sau dieu chinh|sau sua|so lieu moi|so lieu dung)$/,
  ],
  ["total", /^(?:tong|tong cong|cong|tong so|toan xa|ca xa)\b/],
  // "Trong đó nữ": a part of the row's people, told for the record
  ["note", /^(?:ghi chu|gc)\b|^trong (?:do|so do):? (?:nu|nam|phu nu)$/],
  ["unit", /^(?:dvt|don vi tinh|dv tinh|dv|don vi)\.?$/],
  [
    "label",
    /^(?:chi tieu|noi dung|ten chi tieu|hang muc|cong viec|noi dung cong viec|loai hinh|hinh thuc|hoat dong|thanh phan|doi tuong|danh muc|noi dung tuyen truyen|ten|loai|muc|chi tieu\/noi dung)\b/,
  ],
  [
    "part",
    // places by every head officers write, short ones too ("KP1": khu phố, "Buôn 2", "Tổ DP 3", "Bon 1", "Sóc 4")
    /^(?:thon|xom|to|tdp|to dan pho|to dp|ban|bon|buon|soc|khu|khu pho|kp|ap|doi|khoi|lang|cum|phuong|xa|chi hoi|chi bo|chi doan|to hoi)(?:\b.+|\d+$)/,
  ],
  [
    "place",
    /^(?:thon|xom|tdp|to dan pho|ban|bon|buon|soc|ap|khu|khu pho|kp|dia ban|don vi|ten thon|thon\/xom|thon, xom)$/,
  ],
  ["period", /^(?:thang|quy|nam|tuan|dot|ky)\s*(?:\d|[ivx]+\b)|^\d+ thang\b/],
];

/** Column kinds that hold a row's label (or its number): a header with one of them names its rows. */
const LABEL_KINDS: ReadonlySet<ColumnKind> = new Set(["label", "index", "place", "unknown", "indicator"]);

/** Row labels of a total row ("Tổng", "Cộng", "Tổng cộng"). */
const TOTAL_ROW = /^(?:tong|tong cong|cong|tong so|toan xa|ca xa)\b/;
/** A sub-row breaking down the row above ("- trong đó phát tại chợ", "+ Trong số đó", "Gồm"): part of its figure, no figure. */
const SUB_ROW = /^(?:[-+*] )?(?:trong do|trong so do|gom|bao gom|rieng)\b/;
/** A cell left empty on purpose: "-", "–", "…", or "x" (Excel's "not applicable"). */
const EMPTY_CELL = /^(?:[-–—.…]+|x)$/;
/** Row numbers: 1, 1., I, II, a, b), -. */
const ROW_NUMBER = /^(?:\d{1,3}|[ivx]{1,5}|[a-dđ])[.)]?$/;

/**
 * Finds the tables of a message and reads them.
 * @example readTables(normaliseAndTokenise("STT | Chỉ tiêu | Số lượng\n1 | Pa nô | 12"), compiled, blocked).pairs
 * // [{ ind: { code: "pano", … }, num: { value: 12, … }, numFirst: false }]
 */
export function readTables(
  tk: Tokenised,
  compiled: CompiledIndicators,
  blocked: Uint8Array,
  ownPeriod?: () => string | null,
): TableReading {
  const out: TableReading = { pairs: [], tables: [], blocked: [], unclear: [] };
  const single = SINGLE_SPACED_HINT.test(tk.folded.key);
  const cellLines = CELL_LINES_HINT.test(tk.folded.key);
  if (!single && !cellLines && !/[\t|;]| - |,.*\n.*,|\S {2,}\S/.test(tk.nfcText)) return out;
  const lines = splitLines(tk);
  const nameAt = createNameMatcher(tk.toks, blocked, compiled);
  const posts = postsCode(compiled);
  let own: string | null | undefined;
  const reportsPeriod = () => (own === undefined ? (own = ownPeriod?.() ?? null) : own);
  const broadcasts = compiled.exact.get("phatthanh")?.code ?? null;
  const block = out.blocked as number[];
  // the pairs of each table with a header, and the line above it
  const read: TableSpan[] = [];
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    // "STT / Nội dung / Đơn vị tính / Số lượng / 1 / Tờ rơi … / tờ / 700": a Word table pasted one cell per line
    const pasted = cellLines ? cellLineTable(tk, lines, li, nameAt) : null;
    if (pasted) {
      const width = pasted.header.kinds.length;
      for (let x = line.from; x < lines[li + width - 1]!.to; x++) block.push(x);
      const valueColumn = readRows(
        tk,
        lines,
        li,
        pasted.header,
        pasted.rows,
        nameAt,
        out,
        compiled.measures,
        posts,
        reportsPeriod,
      );
      out.tables.push({ kinds: pasted.header.kinds, valueColumn, rows: pasted.rows.length });
      li += width * (pasted.rows.length + 1) - 1;
      continue;
    }
    let found: { sep: Separator; header: Header; edges: Edges } | null = null;
    for (const sep of SEPARATORS) {
      if (!line.text.includes(sep)) continue;
      const edges = edgesOf(line.text, sep);
      const cells = cellsOf(tk, line, sep, edges);
      const header = readHeader(tk, cells, nameAt, line.start, compiled.measures, broadcasts);
      // with a separator that is also punctuation, the header must name a column of its own ("Chỉ tiêu,ĐVT,Số lượng")
      if (header && (!STRICT.has(sep) || header.kinds.some((k) => STRUCTURAL.has(k)) || placesByIndicators(header))) {
        found = { sep, header, edges };
        break;
      }
      // "Nội dung | Trường TH | | Trường THCS |" says little alone: a header when the line under it names the columns
      const merged = !header && !STRICT.has(sep) && lines[li + 1] ? mergedTop(cells, line.start) : null;
      if (
        merged &&
        secondHeaderLine(tk, line, lines[li + 1]!, { sep, header: merged, edges }, nameAt, compiled.measures)
      ) {
        found = { sep, header: merged, edges };
        break;
      }
    }
    let headerLines = 1;
    if (found && found.sep !== "  " && lines[li + 1]) {
      const second = secondHeaderLine(tk, lines[li]!, lines[li + 1]!, found, nameAt, compiled.measures);
      if (second) {
        found = { ...found, header: second };
        headerLines = 2;
        for (let x = lines[li + 1]!.from; x < lines[li + 1]!.to; x++) block.push(x);
      }
    }
    if (found) {
      // "Tháng 1 | Tháng 2 | Tổng quý" over "Tờ rơi | 200 | 150 | 350": a header without the label's column
      const next = lines[li + headerLines];
      if (next?.text.includes(found.sep) && !found.header.kinds.some((k) => LABEL_KINDS.has(k))) {
        const first = cellsOf(tk, next, found.sep, found.edges);
        if (first.length === found.header.kinds.length + 1 && first[0]!.key !== "" && !isNumeric(first[0]!.key)) {
          const h = found.header;
          found = {
            ...found,
            header: {
              kinds: ["label", ...h.kinds],
              codes: [null, ...h.codes],
              keys: ["", ...h.keys],
              spans: [[0, 0], ...h.spans],
            },
          };
        }
      }
      const rows: Cell[][] = [];
      let lj = li + headerLines;
      for (; lj < lines.length; lj++) {
        const l = lines[lj]!;
        if (/^[\s|:+-]*$/.test(l.text) && /-/.test(l.text)) {
          // a markdown divider "|---|---|"
          for (let x = l.from; x < l.to; x++) block.push(x);
          continue;
        }
        if (!l.text.includes(found.sep)) break;
        let cells = cellsOf(tk, l, found.sep, found.edges);
        if (rows.length === 0 && columnNumbers(cells)) {
          for (let x = l.from; x < l.to; x++) block.push(x);
          continue;
        }
        // a space-aligned row with an empty cell: its cells placed under the header's columns
        // ("STT  Ấp  Tờ rơi … / Cộng  950  15": a total row has no number of its own, its label spans the index)
        const k0 = found.header.kinds[0];
        if (cells.length === found.header.kinds.length - 1 && k0 === "index" && found.sep !== ",")
          if (TOTAL_ROW.test(cells[0]!.key))
            cells = [{ ...cells[0]!, end: cells[0]!.start, key: "", to: cells[0]!.from }, ...cells];
        if (found.sep === "  " && cells.length !== found.header.kinds.length)
          cells = alignCells(cells, found.header.spans, l.start);
        if (cells.length < 2 || (STRICT.has(found.sep) && cells.length !== found.header.kinds.length)) break;
        rows.push(cells);
      }
      if (rows.length === 0) continue;
      for (let x = line.from; x < line.to; x++) block.push(x);
      read.push({ from: out.pairs.length, to: 0, caption: li > 0 ? lines[li - 1]!.text : "" });
      const valueColumn = readRows(
        tk,
        lines,
        li,
        found.header,
        rows,
        nameAt,
        out,
        compiled.measures,
        posts,
        reportsPeriod,
      );
      out.tables.push({ kinds: found.header.kinds, valueColumn, rows: rows.length });
      read[read.length - 1]!.to = out.pairs.length;
      li = lj - 1;
      continue;
    }
    // "tt chi tieu kh th" over "1 pano 5 4": a header typed with single spaces
    if (single) {
      const end = readSingleSpaced(tk, lines, li, nameAt, out);
      if (end > li) {
        li = end;
        continue;
      }
    }
    // Without a header: at least two rows of "label<sep>number" (a row number first is allowed)
    const plain = readPlainRows(tk, lines, li, nameAt, out);
    if (plain > li) li = plain;
  }
  if (read.length > 1) out.pairs = tablesOfTheReport(out.pairs, read, reportsPeriod());
  // a table's cells are read here: what an earlier stage found in them ("1 - 1", a note's "3x6m") is void
  if (block.length) out.cleared = block;
  return out;
}

/** A column number under a header: "(1)", "2", "A", "(3)=(2)/(1)". */
const COLUMN_NUMBER = /^\(?(\d{1,2}|[a-h])\)?(?:\s*=.*)?$/;

/**
 * The row numbering a header's columns ("(1) | (2) | (3) | (4)", "A | B | 1 | 2"), as official forms print under it:
 * every cell a column number, the figures counting up by one.
 */
function columnNumbers(cells: readonly Cell[]): boolean {
  let last = 0;
  let figures = 0;
  for (const c of cells) {
    if (c.key === "") continue;
    const m = COLUMN_NUMBER.exec(c.key);
    if (!m) return false;
    if (!/\d/.test(m[1]!)) continue;
    const n = Number(m[1]);
    if (figures > 0 && n !== last + 1) return false;
    last = n;
    figures++;
  }
  return figures >= 2 && cells.filter((c) => c.key !== "").length >= 3;
}

/** A table's pairs [from, to) in the message's pairs, and the line above its header. */
interface TableSpan {
  from: number;
  to: number;
  caption: string;
}

/** A caption putting its table aside: another period's for comparison, one already sent, a part of the whole. */
const ASIDE_CAPTION =
  /\b(?:de so sanh|so sanh|doi chieu|de doi chieu|da bao cao|bao cao roi|ky truoc|thang truoc|quy truoc|nam truoc|cung ky)\b/;
const PART_CAPTION = /^(?:trong do|trong so do|rieng|chi tiet)\b/;

/**
 * Two tables or more in one message ("Quý IV:" then "Quý III (để so sánh):"; the commune's then "Trong đó thôn A:"):
 * the report's own are read, not those whose caption names another period than the report's, a comparison, or a part
 * of the whole (after the first); all are kept when none would be left.
 */
function tablesOfTheReport(pairs: Pair[], tables: readonly TableSpan[], own: string | null): Pair[] {
  const ownPeriod = own ? periodOf(own) : null;
  const aside = tables.map((t, i) => {
    const key = searchKey(t.caption);
    if (ASIDE_CAPTION.test(key) || (i > 0 && PART_CAPTION.test(key))) return true;
    const p = periodOf(key);
    return p !== null && ownPeriod !== null && p.unit === ownPeriod.unit && p.n !== ownPeriod.n;
  });
  if (!aside.includes(true) || aside.every(Boolean)) return pairs;
  const drop = new Set<number>();
  tables.forEach((t, i) => {
    if (aside[i]) for (let x = t.from; x < t.to; x++) drop.add(x);
  });
  return pairs.filter((_, x) => !drop.has(x));
}

/** Kinds a second header line's cell says alone, whatever the merged cell above it ("KH", "Ghi chú", "Tỷ lệ"). */
const SELF_KINDS: ReadonlySet<ColumnKind> = new Set(["note", "plan", "percent", "cumulative", "previous", "unit"]);

/**
 * A header of two lines ("STT | Nội dung | Quý III | | Quý IV" over " | | KH | TH | KH | TH", "Thực hiện | | |" over
 * "T10 | T11 | Cộng"): a second line with no figure, empty under the label, names the columns under the first
 * line's merged cells; each column is read from both ("TH" under "Quý IV" is "th quy iv"; under "Thực hiện" the
 * months and "Cộng" are the done figures; a "Tổng số" under "Số người tham dự" is that column's whole).
 */
function secondHeaderLine(
  tk: Tokenised,
  line: Line,
  next: Line,
  found: { sep: Separator; header: Header; edges: Edges },
  nameAt: (i: number) => { end: number; code: string } | null,
  measures: ReadonlyMap<string, string>,
): Header | null {
  if (!next.text.includes(found.sep)) return null;
  const top = cellsOf(tk, line, found.sep, found.edges);
  const under = cellsOf(tk, next, found.sep, { lead: found.edges.lead, trail: /\|\s*$/.test(next.text) });
  // the rows' own column: their label, number or place ("Đơn vị" first is the units reporting, not a measure)
  const label = found.header.kinds.findIndex(
    (k, i) => k === "label" || k === "index" || k === "place" || (k === "unit" && i === 0),
  );
  if (label < 0 || under.length < top.length - 1 || under.length > top.length + 3) return null;
  if (under.slice(0, label + 1).some((c) => c.key !== "")) return null;
  const filled = under.filter((c) => c.key !== "");
  // (figures only: a word that is also a number is a header's here, "năm" the year, not five)
  if (filled.length < 2 || filled.some((c) => /^\d/.test(c.key) && isNumeric(c.key) && !ORDINAL.test(c.key)))
    return null;
  const width = Math.max(top.length, under.length);
  if (continues(top, under)) {
    // "Đơn vị | Kế hoạch | Thực hiện" over "tính | năm | Quý IV": one header wrapped, each cell read whole
    const whole = top.map((c, i) => (under[i]?.key ? { ...c, key: `${c.key} ${under[i]!.key}` } : c));
    const header = readHeader(tk, whole, nameAt, line.start, measures);
    return header && header.kinds.length === top.length ? header : null;
  }
  const cells: Cell[] = [];
  let over: Cell | null = null;
  for (let i = 0; i < width; i++) {
    if (top[i] && top[i]!.key !== "") over = top[i]!;
    const u = under[i];
    const whole = over
      ? (HEADER_KINDS.find(([, re]) => re.test(expandPeriod(over!.key)))?.[0] ?? "unknown")
      : "unknown";
    const own = HEADER_KINDS.find(([, re]) => re.test(expandPeriod(u?.key ?? "")))?.[0];
    if (!u || u.key === "") cells.push(top[i]?.key ? top[i]! : (over ?? u ?? top[i]!));
    else if (!over || whole === "value" || whole === "index" || whole === "label" || (own && SELF_KINDS.has(own)))
      cells.push(u);
    else if (TOTAL_ROW.test(u.key) && !/\d/.test(u.key)) cells.push(over);
    else if (gathering(tk, over, top, under, nameAt, measures)) cells.push(underGathering(u));
    else cells.push({ ...u, key: `${u.key} ${expandPeriod(over.key)}` });
  }
  const header = readHeader(tk, cells, nameAt, line.start, measures);
  if (!header || header.kinds.length !== width) return null;
  for (const [i, kind] of placeGroups(top, under)) header.kinds[i] = kind;
  return header;
}

/** A first header line with merged cells (an empty cell after a name), opening with the rows' label: kinds as it says. */
function mergedTop(cells: readonly Cell[], lineStart: number): Header | null {
  if (cells.length < 3 || kindOf(cells[0]!.key) !== "label" || !cells.slice(2).some((c) => c.key === "")) return null;
  const keys = cells.map((c) => c.key);
  return {
    kinds: keys.map(kindOf),
    codes: keys.map(() => null),
    keys,
    spans: cells.map((c) => [c.start - lineStart, c.end - lineStart]),
  };
}

/** The kind a merged header cell gives alone. */
const kindOf = (key: string): ColumnKind => HEADER_KINDS.find(([, re]) => re.test(expandPeriod(key)))?.[0] ?? "unknown";

/**
 * "Thôn Đông | | Thôn Tây | | Tổng" over "KH | TH | KH | TH | KH | TH": the same columns repeated under two places or
 * more; each place's done column is that place's part (the total's, the total), so they add up like "Thôn 1 | Thôn 2".
 */
function placeGroups(top: readonly Cell[], under: readonly Cell[]): Map<number, ColumnKind> {
  const done = new Map<number, ColumnKind>();
  let over: ColumnKind | null = null;
  let places = 0;
  for (let i = 0; i < under.length; i++) {
    if (top[i]?.key) {
      over = kindOf(top[i]!.key);
      if (over === "part" || over === "unknown") places++;
    }
    if (over === null || (over !== "part" && over !== "unknown" && over !== "total")) continue;
    if (under[i]?.key && kindOf(under[i]!.key) === "value") done.set(i, over === "total" ? "total" : "part");
  }
  return places >= 2 && done.size >= 2 ? done : new Map();
}

/** A second header line going on with the cells above it: every word under a cell of its own, none under a merged one. */
function continues(top: readonly Cell[], under: readonly Cell[]): boolean {
  return under.length <= top.length && top.every((c) => c.key !== "");
}

/** Whether a merged header cell is of the plan's gatherings: it names them ("Hội nghị"), or sittings are counted under it. */
function gathering(
  tk: Tokenised,
  over: Cell,
  top: readonly Cell[],
  under: readonly Cell[],
  nameAt: (i: number) => { end: number; code: string } | null,
  measures: ReadonlyMap<string, string>,
): boolean {
  const meetings = measures.get("cuoc");
  if (!meetings) return false;
  const ms = mentionsIn(over, nameAt, tk);
  if (ms.length > 0) return ms.every((m) => m.code === meetings);
  // else its sittings are counted under it ("Tuyên truyền miệng" over "Số buổi | Người nghe")
  const at = top.indexOf(over);
  for (let i = at; i < under.length && (i === at || !top[i]?.key); i++)
    if (under[i] && SESSIONS_HEADER.test(under[i]!.key)) return true;
  return false;
}

/** People counted under a gathering's merged cell ("Số người", "Người nghe", "Hội viên") attended it; its sittings stay as they are. */
function underGathering(u: Cell): Cell {
  return PEOPLE_UNDER.test(u.key) ? { ...u, key: `${u.key} tham du` } : u;
}

/** A line that is only a header's value column ("Số lượng", "Kết quả"): a table pasted one cell per line may follow. */
const CELL_LINES_HINT = /(?:^|\n)[ \t]*(?:so luong|sl|ket qua|kq|thuc hien)[ \t]*\n/;
const MAX_CELL_COLUMNS = 6;

/** A whole line as one cell. */
const lineCell = (l: Line): Cell => ({ start: l.start, end: l.end, key: searchKey(l.text), from: l.from, to: l.to });

/**
 * A table pasted one cell per line: from line `li`, a run of lines each naming a column ("STT", "Nội dung",
 * "Đơn vị tính", "Số lượng"; a label's and a value's among them), then two rows or more of as many lines,
 * each holding its row number, a label and a figure where the header says.
 */
function cellLineTable(
  tk: Tokenised,
  lines: readonly Line[],
  li: number,
  nameAt: (i: number) => { end: number; code: string } | null,
): { header: Header; rows: Cell[][] } | null {
  const cells: Cell[] = [];
  for (let k = li; k < lines.length && k < li + MAX_CELL_COLUMNS; k++) {
    const cell = lineCell(lines[k]!);
    if (!HEADER_KINDS.some(([, re]) => re.test(cell.key))) break;
    cells.push(cell);
  }
  if (cells.length < 2) return null;
  const header = readHeader(tk, cells, nameAt, 0);
  if (!header?.kinds.includes("label") || !header.kinds.includes("value")) return null;
  const rows: Cell[][] = [];
  for (let k = li + cells.length; k + cells.length <= lines.length; k += cells.length) {
    const row = lines.slice(k, k + cells.length).map(lineCell);
    if (!rowFits(tk, header.kinds, row)) break;
    rows.push(row);
  }
  return rows.length >= 2 ? { header, rows } : null;
}

/** Whether a row of cells holds what its header says: a bare row number, a label in words, a figure. */
function rowFits(tk: Tokenised, kinds: readonly ColumnKind[], row: readonly Cell[]): boolean {
  return kinds.every((kind, c) => {
    const cell = row[c]!;
    if (kind === "index") return /^(?:\d{1,2}|[ivx]+|[a-z])\.?$/.test(cell.key);
    if (kind === "label") return cell.key !== "" && !isNumeric(cell.key);
    if (kind === "value") return cellNumber(tk, cell) !== null;
    return true;
  });
}

type Edges = { lead: boolean; trail: boolean };

/** A header row: what each column holds, the indicator it names (one column per indicator), its text. */
interface Header {
  kinds: ColumnKind[];
  codes: (string | null)[];
  keys: string[];
  /** Each column's [start, end) in its line (for space-aligned rows). */
  spans: [number, number][];
}

function splitLines(tk: Tokenised): Line[] {
  const text = tk.nfcText;
  const lines: Line[] = [];
  let start = 0;
  let t = 0;
  const toks = tk.toks;
  const quoted = text.includes('"');
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const joined = quoted ? quotedCellEnd(text, start, end) : end;
    const inner = joined !== end;
    end = joined;
    const lineEnd = end > start && text[end - 1] === "\r" ? end - 1 : end;
    while (t < toks.length && toks[t]!.os < start) t++;
    const from = t;
    while (t < toks.length && toks[t]!.os < lineEnd && (toks[t]!.type !== "nl" || inner)) t++;
    lines.push({ start, end: lineEnd, text: text.slice(start, lineEnd).replace(/\n/g, " "), from, to: t });
    start = end + 1;
  }
  return lines;
}

/**
 * A spreadsheet's cell with a line break is pasted in quotes over two lines ('1\t"Hội nghị tuyên truyền' /
 * '(cấp xã)"\tcuộc\t2'): its row ends at the line break after the closing quote (at most two more lines), which
 * closes a cell (a tab or the line's end after it).
 */
function quotedCellEnd(text: string, start: number, end: number): number {
  // (the line alone is searched: a message without quotes pays one test)
  const line = text.slice(start, end);
  const tabbed = line.lastIndexOf('\t"');
  const open = tabbed >= 0 ? tabbed + 1 : line.startsWith('"') ? 0 : -1;
  if (open < 0 || line.includes('"', open + 1)) return end;
  let next = end;
  for (let n = 0; n < 2 && next < text.length; n++) {
    const close = text.indexOf('"', next);
    const after = text.indexOf("\n", next + 1);
    const lineEnd = after < 0 ? text.length : after;
    if (close >= 0 && close < lineEnd && /^[\t\r\n]?$/.test(text.slice(close + 1, close + 2))) return lineEnd;
    next = lineEnd;
  }
  return end;
}

/** Whether rows start or end with the separator ("| Pa nô | 12 |"): those edge cells are not columns. */
function edgesOf(text: string, sep: Separator): Edges {
  if (sep !== "|") return { lead: false, trail: false };
  const trimmed = text.trim();
  return { lead: trimmed.startsWith("|"), trail: trimmed.endsWith("|") };
}

/** No pasted table has more columns than this; a line with more separators is not a table row. */
const MAX_COLUMNS = 40;

/** Cells split at runs of two or more spaces (or tabs), leading and trailing spaces dropped. */
function spacedParts(text: string): [number, number][] {
  const parts: [number, number][] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    parts.push([m.index, m.index + m[0].length]);
    if (parts.length > MAX_COLUMNS) return [];
  }
  return parts;
}

/**
 * Space-aligned cells placed under the header's columns: each cell goes to the column it overlaps
 * most (a column reaching to the next one's start); columns left empty get an empty cell. [] when
 * two cells fall under one column (not a row of this table).
 */
function alignCells(cells: readonly Cell[], spans: readonly [number, number][], lineStart: number): Cell[] {
  if (cells.length === 0 || cells.length > spans.length) return [];
  const out: (Cell | undefined)[] = spans.map(() => undefined);
  for (const c of cells) {
    const a = c.start - lineStart;
    const b = c.end - lineStart;
    let best = -1;
    let bestOverlap = 0;
    spans.forEach(([s, e], i) => {
      const reach = i + 1 < spans.length ? spans[i + 1]![0] : Number.MAX_SAFE_INTEGER;
      const overlap = Math.min(b, Math.max(e, reach)) - Math.max(a, s);
      if (overlap > bestOverlap) {
        best = i;
        bestOverlap = overlap;
      }
    });
    if (best < 0 || out[best]) return [];
    out[best] = c;
  }
  return out.map((c, i) => {
    if (c) return c;
    const at = lineStart + spans[i]![0];
    const next = out.slice(i + 1).find(Boolean);
    const from = next ? next.from : cells[cells.length - 1]!.to;
    return { start: at, end: at, key: "", from, to: from };
  });
}

function cellsOf(tk: Tokenised, line: Line, sep: Separator, edges: Edges): Cell[] {
  const cells: Cell[] = [];
  let s = 0;
  const parts: [number, number][] = sep === "  " ? spacedParts(line.text) : [];
  if (sep === "  " && parts.length === 0) return [];
  for (; sep !== "  "; ) {
    const at = line.text.indexOf(sep, s);
    if (at < 0) {
      parts.push([s, line.text.length]);
      break;
    }
    parts.push([s, at]);
    s = at + sep.length;
    if (parts.length > MAX_COLUMNS) return [];
  }
  if (edges.lead && parts.length && !line.text.slice(parts[0]![0], parts[0]![1]).trim()) parts.shift();
  if (edges.trail && parts.length && !line.text.slice(parts[parts.length - 1]![0], parts[parts.length - 1]![1]).trim())
    parts.pop();
  let t = line.from;
  for (const [a, b] of parts) {
    const start = line.start + a;
    const end = line.start + b;
    while (t < line.to && tk.toks[t]!.os < start) t++;
    const from = t;
    while (t < line.to && tk.toks[t]!.oe <= end) t++;
    cells.push({ start, end, key: searchKey(tk.nfcText.slice(start, end)), from, to: t });
  }
  return cells;
}

/** Indicators named in a cell, in order. */
function mentionsIn(cell: Cell, nameAt: (i: number) => { end: number; code: string } | null, tk: Tokenised): IndItem[] {
  const out: IndItem[] = [];
  for (let i = cell.from; i < cell.to; i++) {
    if (tk.toks[i]!.type !== "w") continue;
    const m = nameAt(i);
    if (m && m.end <= cell.to) {
      out.push(indItem(i, m.end, m.code, out.length === 0));
      i = m.end - 1;
    }
  }
  return out;
}

/**
 * The indicator a row's label names: the same one repeated, the one its unit cell counts in ("Chuyên mục trên
 * … Phát thanh | chuyên mục"), the channel ("bài viết trên fanpage"), else the head.
 */
function labelCode(tk: Tokenised, ms: readonly IndItem[], unit?: string, unitCode?: string): IndItem | null {
  if (ms.length === 0) return null;
  const first = ms[0]!;
  if (ms.every((m) => m.code === first.code))
    return indItem(first.start, ms[ms.length - 1]!.end, first.code, first.first);
  // (only a unit naming the indicator itself: "tin", "bài" are said of posts on any channel)
  const named = (m: IndItem): boolean =>
    tk.toks
      .slice(m.start, m.end)
      .map((t) => t.k)
      .join(" ") === unit;
  const counted = unit ? ms.find((m) => m.code === unitCode && named(m)) : undefined;
  if (counted) return counted;
  const last = ms[ms.length - 1]!;
  for (let x = Math.max(first.end, last.start - 3); x < last.start; x++) {
    const t = tk.toks[x]!;
    if (t.type === "w" && (CHANNEL_PREPS.has(t.k) || CHANNEL_PREPS.has(t.kt))) return last;
  }
  return first;
}

function readHeader(
  tk: Tokenised,
  cells: readonly Cell[],
  nameAt: (i: number) => { end: number; code: string } | null,
  lineStart: number,
  measures?: ReadonlyMap<string, string>,
  broadcasts?: string | null,
): Header | null {
  if (cells.length < 2) return null;
  const kinds: ColumnKind[] = [];
  const codes: (string | null)[] = [];
  const keys: string[] = [];
  // "tháng | 7 | 8 | 9 | cộng", "thôn | 1 | 2 | tổng": the first cell names the unit of the numbered columns after it
  const unitHead =
    UNIT_HEAD.test(cells[0]!.key) && cells.slice(1).some((c) => ORDINAL.test(c.key)) ? cells[0]!.key : "";
  for (const [ci, c] of cells.entries()) {
    const numbered = unitHead !== "" && ci > 0 && ORDINAL.test(c.key);
    // (in a message typed with marks, a header's "Nam" without them is the south, not "năm")
    const unmarked = tk.accented && /^[a-z]+$/i.test(tk.nfcText.slice(c.start, c.end).trim());
    if (isNumeric(c.key) && !numbered && !(unmarked && !/^\d/.test(c.key))) return null;
    const key = numbered ? `${unitHead} ${c.key}` : expandPeriod(withoutRemark(c.key));
    keys.push(key);
    let kind: ColumnKind = unitHead !== "" && ci === 0 ? "label" : "unknown";
    for (const [k, re] of kind === "label" ? [] : HEADER_KINDS) {
      if (re.test(key)) {
        kind = k;
        break;
      }
    }
    // a figure in a kind that never holds one: no header whatever the cell names (the check below, made
    // before the name search, which prose lines with commas would otherwise pay for)
    if (!HEADER_WITH_NUMBER.has(kind) && /\d/.test(key)) return null;
    let code: string | null = null;
    // "Số hộ được phát tờ rơi": households reached, not the leaflets
    if ((kind === "unknown" || kind === "part") && !households(key, "")) {
      const ms = mentionsIn(c, nameAt, tk);
      if (ms.length > 0 && ms.every((m) => m.code === ms[0]!.code)) {
        kind = "indicator";
        code = ms[0]!.code;
      }
    }
    // "Họp chi hội (cuộc)", "Hội viên dự (người)": no name, but its unit is the own measure of one indicator
    if (kind === "unknown" && code === null && measures) {
      code = unitInBrackets(key, measures) ?? columnOfGatherings(key, measures);
      if (code) kind = "indicator";
    }
    // "Lượt phát sóng": a station's broadcasts counted under the word of the air, not of the loudspeaker
    if (kind === "unknown" && code === null && broadcasts && BROADCASTS_HEADER.test(key)) {
      kind = "indicator";
      code = broadcasts;
    }
    // a figure in a header cell only with a period or a place ("Quý I/2026", "Thôn 1"): "pano 6, ap phich 81" is no header
    if (/\d/.test(key) && !HEADER_WITH_NUMBER.has(kind)) return null;
    kinds.push(kind);
    codes.push(code);
  }
  namedParts(tk, cells, kinds);
  if (measures) peopleBesideSittings(keys, kinds, codes, measures);
  // "Thành phần dự | Số người": the people of each row counted
  if (keys.some((k) => COMPOSITION_HEADER.test(k)))
    for (const [i, k] of keys.entries()) if (kinds[i] === "unknown" && PEOPLE_COUNT.test(k)) kinds[i] = "value";
  const known = kinds.filter((k) => k !== "unknown").length;
  const structural = kinds.some((k) => STRUCTURAL.has(k));
  const indicators = kinds.filter((k) => k === "indicator").length;
  if (known >= 2 && (structural || indicators >= 1 || kinds.includes("total") || kinds.includes("period"))) {
    return { kinds, codes, keys, spans: cells.map((c) => [c.start - lineStart, c.end - lineStart]) };
  }
  return null;
}

/** A row of a share ("Tỷ lệ hộ được tuyên truyền | % | 95", "… | 90%"): a rate, neither a figure nor a question. */
function shareRow(label: string, unit: string | undefined, value: string | undefined): boolean {
  return unit === "%" || (value !== undefined && /\d ?%$/.test(value)) || /^(?:ty le|ti le)\b/.test(label);
}

/** A remark in brackets with a figure ("T12 (đến 5/12)", "TH (tính đến 30/11)", "KH (năm 2026)"): not the column's name. */
function withoutRemark(key: string): string {
  return key.includes("(") ? key.replace(/ ?\([^()]*\d[^()]*\)/g, "").trim() || key : key;
}

/**
 * "Chi đoàn | Số buổi | Số đoàn viên", "Lớp | Số buổi | Số HS": beside a column of sittings, a column of people with no
 * verb counts who attended them, and a first column naming the sittings' own word ("Lớp") lists the rows' places.
 */
function peopleBesideSittings(
  keys: readonly string[],
  kinds: ColumnKind[],
  codes: (string | null)[],
  measures: ReadonlyMap<string, string>,
): void {
  const meetings = measures.get("cuoc");
  const attendees = measures.get("nguoi");
  if (!meetings || !attendees || !keys.some((k, i) => codes[i] === meetings && SESSIONS_HEADER.test(k))) return;
  if (kinds[0] === "indicator" && codes[0] === meetings && !SESSIONS_HEADER.test(keys[0]!)) {
    kinds[0] = "place";
    codes[0] = null;
  }
  // ("Số hội viên" beside "Số người tham dự" is the branch's size)
  if (codes.includes(attendees)) return;
  for (const [i, k] of keys.entries())
    if (kinds[i] === "unknown" && PEOPLE_UNDER.test(k)) {
      kinds[i] = "indicator";
      codes[i] = attendees;
    }
}

/** Broadcasts counted as airings ("Lượt phát sóng", "Số lần phát sóng"). */
const BROADCASTS_HEADER = /^(?:so )?(?:luot|lan) phat song$/;

/** A header cell's words, then its unit in brackets ("họp chi hội (cuộc)"). */
const UNIT_IN_BRACKETS = /^(.+?) ?\((\p{L}+)\)$/u;
/** Attending, closing a header of people ("Hội viên dự", "Đoàn viên tham gia"). */
const ATTENDING_END = /(?:^| )(?:du|tham du|tham gia)$/;

/**
 * The indicator whose own measure is a header's unit in brackets ("Họp chi hội (cuộc)": the meetings); people
 * ("(người)") only said to attend ("Hội viên dự (người)"; "Số hội viên (người)" is the branch's size).
 */
function unitInBrackets(key: string, measures: ReadonlyMap<string, string>): string | null {
  const m = UNIT_IN_BRACKETS.exec(key);
  const code = m ? measures.get(m[2]!) : undefined;
  if (!m || !code || BACKGROUND_LABEL.test(m[1]!)) return null;
  return m[2] !== "nguoi" || ATTENDING_END.test(m[1]!) ? code : null;
}

/**
 * "Chỉ tiêu | Đông | Tây | Nam": after the label's column, two or more columns headed by names written with a
 * capital and no figure are places (one column per village or branch), summed like "Thôn 1 | Thôn 2".
 */
function namedParts(tk: Tokenised, cells: readonly Cell[], kinds: ColumnKind[]): void {
  const label = kinds.indexOf("label");
  const rest = kinds.flatMap((k, i) => (i > label && k !== "index" ? [i] : []));
  if (label < 0 || rest.length < 2 || rest.some((i) => kinds[i] !== "unknown")) return;
  const named = (c: Cell) => /^\p{Lu}[\p{L} ]*$/u.test(tk.nfcText.slice(c.start, c.end).trim());
  if (rest.every((i) => named(cells[i]!))) for (const i of rest) kinds[i] = "part";
}

/** A header cell naming the unit of numbered columns after it ("tháng | 7 | 8 | 9 | cộng"). */
const UNIT_HEAD = /^(?:thang|quy|tuan|dot|ky|thon|xom|tdp|to|to dan pho|khu|khu pho|kp|ap|ban|bon|buon|soc|doi)$/;
/** A bare column number under such a head: 1–12, or I–IV. */
const ORDINAL = /^(?:[1-9]|1[0-2]|i|ii|iii|iv)$/;

/** A header's short period ("T4", "T.4", "Q2", "Q.II/2026") written out ("thang 4", "quy 2"). */
function expandPeriod(key: string): string {
  const m = /^([tq])\s?\.?\s?(\d{1,2}|[ivx]{1,4})(\s*[/-]\s*\d{4})?$/.exec(key);
  if (!m) return key;
  const n = /^\d/.test(m[2]!) ? Number(m[2]) : (ROMAN[m[2]!] ?? 0);
  if (m[1] === "t" ? n < 1 || n > 12 : n < 1 || n > 4) return key;
  return `${m[1] === "t" ? "thang" : "quy"} ${m[2]}${m[3] ?? ""}`;
}

/** Column kinds only a table header has (not a list of indicators). */
const STRUCTURAL: ReadonlySet<ColumnKind> = new Set(["index", "label", "unit", "value", "plan"]);

/**
 * "Thôn        Số cuộc   Người dự": one row per place, then two indicators' columns or more, is a header of its own
 * (with runs of spaces between, as a plain-text table is typed).
 */
const placesByIndicators = (header: Header): boolean =>
  header.kinds[0] === "place" && header.kinds.filter((k) => k === "indicator").length >= 2;

/** Column kinds whose header may hold a number ("Thôn 1", "Quý I/2026", "Thực hiện quý 1", "Kế hoạch năm 2026"). */
const HEADER_WITH_NUMBER: ReadonlySet<ColumnKind> = new Set([
  "part",
  "period",
  "total",
  "value",
  "plan",
  "cumulative",
  "previous",
  "percent",
]);

const isNumeric = (key: string): boolean =>
  /^\d+(?:[.,]\d+)*\s*k?$/.test(key) || (key.length > 0 && parseVietnameseNumber(key) !== null);

/** The number a cell holds, read from its tokens ("1.500", "1,2k", "hai mươi"), or null. */
function cellNumber(tk: Tokenised, cell: Cell): NumItem | null {
  if (cell.from >= cell.to) return null;
  const first = tk.toks[cell.from]!;
  if (first.type === "n") {
    const form = readDigitForm(tk, cell.from, () => true);
    if (!form || Number.isNaN(form.value)) return null;
    // only a unit word may follow the number in its cell ("6 cái")
    for (let x = form.end; x < cell.to; x++) if (tk.toks[x]!.type !== "w") return null;
    if (cell.to - form.end > 2) return null;
    return numItem(cell.from, form.end, form.value);
  }
  const v = parseVietnameseNumber(cell.key);
  if (v === null) return null;
  return numItem(cell.from, cell.to, v);
}

/** The period a header or a text names, as "unit:ordinal[:year]" ("Quý I/2026" → "quy:1:2026"). */
function periodOf(key: string): { unit: string; n: number; year?: number } | null {
  // "6 tháng", "6 tháng đầu năm", "9 tháng": longer than a quarter
  const months = /(?:^|\s)([69]) thang\b/.exec(key);
  if (months) return { unit: "thangs", n: Number(months[1]) };
  const m = /\b(thang|quy|nam|tuan|dot|ky)\s*(\d{1,4}|[ivx]{1,4}\b)(?:\s*[/-]\s*(\d{4}))?/.exec(key);
  if (!m) return null;
  const n = /^\d/.test(m[2]!) ? Number(m[2]) : (ROMAN[m[2]!] ?? 0);
  if (m[1] === "nam") return { unit: "nam", n, year: n };
  return m[3] ? { unit: m[1]!, n, year: Number(m[3]) } : { unit: m[1]!, n };
}

/** Period units by length, for period columns. */
const PERIOD_RANK: Readonly<Record<string, number>> = { tuan: 1, thang: 2, quy: 3, thangs: 4, nam: 5, dot: 0, ky: 0 };

/**
 * Which column holds the value: what was done, else the total, else this period's (the period the
 * text before the table names; a quarter beside its months; the latest), else -1: the sum of the
 * parts (villages, or months under a stated quarter), -2: none.
 */
function chooseValueColumn(
  kinds: readonly ColumnKind[],
  cellsKey: readonly string[],
  before: string,
  note?: string,
): { column: number; sum: number[] } {
  const one = (column: number) => ({ column, sum: [] });
  const first = (k: ColumnKind) => kinds.indexOf(k);
  const values = kinds.flatMap((k, i) => (k === "value" ? [i] : []));
  if (values.length > 1) return one(periodOfValues(values, cellsKey, before));
  if (first("value") >= 0) return one(first("value"));
  const stated = periodOf(before);
  // "bc quý 4" over "Quý III | Quý IV | Tổng 2 quý": the report's own period, not the total of several
  const own = kinds.findIndex((k, i) => k === "period" && samePeriod(periodOf(cellsKey[i]!), stated));
  if (own >= 0 && first("total") >= 0) return one(own);
  if (first("total") >= 0) return one(first("total"));
  // "Báo cáo quý IV/2026" over "Tháng 12 | Lũy kế quý IV": the period so far is the report's whole figure
  const soFar = kinds.findIndex(
    (k, i) =>
      k === "cumulative" &&
      stated !== null &&
      periodOf(cellsKey[i]!)?.unit === stated.unit &&
      periodOf(cellsKey[i]!)?.n === stated.n,
  );
  if (soFar >= 0) return one(soFar);
  const periods = currentPeriodColumns(
    kinds.flatMap((k, i) => (k === "period" ? [i] : [])),
    cellsKey,
  );
  if (periods.length === 1) return one(periods[0]!);
  if (periods.length > 1) {
    const of = periods.map((i) => periodOf(cellsKey[i]!) ?? { unit: "", n: 0 });
    const rank = (p: { unit: string }) => PERIOD_RANK[p.unit] ?? 0;
    // the period the report is about, named in a note after the table or before it ("Báo cáo quý I/2026")
    const noted = note ? periodOf(note) : null;
    const noteMatch = noted ? of.findIndex((p) => p.unit === noted.unit && p.n === noted.n) : -1;
    if (noteMatch >= 0) return one(periods[noteMatch]!);
    if (stated) {
      const match = periods.findIndex((_, x) => {
        const p = of[x]!;
        return p.unit === stated.unit && p.n === stated.n && (!p.year || !stated.year || p.year === stated.year);
      });
      if (match >= 0) return one(periods[match]!);
      // months under a stated quarter: their sum
      if (of.every((p) => p.unit === of[0]!.unit && rank(p) > 0 && rank(p) < rank(stated)))
        return { column: -1, sum: periods };
    }
    // no period stated: the months of one quarter (or three months and more), or the weeks, are
    // the parts of the period reported on ("Tháng 1 | Tháng 2 | Tháng 3")
    if (!stated && partsOfOnePeriod(of)) return { column: -1, sum: periods };
    // a longer period beside shorter ones is their total ("Tháng 1 | Tháng 2 | Tháng 3 | Quý I")
    const longest = Math.max(...of.map(rank));
    const candidates = periods.filter((_, x) => rank(of[x]!) === longest);
    // else the latest
    const score = (i: number) => {
      const p = periodOf(cellsKey[i]!);
      return p ? (p.year ?? 0) * 100 + p.n : 0;
    };
    return one(candidates.reduce((best, i) => (score(i) >= score(best) ? i : best), candidates[0]!));
  }
  if (kinds.includes("part")) return { column: -1, sum: kinds.flatMap((k, i) => (k === "part" ? [i] : [])) };
  const unknown = kinds.flatMap((k, i) => (k === "unknown" ? [i] : []));
  return one(unknown.length === 1 ? unknown[0]! : -2);
}

/**
 * "Năm 2025 | 9 tháng 2026 | Quý IV/2026 | Cả năm 2026": of the period columns, an earlier year's than the latest
 * one named, and the year's first months ("9 tháng") beside a later quarter or month, are no figure of the period
 * reported; the rest, or all when none would be left.
 */
function currentPeriodColumns(periods: readonly number[], keys: readonly string[]): number[] {
  const of = periods.map((i) => periodOf(keys[i]!));
  const latest = Math.max(0, ...of.map((p) => p?.year ?? 0));
  // (the year's first months, "9 tháng", hold "Quý I | Quý II | 6 tháng" but not a later quarter or month)
  const lastMonth = Math.max(0, ...of.map((p) => (p?.unit === "quy" ? 3 * p.n : p?.unit === "thang" ? p.n : 0)));
  const kept = periods.filter((_, x) => {
    const p = of[x];
    return !p || !((p.year !== undefined && p.year < latest) || (p.unit === "thangs" && lastMonth > p.n));
  });
  return kept.length > 0 ? kept : [...periods];
}

/**
 * Of several "thực hiện" columns ("TH 9 tháng | TH quý IV"), this period's: the one the text names, else the
 * latest of the shortest periods (6 or 9 months so far are a running total); the first when none says its period.
 */
function periodOfValues(columns: readonly number[], keys: readonly string[], before: string): number {
  const of = columns.map((c) => periodOf(keys[c]!));
  const stated = periodOf(before);
  const named = columns.filter((_, x) => of[x] && of[x]!.unit !== "thangs");
  if (named.length === 0) return columns[0]!;
  const p = (c: number) => of[columns.indexOf(c)]!;
  const match = named.find((c) => stated && p(c).unit === stated.unit && p(c).n === stated.n);
  if (match !== undefined) return match;
  const shortest = Math.min(...named.map((c) => PERIOD_RANK[p(c).unit] ?? 9));
  const score = (c: number) => (p(c).year ?? 0) * 100 + p(c).n;
  return named
    .filter((c) => (PERIOD_RANK[p(c).unit] ?? 9) === shortest)
    .reduce((best, c) => (score(c) >= score(best) ? c : best));
}

/** Whether a column's period is the one the text states (a year only when both say it). */
function samePeriod(p: ReturnType<typeof periodOf>, stated: ReturnType<typeof periodOf>): boolean {
  if (!p || !stated || p.unit !== stated.unit || p.n !== stated.n) return false;
  return !p.year || !stated.year || p.year === stated.year;
}

/** Whether period columns are consecutive months of one quarter (or 3+ months), or weeks, of one year. */
function partsOfOnePeriod(of: readonly { unit: string; n: number; year?: number }[]): boolean {
  const unit = of[0]!.unit;
  if ((unit !== "thang" && unit !== "tuan") || of.some((p) => p.unit !== unit || p.year !== of[0]!.year)) return false;
  if (!of.every((p, x) => x === 0 || p.n === of[x - 1]!.n + 1)) return false;
  if (unit === "tuan") return true;
  const quarter = (n: number) => Math.ceil(n / 3);
  return of.length >= 3 || of.every((p) => quarter(p.n) === quarter(of[0]!.n));
}

/** Reads the rows under a header; returns the column read (-1: sum of parts, -2: none). */
/** A note that leaves its row out: "không tính", "ko tính vào", "chỉ để biết", "tham khảo". */
const LEFT_OUT_NOTE = /^(?:(?:khong|ko|k|chua) tinh\b|(?:chi )?de biet\b|(?:chi )?tham khao\b|ngoai chi tieu\b)/;

/** A row of the place's people or members ("Số hội viên", "Tổng số đoàn viên", "Số hộ"): background. */
/**
 * Households reached ("Số hộ nhận tờ gấp - 180 hộ", "Hộ được phát | hộ | 180"): counted in homes, not in what
 * they got, background like "gửi cho 85 hộ" in a sentence.
 */
function households(label: string, figure: string, unit?: string): boolean {
  return /^(?:so |tong so )?ho\b/.test(label) || / ho(?: dan| gia dinh)?$/.test(figure) || unit === "ho";
}

const BACKGROUND_LABEL =
  /^(?:so |tong so )?(?:hoi vien|doan vien|dang vien|chi em|ho|ho dan|ho gia dinh|nhan khau|dan so|giao vien|hoc sinh|nhan vien|thanh vien)$/;

/**
 * A row of people by role said to attend: "Chị em tham dự", "Hội viên tham gia", "Số đoàn viên dự", and
 * roles listed ("Học sinh, giáo viên tham gia", "Cán bộ và hội viên dự").
 */
const ATTENDING_ROLE =
  "(?:chi em|hoi vien|doan vien|dang vien|can bo|hoc sinh|giao vien|nhan dan|nguoi dan|ba con|nong dan|ngu dan|cong nhan|dai bieu|phu nu|thanh nien|cuu chien binh)";
const ATTENDING_LABEL = new RegExp(
  `^(?:so |luot )?${ATTENDING_ROLE}(?:(?:,? | va |, va )${ATTENDING_ROLE})*(?: \\p{L}+)? (?:tham du|tham gia|du)$`,
  "u",
);

/** A label column of who attended ("Thành phần dự", "Thành phần tham dự", "Đối tượng tham gia"). */
const COMPOSITION_HEADER = /^(?:thanh phan|doi tuong)(?: tham)? (?:du|gia)$|^thanh phan$/;
/** A column counting people ("Số người", "Số đại biểu"). */
const PEOPLE_COUNT = /^so (?:nguoi|dai bieu|luot nguoi)$/;

/** A header of sittings ("Số buổi", "Số cuộc", "Số buổi sinh hoạt", "Số buổi/cuộc"): gatherings held, by the writers' convention. */
const SESSIONS_HEADER =
  /^(?:(?:so |tong so )(?:buoi|cuoc|lop)(?:\/(?:buoi|cuoc|lop))?|(?:buoi|cuoc|lop)(?= \S))(?: (?:sinh hoat|hop|tuyen truyen|ngoai khoa|truyen thong|tap huan|hoi nghi|to chuc))?$/;
/** A header of people said to attend ("Số HS tham gia", "Lượt ĐVTN tham gia", "Số hội viên dự"). */
const ATTENDEES_HEADER = new RegExp(
  `^(?:so |luot |tong so )?(?:nguoi|hs|hv|dvtn|${ATTENDING_ROLE})(?: \\p{L}+)? (?:tham du|tham gia|du)$`,
  "u",
);

/** A column of people with no verb ("Số người", "Người nghe", "Hội viên"), under a gathering's merged cell. */
const PEOPLE_UNDER = new RegExp(
  `^(?:so |luot |tong so )?(?:nguoi|dai bieu|hs|hv|hoc vien|${ATTENDING_ROLE})(?: nghe)?$`,
  "u",
);

/** The indicator a header of sittings or of attendees counts: the own measure's ("cuộc", "người"). */
function columnOfGatherings(key: string, measures: ReadonlyMap<string, string>): string | null {
  if (SESSIONS_HEADER.test(key)) return measures.get("cuoc") ?? null;
  return ATTENDEES_HEADER.test(key) ? (measures.get("nguoi") ?? null) : null;
}

/** A unit cell of money: "đồng", "VNĐ", "triệu đồng", "nghìn đồng". */
const MONEY_UNIT = /^(?:(?:trieu|nghin|ngan)[ \t]+)?(?:dong|vnd|d)$/;

function readRows(
  tk: Tokenised,
  lines: readonly Line[],
  headerLine: number,
  header: { kinds: readonly ColumnKind[]; codes: readonly (string | null)[]; keys: readonly string[] },
  rows: readonly Cell[][],
  nameAt: (i: number) => { end: number; code: string } | null,
  out: TableReading,
  measures?: ReadonlyMap<string, string>,
  posts?: string | null,
  reportsPeriod?: () => string | null,
): number {
  const attendees = measures?.get("nguoi");
  const { kinds, codes, keys } = header;
  const block = out.blocked as number[];
  const unclear = out.unclear as [number, number][];
  const blockRow = (row: readonly Cell[]): void => {
    // separators are in no cell: from the first cell's start to the last one's end
    const from = row[0]!.from;
    const to = row[row.length - 1]!.to;
    for (let x = from; x < to; x++) block.push(x);
  };

  const indicatorColumns = kinds.flatMap((k, i) => (k === "indicator" ? [i] : []));
  if (indicatorColumns.length > 0 && !kinds.includes("label")) {
    for (const row of rows) blockRow(row);
    const counted = countOfRows(tk, kinds, keys, rows, nameAt);
    const allKinds = counted ? kinds.map((k, i) => (i === counted.column ? "indicator" : k)) : kinds;
    const allCodes = counted ? codes.map((c, i) => (i === counted.column ? counted.code : c)) : codes;
    const columns = counted ? [...indicatorColumns, counted.column].sort((a, b) => a - b) : indicatorColumns;
    const labelAt = kinds.findIndex((k) => k === "unknown" || k === "place");
    readIndicatorColumns(tk, { kinds: allKinds, codes: allCodes, keys }, rows, columns, labelAt, nameAt, out);
    return indicatorColumns[0]!;
  }
  const near = lines
    .slice(Math.max(0, headerLine - 3), headerLine)
    .map((l) => searchKey(l.text))
    .join(" ");
  // the report's own period ("BÁO CÁO … THÁNG 12/2026" in its title) when a column is of it, or the lines
  // just above name none ("… công văn về báo cáo năm 2026, xã báo cáo số liệu quý IV/2026" over "Quý IV | Năm")
  const own = kinds.includes("period") ? (reportsPeriod?.() ?? null) : null;
  const ownColumn =
    own !== null && keys.some((k, i) => kinds[i] === "period" && samePeriod(periodOf(k), periodOf(own)));
  const before = own !== null && (ownColumn || !periodOf(near)) ? own : near;
  // a note after the table naming the report's period ("Ghi chú: số liệu kỳ này là quý IV")
  const note = lines
    .slice(headerLine + rows.length + 1, headerLine + rows.length + 4)
    .map((l) => searchKey(l.text))
    .find((k) => /\b(?:ky nay|bao cao|bc)\b/.test(k) && periodOf(k) !== null);
  const { column: valueColumn, sum } = chooseValueColumn(kinds, keys, before, note);
  const labelColumn =
    kinds.indexOf("label") >= 0 ? kinds.indexOf("label") : kinds.findIndex((k) => k === "unknown" || k === "place");
  // "Thành phần dự | Số người" over "Cán bộ, công chức | 40": every row is people who attended
  const composition = attendees !== undefined && COMPOSITION_HEADER.test(keys[labelColumn] ?? "");
  const indexColumn = kinds.indexOf("index");
  const read: Pair[] = [];
  const asked: [number, number][] = [];
  // the last top-level row ("1", "II"): the rows under it ("1.1", "a)", "- Facebook") break it down
  let group: { code: string | null; valued: boolean } | null = null;
  // the question of an unnamed top-level row, dropped when rows under it follow
  let heading = -1;
  const headings = new Set<number>();
  // each read pair's row number (its index cell, else its place in the table)
  const numbers: number[] = [];
  const audience: Pair[] = [];
  // the pairs read from a total row naming its indicator
  const totals = new Set<number>();
  // rows naming nothing counted in sittings, with their question: the meetings if the table has their attendees
  const meetings = measures?.get("cuoc");
  const sittings: [number, Pair][] = [];
  for (const [ri, row] of rows.entries()) {
    const label = row[labelColumn];
    const level = label ? rowLevel(indexColumn >= 0 ? row[indexColumn]?.key : undefined, label.key) : "none";
    const parent = level === "sub" ? group : null;
    if (level !== "sub") group = null;
    if (level === "sub" && heading >= 0) headings.add(heading);
    if (level !== "sub") heading = -1;
    const valueCell = valueColumn >= 0 ? row[valueColumn] : undefined;
    // a value cell in words ("treo 5 pa nô, 10 băng rôn") is prose: left to the pairing
    if (
      valueCell &&
      valueCell.key !== "" &&
      !isNumeric(valueCell.key) &&
      !cellNumber(tk, valueCell) &&
      !EMPTY_CELL.test(valueCell.key)
    ) {
      if (row[0] && kinds[0] === "index") for (let x = row[0].from; x < row[0].to; x++) block.push(x);
      continue;
    }
    blockRow(row);
    // a clip's views in its note are asked about, as a video's are in prose (a post's are told in passing)
    const unitKey = row[kinds.indexOf("unit")]?.key;
    if (label && (CLIP_WORD.test(label.key) || (unitKey !== undefined && CLIP_WORD.test(unitKey))))
      for (const [c, k] of kinds.entries()) if (k === "note" && row[c]) asked.push(...viewsIn(tk, row[c]!));
    if (!label || SUB_ROW.test(label.key)) continue;
    // "Tổng cộng | 105" sums the rows; "Tổng số băng rôn | 12" is that indicator's whole
    const total = TOTAL_ROW.test(label.key);
    if (total && mentionsIn(label, nameAt, tk).length === 0) continue;
    // "Hội viên | 312 | không tính": a row its note leaves out is no figure, nor a question
    if (kinds.some((k, c) => k === "note" && row[c] && LEFT_OUT_NOTE.test(row[c]!.key))) continue;
    // "Số hội viên | 245", "Số hộ | 320": the place's people, background like "320 hộ" in a sentence
    if (BACKGROUND_LABEL.test(label.key)) continue;
    if (shareRow(label.key, row[kinds.indexOf("unit")]?.key, valueCell?.key)) continue;
    if (households(label.key, valueCell?.key ?? "", row[kinds.indexOf("unit")]?.key)) continue;
    let num: NumItem | null = null;
    if (valueCell) num = cellNumber(tk, valueCell);
    else if (valueColumn === -1) num = sumOf(tk, sum, row);
    // a row of its own, numbered or not ("Hội nghị, tọa đàm | 4" over "a) Hội nghị cấp xã | 1"), groups the parts under it
    if (level !== "sub") group = { code: null, valued: num !== null };
    if (!num) continue;
    const unitCell = row[kinds.indexOf("unit")];
    const ind =
      labelCode(
        tk,
        mentionsIn(label, nameAt, tk),
        unitCell?.key,
        measures?.get(unitCell?.key.replace(/ /g, "") ?? ""),
      ) ??
      (attendees && (ATTENDING_LABEL.test(label.key) || (composition && !NOT_RECORDED.test(label.key)))
        ? indItem(label.from, label.to, attendees)
        : null);
    // "Cụm loa đang hoạt động | cụm | 15": loudspeakers counted as objects are equipment, no broadcasts
    if (ind && unitCell && OBJECT_UNIT.test(unitCell.key) && EQUIPMENT_NAME.test(wordsOf(tk, ind))) continue;
    // the unit in its column, else after the figure in its cell ("TT nhóm nhỏ | 4 buổi")
    const unit = unitCell?.key ?? unitAfterFigure(valueCell?.key);
    const counted =
      ind || !measures ? null : unit ? unitNamesRow(label.key, unit, measures) : sittingsLabel(label.key, measures);
    const clips = !ind && !counted && posts && clipsOnChannel(label.key, unitCell?.key) ? posts : null;
    const code = counted ?? clips;
    // "Người xem, nghe | 1.800": the audience of shows held, kept until the table's gatherings are known
    if (!ind && !code && attendees && AUDIENCE_LABEL.test(label.key)) {
      audience.push(pairUp(num, indItem(label.from, label.to, attendees), false));
      continue;
    }
    const named = ind ?? (code ? indItem(label.from, label.to, code) : null);
    if (group && level !== "sub") group.code = named?.code ?? null;
    // a part of a group row that carries its own total ("Bài đăng MXH, trong đó: 43" over "- Facebook | 25")
    if (parent?.valued && parent.code !== null && (!named || named.code === parent.code)) continue;
    if (named) {
      if (total) totals.add(read.length);
      read.push(pairUp(num, named, false));
      numbers.push(rowNumber(indexColumn >= 0 ? row[indexColumn]?.key : undefined, ri));
    }
    // a cost in its row ("Kinh phí | đồng | 8.500.000"), a film show or books lent: no figure to ask about
    else if (!row.some((c) => MONEY_UNIT.test(c.key)) && !NOT_RECORDED.test(label.key)) {
      if (meetings && countsSittings(label.key, unit))
        sittings.push([asked.length, pairUp(num, indItem(label.from, label.to, meetings), false)]);
      asked.push([label.from < label.to ? label.from : num.start, num.end - 1]);
    } else continue;
    // a group row naming nothing ("II | Tuyên truyền miệng | 12") is a heading when rows under it follow
    heading = level === "top" && !named ? asked.length - 1 : -1;
  }
  const gatherings = measures?.get("cuoc");
  // "Ngày hội ở khu dân cư | cuộc | 9" beside "Người tham dự | 2.450": sittings people attended are the meetings
  if (sittings.length && read.some((p) => p.ind.code === attendees) && !read.some((p) => p.ind.code === gatherings))
    for (const [at, pair] of sittings) {
      read.push(pair);
      headings.add(at);
    }
  if (audience.length && read.some((p) => p.ind.code === gatherings)) read.push(...audience);
  else for (const a of audience) asked.push([a.ind.start, a.num.end - 1]);
  correctRows(tk, lines, rows, read, numbers, block);
  out.pairs.push(...addUp(wholesFirst(read, totals)));
  // "STT | Nội dung | Số lượng | Người tham dự": a column naming an indicator beside the value column
  const more = indicatorColumns.filter((c) => c !== valueColumn);
  if (more.length) readIndicatorColumns(tk, header, rows, more, labelColumn, nameAt, out);
  unclear.push(...asked.filter((_, i) => !headings.has(i)));
  return valueColumn;
}

/** People who watched or listened ("Người xem, nghe", "Khán giả"): the audience of the shows a table counts. */
const AUDIENCE_LABEL = /^(?:so |luot )?(?:nguoi (?:xem|nghe)(?:,? (?:va )?(?:xem|nghe))?|khan gia|nguoi xem nghe)$/;

/** A row's number: its index cell ("3", "3."), else its place among the rows (1-based). */
function rowNumber(index: string | undefined, at: number): number {
  const m = index ? /^(\d{1,2})\.?$/.exec(index) : null;
  return m ? Number(m[1]) : at + 1;
}

/** A correction in the two lines under the table naming a row by number: that row's pair takes its figure. */
function correctRows(
  tk: Tokenised,
  lines: readonly Line[],
  rows: readonly Cell[][],
  read: Pair[],
  numbers: readonly number[],
  block: number[],
): void {
  if (read.length === 0) return;
  const last = rows[rows.length - 1]!;
  const end = last[last.length - 1]!.to;
  const after = lines.filter((l) => l.from >= end).slice(0, 2);
  for (const line of after) {
    const fix = rowCorrection(tk, line.from, line.to);
    const at = fix ? numbers.indexOf(fix.row) : -1;
    if (!fix || at < 0) continue;
    read[at] = { ...read[at]!, num: fix.num };
    for (let x = line.from; x < line.to; x++) block.push(x);
  }
}

/** Units of objects ("cụm", "cái", "chiếc", "bộ"): what they count is a thing, never an event. */
const OBJECT_UNIT = /^(?:cum|cai|chiec|bo|he thong|tram)$/;
/** An indicator named by its equipment ("loa", "loa truyền thanh", "cụm loa"), not by the act ("phát thanh"). */
const EQUIPMENT_NAME = /^(?:cum )?(?:loa|truyen thanh|loa truyen thanh|loa phat thanh|dai truyen thanh)$/;

function wordsOf(tk: Tokenised, m: IndItem): string {
  return tk.toks
    .slice(m.start, m.end)
    .map((t) => t.k)
    .join(" ");
}

/** Clips and videos ("Video TikTok", "Clip Youtube", or counted in "clip"): posts when they went on a channel. */
const CLIP_WORD = /\b(?:video|clip|videos|clips)\b/;

function clipsOnChannel(label: string, unit: string | undefined): boolean {
  if (unit !== undefined && CLIP_WORD.test(unit)) return true;
  return CLIP_WORD.test(label) && label.split(" ").some((w) => CHANNEL_NAMES.has(w));
}

/** The indicator of posts on social media: the one a channel's name names ("facebook", "fanpage", "zalo"). */
function postsCode(compiled: CompiledIndicators): string | null {
  for (const name of ["mangxahoi", "facebook", "fanpage", "zalo"]) {
    const code = compiled.exact.get(name)?.code;
    if (code) return code;
  }
  return null;
}

/** Views told in a note ("đạt 25 nghìn lượt xem"): the number with its scale word, to ask about. */
function viewsIn(tk: Tokenised, cell: Cell): [number, number][] {
  const out: [number, number][] = [];
  for (let x = cell.from; x < cell.to; x++) {
    if (tk.toks[x]!.type !== "n") continue;
    const form = readDigitForm(tk, x, () => true);
    if (!form || Number.isNaN(form.value)) continue;
    const after = tk.toks
      .slice(form.end, Math.min(form.end + 2, cell.to))
      .map((t) => t.k)
      .join(" ");
    if (/^(?:luot xem|view|views|luot view)\b/.test(after)) out.push([x, form.end - 1]);
    x = form.end - 1;
  }
  return out;
}

/** Labels of what the plan does not record: shows, films, books, exhibitions, photos, models, visits and views. */
const NOT_RECORDED =
  /\b(?:van nghe|chieu phim|(?<!danh )sach|trung bay|trien lam|anh minh chung|hinh anh|mo hinh|luot truy cap|luot xem|luot thich|khach tham quan|luot khach)\b/;

/** Where a row stands under the one above: a top-level row ("1", "II"), a part ("1.1", "a)", "- Zalo"), else none. */
function rowLevel(index: string | undefined, label: string): "top" | "sub" | "none" {
  if (/^(?:[-+*•]|[a-hđ]\)|\d+\.\d+\.?) /.test(label)) return "sub";
  if (!index) return "none";
  if (/^\d+[.,]\d+\.?$|^[a-hđ][.)]?$|^[-+*•]$/.test(index)) return "sub";
  return /^(?:\d{1,2}|[ivx]{1,5})[.)]?$/.test(index) ? "top" : "none";
}

/** A total row naming its indicator ("Tổng số băng rôn | 12") is that indicator's figure: its parts' rows are dropped. */
function wholesFirst(pairs: readonly Pair[], totals: ReadonlySet<number>): Pair[] {
  if (totals.size === 0) return pairs as Pair[];
  const whole = new Set<string>();
  for (const i of totals) whole.add(pairs[i]!.ind.code);
  return pairs.filter((p, i) => totals.has(i) || !whole.has(p.ind.code));
}

/** The rows of one table naming the same indicator are its parts ("Pa nô tấm lớn", "Pa nô tại thôn"): one figure. */
function addUp(pairs: readonly Pair[]): Pair[] {
  const out: Pair[] = [];
  const at = new Map<string, number>();
  for (const p of pairs) {
    const i = at.get(p.ind.code);
    if (i === undefined) {
      at.set(p.ind.code, out.length);
      out.push(p);
    } else {
      const q = out[i]!;
      const n = q.num;
      out[i] = pairUp(numItem(n.start, n.end, n.value + p.num.value, n.weak, n.bad, n.first), q.ind, q.numFirst);
    }
  }
  return out;
}

/** Units that count printed or written pieces: a row in them may count what the plan does not record ("Thông báo | tờ"). */
const PIECE_UNITS = /^(?:to|tam|ban|tin|bai|cai|chiec)$/;
/** Attending, anywhere in a row's label ("Phóng viên, khách mời dự họp báo", "Người nghe" a talk). */
const ATTENDING_WORD = /\b(?:du|tham du|tham gia|nghe)\b/;

/**
 * A label saying its own unit of sittings, before or in brackets after a gathering ("Buổi ngoại khóa tuyên truyền",
 * "Sinh hoạt chi hội (buổi)"): the meetings.
 */
function sittingsLabel(label: string, measures: ReadonlyMap<string, string>): string | null {
  const m = /^(?:so )?(buoi|lop|cuoc) (.+)$/.exec(label) ?? /^(.+?) ?\((buoi|lop|cuoc)\)$/.exec(label);
  if (!m) return null;
  const [unit, rest] = SITTING_UNITS.test(m[1]!) ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  return unitNamesRow(rest, unit, measures);
}

/** A unit word after the figure in a value cell ("4 buổi" → "buoi"), or undefined. */
function unitAfterFigure(key: string | undefined): string | undefined {
  const m = key ? /^\d[\d.,]* (\p{L}+)$/u.exec(key) : null;
  return m ? m[1] : undefined;
}

/** A row counted in sittings: by its unit ("buổi", "cuộc") or its label's first word ("Buổi TT cho ngư dân"). */
function countsSittings(label: string, unit: string | undefined): boolean {
  if (BACKGROUND_LABEL.test(label)) return false;
  return unit ? /^(?:buoi|cuoc)$/.test(unit) : /^(?:so )?(?:buoi|cuoc) /.test(label);
}

/** Units of sittings ("buổi", "lớp", "cuộc"). */
const SITTING_UNITS = /^(?:buoi|lop|cuoc)$/;
/** Gatherings held for people, opening a row's label (not shows: "chiếu phim", "biểu diễn văn nghệ"). */
const GATHERING_HEADS =
  /^(?:(?:to chuc|buoi) )?(?:sinh hoat|ngoai khoa|truyen thong|tu van|giao luu|boi duong|noi chuyen|tuyen truyen)\b/;

/**
 * A row naming no indicator, counted in a unit column: the indicator whose own measure the unit is, for a
 * gathering counted in events ("Họp báo | cuộc | 1": the meetings; not "Kiểm tra cơ sở | cuộc") or people
 * said to attend ("… dự họp báo | người | 65"); pieces ("tờ", "tin", "bài") may be things the plan does not record.
 */
function unitNamesRow(label: string, unit: string, measures: ReadonlyMap<string, string>): string | null {
  // "Truyền thông nhóm nhỏ | buổi", "Sinh hoạt chuyên đề | buổi": a gathering's sittings are the meetings
  if (SITTING_UNITS.test(unit) && GATHERING_HEADS.test(label) && !BACKGROUND_LABEL.test(label))
    return measures.get("cuoc") ?? null;
  const code = measures.get(unit.replace(/ /g, ""));
  if (!code || PIECE_UNITS.test(unit) || BACKGROUND_LABEL.test(label)) return null;
  if (unit === "nguoi") return ATTENDING_WORD.test(label) ? code : null;
  return label.split(" ").some((w) => GATHERING_WORDS.has(w)) ? code : null;
}

/** One column per village (or per month under a stated quarter) and no total column: the row's value is their sum. */
function sumOf(tk: Tokenised, columns: readonly number[], row: readonly Cell[]): NumItem | null {
  let value = 0;
  let start = -1;
  let end = -1;
  for (const i of columns) {
    const n = row[i] ? cellNumber(tk, row[i]!) : null;
    if (!n) continue;
    value += n.value;
    if (start < 0) start = n.start;
    end = n.end;
  }
  return start < 0 ? null : numItem(start, end, value);
}

/** One column per indicator, one row per village: the "Tổng" row, else the sum of the rows. */
/** A header counting sessions or times ("Số buổi", "Số cuộc", "Số lớp", "Số lượt"). */
const COUNT_HEADER = /^so (?:buoi|cuoc|lop|luot|dot)$/;

/**
 * "TT;Hoạt động;Số buổi;Số người tham dự" over "1;Tọa đàm;2;180", "2;Tập huấn;1;45": a column counting sessions,
 * when every row's label names the same indicator, counts that indicator (here the meetings).
 */
function countOfRows(
  tk: Tokenised,
  kinds: readonly ColumnKind[],
  keys: readonly string[],
  rows: readonly Cell[][],
  nameAt: (i: number) => { end: number; code: string } | null,
): { column: number; code: string } | null {
  const column = keys.findIndex((k, i) => kinds[i] === "unknown" && COUNT_HEADER.test(k));
  const labelColumn = kinds.findIndex((k, i) => k === "unknown" && i !== column);
  if (column < 0 || labelColumn < 0 || rows.length === 0) return null;
  const named = rows.map((r) => (r[labelColumn] ? labelCode(tk, mentionsIn(r[labelColumn]!, nameAt, tk)) : null));
  const code = named[0]?.code;
  return code && named.every((m) => m?.code === code) ? { column, code } : null;
}

/**
 * Columns naming an indicator ("Người dự", "Số buổi"): the Tổng/Cộng row's cell, else the rows' sum (a row under a
 * group row that has its own figure is its part); a column of sittings with a row naming another indicator
 * ("Phát tờ rơi | 1" under "Số buổi") is no one's, and a row of what the plan does not record is none of it.
 */
function readIndicatorColumns(
  tk: Tokenised,
  header: { kinds: readonly ColumnKind[]; codes: readonly (string | null)[]; keys: readonly string[] },
  rows: readonly Cell[][],
  columns: readonly number[],
  labelColumn: number,
  nameAt: (i: number) => { end: number; code: string } | null,
  out: TableReading,
): void {
  const { kinds, codes, keys } = header;
  const indexColumn = kinds.indexOf("index");
  const totalRow = rows.find((r) => r.some((c, i) => kinds[i] !== "indicator" && TOTAL_ROW.test(c.key)));
  const pairs: Pair[] = [];
  const pairOf = (num: NumItem, code: string): Pair => pairUp(num, indItem(num.start, num.end, code), false);
  for (const col of columns) {
    const code = codes[col]!;
    const sittings = SESSIONS_HEADER.test(keys[col]!);
    let sum: NumItem | null = null;
    let groupValued = false;
    let mixed = false;
    for (const r of rows) {
      if (r === totalRow) continue;
      const label = labelColumn >= 0 ? r[labelColumn] : undefined;
      const level = label ? rowLevel(indexColumn >= 0 ? r[indexColumn]?.key : undefined, label.key) : "none";
      const n = r[col] ? cellNumber(tk, r[col]!) : null;
      if (level !== "sub") groupValued = level === "top" && n !== null;
      else if (groupValued) continue;
      if (!n) continue;
      if (sittings && label) {
        const own = labelCode(tk, mentionsIn(label, nameAt, tk));
        if (own && own.code !== code) {
          mixed = true;
          break;
        }
        if (!own && NOT_RECORDED.test(label.key)) continue;
      }
      const s = sum as NumItem | null;
      sum = s === null ? n : numItem(s.start, n.end, s.value + n.value, s.weak, s.bad, s.first);
    }
    // (rows naming other things, "Tọa đàm | 2", "Phát tờ rơi | 1": the sittings are no one's)
    if (mixed) continue;
    const num = (totalRow?.[col] ? cellNumber(tk, totalRow[col]!) : null) ?? sum;
    if (num) pairs.push(pairOf(num, code));
  }
  out.pairs.push(...addUp(pairs));
}

/** A cell of a figure with its unit ("320 tờ", "7 buổi", "5 cái"). */
const FIGURE_WITH_UNIT = /^\d+(?:[.,]\d+)* \p{L}+(?: \p{L}+)?$/u;

/**
 * Rows of "label<sep>number" without a header ("Pa nô;12", "1 | Pa nô | 12", "1 - Pa nô - 2 cái"), at least two in a
 * row with the same separator; returns the last line looked at (or `li` when none), so that a
 * block of rows is looked at once.
 */
function readPlainRows(
  tk: Tokenised,
  lines: readonly Line[],
  li: number,
  nameAt: (i: number) => { end: number; code: string } | null,
  out: TableReading,
): number {
  for (const sep of ["\t", "|", ";", " - ", "  "] as const) {
    const read: { label: Cell; num: NumItem; line: Line; index: Cell | null; cell: Cell }[] = [];
    let lj = li;
    for (; lj < lines.length; lj++) {
      const line = lines[lj]!;
      if (!line.text.includes(sep)) break;
      const cells = cellsOf(tk, line, sep, edgesOf(line.text, sep)).filter((c) => c.key !== "");
      const rest = cells.length > 2 && ROW_NUMBER.test(cells[0]!.key) ? cells.slice(1) : cells;
      const nums = rest.map((c) => (isNumeric(c.key) || FIGURE_WITH_UNIT.test(c.key) ? cellNumber(tk, c) : null));
      const labels = rest.filter((_, i) => !nums[i]);
      if (nums.filter(Boolean).length !== 1 || labels.length < 1 || labels.length > 2) break;
      const cell = rest[nums.findIndex(Boolean)]!;
      read.push({ label: labels[0]!, num: nums.find(Boolean)!, line, index: rest === cells ? null : cells[0]!, cell });
    }
    if (read.length < 2) continue;
    // "Tổng hội nghị, họp dân | 6" over "- Hội nghị triển khai | 1": a part of the row above it is no figure
    let lead: string | null = null;
    const parts: Line[] = [];
    const named = read.flatMap((r) => {
      const ind = labelCode(tk, mentionsIn(r.label, nameAt, tk));
      const part = /^[-+*•] /.test(r.label.key) && ind !== null && ind.code === lead;
      if (!/^[-+*•] /.test(r.label.key)) lead = ind?.code ?? null;
      if (part) parts.push(r.line);
      return ind && !part ? [{ ...r, ind }] : [];
    });
    // rows that mostly name nothing: not a table of indicators, left to the pairing (and not read again);
    // one row naming nothing among named ones ("2 | Sinh hoạt chi hội | 7 buổi") is left to the pairing alone
    if (named.length < 2 || named.length < read.length - 1) return lj - 1;
    const block = out.blocked as number[];
    for (const r of [...named.map((n) => n.line), ...parts]) for (let x = r.from; x < r.to; x++) block.push(x);
    // (the row number of a row left to the pairing is no figure; a row of what the plan does not record is none)
    for (const r of read) if (r.index) for (let x = r.index.from; x < r.index.to; x++) block.push(x);
    for (const r of read)
      if (NOT_RECORDED.test(r.label.key) || households(r.label.key, r.cell.key))
        for (let x = r.line.from; x < r.line.to; x++) block.push(x);
    const pairs: Pair[] = named
      .filter((r) => !households(r.label.key, r.cell.key))
      .map((r) => pairUp(r.num, r.ind, false));
    out.pairs.push(...addUp(pairs));
    out.tables.push({ kinds: [], valueColumn: -2, rows: read.length });
    return lj - 1;
  }
  return li;
}

/** A line opening with a table's first header word and naming a results column further on (cheap test). */
const SINGLE_SPACED_HINT =
  /(?:^|\n)[ \t]*(?:stt|tt|chi tieu|noi dung|ten chi tieu|hang muc)\b[^\n]*\b(?:th|thuc hien|sl|so luong|kq|ket qua|tong|cong|(?:thon|tdp|xom|to) ?\d+)\b/;

/** Kinds a single-spaced header may hold; the others (places, periods) need real column separators. */
const SINGLE_KINDS: ReadonlySet<ColumnKind> = new Set([
  "index",
  "label",
  "unit",
  "value",
  "plan",
  "percent",
  "total",
  "part",
  "period",
]);

/**
 * The columns of a header typed with single spaces ("tt chi tieu kh th", "STT Nội dung ĐVT Thực hiện"):
 * each run of one to four words one header kind reads whole, left to right; null when a word fits none.
 */
function singleSpacedColumns(tk: Tokenised, line: Line, longest = 4): ColumnKind[] | null {
  const toks = tk.toks;
  const kinds: ColumnKind[] = [];
  for (let p = line.from; p < line.to; ) {
    let taken = 0;
    for (let len = Math.min(longest, line.to - p); len >= 1 && !taken; len--) {
      const words = toks.slice(p, p + len);
      // a place's number belongs to its column ("thon1", "thôn 2")
      if (words[0]!.type !== "w" || words.some((t) => t.type !== "w" && t.type !== "n")) continue;
      const key = words.map((t) => t.k).join(" ");
      for (const [kind, re] of HEADER_KINDS) {
        const m = re.exec(key);
        // a place's column is its head and its number or name ("thon 1", "thôn Đông"), never two places
        if ((kind === "part" || kind === "period") && len > 2) continue;
        if (m && m.index === 0 && m[0].length === key.length && SINGLE_KINDS.has(kind)) {
          kinds.push(kind);
          taken = len;
          break;
        }
      }
    }
    // "tong quy", "cong ca quy": the total's period said after it
    if (!taken && kinds[kinds.length - 1] === "total" && /^(?:quy|nam|thang|ca)$/.test(toks[p]!.k)) taken = 1;
    else if (!taken) return null;
    p += taken;
  }
  // "chi tieu kh th": "chỉ tiêu KH" read whole is a plan column, but then no column names the rows
  if (!kinds.includes("label") && longest > 2) return singleSpacedColumns(tk, line, 2);
  return kinds;
}

/**
 * A table typed with single spaces: its header ("tt chi tieu kh th"), then rows of an optional row
 * number, the label's words, a unit word when the header has one, and one figure or "-" per column after
 * the label ("1 pano 5 4"). The "Thực hiện" / "Số lượng" column is read (else "Tổng"), never "Kế hoạch"
 * nor "Tỷ lệ"; "-" is not reported. Returns the last line read, or li when there is no such table.
 */
function readSingleSpaced(
  tk: Tokenised,
  lines: readonly Line[],
  li: number,
  nameAt: (i: number) => { end: number; code: string } | null,
  out: TableReading,
): number {
  const header = lines[li]!;
  if (/[\t|;]/.test(header.text)) return li;
  const kinds = singleSpacedColumns(tk, header);
  if (!kinds || kinds.length < 3) return li;
  const labelAt = kinds.indexOf("label");
  const valueAt = kinds.includes("value") ? kinds.indexOf("value") : kinds.indexOf("total");
  const tail = kinds.slice(labelAt + 1);
  // "chi tieu thon1 thon2" with no Tổng: the villages' figures summed
  // (month columns with no Tổng are left alone: which month is the report's needs the period read)
  const sumParts = valueAt < 0 && tail.includes("part") && tail.every((k) => k === "part" || k === "unit");
  if (labelAt < 0 || (valueAt <= labelAt && !sumParts) || kinds.indexOf("index") > labelAt) return li;
  const toks = tk.toks;
  const rows: { line: Line; pair: Pair | null }[] = [];
  let lj = li + 1;
  for (; lj < lines.length; lj++) {
    const line = lines[lj]!;
    if (line.from >= line.to || /[\t|;]/.test(line.text)) break;
    let a = line.from;
    if (labelAt > 0 && toks[a]?.type === "n") a++;
    // the cells after the label, read from the line's end
    let b = line.to;
    let value: NumItem | null | undefined;
    let sum = null as NumItem | null;
    let ok = true;
    for (let c = tail.length - 1; c >= 0 && ok; c--) {
      const kind = tail[c]!;
      const t = toks[b - 1];
      if (!t || b - 1 < a) ok = false;
      else if (kind === "unit") ok = t.type === "w" && b-- > 0;
      else if (t.k === "-" || t.k === "%") {
        // "-": not reported; "90 %": a percentage, its number before the sign
        if (t.k === "%" && toks[b - 2]?.type === "n") b--;
        b--;
        if (c === valueAt - labelAt - 1) value = null;
      } else if (t.type === "n") {
        let start = b - 1;
        while (start > a && toks[start - 1]!.type === "n" && !toks[start]!.spaced) start--;
        const cell: Cell = { start: toks[start]!.os, end: t.oe, key: "", from: start, to: b };
        if (c === valueAt - labelAt - 1) value = cellNumber(tk, cell);
        const part = sumParts ? cellNumber(tk, cell) : null;
        if (part) sum = sum ? numItem(part.start, sum.end, sum.value + part.value, sum.weak, sum.bad, sum.first) : part;
        b = start;
      } else ok = false;
    }
    if (!ok || b <= a || toks.slice(a, b).some((t) => t.type !== "w")) break;
    if (sumParts) value = sum;
    const label: Cell = { start: toks[a]!.os, end: toks[b - 1]!.oe, key: "", from: a, to: b };
    const ind = labelCode(tk, mentionsIn(label, nameAt, tk));
    if (!ind) break;
    rows.push({ line, pair: value ? pairUp(value, ind, false) : null });
  }
  if (rows.length < 2) return li;
  const block = out.blocked as number[];
  for (let x = header.from; x < header.to; x++) block.push(x);
  for (const r of rows) {
    for (let x = r.line.from; x < r.line.to; x++) block.push(x);
    if (r.pair) out.pairs.push(r.pair);
  }
  out.tables.push({ kinds, valueColumn: valueAt, rows: rows.length });
  return lj - 1;
}
