/**
 * Plan files: one YAML document describing a plan, its units, calendar entries, indicators and
 * tasks. Validated with zod; errors name the line and the field.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { z } from "zod";
import { CODE_PATTERN, normaliseCode, normaliseTag, TAG_PATTERN } from "../args.js";
import { parseDeadlinePhrase } from "../calendar/deadline-phrase.js";
import { addDays, isIsoDate, parseDmy } from "../calendar/time.js";
import type { PlanRecord } from "../ports.js";
import type { PlanInput } from "../repositories.js";
import { truncate } from "../text-limits.js";
import type { CalendarEntryInput, DayOffRule, ReminderPolicy, Schedule, Translate } from "../types.js";
import { DEFAULT_REMINDER_POLICY } from "../types.js";
import { isValidUnitName } from "../units/units.js";

/** The schema, with custom messages in the language of `t`. */
function buildSchema(t: Translate) {
  const date = z.union([z.string(), z.date()]).transform((v, ctx) => {
    const text = v instanceof Date ? v.toISOString().slice(0, 10) : v.trim();
    const iso = isIsoDate(text) ? text : parseDmy(text);
    if (!iso) ctx.addIssue({ code: "custom", message: t("planfile:bad_date", { text }) });
    return iso ?? "";
  });

  const code = z.string().transform((v, ctx) => {
    const c = normaliseCode(v);
    if (!CODE_PATTERN.test(c)) ctx.addIssue({ code: "custom", message: t("planfile:bad_code", { code: v }) });
    return c;
  });

  const tag = z.string().transform((v, ctx) => {
    const normalised = normaliseTag(v);
    if (!TAG_PATTERN.test(normalised)) ctx.addIssue({ code: "custom", message: t("planfile:bad_tag", { tag: v }) });
    return normalised;
  });

  // The same rule as /donvi_them: no 5,000-character names, NUL or right-to-left overrides.
  const unitName = z.string().transform((v, ctx) => {
    const name = v.normalize("NFC").trim();
    if (!isValidUnitName(name))
      ctx.addIssue({
        code: "custom",
        message: t("planfile:bad_unit_name", { name: truncate(name.replace(/[\p{Cc}\p{Cf}]/gu, "?"), 40) }),
      });
    return name;
  });

  // Bộ luật Dân sự 2015, Điều 148 khoản 5 is the default: a last day that is a day off moves to the next working day.
  const dayOff = z.enum(["next_working_day", "previous_working_day", "keep"]);

  const indicator = z.object({
    label: z.string().min(1),
    measure: z.string().default(""),
    synonyms: z.array(z.string()).default([]),
  });

  const reminders = z
    .object({
      before: z.array(z.number().int().min(1).max(60)).default(DEFAULT_REMINDER_POLICY.before),
      on_due_day: z.boolean().default(true),
      after: z.array(z.number().int().min(1).max(60)).default(DEFAULT_REMINDER_POLICY.after),
      escalate_after: z.number().int().min(0).max(60).default(DEFAULT_REMINDER_POLICY.escalateAfter),
      time: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, t("planfile:time_format"))
        .default(DEFAULT_REMINDER_POLICY.time),
    })
    .strict();

  const periodic = z
    .object({
      every: z.enum(["month", "quarter", "half_year", "year"]),
      day: z.number().int().min(1).max(31).optional(),
      days_after_end: z.number().int().min(0).max(90).optional(),
      start: date,
      end: date.optional(),
    })
    .strict()
    .refine((p) => (p.day === undefined) !== (p.days_after_end === undefined), t("planfile:day_or_days_after_end"));

  const task = z
    .object({
      code,
      title: z.string().min(3),
      targets: z.array(z.string().min(1)).min(1),
      deadline: z.string().optional(),
      periodic: periodic.optional(),
      adhoc_working_days: z.number().int().min(1).max(60).optional(),
      indicators: z.array(z.string()).default([]),
      reminders: reminders.optional(),
      backfill: z.boolean().default(false),
      deadline_on_day_off: dayOff.optional(),
    })
    .strict()
    .refine(
      (x) => [x.deadline, x.periodic, x.adhoc_working_days].filter((v) => v !== undefined).length === 1,
      t("planfile:one_schedule"),
    );

  const calendarEntry = z
    .object({
      date: z
        .union([z.string(), z.date()])
        .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim())),
      kind: z.enum(["holiday", "workday"]),
      name: z.string().min(1),
    })
    .strict();

  return z
    .object({
      plan: z
        .object({
          number: z.string().min(3),
          date,
          title: z.string().min(3),
          issuer: z.string().default(""),
          parent_issuer: z.string().default(""),
          place: z.string().default(""),
          lead_unit: code.optional(),
          /** The plan's last day; default: the end of its year, or its last deadline if later. */
          end: date.optional(),
          deadline_on_day_off: dayOff.optional(),
          rollup: z
            .object({
              weekly: z.boolean().optional(),
              weekly_day: z.number().int().min(0).max(6).optional(),
              weekly_time: z
                .string()
                .regex(/^([01]\d|2[0-3]):[0-5]\d$/, t("planfile:time_format"))
                .optional(),
              after_deadline_time: z
                .string()
                .regex(/^([01]\d|2[0-3]):[0-5]\d$/, t("planfile:time_format"))
                .optional(),
            })
            .strict()
            .optional(),
        })
        .strict(),
      report: z
        .object({
          office: z.string().min(2).optional(),
          parent: z.string().optional(),
          place: z.string().optional(),
          abbreviation: z
            .string()
            .regex(/^[\p{Lu}\d.&-]{1,20}$/u, t("planfile:bad_abbreviation"))
            .optional(),
          to: z.string().optional(),
          recipients: z.array(z.string().min(1)).max(20).optional(),
          signer: z
            .object({
              authority: z.string().optional(),
              title: z.string().min(2).optional(),
              name: z.string().optional(),
            })
            .strict()
            .optional(),
        })
        .strict()
        .optional(),
      unit_groups: z
        .array(z.object({ tag, label: z.string().min(2) }).strict())
        .max(20)
        .default([]),
      units: z
        .array(
          z.object({ code, name: unitName, kind: z.string().default("khac"), tags: z.array(tag).default([]) }).strict(),
        )
        .default([]),
      calendar: z.array(calendarEntry).default([]),
      indicators: z.record(z.string(), indicator).default({}),
      tasks: z.array(task).default([]),
    })
    .strict();
}

