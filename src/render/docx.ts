import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HighlightColor,
  ImageRun,
  type IRunOptions,
  type ISectionOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { localDateOf } from "../core/calendar/time.js";
import { expectedCount, formatIsoDate, formatLocalDate } from "../core/rollups/rollup-text.js";
import type { PlanInfo, ReportSettings, RollupView, TaskRollup, UnitRollupRow } from "../core/rollups/rollup-types.js";
import type { Translate } from "../core/types.js";
import { NOT_REPORTED, reportedTotals } from "./figures.js";
import { issuerAbbreviation, planIssuer } from "./issuer.js";
import { createZip, readZip } from "./zip.js";

/** Word measures pages in twips; Nghị định 30/2020 gives margins in millimetres. */
const mm = (value: number): number => Math.round(value * 56.7);

const PAGE_WIDTH = 11906;
const PAGE_HEIGHT = 16838;
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const CONTENT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;
const FONT = "Times New Roman";
/** Sizes are half-points. */
const SIZE_BODY = 28;
const SIZE_HEADER = 26;
const SIZE_TABLE = 26;
const SIZE_RECIPIENTS_TITLE = 24;
const SIZE_RECIPIENTS = 22;
const HEADER_LEFT = 3900;
const HEADER_RIGHT = CONTENT_WIDTH - HEADER_LEFT;
/** Largest photo in pixels at 96 dpi: the text width, and short enough for two per page. */
const PHOTO_MAX_WIDTH = Math.floor((CONTENT_WIDTH / 1440) * 96);
const PHOTO_MAX_HEIGHT = 380;
const DEFAULT_PHOTOS_PER_UNIT = 2;

type Runs = IRunOptions;

function para(
  text: string,
  options: {
    run?: Omit<Runs, "text">;
    alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indent?: boolean;
    before?: number;
    after?: number;
    keepNext?: boolean;
    keepLines?: boolean;
  } = {},
): Paragraph {
  return new Paragraph({
    alignment: options.alignment ?? AlignmentType.JUSTIFIED,
    indent: options.indent ? { firstLine: mm(10) } : undefined,
    spacing: { before: options.before ?? 0, after: options.after ?? 0, line: 288 },
    keepNext: options.keepNext,
    keepLines: options.keepLines,
    children: [new TextRun({ text, ...options.run })],
  });
}

function bodyPara(text: string): Paragraph {
  return para(text, { indent: true, before: 120 });
}

/** A heading: kept on the page of the paragraph after it, never split over two pages. */
function heading(text: string, options: Parameters<typeof para>[1] = {}): Paragraph {
  return para(text, {
    indent: true,
    before: 120,
    ...options,
    run: { bold: true, ...options.run },
    keepNext: true,
    keepLines: true,
  });
}

/** Clear space above a rule (the line under the text above never touches it) and below it. */
export const RULE_SPACE_BEFORE = 80;
export const RULE_SPACE_AFTER = 40;

/** A short centred rule under a header line, as the decree draws one under the body name and the motto. */
function rule(width: number, cellWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: RULE_SPACE_BEFORE, after: RULE_SPACE_AFTER, line: 120, lineRule: "exact" },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [],
  });
}

const NO_BORDERS = TableBorders.NONE;

function plainCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP });
}

/**
 * The report settings with defaults: the plan file's `report:` section first, then the plan's
 * issuer/parent/place, then `orgName` (ORG_NAME); the abbreviation from the office's initials.
 * @example resolveReportSettings(view.plan, t, "Sở Văn hóa, Thể thao và Du lịch").abbreviation // "SVHTTDL"
 */
export function resolveReportSettings(plan: PlanInfo, t: Translate, orgName = ""): ReportSettings {
  const r = plan.report ?? {};
  const office = r.office || plan.issuer || orgName || t("render:docx.office_default", { org: orgName || undefined });
  const parent = r.parent ?? plan.parentIssuer;
  return {
    office,
    parent,
    place: r.place ?? plan.place,
    abbreviation: r.abbreviation || issuerAbbreviation(office),
    to: r.to ?? (parent ? t("render:docx.to_default", { parent }) : ""),
    recipients: r.recipients ?? [t("render:docx.recipient_above")],
    signerAuthority: r.signerAuthority ?? "",
    signerTitle: r.signerTitle || t("render:docx.signer_title_default"),
    signerName: r.signerName || t("render:docx.signer_name_placeholder"),
  };
}

/** Nghị định 30/2020: days below 10 and months 1 and 2 get a leading zero. */
function placeDate(t: Translate, place: string, date: Date, tz: string): string {
  const [year, month, day] = localDateOf(date, tz).split("-");
  return t("render:docx.place_date", { place, day, month: Number(month) <= 2 ? month : String(Number(month)), year });
}

