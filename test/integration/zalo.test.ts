import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePlanFile } from "../../src/core/plans/plan-file.js";
import { importPlan } from "../../src/core/plans/plan-import.js";
import { createTranslator } from "../../src/i18n.js";
import type { FakeZaloUser } from "../support/fake-zalo-server.js";
import { unzip } from "../support/unzip.js";
import { startZaloHarness, ZALO_ADMIN, type ZaloHarness } from "../support/zalo-harness.js";

const lan: FakeZaloUser = { id: "1a2b3c4d5e6f7081", display_name: "Nguyễn Thị Lan" };
const tuan: FakeZaloUser = { id: "1a2b3c4d5e6f7082", display_name: "Lê Văn Tuấn" };
const leader: FakeZaloUser = { id: "c0ffee0000000001", display_name: "Trần Văn Chủ Tịch" };
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from("pa no thon 3"),
  Buffer.from([0xff, 0xd9]),
]);

/** A plan with one commune task and 180 other communes, so the rollup has many missing units to list. */
const COMMUNES = Array.from(
  { length: 180 },
  (_, i) =>
    `  - { code: XA_SO_${String(i + 1).padStart(3, "0")}, name: "UBND xã Thử Nghiệm Số ${String(i + 1).padStart(3, "0")}", kind: xa, tags: [xa] }`,
);
const PLAN = `plan:
  number: 20/KH-UBND
  date: 2021-01-29
  title: Kế hoạch tuyên truyền cải cách hành chính năm 2021
  issuer: Phòng Văn hóa và Thông tin
  parent_issuer: UBND huyện Thạch Thành
  place: Thạch Thành
units:
${COMMUNES.join("\n")}
indicators:
  pano: { label: "Pa nô", measure: "cái", synonyms: ["pa nô", "pano"] }
  tin_bai: { label: "Tin bài", measure: "tin", synonyms: ["tin bài", "tin bai"] }
tasks:
  - code: BC_CCHC
    title: "Báo cáo kết quả tuyên truyền cải cách hành chính"
    targets: [xa]
    deadline: "chậm nhất ngày 15/03/2021"
    indicators: [pano, tin_bai]
`;

/** Everything said on Zalo, in order, to read once (PRINT_TRANSCRIPT=1). */
const transcript: string[] = [];
let h: ZaloHarness;

async function say(from: FakeZaloUser, text: string): Promise<string[]> {
  const replies = await h.say(from, text);
  transcript.push(`» ${from.display_name}: ${text}`, ...replies.map((r) => `« ${r}`));
  return replies;
}

beforeAll(async () => {
  h = await startZaloHarness({ now: "2021-03-10T02:00:00Z" }); // Wed 10/03/2021 09:00 in Hà Nội
  const t = createTranslator().t("vi");
  const parsed = parsePlanFile(PLAN, t);
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  // As `npm run plan:import` does: Zalo cannot carry a YAML file.
  await importPlan({ repos: h.app.repos, clock: h.clock, timezone: "Asia/Ho_Chi_Minh" }, "cli", parsed.file);
}, 60_000);

afterAll(async () => {
  if (process.env.PRINT_TRANSCRIPT) console.log(transcript.join("\n"));
  await h?.close();
});

