/** Last words of a name of people who attend ("người tham dự", "người tham gia", "người dự"). */
const ATTENDED_BY: ReadonlySet<string> = new Set(["du", "gia"]);

/**
 * Stage 4 of the report parser: pair numbers with indicator mentions. Numbers and mentions form
 * a chain; a number pairs with a neighbouring mention when only filler words stand between them.
 * The pairing is a maximum-weight matching on that chain (dynamic programming), so
 * "pa nô 12 áp phích 3" and "12 pa nô 3 áp phích" both read right. A number left over is read
 * by a measure owned by one indicator ("500 tờ") or is left for stage 5 (a total, a part, or unclear).
 * Two names in a row are one: the channel decides ("bài viết trên fanpage" is a social-media post),
 * else the first is the head ("số người tham dự hội nghị: 210" counts people).
 */

import { closesAfterMeasure, opensClauseAfterMeasure } from "./clauses.js";
import { type CompiledIndicators, countedInSheets } from "./indicators.js";
import type { Mention, NameMatch } from "./mentions.js";
import { CLOSING_PARTICLES, type NonValues } from "./non-values.js";
import type { NumberReader } from "./numbers.js";
import { recipientsAt } from "./recipients.js";
import {
  attendVerbAt,
  gatheringBefore,
  gatheringInSentence,
  isHard,
  isWordIn,
  type Tok,
  type Tokenised,
  workforce,
} from "./tokens.js";
import {
  BREAK_WORDS,
  CHANNEL_NAMES,
  CHANNEL_OWNERS,
  CHANNEL_PREPS,
  CONJ,
  COUNT_WORDS,
  FILLER_WORDS,
  PEOPLE_PHRASES,
  PEOPLE_SHORT,
  PERIOD_WORDS,
  PREPS,
  TIME_UNITS,
} from "./vocabulary.js";

/** How a token reads between items: a clause end, a filler word, another word, or part of an item. */
export type TokenClass = "hard" | "filler" | "other" | "item";

export interface NumItem {
  kind: "N";
  start: number;
  end: number;
  value: number;
  /** A single number word that is also a common other word ("sau", "năm") in plain text. */
  weak: boolean;
  /** Not usable as a value (huge, ambiguous "hai ba"); reported as unclear. */
  bad: boolean;
  /** First item of its clause. */
  first: boolean;
}

export interface IndItem {
  kind: "I";
  start: number;
  end: number;
  code: string;
  first: boolean;
}

export type Item = NumItem | IndItem;

/** A number read as the value of an indicator. */
export interface Pair {
  num: NumItem;
  ind: IndItem;
  numFirst: boolean;
}

/**
 * Number items, mentions and pairs are each made by one function below, never spread or extended: one shape
 * (the same properties in the same order) per kind, so V8 keeps the code optimised that reads them.
 */
export function numItem(start: number, end: number, value: number, weak = false, bad = false, first = false): NumItem {
  return { kind: "N", start, end, value, weak, bad, first };
}

export function indItem(start: number, end: number, code: string, first = false): IndItem {
  return { kind: "I", start, end, code, first };
}

/** A copy made by its kind's factory (a spread copy would be an object of another shape). */
export function copyItem(it: Item): Item {
  return it.kind === "N"
    ? numItem(it.start, it.end, it.value, it.weak, it.bad, it.first)
    : indItem(it.start, it.end, it.code, it.first);
}

export function pairUp(num: NumItem, ind: IndItem, numFirst: boolean): Pair {
  return { num, ind, numFirst };
}

export interface Pairing {
  pairs: Pair[];
  /** Numbers and mentions in text order (two names in a row merged). */
  items: Item[];
  /** Usable numbers no name claimed: totals, parts or unclear (stage 5 decides). */
  unplaced: NumItem[];
  /** Per token: how it reads between items. */
  cls: TokenClass[];
  /** Token ranges (inclusive) to quote as unclear: unusable numbers, one number for two names. */
  unclear: [number, number][];
}

/** A pairing, made here only (not spread with other lists): one shape for V8, like its items. */
export function pairingOf(
  pairs: Pair[],
  items: Item[],
  unplaced: NumItem[],
  cls: TokenClass[],
  unclear: [number, number][],
): Pairing {
  return { pairs, items, unplaced, cls, unclear };
}

/**
 * Pairs the numbers of a message with its indicator mentions.
 * @example pairNumbers(tk, nonValues, mentions, numbers, compiled).pairs.map((p) => [p.ind.code, p.num.value]) // [["pano", 12]]
 */
