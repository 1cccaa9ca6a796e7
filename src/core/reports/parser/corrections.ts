/**
 * Corrections in a report: "… à em nhầm, pano là 14", "em gõ sai", "à không, 14", "xin đính chính lại là 8 pa nô",
 * "160 người → sửa thành 180 người", "phóng sự 1 -> phóng sự 0", "số liệu cũ … số liệu mới …",
 * "25 chứ không phải 52", "(không phải 1.500 tờ như đã báo cáo)", "hồi nãy em báo 2 lượt là thiếu".
 * The corrected figure wins; the figure it replaces is neither a value, nor a conflict, nor unclear.
 *
 * Two steps around the pairing (stage 4): `findCorrections` (before it) marks the correction
 * words as a clause break (nothing pairs across "→ sửa thành") and blocks the numbers a correction
 * names as wrong ("chứ không phải 52"); `correctionRoles` (after it) makes the figures after a
 * correction final, gives a figure with no name of its own the indicator it corrects ("pa nô 12,
 * à em nhầm, 14"), and drops the earlier figures of the indicators corrected.
 * "Xin sửa lại: 14 pa nô" after "12 pa nô" stays a conflict (the development corpus asks so).
 */

import { parseDigitNumber } from "../vietnamese-numbers.js";
import { figureOfName } from "./clauses.js";
import type { FigureRoles } from "./combine.js";
import type { CompiledIndicators } from "./indicators.js";
import type { NonValues, TokenMarks } from "./non-values.js";
import { createNumberReader } from "./numbers.js";
import { type NumItem, type Pairing, pairingOf, pairUp } from "./pairing.js";
import { tokenKey as key, type Tok, type Tokenised } from "./tokens.js";
import { hasPhrase, startingWith } from "./word-sequences.js";

type Pair = Pairing["pairs"][number];

/** A correction word: the figures after it (to the end of its line or sentence) replace earlier ones. */
export interface CorrectionMarker {
  start: number;
  end: number;
  /** "bỏ dòng tờ rơi đi": the indicator named right after is dropped, with no figure in its place. */
  drops?: true;
  /** "à 2 buổi chứ, tối họp thêm …": the correction is the one figure before this token, not its sentence. */
  upTo?: number;
}

/** Words that may close a clause after "chứ" ("3 cái chứ ạ", "2 buổi chứ nhé"). */
const CLOSING = new Set(["a", "nhe", "nha", "nhen"]);

export interface Corrections extends TokenMarks {
  markers: CorrectionMarker[];
  /** Stated results of sums ("57+48=105"): after a correction the result, not the first part, is the figure. */
  results?: ReadonlySet<number>;
  /** Re-checks the officer is not sure of ("…, để e hỏi lại rồi báo sau"): their figures are owned, not final. */
  unsure?: CorrectionMarker[];
}

/** Words after "là" that call a figure wrong ("5 là nhầm", "10 là thiếu zalo", "12 là thừa"). */
const WRONG_AFTER = new Set(["nham", "sai", "thieu", "thua"]);

/** "Wrongly" after a verb of reporting ("báo nhầm", "ghi sai", "gõ lộn"). */
const WRONGLY = new Set(["nham", "sai", "lon"]);

/** Verbs of counting or reporting before "thiếu"/"thừa" ("đếm thiếu 2", "báo thừa 3"). */
const MISCOUNT_VERBS = new Set(["dem", "bao", "tinh", "ghi", "go", "nhap", "cong", "danh", "bam"]);

/** Verbs of typing a figure: "gõ thừa số 0" explains a mistyped figure. */
const TYPING_VERBS = new Set(["go", "bam", "nhap", "danh", "ghi"]);

/** Word sequences (search keys, Telex folded) after which the corrected figures come. */
const FORWARD: readonly string[][] = [
  ["dinh", "chinh", "lai", "la"],
  ["dinh", "chinh", "lai"],
  ["dinh", "chinh", "la"],
  ["dinh", "chinh"],
  ["sua", "lai", "thanh"],
  ["sua", "thanh"],
  ["sua", "lai"],
  ["dieu", "chinh", "lai", "thanh"],
  ["dieu", "chinh", "thanh"],
  ["dieu", "chinh", "lai"],
  ["dieu", "chinh", "so", "lieu"],
  ["dieu", "chinh", ":"], // "Điều chỉnh: số hội nghị là 5"
  ["sua", "muc"], // "em sửa mục 2 ạ: áp phích 12 cái"
  ["so", "lieu", "moi"],
  ["so", "lieu", "dung"],
  ["so", "moi"],
  ["so", "dung"],
  ["bao", "lai"],
  ["noi", "lai"], // "à em nói lại, hội nghị là ba cuộc": said again, dictated
  ["cap", "nhat", "lai"],
  // "Xin chỉnh: chỉ 1 cuộc", "em chỉnh lại ạ: …": adjusted, said short
  ["xin", "chinh", "lai"],
  ["xin", "chinh"],
  ["chinh", "lai"],
  ["oi", "chet"], // "ôi chết, pano chỉ 2 thôi": the officer catching a mistake
  ["ay", "chet"],
  ["go", "sai"],
  ["ghi", "sai"],
  ["bao", "sai"],
  ["nhap", "sai"],
  ["danh", "sai"],
  // "gõ lộn", "ghi lộn": the southern word for "nhầm", only after a verb of typing or reporting
  ["go", "lon"],
  ["ghi", "lon"],
  ["bao", "lon"],
  ["nhap", "lon"],
  ["danh", "lon"],
  // "em ghi ngược", "điền ngược": two figures swapped, the figures after are the right ones
  ["go", "nguoc"],
  ["ghi", "nguoc"],
  ["dien", "nguoc"],
  ["bao", "nguoc"],
  ["nhap", "nguoc"],
  ["danh", "nguoc"],
  ["nham"],
  ["xin", "loi"],
  ["sorry"],
  ["sr"], // "sr a, 2 cuoc: …": sorry typed short
  // "40 lượt à không phải 44 lượt", "ủa không phải, 4 cái": taking back what was just said
  ["a", "khong", "phai"],
  ["ua", "khong", "phai"],
  ["kiem", "tra", "lai", "thi"],
  ["kiem", "tra", "lai"],
  // "em check lại phiếu xuất kho thì là 1.350", "rà soát lại thì"
  ["check", "lai", "thi"],
  ["check", "lai"],
  ["ra", "soat", "lai", "thi"],
  ["ra", "soat", "lai"],
  ["doi", "chieu", "lai", "thi"],
  ["doi", "chieu", "lai"],
  ["xem", "lai", "thi"], // "em xem lại thì 23 bài thôi"
  ["dem", "lai", "thi"],
  ["dung", "ra", "la"],
  ["dung", "ra"],
  ["dung", "la"],
  // "Chính xác là xe loa 5 lượt ạ": a later line restating one figure
  ["chinh", "xac", "la"],
  ["chinh", "xac"], // "bài mxh 12, chính xác 14 bài"
  ["thuc", "te", "la"],
  ["thuc", "te", "chi"],
  ["thuc", "te"],
  // "1 cái bị gió giật rách nên chỉ tính 3 cái": what is left after an exclusion is the figure
  ["chi", "tinh"],
  // "pano thay bằng 3 ạ", "đổi thành 5", "đổi lại là 4"
  ["thay", "bang"],
  ["doi", "lai", "thanh"],
  ["doi", "thanh"],
  ["doi", "lai", "la"],
];

/** Checking again ("xem lại", "đếm lại"), before a few words and "thì". */
const CHECKED_AGAIN: readonly string[][] = [
  ["xem", "lai"],
  ["dem", "lai"],
  ["tinh", "lai"],
  ["kiem", "tra", "lai"],
  ["kiem", "lai"],
  ["thong", "ke", "lai"],
  ["ra", "lai"], // "rà lại thì có 12 tin"
  ["update", "lai"],
  ["confirm", "lai"],
  ["check", "lai"],
  ["ra", "soat", "lai"],
  ["doi", "chieu", "lai"],
];

