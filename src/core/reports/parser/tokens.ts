/**
 * Stage 1 of the report parser: normalise the text and cut it into tokens.
 * The text is folded to a search key (NFC → marks stripped → đ→d → lowercase) with a map back to
 * the original, so later stages match on keys and quote the officer's own words.
 */

import { type FoldedText, foldWithMap, telexFold } from "../text-key.js";
import { isNumberWordKey } from "../vietnamese-numbers.js";
import {
  ABBREVIATIONS,
  ABBREVIATIONS_AFTER,
  ABBREVIATIONS_BEFORE_FIGURE,
  ATTEND_VERBS,
  DAY_PARTS,
  GATHERING_LINKS,
  GATHERING_WORDS,
  HARD_PUNCT,
  HARD_WORDS,
  POST_WORDS,
  TIMES_SIGNS,
} from "./vocabulary.js";

export type TokType = "w" | "n" | "p" | "nl";

/** One word, digit run, punctuation mark or line break. */
export interface Tok {
  /** Folded key. */
  k: string;
  /** Key with Telex leftovers undone and chat abbreviations expanded ("pn" → "pano"). */
  kt: string;
  /** Original (NFC) text. */
  o: string;
  type: TokType;
  /** Offsets in the folded key. */
  fs: number;
  fe: number;
  /** Offsets in the NFC original. */
  os: number;
  oe: number;
  /** Whitespace right before this token. */
  spaced: boolean;
}

/** A normalised, tokenised message: what every later stage reads. */
export interface Tokenised {
  /** The message in NFC, as the officer wrote it. */
  nfcText: string;
  folded: FoldedText;
  toks: Tok[];
  /** Typed with diacritics: then plain "sau", "nam", "tu" are the ordinary words, not numbers. */
  accented: boolean;
  /** Number-word key per token ("" where no number word can stand). */
  nkeys: string[];
}

/**
 * Longer texts are cut (work must stay bounded; a chat message is at most 4,096 characters, a pasted
 * 200-row table well under this): at the last line break, else the last space, so that no figure
 * is cut into another ("1.200" into "1.2").
 */
const MAX_CHARS = 20_000;

/** The text cut to at most MAX_CHARS, at a line break or a space when there is one in its second half. */
function cutLong(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  for (const sep of ["\n", " "]) {
    const at = text.lastIndexOf(sep, MAX_CHARS);
    if (at > MAX_CHARS / 2) return text.slice(0, at);
  }
  const end = /[\uD800-\uDBFF]/.test(text[MAX_CHARS - 1] ?? "") ? MAX_CHARS - 1 : MAX_CHARS;
  return text.slice(0, end);
}

const TOKEN_RE = /\n|\p{L}+|\d+(?:[.,]\d+)*|\S/gu;
/** Hoisted: a literal in a function is a new RegExp object per token (and esbuild rebuilds \p{…} ones from source). */
const LETTER_FIRST = /^\p{L}/u;
const DIGIT_FIRST = /^\d/;
const PLAIN_WORD = /^[a-z]+$/;
const KEYCAP_TEN = "\u{1F51F}";

/**
 * Normalises a message and cuts it into tokens: words, digit runs ("1.200"), punctuation, line breaks.
 * Digits glued to words are split ("12pano" → "12", "pano"); a word's Telex leftovers are undone
 * and chat abbreviations expanded in `kt` ("baos" → "bao", "hn" → "hoinghi").
 * @example normaliseAndTokenise("Treo 12pa nô").toks.map((t) => t.k) // ["treo", "12", "pa", "no"]
 */
export function normaliseAndTokenise(rawText: unknown): Tokenised {
  const text = cutLong(typeof rawText === "string" ? rawText : String(rawText ?? ""));
  const nfcText = text.normalize("NFC");
  const folded = foldWithMap(nfcText);
  folded.key = withDigitTypos(folded.key);
  const toks = tokenize(nfcText, folded);
  if (nfcText.includes("nô")) voicedPaNo(toks);
  return { nfcText, folded, toks, accented: isAccented(toks), nkeys: numberWordKeys(toks) };
}

/**
 * "chấm ba nô thì làm mới hai cái": voice typing hears "pa nô" as "ba nô"; "nô" written with its mark after
 * "ba" is the board's name, never three of something ("nô" counts nothing), so "ba" is read as "pa".
 */
