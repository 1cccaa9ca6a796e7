import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../src/core/calendar/working-calendar.js";
import type { AssignmentRecord, AttachmentRecord, ReportRecord } from "../../src/core/ports.js";
import {
  attachmentPath,
  computeTaskRollup,
  previousOccurrence,
  type RollupTask,
  type RollupUnit,
  selectOccurrence,
} from "../../src/core/rollups/rollup.js";
import { rollupTimes } from "../../src/core/rollups/rollup-schedule.js";
import { unitGrouper } from "../../src/core/rollups/unit-groups.js";

const TZ = "Asia/Ho_Chi_Minh";
const SHA = (c: string) => c.repeat(64);

const task: RollupTask = {
  id: 2,
  code: "BC_QUY_CCHC",
  title: "Báo cáo quý kết quả tuyên truyền cải cách hành chính",
  indicators: [
    { code: "pano", label: "Pa nô", measure: "cái", synonyms: ["pa nô"] },
    { code: "tin_bai", label: "Tin, bài", measure: "tin/bài", synonyms: ["tin bài"] },
  ],
};

const units = new Map<number, RollupUnit>(
  [
    { id: 1, code: "XA_THACH_BINH", name: "UBND xã Thạch Bình", tags: ["xa"] },
    { id: 2, code: "XA_THANH_VINH", name: "UBND xã Thành Vinh", tags: ["xa"] },
    { id: 3, code: "XA_THACH_DINH", name: "UBND xã Thạch Định", tags: ["xa"] },
    { id: 4, code: "XA_NGOC_TRAO", name: "UBND xã Ngọc Trạo", tags: ["xa"] },
    { id: 5, code: "TT_KIM_TAN", name: "UBND thị trấn Kim Tân", tags: ["xa", "thi-tran"] },
  ].map((u) => [u.id, u]),
);

// Quý I/2021 due 15/03 23:59 local; Quý IV/2020 due 15/12/2020.
const Q1_DUE = new Date("2021-03-15T16:59:00Z");
const Q4_DUE = new Date("2020-12-15T16:59:00Z");
const q1 = { id: 11, periodKey: "2021-Q1", label: "Quý I/2021", dueAt: Q1_DUE };
const q4 = { id: 10, periodKey: "2020-Q4", label: "Quý IV/2020", dueAt: Q4_DUE };
/** The rollup's "now": after the Q1 deadline, so unreported units are missing. */
const AFTER = new Date("2021-03-20T03:00:00Z");

function assignment(
  id: number,
  occurrenceId: number,
  unitId: number,
  dueAt: Date,
  status: AssignmentRecord["status"],
  submittedAt: string | null,
): AssignmentRecord {
  return { id, occurrenceId, unitId, dueAt, status, submittedAt: submittedAt ? new Date(submittedAt) : null };
}

let reportId = 0;
function report(
  assignmentId: number,
  unitId: number,
  createdAt: string,
  values: Record<string, number>,
  extra: Partial<ReportRecord> = {},
): ReportRecord {
  reportId++;
  return {
    id: reportId,
    assignmentId,
    unitId,
    authorChannel: "telegram",
    authorUserId: "7",
    authorName: "Cán bộ",
    text: `báo cáo ${reportId}`,
    values,
    references: [],
    unclear: [],
    late: false,
    revision: 1,
    sourceChatId: "-1",
    sourceMessageId: String(reportId),
    mediaGroupId: null,
    createdAt: new Date(createdAt),
    updatedAt: new Date(createdAt),
    ...extra,
  };
}

function photo(id: number, reportId: number, sha: string, fileName = `anh-${id}.jpg`): AttachmentRecord {
  return {
    id,
    reportId,
    sha256: sha,
    size: 1000,
    mime: "image/jpeg",
    kind: "photo",
    fileName,
    capturedAt: null,
    createdAt: new Date("2021-03-10T00:00:00Z"),
  };
}

