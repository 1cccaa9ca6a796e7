import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, importSamplePlan, registerOfficer, startHarness } from "../support/harness.js";

// The 2026 plan's report is quarterly: a year's figures or a running total sent in December are not
// Quý IV's (the rollups would count Quý I–III again), so they are never recorded as Quý IV's.
describe("figures that are not the period's own", () => {
  let h: Harness;
  const group = { id: -7201, type: "supergroup" as const, title: "Xã Đồng Tâm" };
  const lan = { id: 7201, first_name: "Lan" };
  const tanLap = { id: -7202, type: "supergroup" as const, title: "Xã Tân Lập" };
  const minh = { id: 7202, first_name: "Minh" };

  beforeAll(async () => {
    h = await startHarness({ now: "2026-11-20T02:00:00Z" });
    await importSamplePlan(h, "plans/so-vhttdl-2026.yaml");
    await registerOfficer(h, "X_DONG_TAM", lan, group);
    await registerOfficer(h, "X_TAN_LAP", minh, tanLap);
    h.clock.set("2026-12-10T02:00:00Z");
  }, 60_000);
  afterAll(() => h?.close());

  const reportsOf = async (code: string) => {
    const unit = (await h.app.repos.units.findByCode(code))!;
    return h.app.repos.reports.listForUnit(unit.id);
  };

  it("records nothing from a year's report sent to the quarter, and asks for the quarter's figures", async () => {
    const reply = (await h.say(lan, group, "Dạ xã em báo cáo cả năm 2026: tin bài 40, phát thanh 150 lượt ạ")).join(
      "\n",
    );
    expect(reply).toContain("Chưa ghi báo cáo của UBND xã Đồng Tâm — nhiệm vụ #2 (Quý IV/2026):");
    expect(reply).toContain(
      "• 40 tin bài, 150 lượt phát thanh: số liệu cả năm, không phải số liệu riêng của Quý IV/2026, nên chưa ghi.",
    );
    expect(reply).toContain(
      "Đề nghị gửi số liệu riêng của Quý IV/2026, ví dụ: /baocao #2 12 tin bài, 3 lượt phát thanh",
    );
    expect(await reportsOf("X_DONG_TAM")).toEqual([]);
    // still open: the unit is reminded and shown as not reported until the quarter's figures come
    expect((await h.say(lan, group, "/nhiemvu")).join("\n")).toContain("(Quý IV/2026) — hạn");
  });

  it("records the quarter's figures sent after it", async () => {
    const reply = (
      await h.say(lan, group, "Báo cáo quý IV: tin bài 12, phát thanh 40 lượt, lũy kế cả năm 170 lượt")
    ).join("\n");
    expect(reply).toContain("✅ Đã ghi nhận báo cáo của UBND xã Đồng Tâm");
    expect(reply).not.toContain("chưa ghi");
    const [report] = await reportsOf("X_DONG_TAM");
    expect(report.values).toEqual({ tin_bai: 12, phat_thanh: 40 });
  });

  it("records the quarter's part of a year's report, and names the year's figures as not recorded", async () => {
    const hoaBinh = { id: -7203, type: "supergroup" as const, title: "Xã Hòa Bình" };
    const ha = { id: 7203, first_name: "Hà" };
    await registerOfficer(h, "X_HOA_BINH", ha, hoaBinh);
    const reply = (
      await h.say(ha, hoaBinh, "bao cao ca nam 2026 tin bai 40. rieng quy 4 thi tin bai 12, phat thanh 45 luot")
    ).join("\n");
    expect(reply).toContain("✅ Đã ghi nhận báo cáo của UBND xã Hòa Bình");
    expect(reply).toContain("• Tin bài: 12 tin");
    expect(reply).toContain("• 40 tin bài: số liệu cả năm, không phải số liệu riêng của Quý IV/2026, nên chưa ghi.");
    const [report] = await reportsOf("X_HOA_BINH");
    expect(report.values).toEqual({ tin_bai: 12, phat_thanh: 45 });
  });

  it("records the period's figures and names the running totals beside them as not recorded", async () => {
    const reply = (await h.say(minh, tanLap, "bc quy 4: dang 9 tin bai; luy ke tu dau nam 5 hoi nghi")).join("\n");
    expect(reply).toContain("• Tin bài: 9 tin");
    expect(reply).toContain(
      "• 5 hội nghị, tập huấn: số lũy kế, không phải số liệu riêng của Quý IV/2026, nên chưa ghi.",
    );
    const [report] = await reportsOf("X_TAN_LAP");
    expect(report.values).toEqual({ tin_bai: 9 });
  });

  it("keeps a revision's earlier figures when the new message is only a running total", async () => {
    const reply = (await h.say(minh, tanLap, "lũy kế từ đầu năm tin bài 35")).join("\n");
    expect(reply).toContain("• 35 tin bài: số lũy kế, không phải số liệu riêng của Quý IV/2026, nên chưa ghi.");
    const [report] = await reportsOf("X_TAN_LAP");
    expect(report.values).toEqual({ tin_bai: 9 });
    expect(report.revision).toBe(1);
  });

  // Quý IV is filed, so nothing is open: more news within a month goes to that report.
  it("asks about a message whose figure it cannot place after the period is filed, instead of silence", async () => {
    const asked = (await h.say(lan, group, "pa nô, áp phích: 15")).join("\n");
    expect(asked).toContain("Đồng chí muốn gửi nội dung trên là báo cáo nhiệm vụ #2");
    expect(asked).toContain("(Quý IV/2026)?");
    const answered = (await h.say(lan, group, "có")).join("\n");
    // nothing placed: no revision written, the fragment asked about
    expect(answered).toContain("☑️ Tin nhắn không có số liệu mới cho báo cáo của UBND xã Đồng Tâm");
    expect(answered).toContain("báo cáo giữ nguyên (lần 1,");
    expect(answered).toContain('Chưa xác định được: "');
  });

  it("takes news naming only a year (a plan's or a law's) as news for the filed quarter", async () => {
    const reply = (
      await h.say(
        lan,
        group,
        "Ngày 20/01/2026, UBND xã ban hành Kế hoạch số 08/KH-UBND về tuyên truyền cải cách hành chính năm 2026. Đã treo 12 băng rôn.",
      )
    ).join("\n");
    expect(reply).toContain("✅ Đã cập nhật báo cáo của UBND xã Đồng Tâm (lần 2)");
    expect(reply).toContain("• Băng rôn, khẩu hiệu: 12 cái");
    expect(reply).toContain("Văn bản: số 08/KH-UBND ngày 20/01/2026");
  });
});
