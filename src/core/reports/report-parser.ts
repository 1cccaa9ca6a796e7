/**
 * Reads indicator values out of a short report typed in chat ("đã treo 12 pa nô, áp phích: ba").
 * Pure and total: never throws, returns data only (no user-facing sentences).
 *
 * How it works:
 * 1. The text is folded to a search key with a map back to the original (NFC).
 * 2. Spans that hold numbers but are never indicator values are marked first: document numbers
 *    (kept as references), phone numbers, dates, times, durations, percentages, money;
 *    ratios ("12/15"), ranges ("10-12") and negative numbers are marked as unclear.
 * 3. Tokens are classified: task hints ("nv 3", "#3"), label + number ("thôn 5", "quý 1",
 *    "năm 2021"), indicator mentions (longest synonym; hyphens, missing spaces, Telex leftovers
 *    and one-letter typos tolerated), numbers (digits or words), fillers and separators.
 * 4. Numbers and mentions form a chain; a number pairs with a neighbouring mention when only
 *    filler words stand between them. The pairing is a maximum-weight matching on that chain
 *    (dynamic programming), so "pa nô 12 áp phích 3" and "12 pa nô 3 áp phích" both read right.
 * 5. Values per indicator are combined: "thêm"/"nữa" add, "tổng" states the total, different
 *    plain values are a conflict. Numbers that could not be placed are returned as unclear text.
 */

import type { DocumentReference, IndicatorDef } from "../types.js";
import { foldWithMap, searchKey, telexFold } from "./text-key.js";
import { truncate } from "../text-limits.js";
import {
  acceptsNumberWord,
  isNumberWordKey,
  parseDigitNumber,
  parseNumberWords,
} from "./vietnamese-numbers.js";

/** What a report says, as data. */
export interface ParsedReport {
  /** Indicator code → value. Indicators with conflicting values are left out. */
  values: Record<string, number>;
  /** Document numbers cited ("15/KH-UBND"), with their date when given. */
  references: DocumentReference[];
  /** Short fragments of the original text holding numbers that could not be placed. */
  unclear: string[];
  /** Indicators given different values without "thêm"; the values in order of appearance. */
  conflicts: { code: string; values: number[] }[];
  /** Task number the report names ("nv 3", "#3", "nhiệm vụ số 3"). */
  taskHint?: number;
}

/** Longer texts are cut: reports are short, and work must stay bounded. */
const MAX_CHARS = 20_000;
const MAX_UNCLEAR = 20;
const MAX_VALUE = 1e9;

// ---------------------------------------------------------------------------------------------
// Vocabulary (search keys)

