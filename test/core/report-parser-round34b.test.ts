import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { onlyValues as only, plainReading as plain, readFixture } from "../support/parsed.js";

// Round 34b: periods and tables written by new writers. A clerk records the period the report is filed under:
// the shortest current period the message singles out ("riêng quý IV", "trong đó quý này", "kỳ này") over the
// longer one it belongs to (the year, "từ đầu năm", "6 tháng cuối năm", the term of office), never last period's
// figures nor next period's plan; in a table, the column of that period.

describe("a shorter period singled out of a longer one is the report's ('từ đầu năm …, riêng quý IV …')", () => {
  it.each([
    ["xã Hòa Bình bc: từ đầu năm treo 40 băng rôn, riêng quý IV treo 12 cái", { bang_ron: 12 }],
    [
      "nam 2026 xa to chuc 30 hoi nghi, trong do quy 4 la 8 hoi nghi voi 410 nguoi",
      { hoi_nghi: 8, nguoi_tham_du: 410 },
    ],
    ["Cả năm phát 5.000 tờ rơi, riêng quý này 1.200 tờ", { to_roi: 1200 }],
    ["6 tháng cuối năm họp dân 14 cuộc, riêng quý IV 6 cuộc, 320 người dự", { hoi_nghi: 6, nguoi_tham_du: 320 }],
    ["thon Ea Nam: nam truoc lam 8 pano, nam nay 10 cai, rieng quy nay 2 cai", { pano: 2 }],
    ["Lũy kế từ đầu năm 52 tin bài, trong đó quý IV: 15 tin", { tin_bai: 15 }],
    [
      "Từ đầu nhiệm kỳ đến nay phối hợp tổ chức 95 hội nghị; riêng năm 2026 là 30 hội nghị; quý IV/2026 tổ chức 9 hội nghị với 700 người tham dự",
      { hoi_nghi: 9, nguoi_tham_du: 700 },
    ],
    [
      "Năm 2026 phát thanh 300 lượt trên loa xã (quý IV: 80 lượt), đăng 25 tin bài trên trang TTĐT (quý IV: 7 tin).",
      { phat_thanh: 80, tin_bai: 7 },
    ],
    [
      "phuong bc: tu dau nam tuyen truyen 50 buoi, quy IV 12 buoi, 900 nguoi (ca nam 3.800 nguoi)",
      { hoi_nghi: 12, nguoi_tham_du: 900 },
    ],
    [
      "Năm 2026 toàn xã treo 60 băng rôn, trong đó quý IV treo 18 cái; phát 4.000 tờ rơi, trong đó quý IV 900 tờ",
      { bang_ron: 18, to_roi: 900 },
    ],
    ["tu dau nam den nay phat thanh 320 luot, rieng ky nay 85 luot", { phat_thanh: 85 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("one line per period: the shorter, later one is the report's", () => {
  it.each([
    [
      "- Năm 2026 (đến 30/11): 28 hội nghị, 2.100 người tham dự; 6.000 tờ rơi.\n- Quý IV/2026 (tháng 10–11): 7 hội nghị, 540 người tham dự; 1.500 tờ rơi.",
      { hoi_nghi: 7, nguoi_tham_du: 540, to_roi: 1500 },
    ],
    [
      "Năm học 2025-2026: 12 buổi ngoại khóa, 7.900 lượt học sinh tham dự.\nHọc kỳ I năm học 2026-2027: 5 buổi, 3.100 lượt học sinh; dán 20 áp phích.",
      { hoi_nghi: 5, nguoi_tham_du: 3100, ap_phich: 20 },
    ],
    ["Năm 2025: treo 30 băng rôn. Năm 2026: treo 36 băng rôn, 4 pa nô", { bang_ron: 36, pano: 4 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("last period's figures said in passing ('kỳ trước … em đã báo rồi') stand aside", () => {
  it.each([
    ["đợt này họp dân 2 cuộc 90 người; đợt trước (tháng 10) họp 3 cuộc em báo rồi", { hoi_nghi: 2, nguoi_tham_du: 90 }],
    ["thang nay phat 300 to roi, thang truoc 250 to da bao cao roi a", { to_roi: 300 }],
    ["Kỳ này treo 4 băng rôn. Kỳ trước treo 6 cái, đã báo cáo.", { bang_ron: 4 }],
    [
      "xa bc: bo sung thang 10 them 2 tin bai (e bao thieu). Thang 11 den nay: 5 tin bai, 9 bai fanpage",
      { tin_bai: 5, bai_mxh: 9 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a report of one period with the next one's plan ('Phương hướng tháng 12') records the report's", () => {
  it.each([
    [
      "BÁO CÁO kết quả tháng 10 và phương hướng tháng 11/2026\n1. Kết quả tháng 10/2026\n- Tổ chức 5 hội nghị với 400 người tham dự.\n- Đăng 12 tin bài.\n2. Phương hướng tháng 11/2026\nTổ chức 6 hội nghị; đăng 15 tin bài.",
      { hoi_nghi: 5, nguoi_tham_du: 400, tin_bai: 12 },
    ],
    [
      "Kết quả quý III: treo 10 băng rôn, phát 800 tờ rơi.\nPhương hướng quý IV: treo 12 băng rôn",
      { bang_ron: 10, to_roi: 800 },
    ],
    [
      "bc thang 11: hop dan 3 cuoc 150 nguoi, dang 4 tin bai. Thang 12 du kien hop 2 cuoc",
      { hoi_nghi: 3, nguoi_tham_du: 150, tin_bai: 4 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("tables: one column per period, the report's quarter is read", () => {
  it.each([
    [
      "Chỉ tiêu | Năm 2025 | 9 tháng 2026 | Quý IV/2026 | Cả năm 2026\nTin bài | 120 | 90 | 35 | 125\nPhát thanh | 400 | 300 | 110 | 410",
      { tin_bai: 35, phat_thanh: 110 },
    ],
    [
      "Nội dung\tQuý III\tQuý IV\tLũy kế năm\nBăng rôn\t10\t14\t40\nTờ rơi\t500\t700\t2.100",
      { bang_ron: 14, to_roi: 700 },
    ],
    [
      "Chi tieu      T10   T11   T12   Ca quy\nPano          1     0     1     2\nBang ron      5     4     6     15",
      { pano: 2, bang_ron: 15 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("tables: plan and done columns with '-', 'x' or empty cells, a note under them", () => {
  it.each([
    [
      "STT  Noi dung     KH    TH\n1    Pa no        3     x\n2    Bang ron     15    18\n3    To roi       -     600",
      { bang_ron: 18, to_roi: 600 },
    ],
    [
      "Chỉ tiêu\tKế hoạch\tThực hiện\tTỷ lệ\nTin bài\t20\t23\t115%\nPhát thanh\t100\t\t\nHội nghị\t4\t5\t125%",
      { tin_bai: 23, hoi_nghi: 5 },
    ],
    ["ND        KH    TH\nPano      2     -\nTo roi    500   650\nxa chua lam pano a", { pano: 0, to_roi: 650 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("tables: one row per class or village with a Tổng row, a Ghi chú column with numbers", () => {
  it.each([
    [
      "bc sinh hoat chuyen de thang 11-12\nLop\tSo buoi\tSo HS\n10A1\t1\t40\n10A2\t1\t42\n11A1\t1\t38\nTong\t3\t120",
      { hoi_nghi: 3, nguoi_tham_du: 120 },
    ],
    [
      "| STT | Nội dung | ĐVT | Số lượng | Ghi chú |\n| 1 | Hội nghị tuyên truyền | cuộc | 5 | 5 thôn |\n| 2 | Người tham dự | người | 410 | |\n| 3 | Băng rôn | cái | 12 | 6 tuyến đường x 2 |",
      { hoi_nghi: 5, nguoi_tham_du: 410, bang_ron: 12 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("one line of items split by '|' with stated zeros ('ap phich: ko co | xe loa: 0')", () => {
  it.each([
    [
      "xa Tan Loc: pano 2 | bang ron 14 | to roi: ko co | phat thanh: 0",
      { pano: 2, bang_ron: 14, to_roi: 0, phat_thanh: 0 },
    ],
    ["Tin bài: 8 | Bài fanpage: 15 | Hội nghị: không có", { tin_bai: 8, bai_mxh: 15, hoi_nghi: 0 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("second batch, written after the rules: the same families in other words", () => {
  it.each([
    ["Cả năm 2026 xã phát 6.500 tờ rơi (quý 4: 1.800 tờ)", { to_roi: 1800 }],
    ["nam 2026 dang 40 bai fanpage (quy 4 la 12 bai)", { bai_mxh: 12 }],
    [
      "Năm 2026: 24 hội nghị, 1.900 người tham dự\nQuý IV: 6 hội nghị, 450 người tham dự",
      { hoi_nghi: 6, nguoi_tham_du: 450 },
    ],
    ["tu dau giai doan 2021-2025 den nay to chuc 150 hoi nghi, quy nay 6 hoi nghi", { hoi_nghi: 6 }],
    ["kỳ trước (quý III) đăng 15 tin bài đã báo, kỳ này đăng 18 tin bài", { tin_bai: 18 }],
    ["tuan truoc (tuan 2) phat 10 luot da bao roi, tuan nay phat 12 luot", { phat_thanh: 12 }],
    ["Thôn 4 báo cáo: năm ngoái treo 6 băng rôn, năm nay 9 cái, riêng quý này 2 cái ạ", { bang_ron: 2 }],
    ["bc: thang truoc phat 200 to roi, thang nay 150 to", { to_roi: 150 }],
    ["Bổ sung tháng 10: thêm 1 phóng sự. Tháng 11: 2 phóng sự, 4 chuyên mục", { phong_su: 2, chuyen_muc: 4 }],
    [
      "Nội dung | Năm 2025 | 6 tháng 2026 | Quý III/2026 | Lũy kế 2026\nPa nô | 10 | 4 | 3 | 7\nTờ rơi | 3.000 | 1.000 | 800 | 1.800",
      { pano: 3, to_roi: 800 },
    ],
    ["Chỉ tiêu\tCả năm 2025\tQuý IV/2026\nPhóng sự\t8\t2", { phong_su: 2 }],
    ["pano: 1 | bang ron: 6 | phong su: khong co | chuyen muc 2", { pano: 1, bang_ron: 6, phong_su: 0, chuyen_muc: 2 }],
    ["Tờ rơi 500 | Áp phích 20 | Xe loa: không có", { to_roi: 500, ap_phich: 20, xe_luu_dong: 0 }],
    [
      "Thôn        Số cuộc   Người dự\nĐông        1         45\nTây         2         80\nCộng        3         125",
      { hoi_nghi: 3, nguoi_tham_du: 125 },
    ],
    [
      "Thon        So buoi   Nguoi du\nDong        1         45\nTay         2         80\nCong        3         125",
      { hoi_nghi: 3, nguoi_tham_du: 125 },
    ],
    ["Xóm      Băng rôn   Tờ rơi\nXóm Trại    3     120\nXóm Chùa    2     90", { bang_ron: 5, to_roi: 210 }],
    [
      "pano 3 | bang ron 10 | to roi: chua co | phat thanh 20 luot",
      { pano: 3, bang_ron: 10, to_roi: 0, phat_thanh: 20 },
    ],
    ["Tổng hợp tháng 10-11: treo 6 băng rôn, phát 400 tờ rơi", { bang_ron: 6, to_roi: 400 }],
    ["hop dan quy 3-4 duoc 5 cuoc 260 nguoi", { hoi_nghi: 5, nguoi_tham_du: 260 }],
    ["T10-T11 đăng 9 tin bài", { tin_bai: 9 }],
    ["bc quy 4: pano thang 10: 1 cai, thang 11: 2 cai; to roi T10 200 to, T11 300 to", { pano: 3, to_roi: 500 }],
    [
      "bc quý IV: phát thanh tháng 10: 25 lượt, tháng 11: 30 lượt, tổng quý 55 lượt. Tin bài T10 3 tin, T11 6 tin",
      { phat_thanh: 55, tin_bai: 9 },
    ],
    ["bao cao quy IV: bai fanpage T10: 6 bai, T11: 8 bai, T12: 5 bai", { bai_mxh: 19 }],
    ["thang 3 t1 5 pano t2 3 pano t3 2 pano tong quy 10 pano", { pano: 10 }],
    [
      "Năm 2026 phát 1.200 tờ rơi, trong đó quý IV phát 350 tờ; treo 30 băng rôn, trong đó quý IV 9 cái",
      { to_roi: 350, bang_ron: 9 },
    ],
    [
      "Em bổ sung tháng 10 thêm 1 hội nghị 40 người ạ. Tháng 11: họp 2 cuộc, 95 người",
      { hoi_nghi: 2, nguoi_tham_du: 95 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a month figure beside a range is still a figure ('tháng 11 - 12 lượt' stays asked, no range of months)", () => {
    expect(plain("tháng 11 - 12 lượt phát thanh").unclear).not.toEqual([]);
  });
});

// Known misses left for a later round: people said after a period's share with no name of their own when the
// year's figure was read by a name of its own ("… sinh hoạt chuyên đề, trong đó quý IV là 6 buổi với 280 lượt
// hội viên"); a classifier's figure
// with no thing named after "; năm 2026 treo 70 cái;".
const KNOWN_MISSES: [string, Record<string, number>][] = [
  [
    "Hội LHPN xã: năm 2026 tổ chức 22 buổi sinh hoạt chuyên đề, trong đó quý IV là 6 buổi với 280 lượt hội viên (cả năm 1.150 lượt)",
    { hoi_nghi: 6, nguoi_tham_du: 280 },
  ],
  ["Từ đầu nhiệm kỳ đến nay đã treo 300 băng rôn; năm 2026 treo 70 cái; quý IV treo 20 cái", { bang_ron: 20 }],
];

describe("known misses", () => {
  for (const [text, values] of KNOWN_MISSES)
    it.fails(text, () => {
      expect(plain(text)).toEqual(only(values));
    });
});

// (read since round 35b: people after a share's count of sittings opening its label's figures)
it("people after 'riêng quý IV: 5 buổi,' in a bracket are the share's attendees", () => {
  expect(plain("Năm nay hội đã tổ chức 20 buổi tuyên truyền (riêng quý IV: 5 buổi, 210 hội viên)")).toEqual(
    only({ hoi_nghi: 5, nguoi_tham_du: 210 }),
  );
});

describe("set 33 after round 34b", () => {
  it("reads at least 132 of its 200 messages exactly (122 before the round)", () => {
    expect(scoreCorpus(readFixture("report-corpus-real-33.jsonl"), SAMPLE_INDICATORS).exact).toBeGreaterThanOrEqual(
      132,
    );
  });
});
