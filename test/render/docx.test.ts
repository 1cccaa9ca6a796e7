import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { afterAll, describe, expect, it } from "vitest";
import { createTranslator } from "../../src/i18n.js";
import { renderRollupDocx } from "../../src/render/docx.js";
import { unzip } from "../support/unzip.js";
import { fixtureView, oneOffTask, scaleTask, seedQuarterTask } from "./fixture.js";

const vi = createTranslator({ defaultLanguage: "vi" }).t("vi");

/** The visible text of document.xml, paragraph by paragraph (a line break read as a space). */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].replace(/<w:br\/>/g, "<w:t> </w:t>").matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1])
      .join(""),
  );
}

/** The XML of the paragraph whose text is `text`. */
function paragraphXml(xml: string, text: string): string {
  const found = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find((m) => paragraphs(m[0])[0] === text);
  if (!found) throw new Error(`no paragraph "${text}"`);
  return found[0];
}

const dir = mkdtempSync(path.join(tmpdir(), "dondoc-docx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pictures(): { photoPng: string; photoJpg: string; missingFile: string } {
  const png = new Resvg(
    '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="#1565c0"/><circle cx="400" cy="300" r="200" fill="#ffca28"/></svg>',
  )
    .render()
    .asPng();
  const photoPng = path.join(dir, "pano.png");
  writeFileSync(photoPng, png);
  // Only the headers matter to the renderer: SOI, a JFIF APP0, and SOF0 with 300×200 pixels.
  const jpg = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
    0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0xc8, 0x01, 0x2c, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11,
    0x01, 0xff, 0xd9,
  ]);
  const photoJpg = path.join(dir, "ap-phich.jpg");
  writeFileSync(photoJpg, jpg);
  return { photoPng, photoJpg, missingFile: path.join(dir, "da-xoa.jpg") };
}

const REPORT = {
  office: "Sở Văn hóa, Thể thao và Du lịch",
  parent: "UBND tỉnh Hà Nam Ninh",
  place: "Hà Nam Ninh",
  abbreviation: "SVHTTDL",
  to: "Ủy ban nhân dân tỉnh Hà Nam Ninh",
  recipients: ["Như trên", "Bộ Văn hóa, Thể thao và Du lịch (để b/c)"],
  signerAuthority: "KT. GIÁM ĐỐC",
  signerTitle: "PHÓ GIÁM ĐỐC",
  signerName: "Lê Văn Tuấn",
};
const CONTENT_WIDTH = 11906 - 1701 - 851;

