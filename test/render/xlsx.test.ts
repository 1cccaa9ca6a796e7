import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../../src/i18n.js";
import { renderRollupXlsx } from "../../src/render/xlsx.js";
import { unzip } from "../support/unzip.js";
import { fixtureView, oneOffTask, quarterlyTask, scaleTask, seedQuarterTask } from "./fixture.js";

const vi = createTranslator({ defaultLanguage: "vi" }).t("vi");

async function open(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return wb;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

/** The sheets' XML by sheet name, read from the package the way Excel would. */
function sheetXml(data: Uint8Array): Map<string, string> {
  const zip = unzip(data);
  const workbook = zip.get("xl/workbook.xml")!.toString("utf8");
  const rels = zip.get("xl/_rels/workbook.xml.rels")!.toString("utf8");
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1]!.replace(/^\/?xl\//, "");
    out.set(m[1]!.replace(/&amp;/g, "&"), zip.get(`xl/${target}`)!.toString("utf8"));
  }
  return out;
}

describe("renderRollupXlsx", () => {
  it("keeps sheet names unique when titles of emoji differ only past 31 UTF-16 units", async () => {
    const a = { ...oneOffTask(), title: "a" + "🎉".repeat(20) + "x" };
    const b = { ...oneOffTask(), title: "a" + "🎉".repeat(20) + "y" };
    const names = [...sheetXml(await renderRollupXlsx(fixtureView([a, b]), vi)).keys()];
    expect(names).toHaveLength(3);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(3);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });

  it("prints: A4 landscape, one page wide, the header row repeated on every page (from the XML)", async () => {
    const data = await renderRollupXlsx(fixtureView([seedQuarterTask(), oneOffTask()]), vi);
    const sheets = sheetXml(data);
    expect([...sheets.keys()]).toEqual([
      "Tổng hợp",
      "Báo cáo quý kết quả Quý I-2021",
      "Xây dựng kế hoạch tuyên truyền",
    ]);
    for (const [name, xml] of sheets) {
      expect(xml, name).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
      const setup = /<pageSetup [^>]*\/>/.exec(xml)![0];
      expect(setup, name).toContain('paperSize="9"');
      expect(setup, name).toContain('orientation="landscape"');
      expect(setup, name).toContain('fitToWidth="1"');
      expect(setup, name).toContain('fitToHeight="0"');
    }
    const workbook = unzip(data).get("xl/workbook.xml")!.toString("utf8");
    const titles = [...workbook.matchAll(/<definedName name="_xlnm.Print_Titles"[^>]*>([^<]+)<\/definedName>/g)].map(
      (m) => m[1],
    );
    expect(titles).toHaveLength(3);
    for (const title of titles) expect(title).toMatch(/!\$4:\$4$/);
  });

  it("adds up: SUM formulas in the totals row, the summary linked to them; real dates; no codes in names", async () => {
    const data = await renderRollupXlsx(fixtureView([seedQuarterTask()]), vi);
    const sheets = sheetXml(data);
    const task = sheets.get("Báo cáo quý kết quả Quý I-2021")!;
    // 37 units from row 5 to 41; the totals row 42 sums each indicator column.
    expect(task).toContain("<f>SUM(G5:G41)</f><v>40</v>");
    expect(task).toContain("<f>SUM(H5:H41)</f><v>1995</v>");
    // The photos' total after the 9 indicators and the documents column.
    expect(task).toContain("<f>SUM(Q5:Q41)</f><v>0</v>");
    const summary = sheets.get("Tổng hợp")!;
    expect(summary).toContain("<f>&apos;Báo cáo quý kết quả Quý I-2021&apos;!Q42</f><v>12</v>");
    // Dates are numbers with a date format, not text.
    const styles = unzip(data).get("xl/styles.xml")!.toString("utf8");
    expect(styles).toContain('formatCode="dd/mm/yyyy"');
    expect(styles).toContain('formatCode="dd/mm/yyyy hh:mm"');
    const wb = await open(data);
    const sheet = wb.getWorksheet("Báo cáo quý kết quả Quý I-2021")!;
    const thanhAn = sheet.getRow(7);
    expect(thanhAn.getCell(2).value).toBe("UBND xã Thành An");
    expect(thanhAn.getCell(5).value).toEqual(new Date("2021-03-12T10:00:00Z"));
    expect(thanhAn.getCell(5).numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(wb.getWorksheet("Tổng hợp")!.getCell("D5").value).toEqual(new Date("2021-03-15T00:00:00Z"));
    // Human labels: group names, never tags or codes.
    expect(rowValues(sheet, 4).slice(0, 4)).toEqual(["STT", "Đơn vị", "Nhóm đơn vị", "Trạng thái"]);
    expect(thanhAn.getCell(3).value).toBe("Xã, thị trấn");
    for (const name of wb.worksheets.map((s) => s.name)) expect(name).not.toMatch(/[A-Z]{2,}_/);
    // A title row above the table.
    expect(sheet.getCell("A1").value).toBe("Báo cáo quý kết quả tuyên truyền cải cách hành chính — Quý I/2021");
  });

  it("names evidence files <unit>-<date>-<n>.<ext>, not anh.jpg", async () => {
    const wb = await open(
      await renderRollupXlsx(fixtureView([quarterlyTask({ photoPng: "/x/a.png", photoJpg: "/x/b.jpg" })]), vi),
    );
    const sheet = wb.worksheets[1]!;
    const files = rowValues(sheet, 5).at(-1);
    expect(files).toBe("UBND-xa-Thach-Binh-2021-03-10-1.png\nUBND-xa-Thach-Binh-2021-03-10-2.jpg");
  });

  it("makes sheet names valid and unique from long titles", async () => {
    const long = (period: string) => ({
      ...quarterlyTask(),
      title: "Báo cáo [tổng hợp]: kết quả tuyên truyền * cải cách hành chính?",
      periodLabel: period,
    });
    const wb = await open(
      await renderRollupXlsx(
        fixtureView([long("Tháng 3/2021"), long("Tháng 3/2021"), { ...oneOffTask(), title: "Tổng hợp" }]),
        vi,
      ),
    );
    const names = wb.worksheets.map((s) => s.name);
    expect(names).toHaveLength(4);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(4);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(names[2]).toMatch(/ \(2\)$/);
  });

  it("keeps names with XML's special characters and drops control characters XML cannot carry", async () => {
    const task = quarterlyTask();
    task.rows[0] = { ...task.rows[0]!, unitName: `UBND xã "A" & <B> 'C'\u0007` };
    const wb = await open(await renderRollupXlsx(fixtureView([task]), vi));
    expect(wb.worksheets[1]!.getCell("B5").value).toBe(`UBND xã "A" & <B> 'C'`);
  });

  it("writes 3,321 units' rows: every unit once, the totals summing all of them", async () => {
    const data = await renderRollupXlsx(fixtureView([scaleTask()]), vi);
    const sheet = [...sheetXml(data).values()][1]!;
    expect(sheet.match(/<row r="/g)).toHaveLength(3 + 3321 + 1);
    expect(sheet).toContain("<f>SUM(G5:G3325)</f>");
    const wb = await open(data);
    expect(wb.worksheets[1]!.getCell("B3325").value).toBe(scaleTask().rows.at(-1)!.unitName);
  });

  it("uses the English locale for headers", async () => {
    const wb = await open(await renderRollupXlsx(fixtureView(), createTranslator().t("en")));
    expect(wb.worksheets[0]!.name).toBe("Summary");
    expect(rowValues(wb.worksheets[1]!, 4).slice(0, 4)).toEqual(["No.", "Unit", "Group", "Status"]);
    expect(wb.worksheets[1]!.getCell("D5").value).toBe("On time");
  });
});
