/**
 * A figure said again after an interjection: "210 người, à người dự là 201 ạ", "tờ rơi 800 tờ, à tờ rơi 850",
 * "phat thanh 20 luot, a phat thanh la 22". "À" opening a clause that names again an indicator already given a
 * figure on the line, with its new figure right after, takes the first one back: the new one is final, the first
 * superseded. An afterthought names another indicator ("à còn tin bài 7") or adds ("à tờ rơi thêm 50"): no correction.
 * Runs after the pairing (stage 4), beside correctionRoles.
 */

import type { FigureRoles } from "./combine.js";
import type { Pairing } from "./pairing.js";
import { tokenKey as key, type Tok, type Tokenised } from "./tokens.js";

/** Interjections opening a restatement ("à", "ạ" typed the same without marks, "ủa"). */
const INTERJECTIONS: ReadonlySet<string> = new Set(["a", "ua"]);
/** Words between the name and its new figure ("là", "thì", "đúng là", ":"). */
const BETWEEN: ReadonlySet<string> = new Set(["la", "thi", "dung", ":", "chi", "co"]);
/** Words that make the new figure more, not instead ("thêm", "nữa", "còn", "cộng"). */
const MORE: ReadonlySet<string> = new Set(["them", "nua", "con", "cong", "bo"]);

/** The roles of figures said again after an interjection: the new one final, the one it restates superseded. */
export function saidAgainRoles(tk: Tokenised, pairing: Pairing): Partial<FigureRoles> {
  const final = new Set<number>();
  const superseded = new Set<number>();
  const { toks } = tk;
  for (const p of pairing.pairs) {
    if (p.numFirst || !INTERJECTIONS.has(key(toks[p.ind.start - 1])) || toks[p.ind.start - 1]?.type !== "w") continue;
    let ok = true;
    for (let x = p.ind.end; x < p.num.start && ok; x++) ok = BETWEEN.has(key(toks[x])) && x < p.ind.end + 3;
    if (!ok || MORE.has(key(toks[p.num.end])) || MORE.has(key(toks[p.num.end + 1]))) continue;
    const earlier = pairing.pairs.filter(
      (q) => q.ind.code === p.ind.code && q.num.end < p.ind.start && !newlineBetween(toks, q.num.end, p.ind.start),
    );
    if (earlier.length === 0) continue;
    for (const q of earlier) superseded.add(q.num.start);
    final.add(p.num.start);
  }
  return { final, superseded };
}

function newlineBetween(toks: readonly Tok[], a: number, b: number): boolean {
  for (let x = a; x < b; x++) if (toks[x]!.type === "nl") return true;
  return false;
}
