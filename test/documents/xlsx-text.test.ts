import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { xlsxText } from "../../src/documents/xlsx-text.js";

/** A workbook as Excel writes it (shared strings, numbers, an empty cell, a second sheet). */
async function workbook(rows: (string | number | null)[][], second?: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Quý IV");
  for (const row of rows) sheet.addRow(row);
  if (second) for (const row of second) wb.addWorksheet("Ghi chú").addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("xlsxText: an officer's report sent as a workbook reads as a pasted table", () => {
  it("reads the first sheet's rows as '| … |' lines, empty cells kept so columns line up", async () => {
    const data = await workbook(
      [
        ["BIỂU TỔNG HỢP KẾT QUẢ TUYÊN TRUYỀN QUÝ IV/2026"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Số lượng"],
        [1, "Pa nô", "cái", 12],
        [2, "Băng rôn, khẩu hiệu", null, 30],
        [3, "Tỷ lệ", "%", 0.35],
      ],
      [["không đọc sheet này", 99]],
    );
    expect(xlsxText(data)).toBe(
      [
        "| BIỂU TỔNG HỢP KẾT QUẢ TUYÊN TRUYỀN QUÝ IV/2026 |",
        "| STT | Chỉ tiêu | ĐVT | Số lượng |",
        "| 1 | Pa nô | cái | 12 |",
        "| 2 | Băng rôn, khẩu hiệu |  | 30 |",
        "| 3 | Tỷ lệ | % | 0.35 |",
      ].join("\n"),
    );
  });

  it("gives no text for an empty sheet, and throws nothing a caller cannot catch for a broken file", async () => {
    expect(xlsxText(await workbook([]))).toBe("");
    expect(() => xlsxText(Buffer.from("PK\u0003\u0004 not really a zip"))).toThrow();
  });
});
