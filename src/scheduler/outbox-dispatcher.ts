import { SendError, type Clock, type Logger, type Messenger, type OutboxRecord } from "../core/ports.js";
import type { Repositories } from "../core/repositories.js";
import type { Translations } from "../core/bot.js";

export interface DispatcherOptions {
  repos: Repositories;
  messenger: Messenger;
  clock: Clock;
  logger: Logger;
  translations: Translations;
  defaultLanguage: string;
  /** Messages sent at the same time; each is one that a crash could repeat. */
  concurrency?: number;
  maxAttempts?: number;
}

const BASE_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 10 * 60_000;

/** Exponential backoff with full jitter: attempt 1 → up to 2 s, 2 → 4 s, … capped at 10 min. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Sends outbox rows. A row is marked "sending" before the platform call and "sent" after it, so a
 * crash can repeat at most the rows in flight at that moment (at most `concurrency`), and can never
 * lose one: rows left in "sending" go back to "pending" at start.
 * @example const d = createOutboxDispatcher(opts); await d.recover(); await d.drain();
 */
export function createOutboxDispatcher(options: DispatcherOptions) {
  const { repos, messenger, clock, logger } = options;
  const concurrency = options.concurrency ?? 8;
  const maxAttempts = options.maxAttempts ?? 8;
  let running: Promise<number> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function alertAdmins(row: OutboxRecord, reason: string): Promise<void> {
    const chat = await repos.chats.find(row.channel, row.chatId);
    const unit = chat?.unitId ? await repos.units.findById(chat.unitId) : null;
    const t = options.translations.t(options.defaultLanguage);
    const text = t("reminders:unreachable_alert", { chat: chat?.title ?? row.chatId, unit: unit?.name ?? "—", reason });
    for (const admin of await repos.people.listByRole("admin")) {
      if (admin.channel !== row.channel) continue;
      await repos.outbox.enqueue({ dedupeKey: `alert:unreachable:${row.channel}:${row.chatId}:${admin.userId}`, channel: admin.channel, chatId: admin.userId, kind: "alert", message: { type: "text", text }, notBefore: clock.now() });
    }
  }

  async function sendOne(row: OutboxRecord): Promise<void> {
    try {
      const { messageId } = await messenger.send({ channel: row.channel, chatId: row.chatId }, row.message);
      await repos.outbox.markSent(row.id, messageId, clock.now());
    } catch (error) {
      const failure = error instanceof SendError ? error : new SendError("transient", String(error));
      const attempts = row.attempts + 1;
      if (failure.failure === "unreachable") {
        await repos.outbox.markFailed(row.id, failure.message);
        await repos.chats.setStatus(row.channel, row.chatId, "unreachable", failure.message);
        if (row.kind !== "alert") await alertAdmins(row, failure.message);
        logger.warn({ chatId: row.chatId, reason: failure.message }, "chat unreachable");
      } else if (failure.failure === "bad_request" || attempts >= maxAttempts) {
        await repos.outbox.markFailed(row.id, failure.message);
        logger.error({ id: row.id, reason: failure.message, attempts }, "outbox message failed");
      } else {
        const wait = failure.retryAfterMs ?? backoffMs(attempts);
        await repos.outbox.retryLater(row.id, new Date(clock.now().getTime() + wait), failure.message);
      }
    }
  }

  /** Sends everything due now; resolves with the number of rows handled. */
  async function drainOnce(): Promise<number> {
    let handled = 0;
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      if (stopped) break;
      const free = concurrency - inFlight.size;
      const rows = free > 0 ? await repos.outbox.claimDue(clock.now(), free) : [];
      for (const row of rows) {
        const p = sendOne(row).finally(() => inFlight.delete(p));
        inFlight.add(p);
        handled++;
      }
      if (!inFlight.size) break;
      await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return handled;
  }

  async function schedule(): Promise<void> {
    if (stopped) return;
    const next = await repos.outbox.nextAttemptAt();
    if (timer) clearTimeout(timer);
    if (!next) return;
    // Real time drives the timer; the clock decides what is due (tests move it by hand).
    const wait = Math.min(Math.max(0, next.getTime() - clock.now().getTime()), 60_000);
    timer = setTimeout(() => void dispatcher.drain(), wait);
    timer.unref?.();
  }

  const dispatcher = {
    /** Rows a crash left in "sending" go back to pending. Call once at start. */
    recover: () => repos.outbox.recoverInFlight(),
    /** Sends everything due now, then sets a timer for the next due row. Safe to call any time. */
    async drain(): Promise<number> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let total = 0;
        do {
          again = false;
          total += await drainOnce();
        } while (again && !stopped);
        return total;
      })();
      try {
        return await running;
      } catch (error) {
        logger.error({ err: error }, "outbox drain failed");
        return 0;
      } finally {
        running = undefined;
        await schedule().catch((error) => logger.error({ err: error }, "outbox timer failed"));
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => 0);
    },
  };
  return dispatcher;
}

export type OutboxDispatcher = ReturnType<typeof createOutboxDispatcher>;
