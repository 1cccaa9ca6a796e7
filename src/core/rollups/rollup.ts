/**
 * Rollups: who reported what for one task occurrence. `computeTaskRollup` is a pure function over
 * plain records (fast enough for 3,321 units × 12 periods); `buildTaskRollup` / `buildRollupView`
 * are thin loaders over the repository ports.
 */
import { attachmentPath } from "../file-paths.js";
import type {
  AssignmentRecord,
  AttachmentRecord,
  OccurrenceRecord,
  PlanRecord,
  ReportRecord,
  TaskRecord,
  UnitRecord,
} from "../ports.js";
import type { Repositories, RollupMentionKind } from "../repositories.js";
import type { Translate } from "../types.js";
import type { PlanInfo, RollupView, StatusCounts, TaskRollup, UnitRollupRow, UnitStatus } from "./rollup-types.js";
import { type UnitGrouper, unitGrouper } from "./unit-groups.js";

export { attachmentPath } from "../file-paths.js";

/** The task fields a rollup needs. */
export type RollupTask = Pick<TaskRecord, "id" | "code" | "title" | "indicators">;
/** The unit fields a rollup needs. */
export type RollupUnit = Pick<UnitRecord, "id" | "code" | "name" | "tags"> & Partial<Pick<UnitRecord, "kind">>;

/** One occurrence's raw data. */
export interface OccurrenceData {
  occurrence: Pick<OccurrenceRecord, "id" | "periodKey" | "label" | "dueAt"> &
    Partial<Pick<OccurrenceRecord, "statedDate" | "closedAt">>;
  /** Assignments of the occurrence; cancelled ones are ignored. */
  assignments: AssignmentRecord[];
  /** Reports of those assignments, any order. */
  reports: ReportRecord[];
}

/** Everything {@link computeTaskRollup} needs, as plain data. */
export interface TaskRollupInput {
  task: RollupTask;
  current: OccurrenceData & {
    /** Attachments of the current occurrence's reports. */
    attachments: AttachmentRecord[];
  };
  /** The previous occurrence (by due time) of a periodic task, for comparison. */
  previous?: OccurrenceData;
  /** Units by id; assignments of units not found here are skipped. */
  units: ReadonlyMap<number, RollupUnit>;
  /** DATA_DIR; evidence file paths are built under it (see {@link attachmentPath}). */
  dataDir: string;
  /** The time the rollup describes: before a deadline nobody is "missing". */
  now: Date;
  /** Units with an active registered chat; when omitted every unit counts as reachable. */
  reachableUnits?: ReadonlySet<number>;
  /** Assignment id → times reminders were delivered; when omitted reminders are not checked. */
  reminders?: ReadonlyMap<number, readonly Date[]>;
  /** Units never expected to report (the plan's lead unit reports to itself: no). */
  excludeUnitIds?: ReadonlySet<number>;
  /** The unit's group label (default: its first tag). */
  groupOf?: UnitGrouper;
  /** What the leaders' group was already told of this occurrence (see RollupMentionRepository). */
  mentions?: { overdue: ReadonlySet<number>; closed: boolean };
}

/** Per assignment: its latest report, the time it was first submitted, and all its report ids. */
interface ReportSummary {
  latest: ReportRecord;
  firstAt: Date;
  reportIds: number[];
}

const newer = (a: ReportRecord, b: ReportRecord): boolean =>
  a.createdAt.getTime() !== b.createdAt.getTime() ? a.createdAt.getTime() > b.createdAt.getTime() : a.id > b.id;

function summariseReports(reports: ReportRecord[]): Map<number, ReportSummary> {
  const byAssignment = new Map<number, ReportSummary>();
  for (const r of reports) {
    const s = byAssignment.get(r.assignmentId);
    if (!s) {
      byAssignment.set(r.assignmentId, { latest: r, firstAt: r.createdAt, reportIds: [r.id] });
      continue;
    }
    s.reportIds.push(r.id);
    if (newer(r, s.latest)) s.latest = r;
    if (r.createdAt < s.firstAt) s.firstAt = r.createdAt;
  }
  return byAssignment;
}

