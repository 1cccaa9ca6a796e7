/**
 * A number no indicator claimed, followed by a noun that names none of the plan's indicators ("25 xã",
 * "200 ghế", "4 ảnh minh chứng", "3 chuyến"), counts something the plan does not record: it is
 * context, not a question for the officer. A bare number, or one before a measure or a counting word
 * the indicators use ("15 cái", "3 cuộc họp"), is still asked about. The counted noun is read as a phrase:
 * a classifier by the noun after it ("90 bức ảnh"), a name's first word where no name starts by itself
 * ("120 trang", "3 chuyến"), rounds by the thing they are rounds of ("2 đợt tin nhắn").
 */

import type { Tokenised } from "./tokens.js";
import { COMPOUND_STOP, FILLER_WORDS, HARD_WORDS, PEOPLE_PHRASES, PEOPLE_SHORT, SCALE_WORDS } from "./vocabulary.js";

/** Words after a number that do not say what it counts (prepositions, particles, verbs of doing). */
const NOT_NOUNS: ReadonlySet<string> = new Set(
  (
    "o tai trong cua cho den tu vao len tren duoi khoang hon tro ra ve nay do kia moi la thi ma roi " +
    "nhe nha ah a da se dang chua khong ko k nua luon tat het cung deu"
  ).split(" "),
);
/** Nouns whose key is one of NOT_NOUNS, told apart by their marks ("3 ổ dịch" is no "3 ở", "1 tài liệu" no "tại"). */
const NOUNS_WRITTEN: ReadonlySet<string> = new Set(["ổ", "nhà", "tài"]);
/**
 * Words typed without marks that a particle shares, by the words after them that make them a noun: a house ("14 nha
 * toc mai", "3 nha bi sap"), a flag's leaf ("350 la co to quoc", not "là").
 */
const NOUN_BY_NEXT: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["nha", new Set(["toc", "bi", "tam", "sap", "dot"])],
  ["la", new Set(["co"])],
]);
/**
 * People ("120 học sinh", "45 hs", "60 ngư dân", "30 chị em"): they may be attendees the parser did not
 * place, so their number is still asked about.
 */
const PEOPLE: ReadonlySet<string> = new Set([
  ...PEOPLE_SHORT,
  ...["ngu", "cu", "ba", "dan", "khach", "em", "chau", "dai"],
]);
/** First words of people's names of two words ("đoàn" of "đoàn viên"): people only with their second word. */
const PEOPLE_FIRST: ReadonlySet<string> = new Set([...PEOPLE_PHRASES].map((phrase) => phrase.split(" ")[0]!));

/** Whether people are counted at token `end` ("45 hs", "120 học sinh"; not "3 đoàn famtrip": groups of visitors). */
function peopleAt(tk: Tokenised, end: number): boolean {
  const t = tk.toks[end]!;
  if (PEOPLE.has(t.kt)) return true;
  if (!PEOPLE_FIRST.has(t.kt)) return false;
  const next = tk.toks[end + 1];
  return next?.type === "w" && PEOPLE_PHRASES.has(`${t.k} ${next.k}`);
}
/** Counting words that may stand for any indicator's unit ("15 cái", "3 bộ", "2 lần"). */
const COUNTERS: ReadonlySet<string> = new Set([
  "cai",
  "chiec",
  "bo",
  "tam",
  "con",
  "cuon",
  "quyen",
  "lan",
  "dot",
  "ban",
]);

/** Counters of copies and sets ("bản", "bộ", "cuốn", "quyển"), always before the noun they count. */
const VOLUMES: ReadonlySet<string> = new Set(["ban", "bo", "cuon", "quyen"]);
/** Classifiers of single things ("cái", "chiếc", "tấm", "bức", "tờ"): what they count is the noun after them. */
const PIECES: ReadonlySet<string> = new Set(["cai", "chiec", "tam", "buc", "to"]);
/** Counters of rounds and sittings ("đợt", "lần", "buổi", "lượt", "lớp", "cuộc"): units of the plan's own work. */
const ROUNDS: ReadonlySet<string> = new Set(["dot", "lan", "buoi", "luot", "lop", "cuoc"]);

/** What the indicators' words are, for telling a name's head word from another noun that shares it. */
export interface NameWords {
  /** Words of the indicators' measures ("tờ", "tin", "lượt", "chuyên mục"). */
  measures: ReadonlySet<string>;
  /** Counting nouns heading a name ("xe" of "xe loa", "lớp" of "lớp tập huấn"). */
  heads: ReadonlyMap<string, unknown>;
  /** Whether an indicator's name starts at token i. */
  nameAt: (i: number) => boolean;
}