/** Words before a figure that name it as what was wrongly said ("hồi nãy em báo 2"). */
const EARLIER = new Set([
  "hoi nay",
  "luc nay",
  "vua nay",
  "ban nay",
  "luc truoc",
  "truoc do",
  "hom truoc",
  "hom qua",
  "lan truoc",
  "tin truoc",
  "cao truoc", // "báo cáo trước ghi 1 phóng sự"
]);
const SAID = new Set(["bao", "gui", "ghi", "nhan", "go"]);
/** Verbs of reporting of two words, as "first second" keys ("báo cáo nhầm 12", "thống kê sai 30"). */
const SAID_SECOND = new Set(["bao cao", "thong ke", "tong hop", "cap nhat", "nhap lieu"]);
const PERSON = new Set(["em", "e", "minh", "toi"]);
const NOT = new Set(["khong", "ko", "k", "hong"]);

const ARROWS = new Set(["→", "⇒", "➡"]);

/**
 * Finds correction words and the numbers named as wrong.
 * @example findCorrections(normaliseAndTokenise("pano 12, à em nhầm, 14"), nv).markers // [{ start: 5, end: 6 }] ("nhầm")
 */
export function findCorrections(tk: Tokenised, nv: NonValues): Corrections {
  const { toks } = tk;
  const markers: CorrectionMarker[] = [];
  const breaks: number[] = [];
  const blocked: number[] = [];
  const transparent: number[] = [];
  const numbers = createNumberReader(tk, nv.blocked);
  const wrongNumberAt = (j: number): void => {
    if (key(toks[j]) === "la") j++;
    if (!toks[j] || nv.blocked[j]) return;
    const num = numbers.read(j, false);
    if (!num) return;
    for (let x = j; x < num.end; x++) blocked.push(x);
  };
  const c: CorrectionScan = { tk, toks, nv, markers, breaks, blocked, transparent, numbers, wrongNumberAt };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (nv.blocked[i]) continue;
    // arrows: "->", "=>", "→", "⇒", "➡️"
    if (ARROWS.has(t.k) || ((t.k === "-" || t.k === "=") && toks[i + 1]?.k === ">" && !toks[i + 1]!.spaced)) {
      let end = ARROWS.has(t.k) ? i + 1 : i + 2;
      if (toks[end]?.k === "\uFE0F") end++;
      const fw = forwardAt(toks, end);
      if (fw) end = fw;
      markers.push({ start: i, end });
      for (let x = i; x < end; x++) breaks.push(x);
      i = end - 1;
      continue;
    }
    let at = wrongFigureAt(c, i);
    if (at >= 0) {
      i = at;
      continue;
    }
    if (t.type !== "w") continue;
    at = takenBackAt(c, i);
    if (at >= 0) {
      i = at;
      continue;
    }
    at = saidBeforeAt(c, i);
    if (at >= 0) {
      i = at;
      continue;
    }
    at = figureChosenAt(c, i);
    if (at >= 0) {
      i = at;
      continue;
    }
    at = takenBackAfterFigureAt(c, i);
    if (at >= 0) {
      i = at;
      continue;
    }
    const end = forwardAt(toks, i);
    if (end === null) continue;
    // "Xin sửa lại: 14 pa nô" is a conflict to ask about, as the development corpus has it, unless
    // the officer says it is their own figure ("em xin sửa lại: …")
    if (t.kt === "sua" && key(toks[i + 1]) === "lai" && key(toks[i - 1]) === "xin" && !PERSON.has(key(toks[i - 2])))
      continue;
    // "nhầm lẫn" (confusion) is no correction
    if (t.kt === "nham" && key(toks[i + 1]) === "lan") continue;
    markers.push({ start: i, end });
    for (let x = i; x < end; x++) breaks.push(x);
    const comma = namedLineComma(toks, end);
    if (comma !== null) transparent.push(comma);
    i = end - 1;
  }
  const sure = markers.filter((m) => !unsureAfter(toks, m.end));
  const unsure = sure.length < markers.length ? markers.filter((m) => !sure.includes(m)) : undefined;
  const settled = settledRanges(c, sure);
  return { markers: sure, unsure, breaks, blocked, transparent, settled, results: nv.arithmetic.results };
}

/**
 * "tạm 15-16 buổi, e xem sổ rồi chính xác là 16 buổi": a range said shortly before a correction whose figure
 * lies inside it was an estimate the correction settles; it is no longer in doubt. Returns the ranges' first tokens.
 */
function settledRanges(c: CorrectionScan, markers: readonly CorrectionMarker[]): number[] {
  const { toks, nv, numbers } = c;
  const out: number[] = [];
  if (nv.unclear.length === 0) return out;
  for (const m of markers) {
    let j = m.end;
    while (j < m.end + 3 && toks[j]?.type === "w") j++;
    const fig = toks[j]?.type === "n" && !nv.blocked[j] ? numbers.read(j, false) : null;
    if (!fig || fig.bad) continue;
    for (const [a, b] of nv.unclear) {
      if (b >= m.start || m.start - b > 14 || sentenceEndBetween(toks, b, m.start)) continue;
      const low = toks[a]?.type === "n" ? parseDigitNumber(toks[a]!.k) : null;
      const high = toks[b]?.type === "n" ? parseDigitNumber(toks[b]!.k) : null;
      if (low !== null && high !== null && low <= fig.value && fig.value <= high) out.push(a);
    }
  }
  return out;
}

/** What findCorrections' stages share: the message, the marks so far and the readers over them. */
interface CorrectionScan {
  tk: Tokenised;
  toks: readonly Tok[];
  nv: NonValues;
  markers: CorrectionMarker[];
  breaks: number[];
  blocked: number[];
  transparent: number[];
  numbers: ReturnType<typeof createNumberReader>;
  /** Blocks the figure at token j (after a "là"): the wrong one. */
  wrongNumberAt: (j: number) => void;
}

/** A figure said to be wrong ("5 là nhầm") or a figure before a correction word. Returns the token to go on from, or -1 when no rule here takes token i. */
function wrongFigureAt(c: CorrectionScan, i: number): number {
  const { toks, nv, markers, blocked, numbers } = c;
  const t = toks[i]!;
  // "tin bài 5 là nhầm", "5 là sai", "báo 1 cuộc là nhầm": the figure before is the wrong one
  if (t.type === "n" && !nv.blocked[i]) {
    // cheap test first: only a "là", "mới" or "(cũ)" close after the figure can make it one of these
    const k1 = key(toks[i + 1]);
    const k2 = key(toks[i + 2]);
    const k3 = key(toks[i + 3]);
    if (
      k1 !== "la" &&
      k2 !== "la" &&
      k3 !== "la" &&
      k1 !== "moi" &&
      k2 !== "moi" &&
      k3 !== "moi" &&
      k2 !== "cu" &&
      k3 !== "cu" &&
      key(toks[i + 4]) !== "cu" &&
      k1 !== "chu" &&
      k2 !== "chu"
    )
      return i;
    const num = numbers.read(i, false);
    if (num) {
      // one unit word may follow the figure ("1 cuộc", "3 cái")
      const u = toks[num.end]?.type === "w" && key(toks[num.end]) !== "la" && key(toks[num.end]) !== "moi" ? 1 : 0;
      const a = num.end + u;
      // "băng rôn 10 (cũ), 12 (mới)": the figure marked old is the wrong one when a new one follows
      // ("10 cái (cũ), 12 cái (mới)": one unit word may stand before each bracket)
      // ("20 cái (số cũ), 24 cái (số mới)": "số" may stand inside each bracket)
      const b = toks[num.end]?.type === "w" ? num.end + 1 : num.end;
      const c = key(toks[b + 1]) === "so" ? b + 2 : b + 1;
      if (toks[b]?.k === "(" && key(toks[c]) === "cu" && toks[c + 1]?.k === ")") {
        let j = c + 2;
        if (toks[j]?.k === ",") j++;
        const moiNext = key(toks[j]) === "moi" && toks[j + 1]?.type === "n";
        const jb = toks[j + 1]?.type === "w" ? j + 2 : j + 1;
        const jm = key(toks[jb + 1]) === "so" ? jb + 2 : jb + 1;
        const moiAfter = toks[j]?.type === "n" && toks[jb]?.k === "(" && key(toks[jm]) === "moi";
        if (moiNext || moiAfter) {
          for (let x = i; x < num.end; x++) blocked.push(x);
          i = c + 1;
          return i;
        }
      }
      // ("28 lượt là chưa cộng 2 lượt", "là chưa tính 3 cái": left out, as "thiếu")
      const notAdded = key(toks[a + 1]) === "chua" && (key(toks[a + 2]) === "cong" || key(toks[a + 2]) === "tinh");
      if (key(toks[a]) === "la" && (WRONG_AFTER.has(key(toks[a + 1])) || notAdded)) {
        for (let x = i; x < num.end; x++) blocked.push(x);
        // "tin bài 5 là thiếu 1 tin", "12 là thừa 2 cái": the difference after is no figure either
        const d = notAdded ? a + 3 : a + 2;
        const diff = (notAdded || key(toks[a + 1]) === "thieu" || key(toks[a + 1]) === "thua") && !nv.blocked[d];
        const dn = diff && toks[d]?.type === "n" ? numbers.read(d, false) : null;
        if (dn && !dn.bad) for (let x = d; x < dn.end; x++) blocked.push(x);
        i = (dn && !dn.bad ? dn.end : num.end) - 1;
        return i;
      }
      // "à 2 buổi chứ, …", "32 lượt chứ ạ", "pano 3 chứ không phải 2": "chứ" closing its clause, or before
      // the figure it replaces, says this figure is the right one
      const ch = key(toks[num.end]) === "chu" ? num.end : a;
      if (key(toks[ch]) === "chu") {
        const c = CLOSING.has(key(toks[ch + 1])) ? ch + 2 : ch + 1;
        // (not inside a correction said before it in its sentence: "em sửa lại …: số buổi là 6 chứ không phải 5")
        const inside = markers.length > 0 && !sentenceEndBetween(toks, markers[markers.length - 1]!.end, i);
        const closes = startsClause(toks[c]) || (NOT.has(key(toks[ch + 1])) && key(toks[ch + 2]) === "phai");
        if (closes && !inside) {
          markers.push({ start: i, end: i, upTo: ch });
          i = ch;
          return i;
        }
      }
      // "chuyên mục 3 mới đúng", "8 cái mới chính xác": this figure is the right one
      if (
        key(toks[a]) === "moi" &&
        (key(toks[a + 1]) === "dung" || (key(toks[a + 1]) === "chinh" && key(toks[a + 2]) === "xac"))
      ) {
        markers.push({ start: i, end: i });
        i = num.end - 1;
        return i;
      }
    }
    return i;
  }
  return -1;
}

