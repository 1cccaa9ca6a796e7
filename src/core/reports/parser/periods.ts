/**
 * Period qualifiers: a report gives this period's figures, and sometimes others beside them.
 * - Cumulative figures ("lũy kế 78 lượt", "từ đầu năm đến nay 3.000 tờ", "cả năm 2025 là 40 cái",
 *   "pano 7 là lũy kế") and those of a part of the report's period ("riêng quý II: 8 pa nô" in a
 *   six-month report, "quý 1 treo 5") count only when nothing else is said for the indicator.
 * - Last period's figures ("quý trước 5 phóng sự", "cùng kỳ 2025: 5 pano", "tháng trước 3" in a
 *   monthly report, "tháng 2 là 26" in a report of tháng 3) and comparisons ("tăng 4 tin so với cùng kỳ", "nhiều hơn quý trước 1 cuộc")
 *   are never values; nor are plans ("phấn đấu treo thêm 8 pa nô", "dự kiến", "quý tới").
 *   A week before this one inside a longer report ("tuần trước 20 tờ rơi, tuần này thêm 30") is
 *   part of this period and stays.
 * - Stated period totals win: "nâng tổng số trong quý lên 1.100 tờ", "Cộng quý I: 9 pa nô",
 *   "tổng tháng 3: 20 buổi", "cả tháng 22 buổi" in a monthly report; the figures of the weeks or
 *   months before such a total ("Tuần 1: 5 buổi, …") are its parts, neither values nor unclear.
 * This period's words ("tháng này", "quý này", "trong quý") stand between a name and its figure like
 * fillers. Period names themselves ("quý 1", "tháng 4", "6 tháng đầu năm", "năm 2026") are labels and
 * durations, marked in stage 2. Runs before the pairing (stage 4): it blocks numbers there.
 */

import { ROMAN_NUMERALS as ROMAN } from "../roman-numerals.js";
import type { FigureRoles } from "./combine.js";
import type { NonValues, TokenMarks } from "./non-values.js";
import { createNumberReader } from "./numbers.js";
import { ownPeriodLine } from "./period-lines.js";
import { tokenKey as key, type Tok, type Tokenised } from "./tokens.js";
import { hasPhrase, startingWith } from "./word-sequences.js";

export interface PeriodQualifiers extends TokenMarks {
  roles: Pick<FigureRoles, "fallback" | "running" | "totals" | "parts">;
  /** Rank of the period the report is about (1 week … 5 year), 0 when it does not say. */
  reportRank: number;
  /** Months of the period the report names as its own ("báo cáo năm 2026" 12, "báo cáo quý I" 3), when it says. */
  reportMonths?: number;
}

/** Period units by length: a week is inside a month, a month inside a quarter. */
const RANK: Readonly<Record<string, number>> = { tuan: 1, thang: 2, quy: 3, nam: 5 };
/** Months in a period named as the report's own (a week has none). */
const MONTHS_OF: Readonly<Record<string, number>> = { thang: 1, quy: 3, "6 thang": 6, "9 thang": 9, nam: 12 };
const COMPARATORS = new Set(["tang", "giam", "hon", "vuot", "chenh"]);
/** Words between a comparison and its figure ("nhiều hơn quý trước 1", "hơn kế hoạch 2"). */
const COMPARED_GLUE = new Set([
  "them",
  "so",
  "voi",
  "cung",
  "ky",
  "truoc",
  "quy",
  "thang",
  "nam",
  "tuan",
  "la",
  "khoang",
  "ke",
  "hoach",
]);
const CLAUSE_ENDS = new Set([",", ";", ".", ")", "!", "?", "(", "→"]);
/** Words that may stand between "cộng"/"tổng" and a period's figure ("Cộng quý I: 9"). */
const PERIOD_GLUE = new Set([
  "ca",
  "quy",
  "thang",
  "nam",
  "tuan",
  "dot",
  "ky",
  "la",
  "so",
  "cong",
  "tu",
  "dau",
  "den",
  "nay",
  "toan",
  "trong",
  "duoc",
  "dat",
  "co",
  "moi",
]);
/** Period glue and one doing verb ("cả tháng 6 đăng 13 bài", "cả quý treo 9 pano"). */
const PERIOD_VERB_GLUE: ReadonlySet<string> = new Set([
  ...PERIOD_GLUE,
  "dang",
  "treo",
  "phat",
  "lam",
  "dan",
  "chay",
  "viet",
  "to",
  "chuc",
  "hop",
  "xay",
  "dung",
  "thuc",
  "hien",
]);
const PLAN_WORDS: readonly string[][] = [
  ["phan", "dau"],
  ["du", "kien"],
  ["ke", "hoach", "giao"],
  ["chi", "tieu", "giao"],
  ["chi", "tieu", "nam"],
  ["chi", "tieu", "ca", "nam"],
  ["kh", "giao"],
  ["phuong", "huong"],
  ["thoi", "gian", "toi"],
  ["sap", "toi"],
];

/**
 * "Phường Hương Sơ: 30 lượt …": a ward named Hương, no "Phương hướng" (plans) — told apart by the marks, or typed
 * without them by the name's capital.
 */
function placeNamedHuong(toks: readonly Tok[], i: number): boolean {
  const [a, b] = [toks[i]!.o.normalize("NFC").toLowerCase(), toks[i + 1]?.o.normalize("NFC") ?? ""];
  if (/[\u0080-\uffff]/.test(a + b)) return a !== "phương" || b.toLowerCase() !== "hướng";
  return b === "Huong";
}

/** Words after which "T12" names the report's month ("bc T12", "kỳ này là T12"). */
const SHORT_MONTH_PREV = new Set(["la", "bc", "cao", "lieu"]);
/**
 * The period word at token i, "T12" (a month label of stage 2) read as "tháng" when it opens a
 * segment or is named as the report's ("…: T11 …; T12 …", "bc kỳ này là T12"); not inside a run of
 * month labels ("t1 5 pano t2 3 pano": parts of a stated quarter).
 */
const periodKey = (toks: readonly Tok[], nv: NonValues, i: number): string => {
  const t = toks[i];
  const d = toks[i + 1];
  if (t?.type !== "w" || t.kt !== "t" || d?.type !== "n" || d.spaced || !nv.blocked[i + 1]) return key(t);
  const p = toks[i - 1];
  return !p || p.type === "nl" || p.type === "p" || SHORT_MONTH_PREV.has(key(p)) || monthOfNamedFigure(toks, i)
    ? "thang"
    : "t";
};
/**
 * "tờ rơi T10 200 tờ, T11 300 tờ", "Tin bai T10: 4 tin": a short month right after a name, then its figure (not
 * after another figure's measure, "t1 5 pano t2 3 pano": a run of month labels).
 */
const monthOfNamedFigure = (toks: readonly Tok[], i: number): boolean =>
  toks[i - 1]?.type === "w" &&
  toks[i - 2]?.type !== "n" &&
  (toks[i + 2]?.k === ":" ? toks[i + 3] : toks[i + 2])?.type === "n";
const TO = new Set(["den", "toi"]);
/** The first day of a quarter other than the first ("1/4", "01/07", "1/10/2026"). */
const QUARTER_FIRST_DAY = /^0?1\/(?:0?4|0?7|10)(?:\/\d{2,4})?$/;
/** A school's spans ("học kỳ", "năm học"), longer than a month or a quarter. */
const SCHOOL_SPANS = new Set(["hoc ky", "nam hoc", "ky hoc"]);
/** Spans said "from their start until now" ("từ đầu nhiệm kỳ … đến nay"): school spans, a term of office, a stage. */
const SPANS_SO_FAR: ReadonlySet<string> = new Set([...SCHOOL_SPANS, "nhiem ky", "giai doan"]);
/** Who holds a stock after "hiện" ("hiện xã có 4 cụm"). */
const STOCK_HOLDERS = new Set([
  "xa",
  "phuong",
  "thon",
  "ban",
  "to",
  "khu",
  "hoi",
  "doan",
  "truong",
  "tram",
  "minh",
  "em",
]);
const NOW = new Set(["nay", "gio"]);
/** Words after "còn" that make it "still" ("còn sót 2 buổi", "còn thiếu"), no clause of its own ("còn quý IV …"). */
const STILL = new Set(["sot", "thieu"]);
const isClauseEnd = (t: Tok | undefined, after?: Tok): boolean =>
  !t || t.type === "nl" || CLAUSE_ENDS.has(t.k) || (key(t) === "con" && !STILL.has(key(after)));

/** Whether a part of a sentence of its own starts after token t (a line, ";" or "."), not a comma's clause. */
const opensPart = (t: Tok | undefined): boolean => !t || t.type === "nl" || t.k === ";" || t.k === ".";

/**
 * "tháng trước họp 2 buổi rồi loa phát 18 lượt": "rồi" after a figure and its unit closes what was said of it
 * (not the "rơi" of "tờ rơi": told apart by the marks, or typed without them by the word before).
 */
const doneAfterFigure = (tk: Tokenised, j: number): boolean => {
  const { toks } = tk;
  if (key(toks[j]) !== "roi" || toks[j - 2]?.type !== "n" || toks[j - 1]?.type !== "w") return false;
  return tk.accented ? toks[j]!.o.normalize("NFC").toLowerCase() === "rồi" : key(toks[j - 1]) !== "to";
};

/**
 * Finds the figures of other periods, comparisons, plans, cumulative figures and stated period totals.
 * @example qualifyPeriods(normaliseAndTokenise("ky nay phat thanh 26 luot, luy ke 78 luot"), nv).roles.fallback // Set { 9 } (the 78)
 */
export function qualifyPeriods(tk: Tokenised, nv: NonValues): PeriodQualifiers {
  const q = periodScan(tk, nv);
  const {
    toks,
    n,
    numbers,
    blocked,
    settled,
    breaks,
    transparent,
    cumulative,
    shares,
    totals,
    parts,
    report,
    reportRank,
    listAfterColon,
    numbersToSentenceEnd,
  } = q;
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    let at = longerSpanAt(q, i);
    if (at >= 0) {
      i = at;
      continue;
    }
    // keywords may be inside a time phrase ("từ đầu năm đến nay", transparent), never inside a reference
    if (t.type !== "w") continue;
    // "28 lượt (đã gồm buổi trực tiếp)", "900 tờ (kể cả …)": the figure says it includes the others, their total
    if (toks[i - 1]?.k === "(" && includesOthersAt(toks, i)) {
      const before = numberJustBefore(toks, nv, numbers, i);
      if (before !== null) totals.add(before);
    }
    // "III. Phương hướng …", "II. Kế hoạch năm 2027", "Nhiệm vụ tháng 12:", "Kiến nghị": a heading of what is ahead
    // covers its section (its line, or to the next section of its kind when it is a heading)
    if (aheadHeadingAt(toks, nv, i, report)) {
      const end = headedSectionEnd(toks, nv, i);
      for (let j = i + 1; j < end; j++) {
        if (nv.blocked[j]) continue;
        const num = numbers.read(j, false);
        if (num) for (let x = j; x < num.end; x++) blocked.push(x);
      }
      continue;
    }
    const k = periodKey(toks, nv, i);
    if (nv.blocked[i] && !nv.transparent[i] && !RANK[k] && k !== "ky") continue;
    // "3 cụm làm hồi tháng 4" in a report of quý 4: an earlier period said after its figure, when it was done
    const doneThen = AT_TIME.has(key(toks[i - 1])) ? figureEarlierInClause(toks, nv, numbers, i - 1) : null;
    if (RANK[k] !== undefined && doneThen !== null && isEarlier(periodAt(toks, nv, i), report)) {
      for (let y = doneThen; y < (numbers.read(doneThen, false)?.end ?? doneThen + 1); y++) blocked.push(y);
      continue;
    }
    const next = key(toks[i + 1]);
    at = ownPeriodInBracketAt(q, i, k);
    if (at >= 0) {
      i = at;
      continue;
    }
    at = earlierSchoolYearAt(q, i, k, next);
    if (at >= 0) {
      i = at;
      continue;
    }
    at = currentPeriodAt(q, i, k, next);
    if (at >= 0) {
      i = at;
      continue;
    }
    at = soFarAt(q, i, k, next);
    if (at >= 0) {
      i = at;
      continue;
    }
    at = namedPeriodAt(q, i, k, next);
    if (at >= 0) {
      i = at;
      continue;
    }
    at = otherPeriodAt(q, i, k, next);
    if (at >= 0) {
      i = at;
      continue;
    }
    at = plansAndTotalsAt(q, i, k, next);
    if (at >= 0) {
      i = at;
    }
  }
  // the weeks or months before a stated period total are its parts ("Tuần 1: 5 buổi, …")
  if (totals.size > 0) {
    // ("…, tổng quý 80 lượt. Tin bài T10 4 tin, T11 5 tin": months after every total are no parts of one)
    const lastTotal = Math.max(...totals);
    for (let i = 0; i + 1 < n && i < lastTotal; i++) {
      // "bc quý 4: tháng 10 …, tổng quý 2 lần": the report's own period is the total's, no part of it
      if (report?.stated && report.at === i) continue;
      // ("…, trong đó quý IV 900 tờ" in a report of quý IV: the report's own period is no part of another's total)
      if (sameNumberedPeriod(periodAt(toks, nv, i), report)) continue;
      const lineStart = i === 0 || toks[i - 1]!.type === "nl";
      // "T7: 2 HN, 120 người", "T11 3 lượt" at a line's start: a month written short
      const shortMonth =
        key(toks[i]) === "t" &&
        toks[i + 1]?.type === "n" &&
        !toks[i + 1]!.spaced &&
        Number(toks[i + 1]!.k) <= 12 &&
        (toks[i + 2]?.k === ":" || (lineStart && !totals.has(i + 1))) &&
        (i === 0 || toks[i - 1]!.type === "nl");
      // "bai fb: t10 14, t11 11, t12 17. tong quy 42": a short month inside a line, marked a label in stage 2
      const shortLabel = key(toks[i]) === "t" && toks[i + 1]?.type === "n" && !toks[i + 1]!.spaced;
      if (shortMonth) blocked.push(i + 1);
      else if (!(RANK[key(toks[i])] || shortLabel) || !nv.blocked[i + 1]) continue;
      let j = i + 1;
      while (
        j < n &&
        (nv.blocked[j] || (shortMonth && j === i + 1)) &&
        toks[j]!.type !== "nl" &&
        !CLAUSE_ENDS.has(toks[j]!.k)
      )
        j++;
      // "Tuần 1: 5 buổi, 120 người": every figure of the list after the colon is a part
      const list = toks[j]?.k === ":" ? listAfterColon(j) : null;
      if (list) {
        for (const s of list) if (!totals.has(s)) parts.add(s);
        continue;
      }
      // "T10 xe lưu động 2 lượt" on a line of its own: every figure of the line is a part
      if (lineStart && toks[j]?.type !== "n" && (shortMonth || RANK[key(toks[i])]! <= RANK.thang!)) {
        // (up to the total when the line states it: "…, tổng quý 2 lần 150 người" — its people are the total's)
        for (const s of numbersToSentenceEnd(j, false)) {
          if (totals.has(s)) break;
          parts.add(s);
        }
        continue;
      }
      const num = !nv.blocked[j] && toks[j] ? numbers.read(j, false) : null;
      if (num && !totals.has(j)) parts.add(j);
    }
  }
  settlePeriodLines(toks, nv, numbers, report, { blocked, cumulative, shares, parts, totals });
  const running = new Set([...cumulative].filter((x) => !shares.has(x)));
  // only a period named before any figure spans the figures ("xã treo 10 pano. Báo cáo năm nộp khi nào?" does not)
  const figureBefore = (at: number) => toks.slice(0, at).some((t, j) => t.type === "n" && !nv.blocked[j]);
  const reportMonths =
    report?.stated && report.at !== undefined && !figureBefore(report.at)
      ? (MONTHS_OF[report.unit] ?? (Number.parseInt(report.unit, 10) || undefined))
      : undefined;
  return {
    blocked,
    settled,
    breaks,
    transparent,
    roles: { fallback: cumulative, running, totals, parts },
    reportRank,
    reportMonths,
  };
}

