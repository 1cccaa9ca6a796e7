/**
 * Spaces sends to stay under a platform's limits: an overall rate, a per-chat rate, and a slower
 * rate for groups. Each call reserves the earliest slot that satisfies all three and waits for it,
 * so concurrent senders share one budget without busy-waiting.
 */
export interface RateLimits {
  globalPerSecond: number;
  perChatPerSecond: number;
  perGroupPerMinute: number;
}

/** Telegram's documented limits, with a little headroom so timer jitter never crosses them. */
export const TELEGRAM_LIMITS: RateLimits = { globalPerSecond: 28.5, perChatPerSecond: 1, perGroupPerMinute: 19 };

export interface RateLimiter {
  /** Waits until a message to `chatId` may go out. */
  acquire(chatId: string, isGroup: boolean): Promise<void>;
  /** Pushes every slot back after the platform said "retry after". */
  pause(ms: number): void;
}

/**
 * @example const limiter = createRateLimiter(TELEGRAM_LIMITS); await limiter.acquire("-100123", true);
 */
export function createRateLimiter(limits: RateLimits, now: () => number = Date.now): RateLimiter {
  const globalGap = 1000 / limits.globalPerSecond;
  const chatGap = 1000 / limits.perChatPerSecond;
  const groupGap = 60_000 / limits.perGroupPerMinute;
  let globalNext = 0;
  const chatNext = new Map<string, number>();
  return {
    async acquire(chatId, isGroup) {
      const t = Math.max(now(), globalNext, chatNext.get(chatId) ?? 0);
      globalNext = t + globalGap;
      chatNext.set(chatId, t + (isGroup ? groupGap : chatGap));
      if (chatNext.size > 50_000) {
        for (const [id, next] of chatNext) if (next < now()) chatNext.delete(id);
      }
      const wait = t - now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    },
    pause(ms) {
      globalNext = Math.max(globalNext, now() + ms);
    },
  };
}
