import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planScheduledRollup, renderScheduledRollup } from "../../src/features/rollups.js";
import { eachDatabase } from "../support/databases.js";
import type { FakeFilePart } from "../support/fake-telegram-server.js";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";
import { unzip } from "../support/unzip.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const PLAN = `
plan:
  number: 20/KH-UBND
  date: 2021-01-29
  title: Kế hoạch tuyên truyền cải cách hành chính năm 2021
  issuer: Phòng Văn hóa và Thông tin
  parent_issuer: UBND huyện Thạch Thành
  place: Thạch Thành
units:
  - { code: XA_THACH_BINH, name: "UBND xã Thạch Bình", kind: xa, tags: [xa] }
  - { code: XA_THANH_VINH, name: "UBND xã Thành Vinh", kind: xa, tags: [xa] }
  - { code: XA_THACH_DINH, name: "UBND xã Thạch Định", kind: xa, tags: [xa] }
  - { code: XA_NGOC_TRAO, name: "UBND xã Ngọc Trạo", kind: xa, tags: [xa] }
  - { code: TT_KIM_TAN, name: "UBND thị trấn Kim Tân", kind: xa, tags: [xa, thi-tran] }
indicators:
  pano: { label: "Pa nô", measure: "cái", synonyms: ["pa nô", "pano"] }
  tin_bai: { label: "Tin, bài", measure: "tin/bài", synonyms: ["tin bài"] }
tasks:
  - code: BC_THANG
    title: "Báo cáo tháng kết quả tuyên truyền"
    targets: [xa]
    periodic: { every: month, day: 25, start: 2021-01-01, end: 2021-12-31 }
    indicators: [pano, tin_bai]
