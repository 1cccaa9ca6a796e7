import { Composer } from "../core/composer.js";
import { reportAccess } from "../core/units/access.js";
import type { Feature } from "./deps.js";
import { exampleForUnit } from "./tasks.js";

/**
 * Stickers, voice messages, locations, contacts and other content the bot cannot read: a short
 * answer in private chats, and in a unit's group to its registered officers, saying what is
 * accepted. Other group members' stickers stay unanswered: groups are for people, too.
 */
export const unsupportedContentFeature: Feature = (deps) => {
  const composer = new Composer();
  composer.use(async (ctx, next) => {
    const kind = ctx.incoming.unsupported;
    if (!kind || ctx.command || ctx.incoming.text.trim() || ctx.incoming.files.length) return next();
    const officer = ctx.unit !== null && reportAccess(ctx.person, ctx.unit) === "ok";
    if (ctx.incoming.chatType !== "private" && !officer) return;
    const what = ctx.t(`common:content_${kind}`);
    await ctx.reply(
      ctx.t(officer ? "common:unsupported_officer" : "common:unsupported", {
        what,
        context: ctx.incoming.channel,
        example: officer ? await exampleForUnit(deps, ctx) : "",
      }),
      { quote: ctx.incoming.chatType !== "private" },
    );
  });
  return composer;
};