/** A Times New Roman line's width in twips, from the average advance (bold ≈ 0.5 em). */
function estimatedWidth(text: string, halfPoints: number, bold: boolean): number {
  return Math.round(Array.from(text).length * halfPoints * 10 * (bold ? 0.5 : 0.46));
}

/** Width of the rule under a line: 40 % of the line (the decree asks for 1/3 to 1/2). */
export const RULE_SHARE = 0.4;

/** Word's default cell margins, left and right (0.08 inch each). */
const CELL_PADDING = 2 * 115;

/**
 * A centred line too long for its width, broken in two lines ("SỞ VĂN HÓA, THỂ THAO / VÀ DU LỊCH",
 * not "SỞ VĂN HÓA, THỂ THAO VÀ / DU LỊCH"; a subject's last word never alone on its line): before
 * "và" when both lines fit, else after a comma, else where the longer line is shortest. One line when
 * `measure` says it fits; as it is when no break fits.
 * @example balancedLines("PHÒNG VĂN HÓA VÀ THÔNG TIN", 3670, upperWidth(SIZE_HEADER)) // ["PHÒNG VĂN HÓA", "VÀ THÔNG TIN"]
 */
export function balancedLines(text: string, room: number, measure: (line: string) => number): string[] {
  if (measure(text) <= room) return [text];
  const words = text.split(" ");
  let best: { lines: string[]; longest: number; rank: number } | undefined;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(" "), words.slice(i).join(" ")];
    const longest = Math.max(measure(lines[0]!), measure(lines[1]!));
    if (longest > room) continue;
    // Before "và" first, then after a comma, then anywhere.
    const rank = words[i]!.toLocaleLowerCase("vi") === "và" ? 2 : words[i - 1]!.endsWith(",") ? 1 : 0;
    if (!best || rank > best.rank || (rank === best.rank && longest < best.longest)) best = { lines, longest, rank };
  }
  return best?.lines ?? [text];
}

/** Width of an upper-case bold line (the body's name): about 0.7 em a letter in Times New Roman. */
const upperWidth =
  (halfPoints: number) =>
  (line: string): number =>
    Math.round(Array.from(line).length * halfPoints * 10 * 0.7);

/** Width of a bold mixed-case line (the subject): about 0.45 em a letter. */
const subjectLineWidth = (line: string): number => Math.round(Array.from(line).length * SIZE_BODY * 10 * 0.45);

/** A centred paragraph of given lines (line breaks, not separate paragraphs). */
function linesPara(lines: string[], run: Omit<Runs, "text">): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: 288 },
    children: lines.map((text, i) => new TextRun({ text, ...run, break: i > 0 ? 1 : undefined })),
  });
}

function headerTable(settings: ReportSettings, t: Translate, reportDate: Date, tz: string): Table {
  const bodyName = settings.office.toLocaleUpperCase("vi");
  const nameLines = balancedLines(bodyName, HEADER_LEFT - CELL_PADDING, upperWidth(SIZE_HEADER));
  const nameWidth = Math.max(...nameLines.map((line) => estimatedWidth(line, SIZE_HEADER, true)));
  const national = t("render:docx.national_title");
  const motto = t("render:docx.motto");
  const center = AlignmentType.CENTER;
  const left = [
    ...(settings.parent
      ? [para(settings.parent.toLocaleUpperCase("vi"), { alignment: center, run: { size: SIZE_HEADER } })]
      : []),
    linesPara(nameLines, { size: SIZE_HEADER, bold: true }),
    rule(Math.round(RULE_SHARE * Math.min(HEADER_LEFT, nameWidth)), HEADER_LEFT),
  ];
  const right = [
    para(national, { alignment: center, run: { size: SIZE_HEADER - 2, bold: true } }),
    para(motto, { alignment: center, run: { size: SIZE_BODY, bold: true } }),
    // The motto's rule is as long as the motto.
    rule(Math.min(HEADER_RIGHT, estimatedWidth(motto, SIZE_BODY, true)), HEADER_RIGHT),
  ];
  const number = para(t("render:docx.number", { abbr: settings.abbreviation }), {
    alignment: center,
    run: { size: SIZE_HEADER },
    before: 120,
  });
  const dateLine = para(placeDate(t, settings.place, reportDate, tz), {
    alignment: center,
    run: { size: SIZE_BODY, italics: true },
    before: 120,
  });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [HEADER_LEFT, HEADER_RIGHT],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [plainCell(left, HEADER_LEFT), plainCell(right, HEADER_RIGHT)] }),
      new TableRow({ children: [plainCell([number], HEADER_LEFT), plainCell([dateLine], HEADER_RIGHT)] }),
    ],
  });
}

