/**
 * Stage 5 of the report parser: apply totals, "thêm" and arithmetic, and combine the values read
 * for each indicator. An explicit total ("tổng", "tổng cộng", "tổng số", "cộng", "tất cả", or the
 * result of "= 36") wins over its parts and is not a conflict; a total with no name counts for the
 * name before it ("tin bài: … , tổng số 9"). "thêm"/"nữa"/"bổ sung"/"+"/"Ngoài ra" add to what was said;
 * different plain values are a conflict. Figures that are parts of a total (before it in the same
 * sentence, after "trong đó", or in brackets right after a value) are neither values nor unclear.
 */

import { inItemsApart, itemTotal } from "./list-items.js";
import type { NonValues } from "./non-values.js";
import { countsOtherThing } from "./other-things.js";
import type { Item, NumItem, Pair, Pairing, TokenClass } from "./pairing.js";
import { channelBefore, recipientsAt } from "./recipients.js";
import { isWordIn, type Tok, type Tokenised } from "./tokens.js";
import { DAY_PARTS, PERIOD_WORDS } from "./vocabulary.js";

export interface Combined {
  values: Record<string, number>;
  conflicts: { code: string; values: number[] }[];
  /** Token ranges (inclusive) to quote as unclear. */
  unclear: [number, number][];
  /** Indicators whose value is a running total ("lũy kế 78 lượt" said with nothing else for them), when any. */
  running?: string[];
  /** Indicators whose every figure is said as more ("thêm 1 hội nghị … 60 người dự"): more than reported before. */
  additions?: string[];
}

interface Entry {
  value: number;
  additive: boolean;
  total: boolean;
  /** Token where the figure stands. */
  at: number;
  /** A corrected figure: the last one wins over everything else said for the indicator. */
  final: boolean;
  /** A cumulative figure or one of a part of the period: a value only when nothing else is said. */
  fallback: boolean;
  /** A running total (a fallback that is no part of the period). */
  running: boolean;
  /** Said without a figure (a stated zero, one gathering held): its value only when nothing else is said. */
  implied: boolean;
  /** Said as more than before ("treo thêm 2", "2 cái nữa", after "thêm 1 …" in its sentence). */
  more: boolean;
}

/**
 * What the stages around the pairing learnt about figures, by the token where each number starts
 * (corrections, period qualifiers, stated zeros).
 */
export interface FigureRoles {
  /** Corrected figures: for each indicator the last one wins over all others. */
  final: ReadonlySet<number>;
  /** Figures a correction replaced: neither values, nor conflicts, nor unclear. */
  superseded: ReadonlySet<number>;
  /**
   * Figures that count only when nothing else is said for their indicator: cumulative ones ("lũy kế
   * 30", "từ đầu năm đến nay 30") and those of a part of the report's period ("riêng quý II: 8").
   */
  fallback: ReadonlySet<number>;
  /** The fallback figures that are running totals ("lũy kế", "từ đầu năm", "cả năm"), not parts of the period. */
  running: ReadonlySet<number>;
  /** Totals stated in words the pairing does not see ("nâng tổng số … lên 14", "Cộng quý I: 9"). */
  totals: ReadonlySet<number>;
  /** Indicators given to numbers that have no name of their own ("pa nô 12, à em nhầm, 14"). */
  owners: ReadonlyMap<number, string>;
  /** Numbers that are parts of another figure (a week inside a stated month): neither values nor unclear. */
  parts: ReadonlySet<number>;
  /** Stated zeros ("chưa treo pa nô nào"): 0 when nothing else is said for the indicator. */
  zeros: readonly { code: string; at: number }[];
  /** One gathering said to be held with no count ("xã tổ chức hội nghị với 120 đại biểu"): 1 when nothing else is said. */
  held: readonly { code: string; at: number }[];
}

/** No roles: what a pipeline without the corrections, periods and zeros stages reads. */
export const NO_ROLES: FigureRoles = {
  final: new Set(),
  superseded: new Set(),
  fallback: new Set(),
  running: new Set(),
  totals: new Set(),
  owners: new Map(),
  parts: new Set(),
  zeros: [],
  held: [],
};

/**
 * Roles from several stages in one (sets and maps joined; a later stage's owner wins).
 * @example mergeRoles({ final: new Set([4]) }, { zeros: [{ code: "pano", at: 0 }] }).final.has(4) // true
 */
export function mergeRoles(...parts: readonly Partial<FigureRoles>[]): FigureRoles {
  const set = (k: "final" | "superseded" | "fallback" | "running" | "totals" | "parts") =>
    new Set(parts.flatMap((p) => [...(p[k] ?? [])]));
  const owners = new Map<number, string>();
  for (const p of parts) for (const [k, v] of p.owners ?? []) owners.set(k, v);
  const superseded = set("superseded");
  const final = new Set([...set("final")].filter((x) => !superseded.has(x)));
  return {
    final,
    superseded,
    fallback: set("fallback"),
    running: set("running"),
    totals: set("totals"),
    owners,
    parts: set("parts"),
    zeros: parts.flatMap((p) => p.zeros ?? []),
    held: parts.flatMap((p) => p.held ?? []),
  };
}

const SENTENCE_ENDS: ReadonlySet<string> = new Set([".", ";", "!", "?", "\n"]);
/** Words between a total word and its figure ("tổng cộng là 11", "tất cả có 30"). */
const TOTAL_GLUE: ReadonlySet<string> = new Set([":", "la", "co", "duoc", "dat"]);

/**
 * Combines paired values per indicator, in the task's indicator order, and decides which
 * leftover numbers are totals, parts or unclear.
 * @example combineValues(tk, nonValues, pairing, ["tin_bai"]).values // { tin_bai: 11 } for "thêm 4 tin bài nữa, tổng cộng là 11 tin bài"
 */
