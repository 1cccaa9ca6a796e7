import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { figuresOfPeriod, ownPeriodPart, periodSpan } from "../../src/core/reports/period-figures.js";
import { parseReport } from "../../src/core/reports/report-parser.js";

describe("periodSpan", () => {
  it("reads months, quarters, halves and years; nothing for one-off or weekly keys", () => {
    expect(periodSpan("2026-04")).toEqual({ months: 1, firstMonth: 4 });
    expect(periodSpan("2026-Q4")).toEqual({ months: 3, firstMonth: 10 });
    expect(periodSpan("2026-H2")).toEqual({ months: 6, firstMonth: 7 });
    expect(periodSpan("2026")).toEqual({ months: 12, firstMonth: 1 });
    expect(periodSpan("once")).toBeNull();
    expect(periodSpan("2026-W05")).toBeNull();
  });
});

describe("figuresOfPeriod", () => {
  it("holds running totals back from a period that does not start the year", () => {
    const split = figuresOfPeriod({ values: { tin_bai: 9, hoi_nghi: 5 }, runningTotals: ["hoi_nghi"] }, "2026-Q4");
    expect(split).toEqual({ values: { tin_bai: 9 }, notOfPeriod: { hoi_nghi: 5 }, reason: "running" });
  });

  it("holds back every figure of a list a running total opens, after 'tổng cộng' or 'tính' too", () => {
    for (const text of [
      "tổng cộng từ đầu năm đến nay xã đã treo 9 pano, 22 băng rôn",
      "Tính từ đầu năm đến nay: treo 9 pano, 22 băng rôn",
      "tong cong tu dau nam den nay treo 9 pano, 22 bang ron",
    ])
      expect(figuresOfPeriod(parseReport(text, SAMPLE_INDICATORS), "2026-Q4")).toEqual({
        values: {},
        notOfPeriod: { pano: 9, bang_ron: 22 },
        reason: "running",
      });
    // this quarter's figures stay its own beside the year's in the next sentence
    expect(
      figuresOfPeriod(
        parseReport("quý 4 treo 2 pano, 6 băng rôn. Tổng cộng từ đầu năm 9 pano, 22 băng rôn", SAMPLE_INDICATORS),
        "2026-Q4",
      ).values,
    ).toEqual({ pano: 2, bang_ron: 6 });
  });

  it("keeps a running total for the year's first period: from the start of the year it is that period's", () => {
    for (const key of ["2026-Q1", "2026-01", "2026-H1", "2026"])
      expect(figuresOfPeriod({ values: { tin_bai: 9 }, runningTotals: ["tin_bai"] }, key).values).toEqual({
        tin_bai: 9,
      });
  });

  it("holds every figure of a message that reports a longer span than the period", () => {
    expect(figuresOfPeriod({ values: { tin_bai: 40 }, reportMonths: 12 }, "2026-Q4")).toEqual({
      values: {},
      notOfPeriod: { tin_bai: 40 },
      reason: "longer",
      months: 12,
    });
    expect(figuresOfPeriod({ values: { tin_bai: 40 }, reportMonths: 9 }, "2026-Q3").reason).toBe("longer");
  });

  it("keeps figures of the period's own span or a shorter one, and every figure of a one-off task", () => {
    expect(figuresOfPeriod({ values: { tin_bai: 40 }, reportMonths: 12 }, "2026").values).toEqual({ tin_bai: 40 });
    expect(figuresOfPeriod({ values: { tin_bai: 4 }, reportMonths: 1 }, "2026-Q4").values).toEqual({ tin_bai: 4 });
    expect(figuresOfPeriod({ values: { tin_bai: 4 }, reportMonths: 12, runningTotals: ["tin_bai"] }, "once")).toEqual({
      values: { tin_bai: 4 },
      notOfPeriod: {},
    });
  });

  it("finds the part of a longer report that names the period: in brackets, on its line, under its heading", () => {
    expect(
      ownPeriodPart("Báo cáo cả năm 2026: tin bài 40 (riêng Quý IV: tin bài 12, phát thanh 45 lượt), hết ạ", "2026-Q4"),
    ).toBe("Quý IV: tin bài 12, phát thanh 45 lượt)");
    expect(ownPeriodPart("Cả năm: 40 tin bài. Riêng quý 4: 12 tin bài. Em cảm ơn", "2026-Q4")).toBe(
      "quý 4: 12 tin bài.",
    );
    expect(
      ownPeriodPart("Năm 2026:\n- tin bài 40\nQuý IV:\n- tin bài 12\n- phát thanh 45\n\nTrân trọng", "2026-Q4"),
    ).toBe("Quý IV:\n- tin bài 12\n- phát thanh 45");
    // the plan ahead ends the part though it names no period the report is on
    expect(
      ownPeriodPart("Năm 2026:\nQuý IV:\n- tin bài 12\nIII. Phương hướng quý I/2027:\n- tin bài 15", "2026-Q4"),
    ).toBe("Quý IV:\n- tin bài 12");
    expect(ownPeriodPart("Năm 2026:\nQuý IV:\n- tin bài 12\nCả năm:\n- tin bài 40", "2026-Q4")).toBe(
      "Quý IV:\n- tin bài 12",
    );
    expect(ownPeriodPart("bao cao nam 2026 tin bai 40, thang 12/2026 la 5 tin", "2026-12")).toBe(
      "thang 12/2026 la 5 tin",
    );
    expect(ownPeriodPart("năm 2026 tin bài 40; 6 tháng cuối năm 22 tin", "2026-H2")).toBe("6 tháng cuối năm 22 tin");
  });

  it("finds no part where the period is not named, or only a date in its month is", () => {
    expect(ownPeriodPart("Báo cáo cả năm 2026: tin bài 40, quý III là 10", "2026-Q4")).toBeNull();
    expect(ownPeriodPart("Ngày 5 tháng 12 năm 2026 họp, cả năm 40 tin bài", "2026-12")).toBeNull();
    expect(ownPeriodPart("Cả năm 40 tin bài, họp ngày 12/10", "2026-10")).toBeNull();
    expect(ownPeriodPart("Cả năm 40 tin bài quý IV", "2026")).toBeNull();
  });
});
