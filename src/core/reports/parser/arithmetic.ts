/**
 * Arithmetic in a report: "3 buổi/tuần x 12 tuần = 36 buổi", "5 pa nô + 3 pa nô = 8 pa nô",
 * "3 buổi x 4 tuần", "đại biểu 60 + 85". Found in stage 2 (the operands of a product are never values
 * themselves), applied in stage 5 (a stated result is a total; "+" adds; a product without "=" is
 * its value, and so is a sum of bare numbers).
 */

import { parseDigitNumber } from "../vietnamese-numbers.js";
import { isWordIn, type Tok } from "./tokens.js";
import { CHANNEL_NAMES, PEOPLE_PHRASES, PEOPLE_SHORT, PLACE_WORDS, TIMES_SIGNS } from "./vocabulary.js";

/** What the arithmetic in a message means for the numbers in it, by token index. */
export interface Arithmetic {
  /** Numbers stated as a result ("= 36"): totals. */
  results: Set<number>;
  /** Operands after the first of a sum ("+ 3 pa nô"): added. */
  addends: Set<number>;
  /** Products without a result, and sums of bare numbers ("60 + 85"), read as one number over tokens [start, end). */
  products: Map<number, { end: number; value: number }>;
  /** Tokens of products' operands and signs: never values, never unclear. */
  operandTokens: Set<number>;
  /** Those of them before a stated result: they stand between a name and its result like fillers. */
  fillerTokens: Set<number>;
  /** The figure and the name of a rate read as a product ("2 pano" of "2 pano/thôn x 6"): no longer unclear. */
  freedTokens: Set<number>;
}

/** The same arithmetic with other products: built with the keys in findArithmetic's order (one shape for V8). */
export function withProducts(a: Arithmetic, products: Arithmetic["products"]): Arithmetic {
  const { results, addends, operandTokens, fillerTokens, freedTokens } = a;
  return { results, addends, products, operandTokens, fillerTokens, freedTokens };
}

/** Words of an operand's unit ("5 tờ áp phích/thôn": a counting word, the name and the rate's "/"). */
const MAX_UNIT_TOKENS = 5;

interface Operand {
  start: number;
  end: number;
  value: number;
}

/**
 * Finds sums and products of quantities; a token marked 1 in `blocked` (a date, a phone) never
 * starts an operand, a rate marked unclear (2) may ("3 buổi/tuần x 12 tuần").
 * `named(i)`: whether an indicator is named right before token i ("hn 4 cuộc x 55 người").
 * @example findArithmetic(normaliseAndTokenise("3 buổi/tuần x 12 tuần = 36 buổi").toks, new Uint8Array(10)).results // Set {8}
 */
