/**
 * Report intake: which assignment a message reports on, what it says, which files belong to it.
 * One report per assignment; a second report or a correction becomes a new revision of it, with
 * the history kept.
 */
import { DOCUMENT_KINDS, exifCaptureTime, PHOTO_KINDS, sniffFile, VIDEO_KINDS, type FileKind } from "./file-check.js";
import type { AssignmentView, Clock, FileStore, Logger, Messenger, ReportRecord } from "../ports.js";
import { parseReport, type ParsedReport } from "./report-parser.js";
import type { Repositories } from "../repositories.js";
import { truncate } from "../text-limits.js";
import type { Incoming, IncomingFile } from "../types.js";

export interface ReportDeps {
  repos: Repositories;
  clock: Clock;
  messenger: Messenger;
  files: FileStore;
  maxFileBytes: number;
  logger: Logger;
}

/** A report sent when nothing is open updates the unit's latest report if it is this recent. */
const FOLLOW_UP_MS = 30 * 86_400_000;

/** Photos sent alone within this time after a report join it. */
export const ATTACH_WINDOW_MS = 10 * 60_000;

export type Resolution =
  | { kind: "found"; assignment: AssignmentView }
  | { kind: "ask"; options: AssignmentView[] }
  | { kind: "none" }
  | { kind: "other_unit"; assignment: AssignmentView };

/**
 * Finds the assignment a message reports on: the reminder it replies to, else the task number in
 * the text ("#3", "nv3"), else the unit's only open assignment; several open → ask.
 * @example await resolveAssignment(repos, unitId, incoming, { now, taskHint: parsed.taskHint })
 */
export async function resolveAssignment(
  repos: Repositories,
  unitId: number,
  incoming: Incoming,
  options: { now: Date; taskHint?: number; open?: AssignmentView[] },
): Promise<Resolution> {
  const { now, taskHint } = options;
  if (incoming.replyToMessageId) {
    const row = await repos.outbox.findByProviderMessage(incoming.channel, incoming.chatId, incoming.replyToMessageId);
    if (row?.assignmentId) {
      const assignment = await repos.assignments.findView(row.assignmentId);
      if (assignment) return assignment.unitId === unitId ? { kind: "found", assignment } : { kind: "other_unit", assignment };
    }
  }
  const open = options.open ?? (await repos.assignments.listOpenForUnit(unitId));
  if (taskHint !== undefined) {
    const forTask = open.filter((a) => a.task.id === taskHint);
    if (forTask.length) return { kind: "found", assignment: forTask[0] };
    // Already reported: the new message revises that report.
    const reported = (await repos.reports.listForUnit(unitId, { limit: 50 })).map((r) => r.assignmentId);
    for (const id of reported) {
      const a = await repos.assignments.findView(id);
      if (a?.task.id === taskHint) return { kind: "found", assignment: a };
    }
    return { kind: "none" };
  }
  if (open.length === 1) return { kind: "found", assignment: open[0] };
  if (open.length === 0) {
    // Everything reported: more news within a month updates the latest report.
    const latest = await repos.reports.latestForUnit(unitId);
    const recent = latest && now.getTime() - latest.updatedAt.getTime() <= FOLLOW_UP_MS;
    const assignment = recent ? await repos.assignments.findView(latest.assignmentId) : null;
    return assignment && assignment.status !== "cancelled" ? { kind: "found", assignment } : { kind: "none" };
  }
  return { kind: "ask", options: open.slice(0, 9) };
}

export interface FileOutcome {
  stored: number;
  duplicates: number;
  /** `name` is the file's own name; without one, the caller words it from `kind`. */
  rejected: { name?: string; kind: IncomingFile["kind"]; reason: "too_big" | "bad_type" | "download_failed" }[];
}

/**
 * Downloads, checks (size, magic bytes) and stores a message's files, on a report or pending.
 * A rejected file never stops the report itself.
 */
