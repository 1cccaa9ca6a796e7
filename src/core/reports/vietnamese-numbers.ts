/**
 * Vietnamese numbers: digit strings with thousands separators and number words
 * ("mười hai", "hai mươi lăm", "một trăm linh năm"), read from search keys (no diacritics).
 * Pure functions, no I/O.
 */

import { searchKey, telexFold } from "./text-key.js";

/** Digits 1–9 as they stand at the start of a group ("hai", "bốn", "năm"). */
const UNIT: Readonly<Record<string, number>> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

/** Unit forms allowed only after a tens word ("hai mươi mốt/tư/lăm") or in "hai mốt". */
const UNIT_AFTER_TENS: Readonly<Record<string, number>> = { ...UNIT, tu: 4, lam: 5, nham: 5 };

const SCALES: Readonly<Record<string, number>> = {
  nghin: 1_000,
  ngan: 1_000,
  trieu: 1_000_000,
  ty: 1_000_000_000,
  ti: 1_000_000_000,
};

/**
 * Accepted spellings with diacritics for each number-word key. A token typed with diacritics
 * must be one of these ("từ" is not "tư", "làm" is not "lăm", "bà" is not "ba").
 */
export const NUMBER_WORD_FORMS: Readonly<Record<string, readonly string[]>> = {
  mot: ["một", "mốt"],
  hai: ["hai"],
  ba: ["ba"],
  bon: ["bốn"],
  tu: ["tư"],
  nam: ["năm"],
  lam: ["lăm"],
  nham: ["nhăm"],
  sau: ["sáu"],
  bay: ["bảy", "bẩy"],
  tam: ["tám"],
  chin: ["chín"],
  muoi: ["mười", "mươi"],
  chuc: ["chục"],
  tram: ["trăm"],
  linh: ["linh"],
  le: ["lẻ"],
  nghin: ["nghìn"],
  ngan: ["ngàn"],
  trieu: ["triệu"],
  ty: ["tỷ", "tỉ"],
  ti: ["tỉ", "tỷ"],
  ruoi: ["rưỡi", "rưởi"],
  ham: ["hăm"],
  bam: ["băm"],
  nua: ["nửa", "nữa"],
};

/** Keys that are spelled the same with and without diacritics. */
const PLAIN_FORMS = new Set(["hai", "ba", "linh"]);

/** True when the key names a number word (any position). */
export function isNumberWordKey(key: string): boolean {
  return Object.hasOwn(NUMBER_WORD_FORMS, key);
}

/**
 * Whether an original token may be read as the number word `key`.
 * Written with diacritics it must be a correct spelling; written in plain ASCII it is accepted
 * unless `accented` says the surrounding text is typed with diacritics (then plain "sau" means
 * "after", not "sáu").
 * @example acceptsNumberWord("tam", "tấm", false) // false
 * @example acceptsNumberWord("sau", "sau", true) // false
 */
export function acceptsNumberWord(key: string, original: string, accented: boolean): boolean {
  const forms = NUMBER_WORD_FORMS[key];
  if (!forms) return false;
  const lower = original.normalize("NFC").toLowerCase();
  if (/^[a-z]+$/.test(lower)) {
    if (lower === key) return !accented || PLAIN_FORMS.has(key);
    return telexFold(lower) === key; // Telex leftovers show the writer meant the marks
  }
  return forms.includes(lower);
}

/** A number read from number words. `end` is exclusive (token index). */
export interface NumberWordMatch {
  value: number;
  start: number;
  end: number;
  /** Two bare digits in a row ("hai ba" = "two or three"): the value is only the first. */
  ambiguous?: boolean;
}

/**
 * Reads the longest number-word phrase starting at `keys[start]` (search-key tokens).
 * `accept(i)` may veto a token (e.g. one typed with other diacritics); by default all pass.
 * Returns null when no number starts there.
 * @example parseNumberWords(["hai", "muoi", "lam", "tin"]) // { value: 25, start: 0, end: 3 }
 * @example parseNumberWords(["mot", "tram", "linh", "nam"]) // { value: 105, start: 0, end: 4 }
 * @example parseNumberWords(["hai", "mot"]) // { value: 21, start: 0, end: 2 }
 * @example parseNumberWords(["nua", "chuc"]) // { value: 5, start: 0, end: 2 }
 */
