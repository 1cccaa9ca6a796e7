/**
 * Sittings broken down by their attendees: "3 buổi tập huấn; buổi đầu 50 đoàn viên, hai buổi sau mỗi buổi
 * 45 đoàn viên" → 140 attendees, "họp dân 3 cuộc, 1 cuộc thôn Trung 60 người, 2 cuộc còn lại mỗi cuộc 45
 * người" → 150. After a count of meetings, the parts of its sentence each open with a count of the same
 * sittings ("2 cuộc", "hai buổi sau") or one sitting named by its rank ("buổi đầu", "buổi 1", "đợt cuối")
 * and end with people; when the parts' sittings add up to the count, the attendees are the sum of the
 * parts, each part's people times its sittings when said "mỗi buổi". The parts' counts are no figures.
 * Runs before the multipliers (stage 2), on tokens.
 */

import type { CompiledIndicators } from "./indicators.js";
import { createNameMatcher } from "./mentions.js";
import { CLOSING_PARTICLES, type NonValues, type TokenMarks } from "./non-values.js";
import { createNumberReader, type NumberReader } from "./numbers.js";
import { indItem, numItem, type Pair, pairUp } from "./pairing.js";
import { attendVerbAt, isWordIn, tokenKey as key, QUOTES, type Tok, type Tokenised } from "./tokens.js";

export interface SittingParts extends TokenMarks {
  /** The attendees' sum, as one pair. */
  pairs: Pair[];
}

/**
 * A number reader that also reads numbers taken for context: people counted beside a meeting ("50 đoàn viên")
 * are read by the stages on meetings (numbers asked about stay unread).
 */
export function peopleNumberReader(tk: Tokenised, nv: NonValues): NumberReader {
  return createNumberReader(
    tk,
    nv.blocked.map((v) => (v === 1 ? 0 : v)),
  );
}

/** Words for one sitting of a meeting. */
const SITTINGS = new Set(["buoi", "cuoc", "dot", "lop"]);
/** Ranks of one sitting ("buổi đầu", "đợt cuối", "buổi thứ nhất"). */
const RANKS = new Set(["dau", "cuoi", "thu", "mot", "nhat", "sau"]);
/** People counted as attendees after a part's figure (search keys of the first word). */
const PEOPLE = new Set([
  "nguoi",
  "ng",
  "doan",
  "hoi",
  "hoc",
  "dai",
  "can",
  "chi",
  "ba",
  "hv",
  "dv",
  "hs",
  "gv",
  "sv",
  "cb",
  "em",
  "luot",
  "thanh",
  "phu",
  "nhan",
  "chau",
  "giao",
  // by trade: fishermen, farmers, crews, stallholders; residents and elders ("cư dân", "cụ")
  "ngu",
  "nong",
  "thuyen",
  "tieu",
  "cu",
]);

const endsSentence = (t: Tok | undefined): boolean =>
  !t || t.type === "nl" || t.k === "." || t.k === "!" || t.k === "?" || t.k === "(";

/**
 * Reads the attendees of sittings broken down part by part after their count.
 * @example readSittingParts(tk, nv, compiled).pairs[0]?.num.value // 150 for "họp dân 3 cuộc, 1 cuộc 60 người, 2 cuộc còn lại mỗi cuộc 45 người"
 */
export function readSittingParts(tk: Tokenised, nv: NonValues, compiled: CompiledIndicators): SittingParts {
  const out: SittingParts = { pairs: [], blocked: [] };
  const { toks } = tk;
  const events = compiled.measures.get("cuoc");
  const attendees = compiled.measures.get("nguoi");
  if (!events || !attendees) return out;
  readUnnamedGatherings(tk, nv, compiled, events, attendees, out);
  readTimesMet(tk, nv, compiled, events, out);
  readAttendeesOfMeetings(tk, nv, compiled, events, attendees, out);
  readBracketedAttendees(tk, nv, compiled, events, attendees, out);
  readSittingCountLabels(tk, nv, compiled, events, out);
  readAttendeeLabels(tk, nv, compiled, events, attendees, out);
  // a cheap test first: most messages say no sitting twice
  let sittingWords = 0;
  for (const t of toks) if (t.type === "w" && SITTINGS.has(t.kt)) sittingWords++;
  // (two when the meetings are counted by name: "2 hội nghị, 1 cuộc …, 1 cuộc …")
  if (sittingWords < 2) return out;
  const numbers = createNumberReader(tk, nv.blocked);
  const loose = peopleNumberReader(tk, nv);
  const nameAt = createNameMatcher(toks, nv.blocked, compiled);
  const blocked = out.blocked as number[];
  for (let i = 0; i + 1 < toks.length; i++) {
    if (toks[i]!.type !== "n" || nv.blocked[i]) continue;
    const total = numbers.read(i, false);
    if (!total || total.bad || !Number.isInteger(total.value) || total.value < 2) continue;
    const unit = key(toks[total.end]);
    const named = nameAt(total.end);
    // "3 buổi tập huấn", "họp dân 3 cuộc": a count of sittings of the meetings
    if (!SITTINGS.has(unit) && named?.code !== events) continue;
    if (SITTINGS.has(unit) && named && named.code !== events) continue;
    // ("2 hội nghị, 1 cuộc 110 đại biểu, 1 cuộc 95 đại biểu": meetings by name, their parts in any sitting word)
    const sitting = SITTINGS.has(unit) ? unit : "";
    const read = readParts(toks, nv, numbers, loose, total.end + 1, sitting);
    if (!read || read.sittings !== total.value) continue;
    const first = read.people[0]!;
    const fixed = restatedParts(toks, loose, read.end, read.sitting, read.labelled, read.sum);
    const sum = fixed ? fixed.sum : read.sum;
    out.pairs.push(pairUp(numItem(first[0], first[1], sum), indItem(first[1], first[1] + 1, attendees), true));
    blocked.push(...read.tokens, ...(fixed?.tokens ?? []));
    i = read.end - 1;
  }
  return out;
}

