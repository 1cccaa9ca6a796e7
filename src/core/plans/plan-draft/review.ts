/**
 * What the admin reads while checking a draft: a short summary ("Dự thảo kế hoạch 20/KH-UBND: 3
 * nhiệm vụ, 27 đơn vị, 0 chưa khớp"), what is missing, and one text per task with its source
 * sentence, all from the "plandraft" texts of the locales. Deadlines are shown as every other text
 * shows them ("Thứ Ba, 09/02/2021"), with the document's own words when they differ.
 */

import { formatDmy, weekdayOf } from "../../calendar/time.js";
import type { Translate } from "../../types.js";
import { isImportable } from "./draft-plan.js";
import type { DraftSchedule, DraftTask, PlanDraft } from "./types.js";
import { UNIT_CATEGORIES } from "./unit-categories.js";

const quote = (s: string, max = 400) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

const day = (iso: string, t: Translate) => `${t(`common:weekday_${weekdayOf(iso)}`)}, ${formatDmy(iso)}`;

/** The first deadline of a periodic schedule (its stated day; a day off is moved when assigned). */
function firstDue(s: Extract<DraftSchedule, { kind: "periodic" }>): string {
  const months = { month: 1, quarter: 3, half_year: 6, year: 12 }[s.every];
  const y = Number(s.start.slice(0, 4));
  const m = Number(s.start.slice(5, 7));
  const lastMonth = m + months - 1;
  if (s.rule.type === "day_of_last_month") {
    const days = new Date(Date.UTC(y, lastMonth, 0)).getUTCDate();
    return `${y}-${String(lastMonth).padStart(2, "0")}-${String(Math.min(s.rule.day, days)).padStart(2, "0")}`;
  }
  const end = new Date(Date.UTC(y, lastMonth, 0));
  end.setUTCDate(end.getUTCDate() + s.rule.days);
  return end.toISOString().slice(0, 10);
}

/**
 * A schedule in words: "Thứ Ba, 09/02/2021 (văn bản ghi: trước ngày 10/02/2021)", "hằng quý, ngày 14
 * tháng cuối quý (kỳ đầu: Chủ nhật, 14/03/2021)", "chưa có (văn bản ghi «định kỳ hoặc đột xuất»)".
 */
export function describeSchedule(s: DraftSchedule, t: Translate): string {
  if (s.kind === "once") {
    const stated = /^trước ngày (\S+)$/u.exec(s.phrase)?.[1];
    return stated ? t("plandraft:once_before", { deadline: day(s.dueDate, t), stated }) : day(s.dueDate, t);
  }
  if (s.kind === "periodic") {
    const rule =
      s.rule.type === "day_of_last_month"
        ? t(`plandraft:periodic_day_${s.every}`, { day: s.rule.day })
        : t(`plandraft:periodic_after_${s.every}`, { count: s.rule.days });
    return t("plandraft:periodic", { rule, first: day(firstDue(s), t), end: formatDmy(s.end) });
  }
  const phrase = s.phrase ? quote(s.phrase, 80) : "";
  if (s.why === "cycle_unsupported")
    return t("plandraft:unplaced_unsupported", { phrase, cycle: t(`plandraft:cycle_${s.every ?? "week"}`) });
  if (s.why === "no_day" && s.every) return t("plandraft:unplaced_no_day", { phrase });
  return phrase ? t("plandraft:unplaced", { phrase }) : t("plandraft:unplaced_plain");
}

/** Targets in words: a tag as its group with how many units, a code as the unit's name. */
export function describeTargets(
  task: DraftTask,
  draft: PlanDraft,
  t: Translate,
  groupLabels: Record<string, string> = {},
): string {
  if (!task.targets.value.length) return t("plandraft:targets_unknown", { n: draft.tasks.indexOf(task) + 1 });
  return task.targets.value
    .map((target) => {
      const unit = draft.units.find((u) => u.code === target);
      if (unit) return unit.isNew ? t("plandraft:target_new", { name: unit.name }) : unit.name;
      const count = draft.units.filter((u) => u.tags.includes(target)).length;
      const label =
        groupLabels[target] ??
        draft.groupLabels[target] ??
        UNIT_CATEGORIES.find((c) => c.tag === target)?.label ??
        target;
      return t("plandraft:target_group", { label, tag: target, count });
    })
    .join("; ");
}

/** Units the document names that match none of the bot's. */
export function unmatchedMentions(draft: PlanDraft): PlanDraft["mentions"] {
  const seen = new Set<string>();
  return draft.mentions.filter((m) => m.unmatched && !seen.has(m.text) && seen.add(m.text));
}

/** How many units the draft reaches, and how many names match nothing (the summary's figures). */
export function draftCounts(draft: PlanDraft): { tasks: number; units: number; unmatched: number } {
  return {
    tasks: draft.tasks.filter((x) => !x.dropped).length,
    units: draft.units.length,
    unmatched: unmatchedMentions(draft).length,
  };
}

