/**
 * Plan documents built in tests from the text fixtures (test/fixtures/plan-drafts): a .docx made
 * with the `docx` package as Word would save it (the header and signature as two-column tables,
 * task tables as Word tables, optionally Word's automatic numbering instead of typed numbers), and
 * a PDF with a real text layer (Type0 font, Identity-H, a ToUnicode map: what Word's "Save as PDF"
 * writes), so the readers are tested on files of the kind offices send.
 */
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

const isRow = (line: string) => /^\|.*\|$/.test(line.trim());
const columns = (line: string) =>
  line
    .split(/\s{3,}/)
    .map((s) => s.trim())
    .filter(Boolean);

function layoutTable(lines: string[]): Table {
  const left = lines.map((l) => columns(l)[0] ?? "");
  const right = lines.map((l) => columns(l)[1] ?? "");
  const cell = (texts: string[]) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      children: texts.map((t) => new Paragraph({ children: [new TextRun(t)] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ children: [cell(left), cell(right)] })],
  });
}

function taskTable(lines: string[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: lines.map(
      (l) =>
        new TableRow({
          children: l
            .trim()
            .slice(1, -1)
            .split("|")
            .map((c) => new TableCell({ children: [new Paragraph(c.trim())] })),
        }),
    ),
  });
}

/**
 * A .docx of a plan's text. With `numbering`, "I.", "1.", "a)" and "-" at the start of lines become
 * Word's automatic numbering (the numbers are then not in the text runs, as in real documents).
 */
export async function planDocx(text: string, options: { numbering?: boolean } = {}): Promise<Buffer> {
  const lines = text.replace(/\r/g, "").split("\n");
  const children: (Paragraph | Table)[] = [];
  const planAt = lines.findIndex((l) => /^\s*KẾ HOẠCH\s*$/u.test(l));
  let i = 0;
  if (planAt > 0) {
    children.push(layoutTable(lines.slice(0, planAt).filter((l) => l.trim())));
    i = planAt;
  }
  while (i < lines.length) {
    const line = lines[i];
    if (isRow(line)) {
      const rows: string[] = [];
      while (i < lines.length && isRow(lines[i])) rows.push(lines[i++]);
      children.push(taskTable(rows));
      continue;
    }
    if (/^Nơi nhận:/u.test(line.trim())) {
      const block: string[] = [];
      while (i < lines.length && lines[i].trim() && !isRow(lines[i]) && !/^PHỤ LỤC/u.test(lines[i].trim()))
        block.push(lines[i++]);
      children.push(layoutTable(block));
      continue;
    }
    const t = line.trim();
    const roman = /^([IVX]+)\.\s+(.*)$/.exec(t);
    const arabic = /^(\d+)\.\s+(.*)$/.exec(t);
    const letter = /^([a-zđ])\)\s+(.*)$/u.exec(t);
    const bullet = /^-\s+(.*)$/.exec(t);
    if (options.numbering && (roman || arabic || letter || bullet)) {
      const [level, rest] = roman ? [0, roman[2]] : arabic ? [1, arabic[2]] : letter ? [2, letter[2]] : [3, bullet![1]];
      children.push(new Paragraph({ children: [new TextRun(rest)], numbering: { reference: "plan", level } }));
    } else
      children.push(
        new Paragraph({
          alignment: /^KẾ HOẠCH$/u.test(t) ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
          children: [new TextRun(t)],
        }),
      );
    i++;
  }
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: "plan",
          levels: [
            { level: 0, format: LevelFormat.UPPER_ROMAN, text: "%1.", alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.DECIMAL, text: "%2.", alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.LOWER_LETTER, text: "%3)", alignment: AlignmentType.LEFT },
            { level: 3, format: LevelFormat.BULLET, text: "-", alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/**
 * A PDF whose text layer holds these lines (two columns where a line has a wide gap), 50 lines a
 * page, in a Type0 font with a ToUnicode map (the glyphs are not drawn: only the text matters).
 */
export function planPdf(text: string): Buffer {
  // Lines wrap at the page's width, as a word processor wraps them (the reader must join them again).
  const lines = text
    .replace(/\r/g, "")
    .split("\n")
    .flatMap((line) => {
      if (line.length <= 90 || /\s{3,}/.test(line.trim())) return [line];
      const out: string[] = [];
      let rest = line;
      while (rest.length > 90) {
        const cut = rest.lastIndexOf(" ", 90);
        out.push(rest.slice(0, cut > 20 ? cut : 90));
        rest = rest.slice(cut > 20 ? cut + 1 : 90);
      }
      return [...out, rest];
    });
  const chars = [...new Set([...lines.join("")])];
  const code = new Map(chars.map((c, i) => [c, i + 1]));
  const hex = (n: number) => n.toString(16).padStart(4, "0").toUpperCase();
  const encode = (s: string) => `<${[...s].map((c) => hex(code.get(c)!)).join("")}>`;
  const pages: string[] = [];
  for (let p = 0; p * 50 < lines.length; p++) {
    const ops = ["BT", "/F1 11 Tf"];
    lines.slice(p * 50, p * 50 + 50).forEach((line, k) => {
      const y = 800 - k * 15;
      const parts = columns(line);
      if (!line.trim()) return;
      if (parts.length === 2 && /\s{3,}/.test(line.trim())) {
        ops.push(`1 0 0 1 50 ${y} Tm ${encode(parts[0])} Tj`, `1 0 0 1 320 ${y} Tm ${encode(parts[1])} Tj`);
      } else ops.push(`1 0 0 1 50 ${y} Tm ${encode(line.trim())} Tj`);
    });
    ops.push("ET");
    pages.push(ops.join("\n"));
  }
  const cmapEntries = chars.map(
    (c) =>
      `<${hex(code.get(c)!)}> <${[...Buffer.from(c, "utf16le")].reduce((s, b, i, a) => (i % 2 ? s : s + ((a[i + 1] << 8) | b).toString(16).padStart(4, "0").toUpperCase()), "")}>`,
  );
  const chunks: string[] = [];
  for (let i = 0; i < cmapEntries.length; i += 100)
    chunks.push(
      `${Math.min(100, cmapEntries.length - i)} beginbfchar\n${cmapEntries.slice(i, i + 100).join("\n")}\nendbfchar`,
    );
  const cmap = `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${chunks.join("\n")}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
  // Objects: 1 catalog, 2 pages, 3 font, 4 descendant, 5 ToUnicode, 6 descriptor, then page + content pairs.
  const pageIds = pages.map((_, i) => 7 + i * 2);
  const objects: string[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`,
    "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+TimesNewRoman /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
    "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+TimesNewRoman /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /CIDToGIDMap /Identity /FontDescriptor 6 0 R >>",
    `<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`,
    "<< /Type /FontDescriptor /FontName /ABCDEF+TimesNewRoman /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>",
  ];
  for (const content of pages) {
    const id = objects.length + 1;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`,
    );
    objects.push(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`);
  }
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "utf8");
}

/** A PDF with pages but no text layer, as a scanner makes (an image would be there; none is needed). */
export function scannedPdf(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    "<< /Length 8 >>\nstream\n0 0 m S\n\nendstream",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "utf8");
}
