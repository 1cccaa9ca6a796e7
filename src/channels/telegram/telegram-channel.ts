import { timingSafeEqual } from "node:crypto";
import { Bot, GrammyError, HttpError, InputFile } from "grammy";
import type { Message, Update, UserFromGetMe } from "grammy/types";
import { FileTooLargeError, type Inbox, type Logger, type Messenger, SendError } from "../../core/ports.js";
import { splitMessage } from "../../core/rollups/rollup-text.js";
import type { ChatType, Incoming, IncomingFile, OutgoingMessage, UnsupportedContent } from "../../core/types.js";
import { vietnameseFullName } from "../../core/units/person-name.js";
import { type HttpServer, readBody } from "../../http/http-server.js";
import { createRateLimiter, type RateLimits, TELEGRAM_LIMITS } from "../rate-limiter.js";
import { createReachability, WARN_EVERY_MS } from "../reachability.js";
import { httpFetch } from "./http-fetch.js";
import { createTelegramRetry, retryDelayMs } from "./telegram-retry.js";

export const TELEGRAM_TEXT_LIMIT = 4096;
/** The Bot API serves bots files up to 20 MB (getFile); larger ones can never be downloaded. */
const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;
const CAPTION_LIMIT = 1024;

export interface TelegramChannelOptions {
  token: string;
  apiRoot: string;
  /** Skips getMe when known (tests). */
  botInfo?: UserFromGetMe;
  limits?: RateLimits;
  logger: Logger;
  /** Times a send refused with 429 queues again at the limiter before the error reaches the caller (default 3). */
  retries?: number;
}

/** Telegram content the bot answers but does not keep; service messages (members joined…) are absent. */
const UNSUPPORTED: [keyof Message, UnsupportedContent][] = [
  ["sticker", "sticker"],
  ["voice", "voice"],
  ["location", "location"],
  ["venue", "location"],
  ["contact", "contact"],
  ["audio", "other"],
  ["animation", "other"],
  ["poll", "other"],
  ["dice", "other"],
  ["game", "other"],
  ["story", "other"],
  ["paid_media", "other"],
];

/** Updates the bot asks for: new messages, and edits (an officer corrects a figure by editing). */
const ALLOWED_UPDATES: ("message" | "edited_message")[] = ["message", "edited_message"];

/**
 * Converts a Telegram message to the neutral {@link Incoming}; undefined for messages the bot
 * should not see (service messages, commands addressed to another bot).
 */
export function toIncoming(message: Message, botUsername: string): Incoming | undefined {
  if (!message.from) return undefined;
  const text = (message.text || message.caption || "").normalize("NFC");
  const addressed = /^\/[A-Za-z0-9_]+@([A-Za-z0-9_]+)/.exec(text);
  if (addressed && addressed[1].toLowerCase() !== botUsername.toLowerCase()) return undefined;
  const files: IncomingFile[] = [];
  if (message.photo?.length) {
    const largest = message.photo[message.photo.length - 1];
    files.push({ kind: "photo", fileRef: largest.file_id, size: largest.file_size, mime: "image/jpeg" });
  }
  // An animation (GIF) also carries a `document`: it is not evidence.
  if (message.document && !message.animation) {
    const d = message.document;
    files.push({ kind: "document", fileRef: d.file_id, fileName: d.file_name, mime: d.mime_type, size: d.file_size });
  }
  const video = message.video ?? message.video_note;
  if (video) {
    const fileName = "file_name" in video ? video.file_name : undefined;
    const mime = "mime_type" in video ? video.mime_type : "video/mp4";
    files.push({ kind: "video", fileRef: video.file_id, fileName, mime, size: video.file_size });
  }
  const unsupported = UNSUPPORTED.find(([field]) => message[field] !== undefined)?.[1];
  if (!text && !files.length && !unsupported) return undefined;
  const from = message.from;
  return {
    channel: "telegram",
    chatId: String(message.chat.id),
    chatType: message.chat.type as ChatType,
    chatTitle: "title" in message.chat ? message.chat.title : undefined,
    userId: String(from.id),
    userName: vietnameseFullName(from.first_name, from.last_name),
    username: from.username,
    messageId: String(message.message_id),
    text,
    files,
    unsupported,
    mediaGroupId: message.media_group_id,
    replyToMessageId: message.reply_to_message ? String(message.reply_to_message.message_id) : undefined,
    replyToUserId: message.reply_to_message?.from ? String(message.reply_to_message.from.id) : undefined,
    date: new Date(message.date * 1000),
    languageCode: from.language_code,
  };
}

