/**
 * Officers' questions in a unit's chat ("cho em hỏi hạn báo cáo quý 2 là ngày nào ạ"), answered
 * from the unit's own assignments: the deadline of the period or task asked about, what is still
 * open, how to report. Returns data; the feature words it.
 */

import { localDateOf } from "../calendar/time.js";
import { occurrencesOf } from "../plans/schedule.js";
import { loadCalendar } from "../plans/tasks.js";
import type { AssignmentView, ReportRecord } from "../ports.js";
import type { Repositories } from "../repositories.js";
import { type NamedPeriods, namedPeriods, namesAnyPeriod, periodMatches } from "./named-periods.js";
import { parseReport } from "./report-parser.js";
import { countFiles } from "./reports.js";
import { orderByDueNext } from "./task-choice.js";
import { searchKey } from "./text-key.js";

export type QuestionTopic = "deadline" | "open_tasks" | "how_to_report";

/** A period asked about that has no assignment yet (a later quarter): its deadline from the task's schedule. */
export interface FuturePeriod {
  task: AssignmentView["task"];
  label: string;
  dueAt: Date;
  /** The stated last day when it was a day off and dueAt moved off it. */
  statedDate?: string;
}

export interface QuestionAnswer {
  topic: QuestionTopic;
  /** The assignments the question is about (all open ones when it names none), what is due next first. */
  assignments: AssignmentView[];
  /** The unit's report for those already reported, by assignment id. */
  reports: Map<number, ReportRecord>;
  /** Periods asked about that are not assigned yet. */
  future: FuturePeriod[];
  /**
   * Periodic tasks whose plan ends before the year asked about ("quý I/2027" when the plan runs to
   * 2026), with the plan's last period: said so rather than "nothing matches".
   */
  afterPlan: { task: AssignmentView["task"]; lastLabel: string; lastDueAt: Date }[];
  /** The periods the question names ("quý I", "năm 2027"). */
  asked: NamedPeriods;
  /** True when the question names a task or a period (else it is about everything open). */
  named: boolean;
  /** "báo cáo gồm những chỉ tiêu gì": the question asks what a report holds (the task's indicators are shown). */
  asksIndicators: boolean;
  /** The unit's latest report and its files, for a question about what is open ("đã nhận được báo cáo chưa", "còn thiếu ảnh không"). */
  latest?: { assignment: AssignmentView; report: ReportRecord; photoCount: number; documentCount: number };
}

const HOW =
  /\b(?:the nao|nhu nao|ra sao|lam sao|(?:sua|xoa|lam|gui|nop|ghi|tinh)(?: lai)? sao|(?:gui|nop|bao cao|bc)(?: \S+){0,2} (?:tung phan|tung dot|tung lan|nhieu lan|nhieu dot)|mau bieu|bieu mau|mau (?:bao cao|bc)|file (?:word|excel)|khong dau|bot (?:co )?(?:hieu|doc)|cach (?:bao cao|gui|nop|ghi|tinh)|(?:gui|nop|bao cao)(?: \S+){0,4} (?:o dau|vao dau|cho ai|qua dau|bang gi)|(?<!da )(?:co )?duoc tinh|co tinh|thi tinh|tinh (?:la|ca|theo|vao)|huong dan|(?:gui|nop)(?: \S+){0,2} (?:file|excel|word|tep|album)|excel|theo mau|mau nao|bao cao (?:rieng|chung)|gui (?:rieng|chung|vao nhom|bo sung|lai)|(?:gui|nop|bao cao|bc)(?: \S+){0,5} (?:vo|vao) (?:day|nhom|group)|qua (?:e?mail|gmail|zalo)|pdf|chup (?:hinh|anh)|kem (?:theo )?(?:anh|hinh|file|minh chung)|toi da|luy ke|tinh (?:rieng|chung)|(?:xoa|sua)(?: di| lai)?(?: \S+){0,2} (?:dc|duoc))\b/;
const DEADLINE =
  /\b(?:han|bao gio|khi nao|luc nao|ngay nao|hom nao|may gio|may ngay|truoc ngay|cham nhat|het han|qua han|con kip|(?:nop|gui|bao cao|bc) (?:muon|tre|cham|som)|qua (?:ngay|hom) \d{1,2}|qua \d{1,2}(?:\/\d{1,2})? (?:roi|ma|thi|moi|la)|khoa so(?: lieu)?)\b/;
/** "… có (phải) báo cáo không hay Sở báo": which of two reports it, or what a report covers. */
const WHO_REPORTS =
  /\b(?:co|phai) (?:phai )?(?:bao cao|bao|gui|nop)\b(?: \S+){0,4}? (?:khong|ko|k)(?: (?:a|ad|ah))? hay\b/;
/** "hội nghị … tổ chức ngày nào": an event's date, not a deadline, when no report or deadline is named. */
const EVENT_DATE =
  /\b(?:to chuc|dien ra|khai mac|hop)\b(?: \S+){0,2}? (?:ngay nao|hom nao|khi nao|bao gio|luc nao|may gio)\b/;