export function combineValues(
  tk: Tokenised,
  nv: NonValues,
  pairing: Pairing,
  order: readonly string[],
  roles: FigureRoles = NO_ROLES,
  measures?: ReadonlyMap<string, string>,
  words?: ReadonlySet<string>,
  reportMonths?: number,
  names?: { measures: ReadonlySet<string>; heads: ReadonlyMap<string, unknown> },
): Combined {
  const { cls } = pairing;
  const sentence = sentenceIds(tk);
  const out: Combined = { values: {}, conflicts: [], unclear: [] };
  const entries = new Map<string, Entry[]>();
  const add = (code: string, e: Entry): void => {
    const list = entries.get(code) ?? [];
    list.push(e);
    entries.set(code, list);
  };
  const partials: { code: string; range: [number, number] }[] = [];

  const shareOfRunningTotal = (p: Pairing["pairs"][number]): boolean => {
    if (roles.fallback.has(p.num.start)) return false;
    const share = periodShare(tk, p.num.start, sentence);
    if (!share && !periodBracketAround(tk, p.num.start)) return false;
    const before = (at: number): boolean =>
      at < p.num.start && sentence[at] === sentence[p.num.start] && roles.fallback.has(at);
    // ("năm 2026 tổ chức 22 buổi, trong đó quý IV là 6 buổi với 280 lượt hội viên": the people of the share too,
    // and a running total read with no name)
    return (
      pairing.pairs.some((q) => (q.ind.code === p.ind.code || share) && before(q.num.start)) ||
      (share && pairing.unplaced.some((u) => before(u.start)))
    );
  };
  // A total with no name: "…, tổng số 9", "= 36" — for the name before it in the sentence;
  // a figure a stage gave an owner ("à em nhầm, 14"); a cumulative one for the name before it.
  const leftovers: NumItem[] = [];
  const unnamedTotals = new Map<number, number>();
  // "… treo thêm 15 cái": one more of its owner, counted in a classifier or the owner's own measure
  const oneMore = (num: NumItem, owner: string): boolean => {
    const w = tk.toks[num.end];
    return w?.type === "w" && saysMore(tk, num) && (CLASSIFIERS.has(w.kt) || measures?.get(w.kt) === owner);
  };
  const c: CombineScan = {
    tk,
    nv,
    pairing,
    cls,
    roles,
    measures,
    sentence,
    entries,
    partials,
    add,
    shareOfRunningTotal,
    leftovers,
    unnamedTotals,
    oneMore,
  };
  for (const p of pairing.pairs) placePair(c, p);
  for (const num of pairing.unplaced) placeUnplaced(c, num);
  sittingsOfMeetings(tk, nv, pairing, leftovers, sentence, measures, entries, (code, num, more) =>
    add(code, figureEntry(roles, num.value, more, false, num.start, more)),
  );
  for (const z of roles.zeros) add(z.code, entry(0, false, false, z.at, false, false, false, true, false));
  for (const h of roles.held) add(h.code, entry(1, false, false, h.at, false, false, false, true, false));

  // Parts of a stated total, or of a figure broken down after "trong đó", are not unclear.
  // (plain loops here: filter-then-map over lists that are empty or not made the optimised combineValues
  // be thrown away on long messages, "wrong map", round after round)
  const totalsAt: number[] = [];
  const statedSums = new Set<number>();
  for (const list of entries.values())
    for (let x = 0; x < list.length; x++)
      if (list[x]!.total) {
        totalsAt.push(list[x]!.at);
        statedSums.add(list[x]!.value);
      }
  // values: the pairs, and the figures a correction gave an owner ("→ 15 (bổ sung 3 cái)")
  const pairEnds: number[] = [];
  for (let x = 0; x < pairing.pairs.length; x++)
    pairEnds.push(Math.max(pairing.pairs[x]!.num.end, pairing.pairs[x]!.ind.end));
  for (let x = 0; x < pairing.unplaced.length; x++)
    if (roles.owners.has(pairing.unplaced[x]!.start)) pairEnds.push(pairing.unplaced[x]!.end);
  const isPart = (at: number): boolean =>
    totalsAt.some((t) => t > at && sentence[t] === sentence[at]) ||
    afterBreakdown(tk, at, sentence) ||
    inBracketsAfterValue(tk, at, pairEnds);
  // "thôn 3 riêng phát 120 tờ trong số đó": a leftover, with its measure, closed by "trong số đó" beside a value
  const closedAsPart = (end: number): boolean =>
    entries.size > 0 && (breakdownAfter(tk, end) || breakdownAfter(tk, end + 1));
  // "đợt 1: 400, đợt 2: 350 tờ. tổng 750 tờ": parts summed in stage 2 that a stated total repeats are no question
  const summedAndStated = (num: NumItem): boolean =>
    nv.readings.has(num.start) && statedSums.has(nv.readings.get(num.start)!.value);
  // "bài trên web xã 6 tin, trên trang tỉnh 0": a zero left after a figure read in its sentence is a part
  // that adds nothing, no question
  const zeroPart = (num: NumItem): boolean =>
    num.value === 0 &&
    pairing.pairs.some((p) => p.num.start < num.start && sentence[p.num.start] === sentence[num.start]);
  // "nhắn tin Zalo cho 230 hộ, … đăng 2 bài lên nhóm Zalo": whom a channel reached, its own figure given
  const reachedByCounted = (start: number, end: number): boolean => {
    if (entries.size === 0 || !recipientsAt(tk, start, end)) return false;
    const channel = channelBefore(tk, pairing.items, start);
    return channel !== undefined && entries.has(channel);
  };
  const nameStarts = new Set<number>();
  const namedSentences = new Set<number>();
  for (const it of pairing.items)
    if (it.kind === "I") {
      nameStarts.add(it.start);
      namedSentences.add(sentence[it.start]!);
    }
  const nameWords = names && { ...names, nameAt: (i: number) => nameStarts.has(i) };
  for (const num of leftovers)
    if (
      !isPart(num.start) &&
      !closedAsPart(num.end) &&
      !summedAndStated(num) &&
      !zeroPart(num) &&
      !reachedByCounted(num.start, num.end) &&
      // beside figures read; a message's only number is still asked about
      !(words && entries.size > 0 && countsOtherThing(tk, num.end, words, nameWords)) &&
      !(
        entries.size > 0 &&
        !roles.running.has(num.start) &&
        backgroundSentence(tk, num.start, sentence, namedSentences)
      )
    )
      out.unclear.push([num.start, num.end - 1]);
  for (const { code, range } of partials) if (!entries.has(code)) out.unclear.push(range);
  // "mỗi bài kèm 3-4 ảnh": a vague count of another thing, beside a figure read, is context like an exact one
  const otherRange = (a: number, b: number): boolean =>
    words !== undefined &&
    entries.size > 0 &&
    b === a + 2 &&
    tk.toks[a]?.type === "n" &&
    tk.toks[b]?.type === "n" &&
    RANGE_SIGNS.has(tk.toks[a + 1]!.k) &&
    countsOtherThing(tk, b + 1, words, nameWords);
  const stageTwo = nv.unclear.filter(([a, b]) => !isPart(a) && !reachedByCounted(a, b + 1) && !otherRange(a, b));
  out.unclear.unshift(...stageTwo);

  const codes = [...entries.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const code of codes)
    combineOne(code, labelledParts(tk, nv, entries.get(code)!, sentence, reportMonths === 3), out);
  // "…, còn ở trụ sở 2 cái nữa. tổng 17 cái": a total of no name that sums up a value read is no question
  if (unnamedTotals.size) {
    const read = new Set(Object.values(out.values));
    out.unclear = out.unclear.filter(([a]) => !read.has(unnamedTotals.get(a) ?? Number.NaN));
  }
  return out;
}

/** What combineValues' stages share: the message, its pairs and roles, and the entries so far. */
interface CombineScan {
  tk: Tokenised;
  nv: NonValues;
  pairing: Pairing;
  cls: Pairing["cls"];
  roles: FigureRoles;
  measures: ReadonlyMap<string, string> | undefined;
  sentence: Int32Array;
  entries: Map<string, Entry[]>;
  partials: { code: string; range: [number, number] }[];
  add: (code: string, e: Entry) => void;
  shareOfRunningTotal: (p: Pair) => boolean;
  leftovers: NumItem[];
  unnamedTotals: Map<number, number>;
  oneMore: (num: NumItem, owner: string) => boolean;
}

/** A name-and-figure pair: its entry for the indicator, or a part of a figure (a breakdown) left for later. */
function placePair(c: CombineScan, p: Pair): void {
  const { tk, nv, pairing, cls, roles, measures, sentence, partials, add, shareOfRunningTotal } = c;
  if (roles.superseded.has(p.num.start) || roles.parts.has(p.num.start)) return;
  // "36 lượt (gồm 24 lượt tin CCHC và 12 lượt …)": the parts of the figure before the bracket
  if (inBreakdownBracket(tk, p.num.start)) return;
  const s = Math.min(p.num.start, p.ind.start);
  const e = Math.max(p.num.end, p.ind.end);
  const around = contextWords(tk, cls, s, e);
  if (
    !roles.final.has(p.num.start) &&
    // "từ đầu năm 40 băng rôn, trong đó quý IV 11": this period's share of a running total is its figure
    !shareOfRunningTotal(p) &&
    (around.before.includes(" trong do ") ||
      around.before.includes(" trong so do ") ||
      breakdownAfter(tk, e) ||
      partOfFigureBefore(tk, pairing.pairs, p, sentence) ||
      bracketAfterValueOf(tk, s, pairing.pairs) === p.ind.code ||
      // "38 hội nghị với 2.915 người (tháng 11: 30 cuộc, 2.280 người; …)": a breakdown of the values before it
      bracketAfterValuesIn(tk, s, pairing.pairs, sentence, p.ind.code))
  ) {
    partials.push({ code: p.ind.code, range: [s, e - 1] });
    return;
  }
  const additive =
    besidesInSentence(tk, s, sentence) ||
    besidesInClause(tk, s, sentence) ||
    nv.arithmetic.addends.has(p.num.start) ||
    around.inside.includes(" them ") ||
    around.before.includes(" them ") ||
    around.before.includes(" bo sung ") ||
    restBefore(tk, s) ||
    around.after.includes(" nua ") ||
    joinedToProduct(tk, nv, pairing, p, sentence);
  const total =
    roles.totals.has(p.num.start) ||
    nv.arithmetic.results.has(p.num.start) ||
    statesTotal(tk, s) ||
    around.before.includes(" tong ") ||
    around.inside.includes(" tong ") ||
    around.before.includes(" tat ca ");
  const more = saysMore(tk, p.num) || moreInSentence(tk, p.num, sentence);
  // "cộng thêm 1 lớp cho cán bộ thôn 28 người": the people of the one more gathering are more people too
  const morePeople = more && p.ind.code === measures?.get("nguoi") && sittingsAfterMore(tk, p.num, sentence);
  add(p.ind.code, figureEntry(roles, p.num.value, additive || morePeople, total, p.num.start, more));
}