/**
 * An edited message (Telegram's `edited_message`) as an {@link Incoming} of its own: its text only
 * (its files came with the message as first sent); undefined when the edit left no text.
 */
export function toEditedIncoming(message: Message, botUsername: string): Incoming | undefined {
  const incoming = toIncoming(message, botUsername);
  if (!incoming?.text.trim() || message.edit_date === undefined) return undefined;
  return { ...incoming, files: [], unsupported: undefined, editedAt: new Date(message.edit_date * 1000) };
}

function toSendError(error: unknown): SendError {
  if (error instanceof GrammyError) {
    const d = error.description;
    if (error.error_code === 429) return new SendError("rate_limited", d, (error.parameters.retry_after ?? 1) * 1000);
    if (
      error.error_code === 403 ||
      /chat not found|user is deactivated|bot was kicked|chat_write_forbidden|group chat was upgraded/i.test(d)
    ) {
      return new SendError("unreachable", d);
    }
    if (error.error_code >= 500) return new SendError("transient", d);
    return new SendError("bad_request", d);
  }
  if (error instanceof HttpError) return new SendError("transient", error.message);
  return new SendError("transient", error instanceof Error ? error.message : String(error));
}

const POLL_TIMEOUT_S = 30;
/** Polling counts as alive while a getUpdates answered within this time (two long polls and a margin). */
const POLL_ALIVE_MS = (2 * POLL_TIMEOUT_S + 30) * 1000;
const WEBHOOK_BODY_LIMIT = 1 << 20;

/** Whether the channel is taking updates (for /readyz). */
export interface ChannelStatus {
  alive: boolean;
  detail: string;
}

/**
 * The Telegram channel: updates go into the {@link Inbox} and are acknowledged to Telegram only once
 * stored (polling: the next getUpdates offset is sent after the store; webhook: 200 after it);
 * a {@link Messenger} sends through the Bot API with bounded retries (telegram-retry.ts) and a rate limiter.
 * @example
 * const telegram = createTelegramChannel({ token, apiRoot, logger });
 * telegram.attach(inbox); await telegram.startPolling();
 */
