/**
 * The admin's corrections to a draft, one per line, by task number or as a reply to the task's
 * message: "#2 hạn 15/7", "#2 hạn hằng quý ngày 15", "#3 bỏ", "#1 đơn vị: xa", "#1 đơn vị: thêm
 * doan-the", "#4 chỉ tiêu: pa nô, tin bài", "#1 tên: Xây dựng kế hoạch …", "#2 chủ trì: PHONG_VHTT";
 * for the plan itself "số: 21/KH-UBND", "ngày: 29/01/2021", "chủ trì: Phòng Văn hóa và Thông tin".
 * Parsing and applying are pure; an unknown unit or a date that is no date is refused with what
 * was wrong, and nothing else in the draft changes.
 */

import { normaliseCode, normaliseTag } from "../../args.js";
import { isIsoDate, parseDmy } from "../../calendar/time.js";
import { searchKey } from "../../reports/text-key.js";
import type { IndicatorDef } from "../../types.js";
import { SAMPLE_INDICATORS } from "../sample-indicators.js";
import { findDeadlines, foldKeepingLength } from "./deadlines.js";
import { planUnits } from "./draft-plan.js";
import { figureNames, formsIn, indicatorCode } from "./indicators.js";
import type { DraftIndicator, DraftSchedule, DraftTask, KnownUnit, PlanDraft } from "./types.js";
import { createUnitMatcher } from "./units.js";

export type Field = "deadline" | "drop" | "restore" | "targets" | "indicators" | "title" | "lead";

/** One correction: `task` is the task's number (1-based), or null for the plan itself. */
export interface Correction {
  task: number | null;
  field: Field | "number" | "date" | "plan_title";
  value: string;
}

const FIELDS: [RegExp, Correction["field"]][] = [
  [/^(?:han|thoi han|han chot|deadline)\b/, "deadline"],
  [/^(?:bo|xoa|loai|bo qua|khong lay|huy)$/, "drop"],
  [/^(?:giu|giu lai|lay lai|khoi phuc)$/, "restore"],
  [/^(?:don vi|doi tuong|giao cho|giao|don vi thuc hien|dv)\b/, "targets"],
  [/^(?:chi tieu|so lieu|chi so)\b/, "indicators"],
  [/^(?:ten|ten nhiem vu|noi dung|tieu de)\b/, "title"],
  [/^(?:chu tri|don vi chu tri)\b/, "lead"],
];
const PLAN_FIELDS: [RegExp, Correction["field"]][] = [
  [/^(?:so|so hieu|so ke hoach|so van ban)\b/, "number"],
  [/^(?:ngay|ngay ban hanh)\b/, "date"],
  [/^(?:ten ke hoach|trich yeu)\b/, "plan_title"],
  [/^(?:chu tri|don vi chu tri)\b/, "lead"],
];

/** Cuts the field's words off the front of `rest` (the fold keeps positions). */
function valueAfter(rest: string, re: RegExp): string {
  const m = re.exec(searchKey(rest).length === rest.length ? searchKey(rest) : foldKeepingLength(rest));
  return m
    ? rest
        .slice(m[0].length)
        .replace(/^\s*[:：=-]?\s*/, "")
        .trim()
    : rest.trim();
}

/**
 * Reads corrections from a message: one per line, "#N" first unless the message replies to task
 * `replyTo`'s message. Lines that are no correction make the whole message none (`null`), so a
 * question or a new text goes on to other handlers.
 * @example parseCorrections("#2 hạn 15/7\n#3 bỏ") // [{ task: 2, field: "deadline", value: "15/7" }, { task: 3, field: "drop", value: "" }]
 */
export function parseCorrections(text: string, replyTo?: number): Correction[] | null {
  const out: Correction[] = [];
  for (const raw of text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m =
      /^#\s*(\d{1,3})\s*[:.)-]?\s*(.*)$/su.exec(raw) ??
      /^(?:nv|nhiệm vụ|nhiem vu)\s*(\d{1,3})\s*[:.)-]?\s*(.*)$/iu.exec(raw);
    const task = m ? Number(m[1]) : (replyTo ?? null);
    const rest = (m ? m[2] : raw).trim();
    const key = foldKeepingLength(rest);
    const table = task === null ? PLAN_FIELDS : FIELDS;
    const hit = table.find(([re]) => re.test(key));
    if (hit) {
      out.push({
        task,
        field: hit[1],
        value: hit[1] === "drop" || hit[1] === "restore" ? "" : valueAfter(rest, hit[0]),
      });
      continue;
    }
    // "#2 15/7", "#2 hằng quý ngày 15": a deadline without the word "hạn".
    if (
      task !== null &&
      /\d/.test(rest) &&
      (findDeadlines(`hạn ${rest}`, { year: 2000, planDate: "2000-01-01", planEnd: "2000-12-31", table: true })
        .length ||
        /\bngay \d/.test(key))
    ) {
      out.push({ task, field: "deadline", value: rest });
      continue;
    }
    return null;
  }
  return out.length ? out : null;
}

