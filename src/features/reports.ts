import { normaliseCode, splitArgs } from "../core/args.js";
import { formatDmy, localDateOf } from "../core/calendar/time.js";
import { Composer, type Context } from "../core/composer.js";
import { exampleFigures, formatDateTime, formatDeadline } from "../core/format.js";
import { createKeyedLock } from "../core/keyed-lock.js";
import { SAMPLE_INDICATORS } from "../core/plans/sample-indicators.js";
import { type AssignmentView, messageSource, type ReportRecord, type UnitRecord } from "../core/ports.js";
import { classifyMessage, isQuestion } from "../core/reports/message-kind.js";
import {
  askWhichTask,
  closeQuestion,
  keepFilesForNextReport,
  keepFilesForQuestion,
  openQuestion,
  QUESTION_MINUTES,
  type WhichTaskQuestion,
} from "../core/reports/pending-question.js";
import { exampleReport } from "../core/reports/report-example.js";
import {
  ATTACH_WINDOW_MS,
  attachLooseFiles,
  confirmChoices,
  countFiles,
  type FileOutcome,
  type ReportDeps,
  readingOf,
  resolveAssignment,
  reviseLatest,
  type SubmitResult,
  submitReport,
  type WithheldFigures,
  withheldFigures,
} from "../core/reports/reports.js";
import { continuesSplitText, type SentText, SPLIT_PART_MIN_CHARS } from "../core/reports/split-parts.js";
import { searchKey } from "../core/reports/text-key.js";
import { truncate } from "../core/text-limits.js";
import type { Incoming, IndicatorDef } from "../core/types.js";
import { historyAccess, reportAccess, type UnitAccess } from "../core/units/access.js";
import type { Feature, FeatureDeps } from "./deps.js";
import { namedPeriodText } from "./named-period-text.js";
import { reportFileText } from "./report-file-text.js";
import { describeChoice, exampleAdminTask, exampleArgs, exampleForUnit } from "./tasks.js";
import { joinOverlapping } from "./unclear-text.js";

/** Album photos arrive as separate messages: one summary after the last of them. */
const FILE_SUMMARY_DELAY_MS = 1_200;
const HISTORY_LIMIT = 10;
/** Reports offered when files arrive alone, and tasks offered when asking whether a message is a report. */
const RECENT_REPORTS = 3;
const MAX_CONFIRM_CHOICES = 5;
/** Senders whose last long text is kept (a split message's parts follow within a minute). */
const MAX_LONG_TEXTS = 1_000;
const TITLE_CHARS = 90;
/** Answers to a waiting question, on search keys ("có" → "co"). */
export const YES = /^(?:co|dung|phai|vang|da|ok|oke|u|uh|yes|1)(?:\s+(?:a|ah|co|phai|dung|roi|nhe|nha))*[.!\s]*$/;
export const NO = /^(?:khong|ko|k|no|khong phai|bo qua|thoi)(?:\s+(?:a|ah|phai|nhe|nha))*[.!\s]*$/;

const UNIT_LOCKS = new WeakMap<object, ReturnType<typeof createKeyedLock>>();

/** One lock per unit for every feature of one app that writes its reports (keyed by the app's deps). */
export function unitLockOf(deps: object): ReturnType<typeof createKeyedLock> {
  let lock = UNIT_LOCKS.get(deps);
  if (!lock) UNIT_LOCKS.set(deps, (lock = createKeyedLock()));
  return lock;
}

/**
 * Figures as Vietnamese write them ("1.500", "12,5"). Whole numbers (nearly every figure) are
 * grouped here: Intl's format cost a few microseconds per figure, several figures per reply.
 */
export function formatNumber(value: number): string {
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) return VI_NUMBER.format(value);
  const digits = String(Math.abs(value));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `.${digits.slice(i, i + 3)}`;
  return value < 0 ? `-${out}` : out;
}
const VI_NUMBER = new Intl.NumberFormat("vi-VN");

/**
 * The open tasks' indicators as one list, the same array while the tasks are the same (cached)
 * objects: the parser then finds its compiled indicators by the array, without keying them by content.
 */
function createIndicatorList(): (open: AssignmentView[]) => readonly IndicatorDef[] {
  let sources: readonly (readonly IndicatorDef[])[] = [];
  let list: readonly IndicatorDef[] = [];
  return (open) => {
    if (open.length === 1) return open[0].task.indicators;
    if (open.length !== sources.length || open.some((a, i) => a.task.indicators !== sources[i])) {
      sources = open.map((a) => a.task.indicators);
      list = sources.flat();
    }
    return list;
  };
}

/** Whether the message carries a document (photos of an album need no reading of stored files). */
const sentDocument = (incoming: Incoming): boolean => incoming.files.some((f) => f.kind === "document");

/** The parser the deps name (a test's counting one), else the report parser itself. */
const parserOf = (deps: ReportDeps) => deps.parse;

/** "• Pa nô: 5 cái", one line per value, in the order given. */
export function valueLines(
  values: Record<string, number>,
  indicators: IndicatorDef[],
  t: Context["t"],
  key = "reports:value_line",
): string[] {
  return Object.entries(values).map(([code, value]) => {
    const def = indicators.find((i) => i.code === code);
    return t(key, {
      label: def?.label ?? code,
      value: formatNumber(value),
      measure: def?.measure ?? "",
    }).trimEnd();
  });
}

/** How a /sua example names an indicator ("pa nô"). */
const fixName = (def: IndicatorDef): string => def.synonyms[0] ?? def.label.toLowerCase();

/** The label of an indicator, and how /sua names it, for the lines that say how to undo a sum. */
function named(indicators: IndicatorDef[], code: string): { label: string; fix: string } {
  const def = indicators.find((i) => i.code === code);
  return { label: def?.label ?? code, fix: def ? fixName(def) : code };
}