export function findArithmetic(
  toks: readonly Tok[],
  blocked: Uint8Array,
  named: (i: number) => boolean = () => false,
): Arithmetic {
  const out: Arithmetic = {
    results: new Set(),
    addends: new Set(),
    products: new Map(),
    operandTokens: new Set(),
    fillerTokens: new Set(),
    freedTokens: new Set(),
  };
  for (let i = 0; i < toks.length; i++) {
    const first = operandAt(toks, blocked, i);
    if (!first) continue;
    const operands: Operand[] = [first];
    const signs: number[] = [];
    let kind: "times" | "plus" | null = null;
    let labelled = false;
    let j = first.end;
    for (;;) {
      // "40 lượt (+6 lượt phát bổ sung)": one more in brackets after the figure
      if (toks[j]?.k === "(" && toks[j + 1]?.k === "+" && operands.length === 1) j++;
      const sign = toks[j];
      const signKind = isTimes(sign, toks[j - 1]) && !alignedCell(toks, j) ? "times" : sign?.k === "+" ? "plus" : null;
      if (!signKind || (kind && signKind !== kind)) break;
      // "sáng 80 người + chiều 70 người": a time of day may name the operand after "+"
      // "fanpage 10 + zalo 8 = 18 bài": so may a channel
      // "thôn Một 55 người + thôn Hai 70 người": so may a part's label, a head and its number or name
      const skip =
        signKind !== "plus"
          ? 0
          : isWordIn(toks[j + 1], TIMES_OF_DAY) || isWordIn(toks[j + 1], CHANNEL_NAMES)
            ? 1
            : isWordIn(toks[j + 1], PART_HEADS) && toks[j + 2]?.type !== "nl" && toks[j + 3]?.type === "n"
              ? 2
              : 0;
      const next = operandAt(toks, blocked, j + 1 + skip);
      if (!next) break;
      kind = signKind;
      if (skip) labelled = true;
      signs.push(j);
      operands.push(next);
      j = next.end;
    }
    if (!kind) continue;
    // "2 cái x 11 thôn + 4 cái ở trụ sở = 26": products and sums mixed, with the result stated
    const mixed = kind === "times" ? mixedResult(toks, blocked, j) : -1;
    if (mixed >= 0) {
      out.results.add(mixed);
      for (let x = first.start; x < mixed; x++) {
        out.operandTokens.add(x);
        out.fillerTokens.add(x);
      }
      i = mixed - 1;
      continue;
    }
    const result = toks[j]?.k === "=" && operandAt(toks, blocked, j + 1) ? j + 1 : -1;
    if (result >= 0) out.results.add(result);
    // ("40 lượt + 6 lượt": quantities in one unit add up like bare numbers)
    const unit = (op: Operand): string => (op.end > op.start + 1 ? toks[op.start + 1]!.kt : "");
    const oneUnit =
      kind === "plus" && !labelled && unit(first) !== "" && operands.every((op) => unit(op) === unit(first));
    const bare = operands.slice(0, -1).every((op) => op.end === op.start + 1) || oneUnit;
    // "420 HS + 38 GV dự": people by role added are one count of attendees, like bare numbers (parts
    // named by a time of day or a label stay addends)
    const people = kind === "plus" && !labelled && operands.every((op) => countsPeople(toks, op));
    if (kind === "plus" && result < 0 && (bare || people)) {
      // "đại biểu 60 + 85", "60 + 85 đại biểu": one number, the sum (the last unit stays a name)
      const last = operands[operands.length - 1]!;
      out.products.set(first.start, { end: last.start + 1, value: operands.reduce((sum, op) => sum + op.value, 0) });
    } else if (kind === "plus") {
      for (const op of operands.slice(1)) out.addends.add(op.start);
    } else if (
      result < 0 &&
      operands.length === 2 &&
      eventsTimesPeople(toks, first, operands[1]!) &&
      // ("2 lớp x 35 ng": sittings of people are meetings, named or not, by the writers' convention)
      (named(first.start) ||
        (first.end > first.start + 2 && named(first.end)) ||
        isWordIn(toks[first.start + 1], SITTINGS))
    ) {
      // "hn 4 cuộc x 55 người", "3 lớp tập huấn x 40 học viên": the events, named before or after their
      // unit, stay a figure of their own; the people are the product
      const last = operands[1]!;
      for (let x = first.end; x < last.start + 1; x++) out.operandTokens.add(x);
      out.products.set(last.start, { end: last.start + 1, value: first.value * last.value });
    } else if (result < 0 && operands.length === 2 && daysEach(toks, first, operands[1]!)) {
      // "2 lớp tập huấn x 2 ngày/lớp": how long each class lasted, no product; the classes stay a figure
      for (let x = first.end; x < operands[1]!.end; x++) out.operandTokens.add(x);
    } else if (result < 0 && operands.length === 2 && namedTimesPlaces(toks, first, operands[1]!, named)) {
      // "mỗi thôn 2 pano × 8 thôn", "3 băng rôn x 7 xã": the name stays a name, the product is read at the
      // first figure and "× 8 thôn" is no figure
      const last = operands[1]!;
      out.products.set(first.start, { end: first.start + 1, value: first.value * last.value });
      for (let x = first.end; x < last.end; x++) out.operandTokens.add(x);
      for (let x = first.start; x < first.end; x++) out.freedTokens.add(x);
    } else if (result < 0 && operands.length === 2 && namedPerUnit(toks, first, named) >= 0) {
      // "2 pano/thôn x 6 thôn", "3 băng rôn/trường × 4 trường": the name inside the rate stays a name,
      // the product is read at the first figure and the rest ("/thôn x 6") is no figure
      const slash = namedPerUnit(toks, first, named);
      const last = operands[1]!;
      out.products.set(first.start, { end: first.start + 1, value: first.value * last.value });
      for (let x = slash; x < last.start + 1; x++) out.operandTokens.add(x);
      for (let x = first.start; x < slash; x++) out.freedTokens.add(x);
    } else {
      const last = operands[operands.length - 1]!;
      // "phát thanh ngày 1 lượt x 7 ngày": a rate said unit first; the unit, before and after, is no name
      const lead = toks[first.start - 1];
      const spoken =
        result < 0 &&
        isWordIn(lead, RATE_UNITS) &&
        toks[last.start + 1]?.type === "w" &&
        toks[last.start + 1]!.kt === lead!.kt;
      if (spoken) {
        out.operandTokens.add(first.start - 1);
        out.fillerTokens.add(first.start - 1);
      }
      // without a result the last operand's unit stays a name ("9 thôn x 2 pa nô" is 18 pa nô)
      const end = result >= 0 ? result : spoken ? last.start + 2 : last.start + 1;
      const kept = result >= 0 ? nameForBareResult(toks, last, result, named) : -1;
      for (let x = first.start; x < end; x++) {
        if (kept >= 0 && x >= kept && x < last.end) continue;
        out.operandTokens.add(x);
        if (result >= 0) out.fillerTokens.add(x);
      }
      if (result < 0) {
        const value = operands.reduce((p, op) => p * op.value, 1);
        out.products.set(first.start, { end, value });
      }
    }
    i = (result >= 0 ? result : j) - 1;
  }
  return out;
}