function fixture() {
  reportId = 0;
  const current = {
    occurrence: q1,
    assignments: [
      assignment(101, 11, 1, Q1_DUE, "submitted", "2021-03-10T02:15:00Z"), // on time
      assignment(102, 11, 2, Q1_DUE, "submitted", "2021-03-18T08:40:00Z"), // late
      assignment(103, 11, 3, Q1_DUE, "open", null), // missing
      assignment(104, 11, 4, Q1_DUE, "submitted", "2021-03-15T16:59:00Z"), // on time: exactly at the deadline
      assignment(105, 11, 5, Q1_DUE, "late", null), // late-open: missing
    ],
    reports: [] as ReportRecord[],
    attachments: [] as AttachmentRecord[],
  };
  const first = report(101, 1, "2021-03-10T02:15:00Z", { pano: 10, tin_bai: 1 });
  // A second message from the same unit restates the numbers: the latest one counts, not the sum.
  const second = report(
    101,
    1,
    "2021-03-11T03:00:00Z",
    { pano: 12, tin_bai: 3 },
    {
      authorName: "Nguyễn Thị Lan",
      text: "Đã treo 12 pa nô, 3 tin bài",
      references: [{ number: "15/KH-UBND", date: "2021-02-05" }],
    },
  );
  const late = report(102, 2, "2021-03-18T08:40:00Z", { pano: 5, tin_bai: 7 });
  const exact = report(104, 4, "2021-03-15T16:59:00Z", { pano: 20 });
  current.reports.push(second, late, first, exact);
  current.attachments.push(
    photo(1, first.id, SHA("a")),
    photo(2, second.id, SHA("a")), // the same photo sent again with the correction
    photo(3, second.id, SHA("b")),
    photo(4, late.id, SHA("c")),
    { ...photo(5, late.id, SHA("d"), "bao-cao.pdf"), kind: "document", mime: "application/pdf" },
  );
  const previous = {
    occurrence: q4,
    assignments: [
      assignment(91, 10, 1, Q4_DUE, "submitted", "2020-12-10T02:00:00Z"),
      assignment(92, 10, 2, Q4_DUE, "open", null),
      assignment(93, 10, 3, Q4_DUE, "open", null),
      assignment(94, 10, 4, Q4_DUE, "open", null),
      assignment(95, 10, 5, Q4_DUE, "excused", null),
    ],
    reports: [report(91, 1, "2020-12-10T02:00:00Z", { pano: 8, tin_bai: 2 })],
  };
  return { current, previous };
}

