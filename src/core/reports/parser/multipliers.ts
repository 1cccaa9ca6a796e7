/**
 * Multipliers and shared numbers:
 * - "mỗi thôn 2 pa nô" (or "thôn nào cũng treo 2 pa nô") with the count given somewhere ("xã có 9 thôn", "12 thôn, mỗi thôn …",
 *   "6 tổ dân phố mỗi tổ 1 cụm") → 18; "2 lớp tập huấn, mỗi lớp 35 học viên" → 70 học viên (the
 *   2 classes stay a figure); every figure of the clause counts ("Mỗi thôn treo 1 pa nô và 2 băng
 *   rôn; xã có 14 thôn" → 14 and 28). Without the count the per-unit figure is quoted as unclear.
 *   A count of places used this way is neither a value nor unclear.
 * - "pa nô, áp phích: mỗi loại 4 cái" → 4 for each indicator named.
 * - A rate for a duration or a count: "2 lượt/ngày trong 4 ngày" → 8, "60 người/cuộc" with "2 cuộc"
 *   → 120, "2 tờ/hộ cho 500 hộ" → 1,000.
 * - "pa nô và áp phích đều 4 cái" → 4 each.
 * ("3 buổi/tuần x 12 tuần" and "60 + 85" are arithmetic: arithmetic.ts.)
 * Runs after stage 2 (non-values) and before the mentions (stage 3): the words "mỗi hội nghị"
 * must not be read as a mention of hội nghị.
 */

import { opensClause } from "./clauses.js";
import { dateRangeAfter, daysOfDateRange, TO_WORDS } from "./date-spans.js";
import { type CompiledIndicators, countedInSheets } from "./indicators.js";
import { createNameMatcher } from "./mentions.js";
import type { NonValues, TokenMarks } from "./non-values.js";
import { createNumberReader } from "./numbers.js";
import { countsOtherThing } from "./other-things.js";
import { type IndItem, indItem, numItem, type Pair, pairUp } from "./pairing.js";
import { sittingRateCounts } from "./rate-counts.js";
import { unnamedSittingsCode } from "./sittings.js";
import {
  isWordIn,
  tokenKey as key,
  lastingWordsAt,
  monthDaysAt,
  pastRateWords,
  spanWordAt,
  type Tok,
  type Tokenised,
} from "./tokens.js";
import { DAY_PARTS, PEOPLE_PHRASES, PEOPLE_SHORT, PLACE_WORDS, TIME_UNITS } from "./vocabulary.js";

export interface Multipliers extends TokenMarks {
  /** Pairs read here ("mỗi loại 4 cái" → one per indicator named). */
  pairs: Pair[];
  /** Unclear ranges (rates) settled into a product here: no longer unclear. */
  settled: number[];
}

/** "mỗi cái", "mỗi chiếc": each of the things just counted; with no count of them, a detail, no figure. */
const EACH_THING = new Set(["cai", "chiec"]);
/** "mỗi loại", "mỗi thứ": the number is each named indicator's. */
const EACH_KIND = new Set(["loai", "thu"]);
/** Sittings of a meeting counted by "mỗi" ("mỗi cuộc", "mỗi buổi", "mỗi lớp", "mỗi đợt"). */
const SITTING_UNITS: ReadonlySet<string> = new Set(["cuoc", "buoi", "lop", "dot"]);
/** Particles closing a chat message ("ạ", "nhé"): no unit of "mỗi". */
const CLOSERS: ReadonlySet<string> = new Set(["a", "ah", "nhe", "nha", "thoi"]);
/** Words that may stand between "mỗi <unit>" and its number ("mỗi thôn treo 2 pa nô"). */
const BETWEEN = new Set([
  "treo",
  "dan",
  "phat",
  "co",
  "dang",
  "to",
  "chuc",
  "lam",
  "dat",
  "khoang",
  "tam", // "mỗi buổi tầm 90 người": about
  "gan",
  "la",
  ":",
  "gom",
  "in",
  "dung",
  "xay",
  "them",
  "chay",
  "di",
  "hop", // "mỗi tổ họp 1 cuộc"
  // the officer's own word for themselves before the verb ("mỗi tuần em đăng 4 bài", "mỗi tháng mình làm")
  "em",
  "minh",
  "duoc",
  "nhan",
  "gui",
  "cap", // "mỗi thôn được cấp (phát) 150 tờ rơi"
  "it", // "mỗi hộ ít nhất 1 tờ", "tối thiểu": a minimum, read apart
  "nhat",
  "toi",
  "thieu",
  "hop", // "mỗi tổ họp 1 cuộc"
  // "mỗi chi đoàn thực hiện 1 cụm", "triển khai", "lắp đặt", "sản xuất", "vẽ": the other verbs of making a thing
  "thuc",
  "hien",
  "trien",
  "khai",
  "lap",
  "san",
  "xuat",
  "ve",
  "kem", // "mỗi phóng sự kèm 10 hình ảnh": what each holds
  "doc", // "mỗi buổi đọc 2 lượt": read out on the loudspeakers
]);
const CONJ = new Set([",", "/", "va", "&", "-", "hoac"]);
/** Verbs after "moi" typed without marks that make it "mới" (just): "pano moi treo 5 cai". */
const JUST_DONE = new Set([
  "treo",
  "phat",
  "dang",
  "dan",
  "in",
  "xay",
  "lam",
  "co",
  "duoc",
  "dung",
  "nhan",
  "gui",
  "hoan",
  "trien",
  "thuc",
  "bat",
]);
/** "2 pano moi kinh phi 15 trieu": a cost after "moi" typed without marks tells what the new things cost, no "mỗi". */
function newBeforeItsCost(toks: readonly Tok[], i: number): boolean {
  const next = key(toks[i + 1]);
  return (next === "kinh" || next === "chi") && key(toks[i + 2]) === "phi";
}
/** Verbs before "moi" typed without marks that make it "mới" (renewed): "thay moi", "lap moi". */
const RENEW = new Set(["thay", "lap", "mua", "lam", "cap", "sua"]);
/** Places of several words a "mỗi" may count ("mỗi tổ dân phố"). */
const PLACE_UNITS: readonly (readonly string[])[] = [
  ["to", "dan", "pho"],
  ["khu", "dan", "cu"],
  ["khu", "pho"],
  ["to", "dan", "cu"],
  ["cum", "dan", "cu"],
];
/** Places typed short after "mỗi" ("mỗi TDP", "mỗi KDC"), as the words they are counted by. */
const PLACE_ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ["tdp", ["to", "dan", "pho"]],
  ["kdc", ["khu", "dan", "cu"]],
]);
/** Places and people a "1 <unit> N" rate is said per ("1 hộ 1 tờ"). */
const ONE_EACH_UNITS = new Set([...PLACE_WORDS, "tdp", "nguoi"]);
const CLAUSE_OPEN = new Set([",", ";", ":", "(", "-"]);
/** Periods a rate is given per ("2 lượt/ngày"): counted only with "trong N ngày". */
const PERIOD_UNITS = new Set(["ngay", "tuan", "thang", "nam", "quy", "buoi", "dot"]);

const isSentenceEnd = (t: Tok | undefined): boolean =>
  !t || t.type === "nl" || t.k === ";" || t.k === "." || t.k === "!" || t.k === "?";

/**
 * Finds "mỗi …" multipliers, "mỗi loại N" shared numbers and rates over a duration.
 * @example findMultipliers(normaliseAndTokenise("xã có 9 thôn, mỗi thôn 2 pa nô"), nv, compiled).readings
 * // Map { 7 => { end: 8, value: 18 } }
 */
