import { randomUUID } from "node:crypto";
import {
  Bot,
  type BotInfo,
  stripMention,
  TEXT_LIMIT,
  type Update,
  ZaloApiError,
  ZaloHttpError,
} from "@don-doc/zalo-bot";
import { FileTooLargeError, type Inbox, type Logger, type Messenger, SendError } from "../../core/ports.js";
import { splitMessage } from "../../core/rollups/rollup-text.js";
import { truncate } from "../../core/text-limits.js";
import type { Incoming, OutgoingFile, OutgoingMessage, Translate, UnsupportedContent } from "../../core/types.js";
import type { FileLinks } from "../../http/file-links.js";
import type { HttpServer } from "../../http/http-server.js";
import { createRateLimiter, type RateLimits } from "../rate-limiter.js";
import { createReachability, WARN_EVERY_MS } from "../reachability.js";
import type { ChannelStatus } from "../telegram/telegram-channel.js";

export const ZALO_TEXT_LIMIT = TEXT_LIMIT;

/**
 * Zalo publishes no rate limits: an overall rate from ZALO_RATE_PER_SECOND, at most one message a
 * second per chat, and Telegram's pace for groups (19 a minute; groups are in beta on Zalo).
 */
export const zaloLimits = (ratePerSecond: number): RateLimits => ({
  globalPerSecond: ratePerSecond,
  perChatPerSecond: 1,
  perGroupPerMinute: 19,
});

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
  /**
   * Whether a chat is a group, for chats the channel has not heard from since it started (the
   * registered chat's type); a group gets the group pace. Without it such chats count as private.
   */
  isGroupChat?: (chatId: string) => Promise<boolean>;
}

const UNSUPPORTED: Record<string, UnsupportedContent> = {
  "message.sticker.received": "sticker",
  "message.voice.received": "voice",
  "message.unsupported.received": "other",
};

/**
 * Converts a Zalo update to the neutral {@link Incoming}; undefined for events without a message
 * or a chat to answer in. Images become a photo whose `fileRef` is its (expiring) public URL. In a
 * group the bot's mention is taken out of the text (`botNames`: the names it is mentioned by), so
 * "@Bot Đôn Đốc /baocao …" reads as "/baocao …". A group message the bot receives without a mention
 * is a reply to one of its messages (Zalo delivers nothing else from groups) but does not say to
 * which: it reaches the core as any message in the unit's chat.
 */
export function toIncoming(update: Update, botNames: readonly (string | undefined)[] = []): Incoming | undefined {
  const m = update.message;
  if (!m || !m.chat.id || m.from.is_bot) return undefined;
  const photo = m.photo ?? m.photo_url;
  const image = update.event_name === "message.image.received" && photo;
  const group = m.chat.chat_type === "GROUP";
  const raw = (m.text ?? m.caption ?? "").normalize("NFC");
  const text = group
    ? stripMention(
        raw,
        botNames.map((n) => n?.normalize("NFC")),
      )
    : raw;
  const unsupported = UNSUPPORTED[update.event_name] ?? (!image && !text ? "other" : undefined);
  return {
    channel: "zalo",
    chatId: m.chat.id,
    chatType: group ? "group" : "private",
    userId: m.from.id,
    userName: m.from.display_name,
    // No id means no redelivery protection either: a fresh one keeps the message.
    messageId: m.message_id || `local-${randomUUID()}`,
    text: unsupported ? "" : text,
    files: image ? [{ kind: "photo", fileRef: photo, mime: "image/jpeg" }] : [],
    unsupported,
    date: new Date(m.date),
  };
}

/** A description that says the user blocked the bot or is gone: the only unreachable chats. */
const UNREACHABLE = /block|chặn|not interacted|user not found|chat not found/i;

/**
 * Maps the SDK's errors to the outbox's categories, by Zalo's documented error table: 429 is
 * "quota exceeded" (no retry-after is given: `backoffMs` is the channel's own wait), 403 is
 * "internal server error" and 408 a timeout (transient, like 5xx, network errors and 401, a token
 * problem the operator fixes); a chat is unreachable only when the description says the user
 * blocked the bot or is not found; any other 4xx is a bad request.
 * @example toSendError(new ZaloApiError("sendMessage", 403, "Internal server error")).failure // "transient"
 */
export function toSendError(error: unknown, backoffMs = 1000): SendError {
  if (error instanceof ZaloApiError) {
    const d = error.description || `error ${error.code}`;
    if (error.code === 429) return new SendError("rate_limited", d, backoffMs);
    if (UNREACHABLE.test(d)) return new SendError("unreachable", d);
    if (error.code >= 500 || error.code === 403 || error.code === 408 || error.code === 401)
      return new SendError("transient", d);
    return new SendError("bad_request", d);
  }
  if (error instanceof ZaloHttpError) return new SendError("transient", error.message);
  return new SendError("transient", error instanceof Error ? error.message : String(error));
}