export function pairNumbers(
  tk: Tokenised,
  nv: NonValues,
  mentions: readonly Mention[],
  numbers: NumberReader,
  compiled: CompiledIndicators,
): Pairing {
  const { items, cls } = chainItems(tk, nv, mentions, numbers);
  const merged = mergeMentions(tk, items, cls, compiled);
  const unclear: [number, number][] = [];
  // a number followed by another indicator's own measure, with words between the name and it
  // ("hội nghị sáng 80 người"), is not the name's before it
  const measured = new Map<Item, string>();
  const claimed = new Set<Item>();
  const forPeople = new Map<Item, string>();
  const spent = new Set<Item>();
  for (let k = 1; k < merged.length; k++) {
    const it = merged[k]!;
    // only a number right after a name can be taken by it
    if (it.kind !== "N" || merged[k - 1]!.kind !== "I") continue;
    let code = measureAfter(tk, nv, cls, compiled, it);
    // "tin bài trên cổng 5 bài": the measure is a word of the name before it, so it is that name's count
    if (code && code !== (merged[k - 1] as IndItem).code && nameHasWord(tk, merged[k - 1]!, tk.toks[it.end]))
      code = undefined;
    // "áp phích CCHC dán 4 tờ": the sheets a thing counted by the piece is counted in
    if (code && countedInSheets(compiled, (merged[k - 1] as IndItem).code, tk.toks[it.end])) code = undefined;
    if (code) measured.set(it, code);
    // "họp dân 45 người, 3 cuộc": right after the name, but the name's own figure is given in its own
    // measure in the sentence: the number is its measure's ("người"), not the meetings'
    // "hội nghị 60 người", "họp dân: 45 người": people are never a count of meetings, even right after their name
    if (
      code &&
      code !== (merged[k - 1] as IndItem).code &&
      (ownFigureElsewhere(tk, nv, cls, compiled, merged, k) || code === compiled.measures.get("nguoi"))
    ) {
      claimed.add(it);
      forPeople.set(it, code);
    }
    // "Hội nghị có 120 đoàn viên tham gia": people said to attend are the attendees, not the meetings;
    // "tập huấn cho 60 cán bộ": people a meeting is held for, too
    const prevCode = (merged[k - 1] as IndItem).code;
    const people = code
      ? null
      : (attendingPeople(tk, compiled, it.end, it.start) ?? peopleMeetingIsFor(tk, compiled, merged[k - 1]!, it));
    if (people && people !== prevCode) {
      claimed.add(it);
      forPeople.set(it, people);
    }
    // "gửi tin nhắn Zalo tới 300 phụ huynh": whom a channel reached is no figure of it (a meeting's are its attendees)
    if (!code && !people && prevCode !== compiled.measures.get("cuoc") && recipientsAt(tk, it.start, it.end))
      claimed.add(it);
    // "đi phát tờ rơi 2 buổi, phát được 600 tờ": sittings of the work, when the name's own figure follows in
    // its own measure, are how long it took, no count of the thing (a thing counted in sittings, "buổi phát
    // thanh", keeps them)
    const t0 = tk.toks[it.end];
    const prev = (merged[k - 1] as IndItem).code;
    if (
      !code &&
      t0?.type === "w" &&
      SESSION_WORDS.has(t0.kt) &&
      !compiled.list.some((syn) => syn.code === prev && syn.compact.startsWith(t0.kt)) &&
      ownFigureElsewhere(tk, nv, cls, compiled, merged, k)
    ) {
      claimed.add(it);
      spent.add(it);
    }
    // "hội nghị có 140 người tham dự": the number opens the next name with that name's own measure
    // (and that name has no figure of its own after it: "hn 1 ng tham du 50")
    const next = merged[k + 1];
    const t1 = tk.toks[it.end];
    // ("tập huấn 45 học viên ở 3 lớp": a figure after that name in another indicator's own measure is not its)
    const after2 = merged[k + 2];
    const ownAfter =
      after2?.kind === "N" && next?.kind === "I" ? measureAfter(tk, nv, cls, compiled, after2) : undefined;
    const nextHasOwn = after2?.kind === "N" && (ownAfter === undefined || ownAfter === (next as IndItem).code);
    if (next?.kind === "I" && next.start === it.end && !nextHasOwn && t1?.type === "w") {
      const own = compiled.measures.get(t1.k) ?? compiled.measures.get(t1.kt);
      if (own === next.code && own !== (merged[k - 1] as IndItem).code) claimed.add(it);
      // "tập huấn 60 học viên", "hội nghị 80 đại biểu": people named by their role right after the number
      else if (next.code !== (merged[k - 1] as IndItem).code && compiled.measures.get("nguoi") === next.code)
        claimed.add(it);
    }
  }
  const matched = bestPairs(tk, merged, cls, measured, claimed);
  const pairs = dropSharedNumbers(tk, merged, matched, unclear);
  const paired = new Set<Item>(matched.map((p) => p.num));

  // Unplaced numbers: a measure owned by one indicator ("500 tờ", "150 người"), else left for stage 5.
  const unplaced: NumItem[] = [];
  merged.forEach((it, k) => {
    if (it.kind !== "N" || paired.has(it) || spent.has(it)) return;
    if (it.bad) {
      unclear.push([it.start, it.end - 1]);
      return;
    }
    const own = measureAfter(tk, nv, cls, compiled, it) ?? measureBeforeName(tk, nv, compiled, it, merged[k + 1]);
    const code =
      (own && sheetsOfThingBefore(tk, compiled, merged, pairs, it, own)) ??
      own ??
      forPeople.get(it) ??
      attendingPeople(tk, compiled, it.end, it.start) ??
      sharedMeasureOfPartBefore(tk, nv, compiled, pairs, it) ??
      unitOfVerb(tk, compiled, it);
    if (code) pairs.push(pairUp(it, indItem(it.end, it.end + 1, code), true));
    else if (!it.weak) unplaced.push(it);
  });
  for (const lone of loneFigures(tk, compiled, merged, pairs, unplaced)) {
    pairs.push(lone);
    unplaced.splice(unplaced.indexOf(lone.num), 1);
  }
  pairs.sort((x, y) => x.num.start - y.num.start);
  return pairingOf(pairs, merged, unplaced, cls, unclear);
}

/**
 * "áp phích dán 14 tờ. từ đầu tháng là 30 tờ": a bare sheet after a thing the message counted in sheets is that
 * thing's, when the sheet's own indicator ("tờ rơi") is named nowhere in the message; else null.
 */
function sheetsOfThingBefore(
  tk: Tokenised,
  compiled: CompiledIndicators,
  merged: readonly Item[],
  pairs: readonly Pair[],
  it: NumItem,
  own: string,
): string | null {
  if (merged.some((m) => m.kind === "I" && m.code === own)) return null;
  const sheet = tk.toks[it.end];
  const before = pairs.find(
    (p) =>
      p.num.start < it.start &&
      tk.toks[p.num.end]?.k === sheet?.k &&
      countedInSheets(compiled, p.ind.code, tk.toks[p.num.end]),
  );
  return before?.ind.code ?? null;
}

/** Words labelling a part of the work ("đợt 2", "tuần 2", "lần 2", "tháng 11") or their sum ("tổng", "cộng"). */
const PART_LABELS: ReadonlySet<string> = new Set(["dot", "tuan", "lan", "thang", "quy", "ky", "tong", "cong"]);

/**
 * "đợt 1 (1-15/11): 20 lượt PT; đợt 2 (16-30/11): 24 lượt": a bare measure several indicators share, in a part that
 * opens with only its label, is the indicator of the figure before it in that measure; else null.
 */
function sharedMeasureOfPartBefore(
  tk: Tokenised,
  nv: NonValues,
  compiled: CompiledIndicators,
  pairs: readonly Pair[],
  it: NumItem,
): string | null {
  const { toks } = tk;
  const m = toks[it.end];
  if (m?.type !== "w" || !(compiled.shared.has(m.k) || compiled.shared.has(m.kt))) return null;
  const after = toks[it.end + 1];
  if (after && !isHard(after) && after.k !== ")" && !isWordIn(after, CLOSING_PARTICLES)) return null;
  // back to the part's start: its label, a date or number it carries, brackets and a colon only
  let labelled = false;
  let x = it.start - 1;
  for (; x >= 0 && x >= it.start - 12; x--) {
    const t = toks[x]!;
    if (t.type === "nl" || t.k === ";" || t.k === "," || t.k === ".") break;
    // "mỗi tuần 2 lượt": a rate, no part
    if (t.type === "w" && t.kt === "moi") return null;
    if (t.type === "w" && PART_LABELS.has(t.kt)) labelled = true;
    else if (!nv.blocked[x] && t.k !== ":" && t.k !== "(" && t.k !== ")" && !isWordIn(t, SO_FAR)) return null;
  }
  if (!labelled || (x >= 0 && x < it.start - 12)) return null;
  for (let k = pairs.length - 1; k >= 0; k--) {
    const p = pairs[k]!;
    if (p.num.start >= it.start) continue;
    if (toks[p.num.end]?.k === m.k) return p.ind.code;
  }
  // "tuần rồi phát 10 lượt, …, tháng 12 tới giờ là 22 lượt": the verb of an earlier figure in that measure, set
  // aside as another period's, still says whose it is
  const owners = compiled.shared.get(m.k) ?? compiled.shared.get(m.kt)!;
  for (let y = x; y > 0 && y >= x - 30; y--) {
    if (toks[y]!.type === "nl" || toks[y]!.k === ".") break;
    if (toks[y]!.type !== "n" || toks[y + 1]?.k !== m.k) continue;
    // (a bare measure there: "phát 25 lượt xe loa" is the named thing's)
    if (toks[y + 2]?.type === "w" && !isWordIn(toks[y + 2], CLOSING_PARTICLES)) continue;
    const verb = toks[y - 1]!;
    // (not the end of a name: "xe loa 12 lượt")
    const w0 = toks[y - 2];
    if (w0?.type === "w" && compiled.exact.has(w0.kt + verb.kt)) continue;
    const by = owners.filter((o) => o.firstWords.has(verb.k) || o.firstWords.has(verb.kt));
    if (by.length === 1) return by[0]!.code;
  }
  return null;
}