describe("computeTaskRollup", () => {
  it("counts on time / late / missing and lists every unit in assignment order", () => {
    const { current } = fixture();
    const r = computeTaskRollup({ task, current, units, dataDir: "/data", now: AFTER });
    expect(r.counts).toEqual({ total: 5, onTime: 2, late: 1, notDue: 0, missing: 2, unreachable: 0, excused: 0 });
    expect(r.rows.map((row) => [row.unitCode, row.status])).toEqual([
      ["XA_THACH_BINH", "on_time"],
      ["XA_THANH_VINH", "late"],
      ["XA_THACH_DINH", "missing"],
      ["XA_NGOC_TRAO", "on_time"],
      ["TT_KIM_TAN", "missing"],
    ]);
    expect(r).toMatchObject({
      taskId: 2,
      taskCode: "BC_QUY_CCHC",
      periodKey: "2021-Q1",
      periodLabel: "Quý I/2021",
      dueAt: Q1_DUE,
    });
  });

  it("totals the latest report of each submitted unit (hand sums), not every message", () => {
    const { current } = fixture();
    const r = computeTaskRollup({ task, current, units, dataDir: "/data", now: AFTER });
    // pano: 12 (Thạch Bình, latest) + 5 (Thành Vinh) + 20 (Ngọc Trạo) = 37; tin_bai: 3 + 7 = 10.
    expect(r.totals).toEqual({ pano: 37, tin_bai: 10 });
    const binh = r.rows[0];
    expect(binh.values).toEqual({ pano: 12, tin_bai: 3 });
    expect(binh.text).toBe("Đã treo 12 pa nô, 3 tin bài");
    expect(binh.submittedBy).toBe("Nguyễn Thị Lan");
    expect(binh.references).toEqual([{ number: "15/KH-UBND", date: "2021-02-05" }]);
    // On time is judged by the first submission, even though the correction came later.
    expect(binh.submittedAt).toEqual(new Date("2021-03-10T02:15:00Z"));
    expect(r.rows[2].values).toEqual({});
    expect(r.rows[2].submittedAt).toBeUndefined();
  });

  it("counts photos once per content and builds evidence paths under the data dir", () => {
    const { current } = fixture();
    const r = computeTaskRollup({ task, current, units, dataDir: "/srv/data/", now: AFTER });
    expect(r.rows[0].photoCount).toBe(2);
    expect(r.rows[0].files.map((f) => f.path)).toEqual([
      `/srv/data/files/aa/${SHA("a")}`,
      `/srv/data/files/bb/${SHA("b")}`,
    ]);
    expect(r.rows[1].photoCount).toBe(1);
    expect(r.rows[1].files.map((f) => [f.fileName, f.kind])).toEqual([
      ["anh-4.jpg", "photo"],
      ["bao-cao.pdf", "document"],
    ]);
    expect(r.photoCount).toBe(3);
  });

  it("compares with the previous period", () => {
    const { current, previous } = fixture();
    const r = computeTaskRollup({ task, current, previous, units, dataDir: "/data", now: AFTER });
    expect(r.previous).toEqual({
      periodKey: "2020-Q4",
      periodLabel: "Quý IV/2020",
      counts: { total: 5, onTime: 1, late: 0, notDue: 0, missing: 3, unreachable: 0, excused: 1 },
      totals: { pano: 8, tin_bai: 2 },
    });
    expect(computeTaskRollup({ task, current, units, dataDir: "/data", now: AFTER }).previous).toBeUndefined();
  });

  it("treats a report as a submission even when the assignment was not marked, and skips cancelled rows", () => {
    const { current } = fixture();
    current.assignments[2] = assignment(103, 11, 3, Q1_DUE, "open", null);
    current.reports.push(report(103, 3, "2021-03-16T01:00:00Z", { pano: 1 }));
    current.assignments.push(assignment(106, 11, 99, Q1_DUE, "open", null)); // unknown unit
    current.assignments[4] = assignment(105, 11, 5, Q1_DUE, "cancelled", null);
    const r = computeTaskRollup({ task, current, units, dataDir: "/data", now: AFTER });
    expect(r.counts).toEqual({ total: 4, onTime: 2, late: 2, notDue: 0, missing: 0, unreachable: 0, excused: 0 });
    expect(r.totals.pano).toBe(38);
  });

  it("keeps an excused unit out of the expected count and the totals", () => {
    const { current } = fixture();
    current.assignments[1] = assignment(102, 11, 2, Q1_DUE, "excused", null);
    const r = computeTaskRollup({ task, current, units, dataDir: "/data", now: AFTER });
    expect(r.counts).toEqual({ total: 5, onTime: 2, late: 0, notDue: 0, missing: 2, unreachable: 0, excused: 1 });
    expect(r.totals).toEqual({ pano: 32, tin_bai: 3 });
    expect(r.photoCount).toBe(2);
  });

  it("before the deadline nobody is missing: unreported units are not due yet (neutral)", () => {
    const { current } = fixture();
    const r = computeTaskRollup({ task, current, units, dataDir: "/data", now: new Date("2021-03-12T03:00:00Z") });
    expect(r.rows.map((row) => row.status)).toEqual(["on_time", "late", "not_due", "on_time", "not_due"]);
    expect(r.counts).toMatchObject({ missing: 0, notDue: 2 });
  });

  it("shows units nobody could remind apart: no chat, or no reminder before the deadline", () => {
    const { current } = fixture();
    const reminders = new Map([
      [103, [new Date("2021-03-12T01:00:00Z")]],
      [105, [new Date("2021-03-16T01:00:00Z")]],
    ]);
    // Unit 3 has a chat and was reminded before the deadline; unit 5 got its chat after it.
    const after = computeTaskRollup({
      task,
      current,
      units,
      dataDir: "/data",
      now: AFTER,
      reachableUnits: new Set([1, 2, 3, 4, 5]),
      reminders,
    });
    expect(
      after.rows
        .filter((r) => r.status !== "on_time" && r.status !== "late")
        .map((r) => [r.unitCode, r.status, r.unreachableReason, r.reminded]),
    ).toEqual([
      ["XA_THACH_DINH", "missing", undefined, 1],
      ["TT_KIM_TAN", "unreachable", "not_reminded", 1],
    ]);
    // Without any chat a unit is unreachable before the deadline too.
    const before = computeTaskRollup({
      task,
      current,
      units,
      dataDir: "/data",
      now: new Date("2021-03-12T03:00:00Z"),
      reachableUnits: new Set([1, 2, 4, 5]),
    });
    expect(before.rows.map((r) => r.status)).toEqual(["on_time", "late", "unreachable", "on_time", "not_due"]);
    expect(before.counts).toMatchObject({ total: 5, notDue: 1, unreachable: 1, missing: 0 });
  });

  it("never expects the lead unit, ignores statuses it does not know (untracked), and groups by the plan", () => {
    const { current } = fixture();
    current.assignments[2] = {
      ...assignment(103, 11, 3, Q1_DUE, "open", null),
      status: "untracked" as AssignmentRecord["status"],
    };
    const r = computeTaskRollup({
      task,
      current,
      units,
      dataDir: "/data",
      now: AFTER,
      excludeUnitIds: new Set([4]),
      groupOf: unitGrouper([
        { tag: "thi-tran", label: "Thị trấn" },
        { tag: "xa", label: "Xã" },
      ]),
    });
    expect(r.rows.map((row) => [row.unitCode, row.group])).toEqual([
      ["TT_KIM_TAN", "Thị trấn"],
      ["XA_THACH_BINH", "Xã"],
      ["XA_THANH_VINH", "Xã"],
    ]);
    expect(r.groups).toEqual(["Thị trấn", "Xã"]);
    expect(r.counts.total).toBe(3);
  });

  it("handles 3,321 units × 12 periods", () => {
    const many = new Map<number, RollupUnit>();
    for (let i = 1; i <= 3321; i++) many.set(i, { id: i, code: `XA_${i}`, name: `UBND xã ${i}`, tags: ["xa"] });
    let submitted = 0;
    for (let p = 0; p < 12; p++) {
      const dueAt = new Date(Date.UTC(2021, p, 5, 16, 59));
      const assignments: AssignmentRecord[] = [];
      const reports: ReportRecord[] = [];
      for (let i = 1; i <= 3321; i++) {
        const id = p * 10_000 + i;
        const done = i % 3 !== 0;
        assignments.push(assignment(id, p, i, dueAt, done ? "submitted" : "open", done ? dueAt.toISOString() : null));
        if (done) reports.push(report(id, i, dueAt.toISOString(), { pano: 1 }));
      }
      const r = computeTaskRollup({
        task,
        current: {
          occurrence: { id: p, periodKey: `2021-${p}`, label: "", dueAt },
          assignments,
          reports,
          attachments: [],
        },
        units: many,
        dataDir: "/d",
        now: AFTER,
      });
      submitted += r.counts.onTime;
      expect(r.totals.pano).toBe(2214);
    }
    expect(submitted).toBe(2214 * 12);
  });
});

