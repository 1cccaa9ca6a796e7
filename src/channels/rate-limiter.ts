/**
 * Spaces sends to stay under a platform's limits: an overall rate, a per-chat rate, and a slower
 * rate for groups. Senders wait in one queue; a send is released when the overall gap has passed
 * and its chat is ready, so a chat that must wait never holds up the others. When the platform
 * answers 429 the limiter learns: nothing is released until the retry_after expires, and the
 * budget that was overrun drops to just under what the platform accepted, climbing back slowly
 * while no 429 comes.
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
  /**
   * The platform answered 429 to a message to `chatId`: nothing is released for `retryAfterMs`
   * (once for all waiting senders), and the overrun budget is lowered.
   */
  rateLimited(chatId: string, isGroup: boolean, retryAfterMs: number): void;
  /** The budgets in force now (the configured ones, lowered after 429s). */
  current(): RateLimits;
}

/** A lowered budget is set to this share of what the platform accepted in the window… */
const UNDER_ACCEPTED = 0.95;
/**
 * …but the overall budget loses at most half to one 429 (it may not be about our pace at all) and
 * never drops below a fifth (a 429 storm cannot stop sending). A chat's budget needs no such guard:
 * its window held exactly `accepted` (≥ 1) sends before the refused one.
 */
const MAX_OVERALL_CUT = 0.5;
const OVERALL_FLOOR = 0.2;
/** Each quiet period (no 429) gives back this share of the configured budget. */
const RECOVERY_STEP = 0.05;
/** The quiet period: a minute, so a probe above the platform's limit costs one hold a minute at most. */
export const RECOVERY_PERIOD_MS = 60_000;

/** One budget (sends per window) that 429s lower and quiet periods restore. */
function createBudget(configured: number, windowMs: number, guarded = false) {
  let lowered = configured;
  let since = 0;
  const after = (steps: number) => Math.min(configured, lowered + steps * RECOVERY_STEP * configured);
  const stepsAt = (now: number) => Math.floor((now - since) / RECOVERY_PERIOD_MS);
  const current = (now: number) => after(stepsAt(now));
  return {
    windowMs,
    current,
    gapMs: (now: number) => windowMs / current(now),
    /** `accepted`: sends the platform took in the window before the refused one. */
    lower(accepted: number, now: number) {
      const was = current(now);
      let learnt = Math.min(was, accepted) * UNDER_ACCEPTED;
      // Refused after climbing back: the pace one step down went a whole period without a 429.
      if (lowered < configured && stepsAt(now) >= 1) learnt = Math.max(learnt, after(stepsAt(now) - 1));
      lowered = guarded ? Math.max(OVERALL_FLOOR * configured, (1 - MAX_OVERALL_CUT) * was, learnt) : learnt;
      since = now;
    },
  };
}

interface Waiter {
  chatId: string;
  isGroup: boolean;
  release: () => void;
}

/** Forget chats quiet for longer than the longest window once this many are remembered. */
const CHAT_MEMORY = 10_000;

/**
 * @example const limiter = createRateLimiter(TELEGRAM_LIMITS); await limiter.acquire("-100123", true);
 */
export function createRateLimiter(limits: RateLimits, now: () => number = Date.now): RateLimiter {
  const global = createBudget(limits.globalPerSecond, 1000, true);
  const chat = createBudget(limits.perChatPerSecond, 1000);
  const group = createBudget(limits.perGroupPerMinute, 60_000);
  const waiters: Waiter[] = [];
  /** Release times in the last two seconds (all chats), and per chat within its window. */
  const recent: number[] = [];
  const recentByChat = new Map<string, number[]>();
  let globalNext = 0;
  let heldUntil = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const budgetOf = (isGroup: boolean) => (isGroup ? group : chat);

  function chatReadyAt(w: Waiter, t: number): number {
    const last = recentByChat.get(w.chatId)?.at(-1);
    return last === undefined ? 0 : last + budgetOf(w.isGroup).gapMs(t);
  }

  function release(index: number, t: number): void {
    const [w] = waiters.splice(index, 1);
    const gap = global.gapMs(t);
    // A timer that fired a little late keeps the schedule (up to half a gap), so lateness does not
    // cost throughput; a longer stall restarts it from now instead of bursting to catch up.
    globalNext = (t - globalNext > gap / 2 ? t : globalNext) + gap;
    recent.push(t);
    while (recent[0] <= t - 2000) recent.shift();
    const times = (recentByChat.get(w.chatId) ?? []).filter((at) => at > t - budgetOf(w.isGroup).windowMs);
    times.push(t);
    recentByChat.set(w.chatId, times);
    if (recentByChat.size > CHAT_MEMORY) {
      for (const [id, list] of recentByChat) if (list.at(-1)! <= t - group.windowMs) recentByChat.delete(id);
    }
    w.release();
  }

  /** Releases every sender that may go now, then sleeps until the next one may. */
  function pump(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    while (waiters.length) {
      const t = now();
      const gate = Math.max(globalNext, heldUntil);
      let soonest = Infinity;
      let ready = -1;
      for (let i = 0; i < waiters.length && ready < 0; i++) {
        const at = chatReadyAt(waiters[i], t);
        if (at <= t) ready = i;
        else soonest = Math.min(soonest, at);
      }
      const next = ready >= 0 ? gate : Math.max(gate, soonest);
      if (next > t) {
        timer = setTimeout(pump, Math.ceil(next - t));
        return;
      }
      release(ready, t);
    }
  }

  return {
    acquire(chatId, isGroup) {
      return new Promise<void>((resolve) => {
        waiters.push({ chatId, isGroup, release: resolve });
        pump();
      });
    },
    rateLimited(chatId, isGroup, retryAfterMs) {
      const t = now();
      // 429s for sends already in flight when the first one came say nothing new: one lowering per hold.
      if (t >= heldUntil) {
        const budget = budgetOf(isGroup);
        const toChat = recentByChat.get(chatId) ?? [];
        // The refused send is the chat's latest; what the platform took is what went in the window before it.
        const sentAt = toChat.at(-1) ?? t;
        const before = (times: number[], windowMs: number) =>
          times.filter((at) => at >= sentAt - windowMs && at < sentAt).length;
        const toChatBefore = before(toChat, budget.windowMs);
        // Another send to this chat in its window: the chat's limit was overrun, else the overall one.
        if (toChatBefore > 0) budget.lower(toChatBefore, t);
        else global.lower(before(recent, 1000), t);
      }
      heldUntil = Math.max(heldUntil, t + retryAfterMs);
      pump();
    },
    current() {
      const t = now();
      return {
        globalPerSecond: global.current(t),
        perChatPerSecond: chat.current(t),
        perGroupPerMinute: group.current(t),
      };
    },
  };
}
