import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// Convention of the corpus for rates and distributed counts (read from every development message with "mỗi",
// "/ngày", "/tuần", "/xã", "/thôn", "x", "×"): the clerk records the product the officer leaves to work out.
// - A rate over a span is multiplied: "ngày 2 lượt trong 15 ngày" = 30, "3 buổi/tuần x 13 tuần" = 39, "mỗi tuần 3
//   lượt trong 4 tuần" = 12, "ngày 1 bài suốt tháng 11 (30 ngày)" = 30; times of day count ("sáng chiều mỗi ngày 1
//   lần, 7 ngày" = 14). A total the officer states wins over the product ("…, tổng 24 lượt" = 24).
// - The days named after the span ("trong 3 ngày 28, 29, 30/10", "từ 1/12 đến 10/12") are no figures.
// - A count of units multiplies each unit's rate, also across a rate and its span ("2 xe, mỗi xe 1 lượt/ngày
//   trong 5 ngày" = 10), and a count of places said anywhere before "mỗi xã" / "/xã" multiplies each place's
//   figure ("10 xã …; mỗi xã treo 5 băng rôn" = 50; "mỗi thôn 2 pano × 8 thôn" = 16).
// - A rate is NOT multiplied when it describes a thing already counted: "mỗi bài kèm 3-4 ảnh", "mỗi lượt 15 phút",
//   "12 giờ/ngày"; days each class lasts are no sittings ("2 lớp x 2 ngày/lớp" = 2 meetings); a stated total split
//   over places keeps the total ("30 áp phích tại 10 điểm, mỗi điểm 3 cái" = 30).

describe("a rate over a span with its total stated: the total wins", () => {
  it.each([
    ["loa thon phat ngay 3 lan sang trua chieu, lien tuc 10 ngay dip le, tong cong 30 luot", { phat_thanh: 30 }],
    ["xe loa ngay 2 chuyen, chay lien tuc 6 ngay, tat ca 12 luot", { xe_luu_dong: 12 }],
    ["trang xa dang moi ngay 1 tin trong 20 ngay cuoi thang, tong 20 tin bai", { tin_bai: 20 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a rate by the day or week over a span is its product", () => {
  it.each([
    ["loa xa phat ngay 2 lan sang chieu, lien tuc 9 ngay truoc ngay bau cu", { phat_thanh: 18 }],
    ["dai xa phat tin ve bau cu moi ngay 2 luot trong 3 ngay 5, 6, 7/12 a", { phat_thanh: 6 }],
    ["tuần 3 buổi phát thanh chuyên mục an toàn giao thông, duy trì trong 4 tuần tháng 12", { phat_thanh: 12 }],
    ["tuan 2 lan phat thanh ve phong chay, lam du 5 tuan a", { phat_thanh: 10 }],
    ["chi doan dang ngay 1 bai suot thang 12 (31 ngay) tren fanpage", { bai_mxh: 31 }],
    ["Đoàn phường đăng zalo mỗi ngày 2 bài suốt 15 ngày ra quân", { bai_mxh: 30 }],
    ["phat thanh sang toi moi ngay 1 luot, trong 8 ngay cao diem a", { phat_thanh: 16 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a count of units multiplies each unit's rate, also a rate over days", () => {
  it.each([
    ["3 xe loa, moi xe chay 2 luot/ngay trong 4 ngay le hoi", { xe_luu_dong: 24 }],
    ["xa Tan Lap: moi thon 3 bang ron × 7 thon, treo xong roi a", { bang_ron: 21 }],
    ["Phường An Phú: mỗi tổ dân phố 2 pa nô x 5 tổ", { pano: 10 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a count of places said before 'mỗi xã' / '/xã' multiplies each place's figures", () => {
  it("a formal district report", () => {
    const text = [
      "HUYỆN ĐOÀN BẢO LÂM",
      "Báo cáo kết quả ra quân tình nguyện",
      "1. Phạm vi: 6 xã vùng cao (Lý Bôn, Nam Quang, Vĩnh Phong, Mông Ân, Thái Học, Yên Thổ).",
      "2. Trực quan: mỗi xã treo 4 băng rôn, 1 pa nô.",
      "3. Phát 150 tờ rơi/xã.",
      "4. Mỗi xã tổ chức 01 buổi tuyên truyền với 60 đoàn viên tham dự.",
    ].join("\n");
    expect(plain(text)).toEqual(only({ bang_ron: 24, pano: 6, to_roi: 900, hoi_nghi: 6, nguoi_tham_du: 360 }));
  });

  it.each([
    ["Cụm 4 xã phía Bắc: mỗi xã dựng 2 pano, phát 300 tờ rơi/xã", { pano: 8, to_roi: 1200 }],
    ["ra quan o 5 thon, moi thon treo 3 bang ron va phat 100 to roi", { bang_ron: 15, to_roi: 500 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("rates that describe a thing already counted are not multiplied", () => {
  it.each([
    ["3 lớp tập huấn x 3 ngày/lớp, mỗi lớp 40 học viên", { hoi_nghi: 3, nguoi_tham_du: 120 }],
    ["mo 2 lop boi duong, moi lop hoc 2 ngay, moi lop 30 hv", { hoi_nghi: 2, nguoi_tham_du: 60 }],
    ["đăng 12 bài fanpage, mỗi bài kèm 4-5 ảnh", { bai_mxh: 12 }],
    ["dang 7 bai len zalo, moi bai 3 anh", { bai_mxh: 7 }],
    ["Treo 24 băng rôn tại 8 tuyến đường: mỗi tuyến 3 cái", { bang_ron: 24 }],
    ["to roi 600 to phat tai 6 thon, moi thon 100 to", { to_roi: 600 }],
    ["phát thanh 14 lượt, mỗi lượt 10 phút", { phat_thanh: 14 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

// Written before the rules with the others; still read wrongly after round 31a (left for a later round)
describe("not read yet", () => {
  it.fails.each([
    // "lần" is no measure, so the stated "24 lượt" of an unnamed station ("Đài phường") finds no indicator
    ["Đài phường phát mỗi ngày 2 lần trong 12 ngày trước Tết, tổng cộng 24 lượt ạ", { phat_thanh: 24 }],
    // "bản tin" names news items; the station's own name before it should decide ("lượt" is no measure of news)
    ["Đài truyền thanh phường phát bản tin mỗi ngày 3 lượt trong 4 ngày 12, 13, 14, 15/12", { phat_thanh: 12 }],
    // a vehicle's rate said "N lượt mỗi ngày" (not "/ngày") after "mỗi xe"
    ["Huy động 2 xe thông tin, mỗi xe 1 lượt mỗi ngày trong 6 ngày", { xe_luu_dong: 12 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});