/** A figure with no name paired: the owner a stage gave it, a total's or a running total's indicator, or a leftover. */
function placeUnplaced(c: CombineScan, num: NumItem): void {
  const { tk, nv, pairing, roles, measures, sentence, entries, add, leftovers, unnamedTotals, oneMore } = c;
  if (roles.superseded.has(num.start) || roles.parts.has(num.start)) return;
  const given = roles.owners.get(num.start);
  if (given) {
    const more = oneMore(num, given);
    add(given, figureEntry(roles, num.value, more, false, num.start, more));
    return;
  }
  const stated = roles.totals.has(num.start);
  const summed = sumAfterMore(tk, pairing, entries, num, sentence);
  const isTotal = stated || nv.arithmetic.results.has(num.start) || statesTotal(tk, num.start) || summed.length > 0;
  // ("3 thôn x 3 cái = 9 cái, cộng thêm 2 cái … là 11 cái": a product's result is a part of the sum)
  for (const e of summed) e.total = false;
  // "pano 2, băng rôn 4. Tổng cộng 6 sản phẩm": a stated sum over the indicators read before it, no figure
  if (isTotal && sumsFiguresBefore(pairing, num)) return;
  let owner = isTotal || roles.fallback.has(num.start) ? nameBefore(pairing.items, num, sentence) : undefined;
  // "pano thôn 1: 2, thôn 2: 1, thôn 3: 3": a place's figure after the first place's, in its sentence
  // ("bai mxh 25 (fb 18, tiktok 7)": not inside a bracket breaking down the value before it: a part of it)
  if (!owner && !isTotal) owner = periodShareOfRunningTotal(tk, num.start, pairing.pairs, roles.fallback);
  if (!owner && !isTotal && bracketAfterValueOf(tk, num.start, pairing.pairs)) return;
  if (!owner && !isTotal) owner = placeListOwner(tk, nv, pairing, num, sentence);
  // a stated total or a cumulative figure on a line of its own ("lũy kế 5"): the one indicator named above
  // "Pano: kỳ này 11 cái; lũy kế 23": a cumulative figure in a clause of its own is its line's indicator's
  if (!owner && roles.fallback.has(num.start)) owner = nameOnLine(tk, pairing.items, num);
  if (!owner && (stated || roles.fallback.has(num.start))) owner = nameAbove(pairing.items, num);
  const m = tk.toks[num.end];
  // "phát thanh 60 lượt là số cả năm, quý 4 chỉ 18 lượt": this period's figure in the measure of a running
  // total read in its sentence is that indicator's
  if (!owner && !isTotal && !roles.fallback.has(num.start) && m?.type === "w")
    owner = pairing.pairs.find(
      (p) =>
        roles.fallback.has(p.num.start) &&
        sentence[p.num.start] === sentence[num.start] &&
        // ("… 60 băng rôn, còn tháng 12 này thì 15 cái": or in a classifier any thing is counted in)
        (tk.toks[p.num.end]?.kt === m.kt || CLASSIFIERS.has(m.kt)),
    )?.ind.code;
  if (!owner && !isTotal && !roles.fallback.has(num.start)) owner = thisPeriodOfRunningTotal(c, num);
  // "tuần này 5 lượt, từ đầu quý đến nay 70 lượt": the period's total in the measure of a part of it read in
  // its sentence is that indicator's
  if (!owner && roles.totals.has(num.start) && m?.type === "w")
    owner = pairing.pairs.find(
      (p) =>
        roles.fallback.has(p.num.start) &&
        // ("…: 3 buổi; riêng quý IV: 2 buổi": or of a running total read before it)
        (roles.running.has(p.num.start) ? p.num.start < num.start : sentence[p.num.start] === sentence[num.start]) &&
        tk.toks[p.num.end]?.kt === m.kt,
    )?.ind.code;
  // "tháng 10: 93 lượt, tháng 11: 90 lượt; tổng quý IV: 198 lượt": a stated total in the measure of the parts
  // read just before it is their indicator's
  if (!owner && stated && m?.type === "w") {
    const code = lastPairIn(tk, pairing.pairs, num, m.kt);
    const parts = pairing.pairs.filter((p) => p.ind.code === code && p.num.start < num.start);
    if (parts.length > 0 && parts.every((p) => roles.parts.has(p.num.start))) owner = code;
  }
  // "lũy kế 5 tháng 6 cuộc": a cumulative figure with a measure only one indicator has
  if (!owner && roles.fallback.has(num.start) && m?.type === "w") owner = measures?.get(m.kt);
  // "phat thanh 10 luot\n(quy IV den nay 95 luot)": in the measure of the figure read just before, its indicator's
  if (!owner && roles.fallback.has(num.start) && m?.type === "w") owner = lastPairIn(tk, pairing.pairs, num, m.kt);
  // "từ đầu năm tuyên truyền 64 buổi, quý IV 18 buổi": in the measure of this period's figure read after it in its
  // sentence
  if (!owner && roles.fallback.has(num.start) && m?.type === "w")
    owner = pairing.pairs.find(
      (p) =>
        p.num.start > num.start &&
        !roles.fallback.has(p.num.start) &&
        sentence[p.num.start] === sentence[num.start] &&
        tk.toks[p.num.end]?.kt === m.kt,
    )?.ind.code;
  // "…, mỗi thôn 2 cái, riêng thôn A treo thêm 1 cái nữa": one more of the thing named before in the
  // sentence, in a classifier or its own measure, adds to it
  let added = false;
  if (!owner && !isTotal && !roles.fallback.has(num.start) && m?.type === "w" && saysMore(tk, num)) {
    const before = nameBefore(pairing.items, num, sentence);
    // ("dán 20 tờ áp phích, cộng thêm 6 tờ ở UBND": or in the measure a figure of it was said in, shared or not)
    const saidIn = (code: string) => pairing.pairs.some((p) => p.ind.code === code && tk.toks[p.num.end]?.kt === m.kt);
    if (before && (CLASSIFIERS.has(m.kt) || measures?.get(m.kt) === before || saidIn(before))) {
      owner = before;
      added = true;
    }
  }
  // ("tháng 10 treo 20 băng rôn, tháng 11 treo thêm 15 cái": owned as a part's figure, still one more)
  if (owner && !added && !isTotal && !roles.running.has(num.start)) added = oneMore(num, owner);
  if (owner) add(owner, figureEntry(roles, num.value, added, isTotal, num.start, added));
  else {
    leftovers.push(num);
    if (isTotal) unnamedTotals.set(num.start, num.value);
  }
}

/** Words that may stand between this period's words and its figure ("kỳ này là 0", "quý này được 3"). */
const THIS_PERIOD_GLUE: ReadonlySet<string> = new Set(["la", "duoc", "dc", "co", "chi"]);

/**
 * "pano lũy kế 9 cái, kỳ này 0 vì chưa có kinh phí": a bare figure right after this period's words ("kỳ này",
 * "quý này") in the sentence of one indicator's running total read before it is that indicator's.
 */
function thisPeriodOfRunningTotal(c: CombineScan, num: NumItem): string | undefined {
  const { tk, pairing, roles, sentence } = c;
  const { toks } = tk;
  let b = num.start - 1;
  if (isWordIn(toks[b], THIS_PERIOD_GLUE)) b--;
  if (toks[b]?.kt !== "nay" || !isWordIn(toks[b - 1], PERIOD_WORDS)) return undefined;
  const codes = new Set<string>();
  for (const p of pairing.pairs)
    if (roles.running.has(p.num.start) && p.num.start < num.start && sentence[p.num.start] === sentence[num.start])
      codes.add(p.ind.code);
  return codes.size === 1 ? [...codes][0] : undefined;
}

/**
 * "tập huấn cho 60 cán bộ thôn (…) 1 buổi", "số buổi: 17 buổi": the one count of sittings left without a name, in a
 * message whose attendees are read and whose meetings are not, is the meetings' (a broadcast has no people),
 * unless another indicator is named in its sentence. Taken out of `leftovers`.
 */
function sittingsOfMeetings(
  tk: Tokenised,
  nv: NonValues,
  pairing: Pairing,
  leftovers: NumItem[],
  sentence: Int32Array,
  measures: ReadonlyMap<string, string> | undefined,
  entries: ReadonlyMap<string, Entry[]>,
  add: (code: string, num: NumItem, more: boolean) => void,
): void {
  const events = measures?.get("cuoc");
  const attendees = measures?.get("nguoi");
  // ("2 lớp x 35 ng, cộng thêm 1 lớp … 28 ng": meetings said only as more leave the sittings before them the base)
  if (!events || !attendees || !entries.has(attendees)) return;
  const eventsRead = !(entries.get(events)?.every((e) => e.additive && e.more) ?? true);
  // the gathering or its people named in the count's sentence, or its sittings in the people's ("tham dự các buổi …")
  const inSentence = (code: string, n: NumItem): boolean =>
    pairing.items.some((it) => it.kind === "I" && it.code === code && sentence[it.start] === sentence[n.start]);
  const sittingsOfPeople = (word: string): boolean =>
    pairing.pairs.some(
      (p) =>
        p.ind.code === attendees &&
        tk.toks.some((t, x) => sentence[x] === sentence[p.num.start] && t.type === "w" && t.kt === word),
    );
  let found = leftovers.filter((n) => {
    const unit = tk.toks[n.end];
    return (
      unit?.type === "w" &&
      MORE_SITTINGS.has(unit.kt) &&
      !DAY_PARTS.has(tk.toks[n.end + 1]?.kt ?? "") &&
      Number.isInteger(n.value) &&
      !broadcastBefore(tk.toks, n.start) &&
      // (or a row's or field's own figure: "Sinh hoạt chi hội lồng ghép | 7 buổi")
      (inSentence(events, n) ||
        inSentence(attendees, n) ||
        sittingsOfPeople(unit.kt) ||
        tk.toks[n.start - 1]?.k === "|" ||
        tk.toks[n.start - 1]?.k === ":") &&
      !pairing.items.some(
        (it) =>
          it.kind === "I" && it.code !== events && it.code !== attendees && sentence[it.start] === sentence[n.start],
      )
    );
  });
  // ("3 lớp x 30 người, cộng thêm 1 lớp …": the sittings and one more of them, added)
  const more = found.filter((n) => saysMore(tk, n));
  if (eventsRead || found.length - more.length !== 1 || more.some((n) => n.start < found[0]!.start)) {
    const listed = more.length === 0 ? listedSittings(tk, nv, found, entries.get(events) ?? [], sentence) : undefined;
    if (!listed) return;
    found = listed;
  }
  for (const n of found) {
    add(events, n, more.includes(n));
    leftovers.splice(leftovers.indexOf(n), 1);
  }
}

/**
 * "- Tổ chức 02 hội nghị …\n- Hội Người cao tuổi tổ chức 03 buổi nói chuyện …, 210 hội viên dự": counts of sittings
 * each in a list item of its own, apart from the meetings read, are more meetings (undefined when not so listed).
 */
function listedSittings(
  tk: Tokenised,
  nv: NonValues,
  found: NumItem[],
  meetings: readonly Entry[],
  sentence: Int32Array,
): NumItem[] | undefined {
  if (found.length === 0 || found.length + meetings.length < 2) return undefined;
  const ats = [...found.map((n) => n.start), ...meetings.map((e) => e.at)];
  return inItemsApart(tk, nv, ats) || placesApart(tk.toks, ats, sentence) ? found : undefined;
}

