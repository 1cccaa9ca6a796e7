import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, seedThachBinhOfficer, startHarness } from "../support/harness.js";

const thachBinh = { id: -3101, type: "supergroup" as const, title: "Xã Thạch Bình" };
const lan = { id: 411, first_name: "Lan" };

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: "2021-03-10T01:00:00Z" });
  await seedThachBinhOfficer(h, lan, thachBinh);
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe("a report in an officer's own words, over the Telegram Bot API", () => {
  it("reads totals, arithmetic, a labelled figure, the channel and a count of places, and asks nothing", async () => {
    const text =
      "xa em bc a: phat thanh 3 buoi/tuan x 12 tuan = 36 buoi, 25 bai viet tren fanpage, treo 20 bang ron tai 8 thon, " +
      "so nguoi tham du hoi nghi: 210, da dang 7 tin bai, them 4 tin bai nua, tong cong la 11 tin bai";
    const [confirmation] = await h.say(lan, thachBinh, text);
    expect(confirmation).toContain("Đã ghi nhận báo cáo của UBND xã Thạch Bình");
    for (const line of [
      "• Băng rôn, khẩu hiệu: 20 cái",
      "• Tin bài: 11 tin",
      "• Lượt phát thanh: 36 lượt",
      "• Bài đăng mạng xã hội: 25 bài",
      "• Lượt người tham dự: 210 người",
    ])
      expect(confirmation).toContain(line);
    expect(confirmation).not.toContain("Chưa rõ");
    const unit = (await h.app.repos.units.findByCode("XA_THACH_BINH"))!;
    const [report] = await h.app.repos.reports.listForUnit(unit.id);
    expect(report!.values).toEqual({ bang_ron: 20, tin_bai: 11, phat_thanh: 36, bai_mxh: 25, nguoi_tham_du: 210 });
  });
});
