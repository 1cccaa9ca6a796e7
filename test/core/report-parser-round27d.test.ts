import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { onlyValues as only, plainReading as plain, readFixture } from "../support/parsed.js";

describe("findMentions: 'N lượt về <chủ đề>' (times about a topic) is no typo of 'lượt xe'", () => {
  it.each([
    ["Phát thanh trên loa xã 8 lượt về an toàn giao thông", { phat_thanh: 8 }],
    ["Đài truyền thanh phường phát 12 lượt về phòng chống dịch sốt xuất huyết", { phat_thanh: 12 }],
    ["phat thanh tren loa thon 5 luot ve lich tiem chung", { phat_thanh: 5 }],
    ["Truyền thanh 20 lượt về bầu cử trưởng thôn, xe loa 2 lượt", { phat_thanh: 20, xe_luu_dong: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("normaliseAndTokenise: 'PT' beside a figure is phát thanh ('PT 36 lượt', '18 lượt PT'), never 'Đài PT-TH'", () => {
  it.each([
    ["Tin bài 3, PT 28 lượt, xe loa 2 lượt", { tin_bai: 3, phat_thanh: 28, xe_luu_dong: 2 }],
    ["pt: hai muoi lam, bang ron 4", { phat_thanh: 25, bang_ron: 4 }],
    ["tháng này 40 lượt PT ạ", { phat_thanh: 40 }],
    ["phối hợp Đài PT-TH tỉnh làm 2 phóng sự", { phong_su: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markNonValues: 'cả tháng 11: 44 lượt' — a period's number before a colon is its label, not a figure", () => {
  it.each([
    ["phát thanh cả tháng 11: 44 lượt", { phat_thanh: 44 }],
    ["Cả quý 4: 9 pano", { pano: 9 }],
    ["đợt 1 phát 300 tờ rơi, đợt 2 phát 200 tờ; cả tháng 10: 500 tờ rơi", { to_roi: 500 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markLookAlikes: a briefing meeting ('họp giao ban', 'hội nghị giao ban') is no propaganda meeting", () => {
  it.each([
    ["hop giao ban 3 cuoc, hop dan 2 cuoc 90 nguoi", { hoi_nghi: 2, nguoi_tham_du: 90 }],
    [
      "Họp giao ban cơ quan 4 cuộc; hội nghị tuyên truyền pháp luật 1 cuộc, 75 người dự",
      { hoi_nghi: 1, nguoi_tham_du: 75 },
    ],
    [
      "- Tổ chức hội nghị giao ban tháng 12 với 30 cán bộ, công chức.\n- Tổ chức 02 hội nghị tuyên truyền, 150 người dự.",
      { hoi_nghi: 2, nguoi_tham_du: 150 },
    ],
    ["hội nghị giao ban khối vận 2 cuộc. Họp dân 3 cuộc 210 người", { hoi_nghi: 3, nguoi_tham_du: 210 }],
    ["treo 6 bang ron, giao ban UBND 4 buoi", { bang_ron: 6 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markLookAlikes: advertising ('pa nô quảng cáo', 'băng rôn quảng cáo') is no propaganda item", () => {
  it.each([
    ["Đội kiểm tra tháo dỡ 14 băng rôn quảng cáo trái phép; treo 6 băng rôn tuyên truyền Tết", { bang_ron: 6 }],
    ["xu ly 3 pano quang cao sai phep, xa treo 2 pano co dong", { pano: 2 }],
    ["Phường yêu cầu gỡ 25 tờ rơi quảng cáo dán cột điện; phát 400 tờ rơi phòng cháy", { to_roi: 400 }],
    ["bang ron quang cao het han da thao 7 cai, phat thanh 12 luot", { phat_thanh: 12 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("pairNumbers: posts described before the channel they went on ('đăng 11 bài hướng dẫn trên zalo')", () => {
  it.each([
    ["đã đăng 7 bài hướng dẫn trên fanpage xã", { bai_mxh: 7 }],
    ["dang 3 bai tuyen truyen phong chay len nhom zalo thon", { bai_mxh: 3 }],
    [
      "Đăng 12 bài giới thiệu điểm du lịch lên Facebook của phường; 4 tin trên cổng thông tin",
      { bai_mxh: 12, tin_bai: 4 },
    ],
    ["đăng 5 bài quảng bá lễ hội qua zalo OA", { bai_mxh: 5 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markLookAlikes: a fair's booths, a show's acts and a post's shares are no figures ('18 gian hàng', '12 tiết mục', '86 share')", () => {
  it.each([
    ["Hội chợ xuân có 25 gian hàng, 3.000 khách; xã treo 10 băng rôn, 2 cụm cổ động", { bang_ron: 10, cum_co_dong: 2 }],
    ["Hội thi văn nghệ có 14 tiết mục dự thi, 1 buổi, 320 người dự", { hoi_nghi: 1, nguoi_tham_du: 320 }],
    ["bài ghim được 2,3k like 120 share, tháng này đăng 7 bài fanpage", { bai_mxh: 7 }],
    ["hoi thi am thuc 9 gian hang, treo 4 bang ron", { bang_ron: 4 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("qualifyPeriods: a year's figure beside a shorter period of it named after is a running total", () => {
  it.each([
    [
      "Năm 2026 Hội Nông dân xã tổ chức 15 hội nghị; trong quý IV/2026 tổ chức 4 hội nghị với 300 người dự.",
      { hoi_nghi: 4, nguoi_tham_du: 300 },
    ],
    ["Cả năm 2026 đăng 120 bài fanpage, riêng tháng 12 đăng 14 bài", { bai_mxh: 14 }],
    ["Tính đến 30/11 đã thực hiện 5 phóng sự trong năm; trong tháng 11 thực hiện 2 phóng sự.", { phong_su: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("qualifyPeriods: of two months, the one said as now ('tháng 12 đến nay', 'tháng 11 này') is the report's", () => {
  it.each([
    ["thang 11 phat thanh 30 luot, thang 12 den nay 8 luot a", { phat_thanh: 8 }],
    ["tháng 10 đã báo 20 lượt PT, tháng 11 này 25 lượt ạ", { phat_thanh: 25 }],
    ["Tháng 11 treo 5 băng rôn; tháng 12 đến nay treo 2 băng rôn", { bang_ron: 2 }],
    ["thang 9 hop dan 2 cuoc, thang 10 toi gio hop 1 cuoc 60 nguoi", { hoi_nghi: 1, nguoi_tham_du: 60 }],
    // a period said as already reported is an earlier one (added with the rule)
    [
      "Số liệu tháng 10 (đã báo): họp dân 2 cuộc, 90 người. Tháng 11: họp dân 1 cuộc 45 người",
      { hoi_nghi: 1, nguoi_tham_du: 45 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("combineValues: a part added after a product or a figure ('cộng thêm 6 tờ', '(+5 lượt …)', '+ 4 cái') adds up", () => {
  it.each([
    ["phát thanh 40 lượt (+6 lượt phát bổ sung ngày 28/11)", { phat_thanh: 46 }],
    ["băng rôn: 2 cái x 6 thôn + 3 cái ở trụ sở = 15", { bang_ron: 15 }],
    ["to roi 500 to (+ 100 to phat them o cho)", { to_roi: 600 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("findMultipliers: a counting word before the name in a rate classifies it ('30 tờ áp phích/thôn')", () => {
  it.each([
    ["dán 12 tờ áp phích/trường, 4 trường", { ap_phich: 48 }],
    ["dan 5 to ap phich/thon x 8 thon", { ap_phich: 40 }],
    ["treo 2 tấm pa nô/xã, 3 xã", { pano: 6 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("findMultipliers: a daily rate over a range of dates counts its days ('từ ngày 01/12 đến ngày 10/12')", () => {
  it.each([
    ["Đài truyền thanh xã phát bản tin 02 lượt/ngày, liên tục từ ngày 05/12 đến ngày 14/12/2026", { phat_thanh: 20 }],
    ["phát thanh 3 lượt/ngày từ 1/11 đến 7/11", { phat_thanh: 21 }],
    ["loa xã phát 2 lượt/ngày (sáng, chiều) từ ngày 10/10 đến ngày 12/10", { phat_thanh: 6 }],
    ["dang fanpage moi ngay 1 bai tu 1/12 den nay (5/12)", { bai_mxh: 5 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

// Known misses left for a later round: a year opening its sentence before a quarter with no "trong"/"cả" is
// still the report's period; a poster counted in "tờ" after "cộng thêm" is read as leaflets' and asked about
describe("known misses", () => {
  // read since round 34b: a quarter opening a sentence of its own after the year's is the report's
  it("nam 2026 thon treo 10 bang ron. Quy IV chua treo them cai nao a", () => {
    expect(plain("nam 2026 thon treo 10 bang ron. Quy IV chua treo them cai nao a")).toEqual(only({ bang_ron: 0 }));
  });
  // read since round 30b: one more in the measure a figure of the thing was said in
  it("dán 3 tờ áp phích ở mỗi trường, có 5 trường, cộng thêm 4 tờ ở UBND", () => {
    expect(plain("dán 3 tờ áp phích ở mỗi trường, có 5 trường, cộng thêm 4 tờ ở UBND")).toEqual(only({ ap_phich: 19 }));
  });
});

describe("twenty-eighth and twenty-ninth development sets (every kind, by writers who never saw the parser)", () => {
  it("keep their floors", () => {
    expect(scoreCorpus(readFixture("report-corpus-real-28.jsonl"), SAMPLE_INDICATORS).exact).toBeGreaterThanOrEqual(94);
    expect(scoreCorpus(readFixture("report-corpus-real-29.jsonl"), SAMPLE_INDICATORS).exact).toBeGreaterThanOrEqual(98);
  });
});
