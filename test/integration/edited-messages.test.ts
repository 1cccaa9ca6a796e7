import { afterAll, beforeAll, expect, it } from "vitest";
import { eachDatabase } from "../support/databases.js";
import { type Harness, importSamplePlan, latestReportOf, registerOfficer, startHarness } from "../support/harness.js";

// Telegram officers correct a figure by editing the message they sent: the report that message
// wrote must take the edit, or the leaders read the figure the officer already took back.
// On both databases: an edit's inbox key (message id and edit time) is each store's own SQL.
eachDatabase("edited messages (Telegram)", ({ fresh }) => {
  let h: Harness;
  const group = { id: -7301, type: "supergroup" as const, title: "Xã Đồng Tâm" };
  const lan = { id: 7301, first_name: "Lan" };
  const tanLap = { id: -7302, type: "supergroup" as const, title: "Xã Tân Lập" };
  const minh = { id: 7302, first_name: "Minh" };
  const hoaBinh = { id: -7303, type: "supergroup" as const, title: "Xã Hòa Bình" };
  const ha = { id: 7303, first_name: "Hà" };

  beforeAll(async () => {
    h = await startHarness({ now: "2026-11-20T02:00:00Z", env: { DATABASE_URL: await fresh() } });
    await importSamplePlan(h, "plans/so-vhttdl-2026.yaml");
    await registerOfficer(h, "X_DONG_TAM", lan, group);
    await registerOfficer(h, "X_TAN_LAP", minh, tanLap);
    await registerOfficer(h, "X_HOA_BINH", ha, hoaBinh);
    h.clock.set("2026-12-10T02:00:00Z");
  }, 60_000);
  afterAll(() => h?.close());

  const reportOf = (code: string) => latestReportOf(h, code);

  it("revises the report with the edited text: a changed figure replaced, a removed one dropped", async () => {
    const first = (await h.say(lan, group, "bc quý IV: tin bài 9, phát thanh 20 lượt")).join("\n");
    expect(first).toContain("✅ Đã ghi nhận báo cáo của UBND xã Đồng Tâm");
    const reply = (await h.edit(group, "bc quý IV: tin bài 12")).join("\n");
    expect(reply).toContain("✏️ Đã đọc lại tin nhắn đồng chí vừa sửa");
    expect(reply).toContain("✅ Đã cập nhật báo cáo của UBND xã Đồng Tâm (lần 2)");
    expect(reply).toContain("• Tin bài: 12 tin");
    expect(await reportOf("X_DONG_TAM")).toMatchObject({ values: { tin_bai: 12 }, revision: 2 });
  });

  it("takes a second edit of the same message; the same edit delivered again writes nothing", async () => {
    const reply = (await h.edit(group, "bc quý IV: tin bài 12, phát thanh 25 lượt")).join("\n");
    expect(reply).toContain("(lần 3)");
    expect(await reportOf("X_DONG_TAM")).toMatchObject({ values: { tin_bai: 12, phat_thanh: 25 }, revision: 3 });
    // Telegram delivers an update again when it was not confirmed: the inbox knows the edit by its
    // date (this is the second edit's: one second after the first, the clock did not move).
    const message = {
      message_id: h.lastSaid(group),
      from: { id: lan.id, is_bot: false, first_name: lan.first_name },
      chat: { id: group.id, type: group.type, title: group.title },
      date: Math.floor(Date.parse("2026-12-10T02:00:00Z") / 1000),
      edit_date: Math.floor(Date.parse("2026-12-10T02:00:00Z") / 1000) + 1,
      text: "bc quý IV: tin bài 12, phát thanh 25 lượt",
    };
    h.fake.injectUpdate({ edited_message: message });
    await h.app.inbox.drain();
    await new Promise((r) => setTimeout(r, 300));
    await h.app.inbox.drain();
    expect(await reportOf("X_DONG_TAM")).toMatchObject({ revision: 3 });
  });

  it("applies an edit of the message that wrote the current revision, whichever message that is", async () => {
    expect((await h.say(lan, group, "bổ sung: đăng 5 bài trên fanpage xã")).join("\n")).toContain("(lần 4)");
    expect((await h.edit(group, "bổ sung: đăng 7 bài trên fanpage xã")).join("\n")).toContain("(lần 5)");
    expect(await reportOf("X_DONG_TAM")).toMatchObject({ values: { tin_bai: 12, phat_thanh: 25, bai_mxh: 7 } });
  });

  it("answers an edit of a message whose revision was replaced since, and records nothing", async () => {
    expect((await h.say(minh, tanLap, "bc quý IV: tin bài 4")).join("\n")).toContain(
      "✅ Đã ghi nhận báo cáo của UBND xã Tân Lập",
    );
    const firstId = h.lastSaid(tanLap);
    await h.say(minh, tanLap, "sửa lại: tin bài 6");
    const reply = (await h.edit(tanLap, "bc quý IV: tin bài 40", firstId)).join("\n");
    expect(reply).toContain(
      "✏️ Tin nhắn đồng chí vừa sửa đã được ghi vào báo cáo của UBND xã Tân Lập — nhiệm vụ #2 (Quý IV/2026)",
    );
    expect(reply).toContain("đã được cập nhật bằng tin nhắn gửi sau nên chưa sửa theo nội dung mới");
    expect(reply).toContain("/sua tin bài 15");
    expect(await reportOf("X_TAN_LAP")).toMatchObject({ values: { tin_bai: 6 }, revision: 2 });
  });

  it("leaves an edited chat message alone, records one edited into a report, never runs an edited command again", async () => {
    // the clock jumped past the reminder days: a reminder may reach the group meanwhile
    const answers = (sent: string[]) => sent.filter((m) => !m.startsWith("🔔") && !m.startsWith("⏰"));
    expect(answers(await h.say(ha, hoaBinh, "dạ"))).toEqual([]);
    expect(answers(await h.edit(hoaBinh, "dạ vâng ạ"))).toEqual([]);
    const recorded = (await h.edit(hoaBinh, "dạ quý IV xã em đăng 3 tin bài ạ")).join("\n");
    expect(recorded).toContain("✅ Đã ghi nhận báo cáo của UBND xã Hòa Bình");
    expect(await reportOf("X_HOA_BINH")).toMatchObject({ values: { tin_bai: 3 }, revision: 1 });
    expect((await h.say(ha, hoaBinh, "/nhiemvu")).join("\n")).toContain("nhiệm vụ");
    expect(answers(await h.edit(hoaBinh, "/nhiemvu "))).toEqual([]);
  });
});
