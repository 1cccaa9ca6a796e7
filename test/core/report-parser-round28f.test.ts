import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// A correction that keeps the figure and moves it to another indicator ("20 là băng rôn", "không phải
// phát thanh, là 20 lượt xe loa"): the figure said before the correction is no figure of its first indicator
describe("a correction moving the same figure to another indicator takes it from the first", () => {
  it.each([
    ["Pano 6 cái. À em nhầm, 6 cái đó là băng rôn ạ", { bang_ron: 6 }],
    ["15 lượt phát thanh, à không phải phát thanh, là 15 lượt xe loa lưu động ạ", { xe_luu_dong: 15 }],
    ["ap phich 30 to. e nham, 30 la to roi a", { to_roi: 30 }],
    ["băng rôn 12 cái, à nhầm, 12 cái là pano", { pano: 12 }],
    ["dang 9 bai fanpage, a ko phai, 9 tin bai tren cong TTDT", { tin_bai: 9 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["pano 12, à em nhầm, 14", { pano: 14 }],
    ["băng rôn 5 cái, à nhầm, băng rôn 6 cái", { bang_ron: 6 }],
    ["băng rôn 8 cái, tờ rơi 200 tờ, à nhầm, pano 8 cái", { bang_ron: 8, to_roi: 200, pano: 8 }],
    ["pano 4, băng rôn 2. e nhầm, pano 2 thôi", { pano: 2, bang_ron: 2 }],
  ])("a correction of the same indicator, or of another figure, stays as it was: %s", (text, values) => {
    expect(plain(text).values).toEqual(values);
  });
});

// Times of day named before "mỗi ngày"/"hàng ngày" are the day's rate of a broadcast, one each, times
// the days said after ("7 ngày", "từ 1/12 đến 6/12")
describe("a broadcast at two times of each day, over days, counts each time", () => {
  it.each([
    ["loa xã phát sáng và chiều mỗi ngày, trong 5 ngày ạ", { phat_thanh: 10 }],
    ["phat loa sang chieu hang ngay, 4 ngay roi a", { phat_thanh: 8 }],
    ["Đài truyền thanh phát sáng 6h và chiều 17h30 hằng ngày, từ 2/12 đến 8/12", { phat_thanh: 14 }],
    ["loa thôn phát sáng, trưa, chiều mỗi ngày, 3 ngày liền", { phat_thanh: 9 }],
    ["Loa xã phát sáng 6h15 và chiều 16h30 hàng ngày, từ 3/12 đến 9/12 ạ", { phat_thanh: 14 }],
    ["phat loa sang chieu moi ngay tu 2/12 den nay 5 ngay", { phat_thanh: 10 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["phát thanh sáng 1 lượt chiều 1 lượt, liên tục 10 ngày", { phat_thanh: 20 }],
    ["phát thanh 30 lượt, sáng chiều mỗi ngày trong 15 ngày", { phat_thanh: 30 }],
  ])("a rate said with its figures, or a figure stated, stays as it was: %s", (text, values) => {
    expect(plain(text).values).toEqual(values);
  });
});

// Products of the OCOP programme and their star rating are goods and a grade, no work of the plan: not asked about
describe("OCOP products and their stars are no figures", () => {
  it.each([
    ["Hội ND xã giới thiệu 4 sản phẩm OCOP 3 sao tại hội chợ, treo 2 băng rôn", { bang_ron: 2 }],
    ["xa co 12 san pham OCOP, phat 200 to roi gioi thieu", { to_roi: 200 }],
    ["HTX đạt 4 sao OCOP năm nay; phát thanh 6 lượt về sản phẩm", { phat_thanh: 6 }],
    ["đăng 7 bài giới thiệu 30 sản phẩm OCOP lên nhóm zalo xã", { bai_mxh: 7 }],
    ["dang 5 bai gioi thieu san pham OCOP 4 sao cua HTX tren fanpage", { bai_mxh: 5 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

// People surveyed or polled ("khảo sát 300 người", "lấy ý kiến 120 hộ") answered questions, they attended nothing
describe("people surveyed are no attendees", () => {
  it.each([
    ["khảo sát 250 người dân thì 60% biết VNeID, đăng 4 bài trên zalo", { bai_mxh: 4 }],
    ["khao sat 120 ho ve nuoc sach, phat 300 to roi", { to_roi: 300 }],
    ["Phiếu khảo sát lấy ý kiến 80 hộ; treo 3 băng rôn", { bang_ron: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a meeting's attendees after a survey stay ('khảo sát xong, họp 1 buổi 40 người')", () => {
    expect(plain("khảo sát xong thì họp dân 1 buổi 40 người").values).toEqual({ hoi_nghi: 1, nguoi_tham_du: 40 });
  });
});