export function findMultipliers(tk: Tokenised, nv: NonValues, compiled: CompiledIndicators): Multipliers {
  const { toks } = tk;
  const out: Multipliers = { pairs: [], settled: [], blocked: [], transparent: [], unclear: [], readings: new Map() };
  const blocked = out.blocked as number[];
  const transparent = out.transparent as number[];
  const unclear = out.unclear as [number, number][];
  const readings = out.readings as Map<number, { end: number; value: number }>;
  // "2 đợt, mỗi đợt 3 lớp, mỗi lớp 30 học viên": a count read here as a product (6 lớp) multiplies the next rate
  const products = new Map<number, { end: number; value: number }>();
  const numbers = createNumberReader(tk, nv.blocked);
  // "2 buổi/tuần trong 6 tuần, mỗi buổi 2 lượt": sittings counted by a rate are its product for "mỗi buổi"
  const rated = sittingRateCounts(toks, numbers);
  for (const [k, v] of rated) products.set(k, v);
  const nameAt = createNameMatcher(toks, nv.blocked, compiled);
  const m: MultiplierScan = {
    tk,
    toks,
    nv,
    compiled,
    out,
    blocked,
    readings,
    products,
    numbers,
    nameAt,
    last: null,
    excepted: new Set(),
  };
  let counts: Map<string, Count[]> | null = null;

  const aired = airedEach(toks, nv, numbers, nameAt, out);
  airedAgain(toks, nv, numbers, nameAt, out);
  // ("… 300 tờ rơi mỗi thôn" may end the message: "mỗi" and its unit are its last two tokens)
  for (let i = 0; i + 1 < toks.length; i++) {
    if (aired.has(i)) continue;
    // ("pa nô với cụm cổ động mỗi cái 1": each thing, after two names or more, is each kind)
    const each =
      key(toks[i]) === "moi" &&
      (EACH_KIND.has(key(toks[i + 1])) ||
        (EACH_THING.has(key(toks[i + 1])) && namesBefore(toks, nv, nameAt, i).length >= 2));
    const both = key(toks[i]) === "deu" && toks[i]!.o.toLowerCase() !== "đếu";
    // "thôn nào cũng treo 2 băng rôn" reads as "mỗi thôn treo 2 băng rôn"
    // ("tháng nào bên em cũng 1 chuyên mục": a few words between)
    const cungAt = toks[i]!.type === "w" && key(toks[i + 1]) === "nao" ? everyOneEnd(toks, i + 2) : -1;
    const everyOne = cungAt > 0;
    // "phát 150 tờ rơi, 1 hộ 1 tờ": "1 <place> N" opening a clause reads as "mỗi <place> N"
    const oneEach =
      toks[i]!.k === "1" &&
      (i === 0 || CLAUSE_OPEN.has(toks[i - 1]!.k) || toks[i - 1]!.type === "nl") &&
      ONE_EACH_UNITS.has(key(toks[i + 1])) &&
      toks[i + 2]?.type === "n";
    if (oneEach) {
      const unit = unitAfter(toks, nameAt, i + 1);
      const figures = unit ? figuresInClause(toks, nv, numbers, unit.end) : [];
      // only as a detail of a total said before it, as "mỗi thôn 1 cái" after "treo 4 pano"
      if (unit && figures.length === 1 && namedFigureInSentence(toks, nv, numbers, nameAt, i)) {
        for (let x = i; x < unit.end; x++) transparent.push(x);
        for (let x = figures[0]![0]; x < figures[0]![1]; x++) blocked.push(x);
        out.settled.push(i);
        i = figures[0]![1] - 1;
        continue;
      }
    }
    // ", 1 hộ 1 tờ", "1 người 2 tờ" opening a clause: a rate, read as "mỗi hộ 1 tờ"
    const onePer = onePerAt(toks, nv, i);
    if (!onePer && ((key(toks[i]) !== "moi" && !both && !everyOne) || toks[i]!.type !== "w")) continue;
    // "mới" (just, new) is no "mỗi": "pa nô mới treo 5 cái"
    const written = toks[i]!.o.toLowerCase();
    const verbAfter = JUST_DONE.has(key(toks[i + 1])) || (key(toks[i + 1]) === "to" && key(toks[i + 2]) === "chuc");
    // "số liệu mới", "số mới" typed without marks: the new figure (corrections.ts), no "mỗi"
    // and "thay moi", "lap moi", "mua moi": renewed ("thay mới"), no "mỗi"
    const newFigure =
      written === "moi" && (key(toks[i - 1]) === "lieu" || key(toks[i - 1]) === "so" || RENEW.has(key(toks[i - 1])));
    // "treo thêm 2 bang ron moi a", "2 pano moi.": plain "moi" closing its clause is "mới" (new): no unit follows
    const closing =
      written === "moi" && (isSentenceEnd(toks[i + 1]) || toks[i + 1]?.k === "," || CLOSERS.has(key(toks[i + 1])));
    if (
      key(toks[i]) === "moi" &&
      (written === "mới" || (written === "moi" && (verbAfter || newBeforeItsCost(toks, i))) || newFigure || closing)
    )
      continue;
    // "mỗi loại 4 cái", "pa nô và áp phích đều 4 cái": shared by the names before it
    // "3 loại x 10 tờ mỗi loại = 30 tờ": after "=" stands the stated product, no figure for each kind
    if (each && toks[i + 2]?.k === "=") continue;
    if (each || both) {
      const num = firstNumber(toks, nv, numbers, each ? i + 2 : i + 1, 2);
      const named = namesBefore(toks, nv, nameAt, i);
      // "dán 4 loại áp phích, mỗi loại 12 tờ": the kinds counted before, of one indicator → 48
      if (num && each && named.length < 2) {
        counts ??= countsByWord(toks, numbers);
        const kinds = countOf(toks, counts, [key(toks[i + 1])], undefined, new Set([num[0]]));
        const counted = kinds && kinds.start < i ? countedName(toks, nameAt, kinds, 1) : null;
        if (kinds && counted && counted.start < i) {
          out.pairs.push(pairUp(numItem(num[0], num[1], num[2] * kinds.value), counted, false));
          for (let x = kinds.start; x < kinds.end; x++) blocked.push(x);
          for (let x = counted.start; x < counted.end; x++) blocked.push(x);
          for (let x = i; x < num[1]; x++) blocked.push(x);
          // the figure's measure ("12 tờ") is no mention of another indicator
          if (toks[num[1]]?.type === "w") blocked.push(num[1]);
          i = num[1];
          continue;
        }
      }
      if (!num || named.length < 2) continue;
      const item = numItem(num[0], num[1], num[2]);
      for (const ind of named) {
        out.pairs.push(pairUp(item, ind, false));
        for (let x = ind.start; x < ind.end; x++) blocked.push(x);
      }
      for (let x = i; x < num[1]; x++) blocked.push(x);
      i = num[1] - 1;
      continue;
    }
    // "fanpage + zalo mỗi kênh 6 bài": channels of one indicator named before, each with the figure
    if (EACH_CHANNEL.has(key(toks[i + 1])) && key(toks[i]) === "moi") {
      const named = channelsBefore(toks, nv, nameAt, i);
      const num = named.length >= 2 ? firstNumber(toks, nv, numbers, i + 2, 2) : null;
      if (num) {
        out.pairs.push(pairUp(numItem(num[0], num[1], num[2] * named.length), named[0]!, false));
        for (const m of named) for (let x = m.start; x < m.end; x++) blocked.push(x);
        for (let x = i; x < num[1]; x++) blocked.push(x);
        if (toks[num[1]]?.type === "w" && !nameAt(num[1])) blocked.push(num[1]);
        i = num[1];
        continue;
      }
    }
    // "mỗi thôn 2 pa nô", "mỗi hội nghị 50 người", "mỗi tổ 1 cụm"
    const unit = everyOne ? { words: [toks[i]!.kt], end: cungAt } : unitAfter(toks, nameAt, i + 1);
    if (!unit) continue;
    // "mỗi người dự 1 tờ rơi": a unit named by an indicator's name that opens with that indicator's own measure
    // ("người dự" of the attendees) is counted in the measure too ("90 người")
    if (!unit.alt && unit.words.length > 1 && compiled.measures.get(unit.words[0]!) === nameAt(i + 1)?.code)
      unit.alt = [unit.words[0]!];
    if (!everyOne && unit.words.length === 1 && unit.end === i + 2) {
      counts ??= countsByWord(toks, numbers);
      const w2 = toks[unit.end];
      // "mỗi đầu xã", "mỗi cổng trường": a part of a place; "5 điểm cầu, mỗi điểm cầu 30": the unit as counted
      if (
        w2?.type === "w" &&
        !nv.blocked[unit.end] &&
        !BETWEEN.has(w2.kt) &&
        !nameAt(unit.end) &&
        (PLACE_WORDS.has(w2.kt) || counts.get(unit.words[0]!)?.some((c) => key(toks[c.end + 1]) === w2.kt))
      ) {
        unit.words.push(w2.kt);
        unit.end++;
      }
    }
    // "mỗi điểm cầu bản 20 người", "mỗi hội nghị thôn 50 người": a place right after the unit, before its
    // figure, says which of the units (those at the villages)
    if (isWordIn(toks[unit.end], SITE_PLACES) && toks[unit.end + 1]?.type === "n" && unit.end > i + 2) unit.end++;
    // ("mỗi hội nghị ở thôn 50 người": said with "ở" / "tại")
    else if (
      (key(toks[unit.end]) === "o" || key(toks[unit.end]) === "tai") &&
      isWordIn(toks[unit.end + 1], SITE_PLACES) &&
      toks[unit.end + 2]?.type === "n" &&
      unit.end > i + 2
    )
      unit.end += 2;
    // "mỗi chi hội phụ nữ phát 50 tờ": the branch's members name it, they stand between it and its figure
    if (unit.words[0] === "chi") unit.end = membersEnd(toks, unit.end);
    // "Khẩu hiệu: mỗi thôn 4 cái x 3 thôn": the product (arithmetic.ts) is the figure; "mỗi thôn" stands between it and its name
    if (productAfter(toks, nv, unit.end)) {
      for (let x = i; x < unit.end; x++) transparent.push(x);
      continue;
    }
    let figures = figuresInClause(toks, nv, numbers, unit.end, nameAt);
    // "mỗi ngày 1 bài từ 1/12 đến 6/12": a daily rate over a range of dates, read with the rates
    if (unit.words[0] === "ngay" && figures.length > 0 && dateRangeAfter(toks, figures[0]![1])) continue;
    // "mỗi chuyên mục phát thanh 3 lượt": the figure of another indicator named right after the unit
    const other = figures.length === 0 && unit.end - (i + 1) > 0 ? nameAt(unit.end) : null;
    if (other) figures = figuresInClause(toks, nv, numbers, other.end, nameAt);
    const unitWord0 = unit.words[0]!;
    // "đăng 7 bài zalo, mỗi bài 3 ảnh": each of an indicator's own things described by a count of something the
    // plan does not record is a detail, no figure and nothing to ask about (people at each sitting attend)
    if (
      figures.length === 1 &&
      (compiled.measures.has(unitWord0) || compiled.heads.has(unitWord0)) &&
      !SITTING_UNITS.has(unitWord0) &&
      countsOtherThing(tk, figures[0]![1], compiled.headWords)
    ) {
      for (let x = i; x < unit.end; x++) transparent.push(x);
      for (let x = figures[0]![0]; x < figures[0]![1]; x++) blocked.push(x);
      out.settled.push(figures[0]![0]);
      i = figures[0]![1] - 1;
      continue;
    }
    // "treo 2 pa nô mỗi thôn": the figure before
    const after = figures.length > 0;
    // "dán 40 áp phích mỗi tấm 5 nghìn": what each cost (no value) follows; the figure before is no rate
    if (!after && toks[unit.end]?.type === "n" && nv.blocked[unit.end]) continue;
    if (figures.length === 0) figures = figureBefore(toks, nv, numbers, i);
    // "3 cuộc: 2 cuộc mỗi cuộc 30 người" (the people read with the sittings): a figure before in the unit's own
    // word counts the units, it is no figure of each
    const unitWord = unit.words[0]!;
    if (!after && figures.length > 0 && SITTING_UNITS.has(unitWord) && key(toks[figures[0]![1]]) === unitWord) continue;
    if (figures.length === 0) continue;
    // "đăng 7 bài, mỗi bài có 5 ảnh", "mỗi tờ gấp 6 trang": what each product holds, in a noun no indicator
    // names, is its contents, no figure and no question
    if (after && contentsOfProduct(tk, compiled, nameAt, unitWord, i + 1, figures[0]![1])) {
      for (let x = i; x < unit.end; x++) transparent.push(x);
      for (const [s, e] of figures) for (let x = s; x < e; x++) blocked.push(x);
      i = Math.max(i, figures[figures.length - 1]![1] - 1);
      continue;
    }
    // "mỗi hộ ít nhất 1 tờ rơi": a bound for each unit is no count; asked about only when nothing else is given
    if (after && boundBefore(toks, figures[0]![0])) {
      for (let x = i; x < unit.end; x++) transparent.push(x);
      const [s0] = figures[0]!;
      const e1 = figures[figures.length - 1]![1];
      for (const [s, e] of figures) for (let x = s; x < e; x++) blocked.push(x);
      if (!figureOutside(toks, nv, i, e1)) unclear.push([i, e1 - 1]);
      i = Math.max(i, e1 - 1, s0);
      continue;
    }
    // "mỗi cụm gồm 2 pa nô → tổng 8 pa nô": the officer states the product; the per-unit figure is its part
    if (statedResultAfter(toks, nv, figures[figures.length - 1]![1])) {
      for (let x = i; x < unit.end; x++) transparent.push(x);
      for (const [s, e] of figures) for (let x = s; x < e; x++) blocked.push(x);
      i = Math.max(i, figures[figures.length - 1]![1] - 1);
      continue;
    }
    for (let x = i; x < unit.end; x++) transparent.push(x);
    counts ??= countsByWord(toks, numbers);
    // ("riêng thôn A 2 cuộc, mỗi cuộc 40 người": an exception's figure is spent in its product, no count of the rate)
    const figureStarts = new Set([figures[0]![0], ...m.excepted]);
    if (onePer) figureStarts.add(i); // "1 hộ" is the rate's own unit, no count of households
    const count =
      sessionsByDays(toks, nv, numbers, i, unit.words[0]!, figures[0]!, blocked) ??
      namedPlaces(toks, nv, i, unit.words[0]!) ??
      kindsListed(toks, nv, i, unit.words[0]!) ??
      membersBefore(toks, nv, numbers, i) ??
      namedPlacesAfter(toks, nv, unit.end, unit.words[0]!) ??
      // "tổ dân phố Lựu Bảo và tổ dân phố Nam Thanh nhận 300 tờ rơi mỗi tổ": the places before the figure's verb
      (after ? null : namedPlaces(toks, nv, verbsStartBefore(toks, figures[0]![0]), unit.words[0]!)) ??
      countOf(
        toks,
        counts,
        unit.words,
        products.size ? new Map([...readings, ...products]) : readings,
        figureStarts,
        i,
      ) ??
      (unit.alt ? countOf(toks, counts, unit.alt, readings, figureStarts, i) : null) ??
      placeCount(toks, counts, unit.words, i, figureStarts, blocked, out.settled) ??
      (unit.alt ? placeCount(toks, counts, unit.alt, i, figureStarts, blocked, out.settled) : null) ??
      eventsBefore(toks, nv, numbers, nameAt, compiled, i, unit.words) ??
      spotsBefore(toks, nv, numbers, i) ??
      ownFigure(toks, nv, numbers, nameAt, i, unit.end);
    if (count === null) {
      // "mỗi tháng 1 chuyên mục, cả quý I có 3": a part of the whole the sentence states, not unclear
      // "2 phóng sự và 2 chuyên mục, mỗi cái phát 1 lần": a detail of each thing counted, no figure
      const detail = (e: number): boolean =>
        EACH_THING.has(unit.words[0]!) &&
        !namedAfter(toks, nameAt, e) &&
        !(toks[e]?.type === "w" && compiled.measures.has(toks[e]!.kt));
      const part = PERIOD_UNITS.has(unit.words[0]!) && statesWhole(toks, i, unit.words[0]);
      // "2 cụm cổ động, mỗi đầu xã 1 cụm": the total is stated just before; each place's share is a detail
      const shared = after && namedFigureBefore(toks, nv, numbers, nameAt, i);
      // "từ 1/12 đến 6/12 mỗi ngày 2 lượt": the days of the dates said count it (read with the rates)
      if (
        unitWord === "ngay" &&
        figures.length === 1 &&
        sentenceDays(toks, nv, figures[0]![0], figures[0]![1]) !== null
      )
        continue;
      for (const [s, e] of figures) {
        for (let x = s; x < e; x++) blocked.push(x);
        if (!part && !shared && !detail(e) && !resultInSentence(toks, e)) unclear.push([i, e - 1]);
      }
    } else {
      i = multiplyByCount(m, i, unit, figures, count, unitWord, counts);
      continue;
    }
    i = Math.max(i, figures[figures.length - 1]![1] - 1);
  }
  const spent = spentRates(rated, blocked);
  // ("4 buổi/tuần x 3 tuần, mỗi buổi 2 lượt": the arithmetic's product of the rate is spent too)
  if (spent.size) out.cleared = [...spent].filter((s) => nv.arithmetic.products.has(s));
  findRates(
    tk,
    nv,
    numbers,
    nameAt,
    compiled,
    (counts ??= countsByWord(toks, numbers)),
    out,
    products,
    spent,
    m.excepted,
  );
  return out;
}

/** The rates of sittings spent as a count of "mỗi <sitting>" (their figure blocked): the whole rate is no figure. */
function spentRates(rated: ReadonlyMap<number, { end: number }>, blocked: number[]): Set<number> {
  const spent = new Set<number>();
  if (rated.size === 0) return spent;
  const used = new Set(blocked);
  for (const [start, { end }] of rated) {
    if (!used.has(start)) continue;
    spent.add(start);
    for (let x = start; x < end; x++) blocked.push(x);
  }
  return spent;
}

/** What findMultipliers' stages share: the message, the indicators, the marks and readings so far. */
interface MultiplierScan {
  tk: Tokenised;
  toks: readonly Tok[];
  nv: NonValues;
  compiled: CompiledIndicators;
  out: Multipliers;
  blocked: number[];
  readings: Map<number, { end: number; value: number }>;
  products: Map<number, { end: number; value: number }>;
  numbers: ReturnType<typeof createNumberReader>;
  nameAt: ReturnType<typeof createNameMatcher>;
  /** The last product read: a product of other places after it in its sentence goes on with it. */
  last: PlacesProduct | null;
  /** The last product read for later pairing, with its places' count ("6 thôn mỗi thôn 3 lượt"). */
  lastRead?: { start: number; unit: string; measure: string; count: Count };
  /** Where the figures of exceptions ("riêng thôn A 2 cuộc") start: spent in their product. */
  excepted: Set<number>;
}

/**
 * "mỗi thôn 3 cái" with the places counted ("7 thôn"): the figure times the count, paired with what was counted, or
 * the rate read for later. Returns the token to go on from.
 */