/** "Hội nghị, tập huấn 2 + 1 = 3": what a follow-up said as more, added up, with the /sua to undo it. */
function addedLine({ added, place }: SubmitResult, indicators: IndicatorDef[], t: Context["t"]): string {
  const list = added.map(
    (a) =>
      `${named(indicators, a.code).label} ${formatNumber(a.before)} + ${formatNumber(a.more)} = ${formatNumber(a.before + a.more)}`,
  );
  const [first] = added;
  // a place's figures already counted in the unit's: the undo sets the figure back to what it was
  return place
    ? t("reports:added_place", {
        place,
        list: list.join("; "),
        example: `${named(indicators, first.code).fix} ${first.before}`,
      })
    : t("reports:added", { list: list.join("; "), example: `${named(indicators, first.code).fix} ${first.more}` });
}

/**
 * "Tin bài 3 (tháng 10) + 4 (tháng 11) = 7", "Pa nô 10 (số đã báo cáo trước) + 2 (tháng 12) = 12": a
 * period reported month by month, summed, with the /sua to undo it.
 */
function byMonthLine(result: SubmitResult, indicators: IndicatorDef[], t: Context["t"]): string {
  const list = result.byMonth.map(({ code, earlier, months }) => {
    const parts = months.map(([month, v]) => `${formatNumber(v)} (${t("reports:month_part", { month })})`);
    if (earlier !== undefined) parts.unshift(`${formatNumber(earlier)} (${t("reports:earlier_part")})`);
    return `${named(indicators, code).label} ${parts.join(" + ")} = ${formatNumber(result.report.values[code] ?? 0)}`;
  });
  // the example sets the indicator to the figure just sent, as if it were the whole period's
  const { code } = result.byMonth[0]!;
  return t("reports:by_month", {
    list: list.join("; "),
    example: `${named(indicators, code).fix} ${result.parsed.values[code] ?? 0}`,
  });
}

const periodOf = (a: AssignmentView) => (a.occurrence.label ? ` (${a.occurrence.label})` : "");

/** Files refused, and files already on one of the unit's reports (named with that report). */
function fileProblems(files: FileOutcome, t: Context["t"]): string[] {
  if (!files.rejected.length && !files.already.length) return [];
  return [
    ...files.rejected.map((r) =>
      // A photo without a name gets its own wording ("Tệp ảnh không phải ảnh" reads badly).
      t(`reports:file_${r.reason}`, {
        name: r.name ?? t(`reports:${r.kind}_word`),
        max: Math.round((r.limitBytes ?? 0) / 104857.6) / 10,
        context: r.name ? undefined : r.kind,
      }),
    ),
    ...files.already.map(({ kind, name, assignment: a }) =>
      t(kind === "photo" ? "reports:file_already_photo" : "reports:file_already_document", {
        name: name ?? t(`reports:${kind}_word`),
        id: a.task.id,
        title: a.task.title,
        period: periodOf(a),
      }),
    ),
  ];
}

/** Deadline texts by language (its `t`), zone and deadline: every report on a task shows the same one. */
const deadlines = new WeakMap<Context["t"], Map<string, string>>();
const MAX_DEADLINES = 1_000;

/** {@link formatDeadline} of the assignment, kept (a date, its weekday and a day off are the costly part of a confirmation). */
function deadlineText(a: AssignmentView, tz: string, t: Context["t"]): string {
  let byKey = deadlines.get(t);
  if (!byKey) deadlines.set(t, (byKey = new Map()));
  const key = `${a.dueAt.getTime()}|${tz}|${a.occurrence.statedDate ?? ""}`;
  let text = byKey.get(key);
  if (text === undefined) {
    text = formatDeadline(a.dueAt, tz, t, a.occurrence.statedDate);
    if (byKey.size >= MAX_DEADLINES) byKey.clear();
    byKey.set(key, text);
  }
  return text;
}

/** The confirmation: unit, task, each value, references, files, on time or late, how to correct. */
export function renderConfirmation(
  result: SubmitResult,
  t: Context["t"],
  deps: Pick<FeatureDeps, "timezone" | "maxFileBytes">,
): string {
  const { assignment: a, parsed, report } = result;
  const period = a.occurrence.label ? ` (${a.occurrence.label})` : "";
  const lines = [
    t(result.created ? "reports:recorded" : `reports:${result.unchanged || "updated"}`, {
      unit: a.unit.name,
      id: a.task.id,
      title: a.task.title,
      period,
      revision: report.revision,
      at: result.unchanged ? formatDateTime(report.updatedAt, deps.timezone) : "",
    }),
  ];
  const values = valueLines(report.values, a.task.indicators, t);
  // Figures in doubt were read: saying none was read would contradict their line below.
  if (values.length || !parsed.conflicts.length)
    lines.push(
      ...(values.length
        ? values
        : [
            a.task.indicators.length
              ? t("reports:no_values", { example: exampleFigures(a.task.indicators) })
              : t("reports:text_only"),
          ]),
    );
  if (result.byMonth.length) lines.push(byMonthLine(result, a.task.indicators, t));
  if (result.added.length) lines.push(addedLine(result, a.task.indicators, t));
  else if (result.place && result.created)
    lines.push(t("reports:place_first", { place: result.place, unit: a.unit.name }));
  for (const c of parsed.conflicts) {
    const label = a.task.indicators.find((i) => i.code === c.code)?.label ?? c.code;
    lines.push(
      t("reports:conflict", {
        label,
        values: c.values.join(t("reports:or")),
        example: `${label.toLowerCase()} ${c.values[c.values.length - 1]}`,
      }),
    );
  }
  if (report.references.length)
    lines.push(
      t("reports:references", {
        list: report.references
          .map((r) => (r.date ? t("reports:reference_dated", { number: r.number, date: formatDmy(r.date) }) : r.number))
          .join("; "),
      }),
    );
  if (result.photoCount || result.documentCount)
    lines.push(t("reports:files", { photos: result.photoCount, documents: result.documentCount }));
  lines.push(...notRecordedLines(result, a, t));
  if (result.unclear.length)
    lines.push(
      t("reports:unclear", {
        list: joinOverlapping(result.unclear)
          .map((u) => `"${u}"`)
          .join(", "),
      }),
    );
  lines.push(...fileProblems(result.files, t));
  const deadline = deadlineText(a, deps.timezone, t);
  lines.push(result.late ? t("reports:late", { deadline }) : t("reports:on_time", { deadline }));
  lines.push(howToFix(a, report, t));
  return lines.join("\n");
}