/** Words of a figure so far between a part's label and its figure ("tháng 12 tới giờ là 22 lượt"). */
const SO_FAR: ReadonlySet<string> = new Set(["toi", "den", "gio", "nay", "la"]);

/** Words of whom or where after a bare measure ("300 tờ cho 300 hộ", "6 cái tại cổng chợ"). */
const MEASURE_THEN: ReadonlySet<string> = new Set(["cho", "tai"]);
/** Verbs of coming after people counted ("98 người về", "60 người đến dự"). */
const COME: ReadonlySet<string> = new Set(["ve", "den", "toi"]);
/** Verbs of an audience right after "người" ("40 người nghe", "150 người xem"): at a gathering, its attendees. */
const AUDIENCE: ReadonlySet<string> = new Set(["nghe", "xem"]);

/** "mỗi buổi (khoảng) 40 người nghe": the number at i counts each sitting's people, said right after "mỗi <sitting>". */
function eachSittingBefore(toks: readonly Tok[], i: number): boolean {
  const at = isWordIn(toks[i - 1], NEAR) ? i - 2 : i - 1;
  return isWordIn(toks[at], SESSION_WORDS) && toks[at - 1]?.type === "w" && toks[at - 1]!.kt === "moi";
}
/** Words of an estimate before a figure ("khoảng", "tầm"). */
const NEAR: ReadonlySet<string> = new Set(["khoang", "tam", "gan", "hon", "chung"]);

/** The indicator owning the measure at token i, of one word ("tờ") or two ("chuyên mục"), else undefined. */
function measuredBy(tk: Tokenised, compiled: CompiledIndicators, i: number): string | undefined {
  const m = tk.toks[i];
  if (m?.type !== "w") return undefined;
  const next = tk.toks[i + 1];
  return (
    compiled.measures.get(m.k) ??
    compiled.measures.get(m.kt) ??
    (next?.type === "w" ? compiled.measures.get(`${m.k}${next.k}`) : undefined)
  );
}

/**
 * "tập huấn cho 60 cán bộ", "buổi truyền thông phòng chống dịch cho 84 phụ huynh": people by role right after
 * "cho" after a meeting's name (and its topic) are its attendees, else null.
 */
function peopleMeetingIsFor(tk: Tokenised, compiled: CompiledIndicators, name: Item, it: NumItem): string | null {
  const { toks } = tk;
  const meeting = compiled.measures.get("cuoc");
  if (name.kind !== "I" || name.code !== meeting || name.end > it.start - 1 || name.end < it.start - 9) return null;
  if (toks[it.start - 1]?.type !== "w" || toks[it.start - 1]!.kt !== "cho") return null;
  // ("2 buổi truyền thông phòng chống bệnh … cho 84 phụ huynh": the meeting's topic, plain words, between)
  for (let x = name.end; x < it.start - 1; x++) if (toks[x]!.type !== "w") return null;
  const from = toks[it.end]?.k === "em" ? it.end + 1 : it.end;
  if (!peopleByRoleAt(toks, from)) return null;
  return compiled.measures.get("nguoi") ?? null;
}

/**
 * "phát thanh viên …, phát được 36 buổi": the unit after the number and the verb before it open one indicator's
 * name together ("buổi phát thanh"), so the number is that indicator's, when only one indicator has such a name.
 */
function unitOfVerb(tk: Tokenised, compiled: CompiledIndicators, it: NumItem): string | undefined {
  const { toks } = tk;
  const unit = toks[it.end];
  let v = it.start - 1;
  if (toks[v]?.kt === "duoc" || toks[v]?.kt === "dc") v--;
  const verb = toks[v];
  if (unit?.type !== "w" || verb?.type !== "w") return undefined;
  const start = unit.kt + verb.kt;
  let code: string | undefined;
  for (const syn of compiled.list) {
    if (!syn.compact.startsWith(start) || syn.compact.length === start.length) continue;
    if (code && code !== syn.code) return undefined;
    code = syn.code;
  }
  // (and the message speaks of that thing by a name of two words, even inside a role: "phát thanh viên";
  // "đài xã phát 24 buổi" alone stays asked)
  if (!code) return undefined;
  const pairs = new Set(compiled.list.filter((syn) => syn.code === code && syn.words === 2).map((syn) => syn.compact));
  for (let x = 0; x + 1 < toks.length; x++)
    if (toks[x]!.type === "w" && toks[x + 1]!.type === "w" && pairs.has(toks[x]!.kt + toks[x + 1]!.kt)) return code;
  return undefined;
}

/** People by their role start at token i: "cán bộ", "đoàn viên", or typed short ("50 hs", "40 cb"). */
function peopleByRoleAt(toks: readonly Tok[], i: number): boolean {
  const a = toks[i];
  const b = toks[i + 1];
  if (a?.type !== "w") return false;
  return PEOPLE_SHORT.has(a.k) || (b?.type === "w" && PEOPLE_PHRASES.has(`${a.k} ${b.k}`));
}

/** Whether one to five plain words (no measure) from token `from` are followed by a verb of attending. */
function fewWordsThenAttend(toks: readonly Tok[], compiled: CompiledIndicators, from: number): boolean {
  for (let x = from; x < toks.length && x < from + 6; x++) {
    const t = toks[x]!;
    if (t.type !== "w" || compiled.measures.has(t.k)) return false;
    if (x > from && attendVerbAt(toks, x)) return true;
  }
  return false;
}

/** Words for persons typed with their marks ("chị" women; plain "chi", "ba" are other words). */
const PERSON_WORDS: ReadonlySet<string> = new Set(["chị", "bà", "anh"]);

/**
 * "40 cán bộ công chức dự hội nghị", "25 doan vien tham gia": people named by their role who are said
 * to attend, or counted right after a gathering ("hội nghị với 120 đoàn viên"), are the attendees (the
 * indicator measured in "người"), else null.
 */