/**
 * The summary message: figures, header, lead, what is missing, how to correct and confirm.
 * @example reviewSummary(draft, t) // "Dự thảo kế hoạch 20/KH-UBND: 3 nhiệm vụ, 27 đơn vị, 0 chưa khớp.\n…"
 */
export function reviewSummary(draft: PlanDraft, t: Translate): string {
  const h = draft.header;
  const counts = draftCounts(draft);
  const lines = [t("plandraft:summary", { number: h.number?.value ?? t("plandraft:number_unknown"), ...counts })];
  if (h.title) lines.push(t("plandraft:header_title", { title: h.title.value }));
  if (h.issuer)
    lines.push(
      h.parent
        ? t("plandraft:header_issuer_parent", { issuer: h.issuer.value, parent: h.parent.value })
        : t("plandraft:header_issuer", { issuer: h.issuer.value }),
    );
  if (h.date || h.place)
    lines.push(
      t("plandraft:header_date", { place: h.place?.value ?? "…", date: h.date ? formatDmy(h.date.value) : "…" }),
    );
  const lead = draft.lead && draft.units.find((u) => u.code === draft.lead!.value);
  if (lead) lines.push(t("plandraft:header_lead", { lead: lead.name }));
  const missing = (["number", "date", "title", "issuer"] as const)
    .filter((k) => !h[k])
    .map((k) => t(`plandraft:field_${k}`));
  if (missing.length) lines.push(t("plandraft:header_missing", { fields: missing.join(", ") }));
  if (draft.degraded) lines.push(t("plandraft:degraded"));
  const unmatched = unmatchedMentions(draft);
  if (unmatched.length) {
    lines.push(t("plandraft:unmatched_heading", { count: unmatched.length }));
    for (const m of unmatched)
      lines.push(
        m.proposed
          ? t("plandraft:unmatched_new", { name: m.text, code: m.proposed.code })
          : t("plandraft:unmatched_none", { name: m.text }),
      );
  }
  const numbers = (list: DraftTask[]) => list.map((x) => `#${draft.tasks.indexOf(x) + 1}`).join(", ");
  const undated = draft.tasks.filter((x) => !x.dropped && x.schedule.value.kind === "unplaced");
  if (undated.length)
    lines.push(
      t("plandraft:undated", {
        count: undated.length,
        list: numbers(undated),
        example: `#${draft.tasks.indexOf(undated[0]) + 1}`,
      }),
    );
  const noTargets = draft.tasks.filter((x) => !x.dropped && !x.targets.value.length);
  if (noTargets.length)
    lines.push(
      t("plandraft:no_targets", {
        count: noTargets.length,
        list: numbers(noTargets),
        example: `#${draft.tasks.indexOf(noTargets[0]) + 1}`,
      }),
    );
  // The example names a task the officer can see in the list, not a fixed number.
  const firstImportable = draft.tasks.findIndex(isImportable);
  lines.push(
    firstImportable >= 0
      ? t("plandraft:how_to", { n: firstImportable + 1 })
      : t("plandraft:how_to_nothing_yet", {
          n:
            Math.max(
              0,
              draft.tasks.findIndex((x) => !x.dropped),
            ) + 1,
        }),
  );
  return lines.join("\n");
}

/**
 * One task's message: title, deadline, units, lead, indicators, source sentence.
 * @example reviewTask(draft, 0, t) // "#1 Xây dựng kế hoạch …\nHạn: Thứ Ba, 09/02/2021 (văn bản ghi: trước ngày 10/02/2021)\n…"
 */
export function reviewTask(
  draft: PlanDraft,
  index: number,
  t: Translate,
  groupLabels: Record<string, string> = {},
): string {
  const task = draft.tasks[index];
  const n = index + 1;
  if (task.dropped) return t("plandraft:task_dropped", { n, title: task.title.value });
  const lines = [t("plandraft:task_head", { n, title: task.title.value })];
  lines.push(t("plandraft:task_deadline", { deadline: describeSchedule(task.schedule.value, t) }));
  lines.push(t("plandraft:task_targets", { targets: describeTargets(task, draft, t, groupLabels) }));
  const lead = task.lead && draft.units.find((u) => u.code === task.lead!.value);
  if (lead && lead.code !== draft.lead?.value) lines.push(t("plandraft:task_lead", { lead: lead.name }));
  if (task.assisting) lines.push(t("plandraft:task_assisting", { text: quote(task.assisting, 200) }));
  lines.push(
    task.indicators.length
      ? t("plandraft:task_indicators", {
          list: task.indicators
            .map((i) => (i.isNew ? t("plandraft:new_indicator", { label: i.def.label }) : i.def.label))
            .join(", "),
        })
      : t("plandraft:task_no_indicators"),
  );
  lines.push(t("plandraft:task_source", { text: quote(task.title.source) }));
  if (task.schedule.source !== task.title.source && !task.title.source.includes(task.schedule.source))
    lines.push(t("plandraft:task_deadline_source", { text: quote(task.schedule.source) }));
  return lines.join("\n");
}
