import { describe, expect, it } from "vitest";
import type { AssignmentView } from "../../src/core/ports.js";
import { captureInstant } from "../../src/core/reports/file-check.js";
import { namedPeriods, periodMatches } from "../../src/core/reports/named-periods.js";
import { narrowChoices, orderByDueNext, periodStarted, type ValueReader } from "../../src/core/reports/task-choice.js";
import type { IndicatorDef } from "../../src/core/types.js";

const TZ = "Asia/Ho_Chi_Minh";
const PANO: IndicatorDef = { code: "pano", label: "Pa nô", synonyms: ["pa nô", "pano"] };

function view(
  id: number,
  taskId: number,
  periodKey: string,
  periodStart: string | null,
  due: string,
  indicators: IndicatorDef[] = [],
): AssignmentView {
  return {
    id,
    occurrenceId: id,
    unitId: 1,
    dueAt: new Date(due),
    status: "open",
    submittedAt: null,
    task: {
      id: taskId,
      planId: 1,
      code: `T${taskId}`,
      title: `Task ${taskId}`,
      targets: [],
      schedule: { kind: "once", dueDate: "2026-12-31" },
      reminder: null,
      deadlineText: "",
      status: "active",
      indicators: indicators.map((i) => ({ ...i, measure: "" })),
    },
    occurrence: {
      id,
      taskId,
      periodKey,
      label: periodKey,
      periodStart: periodStart ? new Date(`${periodStart}T00:00:00Z`) : null,
      dueAt: new Date(due),
    },
    plan: null,
    unit: { id: 1, code: "U", name: "U", kind: "xa", tags: [], active: true },
  };
}

// A monthly report due 5 days after each month, seen on 01/12/2026 09:00.
const NOW = new Date("2026-12-01T02:00:00Z");
const oct = view(10, 1, "2026-10", "2026-10-01", "2026-11-05T16:59:00Z");
const nov = view(11, 1, "2026-11", "2026-11-01", "2026-12-05T16:59:00Z");
const dec = view(12, 1, "2026-12", "2026-12-01", "2027-01-05T16:59:00Z");
const jan = view(13, 1, "2027-01", "2027-01-01", "2027-02-05T16:59:00Z");
const read: ValueReader = (text, indicators) =>
  /pa ?n[oô]/i.test(text) && indicators.some((i) => i.code === "pano") ? { pano: 1 } : ({} as Record<string, number>);

describe("period words", () => {
  it("reads quarters, months, halves and years, with or without diacritics, but not dates", () => {
    expect(namedPeriods("Báo cáo quý I năm 2021")).toEqual({ months: [], quarters: [1], halves: [], years: [2021] });
    expect(namedPeriods("bao cao quy 2")).toMatchObject({ quarters: [2] });
    expect(namedPeriods("kết quả tháng 3")).toMatchObject({ months: [3] });
    expect(namedPeriods("bc 6 thang dau nam")).toMatchObject({ halves: [1] });
    expect(namedPeriods("sáu tháng cuối năm 2021")).toMatchObject({ halves: [2], years: [2021] });
    expect(namedPeriods("ngày 15 tháng 3 đã treo 12 pa nô, họp 05/03/2021")).toEqual({
      months: [],
      quarters: [],
      halves: [],
      years: [],
    });
    expect(namedPeriods("quy chế làm việc")).toMatchObject({ quarters: [] });
  });

  it("reads the same text again alike (the last reading is kept), each caller with lists of its own", () => {
    const first = namedPeriods("báo cáo quý này và tháng trước", "2026-05-10");
    expect(first).toEqual({ months: [4], quarters: [2], halves: [], years: [] });
    first.months.push(9);
    expect(namedPeriods("báo cáo quý này và tháng trước", "2026-05-10")).toEqual({
      months: [4],
      quarters: [2],
      halves: [],
      years: [],
    });
    // Another day reads the relative words again.
    expect(namedPeriods("báo cáo quý này và tháng trước", "2026-01-10")).toEqual({
      months: [12],
      quarters: [1],
      halves: [],
      years: [2025],
    });
  });

  it("matches period keys, the year when named", () => {
    expect(periodMatches("2021-Q1", namedPeriods("quý I"))).toBe(true);
    expect(periodMatches("2021-Q1", namedPeriods("quý I/2022"))).toBe(false);
    expect(periodMatches("2021-03", namedPeriods("tháng 3"))).toBe(true);
    expect(periodMatches("2021-H1", namedPeriods("6 tháng đầu năm"))).toBe(true);
    expect(periodMatches("2021", namedPeriods("năm 2021"))).toBe(true);
    expect(periodMatches("once", namedPeriods("quý I"))).toBe(false);
  });
});

describe("choices", () => {
  it("orders by what is due next: the current period first, overdue ones after, most recent first", () => {
    expect(orderByDueNext([oct, jan, dec, nov], NOW).map((a) => a.id)).toEqual([11, 12, 13, 10]);
  });

  it("offers only periods that have begun, unless the text names one", () => {
    expect(periodStarted(jan, NOW, TZ)).toBe(false);
    expect(periodStarted(dec, NOW, TZ)).toBe(true);
    const input = { taskHint: undefined, now: NOW, timezone: TZ, readValues: read };
    expect(narrowChoices([jan, dec, nov], { ...input, text: "đã tuyên truyền" }).map((a) => a.id)).toEqual([11, 12]);
    expect(narrowChoices([jan, dec, nov], { ...input, text: "báo cáo tháng 1 năm 2027" }).map((a) => a.id)).toEqual([
      13,
    ]);
    expect(narrowChoices([dec, nov], { ...input, text: "bc thang 11" }).map((a) => a.id)).toEqual([11]);
  });

  it("keeps the task the number names, then the one whose indicators the text gives", () => {
    const other = view(20, 2, "once", null, "2026-12-20T16:59:00Z", [PANO]);
    const input = { now: NOW, timezone: TZ, readValues: read };
    expect(narrowChoices([nov, other], { ...input, text: "treo 3 pa nô" }).map((a) => a.id)).toEqual([20]);
    expect(narrowChoices([nov, dec, other], { ...input, text: "đã xong", taskHint: 1 }).map((a) => a.id)).toEqual([
      11, 12,
    ]);
    expect(narrowChoices([nov, other], { ...input, text: "đã xong" }).map((a) => a.id)).toEqual([11, 20]);
    // No figure, but a document cited: the task that asks for text, not the one that asks for pa nô.
    expect(
      narrowChoices([nov, other], { ...input, text: "đã ban hành KH số 15/KH-UBND", citesDocument: true }).map(
        (a) => a.id,
      ),
    ).toEqual([11]);
    const both = view(21, 3, "once", null, "2026-12-20T16:59:00Z", [PANO]);
    expect(
      narrowChoices([other, both], { ...input, text: "đã ban hành KH số 15/KH-UBND", citesDocument: true }).map(
        (a) => a.id,
      ),
    ).toEqual([20, 21]);
  });
});

describe("EXIF capture instants", () => {
  it("reads a zoneless time in the office's zone and honours a recorded offset", () => {
    expect(captureInstant({ local: "2021-02-05T09:12:44" }, TZ)?.toISOString()).toBe("2021-02-05T02:12:44.000Z");
    expect(captureInstant({ local: "2021-02-05T09:12:44", offset: "+09:00" }, TZ)?.toISOString()).toBe(
      "2021-02-05T00:12:44.000Z",
    );
    expect(captureInstant({ local: "2021-02-31T09:12:44" }, TZ)).toBeUndefined();
  });
});
