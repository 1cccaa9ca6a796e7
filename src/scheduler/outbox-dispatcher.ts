import { SendError, type Clock, type Logger, type Messenger, type OutboxRecord } from "../core/ports.js";
import type { Repositories } from "../core/repositories.js";
import type { Translations } from "../core/bot.js";
import { formatDateTime } from "../core/format.js";
import { loadCalendar } from "../core/plans/tasks.js";
import { usefulUntil } from "../core/reminders/useful-life.js";

export interface DispatcherOptions {
  repos: Repositories;
  messenger: Messenger;
  clock: Clock;
  logger: Logger;
  translations: Translations;
  defaultLanguage: string;
  timezone: string;
  /** Messages sent at the same time; each is one that a crash could repeat. */
  concurrency?: number;
  /** True for errors that mean storage is failing (disk full…): the work is tried again later. */
  isStorageFault?(error: unknown): boolean;
  onStorageFault?(error: unknown): void;
}

const BASE_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 10 * 60_000;
/** After a failed drain (storage fault), try again this soon. */
const RETRY_DRAIN_MS = 5_000;
/** Lines in the "not delivered" alert before "and N more". */
const MAX_UNDELIVERED_LINES = 20;

/** Exponential backoff with full jitter: attempt 1 → up to 2 s, 2 → 4 s, … capped at 10 min. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Sends outbox rows. A row is claimed ("sending", atomically) before the platform call and marked
 * "sent" after it, so a crash can repeat at most the rows in flight at that moment (at most
 * `concurrency`) and never lose one: rows left in "sending" go back to "pending" at start.
 * 429/5xx/timeouts are retried with backoff until the message's useful life ends (see
 * {@link usefulUntil}); then it is marked failed and the admins get one list of what was not
 * delivered. A storage fault never stops it for good: outcomes it could not record are kept in
 * memory and written first on the next drain, and a failed drain is retried within seconds.
 * @example const d = createOutboxDispatcher(opts); await d.recover(); await d.drain();
 */
