/**
 * Repository ports. The Prisma implementation lives in src/db/repositories.ts; every method is
 * small and intention-revealing so a fake is easy to write.
 */
import type {
  AssignmentRecord,
  AssignmentStatus,
  AssignmentView,
  AttachmentRecord,
  ChatRecord,
  ConversationRecord,
  InviteRecord,
  OccurrenceRecord,
  OutboxInput,
  OutboxRecord,
  PersonRecord,
  PlanRecord,
  ReportRecord,
  ReportRevisionRecord,
  Role,
  TaskRecord,
  UnitRecord,
} from "./ports.js";
import type { CalendarEntryInput, Channel, DocumentReference, ReminderPolicy, Schedule } from "./types.js";

export interface UnitRepository {
  findByCode(code: string): Promise<UnitRecord | null>;
  findById(id: number): Promise<UnitRecord | null>;
  list(options?: { includeInactive?: boolean }): Promise<UnitRecord[]>;
  create(input: { code: string; name: string; kind: string; tags: string[] }): Promise<UnitRecord>;
  update(id: number, patch: Partial<Pick<UnitRecord, "name" | "kind" | "tags" | "active">>): Promise<UnitRecord>;
  /** Soft delete: the row, its reports and history stay. */
  deactivate(id: number): Promise<void>;
  /** Retires a unit (merged or abolished) at `at`: inactive for good, history kept. */
  retire(id: number, at: Date, note: string): Promise<void>;
}

export interface ChatRepository {
  find(channel: Channel, chatId: string): Promise<ChatRecord | null>;
  bind(input: {
    channel: Channel;
    chatId: string;
    chatType: string;
    title?: string;
    role: "unit" | "rollup";
    unitId: number | null;
  }): Promise<ChatRecord>;
  listForUnit(unitId: number): Promise<ChatRecord[]>;
  listRollupChats(): Promise<ChatRecord[]>;
  /** Every active chat bound to a unit. */
  listActiveUnitChats(): Promise<ChatRecord[]>;
  setStatus(channel: Channel, chatId: string, status: "active" | "unreachable", reason?: string): Promise<void>;
  /** Removes a chat's binding (a revoked person's private chat); returns true when one existed. */
  unbind(channel: Channel, chatId: string): Promise<boolean>;
}

export interface PersonRepository {
  find(channel: Channel, userId: string): Promise<PersonRecord | null>;
  findByUsername(channel: Channel, username: string): Promise<PersonRecord | null>;
  /** Creates or refreshes the name fields; never changes role or unit. */
  touch(input: { channel: Channel; userId: string; displayName: string; username?: string }): Promise<PersonRecord>;
  setRole(id: number, role: Role): Promise<void>;
  setUnit(id: number, unitId: number | null): Promise<void>;
  setLanguage(id: number, language: string): Promise<void>;
  listByRole(role: Role): Promise<PersonRecord[]>;
  /** People registered for a unit. */
  listByUnit(unitId: number): Promise<PersonRecord[]>;
}

export interface InviteRepository {
  create(input: {
    code: string;
    unitId: number;
    maxUses: number;
    expiresAt: Date;
    createdBy: string;
  }): Promise<InviteRecord>;
  findByCode(code: string): Promise<InviteRecord | null>;
  /** Atomically uses one slot; false when none is left. */
  consume(id: number): Promise<boolean>;
}

export type PlanInput = Omit<PlanRecord, "id" | "leadUnitCode" | "rollup" | "unitGroups" | "report"> & {
  leadUnitCode?: string;
  rollup?: PlanRecord["rollup"];
  unitGroups?: PlanRecord["unitGroups"];
  report?: PlanRecord["report"];
};

export type TaskInput = Omit<TaskRecord, "id" | "status"> & { createdBy: string };

export interface PlanRepository {
  upsert(input: PlanInput): Promise<{ plan: PlanRecord; created: boolean }>;
  findById(id: number): Promise<PlanRecord | null>;
  findByNumber(number: string): Promise<PlanRecord | null>;
  list(): Promise<PlanRecord[]>;
  /** Replaces the plan's rollup schedule (/lichtonghop). */
  setRollup(id: number, rollup: PlanRecord["rollup"]): Promise<PlanRecord>;
  /** Replaces the units the plan lists (its tasks reach only these). */
  setUnits(planId: number, unitIds: number[]): Promise<void>;
  /** Ids of the units the plan lists; empty for a plan with no list (tasks then reach every active unit). */
  unitIds(planId: number): Promise<number[]>;
}

