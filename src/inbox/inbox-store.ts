import type { Incoming } from "../core/types.js";

/** A stored incoming message and what handling it has done so far. */
export interface StoredMessage {
  id: number;
  incoming: Incoming;
  /**
   * Platform ids of the replies already sent while handling it, in order ("" for one kept in the
   * outbox to be sent later): a re-run does not send them again.
   */
  sent: string[];
  /** How many times handling it started (in any process); pending at a start, each was interrupted (crash, stop). */
  attempts: number;
}

/**
 * Where the durable inbox keeps messages (implemented over the database in src/db/inbox-store.ts).
 * @example const row = await store.add(incoming, now); if (row) handle(row);
 */
export interface InboxStore {
  /** Stores the message; null when (channel, chatId, {@link messageKey}) is already stored. */
  add(incoming: Incoming, at: Date): Promise<StoredMessage | null>;
  /** Messages not handled to the end (never started, or interrupted by a crash or a stop), oldest first. */
  resumeUnfinished(): Promise<StoredMessage[]>;
  /**
   * Counts one more start of handling `id`, before anything is done for it: a message that keeps
   * stopping the process is recognised by its starts, and messages never started are not blamed.
   */
  begin(id: number): Promise<void>;
  /** Records the replies sent so far while handling `id`. */
  recordSent(id: number, sent: string[]): Promise<void>;
  /** Marks `id` handled; `sent`, when given, is recorded with it (the replies not recorded yet). */
  finish(id: number, at: Date, error?: string, sent?: string[]): Promise<void>;
  /** Deletes handled messages received before `before` (redeliveries come within a day). */
  prune(before: Date): Promise<number>;
}

/** An inbox row as both databases store it: the message and its sent replies as JSON. */
export type InboxRow = { id: number; payloadJson: string; sentJson: string; attempts: number };

/** The stored message of an inbox row (its date revived from JSON). */
export function storedMessageOf(row: InboxRow): StoredMessage {
  const incoming = JSON.parse(row.payloadJson) as Incoming;
  incoming.date = new Date(incoming.date);
  if (incoming.editedAt) incoming.editedAt = new Date(incoming.editedAt);
  return { id: row.id, incoming, sent: JSON.parse(row.sentJson), attempts: row.attempts };
}
