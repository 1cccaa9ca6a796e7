import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { onlyValues as only, plainReading as plain, readSample as read, readFixture } from "../support/parsed.js";

describe("markNonValueSpans: what a thing cost, its power and a programme's length are no counts", () => {
  it.each([
    ["treo 4 pano ở trung tâm xã, chi phí 12 triệu", { pano: 4 }],
    ["chi phi lam cum co dong 6 tr a, dung 2 cum", { cum_co_dong: 2 }],
    ["Phát 500 tờ rơi (tổng chi 1,5 triệu)", { to_roi: 500 }],
    ["mua 1 loa mới trị giá 3 triệu ạ; phát thanh 20 lượt", { phat_thanh: 20 }],
    ["Đài xã loa công suất 500W, phát thanh 30 lượt", { phat_thanh: 30 }],
    ["cum loa 2 kw; phat thanh 18 luot trong thang", { phat_thanh: 18 }],
    ["chuyên mục 2 số, mỗi số dài 20p", { chuyen_muc: 2 }],
    ["phong su: 1 phong su thoi luong 12 ph", { phong_su: 1 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a budget, which a plan may count, is still asked about", () => {
    expect(read("Kinh phí 7 triệu, 2 pa nô").unclear).toHaveLength(1);
  });

  it("a number of millions with a noun after it is no sum of money", () => {
    expect(read("chi phí thấp nhưng clip đạt 2 triệu lượt xem").unclear).toHaveLength(1);
  });
});

describe("markContextCounts: equipment, contest entries, service cars, notices and site visits are context", () => {
  it.each([
    ["thực hiện 3 phóng sự; nhận thêm 2 máy tăng âm", { phong_su: 3 }],
    ["xa em co 1 may phat dien du phong, phat thanh 25 luot", { phat_thanh: 25 }],
    ["Hội LHPN nhận 25 bài dự thi, đăng 4 bài fanpage", { bai_mxh: 4 }],
    ["Truong nhan 40 bai thi tim hieu, treo 2 bang ron", { bang_ron: 2 }],
    ["co 3 xe cong vu cho can bo, xe loa chay 6 luot", { xe_luu_dong: 6 }],
    ["Trang thông tin có 12.000 lượt truy cập; đăng 8 tin bài", { tin_bai: 8 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("findStatedZeros: 'không họp' says no meeting was held", () => {
  it.each([
    ["tuần này không họp, chỉ treo 3 băng rôn", { bang_ron: 3, hoi_nghi: 0 }],
    ["thang nay ko hop vi mua bao; phat 120 to roi", { to_roi: 120, hoi_nghi: 0 }],
    ["Thôn Đông: không tổ chức họp lần nào, pano 2", { pano: 2, hoi_nghi: 0 }],
    ["hop thon: ko hop do trung lich, bang ron 1", { bang_ron: 1, hoi_nghi: 0 }],
    ["Họp xóm: không họp ạ", { hoi_nghi: 0 }],
    ["thôn em tháng này không họp được vì mưa, treo 2 băng rôn", { bang_ron: 2, hoi_nghi: 0 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a meeting held is no zero", () => {
    expect(read("không họp dân nhưng họp thôn 2 cuộc").values).toEqual({ hoi_nghi: 2 });
  });

  it("'chưa họp' (not yet) says no zero", () => {
    expect(read("chưa họp, treo 2 băng rôn").values).toEqual({ bang_ron: 2 });
  });
});

describe("aliases: other names of a meeting", () => {
  it.each([
    ["Hội Phụ nữ tổ chức 2 buổi sinh hoạt chuyên đề, 80 hội viên tham dự", { hoi_nghi: 2, nguoi_tham_du: 80 }],
    ["chi doan to chuc 1 buoi sinh hoat chuyen de, 30 doan vien tham gia", { hoi_nghi: 1, nguoi_tham_du: 30 }],
    ["Hội CCB xã tổ chức 1 buổi gặp mặt truyền thống có 45 hội viên dự", { hoi_nghi: 1, nguoi_tham_du: 45 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("references: a date said as a time limit, or past a clause's end, is not the document's", () => {
  it.each([
    ["Triển khai Kế hoạch số 12/KH-UBND; đến ngày 15/12/2026 đã treo 6 pano", [{ number: "12/KH-UBND" }], { pano: 6 }],
    [
      "thuc hien Cong van 88/UBND-VHTT, tinh den ngay 20/11/2026 phat 300 to roi",
      [{ number: "88/UBND-VHTT" }],
      { to_roi: 300 },
    ],
    ["Theo Quyết định 150/QĐ-UBND. Ngày 3/12/2026 xã tổ chức 1 hội nghị", [{ number: "150/QĐ-UBND" }], { hoi_nghi: 1 }],
    [
      "Kế hoạch số 20/KH-UBND ban hành ngày 05/02/2026, treo 3 băng rôn",
      [{ number: "20/KH-UBND", date: "2026-02-05" }],
      { bang_ron: 3 },
    ],
  ])("%s", (text, references, values) => {
    const r = read(text);
    expect(r.references).toEqual(references);
    expect(r.values).toEqual(values);
  });
});

describe("qualifyPeriods: the school year or the round before stands aside", () => {
  it.each([
    ["Trường THCS: học kỳ này 2 hội nghị, năm học trước 3 hội nghị", { hoi_nghi: 2 }],
    ["nam hoc truoc: 4 buoi toa dam; hoc ky nay to chuc 2 buoi toa dam", { hoi_nghi: 2 }],
    ["tháng 12 treo 5 băng rôn (đợt trước: 3 băng rôn)", { bang_ron: 5 }],
    ["Đoàn trường đăng 6 bài fanpage (năm học trước 10 bài)", { bai_mxh: 6 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("findCorrections: what was reported wrongly, said with a verb of two words, is dropped", () => {
  it.each([
    ["Hội Nông dân điều chỉnh: số tờ rơi là 900 tờ (trước đây báo cáo nhầm 600 tờ)", { to_roi: 900 }],
    ["pano da treo la 7 cai (tuan truoc thong ke sai 5 cai)", { pano: 7 }],
    ["Số người tham dự đúng là 150 người (lần trước tổng hợp nhầm 105 người)", { nguoi_tham_du: 150 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("combineValues: every part listed after 'trong đó' belongs to the figure before it", () => {
  it.each([
    ["Bài đăng mạng xã hội 30 bài, trong đó Zalo 10 bài, fanpage 20 bài", { bai_mxh: 30 }],
    ["hoi nghi 5 cuoc, trong do hop dan 3 cuoc, tap huan 2 cuoc", { hoi_nghi: 5 }],
    ["Đăng 12 bài mạng xã hội trong số đó fanpage 8 bài, zalo 4 bài; treo 2 pano", { bai_mxh: 12, pano: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("findMultipliers: a rate per day said with how long it went on ('liên tục', 'suốt', 'trong vòng')", () => {
  it.each([
    ["phat thanh ngay 2 luot, phat lien tuc 15 ngay", { phat_thanh: 30 }],
    ["Phát thanh ngày 3 buổi, liên tục 10 ngày", { phat_thanh: 30 }],
    ["xe loa ngày 2 lượt suốt 5 ngày", { xe_luu_dong: 10 }],
    ["phát thanh ngày 2 lượt trong vòng 10 ngày", { phat_thanh: 20 }],
    ["dang fanpage tuan 3 bai, suot 4 tuan", { bai_mxh: 12 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("periods listed ('tháng 11 và 12') and a sum said over them ('cộng 2 tháng là 12')", () => {
  it.each([
    ["em báo luôn tháng 11 và 12 nhé, treo 7 băng rôn", { bang_ron: 7 }],
    ["bao cao thang 10, 11 va 12: pano 3", { pano: 3 }],
    ["Số liệu quý 3 và 4: 5 pa nô", { pano: 5 }],
    ["tháng 11: 5 băng rôn, tháng 12: 7 băng rôn, cộng 2 tháng là 12 băng rôn", { bang_ron: 12 }],
    ["thang 11 to roi 200, thang 12 to roi 300, cong lai la 500 to roi", { to_roi: 500 }],
    ["Đợt 1: 20 tờ rơi, đợt 2: 30 tờ rơi, cả 2 đợt 50 tờ rơi", { to_roi: 50 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a month's figure after a comma stays a figure", () => {
    expect(read("pano thang 11, 5").values).toEqual({ pano: 5 });
  });

  it("a number with a name after it stays a figure", () => {
    expect(read("tháng 11 và 12 băng rôn").values).toEqual({ bang_ron: 12 });
  });
});

describe("markChosenFigures: the figure an officer asks to be taken, said before, is no second figure", () => {
  it.each([
    ["pano 4 cai, tong tu dau nam 20 cai, anh chot so 4 nhe", { pano: 4 }],
    ["Tờ rơi 300 tờ. Chị ghi số 300 giúp em", { to_roi: 300 }],
    ["phát thanh tuần này 12 lượt (lũy kế 80 lượt), báo cáo tuần nên anh lấy lại số 12 ạ", { phat_thanh: 12 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a figure not said before is still asked about", () => {
    expect(read("pano 4, anh lay so 5 nhe").unclear).toHaveLength(1);
  });
});

describe("markContextCounts: classes each given a thing are a school's classes, no training classes", () => {
  it.each([
    ["12 lop moi lop dan 2 ap phich", { ap_phich: 24 }],
    ["Trường THCS 20 lớp, mỗi lớp nhận 30 tờ rơi", { to_roi: 600 }],
    ["khoi 5 co 4 lop, moi lop treo 1 bang ron", { bang_ron: 4 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("training classes with their learners stay meetings", () => {
    expect(read("mo 3 lop, moi lop 35 hoc vien").values).toEqual({ hoi_nghi: 3, nguoi_tham_du: 105 });
  });
});

describe("vehicles beside their trips: number plates and a count of bare 'xe' where trips are counted", () => {
  it.each([
    ["huy dong 3 xe chay 12 luot xe tuyen truyen", { xe_luu_dong: 12 }],
    ["bố trí 1 xe (BKS 37C-456.78) chạy 3 lượt xe tuyên truyền lưu động", { xe_luu_dong: 3 }],
    ["xe bien so 29LD-012.34 chay 5 luot xe tuyen truyen", { xe_luu_dong: 5 }],
    ["Trung tâm điều 2 xe thực hiện 6 lượt xe thông tin lưu động, phát 400 tờ rơi", { xe_luu_dong: 6, to_roi: 400 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("with no trips counted, the vehicles stay the figure", () => {
    expect(read("xe loa 2 xe").values).toEqual({ xe_luu_dong: 2 });
  });
});

describe("markLabels: the last place's figure of a list stays a figure before a closing particle", () => {
  it.each([
    ["băng rôn thôn Đông 4, thôn Tây 5 ạ", { bang_ron: 9 }],
    ["to roi thon Ha 100, thon Thuong 120, thon Giua 80 nhe", { to_roi: 300 }],
    ["Pa nô: xóm Bắc 2, xóm Nam 1 nha", { pano: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a place's name ending in a number is still its name", () => {
    expect(read("thôn Khe Giao 2 ạ, treo 3 pano").values).toEqual({ pano: 3 });
  });
});

describe("readSittingParts: attendees of sittings broken down part by part", () => {
  it.each([
    ["tổ chức 2 buổi tọa đàm, buổi 1: 40 hội viên, buổi 2: 55 hội viên", { hoi_nghi: 2, nguoi_tham_du: 95 }],
    ["hop dan 4 cuoc, 2 cuoc moi cuoc 30 nguoi, 2 cuoc moi cuoc 50 nguoi", { hoi_nghi: 4, nguoi_tham_du: 160 }],
    [
      "Hội LHPN tổ chức 3 buổi truyền thông; buổi đầu 60 chị em, 2 buổi còn lại mỗi buổi 40 chị em tham dự",
      { hoi_nghi: 3, nguoi_tham_du: 140 },
    ],
    ["họp dân 3 cuộc, 1 cuộc thôn Đông 70 người, hai cuộc sau mỗi cuộc 50 người", { hoi_nghi: 3, nguoi_tham_du: 170 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("the parts may open after a colon", () => {
    expect(plain("hop dan 2 cuoc: cuoc 1 70 nguoi, cuoc 2 80 nguoi")).toEqual(
      only({ hoi_nghi: 2, nguoi_tham_du: 150 }),
    );
  });

  it("parts whose sittings do not add up to the count are asked about", () => {
    const r = read("hop dan 3 cuoc, 1 cuoc 60 ng, 1 cuoc 45 ng");
    expect(r.values.nguoi_tham_du).toBeUndefined();
  });
});

describe("combineValues: one more said with 'thêm' / 'nữa' in a classifier adds to the thing named before", () => {
  it.each([
    ["bang ron 14 cai, rieng thon A treo them 1 cai nua", { bang_ron: 15 }],
    ["Pa nô 3 cái, thôn Đông làm thêm 1 cái", { pano: 4 }],
    ["phát 200 tờ rơi, xóm Bãi phát thêm 50 tờ nữa", { to_roi: 250 }],
    ["pano: treo o 5 thon, moi thon 1 cai, rieng thon Trung treo them 1 chiec", { pano: 6 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a place's figure said without 'thêm' is still asked about", () => {
    expect(read("bang ron 14 cai, rieng thon A 1 cai").unclear).toHaveLength(1);
  });
});

describe("qualifyPeriods: since a day up to now is a running total; this month's figure in a classifier is its", () => {
  it.each([
    ["từ 1/1 đến nay treo 60 băng rôn, tháng 12 này 15 băng rôn", { bang_ron: 15 }],
    ["Từ ngày 01/10/2026 đến nay phát 900 tờ rơi, riêng tháng 12 là 300 tờ", { to_roi: 300 }],
    ["tu dau nam toi gio xa treo 60 bang ron, con trong thang 12 nay thi 15 cai a", { bang_ron: 15 }],
    ["từ 15/9 tới giờ dựng 8 pano, tháng này thì 2 chiếc", { pano: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a running total alone is still read", () => {
    expect(read("từ 1/1 đến nay treo 60 băng rôn").values).toEqual({ bang_ron: 60 });
  });
});

describe("findMultipliers: the places listed right after 'mỗi thôn' are their count", () => {
  it.each([
    ["treo 2 pano tại mỗi thôn (thôn Đông, thôn Đoài, thôn Nam)", { pano: 6 }],
    ["treo 2 pano mỗi xóm: xóm Bãi, xóm Chùa", { pano: 4 }],
    ["phat 100 to roi moi thon (thon 1, thon 2, thon 3)", { to_roi: 300 }],
    ["đã dựng 3 cụm cổ động; 1 cụm tại mỗi thôn (thôn Hạ, thôn Trung và thôn Thượng)", { cum_co_dong: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("one place listed is no count", () => {
    expect(read("treo 2 pano tại mỗi thôn (thôn Đông)").unclear).toHaveLength(1);
  });
});

describe("gatheringBefore: people by role right after a meeting's name are its attendees", () => {
  it.each([
    ["1 buổi gặp mặt 40 chị em", { hoi_nghi: 1, nguoi_tham_du: 40 }],
    ["hoi CCB to chuc 1 buoi gap mat 55 hoi vien", { hoi_nghi: 1, nguoi_tham_du: 55 }],
    ["Chi bộ tổ chức 1 hội nghị 120 đảng viên", { hoi_nghi: 1, nguoi_tham_du: 120 }],
    ["1 buổi tọa đàm 45 chị em phụ nữ", { hoi_nghi: 1, nguoi_tham_du: 45 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a school's classes gather no one", () => {
    expect(read("trường 28 lớp, 950 học sinh, treo 2 pano").values).toEqual({ pano: 2 });
  });
});

describe("markLookAlikes: loudspeakers counted by a device's classifier are no broadcasts", () => {
  it.each([
    ["loa 2 chiếc công suất 250 w, phát thanh 12 lượt", { phat_thanh: 12 }],
    ["Loa: 3 cái mới lắp; phát thanh 20 buổi", { phat_thanh: 20 }],
    ["loa 4 bo, phat thanh 15 luot", { phat_thanh: 15 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("broadcasts named 'loa' in their own measure stay a figure", () => {
    expect(read("loa 12 lượt").values).toEqual({ phat_thanh: 12 });
  });
});

describe("eighteenth development set (everyone the product serves, every kind evenly)", () => {
  it("keeps its floor", () => {
    const score = scoreCorpus(readFixture("report-corpus-real-18.jsonl"), SAMPLE_INDICATORS);
    expect(score.exact).toBeGreaterThanOrEqual(130);
  });
});