/** Whether the figures at `ats` stand on one line, each said for a place of its own ("… tại các thôn …; 2 buổi tại Trường …"). */
function placesApart(toks: readonly Tok[], ats: readonly number[], sentence: Int32Array): boolean {
  const first = Math.min(...ats);
  for (let x = first; x < Math.max(...ats); x++) if (toks[x]!.type === "nl") return false;
  const labels = ats.map((at) => whereAfter(toks, at) ?? whereBeforeInSentence(toks, at, sentence));
  return labels.every((l) => l !== null) && new Set(labels).size === labels.length;
}

/** Signs between the ends of a range ("3-4 ảnh", "10~12"). */
const RANGE_SIGNS: ReadonlySet<string> = new Set(["-", "~", "–"]);

/** Whether a broadcast's words ("phát", "đài", "loa") stand in the clause before token `at` ("đài xã phát 24 buổi"). */
function broadcastBefore(toks: readonly Tok[], at: number): boolean {
  for (let x = at - 1; x >= 0 && x >= at - 10 && !PART_CLAUSE_ENDS.has(toks[x]!.k); x--)
    if (toks[x]!.type === "w" && BROADCAST_WORDS.has(toks[x]!.kt)) return true;
  return false;
}
const BROADCAST_WORDS: ReadonlySet<string> = new Set(["phat", "dai", "loa"]);

/** Whether a number is the sum of the figures of two or more indicators paired before it. */
function sumsFiguresBefore(pairing: Pairing, num: NumItem): boolean {
  const before = pairing.pairs.filter((p) => p.num.end <= num.start);
  if (new Set(before.map((p) => p.ind.code)).size < 2) return false;
  return before.reduce((sum, p) => sum + p.num.value, 0) === num.value;
}

/**
 * Labels of the parts of a whole ("lớp 1 …, lớp 2 …", "thôn 3: …"), and times of day ("sáng …, chiều
 * …"); ordinals after "thứ" too ("hội nghị thứ nhất …, hội nghị thứ hai …").
 */
const PART_LABELS: ReadonlySet<string> = new Set([
  "thon",
  "tdp",
  "xom",
  "lop",
  "dot",
  "to",
  "khu",
  "doi",
  "ban",
  "ap",
  "lang",
  "cum",
  "diem",
  "khoi",
  "buoi",
  // days of a campaign ("ngày đầu 3 lượt, ngày sau 2 lượt", "hôm đầu …, hôm sau …")
  "ngay",
  "hom",
  // months only as the three of one quarter (`wholeQuarter`)
  "thang",
]);
/** Words before a road's name ("tuyến Quang Trung", "đường Lê Lợi"). */
const ROAD_HEADS: ReadonlySet<string> = new Set(["tuyen", "duong", "pho"]);
/** Last words of places of several words before their number ("tổ dân phố 12", "khu dân cư số 3"). */
const PLACE_NUMBER_WORDS: ReadonlySet<string> = new Set(["pho", "cu", "so"]);
/** Channels one indicator's posts are split over ("fanpage 10 bài, zalo 7 bài" = 17). */
const CHANNELS: ReadonlySet<string> = new Set(["fanpage", "facebook", "fb", "zalo", "tiktok", "youtube", "website"]);
/** Ordinal words after "thứ" ("thứ nhất", "thứ hai"). */
const ORDINALS: ReadonlySet<string> = new Set(["nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi"]);
const PART_CLAUSE_ENDS: ReadonlySet<string> = new Set([",", ";", ".", "!", "?", "(", ")", "\n"]);

/**
 * The indicator of a nameless figure said for a place ("thôn 2: 1") when the figure of the indicator named
 * before it in its sentence is said for another place of the same kind ("pano thôn 1: 2, thôn 2: 1").
 */
function placeListOwner(
  tk: Tokenised,
  nv: NonValues,
  pairing: Pairing,
  num: NumItem,
  sentence: Int32Array,
): string | undefined {
  const label = partLabel(tk, nv, num.start);
  if (!label || DAY_PARTS.has(label)) return undefined;
  const kind = label.split(" ")[0];
  // ("xóm Chiềng 52 người, xóm Mù 47": the last other place's figure before it in the list, whatever named it)
  let last: Pair | undefined;
  for (const p of pairing.pairs) {
    if (p.num.start > num.start || sentence[p.num.start] !== sentence[num.start]) continue;
    const other = partLabel(tk, nv, p.num.start);
    if (other && other !== label && other.split(" ")[0] === kind && (!last || p.num.start > last.num.start)) last = p;
  }
  if (last) return last.ind.code;
  // ("thôn Ca 52, thôn Giữa 47, thôn Cuối 41 người": the list's last figure says the measure of them all)
  let next: Pair | undefined;
  for (const p of pairing.pairs) {
    if (p.num.start < num.start || sentence[p.num.start] !== sentence[num.start]) continue;
    if (!p.numFirst || p.ind.start !== p.num.end || p.ind.end !== p.num.end + 1) continue;
    const other = partLabel(tk, nv, p.num.start);
    if (other && other !== label && other.split(" ")[0] === kind && (!next || p.num.start < next.num.start)) next = p;
  }
  return next?.ind.code;
}

/** The part a figure is said for ("lớp 2 có 52" → "lop 2", "02 tin trên Báo …" → "tren bao"), or null. */
function partLabel(tk: Tokenised, nv: NonValues, at: number): string | null {
  return labelBefore(tk, nv, at) ?? lineLabel(tk, nv, at) ?? postedOn(tk.toks, at);
}

/**
 * "thôn 2: bang ron 3, hop 1 buoi 61ng": a place named before a colon opening the figure's line labels every
 * figure of the line (one line per village), or null.
 */
function lineLabel(tk: Tokenised, nv: NonValues, at: number): string | null {
  const { toks } = tk;
  let s = at;
  while (s > 0 && toks[s - 1]!.type !== "nl") if (--s < at - 40) return null;
  if (toks[s]?.k === "-" || toks[s]?.k === "+") s++;
  const head = toks[s];
  if (head?.type !== "w" || !PART_LABELS.has(head.kt) || head.kt === "thang") return null;
  for (let x = s + 1; x < at && x <= s + 4; x++) {
    if (toks[x]!.k !== ":") continue;
    if (x === s + 1) return null;
    const numbered = toks[s + 1]!.type === "n" && nv.blocked[s + 1];
    // ("thôn Trung Hòa gửi: …": with marks, a name is capitalised; a verb ends no name)
    const named =
      namedPart(toks, s + 1, x) && (!tk.accented || toks.slice(s + 1, x).every((w) => /^\p{Lu}/u.test(w.o)));
    if (!numbered && !named) return null;
    return numbered
      ? `${head.kt} ${toks[s + 1]!.k}`
      : toks
          .slice(s, x)
          .map((w) => w.kt)
          .join(" ");
  }
  return null;
}

/** Words of a figure's posting place after it ("02 tin đăng trên Báo …", "01 tin lên Cổng …"). */
const POSTED_ON: ReadonlySet<string> = new Set(["tren", "len"]);

/**
 * "02 tin đăng trên Báo Cần Thơ và 01 tin trên Cổng TTĐT": the place a figure was posted on, said right after
 * the figure and its measure, labels its part ("tren bao", "tren cong"), or null.
 */
function postedOn(toks: readonly Tok[], at: number): string | null {
  if (toks[at]?.type !== "n") return null;
  let x = at + 1;
  while (toks[x]?.type === "n" || (toks[x]?.k === "." && toks[x + 1]?.type === "n")) x++;
  for (const end = x + 3; x < end && toks[x]?.type === "w" && !POSTED_ON.has(toks[x]!.kt); ) x++;
  const place = toks[x + 1];
  return isWordIn(toks[x], POSTED_ON) && place?.type === "w" ? `tren ${place.kt}` : null;
}

