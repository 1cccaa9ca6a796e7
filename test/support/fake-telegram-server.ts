/**
 * Fake Telegram Bot API server for tests (node:http only, no internet).
 *
 * Speaks real HTTP so the real grammY client can be pointed at it via
 * `new Bot(token, { client: { apiRoot: fake.url } })`.
 *
 * Serves:
 *   /bot<TOKEN>/<method>          (GET or POST; JSON, urlencoded, multipart)
 *   /file/bot<TOKEN>/<file_path>  (downloads of files known to the fake)
 *   /__control/...                (only with `control: true`, see fake-telegram-main.ts)
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import type { UserFromGetMe } from "grammy/types";

// ───────────────────────────── public types ─────────────────────────────

export interface FakeTelegramLimits {
  /** Max send* calls per rolling second across all chats. */
  globalPerSecond?: number;
  /** Max send* calls per rolling second to one private chat (chat_id > 0). */
  perChatPerSecond?: number;
  /** Max send* calls per rolling minute to one group (chat_id < 0). */
  perGroupPerMinute?: number;
}

export interface FakeTelegramOptions {
  token?: string;
  botUsername?: string;
  botFirstName?: string;
  limits?: FakeTelegramLimits;
  /** Upper bound for a getUpdates long poll, regardless of `timeout` (default 1000 ms). */
  longPollMaxMs?: number;
  /** Port to listen on (default 0 = random). */
  port?: number;
  /** Enable the /__control/* HTTP endpoints (used by the standalone process). */
  control?: boolean;
  /** Webhook delivery attempts per update (default 3). */
  webhookMaxAttempts?: number;
  /** Delay between webhook attempts in ms (default 50, doubled each retry). */
  webhookRetryDelayMs?: number;
}

export interface FakeFilePart {
  filename: string;
  size: number;
  contentType: string;
  data: Buffer;
}

export interface FakeCall {
  method: string;
  /** Parsed payload. Multipart file parts are replaced by FakeFilePart objects. */
  payload: Record<string, any>;
  /** Date.now() when the request arrived. */
  at: number;
  /** HTTP status that was answered (set when the response is written). */
  status?: number;
  /** JSON body that was answered. */
  response?: any;
}

export interface FakeSentRecord {
  method: string;
  chat_id: number;
  text?: string;
  caption?: string;
  parse_mode?: string;
  message_id: number;
  /** Uploaded file part, or the file_id/URL string that was passed. */
  file?: FakeFilePart | string;
  reply_markup?: any;
  /** The Message object returned to the bot. */
  message: any;
  at: number;
}

export type FakeFailure =
  | { error_code: 429; retry_after: number; description?: string }
  | { error_code: 500 | 502 | 503 | 504; description?: string }
  | { error_code: 400 | 401 | 403 | 404 | 409; description: string }
  | { delayMs: number };

export interface FakeChat {
  id: number;
  type: "private" | "group" | "supergroup" | "channel";
  title?: string;
  first_name?: string;
  username?: string;
}

export interface FakeUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_bot?: boolean;
}

export interface UserMessageInput {
  chat: { id: number; type: "private" | "group" | "supergroup"; title?: string; username?: string };
  from: { id: number; first_name: string; last_name?: string; username?: string; language_code?: string };
  text?: string;
  caption?: string;
  reply_to_message_id?: number;
  photo?: Buffer;
  /** `hide_size`: no file_size in the message, as some clients send (the size shows only on download). */
  document?: { data: Buffer; file_name: string; mime_type: string; hide_size?: boolean };
  media_group_id?: string;
  video?: { data: Buffer; file_name?: string; mime_type?: string };
  /** Raw Bot API message fields merged last (sticker, voice, location, a document with a huge file_size…). */
  extra?: Record<string, unknown>;
  /** Unix seconds (default: now). */
  date?: number;
}

export interface CallbackQueryInput {
  from: UserMessageInput["from"];
  data: string;
  /** Chat + message the button was attached to (message must be known to the fake, or a stub is built). */
  chat?: UserMessageInput["chat"];
  message_id?: number;
}

export interface WebhookDelivery {
  update_id: number;
  attempt: number;
  status: number | null;
  error?: string;
  at: number;
}

export interface FakeTelegram {
  /** API root, e.g. "http://127.0.0.1:PORT" — pass as grammY `client.apiRoot`. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** What getMe returns; pass as grammY `botInfo` to skip the getMe round trip. */
  readonly botInfo: UserFromGetMe;
  /** Every request to /bot<token>/..., in arrival order. */
  readonly calls: FakeCall[];
  /** Webhook delivery attempts made by the fake. */
  readonly webhookDeliveries: WebhookDelivery[];
  /** Successful send* messages (one record per message; sendMediaGroup yields several). */
  sent(chatId?: number): FakeSentRecord[];
  /** Resolves with the first recorded call matching `predicate` (checks existing calls too). */
  waitFor(predicate: (call: FakeCall) => boolean, timeoutMs?: number): Promise<FakeCall>;
  /** Resolves once `sent(chatId?)` has at least `count` records. */
  waitForSent(count: number, chatId?: number, timeoutMs?: number): Promise<FakeSentRecord[]>;
  /** Queue an update (update_id assigned if missing) for getUpdates or webhook delivery. */
  injectUpdate<T extends Record<string, any>>(update: T): T & { update_id: number };
  sendUserMessage(input: UserMessageInput): any;
  sendCallbackQuery(input: CallbackQueryInput): any;
  /** Register file bytes (as a user upload would); returns file_id. */
  addFile(data: Buffer, path?: string): string;
  /** Look up a known file by id. */
  getFileData(fileId: string): Buffer | undefined;
  failNext(method: string, failure: FakeFailure, count?: number): void;
  /** Every call to these methods fails (or is delayed) until `until` (Date.now() ms): an outage of a given length. */
  failUntil(methods: string[], failure: FakeFailure, until: number): void;
  /**
   * Stops listening and drops every connection (requests in flight fail): the bot's calls are
   * refused until {@link FakeTelegram.goOnline} listens again on the same port. State is kept.
   */
  goOffline(): Promise<void>;
  goOnline(): Promise<void>;
  setLimits(limits: FakeTelegramLimits | undefined): void;
  blockChat(chatId: number): void;
  unblockChat(chatId: number): void;
  stats(): { sent: number; rejected429: number; duplicates: number };
  /** Currently pending (not yet confirmed) updates for getUpdates. */
  pendingUpdates(): any[];
  webhookInfo(): any;
  /** Clear calls, sent records, counters, failures, blocks, burst timings. */
  reset(): void;
  close(): Promise<void>;
}

// ───────────────────────────── helpers ─────────────────────────────

