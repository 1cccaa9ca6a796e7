import { readFile } from "node:fs/promises";
import {
  AlignmentType,
  BorderStyle,
  Document,
  HighlightColor,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from "docx";
import { expectedCount, formatIsoDate, formatLocalDate } from "../core/rollups/rollup-text.js";
import { localDateOf } from "../core/calendar/time.js";
import type { RollupView, TaskRollup, UnitRollupRow, UnitStatus } from "../core/rollups/rollup-types.js";
import type { Translate } from "../core/types.js";

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
  } = {},
): Paragraph {
  return new Paragraph({
    alignment: options.alignment ?? AlignmentType.JUSTIFIED,
    indent: options.indent ? { firstLine: mm(10) } : undefined,
    spacing: { before: options.before ?? 0, after: options.after ?? 0, line: 288 },
    keepNext: options.keepNext,
    children: [new TextRun({ text, ...options.run })],
  });
}

function bodyPara(text: string): Paragraph {
  return para(text, { indent: true, before: 120 });
}

/** A short centred rule under a header line, as the decree draws one under the body name and the motto. */
function rule(width: number, cellWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120, lineRule: "exact" },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [],
  });
}

const NO_BORDERS = TableBorders.NONE;

function plainCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP });
}

/** Initials of the issuing office for "Số: /BC-VHTT": "Phòng Văn hóa và Thông tin" → "VHTT". */
function issuerAbbreviation(issuer: string): string {
  const words = issuer
    .normalize("NFC")
    .split(/[\s,\-–]+/)
    .filter(Boolean);
  // "Phòng" names the kind of office and "và" is a conjunction: neither appears in the abbreviation.
  if (words[0]?.toLocaleLowerCase("vi") === "phòng") words.shift();
  return words
    .filter((w) => w.toLocaleLowerCase("vi") !== "và")
    .map((w) => w[0]!.normalize("NFD").replace(/\p{M}/gu, "").toLocaleUpperCase("vi"))
    .join("");
}

/** Nghị định 30/2020: days below 10 and months 1 and 2 get a leading zero. */
function placeDate(t: Translate, place: string, date: Date, tz: string): string {
  const [year, month, day] = localDateOf(date, tz).split("-");
  return t("render:docx.place_date", { place, day, month: Number(month) <= 2 ? month : String(Number(month)), year });
}

function headerTable(view: RollupView, t: Translate, reportDate: Date): Table {
  const { plan } = view;
  const bodyName = plan.issuer.toLocaleUpperCase("vi");
  const national = t("render:docx.national_title");
  const motto = t("render:docx.motto");
  const center = AlignmentType.CENTER;
  const left = [
    para(plan.parentIssuer.toLocaleUpperCase("vi"), { alignment: center, run: { size: SIZE_HEADER } }),
    para(bodyName, { alignment: center, run: { size: SIZE_HEADER, bold: true } }),
    rule(Math.min(HEADER_LEFT, bodyName.length * 60), HEADER_LEFT),
  ];
  const right = [
    para(national, { alignment: center, run: { size: SIZE_HEADER - 2, bold: true } }),
    para(motto, { alignment: center, run: { size: SIZE_BODY, bold: true } }),
    rule(Math.min(HEADER_RIGHT, motto.length * 125), HEADER_RIGHT),
  ];
  const number = para(t("render:docx.number", { abbr: issuerAbbreviation(plan.issuer) }), {
    alignment: center,
    run: { size: SIZE_HEADER },
    before: 120,
  });
  const dateLine = para(placeDate(t, plan.place, reportDate, view.timezone), {
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

function gridCell(text: string, width: number, options: { bold?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [
      new Paragraph({
        alignment: options.alignment ?? AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.bold, size: SIZE_TABLE })],
      }),
    ],
  });
}

