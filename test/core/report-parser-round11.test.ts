import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { findReferences } from "../../src/core/reports/parser/references.js";
import { foldWithMap } from "../../src/core/reports/text-key.js";
import { readSample as read, readFixture, withoutSpans } from "../support/parsed.js";

describe("markNonValues: things counted in passing that are no indicator's output", () => {
  it.each([
    ["Thôn em có 2 đám cưới trong tháng, phát thanh 12 lượt", { phat_thanh: 12 }],
    ["thang nay thon co 4 dam tang, hop dan 1 cuoc 40 nguoi", { hoi_nghi: 1, nguoi_tham_du: 40 }],
    ["Em gửi 5 bài hát cho đài huyện; tin bài 3 tin", { tin_bai: 3 }],
    ["co 3 phong ban tham du, pano 2 cai", { pano: 2 }],
    ["Thôn em 3 đội văn nghệ tham gia, phát thanh 10 lượt", { phat_thanh: 10 }],
    ["Phường có 4 phòng chuyên môn phối hợp, treo 9 băng rôn", { bang_ron: 9 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it.each([
    ["tháng 5 xã nhận 40 tin nhắn phản ánh, đăng fanpage 9 bài", { bai_mxh: 9 }],
    ["Bộ phận tiếp nhận 12 ý kiến của người dân; hội nghị 1 cuộc", { hoi_nghi: 1 }],
    ["tiep nhan 7 cuoc goi cua dan, phat thanh 20 luot", { phat_thanh: 20 }],
  ])("what the office received is no figure: %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it("messages the office sent are still asked about", () => {
    expect(read("gửi 80 tin nhắn cho các hộ, đăng 4 tin bài").unclear).toHaveLength(1);
  });

  it("'nhận' written with its marks is never times", () => {
    expect(read("tháng 6 em nhận 30 tin nhắn, pano 2").values).toEqual({ pano: 2 });
    expect(read("Tổ 1 nhận 200 tờ rơi về phát").values).toEqual({ to_roi: 200 });
  });
});

describe("number words that are names or fixed phrases", () => {
  it.each([
    ["Tiếp dân tại bộ phận một cửa; phóng sự 2", { phong_su: 2 }],
    ["bo phan mot cua phat 50 to roi", { to_roi: 50 }],
    ["xã em treo 10 pano. Cho em hỏi báo cáo năm nộp khi nào ạ?", { pano: 10 }],
    ["Bc năm của thôn: tin bài 6", { tin_bai: 6 }],
    ["Tổng kết năm: hội nghị 3 cuộc", { hoi_nghi: 3 }],
  ])("%s", (text, values) => {
    expect(withoutSpans(read(text))).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it.each([
    ["so lieu phuong An Hai Bac: pano 3", { pano: 3 }],
    ["Xã Tân Ba gửi số liệu: băng rôn 7", { bang_ron: 7 }],
    ["thon Dong Bay: to roi 400", { to_roi: 400 }],
  ])("a capitalised number word inside a place's name: %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it("a number word after a label's word still counts", () => {
    expect(read("treo Hai pano").values).toEqual({ pano: 2 });
    expect(read("Em treo Pano Ba cái").values).toEqual({ pano: 3 });
  });
});

describe("non-value spans: dates of events, money, forms", () => {
  it.each([
    ["xe loa chạy 2 lượt/ngày trong 3 ngày hội (12-14/9)", { xe_luu_dong: 6 }],
    ["tu 3 - 5/9/2026 phat thanh 6 luot", { phat_thanh: 6 }],
    ["Từ 20–22/11 treo 8 băng rôn", { bang_ron: 8 }],
  ])("a range of days in one month is a date: %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it("a range that is no date is still asked about", () => {
    expect(read("treo 10-12 bang ron").unclear).toHaveLength(1);
  });

  it.each([
    ["pano 2 cái, còn sửa cổng làng hết 40 triệu ạ", { pano: 2 }],
    ["phat thanh 15 luot, lam bien ton 3 trieu thoi", { phat_thanh: 15 }],
    ["in tờ rơi 500 tờ, mất 1,5 triệu đồng", { to_roi: 500 }],
  ])("a sum spent is money: %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it.each([
    ["tiền in tờ rơi hết 800 nghìn, in 400 tờ", { to_roi: 400 }],
    ["tốn 500 nghìn đồng tiền in, 300 tờ rơi", { to_roi: 300 }],
  ])("a sum in thousands spent is money: %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it("'phát hết 2 nghìn tờ' is a count", () => {
    expect(read("phát hết 2 nghìn tờ rơi").values).toEqual({ to_roi: 2000 });
  });

  it("a cost with no spending verb is still asked about", () => {
    expect(read("Kinh phí 7 triệu, 2 pa nô").unclear).toEqual(["Kinh phí 7 triệu"]);
  });

  it.each([
    ["Kinh phí: 12.000.000; pano 3", { pano: 3 }],
    ["kinh phi het 4.500.000, to roi 300", { to_roi: 300 }],
    ["Nội dung | ĐVT | Số lượng\nPa nô | cái | 3\nChi hỗ trợ | triệu đồng | 12", { pano: 3 }],
    ["TT;Nội dung;ĐVT;Số lượng\n1;Băng rôn;cái;6\n2;Kinh phí;đồng;3.000.000", { bang_ron: 6 }],
  ])("a figure labelled as a cost is money: %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it.each([
    ["Xã gửi báo cáo (theo biểu mẫu số 03): pano 2", { pano: 2 }],
    ["kem phu luc 2: bang ron 5", { bang_ron: 5 }],
    ["Báo cáo theo mẫu số 1a, hội nghị 2 cuộc", { hoi_nghi: 2 }],
  ])("a form's number names a paper: %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it("'mỗi mẫu 250 tờ' still counts", () => {
    expect(read("in 2 mẫu tờ rơi, mỗi mẫu 300 tờ").values).toEqual({ to_roi: 600 });
  });
});

