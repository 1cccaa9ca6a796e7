/**
 * One gathering said to be held, with its attendees and no count: "xã tổ chức hội nghị … với 120 đại biểu",
 * "thôn họp dân lúc 19h30 tại nhà văn hóa, dự 58 người", "Hội nghị … tại hội trường xã thu hút 105 người tham
 * dự" → one meeting (the clerks' convention), counted only when nothing else is said for the meetings.
 * Not when the gathering only names the attendees ("số người tham dự hội nghị là 85"), when it is several
 * ("các buổi họp dân", "tại 3 thôn"), said not done, or when the attendees' figure is corrected or cumulative.
 * Runs after the pairing (stage 4), on tokens.
 */

import type { FigureRoles } from "./combine.js";
import type { CompiledIndicators } from "./indicators.js";
import type { Mention } from "./mentions.js";
import type { Pairing } from "./pairing.js";
import { tokenKey as key, type Tok, type Tokenised } from "./tokens.js";

const endsSentence = (t: Tok | undefined): boolean =>
  !t || t.type === "nl" || t.k === "." || t.k === ";" || t.k === "!" || t.k === "?";

/** Words before a gathering's name that make it several, or none ("các", "mỗi", "không"). */
const NOT_ONE = new Set(["cac", "nhung", "nhieu", "moi", "khong", "ko", "chua", "chang", "so"]);
/** Words after a gathering's name that say where or when it was held ("tại hội trường", "lúc 14h"). */
const HELD_AFTER = new Set(["tai", "luc"]);
/** Two words after a gathering's name that say it was held ("được tổ chức", "thu hút", "diễn ra"). */
const HELD_AFTER_TWO = new Set(["to chuc", "thu hut", "dien ra"]);
/** Words between "tổ chức" and the gathering's name ("tổ chức thành công hội nghị", "tổ chức được buổi …"). */
const MAX_BETWEEN = 3;

/**
 * The gatherings held once beside their attendees, as implied figures of one.
 * @example findHeldGatherings(tk, mentions, pairing, roles, compiled).held // [{ code: "hoi_nghi", at: 3 }] for "xã tổ chức hội nghị với 120 đại biểu"
 */
export function findHeldGatherings(
  tk: Tokenised,
  mentions: readonly Mention[],
  pairing: Pairing,
  roles: Pick<FigureRoles, "final" | "superseded" | "fallback">,
  compiled: CompiledIndicators,
): { held: { code: string; at: number }[] } {
  const held: { code: string; at: number }[] = [];
  const events = compiled.measures.get("cuoc");
  const attendees = compiled.measures.get("nguoi");
  if (!events || !attendees) return { held };
  // this period's figures: cumulative ones ("lũy kế 6 hội nghị, 500 đại biểu") say nothing of the count
  const current = pairing.pairs.filter((p) => !roles.fallback.has(p.num.start) && !roles.superseded.has(p.num.start));
  const people = current.filter((p) => p.ind.code === attendees);
  if (people.length !== 1 || current.some((p) => p.ind.code === events)) return { held };
  const at = people[0]!.num.start;
  if (roles.final.has(at)) return { held };
  const { toks } = tk;
  let from = at;
  while (from > 0 && !endsSentence(toks[from - 1])) from--;
  let to = at;
  while (to < toks.length && !endsSentence(toks[to])) to++;
  const gatherings = mentions.filter((m) => m.code === events && m.start >= from && m.end <= to);
  if (gatherings.length !== 1) return { held };
  const m = gatherings[0]!;
  // "người tham dự hội nghị 95": the gathering qualifies the attendees' name
  if (mentions.some((x) => x.code === attendees && x.end === m.start)) return { held };
  if (NOT_ONE.has(key(toks[m.start - 1]))) return { held };
  // ("hop dan 38 nguoi" names the attendees' gathering only)
  if (!heldBefore(toks, m.start) && !heldAfter(toks, m.end, to)) return { held };
  held.push({ code: events, at: m.start });
  return { held };
}

/** Whether "tổ chức" stands a few words before the name at `start` ("xã tổ chức hội nghị"), no negation before it. */
function heldBefore(toks: readonly Tok[], start: number): boolean {
  for (let x = start - 1; x >= 1 && x >= start - 1 - MAX_BETWEEN && toks[x]!.type === "w"; x--)
    if (key(toks[x]) === "chuc" && key(toks[x - 1]) === "to") return !NOT_ONE.has(key(toks[x - 2]));
  return false;
}

/**
 * Whether the gathering's clause says it was held after its name ("được tổ chức", "tại hội trường", "lúc 14h",
 * "thu hút", "diễn ra"), in one place ("tại 3 thôn", "tại hội trường xã …, tại nhà văn hóa thôn …" are several).
 */
function heldAfter(toks: readonly Tok[], end: number, to: number): boolean {
  let said = false;
  let places = 0;
  for (let x = end; x < to; x++) {
    const k = key(toks[x]);
    if ((k === "tai" || k === "o") && toks[x + 1]?.type === "n" && Number(toks[x + 1]!.k) > 1) return false;
    if (k === "tai") places++;
    if (HELD_AFTER.has(k) || HELD_AFTER_TWO.has(`${k} ${key(toks[x + 1])}`)) said = true;
  }
  return said && places < 2;
}