/** What qualifyPeriods' stages share: the message, its report period, the marks so far and the readers over them. */
function periodScan(tk: Tokenised, nv: NonValues) {
  const { toks } = tk;
  const n = toks.length;
  const numbers = createNumberReader(tk, nv.blocked);
  const blocked: number[] = [];
  const settled: number[] = [];
  const breaks: number[] = [];
  const transparent: number[] = [];
  const cumulative = new Set<number>();
  /** Fallback figures of a part of the report's period ("riêng quý II: 8"): not running totals. */
  const shares = new Set<number>();
  const addShare = (x: number): void => {
    shares.add(x);
    cumulative.add(x);
  };
  const totals = new Set<number>();
  const parts = new Set<number>();
  const report = reportPeriod(toks, nv);
  const reportRank = report?.rank ?? 0;
  let lastAdded = -1;
  // ("làm nốt 1 cụm": finishing the rest is adding to it)
  for (let x = 0; x < n; x++)
    if (key(toks[x]) === "them" || key(toks[x]) === "nua" || key(toks[x]) === "not") lastAdded = x;

  /** Numbers from token `from` to the end of its clause: [start, end) each. */
  const numbersIn = (from: number): [number, number][] => {
    const out: [number, number][] = [];
    for (let j = from; j < n && !isClauseEnd(toks[j], toks[j + 1]) && !doneAfterFigure(tk, j); j++) {
      if (nv.blocked[j]) continue;
      const num = numbers.read(j, false);
      if (!num) continue;
      out.push([j, num.end]);
      j = num.end - 1;
    }
    return out;
  };
  /** The first token of each of those numbers (an index loop: an empty list and a list of pairs are different kinds of array). */
  const startsIn = (from: number): number[] => {
    const found = numbersIn(from);
    const out: number[] = [];
    for (let x = 0; x < found.length; x++) out.push(found[x]![0]);
    return out;
  };
  const block = (from: number): void => {
    for (const [s, e] of numbersIn(from)) for (let x = s; x < e; x++) blocked.push(x);
  };
  /** The numbers from token `from` to the bracket's close on its line, or null when it does not close there. */
  const bracketNumbers = (from: number): number[] | null => {
    const out: number[] = [];
    for (let x = from; x < n && toks[x]!.type !== "nl"; x++) {
      if (toks[x]!.k === ")") return out;
      if (toks[x]!.k === "(") return null;
      if (nv.blocked[x]) continue;
      const num = numbers.read(x, false);
      if (!num) continue;
      out.push(x);
      x = num.end - 1;
    }
    return null;
  };
  /** "lũy kế từ đầu năm: 5 hội nghị, 390 người": with a colon right after the qualifier, every number of the list after it (to its line, sentence or ";"); else null. */
  const listAfterColon = (from: number): number[] | null => {
    let j = from;
    while (
      j < n &&
      j < from + 6 &&
      toks[j]!.k !== ":" &&
      !isClauseEnd(toks[j], toks[j + 1]) &&
      (toks[j]!.type !== "n" || nv.blocked[j] || yearAt(toks, j))
    )
      j++;
    if (toks[j]?.k !== ":") return null;
    // (the heading's year is no figure either)
    for (let y = from; y < j; y++) if (!nv.blocked[y] && yearAt(toks, y)) blocked.push(y);
    return numbersToSentenceEnd(j + 1, false, true);
  };
  /** Whether a clause naming its own period or turning ("riêng", "còn", "lũy kế") starts at token x. */
  const ownClauseAt = (x: number): boolean =>
    RANK[key(toks[x])] !== undefined ||
    OWN_CLAUSE.has(key(toks[x])) ||
    STATED_TOTAL_BEFORE.has(key(toks[x])) ||
    NOT_THE_REPORTS.has(`${key(toks[x])} ${key(toks[x + 1])}`) ||
    SCHOOL_SPANS.has(`${key(toks[x])} ${key(toks[x + 1])}`);
  /**
   * The numbers from `from` to the end of its line or sentence (with `items`, over the ";" of a list); with
   * `ownClause`, also up to a
   * clause that names its own period ("…, tháng này 1 hội nghị").
   */
  const numbersToSentenceEnd = (from: number, ownClause: boolean, items = false): number[] => {
    const out: number[] = [];
    for (let x = from; x < n; x++) {
      const t = toks[x]!;
      // with `items` (a list after a colon), ";" parts its items, unless a clause of its own follows
      const item = items && t.k === ";" && !ownClauseAt(x + 1);
      if (t.type === "nl" || t.k === "." || (t.k === ";" && !item) || t.k === "!" || t.k === "?") break;
      if (
        ownClause &&
        t.k === "," &&
        (RANK[key(toks[x + 1])] !== undefined ||
          OWN_CLAUSE.has(key(toks[x + 1])) ||
          // "…, cả tháng 6 đăng 13 bài": a clause naming a whole period of its own
          (key(toks[x + 1]) === "ca" && RANK[key(toks[x + 2])] !== undefined))
      )
        break;
      // ("Cả năm 2026 phát 6.500 tờ (quý IV: 1.800 tờ), …": a bracket naming a period of its own is that period's)
      if (ownClause && t.k === "(" && RANK[key(toks[x + 1])] !== undefined) {
        while (x + 1 < n && toks[x + 1]!.k !== ")" && toks[x + 1]!.type !== "nl") x++;
        continue;
      }
      if (nv.blocked[x]) continue;
      const num = numbers.read(x, false);
      if (!num) continue;
      out.push(x);
      x = num.end - 1;
    }
    return out;
  };
  /** The figures before token `at` in its sentence whose clause says "đến nay" / "tới giờ" before them. */
  const soFarFiguresBefore = (at: number): number[] => {
    let from = at;
    while (from > 0 && !SENTENCE_STOPS.has(toks[from - 1]!.k) && toks[from - 1]!.type !== "nl") from--;
    const out: number[] = [];
    let soFar = false;
    for (let x = from; x < at; x++) {
      if (CLAUSE_ENDS.has(toks[x]!.k)) soFar = false;
      if (TO.has(key(toks[x])) && NOW.has(key(toks[x + 1]))) soFar = true;
      if (soFar && toks[x]!.type === "n" && !nv.blocked[x]) out.push(x);
    }
    return out;
  };
  /** After a plan's figure: the next figure when the next clause opens with it ("…4 lớp, 240 học viên"), else -1. */
  const planListNext = (from: number): number => {
    let j = from;
    for (let w = 0; w < 3 && toks[j]?.type === "w" && key(toks[j]) !== "va"; w++) j++;
    if (toks[j]?.k !== "," && key(toks[j]) !== "va") return -1;
    const e = j + 1;
    return toks[e]?.type === "n" && !nv.blocked[e] ? e : -1;
  };
  /** "Từ đầu năm đến nay 4 hội nghị, 310 người.": a qualifier opening its sentence covers the sentence. */
  const sentenceNumbers = (from: number): number[] => numbersToSentenceEnd(from, true);
  /** The first number within `reach` tokens after `from`, skipping period words and blocked labels. */
  const numberAfter = (from: number, reach: number, glue: ReadonlySet<string>): [number, number] | null => {
    for (let j = from; j < n && j < from + reach && !isClauseEnd(toks[j], toks[j + 1]); j++) {
      const t = toks[j]!;
      if (!nv.blocked[j]) {
        const num = numbers.read(j, false);
        if (num && !num.bad) return [j, num.end];
      }
      if (!nv.blocked[j] && t.type === "w" && !glue.has(t.kt) && !RANK[t.kt]) return null;
    }
    return null;
  };
  return {
    tk,
    nv,
    toks,
    n,
    numbers,
    blocked,
    settled,
    breaks,
    transparent,
    cumulative,
    shares,
    addShare,
    totals,
    parts,
    report,
    reportRank,
    lastAdded,
    numbersIn,
    startsIn,
    block,
    bracketNumbers,
    listAfterColon,
    ownClauseAt,
    numbersToSentenceEnd,
    soFarFiguresBefore,
    planListNext,
    sentenceNumbers,
    numberAfter,
  };
}

type PeriodScan = ReturnType<typeof periodScan>;

/** "9 tháng năm 2026", "9 tháng đầu năm": a span of months before its figures. Returns the token to go on from, or -1 when no rule here takes token i. */
function longerSpanAt(q: PeriodScan, i: number): number {
  const { toks, n, breaks, cumulative, report, reportRank, lastAdded, block, listAfterColon, sentenceNumbers, nv } = q;
  const t = toks[i]!;
  // "9 tháng năm 2026, xã treo 14 pa nô" in a report that names quý III as its own: a longer span
  // than the report's, opening its sentence, is a running total
  // (or the year's last months holding the report's quarter: "6 tháng cuối năm: 30 tin. Quý 4: 14 tin")
  if (t.type === "n" && report && reportRank > 0 && key(toks[i + 1]) === "thang") {
    const p = periodAt(toks, nv, i);
    const holds = report.stated || (!!p && lastMonthsAround(p, report));
    // ("Báo cáo 6 tháng cuối năm …: 3 buổi …; riêng quý IV: 2 buổi. Đề nghị ghi nhận số liệu quý IV": after the
    // heading's "báo cáo" too, when the period to record is asked for later)
    const heading = report.at !== undefined && report.at > i && reportedBefore(toks, i);
    if (p && holds && p.rank > reportRank && (opensSentence(toks, i) || toks[i - 1]?.k === ":" || heading)) {
      let j = i + 2;
      while (j < n && nv.blocked[j] && !nv.transparent[j] && !isClauseEnd(toks[j], toks[j + 1])) j++;
      for (const x of listAfterColon(j) ?? sentenceNumbers(j)) cumulative.add(x);
      i = j - 1;
      return i;
    }
  }
  // "9 tháng đầu năm có 6 cuộc, quý 4 này thêm 2 cuộc": the year's first months, ended before the report's period
  if ((t.type === "n" || FEW[t.kt] !== undefined) && firstMonthsBefore(periodAt(toks, nv, i), report, lastAdded > i)) {
    breaks.push(i);
    let j = i + 2;
    while (j < n && nv.blocked[j] && !isClauseEnd(toks[j], toks[j + 1])) j++;
    block(j);
    i = j - 1;
    return i;
  }
  return -1;
}

/**
 * "Năm 2026 … đăng 20 tin bài trên Trang tin (Quý IV: 6 tin)" in a report of quý IV: the report's own period in a
 * bracket with its own figure singles it out of the figure before it in the clause, a longer span's running total.
 * Returns the token to go on from, or -1 when no rule here takes token i.
 */
function ownPeriodInBracketAt(q: PeriodScan, i: number, k: string): number {
  const { toks, nv, numbers, report, cumulative, bracketNumbers } = q;
  // ("(riêng quý IV: 5 buổi)": singled out in the bracket)
  const open = key(toks[i - 1]) === "rieng" ? i - 2 : i - 1;
  if (RANK[k] === undefined || toks[open]?.k !== "(" || report?.n === undefined || report.current) return -1;
  const p = periodAt(toks, nv, i);
  if (!p || !sameNumberedPeriod(p, report)) return -1;
  const end = periodEnd(toks, i);
  if (!bracketNumbers(end)?.length || !longerPeriodBefore(toks, i, p.rank)) return -1;
  for (let b = open - 1, steps = 0; b >= 0 && steps < 10 && !isClauseEnd(toks[b], toks[b + 1]); b--, steps++) {
    if (nv.blocked[b] || !numbers.read(b, false)) continue;
    cumulative.add(b);
    return -1;
  }
  return -1;
}

/**
 * "phát 4.000 tờ rơi, trong đó quý IV 900 tờ" in a report of quý IV: the figures of the clause before "trong đó"
 * followed by the report's own period are a longer span's, running totals (the share is the report's figure).
 */
function wholeBeforeOwnShare(q: PeriodScan, i: number): number[] {
  const { toks, nv, numbers, report } = q;
  if (toks[i - 1]?.k !== "," || !sameNumberedPeriod(periodAt(toks, nv, i + 2), report)) return [];
  const out: number[] = [];
  for (let b = i - 2, steps = 0; b >= 0 && steps < 12 && !isClauseEnd(toks[b], toks[b + 1]); b--, steps++)
    if (!nv.blocked[b] && numbers.read(b, false)) out.push(b);
  return out;
}

/**
 * Whether the numbered period p at token i follows "bổ sung" (figures added to a period already reported) and a
 * later period of its unit is named after it in the message.
 */
function supplementedBefore(toks: readonly Tok[], nv: NonValues, i: number, p: NamedPeriod): boolean {
  if (p.n === undefined || key(toks[i - 1]) !== "sung" || key(toks[i - 2]) !== "bo") return false;
  for (let x = periodEnd(toks, i); x < toks.length && x < i + 60; x++) {
    if (periodKey(toks, nv, x) !== p.unit) continue;
    const later = periodAt(toks, nv, x);
    if (later?.n !== undefined && later.n > p.n && later.year === p.year) return true;
  }
  return false;
}

/** "kỳ trước", "đợt trước", "tháng trước", "tuần rồi" at token x: the last period, said without its number. */
function lastPeriodWordsAt(toks: readonly Tok[], x: number): boolean {
  const unit = key(toks[x]);
  const last = key(toks[x + 1]);
  return (RANK[unit] !== undefined || unit === "ky" || unit === "dot") && (last === "truoc" || last === "roi");
}

/**
 * "kỳ trước (tháng 11) họp 2 cuộc": a bracket at token j naming the period with no figure of its own; the token
 * after it (its figures follow), else j.
 */
