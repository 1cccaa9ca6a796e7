/**
 * Number forms officers type with digits: "1.200", "1,5 nghìn", "2 nghìn rưỡi", "1 nghìn 2" (1,200),
 * "1k", "1,2k" and "1k2" (1,000, 1,200 and 1,200), "1 200" (thousands set off by a space); and keycap emoji used as list markers ("1️⃣ Pa nô: 5",
 * "🔟 …"), which are list numbers, never values. Read by the number reader (numbers.ts) and by
 * stage 2 (non-values.ts, list numbering).
 */

import { parseDigitNumber, parseNumberWords } from "../vietnamese-numbers.js";
import type { Tokenised } from "./tokens.js";

/** Scale words after digits, by key. */
export const DIGIT_SCALES: Readonly<Record<string, number>> = {
  chuc: 10,
  tram: 100,
  nghin: 1000,
  ngan: 1000,
  trieu: 1e6,
  ty: 1e9,
  ti: 1e9,
};

/** "1 vạn" (ten thousand), only written with its marks: plain "van" is as often "văn" ("3 van ban"). */
const isVan = (t: { o: string; type: string } | undefined): boolean =>
  !!t && t.type === "w" && t.o.normalize("NFC").toLowerCase() === "vạn";

/** Whether a token is a scale of a thousand or more after digits ("nghìn", "ngàn", "triệu", "vạn"). */
export const isLargeScale = (t: { o: string; k: string; type: string } | undefined): boolean =>
  !!t && t.type === "w" && ((DIGIT_SCALES[t.k] ?? 0) >= 1000 || isVan(t));

/** A number read from digits: its value (NaN when malformed) and the token after it. */
export interface DigitForm {
  value: number;
  end: number;
}

/**
 * Reads digits at token `at` with what may follow them: a scale word ("1,5 nghìn"), "rưỡi" after
 * the scale ("2 nghìn rưỡi"), one digit after the scale ("1 nghìn 2" = 1,200, as "một nghìn hai"),
 * units after "linh"/"lẻ" ("1 trăm linh 5" = 105), the places below written in full ("1 trăm 20" = 120),
 * or a glued "k" ("1k", "1,2k"). `acceptWord(i)` says whether token i may be read as a number word.
 * @example readDigitForm(normaliseAndTokenise("1 nghìn 2 tờ rơi"), 0, () => true) // { value: 1200, end: 3 }
 * @example readDigitForm(normaliseAndTokenise("1,2k tờ"), 0, () => true) // { value: 1200, end: 2 }
 */