/** One sitting named by its rank or number ("buổi 2", "cuộc đầu") and its people. */
interface LabelledPart {
  label: string;
  value: number;
}

/** Words that say something said was wrong ("nhầm", "xin lỗi", "sửa", "chỉnh", "không phải"). */
const CORRECTING = new Set(["nham", "sai", "lon", "loi", "sorry", "sua", "chinh", "phai"]);

/** Words right after a restated part's figure that go on to correct it ("54 chứ không phải 45", "54 mới đúng"). */
const CORRECTING_NEXT = new Set(["chu", "moi", "khong", "ko", "thoi"]);

/**
 * "buổi 1 có 210 em, buổi 2 có 195 em, …, em xin lỗi buổi 2 là 159 em chứ không phải 195": one sitting named again
 * by its label with a correction word near is that part's people, corrected; the sum follows. Looks up to 60 tokens
 * after the parts. Returns the corrected sum and the tokens read, or null.
 */
function restatedParts(
  toks: readonly Tok[],
  loose: ReturnType<typeof createNumberReader>,
  from: number,
  sitting: string,
  parts: readonly LabelledPart[],
  sum: number,
): { sum: number; tokens: number[] } | null {
  if (parts.length === 0) return null;
  let corrected = false;
  const tokens: number[] = [];
  for (let z = from; z < toks.length && z < from + 60; z++) {
    const k = key(toks[z]);
    if (CORRECTING.has(k)) corrected = true;
    if (k !== sitting) continue;
    const part = parts.find((p) => p.label === key(toks[z + 1]));
    if (!part) continue;
    let y = z + 2;
    for (let g = 0; g < 2 && (key(toks[y]) === "la" || key(toks[y]) === "co" || toks[y]?.k === ":"); g++) y++;
    const num = toks[y]?.type === "n" ? loose.read(y, false) : null;
    // ("buổi 2 là 54 chứ không phải 45": the people's word may be left out before the correction)
    if (!num || num.bad || !(PEOPLE.has(key(toks[num.end])) || CORRECTING_NEXT.has(key(toks[num.end])))) continue;
    // the correction word before the restated part, or right after it ("… 159 em chứ không phải 195")
    let after = false;
    for (let w = num.end + 1; w < num.end + 5 && w < toks.length && !endsSentence(toks[w]); w++)
      if (CORRECTING.has(key(toks[w]))) after = true;
    if (!corrected && !after) continue;
    sum += num.value - part.value;
    part.value = num.value;
    if (toks[z + 1]?.type === "n") tokens.push(z + 1);
    for (let w = y; w < num.end; w++) tokens.push(w);
    z = num.end;
  }
  return tokens.length > 0 ? { sum, tokens } : null;
}

