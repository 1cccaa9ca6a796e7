import type { Context } from "./context.js";

export type NextFn = () => Promise<void>;
export type MiddlewareFn<C extends Context = Context> = (ctx: C, next: NextFn) => unknown;
export type Middleware<C extends Context = Context> = MiddlewareFn<C> | Composer<C>;

/**
 * Update filters for `on`: Telegraf's names plus Zalo's event names.
 * "message" = any message event; "text", "photo", "sticker", "voice", "link", "unsupported".
 */
export type UpdateFilter = "message" | "text" | "photo" | "sticker" | "voice" | "link" | "unsupported" | (string & {});

const FILTER_EVENTS: Record<string, string> = {
  text: "message.text.received",
  photo: "message.image.received",
  image: "message.image.received",
  sticker: "message.sticker.received",
  voice: "message.voice.received",
  link: "message.link.received",
  unsupported: "message.unsupported.received",
};

function matchesFilter(ctx: Context, filter: string): boolean {
  if (filter === "message") return ctx.eventName.startsWith("message.") && !!ctx.message;
  return ctx.eventName === (FILTER_EVENTS[filter] ?? filter);
}

const COMMAND = /^\/([A-Za-z0-9_]{1,64})(?:@\S+)?(?:\s+([\s\S]*))?$/;

function flatten<C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> {
  return middleware instanceof Composer ? middleware.middleware() : middleware;
}

/**
 * A chain of middleware, as in Telegraf: each gets `(ctx, next)` and calls `next()` to pass the
 * update on. `Bot` is a Composer; feature modules can be Composers installed with `use`.
 * @example
 * const admin = new Composer();
 * admin.command("status", (ctx) => ctx.reply("OK"));
 * bot.use(admin);
 */
export class Composer<C extends Context = Context> {
  private readonly stack: MiddlewareFn<C>[] = [];

  /** Runs middleware in order for every update. */
  use(...middleware: Middleware<C>[]): this {
    this.stack.push(...middleware.map(flatten));
    return this;
  }

  /** Runs the handlers for updates matching one of the filters (see {@link UpdateFilter}). */
  on(filters: UpdateFilter | UpdateFilter[], ...handlers: Middleware<C>[]): this {
    const list = Array.isArray(filters) ? filters : [filters];
    return this.guard((ctx) => list.some((f) => matchesFilter(ctx, f)), handlers);
  }

  /**
   * Handles `/name` (any of `names`; matched without regard to case, since phones capitalise the
   * first letter), in a group also after the bot's mention ("@Bot Đôn Đốc /name"). Sets
   * `ctx.command`, `ctx.payload` (the rest of the text) and `ctx.args`.
   */
  command(names: string | string[], ...handlers: Middleware<C>[]): this {
    const wanted = new Set((Array.isArray(names) ? names : [names]).map((n) => n.replace(/^\//, "").toLowerCase()));
    return this.guard((ctx) => {
      const m = COMMAND.exec((ctx.textWithoutMention ?? "").trim());
      if (!m || !wanted.has(m[1].toLowerCase())) return false;
      ctx.command = m[1].toLowerCase();
      ctx.payload = (m[2] ?? "").trim();
      return true;
    }, handlers);
  }

  /** `/start` (Telegraf's `start`); `ctx.payload` holds what follows it. */
  start(...handlers: Middleware<C>[]): this {
    return this.command("start", ...handlers);
  }

  help(...handlers: Middleware<C>[]): this {
    return this.command("help", ...handlers);
  }

  /** Handles texts equal to a string or matching a RegExp (any of them); sets `ctx.match`. */
  hears(triggers: string | RegExp | (string | RegExp)[], ...handlers: Middleware<C>[]): this {
    const list = Array.isArray(triggers) ? triggers : [triggers];
    return this.guard((ctx) => {
      const text = ctx.text;
      if (text === undefined) return false;
      for (const trigger of list) {
        const m =
          typeof trigger === "string"
            ? text === trigger
              ? (Object.assign([text], { index: 0, input: text }) as RegExpExecArray)
              : null
            : new RegExp(trigger.source, trigger.flags.replace("g", "")).exec(text);
        if (m) {
          ctx.match = m;
          return true;
        }
      }
      return false;
    }, handlers);
  }

  /** The whole chain as one middleware. */
  middleware(): MiddlewareFn<C> {
    const stack = this.stack;
    return (ctx, next) => {
      const run = async (i: number): Promise<void> => {
        if (i < stack.length) await stack[i](ctx, () => run(i + 1));
        else await next();
      };
      return run(0);
    };
  }

  private guard(predicate: (ctx: C) => boolean, handlers: Middleware<C>[]): this {
    const chain = new Composer<C>().use(...handlers).middleware();
    return this.use((ctx, next) => (predicate(ctx) ? chain(ctx, next) : next()));
  }
}