export function createOutboxDispatcher(options: DispatcherOptions) {
  const { repos, messenger, clock, logger } = options;
  const concurrency = options.concurrency ?? 8;
  const isStorageFault = options.isStorageFault ?? (() => false);
  let running: Promise<number> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const stopping = new AbortController();
  const stopSignal = new Promise<void>((resolve) => stopping.signal.addEventListener("abort", () => resolve(), { once: true }));
  /** Rows being sent now, by id. */
  const inFlight = new Map<number, Promise<void>>();
  /** Outcomes of sends whose write failed (storage fault): written before anything else is claimed. */
  const unrecorded: (() => Promise<void>)[] = [];
  /** Rows given up on since the last alert. */
  let undelivered: OutboxRecord[] = [];

  /** Names the chat as admins know it: a group by its title, a private chat by its person, never a raw id. */
  async function alertAdmins(row: OutboxRecord, reason: string): Promise<void> {
    const chat = await repos.chats.find(row.channel, row.chatId);
    const unit = chat?.unitId ? await repos.units.findById(chat.unitId) : null;
    const person = chat?.chatType === "private" ? await repos.people.find(row.channel, row.chatId) : null;
    const variant = chat?.role === "rollup" ? "rollup" : chat?.chatType === "private" ? "private" : "group";
    for (const admin of await repos.people.listByRole("admin")) {
      if (admin.channel !== row.channel) continue;
      const t = options.translations.t(admin.language ?? options.defaultLanguage);
      const text = t(`reminders:unreachable_alert_${variant}`, {
        chat: chat?.title || t("reminders:untitled_group"),
        person: person?.displayName || (person?.username ? `@${person.username}` : t("reminders:unknown_person")),
        unit: unit?.name ?? "—",
        reason,
      });
      await repos.outbox.enqueue({ dedupeKey: `alert:unreachable:${row.channel}:${row.chatId}:${admin.userId}`, channel: admin.channel, chatId: admin.userId, kind: "alert", message: { type: "text", text }, notBefore: clock.now() });
    }
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
      const kind = t(`system:kind_${["before", "due_day"].includes(row.kind) ? "reminder" : row.kind}`, { defaultValue: t("system:kind_other") });
      const target = unit ? t("system:target_unit", { unit: unit.name, chat: chat?.title ?? row.chatId }) : t("system:target_chat", { chat: chat?.title ?? row.chatId });
      lines.push(t("system:undelivered_line", { kind, target, at: formatDateTime(row.notBefore, options.timezone), error: row.lastError ?? "—" }));
    }
    if (rows.length > MAX_UNDELIVERED_LINES) lines.push(t("system:undelivered_more", { count: rows.length - MAX_UNDELIVERED_LINES }));
    const text = [t("system:undelivered_title", { count: rows.length }), ...lines, t("system:undelivered_hint")].join("\n");
    const batch = `${rows[0].id}-${rows[rows.length - 1].id}-${rows.length}`;
    for (const admin of await repos.people.listByRole("admin")) {
      await repos.outbox.enqueue({ dedupeKey: `alert:undelivered:${batch}:${admin.channel}:${admin.userId}`, channel: admin.channel, chatId: admin.userId, kind: "alert", message: { type: "text", text }, notBefore: clock.now() });
    }
    logger.error({ count: rows.length, ids: rows.map((r) => r.id).slice(0, 100) }, "outbox messages not delivered within their useful life");
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
    } catch (error) {
      const failure = error instanceof SendError ? error : new SendError("transient", String(error));
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
      const now = clock.now().getTime();
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
    await record(() => repos.outbox.markSent(row.id, messageId, clock.now()));
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
      const rows = free > 0 ? await repos.outbox.claimDue(clock.now(), free) : [];
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
    timer = setTimeout(() => void dispatcher.drain(), ms);
    timer.unref?.();
  }

  async function schedule(): Promise<void> {
    if (stopped) return;
    if (unrecorded.length) return setTimer(RETRY_DRAIN_MS);
    const next = await repos.outbox.nextAttemptAt();
    if (timer) clearTimeout(timer);
    if (!next) return;
    // Real time drives the timer; the clock decides what is due (tests move it by hand).
    setTimer(Math.min(Math.max(0, next.getTime() - clock.now().getTime()), 60_000));
  }

  const dispatcher = {
    /** Rows a crash left in "sending" go back to pending. Call once at start (one instance holds the database). */
    recover: () => repos.outbox.recoverInFlight(),
    /** Sends everything due now, then sets a timer for the next due row. Safe to call any time. */
    async drain(): Promise<number> {
      if (stopped) return 0;
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
        if (isStorageFault(error)) options.onStorageFault?.(error);
        setTimer(RETRY_DRAIN_MS);
        return 0;
      } finally {
        running = undefined;
        await schedule().catch((error) => {
          logger.error({ err: error }, "outbox timer failed");
          setTimer(RETRY_DRAIN_MS);
        });
      }
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
      let deadline: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(inFlight.values()), new Promise((resolve) => (deadline = setTimeout(resolve, deadlineMs)))]);
      clearTimeout(deadline);
      while (unrecorded.length) {
        await unrecorded
          .shift()!()
          .catch((error) => logger.error({ err: error }, "outbox: an outcome could not be recorded before stopping"));
      }
      if (inFlight.size) {
        const ids = [...inFlight.keys()];
        const released = await repos.outbox.release(ids).catch((error) => {
          logger.error({ err: error }, "outbox: rows in flight could not be released; they are sent again at the next start");
          return 0;
        });
        logger.warn({ released, ids }, "outbox: stopped with sends in flight; released them for the next start");
      }
    },
  };
  return dispatcher;
}

export type OutboxDispatcher = ReturnType<typeof createOutboxDispatcher>;