function multiplyByCount(
  m: MultiplierScan,
  i: number,
  unit: { words: string[]; end: number; alt?: string[] },
  unitFigures: [number, number, number][],
  count: Count,
  unitWord: string,
  counts: Map<string, Count[]>,
): number {
  const { toks, nv, compiled, out, blocked, readings, products, numbers, nameAt } = m;
  let figures = unitFigures;
  // "băng rôn mỗi thôn 3 cái, 7 thôn": the count said after is no figure of the clause
  figures = figures.filter(([s]) => s !== count.start);
  if (figures.length === 0) return i;
  // "mỗi tuần 2 tin, 4 tuần là 8 tin": a figure after the count equal to the product is the product stated
  if (figures.length > 1) {
    const product = figures[0]![2] * count.value;
    const stated = figures.filter(([s, , v], k) => k > 0 && s > count.start && v === product);
    for (const [s, e] of stated) for (let x = s; x < e; x++) blocked.push(x);
    if (stated.length) figures = figures.filter((f) => !stated.includes(f));
  }
  // "3 đợt xe lưu động, mỗi đợt 2 lượt": the count names what the figure, unnamed, is of
  // "…; pano mỗi tdp 1 cái": the indicator named right before "mỗi" is what each place has
  const [fs, fe] = figures[0]!;
  const goesOn: PlacesProduct | null =
    m.last && count.start > m.last.end && !count.own ? onWithProduct(toks, m.last, count, unitWord, fe) : null;
  const counted: IndItem | null | undefined = count.own
    ? null
    : (nameRightBefore(toks, nameAt, i) ??
      countedName(toks, nameAt, count, unit.words.length) ??
      goesOn?.pair.ind ??
      unnamedSittings(toks, nameAt, compiled, fs, fe));
  // not when the unit is what the indicator counts ("2 lớp tập huấn, mỗi lớp 35 người": 2 classes,
  // 70 people), nor when the figure's measure is another indicator's
  // ("mỗi buổi 30 hội viên tham gia": people named by their role are counted in "người")
  // (also one word for persons typed with its marks: "mỗi buổi 35 chị")
  const people =
    (toks[fe + 1] && PEOPLE_PHRASES.has(`${key(toks[fe])} ${key(toks[fe + 1])}`)) ||
    PERSONS_MARKED.has(toks[fe]?.o.toLowerCase() ?? "");
  const measure =
    toks[fe]?.type === "w"
      ? (compiled.measures.get(toks[fe]!.kt) ?? (people ? compiled.measures.get("nguoi") : undefined))
      : undefined;
  const ownUnit = compiled.heads.get(unit.words[0]!)?.code === counted?.code || nameAt(unit.end - 1) !== null;
  if (
    counted &&
    figures.length === 1 &&
    // a place counts what was named before it ("áp phích 4 thôn, mỗi thôn 5 cái"), not what follows
    // or between the count and "mỗi" ("8 thôn treo băng rôn, mỗi thôn 3 cái"); the sittings' own word is theirs
    (!PLACE_WORDS.has(unit.words[0]!) || counted.end <= count.start || counted.end <= i || counted.start === fe) &&
    !ownUnit &&
    (!measure || measure === counted.code || countedInSheets(compiled, counted.code, toks[fe])) &&
    !namedAfter(toks, nameAt, fe) &&
    !daysOfRounds(toks, fe)
  ) {
    const num = numItem(fs, fe, figures[0]![2] * count.value);
    const except = count.start >= 0 ? spendException(m, unitWord, fe, figures[0]![2], count.value) : null;
    if (except) num.value = except.value;
    if (goesOn && goesOn.pair.ind.code === counted.code) {
      // "ở 4 trường mỗi trường 6 tờ, ở 8 thôn mỗi thôn 2 tờ": the places' products add up
      goesOn.pair.num.value += num.value;
      products.set(goesOn.pair.num.start, { end: goesOn.pair.num.end, value: goesOn.pair.num.value });
    } else {
      out.pairs.push(pairUp(num, counted, true));
      products.set(fs, { end: fe, value: num.value });
    }
    m.last = { pair: out.pairs[out.pairs.length - 1]!, end: fe, unit: unitWord, measure: key(toks[fe]), count };
    for (let x = count.start; x < count.end; x++) blocked.push(x);
    spendCount(readings, count);
    for (let x = fs; x < fe; x++) blocked.push(x);
    statedProduct(toks, nv, numbers, Math.max(fe, count.end, except?.end ?? 0), num.value, blocked);
    // "phát tờ rơi cho 320 hộ, mỗi hộ 1 tờ": the recipients, counted here, are no longer unclear
    if (count.start >= 0) out.settled.push(count.start);
    i = Math.max(i, fe - 1, (except?.end ?? 0) - 1);
    return i;
  }
  // "tại 8 khóm, mỗi khóm 01 buổi": sittings each place held, with no name in the sentence before, are the
  // gatherings' (the writers' convention: any gathering's sittings are meetings)
  const events = compiled.measures.get("cuoc");
  if (
    !counted &&
    events &&
    figures.length === 1 &&
    count.start >= 0 &&
    !count.own &&
    key(toks[fe]) === "buoi" &&
    (PLACE_WORDS.has(unitWord) || PLACE_HEADS.has(unitWord)) &&
    !isWordIn(toks[fe + 1], DAY_PARTS) &&
    !nameAt(fe) &&
    !namedInSentenceBefore(toks, nv, nameAt, i)
  ) {
    const num = numItem(fs, fe, figures[0]![2] * count.value);
    const except = spendException(m, unitWord, fe, figures[0]![2], count.value);
    if (except) num.value = except.value;
    out.pairs.push(pairUp(num, indItem(fe, fe + 1, events), true));
    products.set(fs, { end: fe, value: num.value });
    for (let x = count.start; x < count.end; x++) blocked.push(x);
    for (let x = fs; x < fe + 1; x++) blocked.push(x);
    out.settled.push(count.start);
    i = Math.max(i, fe, (except?.end ?? 0) - 1);
    return i;
  }
  // "xe lưu động: 3 xe, mỗi xe chạy 2 lượt": the unit is the indicator's own thing and the figure is
  // in the indicator's measure → 6 lượt; the count of things is no figure of its own
  const w = toks[fe]?.type === "w" ? toks[fe]!.kt : "";
  const owner = ownUnit ? compiled.heads.get(unit.words[0]!)?.code : undefined;
  if (
    owner &&
    count.start >= 0 &&
    !count.own &&
    figures.length === 1 &&
    (compiled.measures.get(w) === owner || !!compiled.shared.get(w)?.some((o) => o.code === owner)) &&
    !namedAfter(toks, nameAt, fe)
  ) {
    const num = numItem(fs, fe, figures[0]![2] * count.value);
    out.pairs.push(pairUp(num, indItem(fe, fe + 1, owner), true));
    products.set(fs, { end: fe, value: num.value });
    for (let x = count.start; x < count.end; x++) blocked.push(x);
    spendCount(readings, count);
    for (let x = fs; x < fe + 1; x++) blocked.push(x);
    statedProduct(toks, nv, numbers, Math.max(fe + 1, count.end), num.value, blocked);
    out.settled.push(count.start);
    i = Math.max(i, fe);
    return i;
  }
  if (restOfGroups(m, unitWord, figures, count)) return Math.max(i, figures[0]![1] - 1);
  // "phát thanh 20 lượt, mỗi ngày 2 lượt" with "10 ngày": the product stated before in its sentence,
  // in the same unit — the rate is a detail of it, no second figure
  if (
    figures.length === 1 &&
    count.start >= 0 &&
    statedBefore(
      toks,
      nv,
      numbers,
      i,
      figures[0]![2] * count.value,
      key(toks[figures[0]![1]]),
      compiled.measures.has(key(toks[figures[0]![1]])) || key(toks[figures[0]![1]]) === "cai",
      unit.words[0]!,
    )
  ) {
    for (let x = figures[0]![0]; x < figures[0]![1]; x++) blocked.push(x);
    // the days or places counted are no figures; "3 lớp" (a gathering's count) stays one
    const u = unit.words[0]!;
    if (PLACE_WORDS.has(u) || PLACE_HEADS.has(u) || SPAN_RANK[u] !== undefined) {
      for (let x = count.start; x < count.end; x++) blocked.push(x);
      out.settled.push(count.start);
    }
    i = Math.max(i, figures[0]![1] - 1);
    return i;
  }
  // ("3 đợt, mỗi đợt 2 ngày, mỗi ngày 4 lượt": the days read as a product are spent in this one)
  if (daysOfRounds(toks, count.end)) spendCount(readings, count);
  for (const [s, e, v] of figures) readings.set(s, { end: e, value: v * count.value });
  if (figures.length === 1 && count.start >= 0)
    m.lastRead = { start: figures[0]![0], unit: unitWord, measure: key(toks[figures[0]![1]]), count };
  // "đài xã phát tin mỗi ngày 4 lượt trong 3 ngày": a day's or week's rate in a measure several share goes to
  // the one whose names' first words open the sentence ("đài", "phát"), when no name of theirs is there
  const [s0, e0, v0] = figures[0]!;
  const aired =
    figures.length === 1 && (unitWord === "ngay" || unitWord === "tuan") && toks[e0]?.type === "w"
      ? sharedByVerb(toks, compiled, nameAt, i, toks[e0]!.kt)
      : undefined;
  if (aired) {
    readings.delete(s0);
    out.pairs.push(pairUp(numItem(s0, e0, v0 * count.value), indItem(e0, e0 + 1, aired), true));
    for (let x = s0; x < e0 + 1; x++) blocked.push(x);
  }
  // "tổ chức 04 đợt tuyên truyền, mỗi đợt 02 lượt xe": a count of rounds no indicator counts is spent in the
  // product of things, no figure to ask about (sittings of people, "2 buổi, mỗi buổi 120 đoàn viên", are
  // meetings by the writers' convention)
  const ofPeople = people || key(toks[fe]) === "nguoi" || key(toks[fe + 1]) === "nguoi";
  if (
    figures.length === 1 &&
    count.start >= 0 &&
    !count.own &&
    !ofPeople &&
    !SITTING_UNITS.has(key(toks[fe])) &&
    !compiled.heads.has(unitWord) &&
    !compiled.measures.has(unitWord) &&
    !nameAt(count.end)
  ) {
    for (let x = count.start; x < count.end; x++) blocked.push(x);
    out.settled.push(count.start);
  }
  // "4 chi hội: 3 chi hội mỗi chi hội phát 120 tờ, chi hội Đông Lạc phát 240 tờ": the rest named one by one
  if (figures.length === 1 && count.start >= 0) {
    const rest = namedRest(toks, nv, numbers, counts, unit.words, count, figures[0]!);
    if (rest) {
      readings.set(figures[0]![0], { end: figures[0]![1], value: figures[0]![2] * count.value + rest.sum });
      blocked.push(...rest.tokens);
    } else {
      const except = spendException(m, unitWord, figures[0]![1], figures[0]![2], count.value);
      if (except) readings.set(figures[0]![0], { end: figures[0]![1], value: except.value });
    }
  }
  // "mỗi trường họp 1 buổi, xã em tính 4 hội nghị": a product stated with an indicator's name, of a figure
  // per unit whose own unit names none, is that figure; the rate is its detail
  const [f0, f1, fv] = figures[0]!;
  const stated =
    figures.length === 1 && toks[f1]?.type === "w" && !nameAt(f1) && !compiled.measures.has(toks[f1]!.kt)
      ? namedStatedProduct(toks, nv, numbers, nameAt, Math.max(f1, count.end), fv * count.value)
      : false;
  if (stated) {
    readings.delete(f0);
    for (let x = i; x < f1 + 1; x++) blocked.push(x);
    if (count.start >= 0) for (let x = count.start; x < count.end; x++) blocked.push(x);
    out.settled.push(i);
  } else if (figures.length === 1)
    statedProduct(toks, nv, numbers, Math.max(figures[0]![1], count.end), figures[0]![2] * count.value, blocked);
  // a count of places used here is no figure of its own ("xã có 9 thôn"), nor a count in brackets after
  // the unit ("mỗi cửa ngõ phường (3 cửa ngõ)")
  const bracketed = count.start > i && toks[count.start - 1]?.k === "(";
  if (PLACE_WORDS.has(unit.words[0]!) || PLACE_HEADS.has(unit.words[0]!) || bracketed || spotAt(toks, i + 1)) {
    for (let x = count.start; x < count.end; x++) blocked.push(x);
    if (count.start >= 0) out.settled.push(count.start);
  }
  return Math.max(i, figures[figures.length - 1]![1] - 1);
}

/**
 * "3 đợt, mỗi đợt 5 ngày, mỗi ngày 2 lượt": the days of each round are a span (15 days) the next rate multiplies,
 * never a figure of the thing named ("xe lưu động" counts runs): the figure's unit at fe is a day or week.
 */
const daysOfRounds = (toks: readonly Tok[], fe: number): boolean => {
  const w = key(toks[fe]);
  return w === "ngay" || w === "tuan";
};

/** "mỗi trường 2 buổi ngoại khóa": the sittings of a gathering no indicator names are the gatherings (sittings.ts). */
function unnamedSittings(
  toks: readonly Tok[],
  nameAt: ReturnType<typeof createNameMatcher>,
  compiled: CompiledIndicators,
  fs: number,
  fe: number,
): IndItem | undefined {
  const code = unnamedSittingsCode(toks, nameAt, compiled, fs, fe);
  return code ? indItem(fe, fe + 1, code) : undefined;
}

/** Members naming a mass organisation's branch ("chi hội phụ nữ", "chi đoàn thanh niên"), as words. */
const BRANCH_MEMBERS: readonly (readonly string[])[] = [
  ["phu", "nu"],
  ["nong", "dan"],
  ["thanh", "nien"],
  ["cuu", "chien", "binh"],
  ["nguoi", "cao", "tuoi"],
];

/** Where the members naming a branch end when they stand at token j, else j. */
function membersEnd(toks: readonly Tok[], j: number): number {
  const words = BRANCH_MEMBERS.find((seq) => seq.every((w, k) => toks[j + k]?.type === "w" && toks[j + k]!.kt === w));
  return j + (words?.length ?? 0);
}

/** "… nào cũng": the token after "cũng" when it is at j or up to three plain words later ("bên em cũng"), else -1. */
function everyOneEnd(toks: readonly Tok[], j: number): number {
  for (let x = j; x < toks.length && x < j + 4; x++) {
    if (key(toks[x]) === "cung") return x + 1;
    if (toks[x]!.type !== "w") return -1;
  }
  return -1;
}

/** Whether "ít nhất" / "tối thiểu" (at least) stands right before token j. */
function boundBefore(toks: readonly Tok[], j: number): boolean {
  const a = key(toks[j - 2]);
  const b = key(toks[j - 1]);
  return (a === "it" && b === "nhat") || (a === "toi" && b === "thieu");
}

/** Whether a digit figure free of the non-values stands outside tokens [from, to). */
function figureOutside(toks: readonly Tok[], nv: NonValues, from: number, to: number): boolean {
  for (let x = 0; x < toks.length; x++)
    if ((x < from || x >= to) && toks[x]!.type === "n" && !nv.blocked[x]) return true;
  return false;
}

/** Households and persons a rate is given per when said "1 hộ 1 tờ" (no "mỗi"). */
const ONE_PER_UNITS = new Set(["ho", "nguoi"]);

/** Whether "1 hộ N …" / "1 người N …" opens a clause at token i: a rate like "mỗi hộ N". */
function onePerAt(toks: readonly Tok[], nv: NonValues, i: number): boolean {
  const t = toks[i]!;
  // (stage 2 took "1 hộ" for a count of households: read again here)
  if (t.type !== "n" || t.k !== "1" || !ONE_PER_UNITS.has(key(toks[i + 1]))) return false;
  const p = toks[i - 1];
  if (p && p.type !== "nl" && p.k !== "," && p.k !== ";" && p.k !== "(") return false;
  return toks[i + 2]?.type === "n" && !nv.blocked[i + 2] && toks[i + 3]?.type === "w";
}

/** Whether a product read in stage 2 ("4 cái x 3 thôn") starts at token `from`, past a verb ("mỗi thôn treo 2 cái x 5 thôn"). */
function productAfter(toks: readonly Tok[], nv: NonValues, from: number): boolean {
  let j = from;
  while (j < from + 3 && BETWEEN.has(key(toks[j])) && !nv.arithmetic.products.has(j)) j++;
  return nv.arithmetic.products.has(j);
}

/** Whether the sentence of token i states a whole period's figure ("cả quý I có 3", "tổng cả tháng", "cộng quý"). */
function statesWhole(toks: readonly Tok[], i: number, unit?: string): boolean {
  let a = i;
  while (a > 0 && !isSentenceEnd(toks[a - 1])) a--;
  const rank = unit ? SPAN_RANK[unit] : undefined;
  for (let x = a; x + 1 < toks.length && !isSentenceEnd(toks[x]); x++) {
    const k = key(toks[x]);
    if ((k === "ca" || k === "tong" || k === "cong") && PERIOD_UNITS.has(key(toks[x + 1])) && x + 1 !== i + 1)
      return true;
    // "tháng nào cũng 1 chuyên mục, quý IV 3 chuyên mục": a longer period named with its number
    const longer = SPAN_RANK[k];
    const numbered = toks[x + 1]?.type === "n" || /^[ivx]+$/.test(toks[x + 1]?.k ?? "");
    if (rank !== undefined && longer !== undefined && longer > rank && x > i && numbered) return true;
  }
  return false;
}

/** Period units by length, for a rate per shorter unit beside a longer period's figure. */
/**
 * Whether the unit after "mỗi" (at `unitAt`) is a product of the plan ("bài", "tờ gấp", "chuyên mục") and the figure
 * ending at `figEnd` counts another thing ("5 ảnh", "6 trang"): the contents of each product.
 */
function contentsOfProduct(
  tk: Tokenised,
  compiled: CompiledIndicators,
  nameAt: ReturnType<typeof createNameMatcher>,
  unitWord: string,
  unitAt: number,
  figEnd: number,
): boolean {
  if (!compiled.measures.has(unitWord) && !nameAt(unitAt)) return false;
  const names = { measures: compiled.measureWords, heads: compiled.heads, nameAt: (x: number) => !!nameAt(x) };
  return countsOtherThing(tk, figEnd, compiled.headWords, names);
}

const SPAN_RANK: Readonly<Record<string, number>> = { ngay: 0, tuan: 1, thang: 2, quy: 3, nam: 5 };

