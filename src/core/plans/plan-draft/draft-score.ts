/**
 * How well drafts match what a person would draft from the same documents: a draft against an
 * expected draft (test/fixtures/plan-drafts/*.expected.yaml), field by field (deadline, cycle,
 * targets, indicators, header, lead, unmatched names), and a draft's plan file against a plan file
 * made by hand (plans/thach-thanh-cchc-2021.yaml), as a list of differences.
 */

import { parseDeadlinePhrase } from "../../calendar/deadline-phrase.js";
import { searchKey } from "../../reports/text-key.js";
import type { PlanFile } from "../plan-file.js";
import { ocrKey } from "./ocr-text.js";
import type { DraftSchedule, DraftTask, KnownUnit, PlanDraft } from "./types.js";

/** One expected task (the fixture's words). */
export interface ExpectedTask {
  title: string;
  targets: string[];
  deadline?: string;
  periodic?: { every: string; day?: number; days_after_end?: number };
  unplaced?: boolean;
  every?: string;
  indicators: string[];
}

export interface ExpectedDraft {
  known_units?: KnownUnit[];
  known_units_from?: string;
  header: { number: string; date: string; issuer: string; parent: string; place: string; title: string };
  lead_unit?: string;
  tasks: ExpectedTask[];
  unmatched: string[];
}

export interface TaskComparison {
  expected: ExpectedTask;
  found?: DraftTask;
  deadline: boolean;
  cycle: boolean;
  targets: boolean;
  indicators: boolean;
  /** What differs, in short ("targets: [xa] ≠ [xa, phong-ban]"). */
  differences: string[];
}

export interface DraftScore {
  tasks: { expected: number; found: number; matched: number };
  fields: { deadline: number; cycle: number; targets: number; indicators: number };
  header: { matched: number; total: number; differences: string[] };
  lead: boolean;
  unmatched: { matched: boolean; expected: string[]; found: string[] };
  comparisons: TaskComparison[];
  /** Draft tasks no expected task matches. */
  extra: DraftTask[];
}

const tokens = (s: string) =>
  new Set(
    ocrKey(s)
      .split(" ")
      .filter((w) => w.length > 1),
  );
function jaccard(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  if (!x.size || !y.size) return 0;
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both / (x.size + y.size - both);
}

function cycleOf(s: DraftSchedule): string {
  return s.kind === "once" ? "once" : s.kind === "periodic" ? s.every : `unplaced:${s.every ?? ""}`;
}

function expectedCycle(e: ExpectedTask): string {
  if (e.deadline) return "once";
  if (e.periodic) return e.periodic.every;
  return `unplaced:${e.every ?? ""}`;
}

function sameDeadline(s: DraftSchedule, e: ExpectedTask, planDate: string): boolean {
  if (e.deadline) {
    const parsed = parseDeadlinePhrase(e.deadline, planDate);
    return parsed.ok && s.kind === "once" && s.dueDate === parsed.dueDate;
  }
  if (e.periodic) {
    if (s.kind !== "periodic" || s.every !== e.periodic.every) return false;
    return e.periodic.day !== undefined
      ? s.rule.type === "day_of_last_month" && s.rule.day === e.periodic.day
      : s.rule.type === "days_after_end" && s.rule.days === e.periodic.days_after_end;
  }
  return s.kind === "unplaced" && (e.every === undefined || s.every === e.every);
}

/** Expected targets written as names ("Công an xã") become the draft's codes for them. */
function expectedTargets(e: ExpectedTask, draft: PlanDraft): string[] {
  return e.targets.map((t) => {
    if (/^[A-Z0-9_]+$/.test(t) || /^[a-z0-9-]+$/.test(t)) return t;
    const unit = draft.units.find((u) => searchKey(u.name) === searchKey(t));
    const mention = draft.mentions.find((m) => searchKey(m.text) === searchKey(t));
    return unit?.code ?? mention?.targets[0] ?? t;
  });
}

function sameIndicators(task: DraftTask, expected: string[]): boolean {
  const found = task.indicators.map((i) => ({ code: i.def.code, label: searchKey(i.def.label) }));
  if (found.length !== expected.length) return false;
  return expected.every((x) => found.some((f) => f.code === x || f.label === searchKey(x)));
}