export function parseNumberWords(
  keys: readonly string[],
  start = 0,
  accept: (index: number) => boolean = () => true,
): NumberWordMatch | null {
  let total = 0; // completed thousand/million/billion groups
  let lastBig = Infinity; // the last big scale used (must decrease)
  let cur = 0; // value of the current group (< 1000)
  let pending: number | null = null; // a bare digit not yet placed
  let pendingAfterScale = 0; // scale word right before `pending` ("một trăm hai" = 120)
  let tens = false; // the group has its tens
  let units = false; // the group has its units
  let hundred = false; // the group has its hundreds
  let afterLinh = false;
  let prevScale = 0; // the previous token was a scale word with this value
  let ambiguous = false;
  let bareChuc = false; // a bare "chục" opened the number: ten, with no units after it
  let best: NumberWordMatch | null = null;

  const valueNow = (): number => {
    let group = cur;
    if (pending !== null) group += pendingAfterScale ? (pending * pendingAfterScale) / 10 : pending;
    return total + group;
  };
  const commit = (i: number): void => {
    best = { value: valueNow(), start, end: i + 1 };
  };

  // "nửa chục" (5), "nửa trăm" (50): half a scale, only as the whole number ("nữa" typed for "nửa")
  if (keys[start] === "nua") {
    const half = keys[start + 1] === "chuc" ? 5 : keys[start + 1] === "tram" ? 50 : 0;
    if (!half || !accept(start) || !accept(start + 1)) return null;
    return { value: half, start, end: start + 2 };
  }
  const max = Math.min(keys.length, start + 12);
  for (let i = start; i < max; i++) {
    const k = keys[i]!;
    // "một nghìn không trăm năm mươi": no hundreds after a thousand ("không" is no number word alone)
    if (k === "khong" && keys[i + 1] === "tram" && prevScale >= 1000 && accept(i + 1)) {
      hundred = true;
      prevScale = 100;
      i++;
      continue;
    }
    if (!accept(i)) break;
    const scaleHere = prevScale;
    prevScale = 0;

    if (k in UNIT_AFTER_TENS) {
      const d = UNIT_AFTER_TENS[k]!;
      const plainUnit = k in UNIT;
      if (afterLinh) {
        if (!plainUnit && k !== "lam" && k !== "nham") break;
        cur += d;
        afterLinh = false;
        units = true;
        commit(i);
        continue;
      }
      if (tens && !units && pending === null && !bareChuc) {
        cur += d;
        units = true;
        commit(i);
        continue;
      }
      if (pending !== null && !tens && !units && pendingAfterScale === 0) {
        if (k === "mot" || k === "tu" || k === "lam" || k === "nham") {
          cur += pending * 10 + d;
          pending = null;
          tens = units = true;
          commit(i);
          continue;
        }
        if (k !== "nam") ambiguous = true;
        break;
      }
      if (pending === null && !tens && !units && !afterLinh) {
        if (!plainUnit) break;
        if (hundred && scaleHere === 0) break;
        pending = d;
        pendingAfterScale = scaleHere >= 100 && cur + total > 0 ? scaleHere : 0;
        commit(i);
        continue;
      }
      break;
    }

    // spoken tens "hăm" (20) and "băm" (30), only before their units ("hăm lăm" 25, "băm hai" 32)
    if ((k === "ham" || k === "bam") && keys[i + 1]! in UNIT_AFTER_TENS && accept(i + 1)) {
      if (afterLinh || tens || units || pending !== null) break;
      cur += k === "ham" ? 20 : 30;
      tens = true;
      continue;
    }

    if (k === "muoi" || k === "chuc") {
      if (afterLinh || tens || units) break;
      if (pending !== null && pendingAfterScale === 0) {
        cur += pending * 10;
        pending = null;
      } else if (pending !== null) {
        // "một trăm hai mươi": the pending digit is the tens of this group
        cur += pending * 10;
        pending = null;
        pendingAfterScale = 0;
      } else if (k === "muoi") {
        cur += 10;
      } else if (i === start && i + 1 < keys.length) {
        // "chục cái", "phát chục tờ": a bare "chục" opening the number is ten (vague "hàng chục",
        // "vài chục", "hơn chục" are caught before, as unclear); no units follow it: "to chuc ba cuoc"
        // is "tổ chức" and three, never 13 ("mười ba" says thirteen)
        cur += 10;
        bareChuc = true;
      } else break; // "chục" needs a digit ("một chục", "hai chục")
      tens = true;
      commit(i);
      continue;
    }

    if (k === "tram") {
      if (pending === null || tens || units || hundred || afterLinh || pendingAfterScale === 100) break;
      cur += pending * 100;
      pending = null;
      pendingAfterScale = 0;
      hundred = true;
      prevScale = 100;
      commit(i);
      continue;
    }

    if (k === "linh" || k === "le") {
      // ("hai nghìn linh năm": units right after a thousand, the zero hundreds left unsaid)
      const afterThousand = scaleHere >= 1000 && cur === 0;
      if ((!hundred && !afterThousand) || tens || units || afterLinh || pending !== null) break;
      afterLinh = true;
      continue;
    }

    if (k in SCALES) {
      const s = SCALES[k]!;
      if (afterLinh || s >= lastBig) break;
      let group = cur;
      if (pending !== null) group += pendingAfterScale ? (pending * pendingAfterScale) / 10 : pending;
      if (group === 0) break;
      total += group * s;
      lastBig = s;
      cur = 0;
      pending = null;
      pendingAfterScale = 0;
      tens = units = hundred = false;
      prevScale = s;
      commit(i);
      continue;
    }

    if (k === "ruoi") {
      if (!scaleHere) break;
      if (scaleHere === 100) cur += 50;
      else total += scaleHere / 2;
      commit(i);
      break;
    }
    break;
  }
  if (best && ambiguous) (best as NumberWordMatch).ambiguous = true;
  return best;
}

