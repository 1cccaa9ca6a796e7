/**
 * Drafts a plan from its document's text: blocks (document-blocks.ts) → header (header.ts) →
 * units (units.ts) → tasks with deadlines and indicators (tasks.ts, deadlines.ts, indicators.ts).
 * Pure: the text and what the bot knows (its units, indicators, today) in, a draft out. The draft
 * becomes a plan file with draft-yaml.ts and is corrected with corrections.ts.
 */

import { normaliseCode } from "../../args.js";
import { readBlocks } from "./document-blocks.js";
import { readHeader } from "./header.js";
import { isDegraded } from "./ocr-text.js";
import { createRestorer } from "./restore-diacritics.js";
import { findTasks } from "./tasks.js";
import type { DraftContext, DraftTask, KnownUnit, PlanDraft } from "./types.js";
import { createUnitMatcher } from "./units.js";

export type DraftResult =
  | { ok: true; draft: PlanDraft }
  | { ok: false; error: "empty" | "no_tasks"; draft?: PlanDraft };

/** Runs of capitalised words in names ("Huyện đoàn Thạch Thành" → "Thạch Thành"): places the restorer should know. */
function properNames(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of names)
    for (const m of n.matchAll(/(?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*)+/gu)) out.add(m[0]);
  return [...out];
}

/** A task code unique across plans: the plan's number and year, then the task's place ("KH20_2021_NV01"). */
export function taskCodeOf(planNumber: string | undefined, year: number, n: number): string {
  const num = /^(\d{1,5})/.exec(planNumber ?? "")?.[1];
  const prefix = num ? `KH${num}_${year}` : `KH_${year}`;
  return normaliseCode(`${prefix}_NV${String(n).padStart(2, "0")}`);
}

/**
 * Drafts a plan from a document's text.
 * @example
 * const r = draftPlan(readFileSync("seed.txt", "utf8"), { units, indicators: SAMPLE_INDICATORS, today: "2021-01-29" });
 * if (r.ok) r.draft.tasks.map((t) => t.schedule.value) // [{ kind: "once", dueDate: "2021-02-09", … }, …]
 */
export function draftPlan(text: string, context: DraftContext): DraftResult {
  const clean = text.normalize("NFC").replaceAll(String.fromCharCode(0), "");
  if (!/\p{L}{2,}/u.test(clean)) return { ok: false, error: "empty" };
  const degraded = isDegraded(clean);
  const names = [...context.units.map((u) => u.name), ...context.indicators.map((i) => i.label)];
  const restorer = degraded ? createRestorer([...names, ...properNames(context.units.map((u) => u.name))]) : null;
  const doc = readBlocks(clean);
  const header = readHeader(doc, clean, restorer);
  const date = header.date?.value ?? context.today;
  const year = Number(date.slice(0, 4));
  // "giai đoạn 2021 - 2025": periodic tasks run to the end of the last year.
  const span = /giai\s+đoạn\s+(\d{4})\s*[-–]\s*(\d{4})/iu.exec(header.title?.value ?? "");
  const planEnd = `${span ? span[2] : year}-12-31`;
  const places = [
    header.place?.value,
    ...(header.issuer ? [header.issuer.value.replace(/^UBND\s+\S+\s+/u, "")] : []),
  ].filter((p): p is string => Boolean(p));
  const matcher = createUnitMatcher(context.units, places, restorer);
  const stage = findTasks(doc, {
    matcher,
    restorer,
    deadlines: { year, planDate: date, planEnd },
    indicators: context.indicators,
  });

  const tasks: DraftTask[] = stage.tasks.map((t, i) => ({
    code: taskCodeOf(header.number?.value, year, i + 1),
    title: t.title,
    schedule: t.schedule,
    targets: t.targets,
    ...(t.lead ? { lead: t.lead } : {}),
    indicators: t.indicators,
    ...(t.assisting ? { assisting: t.assisting } : {}),
  }));
  // A group's label: the bot's own plans first, else the words of the document's first mention of it.
  const groupLabels: Record<string, string> = {};
  for (const m of stage.mentions)
    if (m.label && m.targets.length === 1 && !context.units.some((u) => u.code === m.targets[0]))
      groupLabels[m.targets[0]] ??= m.label;
  Object.assign(groupLabels, context.groupLabels ?? {});
  const draft: PlanDraft = {
    header,
    ...(stage.lead ? { lead: stage.lead } : {}),
    mentions: stage.mentions,
    units: [],
    tasks,
    degraded,
    year,
    groupLabels,
  };
  draft.units = planUnits(draft, context.units, stage.proposed);
  if (!tasks.length) return { ok: false, error: "no_tasks", draft };
  return { ok: true, draft };
}

/** Whether a task can go into a plan file: a deadline or a cycle with its day, and someone to do it. */
export function isImportable(task: DraftTask): boolean {
  return !task.dropped && task.schedule.value.kind !== "unplaced" && task.targets.value.length > 0;
}

/**
 * The units a plan file must list for a draft: every unit its tasks reach (by code or tag), its
 * lead, and the new units it proposes that a task uses. Recomputed after every correction.
 * @example planUnits(draft, knownUnits, proposed).filter((u) => u.isNew).map((u) => u.code) // ["CONG_AN_XA"]
 */
export function planUnits(
  draft: Pick<PlanDraft, "tasks" | "lead">,
  known: readonly KnownUnit[],
  proposed: readonly KnownUnit[],
): PlanDraft["units"] {
  const all = [
    ...known.map((u) => ({ ...u, isNew: false })),
    ...proposed.filter((p) => !known.some((k) => k.code === p.code)).map((u) => ({ ...u, isNew: true })),
  ];
  const wanted = new Set<string>();
  for (const t of draft.tasks)
    for (const target of t.targets.value)
      for (const u of all) if (u.code === target || u.tags.includes(target)) wanted.add(u.code);
  if (draft.lead) wanted.add(draft.lead.value);
  return all.filter((u) => wanted.has(u.code));
}
