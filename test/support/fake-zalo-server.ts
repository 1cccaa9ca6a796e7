/**
 * Fake Zalo Bot API server for tests (node:http only, no internet), behaving as the public docs
 * describe the real one:
 *   POST /bot<TOKEN>/<method>   JSON in, `{ok, result | error_code, description}` out
 *   GET  /photos/<id>.jpg       photos users "sent" (their public, expiring URLs)
 * getUpdates hands out ONE update per call (no offset, at-most-once) and answers an empty poll
 * with `ok:false, error_code:408` (undocumented: the table only says "request timeout"); it refuses
 * while a webhook is set. Ids are hex strings, dates milliseconds. Images carry `photo` (the
 * documented field) or `photo_url` (seen in real payloads), voice messages `voice_url`, stickers
 * `sticker` and `url`. setWebhook takes HTTPS URLs only; deliveries carry `X-Bot-Api-Secret-Token`,
 * wrapped in `{ok, result}` as documented (or flat), and go to `webhookProxy` (the TLS-terminating
 * proxy in front of the bot). sendMessage enforces 1–2,000 characters and takes `parse_mode`
 * html/markdown; sendPhoto downloads the photo URL as the platform would.
 *
 * Errors keep to the documented table: 400 bad request, 401 unauthorized, 403 internal server
 * error, 404 not found, 408 request timeout, 429 quota exceeded, with no retry-after (a Telegram
 * field). Groups (beta): a message in a GROUP chat reaches the bot only when it mentions the bot
 * ("@" + {@link BOT_NAME}) or replies to one of the bot's messages there; others are not delivered.
 * Failures (API errors, proxy error pages, slow answers) can be injected per method.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface FakeZaloUser {
  id: string;
  display_name: string;
}

export interface FakeZaloChat {
  id: string;
  chat_type: "PRIVATE" | "GROUP";
}

export interface FakeZaloCall {
  method: string;
  payload: Record<string, any>;
  at: number;
  status?: number;
}

export interface FakeZaloSent {
  method: "sendMessage" | "sendPhoto" | "sendSticker";
  chat_id: string;
  message_id: string;
  text?: string;
  /** sendMessage's `parse_mode`, when given. */
  parse_mode?: "html" | "markdown";
  caption?: string;
  /** sendPhoto: the URL, and what the fake downloaded from it. */
  photo?: string;
  photoStatus?: number;
  photoType?: string;
  photoBytes?: Buffer;
  at: number;
}

/** The documented error table (code → description). */
export const ZALO_ERRORS = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Internal server error",
  404: "Not found",
  408: "Request timeout",
  429: "Quota exceeded",
} as const;
export type ZaloErrorCode = keyof typeof ZALO_ERRORS;

/** How the bot is shown in Zalo (names of bots start with "Bot"); group members mention it so. */
export const BOT_NAME = "Bot Đôn Đốc";

/**
 * An injected failure: an API error from the table (its description by default), an HTTP error
 * page (a proxy in front of the API), or a request that hangs then fails.
 */
export type FakeZaloFailure =
  | { error_code: ZaloErrorCode; description?: string }
  | { httpStatus: number; body: string }
  | { hangMs: number };

export interface FakeZaloOptions {
  token?: string;
  /** Upper bound of a getUpdates long poll, whatever its `timeout` (default 1000 ms). */
  longPollMaxMs?: number;
  /** Webhook body form: `{ok, result}` as documented, bare, or alternating (default "wrapped"). */
  webhookBody?: "flat" | "wrapped" | "alternate";
  /**
   * Where webhook deliveries go: this origin (http://127.0.0.1:PORT) with the registered URL's
   * path, as a TLS-terminating proxy in front of the bot forwards them. Without it, to the URL.
   */
  webhookProxy?: string;
  /** Webhook attempts per update until a 200 (default 3). */
  webhookMaxAttempts?: number;
}

export interface UserMessage {
  from: FakeZaloUser;
  /** Default: the user's private chat (chat id = user id). */
  chat?: FakeZaloChat;
  /**
   * In a GROUP chat: the message replies to this message of the bot (which must have been sent
   * there), so the platform delivers it. The update says nothing of it, as the real one.
   */
  replyTo?: string;
}

