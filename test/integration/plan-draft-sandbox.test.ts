// The plan draft through the sandbox's HTTP API (what the page does): the admin uploads a .docx
// in her private chat, corrects a task by replying to its message, confirms, sees the reminders
// planned, and after time travel the first of them reaches a commune's group.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planDocx } from "../support/plan-documents.js";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-client.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("plan draft in the sandbox", () => {
  let s: TestSandbox;
  let admin: string;

  beforeAll(async () => {
    s = await startTestSandbox();
    admin = (await s.person((p) => p.role === "admin")).userId;
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it("upload, correct by reply, confirm, reminders planned and sent", async () => {
    const text = readFileSync("test/fixtures/plan-drafts/sandbox/so-son-ha-bau-cu-2026.txt", "utf8");
    const upload = await s.say(admin, admin, "", {
      files: [{ name: "ke-hoach-52-KH-SVHTTDL.docx", mime: DOCX, data: await planDocx(text) }],
    });
    expect(upload.status).toBe(202);
    // The review: summary, three task messages and the YAML file (waited for: it comes last).
    let messages = await s.messages(admin);
    for (let i = 0; i < 50 && !messages.some((m) => m.files.some((f) => f.name.endsWith(".yaml"))); i++) {
      await new Promise((r) => setTimeout(r, 100));
      messages = await s.messages(admin);
    }
    const bot = messages.filter((m) => "bot" in m.from);
    expect(
      bot.some((m) => m.text.includes("Dự thảo kế hoạch 52/KH-SVHTTDL: 3 nhiệm vụ, 15 đơn vị, 0 chưa khớp.")),
    ).toBe(true);
    expect(bot.some((m) => m.files.some((f) => f.name === "du-thao-52-KH-SVHTTDL.yaml"))).toBe(true);
    const third = bot.find((m) => m.text.startsWith("#3 Báo cáo kết quả tuyên truyền"))!;
    expect(third.text).toContain("Hạn: chưa có ngày (văn bản ghi «định kỳ hằng quý»)");

    const corrected = await s.say(admin, admin, "hạn hằng quý ngày 20", { replyTo: third.id });
    expect(corrected.replies.map((m) => m.text).join("\n")).toContain(
      "Hạn: hằng quý, ngày 20 tháng cuối quý, kỳ đầu hạn Thứ Sáu, 20/03/2026",
    );

    const confirmed = await s.say(admin, admin, "/xacnhan");
    const answer = confirmed.replies.map((m) => m.text).join("\n");
    expect(answer).toContain("Đã nhập kế hoạch 52/KH-SVHTTDL");
    expect(answer).toContain("Lịch nhắc sắp tới:");
    // One line per task, its next reminder: the communes' plan (#2) is reminded 7 working days before 09/03.
    const second = /^• (\d{2})\/(\d{2})\/(\d{4}) (\d{2}:\d{2}): #2 (.+), 13 đơn vị$/m.exec(answer)!;
    expect(second).not.toBeNull();

    // Time travel to that reminder: a commune's group receives it.
    const [, d, m, y, time, title] = second;
    expect((await s.post("/api/clock", { to: "date", date: `${y}-${m}-${d}`, time })).status).toBe(200);
    const group = await s.chat((c) => c.sample === "unit" && c.unit === "UBND xã Đồng Tâm");
    const inGroup = (await s.messages(group.chatId)).filter((x) => "bot" in x.from).map((x) => x.text);
    expect(inGroup.some((x) => x.includes(title.trim()))).toBe(true);
  }, 90_000);

  it("an admin who also reports for a unit: a document that is no plan goes on to the reports, not the draft", async () => {
    const invite = await s.say(admin, admin, "/moi SO_VHTTDL");
    const code = /\/dangky ([2-9A-Z]{8})/.exec(invite.replies.map((m) => m.text).join("\n"))![1];
    const registered = await s.say(admin, admin, `/dangky ${code}`);
    expect(registered.replies.map((m) => m.text).join("\n")).toContain("Sở Văn hóa, Thể thao và Du lịch");
    const letter = await planDocx("BÁO CÁO\nKết quả treo pa nô tại trụ sở Sở: 12 pa nô, 4 băng rôn.");
    const sent = await s.say(admin, admin, "", { files: [{ name: "bao-cao.docx", mime: DOCX, data: letter }] });
    const texts = sent.replies.map((m) => m.text).join("\n");
    expect(texts).not.toContain("không thấy nhiệm vụ nào");
    expect(texts).not.toContain("Dự thảo kế hoạch");
    expect(texts).toContain("Minh chứng sẽ được gắn vào báo cáo");
  }, 30_000);
});