/** The figure right before "mỗi <unit>" in its clause ("treo 2 pa nô mỗi thôn"), as a list of one or none. */
function figureBefore(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  moi: number,
): [number, number, number][] {
  for (let j = moi - 1; j >= 0 && j >= moi - 5; j--) {
    const t = toks[j]!;
    // "phóng sự 2 (mỗi cái dài 5 phút)": a bracket describes each of the figure's things, no rate
    if (isSentenceEnd(t) || t.k === "," || t.k === "(") return [];
    if (nv.blocked[j] || t.type !== "n") continue;
    const num = numbers.read(j, false);
    return num && !num.bad && !num.weak ? [[j, num.end, num.value]] : [];
  }
  return [];
}

/** Whether a figure right before a name ("2 cụm cổ động", "treo 4 pano,") stands in the clause before "mỗi" at token moi. */
function namedFigureBefore(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  nameAt: (i: number) => { end: number; code: string } | null,
  moi: number,
): boolean {
  for (let j = moi - 1; j >= 0 && j >= moi - 8; j--) {
    const t = toks[j]!;
    if (isSentenceEnd(t) || t.k === "(") return false;
    if (nv.blocked[j] || t.type !== "n") continue;
    const num = numbers.read(j, false);
    if (!num || num.bad || num.weak) return false;
    const name = nameAt(num.end);
    return name !== null && (name.end === moi || toks[name.end]?.k === ",");
  }
  return false;
}

/** Counting words of one item aired, shown or posted ("mỗi cái", "mỗi bài", "mỗi clip"). */
const ITEM_WORDS: ReadonlySet<string> = new Set(["cai", "chiec", "bai", "tin", "clip", "video", "tam", "to", "so"]);
/** Words between "mỗi <item>" and how many times it went out ("mỗi phóng sự phát lại 2 lần trên đài"). */
const AIRED_WORDS: ReadonlySet<string> = new Set([
  "phat",
  "lai",
  "song",
  "chieu",
  "dang",
  "duoc",
  "chia",
  "se",
  "len",
  "tren",
  "khoang",
]);
/** How many times, after "mỗi <item> phát …" ("2 lần", "3 lượt", "2 buổi"). */
const TIMES_WORDS: ReadonlySet<string> = new Set(["lan", "luot", "buoi"]);

/**
 * "Phát 3 phóng sự, mỗi phóng sự phát 2 lần", "đăng 5 clip, mỗi clip chiếu lại 2 lần": how many times
 * each item counted before in its sentence went out is a detail of that item, no figure (neither unclear
 * nor broadcasts) — unless a channel the plan counts is named after it ("… 3 lần trên loa": broadcasts). Returns where each "mỗi" stands.
 */
function airedEach(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  nameAt: (i: number) => { end: number; code: string } | null,
  out: Multipliers,
): Set<number> {
  const blocked = out.blocked as number[];
  const found = new Set<number>();
  for (let i = 0; i + 3 < toks.length; i++) {
    if (key(toks[i]) !== "moi" || toks[i]!.o.toLowerCase() === "mới" || nv.blocked[i]) continue;
    const name = nameAt(i + 1);
    let p = name ? name.end : ITEM_WORDS.has(key(toks[i + 1])) ? i + 2 : -1;
    if (p < 0) continue;
    const verbAt = p;
    while (p < i + 8 && toks[p]?.type === "w" && AIRED_WORDS.has(key(toks[p]))) p++;
    // a verb of airing or showing must be said ("mỗi phóng sự 2 lần" alone is too loose)
    if (p === verbAt || !["phat", "chieu", "dang", "song"].some((v) => toks.slice(verbAt, p).some((t) => key(t) === v)))
      continue;
    if (toks[p]?.type !== "n" || nv.blocked[p]) continue;
    const num = numbers.read(p, false);
    if (!num || num.bad || !TIMES_WORDS.has(key(toks[num.end]))) continue;
    // the item's own count stands before, in the sentence
    let counted = false;
    for (let j = i - 1; j >= 0 && !isSentenceEnd(toks[j]) && !counted; j--)
      counted = toks[j]!.type === "n" && !nv.blocked[j];
    if (!counted) continue;
    // "mỗi chuyên mục phát 3 lần trên loa": aired on a channel the plan counts, those are its broadcasts
    let channel = false;
    for (let x = num.end + 1; x < num.end + 4 && !channel && toks[x]?.type === "w"; x++) channel = nameAt(x) !== null;
    if (channel) continue;
    const end = num.end + 1;
    for (let x = verbAt; x < end; x++) blocked.push(x);
    out.settled.push(p);
    found.add(i);
    i = end - 1;
  }
  return found;
}

/** First words of names that air things themselves ("loa", "phát thanh", "đài", "xe loa"): their "phát lại" is their own work. */
const AIRING_NAMES: ReadonlySet<string> = new Set(["loa", "phat", "dai", "xe"]);

/**
 * "phóng sự dài 12 phút, được phát lại 2 lần", "chuyên mục này phát lại 3 lần": how many times an item
 * named before in its sentence was aired again is a detail of that item, no figure — unless a channel the
 * plan counts is named after it ("… phát lại 2 lần trên loa xã": broadcasts).
 */
function airedAgain(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  nameAt: (i: number) => { end: number; code: string } | null,
  out: Multipliers,
): void {
  for (let i = 1; i + 3 < toks.length; i++) {
    if (key(toks[i]) !== "phat" || key(toks[i + 1]) !== "lai" || toks[i + 2]?.type !== "n" || nv.blocked[i + 2])
      continue;
    const num = numbers.read(i + 2, false);
    if (!num || num.bad || key(toks[num.end]) !== "lan") continue;
    let item = false;
    for (let j = i - 1; j >= 0 && !isSentenceEnd(toks[j]) && !item; j--)
      item = toks[j]!.type === "w" && !AIRING_NAMES.has(key(toks[j])) && nameAt(j) !== null;
    let channel = false;
    for (let x = num.end + 1; x < num.end + 4 && !channel && toks[x]?.type === "w"; x++) channel = nameAt(x) !== null;
    if (!item || channel) continue;
    for (let x = i; x <= num.end; x++) (out.blocked as number[]).push(x);
    out.settled.push(i + 2);
  }
}

/** Whether a figure right before an indicator's name stands earlier in the sentence of token i ("Phát 320 tờ rơi cho các hộ, …"). */
function namedFigureInSentence(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  nameAt: (i: number) => { end: number; code: string } | null,
  i: number,
): boolean {
  for (let j = i - 1; j >= 0 && !isSentenceEnd(toks[j]); j--) {
    if (nv.blocked[j] || toks[j]!.type !== "n") continue;
    const num = numbers.read(j, false);
    if (num && !num.bad && !num.weak && nameAt(num.end) !== null) return true;
  }
  return false;
}

/** "mỗi thôn", "mỗi lớp", "mỗi hội nghị", "mỗi tổ": the unit's words (up to three) and where they end. */
function unitAfter(
  toks: readonly Tok[],
  nameAt: (i: number) => { end: number; code: string } | null,
  i: number,
): { words: string[]; end: number; alt?: string[] } | null {
  const t = toks[i];
  if (!t || t.type !== "w") return null;
  // "mỗi tổ dân phố", "mỗi khu phố": a place of several words
  const phrase = PLACE_UNITS.find((seq) => seq.every((w, k) => toks[i + k]?.type === "w" && toks[i + k]!.kt === w));
  // "mỗi TDP" after "6 tổ dân phố" (and "mỗi tổ dân phố" after "6 TDP"): the place typed short or in full
  if (phrase) {
    const short = [...PLACE_ABBREVIATIONS].find(([, full]) => full.join(" ") === phrase.join(" "))?.[0];
    return { words: [...phrase], end: i + phrase.length, ...(short ? { alt: [short] } : {}) };
  }
  const full = PLACE_ABBREVIATIONS.get(t.kt);
  if (full) return { words: [t.kt], end: i + 1, alt: [...full] };
  // "mỗi vị trí", "mỗi địa điểm": a spot of any place
  const spot = SPOTS.find((seq) => seq.every((w, k) => key(toks[i + k]) === w));
  if (spot) return { words: [...spot], end: i + spot.length };
  // "mỗi cổng trường", "mỗi đầu thôn": one spot of each place, counted by the place ("xã có 3 trường")
  const place = toks[i + 1];
  if ((t.kt === "cong" || t.kt === "dau") && place?.type === "w" && PLACE_WORDS.has(place.kt))
    return { words: [place.kt], end: i + 2 };
  const m = nameAt(i);
  const end = m && m.end - i <= 3 ? m.end : i + 1;
  const words = toks.slice(i, end).map((x) => x.kt);
  return { words, end };
}

/** The figures after "mỗi <unit>" in its clause: [start, end, value] each (through "và", not past a comma). */
function figuresInClause(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
  nameAt?: ReturnType<typeof createNameMatcher>,
): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let j = from; j < toks.length && !isSentenceEnd(toks[j]) && toks[j]!.k !== "(" && !RESULT.has(toks[j]!.k); j++) {
    // "mỗi ngày 2 lượt còn băng rôn thì 20 cái": unpunctuated speech turns to another clause
    if (out.length > 0 && opensClause(toks, j, nameAt)) break;
    // "Mỗi thôn treo 1 pa nô, 3 băng rôn": the list goes on past a comma when a figure follows
    if (toks[j]!.k === ",") {
      if (out.length === 0 || toks[j + 1]?.type !== "n" || nv.blocked[j + 1]) break;
      continue;
    }
    // "mỗi xóm 1 cuộc: xóm Chiềng 52 người, …": a colon after the figure opens a list of its own
    if (toks[j]!.k === ":" && out.length > 0) break;
    if (nv.blocked[j]) {
      if (out.length === 0 && !BETWEEN.has(key(toks[j]))) return out;
      continue;
    }
    const num = numbers.read(j, false);
    if (num) {
      if (num.bad || num.weak) return [];
      out.push([j, num.end, num.value]);
      j = num.end - 1;
      continue;
    }
    // "mỗi hộ ít nhất 1 tờ": the bound's words stand between too (the figure is then no count)
    if (
      out.length === 0 &&
      toks[j]!.type === "w" &&
      !BETWEEN.has(key(toks[j])) &&
      !boundBefore(toks, j + 2) &&
      !boundBefore(toks, j + 1)
    )
      return out;
  }
  return out;
}

const SENTENCE_ENDS = new Set([".", "!", "?", ";", "\n"]);

/**
 * "áp phích mỗi thôn 4 tờ, xã có 7 thôn nên là 28 tờ": the product the officer states later in its
 * sentence is the product read, no second figure (nor one of another indicator sharing its measure).
 */
function statedProduct(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
  value: number,
  blocked: number[],
): void {
  for (let j = from; j < toks.length && j < from + 12; j++) {
    const t = toks[j]!;
    if (t.type === "nl" || SENTENCE_ENDS.has(t.k)) return;
    if (t.type !== "n" || nv.blocked[j]) continue;
    const num = numbers.read(j, false);
    if (!num || num.bad || num.value !== value) return;
    for (let x = j; x < num.end; x++) blocked.push(x);
    return;
  }
}

/** Whether the first free figure later in the sentence from `from` is `value`, an indicator named right after it. */
function namedStatedProduct(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  nameAt: (i: number) => { end: number; code: string } | null,
  from: number,
  value: number,
): boolean {
  for (let j = from; j < toks.length && j < from + 12; j++) {
    const t = toks[j]!;
    if (t.type === "nl" || SENTENCE_ENDS.has(t.k)) return false;
    if (t.type !== "n" || nv.blocked[j]) continue;
    const num = numbers.read(j, false);
    return !!num && !num.bad && num.value === value && nameAt(num.end) !== null;
  }
  return false;
}

/**
 * Whether a free figure of `value` in `unit` (or, for a measure or "cái", of any thing named) stands
 * before token i in its sentence ("phát thanh 20 lượt, mỗi ngày 2 lượt").
 */
function statedBefore(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
  value: number,
  unit: string,
  classifier: boolean,
  eachUnit: string,
): boolean {
  if (!unit) return false;
  let a = i;
  while (a > 0 && !isSentenceEnd(toks[a - 1])) a--;
  for (let x = a; x < i; x++) {
    if (toks[x]!.type !== "n" || nv.blocked[x]) continue;
    const num = numbers.read(x, false);
    if (!num) continue;
    // a count of the unit multiplied is no product ("14 ban công tác ở 14 bản, mỗi bản 1 cuộc họp")
    if (key(toks[num.end]) === eachUnit) {
      x = num.end - 1;
      continue;
    }
    // ("Dán 30 áp phích …, mỗi điểm 3 tờ": a measure or "cái" stands for the thing named before)
    if (!num.bad && num.value === value && (key(toks[num.end]) === unit || (classifier && toks[num.end]?.type === "w")))
      return true;
    x = num.end - 1;
  }
  return false;
}

/** Signs before a stated product ("→ 8 pa nô", "= 12"). */
const RESULT = new Set(["→", "=", "⇒", "➡"]);

/** Whether a stated product follows the per-unit figure ending at `from`: "2 pa nô → tổng 8 pa nô", "3 cái = 18". */
function statedResultAfter(toks: readonly Tok[], nv: NonValues, from: number): boolean {
  let j = from;
  // the figure's unit or name ("2 pa nô", "3 cái")
  while (j < toks.length && j < from + 4 && toks[j]!.type === "w") j++;
  if (!RESULT.has(toks[j]?.k ?? "")) return false;
  j++;
  if (toks[j]?.k === ">") j++;
  while (key(toks[j]) === "tong" || key(toks[j]) === "cong" || key(toks[j]) === "la" || key(toks[j]) === "so") j++;
  return toks[j]?.type === "n" && !nv.blocked[j];
}

/**
 * "mỗi ngày 1 bài, từ 1/11 đến 30/11 đăng đều = 30 bài": a result stated later in the sentence ("= N" in the
 * figure's own unit, the word at `unit`) is the product; the rate is its detail, not asked about.
 */
function resultInSentence(toks: readonly Tok[], unit: number): boolean {
  const word = toks[unit];
  if (word?.type !== "w") return false;
  for (let x = unit + 1; x + 2 < toks.length && !isSentenceEnd(toks[x]); x++)
    if (toks[x]!.k === "=" && toks[x + 1]!.type === "n" && toks[x + 2]!.kt === word.kt) return true;
  return false;
}

/** A number followed by a word: a count of something ("9 thôn", "2 lớp"). */
interface Count {
  start: number;
  end: number;
  value: number;
  /** The unit's own figure ("chuyên mục 2 cái"): it stays a value. */
  own?: boolean;
}

/** Every "number word" in the message, by the word (read once per message, not once per "mỗi"). */
function countsByWord(toks: readonly Tok[], numbers: ReturnType<typeof createNumberReader>): Map<string, Count[]> {
  const out = new Map<string, Count[]>();
  for (let j = 0; j + 1 < toks.length; j++) {
    // digits, or number words ("Ba thôn trọng điểm")
    if (toks[j]!.type !== "n" && (toks[j]!.type !== "w" || !numbers.acceptWord(j))) continue;
    const num = numbers.read(j, false);
    if (!num || num.bad || num.weak || !Number.isInteger(num.value) || num.value <= 0) continue;
    const w = toks[num.end];
    if (!w || w.type !== "w") continue;
    // ("1.860 hộ, mỗi hộ 1 tờ": a commune's households or people run to thousands; other counts do not)
    if (num.value > (HOUSEHOLDS.has(w.kt) ? 100_000 : 1000)) continue;
    // "tổng 1000 tờ", "200 to roi": leaves of paper fold like "tổ" (a group of houses) but count none
    if (w.kt === "to" && (w.o.toLowerCase() === "tờ" || key(toks[num.end + 1]) === "roi")) continue;
    const list = out.get(w.kt) ?? [];
    list.push({ start: j, end: num.end, value: num.value });
    out.set(w.kt, list);
  }
  return out;
}