describe("renderRollupDocx", () => {
  const files = pictures();

  async function render(report = REPORT, options: Parameters<typeof renderRollupDocx>[2] = {}) {
    const task = seedQuarterTask();
    const an = task.rows.findIndex((r) => r.unitName === "UBND xã Thành An");
    task.rows[an] = {
      ...task.rows[an]!,
      references: [{ number: "15/KH-UBND", date: "2021-02-05" }],
      files: [
        {
          path: files.photoJpg,
          fileName: "a.jpg",
          kind: "photo",
          mime: "image/jpeg",
          capturedAt: new Date("2021-03-10T02:00:00Z"),
        },
      ],
    };
    const view = fixtureView([
      task,
      {
        ...oneOffTask(),
        rows: oneOffTask().rows.map((r) => ({ ...r, status: "not_due" as const, submittedAt: undefined })),
        counts: { ...oneOffTask().counts, onTime: 0, late: 0, notDue: 5 },
      },
    ]);
    view.plan.report = report;
    const zip = unzip(await renderRollupDocx(view, vi, { reportDate: new Date("2021-03-16T03:00:00Z"), ...options }));
    return { zip, xml: zip.get("word/document.xml")!.toString("utf8"), task };
  }

  it("takes the office, parent, place, abbreviation, Kính gửi, recipients and signer from the plan's report section", async () => {
    const { xml } = await render();
    const text = paragraphs(xml);
    const at = (s: string) => text.indexOf(s);
    expect(at("UBND TỈNH HÀ NAM NINH")).toBeGreaterThanOrEqual(0);
    expect(at("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH")).toBe(at("UBND TỈNH HÀ NAM NINH") + 1);
    expect(text).toContain("Số:      /BC-SVHTTDL");
    expect(text).toContain("Hà Nam Ninh, ngày 16 tháng 3 năm 2021");
    expect(text).toContain("Kính gửi: Ủy ban nhân dân tỉnh Hà Nam Ninh.");
    expect(text).toContain("- Như trên;");
    expect(text).toContain("- Bộ Văn hóa, Thể thao và Du lịch (để b/c);");
    expect(text).toContain("- Lưu: VT.");
    expect(text.slice(at("KT. GIÁM ĐỐC"), at("KT. GIÁM ĐỐC") + 2)).toEqual(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]);
    expect(at("Lê Văn Tuấn")).toBeGreaterThan(at("PHÓ GIÁM ĐỐC"));
    // Nothing of the sample district is fixed in the renderer.
    expect(xml).not.toContain("Thạch Thành,");
    expect(xml).not.toContain("TRƯỞNG PHÒNG");
  });

  it("falls back to the plan and sensible defaults when the report section is empty", async () => {
    const text = paragraphs((await render({} as typeof REPORT)).xml);
    expect(text).toContain("PHÒNG VĂN HÓA VÀ THÔNG TIN");
    expect(text).toContain("Số:      /BC-VHTT");
    expect(text).toContain("Kính gửi: UBND huyện Thạch Thành.");
    expect(text).toContain("THỦ TRƯỞNG CƠ QUAN");
    expect(text).toContain("[Họ và tên]");
  });

  it("is a results report: a period-specific subject, X/Y, every indicator's total, cited documents; every task listed", async () => {
    const { xml } = await render();
    const text = paragraphs(xml);
    const subject = text[text.indexOf("BÁO CÁO") + 1];
    expect(subject).toBe("Kết quả tuyên truyền cải cách hành chính quý I năm 2021");
    expect(text).toContain("- Hạn báo cáo 15/03/2021; đã có 7/37 đơn vị báo cáo (đúng hạn 5, muộn 2).");
    expect(text).toContain("- Kết quả tổng hợp từ 7/37 đơn vị đã báo cáo (chi tiết từng đơn vị tại Phụ lục I):");
    expect(text).toContain("Kết quả (từ 7/37 đơn vị)");
    const at = text.indexOf("Áp phích");
    expect(text.slice(at, at + 3)).toEqual(["Áp phích", "cái", "1.995"]);
    expect(text).toContain(
      "- 3 đơn vị chưa báo cáo dù đã được nhắc: UBND xã Thành Minh, UBND xã Thành Mỹ, UBND xã Thành Tâm.",
    );
    expect(text).toContain("- Văn bản các đơn vị đã ban hành: số 15/KH-UBND ngày 05/02/2021 của UBND xã Thành An.");
    // The one-off task has no report yet: it is listed all the same, and says so.
    const heading = text.indexOf("2. Xây dựng kế hoạch tuyên truyền CCHC năm 2021");
    expect(heading).toBeGreaterThan(
      text.indexOf("1. Báo cáo quý kết quả tuyên truyền cải cách hành chính (Quý I/2021)"),
    );
    expect(text[heading + 1]).toBe("- Hạn báo cáo 09/02/2021; chưa có đơn vị báo cáo (0/5 đơn vị).");
    expect(text[heading + 2]).toBe("- 5 đơn vị chưa đến hạn báo cáo.");
  });

  it("numbers pages from page 2, centred in the top margin", async () => {
    const { zip, xml } = await render();
    const first = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(xml)![0];
    expect(first).toContain("<w:titlePg/>");
    const ref = (type: string) => new RegExp(`<w:headerReference w:type="${type}" r:id="(rId\\d+)"`).exec(first)![1];
    const rels = zip.get("word/_rels/document.xml.rels")!.toString("utf8");
    const target = (id: string) =>
      new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
    const header = zip.get(`word/${target(ref("default")!)}`)!.toString("utf8");
    expect(header).toMatch(/PAGE/);
    expect(header).toContain('<w:jc w:val="center"/>');
    expect(zip.get(`word/${target(ref("first")!)}`)!.toString("utf8")).not.toMatch(/PAGE/);
  });

  it("draws the subject's rule at 1/3–1/2 of the subject line", async () => {
    const { xml } = await render();
    const text = paragraphs(xml);
    const subject = text[text.indexOf("BÁO CÁO") + 1]!;
    const after = xml.slice(xml.indexOf(subject));
    const ind = /<w:pBdr>[\s\S]*?<w:ind w:left="(\d+)" w:right="(\d+)"\/>/.exec(after)!;
    const rule = CONTENT_WIDTH - Number(ind[1]) - Number(ind[2]);
    // Times New Roman bold at 14 pt averages 0.44–0.5 em a character.
    for (const em of [0.44, 0.5]) {
      const line = Math.min(CONTENT_WIDTH, Array.from(subject).length * 280 * em);
      expect(rule / line).toBeGreaterThanOrEqual(1 / 3);
      expect(rule / line).toBeLessThanOrEqual(1 / 2);
    }
  });

  it("appends Phụ lục I, landscape: one row per unit with its status and figures, and the total", async () => {
    const { xml, task } = await render();
    const from = xml.indexOf("PHỤ LỤC I: SỐ LIỆU CỦA CÁC ĐƠN VỊ");
    // The first task's table (the one-off task, listed too, has the same units).
    const appendix = xml.slice(from, xml.indexOf("</w:tbl>", from));
    expect(xml).toMatch(
      /<w:pgSz w:w="11906" w:h="16838" w:orient="landscape"\/>|<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/,
    );
    const rows = [...appendix.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => paragraphs(m[0]));
    for (const row of task.rows)
      expect(
        rows.filter((r) => r[1] === row.unitName),
        row.unitName,
      ).toHaveLength(1);
    const thanhAn = rows.find((r) => r[1] === "UBND xã Thành An")!;
    expect(thanhAn.slice(2, 6)).toEqual(["Đúng hạn", "12/03/2021", "7", "240"]);
    expect(rows.find((r) => r[1] === "UBND xã Thành Minh")![2]).toBe("Chưa báo cáo");
    expect(rows.find((r) => r[1] === "Phòng Tư pháp")![2]).toBe("Chưa có người nhận nhắc");
    const total = rows.find((r) => r[1]?.startsWith("Tổng cộng"))!;
    expect(total[1]).toBe("Tổng cộng (7/37 đơn vị đã báo cáo)");
    expect(total).toContain("1.995");
    // Group headings from the plan's unit groups.
    for (const group of task.groups) expect(rows.some((r) => r.length === 1 && r[0] === group)).toBe(true);
  });

  it("writes Phụ lục I for 3,321 units: a row per unit, the cell margins once for the table, the landscape section kept", async () => {
    const task = scaleTask();
    const zip = unzip(await renderRollupDocx(fixtureView([task]), vi, { includePhotos: false }));
    const xml = zip.get("word/document.xml")!.toString("utf8");
    const appendix = xml.slice(xml.indexOf("PHỤ LỤC I: SỐ LIỆU CỦA CÁC ĐƠN VỊ"));
    const table = appendix.slice(appendix.indexOf("<w:tbl>"), appendix.indexOf("</w:tbl>"));
    // Header, a heading per group, a row per unit, the total.
    expect(table.match(/<w:tr>/g)).toHaveLength(1 + task.groups.length + 3321 + 1);
    expect(table).toContain('<w:tblCellMar><w:top w:type="dxa" w:w="30"/><w:left w:type="dxa" w:w="60"/>');
    expect(table).not.toContain("<w:tcMar>");
    expect(paragraphs(table)).toContain(task.rows.at(-1)!.unitName);
    expect(xml).toMatch(
      /<w:pgSz w:w="11906" w:h="16838" w:orient="landscape"\/>|<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/,
    );
    // No marker of the splice is left.
    expect(xml).not.toContain("don-doc-table-");
  });

  it("escapes the text of Phụ lục I's cells", async () => {
    const task = seedQuarterTask();
    task.rows[0] = { ...task.rows[0]!, unitName: `UBND xã "A" & <B>\u0007` };
    const xml = unzip(await renderRollupDocx(fixtureView([task]), vi, { includePhotos: false }))
      .get("word/document.xml")!
      .toString("utf8");
    expect(paragraphs(xml)).toContain("UBND xã &quot;A&quot; &amp; &lt;B&gt;");
  });

  it("appends Phụ lục II: photos with the unit and the capture date", async () => {
    const { xml } = await render();
    const text = paragraphs(xml);
    expect(text.indexOf("PHỤ LỤC II: HÌNH ẢNH MINH CHỨNG")).toBeGreaterThan(
      text.indexOf("PHỤ LỤC I: SỐ LIỆU CỦA CÁC ĐƠN VỊ"),
    );
    expect(text).toContain("UBND xã Thành An — ảnh chụp ngày 10/03/2021");
    expect(xml.match(/<w:drawing>/g)).toHaveLength(1);
    const none = (await render(REPORT, { includePhotos: false })).xml;
    expect(none).not.toContain("PHỤ LỤC II");
    // Days below 10 and months 1–2 get a leading zero, as the decree asks.
    const view = fixtureView([seedQuarterTask()]);
    const early = unzip(await renderRollupDocx(view, vi, { reportDate: new Date("2021-02-04T03:00:00Z") }));
    expect(paragraphs(early.get("word/document.xml")!.toString("utf8"))).toContain(
      "Thạch Thành, ngày 04 tháng 02 năm 2021",
    );
  });
});