const JSON_FIELDS = new Set([
  "reply_parameters",
  "reply_markup",
  "media",
  "entities",
  "caption_entities",
  "commands",
  "scope",
  "allowed_updates",
  "link_preview_options",
  "menu_button",
]);
const INT_FIELDS = new Set([
  "chat_id",
  "message_id",
  "reply_to_message_id",
  "message_thread_id",
  "offset",
  "limit",
  "timeout",
  "max_connections",
  "cache_time",
  "from_chat_id",
  "user_id",
]);
const BOOL_FIELDS = new Set([
  "disable_notification",
  "protect_content",
  "drop_pending_updates",
  "show_alert",
  "allow_sending_without_reply",
  "disable_web_page_preview",
  "disable_content_type_detection",
  "has_spoiler",
  "show_caption_above_media",
]);

function coerceFormValue(key: string, value: string): unknown {
  if (INT_FIELDS.has(key) && /^-?\d+$/.test(value)) return Number(value);
  if (BOOL_FIELDS.has(key) && (value === "true" || value === "false")) return value === "true";
  if (JSON_FIELDS.has(key) || (/^[[{]/.test(value) && key !== "text" && key !== "caption")) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

function parseHeaderParams(value: string): { main: string; params: Record<string, string> } {
  const idx = value.indexOf(";");
  const main = (idx < 0 ? value : value.slice(0, idx)).trim().toLowerCase();
  const params: Record<string, string> = {};
  if (idx >= 0) {
    const re = /;\s*([\w*.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\r\n]*))/g;
    let m: RegExpExecArray | null;
    const rest = value.slice(idx);
    while ((m = re.exec(rest))) {
      params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : m[3].trim();
    }
  }
  return { main, params };
}

interface MultipartPart {
  name: string;
  filename?: string;
  contentType: string;
  data: Buffer;
}

export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delim = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delim);
  while (pos >= 0) {
    let start = pos + delim.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // closing "--"
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    const next = body.indexOf(delim, start);
    if (next < 0) break;
    let end = next;
    if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2;
    const seg = body.subarray(start, end);
    const hdrEnd = seg.indexOf("\r\n\r\n");
    if (hdrEnd >= 0) {
      const headers: Record<string, string> = {};
      for (const line of seg.subarray(0, hdrEnd).toString("utf8").split("\r\n")) {
        const c = line.indexOf(":");
        if (c > 0) headers[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
      }
      const cd = parseHeaderParams(headers["content-disposition"] ?? "");
      if (cd.params.name !== undefined) {
        parts.push({
          name: cd.params.name,
          filename: cd.params.filename,
          contentType:
            headers["content-type"] ?? (cd.params.filename !== undefined ? "application/octet-stream" : "text/plain"),
          data: Buffer.from(seg.subarray(hdrEnd + 4)),
        });
      }
    }
    pos = next;
  }
  return parts;
}

function pngSize(data: Buffer): { width: number; height: number } | undefined {
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47 && data.subarray(12, 16).toString("latin1") === "IHDR") {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  return undefined;
}

function commandEntities(text: string | undefined): any[] | undefined {
  if (!text) return undefined;
  const m = /^\/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{3,64})?/.exec(text);
  if (!m) return undefined;
  return [{ type: "bot_command", offset: 0, length: m[0].length }];
}

function chatTypeFor(id: number): FakeChat["type"] {
  if (id > 0) return "private";
  if (id <= -1_000_000_000_000) return "supergroup";
  return "group";
}

const HTML_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
]);