/**
 * "5 xóm x 3 băng rôn = 15": a result with no unit after it takes the name of the last operand's unit, which stays
 * a name (the start of that unit), or −1 when the result has its own unit or the unit names nothing.
 */
function nameForBareResult(toks: readonly Tok[], last: Operand, result: number, named: (i: number) => boolean): number {
  const after = toks[result + 1];
  if (after?.type === "w" && after.kt !== "a" && after.kt !== "cai") return -1;
  return last.end > last.start + 1 && named(last.end) ? last.start + 1 : -1;
}

/** After a product ending at token j, "+ operand" (one or more) then "= result": the result's token, or −1. */
function mixedResult(toks: readonly Tok[], blocked: Uint8Array, j: number): number {
  let x = j;
  let added = 0;
  while (toks[x]?.k === "+") {
    const next = operandAt(toks, blocked, x + 1);
    if (!next) return -1;
    x = next.end;
    added++;
  }
  return added > 0 && toks[x]?.k === "=" && operandAt(toks, blocked, x + 1) ? x + 1 : -1;
}

/** The "/" of a rate whose unit before it names an indicator ("2 pano/thôn"), or −1. */
function namedPerUnit(toks: readonly Tok[], op: Operand, named: (i: number) => boolean): number {
  for (let x = op.start + 2; x < op.end; x++) if (toks[x]!.k === "/") return named(x) ? x : -1;
  return -1;
}

/** Gatherings counted by the sitting whose length is given in days ("2 lớp x 2 ngày/lớp", "3 hội nghị × 1 ngày"). */
const LASTING_EVENTS: ReadonlySet<string> = new Set(["lop", "cuoc", "hoinghi", "phien"]);
/** Whether "N <gatherings> × M ngày" says how many days each lasted. */
function daysEach(toks: readonly Tok[], first: Operand, last: Operand): boolean {
  const unit = toks[last.start + 1];
  const lasting = unit?.type === "w" && (unit.kt === "ngay" || unit.kt === "hom");
  const a = toks[first.start + 1];
  const b = toks[first.start + 2];
  const events = isWordIn(a, LASTING_EVENTS) || (b?.type === "w" && LASTING_EVENTS.has(`${a?.kt}${b.kt}`));
  return lasting && first.end > first.start + 1 && events && !ratePerDay(toks, first);
}

/** "2 lớp/ngày": an operand said per day is a rate, its "× 3 ngày" the days it ran, no length of each. */
function ratePerDay(toks: readonly Tok[], op: Operand): boolean {
  for (let x = op.start + 1; x < op.end; x++) if (toks[x]!.k === "/") return true;
  return false;
}

/**
 * Whether "N <name> × M <places>" multiplies each place's figure: the first operand's words are an indicator's
 * name and the second counts places, or the unit of a "mỗi" right before ("mỗi tổ dân phố 2 pa nô x 5 tổ").
 */
function namedTimesPlaces(toks: readonly Tok[], first: Operand, last: Operand, named: (i: number) => boolean): boolean {
  if (first.end === first.start + 1 || last.end !== last.start + 2 || !named(first.end) || named(last.end))
    return false;
  const unit = toks[last.start + 1]!;
  if (unit.type !== "w") return false;
  if (PLACE_WORDS.has(unit.kt)) return true;
  for (let x = first.start - 2; x >= 0 && x >= first.start - 5; x--)
    if (toks[x]!.type === "w" && toks[x]!.kt === "moi") return toks[x + 1]?.kt === unit.kt;
  return false;
}

/** Units a rate is said per, before its figure ("ngày 2 lượt x 7 ngày"). */
const RATE_UNITS: ReadonlySet<string> = new Set(["ngay", "tuan", "thang", "buoi"]);

