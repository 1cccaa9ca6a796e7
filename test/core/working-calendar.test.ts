import { describe, expect, it } from "vitest";
import { addDays } from "../../src/core/calendar/time.js";
import { createWorkingCalendar, statutoryHolidays } from "../../src/core/calendar/working-calendar.js";
import type { CalendarEntryInput } from "../../src/core/types.js";

function range(from: string, to: string, kind: CalendarEntryInput["kind"], name: string): CalendarEntryInput[] {
  const out: CalendarEntryInput[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, kind, name });
  return out;
}

const tet2021 = range("2021-02-10", "2021-02-16", "holiday", "Nghỉ Tết Tân Sửu");

describe("statutoryHolidays", () => {
  it("lists the eleven statutory days of 2021", () => {
    expect(statutoryHolidays(2021)).toEqual([
      { date: "2021-01-01", kind: "holiday", name: "Tết Dương lịch" },
      { date: "2021-02-11", kind: "holiday", name: "Tết Nguyên đán" },
      { date: "2021-02-12", kind: "holiday", name: "Tết Nguyên đán" },
      { date: "2021-02-13", kind: "holiday", name: "Tết Nguyên đán" },
      { date: "2021-02-14", kind: "holiday", name: "Tết Nguyên đán" },
      { date: "2021-02-15", kind: "holiday", name: "Tết Nguyên đán" },
      { date: "2021-04-21", kind: "holiday", name: "Giỗ Tổ Hùng Vương" },
      { date: "2021-04-30", kind: "holiday", name: "Ngày Chiến thắng" },
      { date: "2021-05-01", kind: "holiday", name: "Ngày Quốc tế Lao động" },
      { date: "2021-09-01", kind: "holiday", name: "Quốc khánh" },
      { date: "2021-09-02", kind: "holiday", name: "Quốc khánh" },
    ]);
  });

  it("follows the lunar calendar for Tết and Giỗ Tổ", () => {
    const days = statutoryHolidays(2024)
      .filter((e) => e.name === "Tết Nguyên đán")
      .map((e) => e.date);
    expect(days).toEqual(["2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13"]);
    expect(statutoryHolidays(2024).find((e) => e.name === "Giỗ Tổ Hùng Vương")?.date).toBe("2024-04-18");
  });
});