/** Light-weight validation of Telegram HTML; returns plain text or throws a Telegram-like description. */
function parseTelegramHtml(src: string): string {
  const stack: string[] = [];
  let out = "";
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === "<") {
      const close = src.indexOf(">", i);
      const byteOffset = Buffer.byteLength(src.slice(0, i));
      if (close < 0)
        throw new Error(`Bad Request: can't parse entities: Unclosed start tag at byte offset ${byteOffset}`);
      const inner = src.slice(i + 1, close);
      if (inner.startsWith("/")) {
        const name = inner.slice(1).trim().toLowerCase();
        const open = stack.pop();
        if (open === undefined || (name !== "" && name !== open)) {
          throw new Error(
            `Bad Request: can't parse entities: Unmatched end tag at byte offset ${byteOffset}, expected "</${open ?? ""}>", found "</${name}>"`,
          );
        }
      } else {
        const name = (/^[A-Za-z-]+/.exec(inner)?.[0] ?? "").toLowerCase();
        if (!HTML_TAGS.has(name)) {
          throw new Error(
            `Bad Request: can't parse entities: Unsupported start tag "${name}" at byte offset ${byteOffset}`,
          );
        }
        stack.push(name);
      }
      i = close + 1;
      continue;
    }
    if (ch === "&") {
      const m = /^&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/.exec(src.slice(i, i + 12));
      if (m) {
        const ent = m[1];
        const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
        if (ent.startsWith("#x")) out += String.fromCodePoint(parseInt(ent.slice(2), 16));
        else if (ent.startsWith("#")) out += String.fromCodePoint(parseInt(ent.slice(1), 10));
        else out += named[ent.toLowerCase()] ?? m[0];
        i += m[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  if (stack.length) {
    throw new Error(
      `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${stack[stack.length - 1]}"`,
    );
  }
  return out;
}

class ApiError extends Error {
  constructor(
    public error_code: number,
    public description: string,
    public parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ───────────────────────────── server ─────────────────────────────

export async function createFakeTelegramServer(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = options.token ?? "123456789:TEST-fake-telegram-token";
  const botUsername = options.botUsername ?? "dondoc_test_bot";
  const longPollMaxMs = options.longPollMaxMs ?? 1000;
  const webhookMaxAttempts = options.webhookMaxAttempts ?? 3;
  const webhookRetryDelayMs = options.webhookRetryDelayMs ?? 50;
  const tokenId = Number(token.split(":")[0]);
  const botInfo: UserFromGetMe = {
    id: Number.isSafeInteger(tokenId) && tokenId > 0 ? tokenId : 123456789,
    is_bot: true,
    first_name: options.botFirstName ?? "Đôn Đốc",
    username: botUsername,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
  const botUser = { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botUsername };

  let limits: FakeTelegramLimits | undefined = options.limits;
  const calls: FakeCall[] = [];
  const sentRecords: FakeSentRecord[] = [];
  const webhookDeliveries: WebhookDelivery[] = [];
  let rejected429 = 0;
  const failures = new Map<string, FakeFailure[]>();
  const timedFailures: { methods: Set<string>; failure: FakeFailure; until: number }[] = [];
  const blocked = new Set<number>();
  const chats = new Map<number, FakeChat>();
  const messages = new Map<string, any>(); // `${chat}:${id}` → Message
  const nextMessageId = new Map<number, number>();
  const files = new Map<string, { data: Buffer; file_path: string; file_unique_id: string }>();
  const filesByPath = new Map<string, string>();
  let fileCounter = 0;
  let nextUpdateId = 100_000_001;
  let nextCallbackId = 1;
  let queue: any[] = []; // pending updates for getUpdates
  let myCommands: any[] = [];
  // rate-limit bookkeeping (timestamps of successful sends)
  const sendTimes: { at: number; chat: number }[] = [];

  interface Waiter {
    done: (updates: any[] | ApiError) => void;
  }
  const pollWaiters = new Set<Waiter>();
  const callListeners = new Set<() => void>();
  // Burst timing (control endpoints, for the inbound bench): measured here so none of it runs in the bot's process.
  const burst = {
    injectedAt: new Map<string, number>(),
    start: 0,
    lastReply: 0,
    latencies: [] as number[],
    waiters: new Set<(closing?: boolean) => void>(),
  };
  let holdPollers = false;
  let closed = false;

  let webhook: {
    url: string;
    secret_token?: string;
    max_connections?: number;
    allowed_updates?: string[];
    last_error_date?: number;
    last_error_message?: string;
  } | null = null;
  let webhookQueue: any[] = [];
  let webhookRunning = false;
  const webhookControllers = new Set<AbortController>();

  const now = () => Date.now();
  const unix = () => Math.floor(now() / 1000);

  function notify() {
    for (const l of [...callListeners]) l();
  }

  function chatFor(id: number): FakeChat {
    let c = chats.get(id);
    if (!c) {
      c = { id, type: chatTypeFor(id) };
      if (c.type !== "private") c.title = `Chat ${id}`;
      else c.first_name = `User ${id}`;
      chats.set(id, c);
    }
    return c;
  }

  function allocMessageId(chatId: number): number {
    const id = (nextMessageId.get(chatId) ?? 0) + 1;
    nextMessageId.set(chatId, id);
    return id;
  }

  function storeMessage(msg: any) {
    messages.set(`${msg.chat.id}:${msg.message_id}`, msg);
    const cur = nextMessageId.get(msg.chat.id) ?? 0;
    if (msg.message_id > cur) nextMessageId.set(msg.chat.id, msg.message_id);
  }

  function registerFile(
    data: Buffer,
    path?: string,
    kind = "documents",
    ext = "bin",
  ): { file_id: string; file_unique_id: string; file_path: string; file_size: number } {
    fileCounter++;
    const file_id = `FAKE-FILE-${fileCounter}-${Math.random().toString(36).slice(2, 10)}`;
    const file_unique_id = `U${fileCounter}`;
    const file_path = path ?? `${kind}/file_${fileCounter}.${ext}`;
    files.set(file_id, { data, file_path, file_unique_id });
    filesByPath.set(file_path, file_id);
    return { file_id, file_unique_id, file_path, file_size: data.length };
  }

  function photoSizes(data: Buffer, path?: string) {
    const f = registerFile(data, path, "photos", "jpg");
    const size = pngSize(data) ?? { width: 800, height: 600 };
    return [
      {
        file_id: f.file_id,
        file_unique_id: f.file_unique_id,
        width: size.width,
        height: size.height,
        file_size: f.file_size,
      },
    ];
  }

  function extFromName(name: string | undefined, fallback: string) {
    const m = name ? /\.([A-Za-z0-9]{1,8})$/.exec(name) : null;
    return m ? m[1].toLowerCase() : fallback;
  }

  // ── updates ──

  function injectUpdate<T extends Record<string, any>>(update: T): T & { update_id: number } {
    const u: any = { ...update };
    if (typeof u.update_id !== "number") u.update_id = nextUpdateId++;
    else nextUpdateId = Math.max(nextUpdateId, u.update_id + 1);
    for (const k of ["message", "edited_message", "channel_post"]) {
      if (u[k]?.chat && typeof u[k].message_id === "number") storeMessage(u[k]);
    }
    if (webhook) {
      webhookQueue.push(u);
      void runWebhookDelivery();
    } else {
      queue.push(u);
      flushPollers();
    }
    return u;
  }

  function flushPollers() {
    if (queue.length === 0 || holdPollers) return;
    for (const w of [...pollWaiters]) {
      pollWaiters.delete(w);
      w.done(queue.slice());
    }
  }

  function takeUpdates(payload: Record<string, any>): any[] {
    const offset = typeof payload.offset === "number" ? payload.offset : Number(payload.offset ?? 0) || 0;
    const limit = Math.min(Math.max(Number(payload.limit ?? 100) || 100, 1), 100);
    if (offset > 0) queue = queue.filter((u) => u.update_id >= offset);
    else if (offset < 0) queue = queue.slice(offset);
    return queue.slice(0, limit);
  }

  async function runWebhookDelivery() {
    if (webhookRunning) return;
    webhookRunning = true;
    try {
      while (webhook && webhookQueue.length && !closed) {
        const update = webhookQueue[0];
        const target = webhook;
        let delivered = false;
        for (let attempt = 1; attempt <= webhookMaxAttempts && !closed && webhook === target; attempt++) {
          const res = await postJson(target.url, update, target.secret_token);
          webhookDeliveries.push({
            update_id: update.update_id,
            attempt,
            status: res.status,
            error: res.error,
            at: now(),
          });
          notify();
          if (res.status !== null && res.status >= 200 && res.status < 300) {
            delivered = true;
            break;
          }
          target.last_error_date = unix();
          target.last_error_message = res.error ?? `Wrong response from the webhook: ${res.status}`;
          if (attempt < webhookMaxAttempts) await sleep(webhookRetryDelayMs * 2 ** (attempt - 1));
        }
        void delivered;
        if (webhookQueue[0] === update) webhookQueue.shift();
      }
    } finally {
      webhookRunning = false;
    }
  }

  function postJson(url: string, body: unknown, secret?: string): Promise<{ status: number | null; error?: string }> {
    return new Promise((resolve) => {
      const data = Buffer.from(JSON.stringify(body));
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        resolve({ status: null, error: "Invalid webhook URL" });
        return;
      }
      const mod = target.protocol === "https:" ? https : http;
      const ac = new AbortController();
      webhookControllers.add(ac);
      const headers: Record<string, string | number> = {
        "content-type": "application/json",
        "content-length": data.length,
      };
      if (secret) headers["x-telegram-bot-api-secret-token"] = secret;
      const req = mod.request(
        target,
        { method: "POST", headers, agent: false, signal: ac.signal, timeout: 5000 },
        (res) => {
          res.resume();
          res.on("end", () => {
            webhookControllers.delete(ac);
            resolve({ status: res.statusCode ?? null });
          });
          res.on("error", (e) => {
            webhookControllers.delete(ac);
            resolve({ status: null, error: String(e) });
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error("Timeout expired")));
      req.on("error", (e) => {
        webhookControllers.delete(ac);
        resolve({ status: null, error: e.message });
      });
      req.end(data);
    });
  }

  // ── user-side builders ──

  function rememberChat(chat: UserMessageInput["chat"], from: UserMessageInput["from"]): FakeChat {
    const c: FakeChat = { id: chat.id, type: chat.type };
    if (chat.type === "private") {
      c.first_name = from.first_name;
      if (from.last_name) (c as any).last_name = from.last_name;
      if (from.username) c.username = from.username;
    } else {
      c.title = chat.title ?? `Chat ${chat.id}`;
      if (chat.username) c.username = chat.username;
    }
    chats.set(chat.id, c);
    return c;
  }

  function userOf(from: UserMessageInput["from"]) {
    const u: any = { id: from.id, is_bot: false, first_name: from.first_name };
    if (from.last_name) u.last_name = from.last_name;
    if (from.username) u.username = from.username;
    if (from.language_code) u.language_code = from.language_code;
    return u;
  }

  function sendUserMessage(input: UserMessageInput) {
    const chat = rememberChat(input.chat, input.from);
    const msg: any = {
      message_id: allocMessageId(chat.id),
      from: userOf(input.from),
      chat: { ...chat },
      date: input.date ?? unix(),
    };
    if (input.media_group_id) msg.media_group_id = input.media_group_id;
    if (input.reply_to_message_id !== undefined) {
      msg.reply_to_message = messages.get(`${chat.id}:${input.reply_to_message_id}`) ?? {
        message_id: input.reply_to_message_id,
        chat: { ...chat },
        date: unix(),
      };
    }
    if (input.text !== undefined) {
      msg.text = input.text;
      const e = commandEntities(input.text);
      if (e) msg.entities = e;
    }
    if (input.photo) msg.photo = photoSizes(input.photo);
    if (input.document) {
      const ext = extFromName(input.document.file_name, "bin");
      const f = registerFile(input.document.data, undefined, "documents", ext);
      msg.document = {
        file_id: f.file_id,
        file_unique_id: f.file_unique_id,
        file_name: input.document.file_name,
        mime_type: input.document.mime_type,
        file_size: f.file_size,
      };
      if (input.document.hide_size) delete msg.document.file_size;
    }
    if (input.video) {
      const f = registerFile(input.video.data, undefined, "videos", "mp4");
      msg.video = {
        file_id: f.file_id,
        file_unique_id: f.file_unique_id,
        width: 640,
        height: 360,
        duration: 5,
        file_name: input.video.file_name,
        mime_type: input.video.mime_type ?? "video/mp4",
        file_size: f.file_size,
      };
    }
    if (input.caption !== undefined) {
      msg.caption = input.caption;
      const e = commandEntities(input.caption);
      if (e) msg.caption_entities = e;
    }
    Object.assign(msg, input.extra);
    return injectUpdate({ message: msg });
  }

  function sendCallbackQuery(input: CallbackQueryInput) {
    const cq: any = {
      id: String(nextCallbackId++),
      from: userOf(input.from),
      chat_instance: `ci-${input.chat?.id ?? input.from.id}`,
      data: input.data,
    };
    if (input.chat) {
      const chat = chats.get(input.chat.id) ?? rememberChat(input.chat, input.from);
      const mid = input.message_id ?? nextMessageId.get(chat.id) ?? 1;
      cq.message = messages.get(`${chat.id}:${mid}`) ?? {
        message_id: mid,
        chat: { ...chat },
        date: unix(),
        from: botUser,
        text: "",
      };
    }
    return injectUpdate({ callback_query: cq });
  }

  // ── rate limits ──

  /**
   * A strict sliding window, like a strict platform limiter: a send is refused when the window
   * ending now (closed: [now - window, now]) already holds `max` accepted sends, so no window of
   * that length ever holds more than `max`. retry_after is whole seconds, at least 1, as Telegram's.
   */
  function checkRateLimit(chatId: number): number | undefined {
    if (!limits) return undefined;
    const t = now();
    // prune entries older than a minute
    while (sendTimes.length && sendTimes[0].at < t - 60_000) sendTimes.shift();
    let wait: number | undefined;
    const consider = (entries: { at: number }[], max: number | undefined, windowMs: number) => {
      if (max === undefined || max <= 0) return;
      const inWindow = entries.filter((e) => e.at >= t - windowMs);
      if (inWindow.length >= max) {
        const oldestRelevant = inWindow[inWindow.length - max];
        wait = Math.max(wait ?? 0, oldestRelevant.at + windowMs - t);
      }
    };
    consider(sendTimes, limits.globalPerSecond, 1000);
    const forChat = sendTimes.filter((e) => e.chat === chatId);
    if (chatId > 0) consider(forChat, limits.perChatPerSecond, 1000);
    else consider(forChat, limits.perGroupPerMinute, 60_000);
    return wait === undefined ? undefined : Math.max(1, Math.ceil(wait / 1000));
  }

  // ── method handlers ──

  function requireChatId(p: Record<string, any>): number {
    const raw = p.chat_id;
    if (raw === undefined || raw === null || raw === "") throw new ApiError(400, "Bad Request: chat_id is empty");
    const id = typeof raw === "number" ? raw : Number(raw);
    if (!Number.isSafeInteger(id)) throw new ApiError(400, "Bad Request: chat not found");
    return id;
  }

  function replyTarget(chatId: number, p: Record<string, any>): any | undefined {
    const rp = p.reply_parameters;
    const rid = typeof rp === "object" && rp ? rp.message_id : p.reply_to_message_id;
    if (rid === undefined || rid === null) return undefined;
    const mid = Number(rid);
    const found = messages.get(`${typeof rp?.chat_id === "number" ? rp.chat_id : chatId}:${mid}`);
    if (found) return found;
    if (rp?.allow_sending_without_reply || p.allow_sending_without_reply) return undefined;
    throw new ApiError(400, "Bad Request: message to be replied not found");
  }

  function formatText(text: string, parseMode: string | undefined): string {
    if (parseMode && parseMode.toLowerCase() === "html") {
      try {
        return parseTelegramHtml(text);
      } catch (e) {
        throw new ApiError(400, (e as Error).message);
      }
    }
    return text;
  }

  function baseMessage(chatId: number, p: Record<string, any>): any {
    const msg: any = {
      message_id: 0,
      from: botUser,
      chat: { ...chatFor(chatId) },
      date: unix(),
    };
    const reply = replyTarget(chatId, p);
    if (reply) msg.reply_to_message = reply;
    if (p.message_thread_id !== undefined) msg.message_thread_id = p.message_thread_id;
    if (p.reply_markup && typeof p.reply_markup === "object" && p.reply_markup.inline_keyboard)
      msg.reply_markup = p.reply_markup;
    return msg;
  }

  function mediaFromInput(
    kind: "photo" | "document" | "video" | "audio" | "animation" | "voice",
    input: unknown,
  ): { value: any; file?: FakeFilePart | string } {
    if (input && typeof input === "object" && Buffer.isBuffer((input as FakeFilePart).data)) {
      const fp = input as FakeFilePart;
      if (kind === "photo") return { value: photoSizes(fp.data), file: fp };
      const f = registerFile(
        fp.data,
        undefined,
        kind === "document" ? "documents" : `${kind}s`,
        extFromName(fp.filename, "bin"),
      );
      return {
        value: {
          file_id: f.file_id,
          file_unique_id: f.file_unique_id,
          file_name: fp.filename,
          mime_type: fp.contentType,
          file_size: f.file_size,
        },
        file: fp,
      };
    }
    if (typeof input === "string" && input !== "") {
      const known = files.get(input);
      if (known) {
        if (kind === "photo") {
          const size = pngSize(known.data) ?? { width: 800, height: 600 };
          return {
            value: [
              {
                file_id: input,
                file_unique_id: known.file_unique_id,
                width: size.width,
                height: size.height,
                file_size: known.data.length,
              },
            ],
            file: input,
          };
        }
        return {
          value: { file_id: input, file_unique_id: known.file_unique_id, file_size: known.data.length },
          file: input,
        };
      }
      if (/^https?:\/\//.test(input)) {
        if (kind === "photo") return { value: photoSizes(Buffer.alloc(0)), file: input };
        const f = registerFile(Buffer.alloc(0), undefined, "documents", extFromName(input, "bin"));
        return { value: { file_id: f.file_id, file_unique_id: f.file_unique_id, file_size: 0 }, file: input };
      }
      if (input.startsWith("attach://")) throw new ApiError(400, `Bad Request: file must be non-empty`);
      throw new ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified");
    }
    throw new ApiError(400, `Bad Request: there is no ${kind} in the request`);
  }

  function recordSent(method: string, chatId: number, msg: any, p: Record<string, any>, file?: FakeFilePart | string) {
    const rec: FakeSentRecord = { method, chat_id: chatId, message_id: msg.message_id, message: msg, at: now() };
    if (typeof p.text === "string") rec.text = p.text;
    if (typeof p.caption === "string") rec.caption = p.caption;
    if (p.parse_mode) rec.parse_mode = p.parse_mode;
    if (p.reply_markup !== undefined) rec.reply_markup = p.reply_markup;
    if (file !== undefined) rec.file = file;
    sentRecords.push(rec);
    sendTimes.push({ at: rec.at, chat: chatId });
    timeReply(chatId, msg);
  }

  /** The first reply to a burst-injected message ends its latency (inject → reply arrives). */
  function timeReply(chatId: number, msg: any) {
    const key = `${chatId}:${msg.reply_to_message?.message_id}`;
    const injected = burst.injectedAt.get(key);
    if (injected === undefined) return;
    burst.injectedAt.delete(key);
    burst.lastReply = performance.now();
    burst.latencies.push(burst.lastReply - injected);
    for (const w of [...burst.waiters]) w();
  }

  /** Queues many user messages at once (one wake-up of the long poll), timing each from now. */
  function injectBurst(inputs: UserMessageInput[]): number {
    holdPollers = true;
    try {
      const at = performance.now();
      if (!burst.start) burst.start = at;
      for (const input of inputs) {
        const update = sendUserMessage(input);
        burst.injectedAt.set(`${update.message.chat.id}:${update.message.message_id}`, at);
      }
    } finally {
      holdPollers = false;
    }
    flushPollers();
    return inputs.length;
  }

  /** Waits (at most `timeoutMs`) for `count` burst replies; latencies sorted, seconds from the first burst to the last reply. */
  function burstReplies(
    count: number,
    timeoutMs: number,
  ): Promise<{ replies: number; seconds: number; latencies: number[] }> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        burst.waiters.delete(check);
        const latencies = [...burst.latencies].sort((a, b) => a - b);
        resolve({
          replies: latencies.length,
          seconds: latencies.length ? (burst.lastReply - burst.start) / 1000 : 0,
          latencies,
        });
      };
      const check = (closing?: boolean) => void ((closing || burst.latencies.length >= count) && done());
      const timer = setTimeout(done, timeoutMs);
      burst.waiters.add(check);
      check();
    });
  }

  function finishMessage(chatId: number, msg: any) {
    msg.message_id = allocMessageId(chatId);
    storeMessage(msg);
    return msg;
  }

  function applyCaption(msg: any, p: Record<string, any>) {
    if (typeof p.caption === "string" && p.caption !== "") {
      const plain = formatText(p.caption, p.parse_mode);
      if (plain.length > 1024) throw new ApiError(400, "Bad Request: message caption is too long");
      msg.caption = plain;
    }
  }

  const isSendMethod = (m: string) => m.startsWith("send") && m !== "sendChatAction";

  function handleMethod(method: string, p: Record<string, any>): any {
    switch (method) {
      case "getMe":
        return botInfo;
      case "logOut":
      case "close":
        return true;
      case "setWebhook": {
        if (typeof p.url !== "string") throw new ApiError(400, "Bad Request: bad webhook: url is empty");
        if (p.url === "") {
          webhook = null;
          return true;
        }
        if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(p.secret_token))) {
          throw new ApiError(400, "Bad Request: bad webhook: secret token contains unallowed characters");
        }
        webhook = {
          url: p.url,
          secret_token: p.secret_token,
          max_connections: p.max_connections,
          allowed_updates: p.allowed_updates,
        };
        if (p.drop_pending_updates) queue = [];
        webhookQueue.push(...queue);
        queue = [];
        void runWebhookDelivery();
        return true;
      }
      case "deleteWebhook": {
        if (webhook) {
          queue.push(...webhookQueue);
          webhookQueue = [];
        }
        webhook = null;
        if (p.drop_pending_updates) queue = [];
        return true;
      }
      case "getWebhookInfo":
        return webhookInfo();
      case "sendMessage": {
        const chatId = requireChatId(p);
        if (typeof p.text !== "string" || p.text.trim() === "")
          throw new ApiError(400, "Bad Request: message text is empty");
        const plain = formatText(p.text, p.parse_mode);
        if (plain.length > 4096) throw new ApiError(400, "Bad Request: message is too long");
        const msg = baseMessage(chatId, p);
        msg.text = plain;
        if (Array.isArray(p.entities)) msg.entities = p.entities;
        finishMessage(chatId, msg);
        recordSent(method, chatId, msg, p);
        return msg;
      }
      case "sendPhoto":
      case "sendDocument":
      case "sendVideo":
      case "sendAudio":
      case "sendAnimation":
      case "sendVoice": {
        const chatId = requireChatId(p);
        const kind = method.slice(4).toLowerCase() as "photo" | "document" | "video" | "audio" | "animation" | "voice";
        const msg = baseMessage(chatId, p);
        const media = mediaFromInput(kind, p[kind]);
        msg[kind] = media.value;
        applyCaption(msg, p);
        finishMessage(chatId, msg);
        recordSent(method, chatId, msg, p, media.file);
        return msg;
      }
      case "sendMediaGroup": {
        const chatId = requireChatId(p);
        const items = p.media;
        if (!Array.isArray(items) || items.length < 2 || items.length > 10) {
          throw new ApiError(400, "Bad Request: wrong number of media in the group");
        }
        const groupId = String(1_000_000 + Math.floor(Math.random() * 9_000_000));
        const built = items.map((item: any) => {
          const kind = item?.type;
          if (!["photo", "document", "video", "audio"].includes(kind))
            throw new ApiError(400, "Bad Request: unsupported media type in the group");
          const msg = baseMessage(chatId, p);
          msg.media_group_id = groupId;
          const media = mediaFromInput(kind, item.media);
          msg[kind] = media.value;
          applyCaption(msg, { caption: item.caption, parse_mode: item.parse_mode });
          return { msg, media, item };
        });
        return built.map(({ msg, media, item }: any) => {
          finishMessage(chatId, msg);
          recordSent(method, chatId, msg, { caption: item.caption, parse_mode: item.parse_mode }, media.file);
          return msg;
        });
      }
      case "sendChatAction":
        requireChatId(p);
        if (typeof p.action !== "string" || p.action === "")
          throw new ApiError(400, "Bad Request: wrong parameter action in request");
        return true;
      case "editMessageText": {
        if (p.inline_message_id) return true;
        const chatId = requireChatId(p);
        const msg = messages.get(`${chatId}:${Number(p.message_id)}`);
        if (!msg) throw new ApiError(400, "Bad Request: message to edit not found");
        if (typeof p.text !== "string" || p.text.trim() === "")
          throw new ApiError(400, "Bad Request: message text is empty");
        const plain = formatText(p.text, p.parse_mode);
        if (plain.length > 4096) throw new ApiError(400, "Bad Request: message is too long");
        const newMarkup = p.reply_markup?.inline_keyboard ? p.reply_markup : undefined;
        if (msg.text === plain && JSON.stringify(msg.reply_markup) === JSON.stringify(newMarkup)) {
          throw new ApiError(
            400,
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
          );
        }
        msg.text = plain;
        if (newMarkup) msg.reply_markup = newMarkup;
        else delete msg.reply_markup;
        msg.edit_date = unix();
        return msg;
      }
      case "editMessageReplyMarkup": {
        if (p.inline_message_id) return true;
        const chatId = requireChatId(p);
        const msg = messages.get(`${chatId}:${Number(p.message_id)}`);
        if (!msg) throw new ApiError(400, "Bad Request: message to edit not found");
        if (p.reply_markup?.inline_keyboard) msg.reply_markup = p.reply_markup;
        else delete msg.reply_markup;
        msg.edit_date = unix();
        return msg;
      }
      case "deleteMessage": {
        const chatId = requireChatId(p);
        const key = `${chatId}:${Number(p.message_id)}`;
        if (!messages.has(key)) throw new ApiError(400, "Bad Request: message to delete not found");
        messages.delete(key);
        return true;
      }
      case "answerCallbackQuery":
        if (!p.callback_query_id)
          throw new ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        return true;
      case "setMyCommands":
        if (!Array.isArray(p.commands)) throw new ApiError(400, "Bad Request: can't parse commands JSON object");
        myCommands = p.commands;
        return true;
      case "getMyCommands":
        return myCommands;
      case "deleteMyCommands":
        myCommands = [];
        return true;
      case "getChat": {
        const chatId = requireChatId(p);
        const c = chats.get(chatId);
        if (!c) throw new ApiError(400, "Bad Request: chat not found");
        return { ...c };
      }
      case "getFile": {
        const f = typeof p.file_id === "string" ? files.get(p.file_id) : undefined;
        if (!f) throw new ApiError(400, "Bad Request: invalid file_id");
        return {
          file_id: p.file_id,
          file_unique_id: f.file_unique_id,
          file_size: f.data.length,
          file_path: f.file_path,
        };
      }
      default:
        throw new ApiError(404, "Not Found: method not found");
    }
  }

  function webhookInfo() {
    const info: any = {
      url: webhook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: webhook ? webhookQueue.length : queue.length,
    };
    if (webhook) {
      info.max_connections = webhook.max_connections ?? 40;
      info.ip_address = "127.0.0.1";
      if (webhook.allowed_updates) info.allowed_updates = webhook.allowed_updates;
      if (webhook.last_error_date) {
        info.last_error_date = webhook.last_error_date;
        info.last_error_message = webhook.last_error_message;
      }
    }
    return info;
  }

  // ── HTTP plumbing ──

  async function readBody(req: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  async function parsePayload(req: http.IncomingMessage, url: URL): Promise<Record<string, any>> {
    const payload: Record<string, any> = {};
    for (const [k, v] of url.searchParams) payload[k] = coerceFormValue(k, v);
    if (req.method === "GET" || req.method === "HEAD") return payload;
    const body = await readBody(req);
    if (body.length === 0) return payload;
    const ct = parseHeaderParams(req.headers["content-type"] ?? "");
    if (ct.main === "application/json") {
      const parsed = JSON.parse(body.toString("utf8"));
      if (parsed && typeof parsed === "object") Object.assign(payload, parsed);
    } else if (ct.main === "application/x-www-form-urlencoded") {
      for (const [k, v] of new URLSearchParams(body.toString("utf8"))) payload[k] = coerceFormValue(k, v);
    } else if (ct.main === "multipart/form-data") {
      if (!ct.params.boundary) throw new ApiError(400, "Bad Request: multipart boundary is missing");
      const fileParts = new Map<string, FakeFilePart>();
      for (const part of parseMultipart(body, ct.params.boundary)) {
        if (part.filename !== undefined) {
          fileParts.set(part.name, {
            filename: part.filename,
            size: part.data.length,
            contentType: part.contentType,
            data: part.data,
          });
        } else {
          payload[part.name] = coerceFormValue(part.name, part.data.toString("utf8"));
        }
      }
      const used = new Set<string>();
      const resolve = (v: any): any => {
        if (typeof v === "string" && v.startsWith("attach://")) {
          const id = v.slice("attach://".length);
          const fp = fileParts.get(id);
          if (fp) {
            used.add(id);
            return fp;
          }
          return v;
        }
        if (Array.isArray(v)) return v.map(resolve);
        if (v && typeof v === "object" && !Buffer.isBuffer(v)) {
          const o: any = {};
          for (const [k, x] of Object.entries(v)) o[k] = resolve(x);
          return o;
        }
        return v;
      };
      for (const k of Object.keys(payload)) payload[k] = resolve(payload[k]);
      for (const [name, fp] of fileParts) if (!used.has(name) && !(name in payload)) payload[name] = fp;
    } else {
      // unknown content type: try JSON
      try {
        Object.assign(payload, JSON.parse(body.toString("utf8")));
      } catch {
        /* ignore */
      }
    }
    return payload;
  }

  function writeJson(res: http.ServerResponse, status: number, body: unknown) {
    if (res.writableEnded || res.destroyed) return;
    const data = Buffer.from(JSON.stringify(body));
    res.writeHead(status, { "content-type": "application/json", "content-length": data.length });
    res.end(data);
  }

  function errorBody(e: ApiError) {
    const b: any = { ok: false, error_code: e.error_code, description: e.description };
    if (e.parameters) b.parameters = e.parameters;
    return b;
  }

  function failureToError(f: Exclude<FakeFailure, { delayMs: number }>): ApiError {
    switch (f.error_code) {
      case 429:
        return new ApiError(429, f.description ?? `Too Many Requests: retry after ${f.retry_after}`, {
          retry_after: f.retry_after,
        });
      case 500:
        return new ApiError(500, f.description ?? "Internal Server Error");
      case 502:
        return new ApiError(502, f.description ?? "Bad Gateway");
      case 503:
        return new ApiError(503, f.description ?? "Service Unavailable");
      case 504:
        return new ApiError(504, f.description ?? "Gateway Timeout");
      default:
        return new ApiError(f.error_code, f.description);
    }
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string, url: URL) {
    const call: FakeCall = { method, payload: {}, at: now() };
    const respond = (status: number, body: any) => {
      call.status = status;
      call.response = body;
      writeJson(res, status, body);
      notify();
    };
    try {
      call.payload = await parsePayload(req, url);
    } catch (e) {
      calls.push(call);
      respond(400, errorBody(e instanceof ApiError ? e : new ApiError(400, "Bad Request: can't parse request body")));
      return;
    }
    calls.push(call);
    const p = call.payload;
    try {
      const timed = timedFailures.find((f) => f.methods.has(method) && Date.now() < f.until);
      if (timed) {
        if ("delayMs" in timed.failure) {
          await sleep(timed.failure.delayMs);
          if (res.destroyed) return;
        } else {
          const err = failureToError(timed.failure);
          return respond(err.error_code, errorBody(err));
        }
      }
      // injected failures / delays
      const list = failures.get(method);
      while (list && list.length) {
        const f = list.shift()!;
        if (list.length === 0) failures.delete(method);
        if ("delayMs" in f) {
          await sleep(f.delayMs);
          if (closed) return respond(503, errorBody(new ApiError(503, "Service Unavailable")));
          // The connection was cut meanwhile (goOffline, the bot killed): the request never got through.
          if (res.destroyed) return;
          continue;
        }
        const err = failureToError(f);
        return respond(err.error_code, errorBody(err));
      }
      if (method === "getUpdates") return await handleGetUpdates(res, call, respond);
      if (p.chat_id !== undefined && blocked.has(Number(p.chat_id))) {
        throw new ApiError(403, "Forbidden: bot was blocked by the user");
      }
      if (isSendMethod(method) && p.chat_id !== undefined) {
        const retryAfter = checkRateLimit(Number(p.chat_id));
        if (retryAfter !== undefined) {
          rejected429++;
          throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
        }
      }
      const result = handleMethod(method, p);
      respond(200, { ok: true, result });
    } catch (e) {
      if (e instanceof ApiError) respond(e.error_code, errorBody(e));
      else respond(500, { ok: false, error_code: 500, description: `Internal Server Error: ${(e as Error).message}` });
    }
  }

  async function handleGetUpdates(res: http.ServerResponse, call: FakeCall, respond: (s: number, b: any) => void) {
    const p = call.payload;
    if (webhook) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    // Let pending 'close' events (e.g. the poll grammY just aborted in bot.stop()) run first.
    await new Promise((r) => setImmediate(r));
    // A newer getUpdates terminates older pending ones (like Telegram).
    for (const w of [...pollWaiters]) {
      pollWaiters.delete(w);
      w.done(
        new ApiError(
          409,
          "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
        ),
      );
    }
    const limit = p.limit;
    const ready = takeUpdates(p);
    const timeoutSec = Number(p.timeout ?? 0) || 0;
    if (ready.length || timeoutSec <= 0 || closed) return respond(200, { ok: true, result: ready });
    const waitMs = Math.min(timeoutSec * 1000, longPollMaxMs);
    await new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const w: Waiter = {
        done: (r) => {
          if (timer) clearTimeout(timer);
          res.off("close", onClose);
          pollWaiters.delete(w);
          if (r instanceof ApiError) respond(r.error_code, errorBody(r));
          else respond(200, { ok: true, result: r.slice(0, Math.min(Math.max(Number(limit ?? 100) || 100, 1), 100)) });
          resolve();
        },
      };
      const onClose = () => {
        // client aborted (e.g. bot.stop()); forget the waiter without answering
        if (!res.writableEnded && pollWaiters.has(w)) {
          pollWaiters.delete(w);
          if (timer) clearTimeout(timer);
          call.status = 499;
          notify();
          resolve();
        }
      };
      timer = setTimeout(() => w.done([]), waitMs);
      res.on("close", onClose);
      pollWaiters.add(w);
    });
  }

  function serveFile(res: http.ServerResponse, filePath: string) {
    const id = filesByPath.get(filePath);
    const f = id ? files.get(id) : undefined;
    if (!f) {
      writeJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": f.data.length });
    res.end(f.data);
  }

  // ── control endpoints (standalone mode) ──

  function serializable(v: unknown): unknown {
    return JSON.parse(
      JSON.stringify(v, function (this: any, key, value) {
        const raw = this[key];
        if (Buffer.isBuffer(raw)) return { base64: raw.toString("base64") };
        return value;
      }),
    );
  }

  /** A sendUserMessage input sent as JSON (photo / document.data as base64). */
  function fromJson(json: any): UserMessageInput {
    const input = { ...json };
    if (typeof input.photo === "string") input.photo = Buffer.from(input.photo, "base64");
    if (input.document && typeof input.document.data === "string")
      input.document = { ...input.document, data: Buffer.from(input.document.data, "base64") };
    return input;
  }

  async function handleControl(req: http.IncomingMessage, res: http.ServerResponse, action: string, url: URL) {
    try {
      const body = req.method === "POST" ? await readBody(req) : Buffer.alloc(0);
      const json = body.length ? JSON.parse(body.toString("utf8")) : {};
      switch (action) {
        case "calls": {
          const since = Number(url.searchParams.get("since") ?? 0);
          return writeJson(res, 200, serializable(calls.slice(since)));
        }
        case "sent": {
          const chat = url.searchParams.get("chat_id");
          return writeJson(res, 200, serializable(fake.sent(chat ? Number(chat) : undefined)));
        }
        case "stats":
          return writeJson(res, 200, fake.stats());
        case "inject":
          return writeJson(res, 200, injectUpdate(json));
        case "user-message":
          return writeJson(res, 200, serializable(sendUserMessage(fromJson(json))));
        case "user-messages":
          return writeJson(res, 200, { ok: true, injected: injectBurst((json.messages as unknown[]).map(fromJson)) });
        case "burst-replies":
          return writeJson(
            res,
            200,
            await burstReplies(
              Number(url.searchParams.get("count") ?? 0),
              Math.min(Number(url.searchParams.get("timeoutMs") ?? 60_000), 600_000),
            ),
          );
        case "callback-query":
          return writeJson(res, 200, sendCallbackQuery(json));
        case "limits":
          setLimits(json && Object.keys(json).length ? json : undefined);
          return writeJson(res, 200, { ok: true, limits });
        case "fail":
          failNext(json.method, json.failure, json.count ?? 1);
          return writeJson(res, 200, { ok: true });
        case "block":
          blocked.add(Number(json.chat_id));
          return writeJson(res, 200, { ok: true });
        case "unblock":
          blocked.delete(Number(json.chat_id));
          return writeJson(res, 200, { ok: true });
        case "reset":
          reset();
          return writeJson(res, 200, { ok: true });
        default:
          return writeJson(res, 404, { ok: false, error: "unknown control action" });
      }
    } catch (e) {
      writeJson(res, 400, { ok: false, error: (e as Error).message });
    }
  }

  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname;
    if (options.control && path.startsWith("/__control/")) {
      void handleControl(req, res, path.slice("/__control/".length), url);
      return;
    }
    let m = /^\/file\/bot([^/]+)\/(.+)$/.exec(path);
    if (m) {
      req.resume();
      if (decodeURIComponent(m[1]) !== token)
        return writeJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      return serveFile(res, decodeURIComponent(m[2]));
    }
    m = /^\/bot([^/]+)\/([A-Za-z0-9_]*)\/?$/.exec(path);
    if (m) {
      if (decodeURIComponent(m[1]) !== token) {
        req.resume();
        return writeJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      }
      void handleApi(req, res, m[2], url);
      return;
    }
    req.resume();
    writeJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
  });
  server.keepAliveTimeout = 5000;
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  function failUntil(methods: string[], failure: FakeFailure, until: number) {
    timedFailures.push({ methods: new Set(methods), failure, until });
  }

  function failNext(method: string, failure: FakeFailure, count = 1) {
    const list = failures.get(method) ?? [];
    for (let i = 0; i < count; i++) list.push(failure);
    failures.set(method, list);
  }

  function setLimits(l: FakeTelegramLimits | undefined) {
    limits = l;
  }

  function reset() {
    calls.length = 0;
    sentRecords.length = 0;
    webhookDeliveries.length = 0;
    sendTimes.length = 0;
    rejected429 = 0;
    failures.clear();
    timedFailures.length = 0;
    blocked.clear();
    burst.injectedAt.clear();
    burst.latencies.length = 0;
    burst.start = burst.lastReply = 0;
  }

  const fake: FakeTelegram = {
    url: `http://127.0.0.1:${port}`,
    port,
    token,
    botInfo,
    calls,
    webhookDeliveries,
    sent(chatId?: number) {
      return chatId === undefined ? sentRecords.slice() : sentRecords.filter((r) => r.chat_id === chatId);
    },
    waitFor(predicate, timeoutMs = 5000) {
      return new Promise<FakeCall>((resolve, reject) => {
        const check = () => {
          const hit = calls.find((c) => c.status !== undefined && predicate(c));
          if (hit) {
            cleanup();
            resolve(hit);
            return true;
          }
          return false;
        };
        const timer = setTimeout(() => {
          cleanup();
          const seen = calls.map((c) => `${c.method}(${c.status ?? "pending"})`).join(", ");
          reject(new Error(`fake-telegram waitFor timed out after ${timeoutMs} ms; calls so far: [${seen}]`));
        }, timeoutMs);
        const listener = () => void check();
        const cleanup = () => {
          clearTimeout(timer);
          callListeners.delete(listener);
        };
        callListeners.add(listener);
        check();
      });
    },
    waitForSent(count, chatId, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const list = fake.sent(chatId);
          if (list.length >= count) {
            cleanup();
            resolve(list);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `fake-telegram waitForSent(${count}) timed out after ${timeoutMs} ms; have ${fake.sent(chatId).length}`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          callListeners.delete(check);
        };
        callListeners.add(check);
        check();
      });
    },
    injectUpdate,
    sendUserMessage,
    sendCallbackQuery,
    addFile(data: Buffer, path?: string) {
      return registerFile(data, path).file_id;
    },
    getFileData(fileId: string) {
      return files.get(fileId)?.data;
    },
    failNext,
    failUntil,
    async goOffline() {
      // Long polls end as if the network dropped: their sockets are destroyed below.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
        for (const s of sockets) s.destroy();
      });
      for (const w of [...pollWaiters]) pollWaiters.delete(w);
    },
    async goOnline() {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => {
          server.off("error", reject);
          resolve();
        });
      });
    },
    setLimits,
    blockChat(chatId: number) {
      blocked.add(chatId);
    },
    unblockChat(chatId: number) {
      blocked.delete(chatId);
    },
    stats() {
      const seen = new Map<string, number>();
      let duplicates = 0;
      for (const r of sentRecords) {
        const body = r.text ?? r.caption;
        if (body === undefined) continue;
        const key = `${r.chat_id}\u0000${body}`;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        if (n > 1) duplicates++;
      }
      return { sent: sentRecords.length, rejected429, duplicates };
    },
    pendingUpdates() {
      return webhook ? webhookQueue.slice() : queue.slice();
    },
    webhookInfo,
    reset,
    async close() {
      if (closed) return;
      closed = true;
      for (const w of [...pollWaiters]) w.done([]);
      for (const w of [...burst.waiters]) w(true);
      for (const ac of webhookControllers) ac.abort();
      callListeners.clear();
      const done = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections?.();
      // give in-flight responses (e.g. the ended long polls) a tick to flush, then force-close
      await new Promise((r) => setImmediate(r));
      server.closeAllConnections?.();
      for (const s of sockets) s.destroy();
      await done;
    },
  };
  return fake;
}
