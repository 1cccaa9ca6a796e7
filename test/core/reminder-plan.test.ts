import { describe, expect, it } from "vitest";
import { parseDeadlinePhrase } from "../../src/core/calendar/deadline-phrase.js";
import {
  addDays,
  endOfLocalDay,
  localDateOf,
  localTimeOf,
  weekdayOf,
  zonedInstant,
} from "../../src/core/calendar/time.js";
import { createWorkingCalendar } from "../../src/core/calendar/working-calendar.js";
import { type PlannedReminder, planReminders, reminderToSendNow } from "../../src/core/reminders/reminder-plan.js";
import { type CalendarEntryInput, DEFAULT_REMINDER_POLICY, type ReminderPolicy } from "../../src/core/types.js";

const TZ = "Asia/Ho_Chi_Minh";
const tet: CalendarEntryInput[] = [];
for (let d = "2021-02-10"; d <= "2021-02-16"; d = addDays(d, 1))
  tet.push({ date: d, kind: "holiday", name: "Nghỉ Tết Tân Sửu" });
const calendar = createWorkingCalendar(tet);
const at = (date: string, time: string) => zonedInstant(date, time, TZ);
const local = (plan: PlannedReminder[]) =>
  plan.map((r) => [localDateOf(r.at, TZ), localTimeOf(r.at, TZ), r.kind, r.offset]);

