import { normaliseCode, splitArgs } from "../core/args.js";
import { Composer, type Context } from "../core/composer.js";
import { formatDeadline } from "../core/format.js";
import type { AssignmentView, TaskRecord } from "../core/ports.js";
import { orderByDueNext } from "../core/reports/task-choice.js";
import { assignTask, cancelTask, requestAdhoc, type CreateTaskResult } from "../core/plans/tasks.js";
import { daysBetween, formatDmy, localDateOf } from "../core/calendar/time.js";
import { actorOf, allow, type Feature, type FeatureDeps } from "./deps.js";

const MAX_LISTED = 15;

function deadlineParts(a: AssignmentView, ctx: Pick<Context, "t">, deps: Pick<FeatureDeps, "clock" | "timezone">) {
  const today = localDateOf(deps.clock.now(), deps.timezone);
  const days = daysBetween(today, localDateOf(a.dueAt, deps.timezone));
  const left = days > 0 ? ctx.t("tasks:days_left", { count: days }) : days === 0 ? ctx.t("tasks:due_today") : ctx.t("tasks:days_overdue", { count: -days });
  const period = a.occurrence.label ? ` (${a.occurrence.label})` : "";
  return { title: a.task.title, period, deadline: formatDeadline(a.dueAt, deps.timezone, ctx.t), left };
}

/** One line per open assignment: "#2 Báo cáo quý (Quý I/2021) — hạn Thứ Hai, 15/03/2021 (còn 3 ngày)". */
export function describeAssignment(a: AssignmentView, ctx: Pick<Context, "t">, deps: Pick<FeatureDeps, "clock" | "timezone">): string {
  return ctx.t("tasks:line", { id: a.task.id, ...deadlineParts(a, ctx, deps) });
}

/** One choice of the "which task?" question, numbered by the caller: "Báo cáo quý (Quý I/2021) — hạn …". */
export function describeChoice(a: AssignmentView, ctx: Pick<Context, "t">, deps: Pick<FeatureDeps, "clock" | "timezone">): string {
  return ctx.t("tasks:choice_line", deadlineParts(a, ctx, deps));
}

/** What a task asks for: its indicators, or a text report. */
export function describeAsks(task: TaskRecord, ctx: Pick<Context, "t">): string {
  return task.indicators.length
    ? ctx.t("tasks:asks_indicators", { list: task.indicators.map((i) => i.label.toLowerCase()).join(", ") })
    : ctx.t("tasks:asks_text");
}

/** "Báo cáo nhanh số tin bài chỉ tiêu: tin bài, pa nô" → the title and the indicator names. */
function splitIndicators(text: string): { title: string; indicators: string[] } {
  const m = /^([\s\S]*?)[\s,;.]*\b(?:chỉ tiêu|chi tieu)\s*:\s*([\s\S]*)$/iu.exec(text);
  if (!m) return { title: text, indicators: [] };
  return { title: m[1], indicators: m[2].split(/[,;]/).map((x) => x.trim()).filter(Boolean) };
}

async function replyCreated(ctx: Context, deps: FeatureDeps, result: CreateTaskResult, usageKey: string): Promise<void> {
  if (!result.ok) {
    const vars =
      result.error === "unknown_targets"
        ? { unknown: result.unknown.join(", "), tags: result.knownTags.join(", ") || "—" }
        : result.error === "unknown_indicators"
          ? { unknown: result.unknown.join(", "), known: result.known.join(", ") }
        : result.error === "past_deadline"
          ? { date: formatDmy(result.dueDate) }
          : result.error === "bad_deadline"
            ? { reason: ctx.t(`tasks:deadline_${result.reason}`) }
            : {};
    return ctx.reply(`${ctx.t(`tasks:error_${result.error}`, vars)}\n${ctx.t(usageKey)}`);
  }
  deps.onScheduleChange();
  const reading = result.reading ? `\n${ctx.t(`tasks:reading_${result.reading}`)}` : "";
  await ctx.reply(
    [
      ctx.t("tasks:created", { id: result.task.id, title: result.task.title, units: result.units, deadline: formatDeadline(result.dueAt, deps.timezone, ctx.t) }) + reading,
      describeAsks(result.task, ctx),
    ].join("\n"),
  );
}

/** /nhiemvu (officer: my open tasks), /giao, /yeucau, /huy (admin). */
export const tasksFeature: Feature = (deps) => {
  const composer = new Composer();

  composer.command("nhiemvu", async (ctx) => {
    let unit = ctx.unit;
    const [code] = splitArgs(ctx.command!.args);
    if (code && (ctx.role === "admin" || ctx.role === "leader")) {
      unit = await deps.repos.units.findByCode(normaliseCode(code));
      if (!unit?.active) return ctx.reply(ctx.t("units:error_not_found", { detail: code }));
    }
    if (!unit) return ctx.reply(ctx.t(ctx.role === "admin" || ctx.role === "leader" ? "tasks:which_unit" : "tasks:no_unit"));
    const open = orderByDueNext(await deps.repos.assignments.listOpenForUnit(unit.id), deps.clock.now());
    if (!open.length) return ctx.reply(ctx.t("tasks:none_open", { unit: unit.name }));
    const lines = open.slice(0, MAX_LISTED).map((a) => `${describeAssignment(a, ctx, deps)}\n   ${describeAsks(a.task, ctx)}`);
    if (open.length > MAX_LISTED) lines.push(ctx.t("tasks:more", { count: open.length - MAX_LISTED }));
    await ctx.reply([ctx.t("tasks:open_header", { unit: unit.name, count: open.length }), ...lines, "", ctx.t("tasks:how_to_report", { context: ctx.incoming.channel })].join("\n"));
  });

  composer.command("giao", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const m = /^(\S+)\s+((?:(?:trước|truoc|hạn|han|chậm nhất|cham nhat|đến|den)\s+(?:ngày\s+|ngay\s+)?)?\S+)\s+([\s\S]+)$/iu.exec(ctx.command!.args);
    if (!m) return ctx.reply(ctx.t("tasks:assign_usage"));
    const { title, indicators } = splitIndicators(m[3]);
    const result = await assignTask(deps, actorOf(ctx), { targets: m[1].split(","), deadline: m[2], title, indicators });
    await replyCreated(ctx, deps, result, "tasks:assign_usage");
  });

  composer.command("yeucau", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const m = /^(\S+)\s+(\S+)\s+([\s\S]+)$/u.exec(ctx.command!.args);
    if (!m) return ctx.reply(ctx.t("tasks:request_usage"));
    const days = /^\d{1,3}$/.test(m[2]) ? Number(m[2]) : Number.NaN;
    const { title, indicators } = splitIndicators(m[3]);
    const result = await requestAdhoc(deps, actorOf(ctx), { targets: m[1].split(","), workingDays: days, title, indicators });
    await replyCreated(ctx, deps, result, "tasks:request_usage");
  });

  composer.command("huy", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const [ref] = splitArgs(ctx.command!.args);
    if (!ref) return ctx.reply(ctx.t("tasks:cancel_usage"));
    const result = await cancelTask(deps, actorOf(ctx), ref);
    if (!result.ok) return ctx.reply(`${ctx.t(`tasks:cancel_${result.error}`, { ref })}\n${ctx.t("tasks:cancel_usage")}`);
    deps.onScheduleChange();
    await ctx.reply(ctx.t("tasks:cancelled", { id: result.task.id, title: result.task.title, count: result.cancelled }));
  });

  return composer;
};