export async function storeFiles(deps: ReportDeps, incoming: Incoming, reportId: number | null): Promise<FileOutcome> {
  const outcome: FileOutcome = { stored: 0, duplicates: 0, rejected: [] };
  for (const file of incoming.files) {
    const name = file.fileName;
    const kind = file.kind;
    if (file.size !== undefined && file.size > deps.maxFileBytes) {
      outcome.rejected.push({ name, kind, reason: "too_big" });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await deps.messenger.download(incoming.channel, file, deps.maxFileBytes);
    } catch (error) {
      const tooBig = error instanceof Error && /too large/.test(error.message);
      if (!tooBig) deps.logger.warn({ err: error, chatId: incoming.chatId }, "file download failed");
      outcome.rejected.push({ name, kind, reason: tooBig ? "too_big" : "download_failed" });
      continue;
    }
    const sniffed = sniffFile(bytes, file.fileName);
    const allowed = ALLOWED[file.kind];
    if (!sniffed || !allowed.has(sniffed.kind)) {
      outcome.rejected.push({ name, kind, reason: "bad_type" });
      continue;
    }
    const { sha256 } = await deps.files.put(bytes);
    const captured = sniffed.kind === "jpeg" ? exifCaptureTime(bytes) : undefined;
    const { duplicate } = await deps.repos.attachments.add({
      reportId,
      sha256,
      size: bytes.length,
      mime: sniffed.mime,
      kind: isPhoto(file, sniffed.kind) ? "photo" : "document",
      fileName: safeName(file, sniffed.kind),
      capturedAt: captured ? new Date(`${captured}Z`) : null,
      createdAt: deps.clock.now(),
      sourceChannel: incoming.channel,
      sourceChatId: incoming.chatId,
      sourceMessageId: incoming.messageId,
    });
    if (duplicate) outcome.duplicates++;
    else outcome.stored++;
  }
  return outcome;
}

/** A video may also arrive as a document (sent "as file"). */
const ALLOWED: Record<IncomingFile["kind"], ReadonlySet<FileKind>> = {
  photo: PHOTO_KINDS,
  document: new Set([...DOCUMENT_KINDS, ...VIDEO_KINDS]),
  video: VIDEO_KINDS,
};

