import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { onlyValues as only, plainReading as plain, readSample as read, readFixture } from "../support/parsed.js";

describe("findCorrections: a mistyped digit explained ('gõ thừa số 0') is a correction", () => {
  it.each([
    ["tờ rơi 1500 tờ, em gõ thừa số 0, 150 tờ thôi ạ", { to_roi: 150 }],
    ["to roi 2000 to a, e go thua so 0, 200 to", { to_roi: 200 }],
    ["Hội nghị 20 cuộc, em bấm thừa 1 số 0 ạ, đúng là 2 cuộc", { hoi_nghi: 2 }],
    ["nguoi du 38 nguoi, e danh thieu so 0, 380 nguoi a", { nguoi_tham_du: 380 }],
    ["pano 50 cai, minh nhap du so 0 nhe, 5 cai", { pano: 5 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("the digit alone, with no figure after it, leaves the earlier figure", () => {
    expect(plain("băng rôn 40 cái, em bấm thừa số 0")).toEqual(only({ bang_ron: 40 }));
  });
});

describe("findStatedZeros: 'cũng không' after a name says none", () => {
  it.each([
    ["pano 3 cái, phóng sự cũng không ạ", { pano: 3, phong_su: 0 }],
    ["to roi 200 to, bang ron thi cung khong co", { to_roi: 200, bang_ron: 0 }],
    ["chuyên mục không có, tin bài cũng ko ạ", { chuyen_muc: 0, tin_bai: 0 }],
    ["hoi nghi 1 cuoc, ap phich cung khong lam", { hoi_nghi: 1, ap_phich: 0 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["chuyên mục tháng này nghỉ, không phát", { chuyen_muc: 0 }],
    ["phóng sự nghỉ ạ, chuyên mục 2", { phong_su: 0, chuyen_muc: 2 }],
    ["Xe loa: nghỉ", { xe_luu_dong: 0 }],
  ])("'nghỉ' (off) after a name says none: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("'nghỉ' with a figure after it is no zero", () => {
    expect(plain("tờ rơi tháng này nghỉ phát 1 tuần, phát 300 tờ").values).toEqual({ to_roi: 300 });
  });

  it("'cũng không' with a figure after it is that figure", () => {
    expect(plain("pano 3 cái, tờ rơi cũng không nhiều, 200 tờ").values).toEqual({ pano: 3, to_roi: 200 });
  });
});

describe("qualifyPeriods: 'tính đến hết <kỳ>' and a place's stock ('hiện xã có') are running totals", () => {
  it.each([
    ["Tính đến hết quý I, xã đã treo 9 pa nô; trong tháng 4 treo thêm 1 pa nô.", { pano: 1 }],
    ["tinh den cuoi thang 5 phat 2.000 to roi. Thang 6 phat 300 to roi", { to_roi: 300 }],
    ["Tính đến nay hội đã tổ chức 14 hội nghị, tháng này 2 hội nghị", { hoi_nghi: 2 }],
    ["tinh den het nam 2025 xa co 30 bang ron, nam nay lam 4 bang ron", { bang_ron: 4 }],
  ])("%s", (text, values) => {
    expect(read(text).values).toEqual(values);
  });

  it("a day, not a period, after 'tính đến' is the report's own span", () => {
    expect(read("tính đến ngày 20/6 đã phát 450 tờ rơi trong tháng").values).toEqual({ to_roi: 450 });
  });

  it.each([
    ["quý này làm mới 2 cụm cổ động, hiện xã có tổng 6 cụm", { cum_co_dong: 2 }],
    ["thang nay treo 3 pano, hien nay phuong co 15 pano", { pano: 3 }],
    ["Thôn làm 1 cụm cổ động. Hiện thôn đang có tất cả 3 cụm", { cum_co_dong: 1 }],
  ])("%s", (text, values) => {
    expect(read(text).values).toEqual(values);
  });

  it("a stock alone is still read (only figure of its indicator)", () => {
    expect(read("hien xa co 5 cum co dong").values).toEqual({ cum_co_dong: 5 });
  });
});

describe("markLookAlikes: vehicles, their trips and groups reached are no figures", () => {
  it.each([
    ["xe tải chở pa nô về xã 2 chuyến, treo 6 pa nô", { pano: 6 }],
    ["Xe tai cho bang ron ve 3 chuyen, treo 12 bang ron a", { bang_ron: 12 }],
    ["thuê xe chở đồ 2 chuyến, dựng 1 cụm cổ động", { cum_co_dong: 1 }],
    ["xe chở hàng lên xã 1 chuyến áp phích, dán 20 áp phích", { ap_phich: 20 }],
  ])("a truck's trips: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["xe loa của hội chạy 3 lượt, 1 xe thôi ạ", { xe_luu_dong: 3 }],
    ["Xe tuyên truyền lưu động chạy 4 lượt (2 xe)", { xe_luu_dong: 4 }],
    ["xe luu dong 5 luot. 2 xe a", { xe_luu_dong: 5 }],
  ])("the vehicles beside their trips: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a vehicle count named by the indicator stays its figure", () => {
    expect(plain("phat thanh 20 luot, xe luu dong 3 xe")).toEqual(only({ phat_thanh: 20, xe_luu_dong: 3 }));
  });

  it.each([
    ["gửi tin nhắn vào 12 nhóm zalo, đăng 4 bài", { bai_mxh: 4 }],
    ["chia sẻ lên 20 nhóm, 5 bài fanpage", { bai_mxh: 5 }],
    ["zalo 7 bai, chia se 15 nhom", { bai_mxh: 7 }],
  ])("groups reached: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markNotDone: what was received or kept for later is no figure", () => {
  it.each([
    ["nhận được 500 tờ rơi từ huyện, đã phát 420 tờ", { to_roi: 420 }],
    ["Hội nhận 1.000 tờ gấp, phát 900 tờ ạ", { to_roi: 900 }],
    ["tiep nhan 300 to roi, da phat 250 to", { to_roi: 250 }],
    ["nhan duoc 200 to roi, phat het 200 to", { to_roi: 200 }],
  ])("received beside given out: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["tờ rơi nhận 1.000, phát 800", { to_roi: 800 }],
    ["to roi: nhan 500, da phat 450", { to_roi: 450 }],
    ["Tờ gấp: nhận về 600, đã cấp phát 550", { to_roi: 550 }],
  ])("received with no unit, then a figure given out: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["Trạm y tế phát 300 tờ rơi (nhận của huyện 500 tờ)", { to_roi: 300 }],
    ["nhận từ Trung tâm 400 tờ rơi, đã phát 350 tờ", { to_roi: 350 }],
    ["phat 250 to gap, nhan cua xa 300 to", { to_roi: 250 }],
  ])("received from someone, before or after the figure given out: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a received figure alone is still read", () => {
    expect(plain("nhận 200 tờ rơi").values).toEqual({ to_roi: 200 });
  });

  it.each([
    ["phát 600 tờ rơi, còn 100 tờ để tháng sau", { to_roi: 600 }],
    ["to roi phat 350 to, 50 to de danh", { to_roi: 350 }],
    ["Tờ rơi: phát 700 tờ; 300 tờ để đợt sau", { to_roi: 700 }],
    ["tờ rơi: nhận 2.000, phát 1.850, tồn 150", { to_roi: 1850 }],
    ["to roi phat 300, ton 50", { to_roi: 300 }],
    ["tờ rơi tồn lại 100 tờ, phát 400 tờ", { to_roi: 400 }],
  ])("kept for later: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("combineValues: figures of villages named by name add up", () => {
  it.each([
    ["họp dân 2 buổi, thôn Đông 40 người, thôn Tây 35 người", { hoi_nghi: 2, nguoi_tham_du: 75 }],
    ["hop dan 2 buoi, thon dong 40 nguoi, thon tay 35 nguoi", { hoi_nghi: 2, nguoi_tham_du: 75 }],
    ["Tọa đàm 3 buổi\nXóm Trại 30 người, xóm Giữa 25 người, xóm Nam 20 người", { hoi_nghi: 3, nguoi_tham_du: 75 }],
    ["hội nghị 2 cuộc; Thôn Bắc Sơn 60 người; thôn Nam Sơn 52 người", { hoi_nghi: 2, nguoi_tham_du: 112 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("the same village named twice is no sum", () => {
    expect(read("hội nghị 1 cuộc, thôn Đông 40 người, thôn Đông 45 người").conflicts).toEqual([
      { code: "nguoi_tham_du", values: [40, 45] },
    ]);
  });
});

describe("markNonValues: a word after a place's head is its name", () => {
  it.each([
    ["hội nghị 1 cuộc, thôn Nam 45 người", { hoi_nghi: 1, nguoi_tham_du: 45 }],
    ["hoi nghi 1 cuoc, thon dong 40 nguoi", { hoi_nghi: 1, nguoi_tham_du: 40 }],
    ["treo pa nô: xóm Đông 3 cái", { pano: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["Từ đầu năm đến nay 30 pa nô, trong đó thôn Nam 7 pa nô", { pano: 30 }],
    ["luy ke 500 to roi, trong do thon nam 120 to", { to_roi: 500 }],
  ])("a village 'Nam' inside 'trong đó' is a place's share, no year: %s", (text, values) => {
    expect(read(text).values).toEqual(values);
  });
});

describe("markNonValues: people right after a gathering's count are its attendees", () => {
  it.each([
    ["tọa đàm 1 buổi 40 chị em, zalo 6 bài", { hoi_nghi: 1, nguoi_tham_du: 40, bai_mxh: 6 }],
    ["tap huan 1 lop 55 doan vien", { hoi_nghi: 1, nguoi_tham_du: 55 }],
    ["hội nghị 2 buổi 90 hội viên", { hoi_nghi: 2, nguoi_tham_du: 90 }],
    ["hoi nghi 1 cuoc 60 can bo", { hoi_nghi: 1, nguoi_tham_du: 60 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("people after another indicator's count stay context", () => {
    expect(plain("phát thanh 3 buổi 20 cán bộ")).toEqual(only({ phat_thanh: 3 }));
  });
});

describe("findMultipliers: a rate over a count that is itself a product", () => {
  it.each([
    ["tập huấn 2 đợt, mỗi đợt 3 lớp, mỗi lớp 25 học viên", { hoi_nghi: 6, nguoi_tham_du: 150 }],
    ["hoi nghi 2 dot, moi dot 2 cuoc, moi cuoc 40 nguoi", { hoi_nghi: 4, nguoi_tham_du: 160 }],
    ["Hội nghị 3 đợt; mỗi đợt 2 cuộc; mỗi cuộc 50 đại biểu", { hoi_nghi: 6, nguoi_tham_du: 300 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a single rate is unchanged", () => {
    expect(plain("2 lớp tập huấn, mỗi lớp 35 người")).toEqual(only({ hoi_nghi: 2, nguoi_tham_du: 70 }));
  });
});

describe("readTables: a row its note leaves out", () => {
  it("'không tính' in the note column: neither a figure nor a question", () => {
    const text =
      "STT | Nội dung | Số lượng | Ghi chú\n1 | Đoàn viên | 240 | không tính\n2 | Pa nô | 3 | \n3 | Tờ rơi | 500 | ";
    expect(plain(text)).toEqual(only({ pano: 3, to_roi: 500 }));
  });

  it("'chỉ để biết', 'ko tính vào' left out too; other notes keep their row", () => {
    const text =
      "Nội dung | Số lượng | Ghi chú\nHội viên | 150 | chỉ để biết\nPano | 3 | mới\nTờ rơi | 200 | ko tính vào chỉ tiêu";
    expect(plain(text)).toEqual(only({ pano: 3 }));
  });

  it("a row with another note and no indicator is still asked about", () => {
    const text = "Nội dung | Số lượng | Ghi chú\nSổ tay pháp luật | 150 | cả xã\nPano | 3 | ";
    expect(read(text).unclear).toHaveLength(1);
  });
});

describe("qualifyPeriods: a week and its whole month in one message", () => {
  it.each([
    ["tuần 2 của tháng 6 đăng 4 bài zalo, cả tháng 6 đăng 13 bài, em báo số tháng", { bai_mxh: 13 }],
    ["tuần 2 đăng 4 bài zalo, cả tháng 6 đăng 13 bài", { bai_mxh: 13 }],
    ["bc thang 6: tuan 1 treo 2 pano, ca thang treo 5 pano", { pano: 5 }],
    ["em báo số quý: tháng 4 phát 300 tờ rơi, cả quý phát 900 tờ rơi", { to_roi: 900 }],
  ])("%s", (text, values) => {
    expect(read(text).values).toEqual(values);
  });

  it("'cả tháng 22 buổi' still counts sessions, 'cả tháng 6 đăng' names the month", () => {
    expect(read("cả tháng 22 buổi phát thanh").values).toEqual({ phat_thanh: 22 });
    expect(read("cả tháng 6 đăng 9 bài fanpage").values).toEqual({ bai_mxh: 9 });
  });
});

describe("pairNumbers: the gathering people attend is no second thing counted", () => {
  it.each([
    ["80 người tham dự hội nghị", { nguoi_tham_du: 80 }],
    ["tổ chức 2 hội nghị, 75 người dự hội nghị", { hoi_nghi: 2, nguoi_tham_du: 75 }],
    ["120 nguoi tham gia tap huan", { nguoi_tham_du: 120 }],
    ["Tọa đàm 1 buổi; 45 người tham dự tọa đàm", { hoi_nghi: 1, nguoi_tham_du: 45 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("one number for two things is still asked about", () => {
    expect(read("5 pano băng rôn").unclear).toHaveLength(1);
  });
});

describe("markNonValues: a station's or school's staff is background", () => {
  it.each([
    ["Trạm y tế: 6 nhân viên, phát 300 tờ rơi", { to_roi: 300 }],
    ["tram y te 5 nhan vien, 2 bac si, hoi nghi 1 cuoc", { hoi_nghi: 1 }],
    ["trường 40 nhân viên, treo 2 băng rôn", { bang_ron: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("staff said to attend are attendees", () => {
    expect(plain("hội nghị 1 cuộc 25 nhân viên")).toEqual(only({ hoi_nghi: 1, nguoi_tham_du: 25 }));
  });
});

describe("markNonValues: ages and a school's classes are background", () => {
  it.each([
    ["hội viên độ tuổi 18-35, 40 người dự hội nghị", { nguoi_tham_du: 40 }],
    ["đoàn viên tuổi từ 16 đến 30, đăng 4 bài", { bai_mxh: 4 }],
    ["Độ tuổi 18 – 35; tập huấn 1 lớp 40 học viên", { hoi_nghi: 1, nguoi_tham_du: 40 }],
    ["hội viên tuổi 60 trở lên: 45 người dự", { nguoi_tham_du: 45 }],
  ])("ages: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("people counted after 'tuổi' stay a figure", () => {
    expect(plain("người cao tuổi 60 người dự tọa đàm")).toEqual(only({ nguoi_tham_du: 60 }));
  });

  it.each([
    ["trường 28 lớp, 950 học sinh, phát 900 tờ rơi", { to_roi: 900 }],
    ["Trường có 30 lớp; tập huấn 2 lớp 80 học viên", { hoi_nghi: 2, nguoi_tham_du: 80 }],
    ["truong 20 lop, treo 2 bang ron", { bang_ron: 2 }],
  ])("a school's classes: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a training's classes still count", () => {
    expect(plain("tập huấn 2 lớp, 130 hội viên")).toEqual(only({ hoi_nghi: 2, nguoi_tham_du: 130 }));
  });
});

describe("readTables: received and given-out columns, attending and background rows", () => {
  it.each([
    ["Nội dung | Nhận | Đã phát\nTờ rơi | 1000 | 850", { to_roi: 850 }],
    ["Loại | Số nhận | Số phát | Còn lại\nTờ rơi | 500 | 420 | 80", { to_roi: 420 }],
    ["Nội dung;Tiếp nhận;Đã cấp phát\nTờ gấp;600;560", { to_roi: 560 }],
  ])("the given-out column, never the received one: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    [
      "STT;Nội dung;Kế hoạch;Thực hiện\n1;Tờ rơi;500;480\n2;Hội viên tham gia;200;185",
      { to_roi: 480, nguoi_tham_du: 185 },
    ],
    ["Nội dung | Số lượng\nTọa đàm | 2\nChị em tham dự | 85", { hoi_nghi: 2, nguoi_tham_du: 85 }],
    ["Nội dung | Số lượng\nHội nghị | 1\nĐoàn viên dự | 60", { hoi_nghi: 1, nguoi_tham_du: 60 }],
  ])("people by role said to attend are the attendees: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["TT | Nội dung | ĐVT | Số lượng\n1 | Số hội viên | người | 245\n2 | Tờ rơi | tờ | 300", { to_roi: 300 }],
    ["Nội dung | Số lượng\nSố hộ | 320\nPano | 2", { pano: 2 }],
    ["Nội dung | Số lượng\nTổng số đoàn viên | 96\nBài zalo | 5", { bai_mxh: 5 }],
  ])("the place's people are background: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markNonValues: replies and forwarded headers", () => {
  it.each([
    ["Trả lời tin nhắn của chị lúc 8:30: dạ tháng này đoàn đăng 7 bài fanpage ạ", { bai_mxh: 7 }],
    ["08:00: họp dân 1 cuộc 40 người", { hoi_nghi: 1, nguoi_tham_du: 40 }],
    [
      "> Nhắc: báo cáo nhiệm vụ 3 trước ngày 25/6\nDạ hội em: tọa đàm 1 buổi 38 chị em",
      { hoi_nghi: 1, nguoi_tham_du: 38 },
    ],
  ])("%s", (text, values) => {
    expect(read(text).values).toEqual(values);
    expect(read(text).unclear).toEqual([]);
  });
});

describe("fourteenth development set (mass organisations, schools, health stations)", () => {
  it("keeps its floor", () => {
    const score = scoreCorpus(readFixture("report-corpus-real-14.jsonl"), SAMPLE_INDICATORS);
    expect(score.exact).toBeGreaterThanOrEqual(139);
  });
});
