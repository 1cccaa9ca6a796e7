/**
 * Turns open assignments into reminder messages in the outbox: the unit's reminders (T−n, due day,
 * T+n) and the escalation to the rollup group. Idempotent: every message has a dedupe key, so
 * running it twice, or after a crash, queues nothing twice.
 */
import type { Translations } from "../bot.js";
import { formatDmy, localDateOf, localTimeOf, zonedInstant } from "../calendar/time.js";
import type { WorkingCalendar } from "../calendar/working-calendar.js";
import { formatDaysLeft, formatDeadline, formatDue } from "../format.js";
import { findTask, loadCalendar } from "../plans/tasks.js";
import type { AssignmentView, ChatRecord, Clock, Logger, OutboxInput, TaskRecord } from "../ports.js";
import { exampleReport } from "../reports/report-example.js";
import { searchKey } from "../reports/text-key.js";
import type { Repositories } from "../repositories.js";
import { buildTaskRollup } from "../rollups/rollup.js";
import { expectedCount, fitText, LEADER_POST_MAX, renderMissingAndUnreachable } from "../rollups/rollup-text.js";
import type { TaskRollup } from "../rollups/rollup-types.js";
import { type Channel, DEFAULT_REMINDER_POLICY, type ReminderPolicy, type Translate } from "../types.js";
import { type PlannedReminder, planReminders } from "./reminder-plan.js";

export interface ReminderDeps {
  repos: Repositories;
  /** Where stored files live (the escalation reuses the rollup builder). */
  dataDir: string;
  clock: Clock;
  timezone: string;
  translations: Translations;
  defaultLanguage: string;
  logger?: Logger;
}

/** Office hours on working days: reminders go out inside them. */
export const OFFICE = { start: "07:30", end: "17:00" };
/** A reminder missed by more than this (bot down for days) no longer matters. */
const MAX_CATCH_UP_MS = 3 * 86_400_000;
/** A missed reminder is moot when the next planned one comes this soon after it would go out. */
const MOOT_WITHIN_MS = 2 * 3_600_000;

/** The start of the next working window at or after `at` (office hours on working days). */
export function nextOfficeWindow(at: Date, calendar: WorkingCalendar, tz: string): Date {
  const day = localDateOf(at, tz);
  const time = localTimeOf(at, tz);
  if (calendar.isWorkingDay(day) && time >= OFFICE.start && time <= OFFICE.end) return at;
  if (calendar.isWorkingDay(day) && time < OFFICE.start) return zonedInstant(day, OFFICE.start, tz);
  return zonedInstant(calendar.nextWorkingDay(day), OFFICE.start, tz);
}

/** Dedupe key of a unit reminder sent to one chat. */
export const reminderKey = (assignmentId: number, offset: number, chat: Pick<ChatRecord, "channel" | "chatId">) =>
  `reminder:${assignmentId}:${offset}:${chat.channel}:${chat.chatId}`;

/** The first line, the only one that names the unit. */
function renderReminderTitle(view: AssignmentView, planned: Pick<PlannedReminder, "kind">, t: Translate): string {
  return t(planned.kind === "overdue" ? "reminders:title_overdue" : "reminders:title", { unit: view.unit.name });
}

/** Every line after the title: the same for all units of one occurrence, reminder and channel. */
function renderReminderBody(
  view: AssignmentView,
  planned: Pick<PlannedReminder, "kind" | "at">,
  t: Translate,
  tz: string,
  channel: Channel,
): string {
  const lines = [
    view.plan
      ? t("reminders:plan", { number: view.plan.number, date: formatDmy(view.plan.date), title: view.plan.title })
      : "",
    t("reminders:task", {
      id: view.task.id,
      title: view.task.title,
      period: view.occurrence.label ? ` (${view.occurrence.label})` : "",
    }),
    t("reminders:deadline", {
      deadline: formatDue({ dueAt: view.dueAt, statedDate: view.occurrence.statedDate }, tz, t),
      left: formatDaysLeft(planned.at, view.dueAt, tz, t),
    }),
    view.task.indicators.length
      ? t("reminders:indicators", { list: view.task.indicators.map((i) => i.label.toLowerCase()).join(", ") })
      : "",
    planned.kind === "overdue" ? t("reminders:late_accepted") : "",
    t("reminders:how_to_answer", { id: view.task.id, context: channel, example: exampleReport(view.task, t) }),
  ];
  return lines.filter(Boolean).join("\n");
}