export type CorrectionError =
  | "unknown_task"
  | "bad_deadline"
  | "unknown_units"
  | "no_units"
  | "empty_title"
  | "bad_number"
  | "bad_date"
  | "unknown_lead";

export interface CorrectionOutcome {
  correction: Correction;
  ok: boolean;
  error?: CorrectionError;
  /** Names or words that were not understood (units, …). */
  detail?: string;
}

export interface CorrectionContext {
  /** The bot's units (the draft's matching base). */
  units: readonly KnownUnit[];
  indicators: readonly IndicatorDef[];
}

/** A deadline from the admin's words: a date ("15/7", "trước ngày 15/7/2026") or a cycle ("hằng quý ngày 15"). */
export function scheduleFromWords(text: string, draft: Pick<PlanDraft, "year" | "header">): DraftSchedule | undefined {
  const planDate = draft.header.date?.value ?? `${draft.year}-01-01`;
  const ctx = { year: draft.year, planDate, planEnd: `${draft.year}-12-31`, table: true };
  const f = foldKeepingLength(text);
  // "hằng quý ngày 15", "hằng tháng trước ngày 20": the day of the period's last month.
  const cycle =
    /\b(?:hang|moi|dinh ky(?: hang)?) (thang|quy|nam|6 thang|sau thang)\b.*?\b(?:(truoc)\s+)?(?:ngay )?(\d{1,2})(?![/\d])(?! thang (?:sau|tiep))/.exec(
      f,
    );
  const found = findDeadlines(/^(?:truoc|cham nhat|han|hoan thanh)/.test(f) ? text : `hạn ${text}`, ctx).find(
    (x) => x.schedule.kind !== "unplaced",
  );
  if (found && !(found.schedule.kind === "once" && cycle)) return found.schedule;
  if (cycle) {
    const every = (
      { thang: "month", quy: "quarter", nam: "year", "6 thang": "half_year", "sau thang": "half_year" } as const
    )[cycle[1] as "thang"];
    const day = Number(cycle[3]) - (cycle[2] ? 1 : 0);
    if (day < 1 || day > 31) return undefined;
    const m = Number(planDate.slice(5, 7));
    const months = { month: 1, quarter: 3, half_year: 6, year: 12 }[every];
    const start = `${planDate.slice(0, 4)}-${String(Math.floor((m - 1) / months) * months + 1).padStart(2, "0")}-01`;
    return { kind: "periodic", every, rule: { type: "day_of_last_month", day }, start, end: `${draft.year}-12-31` };
  }
  return undefined;
}

function indicatorsFromWords(text: string, context: CorrectionContext): DraftIndicator[] {
  if (/^(?:khong|khong co|bo|xoa|-)$/.test(searchKey(text))) return [];
  const vocabulary = [
    ...context.indicators,
    ...SAMPLE_INDICATORS.filter((s) => !context.indicators.some((k) => k.code === s.code)),
  ];
  const out: DraftIndicator[] = [];
  for (const name of figureNames(text)) {
    const key = searchKey(name);
    const known =
      vocabulary.find(
        (d) => d.code === name.trim() || searchKey(d.label) === key || d.synonyms.some((s) => searchKey(s) === key),
      ) ??
      (() => {
        const hit = formsIn(name)[0];
        return hit ? vocabulary.find((d) => d.code === hit.code) : undefined;
      })();
    const def: IndicatorDef = known ?? {
      code: indicatorCode(name),
      label: name.charAt(0).toLocaleUpperCase("vi") + name.slice(1),
      measure: "",
      synonyms: [name.toLocaleLowerCase("vi"), searchKey(name)],
    };
    if (!out.some((o) => o.def.code === def.code)) out.push({ def, isNew: !known, source: text });
  }
  return out;
}

/**
 * Applies corrections to a draft, returning the new draft and what each did. The plan file's unit
 * list follows the tasks' targets afterwards.
 * @example applyCorrections(draft, parseCorrections("#3 bỏ")!, context).draft.tasks[2].dropped // true
 */