const FILLER_WORDS = new Set(
  (
    "cai chiec tam buc luot buoi tin bai cuoc duoc da treo dan phat dang la so luong tong cong " +
    "them nua bo sung to chuc tuyen truyen thuc hien xay dung chia se hanh lap dat in an co " +
    "moi cac loai khoang gan hon gom dua viet cam lan cum ket qua hien nay tong so tat ca ca " +
    "thay tham du gia san xuat tiep song phu bien soan thao tai"
  )
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that end a clause: a number never pairs across them. */
const HARD_WORDS = new Set(["va", "voi", "con", "nhung", "cung", "hoac", "rieng", "ngoai"]);
const HARD_PUNCT = new Set([",", ";", ".", "!", "?", "/", "\\", "\n"]);
/** Joiners between two mentions ("pa nô, áp phích"; "băng rôn, khẩu hiệu"). */
const CONJ = new Set([",", "/", "-", "&", "+", "va", "hoac"]);
/** Words an indicator name and its number cannot be separated by (without a colon). */
const BREAK_WORDS = new Set(
  (
    "tai o trong cua cho tu den tren duoi chua khong nhung voi va con sau truoc ngay thang nam " +
    "quy dot moi"
  ).split(" "),
);
/** Prepositions allowed in "5 bài trên fanpage", "10 tin qua zalo". */
const PREPS = new Set(["tren", "qua", "len", "vao"]);

/** A number right after these is a label or an ordinal, not a value ("thôn 5", "quý 1"). */
const LABELS: Readonly<Record<string, readonly string[] | null>> = {
  quy: ["quý"],
  thang: ["tháng"],
  nam: ["năm"],
  thon: ["thôn"],
  xom: ["xóm"],
  dot: ["đợt"],
  lan: ["lần"],
  ngay: ["ngày"],
  tuan: ["tuần"],
  khu: ["khu"],
  doi: ["đội"],
  ban: ["bản"],
  khoi: ["khối"],
  lop: ["lớp"],
  khoa: ["khóa", "khoá"],
  ky: ["kỳ", "kì"],
  ki: ["kì", "kỳ"],
  phan: ["phần"],
  muc: ["mục"],
  dieu: ["điều"],
  khoan: ["khoản"],
  chuong: ["chương"],
  phien: ["phiên"],
  to: ["tổ"],
  thu: ["thứ"],
  tap: ["tập"],
  buoc: ["bước"],
  phuong: ["phường"],
  lo: ["lô"],
  diem: ["điểm"],
  cau: ["câu"],
  hang: ["hạng"],
  cap: ["cấp"],
  giai: null, // "giai đoạn 2"
  tieu: null, // "tiểu khu 3"
};
const LABEL_SECOND: Readonly<Record<string, string>> = { giai: "doan", tieu: "khu" };

/** Units of time: "6 tháng", "15 phút", "2 năm" are durations, not values. */
const TIME_UNITS = new Set(["thang", "nam", "ngay", "tuan", "quy", "gio", "phut", "giay", "tieng", "h"]);

/** Words that introduce a date or time ("từ ngày 1/3", "vào lúc 8h", "sáng 10/2"). */
const TIME_INTRO = new Set(["tu", "den", "toi", "vao", "luc", "hom", "sang", "chieu", "trua", "ngay", "trong", "tai", "khoang"]);

/** Word pairs where a one-word synonym is part of another word ("thông tin" is not "tin"). */
const COMPOUND_STOP = new Set([
  "thong tin",
  "nhan tin",
  "tu tin",
  "niem tin",
  "uy tin",
  "dien tin",
  "tin nhan",
  "tin tuong",
  "tin hoc",
  "tin hieu",
  "tin cay",
  "tin dung",
  "tin nguong",
  "loa loa",
]);

/** Number-word homographs in a given neighbourhood ("như sau", "năm nay", "một số"). */
const NUMBER_WORD_STOP_NEXT: Readonly<Record<string, readonly string[]>> = {
  sau: ["do", "khi", "nay", "cung", "day", "nua"],
  nam: ["nay", "qua", "truoc", "toi", "hoc", "sau", "ngoai"],
  mot: ["so", "cach", "vai", "it", "khi", "trong", "nua"],
  tam: ["thoi", "ung"],
  bay: ["gio"],
  ba: ["con"],
  bon: ["phuong"],
};
const NUMBER_WORD_STOP_PREV: Readonly<Record<string, readonly string[]>> = {
  sau: ["nhu", "ngay", "phia", "truoc", "lan", "nga"],
  nam: ["trong", "hang", "moi", "ca", "cuoi", "dau", "cac", "nhung", "cua", "giua", "phia", "nga"],
  mot: ["thu", "lan"],
  ba: ["ong", "nga"],
  bay: ["nga"],
};

const VAGUE_BEFORE_SCALE = new Set(["vai", "hang", "may", "nhieu", "dam"]);
const SCALE_WORDS = new Set(["chuc", "tram", "nghin", "ngan", "trieu"]);

/** Stems that must not be fuzzy-matched to a synonym (real words one letter away). */
const FUZZY_STOP = new Set([
  "phathanh",
  "truyenthong",
  "thongtin",
  "chuyenmon",
  "nguoidan",
  "hoithoai",
  "thongbao",
  "baocao",
  "tuyentruyen",
  "tochuc",
  "thuchien",
  "xaydung",
  "hoanthanh",
  "hoatdong",
  "phongtrao",
  "phongban",
  "tintuc",
  "baihat",
  "nguoithan",
  "tieuthuyet",
  "hoinhap",
  "hoinong",
  "hoiphu",
]);

// ---------------------------------------------------------------------------------------------
// Compiled indicators

interface Synonym {
  compact: string;
  code: string;
  words: number;
}

interface Compiled {
  exact: Map<string, Synonym>;
  list: Synonym[];
  maxWords: number;
  /** Measure word compact → code, only for measures owned by one indicator. */
  measures: Map<string, string>;
  order: string[];
}

const compiledCache = new WeakMap<readonly IndicatorDef[], Compiled>();

function compactKey(s: string): { compact: string; words: number } {
  const key = searchKey(s);
  const words = key.split(/[^a-z0-9\p{L}]+/u).filter(Boolean);
  return { compact: words.join(""), words: words.length };
}

function compile(indicators: readonly IndicatorDef[]): Compiled {
  const cached = compiledCache.get(indicators);
  if (cached) return cached;
  const exact = new Map<string, Synonym>();
  const measureOwners = new Map<string, Set<string>>();
  const order: string[] = [];
  let maxWords = 1;
  for (const ind of indicators) {
    if (!ind || typeof ind.code !== "string" || !ind.code) continue;
    order.push(ind.code);
    const names = [...(Array.isArray(ind.synonyms) ? ind.synonyms : []), ind.label];
    for (const name of names) {
      if (typeof name !== "string") continue;
      const { compact, words } = compactKey(name);
      if (!compact || /^\d+$/.test(compact) || exact.has(compact)) continue;
      exact.set(compact, { compact, code: ind.code, words });
      maxWords = Math.max(maxWords, words);
    }
    if (typeof ind.measure === "string" && ind.measure.trim()) {
      const { compact } = compactKey(ind.measure);
      if (compact) {
        const set = measureOwners.get(compact) ?? new Set<string>();
        set.add(ind.code);
        measureOwners.set(compact, set);
      }
    }
  }
  const measures = new Map<string, string>();
  for (const [m, owners] of measureOwners) if (owners.size === 1) measures.set(m, [...owners][0]!);
  const compiled: Compiled = {
    exact,
    list: [...exact.values()],
    maxWords: Math.min(maxWords + 1, 8),
    measures,
    order,
  };
  if (Array.isArray(indicators)) compiledCache.set(indicators, compiled);
  return compiled;
}

// ---------------------------------------------------------------------------------------------
// Tokens

type TokType = "w" | "n" | "p" | "nl";

interface Tok {
  /** Folded key. */
  k: string;
  /** Key with Telex leftovers undone. */
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

const TOKEN_RE = /\n|\p{L}+|\d+(?:[.,]\d+)*|\S/gu;

function tokenize(nfcText: string, folded: ReturnType<typeof foldWithMap>): Tok[] {
  const toks: Tok[] = [];
  const f = folded.key;
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = 0;
  while ((m = TOKEN_RE.exec(f)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    const k = m[0];
    let type: TokType;
    if (k === "\n") type = "nl";
    else if (/^\d/.test(k)) type = "n";
    else if (/^\p{L}/u.test(k)) type = "w";
    else type = "p";
    const os = folded.start[s] ?? 0;
    const oe = folded.end[e - 1] ?? os;
    toks.push({
      k,
      kt: type === "w" ? telexFold(k) : k,
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
  return toks;
}

function isWordIn(t: Tok | undefined, set: ReadonlySet<string>): boolean {
  return !!t && t.type === "w" && (set.has(t.k) || set.has(t.kt));
}

function isHard(t: Tok | undefined): boolean {
  if (!t) return true;
  if (t.type === "nl") return true;
  if (t.type === "p") return HARD_PUNCT.has(t.k);
  return isWordIn(t, HARD_WORDS);
}

// ---------------------------------------------------------------------------------------------
// Marked spans (on the folded key)

type MarkKind = 1 | 2; // 1: not a value, silently; 2: unclear

interface Marks {
  arr: Uint8Array;
  /** Dates and times: transparent between a name and its number ("phát thanh từ 1/3 đến nay 20 buổi"). */
  when: Uint8Array;
  unclearSpans: [number, number][];
  references: DocumentReference[];
}

const DATE_TAIL_RE =
  /(\d{1,2})[ \t]*[/.-][ \t]*(\d{1,2})[ \t]*[/.-][ \t]*(\d{4}|\d{2})(?!\d)|(\d{1,2})[ \t]+thang[ \t]+(\d{1,2})[ \t,]+nam[ \t]+(\d{4})/uy;

function isoDate(d: number, m: number, y: number): string | undefined {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const DOC_ABBR =
  /^(kh|ubnd|qd|cv|tb|bc|nd|cp|tt|ct|nq|hd|ttg|vp|vhtt|bvhttdl|tw|hu|dcs|dtn|ld|cd|cn|ttr|gm|vhxh|snv|stc|bch|qh|ls|kl|bcd|bdh|ttcp|pvhtt|ttvh|vh)/;

function findRefDate(f: string, pos: number): { date?: string; end: number } {
  const slice = f.slice(pos, pos + 90);
  const direct = /^[ \t]*[,(]?[ \t]*(?:ngay[ \t]*)?/y;
  const viaWords = /^[^\d\n]{0,60}?\bngay[ \t]*:?[ \t]*/uy;
  for (const re of [direct, viaWords]) {
    re.lastIndex = 0;
    const m = re.exec(slice);
    if (!m) continue;
    DATE_TAIL_RE.lastIndex = m[0].length;
    const d = DATE_TAIL_RE.exec(slice);
    if (!d) continue;
    const date =
      d[1] !== undefined
        ? isoDate(Number(d[1]), Number(d[2]), Number(d[3]))
        : isoDate(Number(d[4]), Number(d[5]), Number(d[6]));
    if (date) return { date, end: pos + DATE_TAIL_RE.lastIndex };
  }
  return { end: pos };
}

function computeMarks(f: string, nfcText: string, folded: ReturnType<typeof foldWithMap>): Marks {
  const arr = new Uint8Array(f.length);
  const when = new Uint8Array(f.length);
  const markWhen = (s: number, e: number): void => {
    mark(s, e, 1);
    when.fill(1, s, e);
  };
  const unclearSpans: [number, number][] = [];
  const refs = new Map<string, DocumentReference>();
  const free = (s: number, e: number): boolean => {
    for (let i = s; i < e; i++) if (arr[i]) return false;
    return true;
  };
  const mark = (s: number, e: number, kind: MarkKind): void => {
    for (let i = s; i < e; i++) arr[i] = Math.max(arr[i]!, kind);
    if (kind === 2) unclearSpans.push([s, e]);
  };
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void): void => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = re.exec(f)) !== null && guard++ < 5000) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      fn(m);
    }
  };
  const original = (s: number, e: number): string =>
    nfcText.slice(folded.start[s] ?? 0, folded.end[e - 1] ?? 0);
  const addRef = (number: string, date: string | undefined): void => {
    const key = number.toUpperCase();
    const prev = refs.get(key);
    if (prev) {
      if (!prev.date && date) prev.date = date;
      return;
    }
    refs.set(key, date ? { number, date } : { number });
  };

  // Document numbers with a symbol: 15/KH-UBND, 30/2020/NĐ-CP, CV 123/UBND-VP
  each(/(?<![\p{L}\d/])(\d{1,6}(?:\/\d{2,4})?\/([a-z][a-z0-9]*(?:[-.][a-z0-9]+)*))/gu, (m) => {
    const s = m.index;
    const e = s + m[0].length;
    const symbolOriginal = original(e - m[2]!.length, e);
    const before = f.slice(Math.max(0, s - 30), s);
    const looksOfficial =
      /\p{Lu}/u.test(symbolOriginal) ||
      m[2]!.includes("-") ||
      DOC_ABBR.test(m[2]!) ||
      /\b(so|ke hoach|cong van|quyet dinh|thong bao|van ban|chi thi|nghi quyet|nghi dinh|huong dan|cv|kh|qd)[ \t:]*$/.test(
        before,
      );
    if (!looksOfficial || !free(s, e)) return;
    const number = original(s, e).replace(/[\u2010-\u2015\u2212]/g, "-").toUpperCase();
    const { date, end } = findRefDate(f, e);
    mark(s, end, 1);
    addRef(number, date);
  });
  // "Kế hoạch số 20 ngày 29/01/2021"
  each(
    /\b(?:ke hoach|cong van|cv|quyet dinh|qd|thong bao|tb|van ban|to trinh|chi thi|nghi quyet|nghi dinh|huong dan|bao cao|kh|bc)[ \t]+so[ \t]*:?[ \t]*(\d{1,6})(?![\d.,]*\d|[ \t]*[%/])/gu,
    (m) => {
      const e = m.index + m[0].length;
      const s = e - m[1]!.length;
      if (!free(s, e)) return;
      const { date, end } = findRefDate(f, e);
      mark(s, end, 1);
      addRef(m[1]!, date);
    },
  );
  // Phone numbers: 0912345678, 0912 345 678, +84 912 345 678, 0237 3xxx xxx
  each(
    /(?<![\d\p{L}+])(?:\+[ \t]?84|84|0)[ \t.-]?(?:2(?:[ \t.-]?\d){9}|[1-9](?:[ \t.-]?\d){8})(?!\d)/gu,
    (m) => {
      if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
    },
  );
  // Dates: 10/02/2021, 10.02.2021, 10-02-21
  each(/(?<![\d/.,])(\d{1,2})[ \t]*([/.-])[ \t]*(\d{1,2})[ \t]*\2[ \t]*(\d{4}|\d{2})(?![\d/])/g, (m) => {
    const s = m.index;
    const e = s + m[0].length;
    if (!free(s, e)) return;
    if (isoDate(Number(m[1]), Number(m[3]), Number(m[4]))) markWhen(s, e);
    else mark(s, e, 2);
  });
  // "ngày 5 tháng 2 năm 2021"
  each(/\bngay[ \t]+(\d{1,2})[ \t]+thang[ \t]+(\d{1,2})(?:[ \t,]+nam[ \t]+(\d{4}))?/g, (m) => {
    if (free(m.index, m.index + m[0].length)) markWhen(m.index, m.index + m[0].length);
  });
  // Month/year: 2/2021
  each(/(?<![\d/.,])(\d{1,2})[ \t]*[/.-][ \t]*(\d{4})(?![\d/])/g, (m) => {
    const s = m.index;
    const e = s + m[0].length;
    const mo = Number(m[1]);
    if (free(s, e) && mo >= 1 && mo <= 12) markWhen(s, e);
  });
  // Day/month: 10/2
  each(/(?<![\d/.,-])(\d{1,2})\/(\d{1,2})(?![\d/])/g, (m) => {
    const s = m.index;
    const e = s + m[0].length;
    const d = Number(m[1]);
    const mo = Number(m[2]);
    if (free(s, e) && d >= 1 && d <= 31 && mo >= 1 && mo <= 12) markWhen(s, e);
  });
  // Times: 08:00, 8h30, 14 giờ 30 phút; durations: 15 phút, 2 tiếng
  each(/(?<![\d.,/:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])/g, (m) => {
    if (free(m.index, m.index + m[0].length)) markWhen(m.index, m.index + m[0].length);
  });
  each(
    /(?<![\d.,/])\d{1,2}[ \t]*(?:h|g|gio)(?:[ \t]*\d{1,2}(?:[ \t]*(?:phut|ph|p)(?!\p{L}))?)?(?![\p{L}\d])/gu,
    (m) => {
      if (free(m.index, m.index + m[0].length)) markWhen(m.index, m.index + m[0].length);
    },
  );
  each(/(?<![\d.,/])\d+(?:[.,]\d+)?[ \t]*(?:phut|giay|tieng)(?!\p{L})/gu, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
  });
  // Percentages: 85%, 85 phần trăm
  each(/(?<![\d.,])\d+(?:[.,]\d+)?[ \t]*(?:%|phan[ \t]+tram)/g, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
  });
  // Money: 5 triệu đồng, 500.000đ, 500k
  each(
    /(?<![\d.,])\d+(?:[.,]\d+)*[ \t]*(?:(?:trieu|nghin|ngan|ty|ti|tr)[ \t]*)?(?:dong|vnd|d|k)(?![\p{L}\d])/gu,
    (m) => {
      if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
    },
  );
  // Rates: "2 buổi/tuần", "3 lần / ngày", "2 tờ/hộ"
  each(
    /(?<![\d/.,])\d+(?:[.,]\d+)?(?:[ \t]+\p{L}+){0,2}[ \t]*\/[ \t]*(?:ngay|tuan|thang|nam|quy|buoi|lan|thon|xom|xa|ho|nguoi|lop)(?!\p{L})/gu,
    (m) => {
      if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 2);
    },
  );
  // Ratios (12/15) and ranges (10-12, 10 - 12): numbers, but which one is meant is unclear
  each(/(?<![\d/.,])\d+(?:[.,]\d+)?[ \t]*\/[ \t]*\d+(?:[.,]\d+)?(?![\d/])/g, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 2);
  });
  each(/(?<![\d/.,-])\d+(?:[.,]\d+)?[ \t]*[-~][ \t]*\d+(?:[.,]\d+)?(?![\d/])/g, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 2);
  });
  // Negative numbers
  each(/(?:^|(?<=[\s:=(,;]))-\d+(?:[.,]\d+)*/g, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 2);
  });

  return { arr, when, unclearSpans, references: [...refs.values()] };
}

