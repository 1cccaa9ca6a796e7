/**
 * Ports: what the core needs from the outside world. Adapters (channels, db, scheduler)
 * implement them; the core never imports grammY, Prisma, node-schedule or HTTP code.
 */
import type { PlanInfo, ReportSettings } from "./rollups/rollup-types.js";
import type { UnitGroupDef } from "./rollups/unit-groups.js";
import type {
  Address,
  Channel,
  DocumentReference,
  Incoming,
  IncomingFile,
  OutgoingMessage,
  ReminderPolicy,
  Schedule,
} from "./types.js";

/** The current time. Tests pass a fixed or manually advanced clock. */
export interface Clock {
  now(): Date;
}

/** Failure categories every Messenger maps its platform errors to. */
export type SendFailure = "rate_limited" | "transient" | "unreachable" | "bad_request";

/**
 * A send that failed. `unreachable` = bot blocked/removed or chat gone (don't retry);
 * `rate_limited` carries the platform's retry-after; `transient` = 5xx/timeout/network.
 */
export class SendError extends Error {
  constructor(
    readonly failure: SendFailure,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "SendError";
  }
}

/**
 * A file over the size limit: the bot's own, or the platform's when that is lower (Telegram serves
 * bots files up to 20 MB). Sending it again cannot help, so the user is told the limit instead.
 */
export class FileTooLargeError extends SendError {
  constructor(readonly limitBytes: number) {
    super("bad_request", "file too large");
    this.name = "FileTooLargeError";
  }
}

/**
 * Sends to and downloads from one or more channels.
 * @example await messenger.send({ channel: "telegram", chatId: "-100123" }, { type: "text", text: "Xin chào" })
 */
export interface Messenger {
  /** Sends one message; resolves with the platform's message id. Throws {@link SendError}. */
  send(to: Address, message: OutgoingMessage): Promise<{ messageId: string }>;
  /** Downloads a file the user sent; over `maxBytes` (or the platform's own limit) throws {@link FileTooLargeError}. */
  download(channel: Channel, file: IncomingFile, maxBytes: number): Promise<Uint8Array>;
  /** Longest text one message may carry on that channel. */
  textLimit(channel: Channel): number;
}

/**
 * Where every channel adapter hands the messages it receives. Handling runs from the inbox, one
 * message at a time per chat; a durable inbox keeps messages across crashes and handles each once.
 * @example if ((await inbox.accept(incoming)) === "accepted") acknowledgeToPlatform();
 */
export interface Inbox {
  /**
   * Takes a message, once per (channel, chatId, messageId). Resolves when it is safe to acknowledge
   * the update to the platform; handling may still be running.
   */
  accept(incoming: Incoming): Promise<"accepted" | "duplicate">;
  /** Resolves when every message accepted so far has been handled (shutdown, tests). */
  drain(): Promise<void>;
}

/** Stores evidence files by content. */
export interface FileStore {
  /**
   * Stores the bytes (once per content) and returns their SHA-256 and absolute path. `record`
   * (saving the row that refers to the file) runs before any {@link FileStore.remove} of the same
   * content can look, so content stored again is never deleted under it.
   */
  put<T = void>(
    bytes: Uint8Array,
    record?: (stored: { sha256: string; path: string }) => Promise<T>,
  ): Promise<{ sha256: string; path: string; recorded: T | undefined }>;
  pathOf(sha256: string): string;
  /** Deletes the content when `unused()` says no row refers to it any more. */
  remove(sha256: string, unused: () => Promise<boolean>): Promise<boolean>;
}

/** Minimal structured logger (pino-compatible). */
export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
}

export interface UnitRecord {
  id: number;
  code: string;
  name: string;
  kind: string;
  tags: string[];
  active: boolean;
  /** Set when the unit was retired (merged or abolished): inactive for good, history kept. */
  retiredAt?: Date | null;
  /** Why it was retired ("Sáp nhập vào xã Thạch Bình"); "" when not given. */
  retiredNote?: string;
}

export interface ChatRecord {
  id: number;
  channel: Channel;
  chatId: string;
  chatType: string;
  title: string | null;
  role: "unit" | "rollup";
  unitId: number | null;
  status: "active" | "unreachable";
}

export type Role = "admin" | "leader" | "officer" | "none";

export interface PersonRecord {
  id: number;
  channel: Channel;
  userId: string;
  displayName: string;
  username: string | null;
  role: Role;
  unitId: number | null;
  language: string | null;
}

export interface InviteRecord {
  id: number;
  code: string;
  unitId: number;
  maxUses: number;
  uses: number;
  expiresAt: Date;
}

