import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { endOfLocalDay, zonedInstant } from "../../src/core/calendar/time.js";
import { createWorkingCalendar } from "../../src/core/calendar/working-calendar.js";
import { daysLeft, exampleFigures, formatDaysLeft, formatDeadline } from "../../src/core/format.js";
import { currentPlan, matchPeriod, type PlanSpan, planEndDate } from "../../src/core/plans/periods.js";
import { parsePlanFile } from "../../src/core/plans/plan-file.js";
import { effectiveDueDate } from "../../src/core/plans/schedule.js";
import type { PlanRecord, TaskRecord } from "../../src/core/ports.js";
import { createTranslator } from "../../src/i18n.js";

const TZ = "Asia/Ho_Chi_Minh";
const cal = createWorkingCalendar([]);
const vi = createTranslator().t("vi");
const en = createTranslator().t("en");
const task = (schedule: TaskRecord["schedule"]) => ({ schedule, status: "active" as const });

describe("deadlines by the law (Civil Code 2015, art. 148(5))", () => {
  it("moves a last day that is a day off to the next working day, or as the plan says", () => {
    expect(effectiveDueDate("2026-03-15", undefined, cal)).toBe("2026-03-16"); // Sunday → Monday
    expect(effectiveDueDate("2026-03-14", "next_working_day", cal)).toBe("2026-03-16"); // Saturday → Monday
    expect(effectiveDueDate("2026-03-15", "previous_working_day", cal)).toBe("2026-03-13");
    expect(effectiveDueDate("2026-03-15", "keep", cal)).toBe("2026-03-15");
    expect(effectiveDueDate("2026-03-16", undefined, cal)).toBe("2026-03-16");
    // Tết 2026 (16–20/02) and the weekend after it: Monday 23/02.
    expect(effectiveDueDate("2026-02-17", undefined, cal)).toBe("2026-02-23");
  });

  it("shows the deadline with the stated day it moved from", () => {
    const due = endOfLocalDay("2026-03-16", TZ);
    expect(formatDeadline(due, TZ, vi, "2026-03-15")).toBe("Thứ Hai, 16/03/2026 (15/03 là Chủ nhật)");
    expect(formatDeadline(due, TZ, en, "2026-03-15")).toBe("Monday, 16/03/2026 (15/03 is a Sunday)");
    expect(formatDeadline(endOfLocalDay("2026-05-04", TZ), TZ, vi, "2026-04-30")).toBe(
      "Thứ Hai, 04/05/2026 (30/04 là ngày nghỉ)",
    );
    expect(formatDeadline(due, TZ, vi, null)).toBe("Thứ Hai, 16/03/2026");
    expect(formatDeadline(due, TZ, vi, "2026-03-16")).toBe("Thứ Hai, 16/03/2026");
  });
});

describe("one day count: calendar days, everywhere", () => {
  const due = endOfLocalDay("2026-03-16", TZ);
  it("counts calendar days from the local date to the deadline's", () => {
    expect(daysLeft(zonedInstant("2026-03-05", "08:00", TZ), due, TZ)).toBe(11);
    expect(daysLeft(zonedInstant("2026-03-16", "23:00", TZ), due, TZ)).toBe(0);
    expect(daysLeft(zonedInstant("2026-03-24", "08:00", TZ), due, TZ)).toBe(-8);
  });

  it("says it the same way in every text, with English plurals", () => {
    expect(formatDaysLeft(zonedInstant("2026-03-05", "08:00", TZ), due, TZ, vi)).toBe("còn 11 ngày");
    expect(formatDaysLeft(zonedInstant("2026-03-16", "08:00", TZ), due, TZ, vi)).toBe("hôm nay là hạn cuối");
    expect(formatDaysLeft(zonedInstant("2026-03-17", "08:00", TZ), due, TZ, vi)).toBe("đã quá hạn 1 ngày");
    expect(formatDaysLeft(zonedInstant("2026-03-15", "08:00", TZ), due, TZ, en)).toBe("1 day left");
    expect(formatDaysLeft(zonedInstant("2026-03-19", "08:00", TZ), due, TZ, en)).toBe("3 days overdue");
  });

  it("gives examples from the task's own indicators", () => {
    expect(
      exampleFigures([
        { label: "Pa nô", synonyms: ["pa nô", "pano"] },
        { label: "Băng rôn, khẩu hiệu", synonyms: ["băng rôn"] },
        { label: "Tin bài", synonyms: [] },
      ]),
    ).toBe("12 pa nô, 3 băng rôn");
    expect(exampleFigures([])).toBe("");
  });
});