/** Assignment statuses a rollup knows; anything else (cancelled, untracked, future ones) is not expected. */
const TRACKED = new Set(["open", "submitted", "late", "excused"]);

interface StatusContext {
  now: Date;
  reachable: (unitId: number) => boolean;
  reminders?: ReadonlyMap<number, readonly Date[]>;
}

/**
 * A unit's standing. The first submission time decides on time vs late (a later correction does
 * not make an on-time report late): the assignment's `submittedAt`, else its earliest report.
 * A report counts even when the assignment row was not marked submitted, since the report is the
 * evidence. Without a report: before the deadline "not_due" (or "unreachable" without a chat);
 * after it "missing" only when a reminder reached the unit before the deadline.
 */
function statusOf(
  a: AssignmentRecord,
  summary: ReportSummary | undefined,
  ctx: StatusContext,
): { status: UnitStatus; submittedAt?: Date; reason?: UnitRollupRow["unreachableReason"] } {
  if (a.status === "excused") return { status: "excused" };
  const marked = (a.status === "submitted" || a.status === "late") && a.submittedAt !== null;
  const submittedAt = (marked ? a.submittedAt : null) ?? summary?.firstAt;
  if (submittedAt) return { status: submittedAt.getTime() <= a.dueAt.getTime() ? "on_time" : "late", submittedAt };
  if (!ctx.reachable(a.unitId)) return { status: "unreachable", reason: "no_chat" };
  if (ctx.now.getTime() <= a.dueAt.getTime()) return { status: "not_due" };
  const remindedBeforeDue = ctx.reminders
    ? (ctx.reminders.get(a.id) ?? []).some((d) => d.getTime() <= a.dueAt.getTime())
    : true;
  return remindedBeforeDue ? { status: "missing" } : { status: "unreachable", reason: "not_reminded" };
}

const emptyCounts = (): StatusCounts => ({
  total: 0,
  onTime: 0,
  late: 0,
  notDue: 0,
  missing: 0,
  unreachable: 0,
  excused: 0,
});
const COUNT_FIELD: Record<UnitStatus, keyof StatusCounts> = {
  on_time: "onTime",
  late: "late",
  not_due: "notDue",
  missing: "missing",
  unreachable: "unreachable",
  excused: "excused",
};

/** Whether an assignment belongs in a rollup at all. */
function expected(a: AssignmentRecord, input: Pick<TaskRollupInput, "units" | "excludeUnitIds">): boolean {
  return TRACKED.has(a.status) && input.units.has(a.unitId) && !input.excludeUnitIds?.has(a.unitId);
}

function statusContext(input: TaskRollupInput): StatusContext {
  const reachable = input.reachableUnits;
  return { now: input.now, reminders: input.reminders, reachable: reachable ? (id) => reachable.has(id) : () => true };
}

function addValues(totals: Record<string, number>, values: Record<string, number>): void {
  for (const code in values) {
    const v = values[code];
    if (typeof v === "number" && Number.isFinite(v)) totals[code] = (totals[code] ?? 0) + v;
  }
}

/** Counts and totals only: what the previous period contributes to a comparison. */
function countAndTotal(
  data: OccurrenceData,
  input: TaskRollupInput,
): { counts: StatusCounts; totals: Record<string, number> } {
  const summaries = summariseReports(data.reports);
  const counts = emptyCounts();
  const totals: Record<string, number> = {};
  const ctx = statusContext(input);
  for (const a of data.assignments) {
    if (!expected(a, input)) continue;
    const summary = summaries.get(a.id);
    const { status } = statusOf(a, summary, ctx);
    counts.total++;
    counts[COUNT_FIELD[status]]++;
    if ((status === "on_time" || status === "late") && summary) addValues(totals, summary.latest.values);
  }
  return { counts, totals };
}