const schemas = new WeakMap<Translate, ReturnType<typeof buildSchema>>();
function schemaFor(t: Translate): ReturnType<typeof buildSchema> {
  let schema = schemas.get(t);
  if (!schema) schemas.set(t, (schema = buildSchema(t)));
  return schema;
}

type RawPlanFile = z.infer<ReturnType<typeof buildSchema>>;

/** A validated plan file, ready to import. */
export interface PlanFile {
  plan: PlanInput & {
    rollup: PlanRecord["rollup"];
    unitGroups: PlanRecord["unitGroups"];
    report: PlanRecord["report"];
  };
  units: { code: string; name: string; kind: string; tags: string[] }[];
  calendar: CalendarEntryInput[];
  tasks: {
    code: string;
    title: string;
    targets: string[];
    schedule: Schedule;
    deadlineText: string;
    reminder: ReminderPolicy | null;
    /** Periods already past at import are assigned too. */
    backfill: boolean;
    indicators: { code: string; label: string; measure: string; synonyms: string[] }[];
  }[];
}

export type PlanFileResult = { ok: true; file: PlanFile } | { ok: false; errors: string[] };

function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key);
      node = pair?.value;
      const range = (pair?.key as YamlNode | undefined)?.range;
      if (range) line = counter.linePos(range[0]).line;
    } else if (isSeq(node) && typeof key === "number") {
      node = node.items[key];
      const range = (node as YamlNode | undefined)?.range;
      if (range) line = counter.linePos(range[0]).line;
    } else break;
  }
  return line;
}

