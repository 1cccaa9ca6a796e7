import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { parseReport } from "../../src/core/reports/report-parser.js";

const read = (text: string) => parseReport(text, SAMPLE_INDICATORS);

describe("running totals and the report's own span", () => {
  it("names the indicators whose value is only a running total", () => {
    expect(read("lũy kế từ đầu năm phát thanh 170 lượt").runningTotals).toEqual(["phat_thanh"]);
    expect(read("tu dau nam den nay 4 hoi nghi, 310 nguoi").runningTotals).toEqual(["hoi_nghi", "nguoi_tham_du"]);
    expect(read("pano 7 là lũy kế").runningTotals).toEqual(["pano"]);
    expect(read("cả năm 2026 phát hành 6.000 tờ rơi").runningTotals).toEqual(["to_roi"]);
  });

  it("names none when the period's own figure is given beside the running total", () => {
    const r = read("Báo cáo quý IV: phát thanh 40 lượt, lũy kế 170 lượt");
    expect(r.values).toEqual({ phat_thanh: 40 });
    expect(r.runningTotals).toBeUndefined();
  });

  it("does not count a part of the report's period as a running total", () => {
    const r = read("Báo cáo 6 tháng đầu năm: riêng quý II: 8 pa nô");
    expect(r.values).toEqual({ pano: 8 });
    expect(r.runningTotals).toBeUndefined();
  });

  it("gives the months of the period the report names as its own", () => {
    expect(read("bc ca nam 2026 xa Dong Tam: tin bai 45 tin").reportMonths).toBe(12);
    expect(read("Báo cáo kết quả năm 2026: 5 hội nghị, 420 người tham dự").reportMonths).toBe(12);
    expect(read("Tổng kết năm 2026: phát thanh 170 lượt").reportMonths).toBe(12);
    expect(read("bc 6 thang dau nam: 4 pano").reportMonths).toBe(6);
    expect(read("Báo cáo quý IV: phát thanh 40 lượt").reportMonths).toBe(3);
    expect(read("phát thanh 40 lượt").reportMonths).toBeUndefined();
    // a year named in passing, or a year's report asked about after the figures, is no report's span
    expect(read("xã em treo 10 pano. Cho em hỏi báo cáo năm nộp khi nào ạ?").reportMonths).toBeUndefined();
    expect(read("Theo kế hoạch năm 2026, xã treo 4 pa nô").reportMonths).toBeUndefined();
  });
});