/**
 * Renders reminder texts for a batch: plan, task, deadline with weekday, days left or overdue, and
 * how to answer on the chat's channel (Zalo has no reply-to, so its text says to send /baocao or
 * just the report). The body is rendered once per occurrence, reminder and channel, since a tick
 * queues the same text to thousands of units (only the title names the unit).
 * @example const render = createReminderRenderer(t, "Asia/Ho_Chi_Minh"); render(view, { kind: "before", at }, "zalo")
 */
function createReminderRenderer(t: Translate, tz: string) {
  const bodies = new Map<string, string>();
  return (view: AssignmentView, planned: Pick<PlannedReminder, "kind" | "at">, channel: Channel): string => {
    const key = `${view.occurrenceId}|${view.dueAt.getTime()}|${planned.kind}|${planned.at.getTime()}|${channel}`;
    let body = bodies.get(key);
    if (body === undefined) bodies.set(key, (body = renderReminderBody(view, planned, t, tz, channel)));
    return `${renderReminderTitle(view, planned, t)}\n${body}`;
  };
}

/**
 * The escalation for the rollup group, saying exactly what happened: X/Y reported, the units still
 * missing with how many times each was reminded, and apart the units nobody could remind.
 * @example renderEscalation(rollup, t, "Asia/Ho_Chi_Minh")
 */
export function renderEscalation(rollup: TaskRollup, t: Translate, tz: string): string {
  const c = rollup.counts;
  const title = t("reminders:escalation_title", {
    title: rollup.title,
    period: rollup.periodLabel ? ` (${rollup.periodLabel})` : "",
    deadline: formatDeadline(rollup.dueAt, tz, t, rollup.statedDate),
    submitted: c.onTime + c.late,
    expected: expectedCount(rollup),
  });
  // Like every post to the leaders' group: one phone screen, fewer names when needed.
  return fitText((detail) => [title, ...renderMissingAndUnreachable(rollup, t, detail)].join("\n"), LEADER_POST_MAX);
}

interface Planned {
  view: AssignmentView;
  planned: PlannedReminder[];
}

async function planOpen(
  deps: ReminderDeps,
  filter?: (a: AssignmentView) => boolean,
): Promise<{ items: Planned[]; calendar: WorkingCalendar }> {
  const calendar = await loadCalendar(deps.repos);
  const cache = new Map<string, PlannedReminder[]>();
  const items: Planned[] = [];
  for (const view of await deps.repos.assignments.listOpen()) {
    if (filter && !filter(view)) continue;
    // The plan's lead unit coordinates the plan: it is never asked to report to itself.
    if (view.plan?.leadUnitCode === view.unit.code) continue;
    // The policy is the task's: one plan per task and deadline (thousands of units share it).
    const key = `${view.task.id}|${view.dueAt.getTime()}`;
    let planned = cache.get(key);
    if (!planned) {
      planned = planReminders({
        dueAt: view.dueAt,
        policy: view.task.reminder ?? DEFAULT_REMINDER_POLICY,
        calendar,
        tz: deps.timezone,
        officeHours: OFFICE,
      });
      cache.set(key, planned);
    }
    items.push({ view, planned });
  }
  return { items, calendar };
}

/**
 * Queues every reminder and escalation that is due now and not queued yet. After downtime only the
 * latest missed reminder of each assignment is sent (once), and only if it still matters: not older
 * than three days and not about to be followed by the next planned one.
 * @example await enqueueDueReminders(deps) // → { reminders: 25, escalations: 1 }
 */
export async function enqueueDueReminders(deps: ReminderDeps): Promise<{ reminders: number; escalations: number }> {
  const now = deps.clock.now();
  const t = deps.translations.t(deps.defaultLanguage);
  const { items, calendar } = await planOpen(deps);
  const chatsByUnit = groupChats(await deps.repos.chats.listActiveUnitChats());
  const queued = await deps.repos.outbox.keysForAssignments(items.map((i) => i.view.id));
  const sendAt = nextOfficeWindow(now, calendar, deps.timezone);
  const render = createReminderRenderer(t, deps.timezone);
  const inputs: OutboxInput[] = [];

  for (const { view, planned } of items) {
    const queuedOffsets = offsetsQueued(queued.get(view.id));
    const lastSentAt = planned.findLast((p) => queuedOffsets.has(p.offset))?.at;
    const due = latestDue(planned, now, lastSentAt, view.dueAt);
    if (!due || sendAt.getTime() - due.at.getTime() > MAX_CATCH_UP_MS) continue;
    const next = planned.find((p) => p.kind !== "escalation" && p.at > due.at);
    if (next && next.at.getTime() - sendAt.getTime() <= MOOT_WITHIN_MS && next.at > now) continue;
    for (const chat of chatsByUnit.get(view.unitId) ?? []) {
      const text = render(view, due, chat.channel);
      inputs.push({
        dedupeKey: reminderKey(view.id, due.offset, chat),
        channel: chat.channel,
        chatId: chat.chatId,
        kind: due.kind,
        message: { type: "text", text },
        notBefore: sendAt,
        assignmentId: view.id,
      });
    }
  }

  // One transaction for the whole batch: the first tick of a big plan queues thousands at once.
  const reminders = (await deps.repos.outbox.enqueueMany(inputs)).size;
  const escalations = await enqueueEscalations(deps, items, now, sendAt, t);
  return { reminders, escalations };
}