const OF_A_DEADLINE = /\b(?:han|nop|gui|bao cao|bc|het han|qua han|tre|muon)\b/;
/** "đang bị ghi là nộp trễ", "có bị đánh dấu không": how the unit stands recorded, not a rule (no "nếu … thì"). */
const RECORDED_AS = /\b(?:ghi nhan|(?:bi|dang|duoc) ghi (?:la|nhan)|bi ghi|danh dau|dang bi tinh)\b/;

/** "báo cáo gồm những chỉ tiêu gì", "cần ghi những gì": what a report holds. */
const WHAT_TO_REPORT =
  /\b(?:(?:nhung |cac )?(?:chi tieu|noi dung|so lieu|muc) (?:gi|nao)|(?:bao cao|bc|bao|ghi|gui|nop) (?:nhung |cac )?(?:gi|cai gi|noi dung gi|so lieu gi)|gom (?:nhung |cac )?(?:gi|chi tieu|noi dung|muc))\b/;

/** "còn thiếu chỉ tiêu nào", "còn phải báo cáo những gì nữa": what is still open. */
const STILL_MISSING = /\b(?:thieu|con phai|con (?:bao|gui|nop)|nua|chua (?:bao|gui|nop|co))\b/;

const asksWhatToReport = (key: string): boolean => WHAT_TO_REPORT.test(key) && !STILL_MISSING.test(key);

/** What the question asks: a deadline, how to report, or (by default) what is open. */
export function questionTopic(text: string): QuestionTopic {
  const key = searchKey(text);
  if (RECORDED_AS.test(key) && !/\b(?:neu|thi)\b/.test(key)) return "open_tasks";
  if (WHO_REPORTS.test(key)) return "how_to_report";
  if (EVENT_DATE.test(key) && !OF_A_DEADLINE.test(key)) return "open_tasks";
  // "chừng nào phải nộp bc": the Southern "when", a deadline only beside a report or a deadline
  if (DEADLINE.test(key) || (/\b(?:chung|bua) nao\b/.test(key) && OF_A_DEADLINE.test(key))) return "deadline";
  // "gõ /baocao rồi viết số liệu sau luôn hả": a command named, how to use it
  if (HOW.test(key) || /(?:^|\s)\/[a-z]/.test(key)) return "how_to_report";
  return "open_tasks";
}

const MAX_REPORTED_READ = 50;

/**
 * Finds what a question is about among the unit's assignments, open or already reported: the task
 * number ("#2", "nv 2") and the periods it names ("quý 2", "tháng 4"), else every open one.
 * A named period not assigned yet is worked out from the task's schedule.
 * @example await answerQuestion(repos, unitId, { text: "hạn báo cáo quý 2 là ngày nào ạ", now, timezone })
 * // { topic: "deadline", assignments: [], future: [{ task, label: "Quý II/2021", dueAt }] , reports }
 */
export async function answerQuestion(
  repos: Repositories,
  unitId: number,
  input: {
    text: string;
    now: Date;
    timezone: string;
    /** The task hint of the text when the caller's parse already knows it (else parsed here). */
    readTaskHint?: (text: string) => number | undefined;
  },
): Promise<QuestionAnswer> {
  const topic = questionTopic(input.text);
  const open = await repos.assignments.listOpenForUnit(unitId);
  const named = namedPeriods(input.text, localDateOf(input.now, input.timezone));
  const taskHint = input.readTaskHint ? input.readTaskHint(input.text) : parseReport(input.text, []).taskHint;
  const asked = (a: AssignmentView) =>
    (taskHint === undefined || a.task.id === taskHint) &&
    (!namesAnyPeriod(named) || periodMatches(a.occurrence.periodKey, named));
  const isNamed = namesAnyPeriod(named) || taskHint !== undefined;
  // "hạn nộp bc là ngày nào" with everything reported: the latest periods, reported, and the next ones
  const allReported = topic === "deadline" && !isNamed && !open.length;
  const reports = new Map<number, ReportRecord>();
  const reported: AssignmentView[] = [];
  if (isNamed || allReported) {
    for (const report of await repos.reports.listForUnit(unitId, { limit: MAX_REPORTED_READ })) {
      const a = await repos.assignments.findView(report.assignmentId);
      // A closed period (its plan ended, or /dongky) is no longer asked about.
      if (!a || a.status === "cancelled" || a.occurrence.closedAt || reports.has(a.id)) continue;
      reports.set(a.id, report);
      reported.push(a);
    }
  }
  const matching = allReported ? latestPerTask(reported) : [...open, ...reported].filter(asked);
  const future = allReported
    ? await nextPeriods(matching, input.now, input.timezone, repos)
    : matching.length || !namesAnyPeriod(named)
      ? []
      : await unassignedPeriods(
          [...open, ...reported].filter((a) => taskHint === undefined || a.task.id === taskHint),
          named,
          input.now,
          input.timezone,
          repos,
        );
  const answer: QuestionAnswer = {
    topic,
    assignments: orderByDueNext(isNamed || allReported ? matching : open, input.now),
    reports,
    future,
    afterPlan:
      matching.length || future.length || !namesAnyPeriod(named)
        ? []
        : await plansEndedBefore(
            [...open, ...reported].filter((a) => taskHint === undefined || a.task.id === taskHint),
            named,
            input.timezone,
            repos,
          ),
    asked: named,
    named: isNamed,
    asksIndicators: asksWhatToReport(searchKey(input.text)),
  };
  if (topic === "open_tasks") {
    const report = await repos.reports.latestForUnit(unitId);
    const assignment = report && (await repos.assignments.findView(report.assignmentId));
    if (report && assignment) answer.latest = { assignment, report, ...(await countFiles(repos, report.id)) };
  }
  return answer;
}

