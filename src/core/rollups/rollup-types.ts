import type { DocumentReference, IndicatorDef } from "../types.js";

/** A unit's standing for one task occurrence. */
export type UnitStatus = "on_time" | "late" | "missing" | "excused";

/** One unit's row in a rollup. */
export interface UnitRollupRow {
  unitCode: string;
  unitName: string;
  tags: string[];
  status: UnitStatus;
  submittedAt?: Date;
  submittedBy?: string;
  /** Indicator code → value of the unit's latest report revision. */
  values: Record<string, number>;
  references: DocumentReference[];
  /** Latest report text (NFC), for highlights and the appendix. */
  text?: string;
  photoCount: number;
  /** Stored evidence files (absolute paths under DATA_DIR) with their display names. */
  files: { path: string; fileName: string; kind: "photo" | "document"; mime: string }[];
}

export interface StatusCounts {
  total: number;
  onTime: number;
  late: number;
  missing: number;
  excused: number;
}

/**
 * Everything needed to present one task occurrence: computed by the core from the database,
 * rendered as chat text, chart PNG, XLSX and DOCX.
 */
export interface TaskRollup {
  taskId: number;
  taskCode: string;
  title: string;
  periodKey: string;
  /** Human label of the period ("Quý I/2021"), empty for one-off tasks. */
  periodLabel: string;
  dueAt: Date;
  indicators: IndicatorDef[];
  rows: UnitRollupRow[];
  counts: StatusCounts;
  /** Indicator code → total over all units. */
  totals: Record<string, number>;
  photoCount: number;
  /** Previous period of a periodic task, for comparison. */
  previous?: { periodKey: string; periodLabel: string; counts: StatusCounts; totals: Record<string, number> };
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
}

/** A rollup over one or more task occurrences of a plan. */
export interface RollupView {
  generatedAt: Date;
  timezone: string;
  plan: PlanInfo;
  tasks: TaskRollup[];
}