/**
 * Computes one task occurrence's rollup: one row per expected unit (grouped by the plan's unit
 * groups, then by unit id: the plan file's order) with its status, the values, references and
 * text of its latest report, and the photos and files of all its reports; totals per indicator
 * over submitted units; counts; and the previous period's counts and totals when given.
 *
 * Several reports for one assignment are NOT summed: a second message is usually a correction or a
 * fuller restatement, so the latest report (by time, then id; its latest revision) is the unit's
 * answer. Evidence files are the union of all its reports (photos often come in a separate message).
 * @example
 * const rollup = computeTaskRollup({ task, current: { occurrence, assignments, reports, attachments }, units, dataDir: "/data" });
 * rollup.counts // { total: 5, onTime: 2, late: 1, notDue: 0, missing: 2, unreachable: 0, excused: 0 }
 */
export function computeTaskRollup(input: TaskRollupInput): TaskRollup {
  const { task, current, units } = input;
  const summaries = summariseReports(current.reports);
  const filesByReport = new Map<number, AttachmentRecord[]>();
  for (const f of current.attachments) {
    if (f.reportId === null) continue;
    const list = filesByReport.get(f.reportId);
    if (list) list.push(f);
    else filesByReport.set(f.reportId, [f]);
  }

  const counts = emptyCounts();
  const totals: Record<string, number> = {};
  for (const ind of task.indicators) totals[ind.code] = 0;
  let photoCount = 0;
  const rows: UnitRollupRow[] = [];
  const ctx = statusContext(input);
  const groupOf: UnitGrouper = input.groupOf ?? ((u) => ({ label: u.tags[0] ?? "", rank: Infinity }));
  const groups: { label: string; rank: number }[] = [];

  // Unit ids follow creation order, i.e. the plan file's order, which is how the office lists units.
  const ordered = [...current.assignments].sort((a, b) => a.unitId - b.unitId || a.id - b.id);
  for (const a of ordered) {
    if (!expected(a, input)) continue;
    const unit = units.get(a.unitId)!;
    const summary = summaries.get(a.id);
    const { status, submittedAt, reason } = statusOf(a, summary, ctx);
    counts.total++;
    counts[COUNT_FIELD[status]]++;
    const group = groupOf({ tags: unit.tags, kind: unit.kind ?? "khac" });
    if (!groups.some((g) => g.label === group.label)) groups.push(group);
    const row: UnitRollupRow = {
      unitId: unit.id,
      unitCode: unit.code,
      unitName: unit.name,
      tags: unit.tags,
      group: group.label,
      status,
      reminded: input.reminders?.get(a.id)?.length ?? 0,
      values: {},
      references: [],
      photoCount: 0,
      files: [],
    };
    if (input.mentions?.overdue.has(unit.id)) row.told = true;
    if (submittedAt) row.submittedAt = submittedAt;
    if (reason) row.unreachableReason = reason;
    if (summary) {
      const latest = summary.latest;
      row.submittedBy = latest.authorName || undefined;
      row.values = { ...latest.values };
      row.references = latest.references;
      row.text = latest.text;
      // The same photo re-sent with a correction is one piece of evidence.
      const seen = new Set<string>();
      for (const id of summary.reportIds) {
        for (const f of filesByReport.get(id) ?? []) {
          if (seen.has(f.sha256)) continue;
          seen.add(f.sha256);
          row.files.push({
            path: attachmentPath(input.dataDir, f.sha256),
            fileName: f.fileName,
            kind: f.kind,
            mime: f.mime,
            ...(f.capturedAt ? { capturedAt: f.capturedAt } : {}),
            receivedAt: f.createdAt,
          });
          if (f.kind === "photo") row.photoCount++;
        }
      }
      // An excused unit that still reported keeps its row data but adds nothing to the totals.
      if (status === "on_time" || status === "late") {
        addValues(totals, row.values);
        photoCount += row.photoCount;
      }
    }
    rows.push(row);
  }
  // Groups in the plan's order, other kinds after them; rows keep the plan's order inside a group.
  const order = groups
    .map((g, i) => ({ ...g, i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((g) => g.label);
  rows.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));

  const rollup: TaskRollup = {
    taskId: task.id,
    occurrenceId: current.occurrence.id,
    taskCode: task.code,
    title: task.title,
    periodKey: current.occurrence.periodKey,
    periodLabel: current.occurrence.label,
    dueAt: current.occurrence.dueAt,
    ...(current.occurrence.statedDate ? { statedDate: current.occurrence.statedDate } : {}),
    ...(current.occurrence.closedAt ? { closedAt: current.occurrence.closedAt } : {}),
    ...(input.mentions?.closed ? { closureTold: true } : {}),
    asOf: input.now,
    groups: order,
    indicators: task.indicators.map((i) => ({
      code: i.code,
      label: i.label,
      measure: i.measure,
      synonyms: i.synonyms,
    })),
    rows,
    counts,
    totals,
    photoCount,
  };
  if (input.previous) {
    const prev = countAndTotal(input.previous, input);
    rollup.previous = {
      periodKey: input.previous.occurrence.periodKey,
      periodLabel: input.previous.occurrence.label,
      counts: prev.counts,
      totals: prev.totals,
    };
  }
  return rollup;
}

/**
 * The occurrence a task means "now": the latest one whose deadline has passed (dueAt ≤ now), else
 * the next one; a one-off task's only occurrence. Undefined when the task has none yet.
 * @example selectOccurrence(task, occurrences, new Date("2021-04-01T00:00:00Z"))?.label // "Quý I/2021"
 */
export function selectOccurrence<O extends Pick<OccurrenceRecord, "dueAt">>(
  task: Pick<TaskRecord, "schedule">,
  occurrences: readonly O[],
  now: Date,
): O | undefined {
  if (occurrences.length === 0) return undefined;
  if (task.schedule.kind !== "periodic" && occurrences.length === 1) return occurrences[0];
  let past: O | undefined;
  let next: O | undefined;
  for (const o of occurrences) {
    const t = o.dueAt.getTime();
    if (t <= now.getTime()) {
      if (!past || t > past.dueAt.getTime()) past = o;
    } else if (!next || t < next.dueAt.getTime()) {
      next = o;
    }
  }
  return past ?? next;
}

/**
 * The occurrence right before `occurrence` by due time, for period-over-period comparison.
 * @example previousOccurrence(occurrences, q2)?.periodKey // "2021-Q1"
 */
export function previousOccurrence<O extends Pick<OccurrenceRecord, "id" | "dueAt">>(
  occurrences: readonly O[],
  occurrence: O,
): O | undefined {
  let best: O | undefined;
  for (const o of occurrences) {
    if (o.id === occurrence.id || o.dueAt.getTime() >= occurrence.dueAt.getTime()) continue;
    if (!best || o.dueAt.getTime() > best.dueAt.getTime()) best = o;
  }
  return best;
}

/** Lets the event loop take what is waiting (network, timers) before the next read. */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Thrown by the loaders when something they need is not in the database. */
export class RollupError extends Error {
  constructor(
    readonly code: "occurrence_not_found" | "task_not_found" | "no_plan" | "no_tasks",
    message: string,
  ) {
    super(message);
    this.name = "RollupError";
  }
}

/** Options of the rollup loaders. */
export interface RollupLoadOptions {
  /** The time the rollup is made (RollupView.generatedAt). */
  now: Date;
  /** DATA_DIR, where attachments are stored. */
  dataDir: string;
  /** Units by id, when the caller already has them (saves a query per task). */
  units?: ReadonlyMap<number, RollupUnit>;
  /** For the human labels of unit kinds that no plan group names. */
  t?: Translate;
}

async function loadUnits(repos: Repositories, options: RollupLoadOptions): Promise<ReadonlyMap<number, RollupUnit>> {
  if (options.units) return options.units;
  // Inactive units too: a deleted unit's earlier reports stay in the record.
  return new Map((await repos.units.list({ includeInactive: true })).map((u) => [u.id, u]));
}

/**
 * The plan a task is read under: its own, else (a task given in chat) the newest plan, whose lead
 * unit and unit groups then apply.
 */
export async function planOfTask(repos: Repositories, task: Pick<TaskRecord, "planId">): Promise<PlanRecord | null> {
  if (task.planId !== null) return repos.plans.findById(task.planId);
  const plans = await repos.plans.list();
  return plans.reduce<PlanRecord | null>((a, p) => (!a || p.id > a.id ? p : a), null);
}

/**
 * Loads one occurrence and its task, previous occurrence, assignments, reports, attachments,
 * the units' chats and the reminders delivered, and computes its rollup (see {@link computeTaskRollup}).
 * @example const rollup = await buildTaskRollup(repos, occurrence.id, { now: clock.now(), dataDir: config.dataDir });
 */
export async function buildTaskRollup(
  repos: Repositories,
  occurrenceId: number,
  options: RollupLoadOptions,
): Promise<TaskRollup> {
  return (await loadTaskRollup(repos, occurrenceId, options)).rollup;
}

async function loadTaskRollup(
  repos: Repositories,
  occurrenceId: number,
  options: RollupLoadOptions,
): Promise<{ rollup: TaskRollup; task: TaskRecord }> {
  const occurrence = await repos.assignments.findOccurrence(occurrenceId);
  if (!occurrence) throw new RollupError("occurrence_not_found", `No occurrence ${occurrenceId}`);
  const task = await repos.tasks.findById(occurrence.taskId);
  if (!task) throw new RollupError("task_not_found", `No task ${occurrence.taskId}`);
  const previous =
    task.schedule.kind === "periodic"
      ? previousOccurrence(await repos.assignments.listOccurrences(task.id), occurrence)
      : undefined;
  // One read at a time, the event loop let through between them: SQLite answers synchronously, so
  // reads run together would hold it for all of them (3,321 rows each at the country's size) while
  // officers' reports wait.
  const occurrenceIds = previous ? [occurrence.id, previous.id] : [occurrence.id];
  const units = await loadUnits(repos, options);
  await breathe();
  const assignments = await repos.assignments.listForOccurrences(occurrenceIds);
  await breathe();
  const plan = await planOfTask(repos, task);
  const chats = await repos.chats.listActiveUnitChats();
  await breathe();
  // By occurrence, not by id lists: SQLite refuses thousands of bound ids in one query.
  const reports = await repos.reports.listForOccurrences(occurrenceIds);
  await breathe();
  const attachments = await repos.attachments.listForOccurrences([occurrence.id]);
  const reminders = await repos.outbox.deliveredReminders(assignments.map((a) => a.id));
  const told = await repos.rollupMentions.list([occurrence.id]);
  await breathe();
  const currentAssignments = assignments.filter((a) => a.occurrenceId === occurrence.id);
  const currentIds = new Set(currentAssignments.map((a) => a.id));
  const currentReports = reports.filter((r) => currentIds.has(r.assignmentId));
  const lead = plan?.leadUnitCode ? [...units.values()].find((u) => u.code === plan.leadUnitCode) : undefined;
  const rollup = computeTaskRollup({
    task,
    units,
    dataDir: options.dataDir,
    now: options.now,
    reachableUnits: new Set(chats.flatMap((c) => (c.unitId === null ? [] : [c.unitId]))),
    reminders,
    excludeUnitIds: new Set(lead ? [lead.id] : []),
    groupOf: unitGrouper(plan?.unitGroups ?? [], options.t),
    mentions: {
      overdue: new Set(told.filter((m) => m.kind === "overdue").map((m) => m.unitId)),
      closed: told.some((m) => m.kind === "closed"),
    },
    current: { occurrence, assignments: currentAssignments, reports: currentReports, attachments },
    previous: previous && {
      occurrence: previous,
      assignments: assignments.filter((a) => a.occurrenceId === previous.id),
      reports: reports.filter((r) => !currentIds.has(r.assignmentId)),
    },
  });
  return { rollup, task };
}

/**
 * A plan record as the renderers' {@link PlanInfo}.
 * @example planInfo(await repos.plans.findById(1)).number // "20/KH-UBND"
 */
export function planInfo(plan: PlanRecord): PlanInfo {
  return {
    number: plan.number,
    date: plan.date,
    title: plan.title,
    issuer: plan.issuer,
    parentIssuer: plan.parentIssuer,
    place: plan.place,
    report: plan.report,
  };
}

/**
 * Builds a {@link RollupView} over several occurrences (in the given order). The plan is
 * `options.plan` when given, else the plan of the first task that has one; a RollupError
 * "no_plan" when neither exists (tasks made with /giao belong to no plan).
 * @example const view = await buildRollupView(repos, [12, 15], { now, dataDir, timezone: "Asia/Ho_Chi_Minh" });
 */
export async function buildRollupView(
  repos: Repositories,
  occurrenceIds: number[],
  options: RollupLoadOptions & { timezone: string; plan?: PlanInfo },
): Promise<RollupView> {
  if (occurrenceIds.length === 0) throw new RollupError("no_tasks", "No occurrence to roll up");
  const units = await loadUnits(repos, options);
  const tasks: TaskRollup[] = [];
  let planId: number | null = null;
  for (const id of occurrenceIds) {
    const { rollup, task } = await loadTaskRollup(repos, id, { ...options, units });
    tasks.push(rollup);
    planId ??= task.planId;
  }
  let plan = options.plan;
  if (!plan && planId !== null) {
    const record = await repos.plans.findById(planId);
    if (record) plan = planInfo(record);
  }
  if (!plan) throw new RollupError("no_plan", "No plan for these tasks");
  return { generatedAt: options.now, timezone: options.timezone, plan, tasks };
}

/** A task with the occurrence it currently means. */
export interface CurrentOccurrence {
  task: TaskRecord;
  occurrence: OccurrenceRecord;
}

/**
 * Every active task with its current occurrence (see {@link selectOccurrence}), in task id order;
 * tasks without occurrences are left out.
 * @example (await currentOccurrences(repos, clock.now())).map((c) => c.occurrence.label)
 */
export async function currentOccurrences(repos: Repositories, now: Date): Promise<CurrentOccurrence[]> {
  const tasks = [...(await repos.tasks.listActive())].sort((a, b) => a.id - b.id);
  const out: CurrentOccurrence[] = [];
  for (const task of tasks) {
    const occurrence = await currentOccurrenceOf(repos, task, now);
    if (occurrence) out.push({ task, occurrence });
  }
  return out;
}

/**
 * {@link selectOccurrence} over the task's occurrences, passing over a past period no unit was
 * assigned (a plan imported after its deadline: "0/0 đã báo cáo" tells a leader nothing) for the next.
 * @example (await currentOccurrenceOf(repos, task, now))?.label // "Quý IV/2026" for a plan imported in November
 */
export async function currentOccurrenceOf(
  repos: Repositories,
  task: TaskRecord,
  now: Date,
): Promise<OccurrenceRecord | undefined> {
  const all = await repos.assignments.listOccurrences(task.id);
  const chosen = selectOccurrence(task, all, now);
  if (!chosen || chosen.dueAt.getTime() > now.getTime()) return chosen;
  if (await repos.assignments.isAssigned(chosen.id)) return chosen;
  return (
    selectOccurrence(
      task,
      all.filter((o) => o.dueAt.getTime() > now.getTime()),
      now,
    ) ?? chosen
  );
}

/** Units not reported after the deadline: missing, or nobody could remind them. */
export function notReported(task: Pick<TaskRollup, "rows" | "asOf" | "dueAt">): UnitRollupRow[] {
  return task.rows.filter((r) => r.status === "missing" || (r.status === "unreachable" && task.asOf > task.dueAt));
}

/**
 * What a post to the leaders' group tells of `tasks`, to record (see RollupMentionRepository):
 * every unit not reported after the deadline ("overdue": named or counted, it was told), and for a
 * closed period shown as closed, its units that never reported ("closed").
 * @example await repos.rollupMentions.record(mentionsOf(digest.tasks), now);
 */
export function mentionsOf(
  tasks: readonly TaskRollup[],
): { occurrenceId: number; unitId: number; kind: RollupMentionKind }[] {
  const out: { occurrenceId: number; unitId: number; kind: RollupMentionKind }[] = [];
  for (const task of tasks) {
    const occurrenceId = task.occurrenceId;
    if (occurrenceId === undefined || task.asOf.getTime() <= task.dueAt.getTime()) continue;
    for (const row of notReported(task)) {
      if (row.unitId === undefined) continue;
      if (!row.told) out.push({ occurrenceId, unitId: row.unitId, kind: "overdue" });
      if (task.closedAt && !task.closureTold) out.push({ occurrenceId, unitId: row.unitId, kind: "closed" });
    }
  }
  return out;
}
