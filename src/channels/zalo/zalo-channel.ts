import { randomUUID } from "node:crypto";
import { Bot, TEXT_LIMIT, ZaloApiError, ZaloHttpError, type BotInfo, type Update } from "@don-doc/zalo-bot";
import { FileTooLargeError, SendError, type Inbox, type Logger, type Messenger } from "../../core/ports.js";
import { splitMessage } from "../../core/rollups/rollup-text.js";
import { truncate } from "../../core/text-limits.js";
import type { Incoming, OutgoingFile, OutgoingMessage, Translate, UnsupportedContent } from "../../core/types.js";
import type { FileLinks } from "../../http/file-links.js";
import type { HttpServer } from "../../http/http-server.js";
import { createRateLimiter, type RateLimits } from "../rate-limiter.js";
import { createReachability } from "../reachability.js";
import type { ChannelStatus } from "../telegram/telegram-channel.js";

export const ZALO_TEXT_LIMIT = TEXT_LIMIT;

/**
 * Zalo publishes no rate limits: an overall rate from ZALO_RATE_PER_SECOND, at most one message a
 * second per chat, and Telegram's pace for groups (bots are in practice private-chat only).
 */
export const zaloLimits = (ratePerSecond: number): RateLimits => ({ globalPerSecond: ratePerSecond, perChatPerSecond: 1, perGroupPerMinute: 19 });

export interface ZaloChannelOptions {
  token: string;
  apiRoot: string;
  logger: Logger;
  limits: RateLimits;
  /** Where generated files get their links; without it files become a text saying what to set. */
  fileLinks?: FileLinks;
  /** Texts the channel writes itself (file links, the missing-PUBLIC_BASE_URL notice). */
  t: Translate;
  /** Skips getMe when known. */
  botInfo?: BotInfo;
  /** Quick retries of a send the API answered with 5xx or 429, before the error reaches the caller (default 2). */
  retries?: number;
  /** Long-poll wait per getUpdates call in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /** Longest wait for a photo download (default 30 s). */
  downloadTimeoutMs?: number;
  /** While Zalo does not answer, a warning this often (default a minute; tests shorten it). */
  unreachableWarnEveryMs?: number;
}

const UNSUPPORTED: Record<string, UnsupportedContent> = {
  "message.sticker.received": "sticker",
  "message.voice.received": "voice",
  "message.unsupported.received": "other",
};

/**
 * Converts a Zalo update to the neutral {@link Incoming}; undefined for events without a message
 * or a chat to answer in. Images become a photo whose `fileRef` is its (expiring) public URL.
 */
export function toIncoming(update: Update): Incoming | undefined {
  const m = update.message;
  if (!m || !m.chat.id || m.from.is_bot) return undefined;
  const image = update.event_name === "message.image.received" && m.photo_url;
  const text = (m.text ?? m.caption ?? "").normalize("NFC");
  const unsupported = UNSUPPORTED[update.event_name] ?? (!image && !text ? "other" : undefined);
  return {
    channel: "zalo",
    chatId: m.chat.id,
    chatType: m.chat.chat_type === "GROUP" ? "group" : "private",
    userId: m.from.id,
    userName: m.from.display_name,
    // No id means no redelivery protection either: a fresh one keeps the message.
    messageId: m.message_id || `local-${randomUUID()}`,
    text: unsupported ? "" : text,
    files: image ? [{ kind: "photo", fileRef: m.photo_url!, mime: "image/jpeg" }] : [],
    unsupported,
    date: new Date(m.date),
  };
}

/** Maps the SDK's errors to the outbox's categories. Zalo's error codes are not documented beyond HTTP-like numbers. */
export function toSendError(error: unknown): SendError {
  if (error instanceof ZaloApiError) {
    const d = error.description || `error ${error.code}`;
    if (error.code === 429) return new SendError("rate_limited", d, (error.retryAfter ?? 1) * 1000);
    if (error.code === 403 || /blocked|not interacted|user not found|chat not found/i.test(d)) return new SendError("unreachable", d);
    if (error.code >= 500 || error.code === 408) return new SendError("transient", d);
    return new SendError("bad_request", d);
  }
  if (error instanceof ZaloHttpError) return new SendError("transient", error.message);
  return new SendError("transient", error instanceof Error ? error.message : String(error));
}

