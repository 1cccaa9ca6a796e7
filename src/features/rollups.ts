import { splitArgs } from "../core/args.js";
import { localDateOf } from "../core/calendar/time.js";
import type { WorkingCalendar } from "../core/calendar/working-calendar.js";
import { Composer, type Context } from "../core/composer.js";
import { fileSlug } from "../core/file-paths.js";
import { formatDateTime } from "../core/format.js";
import { createKeyedLock } from "../core/keyed-lock.js";
import { currentPlan, type PlanSpan, planSpans } from "../core/plans/periods.js";
import { findTask, loadCalendar } from "../core/plans/tasks.js";
import type { ChatRecord, TaskRecord } from "../core/ports.js";
import type { Repositories } from "../core/repositories.js";
import { selectDigest } from "../core/rollups/digest.js";
import {
  buildRollupView,
  buildTaskRollup,
  type CurrentOccurrence,
  currentOccurrenceOf,
  currentOccurrences,
  mentionsOf,
  notReported,
  planInfo,
  type RollupUnit,
} from "../core/rollups/rollup.js";
import { setRollupPolicy } from "../core/rollups/rollup-policy.js";
import {
  fitText,
  LEADER_POST_MAX,
  renderAfterDeadline,
  renderDigest,
  renderTaskBlock,
  splitMessage,
  statusLine,
  type UpcomingItem,
} from "../core/rollups/rollup-text.js";
import type { PlanInfo, RollupView, TaskRollup } from "../core/rollups/rollup-types.js";
import { truncate } from "../core/text-limits.js";
import type { Address, OutgoingMessage, Translate } from "../core/types.js";
import { createInlineRenderer, type Renderer } from "../render/render-pool.js";
import { actorOf, allow, type Feature, type FeatureDeps } from "./deps.js";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Units named per list in the all-tasks overview; the rest are counted (/tinhhinh #N names all of them). */
const NAMES_OVERVIEW = 5;
const LEADERS = ["leader", "admin"] as const;

/** What rollup rendering needs; `dataDir` is where attachments are stored (see attachmentPath). */
export type RollupServiceDeps = Pick<
  FeatureDeps,
  "repos" | "translations" | "defaultLanguage" | "timezone" | "logger" | "messenger" | "dataDir" | "renderer"
>;

/** Without a render pool (tests, tools), the files are drawn on the calling thread. */
const inlineRenderers = new WeakMap<RollupServiceDeps["translations"], Renderer>();
function rendererOf(deps: Pick<RollupServiceDeps, "renderer" | "translations">): Renderer {
  if (deps.renderer) return deps.renderer;
  let inline = inlineRenderers.get(deps.translations);
  if (!inline) inlineRenderers.set(deps.translations, (inline = createInlineRenderer(deps.translations)));
  return inline;
}

async function unitsById(repos: Repositories): Promise<Map<number, RollupUnit>> {
  return new Map((await repos.units.list({ includeInactive: true })).map((u) => [u.id, u]));
}

/**
 * The chart PNG of a task occurrence in `language`, drawn by the render pool (off the event loop)
 * when the app has one.
 * @example const chart = renderChart(deps, rollup, "vi"); const messages = await taskMessages(deps, rollup, text, t, 4096, chart);
 */
export function renderChart(
  deps: Pick<RollupServiceDeps, "renderer" | "translations" | "timezone">,
  rollup: TaskRollup,
  language: string,
): Promise<Uint8Array> {
  return rendererOf(deps).chart(rollup, { language, timezone: deps.timezone });
}

/**
 * One task occurrence as messages: `text` split at `textLimit`, then the chart PNG (`chart`, drawn
 * once for every group that gets the post) as a photo. A chart that fails to render is logged and
 * left out; the text carries everything.
 * @example const messages = await taskMessages(deps, rollup, renderAfterDeadline(rollup, t, tz, calendar), t, 4096, renderChart(deps, rollup, "vi"));
 */
export async function taskMessages(
  deps: Pick<RollupServiceDeps, "logger">,
  rollup: TaskRollup,
  text: string,
  t: Translate,
  textLimit: number,
  chart: Promise<Uint8Array>,
): Promise<OutgoingMessage[]> {
  const messages: OutgoingMessage[] = splitMessage(text, textLimit).map((part) => ({ type: "text", text: part }));
  try {
    const png = await chart;
    messages.push({
      type: "photo",
      file: {
        fileName: `tong-hop-${fileSlug(rollup.taskCode)}-${fileSlug(rollup.periodKey)}.png`,
        mime: "image/png",
        data: png,
      },
      caption: rollup.periodLabel
        ? t("status:chart_caption_period", { title: rollup.title, period: rollup.periodLabel })
        : t("status:chart_caption", { title: rollup.title }),
    });
  } catch (error) {
    deps.logger.error({ err: error, taskId: rollup.taskId, periodKey: rollup.periodKey }, "rollup chart failed");
    messages.push({ type: "text", text: t("status:chart_failed") });
  }
  return messages;
}

/** What the digest shows: the rollups that matter now and the "sắp tới" items. */
export interface Digest {
  tasks: TaskRollup[];
  upcoming: UpcomingItem[];
  planNumber?: string;
}

/**
 * Builds the digest at `now` over the active tasks (or `taskIds`): tasks due within 7 working
 * days; every period past its deadline that still misses reports and is not closed; a period
 * closed within the last month, once, when some unit never reported (see selectDigest).
 * @example const digest = await buildDigest(deps, { now: clock.now(), t });
 */
export async function buildDigest(
  deps: Pick<RollupServiceDeps, "repos" | "timezone" | "dataDir">,
  options: { now: Date; t: Translate; taskIds?: number[]; calendar?: WorkingCalendar },
): Promise<Digest> {
  const { now, t } = options;
  const calendar = options.calendar ?? (await loadCalendar(deps.repos));
  const tasks = (await deps.repos.tasks.listActive()).filter(
    (task) => !options.taskIds || options.taskIds.includes(task.id),
  );
  const inputs = await Promise.all(
    tasks.map(async (task) => ({ task, occurrences: await deps.repos.assignments.listOccurrences(task.id) })),
  );
  const selection = selectDigest(inputs, { now, calendar, tz: deps.timezone });
  const units = await unitsById(deps.repos);
  const rollups: TaskRollup[] = [];
  for (const { occurrence, stage } of selection.current) {
    const rollup = await buildTaskRollup(deps.repos, occurrence.id, { now, dataDir: deps.dataDir, units, t });
    // A past period where everyone reported is not news; a closed one is told once, if anyone was missing.
    if (stage === "past_due" && notReported(rollup).length === 0) continue;
    if (stage === "closed" && (rollup.closureTold || notReported(rollup).length === 0)) continue;
    rollups.push(rollup);
  }
  const planIds = new Set(tasks.map((task) => task.planId));
  const [planId] = planIds;
  const plan = planIds.size === 1 && planId ? await deps.repos.plans.findById(planId) : null;
  return {
    tasks: rollups,
    upcoming: selection.upcoming.map(({ task, occurrence }) => ({
      title: task.title,
      periodLabel: occurrence.label,
      dueAt: occurrence.dueAt,
    })),
    ...(plan ? { planNumber: plan.number } : {}),
  };
}

/**
 * Records what a post to the leaders' group told (see mentionsOf): the next digest counts those
 * units instead of naming them again, and a closed period is not told twice.
 */
export async function recordMentions(
  deps: Pick<RollupServiceDeps, "repos">,
  rollups: readonly TaskRollup[],
  at: Date,
): Promise<void> {
  const mentions = mentionsOf(rollups);
  if (mentions.length > 0) await deps.repos.rollupMentions.record(mentions, at);
}

/** A scheduled post's rollups, and its messages at a channel's text limit. */
interface PreparedRollup {
  rollups: TaskRollup[];
  render(textLimit: number): Promise<OutgoingMessage[]>;
}

async function prepareScheduledRollup(
  deps: RollupServiceDeps,
  options: { now: Date; language?: string } & ({ taskIds: number[] } | { occurrenceId: number }),
): Promise<PreparedRollup> {
  const language = options.language ?? deps.defaultLanguage;
  const t = deps.translations.t(language);
  const calendar = await loadCalendar(deps.repos);
  if ("occurrenceId" in options) {
    const rollup = await buildTaskRollup(deps.repos, options.occurrenceId, {
      now: options.now,
      dataDir: deps.dataDir,
      t,
    });
    if (rollup.counts.total === 0) return { rollups: [], render: async () => [] };
    let chart: Promise<Uint8Array> | undefined;
    return {
      rollups: [rollup],
      render: (textLimit) => {
        const text = renderAfterDeadline(rollup, t, deps.timezone, calendar, textLimit);
        return taskMessages(deps, rollup, text, t, textLimit, (chart ??= renderChart(deps, rollup, language)));
      },
    };
  }
  const digest = await buildDigest(deps, { now: options.now, t, taskIds: options.taskIds, calendar });
  if (digest.tasks.length === 0) return { rollups: [], render: async () => [] };
  return {
    rollups: digest.tasks,
    render: async (textLimit) =>
      splitMessage(
        renderDigest({ ...digest, asOf: options.now }, t, deps.timezone, calendar, textLimit),
        textLimit,
      ).map((text) => ({ type: "text", text })),
  };
}

/**
 * The messages of a scheduled post, in the configured language (the group's, whoever reads it):
 * the weekly digest of `taskIds` (one text message of at most LEADER_POST_MAX characters; none
 * when nothing matters now), or the after-deadline post of one occurrence (text and chart).
 * Records nothing: see planScheduledRollup.
 * @example const messages = await renderScheduledRollup(deps, { now, textLimit: 4096, taskIds: [1, 2] });
 */
export async function renderScheduledRollup(
  deps: RollupServiceDeps,
  options: { now: Date; textLimit: number; language?: string } & ({ taskIds: number[] } | { occurrenceId: number }),
): Promise<OutgoingMessage[]> {
  return (await prepareScheduledRollup(deps, options)).render(options.textLimit);
}

/**
 * A scheduled post ready for the outbox: its messages for every active rollup chat, each with a
 * dedupe key `<key>:<channel>:<chatId>:<n>` so a restart never posts a part twice. `key` comes
 * from rollupTimes (e.g. "rollup:weekly:2021-02-26:p1", "rollup:after:12:p1"). What the post
 * tells is recorded (see recordMentions) when it has any message.
 * @example for (const m of await planScheduledRollup(deps, { now, key, taskIds })) await repos.outbox.enqueue({ ...m.to, dedupeKey: m.dedupeKey, kind: "rollup", message: m.message });
 */
export async function planScheduledRollup(
  deps: RollupServiceDeps,
  options: { now: Date; key: string } & ({ taskIds: number[] } | { occurrenceId: number }),
): Promise<{ to: Address; message: OutgoingMessage; dedupeKey: string }[]> {
  const chats = (await deps.repos.chats.listRollupChats()).filter((c) => c.status === "active");
  const out: { to: Address; message: OutgoingMessage; dedupeKey: string }[] = [];
  if (chats.length === 0) return out;
  const prepared = await prepareScheduledRollup(deps, options);
  const byLimit = new Map<number, OutgoingMessage[]>();
  for (const chat of chats) {
    const limit = deps.messenger.textLimit(chat.channel);
    let messages = byLimit.get(limit);
    if (!messages) byLimit.set(limit, (messages = await prepared.render(limit)));
    messages.forEach((message, i) => {
      out.push({
        to: { channel: chat.channel, chatId: chat.chatId },
        message,
        dedupeKey: `${options.key}:${chat.channel}:${chat.chatId}:${i}`,
      });
    });
  }
  if (out.length > 0) await recordMentions(deps, prepared.rollups, options.now);
  return out;
}

/**
 * The name of an exported file: `<prefix>-<plan number>[-<task code>]-<local date>.<ext>`.
 * @example exportFileName("tong-hop", "20/KH-UBND", undefined, "2021-02-26", "xlsx") // "tong-hop-20-KH-UBND-2021-02-26.xlsx"
 */
export function exportFileName(
  prefix: string,
  planNumber: string,
  taskCode: string | undefined,
  date: string,
  ext: string,
): string {
  const parts = [prefix, fileSlug(planNumber), taskCode ? fileSlug(taskCode) : "", date].filter(Boolean);
  return `${parts.join("-")}.${ext}`;
}

/** "#3 BC_QUY, #4 KH_XA" for the unknown-task answer. */
async function knownTasks(ctx: Context, repos: Repositories): Promise<string> {
  const tasks = [...(await repos.tasks.listActive())].sort((a, b) => a.id - b.id).slice(0, 20);
  return tasks.map((task) => ctx.t("status:task_ref", { id: task.id, code: task.code })).join(", ");
}

/**
 * The occurrences a command is about: the named task's current one, or every active task's.
 * Replies and returns null when there is none.
 */
async function targetsOf(
  ctx: Context,
  deps: FeatureDeps,
): Promise<{ targets: CurrentOccurrence[]; task?: TaskRecord } | null> {
  const [ref] = splitArgs(ctx.command?.args ?? "");
  const now = deps.clock.now();
  if (!ref) {
    const targets = await currentOccurrences(deps.repos, now);
    if (targets.length === 0) {
      await ctx.reply(ctx.t("status:no_tasks"));
      return null;
    }
    return { targets };
  }
  const task = await findTask(deps.repos, ref);
  if (!task) {
    const known = await knownTasks(ctx, deps.repos);
    const lines = [ctx.t("status:unknown_task", { ref: truncate(ref, 40), command: ctx.command?.name ?? "tinhhinh" })];
    lines.push(known ? ctx.t("status:known_tasks", { tasks: known }) : ctx.t("status:no_tasks"));
    await ctx.reply(lines.join("\n"));
    return null;
  }
  const occurrence = await currentOccurrenceOf(deps.repos, task, now);
  if (!occurrence) {
    await ctx.reply(ctx.t("status:no_occurrence", { id: task.id, title: task.title }));
    return null;
  }
  return { targets: [{ task, occurrence }], task };
}

function cancelledNote(ctx: Pick<Context, "t">, task: TaskRecord | undefined): string[] {
  return task && task.status !== "active" ? [ctx.t("status:cancelled_task", { id: task.id })] : [];
}

async function sendAll(ctx: Context, to: Address, messages: OutgoingMessage[]): Promise<void> {
  for (const message of messages) await ctx.send(to, message);
}

type ViewGroup = { view: RollupView; planNumber: string };

/** The plan a command means by default: the one running today, else the latest (see currentPlan). */
async function homePlan(deps: Pick<RollupServiceDeps, "repos" | "timezone">, now: Date): Promise<PlanSpan | undefined> {
  const spans = await planSpans(deps.repos, await loadCalendar(deps.repos), deps.timezone);
  return currentPlan(spans, localDateOf(now, deps.timezone));
}

/**
 * What /tinhhinh covers: by default the current occurrence of the current plan's tasks and of those
 * given in chat (never an ended plan's); a task named by number or code, whatever its plan: its
 * periods past the deadline and not closed, oldest first, then its current one.
 */
async function statusTargets(
  ctx: Context,
  deps: FeatureDeps,
): Promise<{ targets: CurrentOccurrence[]; task?: TaskRecord } | null> {
  const [ref] = splitArgs(ctx.command?.args ?? "");
  const now = deps.clock.now();
  if (ref) {
    const found = await targetsOf(ctx, deps);
    if (!found?.task) return found;
    const current = found.targets[0]!.occurrence;
    const open = (await deps.repos.assignments.listOccurrences(found.task.id))
      .filter((o) => o.id !== current.id && o.dueAt <= now && !(o.closedAt && o.closedAt <= now))
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    return {
      task: found.task,
      targets: [...open.map((o) => ({ task: found.task!, occurrence: o })), found.targets[0]!],
    };
  }
  const plan = (await homePlan(deps, now))?.plan;
  const all = await currentOccurrences(deps.repos, now);
  const targets = plan ? all.filter(({ task }) => task.planId === plan.id || task.planId === null) : all;
  if (targets.length === 0) {
    await ctx.reply(ctx.t("status:no_tasks"));
    return null;
  }
  return { targets };
}

/**
 * What /xuat and /baocaodocx cover: a named task's current period (see targetsOf); the tasks of a
 * plan named by its number ("/xuat 20/KH-UBND"); by default the current plan's tasks and those
 * given in chat — never another plan's (a 2026 report never drafts the 2021 plan's).
 */
async function exportTargets(
  ctx: Context,
  deps: FeatureDeps,
): Promise<{ targets: CurrentOccurrence[]; task?: TaskRecord } | null> {
  const [ref] = splitArgs(ctx.command?.args ?? "");
  const named = ref?.includes("/") ? await deps.repos.plans.findByNumber(ref.toUpperCase()) : null;
  if (ref && !named) return targetsOf(ctx, deps);
  const now = deps.clock.now();
  const plan = named ?? (await homePlan(deps, now))?.plan;
  const all = await currentOccurrences(deps.repos, now);
  const targets = plan ? all.filter(({ task }) => task.planId === plan.id || (!named && task.planId === null)) : all;
  if (targets.length === 0) {
    await ctx.reply(ctx.t("status:no_tasks"));
    return null;
  }
  return { targets };
}

/**
 * Rollup views for /xuat and /baocaodocx, one per plan: tasks made with /giao (no plan) join the
 * current plan; with no plan at all they get `fallbackPlan`, or "no_plan" when none is given.
 */
async function viewsOf(
  deps: RollupServiceDeps,
  targets: CurrentOccurrence[],
  now: Date,
  fallbackPlan: PlanInfo | undefined,
  t: Translate,
): Promise<ViewGroup[] | "no_plan"> {
  const plans = await deps.repos.plans.list();
  const home = (await homePlan(deps, now))?.plan;
  const groups = new Map<number | null, number[]>();
  for (const { task, occurrence } of targets) {
    const planId = task.planId ?? home?.id ?? null;
    const list = groups.get(planId);
    if (list) list.push(occurrence.id);
    else groups.set(planId, [occurrence.id]);
  }
  const units = await unitsById(deps.repos);
  const out: ViewGroup[] = [];
  for (const [planId, occurrenceIds] of groups) {
    const record = planId === null ? undefined : plans.find((p) => p.id === planId);
    const plan = record ? planInfo(record) : fallbackPlan;
    if (!plan) return "no_plan";
    const view = await buildRollupView(deps.repos, occurrenceIds, {
      now,
      dataDir: deps.dataDir,
      timezone: deps.timezone,
      plan,
      units,
      t,
    });
    out.push({ view, planNumber: record?.number ?? "" });
  }
  return out;
}

function adhocPlan(t: Translate): PlanInfo {
  return {
    number: "",
    date: "",
    title: t("status:adhoc_plan_title"),
    issuer: t("status:adhoc_plan_issuer"),
    parentIssuer: "",
    place: "",
  };
}

const chatName = (chat: ChatRecord, t: Context["t"]): string => chat.title || t("reminders:untitled_group");

/**
 * /tinhhinh [task] (status now), /tonghop [task] (post the rollup and chart to the rollup group),
 * /xuat [task] (XLSX), /baocaodocx [task] (draft report, DOCX) and /lichtonghop (when the digest
 * is posted), for leaders and admins.
 */
export const rollupsFeature: Feature = (deps) => {
  const composer = new Composer();
  // Rollups are built one at a time: each step reads thousands of rows synchronously, and three
  // leaders' commands stepping together would hold the event loop for all three between turns.
  const building = createKeyedLock();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => building.run("rollup", work);

  composer.command("tinhhinh", async (ctx) => {
    if (!(await allow(ctx, [...LEADERS]))) return;
    const found = await statusTargets(ctx, deps);
    if (!found) return;
    const now = deps.clock.now();
    const units = await unitsById(deps.repos);
    // One task: every unit not reported, named (the on-demand full list; the reply is split into
    // messages within the channel's limit). All tasks: a few names each.
    const maxNames = found.task ? Number.POSITIVE_INFINITY : NAMES_OVERVIEW;
    const lines = [
      ...cancelledNote(ctx, found.task),
      ctx.t("status:header", { time: formatDateTime(now, deps.timezone) }),
    ];
    for (const { occurrence } of found.targets) {
      const rollup = await oneAtATime(() =>
        buildTaskRollup(deps.repos, occurrence.id, { now, dataDir: deps.dataDir, units, t: ctx.t }),
      );
      // A named task's older periods only while some unit still has not reported.
      if (found.task && occurrence !== found.targets[found.targets.length - 1]!.occurrence) {
        if (notReported(rollup).length === 0) continue;
      }
      lines.push(statusLine(rollup, ctx.t, deps.timezone, maxNames));
    }
    await ctx.reply(lines.join("\n"));
  });

  composer.command("tonghop", async (ctx) => {
    if (!(await allow(ctx, [...LEADERS]))) return;
    const [ref] = splitArgs(ctx.command?.args ?? "");
    const now = deps.clock.now();
    const calendar = await loadCalendar(deps.repos);
    const rollupChats = await deps.repos.chats.listRollupChats();
    const groups = rollupChats.filter((c) => c.status === "active");
    // A post speaks the group's language (the bot's default), whoever asked for it; only a post
    // into the asker's own private chat (no rollup group yet) is in theirs.
    const postLanguage =
      groups.length === 0 && ctx.incoming.chatType === "private" ? ctx.language : deps.defaultLanguage;
    const postT = deps.translations.t(postLanguage);
    let render: (channel: Address["channel"]) => Promise<OutgoingMessage[]>;
    let task: TaskRecord | undefined;
    let shown: TaskRollup[];
    if (ref) {
      // One named task: its block and chart, whatever its deadline.
      const found = await targetsOf(ctx, deps);
      if (!found) return;
      task = found.task;
      const rollup = await oneAtATime(() =>
        buildTaskRollup(deps.repos, found.targets[0]!.occurrence.id, { now, dataDir: deps.dataDir, t: postT }),
      );
      shown = [rollup];
      const head = [
        postT("rollup:digest_title"),
        postT("rollup:digest_subtitle", { time: formatDateTime(now, deps.timezone) }),
        "",
      ];
      let chart: Promise<Uint8Array> | undefined;
      render = (channel) => {
        const limit = deps.messenger.textLimit(channel);
        const text = fitText(
          (detail) => [...head, ...renderTaskBlock(rollup, postT, deps.timezone, calendar, detail)].join("\n"),
          Math.min(limit, LEADER_POST_MAX),
        );
        // One chart for every group the post goes to.
        return taskMessages(deps, rollup, text, postT, limit, (chart ??= renderChart(deps, rollup, postLanguage)));
      };
    } else {
      // The digest: what matters now, one message.
      if ((await deps.repos.tasks.listActive()).length === 0) return ctx.reply(ctx.t("status:no_tasks"));
      const digest = await oneAtATime(() => buildDigest(deps, { now, t: postT, calendar }));
      shown = digest.tasks;
      render = async (channel) => {
        const limit = deps.messenger.textLimit(channel);
        return splitMessage(renderDigest({ ...digest, asOf: now }, postT, deps.timezone, calendar, limit), limit).map(
          (part) => ({ type: "text" as const, text: part }),
        );
      };
    }

    const here: Address = { channel: ctx.incoming.channel, chatId: ctx.incoming.chatId };
    if (groups.length === 0) {
      const lost = rollupChats.map((c) => chatName(c, ctx.t));
      await ctx.reply(
        lost.length
          ? ctx.t("status:rollup_group_unreachable", { groups: lost.join(", "), context: ctx.incoming.channel })
          : ctx.t("status:no_rollup_group", { context: ctx.incoming.channel }),
      );
      await sendAll(ctx, here, [
        ...cancelledNote({ t: postT }, task).map((text) => ({ type: "text" as const, text })),
        ...(await render(here.channel)),
      ]);
      return;
    }
    const sentTo: string[] = [];
    const failed: string[] = [];
    for (const group of groups) {
      const to: Address = { channel: group.channel, chatId: group.chatId };
      try {
        await sendAll(ctx, to, await render(group.channel));
        sentTo.push(chatName(group, ctx.t));
      } catch (error) {
        // One unreachable group must not stop the others or lose the confirmation.
        deps.logger.warn({ err: error, channel: group.channel, chatId: group.chatId }, "rollup post failed");
        failed.push(chatName(group, ctx.t));
      }
    }
    // Told only when it reached the leaders' group: the next digest counts those units.
    if (sentTo.length > 0) await recordMentions(deps, shown, now);
    const inGroup = groups.some((g) => g.channel === here.channel && g.chatId === here.chatId);
    const lines = failed.map((group) => ctx.t("status:group_failed", { group, context: ctx.incoming.channel }));
    if (!inGroup && sentTo.length > 0)
      lines.unshift(ctx.t("status:sent_to_groups", { groups: sentTo.join(", "), context: ctx.incoming.channel }));
    if (lines.length > 0) await ctx.reply(lines.join("\n"));
  });

  composer.command("xuat", async (ctx) => {
    if (!(await allow(ctx, [...LEADERS]))) return;
    const found = await exportTargets(ctx, deps);
    if (!found) return;
    const now = deps.clock.now();
    const groups = await oneAtATime(() => viewsOf(deps, found.targets, now, adhocPlan(ctx.t), ctx.t));
    if (groups === "no_plan") return; // unreachable: a fallback plan is given
    const date = localDateOf(now, deps.timezone);
    for (const { view, planNumber } of groups) {
      let data: Uint8Array;
      try {
        data = await rendererOf(deps).xlsx(view, { language: ctx.language });
      } catch (error) {
        deps.logger.error({ err: error }, "xlsx render failed");
        return ctx.reply(ctx.t("status:render_failed", { what: ctx.t("status:what_xlsx") }));
      }
      await ctx.send(
        { channel: ctx.incoming.channel, chatId: ctx.incoming.chatId },
        {
          type: "document",
          file: {
            fileName: exportFileName("tong-hop", planNumber, found.task?.code, date, "xlsx"),
            mime: XLSX_MIME,
            data,
          },
          caption: ctx.t("status:xlsx_caption", {
            plan: planNumber ? ctx.t("status:plan_ref", { number: planNumber }) : view.plan.title,
            count: view.tasks.length,
            time: formatDateTime(now, deps.timezone),
          }),
        },
      );
    }
  });

  composer.command("baocaodocx", async (ctx) => {
    if (!(await allow(ctx, [...LEADERS]))) return;
    const found = await exportTargets(ctx, deps);
    if (!found) return;
    const now = deps.clock.now();
    const groups = await oneAtATime(() => viewsOf(deps, found.targets, now, undefined, ctx.t));
    if (groups === "no_plan") return ctx.reply(ctx.t("status:no_plan_docx"));
    const date = localDateOf(now, deps.timezone);
    for (const { view, planNumber } of groups) {
      let data: Uint8Array;
      try {
        data = await rendererOf(deps).docx(view, { language: ctx.language, reportDate: now, orgName: deps.orgName });
      } catch (error) {
        deps.logger.error({ err: error }, "docx render failed");
        return ctx.reply(ctx.t("status:render_failed", { what: ctx.t("status:what_docx") }));
      }
      await ctx.send(
        { channel: ctx.incoming.channel, chatId: ctx.incoming.chatId },
        {
          type: "document",
          file: {
            fileName: exportFileName("bao-cao", planNumber, found.task?.code, date, "docx"),
            mime: DOCX_MIME,
            data,
          },
          caption: ctx.t("status:docx_caption", {
            plan: planNumber ? ctx.t("status:plan_ref", { number: planNumber }) : view.plan.title,
            time: formatDateTime(now, deps.timezone),
          }),
        },
      );
    }
  });

  composer.command("lichtonghop", async (ctx) => {
    if (!(await allow(ctx, [...LEADERS]))) return;
    const result = await setRollupPolicy(deps.repos, actorOf(ctx), splitArgs(ctx.command?.args ?? ""));
    if (!result.ok) {
      if (result.error === "no_plan")
        return ctx.reply(
          ctx.t(result.detail ? "rollup:policy_unknown_plan" : "rollup:policy_no_plan", {
            plan: truncate(result.detail ?? "", 40),
          }),
        );
      return ctx.reply(ctx.t("rollup:policy_bad_setting", { setting: truncate(result.detail ?? "", 40) }));
    }
    const p = result.policy;
    const weekly = p.weekly
      ? ctx.t("rollup:policy_weekly", { weekday: ctx.t(`common:weekday_${p.weeklyDay}`), time: p.weeklyTime })
      : ctx.t("rollup:policy_no_weekly");
    const lines = [
      ctx.t(result.changed ? "rollup:policy_changed" : "rollup:policy_show", { plan: result.plan.number }),
      weekly,
      ctx.t("rollup:policy_after", { time: p.afterDeadlineTime }),
    ];
    if (!result.changed) lines.push(ctx.t("rollup:policy_usage"));
    if (result.changed) deps.onScheduleChange();
    await ctx.reply(lines.join("\n"));
  });

  return composer;
};
