import type { Logger } from "../core/ports.js";
import type { DurableInbox } from "../inbox/durable-inbox.js";
import type { InboxStore } from "../inbox/inbox-store.js";
import type { InboxClaims } from "./inbox-claims.js";
import type { LeaderStage } from "./leader-jobs.js";

/** How often the leader looks for messages left unfinished by an instance that is gone. */
export const INBOX_SWEEP_MS = 10_000;

/**
 * The leader's sweep: every `everyMs`, messages stored by an instance that is gone and not
 * finished are claimed and handled here, by an inbox of their own (the durable inbox takes up
 * unfinished rows only at its start), with the same handling, journal and give-up rules.
 * @example const sweep = createInboxSweep({ claims, store, newInbox, logger }); stages.push(sweep);
 */
export function createInboxSweep(options: {
  claims: InboxClaims;
  /** The store without claims: reads the claimed rows. */
  base: InboxStore;
  /** The claimed store (see InboxClaims.wrap): handles them. */
  store: InboxStore;
  /** A durable inbox over `store` with the app's handling. */
  newInbox(store: InboxStore): DurableInbox;
  logger: Logger;
  everyMs?: number;
}): LeaderStage & { sweep(): Promise<number>; close(deadlineMs: number): Promise<void> } {
  const { claims, base, store, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let current: DurableInbox | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;

  async function sweepOnce(): Promise<number> {
    const ids = new Set(await claims.claimOrphans());
    if (!ids.size) return 0;
    const rows = (await base.resumeUnfinished()).filter((row) => ids.has(row.id));
    logger.warn({ messages: rows.length }, "cluster: taking up messages an instance that is gone left unfinished");
    const inbox = options.newInbox({ ...store, resumeUnfinished: async () => rows });
    current = inbox;
    await inbox.start();
    await inbox.drain();
    await inbox.stop(0);
    current = undefined;
    return rows.length;
  }

  const sweep = (): Promise<number> => {
    running ??= sweepOnce()
      .catch((error) => {
        logger.error({ err: error }, "cluster: inbox sweep failed");
        return 0;
      })
      .finally(() => (running = undefined));
    return running;
  };

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => void sweep().finally(schedule), options.everyMs ?? INBOX_SWEEP_MS);
    timer.unref();
  }

  return {
    name: "inbox sweep",
    sweep,
    // At once on taking the lead: the instance that was leading may have died with messages.
    async start() {
      stopped = false;
      void sweep().finally(schedule);
    },
    // Losing the lead ends the sweeping, not the handling: what it took up is finished here, as
    // a standby finishes the messages it stored.
    async stop() {
      stopped = true;
      clearTimeout(timer);
    },
    /** At shutdown: what is unfinished stays claimed until this process ends, then another instance takes it. */
    async close(deadlineMs) {
      stopped = true;
      clearTimeout(timer);
      await current?.stop(deadlineMs);
    },
  };
}
