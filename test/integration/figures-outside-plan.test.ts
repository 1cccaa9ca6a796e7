import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openQuestion } from "../../src/core/reports/pending-question.js";
import { type Harness, importSamplePlan, registerOfficer, startHarness } from "../support/harness.js";

// The 2026 plan's quarterly report asks for 7 indicators; officers also report others they count
// (cụm cổ động, tờ rơi): the confirmation says those are not in the plan instead of "unclear".
describe("figures for indicators the plan does not ask for", () => {
  let h: Harness;
  const group = { id: -7101, type: "supergroup" as const, title: "Xã Đồng Tâm" };
  const lan = { id: 7101, first_name: "Lan" };
  const tanLap = { id: -7102, type: "supergroup" as const, title: "Xã Tân Lập" };
  const minh = { id: 7102, first_name: "Minh" };
  const hoaBinh = { id: -7103, type: "supergroup" as const, title: "Xã Hòa Bình" };
  const tuan = { id: 7103, first_name: "Tuấn" };
  const quyetThang = { id: -7104, type: "supergroup" as const, title: "Xã Quyết Thắng" };
  const ha = { id: 7104, first_name: "Hà" };

  beforeAll(async () => {
    h = await startHarness({ now: "2026-11-20T02:00:00Z" });
    await importSamplePlan(h, "plans/so-vhttdl-2026.yaml");
    await registerOfficer(h, "X_DONG_TAM", lan, group);
    await registerOfficer(h, "X_TAN_LAP", minh, tanLap);
    await registerOfficer(h, "X_HOA_BINH", tuan, hoaBinh);
    await registerOfficer(h, "X_QUYET_THANG", ha, quyetThang);
  }, 60_000);
  afterAll(() => h?.close());

  it("records the task's figures and says the others are outside the plan, not unclear", async () => {
    const reply = (await h.say(lan, group, "đã dựng 2 cụm cổ động, đăng 3 tin bài")).join("\n");
    expect(reply).toContain("• Tin bài: 3 tin");
    expect(reply).toContain("• 2 cụm cổ động: kế hoạch không có chỉ tiêu này nên chưa ghi.");
    expect(reply).not.toContain("Chưa xác định được");
    const unit = (await h.app.repos.units.findByCode("X_DONG_TAM"))!;
    const [report] = await h.app.repos.reports.listForUnit(unit.id);
    expect(report.values).toEqual({ tin_bai: 3 });
  });

  it("answers a message whose only figures are outside the plan, instead of staying silent", async () => {
    // The officer's first message in the group: nothing before it makes it a report.
    const reply = (
      await h.say(
        minh,
        tanLap,
        "e gui nham so thang 11 vao muc thang 12 a. Dung thang 12 la: ap phich 7, cum co dong 1",
      )
    ).join("\n");
    expect(reply).toContain("• 7 áp phích, 1 cụm cổ động: kế hoạch không có chỉ tiêu này nên chưa ghi.");
    // nothing the task records: no empty report that would show the unit as having reported
    expect(reply).toContain("Chưa ghi báo cáo của UBND xã Tân Lập — nhiệm vụ #2 (Quý IV/2026):");
    expect(reply).toContain("Nhiệm vụ #2 ghi các chỉ tiêu: pa nô, băng rôn, khẩu hiệu, tin bài,");
    const unit = (await h.app.repos.units.findByCode("X_TAN_LAP"))!;
    expect(await h.app.repos.reports.listForUnit(unit.id)).toEqual([]);
    const [open] = await h.app.repos.assignments.listOpenForUnit(unit.id);
    expect(open?.status).toBe("open");
  });

  it("says a task number with nothing open is not open, and offers what is: '1' files the text kept", async () => {
    const reply = (await h.say(ha, quyetThang, "e gui sl nhiem vu 3 quy 4 a: phat thanh 28 luot")).join("\n");
    expect(reply).toContain(
      "UBND xã Quyết Thắng không có kỳ báo cáo nào đang mở của nhiệm vụ #3 (không có nhiệm vụ số này, hoặc kỳ báo cáo đã kết thúc), nên nội dung trên chưa được ghi.\nBáo cáo này cho nhiệm vụ nào?",
    );
    expect(reply).toMatch(/\n1\. Báo cáo quý .*\(Quý IV\/2026\)/);
    expect(reply).not.toContain("không có nhiệm vụ nào đang mở");
    const unit = (await h.app.repos.units.findByCode("X_QUYET_THANG"))!;
    expect(await h.app.repos.reports.listForUnit(unit.id)).toEqual([]);
    const answered = (await h.say(ha, quyetThang, "1")).join("\n");
    expect(answered).toContain("✅ Đã ghi nhận báo cáo của UBND xã Quyết Thắng — nhiệm vụ #2");
    expect((await h.app.repos.reports.listForUnit(unit.id))[0]?.values).toEqual({ phat_thanh: 28 });
  });

  it("offers the latest report when a task number has nothing and nothing is open: '1' revises it", async () => {
    // Quyết Thắng reported #2 above and has nothing open; "nv 3" is a number it has no task of.
    const reply = (await h.say(ha, quyetThang, "nv 3: pano 1, bang ron 4")).join("\n");
    expect(reply).toContain("không có kỳ báo cáo nào đang mở của nhiệm vụ #3");
    expect(reply).toMatch(/Báo cáo này cho nhiệm vụ nào\?[\s\S]*\n1\. Báo cáo quý .*\(Quý IV\/2026\)/);
    expect(reply).not.toContain("Hiện không có nhiệm vụ nào đang mở");
    const answered = (await h.say(ha, quyetThang, "1")).join("\n");
    expect(answered).toContain("✅ Đã cập nhật báo cáo của UBND xã Quyết Thắng (lần 2) — nhiệm vụ #2");
    const unit = (await h.app.repos.units.findByCode("X_QUYET_THANG"))!;
    expect((await h.app.repos.reports.listForUnit(unit.id))[0]?.values).toMatchObject({ pano: 1, bang_ron: 4 });
  });

  it("settles the question a withheld answer came through: nothing is left waiting to expire", async () => {
    const asked = (await h.say(tuan, hoaBinh, "quý 3 xã em phát 200 tờ rơi ạ")).join("\n");
    expect(asked).toContain("Báo cáo này cho nhiệm vụ nào?");
    const answered = (await h.say(tuan, hoaBinh, "1")).join("\n");
    expect(answered).toContain("Chưa ghi báo cáo của UBND xã Hòa Bình — nhiệm vụ #2 (Quý IV/2026):");
    expect(answered).toContain("• 200 tờ rơi: kế hoạch không có chỉ tiêu này nên chưa ghi.");
    const who = { channel: "telegram" as const, chatId: String(hoaBinh.id), userId: String(tuan.id) };
    expect(await openQuestion(h.app.repos, who, h.clock.now())).toBeNull();
  });
});
