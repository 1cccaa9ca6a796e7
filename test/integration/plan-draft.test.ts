// The plan draft in chat, through the fake Telegram Bot API: an admin sends the seed's OCR text
// (as the .txt it is), reads the draft, corrects it by command and by reply, confirms, and sees the
// reminders planned; bad inputs each get a short answer with an example; pasted text in two parts.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";
import { planDocx, scannedPdf } from "../support/plan-documents.js";

const adminChat = { id: ADMIN.id, type: "private" as const };
const SEED = readFileSync("test/fixtures/plan-drafts/thach-thanh-cchc-2021.ocr.txt");
const DONG_SON = readFileSync("test/fixtures/plan-drafts/xa-dong-son-chuyen-doi-so-2026.txt", "utf8");
let h: Harness;

/** The bot's units before any plan: those of the sample plan, imported under another number. */
function unitsOnlyPlan(): Buffer {
  const sample = parse(readFileSync("plans/thach-thanh-cchc-2021.yaml", "utf8"));
  return Buffer.from(
    stringify({ plan: { number: "01/DV-TEST", date: "2021-01-04", title: "Danh sách đơn vị" }, units: sample.units }),
  );
}

const sendFile = (data: Buffer, fileName: string, mime: string, caption?: string) =>
  h.say(ADMIN, adminChat, "", {
    ...(caption ? { caption } : {}),
    document: { data, file_name: fileName, mime_type: mime },
  });

/** Sends and returns every record (texts and documents) the bot sent to the admin after it. */
async function sendAndCollect(send: () => Promise<string[]>) {
  const before = h.fake.sent(adminChat.id).length;
  await send();
  return h.fake.sent(adminChat.id).slice(before);
}

