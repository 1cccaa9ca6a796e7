/**
 * Plan files: one YAML document describing a plan, its units, calendar entries, indicators and
 * tasks. Validated with zod; errors name the line and the field.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { z } from "zod";

// Plan-file errors are read by Vietnamese admins.
const vietnameseErrors = z.locales.vi().localeError;
import { CODE_PATTERN, normaliseCode, normaliseTag, TAG_PATTERN } from "./args.js";
import { parseDeadlinePhrase } from "./deadline-phrase.js";
import { addDays, isIsoDate, parseDmy } from "./time.js";
import type { CalendarEntryInput, ReminderPolicy, Schedule } from "./types.js";
import { DEFAULT_REMINDER_POLICY } from "./types.js";

const date = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const text = v instanceof Date ? v.toISOString().slice(0, 10) : v.trim();
  const iso = isIsoDate(text) ? text : parseDmy(text);
  if (!iso) ctx.addIssue({ code: "custom", message: `không phải ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd): ${text}` });
  return iso ?? "";
});

const code = z.string().transform((v, ctx) => {
  const c = normaliseCode(v);
  if (!CODE_PATTERN.test(c)) ctx.addIssue({ code: "custom", message: `mã không hợp lệ: ${v} (chữ in hoa, số, dấu _ ; ví dụ XA_THACH_BINH)` });
  return c;
});

const tag = z.string().transform((v, ctx) => {
  const t = normaliseTag(v);
  if (!TAG_PATTERN.test(t)) ctx.addIssue({ code: "custom", message: `nhãn không hợp lệ: ${v} (ví dụ xa, phong-ban)` });
  return t;
});

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
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "giờ dạng HH:MM").default(DEFAULT_REMINDER_POLICY.time),
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
  .refine((p) => (p.day === undefined) !== (p.days_after_end === undefined), "cần đúng một trong hai: day (ngày của tháng cuối kỳ) hoặc days_after_end (số ngày sau khi hết kỳ)");

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
  })
  .strict()
  .refine((t) => [t.deadline, t.periodic, t.adhoc_working_days].filter((x) => x !== undefined).length === 1, "cần đúng một lịch: deadline, periodic hoặc adhoc_working_days");

const calendarEntry = z
  .object({
    date: z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim())),
    kind: z.enum(["holiday", "workday"]),
    name: z.string().min(1),
  })
  .strict();

const planFileSchema = z
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
        rollup: z
          .object({
            weekly_day: z.number().int().min(0).max(6).optional(),
            weekly_time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "giờ dạng HH:MM").optional(),
            after_deadline_time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "giờ dạng HH:MM").optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    units: z
      .array(z.object({ code, name: z.string().min(2), kind: z.string().default("khac"), tags: z.array(tag).default([]) }).strict())
      .default([]),
    calendar: z.array(calendarEntry).default([]),
    indicators: z.record(z.string(), indicator).default({}),
    tasks: z.array(task).default([]),
  })
  .strict();

type RawPlanFile = z.infer<typeof planFileSchema>;

/** A validated plan file, ready to import. */
export interface PlanFile {
  plan: {
    number: string;
    date: string;
    title: string;
    issuer: string;
    parentIssuer: string;
    place: string;
    leadUnitCode?: string;
    rollup: { weeklyDay?: number; weeklyTime?: string; afterDeadlineTime?: string };
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

function expandDates(entry: { date: string; kind: "holiday" | "workday"; name: string }): CalendarEntryInput[] | string {
  const [fromText, toText] = entry.date.split("..").map((s) => s.trim());
  const from = isIsoDate(fromText) ? fromText : parseDmy(fromText);
  const to = toText === undefined ? from : isIsoDate(toText) ? toText : parseDmy(toText);
  if (!from || !to || to < from) return `ngày không hợp lệ: ${entry.date} (ví dụ 2021-02-10..2021-02-16)`;
  const out: CalendarEntryInput[] = [];
  for (let d = from; d <= to && out.length < 366; d = addDays(d, 1)) out.push({ date: d, kind: entry.kind, name: entry.name });
  return out;
}

function toSchedule(t: RawPlanFile["tasks"][number], planDate: string): { schedule: Schedule; deadlineText: string } | string {
  if (t.deadline !== undefined) {
    const parsed = parseDeadlinePhrase(t.deadline, planDate);
    if (!parsed.ok) return `hạn không đọc được: "${t.deadline}" (ví dụ "trước ngày 10/02/2021" hoặc "15/03/2021")`;
    return { schedule: { kind: "once", dueDate: parsed.dueDate }, deadlineText: t.deadline };
  }
  if (t.periodic) {
    const p = t.periodic;
    const rule = p.day !== undefined ? { type: "day_of_last_month" as const, day: p.day } : { type: "days_after_end" as const, days: p.days_after_end! };
    return { schedule: { kind: "periodic", period: p.every, rule, start: p.start, ...(p.end ? { end: p.end } : {}) }, deadlineText: "" };
  }
  return { schedule: { kind: "adhoc", workingDays: t.adhoc_working_days!, issuedAt: `${planDate}T00:00:00.000Z` }, deadlineText: `${t.adhoc_working_days}` };
}

/**
 * Parses and validates a plan file. Errors are Vietnamese, one per problem, with line numbers.
 * @example const r = parsePlanFile(readFileSync("plans/thach-thanh-cchc-2021.yaml", "utf8")); if (r.ok) r.file.tasks
 */
export function parsePlanFile(text: string): PlanFileResult {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    return { ok: false, errors: doc.errors.slice(0, 10).map((e) => `dòng ${counter.linePos(e.pos[0]).line}: YAML lỗi (${e.code})`) };
  }
  const parsed = planFileSchema.safeParse(doc.toJS(), { error: vietnameseErrors });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.slice(0, 20).map((i) => {
        const line = lineOf(doc, counter, i.path);
        return `${line ? `dòng ${line}, ` : ""}${i.path.join(".") || "(gốc)"}: ${i.message}`;
      }),
    };
  }
  const raw = parsed.data;
  const errors: string[] = [];
  const calendar: CalendarEntryInput[] = [];
  raw.calendar.forEach((entry, i) => {
    const days = expandDates(entry);
    if (typeof days === "string") errors.push(`dòng ${lineOf(doc, counter, ["calendar", i]) ?? "?"}, calendar.${i}.date: ${days}`);
    else calendar.push(...days);
  });
  const unitCodes = new Set(raw.units.map((u) => u.code));
  const tags = new Set(raw.units.flatMap((u) => u.tags));
  const tasks: PlanFile["tasks"] = [];
  raw.tasks.forEach((t, i) => {
    const where = (field: string) => `dòng ${lineOf(doc, counter, ["tasks", i, field]) ?? lineOf(doc, counter, ["tasks", i]) ?? "?"}, tasks.${i}.${field}`;
    const schedule = toSchedule(t, raw.plan.date);
    if (typeof schedule === "string") return void errors.push(`${where("deadline")}: ${schedule}`);
    for (const target of t.targets) {
      if (!unitCodes.has(normaliseCode(target)) && !tags.has(normaliseTag(target))) errors.push(`${where("targets")}: không có đơn vị hay nhãn "${target}" trong units`);
    }
    const indicators = t.indicators.map((c) => ({ c, def: raw.indicators[c] }));
    for (const { c, def } of indicators) if (!def) errors.push(`${where("indicators")}: chỉ tiêu "${c}" chưa khai báo trong indicators`);
    const r = t.reminders;
    tasks.push({
      code: t.code,
      title: t.title,
      targets: t.targets,
      ...schedule,
      reminder: r ? { before: r.before, onDueDay: r.on_due_day, after: r.after, escalateAfter: r.escalate_after, time: r.time } : null,
      indicators: indicators.filter((x) => x.def).map(({ c, def }) => ({ code: c, label: def.label, measure: def.measure, synonyms: def.synonyms })),
    });
  });
  if (raw.plan.lead_unit && !unitCodes.has(raw.plan.lead_unit)) errors.push(`plan.lead_unit: không có đơn vị ${raw.plan.lead_unit} trong units`);
  if (errors.length) return { ok: false, errors };
  const p = raw.plan;
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
        rollup: { weeklyDay: p.rollup?.weekly_day, weeklyTime: p.rollup?.weekly_time, afterDeadlineTime: p.rollup?.after_deadline_time },
      },
      units: raw.units,
      calendar,
      tasks,
    },
  };
}
