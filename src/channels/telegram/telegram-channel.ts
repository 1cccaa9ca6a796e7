import { timingSafeEqual } from "node:crypto";
import { autoRetry } from "@grammyjs/auto-retry";
import { run, sequentialize, type RunnerHandle } from "@grammyjs/runner";
import { Bot, GrammyError, HttpError, InputFile, type Context as GrammyContext } from "grammy";
import type { Message, Update, UserFromGetMe } from "grammy/types";
import { SendError, type Inbox, type Logger, type Messenger } from "../../core/ports.js";
import type { ChatType, Incoming, IncomingFile, OutgoingMessage, UnsupportedContent } from "../../core/types.js";
import { readBody, type HttpServer } from "../../http/http-server.js";
import { createRateLimiter, TELEGRAM_LIMITS, type RateLimits } from "../rate-limiter.js";

export const TELEGRAM_TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;

export interface TelegramChannelOptions {
  token: string;
  apiRoot: string;
  /** Skips getMe when known (tests). */
  botInfo?: UserFromGetMe;
  limits?: RateLimits;
  logger: Logger;
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
    userName: [from.first_name, from.last_name].filter(Boolean).join(" "),
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

function toSendError(error: unknown): SendError {
  if (error instanceof GrammyError) {
    const d = error.description;
    if (error.error_code === 429) return new SendError("rate_limited", d, (error.parameters.retry_after ?? 1) * 1000);
    if (error.error_code === 403 || /chat not found|user is deactivated|bot was kicked|chat_write_forbidden|group chat was upgraded/i.test(d)) {
      return new SendError("unreachable", d);
    }
    if (error.error_code >= 500) return new SendError("transient", d);
    return new SendError("bad_request", d);
  }
  if (error instanceof HttpError) return new SendError("transient", error.message);
  return new SendError("transient", error instanceof Error ? error.message : String(error));
}

/**
 * The Telegram channel: a grammY bot that feeds the core and a {@link Messenger} that sends
 * through the same Bot API client with auto-retry and a rate limiter.
 * @example
 * const telegram = createTelegramChannel({ token, apiRoot, logger });
 * telegram.attach(inbox); await telegram.startPolling();
 */
export function createTelegramChannel(options: TelegramChannelOptions) {
  const bot = new Bot(options.token, { client: { apiRoot: options.apiRoot }, botInfo: options.botInfo });
  // Retries 429 (after retry_after) and 5xx a few times before the error reaches the outbox.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: false }));
  const limiter = createRateLimiter(options.limits ?? TELEGRAM_LIMITS);
  let runner: RunnerHandle | undefined;

  const messenger: Messenger = {
    textLimit: () => TELEGRAM_TEXT_LIMIT,
    async send(to, message: OutgoingMessage) {
      const chatId = Number(to.chatId);
      await limiter.acquire(to.chatId, chatId < 0);
      try {
        let sent: Message;
        if (message.type === "text") {
          sent = await bot.api.sendMessage(chatId, message.text.slice(0, TELEGRAM_TEXT_LIMIT), {
            link_preview_options: { is_disabled: true },
            ...(message.replyToMessageId ? { reply_parameters: { message_id: Number(message.replyToMessageId), allow_sending_without_reply: true } } : {}),
          });
        } else {
          const file = new InputFile(message.file.data, message.file.fileName);
          const caption = message.caption?.slice(0, CAPTION_LIMIT);
          sent = message.type === "photo" ? await bot.api.sendPhoto(chatId, file, { caption }) : await bot.api.sendDocument(chatId, file, { caption });
        }
        return { messageId: String(sent.message_id) };
      } catch (error) {
        const failure = toSendError(error);
        if (failure.retryAfterMs) limiter.pause(failure.retryAfterMs);
        throw failure;
      }
    },
    async download(_channel, file, maxBytes) {
      if (file.size !== undefined && file.size > maxBytes) throw new SendError("bad_request", "file too large");
      const info = await bot.api.getFile(file.fileRef);
      if (!info.file_path) throw new SendError("bad_request", "file has no path");
      if ((info.file_size ?? 0) > maxBytes) throw new SendError("bad_request", "file too large");
      const response = await fetch(`${options.apiRoot}/file/bot${options.token}/${info.file_path}`);
      if (!response.ok || !response.body) throw new SendError("transient", `download failed: ${response.status}`);
      const chunks: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of response.body) {
        total += chunk.length;
        if (total > maxBytes) throw new SendError("bad_request", "file too large");
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    },
  };

  return {
    bot,
    messenger,
    /** Hands every message to the inbox, one at a time per chat (album photos stay in order). */
    attach(inbox: Inbox) {
      bot.use(sequentialize((ctx: GrammyContext) => ctx.chat?.id.toString()));
      bot.on("message", async (ctx) => {
        const incoming = toIncoming(ctx.message, ctx.me.username);
        if (incoming) await inbox.accept(incoming);
      });
      bot.catch((err) => options.logger.error({ err: err.error, update: err.ctx.update.update_id }, "telegram update failed"));
    },
    async startPolling() {
      await bot.init();
      await bot.api.deleteWebhook();
      // SQLite has one writer: a few updates at a time keep latency low; more only queue inside Prisma.
      runner = run(bot, { runner: { fetch: { allowed_updates: ["message"] } }, sink: { concurrency: 2 } });
      options.logger.info({ username: bot.botInfo.username }, "telegram polling started");
    },
    /**
     * Serves the webhook on the shared HTTP server (path = URL path of `url`), checking the secret
     * token in constant time. The update is answered as soon as the inbox has taken it.
     */
    async startWebhook(http: HttpServer, url: string, secret: string) {
      await bot.init();
      const expected = Buffer.from(secret);
      http.route("POST", new URL(url).pathname, async (req, res) => {
        const given = Buffer.from(String(req.headers["x-telegram-bot-api-secret-token"] ?? ""));
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) return void res.writeHead(401).end();
        const body = await readBody(req, 1 << 20);
        if (!body) return void res.writeHead(413).end();
        let update: Update;
        try {
          update = JSON.parse(body.toString("utf8")) as Update;
        } catch {
          options.logger.warn({ body: body.subarray(0, 200).toString("utf8") }, "telegram webhook: body is not JSON");
          return void res.writeHead(400).end();
        }
        await bot.handleUpdate(update);
        res.writeHead(200).end();
      });
      await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: ["message"] });
      options.logger.info({ url }, "telegram webhook started");
    },
    async stop() {
      if (runner?.isRunning()) await runner.stop();
    },
  };
}

export type TelegramChannel = ReturnType<typeof createTelegramChannel>;
