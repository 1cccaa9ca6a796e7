import { describe, expect, it } from "vitest";
import { headedWithPeriod, monthFigures, monthOfPeriod, monthSentIn } from "../../src/core/reports/month-parts.js";

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
    expect([...months.get("tin_bai")!.months]).toEqual([
      [10, 3],
      [11, 5],
      [12, 3],
    ]);
    expect([...months.get("phat_thanh")!.months]).toEqual([[10, 20]]);
    expect(months.get("tin_bai")!.earlier).toBeUndefined();
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

describe("monthFigures: a whole-period figure sent within the period, then later months", () => {
  it("adds the months after the one it was sent in: quý IV 10 in November, then tháng 12: 2", () => {
    const parts = monthFigures([
      { month: null, values: { pano: 10 }, additions: none, sentIn: 11 },
      { month: 12, values: { pano: 2 }, additions: none, sentIn: 12 },
    ]).get("pano");
    expect(parts).toEqual({ earlier: 10, months: new Map([[12, 2]]) });
  });

  it("a whole figure after some months counts them: tháng 10: 3, cả quý 9 in November, tháng 12: 2", () => {
    const parts = monthFigures([
      { month: 10, values: { tin_bai: 3 }, additions: none, sentIn: 10 },
      { month: null, values: { tin_bai: 9 }, additions: none, sentIn: 11 },
      { month: 12, values: { tin_bai: 2 }, additions: none, sentIn: 12 },
    ]).get("tin_bai");
    expect(parts).toEqual({ earlier: 9, months: new Map([[12, 2]]) });
  });

  it.each([
    ["a month the whole figure already covers", 11, 11],
    ["a whole figure sent after the period", 12, null],
  ])("leaves the usual rule for %s", (_, month, sentIn) => {
    const months = monthFigures([
      { month: null, values: { pano: 10 }, additions: none, sentIn },
      { month, values: { pano: 2 }, additions: none, sentIn: 12 },
    ]);
    expect(months.has("pano")).toBe(false);
  });
});

describe("monthSentIn", () => {
  it.each([
    ["2026-11-20", "2026-Q4", 11],
    ["2026-12-31", "2026-Q4", 12],
    ["2027-01-05", "2026-Q4", null],
    ["2026-09-30", "2026-Q4", null],
    ["2026-05-02", "2026-H1", 5],
    ["2025-11-20", "2026-Q4", null],
    ["2026-11-20", "once", null],
  ])("%s in %s → %s", (date, key, month) => expect(monthSentIn(date, key)).toBe(month));
});

describe("headedWithPeriod: the months of a longer period listed one by one", () => {
  it.each([
    ["thang 10 phat thanh 15 luot, thang 11 16 luot, thang 12 den nay 14 luot", "2026-Q4", "Báo cáo quý IV:"],
    ["tháng 1: 3 tin bài; tháng hai: 4 tin bài", "2026-Q1", "Báo cáo quý I:"],
    ["tháng 3 treo 2 pa nô, tháng 5 treo 1 pa nô", "2026-H1", "Báo cáo 6 tháng đầu năm:"],
    ["tháng 7: 2 cuộc, tháng 11: 1 cuộc", "2026", "Báo cáo năm 2026:"],
    // no list of the period's months
    ["tháng 12 đến nay 14 lượt", "2026-Q4", null],
    ["tháng 9: 3 tin, tháng 10: 4 tin", "2026-Q4", null],
    ["quý IV: tháng 10 3 tin, tháng 11 4 tin", "2026-Q4", null],
    ["tháng 10/2025: 3 tin, tháng 11/2025: 4 tin", "2026-Q4", null],
    ["tháng 10: 3 tin, tháng 11: 4 tin", "2026-11", null],
  ])("%s (%s) → %s", (text, key, heading) => {
    const headed = headedWithPeriod(text, key);
    expect(headed === null ? null : headed.split("\n")[0]).toBe(heading);
    if (headed) expect(headed.endsWith(text)).toBe(true);
  });
});
