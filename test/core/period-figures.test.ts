import { describe, expect, it } from "vitest";
import { figuresOfPeriod, periodSpan } from "../../src/core/reports/period-figures.js";

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
});