function expandDates(
  entry: { date: string; kind: "holiday" | "workday"; name: string },
  t: Translate,
): CalendarEntryInput[] | string {
  const [fromText, toText] = entry.date.split("..").map((s) => s.trim());
  const from = isIsoDate(fromText) ? fromText : parseDmy(fromText);
  const to = toText === undefined ? from : isIsoDate(toText) ? toText : parseDmy(toText);
  if (!from || !to || to < from) return t("planfile:bad_date_range", { text: entry.date });
  const out: CalendarEntryInput[] = [];
  for (let d = from; d <= to && out.length < 366; d = addDays(d, 1))
    out.push({ date: d, kind: entry.kind, name: entry.name });
  return out;
}

function toSchedule(
  raw: RawPlanFile["tasks"][number],
  planDate: string,
  planDayOff: DayOffRule | undefined,
  t: Translate,
): { schedule: Schedule; deadlineText: string } | string {
  // The task's own rule, else the plan's; absent means the law's default (next working day).
  const rule = raw.deadline_on_day_off ?? planDayOff;
  const onDayOff = rule ? { onDayOff: rule } : {};
  if (raw.deadline !== undefined) {
    const parsed = parseDeadlinePhrase(raw.deadline, planDate);
    if (!parsed.ok) return t("planfile:bad_deadline", { text: raw.deadline });
    return { schedule: { kind: "once", dueDate: parsed.dueDate, ...onDayOff }, deadlineText: raw.deadline };
  }
  if (raw.periodic) {
    const p = raw.periodic;
    const rule =
      p.day !== undefined
        ? { type: "day_of_last_month" as const, day: p.day }
        : { type: "days_after_end" as const, days: p.days_after_end! };
    return {
      schedule: {
        kind: "periodic",
        period: p.every,
        rule,
        start: p.start,
        ...(p.end ? { end: p.end } : {}),
        ...onDayOff,
      },
      deadlineText: "",
    };
  }
  return {
    schedule: { kind: "adhoc", workingDays: raw.adhoc_working_days!, issuedAt: `${planDate}T00:00:00.000Z` },
    deadlineText: `${raw.adhoc_working_days}`,
  };
}

/**
 * Bounds on a plan file: 1 MB of text, 5,000 units (more than any province's communes; a commune
 * office has far fewer villages), 100 YAML aliases (anchors reused, e.g. a shared reminder policy).
 */
export const PLAN_LIMITS = { bytes: 1024 * 1024, units: 5_000, aliases: 100 };

/**
 * Parses and validates a plan file. Errors are in the language of `t` (zod's own messages use the
 * locale named by "planfile:zod_locale"), one per problem, with line numbers.
 * @example const r = parsePlanFile(readFileSync("plans/thach-thanh-cchc-2021.yaml", "utf8"), t); if (r.ok) r.file.tasks
 */