describe("planReminders", () => {
  it("acceptance: 'trước ngày 10/02/2021' around the Tết Tân Sửu break", () => {
    const phrase = parseDeadlinePhrase("trước ngày 10/02/2021", "2021-01-25");
    expect(phrase).toEqual({ ok: true, dueDate: "2021-02-09", reading: "before" });
    if (!phrase.ok) return;
    expect(weekdayOf(phrase.dueDate)).toBe(2); // Tuesday
    const dueAt = endOfLocalDay(phrase.dueDate, TZ);
    expect(dueAt.toISOString()).toBe("2021-02-09T16:59:00.000Z");

    const plan = planReminders({ dueAt, policy: DEFAULT_REMINDER_POLICY, calendar, tz: TZ });
    expect(local(plan)).toEqual([
      ["2021-01-29", "08:00", "before", -7], // Fri
      ["2021-02-04", "08:00", "before", -3], // Thu
      ["2021-02-08", "08:00", "before", -1], // Mon
      ["2021-02-09", "08:00", "due_day", 0], // Tue
      ["2021-02-17", "08:00", "overdue", 1], // Wed, first working day after the break
      ["2021-02-19", "08:00", "overdue", 3], // Fri
      ["2021-02-22", "08:00", "escalation", 4], // Mon
    ]);
    expect(plan.map((r) => r.at.toISOString())).toContain("2021-01-29T01:00:00.000Z");
    // Nothing during the break.
    for (const r of plan) {
      const d = localDateOf(r.at, TZ);
      expect(d >= "2021-02-10" && d <= "2021-02-16").toBe(false);
    }
  });

  it("counts the working days itself (cross-check)", () => {
    // T−7 back from 09/02: 08, 05, 04, 03, 02, 01/02, 29/01; T+3: 17, 18, 19/02; T+4: 22/02.
    expect(calendar.workingDaysBetween("2021-01-29", "2021-02-09")).toBe(7);
    expect(calendar.workingDaysBetween("2021-02-04", "2021-02-09")).toBe(3);
    expect(calendar.workingDaysBetween("2021-02-09", "2021-02-19")).toBe(3);
    expect(calendar.workingDaysBetween("2021-02-09", "2021-02-22")).toBe(4);
  });

  it("anchors on the previous working day when the due day is off", () => {
    // Due Sat 06/03/2021: due-day reminder Fri 05/03, T−1 Thu 04/03; overdue counts from Saturday.
    const plan = planReminders({
      dueAt: endOfLocalDay("2021-03-06", TZ),
      policy: { before: [1], onDueDay: true, after: [1], escalateAfter: 2, time: "08:00" },
      calendar,
      tz: TZ,
    });
    expect(local(plan)).toEqual([
      ["2021-03-04", "08:00", "before", -1],
      ["2021-03-05", "08:00", "due_day", 0],
      ["2021-03-08", "08:00", "overdue", 1],
      ["2021-03-09", "08:00", "escalation", 2],
    ]);
  });

  it("moves early times to the office-hours start and late times to the next working morning", () => {
    const dueAt = endOfLocalDay("2021-03-10", TZ); // Wed
    const early = planReminders({ dueAt, policy: { ...DEFAULT_REMINDER_POLICY, time: "06:00" }, calendar, tz: TZ });
    expect(local(early).map((r) => r[1])).toEqual(Array(early.length).fill("07:30"));
    expect(local(early)[0]).toEqual(["2021-03-01", "07:30", "before", -7]);

    const late = planReminders({
      dueAt,
      policy: { before: [3, 1], onDueDay: true, after: [1], escalateAfter: 0, time: "18:00" },
      calendar,
      tz: TZ,
    });
    // T−3 Fri 05/03 18:00 → Mon 08/03 07:30; T−1 Tue 09/03 → Wed 10/03 07:30; the due day's 18:00
    // would move to Thursday, past the deadline, so it is dropped; T+1 Thu 11/03 → Fri 12/03 07:30.
    expect(local(late)).toEqual([
      ["2021-03-08", "07:30", "before", -3],
      ["2021-03-10", "07:30", "before", -1],
      ["2021-03-12", "07:30", "overdue", 1],
    ]);
  });

  it("accepts custom office hours, ends inclusive", () => {
    const dueAt = endOfLocalDay("2021-03-10", TZ);
    const policy: ReminderPolicy = { before: [], onDueDay: true, after: [], escalateAfter: 0, time: "17:00" };
    expect(local(planReminders({ dueAt, policy, calendar, tz: TZ }))).toEqual([["2021-03-10", "17:00", "due_day", 0]]);
    const short = planReminders({ dueAt, policy, calendar, tz: TZ, officeHours: { start: "08:00", end: "16:30" } });
    expect(local(short)).toEqual([]); // moved to Thursday, after the deadline
  });

  it("plans overdue reminders on the working days after a Friday deadline", () => {
    // Friday deadline: T+1 is Monday, T+2 Tuesday, at the policy time.
    const plan = planReminders({
      dueAt: endOfLocalDay("2021-02-05", TZ),
      policy: { before: [], onDueDay: false, after: [1, 2], escalateAfter: 0, time: "09:15" },
      calendar,
      tz: TZ,
    });
    expect(local(plan)).toEqual([
      ["2021-02-08", "09:15", "overdue", 1],
      ["2021-02-09", "09:15", "overdue", 2],
    ]);
  });

  it("plans each offset once and shifts every reminder alike when the time is after hours", () => {
    const dueAt = endOfLocalDay("2021-03-10", TZ); // Wed
    const plan = planReminders({
      dueAt,
      policy: { before: [1, 1], onDueDay: false, after: [2, 1, 3, 1], escalateAfter: 3, time: "18:00" },
      calendar,
      tz: TZ,
    });
    // Thu 11/03 → Fri 12/03, Fri 12/03 → Mon 15/03, Mon 15/03 → Tue 16/03 (all 07:30).
    expect(local(plan)).toEqual([
      ["2021-03-10", "07:30", "before", -1],
      ["2021-03-12", "07:30", "overdue", 1],
      ["2021-03-15", "07:30", "overdue", 2],
      ["2021-03-16", "07:30", "overdue", 3],
      ["2021-03-16", "07:30", "escalation", 3], // other audience: never merged with the unit's reminder
    ]);
  });

  it("ignores non-positive offsets and disables escalation when escalateAfter ≤ 0", () => {
    const plan = planReminders({
      dueAt: endOfLocalDay("2021-03-10", TZ),
      policy: { before: [0, -2, 2], onDueDay: false, after: [0, -1], escalateAfter: 0, time: "08:00" },
      calendar,
      tz: TZ,
    });
    expect(local(plan)).toEqual([["2021-03-08", "08:00", "before", -2]]);
  });

  it("drops every pre-deadline reminder that would move past a deadline set before office hours", () => {
    const plan = planReminders({
      dueAt: zonedInstant("2021-03-08", "07:00", TZ), // Monday 07:00
      policy: { before: [1], onDueDay: true, after: [1], escalateAfter: 0, time: "18:00" },
      calendar,
      tz: TZ,
    });
    // T−1 Fri 18:00 → Mon 07:30 and due day Mon 18:00 → Tue: both after 07:00 Monday.
    expect(local(plan)).toEqual([["2021-03-10", "07:30", "overdue", 1]]);
  });

  it("drops pre-deadline reminders past an early deadline instant", () => {
    const plan = planReminders({
      dueAt: at("2021-03-10", "07:45"),
      policy: DEFAULT_REMINDER_POLICY,
      calendar,
      tz: TZ,
    });
    expect(plan.find((r) => r.kind === "due_day")).toBeUndefined();
    expect(plan.filter((r) => r.kind === "before")).toHaveLength(3);
  });

  it("rejects malformed times", () => {
    const dueAt = endOfLocalDay("2021-03-10", TZ);
    expect(() =>
      planReminders({ dueAt, policy: { ...DEFAULT_REMINDER_POLICY, time: "8:00" }, calendar, tz: TZ }),
    ).toThrow(RangeError);
    expect(() =>
      planReminders({
        dueAt,
        policy: DEFAULT_REMINDER_POLICY,
        calendar,
        tz: TZ,
        officeHours: { start: "17:00", end: "07:30" },
      }),
    ).toThrow(RangeError);
  });
});

