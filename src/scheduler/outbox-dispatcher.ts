import type { Translations } from "../core/bot.js";
import { formatDateTime } from "../core/format.js";
import { loadCalendar } from "../core/plans/tasks.js";
import {
  type Clock,
  type Logger,
  type Messenger,
  type OutboxInput,
  type OutboxRecord,
  SendError,
} from "../core/ports.js";
import { usefulUntil } from "../core/reminders/useful-life.js";
import type { Repositories } from "../core/repositories.js";
import type { Channel } from "../core/types.js";
import { createAdminAlerts } from "./admin-alerts.js";

export interface DispatcherOptions {
  repos: Repositories;
  messenger: Messenger;
  clock: Clock;
  logger: Logger;
  translations: Translations;
  defaultLanguage: string;
  timezone: string;
  /** Admins configured by id: alerted too, even before the database knows them as admins. */
  initialAdmins?: { channel: Channel; userId: string }[];
  /** Messages sent at the same time; each is one that a crash could repeat. */
  concurrency?: number;
  /** True for errors that mean storage is failing (disk full…): the work is tried again later. */
  isStorageFault?(error: unknown): boolean;
  onStorageFault?(error: unknown): void;
}

const BASE_BACKOFF_MS = 2_000;
/**
 * The longest wait between two tries of a message, and between two probes of a platform that does
 * not answer: once it answers again, sending resumes within this time (or at once, see `resume`).
 */
export const MAX_BACKOFF_MS = 30_000;
/** After a failed drain (storage fault), try again this soon. */
const RETRY_DRAIN_MS = 5_000;
/** Lines in the "not delivered" alert before "and N more". */
const MAX_UNDELIVERED_LINES = 20;

/** Exponential backoff with jitter: attempt 1 → 1–2 s, 2 → 2–4 s, … capped at 15–30 s. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const asSendError = (error: unknown): SendError =>
  error instanceof SendError ? error : new SendError("transient", String(error));

/**
 * Sends outbox rows. A row is claimed ("sending", atomically) before the platform call and marked
 * "sent" after it, so a crash can repeat at most the rows in flight at that moment (at most
 * `concurrency`) and never lose one: rows left in "sending" go back to "pending" at start.
 * 429/5xx/timeouts are retried with backoff (at most {@link MAX_BACKOFF_MS} apart) until the
 * message's useful life ends (see {@link usefulUntil}); then it is marked failed and the admins get
 * one list of what was not delivered. While a platform does not answer (5xx, refused, timeouts),
 * its channel is held: nothing more is claimed for it until a probe is due (backoff, at most 30 s)
 * or `resume` says it answers again, so an outage costs one try per probe, not one per row.
 * Answers to incoming messages come through `deliver`: sent at once, or kept here when that fails.
 * A storage fault never stops it for good: outcomes it could not record are kept in
 * memory and written first on the next drain, and a failed drain is retried within seconds.
 * @example const d = createOutboxDispatcher(opts); await d.recover(); await d.drain();
 */
