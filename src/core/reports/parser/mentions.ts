/**
 * Stage 3 of the report parser: find where indicators are named. The longest synonym wins;
 * hyphens inside a word ("pa-nô"), missing spaces ("bangron"), Telex leftovers and one-letter
 * typos on longer names are tolerated.
 */

import { isNumberWordKey } from "../vietnamese-numbers.js";
import { osaDistance } from "./fuzzy.js";
import type { CompiledIndicators, Synonym } from "./indicators.js";
import type { NumberReader } from "./numbers.js";
import { attendVerbAt, isHard, isWordIn, type Tok, type Tokenised } from "./tokens.js";
import {
  BREAK_WORDS,
  COMPOUND_HEADS,
  COMPOUND_STOP,
  FILLER_WORDS,
  FUZZY_STOP,
  PEOPLE_PHRASES,
  TIME_UNITS,
} from "./vocabulary.js";

/** Shortest name read after a run-together verb: "tin", "loa" inside a word are other words. */
const MIN_RUN_TOGETHER = 4;

const NO_WORDS: readonly string[] = [];

/** The word without one or two leading filler words ("datreopano" → "treopano", "pano"), longest first. */
function withoutFillerPrefix(word: string): readonly string[] {
  // (most words are too short to hold a filler and a name: no list, no closure)
  if (word.length < 2 + MIN_RUN_TOGETHER) return NO_WORDS;
  const out: string[] = [];
  const cut = (rest: string, depth: number): void => {
    for (let p = 2; p <= Math.min(6, rest.length - MIN_RUN_TOGETHER); p++) {
      if (!FILLER_WORDS.has(rest.slice(0, p))) continue;
      out.push(rest.slice(p));
      if (depth < 2) cut(rest.slice(p), depth + 1);
    }
  };
  cut(word, 1);
  return out.sort((x, y) => y.length - x.length);
}

/** An indicator named at tokens [start, end). */
export interface Mention {
  start: number;
  end: number;
  code: string;
}

/** A name matched at one token: where it ends and which indicator it is. */
export type NameMatch = { end: number; code: string } | null;

/**
 * Matches found per message and indicator list, shared by every matcher made for that message:
 * stages only ever block more tokens, so a match stays right unless one of its tokens got blocked
 * (checked on every hit), and a token where nothing matched never matches later.
 */
const memos = new WeakMap<readonly Tok[], WeakMap<CompiledIndicators, Map<number, NameMatch>>>();

function memoFor(toks: readonly Tok[], compiled: CompiledIndicators): Map<number, NameMatch> {
  let byList = memos.get(toks);
  if (!byList) memos.set(toks, (byList = new WeakMap()));
  let memo = byList.get(compiled);
  if (!memo) byList.set(compiled, (memo = new Map()));
  return memo;
}

/**
 * Memoised indicator lookup at a token; a match that runs over a blocked token is looked up again.
 * Matchers made for the same tokens and indicators share what they found.
 * @example createNameMatcher(tk.toks, nv.blocked, compiled)(0) // { end: 2, code: "pano" } for "pa nô 12"
 */
export function createNameMatcher(
  toks: readonly Tok[],
  blocked: Uint8Array,
  compiled: CompiledIndicators,
): (i: number) => NameMatch {
  const memo = memoFor(toks, compiled);
  return (i) => {
    const hit = memo.get(i);
    if (hit !== undefined) {
      let stillFree = true;
      if (hit) for (let x = i; x < hit.end; x++) if (blocked[x]) stillFree = false;
      if (stillFree) return hit;
    }
    const r =
      matchIndicator(toks, blocked, i, compiled) ??
      countOfHead(toks, blocked, i, compiled) ??
      attendeesByRole(toks, blocked, i, compiled);
    memo.set(i, r);
    return r;
  };
}

