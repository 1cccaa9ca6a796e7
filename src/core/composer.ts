/**
 * A tiny channel-neutral middleware composer, shaped like grammY's `Composer`:
 * features are composers installed in order; the first handler that does not call `next` wins.
 */
import type { ChatRecord, PersonRecord, Role, UnitRecord } from "./ports.js";
import type { Address, Incoming, OutgoingMessage, Translate } from "./types.js";

/** Everything a handler knows about one incoming message. */
export interface Context {
  incoming: Incoming;
  /** The sender, created on first contact. */
  person: PersonRecord;
  /** Effective role (configured first admins are always admins). */
  role: Role;
  /** This chat's binding, if any. */
  chat: ChatRecord | null;
  /** The unit this message speaks for: the chat's unit, else an officer's own unit in a private chat. */
  unit: UnitRecord | null;
  language: string;
  t: Translate;
  /** Parsed command: lower-case name without "/" and "@bot", and the raw rest of the text. */
  command?: { name: string; args: string };
  /**
   * Replies in this chat; long text is split at line boundaries within the platform's limit.
   * Handled from the inbox, a reply is durable: one that cannot be sent now (5xx, no connection)
   * is kept in the outbox under this message's identity and sent when the platform answers, and
   * the message handled again after a crash does not send it twice. It never throws for a failed send.
   */
  reply(text: string, options?: { quote?: boolean }): Promise<void>;
  /**
   * Replies once after a quiet period: a later call with the same `key` from the same sender in
   * this chat replaces the text and postpones the send, so an album or a burst of files gets one
   * summary, `delayMs` after its last file. It is an outbox row from the start, so a crash or a stop
   * before it is sent does not lose it.
   */
  replyLater(text: string, options: { key: string; delayMs: number }): Promise<void>;
  /** Sends anything to anywhere (files, other chats). */
  send(to: Address, message: OutgoingMessage): Promise<{ messageId: string }>;
}

export type Next = () => Promise<void>;
export type Middleware = (ctx: Context, next: Next) => Promise<void>;

/** A unit of composition: a list of middleware with helpers for commands and filters. */
export class Composer {
  private readonly stack: Middleware[] = [];

  /** Adds middleware that runs for every message. */
  use(...middleware: (Middleware | Composer)[]): this {
    for (const m of middleware) this.stack.push(m instanceof Composer ? m.middleware() : m);
    return this;
  }

  /**
   * Handles one or more commands.
   * @example composer.command(["start", "trogiup"], (ctx) => ctx.reply(ctx.t("help:text")))
   */
  command(names: string | string[], handler: (ctx: Context) => Promise<void>): this {
    const set = new Set(Array.isArray(names) ? names : [names]);
    return this.use((ctx, next) => (ctx.command && set.has(ctx.command.name) ? handler(ctx) : next()));
  }

  /** Handles messages matching a predicate. */
  on(predicate: (ctx: Context) => boolean, handler: Middleware): this {
    return this.use((ctx, next) => (predicate(ctx) ? handler(ctx, next) : next()));
  }

  middleware(): Middleware {
    const stack = this.stack;
    return (ctx, next) => {
      const run = (i: number): Promise<void> => (i < stack.length ? stack[i](ctx, () => run(i + 1)) : next());
      return run(0);
    };
  }
}
