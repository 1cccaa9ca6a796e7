import { describe, expect, it } from "vitest";
import { parseNumberWords } from "../../src/core/reports/vietnamese-numbers.js";
import { onlyValues as only, plainReading as plain, readSample as read } from "../support/parsed.js";

describe("meetings: the people said to attend, however they are named", () => {
  it("a 'buổi sinh hoạt chuyên đề' is a meeting (an alias since the round on set 18), with its attendees", () => {
    expect(plain("Tổ chức 5 buổi sinh hoạt chuyên đề với 300 người tham gia")).toEqual(
      only({ hoi_nghi: 5, nguoi_tham_du: 300 }),
    );
  });

  // sessions the plan does not name ("sinh hoạt", "bồi dưỡng") were asked about here; since round 25a they are
  // meetings (the writers' convention, which development sets 17, 18 and 23 expect), with their attendees
  it.each([
    ["Mở 2 lớp bồi dưỡng, 80 học viên", { hoi_nghi: 2, nguoi_tham_du: 80 }],
    [
      "Tổ chức tuyên truyền lồng ghép 6 buổi sinh hoạt chi hội, có 240 lượt hội viên tham gia",
      { hoi_nghi: 6, nguoi_tham_du: 240 },
    ],
    ["chi doan to chuc 2 buoi sinh hoat, 70 doan vien tham du", { hoi_nghi: 2, nguoi_tham_du: 70 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["Hội nghị có 120 lượt đoàn viên tham dự", { nguoi_tham_du: 120 }],
    ["tap huan 2 lop, 90 luot can bo tham gia", { hoi_nghi: 2, nguoi_tham_du: 90 }],
    ["Tọa đàm 1 buổi, 35 lượt hội viên dự", { hoi_nghi: 1, nguoi_tham_du: 35 }],
  ])("visits of people by their role: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["Hội nghị quán triệt có 65 đồng chí dự", { nguoi_tham_du: 65 }],
    ["Họp chi bộ, 30 đồng chí tham dự; treo 2 băng rôn", { nguoi_tham_du: 30, bang_ron: 2 }],
    ["Tổ chức 2 hội nghị cho 120 đồng chí đảng viên", { hoi_nghi: 2, nguoi_tham_du: 120 }],
  ])("comrades who attend: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["Thôn có 320 hộ dân. Tổ chức 1 cuộc họp dân, 95 hộ tham dự", { hoi_nghi: 1, nguoi_tham_du: 95 }],
    ["họp dân 2 cuộc, 140 hộ dân tham gia", { hoi_nghi: 2, nguoi_tham_du: 140 }],
    ["họp dân 1 cuộc có 60 hộ gia đình tham dự", { hoi_nghi: 1, nguoi_tham_du: 60 }],
    ["Tổ chức 1 buổi tọa đàm, 45 em tham dự", { hoi_nghi: 1, nguoi_tham_du: 45 }],
  ])("households or pupils said to attend: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["Ban Chấp hành Đoàn xã gồm 15 đồng chí; treo 3 băng rôn", { bang_ron: 3 }],
    ["Chi bộ có 42 đồng chí, tổ chức 1 hội nghị với 40 người dự", { hoi_nghi: 1, nguoi_tham_du: 40 }],
    ["Xã có 1.250 hộ dân, phát 500 tờ rơi", { to_roi: 500 }],
    ["Kinh phí 500.000 đồng, treo 5 băng rôn", { bang_ron: 5 }],
  ])("members, households and money stay context: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a staff briefing is not a meeting the plan counts", () => {
    expect(read("Trong tháng có 3 cuộc họp giao ban, 12 pano").values).toEqual({ pano: 12 });
  });
});