/** A line or figure taken back or replaced ("bỏ dòng …", "không phải", "sửa … thành", "cũ … mới", "thay cho"). Returns the token to go on from, or -1 when no rule here takes token i. */
function takenBackAt(c: CorrectionScan, i: number): number {
  const { toks, nv, markers, breaks, blocked, numbers, wrongNumberAt } = c;
  const t = toks[i]!;
  // "bỏ dòng tờ rơi đi ạ", "xóa mục phóng sự": the officer takes a line back
  const drop = droppedLineAt(toks, i);
  if (drop !== null) {
    markers.push({ start: i, end: drop, drops: true });
    i = drop - 1;
    return i;
  }
  // "…, à không phải, 5 cái", "ko phai, 3 cuoc": "not so," at the start of a clause, then the right figure
  if (NOT.has(t.kt) && key(toks[i + 1]) === "phai" && toks[i + 2]?.k === ",") {
    const prev = toks[i - 1];
    const ahBefore =
      prev?.type === "w" && (prev.o.toLowerCase() === "à" || prev.k === "a") && startsClause(toks[i - 2]);
    if (startsClause(prev) || ahBefore) {
      const start = ahBefore ? i - 1 : i;
      markers.push({ start, end: i + 3 });
      for (let x = start; x < i + 3; x++) breaks.push(x);
      i += 2;
      return i;
    }
  }
  // "e đếm thiếu 2 bài", "báo thừa 3 cái": the difference a correction explains, no figure
  if (
    MISCOUNT_VERBS.has(t.kt) &&
    (key(toks[i + 1]) === "thieu" || key(toks[i + 1]) === "thua" || key(toks[i + 1]) === "sot") &&
    toks[i + 2]?.type === "n" &&
    !nv.blocked[i + 2]
  ) {
    const num = numbers.read(i + 2, false);
    if (num) for (let x = i + 2; x < num.end; x++) blocked.push(x);
    return i;
  }
  // "em bấm thừa số 1", "gõ thiếu số 0": the digit a typo added or left out, no figure
  // ("gõ dư 1 số 0", "thừa một số 0": the count of digits too)
  const digitsAt = /^(?:1|mot)$/.test(key(toks[i + 1])) && key(toks[i + 2]) === "so" ? i + 2 : i + 1;
  if ((t.kt === "thua" || t.kt === "thieu" || t.kt === "du") && key(toks[digitsAt]) === "so") {
    const d = digitsAt + 1;
    const num = toks[d]?.type === "n" ? numbers.read(d, false) : null;
    const after = toks[d + 1];
    const ends = after?.type !== "w" || after.kt === "a" || after.kt === "nhe";
    if (num && num.end === d + 1 && /^\d$/.test(toks[d]!.k) && ends) {
      for (let x = i + 1; x <= d; x++) blocked.push(x);
      // typed by hand ("e gõ thừa số 0, 120 tờ thôi"): the figures after it replace the mistyped one
      if (TYPING_VERBS.has(key(toks[i - 1]))) {
        markers.push({ start: i - 1, end: d + 1 });
        for (let x = i - 1; x <= d; x++) breaks.push(x);
      }
      i = d;
    }
    return i;
  }
  // "em sửa người dự 39 thành 43", "đổi pano 2 thành 3": the figure before "thành" is the wrong one, the one
  // after it final
  if ((t.kt === "sua" || t.kt === "doi") && forwardAt(toks, i) === null) {
    const fix = changedFigure(toks, nv, numbers, i + 1);
    if (fix) {
      for (let x = fix.wrong[0]; x < fix.wrong[1]; x++) blocked.push(x);
      markers.push({ start: fix.to, end: fix.to + 1 });
      breaks.push(fix.to);
      i = fix.to;
      return i;
    }
  }
  // "họp dân cũ 1 buổi mới 2 buổi", "pano cu 2, moi 3": the old figure is the wrong one, the new one final
  if (t.kt === "cu" && toks[i + 1]?.type === "n" && !nv.blocked[i + 1]) {
    const num = numbers.read(i + 1, false);
    if (num) {
      let j = num.end;
      if (toks[j]?.type === "w" && key(toks[j]) !== "moi") j++;
      if (toks[j]?.k === ",") j++;
      if (key(toks[j]) === "moi" && toks[j + 1]?.type === "n" && !nv.blocked[j + 1]) {
        for (let x = i + 1; x < num.end; x++) blocked.push(x);
        markers.push({ start: j, end: j + 1 });
        breaks.push(j);
        i = j;
        return i;
      }
    }
  }
  // "8 pano thay cho 6", "(thay cho số 5 đã báo)": the figure after "thay cho" is the one replaced
  if (t.kt === "thay" && key(toks[i + 1]) === "cho") {
    let j = i + 2;
    if (key(toks[j]) === "so") j++;
    if (toks[j]?.type === "n") {
      wrongNumberAt(j);
      return i;
    }
  }
  // "số cũ 14 số mới 17", "số liệu cũ: 5", "(số trước 28 lượt …)": the old figure is the wrong one
  const old = (k: string): boolean => k === "cu" || k === "truoc";
  if (t.kt === "so" && (old(key(toks[i + 1])) || (key(toks[i + 1]) === "lieu" && key(toks[i + 2]) === "cu"))) {
    let j = old(key(toks[i + 1])) ? i + 2 : i + 3;
    if (toks[j]?.k === ":") j++;
    wrongNumberAt(j);
    return i;
  }
  // "chứ không phải 52", "(không phải 1.500 tờ …)"
  if (NOT.has(t.kt) && key(toks[i + 1]) === "phai") {
    wrongNumberAt(i + 2);
    // "không phải 40 mà là 46 lượt": the figure after "mà (là)" is the right one
    const but = rightFigureAfter(toks, nv, numbers, i + 2);
    if (but !== null) {
      markers.push({ start: i, end: but });
      for (let x = i; x < but; x++) breaks.push(x);
      i = but - 1;
    }
    return i;
  }
  return -1;
}

