import type { Logger } from "../core/ports.js";

/** While a platform does not answer, a warning this often (not once per failed call). */
export const WARN_EVERY_MS = 60_000;

/**
 * Tracks whether a platform answers. While it does not, a warning is logged once a minute (not
 * once per failed call), with how long it has been down; recovery is logged once, and the
 * `onRecovered` listeners run (the outbox sends what waited at once instead of at its next probe).
 * @example const reach = createReachability("telegram", logger); reach.failed(err); reach.ok();
 */
export function createReachability(
  channel: string,
  logger: Logger,
  now: () => number = Date.now,
  warnEveryMs = WARN_EVERY_MS,
  /** What is logged: the platform (polls) by default; "telegram sends failing" for sends alone. */
  messages = { down: `${channel} unreachable`, up: `${channel} reachable again` },
) {
  let downSince: number | undefined;
  let lastWarn = -Infinity;
  let lastError = "";
  const listeners: (() => void)[] = [];
  return {
    ok(): void {
      if (downSince === undefined) return;
      logger.info({ channel, downForS: Math.round((now() - downSince) / 1000) }, messages.up);
      downSince = undefined;
      lastWarn = -Infinity;
      for (const listener of listeners) listener();
    },
    failed(error: unknown): void {
      const t = now();
      lastError = error instanceof Error ? error.message : String(error);
      downSince ??= t;
      if (t - lastWarn < warnEveryMs) return;
      lastWarn = t;
      logger.warn({ channel, downForS: Math.round((t - downSince) / 1000), error: lastError }, messages.down);
    },
    /** Since when the platform has not answered, if it is down. */
    downSince: (): number | undefined => downSince,
    /** Runs `listener` each time the platform answers again after failing. */
    onRecovered(listener: () => void): void {
      listeners.push(listener);
    },
  };
}

export type Reachability = ReturnType<typeof createReachability>;