describe("reminderToSendNow", () => {
  const dueAt = endOfLocalDay("2021-02-09", TZ);
  const plan = planReminders({ dueAt, policy: DEFAULT_REMINDER_POLICY, calendar, tz: TZ });
  const pick = (now: Date, opts: Partial<Parameters<typeof reminderToSendNow>[1]> = {}) => {
    const r = reminderToSendNow(plan, { now, ...opts });
    return r && [localDateOf(r.at, TZ), r.kind, r.offset];
  };

  it("sends nothing before the first reminder", () => {
    expect(pick(at("2021-01-29", "07:59"))).toBeUndefined();
  });

  it("sends a reminder that is due exactly now", () => {
    expect(pick(at("2021-01-29", "08:00"))).toEqual(["2021-01-29", "before", -7]);
  });

  it("after downtime sends only the latest missed reminder", () => {
    expect(pick(at("2021-02-08", "10:00"))).toEqual(["2021-02-08", "before", -1]);
    expect(pick(at("2021-02-08", "10:00"), { lastSentAt: at("2021-01-29", "08:00") })).toEqual([
      "2021-02-08",
      "before",
      -1,
    ]);
  });

  it("sends nothing already covered by the last send", () => {
    expect(pick(at("2021-02-08", "10:00"), { lastSentAt: at("2021-02-08", "08:00") })).toBeUndefined();
    expect(pick(at("2021-02-09", "08:00"), { lastSentAt: at("2021-02-08", "08:00") })).toEqual([
      "2021-02-09",
      "due_day",
      0,
    ]);
  });

  it("does not send 'before'/'due day' after the deadline when dueAt is known", () => {
    const now = at("2021-02-16", "09:00"); // still in the break, deadline passed
    expect(pick(now)).toEqual(["2021-02-09", "due_day", 0]);
    expect(pick(now, { dueAt })).toBeUndefined();
    expect(pick(at("2021-02-18", "09:00"), { dueAt })).toEqual(["2021-02-17", "overdue", 1]);
  });

  it("never picks escalation for the unit, but does when asked", () => {
    const now = at("2021-03-01", "09:00");
    expect(pick(now)).toEqual(["2021-02-19", "overdue", 3]);
    expect(pick(now, { kinds: ["escalation"] })).toEqual(["2021-02-22", "escalation", 4]);
    expect(pick(now, { kinds: ["escalation"], lastSentAt: at("2021-02-22", "08:00") })).toBeUndefined();
  });

  it("sends nothing once the unit has submitted", () => {
    expect(pick(at("2021-02-19", "09:00"), { submitted: true })).toBeUndefined();
  });
});