/** The reminder offsets already queued for an assignment, read from its outbox keys (see reminderKey). */
function offsetsQueued(keys: string[] | undefined): Set<number> {
  const offsets = new Set<number>();
  for (const key of keys ?? []) if (key.startsWith("reminder:")) offsets.add(Number(key.split(":", 3)[2]));
  return offsets;
}

function latestDue(
  planned: PlannedReminder[],
  now: Date,
  lastSentAt: Date | undefined,
  dueAt: Date,
): PlannedReminder | undefined {
  const [nowMs, sentMs, overdue] = [now.getTime(), lastSentAt?.getTime(), now.getTime() >= dueAt.getTime()];
  let latest: PlannedReminder | undefined;
  for (const p of planned) {
    const at = p.at.getTime();
    if (p.kind === "escalation" || at > nowMs || (sentMs !== undefined && at <= sentMs)) continue;
    if (overdue && p.kind !== "overdue") continue;
    latest = p;
  }
  return latest;
}

function groupChats(chats: ChatRecord[]): Map<number, ChatRecord[]> {
  const out = new Map<number, ChatRecord[]>();
  for (const c of chats) if (c.unitId !== null) out.set(c.unitId, [...(out.get(c.unitId) ?? []), c]);
  return out;
}

async function enqueueEscalations(
  deps: ReminderDeps,
  items: Planned[],
  now: Date,
  sendAt: Date,
  t: Translate,
): Promise<number> {
  const rollupChats = (await deps.repos.chats.listRollupChats()).filter((c) => c.status === "active");
  if (!rollupChats.length) return 0;
  // An occurrence escalates once its escalation time has come and some unit is still open.
  const occurrences = new Set<number>();
  for (const item of items) {
    const escalation = item.planned.find((p) => p.kind === "escalation");
    if (!escalation || escalation.at > now || sendAt.getTime() - escalation.at.getTime() > MAX_CATCH_UP_MS) continue;
    occurrences.add(item.view.occurrenceId);
  }
  let count = 0;
  for (const occurrenceId of occurrences) {
    const keys = rollupChats.map((c) => `escalation:${occurrenceId}:${c.channel}:${c.chatId}`);
    const existing = await deps.repos.outbox.existingKeys(keys);
    if (keys.every((k) => existing.has(k))) continue;
    const rollup = await buildTaskRollup(deps.repos, occurrenceId, { now, dataDir: deps.dataDir, t });
    // Everyone reported or was excused since the last reminder: nothing to escalate.
    if (rollup.counts.missing + rollup.counts.unreachable === 0) continue;
    const text = renderEscalation(rollup, t, deps.timezone);
    for (const [i, chat] of rollupChats.entries()) {
      if (
        await deps.repos.outbox.enqueue({
          dedupeKey: keys[i],
          channel: chat.channel,
          chatId: chat.chatId,
          kind: "escalation",
          message: { type: "text", text },
          notBefore: sendAt,
        })
      )
        count++;
    }
  }
  return count;
}

/**
 * The next instant a reminder or escalation is planned after now (for the scheduler's timer).
 */
export async function nextReminderAt(deps: ReminderDeps): Promise<Date | null> {
  const now = deps.clock.now();
  const { items } = await planOpen(deps);
  let next: Date | null = null;
  for (const { planned } of items) {
    for (const p of planned) if (p.at > now && (!next || p.at < next)) next = p.at;
  }
  return next;
}

/**
 * `/nhacnho [TASK]`: reminds every unit with an open assignment now (once per assignment per day),
 * outside the planned schedule. `source` names the command's message: handled again after a crash,
 * it counts the reminders its first run queued as queued, not as "nothing new". `sendAt` is when
 * they go out: now in office hours, else the next working window (a Sunday's go out on Monday 07:30).
 * @example await remindNow(deps, task?.id, "telegram:111:42") // → { units: 12, messages: 14, sendAt, … }
 */
