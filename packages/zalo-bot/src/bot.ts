import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ClientOptions, ZaloClient } from "./client.js";
import { Composer } from "./composer.js";
import { Context } from "./context.js";
import type { BotInfo, Update } from "./types.js";
import { normalizeUpdates } from "./update.js";

export interface BotOptions extends ClientOptions {
  /** Skips getMe when known. */
  botInfo?: BotInfo;
  /** Called when a poll fails (the bot waits `retryInMs`, then polls again). Default: console.warn. */
  onPollingError?: (error: unknown, retryInMs: number) => void;
  /** Called when a poll is answered again after failures. */
  onPollingRecovered?: () => void;
}

export interface LaunchOptions {
  /** Long-poll wait in seconds per getUpdates call (default 30). */
  pollTimeout?: number;
  /** First wait after a failed poll in ms (default 1 s), doubled per failure up to `maxBackoffMs`. */
  backoffMs?: number;
  /** Longest wait between failed polls in ms (default 30 s). */
  maxBackoffMs?: number;
}

/** Message ids remembered to drop webhook redeliveries. */
const REMEMBERED = 10_000;
const WEBHOOK_MAX_BODY = 1 << 20;

/**
 * A Telegraf-style Zalo bot: middleware, `command`/`hears`/`on`, long polling with `launch()`, or
 * a webhook handler for any Node HTTP server.
 * @example
 * const bot = new Bot(process.env.ZALO_BOT_TOKEN!);
 * bot.start((ctx) => ctx.reply("Xin chào!"));
 * bot.hears(/cảm ơn/i, (ctx) => ctx.reply("Không có gì ạ."));
 * bot.launch();
 * process.once("SIGINT", () => bot.stop());
 */
export class Bot<C extends Context = Context> extends Composer<C> {
  /** The API client. */
  readonly zalo: ZaloClient;
  botInfo?: BotInfo;
  private handleError: (error: unknown, ctx: C) => unknown = (error) => {
    console.error("zalo-bot: unhandled error while processing an update", error);
  };
  private polling?: { abort: AbortController; done: Promise<void> };
  private readonly seen = new Set<string>();
  /** When the last poll was answered (an update or an empty poll), as `Date.now()`; for health checks. */
  lastPollAt?: number;

  constructor(
    token: string,
    private readonly options: BotOptions = {},
  ) {
    super();
    this.zalo = new ZaloClient(token, options);
    this.botInfo = options.botInfo;
  }

  /** Telegraf's name for the API client. */
  get telegram(): ZaloClient {
    return this.zalo;
  }

  /** Handles errors thrown by middleware (instead of logging them). */
  catch(handler: (error: unknown, ctx: C) => unknown): this {
    this.handleError = handler;
    return this;
  }

  /** Fills `botInfo` from getMe unless known. */
  async init(): Promise<BotInfo> {
    this.botInfo ??= await this.zalo.getMe();
    return this.botInfo;
  }

  /**
   * Runs the middleware for an update: a bare update, an `{ok, result}` wrapper, or an array.
   * Errors go to the `catch` handler.
   */
  async handleUpdate(body: Update | unknown): Promise<void> {
    for (const update of normalizeUpdates(body)) {
      const ctx = new Context(update, this.zalo, this.botInfo) as C;
      try {
        await this.middleware()(ctx, async () => {});
      } catch (error) {
        await this.handleError(error, ctx);
      }
    }
  }

  /**
   * Starts long polling: removes a webhook (getUpdates does not work while one is set), then polls
   * one update at a time. An empty poll (the API's 408) polls again at once; failures wait 1 s,
   * 2 s, 4 s … up to 30 s, including the first getMe, so a bot started while the API is down comes
   * up when it returns. Resolves when `stop()` was called (as Telegraf 4.16 does); `onLaunch` runs
   * once polling is live.
   */
  launch(options?: LaunchOptions | (() => void), onLaunch?: () => void): Promise<void> {
    if (typeof options === "function") return this.launch({}, options);
    if (this.polling) throw new Error("zalo-bot: already launched");
    const abort = new AbortController();
    const done = this.pollLoop(options ?? {}, abort.signal, onLaunch);
    this.polling = { abort, done };
    return done;
  }

  /** Stops polling: the open long poll is aborted, so this resolves within a second. */
  async stop(): Promise<void> {
    const polling = this.polling;
    if (!polling) return;
    polling.abort.abort();
    await polling.done;
    this.polling = undefined;
  }

  /**
   * A Node HTTP handler for the webhook. Checks `X-Bot-Api-Secret-Token` in constant time (401,
   * nothing processed, when wrong or missing), accepts a bare or `{ok, result}`-wrapped body, drops
   * redeliveries of a message id it already handled, and answers 200 once the middleware finished
   * (500 when the `catch` handler rethrew, so that the platform may deliver it again: that it
   * redelivers after a non-200 is an assumption, undocumented; without it the update is lost either way).
   * @example http.createServer(bot.webhookCallback(process.env.ZALO_WEBHOOK_SECRET!)).listen(8443);
   */
  webhookCallback(secret: string): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
    if (secret.length < 8 || secret.length > 256)
      throw new RangeError("zalo-bot: the webhook secret must be 8–256 characters");
    const expected = digest(secret);
    return async (req, res) => {
      if (req.method !== "POST") return void res.writeHead(405).end();
      const given = req.headers["x-bot-api-secret-token"];
      if (typeof given !== "string" || !timingSafeEqual(digest(given), expected)) return void res.writeHead(401).end();
      const body = await readBody(req);
      if (!body) return void res.writeHead(413).end();
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString("utf8"));
      } catch {
        return void res.writeHead(400).end();
      }
      for (const update of normalizeUpdates(parsed)) {
        const id = update.message?.message_id;
        if (id && this.seen.has(id)) continue;
        if (id) this.remember(id);
        try {
          await this.handleUpdate(update);
        } catch {
          // The catch handler rethrew: not handled, so a redelivery gets another chance.
          if (id) this.seen.delete(id);
          return void res.writeHead(500).end();
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    };
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.values().next().value!);
  }

  private async pollLoop(options: LaunchOptions, signal: AbortSignal, onLaunch?: () => void): Promise<void> {
    const first = options.backoffMs ?? 1000;
    const max = options.maxBackoffMs ?? 30_000;
    const onError =
      this.options.onPollingError ??
      ((error, wait) => console.warn(`zalo-bot: polling failed, retrying in ${wait} ms`, error));
    let wait = first;
    let live = false;
    while (!signal.aborted) {
      try {
        if (!live) {
          await this.init();
          await this.zalo.deleteWebhook({ signal });
          live = true;
          onLaunch?.();
        }
        const updates = await this.zalo.getUpdates({ timeout: options.pollTimeout ?? 30 }, { signal });
        this.lastPollAt = Date.now();
        if (wait !== first) this.options.onPollingRecovered?.();
        wait = first;
        for (const update of updates) await this.handleUpdate(update);
      } catch (error) {
        if (signal.aborted) break;
        onError(error, wait);
        await sleep(wait, signal);
        wait = Math.min(wait * 2, max);
      }
    }
  }
}

const digest = (value: string): Buffer => createHash("sha256").update(value).digest();

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > WEBHOOK_MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
