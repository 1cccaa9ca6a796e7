import type { Logger } from "../core/ports.js";

const WARN_EVERY_MS = 60_000;

/**
 * Tracks whether a platform answers. While it does not, a warning is logged once a minute (not
 * once per failed call), with how long it has been down; recovery is logged once.
 * @example const reach = createReachability("telegram", logger); reach.failed(err); reach.ok();
 */
export function createReachability(channel: string, logger: Logger, now: () => number = Date.now) {
  let downSince: number | undefined;
  let lastWarn = -Infinity;
  let lastError = "";
  return {
    ok(): void {
      if (downSince === undefined) return;
      logger.info({ channel, downForS: Math.round((now() - downSince) / 1000) }, `${channel} reachable again`);
      downSince = undefined;
      lastWarn = -Infinity;
    },
    failed(error: unknown): void {
      const t = now();
      lastError = error instanceof Error ? error.message : String(error);
      downSince ??= t;
      if (t - lastWarn < WARN_EVERY_MS) return;
      lastWarn = t;
      logger.warn({ channel, downForS: Math.round((t - downSince) / 1000), error: lastError }, `${channel} unreachable`);
    },
    /** Since when the platform has not answered, if it is down. */
    downSince: (): number | undefined => downSince,
  };
}

export type Reachability = ReturnType<typeof createReachability>;
