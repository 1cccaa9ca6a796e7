/**
 * Clause boundaries of unpunctuated speech (voice-typed paragraphs, chat bursts run together): after a figure, a
 * topic turn ("còn băng rôn thì 20 cái", "với lại", "ngoài ra", "nhưng"), an afterthought or a chat particle
 * ("à còn", "ạ", "quên"), a total ("tổng") or an indicator named before its own figure ("… tờ rơi 1400 tờ", "họp dân
 * được 4 cuộc") opens a new clause, so a rate or a span of days said before it stays in its own clause.
 */

import type { NameMatch } from "./mentions.js";
import { type Tok, tokenKey as word } from "./tokens.js";

/** Words turning to another topic or an afterthought ("còn", "à", "ạ", "quên", "nhưng", "thì", "tổng"). */
const TURNS: ReadonlySet<string> = new Set(["con", "a", "quen", "nhung", "thi", "tong"]);
/** The second word of a two-word turn: "với lại", "ngoài ra", "bên cạnh". */
const TURN_PAIRS: ReadonlyMap<string, string> = new Map([
  ["voi", "lai"],
  ["vs", "lai"],
  ["ngoai", "ra"],
  ["ben", "canh"],
]);
/** Words joining figures of one list ("1 pa nô và 2 băng rôn"): a name after them goes on with the list. */
const JOINS: ReadonlySet<string> = new Set([",", "va", "voi", "&", "+", "/", "-"]);
/** Verbs and fillers between a name and its figure ("họp dân được 4 cuộc", "cụm cổ động dựng 2 cụm"). */
const NAME_TO_FIGURE: ReadonlySet<string> = new Set([
  ...["thi", "la", ":", "co", "duoc", "em"],
  ...["treo", "phat", "dang", "dan", "dung", "lam", "ke", "ve", "in", "chay", "to", "chuc", "hop", "gui"],
]);

/** Whether token j, after a figure already read in the clause, opens a new clause of unpunctuated speech. */
export function opensClause(toks: readonly Tok[], j: number, nameAt?: (i: number) => NameMatch): boolean {
  const t = toks[j];
  if (t?.type !== "w") return false;
  const w = t.kt;
  // "còn lại": what is left of the same things, no new topic; "hội thi": a contest
  if (TURNS.has(w))
    return !(w === "con" && word(toks[j + 1]) === "lai") && !(w === "thi" && word(toks[j - 1]) === "hoi");
  if (TURN_PAIRS.get(w) === word(toks[j + 1])) return true;
  if (!nameAt || JOINS.has(word(toks[j - 1]))) return false;
  const m = nameAt(j);
  if (!m) return false;
  // the name right after a figure is that figure's own ("1 pa nô"); after another word it opens a clause
  if (toks[j - 1]?.type === "n") return false;
  // ("họp dân được 4 cuộc", "cụm cổ động dựng 2 cụm", "băng rôn thì treo 22 cái": a verb or "thì" between)
  for (let x = m.end; x < m.end + 3 && x < toks.length; x++) {
    if (toks[x]!.type === "n") return true;
    if (!NAME_TO_FIGURE.has(word(toks[x]))) return false;
  }
  return false;
}

/** The officer speaking of themself ("em sửa lại", "e quên", "mình"): a new clause after a figure. */
const SELF: ReadonlySet<string> = new Set(["em", "e", "minh"]);
/** Verbs of doing that open the next item of a run-on report ("… 200 người treo 4 băng rôn"). */
const DOING: ReadonlySet<string> = new Set([
  "treo",
  "phat",
  "dang",
  "dan",
  "dung",
  "lam",
  "ke",
  "ve",
  "in",
  "chay",
  "hop",
]);

/**
 * Whether token x, right after a figure and its measure ("200 người"), opens the next clause of unpunctuated
 * speech, so the measure is bare and names the figure: a turn or a name before its figure (opensClause), the
 * officer speaking of themself, or a verb of doing with its figure a word or two on.
 */
export function opensClauseAfterMeasure(toks: readonly Tok[], x: number, nameAt?: (i: number) => NameMatch): boolean {
  const t = toks[x];
  if (t?.type !== "w") return false;
  if (opensClause(toks, x, nameAt)) return true;
  if (SELF.has(t.kt)) return toks[x + 1]?.type === "w";
  if (!DOING.has(t.kt)) return false;
  return toks[x + 1]?.type === "n" || toks[x + 2]?.type === "n";
}

/** Particles closing a chat clause after a figure's measure ("300 tờ thôi ạ", "4 cái nhé"). */
const CLOSERS: ReadonlySet<string> = new Set(["thoi", "nhe", "nha", "nhen", "luon"]);

/** Whether token x, right after a figure's measure, closes its clause: a particle or a turn ("ạ", "thôi", "còn"). */
export function closesAfterMeasure(toks: readonly Tok[], x: number): boolean {
  const t = toks[x];
  return t?.type === "w" && (CLOSERS.has(t.kt) || opensClause(toks, x));
}

/** Whether the figure at `figure` follows the name ending at `nameEnd` as its own ("họp bản thì 7", "loa: 12"). */
export function figureOfName(toks: readonly Tok[], nameEnd: number, figure: number): boolean {
  if (figure < nameEnd || figure > nameEnd + 2) return false;
  for (let x = nameEnd; x < figure; x++) if (!NAME_TO_FIGURE.has(word(toks[x]))) return false;
  return true;
}
