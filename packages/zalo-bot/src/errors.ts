/**
 * The API answered `ok: false`. `code` is the API's `error_code` (408 from getUpdates means
 * "no update in this poll", not a failure).
 * @example
 * try { await client.sendMessage(id, text) } catch (e) { if (e instanceof ZaloApiError && e.code === 429) wait(e.retryAfter) }
 */
export class ZaloApiError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    readonly description: string,
    /** Seconds to wait, when the API said so (rate limits). */
    readonly retryAfter?: number,
  ) {
    super(`Zalo API ${method} failed: ${code} ${description}`);
    this.name = "ZaloApiError";
  }
}

/**
 * The request did not get an API answer: network error, timeout, or a body that is not the API's
 * JSON (a proxy's 502 page). `status` is the HTTP status when there was one.
 */
export class ZaloHttpError extends Error {
  constructor(
    readonly method: string,
    message: string,
    readonly status?: number,
    readonly timedOut = false,
    options?: { cause?: unknown },
  ) {
    super(`Zalo API ${method}: ${message}`, options);
    this.name = "ZaloHttpError";
  }
}