/** The part a figure is said for, from the start of its clause, or null. */
function labelBefore(tk: Tokenised, nv: NonValues, at: number): string | null {
  const { toks } = tk;
  // "thôn Đông (10 cái), thôn Tây (8 cái)": the place's figure in brackets after its name
  if (toks[at - 1]?.k === "(" && toks[at - 2]?.type === "w") {
    at--;
    // "các tuyến Quang Trung (10 cái), Hữu Nghị (8 cái)": roads named with capitals, opening their clause
    let x = at;
    while (x > at - 5 && toks[x - 1]?.type === "w" && /^\p{Lu}/u.test(toks[x - 1]!.o)) x--;
    if (x < at && (opensPart(toks[x - 1]) || isWordIn(toks[x - 1], ROAD_HEADS)))
      return `ten ${toks
        .slice(x, at)
        .map((w) => w.kt)
        .join(" ")}`;
  }
  // "đợt 1 (1/3-10/3) 800 tờ": the dates of the part in brackets right before its figure stand aside
  const dated = datesInBracketsBefore(toks, nv, at);
  if (dated >= 0) at = dated;
  else at = datedLabelBefore(toks, nv, at);
  for (let x = at - 1; x >= 0 && x >= at - 6; x--) {
    const t = toks[x]!;
    if (t.type === "nl" || PART_CLAUSE_ENDS.has(t.k)) return null;
    if (t.type !== "w") continue;
    if (DAY_PARTS.has(t.kt)) return t.kt;
    // "fanpage 10 bài, zalo 7 bài": a channel opening its clause right before the figure is the part's label
    if (CHANNELS.has(t.kt) && at - x <= 3 && opensPart(toks[x - 1])) return `kenh ${t.kt}`;
    const next = toks[x + 1];
    // "hội nghị thứ nhất 110 đại biểu, hội nghị thứ hai 95": parts told apart by ordinals
    // ("ngày đầu …, ngày thứ hai …": after a part's label, the ordinal tells that kind of part)
    if (t.kt === "thu" && next && ((next.type === "n" && nv.blocked[x + 1]) || ORDINALS.has(next.kt)))
      return PART_LABELS.has(toks[x - 1]?.kt ?? "") ? `${toks[x - 1]!.kt} thu ${next.kt}` : `thu ${next.kt}`;
    // "tờ rơi T10 200 tờ, T11 300 tờ": a month written short is the month's part
    if (t.kt === "t" && next?.type === "n" && !next.spaced && nv.blocked[x + 1] && Number(next.k) <= 12)
      return `thang ${next.k}`;
    // ("tổ dân phố 12 …, tổ dân phố 14 …", "cụm dân cư số 2 …": a place of several words, numbered)
    if (
      (PART_LABELS.has(t.kt) || PLACE_NUMBER_WORDS.has(t.kt)) &&
      next &&
      nv.blocked[x + 1] &&
      (next.type === "n" || /^[ivx]+$/.test(next.k))
    )
      // ("Tổ dân phố 12 …, tdp 14 …": the place typed in full or short is one kind)
      return `${t.kt === "pho" && toks[x - 1]?.kt === "dan" && toks[x - 2]?.kt === "to" ? "tdp" : t.kt} ${next.k}`;
    // "thôn Đông 100, thôn Tây 120": places told apart by their names, written with a capital
    if (PART_LABELS.has(t.kt) && next?.type === "w" && next.o[0] !== next.o[0]!.toLowerCase())
      return `${t.kt} ${next.k}`;
    // "thôn Đông 40 người, thôn Tây 35 người": a place named by words, opening its clause, right before the figure
    if (PART_LABELS.has(t.kt) && at - x >= 2 && at - x <= 3 && opensPart(toks[x - 1]) && namedPart(toks, x + 1, at))
      return toks
        .slice(x, at)
        .map((w) => w.kt)
        .join(" ");
  }
  return null;
}

/**
 * "Tháng 12 (đến ngày 05): phát 9 lượt": where the dates in brackets before a label's colon (and a verb after it)
 * open, so the label before them is the figure's; else `at`.
 */
function datedLabelBefore(toks: readonly Tok[], nv: NonValues, at: number): number {
  const colon = toks[at - 1]?.k === ":" ? at - 1 : toks[at - 2]?.k === ":" && toks[at - 1]?.type === "w" ? at - 2 : -1;
  if (colon < 0 || toks[colon - 1]?.k !== ")") return at;
  for (let x = colon - 2; x >= 0 && x >= colon - 14; x--) {
    const t = toks[x]!;
    if (t.k === "(") return x;
    if (t.type === "nl" || (t.type === "n" && !nv.blocked[x])) return at;
    if (t.type === "w" && !nv.blocked[x] && !DATE_WORDS.has(t.kt)) return at;
  }
  return at;
}
/** Words of dates in a bracket ("(đến ngày 05)", "(tính đến hết 30/11)", "(từ 1/11 đến 20/11)"). */
const DATE_WORDS: ReadonlySet<string> = new Set(["tu", "den", "ngay", "het", "tinh", "toi"]);

/** Where brackets holding only dates ("(1-15/11)", "(từ 2/10 đến 9/10)") open, closing right before token `at`, or -1. */
function datesInBracketsBefore(toks: readonly Tok[], nv: NonValues, at: number): number {
  if (toks[at - 1]?.k !== ")") return -1;
  let dates = 0;
  for (let x = at - 2; x >= 0 && x >= at - 16; x--) {
    const t = toks[x]!;
    if (t.k === "(") return dates > 0 ? x : -1;
    if (!nv.transparent[x]) {
      if (t.type === "w" && (t.kt === "tu" || t.kt === "den" || t.kt === "ngay")) continue;
      if (t.k === "-" || t.k === "–") continue;
      return -1;
    }
    if (t.type === "n") dates++;
  }
  return -1;
}

/** Whether a place's label may open a part here: its line, clause or list item starts. */
const opensPart = (p: Tok | undefined): boolean =>
  !p || p.type === "nl" || PART_CLAUSE_ENDS.has(p.k) || p.k === ":" || p.k === "-" || p.k === "+";

/** Whether tokens [from, to) are a place's name: plain words, written capitalised when the message has marks. */
function namedPart(toks: readonly Tok[], from: number, to: number): boolean {
  for (let x = from; x < to; x++) {
    const w = toks[x]!;
    if (w.type !== "w" || NOT_NAMES.has(w.kt)) return false;
  }
  return true;
}
/** Words after a place's label that are no name ("thôn có 40", "thôn em 40"). */
const NOT_NAMES: ReadonlySet<string> = new Set([
  "co",
  "em",
  "la",
  "thi",
  "da",
  "duoc",
  "dat",
  "tong",
  "con",
  "moi",
  "nay",
]);

/**
 * Figures of one indicator each said for a different part of the same kind ("lớp 1 có 45 học viên,
 * lớp 2 có 52 học viên"; "sáng 80 người, chiều 70 người") are parts of the whole: they add up.
 */
function labelledParts(
  tk: Tokenised,
  nv: NonValues,
  list: Entry[],
  sentence: Int32Array,
  quarterReport = false,
): Entry[] {
  // one figure read by two stages ("hop 1 buoi": the pairing and the sittings) is one part
  if (list.some((e, x) => x > 0 && list.findIndex((o) => o.at === e.at && o.value === e.value) < x))
    list = list.filter((e, x) => list.findIndex((o) => o.at === e.at && o.value === e.value) === x);
  list = itemTotalsApart(tk, nv, list);
  const open = (e: Entry) => !e.final && !e.implied && !e.total && !e.additive;
  const current = list.filter((e) => open(e) && !e.fallback);
  // a quarter's report saying nothing for the whole quarter: its months' figures (shares of it) are its parts
  const shares = quarterReport && current.length === 0 ? list.filter((e) => open(e) && e.fallback && !e.running) : [];
  const plain = shares.length > 1 ? shares : current;
  if (plain.length < 2) return list;
  const labels = plain.map((e) => partLabel(tk, nv, e.at));
  if (plain === shares && labels.some((l) => !l?.startsWith("thang "))) return list;
  if (labels.some((l) => l === null) || new Set(labels).size !== labels.length)
    return itemsApart(tk, nv, list, plain) ?? heldApart(tk, list, plain, sentence);
  const kinds = new Set(labels.map((l) => (DAY_PARTS.has(l!) ? "time" : l!.split(" ")[0])));
  if (kinds.size !== 1) return list;
  if (kinds.has("thang") && !wholeQuarter(labels as string[], quarterReport)) return list;
  return list.map((e) => (plain.includes(e) ? asAdditive(e) : e));
}

/**
 * "- Tổ chức 04 buổi tuyên truyền …\n- Tổ chức 01 hội nghị tập huấn …": this period's figures of one indicator, each
 * in a list item of its own, are separate pieces of work: they add up (undefined when they are not so listed).
 */
function itemsApart(tk: Tokenised, nv: NonValues, list: Entry[], plain: Entry[]): Entry[] | undefined {
  const ats = plain.map((e) => e.at);
  // (one figure said twice, "1. Treo 10 băng rôn … - Băng rôn: 10", is a restatement)
  if (new Set(plain.map((e) => e.value)).size < plain.length || !inItemsApart(tk, nv, ats)) return undefined;
  return list.map((e) => (plain.includes(e) ? asAdditive(e) : e));
}

/**
 * "- Tổ chức 05 buổi …, tổng số 312 lượt hội viên tham dự.\n- Tổ chức 01 hội nghị … với 48 người": a total of its own
 * list item beside this period's figures in other items is that item's figure, a part like theirs.
 */
function itemTotalsApart(tk: Tokenised, nv: NonValues, list: Entry[]): Entry[] {
  if (!list.some((e) => e.total)) return list;
  const now = list.filter((e) => !e.final && !e.implied && !e.fallback && !e.additive);
  if (now.length < 2 || !now.every((e) => !e.total || itemTotal(tk, nv, e.at))) return list;
  const ats = now.map((e) => e.at);
  if (!inItemsApart(tk, nv, ats)) return list;
  return list.map((e) => (e.total && now.includes(e) ? asPlain(e) : e));
}

/** The entry as a plain figure, no total. */
function asPlain(e: Entry): Entry {
  return entry(e.value, e.additive, false, e.at, e.final, e.fallback, e.running, e.implied, e.more);
}

/**
 * "1 hội nghị cấp xã … và 6 hội nghị tại các thôn": figures of one indicator in one sentence, each said after its
 * name for a different level or place ("cấp …", "ở …", "tại …"), are parts of the whole: they add up.
 */
