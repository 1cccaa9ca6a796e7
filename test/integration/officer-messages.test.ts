import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncAllTasks } from "../../src/core/plans/tasks.js";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";
import { samplePng, startTestSandbox, type TestSandbox } from "../support/sandbox-client.js";

// Issue 19: nothing an officer writes is lost or misfiled — text-only reports, questions, chatter,
// the period named in the message, evidence sent late or twice. Played through Telegram (fake Bot
// API over HTTP) and through the sandbox, as officers write.
const adminChat = { id: ADMIN.id, type: "private" as const };
const thachBinh = { id: -6001, type: "supergroup" as const, title: "Xã Thạch Bình" };
const lan = { id: 601, first_name: "Lan" };
/** A distinct minimal JPEG per seed (the file check reads its magic bytes). */
const jpeg = (seed: number) =>
  Buffer.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0,
    0x10,
    0x4a,
    0x46,
    0x49,
    0x46,
    0,
    1,
    1,
    0,
    0,
    1,
    0,
    1,
    0,
    0,
    0xff,
    0xd9,
    seed,
  ]);

describe("officers' messages on Telegram", () => {
  let h: Harness;
  let unitId: number;
  const say = async (text: string, extra = {}) => (await h.say(lan, thachBinh, text, extra)).join("\n---\n");
  /** Moves the clock and creates the periods that have begun, as the daily sync does. */
  const travel = async (at: string) => {
    h.clock.set(at);
    await syncAllTasks(h.app.deps);
  };
  const reports = () => h.app.repos.reports.listForUnit(unitId);

  beforeAll(async () => {
    h = await startHarness({ now: "2021-01-29T01:00:00Z" }); // Fri 29/01/2021 08:00
    const before = h.fake.sent(adminChat.id).length;
    h.fake.sendUserMessage({
      from: ADMIN,
      chat: adminChat,
      caption: "/nhapkehoach",
      document: {
        data: readFileSync("plans/thach-thanh-cchc-2021.yaml"),
        file_name: "plan.yaml",
        mime_type: "text/yaml",
      },
    });
    await h.fake.waitForSent(before + 1, adminChat.id, 30_000);
    const [invite] = await h.say(ADMIN, adminChat, "/moi XA_THACH_BINH");
    await h.say(lan, thachBinh, `/dangky ${/: ([2-9A-Z]{8})\n/.exec(invite)![1]}`);
    unitId = (await h.app.repos.units.findByCode("XA_THACH_BINH"))!.id;
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it("records a text-only report (no figures, no reply, no 'báo cáo' first) for the task that asks for text", async () => {
    const reply = await say("Xã Thạch Bình báo cáo: đã ban hành Kế hoạch số 15/KH-UBND ngày 28/01/2021");
    expect(reply).toContain(
      "✅ Đã ghi nhận báo cáo của UBND xã Thạch Bình — nhiệm vụ #1: Xây dựng kế hoạch tuyên truyền",
    );
    expect(reply).toContain("Văn bản: số 15/KH-UBND ngày 28/01/2021");
    const [report] = await reports();
    expect(report.references).toEqual([{ number: "15/KH-UBND", date: "2021-01-28" }]);
    const a = (await h.app.repos.assignments.findView(report.assignmentId))!;
    expect(a.task.code).toBe("KH_TUYEN_TRUYEN_XA");
    expect(a.status).toBe("submitted");
  });

  it("answers a question from the data: a later quarter's deadline, worked out from the schedule", async () => {
    const reply = await say("cho em hỏi hạn báo cáo quý 2 là ngày nào ạ");
    expect(reply).toContain("Thời hạn báo cáo của UBND xã Thạch Bình:");
    expect(reply).toMatch(
      /#2 Báo cáo quý kết quả tuyên truyền cải cách hành chính \(Quý II\/2021\): hạn Thứ Ba, 15\/06\/2021/,
    );
    expect(reply).toContain("Để báo cáo: trả lời tin nhắn nhắc hạn");
    expect(await reports()).toHaveLength(1);
  });

  it("answers 'what is open' with the open tasks and the latest report received", async () => {
    const reply = await say("em phải báo cáo những gì ạ");
    expect(reply).toMatch(/Nhiệm vụ đang mở của UBND xã Thạch Bình \(\d+\):/);
    expect(reply).toMatch(
      /#2 Báo cáo quý kết quả tuyên truyền cải cách hành chính \(Quý I\/2021\) — hạn Thứ Hai, 15\/03\/2021 \(còn 45 ngày\) — chưa báo cáo/,
    );
    expect(reply).toContain("Báo cáo gần nhất đã nhận: #1 Xây dựng kế hoạch");
    expect(reply).toContain("Báo cáo này chưa có ảnh minh chứng hay tệp kèm theo.");
    expect(reply).toContain("Cách báo cáo: trả lời (reply) tin nhắn nhắc hạn");
  });

  it("answers 'what does the report hold' with the task's indicators and their measures", async () => {
    const reply = await say("bc quy 1 gom nhung chi tieu gi vay a");
    expect(reply).toMatch(/Báo cáo nhiệm vụ #2 gồm các chỉ tiêu: Pa nô \(cái\); .*Lượt người tham dự \(người\)\./);
    // what is still missing is another question: the open tasks, no list of indicators
    expect(await say("xã em còn thiếu chỉ tiêu nào không ạ")).not.toContain("gồm các chỉ tiêu");
  });

  it("leaves acknowledgements unanswered in the group", async () => {
    expect(await say("ok ạ")).toBe("");
    expect(await say("dạ vâng, em cảm ơn")).toBe("");
  });

  it("answers a report announced ('xã … bc quý 1 ạ') with what to send, and files no empty report", async () => {
    const count = (await reports()).length;
    const announced = await say("xã Thạch Bình bc quý 1 ạ");
    expect(announced).toContain("📝 Tin nhắn trên chưa có nội dung báo cáo nên chưa được ghi nhận.");
    expect(announced).toContain(
      "gửi báo cáo của UBND xã Thạch Bình cho nhiệm vụ #2 (Quý I/2021) trong tin nhắn tiếp theo",
    );
    expect(announced).toMatch(/ví dụ: \d+ pa nô/);
    expect(await say("Kính gửi Phòng Văn hóa, xã Thạch Bình xin gửi báo cáo kết quả quý I/2021 như sau:")).toContain(
      "chưa được ghi nhận",
    );
    expect(await say("dạ em gửi bc ạ")).toContain("chưa được ghi nhận");
    expect(await reports()).toHaveLength(count);
    const open = await h.app.repos.assignments.listOpenForUnit(unitId);
    expect(open.some((a) => a.task.id === 2 && a.occurrence.label === "Quý I/2021")).toBe(true);
    // someone else's report talked about is no announcement to answer
    expect(await say("chị Hoa gửi báo cáo quý 1 cho anh Nam rồi")).not.toContain("📝");
  });

  it("answers questions as officers type them (no '?', a choice, a case) and records none of them", async () => {
    const count = (await reports()).length;
    const late = await say("nộp chậm 2 hôm thì có sao không anh");
    expect(late).toContain("Thời hạn báo cáo của UBND xã Thạch Bình:");
    const counts = await say("pa nô dán lại từ năm ngoái có được tính không ạ");
    expect(counts).toContain("Cách báo cáo: trả lời (reply) tin nhắn nhắc hạn");
    const choice = await say("tin bài đăng lại trên zalo nhóm thì tính là tin bài hay bài mạng xã hội ạ");
    expect(choice).toContain("Cách báo cáo:");
    expect(await say("trưa nay ăn ở đâu các bác")).toBe("");
    expect(await reports()).toHaveLength(count);
  });

  it("asks when a message about the work may be a report, records it on 'có', drops it on 'không'", async () => {
    const asked = await say("xã chưa tổ chức hội nghị triển khai kế hoạch");
    expect(asked).toContain(
      "Đồng chí muốn gửi nội dung trên là báo cáo nhiệm vụ #2: Báo cáo quý kết quả tuyên truyền cải cách hành chính (Quý I/2021)?",
    );
    expect(await say("không ạ")).toContain("Đã bỏ qua");
    expect(await reports()).toHaveLength(1);
    await say("xã đang xây dựng kế hoạch tuyên truyền đợt 2");
    const recorded = await say("có");
    expect(recorded).toContain("✅ Đã ghi nhận báo cáo của UBND xã Thạch Bình — nhiệm vụ #2");
    expect(await reports()).toHaveLength(2);
  });

  it("files a report under the period it names: Quý I sent in April revises Quý I; 'tháng 4' goes to Quý II", async () => {
    await travel("2021-03-10T03:00:00Z");
    expect(await say("bc quy 1: treo 5 pano")).toContain(
      "Đã cập nhật báo cáo của UBND xã Thạch Bình (lần 2) — nhiệm vụ #2: Báo cáo quý kết quả tuyên truyền cải cách hành chính (Quý I/2021)",
    );
    await travel("2021-04-22T03:00:00Z");
    const q1 = await say("quý 1 tổ chức 2 hội nghị, 150 lượt người");
    expect(q1).toContain(
      "Đã cập nhật báo cáo của UBND xã Thạch Bình (lần 3) — nhiệm vụ #2: Báo cáo quý kết quả tuyên truyền cải cách hành chính (Quý I/2021)",
    );
    expect(q1).toContain("Hội nghị, tập huấn: 2 cuộc");
    const april = await say("bao cao thang 4 treo 3 pano");
    expect(april).toContain(
      "✅ Đã ghi nhận báo cáo của UBND xã Thạch Bình — nhiệm vụ #2: Báo cáo quý kết quả tuyên truyền cải cách hành chính (Quý II/2021)",
    );
    expect(april).not.toContain("nhiệm vụ nào");
    const quarters = await Promise.all(
      (await reports()).map(
        async (r) => [(await h.app.repos.assignments.findView(r.assignmentId))!.occurrence.label, r.values] as const,
      ),
    );
    expect(quarters).toContainEqual(["Quý I/2021", { pano: 5, hoi_nghi: 2, nguoi_tham_du: 150 }]);
    expect(quarters).toContainEqual(["Quý II/2021", { pano: 3 }]);
  });

  it("joins a photo sent within 10 minutes; names a re-sent photo instead of counting it twice", async () => {
    expect(await say("em gửi ảnh ạ", { photo: jpeg(1) })).toContain(
      "📎 Đã thêm minh chứng vào báo cáo của UBND xã Thạch Bình: tổng 1 ảnh, 0 tệp.",
    );
    const again = await say("", { photo: jpeg(1) });
    expect(again).toContain(
      "📎 Ảnh này đã có trong báo cáo #2 Báo cáo quý kết quả tuyên truyền cải cách hành chính (Quý II/2021), không tính thêm.",
    );
    expect(again).not.toContain("Đã thêm");
    const [q2] = await reports();
    expect(await h.app.repos.attachments.listForReports([q2.id])).toHaveLength(1);
    // "is my evidence in?": the latest report's files are told
    expect(await say("xa e da nop du chua ad, con thieu anh minh chung k")).toContain(
      "Kèm báo cáo: 1 ảnh minh chứng, 0 tệp.",
    );
  });

  it("asks which report a photo sent weeks later belongs to, and attaches it where the officer says", async () => {
    await travel("2021-06-02T03:00:00Z");
    const asked = await say("", { photo: jpeg(2) });
    expect(asked).toContain("Báo cáo gần nhất của đồng chí đã gửi quá 10 phút nên minh chứng chưa được gắn");
    expect(asked).toMatch(/\n1\. #2 Báo cáo quý .* \(Quý II\/2021\) — gửi lúc 22\/04\/2021 10:00/);
    expect(asked).toMatch(/\n2\. #2 Báo cáo quý .* \(Quý I\/2021\)/);
    expect(asked).toMatch(/\n4\. Báo cáo mới/);
    expect(await say("2")).toContain("📎 Đã thêm minh chứng vào báo cáo của UBND xã Thạch Bình: tổng 1 ảnh, 0 tệp.");
    const q1 = (await reports()).find((r) => r.values.hoi_nghi === 2)!;
    expect((await h.app.repos.attachments.listForReports([q1.id])).map((a) => a.kind)).toEqual(["photo"]);
    // "Báo cáo mới": the photo waits, and the report sent next takes it.
    await say("", { photo: jpeg(3) });
    expect(await say("4")).toContain("Đang giữ 1 ảnh, 0 tệp cho báo cáo mới");
    h.clock.advance(15 * 60_000);
    const next = await say("bc quy 2 treo them 2 pano");
    expect(next).toContain("Minh chứng: 2 ảnh, 0 tệp");
  });

  it("says when a message names a period with nothing to report, instead of filing it elsewhere", async () => {
    const reply = await say("khi nào hết hạn quý 4 ạ");
    expect(reply).toMatch(/\(Quý IV\/2021\): hạn Thứ Tư, 15\/12\/2021 \(kỳ báo cáo này chưa bắt đầu\)/);
  });

  it("answers a question about a period after the plan's end with the plan's last period, not 'nothing matches'", async () => {
    const reply = await say("cho em hỏi hạn báo cáo quý I năm 2022 là ngày nào ạ");
    expect(reply).toContain("Thời hạn báo cáo của UBND xã Thạch Bình:");
    expect(reply).toMatch(
      /• #2 Báo cáo quý [^\n]*: kế hoạch đã nạp có các kỳ báo cáo đến Quý IV\/2021 \(hạn Thứ Tư, 15\/12\/2021\); kỳ Quý I\/2022 chưa có trong kế hoạch\./,
    );
    expect(reply).toContain("Khi văn phòng nạp kế hoạch mới, Đôn Đốc sẽ nhắc hạn các kỳ của kế hoạch đó.");
    expect(reply).not.toContain("không có nhiệm vụ nào khớp");
    // A period inside the plan that no task has is still "nothing matches".
    expect(await say("hạn báo cáo 6 tháng đầu năm 2021 là ngày nào ạ")).not.toContain("kế hoạch đã nạp");
  });

  it("answers 'when is the deadline' with everything reported: the period reported and the next one, not 'nothing open'", async () => {
    // 02/06/2021: Quý II is reported and nothing else is open.
    const reply = await say("cho e hỏi hạn nộp bc là ngày nào ạ");
    expect(reply).toContain("Thời hạn báo cáo của UBND xã Thạch Bình:");
    expect(reply).toMatch(/• #2 Báo cáo quý [^\n]*\(Quý II\/2021\) — hạn [^\n]* — đã báo cáo lúc/);
    expect(reply).toMatch(/• #2 Báo cáo quý [^\n]*\(Quý III\/2021\): hạn [^\n]*\(kỳ báo cáo này chưa bắt đầu\)/);
    expect(reply).not.toContain("không còn nhiệm vụ nào đang mở");
  });

  it("never files a report naming a period that is not open under another one: it says so, or asks", async () => {
    // 02/06/2021: Quý II is reported and nothing else is open; Quý III has not begun.
    const count = (await reports()).length;
    const none = await say("Dạ quý III em phát 2 nghìn tờ rơi ạ");
    expect(none).toContain(
      "UBND xã Thạch Bình không có kỳ báo cáo Quý III đang mở (kỳ này chưa bắt đầu hoặc đã kết thúc), nên nội dung trên chưa được ghi vào kỳ nào.",
    );
    expect(await reports()).toHaveLength(count);
    // 05/07/2021: Quý III is open; a report naming Quý IV is asked about, not filed under Quý III.
    await travel("2021-07-05T03:00:00Z");
    const asked = await say("quy 4 treo 4 pano");
    expect(asked).toContain(
      "Nội dung trên ghi Quý IV, nhưng UBND xã Thạch Bình không có kỳ báo cáo này đang mở (kỳ chưa bắt đầu hoặc đã kết thúc), nên chưa ghi vào kỳ khác.",
    );
    expect(asked).toMatch(/Báo cáo này cho nhiệm vụ nào\?[\s\S]*\n1\. Báo cáo quý .* \(Quý III\/2021\)/);
    expect(asked).not.toContain("Đã ghi nhận");
    expect(await reports()).toHaveLength(count);
    // The officer meant this quarter: the answer files it there.
    expect(await say("1")).toContain(
      "✅ Đã ghi nhận báo cáo của UBND xã Thạch Bình — nhiệm vụ #2: Báo cáo quý kết quả tuyên truyền cải cách hành chính (Quý III/2021)",
    );
    expect(await reports()).toHaveLength(count + 1);
  });

  it("records a report that also asks something, and answers the question part too", async () => {
    const reply = await say("quy 3 treo them 2 pano a. Mau bao cao moi o dau a chi?");
    expect(reply).toContain("Đã cập nhật báo cáo của UBND xã Thạch Bình (lần 2) — nhiệm vụ #2");
    expect(reply).toContain("Về câu hỏi trong tin nhắn: hạn báo cáo ghi ở trên, /nhiemvu cho biết");
  });

  it("names the figures in doubt without also saying that no figure was read", async () => {
    await travel("2021-10-05T03:00:00Z"); // Quý IV open, nothing reported for it yet
    const reply = await say("xa em treo 5 pano a, con pano o thon 3 la 7 cai");
    expect(reply).toContain(
      "Pa nô: tin nhắn có nhiều số (5 hay 7) nên chưa ghi. Đề nghị gửi /sua pa nô 7 để xác nhận.",
    );
    expect(reply).not.toContain("Chưa đọc được số liệu nào");
  });
});

describe("officers' messages in the sandbox", () => {
  let s: TestSandbox;
  let officer: string;
  let group: string;
  const text = (r: { replies: { text: string }[] }) => r.replies.map((m) => m.text).join("\n");

  beforeAll(async () => {
    s = await startTestSandbox();
    // The 2021 district sample (today's Sở sample is the default).
    await s.post("/api/reset", { sample: "huyen-2021" });
    const state = await s.state();
    officer = state.people.find((p) => p.unit === "UBND xã Thạch Bình")!.userId;
    group = state.chats.find((c) => c.sample === "unit" && c.unit === "UBND xã Thạch Bình")!.chatId;
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it("records the text-only report, answers the question, files by the named period, handles late and repeated photos", async () => {
    await s.post("/api/clock", { to: "date", date: "2021-01-29", time: "08:00" });
    const plan = text(await s.say(group, officer, "UBND xa Thach Binh da ban hanh ke hoach so 12/KH-UBND"));
    expect(plan).toContain("Đã ghi nhận báo cáo của UBND xã Thạch Bình — nhiệm vụ #1");
    expect(plan).toContain("12/KH-UBND");
    expect(text(await s.say(group, officer, "cho em hỏi hạn báo cáo quý 1 là ngày nào ạ"))).toContain(
      "(Quý I/2021) — hạn Thứ Hai, 15/03/2021",
    );
    const photo = samplePng();
    const withPhoto = text(
      await s.say(group, officer, "bc quy 1: treo 4 pano", {
        files: [{ name: "anh.png", mime: "image/png", data: photo }],
      }),
    );
    expect(withPhoto).toContain("(Quý I/2021)");
    expect(withPhoto).toContain("Minh chứng: 1 ảnh");
    expect(
      text(await s.say(group, officer, "", { files: [{ name: "anh.png", mime: "image/png", data: photo }] })),
    ).toContain("Ảnh này đã có trong báo cáo #2");
    await s.post("/api/clock", { to: "date", date: "2021-04-22", time: "09:00" });
    expect(text(await s.say(group, officer, "quý 1 tổ chức 2 hội nghị, 150 lượt người"))).toContain(
      "Đã cập nhật báo cáo của UBND xã Thạch Bình (lần 2) — nhiệm vụ #2: Báo cáo quý kết quả tuyên truyền cải cách hành chính (Quý I/2021)",
    );
    await s.post("/api/clock", { to: "date", date: "2021-05-10", time: "09:00" });
    const late = text(
      await s.say(group, officer, "", { files: [{ name: "moi.png", mime: "image/png", data: samplePng(64) }] }),
    );
    expect(late).toContain("Đề nghị trả lời số thứ tự báo cáo cần gắn");
  });
});
