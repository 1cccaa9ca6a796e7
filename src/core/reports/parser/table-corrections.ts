/**
 * A correction written under a pasted table that names a row by its number ("sửa dòng 3 thành 450",
 * "sửa lại: dòng 2 là 15", "em nhầm mục 1, đúng là 4"): the table stage puts the new figure in that row.
 */

import { readDigitForm } from "./number-forms.js";
import { type NumItem, numItem } from "./pairing.js";
import type { Tokenised } from "./tokens.js";

/** Words that say a figure is corrected, before the row is named. */
const CORRECTING = new Set(["sua", "nham", "dieu", "dinh", "chinh", "lai"]);
/** Words naming a row by its number. */
const ROW_WORDS = new Set(["dong", "muc", "stt", "tt", "hang"]);
/** Words between the row's number and its new figure ("thành", "là", "sang", "đúng là", "sửa thành"). */
const LINKS = new Set(["thanh", "la", "sang", "dung", "sua", "lai", "so", "phai"]);

/**
 * The row number and new figure of a correction line (tokens [from, to)), or null when the line is none.
 * @example rowCorrection(normaliseAndTokenise("sua dong 3 thanh 450 a"), 0, 6) // { row: 3, num: { value: 450, … } }
 */
export function rowCorrection(tk: Tokenised, from: number, to: number): { row: number; num: NumItem } | null {
  const { toks } = tk;
  let correcting = false;
  for (let x = from; x < to; x++) {
    const t = toks[x]!;
    if (t.type === "w" && CORRECTING.has(t.k)) correcting = true;
    if (!correcting || t.type !== "w" || !ROW_WORDS.has(t.k)) continue;
    const rowTok = toks[x + 1];
    if (!rowTok || x + 1 >= to || rowTok.type !== "n" || !/^\d{1,2}$/.test(rowTok.k)) return null;
    let y = x + 2;
    // "dòng 3 thành 450", "dòng 2: 15", "mục 1, đúng là 4", "dòng 3 = 450"
    while (y < to && y < x + 6 && toks[y]!.type !== "n" && (toks[y]!.type !== "w" || LINKS.has(toks[y]!.k))) y++;
    if (y >= to || toks[y]!.type !== "n") return null;
    const form = readDigitForm(tk, y, () => true);
    if (!form || Number.isNaN(form.value)) return null;
    return { row: Number(rowTok.k), num: numItem(y, form.end, form.value) };
  }
  return null;
}