function heldApart(tk: Tokenised, list: Entry[], plain: Entry[], sentence: Int32Array): Entry[] {
  if (plain.some((e) => sentence[e.at] !== sentence[plain[0]!.at])) return placesOfClauses(tk, list, plain, sentence);
  const labels = plain.map((e) => whereAfter(tk.toks, e.at));
  if (labels.some((l) => l === null) || new Set(labels).size !== labels.length) return list;
  return list.map((e) => (plain.includes(e) ? asAdditive(e) : e));
}

/**
 * "5 buổi tuyên truyền tại các thôn, 392 người dự; 2 buổi tại Trường THCS, 640 học sinh": clauses of one line split by
 * ";", each saying where its work was done, are parts: their figures add up, the people of a clause taking the place
 * of the figure before them in it.
 */
function placesOfClauses(tk: Tokenised, list: Entry[], plain: Entry[], sentence: Int32Array): Entry[] {
  const { toks } = tk;
  const line = (at: number): number => {
    let s = at;
    while (s > 0 && toks[s - 1]!.type !== "nl") s--;
    return s;
  };
  if (plain.some((e) => line(e.at) !== line(plain[0]!.at))) return list;
  const labels = plain.map((e) => whereAfter(toks, e.at) ?? whereBeforeInSentence(toks, e.at, sentence));
  if (labels.some((l) => l === null) || new Set(labels).size !== labels.length) return list;
  return list.map((e) => (plain.includes(e) ? asAdditive(e) : e));
}

/** Where the figure before token `at` in its sentence was done (at most 12 tokens back), or null. */
function whereBeforeInSentence(toks: readonly Tok[], at: number, sentence: Int32Array): string | null {
  for (let x = at - 1; x >= 0 && x >= at - 12 && sentence[x] === sentence[at]; x--)
    if (toks[x]!.type === "n") {
      const where = whereAfter(toks, x);
      if (where) return where;
    }
  return null;
}

/** Where the figure at token `at` was done, said after its name in its clause ("cấp xã", "ở các thôn"), or null. */
function whereAfter(toks: readonly Tok[], at: number): string | null {
  for (let x = at + 1; x < toks.length && x <= at + 6; x++) {
    const t = toks[x]!;
    if (t.type === "nl" || t.type === "n" || PART_CLAUSE_ENDS.has(t.k)) return null;
    if (t.type !== "w") continue;
    const y = toks[x + 1]?.kt === "cac" ? x + 2 : x + 1;
    if ((t.kt === "cap" || t.kt === "o" || t.kt === "tai") && toks[y]?.type === "w") return toks[y]!.kt;
  }
  return null;
}

/**
 * "Tháng 10 đăng 11 bài, tháng 11 đăng 9 bài, tháng 12 đăng 14 bài": months are parts only when they are the three
 * of one quarter (two months may be this month beside the last one), or months of the quarter a quarter's
 * report covers ("bc quý IV: tháng 10 họp 1 cuộc, tháng 11 họp 2 cuộc, tháng 12 chưa họp").
 */
function wholeQuarter(labels: readonly string[], quarterReport: boolean): boolean {
  const months = labels.map((l) => Number(l.split(" ")[1]));
  const quarter = Math.ceil(months[0]! / 3);
  const oneQuarter = months.every((m) => m >= 1 && m <= 12 && Math.ceil(m / 3) === quarter);
  return oneQuarter && (months.length === 3 || (quarterReport && months.length === 2));
}

/** Entries are made here only, every flag set (never added later, never spread): one shape for V8. */
function entry(
  value: number,
  additive: boolean,
  total: boolean,
  at: number,
  final: boolean,
  fallback: boolean,
  running: boolean,
  implied: boolean,
  more: boolean,
): Entry {
  return { value, additive, total, at, final, fallback, running, implied, more };
}

/** A figure's entry, with the roles of the figure at token `at`. */
function figureEntry(
  roles: FigureRoles,
  value: number,
  additive: boolean,
  total: boolean,
  at: number,
  more: boolean,
): Entry {
  return entry(
    value,
    additive,
    total,
    at,
    roles.final.has(at),
    roles.fallback.has(at),
    roles.running.has(at),
    false,
    more,
  );
}

/** The entry added to the others of its indicator. */
function asAdditive(e: Entry): Entry {
  return entry(e.value, true, e.total, e.at, e.final, e.fallback, e.running, e.implied, e.more);
}

function combineOne(code: string, all: readonly Entry[], out: Combined): void {
  // a correction wins (the last one, leaving out a figure it names as cumulative)
  const finals = all.filter((e) => e.final && !e.fallback).sort((a, b) => a.at - b.at);
  if (finals.length > 0) {
    out.values[code] = finals[finals.length - 1]!.value;
    return;
  }
  // this period's figures win over cumulative ones; a stated zero only when nothing else is said for
  // this period ("tháng 11 không làm phóng sự, cả năm được 3": the zero is this month's)
  const current = all.filter((e) => !e.fallback && !e.implied);
  const fallback = all.filter((e) => e.fallback);
  const implied = all.find((e) => e.implied);
  if (current.length === 0 && fallback.length > 0 && implied) {
    out.values[code] = implied.value;
    return;
  }
  // ("Tháng 10 … thay mới 20 băng rôn. Cả năm xã treo 65 băng rôn": a part of the period over a running total
  // that states no total of the period: "cộng dồn từ đầu quý là 1.100" in a quarter's report is its figure)
  const shares = fallback.filter((e) => !e.running || e.total);
  const list = current.length > 0 ? current : shares.length > 0 ? shares : fallback;
  if (list.length === 0) {
    if (implied) out.values[code] = implied.value;
    return;
  }
  if (list !== current && list.every((e) => e.running)) (out.running ??= []).push(code);
  // more than the period's report had; "quý này treo thêm 2, từ trước tới nay tổng 9" is more than the stock
  if (list === current && !fallback.length && list.every((e) => e.more && !e.total)) (out.additions ??= []).push(code);
  const distinct = (xs: number[]): number[] => [...new Set(xs)];
  const totals = distinct(list.filter((e) => e.total).map((e) => e.value));
  if (totals.length === 1) {
    // an explicit total wins over its parts
    out.values[code] = totals[0]!;
    return;
  }
  if (totals.length > 1) {
    out.conflicts.push({ code, values: totals });
    return;
  }
  const bases = distinct(list.filter((e) => !e.additive).map((e) => e.value));
  const added = list.filter((e) => e.additive).reduce((sum, e) => sum + e.value, 0);
  const hasAdded = list.some((e) => e.additive);
  if (bases.length === 0) out.values[code] = added;
  else if (bases.length === 1) out.values[code] = bases[0]! + added;
  else if (bases.length === 2 && hasAdded && Math.max(...bases) === Math.min(...bases) + added)
    out.values[code] = Math.max(...bases);
  else out.conflicts.push({ code, values: bases });
}

/** Sentence number of every token (a new sentence after ".", ";", "!", "?" or a line break). */
function sentenceIds(tk: Tokenised): Int32Array {
  const ids = new Int32Array(tk.toks.length);
  let id = 0;
  tk.toks.forEach((t, i) => {
    ids[i] = id;
    if (SENTENCE_ENDS.has(t.k)) id++;
  });
  return ids;
}

/**
 * Whether the number at `at` stands in a sentence that names no indicator and states no total
 * ("Khám sàng lọc: 410 lượt.", "Thiệt hại khoảng 17 tỷ."): beside figures read elsewhere, it tells
 * what else the unit did or has, which a clerk does not record and need not ask about.
 */
function backgroundSentence(
  tk: Tokenised,
  at: number,
  sentence: Int32Array,
  namedSentences: ReadonlySet<number>,
): boolean {
  return !namedSentences.has(sentence[at]!) && !statesTotal(tk, at);
}

/** Words before "cong" that make it the portal ("trên cổng", "lên cổng"), not "cộng". */
const PORTAL_BEFORE: ReadonlySet<string> = new Set(["tren", "len", "qua", "vao", "o", "tai"]);

/** Whether the words right before token `at` state a total ("tổng cộng là", "cộng:", "tất cả có"). */
function statesTotal(tk: Tokenised, at: number): boolean {
  if (sumOfPeriodsBefore(tk, at)) return true;
  const words: string[] = [];
  const at_: number[] = [];
  for (let x = at - 1; x >= 0 && words.length < 4; x--) {
    const t = tk.toks[x]!;
    if (t.type === "w") words.unshift(t.kt);
    else if (t.k === ":") words.unshift(":");
    else break;
    at_.unshift(x);
  }
  while (words.length && TOTAL_GLUE.has(words[words.length - 1]!)) {
    words.pop();
    at_.pop();
  }
  const last = words[words.length - 1];
  // "tin bài trên cổng 0 bài": the portal ("cổng", or "cong" after where), not a sum
  if (
    last === "cong" &&
    (PORTAL_BEFORE.has(words[words.length - 2] ?? "") || /ổ/i.test(tk.toks[at_[at_.length - 1]!]!.o))
  )
    return false;
  const two = words.slice(-2).join(" ");
  return last === "tong" || last === "cong" || two === "tong so" || two === "tat ca" || two === "ca thay";
}

/**
 * "pano 4 cái, cộng thêm 1 cái ở nhà văn hóa là 5 cái": a figure after "là" in a sentence that said one more,
 * equal to the sum of the figures of the thing named before it there, is their sum stated: those figures, or none.
 */
