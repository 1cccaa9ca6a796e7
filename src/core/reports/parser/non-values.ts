/**
 * Stage 2 of the report parser: mark the tokens that are never a value. Dates, times, document
 * numbers, phones, percentages, money and rates come from the text spans; then, on tokens:
 * time phrases ("từ ngày 1/3 đến nay"), task hints ("nv 3", "#3"), labels and ordinals
 * ("thôn 5", "quý 1", "lần thứ hai"), list numbering ("1. …", "1️⃣"), vague quantities ("vài chục"),
 * counts of places ("tại 8 thôn", "cho 200 hộ") and the operands of arithmetic ("3 buổi/tuần x 12 tuần").
 */

import type { DocumentReference } from "../../types.js";
import { isNumberWordKey, parseDigitNumber } from "../vietnamese-numbers.js";
import { type Arithmetic, findArithmetic, withProducts } from "./arithmetic.js";
import type { CompiledIndicators } from "./indicators.js";
import { createNameMatcher } from "./mentions.js";
import { markNonValueSpans } from "./non-value-spans.js";
import { isKeycap, isLargeScale } from "./number-forms.js";
import { createNumberReader } from "./numbers.js";
import { servedBefore } from "./served-people.js";
import {
  attendVerbAt,
  beforeTitle,
  gatheringBefore,
  isHard,
  isWordIn,
  monthDaysAt,
  pastRateWords,
  spanWordAt,
  type Tok,
  type Tokenised,
  workforce,
} from "./tokens.js";
import {
  CONTEXT_PHRASES,
  CONTEXT_WORDS,
  HARD_PUNCT,
  HARD_WORDS,
  LABEL_SECOND,
  LABELS,
  PEOPLE_PHRASES,
  PERIOD_WORDS,
  PLACE_INTRO,
  PLACE_PHRASES,
  PLACE_WORDS,
  SCALE_WORDS,
  SERVED_PHRASES,
  TIME_INTRO,
  TIME_UNITS,
  VAGUE_BEFORE_SCALE,
} from "./vocabulary.js";
import { hasPhrase, startingWith } from "./word-sequences.js";

/** Tokens that are never values, and what was learnt while marking them. */
export interface NonValues {
  /** Per token: 0 free, 1 never a value, 2 never a value and unclear. */
  blocked: Uint8Array;
  /** Per token: part of a time phrase, which may stand between a name and its number. */
  transparent: Uint8Array;
  references: DocumentReference[];
  /** Task number the report names ("nv 3", "#3", "nhiệm vụ số 3"). */
  taskHint?: number;
  /** Token ranges (inclusive) to quote as unclear: ratios, ranges, negative numbers, "vài chục". */
  unclear: [number, number][];
  /** Sums and products ("3 buổi/tuần x 12 tuần = 36 buổi"), applied when values are combined. */
  arithmetic: Arithmetic;
  /** Numbers read over several tokens, by their first token: table sums, "9 thôn × mỗi thôn 2". */
  readings: Map<number, { end: number; value: number }>;
  /** Per token: ends a clause like a full stop ("à em nhầm", "quý trước"): nothing pairs across it. */
  breaks: Uint8Array;
}

/**
 * Non-values are made here only, never spread or extended (`taskHint` undefined when absent): one shape, so the
 * stages reading `nv.blocked` keep their optimised code.
 */
function nonValues(
  blocked: Uint8Array,
  transparent: Uint8Array,
  references: DocumentReference[],
  taskHint: number | undefined,
  unclear: [number, number][],
  arithmetic: Arithmetic,
  readings: Map<number, { end: number; value: number }>,
  breaks: Uint8Array,
): NonValues {
  return { blocked, transparent, references, taskHint, unclear, arithmetic, readings, breaks };
}

/** What a later stage (tables, periods, multipliers, look-alikes) adds to the non-values, by token index. */
export interface TokenMarks {
  /** Never values. */
  blocked?: Iterable<number>;
  /** Never values, and standing between a name and its number like fillers (table separators, a unit column). */
  transparent?: Iterable<number>;
  /** Numbers read over several tokens. */
  readings?: ReadonlyMap<number, { end: number; value: number }>;
  /** Never values, and ending a clause: nothing pairs across them. */
  breaks?: Iterable<number>;
  /** Token ranges (inclusive) to quote as unclear. */
  unclear?: readonly [number, number][];
  /** First tokens of unclear ranges a stage has read after all ("2 lượt/ngày trong 4 ngày"): no longer unclear. */
  settled?: Iterable<number>;
  /**
   * Tokens a stage has read whole (a table's rows): what earlier stages found there (unclear ranges,
   * products such as a note's "3x6m") starting at them is void.
   */
  cleared?: Iterable<number>;
}

/**
 * The non-values with a stage's marks added; the input is left as it was.
 * @example withMarks(nv, { blocked: [3] }).blocked[3] // 1
 */
export function withMarks(nv: NonValues, marks: TokenMarks): NonValues {
  const toBlock = [...(marks.blocked ?? [])];
  const toFill = [...(marks.transparent ?? [])];
  const toBreak = [...(marks.breaks ?? [])];
  const settled = new Set(marks.settled ?? []);
  const cleared = new Set(marks.cleared ?? []);
  for (const i of cleared) settled.add(i);
  const unclear = marks.unclear ?? [];
  if (!toBlock.length && !toFill.length && !toBreak.length && !settled.size && !unclear.length && !marks.readings?.size)
    return nv;
  // copy only what changes: most stages mark a few tokens of a short message
  const n = nv.blocked.length;
  const blocked = toBlock.length || toFill.length || toBreak.length ? nv.blocked.slice() : nv.blocked;
  const transparent = toFill.length ? nv.transparent.slice() : nv.transparent;
  const breaks = toBreak.length ? nv.breaks.slice() : nv.breaks;
  for (const i of toBlock) if (i >= 0 && i < n) blocked[i] = Math.max(blocked[i]!, 1);
  for (const i of toFill) {
    if (i < 0 || i >= n) continue;
    blocked[i] = Math.max(blocked[i]!, 1);
    transparent[i] = 1;
  }
  for (const i of toBreak) {
    if (i < 0 || i >= n) continue;
    blocked[i] = Math.max(blocked[i]!, 1);
    breaks[i] = 1;
  }
  let readings = nv.readings;
  let arithmetic = nv.arithmetic;
  if (cleared.size) {
    readings = new Map([...nv.readings].filter(([k]) => !cleared.has(k)));
    arithmetic = withProducts(nv.arithmetic, new Map([...nv.arithmetic.products].filter(([k]) => !cleared.has(k))));
  }
  if (marks.readings?.size) {
    readings = new Map(readings);
    for (const [k, v] of marks.readings) readings.set(k, v);
  }
  const kept = settled.size ? nv.unclear.filter(([a]) => !settled.has(a)) : nv.unclear;
  const allUnclear = unclear.length ? [...kept, ...unclear] : kept;
  return nonValues(blocked, transparent, nv.references, nv.taskHint, allUnclear, arithmetic, readings, breaks);
}

/** Labels read only as typed with their marks ("Bảng 2", "ấp 3", "tầng 2"; plain "bang" is as often "băng" or "bằng", "ap" "áp", "tang" "tăng"). */
const MARKED_LABELS: ReadonlySet<string> = new Set(["bang", "ap", "tang", "phong"]);

const TASK_HINT_FILLERS: ReadonlySet<string> = new Set(["so", "thu"]);

/**
 * Marks what is never an indicator value in a tokenised message.
 * @example markNonValues(normaliseAndTokenise("nv 3: thôn 5 treo 12 pa nô"), compiled).taskHint // 3
 */
export function markNonValues(tk: Tokenised, compiled: CompiledIndicators): NonValues {
  const { toks, nfcText, folded } = tk;
  const n = toks.length;
  const marks = markNonValueSpans(folded, nfcText);
  const blocked = new Uint8Array(n);
  const transparent = new Uint8Array(n);
  const charToTok = new Int32Array(folded.key.length).fill(-1);
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    let mk = 0;
    for (let c = t.fs; c < t.fe; c++) {
      charToTok[c] = i;
      if (marks.arr[c]! > mk) mk = marks.arr[c]!;
      if (marks.when[c]) transparent[i] = 1;
    }
    blocked[i] = mk;
  }
  markTimePhrases(tk, transparent);
  for (let i = 0; i < n; i++) if (transparent[i]) blocked[i] = Math.max(blocked[i]!, 1);

  const numbers = createNumberReader(tk, blocked);
  const taskHint = markTaskHints(tk, blocked, numbers);
  // an indicator named right before token i (asked only for "4 cuộc x 55 người"): a matcher made when asked
  let nameAt: ((i: number) => { end: number } | null) | null = null;
  const named = (i: number): boolean => {
    // (a rate quoted as unclear, "2 pano/thôn", may hold the name)
    nameAt ??= createNameMatcher(
      toks,
      blocked.map((v) => (v === 1 ? 1 : 0)),
      compiled,
    );
    for (let j = i - 1; j >= 0 && j >= i - 4 && toks[j]!.type === "w"; j--) if (nameAt(j)?.end === i) return true;
    return false;
  };
  const arithmetic = findArithmetic(toks, blocked, named);
  for (const x of arithmetic.operandTokens) blocked[x] = 1;
  for (const x of arithmetic.freedTokens) if (blocked[x] === 2) blocked[x] = 0;
  for (const x of arithmetic.fillerTokens) transparent[x] = 1;
  const out = nonValues(blocked, transparent, marks.references, taskHint, [], arithmetic, new Map(), new Uint8Array(n));
  markLabels(tk, blocked, compiled, numbers);
  markNumberedPlaces(tk, blocked, compiled);
  markNamesNumberedAlike(tk, blocked, compiled);
  markNumberedThings(tk, blocked, compiled);
  markCountsOfLabelledParts(tk, blocked, compiled, numbers, out.readings);
  markShortMonths(tk, blocked);
  markDaysOfMonth(tk, blocked, numbers, compiled);
  markDayLists(tk, blocked);
  markPeriodLists(tk, blocked, compiled);
  markYearsOfNames(tk, blocked, compiled);
  markQuotedSlogans(tk, blocked, compiled);
  markListNumbering(tk, blocked, compiled);
  markInlineItemNumbers(tk.toks, blocked, compiled);
  markRecipientsBlock(tk, blocked);
  markRowNumbers(tk, blocked);
  markRestatedInWords(tk, blocked, transparent, numbers);
  markChosenFigures(tk, blocked, numbers);
  markRestatedInBrackets(tk, blocked, transparent, numbers);
  markAnnouncedCounts(tk, blocked);
  const placesOutOf = markPlaceCounts(tk, blocked, compiled, numbers, out.unclear);
  markGroupsReached(tk, blocked, compiled, numbers, placesOutOf);
  markContextCounts(tk, blocked, compiled, numbers);
  markTeamSizes(tk, blocked);
  markFleetCounts(tk, blocked, compiled, numbers);
  markPeopleOfOtherErrands(tk, blocked, numbers);
  markHelpDrives(tk, blocked, numbers);
  markCapacities(tk, blocked, numbers);
  markStockLeft(tk, blocked, numbers);
  markStockOwned(tk, blocked, numbers);
  markOldStillUp(tk, blocked, numbers);
  markRespectively(tk, blocked, compiled, numbers, out.readings);
  markPartsLists(tk, blocked, numbers, out.readings);
  markPlacesOfParts(tk, blocked, numbers);
  markNamedParts(tk, blocked, numbers, out.readings);
  markVagueQuantities(tk, blocked, out.unclear);
  for (const [s, e] of marks.unclearSpans) {
    const a = charToTok[s] ?? -1;
    const b = charToTok[Math.max(s, e - 1)] ?? -1;
    if (a < 0 || b < 0 || placesOutOf.has(a)) continue;
    if (!arithmetic.operandTokens.has(a) && !arithmetic.products.has(a)) out.unclear.push([a, b]);
  }
  return out;
}

/** Groups and places counted out of all ("16/16 chi hội", "4/21 cụm loa", "11/13 thôn"), beside PLACE_WORDS. */
const GROUPS_REACHED: ReadonlySet<string> = new Set([
  ...PLACE_WORDS,
  "ban",
  "ap",
  "bon",
  "buon",
  "plei",
  "soc",
  "khom",
  "to",
  "chi",
  "cum",
  "don",
  "co",
  "tram",
  "hop",
  "lop",
]);

/**
 * "16/16 chi hội tổ chức sinh hoạt", "hỏng 4/21 cụm loa", "đạt 11/13 thôn": a ratio of groups or places reached
 * out of all (the first no more than the second) is background, never asked about; a ratio of the work's own
 * things ("8/10 pa nô") stays in doubt. Adds the ratios' first tokens to `outOf` (their unclear span is dropped).
 */
function markGroupsReached(
  tk: Tokenised,
  blocked: Uint8Array,
  compiled: CompiledIndicators,
  numbers: ReturnType<typeof createNumberReader>,
  outOf: Set<number>,
): void {
  const { toks } = tk;
  let nameAt: ReturnType<typeof createNameMatcher> | null = null;
  for (let i = 0; i + 3 < toks.length; i++) {
    if (blocked[i] !== 2 || toks[i]!.type !== "n" || toks[i + 1]!.k !== "/" || toks[i + 2]!.type !== "n") continue;
    const part = numbers.read(i, false);
    const all = part && part.end === i + 1 ? numbers.read(i + 2, false) : null;
    if (!part || !all || part.bad || all.bad || part.value > all.value) continue;
    const w = toks[all.end];
    if (w?.type !== "w" || !GROUPS_REACHED.has(w.k)) continue;
    nameAt ??= createNameMatcher(toks, blocked, compiled);
    // ("4/5 cụm cổ động": the work's own things)
    if (nameAt(all.end)) continue;
    for (let x = i; x < all.end + 1; x++) blocked[x] = 1;
    outOf.add(i);
  }
}

/** Villages whose word is also a measure ("bản": a copy) or a thing ("ấp": "áp phích" typed without marks). */
const VILLAGES: ReadonlySet<string> = new Set(["ban", "ap"]);
/** Words saying where something was, before which such a village is counted ("tại 5 bản", "ở 6 ấp"). */
const WHERE_INTRO: ReadonlySet<string> = new Set(["tai", "o", "khap", "den", "toi"]);

/**
 * Counts of places: "tại 8 thôn", "ở 12 thôn", "cho 200 hộ", "tại 3 điểm" — never values, never
 * unclear; unless the place word names an indicator or is its measure (a task counting villages).
 */
function markPlaceCounts(
  tk: Tokenised,
  blocked: Uint8Array,
  compiled: CompiledIndicators,
  numbers: ReturnType<typeof createNumberReader>,
  unclear: [number, number][],
): Set<number> {
  const { toks } = tk;
  const nameAt = createNameMatcher(toks, blocked, compiled);
  const outOf = new Set<number>();
  for (let i = 0; i < toks.length; i++) {
    if (!isWordIn(toks[i - 1], PLACE_INTRO)) continue;
    // "tại 1.482/1.482 thôn", "ở 35/36 khu dân cư": the places reached out of all (a ratio, marked unclear
    // in stage 2), one count of places
    const ratio = blocked[i] === 2 && toks[i]!.type === "n" && toks[i + 1]?.k === "/" && toks[i + 2]?.type === "n";
    if (blocked[i] && !ratio) continue;
    const num = numbers.read(i, false);
    if (!num || num.bad) continue;
    const all = ratio && num.end === i + 1 ? numbers.read(i + 2, false) : null;
    if (ratio && (!all || all.bad || all.value < num.value)) continue;
    const at = all ? all.end : num.end;
    const w = toks[at];
    const w2 = toks[at + 1];
    if (!w || w.type !== "w" || blocked[at]) continue;
    const phrase = w2?.type === "w" && PLACE_PHRASES.has(`${w.k} ${w2.k}`) && !sheetsStuck(w, w2);
    // "tại 5 bản": after a word saying where, villages of the uplands, not copies; so after what a place has,
    // ending the clause, as few as a commune's villages ("Xã có 13 bản, 2.180 hộ"; not "xã có 300 bản, …")
    const village =
      !phrase &&
      VILLAGES.has(w.k) &&
      (isWordIn(toks[i - 1], WHERE_INTRO) ||
        (key_(toks[i - 1]) === "co" && isWordIn(toks[i - 2], PLACE_WORDS) && num.value < 100 && (!w2 || isHard(w2))));
    if (!phrase && !village && !PLACE_WORDS.has(w.k)) continue;
    // ("cho 38 xã viên": a place's word opening people by their role)
    if (!phrase && w2?.type === "w" && PEOPLE_PHRASES.has(`${w.k} ${w2.k}`)) continue;
    // "3 tổ dân phố" is a count of places even though "tờ" is a measure
    if (nameAt(at) || (!phrase && !village && compiled.measures.has(w.k))) continue;
    const end = phrase ? at + 2 : at + 1;
    // "có 60 hộ dự", "140 hộ dân tham gia": households said to attend send one person each (attendees)
    if (w.k === "ho" && attendedAfter(toks, end)) continue;
    for (let x = i; x < end; x++) blocked[x] = 1;
    if (ratio) outOf.add(i);
    // "gửi tin nhắn cho 85 hộ": whom something was given to, with no figure of what: quoted to ask
    // ("hướng dẫn cài VNeID cho 320 hộ": households served one by one are context)
    if (isWordIn(toks[i - 1], RECIPIENT_INTRO) && aloneInClause(toks, blocked, i, end) && !servedBefore(toks, i))
      unclear.push([i, num.end - 1]);
    i = end - 1;
  }
  return outOf;
}

/**
 * Counts of context with no word before them: "xã em 7 thôn", "trang có 2.300 thành viên", "3 phóng
 * viên", "30 km", "Dạ 3 thôn đã treo": a number right before a counted place, thing or person who is
 * no attendee is never a value and never unclear — unless the noun names an indicator or is its
 * measure, or people are said to attend ("40 cán bộ dự hội nghị").
 */
