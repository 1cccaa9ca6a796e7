/**
 * A draft as a plan file (the YAML of plans/*.yaml, read by plan-file.ts): what the admin downloads
 * to edit, and what `/xacnhan` imports. Each task carries its source sentence as a comment; tasks
 * without a deadline the bot can use are listed in comments only (a plan file task needs one), so
 * the file always passes the importer's checks.
 */

import { Document, isMap, isSeq, type YAMLMap } from "yaml";
import { formatDmy } from "../../calendar/time.js";
import type { Translate } from "../../types.js";
import { isImportable } from "./draft-plan.js";
import type { DraftSchedule, PlanDraft } from "./types.js";
import { UNIT_CATEGORIES } from "./unit-categories.js";

export { isImportable };

/** A schedule in the plan file's words ("deadline" or "periodic"). */
function scheduleFields(s: DraftSchedule): Record<string, unknown> {
  if (s.kind === "once") return { deadline: s.phrase };
  if (s.kind === "periodic") {
    const rule = s.rule.type === "day_of_last_month" ? { day: s.rule.day } : { days_after_end: s.rule.days };
    return { periodic: { every: s.every, ...rule, start: s.start, end: s.end } };
  }
  return {};
}

const oneLine = (s: string, max = 300) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

/**
 * The plan file of a draft. `groupLabels` names the unit groups as the bot's plans already do
 * (tag → label); `fileName` is the document it was read from, for the first comment.
 * @example const yaml = draftToYaml(draft, t, { fileName: "ke-hoach.docx" }); parsePlanFile(yaml, t).ok // true
 */
export function draftToYaml(
  draft: PlanDraft,
  t: Translate,
  options: { fileName?: string; groupLabels?: Record<string, string> } = {},
): string {
  const h = draft.header;
  const lead = draft.lead ? draft.units.find((u) => u.code === draft.lead!.value) : undefined;
  const issuer = h.issuer?.value ?? "";
  const importable = draft.tasks.filter(isImportable);
  const tagsUsed = [
    ...new Set(importable.flatMap((task) => task.targets.value).filter((x) => !draft.units.some((u) => u.code === x))),
  ];
  const indicators: Record<string, { label: string; measure: string; synonyms: string[] }> = {};
  for (const task of importable)
    for (const i of task.indicators)
      indicators[i.def.code] ??= { label: i.def.label, measure: i.def.measure ?? "", synonyms: i.def.synonyms };

  const plan: Record<string, unknown> = {
    number: h.number?.value ?? "",
    date: h.date?.value ?? "",
    title: h.title?.value ?? "",
    issuer,
    parent_issuer: h.parent?.value ?? "",
    place: h.place?.value ?? "",
  };
  if (lead) plan.lead_unit = lead.code;
  // The results report is written by the lead office for the issuing council ("Phòng … / UBND huyện …"),
  // or by the issuing office itself.
  const report: Record<string, unknown> = {};
  if (lead && /^UBND\s/u.test(issuer)) Object.assign(report, { office: lead.name, parent: issuer });
  else if (issuer) Object.assign(report, { office: issuer, ...(h.parent ? { parent: h.parent.value } : {}) });
  if (h.place) report.place = h.place.value;
  if (h.abbreviation && /^[\p{Lu}\d.&-]{1,20}$/u.test(h.abbreviation.value)) report.abbreviation = h.abbreviation.value;

  const body: Record<string, unknown> = { plan };
  if (Object.keys(report).length) body.report = report;
  const groups = tagsUsed.map((tag) => ({
    tag,
    label:
      options.groupLabels?.[tag] ?? draft.groupLabels[tag] ?? UNIT_CATEGORIES.find((c) => c.tag === tag)?.label ?? tag,
  }));
  if (groups.length) body.unit_groups = groups;
  body.units = draft.units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, tags: u.tags }));
  if (Object.keys(indicators).length) body.indicators = indicators;
  body.tasks = importable.map((task) => ({
    code: task.code,
    title: task.title.value,
    targets: task.targets.value,
    ...scheduleFields(task.schedule.value),
    ...(task.indicators.length ? { indicators: task.indicators.map((i) => i.def.code) } : {}),
  }));

  const doc = new Document(body);
  const comments = [t("plandraft:yaml_header", { file: options.fileName ?? "", count: draft.tasks.length })];
  const skipped = draft.tasks.filter((task) => !task.dropped && !isImportable(task));
  if (skipped.length) {
    comments.push(t("plandraft:yaml_not_imported", { n: draft.tasks.indexOf(skipped[0]) + 1 }));
    for (const task of skipped) {
      const n = draft.tasks.indexOf(task) + 1;
      comments.push(`  #${n} ${oneLine(task.title.value, 120)} — ${oneLine(task.schedule.source, 160)}`);
    }
  }
  doc.commentBefore = comments.map((c) => ` ${c}`).join("\n");
  const root = doc.contents as YAMLMap;
  const units = root.get("units", true);
  if (isSeq(units)) {
    for (const [i, u] of draft.units.entries()) {
      const node = units.items[i] as YAMLMap;
      node.flow = true;
      if (u.isNew) node.comment = ` ${t("plandraft:yaml_new_unit")}`;
    }
  }
  const tasks = root.get("tasks", true);
  if (isSeq(tasks)) {
    for (const [i, task] of importable.entries()) {
      const node = tasks.items[i];
      if (!isMap(node)) continue;
      const lines = [`#${draft.tasks.indexOf(task) + 1} ${t("plandraft:yaml_source")}: ${oneLine(task.title.source)}`];
      if (task.schedule.source !== task.title.source)
        lines.push(`${t("plandraft:yaml_deadline_source")}: ${oneLine(task.schedule.source)}`);
      const s = task.schedule.value;
      if (s.kind === "once") lines.push(t("plandraft:yaml_due", { date: formatDmy(s.dueDate) }));
      if (task.lead) lines.push(`${t("plandraft:yaml_lead")}: ${task.lead.value}`);
      if (task.assisting) lines.push(`${t("plandraft:yaml_assisting")}: ${oneLine(task.assisting, 160)}`);
      node.commentBefore = lines.map((l) => ` ${l}`).join("\n");
    }
  }
  for (const key of ["units", "tasks", "indicators", "unit_groups", "report"]) {
    const pair = root.items.find((p) => (p.key as { value?: unknown })?.value === key);
    if (pair?.key && typeof pair.key === "object") (pair.key as { spaceBefore?: boolean }).spaceBefore = true;
  }
  return doc.toString({ lineWidth: 0 });
}