export interface TaskRepository {
  /** Creates or updates by code; indicators are replaced. */
  upsert(input: TaskInput): Promise<{ task: TaskRecord; created: boolean }>;
  findById(id: number): Promise<TaskRecord | null>;
  findByCode(code: string): Promise<TaskRecord | null>;
  listActive(): Promise<TaskRecord[]>;
  setStatus(id: number, status: "active" | "cancelled"): Promise<void>;
  /** Replaces the task's reminder policy (null = the default). */
  setReminder(id: number, policy: ReminderPolicy | null): Promise<void>;
  /** Next free number for generated codes (e.g. GIAO-12). */
  count(): Promise<number>;
}

export interface AssignmentRepository {
  /** Creates the occurrence if missing and returns it (existing rows keep their due time: see moveOccurrenceDue). */
  ensureOccurrence(input: {
    taskId: number;
    periodKey: string;
    label: string;
    periodStart?: Date;
    periodEnd?: Date;
    dueAt: Date;
    statedDate?: string | null;
  }): Promise<OccurrenceRecord>;
  /**
   * Moves an occurrence's deadline and its assignments' (the calendar or the day-off rule changed):
   * submitted assignments become "submitted" or "late" again against the new time, and their
   * reports' late flag follows.
   */
  moveOccurrenceDue(occurrenceId: number, dueAt: Date, statedDate: string | null): Promise<void>;
  /** Closes the occurrences still open among `ids`; returns how many were closed. */
  closeOccurrences(ids: number[], at: Date, by: string): Promise<number>;
  listOccurrences(taskId: number): Promise<OccurrenceRecord[]>;
  /** Whether any unit is expected to report for the occurrence (an assignment neither untracked nor cancelled). */
  isAssigned(occurrenceId: number): Promise<boolean>;
  /** Units that already have an assignment for the occurrence. */
  unitIdsForOccurrence(occurrenceId: number): Promise<Set<number>>;
  /** Creates the assignment if missing (status "open" unless given). Returns its id when created, else null. */
  ensure(input: {
    occurrenceId: number;
    unitId: number;
    dueAt: Date;
    status?: AssignmentStatus;
    createdAt?: Date;
  }): Promise<number | null>;
  findView(id: number): Promise<AssignmentView | null>;
  /** Open and late-but-not-submitted assignments of a unit, soonest first. */
  listOpenForUnit(unitId: number): Promise<AssignmentView[]>;
  /** A unit's assignments never reported in periods already closed (active tasks), latest first, at most 50. */
  listClosedUnreportedForUnit(unitId: number): Promise<AssignmentView[]>;
  /** Every open assignment of active tasks and units (for reminder planning). */
  listOpen(): Promise<AssignmentView[]>;
  listForOccurrence(occurrenceId: number): Promise<AssignmentView[]>;
  /** One occurrence by id. */
  findOccurrence(id: number): Promise<OccurrenceRecord | null>;
  /** Plain (non-cancelled) assignments of several occurrences, by id: the rollup's cheap bulk read. */
  listForOccurrences(occurrenceIds: number[]): Promise<AssignmentRecord[]>;
  setStatus(id: number, status: AssignmentStatus, submittedAt?: Date | null): Promise<void>;
  /** Moves the listed assignments that are in status `from` to `to`. Returns how many moved. */
  moveStatus(ids: number[], from: AssignmentStatus, to: AssignmentStatus): Promise<number>;
  /** Open assignments due before `now` that were created on or after their deadline (a past period assigned late). */
  listOpenAssignedAfterDeadline(now: Date): Promise<AssignmentRecord[]>;
  cancelForTask(taskId: number): Promise<number>;
  /** Cancels a unit's open assignments (unit deleted), or only those due after `dueAfter` (unit retired then). */
  cancelForUnit(unitId: number, options?: { dueAfter?: Date }): Promise<number>;
  /** Cancels the task's open assignments of units not in `unitIds` (a plan re-imported without them). */
  cancelOutside(taskId: number, unitIds: number[]): Promise<number>;
}

