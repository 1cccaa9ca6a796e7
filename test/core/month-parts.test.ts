import { describe, expect, it } from "vitest";
import { monthFigures, monthOfPeriod } from "../../src/core/reports/month-parts.js";

const none: string[] = [];

describe("monthOfPeriod: the one month of the period a message reports alone", () => {
  it.each([
    ["tháng 11: 4 tin bài", {}, "2026-Q4", 11],
    ["Xã Đồng Tâm báo cáo tháng 10: đăng 3 tin bài", { reportMonths: 1 }, "2026-Q4", 10],
    ["thang muoi hai dang 2 tin bai", {}, "2026-Q4", 12],
    ["tháng 4: 4 tin bài", {}, "2026-H1", 4],
    // not one month of the period alone
    ["tháng 9: 4 tin bài", {}, "2026-Q4", null],
    ["tháng 10, 11: 7 tin bài", {}, "2026-Q4", null],
    ["quý IV (tháng 12): 7 tin bài", {}, "2026-Q4", null],
    ["7 tin bài", {}, "2026-Q4", null],
    ["tháng 11: 4 tin bài", {}, "2026-11", null],
    ["tính đến hết tháng 11: 9 tin bài", {}, "2026-Q4", null],
    ["tháng 10 và 11 đăng 7 tin bài", {}, "2026-Q4", null],
    ["từ tháng 10 đến nay 9 tin bài", {}, "2026-Q4", null],
    ["tháng 12 lũy kế 20 tin bài", {}, "2026-Q4", null],
    ["tháng 11/2026: 4 tin bài", {}, "2026-Q4", 11],
  ])("%s (%j, %s) → %s", (text, parsed, key, month) => {
    expect(monthOfPeriod(text, parsed, key)).toBe(month);
  });
});

describe("monthFigures: an indicator given month by month", () => {
  it("keeps each month's figure; a month sent again replaces it, one said as more adds to it", () => {
    const months = monthFigures([
      { month: 10, values: { tin_bai: 3, phat_thanh: 20 }, additions: none },
      { month: 11, values: { tin_bai: 4 }, additions: none },
      { month: 11, values: { tin_bai: 5 }, additions: none },
      { month: 12, values: { tin_bai: 2 }, additions: none },
      { month: 12, values: { tin_bai: 1 }, additions: ["tin_bai"] },
    ]);
    expect([...months.get("tin_bai")!]).toEqual([
      [10, 3],
      [11, 5],
      [12, 3],
    ]);
    expect([...months.get("phat_thanh")!]).toEqual([[10, 20]]);
  });

  it("leaves out an indicator once given for the whole period", () => {
    const months = monthFigures([
      { month: 10, values: { tin_bai: 3 }, additions: none },
      { month: null, values: { tin_bai: 9 }, additions: none },
      { month: 12, values: { tin_bai: 2 }, additions: none },
    ]);
    expect(months.has("tin_bai")).toBe(false);
  });
});