/** The parts after a count of sittings, to its sentence's end: sittings counted, people summed, tokens to block. */
function readParts(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  loose: ReturnType<typeof createNumberReader>,
  from: number,
  named: string,
): {
  sittings: number;
  sum: number;
  people: [number, number][];
  tokens: number[];
  end: number;
  sitting: string;
  labelled: LabelledPart[];
} | null {
  // the sitting word of the parts: the count's own, else the first part's
  let sitting = named;
  let x = from;
  // the meeting's name and what it was about, to the first ",", ";" or ":" ("họp dân 2 cuộc: cuộc 1 70 người, …"),
  // over a quoted title ("2 buổi tọa đàm "Học sinh nói không với bạo lực học đường": buổi 1 …")
  const opens = (t: Tok | undefined): boolean => t?.k === "," || t?.k === ";" || t?.k === ":";
  let limit = from + 12;
  while (x < toks.length && x < limit && !opens(toks[x]) && !endsSentence(toks[x])) {
    const close = QUOTES.has(toks[x]!.k) ? closingQuote(toks, x) : -1;
    if (close > 0) limit += close - x;
    x = close > 0 ? close + 1 : x + 1;
  }
  if (!opens(toks[x])) return null;
  // ("3 buổi tuyên truyền phòng, chống lừa đảo: buổi thứ nhất 70 …": a comma inside the name, the parts after the colon)
  for (let c = x + 1; c < from + 16 && toks[x]!.k === "," && !endsSentence(toks[c]) && toks[c]!.type === "w"; c++)
    if (toks[c + 1]?.k === ":") x = c + 1;
  let sittings = 0;
  let sum = 0;
  const people: [number, number][] = [];
  const tokens: number[] = [];
  const labelled: LabelledPart[] = [];
  let glued = false;
  for (let first = true; first ? opens(toks[x]) : glued || toks[x]?.k === "," || toks[x]?.k === ";"; first = false) {
    const a = glued ? x : x + 1;
    let b = a;
    glued = false;
    // ("2 lớp tại hội trường xã, mỗi lớp 35 người": "mỗi <sitting>" after a comma goes on with its part)
    const goesOn = (c: number): boolean =>
      toks[c]!.k === "," && key(toks[c + 1]) === "moi" && key(toks[c + 2]) === sitting;
    while (b < toks.length && ((toks[b]!.k !== "," && toks[b]!.k !== ";") || goesOn(b)) && !endsSentence(toks[b])) {
      if (b > a + 2 && nextPartAt(toks, b)) {
        glued = true;
        break;
      }
      b++;
    }
    // the part's sittings: "2 cuộc …", "hai buổi sau …", or one by its rank: "buổi đầu", "buổi 1"
    let count = 0;
    let label = "";
    let y = a;
    const lead = numbers.read(a, false);
    if (!sitting) sitting = SITTINGS.has(key(toks[lead ? lead.end : a])) ? key(toks[lead ? lead.end : a]) : "buoi";
    if (lead && !lead.bad && key(toks[lead.end]) === sitting) {
      count = lead.value;
      for (let z = a; z < lead.end; z++) tokens.push(z);
      y = lead.end + 1;
    } else if (key(toks[a]) === sitting && (RANKS.has(key(toks[a + 1])) || toks[a + 1]?.type === "n")) {
      count = 1;
      label = key(toks[a + 1]);
      if (toks[a + 1]?.type === "n") tokens.push(a + 1);
      y = a + 2;
    } else if (people.length >= 2) {
      // "…, buổi 2 có 195 em, vẽ tranh cổ động được 35 tranh": a clause about other work ends the parts
      break;
    } else return null;
    // "mỗi buổi 45 đoàn viên": the people of each sitting
    let each = false;
    let figure: [number, number, number] | null = null;
    for (let z = y; z < b; z++) {
      if (key(toks[z]) === "moi" && key(toks[z + 1]) === sitting) each = true;
      if (toks[z]!.type !== "n" || (nv.blocked[z] && !(nv.blocked[z] === 1 && PEOPLE.has(key(toks[z + 1]))))) continue;
      const num = loose.read(z, false);
      if (!num || num.bad) return null;
      if (!PEOPLE.has(key(toks[num.end]))) return null;
      if (figure) return null;
      figure = [z, num.end, num.value];
      z = num.end - 1;
    }
    if (!figure || !Number.isInteger(count) || count < 1) return null;
    sittings += count;
    sum += each ? count * figure[2] : figure[2];
    people.push([figure[0], figure[1]]);
    if (label && !each) labelled.push({ label, value: figure[2] });
    for (let z = figure[0]; z < figure[1]; z++) tokens.push(z);
    x = b;
  }
  if (people.length < 2) return null;
  return { sittings, sum, people, tokens, end: x, sitting, labelled };
}

/** "… 210 em buổi 2 …": a part's people, then the next part's sitting and label with no comma between. */
function nextPartAt(toks: readonly Tok[], b: number): boolean {
  const t = toks[b + 1];
  return (
    SITTINGS.has(key(toks[b])) &&
    (t?.type === "n" || RANKS.has(key(t))) &&
    PEOPLE.has(key(toks[b - 1])) &&
    toks[b - 2]?.type === "n"
  );
}

/** The quote mark closing the title opened at x, on its line and within 20 tokens, or -1. */
function closingQuote(toks: readonly Tok[], x: number): number {
  for (let c = x + 1; c < toks.length && c <= x + 20 && toks[c]!.type !== "nl"; c++)
    if (QUOTES.has(toks[c]!.k)) return c;
  return -1;
}

/** Words before the people of an unnamed gathering ("cho 460 học sinh", "với 85 đoàn viên", ", 150 học sinh"). */
const PEOPLE_INTRO = new Set(["cho", "voi", ",", "co", "thu", "hut"]);

/**
 * "tổ chức 1 buổi ngoại khóa cho 460 học sinh", "3 buổi nói chuyện …, mỗi buổi 40 hội viên", "Nói chuyện
 * chuyên đề: 2 buổi, 150 học sinh": sittings ("buổi") of a gathering no indicator names, with people counted
 * after them in the sentence, are the plan's gatherings and their attendees (a broadcast never has people).
 */
function readUnnamedGatherings(
  tk: Tokenised,
  nv: NonValues,
  compiled: CompiledIndicators,
  events: string,
  attendees: string,
  out: SittingParts,
): void {
  const { toks } = tk;
  if (!toks.some((t) => t.type === "w" && SITTINGS.has(t.kt))) return;
  const numbers = createNumberReader(tk, nv.blocked);
  const loose = peopleNumberReader(tk, nv);
  const nameAt = createNameMatcher(toks, nv.blocked, compiled);
  // a gathering named in the message owns its bare sittings ("1 buổi tập huấn …; từ đầu năm 3 buổi với 900 người")
  if (namedAnywhere(toks, nameAt, events)) return;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (toks[i]!.type !== "n" || nv.blocked[i]) continue;
    const count = numbers.read(i, false);
    if (!count || count.bad || !Number.isInteger(count.value) || !gatheringSittings(toks, count.end, false)) continue;
    // ("mỗi ấp 01 buổi": each place's sittings, multiplied by the places in stage 2b)
    if (namedInClause(toks, nameAt, events, i, count.end) || eachBefore(toks, i, 4) || exceptionOfRate(toks, i))
      continue;
    const people = peopleAfter(toks, nv, loose, count.end + 1, key(toks[count.end]));
    if (!people) {
      // the sittings alone ("tổ chức 2 buổi sinh hoạt chi hội"): the gatherings, when nothing else follows
      if (figureInSentence(toks, nv, count.end + 1) || !gatheringSittings(toks, count.end, true)) continue;
      out.pairs.push(pairOf(i, count.end, count.value, events));
      for (let x = i; x < count.end; x++) (out.blocked as number[]).push(x);
      continue;
    }
    const value = people.each ? count.value * people.value : people.value;
    out.pairs.push(pairOf(i, count.end, count.value, events), pairOf(people.start, people.end, value, attendees));
    for (let x = i; x < count.end; x++) (out.blocked as number[]).push(x);
    for (let x = people.start; x < people.end; x++) (out.blocked as number[]).push(x);
    i = people.end - 1;
  }
}