/** Hoisted: a literal in a function is a new RegExp object on every call (numbers are read often). */
const DIGIT_GROUPS = /^\d+(?:[.,]\d+)*$/;
const DIGITS = /^\d+$/;

/**
 * Reads a digit string: "." or "," followed by exactly three digits separate thousands
 * ("1.200", "1,200", "1.200.000"); otherwise a single "," or "." is a decimal mark ("2,5").
 * Returns null for malformed strings ("1.2.3", "").
 * @example parseDigitNumber("1.200") // 1200
 * @example parseDigitNumber("2,5") // 2.5
 */
export function parseDigitNumber(raw: string): number | null {
  const s = String(raw ?? "").trim();
  if (!DIGIT_GROUPS.test(s)) return null;
  if (DIGITS.test(s)) return Number(s);
  const parts = s.split(/[.,]/);
  const seps = s.replace(/\d/g, "");
  // thousands groups, possibly with a decimal tail of the other separator: 1.200,5 / 1,200.5
  const head = parts[0]!;
  if (head.length <= 3) {
    const thousandSep = seps[0]!;
    let i = 1;
    let ok = true;
    while (i < parts.length && seps[i - 1] === thousandSep && parts[i]!.length === 3) i++;
    if (i > 1) {
      const intPart = parts.slice(0, i).join("");
      if (i === parts.length) return Number(intPart);
      if (i === parts.length - 1 && seps[i - 1] !== thousandSep) {
        return Number(`${intPart}.${parts[i]}`);
      }
      ok = false;
    }
    if (!ok) return null;
  }
  if (parts.length === 2) return Number(`${parts[0]}.${parts[1]}`);
  return null;
}

/**
 * Reads a whole short text as one number, digits or words.
 * @example parseVietnameseNumber("hai mươi lăm") // 25
 * @example parseVietnameseNumber("1.200") // 1200
 * @example parseVietnameseNumber("mười hai pa nô") // null (not only a number)
 */
export function parseVietnameseNumber(text: string): number | null {
  const key = searchKey(text);
  if (!key) return null;
  const digits = parseDigitNumber(key);
  if (digits !== null) return digits;
  const words = key.split(" ");
  // number words are read twelve at most: a longer text is never one number
  if (words.length > 12) return null;
  const keys = words.map((k) => (k in NUMBER_WORD_FORMS ? k : telexFold(k)));
  const m = parseNumberWords(keys, 0);
  if (!m || m.end !== keys.length || m.ambiguous) return null;
  return m.value;
}