function gridCell(
  text: string,
  width: number,
  options: {
    bold?: boolean;
    alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
    size?: number;
    span?: number;
    shade?: boolean;
    keepNext?: boolean;
  } = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    columnSpan: options.span,
    shading: options.shade ? { fill: "EDEDED", type: ShadingType.CLEAR, color: "auto" } : undefined,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: [
      new Paragraph({
        alignment: options.alignment ?? AlignmentType.LEFT,
        keepNext: options.keepNext,
        children: [new TextRun({ text, bold: options.bold, size: options.size ?? SIZE_TABLE })],
      }),
    ],
  });
}

const submittedOf = (task: TaskRollup): number => task.counts.onTime + task.counts.late;

/** "quý I năm 2021" from "Quý I/2021", for a subject or a sentence; other labels as they are. */
function periodPhrase(label: string, t: Translate): string {
  const m = /^(\p{L}+)\s+([\p{L}\d]+)\/(\d{4})$/u.exec(label);
  return m ? t("render:docx.period_phrase", { kind: m[1]!.toLocaleLowerCase("vi"), n: m[2], year: m[3] }) : label;
}

/**
 * What a plan is about, its title without its leading "Kế hoạch": "Kế hoạch số 45 … về tuyên
 * truyền …", not "về Kế hoạch tuyên truyền …".
 * @example planAbout("Kế hoạch tuyên truyền CCHC năm 2026", t) // "tuyên truyền CCHC năm 2026"
 */
export function planAbout(title: string, t: Translate): string {
  const planWord = t("render:docx.plan_word");
  return title.toLocaleLowerCase("vi").startsWith(`${planWord.toLocaleLowerCase("vi")} `)
    ? title.slice(planWord.length + 1)
    : title;
}

/** The subject (trích yếu): the plan's subject and the period(s) the report covers. */
export function reportSubject(view: RollupView, tasks: TaskRollup[], t: Translate): string {
  const title = view.plan.title;
  // "Kế hoạch tuyên truyền X" reads "kết quả tuyên truyền X".
  const subject = planAbout(title, t);
  const periods = [...new Set(tasks.map((task) => task.periodLabel).filter(Boolean))].map((p) => periodPhrase(p, t));
  const asOf = formatLocalDate(view.generatedAt, view.timezone);
  // "… năm 2021" + "quý I năm 2021" would name the year twice.
  const bare = subject.replace(/\s+năm\s+\d{4}$/u, "");
  return periods.length > 0
    ? t("render:docx.subject_period", { subject: bare, periods: periods.join(t("render:docx.and")) })
    : t("render:docx.subject_until", { subject, date: asOf });
}

/** A total as printed: "—" when nobody stated the figure (a stated 0 stays 0). */
const figure = (value: number | undefined, num: Intl.NumberFormat): string =>
  value === undefined ? NOT_REPORTED : num.format(value);

function totalsTable(task: TaskRollup, t: Translate, num: Intl.NumberFormat): Table {
  const reported = reportedTotals(task);
  const base = { submitted: submittedOf(task), expected: expectedCount(task) };
  const prev = task.previous;
  const widths = prev ? [700, 3554, 1400, 2100, 1600] : [700, 4654, 1600, 2400];
  const c = AlignmentType.CENTER;
  const r = AlignmentType.RIGHT;
  const header = [
    t("render:docx.col_index"),
    t("render:docx.col_indicator"),
    t("render:docx.col_measure"),
    t("render:docx.col_total", base),
    ...(prev ? [t("render:docx.col_previous", { period: prev.periodLabel || prev.periodKey })] : []),
  ];
  const rows = [
    new TableRow({
      tableHeader: true,
      children: header.map((h, i) => gridCell(h, widths[i]!, { bold: true, alignment: c, keepNext: true })),
    }),
    ...task.indicators.map((ind, i) => {
      const total = reported.get(ind.code);
      // A short table stays on one page: every row but the last keeps with the next.
      const keepNext = i < task.indicators.length - 1;
      const cells = [
        gridCell(String(i + 1), widths[0]!, { alignment: c, keepNext }),
        gridCell(ind.label, widths[1]!, { keepNext }),
        gridCell(ind.measure ?? "", widths[2]!, { alignment: c, keepNext }),
        gridCell(figure(total, num), widths[3]!, { alignment: r, bold: true, keepNext }),
      ];
      if (prev) {
        // The previous period's totals hold only what its units stated: no figure, no comparison.
        const before = prev.totals[ind.code];
        const delta = total === undefined || before === undefined ? undefined : total - before;
        cells.push(
          gridCell(
            delta === undefined
              ? NOT_REPORTED
              : delta > 0
                ? `+${num.format(delta)}`
                : delta < 0
                  ? `-${num.format(-delta)}`
                  : "0",
            widths[4]!,
            { alignment: r, keepNext },
          ),
        );
      }
      return new TableRow({ children: cells });
    }),
  ];
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows,
  });
}

