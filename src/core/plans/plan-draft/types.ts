/**
 * The draft of a plan read from its document: every proposed field carries the sentence it came
 * from, so the admin can check it at a glance; what the document does not say stays empty.
 */

import type { IndicatorDef } from "../../types.js";

/** A proposed value and the sentence (as written in the document) it came from. */
export interface Sourced<T> {
  value: T;
  source: string;
}

export interface DraftHeader {
  /** "20/KH-UBND". */
  number?: Sourced<string>;
  /** "YYYY-MM-DD". */
  date?: Sourced<string>;
  /** The issuing body ("UBND huyện Thạch Thành", "Sở Văn hóa, Thể thao và Du lịch"). */
  issuer?: Sourced<string>;
  /** The body above it ("UBND tỉnh Thanh Hóa"), when the header names one. */
  parent?: Sourced<string>;
  place?: Sourced<string>;
  /** "Kế hoạch tuyên truyền cải cách hành chính năm 2021". */
  title?: Sourced<string>;
  /** The drafting office's abbreviation from "Lưu: VT, VHTT." (used for the results report). */
  abbreviation?: Sourced<string>;
}

/** A unit as the bot knows it (or as the draft proposes to create it). */
export interface KnownUnit {
  code: string;
  name: string;
  kind: string;
  tags: string[];
}

export type Cycle = "day" | "week" | "month" | "quarter" | "half_year" | "year";

/** Why a task has no deadline the bot can use. */
export type UnplacedReason =
  /** "định kỳ", "đột xuất", "theo yêu cầu" without a cycle or a date. */
  | "no_date"
  /** A cycle the plan file cannot express (weekly, daily, within the day). */
  | "cycle_unsupported"
  /** A cycle ("hằng quý") without the day. */
  | "no_day"
  /** After each round or event ("sau mỗi đợt", "ngay sau khi"). */
  | "after_event"
  /** "thường xuyên", "cả năm": ongoing work. */
  | "ongoing";

export type DraftSchedule =
  /** One deadline: the last day is `dueDate`; `phrase` is how the plan file writes it ("trước ngày 10/02/2021"). */
  | { kind: "once"; dueDate: string; phrase: string }
  | {
      kind: "periodic";
      every: "month" | "quarter" | "half_year" | "year";
      rule: { type: "day_of_last_month"; day: number } | { type: "days_after_end"; days: number };
      start: string;
      end: string;
    }
  /** `phrase`: the document's words about when ("định kỳ hoặc đột xuất", "hằng tuần"). */
  | { kind: "unplaced"; why: UnplacedReason; every?: Cycle; phrase?: string };

/** A unit or group the document names, and what it matched. */
export interface UnitMention {
  /** As written (diacritics restored for OCR text). */
  text: string;
  source: string;
  /** Unit codes and tags it stands for; empty when nothing matched. */
  targets: string[];
  /** A single unit the bot does not have: proposed as a new unit with this code. */
  proposed?: KnownUnit;
  /** A group ("các Tổ bầu cử") with no unit of the bot in it, or a unit not matched and not proposed. */
  unmatched: boolean;
  /** For a group: how rollups may name it ("Xã, thị trấn"). */
  label?: string;
}

export interface DraftIndicator {
  def: IndicatorDef;
  /** New to the bot (named from the plan's own words), or one of the known indicators. */
  isNew: boolean;
  source: string;
}

export interface DraftTask {
  /** Task code in the plan file ("NV01_XAY_DUNG_KE_HOACH"). */
  code: string;
  title: Sourced<string>;
  schedule: Sourced<DraftSchedule>;
  /** Unit codes and tags that must report it. */
  targets: Sourced<string[]>;
  /** The unit in charge ("chủ trì", the one reports go "qua"), when the document says. */
  lead?: Sourced<string>;
  indicators: DraftIndicator[];
  /** Table of tasks: the assisting units' cell, as written. */
  assisting?: string;
  /** Dropped by the admin during review ("#3 bỏ"): numbers of the other tasks stay. */
  dropped?: boolean;
}

export interface PlanDraft {
  header: DraftHeader;
  /** The plan's lead unit (code), when one unit leads ("chủ trì", "cơ quan thường trực"). */
  lead?: Sourced<string>;
  /** Every unit and group named, in document order. */
  mentions: UnitMention[];
  /** The units the plan file lists: the bot's units the tasks reach, and proposed new ones. */
  units: (KnownUnit & { isNew: boolean })[];
  tasks: DraftTask[];
  /** The text lost its diacritics (OCR): titles were restored, sources are shown as written. */
  degraded: boolean;
  /** The year the plan covers (from its date), used for dates without a year. */
  year: number;
  /** Labels of the unit groups its tasks reach (tag → "Xã, thị trấn"), for rollups and the review. */
  groupLabels: Record<string, string>;
}

/** What the bot knows when it drafts: its units and indicators, and today. */
export interface DraftContext {
  units: KnownUnit[];
  /** Indicators known to the bot (the sample set and those of imported plans). */
  indicators: IndicatorDef[];
  /** "YYYY-MM-DD": the plan date when the document has none, and the year of dates without one. */
  today: string;
  /** Labels the bot's plans already give their unit groups (tag → label); they win over the document's words. */
  groupLabels?: Record<string, string>;
}