function pastNamingBracket(toks: readonly Tok[], nv: NonValues, j: number): number {
  if (toks[j]?.k !== "(") return j;
  for (let x = j + 1; x < toks.length && x < j + 8; x++) {
    if (toks[x]!.k === ")") return x + 1;
    if (toks[x]!.type === "nl" || (toks[x]!.type === "n" && !nv.blocked[x])) return j;
  }
  return j;
}

/** Whether p names the same numbered period as the report ("quý IV" in a report of quý IV/2026). */
function sameNumberedPeriod(p: NamedPeriod | null, report: NamedPeriod | null): boolean {
  if (!p || !report || p.n === undefined || p.unit !== report.unit || p.n !== report.n) return false;
  return p.year === undefined || report.year === undefined || p.year === report.year;
}

/** Whether a longer period than `rank` is named before token i ("Năm 2026 …", "từ đầu năm", "cả năm"). */
function longerPeriodBefore(toks: readonly Tok[], i: number, rank: number): boolean {
  for (let x = i - 1; x >= 0 && x >= i - 200; x--) if ((RANK[key(toks[x])] ?? 0) > rank) return true;
  return false;
}

/** The first year of a school year written at token x ("2025–2026", "2025-26"), or 0. */
function schoolYearAt(toks: readonly Tok[], x: number): number {
  return /^20\d\d$/.test(toks[x]?.k ?? "") && toks[x + 1]?.k === "-" && toks[x + 2]?.type === "n"
    ? Number(toks[x]!.k)
    : 0;
}

/**
 * "Năm học 2025–2026: 10 buổi, 8.600 lượt học sinh.⏎Học kỳ I năm học 2026–2027: 4 buổi, …": a school year before
 * a later one named in the message is last year's; its list (or sentence) stands aside. Returns the token to go on
 * from, or -1 when no rule here takes token i.
 */
function earlierSchoolYearAt(q: PeriodScan, i: number, k: string, next: string): number {
  const { toks, n, blocked } = q;
  if (k !== "nam" || next !== "hoc") return -1;
  const year = schoolYearAt(toks, i + 2);
  if (!year) return -1;
  let later = false;
  for (let x = i + 5; x + 2 < n && x < i + 400 && !later; x++)
    later = key(toks[x]) === "nam" && key(toks[x + 1]) === "hoc" && schoolYearAt(toks, x + 2) > year;
  if (!later) return -1;
  // (every number to the sentence's end, those a stage read already too: "12 buổi …, 7.900 lượt học sinh")
  for (let x = i + 5; x < n && !opensPart(toks[x]); x++) if (toks[x]!.type === "n") blocked.push(x);
  return i + 4;
}

/** This period's words, a running total's heading, "lũy kế". Returns the token to go on from, or -1 when no rule here takes token i. */
function currentPeriodAt(q: PeriodScan, i: number, k: string, next: string): number {
  const {
    toks,
    n,
    numbers,
    transparent,
    cumulative,
    addShare,
    report,
    reportRank,
    startsIn,
    listAfterColon,
    sentenceNumbers,
    nv,
  } = q;
  // this period: "tháng này", "quý này", "kỳ này", "năm nay", "trong quý" stand between a name and its figure
  if ((RANK[k] !== undefined || k === "ky") && next === "nay" && !nv.blocked[i + 1]) {
    // "tuần này 2 lượt, quý này tổng cộng 11 lượt": a longer current period than the report's is a running total
    if ((report?.current || report?.stated || report?.thisYear) && RANK[k] !== undefined && RANK[k]! > reportRank) {
      for (const s of listAfterColon(i + 2) ?? startsIn(i + 2)) cumulative.add(s);
      i++;
      return i;
    }
    // "tuần này 8 lượt, … em báo số cả quý": a shorter current period than the one the officer says is reported is a part
    if (report?.stated && RANK[k] !== undefined && RANK[k]! < reportRank) {
      for (const s of listAfterColon(i + 2) ?? startsIn(i + 2)) addShare(s);
      i++;
      return i;
    }
    transparent.push(i, i + 1);
    i++;
    return i;
  }
  if (k === "trong" && RANK[next] !== undefined && !nv.blocked[i + 1] && !nv.blocked[i + 2]) {
    // "5 phóng sự trong năm; trong tháng 11 thực hiện 2": the year so far beside a numbered shorter report
    // period is a running total (the figure before it in its clause, else those after it)
    if (next === "nam" && key(toks[i + 2]) !== "nay" && reportRank < RANK.nam! && report?.n !== undefined) {
      const before = figureEarlierInClause(toks, nv, numbers, i);
      for (const s of before !== null ? [before] : startsIn(i + 2)) cumulative.add(s);
    }
    transparent.push(i, i + 1);
    i++;
    return i;
  }
  // "II. SỐ LIỆU CẢ NĂM 2026", "Lũy kế cả năm" alone on its line in a shorter period's report: a running total's
  // heading covers the lines below, to the next numbered section
  if (reportRank > 0 && reportRank < RANK.nam! && RUNNING_HEADS.has(k) && startsLine(toks, i)) {
    const end = runningHeadingEnd(toks, nv, i);
    if (end > 0) {
      // (to the next section of its own kind, "III." after "II."; unnumbered, to a blank line)
      const mark = headingMark(toks, i);
      const stops = (x: number): boolean =>
        toks[x - 1]!.type === "nl" &&
        (mark === "" ? toks[x]!.type === "nl" : sectionStartsAt(toks, x) && sectionKind(toks[x]!) === mark);
      let x = end + 1;
      for (; x < n && !stops(x); x++) {
        if (nv.blocked[x] || toks[x]!.type !== "n") continue;
        const num = numbers.read(x, false);
        if (!num) continue;
        cumulative.add(x);
        x = num.end - 1;
      }
      i = x - 1;
      return i;
    }
  }
  // cumulative: "lũy kế …", "cộng dồn …", and "7 là lũy kế"
  if ((k === "luy" && next === "ke") || (k === "cong" && next === "don")) {
    // "Lũy kế 6 tháng: 5 cuộc, 260 người" / "Lũy kế 6 tháng 5 cuộc, 260 người.": opening its sentence, the sentence
    const scope = listAfterColon(i + 2) ?? (opensSentence(toks, i) ? sentenceNumbers(i + 2) : null);
    const after = scope ?? startsIn(i + 2);
    for (const s of after) cumulative.add(s);
    // "pano 7 là lũy kế", "pano 7 (lũy kế)": the figure before; not when "lũy kế" has its own ("90 người lũy kế 350 người")
    const before = after.length === 0 || key(toks[i - 1]) === "la" ? numberJustBefore(toks, nv, numbers, i) : null;
    if (before !== null) cumulative.add(before);
    i++;
    return i;
  }
  return -1;
}

/** "từ đầu năm", "từ ngày …", "tính đến …", "hiện có", what stands now: figures so far. Returns the token to go on from, or -1 when no rule here takes token i. */
function soFarAt(q: PeriodScan, i: number, k: string, next: string): number {
  const {
    toks,
    n,
    numbers,
    blocked,
    cumulative,
    totals,
    parts,
    report,
    reportRank,
    numbersIn,
    startsIn,
    block,
    listAfterColon,
    sentenceNumbers,
    nv,
  } = q;
  // "từ đầu năm", "từ đầu quý" (…đến nay): cumulative when longer than the report's period
  if (k === "tu" && next === "dau" && RANK[key(toks[i + 2])]) {
    const r = RANK[key(toks[i + 2])]!;
    // "từ đầu quý đến nay 41" beside a figure of no named period: a running total, not this period's
    // "tuần này 2 lượt, tính từ đầu quý IV đến nay 7 lượt": beside a shorter period the report does not
    // name as its own, the numbered quarter so far is the report's (an unnumbered "từ đầu quý" a running total)
    // the period's number: a label, a Roman numeral, or "quý 4" before "đến nay" (no figure then)
    const q = toks[i + 3];
    const bareNumber =
      q?.type === "n" &&
      !nv.blocked[i + 3] &&
      (r === RANK.thang ? /^(?:[1-9]|1[0-2])$/ : /^[1-4]$/).test(q.k) &&
      TO.has(key(toks[i + 4]));
    const numbered = (q?.type === "n" && !!nv.blocked[i + 3]) || ROMAN[q?.k ?? ""] !== undefined || bareNumber;
    // ("tuần trước 4, tuần này 3, từ đầu tháng 11 tới giờ 7": a numbered month so far over this week alike)
    const quarterSoFar =
      (r === RANK.quy || r === RANK.thang) && reportRank > 0 && reportRank < r && !report?.stated && numbered;
    const role = reportRank === 0 ? "cumulative" : quarterSoFar ? "total" : roleOfPeriod(r, reportRank);
    const from = bareNumber ? i + 4 : i + 3;
    if (bareNumber) blocked.push(i + 3);
    // ("tổng cộng từ đầu năm đến nay xã đã treo 9 pano, 22 băng rôn": opening its sentence after "tổng cộng")
    let start = i;
    while (start > 0 && TOTAL_LEAD.has(key(toks[start - 1]))) start--;
    const scope = listAfterColon(from) ?? (opensSentence(toks, start) ? sentenceNumbers(from) : null);
    for (const s of scope ?? startsIn(from))
      (role === "cumulative" ? cumulative : role === "total" ? totals : parts).add(s);
    i += 2;
    return i;
  }
  // "từ 1/1 tới giờ", "từ ngày 01/01/2026 đến nay": since a day, everything so far, cumulative
  if (k === "tu" && (nv.blocked[i + 1] || next === "ngay")) {
    let j = i + 1;
    if (key(toks[j]) === "ngay") j++;
    const day = j;
    while (j < n && j < day + 6 && nv.blocked[j] && toks[j]!.type !== "w") j++;
    if (j > day && TO.has(key(toks[j])) && NOW.has(key(toks[j + 1]))) {
      // "tuần này 8 lượt, từ 1/10 đến nay 92 lượt": from a quarter's first day (not 1/1, the year's too) beside
      // this week (no period a report is filed under), the quarter so far, like "từ đầu quý IV đến nay"; beside a
      // month ("riêng tháng 12 là 300 tờ") it stays a running total
      const since = toks.slice(day, j).map((t) => t.k);
      // (or the quarter the officer says is reported: "…, em báo số cả quý")
      const quarterSoFar =
        QUARTER_FIRST_DAY.test(since.join("")) && (report?.stated ? reportRank === RANK.quy : reportRank === RANK.tuan);
      for (const s of listAfterColon(j + 2) ?? startsIn(j + 2)) (quarterSoFar ? totals : cumulative).add(s);
      i = j + 1;
      return i;
    }
  }
  // "từ đầu học kỳ I năm học 2026-2027 đến nay 21 tin bài", "Từ đầu nhiệm kỳ 2024–2029 đến nay": a school term or
  // year, a term of office so far, longer than the month or quarter reported, cumulative
  if (k === "tu" && next === "dau" && SPANS_SO_FAR.has(`${key(toks[i + 2])} ${key(toks[i + 3])}`)) {
    let j = i + 4;
    while (
      j < n &&
      j < i + 12 &&
      !isClauseEnd(toks[j], toks[j + 1]) &&
      !(TO.has(key(toks[j])) && NOW.has(key(toks[j + 1])))
    )
      j++;
    if (TO.has(key(toks[j])) && NOW.has(key(toks[j + 1]))) {
      // ("Từ đầu nhiệm kỳ … đến nay, Ban Thường trực đã tổ chức 112 hội nghị; …": opening its sentence, the sentence)
      const from = toks[j + 2]?.k === "," ? j + 3 : j + 2;
      const scope = listAfterColon(from) ?? (opensSentence(toks, i) ? sentenceNumbers(from) : null);
      for (const s of scope ?? startsIn(from)) cumulative.add(s);
      i = j + 1;
      return i;
    }
  }
  // "từ trước đến giờ 3 cụm", "tu truoc toi nay": everything so far, cumulative
  if (k === "tu" && next === "truoc" && TO.has(key(toks[i + 2])) && NOW.has(key(toks[i + 3]))) {
    for (const s of listAfterColon(i + 4) ?? startsIn(i + 4)) cumulative.add(s);
    i += 3;
    return i;
  }
  // "tính đến hết tháng 5, xã đã treo 12 pa nô", "tinh den nay 30 buoi": everything up to then, cumulative
  // (opening its sentence, the sentence to its ";" or "."; else its clause)
  if (k === "tinh" && TO.has(next)) {
    let j = i + 2;
    if (key(toks[j]) === "het" || key(toks[j]) === "cuoi") j++;
    // a period or "nay", not a day ("tính đến ngày 15/12, … trong quý" is the report's own)
    const named = RANK[key(toks[j])] !== undefined || NOW.has(key(toks[j]));
    if (NOW.has(key(toks[j]))) j++;
    while (
      named &&
      j < n &&
      j < i + 8 &&
      (nv.blocked[j] || RANK[key(toks[j])] !== undefined) &&
      !isClauseEnd(toks[j], toks[j + 1])
    )
      j++;
    if (named) {
      const from = toks[j]?.k === "," ? j + 1 : j;
      const scope = listAfterColon(from) ?? (opensSentence(toks, i) ? sentenceNumbers(from) : null);
      for (const s of scope ?? startsIn(from)) cumulative.add(s);
      i = j - 1;
      return i;
    }
  }
  // "hiện xã có tổng 4 cụm", "hien nay thon co 12 pano": what the place has now is a stock, cumulative
  if (k === "hien" && !nv.blocked[i]) {
    let j = i + 1;
    if (key(toks[j]) === "nay" || key(toks[j]) === "tai" || key(toks[j]) === "gio") j++;
    if (STOCK_HOLDERS.has(key(toks[j]))) j++;
    if (key(toks[j]) === "dang") j++;
    if (key(toks[j]) === "co") {
      j++;
      if (key(toks[j]) === "tong" || key(toks[j]) === "tat")
        j += key(toks[j + 1]) === "ca" || key(toks[j + 1]) === "cong" ? 2 : 1;
      if (key(toks[j]) === "so" || key(toks[j]) === "la" || toks[j]?.k === ":") j++;
      const num = toks[j] && !nv.blocked[j] ? numbers.read(j, false) : null;
      if (num && !num.bad) {
        cumulative.add(j);
        i = num.end - 1;
        return i;
      }
    }
  }
  // "xã đã có tổng cộng 9 pa nô trên địa bàn": what stands in the area is a stock, cumulative
  if (k === "co" && !nv.blocked[i]) {
    const stock = stockInArea(toks, nv, numbers, i + 1);
    if (stock !== null) {
      cumulative.add(stock.at);
      // "(gồm 6 pa nô từ các năm trước …)": what the stock is made of, in a bracket right after it
      if (toks[stock.end]?.k === "(" && key(toks[stock.end + 1]) === "gom") block(stock.end + 2);
      return i;
    }
  }
  // "tổng số pa nô đang treo trên địa bàn là 11 cái": what stands now, a total of the stock, cumulative
  if (k === "dang" && STANDING.has(next) && totalOfBefore(toks, i)) {
    const first = numbersIn(i + 2)[0];
    if (first) cumulative.add(first[0]);
    return i;
  }
  // "tuần này 6 lượt, tháng 12 tổng tới nay 11 lượt": a numbered month or quarter so far, beside a shorter period
  // the report does not state as its own, is that period's total (as "cả quý IV đến nay")
  if (RANK[k] !== undefined && nv.blocked[i + 1] && reportRank > 0 && RANK[k]! > reportRank && !report?.stated) {
    let j = i + 2;
    if (key(toks[j]) === "tong" || key(toks[j]) === "cong") j++;
    if (TO.has(key(toks[j])) && NOW.has(key(toks[j + 1])) && RANK[k]! < RANK.nam!) {
      for (const s of listAfterColon(j + 2) ?? startsIn(j + 2)) totals.add(s);
      i = j + 1;
      return i;
    }
  }
  return -1;
}