/** More units than this are named in the appendix only. */
const NAMES_IN_BODY = 10;

const names = (rows: UnitRollupRow[], t: Translate): string =>
  rows.map((r) => r.unitName).join(t("render:docx.name_separator"));

/** The documents units cited ("Kế hoạch số 15/KH-UBND ngày 05/02/2021 của UBND xã Thạch Bình"). */
function citedDocuments(task: TaskRollup, t: Translate): string[] {
  return task.rows
    .filter((row) => row.status === "on_time" || row.status === "late")
    .flatMap((row) =>
      row.references.map((ref) =>
        ref.date
          ? t("render:docx.cited_with_date", { number: ref.number, date: formatIsoDate(ref.date), unit: row.unitName })
          : t("render:docx.cited", { number: ref.number, unit: row.unitName }),
      ),
    );
}

function taskSection(
  task: TaskRollup,
  index: number,
  view: RollupView,
  t: Translate,
  num: Intl.NumberFormat,
): (Paragraph | Table)[] {
  const c = task.counts;
  const expected = expectedCount(task);
  const title = task.periodLabel
    ? t("render:docx.task_heading_period", { index, title: task.title, period: task.periodLabel })
    : t("render:docx.task_heading", { index, title: task.title });
  const date = formatLocalDate(task.dueAt, view.timezone);
  const submitted = submittedOf(task);
  const out: (Paragraph | Table)[] = [
    heading(title),
    bodyPara(
      submitted > 0
        ? t("render:docx.task_submitted", { date, submitted, expected, onTime: c.onTime, late: c.late })
        : t("render:docx.task_none", { date, expected }),
    ),
  ];
  const missing = task.rows.filter((r) => r.status === "missing");
  if (missing.length > 0)
    out.push(bodyPara(t("render:docx.units_missing", { count: missing.length, names: names(missing, t) })));
  const notDue = task.rows.filter((r) => r.status === "not_due");
  if (notDue.length > 0) out.push(bodyPara(t("render:docx.units_not_due", { count: notDue.length })));
  const unreachable = task.rows.filter((r) => r.status === "unreachable");
  if (unreachable.length > 0) {
    // A long list belongs in the appendix, where every unit has its row.
    const list = unreachable.length <= NAMES_IN_BODY ? names(unreachable, t) : t("render:docx.see_appendix");
    out.push(bodyPara(t("render:docx.units_unreachable", { count: unreachable.length, names: list })));
  }
  const excused = task.rows.filter((r) => r.status === "excused");
  if (excused.length > 0) out.push(bodyPara(t("render:docx.units_excused", { names: names(excused, t) })));
  if (task.indicators.length > 0 && submitted > 0) {
    out.push(
      para(t("render:docx.task_totals", { submitted, expected }), {
        indent: true,
        before: 120,
        after: 60,
        keepNext: true,
        keepLines: true,
      }),
    );
    out.push(totalsTable(task, t, num));
  }
  const cited = citedDocuments(task, t);
  if (cited.length > 0)
    out.push(bodyPara(t("render:docx.cited_header", { list: cited.join(t("render:docx.cited_separator")) })));
  if (task.photoCount > 0) out.push(bodyPara(t("render:docx.task_photos", { count: num.format(task.photoCount) })));
  return out;
}

function placeholder(t: Translate): Paragraph {
  return para(t("render:docx.placeholder"), { indent: true, before: 120, run: { highlight: HighlightColor.YELLOW } });
}

function signatureTable(settings: ReportSettings, t: Translate): Table {
  const leftWidth = 4300;
  const rightWidth = CONTENT_WIDTH - leftWidth;
  const items = [
    ...settings.recipients.map((r) => t("render:docx.recipient_item", { text: r.replace(/[;.]+$/, "") })),
    t("render:docx.recipient_archive"),
  ];
  const left = [
    para(t("render:docx.recipients_title"), {
      alignment: AlignmentType.LEFT,
      run: { bold: true, italics: true, size: SIZE_RECIPIENTS_TITLE },
    }),
    ...items.map((text) => para(text, { alignment: AlignmentType.LEFT, run: { size: SIZE_RECIPIENTS } })),
  ];
  const center = AlignmentType.CENTER;
  const right = [
    ...(settings.signerAuthority
      ? [para(settings.signerAuthority.toLocaleUpperCase("vi"), { alignment: center, run: { bold: true } })]
      : []),
    para(settings.signerTitle.toLocaleUpperCase("vi"), { alignment: center, run: { bold: true } }),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => para("", { alignment: center })),
    para(settings.signerName, { alignment: center, run: { bold: true } }),
  ];
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [plainCell(left, leftWidth), plainCell(right, rightWidth)] })],
  });
}