const isPhoto = (file: IncomingFile, kind: string) => file.kind === "photo" || (PHOTO_KINDS.has(kind as never) && file.kind === "document" && /^image\//.test(file.mime ?? ""));

/** A display name only: files are stored by hash, never under this name. */
function safeName(file: IncomingFile, kind: string): string {
  const name = truncate((file.fileName ?? "").normalize("NFC").replace(/[\p{Cc}/\\]/gu, "_"), 120);
  return name || `${{ photo: "anh", document: "tep", video: "video" }[file.kind]}.${kind === "jpeg" ? "jpg" : kind}`;
}

export interface SubmitResult {
  report: ReportRecord;
  assignment: AssignmentView;
  parsed: ParsedReport;
  /** False when the message revised an earlier report of the same assignment. */
  created: boolean;
  late: boolean;
  files: FileOutcome;
  photoCount: number;
  documentCount: number;
}

/**
 * Records a report for an assignment: parses the text with the task's indicators, marks the
 * assignment submitted (or late), attaches the message's files and any files sent just before.
 * A second report for the same assignment becomes a revision: new values replace the same
 * indicators, others stay.
 * @example await submitReport(deps, { assignment, incoming, text: "đã treo 12 pa nô", authorName: "Lan" })
 */
export async function submitReport(
  deps: ReportDeps,
  input: { assignment: AssignmentView; incoming: Incoming; text: string; authorName: string },
): Promise<SubmitResult> {
  const { repos } = deps;
  const now = deps.clock.now();
  const { assignment, incoming } = input;
  const text = input.text.normalize("NFC");
  const parsed = parseReport(text, assignment.task.indicators);
  const late = now.getTime() > assignment.dueAt.getTime();
  const existing = await repos.reports.findForAssignment(assignment.id);
  let report: ReportRecord;
  if (existing) {
    report = await repos.reports.revise(existing.id, {
      text,
      values: { ...existing.values, ...parsed.values },
      references: mergeReferences(existing.references, parsed.references),
      unclear: parsed.unclear,
      authorName: input.authorName,
      at: now,
    });
  } else {
    report = await repos.reports.create({
      assignmentId: assignment.id,
      unitId: assignment.unitId,
      authorChannel: incoming.channel,
      authorUserId: incoming.userId,
      authorName: input.authorName,
      text,
      values: parsed.values,
      references: parsed.references,
      unclear: parsed.unclear,
      late,
      sourceChatId: incoming.chatId,
      sourceMessageId: incoming.messageId,
      mediaGroupId: incoming.mediaGroupId ?? null,
      createdAt: now,
    });
  }
  if (assignment.status === "open") await repos.assignments.setStatus(assignment.id, late ? "late" : "submitted", now);
  const pending = await repos.attachments.listPending(incoming.channel, incoming.chatId, new Date(now.getTime() - ATTACH_WINDOW_MS));
  if (pending.length) await repos.attachments.assign(pending.map((p) => p.id), report.id);
  const files = await storeFiles(deps, incoming, report.id);
  const nothingAttached = !existing && !pending.length && !files.stored && !files.duplicates;
  const counts = nothingAttached ? { photoCount: 0, documentCount: 0 } : await countFiles(repos, report.id);
  return { report, assignment, parsed, created: !existing, late: existing ? existing.late : late, files, ...counts };
}

/** Photos and documents on a report. */
export async function countFiles(repos: Repositories, reportId: number): Promise<{ photoCount: number; documentCount: number }> {
  const all = await repos.attachments.listForReports([reportId]);
  const photoCount = all.filter((a) => a.kind === "photo").length;
  return { photoCount, documentCount: all.length - photoCount };
}

function mergeReferences<R extends { number: string; date?: string }>(a: R[], b: R[]): R[] {
  const seen = new Set(a.map((r) => r.number));
  return [...a, ...b.filter((r) => !seen.has(r.number))];
}

/**
 * Files sent without text: they join the sender's report from the last ten minutes, or wait
 * (pending) for the report that follows.
 */
export async function attachLooseFiles(deps: ReportDeps, incoming: Incoming): Promise<{ report: ReportRecord | null; files: FileOutcome; photoCount: number; documentCount: number }> {
  const since = new Date(deps.clock.now().getTime() - ATTACH_WINDOW_MS);
  const report = await deps.repos.reports.latestInChat(incoming.channel, incoming.chatId, incoming.userId, since);
  const files = await storeFiles(deps, incoming, report?.id ?? null);
  if (!report) {
    const pending = await deps.repos.attachments.listPending(incoming.channel, incoming.chatId, since);
    const photoCount = pending.filter((a) => a.kind === "photo").length;
    return { report, files, photoCount, documentCount: pending.length - photoCount };
  }
  return { report, files, ...(await countFiles(deps.repos, report.id)) };
}

/**
 * `/sua`: corrects the unit's latest report. Values named in the text replace those indicators;
 * text without values replaces the report's text. The old revision stays in history.
 */
export async function reviseLatest(
  deps: ReportDeps,
  input: { unitId: number; text: string; authorName: string },
): Promise<{ ok: true; report: ReportRecord; assignment: AssignmentView; parsed: ParsedReport } | { ok: false; error: "no_report" }> {
  const latest = await deps.repos.reports.latestForUnit(input.unitId);
  if (!latest) return { ok: false, error: "no_report" };
  const assignment = (await deps.repos.assignments.findView(latest.assignmentId))!;
  const text = input.text.normalize("NFC");
  const parsed = parseReport(text, assignment.task.indicators);
  const hasValues = Object.keys(parsed.values).length > 0;
  const report = await deps.repos.reports.revise(latest.id, {
    text: hasValues ? latest.text : text,
    values: { ...latest.values, ...parsed.values },
    references: mergeReferences(latest.references, parsed.references),
    unclear: hasValues ? latest.unclear : parsed.unclear,
    authorName: input.authorName,
    at: deps.clock.now(),
  });
  return { ok: true, report, assignment, parsed };
}