describe("Zalo end to end (only Zalo configured)", () => {
  let code = "";

  it("/start tells every user their Zalo id", async () => {
    const [reply] = await say(leader, "/start");
    expect(reply).toContain(`ID Zalo của đồng chí: ${leader.id}`);
    expect(reply).toContain("ADMIN_ZALO_IDS");
  });

  it("an admin creates a unit and an invite for two officers", async () => {
    const [added] = await say(ZALO_ADMIN, '/donvi_them XA_THACH_BINH "UBND xã Thạch Bình" xa');
    expect(added).toContain("UBND xã Thạch Bình");
    const [invite] = await say(ZALO_ADMIN, "/moi XA_THACH_BINH 2");
    code = /: ([2-9A-Z]{8})\n/.exec(invite)![1];
    expect(invite).toContain("Dùng được 2 lần");
  });

  it("two officers register their private chats to the unit and see the task", async () => {
    for (const officer of [lan, tuan]) {
      const [done] = await say(officer, `/dangky ${code}`);
      expect(done).toContain("Đã đăng ký cuộc trò chuyện này cho UBND xã Thạch Bình");
    }
    const [tasks] = await say(lan, "/nhiemvu");
    expect(tasks).toContain("Báo cáo kết quả tuyên truyền cải cách hành chính");
    expect(tasks).toContain("15/03/2021");
  });

  it("/nhacnho reaches both officers with a reminder that explains how to answer on Zalo", async () => {
    const before = [h.zalo.sent(lan.id).length, h.zalo.sent(tuan.id).length];
    await say(ZALO_ADMIN, "/nhacnho");
    await h.zalo.waitForSent(before[0] + 1, lan.id);
    await h.zalo.waitForSent(before[1] + 1, tuan.id);
    const reminder = h.zalo.sent(lan.id).at(-1)!.text!;
    transcript.push(`« (to ${lan.display_name}) ${reminder}`);
    expect(reminder).toContain("Nhắc hạn báo cáo — UBND xã Thạch Bình");
    expect(reminder).toContain("gửi thẳng nội dung vào đây");
    expect(reminder).not.toMatch(/trả lời tin nhắn này|reply/i);
    expect(h.zalo.sent(tuan.id).at(-1)!.text).toBe(reminder);
  });

  it("a report in plain words, then a photo, is confirmed with the values and joins the report", async () => {
    const [confirmation] = await say(lan, "da treo 12 pano, 3 tin bai");
    expect(confirmation).toContain("Đã ghi nhận báo cáo của UBND xã Thạch Bình");
    expect(confirmation).toContain("• Pa nô: 12 cái");
    expect(confirmation).toContain("• Tin bài: 3 tin");
    const replies = await h.sayPhoto(lan, JPEG, "ảnh pa nô thôn 3");
    transcript.push(`» ${lan.display_name}: [ảnh] ảnh pa nô thôn 3`, ...replies.map((r) => `« ${r}`));
    expect(replies.join("\n")).toContain("tổng 1 ảnh");
    const unit = (await h.app.repos.units.findByCode("XA_THACH_BINH"))!;
    const [report] = await h.app.repos.reports.listForUnit(unit.id);
    expect(report.values).toEqual({ pano: 12, tin_bai: 3 });
    expect((await h.app.repos.attachments.listForReports([report.id])).map((a) => a.kind)).toEqual(["photo"]);
  });

  it('a sticker and a "photo" that is not an image get specific answers and store nothing', async () => {
    const before = h.zalo.sent(lan.id).length;
    h.zalo.userSticker({ from: lan });
    await h.settle(lan.id, before);
    const [sticker] = h.zalo
      .sent(lan.id)
      .slice(before)
      .map((s) => s.text!);
    transcript.push(`» ${lan.display_name}: [nhãn dán]`, `« ${sticker}`);
    expect(sticker).toContain("nhãn dán");
    expect(sticker).toContain("ảnh minh chứng gửi ngay sau báo cáo");
    const replies = await h.sayPhoto(lan, Buffer.from("<html>not a photo</html>"));
    transcript.push(`» ${lan.display_name}: [ảnh giả: HTML]`, ...replies.map((r) => `« ${r}`));
    expect(replies.join("\n")).toContain("Ảnh vừa gửi không đọc được");
    const unit = (await h.app.repos.units.findByCode("XA_THACH_BINH"))!;
    const [report] = await h.app.repos.reports.listForUnit(unit.id);
    expect(await h.app.repos.attachments.listForReports([report.id])).toHaveLength(1);
  });

  it("an admin makes a Zalo user a leader by id; the leader's private chat becomes a rollup recipient", async () => {
    const [granted] = await say(ZALO_ADMIN, `/quyen zalo:${leader.id} leader`);
    expect(granted).toContain("Trần Văn Chủ Tịch");
    const [set] = await say(leader, "/nhomtonghop");
    expect(set).toContain("nơi nhận tổng hợp");
    const [status] = await say(leader, "/tinhhinh");
    expect(status).toContain("1/181");
  });

  it("/tonghop arrives as ≤ 2,000-character texts, then a chart photo whose link serves the PNG", async () => {
    const before = h.zalo.sent(leader.id).length;
    await say(leader, "/tonghop BC_CCHC");
    // The chart renderer loads on first use: wait for the photo, not for a quiet moment.
    await waitUntil(() =>
      h.zalo
        .sent(leader.id)
        .slice(before)
        .some((s) => s.method === "sendPhoto"),
    );
    const sent = h.zalo.sent(leader.id).slice(before);
    const texts = sent.filter((s) => s.method === "sendMessage").map((s) => s.text!);
    // The rollup of 181 units fits Zalo's 2,000 characters (texts longer than that are split in
    // order: the messenger contract checks it); the communes it names come in order.
    expect(texts.length).toBeGreaterThanOrEqual(1);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(2000);
    const numbers = [...texts.join("\n").matchAll(/Thử Nghiệm Số (\d{3})/g)].map((m) => Number(m[1]));
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const photo = sent.at(-1)!;
    expect(photo).toMatchObject({ method: "sendPhoto", photoStatus: 200, photoType: "image/png" });
    expect(photo.photoBytes!.subarray(0, 4)).toEqual(PNG_MAGIC);
    expect(photo.photo!.startsWith(`${h.baseUrl}/files/`)).toBe(true);
    const again = await fetch(photo.photo!);
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer()).subarray(0, 4)).toEqual(PNG_MAGIC);
  });

  it("/xuat and /baocaodocx answer with links that download a valid XLSX and DOCX", async () => {
    for (const [command, part] of [
      ["/xuat", "xl/workbook.xml"],
      ["/baocaodocx", "word/document.xml"],
    ] as const) {
      const [reply] = await say(leader, command);
      const link = /https?:\/\/\S+\/files\/\S+/.exec(reply)?.[0];
      expect(link, reply).toBeDefined();
      const response = await fetch(link!);
      expect(response.status).toBe(200);
      expect(unzip(new Uint8Array(await response.arrayBuffer())).has(part)).toBe(true);
    }
  });

  it("a guessed or expired link answers 404", async () => {
    expect((await fetch(`${h.baseUrl}/files/AAAAAAAAAAAAAAAAAAAAAAAA/x.xlsx`)).status).toBe(404);
    expect((await fetch(`${h.baseUrl}/files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    const [reply] = await h.say(leader, "/xuat");
    const link = /https?:\/\/\S+\/files\/\S+/.exec(reply)![0];
    h.clock.advance(7 * 86_400_000 + 1000);
    expect((await fetch(link)).status).toBe(404);
    h.clock.advance(-(7 * 86_400_000 + 1000));
  });

  it("the scheduled weekly rollup reaches the leader's private chat", async () => {
    const before = h.zalo.sent(leader.id).length;
    h.clock.set("2021-03-12T09:00:00Z"); // Friday 16:00
    await h.app.scheduler.tick();
    await waitUntil(() =>
      h.zalo
        .sent(leader.id)
        .slice(before)
        .some((s) => s.text?.includes("12/03/2021 16:00")),
    );
    const sent = h.zalo.sent(leader.id).slice(before);
    expect(sent.some((s) => s.text?.includes("Báo cáo kết quả tuyên truyền cải cách hành chính"))).toBe(true);
  });

  it("never sent anything the API refused", () => {
    expect(h.zalo.calls.filter((c) => c.status === 400)).toEqual([]);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
