/**
 * Stage 6 of the report parser: quote what could not be placed. Each token range becomes a short
 * fragment of the original text (up to three tokens of context on each side, within the clause),
 * so the bot can ask about it in the officer's own words.
 */

import { truncate } from "../../text-limits.js";
import { isHard, type Tokenised } from "./tokens.js";

const MAX_UNCLEAR = 20;

/**
 * Fragments of the original text for token ranges (inclusive), without duplicates, at most 20.
 * @example collectUnclear(normaliseAndTokenise("Đã nhận 3 bộ tài liệu"), [[2, 2]]) // ["Đã nhận 3 bộ tài liệu"]
 */
export function collectUnclear(tk: Tokenised, ranges: readonly (readonly [number, number])[]): string[] {
  const out: string[] = [];
  for (const [a, b] of ranges) {
    if (out.length >= MAX_UNCLEAR) break;
    const frag = fragment(tk, a, b);
    if (frag && !out.includes(frag)) out.push(frag);
  }
  return out;
}

/** Original text around tokens a..b (inclusive): up to three tokens each side within the line. */
function fragment(tk: Tokenised, a: number, b: number): string {
  const { toks, nfcText } = tk;
  let s = a;
  for (let k = 0; k < 3 && s > 0; k++) {
    const t = toks[s - 1]!;
    if (isHard(t)) break;
    s--;
  }
  let e = b;
  for (let k = 0; k < 3 && e + 1 < toks.length; k++) {
    const t = toks[e + 1]!;
    if (isHard(t)) break;
    e++;
  }
  const first = toks[s];
  const last = toks[e];
  if (!first || !last) return "";
  const out = nfcText.slice(first.os, last.oe).replace(/\s+/g, " ").trim();
  return truncate(out, 80);
}
