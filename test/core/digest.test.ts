/**
 * The leaders' digest as a leader reads it on a phone: one screen (LEADER_POST_MAX characters) at
 * 25 units and at 3,321 (Vietnam's communes, names generated); a unit overdue named the first time,
 * then counted by unit group; an overdue period kept until closed, told once when it closes;
 * calendar days in every count.
 */
import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../src/core/calendar/working-calendar.js";
import type { AssignmentRecord, ReportRecord } from "../../src/core/ports.js";
import { CLOSED_NEWS_MS, selectDigest } from "../../src/core/rollups/digest.js";
import { computeTaskRollup, mentionsOf, type RollupUnit } from "../../src/core/rollups/rollup.js";
import {
  LEADER_POST_MAX,
  renderAfterDeadline,
  renderDigest,
  renderTaskBlock,
  splitMessage,
  statusLine,
} from "../../src/core/rollups/rollup-text.js";
import type { TaskRollup } from "../../src/core/rollups/rollup-types.js";
import { unitGrouper } from "../../src/core/rollups/unit-groups.js";
import type { Schedule } from "../../src/core/types.js";
import { createTranslator } from "../../src/i18n.js";

const TZ = "Asia/Ho_Chi_Minh";
const translator = createTranslator({ defaultLanguage: "vi" });
const vi = translator.t("vi");
const en = translator.t("en");
const calendar = createWorkingCalendar([]);

/** Quý I/2026, stated Sunday 15/03, due Monday 16/03 23:59 local. */
const Q1_DUE = new Date("2026-03-16T16:59:00Z");
/** Quý II/2026, due Monday 15/06 23:59 local. */
const Q2_DUE = new Date("2026-06-15T16:59:00Z");
const GROUPS = [
  { tag: "xa", label: "Xã" },
  { tag: "phuong", label: "Phường" },
  { tag: "dac-khu", label: "Đặc khu" },
];

/** `count` communes, wards and special zones in the 2025 proportions (3,321 = 2,621 + 687 + 13). */
function makeUnits(count: number): Map<number, RollupUnit> {
  const units = new Map<number, RollupUnit>();
  for (let id = 1; id <= count; id++) {
    const tag = id % 250 === 0 ? "dac-khu" : id % 5 === 0 ? "phuong" : "xa";
    const word = { xa: "xã", phuong: "phường", "dac-khu": "đặc khu" }[tag];
    units.set(id, { id, code: `U${id}`, name: `UBND ${word} Thử Nghiệm ${id}`, tags: [tag], kind: "xa" });
  }
  return units;
}

/**
 * The rollup of one occurrence where unit 10 (a ward) and every sixth unit never report; the others
 * reported on time.
 * `told`: unit ids the group was already told of (RollupMention "overdue").
 */
function rollupOf(
  units: Map<number, RollupUnit>,
  o: { id: number; label: string; dueAt: Date; closedAt?: Date },
  now: Date,
  told: { overdue?: Set<number>; closed?: boolean } = {},
): TaskRollup {
  const assignments: AssignmentRecord[] = [];
  const reports: ReportRecord[] = [];
  for (const id of units.keys()) {
    const aid = o.id * 100_000 + id;
    const done = id % 6 !== 0 && id !== 10;
    const submittedAt = new Date(o.dueAt.getTime() - 86_400_000);
    assignments.push({
      id: aid,
      occurrenceId: o.id,
      unitId: id,
      dueAt: o.dueAt,
      status: done ? "submitted" : "open",
      submittedAt: done ? submittedAt : null,
    });
    if (done)
      reports.push({
        id: aid,
        assignmentId: aid,
        unitId: id,
        authorName: "",
        text: "10 pa nô",
        values: { pano: 10 },
        references: [],
        unclear: [],
        late: false,
        revision: 1,
        createdAt: submittedAt,
      } as unknown as ReportRecord);
  }
  // Everyone was reminded before the deadline: the silent ones are "missing", not "unreachable".
  const reminders = new Map(assignments.map((a) => [a.id, [new Date(o.dueAt.getTime() - 3 * 86_400_000)]]));
  return computeTaskRollup({
    task: {
      id: 5,
      code: "BC_QUY_2026",
      title: "Báo cáo quý kết quả tuyên truyền cải cách hành chính và chuyển đổi số",
      indicators: [{ code: "pano", label: "Pa nô", measure: "cái", synonyms: ["pa nô"] }],
    },
    current: {
      occurrence: { id: o.id, periodKey: o.label, label: o.label, dueAt: o.dueAt, closedAt: o.closedAt },
      assignments,
      reports,
      attachments: [],
    },
    units,
    dataDir: "/d",
    now,
    reminders,
    groupOf: unitGrouper(GROUPS),
    mentions: { overdue: told.overdue ?? new Set(), closed: told.closed ?? false },
  });
}