function attendingPeople(tk: Tokenised, compiled: CompiledIndicators, from: number, start: number): string | null {
  const { toks } = tk;
  if (workforce(toks, start, from)) return null;
  // "240 lượt hội viên": visits of people by their role
  if (toks[from]?.k === "luot" && toks[from]?.type === "w") from++;
  // "30 em học sinh": a word for persons before their role
  // "52 chị dự", "35 bà tham gia": women or men said only by a word for persons, then attending
  // ("mỗi buổi tầm 35 chị": or counted right after a gathering's sittings)
  if (
    PERSON_WORDS.has(toks[from]?.o.toLowerCase() ?? "") &&
    (attendVerbAt(toks, from + 1) || gatheringBefore(toks, start))
  )
    return compiled.measures.get("nguoi") ?? null;
  if (toks[from]?.k === "em" || toks[from]?.o.toLowerCase() === "cụ") {
    // "tọa đàm 1 buổi, tổng 410 em": pupils counted right after a gathering, or as the total of a gathering of
    // the sentence ("tọa đàm 1 buổi, 2 khối tham gia, tổng 410 em"), are its attendees
    const total = toks[start - 1]?.type === "w" && toks[start - 1]!.kt === "tong";
    if (
      toks[from]?.k === "em" &&
      (gatheringBefore(toks, start) || (total && gatheringInSentence(toks, start - 1, undefined, true)))
    )
      return compiled.measures.get("nguoi") ?? null;
    from++;
    // "620 em tham dự", "45 em dự", "42 cụ tham dự": pupils or elders said only as "em" / "cụ", then attending
    if (attendVerbAt(toks, from)) return compiled.measures.get("nguoi") ?? null;
  }
  const a = toks[from];
  const b = toks[from + 1];
  // "95 hộ tham dự", "80 hộ dân dự họp", "60 hộ gia đình tham dự": each household sends one person to the meeting
  const hhEnd = b?.k === "dan" ? from + 2 : b?.k === "gia" && toks[from + 2]?.k === "dinh" ? from + 3 : from + 1;
  if (a?.type === "w" && a.k === "ho" && attendVerbAt(toks, hhEnd)) return compiled.measures.get("nguoi") ?? null;
  // "với 260 bạn đọc tham dự", "80 đại diện hộ kinh doanh tham dự": whoever a gathering of the sentence
  // counts, said in a few plain words and then attending, are its attendees
  if (fewWordsThenAttend(toks, compiled, from) && gatheringInSentence(toks, start - 1, undefined, true))
    return compiled.measures.get("nguoi") ?? null;
  if (!peopleByRoleAt(toks, from)) return null;
  if (gatheringBefore(toks, start)) return compiled.measures.get("nguoi") ?? null;
  for (let x = from + (PEOPLE_SHORT.has(a!.k) ? 1 : 2); x < toks.length && x < from + 6; x++) {
    const t = toks[x]!;
    if (t.type !== "w") return null;
    if (attendVerbAt(toks, x)) return compiled.measures.get("nguoi") ?? null;
  }
  return null;
}

/**
 * "xe lưu động đi 6 thôn, 2 lượt", "Băng rôn: kế hoạch 25, thực hiện 25", "Hội nghị: KH 2, TH 2; người
 * tham dự 120": an indicator that got no figure (its neighbours were context or the plan) takes the
 * figure left right after it on its line, nothing between them, when no measure of another follows it.
 */
function loneFigures(
  tk: Tokenised,
  compiled: CompiledIndicators,
  merged: readonly Item[],
  pairs: readonly Pair[],
  unplaced: readonly NumItem[],
): Pair[] {
  if (unplaced.length === 0) return [];
  const { toks } = tk;
  const left = new Set<Item>(unplaced);
  const pairedCodes = new Set(pairs.map((p) => p.ind.code));
  const out: Pair[] = [];
  for (let k = 1; k < merged.length; k++) {
    const num = merged[k]!;
    const ind = merged[k - 1]!;
    if (num.kind !== "N" || ind.kind !== "I" || !left.has(num) || pairedCodes.has(ind.code)) continue;
    let sameLine = true;
    for (let x = ind.end; x < num.start; x++) if (toks[x]!.type === "nl") sameLine = false;
    if (!sameLine && !headingAbove(toks, ind, num)) continue;
    // "Không có chuyên mục. Tổ chức 1 buổi …": a figure in the next sentence is not the name's
    let sentenceEnds = false;
    for (let x = ind.end; x < num.start; x++)
      if (toks[x]!.k === "." || toks[x]!.k === "!" || toks[x]!.k === "?") sentenceEnds = true;
    // ("… ạ. tổng 60 lượt": a total stated after it still is)
    const before = toks[num.start - 1];
    if (
      sentenceEnds &&
      !(before?.type === "w" && (before.kt === "tong" || before.kt === "cong")) &&
      !periodAfterPeriod(toks, ind, num)
    )
      continue;
    const w = toks[num.end];
    // "không có chuyên mục; tổ chức 1 buổi tư vấn": a name said as not done takes no count of sessions
    if (w?.type === "w" && SESSION_WORDS.has(w.kt) && negated(tk, ind.start)) continue;
    if (w?.type === "w") {
      const owner = compiled.measures.get(w.k) ?? compiled.measures.get(w.kt);
      const shared = compiled.shared.get(w.k) ?? compiled.shared.get(w.kt);
      if (owner ? owner !== ind.code : shared ? !shared.some((o) => o.code === ind.code) : false) continue;
    }
    out.push(pairUp(num, ind, false));
    pairedCodes.add(ind.code);
  }
  return out;
}

/**
 * "Quý III phát 25 lượt xe loa. Quý IV: 30 lượt": the name's sentence opens with a period and the figure's
 * sentence with another of the same unit and a colon, right before the figure: the same list for the next period.
 */
function periodAfterPeriod(toks: readonly Tok[], ind: Item, num: Item): boolean {
  const opening = (at: number): number => {
    let s = at;
    while (s > 0 && toks[s - 1]!.type !== "nl" && !".!?".includes(toks[s - 1]!.k)) s--;
    return s;
  };
  const a = toks[opening(ind.start)];
  const b = opening(num.start);
  const unit = toks[b]?.type === "w" ? toks[b]!.kt : "";
  return (
    PERIOD_WORDS.has(unit) && a?.type === "w" && a.kt === unit && toks[num.start - 1]?.k === ":" && num.start - b <= 5
  );
}

/**
 * "III. Hội nghị\n - Số cuộc: 2": the indicator is a heading alone on its line (after a list number) and
 * the figure is on the next line, which opens with a count's word ("Số", "Tổng", "Cộng"), with no name of its own.
 */
function headingAbove(toks: readonly Tok[], ind: Item, num: Item): boolean {
  let a = ind.start - 1;
  while (a >= 0 && toks[a]!.type !== "nl") {
    const t = toks[a]!;
    if (!(t.type === "p" || t.type === "n" || (t.type === "w" && /^[ivxl]{1,4}$/.test(t.k)))) return false;
    a--;
  }
  let b = ind.end;
  while (b < toks.length && toks[b]!.type === "p") b++;
  if (toks[b]?.type !== "nl") return false;
  // the next line counts ("Số cuộc:", "Số lượng:", "Tổng:"), not a place ("Thôn 1: 2" lists places' figures)
  let c = b + 1;
  while (c < num.start && toks[c]!.type === "p") c++;
  const head = toks[c]?.type === "w" ? toks[c]!.kt : "";
  if (head !== "so" && head !== "tong" && head !== "cong") return false;
  for (let x = b + 1; x < num.start; x++) if (toks[x]!.type === "nl") return false;
  return true;
}

/**
 * The pairing with pairs read by another stage (a table's rows, "mỗi loại 4 cái") added, in text order.
 * @example withPairs(pairing, tables.pairs).pairs.length // pairing's pairs + the table's
 */
export function withPairs(pairing: Pairing, extra: readonly Pair[]): Pairing {
  if (extra.length === 0) return pairing;
  const pairs = [...pairing.pairs, ...extra].sort((x, y) => x.num.start - y.num.start);
  const items = [...pairing.items, ...extra.flatMap((p) => [p.ind, p.num])].sort((x, y) => x.start - y.start);
  return pairingOf(pairs, items, pairing.unplaced, pairing.cls, pairing.unclear);
}

