import { describe, expect, it } from "vitest";
import { plainReading as plain } from "../support/parsed.js";

// A day of the month ("mùng 4", "mồng 10", "mùng 1 Tết") is a date, never a figure
describe("a day named by 'mùng'/'mồng' is a date", () => {
  it.each([
    ["hôm nay mùng 6 loa xã phát 15 lượt", { phat_thanh: 15 }],
    ["mồng 10 treo 8 băng rôn ở chợ", { bang_ron: 8 }],
    ["mung 3 tet phat 200 to roi", { to_roi: 200 }],
    ["từ mùng 2 đến mùng 9 đăng 7 tin bài", { tin_bai: 7 }],
    ["nay mong 5 dan 20 ap phich", { ap_phich: 20 }],
    ["phát thanh hôm nay mồng 10 được 14 lượt", { phat_thanh: 14 }],
    ["tờ rơi mùng 1 Tết phát 500 tờ", { to_roi: 500 }],
    ["loa nay mung 7 la 9 luot", { phat_thanh: 9 }],
    ["Bài fanpage: mùng 8 đăng 3 bài", { bai_mxh: 3 }],
    ["phát thanh mùng năm được 10 lượt", { phat_thanh: 10 }],
    ["to roi mung muoi phat 300 to", { to_roi: 300 }],
    // a measure after the number: a count ("Mong", typed without marks, is the Hmong people)
    ["bang ron tieng Mong 4 cai, to roi 60 to", { bang_ron: 4, to_roi: 60 }],
    ["họp dân tộc Mông 35 người, 1 buổi", { hoi_nghi: 1, nguoi_tham_du: 35 }],
  ])("%s", (text, values) => {
    expect(plain(text).values).toEqual(values);
  });
});

// A number word typed without marks inside a common two-word term ("quang ba", "sau do", "nam nay") is no figure
describe("a number word inside a term typed without marks", () => {
  it.each([
    ["dang 5 bai quang ba san pham tren fanpage", { bai_mxh: 5 }],
    ["phat 300 to roi quang ba du lich", { to_roi: 300 }],
    ["treo 4 bang ron, sau do phat thanh 10 luot", { bang_ron: 4, phat_thanh: 10 }],
    ["nam nay dang 12 tin bai", { tin_bai: 12 }],
    ["treo ba bang ron o cho", { bang_ron: 3 }],
    ["phat thanh ba luot", { phat_thanh: 3 }],
    ["phat thanh quang ba san pham ocop cua xa", {}],
    ["treo bang ron quang ba le hoi", {}],
    ["in to gap quang ba diem den", {}],
    ["dang bai tren zalo quang ba", {}],
    ["phat to roi o khu du lich ba na", {}],
    ["phat thanh tuyen truyen sau rong", {}],
    ["to roi phat sau sat toi tung ho", {}],
    ["phat to roi hai long", {}],
    ["treo bang ron tai khu bay ban nong san", {}],
    ["phat thanh giup nguoi dan nam bat chu truong", {}],
    ["treo bang ron chin chu", {}],
    ["phat thanh tuyen truyen sau rong 8 luot", { phat_thanh: 8 }],
    ["treo bay bang ron, chin pano", { bang_ron: 7, pano: 9 }],
  ])("%s", (text, values) => {
    expect(plain(text).values).toEqual(values);
  });
});

// A correction of one part of a per-sitting product recomputes it: the count of sittings after "à nhầm",
// or one sitting's own figure ("lớp thứ 3 chỉ có 42")
describe("recountSittings: a corrected part of a product per sitting", () => {
  it.each([
    [
      "5 thôn mỗi thôn 1 buổi, mỗi buổi 30 người, à nhầm, thôn Nà Lạn chưa tổ chức được nên chỉ 4 buổi thôi",
      { hoi_nghi: 4, nguoi_tham_du: 120 },
    ],
    [
      "6 thôn mỗi thôn 1 buổi, mỗi buổi 40 người, à nhầm, 2 thôn chưa làm, nên là 4 buổi",
      { hoi_nghi: 4, nguoi_tham_du: 160 },
    ],
    [
      "Hội ND: 3 chi hội mỗi chi hội 1 buổi, mỗi buổi khoảng 25 người\ntờ rơi 200\nà em nhầm, chi hội Đông chưa làm, nên là 2 buổi thôi",
      { hoi_nghi: 2, nguoi_tham_du: 50, to_roi: 200 },
    ],
    ["họp 3 buổi mỗi buổi 20 người, em nhầm, chỉ họp 2 buổi thôi", { hoi_nghi: 2, nguoi_tham_du: 40 }],
    ["mo 4 lop moi lop 30 hoc vien, lop thu 2 chi co 25", { hoi_nghi: 4, nguoi_tham_du: 115 }],
    ["tổ chức 2 cuộc, mỗi cuộc 60 người; cuộc thứ 2 chỉ được 48 người", { hoi_nghi: 2, nguoi_tham_du: 108 }],
    [
      "- 2 lớp tập huấn, mỗi lớp 45 hv\n- phát 300 tờ rơi\nà lớp thứ 2 chỉ có 38 hv thôi ạ",
      { hoi_nghi: 2, nguoi_tham_du: 83, to_roi: 300 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text).values).toEqual(values);
  });

  it.each([
    ["3 buổi mỗi buổi 40 người", { hoi_nghi: 3, nguoi_tham_du: 120 }],
    [
      "4 chi hội mỗi chi hội 1 buổi, mỗi buổi 35 chị, à nhầm tờ rơi 300 chứ không phải 200",
      { hoi_nghi: 4, nguoi_tham_du: 140, to_roi: 300 },
    ],
  ])("no correction of the sittings, the product stands: %s", (text, values) => {
    expect(plain(text).values).toEqual(values);
  });
});