function markContextCounts(
  tk: Tokenised,
  blocked: Uint8Array,
  compiled: CompiledIndicators,
  numbers: ReturnType<typeof createNumberReader>,
): void {
  const { toks } = tk;
  let nameAt: ((i: number) => { end: number } | null) | null = null;
  const taken = new Set<number>();
  for (let j = 1; j < toks.length; j++) {
    const w = toks[j]!;
    if (w.type !== "w" || blocked[j]) continue;
    const w2 = toks[j + 1];
    // "trường 28 lớp", "trường có 30 lớp": a school's classes are background, no training classes
    if (w.k === "lop") {
      const s = numberStartBefore(tk, numbers, j);
      const b = key_(toks[s - 1]) === "co" ? s - 2 : s - 1;
      // "12 lớp, mỗi lớp dán 2 áp phích": classes each given a thing are a school's, no training classes
      const each = toks[j + 1]?.k === "," ? j + 2 : j + 1;
      const givenEach =
        key_(toks[each]) === "moi" && key_(toks[each + 1]) === "lop" && CLASS_GIVEN.has(key_(toks[each + 2]));
      const size = s >= 0 && !blocked[s] && schoolSizeBefore(tk, numbers, s);
      // "Trường THPT Ngô Quyền (42 lớp, 1.780 học sinh)": the whole bracket after a school's name is its size
      if (s >= 0 && !blocked[s] && toks[s - 1]?.k === "(" && afterSchoolName(toks, s - 1)) {
        blockSizeBracket(toks, blocked, s);
        continue;
      }
      const whole = s >= 0 && !blocked[s] && schoolMakeUp(toks, s);
      if (s >= 0 && !blocked[s] && (key_(toks[b]) === "truong" || givenEach || size || whole)) {
        if (whole) blockPupils(tk, numbers, blocked, s);
        for (let x = s; x <= j; x++) blocked[x] = 1;
        // ("(650 hs, 20 lớp)": the pupils typed short are the school's size too)
        if (size && key_(toks[s - 2]) === "hs") blocked[numberStartBefore(tk, numbers, s - 2)] = 1;
        taken.add(s);
        continue;
      }
    }
    // "3 báo cáo viên", "5 tuyên truyền viên": speakers and propagandists by role, no attendees
    const rest = `${w2?.k} ${key_(toks[j + 2])}`;
    // ("1 biên tập viên", "2 cộng tác viên", "3 hướng dẫn viên": a role of three words ending in "viên" is staff)
    const staff = w2?.type === "w" && (hasPhrase(ROLE_TRIPLES, w.k, rest) || roleOfThreeAt(toks, j));
    const role3 = staff || (w2?.type === "w" && hasPhrase(AIRINGS, w.k, rest));
    const phrase = role3 || (w2?.type === "w" && hasPhrase(CONTEXT_PHRASES, w.k, w2.k) && !sheetsStuck(w, w2));
    const thingPhrase =
      (w2?.type === "w" && (hasPhrase(THING_PHRASES, w.k, w2.k) || hasPhrase(THING_TRIPLES, w.k, rest))) ||
      receivedThing(tk, numbers, j, `${w.k} ${key_(w2)}`);
    const thing = thingPhrase || (!phrase && THINGS_COUNTED.has(w.k));
    const faces = facesAt(toks, j);
    if (
      !phrase &&
      !thing &&
      !faces &&
      !CONTEXT_WORDS.has(w.k) &&
      !isMarket(toks, j) &&
      !MARKED_CONTEXT.has(w.o.toLowerCase()) &&
      !populationOfPlace(tk, numbers, j)
    )
      continue;
    // "3 người quản trị/quản lý" run a page; "80 người quán triệt nghị quyết" attend
    if (phrase && w.k === "nguoi" && key_(toks[j + 2]) !== "tri" && key_(toks[j + 2]) !== "ly") continue;
    // a thing of two words is no measure even when its first word is one ("3 bài hát", "25 tin nhắn")
    if (!phrase && !thingPhrase && (compiled.measures.has(w.k) || compiled.measures.has(w.kt))) continue;
    // "pano 12 xa Thach Binh": a place named by its name follows the figure, it is not counted
    if (!phrase && NAMED_CONTEXT.has(w.k) && isProperName(toks[j + 1])) continue;
    const i = numberStartBefore(tk, numbers, j);
    if (i < 0 || blocked[i]) continue;
    // "Ba thôn …, mỗi thôn 4": a count in words before "mỗi" is left for the multipliers
    if (toks[i]!.type !== "n" && moiLater(toks, j)) continue;
    nameAt ??= createNameMatcher(toks, blocked, compiled);
    if (!thingPhrase && !role3 && nameAt(j)) continue;
    // "em" after a number is mostly the officer ("pano 4 em đã treo"): persons only beside their role
    // ("35 em học sinh", "Đoàn viên 35 em"); "họ" (they) and "hỗ trợ" typed without marks are no household
    if (w.k === "em" && !peopleAround(toks, i, j)) continue;
    if (w.k === "ho" && (toks[j + 1]?.k === "tro" || w.o.toLowerCase() === "họ")) continue;
    const end = role3 ? j + 3 : phrase || thingPhrase ? j + 2 : j + 1;
    // "3 tấm pano", "pano: 3 tấm": a classifier of a named thing is its measure, not another thing
    if (thing && (nameAt(end) || nameEndsAt(nameAt, toks, i))) continue;
    // "Đã nhận 3 bộ tài liệu": the message's only figure is asked about
    if (thing && !otherFigure(toks, blocked, i, end)) continue;
    // "treo pano 3 thôn", "Băng rôn 4 trường": the only figure of its sentence, after a name, stays a
    // figure (the counts this pass took count as figures: "có 620 học sinh, 35 giáo viên"); not a place
    // described with "có" ("Chi đoàn thôn 3 có 45 đoàn viên")
    const described = key_(toks[i - 1]) === "co" && !namedInSentence(toks, i, nameAt);
    // (a thing's faces beside another figure are its size: "Cụm … gồm 6 mặt; dựng mới 1 cụm")
    // (staff by a role of three words never stay a figure: "Tin bài chưa đạt do 1 biên tập viên nghỉ")
    if (
      !described &&
      !staff &&
      !(faces && otherFigure(toks, blocked, i, end)) &&
      onlyFigureOfSentence(toks, blocked, i, end, taken) &&
      (!(thing || (phrase && SERVED_PHRASES.has(`${w.k} ${w2!.k}`)))
        ? // "tổ em 110 hộ" beside the report's figures in other sentences: no indicator, so context
          namedInSentence(toks, i, nameAt) || !otherFigure(toks, blocked, i, end)
        : nameBeforeInSentence(nameAt, toks, blocked, i))
    )
      continue;
    if (
      (!thing && attendedAfter(toks, end) && !workforce(toks, i, end)) ||
      (phrase && w.k === "thanh" && groupBefore(toks, i))
    )
      continue;
    // "tập huấn cho 40 hội viên", "hội nghị với 120 đoàn viên": people a meeting is held for, or by role
    // right after a gathering, are its attendees
    if (
      phrase &&
      PEOPLE_PHRASES.has(`${w.k} ${w2!.k}`) &&
      (meetingFor(toks, nameAt, compiled, i) || gatheringBefore(toks, i, blocked))
    )
      continue;
    // ("3 hội nghị, 210 lượt hội viên": visits of people by role, no staff of three words, attend it too)
    if (
      w.k === "luot" &&
      (PEOPLE_PHRASES.has(rest) || nameAt(j + 1)) &&
      (meetingFor(toks, nameAt, compiled, i) || gatheringBefore(toks, i, blocked))
    )
      continue;
    for (let x = i; x < end; x++) blocked[x] = 1;
    taken.add(i);
    // "nhận 215 bài dự thi, chọn 30 bài tiêu biểu": the same things counted again in the sentence are some of them
    if (thingPhrase) blockSameThingLater(tk, blocked, numbers, end, w.k, nameAt, compiled.headWords);
  }
}

/** Words after a count that say where, to whom or when, not which ("lên", "trên", "cho", "đã"). */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(
  "len tren cho tai o ve vao den toi qua da duoc dc la roi a nhe nha thi nua".split(" "),
);

/**
 * After other things counted by a phrase ending at `from` ("215 bài dự thi"), a later count in the sentence
 * of the phrase's first word ("30 bài tiêu biểu"), with no indicator's name after it, counts some of them: blocked.
 */
function blockSameThingLater(
  tk: Tokenised,
  blocked: Uint8Array,
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
  word: string,
  nameAt: (i: number) => { end: number } | null,
  headWords: ReadonlySet<string>,
): void {
  const { toks } = tk;
  for (let x = from; x < toks.length && x < from + 16 && !SENTENCE_END.has(toks[x]!.k) && toks[x]!.type !== "nl"; x++) {
    if (toks[x]!.type !== "n" || blocked[x]) continue;
    const num = numbers.read(x, false);
    if (!num || num.bad) continue;
    // (with a word saying which of them: "30 bài tiêu biểu"; "đăng 3 bài lên trang" is a figure)
    const which = toks[num.end + 1];
    if (
      key_(toks[num.end]) === word &&
      !nameAt(num.end) &&
      which?.type === "w" &&
      !nameAt(num.end + 1) &&
      !headWords.has(which.kt) &&
      !HARD_WORDS.has(which.kt) &&
      !PLACE_PREPOSITIONS.has(which.kt)
    )
      for (let y = x; y <= num.end; y++) blocked[y] = 1;
    x = num.end - 1;
  }
}

/**
 * "Cụm cổ động gồm 6 mặt trưng bày", "pano 2 mat, moi mat 1 noi dung": the faces of a thing named before
 * are its size, never its count (typed without marks "mat" is as often "mất", so only beside "mỗi mặt").
 */
function facesAt(toks: readonly Tok[], j: number): boolean {
  const w = toks[j]!;
  if (w.o.toLowerCase() === "mặt") return true;
  if (w.k !== "mat") return false;
  for (let x = 1; x < toks.length; x++) if (toks[x]!.k === "mat" && key_(toks[x - 1]) === "moi") return true;
  return false;
}

/**
 * Words before a school's pupils counted as its size ("Trường em 1.240 học sinh", "trường có", "gồm"), and
 * the bracket after its name ("Trường THPT Hồng Lam (1.450 học sinh, 38 lớp)"); "gần", "khoảng" may stand between.
 */
const SCHOOL_SIZE_BEFORE: ReadonlySet<string> = new Set(["em", "co", "truong", "gom", "("]);
const ABOUT: ReadonlySet<string> = new Set(["gan", "khoang", "hon", "tren"]);

/**
 * "Trường em 1.240 học sinh, 36 lớp": classes listed right after the school's pupils are its size, no
 * training classes (a gathering before the pupils, "tập huấn 80 học sinh, 2 lớp", is left alone).
 */
function schoolSizeBefore(tk: Tokenised, numbers: ReturnType<typeof createNumberReader>, s: number): boolean {
  const { toks } = tk;
  if (toks[s - 1]?.k !== "," && key_(toks[s - 1]) !== "va") return false;
  // the pupils, "học sinh" or typed short "hs"
  const pupils =
    key_(toks[s - 2]) === "hs" ? s - 2 : key_(toks[s - 3]) === "hoc" && key_(toks[s - 2]) === "sinh" ? s - 3 : -1;
  if (pupils < 0) return false;
  let p = numberStartBefore(tk, numbers, pupils);
  if (p > 0 && ABOUT.has(key_(toks[p - 1]))) p--;
  if (p <= 0 || !SCHOOL_SIZE_BEFORE.has(toks[p - 1]!.type === "w" ? key_(toks[p - 1]) : toks[p - 1]!.k)) return false;
  // the bracket only after a school's name ("tập huấn (80 học sinh, 2 lớp)" counts a training's classes)
  return toks[p - 1]!.k !== "(" || afterSchoolName(toks, p - 1);
}

/** Words for pupils after their count ("640 học sinh", "640 em", "650 hs", "420 trẻ"). */
const PUPILS: ReadonlySet<string> = new Set(["hoc", "hs", "em", "tre", "chau"]);
/** Verbs of holding classes ("tổ chức", "mở", "tập huấn"): then the classes are a training's. */
const HOLDING: ReadonlySet<string> = new Set(["chuc", "mo", "huan", "day", "boi"]);

/** The tokens of the sentence around token i (to its line's end or a full stop). */
function sentenceAround(toks: readonly Tok[], i: number): [number, number] {
  const stop = (t: Tok): boolean => t.type === "nl" || t.k === "." || t.k === "!" || t.k === "?";
  let a = i;
  while (a > 0 && !stop(toks[a - 1]!)) a--;
  let b = i;
  while (b < toks.length && !stop(toks[b]!)) b++;
  return [a, b];
}

/**
 * "Tổng số học sinh toàn trường: 640 em; 17 lớp.", "trường em có 20 lớp, 700 học sinh", "Quy mô: 24 lớp, 860
 * học sinh": classes counted beside a count of pupils (or the school) in a sentence that holds nothing and
 * where no one attends are the school's make-up, no training classes.
 */
function schoolMakeUp(toks: readonly Tok[], s: number): boolean {
  const [a, b] = sentenceAround(toks, s);
  let pupils = false;
  for (let x = a; x < b; x++) {
    // ("quy mô" is a size, no "mở")
    const holds = HOLDING.has(key_(toks[x])) && !(key_(toks[x]) === "mo" && key_(toks[x - 1]) === "quy");
    if (holds || attendVerbAt(toks, x)) return false;
    if (key_(toks[x]) === "truong" && x < s) pupils = true;
    if (
      toks[x - 1]?.type === "n" &&
      PUPILS.has(key_(toks[x])) &&
      (key_(toks[x]) !== "hoc" || key_(toks[x + 1]) === "sinh")
    )
      pupils = true;
  }
  return pupils;
}

/** Blocks the counts of pupils in the sentence of token s (a school's make-up). */
function blockPupils(
  tk: Tokenised,
  numbers: ReturnType<typeof createNumberReader>,
  blocked: Uint8Array,
  s: number,
): void {
  const { toks } = tk;
  const [a, b] = sentenceAround(toks, s);
  for (let x = a + 1; x < b; x++) {
    if (!PUPILS.has(key_(toks[x])) || toks[x - 1]?.type !== "n") continue;
    const p = numberStartBefore(tk, numbers, x);
    if (p >= 0) for (let y = p; y < x; y++) blocked[y] = 1;
  }
}

/** Whether the bracket opening at token `open` follows a school's name ("Trường THPT Hồng Lam ("). */
const afterSchoolName = (toks: readonly Tok[], open: number): boolean =>
  toks.slice(Math.max(0, open - 7), open).some((t) => key_(t) === "truong");

/**
 * A school's size in the bracket after its name, from token s to ")": each count is background ("15 lớp,
 * 420 trẻ, 38 giáo viên") unless said to attend.
 */
function blockSizeBracket(toks: readonly Tok[], blocked: Uint8Array, s: number): void {
  let end = s;
  while (end < toks.length && toks[end]!.k !== ")" && toks[end]!.type !== "nl") end++;
  if (toks[end]?.k !== ")") return;
  for (let x = s; x < end; x++) if (toks[x]!.type === "n" && !attendedAfter(toks, x + 1)) blocked[x] = 1;
}

/** What each class of a school is given or does with a thing ("mỗi lớp dán 2 áp phích", "mỗi lớp nhận 30 tờ rơi"). */
const CLASS_GIVEN: ReadonlySet<string> = new Set(["dan", "treo", "phat", "nhan", "lam", "ve", "duoc", "co"]);

/**
 * "điều 2 xe (biển số …) thực hiện 4 lượt xe thông tin lưu động": where trips are counted in "lượt xe",
 * a count of bare "xe" (no name after it) is the vehicles that made them, not a figure.
 */
function markFleetCounts(
  tk: Tokenised,
  blocked: Uint8Array,
  compiled: CompiledIndicators,
  numbers: ReturnType<typeof createNumberReader>,
): void {
  const { toks } = tk;
  let trips = false;
  for (let i = 0; i + 1 < toks.length && !trips; i++)
    if (key_(toks[i]) === "luot" && key_(toks[i + 1]) === "xe") trips = true;
  if (!trips) return;
  let nameAt: ((i: number) => { end: number } | null) | null = null;
  for (let j = 1; j < toks.length; j++) {
    if (key_(toks[j]) !== "xe" || blocked[j] || key_(toks[j - 1]) === "luot") continue;
    const i = numberStartBefore(tk, numbers, j);
    if (i < 0 || blocked[i]) continue;
    nameAt ??= createNameMatcher(toks, blocked, compiled);
    if (nameAt(j)) continue;
    for (let x = i; x <= j; x++) blocked[x] = 1;
  }
}

/** Three-word roles ("báo cáo viên", "tuyên truyền viên", "phát thanh viên"): people who do the work, not its audience. */
const ROLE_TRIPLES: ReadonlySet<string> = new Set([
  "bao cao vien",
  "tuyen truyen vien",
  "phat thanh vien",
  "ky thuat vien", // "1 kỹ thuật viên": the station's staff
]);
/** Whether "X Y viên" (a role: "biên tập viên", "cộng tác viên") starts at token j, after a count. */
const roleOfThreeAt = (toks: readonly Tok[], j: number): boolean =>
  toks[j]?.type === "w" && toks[j + 1]?.type === "w" && toks[j + 2]?.type === "w" && toks[j + 2]!.k === "vien";
/** Times a report or a clip was aired ("2 lần phát sóng", "3 lượt phát lại"): no broadcasts of the office's own. */
const AIRINGS: ReadonlySet<string> = new Set(["lan phat song", "luot phat song", "lan phat lai", "luot phat lai"]);
/**
 * Context nouns only when typed with their marks ("hội trường 200 chỗ", "3 cổng trường", "in 2 mặt", "1 đài trung tâm",
 * "xã 12.500 dân", "30 lá cờ"): plain "cho", "cong", "mat", "dan", "la" and "co" are as often "cho" (for), "công",
 * "mất", "dán", "là" and "có".
 */
const MARKED_CONTEXT: ReadonlySet<string> = new Set(["chỗ", "cổng", "mặt", "đài", "dân", "lá", "cờ"]);
/** Words saying whose a place is, between it and its size ("xa em", "thon minh", "xa co"). */
const PLACE_HOLDERS: ReadonlySet<string> = new Set(["em", "minh", "toi", "co", "ta"]);

/**
 * "xa em 9.200 dan" typed without marks: "dan" right after a place's count ("xã em", "thôn mình có") is its
 * population ("dân"), not "dán" (as "dân" written so always is).
 */
