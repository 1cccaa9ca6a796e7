import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { onlyValues as only, plainReading as plain, readSample as read, readFixture } from "../support/parsed.js";

describe("references: a party-style number whose issuer is long", () => {
  it.each([
    ["Căn cứ Hướng dẫn số 19-HD/BTGDVTU ngày 30/9/2026 của Ban Tuyên giáo", "19-HD/BTGDVTU"],
    ["theo Kết luận 05-KL/BCSĐUBND, đăng 3 tin bài", "05-KL/BCSĐUBND"],
    ["thực hiện Công văn 12-CV/BTGDVTU, treo 4 pano", "12-CV/BTGDVTU"],
  ])("%s", (text, number) => {
    expect(read(text).references.map((r) => r.number)).toContain(number);
  });
});

describe("markNonValueSpans: a kilometre post after a junction's number is a place", () => {
  it.each([
    ["pano kích thước 2,4 x 4,8 m dựng ở ngã 3 Km 7, 2 cái ạ, chi phí 9 triệu đồng", { pano: 2 }],
    ["treo 3 băng rôn ở ngã 3 km 5 ạ", { bang_ron: 3 }],
    ["dựng 2 pano ở ngã 4 Km 12 quốc lộ", { pano: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("kilometres driven before a figure stay in doubt", () => {
    expect(read("đi 30 km 12 lượt").unclear).toHaveLength(1);
  });
});

describe("qualifyPeriods: the plan given to a named unit, and a document's subject year", () => {
  it.each([
    [
      "Kế hoạch năm 2026 giao xã Lộc Ninh 20 băng rôn và 4 pa nô; quý IV/2026 xã đã treo 8 băng rôn, 1 pa nô.",
      { bang_ron: 8, pano: 1 },
    ],
    ["Kế hoạch năm 2026 giao các chi hội 500 tờ rơi; quý IV phát 200 tờ rơi", { to_roi: 200 }],
    ["Chỉ tiêu giao phường Tân Mai 12 tin bài, 3 phóng sự; tháng 12 đăng 5 tin bài, 1 phóng sự", { tin_bai: 5, phong_su: 1 }],
    [
      "Thực hiện Nghị quyết số 24/NQ-HĐND ngày 10/12/2026 của HĐND xã Mỹ Lộc về nhiệm vụ năm 2027, UBND xã tiếp tục tuyên truyền trên hệ thống loa; tháng 12/2026 phát 28 lượt.",
      { phat_thanh: 28 },
    ],
    ["Theo Kế hoạch 15/KH-UBND về nhiệm vụ năm 2027, tháng 12/2026 xã treo 6 băng rôn", { bang_ron: 6 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a report of the year's tasks keeps its period", () => {
    expect(read("Báo cáo kết quả thực hiện nhiệm vụ năm 2026: treo 6 băng rôn").values).toEqual({ bang_ron: 6 });
  });
});