export function applyCorrections(
  draft: PlanDraft,
  corrections: readonly Correction[],
  context: CorrectionContext,
): { draft: PlanDraft; outcomes: CorrectionOutcome[] } {
  const next: PlanDraft = structuredClone(draft);
  const proposed = next.units.filter((u) => u.isNew).map(({ isNew: _new, ...u }) => u);
  const places = [next.header.place?.value].filter((p): p is string => Boolean(p));
  const matcher = createUnitMatcher([...context.units, ...proposed], places, null);
  const allUnits = [...context.units, ...proposed];
  const outcomes: CorrectionOutcome[] = [];

  /** Codes and tags from "xa, phong-ban", or the units a name stands for ("UBND các xã, thị trấn"). */
  const targetsFrom = (text: string): { targets: string[]; unknown: string[] } => {
    const tokens = text.split(/[,;\s]+/).filter(Boolean);
    const tags = new Set(allUnits.flatMap((u) => u.tags));
    const direct = tokens.map((tok) =>
      allUnits.some((u) => u.code === normaliseCode(tok))
        ? normaliseCode(tok)
        : tags.has(normaliseTag(tok))
          ? normaliseTag(tok)
          : undefined,
    );
    if (direct.every(Boolean)) return { targets: direct as string[], unknown: [] };
    const mentions = matcher.resolve(text, text);
    const targets = mentions.flatMap((m) => (m.unmatched ? [] : m.targets.filter((x) => x !== "*")));
    const unknown = mentions.filter((m) => m.unmatched).map((m) => m.text);
    if (!mentions.length) unknown.push(text);
    return { targets, unknown };
  };

  for (const c of corrections) {
    const fail = (error: CorrectionError, detail?: string) =>
      outcomes.push({ correction: c, ok: false, error, ...(detail ? { detail } : {}) });
    if (c.task === null) {
      if (c.field === "number") {
        const m = /^(\d{1,5})\s*\/\s*([\p{Lu}Đ][\p{Lu}Đ0-9&.-]*)$/u.exec(c.value.trim());
        if (!m) fail("bad_number");
        else {
          next.header.number = { value: `${m[1]}/${m[2]}`, source: c.value };
          outcomes.push({ correction: c, ok: true });
        }
      } else if (c.field === "date") {
        const iso = isIsoDate(c.value.trim()) ? c.value.trim() : parseDmy(c.value.trim());
        if (!iso) fail("bad_date");
        else {
          next.header.date = { value: iso, source: c.value };
          next.year = Number(iso.slice(0, 4));
          outcomes.push({ correction: c, ok: true });
        }
      } else if (c.field === "plan_title") {
        if (!c.value.trim()) fail("empty_title");
        else {
          next.header.title = { value: c.value.trim(), source: c.value };
          outcomes.push({ correction: c, ok: true });
        }
      } else if (c.field === "lead") {
        const { targets } = targetsFrom(c.value);
        const code = targets.find((x) => allUnits.some((u) => u.code === x));
        if (!code) fail("unknown_lead", c.value);
        else {
          next.lead = { value: code, source: c.value };
          outcomes.push({ correction: c, ok: true });
        }
      }
      continue;
    }
    const task: DraftTask | undefined = next.tasks[c.task - 1];
    if (!task) {
      fail("unknown_task");
      continue;
    }
    switch (c.field) {
      case "drop":
        task.dropped = true;
        outcomes.push({ correction: c, ok: true });
        break;
      case "restore":
        task.dropped = false;
        outcomes.push({ correction: c, ok: true });
        break;
      case "deadline": {
        const schedule = scheduleFromWords(c.value, next);
        if (!schedule) fail("bad_deadline", c.value);
        else {
          task.schedule = { value: schedule, source: c.value };
          outcomes.push({ correction: c, ok: true });
        }
        break;
      }
      case "targets": {
        const add = /^(?:them|\+)\s*/.exec(searchKey(c.value));
        const remove = /^(?:bot|bo|-)\s+/.exec(searchKey(c.value));
        const words = c.value.slice((add ?? remove)?.[0].length ?? 0);
        const { targets, unknown } = targetsFrom(words);
        if (unknown.length) fail("unknown_units", unknown.join(", "));
        else if (!targets.length && !remove) fail("no_units");
        else {
          const value = add
            ? [...new Set([...task.targets.value, ...targets])]
            : remove
              ? task.targets.value.filter((x) => !targets.includes(x))
              : targets;
          task.targets = { value, source: c.value };
          outcomes.push({ correction: c, ok: true });
        }
        break;
      }
      case "indicators":
        task.indicators = indicatorsFromWords(c.value, context);
        outcomes.push({ correction: c, ok: true });
        break;
      case "title":
        if (!c.value.trim()) fail("empty_title");
        else {
          task.title = { value: c.value.trim(), source: c.value };
          outcomes.push({ correction: c, ok: true });
        }
        break;
      case "lead": {
        const { targets } = targetsFrom(c.value);
        const code = targets.find((x) => allUnits.some((u) => u.code === x));
        if (!code) fail("unknown_lead", c.value);
        else {
          task.lead = { value: code, source: c.value };
          outcomes.push({ correction: c, ok: true });
        }
        break;
      }
      default:
        fail("unknown_task");
    }
  }
  next.units = planUnits(next, context.units, proposed);
  return { draft: next, outcomes };
}
