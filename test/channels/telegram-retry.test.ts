import { HttpError } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTelegramRetry, MAX_RETRY_DELAY_MS, retryDelayMs } from "../../src/channels/telegram/telegram-retry.js";

type Result = {
  ok: boolean;
  error_code?: number;
  description?: string;
  result?: unknown;
  parameters?: { retry_after?: number };
};

/** A Bot API call that answers from a script (an Error is thrown), counting calls. */
function scripted(answers: (Result | Error)[]) {
  const calls: string[] = [];
  const prev = async (method: string) => {
    calls.push(method);
    const next = answers.length > 1 ? answers.shift()! : answers[0];
    if (next instanceof Error) throw next;
    return next;
  };
  return { calls, prev: prev as never };
}

const refused = () => new HttpError("Network request for 'x' failed!", new Error("connect ECONNREFUSED 127.0.0.1:443"));
const ok: Result = { ok: true, result: true };

afterEach(() => void vi.useRealTimers());

async function run(
  method: string,
  answers: (Result | Error)[],
  options: Parameters<typeof createTelegramRetry>[0] = {},
) {
  vi.useFakeTimers();
  const call = scripted(answers);
  const transformer = createTelegramRetry(options);
  const outcome = transformer(call.prev, method as never, {} as never).then(
    (r) => ({ result: r as Result }),
    (e: unknown) => ({ error: e }),
  );
  await vi.runAllTimersAsync();
  return { ...(await outcome), calls: call.calls.length };
}

describe("Bot API retries (bounded, instead of auto-retry)", () => {
  it("never retries getUpdates: the poll loop waits and logs the outage", async () => {
    const r = await run("getUpdates", [refused()]);
    expect(r.calls).toBe(1);
    expect(r).toHaveProperty("error");
  });

  it("tries a send once (once more at once after a network error): 5xx and outages go back to the caller (the outbox retries), 429 to the limiter", async () => {
    expect(
      await run("sendMessage", [{ ok: false, error_code: 500, description: "Internal Server Error" }]),
    ).toMatchObject({ calls: 1, result: { error_code: 500 } });
    expect(await run("sendMessage", [{ ok: false, error_code: 429, parameters: { retry_after: 30 } }])).toMatchObject({
      calls: 1,
      result: { error_code: 429 },
    });
    // A reused keep-alive connection reset by the server: the second try goes through.
    expect(await run("sendMessage", [refused(), ok])).toMatchObject({ calls: 2, result: ok });
    const down = await run("sendPhoto", [refused()]);
    expect(down.calls).toBe(2);
    expect(down).toHaveProperty("error");
  });

  it("retries start-up calls until Telegram answers, and other calls (getFile) three more times", async () => {
    const failures = [];
    const seen: unknown[] = [];
    for (let i = 0; i < 40; i++) failures.push(refused());
    expect(await run("getMe", [...failures, ok], { onFailure: (e) => seen.push(e) })).toMatchObject({
      calls: 41,
      result: ok,
    });
    expect(seen).toHaveLength(40);
    expect(await run("getFile", [refused(), { ok: false, error_code: 502 }, refused(), refused(), ok])).toMatchObject({
      calls: 4,
    });
    expect(
      await run("getFile", [{ ok: false, error_code: 400, description: "Bad Request: wrong file_id" }]),
    ).toMatchObject({ calls: 1 });
  });

  it("waits at most 25 s between two tries, so the bot is back within 30 s of Telegram", () => {
    expect(retryDelayMs(1, () => 1)).toBe(500);
    expect(retryDelayMs(3, () => 1)).toBe(2_000);
    for (let attempt = 1; attempt < 100; attempt++)
      expect(retryDelayMs(attempt)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
    expect(MAX_RETRY_DELAY_MS).toBe(25_000);
  });

  it("gives a text send 30 s (its signal aborts then, or with the caller's), and clears that timer once answered", async () => {
    vi.useFakeTimers();
    const transformer = createTelegramRetry();
    type Listener = () => void;
    type Seen = { aborted: boolean; addEventListener(t: string, l: Listener): void };
    // A call that hangs until its signal aborts, as grammY's client does.
    const hanging = (async (_m: string, _p: unknown, signal: Seen) =>
      new Promise((_, reject) =>
        signal.addEventListener("abort", () => reject(new HttpError("aborted", new Error("aborted")))),
      )) as never;
    const slow = transformer(hanging, "sendMessage" as never, {} as never).catch((e: Error) => e);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    // Aborted by its deadline: not tried again (the outbox retries it).
    expect(await slow).toBeInstanceOf(HttpError);
    expect(vi.getTimerCount()).toBe(0);
    const caller = new AbortController();
    const stopped = transformer(hanging, "sendMessage" as never, {} as never, caller.signal as never).catch(
      (e: Error) => e,
    );
    caller.abort();
    expect(await stopped).toBeInstanceOf(HttpError);
    expect(vi.getTimerCount()).toBe(0);
    let seen: Seen | undefined;
    const answered = async (_m: string, _p: unknown, signal: Seen) => {
      seen = signal;
      return ok;
    };
    expect(await transformer(answered as never, "sendMessage" as never, {} as never)).toEqual(ok);
    expect(seen?.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops waiting when the bot stops", async () => {
    const stop = new AbortController();
    vi.useFakeTimers();
    const call = scripted([refused()]);
    const pending = createTelegramRetry({ stopSignal: stop.signal })(call.prev, "getMe" as never, {} as never).catch(
      (e: Error) => e,
    );
    await vi.advanceTimersByTimeAsync(10_000);
    stop.abort();
    expect(await pending).toMatchObject({ message: "stopped while waiting to retry" });
  });
});
