import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentPath } from "../../src/core/file-paths.js";
import { eachDatabase } from "../support/databases.js";
import { ADMIN, type Harness, importSamplePlan, registerOfficer, startHarness } from "../support/harness.js";
import { planDocx } from "../support/plan-documents.js";

const adminChat = { id: ADMIN.id, type: "private" as const };
const thachBinh = { id: -3001, type: "supergroup" as const, title: "Xã Thạch Bình" };
const thanhVinh = { id: -3002, type: "supergroup" as const, title: "Xã Thành Vinh" };
const lan = { id: 401, first_name: "Lan", last_name: "Nguyễn" };
const minh = { id: 402, first_name: "Minh" };
const leader = { id: 403, first_name: "Chủ tịch", username: "chutich" };

/** A minimal JPEG with an EXIF DateTimeOriginal, distinct per seed. */
function jpeg(seed: number, exifTime = "2021:02:05 09:12:44"): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4 + 20);
  tiff.write("II", 0);
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x0132, 10); // DateTime
  tiff.writeUInt16LE(2, 12);
  tiff.writeUInt32LE(20, 14);
  tiff.writeUInt32LE(26, 18);
  tiff.write(`${exifTime}\0`, 26, "latin1");
  const app1 = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const header = Buffer.from([0xff, 0xd8, 0xff, 0xe1, (app1.length + 2) >> 8, (app1.length + 2) & 0xff]);
  return Buffer.concat([header, app1, Buffer.from([0xff, 0xd9, seed & 0xff, (seed >> 8) & 0xff])]);
}

let h: Harness;
let reminderMessageId: number;