// ---------------------------------------------------------------------------------------------
// Fuzzy matching

const histA = new Int32Array(128);

/** Lower bound of the edit distance from letter counts (cheap pre-filter). */
function histogramBound(a: string, b: string): number {
  histA.fill(0);
  for (let i = 0; i < a.length; i++) histA[a.charCodeAt(i) & 127]!++;
  for (let i = 0; i < b.length; i++) histA[b.charCodeAt(i) & 127]!--;
  let plus = 0;
  let minus = 0;
  for (let i = 0; i < 128; i++) {
    const v = histA[i]!;
    if (v > 0) plus += v;
    else minus -= v;
  }
  return Math.max(plus, minus);
}

/** Optimal string alignment distance, or `max + 1` as soon as it exceeds `max`. */
function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (histogramBound(a, b) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

// ---------------------------------------------------------------------------------------------
// Items

interface NumItem {
  kind: "N";
  start: number; // token index
  end: number; // exclusive
  value: number;
  /** A single number word that is also a common other word ("sau", "năm") in plain text. */
  weak: boolean;
  /** Not usable as a value (huge, ambiguous "hai ba"); reported as unclear. */
  bad: boolean;
  first: boolean;
}

interface IndItem {
  kind: "I";
  start: number;
  end: number;
  code: string;
  first: boolean;
}

type Item = NumItem | IndItem;

interface Pair {
  num: NumItem;
  ind: IndItem;
  numFirst: boolean;
}

// ---------------------------------------------------------------------------------------------
// Main

function emptyReport(): ParsedReport {
  return { values: {}, references: [], unclear: [], conflicts: [] };
}

/**
 * Reads indicator values, document references and a task hint from a report message.
 * Never throws; any input (empty, huge, binary noise) gives a well-formed result.
 * @example
 * parseReport("Đã treo 12 pa nô, áp phích: ba; theo KH số 15/KH-UBND ngày 05/02/2021", SAMPLE_INDICATORS)
 * // { values: { pano: 12, ap_phich: 3 },
 * //   references: [{ number: "15/KH-UBND", date: "2021-02-05" }], unclear: [], conflicts: [] }
 */
export function parseReport(text: string, indicators: IndicatorDef[]): ParsedReport {
  try {
    return parseUnsafe(text, indicators);
  } catch {
    const result = emptyReport();
    try {
      const s = truncate(String(text ?? "").trim(), 80);
      if (/\d/.test(s)) result.unclear.push(s);
    } catch {
      /* nothing more to salvage */
    }
    return result;
  }
}

function parseUnsafe(rawText: string, indicators: IndicatorDef[]): ParsedReport {
  const result = emptyReport();
  let text = typeof rawText === "string" ? rawText : String(rawText ?? "");
  if (text.length > MAX_CHARS) text = text.slice(0, MAX_CHARS);
  const nfcText = text.normalize("NFC");
  const folded = foldWithMap(nfcText);
  const f = folded.key;
  const compiled = compile(Array.isArray(indicators) ? indicators : []);

  const marks = computeMarks(f, nfcText, folded);
  result.references = marks.references;

  const toks = tokenize(nfcText, folded);
  const n = toks.length;
  const blocked = new Uint8Array(n); // 1: not a value; 2: unclear (from marks)
  const tokAt = new Int32Array(f.length).fill(-1);
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    let mk = 0;
    for (let c = t.fs; c < t.fe; c++) {
      tokAt[c] = i;
      if (marks.arr[c]! > mk) mk = marks.arr[c]!;
    }
    blocked[i] = mk;
  }

  // Time phrases are transparent: "từ ngày 1/3 đến nay", "vào 8h sáng 10/2", "từ đầu năm đến nay".
  const transparent = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    for (let c = t.fs; c < t.fe; c++) if (marks.when[c]) transparent[i] = 1;
  }
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    if (t.type === "w" && (t.k === "den" || t.k === "toi") && toks[i + 1]?.k === "nay") {
      transparent[i] = transparent[i + 1] = 1;
    }
    if (t.type === "w" && t.k === "tu" && toks[i + 1]?.k === "dau" && isWordIn(toks[i + 2], TIME_UNITS)) {
      transparent[i] = transparent[i + 1] = transparent[i + 2] = 1;
    }
  }
  for (let i = 0; i < n; i++) {
    if (!transparent[i]) continue;
    let p = i - 1;
    while (p >= 0 && !transparent[p] && isWordIn(toks[p], TIME_INTRO)) transparent[p--] = 1;
  }
  for (let i = 0; i < n; i++) if (transparent[i]) blocked[i] = Math.max(blocked[i]!, 1);

  // Typed with diacritics? Then plain "sau", "nam", "tu" are the ordinary words.
  let wordCount = 0;
  let markedCount = 0;
  for (const t of toks) {
    if (t.type !== "w" || t.k.length < 2 || !/^[a-z]+$/.test(t.k)) continue;
    wordCount++;
    if (t.o.toLowerCase() !== t.k) markedCount++;
  }
  const accented = wordCount > 0 && markedCount / wordCount >= 0.3;

  // Number-word keys per token ("" where no number word can stand).
  const nkeys: string[] = toks.map((t) => {
    if (t.type !== "w") return "";
    if (isNumberWordKey(t.k)) return t.k;
    if (isNumberWordKey(t.kt)) return t.kt;
    return "";
  });
  const acceptNW = (i: number): boolean => {
    const t = toks[i];
    return !!t && !blocked[i] && nkeys[i] !== "" && acceptsNumberWord(nkeys[i]!, t.o, accented);
  };
  const numberWordsAt = (i: number) => (nkeys[i] ? parseNumberWords(nkeys, i, acceptNW) : null);

  const unclear: string[] = [];
  const pushUnclear = (a: number, b: number): void => {
    const frag = fragment(toks, nfcText, a, b);
    if (frag && !unclear.includes(frag) && unclear.length < MAX_UNCLEAR) unclear.push(frag);
  };

  // Task hints: "#3", "nv3", "nv số 3", "nhiệm vụ 3", "nhiem vu so 3"
  const numberAfter = (j: number): { value: number; end: number } | null => {
    while (toks[j] && (isWordIn(toks[j], new Set(["so", "thu"])) || toks[j]!.k === ":" || toks[j]!.k === "#")) j++;
    const t = toks[j];
    if (!t || blocked[j]) return null;
    if (t.type === "n") {
      const v = parseDigitNumber(t.k);
      return v !== null && Number.isInteger(v) ? { value: v, end: j + 1 } : null;
    }
    const nw = numberWordsAt(j);
    return nw && !nw.ambiguous ? { value: nw.value, end: nw.end } : null;
  };
  for (let i = 0; i < n; i++) {
    if (blocked[i]) continue;
    const t = toks[i]!;
    let hint: { value: number; end: number } | null = null;
    if (t.k === "#" && toks[i + 1]?.type === "n" && !toks[i + 1]!.spaced) hint = numberAfter(i + 1);
    else if (t.type === "w" && t.k === "nv") hint = numberAfter(i + 1);
    else if (t.type === "w" && t.k === "nhiem" && toks[i + 1]?.k === "vu") hint = numberAfter(i + 2);
    if (hint && hint.value > 0 && hint.value < 10_000) {
      if (result.taskHint === undefined) result.taskHint = hint.value;
      for (let j = i; j < hint.end; j++) blocked[j] = Math.max(blocked[j]!, 1);
      i = hint.end - 1;
    }
  }

  // Words inside an indicator name are not labels ("chuyên mục 2" is not "mục 2").
  const inName = new Uint8Array(n);
  const nameMemo = new Map<number, { end: number; code: string } | null>();
  const nameAt = (i: number): { end: number; code: string } | null => {
    if (nameMemo.has(i)) {
      const hit = nameMemo.get(i)!;
      let stillFree = true;
      if (hit) for (let x = i; x < hit.end; x++) if (blocked[x]) stillFree = false;
      if (stillFree) return hit;
    }
    const r = matchIndicator(toks, blocked, i, compiled);
    nameMemo.set(i, r);
    return r;
  };
  for (let i = 0; i < n; i++) {
    if (blocked[i] || toks[i]!.type !== "w") continue;
    const mt = nameAt(i);
    if (mt) {
      for (let x = i; x < mt.end; x++) inName[x] = 1;
      i = mt.end - 1;
    }
  }

  // Labels: "thôn 5", "quý 1", "năm 2021", "lần thứ hai", "giai đoạn 2"
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    if (blocked[i] || inName[i] || t.type !== "w") continue;
    const key = t.k in LABELS ? t.k : t.kt in LABELS ? t.kt : "";
    if (!key) continue;
    const forms = LABELS[key];
    let j = i + 1;
    if (forms === null) {
      if (toks[j]?.k !== LABEL_SECOND[key]) continue;
      j++;
    } else {
      const lower = t.o.toLowerCase();
      if (!/^[a-z]+$/.test(lower) && !forms.includes(lower)) continue;
    }
    if (isWordIn(toks[j], new Set(["thu", "so"])) || toks[j]?.k === ":") j++;
    const nt = toks[j];
    if (!nt || blocked[j]) continue;
    let end = -1;
    if (nt.type === "n") end = j + 1;
    else if (nt.type === "w" && /^[ivx]+$/.test(nt.k) && nt.k.length <= 4) end = j + 1; // quý II
    else {
      const nw = numberWordsAt(j);
      if (nw) end = nw.end;
    }
    if (end < 0) continue;
    // "quý I/2021", "tháng 2/2021"
    if (toks[end]?.k === "/" && toks[end + 1]?.type === "n" && /^\d{2}(?:\d{2})?$/.test(toks[end + 1]!.k)) end += 2;
    for (let x = i; x < end; x++) blocked[x] = Math.max(blocked[x]!, 1);
    i = end - 1;
  }

  // List numbering at the start of a line: "1. …", "2) …", "3/ …"
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    if (t.type !== "n" || blocked[i] || !/^\d{1,2}$/.test(t.k)) continue;
    let p = i - 1;
    while (p >= 0 && toks[p]!.type === "p" && !HARD_PUNCT.has(toks[p]!.k)) p--;
    if (p >= 0 && toks[p]!.type !== "nl") continue;
    const next = toks[i + 1];
    if (!next || next.spaced || !(next.k === "." || next.k === ")" || next.k === "/")) continue;
    blocked[i] = Math.max(blocked[i]!, 1);
  }

  // Vague quantities: "vài chục", "hàng trăm"
  for (let i = 0; i + 1 < n; i++) {
    if (blocked[i] || blocked[i + 1]) continue;
    if (isWordIn(toks[i], VAGUE_BEFORE_SCALE) && isWordIn(toks[i + 1], SCALE_WORDS)) {
      blocked[i] = blocked[i + 1] = 1;
      pushUnclear(i, i + 1);
    }
  }

  // Items
  const items: Item[] = [];
  const cls: ("hard" | "filler" | "other" | "item")[] = new Array(n).fill("other");
  let firstInClause = true;
  let i = 0;
  while (i < n) {
    const t = toks[i]!;
    if (blocked[i]) {
      cls[i] = transparent[i] ? "filler" : "other";
      i++;
      continue;
    }
    if (isHard(t)) {
      cls[i] = "hard";
      firstInClause = true;
      i++;
      continue;
    }
    if (t.type === "w") {
      const m = nameAt(i);
      if (m) {
        items.push({ kind: "I", start: i, end: m.end, code: m.code, first: firstInClause });
        firstInClause = false;
        for (let x = i; x < m.end; x++) cls[x] = "item";
        i = m.end;
        continue;
      }
    }
    const num = readNumber(i);
    if (num) {
      const end = num.end;
      if (isWordIn(toks[end], TIME_UNITS) && !blocked[end]) {
        // a duration: "6 tháng", "hai năm"
        for (let x = i; x <= end; x++) cls[x] = "other";
        i = end + 1;
        continue;
      }
      items.push({
        kind: "N",
        start: i,
        end,
        value: num.value,
        weak: num.weak,
        bad: num.bad,
        first: firstInClause,
      });
      firstInClause = false;
      for (let x = i; x < end; x++) cls[x] = "item";
      i = end;
      continue;
    }
    if (t.type === "w") cls[i] = FILLER_WORDS.has(t.k) || FILLER_WORDS.has(t.kt) ? "filler" : "other";
    else if (t.type === "p") cls[i] = "filler";
    else cls[i] = "other";
    i++;
  }

  function readNumber(
    at: number,
  ): { value: number; end: number; weak: boolean; bad: boolean; words: boolean; len: number } | null {
    const t = toks[at]!;
    if (t.type === "n") {
      let value = parseDigitNumber(t.k);
      let end = at + 1;
      if (value === null) return { value: NaN, end, weak: false, bad: true, words: false, len: 1 };
      // "1,5 nghìn", "2 trăm", "3 chục", "2 nghìn rưỡi"
      const next = toks[end];
      const sk = next && nkeys[end];
      if (next && sk && next.spaced !== undefined && acceptNW(end)) {
        const scale =
          sk === "chuc" ? 10 : sk === "tram" ? 100 : sk === "nghin" || sk === "ngan" ? 1000 : sk === "trieu" ? 1e6 : sk === "ty" || sk === "ti" ? 1e9 : 0;
        if (scale) {
          value *= scale;
          end++;
          if (nkeys[end] === "ruoi" && acceptNW(end)) {
            value += scale / 2;
            end++;
          }
        }
      }
      const bad = !(value >= 0 && value <= MAX_VALUE) || (t.k.replace(/\D/g, "").length >= 10 && !/[.,]/.test(t.k));
      return { value, end, weak: false, bad, words: false, len: end - at };
    }
    if (t.type !== "w" || !nkeys[at]) return null;
    // A number word glued to digits is something else ("năm 2021", "12 tấm", "tầm 10").
    const prev = toks[at - 1];
    if (prev && prev.type === "n" && cls[at - 1] === "item") return null;
    const nw = numberWordsAt(at);
    if (!nw) return null;
    if (toks[nw.end]?.type === "n") return null;
    const len = nw.end - nw.start;
    if (len === 1) {
      const k = nkeys[at]!;
      const nextK = toks[at + 1]?.type === "w" ? toks[at + 1]!.k : "";
      const prevK = prev?.type === "w" ? prev.k : "";
      if (NUMBER_WORD_STOP_NEXT[k]?.includes(nextK)) return null;
      if (NUMBER_WORD_STOP_PREV[k]?.includes(prevK)) return null;
    }
    const weak = len === 1 && !(t.o.toLowerCase() !== t.k && t.o.toLowerCase() !== t.kt) && !["hai", "ba", "muoi"].includes(nkeys[at]!);
    // "hai ba pa nô" (two or three): keep both words in one unclear item
    const end = nw.ambiguous && nkeys[nw.end] ? nw.end + 1 : nw.end;
    return { value: nw.value, end, weak, bad: !!nw.ambiguous, words: true, len };
  }

  // Merge neighbouring mentions of one indicator ("băng rôn khẩu hiệu", "băng rôn, khẩu hiệu").
  const merged: Item[] = [];
  for (const it of items) {
    const last = merged[merged.length - 1];
    if (it.kind === "I" && last && last.kind === "I" && last.code === it.code) {
      let ok = true;
      for (let x = last.end; x < it.start; x++) {
        const t = toks[x]!;
        if (!(CONJ.has(t.k) || CONJ.has(t.kt))) ok = false;
      }
      if (ok) {
        last.end = it.end;
        continue;
      }
    }
    merged.push(it);
  }

  // Pairing: maximum-weight matching on the chain of items.
  const m = merged.length;
  const edgeCost = (a: Item, b: Item): number | null => {
    if (a.kind === b.kind) return null;
    if ((a.kind === "N" && a.bad) || (b.kind === "N" && b.bad)) return null;
    let fillers = 0;
    let others = 0;
    let colonAt = -1;
    let breaks = 0;
    let prepAt = -1;
    const gap: number[] = [];
    for (let x = a.end; x < b.start; x++) {
      if (cls[x] === "hard") return null;
      gap.push(x);
    }
    gap.forEach((x, idx) => {
      const t = toks[x]!;
      if (t.k === ":" || t.k === "=" || (t.type === "w" && t.k === "la")) colonAt = idx;
      if (cls[x] === "filler") fillers++;
      else others++;
      if (isWordIn(t, BREAK_WORDS)) breaks++;
      if (prepAt < 0 && isWordIn(t, PREPS)) prepAt = idx;
    });
    let cost: number;
    if (a.kind === "N") {
      // number before the name: "12 pa nô", "12 cái pa nô", "5 bài trên fanpage"
      if (others === 0) cost = 1 + 0.1 * fillers;
      else if (
        prepAt > 0 &&
        colonAt < 0 &&
        gap.slice(0, prepAt).every((x) => cls[x] === "filler") &&
        gap.length - prepAt - 1 <= 2
      )
        cost = 3;
      else return null;
      if (a.weak) cost += 0.4;
      if (a.first) cost -= 0.3;
    } else {
      // name before the number: "pano: 12", "pa nô 12", "pa nô tuyên truyền: 12"
      const numB = b as NumItem;
      if (others === 0) cost = (colonAt >= 0 ? 0.5 : 1.2) + 0.1 * fillers;
      else if (colonAt >= 0 && others <= 6 && gap.slice(colonAt + 1).every((x) => cls[x] === "filler"))
        cost = 2 + 0.2 * others;
      else if (colonAt < 0 && others <= 3 && breaks === 0) cost = 3 + 0.3 * others;
      else return null;
      if (a.first) cost -= 0.3;
      if (numB.weak) cost += 0.4;
    }
    return cost;
  };
  const W = 1000;
  const best = new Float64Array(m + 1);
  const took = new Uint8Array(m + 1);
  for (let k = 2; k <= m; k++) {
    best[k] = best[k - 1]!;
    const c = edgeCost(merged[k - 2]!, merged[k - 1]!);
    if (c !== null && best[k - 2]! + W - c > best[k]!) {
      best[k] = best[k - 2]! + W - c;
      took[k] = 1;
    }
  }
  const pairs: Pair[] = [];
  for (let k = m; k >= 2; ) {
    if (took[k]) {
      const a = merged[k - 2]!;
      const b = merged[k - 1]!;
      if (a.kind === "N" && b.kind === "I") pairs.push({ num: a, ind: b, numFirst: true });
      else if (a.kind === "I" && b.kind === "N") pairs.push({ num: b, ind: a, numFirst: false });
      k -= 2;
    } else k -= 1;
  }
  pairs.reverse();

  const pairedNums = new Set<NumItem>(pairs.map((p) => p.num));
  const pairedInds = new Set<IndItem>(pairs.map((p) => p.ind));
  const indexOf = new Map<Item, number>(merged.map((it, idx) => [it, idx]));
  const conjOnly = (from: number, to: number): boolean => {
    for (let x = from; x < to; x++) if (!(CONJ.has(toks[x]!.k) || CONJ.has(toks[x]!.kt))) return false;
    return true;
  };

  // "pa nô, áp phích: 15" — one number for two indicators: ask.
  const kept: Pair[] = [];
  for (const p of pairs) {
    const idx = indexOf.get(p.ind)!;
    let shared: IndItem | null = null;
    if (!p.numFirst) {
      const prev = merged[idx - 1];
      if (prev && prev.kind === "I" && prev.code !== p.ind.code && !pairedInds.has(prev) && conjOnly(prev.end, p.ind.start))
        shared = prev;
    } else {
      const next = merged[idx + 1];
      if (
        next &&
        next.kind === "I" &&
        next.code !== p.ind.code &&
        !pairedInds.has(next) &&
        conjOnly(p.ind.end, next.start) &&
        isHard(toks[next.end])
      )
        shared = next;
    }
    if (shared) {
      pushUnclear(Math.min(shared.start, p.num.start), Math.max(shared.end, p.num.end) - 1);
      pairedNums.add(p.num);
      continue;
    }
    kept.push(p);
  }

  // Unplaced numbers: a measure owned by one indicator ("500 tờ", "150 người"), else unclear.
  for (const it of merged) {
    if (it.kind !== "N" || pairedNums.has(it)) continue;
    if (!it.bad) {
      const t1 = toks[it.end];
      const t2 = toks[it.end + 1];
      let code: string | undefined;
      // only a bare measure ("500 tờ", "150 người."), not "3 cuộc họp giao ban"
      const endsHere = (x: number): boolean => isHard(toks[x]) || cls[x] === "filler" || isWordIn(toks[x], PREPS);
      if (t1 && t1.type === "w" && !blocked[it.end]) {
        code = compiled.measures.get(t1.k) ?? compiled.measures.get(t1.kt);
        if (code && !endsHere(it.end + 1)) code = undefined;
        if (!code && t2 && t2.type === "w" && endsHere(it.end + 2)) code = compiled.measures.get(t1.k + t2.k);
      }
      if (code) {
        kept.push({
          num: it,
          ind: { kind: "I", start: it.end, end: it.end + 1, code, first: false },
          numFirst: true,
        });
        continue;
      }
      if (it.weak) continue;
    }
    pushUnclear(it.start, it.end - 1);
  }
  for (const [s, e] of marks.unclearSpans) {
    const a = tokAt[s] ?? -1;
    const b = tokAt[Math.max(s, e - 1)] ?? -1;
    if (a >= 0 && b >= 0) pushUnclear(a, b);
  }

  // Combine values per indicator.
  kept.sort((x, y) => x.num.start - y.num.start);
  interface Entry {
    value: number;
    additive: boolean;
    total: boolean;
  }
  const entries = new Map<string, Entry[]>();
  for (const p of kept) {
    const s = Math.min(p.num.start, p.ind.start);
    const e = Math.max(p.num.end, p.ind.end);
    const around = contextWords(toks, cls, s, e);
    const partial = around.before.includes(" trong do ") || around.before.includes(" trong so do ");
    if (partial) {
      pushUnclear(s, e - 1);
      continue;
    }
    const additive =
      around.inside.includes(" them ") ||
      around.before.includes(" them ") ||
      around.before.includes(" bo sung ") ||
      around.after.includes(" nua ");
    const total =
      around.before.includes(" tong ") || around.inside.includes(" tong ") || around.before.includes(" tat ca ");
    const list = entries.get(p.ind.code) ?? [];
    list.push({ value: p.num.value, additive, total });
    entries.set(p.ind.code, list);
  }
  const codes = [...entries.keys()].sort(
    (a, b) => compiled.order.indexOf(a) - compiled.order.indexOf(b),
  );
  for (const code of codes) {
    const list = entries.get(code)!;
    const distinct = (xs: number[]): number[] => [...new Set(xs)];
    const totals = distinct(list.filter((e) => e.total).map((e) => e.value));
    const bases = distinct(list.filter((e) => !e.additive && !e.total).map((e) => e.value));
    const added = list.filter((e) => e.additive && !e.total).reduce((sum, e) => sum + e.value, 0);
    const hasAdded = list.some((e) => e.additive && !e.total);
    if (totals.length === 1) {
      // "tổng" states the total; the parts must agree with it ("10 + thêm 2, tổng 12")
      const t = totals[0]!;
      const partsSum = list.filter((e) => !e.total).reduce((sum, e) => sum + e.value, 0);
      const consistent =
        (bases.length === 0 && !hasAdded) ||
        partsSum === t ||
        (bases.length === 1 && bases[0]! + added === t) ||
        (bases.length === 1 && !hasAdded && bases[0] === t);
      if (consistent) result.values[code] = t;
      else result.conflicts.push({ code, values: distinct(list.map((e) => e.value)) });
      continue;
    }
    if (totals.length > 1) {
      result.conflicts.push({ code, values: totals });
      continue;
    }
    if (bases.length === 0) result.values[code] = added;
    else if (bases.length === 1) result.values[code] = bases[0]! + added;
    else if (
      bases.length === 2 &&
      hasAdded &&
      Math.max(...bases) === Math.min(...bases) + added
    )
      result.values[code] = Math.max(...bases);
    else result.conflicts.push({ code, values: bases });
  }
  result.unclear = unclear;
  return result;
}

