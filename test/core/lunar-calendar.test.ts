import { describe, expect, it } from "vitest";
import { lunarToSolar, solarToLunar } from "../../src/core/calendar/lunar-calendar.js";
import { addDays } from "../../src/core/calendar/time.js";

describe("Vietnamese lunar calendar", () => {
  const tet: [number, string][] = [
    [2000, "2000-02-05"], [2007, "2007-02-17"], [2020, "2020-01-25"], [2021, "2021-02-12"],
    [2022, "2022-02-01"], [2023, "2023-01-22"], [2024, "2024-02-10"], [2025, "2025-01-29"],
    [2026, "2026-02-17"], [2027, "2027-02-06"],
  ];

  it.each(tet)("Tết %i is %s", (year, date) => {
    expect(lunarToSolar(year, 1, 1)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it("uses UTC+7, not China's UTC+8 (1985, 2007 and 2030 differ)", () => {
    // China: 1985-02-20, 2007-02-18, 2030-02-03.
    expect(lunarToSolar(1985, 1, 1)).toBe("1985-01-21");
    expect(lunarToSolar(2007, 1, 1)).toBe("2007-02-17");
    expect(lunarToSolar(2030, 1, 1)).toBe("2030-02-02");
  });

  it("places Giỗ Tổ Hùng Vương (10/3)", () => {
    expect(lunarToSolar(2021, 3, 10)).toBe("2021-04-21");
    expect(lunarToSolar(2023, 3, 10)).toBe("2023-04-29");
    expect(lunarToSolar(2024, 3, 10)).toBe("2024-04-18");
    expect(solarToLunar("2021-04-21")).toEqual({ year: 2021, month: 3, day: 10, leap: false });
  });

  it("finds the leap months", () => {
    expect(lunarToSolar(2020, 4, 1, true)).toBe("2020-05-23");
    expect(lunarToSolar(2023, 2, 1, true)).toBe("2023-03-22");
    expect(lunarToSolar(2025, 6, 1, true)).toBe("2025-07-25");
    expect(solarToLunar("2023-03-22")).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solarToLunar("2023-03-21")).toEqual({ year: 2023, month: 2, day: 30, leap: false });
    expect(() => lunarToSolar(2021, 4, 1, true)).toThrow(RangeError);
  });

  it("gives the last day of the old year (Tết eve) to the previous lunar year", () => {
    expect(solarToLunar("2021-02-11")).toEqual({ year: 2020, month: 12, day: 30, leap: false });
    expect(solarToLunar("2021-01-01")).toMatchObject({ year: 2020, month: 11 });
    expect(lunarToSolar(2020, 12, 30)).toBe("2021-02-11");
  });

  it("places mid-autumn (15/8)", () => {
    expect(lunarToSolar(2021, 8, 15)).toBe("2021-09-21");
    expect(lunarToSolar(2024, 8, 15)).toBe("2024-09-17");
  });

  it("rejects days past the end of a month", () => {
    // Month 12 of 2022 (Quý Mão eve 2023-01-21) has 30 days; day 31 never exists.
    expect(() => lunarToSolar(2022, 12, 31)).toThrow(RangeError);
    expect(() => lunarToSolar(2022, 12, 0)).toThrow(RangeError);
  });

  it("round-trips and advances day by day over 2000–2040", () => {
    let prev = solarToLunar("1999-12-31");
    let months = 0;
    for (let d = "2000-01-01"; d <= "2040-12-31"; d = addDays(d, 1)) {
      const l = solarToLunar(d);
      expect(lunarToSolar(l.year, l.month, l.day, l.leap)).toBe(d);
      if (l.day === 1) {
        months++;
        expect(prev.day === 29 || prev.day === 30, d).toBe(true);
        if (l.leap) expect(l.month).toBe(prev.month);
        else expect(l.month).toBe(prev.month === 12 ? 1 : prev.month + 1);
        expect(l.year).toBe(l.month === 1 && !l.leap ? prev.year + 1 : prev.year);
      } else {
        expect({ ...l, day: l.day - 1 }).toEqual(prev);
      }
      prev = l;
    }
    // 41 years ≈ 507 lunations.
    expect(months).toBeGreaterThan(500);
    expect(months).toBeLessThan(512);
  });
});