function populationOfPlace(tk: Tokenised, numbers: ReturnType<typeof createNumberReader>, j: number): boolean {
  if (tk.accented || tk.toks[j]!.k !== "dan") return false;
  const s = numberStartBefore(tk, numbers, j);
  let b = s - 1;
  while (b > s - 3 && PLACE_HOLDERS.has(key_(tk.toks[b]))) b--;
  return s > 0 && b < s - 1 && PLACE_WORDS.has(key_(tk.toks[b]));
}

/**
 * Things other than the indicators, counted by a classifier ("5 bộ khung", "2 tấm phông", "35 cuốn
 * sổ tay") or by their name ("35 sổ tay"), children ("150 cháu") and teams ("3 đội văn nghệ"):
 * context unless they classify a name.
 */
const THINGS_COUNTED: ReadonlySet<string> = new Set(["bo", "tam", "cuon", "quyen", "chau", "doi"]);
/**
 * Things and events of two words, as "first second" keys ("sổ tay", "25 tin nhắn" received, "3 bài
 * hát", "3 đám cưới", "2 phòng chuyên môn"), none of them an indicator's output.
 */
const THING_PHRASES: ReadonlySet<string> = new Set([
  "so tay",
  "bai hat",
  "dam cuoi",
  "dam tang",
  "dam gio",
  "phong chuyen",
  "phong ban",
  // given or checked in passing, no indicator's output ("trao 20 suất quà", "12 xe đạp", "kiểm tra 15
  // cơ sở kinh doanh", "2 công trình thanh niên", "15 bảng tên", "có 1 bảng tin")
  "suat qua",
  "phan qua",
  "xe dap",
  "co so",
  "cong trinh",
  "bang ten",
  "bang tin",
  "van ban", // "tiếp nhận 3 văn bản chỉ đạo": documents received, no output
  "coc tre", // "sử dụng 52 cọc tre": materials used
  "coc sat",
  "coc go",
  // equipment, entries and papers of other errands, no output of the plan ("1 máy tăng âm", "17 bài dự
  // thi", "2 xe công vụ", "4 tờ thông báo", "4.500 lượt truy cập")
  "may tang",
  "may phat",
  "bai du",
  "bai thi",
  "tac pham",
  "xe cong",
  "to thong",
  "to trinh",
  "luot truy",
]);
/**
 * Writings said at or handed in to a gathering, of three words ("6 bài phát biểu", "40 bài thu hoạch", "5 bài
 * tham luận"): no posts ("bài phát thanh" stays the broadcasts').
 */
const THING_TRIPLES: ReadonlySet<string> = new Set(["bai phat bieu", "bai thu hoach", "bai tham luan"]);
/** What an office receives ("nhận 25 tin nhắn phản ánh"); sent ones ("gửi 120 tin nhắn") may be its work. */
const RECEIVED_THINGS: ReadonlySet<string> = new Set(["tin nhan", "cuoc goi", "y kien", "phan anh", "don thu"]);

/** Verbs of answering what came in ("trả lời 45 tin nhắn hỏi đáp", "giải đáp 20 ý kiến"): still things received. */
const ANSWER_VERBS: ReadonlySet<string> = new Set(["tra loi", "giai dap"]);

/**
 * Whether the number before token j follows "nhận" (or "trả lời", "giải đáp") and j starts a thing received
 * ("nhận 25 tin nhắn", "nhận 26 bài viết"), or follows "nộp" and j starts writings handed in ("học sinh nộp
 * 215 bài vẽ": entries).
 */
function receivedThing(tk: Tokenised, numbers: ReturnType<typeof createNumberReader>, j: number, key: string): boolean {
  // the words first: most are neither, and the figure before them is read only for those that are
  if (tk.toks[j]!.k !== "bai" && !RECEIVED_THINGS.has(key)) return false;
  const i = numberStartBefore(tk, numbers, j);
  if (i <= 0) return false;
  const verb = tk.toks[i - 1]!.k;
  // writings received ("nhận 26 bài viết dự thi", "nhận được 58 bài"): entries, no posts of the unit's
  // ("nhắn 6 bài", texted, is no "nhận")
  const at = verb === "duoc" ? i - 2 : i - 1;
  const got = tk.toks[at]?.k === "nhan" && (!tk.accented || tk.toks[at]!.o.toLowerCase() === "nhận");
  if (verb === "nop" || (got && tk.toks[j]!.k === "bai")) return tk.toks[j]!.k === "bai";
  if (!RECEIVED_THINGS.has(key)) return false;
  return verb === "nhan" || ANSWER_VERBS.has(`${key_(tk.toks[i - 2])} ${verb}`);
}

/** Whether an indicator's name ends right before token i (a colon between allowed): "pano 3", "pano: 3". */
function nameEndsAt(nameAt: (i: number) => { end: number } | null, toks: readonly Tok[], i: number): boolean {
  const end = toks[i - 1]?.k === ":" ? i - 1 : i;
  for (let a = end - 1; a >= 0 && a >= end - 4; a--) {
    if (toks[a]!.type !== "w") return false;
    if (nameAt(a)?.end === end) return true;
  }
  return false;
}

/** Whether "cho" right before token i follows a meeting's name ("tập huấn cho 40 hội viên"). */
function meetingFor(
  toks: readonly Tok[],
  nameAt: (i: number) => { end: number; code?: string } | null,
  compiled: CompiledIndicators,
  i: number,
): boolean {
  if (toks[i - 1]?.type !== "w" || toks[i - 1]!.kt !== "cho") return false;
  const meeting = compiled.measures.get("cuoc");
  // ("truyền thông phòng chống bệnh tay chân miệng cho 84 …": the meeting's name before its topic)
  // (over a quoted title: "tập huấn "Bình dân học vụ số" cho 210 đoàn viên")
  for (
    let a = beforeTitle(toks, i - 2), n = 0;
    a >= 0 && n < 11 && toks[a]!.type === "w";
    a = beforeTitle(toks, a - 1), n++
  ) {
    const m = nameAt(a);
    if (m && m.end <= i - 1) return m.code === meeting;
  }
  return false;
}

/** Whether a digit figure stands anywhere in the message outside tokens [from, to). */
function otherFigure(toks: readonly Tok[], blocked: Uint8Array, from: number, to: number): boolean {
  for (let x = 0; x < toks.length; x++) if ((x < from || x >= to) && toks[x]!.type === "n" && !blocked[x]) return true;
  return false;
}

/** Whether an indicator is named before token i in its sentence ("treo pano 3 thôn"). */
function nameBeforeInSentence(
  nameAt: (i: number) => { end: number } | null,
  toks: readonly Tok[],
  blocked: Uint8Array,
  i: number,
): boolean {
  for (let x = i - 1; x >= 0 && toks[x]!.type !== "nl" && !SENTENCE_END.has(toks[x]!.k); x--)
    if (toks[x]!.type === "w" && !blocked[x] && nameAt(x)) return true;
  return false;
}

/** Context nouns that take a name after them ("xã Thạch Bình", "chợ Gốm"); "3 km QL1A" is still a count. */
const NAMED_CONTEXT: ReadonlySet<string> = new Set(["thon", "xom", "lang", "xa", "phuong", "truong", "cho"]);

/** A word starting with a capital letter, not the first of its line: a name ("Thạch Bình", "Gốm"). */
function isProperName(t: Tok | undefined): boolean {
  if (!t || t.type !== "w") return false;
  const c = t.o[0] ?? "";
  return c !== c.toLowerCase();
}

/** Whether people named by their role stand right after "em" at j, or right before the number at i. */
function peopleAround(toks: readonly Tok[], i: number, j: number): boolean {
  const pair = (a: Tok | undefined, b: Tok | undefined): boolean =>
    a?.type === "w" && b?.type === "w" && PEOPLE_PHRASES.has(`${a.k} ${b.k}`);
  return pair(toks[j + 1], toks[j + 2]) || pair(toks[i - 2], toks[i - 1]);
}

const SENTENCE_END: ReadonlySet<string> = new Set([".", "!", "?", ";"]);

/** Whether an indicator is named in the sentence (or line) of token i ("pano: có 3 thôn" names one). */
function namedInSentence(toks: readonly Tok[], i: number, nameAt: (i: number) => { end: number } | null): boolean {
  let a = i;
  while (a > 0 && toks[a - 1]!.type !== "nl" && !SENTENCE_END.has(toks[a - 1]!.k)) a--;
  for (let x = a; x < toks.length && toks[x]!.type !== "nl" && !SENTENCE_END.has(toks[x]!.k); x++)
    if (toks[x]!.type === "w" && nameAt(x)) return true;
  return false;
}

/** Whether no other digit figure stands in the sentence (or line) of tokens [from, to). */
function onlyFigureOfSentence(
  toks: readonly Tok[],
  blocked: Uint8Array,
  from: number,
  to: number,
  taken: ReadonlySet<number> = new Set(),
): boolean {
  for (let x = from - 1; x >= 0 && toks[x]!.type !== "nl" && !SENTENCE_END.has(toks[x]!.k); x--)
    if (toks[x]!.type === "n" && (!blocked[x] || taken.has(x))) return false;
  // a next line opening with a bare figure ("…6 thôn\n2 lượt") continues the sentence
  for (let x = to; x < toks.length && !SENTENCE_END.has(toks[x]!.k); x++) {
    if (toks[x]!.type === "nl" && toks[x + 1]?.type !== "n") break;
    if (toks[x]!.type === "n" && !blocked[x]) return false;
  }
  return true;
}

/** Whether "mỗi" (each) follows token j on its line. */
function moiLater(toks: readonly Tok[], j: number): boolean {
  for (let x = j + 1; x < toks.length && toks[x]!.type !== "nl"; x++) if (toks[x]!.k === "moi") return true;
  return false;
}

/** The first token of a usable number ending right before token j ("1.450", "hai", "mười hai"), or −1. */
function numberStartBefore(tk: Tokenised, numbers: ReturnType<typeof createNumberReader>, j: number): number {
  const { toks, nkeys } = tk;
  if (toks[j - 1]?.type !== "n" && !nkeys[j - 1]) return -1;
  let start = -1;
  for (let s = j - 1; s >= 0 && s >= j - 4 && (toks[s]!.type === "n" || nkeys[s]); s--) {
    const num = numbers.read(s, false);
    if (num && !num.bad && num.end === j) start = s;
  }
  return start;
}

/** "chợ" (a market): typed with its mark, or plain "cho" closing its clause ("ở 2 cho", not "cho 200 hộ"). */
function isMarket(toks: readonly Tok[], j: number): boolean {
  const t = toks[j]!;
  if (t.k !== "cho") return false;
  if (t.o.toLowerCase() === "chợ") return true;
  if (t.o.toLowerCase() !== "cho") return false;
  const next = toks[j + 1];
  return !next || next.type === "nl" || CLAUSE_PUNCT.has(next.k) || next.k === "va";
}

/**
 * Whether a chat group is named shortly before token i: the members of a group ("nhóm zalo thôn có
 * 230 thành viên") stay quoted to ask, since officers give them as the reach of their posts.
 */
function groupBefore(toks: readonly Tok[], i: number): boolean {
  for (let x = i - 1; x >= 0 && x >= i - 5; x--) if (toks[x]!.k === "nhom") return true;
  return false;
}

/** Whether people counted right before token `from` are said to attend ("40 cán bộ công chức dự hội nghị"). */
function attendedAfter(toks: readonly Tok[], from: number): boolean {
  for (let x = from; x < toks.length && x < from + 4; x++) {
    const t = toks[x]!;
    if (t.type !== "w") return false;
    if (attendVerbAt(toks, x)) return true;
  }
  return false;
}

const RESPECTIVE_VERBS: ReadonlySet<string> = new Set([
  "treo",
  "phat",
  "dang",
  "co",
  "la",
  "duoc",
  "dat",
  "in",
  "gia",
  "du",
]);

/**
 * "số người tham gia lần lượt 45, 52 và 48 người": the figures said one by one for the parts of one
 * thing are read as their sum (a stated total after them, "(tổng 145 người)", then agrees). Not when
 * several indicators are named before them ("pa nô và băng rôn lần lượt 3 và 5": each its own).
 */
function markRespectively(
  tk: Tokenised,
  blocked: Uint8Array,
  compiled: CompiledIndicators,
  numbers: ReturnType<typeof createNumberReader>,
  readings: Map<number, { end: number; value: number }>,
): void {
  const { toks } = tk;
  let nameAt: ((i: number) => { end: number; code: string } | null) | null = null;
  for (let i = 0; i + 3 < toks.length; i++) {
    if (toks[i]!.kt !== "lan" || toks[i + 1]!.kt !== "luot" || blocked[i] || blocked[i + 1]) continue;
    let j = i + 2;
    // "lần lượt treo 2, 3, 4 pa nô", "lần lượt là: 45, 52"
    while (j < i + 5 && (toks[j]?.k === ":" || RESPECTIVE_VERBS.has(toks[j]?.kt ?? ""))) j++;
    const items: { start: number; end: number; value: number }[] = [];
    let unit = "";
    while (j < toks.length) {
      if (toks[j]!.type !== "n" || blocked[j]) break;
      const num = numbers.read(j, false);
      if (!num || num.bad) break;
      let end = num.end;
      // "45 người, 52 người và 48 người": the same measure after each
      const w = toks[end];
      if (w?.type === "w" && w.kt !== "va" && (unit === "" || unit === w.kt)) {
        unit = w.kt;
        end++;
      }
      items.push({ start: j, end: num.end, value: num.value });
      const sep = toks[end];
      if (!sep || !(sep.k === "," || sep.kt === "va" || sep.k === "-")) break;
      j = end + 1;
    }
    if (items.length < 2) continue;
    nameAt ??= createNameMatcher(toks, blocked, compiled);
    const codes = new Set<string>();
    for (let x = i - 1; x >= 0 && toks[x]!.type !== "nl" && !SENTENCE_END.has(toks[x]!.k); x--) {
      const m = toks[x]!.type === "w" && !blocked[x] ? nameAt(x) : null;
      if (m && m.end <= i) codes.add(m.code);
    }
    if (codes.size >= 2) continue;
    blocked[i] = 1;
    blocked[i + 1] = 1;
    const last = readAsSum(readings, items);
    i = last.end;
  }
}

/** Reads parts as one figure, their sum, starting at the first; the last part, whose end the caller skips to. */
function readAsSum(
  readings: Map<number, { end: number; value: number }>,
  items: { start: number; end: number; value: number }[],
): { start: number; end: number; value: number } {
  const last = items[items.length - 1]!;
  readings.set(items[0]!.start, { end: last.end, value: items.reduce((a, x) => a + x.value, 0) });
  return last;
}

/** Words counting a gathering's or a campaign's parts ("3 lớp", "2 buổi", "3 đợt"). */
const PART_WORDS: ReadonlySet<string> = new Set(["lop", "buoi", "cuoc", "dot"]);

/**
 * "tập huấn 3 lớp: 35, 40, 42 học viên", "họp dân 3 buổi: 40, 52 và 38 người", "2 lớp, lớp 1: 30, lớp 2:
 * 35 học viên": a count of parts, then
 * exactly as many figures, one per part, closed by their measure, are read as their sum (the count
 * itself stays the parts' figure). Other lists ("pano, băng rôn: 3, 5") keep their figures.
 */
function markPartsLists(
  tk: Tokenised,
  blocked: Uint8Array,
  numbers: ReturnType<typeof createNumberReader>,
  readings: Map<number, { end: number; value: number }>,
): void {
  const { toks } = tk;
  for (let i = 0; i + 4 < toks.length; i++) {
    const n = toks[i]!;
    if (n.type !== "n" || !/^[2-9]$/.test(n.k) || blocked[i] || !PART_WORDS.has(key_(toks[i + 1]))) continue;
    let j = i + 2;
    // "2 lớp, lớp 1: 30, lớp 2: 35 học viên": each part labelled
    const label = (x: number): boolean =>
      key_(toks[x]) === key_(toks[i + 1]) && toks[x + 1]?.type === "n" && toks[x + 2]?.k === ":";
    const open = toks[j]?.k === "," && label(j + 1);
    // "3 lớp tập huấn kỹ năng số cho tổ công nghệ: 35, …", "3 lớp tập huấn với 40, 45 và 38 học viên": a
    // few words of what the parts are, then the colon or "với"
    if (!open)
      for (let x = j; x < j + 14 && toks[x]?.type === "w" && !blocked[x] && key_(toks[x]) !== "voi"; x++)
        if (toks[x + 1]?.k === ":" || key_(toks[x + 1]) === "voi") j = x + 1;
    // "họp dân 2 cuộc ở thôn 4 và thôn 7, người dự 66 và 81": the attendees named before their figures
    const named = open ? -1 : attendeesNamedAfter(toks, i + 2);
    if (named > 0) j = named - 1;
    else if (!open && toks[j]?.k !== ":" && !["gom", "lan", "voi"].includes(key_(toks[j]))) continue;
    j++;
    if (key_(toks[j - 1]) === "lan" && key_(toks[j]) === "luot") j++;
    const items: { start: number; end: number; value: number }[] = [];
    let unit = named > 0 ? "nguoi" : "";
    while (j < toks.length && items.length <= 9) {
      if (open && label(j)) j += 3;
      if (toks[j]!.type !== "n" || blocked[j]) break;
      const num = numbers.read(j, false);
      if (!num || num.bad) break;
      items.push({ start: j, end: num.end, value: num.value });
      const w = toks[num.end];
      if (w?.type === "w" && w.kt !== "va") {
        unit = w.kt;
        break;
      }
      const sep = toks[num.end];
      if (!sep || !(sep.k === "," || sep.kt === "va" || sep.k === ";")) break;
      j = num.end + 1;
    }
    if (items.length !== Number(n.k) || !unit) continue;
    const last = readAsSum(readings, items);
    // "phát 2 đợt: 300, 250 tờ": rounds of a campaign are no meetings, their count no figure
    if (key_(toks[i + 1]) === "dot") blocked[i] = blocked[i + 1] = 1;
    i = last.end;
  }
}

/**
 * Where the figures start after "người dự", "người tham dự", "số người tham gia" said later in the sentence
 * from token j (places and words of the parts between: "ở thôn 4 và thôn 7, người dự 66 và 81"), or −1.
 */
