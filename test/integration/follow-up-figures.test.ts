import { afterAll, beforeAll, expect, it } from "vitest";
import { eachDatabase } from "../support/databases.js";
import { type Harness, importSamplePlan, latestReportOf, registerOfficer, startHarness } from "../support/harness.js";

// "bổ sung thêm 1 hội nghị ở thôn 3 có 60 người dự" after a report of 2 meetings and 150 people:
// the officer means 3 and 210. Replacing would show the leaders 1 meeting and 60 people.
eachDatabase("a follow-up that says more adds to the report", ({ fresh }) => {
  let h: Harness;
  const group = { id: -7501, type: "supergroup" as const, title: "Xã Đồng Tâm" };
  const lan = { id: 7501, first_name: "Lan" };

  beforeAll(async () => {
    h = await startHarness({ now: "2026-11-20T02:00:00Z", env: { DATABASE_URL: await fresh() } });
    await importSamplePlan(h, "plans/so-vhttdl-2026.yaml");
    await registerOfficer(h, "X_DONG_TAM", lan, group);
    h.clock.set("2026-12-10T02:00:00Z");
  }, 60_000);
  afterAll(() => h?.close());

  const values = async () => (await latestReportOf(h, "X_DONG_TAM"))?.values;

  it("adds the figures said as more, says so, and shows how to undo it", async () => {
    await h.say(lan, group, "bc quý IV: hội nghị tuyên truyền 2 cuộc, 150 người dự; treo 4 pa nô");
    const reply = (await h.say(lan, group, "em bổ sung thêm 1 hội nghị ở thôn 3 có 60 người dự ạ")).join("\n");
    expect(reply).toContain("• Hội nghị, tập huấn: 3 cuộc");
    expect(reply).toContain("• Lượt người tham dự: 210 người");
    expect(reply).toContain(
      "➕ Đã cộng thêm vào số đã báo cáo: Hội nghị, tập huấn 2 + 1 = 3; Lượt người tham dự 150 + 60 = 210. Nếu số vừa gửi là số tổng, đề nghị gửi /sua hội nghị 1",
    );
    expect(await values()).toEqual({ hoi_nghi: 3, nguoi_tham_du: 210, pano: 4 });
  });

  it("replaces a figure restated without 'thêm', and '/sua' sets the total the officer meant", async () => {
    const restated = (await h.say(lan, group, "pa nô là 5 cái ạ")).join("\n");
    expect(restated).not.toContain("➕");
    expect(await values()).toMatchObject({ pano: 5 });
    await h.say(lan, group, "treo thêm 2 pa nô");
    expect(await values()).toMatchObject({ pano: 7 });
    expect((await h.say(lan, group, "/sua pa nô 2")).join("\n")).toContain("Pa nô: 2 cái");
    expect(await values()).toMatchObject({ pano: 2 });
  });

  it("adds once when Telegram delivers the same message again", async () => {
    await h.say(lan, group, "treo thêm 1 băng rôn");
    expect(await values()).toMatchObject({ bang_ron: 1 });
    await h.say(lan, group, "thêm 3 băng rôn nữa ạ");
    const message = {
      message_id: h.lastSaid(group),
      from: { id: lan.id, is_bot: false, first_name: lan.first_name },
      chat: { id: group.id, type: group.type, title: group.title },
      date: Math.floor(h.clock.now().getTime() / 1000),
      text: "thêm 3 băng rôn nữa ạ",
    };
    h.fake.injectUpdate({ message });
    await h.app.inbox.drain();
    await new Promise((r) => setTimeout(r, 300));
    await h.app.inbox.drain();
    expect(await values()).toMatchObject({ bang_ron: 4 });
  });
});