/** How to correct a report with /sua: the example corrects a figure the task asks for (the first reported one), or its text. */
function howToFix(a: AssignmentView, report: ReportRecord, t: Context["t"]): string {
  const first = a.task.indicators.find((i) => i.code in report.values) ?? a.task.indicators[0];
  return first
    ? t("reports:how_to_fix", { example: `${fixName(first)} 15` })
    : t("reports:how_to_fix_text", { example: exampleReport(a.task, t) });
}

const figureList = (values: readonly { value: number; label: string }[]): string =>
  values.map((v) => `${formatNumber(v.value)} ${v.label.toLowerCase()}`).join(", ");

/**
 * One line per kind of figure read but not recorded for the task: another task's ("• 3 pa nô: nhiệm
 * vụ #5 không có chỉ tiêu này …"), none of the plan's ("… kế hoạch không có chỉ tiêu này nên chưa
 * ghi."), not the period's own ("• 170 lượt phát thanh: số lũy kế, không phải số liệu riêng của Quý IV/2026, nên chưa ghi.").
 */
function notRecordedLines(held: WithheldFigures, a: AssignmentView, t: Context["t"]): string[] {
  const lines = held.elsewhere.map((other) =>
    t("reports:figures_elsewhere", {
      figures: figureList(other.values),
      id: a.task.id,
      other: other.task.id,
      title: other.task.title,
    }),
  );
  if (held.outside.length) lines.push(t("reports:figures_outside", { figures: figureList(held.outside) }));
  const { figures, reason, months } = held.notOfPeriod;
  if (figures.length) {
    const what =
      reason === "running"
        ? t("reports:span_running")
        : months === 12
          ? t("reports:span_year")
          : t("reports:span_months", { months });
    lines.push(t("reports:not_of_period", { figures: figureList(figures), what, period: a.occurrence.label }));
  }
  return lines;
}