/** What was said before or wrongly ("trước là 2", "đã báo 6, nay sửa 8", "à không", "báo sai", "sửa:"). Returns the token to go on from, or -1 when no rule here takes token i. */
function saidBeforeAt(c: CorrectionScan, i: number): number {
  const { tk, toks, nv, markers, breaks, blocked, numbers, wrongNumberAt } = c;
  const t = toks[i]!;
  // "tin bài 3 (trước là 2)", "cũ là 4": what was said before, named as such
  if ((t.kt === "truoc" || t.kt === "cu") && key(toks[i + 1]) === "la" && toks[i + 2]?.type === "n") {
    wrongNumberAt(i + 2);
    return i;
  }
  // "64 học viên (đã báo 46)", "(trước báo 3)": the figure reported before, in brackets
  if ((t.kt === "da" || t.kt === "truoc") && toks[i - 1]?.k === "(" && SAID.has(key(toks[i + 1]))) {
    let j = i + 2;
    if (key(toks[j]) === "cao") j++;
    if (toks[j]?.k === ":") j++;
    wrongNumberAt(j);
    return i;
  }
  // "Băng rôn: đã báo 6, nay sửa 8": the figure reported before is the wrong one, the one after "sửa" final
  const fixed = t.kt === "da" ? reportedThenFixed(toks, nv, numbers, i + 1) : null;
  if (fixed) {
    for (let x = fixed.wrong[0]; x < fixed.wrong[1]; x++) blocked.push(x);
    markers.push({ start: fixed.fix[0], end: fixed.fix[1] });
    for (let x = fixed.fix[0]; x < fixed.fix[1]; x++) breaks.push(x);
    i = fixed.fix[1] - 1;
    return i;
  }
  // "hồi nãy em báo 2 lượt"
  if (hasPhrase(EARLIER, t.kt, key(toks[i + 1]))) {
    let j = i + 2;
    if (PERSON.has(key(toks[j]))) j++;
    if (SAID.has(key(toks[j]))) {
      j++;
      if (key(toks[j]) === "cao") j++;
      // "lúc nãy em báo tin bài 5": the name may come before the figure
      for (let k = 0; k < 3 && toks[j]?.type === "w" && key(toks[j]) !== "la"; k++) j++;
      wrongNumberAt(j);
    }
    return i;
  }
  // "từ 95 người sửa thành 115 người", "sửa … từ 6 tin thành 8 tin"
  if (t.kt === "tu" && toks[i + 1]?.type === "n" && !nv.blocked[i + 1]) {
    const num = numbers.read(i + 1, false);
    if (num) {
      let j = num.end;
      while (j < num.end + 2 && toks[j]?.type === "w" && key(toks[j]) !== "sua" && key(toks[j]) !== "thanh") j++;
      if (
        key(toks[j]) === "thanh" ||
        (key(toks[j]) === "sua" && (key(toks[j + 1]) === "thanh" || key(toks[j + 2]) === "thanh"))
      ) {
        for (let x = i + 1; x < num.end; x++) blocked.push(x);
      }
    }
    return i;
  }
  // "pano 12 nhé, à không, 14 ạ": "à không" (oh no) followed by the right figure; typed without
  // marks ("a khong, 4 luot") only at the start of a clause
  // "ah ko, 3 chuyên mục": "ah" is "à" typed out
  const ah =
    (t.o.length === 1 && t.o.toLowerCase() === "à") ||
    ((t.k === "ah" || (!tk.accented && t.k === "a")) && startsClause(toks[i - 1]));
  if (ah && NOT.has(key(toks[i + 1])) && (toks[i + 2]?.k === "," || toks[i + 2]?.type === "n")) {
    const end = toks[i + 2]?.k === "," ? i + 3 : i + 2;
    markers.push({ start: i, end });
    for (let x = i; x < end; x++) breaks.push(x);
    i = end - 1;
    return i;
  }
  // "… 500 tờ. à tờ rơi 450 tờ thôi": "à" (oh) opening a later sentence restates a figure, unless it adds
  // ("à thêm 50 tờ nữa", "à còn 2 pano")
  if (ah && i > 0 && opensSentence(toks[i - 1]) && hasNumber(toks, 0, i) && !addsInSentence(toks, i + 1)) {
    const end = toks[i + 1]?.k === "," ? i + 2 : i + 1;
    markers.push({ start: i, end });
    for (let x = i; x < end; x++) breaks.push(x);
    i = end - 1;
    return i;
  }
  // "(tin nhắn trước em ghi nhầm băng rôn 17)", "báo sai pano 12": what was said wrongly, named right after
  // ("báo cáo nhầm", "thống kê sai", "tổng hợp nhầm": a verb of two words, its second word here)
  if (
    WRONGLY.has(key(toks[i + 1])) &&
    (SAID.has(t.kt) || MISCOUNT_VERBS.has(t.kt) || SAID_SECOND.has(`${key(toks[i - 1])} ${t.kt}`))
  ) {
    let j = i + 2;
    for (let k = 0; k < 3 && toks[j]?.type === "w" && key(toks[j]) !== "la" && key(toks[j]) !== "thanh"; k++) j++;
    // "(trước đây báo nhầm 67 người)": the figure may follow at once; a line of its own, "e gõ nhầm ng 77 ạ",
    // gives the right figure instead (no bracket, no earlier message named)
    if (toks[j]?.type === "n" && !nv.blocked[j] && saysWhatWasWrong(toks, i)) {
      wrongNumberAt(j);
      i = j;
      return i;
    }
    // "gõ nhầm số người tham dự hội nghị thành 1.500": a longer name, then "thành" and the wrong figure
    let w = i + 2;
    while (w < i + 9 && toks[w]?.type === "w" && key(toks[w]) !== "thanh" && key(toks[w]) !== "la") w++;
    if (key(toks[w]) === "thanh" && toks[w + 1]?.type === "n" && !nv.blocked[w + 1]) {
      wrongNumberAt(w + 1);
      i = w + 1;
      return i;
    }
  }
  // "em ghi nhầm thành 2.100 tờ": the figure after is the wrong one
  if (t.kt === "nham" && (key(toks[i + 1]) === "thanh" || key(toks[i + 1]) === "la") && toks[i + 2]?.type === "n") {
    wrongNumberAt(i + 2);
    return i;
  }
  // "em xin sửa: áp phích 6", "sửa: tờ rơi 700": "sửa" alone, said by the officer or before a colon
  if (
    t.kt === "sua" &&
    (toks[i + 1]?.k === ":" || (key(toks[i - 1]) === "xin" && PERSON.has(key(toks[i - 2])))) &&
    forwardAt(toks, i) === null
  ) {
    const end = toks[i + 1]?.k === ":" ? i + 2 : i + 1;
    markers.push({ start: i, end });
    for (let x = i; x < end; x++) breaks.push(x);
    i = end - 1;
    return i;
  }
  return -1;
}

/** "à", "ờ", "ơ" typed as one letter: the sound that opens taking a figure back ("ờ không 40 lượt"). */
const UH = new Set(["à", "ờ", "ơ"]);

/**
 * "to roi 200 to a khong 300 to", "ba mươi lượt ờ không bốn mươi lượt": "à/ờ không" right after a figure (and its
 * unit) and right before the next one takes the figure back, as "à không," at a clause's start does; "à quên,
 * 28 lượt" and "hai, à ba phóng sự" too, unless it adds ("à quên, còn 2 tin nữa"). Returns the token to go on from, or -1 when no rule
 * here takes token i.
 */
