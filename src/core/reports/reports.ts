/**
 * Report intake: which assignment a message reports on, what it says, which files belong to it.
 * One report per assignment; a second report or a correction becomes a new revision of it, with
 * the history kept.
 */

import { localDateOf } from "../calendar/time.js";
import {
  type AssignmentView,
  type AttachmentRecord,
  type Clock,
  type FileStore,
  FileTooLargeError,
  type Logger,
  type Messenger,
  messageSource,
  type ReportRecord,
  type TaskRecord,
} from "../ports.js";
import type { Repositories } from "../repositories.js";
import { truncate } from "../text-limits.js";
import type { Incoming, IncomingFile, IndicatorDef } from "../types.js";
import {
  captureInstant,
  DOCUMENT_KINDS,
  exifCaptureTime,
  type FileKind,
  PHOTO_KINDS,
  sniffFile,
  VIDEO_KINDS,
} from "./file-check.js";
import {
  headedWithPeriod,
  type MonthMessage,
  type MonthParts,
  monthFigures,
  monthOfPeriod,
  monthSentIn,
} from "./month-parts.js";
import {
  type NamedPeriods,
  namedPeriods,
  namesAnyPeriod,
  namesReportingPeriod,
  periodMatches,
} from "./named-periods.js";
import { figuresOfPeriod, ownPeriodPart, type PeriodFigures, periodSpan } from "./period-figures.js";
import { placeOfPart } from "./place-parts.js";
import {
  commonIndicatorsLacking,
  hasOutsideFigures,
  laterOf,
  type ReadReport,
  readWithVocabulary,
} from "./read-with-vocabulary.js";
import { type ParsedReport, parseReport } from "./report-parser.js";
import { narrowChoices, orderByDueNext, type ValueReader } from "./task-choice.js";
import { searchKey } from "./text-key.js";

export interface ReportDeps {
  repos: Repositories;
  clock: Clock;
  messenger: Messenger;
  files: FileStore;
  maxFileBytes: number;
  logger: Logger;
  /** The office's zone: EXIF capture times without an offset are read in it. */
  timezone: string;
  /** The report parser (default {@link parseReport}); a test passes one that counts its runs. */
  parse?: ReportParser;
}

/** Reads a report's text against indicators: {@link parseReport} or a wrapper of it. */
export type ReportParser = (text: string, indicators: readonly IndicatorDef[]) => ParsedReport;

/**
 * One message's parses, shared by the steps that handle it (classifying it, finding its task,
 * recording it): each (text, indicator list) is parsed once per message, not once per step.
 */
export interface MessageReading {
  /**
   * `text` parsed with `indicators` and the common indicators they lack (see {@link readWithVocabulary});
   * the same list, or one with the same items, is parsed once.
   */
  read(text: string, indicators: readonly IndicatorDef[]): ReadReport;
  /**
   * A parse of `text` with whatever list was used first, for what does not depend on the
   * indicators (references, task hint: the parser reads them before any indicator); parsed with
   * `fallback` when the text was not parsed yet.
   */
  any(text: string, fallback?: readonly IndicatorDef[]): ParsedReport;
}

const sameList = (a: readonly IndicatorDef[], b: readonly IndicatorDef[]) =>
  a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/** A reading that parses through `parse` and keeps every result (a message is parsed a few times at most). */
export function createMessageReading(parse: ReportParser = parseReport): MessageReading {
  const byText = new Map<string, { list: readonly IndicatorDef[]; parsed: ReadReport }[]>();
  const read = (text: string, indicators: readonly IndicatorDef[]): ReadReport => {
    const reads = byText.get(text) ?? [];
    const hit = reads.find((r) => sameList(r.list, indicators));
    if (hit) return hit.parsed;
    const parsed = readWithVocabulary(parse, text, indicators);
    reads.push({ list: indicators, parsed });
    byText.set(text, reads);
    return parsed;
  };
  return { read, any: (text, fallback = []) => byText.get(text)?.[0]?.parsed ?? read(text, fallback) };
}

/** Each incoming message's reading, dropped with the message (weak keys). */
const readings = new WeakMap<Incoming, MessageReading>();

/**
 * The reading of one incoming message, shared by every feature and step that handles it. `parse`
 * is used when this is the first step to read the message.
 * @example readingOf(ctx.incoming, deps.parse).read(ctx.incoming.text, task.indicators).values
 */
export function readingOf(incoming: Incoming, parse?: ReportParser): MessageReading {
  let reading = readings.get(incoming);
  if (!reading) {
    reading = createMessageReading(parse);
    readings.set(incoming, reading);
  }
  return reading;
}

/** A report sent when nothing is open updates the unit's latest report if it is this recent. */
const FOLLOW_UP_MS = 30 * 86_400_000;

/** Photos sent alone within this time after a report join it. */
export const ATTACH_WINDOW_MS = 10 * 60_000;

