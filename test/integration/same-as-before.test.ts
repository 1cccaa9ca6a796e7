import { afterAll, beforeAll, expect, it } from "vitest";
import { syncAllTasks } from "../../src/core/plans/tasks.js";
import { eachDatabase } from "../support/databases.js";
import { type Harness, importSamplePlan, latestReportOf, registerOfficer, startHarness } from "../support/harness.js";

// "Số liệu quý này như quý trước ạ": recorded on "có" as an empty report, the unit would show as
// reported with no figure; nothing is copied unasked either.
eachDatabase("'same as last quarter' shows the previous figures and records them on 'có'", ({ fresh }) => {
  let h: Harness;
  const group = { id: -7601, type: "supergroup" as const, title: "Xã Đồng Tâm" };
  const lan = { id: 7601, first_name: "Lan" };
  const other = { id: -7602, type: "supergroup" as const, title: "Xã Tân Lập" };
  const hoa = { id: 7602, first_name: "Hoa" };
  const say = async (who: typeof lan, chat: typeof group, text: string) => (await h.say(who, chat, text)).join("\n");

  beforeAll(async () => {
    h = await startHarness({ now: "2026-09-01T02:00:00Z", env: { DATABASE_URL: await fresh() } });
    await importSamplePlan(h, "plans/so-vhttdl-2026.yaml");
    await registerOfficer(h, "X_DONG_TAM", lan, group);
    await registerOfficer(h, "X_TAN_LAP", hoa, other);
    h.clock.set("2026-09-10T02:00:00Z");
    await syncAllTasks(h.app.deps);
    await say(lan, group, "bc quý III: treo 5 pano, 3 băng rôn, đăng 4 tin bài");
    h.clock.set("2026-12-10T02:00:00Z");
    await syncAllTasks(h.app.deps);
  }, 60_000);
  afterAll(() => h?.close());

  it("shows Quý III's figures, records nothing yet, and records them for Quý IV on 'có'", async () => {
    const asked = await say(lan, group, "Số liệu quý này như quý trước ạ");
    expect(asked).toContain(
      "Số liệu Quý III/2026 của UBND xã Đồng Tâm (nhiệm vụ #2):\n• Pa nô: 5 cái\n• Băng rôn, khẩu hiệu: 3 cái\n• Tin bài: 4 tin",
    );
    expect(asked).toContain(
      'Đồng chí muốn ghi các số liệu này cho Quý IV/2026? Số liệu chưa được ghi nhận. Đề nghị trả lời "có"',
    );
    expect((await latestReportOf(h, "X_DONG_TAM"))?.values).toEqual({ pano: 5, bang_ron: 3, tin_bai: 4 });
    const reports = await h.app.repos.reports.listForUnit((await h.app.repos.units.findByCode("X_DONG_TAM"))!.id);
    expect(reports).toHaveLength(1);
    const recorded = await say(lan, group, "có");
    expect(recorded).toContain("✅ Đã ghi nhận báo cáo của UBND xã Đồng Tâm — nhiệm vụ #2");
    expect(recorded).toContain("(Quý IV/2026)");
    expect(recorded).toContain("• Tin bài: 4 tin");
    const after = await h.app.repos.reports.listForUnit((await h.app.repos.units.findByCode("X_DONG_TAM"))!.id);
    expect(after).toHaveLength(2);
    expect(after.map((r) => r.values)).toEqual([
      { pano: 5, bang_ron: 3, tin_bai: 4 },
      { pano: 5, bang_ron: 3, tin_bai: 4 },
    ]);
  });

  it("asks for this period's figures when there is nothing earlier to repeat, and records nothing", async () => {
    const reply = await say(hoa, other, "e bao cao quy nay giong quy truoc a");
    expect(reply).toContain(
      "UBND xã Tân Lập chưa có báo cáo kỳ trước có số liệu của nhiệm vụ #2 để ghi lại, nên nội dung trên chưa được ghi nhận. Đề nghị gửi số liệu Quý IV/2026, ví dụ:",
    );
    expect(await latestReportOf(h, "X_TAN_LAP")).toBeFalsy();
  });

  it("reads a message with figures of its own as a report, and a comparison as no such request", async () => {
    // "quý trước" names Quý III too, which Tân Lập has not reported: which one is asked, as for any report
    const own = await say(hoa, other, "bc quý IV: pa nô 6, còn lại như quý trước");
    expect(own).not.toContain("Số liệu Quý III");
    expect(own).toMatch(/Báo cáo này cho nhiệm vụ nào\?[\s\S]*\n1\. [^\n]*\(Quý IV\/2026\)/);
    expect(await say(hoa, other, "1")).toContain("• Pa nô: 6 cái");
    const compared = await say(hoa, other, "tin bài tăng 2 so với quý trước");
    expect(compared).not.toContain("chưa có báo cáo kỳ trước");
  });
});
