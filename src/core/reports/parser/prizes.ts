/**
 * A contest's prizes: "trao 12 giải", "8 giải thưởng", "5 giải nhất" count awards, never the contest held ("hội thi
 * … trao 12 giải" is one contest) nor anything else the plan records. Part of markLookAlikes (look-alikes.ts).
 */

import type { NonValues } from "./non-values.js";
import type { createNumberReader } from "./numbers.js";
import { tokenKey as key, type Tok } from "./tokens.js";

type Numbers = ReturnType<typeof createNumberReader>;

/** Words after "giải" that make another word of it ("giai đoạn", "giải đáp", "giải ngân", "giải quyết"). */
const NOT_PRIZE: ReadonlySet<string> = new Set([
  "doan",
  "dap",
  "ngan",
  "quyet",
  "thich",
  "phong",
  "phap",
  "toa",
  "trinh",
]);
/** Words of a prize's rank or kind after "giải" ("giải thưởng", "giải nhất", "giải khuyến khích"). */
const RANKS: ReadonlySet<string> = new Set(["thuong", "nhat", "nhi", "ba", "khuyen", "khich", "dac", "biet", "phu"]);

/** At "giải" (token i) right after a number: [number start, prize words end) — the prizes, no figure. */
export function prizesAt(toks: readonly Tok[], nv: NonValues, numbers: Numbers, i: number): [number, number] | null {
  if (key(toks[i]) !== "giai" || NOT_PRIZE.has(key(toks[i + 1])) || toks[i - 1]?.type !== "n") return null;
  let start = i - 1;
  while (start > 0 && toks[start - 1]!.type === "n") start--;
  if (nv.blocked[start]) return null;
  const num = numbers.read(start, false);
  if (!num || num.bad || num.end !== i) return null;
  let end = i + 1;
  while (end < i + 3 && RANKS.has(key(toks[end]))) end++;
  return [start, end];
}
