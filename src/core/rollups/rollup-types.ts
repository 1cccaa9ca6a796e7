import type { DocumentReference, IndicatorDef } from "../types.js";

/**
 * A unit's standing for one task occurrence:
 * - `on_time` / `late`: reported, before / after the deadline;
 * - `not_due`: not reported yet, the deadline has not passed (neutral, never red);
 * - `missing`: not reported after the deadline although the unit was reminded before it;
 * - `unreachable`: not reported and nobody could be reminded: no active registered chat, or
 *   (after the deadline) no reminder reached it before the deadline (bound late);
 * - `excused`: exempted by an admin.
 */
export type UnitStatus = "on_time" | "late" | "not_due" | "missing" | "unreachable" | "excused";

/** One unit's row in a rollup. */
export interface UnitRollupRow {
  /** The unit's id (absent in rollups made by hand). */
  unitId?: number;
  unitCode: string;
  unitName: string;
  tags: string[];
  /** Human label of the unit's group in this plan ("Xã, thị trấn"). */
  group: string;
  status: UnitStatus;
  /** Why an "unreachable" unit could not be reminded: no active chat, or none before the deadline. */
  unreachableReason?: "no_chat" | "not_reminded";
  submittedAt?: Date;
  submittedBy?: string;
  /** Reminders delivered to the unit's chats for this assignment. */
  reminded: number;
  /**
   * Already told to the leaders' group as not reported after the deadline (see
   * RollupMentionRepository): texts count it by unit group instead of naming it again.
   */
  told?: boolean;
  /** Indicator code → value of the unit's latest report revision. */
  values: Record<string, number>;
  references: DocumentReference[];
  /** Latest report text (NFC), for highlights and the appendix. */
  text?: string;
  photoCount: number;
  /** Stored evidence files (absolute paths under DATA_DIR) with their display names and capture time. */
  files: {
    path: string;
    fileName: string;
    kind: "photo" | "document";
    mime: string;
    capturedAt?: Date;
    receivedAt?: Date;
  }[];
}

export interface StatusCounts {
  /** Units expected to report (excused and unreachable included; the lead unit never). */
  total: number;
  onTime: number;
  late: number;
  notDue: number;
  missing: number;
  unreachable: number;
  excused: number;
}

/**
 * Everything needed to present one task occurrence: computed by the core from the database,
 * rendered as chat text, chart PNG, XLSX and DOCX.
 */
export interface TaskRollup {
  taskId: number;
  /** The occurrence's id (absent in rollups made by hand). */
  occurrenceId?: number;
  taskCode: string;
  title: string;
  periodKey: string;
  /** Human label of the period ("Quý I/2021"), empty for one-off tasks. */
  periodLabel: string;
  /** The effective deadline (see statedDate). */
  dueAt: Date;
  /** The last day as the plan states it, when it was a day off and dueAt moved off it ("YYYY-MM-DD"). */
  statedDate?: string;
  /**
   * When the period was closed (its plan ended, or an admin's /dongky): units that have not
   * reported by then did not report ("không báo cáo"); it leaves reminders, questions and /nhiemvu.
   */
  closedAt?: Date;
  /** The leaders' group was already told which units never reported for this closed period. */
  closureTold?: boolean;
  /** The time the rollup describes; statuses before/after the deadline depend on it. */
  asOf: Date;
  indicators: IndicatorDef[];
  /** Group labels in the plan's order (only groups that have rows). */
  groups: string[];
  rows: UnitRollupRow[];
  counts: StatusCounts;
  /** Indicator code → total over all units. */
  totals: Record<string, number>;
  photoCount: number;
  /** Previous period of a periodic task, for comparison. */
  previous?: { periodKey: string; periodLabel: string; counts: StatusCounts; totals: Record<string, number> };
}

/** The report section of a plan: who issues the results report and to whom (Nghị định 30/2020). */
export interface ReportSettings {
  /** Issuing office ("Sở Văn hóa, Thể thao và Du lịch"). */
  office: string;
  /** Its parent body, cơ quan chủ quản ("UBND tỉnh Thanh Hóa"); may be empty. */
  parent: string;
  /** Place in "Thanh Hóa, ngày … tháng … năm …". */
  place: string;
  /** Abbreviation after "BC-" ("SVHTTDL"). */
  abbreviation: string;
  /** "Kính gửi" line; empty leaves it out. */
  to: string;
  /** Nơi nhận items besides "Lưu: VT". */
  recipients: string[];
  /** "TM. …" / "KT. GIÁM ĐỐC" line above the title; may be empty. */
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
}

/** Plan identification used in headers and the official report. */
export interface PlanInfo {
  number: string;
  /** "YYYY-MM-DD" */
  date: string;
  title: string;
  issuer: string;
  parentIssuer: string;
  place: string;
  /** From the plan file's `report:` section, defaults filled in (see resolveReportSettings). */
  report?: Partial<ReportSettings>;
}

/** A rollup over one or more task occurrences of a plan. */
export interface RollupView {
  generatedAt: Date;
  timezone: string;
  plan: PlanInfo;
  tasks: TaskRollup[];
}