/** "pa nô, áp phích: 15" — one number for two indicators: not a value, quoted to ask. */
function dropSharedNumbers(
  tk: Tokenised,
  merged: readonly Item[],
  pairs: readonly Pair[],
  unclear: [number, number][],
): Pair[] {
  const { toks } = tk;
  const pairedInds = new Set<IndItem>(pairs.map((p) => p.ind));
  const indexOf = new Map<Item, number>(merged.map((it, idx) => [it, idx]));
  const conjOnly = (from: number, to: number): boolean => {
    for (let x = from; x < to; x++) if (!(CONJ.has(toks[x]!.k) || CONJ.has(toks[x]!.kt))) return false;
    return true;
  };
  const kept: Pair[] = [];
  for (const p of pairs) {
    const idx = indexOf.get(p.ind)!;
    let shared: IndItem | null = null;
    if (!p.numFirst) {
      const prev = merged[idx - 1];
      if (
        prev &&
        prev.kind === "I" &&
        prev.code !== p.ind.code &&
        !pairedInds.has(prev) &&
        conjOnly(prev.end, p.ind.start) &&
        !negated(tk, prev.start) &&
        // "Chuyên mục: 1 chuyên mục, cụm cổ động 1": a name right after a figure is that figure's measure
        !(merged[idx - 2]?.kind === "N" && merged[idx - 2]!.end === prev.start)
      )
        shared = prev;
    } else {
      const next = merged[idx + 1];
      if (
        next &&
        next.kind === "I" &&
        next.code !== p.ind.code &&
        !pairedInds.has(next) &&
        conjOnly(p.ind.end, next.start) &&
        isHard(toks[next.end]) &&
        // "80 người tham dự hội nghị": the gathering the people attend, no second thing counted
        !ATTENDED_BY.has(toks[p.ind.end - 1]?.type === "w" ? toks[p.ind.end - 1]!.kt : "")
      )
        shared = next;
    }
    if (shared) unclear.push([Math.min(shared.start, p.num.start), Math.max(shared.end, p.num.end) - 1]);
    else kept.push(p);
  }
  return kept;
}

const NEGATIONS: ReadonlySet<string> = new Set(["khong", "ko", "chua", "chang"]);
/** Counts of sessions ("1 buổi", "2 lớp", "3 đợt"). */
const SESSION_WORDS: ReadonlySet<string> = new Set(["buoi", "lop", "dot"]);

/** Whether a name is said as not done ("chưa có xe lưu động, phát thanh 20"): it shares no number after it. */
function negated(tk: Tokenised, start: number): boolean {
  if (negatedRightBefore(tk, start)) return true;
  // "chưa treo băng rôn và pa nô, phát thanh 10": joined to a name of a few words said as not done
  const j = tk.toks[start - 1];
  if (!j || j.k === "," || !(CONJ.has(j.k) || CONJ.has(j.kt))) return false;
  for (let s = start - 2; s >= 0 && s >= start - 5 && tk.toks[s]!.type === "w"; s--)
    if (negatedRightBefore(tk, s)) return true;
  return false;
}

/** "không pa nô", "chưa có xe", "không treo pa nô", "ko tổ chức hội nghị": a doing verb may stand between. */
function negatedRightBefore(tk: Tokenised, start: number): boolean {
  for (let x = start - 1; x >= 0 && x >= start - 3; x--) {
    const t = tk.toks[x];
    if (isWordIn(t, NEGATIONS)) return true;
    if (!isWordIn(t, NOT_DONE_VERBS)) return false;
  }
  return false;
}
/** Whether a negation and a doing verb follow token `end` ("băng rôn không treo thêm", "pano chưa làm"). */
const saidNotDoneAfter = (tk: Tokenised, end: number): boolean =>
  isWordIn(tk.toks[end], NEGATIONS) && isWordIn(tk.toks[end + 1], NOT_DONE_VERBS);

/** Verbs between a negation and what is not done ("không treo pa nô", "ko tổ chức hội nghị", "chưa treo thêm băng rôn"). */
const NOT_DONE_VERBS: ReadonlySet<string> = new Set(
  "co to chuc treo phat dang chay lam dung in dan thuc hien trien khai xay viet them".split(" "),
);

/**
 * Whether the indicator named right before item k has a figure of its own measure elsewhere in the
 * sentence ("họp dân 45 người, 3 cuộc": "3 cuộc" is the meetings' figure).
 */
function ownFigureElsewhere(
  tk: Tokenised,
  nv: NonValues,
  cls: readonly TokenClass[],
  compiled: CompiledIndicators,
  merged: readonly Item[],
  k: number,
): boolean {
  const code = (merged[k - 1] as IndItem).code;
  const { toks } = tk;
  const sentenceEnd = (t: Tok | undefined): boolean => !t || t.type === "nl" || t.k === "." || t.k === ";";
  for (let q = k + 1; q < merged.length; q++) {
    const other = merged[q]!;
    let ended = false;
    for (let x = merged[q - 1]!.end; x < other.start; x++) if (sentenceEnd(toks[x])) ended = true;
    if (ended) return false;
    if (other.kind === "N" && measureAfter(tk, nv, cls, compiled, other) === code) return true;
  }
  return false;
}

/** The indicator whose own measure word follows a number ("500 tờ", "150 người."), if any. */
/**
 * Whether up to three words after a preposition ("trên cổng", "lên trang") stand between the name a and the
 * number b, with the name's own last word as b's measure ("tin bài trên cổng 5 bài").
 */
function qualifiedByPlace(tk: Tokenised, cls: readonly TokenClass[], a: Item, b: Item): boolean {
  if (b.start - a.end > 4 || b.start - a.end < 2 || !isWordIn(tk.toks[a.end], PREPS)) return false;
  for (let x = a.end; x < b.start; x++) if (cls[x] === "hard" || tk.toks[x]!.type !== "w") return false;
  return nameHasWord(tk, a, tk.toks[b.end]);
}

/**
 * Whether, within a few words of its clause from token `from`, a channel preposition ("trên", "lên", "qua")
 * is followed (maybe after "nhóm", "trang") by a channel named by the indicator `code` itself.
 */
function channelOfOwnAfter(
  toks: readonly Tok[],
  compiled: CompiledIndicators,
  from: number,
  code: string,
  blocked: ArrayLike<number>,
): boolean {
  // (a number no figure may stand in what the post is about: "giới thiệu 25 sản phẩm OCOP 3 sao trên fanpage")
  for (let x = from; x < from + 10 && toks[x] && !isHard(toks[x]); x++) {
    if (toks[x]!.type === "n" && !blocked[x]) return false;
    if (!isWordIn(toks[x], CHANNEL_PREPS)) continue;
    const y = isWordIn(toks[x + 1], CHANNEL_GROUPS) ? x + 2 : x + 1;
    return isWordIn(toks[y], CHANNEL_NAMES) && compiled.exact.get(toks[y]!.k)?.code === code;
  }
  return false;
}

/** Counting words of clips posted on a channel ("3 video", "4 clip"). */
const CLIP_WORDS: ReadonlySet<string> = new Set(["video", "clip"]);
/** Words between "lên" and a channel's name, clips still its posts ("lên kênh YouTube", "trên trang"). */
const CHANNEL_PAGES: ReadonlySet<string> = new Set(["kenh", "trang"]);

/** What a clip may be, and the verb of its posting, before its channel ("4 video ngắn đăng TikTok", "3 clip đăng lên zalo"). */
const CLIP_POSTED: ReadonlySet<string> = new Set(["ngan", "dang", "tai"]);

/** Token x past one or two words saying a clip is short or was posted ("ngắn", "đăng", "tải"), to where its channel may be. */
function pastClipPosted(toks: readonly Tok[], x: number): number {
  for (let n = 0; n < 2 && isWordIn(toks[x], CLIP_POSTED); n++) x++;
  return x;
}