beforeAll(async () => {
  // Friday 29/01/2021 07:30 local: the seed plan's day; the first reminder of its first task is at 08:00.
  h = await startHarness({ now: "2021-01-29T00:30:00Z" });
  const [imported] = await sendFile(unitsOnlyPlan(), "don-vi.yaml", "text/yaml", "/nhapkehoach");
  expect(imported).toContain("Đã nhập kế hoạch 01/DV-TEST");
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe("plan draft from the seed document, in chat", () => {
  let taskMessages: { id: number; text: string }[] = [];

  it("a .txt of the seed without a caption gets the draft: summary, one message per task with its source, the YAML", async () => {
    const sent = await sendAndCollect(() => sendFile(SEED, "000_f1a1be36b810ea44.txt", "text/plain"));
    const texts = sent.map((s) => s.text ?? s.caption ?? "");
    expect(texts[0]).toContain("Dự thảo kế hoạch 20/KH-UBND: 3 nhiệm vụ, 27 đơn vị, 0 chưa khớp.");
    expect(texts[0]).toContain("Tên: Kế hoạch tuyên truyền cải cách hành chính năm 2021");
    expect(texts[0]).toContain("Đơn vị chủ trì, nhận báo cáo: Phòng Văn hóa và Thông tin");
    expect(texts[0]).toContain("Chưa có hạn (2): #1, #3");
    taskMessages = sent.filter((s) => /^#\d /.test(s.text ?? "")).map((s) => ({ id: s.message_id, text: s.text! }));
    expect(taskMessages).toHaveLength(3);
    expect(taskMessages[1].text).toContain("#2 Xây dựng kế hoạch tuyên truyền cải cách hành chính của đơn vị");
    expect(taskMessages[1].text).toContain("Hạn: Thứ Ba, 09/02/2021 (văn bản ghi: trước ngày 10/02/2021)");
    expect(taskMessages[1].text).toContain("Đơn vị: Xã, thị trấn (nhãn xa, 25 đơn vị)");
    expect(taskMessages[1].text).toContain("Nguồn: «Xay dung ké hoach");
    expect(taskMessages[0].text).toContain("Đơn vị: Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch");
    const yaml = sent.find((s) => s.method === "sendDocument");
    expect(yaml?.message.document.file_name).toBe("du-thao-20-KH-UBND.yaml");
  });

  it("/xacnhan is refused while tasks have no deadline, naming them and how to fix", async () => {
    const [reply] = await h.say(ADMIN, adminChat, "/xacnhan");
    expect(reply).toContain("Chưa nhập: 2 nhiệm vụ chưa có hạn hoặc chưa rõ đơn vị (#1, #3)");
    expect(reply).toContain("#1 hạn 15/7");
  });

  it("corrections by command and by reply change only what they name", async () => {
    const byCommand = await h.say(ADMIN, adminChat, "#1 hạn hằng tháng trước ngày 05 tháng sau");
    expect(byCommand[0]).toContain("Đã sửa");
    expect(byCommand[1]).toContain("Hạn: hằng tháng, 4 ngày sau khi hết tháng");
    // A reply to task #3's message, without its number.
    const byReply = await h.say(ADMIN, adminChat, "hạn hằng quý ngày 15", { reply_to_message_id: taskMessages[2].id });
    expect(byReply[1]).toContain("#3 Báo cáo kết quả thực hiện công tác tuyên truyền cải cách hành chính");
    expect(byReply[1]).toContain("Hạn: hằng quý, ngày 15 tháng cuối quý, kỳ đầu hạn Thứ Hai, 15/03/2021");
    const units = await h.say(ADMIN, adminChat, "#3 đơn vị: thêm phong-ban, doan-the");
    expect(units[1]).toContain(
      "Đơn vị: Xã, thị trấn (nhãn xa, 25 đơn vị); Phòng, ban (nhãn phong-ban, 6 đơn vị); Mặt trận, đoàn thể (nhãn doan-the, 6 đơn vị)",
    );
    const wrong = await h.say(ADMIN, adminChat, "#3 đơn vị: HTX_NONG_NGHIEP");
    expect(wrong[0]).toContain("Không tìm thấy đơn vị hoặc nhãn «HTX_NONG_NGHIEP» cho #3");
    const bad = await h.say(ADMIN, adminChat, "#2 hạn 31/02");
    expect(bad[0]).toContain("Chưa hiểu hạn «31/02» của #2. Ví dụ:");
  });

  it("/xacnhan imports through the plan import and shows the reminders planned", async () => {
    const [reply] = await h.say(ADMIN, adminChat, "/xacnhan");
    expect(reply).toContain("Đã nhập kế hoạch 20/KH-UBND");
    expect(reply).toContain("Lịch nhắc sắp tới:");
    expect(reply).toContain(
      "29/01/2021 08:00: #2 Xây dựng kế hoạch tuyên truyền cải cách hành chính của đơn vị, 25 đơn vị",
    );
    const tasks = await h.app.deps.repos.tasks.listActive();
    const codes = tasks.map((t) => t.code).sort();
    expect(codes).toEqual(["KH20_2021_NV01", "KH20_2021_NV02", "KH20_2021_NV03"]);
    const quarterly = tasks.find((t) => t.code === "KH20_2021_NV03")!;
    expect(quarterly.schedule).toMatchObject({
      kind: "periodic",
      period: "quarter",
      rule: { type: "day_of_last_month", day: 15 },
    });
    expect(quarterly.targets).toEqual(["xa", "phong-ban", "doan-the"]);
    // The draft is gone: a second /xacnhan has nothing to confirm.
    const [again] = await h.say(ADMIN, adminChat, "/xacnhan");
    expect(again).toContain("Chưa có dự thảo kế hoạch nào để xác nhận");
  });
});

describe("bad inputs get a short answer with an example", () => {
  it("a photo", async () => {
    const [reply] = await h.say(ADMIN, adminChat, "", {
      caption: "/duthao",
      photo: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
    });
    expect(reply).toContain("Đôn Đốc chưa đọc chữ trong ảnh chụp");
    expect(reply).toContain("ví dụ: /duthao KẾ HOẠCH");
  });

  it("an empty file", async () => {
    const [reply] = await sendFile(Buffer.alloc(0), "ke-hoach.txt", "text/plain", "/duthao");
    expect(reply).toContain("Tệp ke-hoach.txt không có nội dung");
    expect(reply).toContain("ví dụ tệp ke-hoach-20-KH-UBND.docx");
  });

  it("a 5 MB file", async () => {
    const [reply] = await sendFile(Buffer.alloc(5 * 1024 * 1024, 0x61), "ke-hoach.pdf", "application/pdf");
    expect(reply).toContain("Tệp ke-hoach.pdf lớn hơn 4 MB nên chưa được đọc");
    expect(reply).toContain("ví dụ ke-hoach-20-KH-UBND.docx");
  });

  it("a document with no tasks", async () => {
    const letter =
      "ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN\nSố: 12/GM-UBND\n\nGIẤY MỜI\nHọp giao ban tháng 3\n\nUBND xã kính mời các đồng chí dự họp giao ban lúc 8 giờ ngày 05/3/2026 tại hội trường UBND xã.";
    const [reply] = await sendFile(
      await planDocx(letter),
      "giay-moi.docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(reply).toContain("không thấy nhiệm vụ nào có thời hạn");
    expect(reply).toContain("ví dụ: /giao xa 10/02/2027");
  });

  it("a scanned PDF and an old .doc", async () => {
    const [scan] = await sendFile(scannedPdf(), "ban-quet.pdf", "application/pdf");
    expect(scan).toContain("là bản quét (chỉ có ảnh, không có lớp chữ)");
    const [doc] = await sendFile(
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
      "ke-hoach.doc",
      "application/msword",
    );
    expect(doc).toContain("định dạng Word cũ (.doc)");
  });
});

describe("pasted text", () => {
  it("a plan pasted in two messages (Telegram splits long texts) is drafted from both parts", async () => {
    const cut = DONG_SON.indexOf("IV. TỔ CHỨC THỰC HIỆN");
    const first = await h.say(ADMIN, adminChat, DONG_SON.slice(0, cut));
    // The first part has the header and no responsibilities yet: kept, waiting for the rest.
    expect(first[0]).toContain("Đã nhận phần 1 của văn bản 18/KH-UBND nhưng chưa thấy nhiệm vụ nào");
    const second = await h.say(ADMIN, adminChat, DONG_SON.slice(cut));
    expect(second[0]).toContain("Đã ghép phần văn bản vừa dán vào dự thảo (phần 2)");
    expect(second[1]).toContain("Dự thảo kế hoạch 18/KH-UBND: 8 nhiệm vụ");
    await h.say(ADMIN, adminChat, "/huyduthao");
  });

  it("/duthao with the whole text, then /huyduthao", async () => {
    const replies = await h.say(ADMIN, adminChat, `/duthao ${DONG_SON}`);
    expect(replies[0]).toContain("Dự thảo kế hoạch 18/KH-UBND: 8 nhiệm vụ");
    expect(replies[0]).toContain("«Công an xã»");
    const [cancelled] = await h.say(ADMIN, adminChat, "/huyduthao");
    expect(cancelled).toContain("Đã hủy dự thảo kế hoạch 18/KH-UBND; chưa có gì được nhập.");
  });
});