function totalsTable(task: TaskRollup, t: Translate, num: Intl.NumberFormat): Table {
  const prev = task.previous;
  const widths = prev ? [800, 3754, 1600, 1400, 1800] : [800, 4954, 1800, 1800];
  const c = AlignmentType.CENTER;
  const r = AlignmentType.RIGHT;
  const header = [
    t("render:docx.col_index"),
    t("render:docx.col_indicator"),
    t("render:docx.col_total"),
    t("render:docx.col_measure"),
    ...(prev ? [t("render:docx.col_previous", { period: prev.periodLabel || prev.periodKey })] : []),
  ];
  const rows = [
    new TableRow({
      tableHeader: true,
      children: header.map((h, i) => gridCell(h, widths[i]!, { bold: true, alignment: c })),
    }),
    ...task.indicators.map((ind, i) => {
      const total = task.totals[ind.code] ?? 0;
      const cells = [
        gridCell(String(i + 1), widths[0]!, { alignment: c }),
        gridCell(ind.label, widths[1]!),
        gridCell(num.format(total), widths[2]!, { alignment: r }),
        gridCell(ind.measure ?? "", widths[3]!, { alignment: c }),
      ];
      if (prev) {
        const delta = total - (prev.totals[ind.code] ?? 0);
        cells.push(gridCell(delta > 0 ? `+${num.format(delta)}` : delta < 0 ? `-${num.format(-delta)}` : "0", widths[4]!, { alignment: r }));
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

function unitNames(rows: UnitRollupRow[], status: UnitStatus, t: Translate): string {
  const names = rows.filter((r) => r.status === status).map((r) => r.unitName);
  return names.length > 0 ? names.join(", ") : t("render:docx.none");
}

function taskSection(task: TaskRollup, index: number, view: RollupView, t: Translate, num: Intl.NumberFormat): (Paragraph | Table)[] {
  const c = task.counts;
  const heading = task.periodLabel
    ? t("render:docx.task_heading_period", { index, title: task.title, period: task.periodLabel })
    : t("render:docx.task_heading", { index, title: task.title });
  const out: (Paragraph | Table)[] = [
    para(heading, { indent: true, before: 120, run: { bold: true }, keepNext: true }),
    bodyPara(t("render:docx.task_due", { date: formatLocalDate(task.dueAt, view.timezone) })),
    bodyPara(
      t("render:docx.task_submitted", {
        submitted: c.onTime + c.late,
        expected: expectedCount(task),
        onTime: c.onTime,
        late: c.late,
        missing: c.missing,
      }),
    ),
  ];
  if (task.indicators.length > 0) {
    out.push(para(t("render:docx.task_totals"), { indent: true, before: 120, keepNext: true }));
    out.push(totalsTable(task, t, num));
  } else {
    out.push(bodyPara(t("render:docx.task_no_indicators")));
  }
  out.push(bodyPara(t("render:docx.task_photos", { count: num.format(task.photoCount) })));
  out.push(bodyPara(t("render:docx.units_on_time", { names: unitNames(task.rows, "on_time", t) })));
  out.push(bodyPara(t("render:docx.units_late", { names: unitNames(task.rows, "late", t) })));
  out.push(bodyPara(t("render:docx.units_missing", { names: unitNames(task.rows, "missing", t) })));
  if (c.excused > 0) out.push(bodyPara(t("render:docx.units_excused", { names: unitNames(task.rows, "excused", t) })));
  return out;
}

function placeholder(t: Translate): Paragraph {
  return para(t("render:docx.placeholder"), { indent: true, before: 120, run: { highlight: HighlightColor.YELLOW } });
}

function signatureTable(t: Translate): Table {
  const leftWidth = 4300;
  const rightWidth = CONTENT_WIDTH - leftWidth;
  const left = [
    para(t("render:docx.recipients_title"), { alignment: AlignmentType.LEFT, run: { bold: true, italics: true, size: SIZE_RECIPIENTS_TITLE } }),
    para(t("render:docx.recipient_above"), { alignment: AlignmentType.LEFT, run: { size: SIZE_RECIPIENTS } }),
    para(t("render:docx.recipient_archive"), { alignment: AlignmentType.LEFT, run: { size: SIZE_RECIPIENTS } }),
  ];
  const center = AlignmentType.CENTER;
  const right = [
    para(t("render:docx.signer_title"), { alignment: center, run: { bold: true } }),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => para("", { alignment: center })),
    para(t("render:docx.signer_name"), { alignment: center, run: { bold: true } }),
  ];
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [plainCell(left, leftWidth), plainCell(right, rightWidth)] })],
  });
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

