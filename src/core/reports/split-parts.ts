/**
 * Telegram splits a text longer than 4,096 characters into several messages sent together. A long
 * formal report arrives so: the parts after the first continue the report the first one wrote and
 * are read with it as one text (a tail alone may name only the plan ahead, or give a table's "Tổng").
 */
import type { Incoming } from "../types.js";
import { searchKey } from "./text-key.js";

/** A text at least this long may have been cut by the sender's app (Telegram cuts at 4,096). */
export const SPLIT_PART_MIN_CHARS = 3_500;
/** The parts of one split message arrive within seconds; a minute leaves room for a slow inbox. */
export const SPLIT_WINDOW_MS = 60_000;
/** A message that opens like a report, a correction or an addition of its own is not a cut part. */
const OPENS_NEW_MESSAGE = /^\W*(?:bao cao|bc|sua|dinh chinh|bo sung|them|gui|nv\s*\d|#\d)\b/;

/** A long text a sender sent, and when it was handled. */
export interface SentText {
  incoming: Incoming;
  at: Date;
}

/**
 * Whether `incoming` is the next part of `previous`, the last long text its sender sent in that
 * chat: a text alone, within {@link SPLIT_WINDOW_MS}, not opening as a message of its own.
 * @example continuesSplitText({ incoming: partOne, at }, { ...partOne, messageId: "8", text: "- Phát thanh 60 lượt" }, now) // true
 */
export function continuesSplitText(previous: SentText | undefined, incoming: Incoming, now: Date): boolean {
  if (!previous || incoming.editedAt || incoming.files.length || !incoming.text.trim()) return false;
  const before = previous.incoming;
  return (
    before.channel === incoming.channel &&
    before.chatId === incoming.chatId &&
    before.userId === incoming.userId &&
    before.messageId !== incoming.messageId &&
    before.text.length >= SPLIT_PART_MIN_CHARS &&
    now.getTime() - previous.at.getTime() <= SPLIT_WINDOW_MS &&
    !OPENS_NEW_MESSAGE.test(searchKey(incoming.text))
  );
}