const isServerError = (e: unknown) => (e instanceof ZaloApiError && e.code >= 500) || (e instanceof ZaloHttpError && (e.status ?? 0) >= 500);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Zalo channel: the SDK's bot feeds the inbox (long polling or webhook on the shared HTTP server),
 * and a {@link Messenger} sends through its client. Zalo takes photos and files only by URL, so
 * generated files go out through {@link FileLinks}: a chart as a photo, XLSX/DOCX as a link.
 * @example
 * const zalo = createZaloChannel({ token, apiRoot, logger, limits: zaloLimits(5), fileLinks, t });
 * zalo.attach(inbox); await zalo.startPolling();
 */
export function createZaloChannel(options: ZaloChannelOptions) {
  const { logger, t } = options;
  // Warns once a minute while Zalo does not answer (not once per failed poll), and once on recovery.
  const reach = createReachability("zalo", logger, Date.now, options.unreachableWarnEveryMs);
  const bot = new Bot(options.token, {
    apiRoot: options.apiRoot,
    botInfo: options.botInfo,
    onPollingError: (err) => reach.failed(scrub(err)),
    onPollingRecovered: () => reach.ok(),
  });
  const limiter = createRateLimiter(options.limits);
  const retries = options.retries ?? 2;
  const pollTimeout = options.pollTimeoutSeconds ?? 30;
  let mode: "stopped" | "polling" | "webhook" = "stopped";

  /**
   * One API call under the rate limiter, with quick retries on 5xx and on 429 (the limiter holds
   * every sender until the retry-after and lowers the pace); throws SendError.
   */
  async function call<T>(chatId: string, isGroup: boolean, send: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await limiter.acquire(chatId, isGroup);
      try {
        const result = await send();
        reach.ok();
        return result;
      } catch (error) {
        if (error instanceof ZaloHttpError || isServerError(error)) reach.failed(scrub(error));
        const failure = toSendError(error);
        if (failure.retryAfterMs) {
          limiter.rateLimited(chatId, isGroup, failure.retryAfterMs);
          options.logger.warn({ chatId, retryAfterMs: failure.retryAfterMs, pace: limiter.current() }, "zalo: 429, sending held for retry-after and slowed");
        }
        if (attempt < retries && (failure.retryAfterMs || isServerError(error))) {
          if (!failure.retryAfterMs) await sleep(500 * 2 ** attempt);
          continue;
        }
        throw failure;
      }
    }
  }

  async function sendText(chatId: string, isGroup: boolean, text: string): Promise<string> {
    let first = "";
    for (const part of splitMessage(text.toWellFormed(), ZALO_TEXT_LIMIT)) {
      const sent = await call(chatId, isGroup, () => bot.zalo.sendMessage(chatId, part));
      first ||= sent.message_id;
    }
    return first;
  }

  /** The file's link, or undefined (after telling the chat what to configure) without PUBLIC_BASE_URL. */
  async function linkFor(file: OutgoingFile): Promise<string | undefined> {
    if (!options.fileLinks) return undefined;
    return (await options.fileLinks.publish(file)).url;
  }

  const messenger: Messenger = {
    textLimit: () => ZALO_TEXT_LIMIT,
    async send(to, message: OutgoingMessage) {
      const chatId = to.chatId;
      // Zalo group ids are indistinguishable from user ids; private chats are the rule.
      const isGroup = false;
      if (message.type === "text") return { messageId: await sendText(chatId, isGroup, message.text) };
      const caption = message.caption?.trim() ?? "";
      const url = await linkFor(message.file);
      if (!url) {
        const notice = t("files:no_public_url", { name: message.file.fileName });
        return { messageId: await sendText(chatId, isGroup, caption ? `${caption}\n\n${notice}` : notice) };
      }
      if (message.type === "photo") {
        const sent = await call(chatId, isGroup, () => bot.zalo.sendPhoto(chatId, url, caption ? { caption: truncate(caption, ZALO_TEXT_LIMIT) } : {}));
        return { messageId: sent.message_id };
      }
      const link = t("files:link", { name: message.file.fileName, url });
      return { messageId: await sendText(chatId, isGroup, caption ? `${caption}\n${link}` : link) };
    },
    async download(_channel, file, maxBytes) {
      let url: URL;
      try {
        url = new URL(file.fileRef);
      } catch {
        throw new SendError("bad_request", "photo reference is not a URL");
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new SendError("bad_request", `refusing ${url.protocol} URL`);
      let response: Response;
      try {
        response = await fetch(url, { signal: AbortSignal.timeout(options.downloadTimeoutMs ?? 30_000) });
      } catch (error) {
        throw new SendError("transient", `download failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      // Photo URLs expire: a 4xx will not get better.
      if (!response.ok || !response.body) throw new SendError(response.status >= 500 ? "transient" : "bad_request", `download failed: HTTP ${response.status}`);
      if (Number(response.headers.get("content-length") ?? 0) > maxBytes) {
        await response.body.cancel();
        throw new FileTooLargeError(maxBytes);
      }
      const chunks: Uint8Array[] = [];
      let total = 0;
      try {
        for await (const chunk of response.body) {
          total += chunk.length;
          if (total > maxBytes) throw new FileTooLargeError(maxBytes);
          chunks.push(chunk);
        }
      } catch (error) {
        if (error instanceof SendError) throw error;
        throw new SendError("transient", `download failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      return Buffer.concat(chunks);
    },
  };

  return {
    bot,
    messenger,
    /** Hands every message event to the inbox; the SDK handles one update at a time. */
    attach(inbox: Inbox) {
      bot.on("message", async (ctx) => {
        const incoming = toIncoming(ctx.update);
        if (incoming) await inbox.accept(incoming);
      });
      bot.catch((err, ctx) => {
        logger.error({ err, event: ctx.eventName }, "zalo update failed");
        // Not taken by the inbox: let a webhook redelivery try again.
        throw err;
      });
    },
    /** Long polling in the background; the first getMe and a webhook removal are retried until the API answers. */
    startPolling() {
      mode = "polling";
      void bot.launch({ pollTimeout }, () => logger.info({ account: bot.botInfo?.account_name }, "zalo polling started"));
    },
    /** Serves the webhook on the shared HTTP server (path = URL path of `url`) and registers it with Zalo. */
    async startWebhook(http: HttpServer, url: string, secret: string) {
      http.route("POST", new URL(url).pathname, bot.webhookCallback(secret));
      await bot.zalo.setWebhook({ url, secret_token: secret });
      mode = "webhook";
      logger.info({ url }, "zalo webhook started");
    },
    /** For /readyz: polling is alive while polls keep being answered. */
    reachability: reach,
    status(): ChannelStatus {
      if (mode === "webhook") return { alive: true, detail: "webhook" };
      if (mode === "stopped" || bot.lastPollAt === undefined) return { alive: false, detail: mode === "stopped" ? "not started" : "no poll answered yet" };
      const age = Date.now() - bot.lastPollAt;
      return { alive: age < (2 * pollTimeout + 30) * 1000, detail: `last poll ${Math.round(age / 1000)} s ago` };
    },
    stop: () => bot.stop(),
  };
}

/** The token is in every API URL: log the SDK's own message (which never contains it), not the cause. */
function scrub(error: unknown): unknown {
  return error instanceof Error ? new Error(error.message) : error;
}

export type ZaloChannel = ReturnType<typeof createZaloChannel>;
