import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentPath } from "../../src/core/file-paths.js";
import { ADMIN, type Harness, startHarness } from "../support/harness.js";

// Issue 11: files kept across "which task?", the question's wording and choices, guessing the task,
// figures that belong to another task, EXIF time zones, indicators for ad hoc tasks.
const adminChat = { id: ADMIN.id, type: "private" as const };
const thachBinh = { id: -5001, type: "supergroup" as const, title: "Xã Thạch Bình" };
const thanhVinh = { id: -5002, type: "supergroup" as const, title: "Xã Thành Vinh" };
const lan = { id: 501, first_name: "Lan" };
const minh = { id: 502, first_name: "Minh" };

/** A JPEG whose Exif IFD holds DateTimeOriginal and, when given, OffsetTimeOriginal; distinct per seed. */
function jpeg(seed: number, original = "2021:03:09 16:30:00", offset?: string): Buffer {
  const entries = offset ? 2 : 1;
  const exifIfd = 26;
  const strings = exifIfd + 2 + 12 * entries + 4;
  const tiff = Buffer.alloc(strings + 20 + 8);
  tiff.write("II", 0);
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x8769, 10); // Exif IFD pointer
  tiff.writeUInt16LE(4, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt32LE(exifIfd, 18);
  tiff.writeUInt16LE(entries, exifIfd);
  const entry = (i: number, tag: number, count: number, at: number) => {
    const e = exifIfd + 2 + 12 * i;
    tiff.writeUInt16LE(tag, e);
    tiff.writeUInt16LE(2, e + 2); // ASCII
    tiff.writeUInt32LE(count, e + 4);
    tiff.writeUInt32LE(at, e + 8);
  };
  entry(0, 0x9003, 20, strings); // DateTimeOriginal
  tiff.write(`${original}\0`, strings, "latin1");
  if (offset) {
    entry(1, 0x9011, 7, strings + 20); // OffsetTimeOriginal
    tiff.write(`${offset}\0`, strings + 20, "latin1");
  }
  const app1 = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const header = Buffer.from([0xff, 0xd8, 0xff, 0xe1, (app1.length + 2) >> 8, (app1.length + 2) & 0xff]);
  return Buffer.concat([header, app1, Buffer.from([0xff, 0xd9, seed & 0xff, (seed >> 8) & 0xff])]);
}

let h: Harness;
let unitId: number;

async function register(unit: string, chat: typeof thachBinh, officer: typeof lan) {
  const [invite] = await h.say(ADMIN, adminChat, `/moi ${unit}`);
  await h.say(officer, chat, `/dangky ${/: ([2-9A-Z]{8})\n/.exec(invite)![1]}`);
}