function takenBackAfterFigureAt(c: CorrectionScan, i: number): number {
  const { toks, nv, markers, breaks, numbers } = c;
  const t = toks[i]!;
  const uh = t.k === "a" || t.k === "ah" || UH.has(t.o.toLowerCase());
  if (!uh) return -1;
  const figure = (x: number): boolean => toks[x]?.type === "n" || (x >= 0 && numbers.acceptWord(x));
  // "phóng sự: hai, à ba phóng sự": "à" written with its mark right before the next figure
  const direct = UH.has(t.o.toLowerCase()) && figure(i + 1);
  const forgot = key(toks[i + 1]) === "quen";
  if (!NOT.has(key(toks[i + 1])) && !forgot && !direct) return -1;
  const prev = toks[i - 1]?.k === "," && direct ? i - 2 : i - 1;
  const afterFigure = figure(prev) || figureNamedBefore(toks, prev, figure);
  const at = direct ? i + 1 : toks[i + 2]?.k === "," ? i + 3 : i + 2;
  if ((!afterFigure && !(forgot && toks[i - 1]?.k === ",")) || nv.blocked[at]) return -1;
  if ((forgot || direct) && addsInSentence(toks, at)) return -1;
  const next = numbers.read(at, false);
  if (!next || next.bad || next.weak) return -1;
  markers.push({ start: i, end: at });
  for (let x = i; x < at; x++) breaks.push(x);
  return at - 1;
}

/** "4 băng rôn, à 5", "6 băng rôn khẩu hiệu à 8 cái": a figure with its measure or name (up to four words) ending at `last`. */
function figureNamedBefore(toks: readonly Tok[], last: number, figure: (x: number) => boolean): boolean {
  for (let x = last; x >= 0 && x > last - 4; x--) {
    if (toks[x]?.type !== "w") return false;
    if (figure(x - 1)) return true;
  }
  return false;
}

/** Words before "lấy" that choose among figures said ("thôi lấy 520", "chỉ lấy 42", "à lấy số 5"). */
const CHOOSING = new Set(["thoi", "chi", "a"]);
/** Words that call what was said a miscount, before "phải là" ("ghi thiếu, phải là 4 buổi"). */
const MISCOUNTED = new Set(["thieu", "thua", "nham", "sai", "sot", "lon", "du"]);

/**
 * The figure the officer picks after saying others: "lấy số 12", "thôi chỉ lấy 520", "à sửa 550", "e ghi thiếu,
 * phải là 4 buổi". A marker up to the figure (it is final, the earlier ones of its indicator dropped).
 * Returns the token to go on from, or -1 when no rule here takes token i.
 */
function figureChosenAt(c: CorrectionScan, i: number): number {
  const { toks, nv, markers, breaks } = c;
  const t = toks[i]!;
  let fig = -1;
  if (t.kt === "lay") {
    // ("anh lấy số 5 nhé" with nothing said wrong stays a figure to ask about: round 18)
    const j = key(toks[i + 1]) === "so" ? i + 2 : i + 1;
    const chosen = CHOOSING.has(key(toks[i - 1])) && (key(toks[i - 1]) !== "a" || toks[i - 1]!.o === "à");
    if (toks[j]?.type === "n" && (chosen || miscountNear(toks, i, 6, 10))) fig = j;
  } else if (t.kt === "sua" && (key(toks[i - 1]) === "a" || PERSON.has(key(toks[i - 1]))) && toks[i + 1]?.type === "n")
    fig = i + 1;
  else if (t.kt === "sua") {
    // "chị sửa giúp em thành 650 nhé": asked to change to a figure, with no figure before "thành"
    for (let x = i + 1; x < i + 5 && toks[x]?.type === "w"; x++)
      if (key(toks[x]) === "thanh" && toks[x + 1]?.type === "n") fig = x + 1;
  } else if (t.kt === "phai" && key(toks[i + 1]) === "la" && toks[i + 2]?.type === "n" && miscountNear(toks, i, 6, 0))
    fig = i + 2;
  if (fig < 0 || nv.blocked[fig]) return -1;
  markers.push({ start: i, end: fig });
  for (let x = i; x < fig; x++) breaks.push(x);
  return fig - 1;
}

/**
 * Whether a word calling a figure miscounted or dropped ("ghi thiếu", "nhầm", "đếm sót", "bỏ số cũ") stands in the
 * sentence of token `at`, up to `back` tokens before it or `ahead` after it.
 */
function miscountNear(toks: readonly Tok[], at: number, back: number, ahead: number): boolean {
  const says = (x: number): boolean =>
    MISCOUNTED.has(key(toks[x])) || (key(toks[x]) === "bo" && key(toks[x + 2]) === "cu");
  for (let x = at - 1; x >= 0 && x >= at - back && !isScopeEnd(toks[x]!); x--) if (says(x)) return true;
  for (let x = at + 1; x < toks.length && x <= at + ahead && !isScopeEnd(toks[x]!); x++) if (says(x)) return true;
  return false;
}

/** Words by which an officer says a figure is still to be checked ("để e hỏi lại a Hùng", "rồi báo sau", "chưa chắc"). */
const UNSURE: readonly string[][] = [
  ["hoi", "lai"],
  ["bao", "sau"],
  ["bao", "lai", "sau"],
  ["chua", "chac"],
  ["xac", "minh", "lai"],
];

/** Whether the sentence after a correction word says its figure is still to be checked: no correction, a conflict. */
function unsureAfter(toks: readonly Tok[], from: number): boolean {
  for (let x = from; x < toks.length && x < from + 40 && !isScopeEnd(toks[x]!); x++)
    if (startingWith(UNSURE, key(toks[x])).some((seq) => seq.every((w, k) => key(toks[x + k]) === w))) return true;
  return false;
}

/**
 * "sửa người dự 39 thành 43", "sửa 18 thành 20", "đổi pano 2 cái thành 3": up to three words, a figure
 * (and its unit), "thành" and a figure — the first figure's tokens and where "thành" stands.
 */
function changedFigure(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
): { wrong: [number, number]; to: number } | null {
  let j = from;
  if (key(toks[j]) === "lai") j++;
  for (let k = 0; k < 3 && toks[j]?.type === "w"; k++) j++;
  if (toks[j]?.type !== "n" || nv.blocked[j]) return null;
  const num = numbers.read(j, false);
  if (!num || num.bad) return null;
  let t = num.end;
  if (toks[t]?.type === "w" && key(toks[t]) !== "thanh") t++;
  if (key(toks[t]) !== "thanh" || toks[t + 1]?.type !== "n") return null;
  return { wrong: [j, num.end], to: t };
}

/**
 * "không phải 40 mà là 46": from the wrong figure at `from` (its unit may follow), "mà" or "mà là" and a
 * figure — where that figure starts; null when not so.
 */
function rightFigureAfter(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
): number | null {
  const j = key(toks[from]) === "la" ? from + 1 : from;
  const num = toks[j]?.type === "n" && !nv.blocked[j] ? numbers.read(j, false) : null;
  if (!num) return null;
  let m = num.end;
  if (toks[m]?.type === "w" && key(toks[m]) !== "ma") m++;
  if (key(toks[m]) !== "ma") return null;
  const end = key(toks[m + 1]) === "la" ? m + 2 : m + 1;
  return toks[end]?.type === "n" && !nv.blocked[end] ? end : null;
}

/** Words for "now" before a fix ("nay sửa 8", "giờ sửa thành 8", "bây giờ sửa lại 2"). */
const NOW = new Set(["nay", "gio", "bay"]);

/**
 * "đã báo 6, nay sửa 8", "đã báo 1 cuộc, giờ sửa thành 2 cuộc": after "đã" at `from`, a verb of reporting,
 * a figure (and its unit), a comma, "nay"/"giờ" and "sửa" — the reported figure's tokens and the fix words.
 * "đã báo 400, giữ nguyên" is no fix: the figure stands.
 */
function reportedThenFixed(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
): { wrong: [number, number]; fix: [number, number] } | null {
  if (!SAID.has(key(toks[from]))) return null;
  const j = key(toks[from + 1]) === "cao" ? from + 2 : from + 1;
  if (toks[j]?.type !== "n" || nv.blocked[j]) return null;
  const num = numbers.read(j, false);
  if (!num || num.bad) return null;
  let s = num.end;
  if (toks[s]?.type === "w" && !NOW.has(key(toks[s]))) s++;
  if (toks[s]?.k === ",") s++;
  while (NOW.has(key(toks[s]))) s++;
  if (key(toks[s]) !== "sua") return null;
  let end = s + 1;
  if (key(toks[end]) === "lai") end++;
  if (key(toks[end]) === "thanh") end++;
  if (toks[end]?.k === ":") end++;
  return toks[end]?.type === "n" ? { wrong: [j, num.end], fix: [s, end] } : null;
}