export type Resolution =
  /** `report`: the assignment's report, when finding the assignment read it. */
  | { kind: "found"; assignment: AssignmentView; report?: ReportRecord }
  /**
   * `unmatched`: the period the text names, which no open or filed assignment has (why no choice was made);
   * `taskHint`: the task the text names, which the unit has nothing of (the choices are what it may mean).
   */
  | { kind: "ask"; options: AssignmentView[]; more: number; unmatched?: NamedPeriods; taskHint?: number }
  /** `taskHint`: the task the text names has nothing open and no report of the unit to revise. */
  | { kind: "none"; unmatched?: NamedPeriods; taskHint?: number }
  | { kind: "other_unit"; assignment: AssignmentView };

/** Choices offered in one question; the rest are counted ("… và 3 nhiệm vụ khác"). */
const MAX_CHOICES = 9;

/**
 * Finds the assignment a message reports on, guessing before asking: the reminder it replies to;
 * the task number in the text ("#3", "nv3"); the periods it names ("quý I", "tháng 3"; one already
 * reported is revised; a month, quarter or half-year no open task has is asked about, never filed
 * elsewhere), else the periods that have started; the task whose indicators it gives; the only one left. Asks only
 * when two or more remain, listing what is due next first. With nothing open (or nothing started),
 * more news within a month updates the unit's latest report.
 * @example await resolveAssignment(repos, unitId, incoming, { now, timezone, text, taskHint: parsed.taskHint, readValues })
 */
export async function resolveAssignment(
  repos: Repositories,
  unitId: number,
  incoming: Incoming,
  options: {
    now: Date;
    timezone: string;
    text: string;
    taskHint?: number;
    open?: AssignmentView[];
    readValues: ValueReader;
    /** Whether the text cites a document, when the caller's parse already knows (else parsed here). */
    citesDocument?: boolean;
  },
): Promise<Resolution> {
  const { now, taskHint } = options;
  if (incoming.replyToMessageId) {
    const row = await repos.outbox.findByProviderMessage(incoming.channel, incoming.chatId, incoming.replyToMessageId);
    if (row?.assignmentId) {
      const assignment = await repos.assignments.findView(row.assignmentId);
      if (assignment)
        return assignment.unitId === unitId ? { kind: "found", assignment } : { kind: "other_unit", assignment };
    }
  }
  const open = options.open ?? (await repos.assignments.listOpenForUnit(unitId));
  /** The open assignments of the task the text names (all when it names none), what is due next first. */
  const openOfHint = () =>
    orderByDueNext(taskHint === undefined ? open : open.filter((a) => a.task.id === taskHint), now);
  const named = namedPeriods(options.text, localDateOf(now, options.timezone));
  const filed = await filedPeriodNamed(repos, unitId, open, named, taskHint);
  if (filed) return filed;
  if (namesReportingPeriod(named) && !open.some((a) => periodMatches(a.occurrence.periodKey, named))) {
    // "bổ sung quý 3: …" after Quý III was closed unreported: filed there, late (the office is told)
    const closed = await closedPeriodNamed(repos, unitId, named, taskHint);
    if (closed) return { kind: "found", assignment: closed };
    // "quý 3 …" while only Quý I is open: never filed under another period unasked.
    const choices = openOfHint();
    if (!choices.length)
      return taskHint === undefined ? { kind: "none", unmatched: named } : { kind: "none", taskHint };
    return askAmong(choices, named);
  }
  if (taskHint !== undefined && !open.some((a) => a.task.id === taskHint)) {
    // Already reported: the new message revises that report.
    const reported = (await repos.reports.listForUnit(unitId, { limit: 50 })).map((r) => r.assignmentId);
    for (const id of reported) {
      const a = await repos.assignments.findView(id);
      if (a?.task.id === taskHint) return { kind: "found", assignment: a };
    }
    // A number the unit has no task of (often the plan document's own numbering) with nothing open:
    // the latest report is offered, as more news for it
    const followUp = open.length ? null : await followUpOf(repos, unitId, now, named);
    return followUp ? { ...askAmong([followUp.assignment]), taskHint } : { kind: "none", taskHint };
  }
  const citesDocument = options.citesDocument ?? parseReport(options.text, []).references.length > 0;
  let choices = narrowChoices(open, {
    text: options.text,
    taskHint,
    now,
    timezone: options.timezone,
    readValues: options.readValues,
    citesDocument,
  });
  if (!choices.length) {
    // Nothing open has started: more news within a month updates the latest report.
    const followUp = taskHint === undefined ? await followUpOf(repos, unitId, now, named) : null;
    if (followUp) return { kind: "found", ...followUp };
    choices = openOfHint();
  }
  if (choices.length === 0) return { kind: "none" };
  if (choices.length === 1) return { kind: "found", assignment: choices[0] };
  return askAmong(choices);
}

/**
 * The unit's latest report when it was sent or updated within a month, and the text names no other
 * period ("tháng 4" is no news for Quý I; a year alone is often a plan's or a law's): more news
 * sent when nothing is open updates it. Null otherwise.
 * @example await followUpOf(repos, unitId, now, namedPeriods("thêm 2 pa nô", today)) // { assignment, report }
 */
export async function followUpOf(
  repos: Repositories,
  unitId: number,
  now: Date,
  named: NamedPeriods,
): Promise<{ assignment: AssignmentView; report: ReportRecord } | null> {
  const latest = await repos.reports.latestForUnit(unitId);
  if (!latest || now.getTime() - latest.updatedAt.getTime() > FOLLOW_UP_MS) return null;
  const assignment = await repos.assignments.findView(latest.assignmentId);
  if (!assignment || assignment.status === "cancelled" || assignment.status === "untracked") return null;
  if (namesReportingPeriod(named) && !periodMatches(assignment.occurrence.periodKey, named)) return null;
  return { assignment, report: latest };
}

