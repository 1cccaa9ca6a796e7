import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncAllTasks } from "../../src/core/plans/tasks.js";
import { type Harness, importSamplePlan, registerOfficer, startHarness } from "../support/harness.js";
import { planDocx, planPdf } from "../support/plan-documents.js";

// A report sent as a file — the signed .docx or its PDF, with no text or under "em gửi bc quý 1 ạ" — is
// read: its figures are offered for recording with the file, never left waiting as evidence of a
// report that never comes. Played through Telegram.
const thachBinh = { id: -8201, type: "supergroup" as const, title: "Xã Thạch Bình" };
const lan = { id: 821, first_name: "Lan" };

const REPORT = [
  "UBND XÃ THẠCH BÌNH",
  "Số: 18/BC-UBND",
  "BÁO CÁO",
  "Kết quả tuyên truyền cải cách hành chính quý I năm 2021",
  "I. KẾT QUẢ THỰC HIỆN",
  "1. Tuyên truyền trực quan: treo 12 pa nô, 30 băng rôn khẩu hiệu tại trung tâm xã và các thôn.",
  "2. Tổ chức 2 hội nghị tuyên truyền với 150 người tham dự.",
  "3. Đài truyền thanh xã phát thanh 24 lượt về cải cách hành chính.",
  "II. PHƯƠNG HƯỚNG QUÝ II",
  "Tiếp tục duy trì tuyên truyền trên hệ thống loa truyền thanh.",
].join("\n");

describe("a report sent as a file", () => {
  let h: Harness;
  let unitId: number;
  const send = async (data: Buffer, name: string, caption = "") =>
    (
      await h.say(lan, thachBinh, "", {
        caption,
        document: { data, file_name: name, mime_type: "application/octet-stream" },
      })
    ).join("\n---\n");
  const say = async (text: string) => (await h.say(lan, thachBinh, text)).join("\n---\n");
  const reports = () => h.app.repos.reports.listForUnit(unitId);

  beforeAll(async () => {
    h = await startHarness({ now: "2021-01-29T01:00:00Z" });
    await importSamplePlan(h);
    await registerOfficer(h, "XA_THACH_BINH", lan, thachBinh);
    unitId = (await h.app.repos.units.findByCode("XA_THACH_BINH"))!.id;
    h.clock.set("2021-03-10T03:00:00Z");
    await syncAllTasks(h.app.deps);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it("a .docx sent alone: its figures are shown and recorded on 'có', with the file", async () => {
    const asked = await send(await planDocx(REPORT), "bc-quy-1.docx");
    expect(asked).toContain("📄 Đã đọc tệp «bc-quy-1.docx». Số liệu đọc được:");
    expect(asked).toContain("• Pa nô: 12 cái");
    expect(asked).toContain("• Lượt người tham dự: 150 người");
    expect(asked).toContain("• Lượt phát thanh: 24 lượt");
    expect(asked).toContain("Văn bản: 18/BC-UBND");
    expect(asked).toContain("báo cáo nhiệm vụ #2: Báo cáo quý kết quả tuyên truyền cải cách hành chính (Quý I/2021)?");
    expect(await reports()).toHaveLength(0);
    const recorded = await say("có");
    expect(recorded).toContain("✅ Đã ghi nhận báo cáo của UBND xã Thạch Bình — nhiệm vụ #2");
    const [report] = await reports();
    expect(report.values).toMatchObject({ pano: 12, bang_ron: 30, hoi_nghi: 2, nguoi_tham_du: 150 });
    const files = await h.app.repos.attachments.listForReports([report.id]);
    expect(files.map((f) => f.fileName)).toEqual(["bc-quy-1.docx"]);
  });

  it("a PDF under 'em gửi bc ạ' an hour later is read the same way; 'không' records nothing", async () => {
    h.clock.set("2021-03-10T04:00:00Z");
    const asked = await send(planPdf(REPORT.replace("12 pa nô", "14 pa nô")), "bao-cao.pdf", "em gửi bc quý 1 ạ");
    expect(asked).toContain("📄 Đã đọc tệp «bao-cao.pdf».");
    expect(asked).toContain("• Pa nô: 14 cái");
    expect(await say("không")).toContain("Đã bỏ qua");
    expect((await reports())[0].values.pano).toBe(12);
  });

  it("an Excel workbook's table is read as the same table pasted into chat", async () => {
    h.clock.set("2021-03-10T06:00:00Z");
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Quý I");
    for (const row of [
      ["BIỂU KẾT QUẢ TUYÊN TRUYỀN CCHC QUÝ I/2021 — XÃ THẠCH BÌNH"],
      ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"],
      [1, "Pa nô", "cái", 10, 13],
      [2, "Tờ rơi", "tờ", 2000, 2500],
    ])
      sheet.addRow(row);
    const asked = await send(Buffer.from(await wb.xlsx.writeBuffer()), "bieu-quy-1.xlsx");
    expect(asked).toContain("📄 Đã đọc tệp «bieu-quy-1.xlsx». Số liệu đọc được:");
    expect(asked).toContain("• Pa nô: 13 cái");
    expect(asked).toContain("• Tờ rơi: 2.500 tờ");
    expect(await say("không")).toContain("Đã bỏ qua");
  });

  it("a document that is no report is asked about as evidence, as before", async () => {
    h.clock.set("2021-03-10T05:00:00Z");
    const reply = await send(
      await planDocx("DANH SÁCH CÁN BỘ\nNguyễn Văn An — công chức văn hóa\nLê Thị Bình — văn phòng"),
      "danh-sach.docx",
    );
    expect(reply).not.toContain("📄");
    expect(reply).toMatch(/Đã nhận 0 ảnh, \d tệp/);
  });
});