/**
 * Whether the number ending before token `end` counts a thing none of `words` (the indicators' words) names.
 * @example countsOtherThing(normaliseAndTokenise("hướng dẫn 25 xã"), 3, new Set(["pano"])) // true
 */
export function countsOtherThing(tk: Tokenised, end: number, words: ReadonlySet<string>, names?: NameWords): boolean {
  const t = tk.toks[end];
  if (!t || t.type !== "w") return false;
  const k = t.kt;
  if (countsSummedParts(tk, end)) return true;
  const next = tk.toks[end + 1];
  if (names && next?.type === "w" && !POINTING.has(next.kt)) {
    // "90 bức ảnh", "15 cái ghế": a classifier counts the noun after it ("3 tấm pano" still the name's)
    // (the noun after it by itself: "20 tờ tuyên truyền" may still be leaflets)
    if (PIECES.has(k) && !names.nameAt(end)) return countsOtherThing(tk, end + 1, words);
    // "3 đợt tin nhắn": rounds of a thing the mentions refuse as a name ("tin nhắn" is no "tin"); other rounds
    // stay the plan's ("3 đợt tuyên truyền"), and so do messages counted one by one ("gửi 120 tin nhắn")
    if (ROUNDS.has(k) && tk.toks[end + 2]?.type === "w" && COMPOUND_STOP.has(`${next.k} ${tk.toks[end + 2]!.k}`))
      return true;
  }
  // "tin nhắn SMS gửi 3 đợt": the rounds of such a thing named just before them in the clause
  if (names && ROUNDS.has(k) && refusedNameBefore(tk, end, names)) return true;
  // "tờ trình, tờ khai em đã nộp 3 bộ rồi": a counter with no noun after it counts the thing named just before
  if (names && (VOLUMES.has(k) || PIECES.has(k)) && (next?.type !== "w" || NOT_NOUNS.has(next.kt)))
    if (refusedNameBefore(tk, end, names, words)) return true;
  // "đội văn nghệ tập luyện 6 buổi": sittings of practice are a troupe's own, no gathering held for people
  if (names && ROUNDS.has(k) && practiceBefore(tk, end)) return true;
  const noun = NOUNS_WRITTEN.has(t.o.toLowerCase()) || houseUnmarked(tk, end);
  // "2 cái này xã không có kinh phí", "2 cái đó": a count pointing back at the things just named
  if ((COUNTERS.has(k) || k === "thu") && tk.toks[end + 1]?.type === "w" && POINTING.has(tk.toks[end + 1]!.kt))
    return true;
  // "3.600 bản sách", "2 bộ hồ sơ": a counter of volumes says what it counts by the noun after it
  if (VOLUMES.has(k) && tk.toks[end + 1]?.type === "w") return countsOtherThing(tk, end + 1, words);
  // "340 hiện vật", "5 biển báo": a word that may stand between a number and a name, opening a noun of two
  // words with a word of no name, is that noun
  if (names && fillerNounAt(tk, end, words)) return true;
  // "120 trang", "3 chuyến": the first word of a name where no name starts, and no unit of one, is another noun
  if (
    names &&
    words.has(k) &&
    !names.nameAt(end) &&
    !names.measures.has(k) &&
    !names.heads.has(k) &&
    !ROUNDS.has(k) &&
    !COUNTERS.has(k) &&
    !peopleAt(tk, end) &&
    !FILLER_WORDS.has(k) &&
    !NOT_NOUNS.has(k)
  )
    return true;
  return !(
    words.has(k) ||
    COUNTERS.has(k) ||
    peopleAt(tk, end) ||
    ((NOT_NOUNS.has(k) || FILLER_WORDS.has(k)) && !noun) ||
    SCALE_WORDS.has(k) ||
    HARD_WORDS.has(k)
  );
}

/** Verbs of practising, as "first second" keys ("tập luyện", "luyện tập", "tập dượt"). */
const PRACTICE: ReadonlySet<string> = new Set(["tap luyen", "luyen tap", "tap duot"]);

/** Whether a verb of practising stands right before the number ending at `end` ("tập luyện được 6 buổi"). */
function practiceBefore(tk: Tokenised, end: number): boolean {
  const { toks } = tk;
  let x = end - 1;
  while (x >= 0 && toks[x]!.type === "n") x--;
  if (toks[x]?.kt === "duoc" || toks[x]?.kt === "dc") x--;
  return x > 0 && toks[x]!.type === "w" && PRACTICE.has(`${toks[x - 1]!.kt} ${toks[x]!.kt}`);
}