/** Indicator mention starting at token i: longest synonym, then Telex, then a small typo. */
function matchIndicator(
  toks: Tok[],
  blocked: Uint8Array,
  i: number,
  c: Compiled,
): { end: number; code: string } | null {
  if (c.exact.size === 0) return null;
  const ends: number[] = [];
  const ck: string[] = [];
  const ct: string[] = [];
  let j = i;
  let accK = "";
  let accT = "";
  while (ends.length < c.maxWords) {
    const t = toks[j];
    if (!t || t.type !== "w" || blocked[j]) break;
    accK += t.k;
    accT += t.kt;
    ends.push(j + 1);
    ck.push(accK);
    ct.push(accT);
    if (accK.length > 40) break;
    // next word: directly after whitespace, or across a hyphen written inside the word ("pa-nô")
    const nx = toks[j + 1];
    if (nx && nx.type === "w") j = j + 1;
    else if (nx && nx.k === "-" && !nx.spaced && toks[j + 2]?.type === "w" && !toks[j + 2]!.spaced) j = j + 2;
    else break;
  }
  if (ends.length === 0) return null;
  const compoundStop = (end: number): boolean => {
    if (end !== i + 1) return false;
    const prev = toks[i - 1];
    const next = toks[i + 1];
    const k = toks[i]!.k;
    return (
      (prev?.type === "w" && COMPOUND_STOP.has(`${prev.k} ${k}`)) ||
      (next?.type === "w" && COMPOUND_STOP.has(`${k} ${next.k}`))
    );
  };
  for (let w = ends.length - 1; w >= 0; w--) {
    const hit = c.exact.get(ck[w]!) ?? c.exact.get(ct[w]!);
    if (hit && !compoundStop(ends[w]!)) return { end: ends[w]!, code: hit.code };
  }
  // Small typos on longer names ("ap phick", "phat thnah"); never swallowing a number word or
  // a filler in front ("ba buổi tập huấn" is not a typo of "buổi tập huấn").
  const head = toks[i]!;
  if (isNumberWordKey(head.k) || isNumberWordKey(head.kt)) return null;
  let bestHit: { end: number; code: string; dist: number; len: number } | null = null;
  for (let w = Math.min(ends.length, 5) - 1; w >= 0; w--) {
    const s = ck[w]!;
    if (s.length < 5 || FUZZY_STOP.has(s) || FUZZY_STOP.has(ct[w]!)) continue;
    if (w === 0 && BREAK_WORDS.has(s)) continue;
    const max = s.length >= 12 ? 2 : 1;
    for (const syn of c.list) {
      if (syn.compact.length < 5 || syn.compact[0] !== s[0] || syn.compact[1] !== s[1]) continue;
      if (Math.abs(syn.compact.length - s.length) > max || Math.abs(syn.words - (w + 1)) > 1) continue;
      let d = osaDistance(s, syn.compact, max);
      if (d > 0 && ct[w] !== s) d = Math.min(d, osaDistance(ct[w]!, syn.compact, max));
      if (d <= max && (!bestHit || d < bestHit.dist || (d === bestHit.dist && s.length > bestHit.len))) {
        bestHit = { end: ends[w]!, code: syn.code, dist: d, len: s.length };
      }
    }
  }
  return bestHit ? { end: bestHit.end, code: bestHit.code } : null;
}