export function parsePlanFile(text: string, t: Translate): PlanFileResult {
  if (new TextEncoder().encode(text).length > PLAN_LIMITS.bytes)
    return { ok: false, errors: [t("planfile:too_big", { max: PLAN_LIMITS.bytes / 1048576 })] };
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors
        .slice(0, 10)
        .map((e) => t("planfile:yaml_error", { line: counter.linePos(e.pos[0]).line, code: e.code })),
    };
  }
  let js: unknown;
  try {
    // An alias bomb ("billion laughs") expands a few lines into gigabytes: the yaml library stops it.
    js = doc.toJS({ maxAliasCount: PLAN_LIMITS.aliases });
  } catch {
    return { ok: false, errors: [t("planfile:too_many_aliases", { max: PLAN_LIMITS.aliases })] };
  }
  const unitCount = (js as { units?: unknown } | null)?.units;
  if (Array.isArray(unitCount) && unitCount.length > PLAN_LIMITS.units) {
    return { ok: false, errors: [t("planfile:too_many_units", { count: unitCount.length, max: PLAN_LIMITS.units })] };
  }
  const zodLocale = t("planfile:zod_locale") === "en" ? z.locales.en() : z.locales.vi();
  const parsed = schemaFor(t).safeParse(js, { error: zodLocale.localeError });
  const at = (line: number | string | undefined, path: string, message: string) =>
    line === undefined ? t("planfile:issue", { path, message }) : t("planfile:issue_at_line", { line, path, message });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues
        .slice(0, 20)
        .map((i) => at(lineOf(doc, counter, i.path) || undefined, i.path.join(".") || t("planfile:root"), i.message)),
    };
  }
  const raw = parsed.data;
  const errors: string[] = [];
  const calendar: CalendarEntryInput[] = [];
  raw.calendar.forEach((entry, i) => {
    const days = expandDates(entry, t);
    if (typeof days === "string")
      errors.push(at(lineOf(doc, counter, ["calendar", i]) ?? "?", `calendar.${i}.date`, days));
    else calendar.push(...days);
  });
  const unitCodes = new Set(raw.units.map((u) => u.code));
  const tags = new Set(raw.units.flatMap((u) => u.tags));
  const tasks: PlanFile["tasks"] = [];
  raw.tasks.forEach((task, i) => {
    const where = (field: string, message: string) =>
      at(
        lineOf(doc, counter, ["tasks", i, field]) ?? lineOf(doc, counter, ["tasks", i]) ?? "?",
        `tasks.${i}.${field}`,
        message,
      );
    const schedule = toSchedule(task, raw.plan.date, raw.plan.deadline_on_day_off, t);
    if (typeof schedule === "string") return void errors.push(where("deadline", schedule));
    for (const target of task.targets) {
      if (!unitCodes.has(normaliseCode(target)) && !tags.has(normaliseTag(target)))
        errors.push(where("targets", t("planfile:unknown_target", { target })));
    }
    const indicators = task.indicators.map((c) => ({ c, def: raw.indicators[c] }));
    for (const { c, def } of indicators)
      if (!def) errors.push(where("indicators", t("planfile:unknown_indicator", { code: c })));
    const r = task.reminders;
    tasks.push({
      code: task.code,
      title: task.title,
      targets: task.targets,
      ...schedule,
      reminder: r
        ? { before: r.before, onDueDay: r.on_due_day, after: r.after, escalateAfter: r.escalate_after, time: r.time }
        : null,
      backfill: task.backfill,
      indicators: indicators
        .filter((x) => x.def)
        .map(({ c, def }) => ({ code: c, label: def.label, measure: def.measure, synonyms: def.synonyms })),
    });
  });
  raw.unit_groups.forEach((g, i) => {
    if (!tags.has(g.tag))
      errors.push(
        at(
          lineOf(doc, counter, ["unit_groups", i]) ?? "?",
          `unit_groups.${i}.tag`,
          t("planfile:unknown_group_tag", { tag: g.tag }),
        ),
      );
  });
  if (raw.plan.lead_unit && !unitCodes.has(raw.plan.lead_unit))
    errors.push(at(undefined, "plan.lead_unit", t("planfile:unknown_lead_unit", { code: raw.plan.lead_unit })));
  if (raw.plan.end && raw.plan.end < raw.plan.date)
    errors.push(at(lineOf(doc, counter, ["plan", "end"]), "plan.end", t("planfile:end_before_date")));
  if (errors.length) return { ok: false, errors };
  const p = raw.plan;
  const r = raw.report;
  const report: PlanRecord["report"] = Object.fromEntries(
    Object.entries({
      office: r?.office,
      parent: r?.parent,
      place: r?.place,
      abbreviation: r?.abbreviation,
      to: r?.to,
      recipients: r?.recipients,
      signerAuthority: r?.signer?.authority,
      signerTitle: r?.signer?.title,
      signerName: r?.signer?.name,
    }).filter(([, v]) => v !== undefined),
  );
  return {
    ok: true,
    file: {
      plan: {
        number: p.number,
        date: p.date,
        title: p.title,
        issuer: p.issuer,
        parentIssuer: p.parent_issuer,
        place: p.place,
        leadUnitCode: p.lead_unit,
        ...(p.end ? { endDate: p.end } : {}),
        rollup: {
          weekly: p.rollup?.weekly,
          weeklyDay: p.rollup?.weekly_day,
          weeklyTime: p.rollup?.weekly_time,
          afterDeadlineTime: p.rollup?.after_deadline_time,
        },
        unitGroups: raw.unit_groups,
        report,
      },
      units: raw.units,
      calendar,
      tasks,
    },
  };
}
