/**
 * "Số liệu quý này như quý trước ạ", "kết quả y như kỳ trước", "không thay đổi so với quý trước": the
 * officer means the figures of the task's previous period again. Nothing is copied unasked: the bot
 * shows those figures and records them on "có".
 */

import type { AssignmentView, ReportRecord } from "../ports.js";
import type { Repositories } from "../repositories.js";
import { searchKey } from "./text-key.js";

const SAME_AS =
  /\b(?:nhu|giong|giong nhu|y nhu|giu nguyen(?: nhu)?|khong (?:co gi )?(?:thay )?doi so voi)(?: (?:so lieu|ket qua))?(?: cua)? (?:ky|quy|thang|nam|dot|lan)(?: bao cao)? (?:truoc|roi|vua roi)\b/;

/** Numbers that name a period or a year ("quý 4", "tháng 12/2026", "năm 2026"), not figures. */
const PERIOD_NUMBERS = /\b(?:(?:quy|thang|nam|ky|tuan|dot)\s+(?:[0-9]+|[ivx]+)(?:\s*\/\s*\d{4})?|(?:19|20)\d\d)\b/g;

/**
 * Whether the text says this period's figures are those of the previous one.
 * @example saysSameAsBefore("Số liệu quý này như quý trước ạ") // true
 * @example saysSameAsBefore("tăng 2 so với quý trước") // false
 */
export function saysSameAsBefore(text: string): boolean {
  const key = searchKey(text);
  // a number beside it ("30 lượt, như quý trước") is a figure of this period, read or not: not a copy
  return SAME_AS.test(key) && !/\d/.test(key.replace(PERIOD_NUMBERS, " "));
}

const RECENT_REPORTS = 50;

/**
 * The unit's latest report with figures for an earlier period of the assignment's task, if any.
 * @example await previousFigures(repos, quarterFour) // { assignment: quarterThree, report } or null
 */
export async function previousFigures(
  repos: Repositories,
  assignment: AssignmentView,
): Promise<{ assignment: AssignmentView; report: ReportRecord } | null> {
  let best: { assignment: AssignmentView; report: ReportRecord } | null = null;
  for (const report of await repos.reports.listForUnit(assignment.unit.id, { limit: RECENT_REPORTS })) {
    if (!Object.keys(report.values).length || report.assignmentId === assignment.id) continue;
    const a = await repos.assignments.findView(report.assignmentId);
    if (!a || a.task.id !== assignment.task.id || a.occurrence.dueAt >= assignment.occurrence.dueAt) continue;
    if (!best || a.occurrence.dueAt > best.assignment.occurrence.dueAt) best = { assignment: a, report };
  }
  return best;
}