/** The report's own period, its parts and longer periods named with their figures ("riêng quý II", "cả năm"). Returns the token to go on from, or -1 when no rule here takes token i. */
function namedPeriodAt(q: PeriodScan, i: number, k: string, next: string): number {
  const {
    toks,
    n,
    numbers,
    transparent,
    cumulative,
    addShare,
    totals,
    parts,
    report,
    reportRank,
    numbersIn,
    startsIn,
    listAfterColon,
    numbersToSentenceEnd,
    soFarFiguresBefore,
    sentenceNumbers,
    numberAfter,
    nv,
  } = q;
  const t = toks[i]!;
  // the report's own period named between a name and its figure: "pano tháng 12 treo 3 cái"
  if (RANK[k] !== undefined && report && !report.current && nv.blocked[i + 1] && !nv.transparent[i + 1]) {
    const p = periodAt(toks, nv, i);
    if (p && p.unit === report.unit && p.n !== undefined && p.n === report.n && p.year === report.year) {
      transparent.push(i, i + 1);
      i++;
      return i;
    }
  }
  // "đến nay thực hiện 4 phóng sự, trong đó quý IV 1 phóng sự": a period's share singled out after "trong đó"
  // makes the figures said "so far" before it in the sentence running totals
  if (k === "trong" && next === "do" && RANK[key(toks[i + 2])] !== undefined) {
    for (const x of soFarFiguresBefore(i)) cumulative.add(x);
    for (const x of wholeBeforeOwnShare(q, i)) cumulative.add(x);
    i++;
    return i;
  }
  // "riêng tuần từ 08/12 đến 14/12 phát 200 tờ" in a quarterly report: a shorter period singled out is a part
  // ("Trong đó riêng tháng 12: chuyên mục 2, phát thanh 26 lượt": the whole list after its colon)
  if (k === "rieng" && RANK[next] !== undefined && reportRank > 0 && RANK[next]! < reportRank) {
    for (const s of listAfterColon(i + 2) ?? startsIn(i + 2)) addShare(s);
    i++;
    return i;
  }
  // "riêng quý IV: 2 buổi, 170 đoàn viên" when quý IV is the period the officer asks to record: its figures
  // ("năm 2026 tổng 40 pano, riêng tháng 12 là 5": the report's period singled out after a longer one's figure)
  if (
    k === "rieng" &&
    report?.n !== undefined &&
    RANK[next] === reportRank &&
    periodAt(toks, nv, i + 1)?.n === report.n
  ) {
    // (unstated, only a bare figure there, "riêng tháng 12 là 5": the one named before, the report's)
    const own = (listAfterColon(i + 2) ?? startsIn(i + 2)).filter(
      (s) => report.stated || toks[s + 1]?.type !== "w" || BARE_CLOSERS.has(key(toks[s + 1])),
    );
    for (const s of own) totals.add(s);
    if (report.stated || own.length > 0) {
      i++;
      return i;
    }
  }
  // a part of the report's period: "riêng quý II: 8" in a six-month report, "tháng 3 treo 5" in a quarterly one
  if (RANK[k] !== undefined && reportRank > 0 && RANK[k]! < reportRank && nv.blocked[i + 1] && !nv.transparent[i + 1]) {
    let j = i + 1;
    while (j < n && nv.blocked[j] && !nv.transparent[j] && !isClauseEnd(toks[j], toks[j + 1])) j++;
    // "(Quý IV riêng: 1 phóng sự, 4 chuyên mục)": the whole list after its colon; opening its
    // sentence ("tuần 2 tháng 12 treo 5 băng rôn, 2 pano.") the sentence
    const scope = listAfterColon(j) ?? (opensSentence(toks, i) ? sentenceNumbers(j) : null);
    for (const s of scope ?? startsIn(j)) addShare(s);
    i = j - 1;
    return i;
  }
  // a longer numbered period than the report's: "quý 1 tổng 9 lượt" in a report of tháng 3 is a running total
  if (
    RANK[k] !== undefined &&
    // a year only opening its sentence ("năm 2026 tổng 40 pano, riêng tháng 12 là 5"), not "tháng 12 năm 2026"
    // or a clause after a comma ("pano quý 4 là 3 cái, năm 2025 làm 9 cái")
    // ("…; riêng năm 2026 là 41 hội nghị; Quý IV/2026 …": a year singled out of a longer span, opening its sentence)
    (k !== "nam" ||
      ((opensSentence(toks, i) ||
        toks[i - 1]?.k === "," ||
        (key(toks[i - 1]) === "rieng" && opensSentence(toks, i - 1))) &&
        toks[i + 1]?.type === "n")) &&
    reportRank > 0 &&
    RANK[k]! > reportRank &&
    (report?.stated || report?.n !== undefined) &&
    nv.blocked[i + 1] &&
    !nv.transparent[i + 1] &&
    !(toks[i - 1]?.type === "n" && RANK[key(toks[i - 2])] !== undefined) &&
    !STATED_TOTAL_BEFORE.has(key(toks[i - 1])) &&
    !isEarlier(periodAt(toks, nv, i), report)
  ) {
    let j = i + 1;
    while (j < n && nv.blocked[j] && !nv.transparent[j] && !isClauseEnd(toks[j], toks[j + 1])) j++;
    // "Năm 2026, xã tổ chức 12 hội nghị; …": a comma right after a year opening its sentence opens its clause
    if (toks[j]?.k === "," && k === "nam" && opensSentence(toks, i)) j++;
    for (const s of listAfterColon(j) ?? startsIn(j)) cumulative.add(s);
    i = j - 1;
    return i;
  }
  // "cả năm 2025 là 40", "cả tháng 22 buổi"; "cả năm 2025" in a report of 2026 is an earlier period (below)
  // (not when the report names it as its own: "báo cáo cả năm 2026: 4 phóng sự, 16 chuyên mục")
  if (
    k === "ca" &&
    RANK[next] &&
    t.o.toLowerCase() !== "cá" &&
    !isEarlier(periodAt(toks, nv, i + 1), report) &&
    !(report?.stated && statedBefore(toks, i))
  ) {
    // a month named only in passing ("tháng 12 … 15 lượt, cả quý 45 lượt"): the quarter, the
    // reports' usual period, is the total the officer gives; a month the report names stays its own
    // ("tuần này 200 tờ, tính cả quý là 850 tờ": the officer counts the quarter, the figure to report;
    // "tuần này 4 bài, cả quý được 37 bài rồi" stays a running total)
    const counted = key(toks[i - 1]) === "tinh" && reportRank > 0 && reportRank < RANK.quy!;
    const quarterOverMonth = RANK[next] === RANK.quy && (reportRank === RANK.thang || counted) && !report?.stated;
    // "tính cả quý 4 đến nay là 21 băng rôn, 900 tờ rơi": the period so far, a running total (its sentence)
    // (in a report of a shorter period; "bc quý: … cả quý đến nay 5 cái" is the report's own figure)
    let soFar = false;
    let nowEnd = -1;
    if (reportRank > 0 && RANK[next]! > reportRank)
      for (let x = i + 2; x < i + 6 && x + 1 < n && !isClauseEnd(toks[x], toks[x + 1]); x++)
        if (TO.has(key(toks[x])) && NOW.has(key(toks[x + 1]))) {
          soFar = true;
          nowEnd = x + 2;
        }
    // "tuần này 2 lượt; cả quý IV đến nay 11 lượt": a numbered quarter so far, beside a shorter period the report
    // does not state as its own, is the quarter's total (as "từ đầu quý IV đến nay"; "cả tháng 12 tới giờ" too)
    const q = toks[i + 2];
    const numberedQuarter =
      (RANK[next] === RANK.quy || RANK[next] === RANK.thang) &&
      !report?.stated &&
      (ROMAN[q?.k ?? ""] !== undefined || (q?.type === "n" && !!nv.blocked[i + 2]));
    const role =
      soFar && !numberedQuarter
        ? "cumulative"
        : quarterOverMonth || soFar
          ? "total"
          : roleOfPeriod(RANK[next]!, reportRank);
    // "cả năm 2026 phát hành 6.000 tờ": a running total may stand past a verb; a total or a part only right after
    // "cả quý 4 mới 5 pano": a quarter's number typed bare before another figure is its label
    const label = toks[i + 2];
    const bareLabel =
      RANK[next] === RANK.quy &&
      label?.type === "n" &&
      !nv.blocked[i + 2] &&
      /^[1-4]$/.test(label.k) &&
      toks[i + 3]?.type === "w" &&
      numbersIn(i + 3).length > 0;
    // ("cả tháng 12 tới giờ là 14 bài": the total after "tới giờ")
    const from = bareLabel ? i + 3 : soFar && role === "total" ? nowEnd : i + 2;
    // ("cả tháng 6 đăng 13 bài": one doing verb may stand before a total too)
    const found =
      numberAfter(from, 6, PERIOD_GLUE) ??
      (role === "cumulative" ? (numbersIn(from)[0] ?? null) : numberAfter(from, 6, PERIOD_VERB_GLUE));
    // "phát thanh 60 lượt là số cả năm, quý 4 chỉ 18": the figure before "là (số) cả năm" is that period's
    const said = key(toks[i - 1]) === "la" || (key(toks[i - 1]) === "so" && key(toks[i - 2]) === "la");
    if (said && role === "cumulative" && !found) {
      const before = numberJustBefore(toks, nv, numbers, key(toks[i - 1]) === "la" ? i : i - 1);
      if (before !== null) cumulative.add(before);
    }
    // "Cả năm 2026 đã tổ chức 7 hội nghị, 520 lượt người.": a running total opening its sentence covers it
    if (found && role === "cumulative" && (opensSentence(toks, i) || (soFar && opensSentence(toks, i - 1))))
      for (const x of sentenceNumbers(found[0])) cumulative.add(x);
    // "- Cả năm 2026: 20 phóng sự, 36 chuyên mục.": a running total as a label, before a colon, covers its list
    if (found && role === "cumulative") for (const x of listAfterColon(from) ?? []) cumulative.add(x);
    if (found) (role === "cumulative" ? cumulative : role === "total" ? totals : parts).add(found[0]);
    else if (
      role === "total" &&
      (opensSentence(toks, i) || (key(toks[i - 1]) === "tinh" && opensSentence(toks, i - 1)))
    ) {
      // "Tính cả quý IV, xã tổ chức 3 cuộc với 210 người.": opening its sentence, the sentence's figures
      let j = i + 2;
      while (j < n && nv.blocked[j] && !isClauseEnd(toks[j], toks[j + 1])) j++;
      if (toks[j]?.k === "," || toks[j]?.k === ":") j++;
      for (const x of numbersToSentenceEnd(j, false)) totals.add(x);
    }
    i++;
    return i;
  }
  return -1;
}