/** Words naming the earlier message ("tin trước", "hôm qua", "trước đây", "lúc nãy"). */
const EARLIER_WORDS = new Set(["truoc", "qua", "nay", "hom"]);

/**
 * Whether "ghi nhầm …" at token i names what was said wrongly: inside brackets, or after words naming the
 * earlier message in its clause ("tin nhắn trước em ghi nhầm băng rôn 17").
 */
function saysWhatWasWrong(toks: readonly Tok[], i: number): boolean {
  for (let x = i - 1; x >= 0 && x >= i - 8 && toks[x]!.type !== "nl"; x--) {
    if (toks[x]!.k === "(") return true;
    if (toks[x]!.k === ")" || toks[x]!.k === "." || toks[x]!.k === "!" || toks[x]!.k === "?") return false;
    if (EARLIER_WORDS.has(key(toks[x]))) return true;
  }
  return false;
}

/** Words that take a line back: "bỏ dòng", "xóa mục", "bỏ phần". */
const DROP_VERBS = new Set(["bo", "xoa"]);
const LINE_WORDS = new Set(["dong", "muc", "phan"]);

/** After "bỏ dòng" / "xóa mục" at token i, where the name of the line taken back starts; null when not one. */
function droppedLineAt(toks: readonly Tok[], i: number): number | null {
  if (!DROP_VERBS.has(key(toks[i])) || !LINE_WORDS.has(key(toks[i + 1])) || toks[i + 2]?.type !== "w") return null;
  return i + 2;
}

/**
 * "e nhầm dòng áp phích, 36 tờ", "sửa mục pano, 3 cái": after a correction, the line named ("dòng", "mục"),
 * a comma and its figure — the comma, which joins the name to its figure (a unit of another does not take it).
 */
function namedLineComma(toks: readonly Tok[], from: number): number | null {
  // ("sửa mục" ends the correction words itself)
  const name = LINE_WORDS.has(key(toks[from - 1])) ? from : LINE_WORDS.has(key(toks[from])) ? from + 1 : -1;
  if (name < 0) return null;
  let j = name;
  while (j < name + 4 && toks[j]?.type === "w") j++;
  return j > name && toks[j]?.k === "," && toks[j + 1]?.type === "n" ? j : null;
}

/**
 * "đếm lại là 14 cái", "kiểm lại được 45 tờ", "đếm lại còn 580 tờ": after checking again, "là"/"được"/"còn" right
 * before a figure says the recounted figure (as "thì" does before any words).
 */
function recountedFigureAt(toks: readonly Tok[], j: number): boolean {
  const k = key(toks[j]);
  return (k === "la" || k === "duoc" || k === "con") && toks[j + 1]?.type === "n";
}

/** End of a forward correction phrase starting at token i (with a trailing ":"), or null. */
function forwardAt(toks: readonly Tok[], i: number): number | null {
  // "em xem lại sổ thì chỉ 1.350 tờ", "đếm lại số phiếu thì …": checked again, a few words, then "thì"
  const check = startingWith(CHECKED_AGAIN, key(toks[i])).find((seq) =>
    seq.every((w, k) => toks[i + k]?.type === "w" && key(toks[i + k]) === w),
  );
  if (check)
    for (let j = i + check.length; j < i + check.length + 6 && toks[j]?.type === "w"; j++)
      if (key(toks[j]) === "thi" || recountedFigureAt(toks, j)) return j + 1;
  for (const seq of startingWith(FORWARD, key(toks[i]))) {
    // (a ":" in a phrase is the colon itself: "Điều chỉnh:")
    if (
      seq.every((w, k) => (w === ":" ? toks[i + k]?.k === ":" : toks[i + k]?.type === "w" && key(toks[i + k]) === w))
    ) {
      let end = i + seq.length;
      if (toks[end]?.k === ":") end++;
      return end;
    }
  }
  return null;
}

/**
 * "tờ rơi 1000 tờ à nhầm 500 tờ thôi ạ băng rôn 8 cái", dictated with no commas: the figure right after a
 * correction word has no name of its own; the name after it has its own figure ("băng rôn 8"), so the figure
 * is left unpaired, for `correctionRoles` to give it the indicator it corrects.
 * @example unpairAfterCorrections(tk, pairing, corrections).unplaced // [500] for the message above
 */
export function unpairAfterCorrections(
  tk: Tokenised,
  pairing: Pairing,
  corrections: Corrections,
  compiled: CompiledIndicators,
): Pairing {
  const { toks } = tk;
  let pairs: Pair[] | undefined;
  const freed: Pairing["unplaced"] = [];
  for (const m of corrections.markers) {
    if (m.drops || toks[m.start]?.type !== "w") continue;
    // ("e nói lại là 3 cái": "là" may stand before the figure)
    const at = key(toks[m.end]) === "la" ? m.end + 1 : m.end;
    const p = (pairs ?? pairing.pairs).find((x) => x.num.start === at && x.numFirst);
    // (not "2 pano 5 băng rôn", nor "300 tờ tờ rơi": a figure right before its name, or in its own measure)
    if (!p || p.ind.start === p.num.end || unitOf(compiled, toks[p.num.end], p.ind.code)) continue;
    // ("… ba trăm tờ thôi ạ họp bản thì 7 bản mỗi bản 1 cuộc": the name has its own figure from a stage, a product)
    if (ownedByStage(pairs ?? pairing.pairs, p)) {
      pairs = (pairs ?? pairing.pairs).filter((x) => x !== p);
      freed.push(p.num);
      continue;
    }
    const idx = pairing.items.indexOf(p.ind);
    const own = pairing.items[idx + 1];
    // the name's own figure follows it at once, in its clause ("họp bản thì 7 bản": a topic's "thì" between)
    if (own?.kind !== "N" || !figureOfName(toks, p.ind.end, own.start)) continue;
    // ("áp phích năm tờ": a figure paired with a one-word measure after it is the name's before it all the same;
    // not "25 lượt phát thanh 3 tin bài", a figure before a name of its own)
    const ownPair = (pairs ?? pairing.pairs).find((x) => x.num === own);
    const measured =
      ownPair?.numFirst &&
      ownPair.ind.end === ownPair.ind.start + 1 &&
      unitOf(compiled, toks[own.end], ownPair.ind.code);
    // ("… 22 cái phát tờ rơi 800 tờ họp dân 5 cuộc": a figure in the name's own measure is the name's, though the
    // matching gave it to the next name)
    const inOwnMeasure = ownPair?.numFirst && unitOf(compiled, toks[own.end], p.ind.code);
    if (ownPair && ownPair.ind.code !== p.ind.code && !measured && !inOwnMeasure) continue;
    const mine = ownPair?.ind.code === p.ind.code;
    pairs = (pairs ?? pairing.pairs).filter((x) => x !== p && (mine || x !== ownPair));
    if (!mine) pairs.push(pairUp(own, p.ind, false));
    freed.push(p.num);
  }
  if (!pairs) return pairing;
  const ownNums = new Set(pairs.map((x) => x.num));
  const unplaced = [...pairing.unplaced.filter((u) => !ownNums.has(u)), ...freed].sort((a, b) => a.start - b.start);
  pairs.sort((a, b) => a.num.start - b.num.start);
  return pairingOf(pairs, pairing.items, unplaced, pairing.cls, pairing.unclear);
}

/** Whether the name of pair p also heads a figure after it that a stage read (a product "mỗi bản 1 cuộc"). */
function ownedByStage(pairs: readonly Pair[], p: Pair): boolean {
  return pairs.some((x) => x !== p && x.ind.start === p.ind.start && x.num.start > p.ind.end);
}

/** Whether a word is the indicator's own measure ("tờ" of tờ rơi, "cuộc" of hội nghị). */
function unitOf(compiled: CompiledIndicators, t: Tok | undefined, code: string): boolean {
  if (t?.type !== "w") return false;
  return (compiled.measures.get(t.k) ?? compiled.measures.get(t.kt)) === code;
}