/**
 * Whether a compound refused as a name ("tin nhắn") stands in the few words before the number ending at `end`, or
 * with `words`, a classifier before a noun of no name ("tờ khai").
 */
function refusedNameBefore(tk: Tokenised, end: number, names: NameWords, words?: ReadonlySet<string>): boolean {
  const { toks } = tk;
  let x = end - 1;
  while (x >= 0 && toks[x]!.type === "n") x--;
  for (let n = 0; x > 0 && n < 6; x--, n++) {
    const t = toks[x]!;
    if (t.type !== "w" || names.nameAt(x)) return false;
    const before = toks[x - 1]!;
    if (before.type === "w" && COMPOUND_STOP.has(`${before.k} ${t.k}`)) return true;
    // (or, for a counter, a classifier before a noun of no name: "tờ khai")
    if (words && before.type === "w" && PIECES.has(before.kt) && countsOtherThing(tk, x, words)) return true;
  }
  return false;
}

/** Filler words that are particles or quantifiers, never the head of a noun ("được", "là", "các", "khoảng"). */
const PARTICLES: ReadonlySet<string> = new Set(
  "duoc dc da la co thi moi cac khoang gan hon them nua tat ca tong so luong".split(" "),
);

/** Whether a filler word at `end` opens a noun with the next word ("hiện vật", "biển báo"; not "thực hiện", "phát cho"). */
function fillerNounAt(tk: Tokenised, end: number, words: ReadonlySet<string>): boolean {
  const k = tk.toks[end]!.kt;
  const next = tk.toks[end + 1];
  if (!FILLER_WORDS.has(k) || COUNTERS.has(k) || words.has(k) || next?.type !== "w") return false;
  // ("tổng cộng 7 sản phẩm": what a total counts is the plan's output)
  let b = end - 1;
  while (b > 0 && (tk.toks[b]!.type === "n" || tk.toks[b]!.k === ".")) b--;
  const before = tk.toks[b]!.kt;
  if (before === "tong" || before === "cong") return false;
  // ("3 tại UBND": a preposition, unless its marks make it a noun, "1 tài liệu"; "3 được khen": a particle)
  if ((NOT_NOUNS.has(k) || PARTICLES.has(k)) && !NOUNS_WRITTEN.has(tk.toks[end]!.o.toLowerCase())) return false;
  const k2 = next.kt;
  return !(
    FILLER_WORDS.has(k2) ||
    NOT_NOUNS.has(k2) ||
    HARD_WORDS.has(k2) ||
    words.has(k2) ||
    SCALE_WORDS.has(k2) ||
    peopleAt(tk, end + 1)
  );
}

/** "14 nha toc mai", "350 la co": a word typed without marks before a word that makes it a noun is that noun. */
function houseUnmarked(tk: Tokenised, end: number): boolean {
  const next = tk.toks[end + 1];
  const after = NOUN_BY_NEXT.get(tk.toks[end]!.o.toLowerCase());
  return !!after && next?.type === "w" && after.has(next.kt);
}

/** Words pointing back after a counter ("cái này", "cái đó", "thứ kia", "cái ấy"). */
const POINTING = new Set(["nay", "do", "kia", "ay"]);

/** Verbs of adding up ("cộng", "gộp", "tính", "gồm") and the words that may follow them ("cộng cả", "gộp lại"). */
const SUMMING = new Set(["cong", "gop", "tinh", "gom"]);
const SUMMING_AFTER = new Set(["ca", "du", "het", "lai", "luon"]);
/** The parts a total adds up: rounds and spans of time. */
const SUMMED_PARTS = new Set(["dot", "lan", "thang", "tuan", "ngay", "quy"]);

/**
 * "em cộng cả 3 đợt rồi", "đã gộp 2 tháng", "tính cả 3 lần": the count of parts a total adds up, after a verb
 * of adding, says how the total was made, no figure of its own (a single digit number before `end`).
 */
function countsSummedParts(tk: Tokenised, end: number): boolean {
  const { toks } = tk;
  if (!SUMMED_PARTS.has(toks[end]!.kt) || toks[end - 1]?.type !== "n") return false;
  let b = end - 2;
  if (toks[b]?.type === "w" && SUMMING_AFTER.has(toks[b]!.kt)) b--;
  return toks[b]?.type === "w" && SUMMING.has(toks[b]!.kt);
}