function attendeesNamedAfter(toks: readonly Tok[], j: number): number {
  for (let x = j; x < j + 16 && x < toks.length && !SENTENCE_END.has(toks[x]!.k) && toks[x]!.type !== "nl"; x++) {
    if (key_(toks[x]) !== "nguoi") continue;
    // "dự", "tham dự", "tham gia"
    let y = x + 1;
    if (key_(toks[y]) === "tham") y++;
    if (key_(toks[y]) !== "du" && key_(toks[y]) !== "gia") return -1;
    y++;
    if (toks[y]?.k === ":" || key_(toks[y]) === "la") y++;
    return toks[y]?.type === "n" ? y : -1;
  }
  return -1;
}

/**
 * "Tổ chức 3 hội nghị: hội nghị cán bộ chủ chốt 45 đại biểu, hội nghị tại cụm thôn 80 đại biểu, hội nghị …
 * 75 đại biểu": a count of things, a colon, then exactly as many parts each opening with the thing's first
 * word and holding one figure in one same unit: the figures are read as their sum (the count stays); the
 * parts may be joined by "+" ("hội nghị cán bộ 55 đại biểu + hội nghị nhân dân 130 đại biểu") and be places
 * of one meeting ("tại 2 điểm cầu: điểm cầu xã 70 người, điểm cầu thôn Lạc Thiện 35 người").
 */
function markNamedParts(
  tk: Tokenised,
  blocked: Uint8Array,
  numbers: ReturnType<typeof createNumberReader>,
  readings: Map<number, { end: number; value: number }>,
): void {
  const { toks } = tk;
  for (let i = 0; i + 4 < toks.length; i++) {
    const n = toks[i]!;
    // (a count of places, "2 điểm cầu:", was marked context before: it still counts the parts)
    if (n.type !== "n" || !/^[2-9]$/.test(n.k) || toks[i + 1]?.type !== "w") continue;
    let c = i + 1;
    while (c < i + 4 && toks[c]?.type === "w") c++;
    if (toks[c]?.k !== ":") continue;
    const head = key_(toks[i + 1]);
    const items: { start: number; end: number; value: number }[] = [];
    let unit = "";
    let j = c + 1;
    while (j < toks.length && items.length <= Number(n.k) && key_(toks[j]) === head) {
      // the part's words, then its one figure and unit, then a comma, "và" or ";"
      // (a place's label among them, "điểm cầu thôn 1 30 người", is no figure)
      let x = j + 1;
      const label = (y: number): boolean => toks[y]!.type === "n" && !!blocked[y] && PLACE_WORDS.has(key_(toks[y - 1]));
      while (x < j + 12 && x < toks.length && (toks[x]!.type === "w" || label(x))) x++;
      if (toks[x]?.type !== "n" || blocked[x]) break;
      const num = numbers.read(x, false);
      if (!num || num.bad || toks[num.end]?.type !== "w" || (unit && key_(toks[num.end]) !== unit)) break;
      unit = key_(toks[num.end]);
      items.push({ start: x, end: num.end, value: num.value });
      let e = num.end + 1;
      while (e < toks.length && toks[e]!.type === "w" && key_(toks[e]) !== head && key_(toks[e]) !== "va") e++;
      if (toks[e]?.k === "," || toks[e]?.k === ";" || toks[e]?.k === "+") e++;
      if (key_(toks[e]) === "va") e++;
      j = e;
    }
    if (items.length !== Number(n.k)) continue;
    // one reading over the parts: the words between are left to it
    const last = readAsSum(readings, items);
    for (const it of items.slice(1)) for (let y = it.start; y < it.end; y++) blocked[y] = 1;
    i = last.end;
  }
}

/** Words putting a part in its place ("1 cái ở nhà văn hóa", "2 cái tại cổng chợ"). */
const PART_PLACES: ReadonlySet<string> = new Set(["o", "tai", "truoc", "tren"]);
/** Classifiers a part may take instead of the thing's name ("5 pa nô: 3 cái tại …"). */
const PART_CLASSIFIERS: ReadonlySet<string> = new Set(["cai", "chiec", "tam", "bo"]);

/**
 * "treo 2 cái, 1 cái ở nhà văn hóa 1 cái ở cổng làng": after a figure and its unit, its parts by
 * place, each with the same unit, adding up to it, are the figure told again — no figures.
 */
function markPlacesOfParts(tk: Tokenised, blocked: Uint8Array, numbers: ReturnType<typeof createNumberReader>): void {
  const { toks } = tk;
  for (let i = 0; i + 4 < toks.length; i++) {
    if (toks[i]!.type !== "n" || blocked[i]) continue;
    const whole = numbers.read(i, false);
    if (!whole || whole.bad) continue;
    const unit = key_(toks[whole.end]);
    // the unit or the thing's name ("2 cái", "5 pa nô"), then a comma or a colon
    let j = whole.end;
    while (j < whole.end + 3 && toks[j]?.type === "w") j++;
    if (j === whole.end || (toks[j]?.k !== "," && toks[j]?.k !== ":")) continue;
    const nameLen = j - whole.end;
    const sameName = (a: number): boolean => {
      for (let k = 0; k < nameLen; k++) if (key_(toks[a + k]) !== key_(toks[whole.end + k])) return false;
      return true;
    };
    const parts: number[] = [];
    let sum = 0;
    j++;
    while (j < toks.length && toks[j]!.type === "n" && !blocked[j]) {
      const num = numbers.read(j, false);
      if (!num || num.bad) break;
      const u = key_(toks[num.end]);
      const at = sameName(num.end) ? num.end + nameLen : u === unit || PART_CLASSIFIERS.has(u) ? num.end + 1 : -1;
      if (at < 0 || !PART_PLACES.has(key_(toks[at]))) break;
      parts.push(j);
      sum += num.value;
      // the place's words, up to the next part (a comma between allowed)
      j = at + 1;
      while (j < toks.length && toks[j]!.type === "w") j++;
      if (toks[j]?.k === ",") j++;
    }
    if (parts.length < 2 || sum !== whole.value) continue;
    for (const x of parts) for (let y = x; y < numbers.read(x, false)!.end; y++) blocked[y] = 1;
    i = j - 1;
  }
}

/** Teams of people who do the work ("tổ công tác", "đội xung kích", "nhóm tình nguyện"), as "head kind" keys. */
const TEAM_HEADS: ReadonlySet<string> = new Set(["to", "doan", "nhom", "doi", "ban"]);
/** The work a team does ("tổ công tác", "ban biên tập", "nhóm quản trị", "đội văn nghệ", "đội thông tin"). */
const TEAM_KINDS: ReadonlySet<string> = new Set([
  "cong tac",
  "xung kich",
  "tinh nguyen",
  "tuyen truyen",
  "bien tap",
  "quan tri",
  "van nghe",
  "thong tin",
  "chi dao",
  "phong vien",
  "ky thuat",
]);

/** Words between "sức chứa" (capacity) and its number ("sức chứa khoảng 150 người", "sức chứa: 200"). */
const CAPACITY_GLUE: ReadonlySet<string> = new Set([":", "khoang", "toi", "len", "tren", "gan", "la", "duoc", "da"]);

/**
 * "nhà văn hóa (sức chứa 150 người)", "sức chứa tối đa 200 chỗ": how many a place holds, no attendees
 * and no figure; its unit ("người", "chỗ") goes with it.
 */
function markCapacities(tk: Tokenised, blocked: Uint8Array, numbers: ReturnType<typeof createNumberReader>): void {
  const { toks } = tk;
  if (!tk.folded.key.includes("suc chua")) return;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (toks[i]!.kt !== "suc" || toks[i + 1]!.kt !== "chua") continue;
    let j = i + 2;
    while (j < i + 6 && toks[j] && CAPACITY_GLUE.has(toks[j]!.type === "w" ? toks[j]!.kt : toks[j]!.k)) j++;
    if (!toks[j] || blocked[j]) continue;
    const num = numbers.read(j, false);
    if (!num || num.bad) continue;
    let end = num.end;
    if (key_(toks[end]) === "nguoi" || key_(toks[end]) === "cho") end++;
    for (let x = j; x < end; x++) blocked[x] = 1;
    i = end - 1;
  }
}

/** Words for what is left of earlier years ("còn", "tồn", "tồn kho"). */
const STOCK_WORDS: ReadonlySet<string> = new Set(["con", "ton"]);
/** Words between "còn"/"tồn" and the stock's figure ("còn dùng được 4", "tồn từ năm 2025 là 300"). */
const STOCK_GLUE: ReadonlySet<string> = new Set([
  "lai",
  "dung",
  "su",
  "duoc",
  "kho",
  "tu",
  "nam",
  "truoc",
  "ngoai",
  "cu",
  "la",
  "khoang",
  "tot",
  ":",
]);
/** Earlier times or old things whose leftover is stock ("năm trước", "năm ngoái", "cũ", "từ trước"). */
const EARLIER = /\b(?:nam truoc|nam ngoai|ky truoc|quy truoc|dot truoc|tu truoc|cac nam|nam \d{4}|cu)\b/;

/**
 * Stock left from earlier years: "Pa nô năm trước còn 2 cái, làm mới 3 cái", "tờ rơi tồn từ năm 2025
 * là 300 tờ, in mới 500": what is left over is context when the sentence also says what was done
 * (another figure after it); alone it stays a figure to read or ask about.
 */
function markStockLeft(tk: Tokenised, blocked: Uint8Array, numbers: ReturnType<typeof createNumberReader>): void {
  const { toks } = tk;
  if (!/\b(?:con|ton)\b/.test(tk.folded.key)) return;
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    if (t.type !== "w" || !STOCK_WORDS.has(t.kt)) continue;
    // "tồn" typed with its mark, or plain "ton" (not "tôn", "tốn"); "còn" / plain "con" (not "con" a child)
    const o = t.o.toLowerCase();
    if (!(o === "còn" || o === "con" || o === "tồn" || o === "ton")) continue;
    let j = i + 1;
    while (j < i + 8 && toks[j] && (STOCK_GLUE.has(key_(toks[j])) || toks[j]!.k === ":" || /^\d{4}$/.test(toks[j]!.k)))
      j++;
    if (!toks[j] || toks[j]!.type !== "n" || blocked[j]) continue;
    const num = numbers.read(j, false);
    if (!num || num.bad) continue;
    // an earlier time or an old thing named in the clause, before the figure
    let from = i;
    while (from > 0 && from > i - 8 && toks[from - 1]!.type !== "nl" && !CLAUSE_PUNCT.has(toks[from - 1]!.k)) from--;
    const clause = toks
      .slice(from, j)
      .map((x) => (x.type === "n" ? x.k : key_(x)))
      .join(" ");
    if (!EARLIER.test(clause)) continue;
    // what was done is said after it, in its sentence
    let later = false;
    for (let x = num.end; x < toks.length && !later && toks[x]!.type !== "nl" && toks[x]!.k !== "."; x++)
      later = toks[x]!.type === "n" && !blocked[x];
    if (!later) continue;
    for (let x = j; x < num.end; x++) blocked[x] = 1;
    i = num.end - 1;
  }
}

/** "từ (các / những) năm trước", "từ năm ngoái", "từ trước": what the things owned were made before. */
const MADE_EARLIER = /^tu (?:(?:cac|nhung) )?(?:nam truoc|nam ngoai|truoc)\b/;

/**
 * "tổng xã có 4 cụm từ các năm trước": the things a place owns, made in earlier years, are stock —
 * context when another figure (what was done this period) stands in the message.
 */
function markStockOwned(tk: Tokenised, blocked: Uint8Array, numbers: ReturnType<typeof createNumberReader>): void {
  const { toks } = tk;
  if (!/\btu (?:cac |nhung )?(?:nam|truoc)/.test(tk.folded.key)) return;
  for (let i = 1; i < toks.length; i++) {
    if (toks[i]!.type !== "n" || blocked[i] || key_(toks[i - 1]) !== "co") continue;
    const num = numbers.read(i, false);
    if (!num || num.bad) continue;
    // the thing's name (up to four words), then when it was made
    let j = num.end;
    while (j < num.end + 4 && toks[j]?.type === "w" && key_(toks[j]) !== "tu") j++;
    const made = toks.slice(j, j + 4).map((x) => (x.type === "n" ? x.k : key_(x)));
    if (!MADE_EARLIER.test(made.join(" "))) continue;
    let other = false;
    for (let x = 0; x < toks.length && !other; x++)
      other = (x < i || x >= num.end) && toks[x]!.type === "n" && !blocked[x] && !!numbers.read(x, false);
    if (!other) continue;
    for (let x = i; x < num.end; x++) blocked[x] = 1;
  }
}

/**
 * "có 1 băng rôn cũ từ năm ngoái vẫn còn treo, tháng này treo thêm 2 băng rôn mới": things called old
 * ("cũ") and said to still stand ("còn") are stock, context when a figure of what was done follows in the
 * sentence (the stock said after its figure; markStockLeft reads "còn 2 cái" said before it).
 */
function markOldStillUp(tk: Tokenised, blocked: Uint8Array, numbers: ReturnType<typeof createNumberReader>): void {
  const { toks } = tk;
  if (!/\bcu\b/.test(tk.folded.key) || !/\b(?:con|van)\b/.test(tk.folded.key)) return;
  if (/\bmoi\b/.test(tk.folded.key)) markOldStockAfter(toks, blocked);
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.type !== "n" || blocked[i]) continue;
    const num = numbers.read(i, false);
    if (!num || num.bad) continue;
    // the thing's name (up to four words), then "cũ"; "còn" later in its clause
    let j = num.end;
    while (j < num.end + 5 && toks[j]?.type === "w" && key_(toks[j]) !== "cu") j++;
    if (key_(toks[j]) !== "cu" || j === num.end) continue;
    let still = -1;
    for (let x = j + 1; x < j + 8 && still < 0 && toks[x]?.type === "w"; x++) if (key_(toks[x]) === "con") still = x;
    if (still < 0) continue;
    let later = false;
    for (let x = still; x < toks.length && !later && toks[x]!.type !== "nl" && toks[x]!.k !== "."; x++)
      later = toks[x]!.type === "n" && !blocked[x];
    if (later) for (let x = i; x < num.end; x++) blocked[x] = 1;
  }
}

/**
 * "không treo băng rôn mới, băng rôn cũ vẫn treo 8 cái", "pano cũ còn treo 3 cái, không làm pano mới": in a
 * message that sets new things apart ("mới"), a figure said after "cũ" and "vẫn"/"còn" is the old stock.
 */
function markOldStockAfter(toks: readonly Tok[], blocked: Uint8Array): void {
  for (let j = 0; j < toks.length; j++) {
    if (key_(toks[j]) !== "cu") continue;
    let still = -1;
    for (let x = j + 1; x <= j + 2 && still < 0 && toks[x]?.type === "w"; x++)
      if (key_(toks[x]) === "van" || key_(toks[x]) === "con") still = x;
    if (still < 0) continue;
    let n = still + 1;
    while (n <= still + 3 && toks[n]?.type === "w") n++;
    if (toks[n]?.type === "n" && !blocked[n]) blocked[n] = 1;
  }
}

/** Work done by those counted ("5 người đi phát tờ rơi", "3 người cùng treo băng rôn"). */
const WORK_VERBS: ReadonlySet<string> = new Set(["phat", "treo", "dan", "lap", "cho", "tuyen"]);

/** Whether "đi"/"cùng" and a verb of the work follow token j: those people did the work, no attendees. */
function goesToWork(toks: readonly Tok[], j: number): boolean {
  const go = key_(toks[j]);
  if ((go === "di" || go === "cung") && WORK_VERBS.has(key_(toks[j + 1]))) return true;
  // "3 người trong ban công tác mặt trận đi phát", "2 người của chi đoàn cùng treo": whose they are, then the work
  if (go === "trong" || go === "cua" || go === "thuoc")
    for (let x = j + 1; x < j + 8 && toks[x]?.type === "w"; x++)
      if ((key_(toks[x]) === "di" || key_(toks[x]) === "cung") && WORK_VERBS.has(key_(toks[x + 1]))) return true;
  // "1 xe, 4 người đi cùng", "2 nguoi di theo": the crew, closing their clause
  const after = toks[j + 2];
  if (
    go === "di" &&
    (key_(toks[j + 1]) === "cung" || key_(toks[j + 1]) === "theo") &&
    (!after || after.type === "nl" || after.type === "p")
  )
    return true;
  // "3 người dựng pano", "2 người treo": the verb right after them ("60 người phát biểu" speak at a meeting)
  // ("80 người dân tham dự": the people, not "dán")
  if (go === "dan") return toks[j]!.o.toLowerCase() === "dán";
  return DOING_NOW.has(go) && key_(toks[j + 1]) !== "bieu";
}
const DOING_NOW: ReadonlySet<string> = new Set(["treo", "dung", "lap", "phat"]);

/** Staff by role ("cán bộ", "chuyên viên") and the duty they hold ("trực", "phụ trách", "đầu mối"). */
const STAFF_ROLES: ReadonlySet<string> = new Set(["can bo", "chuyen vien", "cong chuc", "nhan vien", "vien chuc"]);
const STAFF_DUTIES: ReadonlySet<string> = new Set(["truc", "phu trach", "dau moi", "thuong truc"]);

/**
 * Whether the words ending at token k are a role and its duty ("cán bộ trực", "chuyên viên phụ trách",
 * "cb trực:"): the number of people after them is the staff on duty, no attendees.
 */
function staffOnDuty(toks: readonly Tok[], k: number): boolean {
  let end = k;
  if (toks[end]?.k === ":") end--;
  for (const len of [2, 1]) {
    const duty = toks.slice(end - len + 1, end + 1);
    if (duty.length !== len || duty.some((t) => t.type !== "w")) continue;
    if (!STAFF_DUTIES.has(duty.map((t) => t.kt).join(" "))) continue;
    const r = end - len;
    const a = toks[r - 1];
    const b = toks[r];
    if (b?.type === "w" && (b.kt === "cb" || (a?.type === "w" && STAFF_ROLES.has(`${a.kt} ${b.kt}`)))) return true;
  }
  return false;
}

/**
 * Whether people by a role of the work ("phát thanh viên", "tuyên truyền viên", "báo cáo viên") are the
 * subject of the clause ending at token k ("phát thanh viên của xã có 2 người"): those people are staff.
 */