export function createTelegramChannel(options: TelegramChannelOptions) {
  // A call never hangs longer than a long poll and a margin (Telegram unreachable, a stuck socket).
  const bot = new Bot(options.token, {
    // httpFetch: node:http with keep-alive, far less CPU per call than grammY's node-fetch.
    client: { apiRoot: options.apiRoot, timeoutSeconds: POLL_TIMEOUT_S + 45, fetch: httpFetch as never },
    botInfo: options.botInfo,
  });
  const retries = options.retries ?? 3;
  const limiter = createRateLimiter(options.limits ?? TELEGRAM_LIMITS);
  // Polls (and other calls) tell whether Telegram answers at all; sends are tracked apart, so 5xx on
  // sends alone neither looks like the platform coming and going at every poll nor hides it.
  const reach = createReachability("telegram", options.logger);
  const sendReach = createReachability("telegram", options.logger, Date.now, WARN_EVERY_MS, {
    down: "telegram sends failing",
    up: "telegram sends work again",
  });
  const stopping = new AbortController();
  // Bounded retries: a send's 429 comes straight back (the limiter waits its retry_after once for
  // every sender and lowers the pace) and so do its 5xx and network errors (the outbox retries).
  bot.api.config.use(createTelegramRetry({ stopSignal: stopping.signal, onFailure: (error) => reach.failed(error) }));
  let inbox: Inbox | undefined;
  let polling: Promise<void> | undefined;
  let lastPollAt = 0;
  let webhookSet = false;

  /**
   * One Bot API send under the limiter. A 429 is told to the limiter (which holds every sender until
   * its retry_after and lowers the pace) and the send queues again, up to `retries` times; a part
   * of a split text is retried alone, so the parts before it are not sent twice.
   */
  async function sendLimited<T>(chatId: string, isGroup: boolean, call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await limiter.acquire(chatId, isGroup);
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof GrammyError && error.error_code === 429)) throw error;
        const retryAfterMs = (error.parameters.retry_after ?? 1) * 1000;
        limiter.rateLimited(chatId, isGroup, retryAfterMs);
        options.logger.warn(
          { chatId, retryAfterMs, pace: limiter.current() },
          "telegram: 429, sending held for retry_after and slowed",
        );
        if (attempt >= retries) throw error;
      }
    }
  }

  const messenger: Messenger = {
    textLimit: () => TELEGRAM_TEXT_LIMIT,
    async send(to, message: OutgoingMessage) {
      const chatId = Number(to.chatId);
      const limited = <T>(call: () => Promise<T>) => sendLimited(to.chatId, chatId < 0, call);
      try {
        let sent: Message;
        if (message.type === "text") {
          // Longer texts go out as several messages, split at line boundaries, in order.
          const [first, ...rest] =
            message.text && message.text.length <= TELEGRAM_TEXT_LIMIT
              ? [message.text]
              : splitMessage(message.text, TELEGRAM_TEXT_LIMIT);
          sent = await limited(() =>
            bot.api.sendMessage(chatId, first, {
              link_preview_options: { is_disabled: true },
              ...(message.replyToMessageId
                ? {
                    reply_parameters: {
                      message_id: Number(message.replyToMessageId),
                      allow_sending_without_reply: true,
                    },
                  }
                : {}),
            }),
          );
          for (const part of rest)
            await limited(() => bot.api.sendMessage(chatId, part, { link_preview_options: { is_disabled: true } }));
        } else {
          const file = new InputFile(message.file.data, message.file.fileName);
          const caption = message.caption?.slice(0, CAPTION_LIMIT);
          sent = await limited<Message>(() =>
            message.type === "photo"
              ? bot.api.sendPhoto(chatId, file, { caption })
              : bot.api.sendDocument(chatId, file, { caption }),
          );
        }
        sendReach.ok();
        return { messageId: String(sent.message_id) };
      } catch (error) {
        const failure = toSendError(error);
        if (failure.failure === "transient") sendReach.failed(failure);
        else sendReach.ok();
        throw failure;
      }
    },
    async download(_channel, file, maxBytes) {
      const limit = Math.min(maxBytes, TELEGRAM_DOWNLOAD_LIMIT);
      if (file.size !== undefined && file.size > limit) throw new FileTooLargeError(limit);
      const info = await bot.api.getFile(file.fileRef).catch((error) => {
        throw error instanceof GrammyError && /file is too big/i.test(error.description)
          ? new FileTooLargeError(limit)
          : error;
      });
      if (!info.file_path) throw new SendError("bad_request", "file has no path");
      if ((info.file_size ?? 0) > limit) throw new FileTooLargeError(limit);
      const response = await fetch(`${options.apiRoot}/file/bot${options.token}/${info.file_path}`, {
        signal: AbortSignal.timeout(120_000),
      });
      if (!response.ok || !response.body) throw new SendError("transient", `download failed: ${response.status}`);
      const chunks: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of response.body) {
        total += chunk.length;
        if (total > limit) throw new FileTooLargeError(limit);
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    },
  };

  /** Stores one update in the inbox; false when it carries nothing the bot handles. */
  async function accept(update: Update): Promise<boolean> {
    const incoming = update.message
      ? toIncoming(update.message, bot.botInfo.username)
      : update.edited_message && toEditedIncoming(update.edited_message, bot.botInfo.username);
    if (!incoming) return false;
    await inbox!.accept(incoming);
    return true;
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      stopping.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
    });

  /**
   * Our own getUpdates loop (not grammY's runner, which confirms updates with the next offset
   * before they are handled): the offset moves past an update only once the inbox stored it.
   */
  async function poll(): Promise<void> {
    let offset = 0;
    let failures = 0;
    while (!stopping.signal.aborted) {
      let updates: Update[];
      try {
        updates = await bot.api.getUpdates(
          { offset, timeout: POLL_TIMEOUT_S, allowed_updates: ALLOWED_UPDATES },
          stopping.signal as Parameters<typeof bot.api.getUpdates>[1],
        );
        lastPollAt = Date.now();
        failures = 0;
        reach.ok();
      } catch (error) {
        if (stopping.signal.aborted) return;
        // One failure may be a kept-alive connection the server had just closed; two in a row are an outage.
        if (++failures > 1) reach.failed(error);
        // Capped: polling is back within 30 s of Telegram, however long it was away.
        await sleep(retryDelayMs(failures));
        continue;
      }
      if (!updates.length) continue;
      // The whole batch at once: the inbox stores it in one commit. Stored again after a failure,
      // what was already stored counts as a duplicate.
      for (let attempt = 0; ; attempt++) {
        try {
          await Promise.all(updates.map(accept));
          break;
        } catch (error) {
          // Not stored (disk full…): not confirmed either; Telegram keeps it until we can.
          if (stopping.signal.aborted) return;
          options.logger.error(
            { err: error, updates: updates.length, first: updates[0].update_id },
            "telegram: updates not stored, trying again",
          );
          await sleep(Math.min(5_000, 500 * 2 ** attempt));
        }
      }
      offset = updates[updates.length - 1].update_id + 1;
    }
  }

  return {
    bot,
    messenger,
    /** Where updates go. */
    attach(target: Inbox) {
      inbox = target;
    },
    async startPolling() {
      // Side by side: one round trip to Telegram less before the first poll. Both are tried until
      // Telegram answers (at most 25 s apart), so a bot started during an outage starts after it.
      await Promise.all([bot.init(), bot.api.deleteWebhook()]);
      lastPollAt = Date.now();
      polling = poll().catch((error) => options.logger.error({ err: error }, "telegram polling stopped"));
      options.logger.info({ username: bot.botInfo.username }, "telegram polling started");
    },
    /**
     * Serves the webhook on the shared HTTP server (path = URL path of `url`), checking the secret
     * token in constant time. The update is answered 200 as soon as the inbox has stored it, 503
     * when it could not be stored (Telegram sends it again), 400 for a body that is not an update.
     */
    async startWebhook(http: HttpServer, url: string, secret: string) {
      await bot.init();
      const expected = Buffer.from(secret);
      http.route("POST", new URL(url).pathname, async (req, res) => {
        const given = Buffer.from(String(req.headers["x-telegram-bot-api-secret-token"] ?? ""));
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) return void res.writeHead(401).end();
        const body = await readBody(req, WEBHOOK_BODY_LIMIT);
        if (!body) return void res.writeHead(413).end();
        let update: Update;
        try {
          update = JSON.parse(body.toString("utf8")) as Update;
          if (typeof update !== "object" || update === null || typeof update.update_id !== "number")
            throw new Error("not an update");
        } catch {
          options.logger.warn(
            { body: body.subarray(0, 200).toString("utf8"), bytes: body.length },
            "telegram webhook: body is not an update",
          );
          return void res.writeHead(400).end();
        }
        try {
          await accept(update);
        } catch (error) {
          options.logger.error({ err: error, update: update.update_id }, "telegram webhook: update not stored");
          return void res.writeHead(503).end();
        }
        res.writeHead(200).end();
      });
      await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: ALLOWED_UPDATES });
      webhookSet = true;
      options.logger.info({ url }, "telegram webhook started");
    },
    /** Polling: a getUpdates answered lately; webhook: registered with Telegram. */
    status(): ChannelStatus {
      if (webhookSet) return { alive: true, detail: "webhook" };
      if (!polling) return { alive: false, detail: "not started" };
      const ageS = Math.round((Date.now() - lastPollAt) / 1000);
      return { alive: Date.now() - lastPollAt < POLL_ALIVE_MS, detail: `last poll ${ageS} s ago` };
    },
    reachability: reach,
    /** Stops taking updates: aborts the long poll at once (what it fetched is fetched again next start). */
    async stop() {
      stopping.abort();
      await polling;
    },
  };
}

export type TelegramChannel = ReturnType<typeof createTelegramChannel>;
