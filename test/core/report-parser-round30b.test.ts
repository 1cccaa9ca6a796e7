import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// Round 30b: parts that add up and tables whose columns are periods. Variants written for the round
// (other places, numbers, order, with and without diacritics), with what a clerk records.

describe("a table of period columns is read in the report's own period, named in its title", () => {
  it.each([
    [
      "XÃ TÂN LẬP - BÁO CÁO SỐ LIỆU TUYÊN TRUYỀN THÁNG 11/2026\nKính gửi: Phòng Văn hóa\n\nBiểu số liệu:\nChỉ tiêu | ĐVT | Tháng 10 | Tháng 11 | Lũy kế quý IV\nPa nô | cái | 3 | 2 | 5\nPhát thanh | lượt | 40 | 35 | 75",
      { pano: 2, phat_thanh: 35 },
    ],
    [
      "xa Dong Son bc thang 12 a\nnguoi lap: Hoa\n\n\nNoi dung | DVT | Thang 11 | Thang 12 | Luy ke\nBang ron | cai | 8 | 5 | 20\nTo roi | to | 300 | 450 | 900",
      { bang_ron: 5, to_roi: 450 },
    ],
    [
      "Phường Hòa Bình báo cáo số liệu quý III/2026 như sau:\nKính gửi: Sở VHTTDL\nSố liệu tổng hợp đến 30/9\n\nNội dung\tĐVT\tQuý III/2026\tNăm 2026\nTin bài\ttin\t14\t40\nHội nghị\tcuộc\t3\t9\nNgười tham dự\tngười\t240\t700",
      { tin_bai: 14, hoi_nghi: 3, nguoi_tham_du: 240 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("the months of a quarter report said one after another add up to the quarter", () => {
  it.each([
    ["bc quy 3 cua ban: thang 7 hop 2 cuoc, thang 8 hop 1 cuoc, thang 9 chua hop", { hoi_nghi: 3 }],
    ["Báo cáo quý I của tổ dân phố: tháng 1 họp 1 cuộc, tháng 2 họp 1 cuộc, tháng 3 họp 2 cuộc", { hoi_nghi: 4 }],
    ["Xóm Đình bc quý 4 ạ: tháng 10 phát loa 20 lượt, tháng 11 phát loa 25 lượt", { phat_thanh: 45 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    [
      "Ấp 3 bc quý 4: tháng 10 họp dân 2 lần, tháng 11 họp 1 lần, tổng quý 3 lần 180 người",
      { hoi_nghi: 3, nguoi_tham_du: 180 },
    ],
    [
      "bc quy IV: thang 10 phat thanh 30 luot, thang 11 28 luot, thang 12 10 luot; tong quy 68 luot",
      { phat_thanh: 68 },
    ],
    ["tuần trước phát loa 8 lượt, tuần này 9 lượt, tháng 11 tới giờ là 17 lượt ạ", { phat_thanh: 17 }],
    ["Treo 12 băng rôn.\nTin bài: tháng 7: 5 tin, tháng 8: 4 tin; tổng quý III: 9 tin.", { bang_ron: 12, tin_bai: 9 }],
    [
      "Phát 300 tờ rơi.\nLoa: tháng 4: 15 lượt, tháng 5: 12 lượt; cộng quý II: 27 lượt",
      { to_roi: 300, phat_thanh: 27 },
    ],
  ])("the officer's own total wins over the sum: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("figures added with 'cộng thêm' join the ones before", () => {
  it.each([
    ["3 lớp x 30 người, cộng thêm 1 lớp cho phụ nữ 25 người", { hoi_nghi: 4, nguoi_tham_du: 115 }],
    ["tổ chức 2 buổi x 40 người, thêm 1 buổi cho hội phụ nữ 30 người", { hoi_nghi: 3, nguoi_tham_du: 110 }],
    ["2 cuoc x 40 ng, cong them 1 cuoc cho can bo xa 22 ng", { hoi_nghi: 3, nguoi_tham_du: 102 }],
    ["mở 2 lớp x 45 học viên, cộng thêm 1 lớp cho cán bộ thôn 30 học viên", { hoi_nghi: 3, nguoi_tham_du: 120 }],
    ["mỗi thôn treo 2 băng rôn, xã có 8 thôn, cộng thêm 3 cái ở UBND xã", { bang_ron: 19 }],
    ["dan 5 to ap phich o moi truong, co 4 truong, cong them 2 to o tram y te", { ap_phich: 22 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  // the people after the comma closing the count of sittings are its attendees (round 35b)
  it("a gathering of two groups is one gathering ('1 buổi, 42 ĐV + HS')", () => {
    expect(plain("tổ chức 1 buổi tuyên truyền ATGT ở trường, 42 ĐV + HS").values).toEqual({
      hoi_nghi: 1,
      nguoi_tham_du: 42,
    });
  });
});

describe("one line per village: the villages' figures add up", () => {
  it.each([
    [
      "e tong hop cac xom a\nxóm 1: băng rôn 3, họp 1 buổi 40 ng\nxóm 2: băng rôn 1, họp 1 buổi 35 ng\nxóm 3: chưa họp, băng rôn 2",
      { bang_ron: 6, hoi_nghi: 2, nguoi_tham_du: 75 },
    ],
    [
      "Số liệu các thôn:\nThôn Đông: pano 1, phát thanh 10 lượt\nThôn Tây: pano 2, phát thanh 12 lượt\nThôn Nam: phát thanh 8 lượt",
      { pano: 3, phat_thanh: 30 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});