function roleHoldersBefore(toks: readonly Tok[], k: number): boolean {
  for (let x = k; x >= 2 && x > k - 6 && toks[x]!.type === "w"; x--)
    if (ROLE_TRIPLES.has(`${toks[x - 2]!.kt} ${toks[x - 1]!.kt} ${toks[x]!.kt}`)) return true;
  return false;
}

/**
 * "tổ công tác 5 người đi phát tờ rơi", "đội xung kích gồm 12 người": the size of the team doing the
 * work, not people attending anything (unless said to attend: "… 5 người dự").
 */
function markTeamSizes(tk: Tokenised, blocked: Uint8Array): void {
  const { toks } = tk;
  // "đoàn 5 người đi phát tờ rơi", "3 người cùng treo băng rôn": those who did the work
  for (let i = 0; i + 3 < toks.length; i++)
    if (toks[i]!.type === "n" && !blocked[i] && toks[i + 1]!.kt === "nguoi" && goesToWork(toks, i + 2))
      blocked[i] = blocked[i + 1] = 1;
  for (let i = 3; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    if (t.type !== "n" || blocked[i] || toks[i + 1]!.kt !== "nguoi") continue;
    let k = i - 1;
    if (toks[k]?.kt === "gom" || toks[k]?.kt === "co") k--;
    if ((staffOnDuty(toks, k) || roleHoldersBefore(toks, k)) && !attendedAfter(toks, i + 2)) {
      blocked[i] = 1;
      blocked[i + 1] = 1;
      continue;
    }
    if (!teamNamedBefore(toks, k) || attendedAfter(toks, i + 2)) continue;
    blocked[i] = 1;
    blocked[i + 1] = 1;
  }
}

/**
 * Whether a team by its work ends at token k, with up to two words qualifying it ("đội thông tin",
 * "đội thông tin lưu động", "đội văn nghệ quần chúng").
 */
function teamNamedBefore(toks: readonly Tok[], k: number): boolean {
  for (let a = k - 2; a >= k - 4 && a >= 0; a--) {
    if (toks[a + 2]?.type !== "w" || toks[a]?.type !== "w" || toks[a + 1]?.type !== "w") return false;
    if (TEAM_HEADS.has(toks[a]!.kt) && TEAM_KINDS.has(`${toks[a + 1]!.kt} ${toks[a + 2]!.kt}`)) return true;
  }
  return false;
}

const RECIPIENT_INTRO: ReadonlySet<string> = new Set(["cho"]);
const CLAUSE_PUNCT: ReadonlySet<string> = new Set([",", ";", ".", "!", "?", "(", ")"]);

/** Whether no other digit figure stands in the clause of tokens [from, to) ("phát 200 tờ rơi cho 200 hộ" has one). */
function aloneInClause(toks: readonly Tok[], blocked: Uint8Array, from: number, to: number): boolean {
  for (let x = from - 1; x >= 0 && toks[x]!.type !== "nl" && !CLAUSE_PUNCT.has(toks[x]!.k); x--)
    if (toks[x]!.type === "n" && blocked[x] !== 1) return false;
  for (let x = to; x < toks.length && toks[x]!.type !== "nl" && !CLAUSE_PUNCT.has(toks[x]!.k); x++)
    if (toks[x]!.type === "n" && blocked[x] !== 1) return false;
  return true;
}

/** "từ ngày 1/3 đến nay", "vào 8h sáng 10/2", "từ đầu năm đến nay": transparent, never values. */
function markTimePhrases(tk: Tokenised, transparent: Uint8Array): void {
  const { toks } = tk;
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    if (t.type === "w" && (t.k === "den" || t.k === "toi") && toks[i + 1]?.k === "nay") {
      transparent[i] = transparent[i + 1] = 1;
    }
    if (t.type === "w" && t.k === "tu" && toks[i + 1]?.k === "dau" && isWordIn(toks[i + 2], TIME_UNITS)) {
      transparent[i] = transparent[i + 1] = transparent[i + 2] = 1;
      // "từ đầu năm 2026 đến nay": the year named is part of the phrase
      if (toks[i + 2]!.k === "nam" && toks[i + 3]?.type === "n" && /^(?:19|20)\d\d$/.test(toks[i + 3]!.k))
        transparent[i + 3] = 1;
    }
  }
  for (let i = 0; i < n; i++) {
    if (!transparent[i]) continue;
    let p = i - 1;
    while (p >= 0 && !transparent[p] && isWordIn(toks[p], TIME_INTRO)) transparent[p--] = 1;
  }
}

/** Words after "năm" that make it the year ("năm nay", "năm tới", "năm học"). */
const YEAR_AFTER: ReadonlySet<string> = new Set([
  "nay",
  "toi",
  "sau",
  "truoc",
  "hoc",
  "qua",
  "ngoai",
  "moi",
  "roi",
  "kia",
]);

/** Task hints: "#3", "nv3", "nv số 3", "nhiệm vụ 3", "nhiem vu so 4"; the first one counts. */
function markTaskHints(
  tk: Tokenised,
  blocked: Uint8Array,
  numbers: ReturnType<typeof createNumberReader>,
): number | undefined {
  const { toks } = tk;
  let taskHint: number | undefined;
  const numberAfter = (j: number): { value: number; end: number } | null => {
    while (toks[j] && (isWordIn(toks[j], TASK_HINT_FILLERS) || toks[j]!.k === ":" || toks[j]!.k === "#")) j++;
    const t = toks[j];
    if (!t || blocked[j]) return null;
    if (t.type === "n") {
      const v = parseDigitNumber(t.k);
      return v !== null && Number.isInteger(v) ? { value: v, end: j + 1 } : null;
    }
    // "nhiệm vụ năm 2027", "nhiệm vụ năm nay": the year, not task five
    if (t.k === "nam" && (/^(?:19|20)\d\d$/.test(toks[j + 1]?.k ?? "") || isWordIn(toks[j + 1], YEAR_AFTER)))
      return null;
    const nw = numbers.wordsAt(j);
    return nw && !nw.ambiguous ? { value: nw.value, end: nw.end } : null;
  };
  for (let i = 0; i < toks.length; i++) {
    if (blocked[i]) continue;
    const t = toks[i]!;
    let hint: { value: number; end: number } | null = null;
    if (t.k === "#" && toks[i + 1]?.type === "n" && !toks[i + 1]!.spaced) hint = numberAfter(i + 1);
    else if (t.type === "w" && t.k === "nv") hint = numberAfter(i + 1);
    else if (t.type === "w" && t.k === "nhiem" && toks[i + 1]?.k === "vu") hint = numberAfter(i + 2);
    if (hint && hint.value > 0 && hint.value < 10_000) {
      if (taskHint === undefined) taskHint = hint.value;
      for (let j = i; j < hint.end; j++) blocked[j] = Math.max(blocked[j]!, 1);
      i = hint.end - 1;
    }
  }
  return taskHint;
}

/** Whether a token is an indicator's measure ("tờ", "cái", "lượt"). */
function isMeasureWord(t: Tok | undefined, compiled: CompiledIndicators): boolean {
  return (
    !!t && t.type === "w" && (compiled.measures.has(t.k) || compiled.shared.has(t.k) || compiled.measures.has(t.kt))
  );
}

/** Labels of a document's parts ("mục II.2", "phần I.3", "điều 5", "nội dung 2"). */
const DOC_LABELS: ReadonlySet<string> = new Set(["muc", "phan", "dieu", "khoan", "chuong", "noi"]);
/** Whether token i follows the one before it with nothing between. */
const glued = (toks: readonly Tok[], i: number): boolean => toks[i]!.os === toks[i - 1]!.oe;

/** Whether the number at token j counts something named right after it ("35 học viên", "20 tờ"). */
function countsSomething(
  toks: readonly Tok[],
  j: number,
  nameAt: (i: number) => { end: number } | null,
  compiled: CompiledIndicators,
): boolean {
  const t = toks[j];
  const next = toks[j + 1];
  if (!t || t.type !== "n" || !next || next.type !== "w") return false;
  return !!nameAt(j + 1) || compiled.measures.has(next.k) || compiled.measures.has(next.kt);
}

const key_ = (t: Tok | undefined): string => (t?.type === "w" ? t.kt : "");

/** Gatherings counted before their people ("1 buổi 45 chị em"). */
const GATHERING_COUNTS: ReadonlySet<string> = new Set(["buoi", "lop", "cuoc"]);
/** Whether people named by their role start at token j ("45 chị em", "50 đoàn viên"). */
/** First words of people counted ("28 người", "28 ng", "30 học viên", "25 đại biểu", "40 hv"). */
const PEOPLE_WORDS: ReadonlySet<string> = new Set(["nguoi", "ng", "hoc", "dai", "hv", "hs", "dv"]);
const peopleAt = (toks: readonly Tok[], j: number): boolean => {
  const a = toks[j];
  const b = toks[j + 1];
  return a?.type === "w" && b?.type === "w" && PEOPLE_PHRASES.has(`${a.k} ${b.k}`);
};

/** Heads of places named by name ("thôn Khe Giao 2", "bản Na Hươi 1"). */
const NAMED_PLACE_HEADS: ReadonlySet<string> = new Set([
  "thon",
  "xom",
  "ban",
  "ap",
  "lang",
  "khu",
  "pho",
  "to",
  "xa",
  "phuong",
]);

/** Words before a label word that make it a counted noun ("mỗi thôn 2", "cả tháng 22"). */
const COUNTED_BEFORE: ReadonlySet<string> = new Set(["moi", "ca"]);
/** Words before a place that make it the whole place ("tổng phường", "toàn xã"). */
const WHOLE_BEFORE: ReadonlySet<string> = new Set(["tong", "toan"]);
/** Largest number a period label takes. */
const LABEL_MAX: Readonly<Record<string, number>> = { thang: 12, quy: 4, tuan: 53 };
/** Places numbered by a label ("thôn 5", "tổ 12"), never in the hundreds. */
const PLACE_LABELS: ReadonlySet<string> = new Set(["thon", "xom", "to", "khu", "doi", "ban", "khoi"]);
/** Measures of people ("người"), which a place's number may stand before as its own size. */
const PEOPLE_MEASURES: ReadonlySet<string> = new Set(["nguoi", "ng"]);

/**
 * Where a place's number before a measure stays the place's label: people ("họp tổ 5 người" may be the place's
 * size), after "ở"/"tại" ("ở thôn 3 cái" says where), among places listed alike ("thôn 2 lượt, thôn 3 lượt").
 */
function placeLabelStays(toks: readonly Tok[], i: number, m: number): boolean {
  // "mỗi điểm cầu bản 20 người", "mỗi hội nghị thôn 50 người": the place qualifies the unit of "mỗi", no label
  // ("mỗi hội nghị ở thôn 50 người": said with "ở" / "tại")
  const at = key_(toks[i - 1]) === "o" || key_(toks[i - 1]) === "tai";
  if (eachUnitBefore(toks, i) || (at && eachUnitBefore(toks, i - 1))) return false;
  const unit = key_(toks[m]);
  if (PEOPLE_MEASURES.has(unit) || key_(toks[i - 1]) === "o" || key_(toks[i - 1]) === "tai") return true;
  const head = key_(toks[i]);
  return toks.some((u, x) => x !== i && key_(u) === head && toks[x + 1]?.type === "n" && key_(toks[x + 2]) === unit);
}

/** Whether "mỗi" and one or two plain words of its unit stand right before token i. */
function eachUnitBefore(toks: readonly Tok[], i: number): boolean {
  for (let x = i - 2; x >= i - 3 && x >= 0; x--) {
    if (toks[x + 1]?.type !== "w") return false;
    if (key_(toks[x]) === "moi" && toks[x]!.o.toLowerCase() !== "mới") return true;
  }
  return false;
}