/** The whole unit, earlier and last periods, figures already reported. Returns the token to go on from, or -1 when no rule here takes token i. */
function otherPeriodAt(q: PeriodScan, i: number, k: string, next: string): number {
  const {
    toks,
    n,
    numbers,
    blocked,
    breaks,
    totals,
    report,
    reportRank,
    lastAdded,
    block,
    bracketNumbers,
    listAfterColon,
    numbersToSentenceEnd,
    numberAfter,
    nv,
  } = q;
  // the whole commune after one of its places: "tổ dân phố 2 phát 200 tờ, cả phường 900 tờ" (a stated total)
  if ((k === "ca" || k === "toan") && WHOLE_UNITS.has(next) && !nv.blocked[i + 1]) {
    const found = numberAfter(i + 2, 6, WHOLE_GLUE);
    if (found) totals.add(found[0]);
    i++;
    return i;
  }
  // an earlier period of the report's unit: "thang 2 la 26 luot" in a report of "tháng 3", "(quý IV/2025: 3)"
  if (RANK[k] !== undefined && isEarlier(periodAt(toks, nv, i), report)) {
    breaks.push(i);
    let j = i + 1;
    while (j < n && nv.blocked[j] && !isClauseEnd(toks[j], toks[j + 1])) j++;
    // "Kết quả tháng 11 (đã báo cáo): …": a bracket about the period before its colon
    j = pastBracketToColon(toks, j);
    if (toks[j]?.k === ":") {
      // "số liệu tháng 2: 1 băng rôn, 100 tờ rơi": the whole list after the colon
      // (to the sentence's end: "hoi nghi thang 9: 1 cuoc, 70 nguoi. hoi nghi thang 10: 2 cuoc" keeps month 10's)
      for (let x = j + 1; x < n && toks[x]!.type !== "nl" && toks[x]!.k !== ")" && toks[x]!.k !== ";"; x++) {
        if (toks[x]!.k === "." || toks[x]!.k === "!" || toks[x]!.k === "?") break;
        if (nv.blocked[x]) continue;
        const num = numbers.read(x, false);
        if (!num) continue;
        for (let y = x; y < num.end; y++) blocked.push(y);
        x = num.end - 1;
      }
    } else if (opensSegment(toks, i)) {
      // "…: T11 băng rôn 9, tờ rơi 300; T12 …": a label opening a segment covers it, to its ";" or sentence end
      for (const x of numbersToSentenceEnd(j, true)) {
        const num = numbers.read(x, false);
        for (let y = x; y < (num?.end ?? x + 1); y++) blocked.push(y);
      }
    } else if (toks[j]?.k === "(") {
      // "gấp đôi quý III (600 tờ)": the figure in brackets right after is that period's
      for (let x = j + 1; x < n && toks[x]!.k !== ")" && toks[x]!.type !== "nl"; x++) {
        if (nv.blocked[x]) continue;
        const num = numbers.read(x, false);
        if (!num) continue;
        for (let y = x; y < num.end; y++) blocked.push(y);
        x = num.end - 1;
      }
    } else block(j);
    i = j - 1;
    return i;
  }
  // last period: "quý trước 5", "cùng kỳ 2025: 5 pano", "kỳ trước"; a shorter unit is part of this period
  // "tuần rồi", "tháng rồi" (chat) say "trước"; not after a count ("đã 2 tuần rồi")
  const last = next === "truoc" || (next === "roi" && toks[i - 1]?.type !== "n");
  const previous =
    (last &&
      RANK[k] !== undefined &&
      (RANK[k]! >= Math.max(reportRank, 2) ||
        // "tuần trước 3 buổi, tuần này 5": beside the report's own period, the one before it
        // ("tuần trước 20, tuần này thêm 30": what is added to it is on top, and it stays)
        (RANK[k] === reportRank && (report?.stated || (report?.current && lastAdded < i))))) ||
    (last && k === "ky") ||
    // a school's year or term before ("năm học trước: 2 buổi", "nam hoc truoc", "đợt trước")
    (k === "hoc" && next === "truoc" && key(toks[i - 1]) === "nam") ||
    (k === "dot" && next === "truoc") ||
    (k === "cung" && next === "ky") ||
    (k === "nam" && next === "ngoai");
  if (previous) {
    breaks.push(i, i + 1);
    // "năm ngoái cùng kỳ: băng rôn 18, tờ rơi 1000": the whole list after the colon
    // ("(cùng kỳ năm 2025: 3 buổi, 180 lượt)": opening a bracket, the bracket is that period's)
    const list = toks[i - 1]?.k === "(" ? bracketNumbers(i + 2) : listAfterColon(i + 2);
    if (list) {
      for (const s of list) {
        const num = numbers.read(s, false);
        for (let x = s; x < (num?.end ?? s + 1); x++) blocked.push(x);
      }
    } else if (k === "cung" && opensPart(toks[i - 1])) {
      // "…; cùng kỳ năm 2025 tổ chức 2 buổi, 110 người.": a clause opening with it is that period's, to its end
      for (const s of numbersToSentenceEnd(i + 2, true)) {
        const num = numbers.read(s, false);
        for (let x = s; x < (num?.end ?? s + 1); x++) blocked.push(x);
      }
    } else block(pastNamingBracket(toks, nv, i + 2));
    // "so với cùng kỳ năm 2025 (18 buổi)": the figure in brackets right after is that period's
    let b = i + 2;
    const periodWord = (t: Tok): boolean =>
      RANK[key(t)] !== undefined || /^(?:19|20)\d\d$/.test(t.k) || key(t) === "ngoai";
    while (b < n && b < i + 6 && (nv.blocked[b] || periodWord(toks[b]!)) && toks[b]!.k !== "(") b++;
    if (toks[b]?.k === "(") {
      for (let x = b + 1; x < n && toks[x]!.k !== ")" && toks[x]!.type !== "nl"; x++) {
        if (nv.blocked[x]) continue;
        const num = numbers.read(x, false);
        if (!num) continue;
        for (let y = x; y < num.end; y++) blocked.push(y);
        x = num.end - 1;
      }
    }
    // "3 cái kia là của tuần trước": the figure before, in the same clause
    if (key(toks[i - 1]) === "cua") {
      const before = figureBeforeInClause(toks, nv, numbers, i - 1);
      if (before) for (let x = before[0]; x < before[1]; x++) blocked.push(x);
    }
    i++;
    return i;
  }
  // figures already reported for an earlier part: "6 tháng đầu năm đã báo cáo 4 hội nghị, 380 người"
  if (k === "da" && next === "bao" && earlierPartBefore(toks, i)) {
    for (const s of numbersToSentenceEnd(i + 2, false)) {
      const num = numbers.read(s, false);
      if (num) for (let x = s; x < num.end; x++) blocked.push(x);
    }
    return i;
  }
  return -1;
}

/** Comparisons, plans, hardships and stated period totals. Returns the token to go on from, or -1 when no rule here takes token i. */
function plansAndTotalsAt(q: PeriodScan, i: number, k: string, next: string): number {
  const {
    toks,
    n,
    numbers,
    blocked,
    settled,
    cumulative,
    totals,
    report,
    reportRank,
    block,
    listAfterColon,
    numbersToSentenceEnd,
    planListNext,
    numberAfter,
    tk,
    nv,
  } = q;
  const t = toks[i]!;
  // comparisons: "tăng 4 tin so với cùng kỳ", "nhiều hơn quý trước 1 cuộc"
  if (COMPARATORS.has(k) && next !== "len" && next !== "cuong" && comparedInClause(toks, i)) {
    const found = numberAfter(i + 1, 5, COMPARED_GLUE);
    if (found) for (let x = found[0]; x < found[1]; x++) blocked.push(x);
    return i;
  }
  // a plan's figure: "kế hoạch 10 pano, thực hiện 8", "KH: 10" (not "Kế hoạch số 15/KH-UBND")
  // (and its other names: "chỉ tiêu 6 áp phích", "mục tiêu: 20 tin")
  const planWords = (k === "ke" && next === "hoach") || ((k === "chi" || k === "muc") && next === "tieu");
  if ((planWords || k === "kh") && !nv.blocked[i]) {
    let j = i + (planWords ? 2 : 1);
    // "kế hoạch cả năm (1.000 tờ)", "kế hoạch năm (24 chuyên mục)": the plan's figure in brackets
    let x = j;
    if (key(toks[x]) === "ca") x++;
    if (RANK[key(toks[x])] !== undefined) {
      x++;
      while (x < n && nv.blocked[x] && toks[x]!.type !== "nl" && toks[x]!.k !== "(") x++;
      // or right after the period ("kế hoạch cả năm 4 lớp", "Kế hoạch năm: 12 pano")
      // ("kế hoạch năm giao 40 băng rôn": the plan given for the year)
      if (
        toks[x]?.k === "(" ||
        toks[x]?.k === ":" ||
        key(toks[x]) === "giao" ||
        (toks[x]?.type === "n" && !nv.blocked[x])
      )
        j = x;
    }
    // ("chỉ tiêu được giao …", "kế hoạch đã giao …")
    if ((key(toks[j]) === "duoc" || key(toks[j]) === "da") && key(toks[j + 1]) === "giao") j++;
    if (toks[j]?.k === ":" || toks[j]?.k === "(" || key(toks[j]) === "la") j++;
    else if (key(toks[j]) === "giao") {
      j = afterRecipient(toks, nv, j + 1);
      if (toks[j]?.k === "(" || toks[j]?.k === ":") j++;
    }
    // "kế hoạch treo 5 pano, mới được 3": the verb of what is planned before its figure
    else if (toks[j]?.type === "w" && !nv.blocked[j] && toks[j + 1]?.type === "n") j++;
    // "chỉ tiêu (15 tin bài/quý)": the plan's figure as a rate per period, no count to ask about
    if (toks[j]?.type === "n" && nv.blocked[j] && nv.unclear.some(([a]) => a === j)) settled.push(j);
    const num = toks[j] && !nv.blocked[j] ? numbers.read(j, false) : null;
    if (num && !num.bad && toks[j]!.type === "n") {
      for (let x = j; x < num.end; x++) blocked.push(x);
      // "kế hoạch cả năm 4 lớp, 240 học viên": the plan's list goes on while each clause opens with a
      // figure (not "kế hoạch 10 pano, thực hiện 8")
      for (let e = planListNext(num.end); e >= 0; ) {
        const more = numbers.read(e, false);
        if (!more || more.bad) break;
        for (let x = e; x < more.end; x++) blocked.push(x);
        e = planListNext(more.end);
      }
    }
  }
  // "xã phải treo 5 pano, mới được 3 thôi": what is due, then what was done in the next clause
  if (k === "phai" && !NOT_WORDS.has(key(toks[i - 1])) && !nv.blocked[i]) {
    // (a verb of one or two words before the figure: "phải treo 5", "phải tổ chức 4")
    let j = i + 1;
    while (j < i + 3 && toks[j]?.type === "w") j++;
    const num = toks[j]?.type === "n" && !nv.blocked[j] ? numbers.read(j, false) : null;
    if (num && !num.bad && doneClauseAfter(toks, num.end)) for (let x = j; x < num.end; x++) blocked.push(x);
  }
  // plans: "phấn đấu treo thêm 8 pa nô", "dự kiến", "quý tới", "sẽ"
  const plan = startingWith(PLAN_WORDS, key(toks[i])).find(
    (seq) => seq.every((w, j) => key(toks[i + j]) === w) && (seq[0] !== "phuong" || !placeNamedHuong(toks, i)),
  );
  const future =
    (RANK[k] !== undefined && next === "toi") ||
    (k === "se" && (t.o.toLowerCase() === "sẽ" || (!tk.accented && key(toks[i - 1]) !== "chia")));
  if (plan || future) {
    const from = i + (plan ? plan.length : 2);
    // "… Phương hướng quý I: …" inside a line: to the end of its line
    if (plan?.[0] === "phuong") {
      for (let j = from; j < n && toks[j]!.type !== "nl"; j++) {
        if (nv.blocked[j]) continue;
        const num = numbers.read(j, false);
        if (num) for (let x = j; x < num.end; x++) blocked.push(x);
      }
    } else if (plan?.[0] === "phan" || plan?.[0] === "du") {
      for (const x of planSentence(toks, nv, numbers, from)) blocked.push(x);
    } else block(from);
    return i;
  }
  // a "Khó khăn" / "Hạn chế" / "Vướng mắc" heading: what is lacking or hard is no result ("thiếu 5 xe",
  // "3 thôn sóng yếu"); to the end of its line, or of the section when the heading stands alone
  if (hasPhrase(HARDSHIP, k, next) && startsLine(toks, i)) {
    let j = i + 2;
    while (j < n && toks[j]!.type !== "nl" && (toks[j]!.type === "p" || toks[j]!.k === ":")) j++;
    // ("II. KHÓ KHĂN, VƯỚNG MẮC", "Hạn chế, tồn tại:": a few words and no figure after it are its heading too)
    const heading = j >= n || toks[j]!.type === "nl" || headingAloneAfter(toks, nv, j);
    for (; j < n; j++) {
      if (toks[j]!.type === "nl" && (!heading || j + 1 >= n || sectionStartsAt(toks, j + 1) || resultsAt(toks, j + 1)))
        break;
      // on the heading's own line: to its sentence's end or a turn to what was done ("nhưng vẫn treo 4")
      if (!heading && (SENTENCE_STOPS.has(toks[j]!.k) || DONE_TURN.has(key(toks[j])) || resultsAt(toks, j))) break;
      if (nv.blocked[j]) continue;
      const num = numbers.read(j, false);
      if (num) for (let x = j; x < num.end; x++) blocked.push(x);
    }
    i = j - 1;
    return i;
  }
  // stated period totals: "nâng tổng số trong quý lên 1.100", "Cộng quý I: 9", "tổng tháng 3: 20"
  if (k === "nang") {
    for (let j = i + 1; j < Math.min(n, i + 8) && !isClauseEnd(toks[j], toks[j + 1]); j++) {
      // "nâng tổng số từ đầu năm lên 10": the running total is the "từ đầu …" rule's to qualify
      if (key(toks[j]) === "tu" && key(toks[j + 1]) === "dau") break;
      if (key(toks[j]) !== "len") continue;
      const found = numberAfter(j + 1, 3, PERIOD_GLUE);
      if (found) totals.add(found[0]);
      break;
    }
    return i;
  }
  if (
    (k === "tong" || k === "cong") &&
    (RANK[next] || (next === "ca" && RANK[key(toks[i + 2])]) || (next === "cong" && RANK[key(toks[i + 2])]))
  ) {
    // "Cộng quý III: 3 HN, 180 người": every figure of the list after the colon
    const list = listAfterColon(i + 1);
    const found = list?.length ? null : numberAfter(i + 1, 7, PERIOD_GLUE);
    // "Tổng cả năm 2026: 5.200 tờ gấp" in a report of a month or a quarter: the year so far, a running total
    const unit = RANK[next] ? next : key(toks[i + 2]);
    // (an earlier year's total, "tổng cả năm 2025 là 280", is left as it was read)
    const at = RANK[next] ? i + 1 : i + 2;
    const into =
      unit === "nam" && reportRank > 0 && reportRank < RANK.nam! && !isEarlier(periodAt(toks, nv, at), report)
        ? cumulative
        : totals;
    for (const s of list ?? []) into.add(s);
    if (found) into.add(found[0]);
  }
  // "Tổng: pano 3, băng rôn 3", "Tổng cộng: …" after the details: every figure of the list is a stated total
  if ((k === "tong" || k === "cong") && (next === ":" || (next === "cong" && key(toks[i + 2]) === ":"))) {
    for (const s of listAfterColon(i + 1) ?? []) totals.add(s);
  }
  // "… tháng 11 … 61 người. Cộng 2 cuộc, 119 người": a sentence opening with the word and a list of figures,
  // likewise (a lone figure, "tong 6 cai", is left to the values' combination)
  const figureAt = next === "cong" ? i + 2 : i + 1;
  if (
    (k === "tong" || k === "cong") &&
    opensSentence(toks, i) &&
    toks[figureAt]?.type === "n" &&
    !nv.blocked[figureAt]
  ) {
    const list = numbersToSentenceEnd(figureAt, false);
    if (list.length > 1) for (const s of list) totals.add(s);
  }
  return -1;
}

/**
 * Lines headed by periods ("Năm 2026 (đến 30/11): …", "Quý IV/2026: …"): the figures of the report's own line are
 * its values, whatever the rules above made of its period; those of the other lines are none.
 */
function settlePeriodLines(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  report: NamedPeriod | null,
  roles: { blocked: number[]; cumulative: Set<number>; shares: Set<number>; parts: Set<number>; totals: Set<number> },
): void {
  const found = ownPeriodLine(toks, nv, report);
  if (!found) return;
  const { own } = found;
  const inOwn = (x: number): boolean => x > own.colon && x < own.end;
  // lines summed by a stated total ("Cộng quý: 67 lượt") are its parts; an estimate ("Ước cả năm: …") sums nothing
  const inEstimate = (x: number): boolean => found.lines.some((l) => l.estimate && x > l.colon && x < l.end);
  for (const x of roles.totals) if (!inEstimate(x)) return;
  for (const x of [...roles.totals]) roles.totals.delete(x);
  const kept = roles.blocked.filter((x) => !inOwn(x));
  roles.blocked.length = 0;
  roles.blocked.push(...kept);
  for (const set of [roles.cumulative, roles.shares, roles.parts])
    for (const x of [...set]) if (inOwn(x)) set.delete(x);
  for (const line of found.lines) {
    if (line === own) continue;
    for (let x = line.colon + 1; x < line.end; x++) {
      // (a figure an earlier stage read, "2 buổi sinh hoạt", is that stage's pair: marked so it is dropped)
      if (nv.blocked[x]) {
        if (toks[x]!.type === "n") roles.blocked.push(x);
        continue;
      }
      const num = numbers.read(x, false);
      if (!num) continue;
      for (let y = x; y < num.end; y++) roles.blocked.push(y);
      x = num.end - 1;
    }
  }
}