/** Units of events that people attend ("4 cuộc", "2 lớp", "3 buổi"). */
const EVENT_UNITS: ReadonlySet<string> = new Set(["cuoc", "lop", "buoi", "hoinghi", "dot", "phien"]);
/** Sittings a gathering is counted in ("2 lớp", "3 buổi", "4 cuộc"). */
const SITTINGS: ReadonlySet<string> = new Set(["cuoc", "lop", "buoi"]);
/** Units of people ("55 người", "30 học viên", "40 đại biểu", "35 ng"). */
const PEOPLE_UNITS: ReadonlySet<string> = new Set(["nguoi", "hocvien", "hoc", "daibieu", "dai", "ng"]);

/** Whether an operand counts people by role ("420 HS", "38 giáo viên", "55 người"). */
function countsPeople(toks: readonly Tok[], op: Operand): boolean {
  const a = toks[op.start + 1];
  const b = toks[op.start + 2];
  if (op.end === op.start + 1 || a?.type !== "w") return false;
  return PEOPLE_UNITS.has(a.kt) || PEOPLE_SHORT.has(a.k) || (b?.type === "w" && PEOPLE_PHRASES.has(`${a.k} ${b.k}`));
}

/** "4 cuộc x 55 người", "2 lớp × 30 học viên": a count of events times the people at each. */
function eventsTimesPeople(toks: readonly Tok[], first: Operand, last: Operand): boolean {
  const a = toks[first.start + 1];
  const b = toks[last.start + 1];
  return first.end > first.start + 1 && isWordIn(a, EVENT_UNITS) && isWordIn(b, PEOPLE_UNITS);
}

/** Heads of labelled parts that may name an operand after "+" ("+ thôn Hai 70 người", "+ lớp 2 35 học viên"). */
const PART_HEADS: ReadonlySet<string> = new Set(["thon", "xom", "tdp", "khu", "lop", "dot", "buoi", "doi", "ap"]);

/** Period words whose number is a label ("tháng 2", "quý 1"), never a quantity. */
const PERIOD_LABELS: ReadonlySet<string> = new Set(["thang", "quy", "nam", "tuan"]);

/** Times of day that name a part of a sum ("+ chiều 70 người"). */
const TIMES_OF_DAY: ReadonlySet<string> = new Set(["sang", "chieu", "toi", "trua", "dem"]);

function isTimes(t: Tok | undefined, before?: Tok): boolean {
  if (!t) return false;
  // "nhan" typed without marks is as often "nhận" (received: "tổ 2 nhan 40 tờ rơi"): times when written
  // "nhân", or typed without marks after a quantity with its unit ("3 buoi nhan 4 tuan"); "nhận" with
  // its marks is never times ("tháng 4 em nhận 25 tin nhắn")
  if (t.type === "w" && t.k === "nhan") {
    const o = t.o.toLowerCase();
    return o === "nhân" || (o === "nhan" && before?.type === "w");
  }
  return TIMES_SIGNS.has(t.k) || isWordIn(t, TIMES_SIGNS);
}

/**
 * An "x" standing alone between columns aligned by runs of spaces ("Pano    x    1    x    1"): an empty
 * table cell, nothing done there, no times sign.
 */
function alignedCell(toks: readonly Tok[], j: number): boolean {
  const t = toks[j];
  const before = toks[j - 1];
  const after = toks[j + 1];
  if (!t || !before || t.k !== "x") return false;
  return t.os - before.oe >= 2 && (!after || after.type === "nl" || after.os - t.oe >= 2);
}

/** A quantity at token i: digits, then up to four unit tokens ("buổi/tuần", "học viên"). */
function operandAt(toks: readonly Tok[], blocked: Uint8Array, i: number): Operand | null {
  const t = toks[i];
  if (!t || t.type !== "n" || blocked[i] === 1) return null;
  const value = parseDigitNumber(t.k);
  if (value === null) return null;
  let end = i + 1;
  // "tháng 2 xã nhan 10 tờ trình": a period's number is its label, and "nhan" after it is "nhận" (received)
  const period = toks[i - 1]?.type === "w" && PERIOD_LABELS.has(toks[i - 1]!.k);
  for (let k = 0; k < MAX_UNIT_TOKENS; k++) {
    const u = toks[end];
    if (period && u?.type === "w" && u.o.toLowerCase() === "nhan") return null;
    if (!u || isTimes(u, toks[end - 1])) break;
    if (u.type === "w" || (u.k === "/" && toks[end + 1]?.type === "w")) end++;
    else break;
  }
  return { start: i, end, value };
}
