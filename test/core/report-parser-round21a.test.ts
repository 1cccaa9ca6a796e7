import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { onlyValues as only, plainReading as plain, readSample as read, readFixture } from "../support/parsed.js";

describe("findCorrections: 'gõ lộn', the southern 'gõ nhầm', after a verb of typing or reporting", () => {
  it.each([
    ["fanpage 22 bài\ntin bài 6\nchết em gõ lộn\nfanpage 26 bài ạ", { bai_mxh: 26, tin_bai: 6 }],
    ["pano 3, bang ron 5. em ghi lon, bang ron 7 a", { pano: 3, bang_ron: 7 }],
    ["tờ rơi 200 tờ, xe loa 4 lượt, nhập lộn xe loa, 5 lượt ạ", { to_roi: 200, xe_luu_dong: 5 }],
    ["Tin nhắn trước em báo lộn tờ rơi 300, đúng là 350 tờ", { to_roi: 350 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("'lộn' of another kind is no correction", () => {
    expect(read("nhà văn hóa lộn xộn, treo 2 pano").values).toEqual({ pano: 2 });
  });
});

describe("findCorrections: 'đã báo 6, nay sửa 8' replaces the figure reported before", () => {
  it.each([
    [
      "điều chỉnh số liệu tháng 12/2026:\n• Băng rôn: đã báo 6, nay sửa 8\n• Tờ rơi: đã báo 400, giữ nguyên\n• Họp dân: đã báo 1 cuộc, nay sửa 2 cuộc",
      { bang_ron: 8, to_roi: 400, hoi_nghi: 2 },
    ],
    ["pano da bao 3 cai, gio sua thanh 4 cai a", { pano: 4 }],
    ["Tin bài đã báo cáo 5, nay sửa lại 7 tin; phát thanh 20 lượt", { tin_bai: 7, phat_thanh: 20 }],
    ["hội nghị: đã báo 2, bây giờ sửa thành 3. Người dự 150", { hoi_nghi: 3, nguoi_tham_du: 150 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("correctionRoles: a sum's stated result after a correction is the figure, not its first part", () => {
  it.each([
    ["hop to 2 cuoc, 75 nguoi. sorry a, van 2 cuoc nhung nguoi du la 57+48=105 a", { hoi_nghi: 2, nguoi_tham_du: 105 }],
    ["phát 300 tờ rơi, à nhầm, tờ rơi 120 + 200 = 320 tờ", { to_roi: 320 }],
    ["bang ron 5 cai. em xin loi, bang ron la 3+4=7 cai a", { bang_ron: 7 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a later figure that explains the difference still stands aside", () => {
    expect(read("xem lại thì 23 bài thôi, 2 bài là chia sẻ lại").values).toEqual({ bai_mxh: 23 });
  });
});

describe("findStatedZeros: a name not done may carry a word or two qualifying it", () => {
  it.each([
    ["Hội không tổ chức hội nghị riêng, đăng 3 bài trên zalo", { hoi_nghi: 0, bai_mxh: 3 }],
    ["không tổ chức buổi truyền thông tập trung do trùng lịch; phát 320 tờ rơi", { hoi_nghi: 0, to_roi: 320 }],
    ["ko phat to roi giay, chi dang 4 bai fanpage", { to_roi: 0, bai_mxh: 4 }],
    ["không tổ chức hội nghị riêng quý IV, 2 băng rôn", { hoi_nghi: 0, bang_ron: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("another period after the name says nothing of this one", () => {
    expect(read("khong to chuc hoi nghi thang truoc, thang nay 2 cuoc").values).toEqual({ hoi_nghi: 2 });
  });
});

describe("findStatedZeros: 'nghi' typed without marks right after a name is 'nghỉ' (off)", () => {
  it.each([
    ["chuyen muc thang nay nghi a, phat thanh van 24 luot", { chuyen_muc: 0, phat_thanh: 24 }],
    ["xe loa quy nay nghi, phat thanh 30 luot", { xe_luu_dong: 0, phat_thanh: 30 }],
    ["phong su: nghi a", { phong_su: 0 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("the 'nghị' of 'hội nghị' and 'nghĩ' (think) are no zero", () => {
    expect(read("hoi nghi 2 cuoc").values).toEqual({ hoi_nghi: 2 });
    expect(read("em nghi chuyen muc 2 so").values).toEqual({ chuyen_muc: 2 });
  });
});

describe("parseNumberWords: a bare 'chục' opening a number takes no units ('to chuc ba cuoc' is three)", () => {
  it.each([
    ["hoi ccb to chuc ba cuoc hoi nghi, tong cong hai tram linh bon hoi vien du", { hoi_nghi: 3, nguoi_tham_du: 204 }],
    ["to chuc hai cuoc hop dan, 120 nguoi", { hoi_nghi: 2, nguoi_tham_du: 120 }],
    ["doan xa to chuc bon buoi tap huan", { hoi_nghi: 4 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a bare 'chục' is still ten, and 'hai chục ba' still 23", () => {
    expect(read("phat chuc to roi").values).toEqual({ to_roi: 10 });
    expect(read("hai chuc ba to roi").values).toEqual({ to_roi: 23 });
  });
});

describe("qualifyPeriods: short months inside a line ('t10 14, t11 11') are the parts of a stated total", () => {
  it.each([
    ["doan truong em bai fb: t10 14, t11 11, t12 17. tong quy 42 bai a", { bai_mxh: 42 }],
    ["bai fb: t10: 14, t11: 11, t12: 17. tong quy 42 bai a", { bai_mxh: 42 }],
    ["phat thanh t7 10 luot, t8 12 luot, t9 9 luot, cong quy 31 luot", { phat_thanh: 31 }],
    ["Tờ rơi: T4 200, T5 150, T6 300; tổng quý II 650 tờ", { to_roi: 650 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("qualifyPeriods: a sentence opening with 'Cộng' / 'Tổng' and a figure states totals for its whole list", () => {
  it.each([
    [
      "tháng 10 họp thôn 1 cuộc 58 người, tháng 11 họp thôn 1 cuộc 61 người. Cộng 2 cuộc, 119 người ạ",
      { hoi_nghi: 2, nguoi_tham_du: 119 },
    ],
    [
      "tháng 10 phát thanh 12 lượt, xe loa 2 lượt; tháng 11 phát thanh 15 lượt, xe loa 3 lượt. Cộng 27 lượt phát thanh, 5 lượt xe loa",
      { phat_thanh: 27, xe_luu_dong: 5 },
    ],
    [
      "tuần 1 tập huấn 1 buổi 40 người, tuần 2 tập huấn 1 buổi 50 người. Tổng cộng 2 buổi, 90 người ạ",
      { hoi_nghi: 2, nguoi_tham_du: 90 },
    ],
    [
      "Đợt 1 phát 300 tờ rơi, 2 băng rôn; đợt 2 phát 250 tờ rơi, 1 băng rôn.\nTổng 550 tờ rơi, 3 băng rôn",
      { to_roi: 550, bang_ron: 3 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("readTables: a Word table pasted one cell per line with its header (STT / Nội dung / ĐVT / Số lượng)", () => {
  it.each([
    [
      "gửi số liệu quý IV/2026:\nSTT\nNội dung\nĐơn vị tính\nSố lượng\n1\nTờ rơi phòng, chống mua bán người\ntờ\n700\n2\nBuổi truyền thông tại chi hội\nbuổi\n5\n3\nHội viên tham dự\nngười\n265\n4\nBài đăng trên Zalo của Hội\nbài\n16",
      { to_roi: 700, hoi_nghi: 5, nguoi_tham_du: 265, bai_mxh: 16 },
    ],
    ["Nội dung\nSố lượng\nPa nô tuyên truyền tại trung tâm xã\n3\nBăng rôn các thôn\n12", { pano: 3, bang_ron: 12 }],
    [
      "TT\nChỉ tiêu\nKết quả\n1\nTin bài trên cổng thông tin\n9\n2\nPhát thanh trên loa\n30",
      { tin_bai: 9, phat_thanh: 30 },
    ],
    ["STT\nNội dung\nKế hoạch\nThực hiện\n1\nPa nô\n5\n4\n2\nTờ rơi\n1000\n800", { pano: 4, to_roi: 800 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a header with one row under it is no table", () => {
    expect(read("Nội dung\nSố lượng\nem gửi ạ\n3\nxong").unclear).toHaveLength(1);
  });
});

describe("qualifyPeriods: a school term or year so far ('từ đầu học kỳ I … đến nay') is a running total", () => {
  it.each([
    [
      "báo cáo tháng 12/2026: đăng 6 tin bài trên website trường; từ đầu học kỳ I năm học 2026-2027 đến nay tổng cộng 21 tin bài",
      { tin_bai: 6 },
    ],
    ["thang 11 truong treo 2 bang ron, tu dau nam hoc den nay 7 bang ron", { bang_ron: 2 }],
    ["Quý IV liên đội tổ chức 2 buổi tọa đàm; từ đầu học kỳ đến giờ là 3 buổi", { hoi_nghi: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("qualifyPeriods: from a quarter's first day so far ('từ 1/10 đến nay') beside this week is the quarter's", () => {
  it.each([
    ["tuần này phát thanh 8 lượt, từ 1/10 đến nay là 92 lượt", { phat_thanh: 92 }],
    ["tuần này xe loa chạy 2 lượt, từ 01/07 đến nay 15 lượt", { xe_luu_dong: 15 }],
    ["tuần này phát 100 tờ rơi, từ ngày 1/4/2026 tới giờ 900 tờ", { to_roi: 900 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("from 1/1, the year's first day too, stays a running total", () => {
    expect(read("tuần này phát 100 tờ rơi, từ 1/1 tới giờ 900 tờ").values).toEqual({ to_roi: 100 });
  });
});

describe("markNonValues: the year in 'từ đầu năm 2026 đến nay' belongs to the time phrase", () => {
  it.each([
    ["Từ đầu năm 2026 đến nay, xã đã phát 5.400 tờ rơi, trong đó riêng quý IV/2026 phát 1.700 tờ.", { to_roi: 1700 }],
    ["tháng 12 treo 3 pano; từ đầu năm 2026 tới nay 20 pano", { pano: 3 }],
    ["Từ đầu năm 2026 đến nay xã phát 5.400 tờ rơi", { to_roi: 5400 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("pairing: a website names news posts, and a channel's owner ('web trường') stands between like a filler", () => {
  it.each([
    ["bài viết trên web trường tháng này là 8 bài ạ, hôm qua em nhắn 6 bài là thiếu 2 bài ạ", { tin_bai: 8 }],
    ["web trường 8 bài", { tin_bai: 8 }],
    ["đăng 5 bài trên website xã", { tin_bai: 5 }],
    ["bài viết trên fanpage xã tháng này là 8 bài", { bai_mxh: 8 }],
    ["zalo hội 5 bài", { bai_mxh: 5 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a website and a fanpage side by side stay two indicators", () => {
    expect(read("website 5 bài, fanpage 7 bài").values).toEqual({ tin_bai: 5, bai_mxh: 7 });
  });
});

describe("findStatedZeros: period words between the name and 'không … nào' take no step back", () => {
  it.each([
    [
      "Da fanpage cua xa bi hack tu thang 11 nen thang nay khong dang duoc bai nao a. Tin bai van dang 5 tin tren cong",
      { bai_mxh: 0, tin_bai: 5 },
    ],
    ["Fanpage của xã bị khóa từ tháng 10 nên tháng này không đăng được bài nào, tin bài 4", { bai_mxh: 0, tin_bai: 4 }],
    ["xe loa của huyện hỏng từ tháng 9 đến nay nên quý này không chạy được lượt nào", { xe_luu_dong: 0 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("twentieth development set (every kind, 14 per category; tuner a's categories: tables, corrections, periods, zeros, number forms)", () => {
  it("keeps its floor", () => {
    const score = scoreCorpus(readFixture("report-corpus-real-20.jsonl"), SAMPLE_INDICATORS);
    expect(score.exact).toBeGreaterThanOrEqual(110);
  });
});