/**
 * The indicator of the channel right after a clip's count ("youtube", "lên kênh youtube", "trên fanpage"), or
 * undefined: a few tokens only; a group's chat ("lên nhóm zalo thôn") is no channel of the plan's posts.
 */
function clipChannelAfter(toks: readonly Tok[], compiled: CompiledIndicators, x: number): string | undefined {
  x = pastClipPosted(toks, x);
  if (isWordIn(toks[x], CHANNEL_PREPS)) x++;
  if (isWordIn(toks[x], CHANNEL_PAGES)) x++;
  const t = toks[x];
  if (t?.type !== "w" || !CHANNEL_NAMES.has(t.kt)) return undefined;
  return compiled.exact.get(t.kt)?.code;
}

/** Words before a channel's name ("lên nhóm Zalo", "trên trang Facebook"). */
const CHANNEL_GROUPS: ReadonlySet<string> = new Set(["nhom", "trang"]);

/** Whether a word of the name item (its last one, "bài" of "tin bài") is the word w. */
function nameHasWord(tk: Tokenised, name: Item, w: Tok | undefined): boolean {
  const last = tk.toks[name.end - 1];
  return !!w && w.type === "w" && last?.type === "w" && last.k === w.k;
}

/** Verbs and prepositions between a post and the newspaper it went in ("trên báo", "gửi báo", "đăng báo"). */
const INTO_PAPER: ReadonlySet<string> = new Set(["tren", "dang", "gui", "len"]);

/**
 * The news articles' indicator (the one named "tin bài") when a newspaper follows token x ("trên báo Thanh Hóa",
 * "đăng Báo Nghệ An"; never "báo cáo", a report), else undefined.
 */
function newspaperArticles(toks: readonly Tok[], compiled: CompiledIndicators, x: number): string | undefined {
  for (let n = 0; n < 2 && isWordIn(toks[x], INTO_PAPER); n++) x++;
  if (toks[x]?.type !== "w" || toks[x]!.kt !== "bao" || toks[x + 1]?.kt === "cao") return undefined;
  return compiled.exact.get("tinbai")?.code;
}

function measureAfter(
  tk: Tokenised,
  nv: NonValues,
  cls: readonly TokenClass[],
  compiled: CompiledIndicators,
  it: NumItem,
): string | undefined {
  const { toks } = tk;
  const t1 = toks[it.end];
  const t2 = toks[it.end + 1];
  if (!t1 || t1.type !== "w" || nv.blocked[it.end]) return undefined;
  // only a bare measure, not "3 cuộc họp giao ban"
  const endsHere = (x: number): boolean => isHard(toks[x]) || cls[x] === "filler" || isWordIn(toks[x], PREPS);
  // "2 bài trên báo Thanh Hóa điện tử", "3 bài gửi Báo Nghệ An": posts in a newspaper are its news articles
  const news = t1.kt === "bai" && !nv.blocked[it.end + 1] ? newspaperArticles(toks, compiled, it.end + 1) : undefined;
  if (news) return news;
  const one = compiled.measures.get(t1.k) ?? compiled.measures.get(t1.kt);
  if (one && (endsHere(it.end + 1) || closesAfterMeasure(toks, it.end + 1))) return one;
  // "3 cuộc 200 người e sửa lại …", "200 người treo 4 băng rôn": people, nameless after a gathering's count, before
  // the next clause of run-on speech (other measures follow their own name: "tin bài 6 bài đăng face 10 bài")
  if (
    one &&
    one === compiled.measures.get("nguoi") &&
    (cls[it.end + 1] === "hard" || opensClauseAfterMeasure(toks, it.end + 1, mentionIn(toks, cls)))
  )
    return one;
  // "phát 300 tờ cho 300 hộ", "treo 6 cái tại cổng": to whom or where, after a bare measure
  if (one && !nv.blocked[it.end + 1] && isWordIn(toks[it.end + 1], MEASURE_THEN)) return one;
  // "họp dân 1 buổi được 98 người về phổ biến": people coming to (or listening at) the gathering named before them attend
  if (
    one &&
    one === compiled.measures.get("nguoi") &&
    !nv.blocked[it.end + 1] &&
    (isWordIn(toks[it.end + 1], COME) || isWordIn(toks[it.end + 1], AUDIENCE)) &&
    (gatheringInSentence(toks, it.start - 1, nv.blocked, true) ||
      (isWordIn(toks[it.end + 1], AUDIENCE) && eachSittingBefore(toks, it.start)))
  )
    return one;
  // "đăng 6 bài tiktok", "12 bài youtube": the channel a post went on, right after its measure
  if (one && !nv.blocked[it.end + 1] && isWordIn(toks[it.end + 1], CHANNEL_NAMES)) return one;
  // "đăng 3 video lên (kênh) youtube": clips counted where they went up are the channel's posts
  if (!one && isWordIn(t1, CLIP_WORDS) && !nv.blocked[it.end + 1]) {
    const posts = clipChannelAfter(toks, compiled, it.end + 1);
    if (posts) return posts;
  }
  // "đăng 11 bài hướng dẫn trên zalo": what the post is about, then the channel it went on (one of its own names)
  if (one && !nv.blocked[it.end + 1] && channelOfOwnAfter(toks, compiled, it.end + 1, one, nv.blocked)) return one;
  if (t2 && t2.type === "w" && endsHere(it.end + 2)) {
    const two = compiled.measures.get(t1.k + t2.k);
    if (two) return two;
  }
  // "phát 16 lượt": a measure several share, with the verb before the number that starts the names of one of them
  const owners = compiled.shared.get(t1.k) ?? compiled.shared.get(t1.kt);
  const verb = toks[it.start - 1];
  // ("phát 24 lượt tin tuyên truyền", "phát 20 lượt bản tin": what was aired may follow, a plain word)
  // (not a name the measure starts: "30 lượt người")
  const aired =
    t2?.type === "w" && !nv.blocked[it.end + 1] && !isWordIn(t2, CLAUSE_OPENERS) && !compiled.exact.has(t1.kt + t2.kt);
  if (owners && (endsHere(it.end + 1) || aired) && verb?.type === "w" && !nv.blocked[it.start - 1]) {
    const by = owners.filter((o) => o.firstWords.has(verb.k) || o.firstWords.has(verb.kt));
    if (by.length === 1) return by[0]!.code;
  }
  // "2 lớp" (of "lớp tập huấn"): a counting noun heading one indicator's names, spelt as there
  const head = compiled.heads.get(t1.k);
  const plain = /^[a-z]+$/.test(t1.o.toLowerCase());
  if (head && endsHere(it.end + 1) && (plain || t1.o.toLowerCase() === head.written)) return head.code;
  return undefined;
}

/** A name matcher over the mentions the chain marked ("item" words), for the clause reader. */
const mentionIn =
  (toks: readonly Tok[], cls: readonly TokenClass[]) =>
  (i: number): NameMatch => {
    if (cls[i] !== "item" || toks[i]?.type !== "w" || cls[i - 1] === "item") return null;
    let e = i;
    while (cls[e] === "item" && toks[e]!.type === "w") e++;
    return { end: e, code: "" };
  };

