/**
 * Text keys for reading plan documents that may come from OCR: diacritics dropped or misread
 * ("Tuyén truyén", "nim 2021"), Đ read as P ("Pé nghi"), ư read as "ir" or "w" ("chirc", "Tw do"),
 * digits inside words ("S6:", "x4", "1a", "16p"). Matching works on these keys; what is shown to
 * people keeps the document's own letters (or the restored ones, see restore-diacritics.ts).
 */

import { searchKey } from "../../reports/text-key.js";

/** Digits OCR puts in place of letters, inside a word that also has letters. */
const DIGIT_LETTERS: Record<string, string> = { "0": "o", "1": "l", "4": "a", "6": "o", "3": "e", "8": "a", "9": "g" };

/**
 * One word's key: the search key (no marks, đ → d, lower case) with OCR's usual confusions undone.
 * `original` is the word as written (its case tells "Pé" = "Để" from "pa nô").
 * @example ocrWordKey("S6") // "so"
 * @example ocrWordKey("chirc") // "chuc"
 * @example ocrWordKey("Pang") // "dang"
 */
export function ocrWordKey(original: string): string {
  // "@" and "¥" are OCR's ê/ư and ý; "&" stands for several letters and is dropped.
  let key = searchKey(original.replace(/@/g, "e").replace(/¥/g, "y")).replace(/[^a-z0-9]/g, "");
  if (!key) return key;
  if (/[a-z]/.test(key) && /\d/.test(key) && !/^\d+[a-z]?$/.test(key) && !/^[a-z]\d+$/.test(key)) {
    key = key.replace(/\d/g, (d) => DIGIT_LETTERS[d] ?? d);
  } else if (/^[a-z]\d$/.test(key) && /^[sxtcbdlhmn]$/.test(key[0]) && DIGIT_LETTERS[key[1]]) {
    // "S6", "x4", "t6", "c6": a consonant and a digit is a misread syllable, not a label like "a2".
    key = key[0] + DIGIT_LETTERS[key[1]];
  } else if (/^1[a-z]{1,4}$/.test(key)) {
    key = `l${key.slice(1)}`;
  } else if (/^1[60][a-z]{1,3}$/.test(key)) {
    // "16p", "16i": lớp, lối.
    key = `lo${key.slice(2)}`;
  }
  // Vietnamese has no "w" and no "ir": both are a misread ư.
  key = key.replace(/ir/g, "u").replace(/w/g, "u");
  // A capital I before u/o is a misread l ("Iuu", "Iop"); a capital P before a vowel is a misread Đ.
  if (/^I[uoô]/u.test(original)) key = `l${key.slice(1)}`;
  if (/^P[^h\s]/u.test(original) && /^p[aeiouy]/.test(key) && !/^pa(no|n|nd)?$/.test(key)) key = `d${key.slice(1)}`;
  return OCR_ALIASES[key] ?? key;
}

/** Short words OCR garbles in ways no rule above undoes ("céc" = các, "ctia" = của). */
const OCR_ALIASES: Record<string, string> = {
  cec: "cac",
  ceac: "cac",
  cic: "cac",
  ciac: "cac",
  cc: "cac",
  caa: "cua",
  cta: "cua",
  ctia: "cua",
  cia: "cua",
  ciaa: "cua",
  nim: "nam",
  ndm: "nam",
  niam: "nam",
};

/** A word of a text with its position, as written and as a key. */
export interface Word {
  text: string;
  key: string;
  start: number;
  end: number;
}

/**
 * The words of a text (letters and digits, "/" and "-" kept inside document numbers and dates).
 * @example words("Số: 20 /KH-UBND").map((w) => w.key) // ["so", "20", "kh-ubnd"]
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}&]+(?:[/.-][\p{L}\p{N}]+)*/gu)) {
    const raw = m[0];
    const key = /[/.-]/.test(raw) ? searchKey(raw) : ocrWordKey(raw);
    if (key) out.push({ text: raw, key, start: m.index!, end: m.index! + raw.length });
  }
  return out;
}

/**
 * The key of a whole text: its words' keys joined by single spaces.
 * @example ocrKey("Thực hiện xong trudc ngay 10/02/2021.") // "thuc hien xong truoc ngay 10/02/2021"
 */
export function ocrKey(text: string): string {
  return words(text)
    .map((w) => w.key)
    .join(" ");
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Whether two word keys are the same word, allowing one OCR error in words of four letters or more
 * ("trudc" = "truoc", "thdang" = "thang", "hoic" = "hoac").
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (/\d/.test(a) || /\d/.test(b)) return false;
  const shorter = Math.min(a.length, b.length);
  return shorter >= 4 && editDistance(a, b, 1) <= 1;
}

/**
 * Similarity of two keys from 0 to 1 (1 − edit distance / longer length).
 * @example similarity("trung tim vin hea", "trung tam van hoa") // 0.82…
 */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (!longer) return 1;
  return 1 - editDistance(a, b) / longer;
}

/**
 * Where a phrase (a key of space-separated words) occurs among words, OCR-tolerantly (see
 * {@link sameWord}); the index of its first word, or -1.
 * @example findPhrase(words("I11. TO CHUC THUC HIEN"), "to chuc thuc hien") // 1
 */
export function findPhrase(list: readonly Pick<Word, "key">[], phrase: string, from = 0): number {
  const parts = phrase.split(" ");
  outer: for (let i = from; i + parts.length <= list.length; i++) {
    for (let j = 0; j < parts.length; j++) if (!sameWord(list[i + j].key, parts[j])) continue outer;
    return i;
  }
  return -1;
}

/** True when one of the phrases occurs in the text (OCR-tolerantly). */
export function hasPhrase(text: string | readonly Pick<Word, "key">[], ...phrases: string[]): boolean {
  const list = typeof text === "string" ? words(text) : text;
  return phrases.some((p) => findPhrase(list, p) >= 0);
}

/** Words that carry marks whenever they are written correctly ("của", never "cua"). */
const MARKED: Record<string, string> = {
  cua: "của",
  cac: "các",
  duoc: "được",
  viec: "việc",
  nhung: "những",
  voi: "với",
  thuc: "thực",
  hien: "hiện",
  hoach: "hoạch",
  bao: "báo",
  cao: "cáo",
  truyen: "truyền",
  tuyen: "tuyên",
  nhiem: "nhiệm",
  trien: "triển",
  ket: "kết",
  qua: "quả",
  don: "đơn",
  vi: "vị",
};

/**
 * True when the text lost its diacritics (OCR, typed without marks): fewer than 6 in 10 of the
 * words that always carry marks are written with the right ones.
 * @example isDegraded("Xay dung ke hoach cua don vi") // true
 */
export function isDegraded(text: string): boolean {
  let seen = 0;
  let right = 0;
  for (const m of text.normalize("NFC").matchAll(/\p{L}+/gu)) {
    const marked = MARKED[searchKey(m[0])];
    if (!marked) continue;
    seen++;
    if (m[0].toLowerCase() === marked) right++;
    if (seen >= 400) break;
  }
  return seen >= 5 && right / seen < 0.6;
}