/**
 * What to offer when asking whether a message is a report: the open assignments it may be about,
 * else (nothing open) the latest report it may be more news for.
 * @example await confirmChoices(repos, unitId, open, { text: "5 thon x 3 bang ron", now, timezone, readValues })
 */
export async function confirmChoices(
  repos: Repositories,
  unitId: number,
  open: AssignmentView[],
  options: { text: string; now: Date; timezone: string; readValues: ValueReader },
): Promise<AssignmentView[]> {
  const choices = narrowChoices(open, options);
  if (choices.length) return choices;
  const named = namedPeriods(options.text, localDateOf(options.now, options.timezone));
  const followUp = await followUpOf(repos, unitId, options.now, named);
  return followUp ? [followUp.assignment] : [];
}

const askAmong = (choices: AssignmentView[], unmatched?: NamedPeriods): Extract<Resolution, { kind: "ask" }> => ({
  kind: "ask",
  options: choices.slice(0, MAX_CHOICES),
  more: Math.max(0, choices.length - MAX_CHOICES),
  ...(unmatched ? { unmatched } : {}),
});

/**
 * The period the text names when no open assignment has it but the unit already reported it
 * ("quý 1 …" sent in April after Quý I was filed): that report is revised, never a new period's
 * report made of it. The most recent matching report wins (a task named by number narrows first).
 */
async function filedPeriodNamed(
  repos: Repositories,
  unitId: number,
  open: AssignmentView[],
  named: NamedPeriods,
  taskHint?: number,
): Promise<Resolution | null> {
  if (!namesAnyPeriod(named) || open.some((a) => periodMatches(a.occurrence.periodKey, named))) return null;
  for (const report of await repos.reports.listForUnit(unitId, { limit: 50 })) {
    const a = await repos.assignments.findView(report.assignmentId);
    if (!a || a.status === "cancelled" || (taskHint !== undefined && a.task.id !== taskHint)) continue;
    if (periodMatches(a.occurrence.periodKey, named)) return { kind: "found", assignment: a, report };
  }
  return null;
}

/**
 * The unit's one unreported assignment of a closed period the text names ("bổ sung quý 3" after Quý III
 * was closed): its report still counts, late. Null when none, or when two tasks' periods match.
 */
async function closedPeriodNamed(
  repos: Repositories,
  unitId: number,
  named: NamedPeriods,
  taskHint?: number,
): Promise<AssignmentView | null> {
  const matches = (await repos.assignments.listClosedUnreportedForUnit(unitId)).filter(
    (a) => (taskHint === undefined || a.task.id === taskHint) && periodMatches(a.occurrence.periodKey, named),
  );
  return matches.length === 1 ? matches[0] : null;
}

export interface FileOutcome {
  stored: number;
  duplicates: number;
  /** Attachment rows this message added (pending ones wait for a report by these ids). */
  ids: number[];
  /** `name` is the file's own name; without one, the caller words it from `kind`. */
  /** `limitBytes`: the size limit that refused a too-big file. */
  rejected: {
    name?: string;
    kind: IncomingFile["kind"];
    reason: "too_big" | "bad_type" | "download_failed";
    limitBytes?: number;
  }[];
  /** Files whose content is already on another of the unit's reports: not counted twice. */
  already: { name?: string; kind: IncomingFile["kind"]; assignment: AssignmentView }[];
}

/**
 * Downloads, checks (size, magic bytes) and stores a message's files, on a report or pending.
 * A rejected file never stops the report itself.
 */
export async function storeFiles(
  deps: ReportDeps,
  incoming: Incoming,
  reportId: number | null,
  unitId?: number,
): Promise<FileOutcome> {
  const outcome: FileOutcome = { stored: 0, duplicates: 0, ids: [], rejected: [], already: [] };
  for (const file of incoming.files) {
    const name = file.fileName;
    const kind = file.kind;
    if (file.size !== undefined && file.size > deps.maxFileBytes) {
      outcome.rejected.push({ name, kind, reason: "too_big", limitBytes: deps.maxFileBytes });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await deps.messenger.download(incoming.channel, file, deps.maxFileBytes);
    } catch (error) {
      if (error instanceof FileTooLargeError) {
        outcome.rejected.push({ name, kind, reason: "too_big", limitBytes: error.limitBytes });
        continue;
      }
      deps.logger.warn({ err: error, chatId: incoming.chatId }, "file download failed");
      outcome.rejected.push({ name, kind, reason: "download_failed" });
      continue;
    }
    const sniffed = sniffFile(bytes, file.fileName);
    const allowed = ALLOWED[file.kind];
    if (!sniffed || !allowed.has(sniffed.kind)) {
      outcome.rejected.push({ name, kind, reason: "bad_type" });
      continue;
    }
    const exif = sniffed.kind === "jpeg" ? exifCaptureTime(bytes) : undefined;
    const { recorded } = await deps.files.put(bytes, async ({ sha256 }) => {
      // The same photo sent again (to this report or another of the unit's) is named, never counted twice.
      const earlier =
        unitId === undefined
          ? null
          : await deps.repos.attachments.findOnUnitReports(unitId, sha256, {
              channel: incoming.channel,
              chatId: incoming.chatId,
              messageId: incoming.messageId,
            });
      if (earlier) return { earlierAssignmentId: earlier.assignmentId };
      return deps.repos.attachments.add({
        reportId,
        sha256,
        size: bytes.length,
        mime: sniffed.mime,
        kind: isPhoto(file, sniffed.kind) ? "photo" : "document",
        fileName: safeName(file, sniffed.kind),
        capturedAt: (exif && captureInstant(exif, deps.timezone)) ?? null,
        createdAt: deps.clock.now(),
        sourceChannel: incoming.channel,
        sourceChatId: incoming.chatId,
        sourceMessageId: incoming.messageId,
      });
    });
    if ("earlierAssignmentId" in recorded!) {
      const assignment = await deps.repos.assignments.findView(recorded.earlierAssignmentId);
      if (assignment) outcome.already.push({ name, kind, assignment });
      else outcome.duplicates++;
    } else if (recorded!.duplicate) outcome.duplicates++;
    else {
      outcome.stored++;
      outcome.ids.push(recorded!.attachment.id);
    }
  }
  return outcome;
}

