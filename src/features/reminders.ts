import { splitArgs } from "../core/args.js";
import { formatDmy, localDateOf, localTimeOf, weekdayOf } from "../core/calendar/time.js";
import { Composer } from "../core/composer.js";
import { nameList } from "../core/format.js";
import { findTask, loadCalendar } from "../core/plans/tasks.js";
import { messageSource } from "../core/ports.js";
import { remindNow, setReminderPolicy } from "../core/reminders/reminders.js";
import type { Channel } from "../core/types.js";
import { actorOf, allow, type Feature } from "./deps.js";
import { exampleAdminTask } from "./tasks.js";

/** /nhacnho [TASK]: remind now every unit that has not reported; /lichnhac: a task's reminder policy. */
export const remindersFeature: Feature = (deps) => {
  const composer = new Composer();

  /**
   * How units' chats are named: "nhóm" where units report in Telegram groups, "cuộc trò chuyện"
   * where they report in Zalo chats (Zalo has no groups for the bot), both when units use both;
   * with no unit chat yet, as on the admin's own channel.
   */
  async function unitChatsWord(own: Channel): Promise<Channel | "any"> {
    const used = new Set((await deps.repos.chats.listActiveUnitChats()).map((c) => c.channel));
    if (used.size > 1) return "any";
    return used.size === 1 ? [...used][0]! : own;
  }

  composer.command("nhacnho", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const [ref] = splitArgs(ctx.command!.args);
    const task = ref ? await findTask(deps.repos, ref) : null;
    if (ref && !task)
      return ctx.reply(
        `${ctx.t("tasks:cancel_not_found", { ref })}\n${ctx.t("reminders:remind_usage", await exampleAdminTask(deps, ctx.t))}`,
      );
    const result = await remindNow(deps, task?.id, messageSource(ctx.incoming));
    deps.onScheduleChange();
    // Outside office hours (a Sunday, an evening) nothing goes out until the next working window: say when.
    const later = result.sendAt.getTime() > deps.clock.now().getTime();
    const day = localDateOf(result.sendAt, deps.timezone);
    // A Sunday or a holiday is said as such, not as "outside office hours".
    const dayOff =
      later && !(await loadCalendar(deps.repos)).isWorkingDay(localDateOf(deps.clock.now(), deps.timezone));
    const when = later
      ? ctx.t(dayOff ? "reminders:remind_when_day_off" : "reminders:remind_when_later", {
          time: localTimeOf(result.sendAt, deps.timezone),
          day: `${ctx.t(`common:weekday_${weekdayOf(day)}`)}, ${formatDmy(day)}`,
        })
      : ctx.t("reminders:remind_when_now");
    const context = await unitChatsWord(ctx.incoming.channel);
    const lines = [
      ctx.t(result.messages ? "reminders:remind_done" : "reminders:remind_nothing", {
        count: result.units,
        messages: result.messages,
        when,
        context,
      }),
    ];
    if (result.withoutChat.length)
      lines.push(
        ctx.t("reminders:without_chat", {
          count: result.withoutChat.length,
          names: nameList(result.withoutChat, 20, ctx.t),
          context,
        }),
      );
    await ctx.reply(lines.join("\n"));
  });
  composer.command("lichnhac", async (ctx) => {
    const [ref, ...settings] = splitArgs(ctx.command!.args);
    const usage = async () => ctx.t("reminders:policy_usage", await exampleAdminTask(deps, ctx.t));
    if (!ref) return ctx.reply(await usage());
    if (settings.length && !(await allow(ctx, ["admin"]))) return;
    if (!settings.length && !(await allow(ctx, ["admin", "leader"]))) return;
    const result = await setReminderPolicy(deps.repos, actorOf(ctx), ref, settings);
    if (!result.ok) {
      const reason =
        result.error === "not_found"
          ? ctx.t("tasks:cancel_not_found", { ref })
          : ctx.t("reminders:policy_bad", { setting: result.detail });
      return ctx.reply(`${reason}\n${await usage()}`);
    }
    if (result.changed) deps.onScheduleChange();
    const p = result.policy;
    // "7, 3, 1 ngày làm việc"; English counts one day apart ("1 working day").
    const list = (days: number[]) =>
      days.length
        ? ctx.t("reminders:policy_days", { list: days.join(", "), count: days.length === 1 ? days[0] : days.length })
        : ctx.t("reminders:policy_none");
    await ctx.reply(
      ctx.t(result.changed ? "reminders:policy_changed" : "reminders:policy_show", {
        id: result.task.id,
        title: result.task.title,
        before: list(p.before),
        dueDay: ctx.t(p.onDueDay ? "reminders:policy_yes" : "reminders:policy_no"),
        after: list(p.after),
        escalate:
          p.escalateAfter > 0
            ? ctx.t("reminders:policy_after_days", { count: p.escalateAfter })
            : ctx.t("reminders:policy_never"),
        time: p.time,
        which: ctx.t(result.isDefault ? "reminders:policy_default" : "reminders:policy_custom"),
      }),
    );
  });
  return composer;
};