/** Labels: "thôn 5", "quý 1", "năm 2021", "lần thứ hai", "giai đoạn 2" — not inside a name ("chuyên mục 2"). */
function markLabels(
  tk: Tokenised,
  blocked: Uint8Array,
  compiled: CompiledIndicators,
  numbers: ReturnType<typeof createNumberReader>,
): void {
  const { toks } = tk;
  const n = toks.length;
  const nameAt = createNameMatcher(toks, blocked, compiled);
  const inName = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (blocked[i] || toks[i]!.type !== "w") continue;
    const mt = nameAt(i);
    if (mt) {
      for (let x = i; x < mt.end; x++) inName[x] = 1;
      i = mt.end - 1;
    }
  }
  // "thôn Khe Giao 2 hoàn thành": a place's name ending in a number, the number part of the name
  // (not "thôn Tân Thành 5 pano": the place's figure)
  for (let i = 0; i + 2 < n; i++) {
    if (!NAMED_PLACE_HEADS.has(toks[i]!.kt) || toks[i]!.type !== "w") continue;
    let j = i + 1;
    // (a heading's name in capitals, "UBND PHƯỜNG HÀ GIANG 1", as well)
    while (j < i + 4 && toks[j]?.type === "w" && /^\p{Lu}(?:\p{Ll}|\p{Lu}*$)/u.test(toks[j]!.o)) j++;
    if (j === i + 1 || toks[j]?.type !== "n" || blocked[j] || !/^\d{1,2}$/.test(toks[j]!.k)) continue;
    // ("thôn Đông 3 cái": a measure several indicators share counts too)
    if (countsSomething(toks, j, nameAt, compiled) || toks[j + 1]?.type === "n" || isMeasureWord(toks[j + 1], compiled))
      continue;
    // "thôn Đông 100, thôn Tây 120, thôn Nam 80": the last of a list of places' figures is a figure too
    // (a closing particle may stand after it: "…, thôn Giữa 5 ạ", "thôn Tây 5 nhé")
    const closer = isWordIn(toks[j + 1], CLOSING_PARTICLES) ? j + 2 : j + 1;
    if (endsClause(toks[closer]) && headElsewhereOnLine(toks, i)) continue;
    blocked[j] = 1;
    i = j;
  }
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    if (blocked[i] || inName[i] || t.type !== "w") continue;
    const key = Object.hasOwn(LABELS, t.k) ? t.k : Object.hasOwn(LABELS, t.kt) ? t.kt : "";
    if (!key) continue;
    // "mỗi thôn 2 pa nô", "cả tháng 22 buổi", "2 lớp 35 học viên": a counted noun, not a label
    const before = toks[i - 1];
    // "cả năm 2025", "cả quý I": a year or a Roman numeral is a label even after a counting word
    const nextK = toks[i + 1]?.k ?? "";
    const year =
      (key === "nam" && /^(?:19|20)\d\d$/.test(nextK)) ||
      ((key === "quy" || key === "thang") && toks[i + 1]?.type === "w" && /^[ivx]{1,4}$/.test(nextK));
    // "cả tháng 11 và tháng 12": two periods named, labels
    const twoPeriods =
      toks[i + 1]?.type === "n" && (key_(toks[i + 2]) === "va" || toks[i + 2]?.k === ",") && key_(toks[i + 3]) === key;
    // "cả tháng 6 đăng 13 bài": a month's number then a verb is the month named, not "22 buổi" counted
    const namedWhole =
      key_(before) === "ca" &&
      LABEL_MAX[key] !== undefined &&
      toks[i + 1]?.type === "n" &&
      Number(nextK) >= 1 &&
      Number(nextK) <= LABEL_MAX[key]! &&
      toks[i + 2]?.type === "w" &&
      !countsSomething(toks, i + 1, nameAt, compiled) &&
      !isMeasureWord(toks[i + 2], compiled) &&
      !nameAt(i + 2);
    // "cả tháng 11: 44 lượt", "cả quý 4/2026: …": a period's number before a colon or its year is its label
    const labelBeforeList =
      key_(before) === "ca" &&
      LABEL_MAX[key] !== undefined &&
      toks[i + 1]?.type === "n" &&
      Number(nextK) >= 1 &&
      Number(nextK) <= LABEL_MAX[key]! &&
      (toks[i + 2]?.k === ":" || (toks[i + 2]?.k === "/" && /^\d{4}$/.test(toks[i + 3]?.k ?? "")));
    // "mỗi cổng trường 2", "mỗi đầu thôn 2 pa nô": one spot of each place, counted like "mỗi thôn"
    const eachSpot = key_(toks[i - 2]) === "moi" && (key_(before) === "cong" || key_(before) === "dau");
    if (
      before &&
      !year &&
      !twoPeriods &&
      !namedWhole &&
      !labelBeforeList &&
      !blocked[i - 1] &&
      (isWordIn(before, COUNTED_BEFORE) || eachSpot)
    )
      continue;
    // "thôn Nam 80", "xóm Đông 3": a capitalised word after a place's head is the place's name, not "năm"
    if (
      !year &&
      before?.type === "w" &&
      NAMED_PLACE_HEADS.has(before.kt) &&
      /^\p{Lu}/u.test(t.o) &&
      toks[i + 1]?.type === "n"
    )
      continue;
    // "xã Ba Tầng 3 lượt": a capitalised word after a place's head and its capitalised name goes on with the name
    if (
      /^\p{Lu}/u.test(t.o) &&
      before?.type === "w" &&
      /^\p{Lu}/u.test(before.o) &&
      isWordIn(toks[i - 2], NAMED_PLACE_HEADS) &&
      toks[i + 1]?.type === "n" &&
      (isMeasureWord(toks[i + 2], compiled) || countsSomething(toks, i + 1, nameAt, compiled))
    )
      continue;
    // "thôn Nam 45 người", "thon dong 40 nguoi": after a place's head the word is its name, no label
    if (
      before &&
      !year &&
      !blocked[i - 1] &&
      isWordIn(before, NAMED_PLACE_HEADS) &&
      countsSomething(toks, i + 1, nameAt, compiled)
    )
      continue;
    // "1 lớp cho cán bộ thôn 28 người": village officials, then how many of them; no village numbered 28
    if (
      key_(before) === "bo" &&
      key_(toks[i - 2]) === "can" &&
      PLACE_WORDS.has(key) &&
      toks[i + 1]?.type === "n" &&
      (isWordIn(toks[i + 2], PEOPLE_WORDS) || peopleAt(toks, i + 2))
    )
      continue;
    // "tổng phường 5 băng rôn", "toàn xã 12": the whole place's figure, not a numbered place
    if (before && !blocked[i - 1] && isWordIn(before, WHOLE_BEFORE) && PLACE_WORDS.has(key)) continue;
    // ("tờ rơi 700 tháng 4 pa nô 2": no one counts 700 months; the month is a label)
    const tooManyPeriods = LABEL_MAX[key] !== undefined && before?.type === "n" && Number(before.k) > 24;
    if (
      before &&
      !blocked[i - 1] &&
      before.type === "n" &&
      !tooManyPeriods &&
      (countsSomething(toks, i + 1, nameAt, compiled) ||
        // "tọa đàm 1 buổi 45 chị em", "1 lớp 50 đoàn viên": a gathering's count, then its people
        (GATHERING_COUNTS.has(key) && toks[i + 1]?.type === "n" && peopleAt(toks, i + 2)))
    )
      continue;
    // "buổi 2 lượt" (each session, two broadcasts): a rate's count, not the second session
    if (key === "buoi" && toks[i + 1]?.type === "n" && (isMeasureWord(toks[i + 2], compiled) || nameAt(i + 2)))
      continue;
    // "Loa thôn: 16 lượt": the place of a named indicator, then its figure
    if (inName[i - 1] && toks[i + 1]?.k === ":") continue;
    // "ngày 2 lượt trong 15 ngày", "tuần 3 bài x 4 tuần": a spoken rate (stage 2b), not a date
    if (spokenRateAt(toks, i, key)) continue;
    // "trong tháng 1 hội nghị 45 người": "trong tháng" (during the month), then a count of something
    if (
      (key === "thang" || key === "quy" || key === "tuan") &&
      key_(before) === "trong" &&
      toks[i + 1]?.type === "n" &&
      !(key_(toks[i + 2]) === "to" && key_(toks[i + 3]) === "chuc") &&
      nameAt(i + 2) !== null
    )
      continue;
    // "Tổng quý 4 chuyên mục": the quarter's total, then a count of something with no other figure after it
    // ("tổng quý 2 lần 150 người": a count of sittings right after the number counts, whatever follows)
    if (
      key === "quy" &&
      (key_(before) === "tong" || key_(before) === "cong") &&
      toks[i + 1]?.type === "n" &&
      (GATHERING_COUNTS.has(key_(toks[i + 2])) ||
        key_(toks[i + 2]) === "lan" ||
        ((nameAt(i + 2) !== null || isMeasureWord(toks[i + 2], compiled)) && !numberLaterInClause(toks, i + 2)))
    )
      continue;
    // "năm mươi" (fifty), "năm chục", "một trăm năm mươi": "mươi"/"chục" follow a digit word, so "năm" is five, no year's label
    if (key === "nam" && (key_(toks[i + 1]) === "muoi" || key_(toks[i + 1]) === "chuc")) continue;
    // "Biên tập 9 chuyên mục", "học tập 2 chuyên đề": "tập" ending a verb, no episode's label
    if (key === "tap" && (key_(before) === "bien" || key_(before) === "hoc")) continue;
    // "ngoại khóa 2 buổi": the second word of "ngoại khóa" (extracurricular), no course's label
    if (key === "khoa" && key_(before) === "ngoai") continue;
    // "lịch tiêm phòng 6 lượt", "dự phòng 2 cái": the second word of a verb, no room's label
    if (key === "phong" && (key_(before) === "tiem" || key_(before) === "du" || key_(before) === "de")) continue;
    // "Cấp 1.300 tờ rơi", "cung cấp 04 tin": before a figure that counts something "cấp" hands out, no level
    if (key === "cap" && countsSomething(toks, i + 1, nameAt, compiled)) continue;
    const forms = LABELS[key];
    let j = i + 1;
    if (forms === null) {
      if (toks[j]?.k !== LABEL_SECOND[key]) continue;
      j++;
    } else {
      const lower = t.o.toLowerCase();
      if ((!/^[a-z]+$/.test(lower) || MARKED_LABELS.has(key)) && !forms!.includes(lower)) continue;
      // "phía Nam 75 đại biểu" in a message typed with marks: a capitalised plain word is a name, not "năm"
      // (mid-sentence only: "Thang 10 bên e …" opening it is still the month)
      if (
        tk.accented &&
        /^[a-z]+$/.test(lower) &&
        !forms!.includes(lower) &&
        t.o[0] !== t.o[0]!.toLowerCase() &&
        toks[i - 1]?.type === "w"
      )
        continue;
    }
    const colon = toks[j]?.k === ":";
    if (isWordIn(toks[j], TASK_HINT_FILLERS) || colon) j++;
    const nt = toks[j];
    if (!nt || blocked[j]) continue;
    // "6 tháng đầu năm: 20 pa nô": after a colon a number is the field's value, unless it is a date ("Quý: I/2026")
    if (colon && nt.type === "n" && toks[j + 1]?.k !== "/") continue;
    let end = -1;
    if (nt.type === "n") end = j + 1;
    else if (nt.type === "w" && /^[ivx]+$/.test(nt.k) && nt.k.length <= 4) {
      end = j + 1; // quý II
      // "Mục II.2", "phần I.3.1": a section's number goes on after its dot, written with no space
      if (DOC_LABELS.has(key))
        while (toks[end]?.k === "." && toks[end + 1]?.type === "n" && glued(toks, end) && glued(toks, end + 1))
          end += 2;
    } else {
      // "9 tháng năm 2026": after a count the period is a duration, its "năm" the year's word, not May
      const nw = before?.type === "n" && !blocked[i - 1] ? null : numbers.wordsAt(j);
      if (nw) end = nw.end;
    }
    if (end < 0) continue;
    // "Trung tâm điều 3 lượt xe về xã": the verb "điều" (to send), not "Điều 3" (an article)
    if (
      key === "dieu" &&
      toks[end]?.type === "w" &&
      (nameAt(end) ||
        compiled.measures.has(toks[end]!.k) ||
        compiled.heads.has(toks[end]!.k) ||
        toks[end]!.k === "luot")
    )
      continue;
    // "tháng 22", "quý 7" are no months nor quarters
    if (nt.type === "n" && end === j + 1 && Object.hasOwn(LABEL_MAX, key) && Number(nt.k) > LABEL_MAX[key]!) continue;
    // "tờ rơi cả quý 1 vạn 2 nghìn tờ": digits before a scale of thousands are a figure, no period's number
    if (nt.type === "n" && end === j + 1 && !colon && isLargeScale(toks[end])) continue;
    // "nhóm zalo thôn 400 thành viên": no village is numbered in the hundreds; a count follows the place
    if (nt.type === "n" && end === j + 1 && PLACE_LABELS.has(key) && !colon && Number(nt.k) >= 100) continue;
    // "phát trên hệ thống truyền thanh phường 12 lượt", "zalo nhóm tổ 3 bài": a measure right after, and no other
    // number in the clause to be the place's figure, makes the number a count ("thôn 3 20 lượt" keeps its label);
    // so does a number of several words ("zalo nhóm thôn hai mươi tư bài": no village is numbered so)
    if (
      (nt.type === "n" ? end === j + 1 : end > j + 1) &&
      (PLACE_LABELS.has(key) || key === "phuong" || key === "tdp") &&
      !colon &&
      isMeasureWord(toks[end], compiled) &&
      !numberLaterInClause(toks, end, blocked) &&
      !placeLabelStays(toks, i, end)
    )
      continue;
    // "quý I/2021", "tháng 2/2021"
    if (toks[end]?.k === "/" && toks[end + 1]?.type === "n" && /^\d{2}(?:\d{2})?$/.test(toks[end + 1]!.k)) end += 2;
    // "quý 4 2026", "tháng 5 năm 2026" typed without the slash: the year goes with the period
    else if (
      Object.hasOwn(LABEL_MAX, key) &&
      toks[end]?.type === "n" &&
      /^20[1-3]\d$/.test(toks[end]!.k) &&
      !blocked[end] &&
      !(isMeasureWord(toks[end + 1], compiled) && !nameAt(end + 1))
    )
      end += 1;
    for (let x = i; x < end; x++) blocked[x] = Math.max(blocked[x]!, 1);
    i = end - 1;
  }
}

/**
 * "chào mừng Xuân Bính Ngọ 2026;", "Đại hội Đoàn 2026": a year closing the name of an event or a season
 * (a capitalised word inside its line, no indicator's name) is part of the name, no figure.
 */
function markYearsOfNames(tk: Tokenised, blocked: Uint8Array, compiled: CompiledIndicators): void {
  const { toks } = tk;
  let nameAt: ((i: number) => { end: number } | null) | null = null;
  for (let i = 2; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.type !== "n" || blocked[i] || !/^(?:19[5-9]\d|20[0-4]\d)$/.test(t.k)) continue;
    const prev = toks[i - 1]!;
    // "chào mừng năm mới 2027", "năm học 2026": the year the words before it name
    if (key_(toks[i - 2]) === "nam" && isWordIn(prev, YEAR_AFTER)) {
      blocked[i] = 1;
      continue;
    }
    if (prev.type !== "w" || !/^\p{Lu}/u.test(prev.o) || toks[i - 2]!.type !== "w") continue;
    if (toks[i + 1]?.type === "w") continue;
    nameAt ??= createNameMatcher(toks, blocked, compiled);
    let named = false;
    for (let a = i - 1; a >= 0 && a >= i - 4 && toks[a]!.type === "w"; a--) if (nameAt(a)?.end === i) named = true;
    if (!named) blocked[i] = 1;
  }
}

/** Opening quote marks → their closing ones. */
const QUOTE_PAIRS: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ["'", "'"],
  ["“", "”"],
  ["‘", "’"],
  ["«", "»"],
]);

/**
 * "áp phích '5 không'", "băng rôn "5 không, 3 sạch"": numbers opening the words of a short quoted slogan
 * name a campaign, no figure (a quoted count of an indicator, "12 pa nô", stays one).
 */
function markQuotedSlogans(tk: Tokenised, blocked: Uint8Array, compiled: CompiledIndicators): void {
  const { toks } = tk;
  let nameAt: ((i: number) => { end: number } | null) | null = null;
  for (let q = 0; q + 2 < toks.length; q++) {
    const close = QUOTE_PAIRS.get(toks[q]!.k);
    if (!close || toks[q + 1]!.type !== "n") continue;
    let c = q + 1;
    while (c < q + 9 && toks[c] && toks[c]!.k !== close && toks[c]!.type !== "nl") c++;
    if (toks[c]?.k !== close) continue;
    nameAt ??= createNameMatcher(toks, blocked, compiled);
    const inside: number[] = [];
    let slogan = true;
    for (let x = q + 1; x < c && slogan; x++) {
      if (nameAt(x)) slogan = false;
      else if (toks[x]!.type === "n") {
        const w = toks[x + 1];
        slogan = w?.type === "w" && !compiled.measures.has(w.kt);
        inside.push(x);
      }
    }
    if (slogan) for (const x of inside) blocked[x] = 1;
    q = c;
  }
}

/** Places of several words numbered like a village ("tổ dân phố 12", "khu phố 2", "cụm dân cư số 5"). */
const NUMBERED_PLACES: readonly string[][] = [
  ["to", "dan", "pho"],
  ["khu", "pho"],
  ["khu", "dan", "cu"],
  ["cum", "dan", "cu"],
  ["to", "dan", "cu"],
  ["khu", "dan", "pho"],
];

/**
 * "tổ dân phố 12 treo 3", "khu dân cư số 4 phát 120", "thôn số 2": a place's number after its words of
 * several words, or after "số" following a place's label, is the place's label as in "thôn 5".
 */
function markNumberedPlaces(tk: Tokenised, blocked: Uint8Array, compiled: CompiledIndicators): void {
  const { toks } = tk;
  let nameAt: ((i: number) => { end: number } | null) | null = null;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (toks[i]!.type !== "w") continue;
    let end = 0;
    for (const seq of startingWith(NUMBERED_PLACES, key_(toks[i])))
      if (seq.every((w, k) => key_(toks[i + k]) === w)) end = i + seq.length;
    if (!end && PLACE_LABELS.has(key_(toks[i])) && key_(toks[i + 1]) === "so") end = i + 1;
    if (!end) continue;
    const at = key_(toks[end]) === "so" ? end + 1 : end;
    const d = toks[at];
    if (d?.type !== "n" || blocked[at] || !/^\d{1,2}$/.test(d.k) || toks[at + 1]?.k === "/") continue;
    // "mỗi khu dân cư 01 buổi": each place's figure, no place's number
    if (key_(toks[i - 1]) === "moi" && at === end) continue;
    // "phát thanh ở tổ dân phố 12 lượt": a measure or a thing named right after makes it the place's figure
    nameAt ??= createNameMatcher(toks, blocked, compiled);
    if (isMeasureWord(toks[at + 1], compiled) || nameAt(at + 1)) continue;
    blocked[at] = Math.max(blocked[at]!, 1);
  }
}

/**
 * Words before "số" that make its number a figure: counts ("tổng số 12 thôn", "với số 120 người") and an
 * officer's verbs about figures ("anh lấy số 5", "ghi số 5", "sửa số 5", "chốt số 5"; "báo số 5" by its mark, as "bão số 10" is a storm's name).
 */
const FIGURE_BEFORE_SO: ReadonlySet<string> = new Set(
  "tong voi co la duoc dat cac nhung mot lay ghi sua chot nhap dien dung giu theo".split(" "),
);

/**
 * "bão số 10", "cơn bão số 3", "bản tin số 12": a thing's number after "số", before no measure and no
 * indicator's name, names the thing (as "thôn 5"), no figure.
 */
function markNumberedThings(tk: Tokenised, blocked: Uint8Array, compiled: CompiledIndicators): void {
  const { toks } = tk;
  let nameAt: ((i: number) => { end: number } | null) | null = null;
  for (let i = 1; i + 1 < toks.length; i++) {
    const prev = toks[i - 1]!;
    const d = toks[i + 1]!;
    if (key_(toks[i]) !== "so" || prev.type !== "w" || FIGURE_BEFORE_SO.has(prev.kt) || prev.o.toLowerCase() === "báo")
      continue;
    if (d.type !== "n" || blocked[i + 1] || !/^\d{1,2}$/.test(d.k) || toks[i + 2]?.k === "/") continue;
    nameAt ??= createNameMatcher(toks, blocked, compiled);
    if (isMeasureWord(toks[i + 2], compiled) || nameAt(i + 2) || endsName(nameAt, i)) continue;
    blocked[i + 1] = Math.max(blocked[i + 1]!, 1);
  }
  // "Đề án 06", "Chỉ thị 15", "VNeID mức độ 2", "tổng đài 1022", "Biểu 02": the number names the thing without "số"
  for (let i = 1; i < toks.length; i++) {
    const d = toks[i]!;
    if (d.type !== "n" || blocked[i] || !/^\d{1,4}$/.test(d.k) || !namedBefore(tk, i)) continue;
    if (toks[i + 1]?.k === "/" || (toks[i + 1]?.k === "-" && !toks[i + 1]!.spaced)) continue;
    nameAt ??= createNameMatcher(toks, blocked, compiled);
    // ("Chương trình MTQG 3 buổi": a word the indicators count in after it makes the number a count)
    const next = toks[i + 1];
    if (isMeasureWord(next, compiled) || nameAt(i + 1) || (next?.type === "w" && compiled.headWords.has(next.kt)))
      continue;
    blocked[i] = Math.max(blocked[i]!, 1);
  }
}

/** Capitalised words of a name starting at token i (up to three), and the token after them. */
function nameWordsAt(toks: readonly Tok[], i: number): { key: string; end: number } {
  let j = i;
  while (j < i + 3 && toks[j]?.type === "w" && /^\p{Lu}\p{Ll}/u.test(toks[j]!.o)) j++;
  return {
    key: toks
      .slice(i, j)
      .map((t) => t.kt)
      .join(" "),
    end: j,
  };
}

/**
 * "các xã Lạc Dương, Đam Rông 1, Đam Rông 2": one name listed with different small numbers ("Đam Rông 1",
 * "Đam Rông 2") names places numbered alike; the numbers are part of the names, no figures.
 */
function markNamesNumberedAlike(tk: Tokenised, blocked: Uint8Array, compiled: CompiledIndicators): void {
  const { toks } = tk;
  let nameAt: ((i: number) => { end: number } | null) | null = null;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.type !== "w" || /^\p{Lu}/u.test(toks[i - 1]?.o ?? "")) continue;
    const a = nameWordsAt(toks, i);
    if (a.end === i || toks[a.end]?.type !== "n" || !/^\d{1,2}$/.test(toks[a.end]!.k)) continue;
    const sep = toks[a.end + 1];
    if (sep?.k !== "," && key_(sep) !== "va") continue;
    const b = nameWordsAt(toks, a.end + 2);
    if (b.key !== a.key || toks[b.end]?.type !== "n" || toks[b.end]!.k === toks[a.end]!.k) continue;
    // (a word after the second number other than "và" may be what it counts: "Đông 5, Đông 7 cái")
    const after = toks[b.end + 1];
    if (!/^\d{1,2}$/.test(toks[b.end]!.k) || (after?.type === "w" && key_(after) !== "va")) continue;
    // "Pano 3, Pano 5": an indicator given twice is a conflict to show, no name
    nameAt ??= createNameMatcher(toks, blocked, compiled);
    if (nameAt(i)) continue;
    blocked[a.end] = Math.max(blocked[a.end]!, 1);
    blocked[b.end] = Math.max(blocked[b.end]!, 1);
    i = a.end;
  }
}

/** Names of plans, rules, levels, hotlines and forms followed by their number ("Đề án 06", "mức độ 2"). */
const NUMBERED_NAMES: readonly string[] = [
  "de an",
  "chi thi",
  "nghi quyet",
  "nghi dinh",
  "thong tu",
  "muc do",
  // "VNeID mức 2": the level said without "độ"
  "vneid muc",
  "tong dai",
];

/** Words ending in "biểu" that are no form ("đại biểu 140", "phát biểu", "tiêu biểu"). */
const BIEU_WORDS: ReadonlySet<string> = new Set(["dai", "phat", "tieu"]);