/** Worth a quick retry: the server's own trouble (5xx, and 403, which Zalo documents as "internal server error"). */
const isServerError = (e: unknown) =>
  (e instanceof ZaloApiError && (e.code >= 500 || (e.code === 403 && !UNREACHABLE.test(e.description)))) ||
  (e instanceof ZaloHttpError && (e.status ?? 0) >= 500);
/** Own backoff after a 429: 1 s, doubled per 429 in a row, at most a minute; reset by a send that went through. */
const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 60_000;
/** Chat types remembered from inbound messages (and lookups); the oldest are forgotten past this. */
const REMEMBERED_CHATS = 10_000;
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
  const reach = createReachability("zalo", logger);
  // Sends apart from polls: failing sends alone do not make the platform come and go at every poll.
  const sendReach = createReachability("zalo", logger, Date.now, WARN_EVERY_MS, {
    down: "zalo sends failing",
    up: "zalo sends work again",
  });
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

  let backoffMs = 0;
  /**
   * One API call under the rate limiter, with quick retries on 5xx/403 and on 429 (the limiter holds
   * every sender for the channel's own backoff, which doubles per 429 in a row, and lowers the
   * pace); throws SendError.
   */
  async function call<T>(chatId: string, isGroup: boolean, send: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await limiter.acquire(chatId, isGroup);
      try {
        const result = await send();
        backoffMs = 0;
        sendReach.ok();
        return result;
      } catch (error) {
        const quota = error instanceof ZaloApiError && error.code === 429;
        if (quota) backoffMs = Math.min(Math.max(FIRST_BACKOFF_MS, backoffMs * 2), MAX_BACKOFF_MS);
        const failure = toSendError(error, backoffMs || FIRST_BACKOFF_MS);
        if (failure.failure === "transient") sendReach.failed(scrub(error));
        else sendReach.ok();
        if (quota) {
          limiter.rateLimited(chatId, isGroup, backoffMs);
          options.logger.warn(
            { chatId, backoffMs, pace: limiter.current() },
            "zalo: 429 (quota exceeded), sending held and slowed",
          );
        }
        if (attempt < retries && (quota || isServerError(error))) {
          if (!quota) await sleep(500 * 2 ** attempt);
          continue;
        }
        throw failure;
      }
    }
  }

  /** Group or private, from the chat's own messages, else from `isGroupChat` (private when unknown). */
  const chatTypes = new Map<string, boolean>();
  function rememberChat(chatId: string, group: boolean): void {
    chatTypes.delete(chatId);
    chatTypes.set(chatId, group);
    if (chatTypes.size > REMEMBERED_CHATS) chatTypes.delete(chatTypes.keys().next().value!);
  }
  async function isGroupChat(chatId: string): Promise<boolean> {
    const known = chatTypes.get(chatId);
    if (known !== undefined) return known;
    let group = false;
    try {
      group = (await options.isGroupChat?.(chatId)) ?? false;
    } catch (err) {
      logger.warn({ err, chatId }, "zalo: could not tell whether a chat is a group; sending at the private pace");
      return false;
    }
    rememberChat(chatId, group);
    return group;
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
      // Zalo group ids look like user ids: the type comes from the chat's messages or its registration.
      const isGroup = await isGroupChat(chatId);
      if (message.type === "text") return { messageId: await sendText(chatId, isGroup, message.text) };
      const caption = message.caption?.trim() ?? "";
      const url = await linkFor(message.file);
      if (!url) {
        const notice = t("files:no_public_url", { name: message.file.fileName });
        return { messageId: await sendText(chatId, isGroup, caption ? `${caption}\n\n${notice}` : notice) };
      }
      if (message.type === "photo") {
        const sent = await call(chatId, isGroup, () =>
          bot.zalo.sendPhoto(chatId, url, caption ? { caption: truncate(caption, ZALO_TEXT_LIMIT) } : {}),
        );
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
      if (url.protocol !== "https:" && url.protocol !== "http:")
        throw new SendError("bad_request", `refusing ${url.protocol} URL`);
      let response: Response;
      try {
        response = await fetch(url, { signal: AbortSignal.timeout(options.downloadTimeoutMs ?? 30_000) });
      } catch (error) {
        throw new SendError("transient", `download failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      // Photo URLs expire: a 4xx will not get better.
      if (!response.ok || !response.body)
        throw new SendError(
          response.status >= 500 ? "transient" : "bad_request",
          `download failed: HTTP ${response.status}`,
        );
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
        const chat = ctx.chat;
        if (chat?.id) rememberChat(chat.id, chat.chat_type === "GROUP");
        const incoming = toIncoming(ctx.update, [bot.botInfo?.display_name, bot.botInfo?.account_name]);
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
      void bot.launch({ pollTimeout }, () =>
        logger.info({ account: bot.botInfo?.account_name }, "zalo polling started"),
      );
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
      if (mode === "stopped" || bot.lastPollAt === undefined)
        return { alive: false, detail: mode === "stopped" ? "not started" : "no poll answered yet" };
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