export interface PlanRecord extends PlanInfo {
  id: number;
  leadUnitCode: string | null;
  /**
   * When rollups are posted for this plan's tasks (defaults: Friday 16:00, 09:00 after deadlines);
   * `weekly: false` posts only after deadlines.
   */
  rollup: { weeklyDay?: number; weeklyTime?: string; afterDeadlineTime?: string; weekly?: boolean };
  /** Unit groups of the plan, in display order ("xa" → "Xã, thị trấn"). */
  unitGroups: UnitGroupDef[];
  /** The plan file's `report:` section as given (defaults are filled in when rendering). */
  report: Partial<ReportSettings>;
  /** The plan file's `plan.end` ("YYYY-MM-DD"); when absent the end is computed (see planEndDate). */
  endDate?: string | null;
}

export interface TaskRecord {
  id: number;
  planId: number | null;
  code: string;
  title: string;
  targets: string[];
  schedule: Schedule;
  reminder: ReminderPolicy | null;
  deadlineText: string;
  status: "active" | "cancelled";
  /** Periods already past when the task or a unit arrives are assigned too (default: kept untracked). */
  backfill?: boolean;
  indicators: { code: string; label: string; measure: string; synonyms: string[] }[];
}

export interface OccurrenceRecord {
  id: number;
  taskId: number;
  periodKey: string;
  label: string;
  /** Midnight UTC of the period's first local day; null for one-off and ad hoc tasks. */
  periodStart?: Date | null;
  /** The effective deadline (a stated day off moved as the task says, by default to the next working day). */
  dueAt: Date;
  /** The last day as the plan states it ("YYYY-MM-DD") when it is a day off and dueAt moved off it. */
  statedDate?: string | null;
  /** When the period was closed (plan ended, or /dongky): out of reminders, questions and /nhiemvu; rollups keep it. */
  closedAt?: Date | null;
}

/**
 * Where an assignment stands. "untracked": kept but not expected — a period already past when the
 * plan was imported or the unit added (skipped or repaired); never reminded, left out of rollups.
 * @example
 * const counted = (s: AssignmentStatus) => s !== "cancelled" && s !== "untracked";
 */
export type AssignmentStatus = "open" | "submitted" | "late" | "excused" | "cancelled" | "untracked";

export interface AssignmentRecord {
  id: number;
  occurrenceId: number;
  unitId: number;
  dueAt: Date;
  status: AssignmentStatus;
  submittedAt: Date | null;
}

/** An assignment with what is needed to talk about it. */
export interface AssignmentView extends AssignmentRecord {
  task: TaskRecord;
  occurrence: OccurrenceRecord;
  plan: PlanRecord | null;
  unit: UnitRecord;
}

export interface ReportRecord {
  id: number;
  assignmentId: number;
  unitId: number;
  authorChannel: string;
  authorUserId: string;
  authorName: string;
  text: string;
  values: Record<string, number>;
  references: DocumentReference[];
  unclear: string[];
  late: boolean;
  revision: number;
  sourceChatId: string;
  sourceMessageId: string;
  mediaGroupId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReportRevisionRecord {
  revision: number;
  text: string;
  values: Record<string, number>;
  authorName: string;
  createdAt: Date;
}

export interface AttachmentRecord {
  id: number;
  reportId: number | null;
  sha256: string;
  size: number;
  mime: string;
  kind: "photo" | "document";
  fileName: string;
  capturedAt: Date | null;
  createdAt: Date;
}

export interface OutboxRecord {
  id: number;
  dedupeKey: string;
  channel: Channel;
  chatId: string;
  kind: string;
  message: OutgoingMessage;
  status: "pending" | "sending" | "sent" | "failed" | "skipped";
  attempts: number;
  /** When it was first meant to go out. */
  notBefore: Date;
  nextAttemptAt: Date;
  assignmentId: number | null;
  providerMessageId: string | null;
  lastError: string | null;
}

export interface OutboxInput {
  dedupeKey: string;
  channel: Channel;
  chatId: string;
  kind: string;
  message: OutgoingMessage;
  /** Earliest send time, from the core's clock (never the database's). */
  notBefore: Date;
  assignmentId?: number;
  /** The incoming message that queued it ("channel:chatId:messageId"; see {@link messageSource}). */
  source?: string;
}

/** A message's id within its chat; an edit of it has its own ("42~1767225600000"). */
export const messageKey = (m: { messageId: string; editedAt?: Date }): string =>
  m.editedAt ? `${m.messageId}~${m.editedAt.getTime()}` : m.messageId;

/** An incoming message's identity as outbox rows and reports name their source: "telegram:-100123:42". */
export const messageSource = (m: { channel: string; chatId: string; messageId: string; editedAt?: Date }): string =>
  `${m.channel}:${m.chatId}:${messageKey(m)}`;

export interface ConversationRecord {
  kind: string;
  data: unknown;
  expiresAt: Date;
}