describe("number forms: spoken tens, thousands set off by a space, the places below a scale in words", () => {
  it.each([
    [["ham", "lam"], 25],
    [["ham", "mot"], 21],
    [["bam", "hai"], 32],
    [["mot", "tram", "ham", "tu"], 124],
  ])("%j is %i", (keys, value) => {
    expect(parseNumberWords(keys)?.value).toBe(value);
  });

  it("'hăm'/'băm' alone (no units after them) is no number", () => {
    expect(parseNumberWords(["ham", "tin"])).toBeNull();
    expect(parseNumberWords(["bam", "nut"])).toBeNull();
  });

  it.each([
    ["Phát thanh hăm lăm lượt", { phat_thanh: 25 }],
    ["Treo băm hai băng rôn", { bang_ron: 32 }],
    ["Dán hăm mốt áp phích", { ap_phich: 21 }],
    ["Tờ rơi: 1 200 tờ", { to_roi: 1200 }],
    ["phat 12 500 to roi", { to_roi: 12500 }],
    ["Đã phát 2 400 tờ gấp cho các hộ", { to_roi: 2400 }],
    ["Tờ rơi: 1 ngàn hai trăm tờ", { to_roi: 1200 }],
    ["phát 2 nghìn năm trăm tờ rơi", { to_roi: 2500 }],
    ["Tờ rơi 3 ngàn một trăm tờ", { to_roi: 3100 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("two figures of a row typed with spaces are not one number", () => {
    expect(read("Pa nô 2 3").values.pano).not.toBe(2003);
    expect(read("Tờ rơi 500 800").values.to_roi).not.toBe(500800);
  });
});

describe("tables: a correction's old and new columns, branches as columns", () => {
  it.each([
    ["Chỉ tiêu;Số cũ;Số mới\nTờ rơi;500;650\nPa nô;2;3", { to_roi: 650, pano: 3 }],
    ["Chỉ tiêu | Đã báo cáo | Sửa lại\nTờ rơi | 800 | 1.000", { to_roi: 1000 }],
    ["Chỉ tiêu | Số cũ | Số đúng\nBăng rôn | 5 | 7", { bang_ron: 7 }],
    ["Nội dung\tBáo cáo trước\tĐiều chỉnh\nPhát thanh\t20\t24", { phat_thanh: 24 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["Nội dung\tChi đoàn 1\tChi đoàn 2\tCộng\nBài đăng\t4\t5\t9\nTin bài\t2\t-\t2", { bai_mxh: 9, tin_bai: 2 }],
    ["Chỉ tiêu | Chi bộ 1 | Chi bộ 2 | Chi bộ 3 | Toàn xã\nHội nghị | 1 | 1 | 1 | 3", { hoi_nghi: 3 }],
    ["Chỉ tiêu | Chi hội 1 | Chi hội 2 | Tổng\nNgười tham dự | 30 | 55 | 85", { nguoi_tham_du: 85 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("findMultipliers: a price per unit and how often each item went out are details", () => {
  it.each([
    ["Băng rôn giá 150.000đ/cái, treo 10 cái", { bang_ron: 10 }],
    ["Băng rôn 150k/cái, treo 10 cái", { bang_ron: 10 }],
    ["Pa nô 2 triệu đồng/cái, làm 3 cái", { pano: 3 }],
    ["Băng rôn giá 150.000 đồng/cái, treo 10 cái", { bang_ron: 10 }],
  ])("price: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["Phát 3 phóng sự trên đài, mỗi phóng sự phát 2 lần", { phong_su: 3 }],
    ["Xây dựng 4 phóng sự, mỗi phóng sự phát sóng 3 lượt", { phong_su: 4 }],
    ["4 chuyên mục, mỗi chuyên mục phát 2 lần; phát thanh 30 lượt", { chuyen_muc: 4, phat_thanh: 30 }],
    ["lam 2 phong su, moi phong su phat lai 2 lan", { phong_su: 2 }],
  ])("aired each: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("aired on a loudspeaker the plan counts, those are broadcasts", () => {
    expect(read("đã làm 2 chuyên mục, mỗi chuyên mục phát 3 lần trên loa").values).toEqual({
      chuyen_muc: 2,
      phat_thanh: 6,
    });
  });

  it("with no item counted before, the figure is still asked about", () => {
    expect(read("mỗi phóng sự phát 2 lần").unclear).toHaveLength(1);
  });

  it("a rate of items per unit still multiplies", () => {
    expect(read("phát 2 tờ/hộ cho 500 hộ tờ rơi").values.to_roi).toBe(1000);
  });
});

describe("markStockLeft: what is left from earlier years beside what was done", () => {
  it.each([
    ["Pa nô năm trước còn 2 cái, làm mới 3 cái", { pano: 3 }],
    ["băng rôn từ năm trước còn dùng được 4 cái, treo mới 6 cái", { bang_ron: 6 }],
    ["Tờ rơi tồn từ năm 2025 là 300 tờ, in mới 500 tờ, đã phát 500 tờ", { to_roi: 500 }],
    ["Pano cũ còn 2 cái, làm thêm 3 cái", { pano: 3 }],
    ["pa no nam ngoai con 3 cai, nam nay lam 2 cai", { pano: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("the stock said alone is still read", () => {
    expect(read("Pa nô năm trước còn 2 cái").values).toEqual({ pano: 2 });
  });
});

describe("findArithmetic: sessions named after their unit times the people at each", () => {
  it.each([
    ["3 lớp tập huấn x 40 học viên", { hoi_nghi: 3, nguoi_tham_du: 120 }],
    ["2 buổi tập huấn x 35 người", { hoi_nghi: 2, nguoi_tham_du: 70 }],
    ["mo 2 lop tap huan x 30 hoc vien", { hoi_nghi: 2, nguoi_tham_du: 60 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  // (round 30b: by the writers' convention of round 25a, sittings of people are meetings, named or not)
  it("unnamed sessions are meetings too, beside the product of people", () => {
    expect(read("2 buổi x 30 người").values).toEqual({ hoi_nghi: 2, nguoi_tham_du: 60 });
  });
});
