/**
 * The API answered `ok: false`. `code` is the API's `error_code`; the documented table: 400 bad
 * request, 401 unauthorized (bad token), 403 internal server error (transient, despite the number),
 * 404 not found, 408 request timeout (from getUpdates: no update in this poll), 429 quota exceeded
 * (no retry-after is given: back off yourself).
 * @example
 * try { await client.sendMessage(id, text) } catch (e) { if (e instanceof ZaloApiError && e.code === 429) await sleep(backoff *= 2) }
 */
export class ZaloApiError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    readonly description: string,
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