const setEqual = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const list = (a: readonly string[]) => `[${a.join(", ")}]`;

function describe(s: DraftSchedule): string {
  if (s.kind === "once") return s.phrase;
  if (s.kind === "periodic")
    return `${s.every} ${s.rule.type === "day_of_last_month" ? `day ${s.rule.day}` : `+${s.rule.days}`}`;
  return `unplaced (${s.why}${s.every ? `, ${s.every}` : ""})`;
}

/**
 * Scores a draft against the draft expected from the same document.
 * @example scoreDraft(draft, expected).fields.deadline // 7 (of scoreDraft(…).tasks.matched)
 */
export function scoreDraft(draft: PlanDraft, expected: ExpectedDraft): DraftScore {
  const planDate = draft.header.date?.value ?? `${draft.year}-01-01`;
  const live = draft.tasks.filter((t) => !t.dropped);
  // Pair each expected task with the draft task most like it (title words, same deadline, same units).
  const pairs: { e: number; d: number; score: number }[] = [];
  expected.tasks.forEach((e, ei) => {
    live.forEach((d, di) => {
      const title = jaccard(e.title, d.title.value);
      const deadline = sameDeadline(d.schedule.value, e, planDate) ? 0.4 : 0;
      const targets = setEqual(expectedTargets(e, draft), d.targets.value) ? 0.2 : 0;
      const score = title + deadline + targets;
      if (title >= 0.25 || (deadline && targets)) pairs.push({ e: ei, d: di, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score);
  const byExpected = new Map<number, number>();
  const usedDraft = new Set<number>();
  for (const p of pairs) {
    if (byExpected.has(p.e) || usedDraft.has(p.d)) continue;
    byExpected.set(p.e, p.d);
    usedDraft.add(p.d);
  }
  const comparisons: TaskComparison[] = expected.tasks.map((e, ei) => {
    const di = byExpected.get(ei);
    const found = di === undefined ? undefined : live[di];
    if (!found)
      return {
        expected: e,
        deadline: false,
        cycle: false,
        targets: false,
        indicators: false,
        differences: ["not found"],
      };
    const wantTargets = expectedTargets(e, draft);
    const c: TaskComparison = {
      expected: e,
      found,
      deadline: sameDeadline(found.schedule.value, e, planDate),
      cycle:
        cycleOf(found.schedule.value) === expectedCycle(e) ||
        (expectedCycle(e) === "unplaced:" && found.schedule.value.kind === "unplaced"),
      targets: setEqual(wantTargets, found.targets.value),
      indicators: sameIndicators(found, e.indicators),
      differences: [],
    };
    if (!c.deadline)
      c.differences.push(
        `deadline: ${describe(found.schedule.value)} ≠ ${e.deadline ?? (e.periodic ? JSON.stringify(e.periodic) : `unplaced${e.every ? ` ${e.every}` : ""}`)}`,
      );
    if (!c.targets) c.differences.push(`targets: ${list(found.targets.value)} ≠ ${list(wantTargets)}`);
    if (!c.indicators)
      c.differences.push(
        `indicators: ${list(found.indicators.map((i) => (i.isNew ? i.def.label : i.def.code)))} ≠ ${list(e.indicators)}`,
      );
    return c;
  });
  const h = draft.header;
  const headerFields: [string, string | undefined, string][] = [
    ["number", h.number?.value, expected.header.number],
    ["date", h.date?.value, String(expected.header.date)],
    ["issuer", h.issuer?.value, expected.header.issuer],
    ["parent", h.parent?.value ?? "", expected.header.parent ?? ""],
    ["place", h.place?.value, expected.header.place],
    ["title", h.title?.value, expected.header.title],
  ];
  const headerDiffs = headerFields
    .filter(([, got, want]) => (got ?? "").normalize("NFC") !== want.normalize("NFC"))
    .map(([k, got, want]) => `${k}: "${got ?? ""}" ≠ "${want}"`);
  const foundUnmatched = [...new Set(draft.mentions.filter((m) => m.unmatched).map((m) => m.text))];
  const unmatchedOk =
    foundUnmatched.length === expected.unmatched.length &&
    expected.unmatched.every((u) => foundUnmatched.some((f) => searchKey(f) === searchKey(u)));
  const matched = comparisons.filter((c) => c.found);
  return {
    tasks: { expected: expected.tasks.length, found: live.length, matched: matched.length },
    fields: {
      deadline: matched.filter((c) => c.deadline).length,
      cycle: matched.filter((c) => c.cycle).length,
      targets: matched.filter((c) => c.targets).length,
      indicators: matched.filter((c) => c.indicators).length,
    },
    header: { matched: headerFields.length - headerDiffs.length, total: headerFields.length, differences: headerDiffs },
    lead: (draft.lead?.value ?? "") === (expected.lead_unit ?? ""),
    unmatched: { matched: unmatchedOk, expected: expected.unmatched, found: foundUnmatched },
    comparisons,
    extra: live.filter((_, i) => !usedDraft.has(i)),
  };
}

/**
 * The differences between a draft's plan file and a plan file made by hand from the same
 * document, field by field: the plan's header and report, the units, and each task of the
 * reference (matched by title words) with its schedule, targets and indicators.
 * @example planFileDifferences(draftFile, handFile) // ["plan.issuer: "UBND huyện Thạch Thành" ≠ "Phòng Văn hóa và Thông tin"", …]
 */
export function planFileDifferences(draft: PlanFile, reference: PlanFile): string[] {
  const out: string[] = [];
  const cmp = (path: string, a: unknown, b: unknown) => {
    const x = JSON.stringify(a ?? null);
    const y = JSON.stringify(b ?? null);
    if (x !== y) out.push(`${path}: ${x} ≠ ${y}`);
  };
  for (const key of ["number", "date", "title", "issuer", "parentIssuer", "place", "leadUnitCode"] as const)
    cmp(`plan.${key}`, draft.plan[key], reference.plan[key]);
  for (const key of ["office", "parent", "place", "abbreviation"] as const)
    cmp(`report.${key}`, draft.plan.report[key], reference.plan.report[key]);
  const codes = (f: PlanFile) => f.units.map((u) => u.code).sort();
  const missing = codes(reference).filter((c) => !codes(draft).includes(c));
  const added = codes(draft).filter((c) => !codes(reference).includes(c));
  if (missing.length) out.push(`units missing: ${list(missing)}`);
  if (added.length) out.push(`units added: ${list(added)}`);
  cmp("calendar entries", draft.calendar.length, reference.calendar.length);
  const used = new Set<number>();
  for (const r of reference.tasks) {
    let best = -1;
    let bestScore = 0;
    draft.tasks.forEach((d, i) => {
      const s = jaccard(d.title, r.title);
      if (!used.has(i) && s > bestScore) [best, bestScore] = [i, s];
    });
    if (best < 0 || bestScore < 0.2) {
      out.push(`task ${r.code} "${r.title}": no task in the draft`);
      continue;
    }
    used.add(best);
    const d = draft.tasks[best];
    const schedule = (s: PlanFile["tasks"][number]["schedule"]) =>
      s.kind === "once"
        ? `once ${s.dueDate}`
        : s.kind === "periodic"
          ? `${s.period} ${s.rule.type === "day_of_last_month" ? `day ${s.rule.day}` : `+${s.rule.days}`}`
          : `adhoc ${s.workingDays}`;
    const prefix = `task ${r.code} ~ ${d.code}`;
    if (schedule(d.schedule) !== schedule(r.schedule))
      out.push(`${prefix} schedule: ${schedule(d.schedule)} ≠ ${schedule(r.schedule)}`);
    if (!setEqual([...d.targets].sort(), [...r.targets].sort()))
      out.push(`${prefix} targets: ${list(d.targets)} ≠ ${list(r.targets)}`);
    const di = d.indicators.map((i) => i.code).sort();
    const ri = r.indicators.map((i) => i.code).sort();
    if (!setEqual(di, ri)) out.push(`${prefix} indicators: ${list(di)} ≠ ${list(ri)}`);
    if (searchKey(d.title) !== searchKey(r.title)) out.push(`${prefix} title: "${d.title}" ≠ "${r.title}"`);
  }
  draft.tasks.forEach((d, i) => {
    if (!used.has(i)) out.push(`task ${d.code} "${d.title}": not in the reference`);
  });
  return out;
}
