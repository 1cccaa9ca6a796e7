/**
 * Sites of one meeting, each with its attendees: "Hội nghị trực tuyến …, điểm cầu xã 55 hội viên, điểm cầu thôn
 * Đông 30 hội viên", "tại hội trường xã 70 người, tại nhà văn hóa thôn 45 người". Parts in a row, each opening
 * with the same site word ("điểm cầu", "điểm", "tại") and holding one figure of people (later parts may leave the
 * unit out), are one figure: the attendees' sum. An online meeting ("trực tuyến", "điểm cầu") named without a
 * count is one meeting, and a count of its sites ("2 điểm cầu") is no count of meetings.
 * Runs after the sittings (stage 2), on tokens.
 */

import type { CompiledIndicators } from "./indicators.js";
import { createNameMatcher } from "./mentions.js";
import type { NonValues } from "./non-values.js";
import { createNumberReader } from "./numbers.js";
import { indItem, numItem, pairUp } from "./pairing.js";
import { peopleNumberReader, type SittingParts } from "./sittings.js";
import { isWordIn, tokenKey as key, type Tok, type Tokenised } from "./tokens.js";
import { PEOPLE_PHRASES, PEOPLE_SHORT, TIME_UNITS } from "./vocabulary.js";

const endsSentence = (t: Tok | undefined): boolean =>
  !t || t.type === "nl" || t.k === "." || t.k === "!" || t.k === "?";
const endsPart = (t: Tok | undefined): boolean => endsSentence(t) || t!.k === "," || t!.k === ";" || t!.k === ":";

/** Words of a meeting held online, from several sites. */
const ONLINE = [
  ["truc", "tuyen"],
  ["truyen", "hinh"],
  ["diem", "cau"],
];

/** The site word opening a part at x ("điểm cầu", "điểm", "tại"), else "" ("mỗi điểm cầu" counts by each). */
function siteAt(toks: readonly Tok[], x: number): string {
  const k = key(toks[x]);
  if (key(toks[x - 1]) === "moi" || toks[x - 1]?.type === "n") return "";
  if (k === "diem") return key(toks[x + 1]) === "cau" ? "diem cau" : "diem";
  if (k === "tai" && toks[x + 1]?.type === "w") return "tai";
  return "";
}

/**
 * Reads the attendees of a meeting's sites given one by one.
 * @example readMeetingSites(tk, nv, compiled).pairs[0]?.num.value // 85 for "điểm cầu xã 55 người, điểm cầu thôn 30 người"
 */