/** Each task's assignment with the latest deadline. */
function latestPerTask(assignments: AssignmentView[]): AssignmentView[] {
  const byTask = new Map<number, AssignmentView>();
  for (const a of assignments) {
    const kept = byTask.get(a.task.id);
    if (!kept || a.dueAt > kept.dueAt) byTask.set(a.task.id, a);
  }
  return [...byTask.values()];
}

/** The first period of each periodic task after the ones assigned, within a year from now (none after the plan's end). */
async function nextPeriods(
  known: AssignmentView[],
  now: Date,
  timezone: string,
  repos: Repositories,
): Promise<FuturePeriod[]> {
  const today = localDateOf(now, timezone);
  const inAYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const out: FuturePeriod[] = [];
  for (const { task, occurrences } of await periodsWithoutOccurrence(
    known,
    { from: today, to: inAYear },
    timezone,
    repos,
  )) {
    const next = occurrences.find((o) => o.dueAt > now);
    if (next) out.push({ task, label: next.label, dueAt: next.dueAt, statedDate: next.statedDate });
  }
  return out;
}

/** Periods the text names of the unit's periodic tasks that have no occurrence yet. */
async function unassignedPeriods(
  known: AssignmentView[],
  named: ReturnType<typeof namedPeriods>,
  now: Date,
  timezone: string,
  repos: Repositories,
): Promise<FuturePeriod[]> {
  const year = named.years[0] ?? Number(localDateOf(now, timezone).slice(0, 4));
  const window = { from: `${year}-01-01`, to: `${year}-12-31` };
  const out: FuturePeriod[] = [];
  for (const { task, occurrences } of await periodsWithoutOccurrence(known, window, timezone, repos))
    for (const o of occurrences)
      if (periodMatches(o.periodKey, named) && o.periodKey.startsWith(String(year)))
        out.push({ task, label: o.label, dueAt: o.dueAt, statedDate: o.statedDate });
  return out;
}

/**
 * Each periodic task's periods within the window that have no occurrence yet: a period that exists
 * (reported, closed, or not this unit's) is no future one.
 */
async function periodsWithoutOccurrence(
  known: AssignmentView[],
  window: { from: string; to: string },
  timezone: string,
  repos: Repositories,
): Promise<Array<{ task: AssignmentView["task"]; occurrences: ReturnType<typeof occurrencesOf> }>> {
  const tasks = new Map(known.filter((a) => a.task.schedule.kind === "periodic").map((a) => [a.task.id, a.task]));
  if (!tasks.size) return [];
  const calendar = await loadCalendar(repos);
  const out: Array<{ task: AssignmentView["task"]; occurrences: ReturnType<typeof occurrencesOf> }> = [];
  for (const task of tasks.values()) {
    let occurrences: ReturnType<typeof occurrencesOf>;
    try {
      occurrences = occurrencesOf(task.schedule, window, calendar, timezone);
    } catch {
      continue; // a schedule the calendar cannot expand has no answer to give
    }
    const existing = new Set((await repos.assignments.listOccurrences(task.id)).map((o) => o.periodKey));
    out.push({ task, occurrences: occurrences.filter((o) => !existing.has(o.periodKey)) });
  }
  return out;
}

/** The unit's periodic tasks whose schedule ends before the year the text names, with their last period. */
async function plansEndedBefore(
  known: AssignmentView[],
  named: ReturnType<typeof namedPeriods>,
  timezone: string,
  repos: Repositories,
): Promise<QuestionAnswer["afterPlan"]> {
  const year = named.years[0];
  if (!year) return [];
  const tasks = new Map(known.map((a) => [a.task.id, a.task]));
  const calendar = await loadCalendar(repos);
  const out: QuestionAnswer["afterPlan"] = [];
  for (const task of tasks.values()) {
    const schedule = task.schedule;
    if (schedule.kind !== "periodic" || !schedule.end || Number(schedule.end.slice(0, 4)) >= year) continue;
    let last: ReturnType<typeof occurrencesOf>[number] | undefined;
    try {
      last = occurrencesOf(schedule, { from: schedule.start, to: schedule.end }, calendar, timezone).at(-1);
    } catch {
      continue; // a schedule the calendar cannot expand has no answer to give
    }
    if (last) out.push({ task, lastLabel: last.label, lastDueAt: last.dueAt });
  }
  return out;
}
