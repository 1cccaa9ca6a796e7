/**
 * Whom something was sent to: "nhắn tin Zalo cho 230 hộ", "gửi tin nhắn Zalo tới 300 phụ huynh". The number
 * after "cho" / "tới" / "đến" counts the people or households reached, no output of the channel named
 * before it; a clerk asks about it only while that channel has no figure of its own in the message.
 */

import type { Item } from "./pairing.js";
import type { Tok, Tokenised } from "./tokens.js";
import { PEOPLE_PHRASES, PEOPLE_SHORT } from "./vocabulary.js";

/** Words introducing whom something went to. */
const TO_WHOM: ReadonlySet<string> = new Set(["cho", "toi", "den"]);
/** People and households reached, by one word ("hộ", "cử tri", typed short "hs"). */
const REACHED: ReadonlySet<string> = new Set(["ho", "cu", "nguoi", "gia"]);
/** Clause ends the channel is looked for within. */
const CLAUSE_ENDS: ReadonlySet<string> = new Set([",", ";", ".", "!", "?", "\n", "(", ")"]);

/** Whether people or households are counted from token i ("120 hộ", "300 phụ huynh", "60 hội viên"). */
function reachedAt(toks: readonly Tok[], i: number): boolean {
  const a = toks[i];
  const b = toks[i + 1];
  if (a?.type !== "w") return false;
  return REACHED.has(a.kt) || PEOPLE_SHORT.has(a.k) || (b?.type === "w" && PEOPLE_PHRASES.has(`${a.k} ${b.k}`));
}

/**
 * Whether the number at tokens [start, end) follows a word of sending to and counts people or households
 * ("cho 120 hộ", "tới 300 phụ huynh"; not "từ 5 đến 10": a range).
 */
export function recipientsAt(tk: Tokenised, start: number, end: number): boolean {
  const to = tk.toks[start - 1];
  if (to?.type !== "w" || !TO_WHOM.has(to.kt) || tk.toks[start - 2]?.type === "n") return false;
  return reachedAt(tk.toks, end);
}

/**
 * The indicator named last before token `start` in its clause, a few words back ("Zalo" of "nhắn tin qua Zalo cho
 * 120 hộ"): the channel the recipients were reached through.
 */
export function channelBefore(tk: Tokenised, items: readonly Item[], start: number): string | undefined {
  let from = start - 1;
  for (let n = 0; from > 0 && n < 8 && !CLAUSE_ENDS.has(tk.toks[from - 1]!.k); n++) from--;
  let code: string | undefined;
  for (const it of items) if (it.kind === "I" && it.start >= from && it.end <= start) code = it.code;
  return code;
}