export function createOutboxDispatcher(options: DispatcherOptions) {
  const { repos, messenger, clock, logger } = options;
  const concurrency = options.concurrency ?? 8;
  const isStorageFault = options.isStorageFault ?? (() => false);
  const alerts = createAdminAlerts({ ...options, initialAdmins: options.initialAdmins ?? [] });
  let running: Promise<number> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  /** When the timer fires, in the clock's time. */
  let timerAt = Infinity;
  let stopped = false;
  let recovered: Promise<number> | undefined;
  /**
   * The latest instant a timer was set for and reached. Real time drives the timers and the clock
   * decides what is due, so with a clock that lags real time (a test's clock moved by hand) what
   * was due when the timer fired is due all the same: `current()` never goes back before it.
   */
  let reached = 0;
  const current = () => Math.max(clock.now().getTime(), reached);
  /** Channels that did not answer: held until `until` (the clock's time), `failures` in a row. */
  const holds = new Map<Channel, { until: number; failures: number }>();
  const stopping = new AbortController();
  const stopSignal = new Promise<void>((resolve) =>
    stopping.signal.addEventListener("abort", () => resolve(), { once: true }),
  );
  /** Rows being sent now, by id. */
  const inFlight = new Map<number, Promise<void>>();
  /** Outcomes of sends whose write failed (storage fault): written before anything else is claimed. */
  const unrecorded: (() => Promise<void>)[] = [];
  /** Rows given up on since the last alert. */
  let undelivered: OutboxRecord[] = [];

  const heldChannels = (): Channel[] => {
    const now = current();
    return [...holds].filter(([, h]) => h.until > now).map(([channel]) => channel);
  };

  /** The platform did not answer: hold its channel until the next probe (backoff, at most 30 s). */
  function hold(channel: Channel): void {
    const failures = (holds.get(channel)?.failures ?? 0) + 1;
    holds.set(channel, { until: current() + backoffMs(failures), failures });
  }

  /** Names the chat as admins know it: a group by its title, a private chat by its person, never a raw id. */
  async function alertAdmins(row: OutboxRecord, reason: string): Promise<void> {
    const chat = await repos.chats.find(row.channel, row.chatId);
    // An answer to someone the bot does not know (a stranger who blocked it) is nothing for the admins.
    if (!chat && row.kind === "reply") return;
    const unit = chat?.unitId ? await repos.units.findById(chat.unitId) : null;
    const person = chat?.chatType === "private" ? await repos.people.find(row.channel, row.chatId) : null;
    const variant = chat?.role === "rollup" ? "rollup" : chat?.chatType === "private" ? "private" : "group";
    await alerts.queue(
      `alert:unreachable:${row.channel}:${row.chatId}`,
      (t) =>
        t(`reminders:unreachable_alert_${variant}`, {
          chat: chat?.title || t("reminders:untitled_group"),
          person: person?.displayName || (person?.username ? `@${person.username}` : t("reminders:unknown_person")),
          unit: unit?.name ?? "—",
          reason,
        }),
      (admin) => admin.channel === row.channel,
    );
  }

  /** One message per admin listing what was given up (alerts themselves are not listed: no loops). */
  async function reportUndelivered(): Promise<void> {
    const rows = undelivered.filter((r) => r.kind !== "alert");
    undelivered = [];
    if (!rows.length) return;
    const t = options.translations.t(options.defaultLanguage);
    const lines: string[] = [];
    for (const row of rows.slice(0, MAX_UNDELIVERED_LINES)) {
      const chat = await repos.chats.find(row.channel, row.chatId);
      const unit = chat?.unitId ? await repos.units.findById(chat.unitId) : null;
      const kind = t(`system:kind_${["before", "due_day"].includes(row.kind) ? "reminder" : row.kind}`, {
        defaultValue: t("system:kind_other"),
      });
      const target = unit
        ? t("system:target_unit", { unit: unit.name, chat: chat?.title ?? row.chatId })
        : t("system:target_chat", { chat: chat?.title ?? row.chatId });
      lines.push(
        t("system:undelivered_line", {
          kind,
          target,
          at: formatDateTime(row.notBefore, options.timezone),
          error: row.lastError ?? "—",
        }),
      );
    }
    if (rows.length > MAX_UNDELIVERED_LINES)
      lines.push(t("system:undelivered_more", { count: rows.length - MAX_UNDELIVERED_LINES }));
    const text = [t("system:undelivered_title", { count: rows.length }), ...lines, t("system:undelivered_hint")].join(
      "\n",
    );
    const batch = `${rows[0].id}-${rows[rows.length - 1].id}-${rows.length}`;
    await alerts.queue(`alert:undelivered:${batch}`, () => text);
    logger.error(
      { count: rows.length, ids: rows.map((r) => r.id).slice(0, 100) },
      "outbox messages not delivered within their useful life",
    );
  }

  /** Runs a write; on a storage fault keeps it for the next drain instead of losing the outcome. */
  async function record(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!isStorageFault(error)) throw error;
      options.onStorageFault?.(error);
      unrecorded.push(write);
    }
  }

  async function sendOne(row: OutboxRecord, calendar: () => ReturnType<typeof loadCalendar>): Promise<void> {
    let messageId: string;
    try {
      ({ messageId } = await messenger.send({ channel: row.channel, chatId: row.chatId }, row.message));
      holds.delete(row.channel);
    } catch (error) {
      const failure = asSendError(error);
      if (failure.failure === "transient") hold(row.channel);
      if (failure.failure === "unreachable") {
        await record(() => repos.outbox.markFailed(row.id, failure.message));
        await repos.chats.setStatus(row.channel, row.chatId, "unreachable", failure.message);
        if (row.kind !== "alert") await alertAdmins(row, failure.message);
        logger.warn({ chatId: row.chatId, reason: failure.message }, "chat unreachable");
        return;
      }
      if (failure.failure === "bad_request") {
        await record(() => repos.outbox.markFailed(row.id, failure.message));
        logger.error({ id: row.id, reason: failure.message }, "outbox message refused by the platform");
        return;
      }
      const now = current();
      const until = usefulUntil(row, await calendar(), options.timezone).getTime();
      if (now >= until) {
        await record(() => repos.outbox.markFailed(row.id, failure.message));
        undelivered.push({ ...row, lastError: failure.message });
        return;
      }
      // The last try falls inside the useful life.
      const at = new Date(Math.min(now + (failure.retryAfterMs ?? backoffMs(row.attempts + 1)), until));
      await record(() => repos.outbox.retryLater(row.id, at, failure.message));
      return;
    }
    await record(() => repos.outbox.markSent(row.id, messageId, new Date(current())));
  }

  /** Sends everything due now; resolves with the number of rows handled. */
  async function drainOnce(): Promise<number> {
    while (unrecorded.length) {
      await unrecorded[0]();
      unrecorded.shift();
    }
    let handled = 0;
    let calendar: ReturnType<typeof loadCalendar> | undefined;
    const loadOnce = () => (calendar ??= loadCalendar(repos));
    for (;;) {
      if (stopped) break;
      const free = concurrency - inFlight.size;
      const rows = free > 0 ? await repos.outbox.claimDue(new Date(current()), free, heldChannels()) : [];
      for (const row of rows) {
        const p = sendOne(row, loadOnce)
          .catch((error) => {
            logger.error({ err: error, id: row.id }, "outbox send bookkeeping failed");
            if (isStorageFault(error)) options.onStorageFault?.(error);
          })
          .finally(() => inFlight.delete(row.id));
        inFlight.set(row.id, p);
        handled++;
      }
      if (!inFlight.size) break;
      await Promise.race([...inFlight.values(), stopSignal]);
    }
    await Promise.race([Promise.all(inFlight.values()), stopSignal]);
    await reportUndelivered();
    return handled;
  }

  function setTimer(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    const at = current() + ms;
    timerAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      timerAt = Infinity;
      reached = Math.max(reached, at);
      void dispatcher.drain();
    }, ms);
    timer.unref?.();
  }

  async function schedule(): Promise<void> {
    if (stopped) return;
    if (unrecorded.length) return setTimer(RETRY_DRAIN_MS);
    const held = heldChannels();
    const due = await repos.outbox.nextAttemptAt(held);
    // A held channel is probed again when its hold ends (its rows may be due long before).
    const probes = held.map((channel) => holds.get(channel)!.until);
    const next = Math.min(due?.getTime() ?? Infinity, ...probes);
    if (timer) clearTimeout(timer);
    timer = undefined;
    timerAt = Infinity;
    if (next === Infinity) return;
    // Real time drives the timer; the clock decides what is due (tests move it by hand).
    setTimer(Math.min(Math.max(0, next - current()), 60_000));
  }

  const dispatcher = {
    /**
     * Rows a crash left in "sending" go back to pending. Runs once (later calls wait for the first):
     * call it at start before anything can send, or a row claimed meanwhile would be claimed twice.
     */
    recover(): Promise<number> {
      recovered ??= repos.outbox.recoverInFlight();
      return recovered;
    },
    /**
     * An answer to an incoming message: sent at once, unless its platform is known not to answer;
     * when that send fails (or is not tried), the answer is kept in the outbox under its dedupe key
     * and sent like any queued message, retried until its useful life ends. Never throws for a send
     * failure (only when the answer could not be stored). Resolves with the platform's message id,
     * or "" when the answer was kept for later.
     */
    async deliver(input: OutboxInput): Promise<{ messageId: string }> {
      if (!heldChannels().includes(input.channel)) {
        try {
          const sent = await messenger.send({ channel: input.channel, chatId: input.chatId }, input.message);
          holds.delete(input.channel);
          return sent;
        } catch (error) {
          const failure = asSendError(error);
          if (failure.failure === "transient") hold(input.channel);
          logger.warn(
            { chatId: input.chatId, key: input.dedupeKey, reason: failure.message },
            "answer not sent now; kept in the outbox",
          );
        }
      }
      await repos.outbox.enqueue(input);
      dispatcher.wakeAt(input.notBefore);
      return { messageId: "" };
    },
    /** A row was queued for `at`: the timer fires then at the latest (no database read). */
    wakeAt(at: Date): void {
      if (stopped || at.getTime() >= timerAt) return;
      setTimer(Math.min(Math.max(0, at.getTime() - current()), 60_000));
    },
    /** The platform answers again (its poll worked): the hold ends and waiting messages go now. */
    resume(channel: Channel): void {
      if (!holds.delete(channel)) return;
      void dispatcher.drain();
    },
    /** Channels held now because their platform did not answer. */
    held: heldChannels,
    /** Sends everything due now, then sets a timer for the next due row. Safe to call any time. */
    drain(): Promise<number> {
      if (stopped) return Promise.resolve(0);
      if (running) {
        // The loop below looks at `again` once more before it ends, in the same turn that clears
        // `running`: a call that finds it set is always served by it.
        again = true;
        return running;
      }
      running = (async () => {
        let total = 0;
        try {
          do {
            again = false;
            total += await drainOnce();
          } while (again && !stopped);
        } catch (error) {
          logger.error({ err: error }, "outbox drain failed");
          if (isStorageFault(error)) options.onStorageFault?.(error);
          setTimer(RETRY_DRAIN_MS);
        } finally {
          running = undefined;
        }
        await schedule().catch((error) => {
          logger.error({ err: error }, "outbox timer failed");
          setTimer(RETRY_DRAIN_MS);
        });
        return total;
      })();
      return running;
    },
    /** Rows being sent right now. */
    inFlight: () => inFlight.size,
    /**
     * Claims nothing more; waits up to `deadlineMs` for sends in flight, then puts the unfinished
     * ones back to pending (sent again at the next start; one that did reach the chat is repeated).
     */
    async stop(deadlineMs = 10_000): Promise<void> {
      stopped = true;
      stopping.abort();
      if (timer) clearTimeout(timer);
      timerAt = Infinity;
      let deadline: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(inFlight.values()),
        new Promise((resolve) => (deadline = setTimeout(resolve, deadlineMs))),
      ]);
      clearTimeout(deadline);
      while (unrecorded.length) {
        await unrecorded.shift()!().catch((error) =>
          logger.error({ err: error }, "outbox: an outcome could not be recorded before stopping"),
        );
      }
      if (inFlight.size) {
        const ids = [...inFlight.keys()];
        const released = await repos.outbox.release(ids).catch((error) => {
          logger.error(
            { err: error },
            "outbox: rows in flight could not be released; they are sent again at the next start",
          );
          return 0;
        });
        logger.warn({ released, ids }, "outbox: stopped with sends in flight; released them for the next start");
      }
    },
  };
  return dispatcher;
}

export type OutboxDispatcher = ReturnType<typeof createOutboxDispatcher>;
