/**
 * A report sent by mistake ("em gửi nhầm, đó là số của xã bên cạnh"): its last revision is taken
 * back. A revised report returns to the revision before; a report of one revision is withdrawn and
 * its period is open again. What was taken back stays in the audit log, so nothing is lost.
 */
import type { AssignmentView, ReportRecord } from "../ports.js";
import { removeUnreferencedContent } from "./pending-question.js";
import { parseReport } from "./report-parser.js";
import type { ReportDeps } from "./reports.js";
import { searchKey } from "./text-key.js";

/**
 * "gửi nhầm", "nhầm xã/nhóm", "không phải số của xã", "xóa/hủy/rút báo cáo (vừa rồi)": the sender
 * says a report went out by mistake. Not "gửi nhầm số, 8 cái mới đúng" (figures: a correction).
 */
const SENT_BY_MISTAKE =
  /\b(?:(?:gui|nop|bao cao|bc|dang|up|post)\s+(?:\S+\s+){0,2}?nham(?!\s+(?:so|con so)\b\s+\d)|nham (?:nhom|group|xa|phuong|thon|ban|ap|don vi|cho)|(?:khong|ko|k) phai (?:la )?(?:(?:so lieu|so|bao cao|bc) (?:cua )?|cua )(?:xa|phuong|thon|ban|ap|don vi|minh|em)\b|(?:xoa|huy|rut|bo|go)\s+(?:(?:giup|ho|dum|gium|lai|di)\s+)?(?:(?:em|e|minh|toi|cho em|cho e)\s+)?(?:(?:cai|tin|ban)\s+)?(?:bao cao|bc|tin nhan|tin)\b(?:\s+\S+){0,3}?\s*(?:vua (?:roi|gui|nay)|luc nay|ban nay|hoi nay|tren|do|nay|truoc)\b)/;

/**
 * True when the text says a report was sent by mistake (the caller checks it gives no figures).
 * @example saysSentByMistake("xin lỗi a, tin trên e gửi nhầm, đó là số của xã bên cạnh") // true
 */
export function saysSentByMistake(text: string): boolean {
  const key = searchKey(text.slice(0, 1_000));
  // "em gửi nhầm ảnh": files, not the report's figures; "gửi nhầm số tờ rơi, sửa lại thế nào": a correction asked
  if (FILES.test(key) && !/\b(?:bao cao|bc|so lieu)\b/.test(key)) return false;
  if (/\bsua\b/.test(key)) return false;
  return SENT_BY_MISTAKE.test(key);
}
const FILES = /\b(?:anh|hinh|file|tep|video|clip|tai lieu)\b/;

/** The report a withdrawal would take back: the unit's latest, while its period is open. */
export async function withdrawable(
  deps: Pick<ReportDeps, "repos">,
  unitId: number,
): Promise<{ report: ReportRecord; assignment: AssignmentView } | null> {
  const report = await deps.repos.reports.latestForUnit(unitId);
  const assignment = report && (await deps.repos.assignments.findView(report.assignmentId));
  if (!report || !assignment || assignment.status === "cancelled" || assignment.occurrence.closedAt) return null;
  return { report, assignment };
}

export type Withdrawal =
  /** The report went back to the revision before (`report` is the new current one). */
  | { kind: "reverted"; report: ReportRecord; assignment: AssignmentView; to: number }
  /** The report is gone; its assignment is open again. */
  | { kind: "withdrawn"; assignment: AssignmentView; files: number }
  /** The report changed since the question was asked (or is gone): nothing was done. */
  | { kind: "changed" };

/**
 * Takes back the last revision of the report, if it is still the revision the officer was asked
 * about. The taken-back text and figures go to the audit log.
 * @example await withdrawRevision(deps, { reportId: 4, revision: 1, actor: "telegram:7", authorName: "Lan" })
 * // { kind: "withdrawn", assignment, files: 2 }
 */
export async function withdrawRevision(
  deps: Pick<ReportDeps, "repos" | "clock" | "files" | "parse">,
  input: { reportId: number; revision: number; actor: string; authorName: string },
): Promise<Withdrawal> {
  const report = await deps.repos.reports.findById(input.reportId);
  if (!report || report.revision !== input.revision) return { kind: "changed" };
  const assignment = await deps.repos.assignments.findView(report.assignmentId);
  if (!assignment) return { kind: "changed" };
  const at = deps.clock.now();
  await deps.repos.audit.log({
    actor: input.actor,
    action: "report.withdraw",
    entity: "report",
    entityId: String(report.id),
    detail: { revision: report.revision, text: report.text, values: report.values, assignmentId: assignment.id },
    at,
  });
  if (report.revision > 1) {
    const before = (await deps.repos.reports.revisions(report.id)).filter((r) => r.revision < report.revision).at(-1);
    if (before) {
      const parse = deps.parse ?? parseReport;
      const reverted = await deps.repos.reports.revise(report.id, {
        text: before.text,
        values: before.values,
        references: parse(before.text, assignment.task.indicators).references,
        unclear: [],
        authorName: input.authorName,
        at,
      });
      return { kind: "reverted", report: reverted, assignment, to: before.revision };
    }
  }
  const hashes = await deps.repos.reports.withdraw(report.id);
  await removeUnreferencedContent(deps, hashes);
  const reopened = (await deps.repos.assignments.findView(assignment.id)) ?? assignment;
  return { kind: "withdrawn", assignment: reopened, files: hashes.length };
}