/** Units counted in thousands in a commune ("1.860 hộ", "2.400 người"). */
const HOUSEHOLDS: ReadonlySet<string> = new Set(["ho", "nguoi"]);

/** The indicator named right after a count's unit ("3 đợt xe lưu động", "2 đợt phát tờ rơi"), or null. */
function countedName(
  toks: readonly Tok[],
  nameAt: (i: number) => { end: number; code: string } | null,
  count: Count,
  unitWords: number,
): IndItem | null {
  // "3 xe loa": a name that starts at the unit itself ("xe loa") is what is counted, not "loa" inside it
  const whole = nameAt(count.end);
  if (whole && whole.end > count.end + unitWords) return indItem(count.end, whole.end, whole.code);
  for (let j = count.end + unitWords; j <= count.end + unitWords + 3; j++) {
    if (toks[j]?.type !== "w") break;
    // ("trong 20 ngày ạ bài đăng …": a turn or a particle closes the count's clause)
    if (opensClause(toks, j)) break;
    const m = nameAt(j);
    // ("trong 10 ngày tin bài đăng 5 tin": a name before its own figure opens the next clause)
    if (m && opensClause(toks, j, nameAt)) break;
    if (m) return indItem(j, m.end, m.code);
    // "10 thôn đã treo pa nô": past the verbs of doing only
    if (j > count.end + unitWords && !BETWEEN.has(key(toks[j])) && key(toks[j]) !== "da") break;
  }
  // "treo băng rôn tại 6 tuyến đường", "đăng zalo 3 nhóm": named before the count, in its clause, with no figure between
  for (let j = count.start - 1; j >= 0 && j >= count.start - 8; j--) {
    const t = toks[j]!;
    if (t.k === ":" && j === count.start - 1) continue;
    if (t.type !== "w") return null;
    const m = nameAt(j);
    if (!m || m.end > count.start) continue;
    // ("… với 90 đại biểu và 3 hội nghị": a name right after its own figure is that figure's)
    const named = wholeName(nameAt, j, m);
    return toks[named.start - 1]?.type === "n" ? null : named;
  }
  return null;
}

/**
 * The name found at token j stepped back to its head ("xe thông tin lưu động"): the longest name
 * ending where it ends, or covering it, is what is meant ("xe loa" over the "loa" inside it, "xe loa
 * lưu động" over its "loa").
 */
function wholeName(
  nameAt: (i: number) => { end: number; code: string } | null,
  j: number,
  m: { end: number; code: string },
): IndItem {
  let start = j;
  let end = m.end;
  // "xe loa lưu động": a longer name starting before covers the one found ("loa")
  for (;;) {
    const p = start > 0 ? nameAt(start - 1) : null;
    if (!p || p.end < end) break;
    start--;
    end = p.end;
  }
  return indItem(start, end, nameAt(start)?.code ?? m.code);
}

/** The indicator named right before token i ("pano mỗi …"), in its clause, or null. */
/** A product read: its pair, where its figure ends, its unit ("thôn") and the figure's word ("tờ"). */
interface PlacesProduct {
  pair: Pair;
  end: number;
  unit: string;
  measure: string;
  /** The places it counted ("6 thôn"). */
  count: Count;
}

/**
 * "dán áp phích ở 4 trường mỗi trường 6 tờ, ở 8 thôn mỗi thôn 2 tờ": a product of other places (another unit, no period)
 * right after a product in its sentence, its figure in the same word and no name of its own, goes on with it.
 */
function onWithProduct(
  toks: readonly Tok[],
  last: PlacesProduct,
  count: Count,
  unit: string,
  fe: number,
): PlacesProduct | null {
  if (
    (unit === last.unit && !groupsOfPlaces(toks, last.count, count)) ||
    key(toks[fe]) !== last.measure ||
    PERIOD_UNITS.has(unit) ||
    PERIOD_UNITS.has(last.unit)
  )
    return null;
  for (let x = last.end; x < count.start; x++) {
    const t = toks[x]!;
    if (t.type === "n" || t.type === "nl" || t.k === "." || t.k === ";") return null;
  }
  return last;
}

/**
 * "6 thôn mỗi thôn 3 lượt, 4 thôn còn lại mỗi thôn 2 lượt": the second group's product, in the same places and
 * measure in the same sentence, adds to the first's reading. Whether it did.
 */
function restOfGroups(m: MultiplierScan, unit: string, figures: [number, number, number][], count: Count): boolean {
  const { toks, readings, blocked } = m;
  const last = m.lastRead;
  if (!last || figures.length !== 1 || count.start <= last.start || last.unit !== unit) return false;
  const [s, e, v] = figures[0]!;
  const first = readings.get(last.start);
  if (!first || key(toks[e]) !== last.measure || !groupsOfPlaces(toks, last.count, count)) return false;
  for (let x = last.start; x < count.start; x++) if (isSentenceEnd(toks[x])) return false;
  first.value += v * count.value;
  for (let x = s; x < e; x++) blocked.push(x);
  for (let x = count.start; x < count.end; x++) blocked.push(x);
  m.out.settled.push(count.start);
  return true;
}

/** Words after a group's count saying it is the rest ("4 thôn còn lại", "3 xóm khác"). */
const REST: ReadonlySet<string> = new Set(["con", "khac", "kia"]);

/**
 * "10 thôn: 6 thôn mỗi thôn 3 lượt, 4 thôn còn lại mỗi thôn 2 lượt": two groups of the same places, each with its
 * own rate, when the second is said to be the rest or both add up to a count of the places said just before.
 */
function groupsOfPlaces(toks: readonly Tok[], first: Count, second: Count): boolean {
  if (first.start < 0 || second.start <= first.end) return false;
  for (let x = second.end + 1; x < second.end + 3; x++) if (REST.has(key(toks[x]))) return true;
  const unit = key(toks[first.end]);
  for (let x = first.start - 1; x >= 0 && x >= first.start - 4; x--) {
    if (toks[x]!.type !== "n") continue;
    return Number(toks[x]!.k) === first.value + second.value && key(toks[x + 1]) === unit;
  }
  return false;
}

function nameRightBefore(
  toks: readonly Tok[],
  nameAt: (i: number) => { end: number; code: string } | null,
  i: number,
): IndItem | null {
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    if (toks[j]!.type !== "w") return null;
    const m = nameAt(j);
    if (m && m.end === i) return wholeName(nameAt, j, m);
  }
  return null;
}

/** Whether an indicator is named right after a figure, past its measure ("2 lượt xe", "50 người tham dự"). */
function namedAfter(
  toks: readonly Tok[],
  nameAt: (i: number) => { end: number; code: string } | null,
  end: number,
): boolean {
  for (let j = end; j <= end + 1; j++) {
    if (toks[j]?.type !== "w") return false;
    // ("2 cái tờ rơi 1400 tờ": a name before its own figure opens the next clause, it names no figure before it)
    if (nameAt(j)) return j === end || !opensClause(toks, j, nameAt);
  }
  return false;
}

/**
 * The count of the unit said elsewhere: "9 thôn", "2 lớp", "3 hội nghị", "6 tổ dân phố"; one value or none.
 * Of different counts, those before "mỗi" (at `moi`) in its own sentence decide ("2 hội nghị, mỗi hội nghị
 * 60 hội viên. Kế hoạch tháng 01/2027: 1 hội nghị": 2), and of those the one in its clause.
 */
function countOf(
  toks: readonly Tok[],
  counts: ReadonlyMap<string, Count[]>,
  words: readonly string[],
  readings?: ReadonlyMap<number, { value: number }>,
  figures?: ReadonlySet<number>,
  moi?: number,
): Count | null {
  // the per-unit figure is never its own count ("mỗi tổ phát 100 tờ": "tờ" folds like "tổ")
  let found = (counts.get(words[0]!) ?? []).filter(
    (c) => !figures?.has(c.start) && words.every((w, k) => toks[c.end + k]?.type === "w" && toks[c.end + k]!.kt === w),
  );
  // "4 thôn, mỗi thôn 1 hội nghị, mỗi hội nghị 50 người": a count itself multiplied is read as its product
  const countValue = (c: Count): number => readings?.get(c.start)?.value ?? c.value;
  if (moi !== undefined && new Set(found.map(countValue)).size > 1)
    found = found.filter((c) => c.end <= moi && !toks.slice(c.end, moi).some((t) => isSentenceEnd(t)));
  // "4 chi hội: 3 chi hội mỗi chi hội phát 120 tờ": the count right before "mỗi", in its clause, is the one
  const last = found[found.length - 1];
  if (moi !== undefined && new Set(found.map(countValue)).size > 1 && last)
    if (!toks.slice(last.end, moi).some((t) => t.k === "," || t.k === ":" || isSentenceEnd(t))) found = [last];
  // "1 hội nghị cấp xã … và 6 hội nghị tại các thôn, mỗi hội nghị 45 người": of counts joined by "và", the last,
  // with no other number up to "mỗi"
  const prev = found[found.length - 2];
  if (moi !== undefined && prev && last && found.length > 1 && new Set(found.map(countValue)).size > 1) {
    const joined = toks.slice(prev.end, last.start).some((t) => t.type === "w" && t.kt === "va");
    if (joined && !toks.slice(last.end, moi).some((t) => t.type === "n")) found = [last];
  }
  const values = new Set(found.map(countValue));
  return values.size === 1 ? { ...found[0]!, value: countValue(found[0]!) } : null;
}

/**
 * The count of a place said another way: by its head word only ("mỗi tổ dân phố 1 cụm, phường có 6 tổ"),
 * or, among several counts of it, the nearest before "mỗi" in its sentence ("Toàn xã 11 thôn, 10 thôn
 * đã treo pa nô, mỗi thôn 2 cái" → 10); the other counts of the place are no figures either.
 */
function placeCount(
  toks: readonly Tok[],
  counts: ReadonlyMap<string, Count[]>,
  words: readonly string[],
  moi: number,
  figures: ReadonlySet<number>,
  blocked: number[],
  settled: number[],
): Count | null {
  if (!PLACE_HEADS.has(words[0]!) && !PLACE_WORDS.has(words[0]!)) return null;
  if (words.length > 1) {
    const head = countOf(toks, counts, [words[0]!], undefined, figures);
    if (head) return head;
  }
  const found = (counts.get(words[0]!) ?? []).filter((c) => !figures.has(c.start) && c.end <= moi);
  if (found.length < 2) return null;
  const nearest = found[found.length - 1]!;
  for (let x = nearest.end; x < moi; x++) if (isSentenceEnd(toks[x])) return null;
  for (const c of found.slice(0, -1)) {
    for (let x = c.start; x < c.end; x++) blocked.push(x);
    settled.push(c.start);
  }
  return nearest;
}

/** Heads of numbered places ("thôn 3", "TDP 5", "tổ 2"). */
const PLACE_HEADS = new Set(["thon", "xom", "to", "tdp", "khu", "ap", "ban", "lang", "doi", "khoi", "khom"]);

/** Where the verbs of doing right before token `at` begin ("… nhận 300 tờ", "… được phát 200 tờ"). */
function verbsStartBefore(toks: readonly Tok[], at: number): number {
  let j = at;
  while (j > 0 && j > at - 4 && toks[j - 1]!.type === "w" && BETWEEN.has(key(toks[j - 1]))) j--;
  return j;
}

/**
 * "1 cụm tại mỗi thôn (thôn Đông, thôn Đoài, thôn Nam)", "mỗi xóm 2 pano: xóm Bãi, xóm Chùa": the places
 * listed right after "mỗi <place>", in brackets or after a colon, each by its head word and a capitalised
 * name or by its number, as their count (two or more).
 */
function namedPlacesAfter(toks: readonly Tok[], nv: NonValues, from: number, unit: string): Count | null {
  if (!PLACE_HEADS.has(unit)) return null;
  let j = from;
  if (toks[j]?.k !== "(" && toks[j]?.k !== ":") return null;
  j++;
  let places = 0;
  for (;;) {
    if (key(toks[j]) !== unit) break;
    let a = j + 1;
    if (toks[a]?.type === "n" && nv.blocked[a]) a++;
    else while (a < j + 4 && isCapitalised(toks[a])) a++;
    if (a === j + 1) break;
    places++;
    j = a;
    if (key(toks[j]) === "va" || toks[j]?.k === "," || toks[j]?.k === "&") j++;
    else break;
  }
  const closes = !toks[j] || toks[j]!.k === ")" || toks[j]!.type === "nl" || toks[j]!.k === "." || toks[j]!.k === ";";
  return places >= 2 && closes ? { start: -1, end: -1, value: places, own: true } : null;
}

/**
 * "Thôn 3 và thôn 6 mỗi thôn 1 cụm", "TDP 5, TDP 6 mỗi tổ treo 1 pano": the places named right
 * before "mỗi", as their count (two or more), when the unit is a place.
 */
function namedPlaces(toks: readonly Tok[], nv: NonValues, moi: number, unit: string): Count | null {
  // ("Cụm dân cư số 3 với cụm dân cư số 4 mỗi cụm …": places of a residential cluster, by label)
  if (!PLACE_HEADS.has(unit) && !(unit === "cum" && key(toks[moi - 2]) === "so")) return null;
  let j = moi - 1;
  if (toks[j]?.k === ":" || toks[j]?.k === ",") j--; // "Thôn 3, thôn 6: mỗi thôn 2"
  let places = 0;
  // names listed after one head word ("thôn Bắc Sơn, Nam Sơn, Đông Sơn"): counted once the head is found
  let pending = 0;
  for (;;) {
    // a label: head word then its number ("thôn 3", "tổ dân phố 3"), the number marked a label in stage 2
    // ("tổ dân phố số 9": "số" between the head and its number)
    const numbered = key(toks[j - 1]) === "so" && placeUnitBefore(toks, j - 1) > 0 ? 1 : 0;
    const unitWords = toks[j]?.type === "n" && nv.blocked[j] ? placeUnitBefore(toks, j - numbered) + numbered : 0;
    if (unitWords > 0) {
      places += 1 + pending;
      pending = 0;
      j -= 1 + unitWords;
      // "tdp 3 tdp 5 mỗi tổ …": labels typed one after another with no comma
      if (toks[j]?.type === "n" && nv.blocked[j] && PLACE_HEADS.has(key(toks[j - 1]))) continue;
    } else {
      // a name: head word(s) then one to three capitalised words ("tổ dân phố Bắc Hà", "thôn Tân Thành")
      // (a head opening the message is capitalised too: "Thôn Đông, thôn Tây")
      let a = j;
      while (a > j - 3 && isCapitalised(toks[a]) && !(a < j && PLACE_HEADS.has(key(toks[a])))) a--;
      if (a === j) break;
      const phrase = PLACE_UNITS.find((seq) => seq.every((w, k) => key(toks[a - seq.length + 1 + k]) === w));
      if (phrase) a -= phrase.length;
      else if (PLACE_HEADS.has(key(toks[a]))) a--;
      else if (toks[a]?.k === "," || key(toks[a]) === "va") {
        pending++;
        j = a - 1;
        continue;
      } else break;
      places += 1 + pending;
      pending = 0;
      j = a;
    }
    if (key(toks[j]) === "va" || key(toks[j]) === "voi" || toks[j]?.k === "," || toks[j]?.k === "&") j--;
    else break;
  }
  // the count is the places' labels: not a figure, and nothing to block
  return places >= 2 ? { start: -1, end: -1, value: places, own: true } : null;
}