/**
 * The roles corrections give to the paired figures: final (after a correction, to the end of its
 * line or sentence), superseded (earlier figures of the indicators corrected) and owners (a figure
 * after a correction with no name takes the indicator named last before it).
 * @example correctionRoles(tk, pairing, corrections) // final Set { 7 }, superseded Set { 1 }, owners Map { 7 => "pano" } for "pano 12, à em nhầm, 14"
 */
export function correctionRoles(
  tk: Tokenised,
  pairing: Pairing,
  corrections: Corrections,
  compiled?: CompiledIndicators,
): Partial<FigureRoles> {
  const final = new Set<number>();
  const superseded = new Set<number>();
  const owners = new Map<number, string>();
  const { toks } = tk;
  const { markers } = corrections;
  markers.forEach((m, idx) => {
    if (m.drops) {
      dropLine(pairing, m, superseded, final);
      return;
    }
    let scopeEnd = m.end;
    const next = m.upTo ?? markers[idx + 1]?.start ?? toks.length;
    while (scopeEnd < next && !isScopeEnd(toks[scopeEnd]!)) scopeEnd++;
    // "Số liệu mới ạ, bỏ mấy tin trên:", "e xin gửi lại số liệu mới a:": a line with no figure ending in a colon
    // heads the new figures, every line after it up to the next correction
    // (there only named figures count, read as any others: a later line's may be a part, "Thôn B: pano 1")
    const heading =
      toks[scopeEnd]?.type === "nl" && toks[scopeEnd - 1]?.k === ":" && !figureIn(pairing, m.end, scopeEnd);
    if (heading) scopeEnd = next;
    // "xin lỗi ạ" alone on its line: the right figures come on the next line
    if (toks[scopeEnd]?.type === "nl" && !hasNumber(toks, m.end, scopeEnd)) {
      scopeEnd++;
      while (scopeEnd < next && !isScopeEnd(toks[scopeEnd]!)) scopeEnd++;
    }
    // "số hội nghị là 5 (bổ sung …), số đại biểu là 370": a note in brackets followed by a comma goes on
    // with the correction after it (the note's own figures stay outside it)
    const notes: [number, number][] = [];
    while (toks[scopeEnd]?.k === "(") {
      let close = scopeEnd + 1;
      while (close < next && toks[close]!.k !== ")" && toks[close]!.type !== "nl") close++;
      if (toks[close]?.k !== ")" || (toks[close + 1]?.k !== "," && toks[close + 1]?.k !== ";")) break;
      notes.push([scopeEnd, close]);
      scopeEnd = close + 1;
      while (scopeEnd < next && !isScopeEnd(toks[scopeEnd]!)) scopeEnd++;
    }
    const inNote = (at: number): boolean => notes.some(([a, b]) => at > a && at < b);
    const codes = new Set<string>();
    const finalHere: number[] = [];
    const found: [number, string][] = [];
    for (const p of pairing.pairs) {
      if (p.num.start >= m.end && p.num.start < scopeEnd && !inNote(p.num.start)) found.push([p.num.start, p.ind.code]);
    }
    for (const u of pairing.unplaced) {
      if (u.start < m.end || owners.has(u.start) || inNote(u.start)) continue;
      if (u.start >= scopeEnd && !sameLine(toks, m.start, u.start)) continue;
      // "pano 3 cái mới đúng, còn 1 cái ở ngã ba e quên": the difference the correction explains, no figure
      if (explainsDifference(pairing, m, u) || calledOtherPeriods(toks, pairing, m, u)) {
        superseded.add(u.start);
        continue;
      }
      if (u.start >= scopeEnd || heading) continue;
      const owner = nameBefore(toks, pairing, m, u.start);
      if (!owner) continue;
      owners.set(u.start, owner);
      found.push([u.start, owner]);
    }
    found.sort((a, b) => a[0] - b[0]);
    const firstAt = new Map<string, number>();
    for (const [at, code] of found) {
      // "xem lại thì 23 bài thôi, 2 bài là chia sẻ lại", "sửa lại: 6, 1 tin bị gỡ": the first figure is the
      // corrected one, a later one of the same indicator explains the difference; not when the first is
      // qualified ("pano 7 là lũy kế, quý này chỉ 3 cái")
      const first = firstAt.get(code);
      // (one figure read twice, by the pairing and by a stage: "người tham dự 2 hội nghị 70 + 85 người")
      if (first === at) continue;
      // "người dự là 57+48=105": the sum's stated result replaces its first part
      if (first !== undefined && corrections.results?.has(at)) {
        superseded.add(first);
        finalHere.splice(finalHere.indexOf(first), 1, at);
        firstAt.set(code, at);
        continue;
      }
      if (first !== undefined && !qualifiedBetween(toks, first, at) && (!heading || sameLine(toks, first, at))) {
        superseded.add(at);
        continue;
      }
      if (first === undefined) firstAt.set(code, at);
      codes.add(code);
      finalHere.push(at);
    }
    if (codes.size === 0) return;
    const moved = movedFigure(toks, pairing, m, finalHere, codes);
    if (moved !== undefined) {
      superseded.add(moved);
      final.delete(moved);
    }
    for (const p of pairing.pairs) {
      if (p.num.start < m.start && codes.has(p.ind.code)) {
        superseded.add(p.num.start);
        final.delete(p.num.start);
      }
    }
    for (const [at, code] of owners) {
      if (at < m.start && codes.has(code)) {
        superseded.add(at);
        final.delete(at);
      }
    }
    // a number with no name right before the correction ("12, à nhầm, 15 pa nô")
    for (const u of pairing.unplaced) {
      if (
        u.start < m.start &&
        !owners.has(u.start) &&
        sameLine(toks, u.start, m.start) &&
        replaced(toks, u, codes, compiled)
      )
        superseded.add(u.start);
    }
    for (const at of finalHere) {
      if (explainsWrongFigure(toks, pairing, at, superseded)) superseded.add(at);
      else if (!heading) final.add(at);
    }
  });
  // "e kiểm tra lại thì 35 lượt, để e hỏi lại …": the nameless figure of an unsure re-check is its indicator's,
  // beside the earlier one (a conflict to ask about)
  for (const m of corrections.unsure ?? []) {
    for (const u of pairing.unplaced) {
      if (u.start < m.end || owners.has(u.start) || !sameLine(toks, m.end, u.start) || hasNumber(toks, m.end, u.start))
        continue;
      const owner = nameBefore(toks, pairing, m, u.start);
      if (owner) owners.set(u.start, owner);
    }
  }
  return { final, superseded, owners };
}

/**
 * Whether a number with no name before a correction is the figure it replaces ("12, à nhầm, 15 pa nô"): not when it
 * is in the measure of an indicator the correction leaves alone ("3 cuộc 200 người, e sửa lại 4 cuộc": the people).
 */
function replaced(
  toks: readonly Tok[],
  u: NumItem,
  codes: ReadonlySet<string>,
  compiled: CompiledIndicators | undefined,
): boolean {
  const unit = toks[u.end];
  const code = unit?.type === "w" ? (compiled?.measures.get(unit.k) ?? compiled?.measures.get(unit.kt)) : undefined;
  return !code || codes.has(code);
}

/**
 * "Áp phích 20 cái. À nhầm, 20 là băng rôn", "15 lượt phát thanh, à không phải, là 15 lượt xe loa": the
 * figure right before a correction, said again after it with another indicator, moved there; its
 * first indicator keeps no figure (the start of the last paired figure before the correction, if so).
 */
function movedFigure(
  toks: readonly Tok[],
  pairing: Pairing,
  m: CorrectionMarker,
  finalHere: number[],
  codes: Set<string>,
): number | undefined {
  // (an arrow gives a result, "2 cụm, mỗi cụm 1 pa nô → 2 pa nô", no moved figure)
  if (toks[m.start]?.type !== "w") return undefined;
  let last: Pair | undefined;
  for (const p of pairing.pairs) if (p.num.start < m.start && (!last || p.num.start > last.num.start)) last = p;
  if (!last || codes.has(last.ind.code)) return undefined;
  // "chuyên mục 3, phóng sự 2. à không, chuyên mục 2": an indicator said before is corrected, nothing moves
  if (pairing.pairs.some((p) => p.num.start < m.start && codes.has(p.ind.code))) return undefined;
  const value = last.num.value;
  const nums = [...pairing.pairs.map((p) => p.num), ...pairing.unplaced];
  const again = finalHere.some((at) => nums.some((n) => n.start === at && n.value === value));
  return again ? last.num.start : undefined;
}