/**
 * "Chi hội … họp ba lần trong quý", "thôn họp được 2 lần", "họp 1 buổi 30 người": times met, counted after the bare verb the gatherings'
 * names start with ("họp dân", "họp thôn"), are the gatherings held (a named gathering is the pairing's).
 */
function readTimesMet(
  tk: Tokenised,
  nv: NonValues,
  compiled: CompiledIndicators,
  events: string,
  out: SittingParts,
): void {
  const { toks } = tk;
  if (!compiled.list.some((s) => s.code === events && s.words >= 2 && s.compact.startsWith("hop"))) return;
  const numbers = createNumberReader(tk, nv.blocked);
  const nameAt = createNameMatcher(toks, nv.blocked, compiled);
  const named = namedAnywhere(toks, nameAt, events);
  for (let i = 1; i < toks.length; i++) {
    if (nv.blocked[i]) continue;
    const count = numbers.read(i, false);
    // times ("lần") or sittings ("họp 1 buổi 30 người", "họp 3 cuộc")
    if (!count || count.bad || !Number.isInteger(count.value) || !MET_UNITS.has(key(toks[count.end]))) continue;
    // sittings only where no gathering is named (its sittings are the pairing's, with their periods) and not
    // each place's ("mỗi tổ họp 1 cuộc": the multipliers')
    if (
      key(toks[count.end]) !== "lan" &&
      (named || nameAt(count.end + 1) || eachBefore(toks, i, 5) || exceptionOfRate(toks, i))
    )
      continue;
    const verb = meetingVerbBefore(toks, nameAt, key(toks[i - 1]) === "duoc" ? i - 2 : i - 1);
    if (verb < 0 || nameAt(verb) || lastPeriodBefore(toks, verb)) continue;
    out.pairs.push(pairOf(i, count.end, count.value, events));
    for (let x = i; x < count.end; x++) (out.blocked as number[]).push(x);
    i = count.end;
  }
}

/**
 * The bare verb "họp" at `at`, or a few words before it naming who met ("họp chi hội 6 buổi", "hop khu pho 1 cuoc",
 * "họp chi hội lồng ghép tuyên truyền - 8 buổi"), no indicator named between; else -1.
 */
function meetingVerbBefore(toks: readonly Tok[], nameAt: (i: number) => { end: number } | null, at: number): number {
  for (let x = at; x >= 0 && x >= at - 6; x--) {
    const t = toks[x]!;
    if (key(t) === "hop") return x;
    if (!(t.type === "w" || t.k === "-" || t.k === ":") || nameAt(x)) return -1;
  }
  return -1;
}

/** Periods a "trước" / "rồi" after them makes the last one ("tháng trước", "tuần rồi"). */
const PERIOD_UNITS: ReadonlySet<string> = new Set(["thang", "quy", "tuan", "nam", "ky"]);

/**
 * "tháng trước họp 2 buổi", "tháng trước thôn họp 3 lần": the last period named right before the verb, or before
 * who met (a few words), in its clause (its meetings are the periods stage's).
 */
function lastPeriodBefore(toks: readonly Tok[], verb: number): boolean {
  for (let x = verb - 1; x >= 1 && x >= verb - 4 && toks[x]!.type === "w"; x--)
    if ((key(toks[x]) === "truoc" || key(toks[x]) === "roi") && PERIOD_UNITS.has(key(toks[x - 1]))) return true;
  return false;
}

/**
 * Whether "mỗi" stands among the `reach` - 1 words before token i, past the one right before it: "mỗi ấp 01
 * buổi" (its unit, reach 4), "mỗi tổ họp 1 cuộc" (its unit and a verb, reach 5).
 */
function eachBefore(toks: readonly Tok[], i: number, reach: number): boolean {
  for (let x = i - 2; x >= 0 && x >= i - reach && toks[x]!.type === "w"; x--) if (key(toks[x]) === "moi") return true;
  return false;
}

/**
 * Whether the count at i is an exception to a rate: "mỗi thôn 1 buổi, riêng thôn A họp 2 buổi" (the multipliers
 * fold it into the rate's product). "riêng" a few words before, in its sentence, after a "mỗi" in the sentence.
 */
function exceptionOfRate(toks: readonly Tok[], i: number): boolean {
  let x = i - 1;
  while (x >= 0 && x >= i - 10 && key(toks[x]) !== "rieng" && !endsSentence(toks[x])) x--;
  if (key(toks[x]) !== "rieng") return false;
  for (let y = x - 1; y >= 0 && y >= x - 12 && !endsSentence(toks[y]); y--) if (key(toks[y]) === "moi") return true;
  return false;
}

/** What times met are counted in after the bare verb of meeting. */
const MET_UNITS: ReadonlySet<string> = new Set(["lan", "buoi", "cuoc"]);

/**
 * The gatherings' code when the count [i, end) counts sittings of a gathering no indicator names ("mỗi trường 2
 * buổi ngoại khóa"), as readUnnamedGatherings reads them; else undefined. For the multipliers, which read the
 * count after "mỗi <unit>" as a product.
 */