// Officers often send a quarter's figures month by month: the quarter's figure is the months' sum.
eachDatabase("a quarter reported month by month", ({ fresh }) => {
  let h: Harness;
  const group = { id: -7511, type: "supergroup" as const, title: "Xã Tân Lập" };
  const minh = { id: 7511, first_name: "Minh" };

  beforeAll(async () => {
    h = await startHarness({ now: "2026-10-20T02:00:00Z", env: { DATABASE_URL: await fresh() } });
    await importSamplePlan(h, "plans/so-vhttdl-2026.yaml");
    await registerOfficer(h, "X_TAN_LAP", minh, group);
  }, 60_000);
  afterAll(() => h?.close());

  const values = async () => (await latestReportOf(h, "X_TAN_LAP"))?.values;

  it("sums the months, replaces a month sent again, and says so", async () => {
    h.clock.set("2026-11-02T02:00:00Z");
    await h.say(minh, group, "Xã Tân Lập báo cáo tháng 10: đăng 3 tin bài, phát thanh 20 lượt");
    h.clock.set("2026-12-01T02:00:00Z");
    const second = (await h.say(minh, group, "tháng 11: đăng 4 tin bài, phát thanh 22 lượt ạ")).join("\n");
    expect(second).toContain("• Tin bài: 7 tin");
    expect(second).toContain(
      "📅 Đã cộng số liệu các tháng: Tin bài 3 (tháng 10) + 4 (tháng 11) = 7; Lượt phát thanh 20 (tháng 10) + 22 (tháng 11) = 42. Nếu số vừa gửi là số cả kỳ, đề nghị gửi /sua tin bài 4",
    );
    h.clock.set("2026-12-10T02:00:00Z");
    await h.say(minh, group, "Tháng 12 đến nay: 2 tin bài");
    expect(await values()).toEqual({ tin_bai: 9, phat_thanh: 42 });
    const fixed = (await h.say(minh, group, "xin lỗi, tháng 11 là 5 tin bài chứ không phải 4")).join("\n");
    expect(fixed).toContain("Tin bài 3 (tháng 10) + 5 (tháng 11) + 2 (tháng 12) = 10");
    expect(await values()).toEqual({ tin_bai: 10, phat_thanh: 42 });
  });

  it("takes a figure for the whole quarter as it is, and months after it do not add to it", async () => {
    await h.say(minh, group, "cả quý IV: 12 tin bài");
    expect(await values()).toMatchObject({ tin_bai: 12 });
    const after = (await h.say(minh, group, "tháng 12: 3 tin bài")).join("\n");
    expect(after).not.toContain("📅");
    expect(await values()).toMatchObject({ tin_bai: 3 });
  });
});

// "quý IV: 10 pa nô" sent in November counts October and November; December's figure comes on top.
eachDatabase("a whole quarter's figure sent within the quarter, then a later month", ({ fresh }) => {
  let h: Harness;
  const group = { id: -7512, type: "supergroup" as const, title: "Xã An Phú" };
  const hoa = { id: 7512, first_name: "Hoa" };

  beforeAll(async () => {
    h = await startHarness({ now: "2026-10-20T02:00:00Z", env: { DATABASE_URL: await fresh() } });
    await importSamplePlan(h, "plans/so-vhttdl-2026.yaml");
    await registerOfficer(h, "X_AN_PHU", hoa, group);
  }, 60_000);
  afterAll(() => h?.close());

  const values = async () => (await latestReportOf(h, "X_AN_PHU"))?.values;

  it("adds the later month to the figure reported before it, and says how", async () => {
    h.clock.set("2026-11-20T02:00:00Z");
    await h.say(hoa, group, "Xã An Phú báo cáo quý IV: treo 10 pa nô, đăng 6 tin bài");
    h.clock.set("2026-12-08T02:00:00Z");
    const reply = (await h.say(hoa, group, "tháng 12 xã treo 2 pa nô ạ")).join("\n");
    expect(await values()).toEqual({ pano: 12, tin_bai: 6 });
    expect(reply).toContain("Pa nô 10 (số đã báo cáo trước) + 2 (tháng 12) = 12");
    expect(reply).toContain("/sua pa nô 2");
  });

  it("a month the earlier figure already covers follows the usual rule (the later figure replaces)", async () => {
    await h.say(hoa, group, "tháng 11: 4 tin bài");
    expect(await values()).toMatchObject({ tin_bai: 4 });
  });
});