describe("createWorkingCalendar", () => {
  it("works Monday to Friday", () => {
    const cal = createWorkingCalendar([], { statutory: false });
    expect(cal.isWorkingDay("2021-03-01")).toBe(true);
    expect(cal.isWorkingDay("2021-03-05")).toBe(true);
    expect(cal.isWorkingDay("2021-03-06")).toBe(false);
    expect(cal.isWorkingDay("2021-03-07")).toBe(false);
    expect(cal.nonWorkingReason("2021-03-06")).toBe("Thứ Bảy");
    expect(cal.nonWorkingReason("2021-03-07")).toBe("Chủ nhật");
    expect(cal.nonWorkingReason("2021-03-08")).toBeUndefined();
  });

  it("applies statutory holidays only when asked", () => {
    expect(createWorkingCalendar([]).nonWorkingReason("2021-04-21")).toBe("Giỗ Tổ Hùng Vương");
    expect(createWorkingCalendar([], { statutory: false }).isWorkingDay("2021-04-21")).toBe(true);
  });

  it("adds admin holidays, with their name taking precedence", () => {
    const cal = createWorkingCalendar(tet2021);
    expect(cal.nonWorkingReason("2021-02-10")).toBe("Nghỉ Tết Tân Sửu");
    expect(cal.nonWorkingReason("2021-02-13")).toBe("Nghỉ Tết Tân Sửu");
    expect(cal.isWorkingDay("2021-02-09")).toBe(true);
    expect(cal.isWorkingDay("2021-02-17")).toBe(true);
  });

  it("lets a swapped working day override weekends and holidays", () => {
    const cal = createWorkingCalendar([
      { date: "2021-02-20", kind: "workday", name: "Làm bù" },
      { date: "2021-04-21", kind: "holiday", name: "Trùng" },
      { date: "2021-04-21", kind: "workday", name: "Đi làm" },
    ]);
    expect(cal.isWorkingDay("2021-02-20")).toBe(true);
    expect(cal.isWorkingDay("2021-04-21")).toBe(true);
    expect(cal.nextWorkingDay("2021-02-19")).toBe("2021-02-20");
  });

  describe("nghỉ bù (compensatory days)", () => {
    const cal = createWorkingCalendar([]);
    it("moves a weekend holiday to the next working day", () => {
      expect(cal.nonWorkingReason("2022-01-03")).toBe("Nghỉ bù Tết Dương lịch");
      expect(cal.nonWorkingReason("2022-04-11")).toBe("Nghỉ bù Giỗ Tổ Hùng Vương");
      expect(cal.nonWorkingReason("2021-05-03")).toBe("Nghỉ bù Ngày Quốc tế Lao động");
      expect(cal.nonWorkingReason("2023-09-04")).toBe("Nghỉ bù Quốc khánh");
    });

    it("compensates several weekend holidays after the run, in order", () => {
      // 30/4/2022 Sat, 1/5 Sun.
      expect(cal.nonWorkingReason("2022-05-02")).toBe("Nghỉ bù Ngày Chiến thắng");
      expect(cal.nonWorkingReason("2022-05-03")).toBe("Nghỉ bù Ngày Quốc tế Lao động");
      expect(cal.isWorkingDay("2022-05-04")).toBe(true);
      // 2023: Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon → off until Wed 3/5.
      expect(cal.isWorkingDay("2023-05-02")).toBe(false);
      expect(cal.isWorkingDay("2023-05-03")).toBe(false);
      expect(cal.isWorkingDay("2023-05-04")).toBe(true);
    });

    it("extends Tết when it covers a weekend and no decision says otherwise", () => {
      expect(cal.nonWorkingReason("2021-02-16")).toBe("Nghỉ bù Tết Nguyên đán");
      expect(cal.nonWorkingReason("2021-02-17")).toBe("Nghỉ bù Tết Nguyên đán");
      expect(cal.isWorkingDay("2021-02-18")).toBe(true);
    });

    it("needs none when the government's decision already gives enough weekdays off", () => {
      const withDecision = createWorkingCalendar(tet2021);
      expect(withDecision.isWorkingDay("2021-02-17")).toBe(true);
      expect(withDecision.nextWorkingDay("2021-02-09")).toBe("2021-02-17");
    });

    it("needs none for weekday holidays", () => {
      expect(cal.isWorkingDay("2021-04-22")).toBe(true);
      expect(cal.isWorkingDay("2021-09-03")).toBe(true);
    });

    it("is absent without statutory holidays", () => {
      expect(createWorkingCalendar([], { statutory: false }).isWorkingDay("2022-01-03")).toBe(true);
    });

    it("can be cancelled by a workday entry", () => {
      const c = createWorkingCalendar([{ date: "2022-01-03", kind: "workday", name: "Đi làm" }]);
      expect(c.isWorkingDay("2022-01-03")).toBe(true);
      expect(c.isWorkingDay("2022-01-04")).toBe(true);
    });
  });

  describe("working-day arithmetic (Tết 2021 decision)", () => {
    const cal = createWorkingCalendar(tet2021);

    it("steps strictly after/before", () => {
      expect(cal.nextWorkingDay("2021-02-09")).toBe("2021-02-17");
      expect(cal.nextWorkingDay("2021-02-05")).toBe("2021-02-08");
      expect(cal.previousWorkingDay("2021-02-17")).toBe("2021-02-09");
      expect(cal.previousWorkingDay("2021-02-08")).toBe("2021-02-05");
    });

    it("adds working days in both directions", () => {
      expect(cal.addWorkingDays("2021-02-09", 1)).toBe("2021-02-17");
      expect(cal.addWorkingDays("2021-02-09", 3)).toBe("2021-02-19");
      expect(cal.addWorkingDays("2021-02-09", 4)).toBe("2021-02-22");
      expect(cal.addWorkingDays("2021-02-09", -1)).toBe("2021-02-08");
      expect(cal.addWorkingDays("2021-02-09", -3)).toBe("2021-02-04");
      expect(cal.addWorkingDays("2021-02-09", -7)).toBe("2021-01-29");
      expect(cal.addWorkingDays("2021-02-17", -1)).toBe("2021-02-09");
    });

    it("n = 0 keeps a working day and moves a day off forward", () => {
      expect(cal.addWorkingDays("2021-02-09", 0)).toBe("2021-02-09");
      expect(cal.addWorkingDays("2021-02-13", 0)).toBe("2021-02-17");
      expect(() => cal.addWorkingDays("2021-02-09", 1.5)).toThrow(RangeError);
    });

    it("counts working days in (a, b]", () => {
      expect(cal.workingDaysBetween("2021-02-09", "2021-02-22")).toBe(4);
      expect(cal.workingDaysBetween("2021-02-22", "2021-02-09")).toBe(-4);
      expect(cal.workingDaysBetween("2021-02-09", "2021-02-09")).toBe(0);
      expect(cal.workingDaysBetween("2021-02-09", "2021-02-16")).toBe(0);
      for (const n of [-10, -3, 0, 1, 5, 20]) {
        expect(cal.workingDaysBetween("2021-02-09", cal.addWorkingDays("2021-02-09", n))).toBe(n);
      }
    });
  });

  it("lists every non-working day of a year, holidays keeping their name on weekends", () => {
    const cal = createWorkingCalendar(tet2021);
    const days = cal.nonWorkingDays(2021);
    expect(days[0]).toEqual({ date: "2021-01-01", name: "Tết Dương lịch" });
    expect(days).toContainEqual({ date: "2021-01-02", name: "Thứ Bảy" });
    expect(days).toContainEqual({ date: "2021-02-13", name: "Nghỉ Tết Tân Sửu" });
    expect(days).toContainEqual({ date: "2021-05-01", name: "Ngày Quốc tế Lao động" });
    expect(days).toContainEqual({ date: "2021-05-03", name: "Nghỉ bù Ngày Quốc tế Lao động" });
    expect(days.map((d) => d.date)).not.toContain("2021-02-17");
    // 104 weekend days in 2021 + weekday holidays 1/1, 10–12/2, 15–16/2, 21/4, 30/4, 3/5, 1/9, 2/9.
    expect(days).toHaveLength(104 + 11);
    expect([...days].sort((a, b) => a.date.localeCompare(b.date))).toEqual(days);
  });

  it("rejects malformed entries and dates", () => {
    expect(() => createWorkingCalendar([{ date: "2021-02-30", kind: "holiday", name: "x" }])).toThrow(RangeError);
    expect(() => createWorkingCalendar([]).isWorkingDay("10/02/2021")).toThrow(RangeError);
  });
});