describe("a plan's span", () => {
  const planOf = (date: string, endDate?: string) => ({ date, endDate: endDate ?? null });
  it("ends on plan.end, else at the end of its year or at its last deadline when later", () => {
    expect(planEndDate(planOf("2026-01-15", "2026-06-30"), [], cal, TZ)).toBe("2026-06-30");
    expect(
      planEndDate(
        planOf("2026-01-15"),
        [
          task({
            kind: "periodic",
            period: "quarter",
            rule: { type: "day_of_last_month", day: 15 },
            start: "2026-01-01",
            end: "2026-12-31",
          }),
        ],
        cal,
        TZ,
      ),
    ).toBe("2026-12-31");
    // A December report due 05/01 of the next year (05/01/2022 is a Wednesday).
    expect(
      planEndDate(
        planOf("2021-01-29"),
        [
          task({
            kind: "periodic",
            period: "month",
            rule: { type: "days_after_end", days: 5 },
            start: "2021-02-01",
            end: "2021-12-31",
          }),
        ],
        cal,
        TZ,
      ),
    ).toBe("2022-01-05");
    // A periodic task without an end runs to the plan's end, never pushes it.
    expect(
      planEndDate(
        planOf("2026-01-15"),
        [
          task({
            kind: "periodic",
            period: "month",
            rule: { type: "day_of_last_month", day: 25 },
            start: "2026-01-01",
          }),
        ],
        cal,
        TZ,
      ),
    ).toBe("2026-12-31");
  });

  it("the current plan is the one running today, else the latest", () => {
    const span = (id: number, date: string, end: string): PlanSpan => ({
      plan: { id, date, number: `${id}/KH` } as PlanRecord,
      end,
    });
    const spans = [span(1, "2021-01-29", "2022-01-05"), span(2, "2026-01-15", "2026-12-31")];
    expect(currentPlan(spans, "2021-06-01")?.plan.id).toBe(1);
    expect(currentPlan(spans, "2026-03-20")?.plan.id).toBe(2);
    // Between plans, and after the last: the latest.
    expect(currentPlan(spans, "2024-05-01")?.plan.id).toBe(2);
    expect(currentPlan(spans, "2027-02-01")?.plan.id).toBe(2);
    expect(currentPlan([], "2026-01-01")).toBeUndefined();
  });

  it("finds a period by key, label or the words officers use", () => {
    const occurrences = [
      { periodKey: "2026-Q1", label: "Quý I/2026" },
      { periodKey: "2026-Q2", label: "Quý II/2026" },
      { periodKey: "2027-Q1", label: "Quý I/2027" },
    ];
    expect(matchPeriod(occurrences, "2026-Q1").map((o) => o.periodKey)).toEqual(["2026-Q1"]);
    expect(matchPeriod(occurrences, "quý I/2026").map((o) => o.periodKey)).toEqual(["2026-Q1"]);
    expect(matchPeriod(occurrences, "Quy II/2026").map((o) => o.periodKey)).toEqual(["2026-Q2"]);
    expect(matchPeriod(occurrences, "quy 1").map((o) => o.periodKey)).toEqual(["2026-Q1", "2027-Q1"]);
    expect(matchPeriod(occurrences, "tháng 5")).toEqual([{ periodKey: "2026-Q2", label: "Quý II/2026" }]);
    expect(matchPeriod(occurrences, "hôm qua")).toEqual([]);
  });
});

describe("plan file options", () => {
  const base = readFileSync("plans/so-vhttdl-2026.yaml", "utf8");
  it("reads plan.end and deadline_on_day_off, plan-wide and per task", () => {
    const yaml = base
      .replace(
        "  lead_unit: SO_VHTTDL\n",
        "  lead_unit: SO_VHTTDL\n  end: 2026-12-31\n  deadline_on_day_off: previous_working_day\n",
      )
      .replace(
        '    deadline: "chậm nhất ngày 27/02/2026"\n',
        '    deadline: "chậm nhất ngày 27/02/2026"\n    deadline_on_day_off: keep\n',
      );
    const parsed = parsePlanFile(yaml, vi);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.plan.endDate).toBe("2026-12-31");
    expect(parsed.file.tasks.map((t) => t.schedule.kind !== "adhoc" && t.schedule.onDayOff)).toEqual([
      "keep",
      "previous_working_day",
    ]);
    // Without the option the schedule says nothing: the law's default applies.
    const plain = parsePlanFile(base, vi);
    expect(plain.ok && plain.file.tasks.map((t) => t.schedule.kind !== "adhoc" && t.schedule.onDayOff)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it("refuses an unknown rule and an end before the plan's date", () => {
    const bad = parsePlanFile(
      base.replace(
        "  lead_unit: SO_VHTTDL\n",
        "  lead_unit: SO_VHTTDL\n  end: 2025-12-31\n  deadline_on_day_off: friday\n",
      ),
      vi,
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.join("\n")).toMatch(/deadline_on_day_off/);
    const early = parsePlanFile(
      base.replace("  lead_unit: SO_VHTTDL\n", "  lead_unit: SO_VHTTDL\n  end: 2025-12-31\n"),
      vi,
    );
    expect(!early.ok && early.errors.join("\n")).toMatch(
      /plan\.end: ngày kết thúc kế hoạch \(end\) phải sau ngày ban hành/,
    );
  });
});
