import { normaliseCode, splitArgs } from "../core/args.js";
import { formatDmy } from "../core/calendar/time.js";
import { Composer, type Context } from "../core/composer.js";
import { formatDaysLeft, formatDue } from "../core/format.js";
import { closePeriods } from "../core/plans/periods.js";
import { assignTask, type CreateTaskResult, cancelTask, requestAdhoc } from "../core/plans/tasks.js";
import type { AssignmentView, TaskRecord } from "../core/ports.js";
import { exampleReport } from "../core/reports/report-example.js";
import { orderByDueNext } from "../core/reports/task-choice.js";
import { findCurrentPlan } from "../core/units/units.js";
import { actorOf, allow, type Feature, type FeatureDeps } from "./deps.js";

const MAX_LISTED = 15;

function deadlineParts(a: AssignmentView, ctx: Pick<Context, "t">, deps: Pick<FeatureDeps, "clock" | "timezone">) {
  const period = a.occurrence.label ? ` (${a.occurrence.label})` : "";
  const deadline = formatDue({ dueAt: a.dueAt, statedDate: a.occurrence.statedDate }, deps.timezone, ctx.t);
  return {
    title: a.task.title,
    period,
    deadline,
    left: formatDaysLeft(deps.clock.now(), a.dueAt, deps.timezone, ctx.t),
  };
}

/**
 * How to report, with an example on the first task listed: its number and its own indicators
 * ("/baocao #4 12 pa nô, 3 tin bài"), or its work as done for a task that asks for text.
 */
function howToReport(first: AssignmentView, ctx: Context): string {
  return ctx.t("tasks:how_to_report", { example: exampleCommand(first.task, ctx), context: ctx.incoming.channel });
}

/** "/baocao #4 12 pa nô, 3 tin bài" or "/baocao #1 đã xây dựng kế hoạch …": a report for this task. */
export function exampleCommand(task: Pick<TaskRecord, "id" | "title" | "indicators">, ctx: Pick<Context, "t">): string {
  return ctx.t("tasks:example_text", { id: task.id, text: exampleReport(task, ctx.t) });
}

/** "#4 12 pa nô, 3 tin bài": what follows /baocao for this task. */
export function exampleArgs(task: Pick<TaskRecord, "id" | "title" | "indicators">, ctx: Pick<Context, "t">): string {
  return `#${task.id} ${exampleReport(task, ctx.t)}`;
}

/** The unit's open task due next (the first /nhiemvu lists), for examples; undefined when none is open. */
export async function nextOpenTask(
  deps: Pick<FeatureDeps, "repos" | "clock">,
  unitId: number | undefined,
): Promise<TaskRecord | undefined> {
  if (unitId === undefined) return undefined;
  return orderByDueNext(await deps.repos.assignments.listOpenForUnit(unitId), deps.clock.now())[0]?.task;
}

/**
 * What follows /baocao in an example for this chat's unit: its next open task's report, else a
 * text that names no task.
 */
export async function exampleForUnit(deps: FeatureDeps, ctx: Context): Promise<string> {
  const task = await nextOpenTask(deps, ctx.unit?.id);
  return task ? exampleArgs(task, ctx) : ctx.t("tasks:example_any");
}

/**
 * A task an admin's usage example may name: the first active task of the plan in force (or given
 * in chat), else the first active one; its number and a period it has ("quý I/2026").
 */
export async function exampleAdminTask(
  deps: FeatureDeps,
  t?: Context["t"],
): Promise<{ id: number | string; period: string }> {
  const tasks = (await deps.repos.tasks.listActive()).sort((a, b) => a.id - b.id);
  const current = await findCurrentPlan(deps.repos, deps.clock.now(), deps.timezone);
  const task =
    tasks.find((t) => current && t.planId === current.plan.id) ?? tasks.find((t) => t.planId === null) ?? tasks[0];
  // No task at all: the number's placeholder, not a number that does not exist.
  if (!task) return { id: t ? t("tasks:example_number") : 1, period: "" };
  const now = deps.clock.now().getTime();
  const occurrences = (await deps.repos.assignments.listOccurrences(task.id)).filter((o) => o.label);
  // A period already due is what one closes; else the first listed.
  const due = occurrences.filter((o) => o.dueAt.getTime() <= now && !o.closedAt).at(-1) ?? occurrences[0];
  const label = due?.label ?? "";
  return { id: task.id, period: label ? ` ${label.charAt(0).toLocaleLowerCase("vi")}${label.slice(1)}` : "" };
}

/** One line per open assignment: "#2 Báo cáo quý (Quý I/2021) — hạn Thứ Hai, 15/03/2021 (còn 3 ngày)". */
export function describeAssignment(
  a: AssignmentView,
  ctx: Pick<Context, "t">,
  deps: Pick<FeatureDeps, "clock" | "timezone">,
): string {
  return ctx.t("tasks:line", { id: a.task.id, ...deadlineParts(a, ctx, deps) });
}

