import { ZaloApiError, ZaloHttpError } from "./errors.js";
import type { ApiResponse, BotInfo, ChatAction, ParseMode, SentMessage, Update, WebhookInfo } from "./types.js";
import { normalizeUpdates } from "./update.js";

export const DEFAULT_API_ROOT = "https://bot-api.zaloplatforms.com";

export interface ClientOptions {
  /** API root without a trailing slash; default {@link DEFAULT_API_ROOT}. Tests point it at a fake. */
  apiRoot?: string;
  /** Request timeout in ms (default 15 s); getUpdates adds its long-poll `timeout` to it. */
  timeoutMs?: number;
  /** The fetch to use (default: Node's global fetch). */
  fetch?: typeof fetch;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * A typed client for every Zalo Bot API method: `POST {apiRoot}/bot<TOKEN>/<method>` with a JSON
 * body. Resolves with `result`; throws {@link ZaloApiError} when the API says `ok: false` and
 * {@link ZaloHttpError} when there is no API answer (network, timeout, non-JSON body).
 * @example
 * const client = new ZaloClient(process.env.ZALO_BOT_TOKEN!);
 * const me = await client.getMe();
 * await client.sendMessage(chatId, `Xin chào, tôi là ${me.account_name}`);
 */
export class ZaloClient {
  readonly apiRoot: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(
    private readonly token: string,
    options: ClientOptions = {},
  ) {
    if (!token) throw new TypeError("ZaloClient: a bot token is required");
    this.apiRoot = (options.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Calls any method; the typed methods below are thin wrappers over it. */
  async callApi<T>(method: string, payload: Record<string, unknown> = {}, options: CallOptions = {}): Promise<T> {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(`${this.apiRoot}/bot${this.token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(payload),
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const timedOut = timeout.aborted;
      // The token is part of the URL: never let it reach a log through the cause's message.
      throw new ZaloHttpError(method, timedOut ? "request timed out" : "network error", undefined, timedOut, {
        cause: scrub(error, this.token),
      });
    }
    let body: ApiResponse<T>;
    try {
      body = JSON.parse(text) as ApiResponse<T>;
    } catch {
      throw new ZaloHttpError(method, `HTTP ${response.status}, body is not JSON`, response.status);
    }
    if (typeof body !== "object" || body === null || typeof body.ok !== "boolean") {
      throw new ZaloHttpError(method, `HTTP ${response.status}, not an API answer`, response.status);
    }
    // Zalo documents no retry-after (Telegram's `parameters.retry_after`): a 429 says only "quota exceeded".
    if (!body.ok) throw new ZaloApiError(method, body.error_code ?? response.status, body.description ?? "");
    return body.result as T;
  }

  getMe(options?: CallOptions): Promise<BotInfo> {
    return this.callApi("getMe", {}, options);
  }

  /**
   * Waits up to `timeout` seconds for the next update. Resolves with at most one update (the API
   * hands out one per call, once); an empty poll resolves with `[]`.
   */
  async getUpdates(params: { timeout?: number } = {}, options: CallOptions = {}): Promise<Update[]> {
    const timeout = params.timeout ?? 30;
    try {
      // The documented type of `timeout` is a string of seconds.
      const result = await this.callApi<unknown>(
        "getUpdates",
        { timeout: String(timeout) },
        { ...options, timeoutMs: options.timeoutMs ?? this.timeoutMs + timeout * 1000 },
      );
      return normalizeUpdates(result);
    } catch (error) {
      // Assumption (undocumented): a poll that found nothing ends with error_code 408, which the
      // error table only calls "request timeout". Seen so in practice; any other answer is an error.
      if (error instanceof ZaloApiError && error.code === 408) return [];
      throw error;
    }
  }

  /** `secret_token` (8–256 characters) comes back in the `X-Bot-Api-Secret-Token` header. */
  setWebhook(params: { url: string; secret_token: string }, options?: CallOptions): Promise<unknown> {
    return this.callApi("setWebhook", params, options);
  }

  deleteWebhook(options?: CallOptions): Promise<unknown> {
    return this.callApi("deleteWebhook", {}, options);
  }

  getWebhookInfo(options?: CallOptions): Promise<WebhookInfo> {
    return this.callApi("getWebhookInfo", {}, options);
  }

  /**
   * `text` is 1–2,000 characters. `parse_mode` "html" or "markdown" formats it (escape what users
   * wrote with `escapeHtml`); without it the text is shown as written. There is no reply-to
   * or keyboard.
   * @example client.sendMessage(chatId, `<b>Tổng hợp</b>\n${escapeHtml(title)}`, { parse_mode: "html" })
   */
  sendMessage(
    chatId: string,
    text: string,
    extra: { parse_mode?: ParseMode } = {},
    options?: CallOptions,
  ): Promise<SentMessage> {
    return this.callApi(
      "sendMessage",
      { chat_id: chatId, text, ...(extra.parse_mode ? { parse_mode: extra.parse_mode } : {}) },
      options,
    );
  }

  /** `photo` is a public http(s) URL: the platform downloads it (there is no upload). */
  sendPhoto(
    chatId: string,
    photo: string | { url: string },
    extra: { caption?: string } = {},
    options?: CallOptions,
  ): Promise<SentMessage> {
    const url = typeof photo === "string" ? photo : photo.url;
    return this.callApi(
      "sendPhoto",
      { chat_id: chatId, photo: url, ...(extra.caption ? { caption: extra.caption } : {}) },
      options,
    );
  }

  sendSticker(chatId: string, sticker: string, options?: CallOptions): Promise<SentMessage> {
    return this.callApi("sendSticker", { chat_id: chatId, sticker }, options);
  }

  sendChatAction(chatId: string, action: ChatAction = "typing", options?: CallOptions): Promise<unknown> {
    return this.callApi("sendChatAction", { chat_id: chatId, action }, options);
  }
}

function scrub(error: unknown, token: string): unknown {
  if (!(error instanceof Error)) return error;
  const clean = new Error(error.message.split(token).join("<token>"));
  clean.name = error.name;
  return clean;
}
