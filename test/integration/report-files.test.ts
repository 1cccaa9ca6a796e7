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
const thachDinh = { id: -8202, type: "supergroup" as const, title: "Xã Thạch Định" };
const hung = { id: 822, first_name: "Hùng" };

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
    await registerOfficer(h, "XA_THACH_DINH", hung, thachDinh);
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

  describe("the signed file sent just after the report in chat", () => {
    const sendAs = async (data: Buffer, name: string) =>
      (
        await h.say(hung, thachDinh, "", {
          document: { data, file_name: name, mime_type: "application/octet-stream" },
        })
      ).join("\n---\n");
    const sayAs = async (text: string) => (await h.say(hung, thachDinh, text)).join("\n---\n");
    const latest = async () => {
      const unit = (await h.app.repos.units.findByCode("XA_THACH_DINH"))!;
      return (await h.app.repos.reports.listForUnit(unit.id))[0];
    };

    it("figures the file gives otherwise are shown, and 'có' records them as the next revision", async () => {
      h.clock.set("2021-03-11T02:00:00Z");
      expect(await sayAs("bc quý 1: treo 10 pa nô, 30 băng rôn, 2 hội nghị 150 người")).toContain("✅ Đã ghi nhận");
      h.clock.set("2021-03-11T02:03:00Z");
      const asked = await sendAs(await planDocx(REPORT), "bc-ky-so.docx");
      expect(asked).toContain("📎 Đã thêm minh chứng vào báo cáo của UBND xã Thạch Định");
      expect(asked).toContain("📄 Đã đọc tệp «bc-ky-so.docx»: số liệu trong tệp khác báo cáo vừa gửi:");
      expect(asked).toContain("• Pa nô: 12 cái (báo cáo ghi 10)");
      expect(asked).toContain("• Lượt phát thanh: 24 lượt (báo cáo chưa có)");
      expect(asked).not.toContain("Băng rôn");
      expect((await latest()).values.pano).toBe(10);
      const updated = await sayAs("có");
      expect(updated).toContain("lần 2");
      const report = await latest();
      expect(report.values).toMatchObject({ pano: 12, bang_ron: 30, hoi_nghi: 2, nguoi_tham_du: 150, phat_thanh: 24 });
      const files = await h.app.repos.attachments.listForReports([report.id]);
      expect(files.map((f) => f.fileName)).toEqual(["bc-ky-so.docx"]);
    });

    it("'không' keeps the report; a file with the report's own figures is only said to match", async () => {
      h.clock.set("2021-03-11T03:00:00Z");
      await sayAs("bc quý 1 bổ sung: pa nô 11");
      h.clock.set("2021-03-11T03:02:00Z");
      const asked = await sendAs(await planDocx(REPORT.replace("12 pa nô", "13 pa nô")), "bc-sua.docx");
      expect(asked).toContain("• Pa nô: 13 cái (báo cáo ghi 11)");
      expect(await sayAs("không")).toContain("Đã giữ nguyên báo cáo; tệp vẫn được lưu làm minh chứng.");
      expect((await latest()).values.pano).toBe(11);

      h.clock.set("2021-03-11T04:00:00Z");
      await sayAs("bc quý 1: pa nô 12, băng rôn 30, hội nghị 2, người dự 150, phát thanh 24");
      h.clock.set("2021-03-11T04:01:00Z");
      const same = await sendAs(await planDocx(REPORT), "bc-goc.docx");
      expect(same).toContain("📄 Số liệu trong tệp «bc-goc.docx» khớp với báo cáo.");
      expect(same).not.toContain("cập nhật");
    });

    it("an unanswered offer ends with the report kept and the officer told so", async () => {
      h.clock.set("2021-03-11T05:00:00Z");
      await sayAs("bc quý 1: pa nô 14");
      h.clock.set("2021-03-11T05:01:00Z");
      expect(await sendAs(await planDocx(REPORT), "bc-cuoi.docx")).toContain("• Pa nô: 12 cái (báo cáo ghi 14)");
      const before = h.fake.sent(thachDinh.id).length;
      h.clock.set("2021-03-11T06:00:00Z");
      await h.app.scheduler.tick();
      await h.fake.waitForSent(before + 1, thachDinh.id, 10_000);
      const notice = h.fake
        .sent(thachDinh.id)
        .slice(before)
        .map((m) => m.text)
        .join("\n");
      expect(notice).toContain("⚠️ Số liệu trong tệp gửi kèm báo cáo chưa được cập nhật");
      expect(notice).not.toContain("chưa chọn nhiệm vụ");
      expect((await latest()).values.pano).toBe(14);
      const files = await h.app.repos.attachments.listForReports([(await latest()).id]);
      expect(files.map((f) => f.fileName)).toContain("bc-cuoi.docx");
    });
  });
});