async function appendix(view: RollupView, t: Translate, maxPerUnit: number): Promise<Paragraph[]> {
  const body: Paragraph[] = [];
  for (const task of view.tasks) {
    const taskBody: Paragraph[] = [];
    for (const row of task.rows) {
      const pictures: Picture[] = [];
      for (const file of row.files) {
        if (pictures.length >= maxPerUnit) break;
        const picture = await loadPicture(file);
        if (picture) pictures.push(picture);
      }
      for (const picture of pictures) {
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
          para(row.unitName, { alignment: AlignmentType.CENTER, run: { italics: true, size: SIZE_TABLE }, after: 120 }),
        );
      }
    }
    if (taskBody.length > 0) {
      const heading = task.periodLabel ? `${task.title} (${task.periodLabel})` : task.title;
      body.push(para(heading, { alignment: AlignmentType.LEFT, before: 240, run: { bold: true }, keepNext: true }), ...taskBody);
    }
  }
  if (body.length === 0) return [];
  return [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: t("render:docx.appendix_title"), bold: true })],
    }),
    para(t("render:docx.appendix_subtitle", { title: view.plan.title }), { alignment: AlignmentType.CENTER, run: { italics: true } }),
    ...body,
  ];
}

/**
 * Renders a draft official report (báo cáo) in the layout of Nghị định 30/2020/NĐ-CP: A4, the
 * decree's margins, Times New Roman; the issuer / national-title header, number left blank for the
 * office, place and date, subject, addressee, results per task occurrence (counts, indicator
 * totals, units by status), placeholders for shortcomings and next tasks, recipients and signature,
 * and an appendix of evidence photos (up to `maxPhotosPerUnit` per unit; unreadable files skipped).
 * @example
 * const data = await renderRollupDocx(view, translator.t("vi"), { reportDate: new Date(), maxPhotosPerUnit: 2 });
 * const file: OutgoingFile = { fileName: "baocao.docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", data };
 */
export async function renderRollupDocx(
  view: RollupView,
  t: Translate,
  options: { reportDate?: Date; includePhotos?: boolean; maxPhotosPerUnit?: number } = {},
): Promise<Uint8Array> {
  const num = new Intl.NumberFormat(t("render:number_locale"));
  const reportDate = options.reportDate ?? view.generatedAt;
  const { plan } = view;
  const planWord = t("render:docx.plan_word");
  // "Kế hoạch tuyên truyền X" reads "… về tuyên truyền X" after "Thực hiện Kế hoạch số …".
  const subject = plan.title.toLocaleLowerCase("vi").startsWith(`${planWord.toLocaleLowerCase("vi")} `)
    ? plan.title.slice(planWord.length + 1)
    : plan.title;
  const center = AlignmentType.CENTER;

  const children: (Paragraph | Table)[] = [
    headerTable(view, t, reportDate),
    para(t("render:docx.doc_type"), { alignment: center, before: 360, run: { bold: true } }),
    para(t("render:docx.subject", { title: plan.title }), { alignment: center, run: { bold: true } }),
    rule(1800, CONTENT_WIDTH),
    para(t("render:docx.recipient", { parent: plan.parentIssuer }), { alignment: center, before: 240, after: 120 }),
    bodyPara(
      t("render:docx.intro", {
        number: plan.number,
        date: formatIsoDate(plan.date),
        parent: plan.parentIssuer,
        subject,
        issuer: plan.issuer,
      }),
    ),
    para(t("render:docx.section_results"), { indent: true, before: 120, run: { bold: true }, keepNext: true }),
    ...view.tasks.flatMap((task, i) => taskSection(task, i + 1, view, t, num)),
    para(t("render:docx.section_issues"), { indent: true, before: 240, run: { bold: true }, keepNext: true }),
    placeholder(t),
    para(t("render:docx.section_next"), { indent: true, before: 240, run: { bold: true }, keepNext: true }),
    placeholder(t),
    bodyPara(t("render:docx.closing", { title: plan.title, issuer: plan.issuer })),
    para("", { before: 120 }),
    signatureTable(t),
  ];
  if (options.includePhotos ?? true) {
    children.push(...(await appendix(view, t, Math.max(0, options.maxPhotosPerUnit ?? DEFAULT_PHOTOS_PER_UNIT))));
  }

  const doc = new Document({
    creator: plan.issuer,
    title: t("render:docx.subject", { title: plan.title }),
    styles: { default: { document: { run: { font: FONT, size: SIZE_BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
            margin: { ...MARGIN, header: mm(10), footer: mm(10) },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
