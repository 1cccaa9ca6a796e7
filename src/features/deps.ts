import type { BotCoreDeps } from "../core/bot.js";
import type { Composer, Context } from "../core/composer.js";
import type { FileStore, Role } from "../core/ports.js";
import type { Renderer } from "../render/render-pool.js";

/** What features need: the core's dependencies plus settings. */
export interface FeatureDeps extends BotCoreDeps {
  timezone: string;
  maxFileBytes: number;
  files: FileStore;
  /** Where stored files live (DATA_DIR). */
  dataDir: string;
  /** ORG_NAME: the coordinating office's name when no plan names it. */
  orgName?: string;
  /** Called after configuration changes that move deadlines or reminders. */
  onScheduleChange(): void;
  /** Draws charts, workbooks and draft reports off the event loop (the app's render pool); without it they are drawn inline. */
  renderer?: Renderer;
}

/** A feature is a function that builds a composer from its dependencies. */
export type Feature = (deps: FeatureDeps) => Composer;

const ROLE_RANK: Record<Role, number> = { none: 0, officer: 1, leader: 2, admin: 3 };

/**
 * True when the sender has one of the roles; otherwise replies with a specific refusal.
 * @example if (!(await allow(ctx, ["admin"]))) return;
 */
export async function allow(ctx: Context, roles: Role[]): Promise<boolean> {
  if (roles.includes(ctx.role)) return true;
  const needed = roles.reduce((a, b) => (ROLE_RANK[a] > ROLE_RANK[b] ? b : a));
  await ctx.reply(ctx.t(`access:need_${needed}`, { command: ctx.command ? `/${ctx.command.name}` : "" }));
  return false;
}

/** "telegram:12345", the audit log's actor id. */
export const actorOf = (ctx: Context): string => `${ctx.incoming.channel}:${ctx.incoming.userId}`;
