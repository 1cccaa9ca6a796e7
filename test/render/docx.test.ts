import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzip } from "../support/unzip.js";
import { Resvg } from "@resvg/resvg-js";
import { afterAll, describe, expect, it } from "vitest";
import { createTranslator } from "../../src/i18n.js";
import { renderRollupDocx } from "../../src/render/docx.js";
import { EXPECTED_TOTALS, UNIT_NAMES, fixtureView, oneOffTask, quarterlyTask } from "./fixture.js";

const vi = createTranslator({ defaultLanguage: "vi" }).t("vi");

/** The visible text of document.xml, paragraph by paragraph. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
}

const dir = mkdtempSync(path.join(tmpdir(), "dondoc-docx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pictures(): { photoPng: string; photoJpg: string; missingFile: string } {
  const png = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="#1565c0"/><circle cx="400" cy="300" r="200" fill="#ffca28"/></svg>')
    .render()
    .asPng();
  const photoPng = path.join(dir, "pano.png");
  writeFileSync(photoPng, png);
  // Only the headers matter to the renderer: SOI, a JFIF APP0, and SOF0 with 300×200 pixels.
  const jpg = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0xc8, 0x01, 0x2c, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
    0xff, 0xd9,
  ]);
  const photoJpg = path.join(dir, "ap-phich.jpg");
  writeFileSync(photoJpg, jpg);
  return { photoPng, photoJpg, missingFile: path.join(dir, "da-xoa.jpg") };
}

describe("renderRollupDocx", () => {
  const files = pictures();
  const view = fixtureView([quarterlyTask(files), oneOffTask()]);

  it("lays out an A4 report per Nghị định 30/2020", async () => {
    const data = await renderRollupDocx(view, vi, { reportDate: new Date("2026-11-26T03:00:00Z") });
    writeFileSync("/tmp/report.docx", data);
    const zip = unzip(data);
    const xml = zip.get("word/document.xml")!.toString("utf8");
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    expect(margin).toContain('w:top="1134"');
    expect(margin).toContain('w:bottom="1134"');
    expect(margin).toContain('w:left="1701"');
    expect(margin).toContain('w:right="851"');
    const styles = zip.get("word/styles.xml")!.toString("utf8");
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);

    const text = paragraphs(xml);
    const at = (s: string) => text.indexOf(s);
    expect(at("UBND HUYỆN THẠCH THÀNH")).toBeGreaterThanOrEqual(0);
    expect(at("PHÒNG VĂN HÓA VÀ THÔNG TIN")).toBeGreaterThan(at("UBND HUYỆN THẠCH THÀNH"));
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("Số:      /BC-VHTT");
    expect(text).toContain("Thạch Thành, ngày 26 tháng 11 năm 2026");
    expect(at("BÁO CÁO")).toBeGreaterThan(at("Thạch Thành, ngày 26 tháng 11 năm 2026"));
    expect(text[at("BÁO CÁO") + 1]).toBe("Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính năm 2021");
    expect(text).toContain("Kính gửi: Chủ tịch UBND huyện Thạch Thành");
    expect(text).toContain(
      "Thực hiện Kế hoạch số 20/KH-UBND ngày 29/01/2021 của UBND huyện Thạch Thành về tuyên truyền cải cách hành chính năm 2021, Phòng Văn hóa và Thông tin báo cáo kết quả như sau:",
    );
    const sections = ["I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ", "III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI"].map(at);
    expect(sections[0]).toBeGreaterThan(0);
    expect(sections[1]).toBeGreaterThan(sections[0]!);
    expect(sections[2]).toBeGreaterThan(sections[1]!);
    expect(text[sections[1]! + 1]).toBe("[…]");
    expect(text[sections[2]! + 1]).toBe("[…]");

    // Results of the quarterly task: counts, the totals table (label, total, measure, change), units by status.
    expect(text).toContain("1. Báo cáo kết quả tuyên truyền CCHC (Quý I/2021)");
    expect(text).toContain("- Số đơn vị đã báo cáo: 3/5 (đúng hạn 2, muộn 1); chưa báo cáo: 2.");
    expect(text.slice(at("Pa nô") - 1, at("Pa nô") + 4)).toEqual(["1", "Pa nô", String(EXPECTED_TOTALS.pano), "cái", "+3"]);
    expect(text.slice(at("Áp phích"), at("Áp phích") + 4)).toEqual(["Áp phích", String(EXPECTED_TOTALS.ap_phich), "tờ", "0"]);
    expect(text.slice(at("Tin bài"), at("Tin bài") + 4)).toEqual(["Tin bài", String(EXPECTED_TOTALS.tin_bai), "tin", "-6"]);
    expect(text).toContain("So với Quý IV/2020");
    expect(text).toContain("- Đơn vị báo cáo đúng hạn: UBND xã Thạch Bình, UBND thị trấn Kim Tân.");
    expect(text).toContain("- Đơn vị báo cáo muộn: UBND xã Thành Vinh.");
    expect(text).toContain("- Đơn vị chưa báo cáo: UBND xã Thạch Định, UBND xã Thành Tâm.");
    expect(text).toContain("2. Xây dựng kế hoạch tuyên truyền CCHC năm 2021");
    expect(text).toContain("- Đơn vị chưa báo cáo: không có.");
    for (const name of UNIT_NAMES) expect(xml).toContain(name);

    expect(text).toContain("Nơi nhận:");
    expect(text).toContain("- Như trên;");
    expect(text).toContain("- Lưu: VT.");
    expect(at("[Họ và tên]")).toBeGreaterThan(at("TRƯỞNG PHÒNG"));
    const recipientsRun = /<w:r>(?:(?!<\/w:r>)[\s\S])*Nơi nhận:/.exec(xml)![0];
    expect(recipientsRun).toContain("<w:b/>");
    expect(recipientsRun).toContain("<w:i/>");
  });

  it("appends up to maxPhotosPerUnit readable photos per unit with captions", async () => {
    const zip = unzip(await renderRollupDocx(view, vi, { reportDate: new Date("2026-11-26T03:00:00Z") }));
    const xml = zip.get("word/document.xml")!.toString("utf8");
    const text = paragraphs(xml);
    const appendix = text.indexOf("PHỤ LỤC: HÌNH ẢNH MINH CHỨNG");
    expect(appendix).toBeGreaterThan(text.indexOf("[Họ và tên]"));
    const media = [...zip.keys()].filter((k) => k.startsWith("word/media/"));
    // Thạch Bình: the missing file is skipped, PNG and JPEG kept; Thành Vinh: one PNG (stored once or twice).
    expect(xml.match(/<w:drawing>/g)).toHaveLength(3);
    expect(media.length).toBeGreaterThanOrEqual(2);
    const captions = text.slice(appendix).filter((p) => UNIT_NAMES.includes(p));
    expect(captions).toEqual(["UBND xã Thạch Bình", "UBND xã Thạch Bình", "UBND xã Thành Vinh"]);
    // 800×600 is scaled into the text width and a third of the page height, keeping its ratio.
    const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const [cx, cy] = extents[0]!;
    expect(Math.abs(cx! / cy! - 800 / 600)).toBeLessThan(0.01);
    expect(cx! / 9525).toBeLessThanOrEqual(624);
    expect(extents[1]).toEqual([300 * 9525, 200 * 9525]);

    const one = unzip(await renderRollupDocx(view, vi, { maxPhotosPerUnit: 1 })).get("word/document.xml")!.toString("utf8");
    expect(one.match(/<w:drawing>/g)).toHaveLength(2);
    const none = unzip(await renderRollupDocx(view, vi, { includePhotos: false })).get("word/document.xml")!.toString("utf8");
    expect(none).not.toContain("PHỤ LỤC");
    expect(none).not.toContain("<w:drawing>");
  });

  it("leaves the appendix out when no photo can be read", async () => {
    const xml = unzip(await renderRollupDocx(fixtureView(), vi)).get("word/document.xml")!.toString("utf8");
    expect(xml).not.toContain("PHỤ LỤC");
    // Days below 10 get a leading zero, as the decree asks.
    const early = unzip(await renderRollupDocx(fixtureView(), vi, { reportDate: new Date("2021-02-04T03:00:00Z") }));
    expect(paragraphs(early.get("word/document.xml")!.toString("utf8"))).toContain("Thạch Thành, ngày 04 tháng 02 năm 2021");
  });
});