`;

const adminChat = { id: ADMIN.id, type: "private" as const };
const rollupGroup = { id: -1009, type: "supergroup" as const, title: "Phòng VHTT - Tổng hợp" };
const leader = { id: 301, first_name: "Tuấn", last_name: "Lê", username: "tuan_ld" };
const leaderChat = { id: leader.id, type: "private" as const };
const member = { id: 302, first_name: "Mai" };

let h: Harness;

/** Sends a command and returns everything the bot sent to that chat for it (texts, photos, documents). */
async function run(
  from: typeof leader,
  chat: { id: number; type: "private" | "group" | "supergroup"; title?: string },
  text: string,
) {
  const before = h.fake.sent(chat.id).length;
  await h.say(from, chat, text);
  return h.fake.sent(chat.id).slice(before);
}

async function submit(
  unitCode: string,
  occurrenceId: number,
  at: string,
  values: Record<string, number>,
  text: string,
): Promise<number> {
  const views = await h.app.repos.assignments.listForOccurrence(occurrenceId);
  const a = views.find((v) => v.unit.code === unitCode)!;
  const report = await h.app.repos.reports.create({
    assignmentId: a.id,
    unitId: a.unitId,
    authorChannel: "telegram",
    authorUserId: "900",
    authorName: "Cán bộ xã",
    text,
    values,
    references: [],
    unclear: [],
    late: new Date(at) > a.dueAt,
    sourceChatId: "-2000",
    sourceMessageId: "1",
    mediaGroupId: null,
    createdAt: new Date(at),
  });
  await h.app.repos.assignments.setStatus(a.id, "submitted", new Date(at));
  return report.id;
}

eachDatabase("rollups", ({ fresh }) => {
  beforeAll(async () => {
    // The bot loads its renderers on first use (about a second); load them here so the harness's
    // quiet-period wait times the bot's answers, not module loading.
    await Promise.all([
      import("../../src/render/chart.js"),
      import("../../src/render/xlsx.js"),
      import("../../src/render/docx.js"),
    ]);
    h = await startHarness({ now: "2021-02-01T02:00:00Z", env: { DATABASE_URL: await fresh() } });
    const [imported] = await h.say(ADMIN, adminChat, "", {
      caption: "/nhapkehoach",
      document: { data: Buffer.from(PLAN), file_name: "ke-hoach.yaml", mime_type: "application/x-yaml" },
    });
    expect(imported).toContain("Đã nhập kế hoạch 20/KH-UBND");
    await h.say(leader, leaderChat, "/start");
    expect((await h.say(ADMIN, adminChat, "/quyen @tuan_ld leader"))[0]).toContain("Tuấn");

    const task = (await h.app.repos.tasks.findByCode("BC_THANG"))!;
    const [jan, feb] = await h.app.repos.assignments.listOccurrences(task.id);
    expect([jan.periodKey, feb.periodKey]).toEqual(["2021-01", "2021-02"]);
    // February (due 25/02 23:59): two on time, one late, two missing. January: one report, for comparison.
    const binh = await submit(
      "XA_THACH_BINH",
      feb.id,
      "2021-02-20T03:00:00Z",
      { pano: 12, tin_bai: 3 },
      "Đã treo 12 pa nô, đăng 3 tin bài",
    );
    await submit(
      "XA_THANH_VINH",
      feb.id,
      "2021-02-26T01:00:00Z",
      { pano: 5, tin_bai: 7 },
      "Thành Vinh: 5 pa nô, 7 tin bài",
    );
    await submit("XA_NGOC_TRAO", feb.id, "2021-02-24T09:00:00Z", { pano: 20 }, "Ngọc Trạo treo 20 pa nô");
    await submit(
      "XA_THACH_BINH",
      jan.id,
      "2021-01-20T03:00:00Z",
      { pano: 8, tin_bai: 2 },
      "Tháng 1: 8 pa nô, 2 tin bài",
    );
    await h.app.repos.attachments.add({
      reportId: binh,
      sha256: "ab".repeat(32),
      size: 2048,
      mime: "image/jpeg",
      kind: "photo",
      fileName: "pano.jpg",
      capturedAt: null,
      sourceChannel: "telegram",
      sourceChatId: "-2000",
      sourceMessageId: "2",
    });
    h.clock.set("2021-02-26T02:00:00Z"); // Friday 26/02/2021 09:00 in Vietnam
  });
  afterAll(async () => {
    await h?.close();
  });

  describe("rollups over the Telegram Bot API", () => {
    it("without a rollup group, /tonghop posts in this chat and says how to set one", async () => {
      const sent = await run(leader, leaderChat, "/tonghop");
      expect(sent[0].text).toContain("Chưa có nhóm tổng hợp");
      expect(sent[0].text).toContain("/nhomtonghop");
      // The digest is one message, no chart.
      expect(sent.map((s) => s.method)).toEqual(["sendMessage", "sendMessage"]);
      expect(sent[1].text).toContain("• #1 Báo cáo tháng kết quả tuyên truyền — Tháng 2/2021 — đã quá hạn 1 ngày:");
      expect((await h.say(ADMIN, rollupGroup, "/nhomtonghop"))[0]).toContain(
        "Đã đặt Phòng VHTT - Tổng hợp làm nhóm tổng hợp",
      );
    });

    it("/tonghop in the rollup group posts the digest: the overdue month on one line, its units named the first time", async () => {
      const sent = await run(leader, rollupGroup, "/tonghop");
      expect(sent.map((s) => s.method)).toEqual(["sendMessage"]);
      const text = sent[0].text!;
      expect(text.length).toBeLessThanOrEqual(1200);
      expect(text).toBe(
        [
          "📊 TỔNG HỢP TÌNH HÌNH BÁO CÁO",
          "Kế hoạch số 20/KH-UBND · số liệu lúc 26/02/2021 09:00",
          "",
          "⏰ Quá hạn, còn đơn vị chưa báo cáo (1 kỳ báo cáo):",
          "• #1 Báo cáo tháng kết quả tuyên truyền — Tháng 2/2021 — đã quá hạn 1 ngày: Xã, phường, thị trấn 2/5 chưa báo cáo",
          "  Lần đầu quá hạn (2 đơn vị): UBND xã Thạch Định, UBND thị trấn Kim Tân",
          "Danh sách đầy đủ các đơn vị chưa báo cáo: gửi /tinhhinh kèm số nhiệm vụ (ví dụ /tinhhinh #1) hoặc /xuat (tệp Excel).",
        ].join("\n"),
      );
      // In the rollup group itself the post is the answer: no "sent to the group" confirmation.
      expect(text).not.toContain("Đã gửi bản tổng hợp");
      // Told once: the group's next digest counts them instead of naming them.
      const [again] = (await run(leader, rollupGroup, "/tonghop")).map((s) => s.text ?? "");
      expect(again).toContain("Xã, phường, thị trấn 2/5 chưa báo cáo");
      expect(again).not.toContain("Lần đầu quá hạn");
      expect(again).not.toContain("UBND xã Thạch Định");
    });

    it("/tonghop TASK posts that task's block and its chart", async () => {
      const sent = await run(leader, rollupGroup, "/tonghop BC_THANG");
      const photos = sent.filter((s) => s.method === "sendPhoto");
      expect(photos).toHaveLength(1);
      const png = photos[0].file as FakeFilePart;
      expect(png.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(png.filename).toBe("tong-hop-BC_THANG-2021-02.png");
      expect(photos[0].caption).toBe("Biểu đồ: Báo cáo tháng kết quả tuyên truyền — Tháng 2/2021");
    });

    it("/tonghop from elsewhere posts to the rollup group and confirms", async () => {
      const groupBefore = h.fake.sent(rollupGroup.id).length;
      const [confirm] = await h.say(leader, leaderChat, "/tonghop BC_THANG");
      expect(confirm).toBe("Đã gửi bản tổng hợp vào nhóm tổng hợp: Phòng VHTT - Tổng hợp.");
      const posted = h.fake.sent(rollupGroup.id).slice(groupBefore);
      expect(posted.map((s) => s.method)).toEqual(["sendMessage", "sendPhoto"]);
      const text = posted[0].text!;
      expect(text.length).toBeLessThanOrEqual(1200);
      expect(text).toContain("Hạn: Thứ Năm, 25/02/2021 (đã quá hạn 1 ngày)");
      expect(text).toContain("Đã báo cáo 3/5 đơn vị (đúng hạn 2, muộn 1)");
      // No unit has registered a chat, so the two that did not report were never reminded: not "late".
      expect(text).not.toContain("🔴");
      expect(text).toContain("⚪ Chưa có người nhận nhắc (2 đơn vị, tính riêng, không coi là chậm):");
      // The group was told their names already: counted, with the full list one command away.
      expect(text).toContain(
        "⚪ Chưa có người nhận nhắc (2 đơn vị, tính riêng, không coi là chậm):\n  Đã nêu tên ở bản tổng hợp trước: Xã, phường, thị trấn 2 (danh sách đầy đủ: gửi /tinhhinh #1)",
      );
      expect(text).toContain("🟠 Báo cáo muộn (1): UBND xã Thành Vinh");
      expect(text).toContain("Kết quả (tổng hợp từ 3/5 đơn vị đã báo cáo): Pa nô 37 cái · Tin, bài 10 tin/bài");
      expect(text).toContain("Ảnh minh chứng: 1");
    });

    it("/tinhhinh gives the short status with the missing units by name", async () => {
      const [all] = await h.say(leader, leaderChat, "/tinhhinh");
      expect(all).toContain("Tình hình báo cáo lúc 26/02/2021 09:00:");
      expect(all).toContain(
        "#1 Báo cáo tháng kết quả tuyên truyền (Tháng 2/2021, hạn Thứ Năm, 25/02/2021, đã quá hạn 1 ngày): 3/5 đã báo cáo (2 đúng hạn, 1 muộn). Chưa có người nhận nhắc (2): UBND xã Thạch Định, UBND thị trấn Kim Tân.",
      );
      const [one] = await h.say(ADMIN, adminChat, "/tinhhinh #1");
      expect(one).toContain("3/5 đã báo cáo");
    });

    it("/xuat sends the XLSX with a safe file name, readable by Excel tools", async () => {
      const sent = await run(leader, leaderChat, "/xuat");
      const docs = sent.filter((s) => s.method === "sendDocument");
      expect(docs).toHaveLength(1);
      const file = docs[0].file as FakeFilePart;
      expect(file.filename).toBe("tong-hop-20-KH-UBND-2021-02-26.xlsx");
      expect(docs[0].caption).toContain("Kế hoạch số 20/KH-UBND");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.data as unknown as ArrayBuffer);
      const summary = wb.worksheets[0];
      expect(summary.getCell("A1").value).toBe("Kế hoạch tuyên truyền cải cách hành chính năm 2021");
      expect(String(summary.getCell("A2").value)).toContain(
        "Kế hoạch số 20/KH-UBND ngày 29/01/2021 của UBND huyện Thạch Thành",
      );
      const sheet = wb.worksheets[1];
      expect(sheet.name).toBe("Báo cáo tháng Tháng 2-2021");
      const rows = [5, 6, 7, 8, 9].map((n) => [sheet.getCell(n, 2).value, sheet.getCell(n, 4).value]);
      expect(rows).toEqual([
        ["UBND xã Thạch Bình", "Đúng hạn"],
        ["UBND xã Thành Vinh", "Muộn"],
        ["UBND xã Thạch Định", "Chưa có người nhận nhắc"],
        ["UBND xã Ngọc Trạo", "Đúng hạn"],
        ["UBND thị trấn Kim Tân", "Chưa có người nhận nhắc"],
      ]);
      // Totals row: pa nô 12 + 5 + 20, as a formula.
      expect(sheet.getCell(10, 7).value).toEqual({ formula: "SUM(G5:G9)", result: 37 });

      const named = (await run(leader, leaderChat, "/xuat BC_THANG")).find((s) => s.method === "sendDocument");
      expect((named?.file as FakeFilePart).filename).toBe("tong-hop-20-KH-UBND-BC_THANG-2021-02-26.xlsx");
    });

    it("/baocaodocx sends the draft report naming the units", async () => {
      const sent = await run(leader, leaderChat, "/baocaodocx 1");
      const doc = sent.find((s) => s.method === "sendDocument");
      const file = doc?.file as FakeFilePart;
      expect(file.filename).toBe("bao-cao-20-KH-UBND-BC_THANG-2021-02-26.docx");
      const xml = unzip(file.data).get("word/document.xml")!.toString("utf8");
      expect(xml).toContain("UBND xã Ngọc Trạo");
      expect(xml).toContain("BÁO CÁO");
    });

    it("rollups asked at the same moment are built one at a time, and each arrives", async () => {
      // A build reads its occurrence's assignments first and what the group was told last.
      const { assignments, rollupMentions } = h.app.repos;
      const [listAssignments, listMentions] = [assignments.listForOccurrences, rollupMentions.list];
      let building = 0;
      let most = 0;
      assignments.listForOccurrences = async (ids) => {
        most = Math.max(most, ++building);
        return listAssignments(ids);
      };
      rollupMentions.list = async (ids) => {
        building--;
        return listMentions(ids);
      };
      try {
        const chats = [rollupGroup.id, leaderChat.id, adminChat.id];
        const before = chats.map((id) => h.fake.sent(id).length);
        h.fake.sendUserMessage({ from: leader, chat: rollupGroup, text: "/tonghop 1" });
        h.fake.sendUserMessage({ from: leader, chat: leaderChat, text: "/xuat" });
        h.fake.sendUserMessage({ from: ADMIN, chat: adminChat, text: "/baocaodocx 1" });
        const arrived = () =>
          chats.map((id, i) =>
            h.fake
              .sent(id)
              .slice(before[i]!)
              .map((s) => s.method),
          );
        await expect
          .poll(arrived, { timeout: 20_000 })
          .toEqual([["sendMessage", "sendPhoto"], ["sendDocument"], ["sendDocument"]]);
        expect(most).toBe(1);
      } finally {
        Object.assign(assignments, { listForOccurrences: listAssignments });
        Object.assign(rollupMentions, { list: listMentions });
      }
    });

    it("refuses non-leaders and answers unknown tasks specifically", async () => {
      const [refused] = await h.say(member, rollupGroup, "/tonghop");
      expect(refused).toContain("chỉ dành cho lãnh đạo và quản trị viên");
      const [unknown] = await h.say(leader, leaderChat, "/xuat KHONG_CO");
      expect(unknown).toContain("Không tìm thấy nhiệm vụ «KHONG_CO»");
      expect(unknown).toContain("ví dụ: /xuat #2");
      expect(unknown).toContain("#1 BC_THANG");
      const [unknownNumber] = await h.say(leader, leaderChat, "/tinhhinh #99");
      expect(unknownNumber).toContain("Không tìm thấy nhiệm vụ «#99»");
    });

    it("plans a scheduled rollup for every rollup group with dedupe keys", async () => {
      const deps = { ...h.app.deps, dataDir: h.dataDir };
      const weekly = await planScheduledRollup(deps, {
        now: h.clock.now(),
        key: "rollup:weekly:2021-02-26:p1",
        taskIds: [1],
      });
      expect(weekly.map((p) => [p.to.chatId, p.message.type, p.dedupeKey])).toEqual([
        [String(rollupGroup.id), "text", `rollup:weekly:2021-02-26:p1:telegram:${rollupGroup.id}:0`],
      ]);
      const first = weekly[0].message;
      expect(first.type === "text" && first.text).toContain(
        "• #1 Báo cáo tháng kết quả tuyên truyền — Tháng 2/2021 — đã quá hạn 1 ngày: Xã, phường, thị trấn 2/5 chưa báo cáo",
      );
      const feb = (await h.app.repos.assignments.listOccurrences(1)).find((o) => o.periodKey === "2021-02")!;
      const after = await planScheduledRollup(deps, {
        now: h.clock.now(),
        key: `rollup:after:${feb.id}:p1`,
        occurrenceId: feb.id,
      });
      expect(after.map((p) => p.message.type)).toEqual(["text", "photo"]);
      const photo = after[1].message;
      expect(photo.type === "photo" && Buffer.from(photo.file.data).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      // English when asked, from the same data.
      const en = await renderScheduledRollup(deps, {
        now: h.clock.now(),
        textLimit: 4096,
        language: "en",
        taskIds: [1],
      });
      expect(en[0].type === "text" && en[0].text).toContain(
        "• #1 Báo cáo tháng kết quả tuyên truyền — Tháng 2/2021 — 1 day overdue: Communes and towns 2/5 not reported",
      );
      const enAfter = await renderScheduledRollup(deps, {
        now: h.clock.now(),
        textLimit: 4096,
        language: "en",
        occurrenceId: feb.id,
      });
      expect(enAfter[0].type === "text" && enAfter[0].text).toContain("Reported 3/5 units (on time 2, late 1)");
    });

    it("logged no error", () => {
      expect(h.logger.errors).toEqual([]);
    });
  });
});