/**
 * "có cổng chính với cổng phụ, mỗi cổng treo 2 băng rôn", "mặt trước và mặt sau, mỗi mặt 1 tấm": the
 * unit's word said two or more times right before "mỗi", each with one word telling which, joined by
 * "và", "với" or a comma: their number is the count (the labels are no figure, nothing to block).
 */
function kindsListed(toks: readonly Tok[], nv: NonValues, moi: number, unit: string): Count | null {
  let j = moi - 1;
  if (toks[j]?.k === ",") j--;
  let kinds = 0;
  while (toks[j]?.type === "w" && !nv.blocked[j] && key(toks[j - 1]) === unit && key(toks[j]) !== unit) {
    kinds++;
    j -= 2;
    if (!(key(toks[j]) === "va" || key(toks[j]) === "voi" || toks[j]?.k === ",")) break;
    j--;
  }
  return kinds >= 2 ? { start: -1, end: -1, value: kinds, own: true } : null;
}

/**
 * The units left of a whole said before the count ("4 chi hội: 3 chi hội mỗi chi hội phát 120 tờ, chi hội
 * Đông Lạc phát 240 tờ"), each named after the product in its sentence (the unit's words, then a capitalised
 * name) with one figure in the product's measure: their sum and tokens, when they are exactly the rest.
 */
function namedRest(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  counts: ReadonlyMap<string, Count[]>,
  words: readonly string[],
  count: Count,
  figure: [number, number, number],
): { sum: number; tokens: number[] } | null {
  const whole = (counts.get(words[0]!) ?? []).find(
    (c) =>
      c.end < count.start &&
      c.value > count.value &&
      !toks.slice(c.end, count.start).some((t) => isSentenceEnd(t)) &&
      words.every((w, k) => key(toks[c.end + k]) === w),
  );
  if (!whole) return null;
  const measure = key(toks[figure[1]]);
  let sum = 0;
  let parts = 0;
  const tokens: number[] = [];
  for (let x = figure[1]; x < toks.length && !isSentenceEnd(toks[x]); x++) {
    if (toks[x]!.k !== "," || !words.every((w, k) => key(toks[x + 1 + k]) === w)) continue;
    const name = x + 1 + words.length;
    if (!isCapitalised(toks[name])) return null;
    let y = name;
    while (y < name + 6 && toks[y]?.type === "w") y++;
    const num = toks[y]?.type === "n" && !nv.blocked[y] ? numbers.read(y, false) : null;
    if (!num || num.bad || key(toks[num.end]) !== measure) return null;
    sum += num.value;
    parts++;
    for (let z = y; z < num.end; z++) tokens.push(z);
    x = num.end;
  }
  return parts > 0 && parts === whole.value - count.value ? { sum, tokens } : null;
}

/** Times of day a broadcast is repeated at ("sáng chiều mỗi buổi 1 lượt"). */
const SESSIONS: ReadonlySet<string> = new Set(["sang", "trua", "chieu", "toi"]);

/**
 * "phát thanh sáng chiều mỗi buổi 1 lượt, 10 ngày liền" → 2 × 10 = 20 sessions: the times of day named
 * right before "mỗi buổi" (two or more), times the days said after the figure in its sentence. The days
 * are blocked here; without them there is no count. "sáng chiều mỗi ngày 1 lần, trong 10 ngày" reads the
 * same: a day's figure fewer than the times named is each time's.
 */
function sessionsByDays(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  moi: number,
  unit: string,
  figure: readonly [number, number, number],
  blocked: number[],
): Count | null {
  if (unit !== "buoi" && unit !== "ngay") return null;
  let sessions = 0;
  for (let j = moi - 1; j >= 0 && j >= moi - 6; j--) {
    const k = key(toks[j]);
    if (SESSIONS.has(k)) sessions++;
    else if (!(k === "va" || k === "," || k === "-" || k === "/")) break;
  }
  if (sessions < 2 || (unit === "ngay" && figure[2] >= sessions)) return null;
  const figureEnd = figure[1];
  for (let x = figureEnd; x < toks.length && x < figureEnd + 8 && !isSentenceEnd(toks[x]); x++) {
    if (toks[x]!.type !== "n" || nv.blocked[x] || key(toks[x + 1]) !== "ngay") continue;
    const days = numbers.read(x, false);
    if (!days || days.bad || days.end !== x + 1) return null;
    blocked.push(x, x + 1);
    if (key(toks[x + 2]) === "lien") blocked.push(x + 2);
    return { start: x, end: x + 1, value: sessions * days.value, own: true };
  }
  return null;
}

/** Words for one sitting of a meeting ("mỗi buổi", "mỗi cuộc"). */
const SITTINGS = new Set(["buoi", "cuoc"]);

/**
 * "tổ chức 2 tọa đàm, mỗi buổi 50 người": the meetings counted by their name just before "mỗi buổi"
 * (an indicator counted in "cuộc") are the sittings; the nearest figure before, in its sentence, only.
 */
function eventsBefore(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  nameAt: (i: number) => { end: number; code: string } | null,
  compiled: CompiledIndicators,
  moi: number,
  unit: readonly string[],
): Count | null {
  if (unit.length !== 1 || !SITTINGS.has(unit[0]!)) return null;
  const events = compiled.measures.get("cuoc");
  for (let j = moi - 1; j >= 0 && j >= moi - 12 && !isSentenceEnd(toks[j]); j--) {
    if (nv.blocked[j] || toks[j]!.type !== "n") continue;
    const num = numbers.read(j, false);
    if (!num || num.bad || num.end !== j + 1 || !Number.isInteger(num.value)) return null;
    // "2 tọa đàm", "họp dân 3 cuộc": named after the figure, or counted in "cuộc"
    const m = nameAt(num.end);
    const counted = events !== undefined && (m?.code === events || key(toks[num.end]) === "cuoc");
    return counted ? { start: j, end: num.end, value: num.value } : null;
  }
  return null;
}

/** How many words name a place right before token j ("thôn" 1, "tổ dân phố" 3), or 0. */
function placeUnitBefore(toks: readonly Tok[], j: number): number {
  const phrase = PLACE_UNITS.find((seq) => seq.every((w, k) => key(toks[j - seq.length + k]) === w));
  if (phrase) return phrase.length;
  return PLACE_HEADS.has(key(toks[j - 1])) ? 1 : 0;
}

/** A word written with a capital first letter (a proper name's word). */
const isCapitalised = (t: Tok | undefined): boolean =>
  t?.type === "w" && /^\p{Lu}/u.test(t.o) && t.o.length > 1 && t.o !== t.o.toUpperCase();

/** Words between an indicator and its own figure ("chuyên mục tháng này 2 cái", "hội nghị là 3"). */
const OWN_FIGURE_GLUE = new Set(["thang", "quy", "tuan", "nam", "ky", "nay", "la", "co", "duoc", "dat", ":"]);

/**
 * "chuyên mục tháng này 2 cái, mỗi chuyên mục phát thanh 3 lượt": when the unit after "mỗi" is an
 * indicator, its own figure said before in the sentence is the count (the figure stays a value).
 */
function ownFigure(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  nameAt: (i: number) => { end: number; code: string } | null,
  moi: number,
  unitEnd: number,
): Count | null {
  const unit = nameAt(moi + 1);
  if (!unit || unit.end !== unitEnd) return null;
  for (let j = moi - 1; j >= 0 && j >= moi - 12 && !isSentenceEnd(toks[j]); j--) {
    const m = toks[j]!.type === "w" ? nameAt(j) : null;
    if (!m || m.code !== unit.code || m.end > moi) continue;
    let x = m.end;
    while (x < moi && (OWN_FIGURE_GLUE.has(key(toks[x])) || (nv.blocked[x] && toks[x]!.type !== "n"))) x++;
    const num = toks[x]?.type === "n" && !nv.blocked[x] ? numbers.read(x, false) : null;
    if (!num || num.bad || num.weak || num.value <= 0 || num.value > 1000) return null;
    return { start: x, end: num.end, value: num.value, own: true };
  }
  return null;
}

/** The number starting within `reach` tokens of `from`: [start, end, value]. */
function firstNumber(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
  reach: number,
): [number, number, number] | null {
  for (let j = from; j < toks.length && j < from + reach; j++) {
    if (nv.blocked[j] || toks[j]!.k === ":") continue;
    const num = numbers.read(j, false);
    if (num) return num.bad ? null : [j, num.end, num.value];
  }
  return null;
}

/** The indicators named right before "mỗi loại", joined by commas or "và" ("pa nô, áp phích: mỗi loại"). */
/** "mỗi kênh", "mỗi trang": each of the channels named before, all of one indicator. */
const EACH_CHANNEL = new Set(["kenh", "trang"]);

/** The names joined right before "mỗi kênh" ("fanpage + zalo", "Facebook, Zalo và TikTok"), when all are of one indicator. */
function channelsBefore(
  toks: readonly Tok[],
  nv: NonValues,
  nameAt: (i: number) => { end: number; code: string } | null,
  moi: number,
): IndItem[] {
  const run: IndItem[] = [];
  let end = toks[moi - 1]?.k === "," || toks[moi - 1]?.k === ":" ? moi - 1 : moi;
  for (let j = end - 1; j >= 0 && j >= moi - 16 && !isSentenceEnd(toks[j]); j--) {
    if (toks[j]!.type !== "w" || nv.blocked[j]) continue;
    const m = nameAt(j);
    if (!m || m.end !== end) continue;
    run.unshift(indItem(j, m.end, m.code));
    // only joiners between the names ("+", ",", "và")
    let k = j - 1;
    while (k >= 0 && (CONJ.has(key(toks[k])) || toks[k]!.k === "+")) k--;
    if (k === j - 1) break;
    end = k + 1;
    j = k + 1;
  }
  return run.length >= 2 && run.every((r) => r.code === run[0]!.code) ? run : [];
}

function namesBefore(
  toks: readonly Tok[],
  nv: NonValues,
  nameAt: (i: number) => { end: number; code: string } | null,
  moi: number,
): IndItem[] {
  let start = moi;
  while (start > 0 && !isSentenceEnd(toks[start - 1]) && toks[start - 1]!.type !== "n") start--;
  const found: IndItem[] = [];
  for (let j = start; j < moi; j++) {
    if (toks[j]!.type !== "w" || nv.blocked[j]) continue;
    const m = nameAt(j);
    if (m && m.end <= moi) {
      found.push(indItem(j, m.end, m.code, found.length === 0));
      j = m.end - 1;
    }
  }
  // keep the run of names that ends right before "mỗi" (only joiners and ":" between them)
  const run: IndItem[] = [];
  let end = moi;
  for (let k = found.length - 1; k >= 0; k--) {
    const m = found[k]!;
    for (let x = m.end; x < end; x++)
      // ("pa nô với cụm cổ động": "với" joins two things as "và" does)
      if (!(CONJ.has(key(toks[x])) || toks[x]!.k === ":" || key(toks[x]) === "deu" || key(toks[x]) === "voi"))
        return run;
    if (!run.some((r) => r.code === m.code)) run.unshift(m);
    end = m.start;
  }
  return run;
}

/** Words of a spot that stand for any place counted before ("mỗi vị trí", "mỗi địa điểm", "mỗi nơi"). */
const SPOTS: readonly string[][] = [["vi", "tri"], ["dia", "diem"], ["noi"]];
const spotAt = (toks: readonly Tok[], j: number): boolean =>
  SPOTS.some((seq) => seq.every((w, k) => key(toks[j + k]) === w));

/**
 * "pa nô tại 3 cửa ngõ thành phố, mỗi vị trí 02 pa nô": each spot is one of the places counted after "tại"/"ở"
 * before it in the sentence; that count, or null.
 */
function spotsBefore(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  moi: number,
): Count | null {
  if (!spotAt(toks, moi + 1)) return null;
  for (let x = moi - 1; x > 0 && !isSentenceEnd(toks[x]) && toks[x]!.k !== ";"; x--) {
    if (toks[x]!.type !== "n" || !isWordIn(toks[x - 1], PLACE_PREPS) || toks[x + 1]?.type !== "w") continue;
    // (a count of places is marked in stage 2: "tại 4 chợ")
    if (nv.blocked[x] === 1 && /^\d{1,3}$/.test(toks[x]!.k)) return { start: x, end: x + 1, value: Number(toks[x]!.k) };
    const num = nv.blocked[x] ? null : numbers.read(x, false);
    if (num && !num.bad) return { start: x, end: num.end, value: num.value };
  }
  return null;
}
const PLACE_PREPS: ReadonlySet<string> = new Set(["tai", "o"]);

/** Words for each person of a group ("mỗi bạn", "mỗi người", "mỗi em", "mỗi đồng chí"). */
const EACH_PERSON: ReadonlySet<string> = new Set(["ban", "nguoi", "em", "dong", "dc"]);

/**
 * "12 đoàn viên mỗi bạn phát 50 tờ", "8 tình nguyện viên, mỗi người dán 10 áp phích": the people counted right
 * before "mỗi <person>" (a few words back, in the sentence) are its count.
 */
function membersBefore(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  moi: number,
): Count | null {
  if (!EACH_PERSON.has(key(toks[moi + 1]))) return null;
  for (let x = moi - 1; x >= 0 && x >= moi - 6 && !isSentenceEnd(toks[x]); x--) {
    if (toks[x]!.type !== "n") continue;
    const t = toks[x + 1];
    const two = `${key(t)} ${key(toks[x + 2])}`;
    const people = PEOPLE_PHRASES.has(two) || isWordIn(t, PEOPLE_SHORT) || key(t) === "nguoi" || two === "tinh nguyen";
    if (!people) return null;
    if (nv.blocked[x] === 1 && /^\d{1,3}$/.test(toks[x]!.k)) return { start: x, end: x + 1, value: Number(toks[x]!.k) };
    const num = nv.blocked[x] ? null : numbers.read(x, false);
    return num && !num.bad ? { start: x, end: num.end, value: num.value } : null;
  }
  return null;
}

/** Whether an indicator is named in the sentence before token `at`. */
function namedInSentenceBefore(
  toks: readonly Tok[],
  nv: NonValues,
  nameAt: (i: number) => { end: number; code: string } | null,
  at: number,
): boolean {
  let start = at;
  while (start > 0 && !isSentenceEnd(toks[start - 1]) && toks[start - 1]!.k !== ";") start--;
  for (let j = start; j < at; j++) if (toks[j]!.type === "w" && !nv.blocked[j] && nameAt(j)) return true;
  return false;
}

