import { afterAll, beforeAll, expect, it } from "vitest";
import { syncAllTasks } from "../../src/core/plans/tasks.js";
import { eachDatabase } from "../support/databases.js";
import { ADMIN, type Harness, importSamplePlan, registerOfficer, startHarness } from "../support/harness.js";

// A report for a period the office already closed (/dongky) is recorded there, late, and the office's
// rollup group is told: it compiled that period without it. Played through Telegram.
const adminChat = { id: ADMIN.id, type: "private" as const };
const rollupGroup = { id: -8100, type: "supergroup" as const, title: "Tổng hợp — Phòng Văn hóa" };
const thachBinh = { id: -8101, type: "supergroup" as const, title: "Xã Thạch Bình" };
const lan = { id: 811, first_name: "Lan" };

eachDatabase("a report for a closed period", ({ fresh }) => {
  let h: Harness;
  const say = async (text: string) => (await h.say(lan, thachBinh, text)).join("\n---\n");
  const noticesSince = (count: number) =>
    h.fake
      .sent(rollupGroup.id)
      .slice(count)
      .map((s) => s.text ?? "")
      .filter((t) => t.startsWith("📥"));

  beforeAll(async () => {
    h = await startHarness({ now: "2021-01-29T01:00:00Z", env: { DATABASE_URL: await fresh() } });
    await importSamplePlan(h);
    await h.say(ADMIN, rollupGroup, "/nhomtonghop");
    await registerOfficer(h, "XA_THACH_BINH", lan, thachBinh);
    h.clock.set("2021-04-20T03:00:00Z");
    await syncAllTasks(h.app.deps);
    expect((await h.say(ADMIN, adminChat, "/dongky #2 quý 1")).join("\n")).toContain("Quý I/2021");
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it("is recorded late in that period, and the office's group gets the figures", async () => {
    const before = h.fake.sent(rollupGroup.id).length;
    const reply = await say("bổ sung quý 1: treo 5 pano, tổ chức 2 hội nghị 150 người");
    expect(reply).toContain("✅ Đã ghi nhận báo cáo của UBND xã Thạch Bình — nhiệm vụ #2");
    expect(reply).toContain("(Quý I/2021)");
    expect(reply).toContain("• Pa nô: 5 cái");
    expect(reply).toContain("Nộp muộn");
    expect(reply).toContain(
      "Kỳ Quý I/2021 đã đóng ngày 20/04/2021: báo cáo này đã được báo tới nhóm tổng hợp của văn phòng.\nNếu số liệu chưa đúng",
    );
    await h.fake.waitForSent(before + 1, rollupGroup.id, 10_000);
    const [notice] = noticesSince(before);
    expect(notice).toContain("📥 Báo cáo gửi sau khi kỳ đã đóng: UBND xã Thạch Bình — nhiệm vụ #2");
    expect(notice).toContain("(Quý I/2021, kỳ đóng ngày 20/04/2021), nộp muộn:");
    expect(notice).toContain("• Pa nô: 5 cái");
    expect(notice).toContain("• Lượt người tham dự: 150 người");
    expect(notice).toContain("/xuat #2");
    const unit = (await h.app.repos.units.findByCode("XA_THACH_BINH"))!;
    const [report] = await h.app.repos.reports.listForUnit(unit.id);
    const a = (await h.app.repos.assignments.findView(report.assignmentId))!;
    expect(a.occurrence.label).toBe("Quý I/2021");
    expect(a.status).toBe("late");
    expect(report.values).toMatchObject({ pano: 5, hoi_nghi: 2, nguoi_tham_du: 150 });
  });

  it("a correction of it is told again, as a revision; the same figures again tell nobody", async () => {
    const before = h.fake.sent(rollupGroup.id).length;
    expect(await say("quý 1 sửa lại pano 6 cái")).toContain("(lần 2)");
    await h.fake.waitForSent(before + 1, rollupGroup.id, 10_000);
    const [notice] = noticesSince(before);
    expect(notice).toContain("📥 Báo cáo được cập nhật sau khi kỳ đã đóng");
    expect(notice).toContain("lần 2:");
    expect(notice).toContain("• Pa nô: 6 cái");
    const after = h.fake.sent(rollupGroup.id).length;
    expect(await say("quý 1 pano 6 cái")).toContain("☑️");
    await h.app.scheduler.tick();
    expect(noticesSince(after)).toEqual([]);
  });

  it("a report naming no period still goes to the open one, with nothing told", async () => {
    const before = h.fake.sent(rollupGroup.id).length;
    const reply = await say("treo 3 băng rôn");
    expect(reply).toContain("(Quý II/2021)");
    expect(reply).not.toContain("đã đóng");
    await h.app.scheduler.tick();
    expect(noticesSince(before)).toEqual([]);
  });
});