beforeAll(async () => {
  h = await startHarness({ now: "2021-03-10T03:00:00Z" }); // Wed 10/03/2021 10:00: Quý I due 15/03, Quý II not begun
  // Importing 38 units can outlast the harness's quiet wait on a busy machine: wait for the summary.
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
  await register("XA_THACH_BINH", thachBinh, lan);
  await register("XA_THANH_VINH", thanhVinh, minh);
  unitId = (await h.app.repos.units.findByCode("XA_THACH_BINH"))!.id;
  // A second task open now, with no indicators: a report without figures fits both.
  await h.say(ADMIN, adminChat, "/giao XA_THACH_BINH,XA_THANH_VINH 25/03/2021 Báo cáo nhanh tình hình tuyên truyền");
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const pendingFiles = () => h.app.db.attachment.findMany({ where: { reportId: null } });

describe("the which-task question", () => {
  it("keeps an album sent with the report while it asks; answering 1 records the report with every photo", async () => {
    const before = h.fake.sent(thachBinh.id).length;
    h.fake.sendUserMessage({
      from: lan,
      chat: thachBinh,
      caption: "/baocao Xã đã tổ chức tuyên truyền cải cách hành chính tại các thôn",
      photo: jpeg(11),
      media_group_id: "album-q",
    });
    h.fake.sendUserMessage({ from: lan, chat: thachBinh, photo: jpeg(12), media_group_id: "album-q" });
    h.fake.sendUserMessage({ from: lan, chat: thachBinh, photo: jpeg(13), media_group_id: "album-q" });
    await h.fake.waitForSent(before + 2, thachBinh.id, 8000);
    const question = h.fake
      .sent(thachBinh.id)
      .slice(before)
      .map((s) => s.text!)
      .find((t) => t.includes("nhiệm vụ nào"))!;
    expect(question).toContain("Báo cáo chưa được ghi nhận cho đến khi đồng chí chọn");
    // Numbered once, due next first, and Quý II (not begun in March) is not offered.
    expect(question).toMatch(
      /\n1\. Báo cáo quý kết quả tuyên truyền cải cách hành chính \(Quý I\/2021\) — hạn Thứ Hai, 15\/03\/2021/,
    );
    expect(question).toMatch(/\n2\. Báo cáo nhanh tình hình tuyên truyền — hạn/);
    expect(question).not.toMatch(/\d\. #/);
    expect(question).not.toContain("Quý II");
    expect(await h.app.repos.reports.listForUnit(unitId)).toHaveLength(0);
    // Nothing is lost while the bot waits: all three photos are stored already.
    expect((await pendingFiles()).length).toBe(3);

    const [confirmation] = await h.say(lan, thachBinh, "1");
    expect(confirmation).toContain("Đã ghi nhận báo cáo của UBND xã Thạch Bình");
    expect(confirmation).toContain("(Quý I/2021)");
    expect(confirmation).toContain("Minh chứng: 3 ảnh");
    const [report] = await h.app.repos.reports.listForUnit(unitId);
    const files = await h.app.repos.attachments.listForReports([report.id]);
    expect(files.map((f) => f.kind)).toEqual(["photo", "photo", "photo"]);
    expect(await pendingFiles()).toEqual([]);

    // A correction without files still counts the report's photos, and a photo sent just before joins it.
    const quarterly = (await h.app.repos.tasks.findByCode("BC_QUY_CCHC"))!;
    const [revised] = await h.say(lan, thachBinh, `/baocao #${quarterly.id} đã treo 5 pa nô`);
    expect(revised).toContain("Đã cập nhật báo cáo");
    expect(revised).toContain("Minh chứng: 3 ảnh, 0 tệp");
    await h.say(minh, thanhVinh, "", { photo: jpeg(14) });
    await h.say(lan, thachBinh, "", { photo: jpeg(15) });
    const [withPhoto] = await h.say(lan, thachBinh, `/baocao #${quarterly.id} đã treo 6 pa nô`);
    expect(withPhoto).toContain("Minh chứng: 4 ảnh, 0 tệp");
    // Later, a photo alone waits for the report that follows; the revision takes it.
    h.clock.advance(11 * 60_000);
    await h.say(lan, thachBinh, "", { photo: jpeg(16) });
    expect((await pendingFiles()).map((f) => f.sourceChatId).sort()).toEqual(
      [String(thachBinh.id), String(thanhVinh.id)].sort(),
    );
    const [joined] = await h.say(lan, thachBinh, `/baocao #${quarterly.id} đã treo 7 pa nô`);
    expect(joined).toContain("Minh chứng: 5 ảnh, 0 tệp");
    // Another chat's pending photo stays pending.
    expect((await pendingFiles()).map((f) => f.sourceChatId)).toEqual([String(thanhVinh.id)]);
    await h.app.db.attachment.deleteMany({ where: { reportId: null } });
  });

  it("when the question expires, the officer is told nothing was recorded and the kept files are deleted", async () => {
    const [question] = await h.say(minh, thanhVinh, "", {
      caption: "/baocao Đã tuyên truyền trên loa truyền thanh xã",
      photo: jpeg(21),
    });
    expect(question).toContain("Đã nhận 1 ảnh, 0 tệp kèm báo cáo");
    const [kept] = await pendingFiles();
    const stored = attachmentPath(h.dataDir, kept.sha256);
    expect(existsSync(stored)).toBe(true);

    const before = h.fake.sent(thanhVinh.id).length;
    h.clock.advance(31 * 60_000);
    await h.app.scheduler.tick();
    await h.fake.waitForSent(before + 1, thanhVinh.id, 5000);
    const notice = h.fake.sent(thanhVinh.id).at(-1)!;
    expect(notice.text).toContain(
      'Báo cáo "Đã tuyên truyền trên loa truyền thanh xã" và 1 ảnh, 0 tệp kèm theo chưa được ghi nhận',
    );
    expect(notice.text).toContain("/baocao #2");
    const thanhVinhId = (await h.app.repos.units.findByCode("XA_THANH_VINH"))!.id;
    expect(await h.app.repos.reports.listForUnit(thanhVinhId)).toHaveLength(0);
    // Not orphaned: no pending row, no stored file nobody refers to.
    expect(await pendingFiles()).toEqual([]);
    expect(existsSync(stored)).toBe(false);
    // The answer after expiry is not taken as a report.
    const [late] = await h.say(minh, thanhVinh, "1");
    expect(late ?? "").not.toContain("Đã ghi nhận");
  });

  it("'quý I' in the text resolves the task without a question", async () => {
    const [confirmation] = await h.say(
      minh,
      thanhVinh,
      "/baocao Báo cáo quý I: xã đã tuyên truyền trên loa truyền thanh và fanpage",
    );
    expect(confirmation).toContain("Đã ghi nhận báo cáo của UBND xã Thành Vinh");
    expect(confirmation).toContain("(Quý I/2021)");
  });

  it("names the task that has the figures when the chosen one does not ask for them", async () => {
    const [created] = await h.say(
      ADMIN,
      adminChat,
      "/yeucau XA_THACH_BINH 3 Báo cáo nhanh số tin bài về CCHC chỉ tiêu: tin bài",
    );
    const taskId = /#(\d+)/.exec(created)![1];
    expect(created).toContain("Chỉ tiêu cần báo cáo: tin bài");
    const quarterly = (await h.app.repos.tasks.findByCode("BC_QUY_CCHC"))!;
    const [reply] = await h.say(lan, thachBinh, `/baocao #${taskId} đã đăng 4 tin bài, treo 3 pa nô`);
    expect(reply).toContain("• Tin bài: 4 tin");
    expect(reply).toContain(
      `• 3 pa nô: nhiệm vụ #${taskId} không có chỉ tiêu này nên chưa ghi. Chỉ tiêu này thuộc nhiệm vụ #${quarterly.id}: ${quarterly.title}`,
    );
    expect(reply).not.toContain("Chưa xác định được");
  });
});

describe("ad hoc tasks collect figures, and /nhiemvu says what each task asks for", () => {
  it("/giao with indicators by label or code; unknown ones get the list of known ones", async () => {
    const [created] = await h.say(
      ADMIN,
      adminChat,
      "/giao XA_THANH_VINH 30/03/2021 Treo pa nô tuyên truyền chỉ tiêu: pa nô, bang_ron",
    );
    expect(created).toContain("Chỉ tiêu cần báo cáo: pa nô, băng rôn, khẩu hiệu");
    const [unknown] = await h.say(ADMIN, adminChat, "/giao XA_THANH_VINH 30/03/2021 Treo cờ chỉ tiêu: lá cờ");
    expect(unknown).toContain("Không có chỉ tiêu: lá cờ");
    expect(unknown).toContain("pa nô");
    const [tasks] = await h.say(minh, thanhVinh, "/nhiemvu");
    expect(tasks).toContain("Treo pa nô tuyên truyền");
    expect(tasks).toContain("Chỉ tiêu cần báo cáo: pa nô, băng rôn, khẩu hiệu");
    expect(tasks).toContain("Báo cáo bằng nội dung (không có chỉ tiêu số)");
  });
});

describe("EXIF capture times", () => {
  it("reads DateTimeOriginal in TIMEZONE, unless OffsetTimeOriginal gives the zone", async () => {
    await h.say(lan, thachBinh, "", { photo: jpeg(31, "2021:03:09 16:30:00") });
    await h.say(lan, thachBinh, "", { photo: jpeg(32, "2021:03:09 16:30:00", "+09:00") });
    const rows = await h.app.db.attachment.findMany({ orderBy: { id: "desc" }, take: 2 });
    const [zoned, local] = rows;
    expect(local.capturedAt?.toISOString()).toBe("2021-03-09T09:30:00.000Z"); // 16:30 in Asia/Ho_Chi_Minh
    expect(zoned.capturedAt?.toISOString()).toBe("2021-03-09T07:30:00.000Z"); // 16:30 at +09:00
  });
});
