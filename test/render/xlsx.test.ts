import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../../src/i18n.js";
import { renderRollupXlsx } from "../../src/render/xlsx.js";
import type { TaskRollup } from "../../src/core/rollups/rollup-types.js";
import { EXPECTED_PHOTOS, EXPECTED_TOTALS, UNIT_NAMES, fixtureView, oneOffTask, quarterlyTask } from "./fixture.js";

const vi = createTranslator({ defaultLanguage: "vi" }).t("vi");

async function open(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return wb;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

describe("renderRollupXlsx", () => {
  it("writes a summary sheet and one sheet per task occurrence", async () => {
    const wb = await open(await renderRollupXlsx(fixtureView(), vi));
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Tổng hợp", "BC_QUY Quý I-2021", "KH_2021"]);

    const summary = wb.getWorksheet("Tổng hợp")!;
    expect(summary.getCell("A1").value).toBe("Kế hoạch số 20/KH-UBND ngày 29/01/2021 của UBND huyện Thạch Thành");
    expect(summary.getCell("A2").value).toBe("Kế hoạch tuyên truyền cải cách hành chính năm 2021");
    expect(summary.getCell("A3").value).toBe("Thời điểm tổng hợp: 26/11/2026 10:00 (múi giờ Asia/Ho_Chi_Minh)");
    expect(rowValues(summary, 5)).toEqual([
      "STT", "Nhiệm vụ", "Kỳ báo cáo", "Hạn báo cáo", "Đã báo cáo", "Đúng hạn", "Muộn", "Chưa báo cáo", "Số ảnh",
      "Pa nô (cái)", "Áp phích (tờ)", "Tin bài (tin)",
    ]);
    expect(rowValues(summary, 6)).toEqual([
      1, "Báo cáo kết quả tuyên truyền CCHC", "Quý I/2021", "16/03/2021", "3/5", 2, 1, 2, EXPECTED_PHOTOS,
      EXPECTED_TOTALS.pano, EXPECTED_TOTALS.ap_phich, EXPECTED_TOTALS.tin_bai,
    ]);
    // The one-off task asks for no indicator: its cells stay empty rather than 0.
    expect(rowValues(summary, 7).slice(0, 9)).toEqual([2, "Xây dựng kế hoạch tuyên truyền CCHC năm 2021", "", "09/02/2021", "5/5", 4, 1, 0, 0]);
    expect(summary.getCell("J7").value).toBeNull();
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
  });

  it("lists units with status, local times, references, files and a hand-checked totals row", async () => {
    const wb = await open(await renderRollupXlsx(fixtureView(), vi));
    const sheet = wb.getWorksheet("BC_QUY Quý I-2021")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const headers = rowValues(sheet, 1);
    expect(headers).toEqual([
      "STT", "Đơn vị", "Nhóm", "Trạng thái", "Thời gian nộp", "Người nộp",
      "Pa nô (cái)", "Áp phích (tờ)", "Tin bài (tin)", "Văn bản", "Số ảnh", "Tệp minh chứng",
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(rowValues(sheet, 2)).toEqual([
      1, "UBND xã Thạch Bình", "xa", "Đúng hạn", "10/03/2021 09:15", "Nguyễn Thị Lan", 12, 30, 3,
      "15/KH-UBND (05/02/2021)", 2, "",
    ]);
    expect(rowValues(sheet, 3).slice(1, 5)).toEqual(["UBND xã Thành Vinh", "xa", "Muộn", "18/03/2021 15:40"]);
    expect(rowValues(sheet, 4).slice(4, 5)).toEqual(["15/03/2021 06:30"]);
    expect(sheet.getCell("J4").value).toBe("08/BC-UBND (14/03/2021); 12/KH-UBND");
    expect(sheet.getCell("L4").value).toBe("bao-cao.pdf");
    expect(rowValues(sheet, 5).slice(1, 4)).toEqual(["UBND xã Thạch Định", "xa", "Chưa báo cáo"]);
    expect(sheet.getCell("G5").value).toBeNull();

    const units = [2, 3, 4, 5, 6].map((r) => sheet.getCell(`B${r}`).value);
    expect(units).toEqual(UNIT_NAMES);
    const total = sheet.getRow(7);
    expect(total.getCell(2).value).toBe("Tổng cộng");
    expect(total.getCell(4).value).toBe("3/5");
    expect([total.getCell(7).value, total.getCell(8).value, total.getCell(9).value]).toEqual([37, 75, 14]);
    expect(total.getCell(11).value).toBe(6);
    // The totals row agrees with the sum of the unit rows.
    for (const col of [7, 8, 9]) {
      const sum = [2, 3, 4, 5, 6].reduce((s, r) => s + Number(sheet.getRow(r).getCell(col).value ?? 0), 0);
      expect(total.getCell(col).value).toBe(sum);
    }
    expect(total.font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(7);

    // Widths follow content: the unit column is wider than the index column, long columns are capped.
    expect(sheet.getColumn(2).width!).toBeGreaterThanOrEqual("UBND thị trấn Kim Tân".length);
    expect(sheet.getColumn(1).width!).toBeLessThan(sheet.getColumn(2).width!);
    for (let c = 1; c <= headers.length; c++) expect(sheet.getColumn(c).width!).toBeLessThanOrEqual(50);
  });

  it("makes sheet names valid and unique", async () => {
    const weird = (code: string): TaskRollup => ({ ...quarterlyTask(), taskCode: code, periodLabel: "Tháng 3/2021 [đợt 1]: *?" });
    const long = "BAO_CAO_RAT_DAI_VUOT_QUA_GIOI_HAN_BA_MUOI_MOT";
    const wb = await open(await renderRollupXlsx(fixtureView([weird(long), weird(long), weird("Tổng hợp"), oneOffTask()]), vi));
    const names = wb.worksheets.map((s) => s.name);
    expect(names).toHaveLength(5);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(5);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(names[2]).toMatch(/ \(2\)$/);
  });

  it("uses the English locale for headers", async () => {
    const wb = await open(await renderRollupXlsx(fixtureView(), createTranslator().t("en")));
    expect(wb.worksheets[0]!.name).toBe("Summary");
    expect(rowValues(wb.worksheets[1]!, 1).slice(0, 4)).toEqual(["No.", "Unit", "Groups", "Status"]);
    expect(wb.worksheets[1]!.getCell("D2").value).toBe("On time");
  });
});
