import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// The writers' convention for WHICH PERIOD a figure belongs to (read from every development file):
// - The report's own period is what the title or the first words name ("Báo cáo quý IV", "em gửi số liệu
//   tháng 11", "em báo quý 4"), or, with no title, "kỳ này", "tháng này", "quý này", "tuần này", "đợt này";
//   a closing "em báo (cáo) số X" / "Đề nghị ghi nhận số liệu X" names it too, over what opened the message.
// - Other periods are set aside: the previous one ("tuần trước/rồi/qua" beside "tuần này", "tháng trước",
//   "kỳ trước", "quý trước"), the same period last year ("cùng kỳ (năm 2025)", a list after its colon or in its
//   brackets), another or the whole year ("cả năm", "năm ngoái", "năm 2025"), running totals ("lũy kế", "từ đầu
//   năm", "tính đến nay", "từ trước đến giờ"), the earlier periods of the year ("6 tháng đầu năm", "9 tháng",
//   "3 quý đầu") beside the current one, and the plan's target ("kế hoạch", "chỉ tiêu (được giao)", "phấn
//   đấu", "dự kiến", "phải treo 5"), also as a rate per period "(15 tin bài/quý)".
// - "riêng <shorter period>" after a longer span is the report's figure unless the message says it reports the
//   longer one ("em gửi số liệu cả năm", "Em báo cáo số 6 tháng").
// - Parts said week by week and then their sum for the month or quarter so far ("tuần rồi 10, tuần này 12, tháng
//   12 tới giờ 22"; "tuần này 2 nữa, từ đầu quý tới giờ 15") report the sum, unless the writer says they send the
//   week ("em gửi số liệu tuần thôi", "bc tuần 2"), then the week's.
// - Stretches of dates "(1-15/11)" labelling a part are no figures; a stated total "cả tháng 11: 44" is over its
//   parts.
// Exclusions: what the writer says is not counted ("không tính", "bị gió giật rách … nên chỉ tính 3") is left
// out, and the figure "chỉ tính"/"còn" names after it is the one recorded.

