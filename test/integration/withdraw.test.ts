import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentPath } from "../../src/core/file-paths.js";
import { saysSentByMistake } from "../../src/core/reports/withdraw.js";
import { type Harness, importSamplePlan, registerOfficer, startHarness } from "../support/harness.js";

/** A JPEG's first bytes, distinct per seed: enough for the file checks. */
const photo = (seed: number) => Buffer.from([0xff, 0xd8, 0xff, 0xe0, seed, 2, 3, 4]);

// A report sent into the wrong unit's group, or a correction sent by mistake, is taken back by the
// officer ("gửi nhầm", /rut) instead of staying filed under the unit and shown to its leaders.
describe("withdrawing a report sent by mistake", () => {
  let h: Harness;
  const tanLap = { id: -7301, type: "supergroup" as const, title: "Xã Tân Lập" };
  const minh = { id: 7301, first_name: "Minh" };
  const dongTam = { id: -7302, type: "supergroup" as const, title: "Xã Đồng Tâm" };
  const lan = { id: 7302, first_name: "Lan" };
  const hoaBinh = { id: -7303, type: "supergroup" as const, title: "Xã Hòa Bình" };
  const tuan = { id: 7303, first_name: "Tuấn" };

  beforeAll(async () => {
    h = await startHarness({ now: "2026-12-07T02:00:00Z" });
    await importSamplePlan(h, "plans/so-vhttdl-2026.yaml");
    await registerOfficer(h, "X_TAN_LAP", minh, tanLap);
    await registerOfficer(h, "X_DONG_TAM", lan, dongTam);
    await registerOfficer(h, "X_HOA_BINH", tuan, hoaBinh);
  }, 60_000);
  afterAll(() => h?.close());

  const unitOf = async (code: string) => (await h.app.repos.units.findByCode(code))!;

  it("'gửi nhầm, số của xã bên cạnh': shows the report, keeps it on 'không', withdraws it and its photo on 'có'", async () => {
    await h.say(minh, tanLap, "bc quý 4 xã Tân Lập: pano 3, băng rôn 10", { photo: photo(1) });
    const unit = await unitOf("X_TAN_LAP");
    const [report] = await h.app.repos.reports.listForUnit(unit.id);
    const [file] = await h.app.repos.attachments.listForReports([report.id]);
    expect(existsSync(attachmentPath(h.dataDir, file.sha256))).toBe(true);

    const asked = (await h.say(minh, tanLap, "xin lỗi a, tin trên e gửi nhầm, đó là số của xã bên cạnh")).join("\n");
    expect(asked).toContain("Đồng chí muốn rút báo cáo gần nhất của UBND xã Tân Lập?");
    expect(asked).toMatch(/• Nhiệm vụ #2: .* \(Quý IV\/2026\), lần 1, lúc 07\/12\/2026 09:00/);
    expect(asked).toContain("• Pa nô: 3 cái");
    expect(asked).toContain('Trả lời "có" để rút (kỳ này trở lại chưa báo cáo');
    expect((await h.say(minh, tanLap, "không")).join("\n")).toBe("Đã giữ nguyên báo cáo, không rút gì.");
    expect(await h.app.repos.reports.listForUnit(unit.id)).toHaveLength(1);

    await h.say(minh, tanLap, "tin trên e gửi nhầm ạ");
    const done = (await h.say(minh, tanLap, "có ạ")).join("\n");
    expect(done).toContain(
      "↩️ Đã rút báo cáo của UBND xã Tân Lập — nhiệm vụ #2 (Quý IV/2026) và 1 tệp kèm theo. Kỳ này trở lại chưa báo cáo, hạn Thứ Ba, 15/12/2026.",
    );
    expect(done).toContain("Khi có số liệu đúng, đề nghị gửi lại báo cáo, ví dụ: /baocao #2");
    expect(await h.app.repos.reports.listForUnit(unit.id)).toEqual([]);
    const [open] = await h.app.repos.assignments.listOpenForUnit(unit.id);
    expect(open).toMatchObject({ status: "open", submittedAt: null });
    expect(existsSync(attachmentPath(h.dataDir, file.sha256))).toBe(false);
    // nothing is lost: the audit log keeps what was withdrawn
    const entry = await h.app.db.auditLog.findFirstOrThrow({ where: { action: "report.withdraw" } });
    expect(JSON.parse(entry.detailJson)).toMatchObject({ revision: 1, values: { pano: 3, bang_ron: 10 } });

    // the right report then is a first report again, not a revision of the withdrawn one
    const next = (await h.say(minh, tanLap, "bc quý 4 xã Tân Lập: pano 1, băng rôn 4")).join("\n");
    expect(next).toContain("✅ Đã ghi nhận báo cáo của UBND xã Tân Lập — nhiệm vụ #2");
  });

  it("/rut after a correction takes back the correction only: the report returns to the figures before", async () => {
    await h.say(lan, dongTam, "bc quý 4: pano 2, phát thanh 40 lượt");
    await h.say(lan, dongTam, "/sua phát thanh 400");
    const asked = (await h.say(lan, dongTam, "/rut")).join("\n");
    expect(asked).toContain("lần 2, lúc");
    expect(asked).toContain("• Lượt phát thanh: 400 lượt");
    expect(asked).toContain('Trả lời "có" để rút lần sửa này (báo cáo trở về số liệu lần 1)');
    const done = (await h.say(lan, dongTam, "có")).join("\n");
    expect(done).toContain(
      "↩️ Đã rút lần sửa gửi nhầm: báo cáo của UBND xã Đồng Tâm — nhiệm vụ #2 (Quý IV/2026) trở về số liệu lần 1 (ghi là lần 3):",
    );
    expect(done).toContain("• Lượt phát thanh: 40 lượt");
    const unit = await unitOf("X_DONG_TAM");
    const [report] = await h.app.repos.reports.listForUnit(unit.id);
    expect(report).toMatchObject({ revision: 3, values: { pano: 2, phat_thanh: 40 } });
    expect((await h.app.repos.reports.revisions(report.id)).map((r) => r.values.phat_thanh)).toEqual([40, 400, 40]);
  });

  it("a report revised after the question is not taken back on the old answer", async () => {
    await h.say(lan, dongTam, "/rut");
    await h.say(lan, dongTam, "/sua pa nô 5");
    expect((await h.say(lan, dongTam, "có")).join("\n")).toBe(
      "Báo cáo đã thay đổi sau khi Đôn Đốc hỏi, nên chưa rút gì. Đề nghị gửi lại /rut để xem báo cáo hiện tại.",
    );
    const [report] = await h.app.repos.reports.listForUnit((await unitOf("X_DONG_TAM")).id);
    expect(report.values.pano).toBe(5);
  });

  it("'nhắn nhầm nhóm' a day after the last report is not about it: no withdrawal offered; /rut still offers it", async () => {
    h.clock.advance(25 * 3_600_000);
    const reply = (await h.say(lan, dongTam, "Dạ em xin lỗi, em nhắn nhầm nhóm ạ")).join("\n");
    expect(reply).not.toContain("muốn rút báo cáo");
    expect((await h.say(lan, dongTam, "/rut")).join("\n")).toContain(
      "Đồng chí muốn rút báo cáo gần nhất của UBND xã Đồng Tâm?",
    );
    expect((await h.say(lan, dongTam, "không")).join("\n")).toContain("Đã giữ nguyên báo cáo, không rút gì.");
  });

  it("'gửi nhầm' with the right figures is a correction, recorded at once; with no report, says there is none", async () => {
    expect((await h.say(tuan, hoaBinh, "e gửi nhầm số liệu, a xóa giúp e báo cáo vừa rồi với ạ")).join("\n")).toBe(
      "UBND xã Hòa Bình không có báo cáo nào có thể rút (chưa có báo cáo, hoặc kỳ báo cáo đã đóng). Nếu cần sửa số liệu, đề nghị gửi /sua kèm số đúng, ví dụ: /sua pa nô 15",
    );
    await h.say(tuan, hoaBinh, "bc quý 4: pano 4, băng rôn 6");
    const fixed = (await h.say(tuan, hoaBinh, "e gửi nhầm, pano 2 cái mới đúng ạ")).join("\n");
    expect(fixed).toContain("✅ Đã cập nhật báo cáo của UBND xã Hòa Bình (lần 2)");
    expect(fixed).toContain("• Pa nô: 2 cái");
  });
});

describe("saysSentByMistake", () => {
  it.each([
    "xin lỗi a, tin trên e gửi nhầm, đó là số của xã bên cạnh",
    "e gui nham nhom a",
    "báo cáo vừa rồi em gửi nhầm xã ạ",
    "nhầm nhóm rồi, a xóa giúp e",
    "a ơi hủy giúp em báo cáo vừa gửi",
    "xoa giup e bc vua roi nhe",
    "số liệu đó không phải của xã em ạ",
    "rút báo cáo trên giúp em",
  ])("'%s' says a report went out by mistake", (text) => expect(saysSentByMistake(text)).toBe(true));
  it.each([
    "e gửi nhầm ảnh ạ",
    "e gửi nhầm số tờ rơi rồi, sửa lại thế nào ạ",
    "hình này gửi nhầm ạ",
    "xã đã tổ chức 2 hội nghị",
    "a ơi sửa băng rôn 5 cái",
    "nhầm lẫn số liệu thì sửa sao ạ",
    "em nhầm, 8 băng rôn mới đúng",
  ])("'%s' does not", (text) => expect(saysSentByMistake(text)).toBe(false));
});
