import { splitArgs } from "../core/args.js";
import { Composer } from "../core/composer.js";
import { remindNow } from "../core/reminders.js";
import { findTask } from "../core/tasks.js";
import { allow, type Feature } from "./deps.js";

/** /nhacnho [TASK]: admins send reminders now to every unit that has not reported. */
export const remindersFeature: Feature = (deps) => {
  const composer = new Composer();
  composer.command("nhacnho", async (ctx) => {
    if (!(await allow(ctx, ["admin"]))) return;
    const [ref] = splitArgs(ctx.command!.args);
    const task = ref ? await findTask(deps.repos, ref) : null;
    if (ref && !task) return ctx.reply(`${ctx.t("tasks:cancel_not_found", { ref })}\n${ctx.t("reminders:remind_usage")}`);
    const result = await remindNow(deps, task?.id);
    deps.onScheduleChange();
    const lines = [ctx.t(result.messages ? "reminders:remind_done" : "reminders:remind_nothing", { units: result.units, messages: result.messages })];
    if (result.withoutChat.length) lines.push(ctx.t("reminders:without_chat", { count: result.withoutChat.length, names: result.withoutChat.slice(0, 20).join(", ") }));
    await ctx.reply(lines.join("\n"));
  });
  return composer;
};