/** Whether a name of NUMBERED_NAMES ends right before token i, or "Biểu" (a form's title, capitalised) does. */
function namedBefore(tk: Tokenised, i: number): boolean {
  const { toks } = tk;
  const a = toks[i - 2];
  const b = toks[i - 1]!;
  if (b.type !== "w") return false;
  if (b.kt === "bieu") return b.o[0] === "B" && !BIEU_WORDS.has(key_(a));
  // "Chương trình MTQG 1719", "Đề án CĐS 06": a programme's acronym between its name and its number
  if (/^[A-ZĐ]{2,}$/u.test(b.o) && a?.type === "w" && toks[i - 3]?.type === "w") {
    const name = `${toks[i - 3]!.kt} ${a.kt}`;
    return name === "chuong trinh" || NUMBERED_NAMES.includes(name);
  }
  return a?.type === "w" && NUMBERED_NAMES.includes(`${a.kt} ${b.kt}`);
}

/** Whether an indicator's name ends right before token i ("băng rôn số 5": the indicator's own figure). */
const endsName = (nameAt: (i: number) => { end: number } | null, i: number): boolean => {
  for (let a = i - 1; a >= 0 && a >= i - 4; a--) if (nameAt(a)?.end === i) return true;
  return false;
};

/**
 * "T7: 2 HN", "- T10: 3 tin bài", "T11 3 lượt": a month written short at a line's start, before a colon
 * or more of its line, is a label; so is one ending a line of words ("Kết quả tuyên truyền T10");
 * inside a line "T12" typed as one word is always the month.
 */
/**
 * Labels whose numbers may be listed ("tháng 11 và 12", "quý 3, 4", a school's grades "khối 10 và 11",
 * "lớp 8, 9"), with the highest number each has.
 */
const LISTED_PERIODS: Readonly<Record<string, number>> = { thang: 12, quy: 4, khoi: 12, lop: 12 };
/** Places numbered in a list alike ("tại các khu phố 2, 5, 9", "bản 3, 4 và 8"), by their label's word. */
const LISTED_PLACES: Readonly<Record<string, number>> = {
  thon: 99,
  xom: 99,
  to: 99,
  pho: 99,
  ap: 99,
  ban: 99,
  tdp: 99,
};

/**
 * "em báo luôn tháng 11 và 12 nhé", "tháng 10, 11 và 12: …", "quý 3 và 4", "thôn 2, 5, 9": the numbers listed
 * after a period's or a place's first number, each above the one before, are labels too, not figures — unless a measure or
 * a name follows the last ("tháng 11 và 12 băng rôn" stays a figure).
 */
function markPeriodLists(tk: Tokenised, blocked: Uint8Array, compiled: CompiledIndicators): void {
  const { toks } = tk;
  let nameAt: ((i: number) => { end: number } | null) | null = null;
  const inRange = (x: number, max: number): boolean =>
    toks[x]?.type === "n" && /^\d{1,2}$/.test(toks[x]!.k) && Number(toks[x]!.k) >= 1 && Number(toks[x]!.k) <= max;
  for (let i = 0; i + 3 < toks.length; i++) {
    const max = LISTED_PERIODS[key_(toks[i])] ?? LISTED_PLACES[key_(toks[i])];
    if (max === undefined || !inRange(i + 1, max)) continue;
    const listed: number[] = [];
    let x = i + 2;
    while (
      (toks[x]?.k === "," || key_(toks[x]) === "va" || toks[x]?.k === "&") &&
      inRange(x + 1, max) &&
      !blocked[x + 1] &&
      // periods are listed in order ("tháng 11, 5" is November's figure, 5)
      Number(toks[x + 1]!.k) > Number(toks[x - 1]!.k)
    ) {
      listed.push(x + 1);
      x += 2;
    }
    if (listed.length === 0) continue;
    const after = toks[x];
    nameAt ??= createNameMatcher(toks, blocked, compiled);
    if (isMeasureWord(after, compiled) || (after?.type === "w" && nameAt(x))) continue;
    for (const y of listed) blocked[y] = Math.max(blocked[y]!, 1);
    i = x - 1;
  }
}

function markShortMonths(tk: Tokenised, blocked: Uint8Array): void {
  const { toks } = tk;
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    const d = toks[i + 1]!;
    if (t.type !== "w" || t.k !== "t" || d.type !== "n" || d.spaced) continue;
    const after = toks[i + 2] ?? { k: "", type: "nl", spaced: true };
    if (!/^\d{1,2}$/.test(d.k) || Number(d.k) < 1 || Number(d.k) > 12) continue;
    const prev = toks[i - 1];
    const lineStart = !prev || prev.type === "nl" || prev.k === "-" || prev.k === "•" || prev.k === "+";
    if (lineStart) {
      if (after.k !== ":" && (after.type === "nl" || !after.spaced || after.type === "p")) continue;
      // inside a line "T12" typed as one word is the month too ("số của xã T12: …", "bài fanpage T12 nhé: 36")
    } else if (after.k === "/" || (!after.spaced && after.type !== "p" && after.type !== "nl")) continue;
    blocked[i] = Math.max(blocked[i]!, 1);
    blocked[i + 1] = Math.max(blocked[i + 1]!, 1);
  }
}

/** Words naming a day of the month before its number ("mùng 4", "mồng 10"). */
const DAY_OF_MONTH: ReadonlySet<string> = new Set(["mung", "mong"]);

/**
 * "mùng 4", "mồng 10", "mùng 1 Tết", "mùng năm": a day of the month, never a figure — unless a measure follows
 * ("băng rôn tiếng Mông 2 cái": typed without marks, the Hmong are no "mồng").
 */
function markDaysOfMonth(
  tk: Tokenised,
  blocked: Uint8Array,
  numbers: ReturnType<typeof createNumberReader>,
  compiled: CompiledIndicators,
): void {
  const { toks } = tk;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (!isWordIn(toks[i], DAY_OF_MONTH) || blocked[i + 1]) continue;
    const day = numbers.read(i + 1, false);
    if (!day || day.value < 1 || day.value > 31 || day.end - i > 4 || isMeasureWord(toks[day.end], compiled)) continue;
    for (let x = i; x < day.end; x++) blocked[x] = Math.max(blocked[x]!, 1);
  }
}

/**
 * "trong 3 ngày 28, 29, 30/10", "ngày 5, 6 và 7/12": the days listed before a date share its month, so they are
 * dates too, no figures.
 */
function markDayLists(tk: Tokenised, blocked: Uint8Array): void {
  const { toks } = tk;
  for (let d = 2; d + 2 < toks.length; d++) {
    if (toks[d]!.type !== "n" || !blocked[d] || toks[d + 1]!.k !== "/" || toks[d + 2]!.type !== "n") continue;
    for (let x = d - 1; x >= 1 && (toks[x]!.k === "," || key_(toks[x]) === "va"); x -= 2) {
      const day = toks[x - 1]!;
      if (day.type !== "n" || !/^\d{1,2}$/.test(day.k) || Number(day.k) < 1 || Number(day.k) > 31) break;
      blocked[x - 1] = Math.max(blocked[x - 1]!, 1);
    }
  }
}

/** Words that say a figure is exact ("tròn 100", "đúng 100", "chẵn 100"). */
const EXACT_WORDS: ReadonlySet<string> = new Set(["tron", "dung", "chan", "ca"]);

/**
 * "100 lượt chẵn (tròn 100)", "12 pano (đúng 12)": the same figure said again in brackets a few words
 * after it is no second figure.
 */
function markRestatedInBrackets(
  tk: Tokenised,
  blocked: Uint8Array,
  transparent: Uint8Array,
  numbers: ReturnType<typeof createNumberReader>,
): void {
  const { toks } = tk;
  for (let i = 1; i + 2 < toks.length; i++) {
    if (toks[i]!.k !== "(") continue;
    let j = i + 1;
    if (EXACT_WORDS.has(key_(toks[j]))) j++;
    if (toks[j]?.type !== "n" || blocked[j]) continue;
    const again = numbers.read(j, false);
    if (!again || again.bad || toks[again.end]?.k !== ")") continue;
    // "ba mươi (30) lượt", "năm (05) lượt": the digits repeat the number in words right before; the words
    // read on through the brackets to what they count (as "176 (một trăm bảy mươi sáu) hội viên")
    const words = wordsEndingAt(numbers, i, again.value);
    if (words >= 0 && !blocked[words]) {
      for (let x = i; x <= again.end; x++) {
        blocked[x] = 1;
        transparent[x] = 1;
      }
      continue;
    }
    for (let b = i - 1; b >= 0 && b >= i - 5 && !endsClause(toks[b]); b--) {
      if (toks[b]!.type !== "n" || blocked[b]) continue;
      const first = numbers.read(b, false);
      if (first && !first.bad && first.end <= i && first.value === again.value)
        for (let x = i; x <= again.end; x++) blocked[x] = 1;
      break;
    }
  }
}

/** Start of a number in words (up to six words, the longest) ending right before token i with this value, or −1. */
function wordsEndingAt(numbers: ReturnType<typeof createNumberReader>, i: number, value: number): number {
  for (let b = Math.max(0, i - 6); b < i; b++) {
    const w = numbers.wordsAt(b);
    if (w && w.end === i && !w.ambiguous && w.value === value) return b;
  }
  return -1;
}

/** People counted before an errand of their own (search keys after the count: "người", "lượt người dân"). */
const ERRAND_PEOPLE: ReadonlySet<string> = new Set(["nguoi", "luot", "dan", "ho", "benh", "nhan"]);
/** Errands that are no meeting's attendance ("đến khám", "đã cài đặt ứng dụng", "tiêm", "làm thủ tục", "đi theo xe"). */
const ERRANDS: readonly string[][] = [
  ["kham"],
  ["cai", "dat"],
  ["tiem"],
  ["lam", "thu", "tuc"],
  ["tai", "ung", "dung"],
  // "3 người đi theo xe", "2 người đi cùng xe": the crew of a vehicle, not an audience
  ["theo", "xe"],
  ["cung", "xe"],
  // "tư vấn xét nghiệm cho 12 người": counselled one by one ("1 buổi tư vấn cho 40 người" is a gathering's)
  ["tu", "van"],
  ["xet", "nghiem"],
];
const ERRAND_GLUE: ReadonlySet<string> = new Set(["da", "den", "toi", "duoc", "di", "co"]);

/** Verbs of helping people one by one ("hỗ trợ 640 lượt người", "giúp 30 hộ", "hướng dẫn 25 người dân"). */
const HELP_VERBS: ReadonlySet<string> = new Set(["ho tro", "huong dan", "giup do", "giup", "tiep can"]);

/** "khám sàng lọc cho 230 người", "tiêm chủng cho 120 trẻ": an errand (ERRANDS) up to four words before "cho" and the count at i. */
function errandFor(toks: readonly Tok[], i: number): boolean {
  if (key_(toks[i - 1]) !== "cho") return false;
  for (let b = i - 2; b >= 0 && b >= i - 5 && toks[b]!.type === "w"; b--)
    if (ERRANDS.some((seq) => seq.every((w, k) => key_(toks[b + k]) === w)))
      return !GATHERING_COUNTS.has(key_(toks[b - 1]));
  return false;
}

/**
 * "hỗ trợ 640 lượt người cài đặt VNeID", "giúp 30 hộ": people helped are served, no attendees and no
 * figure; "ra quân 1 đợt" (a drive) counts no indicator either, unless "mỗi đợt" multiplies it.
 */
function markHelpDrives(tk: Tokenised, blocked: Uint8Array, numbers: ReturnType<typeof createNumberReader>): void {
  const { toks } = tk;
  const eachRound = /\bmoi dot\b/.test(tk.folded.key);
  for (let i = 1; i + 1 < toks.length; i++) {
    if (toks[i]!.type !== "n" || blocked[i]) continue;
    const num = numbers.read(i, false);
    if (!num || num.bad) continue;
    // ("tiếp cận khoảng 2.000 người": a word of about may stand between)
    const v = ABOUT.has(key_(toks[i - 1])) ? i - 1 : i;
    const two = `${key_(toks[v - 2])} ${key_(toks[v - 1])}`;
    let j = num.end;
    // ("hướng dẫn 25 xã, phường treo băng rôn": places guided are no figure either)
    if (HELP_VERBS.has(two) || HELP_VERBS.has(key_(toks[v - 1])) || errandFor(toks, i))
      while (j < num.end + 3 && (ERRAND_PEOPLE.has(key_(toks[j])) || PLACE_WORDS.has(key_(toks[j])))) j++;
    else if (two === "ra quan" && key_(toks[j]) === "dot" && !eachRound) j++;
    if (j === num.end) continue;
    for (let x = i; x < j; x++) blocked[x] = 1;
    i = j - 1;
  }
}

/**
 * "tư vấn cho 60 lượt người đến khám", "5.600 người dân đã cài đặt ứng dụng VNeID": people counted before an
 * errand of their own are patients or users, no attendees and no figure.
 */
function markPeopleOfOtherErrands(
  tk: Tokenised,
  blocked: Uint8Array,
  numbers: ReturnType<typeof createNumberReader>,
): void {
  const { toks } = tk;
  for (let i = 0; i + 2 < toks.length; i++) {
    if (toks[i]!.type !== "n" || blocked[i]) continue;
    const num = numbers.read(i, false);
    if (!num || num.bad) continue;
    let j = num.end;
    while (j < num.end + 3 && ERRAND_PEOPLE.has(key_(toks[j]))) j++;
    if (j === num.end || !["nguoi", "dan", "nhan"].includes(key_(toks[j - 1]))) continue;
    let e = j;
    while (e < j + 2 && ERRAND_GLUE.has(key_(toks[e]))) e++;
    if (!ERRANDS.some((seq) => seq.every((w, k) => key_(toks[e + k]) === w))) continue;
    for (let x = i; x < j; x++) blocked[x] = 1;
    i = j - 1;
  }
}

/** What a message announces it will list ("em báo 2 mục:", "gửi 3 tin nhắn liền nhé:"). */
const ANNOUNCED: ReadonlySet<string> = new Set(["muc", "noi dung", "chi tieu", "tin nhan", "phan", "y"]);
/** Words between what is announced and its colon ("2 mục ạ:", "3 tin nhắn liền nhé:"). */
const ANNOUNCE_GLUE: ReadonlySet<string> = new Set([
  "a",
  "nhe",
  "nha",
  "lien",
  "sau",
  "nhu",
  "duoi",
  "day",
  "anh",
  "chi",
]);

/**
 * "Dạ em báo 2 mục ạ:", "phuong em gui 3 tin nhan lien nhe:" closing a line before a list: the count of
 * the items that follow is no figure.
 */
function markAnnouncedCounts(tk: Tokenised, blocked: Uint8Array): void {
  const { toks } = tk;
  for (let i = 0; i + 2 < toks.length; i++) {
    const t = toks[i]!;
    if (t.type !== "n" || blocked[i]) continue;
    const w1 = key_(toks[i + 1]);
    const two = `${w1} ${key_(toks[i + 2])}`;
    let j = ANNOUNCED.has(two) ? i + 3 : ANNOUNCED.has(w1) && w1 !== "y" ? i + 2 : -1;
    if (j < 0) continue;
    while (j < toks.length && j < i + 8 && toks[j]!.type === "w" && ANNOUNCE_GLUE.has(toks[j]!.kt)) j++;
    if (toks[j]?.k !== ":" || !(toks[j + 1] === undefined || toks[j + 1]!.type === "nl")) continue;
    for (let x = i; x < j; x++) blocked[x] = 1;
  }
}

/**
 * "02 (hai) hội nghị", "185 (một trăm tám mươi lăm) đại biểu": a figure written again in words in
 * brackets right after it, as formal documents do, is the same figure: the words are no number.
 */
/** Verbs of taking a figure for the report ("lấy số 10", "chốt số 45", "ghi số 300", "tính số 12"). */
const TAKE_VERBS: ReadonlySet<string> = new Set(["lay", "chot", "ghi", "tinh", "dung", "giu", "nhap"]);

/**
 * "Báo cáo tuần nên chị lấy số 10 giúp em ạ", "anh chốt số 45 nhé": the figure the officer asks to be
 * taken, already said earlier in the message, is that figure again — no second figure, nothing to ask.
 */
function markChosenFigures(tk: Tokenised, blocked: Uint8Array, numbers: ReturnType<typeof createNumberReader>): void {
  const { toks } = tk;
  for (let i = 2; i < toks.length; i++) {
    if (toks[i]!.type !== "n" || blocked[i] || key_(toks[i - 1]) !== "so") continue;
    const v = i >= 3 && key_(toks[i - 2]) === "lai" ? i - 3 : i - 2;
    if (!TAKE_VERBS.has(key_(toks[v]))) continue;
    const num = numbers.read(i, false);
    if (!num || num.bad) continue;
    let said = false;
    for (let x = 0; x < v && !said; x++) {
      if (toks[x]!.type !== "n" || blocked[x]) continue;
      const earlier = numbers.read(x, false);
      if (earlier && !earlier.bad && earlier.value === num.value) said = true;
    }
    if (!said) continue;
    for (let x = i; x < num.end; x++) blocked[x] = Math.max(blocked[x]!, 1);
    i = num.end - 1;
  }
}

function markRestatedInWords(
  tk: Tokenised,
  blocked: Uint8Array,
  transparent: Uint8Array,
  numbers: ReturnType<typeof createNumberReader>,
): void {
  const { toks } = tk;
  for (let i = 0; i + 3 < toks.length; i++) {
    if (toks[i]!.type !== "n" || toks[i + 1]!.k !== "(" || blocked[i]) continue;
    const num = numbers.read(i, false);
    if (!num || num.bad || num.end !== i + 1 || toks[i + 2]!.type !== "w") continue;
    const words = numbers.wordsAt(i + 2);
    if (!words || words.value !== num.value || toks[words.end]?.k !== ")") continue;
    for (let x = i + 1; x <= words.end; x++) {
      blocked[x] = Math.max(blocked[x]!, 1);
      transparent[x] = 1;
    }
    i = words.end;
  }
}

/** Words that count the rounds a report then lists by label ("2 đợt: đợt 1 …, đợt 2 …"); "2 lớp" stays meetings. */
const PART_COUNTS: ReadonlySet<string> = new Set(["dot"]);

/**
 * "tờ rơi phát 2 đợt: đợt 1 500, đợt 2 700": the count of parts that are then listed by their labels
 * is no figure (the parts are, summed in stage 5).
 */