/** Words around a pair within its clause, as space-joined keys (before, inside, after). */
function contextWords(
  toks: Tok[],
  cls: string[],
  s: number,
  e: number,
): { before: string; inside: string; after: string } {
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

/** Original text around tokens a..b (inclusive): up to three tokens each side within the line. */
function fragment(toks: Tok[], nfcText: string, a: number, b: number): string {
  let s = a;
  for (let k = 0; k < 3 && s > 0; k++) {
    const t = toks[s - 1]!;
    if (isHard(t)) break;
    s--;
  }
  let e = b;
  for (let k = 0; k < 3 && e + 1 < toks.length; k++) {
    const t = toks[e + 1]!;
    if (isHard(t)) break;
    e++;
  }
  const first = toks[s];
  const last = toks[e];
  if (!first || !last) return "";
  const out = nfcText.slice(first.os, last.oe).replace(/\s+/g, " ").trim();
  return truncate(out, 80);
}

/**
 * Whether a message looks like a report: it starts with "báo cáo"/"bc"/"/baocao" (also typed
 * "bao cao" or with Telex leftovers "baos caos"), or it names an indicator with a number.
 * @example looksLikeReport("bc: 12 pano", SAMPLE_INDICATORS) // true
 * @example looksLikeReport("Chào anh", SAMPLE_INDICATORS) // false
 */
export function looksLikeReport(text: string, indicators: IndicatorDef[]): boolean {
  try {
    const raw = typeof text === "string" ? text : String(text ?? "");
    const head = searchKey(raw.slice(0, 60))
      .split(/[^a-z0-9/]+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => (w.startsWith("/") ? w : telexFold(w)));
    const first = head[0] ?? "";
    if (first === "/baocao" || first === "baocao" || first === "bc" || first === "/bc") return true;
    if (first === "bao" && head[1] === "cao") return true;
    const r = parseReport(raw, indicators);
    return Object.keys(r.values).length > 0 || r.conflicts.length > 0;
  } catch {
    return false;
  }
}
