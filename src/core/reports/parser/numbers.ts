/**
 * Reading numbers at a token: digits ("12", "1.200", "2 nghìn rưỡi", "1k": number-forms.ts) and number words
 * ("mười hai", "hai mươi lăm"), with the checks that keep homographs out ("như sau", "năm nay").
 */

import { acceptsNumberWord, type NumberWordMatch, parseNumberWords } from "../vietnamese-numbers.js";
import { readDigitForm } from "./number-forms.js";
import type { Tokenised } from "./tokens.js";
import { LABELS, NUMBER_WORD_STOP_NEXT, NUMBER_WORD_STOP_PREV } from "./vocabulary.js";

/** Heads of places named by name ("phường An Hải Bắc", "xã Tân Ba"). */
const PLACE_HEADS: ReadonlySet<string> = new Set([
  "xa",
  "phuong",
  "thon",
  "xom",
  "ban",
  "ap",
  "khu",
  "lang",
  "huyen",
  "tinh",
  "quan",
]);

const capitalised = (o: string): boolean => {
  const c = o[0] ?? "";
  return c !== c.toLowerCase();
};

const MAX_VALUE = 1e9;

/** Marks between the names of a list ("Sơn Tây, Ba Tơ, Minh Long"). */
const LIST_MARKS: ReadonlySet<string> = new Set([",", ";", "(", ")"]);

/** Whether a word is written as the label it folds to ("Dòng", "dong"), not another word ("Đông"). */
function labelSpelt(o: string, key: string, spellings: readonly string[] | null | undefined): boolean {
  const lower = o.normalize("NFC").toLowerCase();
  return lower === key || !spellings || spellings.includes(lower);
}

/** A number read at a token. */
export interface NumberReading {
  value: number;
  /** Token index after the number. */
  end: number;
  /** A single number word that is also a common other word ("sau", "năm") in plain text. */
  weak: boolean;
  /** Not usable as a value (huge, ambiguous "hai ba"). */
  bad: boolean;
}

export interface NumberReader {
  /** Whether token i can be read as a number word here. */
  acceptWord(i: number): boolean;
  /** Number words starting at token i. */
  wordsAt(i: number): NumberWordMatch | null;
  /** A number at token i, or null; `afterNumber` when token i−1 was read as a number. */
  read(i: number, afterNumber: boolean): NumberReading | null;
}

/**
 * A number reader over a tokenised message; tokens marked in `blocked` are never read.
 * @example createNumberReader(normaliseAndTokenise("hai mươi lăm pa nô"), new Uint8Array(5)).read(0, false)?.value // 25
 */
export function createNumberReader(tk: Tokenised, blocked: Uint8Array): NumberReader {
  const { toks, nkeys, accented } = tk;
  const acceptWord = (i: number): boolean => {
    const t = toks[i];
    return !!t && !blocked[i] && nkeys[i] !== "" && acceptsNumberWord(nkeys[i]!, t.o, accented);
  };
  const wordsAt = (i: number): NumberWordMatch | null => (nkeys[i] ? parseNumberWords(nkeys, i, acceptWord) : null);

  const read = (at: number, afterNumber: boolean): NumberReading | null => {
    const t = toks[at];
    if (!t) return null; // past the end: "… cho hộ gia đình" ends the message
    if (t.type === "n") {
      const form = readDigitForm(tk, at, acceptWord)!;
      const { value, end } = form;
      if (Number.isNaN(value)) return { value: NaN, end, weak: false, bad: true };
      const bad =
        !(value >= 0 && value <= MAX_VALUE) ||
        (t.k.length >= 10 && t.k.replace(/\D/g, "").length >= 10 && !/[.,]/.test(t.k));
      return { value, end, weak: false, bad };
    }
    if (t.type !== "w" || !nkeys[at]) return null;
    // A number word glued to digits is something else ("năm 2021", "12 tấm", "tầm 10").
    const prev = toks[at - 1];
    if (prev && prev.type === "n" && afterNumber) return null;
    const nw = wordsAt(at);
    if (!nw) return null;
    if (toks[nw.end]?.type === "n") return null;
    const len = nw.end - nw.start;
    if (len === 1) {
      const k = nkeys[at]!;
      const nextK = toks[at + 1]?.type === "w" ? toks[at + 1]!.k : "";
      const prevK = prev?.type === "w" ? prev.k : "";
      if (NUMBER_WORD_STOP_NEXT[k]?.includes(nextK)) return null;
      if (NUMBER_WORD_STOP_PREV[k]?.includes(prevK)) return null;
      // "phường An Hai Bắc", "xã Tân Ba": a capitalised number word after a name's capitalised word,
      // inside a line, is part of the name (a label's own word before it, "Thôn Hai", "Tháng Ba", is not)
      // (its place's head before it, or a name's word or the clause's end after it: "Em treo Pano Ba cái" counts)
      // ("Đông Ba" written with its marks is no "dòng" label: only the label's own spelling or plain letters)
      const label = prev?.type === "w" && prevK in LABELS && labelSpelt(prev.o, prevK, LABELS[prevK]);
      if (capitalised(t.o) && prev?.type === "w" && capitalised(prev.o) && !label) {
        const before = toks[at - 2];
        const after = toks[at + 1];
        const closesName = after?.type !== "w" || capitalised(after.o);
        const placeBefore = [2, 3, 4].some((d) => toks[at - d]?.type === "w" && PLACE_HEADS.has(toks[at - d]!.kt));
        const insideLine = before !== undefined && before.type !== "nl";
        if (insideLine && (closesName || placeBefore)) return null;
      }
      // "xã Ba Tơ", "xã Năm Căn", "phường Bảy Hiền": a capitalised number word right after a place's head and
      // before a capitalised word opens the place's name ("thôn Ba treo …" stays the label "thôn 3")
      const nextTok = toks[at + 1];
      const nameAfter = nextTok?.type === "w" && capitalised(nextTok.o) && !nkeys[at + 1];
      if (capitalised(t.o) && prev?.type === "w" && PLACE_HEADS.has(prev.kt) && nameAfter) return null;
      // "10 xã (Sơn Tây, Ba Tơ, Minh Long)": a place's name of two capitalised words in a list of names
      if (capitalised(t.o) && nameAfter && LIST_MARKS.has(prev?.k ?? "") && LIST_MARKS.has(toks[at + 2]?.k ?? "")) {
        const other = (x: number) => toks[x]?.type === "w" && capitalised(toks[x]!.o);
        if (other(at - 2) || other(at + 3)) return null;
      }
    }
    const weak =
      len === 1 &&
      !(t.o.toLowerCase() !== t.k && t.o.toLowerCase() !== t.kt) &&
      !["hai", "ba", "muoi"].includes(nkeys[at]!);
    // "hai ba pa nô" (two or three): keep both words in one unclear item
    const end = nw.ambiguous && nkeys[nw.end] ? nw.end + 1 : nw.end;
    return { value: nw.value, end, weak, bad: !!nw.ambiguous };
  };
  return { acceptWord, wordsAt, read };
}