export function unnamedSittingsCode(
  toks: readonly Tok[],
  nameAt: (i: number) => { end: number; code?: string } | null,
  compiled: CompiledIndicators,
  i: number,
  end: number,
): string | undefined {
  const events = compiled.measures.get("cuoc");
  if (!events || !gatheringSittings(toks, end, false) || namedInClause(toks, nameAt, events, i, end)) return undefined;
  return namedAnywhere(toks, nameAt, events) ? undefined : events;
}

/** Whether the message names the gatherings (`events`) anywhere: then they own its bare sittings. */
function namedAnywhere(
  toks: readonly Tok[],
  nameAt: (i: number) => { end: number; code?: string } | null,
  events: string,
): boolean {
  for (let x = 0; x < toks.length; x++) if (toks[x]!.type === "w" && nameAt(x)?.code === events) return true;
  return false;
}

/** Times of day a "buổi" may name instead of a sitting ("2 buổi sáng chiều", "buổi tối"). */
const TIMES_OF_DAY = new Set(["sang", "chieu", "toi", "trua", "dem", "ngay", "tuan", "thang"]);

/**
 * Whether `end` ends a count of sittings of a gathering held for people: "buổi" but a time of day ("2 buổi sáng
 * chiều"), and "lớp", "cuộc" with the gathering's name after them ("2 lớp bồi dưỡng"; "18 lớp," is a school's
 * size). `named`: the gathering's name must follow (sittings read without their people: "30 buổi ạ" is a
 * broadcast's). The writers' convention: any gathering's sittings are the plan's meetings ("sinh hoạt", "tư vấn",
 * "giao lưu" too).
 */
function gatheringSittings(toks: readonly Tok[], end: number, named: boolean): boolean {
  const unit = key(toks[end]);
  const next = toks[end + 1];
  if (TIMES_OF_DAY.has(key(next)) || !(unit === "buoi" || unit === "lop" || unit === "cuoc")) return false;
  if (unit === "buoi" && !named) return true;
  return next?.type === "w" && !isWordIn(next, CLOSING_PARTICLES);
}

/** Whether a figure not yet taken follows in the sentence of `from` (then the sittings are not read alone). */
function figureInSentence(toks: readonly Tok[], nv: NonValues, from: number): boolean {
  for (let x = from; x < toks.length && !endsSentence(toks[x]) && toks[x]!.k !== ";"; x++)
    if (toks[x]!.type === "n" && !nv.blocked[x]) return true;
  return false;
}

/** Sitting words a label counts gatherings by ("số buổi: 1", "số cuộc: 2"); "lớp" is as often a school's classes. */
const LABELLED_SITTINGS = new Set(["buoi", "cuoc"]);

/**
 * "…; số buổi: 1.", "Số cuộc: 2": a bare label counting sittings, its figure with no unit after,
 * is the gatherings' (not when it names another indicator: "số buổi phát thanh: 30"). Looks at "số" only.
 */
function readSittingCountLabels(
  tk: Tokenised,
  nv: NonValues,
  compiled: CompiledIndicators,
  events: string,
  out: SittingParts,
): void {
  const { toks } = tk;
  let nameAt: ReturnType<typeof createNameMatcher> | null = null;
  let numbers: NumberReader | null = null;
  for (let i = 0; i + 3 < toks.length; i++) {
    if (key(toks[i]) !== "so" || !LABELLED_SITTINGS.has(key(toks[i + 1]))) continue;
    nameAt ??= createNameMatcher(toks, nv.blocked, compiled);
    let j = i + 2;
    let other = false;
    for (; j < i + 6 && toks[j]?.type === "w" && key(toks[j]) !== "la"; j++) {
      const named = nameAt(j);
      if (named && named.code !== events) other = true;
    }
    // (only the bare label: "số buổi tập huấn là 3" names the gatherings for the pairing)
    if (other || j !== i + 2) continue;
    if (!(toks[j]?.k === ":" || key(toks[j]) === "la") || toks[j + 1]?.type !== "n" || nv.blocked[j + 1]) continue;
    numbers ??= createNumberReader(tk, nv.blocked);
    const num = numbers.read(j + 1, false);
    if (!num || num.bad || !Number.isInteger(num.value)) continue;
    // (a unit of its own after the figure is the pairing's: "số buổi: 17 buổi"); only beside people counted,
    // as in a report's lines ("Hội nghị\n…\nSố cuộc: 2" alone stays in doubt)
    const after = toks[num.end];
    if (after?.type === "w" || after?.k === "/" || !peopleCounted(toks)) continue;
    out.pairs.push(pairOf(j + 1, num.end, num.value, events));
    for (let x = j + 1; x < num.end; x++) (out.blocked as number[]).push(x);
    i = num.end - 1;
  }
}

/**
 * "số đoàn viên tham gia buổi sinh hoạt là 45 đoàn viên", "số học sinh tham dự buổi ngoại khóa "…" là 1.150 em": a label
 * of people who attend a gathering (named or not) gives the attendees, whoever they are. Looks at "số" only.
 */
