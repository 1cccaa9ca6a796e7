import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { onlyValues as only, plainReading as plain, readSample as read, readFixture } from "../support/parsed.js";

describe("markLookAlikes: a total of views, the best post's views and likes are told in passing", () => {
  it.each([
    ["đăng 7 bài fanpage, tổng cộng 9.500 lượt xem", { bai_mxh: 7 }],
    ["tin bai 4 tin, tong cong 3 nghin luot xem a", { tin_bai: 4 }],
    ["Bài đăng fanpage 12 bài, bài cao nhất đạt 5.100 lượt xem", { bai_mxh: 12 }],
    ["bai dang fanpage 6 bai, bai nhieu nhat duoc 2.000 luot xem", { bai_mxh: 6 }],
    ["Đăng 5 bài lên fanpage, được 410 lượt thích", { bai_mxh: 5 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("views of posts stay quoted to ask when nothing marks them as told in passing", () => {
    const r = read("Đăng 4 tin bài trên trang xã, đạt 2.300 lượt xem");
    expect(r.values).toEqual({ tin_bai: 4 });
    expect(r.unclear).toEqual([expect.stringContaining("2.300")]);
  });
});

describe("markNonValueSpans: a cost's sum closing its sentence is money", () => {
  it.each([
    ["Treo 4 pa nô. Kinh phí 12 triệu từ nguồn ngân sách xã", { pano: 4 }],
    ["bang ron 8 cai, chi phi 3,5 trieu a", { bang_ron: 8 }],
    ["Xe lưu động chạy 2 lượt, tiền xăng 800 nghìn ạ", { xe_luu_dong: 2 }],
    ["phat 500 to roi. tien in 1 trieu.", { to_roi: 500 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a count with its noun after a cost's word is no money ('tiền in 2 nghìn tờ rơi')", () => {
    expect(plain("Dùng tiền in 2 nghìn tờ rơi")).toEqual(only({ to_roi: 2000 }));
  });
});

describe("context counts: documents received, streets, stakes and a pickup truck", () => {
  it.each([
    ["Tháng này xã tiếp nhận 4 văn bản chỉ đạo; đăng 6 tin bài", { tin_bai: 6 }],
    ["nhan 2 van ban cua huyen, treo 10 bang ron", { bang_ron: 10 }],
    ["Đã treo 30 băng rôn trên 6 tuyến phố chính", { bang_ron: 30 }],
    ["bang ron 14 cai tren 3 tuyen pho, dung 28 coc tre", { bang_ron: 14 }],
    ["Dựng 2 pa nô, dùng 8 cọc sắt", { pano: 2 }],
    ["Xe lưu động 2 lượt, 1 xe bán tải gắn loa", { xe_luu_dong: 2 }],
    ["xe luu dong chay 3 luot bang 1 xe ban tai", { xe_luu_dong: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markLabels: a table's label 'Bảng 2', only typed with its marks", () => {
  it.each([
    ["Bảng 1. Kết quả tháng 11\nPa nô: 4\nBăng rôn: 12", { pano: 4, bang_ron: 12 }],
    ["Bảng 3: số liệu tuyên truyền\ntờ rơi 600 tờ", { to_roi: 600 }],
    ["BẢNG 2 - KẾT QUẢ QUÝ IV\nTin bài: 9", { tin_bai: 9 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("plain 'bang' before a number is no label ('pano thay bang 3')", () => {
    expect(plain("ap phich 6, pano 2. pano thay bang 3 a")).toEqual(only({ ap_phich: 6, pano: 3 }));
  });
});

describe("markLookAlikes: 'họp tổ dân phố' names a meeting", () => {
  it.each([
    ["Đã tổ chức 1 cuộc họp tổ dân phố với 95 người tham dự", { hoi_nghi: 1, nguoi_tham_du: 95 }],
    ["hop to dan pho 2 cuoc, 140 nguoi", { hoi_nghi: 2, nguoi_tham_du: 140 }],
    ["Họp tổ dân phố số 4: 1 cuộc, 60 người", { hoi_nghi: 1, nguoi_tham_du: 60 }],
    ["STT\tNội dung\tĐVT\tThực hiện\n1\tHọp tổ dân phố\tcuộc\t2\n2\tTờ rơi\ttờ\t300", { hoi_nghi: 2, to_roi: 300 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("the place alone is still no leaflets ('Tổ dân phố 3 phát 200 tờ rơi')", () => {
    expect(plain("Tổ dân phố 3 phát 200 tờ rơi")).toEqual(only({ to_roi: 200 }));
  });
});

describe("markContextCounts: times a report was aired, beside its figure", () => {
  it.each([
    ["Phóng sự về nông thôn mới: 1 phóng sự, 2 lần phát sóng", { phong_su: 1 }],
    ["phong su 1, thoi luong 10 phut, 3 luot phat song tren dai tinh", { phong_su: 1 }],
    ["1 phóng sự, 4 lần phát lại trên đài huyện", { phong_su: 1 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("named by the broadcasts, they stay the figure; alone they are asked about", () => {
    expect(plain("Phát thanh: 20 lần phát sóng")).toEqual(only({ phat_thanh: 20 }));
    expect(read("Đài xã 15 lượt phát sóng").unclear).toHaveLength(1);
  });
});

describe("markPartsLists: words of what the parts are, then the colon or 'với'", () => {
  it.each([
    ["Tập huấn 2 lớp cho cán bộ thôn: 30 và 35 học viên", { hoi_nghi: 2, nguoi_tham_du: 65 }],
    ["mo 3 lop tap huan voi 20, 25, 30 hoc vien", { hoi_nghi: 3, nguoi_tham_du: 75 }],
    [
      "Xã mở 2 lớp tập huấn kỹ năng chuyển đổi số cho tổ công nghệ: 28, 31 học viên",
      { hoi_nghi: 2, nguoi_tham_du: 59 },
    ],
    ["Họp dân 3 buổi tại nhà văn hóa với 40, 52 và 38 người", { hoi_nghi: 3, nguoi_tham_du: 130 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("one figure after 'với' is the attendees, not a part ('2 buổi với 80 người')", () => {
    expect(plain("Họp dân 2 buổi với 80 người")).toEqual(only({ hoi_nghi: 2, nguoi_tham_du: 80 }));
  });
});

describe("markCellLines: a Word table pasted one cell per line", () => {
  it.each([
    [
      "STT\nChỉ tiêu\nSố lượng\n1\nPa nô\n4\n2\nBăng rôn\n16\n3\nTờ rơi\n1.200",
      { pano: 4, bang_ron: 16, to_roi: 1200 },
    ],
    ["Em dán bảng ạ\nTT\nNội dung\nKết quả\n1\nTin bài\n7\n2\nHội nghị\n2", { tin_bai: 7, hoi_nghi: 2 }],
    ["stt\nchi tieu\nso luong\n1\nbang ron\n9\n2\nap phich\n15", { bang_ron: 9, ap_phich: 15 }],
    ["Băng rôn\n14\nTờ rơi\n900", { bang_ron: 14, to_roi: 900 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a lone name line before a lone number is left to the other stages (one row only)", () => {
    const r = read("Dạ em báo cáo\nPa nô\n4");
    expect(Object.values(r.values).length + r.unclear.length).toBeGreaterThan(0);
  });
});

describe("findCorrections: typed wrongly, a longer name, then 'thành' and the wrong figure", () => {
  it.each([
    ["em gõ nhầm số người tham dự hội nghị thành 1.500, đúng là 150 người ạ", { nguoi_tham_du: 150 }],
    ["e ghi nham so to roi phat cho dan thanh 3.000, dung la 300 to", { to_roi: 300 }],
    ["Báo sai số lượng băng rôn khẩu hiệu thành 41, đúng là 14 cái", { bang_ron: 14 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markTeamSizes: people of a group who went to do the work", () => {
  it.each([
    ["Phát 300 tờ rơi, 4 người của chi đoàn thanh niên đi phát", { to_roi: 300 }],
    ["treo 10 bang ron, 3 nguoi thuoc to cong tac cung treo", { bang_ron: 10 }],
    ["thang nay phat 245 to roi. 3 nguoi trong ban cong tac mat tran di phat", { to_roi: 245 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("people of a group who attend are never silenced (a figure or asked about)", () => {
    const r = read("Hội nghị 1 cuộc, 45 người của các chi hội tham dự");
    expect(r.values.nguoi_tham_du === 45 || r.unclear.some((u) => u.includes("45"))).toBe(true);
  });
});

describe("markPlacesOfParts: a figure's parts by place, adding up to it, are no figures", () => {
  it.each([
    ["bang ron treo 4 cai, 2 cai o nha van hoa 2 cai o cong lang", { bang_ron: 4 }],
    ["Treo 5 pa nô: 3 cái tại ngã ba, 2 cái trước chợ", { pano: 5 }],
    ["Dán 12 áp phích, 8 áp phích ở trường, 4 áp phích ở chợ", { ap_phich: 12 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("parts that do not add up stay asked about", () => {
    expect(read("Treo 5 pa nô: 3 cái tại ngã ba, 4 cái trước chợ").unclear.length).toBeGreaterThan(0);
  });
});

describe("qualifyPeriods: 'tính cả quý đến nay' in a shorter report is the period so far, a running total", () => {
  it.each([
    [
      "tuần này treo 4 băng rôn, 200 tờ rơi. Tính cả quý đến nay là 20 băng rôn, 800 tờ rơi",
      { bang_ron: 4, to_roi: 200 },
    ],
    ["thang 11: pano 2, bang ron 6. tinh ca nam den nay 15 pano, 40 bang ron", { pano: 2, bang_ron: 6 }],
    ["Tuần 2 tháng 12: 3 tin bài. Tính cả quý IV tới nay được 30 tin bài", { tin_bai: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("without 'đến nay' the quarter counted is the total; in a quarterly report it is its own figure", () => {
    expect(plain("tuần này 200 tờ, tính cả quý là 850 tờ")).toEqual(only({ to_roi: 850 }));
    expect(plain("bc quy: tuan nay them 1 pano\nca quy den nay 5 cai")).toEqual(only({ pano: 5 }));
  });
});

describe("qualifyPeriods: 'Tổng cả năm' in a report of a month or a quarter is a running total", () => {
  it.each([
    [
      "Kết quả tháng 11/2026: treo 6 băng rôn, 2 pa nô. Tổng cả năm 2026: 70 băng rôn, 15 pa nô",
      { bang_ron: 6, pano: 2 },
    ],
    ["Quý III/2026: 4 tin bài.\nCộng năm 2026: 20 tin bài", { tin_bai: 4 }],
    ["thang 10 phat 300 to roi, tong nam 2026: 2.400 to roi", { to_roi: 300 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("in a yearly report the year's total is the figure", () => {
    expect(plain("Báo cáo năm 2026: tổng cả năm: 40 pano")).toEqual(only({ pano: 40 }));
  });
});

describe("periodAt: '6 tháng cuối năm 2026' carries its year, so last year's figures are another period", () => {
  it.each([
    [
      "Trong 6 tháng cuối năm 2026, xã đã treo 18 băng rôn, 4 pa nô. Năm 2025 xã treo 30 băng rôn, 6 pa nô.",
      { bang_ron: 18, pano: 4 },
    ],
    ["6 thang dau nam 2026 dang 20 tin bai. nam 2025 ca nam 35 tin bai", { tin_bai: 20 }],
    [
      "Kết quả 6 tháng đầu năm 2026: 3 hội nghị, 240 người. Năm 2025: 5 hội nghị, 400 người",
      { hoi_nghi: 3, nguoi_tham_du: 240 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("qualifyPeriods: an earlier period's list after its colon ends at its sentence", () => {
  it.each([
    [
      "hoi nghi thang 8: 2 cuoc, 90 nguoi. hoi nghi thang 9: 1 cuoc, 60 nguoi. e bao cao thang 9 a",
      { hoi_nghi: 1, nguoi_tham_du: 60 },
    ],
    ["Báo cáo tháng 5. Số liệu tháng 4: 1.200 tờ rơi, 3 pa nô. Tháng 5: 900 tờ rơi, 2 pa nô", { to_roi: 900, pano: 2 }],
    ["Em báo cáo quý IV. Quý III: 5 tin bài! Quý IV: 8 tin bài", { tin_bai: 8 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("money and unit prices: 'tổng 150 nghìn' after a price, '1 tờ 500đ'", () => {
  it.each([
    ["in 400 tờ rơi, 1 tờ 500đ, tổng 200 nghìn ạ", { to_roi: 400 }],
    ["Làm 2 pa nô, 1 cái 3 triệu đồng, tổng cộng 6 triệu.", { pano: 2 }],
    ["bang ron 5 cai, 1 cai 80k, tong 400 nghin", { bang_ron: 5 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("'tổng' with no price before it stays a count ('tổng 2 nghìn tờ rơi')", () => {
    expect(plain("Phát 2 đợt, tổng 2 nghìn tờ rơi")).toEqual(only({ to_roi: 2000 }));
  });
});

describe("pairing: a bare measure followed by whom or where ('300 tờ cho 300 hộ')", () => {
  it.each([
    ["Đã phát 300 tờ cho 250 hộ.", { to_roi: 300 }],
    ["phat 120 to cho cac ho dan", { to_roi: 120 }],
    ["Thôn em phát 80 tờ tại nhà văn hóa", { to_roi: 80 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("findCorrections: the difference after 'là thiếu' / 'là thừa' is no figure", () => {
  it.each([
    ["Tin bài tháng này 6 tin. Hôm trước em báo tin bài 5 là thiếu 1 tin ạ.", { tin_bai: 6 }],
    ["bang ron 10 cai a, luc nay bao 12 la thua 2 cai", { bang_ron: 10 }],
    ["Áp phích 20 tờ. Em báo 17 là thiếu 3 tờ", { ap_phich: 20 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markNotDone: duplicates and what is left in store are no figures", () => {
  it.each([
    ["bang ron 12 cai, e dem lai thi co 2 cai bi trung", { bang_ron: 12 }],
    ["Đăng 9 bài fanpage, 1 bài bị trùng đã gỡ", { bai_mxh: 9 }],
    ["Phát 300 tờ rơi (50 tờ còn lại lưu tại nhà văn hóa)", { to_roi: 300 }],
    ["treo 8 bang ron, 1 cai bi lap nen go xuong", { bang_ron: 8 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markNamedParts: a count, a colon, then as many parts each opening with the thing's name", () => {
  it.each([
    [
      "Tổ chức 2 hội nghị: hội nghị cán bộ 45 đại biểu, hội nghị tại xã 80 đại biểu.",
      { hoi_nghi: 2, nguoi_tham_du: 125 },
    ],
    [
      "to chuc 2 hoi nghi: hoi nghi o thon 1 co 40 nguoi va hoi nghi o thon 2 co 55 nguoi",
      { hoi_nghi: 2, nguoi_tham_du: 95 },
    ],
    [
      "Tổ chức 3 hội nghị: hội nghị chủ chốt 50 đại biểu, hội nghị phía Bắc 70 đại biểu, hội nghị phía Nam 65 đại biểu",
      { hoi_nghi: 3, nguoi_tham_du: 185 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("fewer parts than the count are not summed", () => {
    expect(
      read("Tổ chức 3 hội nghị: hội nghị cán bộ 45 đại biểu, hội nghị tại xã 80 đại biểu.").values.nguoi_tham_du,
    ).not.toBe(125);
  });
});

describe("markLabels: a capitalised plain word mid-sentence in a message typed with marks is a name ('phía Nam 75')", () => {
  it.each([
    ["Hội nghị cụm phía Nam 75 đại biểu", { hoi_nghi: 1, nguoi_tham_du: 75 }],
    ["Thang 10 bên e tập huấn 1 lớp, 45 học viên.", { hoi_nghi: 1, nguoi_tham_du: 45 }],
  ])("%s", (text, values) => {
    const r = read(text);
    expect(r.values.nguoi_tham_du).toBe(values.nguoi_tham_du);
  });
});

describe("findMultipliers: 'mỗi cổng trường', 'mỗi đầu thôn' count by the place", () => {
  it.each([
    ["Mỗi cổng trường treo 2 băng rôn, xã có 4 trường", { bang_ron: 8 }],
    ["moi cong thon 1 bang ron, xa co 9 thon", { bang_ron: 9 }],
    ["mỗi đầu thôn 2 pa nô, xã có 6 thôn", { pano: 12 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("without the count of places the per-place figure is asked about", () => {
    expect(read("Mỗi cổng trường treo 2 băng rôn").unclear.length).toBeGreaterThan(0);
  });
});

describe("findMultipliers: a rate whose product was stated before it in its sentence is a detail", () => {
  it.each([
    ["Trong 10 ngày, phát thanh 20 lượt, mỗi ngày 2 lượt", { phat_thanh: 20 }],
    ["trong 4 tuan dang 8 tin bai, moi tuan 2 tin", { tin_bai: 8 }],
    ["Trong 5 ngày xe lưu động chạy 10 lượt, mỗi ngày 2 lượt.", { xe_luu_dong: 10 }],
    ["Dán 30 áp phích tại 10 điểm, mỗi điểm 3 tờ", { ap_phich: 30 }],
    ["ap phich 24 cai, tai 8 diem: moi diem 3 cai", { ap_phich: 24 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a rate whose product differs is still asked about", () => {
    expect(read("Trong 10 ngày, phát thanh 30 lượt, mỗi ngày 2 lượt").unclear.length).toBeGreaterThan(0);
  });
});

describe("markContextCounts: a station typed with its marks ('1 đài trung tâm') is context", () => {
  it.each([
    ["Hệ thống gồm 1 đài trung tâm và 14 cụm loa, phát thanh 30 lượt", { phat_thanh: 30 }],
    ["Phát thanh 45 lượt trên 2 đài của xã", { phat_thanh: 45 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("sixteenth development set (context numbers, parts lists, number words, pasted tables)", () => {
  it("keeps its floor", () => {
    const score = scoreCorpus(readFixture("report-corpus-real-16.jsonl"), SAMPLE_INDICATORS);
    expect(score.exact).toBeGreaterThanOrEqual(142);
  });
});
