import { Composer } from "../core/composer.js";
import { exampleReport } from "../core/reports/report-example.js";
import type { Feature } from "./deps.js";
import { nextOpenTask } from "./tasks.js";

/** /start and /trogiup: a greeting and help for the sender's role; the gate for unknown chats. */
export const onboardingFeature: Feature = (deps) => {
  const composer = new Composer();
  composer.command(["start", "trogiup", "help"], async (ctx) => {
    // Zalo's help shows a report one may just send: the unit's next task's, when it has one.
    const task = await nextOpenTask(deps, ctx.unit?.id);
    const example = task ? ctx.t("tasks:example_suffix", { text: exampleReport(task, ctx.t) }) : "";
    const lines = [ctx.t("help:greeting", { name: ctx.person.displayName || ctx.t("help:friend") })];
    if (ctx.unit) lines.push(ctx.t("help:your_unit", { unit: ctx.unit.name, context: ctx.incoming.channel }));
    if (ctx.chat?.role === "rollup") lines.push(ctx.t("help:rollup_chat", { context: ctx.incoming.channel }));
    if (ctx.role === "none" && !ctx.unit) lines.push(ctx.t("help:onboarding"));
    if (ctx.unit || ctx.role === "officer")
      lines.push(ctx.t("help:officer", { context: ctx.incoming.channel, example }));
    if (ctx.role === "leader" || ctx.role === "admin") lines.push(ctx.t("help:leader"));
    if (ctx.role === "admin") lines.push(ctx.t("help:admin"));
    lines.push(ctx.t("help:everyone"));
    // Everyone learns their own id here: admins need it for ADMIN_*_IDS and /quyen.
    lines.push(ctx.t("help:your_id", { id: ctx.incoming.userId, context: ctx.incoming.channel }));
    await ctx.reply(lines.join("\n\n"));
  });
  return composer;
};

/** Commands a stranger may use; everything else gets the onboarding text. */
const OPEN_COMMANDS = new Set(["start", "trogiup", "help", "dangky", "ngonngu"]);

/**
 * Unknown chats (not bound, sender without a role) get onboarding text only. In groups the bot
 * stays quiet on ordinary chatter and answers commands.
 */
export const strangerGateFeature: Feature = () => {
  const composer = new Composer();
  composer.use(async (ctx, next) => {
    const stranger = ctx.role === "none" && !ctx.unit && ctx.chat?.role !== "rollup";
    if (!stranger || (ctx.command && OPEN_COMMANDS.has(ctx.command.name))) return next();
    if (ctx.command || ctx.incoming.chatType === "private") await ctx.reply(ctx.t("help:onboarding"));
  });
  return composer;
};