/** /baocao, replies to reminders, report-like text and photos in unit chats; /sua; /lichsu. */
export const reportsFeature: Feature = (deps) => {
  const composer = new Composer();

  /** What a text of the message is, read with these indicators (the sample plan's when the unit has none open). */
  const kindOf = (incoming: Incoming, text: string, indicators: readonly IndicatorDef[]) =>
    classifyMessage(text, indicators.length ? indicators : SAMPLE_INDICATORS, readingOf(incoming, parserOf(deps)).read);

  /** One summary for an album or a burst of files, after the last one arrives (an outbox row each file postpones). */
  function summariseLater(ctx: Context, text: () => string): Promise<void> {
    return ctx.replyLater(text(), { key: "files", delayMs: FILE_SUMMARY_DELAY_MS });
  }
  // One unit may report from its group and its officers' private chats at the same moment.
  const unitLock = unitLockOf(deps);
  const indicatorsOf = createIndicatorList();

  /** The unit this sender may report for here, or a reply explaining why not. */
  async function reportingUnit(ctx: Context) {
    if (!ctx.unit) {
      await ctx.reply(ctx.t("tasks:no_unit"));
      return null;
    }
    if (!(await refuseAccess(ctx, ctx.unit, reportAccess(ctx.person, ctx.unit)))) return null;
    return ctx.unit;
  }

  /** True when access is "ok"; otherwise replies with the reason and returns false. */
  async function refuseAccess(ctx: Context, unit: UnitRecord, access: UnitAccess): Promise<boolean> {
    if (access === "ok") return true;
    if (access === "other_unit") {
      const own = await deps.repos.units.findById(ctx.person.unitId!);
      await ctx.reply(ctx.t("access:other_unit", { own: own?.name ?? "", unit: unit.name }));
    } else {
      await ctx.reply(ctx.t("access:not_registered", { unit: unit.name }));
    }
    return false;
  }

  /** Files kept while a question waits: the question, or the summary of files added to it, says so. */
  function filesKeptLine(ctx: Context, fileIds: number[], kinds: { photos: number; documents: number }): string {
    return fileIds.length ? ctx.t("reports:files_kept", kinds) : "";
  }

  async function countKept(fileIds: number[], ctx: Context) {
    const pending = (
      await deps.repos.attachments.listPending(ctx.incoming.channel, ctx.incoming.chatId, new Date(0))
    ).filter((a) => fileIds.includes(a.id));
    const photos = pending.filter((a) => a.kind === "photo").length;
    return { photos, documents: pending.length - photos };
  }

  /** The assignment a report goes to (with its report when finding it read that), or the reply that asks or refuses. */
  async function findAssignment(
    ctx: Context,
    unit: UnitRecord,
    text: string,
    known?: AssignmentView[],
  ): Promise<{ assignment: AssignmentView; report?: ReportRecord } | string> {
    const open = known ?? (await deps.repos.assignments.listOpenForUnit(unit.id));
    const reading = readingOf(ctx.incoming, parserOf(deps));
    // The task hint and the references read no indicator: the parse that classified the message gives them.
    const { taskHint, references } = reading.any(text, indicatorsOf(open));
    const resolution = await resolveAssignment(deps.repos, unit.id, ctx.incoming, {
      now: deps.clock.now(),
      timezone: deps.timezone,
      text,
      taskHint,
      open,
      readValues: (t, indicators) => reading.read(t, indicators).values,
      citesDocument: references.length > 0,
    });
    if (resolution.kind === "found") return resolution;
    if (resolution.kind === "other_unit")
      return ctx.t("access:other_unit", { own: unit.name, unit: resolution.assignment.unit.name });
    // A task number with nothing open (often the plan document's own numbering): the open tasks, or the
    // latest report, are offered, and the answer "1" files the text kept, without sending it again.
    const hintNotOpen = resolution.taskHint !== undefined;
    if (resolution.kind === "none" && hintNotOpen && !open.length)
      return [
        ctx.t("reports:no_open_for_task", { unit: unit.name, id: resolution.taskHint }),
        ctx.t("reports:no_open_for_task_none"),
      ].join("\n");
    if (resolution.kind === "none" && !hintNotOpen)
      return resolution.unmatched
        ? ctx.t("reports:no_open_period", { unit: unit.name, period: namedPeriodText(resolution.unmatched, ctx.t) })
        : ctx.t("reports:no_open_task", { unit: unit.name });
    const choices =
      resolution.kind === "ask"
        ? resolution
        : { options: open.slice(0, MAX_CONFIRM_CHOICES), more: Math.max(0, open.length - MAX_CONFIRM_CHOICES) };
    const { files, fileIds } = await askWhichTask(deps, ctx.incoming, {
      text,
      options: choices.options.map((o) => o.id),
    });
    const options = choices.options.map((o, i) => `${i + 1}. ${describeChoice(o, ctx, deps)}`);
    if (choices.more) options.push(ctx.t("reports:which_task_more", { count: choices.more }));
    const lines = [
      resolution.kind === "ask" &&
        resolution.unmatched &&
        ctx.t("reports:unmatched_period", { unit: unit.name, period: namedPeriodText(resolution.unmatched, ctx.t) }),
      hintNotOpen && ctx.t("reports:no_open_for_task", { unit: unit.name, id: resolution.taskHint }),
      ctx.t("reports:which_task"),
      ...options,
      filesKeptLine(ctx, fileIds, await countKept(fileIds, ctx)),
      ...fileProblems(files, ctx.t),
      ctx.t("reports:which_task_hint", { minutes: QUESTION_MINUTES, id: choices.options[0]?.task.id }),
    ];
    return lines.filter(Boolean).join("\n");
  }

  /**
   * `revises`: the message rewrites the text that wrote `report`'s current revision (`replaces`): an
   * edit of that message, or the next part of it when the sender's app split it (`note` says which).
   */
  async function submit(
    ctx: Context,
    text: string,
    target?: AssignmentView | { open: AssignmentView[] },
    revises?: { report: ReportRecord; replaces: string; note: "edit_applied" | "split_joined" },
  ): Promise<void> {
    const unit = await reportingUnit(ctx);
    if (!unit) return;
    // One lock from finding the task to recording the report: the report read while finding it
    // is still the latest when it is revised (the unit may report from two chats at once).
    const reply = await unitLock.run(unit.id, async () => {
      const found =
        target && "id" in target ? { assignment: target } : await findAssignment(ctx, unit, text, target?.open);
      if (typeof found === "string") return { text: found };
      if (!text.trim() && !ctx.incoming.files.length)
        return {
          text: ctx.t("reports:usage", {
            context: ctx.incoming.channel,
            example: exampleArgs(found.assignment.task, ctx),
          }),
        };
      // A report that goes to a task takes the files kept for an unanswered question of this sender.
      const question = await openQuestion(deps.repos, ctx.incoming, deps.clock.now());
      // An edit or a next part always revises: the report it rewrites exists.
      const withheld =
        !revises &&
        (await withheldText(ctx, found.assignment, text, !!(ctx.incoming.files.length || question?.fileIds.length)));
      if (withheld) {
        // the question it answered is settled: nothing waits for it (it kept no files, or this would not be withheld)
        if (question) await closeQuestion(deps.repos, ctx.incoming);
        return { text: withheld, quote: true };
      }
      const result = await submitReport(deps, {
        assignment: found.assignment,
        report: revises?.report ?? found.report,
        incoming: ctx.incoming,
        text,
        authorName: ctx.person.displayName,
        fileIds: question?.fileIds,
        replaces: revises?.replaces,
      });
      if (question) await closeQuestion(deps.repos, ctx.incoming);
      const closedNote = await closedPeriodReported(ctx, result);
      const lines = renderConfirmation(result, ctx.t, deps).split("\n");
      // before the closing "how to correct" line
      if (closedNote) lines.splice(-1, 0, closedNote);
      const confirmation = (revises ? `${ctx.t(`reports:${revises.note}`)}\n` : "") + lines.join("\n");
      // "… 7 tin bài. Mẫu báo cáo mới ở đâu ạ?": the figures are recorded; the question is not left unanswered
      return {
        text: isQuestion(text) ? `${confirmation}\n${ctx.t("reports:question_too")}` : confirmation,
        quote: true,
      };
    });
    await ctx.reply(reply.text, { quote: reply.quote });
  }

  /**
   * A report written to a period the office has closed (a late first report, or a revision): the office
   * compiled that period without it, so its rollup groups are told; the officer's line says so. Null
   * when the period is open or nothing was written.
   */
  async function closedPeriodReported(ctx: Context, result: SubmitResult): Promise<string | null> {
    const { assignment: a, report } = result;
    const closedAt = a.occurrence.closedAt;
    if (!closedAt || result.unchanged) return null;
    const closed = formatDmy(localDateOf(closedAt, deps.timezone));
    const chats = (await deps.repos.chats.listRollupChats()).filter((c) => c.status === "active");
    const t = deps.translations.t(deps.defaultLanguage);
    const notice = [
      t(result.created ? "reports:closed_office_new" : "reports:closed_office_revised", {
        unit: a.unit.name,
        id: a.task.id,
        title: a.task.title,
        period: a.occurrence.label,
        closed,
        revision: report.revision,
      }),
      ...valueLines(report.values, a.task.indicators, t),
      t("reports:closed_office_hint", { period: a.occurrence.label, id: a.task.id }),
    ].join("\n");
    for (const chat of chats)
      await deps.repos.outbox.enqueue({
        dedupeKey: `closed-report:${report.id}:${report.revision}:${chat.channel}:${chat.chatId}`,
        channel: chat.channel,
        chatId: chat.chatId,
        kind: "alert",
        message: { type: "text", text: notice },
        notBefore: deps.clock.now(),
      });
    if (chats.length) deps.onScheduleChange();
    return ctx.t(chats.length ? "reports:closed_told" : "reports:closed_kept", { period: a.occurrence.label, closed });
  }

  /**
   * "Báo cáo cả năm 2026: 40 tin bài" to Quý IV, "ap phich 7" to a task without posters: when the
   * message gives nothing the task records, nothing is recorded and the reply says what the task
   * needs; null when the report goes on.
   */
  async function withheldText(
    ctx: Context,
    a: AssignmentView,
    text: string,
    hasFiles: boolean,
  ): Promise<string | null> {
    const held = await withheldFigures(deps, { assignment: a, incoming: ctx.incoming, text, hasFiles });
    if (!held) return null;
    const period = a.occurrence.label;
    // the example names what the officer wrote about ("/baocao #2 12 tin bài, 3 lượt phát thanh")
    const named = a.task.indicators.filter((i) => held.notOfPeriod.figures.some((f) => f.code === i.code));
    return [
      ctx.t("reports:withheld", { unit: a.unit.name, id: a.task.id, period }),
      ...notRecordedLines(held, a, ctx.t),
      named.length
        ? ctx.t("reports:withheld_hint", { period, id: a.task.id, example: exampleFigures(named) })
        : ctx.t("reports:withheld_indicators", {
            id: a.task.id,
            indicators: a.task.indicators.map((i) => i.label.toLowerCase()).join(", "),
            example: exampleFigures(a.task.indicators),
          }),
    ].join("\n");
  }

  // An edit of the message that wrote a report revises that report with the edited text; an edit of
  // another message goes on as a new one only when it is a report now (it was answered as first written).
  composer.use(async (ctx, next) => {
    const { incoming } = ctx;
    if (!incoming.editedAt || !ctx.unit || (ctx.command && ctx.command.name !== "baocao")) return next();
    const text = ctx.command ? ctx.command.args : incoming.text;
    const written = await deps.repos.reports.findWrittenBy(ctx.unit.id, incoming);
    if (!written) {
      if (ctx.command) return next();
      const open = await deps.repos.assignments.listOpenForUnit(ctx.unit.id);
      return kindOf(incoming, text, indicatorsOf(open)) === "report" ? next() : undefined;
    }
    const assignment = await deps.repos.assignments.findView(written.report.assignmentId);
    if (!assignment) return;
    if (!written.current)
      return ctx.reply(
        [
          ctx.t("reports:edit_superseded", {
            unit: assignment.unit.name,
            id: assignment.task.id,
            period: assignment.occurrence.label,
          }),
          howToFix(assignment, written.report, ctx.t),
        ].join("\n"),
        { quote: true },
      );
    await submit(ctx, text, assignment, {
      report: written.report,
      replaces: written.report.text,
      note: "edit_applied",
    });
  });

  // While a question waits ("which task?", "is this a report?", "which report do these photos go to?"):
  // "2", "#5", "nv5", "có", "không" answer it; files join it; other messages go on.
  composer.use(async (ctx, next) => {
    if (ctx.command || !ctx.unit) return next();
    const question = await openQuestion(deps.repos, ctx.incoming, deps.clock.now());
    if (!question) return next();
    if (!ctx.incoming.text.trim() && ctx.incoming.files.length) {
      if (!(await reportingUnit(ctx))) return;
      const kept = await keepFilesForQuestion(deps, ctx.incoming, ctx.unit.id);
      if (!kept) return next();
      const problems = fileProblems(kept.files, ctx.t);
      if (problems.length) await ctx.reply(problems.join("\n"));
      const counts = await countKept(kept.fileIds, ctx);
      if (kept.question.purpose === "evidence") {
        const text = await whichReportText(ctx, kept.question.options, counts);
        return summariseLater(ctx, () => text);
      }
      return summariseLater(ctx, () => ctx.t("reports:files_kept_waiting", counts));
    }
    const key = searchKey(ctx.incoming.text);
    if (NO.test(key)) {
      await closeQuestion(deps.repos, ctx.incoming);
      if (question.purpose === "update") return ctx.reply(ctx.t("reports:file_update_kept"));
      if (question.purpose !== "evidence") return ctx.reply(ctx.t("reports:question_dropped"));
      return ctx.reply(
        ctx.t("reports:files_pending", {
          ...(await countKept(question.fileIds, ctx)),
          example: await exampleForUnit(deps, ctx),
        }),
      );
    }
    const m = /^\s*(?:(#|nv\s*)?(\d{1,6}))\s*$/i.exec(ctx.incoming.text);
    const yes =
      (question.purpose === "confirm" || question.purpose === "update") &&
      question.options.length === 1 &&
      YES.test(key);
    if (!m && !yes) return next();
    if (question.purpose === "evidence") return attachToChosenReport(ctx, question, Number(m![2]));
    const options = (await Promise.all(question.options.map((id) => deps.repos.assignments.findView(id)))).filter(
      (a): a is AssignmentView => !!a,
    );
    const n = yes ? 1 : Number(m![2]);
    const chosen = m?.[1] ? options.find((o) => o.task.id === n) : options[n - 1];
    if (!chosen) return ctx.reply(ctx.t("reports:pick_invalid", { max: options.length }));
    await submit(ctx, question.text, chosen);
  });

  /** "Which report do these photos go to?": the unit's recent reports, then "a new report". */
  async function whichReportText(
    ctx: Context,
    reportIds: number[],
    counts: { photos: number; documents: number },
  ): Promise<string> {
    const lines = [ctx.t("reports:which_report", { ...counts, minutes: ATTACH_WINDOW_MS / 60_000 })];
    const recent = await deps.repos.reports.listForUnit(ctx.unit!.id, { limit: RECENT_REPORTS });
    for (const [i, id] of reportIds.entries()) {
      const report = recent.find((r) => r.id === id);
      const a = report && (await deps.repos.assignments.findView(report.assignmentId));
      // Titles are cut: the question must stay one message whatever the plan calls its tasks.
      if (a)
        lines.push(
          ctx.t("reports:which_report_line", {
            n: i + 1,
            id: a.task.id,
            title: truncate(a.task.title, TITLE_CHARS),
            period: periodOf(a),
            at: formatDateTime(report.updatedAt, deps.timezone),
          }),
        );
    }
    lines.push(
      ctx.t("reports:which_report_new", { n: reportIds.length + 1, minutes: ATTACH_WINDOW_MS / 60_000 }),
      ctx.t("reports:which_report_hint", { minutes: QUESTION_MINUTES }),
    );
    return lines.join("\n");
  }

  /** The answer to "which report?": the kept files join that report, or wait for a new one. */
  async function attachToChosenReport(ctx: Context, question: WhichTaskQuestion, n: number): Promise<void> {
    if (n < 1 || n > question.options.length + 1)
      return ctx.reply(ctx.t("reports:pick_invalid", { max: question.options.length + 1 }));
    const counts = await countKept(question.fileIds, ctx);
    if (n === question.options.length + 1) {
      // The question stays open without choices: the report this sender sends next takes the files.
      await keepFilesForNextReport(deps.repos, ctx.incoming, deps.clock.now());
      return ctx.reply(
        ctx.t("reports:files_for_next", {
          ...counts,
          minutes: QUESTION_MINUTES,
          example: await exampleForUnit(deps, ctx),
        }),
      );
    }
    await closeQuestion(deps.repos, ctx.incoming);
    const reportId = question.options[n - 1];
    await deps.repos.attachments.assign(question.fileIds, reportId);
    const totals = await countFiles(deps.repos, reportId);
    await ctx.reply(
      ctx.t("reports:files_added", {
        unit: ctx.unit!.name,
        photos: totals.photoCount,
        documents: totals.documentCount,
      }),
    );
  }

  composer.command("baocao", async (ctx) => {
    if (!ctx.command!.args && !ctx.incoming.files.length && !ctx.incoming.replyToMessageId)
      return ctx.reply(
        ctx.t("reports:usage", { context: ctx.incoming.channel, example: await exampleForUnit(deps, ctx) }),
      );
    await submit(ctx, ctx.command!.args);
  });

  composer.command("sua", async (ctx) => {
    const unit = await reportingUnit(ctx);
    if (!unit) return;
    if (!ctx.command!.args) return ctx.reply(await fixUsage(ctx, unit));
    const result = await unitLock.run(unit.id, () =>
      reviseLatest(deps, {
        unitId: unit.id,
        text: ctx.command!.args,
        authorName: ctx.person.displayName,
        source: messageSource(ctx.incoming),
      }),
    );
    if (!result.ok)
      return ctx.reply(ctx.t("reports:no_report", { unit: unit.name, example: await exampleForUnit(deps, ctx) }));
    const values = valueLines(result.report.values, result.assignment.task.indicators, ctx.t);
    await ctx.reply(
      [
        ctx.t("reports:fixed", { unit: unit.name, id: result.assignment.task.id, revision: result.report.revision }),
        ...values,
      ].join("\n"),
    );
  });

  composer.command("lichsu", async (ctx) => {
    const [first, second] = splitArgs(ctx.command!.args);
    let unit = ctx.unit;
    let taskRef = first;
    if (first && !/^#?\d+$/.test(first)) {
      unit = await deps.repos.units.findByCode(normaliseCode(first));
      if (!unit) return ctx.reply(ctx.t("units:error_not_found", { detail: first }));
      taskRef = second;
    } else if (!unit) {
      if (ctx.role === "leader" || ctx.role === "admin") return ctx.reply(await historyUsage(ctx));
      return ctx.reply(ctx.t(ctx.role === "none" ? "help:onboarding" : "tasks:no_unit"));
    }
    if (!(await refuseAccess(ctx, unit, historyAccess(ctx.person, unit)))) return;
    const taskId = taskRef ? Number(taskRef.replace(/^#/, "")) : undefined;
    const reports = (await deps.repos.reports.listForUnit(unit.id, { limit: 50 })).filter((r) => r.assignmentId > 0);
    const lines: string[] = [];
    for (const r of reports) {
      const a = await deps.repos.assignments.findView(r.assignmentId);
      if (!a || (taskId !== undefined && a.task.id !== taskId)) continue;
      lines.push(await historyEntry(r, a, ctx));
      if (lines.length >= HISTORY_LIMIT) break;
    }
    if (!lines.length) return ctx.reply(ctx.t("reports:history_empty", { unit: unit.name }));
    await ctx.reply([ctx.t("reports:history_header", { unit: unit.name }), ...lines].join("\n\n"));
  });

  /**
   * /sua's usage on the unit's latest report: a figure of its task to correct, or, for a text
   * report, the whole text sent again; with no report yet, how to send one.
   */
  async function fixUsage(ctx: Context, unit: UnitRecord): Promise<string> {
    const latest = await deps.repos.reports.latestForUnit(unit.id);
    const a = latest && latest.assignmentId > 0 ? await deps.repos.assignments.findView(latest.assignmentId) : null;
    if (!a) return ctx.t("reports:no_report", { unit: unit.name, example: await exampleForUnit(deps, ctx) });
    const first = a.task.indicators.find((i) => latest && i.code in latest.values) ?? a.task.indicators[0];
    return first
      ? ctx.t("reports:fix_usage_figures", {
          indicator: fixName(first),
          id: a.task.id,
        })
      : ctx.t("reports:fix_usage_text", { id: a.task.id, example: exampleReport(a.task, ctx.t) });
  }

  /** /lichsu's usage for leaders: a unit and a task that exist. */
  async function historyUsage(ctx: Context): Promise<string> {
    const task = await exampleAdminTask(deps);
    const units = (await deps.repos.units.list()).filter((u) => u.active).sort((x, y) => x.id - y.id);
    return ctx.t("reports:history_usage", { unit: units[0]?.code ?? "", id: task.id });
  }

  async function historyEntry(r: ReportRecord, a: AssignmentView, ctx: Context): Promise<string> {
    const period = a.occurrence.label ? ` (${a.occurrence.label})` : "";
    const head = ctx.t("reports:history_entry", {
      id: a.task.id,
      title: a.task.title,
      period,
      status: ctx.t(r.late ? "reports:status_late" : "reports:status_on_time"),
    });
    const revisions = await deps.repos.reports.revisions(r.id);
    const body = revisions.map((rev) => {
      const values =
        valueLines(rev.values, a.task.indicators, ctx.t, "reports:value_short").join(", ") ||
        ctx.t("reports:no_values_short");
      return ctx.t("reports:history_revision", {
        revision: rev.revision,
        at: formatDateTime(rev.createdAt, deps.timezone),
        author: rev.authorName || "—",
        values,
      });
    });
    return [head, ...body].join("\n");
  }

  // Every message in a unit's chat: replies to reminders and reports are recorded, a question goes
  // on to be answered, chatter is left alone, a message about the work that may be a report is asked about.
  composer.use(async (ctx, next) => {
    if (ctx.command || !ctx.unit) return next();
    const { incoming } = ctx;
    // before the reply check: the first part of a long report is often a reply to the reminder
    if (await submitSplitPart(ctx)) return;
    const repliedTo = incoming.replyToMessageId
      ? (await deps.repos.outbox.findByProviderMessage(incoming.channel, incoming.chatId, incoming.replyToMessageId))
          ?.assignmentId
      : undefined;
    const reminded = repliedTo ? await deps.repos.assignments.findView(repliedTo) : null;
    const bare = !incoming.files.length;
    if (reminded) {
      // a reply to the reminder is its report; only announced, it asks for the content (or its file is read below)
      if (kindOf(incoming, incoming.text, reminded.task.indicators) !== "announcement")
        return submit(ctx, incoming.text);
      if (bare) return announced(ctx, [reminded]);
    }
    if (incoming.text.trim()) {
      const open = await deps.repos.assignments.listOpenForUnit(ctx.unit.id);
      const kind = kindOf(incoming, incoming.text, indicatorsOf(open));
      if (kind === "report" || (kind === "unsure" && !bare)) return submit(ctx, incoming.text, { open });
      if (kind === "question") return next();
      // with files, an announcement is their caption: the files are read below
      if (kind === "announcement" && bare)
        return announced(ctx, await confirmChoices(deps.repos, ctx.unit.id, open, choiceOptions(ctx)));
      if (kind === "unsure" && (await askIfReport(ctx, open))) return;
      // In groups chatter is left alone; a private chat always gets an answer (the final "not understood").
      if (!incoming.files.length) return incoming.chatType === "private" ? next() : undefined;
    }
    if (!incoming.files.length) return next();
    if (!(await reportingUnit(ctx))) return;
    await looseFiles(ctx, ctx.unit);
  });

  /** The last long text of each sender in each chat: its next part, if the app split it, follows within a minute. */
  const longTexts = new Map<string, SentText>();
  const senderKey = (m: Incoming) => `${m.channel}:${m.chatId}:${m.userId}`;

  /**
   * The next part of a long report the sender's app split: read with the text before it as one
   * message, revising the report that text wrote. False when the message is no such part.
   */
  async function submitSplitPart(ctx: Context): Promise<boolean> {
    const { incoming } = ctx;
    const now = deps.clock.now();
    const key = senderKey(incoming);
    const previous = longTexts.get(key);
    if (incoming.text.length >= SPLIT_PART_MIN_CHARS) {
      if (longTexts.size >= MAX_LONG_TEXTS) longTexts.clear();
      longTexts.set(key, { incoming, at: now });
    } else longTexts.delete(key);
    if (!continuesSplitText(previous, incoming, now)) return false;
    const written = await deps.repos.reports.findWrittenBy(ctx.unit!.id, previous!.incoming);
    const assignment = written?.current && (await deps.repos.assignments.findView(written.report.assignmentId));
    if (!written || !assignment) return false;
    const { report } = written;
    await submit(ctx, `${report.text}\n${incoming.text}`, assignment, {
      report,
      replaces: report.text,
      note: "split_joined",
    });
    return true;
  }

  /** What narrows the tasks a message may be about: its text, periods and figures. */
  const choiceOptions = (ctx: Context) => ({
    text: ctx.incoming.text,
    now: deps.clock.now(),
    timezone: deps.timezone,
    readValues: (t: string, indicators: readonly IndicatorDef[]) =>
      readingOf(ctx.incoming, parserOf(deps)).read(t, indicators).values,
  });

  /**
   * "xã Tân Lập bc quý 4 ạ": a report announced, its content to follow. Recording it would file an
   * empty report and stop the reminders, so the officer is told what to send; a report already filed
   * for the period is shown as it stands (nothing new is written).
   */
  async function announced(ctx: Context, choices: AssignmentView[]): Promise<void> {
    const unit = await reportingUnit(ctx);
    if (!unit) return;
    const [first] = choices;
    // nothing open: the no-task answer, or more news for the latest report, as any report gets
    if (!first) return submit(ctx, ctx.incoming.text, { open: [] });
    if (choices.length === 1 && (await deps.repos.reports.findForAssignment(first.id)))
      return submit(ctx, ctx.incoming.text, first);
    const lines =
      choices.length === 1
        ? [
            ctx.t("reports:announced_one", {
              unit: unit.name,
              id: first.task.id,
              period: periodOf(first),
              example: exampleReport(first.task, ctx.t),
            }),
          ]
        : [
            ctx.t("reports:announced_which"),
            ...choices
              .slice(0, MAX_CONFIRM_CHOICES)
              .map(
                (o) =>
                  `• ${describeChoice(o, ctx, deps)} — ${ctx.t("reports:announced_example", { id: o.task.id, example: exampleReport(o.task, ctx.t) })}`,
              ),
          ];
    await ctx.reply(lines.join("\n"), { quote: true });
  }

  /**
   * A message about the work that is not clearly a report: asks whether it is one, never records it
   * unasked. False when there is nothing to ask about (the message goes on as chatter).
   */
  async function askIfReport(ctx: Context, open: AssignmentView[]): Promise<boolean> {
    const unit = ctx.unit!;
    // Other people in the group talk about the work too; only the unit's officers are asked.
    if (reportAccess(ctx.person, unit) !== "ok") return false;
    const choices = await confirmChoices(deps.repos, unit.id, open, choiceOptions(ctx));
    if (!choices.length) return false;
    const options = choices.slice(0, MAX_CONFIRM_CHOICES);
    await askWhichTask(deps, ctx.incoming, {
      text: ctx.incoming.text,
      options: options.map((o) => o.id),
      purpose: "confirm",
      unitId: unit.id,
    });
    await ctx.reply(confirmLines(ctx, options).join("\n"), { quote: true });
    return true;
  }

  /** "Đồng chí muốn gửi nội dung trên là báo cáo nhiệm vụ #2 …?", or the tasks to choose from. */
  function confirmLines(ctx: Context, options: AssignmentView[]): string[] {
    const [first] = options;
    return options.length === 1
      ? [ctx.t("reports:confirm_one", { id: first.task.id, title: first.task.title, period: periodOf(first) })]
      : [
          ctx.t("reports:confirm_which"),
          ...options.map((o, i) => `${i + 1}. ${describeChoice(o, ctx, deps)}`),
          ctx.t("reports:confirm_hint"),
        ];
  }

  /**
   * A report sent as a file (the signed .docx or PDF, alone or under "em gửi bc quý 4 ạ"): its text is
   * read and its figures offered for recording, on "có", with the file. False when no document in the
   * message reads as a report (the files then wait as evidence, as photos do).
   */
  async function offerFileReport(ctx: Context, unit: UnitRecord, stored: FileOutcome): Promise<boolean> {
    const { incoming } = ctx;
    if (!sentDocument(incoming) || reportAccess(ctx.person, unit) !== "ok") return false;
    const since = new Date(deps.clock.now().getTime() - ATTACH_WINDOW_MS);
    const mine = (await deps.repos.attachments.listPending(incoming.channel, incoming.chatId, since)).filter((a) =>
      stored.ids.includes(a.id),
    );
    const file = await reportFileText(deps.files, mine);
    if (!file) return false;
    const text = [incoming.text.trim(), file.text].filter(Boolean).join("\n");
    const open = await deps.repos.assignments.listOpenForUnit(unit.id);
    const reading = readingOf(incoming, parserOf(deps));
    const own = indicatorsOf(open);
    if (kindOf(incoming, text, own) !== "report") return false;
    // the task and period as a report in a message would find them ("quý 1" already filed is revised)
    const { taskHint, references } = reading.any(text, own);
    const resolution = await resolveAssignment(deps.repos, unit.id, incoming, {
      ...choiceOptions(ctx),
      text,
      taskHint,
      open,
      citesDocument: references.length > 0,
    });
    const choices =
      resolution.kind === "found" ? [resolution.assignment] : resolution.kind === "ask" ? resolution.options : [];
    if (!choices.length) return false;
    const options = choices.slice(0, MAX_CONFIRM_CHOICES);
    await askWhichTask(deps, incoming, {
      text,
      options: options.map((o) => o.id),
      purpose: "confirm",
      unitId: unit.id,
      stored,
    });
    const parsed = reading.read(text, options[0].task.indicators);
    const figures = valueLines(parsed.values, options[0].task.indicators, ctx.t);
    const lines = [
      ctx.t(figures.length ? "reports:file_read" : "reports:file_read_text", { name: file.name || "—" }),
      ...figures,
      ...(parsed.references.length
        ? [ctx.t("reports:references", { list: parsed.references.map((r) => r.number).join("; ") })]
        : []),
      ...confirmLines(ctx, options),
    ];
    await ctx.reply(lines.join("\n"), { quote: true });
    return true;
  }

  /**
   * The signed report file sent just after the report in chat ("bc quý 4: 12 pano…", then the .docx):
   * it joins the report and is read. Figures it gives otherwise than the report are shown and, on
   * "có", recorded as the report's next revision; the same figures are only said to match.
   * Null when the file reads as no figures (a scan, a photo, a list of names).
   */
  async function compareReportFile(
    ctx: Context,
    unit: UnitRecord,
    report: ReportRecord,
    stored: FileOutcome,
  ): Promise<string[] | null> {
    if (!sentDocument(ctx.incoming) || reportAccess(ctx.person, unit) !== "ok") return null;
    const joined = (await deps.repos.attachments.listForReports([report.id])).filter((a) => stored.ids.includes(a.id));
    const file = await reportFileText(deps.files, joined);
    const assignment = file && (await deps.repos.assignments.findView(report.assignmentId));
    if (!file || !assignment) return null;
    const { indicators } = assignment.task;
    const { values } = readingOf(ctx.incoming, parserOf(deps)).read(file.text, indicators);
    if (!Object.keys(values).length) return null;
    const changed = Object.entries(values).filter(([code, value]) => report.values[code] !== value);
    const name = file.name || "—";
    if (!changed.length) return [ctx.t("reports:file_matches", { name })];
    await askWhichTask(deps, ctx.incoming, {
      text: file.text,
      options: [assignment.id],
      purpose: "update",
      unitId: unit.id,
      stored,
    });
    return [
      ctx.t("reports:file_differs", { name }),
      ...changed.map(([code, value]) => {
        const def = indicators.find((i) => i.code === code);
        const before = report.values[code];
        return ctx.t(before === undefined ? "reports:file_value_new" : "reports:file_value_changed", {
          label: def?.label ?? code,
          value: formatNumber(value),
          measure: def?.measure ?? "",
          before: before === undefined ? "" : formatNumber(before),
        });
      }),
      ctx.t("reports:file_update_ask"),
    ];
  }

  /**
   * Files sent without a report: they join this sender's report from the last minutes; else, when
   * the unit has reports, the bot asks which one they belong to; else they wait for the next report.
   */
  async function looseFiles(ctx: Context, unit: UnitRecord): Promise<void> {
    const { incoming } = ctx;
    const result = await attachLooseFiles(deps, incoming, unit.id);
    const problems = fileProblems(result.files, ctx.t);
    if (problems.length) await ctx.reply(problems.join("\n"));
    // Nothing kept: the problem above is the whole answer, not "0 photos added".
    if (!result.files.stored && !result.files.duplicates) return;
    if (!result.report && (await offerFileReport(ctx, unit, result.files))) return;
    if (result.report) {
      const text = ctx.t("reports:files_added", {
        unit: unit.name,
        photos: result.photoCount,
        documents: result.documentCount,
      });
      const read = await compareReportFile(ctx, unit, result.report, result.files);
      if (read) return ctx.reply([text, ...read].join("\n"), { quote: true });
      return summariseLater(ctx, () => text);
    }
    const recent = (await deps.repos.reports.listForUnit(unit.id, { limit: RECENT_REPORTS })).filter(
      (r) => r.assignmentId > 0,
    );
    if (!recent.length) {
      const text = ctx.t("reports:files_pending", {
        photos: result.photoCount,
        documents: result.documentCount,
        example: await exampleForUnit(deps, ctx),
      });
      return summariseLater(ctx, () => text);
    }
    const { fileIds } = await askWhichTask(deps, incoming, {
      text: incoming.text,
      options: recent.map((r) => r.id),
      purpose: "evidence",
      unitId: unit.id,
      stored: result.files,
    });
    const text = await whichReportText(
      ctx,
      recent.map((r) => r.id),
      await countKept(fileIds, ctx),
    );
    await summariseLater(ctx, () => text);
  }

  return composer;
};
