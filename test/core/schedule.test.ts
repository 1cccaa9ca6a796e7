import { describe, expect, it } from "vitest";
import { addDays } from "../../src/core/calendar/time.js";
import { createWorkingCalendar } from "../../src/core/calendar/working-calendar.js";
import { occurrencesOf } from "../../src/core/plans/schedule.js";
import type { CalendarEntryInput, Schedule } from "../../src/core/types.js";

const TZ = "Asia/Ho_Chi_Minh";
const tet: CalendarEntryInput[] = [];
for (let d = "2021-02-10"; d <= "2021-02-16"; d = addDays(d, 1))
  tet.push({ date: d, kind: "holiday", name: "Nghỉ Tết Tân Sửu" });
const cal = createWorkingCalendar(tet);

const keysAndDue = (s: Schedule, from: string, to: string) =>
  occurrencesOf(s, { from, to }, cal, TZ).map((o) => [o.periodKey, o.dueDate]);

describe("occurrencesOf", () => {
  describe("once", () => {
    const s: Schedule = { kind: "once", dueDate: "2021-02-09" };
    it("is included when due in the window or later", () => {
      const [o, ...rest] = occurrencesOf(s, { from: "2021-02-01", to: "2021-02-28" }, cal, TZ);
      expect(rest).toEqual([]);
      expect(o).toEqual({
        periodKey: "once",
        label: "",
        dueDate: "2021-02-09",
        dueAt: new Date("2021-02-09T16:59:00Z"),
      });
      expect(keysAndDue(s, "2021-01-01", "2021-01-31")).toEqual([["once", "2021-02-09"]]);
    });
    it("is gone once the window has passed it", () => {
      expect(occurrencesOf(s, { from: "2021-02-10", to: "2021-03-31" }, cal, TZ)).toEqual([]);
    });
  });

  describe("adhoc", () => {
    it("is due at the end of the N-th working day after the local issue date", () => {
      // Issued Mon 08/02 10:00 local; 3 working days skip the Tết break: 09/02, 17/02, 18/02.
      const s: Schedule = { kind: "adhoc", workingDays: 3, issuedAt: "2021-02-08T03:00:00Z" };
      const [o] = occurrencesOf(s, { from: "2021-02-08", to: "2021-02-08" }, cal, TZ);
      expect(o.periodKey).toBe("adhoc");
      expect(o.label).toBe("");
      expect(o.dueDate).toBe("2021-02-18");
      expect(o.dueAt.toISOString()).toBe("2021-02-18T16:59:00.000Z");
    });
    it("takes the local date of the issue instant", () => {
      // 17:30Z on 05/02 is 00:30 Sat 06/02 in Vietnam: 1 working day later is Mon 08/02.
      const s: Schedule = { kind: "adhoc", workingDays: 1, issuedAt: "2021-02-05T17:30:00Z" };
      expect(keysAndDue(s, "2021-02-01", "2021-02-28")).toEqual([["adhoc", "2021-02-08"]]);
      expect(keysAndDue({ kind: "adhoc", workingDays: 1, issuedAt: "2021-02-05" }, "2021-02-01", "2021-02-28")).toEqual(
        [["adhoc", "2021-02-08"]],
      );
    });
  });

  describe("periodic", () => {
    it("monthly on the 25th: occurrences in the window plus the next one", () => {
      const s: Schedule = {
        kind: "periodic",
        period: "month",
        rule: { type: "day_of_last_month", day: 25 },
        start: "2021-01-01",
      };
      const occ = occurrencesOf(s, { from: "2021-03-01", to: "2021-04-30" }, cal, TZ);
      expect(occ.map((o) => [o.periodKey, o.label, o.dueDate])).toEqual([
        ["2021-03", "Tháng 3/2021", "2021-03-25"],
        // 25/04/2021 is a Sunday: the period ends on Monday 26/04 (Civil Code 2015, art. 148(5)).
        ["2021-04", "Tháng 4/2021", "2021-04-26"],
        ["2021-05", "Tháng 5/2021", "2021-05-25"],
      ]);
      expect(occ.map((o) => o.statedDate)).toEqual([undefined, "2021-04-25", undefined]);
      expect(occ[0].periodStart).toBe("2021-03-01");
      expect(occ[0].periodEnd).toBe("2021-03-31");
      expect(occ[0].dueAt.toISOString()).toBe("2021-03-25T16:59:00.000Z");
    });

    it("quarterly on the 15th of the last month, with Roman numerals", () => {
      const s: Schedule = {
        kind: "periodic",
        period: "quarter",
        rule: { type: "day_of_last_month", day: 15 },
        start: "2021-02-01",
      };
      const occ = occurrencesOf(s, { from: "2021-01-01", to: "2021-12-31" }, cal, TZ);
      expect(occ.map((o) => [o.periodKey, o.label, o.periodStart, o.periodEnd, o.dueDate])).toEqual([
        ["2021-Q1", "Quý I/2021", "2021-01-01", "2021-03-31", "2021-03-15"],
        ["2021-Q2", "Quý II/2021", "2021-04-01", "2021-06-30", "2021-06-15"],
        ["2021-Q3", "Quý III/2021", "2021-07-01", "2021-09-30", "2021-09-15"],
        ["2021-Q4", "Quý IV/2021", "2021-10-01", "2021-12-31", "2021-12-15"],
        ["2022-Q1", "Quý I/2022", "2022-01-01", "2022-03-31", "2022-03-15"],
      ]);
    });

    it("moves a last day that is a day off to the next working day, unless the schedule says otherwise", () => {
      // 15/05/2021 is a Saturday.
      const s: Schedule = {
        kind: "periodic",
        period: "month",
        rule: { type: "day_of_last_month", day: 15 },
        start: "2021-05-01",
      };
      expect(keysAndDue(s, "2021-05-01", "2021-05-31")).toEqual([
        ["2021-05", "2021-05-17"],
        ["2021-06", "2021-06-15"],
      ]);
      const [may] = occurrencesOf(s, { from: "2021-05-01", to: "2021-05-31" }, cal, TZ);
      expect(may).toMatchObject({ dueDate: "2021-05-17", statedDate: "2021-05-15" });
      expect(may.dueAt.toISOString()).toBe("2021-05-17T16:59:00.000Z");
      expect(keysAndDue({ ...s, onDayOff: "previous_working_day" }, "2021-05-01", "2021-05-31")[0]).toEqual([
        "2021-05",
        "2021-05-14",
      ]);
      expect(keysAndDue({ ...s, onDayOff: "keep" }, "2021-05-01", "2021-05-31")[0]).toEqual(["2021-05", "2021-05-15"]);
      // Quý I/2026 stated "15/03/2026", a Sunday; a holiday moves too (30/04 and 01/05/2026 → Monday 04/05).
      const q: Schedule = {
        kind: "periodic",
        period: "quarter",
        rule: { type: "day_of_last_month", day: 15 },
        start: "2026-01-01",
      };
      expect(occurrencesOf(q, { from: "2026-03-01", to: "2026-03-31" }, cal, TZ)[0]).toMatchObject({
        dueDate: "2026-03-16",
        statedDate: "2026-03-15",
      });
      expect(
        occurrencesOf({ kind: "once", dueDate: "2026-04-30" }, { from: "2026-01-01", to: "2026-12-31" }, cal, TZ)[0],
      ).toMatchObject({ dueDate: "2026-05-04", statedDate: "2026-04-30" });
    });

    it("clamps the day to the month's length", () => {
      // Kept where they fall: this is about the stated day (31/01/2021 and 28/02/2021 are Sundays).
      const s: Schedule = {
        kind: "periodic",
        period: "month",
        rule: { type: "day_of_last_month", day: 31 },
        start: "2021-01-01",
        onDayOff: "keep",
      };
      expect(keysAndDue(s, "2021-02-01", "2021-02-28")).toEqual([
        ["2021-02", "2021-02-28"],
        ["2021-03", "2021-03-31"],
      ]);
      expect(keysAndDue(s, "2024-02-01", "2024-02-29")[0]).toEqual(["2024-02", "2024-02-29"]);
    });

    it("half-year N days after the period ends", () => {
      const s: Schedule = {
        kind: "periodic",
        period: "half_year",
        rule: { type: "days_after_end", days: 10 },
        start: "2021-01-01",
      };
      const occ = occurrencesOf(s, { from: "2021-07-01", to: "2021-07-31" }, cal, TZ);
      expect(occ.map((o) => [o.periodKey, o.label, o.dueDate])).toEqual([
        // 10/07/2021 is a Saturday: Monday 12/07.
        ["2021-H1", "6 tháng đầu năm 2021", "2021-07-12"],
        ["2021-H2", "6 tháng cuối năm 2021", "2022-01-10"],
      ]);
    });

    it("yearly", () => {
      const s: Schedule = {
        kind: "periodic",
        period: "year",
        rule: { type: "day_of_last_month", day: 20 },
        start: "2021-06-01",
      };
      const occ = occurrencesOf(s, { from: "2021-01-01", to: "2021-06-30" }, cal, TZ);
      expect(occ.map((o) => [o.periodKey, o.label, o.periodStart, o.periodEnd, o.dueDate])).toEqual([
        ["2021", "Năm 2021", "2021-01-01", "2021-12-31", "2021-12-20"],
      ]);
    });

    it("starts at the period containing start and stops after end", () => {
      const s: Schedule = {
        kind: "periodic",
        period: "month",
        rule: { type: "day_of_last_month", day: 5 },
        start: "2021-03-20",
        end: "2021-05-10",
      };
      expect(keysAndDue(s, "2020-01-01", "2030-12-31")).toEqual([
        ["2021-03", "2021-03-05"],
        ["2021-04", "2021-04-05"],
        ["2021-05", "2021-05-05"],
      ]);
    });

    it("returns only the next occurrence for a window before the first due date", () => {
      const s: Schedule = {
        kind: "periodic",
        period: "quarter",
        rule: { type: "days_after_end", days: 5 },
        start: "2021-01-01",
      };
      expect(keysAndDue(s, "2021-01-01", "2021-01-31")).toEqual([["2021-Q1", "2021-04-05"]]);
    });

    it("rejects bad rules", () => {
      const s: Schedule = {
        kind: "periodic",
        period: "month",
        rule: { type: "day_of_last_month", day: 0 },
        start: "2021-01-01",
      };
      expect(() => occurrencesOf(s, { from: "2021-01-01", to: "2021-01-31" }, cal, TZ)).toThrow(RangeError);
    });
  });
});
