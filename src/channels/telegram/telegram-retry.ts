import { HttpError, type Transformer } from "grammy";

/**
 * The longest wait between two tries of a Bot API call (and two polls while Telegram is away): once
 * it answers again, the bot polls within this time, and answers what came meanwhile within 30 s.
 */
export const MAX_RETRY_DELAY_MS = 25_000;
/** A text send that has not been answered by then has failed (the outbox tries it again); files keep the client's timeout. */
export const TEXT_SEND_TIMEOUT_MS = 30_000;
/** A send that failed on the network is tried once more after this (a reused connection reset). */
const SEND_RETRY_DELAY_MS = 100;
/** Calls at start that must work before the bot can run: tried until Telegram answers (or the bot stops). */
const UNTIL_ANSWERED = new Set(["getMe", "deleteWebhook", "setWebhook"]);

export interface TelegramRetryOptions {
  /** Tries of other calls (getFile…) after the first, on 5xx, 429 and network errors (default 3). */
  retries?: number;
  /** Aborts every wait between tries (the bot is stopping). */
  stopSignal?: AbortSignal;
  /** Told of each network error or 5xx that is retried (the channel's reachability). */
  onFailure?(error: unknown): void;
}

/** 0.5 s, 1 s, 2 s, … doubling, capped at {@link MAX_RETRY_DELAY_MS} (25 s), each with up to a fifth less as jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.8 + 0.2 * random()));
}

function pause(ms: number, signals: (AbortSignal | undefined)[]): Promise<void> {
  const live = signals.filter((s): s is AbortSignal => !!s);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      for (const s of live) s.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      for (const s of live) s.removeEventListener("abort", abort);
      reject(new Error("stopped while waiting to retry"));
    }
    if (live.some((s) => s.aborted)) return abort();
    for (const s of live) s.addEventListener("abort", abort);
  });
}

/** What grammY's client reads of a call's signal: whether it is aborted, and its "abort" listeners. */
type CallSignal = Pick<AbortSignal, "aborted" | "addEventListener" | "removeEventListener">;

/**
 * A signal aborted after `ms` or with `outer`, cleared once the call ends: one timer per send.
 * AbortSignal.timeout (with AbortSignal.any for a caller's signal) kept every send's signal and
 * timer alive for the full 30 s after its answer, a few thousand at once under a burst.
 */
function deadline(ms: number, outer?: CallSignal): { signal: CallSignal; clear(): void } {
  type Listener = ((event: Event) => void) | { handleEvent(event: Event): void };
  const listeners = new Set<Listener>();
  const state = { aborted: false };
  const signal = {
    get aborted() {
      return state.aborted;
    },
    addEventListener: (_type: string, listener: Listener | null) => void (listener && listeners.add(listener)),
    removeEventListener: (_type: string, listener: Listener | null) => void (listener && listeners.delete(listener)),
  } as unknown as CallSignal;
  const clear = () => {
    clearTimeout(timer);
    outer?.removeEventListener("abort", abort);
  };
  function abort() {
    if (state.aborted) return;
    state.aborted = true;
    clear();
    const event = new Event("abort");
    for (const listener of [...listeners])
      typeof listener === "function" ? listener(event) : listener.handleEvent(event);
  }
  const timer = setTimeout(abort, ms);
  timer.unref();
  if (outer?.aborted) abort();
  else outer?.addEventListener("abort", abort);
  return { signal, clear };
}

/**
 * Retries of Bot API calls, bounded (instead of @grammyjs/auto-retry, which retries network
 * errors for ever and doubles its wait up to an hour, so a long outage meant a long deaf time after it):
 * - `getUpdates` is never retried here: the poll loop waits (capped at 25 s) and logs the outage;
 * - sends are tried once, and once more at once after a network error (a reused keep-alive connection
 *   the server had just closed); text sends time out after 30 s. The outbox retries them with its
 *   own backoff, and a 429 goes straight to the rate limiter, which holds every sender for it;
 * - getMe, deleteWebhook and setWebhook (start-up) are tried until Telegram answers;
 * - other calls (getFile…) up to `retries` more times.
 * Waits double from 0.5 s up to 25 s, so the bot is back within 30 s of Telegram.
 * @example bot.api.config.use(createTelegramRetry({ stopSignal, onFailure: (e) => reach.failed(e) }));
 */
export function createTelegramRetry(options: TelegramRetryOptions = {}): Transformer {
  const retries = options.retries ?? 3;
  return async (prev, method, payload, signal) => {
    if (method === "getUpdates") return prev(method, payload, signal);
    if (method.startsWith("send")) {
      for (let attempt = 1; ; attempt++) {
        // grammY types its signal with a polyfill's AbortSignal; at run time it is Node's.
        const outer = signal as unknown as AbortSignal | undefined;
        const timeout = method === "sendMessage" ? deadline(TEXT_SEND_TIMEOUT_MS, outer) : undefined;
        const combined = timeout?.signal ?? outer;
        try {
          return await prev(method, payload, combined as unknown as typeof signal);
        } catch (error) {
          // Once, at once: a keep-alive connection the server closed just as it was reused
          // (ECONNRESET) fails before the request is read. Anything else is the outbox's to retry.
          if (attempt > 1 || !(error instanceof HttpError) || combined?.aborted || options.stopSignal?.aborted)
            throw error;
          await pause(SEND_RETRY_DELAY_MS, [outer, options.stopSignal]);
        } finally {
          timeout?.clear();
        }
      }
    }
    const stop = [signal as unknown as AbortSignal | undefined, options.stopSignal];
    const tries = UNTIL_ANSWERED.has(method) ? Infinity : retries + 1;
    for (let attempt = 1; ; attempt++) {
      let result: Awaited<ReturnType<typeof prev>>;
      try {
        result = await prev(method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || signal?.aborted || options.stopSignal?.aborted || attempt >= tries)
          throw error;
        options.onFailure?.(error);
        await pause(retryDelayMs(attempt), stop);
        continue;
      }
      if (result.ok || attempt >= tries) return result;
      const retryAfterS = result.parameters?.retry_after;
      if (retryAfterS === undefined && result.error_code < 500) return result;
      if (retryAfterS === undefined) options.onFailure?.(new Error(`${result.error_code} ${result.description}`));
      await pause(retryAfterS !== undefined ? retryAfterS * 1000 : retryDelayMs(attempt), stop);
    }
  };
}
