import type { Inbox, Logger } from "../core/ports.js";
import type { Incoming } from "../core/types.js";

const REMEMBERED = 10_000;

/**
 * An {@link Inbox} that keeps nothing across restarts: messages are handled in arrival order per
 * chat, and a message seen recently (a webhook redelivery) is handled once.
 * @example const inbox = createMemoryInbox({ handle: (m) => core.handle(m), logger });
 */
export function createMemoryInbox(options: { handle(incoming: Incoming): Promise<void>; logger: Logger }): Inbox {
  const chains = new Map<string, Promise<void>>();
  const seen = new Set<string>();
  return {
    async accept(incoming) {
      const key = `${incoming.channel}:${incoming.chatId}:${incoming.messageId}`;
      if (seen.has(key)) return "duplicate";
      seen.add(key);
      if (seen.size > REMEMBERED) seen.delete(seen.values().next().value!);
      const chat = `${incoming.channel}:${incoming.chatId}`;
      const next = (chains.get(chat) ?? Promise.resolve())
        .then(() => options.handle(incoming))
        .catch((err) => options.logger.error({ err, chat }, "inbox handling failed"));
      chains.set(chat, next);
      void next.then(() => {
        if (chains.get(chat) === next) chains.delete(chat);
      });
      return "accepted";
    },
    async drain() {
      while (chains.size) await Promise.all(chains.values());
    },
  };
}