/**
 * Whether a nameless figure after a correction is the difference between the corrected figure (before it, at
 * or after the correction word) and the one it replaces ("pano 3 cái mới đúng, còn 1 cái … e quên" after pano 2).
 */
function explainsDifference(pairing: Pairing, m: CorrectionMarker, u: Pairing["unplaced"][number]): boolean {
  if (u.value <= 0) return false;
  for (const p of pairing.pairs) {
    if (p.num.start < m.start || p.num.start >= u.start) continue;
    let was: Pair | undefined;
    for (const q of pairing.pairs) if (q.ind.code === p.ind.code && q.num.start < m.start) was = q;
    if (was && Math.abs(p.num.value - was.num.value) === u.value) return true;
  }
  return false;
}

/** Words calling a figure old or another period's or received ("cũ", "tháng trước", "năm ngoái", "nhận về"). */
const NOT_THIS_PERIOD = new Set(["cu", "truoc", "ngoai", "nhan"]);

/**
 * "À nhầm, treo 4 cái, 3 là số pa nô cũ": the wrong figure said again after the right one and explained
 * with "là" as old, another period's or received is no figure of its own ("7 là băng rôn" moves it).
 */
function explainsWrongFigure(toks: readonly Tok[], pairing: Pairing, at: number, superseded: Set<number>): boolean {
  const nums = [...pairing.pairs.map((p) => p.num), ...pairing.unplaced];
  const num = nums.find((n) => n.start === at);
  if (!num || key(toks[num.end]) !== "la") return false;
  if (!nums.some((n) => n.start < at && n.value === num.value && superseded.has(n.start))) return false;
  for (let x = num.end + 1; x < toks.length && !/^[,;.!?\n]$/.test(key(toks[x])); x++)
    if (NOT_THIS_PERIOD.has(key(toks[x]))) return true;
  return false;
}

/** Words naming a period by its number ("tháng 11", "quý 3", "kỳ 1"). */
const NUMBERED_PERIODS = new Set(["thang", "quy", "ky", "tuan", "dot"]);

/**
 * "xin lỗi a, 8 là số của tháng 11, tháng 12 đăng 11 tin": a figure said before the correction, said again
 * with "là" and another period's ("tháng 11") or old ("cũ") in its clause, is no figure of its own.
 */
function calledOtherPeriods(toks: readonly Tok[], pairing: Pairing, m: CorrectionMarker, u: NumItem): boolean {
  if (key(toks[u.end]) !== "la" || !pairing.pairs.some((p) => p.num.start < m.start && p.num.value === u.value))
    return false;
  for (let x = u.end + 1; x < u.end + 8 && x < toks.length && !/^[,;.!?\n]$/.test(key(toks[x])); x++) {
    if (NOT_THIS_PERIOD.has(key(toks[x]))) return true;
    if (NUMBERED_PERIODS.has(key(toks[x])) && toks[x + 1]?.type === "n") return true;
  }
  return false;
}

/** "bỏ dòng tờ rơi đi": every earlier figure of the indicator named right after the words is taken back. */
function dropLine(pairing: Pairing, m: CorrectionMarker, superseded: Set<number>, final: Set<number>): void {
  const named = pairing.items.find((it) => it.kind === "I" && it.start === m.end);
  if (named?.kind !== "I") return;
  for (const p of pairing.pairs) {
    if (p.num.start < m.start && p.ind.code === named.code) {
      superseded.add(p.num.start);
      final.delete(p.num.start);
    }
  }
}

/** Words that qualify a figure ("là lũy kế", "quý này", "tháng trước"): the figures around them are no restatement. */
const QUALIFYING = new Set(["la", "luy", "quy", "thang", "tuan", "nam", "ky", "tong", "cong"]);
function qualifiedBetween(toks: readonly Tok[], a: number, b: number): boolean {
  for (let x = a + 1; x < b; x++) if (QUALIFYING.has(key(toks[x]))) return true;
  return false;
}

/** Whether a sentence ends (line break, ".", "!", "?") between tokens a and b. */
function sentenceEndBetween(toks: readonly Tok[], a: number, b: number): boolean {
  for (let x = a; x < b; x++) if (isScopeEnd(toks[x]!) && toks[x]!.k !== "(") return true;
  return false;
}

/** Whether a clause starts after this token (or at the start of the text). */
const startsClause = (t: Tok | undefined): boolean =>
  !t || t.type === "nl" || t.k === "." || t.k === "," || t.k === ";" || t.k === "!" || t.k === "?";

const opensSentence = (t: Tok | undefined): boolean =>
  !!t && (t.type === "nl" || t.k === "." || t.k === "!" || t.k === "?");
/** Words that add to what was said ("thêm", "nữa", "bổ sung", "còn"): no correction. */
const ADDING = new Set(["them", "nua", "bo", "con", "ngoai"]);
function addsInSentence(toks: readonly Tok[], from: number): boolean {
  for (let x = from; x < toks.length && !isScopeEnd(toks[x]!); x++) if (ADDING.has(key(toks[x]))) return true;
  return false;
}

/** A correction's figures end at its sentence, or at a bracket (a remark: "→ 15 (bổ sung 3 cái ở thôn 4)"). */
const isScopeEnd = (t: Tok): boolean => t.type === "nl" || t.k === "." || t.k === "!" || t.k === "?" || t.k === "(";

function hasNumber(toks: readonly Tok[], a: number, b: number): boolean {
  for (let x = a; x < b; x++) if (toks[x]!.type === "n") return true;
  return false;
}

/** Whether a figure the pairing read (paired or not) starts in [a, b). */
function figureIn(pairing: Pairing, a: number, b: number): boolean {
  return (
    pairing.pairs.some((p) => p.num.start >= a && p.num.start < b) ||
    pairing.unplaced.some((u) => u.start >= a && u.start < b)
  );
}

function sameLine(toks: readonly Tok[], a: number, b: number): boolean {
  for (let x = a; x < b; x++) if (toks[x]!.type === "nl") return false;
  return true;
}

/** The indicator a correction's nameless figure is about: named after the correction word, else the figure right before it. */
function nameBefore(toks: readonly Tok[], pairing: Pairing, m: CorrectionMarker, at: number): string | undefined {
  let inside: string | undefined;
  for (const it of pairing.items) {
    if (it.kind === "I" && it.start >= m.end && it.start < at) inside = it.code;
  }
  if (inside) return inside;
  // "à nhầm, 6 cái đó là băng rôn": the name the figure is said to be, after "là"
  for (let x = at + 1; x < at + 4 && toks[x]?.type === "w"; x++) {
    if (key(toks[x]) !== "la") continue;
    const named = pairing.items.find((it) => it.kind === "I" && it.start === x + 1);
    if (named?.kind === "I") return named.code;
    break;
  }
  // "hop dan 4 cuoc 210 nguoi. e sua lai la 3 cuoc 165 nguoi": the figure in the unit of an earlier one corrects it
  const unit = toks[at + 1]?.type === "w" ? toks[at + 1]!.kt : "";
  if (unit) {
    let same: { at: number; code: string } | undefined;
    for (const p of pairing.pairs)
      if (p.num.start < m.start && key(toks[p.num.end]) === unit && (!same || p.num.start > same.at))
        same = { at: p.num.start, code: p.ind.code };
    if (same) return same.code;
  }
  // "sửa bangron → 16": a name right before the correction, with no figure of its own after it
  let last: Pairing["items"][number] | undefined;
  for (const it of pairing.items) if (it.start < m.start) last = it;
  if (last?.kind === "I" && m.start - last.end <= 1) return last.code;
  // "báo nhầm số bài đăng, số cũ 14 số mới 17": the last thing named, in the same sentence, with no figure after it
  if (last?.kind === "I" && !sentenceEndBetween(toks, last.end, m.start)) return last.code;
  let before: { at: number; code: string } | undefined;
  for (const p of pairing.pairs) {
    if (p.num.start < m.start && (!before || p.num.start > before.at)) before = { at: p.num.start, code: p.ind.code };
  }
  return before?.code;
}