/** "năm 2025" in a qualifier's heading ("Cùng kỳ năm 2025: …", "Lũy kế năm 2026: …"): the year, no figure. */
const yearAt = (toks: readonly Tok[], j: number): boolean =>
  key(toks[j - 1]) === "nam" && /^(?:19|20)\d\d$/.test(toks[j]!.k);

/** Words turning from a plan to what was done ("…; quý IV đã dựng 3", "hiện đã treo 6", "thực tế", "Kết quả: …"). */
const PLAN_TURNS: ReadonlySet<string> = new Set(["da", "hien", "thuc", "ket", "nhung", "moi"]);

/**
 * The figures' tokens of a plan from token `from` ("phấn đấu", "dự kiến"): its clause and the next clauses of its
 * sentence ("phấn đấu dựng 10 pa nô, treo 80 băng rôn"), to the sentence's end, a turn to what was done or a clause
 * naming its own period.
 */
function planSentence(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
): number[] {
  const out: number[] = [];
  for (let x = from; x < toks.length; x++) {
    const t = toks[x]!;
    if (t.type === "nl" || SENTENCE_STOPS.has(t.k) || (t.type === "w" && PLAN_TURNS.has(t.kt))) break;
    // ("…, tháng này treo 3", "…, riêng quý IV …": a clause naming its own period)
    if (t.k === "," && (RANK[key(toks[x + 1])] !== undefined || OWN_CLAUSE.has(key(toks[x + 1])))) break;
    // (a figure an earlier stage paired, "dự kiến tổ chức 5 buổi", is marked so its pair is dropped)
    if (nv.blocked[x]) {
      if (t.type === "n") out.push(x);
      continue;
    }
    const num = numbers.read(x, false);
    if (!num) continue;
    for (let y = x; y < num.end; y++) out.push(y);
    x = num.end - 1;
  }
  return out;
}

/** Headings of what is ahead when a later period or "tới" follows ("Nhiệm vụ quý I/2027", "Chỉ tiêu năm 2027"). */
const AHEAD_HEADS: ReadonlySet<string> = new Set(["nhiem vu", "ke hoach", "chi tieu", "muc tieu"]);
/** Headings of what the office asks for ("III. Đề xuất, kiến nghị"): no work done. */
const REQUEST_HEADS: ReadonlySet<string> = new Set(["de xuat", "kien nghi", "de nghi"]);

/**
 * Whether token i, opening its line or sentence, heads what is ahead of the report's period: "III. Phương
 * hướng …" (a line opening with it), "III. Nhiệm vụ
 * trọng tâm quý I/2027", "2. Chi tieu nam 2027:", "Nhiệm vụ tháng 12:" in a report of tháng 11, or a request
 * heading standing alone ("II. Kiến nghị").
 */
function aheadHeadingAt(toks: readonly Tok[], nv: NonValues, i: number, report: NamedPeriod | null): boolean {
  const two = `${key(toks[i])} ${key(toks[i + 1])}`;
  if (two === "phuong huong") return startsLine(toks, i) && !placeNamedHuong(toks, i);
  const request = REQUEST_HEADS.has(two);
  if (!request && !AHEAD_HEADS.has(two)) return false;
  if (!startsLine(toks, i) && !(opensSentence(toks, i) && !request)) return false;
  if (request) return startsLine(toks, i) && headingAloneAfter(toks, nv, i + 2);
  for (let j = i + 2; j < i + 8 && toks[j] && toks[j]!.type !== "nl" && toks[j]!.k !== ":"; j++) {
    const k = key(toks[j]);
    if (k === "toi" || (k === "tiep" && key(toks[j + 1]) === "theo")) return true;
    if (RANK[periodKey(toks, nv, j)] !== undefined) {
      const p = periodAt(toks, nv, j);
      return !!p && !!report && isEarlier(report, p);
    }
    if (toks[j]!.type === "n" && !nv.blocked[j]) return false;
  }
  return false;
}

/** Whether the rest of a heading's line from token j holds a few words and no figure ("Đề xuất, kiến nghị"). */
function headingAloneAfter(toks: readonly Tok[], nv: NonValues, j: number): boolean {
  for (let x = j; x < j + 8; x++) {
    const t = toks[x];
    if (!t || t.type === "nl") return true;
    if (t.type === "n" && !nv.blocked[x]) return false;
  }
  return false;
}

/**
 * The end of the section a heading at token i opens: a numbered heading ("III.", "3.") runs to the next section
 * of its kind (sub-items "1.", "a)", "-" stay inside; a roman one ends a digit one); an unnumbered heading alone
 * on its line to a blank line, a roman section or a results heading; otherwise its line.
 */
function headedSectionEnd(toks: readonly Tok[], nv: NonValues, i: number): number {
  const n = toks.length;
  const mark = headingMark(toks, i);
  let j = i;
  while (j < n && toks[j]!.type !== "nl") j++;
  if (mark === "" && !headingAloneAfter(toks, nv, i + 1)) return j;
  for (; j < n; j++) {
    if (toks[j]!.type !== "nl") continue;
    const x = j + 1;
    if (x >= n) return n;
    if (toks[x]!.type === "nl") {
      if (mark === "") return j;
      continue;
    }
    const kind = sectionStartsAt(toks, x) ? sectionKind(toks[x]!) : "";
    if (kind === "roman" || (kind !== "" && kind === mark) || (mark === "" && resultsAt(toks, x))) return j;
  }
  return n;
}

/** "So với quý III, tăng 6 tin bài": the sentence opens with "so với" and a comma ends that clause at token a - 1. */
function comparisonOpensSentence(toks: readonly Tok[], a: number): boolean {
  if (toks[a - 1]?.k !== ",") return false;
  let s = a - 1;
  while (s > 0 && s > a - 20 && toks[s - 1]!.type !== "nl" && !SENTENCE_STOPS.has(toks[s - 1]!.k)) s--;
  if (s > 0 && toks[s - 1]!.type !== "nl" && !SENTENCE_STOPS.has(toks[s - 1]!.k)) return false;
  while (s < a && toks[s]!.type === "p") s++;
  return key(toks[s]) === "so" && (key(toks[s + 1]) === "voi" || key(toks[s + 1]) === "cung");
}

/** The reporting unit as a whole ("cả xã", "toàn phường"): its figure is a total over its places. */
const WHOLE_UNITS = new Set(["xa", "phuong", "huyen", "tinh", "don", "thi"]);

/** Words between "cả xã" and its figure: period words and the doing verbs ("toàn xã phát 650 tờ"). */
const WHOLE_GLUE = new Set([
  ...PERIOD_GLUE,
  "phat",
  "treo",
  "dang",
  "in",
  "lam",
  "chay",
  "to",
  "chuc",
  "thuc",
  "hien",
  "tran",
]);

/** Headings of a report's difficulties: the figures under them are no results. */
const HARDSHIP = new Set(["kho khan", "han che", "vuong mac", "ton tai"]);

/** Sentence ends that close a difficulty said on the heading's line. */
const SENTENCE_STOPS = new Set([".", "!", "?", ";"]);
/** Words turning from a difficulty to what was done ("… nhưng vẫn treo 4 băng rôn", "tuy vậy đã …"). */
const DONE_TURN = new Set(["nhung", "van", "tuy", "song"]);

/** Whether a line of results starts at token j ("Kết quả …", "- Thực hiện …"), list marks aside. */
function resultsAt(toks: readonly Tok[], j: number): boolean {
  let x = j;
  while (
    x < toks.length &&
    x < j + 3 &&
    (toks[x]!.type === "p" || /^[ivx]+$/.test(toks[x]!.k) || toks[x]!.type === "n")
  )
    x++;
  const two = `${key(toks[x])} ${key(toks[x + 1])}`;
  return two === "ket qua" || two === "thuc hien";
}

/** Words before a period that make its figure a stated total ("Cộng quý I: 15", "cả quý 9"). */
const STATED_TOTAL_BEFORE = new Set(["tong", "cong", "ca", "trong"]);

/** Words that open a clause of its own after a comma ("…, còn tháng này …", "…, riêng quý II …"). */
const OWN_CLAUSE = new Set(["con", "rieng", "nhung", "trong", "ky", "luy", "tu", "cung"]);

/** Whether token i opens its sentence (line start, or after ".", "!", "?", ";"), fillers aside ("Dạ từ đầu năm …"). */
/** Words that may stand before a running total's qualifier opening its sentence ("tổng cộng", "tính", "lũy kế"). */
const TOTAL_LEAD = new Set(["tong", "cong", "tinh", "luy", "ke", "so"]);

function opensSentence(toks: readonly Tok[], i: number): boolean {
  for (let j = i - 1, steps = 0; j >= 0 && steps < 3; j--, steps++) {
    const t = toks[j]!;
    if (t.type === "nl" || t.k === "." || t.k === "!" || t.k === "?" || t.k === ";") return true;
    if (!(t.type === "w" && (t.kt === "da" || t.kt === "con" || t.kt === "va"))) return false;
  }
  return i === 0 || toks.slice(0, i).every((t) => t.type === "w" && (t.kt === "da" || t.kt === "con" || t.kt === "va"));
}

/** Whether token i opens a segment of its message: after a colon, ";", a sentence's end or a line break. */
function opensSegment(toks: readonly Tok[], i: number): boolean {
  const p = toks[i - 1];
  return !p || p.type === "nl" || p.k === ":" || p.k === ";" || p.k === "." || p.k === "-";
}

/** Whether token i starts its line (after list numbering: "II. Phương hướng", "- Phương hướng"). */
function startsLine(toks: readonly Tok[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const t = toks[j]!;
    if (t.type === "nl") return true;
    if (!(t.type === "p" || t.type === "n" || /^[ivx]+$/.test(t.k))) return false;
  }
  return true;
}

/** Whether a new section starts at token j: "III. …", "3. …" (a numbered heading). */
function sectionStartsAt(toks: readonly Tok[], j: number): boolean {
  const t = toks[j];
  const next = toks[j + 1];
  return (
    !!t &&
    !!next &&
    (next.k === "." || next.k === ")") &&
    (/^[ivx]+$/.test(t.k) || (t.type === "n" && /^\d{1,2}$/.test(t.k)))
  );
}

/** What a figure "for the whole X" / "since the start of X" is, against the report's period. */
function roleOfPeriod(rank: number, reportRank: number): "cumulative" | "total" | "part" {
  if (reportRank === 0) return rank >= RANK.nam! ? "cumulative" : "total";
  if (rank > reportRank) return "cumulative";
  return rank === reportRank ? "total" : "part";
}

/**
 * Whether a comparison's clause names what it compares with ("so với", "cùng kỳ", "quý trước", "hơn kế
 * hoạch"), or opens with this period before a decrease ("tháng này giảm 4").
 */
function comparedInClause(toks: readonly Tok[], i: number): boolean {
  const a = clauseStartOverBracket(toks, i);
  let b = i;
  while (b < toks.length && !isClauseEnd(toks[b], toks[b + 1])) b++;
  for (let x = a; x < b; x++) {
    const k = key(toks[x]);
    const nx = key(toks[x + 1]);
    if (
      (k === "so" && (nx === "voi" || nx === "cung")) ||
      (k === "cung" && nx === "ky") ||
      (RANK[k] !== undefined && nx === "truoc") ||
      (k === "ky" && nx === "truoc") ||
      (k === "ke" && nx === "hoach" && x > i) || // "nhiều hơn kế hoạch 2 cái"
      // "tháng này giảm 4", "kỳ này tăng 2": this period said against the last one
      ((RANK[k] !== undefined || k === "ky") && nx === "nay" && x < i && key(toks[i]) !== "tang")
    )
      return true;
  }
  return comparisonOpensSentence(toks, a);
}

/**
 * Where the clause of token i starts, over a bracket closing right before it: "so với cùng kỳ năm 2025 (02 buổi,
 * 140 hội viên) tăng 01 buổi" is one clause, the bracket an aside of the words before it.
 */
function clauseStartOverBracket(toks: readonly Tok[], i: number): number {
  let a = i;
  while (a > 0 && !isClauseEnd(toks[a - 1], toks[a])) a--;
  if (toks[a - 1]?.k !== ")") return a;
  let o = a - 2;
  while (o >= 0 && o >= a - 24 && toks[o]!.k !== "(" && toks[o]!.type !== "nl") o--;
  if (toks[o]?.k !== "(") return a;
  while (o > 0 && !isClauseEnd(toks[o - 1], toks[o])) o--;
  return o;
}

/** The last figure before token i in its clause (at most 8 tokens back): [start, end), or null. */
function figureBeforeInClause(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
): [number, number] | null {
  for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
    if (isClauseEnd(toks[j], toks[j + 1])) return null;
    if (nv.blocked[j] || toks[j]!.type !== "n") continue;
    const num = numbers.read(j, false);
    return num && !num.bad ? [j, num.end] : null;
  }
  return null;
}

/** "pano 7 là lũy kế": the number right before "(là) lũy kế" in its clause, or null. */
/**
 * Whether the clause before token i names an earlier part of a period ("6 tháng đầu năm", "quý trước",
 * "đầu quý"), a period word then "đầu" or "trước" right after it.
 */
function earlierPartBefore(toks: readonly Tok[], i: number): boolean {
  for (let x = i - 1; x > 0 && x >= i - 6 && !isClauseEnd(toks[x], toks[x + 1]); x--) {
    const w = key(toks[x]);
    if ((w === "dau" || w === "truoc") && RANK[key(toks[x - 1])] !== undefined) return true;
  }
  return false;
}

/** Verbs after "đang" of things standing in place ("đang treo", "đang sử dụng", "đang hoạt động"). */
const STANDING: ReadonlySet<string> = new Set(["treo", "su", "hoat", "duy", "lap", "dung"]);

/**
 * Whether "tổng số" opens the clause a few words before token i ("tổng số pa nô đang treo"), or "tổng" /
 * "tổng cộng" stands right before it ("tổng đang treo 16").
 */
function totalOfBefore(toks: readonly Tok[], i: number): boolean {
  const b = key(toks[i - 1]) === "cong" ? i - 2 : i - 1;
  if (key(toks[b]) === "tong") return true;
  for (let x = i - 1; x > 0 && x >= i - 5 && !isClauseEnd(toks[x], toks[x + 1]); x--)
    if (key(toks[x]) === "so" && key(toks[x - 1]) === "tong") return true;
  return false;
}

