import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { readSample as read, readFixture, withoutSpans } from "../support/parsed.js";

const only = (values: Record<string, number>) => ({ values, references: [], unclear: [], conflicts: [] });

describe("qualifyPeriods: a 'Khó khăn' / 'Hạn chế' section holds no results", () => {
  it.each([
    ["Kết quả: treo 6 băng rôn.\nKhó khăn: còn 4 thôn chưa có loa", { bang_ron: 6 }],
    [
      "1. Phát thanh 30 lượt\n2. Tin bài 5 tin\nII. HẠN CHẾ\nMới làm được 2 pa nô, thiếu 3 xe",
      { phat_thanh: 30, tin_bai: 5 },
    ],
    ["- pano 4 cai\nkho khan: kinh phi chi du 1 pano nua", { pano: 4 }],
    ["I. KẾT QUẢ\nHội nghị 2 cuộc\nII. VƯỚNG MẮC\n5 thôn xa, đi lại khó", { hoi_nghi: 2 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });

  it("a results section after the difficulties is read again", () => {
    expect(read("II. Khó khăn\nthiếu 2 loa\nIII. Kết quả bổ sung\ntreo 3 băng rôn").values).toEqual({ bang_ron: 3 });
  });

  it.each([
    ["Khó khăn: không có. Kết quả: treo 5 pano", { pano: 5 }],
    ["Hạn chế: không. Đã treo 5 pano, 3 băng rôn", { pano: 5, bang_ron: 3 }],
    ["khó khăn là thiếu kinh phí nhưng vẫn treo 4 băng rôn", { bang_ron: 4 }],
    ["Khó khăn: thiếu 2 loa; kết quả treo 6 pano", { pano: 6 }],
  ])("a difficulty on its heading's line ends with its sentence or a turn to results: %s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });

  it("'khó khăn' inside a sentence blocks nothing", () => {
    expect(read("dù khó khăn vẫn treo 5 băng rôn").values).toEqual({ bang_ron: 5 });
  });
});

describe("qualifyPeriods: another year in a clause after a comma is a running total", () => {
  it.each([
    ["băng rôn quý 3 treo 4 cái, năm 2025 treo 12 cái", { bang_ron: 4 }],
    ["phat thanh thang 11 la 20 luot, nam 2024 duoc 200 luot", { phat_thanh: 20 }],
    ["Hội nghị quý IV: 2 cuộc, năm 2025 tổ chức 7 cuộc ạ", { hoi_nghi: 2 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });
});

describe("combineValues: a figure closed by 'trong (số) đó' is a part of a total said before", () => {
  it.each([
    ["tờ rơi 500 tờ, thôn 3 riêng phát 120 tờ trong số đó", { to_roi: 500 }],
    ["xa treo 8 pano. Thon Ha 3 pano trong do a", { pano: 8 }],
    ["Phát thanh 40 lượt; tổ dân phố 2 phát 15 lượt trong số đó.", { phat_thanh: 40 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });

  it("'trong đó' followed by its own list still reads the list as parts", () => {
    expect(read("băng rôn 10 cái, trong đó thôn 1 có 4 cái").values).toEqual({ bang_ron: 10 });
  });
});

describe("findStatedZeros: 'không phát hành' says none was issued", () => {
  it.each([
    ["Không phát hành tờ rơi trong quý; treo 3 pa nô", { to_roi: 0, pano: 3 }],
    ["bang ron 2 cai. khong phat hanh to gap trong quy", { to_roi: 0, bang_ron: 2 }],
    ["Tờ rơi: không phát hành. Phát thanh 12 lượt", { to_roi: 0, phat_thanh: 12 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });
});

describe("qualifyPeriods: a month named in passing beside the whole quarter", () => {
  it.each([
    ["pano tháng 11 là 2 cái, cả quý 6 cái", { pano: 6 }],
    ["tin bai thang 12 dang 4 tin, ca quy IV 11 tin a", { tin_bai: 11 }],
    ["Tháng 10 hội nghị 1 cuộc; cả quý 3 cuộc", { hoi_nghi: 3 }],
    ["Tháng 12 họp dân 2 cuộc. Tính cả quý IV, xã họp 5 cuộc với 300 người.", { hoi_nghi: 5, nguoi_tham_du: 300 }],
  ])("the quarter's figure: %s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });

  it.each([
    ["tháng 11 treo 2 pano, cả quý 4 mới 5 pano, cả năm 20 pano", { pano: 5 }],
    ["thang 12 phat thanh 15 luot, ca quy 4 duoc 45 luot", { phat_thanh: 45 }],
    ["Tháng 12 treo 1 pano. Tính cả quý IV, xã treo 5 pano, 3 băng rôn.", { pano: 5, bang_ron: 3 }],
  ])("a quarter's bare number is its label: %s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });

  it("a month the report names as its own keeps its figure", () => {
    expect(read("báo cáo tháng 12: phát thanh 20 lượt, cả quý 60 lượt").values).toEqual({ phat_thanh: 20 });
  });
});

describe("qualifyPeriods: an earlier period's figure in brackets after it", () => {
  it.each([
    ["quý IV/2026 treo 12 pano, tăng so với quý III/2026 (8 pano)", { pano: 12 }],
    ["quy 4 phat thanh 40 luot, hon quy 3 (30 luot)", { phat_thanh: 40 }],
    ["Tháng 12 in 500 tờ rơi, ít hơn tháng 11 (700 tờ)", { to_roi: 500 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });
});

describe("this period's share of a running total is its figure", () => {
  it.each([
    ["Lũy kế từ đầu năm 30 pano, trong đó quý này 8 pano", { pano: 8 }],
    ["báo cáo: từ đầu năm đến hết tháng 12 in 900 tờ rơi, trong đó riêng quý IV in 300 tờ", { to_roi: 300 }],
    ["Báo cáo: từ đầu năm tới hết quý 4 treo 25 băng rôn, trong đó riêng quý 4 treo 7 băng rôn", { bang_ron: 7 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });

  it.each([
    ["lũy kế 30 pano, trong đó thôn 1 có 8 pano", { pano: 30 }],
    ["luy ke tu dau nam 300 to roi, trong do thon 2 phat 100 to", { to_roi: 300 }],
    ["Từ đầu năm đến nay 40 băng rôn, trong đó thôn Nam 9 băng rôn", { bang_ron: 40 }],
  ])("a place's share of a running total stays a part: %s", (text, values) => {
    expect(withoutSpans(read(text))).toEqual(only(values));
  });

  it("a place's share of this period's figure stays a part", () => {
    expect(read("xã treo 10 băng rôn, trong đó thôn 2 treo 4 băng rôn").values).toEqual({ bang_ron: 10 });
  });
});

describe("qualifyPeriods: the whole commune's figure after one of its places is the total", () => {
  it.each([
    ["thôn 1 treo 3 pano, cả xã 12 pano", { pano: 12 }],
    ["to dan pho 5 phat thanh 10 luot, toan phuong 40 luot", { phat_thanh: 40 }],
    ["Thôn Đông 100 tờ rơi; toàn xã phát 650 tờ rơi", { to_roi: 650 }],
    ["thi tran: khu 2 treo 2 bang ron, ca thi tran treo 9 bang ron", { bang_ron: 9 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });

  it("'cả xã có 9 thôn' is no total of an indicator", () => {
    expect(read("cả xã có 9 thôn, treo 5 pano").values).toEqual({ pano: 5 });
  });
});

describe("findMultipliers: 'mỗi buổi' / 'mỗi cuộc' after meetings counted just before", () => {
  it.each([
    ["Bảo tàng thực hiện 2 tọa đàm, mỗi buổi 55 người tham dự.", { hoi_nghi: 2, nguoi_tham_du: 110 }],
    ["to chuc 3 hoi nghi, moi cuoc 40 nguoi", { hoi_nghi: 3, nguoi_tham_du: 120 }],
    ["3 hội thảo, mỗi buổi khoảng 45 đại biểu", { hoi_nghi: 3, nguoi_tham_du: 135 }],
    ["hop dan 3 cuoc, moi buoi 40 nguoi", { hoi_nghi: 3, nguoi_tham_du: 120 }],
    ["Họp dân 2 cuộc, mỗi buổi có 35 người dự", { hoi_nghi: 2, nguoi_tham_du: 70 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });

  it("a sitting's length after another indicator's figure multiplies nothing", () => {
    expect(read("phat thanh 10 luot, moi buoi 30 phut").values).toEqual({ phat_thanh: 10 });
  });
});

describe("pairNumbers: people right after a meeting's name, the meetings counted in 'cuộc' later", () => {
  it.each([
    ["hop dan 45 nguoi, 3 cuoc a", { hoi_nghi: 3, nguoi_tham_du: 45 }],
    ["họp dân 30 + 25 + 40 người, 3 cuộc", { hoi_nghi: 3, nguoi_tham_du: 95 }],
    ["hội nghị 80 người, 2 cuộc", { hoi_nghi: 2, nguoi_tham_du: 80 }],
    ["tap huan 40 nguoi, 1 lop", { hoi_nghi: 1, nguoi_tham_du: 40 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });
});

describe("findMultipliers: '<period> nào … cũng N' beside a longer period's figure", () => {
  it.each([
    ["Dạ tháng nào bên xã cũng 2 chuyên mục, quý IV 6 chuyên mục ạ", { chuyen_muc: 6 }],
    ["tuan nao xa cung phat thanh 3 luot, thang 12 duoc 13 luot", { phat_thanh: 13 }],
    ["tháng nào cũng 2 tin bài, quý 4 được 6 tin", { tin_bai: 6 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });

  it("'thôn nào cũng' still multiplies by the places counted", () => {
    expect(read("thôn nào cũng treo 2 băng rôn, xã có 6 thôn").values).toEqual({ bang_ron: 12 });
  });
});

describe("markNonValues: those a centre serves and who run its page are context", () => {
  it.each([
    [
      "Bảo tàng đón 3.200 lượt khách tham quan; tổ chức 2 hội thảo với 90 đại biểu.",
      { hoi_nghi: 2, nguoi_tham_du: 90 },
    ],
    ["thu vien phuc vu 6 diem truong, dang 20 bai fanpage", { bai_mxh: 20 }],
    ["bài fanpage 14 bài. 2 người quản trị trang ạ", { bai_mxh: 14 }],
    ["Đón 1.200 lượt khách, phát thanh 15 lượt", { phat_thanh: 15 }],
    ["3 người quản lý trang, đăng 12 bài facebook", { bai_mxh: 12 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });

  it("'lượt' of an indicator is still its measure", () => {
    expect(read("xe lưu động 4 lượt").values).toEqual({ xe_luu_dong: 4 });
  });
});

describe("markNotDone: what is disposed of ('thanh lý') is no figure", () => {
  it.each([
    ["pano 3 cái, khung pano cũ thanh lý 2 cái", { pano: 3 }],
    ["treo 4 băng rôn; thanh lý 2 băng rôn cũ", { bang_ron: 4 }],
    ["pa no 5 cai, 2 pa no cu da thanh ly", { pano: 5 }],
    ["Thanh lý 3 pano hỏng, làm mới 2 pano", { pano: 2 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });
});

describe("qualifyPeriods: the numbered quarter so far beside this week or month", () => {
  it.each([
    ["tuần này treo 2 băng rôn, từ đầu quý IV đến nay 9 băng rôn", { bang_ron: 9 }],
    ["thang nay phat thanh 10 luot, tinh tu dau quy 4 den nay 28 luot", { phat_thanh: 28 }],
    ["tháng này 3 tin bài, từ đầu quý 4 đến giờ là 8 tin", { tin_bai: 8 }],
  ])("%s", (text, values) => {
    expect(read(text)).toEqual(only(values));
  });

  it("an unnumbered 'từ đầu quý' stays a running total beside this week", () => {
    expect(read("bai dang fb tuan nay 4 bai, tu dau quy 30 bai").values).toEqual({ bai_mxh: 4 });
  });
});

describe("real-style report corpus, twelfth development part", () => {
  it("reads all 145 of its messages exactly", () => {
    const score = scoreCorpus(readFixture("report-corpus-real-12.jsonl"), SAMPLE_INDICATORS);
    expect(score.total).toBe(145);
    expect(score.exact).toBeGreaterThanOrEqual(145);
  });
});