/** Places that may say which of the units "mỗi" counts ("mỗi điểm cầu bản", "mỗi hội nghị thôn"). */
const SITE_PLACES: ReadonlySet<string> = new Set(["thon", "xom", "ban", "ap", "lang", "to", "khu", "xa", "phuong"]);

/** Words of money right after a figure ("150.000đ", "150k", "2 triệu đồng"). */
const MONEY_WORDS: ReadonlySet<string> = new Set(["d", "dong", "vnd", "k", "nghin", "ngan", "trieu", "tr", "ty"]);

/**
 * "3 buổi/tuần, liên tục 5 tuần", "2 lượt/ngày suốt 10 ngày", "2 bài/tuần lên fanpage, duy trì đủ 4 tuần": the
 * number of a span said as lasting after a rate ending at x (past the rest of its clause), or -1.
 */
function lastingSpanAt(toks: readonly Tok[], x: number): number {
  const past = spanWordAt(toks, x);
  const w = past !== x ? past : lastingWordsAt(toks, x);
  return w >= 0 && toks[w + 1]?.type === "n" ? w + 1 : -1;
}

/**
 * Rates: "2 lượt/ngày trong 4 ngày" → 8; "60 người/cuộc" with "2 cuộc" said → 120; "2 tờ/hộ cho
 * 500 hộ" → 1,000. A rate the arithmetic reads ("3 buổi/tuần x 12 tuần") is left to it.
 */
function findRates(
  tk: Tokenised,
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  nameAt: (i: number) => { end: number; code: string } | null,
  compiled: CompiledIndicators,
  counts: ReadonlyMap<string, Count[]>,
  out: Multipliers,
  products: ReadonlyMap<number, { end: number; value: number }>,
  spent: ReadonlySet<number>,
  excepted: ReadonlySet<number>,
): void {
  const { toks } = tk;
  const readings = out.readings as Map<number, { end: number; value: number }>;
  const blocked = out.blocked as number[];
  // "đài xã phát ngày 2 lần …, tổng 24 lượt": a figure of a rate in a measure several share goes to the one whose
  // names' first words stand earlier in the rate's sentence ("đài", "phát"), when no name of theirs does
  const aired = (num: number, end: number, value: number, rate = num): void => {
    const code = toks[end]?.type === "w" ? sharedByVerb(toks, compiled, nameAt, rate, toks[end]!.kt) : undefined;
    if (!code) return;
    readings.delete(num);
    out.pairs.push(pairUp(numItem(num, end, value), indItem(end, end + 1, code), true));
    for (let x = num; x < end + 1; x++) blocked.push(x);
  };
  // (to the last number: "… mỗi ngày 2 lượt" may end the message)
  for (let i = 0; i + 1 < toks.length; i++) {
    if (toks[i]!.type !== "n" || spent.has(i)) continue;
    if (
      perUnitWithOne(tk, nv, numbers, nameAt, i, out, aired) ||
      dayPartsLasting(tk, nv, numbers, i, out) ||
      sessionsEachDay(toks, nv, numbers, i, out)
    )
      continue;
    let j = i + 1;
    while (j < i + 4 && toks[j]?.type === "w") j++;
    const per = key(toks[j + 1]);
    if (toks[j]?.k !== "/" || toks[j + 1]?.type !== "w" || j === i + 1) continue;
    // ("2 lớp x 2 ngày/lớp": an operand the arithmetic read, no rate of its own)
    if (nv.arithmetic.operandTokens.has(i)) continue;
    // "2 ngày/lớp", "15 phút/lượt": how long each lasted, never a count (nothing to ask about)
    if (j === i + 2 && isWordIn(toks[i + 1], TIME_UNITS)) {
      for (let x = i; x < j + 2; x++) blocked.push(x);
      out.settled.push(i);
      continue;
    }
    // "150.000đ/cái", "150k/cái", "2 triệu đồng/đợt": a price per unit, never a count to multiply
    if (toks.slice(i + 1, j).some((t) => MONEY_WORDS.has(t.k))) continue;
    const after = toks[j + 2];
    if (after && (after.k === "x" || after.k === "*" || after.k === "×" || after.k === "=" || key(after) === "nhan"))
      continue;
    const rate = numbers.read(i, false);
    if (!rate || rate.bad) continue;
    let times: number | null = null;
    let end = j + 2;
    const lasting = key(after) === "trong" && toks[j + 3]?.type === "n" ? j + 3 : lastingSpanAt(toks, j + 2);
    if (lasting >= 0 && key(toks[lasting + 1]) === per) {
      const span = numbers.read(lasting, false);
      if (span && !span.bad && span.end === lasting + 1) {
        times = span.value;
        end = lasting + 2;
      }
    } else if (per === "ngay" && sentenceDays(toks, nv, i, j + 2) !== null) {
      // "2 lượt/ngày từ 1/12 đến 6/12": a range of dates in the sentence is the span
      times = sentenceDays(toks, nv, i, j + 2);
    } else if (!PERIOD_UNITS.has(per) || per === "buoi") {
      // a count said elsewhere: "2 cuộc", "cho 500 hộ" (not a week or a day: "3 buổi/tuần" stays a rate)
      // ("5 chi hội, mỗi chi hội 1 buổi, bình quân 30 chị/buổi": sittings read as a product count as it)
      // ("…, riêng thôn A 1 cuộc, 55 người/cuộc": the exception's sittings are in the product, no count of their own)
      const known = products.size ? new Map([...readings, ...products]) : readings;
      const count = countOf(toks, counts, [per], known, excepted);
      if (count && count.start !== i) times = count.value;
    }
    // "3 lượt/ngày (sáng, trưa, chiều), liên tục từ ngày 01/12 đến ngày 10/12": the days of the range
    if (times === null && per === "ngay") {
      const range = dateRangeAfter(toks, j + 2);
      if (range) [times, end] = range;
    }
    if (times === null) {
      // "phát 3 lần/tuần vào 6h và 17h": a programme's schedule, told in passing — no figure to ask about
      // beside another figure (unless how long it went on follows: "… vào 6h, trong 30 ngày" is still asked about)
      const schedule = PERIOD_UNITS.has(per) && CLOCK_INTRO.has(key(after)) && toks[j + 3]?.type === "n";
      if (schedule && nv.blocked[j + 3] && !lastingAfter(toks, j + 3) && figureOutside(toks, nv, i, j + 2)) {
        for (let x = i; x < rate.end; x++) blocked.push(x);
        out.settled.push(i);
        continue;
      }
      // "3 buổi/tuần, tháng này 4 tuần = 12 lượt": the officer states the product; rate and span are its operands
      const span = statedSpan(toks, numbers, j + 2, per, rate.value);
      if (span) {
        for (let x = i; x < rate.end; x++) blocked.push(x);
        for (let x = span[0]; x < span[1]; x++) blocked.push(x);
        out.settled.push(i);
      }
      continue;
    }
    let value = rate.value * times;
    // "2 xe loa, mỗi xe chạy 1 lượt/ngày trong 5 ngày": the units counted before "mỗi" each went at the rate
    const each = PERIOD_UNITS.has(per) ? eachUnitBefore(toks, i) : -1;
    const units = each >= 0 ? countOf(toks, counts, [key(toks[each + 1])], readings, undefined, each) : null;
    let atPlaces = false;
    if (units && units.end <= each && !units.own) {
      atPlaces = PLACE_WORDS.has(key(toks[each + 1]));
      value *= units.value;
      for (let x = units.start; x < units.end; x++) blocked.push(x);
      out.settled.push(units.start);
      (out.transparent as number[]).push(each, each + 1);
    }
    // "2 lượt/ngày trong 15 ngày = 30 lượt": the product the officer states again is the same figure
    statedProduct(toks, nv, numbers, end, value, blocked);
    // the unit names the indicator ("60 người/cuộc", "2 tờ/hộ"): read the pair here, else leave the name before
    // ("30 tờ áp phích/thôn": a counting word before the name classifies it)
    const name = nameAt(rate.end) ?? (rate.end + 1 < j ? nameAt(rate.end + 1) : null);
    const code =
      name && name.end <= j
        ? name.code
        : (compiled.measures.get(toks[rate.end]!.kt) ??
          (SITTING_UNITS.has(per) && peopleUnit(toks, rate.end, j) ? compiled.measures.get("nguoi") : undefined) ??
          sharedByVerb(toks, compiled, nameAt, i, toks[rate.end]!.kt) ??
          (atPlaces ? sittingsAtPlaces(toks, nv, nameAt, compiled, each, rate.end) : undefined));
    if (code) {
      out.pairs.push(pairUp(numItem(i, rate.end, value), indItem(rate.end, j, code), true));
      for (let x = i; x < end; x++) blocked.push(x);
    } else readings.set(i, { end, value });
    out.settled.push(i);
    i = end - 1;
  }
}

/**
 * "tư vấn tại 3 điểm, mỗi điểm 2 buổi/tuần trong 2 tuần": sittings held at each place by a rate, no indicator named
 * before, are the gatherings' (the writers' convention, as "tại 8 khóm, mỗi khóm 01 buổi"); else undefined.
 */
function sittingsAtPlaces(
  toks: readonly Tok[],
  nv: NonValues,
  nameAt: (i: number) => { end: number; code: string } | null,
  compiled: CompiledIndicators,
  moi: number,
  unit: number,
): string | undefined {
  if (key(toks[unit]) !== "buoi" || namedInSentenceBefore(toks, nv, nameAt, moi)) return undefined;
  return unnamedSittingsCode(toks, nameAt, compiled, unit - 1, unit);
}

/**
 * "mỗi xe chạy 1 lượt/ngày": the index of a "mỗi" right before the rate at i (a verb or two between), whose unit
 * is one word and no span ("mỗi ngày"), else -1.
 */
function eachUnitBefore(toks: readonly Tok[], i: number): number {
  for (let x = i - 2; x >= 0 && x >= i - 4; x--) {
    if (toks[x]!.type !== "w" || toks[x + 1]!.type !== "w") return -1;
    if (key(toks[x]) === "moi") return PERIOD_UNITS.has(key(toks[x + 1])) ? -1 : x;
  }
  return -1;
}

/** Women or men counted by a word for persons, typed with its marks ("35 chị"; plain "chi", "ba" are other words). */
const PERSONS_MARKED: ReadonlySet<string> = new Set(["chị", "bà"]);

/** People one word or by role between a rate's figure and its "/" ("30 chị/buổi", "25 hội viên/buổi", "40 HS/lớp"). */
const PEOPLE_ONE_WORD: ReadonlySet<string> = new Set(["nguoi", "chi", "ba", ...PEOPLE_SHORT]);
function peopleUnit(toks: readonly Tok[], from: number, slash: number): boolean {
  if (slash === from + 1) return isWordIn(toks[from], PEOPLE_ONE_WORD);
  return slash === from + 2 && PEOPLE_PHRASES.has(`${key(toks[from])} ${key(toks[from + 1])}`);
}

/** Whether "trong" / "suốt" (how long) follows token `from` in its sentence. */
function lastingAfter(toks: readonly Tok[], from: number): boolean {
  for (let x = from; x < toks.length && !isSentenceEnd(toks[x]); x++)
    if (key(toks[x]) === "trong" || key(toks[x]) === "suot") return true;
  return false;
}

/** Words before a time of day ("vào 6h", "lúc 17h"). */
const CLOCK_INTRO: ReadonlySet<string> = new Set(["vao", "luc"]);

/** "…, 4 tuần = 12 lượt": a count of the rate's unit right before "=" and a figure, in the sentence from `from`; [start, end) of the count. */
function statedSpan(
  toks: readonly Tok[],
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
  per: string,
  rate: number,
): [number, number] | null {
  for (let x = from; x < toks.length && x < from + 12 && !isSentenceEnd(toks[x]); x++) {
    // ("5 buổi/tuần, quý này tính 12 tuần là 60 buổi": "là" when the result is the product)
    const said = toks[x + 2]?.k === "=" || key(toks[x + 2]) === "la";
    if (toks[x]!.type !== "n" || key(toks[x + 1]) !== per || !said || toks[x + 3]?.type !== "n") continue;
    const num = numbers.read(x, false);
    if (!num || num.bad || num.end !== x + 1) return null;
    if (toks[x + 2]!.k === "=") return [x, x + 1];
    const result = numbers.read(x + 3, false);
    return result && !result.bad && result.value === rate * num.value ? [x, x + 1] : null;
  }
  return null;
}

/** Units a spoken rate is given per ("ngày 2 lượt", "tuần 3 bài"). */
const RATE_UNITS = new Set(["ngay", "tuan", "thang", "buoi"]);

/**
 * A rate with its unit first (perUnitBefore). "1 ngày 2 lượt", "1 tuần 3 bài": the "1" before the unit says "mỗi", no
 * figure. "phát thanh (1) ngày 2 lượt trong 15 ngày": the name right before the unit is the product's.
 */
function perUnitWithOne(
  tk: Tokenised,
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  nameAt: (i: number) => { end: number; code: string } | null,
  i: number,
  out: Multipliers,
  aired: (num: number, end: number, value: number, rate?: number) => void,
): boolean {
  if (!perUnitBefore(tk, nv, numbers, i, out, aired)) return false;
  const { toks } = tk;
  const one = toks[i - 2];
  const said = one && (one.k === "1" || one.k === "mot") && !nv.blocked[i - 2];
  if (said) (out.blocked as number[]).push(i - 2);
  const readings = out.readings as Map<number, { end: number; value: number }>;
  const product = readings.get(i);
  const name = product ? nameRightBefore(toks, nameAt, said ? i - 2 : i - 1) : null;
  if (product && name) {
    readings.delete(i);
    out.pairs.push(pairUp(numItem(i, product.end, product.value), name, true));
    for (let x = i; x < product.end; x++) (out.blocked as number[]).push(x);
  }
  return true;
}

/**
 * A rate said with its unit first and the span after: "phát thanh ngày 2 lượt trong 15 ngày" → 30,
 * "ngày 1 lượt x 7 ngày" → 7. The unit word stands aside; the figure reads as the product.
 */