export async function remindNow(
  deps: ReminderDeps,
  taskId?: number,
  source?: string,
): Promise<{ units: number; messages: number; withoutChat: string[]; sendAt: Date }> {
  const now = deps.clock.now();
  const t = deps.translations.t(deps.defaultLanguage);
  const { items, calendar } = await planOpen(deps, (a) => taskId === undefined || a.task.id === taskId);
  const chatsByUnit = groupChats(await deps.repos.chats.listActiveUnitChats());
  const sendAt = nextOfficeWindow(now, calendar, deps.timezone);
  const day = localDateOf(now, deps.timezone);
  const withoutChat = new Set<string>();
  const render = createReminderRenderer(t, deps.timezone);
  const inputs: OutboxInput[] = [];
  const unitOf = new Map<string, number>();
  for (const { view } of items) {
    const chats = chatsByUnit.get(view.unitId) ?? [];
    if (!chats.length) withoutChat.add(view.unit.name);
    const kind = now > view.dueAt ? "overdue" : "before";
    for (const chat of chats) {
      // Counted from when it goes out: a Sunday /nhacnho read on Monday says "today", not "1 day left".
      const text = render(view, { kind, at: sendAt }, chat.channel);
      const dedupeKey = `manual:${view.id}:${day}:${chat.channel}:${chat.chatId}`;
      unitOf.set(dedupeKey, view.unitId);
      inputs.push({
        dedupeKey,
        channel: chat.channel,
        chatId: chat.chatId,
        kind: "manual",
        message: { type: "text", text },
        notBefore: sendAt,
        assignmentId: view.id,
        source,
      });
    }
  }
  // One transaction: a crash in the middle queues none of them, and the command is handled again.
  const queued = await deps.repos.outbox.enqueueMany(inputs);
  const units = new Set([...queued].map((key) => unitOf.get(key)));
  const messages = queued.size;
  return { units: units.size, messages, withoutChat: [...withoutChat], sendAt };
}

export type PolicyResult =
  | { ok: true; task: TaskRecord; policy: ReminderPolicy; isDefault: boolean; changed: boolean }
  | { ok: false; error: "not_found" | "bad_setting"; detail?: string };

const DAYS_LIST = /^\d{1,2}(,\d{1,2}){0,9}$|^-$/;

/**
 * `/lichnhac TASK [truoc=7,3,1] [han=co|khong] [sau=1,3] [bao=4] [gio=08:00] | [macdinh]`: shows or
 * changes a task's reminder policy (working days before/after the deadline, escalation, time).
 * Keys are read without diacritics, so "trước=" and "truoc=" are the same.
 * @example await setReminderPolicy(repos, "telegram:1", "#2", "truoc=5,1 sau=2")
 */
export async function setReminderPolicy(
  repos: Repositories,
  actor: string,
  ref: string,
  settings: string[],
): Promise<PolicyResult> {
  const task = await findTask(repos, ref);
  if (!task) return { ok: false, error: "not_found" };
  if (!settings.length)
    return {
      ok: true,
      task,
      policy: task.reminder ?? DEFAULT_REMINDER_POLICY,
      isDefault: !task.reminder,
      changed: false,
    };
  let policy: ReminderPolicy = { ...(task.reminder ?? DEFAULT_REMINDER_POLICY) };
  let reset = false;
  for (const setting of settings) {
    const [rawKey, value = ""] = searchKey(setting).split("=");
    const key = rawKey.replace(/\s/g, "");
    const days = (v: string) =>
      v === "-" ? [] : [...new Set(v.split(",").map(Number))].filter((n) => n > 0).sort((a, b) => b - a);
    if (key === "macdinh") reset = true;
    else if (key === "truoc" && DAYS_LIST.test(value)) policy.before = days(value);
    else if (key === "sau" && DAYS_LIST.test(value)) policy.after = days(value).reverse();
    else if (key === "han" && /^(co|khong)$/.test(value)) policy.onDueDay = value === "co";
    else if (key === "bao" && /^\d{1,2}$/.test(value)) policy.escalateAfter = Number(value);
    else if (key === "gio" && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)) policy.time = value;
    else return { ok: false, error: "bad_setting", detail: setting };
  }
  if (reset) policy = DEFAULT_REMINDER_POLICY;
  await repos.tasks.setReminder(task.id, reset ? null : policy);
  await repos.audit.log({
    actor,
    action: "task.reminders",
    entity: "task",
    entityId: task.code,
    detail: { policy: reset ? "default" : policy },
  });
  return { ok: true, task, policy, isDefault: reset, changed: true };
}