function readAttendeeLabels(
  tk: Tokenised,
  nv: NonValues,
  compiled: CompiledIndicators,
  events: string,
  attendees: string,
  out: SittingParts,
): void {
  const { toks } = tk;
  let nameAt: ReturnType<typeof createNameMatcher> | null = null;
  let loose: NumberReader | null = null;
  for (let i = 0; i + 4 < toks.length; i++) {
    // ("Tổng số người dự …: 300": a total's label is the pairing's, which knows totals)
    if (key(toks[i]) !== "so" || !PEOPLE.has(key(toks[i + 1])) || key(toks[i - 1]) === "tong") continue;
    let v = i + 2;
    while (v < i + 4 && !attendVerbAt(toks, v) && toks[v]?.type === "w") v++;
    if (!attendVerbAt(toks, v)) continue;
    if (key(toks[v]) === "tham") v++; // "tham dự", "tham gia": the verb's second word
    nameAt ??= createNameMatcher(toks, nv.blocked, compiled);
    // what they attended, to "là" or ":" (a quoted title may stand in it); no other indicator named
    let j = v + 1;
    let other = false;
    const limit = v + 24;
    while (j < limit && j < toks.length && toks[j]!.type !== "n" && toks[j]!.type !== "nl" && key(toks[j]) !== "la") {
      if (toks[j]!.k === ":" || toks[j]!.k === "," || toks[j]!.k === ";" || toks[j]!.k === ".") break;
      const named = nameAt(j);
      if (named && named.code !== events && named.code !== attendees) other = true;
      j++;
    }
    // (the gathering named between the verb and the figure; "Tổng số người tham dự là 315" is the pairing's)
    if (other || j === v + 1 || !(toks[j]?.k === ":" || key(toks[j]) === "la") || toks[j + 1]?.type !== "n") continue;
    if (nv.blocked[j + 1] === 2) continue;
    loose ??= peopleNumberReader(tk, nv);
    const num = loose.read(j + 1, false);
    if (!num || num.bad || !Number.isInteger(num.value)) continue;
    // (people in the attendees' own measure, "300 người", are the pairing's already)
    const after = toks[num.end];
    if (after?.type === "w" && (!PEOPLE.has(key(after)) || compiled.measures.get(after.k) === attendees)) continue;
    out.pairs.push(pairOf(j + 1, num.end, num.value, attendees));
    for (let x = j + 1; x < num.end; x++) (out.blocked as number[]).push(x);
    i = num.end - 1;
  }
}

/** Whether the message counts people anywhere ("1.150 người", "60 hội viên", "người tham dự: 175"). */
function peopleCounted(toks: readonly Tok[]): boolean {
  for (let x = 0; x + 1 < toks.length; x++) {
    if (toks[x]!.type !== "w" || !PEOPLE.has(key(toks[x]))) continue;
    if (toks[x - 1]?.type === "n" || [1, 2, 3, 4].some((d) => toks[x + d]?.type === "n")) return true;
  }
  return false;
}

const pairOf = (start: number, end: number, value: number, code: string): Pair =>
  pairUp(numItem(start, end, value), indItem(end, end + 1, code), true);

/** The closing bracket of a bracket at `at` holding only words and blocked numbers (dates), or -1. */
function datesBracketEnd(toks: readonly Tok[], nv: NonValues, at: number): number {
  if (toks[at]?.k !== "(") return -1;
  for (let x = at + 1; x < at + 14 && toks[x] && toks[x]!.type !== "nl"; x++) {
    if (toks[x]!.k === ")") return x;
    if (toks[x]!.type === "n" && !nv.blocked[x]) return -1;
  }
  return -1;
}

/**
 * Whether an indicator names the sittings of the count [i, end) ("2 buổi phát thanh", "1 buổi tập huấn"), or
 * another than the gatherings (`events`) is named around it in its clause ("phát thanh 2 buổi").
 */
function namedInClause(
  toks: readonly Tok[],
  nameAt: (i: number) => { end: number; code?: string } | null,
  events: string,
  i: number,
  end: number,
): boolean {
  const other = (x: number): boolean => {
    const hit = nameAt(x);
    return !!hit && hit.code !== events;
  };
  // ("1 buổi tập huấn", "1 buoi hop dan": a named gathering is read by the pairing, with its periods)
  if (nameAt(end)) return true;
  for (let x = i - 1; x >= 0 && x >= i - 8 && toks[x]!.type === "w"; x--) if (other(x)) return true;
  for (let x = end + 1; x < end + 6 && toks[x]?.type === "w"; x++) if (other(x)) return true;
  return false;
}

/**
 * The people after a gathering's sittings, in its sentence: "cho 460 học sinh", "với 85 đoàn viên", "mỗi buổi
 * (khoảng) 40 hội viên" (each) — the only figure there besides places' counts; else null.
 */
