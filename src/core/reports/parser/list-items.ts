/**
 * Items of a list ("- Tổ chức 04 buổi …", "2. Phối hợp …", "II. …", "1️⃣ …", "+ …"): each line opening with a list
 * marker reports one piece of work, so one indicator's figures in different items are parts of the whole.
 */

import { ROMAN_NUMERALS as ROMAN } from "../roman-numerals.js";
import type { NonValues } from "./non-values.js";
import type { Tok, Tokenised } from "./tokens.js";

/** Signs opening a bulleted line. */
const BULLETS: ReadonlySet<string> = new Set(["-", "+", "*", "•", "–", "—", "·", "▪", "○", "●", "♦", "❖", "✓", "✔"]);
/** Signs after an item's number or letter ("1.", "2)", "a)", "3/"). */
const AFTER_NUMBER: ReadonlySet<string> = new Set([".", ")", "/", ":"]);

/** The token opening the list item that holds token `at` (its line's marker), or -1 when its line is no item. */
export function listItemAt(tk: Tokenised, nv: NonValues, at: number): number {
  const { toks } = tk;
  let s = at;
  while (s > 0 && toks[s - 1]!.type !== "nl") if (--s < at - 80) return -1;
  return opensItem(toks, nv, s) ? s : -1;
}

/** Whether the line starting at token `s` opens with a list marker. */
function opensItem(toks: readonly Tok[], nv: NonValues, s: number): boolean {
  const t = toks[s];
  if (!t) return false;
  if (BULLETS.has(t.k)) return true;
  const next = toks[s + 1];
  // "1.", "2)" numbering the line (marked in stage 2), keycaps ("1️⃣"), "II.", "a)"
  if (t.type === "n") return nv.blocked[s]! > 0 && next?.type !== "n";
  if (t.type !== "w" || !next || !AFTER_NUMBER.has(next.k)) return false;
  return t.k in ROMAN || (t.k.length === 1 && /[a-zđ]/.test(t.k) && next.k === ")");
}

/** Whether every figure at `ats` stands in a list item of its own. */
export function inItemsApart(tk: Tokenised, nv: NonValues, ats: readonly number[]): boolean {
  const items = ats.map((at) => listItemAt(tk, nv, at));
  return items.every((s) => s >= 0) && new Set(items).size === items.length;
}