describe("week parts then the month or quarter so far: the sum is the report's", () => {
  it.each([
    ["tuần trước đăng 6 bài fb, tuần này 8 bài, cả tháng 12 tới giờ là 14 bài", { bai_mxh: 14 }],
    ["tuan qua phat thanh 9 luot, tuan nay 11, thang 11 den gio duoc 20 luot a", { phat_thanh: 20 }],
    ["tuần rồi phát 150 tờ rơi, tuần này 200 tờ, tháng 12 đến giờ tổng 350 tờ", { to_roi: 350 }],
    ["Tuần rồi xe loa chạy 2 lượt, tuần này thêm 3 lượt, tính tới giờ tháng này 5 lượt ạ", { xe_luu_dong: 5 }],
    ["tuan truoc treo 4 bang ron, tuan nay 3 cai, tu dau thang 11 toi gio 7 cai", { bang_ron: 7 }],
    ["Tuần này đăng 5 bài zalo, tính từ đầu tháng 11 đến nay 18 bài", { bai_mxh: 18 }],
    ["tuần trước phát 8 lượt, tuần này 9 lượt, tháng 11 đến nay là 17 lượt", { phat_thanh: 17 }],
    ["tuan truoc chay 2 luot xe loa, tuan nay 3 luot, thang 12 toi gio 5 luot", { xe_luu_dong: 5 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["bc tuần 2 tháng 12: phát thanh 7 lượt, từ đầu tháng đến giờ 15 lượt", { phat_thanh: 7 }],
    ["e gui so lieu tuan thoi a: dang 4 bai fb. tu dau thang den gio 11 bai", { bai_mxh: 4 }],
    ["em báo số tuần: họp dân 1 cuộc 40 người, từ đầu tháng 12 đến nay 3 cuộc", { hoi_nghi: 1, nguoi_tham_du: 40 }],
  ])("the writer sends the week: %s", (text, values) => {
    expect(plain(text).values).toEqual(values);
  });
});

describe("dated parts '(1-15/11)' under a stated total are no figures", () => {
  it.each([
    ["đợt 1 (3-10/12): 300 tờ rơi; đợt 2 (11-20/12): 250 tờ; cả tháng 12: 550 tờ", { to_roi: 550 }],
    ["tuan 1 (1-7/12) 6 luot phat thanh, tuan 2 (8-14/12) 7 luot, tong 13 luot", { phat_thanh: 13 }],
    ["Đợt 1 (05-12/10): 2 hội nghị; đợt 2 (20-25/10): 1 hội nghị; cả tháng 10: 3 hội nghị", { hoi_nghi: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a shared measure ('lượt') in a part opening with only its label takes the indicator of the part before", () => {
  it.each([
    ["đợt 1: 15 lượt xe lưu động; đợt 2: 12 lượt; cả tháng: 27 lượt", { xe_luu_dong: 27 }],
    ["dot 1 (5-10/12): 6 luot xe loa; dot 2 (15-20/12): 8 luot; tong 14 luot", { xe_luu_dong: 14 }],
    ["Đợt 1 (01-10/10): phát thanh 30 lượt; đợt 2 (11-31/10): 42 lượt; cả tháng 10: 72 lượt", { phat_thanh: 72 }],
    ["lần 1 chạy xe tuyên truyền 2 lượt, lần 2: 3 lượt, cộng 5 lượt ạ", { xe_luu_dong: 5 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("the name after an earlier figure is its own ('Quý III phát 25 lượt xe loa. Quý IV: 30 lượt')", () => {
    expect(plain("quý 3 xe loa 12 lượt, quý 4 tới nay 8 lượt").values).toEqual({ xe_luu_dong: 8 });
  });

  it("not a clause naming other things ('họp dân 2 cuộc 150 lượt')", () => {
    expect(plain("phát thanh 20 lượt, họp dân 2 cuộc 150 lượt").values).toEqual({ phat_thanh: 20, hoi_nghi: 2 });
  });
});

describe("'riêng <shorter period>' after a longer span the report does not state as its own is the report's", () => {
  it.each([
    ["Năm 2026 xã treo 40 băng rôn, riêng quý IV treo 12 cái", { bang_ron: 12 }],
    ["nam 2026 phat 3.000 to roi, rieng thang 12 phat 400 to", { to_roi: 400 }],
    ["năm 2026 tổng 40 pano, riêng tháng 12 là 5", { pano: 5 }],
    ["6 tháng cuối năm đăng 70 bài fanpage, riêng quý 4 được 38 bài", { bai_mxh: 38 }],
  ])("%s", (text, values) => {
    expect(plain(text).values).toEqual(values);
  });

  it.each([
    ["Em gửi báo cáo năm 2026: 40 băng rôn, riêng quý IV 12 cái", { bang_ron: 40 }],
    ["bc 6 thang cuoi nam: 70 bai fb, rieng quy 4 la 38 bai", { bai_mxh: 70 }],
  ])("unless the longer span is reported: %s", (text, values) => {
    expect(plain(text).values).toEqual(values);
  });
});

describe("a heading line naming a running total ('II. SỐ LIỆU CẢ NĂM 2026') covers its section", () => {
  it.each([
    [
      "Báo cáo tháng 11/2026\n1. Tổ chức 4 hội nghị với 300 người tham dự.\n2. Treo 10 băng rôn.\nII. SỐ LIỆU CẢ NĂM 2026\n- Hội nghị: 40 cuộc; người tham dự: 2.900.",
      { hoi_nghi: 4, nguoi_tham_du: 300, bang_ron: 10 },
    ],
    [
      "Kết quả quý IV:\n- pano 3 cái\n- băng rôn 12 cái\nLũy kế cả năm\n- pano 9 cái\n- băng rôn 40 cái",
      { pano: 3, bang_ron: 12 },
    ],
    ["bc thang 12\nbang ron 5\nto roi 300\ntu dau nam den nay\nbang ron 48\nto roi 3000", { bang_ron: 5, to_roi: 300 }],
    [
      "BÁO CÁO THÁNG 11/2026\nI. KẾT QUẢ\n1. Họp dân 4 cuộc.\n2. Treo 10 băng rôn.\nII. SỐ LIỆU CẢ NĂM 2026\n1. Hội nghị: 40 cuộc\n2. Băng rôn: 96 cái\nIII. KIẾN NGHỊ\nKhông",
      { hoi_nghi: 4, bang_ron: 10 },
    ],
    ["Kết quả quý IV:\n- pano 3 cái\nLũy kế cả năm\n- pano 9 cái\n\nTờ rơi quý IV 500 tờ", { pano: 3, to_roi: 500 }],
  ])("%s", (text, values) => {
    expect(plain(text).values).toEqual(values);
  });
});

describe("a bracket after the values of a clause breaks down each of them ('(tháng 11: 30 cuộc, 2.280 lượt; …)')", () => {
  it.each([
    [
      "Tổ chức 38 hội nghị với 2.915 người (tháng 11: 30 cuộc, 2.280 người; tháng 12: 8 cuộc, 635 người)",
      { hoi_nghi: 38, nguoi_tham_du: 2915 },
    ],
    [
      "họp dân 5 cuộc, 260 người dự (thôn 1: 2 cuộc 100 người; thôn 2: 3 cuộc 160 người)",
      { hoi_nghi: 5, nguoi_tham_du: 260 },
    ],
    [
      "Mở 3 lớp tập huấn cho 150 học viên tham gia (đợt 1: 2 lớp, 100 học viên; đợt 2: 1 lớp, 50 học viên)",
      { hoi_nghi: 3, nguoi_tham_du: 150 },
    ],
    [
      "xe loa chạy 12 lượt, phát 3.000 tờ rơi (tháng 10: 5 lượt, 1.000 tờ; tháng 11: 7 lượt, 2.000 tờ)",
      { xe_luu_dong: 12, to_roi: 3000 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("the earlier quarters or months of the year beside this one are set aside ('3 quý đầu')", () => {
  it.each([
    ["kế hoạch năm 6 pano, 3 quý đầu đã dựng 4 cái, quý này dựng thêm 2 cái", { pano: 2 }],
    ["3 quy dau nam hop dan 9 cuoc, quy 4 hop 4 cuoc 260 nguoi", { hoi_nghi: 4, nguoi_tham_du: 260 }],
    ["Ba quý đầu năm đăng 60 bài fanpage; quý IV đăng 25 bài", { bai_mxh: 25 }],
    ["2 quý đầu phát 800 tờ rơi rồi, quý III phát thêm 300 tờ", { to_roi: 300 }],
    ["11 tháng đầu năm treo 40 băng rôn, tháng 12 treo 6 cái", { bang_ron: 6 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("the same period last year in brackets, a list after its colon, stands aside", () => {
  it.each([
    [
      "Quý IV tổ chức 3 hội nghị, 210 người dự (cùng kỳ năm trước: 2 hội nghị, 150 người)",
      { hoi_nghi: 3, nguoi_tham_du: 210 },
    ],
    ["Tháng 12/2026: 12 tin bài, 30 bài fanpage (cùng kỳ 2025: 9 tin bài, 22 bài)", { tin_bai: 12, bai_mxh: 30 }],
    [
      "thang nay to chuc 2 buoi tuyen truyen voi 130 luot nguoi (cung ky nam ngoai: 1 buoi, 70 luot)",
      { hoi_nghi: 2, nguoi_tham_du: 130 },
    ],
    ["phát thanh 40 lượt, 5 lượt xe lưu động (cùng kỳ năm 2025: 35 lượt, 4 lượt)", { phat_thanh: 40, xe_luu_dong: 5 }],
    [
      "Đoàn xã tổ chức 3 buổi sinh hoạt với 190 lượt đoàn viên (cùng kỳ năm 2025: 2 buổi, 120 lượt), treo 4 băng rôn",
      { hoi_nghi: 3, nguoi_tham_du: 190, bang_ron: 4 },
    ],
    [
      "hop dan 2 cuoc 95 luot nguoi (nam ngoai 1 cuoc, 60 luot); to roi 300 to",
      { hoi_nghi: 2, nguoi_tham_du: 95, to_roi: 300 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a target said as a rate per period '(15 tin bài/quý)' is no figure", () => {
  it.each([
    ["Theo chỉ tiêu giao (20 bài/tháng), tháng 12 xã đăng 24 bài fanpage, vượt 20%", { bai_mxh: 24 }],
    ["Căn cứ kế hoạch (4 chuyên mục/quý), quý IV thực hiện 4 chuyên mục, đạt 100%", { chuyen_muc: 4 }],
    ["Chỉ tiêu được giao 30 lượt phát thanh/tháng; tháng này đài xã phát 28 lượt", { phat_thanh: 28 }],
    ["KH giao (3 phong su/quy), quy IV xa lam duoc 2 phong su a", { phong_su: 2 }],
    ["Mục tiêu: 8 bài fb/tháng. Tháng 11 đoàn xã đăng 11 bài", { bai_mxh: 11 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("known misses", () => {
  // left: the name inside the plan's rate ("6 bang ron/quy") is part of the rate span, so no mention names
  // the later bare figure
  it.fails("chi tieu 6 bang ron/quy, quy nay treo 7 cai a", () => {
    expect(plain("chi tieu 6 bang ron/quy, quy nay treo 7 cai a")).toEqual(only({ bang_ron: 7 }));
  });
});

describe("an exclusion: the figure said after 'nên chỉ tính' is the one recorded", () => {
  it.each([
    ["băng rôn em báo 10 cái, nhưng 2 cái bị rách phải tháo nên chỉ tính 8 cái ạ", { bang_ron: 8 }],
    ["to roi in 600 to, 100 to chua phat nen chi tinh 500 a", { to_roi: 500 }],
    ["Hội nghị tổ chức 3 cuộc, 1 cuộc hoãn do mưa nên chỉ tính 2 cuộc thôi", { hoi_nghi: 2 }],
    ["pa nô dựng 5 cái, nhưng 2 cái của huyện làm nên xã chỉ tính 3 cái", { pano: 3 }],
    ["ap phich dan 12 to, 4 to bi mua lam bong nen chi tinh 8 to", { ap_phich: 8 }],
    ["đăng 15 bài fb, có 3 bài share lại của huyện, em chỉ tính bài tự đăng là 12 bài", { bai_mxh: 12 }],
    ["phát thanh chỉ tính lượt trên loa xã: 30 lượt ạ", { phat_thanh: 30 }],
    ["xe loa 4 luot, 1 luot xe cua huyen ve nen chi tinh xa chay 3 luot", { xe_luu_dong: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});