function markCountsOfLabelledParts(
  tk: Tokenised,
  blocked: Uint8Array,
  compiled: CompiledIndicators,
  numbers: ReturnType<typeof createNumberReader>,
  readings: Map<number, { end: number; value: number }>,
): void {
  const { toks } = tk;
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    const w = toks[i + 1]!;
    if (t.type !== "n" || blocked[i] || w.type !== "w" || !PART_COUNTS.has(w.kt)) continue;
    let labels = 0;
    let worded = 0;
    // the figure right after each label ("đợt 1 500, đợt 2 700"): read as one sum when every label has one
    const figures: { start: number; end: number; value: number }[] = [];
    for (let j = i + 2; j + 1 < toks.length && j < i + 60; j++) {
      const x = toks[j]!;
      if (x.type === "nl" || x.k === "." || x.k === ";") break;
      const end = x.type === "w" && x.kt === w.kt ? partLabelEnd(toks, blocked, j + 1) : -1;
      if (end > 0) {
        labels++;
        if (end !== j + 2 || toks[j + 1]!.type !== "n") worded++;
        // ("đợt 1: 400, đợt 2: 350 tờ": a colon after the label; "đợt tháng 10 là 600 tờ": "là")
        const f = toks[end]?.k === ":" || key_(toks[end]) === "la" ? end + 1 : end;
        const num = toks[f]?.type === "n" && !blocked[f] ? numbers.read(f, false) : null;
        if (num && !num.bad && !num.weak) figures.push({ start: f, end: num.end, value: num.value });
      }
    }
    if (labels < 2) continue;
    // "2 đợt tập huấn, đợt 1: 35 hv, đợt 2: 40 hv": the rounds are the meetings named after them when the
    // parts count something else (each part's figure is the named indicator's, "2 đợt phát tờ rơi: … 400 tờ", is not)
    if (roundsOfNamed(tk, blocked, compiled, i + 2, figures)) {
      // read "2 đợt" as one figure, right before the name it counts
      const count = numbers.read(i, false);
      if (count && !count.bad) readings.set(i, { end: i + 2, value: count.value });
      continue;
    }
    blocked[i] = 1;
    // when each figure names an indicator's own measure ("đợt 1 200 tờ, đợt 2 150 tờ") the pairs are summed later
    // (parts told apart by words, "đợt đầu …, đợt sau …", "đợt tháng 10 …", are summed here)
    const measured = figures.every((f) => compiled.measures.has(toks[f.end]?.kt ?? ""));
    if (figures.length !== labels || (measured && worded === 0)) continue;
    const [first, ...rest] = figures;
    readings.set(first!.start, { end: first!.end, value: figures.reduce((a, f) => a + f.value, 0) });
    for (const f of rest) for (let x = f.start; x < f.end; x++) blocked[x] = 1;
  }
}

/** Words telling rounds apart ("đợt đầu", "đợt sau", "đợt cuối", "đợt hai"). */
const ROUND_WORDS: ReadonlySet<string> = new Set(["dau", "sau", "cuoi", "hai", "ba", "tiep"]);

/**
 * Where a round's label ends, from the token after its head: a label's number ("đợt 1"), a word telling
 * it apart ("đợt đầu", "đợt thứ hai") or a period ("đợt tháng 10"); -1 when none.
 */
function partLabelEnd(toks: readonly Tok[], blocked: Uint8Array, j: number): number {
  const t = toks[j];
  if (t?.type === "n") return blocked[j] ? j + 1 : -1;
  if (key_(t) === "thu" && (ROUND_WORDS.has(key_(toks[j + 1])) || toks[j + 1]?.type === "n")) return j + 2;
  if (ROUND_WORDS.has(key_(t))) return j + 1;
  if (PERIOD_WORDS.has(key_(t)) && toks[j + 1]?.type === "n" && blocked[j + 1]) return j + 2;
  return -1;
}

/** Whether the rounds counted before token `at` are the gatherings named there, their parts counting another thing. */
function roundsOfNamed(
  tk: Tokenised,
  blocked: Uint8Array,
  compiled: CompiledIndicators,
  at: number,
  figures: readonly { start: number; end: number }[],
): boolean {
  const { toks } = tk;
  const meeting = compiled.measures.get("cuoc");
  if (!meeting || figures.length === 0) return false;
  const nameAt = createNameMatcher(toks, blocked, compiled);
  if (nameAt(at)?.code !== meeting) return false;
  return figures.every((f) => {
    const w = toks[f.end];
    if (w?.type !== "w") return false;
    const owner = compiled.measures.get(w.k) ?? compiled.measures.get(w.kt) ?? nameAt(f.end)?.code;
    return owner !== undefined && owner !== meeting;
  });
}

/**
 * List numbering at the start of a line: "1. …", "2) …", "3/ …"; keycap emoji ("1️⃣ …") but a figure written
 * in keycaps after a word ("pano 2️⃣ cái", "người dự 8️⃣5️⃣": its measure or nothing after it).
 */
function markListNumbering(tk: Tokenised, blocked: Uint8Array, compiled: CompiledIndicators): void {
  const { toks } = tk;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.type !== "n" || blocked[i]) continue;
    if (isKeycap(tk, i)) {
      const next = toks[i + 1];
      // after a word, with its measure or nothing after it ("pano 2️⃣ cái"), or between a word and a name ("treo 🔟 băng rôn")
      // or after a label's colon ("phát thanh: 3️⃣0️⃣ lượt")
      const label = toks[i - 1]?.k === ":" && toks[i - 2]?.type === "w";
      const figure =
        ((toks[i - 1]?.type === "w" || label) &&
          (next?.type !== "w" ||
            compiled.measures.has(next.k) ||
            compiled.shared.has(next.k) ||
            GATHERING_COUNTS.has(next.k))) ||
        keycapFigure(toks, i);
      if (!figure) blocked[i] = 1;
      continue;
    }
    if (outlineNumberAt(toks, i)) {
      blocked[i] = Math.max(blocked[i]!, 1);
      continue;
    }
    if (!/^\d{1,2}$/.test(t.k)) continue;
    // "No.1 Tin bài: 8", "No 2 …": "No" (number) opening a line numbers its item
    const no = toks[i - 1]?.k === "." ? i - 2 : i - 1;
    const opensLine = no === 0 || toks[no - 1]?.type === "nl";
    if (toks[no]?.type === "w" && (toks[no]!.o === "No" || (toks[no]!.k === "no" && no < i - 1)) && opensLine) {
      blocked[i] = 1;
      continue;
    }
    let p = i - 1;
    while (p >= 0 && toks[p]!.type === "p" && !HARD_PUNCT.has(toks[p]!.k)) p--;
    const next = toks[i + 1];
    if (!next || next.spaced || !(next.k === "." || next.k === ")" || next.k === "/")) continue;
    // "Xã A: 1) Pa nô: 3 cái. 2) Băng rôn: 12": "N)" inside a line after a colon or a sentence's end, no bracket open
    const inline =
      next.k === ")" &&
      (toks[i - 1]?.k === ":" || toks[i - 1]?.k === "." || toks[i - 1]?.k === ";") &&
      toks[i + 2]?.type === "w" &&
      !openBracketBefore(toks, i);
    if (p >= 0 && toks[p]!.type !== "nl" && !inline) continue;
    blocked[i] = Math.max(blocked[i]!, 1);
  }
}

/**
 * "Phường báo cáo: 1. Treo 14 băng rôn; 2. Dựng 2 pa nô; 3. …": items numbered 1, 2, … inside one line, each
 * after a colon, semicolon or full stop and before its words, are list numbering (a figure ending a clause is
 * never followed by the next number in turn).
 */
function markInlineItemNumbers(toks: readonly Tok[], blocked: Uint8Array, compiled: CompiledIndicators): void {
  const run: number[] = [];
  let nameAt: ((i: number) => { end: number } | null) | null = null;
  for (let i = 1; i + 2 < toks.length; i++) {
    const t = toks[i]!;
    if (t.type !== "n" || blocked[i] || t.k !== String(run.length + 1)) continue;
    const before = toks[i - 1]!.k;
    const opens = before === ":" || before === ";" || before === "." || (before === "," && run.length > 0);
    if (!opens || toks[i + 1]!.k !== "." || toks[i + 1]!.spaced || toks[i + 2]!.type !== "w" || !toks[i + 2]!.spaced)
      continue;
    // ("pa nô: 1. Băng rôn: 2.": after a name's colon the number is its figure)
    nameAt ??= createNameMatcher(toks, blocked, compiled);
    if (before === ":" && nameEndsAt(nameAt, toks, i)) continue;
    run.push(i);
  }
  if (run.length >= 2) for (const i of run) blocked[i] = 1;
  markSpokenItemNumbers(toks, blocked, compiled);
}

/**
 * Items said in one breath ("1 là phát thanh 36 lượt 2 là tổ chức 6 buổi … 4 phát tờ rơi 700 tờ"): "1 là", "2 là"
 * "3 là" in turn number the items (three of them: "1 là đủ rồi" alone is a figure), and so does the next number in turn
 * before a verb once they were said so; in words, "một là …, hai là …", two already number them.
 */
function markSpokenItemNumbers(toks: readonly Tok[], blocked: Uint8Array, compiled: CompiledIndicators): void {
  const run: number[] = [];
  let spoken = 0;
  let inWords = 0;
  let nameAt: ((i: number) => { end: number } | null) | null = null;
  for (let i = 0; i + 2 < toks.length; i++) {
    const t = toks[i]!;
    if (blocked[i] || spokenItemNumber(t) !== run.length + 1 || toks[i + 1]!.type !== "w") continue;
    if (toks[i + 1]!.k === "la" && toks[i + 2]!.type === "w" && !isNumberWordKey(toks[i + 2]!.k)) {
      run.push(i);
      spoken++;
      if (t.type === "w") inWords++;
      continue;
    }
    if (spoken < 3 || t.type !== "n") continue;
    nameAt ??= createNameMatcher(toks, blocked, compiled);
    const next = toks[i + 1]!;
    if (!compiled.measures.has(next.k) && !compiled.measures.has(next.kt) && !nameAt(i + 1)) run.push(i);
  }
  // ("một là …, hai là …": two items said in words already number a list)
  if (spoken >= 3 || (inWords >= 2 && inWords === spoken)) for (const i of run) blocked[i] = 1;
}

/** Digits said as words when items are numbered aloud ("một là …, hai là …, ba là …"). */
const SPOKEN_DIGITS: Readonly<Record<string, number>> = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6 };

/** The number of a spoken item's marker: digits ("1 là") or a digit word ("một là"); else NaN. */
function spokenItemNumber(t: Tok): number {
  if (t.type === "n") return /^\d{1,2}$/.test(t.k) ? Number(t.k) : Number.NaN;
  return t.type === "w" ? (SPOKEN_DIGITS[t.k] ?? Number.NaN) : Number.NaN;
}

/**
 * "Nơi nhận:" closing a formal report: the copies sent ("- Sở VHTTDL (02 bản);") are no figures, to the end of
 * the message or a blank line.
 */
function markRecipientsBlock(tk: Tokenised, blocked: Uint8Array): void {
  const { toks } = tk;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (key_(toks[i]) !== "noi" || key_(toks[i + 1]) !== "nhan" || (i > 0 && toks[i - 1]!.type !== "nl")) continue;
    for (let x = i + 2; x < toks.length && !(toks[x]!.type === "nl" && toks[x + 1]?.type === "nl"); x++)
      if (toks[x]!.type === "n") blocked[x] = Math.max(blocked[x]!, 1);
    return;
  }
}

/** Word's outline numbering opening a line: "1.1. Trực quan", "2.1) Tổ chức", "1.2 Dang 15 tin" (a capital after it). */
function outlineNumberAt(toks: readonly Tok[], i: number): boolean {
  if (!/^\d{1,2}(?:\.\d{1,2}){1,2}$/.test(toks[i]!.k) || (i > 0 && toks[i - 1]!.type !== "nl")) return false;
  const next = toks[i + 1];
  if (next?.k === "." || next?.k === ")") return true;
  return next?.type === "w" && next.o[0] !== next.o[0]!.toLowerCase();
}

/** Words naming an item of a list before its keycap ("mục 1️⃣ em gửi hôm qua"). */
const ITEM_WORDS: ReadonlySet<string> = new Set(["muc", "phan", "y", "so", "stt", "tt", "diem"]);

/**
 * "thôn em treo 🔟 băng rôn với 2️⃣ pano": a keycap inside a line, after a word that names no list item and
 * before a word, is a figure written as an emoji, not a list marker.
 */
function keycapFigure(toks: readonly Tok[], i: number): boolean {
  let p = i - 1;
  while (p >= 0 && toks[p]!.type === "p" && (toks[p]!.k === "\uFE0F" || toks[p]!.k === "\u20E3")) p--;
  const before = toks[p];
  let n = i + 1;
  while (n < toks.length && toks[n]!.type === "p" && (toks[n]!.k === "\uFE0F" || toks[n]!.k === "\u20E3")) n++;
  return before?.type === "w" && !ITEM_WORDS.has(before.kt) && toks[n]?.type === "w" && !opensLabel(toks, n);
}

/** "… 3 cái 2️⃣ băng rôn: 5": words from n up to a colon, the label of the next item. */
function opensLabel(toks: readonly Tok[], n: number): boolean {
  for (let j = n; j < n + 5 && toks[j]; j++) {
    if (toks[j]!.k === ":") return true;
    if (toks[j]!.type !== "w") return false;
  }
  return false;
}

/** Whether a digit stands from token `from` to the end of its clause (with `blocked`: one not marked, no date nor label). */
function numberLaterInClause(toks: readonly Tok[], from: number, blocked?: Uint8Array): boolean {
  for (let x = from; x < toks.length && !endsClause(toks[x]); x++)
    if (toks[x]!.type === "n" && !blocked?.[x]) return true;
  return false;
}

/** Whether a clause ends at this token (or the text does). */
/** Particles that close a spoken sentence ("ạ", "nhé", "nha", "thôi"). */
export const CLOSING_PARTICLES: ReadonlySet<string> = new Set(["a", "ah", "nhe", "nha", "thoi", "day"]);
const endsClause = (t: Tok | undefined): boolean => !t || t.type === "nl" || CLAUSE_PUNCT.has(t.k);

/** Whether the place head at token i ("thôn") stands elsewhere on its line too (a list of places). */
function headElsewhereOnLine(toks: readonly Tok[], i: number): boolean {
  for (let x = i - 1; x >= 0 && toks[x]!.type !== "nl"; x--) if (toks[x]!.kt === toks[i]!.kt) return true;
  for (let x = i + 1; x < toks.length && toks[x]!.type !== "nl"; x++) if (toks[x]!.kt === toks[i]!.kt) return true;
  return false;
}

/** First words of a header whose first column numbers the rows ("STT", "TT"). */
const ROW_NUMBER_HEADS: ReadonlySet<string> = new Set(["stt", "tt"]);

/**
 * A table typed with single spaces under a header like "stt chi tieu dvt sl": the number opening each
 * row after it is the row's number, never a figure ("2 ap phich cai 6" is 6 posters). Tables with tabs,
 * "|" or ";" between their columns are the tables stage's.
 */
function markRowNumbers(tk: Tokenised, blocked: Uint8Array): void {
  const { toks, nfcText } = tk;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.type !== "w" || !ROW_NUMBER_HEADS.has(t.k) || (i > 0 && toks[i - 1]!.type !== "nl")) continue;
    let e = i + 1;
    let words = 0;
    let plain = true;
    for (; e < toks.length && toks[e]!.type !== "nl"; e++) {
      if (toks[e]!.type === "w") words++;
      else plain = false;
    }
    const line = nfcText.slice(t.os, toks[e - 1]!.oe);
    if (!plain || words < 2 || /[\t|;]/.test(line)) continue;
    // the rows: lines opening with 1, 2, 3 … and a word after the number
    let row = 1;
    let x = e + 1;
    while (x < toks.length && toks[x]!.type === "n" && toks[x]!.k === String(row) && toks[x + 1]?.type === "w") {
      blocked[x] = 1;
      row++;
      while (x < toks.length && toks[x]!.type !== "nl") x++;
      x++;
    }
    i = x - 1;
  }
}

/** Whether a "(" is open before token i on its line. */
function openBracketBefore(toks: readonly Tok[], i: number): boolean {
  let depth = 0;
  for (let j = i - 1; j >= 0 && toks[j]!.type !== "nl"; j--) {
    if (toks[j]!.k === ")") depth--;
    else if (toks[j]!.k === "(" && ++depth > 0) return true;
  }
  return false;
}

/** Vague quantities: "vài chục", "hàng trăm" — quoted as unclear. */
function markVagueQuantities(tk: Tokenised, blocked: Uint8Array, unclear: [number, number][]): void {
  const { toks } = tk;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (blocked[i] || blocked[i + 1]) continue;
    if (isWordIn(toks[i], VAGUE_BEFORE_SCALE) && isWordIn(toks[i + 1], SCALE_WORDS)) {
      blocked[i] = blocked[i + 1] = 1;
      unclear.push([i, i + 1]);
    }
  }
}

/** The word right before the span of a spoken rate ("trong", "nhân", "suốt", "liên tục", "trong vòng", "đủ"). */
const SPAN_OPS: ReadonlySet<string> = new Set(["trong", "nhan", "suot", "tuc", "vong", "du"]);

/** Whether "<unit> N <measure> trong|x M <unit>" starts at token i ("ngày 2 lượt trong 15 ngày"). */
function spokenRateAt(toks: readonly Tok[], i: number, unit: string): boolean {
  if (unit !== "ngay" && unit !== "tuan" && unit !== "thang" && unit !== "buoi") return false;
  if (toks[i + 1]?.type !== "n") return false;
  let j = pastRateWords(toks, i + 2);
  if (j === i + 2) return false;
  j = spanWordAt(toks, j);
  const op = toks[j];
  if (!op || !(SPAN_OPS.has(key_(op)) || op.k === "x" || op.k === "×" || op.k === "*")) return false;
  const at = unit === "ngay" ? monthDaysAt(toks, j + 1) : j + 1;
  return toks[at]?.type === "n" && toks[at + 1]?.type === "w" && toks[at + 1]!.kt === unit;
}

/** "40 tờ dán ở bảng tin": sheets stuck up, typed with their marks, fold as "tổ dân" (a street group) but are none. */
function sheetsStuck(w: Tok, w2: Tok): boolean {
  return w.k === "to" && w2.k === "dan" && (w.o.toLowerCase() === "tờ" || w2.o.toLowerCase() === "dán");
}
