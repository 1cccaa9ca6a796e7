import { afterAll, beforeAll, expect, it } from "vitest";
import { eachDatabase } from "../support/databases.js";
import { type Harness, importSamplePlan, latestReportOf, registerOfficer, startHarness } from "../support/harness.js";

// Telegram cuts a text longer than 4,096 characters into messages sent together. A commune's
// formal quarterly report is often that long: its parts must make one report, and a tail that
// names only next quarter's plan must not be filed (or refused) under next quarter.
eachDatabase("long reports split by the app", ({ fresh }) => {
  let h: Harness;
  const group = { id: -7401, type: "supergroup" as const, title: "Xã Đồng Tâm" };
  const lan = { id: 7401, first_name: "Lan" };
  const binh = { id: 7402, first_name: "Bình" };
  const tanLap = { id: -7403, type: "supergroup" as const, title: "Xã Tân Lập" };
  const minh = { id: 7403, first_name: "Minh" };
  const hoaBinh = { id: -7404, type: "supergroup" as const, title: "Xã Hòa Bình" };
  const ha = { id: 7404, first_name: "Hà" };

  beforeAll(async () => {
    h = await startHarness({ now: "2026-11-20T02:00:00Z", env: { DATABASE_URL: await fresh() } });
    await importSamplePlan(h, "plans/so-vhttdl-2026.yaml");
    await registerOfficer(h, "X_DONG_TAM", lan, group);
    await registerOfficer(h, "X_DONG_TAM", binh, group);
    await registerOfficer(h, "X_TAN_LAP", minh, tanLap);
    await registerOfficer(h, "X_HOA_BINH", ha, hoaBinh);
    h.clock.set("2026-12-10T02:00:00Z");
  }, 60_000);
  afterAll(() => h?.close());

  const reportOf = (code: string) => latestReportOf(h, code);
  const villages = (from: number, count: number) =>
    Array.from(
      { length: count },
      (_, i) =>
        `- Tiếp tục quán triệt, phổ biến nội dung kế hoạch đến cán bộ, đảng viên và nhân dân thôn ${from + i}, lồng ghép trong các buổi sinh hoạt của các chi hội đoàn thể.`,
    ).join("\n");
  /** A formal report cut where Telegram cuts it: at the last line break before 4,096 characters. */
  const splitReport = (text: string) => {
    const parts: string[] = [];
    let rest = text;
    while (rest.length > 4096) {
      const cut = rest.lastIndexOf("\n", 4096);
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    return [...parts, rest];
  };
  const report = [
    "UBND XÃ ĐỒNG TÂM\nBÁO CÁO\nKết quả công tác tuyên truyền Quý IV năm 2026",
    "I. KẾT QUẢ THỰC HIỆN\n1. Tuyên truyền trực quan",
    villages(1, 16),
    "- Treo 25 băng rôn, khẩu hiệu; dựng 4 pa nô.\n2. Tuyên truyền trên hệ thống truyền thanh",
    villages(17, 12),
    "- Phát thanh 60 lượt trên hệ thống loa truyền thanh.\n3. Tuyên truyền trên mạng xã hội\n- Đăng 18 bài trên trang Fanpage của xã.",
    "II. KHÓ KHĂN, VƯỚNG MẮC\nMột số thôn chưa bố trí được kinh phí in tài liệu.",
    "III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ I/2027\nTiếp tục thực hiện các nội dung theo kế hoạch.\nTM. UBND XÃ\nCHỦ TỊCH\nNguyễn Văn An",
  ].join("\n");

  it("reads the parts of a split report as one: every figure in the quarter it reports", async () => {
    const [first, second] = splitReport(report);
    expect(splitReport(report)).toHaveLength(2);
    expect(second).toContain("Phát thanh 60 lượt");
    expect((await h.say(lan, group, first)).join("\n")).toContain("✅ Đã ghi nhận báo cáo của UBND xã Đồng Tâm");
    const reply = (await h.say(lan, group, second)).join("\n");
    expect(reply).toContain("📄 Tin nhắn dài của đồng chí được chia thành nhiều phần");
    expect(reply).toContain("(Quý IV/2026)");
    expect(reply).toContain("• Lượt phát thanh: 60 lượt");
    expect(reply).not.toContain("Quý I/2027");
    const saved = await reportOf("X_DONG_TAM");
    expect(saved).toMatchObject({ values: { pano: 4, bang_ron: 25, phat_thanh: 60, bai_mxh: 18 }, revision: 2 });
    expect(saved.text).toBe(report);
  });

  it("reads a third part with the two before it", async () => {
    const long = report.replace(
      "II. KHÓ KHĂN",
      `${villages(40, 30)}\n- Đăng 5 tin bài trên Cổng thông tin điện tử xã.\nII. KHÓ KHĂN`,
    );
    const parts = splitReport(long.replace("UBND XÃ ĐỒNG TÂM", "UBND XÃ TÂN LẬP"));
    expect(parts).toHaveLength(3);
    await h.say(minh, tanLap, parts[0]);
    await h.say(minh, tanLap, parts[1]);
    expect((await h.say(minh, tanLap, parts[2])).join("\n")).toContain("(lần 3)");
    expect(await reportOf("X_TAN_LAP")).toMatchObject({
      values: { pano: 4, bang_ron: 25, phat_thanh: 60, bai_mxh: 18, tin_bai: 5 },
    });
  });

  it("joins neither another officer's message nor one sent a minute later", async () => {
    h.clock.set("2026-12-10T03:00:00Z");
    await h.say(lan, group, splitReport(report)[0]);
    const other = (await h.say(binh, group, "- Phát thanh 62 lượt")).join("\n");
    expect(other).not.toContain("📄");
    h.clock.set("2026-12-10T03:05:00Z");
    await h.say(lan, group, splitReport(report)[0]);
    h.clock.set("2026-12-10T03:06:30Z");
    const late = (await h.say(lan, group, "- Đăng 20 bài trên trang Fanpage của xã.")).join("\n");
    expect(late).not.toContain("📄");
    expect(late).toContain("Đã cập nhật báo cáo");
  });

  it("joins the parts when the first was sent as a reply to the reminder", async () => {
    h.clock.set("2026-12-10T05:00:00Z");
    await h.app.scheduler.tick();
    await h.app.scheduler.tick();
    const reminder = h.fake.sent(hoaBinh.id).find((s) => s.text?.includes("Báo cáo quý"));
    expect(reminder).toBeDefined();
    const [first, second] = splitReport(report.replace("UBND XÃ ĐỒNG TÂM", "UBND XÃ HÒA BÌNH"));
    const answered = (await h.say(ha, hoaBinh, first!, { reply_to_message_id: reminder!.message_id })).join("\n");
    expect(answered).toContain("✅ Đã ghi nhận báo cáo của UBND xã Hòa Bình");
    expect((await h.say(ha, hoaBinh, second!)).join("\n")).toContain("📄 Tin nhắn dài của đồng chí");
    expect(await reportOf("X_HOA_BINH")).toMatchObject({
      values: { pano: 4, bang_ron: 25, phat_thanh: 60, bai_mxh: 18 },
    });
  });
});