eachDatabase("reports", ({ fresh }) => {
  beforeAll(async () => {
    h = await startHarness({ now: "2021-03-10T01:00:00Z", env: { DATABASE_URL: await fresh() } }); // Wed 10/03/2021 08:00: the quarterly T−3 reminder is due
    await importSamplePlan(h);
    for (const [unit, chat, officer] of [
      ["XA_THACH_BINH", thachBinh, lan],
      ["XA_THANH_VINH", thanhVinh, minh],
    ] as const) {
      await registerOfficer(h, unit, officer, chat);
    }
    await h.say(leader, { id: leader.id, type: "private" }, "/start");
    await h.say(ADMIN, adminChat, "/quyen @chutich leader");
    // The one-off commune task was due 09/02; close it so the quarterly report is the only open task.
    for (const unit of ["XA_THACH_BINH", "XA_THANH_VINH"]) {
      const u = (await h.app.repos.units.findByCode(unit))!;
      for (const a of await h.app.repos.assignments.listOpenForUnit(u.id))
        if (a.task.code !== "BC_QUY_CCHC" || a.occurrence.periodKey !== "2021-Q1")
          await h.app.repos.assignments.setStatus(a.id, "excused");
    }
    // A tick the registrations started may still run (longer on PostgreSQL): waited for, then one of our own.
    await h.app.scheduler.tick();
    await h.app.scheduler.tick();
    const reminder = h.fake.sent(thachBinh.id).find((s) => s.text?.includes("Báo cáo quý kết quả tuyên truyền"));
    expect(reminder?.text).toContain("Quý I/2021");
    reminderMessageId = reminder!.message_id;
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  describe("reports in Vietnamese chat", () => {
    it("a reply to the reminder that only announces the report ('dạ em gửi bc ạ') asks for its content, recording nothing", async () => {
      const reminder = h.fake.sent(thanhVinh.id).find((s) => s.text?.includes("Báo cáo quý kết quả tuyên truyền"));
      const [reply] = await h.say(minh, thanhVinh, "dạ em gửi bc ạ", { reply_to_message_id: reminder!.message_id });
      expect(reply).toContain("📝 Tin nhắn trên chưa có nội dung báo cáo nên chưa được ghi nhận.");
      expect(reply).toContain("nhiệm vụ #2 (Quý I/2021)");
      const unit = (await h.app.repos.units.findByCode("XA_THANH_VINH"))!;
      expect(await h.app.repos.reports.listForUnit(unit.id)).toHaveLength(0);
      // the same reply with the report as a file: the file is read and its figures offered
      const [offered] = await h.say(minh, thanhVinh, "", {
        caption: "dạ em gửi bc ạ",
        reply_to_message_id: reminder!.message_id,
        document: {
          data: await planDocx("UBND XÃ THÀNH VINH\nBÁO CÁO QUÝ I/2021\nTreo 7 pa nô, 20 băng rôn."),
          file_name: "bc.docx",
          mime_type: "application/octet-stream",
        },
      });
      expect(offered).toContain("📄 Đã đọc tệp «bc.docx». Số liệu đọc được:\n• Pa nô: 7 cái");
      expect((await h.say(minh, thanhVinh, "không")).join("")).toContain("Đã bỏ qua");
      expect(await h.app.repos.reports.listForUnit(unit.id)).toHaveLength(0);
    });

    it("reminder → reply with text and an album of 3 photos → one report with 3 stored photos", async () => {
      const before = h.fake.sent(thachBinh.id).length;
      h.fake.sendUserMessage({
        from: lan,
        chat: thachBinh,
        caption:
          "Xa Thach Binh bao cao: da treo 12 pa no, 30 bang ron khau hieu, dang 5 tin bai, phat thanh muoi hai buoi",
        reply_to_message_id: reminderMessageId,
        photo: jpeg(1),
        media_group_id: "album-1",
      });
      h.fake.sendUserMessage({ from: lan, chat: thachBinh, photo: jpeg(2), media_group_id: "album-1" });
      h.fake.sendUserMessage({ from: lan, chat: thachBinh, photo: jpeg(3), media_group_id: "album-1" });
      await h.fake.waitForSent(before + 2, thachBinh.id, 8000);
      const [confirmation, summary] = h.fake
        .sent(thachBinh.id)
        .slice(before)
        .map((s) => s.text!);
      expect(confirmation).toContain("Đã ghi nhận báo cáo của UBND xã Thạch Bình");
      expect(confirmation).toContain("• Pa nô: 12 cái");
      expect(confirmation).toContain("• Băng rôn, khẩu hiệu: 30 cái");
      expect(confirmation).toContain("• Tin bài: 5 tin");
      expect(confirmation).toContain("• Lượt phát thanh: 12 lượt");
      expect(confirmation).toContain("Nộp đúng hạn (hạn Thứ Hai, 15/03/2021)");
      expect(summary).toContain("tổng 3 ảnh");

      const unit = (await h.app.repos.units.findByCode("XA_THACH_BINH"))!;
      const reports = await h.app.repos.reports.listForUnit(unit.id);
      expect(reports).toHaveLength(1);
      expect(reports[0].values).toEqual({ pano: 12, bang_ron: 30, tin_bai: 5, phat_thanh: 12 });
      const files = await h.app.repos.attachments.listForReports([reports[0].id]);
      expect(files.map((f) => f.kind)).toEqual(["photo", "photo", "photo"]);
      expect(new Set(files.map((f) => f.sha256)).size).toBe(3);
      for (const f of files)
        expect(readFileSync(attachmentPath(h.dataDir, f.sha256)).subarray(0, 3)).toEqual(
          Buffer.from([0xff, 0xd8, 0xff]),
        );
      // EXIF DateTime has no zone: 09:12:44 on the camera is 09:12:44 in Asia/Ho_Chi_Minh.
      expect(files[0].capturedAt?.toISOString()).toBe("2021-02-05T02:12:44.000Z");
      const [a] = await h.app.repos.assignments
        .listForOccurrence(
          reports[0].assignmentId ? (await h.app.repos.assignments.findView(reports[0].assignmentId))!.occurrenceId : 0,
        )
        .then((all) => all.filter((x) => x.unitId === unit.id));
      expect(a.status).toBe("submitted");
    });

    it("/sua changes a value and /lichsu shows both revisions", async () => {
      const [fixed] = await h.say(lan, thachBinh, "/sua pa nô 15");
      expect(fixed).toContain("Đã sửa báo cáo của UBND xã Thạch Bình");
      expect(fixed).toContain("• Pa nô: 15 cái");
      expect(fixed).toContain("• Băng rôn, khẩu hiệu: 30 cái");
      const [history] = await h.say(lan, thachBinh, "/lichsu");
      expect(history).toContain("Lần 1");
      expect(history).toMatch(/Lần 1 \([^)]*\): Pa nô: 12 cái/);
      expect(history).toMatch(/Lần 2 \([^)]*\): Pa nô: 15 cái/);
      const [leaderView] = await h.say(leader, { id: leader.id, type: "private" }, "/lichsu XA_THACH_BINH");
      expect(leaderView).toContain("Lần 2");
    });

    it("an officer of another unit cannot report for this one", async () => {
      const [refused] = await h.say(minh, thachBinh, "/baocao 99 pa nô");
      expect(refused).toContain(
        "Đồng chí là cán bộ của UBND xã Thành Vinh, không báo cáo hay xem báo cáo thay cho UBND xã Thạch Bình",
      );
      const unit = (await h.app.repos.units.findByCode("XA_THACH_BINH"))!;
      expect((await h.app.repos.reports.latestForUnit(unit.id))?.values.pano).toBe(15);
    });

    it("takes plain report text, marks dates and document numbers as references, and picks the open task whose indicators it names", async () => {
      await h.say(ADMIN, adminChat, "/giao XA_THANH_VINH 20/03/2021 Báo cáo nhanh tình hình tuyên truyền");
      // Two tasks are open, but only the quarterly report counts pa nô: no question.
      const [confirmation] = await h.say(
        minh,
        thanhVinh,
        "bc: da ban hanh ke hoach so 15/KH-UBND ngay 05/02/2021, treo 8 pano, lien he 0912345678",
      );
      expect(confirmation).toContain("Đã ghi nhận báo cáo của UBND xã Thành Vinh");
      expect(confirmation).toMatch(/nhiệm vụ #\d+: Báo cáo quý/);
      expect(confirmation).toContain("• Pa nô: 8 cái");
      expect(confirmation).toContain("Văn bản: số 15/KH-UBND ngày 05/02/2021");
      expect(confirmation).not.toContain("912");
    });

    it("accepts late reports and marks them late", async () => {
      h.clock.set("2021-03-17T03:00:00Z");
      const [confirmation] = await h.say(minh, thanhVinh, "/baocao #2 tổ chức 2 hội nghị, 150 người tham dự");
      expect(confirmation).toContain("Đã cập nhật báo cáo của UBND xã Thành Vinh (lần 2)");
      const [late] = await h.say(minh, thanhVinh, "Báo cáo nhanh: đã đăng 4 tin bài trên fanpage");
      expect(late).toContain("nhiệm vụ #");
    });

    it("the same figures sent again are not a new revision; a changed figure is", async () => {
      const unit = (await h.app.repos.units.findByCode("XA_THANH_VINH"))!;
      const report = (await h.app.repos.reports.listForUnit(unit.id)).find((r) => r.values.hoi_nghi === 2)!;
      const before = await h.app.repos.reports.revisions(report.id);
      // the officer thought the first message lost and sends it again, typed another way
      const [again] = await h.say(minh, thanhVinh, "/baocao #2 to chuc 2 hoi nghi, 150 nguoi tham du a");
      expect(again).toContain("đã có đúng các số liệu này (lần 2,");
      expect(again).toContain("không ghi thêm lần mới");
      expect(again).toContain("• Hội nghị, tập huấn: 2 cuộc");
      expect(again).not.toContain("Đã cập nhật");
      expect(await h.app.repos.reports.revisions(report.id)).toHaveLength(before.length);
      const [changed] = await h.say(minh, thanhVinh, "/baocao #2 tổ chức 2 hội nghị, 160 người tham dự");
      expect(changed).toContain("Đã cập nhật báo cáo của UBND xã Thành Vinh (lần 3)");
      expect(await h.app.repos.reports.revisions(report.id)).toHaveLength(before.length + 1);
    });

    it("keeps the report text when a file is too large or not what it claims to be", async () => {
      const [reply] = await h.say(lan, thachBinh, "", {
        caption: "/baocao #2 thêm 2 áp phích",
        document: { data: Buffer.from("MZ this is an exe"), file_name: "anh.jpg", mime_type: "image/jpeg" },
      });
      expect(reply).toContain("không phải ảnh, video, PDF, Word hay Excel");
      expect(reply).toContain("Đã cập nhật báo cáo");
      const before = h.fake.sent(thachBinh.id).length;
      h.fake.sendUserMessage({
        from: lan,
        chat: thachBinh,
        caption: "/baocao #2 áp phích 4",
        document: {
          data: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(11 * 1024 * 1024)]),
          file_name: "ke-hoach.pdf",
          mime_type: "application/pdf",
        },
      });
      await h.fake.waitForSent(before + 1, thachBinh.id, 8000);
      const big = h.fake.sent(thachBinh.id).at(-1)!.text!;
      expect(big).toContain("vượt quá 10 MB");
      expect(big).toContain("• Áp phích: 4 cái");
    });

    it("photos sent alone within 10 minutes join the report; a PDF is evidence", async () => {
      const pdf = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF");
      const [reply] = await h.say(lan, thachBinh, "", {
        document: { data: pdf, file_name: "ke-hoach-15.pdf", mime_type: "application/pdf" },
      });
      expect(reply).toContain("tổng 3 ảnh, 1 tệp");
      // The same photo again is named, not counted twice (issue 19).
      const [dup] = await h.say(lan, thachBinh, "", { photo: jpeg(1) });
      expect(dup).toContain("📎 Ảnh này đã có trong báo cáo #2");
      expect(dup).toContain("không tính thêm");
      const [report] = await h.app.repos.reports.listForUnit((await h.app.repos.units.findByCode("XA_THACH_BINH"))!.id);
      expect(await h.app.repos.attachments.listForReports([report.id])).toHaveLength(4);
      expect(existsSync(h.dataDir)).toBe(true);
    });

    it("never answers hostile text with a crash or silence in a private chat", async () => {
      const hostile = [
        "\u0000\u0007\u202e",
        "🎉".repeat(3000),
        "/baocao " + "9".repeat(400),
        "/sua",
        "/baocao -5 pa nô 1e99",
        "x".repeat(10_000),
      ];
      for (const text of hostile) {
        const replies = await h.say(lan, { id: lan.id, type: "private" }, text);
        expect(replies.length, text.slice(0, 20)).toBeGreaterThan(0);
        for (const r of replies) expect(r.length).toBeLessThanOrEqual(4096);
      }
      expect(h.logger.errors).toEqual([]);
    });
  });
});