/** "đã gồm", "đã bao gồm", "gồm cả", "bao gồm cả", "tính cả", "kể cả" at token i: what follows is included. */
function includesOthersAt(toks: readonly Tok[], i: number): boolean {
  const j = key(toks[i]) === "da" ? i + 1 : i;
  const g = key(toks[j]) === "bao" && key(toks[j + 1]) === "gom" ? j + 1 : j;
  if (key(toks[g]) === "gom") return j > i || key(toks[g + 1]) === "ca";
  return (key(toks[j]) === "tinh" || key(toks[j]) === "ke") && key(toks[j + 1]) === "ca";
}

function numberJustBefore(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
): number | null {
  let j = i - 1;
  // ("đã đạt 32 (lũy kế)": the figure right before the bracket)
  if (key(toks[j]) === "la" || toks[j]?.k === ":" || toks[j]?.k === "(") j--;
  for (let back = 0; back < 3 && j >= 0; back++, j--) {
    if (isClauseEnd(toks[j], toks[j + 1])) return null;
    if (nv.blocked[j]) continue;
    const num = numbers.read(j, false);
    if (num && num.end > i - 3) return j;
  }
  return null;
}

/** A period named in the text: its rank, unit and, when given, its number and year ("quý I/2026"). */
interface NamedPeriod {
  rank: number;
  unit: string;
  /** Named as the report's ("Báo cáo tuần này", "bc quý I"): then the same unit's "trước" is last period's. */
  stated?: boolean;
  /** Token where a stated period is named. */
  at?: number;
  /** "quý này", "năm nay": the officer's present; a numbered period of its unit said beside it is an earlier one. */
  current?: boolean;
  n?: number;
  year?: number;
  /** "quý 4 năm nay": of the present year, so one of the same unit with a year written is another year's. */
  thisYear?: boolean;
  /** "9 tháng đầu năm": the year's first months. */
  first?: boolean;
  /** "6 tháng cuối năm": the year's last months. */
  last?: boolean;
}

/**
 * The period the report names as its own, written as a header would name it ("thang 12", "quy 4/2026",
 * "nam 2026"), for the tables stage to pick a period column by; null when the report names none.
 */
export function ownPeriodKey(tk: Tokenised, nv: NonValues): string | null {
  const p = reportPeriod(tk.toks, nv);
  if (!p?.stated) return null;
  if (p.unit === "nam") return p.year ? `nam ${p.year}` : null;
  if (p.n === undefined) return null;
  return `${p.unit} ${p.n}${p.year ? `/${p.year}` : ""}`;
}

/** Words before a period that make it another's ("lũy kế quý I", "cả năm 2025", "cùng kỳ", "so với quý IV", "dự kiến quý I/2027"). */
const NOT_THE_REPORTS = new Set([
  "luy ke",
  "tu dau",
  "so voi",
  "cung ky",
  "den het",
  "ke hoach",
  "du kien",
  "phan dau",
]);

/**
 * The period the report is about: the one named right after "báo cáo", "bc", "số liệu", "kết quả",
 * "tổng hợp" ("Báo cáo quý I/2026", "so lieu thang 5", "Kết quả quý I"), else the first one named
 * ("6 tháng đầu năm: …; riêng quý II: …"), leaving out those of cumulative or compared figures
 * ("lũy kế quý I: 35"); null when none.
 */
function reportPeriod(toks: readonly Tok[], nv: NonValues): NamedPeriod | null {
  const asked = periodToRecord(toks, nv);
  if (asked) return asked;
  let first: NamedPeriod | null = null;
  let firstAt = -1;
  let current: NamedPeriod | null = null;
  let opening: NamedPeriod | null = null;
  let latest: NamedPeriod | null = null;
  for (let i = 0; i < toks.length && i < 80; i++) {
    // "báo cáo tuần 2 tháng 9": a numbered week the report names as its own
    if (key(toks[i]) === "tuan" && toks[i + 1]?.type === "n" && statedBefore(toks, i))
      return { rank: RANK.tuan!, unit: "tuan", n: Number(toks[i + 1]!.k), stated: true };
    // "tuần 3 tháng 12 không có …" opening the report: that week is its period
    // (unless the officer names the report's period later: "…, em báo số quý ạ")
    if (
      first === null &&
      current === null &&
      opening === null &&
      key(toks[i]) === "tuan" &&
      toks[i + 1]?.type === "n" &&
      key(toks[i + 2]) === "thang" &&
      toks[i + 3]?.type === "n"
    ) {
      opening = { rank: RANK.tuan!, unit: "tuan", n: Number(toks[i + 1]!.k), stated: true };
      i += 3;
      continue;
    }
    const p = periodAt(toks, nv, i);
    // "bc quý:", "báo cáo tháng ạ": the report names its unit without a number
    if (
      !p &&
      RANK[key(toks[i])] !== undefined &&
      key(toks[i + 1]) !== "nay" &&
      // ("bc: năm ngoái làm 10 pano, năm nay 12": last year's, not the report's unit)
      !lastPeriodWordsAt(toks, i) &&
      key(toks[i + 1]) !== "ngoai" &&
      // not a running total's span ("báo cáo: từ đầu năm đến hết quý IV …")
      !NOT_THE_REPORTS.has(`${key(toks[i - 2])} ${key(toks[i - 1])}`) &&
      statedBefore(toks, i) &&
      (!opening || reportedBefore(toks, i))
    )
      return { rank: RANK[key(toks[i])]!, unit: key(toks[i]), stated: true, at: i };
    if (!p) continue;
    // "tháng 10 đã bc 18 lượt", "Kết quả tháng 11 (đã báo cáo): …": a period already reported is an earlier one
    if (p.n !== undefined && alreadyReportedAfter(toks, periodEnd(toks, i))) continue;
    // "kỳ trước (tháng 11) họp 2 cuộc": the last period named in brackets, not the report's
    if (toks[i - 1]?.k === "(" && lastPeriodWordsAt(toks, i - 3)) continue;
    // "bổ sung tháng 11 thêm 3 tin bài. Tháng 12 đến nay: 6 tin bài": a month supplemented, before a later one
    if (supplementedBefore(toks, nv, i, p)) continue;
    // "quý 4 năm nay": "năm nay" is the year of the period before it, no period of its own
    if (p.current && p.unit === "nam" && nv.blocked[i - 1] && RANK[key(toks[i - 2])] !== undefined) continue;
    const before = `${key(toks[i - 2])} ${key(toks[i - 1])}`;
    // "cả năm 2026" is a whole period's figure, unless the report says it is its own ("báo cáo cả năm 2026:")
    // ("KH năm 300 lượt": the plan's year, typed short)
    if (
      NOT_THE_REPORTS.has(before) ||
      key(toks[i - 1]) === "kh" ||
      (key(toks[i - 1]) === "ca" && !statedBefore(toks, i - 1))
    )
      continue;
    // "Năm 2026 xã đề ra kế hoạch 12 pa nô": the period of a plan, not of the report
    if (plansAfter(toks, i)) continue;
    // "Nghị quyết … về nhiệm vụ năm 2027", "phương hướng nhiệm vụ quý I/2027": the subject of a
    // document or of the plan ahead, not the report's period
    if (before === "nhiem vu" && (key(toks[i - 3]) === "ve" || key(toks[i - 3]) === "huong")) continue;
    // after a week opening the message, only the officer's own "báo số quý" / "bc quý III" names another
    if (statedBefore(toks, i) && (!opening || reportedBefore(toks, i))) return { ...p, stated: true, at: i };
    // "Năm 2025 xã treo 40; quý I/2026 treo 12": a later year named after the first is the report's
    // ("9 tháng đầu năm …, quý 4 …": a quarter or a month named after the year's first months too)
    if (
      !first ||
      (first.first && !p.first && (p.current || firstMonthsBefore(first, p, false))) ||
      // "6 tháng cuối năm: 30 tin. Quý 4: 14 tin": a quarter or month inside the year's last months named after them
      lastMonthsAround(first, p) ||
      (p.year !== undefined && first.year !== undefined && p.year > first.year) ||
      laterQuarter(p, first) ||
      // "tháng 11 … 28 lượt, tháng 12 đến nay 9 lượt": a later one of the same unit said as running now
      (p.unit === first.unit && !first.stated && endsLater(p, first) && saidAsNow(toks, periodEnd(toks, i))) ||
      // "Năm 2026 … 10 phóng sự, trong đó quý IV … 3": a shorter period named as a part of the longer one's figure
      // (or singled out: "Năm 2026 xã treo 40 băng rôn, riêng quý IV treo 12")
      // (not after a heading naming the longer one: "6 tháng đầu năm: 20 pa nô; riêng quý II: 8")
      (p.rank < first.rank &&
        !first.stated &&
        (partOfWholeBefore(toks, i) || (key(toks[i - 1]) === "rieng" && !headingAt(toks, firstAt)))) ||
      singledOutOfYear(toks, nv, i, p, first, firstAt) ||
      // "Năm 2026 … 12 hội nghị; trong quý IV/2026 … 3 hội nghị": a shorter period of that year, said as within it
      (first.unit === "nam" &&
        p.rank < first.rank &&
        !first.stated &&
        key(toks[i - 1]) === "trong" &&
        (p.year === undefined || first.year === undefined || p.year === first.year)) ||
      // "500 tờ phát vào tháng 3, quý 4 phát 800 tờ": a quarter after a month of an earlier one
      (p.unit === "quy" && first.unit === "thang" && p.year === first.year && endsLater(p, first) && !first.current)
    ) {
      first = p;
      firstAt = i;
    }
    // "năm nay 3 phóng sự. quý này 1": of two current periods the shorter is the report's (not a week: a part)
    // ("quý 1 năm nay": a numbered period of the present year is one of them)
    if ((p.current || p.thisYear) && (!current || (p.rank < current.rank && p.rank > RANK.tuan!))) current = p;
    if (current?.unit === "nam" && current.current && endsLater(p, latest)) latest = p;
  }
  // "năm nay làm 4 cụm, 3 cụm hồi tháng 4, quý 4 làm 1 cụm": the latest quarter or month of "this year",
  // numbered with no year of its own, is the report's (of the present, as "quý này")
  if (current?.unit === "nam" && current.current && latest) return opening ?? { ...latest, thisYear: true };
  // "năm 2025 treo 30, năm nay treo 42": the officer's "this year" over a period named before it
  return opening ?? current ?? first;
}

/**
 * "Đề nghị ghi nhận số liệu quý IV": the period whose figures the officer asks to record, wherever it is
 * said, is the report's (over a longer span the message opens with).
 */
function periodToRecord(toks: readonly Tok[], nv: NonValues): NamedPeriod | null {
  for (let i = 0; i + 2 < toks.length; i++) {
    if (key(toks[i]) !== "ghi" || key(toks[i + 1]) !== "nhan") continue;
    let j = i + 2;
    if (key(toks[j]) === "so" && key(toks[j + 1]) === "lieu") j += 2;
    const p = periodAt(toks, nv, j);
    if (p) return { ...p, stated: true, at: j };
  }
  return null;
}

/** The token after a numbered period at i ("tháng 12", "quý IV/2026"). */
function periodEnd(toks: readonly Tok[], i: number): number {
  return toks[i + 2]?.k === "/" && toks[i + 3]?.type === "n" ? i + 4 : i + 2;
}

/** The kind of section number opening the line of token i ("roman", "digit"), or "" when none does. */
function headingMark(toks: readonly Tok[], i: number): string {
  let j = i - 1;
  while (j >= 0 && toks[j]!.type === "p") j--;
  return j >= 0 && toks[j]!.type !== "nl" ? sectionKind(toks[j]!) : "";
}
const sectionKind = (t: Tok): string => (t.type === "n" ? "digit" : /^[ivx]+$/.test(t.k) ? "roman" : "");

/** First words of a running total's heading line ("Số liệu cả năm", "Lũy kế", "Cả năm 2026", "Từ đầu năm"). */
const RUNNING_HEADS: ReadonlySet<string> = new Set(["so", "luy", "ca", "tu", "ket", "tong"]);

/**
 * The line break ending a heading line from token i that names a running total ("số liệu cả năm 2026", "lũy kế
 * từ đầu năm:") and holds no figure, or -1.
 */
function runningHeadingEnd(toks: readonly Tok[], nv: NonValues, i: number): number {
  let running = false;
  for (let j = i; j < i + 9; j++) {
    const t = toks[j];
    if (!t) return -1;
    if (t.type === "nl") return running && toks[j + 1] ? j : -1;
    if (t.type === "n" && !nv.blocked[j]) return -1;
    const k = key(t);
    const k2 = key(toks[j + 1]);
    if (
      (k === "luy" && k2 === "ke") ||
      (k === "ca" && k2 === "nam") ||
      (k === "dau" && k2 === "nam" && key(toks[j - 1]) === "tu")
    )
      running = true;
  }
  return -1;
}

/** Whether the period at token i heads what follows with a colon ("6 tháng đầu năm 2026: …", "Năm 2026: …"). */
function headingAt(toks: readonly Tok[], i: number): boolean {
  let j = periodEnd(toks, i);
  while (j < i + 7 && (SPAN_WORDS.has(key(toks[j])) || /^20\d\d$/.test(toks[j]?.k ?? ""))) j++;
  return toks[j]?.k === ":";
}
const SPAN_WORDS: ReadonlySet<string> = new Set(["dau", "cuoi", "nam"]);

/** The colon after a bracket opening at token j ("(đã báo cáo):"), else j. */
function pastBracketToColon(toks: readonly Tok[], j: number): number {
  if (toks[j]?.k !== "(") return j;
  for (let x = j + 1; x < j + 16 && x < toks.length && toks[x]!.type !== "nl"; x++)
    if (toks[x]!.k === ")") return toks[x + 1]?.k === ":" ? x + 1 : j;
  return j;
}

/** Whether "đã báo (cáo)" / "đã bc" follows token j, in brackets or not ("tháng 11 (đã báo cáo)"). */
function alreadyReportedAfter(toks: readonly Tok[], j: number): boolean {
  const x = toks[j]?.k === "(" ? j + 1 : j;
  return key(toks[x]) === "da" && (key(toks[x + 1]) === "bc" || key(toks[x + 1]) === "bao");
}

/** Whether the period ending before token j is said as running now: "này", "đến nay", "tới giờ", "(đến hôm nay …)". */
function saidAsNow(toks: readonly Tok[], j: number): boolean {
  let x = toks[j]?.k === "(" ? j + 1 : j;
  if (TO.has(key(toks[x]))) x++;
  if (key(toks[x]) === "hom") x++;
  return NOW.has(key(toks[x]));
}

/** Whether "trong đó" / "trong số đó" stands right before token i. */
const partOfWholeBefore = (toks: readonly Tok[], i: number): boolean =>
  key(toks[i - 1]) === "do" &&
  (key(toks[i - 2]) === "trong" || (key(toks[i - 2]) === "so" && key(toks[i - 3]) === "trong"));