function voicedPaNo(toks: Tok[]): void {
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = toks[i - 1]!;
    if (t.k !== "no" || t.o.toLowerCase() !== "nô" || prev.k !== "ba" || prev.type !== "w") continue;
    if (t.spaced && prev.o.toLowerCase() === "ba") {
      prev.k = "pa";
      prev.kt = "pa";
    }
  }
}

/** The letter O typed for a zero in or after digits ("1OO tờ", "15o", "1.5OO", "4O lượt"), l for a one before them ("l0"). */
const DIGIT_TYPO = /(?<=\d[.,]?)o+(?=[.,]?\d|[^a-z0-9]|$)|(?<![a-z0-9.,])l(?=[0-9o]*\d[0-9o]*(?![a-z0-9]))/g;

/**
 * The folded key with those typos read as digits; the same length, so offsets into the original
 * still hold and fragments quoted to the officer keep what was typed.
 */
function withDigitTypos(key: string): string {
  return key.replace(DIGIT_TYPO, (m) => (m === "l" ? "1" : "0".repeat(m.length)));
}

function tokenize(nfcText: string, folded: FoldedText): Tok[] {
  const toks: Tok[] = [];
  const f = folded.key;
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = 0;
  let rare = false;
  while ((m = TOKEN_RE.exec(f)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    // the keycap "🔟" is the number ten (a list marker or a figure: number-forms.ts)
    const k = m[0] === KEYCAP_TEN ? "10" : m[0];
    let type: TokType;
    if (k === "\n") type = "nl";
    else if (DIGIT_FIRST.test(k)) type = "n";
    else if (LETTER_FIRST.test(k)) {
      type = "w";
      if (
        k.length <= 5 &&
        (k === "phay" ||
          k === "cham" ||
          k === "ap" ||
          k === "ng" ||
          k === "nguoi" ||
          k === "q" ||
          k === "pt" ||
          ABBREVIATIONS_BEFORE_FIGURE.has(k))
      )
        rare = true;
    } else type = "p";
    const os = folded.start[s] ?? 0;
    const oe = folded.end[e - 1] ?? os;
    toks.push({
      k,
      kt:
        type === "w"
          ? (afterWord(k, toks[toks.length - 1], toks[toks.length - 2]) ?? ABBREVIATIONS.get(k) ?? telexFold(k))
          : k,
      o: nfcText.slice(os, oe),
      type,
      fs: s,
      fe: e,
      os,
      oe,
      spaced: s > prevEnd || s === 0,
    });
    prevEnd = e;
  }
  // only messages with "phẩy", "chấm", "tr" or the like need the pass below
  for (let i = 0; rare && i < toks.length; i++) {
    const t = toks[i]!;
    if (t.type !== "w" || t.k.length > 5) continue;
    // dictated text: "phẩy" said between words is a comma ("20 lượt phẩy tin bài 3"); between
    // numbers it is the decimal comma ("hai phẩy năm") and stays a word
    if (t.k === "phay") {
      if (!/^ph[aẩ]y$/i.test(t.o) || (numeric(toks[i - 1]) && numeric(toks[i + 1]))) continue;
      t.type = "p";
      t.k = ",";
      t.kt = ",";
      continue;
    }
    // dictated text: "chấm hết", "chấm xuống dòng" close the sentence said before them
    if (t.k === "cham") {
      const next = toks[i + 1]?.k;
      const closes = next === "het" || (next === "xuong" && toks[i + 2]?.k === "dong") || dictatedStop(toks, i);
      if (!/^ch[aấ]m$/i.test(t.o) || !closes) continue;
      t.type = "p";
      t.k = ".";
      t.kt = ".";
      continue;
    }
    // "tổng q4 87 lượt", "Q3/2026": a quarter written short, its number typed on to the "q"
    if (t.k === "q") {
      const d = toks[i + 1];
      if (d?.type === "n" && !d.spaced && /^[1-4]$/.test(d.k)) t.kt = "quy";
      continue;
    }
    // "pn 3, ap 12, br 18": "ap" typed plain is "áp phích" only between figures (after one, before one);
    // elsewhere it is a hamlet ("ap 3 treo 2 pano", "tại ấp 5")
    // "hn 1 ng 70", "hội nghị 2 cuộc, người 150": people named before their figure, after a figure (and its
    // unit), attended; not "80 người 3 pano", where the next figure has its own name
    if (t.k === "ng" || t.k === "nguoi") {
      let p = toks[i - 1]?.k === "," ? i - 2 : i - 1;
      if (toks[p]?.type === "w" && toks[p - 1]?.type === "n") p--;
      const at = toks[i + 1]?.k === ":" ? i + 2 : i + 1;
      const after = toks[at + 1];
      if (toks[p]?.type === "n" && toks[at]?.type === "n" && (!after || (after.type !== "w" && after.k !== "/")))
        t.kt = "nguoidu";
      continue;
    }
    if (t.k === "ap") {
      const prev = toks[i - 1]?.k === "," ? toks[i - 2] : toks[i - 1];
      const at = toks[i + 1]?.k === ":" ? i + 2 : i + 1;
      if (t.o.toLowerCase() === "ap" && prev?.type === "n" && toks[at]?.type === "n") t.kt = "apphich";
      continue;
    }
    // "PT 36 lượt", "pt: ba mươi", "18 lượt PT": broadcasts, beside a figure (never "Đài PT-TH", the station)
    if (t.k === "pt" && toks[i + 1]?.k !== "-" && toks[i - 1]?.k !== "-") {
      const at = toks[i + 1]?.k === ":" ? i + 2 : i + 1;
      const next = toks[at];
      const after = next?.type === "n" || (next?.type === "w" && isNumberWordKey(next.k));
      const before = toks[i - 1]?.type === "n" || (toks[i - 1]?.k === "luot" && toks[i - 2]?.type === "n");
      if (after || before) t.kt = "phatthanh";
      continue;
    }
    // "tr 400", "tr: 1k": an abbreviation read only before a figure, and after one only in a run of
    // abbreviations ("pn 2 br 6 tr 300"); "kinh phí 5 tr" is five million
    const full = ABBREVIATIONS_BEFORE_FIGURE.get(t.k);
    if (!full) continue;
    const before = toks[i - 2];
    const inRun = before?.type === "w" && (ABBREVIATIONS.has(before.k) || ABBREVIATIONS_BEFORE_FIGURE.has(before.k));
    if (toks[i - 1]?.type === "n" && !inRun) continue;
    const at = toks[i + 1]?.k === ":" ? i + 2 : i + 1;
    const next = toks[at];
    // "TB 09/TB-UBND": a document's number follows, "TB" is "thông báo"
    if (next?.type === "n" && !(toks[at + 1]?.k === "/" && toks[at + 2]?.type === "w")) t.kt = full;
  }
  return toks;
}

/** What "chấm" grades or marks ("chấm thi", "chấm điểm", "chấm bài", "chấm giải", "chấm công"): a verb, no stop. */
const GRADED: ReadonlySet<string> = new Set(["thi", "diem", "bai", "giai", "cong", "chua", "than"]);

/**
 * "… treo 32 băng rôn khẩu hiệu chấm pa nô thì …": "chấm" typed with its mark, a few words after a figure and
 * before a word, is a dictated full stop (the voice typing wrote out what was said).
 */
function dictatedStop(toks: readonly Tok[], i: number): boolean {
  const next = toks[i + 1];
  if (next?.type !== "w" || GRADED.has(next.k) || toks[i]!.o !== "chấm" || toks[i - 1]?.k === "dau") return false;
  for (let x = i - 1; x >= 0 && x >= i - 6 && toks[x]!.type !== "nl" && toks[x]!.type !== "p"; x--)
    if (numeric(toks[x])) return true;
  return false;
}

/** The word an abbreviation read after a given word stands for ("cđ" after "cụm"), or undefined. */
function afterWord(k: string, prev: Tok | undefined, before: Tok | undefined): string | undefined {
  const a = ABBREVIATIONS_AFTER.get(k);
  if (!a || prev?.type !== "w" || !a.after.includes(prev.k)) return undefined;
  return !a.post || POST_WORDS.has(before?.k ?? "") ? a.full : undefined;
}

const numeric = (u: Tok | undefined): boolean => !!u && (u.type === "n" || (u.type === "w" && isNumberWordKey(u.k)));

function isAccented(toks: readonly Tok[]): boolean {
  let wordCount = 0;
  let markedCount = 0;
  for (const t of toks) {
    if (t.type !== "w" || t.k.length < 2 || !PLAIN_WORD.test(t.k)) continue;
    wordCount++;
    if (t.o.toLowerCase() !== t.k) markedCount++;
  }
  return wordCount > 0 && markedCount / wordCount >= 0.3;
}

function numberWordKeys(toks: readonly Tok[]): string[] {
  return toks.map((t, i) => {
    if (t.type !== "w") return "";
    if (isNumberWordKey(t.k)) return t.k;
    if (isNumberWordKey(t.kt)) return t.kt;
    // "một nghìn không trăm năm mươi": zero hundreds inside a number
    if (t.k === "khong" && toks[i + 1]?.k === "tram") return t.k;
    return "";
  });
}

/** Whether token x is a verb of attending ("dự", "tham dự", "tham gia"; not "tham quan", a visit, nor "du lịch", travel). */
export function attendVerbAt(toks: readonly Tok[], x: number): boolean {
  const t = toks[x];
  if (t?.type !== "w" || !ATTEND_VERBS.has(t.k)) return false;
  const next = toks[x + 1]?.k;
  return !(t.k === "tham" && next === "quan") && !(t.k === "du" && next === "lich");
}

/**
 * A token's key for matching words: a word's folded key, any other token itself ("," "/", digits); "" past the end.
 * @example tokenKey(normaliseAndTokenise("Băng rôn").toks[0]) // "bang"
 */
export const tokenKey = (t: Tok | undefined): string => (!t ? "" : t.type === "w" ? t.kt : t.k);

/** Whether a token is a word of the set (by key or Telex-folded key). */
export function isWordIn(t: Tok | undefined, set: ReadonlySet<string>): boolean {
  return !!t && t.type === "w" && (set.has(t.k) || set.has(t.kt));
}

/**
 * Whether the people counted from token i are a gathering's attendees: "hội nghị với 120 đoàn viên",
 * "tập huấn 2 lớp, 130 hội viên", "hoi nghi 1 voi 55 doan vien" (a gathering word a few words before,
 * in the same clause, then "với"/"có"/"gồm"/"cho" or one comma).
 */
/** Quote marks around a title ("tập huấn "Bình dân học vụ số" cho …"). */
export const QUOTES: ReadonlySet<string> = new Set(['"', "“", "”", "«", "»"]);

/**
 * Token x, or, when x closes a quoted title, the token before the title's opening quote: the title's words
 * say what a gathering was about, never who came.
 */
export function beforeTitle(toks: readonly Tok[], x: number): number {
  if (!QUOTES.has(toks[x]?.k ?? "")) return x;
  for (let o = x - 1; o >= 0 && o >= x - 20; o--) {
    if (toks[o]!.type === "nl") return x;
    if (QUOTES.has(toks[o]!.k)) return o - 1;
  }
  return x;
}

export function gatheringBefore(toks: readonly Tok[], i: number, blocked?: Uint8Array): boolean {
  // ("tọa đàm 1 buổi, tổng 410 học sinh": the people said as a total, the link before "tổng")
  i = beforeTotalWord(toks, i);
  const link = toks[i - 1];
  // "tọa đàm 1 buổi 45 chị em", "1 lớp 50 đoàn viên": right after the gathering's count, no link needed
  const counted = link?.type === "w" && SESSION_WORDS.has(link.kt) && toks[i - 2]?.type === "n";
  // "tọa đàm …; riêng quý IV: 2 buổi, 170 đoàn viên": people after a count of sittings and a comma, of a gathering
  // named earlier on the line, or of sittings alone opening a label's figures ("Học kỳ I …: 4 buổi, 3.480 lượt học sinh")
  if (
    (link?.k === "," || link?.k === "/") &&
    isWordIn(toks[i - 2], SESSION_WORDS) &&
    toks[i - 3]?.type === "n" &&
    !blocked?.[i - 3]
  )
    return gatheringOnLine(toks, i - 4, blocked) || toks[i - 4]?.k === ":";
  // "1 buổi gặp mặt 40 chị em", "1 hội nghị 120 đảng viên": right after the gathering's name
  const named = link?.type === "w" && endsGathering(toks, i - 1) && toks[i - 1]!.k !== "lop";
  // "mở 3 lớp tập huấn …, mỗi lớp 40 hội viên", "tọa đàm 2 buổi, mỗi buổi 30 chị em": each sitting's people, of a
  // gathering named before in the sentence
  // ("mỗi buổi khoảng 500 học sinh" after "2 buổi dưới cờ": sittings counted before are a gathering's)
  const about = isWordIn(link, ABOUT) ? 1 : 0;
  const sitting = toks[i - 1 - about];
  if (sitting?.type === "w" && SESSION_WORDS.has(sitting.kt) && isWordIn(toks[i - 2 - about], EACH))
    return gatheringInSentence(toks, i - 3 - about, blocked, true);
  if (!link || !(counted || named || (GATHERING_LINKS.has(link.k) && (link.type === "w" || link.k === ","))))
    return gatheringBeforeTopic(toks, i, blocked) || sittingsBeforeComma(toks, i, blocked);
  let reach = i - 6;
  for (let x = counted || named ? i - 1 : i - 2; x >= 0 && x >= reach; x--) {
    // ("tập huấn "Kỹ năng số" với 40 hội viên": over a quoted title, as far again)
    const y = beforeTitle(toks, x);
    if (y !== x) reach -= x - y;
    x = y;
    if (x < 0) return false;
    const t = toks[x]!;
    // ("Tọa đàm: 2 buổi, 230 đoàn viên", "toa dam | 1 buoi, 85 doan vien": the gathering's name as a
    // field's label or a row's first cell, its colon or bar inside)
    if (t.type === "nl" || (t.type === "p" && !LABEL_MARKS.has(t.k))) return false;
    // ("trường 28 lớp, 950 học sinh": a school's classes, marked context, gather no one)
    if (t.type === "w" && endsGathering(toks, x)) return !blocked?.[x];
  }
  return link.k === "," && sittingsBeforeComma(toks, i, blocked);
}

/**
 * "3 buổi tuyên truyền tại trường THCS, 900 học sinh", "2 cuộc …, khoảng 150 hội viên": people right after the comma
 * closing a clause that counts sittings ("N buổi", "N cuộc"; not a school's "lớp") are the sittings' attendees.
 */
function sittingsBeforeComma(toks: readonly Tok[], i: number, blocked?: Uint8Array): boolean {
  const c = isWordIn(toks[i - 1], ABOUT) ? i - 2 : i - 1;
  if (toks[c]?.k !== ",") return false;
  for (let x = c - 1; x > 0 && x >= c - 12; x--) {
    const t = toks[x]!;
    if (t.type === "nl" || (t.type === "p" && !QUOTES.has(t.k))) return false;
    if (t.type === "w" && (t.kt === "buoi" || t.kt === "cuoc") && toks[x - 1]?.type === "n" && !blocked?.[x - 1])
      return true;
  }
  return false;
}

/**
 * "tập huấn 1 lớp kỹ năng bán hàng online 42 xã viên", "hội nghị triển khai nghị quyết 120 đảng viên": people right
 * after a few plain words of a gathering's topic, the gathering (its name, or its count of sittings) opening those
 * words in the clause — no number, mark or line break between.
 */
function gatheringBeforeTopic(toks: readonly Tok[], i: number, blocked?: Uint8Array): boolean {
  if (toks[i - 1]?.type !== "w") return false;
  for (let x = i - 2; x >= 0 && x >= i - 8; x--) {
    const t = toks[x]!;
    if (t.type !== "w") return t.type === "n" && SESSION_WORDS.has(toks[x + 1]?.kt ?? "") && !blocked?.[x];
    if (endsGathering(toks, x) && toks[x]!.k !== "lop") return !blocked?.[x];
  }
  return false;
}

/** Token i, or where "tổng", "tổng cộng" or "tổng số" right before it starts. */
function beforeTotalWord(toks: readonly Tok[], i: number): number {
  const k = (x: number): string => (toks[x]?.type === "w" ? toks[x]!.kt : "");
  if (k(i - 1) === "tong") return i - 1;
  return (k(i - 1) === "cong" || k(i - 1) === "so") && k(i - 2) === "tong" ? i - 2 : i;
}

const EACH: ReadonlySet<string> = new Set(["moi"]);
/** Words of an approximate figure ("khoảng 500", "tầm 90", "gần 40"). */
const ABOUT: ReadonlySet<string> = new Set(["khoang", "tam", "gan", "chung"]);
const SENTENCE_MARKS: ReadonlySet<string> = new Set([".", ";", "!", "?"]);

/** Whether a gathering ("tọa đàm", "tập huấn", not a school's "lớp") is named from token `from` back to its sentence's start. */
export function gatheringInSentence(
  toks: readonly Tok[],
  from: number,
  blocked?: Uint8Array,
  sittings = false,
): boolean {
  for (let x = from; x >= 0 && x >= from - 25; x--) {
    const t = toks[x]!;
    if (t.type === "nl" || (t.type === "p" && SENTENCE_MARKS.has(t.k))) return false;
    if (t.type === "w" && t.k !== "lop" && endsGathering(toks, x) && !blocked?.[x]) return true;
    // with `sittings`, "3 buổi tuyên truyền" counts sittings of a gathering too
    if (sittings && t.type === "w" && t.k !== "lop" && SESSION_WORDS.has(t.kt) && toks[x - 1]?.type === "n")
      return true;
  }
  return false;
}

/** Whether a gathering is named from token `from` back to its line's start (at most 40 tokens). */
function gatheringOnLine(toks: readonly Tok[], from: number, blocked?: Uint8Array): boolean {
  for (let x = from; x >= 0 && x >= from - 40 && toks[x]!.type !== "nl"; x--)
    if (toks[x]!.type === "w" && toks[x]!.k !== "lop" && endsGathering(toks, x) && !blocked?.[x]) return true;
  return false;
}

/** Marks that may stand between a gathering's name and its people: brackets, a label's colon, a row's bar. */
const LABEL_MARKS: ReadonlySet<string> = new Set(["(", ")", ":", "|"]);

/**
 * Gatherings of two words whose last word alone says little ("gặp mặt", "diễn đàn"); not "chuyên đề", which names a
 * club's session as often as a meeting (the bot asks about "sinh hoạt chuyên đề 2 buổi cho 40 đoàn viên").
 */
const GATHERING_PAIRS: ReadonlySet<string> = new Set(["gap mat", "dien dan"]);

/** Whether token x ends the name of a gathering ("hội nghị", "tọa đàm", "gặp mặt"). */
function endsGathering(toks: readonly Tok[], x: number): boolean {
  const t = toks[x];
  if (t?.type !== "w") return false;
  if (GATHERING_WORDS.has(t.k)) return true;
  const p = toks[x - 1];
  return p?.type === "w" && GATHERING_PAIRS.has(`${p.k} ${t.k}`);
}

/** Verbs of the work itself ("tham gia treo", "tham gia phát"): people doing it are no attendees. */
const WORK_VERBS: ReadonlySet<string> = new Set([
  "treo",
  "phat",
  "dan",
  "dung",
  "lam",
  "ve",
  "thao",
  "don",
  "cat",
  "chay",
]);

/**
 * Whether the people counted at tokens [i, from) are the work's hands, not a gathering's audience:
 * mobilised or assigned ("huy động 12 đoàn viên tham gia", "phân công 5 cán bộ") with no gathering
 * named after them, or said to take part in the work itself ("5 cán bộ tham gia treo").
 */
export function workforce(toks: readonly Tok[], i: number, from: number): boolean {
  const k = (t: Tok | undefined): string => (t?.type === "w" ? t.kt : "");
  const before = `${k(toks[i - 2])} ${k(toks[i - 1])}`;
  const mobilised = before === "huy dong" || before === "dieu dong" || before === "phan cong";
  for (let x = from; x < toks.length && x < from + 8 && toks[x]!.type === "w"; x++) {
    if (mobilised && GATHERING_WORDS.has(toks[x]!.k)) return false;
    if (k(toks[x]) === "tham" && k(toks[x + 1]) === "gia" && WORK_VERBS.has(k(toks[x + 2]))) return true;
  }
  return mobilised;
}

/** Counting words of a gathering's sessions ("1 buổi", "2 lớp", "3 cuộc"). */
const SESSION_WORDS: ReadonlySet<string> = new Set(["buoi", "lop", "cuoc"]);

/** Words of a time of day in a bracket ("(6h00, 11h00, 17h30)", "(sáng và chiều)"). */
const TIME_WORDS: ReadonlySet<string> = new Set(["h", "g", "gio", "phut", "sang", "trua", "chieu", "toi", "va"]);

/**
 * "ngày 03 lượt (6h00, 11h00, 17h30) trong 6 ngày": after a bracket at j holding only the times the rate's
 * turns go out at, the token past it; else j.
 */
export function pastTimesBracket(toks: readonly Tok[], j: number): number {
  if (toks[j]?.k !== "(") return j;
  for (let x = j + 1; x < j + 20 && toks[x] && toks[x]!.type !== "nl"; x++) {
    const t = toks[x]!;
    if (t.k === ")") return x > j + 1 ? x + 1 : j;
    if (t.type === "n" || t.k === "," || t.k === ":" || t.k === "-" || t.k === ";") continue;
    if (t.type !== "w" || !(TIME_WORDS.has(t.k) || /^\d*h\d*$/.test(t.k))) return j;
  }
  return j;
}

/** Words saying how long a spoken rate went on ("trong", "suốt", "liên tục") or times it ("nhân"). */
const RATE_SPAN_WORDS: ReadonlySet<string> = new Set(["trong", "suot", "lien", "nhan"]);

/**
 * The end of a spoken rate's words after its figure ending at `j`: up to two words of its measure ("lượt",
 * "lần phát"), then the times of day it goes out at ("ngày 2 lần sáng chiều", "ngày 3 lượt sáng, trưa, chiều",
 * "ngày 3 lượt (6h, 11h, 17h)"); `j` when no word follows.
 */
export function pastRateWords(toks: readonly Tok[], j: number): number {
  let x = j;
  for (let k = 0; k < 3 && toks[x]?.type === "w" && !RATE_SPAN_WORDS.has(toks[x]!.kt); k++) x++;
  if (x === j) return j;
  const joined = (t: Tok | undefined) => t?.k === "," || t?.kt === "va";
  while (x < j + 10 && (isTimeOfDay(toks[x]) || (joined(toks[x]) && isTimeOfDay(toks[x + 1])))) x++;
  return pastTimesBracket(toks, x);
}

/** Words saying a rate went on for a span ("liên tục 15 ngày", "suốt 4 tuần", "trong vòng 10 ngày", "đủ 5 tuần"). */
const LASTING: ReadonlySet<string> = new Set(["lien", "suot", "trong", "du"]);

/**
 * Within two words from `from`, a span said as lasting ("phát liên tục", "suốt", "trong vòng"): the index of
 * its last word, where the span's number follows, or -1.
 */
export function lastingWordsAt(toks: readonly Tok[], from: number): number {
  let x = from;
  for (let k = 0; k < 2 && toks[x]?.type === "w" && !LASTING.has(toks[x]!.kt); k++) x++;
  if (toks[x]?.type !== "w" || !LASTING.has(toks[x]!.kt)) return -1;
  return toks[x + 1]?.kt === "tuc" || toks[x + 1]?.kt === "vong" ? x + 1 : x;
}

/**
 * After a spoken rate's words ending at `j`, the word right before its span's number: "ngày 2 lượt liên tục
 * 15 ngày", "ngày 2 lượt, phát liên tục 15 ngày", also past the rest of the rate's clause when it names what
 * went out ("tuần 2 buổi phát thanh chuyên mục pháp luật, làm trong 4 tuần"); `j` when no span is said so.
 */
export function spanWordAt(toks: readonly Tok[], j: number): number {
  let x = j;
  for (let k = 0; k < 6 && toks[x]?.type === "w" && !LASTING.has(toks[x]!.kt) && !TIMES_SIGNS.has(toks[x]!.k); k++) x++;
  const at = toks[x]?.k === "," ? x + 1 : x;
  const lasting = at > x || (toks[x]?.type === "w" && LASTING.has(toks[x]!.kt)) ? lastingWordsAt(toks, at) : -1;
  return lasting >= 0 ? lasting : j;
}

/** "tháng 11 (30 ngày)" at token x, a daily rate's span: the index of the days' number in the brackets, else x. */
export function monthDaysAt(toks: readonly Tok[], x: number): number {
  if (toks[x]?.kt !== "thang" || toks[x + 1]?.type !== "n" || toks[x + 2]?.k !== "(") return x;
  return toks[x + 3]?.type === "n" && toks[x + 4]?.kt === "ngay" && toks[x + 5]?.k === ")" ? x + 3 : x;
}

/** The parts of a day a rate goes out at, the night too ("sáng chiều", "tối, đêm"). */
const DAY_TIMES: ReadonlySet<string> = new Set([...DAY_PARTS, "dem"]);
const isTimeOfDay = (t: Tok | undefined): boolean => t?.type === "w" && DAY_TIMES.has(t.kt);

/** Whether a token ends a clause (line break, hard punctuation, "và", "với", …); past the end too. */
export function isHard(t: Tok | undefined): boolean {
  if (!t) return true;
  if (t.type === "nl") return true;
  if (t.type === "p") return HARD_PUNCT.has(t.k);
  return isWordIn(t, HARD_WORDS);
}