/** One choice of the "which task?" question, numbered by the caller: "Báo cáo quý (Quý I/2021) — hạn …". */
export function describeChoice(
  a: AssignmentView,
  ctx: Pick<Context, "t">,
  deps: Pick<FeatureDeps, "clock" | "timezone">,
): string {
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
  return {
    title: m[1],
    indicators: m[2]
      .split(/[,;]/)
      .map((x) => x.trim())
      .filter(Boolean),
  };
}

async function replyCreated(
  ctx: Context,
  deps: FeatureDeps,
  result: CreateTaskResult,
  usageKey: string,
): Promise<void> {
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
      ctx.t("tasks:created", {
        id: result.task.id,
        title: result.task.title,
        units: result.units,
        deadline: formatDue(result, deps.timezone, ctx.t),
      }) + reading,
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
    if (!unit)
      return ctx.reply(ctx.t(ctx.role === "admin" || ctx.role === "leader" ? "tasks:which_unit" : "tasks:no_unit"));
    const open = orderByDueNext(await deps.repos.assignments.listOpenForUnit(unit.id), deps.clock.now());
    if (!open.length) return ctx.reply(ctx.t("tasks:none_open", { unit: unit.name }));
    const lines = open
      .slice(0, MAX_LISTED)
      .map((a) => `${describeAssignment(a, ctx, deps)}\n   ${describeAsks(a.task, ctx)}`);
    if (open.length > MAX_LISTED) lines.push(ctx.t("tasks:more", { count: open.length - MAX_LISTED }));
    await ctx.reply(
      [
        ctx.t("tasks:open_header", { unit: unit.name, count: open.length }),
        ...lines,
        "",
        howToReport(open[0]!, ctx),
      ].join("\n"),
    );
  });

  composer.command("giao", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const m =
      /^(\S+)\s+((?:(?:trước|truoc|hạn|han|chậm nhất|cham nhat|đến|den)\s+(?:ngày\s+|ngay\s+)?)?\S+)\s+([\s\S]+)$/iu.exec(
        ctx.command!.args,
      );
    if (!m) return ctx.reply(ctx.t("tasks:assign_usage"));
    const { title, indicators } = splitIndicators(m[3]);
    const result = await assignTask(deps, actorOf(ctx), {
      targets: m[1].split(","),
      deadline: m[2],
      title,
      indicators,
    });
    await replyCreated(ctx, deps, result, "tasks:assign_usage");
  });

  composer.command("yeucau", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const m = /^(\S+)\s+(\S+)\s+([\s\S]+)$/u.exec(ctx.command!.args);
    if (!m) return ctx.reply(ctx.t("tasks:request_usage"));
    const days = /^\d{1,3}$/.test(m[2]) ? Number(m[2]) : Number.NaN;
    const { title, indicators } = splitIndicators(m[3]);
    const result = await requestAdhoc(deps, actorOf(ctx), {
      targets: m[1].split(","),
      workingDays: days,
      title,
      indicators,
    });
    await replyCreated(ctx, deps, result, "tasks:request_usage");
  });

  composer.command("dongky", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const [ref, ...period] = splitArgs(ctx.command!.args);
    const usage = async () => ctx.t("tasks:close_usage", await exampleAdminTask(deps, ctx.t));
    if (!ref) return ctx.reply(await usage());
    const result = await closePeriods(deps, actorOf(ctx), ref, period.join(" "));
    if (!result.ok) {
      const periods = result.periods?.length ? result.periods.join(", ") : "—";
      return ctx.reply(
        `${ctx.t(`tasks:close_${result.error}`, { ref, period: period.join(" "), id: result.task?.id, periods })}\n${await usage()}`,
      );
    }
    deps.onScheduleChange();
    const lines = result.closed.map((c) =>
      ctx.t("tasks:closed_period", {
        period: c.occurrence.label || ctx.t("tasks:the_period"),
        deadline: formatDue(c.occurrence, deps.timezone, ctx.t),
        count: c.unreported,
      }),
    );
    await ctx.reply(
      [
        ctx.t("tasks:closed", { id: result.task.id, title: result.task.title }),
        ...lines,
        ctx.t("tasks:closed_effect"),
      ].join("\n"),
    );
  });

  composer.command("huy", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const [ref] = splitArgs(ctx.command!.args);
    const usage = async () => ctx.t("tasks:cancel_usage", { id: (await exampleAdminTask(deps, ctx.t)).id });
    if (!ref) return ctx.reply(await usage());
    const result = await cancelTask(deps, actorOf(ctx), ref);
    if (!result.ok) return ctx.reply(`${ctx.t(`tasks:cancel_${result.error}`, { ref })}\n${await usage()}`);
    deps.onScheduleChange();
    await ctx.reply(
      ctx.t("tasks:cancelled", { id: result.task.id, title: result.task.title, count: result.cancelled }),
    );
  });

  return composer;
};
