/**
 * A figure said again after "hết" (all of it): "in 600 tờ gấp, phát hết 600", "in 350 tờ rơi, đã phát hết 350 cho
 * các hộ" — the same number as one said shortly before in its sentence is that figure told again, no second one and
 * no question. Part of markLookAlikes (look-alikes.ts).
 */

import type { NonValues } from "./non-values.js";
import type { createNumberReader } from "./numbers.js";
import { tokenKey as key, type Tok } from "./tokens.js";

type Numbers = ReturnType<typeof createNumberReader>;

const SENTENCE_ENDS: ReadonlySet<string> = new Set([".", ";", "!", "?"]);
/** Words that may follow a bare number restated ("phát hết 600 ạ", "… 350 cho các hộ"). */
const PARTICLES: ReadonlySet<string> = new Set(["a", "ah", "nhe", "roi", "thoi", "cho", "luon"]);

/** At "hết" (token i), the number after it as [start, end) when the same number was said a few words before it. */
export function restatedAfterAll(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: Numbers,
  i: number,
): [number, number] | null {
  if (key(toks[i]) !== "het" || toks[i + 1]?.type !== "n" || nv.blocked[i + 1]) return null;
  const num = numbers.read(i + 1, false);
  if (!num || num.bad) return null;
  // bare: "phát hết 50 tờ" with its measure may be the figure itself ("nhận 50 tờ rơi …, phát hết 50 tờ")
  const after = toks[num.end];
  if (after?.type === "w" && !PARTICLES.has(after.kt)) return null;
  for (let x = i - 1; x >= 0 && x >= i - 12; x--) {
    const t = toks[x]!;
    if (t.type === "nl" || SENTENCE_ENDS.has(t.k)) return null;
    if (t.type !== "n" || toks[x - 1]?.type === "n") continue;
    const before = numbers.read(x, false);
    if (before && !before.bad && before.value === num.value && before.end <= i) return [i + 1, num.end];
  }
  return null;
}
