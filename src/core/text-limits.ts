/**
 * Cuts text to at most `max` UTF-16 units without splitting a surrogate pair, after replacing any
 * lone surrogate: half an emoji is not valid UTF-8, and the database and Telegram refuse it.
 * @example truncate("A🎉", 2) // "A"
 */
export function truncate(text: string, max: number): string {
  const wellFormed = text.toWellFormed();
  if (wellFormed.length <= max) return wellFormed;
  const end = /[\uD800-\uDBFF]/.test(wellFormed[max - 1] ?? "") ? max - 1 : max;
  return wellFormed.slice(0, end);
}

/**
 * Control characters (C0 and C1, DEL), left-to-right/right-to-left marks, and the bidirectional
 * embeddings, overrides and isolates: invisible in chat, they can hide or reorder what a stored
 * text shows (U+202E turns "gpj.exe" into "exe.jpg" on screen).
 */
const INVISIBLE = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Text as it is stored: line breaks as "\n", and no invisible characters but newline and tab.
 * @example cleanText("12 pa nô\u0007\r\n\u202Eabc") // "12 pa nô\nabc"
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(INVISIBLE, (c) => (c === "\n" || c === "\t" ? c : ""));
}

/**
 * A name on one line (a person, a chat title, a file name): invisible characters removed, line breaks and tabs made spaces.
 * @example cleanName("Nhóm\u202E xã\nA") // "Nhóm xã A"
 */
export function cleanName(text: string): string {
  return text.replace(/[\t\r\n]+/g, " ").replace(INVISIBLE, "");
}