export interface ReportRepository {
  /**
   * Writes a report and its first revision; with `mark`, also sets the assignment's status, all in
   * one transaction (a report never exists for an assignment still shown as open). `source` names
   * the message that wrote it (see {@link ReportRepository.revise}).
   */
  create(
    input: Omit<ReportRecord, "id" | "revision" | "createdAt" | "updatedAt"> & { createdAt: Date; source?: string },
    mark?: { status: AssignmentStatus; at: Date },
  ): Promise<ReportRecord>;
  /**
   * Replaces text/values, bumps the revision and keeps the old one in history. When `source` (the
   * message, "channel:chat:message") already wrote the current revision, nothing is written: a
   * message handled again after a crash never makes a second revision.
   */
  revise(
    id: number,
    input: {
      text: string;
      values: Record<string, number>;
      references: DocumentReference[];
      unclear: string[];
      authorName: string;
      at: Date;
      source?: string;
    },
  ): Promise<ReportRecord>;
  findById(id: number): Promise<ReportRecord | null>;
  findForAssignment(assignmentId: number): Promise<ReportRecord | null>;
  /**
   * The unit's report a message wrote (created it, or wrote its current revision, itself or by an
   * edit of it); `current` is true when that message, or an edit of it, wrote the current revision.
   */
  findWrittenBy(
    unitId: number,
    message: { channel: string; chatId: string; messageId: string },
  ): Promise<{ report: ReportRecord; current: boolean } | null>;
  /** The newest report of this author in this chat since `since` (photos sent after a report join it). */
  latestInChat(channel: Channel, chatId: string, authorUserId: string, since: Date): Promise<ReportRecord | null>;
  latestForUnit(unitId: number): Promise<ReportRecord | null>;
  listForUnit(unitId: number, options?: { assignmentIds?: number[]; limit?: number }): Promise<ReportRecord[]>;
  listForAssignments(assignmentIds: number[]): Promise<ReportRecord[]>;
  /** Reports of every assignment of these occurrences (a join, so thousands of units need no id list). */
  listForOccurrences(occurrenceIds: number[]): Promise<ReportRecord[]>;
  revisions(reportId: number): Promise<ReportRevisionRecord[]>;
  /**
   * Withdraws a report sent by mistake: deletes it, its revisions and its files' rows and reopens its
   * assignment, in one transaction. Returns the files' content hashes (the caller removes stored
   * content nothing else uses).
   */
  withdraw(id: number): Promise<string[]>;
}

export interface AttachmentRepository {
  /** Records a stored file; the same content attached twice to one report is kept once. */
  add(
    input: Omit<AttachmentRecord, "id" | "createdAt"> & {
      createdAt?: Date;
      sourceChannel: string;
      sourceChatId: string;
      sourceMessageId: string;
    },
  ): Promise<{ attachment: AttachmentRecord; duplicate: boolean }>;
  listForReports(reportIds: number[]): Promise<AttachmentRecord[]>;
  /** Files a person sent in a chat since `since` that belong to no report yet. */
  listPending(channel: Channel, chatId: string, since: Date): Promise<AttachmentRecord[]>;
  /** A report's attachments and the chat's pending ones since `since`, in one read (ordered by id). */
  listForReportAndPending(reportId: number, channel: Channel, chatId: string, since: Date): Promise<AttachmentRecord[]>;
  /** Moves pending files to a report; a file already on it is dropped as a duplicate. */
  assign(attachmentIds: number[], reportId: number): Promise<number>;
  /** Deletes pending attachment rows (never one on a report); returns the SHA-256 of each deleted row. */
  removePending(attachmentIds: number[]): Promise<string[]>;
  /** True when some attachment row still points at this stored content. */
  isReferenced(sha256: string): Promise<boolean>;
  /**
   * The same content already on one of the unit's reports (an officer re-sending a photo), with
   * that report's assignment; rows written by message `except` (the one being handled) do not count.
   */
  findOnUnitReports(
    unitId: number,
    sha256: string,
    except: { channel: Channel; chatId: string; messageId: string },
  ): Promise<{ attachment: AttachmentRecord; assignmentId: number } | null>;
  /** Attachments of every report of these occurrences (a join, like reports.listForOccurrences). */
  listForOccurrences(occurrenceIds: number[]): Promise<AttachmentRecord[]>;
}