export function readMeetingSites(tk: Tokenised, nv: NonValues, compiled: CompiledIndicators): SittingParts {
  const out: SittingParts = { pairs: [], blocked: [] };
  const { toks } = tk;
  const events = compiled.measures.get("cuoc");
  const attendees = compiled.measures.get("nguoi");
  if (!events || !attendees) return out;
  // a cheap test first: two site words
  let sites = 0;
  for (const t of toks) if (t.type === "w" && (t.k === "diem" || t.k === "tai")) sites++;
  if (sites < 2) return out;
  const numbers = createNumberReader(tk, nv.blocked);
  const loose = peopleNumberReader(tk, nv);
  const nameAt = createNameMatcher(toks, nv.blocked, compiled);
  const people = (x: number): boolean => {
    const a = toks[x];
    if (a?.type !== "w") return false;
    if (compiled.measures.get(a.kt) === attendees || PEOPLE_SHORT.has(a.k)) return true;
    if (nameAt(x)?.code === attendees) return true;
    return toks[x + 1]?.type === "w" && PEOPLE_PHRASES.has(`${a.k} ${toks[x + 1]!.k}`);
  };
  const blocked = out.blocked as number[];
  for (let i = 0; i < toks.length; i++) {
    const site = siteAt(toks, i);
    if (!site) continue;
    // the parts: each from its site word to a comma, ";" or "và", one figure of people in it
    const figures: { start: number; end: number; value: number }[] = [];
    let x = i;
    while (siteAt(toks, x) === site) {
      let figure: { start: number; end: number; value: number } | null = null;
      let y = x + 1;
      let bad = false;
      for (; y < toks.length && !endsPart(toks[y]) && key(toks[y]) !== "va"; y++) {
        if (toks[y]!.type !== "n") continue;
        // (a place's label, "thôn 1", was marked before; people counted may have been taken for context)
        if (nv.blocked[y] && !(nv.blocked[y] === 1 && people(loose.read(y, false)?.end ?? -1))) continue;
        const num = (nv.blocked[y] ? loose : numbers).read(y, false);
        if (!num || num.bad || figure) {
          bad = true;
          break;
        }
        figure = { start: y, end: num.end, value: num.value };
        y = num.end - 1;
      }
      // ("điểm cầu thôn 30": a later part's bare figure at its end, taken before for the place's label)
      const last = loose.read(y - 1, false);
      if (!figure && figures.length > 0 && toks[y - 1]?.type === "n" && last && !last.bad && last.end === y)
        figure = { start: y - 1, end: y, value: last.value };
      if (bad || !figure) break;
      // the first part says its people; a later one may leave them out ("điểm cầu thôn 30")
      const bare = endsPart(toks[figure.end]) || key(toks[figure.end]) === "va";
      if (!people(figure.end) && !(figures.length > 0 && bare)) break;
      figures.push(figure);
      x = y;
      if (toks[x]?.k === "," || toks[x]?.k === ";") x++;
      if (key(toks[x]) === "va") x++;
    }
    if (figures.length < 2) continue;
    const online = site === "diem cau" || onlineInSentence(toks, i);
    // "điểm" and "tại" need a meeting named before them in the sentence
    const meeting = meetingBefore(toks, i, nameAt, events);
    if (site !== "diem cau" && meeting < 0) continue;
    const first = figures[0]!;
    const sum = figures.reduce((s, f) => s + f.value, 0);
    out.pairs.push(pairUp(numItem(first.start, first.end, sum), indItem(first.end, first.end + 1, attendees), true));
    for (const f of figures) for (let z = f.start; z < f.end; z++) blocked.push(z);
    if (online && meeting >= 0) oneMeeting(toks, nv, numbers, nameAt, events, meeting, i, out);
    i = x;
  }
  return out;
}

/** Whether the sentence before token i says the meeting was online ("trực tuyến", "điểm cầu"). */
function onlineInSentence(toks: readonly Tok[], i: number): boolean {
  for (let x = i - 1; x >= 0 && x >= i - 40 && !endsSentence(toks[x]); x--)
    if (ONLINE.some(([a, b]) => key(toks[x]) === a && key(toks[x + 1]) === b)) return true;
  return false;
}

/** Where the meeting is named before token i in its sentence, or −1. */
function meetingBefore(
  toks: readonly Tok[],
  i: number,
  nameAt: ReturnType<typeof createNameMatcher>,
  events: string,
): number {
  for (let x = i - 1; x >= 0 && x >= i - 40 && !endsSentence(toks[x]); x--) if (nameAt(x)?.code === events) return x;
  return -1;
}

/**
 * The online meeting named at `at` without a count is one; a count of its sites before `sites` ("2 điểm cầu") is
 * no count of meetings. A count of the meetings said anywhere between ("1 hội nghị") leaves it to the pairing.
 */
function oneMeeting(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  nameAt: ReturnType<typeof createNameMatcher>,
  events: string,
  at: number,
  sites: number,
  out: SittingParts,
): void {
  const name = nameAt(at)!;
  const blocked = out.blocked as number[];
  let counted = toks[at - 1]?.type === "n" && !nv.blocked[at - 1];
  for (let x = name.end; x < sites; x++) {
    if (toks[x]!.type !== "n" || nv.blocked[x]) continue;
    const num = numbers.read(x, false);
    if (num && key(toks[num.end]) === "diem") for (let z = x; z < num.end; z++) blocked.push(z);
    // ("sơ kết 6 tháng": a span of time, no count)
    else if (!num || !isWordIn(toks[num.end], TIME_UNITS)) counted = true;
  }
  if (counted) return;
  out.pairs.push(pairUp(numItem(at, name.end, 1), indItem(at, name.end, events), false));
}