/** "… 180 người pano không có ạ", dictated: a measure ends where another indicator's name starts right after it. */
function measureBeforeName(
  tk: Tokenised,
  nv: NonValues,
  compiled: CompiledIndicators,
  it: NumItem,
  next: Item | undefined,
): string | undefined {
  const t1 = tk.toks[it.end];
  if (t1?.type !== "w" || nv.blocked[it.end] || next?.kind !== "I" || next.start !== it.end + 1) return undefined;
  const one = compiled.measures.get(t1.k) ?? compiled.measures.get(t1.kt);
  return one !== next.code ? one : undefined;
}

/**
 * "176 (một trăm bảy mươi sáu) hội viên", "ba mươi (30) lượt": the figure written again in brackets (marked in
 * stage 2) is part of the number, so what it counts is read after the brackets; else `end`.
 */
function restatedEnd(tk: Tokenised, nv: NonValues, end: number): number {
  const { toks } = tk;
  if (toks[end]?.k !== "(" || !nv.transparent[end]) return end;
  let x = end + 1;
  while ((toks[x]?.type === "w" || toks[x]?.type === "n") && nv.transparent[x]) x++;
  return toks[x]?.k === ")" && nv.transparent[x] && x > end + 1 ? x + 1 : end;
}

/** Numbers and mentions in text order, and how every other token reads. */
function chainItems(
  tk: Tokenised,
  nv: NonValues,
  mentions: readonly Mention[],
  numbers: NumberReader,
): { items: Item[]; cls: TokenClass[] } {
  const { toks } = tk;
  const { blocked, transparent } = nv;
  const n = toks.length;
  const mentionAt = new Map<number, Mention>(mentions.map((m) => [m.start, m]));
  const items: Item[] = [];
  const cls: TokenClass[] = new Array<TokenClass>(n).fill("other");
  let firstInClause = true;
  let i = 0;
  while (i < n) {
    const t = toks[i]!;
    const product = nv.readings.get(i) ?? nv.arithmetic.products.get(i);
    if (product) {
      // "3 buổi x 4 tuần", a table row's villages: one number, the product or the sum
      items.push(numItem(i, product.end, product.value, false, false, firstInClause));
      firstInClause = false;
      for (let x = i; x < product.end; x++) cls[x] = "item";
      i = product.end;
      continue;
    }
    if (nv.breaks[i]) {
      cls[i] = "hard";
      firstInClause = true;
      i++;
      continue;
    }
    if (blocked[i]) {
      cls[i] = transparent[i] ? "filler" : "other";
      i++;
      continue;
    }
    if (isHard(t)) {
      cls[i] = "hard";
      firstInClause = true;
      i++;
      continue;
    }
    const m = mentionAt.get(i);
    if (m) {
      items.push(indItem(i, m.end, m.code, firstInClause));
      firstInClause = false;
      for (let x = i; x < m.end; x++) cls[x] = "item";
      i = m.end;
      continue;
    }
    const num = numbers.read(i, i > 0 && cls[i - 1] === "item");
    if (num) {
      const end = restatedEnd(tk, nv, num.end);
      if (isWordIn(toks[end], TIME_UNITS) && !blocked[end]) {
        // a duration: "6 tháng", "hai năm"
        for (let x = i; x <= end; x++) cls[x] = "other";
        i = end + 1;
        continue;
      }
      items.push(numItem(i, end, num.value, num.weak, num.bad, firstInClause));
      firstInClause = false;
      for (let x = i; x < end; x++) cls[x] = "item";
      i = end;
      continue;
    }
    // ("web trường 8 bài": the channel's owner stands between its name and the figure like a filler)
    const owner = isWordIn(t, CHANNEL_OWNERS) && cls[i - 1] === "item" && isWordIn(toks[i - 1], CHANNEL_NAMES);
    // ("1.000 bản tờ gấp": copies, right after their count, stand between it and the name like "cái")
    const copies = t.type === "w" && t.k === "ban" && items.at(-1)?.kind === "N" && items.at(-1)!.end === i;
    if (t.type === "w")
      cls[i] = FILLER_WORDS.has(t.k) || FILLER_WORDS.has(t.kt) || owner || copies ? "filler" : "other";
    else if (t.type === "p") cls[i] = "filler";
    else cls[i] = "other";
    i++;
  }
  return { items, cls };
}

/**
 * Two names in a row are one mention: the same indicator ("băng rôn, khẩu hiệu"); a post and its
 * channel ("bài viết trên fanpage" → the channel's indicator); a label and its complement
 * ("số người tham dự hội nghị: 210" → the head, people).
 */
function mergeMentions(tk: Tokenised, items: readonly Item[], cls: TokenClass[], compiled: CompiledIndicators): Item[] {
  const { toks } = tk;
  const merged: Item[] = [];
  items.forEach((it, idx) => {
    const last = merged[merged.length - 1];
    if (it.kind === "I" && last && last.kind === "I") {
      const gap: number[] = [];
      for (let x = last.end; x < it.start; x++) gap.push(x);
      const conjOnly = gap.every((x) => CONJ.has(toks[x]!.k) || CONJ.has(toks[x]!.kt));
      const code =
        last.code === it.code && conjOnly
          ? it.code
          : mergedCode(tk, cls, merged[merged.length - 2], last, it, items[idx + 1], gap, compiled);
      if (code) {
        for (const x of gap) cls[x] = "item";
        merged[merged.length - 1] = indItem(last.start, it.end, code, last.first);
        return;
      }
    }
    merged.push(copyItem(it));
  });
  return merged;
}

/** Measures that count times something was done ("lượt", "buổi", "lần"). */
const TIMES_MEASURES: ReadonlySet<string> = new Set(["luot", "buoi", "lan"]);

/** Whether an indicator is counted in times done ("Lượt phát thanh": lượt). */
function countsTimes(compiled: CompiledIndicators, code: string): boolean {
  for (const m of TIMES_MEASURES)
    if (compiled.measures.get(m) === code || compiled.shared.get(m)?.some((o) => o.code === code)) return true;
  return false;
}

/** Words opening a clause of their own between two names ("… nên …", "… nhưng …"). */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(["nen", "nhung"]);