function peopleAfter(
  toks: readonly Tok[],
  nv: NonValues,
  loose: ReturnType<typeof createNumberReader>,
  from: number,
  sitting: string,
): { start: number; end: number; value: number; each: boolean } | null {
  let found: { start: number; end: number; value: number; each: boolean; said: boolean } | null = null;
  let each = false;
  // ("họp 2 buổi (ngày 9/11 và 18/11), mỗi buổi 50 người": the sittings' dates in brackets are passed over)
  const start = datesBracketEnd(toks, nv, from) + 1 || from;
  // a comma after the people opens the next clause ("…, 900 lượt học sinh, treo 3 băng rôn")
  let clauseAfter = false;
  for (let x = start; x < toks.length && x < start + 16 && !endsSentence(toks[x]) && toks[x]!.k !== ";"; x++) {
    if (key(toks[x]) === "moi" && key(toks[x + 1]) === sitting) each = true;
    if (found && toks[x]!.k === ",") clauseAfter = true;
    if (toks[x]!.type !== "n") continue;
    if (nv.blocked[x] && !(nv.blocked[x] === 1 && PEOPLE.has(key(toks[x + 1])))) continue;
    // ("310 HS + 25 GV tham dự": a sum of people, read as one number in stage 2)
    const sum = nv.arithmetic.products.get(x);
    const num = sum ? { ...sum, bad: false } : loose.read(x, false);
    if (found && clauseAfter && num && !num.bad && !isPeople(toks, num.end) && !SITTINGS.has(key(toks[num.end])))
      return found.said ? found : null;
    if (found && num && !num.bad && joinsPeople(toks, found.end, x) && isPeople(toks, num.end)) {
      // "cho 85 cháu và 60 phụ huynh": two groups of people attending, added up
      const group = found as { start: number; end: number; value: number; each: boolean; said: boolean };
      found = { start: group.start, end: num.end, value: group.value + num.value, each: group.each, said: group.said };
      x = num.end - 1;
      continue;
    }
    if (!num || num.bad || !PEOPLE.has(key(toks[num.end])) || found) return null;
    let b = x - 1;
    if (key(toks[b]) === "khoang" || key(toks[b]) === "gan" || key(toks[b]) === "hon") b--;
    // ", tổng 630 em", "…, tổng cộng 1.205 lượt học sinh tham gia", "tổng số 180 người": the people of all the sittings
    const total =
      key(toks[b]) === "tong" || ((key(toks[b]) === "cong" || key(toks[b]) === "so") && key(toks[b - 1]) === "tong");
    // ("họp 1 buổi 45 hội viên": people named right after the sitting, not a bare "lượt")
    const right = (b === from - 1 || placeBetween(toks, from, x)) && b === x - 1 && key(toks[num.end]) !== "luot";
    const intro = each ? key(toks[b]) === sitting : PEOPLE_INTRO.has(key(toks[b])) || total || right;
    if (!intro) return null;
    // (people said by a word before or after them, not only a comma: "1 buổi, 45 hs, phát …" stays asked)
    const said = key(toks[b]) !== "," || attendingAfter(toks, num.end);
    found = { start: x, end: num.end, value: num.value, each, said };
    x = num.end - 1;
  }
  return found;
}

/** Whether [from, x) is only where the sittings were held ("2 buổi tại cảng 180 ngư dân", "1 buổi ở chợ 70 tiểu thương"). */
function placeBetween(toks: readonly Tok[], from: number, x: number): boolean {
  if (x - from > 5 || x - from < 2 || (key(toks[from]) !== "tai" && key(toks[from]) !== "o")) return false;
  for (let y = from; y < x; y++) if (toks[y]!.type !== "w") return false;
  return true;
}

/** Whether [end, x) is a group of people's words then "và" ("85 cháu và 60 …", "40 học sinh và 12 …"). */
function joinsPeople(toks: readonly Tok[], end: number, x: number): boolean {
  if (x - end > 4 || key(toks[x - 1]) !== "va") return false;
  for (let y = end; y < x; y++) if (toks[y]!.type !== "w") return false;
  return true;
}

/** "900 lượt học sinh tham gia", "45 hội viên dự": attending said within the people's few words. */
function attendingAfter(toks: readonly Tok[], end: number): boolean {
  for (let x = end; x < end + 4 && toks[x]?.type === "w"; x++)
    if (key(toks[x]) === "tham" || key(toks[x]) === "du") return true;
  return false;
}

/** Words between a label and its figure ("…: 1.230", "… là 310"). */
const LABEL_LINKS: ReadonlySet<string> = new Set([":", "la", "="]);

/**
 * "Tổng số người tham dự 5 hội nghị: 1.230 lượt người", "người tham dự 2 hội nghị 70 + 85 người": the attendees'
 * label holding a count of the gatherings; the count is the gatherings', the figure after the label the attendees'.
 */
function readAttendeesOfMeetings(
  tk: Tokenised,
  nv: NonValues,
  compiled: CompiledIndicators,
  events: string,
  attendees: string,
  out: SittingParts,
): void {
  const { toks } = tk;
  const numbers = createNumberReader(tk, nv.blocked);
  const nameAt = createNameMatcher(toks, nv.blocked, compiled);
  for (let i = 0; i + 3 < toks.length; i++) {
    if (toks[i]!.type !== "w" || nv.blocked[i]) continue;
    const head = nameAt(i);
    if (head?.code !== attendees || toks[head.end]?.type !== "n") continue;
    const count = numbers.read(head.end, false);
    if (!count || count.bad || !Number.isInteger(count.value)) continue;
    const meetings = nameAt(count.end);
    if (meetings?.code !== events) continue;
    let f = meetings.end;
    if (LABEL_LINKS.has(key(toks[f]))) f++;
    // ("70 + 85 người": a sum of bare numbers read as one)
    const figure = toks[f]?.type === "n" ? (nv.arithmetic.products.get(f) ?? numbers.read(f, false)) : null;
    if (!figure || ("bad" in figure && figure.bad) || figure.value <= count.value) continue;
    out.pairs.push(pairOf(head.end, count.end, count.value, events), pairOf(f, figure.end, figure.value, attendees));
    for (let x = head.end; x < count.end; x++) (out.blocked as number[]).push(x);
    for (let x = f; x < figure.end; x++) (out.blocked as number[]).push(x);
    i = figure.end - 1;
  }
}

/**
 * "2 buổi (Trường THCS 450 em, Trường THPT 380 em)", "2 hội nghị (thôn Đông 64 hội viên, thôn Tây 58 hội
 * viên)": people given in parts in a bracket after a count of the gatherings' sittings add up to their attendees,
 * when no other people are counted in the sentence.
 */
