import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// Families the office found misread in its own checks (round 27a); the clerk's figures beside each message

describe("sites of one online or bridged meeting: their attendees add up, the meeting is one", () => {
  it.each([
    [
      "Hội nghị trực tuyến sơ kết 6 tháng, điểm cầu huyện 62 đại biểu, điểm cầu xã Thọ Xương 38 đại biểu",
      { hoi_nghi: 1, nguoi_tham_du: 100 },
    ],
    [
      "hoi nghi truc tuyen quan triet chi thi, diem cau xa 45 dang vien, diem cau thon Nam 28 dang vien",
      { hoi_nghi: 1, nguoi_tham_du: 73 },
    ],
    [
      "Tổ chức 1 hội nghị tại 3 điểm cầu: điểm cầu huyện 70 người, điểm cầu xã 40, điểm cầu thị trấn 35",
      { hoi_nghi: 1, nguoi_tham_du: 145 },
    ],
    ["điểm cầu thị trấn 42 người, điểm cầu xã Yên Lâm 27 người", { nguoi_tham_du: 69 }],
    [
      "hội nghị truyền hình trực tuyến, điểm Ủy ban xã 50 người, điểm thôn Trung 32 người",
      { hoi_nghi: 1, nguoi_tham_du: 82 },
    ],
    [
      "Hội nghị trực tuyến triển khai Luật Đất đai: tại hội trường UBND xã 64 đại biểu, tại nhà văn hóa thôn Tân Lập 36 đại biểu",
      { hoi_nghi: 1, nguoi_tham_du: 100 },
    ],
    ["1 hoi nghi tai 2 diem cau: diem cau huyen 80 hoi vien, diem cau xa 26", { hoi_nghi: 1, nguoi_tham_du: 106 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["Hội nghị tuyên truyền tại hội trường xã 70 người, tại nhà văn hóa thôn 45 người", { nguoi_tham_du: 115 }],
    [
      "Tổ chức 2 hội nghị: tại hội trường xã 70 người, tại nhà văn hóa thôn 45 người",
      { hoi_nghi: 2, nguoi_tham_du: 115 },
    ],
  ])("places of a meeting not said to be online leave its count to the message: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a paper's format and size are no figures ('tờ gấp khổ A4 gấp 3', 'pano 2x3m')", () => {
  it.each([
    ["in 2.500 tờ gấp khổ A4 gấp 3 phát cho các hộ", { to_roi: 2500 }],
    ["Phát 800 bản tờ gấp A4 gấp 2", { to_roi: 800 }],
    ["to gap kho A4 gap 3: 1.200 ban", { to_roi: 1200 }],
    ["in 600 tờ rơi khổ A5 in 2 mặt", { to_roi: 600 }],
    ["pa nô 3x4m 5 cái", { pano: 5 }],
    ["Treo 8 pano kích thước 2,4x4,8m", { pano: 8 }],
    ["bang ron 0,8x6m 12 cai", { bang_ron: 12 }],
    ["áp phích khổ A3 150 tờ", { ap_phich: 150 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("dates in brackets between the parts are no figures: the parts add up", () => {
  it.each([
    ["Phát tờ rơi đợt 1 (1/3-10/3) 800 tờ, đợt 2 (11/3-20/3) 700 tờ", { to_roi: 1500 }],
    ["phat to roi dot 1 (05-12/4) 600 to, dot 2 (13-25/4) 900 to", { to_roi: 1500 }],
    ["Tờ rơi: đợt 1 (từ 2/10 đến 9/10) 1.200 tờ; đợt 2 (từ 10/10 đến 20/10) 1.300 tờ", { to_roi: 2500 }],
    ["phát thanh đợt 1 (1-10/5) 20 lượt, đợt 2 (11-31/5) 40 lượt", { phat_thanh: 60 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a rate over a span of days or weeks is its product; a stated total wins", () => {
  it.each([
    ["Loa phát thanh từ 10/3 đến 14/3, mỗi ngày 3 lượt", { phat_thanh: 15 }],
    ["từ ngày 5/6 đến ngày 9/6 phát thanh mỗi ngày 2 buổi", { phat_thanh: 10 }],
    ["phát thanh từ 1/12 đến 6/12 mỗi ngày 2 lượt", { phat_thanh: 12 }],
    ["phát thanh 2 buổi/tuần trong 6 tuần", { phat_thanh: 12 }],
    ["xe lưu động 1 lượt/ngày trong 5 ngày", { xe_luu_dong: 5 }],
    ["phat thanh moi ngay 2 luot trong 7 ngay", { phat_thanh: 14 }],
    ["phát thanh 2 lần/ngày trong 15 ngày, tổng cộng 28 lượt", { phat_thanh: 28 }],
    ["Đài truyền thanh phát 2 lượt/ngày từ 3/9 đến 7/9", { phat_thanh: 10 }],
    ["phat thanh tu 20/12 den 3/1 moi ngay 1 luot", { phat_thanh: 15 }],
    ["phát thanh từ 1/4 đến 10/4 mỗi ngày 2 lượt, tổng cộng 18 lượt", { phat_thanh: 18 }],
    ["phát thanh ngày 1 lượt trong 10 ngày cao điểm là 20 lượt", { phat_thanh: 20 }],
    ["phát thanh ngày 2 lượt trong 10 ngày, tháng trước là 15 lượt", { phat_thanh: 20 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a place typed in full or short is one kind of part ('Tổ dân phố 12 …, tdp 14 …'): the parts add up", () => {
  it.each([
    ["Tổ dân phố 3 treo 4 băng rôn, TDP 5 treo 6 cái", { bang_ron: 10 }],
    ["tdp 2 phat 300 to roi, to dan pho 7 phat 250 to", { to_roi: 550 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("sittings of the work before the thing's own figure are how long it took ('phát tờ rơi 2 buổi, được 600 tờ')", () => {
  it.each([
    ["Chi đoàn đi phát tờ rơi 3 buổi, phát được 900 tờ", { to_roi: 900 }],
    ["phát tờ rơi 2 buổi, được 450 tờ", { to_roi: 450 }],
    ["di phat to gap 2 buoi duoc 700 to", { to_roi: 700 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a thing counted in sittings keeps them ('buổi phát thanh'): two figures stay a conflict", () => {
    expect(plain("phát thanh 8 buổi, loa phát 12 lượt").conflicts).toEqual([{ code: "phat_thanh", values: [8, 12] }]);
  });
});

describe("a part of a sentence opening with 'cùng kỳ' is last year's to its end, every figure in it", () => {
  it.each([
    [
      "Quý này tổ chức 2 hội nghị với 90 người; cùng kỳ năm trước tổ chức 3 buổi, 120 người.",
      { hoi_nghi: 2, nguoi_tham_du: 90 },
    ],
    ["tháng 11 họp dân 4 cuộc 200 người. Cùng kỳ năm 2025 là 3 cuộc, 150 người", { hoi_nghi: 4, nguoi_tham_du: 200 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a post on the portal ('bài trên cổng xã') is a news item; 'face' is Facebook, 'tút' a post", () => {
  it.each([
    ["đăng 3 bài trên fanpage, 4 bài trên cổng thông tin xã", { bai_mxh: 3, tin_bai: 4 }],
    ["lên 5 tút trên face, 1 bài trên cổng xã", { bai_mxh: 5, tin_bai: 1 }],
    ["đăng 7 bài lên face xã", { bai_mxh: 7 }],
    ["phát hành 3 chuyên mục trên Cổng thông tin điện tử huyện", { chuyen_muc: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("the officer's word for themselves between 'mỗi <unit>' and the verb ('mỗi tuần em đăng 4 bài')", () => {
  it.each([
    ["moi tuan em dang 2 bai len fanpage, quy nay 12 tuan la 24 bai", { bai_mxh: 24 }],
    ["mỗi tháng mình làm 2 chuyên mục, cả năm 12 tháng là 24 chuyên mục", { chuyen_muc: 24 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});
