import type { HandleOptions, HandleOutcome } from "../core/bot.js";
import { type Clock, type Inbox, type Logger, type Messenger, messageSource, type OutboxInput } from "../core/ports.js";
import type { Incoming } from "../core/types.js";
import type { InboxStore, StoredMessage } from "./inbox-store.js";

/** A message whose handling started more than this many times without finishing (it may be what kills the process) is given up. */
export const MAX_INTERRUPTIONS = 5;
/** Handled messages are kept this long to recognise redeliveries. */
const KEEP_DONE_MS = 7 * 86_400_000;
const PRUNE_EVERY_MS = 6 * 3_600_000;
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Where a message's answers go: the outbox (see the dispatcher's `deliver`). An answer is sent at
 * once, or kept under its dedupe key and sent when the platform answers.
 */
export interface AnswerOutbox {
  /** Sends now or keeps the answer for later; never throws for a failed send. Resolves with the platform id, "" when kept. */
  deliver(input: OutboxInput): Promise<{ messageId: string }>;
  /** Dedupe keys of answers kept for later, starting with `prefix` (read when a message is handled again). */
  keptKeys(prefix: string): Promise<string[]>;
}

export interface DurableInboxOptions {
  store: InboxStore;
  /** Runs the core on one message with the messenger its replies must go through. */
  handle(incoming: Incoming, options: HandleOptions): Promise<HandleOutcome>;
  messenger: Messenger;
  /** Makes answers durable; without it a failed send fails the handling (tests of the inbox alone). */
  answers?: AnswerOutbox;
  /**
   * A message given up at start (its handling started more than {@link MAX_INTERRUPTIONS} times and
   * never finished, and no answer to it went out): tell its sender to send it again, and the admins.
   * Runs before it is marked done.
   */
  gaveUp?(row: StoredMessage): Promise<void>;
  clock: Clock;
  logger: Logger;
  isStorageFault(error: unknown): boolean;
  /** Told of every storage fault that held up handling (the message is kept and tried again). */
  onStorageFault?(error: unknown): void;
  /**
   * Tells the sender, once per message, that handling failed: "delayed" (a storage fault: it is
   * kept and handled when storage works) or "failed" (an error in handling; it is not tried again).
   */
  notify?(incoming: Incoming, what: "delayed" | "failed"): Promise<void>;
  /** Chats handled at the same time (SQLite has one writer: a few are enough). */
  concurrency?: number;
  /** Wait before trying a message again after a storage fault (attempt counts from 1). */
  retryDelayMs?(attempt: number): number;
}

/** An answer's dedupe key: the message's identity and the answer's place among its answers. */
export const answerKeyPrefix = (m: Incoming): string => `reply:${messageSource(m)}:`;

/** An {@link Inbox} kept in the database: nothing accepted is lost to a crash, a stop or a full disk. */
export interface DurableInbox extends Inbox {
  /** Takes up what a crash or a stop left unfinished. Call once, before any channel starts. */
  start(): Promise<void>;
  /**
   * Starts nothing new and waits up to `deadlineMs` for handlings in progress; whatever is not
   * finished stays stored and is handled again at the next start.
   */
  stop(deadlineMs: number): Promise<void>;
  /** Messages accepted and not handled yet. */
  backlog(): number;
  /** Tries messages held up by a storage fault now, not after their backoff (storage works again). */
  wake(): void;
}

const chatKey = (m: Incoming) => `${m.channel}:${m.chatId}`;
const defaultRetryDelay = (attempt: number) => Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** (attempt - 1));

/**
 * The durable inbox: a message is stored (unique by channel + chat + message id) before
 * `accept` resolves, so the platform is acknowledged only for what is safe. Messages of one chat
 * are handled in order, a few chats at a time; each is marked done after handling. Replies sent
 * while handling are recorded, so a message handled again after a crash does not send them twice.
 * A storage fault keeps the message and tries it again until storage works.
 * @example
 * const inbox = createDurableInbox({ store: createInboxStore(db), handle: (m, o) => core.handle(m, o), messenger, clock, logger, isStorageFault });
 * await inbox.start(); // then start the channels
 */