export interface FakeZalo {
  readonly url: string;
  readonly token: string;
  readonly botInfo: { id: string; account_name: string; account_type: string; can_join_groups: boolean };
  readonly calls: FakeZaloCall[];
  readonly webhookDeliveries: { message_id?: string; attempt: number; status: number | null; at: number }[];
  sent(chatId?: string): FakeZaloSent[];
  waitForSent(count: number, chatId?: string, timeoutMs?: number): Promise<FakeZaloSent[]>;
  /** Queues an update for getUpdates, or delivers it to the webhook. Returns it. */
  inject(update: Record<string, any>): Record<string, any>;
  /** Group messages the platform did not deliver (no mention of the bot, no reply to it). */
  readonly undelivered: Record<string, any>[];
  /** Delivers the same update to the webhook once more (a platform redelivery). */
  redeliver(update: Record<string, any>): Promise<number | null>;
  userText(input: UserMessage & { text: string }): Record<string, any>;
  /**
   * The photo is served by the fake at a public URL in the update, under `photo` (documented,
   * the default), `photo_url` (seen in real payloads) or both.
   */
  userPhoto(
    input: UserMessage & {
      photo: Buffer;
      caption?: string;
      contentType?: string;
      field?: "photo" | "photo_url" | "both";
    },
  ): Record<string, any>;
  userSticker(input: UserMessage): Record<string, any>;
  userVoice(input: UserMessage): Record<string, any>;
  /** `message.unsupported.received`; without a message when `bare` is set. */
  userUnsupported(input: UserMessage & { bare?: boolean }): Record<string, any>;
  /** Makes photo URLs handed out so far answer 404, as expired ones do. */
  expirePhotos(): void;
  failNext(method: string | "*", failure: FakeZaloFailure, count?: number): void;
  /**
   * Sends to this chat fail with 403 and this description (default "The user has blocked the bot").
   * The table says nothing about blocked users: the description is what tells them apart from a
   * 403 "Internal server error".
   */
  blockChat(chatId: string, description?: string): void;
  webhook(): { url: string; secret_token: string } | undefined;
  /** Sets {@link FakeZaloOptions.webhookProxy} once the bot's address is known. */
  proxyWebhooksTo(origin: string): void;
  pendingUpdates(): number;
  close(): Promise<void>;
}

const TEXT_LIMIT = 2000;
const hex = (bytes: number) => randomBytes(bytes).toString("hex");

class ApiError extends Error {
  constructor(
    readonly code: ZaloErrorCode,
    readonly description: string,
  ) {
    super(description);
  }
}

/** The table's description, with what went wrong after it. */
const describe = (code: ZaloErrorCode, detail?: string) =>
  detail ? `${ZALO_ERRORS[code]}: ${detail}` : ZALO_ERRORS[code];

