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

/**
 * Whether every figure at `ats` stands in a list item of its own, with no summary heading ("Số liệu tổng hợp:",
 * "Tổng hợp chung") between them: items under such a heading restate the report's figures.
 */
export function inItemsApart(tk: Tokenised, nv: NonValues, ats: readonly number[]): boolean {
  const items = ats.map((at) => listItemAt(tk, nv, at));
  if (!items.every((s) => s >= 0) || new Set(items).size !== items.length) return false;
  return !summaryBetween(tk.toks, Math.min(...items), Math.max(...items));
}

/** Whether a line from token `from` to `to` names a summary ("tổng hợp", "số liệu"). */
function summaryBetween(toks: readonly Tok[], from: number, to: number): boolean {
  for (let x = from; x < to; x++) {
    const a = toks[x]!.kt;
    const b = toks[x + 1]?.kt;
    if ((a === "tong" && b === "hop") || (a === "so" && b === "lieu")) return true;
  }
  return false;
}

/**
 * Whether the figure at `at` is a total of its own list item only: the item counts something before it
 * ("- Tổ chức 05 buổi …, tổng số 312 lượt hội viên"), so its "tổng" sums the item's sittings, not the items.
 */
export function itemTotal(tk: Tokenised, nv: NonValues, at: number): boolean {
  const { toks } = tk;
  const s = listItemAt(tk, nv, at);
  if (s < 0) return false;
  // ("- Tổng cộng: 7 cuộc, 450 người" sums the items: nothing counted before its "tổng")
  let t = at - 1;
  while (t > s && !(toks[t]!.type === "w" && TOTAL_WORDS.has(toks[t]!.kt))) t--;
  for (let x = s + 1; x < t; x++) if (toks[x]!.type === "n" && !nv.blocked[x]) return true;
  return false;
}

/** Words of a total ("tổng", "tổng cộng", "cộng", "tất cả"). */
const TOTAL_WORDS: ReadonlySet<string> = new Set(["tong", "cong", "tat"]);