export interface OutboxRepository {
  /** Inserts unless the dedupe key exists. Returns true when inserted. */
  enqueue(input: OutboxInput): Promise<boolean>;
  /**
   * Inserts every input whose dedupe key is new, all in one transaction: a crash queues all or none.
   * Returns the keys inserted, and those an input with a `source` finds already queued by that same
   * source (the same message handled again after a crash: what its first run queued is its own).
   */
  enqueueMany(inputs: OutboxInput[]): Promise<Set<string>>;
  /**
   * A message sent once after a quiet period (an album's summary): the pending row whose dedupe key
   * starts with `group` takes this message and send time (a later file postpones it); without one
   * (none yet, or already claimed), `input` is inserted, unless its key exists. `input.dedupeKey`
   * must start with `group`.
   */
  replacePending(group: string, input: OutboxInput): Promise<void>;
  /** Dedupe keys starting with `prefix` (a message's answers kept in the outbox). */
  keysWithPrefix(prefix: string): Promise<string[]>;
  exists(dedupeKey: string): Promise<boolean>;
  /**
   * Marks up to `limit` due rows as sending and returns them, oldest first. Atomic (one
   * UPDATE … RETURNING): two dispatchers never get the same row.
   */
  claimDue(now: Date, limit: number, skipChannels?: Channel[]): Promise<OutboxRecord[]>;
  /** Rows claimed but not sent (a stop before their send finished) go back to pending. */
  release(ids: number[]): Promise<number>;
  markSent(id: number, providerMessageId: string, at: Date): Promise<void>;
  retryLater(id: number, at: Date, error: string): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  /** Rows left in "sending" by a crash go back to pending. Returns their count. */
  recoverInFlight(): Promise<number>;
  findByProviderMessage(channel: Channel, chatId: string, messageId: string): Promise<OutboxRecord | null>;
  /** Dedupe keys already queued per assignment (for catch-up and "already reminded" checks). */
  keysForAssignments(assignmentIds: number[]): Promise<Map<number, string[]>>;
  /** Per assignment, when reminders to its unit were delivered (sent reminder rows, any kind but escalations). */
  deliveredReminders(assignmentIds: number[]): Promise<Map<number, Date[]>>;
  /** Keys that exist among the given ones. */
  existingKeys(dedupeKeys: string[]): Promise<Set<string>>;
  /** When the next pending row is due (on channels not skipped). */
  nextAttemptAt(skipChannels?: Channel[]): Promise<Date | null>;
  countByStatus(): Promise<Record<string, number>>;
}

export interface CalendarRepository {
  list(): Promise<(CalendarEntryInput & { source: string })[]>;
  upsert(entries: CalendarEntryInput[], source: string): Promise<number>;
}

export interface ConversationRepository {
  get(channel: Channel, chatId: string, userId: string, now: Date): Promise<ConversationRecord | null>;
  set(channel: Channel, chatId: string, userId: string, record: ConversationRecord): Promise<void>;
  clear(channel: Channel, chatId: string, userId: string): Promise<void>;
  /** Conversations of this kind that expired at or before `now`, with who they belong to. */
  listExpired(
    kind: string,
    now: Date,
  ): Promise<(ConversationRecord & { channel: Channel; chatId: string; userId: string })[]>;
  /** When the next conversation of this kind expires. */
  nextExpiry(kind: string): Promise<Date | null>;
}

export interface AuditRepository {
  /** `at` is the core clock's time (the database's clock when absent). */
  log(entry: {
    actor: string;
    action: string;
    entity: string;
    entityId?: string;
    detail?: unknown;
    at?: Date;
  }): Promise<void>;
  /** When this actor took this action since `since`, oldest first (rate limits such as invite guesses). */
  timesSince(actor: string, action: string, since: Date): Promise<Date[]>;
  list(limit: number): Promise<{ actor: string; action: string; entity: string; entityId: string; createdAt: Date }[]>;
}

/** Why a unit was told to the leaders' group as not reported for an occurrence. */
export type RollupMentionKind = "overdue" | "closed";

/**
 * What the leaders' group was already told, per occurrence × unit: a digest names a unit the first
 * time it is overdue and counts it by unit group afterwards; a closed period is told once.
 */
export interface RollupMentionRepository {
  /** The mentions recorded for these occurrences. */
  list(occurrenceIds: number[]): Promise<{ occurrenceId: number; unitId: number; kind: RollupMentionKind }[]>;
  /** Records mentions at `at`; those already recorded stay as they are. */
  record(entries: { occurrenceId: number; unitId: number; kind: RollupMentionKind }[], at: Date): Promise<void>;
}

/** All repositories, as the composition root hands them to the core. */
export interface Repositories {
  units: UnitRepository;
  chats: ChatRepository;
  people: PersonRepository;
  invites: InviteRepository;
  plans: PlanRepository;
  tasks: TaskRepository;
  assignments: AssignmentRepository;
  reports: ReportRepository;
  attachments: AttachmentRepository;
  outbox: OutboxRepository;
  calendar: CalendarRepository;
  conversations: ConversationRepository;
  audit: AuditRepository;
  rollupMentions: RollupMentionRepository;
}