/** A video may also arrive as a document (sent "as file"). */
const ALLOWED: Record<IncomingFile["kind"], ReadonlySet<FileKind>> = {
  photo: PHOTO_KINDS,
  document: new Set([...DOCUMENT_KINDS, ...VIDEO_KINDS]),
  video: VIDEO_KINDS,
};

const isPhoto = (file: IncomingFile, kind: string) =>
  file.kind === "photo" ||
  (PHOTO_KINDS.has(kind as never) && file.kind === "document" && /^image\//.test(file.mime ?? ""));

/** A display name only: files are stored by hash, never under this name. */
function safeName(file: IncomingFile, kind: string): string {
  const name = truncate((file.fileName ?? "").normalize("NFC").replace(/[\p{Cc}/\\]/gu, "_"), 120);
  return name || `${{ photo: "anh", document: "tep", video: "video" }[file.kind]}.${kind === "jpeg" ? "jpg" : kind}`;
}

/** Figures the text gives for indicators of another task of the plan, grouped by that task. */
export interface FiguresElsewhere {
  task: { id: number; title: string };
  values: FigureOutside[];
}

/** A figure for an indicator the task does not ask for. */
export interface FigureOutside {
  code: string;
  label: string;
  measure: string;
  value: number;
}

/** Figures a report gives that are not its period's own, labelled, with why. */
export interface NotOfPeriodFigures extends Pick<PeriodFigures, "reason" | "months"> {
  figures: FigureOutside[];
}

const figureOf = (def: IndicatorDef, value: number): FigureOutside => ({
  code: def.code,
  label: def.label,
  measure: def.measure ?? "",
  value,
});

/** A report's reading for its assignment's period: the text read, what it gave, and its split. */
interface PeriodReading {
  text: string;
  parsed: ParsedReport;
  split: PeriodFigures;
}

/** The message read for the assignment's period: the months of a quarter listed one by one are its parts ({@link headedWithPeriod}). */
function readOfPeriod(reading: MessageReading, text: string, assignment: AssignmentView): ParsedReport {
  const parsed = reading.read(text, assignment.task.indicators);
  const headed = headedWithPeriod(text, assignment.occurrence.periodKey);
  if (!headed) return parsed;
  const whole = reading.read(headed, assignment.task.indicators);
  // the heading is the bot's: a fragment shown to the officer must be their own words
  return whole.unclear.every((u) => text.includes(u)) ? { ...whole, reportMonths: undefined } : parsed;
}

/**
 * Reads a report for the assignment's period. A longer span's report that has a part naming the
 * period ("cả năm 2026: 40 tin bài (riêng Quý IV: 12 tin bài)") is read for that part; the span's own
 * figures are named, never recorded.
 */
function readForPeriod(reading: MessageReading, text: string, assignment: AssignmentView): PeriodReading {
  const { periodKey } = assignment.occurrence;
  const parsed = readOfPeriod(reading, text, assignment);
  const months = periodSpan(periodKey)?.months;
  const part = months && (parsed.reportMonths ?? 0) > months ? ownPeriodPart(text, periodKey) : null;
  const own = part ? reading.read(part, assignment.task.indicators) : null;
  if (!part || !own || !Object.keys(own.values).length)
    return { text, parsed, split: figuresOfPeriod(parsed, periodKey) };
  const ownParsed = { ...own, references: parsed.references, reportMonths: undefined };
  // The span's figures, less those the part itself gave (read twice when the part is no bracket).
  const notOfPeriod = Object.fromEntries(Object.entries(parsed.values).filter(([code, v]) => own.values[code] !== v));
  const split = {
    ...figuresOfPeriod(ownParsed, periodKey),
    notOfPeriod,
    reason: "longer" as const,
    months: parsed.reportMonths,
  };
  return { text: part, parsed: ownParsed, split };
}

/** The labelled figures of `split.notOfPeriod`, in the task's indicator order. */
function notOfPeriodFigures(split: PeriodFigures, indicators: TaskRecord["indicators"]): NotOfPeriodFigures {
  const figures = indicators
    .filter((i) => i.code in split.notOfPeriod)
    .map((i) => figureOf(i, split.notOfPeriod[i.code]!));
  return {
    figures,
    ...(split.reason ? { reason: split.reason } : {}),
    ...(split.months ? { months: split.months } : {}),
  };
}

export interface SubmitResult {
  report: ReportRecord;
  assignment: AssignmentView;
  parsed: ParsedReport;
  /** Figures that belong to other tasks (not recorded on this one). */
  elsewhere: FiguresElsewhere[];
  /** Figures for common indicators no task of the plan asks for (not recorded). */
  outside: FigureOutside[];
  /** Running totals or a longer span's figures (not recorded as the period's). */
  notOfPeriod: NotOfPeriodFigures;
  /** Fragments no indicator of the plan explains (shown as unclear). */
  unclear: string[];
  /** False when the message revised an earlier report of the same assignment. */
  created: boolean;
  /**
   * No revision was written: the message restated the report's figures and references ("restated"),
   * or gave none to a task that records figures ("nothing_new": "xã có 12 thôn, 3.450 hộ").
   */
  unchanged: false | "restated" | "nothing_new";
  /** The place of the unit the message reported for alone ("Thôn Đông"): its figures add to the report's. */
  place?: string;
  /** Figures said as more ("thêm 1 hội nghị") added to what the report had: the code, the earlier figure and the one added. */
  added: { code: string; before: number; more: number }[];
  /**
   * Indicators reported month by month ("tháng 10: 3 tin bài", then "tháng 11: 4"): each month's figure,
   * summed, after the whole period's figure sent before those months (`earlier`), if any.
   */
  byMonth: { code: string; earlier?: number; months: [month: number, value: number][] }[];
  late: boolean;
  files: FileOutcome;
  photoCount: number;
  documentCount: number;
}

/**
 * Records a report for an assignment: parses the text with the task's indicators, marks the
 * assignment submitted (or late), attaches the message's files and any files sent just before.
 * A second report for the same assignment becomes a revision: new values replace the same
 * indicators, others stay. `fileIds` are files kept while the bot asked which task (they join
 * whenever the answer comes); files sent alone in the last ten minutes join too. `report` is the
 * assignment's report when the caller has just read it under the unit's lock (not read again).
 * `replaces` is the earlier text of an edited message that wrote the report's current revision:
 * its figures and references give way to the edited text's (one it no longer gives is dropped).
 * @example await submitReport(deps, { assignment, incoming, text: "đã treo 12 pa nô", authorName: "Lan" })
 */
export async function submitReport(
  deps: ReportDeps,
  input: {
    assignment: AssignmentView;
    report?: ReportRecord;
    incoming: Incoming;
    text: string;
    authorName: string;
    fileIds?: number[];
    replaces?: string;
  },
): Promise<SubmitResult> {
  const { repos } = deps;
  const now = deps.clock.now();
  const { assignment, incoming } = input;
  const text = input.text.normalize("NFC");
  // The parses made while finding the task are reused (the same task's indicators are not read again).
  const reading = readingOf(incoming, deps.parse);
  // Running totals and a longer span's figures are told to the officer, never recorded as the period's.
  const { parsed, split: ofPeriod, text: ownText } = readForPeriod(reading, text, assignment);
  const late = now.getTime() > assignment.dueAt.getTime();
  const source = messageSource(incoming);
  const found =
    input.report?.assignmentId === assignment.id ? input.report : await repos.reports.findForAssignment(assignment.id);
  // This very message created it before a crash: handled again, it is the same new report.
  const createdByThis =
    found?.revision === 1 &&
    messageSource({
      channel: found.authorChannel as Incoming["channel"],
      chatId: found.sourceChatId,
      messageId: found.sourceMessageId,
    }) === source;
  const existing = createdByThis ? null : found;
  let report: ReportRecord;
  let summed: Pick<SubmitResult, "added" | "byMonth"> = NOTHING_SUMMED;
  let unchanged: SubmitResult["unchanged"] = false;
  const place = input.replaces === undefined ? placeOfPart(text, assignment.unit.name) : null;
  if (createdByThis) {
    report = found;
  } else if (existing) {
    const base =
      input.replaces === undefined ? existing : withoutWhatTextGave(existing, reading, input.replaces, assignment);
    // a rewritten text (an edit, a split message's next part) restates its figures: nothing summed
    const revised =
      input.replaces !== undefined
        ? { values: { ...base.values, ...ofPeriod.values }, ...NOTHING_SUMMED }
        : place !== null
          ? await withPlacePart(deps, existing, assignment, reading, place, ofPeriod.values)
          : await revisedValues(deps, existing, assignment, reading, {
              text,
              parsed,
              values: ofPeriod.values,
              at: now,
            });
    summed = revised;
    const references = mergeReferences(base.references, parsed.references);
    // The same figures sent again (the officer thought the first lost), or none: no new revision to show leaders.
    const gives = Object.keys(ofPeriod.values).length > 0 || parsed.references.length > 0;
    unchanged =
      input.replaces === undefined &&
      !incoming.files.length &&
      !input.fileIds?.length &&
      (gives || assignment.task.indicators.length > 0) &&
      references.length === existing.references.length &&
      sameFigures(existing.values, revised.values) &&
      (gives ? "restated" : "nothing_new");
    report = unchanged
      ? existing
      : await repos.reports.revise(existing.id, {
          text,
          values: revised.values,
          references,
          unclear: parsed.unclear,
          authorName: input.authorName,
          at: now,
          source,
        });
  } else {
    // The assignment is marked in the same transaction as the report.
    const mark =
      assignment.status === "open" ? { status: late ? ("late" as const) : ("submitted" as const), at: now } : undefined;
    report = await repos.reports.create(
      {
        assignmentId: assignment.id,
        unitId: assignment.unitId,
        authorChannel: incoming.channel,
        authorUserId: incoming.userId,
        authorName: input.authorName,
        text,
        values: ofPeriod.values,
        references: parsed.references,
        unclear: parsed.unclear,
        late,
        sourceChatId: incoming.chatId,
        sourceMessageId: incoming.messageId,
        mediaGroupId: incoming.mediaGroupId ?? null,
        createdAt: now,
        source,
      },
      mark,
    );
  }
  // One read: the files sent just before (to attach) and those the report has (for the counts).
  const near = await repos.attachments.listForReportAndPending(
    report.id,
    incoming.channel,
    incoming.chatId,
    new Date(now.getTime() - ATTACH_WINDOW_MS),
  );
  // Plain loops: the spreads over these arrays (empty or not, from a question or the database) made
  // V8 drop and recompile this whole function whenever a new kind of array came by.
  const pending = new Set<number>(input.fileIds);
  for (let i = 0; i < near.length; i++) if (near[i].reportId === null) pending.add(near[i].id);
  const pendingIds = Array.from(pending);
  if (pendingIds.length) await repos.attachments.assign(pendingIds, report.id);
  const files = await storeFiles(deps, incoming, report.id, assignment.unitId);
  // Kept files, new files or duplicates change what the report holds: counted again.
  const counts = pendingIds.length || incoming.files.length ? await countFiles(repos, report.id) : tally(near);
  const { elsewhere, outside, unclear } = await figuresElsewhere(repos, assignment, ownText, parsed, reading.read);
  return {
    report,
    assignment,
    parsed,
    notOfPeriod: notOfPeriodFigures(ofPeriod, assignment.task.indicators),
    elsewhere,
    outside,
    unclear,
    created: !existing,
    unchanged,
    ...(place !== null ? { place } : {}),
    added: summed.added,
    byMonth: summed.byMonth,
    late: existing ? existing.late : late,
    files,
    ...counts,
  };
}

/** What a message gives that its task does not record, when that is all it gives. */
export interface WithheldFigures {
  notOfPeriod: NotOfPeriodFigures;
  elsewhere: FiguresElsewhere[];
  outside: FigureOutside[];
}

/**
 * A message whose only figures are ones its task does not record (running totals or a longer span's,
 * another task's, indicators no task asks for), with no document, no file and no figure in doubt:
 * nothing is recorded, since an empty report would show the unit as having reported. Null when the
 * report goes on (a task without indicators takes any text).
 * @example await withheldFigures(deps, { assignment, incoming, text: "lũy kế 170 lượt", hasFiles: false }) // { notOfPeriod: { figures: [phat_thanh 170], reason: "running" }, … }
 */
export async function withheldFigures(
  deps: ReportDeps,
  input: { assignment: AssignmentView; incoming: Incoming; text: string; hasFiles: boolean },
): Promise<WithheldFigures | null> {
  const { assignment } = input;
  if (!assignment.task.indicators.length || input.hasFiles) return null;
  const reading = readingOf(input.incoming, deps.parse);
  const { parsed, split, text } = readForPeriod(reading, input.text, assignment);
  if (parsed.references.length || parsed.conflicts.length || Object.keys(split.values).length) return null;
  const notOfPeriod = notOfPeriodFigures(split, assignment.task.indicators);
  const { elsewhere, outside } = await figuresElsewhere(deps.repos, assignment, text, parsed, reading.read);
  return notOfPeriod.figures.length || elsewhere.length || outside.length ? { notOfPeriod, elsewhere, outside } : null;
}

/**
 * Reads the text against every indicator of the plan (all active tasks for a task without plan)
 * when the chosen task could not place all of it: figures for another task's indicators are named
 * with that task (the unit's open one first) instead of being listed as unclear.
 * @example await figuresElsewhere(repos, quarterly, "treo 3 pa nô", parsed) // { elsewhere: [{ task: { id: 5, … }, values: [{ code: "pano", value: 3, … }] }], unclear: [] }
 */
export async function figuresElsewhere(
  repos: Repositories,
  assignment: AssignmentView,
  text: string,
  parsed: ParsedReport & Partial<Pick<ReadReport, "outside">>,
  parse: ReportParser = parseReport,
): Promise<{ elsewhere: FiguresElsewhere[]; outside: FigureOutside[]; unclear: string[] }> {
  const none = { elsewhere: [], outside: [], unclear: parsed.unclear };
  if (!parsed.unclear.length && !hasOutsideFigures(parsed) && Object.keys(parsed.values).length) return none;
  const own = new Set(assignment.task.indicators.map((i) => i.code));
  const planTasks = (await repos.tasks.listActive()).filter(
    (t) => t.id !== assignment.task.id && (assignment.task.planId === null || t.planId === assignment.task.planId),
  );
  const others = new Map<string, TaskRecord["indicators"][number]>();
  for (const t of planTasks)
    for (const i of t.indicators) if (!own.has(i.code) && !others.has(i.code)) others.set(i.code, i);
  // Indicators officers commonly report that no task of the plan asks for: said so, not "unclear".
  const unasked = new Map(
    commonIndicatorsLacking([...assignment.task.indicators, ...others.values()]).map((i) => [i.code, i]),
  );
  const all = parse(text, [...assignment.task.indicators, ...others.values(), ...unasked.values()]);
  const foreign = Object.entries(all.values).filter(([code]) => others.has(code));
  const named = { ...Object.fromEntries(all.conflicts.map((c) => [c.code, laterOf(c)])), ...all.values };
  const outside = Object.entries(named).flatMap(([code, value]) => {
    const def = unasked.get(code);
    return def ? [figureOf(def, value)] : [];
  });
  if (!foreign.length && !outside.length) return none;
  const openTaskIds = new Set((await repos.assignments.listOpenForUnit(assignment.unitId)).map((a) => a.task.id));
  const owners = [...planTasks].sort(
    (a, b) => Number(openTaskIds.has(b.id)) - Number(openTaskIds.has(a.id)) || a.id - b.id,
  );
  const byTask = new Map<number, FiguresElsewhere>();
  for (const [code, value] of foreign) {
    const owner = owners.find((t) => t.indicators.some((i) => i.code === code))!;
    const def = others.get(code)!;
    const group = byTask.get(owner.id) ?? { task: { id: owner.id, title: owner.title }, values: [] };
    group.values.push(figureOf(def, value));
    byTask.set(owner.id, group);
  }
  const stillUnclear = new Set(all.unclear);
  return { elsewhere: [...byTask.values()], outside, unclear: parsed.unclear.filter((u) => stillUnclear.has(u)) };
}

/** Photos and documents on a report. */
export async function countFiles(
  repos: Repositories,
  reportId: number,
): Promise<{ photoCount: number; documentCount: number }> {
  return tally(await repos.attachments.listForReports([reportId]));
}

/** Photos and documents among attachments (pending ones are not counted). */
function tally(attachments: AttachmentRecord[]): { photoCount: number; documentCount: number } {
  let photoCount = 0;
  let documentCount = 0;
  for (let i = 0; i < attachments.length; i++) {
    const a = attachments[i];
    if (a.reportId === null) continue;
    if (a.kind === "photo") photoCount++;
    else documentCount++;
  }
  return { photoCount, documentCount };
}

const NOTHING_SUMMED: Pick<SubmitResult, "added" | "byMonth"> = { added: [], byMonth: [] };

/** A message revising a report: its text, its reading, its figures of the report's period and when it came. */
interface RevisingMessage {
  text: string;
  parsed: ParsedReport;
  values: Record<string, number>;
  at: Date;
}

/**
 * A revision's figures: the message's over the report's, except "tháng 11: 4 tin bài" after "tháng 10:
 * 3 tin bài" (the months summed) and "bổ sung thêm 1 hội nghị" (added to the figure reported).
 */
async function revisedValues(
  deps: Pick<ReportDeps, "repos" | "timezone">,
  report: ReportRecord,
  assignment: AssignmentView,
  reading: MessageReading,
  message: RevisingMessage,
): Promise<Pick<SubmitResult, "added" | "byMonth"> & { values: Record<string, number> }> {
  const values = { ...report.values, ...message.values };
  const months = await monthsOfReport(deps, report, assignment, reading, message);
  const byMonth = [...months].map(([code, { earlier, months: m }]) => ({
    code,
    ...(earlier === undefined ? {} : { earlier }),
    months: [...m].sort(([a], [b]) => a - b),
  }));
  for (const { code, earlier, months: m } of byMonth) values[code] = m.reduce((sum, [, v]) => sum + v, earlier ?? 0);
  const more = message.parsed.additions?.filter((code) => !months.has(code));
  const added = addedFigures(report.values, message.values, more);
  for (const a of added) values[a.code] = a.before + a.more;
  return { values, added, byMonth };
}

/**
 * The report's figures month by month with this message's, when it reports one month of the period:
 * for the indicators it gives that were given month by month in two months or more, or in months
 * after a whole-period figure sent earlier in the period.
 */
async function monthsOfReport(
  { repos, timezone }: Pick<ReportDeps, "repos" | "timezone">,
  report: ReportRecord,
  assignment: AssignmentView,
  reading: MessageReading,
  message: RevisingMessage,
): Promise<Map<string, MonthParts>> {
  const key = assignment.occurrence.periodKey;
  const month = monthOfPeriod(message.text, message.parsed, key);
  if (month === null) return new Map();
  const sentIn = (at: Date) => monthSentIn(localDateOf(at, timezone), key);
  const messages: MonthMessage[] = (await repos.reports.revisions(report.id)).map((r) => {
    const parsed = readOfPeriod(reading, r.text, assignment);
    const values = figuresOfPeriod(parsed, key).values;
    const additions = parsed.additions ?? [];
    return { month: monthOfPeriod(r.text, parsed, key), values, additions, sentIn: sentIn(r.createdAt) };
  });
  messages.push({
    month,
    values: message.values,
    additions: message.parsed.additions ?? [],
    sentIn: sentIn(message.at),
  });
  const out = monthFigures(messages);
  // one month alone is the usual rule's (a later figure replaces); a whole figure before it makes two parts
  for (const [code, parts] of out)
    if (!(code in message.values) || parts.months.size + (parts.earlier === undefined ? 0 : 1) < 2) out.delete(code);
  return out;
}

/** The figures said as more (`additions`) of indicators the report already has: those add up. */
function addedFigures(
  before: Record<string, number>,
  values: Record<string, number>,
  additions: readonly string[] = [],
): SubmitResult["added"] {
  return additions
    .filter((code) => code in values && before[code] !== undefined)
    .map((code) => ({ code, before: before[code]!, more: values[code]! }));
}

/** A report's figures and references less those `text` gave it (the text an edit replaces). */
function withoutWhatTextGave(
  report: ReportRecord,
  reading: MessageReading,
  text: string,
  assignment: AssignmentView,
): Pick<ReportRecord, "values" | "references"> {
  const { parsed, split } = readForPeriod(reading, text.normalize("NFC"), assignment);
  const values = Object.fromEntries(Object.entries(report.values).filter(([code]) => !(code in split.values)));
  const cited = new Set(parsed.references.map((r) => r.number));
  return { values, references: report.references.filter((r) => !cited.has(r.number)) };
}

/**
 * A place's figures on the unit's report: added to it ("Băng rôn 6 + 1 = 7"), or, when the same place
 * sent figures before (a correction, the same message forwarded again), in place of those.
 */
async function withPlacePart(
  deps: Pick<ReportDeps, "repos">,
  report: ReportRecord,
  assignment: AssignmentView,
  reading: MessageReading,
  place: string,
  values: Record<string, number>,
): Promise<Pick<SubmitResult, "added" | "byMonth"> & { values: Record<string, number> }> {
  const key = searchKey(place);
  const unit = assignment.unit.name;
  const earlier = (await deps.repos.reports.revisions(report.id))
    .reverse()
    .find((r) => searchKey(placeOfPart(r.text, unit) ?? "") === key);
  const sent = earlier
    ? figuresOfPeriod(readOfPeriod(reading, earlier.text, assignment), assignment.occurrence.periodKey).values
    : {};
  const out = { ...report.values };
  const added: SubmitResult["added"] = [];
  for (const [code, more] of Object.entries(values)) {
    const before = (report.values[code] ?? 0) - (sent[code] ?? 0);
    out[code] = before + more;
    if (before) added.push({ code, before, more });
  }
  return { values: out, added, byMonth: [] };
}

function sameFigures(a: Record<string, number>, b: Record<string, number>): boolean {
  const codes = Object.keys(a);
  return codes.length === Object.keys(b).length && codes.every((code) => b[code] === a[code]);
}

function mergeReferences<R extends { number: string; date?: string }>(a: R[], b: R[]): R[] {
  const seen = new Set(a.map((r) => r.number));
  return [...a, ...b.filter((r) => !seen.has(r.number))];
}

/**
 * Files sent without a report: they join the sender's report from the last ten minutes in this
 * chat, or wait (pending) for the report that follows or the officer's choice. Content already on
 * one of the unit's reports is named, not stored again.
 */
export async function attachLooseFiles(
  deps: ReportDeps,
  incoming: Incoming,
  unitId: number,
): Promise<{ report: ReportRecord | null; files: FileOutcome; photoCount: number; documentCount: number }> {
  const since = new Date(deps.clock.now().getTime() - ATTACH_WINDOW_MS);
  const report = await deps.repos.reports.latestInChat(incoming.channel, incoming.chatId, incoming.userId, since);
  const files = await storeFiles(deps, incoming, report?.id ?? null, unitId);
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
  input: { unitId: number; text: string; authorName: string; source?: string },
): Promise<
  | { ok: true; report: ReportRecord; assignment: AssignmentView; parsed: ParsedReport }
  | { ok: false; error: "no_report" }
> {
  const latest = await deps.repos.reports.latestForUnit(input.unitId);
  if (!latest) return { ok: false, error: "no_report" };
  const assignment = (await deps.repos.assignments.findView(latest.assignmentId))!;
  const text = input.text.normalize("NFC");
  const parsed = readWithVocabulary(deps.parse ?? parseReport, text, assignment.task.indicators);
  const hasValues = Object.keys(parsed.values).length > 0;
  const report = await deps.repos.reports.revise(latest.id, {
    text: hasValues ? latest.text : text,
    values: { ...latest.values, ...parsed.values },
    references: mergeReferences(latest.references, parsed.references),
    unclear: hasValues ? latest.unclear : parsed.unclear,
    authorName: input.authorName,
    at: deps.clock.now(),
    source: input.source,
  });
  return { ok: true, report, assignment, parsed };
}