export async function createFakeZaloServer(options: FakeZaloOptions = {}): Promise<FakeZalo> {
  const token = options.token ?? "1234567890:fake-zalo-secret-token";
  const longPollMaxMs = options.longPollMaxMs ?? 1000;
  const webhookMaxAttempts = options.webhookMaxAttempts ?? 3;
  const botInfo = { id: hex(8), account_name: "don_doc_bot", account_type: "BASIC", can_join_groups: false };
  const calls: FakeZaloCall[] = [];
  const sentRecords: FakeZaloSent[] = [];
  const webhookDeliveries: FakeZalo["webhookDeliveries"] = [];
  const failures = new Map<string, FakeZaloFailure[]>();
  const blocked = new Map<string, string>();
  /** Message ids the bot sent, per chat (group replies must answer one of them). */
  const botMessages = new Map<string, Set<string>>();
  const undelivered: Record<string, any>[] = [];
  const photos = new Map<string, { data: Buffer; type: string; expired: boolean }>();
  const queue: Record<string, any>[] = [];
  const waiters = new Set<() => void>();
  const sentListeners = new Set<() => void>();
  const sockets = new Set<Socket>();
  let webhook: { url: string; secret_token: string } | undefined;
  let webhookProxy = options.webhookProxy;
  let deliveries = 0;
  let closed = false;
  let baseUrl = "";

  function takeFailure(method: string): FakeZaloFailure | undefined {
    for (const key of [method, "*"]) {
      const list = failures.get(key);
      if (list?.length) return list.shift();
    }
    return undefined;
  }

  function record(entry: Omit<FakeZaloSent, "message_id" | "at">): { message_id: string; date: number } {
    const result = { message_id: hex(16), date: Date.now() };
    sentRecords.push({ ...entry, message_id: result.message_id, at: result.date });
    const ids = botMessages.get(entry.chat_id) ?? new Set<string>();
    ids.add(result.message_id);
    botMessages.set(entry.chat_id, ids);
    for (const listener of sentListeners) listener();
    return result;
  }

  function chatOf(payload: Record<string, any>): string {
    const chatId = payload.chat_id;
    if (typeof chatId !== "string" || !chatId)
      throw new ApiError(400, describe(400, "chat_id is required and must be a string"));
    const block = blocked.get(chatId);
    if (block !== undefined) throw new ApiError(403, block);
    return chatId;
  }

  async function fetchPhoto(url: string): Promise<{ status: number; type: string; bytes: Buffer }> {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      return {
        status: response.status,
        type: response.headers.get("content-type") ?? "",
        bytes: Buffer.from(await response.arrayBuffer()),
      };
    } catch {
      return { status: 0, type: "", bytes: Buffer.alloc(0) };
    }
  }

  async function nextUpdate(timeoutSeconds: number): Promise<Record<string, any> | undefined> {
    const deadline = Date.now() + Math.min(Math.max(0, timeoutSeconds) * 1000, longPollMaxMs);
    while (!queue.length && !closed && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, deadline - Date.now());
        waiters.add(wake);
      });
    }
    return queue.shift();
  }

  const methods: Record<string, (payload: Record<string, any>) => Promise<unknown>> = {
    getMe: async () => botInfo,
    async getUpdates(payload) {
      if (webhook)
        throw new ApiError(
          400,
          describe(400, "getUpdates is not available while a webhook is set; call deleteWebhook first"),
        );
      // The documented type of timeout is a string of seconds.
      const update = await nextUpdate(Number(payload.timeout ?? 0));
      if (!update) throw new ApiError(408, ZALO_ERRORS[408]);
      return update;
    },
    async setWebhook(payload) {
      const { url, secret_token: secret } = payload;
      if (typeof url !== "string" || !/^https:\/\/[^/]/.test(url))
        throw new ApiError(400, describe(400, "url is required and must be an HTTPS URL"));
      if (typeof secret !== "string" || secret.length < 8 || secret.length > 256)
        throw new ApiError(400, describe(400, "secret_token is required, 8 to 256 characters"));
      webhook = { url, secret_token: secret };
      for (const update of queue.splice(0)) void deliver(update);
      return { url, updated_at: Date.now() };
    },
    async deleteWebhook() {
      webhook = undefined;
      return { url: "", updated_at: Date.now() };
    },
    getWebhookInfo: async () => ({ url: webhook?.url ?? "", updated_at: Date.now() }),
    async sendMessage(payload) {
      const chatId = chatOf(payload);
      const text = payload.text;
      if (typeof text !== "string" || text.length < 1 || text.length > TEXT_LIMIT) {
        throw new ApiError(
          400,
          describe(
            400,
            `text must be 1 to ${TEXT_LIMIT} characters (got ${typeof text === "string" ? text.length : typeof text})`,
          ),
        );
      }
      const parseMode = payload.parse_mode;
      if (parseMode !== undefined && parseMode !== "html" && parseMode !== "markdown")
        throw new ApiError(400, describe(400, "parse_mode must be html or markdown"));
      return record({ method: "sendMessage", chat_id: chatId, text, ...(parseMode ? { parse_mode: parseMode } : {}) });
    },
    async sendPhoto(payload) {
      const chatId = chatOf(payload);
      const url = payload.photo;
      if (typeof url !== "string" || !/^https?:\/\//.test(url))
        throw new ApiError(400, describe(400, "photo must be a public http(s) URL"));
      if (payload.caption !== undefined && (typeof payload.caption !== "string" || payload.caption.length > TEXT_LIMIT))
        throw new ApiError(400, describe(400, "caption is too long"));
      const photo = await fetchPhoto(url);
      if (photo.status !== 200 || !photo.type.startsWith("image/"))
        throw new ApiError(400, describe(400, `photo URL did not answer an image (HTTP ${photo.status})`));
      return record({
        method: "sendPhoto",
        chat_id: chatId,
        caption: payload.caption,
        photo: url,
        photoStatus: photo.status,
        photoType: photo.type,
        photoBytes: photo.bytes,
      });
    },
    async sendSticker(payload) {
      const chatId = chatOf(payload);
      if (typeof payload.sticker !== "string" || !payload.sticker)
        throw new ApiError(400, describe(400, "sticker is required"));
      return record({ method: "sendSticker", chat_id: chatId });
    },
    async sendChatAction(payload) {
      chatOf(payload);
      if (payload.action !== "typing" && payload.action !== "upload_photo")
        throw new ApiError(400, describe(400, "unknown action"));
      return true;
    },
  };

  async function readJson(req: http.IncomingMessage): Promise<Record<string, any>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    if (!text) return {};
    const parsed = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null)
      throw new ApiError(400, describe(400, "body must be a JSON object"));
    return parsed;
  }

  function answer(res: http.ServerResponse, status: number, body: unknown): void {
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }

  async function onApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    const call: FakeZaloCall = { method, payload: {}, at: Date.now() };
    calls.push(call);
    const fail = (status: number, body: unknown) => {
      call.status = status;
      answer(res, status, body);
    };
    try {
      call.payload = await readJson(req);
    } catch {
      return fail(400, { ok: false, error_code: 400, description: describe(400, "body is not JSON") });
    }
    const failure = takeFailure(method);
    if (failure && "hangMs" in failure) {
      await new Promise((r) => setTimeout(r, failure.hangMs));
      call.status = 504;
      return void res.destroy();
    }
    if (failure && "httpStatus" in failure) {
      call.status = failure.httpStatus;
      return void res.writeHead(failure.httpStatus, { "content-type": "text/html" }).end(failure.body);
    }
    if (failure)
      return fail(failure.error_code, {
        ok: false,
        error_code: failure.error_code,
        description: failure.description ?? ZALO_ERRORS[failure.error_code],
      });
    const handler = methods[method];
    if (!handler) return fail(404, { ok: false, error_code: 404, description: describe(404, `method ${method}`) });
    try {
      const result = await handler(call.payload);
      call.status = 200;
      answer(res, 200, { ok: true, result });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      fail(error.code, { ok: false, error_code: error.code, description: error.description });
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const api = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (api && req.method === "POST") {
      if (api[1] !== token)
        return answer(res, 401, { ok: false, error_code: 401, description: describe(401, "invalid bot token") });
      return void onApi(req, res, api[2]).catch(() =>
        answer(res, 403, { ok: false, error_code: 403, description: ZALO_ERRORS[403] }),
      );
    }
    const photo = /^\/photos\/([0-9a-f]+)\.jpg$/.exec(url.pathname);
    const stored = photo ? photos.get(photo[1]) : undefined;
    if (stored && !stored.expired && req.method === "GET")
      return void res
        .writeHead(200, { "content-type": stored.type, "content-length": stored.data.length })
        .end(stored.data);
    res.writeHead(404).end();
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function bodyFor(update: Record<string, any>): Record<string, any> {
    const form = options.webhookBody ?? "wrapped";
    const wrapped = form === "wrapped" || (form === "alternate" && deliveries++ % 2 === 1);
    return wrapped ? { ok: true, result: update } : update;
  }

  async function postOnce(update: Record<string, any>, attempt: number): Promise<number | null> {
    const target = webhook;
    if (!target) return null;
    let status: number | null = null;
    const to = webhookProxy ? new URL(new URL(target.url).pathname, webhookProxy) : target.url;
    try {
      const response = await fetch(to, {
        method: "POST",
        headers: { "content-type": "application/json", "x-bot-api-secret-token": target.secret_token },
        body: JSON.stringify(bodyFor(update)),
        signal: AbortSignal.timeout(5000),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      status = null;
    }
    webhookDeliveries.push({ message_id: update.message?.message_id, attempt, status, at: Date.now() });
    return status;
  }

  async function deliver(update: Record<string, any>): Promise<void> {
    for (let attempt = 1; attempt <= webhookMaxAttempts && !closed; attempt++) {
      if ((await postOnce(update, attempt)) === 200) return;
      await new Promise((r) => setTimeout(r, 50 * 2 ** (attempt - 1)));
    }
  }

  function inject(update: Record<string, any>): Record<string, any> {
    if (webhook) void deliver(update);
    else {
      queue.push(update);
      for (const wake of waiters) wake();
    }
    return update;
  }

  function messageEvent(event: string, input: UserMessage, fields: Record<string, unknown>): Record<string, any> {
    const chat = input.chat ?? { id: input.from.id, chat_type: "PRIVATE" as const };
    const update = {
      event_name: event,
      message: { message_id: hex(16), from: { ...input.from, is_bot: false }, chat, date: Date.now(), ...fields },
    };
    if (chat.chat_type === "GROUP") {
      const text = String(fields.text ?? fields.caption ?? "");
      const mentions = text.toLowerCase().includes(`@${BOT_NAME}`.toLowerCase());
      const replies = input.replyTo !== undefined && (botMessages.get(chat.id)?.has(input.replyTo) ?? false);
      if (!mentions && !replies) {
        undelivered.push(update);
        return update;
      }
    }
    return inject(update);
  }

  return {
    url: baseUrl,
    token,
    botInfo,
    calls,
    webhookDeliveries,
    sent: (chatId) => sentRecords.filter((s) => chatId === undefined || s.chat_id === chatId),
    waitForSent(count, chatId, timeoutMs = 5000) {
      const matching = () => sentRecords.filter((s) => chatId === undefined || s.chat_id === chatId);
      return new Promise((resolve, reject) => {
        const check = () => {
          if (matching().length < count) return;
          cleanup();
          resolve(matching());
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `fake zalo: ${matching().length}/${count} messages to ${chatId ?? "any chat"} after ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          sentListeners.delete(check);
        };
        sentListeners.add(check);
        check();
      });
    },
    inject,
    undelivered,
    redeliver: (update) => postOnce(update, 2),
    userText: (input) => messageEvent("message.text.received", input, { text: input.text }),
    userPhoto(input) {
      const id = hex(16);
      photos.set(id, { data: input.photo, type: input.contentType ?? "image/jpeg", expired: false });
      const url = `${baseUrl}/photos/${id}.jpg`;
      const field = input.field ?? "photo";
      const photo = field === "both" ? { photo: url, photo_url: url } : { [field]: url };
      return messageEvent("message.image.received", input, {
        ...photo,
        ...(input.caption ? { caption: input.caption } : {}),
      });
    },
    userSticker(input) {
      const sticker = hex(10);
      return messageEvent("message.sticker.received", input, { sticker, url: `${baseUrl}/stickers/${sticker}.png` });
    },
    userVoice: (input) =>
      messageEvent("message.voice.received", input, { voice_url: `${baseUrl}/voice/${hex(8)}.aac` }),
    userUnsupported: (input) =>
      input.bare
        ? inject({ event_name: "message.unsupported.received" })
        : messageEvent("message.unsupported.received", input, {}),
    expirePhotos() {
      for (const photo of photos.values()) photo.expired = true;
    },
    failNext(method, failure, count = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < count; i++) list.push(failure);
      failures.set(method, list);
    },
    blockChat: (chatId, description = "The user has blocked the bot") => void blocked.set(chatId, description),
    webhook: () => webhook,
    proxyWebhooksTo(origin) {
      webhookProxy = origin;
    },
    pendingUpdates: () => queue.length,
    async close() {
      closed = true;
      for (const wake of waiters) wake();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