describe("selectOccurrence / previousOccurrence", () => {
  const periodic = {
    schedule: {
      kind: "periodic",
      period: "quarter",
      rule: { type: "day_of_last_month", day: 15 },
      start: "2021-01-01",
    },
  } as const;
  const q2 = { id: 12, periodKey: "2021-Q2", label: "Quý II/2021", dueAt: new Date("2021-06-15T16:59:00Z") };
  const all = [q4, q1, q2];

  it("picks the latest past deadline, else the next one", () => {
    expect(selectOccurrence(periodic, all, new Date("2021-04-01T00:00:00Z"))).toBe(q1);
    expect(selectOccurrence(periodic, all, Q1_DUE)).toBe(q1);
    expect(selectOccurrence(periodic, [q1, q2], new Date("2021-02-26T00:00:00Z"))).toBe(q1);
    expect(selectOccurrence(periodic, all, new Date("2022-01-01T00:00:00Z"))).toBe(q2);
    expect(selectOccurrence(periodic, [], new Date())).toBeUndefined();
    expect(
      selectOccurrence({ schedule: { kind: "once", dueDate: "2021-02-09" } }, [q1], new Date("2020-01-01T00:00:00Z")),
    ).toBe(q1);
  });

  it("finds the previous period by due time", () => {
    expect(previousOccurrence(all, q2)).toBe(q1);
    expect(previousOccurrence(all, q1)).toBe(q4);
    expect(previousOccurrence(all, q4)).toBeUndefined();
  });
});

