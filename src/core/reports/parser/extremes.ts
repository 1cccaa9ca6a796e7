/**
 * One item's extreme beside the whole: "bình quân mỗi buổi 70 người, buổi ở thôn A đông nhất 110 người", "cuộc ít
 * nhất chỉ 35 người", "bài cao nhất 1.200 lượt" tell the largest or smallest of several, which the figure of all
 * already holds: the number after "<adjective> nhất" is no figure and nothing to ask. "ít nhất" / "nhiều nhất"
 * after a verb or a rate ("phát mỗi hộ ít nhất 1 tờ", "đăng ít nhất 2 bài") is a bound, left to the others: only
 * when the clause opens with the item counted. Part of markLookAlikes (look-alikes.ts).
 */

import type { NonValues } from "./non-values.js";
import type { createNumberReader } from "./numbers.js";
import { tokenKey as key, type Tok } from "./tokens.js";

type Numbers = ReturnType<typeof createNumberReader>;

/** Adjectives that with "nhất" always name one item's extreme ("đông nhất", "cao nhất", "thấp nhất"). */
const EXTREME: ReadonlySet<string> = new Set(["dong", "cao", "thap", "lon"]);
/** Adjectives that with "nhất" may also be a bound ("ít nhất 2 bài": at least). */
const BOUND: ReadonlySet<string> = new Set(["it", "nhieu"]);
/** Items whose extreme a clause may open with ("buổi ở thôn A ít nhất …", "bài nhiều nhất …"). */
const ITEMS: ReadonlySet<string> = new Set([
  "buoi",
  "cuoc",
  "lop",
  "dot",
  "dem",
  "bai",
  "tin",
  "ngay",
  "tuan",
  "thang",
]);
/** Words between "nhất" and its number ("đông nhất là 110", "ít nhất chỉ có 35", "lên tới 120"). */
const GLUE: ReadonlySet<string> = new Set([
  "la",
  "chi",
  "co",
  "duoc",
  "toi",
  "len",
  "den",
  "khoang",
  "gan",
  "hon",
  ":",
]);
const clauseEnd = (t: Tok | undefined): boolean => !t || t.type === "nl" || /^[,;.:!?()]$/.test(t.k);

/** At "nhất" (token i): [number start, its unit's end) of one item's extreme, else null. */
export function extremeAt(toks: readonly Tok[], nv: NonValues, numbers: Numbers, i: number): [number, number] | null {
  if (key(toks[i]) !== "nhat" || toks[i]!.type !== "w") return null;
  const adj = key(toks[i - 1]);
  if (!EXTREME.has(adj) && !(BOUND.has(adj) && opensWithItem(toks, i - 2))) return null;
  let j = i + 1;
  while (j < i + 4 && GLUE.has(key(toks[j]))) j++;
  if (toks[j]?.type !== "n" || nv.blocked[j]) return null;
  const num = numbers.read(j, false);
  if (!num || num.bad) return null;
  // the unit after it ("110 người") goes with it; a name of the plan right after stays for the mentions
  const end = toks[num.end]?.type === "w" && !clauseEnd(toks[num.end]) ? num.end + 1 : num.end;
  return [j, end];
}

/** Whether the clause of token `from` (a few words back) opens with an item counted, and no "mỗi" in it. */
function opensWithItem(toks: readonly Tok[], from: number): boolean {
  let x = from;
  while (x > 0 && x > from - 8 && !clauseEnd(toks[x - 1])) {
    if (key(toks[x]) === "moi") return false;
    x--;
  }
  return clauseEnd(toks[x - 1]) && ITEMS.has(key(toks[x]));
}