function sumAfterMore(
  tk: Tokenised,
  pairing: Pairing,
  entries: ReadonlyMap<string, readonly Entry[]>,
  num: NumItem,
  sentence: Int32Array,
): readonly Entry[] {
  const before = tk.toks[num.start - 1];
  if (before?.type !== "w" || before.kt !== "la" || !moreInSentence(tk, num, sentence)) return [];
  const owner = nameBefore(pairing.items, num, sentence);
  const said = (owner && entries.get(owner)?.filter((e) => sentence[e.at] === sentence[num.start])) || [];
  return said.length >= 2 && said.reduce((sum, e) => sum + e.value, 0) === num.value ? said : [];
}

/** Counting words any thing is counted in ("1 cái", "2 chiếc", "3 tấm"). */
const CLASSIFIERS: ReadonlySet<string> = new Set(["cai", "chiec", "tam"]);

/** Whether "thêm" stands right before a number (a word may come between) or "nữa" right after its measure. */
function saysMore(tk: Tokenised, num: NumItem): boolean {
  const k = (x: number): string => (tk.toks[x]?.type === "w" ? tk.toks[x]!.kt : "");
  return k(num.start - 1) === "them" || k(num.start - 2) === "them" || k(num.end + 1) === "nua";
}

/**
 * Whether a figure stands in a sentence that says more, after "thêm" with its number ("bổ sung thêm
 * 1 hội nghị ở thôn 3 có 60 người dự": the 60 came with the one more meeting). "gửi thêm số liệu: …"
 * (more data, no number after it) says nothing of the figures; a total on the way ends it.
 */
function moreInSentence(tk: Tokenised, num: NumItem, sentence: Int32Array): boolean {
  const { toks } = tk;
  const at = num.start;
  // "đăng 3 tin bài nữa": "nữa" after the thing's name
  for (let x = num.end; x < num.end + 4 && toks[x]?.type === "w"; x++) if (toks[x]!.kt === "nua") return true;
  for (let x = at - 1; x >= 0 && sentence[x] === sentence[at]; x--) {
    const k = toks[x]!.type === "w" ? toks[x]!.kt : "";
    if (k === "tong" || k === "luy") return false;
    if (k === "them" && (toks[x + 1]?.type === "n" || toks[x + 2]?.type === "n")) return true;
  }
  return false;
}

/** Sittings one more gathering is counted in. */
const MORE_SITTINGS: ReadonlySet<string> = new Set(["buoi", "lop", "cuoc"]);
/** Whether "thêm" before the figure in its sentence is followed by a count of sittings ("thêm 1 lớp", "thêm 2 buổi"). */
function sittingsAfterMore(tk: Tokenised, num: NumItem, sentence: Int32Array): boolean {
  const { toks } = tk;
  for (let x = num.start - 1; x >= 0 && x >= num.start - 12 && sentence[x] === sentence[num.start]; x--)
    if (toks[x]!.kt === "them" && toks[x + 1]?.type === "n" && MORE_SITTINGS.has(toks[x + 2]?.kt ?? "")) return true;
  return false;
}

/** Periods a sum may be said over ("cộng 2 tháng là 12", "cả 3 đợt 40"). */
const SUMMED_PERIODS: ReadonlySet<string> = new Set(["thang", "quy", "tuan", "dot", "ngay", "ky"]);

/**
 * "cộng 2 tháng là 12 băng rôn", "tổng cả 3 đợt: 40", "cộng lại là 12", "cả 2 tháng 12 băng rôn": a sum
 * over a count of periods (or "lại") right before the figure, with at most "là" / ":" / "có" between.
 */
function sumOfPeriodsBefore(tk: Tokenised, at: number): boolean {
  const { toks } = tk;
  const k = (x: number): string => (toks[x]?.type === "w" ? toks[x]!.kt : (toks[x]?.k ?? ""));
  let x = at - 1;
  while (x >= 0 && TOTAL_GLUE.has(k(x))) x--;
  let over = false;
  if (SUMMED_PERIODS.has(k(x)) && toks[x - 1]?.type === "n") {
    x -= 2;
    over = true;
    // "cả 2 tháng", "tổng cả 3 đợt": both periods together
    if (k(x) === "ca") return true;
  } else if (k(x) === "lai") {
    x--;
    over = true;
  }
  return over && (k(x) === "cong" || k(x) === "tong");
}

/** The indicator named last before a number in its sentence. */
function nameBefore(items: readonly Item[], num: NumItem, sentence: Int32Array): string | undefined {
  let code: string | undefined;
  for (const it of items) {
    if (it.start >= num.start) break;
    if (it.kind === "I" && sentence[it.start] === sentence[num.start]) code = it.code;
  }
  return code;
}

/** The indicator named last before a number on its line ("Pano: kỳ này 11 cái; lũy kế 23" → pano), when it names one. */
function nameOnLine(tk: Tokenised, items: readonly Item[], num: NumItem): string | undefined {
  let lineStart = num.start;
  while (lineStart > 0 && tk.toks[lineStart - 1]!.type !== "nl") lineStart--;
  let code: string | undefined;
  for (const it of items) {
    if (it.start >= num.start) break;
    if (it.kind === "I" && it.start >= lineStart) code = it.code;
  }
  return code;
}

/** The indicator of the last pair before a number when its figure is in the measure `unit`. */
function lastPairIn(tk: Tokenised, pairs: readonly Pair[], num: NumItem, unit: string): string | undefined {
  let last: Pair | undefined;
  for (const p of pairs) if (p.num.start < num.start && (!last || p.num.start > last.num.start)) last = p;
  return last && tk.toks[last.num.end]?.kt === unit ? last.ind.code : undefined;
}

/** The indicator of the lines above a stated total on its own line ("Tháng 3: 4 pa nô\nCộng quý I: 9"), when they name one. */
function nameAbove(items: readonly Item[], num: NumItem): string | undefined {
  const codes = new Set<string>();
  for (const it of items) {
    if (it.start >= num.start) break;
    if (it.kind === "I") codes.add(it.code);
  }
  return codes.size === 1 ? [...codes][0] : undefined;
}

/** Whether the sentence of token `at` starts with "Ngoài ra" (besides): its figures add to what was said. */
/**
 * "2 pa nô tại mỗi cửa ngõ (3 cửa ngõ) và 1 pa nô tại trụ sở": a figure read as a product (or a sum) in
 * stage 2 and one more figure of its indicator joined to it by "và" in its sentence are parts: they add up.
 */
function joinedToProduct(
  tk: Tokenised,
  nv: NonValues,
  pairing: Pairing,
  p: Pairing["pairs"][number],
  sentence: Int32Array,
): boolean {
  const same = pairing.pairs.filter(
    (q) => q.ind.code === p.ind.code && sentence[q.num.start] === sentence[p.num.start],
  );
  if (same.length !== 2) return false;
  const [a, b] = same.sort((x, y) => x.num.start - y.num.start) as [typeof p, typeof p];
  if (nv.readings.has(a.num.start) === nv.readings.has(b.num.start)) return false;
  const from = Math.max(a.num.end, a.ind.end);
  for (let x = from; x < Math.min(b.num.start, b.ind.start); x++) if (tk.toks[x]!.kt === "va") return true;
  return false;
}

function besidesInSentence(tk: Tokenised, at: number, sentence: Int32Array): boolean {
  let x = at;
  while (x > 0 && sentence[x - 1] === sentence[at]) x--;
  while (x < at && tk.toks[x]!.type !== "w") x++;
  return tk.toks[x]?.kt === "ngoai" && tk.toks[x + 1]?.kt === "ra";
}

/** "…, ngoài ra (còn) 4 băng rôn ở trụ sở": "ngoài ra" opening the figure's clause, a few words before it, adds. */
function besidesInClause(tk: Tokenised, at: number, sentence: Int32Array): boolean {
  const { toks } = tk;
  for (let x = at - 1; x >= 1 && x >= at - 4 && sentence[x] === sentence[at]; x--) {
    if (toks[x]!.type !== "w") return false;
    if (toks[x]!.kt === "ra" && toks[x - 1]?.kt === "ngoai") return toks[x - 2]?.k === "," || toks[x - 2]?.k === ";";
  }
  return false;
}

/** Whether a period is named between "trong đó" and token `at` ("trong đó riêng quý IV 11"), not a place ("trong đó thôn 1 có 8"). */
function periodShare(tk: Tokenised, at: number, sentence: Int32Array): boolean {
  let period = false;
  for (let x = at - 1; x > 0 && sentence[x] === sentence[at]; x--) {
    const t = tk.toks[x]!;
    if (t.k === "do" && tk.toks[x - 1]!.k === "trong") return period;
    // "năm" only as a year ("năm 2026", "năm nay"), not a place's name ("thôn Nam")
    const next = tk.toks[x + 1];
    // ("thôn Nam 9 băng rôn": after a place's head it is the place's name)
    const placeName = tk.toks[x - 1]?.type === "w" && PART_LABELS.has(tk.toks[x - 1]!.kt);
    const year = !placeName && (next?.type === "n" || (next?.type === "w" && next.kt === "nay"));
    if (t.type === "w" && PERIOD_WORDS.has(t.kt) && (t.kt !== "nam" || year)) period = true;
  }
  return false;
}

/**
 * Whether token `at` is inside a bracket opening with one period ("25 tin bài (quý IV: 7 tin)"), on its line; not
 * a breakdown by periods ("88 lượt (tháng 10: 34, tháng 11: 32)").
 */