/** "số lớp quý 2: 1", "so xe": "số" (the number of) and a counting noun heading one indicator's names name it. */
function countOfHead(toks: readonly Tok[], blocked: Uint8Array, i: number, compiled: CompiledIndicators): NameMatch {
  const t = toks[i];
  const next = toks[i + 1];
  if (t?.type !== "w" || t.kt !== "so" || next?.type !== "w" || blocked[i] || blocked[i + 1]) return null;
  const head = compiled.heads.get(next.k);
  return head ? { end: i + 2, code: head.code } : null;
}

/**
 * "đoàn viên dự 35", "Học sinh tham gia: 356", "chi em tham du la 40": people by their role said to attend,
 * their count right after, name the indicator measured in people (the count before them is read in pairing).
 */
const key = (t: Tok | undefined): string => (t?.type === "w" ? t.k : "");
function attendeesByRole(toks: readonly Tok[], blocked: Uint8Array, i: number, c: CompiledIndicators): NameMatch {
  const a = toks[i];
  const b = toks[i + 1];
  if (a?.type !== "w" || b?.type !== "w" || blocked[i] || blocked[i + 1]) return null;
  if (!PEOPLE_PHRASES.has(`${a.k} ${b.k}`) || !attendVerbAt(toks, i + 2)) return null;
  const end = toks[i + 2]!.k === "tham" && toks[i + 3]?.type === "w" ? i + 4 : i + 3;
  // (a label's colon: the line's figures follow, "Học sinh tham gia: đã báo 310, nay sửa thành 356"; a table's
  // header cell ending its line or before a bar: "Chi hội | Tờ rơi | Chị em dự")
  const after = toks[end];
  const cell = toks[i - 1]?.type !== "n" && (!after || after.type === "nl" || after.k === "|" || after.k === ";");
  const counted = cell || after?.k === ":" || toks[key(after) === "la" ? end + 1 : end]?.type === "n";
  const code = c.measures.get("nguoi");
  return code && counted ? { end, code } : null;
}

/**
 * Finds indicator mentions left to right, skipping tokens marked as never a value and the
 * numbers in between (a name never starts inside a number).
 * @example findMentions(tk, blocked, nameAt, numbers) // [{ start: 1, end: 3, code: "pano" }]
 */
export function findMentions(
  tk: Tokenised,
  blocked: Uint8Array,
  nameAt: (i: number) => NameMatch,
  numbers: NumberReader,
): Mention[] {
  const { toks } = tk;
  const out: Mention[] = [];
  let afterNumber = false;
  for (let i = 0; i < toks.length; ) {
    const t = toks[i]!;
    if (blocked[i] || isHard(t)) {
      afterNumber = false;
      i++;
      continue;
    }
    const m = t.type === "w" ? nameAt(i) : null;
    if (m) {
      // "2 lượt xe loa": "lượt xe" and "xe loa" overlap on "xe", both of one indicator: one name
      const over = m.end - 1 > i ? nameAt(m.end - 1) : null;
      const end = over && over.code === m.code && over.end > m.end ? over.end : m.end;
      out.push({ start: i, end, code: m.code });
      afterNumber = false;
      i = end;
      continue;
    }
    const num = numbers.read(i, afterNumber);
    if (num) {
      // a duration ("6 tháng") is neither a value nor the start of a name
      const duration = isWordIn(toks[num.end], TIME_UNITS) && !blocked[num.end];
      afterNumber = !duration;
      i = duration ? num.end + 1 : num.end;
      continue;
    }
    afterNumber = false;
    i++;
  }
  return out;
}

/** Two or more words, each capitalised ("Phạm Thanh"): a name, never a misspelt indicator. */
function isPersonName(toks: readonly Tok[], start: number, end: number): boolean {
  let words = 0;
  for (let j = start; j < end; j++) {
    const t = toks[j]!;
    if (t.type !== "w") continue;
    const first = t.o.charAt(0);
    const rest = t.o.slice(1);
    if (first === first.toLowerCase() || rest === rest.toUpperCase()) return false;
    words++;
  }
  return words >= 2;
}

