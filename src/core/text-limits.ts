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