function periodBracketAround(tk: Tokenised, at: number): boolean {
  const { toks } = tk;
  const isPeriod = (t: Tok | undefined): boolean => t?.type === "w" && PERIOD_WORDS.has(t.kt);
  for (let x = at - 1; x >= 0 && x >= at - 8; x--) {
    const t = toks[x]!;
    if (t.k === ")" || t.type === "nl") return false;
    if (t.k !== "(") continue;
    // ("(riêng quý IV: 5 buổi)")
    if (toks[x + 1]?.kt === "rieng") x++;
    if (!isPeriod(toks[x + 1])) return false;
    for (let y = x + 2; y < toks.length && y < x + 30 && toks[y]!.k !== ")" && toks[y]!.type !== "nl"; y++)
      // ("(quý IV năm 2026: 6 tin)": the period's own year)
      if (isPeriod(toks[y]) && !(toks[y]!.kt === "nam" && y <= x + 4)) return false;
    return true;
  }
  return false;
}

/**
 * "phát thanh 300 lượt (quý IV: 80 lượt)" where the 300 is a running total: the bare figure in a bracket opening
 * with a period is that indicator's own period's share, its figure; the indicator, or undefined.
 */
function periodShareOfRunningTotal(
  tk: Tokenised,
  at: number,
  pairs: Pairing["pairs"],
  fallback: ReadonlySet<number>,
): string | undefined {
  if (!periodBracketAround(tk, at)) return undefined;
  let open = at - 1;
  while (open > 0 && tk.toks[open]!.k !== "(") open--;
  const before = pairs.find((p) => {
    const e = Math.max(p.num.end, p.ind.end);
    return e === open || (e === open - 1 && tk.toks[open - 1]!.type === "w");
  });
  return before && fallback.has(before.num.start) ? before.ind.code : undefined;
}

/** Whether "trong đó" (of which) comes before token `at` in its sentence. */
function afterBreakdown(tk: Tokenised, at: number, sentence: Int32Array): boolean {
  for (let x = at - 1; x > 0 && sentence[x] === sentence[at]; x--) {
    if (tk.toks[x]!.k === "do" && tk.toks[x - 1]!.k === "trong") return true;
  }
  return false;
}

/**
 * "bài đăng 25 bài, trong đó tiktok 5 bài, fanpage 20 bài": every figure of the list after "trong (số) đó",
 * not only the first, is a part of the same indicator's figure before it in the sentence.
 */
function partOfFigureBefore(
  tk: Tokenised,
  pairs: Pairing["pairs"],
  p: Pairing["pairs"][number],
  sentence: Int32Array,
): boolean {
  const at = p.num.start;
  for (let x = Math.min(at, p.ind.start) - 1; x > 0 && sentence[x] === sentence[at]; x--) {
    if (tk.toks[x]!.k !== "do") continue;
    const t = tk.toks[x - 1]!.k === "so" ? x - 2 : x - 1;
    if (tk.toks[t]?.k !== "trong") continue;
    return pairs.some((q) => q.ind.code === p.ind.code && q.num.start < t && sentence[q.num.start] === sentence[at]);
  }
  return false;
}

/** Fillers that may close a sentence after "trong số đó" ("… trong số đó ạ"). */
const CLOSERS = new Set(["a", "nhe", "nha", "ah", "thoi"]);

/** Whether "trong (số) đó" closes the clause right after a figure ("thôn 2 riêng treo 4 băng rôn trong số đó"): a part of a total said before. */
function breakdownAfter(tk: Tokenised, e: number): boolean {
  const { toks } = tk;
  const w = (x: number): string => (toks[x]?.type === "w" ? toks[x]!.kt : "");
  if (w(e) !== "trong") return false;
  const x = w(e + 1) === "so" ? e + 2 : e + 1;
  if (w(x) !== "do") return false;
  const t = toks[x + 1];
  return !t || t.type === "nl" || (t.type === "p" && t.k !== "(") || CLOSERS.has(w(x + 1));
}

/**
 * The indicator of the value right before the brackets token `at` is in ("3 cuộc (quý I: 1 cuộc,
 * quý II: 2 cuộc)" → hội nghị): a figure of the same indicator in there is a part of it.
 */
function bracketAfterValueOf(tk: Tokenised, at: number, pairs: Pairing["pairs"]): string | undefined {
  const { toks } = tk;
  for (let x = at - 1; x >= 0; x--) {
    const k = toks[x]!.k;
    if (k === ")" || k === "\n") return undefined;
    if (k !== "(") continue;
    const before = pairs.find((p) => {
      const e = Math.max(p.num.end, p.ind.end);
      return e === x || (e === x - 1 && toks[x - 1]!.type === "w");
    });
    return before?.ind.code;
  }
  return undefined;
}

/**
 * Whether token `at` is inside a bracket opened right after a value, and `code` has a value earlier in that
 * sentence ("Tổ chức 38 hội nghị với 2.915 người (tháng 11: 30 cuộc, 2.280 người; …)": the breakdown of both).
 */
function bracketAfterValuesIn(
  tk: Tokenised,
  at: number,
  pairs: Pairing["pairs"],
  sentence: ArrayLike<number>,
  code: string,
): boolean {
  const { toks } = tk;
  for (let x = at - 1; x >= 0 && x >= at - 40; x--) {
    const k = toks[x]!.k;
    if (k === ")" || k === "\n") return false;
    if (k !== "(") continue;
    // the value right before, or who attended between ("2.915 lượt hội viên tham dự (…")
    const valueBefore = pairs.some((p) => {
      const e = Math.max(p.num.end, p.ind.end);
      return e <= x && e >= x - 4 && toks.slice(e, x).every((t) => t.type === "w");
    });
    return (
      valueBefore && pairs.some((p) => p.ind.code === code && p.num.end <= x && sentence[p.num.start] === sentence[x])
    );
  }
  return false;
}

/** Whether token `at` is inside brackets opened right after a value ("pano 10 cái (thôn 1: 4, thôn 2: 6)"). */
/**
 * Whether the figure at `at` is inside a bracket that breaks down the figure right before it, in the
 * same measure: "Phát thanh 36 lượt (gồm 24 lượt tin CCHC và 12 lượt chuyên đề)".
 */
function inBreakdownBracket(tk: Tokenised, at: number): boolean {
  const { toks } = tk;
  const measure = toks[at + 1];
  if (toks[at]!.type !== "n" || measure?.type !== "w") return false;
  for (let x = at - 1; x >= 0 && x >= at - 12; x--) {
    const k = toks[x]!.k;
    if (k === ")" || toks[x]!.type === "nl") return false;
    if (k !== "(") continue;
    const w1 = toks[x + 1]?.type === "w" ? toks[x + 1]!.kt : "";
    const w2 = toks[x + 2]?.type === "w" ? toks[x + 2]!.kt : "";
    const opens = w1 === "gom" || (w1 === "bao" && w2 === "gom") || (w1 === "trong" && w2 === "do");
    return opens && toks[x - 1]?.type === "w" && toks[x - 1]!.kt === measure.kt && toks[x - 2]?.type === "n";
  }
  return false;
}

function inBracketsAfterValue(tk: Tokenised, at: number, pairEnds: readonly number[]): boolean {
  const { toks } = tk;
  for (let x = at - 1; x >= 0; x--) {
    const k = toks[x]!.k;
    if (k === ")" || k === "\n") return false;
    if (k !== "(") continue;
    // the value and its measure word ("10 cái") right before the bracket, or who attended ("… hội viên tham dự (")
    return pairEnds.some((e) => e <= x && e >= x - 4 && toks.slice(e, x).every((t) => t.type === "w"));
  }
  return false;
}

/**
 * Whether "còn lại" (the rest) stands before token s in its clause ("6 thôn mỗi thôn 1 pano, 3 thôn còn lại
 * mỗi thôn 2 pano", "các thôn còn lại treo 6 pano"): the rest's figure adds to the parts said before it.
 */
function restBefore(tk: Tokenised, s: number): boolean {
  const { toks } = tk;
  for (let x = s - 1; x > 0 && x >= s - 8; x--) {
    const t = toks[x]!;
    if (t.type === "nl" || PART_CLAUSE_ENDS.has(t.k)) return false;
    if (t.kt === "lai" && toks[x - 1]!.kt === "con") return true;
  }
  return false;
}

/** Words around a pair within its clause, as space-joined keys (before, inside, after). */
function contextWords(
  tk: Tokenised,
  cls: readonly TokenClass[],
  s: number,
  e: number,
): { before: string; inside: string; after: string } {
  const { toks } = tk;
  const words = (from: number, to: number): string =>
    toks
      .slice(from, to)
      .filter((t) => t.type === "w")
      .map((t) => t.kt)
      .join(" ");
  let b = s;
  let steps = 0;
  while (b > 0 && steps < 6) {
    const t = toks[b - 1]!;
    if (t.type === "nl" || t.k === ";" || t.k === "." || cls[b - 1] === "item") break;
    if (cls[b - 1] === "hard" && t.k !== ",") break;
    b--;
    steps++;
  }
  let a = e;
  steps = 0;
  while (a < toks.length && steps < 2) {
    if (cls[a] === "hard" || cls[a] === "item") break;
    a++;
    steps++;
  }
  return { before: ` ${words(b, s)} `, inside: ` ${words(s, e)} `, after: ` ${words(e, a)} ` };
}