function perUnitBefore(
  tk: Tokenised,
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
  out: Multipliers,
  aired: (num: number, end: number, value: number, rate?: number) => void,
): boolean {
  const { toks } = tk;
  const per = key(toks[i - 1]);
  if (!RATE_UNITS.has(per) || nv.blocked[i] || toks[i - 1]!.type !== "w") return false;
  // ("sáng chiều mỗi ngày 1 lần trong 10 ngày": read by "mỗi ngày" with the times of day already)
  if ((out.readings as Map<number, unknown>).has(i) || out.pairs.some((p) => p.num.start === i)) return false;
  const rate = numbers.read(i, false);
  if (!rate || rate.bad) return false;
  // ("ngày 2 lần sáng chiều", "ngày 03 lượt (6h00, 11h00, 17h30)": the times of day may follow the measure)
  let j = pastRateWords(toks, rate.end);
  if (j === rate.end) return false;
  // "ngày 2 lượt, phát liên tục 15 ngày", "tuần 3 bài suốt 4 tuần": the span in a clause right after, said
  // as lasting ("liên tục", "suốt", "trong vòng")
  j = spanWordAt(toks, j);
  // "mỗi ngày 1 bài từ 1/12 đến nay (6/12)": a daily rate over a range of dates
  // (the product stated after it, "… = 30 bài", is the figure; the rate and its dates are its operands)
  const dates = per === "ngay" ? dateRangeAfter(toks, rate.end) : null;
  if (dates) {
    const stated = statedAfter(toks, dates[1]);
    for (let x = stated ? i : rate.end; x < dates[1]; x++) if (toks[x]!.type === "n") (out.blocked as number[]).push(x);
    if (!stated) return readAsProduct(out, i, dates[1], rate.value * dates[0]);
    out.settled.push(i);
    return true;
  }
  const op = toks[j];
  if (
    !op ||
    !(
      key(op) === "trong" ||
      key(op) === "nhan" ||
      key(op) === "suot" ||
      key(op) === "du" ||
      key(op) === "tuc" ||
      key(op) === "vong" ||
      op.k === "x" ||
      op.k === "×" ||
      op.k === "*"
    )
  )
    return per === "ngay" && overDates(toks, nv, i, rate.end, rate.value, out);
  // ("suốt tháng 11 (30 ngày)": a month named with its days in brackets; the days are the span)
  const at = per === "ngay" ? monthDaysAt(toks, j + 1) : j + 1;
  const span = toks[at]?.type === "n" ? numbers.read(at, false) : null;
  if (!span || span.bad || key(toks[span.end]) !== per) return false;
  // "mỗi ngày 1 lần trong 7 ngày = 14 lượt", "…, tổng 24 lượt": the officer states the figure (it may count
  // what the rate leaves out, "sáng chiều"); the rate and its span are its operands
  if (statedAfter(toks, span.end + 1)) {
    for (const x of [...range(i, rate.end), ...range(j + 1, span.end)]) (out.blocked as number[]).push(x);
    out.settled.push(i);
    const stated = statedFigureAfter(toks, nv, numbers, span.end + 1);
    if (stated) aired(stated.start, stated.end, stated.value, i);
    return true;
  }
  // the product reads at the rate's own number, so the names and measure around it pair with it ("tuần 2 buổi phát
  // thanh chuyên mục …, làm trong 4 tuần", "ngày 1 bài suốt 31 ngày trên fanpage"); the span's words stand aside
  const lasting = key(op) === "tuc" || key(op) === "vong" ? j - 1 : j;
  for (const x of range(lasting, span.end + 1)) (out.transparent as number[]).push(x);
  readAsProduct(out, i, rate.end, rate.value * span.value);
  aired(i, rate.end, rate.value * span.value);
  return true;
}

/**
 * The days of a range of dates in the sentence of the rate at [i, end), when the rate is its only figure (a figure
 * stated beside it, "20 lượt, mỗi ngày 2 lượt", is the officer's own), or null.
 */
function sentenceDays(toks: readonly Tok[], nv: NonValues, i: number, end: number): number | null {
  let s = i;
  while (s > 0 && !isSentenceEnd(toks[s - 1])) s--;
  let e = i;
  while (e < toks.length && !isSentenceEnd(toks[e])) e++;
  for (let x = s; x < e; x++) if (toks[x]!.type === "n" && !nv.blocked[x] && (x < i || x >= end)) return null;
  return daysOfDateRange(toks, s, e);
}

/**
 * "từ 1/12 đến 6/12 mỗi ngày 2 lượt" → 12: a rate per day over a range of dates said in its sentence (a figure
 * stated as the result after it wins: the rate is its operand).
 */
function overDates(
  toks: readonly Tok[],
  nv: NonValues,
  i: number,
  end: number,
  rate: number,
  out: Multipliers,
): boolean {
  const days = sentenceDays(toks, nv, i, end);
  return days !== null && readAsProduct(out, i, end, rate * days);
}

/**
 * "phát bản tin … 03 lượt/ngày": a measure several indicators share goes to the one whose names start with
 * a verb earlier in the rate's sentence ("phát" of "phát thanh"), when only one does and no name of theirs
 * comes between (then the pairing decides: "xe loa chạy 2 lượt/ngày"); else undefined.
 */
function sharedByVerb(
  toks: readonly Tok[],
  compiled: CompiledIndicators,
  nameAt: (i: number) => { end: number; code: string } | null,
  i: number,
  unit: string,
): string | undefined {
  const owners = compiled.shared.get(unit);
  if (!owners) return undefined;
  let start = i;
  while (start > 0 && start > i - 16 && !isSentenceEnd(toks[start - 1])) start--;
  let verb: string | undefined;
  for (let x = start; x < i; x++) {
    if (toks[x]!.type !== "w") continue;
    const name = nameAt(x);
    if (name && owners.some((o) => o.code === name.code)) return undefined;
    if (name) {
      x = name.end - 1;
      continue;
    }
    const by = owners.filter((o) => o.firstWords.has(toks[x]!.k) || o.firstWords.has(toks[x]!.kt));
    if (by.length === 1) verb = by[0]!.code;
  }
  return verb;
}

/** Reads the rate's words from token i (the unit word before it stands aside) as one figure, their product. */
function readAsProduct(out: Multipliers, i: number, end: number, value: number): true {
  (out.transparent as number[]).push(i - 1);
  (out.readings as Map<number, { end: number; value: number }>).set(i, { end, value });
  out.settled.push(i);
  return true;
}

/**
 * A day's rate said by its parts, then how long it went on: "sáng 1 lượt chiều 1 lượt, liên tục 20 ngày" → 40.
 * The parts (two or more, in one unit) and the span read as one figure at the first part's number.
 */
function dayPartsLasting(
  tk: Tokenised,
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
  out: Multipliers,
): boolean {
  const { toks } = tk;
  if (!DAY_PARTS.has(key(toks[i - 1])) || DAY_PARTS.has(key(toks[i - 3]))) return false;
  let sum = 0;
  let parts = 0;
  let j = i;
  const unit = key(toks[i + 1]);
  while (DAY_PARTS.has(key(toks[j - 1])) && toks[j]?.type === "n" && !nv.blocked[j] && key(toks[j + 1]) === unit) {
    const part = numbers.read(j, false);
    if (!part || part.bad || part.end !== j + 1) return false;
    sum += part.value;
    parts++;
    j += toks[j + 2]?.k === "," ? 4 : 3;
  }
  if (parts < 2 || toks[j - 2]?.k !== ",") return false;
  const x = lastingWordsAt(toks, j - 1);
  if (x < 0) return false;
  const span = toks[x + 1]?.type === "n" ? numbers.read(x + 1, false) : null;
  if (!span || span.bad || !["ngay", "hom"].includes(key(toks[span.end])) || statedAfter(toks, span.end + 1))
    return false;
  return readAsProduct(out, i, span.end + 1, sum * span.value);
}

/**
 * "phát loa sáng chiều mỗi ngày, 7 ngày", "sáng 5h30 và chiều 17h hàng ngày, từ 1/12 đến 6/12": the times of
 * day named before "mỗi/hàng ngày" (two or more, each once) times the days said right after, read as one
 * figure at the days' first number. Numbers among the times are clock times only ("5h30", "17h").
 */
function sessionsEachDay(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
  out: Multipliers,
): boolean {
  // "mỗi ngày" before the number, with at most a comma or "trong"/"từ" between, or the start of the days
  // said before their count ("mỗi ngày từ 1/12 đến nay 6 ngày")
  let d = i - 1;
  while (d > i - 3 && (toks[d]?.k === "," || ["trong", "tu", "suot"].includes(key(toks[d])))) d--;
  if (key(toks[d]) === "nay" && TO_WORDS.has(key(toks[d - 1]))) {
    const since = toks[d - 2]?.type === "n" ? d - 5 : -1;
    if (key(toks[since]) === "tu" && toks[since + 2]?.k === "/") d = since - 1;
  }
  if (key(toks[d]) !== "ngay" || !["moi", "hang"].includes(key(toks[d - 1]))) return false;
  const times = new Set<string>();
  for (let x = d - 2; x >= 0 && x >= d - 10 && !isSentenceEnd(toks[x]); x--) {
    const k = key(toks[x]);
    if (SESSIONS.has(k)) times.add(k);
    else if (toks[x]!.type === "n" && !CLOCK.has(key(toks[x + 1])) && !CLOCK.has(key(toks[x - 1]))) return false;
    else if (toks[x]!.type === "w" && k !== "va" && !CLOCK.has(k)) break;
  }
  if (times.size < 2) return false;
  const dates = key(toks[i - 1]) === "tu" ? dateRangeAfter(toks, i - 1) : null;
  if (dates) {
    for (let x = i; x < dates[1]; x++) if (toks[x]!.type === "n") (out.blocked as number[]).push(x);
    return setProduct(out, i, dates[1], times.size * dates[0]);
  }
  if (nv.blocked[i] || key(toks[i + 1]) !== "ngay") return false;
  const days = numbers.read(i, false);
  if (!days || days.bad || days.end !== i + 1 || statedAfter(toks, i + 2)) return false;
  return setProduct(out, i, key(toks[i + 2]) === "lien" ? i + 3 : i + 2, times.size * days.value);
}

/** Words of a clock time among the times of day ("5h30", "17 giờ"). */
const CLOCK: ReadonlySet<string> = new Set(["h", "g", "gio", ":"]);

function setProduct(out: Multipliers, i: number, end: number, value: number): true {
  (out.readings as Map<number, { end: number; value: number }>).set(i, { end, value });
  out.settled.push(i);
  return true;
}

const range = (a: number, b: number): number[] => Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);

/** The figure stated as a result after `from` ("…, tổng 24 lượt"): its first number not marked as context. */
function statedFigureAfter(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
): { start: number; end: number; value: number } | null {
  for (let x = from; x < toks.length && x < from + 9 && !isSentenceEnd(toks[x]); x++) {
    if (toks[x]!.type !== "n" || nv.blocked[x]) continue;
    const n = numbers.read(x, false);
    return n && !n.bad ? { start: x, end: n.end, value: n.value } : null;
  }
  return null;
}

/**
 * Whether a figure stated as a result follows in the sentence from `from`: "= 14", "tổng 24", "tổng cộng 30", or
 * "là 20" in the span's own clause ("trong 10 ngày cao điểm là 20 lượt").
 */
function statedAfter(toks: readonly Tok[], from: number): boolean {
  let clause = true;
  for (let x = from; x < toks.length && x < from + 8 && !isSentenceEnd(toks[x]); x++) {
    if (toks[x]!.k === "=" && toks[x + 1]?.type === "n") return true;
    if (toks[x]!.k === ",") clause = false;
    if (clause && key(toks[x]) === "la" && toks[x + 1]?.type === "n") return true;
    if (key(toks[x]) !== "tong") continue;
    const n = key(toks[x + 1]) === "cong" || key(toks[x + 1]) === "so" ? x + 2 : x + 1;
    if (toks[n]?.type === "n") return true;
  }
  return false;
}

/**
 * The exception after a rate (exceptionAfter), its tokens spent and its figure's start kept as excepted (no count
 * of a later rate): the product it gives, or null.
 */
function spendException(
  m: MultiplierScan,
  unitWord: string,
  fe: number,
  rate: number,
  count: number,
): { value: number; end: number } | null {
  const except = exceptionAfter(m.toks, m.nv, m.numbers, m.compiled, unitWord, fe, rate, count);
  if (!except) return null;
  m.blocked.push(...except.tokens);
  m.excepted.add(except.tokens[0]!);
  return except;
}

/** Marks ending the search for an exception after a rate ("…, riêng …" and "…; riêng …" go on). */
const STOPS: ReadonlySet<string> = new Set([".", "!", "?"]);

/**
 * "12 thôn mỗi thôn 1 buổi, riêng thôn A và thôn B 2 buổi": the places named after "riêng" (a few tokens after the
 * figure each) hold their own figure instead of the rate — or on top of it when said with "thêm" / "nữa". Returns
 * the product corrected, the exception's tokens and where it ends; null when no such exception follows.
 */
function exceptionAfter(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  compiled: CompiledIndicators,
  unitWord: string,
  fe: number,
  rate: number,
  count: number,
): { value: number; tokens: number[]; end: number } | null {
  const measure = key(toks[fe]);
  let r = fe;
  while (r < fe + 8 && toks[r] && key(toks[r]) !== "rieng" && !STOPS.has(toks[r]!.k)) r++;
  if (key(toks[r]) !== "rieng" && toks[r]?.type === "nl") r++;
  if (key(toks[r]) !== "rieng") return null;
  // "riêng 2 thôn A, B": the count said; else the unit's word once per place named
  let k = 0;
  let x = r + 1;
  if (toks[x]?.type === "n" && key(toks[x + 1]) === unitWord) {
    k = Number(toks[x]!.k);
    x++;
  }
  const said = k;
  let figure: { start: number; end: number; value: number } | null = null;
  let added = false;
  for (; x < r + 14 && toks[x] && !SENTENCE_ENDS.has(toks[x]!.k) && toks[x]!.type !== "nl"; x++) {
    const w = key(toks[x]);
    if (w === "them") added = true;
    // "thêm mỗi xóm 1 cái": the rate's own unit names no place
    if (w === "moi") {
      x++;
      continue;
    }
    // ("riêng tổ 5 tổ chức 2 buổi": "tổ chức", to hold, names no place)
    if (w === unitWord && !(w === "to" && key(toks[x + 1]) === "chuc")) {
      if (!said) k++;
      // the place's own number ("tổ 4") names it
      if (toks[x + 1]?.type === "n") x++;
      continue;
    }
    // (the figure of a place named is kept from the mentions: read here on purpose)
    if (toks[x]!.type !== "n" || nv.blocked[x]! > 1 || k === 0) continue;
    if (toks[x + 1]?.k === "/" || toks[x + 1]?.k === ":") return null;
    const num = numbers.read(x, false);
    if (!num || num.bad) return null;
    const after = key(toks[num.end]);
    // in the rate's measure, or with none ("nhận 150, …")
    if (after !== measure && toks[num.end]?.type === "w" && compiled.measures.has(after) && after !== "cai")
      return null;
    figure = { start: x, end: num.end, value: num.value };
    break;
  }
  if (!figure || k === 0 || k >= count || !Number.isFinite(k)) return null;
  let end = figure.end;
  if (key(toks[end]) === measure) end++;
  if (key(toks[end]) === "nua") added = true;
  const tokens: number[] = [];
  for (let y = figure.start; y < end; y++) tokens.push(y);
  const value = added ? rate * count + k * figure.value : rate * (count - k) + k * figure.value;
  return { value, tokens, end };
}

/**
 * "mỗi tuần 3 buổi … 5 tuần, mỗi buổi 2 lượt": a count read as a product (15 buổi) and multiplied again (30 lượt) is
 * spent in the new product; its own reading would be a second figure of the same thing.
 */
function spendCount(readings: Map<number, { end: number; value: number }>, count: Count): void {
  if (count.start >= 0 && readings.get(count.start)?.value === count.value) readings.delete(count.start);
}