/**
 * "Năm 2026 phát 300 lượt (quý IV: 80 lượt)", "Năm 2026: 36 hội nghị …\n- Quý IV/2026: 11 hội nghị": a numbered
 * quarter or month of the year the message opens with, said in a bracket after a figure or opening a segment of
 * its own as the year did, is singled out of the year, the report's (a year the report names stays: "bc năm 2026").
 */
function singledOutOfYear(
  toks: readonly Tok[],
  nv: NonValues,
  i: number,
  p: NamedPeriod,
  first: NamedPeriod,
  firstAt: number,
): boolean {
  if (first.unit !== "nam" || first.stated || p.n === undefined || p.rank >= first.rank) return false;
  if (p.year !== undefined && first.year !== undefined && p.year !== first.year) return false;
  const after = toks[periodEnd(toks, i)];
  if (toks[i - 1]?.k === "(") {
    // (a figure of the clause before the bracket: "… 20 tin bài (Quý IV: 6 tin)")
    for (let b = i - 2, steps = 0; b >= 0 && steps < 8 && !isClauseEnd(toks[b]); b--, steps++)
      if (toks[b]!.type === "n" && !nv.blocked[b])
        return after?.k === ":" || key(after) === "la" || after?.type === "n";
    return false;
  }
  const opens = (x: number): boolean => startsLine(toks, x) || (opensSegment(toks, x) && toks[x - 1]?.k !== ":");
  // ("…; riêng năm 2026 là 41 hội nghị; Quý IV/2026 …": the year singled out of a longer span opens its segment)
  const yearOpens = opens(firstAt) || (key(toks[firstAt - 1]) === "rieng" && opens(firstAt - 1));
  return firstAt >= 0 && yearOpens && opens(i);
}

/** Whether p, a numbered quarter or month with no year, ends after `than` ("quý 4" after "tháng 4"). */
const endsLater = (p: NamedPeriod, than: NamedPeriod | null): boolean => {
  const end = (q: NamedPeriod): number => (q.unit === "quy" ? 3 * q.n! : q.n!);
  if ((p.unit !== "quy" && p.unit !== "thang") || p.n === undefined || p.year !== undefined) return false;
  return !than || end(p) > end(than);
};

/**
 * "Quý III 10 tin bài, quý IV 12 tin bài": of two numbered quarters of one year (both named, or neither), the later
 * is the report's and the earlier is last quarter's (months are left alone: they are the quarter's parts).
 */
const laterQuarter = (p: NamedPeriod, first: NamedPeriod): boolean =>
  p.unit === "quy" &&
  first.unit === "quy" &&
  p.n !== undefined &&
  first.n !== undefined &&
  p.n > first.n &&
  p.year === first.year;

/** Whether the officer's verb of reporting stands right before token i ("báo số quý", "bc quý", "báo cáo số quý"). */
function reportedBefore(toks: readonly Tok[], i: number): boolean {
  let b = i - 1;
  if (key(toks[b]) === "so" || key(toks[b]) === "lieu") b--;
  if (key(toks[b]) === "so") b--;
  const k1 = key(toks[b]);
  return k1 === "bc" || (key(toks[b - 1]) === "bao" && (k1 === "cao" || k1 === "so")) || k1 === "bao";
}

/** Heads of whom a plan is given to ("giao xã Lộc Ninh", "giao cho thôn 3", "giao các chi hội"). */
const RECIPIENT_HEADS: ReadonlySet<string> = new Set(["xa", "phuong", "thon", "xom", "truong", "don", "chi", "dac"]);

/**
 * "Kế hoạch năm 2026 giao xã Lộc Ninh 20 băng rôn": the token after whom the plan is given to (a unit's
 * head, then its name in capitals or its number), or j when no one is named there.
 */
function afterRecipient(toks: readonly Tok[], nv: NonValues, j: number): number {
  let x = key(toks[j]) === "cho" || key(toks[j]) === "cac" ? j + 1 : j;
  if (!RECIPIENT_HEADS.has(key(toks[x]))) return j;
  // two-word heads: "đơn vị", "chi hội", "đặc khu"
  x += key(toks[x]) === "don" || key(toks[x]) === "chi" || key(toks[x]) === "dac" ? 2 : 1;
  while (x < toks.length && ((toks[x]!.type === "w" && /^\p{Lu}/u.test(toks[x]!.o)) || nv.blocked[x])) x++;
  return x;
}

/** Whether "kế hoạch" or "chỉ tiêu" follows within 8 tokens of token i, in its clause. */
function plansAfter(toks: readonly Tok[], i: number): boolean {
  for (let j = i + 1; j < toks.length && j < i + 9; j++) {
    const t = toks[j]!;
    if (t.type === "nl" || t.k === ";" || t.k === ".") return false;
    const k2 = `${key(t)} ${key(toks[j + 1])}`;
    if (k2 === "ke hoach" || k2 === "chi tieu") return true;
  }
  return false;
}

/**
 * After "có" at `from`: "(tổng cộng) 9 pa nô trên địa bàn" — where the number starts and where "trên địa bàn"
 * ends; null when no stock in the area.
 */
function stockInArea(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
): { at: number; end: number } | null {
  let j = from;
  if (key(toks[j]) === "tong" || key(toks[j]) === "tat")
    j += key(toks[j + 1]) === "ca" || key(toks[j + 1]) === "cong" ? 2 : 1;
  const num = toks[j]?.type === "n" && !nv.blocked[j] ? numbers.read(j, false) : null;
  if (!num || num.bad) return null;
  let x = num.end;
  while (x < num.end + 4 && toks[x]?.type === "w" && key(toks[x]) !== "tren") x++;
  const inArea = key(toks[x]) === "tren" && key(toks[x + 1]) === "dia" && key(toks[x + 2]) === "ban";
  return inArea ? { at: j, end: x + 3 } : null;
}

/** Whether "báo cáo", "bc", "báo số", "số liệu", "kết quả", "tổng hợp" or "tổng kết" stands within 4 tokens before token i. */
function statedBefore(toks: readonly Tok[], i: number): boolean {
  for (let b = i - 1; b >= 0 && b >= i - 4; b--) {
    const k = key(toks[b]);
    const k2 = `${key(toks[b - 1])} ${k}`;
    // "em báo số quý", "bc số liệu quý III"
    if (
      k === "bc" ||
      k2 === "bao cao" ||
      k2 === "so lieu" ||
      k2 === "ket qua" ||
      k2 === "tong hop" ||
      k2 === "tong ket" ||
      k2 === "bao so"
    )
      return true;
    // "em báo quý 4 ạ", "e bao thang 12"
    if (k === "bao" && (k2 === "em bao" || k2 === "e bao")) return true;
  }
  return false;
}

/** The period named at token i ("quý I/2026", "tháng 4", "6 tháng", "năm 2026"), or null. */
function periodAt(toks: readonly Tok[], nv: NonValues, i: number): NamedPeriod | null {
  const months = monthsAt(toks, i);
  if (months) {
    // "6 tháng cuối năm 2026", "6 thang dau nam 2026": with its year ("3 quý đầu năm": 9 months)
    const half = key(toks[i + 2]) === "dau" || key(toks[i + 2]) === "cuoi";
    const y = half && key(toks[i + 3]) === "nam" && /^20\d\d$/.test(toks[i + 4]?.k ?? "") ? Number(toks[i + 4]!.k) : 0;
    const first = key(toks[i + 2]) === "dau" && (key(toks[i + 3]) === "nam" || key(toks[i + 1]) === "quy");
    const last = key(toks[i + 2]) === "cuoi" && (key(toks[i + 3]) === "nam" || key(toks[i + 1]) === "quy");
    return {
      rank: 4,
      unit: `${months} thang`,
      ...(y ? { year: y } : {}),
      ...(first ? { first } : {}),
      ...(last ? { last } : {}),
    };
  }
  const k = periodKey(toks, nv, i);
  const next = toks[i + 1];
  // "quý này", "tháng này", "tuần này", "năm nay": the report's own period, not numbered
  if (RANK[k] !== undefined && key(next) === "nay" && !nv.blocked[i + 1])
    return { rank: RANK[k]!, unit: k, current: true };
  if (RANK[k] === undefined || k === "tuan" || !nv.blocked[i + 1] || !next || next.type === "nl") return null;
  const n = next.type === "n" ? Number(next.k) : ROMAN[next.k];
  // "quý I/2026", and "quý 1 2026" typed without the slash (a label in stage 2)
  const year =
    toks[i + 2]?.k === "/" && /^\d{4}$/.test(toks[i + 3]?.k ?? "")
      ? Number(toks[i + 3]!.k)
      : toks[i + 2]?.type === "n" && nv.blocked[i + 2] && /^20\d\d$/.test(toks[i + 2]!.k)
        ? Number(toks[i + 2]!.k)
        : // "quý 4 năm 2025"
          key(toks[i + 2]) === "nam" && /^20\d\d$/.test(toks[i + 3]?.k ?? "") && nv.blocked[i + 3]
          ? Number(toks[i + 3]!.k)
          : undefined;
  if (k === "nam") return { rank: RANK.nam!, unit: k, year: n };
  const thisYear = year === undefined && key(toks[i + 2]) === "nam" && key(toks[i + 3]) === "nay";
  return { rank: RANK[k]!, unit: k, ...(n ? { n } : {}), ...(year ? { year } : {}), ...(thisYear ? { thisYear } : {}) };
}

/** Words closing a bare figure ("là 5 ạ", "5 thôi"). */
const BARE_CLOSERS: ReadonlySet<string> = new Set(["a", "ah", "nhe", "nha", "thoi"]);

/** Number words counting quarters ("ba quý đầu"). */
const FEW: Readonly<Record<string, number>> = { hai: 2, ba: 3 };

/**
 * The months of a span longer than a quarter at token i, or 0: "6 tháng", "9 tháng", "N tháng đầu/cuối năm"
 * (4–11), "2 quý đầu", "ba quý cuối năm".
 */
function monthsAt(toks: readonly Tok[], i: number): number {
  const t = toks[i]!;
  const unit = key(toks[i + 1]);
  if (unit !== "thang" && unit !== "quy") return 0;
  const n = t.type === "n" ? Number(t.k) : (FEW[key(t)] ?? 0);
  if (unit === "quy") {
    const edge = key(toks[i + 2]);
    return n >= 2 && n <= 3 && (edge === "dau" || edge === "cuoi") ? 3 * n : 0;
  }
  if (t.type !== "n") return 0;
  if (n === 6 || n === 9) return n;
  const edge = key(toks[i + 2]);
  return n >= 4 && n <= 11 && (edge === "dau" || edge === "cuoi") && key(toks[i + 3]) === "nam" ? n : 0;
}

/**
 * Whether "N tháng đầu năm" (`p`) ends before the report's quarter or month: "6 tháng đầu năm … quý 3 …",
 * or "9 tháng đầu năm …, quý này thêm 2" (`added`: the officer adds to it).
 */
function firstMonthsBefore(p: NamedPeriod | null, report: NamedPeriod | null, added: boolean): boolean {
  if (!p?.first || !report || report.rank >= RANK.nam!) return false;
  const months = Number.parseInt(p.unit, 10);
  if (report.n === undefined) return !!report.current && added;
  return report.unit === "quy" ? months <= 3 * (report.n - 1) : report.unit === "thang" && months < report.n;
}

/** Whether "N tháng cuối năm" (`p`) holds the numbered quarter or month `inner` ("6 tháng cuối năm …, quý 4 …"). */
function lastMonthsAround(p: NamedPeriod, inner: NamedPeriod): boolean {
  if (!p.last || inner.n === undefined || (p.year !== undefined && inner.year !== undefined && p.year !== inner.year))
    return false;
  const from = 13 - Number.parseInt(p.unit, 10);
  return inner.unit === "quy" ? 3 * inner.n - 2 >= from : inner.unit === "thang" && inner.n >= from;
}

/** Words saying when a thing was done, before its period ("làm hồi tháng 4", "treo vào tháng 9"). */
const AT_TIME: ReadonlySet<string> = new Set(["hoi", "vao", "dip"]);

/** The figure before token i in its clause, with no other figure between, or null. */
function figureEarlierInClause(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
): number | null {
  for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
    if (isClauseEnd(toks[j], toks[j + 1])) return null;
    if (toks[j]!.type === "n" && !nv.blocked[j] && numbers.read(j, false)) return j;
  }
  return null;
}

/** Whether a named period comes before the report's own: an earlier year, or the same unit before it ("tháng 2" in a report of "tháng 3"). */
function isEarlier(p: NamedPeriod | null, report: NamedPeriod | null): boolean {
  // an earlier year, whatever the unit ("năm 2025", "quý IV/2025" in a report of quý I/2026)
  if (p?.year && report?.year && p.year < report.year) return true;
  // "năm 2025 … năm nay …", "quý 1 … quý này …": the numbered one is another, earlier period
  if (p && report?.current && !p.current && p.unit === report.unit && (p.n !== undefined || p.year !== undefined))
    return true;
  // "xe loa quý 4 năm nay 6 lượt, quý 4 năm 2025 có 4 lượt": a year written beside the present year's period
  // ("năm 2025 … quý 1 năm nay …": the year itself too)
  if (p?.year && report?.thisYear && (p.unit === report.unit || p.unit === "nam")) return true;
  // "hồi tháng 4" in a report of "quý 4": a month of an earlier quarter of the same year
  if (p?.unit === "thang" && report?.unit === "quy" && p.n !== undefined && report.n !== undefined)
    return (p.year ?? report.year) === report.year && Math.ceil(p.n / 3) < report.n;
  if (!p || !report || p.unit !== report.unit || p.n === undefined || report.n === undefined) return false;
  const y = p.year ?? report.year ?? 0;
  const ry = report.year ?? p.year ?? 0;
  return y < ry || (y === ry && p.n < report.n);
}

/** "không phải", "chứ ko phải": "phải" of a denial, not of a duty. */
const NOT_WORDS: ReadonlySet<string> = new Set(["khong", "ko", "k", "chu", "hong"]);
/** Words opening what was done after what was due ("mới được 3", "mới làm được 3", "đã treo 3", "thực hiện 3"). */
const DONE_OPENERS: ReadonlySet<string> = new Set(["moi", "da", "duoc", "thuc"]);

/** Whether the next clause, after a comma within a few words, opens with what was done and its figure. */
function doneClauseAfter(toks: readonly Tok[], from: number): boolean {
  let j = from;
  while (j < from + 3 && toks[j]?.type === "w") j++;
  if (toks[j]?.k !== ",") return false;
  j++;
  if (!DONE_OPENERS.has(key(toks[j]))) return false;
  for (let x = j + 1; x < j + 4; x++) if (toks[x]?.type === "n") return true;
  return false;
}