describe("attachmentPath", () => {
  it("fans out by the first two hex digits and refuses anything but a SHA-256", () => {
    expect(attachmentPath("/data", SHA("f"))).toBe(`/data/files/ff/${SHA("f")}`);
    expect(() => attachmentPath("/data", "../../etc/passwd")).toThrow(RangeError);
    expect(() => attachmentPath("/data", SHA("F"))).toThrow(RangeError);
    expect(() => attachmentPath("", SHA("a"))).toThrow(RangeError);
  });
});

describe("rollupTimes around Tết 2021", () => {
  const calendar = createWorkingCalendar(
    ["2021-02-10", "2021-02-11", "2021-02-12", "2021-02-13", "2021-02-14", "2021-02-15", "2021-02-16"].map((date) => ({
      date,
      kind: "holiday" as const,
      name: "Nghỉ Tết Tân Sửu",
    })),
  );
  const from = new Date("2021-02-01T00:00:00Z");
  const to = new Date("2021-02-28T00:00:00Z");
  const deadline = { id: 7, dueAt: new Date("2021-02-09T16:59:00Z") }; // 23:59 09/02 local

  it("posts on working Fridays at 16:00 and skips the Tết Friday 12/02", () => {
    const weekly = rollupTimes({ from, to, calendar, tz: TZ, occurrences: [] });
    expect(weekly.map((r) => [r.key, r.at.toISOString()])).toEqual([
      ["rollup:weekly:2021-02-05", "2021-02-05T09:00:00.000Z"],
      ["rollup:weekly:2021-02-19", "2021-02-19T09:00:00.000Z"],
      ["rollup:weekly:2021-02-26", "2021-02-26T09:00:00.000Z"],
    ]);
  });

  it("posts the after-deadline rollup at 09:00 on the first working day after the break", () => {
    const times = rollupTimes({ from, to, calendar, tz: TZ, occurrences: [deadline] });
    const after = times.filter((r) => r.kind === "after_deadline");
    expect(after).toEqual([
      {
        kind: "after_deadline",
        at: new Date("2021-02-17T02:00:00Z"),
        date: "2021-02-17",
        key: "rollup:after:7",
        occurrenceId: 7,
      },
    ]);
    // Sorted by time: 05/02 weekly, 17/02 after, 19/02 weekly, 26/02 weekly.
    expect(times.map((r) => r.key)).toEqual([
      "rollup:weekly:2021-02-05",
      "rollup:after:7",
      "rollup:weekly:2021-02-19",
      "rollup:weekly:2021-02-26",
    ]);
  });

  it("uses a half-open window so consecutive windows never repeat an instant", () => {
    const at = new Date("2021-02-05T09:00:00Z");
    const a = rollupTimes({ from, to: at, calendar, tz: TZ, occurrences: [deadline] });
    const b = rollupTimes({ from: at, to, calendar, tz: TZ, occurrences: [deadline] });
    expect(a.map((r) => r.key)).toEqual([]);
    expect(b.map((r) => r.key)[0]).toBe("rollup:weekly:2021-02-05");
    expect([...a, ...b]).toHaveLength(4);
  });

  it("follows a custom policy", () => {
    const times = rollupTimes({
      from,
      to,
      calendar,
      tz: TZ,
      occurrences: [deadline],
      policy: { weeklyDay: 1, weeklyTime: "08:30", afterDeadlineTime: "10:00" },
    });
    // Mondays 01, 08, 22/02 (15/02 is inside the break).
    expect(times.filter((r) => r.kind === "weekly").map((r) => r.date)).toEqual([
      "2021-02-01",
      "2021-02-08",
      "2021-02-22",
    ]);
    expect(times.find((r) => r.kind === "after_deadline")?.at).toEqual(new Date("2021-02-17T03:00:00Z"));
    expect(() => rollupTimes({ from, to, calendar, tz: TZ, occurrences: [], policy: { weeklyDay: 7 } })).toThrow(
      RangeError,
    );
  });
});