/** Whether the one-word name at token i is part of another word ("thông tin" is not "tin"). */
function inCompound(toks: readonly Tok[], i: number): boolean {
  const prev = toks[i - 1];
  const next = toks[i + 1];
  const k = toks[i]!.k;
  return (
    (prev?.type === "w" && COMPOUND_STOP.has(`${prev.k} ${k}`)) ||
    (next?.type === "w" && COMPOUND_STOP.has(`${k} ${next.k}`))
  );
}

/** Whether an indicator's name of one or two words, written right, starts at a token in [from, to). */
function exactNameInside(toks: readonly Tok[], c: CompiledIndicators, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const a = toks[k];
    const b = toks[k + 1];
    if (a?.type !== "w") continue;
    if (c.exact.has(a.kt) && a.kt.length >= 4) return true;
    if (b?.type === "w" && (c.exact.has(a.k + b.k) || c.exact.has(a.kt + b.kt))) return true;
  }
  return false;
}

/**
 * Per compiled list: synonyms of five letters or more by their first two letters, in list order (the
 * only ones a typo is looked for in), and every beginning of a synonym (a name starts with its first word).
 */
const lookups = new WeakMap<CompiledIndicators, { byHead: Map<string, Synonym[]>; prefixes: Set<string> }>();

function lookupsOf(c: CompiledIndicators): { byHead: Map<string, Synonym[]>; prefixes: Set<string> } {
  let found = lookups.get(c);
  if (!found) {
    found = { byHead: new Map(), prefixes: new Set() };
    for (const key of c.exact.keys()) for (let n = 1; n <= key.length; n++) found.prefixes.add(key.slice(0, n));
    for (const syn of c.list) {
      if (syn.compact.length < 5) continue;
      const head = syn.compact.slice(0, 2);
      found.byHead.set(head, [...(found.byHead.get(head) ?? []), syn]);
    }
    lookups.set(c, found);
  }
  return found;
}

/**
 * Scratch lists of matchIndicator, overwritten on each call up to its own count of spans (it runs at almost
 * every word and calls nothing that calls it again): new lists per call were a seventh of the parser's
 * garbage on long messages.
 */
const ends: number[] = [];
const ck: string[] = [];
const ct: string[] = [];

