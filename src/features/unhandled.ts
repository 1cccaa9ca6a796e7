import { Composer } from "../core/composer.js";
import type { Feature } from "./deps.js";

/** Last feature: unknown commands get a pointer to /trogiup; private chatter gets a hint. */
export const unhandledFeature: Feature = () => {
  const composer = new Composer();
  composer.use(async (ctx) => {
    if (ctx.command) return ctx.reply(ctx.t("common:unknown_command", { command: `/${ctx.command.name}` }));
    if (ctx.incoming.chatType === "private") await ctx.reply(ctx.t("common:not_understood"));
  });
  return composer;
};