describe("markNonValues: item numbers of the plan", () => {
  it.each([
    ["Nội dung 2: phát 400 tờ rơi", { to_roi: 400 }],
    ["noi dung 3 treo 2 pano", { pano: 2 }],
    ["Nội dung 2 của KH: treo 4 băng rôn; nội dung 3: hội nghị 1 cuộc", { bang_ron: 4, hoi_nghi: 1 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it.each([
    ["Mục II.2 kế hoạch: phát thanh 18 lượt", { phat_thanh: 18 }],
    ["thuc hien muc III.1.2: treo 4 pano", { pano: 4 }],
    ["Phần I.3: tin bài 5", { tin_bai: 5 }],
  ])("a section's number after a Roman numeral: %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it("a figure after a label's full stop still counts", () => {
    expect(read("Mục II. Pano 3").values).toEqual({ pano: 3 });
  });

  it("'nội dung' with no number is no label", () => {
    expect(read("noi dung: pano 3, bang ron 5").values).toEqual({ pano: 3, bang_ron: 5 });
  });
});

describe("references: 'báo cáo số N tháng' is the figures of N months", () => {
  it.each(["e bc so 6 thang a", "Em báo cáo số 9 tháng ạ", "gui bc so 3 quy"])("%s", (text) => {
    const ref = findReferences(foldWithMap(text), text).references;
    expect(ref).toEqual([]);
  });

  it("'Kế hoạch số 20 ngày …' is still a reference", () => {
    const text = "Kế hoạch số 20 ngày 29/01/2026";
    expect(findReferences(foldWithMap(text), text).references).toEqual([{ number: "20", date: "2026-01-29" }]);
  });
});

describe("markNonValues: numbered sessions and years in names", () => {
  it.each([
    [
      "họp dân 2 buổi: buổi 1 ngày 3/10 có 30 người, buổi 2 ngày 17/10 có 44 người, tổng 74 người",
      { hoi_nghi: 2, nguoi_tham_du: 74 },
    ],
    ["Hop dan buoi 1: 40 nguoi, buoi 2: 38 nguoi", { nguoi_tham_du: 78 }],
    ["tập huấn 2 buổi, buổi 1 có 30 học viên, buổi 2 có 28 học viên", { hoi_nghi: 2, nguoi_tham_du: 58 }],
  ])("'buổi 1' names the first session: %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it("'buổi 2 lượt' is a count per session, not a label", () => {
    expect(read("phat thanh buoi 2 luot").values).toEqual({ phat_thanh: 2 });
  });

  it.each([
    ["- Treo 12 băng rôn chào mừng Xuân Bính Ngọ 2026;\n- Đăng 9 bài trên fanpage", { bang_ron: 12, bai_mxh: 9 }],
    ["tuyên truyền Đại hội Đoàn 2026, phát thanh 8 lượt", { phat_thanh: 8 }],
    ["chao mung Tet Nguyen Dan 2026: pano 3", { pano: 3 }],
  ])("a year closing an event's name: %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it("a figure after an indicator's name stays a figure even when it looks like a year", () => {
    expect(read("em treo bang ron 2026").values).toEqual({ bang_ron: 2026 });
  });
});

describe("normaliseAndTokenise and number forms", () => {
  it.each([
    ["họp dân quán triệt TB 15/TB-UBND ngày 2/10/2026, 1 buổi 50 người", { hoi_nghi: 1, nguoi_tham_du: 50 }],
    ["trien khai tb 7/tb-ubnd: hop dan 1 cuoc 40 nguoi", { hoi_nghi: 1, nguoi_tham_du: 40 }],
    ["Thông báo theo TB: 21/TB-UBND, phát thanh 6 lượt", { phat_thanh: 6 }],
  ])("'TB' before a document's number is 'thông báo': %s", (text, values) => {
    expect(read(text).values).toEqual(values);
    expect(read(text).references).toHaveLength(1);
  });

  it("'TB 3' is still 'tin bài 3'", () => {
    expect(read("PN 1 | BR 4 | TB 3").values).toEqual({ pano: 1, bang_ron: 4, tin_bai: 3 });
  });

  it.each([
    ["có 1 trăm 20 đại biểu dự", { nguoi_tham_du: 120 }],
    ["phat 2 nghin 350 to roi", { to_roi: 2350 }],
    ["Tờ rơi: 3 trăm 75 tờ", { to_roi: 375 }],
    ["to roi 1 nghin 2", { to_roi: 1200 }],
  ])("places below a scale written in full: %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });
});

describe("markNonValues: the size of a team doing the work", () => {
  it.each([
    ["to cong tac 4 nguoi di phat 250 to roi", { to_roi: 250 }],
    ["Đội xung kích gồm 12 người treo 20 băng rôn", { bang_ron: 20 }],
    ["nhóm tình nguyện có 8 người, phát 500 tờ rơi", { to_roi: 500 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it("a team said to attend is counted", () => {
    expect(read("hội nghị 1 cuộc, tổ công tác 5 người dự").values).toEqual({ hoi_nghi: 1, nguoi_tham_du: 5 });
  });
});

describe("findMultipliers: the product stated after the count", () => {
  it.each([
    ["ap phich moi thon 3 to, xa co 6 thon nen la 18 to", { ap_phich: 18 }],
    ["Áp phích: mỗi thôn 5 tờ, 6 thôn, tổng 30 tờ", { ap_phich: 30 }],
    ["tin bai moi tuan 3 tin, 4 tuan la 12 tin a", { tin_bai: 12 }],
    ["phát thanh mỗi ngày 2 lượt, 15 ngày là 30 lượt", { phat_thanh: 30 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it.each([
    ["phuong co 7 to dan pho, moi TDP treo 1 pano", { pano: 7 }],
    ["Phường có 8 tổ dân phố; mỗi tdp treo 2 băng rôn", { bang_ron: 16 }],
    ["phuong co 6 TDP, moi to dan pho 1 pano", { pano: 6 }],
    ["xa co 5 khu dan cu, moi KDC 1 cum co dong", { cum_co_dong: 5 }],
    ["mỗi TDP 1 pano, phường có 6 tổ", { pano: 6 }],
  ])("a place typed short or in full is one unit: %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it.each([
    ["xe loa lưu động chạy 3 ngày, mỗi ngày 2 lượt", { xe_luu_dong: 6 }],
    ["Dạ xe loa lưu động chạy 4 ngày (từ 8-11/5), mỗi ngày 2 lượt ạ", { xe_luu_dong: 8 }],
    ["xe loa luu dong chay 5 ngay, moi ngay 1 luot", { xe_luu_dong: 5 }],
    ["loa truyền thanh phát 5 ngày, mỗi ngày 3 lượt", { phat_thanh: 15 }],
  ])("the longest name before the count is what is counted: %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it.each([
    ["phat 150 to roi, 1 ho 1 to", { to_roi: 150 }],
    ["Phát 320 tờ rơi cho các hộ, 1 hộ 1 tờ", { to_roi: 320 }],
    ["phát 200 tờ rơi, 1 người 2 tờ", { to_roi: 200 }],
  ])("'1 <place> N' after a stated total is a detail: %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it("'1 thôn 2 pano' alone stays a figure", () => {
    expect(read("1 thon 2 pano").values).toEqual({ pano: 2 });
  });

  it("a different figure after the count is still read", () => {
    expect(read("Mỗi thôn treo 1 pa nô và 2 băng rôn; xã có 14 thôn").values).toEqual({ pano: 14, bang_ron: 28 });
  });
});

describe("qualifyPeriods: the period the officer names as the report's", () => {
  it.each([
    ["tuần 3 tháng 10 em đăng 5 bài fanpage, quý IV đến nay 40 bài, em báo số quý ạ", { bai_mxh: 40 }],
    ["Dạ tuần 1 tháng 7 phát 3 tin bài, từ đầu quý đến nay 3 tin bài, em bc quý", { tin_bai: 3 }],
    ["tuan 2 thang 9 dang 8 bai fanpage, quy III den nay 71 bai", { bai_mxh: 8 }],
  ])("a week opening the message is the report's unless another period is named as its own: %s", (text, values) => {
    expect(read(text).values).toEqual(values);
  });

  it("after a week opening the message, a period named only as data ('số liệu tháng 8') is not the report's", () => {
    expect(read("tuan 2 thang 9 phat 8 tin bai, so lieu thang 8 la 30 tin").values).toEqual({ tin_bai: 8 });
  });

  it.each([
    ["9 tháng năm 2026 xã treo 14 pa nô; riêng quý III treo 5 pa nô. Xã báo cáo số liệu quý III.", { pano: 5 }],
    ["Báo cáo quý II: 6 tháng đầu năm treo 10 pano; quý II treo 4 pano", { pano: 4 }],
    ["bc quy III. 9 thang dau nam phat 2000 to roi, quy III phat 600 to roi", { to_roi: 600 }],
  ])("a longer span than the stated report's is a running total: %s", (text, values) => {
    expect(withoutSpans(read(text))).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it("six months with no stated report period stay the figure", () => {
    expect(read("9 tháng treo 14 pa nô").values).toEqual({ pano: 14 });
  });

  it.each([
    [
      "Em gửi số liệu cả năm 2026: họp dân 6 cuộc, 300 người dự. Riêng tháng 12 họp 1 cuộc 50 người",
      { hoi_nghi: 6, nguoi_tham_du: 300 },
    ],
    ["Báo cáo cả năm: pano 12 cái, riêng quý IV 3 cái", { pano: 12 }],
    ["so lieu ca nam: bang ron 40, rieng thang 12 la 6", { bang_ron: 40 }],
  ])("'số liệu cả năm' names the report's year; its parts stand aside: %s", (text, values) => {
    expect(withoutSpans(read(text))).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });
});

describe("figures said one by one ('lần lượt') and sums of labelled parts", () => {
  it.each([
    [
      "Tổ chức 2 buổi tọa đàm; số người tham gia lần lượt 40 và 38 người (tổng 78 người).",
      { hoi_nghi: 2, nguoi_tham_du: 78 },
    ],
    ["hop dan 3 cuoc, so nguoi lan luot 45, 52 va 48 nguoi", { hoi_nghi: 3, nguoi_tham_du: 145 }],
    ["3 thôn lần lượt treo 2, 3, 4 pano", { pano: 9 }],
    ["so nguoi du lan luot la: 40, 35 nguoi", { nguoi_tham_du: 75 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it("figures said one by one for several indicators are not summed", () => {
    expect(read("treo pano và băng rôn lần lượt 3 và 5 cái").values).not.toEqual({ pano: 8 });
    expect(read("treo pano và băng rôn lần lượt 3 và 5 cái").values).not.toEqual({ bang_ron: 8 });
  });

  it.each([
    ["hop dan o 2 thon: thon Mot 40 nguoi + thon Hai 65 nguoi, tong 2 cuoc hop", { hoi_nghi: 2, nguoi_tham_du: 105 }],
    ["tập huấn lớp 1 40 học viên + lớp 2 35 học viên", { nguoi_tham_du: 75 }],
    ["hop dan thon 3 40 nguoi + thon 5 32 nguoi", { nguoi_tham_du: 72 }],
  ])("a part's label after '+': %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });
});

describe("correctionRoles: a corrected figure in the unit of an earlier one", () => {
  it.each([
    ["hop dan 4 cuoc 200 nguoi. e sua lai la 3 cuoc 150 nguoi a", { hoi_nghi: 3, nguoi_tham_du: 150 }],
    ["Hội nghị 2 cuộc, 90 người. Em sửa lại là 3 cuộc, 120 người", { hoi_nghi: 3, nguoi_tham_du: 120 }],
    ["họp dân 5 buổi 230 người. Xin đính chính 4 buổi 190 người", { hoi_nghi: 4, nguoi_tham_du: 190 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });
});

describe("combineValues: this period's stated zero over a running total", () => {
  it.each([
    ["tháng 11 xã em không làm phóng sự, cả năm được 3 phóng sự", { phong_su: 0 }],
    ["chua treo pano nao, luy ke tu dau nam 5 pano", { pano: 0 }],
    ["quý này không tổ chức hội nghị; lũy kế 6 tháng 2 cuộc", { hoi_nghi: 0 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it.each([
    ["treo bang ron o 4 thon, moi thon 2 cai, con o UBND 3 cai nua. tong 11 cai a", { bang_ron: 11 }],
    ["Treo 4 pa nô. Tổng cộng 4 cái", { pano: 4 }],
    ["treo 3 pano o thon 1, them 2 pano o thon 2. Tong cong 5 cai", { pano: 5 }],
  ])("a total of no name equal to a value read asks nothing: %s", (text, values) => {
    expect(read(text)).toEqual({ values, references: [], unclear: [], conflicts: [] });
  });

  it("a total of no name that differs is still asked about", () => {
    expect(read("treo 4 pano. tong 6 cai").unclear).toEqual(["tong 6 cai"]);
  });

  it("a running total alone is still read", () => {
    expect(read("lũy kế từ đầu năm 5 pano").values).toEqual({ pano: 5 });
  });
});

describe("real-style report corpus, eleventh development part", () => {
  it("reads at least 143 of its 145 messages exactly", () => {
    const score = scoreCorpus(readFixture("report-corpus-real-11.jsonl"), SAMPLE_INDICATORS);
    expect(score.total).toBe(145);
    expect(score.exact).toBeGreaterThanOrEqual(143);
  });
});