/** The indicator of two names in a row read as one, or null when they are two mentions. */
function mergedCode(
  tk: Tokenised,
  cls: readonly TokenClass[],
  before: Item | undefined,
  a: IndItem,
  b: IndItem,
  after: Item | undefined,
  gap: readonly number[],
  compiled: CompiledIndicators,
): string | null {
  const { toks } = tk;
  // ("không tổ chức hội nghị nên người tham dự là 0": "nên", "nhưng" open another clause, naming no qualifier)
  if (
    gap.some(
      (x) => cls[x] === "hard" || CONJ.has(toks[x]!.k) || toks[x]!.type !== "w" || CLAUSE_OPENERS.has(toks[x]!.kt),
    )
  )
    return null;
  // "bài viết trên (trang) fanpage", "tin bài lên mạng xã hội"; but a thing counted by its own name on a
  // channel counted in times aired ("2 chuyên mục trên đài truyền thanh": programmes, not broadcasts)
  if (gap.length >= 1 && gap.length <= 3 && isWordIn(toks[gap[0]!], CHANNEL_PREPS)) {
    const own = toks
      .slice(a.start, a.end)
      .map((t) => t.k)
      .join("");
    if (compiled.measures.get(own) !== a.code || !countsTimes(compiled, b.code)) return b.code;
    // "Chuyên mục trên truyền thanh: 4 chuyên mục": the figure after it counts the head by its own name
    return after?.kind === "N" && measuredBy(tk, compiled, after.end) === a.code ? a.code : null;
  }
  if (gap.length > 3) return null;
  // a label's head: its value follows ("…: 210", "… là 85", "… 95"), and no number came before it
  if (!after || after.kind !== "N") return null;
  // "phát thanh tin CCHC 12 lượt": the figure's measure is one the head shares with others, never the
  // second name's: the second name says what was aired, a few words may follow it
  const m = toks[after.end];
  const owners = m?.type === "w" ? (compiled.shared.get(m.k) ?? compiled.shared.get(m.kt)) : undefined;
  const headsShared =
    gap.length === 0 &&
    !!owners?.some((o) => o.code === a.code) &&
    !owners.some((o) => o.code === b.code) &&
    after.start - b.end <= 5;
  // "số người dự hội nghị ngày 5/12 từ 120 thành 102": "số" opening the names says the first is counted, a
  // few words (a date, "từ" of a correction) may stand before its figure
  const counted = isWordIn(toks[a.start - 1], COUNT_WORDS);
  if (counted && after.start - b.end > 8) return null;
  for (let x = b.end; x < after.start; x++)
    if (cls[x] === "hard" || (cls[x] === "other" && !headsShared && !counted)) return null;
  if (before && before.kind === "N") {
    let sameClause = true;
    for (let x = before.end; x < a.start; x++) if (cls[x] === "hard") sameClause = false;
    if (sameClause) return null;
  }
  const colon = (() => {
    for (let x = b.end; x < after.start; x++) if (toks[x]!.k === ":" || toks[x]!.k === "la") return true;
    return false;
  })();
  // "người tham dự tập huấn 105 người": the figure's measure is the head's own
  const headsMeasure = m?.type === "w" && (compiled.measures.get(m.k) ?? compiled.measures.get(m.kt)) === a.code;
  return gap.length > 0 || counted || colon || headsMeasure || headsShared ? a.code : null;
}

/** Online places an officer posts "ở" (in): a group, a page, a channel ("3 bài ở nhóm zalo thôn"). */
const ONLINE_PLACES: ReadonlySet<string> = new Set(["nhom", "trang", "kenh"]);
/** Whether "ở" at token x introduces an online place, as "trên" does ("ở nhóm zalo", "ở trang fanpage"). */
const onlinePlaceAt = (toks: readonly Tok[], x: number): boolean =>
  toks[x]?.type === "w" && toks[x]!.k === "o" && isWordIn(toks[x + 1], ONLINE_PLACES);

/** Cost of pairing two neighbouring items, or null when they cannot pair. */
function edgeCost(tk: Tokenised, cls: readonly TokenClass[], a: Item, b: Item): number | null {
  const { toks } = tk;
  if (a.kind === b.kind) return null;
  if ((a.kind === "N" && a.bad) || (b.kind === "N" && b.bad)) return null;
  let fillers = 0;
  let others = 0;
  let colonAt = -1;
  let breaks = 0;
  let prepAt = -1;
  const gap: number[] = [];
  for (let x = a.end; x < b.start; x++) {
    if (cls[x] === "hard") return null;
    gap.push(x);
  }
  gap.forEach((x, idx) => {
    const t = toks[x]!;
    if (t.k === ":" || t.k === "=" || (t.type === "w" && t.k === "la")) colonAt = idx;
    if (cls[x] === "filler") fillers++;
    else others++;
    if (isWordIn(t, BREAK_WORDS)) breaks++;
    if (prepAt < 0 && (isWordIn(t, PREPS) || onlinePlaceAt(toks, x))) prepAt = idx;
  });
  let cost: number;
  if (a.kind === "N") {
    // number before the name: "12 pa nô", "12 cái pa nô", "5 bài trên fanpage"
    // ("phát 18 lượt băng rôn không treo thêm": a name said not done right after it opens that statement)
    if (saidNotDoneAfter(tk, b.end)) return null;
    // ("tin bai 10 | bai mxh 22 | ap phich: ko co": a cell's or an item's figure never counts the next one's name)
    if (gap.some((x) => toks[x]!.k === "|")) return null;
    // a figure right before a name binds tightest ("hội nghị có 120 người tham dự, …")
    if (others === 0) cost = fillers === 0 ? 0.95 : 1 + 0.1 * fillers;
    else if (
      prepAt > 0 &&
      colonAt < 0 &&
      gap.slice(0, prepAt).every((x) => cls[x] === "filler") &&
      gap.length - prepAt - 1 <= 2
    )
      cost = 3;
    else return null;
    if (a.weak) cost += 0.4;
    if (a.first) cost -= 0.3;
  } else {
    // name before the number: "pano: 12", "pa nô 12", "pa nô tuyên truyền: 12"
    const numB = b as NumItem;
    if (others === 0) cost = (colonAt >= 0 ? 0.5 : 1.2) + 0.1 * fillers;
    else if (colonAt >= 0 && others <= 6 && gap.slice(colonAt + 1).every((x) => cls[x] === "filler"))
      cost = 2 + 0.2 * others;
    else if (colonAt < 0 && others <= 3 && breaks === 0) cost = 3 + 0.3 * others;
    else return null;
    if (a.first) cost -= 0.3;
    if (numB.weak) cost += 0.4;
  }
  return cost;
}

/** Whether words other than fillers stand between two items. */
function wordsBetween(cls: readonly TokenClass[], a: Item, b: Item): boolean {
  for (let x = a.end; x < b.start; x++) if (cls[x] === "other") return true;
  return false;
}

/** Maximum-weight matching of neighbouring items on the chain. */
function bestPairs(
  tk: Tokenised,
  merged: readonly Item[],
  cls: readonly TokenClass[],
  measured: ReadonlyMap<Item, string>,
  claimed: ReadonlySet<Item>,
): Pair[] {
  const W = 1000;
  const m = merged.length;
  const best = new Float64Array(m + 1);
  const took = new Uint8Array(m + 1);
  for (let k = 2; k <= m; k++) {
    best[k] = best[k - 1]!;
    const a = merged[k - 2]!;
    const b = merged[k - 1]!;
    const other = a.kind === "I" ? measured.get(b) : undefined;
    let c =
      (other && other !== (a as IndItem).code && wordsBetween(cls, a, b)) || (a.kind === "I" && claimed.has(b))
        ? null
        : edgeCost(tk, cls, a, b);
    // "tin bài trên cổng 5 bài": where the name was posted between it and a figure counted by the name's own word
    if (c === null && a.kind === "I" && b.kind === "N" && !claimed.has(b) && qualifiedByPlace(tk, cls, a, b)) c = 3.5;
    if (c !== null && best[k - 2]! + W - c > best[k]!) {
      best[k] = best[k - 2]! + W - c;
      took[k] = 1;
    }
  }
  const pairs: Pair[] = [];
  for (let k = m; k >= 2; ) {
    if (took[k]) {
      const a = merged[k - 2]!;
      const b = merged[k - 1]!;
      if (a.kind === "N" && b.kind === "I") pairs.push(pairUp(a, b, true));
      else if (a.kind === "I" && b.kind === "N") pairs.push(pairUp(b, a, false));
      k -= 2;
    } else k -= 1;
  }
  return pairs.reverse();
}