/** Landscape appendix width in twips (A4 turned, the same side margins). */
const LANDSCAPE_CONTENT = PAGE_HEIGHT - MARGIN.left - MARGIN.right;
const SIZE_APPENDIX = 20;

const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text for a w:t element; control characters XML cannot carry are dropped, as the docx package does. */
const escapeXml = (text: string): string =>
  text.replace(/[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => XML_ENTITIES[c] ?? "");

const ALIGN = { left: "left", center: "center", right: "right" } as const;
type Align = keyof typeof ALIGN;

/**
 * A cell of Phụ lục I up to its text, and what closes it: built once per column, so a row is a few
 * string joins. Margins are the table's (w:tblCellMar), not repeated in every cell.
 */
function cellXml(
  width: number,
  options: { bold?: boolean; align?: Align; span?: number; shade?: boolean } = {},
): { open: string; close: string } {
  const tcPr =
    `<w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>` +
    (options.span ? `<w:gridSpan w:val="${options.span}"/>` : "") +
    (options.shade ? '<w:shd w:fill="EDEDED" w:color="auto" w:val="clear"/>' : "") +
    '<w:vAlign w:val="center"/></w:tcPr>';
  // The size on the run, not the paragraph: an empty cell keeps the body's 14 pt paragraph mark, as before.
  const rPr = `<w:rPr>${options.bold ? "<w:b/><w:bCs/>" : ""}<w:sz w:val="${SIZE_APPENDIX}"/><w:szCs w:val="${SIZE_APPENDIX}"/></w:rPr>`;
  return {
    open: `<w:tc>${tcPr}<w:p><w:pPr><w:jc w:val="${ALIGN[options.align ?? "left"]}"/></w:pPr><w:r>${rPr}<w:t xml:space="preserve">`,
    close: "</w:t></w:r></w:p></w:tc>",
  };
}

const cell = (c: { open: string; close: string }, text: string): string => c.open + escapeXml(text) + c.close;

const TABLE_BORDERS =
  '<w:tblBorders><w:top w:val="single" w:color="auto" w:sz="4"/><w:left w:val="single" w:color="auto" w:sz="4"/><w:bottom w:val="single" w:color="auto" w:sz="4"/>' +
  '<w:right w:val="single" w:color="auto" w:sz="4"/><w:insideH w:val="single" w:color="auto" w:sz="4"/><w:insideV w:val="single" w:color="auto" w:sz="4"/></w:tblBorders>';
const CELL_MARGINS =
  '<w:tblCellMar><w:top w:type="dxa" w:w="30"/><w:left w:type="dxa" w:w="60"/><w:bottom w:type="dxa" w:w="30"/><w:right w:type="dxa" w:w="60"/></w:tblCellMar>';

/**
 * Phụ lục I: every unit's figures and status, by group, with a total row, as WordprocessingML text
 * (a row per unit: with 3,321 units, docx's objects for it took seconds and hundreds of MB).
 */
function unitTableXml(task: TaskRollup, t: Translate, num: Intl.NumberFormat, tz: string): string {
  const fixed = { index: 520, unit: 2900, status: 2350, date: 1250 };
  const rest = LANDSCAPE_CONTENT - fixed.index - fixed.unit - fixed.status - fixed.date;
  const indWidth = task.indicators.length > 0 ? Math.floor(rest / task.indicators.length) : 0;
  const widths = [
    fixed.index,
    fixed.unit + (task.indicators.length === 0 ? rest : 0),
    fixed.status,
    fixed.date,
    ...task.indicators.map(() => indWidth),
  ];
  const total = widths.reduce((a, b) => a + b, 0);
  const head = widths.map((w) => cellXml(w, { bold: true, align: "center", shade: true }));
  const body = widths.map((w, i) => cellXml(w, { align: i === 0 || i === 3 ? "center" : i >= 4 ? "right" : "left" }));
  const group = cellXml(total, { bold: true, span: widths.length });
  const foot = widths.map((w, i) =>
    cellXml(w, { bold: i === 1 || i >= 4, align: i >= 4 ? "right" : "left", shade: true }),
  );
  const headers = [
    t("render:docx.col_index"),
    t("render:docx.col_unit"),
    t("render:docx.col_status"),
    t("render:docx.col_date"),
    ...task.indicators.map((ind) =>
      ind.measure ? t("render:docx.col_indicator_measure", { label: ind.label, measure: ind.measure }) : ind.label,
    ),
  ];
  const out: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/>${TABLE_BORDERS}<w:tblLayout w:type="fixed"/>${CELL_MARGINS}</w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`,
    `<w:tr><w:trPr><w:tblHeader/></w:trPr>${headers.map((h, i) => cell(head[i]!, h)).join("")}</w:tr>`,
  ];
  // The same few statuses, dates and figures on thousands of rows: each written once.
  const memo = <K>(f: (k: K) => string) => {
    const seen = new Map<K, string>();
    return (k: K): string => {
      let value = seen.get(k);
      if (value === undefined) seen.set(k, (value = f(k)));
      return value;
    };
  };
  const status = memo((s: string) => t(`render:status.${s}`));
  const date = memo((ms: number) => formatLocalDate(new Date(ms), tz));
  const number = memo((n: number) => num.format(n));
  const cantSplit = "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
  const stated = reportedTotals(task);
  // The cell of a figure not reported, once per column.
  const dash = task.indicators.map((_, i) => cell(body[4 + i]!, NOT_REPORTED));
  const byGroup = new Map<string, UnitRollupRow[]>();
  for (const row of task.rows) {
    const list = byGroup.get(row.group);
    if (list) list.push(row);
    else byGroup.set(row.group, [row]);
  }
  let index = 0;
  for (const name of task.groups) {
    out.push(`${cantSplit}${cell(group, name)}</w:tr>`);
    for (const row of byGroup.get(name) ?? []) {
      index++;
      const reported = row.status === "on_time" || row.status === "late";
      let xml =
        cantSplit +
        cell(body[0]!, String(index)) +
        cell(body[1]!, row.unitName) +
        cell(body[2]!, status(row.status)) +
        cell(body[3]!, row.submittedAt ? date(row.submittedAt.getTime()) : "");
      task.indicators.forEach((ind, i) => {
        const value = row.values[ind.code];
        xml += reported && value !== undefined ? cell(body[4 + i]!, number(value)) : dash[i]!;
      });
      out.push(`${xml}</w:tr>`);
    }
  }
  const totals = [
    "",
    t("render:docx.total_row", { submitted: submittedOf(task), expected: expectedCount(task) }),
    "",
    "",
    ...task.indicators.map((ind) => figure(stated.get(ind.code), num)),
  ];
  out.push(`${cantSplit}${totals.map((text, i) => cell(foot[i]!, text)).join("")}</w:tr></w:tbl>`);
  return out.join("");
}

/** Phụ lục I: a heading and a table per task; the tables are spliced in as XML after packing (see renderRollupDocx). */
function figuresAppendix(
  tasks: TaskRollup[],
  subject: string,
  t: Translate,
  marker: (i: number) => string,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    heading(t("render:docx.appendix_figures_title"), { alignment: AlignmentType.CENTER, indent: false, before: 0 }),
    para(t("render:docx.appendix_subtitle", { subject }), {
      alignment: AlignmentType.CENTER,
      run: { italics: true },
      after: 120,
      keepNext: true,
      keepLines: true,
    }),
  ];
  tasks.forEach((task, i) => {
    const title = task.periodLabel ? `${task.title} (${task.periodLabel})` : task.title;
    out.push(
      heading(title, { alignment: AlignmentType.LEFT, indent: false, before: 200, after: 80 }),
      new Paragraph({ children: [new TextRun(marker(i))] }),
    );
  });
  return out;
}

/** The package's parts before docx zips them: its Packer's compiler (not public API, hence the check). */
type PackageParts = Map<string, string | Uint8Array>;
function compileParts(doc: Document): PackageParts | undefined {
  const compiler = (Packer as unknown as { compiler?: { compile?: (file: Document) => unknown } }).compiler;
  const parts = typeof compiler?.compile === "function" ? compiler.compile(doc) : undefined;
  return parts instanceof Map && typeof parts.get("word/document.xml") === "string"
    ? (parts as PackageParts)
    : undefined;
}

/**
 * The package with each table where its marker paragraph is in word/document.xml, zipped once.
 * The markers hold a random nonce, so no text of the report can be taken for one.
 */
async function packWithTables(doc: Document, marker: (i: number) => string, tables: string[]): Promise<Uint8Array> {
  // docx's own parts when its compiler can be reached; else its zip, read back (a docx upgrade).
  const parts: PackageParts = compileParts(doc) ?? readZip(new Uint8Array(await Packer.toBuffer(doc)));
  const document = parts.get("word/document.xml")!;
  let xml = typeof document === "string" ? document : Buffer.from(document).toString("utf8");
  tables.forEach((table, i) => {
    const at = xml.indexOf(marker(i));
    if (at < 0) throw new Error(`docx: the marker of table ${i} is missing`);
    const start = Math.max(xml.lastIndexOf("<w:p>", at), xml.lastIndexOf("<w:p ", at));
    const end = xml.indexOf("</w:p>", at) + "</w:p>".length;
    // The last paragraph of a section carries the section's properties (the landscape pages): they
    // stay, in an empty paragraph after the table, where docx puts them after a table of its own.
    const section = /<w:pPr><w:sectPr[\s\S]*?<\/w:sectPr><\/w:pPr>/.exec(xml.slice(start, at))?.[0];
    xml = xml.slice(0, start) + table + (section ? `<w:p>${section}</w:p>` : "") + xml.slice(end);
  });
  return createZip([...parts].map(([path, data]) => ({ path, data: path === "word/document.xml" ? xml : data })));
}

interface Picture {
  type: "jpg" | "png";
  data: Buffer;
  width: number;
  height: number;
}

/** Pixel size from the PNG IHDR or the first JPEG SOF marker; undefined when the bytes are neither. */
function imageSize(data: Buffer): { type: "jpg" | "png"; width: number; height: number } | undefined {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47 && data.toString("latin1", 12, 16) === "IHDR") {
    return { type: "png", width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return undefined;
      const marker = data[i + 1]!;
      if (marker === 0xff) {
        i += 1;
        continue;
      }
      const length = data.readUInt16BE(i + 2);
      // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: "jpg", height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7) };
      }
      i += 2 + length;
    }
  }
  return undefined;
}

async function loadPicture(file: UnitRollupRow["files"][number]): Promise<Picture | undefined> {
  if (file.kind !== "photo" || (file.mime !== "image/jpeg" && file.mime !== "image/png")) return undefined;
  try {
    const data = await readFile(file.path);
    const size = imageSize(data);
    if (!size || size.width <= 0 || size.height <= 0) return undefined;
    return { ...size, data };
  } catch {
    // A missing or unreadable evidence file must not block the report.
    return undefined;
  }
}

function fit(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, PHOTO_MAX_WIDTH / width, PHOTO_MAX_HEIGHT / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function photoAppendix(
  tasks: TaskRollup[],
  subject: string,
  t: Translate,
  tz: string,
  maxPerUnit: number,
): Promise<Paragraph[]> {
  const body: Paragraph[] = [];
  for (const task of tasks) {
    const taskBody: Paragraph[] = [];
    for (const row of task.rows) {
      let shown = 0;
      for (const file of row.files) {
        if (shown >= maxPerUnit) break;
        const picture = await loadPicture(file);
        if (!picture) continue;
        shown++;
        const when = file.capturedAt
          ? t("render:docx.photo_captured", { date: formatLocalDate(file.capturedAt, tz) })
          : file.receivedAt
            ? t("render:docx.photo_received", { date: formatLocalDate(file.receivedAt, tz) })
            : "";
        taskBody.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 160 },
            keepNext: true,
            children: [
              new ImageRun({
                type: picture.type,
                data: picture.data,
                transformation: fit(picture.width, picture.height),
                altText: { name: row.unitName, description: row.unitName, title: row.unitName },
              }),
            ],
          }),
          para(when ? t("render:docx.photo_caption", { unit: row.unitName, when }) : row.unitName, {
            alignment: AlignmentType.CENTER,
            run: { italics: true, size: SIZE_TABLE },
            after: 120,
          }),
        );
      }
    }
    if (taskBody.length > 0) {
      const title = task.periodLabel ? `${task.title} (${task.periodLabel})` : task.title;
      body.push(heading(title, { alignment: AlignmentType.LEFT, indent: false, before: 240 }), ...taskBody);
    }
  }
  if (body.length === 0) return [];
  return [
    heading(t("render:docx.appendix_photos_title"), { alignment: AlignmentType.CENTER, indent: false, before: 0 }),
    para(t("render:docx.appendix_subtitle", { subject }), {
      alignment: AlignmentType.CENTER,
      run: { italics: true },
      keepNext: true,
      keepLines: true,
    }),
    ...body,
  ];
}

/** Page numbers: Arabic, centred in the top margin, none on the first page (Nghị định 30/2020). */
function pageNumberHeaders(): { default: Header; first: Header } {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE_BODY })],
        }),
      ],
    }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

/**
 * Renders a draft results report (báo cáo kết quả) in the layout of Nghị định 30/2020/NĐ-CP: A4,
 * the decree's margins, Times New Roman, page numbers centred at the top from page 2; the parent
 * body and issuing office, "Số: /BC-<abbreviation>", place and date, a period-specific subject
 * with its rule at 40 % of the line, "Kính gửi", then per task with data: who reported (X/Y), each
 * indicator's total "tổng hợp từ X/Y đơn vị đã báo cáo", the documents units cited; placeholders
 * for shortcomings and next steps; Nơi nhận and the signer from the plan's `report:` section.
 * Appendix I (landscape): every unit's status and figures; appendix II: evidence photos with the
 * unit and the capture date. Every task is listed: one nobody has reported on says so ("chưa có đơn vị
 * báo cáo"); a figure nobody stated prints "—", never 0.
 * @example
 * const data = await renderRollupDocx(view, translator.t("vi"), { reportDate: new Date(), orgName: config.orgName });
 */
export async function renderRollupDocx(
  view: RollupView,
  t: Translate,
  options: { reportDate?: Date; includePhotos?: boolean; maxPhotosPerUnit?: number; orgName?: string } = {},
): Promise<Uint8Array> {
  const num = new Intl.NumberFormat(t("render:number_locale"));
  const nonce = randomUUID();
  const marker = (i: number) => `don-doc-table-${nonce}-${i}`;
  const reportDate = options.reportDate ?? view.generatedAt;
  const { plan } = view;
  const settings = resolveReportSettings(plan, t, options.orgName);
  // Every task of the view is listed, reported on or not ("chưa có đơn vị báo cáo").
  const tasks = view.tasks;
  const subject = reportSubject(view, tasks, t);
  const center = AlignmentType.CENTER;
  const subjectLines = balancedLines(subject, CONTENT_WIDTH, subjectLineWidth);
  // The rule goes by the longer line of the subject.
  const subjectWidth = Math.min(
    CONTENT_WIDTH,
    Math.max(...subjectLines.map((line) => estimatedWidth(line, SIZE_BODY, true))),
  );

  const children: (Paragraph | Table)[] = [
    headerTable(settings, t, reportDate, view.timezone),
    para(t("render:docx.doc_type"), { alignment: center, before: 360, run: { bold: true }, keepNext: true }),
    new Paragraph({
      alignment: center,
      spacing: { before: 0, after: 0, line: 288 },
      keepNext: true,
      keepLines: true,
      children: subjectLines.map((text, i) => new TextRun({ text, bold: true, break: i > 0 ? 1 : undefined })),
    }),
    rule(Math.round(RULE_SHARE * subjectWidth), CONTENT_WIDTH),
    ...(settings.to
      ? [para(t("render:docx.recipient", { to: settings.to }), { alignment: center, before: 240, after: 120 })]
      : []),
    bodyPara(
      plan.number
        ? t("render:docx.intro", {
            number: plan.number,
            date: formatIsoDate(plan.date),
            // The plan's own issuer: a Sở's plan is the Sở's, not its province's (see planIssuer).
            issuer: planIssuer(plan) || settings.office,
            about: planAbout(plan.title, t),
            office: settings.office,
          })
        : t("render:docx.intro_no_plan", { office: settings.office }),
    ),
    heading(t("render:docx.section_results")),
    ...(tasks.length > 0
      ? tasks.flatMap((task, i) => taskSection(task, i + 1, view, t, num))
      : [bodyPara(t("render:docx.no_data"))]),
    heading(t("render:docx.section_issues"), { before: 240 }),
    placeholder(t),
    heading(t("render:docx.section_next"), { before: 240 }),
    placeholder(t),
    // The closing sentence goes to the signature's page with it: a signature never stands alone.
    para(t("render:docx.closing", { office: settings.office }), { indent: true, before: 120, keepNext: true }),
    para("", { before: 120, keepNext: true }),
    signatureTable(settings, t),
  ];
  const photos =
    (options.includePhotos ?? true)
      ? await photoAppendix(
          tasks,
          subject,
          t,
          view.timezone,
          Math.max(0, options.maxPhotosPerUnit ?? DEFAULT_PHOTOS_PER_UNIT),
        )
      : [];

  const portrait = {
    size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
    margin: { ...MARGIN, header: mm(10), footer: mm(10) },
  };
  const sections: ISectionOptions[] = [
    { properties: { page: portrait, titlePage: true }, headers: pageNumberHeaders(), children },
  ];
  if (tasks.length > 0) {
    sections.push({
      properties: {
        type: SectionType.NEXT_PAGE,
        page: {
          size: { width: PAGE_WIDTH, height: PAGE_HEIGHT, orientation: PageOrientation.LANDSCAPE },
          margin: { ...MARGIN, header: mm(10), footer: mm(10) },
        },
      },
      headers: { default: pageNumberHeaders().default },
      children: figuresAppendix(tasks, subject, t, marker),
    });
  }
  if (photos.length > 0) {
    sections.push({
      properties: { type: SectionType.NEXT_PAGE, page: portrait },
      headers: { default: pageNumberHeaders().default },
      children: photos,
    });
  }
  const doc = new Document({
    creator: settings.office,
    title: subject,
    styles: { default: { document: { run: { font: FONT, size: SIZE_BODY } } } },
    sections,
  });
  return packWithTables(
    doc,
    marker,
    tasks.map((task) => unitTableXml(task, t, num, view.timezone)),
  );
}