function readBracketedAttendees(
  tk: Tokenised,
  nv: NonValues,
  compiled: CompiledIndicators,
  events: string,
  attendees: string,
  out: SittingParts,
): void {
  const { toks } = tk;
  let open = -1;
  for (let x = 0; x < toks.length; x++) if (toks[x]!.k === "(") open = x;
  if (open < 0) return;
  const numbers = createNumberReader(tk, nv.blocked);
  const loose = peopleNumberReader(tk, nv);
  const nameAt = createNameMatcher(toks, nv.blocked, compiled);
  for (let i = 0; i < open; i++) {
    if (toks[i]!.type !== "n" || nv.blocked[i]) continue;
    const count = numbers.read(i, false);
    if (!count || count.bad || !Number.isInteger(count.value) || !countsGatherings(toks, nameAt, events, i, count.end))
      continue;
    const at = bracketAfter(toks, nv, count.end);
    if (at < 0) continue;
    const parts = peopleParts(toks, nv, loose, nameAt, at, attendees);
    if (!parts || peopleInSentence(toks, nv, loose, parts.end + 1)) continue;
    const first = parts.figures[0]!;
    out.pairs.push(pairOf(first[0], first[1], parts.sum, attendees));
    for (const [a, b] of parts.figures) for (let x = a; x < b; x++) (out.blocked as number[]).push(x);
    i = parts.end;
  }
}

/** Whether the count [i, end) counts the gatherings: their sittings ("2 buổi") or their name ("2 hội nghị"). */
function countsGatherings(
  toks: readonly Tok[],
  nameAt: (i: number) => { end: number; code?: string } | null,
  events: string,
  i: number,
  end: number,
): boolean {
  const named = nameAt(end);
  if (named) return named.code === events;
  if (!SITTINGS.has(key(toks[end])) || TIMES_OF_DAY.has(key(toks[end + 1]))) return false;
  // ("phát thanh 2 buổi (…)": another indicator's sittings)
  for (let x = i - 1; x >= 0 && x >= i - 6 && toks[x]!.type === "w"; x--) {
    const hit = nameAt(x);
    if (hit && hit.code !== events) return false;
  }
  return true;
}

/** The bracket opening after a count within its clause, past the gathering's name and topic (no figure), or -1. */
function bracketAfter(toks: readonly Tok[], nv: NonValues, from: number): number {
  for (let x = from; x < toks.length && x < from + 14; x++) {
    const t = toks[x]!;
    if (t.k === "(") return x;
    if (t.type === "nl" || t.k === ";" || t.k === "." || t.k === ")" || (t.type === "n" && !nv.blocked[x])) return -1;
  }
  return -1;
}

/**
 * The parts of a bracket at `at`, each a label and one figure of people ("khối 6: 120 học sinh"); null unless two
 * or more parts and nothing else (no sittings, no indicator).
 */
function peopleParts(
  toks: readonly Tok[],
  nv: NonValues,
  loose: NumberReader,
  nameAt: (i: number) => { end: number; code?: string } | null,
  at: number,
  attendees: string,
): { sum: number; figures: [number, number][]; end: number } | null {
  const figures: [number, number][] = [];
  let sum = 0;
  let inPart = 0;
  for (let x = at + 1; x < toks.length && x < at + 60; x++) {
    const t = toks[x]!;
    if (t.k === ")" || t.k === "," || t.k === ";") {
      if (inPart !== 1) return null;
      inPart = 0;
      if (t.k === ")") return figures.length >= 2 ? { sum, figures, end: x } : null;
      continue;
    }
    if (t.type === "nl" || t.k === "(") return null;
    if (t.type === "w" && SITTINGS.has(key(t)) && toks[x + 1]?.type === "n") {
      // ("lớp 10A 40 đoàn viên": a class named by its number labels its part)
      x++;
      while (toks[x + 1] && !toks[x + 1]!.spaced && toks[x + 1]!.type !== "p") x++;
      continue;
    }
    // (the attendees' own name stands in a part: "xã Đông Sơn 120 đại biểu")
    if (t.type === "w" && (SITTINGS.has(key(t)) || (nameAt(x) && nameAt(x)!.code !== attendees))) return null;
    if (t.type !== "n" || (nv.blocked[x] && !(nv.blocked[x] === 1 && PEOPLE.has(key(toks[x + 1]))))) continue;
    const num = loose.read(x, false);
    if (!num || num.bad || !isPeople(toks, num.end)) return null;
    figures.push([x, num.end]);
    sum += num.value;
    inPart++;
    x = num.end - 1;
  }
  return null;
}

/** People after a figure: "em", "hội viên", "lượt học sinh" (not a bare "lượt"). */
const isPeople = (toks: readonly Tok[], at: number): boolean =>
  PEOPLE.has(key(toks[at])) &&
  (key(toks[at]) !== "luot" || (PEOPLE.has(key(toks[at + 1])) && key(toks[at + 1]) !== "luot"));

/** Whether people are counted after `from` in its sentence ("…), tổng 830 em"). */
function peopleInSentence(toks: readonly Tok[], nv: NonValues, loose: NumberReader, from: number): boolean {
  for (let x = from; x < toks.length && x < from + 16 && !endsSentence(toks[x]) && toks[x]!.k !== ";"; x++) {
    if (toks[x]!.type !== "n" || (nv.blocked[x] && nv.blocked[x] !== 1)) continue;
    const num = loose.read(x, false);
    if (num && !num.bad && isPeople(toks, num.end)) return true;
  }
  return false;
}
