/**
 * Channel-neutral domain types shared by the core, the adapters and the renderers.
 * Dates without time are "YYYY-MM-DD" strings in the configured time zone;
 * instants are `Date` (UTC).
 */

/** A messaging platform the bot runs on. */
export type Channel = "telegram" | "zalo" | "sandbox";

/** Where a message goes: a chat on a channel (ids are strings on every platform). */
export interface Address {
  channel: Channel;
  chatId: string;
}

export type ChatType = "private" | "group" | "supergroup" | "channel";

/** A file the user sent; `fileRef` is whatever the channel needs to download it. Videos are evidence like documents. */
export interface IncomingFile {
  kind: "photo" | "document" | "video";
  fileRef: string;
  fileName?: string;
  mime?: string;
  size?: number;
}

/**
 * Non-text content the bot does not keep (a video it cannot download is "video"), so the core
 * can answer it instead of staying silent.
 */
export type UnsupportedContent = "sticker" | "voice" | "video" | "location" | "contact" | "other";

/**
 * One inbound message, as every channel adapter produces it.
 * @example
 * { channel: "telegram", chatId: "-100123", chatType: "supergroup", userId: "42",
 *   userName: "Lan", messageId: "7", text: "/nhiemvu", files: [], date: new Date() }
 */
export interface Incoming {
  channel: Channel;
  chatId: string;
  chatType: ChatType;
  chatTitle?: string;
  userId: string;
  userName: string;
  /** Platform handle without "@", when the platform has one. */
  username?: string;
  messageId: string;
  /** Message text or caption, NFC-normalised by the adapter. */
  text: string;
  files: IncomingFile[];
  /** Set when the message carried content other than text and files (sticker, voice, location…). */
  unsupported?: UnsupportedContent;
  /** Telegram album id: photos of one album share it. */
  mediaGroupId?: string;
  replyToMessageId?: string;
  /** The author of the replied-to message, when the platform says (e.g. /themnguoi as a reply). */
  replyToUserId?: string;
  date: Date;
  /**
   * When this is an edited version of message `messageId` (Telegram's edited_message): handled as
   * a message of its own ({@link messageKey}); replies still quote `messageId`.
   */
  editedAt?: Date;
  /** The client's language (e.g. "vi", "en"), a hint only. */
  languageCode?: string;
}

/** A file the bot sends (chart, XLSX, DOCX). */
export interface OutgoingFile {
  fileName: string;
  mime: string;
  data: Uint8Array;
}

/** What the bot sends: text, or a photo/document with an optional caption. */
export type OutgoingMessage =
  | { type: "text"; text: string; replyToMessageId?: string }
  | { type: "photo"; file: OutgoingFile; caption?: string }
  | { type: "document"; file: OutgoingFile; caption?: string };

/**
 * What happens when the last day of a period is a day off (weekend, holiday): by default the period
 * ends at the end of the next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5); a plan may bring
 * it forward to the previous working day, or keep the stated day.
 */
export type DayOffRule = "next_working_day" | "previous_working_day" | "keep";

/** The rule when a plan says nothing. */
export const DEFAULT_DAY_OFF_RULE: DayOffRule = "next_working_day";

/** A unit's deadline schedule. `onDayOff` (default next working day) moves a stated day off. */
export type Schedule =
  /** One deadline: 23:59 local of `dueDate` (moved off a day off as `onDayOff` says). */
  | { kind: "once"; dueDate: string; onDayOff?: DayOffRule }
  /**
   * A periodic report. `rule` places the deadline of each period:
   * `day_of_last_month` = day N of the period's last month (quarterly report due on the 15th
   * of March/June/...); `days_after_end` = N calendar days after the period ends.
   * Periods run from `start` (first period containing it) to `end` (inclusive, optional).
   */
  | {
      kind: "periodic";
      period: "month" | "quarter" | "half_year" | "year";
      rule: { type: "day_of_last_month"; day: number } | { type: "days_after_end"; days: number };
      start: string;
      end?: string;
      onDayOff?: DayOffRule;
    }
  /** An ad hoc request due at the end of the N-th working day after `issuedAt`. */
  | { kind: "adhoc"; workingDays: number; issuedAt: string };

/**
 * When to remind, in working days relative to the due date.
 * @example { before: [7, 3, 1], onDueDay: true, after: [1, 3], escalateAfter: 4, time: "08:00" }
 */
export interface ReminderPolicy {
  /** Working days before the due day (T−n). */
  before: number[];
  /** Remind on the due day itself. */
  onDueDay: boolean;
  /** Working days after the due day (T+n), overdue reminders. */
  after: number[];
  /** Working days after the due day when the missing units are named to the rollup group. */
  escalateAfter: number;
  /** Local time of day, "HH:MM". */
  time: string;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  before: [7, 3, 1],
  onDueDay: true,
  after: [1, 3],
  escalateAfter: 4,
  time: "08:00",
};

/** An indicator a task asks for ("12 pa nô"). */
export interface IndicatorDef {
  code: string;
  label: string;
  /** Unit of measure shown after numbers ("cái", "tin"); may be empty. */
  measure?: string;
  /** Words that name it in reports, with or without diacritics. */
  synonyms: string[];
}

/** A document reference found in a report ("số 15/KH-UBND ngày 05/02/2021"). */
export interface DocumentReference {
  number: string;
  /** "YYYY-MM-DD" when the text gave one. */
  date?: string;
}

/** A calendar entry an admin or a plan file added (statutory holidays are computed). */
export interface CalendarEntryInput {
  date: string;
  kind: "holiday" | "workday";
  name: string;
}

/** Translation function bound to a language. Keys are "namespace:key". */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;