export function readDigitForm(tk: Tokenised, at: number, acceptWord: (i: number) => boolean): DigitForm | null {
  const { toks, nkeys } = tk;
  const t = toks[at];
  if (!t || t.type !== "n") return null;
  const digits = parseDigitNumber(t.k);
  if (digits === null) return { value: NaN, end: at + 1 };
  let value = digits;
  let end = at + 1;
  const next = toks[end];
  // "1k", "1,2k", "1k2": a thousand, typed short (money was marked before: "500k đồng")
  if (next && next.k === "k" && !next.spaced) {
    const tail = toks[end + 1];
    if (tail && tail.type === "n" && !tail.spaced && /^\d$/.test(tail.k) && Number.isInteger(value))
      return { value: Math.round((value + Number(tail.k) / 10) * 1000), end: end + 2 };
    return { value: Math.round(value * 1000), end: end + 1 };
  }
  // "1 200 tờ", "12 500": thousands set off by one space (a group of three digits glued by a single
  // space to one or two digits, no other figure on either side: a table's two columns are not one number)
  if (
    next?.type === "n" &&
    /^[1-9]\d?$/.test(t.k) &&
    /^\d{3}$/.test(next.k) &&
    next.os === t.oe + 1 &&
    tk.nfcText[t.oe] === " " &&
    toks[at - 1]?.type !== "n" &&
    toks[end + 1]?.type !== "n" &&
    toks[end + 1]?.k !== "/" &&
    toks[at - 1]?.k !== "/"
  )
    return { value: value * 1000 + Number(next.k), end: end + 1 };
  const sk = nkeys[end];
  // "2 muoi 5", "3 mươi": tens split into a digit and the word "mươi" (units after it as one digit)
  if (sk === "muoi" && /^[2-9]$/.test(t.k) && acceptWord(end)) {
    const unit = toks[end + 1];
    if (unit?.type === "n" && /^[1-9]$/.test(unit.k) && glued(tk, end + 1))
      return { value: value * 10 + Number(unit.k), end: end + 2 };
    return { value: value * 10, end: end + 1 };
  }
  const scale = sk && acceptWord(end) ? (DIGIT_SCALES[sk] ?? 0) : next?.k === "van" && isVan(next) ? 10_000 : 0;
  if (!scale) return { value, end };
  value *= scale;
  end++;
  if (nkeys[end] === "ruoi" && acceptWord(end)) return { value: value + scale / 2, end: end + 1 };
  // "1 trăm linh 5", "2 nghìn lẻ 50": the units after "linh"/"lẻ", below the scale's next place
  const link = toks[end];
  const linked = toks[end + 1];
  if (
    scale >= 100 &&
    link?.type === "w" &&
    (link.kt === "linh" || link.kt === "le") &&
    linked?.type === "n" &&
    /^\d{1,3}$/.test(linked.k) &&
    Number(linked.k) < scale / 10 &&
    Number.isInteger(value) &&
    glued(tk, end) &&
    glued(tk, end + 1)
  )
    return { value: value + Number(linked.k), end: end + 2 };
  const tail = toks[end];
  // "1 vạn 2 nghìn", "1 nghìn 2 trăm": digits with a smaller scale of their own after the scale add up
  if (scale >= 1000 && tail?.type === "n" && Number.isInteger(value) && glued(tk, end)) {
    const lower = readDigitForm(tk, end, acceptWord);
    // ("2 nghìn 3 trăm năm mươi", "2 nghìn 3 trăm 50": the smaller scale right after its digit, places below it)
    if (lower && lower.end > end + 1 && DIGIT_SCALES[nkeys[end + 1] ?? ""] && lower.value < scale)
      return { value: value + lower.value, end: lower.end };
  }
  // "1 nghìn 2", "3 trăm 5": one digit after the scale is its next place, as in words
  if (
    scale >= 100 &&
    tail &&
    tail.type === "n" &&
    /^[1-9]$/.test(tail.k) &&
    Number.isInteger(value) &&
    glued(tk, end)
  ) {
    return { value: value + (Number(tail.k) * scale) / 10, end: end + 1 };
  }
  // "1 ngàn hai trăm", "2 nghìn năm trăm": the places below the scale said in words
  if (scale >= 1000 && tail?.type === "w" && Number.isInteger(value) && glued(tk, end)) {
    const words = parseNumberWords(nkeys, end, acceptWord);
    if (
      words &&
      !words.ambiguous &&
      words.value >= 100 &&
      words.value < scale &&
      /^(?:tram|muoi|linh|le)$/.test(nkeys[end + 1] ?? "")
    )
      return { value: value + words.value, end: words.end };
  }
  const hundredWords = scale === 100 ? tensInWords(tk, end, acceptWord) : null;
  if (hundredWords && Number.isInteger(value)) return { value: value + hundredWords.value, end: hundredWords.end };
  // "1 trăm 20", "2 nghìn 350": the places below the scale written in full, as "một trăm hai mươi"
  const places = scale === 100 ? TWO_PLACES : scale === 1000 ? THREE_PLACES : null;
  if (places && tail?.type === "n" && places.test(tail.k) && Number.isInteger(value) && glued(tk, end))
    return { value: value + Number(tail.k), end: end + 1 };
  return { value, end };
}

/**
 * "1 trăm hai mươi", "2 tram muoi lam", "3 trăm linh năm": the tens and units after a digit's hundred said
 * in words, as voice typing writes them; only words that say tens ("mươi", "mười") or "linh"/"lẻ" plus a
 * unit, so "1 trăm hai" stays with the one-digit rule and "2 trăm ba cái" is not read on.
 */
function tensInWords(tk: Tokenised, at: number, acceptWord: (i: number) => boolean): DigitForm | null {
  const { toks, nkeys } = tk;
  if (toks[at]?.type !== "w" || !glued(tk, at)) return null;
  const k0 = nkeys[at] ?? "";
  const k1 = nkeys[at + 1] ?? "";
  const linked = k0 === "linh" || k0 === "le";
  if (k0 !== "muoi" && k1 !== "muoi" && !linked) return null;
  const from = linked ? at + 1 : at;
  const words = parseNumberWords(nkeys, from, acceptWord);
  if (!words || words.ambiguous || words.value < 1 || words.value > (linked ? 9 : 99)) return null;
  return { value: words.value, end: words.end };
}

const TWO_PLACES = /^[1-9]\d$/;
const THREE_PLACES = /^[1-9]\d\d$/;

/** Whether token i follows the one before it with only spaces between (no punctuation, no line break). */
function glued(tk: Tokenised, i: number): boolean {
  const prev = tk.toks[i - 1];
  const t = tk.toks[i];
  if (!prev || !t) return false;
  return !/[^ \t]/.test(tk.nfcText.slice(prev.oe, t.os)) && tk.toks[i + 1]?.k !== "/";
}

/**
 * Whether token i is a keycap emoji's digit ("1️⃣" is "1" + U+FE0F + U+20E3): a list marker.
 * @example isKeycap(normaliseAndTokenise("1\uFE0F\u20E3 Pa nô: 5"), 0) // true
 */
export function isKeycap(tk: Tokenised, i: number): boolean {
  const t = tk.toks[i];
  if (!t || t.type !== "n") return false;
  if (t.o === "\u{1F51F}") return true;
  const after = tk.nfcText.slice(t.oe, t.oe + 2);
  return after.startsWith("\u20E3") || after === "\uFE0F\u20E3";
}