/** What a post records, applied: the next rollup sees these units as told. */
function toldAfter(rollup: TaskRollup): Set<number> {
  return new Set(mentionsOf([rollup]).flatMap((m) => (m.kind === "overdue" ? [m.unitId] : [])));
}

const namesIn = (text: string) => text.match(/Thử Nghiệm \d+/g)?.length ?? 0;

describe("the digest fits one phone screen", () => {
  it.each([25, 3321])("at %i units: one message of at most 1,200 characters, every count whole", (count) => {
    const units = makeUnits(count);
    const now = new Date("2026-04-03T09:00:00Z"); // Friday 03/04/2026 16:00
    const q1 = rollupOf(units, { id: 1, label: "Quý I/2026", dueAt: Q1_DUE }, now);
    const q2 = rollupOf(units, { id: 2, label: "Quý II/2026", dueAt: Q2_DUE }, now);
    for (const limit of [4096, 2000]) {
      const text = renderDigest(
        { tasks: [q1], upcoming: [{ title: q2.title, periodLabel: "Quý II/2026", dueAt: Q2_DUE }], asOf: now },
        vi,
        TZ,
        calendar,
        limit,
      );
      expect(text.length).toBeLessThanOrEqual(LEADER_POST_MAX);
      expect(splitMessage(text, limit)).toHaveLength(1);
      const silent = [...units.keys()].filter((id) => id % 6 === 0 || id === 10).length;
      // One line for the period: not reported per unit group, over the units expected.
      expect(text).toMatch(/• #5 Báo cáo quý kết quả tuyên truyền .*— Quý I\/2026 — đã quá hạn 18 ngày: Xã \d+\/\d+/);
      // The first time, the first few are named and the rest counted.
      expect(text).toContain(`Lần đầu quá hạn (${silent} đơn vị): UBND xã Thử Nghiệm 6, `);
      expect(namesIn(text)).toBeLessThanOrEqual(5);
      expect(text).toContain("/tinhhinh #5");
    }
    // A post after the deadline fits too.
    expect(renderAfterDeadline(q1, vi, TZ, calendar, 4096).length).toBeLessThanOrEqual(LEADER_POST_MAX);
  });

  it("at 3,321 units with a deadline ahead and two overdue periods, still one screen", () => {
    const units = makeUnits(3321);
    const now = new Date("2026-06-12T09:00:00Z"); // Friday 12/06/2026 16:00
    const q1 = rollupOf(units, { id: 1, label: "Quý I/2026", dueAt: Q1_DUE }, now);
    const extra = rollupOf(units, { id: 3, label: "Tháng 5/2026", dueAt: new Date("2026-06-05T16:59:00Z") }, now);
    const q2 = rollupOf(units, { id: 2, label: "Quý II/2026", dueAt: Q2_DUE }, now);
    const text = renderDigest({ tasks: [q1, extra, q2], upcoming: [], asOf: now }, vi, TZ, calendar, 4096);
    expect(text.length).toBeLessThanOrEqual(LEADER_POST_MAX);
    expect(text).toContain("▶ Báo cáo quý kết quả tuyên truyền cải cách hành chính và chuyển đổi số — Quý II/2026");
    expect(text).toContain("Hạn: Thứ Hai, 15/06/2026 (còn 3 ngày)");
    expect(text).toContain("Quý I/2026 — đã quá hạn 88 ngày");
    expect(text).toContain("Tháng 5/2026 — đã quá hạn 7 ngày");
  });
});

describe("named once, then counted", () => {
  it("names the units overdue the first time; the next digest counts them by group with the full-list command", () => {
    const units = makeUnits(25);
    const after = new Date("2026-03-17T02:00:00Z"); // Tuesday 17/03 09:00, the post after the deadline
    const first = rollupOf(units, { id: 1, label: "Quý I/2026", dueAt: Q1_DUE }, after);
    const post = renderAfterDeadline(first, vi, TZ, calendar, 4096);
    expect(post).toContain("🔴 Chưa báo cáo sau hạn (5 đơn vị, đã được nhắc):");
    expect(post).toContain("UBND xã Thử Nghiệm 6 (đã nhắc 1 lần)");
    expect(post).toContain("Hạn: Thứ Hai, 16/03/2026 (đã quá hạn 1 ngày)");
    const told = toldAfter(first);
    expect([...told].sort((a, b) => a - b)).toEqual([6, 10, 12, 18, 24]);

    const friday = new Date("2026-03-20T09:00:00Z");
    const later = rollupOf(units, { id: 1, label: "Quý I/2026", dueAt: Q1_DUE }, friday, { overdue: told });
    const digest = renderDigest({ tasks: [later], upcoming: [], asOf: friday }, vi, TZ, calendar, 4096);
    expect(digest).toContain(
      "• #5 Báo cáo quý kết quả tuyên truyền cải cách hành… — Quý I/2026 — đã quá hạn 4 ngày: Xã 4/20 · Phường 1/5 chưa báo cáo",
    );
    expect(namesIn(digest)).toBe(0);
    expect(digest).not.toContain("Lần đầu quá hạn");
    expect(digest).toContain("gửi /tinhhinh kèm số nhiệm vụ (ví dụ /tinhhinh #5)");
    // Nothing new to record: the same post again tells nothing.
    expect(mentionsOf([later])).toEqual([]);
    // The block of /tonghop #5 (and the escalation) counts them too.
    const block = renderTaskBlock(later, vi, TZ).join("\n");
    expect(block).toContain("Đã nêu tên ở bản tổng hợp trước: Xã 4 · Phường 1 (danh sách đầy đủ: gửi /tinhhinh #5)");
    expect(namesIn(block)).toBe(0);
  });

  it("a period that closes is told once with the units that never reported, then leaves", () => {
    const units = makeUnits(25);
    const closedAt = new Date("2026-03-23T03:00:00Z");
    const now = new Date("2026-03-27T09:00:00Z");
    const all = new Set([6, 10, 12, 18, 24]);
    const closed = rollupOf(units, { id: 1, label: "Quý I/2026", dueAt: Q1_DUE, closedAt }, now, { overdue: all });
    const text = renderDigest({ tasks: [closed], upcoming: [], asOf: now }, vi, TZ, calendar, 4096);
    expect(text).toContain("🔒 Kỳ báo cáo đã đóng:");
    // The group was told of them as overdue: counted by unit group, nobody named twice.
    expect(text).toContain(
      "• #5 Báo cáo quý kết quả tuyên truyền cải cách hành… — Quý I/2026: 5 đơn vị không báo cáo (Xã 4 · Phường 1)",
    );
    expect(namesIn(text)).toBe(0);
    // Closed before any post told them: named once, here.
    const untold = rollupOf(units, { id: 1, label: "Quý I/2026", dueAt: Q1_DUE, closedAt }, now);
    const named = renderDigest({ tasks: [untold], upcoming: [], asOf: now }, vi, TZ, calendar, 4096);
    expect(named).toContain(
      "  Trong đó chưa nêu tên trước đây: UBND xã Thử Nghiệm 6, UBND xã Thử Nghiệm 12, UBND xã Thử Nghiệm 18, UBND xã Thử Nghiệm 24, UBND phường Thử Nghiệm 10",
    );
    expect(text).not.toContain("⏰");
    expect(mentionsOf([closed]).map((m) => m.kind)).toEqual(["closed", "closed", "closed", "closed", "closed"]);
  });

  it("speaks English with plurals: 1 unit, 2 units, 1 day", () => {
    const units = makeUnits(12); // units 6, 10 and 12 never report
    const now = new Date("2026-03-17T09:00:00Z");
    const one = rollupOf(units, { id: 1, label: "Quý I/2026", dueAt: Q1_DUE }, now);
    const text = renderDigest({ tasks: [one], upcoming: [], asOf: now }, en, TZ, calendar, 4096);
    expect(text).toContain("(1 period):");
    expect(text).toContain("— 1 day overdue: Xã 2/10 · Phường 1/2 not reported");
    expect(text).toContain(
      "Overdue for the first time (3 units): UBND xã Thử Nghiệm 6, UBND xã Thử Nghiệm 12, UBND phường Thử Nghiệm 10",
    );
    const block = renderTaskBlock(rollupOf(makeUnits(1), { id: 1, label: "Quý I/2026", dueAt: Q1_DUE }, now), en, TZ);
    expect(block.join("\n")).toContain("Reported 1/1 unit (on time 1, late 0)");
    expect(block.join("\n")).toContain("Results (from 1/1 unit that reported)");
  });
});

describe("selectDigest", () => {
  const quarterly: Schedule = { kind: "periodic", period: "quarter", day: 15 } as unknown as Schedule;
  const task = { id: 5, schedule: quarterly };
  const q1 = { id: 1, dueAt: Q1_DUE };
  const q2 = { id: 2, dueAt: Q2_DUE };

  it("keeps an overdue period after its quarter ended, until it is closed", () => {
    const july = new Date("2026-07-03T09:00:00Z");
    const pick = (closedAt?: Date) =>
      selectDigest([{ task, occurrences: [{ ...q1, closedAt }, q2] }], { now: july, calendar, tz: TZ }).current.map(
        (c) => `${c.occurrence.id} ${c.stage}`,
      );
    expect(pick()).toEqual(["1 past_due", "2 past_due"]);
    // Closed on 01/07: told once (the caller drops it once told), and no longer overdue.
    expect(pick(new Date("2026-07-01T03:00:00Z"))).toEqual(["1 closed", "2 past_due"]);
    // Closed long ago: no news.
    expect(pick(new Date(july.getTime() - CLOSED_NEWS_MS - 1))).toEqual(["2 past_due"]);
  });

  it("shows the next deadline within 7 working days, else as coming up", () => {
    const early = new Date("2026-03-02T09:00:00Z");
    const soon = new Date("2026-03-09T09:00:00Z");
    const at = (now: Date) => selectDigest([{ task, occurrences: [q1, q2] }], { now, calendar, tz: TZ });
    expect(at(early).current).toEqual([]);
    expect(at(early).upcoming.map((u) => u.occurrence.id)).toEqual([1]);
    expect(at(soon).current.map((c) => `${c.occurrence.id} ${c.stage}`)).toEqual(["1 due_soon"]);
  });
});

describe("/tinhhinh #N: the full list, on demand", () => {
  it("names every unit not reported at 3,321 units, in messages within the channel's limit", () => {
    const units = makeUnits(3321);
    const now = new Date("2026-04-03T09:00:00Z");
    const q1 = rollupOf(units, { id: 1, label: "Quý I/2026", dueAt: Q1_DUE }, now);
    const text = statusLine(q1, vi, TZ, Number.POSITIVE_INFINITY);
    expect(text).toContain("(Quý I/2026, hạn Thứ Hai, 16/03/2026, đã quá hạn 18 ngày): 2767/3321 đã báo cáo");
    const silent = [...units.values()].filter((u) => u.id % 6 === 0 || u.id === 10);
    expect(silent).toHaveLength(554);
    expect(text).toContain("Chưa báo cáo sau hạn (554): ");
    expect(text).not.toContain("đơn vị khác");
    for (const limit of [4096, 2000]) {
      const parts = splitMessage(text, limit);
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) expect(part.length).toBeLessThanOrEqual(limit);
      // A line cut at a space keeps the space with its first part.
      const names = new Set(parts.join("").match(/UBND (xã|phường|đặc khu) Thử Nghiệm \d+/g));
      for (const u of silent) expect(names.has(u.name), u.name).toBe(true);
    }
    // The overview names five per task.
    expect(statusLine(q1, vi, TZ, 5)).toContain("và 549 đơn vị khác");
  });
});