// "tháng 10 …, tháng 11 …, tháng 12 đến nay …" in one message: the quarter's months, not the last month.
eachDatabase("a quarter's months listed in one message", ({ fresh }) => {
  let h: Harness;
  const group = { id: -7513, type: "supergroup" as const, title: "Xã Tân Lập" };
  const lan = { id: 7513, first_name: "Lan" };

  beforeAll(async () => {
    h = await startHarness({ now: "2026-12-05T02:00:00Z", env: { DATABASE_URL: await fresh() } });
    await importSamplePlan(h, "plans/so-vhttdl-2026.yaml");
    await registerOfficer(h, "X_TAN_LAP", lan, group);
  }, 60_000);
  afterAll(() => h?.close());

  it("adds the months up for the quarterly task, the last one 'đến nay' too", async () => {
    const reply = (
      await h.say(
        lan,
        group,
        "bc xa Tan Lap: thang 10 phat thanh 15 luot, thang 11 phat thanh 16 luot, thang 12 den nay 14 luot a",
      )
    ).join("\n");
    expect(reply).toContain("Quý IV/2026");
    expect(await latestReportOf(h, "X_TAN_LAP").then((r) => r?.values)).toEqual({ phat_thanh: 45 });
    // sent again the same, it changes nothing
    const again = (
      await h.say(lan, group, "thang 10 phat thanh 15 luot, thang 11 phat thanh 16 luot, thang 12 den nay 14 luot")
    ).join("\n");
    expect(again).toContain("đã có đúng các số liệu này");
  });

  it("writes no revision for a message with no figure, and names the indicators the report has none for", async () => {
    const report = await latestReportOf(h, "X_TAN_LAP");
    const before = (await h.app.repos.reports.revisions(report!.id)).length;
    const reply = (await h.say(lan, group, "bc them: xa co 12 thon, 3.450 ho, da treo co 100% ho dip 2/9")).join("\n");
    expect(reply).toContain("Tin nhắn không có số liệu mới cho báo cáo của UBND xã Tân Lập");
    expect(reply).toContain("báo cáo giữ nguyên (lần 1,");
    expect(await h.app.repos.reports.revisions(report!.id)).toHaveLength(before);
    const status = (await h.say(lan, group, "xã em còn thiếu chỉ tiêu nào chưa báo không ạ")).join("\n");
    expect(status).toMatch(/Chưa có số liệu: Pa nô \(cái\); .*Lượt người tham dự \(người\)\./);
    expect(status).not.toMatch(/Chưa có số liệu:.*Lượt phát thanh/);
  });
});

// A commune's officer forwards each village's figures into the commune's chat: parts, not the whole.
eachDatabase("villages' figures forwarded into the commune's chat", ({ fresh }) => {
  let h: Harness;
  const group = { id: -7514, type: "supergroup" as const, title: "Xã Đồng Tâm" };
  const thu = { id: 7514, first_name: "Thu" };

  beforeAll(async () => {
    h = await startHarness({ now: "2026-12-05T02:00:00Z", env: { DATABASE_URL: await fresh() } });
    await importSamplePlan(h, "plans/so-vhttdl-2026.yaml");
    await registerOfficer(h, "X_DONG_TAM", thu, group);
  }, 60_000);
  afterAll(() => h?.close());

  const values = async () => (await latestReportOf(h, "X_DONG_TAM"))?.values;
  const say = async (text: string) => (await h.say(thu, group, text)).join("\n");

  it("adds each village's figures, replaces a village's own earlier ones, and takes a commune total as it is", async () => {
    const first = await say("Thôn Đông báo cáo: treo 1 băng rôn, họp thôn 1 cuộc 45 người");
    expect(first).toContain("📍 Đây là số liệu của Thôn Đông");
    expect(await values()).toEqual({ bang_ron: 1, hoi_nghi: 1, nguoi_tham_du: 45 });
    const second = await say(
      "[Forwarded from Trưởng thôn Tây]\nthôn Tây: 2 băng rôn, họp 1 cuộc 50 người a, thôn Nam chưa làm",
    );
    expect(second).toContain("➕ Số liệu của thôn Tây được cộng vào báo cáo: Băng rôn, khẩu hiệu 1 + 2 = 3");
    expect(second).toContain("/sua băng rôn 1");
    expect(await values()).toEqual({ bang_ron: 3, hoi_nghi: 2, nguoi_tham_du: 95 });
    // the same village forwarded again adds nothing; its correction replaces its own figure
    expect(await say("thôn Tây: 2 băng rôn, họp 1 cuộc 50 người a, thôn Nam chưa làm")).toContain(
      "đã có đúng các số liệu này",
    );
    await say("thôn Tây bc lại: 3 băng rôn, họp 1 cuộc 50 người");
    expect(await values()).toEqual({ bang_ron: 4, hoi_nghi: 2, nguoi_tham_du: 95 });
    // the commune's total, naming no village, replaces
    await say("tổng hợp cả xã: băng rôn 9 cái, họp thôn 3 cuộc 140 người");
    expect(await values()).toEqual({ bang_ron: 9, hoi_nghi: 3, nguoi_tham_du: 140 });
  });
});
