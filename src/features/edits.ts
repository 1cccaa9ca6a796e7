import { Composer } from "../core/composer.js";
import type { Feature } from "./deps.js";

/** Commands whose edit runs again: an officer corrects the figures of a report sent with them. */
const REPORT_COMMANDS = new Set(["baocao", "sua"]);

/**
 * Edited messages (Telegram sends an edit as a message of its own). An edit in a unit's chat goes
 * on to the reports feature, which revises the report the message wrote; an edited /baocao or
 * /sua runs again. Any other edit is left alone: it was answered as first written, and running a
 * command twice (/themdonvi, /nhapkehoach) would do its work twice.
 * @example composer.use(editsFeature(deps)) // before every other feature
 */
export const editsFeature: Feature = () => {
  const composer = new Composer();
  composer.use(async (ctx, next) => {
    if (!ctx.incoming.editedAt) return next();
    if (ctx.command ? REPORT_COMMANDS.has(ctx.command.name) : !!ctx.unit) return next();
  });
  return composer;
};
