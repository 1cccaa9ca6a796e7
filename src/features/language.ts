import { Composer } from "../core/composer.js";
import type { Feature } from "./deps.js";

/** /ngonngu vi|en — each person chooses the bot's language. */
export const languageFeature: Feature = (deps) => {
  const composer = new Composer();
  composer.command("ngonngu", async (ctx) => {
    const wanted = ctx.command!.args.toLowerCase().trim();
    if (wanted !== "vi" && wanted !== "en") return ctx.reply(ctx.t("language:usage"));
    await deps.repos.people.setLanguage(ctx.person.id, wanted);
    await ctx.reply(deps.translations.t(wanted)("language:changed"));
  });
  return composer;
};