/** Indicator mention starting at token i: longest synonym, then Telex, then a small typo. */
function matchIndicator(toks: readonly Tok[], blocked: Uint8Array, i: number, c: CompiledIndicators): NameMatch {
  if (c.exact.size === 0) return null;
  let spans = 0;
  let j = i;
  let accK = "";
  let accT = "";
  while (spans < c.maxWords) {
    const t = toks[j];
    if (!t || t.type !== "w" || blocked[j]) break;
    accK += t.k;
    accT += t.kt;
    ends[spans] = j + 1;
    ck[spans] = accK;
    ct[spans] = accT;
    spans++;
    if (accK.length > 40) break;
    // next word: directly after whitespace, or across a hyphen written inside the word ("pa-nô")
    const nx = toks[j + 1];
    if (nx && nx.type === "w") j = j + 1;
    else if (nx && nx.k === "-" && !nx.spaced && toks[j + 2]?.type === "w" && !toks[j + 2]!.spaced) j = j + 2;
    else break;
  }
  if (spans === 0) return null;
  const { byHead, prefixes } = lookupsOf(c);
  // past the first span that begins no synonym, no longer span is one
  let kMax = -1;
  while (kMax + 1 < spans && prefixes.has(ck[kMax + 1]!)) kMax++;
  let tMax = -1;
  while (tMax + 1 < spans && prefixes.has(ct[tMax + 1]!)) tMax++;
  for (let w = Math.max(kMax, tMax); w >= 0; w--) {
    const hit = (w <= kMax ? c.exact.get(ck[w]!) : undefined) ?? (w <= tMax ? c.exact.get(ct[w]!) : undefined);
    if (hit && !(ends[w] === i + 1 && inCompound(toks, i))) return { end: ends[w]!, code: hit.code };
  }
  // A verb run into the name ("treopano", "daphattoroi"): the name after one or two filler words.
  for (const rest of withoutFillerPrefix(toks[i]!.k)) {
    for (let w = spans - 1; w >= 0; w--) {
      const hit = c.exact.get(rest + ck[w]!.slice(toks[i]!.k.length));
      if (hit && hit.compact.length >= MIN_RUN_TOGETHER) return { end: ends[w]!, code: hit.code };
    }
  }
  // Small typos on longer names ("ap phick", "phat thnah"); never swallowing a number word or
  // a filler in front ("ba buổi tập huấn" is not a typo of "buổi tập huấn").
  const head = toks[i]!;
  if (isNumberWordKey(head.k) || isNumberWordKey(head.kt)) return null;
  // "nộp chậm 2 hôm thì" is no typo of "hội thi": a unit of time begins no name
  if (TIME_UNITS.has(head.k)) return null;
  // "phối hợp đăng 9 bài" is no typo of "họp dân": the second word of a compound begins no name
  const prev = toks[i - 1];
  if (prev?.type === "w" && COMPOUND_HEADS.has(`${prev.k} ${head.k}`)) return null;
  let bestHit: { end: number; code: string; dist: number; len: number } | null = null;
  const headNear = head.k.length >= 2 ? byHead.get(head.k.slice(0, 2)) : undefined;
  for (let w = Math.min(spans, 5) - 1; w >= 0; w--) {
    const s = ck[w]!;
    const near = s.length < 5 ? undefined : head.k.length >= 2 ? headNear : byHead.get(s.slice(0, 2));
    if (!near || FUZZY_STOP.has(s) || FUZZY_STOP.has(ct[w]!)) continue;
    // A person's name is no typo: "— Phạm Thanh Nam" is not "phát thanh".
    if (isPersonName(toks, i, ends[w]!)) continue;
    if (w === 0 && BREAK_WORDS.has(s)) continue;
    // "cho 90 ho o xom 5" (households in hamlet 5) is no typo of "họp xóm": no name holds "ở" or "tại";
    // "15 to moi mau" (sheets each template) is no typo of "tờ rơi": nor "mỗi" (each), typed "moi"
    if (saysWhereInside(toks, i, ends[w]!)) continue;
    // "tuyên truyền tháng 4" is no typo of "truyền thanh": a period word before its number
    if (isWordIn(toks[ends[w]! - 1], TIME_UNITS) && toks[ends[w]!]?.type === "n") continue;
    const max = s.length >= 12 ? 2 : 1;
    for (const syn of near) {
      if (Math.abs(syn.compact.length - s.length) > max || Math.abs(syn.words - (w + 1)) > 1) continue;
      let d = osaDistance(s, syn.compact, max);
      if (d > 0 && ct[w] !== s) d = Math.min(d, osaDistance(ct[w]!, syn.compact, max));
      // "900 tờ hội nghị 1 cuộc" is no typo of "tờ rơi": a name written right begins inside the span
      // (checked only for a near name: the rare case)
      if (
        d <= max &&
        (!bestHit || d < bestHit.dist || (d === bestHit.dist && s.length > bestHit.len)) &&
        !(w > 0 && exactNameInside(toks, c, i + 1, ends[w]!))
      ) {
        bestHit = { end: ends[w]!, code: syn.code, dist: d, len: s.length };
      }
    }
  }
  return bestHit ? { end: bestHit.end, code: bestHit.code } : null;
}

/** Words saying where ("ở", typed "o", and "tại") or each ("mỗi", typed "moi"), which no indicator's name holds. */
const WHERE_WORDS: ReadonlySet<string> = new Set(["o", "tai", "moi"]);

/** Whether a word saying where stands inside the span from token i to end (its first word left out). */
function saysWhereInside(toks: readonly Tok[], i: number, end: number): boolean {
  for (let x = i + 1; x < end; x++) if (isWordIn(toks[x], WHERE_WORDS)) return true;
  return false;
}