export function createDurableInbox(options: DurableInboxOptions): DurableInbox {
  const { store, messenger, clock, logger } = options;
  const concurrency = options.concurrency ?? 4;
  const retryDelay = options.retryDelayMs ?? defaultRetryDelay;
  const queues = new Map<string, StoredMessage[]>();
  /** Chats with a message in hand (handled, or waiting for its "done" to commit). */
  const busy = new Set<string>();
  /** Messages being handled: one only waiting for its "done" to commit no longer takes a place. */
  let handling = 0;
  const queued = new Set<number>();
  const idle: (() => void)[] = [];
  const stopping = new AbortController();
  const waking = new Set<() => void>();
  let pruneTimer: NodeJS.Timeout | undefined;

  function enqueue(row: StoredMessage): void {
    if (queued.has(row.id)) return;
    queued.add(row.id);
    const key = chatKey(row.incoming);
    const queue = queues.get(key);
    if (queue) queue.push(row);
    else queues.set(key, [row]);
    pump();
  }

  function pump(): void {
    if (stopping.signal.aborted) return;
    for (const [key, queue] of queues) {
      if (handling >= concurrency) return;
      if (busy.has(key) || !queue.length) continue;
      busy.add(key);
      handling++;
      void work(key, queue);
    }
  }

  /**
   * One message of a chat, then the slot goes round to the other chats: as soon as the message's
   * "done" is queued, so the next message's "begin" is written in the same commit. The chat's own
   * next message waits for that commit.
   */
  async function work(key: string, queue: StoredMessage[]): Promise<void> {
    const row = queue[0];
    let placed = true;
    const handOver = () => {
      if (!placed) return;
      placed = false;
      handling--;
      pump();
    };
    await handleRow(row, handOver);
    if (placed) {
      placed = false;
      handling--;
    }
    if (!stopping.signal.aborted) {
      queue.shift();
      queued.delete(row.id);
      // Back of the line: other chats get their turn.
      queues.delete(key);
      if (queue.length) queues.set(key, queue);
    }
    busy.delete(key);
    if (!busy.size && (!queues.size || stopping.signal.aborted)) for (const resolve of idle.splice(0)) resolve();
    pump();
  }

  /**
   * A messenger that skips the replies an earlier run of this message already sent or kept, and
   * makes each new one durable: sent at once, or kept in the outbox (`answers`) under the message's
   * identity and its place, so a re-run never queues it twice. A reply is recorded on the next
   * turn of the event loop, or with the message's "done" when that comes first (the usual case:
   * the reply is a handler's last step), so most messages write once.
   */
  function journaled(
    row: StoredMessage,
    kept: Set<string>,
  ): Messenger & { restart(): void; takeUnrecorded(): string[] | undefined } {
    const sent = [...row.sent];
    const prefix = answerKeyPrefix(row.incoming);
    let next = 0;
    let unrecorded: NodeJS.Immediate | undefined;
    const record = () => {
      unrecorded = undefined;
      store.recordSent(row.id, [...sent]).catch((error) => {
        // Kept in memory: a retry in this process still skips it; only a crash now could repeat it.
        logger.error({ err: error, inboxId: row.id }, "inbox: could not record a sent reply");
        if (options.isStorageFault(error)) options.onStorageFault?.(error);
      });
    };
    return {
      textLimit: (channel) => messenger.textLimit(channel),
      download: (channel, file, maxBytes) => messenger.download(channel, file, maxBytes),
      restart: () => void (next = 0),
      takeUnrecorded() {
        if (!unrecorded) return undefined;
        clearImmediate(unrecorded);
        unrecorded = undefined;
        return [...sent];
      },
      async send(to, message) {
        const index = next++;
        if (index < sent.length) return { messageId: sent[index] };
        const dedupeKey = `${prefix}${index}`;
        // Kept by a run that crashed before recording it: the outbox sends it.
        if (kept.has(dedupeKey)) return { messageId: "" };
        const result = options.answers
          ? await options.answers.deliver({
              dedupeKey,
              channel: to.channel,
              chatId: to.chatId,
              kind: "reply",
              message,
              notBefore: clock.now(),
              source: messageSource(row.incoming),
            })
          : await messenger.send(to, message);
        sent.push(result.messageId);
        unrecorded ??= setImmediate(record);
        return result;
      },
    };
  }

  /** Whether an earlier run already sent or kept an answer to it. */
  async function wasAnswered(row: StoredMessage): Promise<boolean> {
    if (row.sent.length) return true;
    return !!options.answers && (await options.answers.keptKeys(answerKeyPrefix(row.incoming))).length > 0;
  }

  function tell(incoming: Incoming, what: "delayed" | "failed"): Promise<void> {
    return (options.notify?.(incoming, what) ?? Promise.resolve()).catch((error) =>
      logger.warn({ err: error }, "inbox: could not tell the sender"),
    );
  }

  /** Handles a row and marks it done; `finishing` is called once its "done" is queued (before it commits). */
  async function handleRow(row: StoredMessage, finishing: () => void = () => {}): Promise<void> {
    let replies: ReturnType<typeof journaled> | undefined;
    let outcome: HandleOutcome | undefined;
    let unrecorded: string[] | undefined;
    for (let attempt = 1; !stopping.signal.aborted; attempt++) {
      if (!outcome) {
        let result: HandleOutcome;
        try {
          if (!replies) {
            // Counted before anything is done, so a message that kills the process is recognised.
            await store.begin(row.id);
            // Handled before: answers it kept in the outbox are not kept (or sent) again.
            const kept =
              row.attempts > 0 && options.answers
                ? new Set(await options.answers.keptKeys(answerKeyPrefix(row.incoming)))
                : new Set<string>();
            replies = journaled(row, kept);
          }
          replies.restart();
          result = await options.handle(row.incoming, { messenger: replies, apologise: false });
        } catch (error) {
          result = { ok: false, error };
        }
        if (!result.ok && options.isStorageFault(result.error)) {
          options.onStorageFault?.(result.error);
          if (attempt === 1) await tell(row.incoming, "delayed");
          await pause(retryDelay(attempt));
          continue;
        }
        if (!result.ok) await tell(row.incoming, "failed");
        outcome = result;
      }
      try {
        unrecorded = replies?.takeUnrecorded() ?? unrecorded;
        const done = store.finish(row.id, clock.now(), outcome.ok ? undefined : String(outcome.error), unrecorded);
        finishing();
        await done;
        return;
      } catch (error) {
        logger.error({ err: error, inboxId: row.id }, "inbox: could not mark a message handled");
        if (options.isStorageFault(error)) options.onStorageFault?.(error);
        await pause(retryDelay(attempt));
      }
    }
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        stopping.signal.removeEventListener("abort", done);
        waking.delete(done);
        resolve();
      }
      stopping.signal.addEventListener("abort", done);
      waking.add(done);
    });
  }

  async function prune(): Promise<void> {
    try {
      await store.prune(new Date(clock.now().getTime() - KEEP_DONE_MS));
    } catch (error) {
      logger.warn({ err: error }, "inbox: pruning handled messages failed");
    }
  }

  return {
    async accept(incoming) {
      if (stopping.signal.aborted) throw new Error("inbox stopped");
      let row: StoredMessage | null;
      try {
        row = await store.add(incoming, clock.now());
      } catch (error) {
        // Not stored, so not acknowledged: the channel offers it again.
        if (options.isStorageFault(error)) options.onStorageFault?.(error);
        throw error;
      }
      if (!row) return "duplicate";
      enqueue(row);
      return "accepted";
    },
    async start() {
      for (const row of await store.resumeUnfinished()) {
        if (row.attempts > MAX_INTERRUPTIONS && (await wasAnswered(row))) {
          // Interrupted only after its answer went out: the sender has been answered, so asking
          // them to send it again (and alerting the admins that it was lost) would be false.
          logger.error(
            { inboxId: row.id, chatId: row.incoming.chatId, attempts: row.attempts },
            "inbox: message interrupted too often after it was answered; finished",
          );
          await store.finish(row.id, clock.now(), `interrupted ${row.attempts} times after its answer`);
          continue;
        }
        if (row.attempts > MAX_INTERRUPTIONS) {
          logger.error(
            { inboxId: row.id, chatId: row.incoming.chatId, attempts: row.attempts },
            "inbox: message interrupted too often, given up",
          );
          // Told first, under keys of their own: a crash before "done" cannot lose the notices, and
          // telling again queues nothing new.
          await options
            .gaveUp?.(row)
            .catch((error) =>
              logger.error({ err: error, inboxId: row.id }, "inbox: could not tell of a message given up"),
            );
          await store.finish(row.id, clock.now(), `interrupted ${row.attempts} times`);
          continue;
        }
        enqueue(row);
      }
      await prune();
      pruneTimer = setInterval(() => void prune(), PRUNE_EVERY_MS);
      pruneTimer.unref();
    },
    drain() {
      if (!busy.size && !queues.size) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
    async stop(deadlineMs) {
      stopping.abort();
      clearInterval(pruneTimer);
      if (!busy.size) return;
      const finished = new Promise<void>((resolve) => idle.push(resolve));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([finished, new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs)))]);
      clearTimeout(timer);
      if (busy.size)
        logger.warn(
          { chats: busy.size },
          "inbox: stopped with messages still being handled; they are handled again at the next start",
        );
    },
    backlog: () => queued.size,
    wake() {
      for (const done of [...waking]) done();
    },
  };
}
