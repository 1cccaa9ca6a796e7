/**
 * Document references in a report: "KH số 15/KH-UBND ngày 05/02/2021", "Nghị quyết số 57-NQ/TW",
 * "Kế hoạch số 20 ngày 29/01/2021", and a date written before the number ("Ngày 20/01/2026, UBND xã
 * ban hành Kế hoạch số 08/KH-UBND"). Part of stage 2 of the report parser (mark what is never a
 * value): the spans found here are never values, and the references are kept as data.
 * Works on the folded text (characters), before tokens.
 */

import type { DocumentReference } from "../../types.js";
import type { FoldedText } from "../text-key.js";

/** References found, and the folded-text spans [start, end) they cover (number and its date). */
export interface FoundReferences {
  references: DocumentReference[];
  spans: [number, number][];
}

/** "10/02/2021", "10.02.21" or "5 tháng 2 năm 2021", anchored where the regex is set to start. */
const DATE_TAIL_RE =
  /(\d{1,2})[ \t]*[/.-][ \t]*(\d{1,2})[ \t]*[/.-][ \t]*(\d{4}|\d{2})(?!\d)|(\d{1,2})[ \t]+thang[ \t]+(\d{1,2})[ \t,]+nam[ \t]+(\d{4})/uy;

/** Verbs of issuing a document between a date and its number ("…, UBND xã ban hành Kế hoạch số …"). */
const ISSUED = /\b(?:ban hanh|ky|phe duyet|xay dung|ra|gui|co|cong bo)\b/;

/** "ngày 20/01/2026" (or "ngày 20 tháng 01 năm 2026") in a stretch of text, for a date written before a number. */
const DATE_BEFORE_RE =
  /\bngay[ \t]*:?[ \t]*(?:(\d{1,2})[ \t]*[/.-][ \t]*(\d{1,2})[ \t]*[/.-][ \t]*(\d{4}|\d{2})(?!\d)|(\d{1,2})[ \t]+thang[ \t]+(\d{1,2})[ \t,]+nam[ \t]+(\d{4}))/gu;

/**
 * A calendar date as "YYYY-MM-DD", or undefined when it does not exist (31/02, month 13).
 * @example isoDate(5, 2, 21) // "2021-02-05"
 */
export function isoDate(d: number, m: number, y: number): string | undefined {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const DOC_ABBR =
  /^(kh|ubnd|qd|cv|tb|bc|nd|cp|tt|ct|nq|hd|ttg|vp|vhtt|bvhttdl|tw|hu|dcs|dtn|ld|cd|cn|ttr|gm|vhxh|snv|stc|bch|qh|ls|kl|bcd|bdh|ttcp|pvhtt|ttvh|vh)/;

/** Words that introduce a document number ("số 15", "Kế hoạch 20/KH-UBND"). */
const DOC_WORDS_BEFORE =
  /\b(so|ke hoach|cong van|quyet dinh|thong bao|van ban|chi thi|nghi quyet|nghi dinh|huong dan|cv|kh|qd)[ \t:]*$/;

/**
 * A document number typed with spaces for its marks, "kh 15 kh ubnd", "quyết định số 88 qd ubnd": the
 * document's word, its number, then its own symbol (the same kind of document) and the issuer.
 */
const SPACED_SYMBOL_RE =
  /\b(ke hoach|kh|quyet dinh|qd|thong bao|tb|chi thi|ct|nghi quyet|nq|huong dan|hd|bao cao|bc)[ \t]+(?:so[ \t]*:?[ \t]*)?(\d{1,4})[ \t]+(kh|qd|tb|ct|nq|hd|bc)[ \t]+([a-z]{2,10})\b/gu;
/** The symbol each document's word goes with ("kế hoạch" → KH). */
const SYMBOL_OF: Readonly<Record<string, string>> = {
  "ke hoach": "kh",
  kh: "kh",
  "quyet dinh": "qd",
  qd: "qd",
  "thong bao": "tb",
  tb: "tb",
  "chi thi": "ct",
  ct: "ct",
  "nghi quyet": "nq",
  nq: "nq",
  "huong dan": "hd",
  hd: "hd",
  "bao cao": "bc",
  bc: "bc",
};
/** Issuers beside those DOC_ABBR knows: the Front, the farmers', women's and veterans' associations. */
const ISSUERS = /^(?:mttq|hnd|hpn|hlhpn|hccb|du|dtn|svhttdl)$/;

/** The date right after a document number ("15/KH-UBND ngày 05/02/2021", "…, ban hành ngày …"). */
function findRefDate(f: string, pos: number): { date?: string; end: number } {
  const slice = f.slice(pos, pos + 90);
  const direct = /^[ \t]*[,(]?[ \t]*(?:ngay[ \t]*)?/y;
  // not across a sentence or clause end, nor a date said as a time limit ("…; đến ngày 30/11 đã tổ
  // chức", "tính đến ngày", "từ ngày"): that date is the work's, not the document's
  const viaWords = /^[^\d\n;.]{0,60}?(?<!\b(?:den|toi|tu|truoc|sau|trong)[ \t]+)\bngay[ \t]*:?[ \t]*/uy;
  for (const re of [direct, viaWords]) {
    re.lastIndex = 0;
    const m = re.exec(slice);
    if (!m) continue;
    DATE_TAIL_RE.lastIndex = m[0].length;
    const d = DATE_TAIL_RE.exec(slice);
    if (!d) continue;
    const date = dateOfMatch(d);
    if (!date) continue;
    // "131/KH-UBND, ngày 20/10/2026 ban hành tiếp QĐ số 140/…": a date opening the next clause, before an
    // issuing verb and another number, is the next document's
    if (m[0].includes(",") && issuesNext(slice.slice(DATE_TAIL_RE.lastIndex))) return { end: pos };
    return { date, end: pos + DATE_TAIL_RE.lastIndex };
  }
  return { end: pos };
}

/** Whether text after a date holds an issuing verb, then a number, in its sentence. */
function issuesNext(rest: string): boolean {
  const upTo = /^[^\d.;!?\n]{0,50}?(?=\d)/.exec(rest);
  return !!upTo && ISSUED.test(upTo[0]);
}

/**
 * Symbol parts typed without "Đ": "QD" is always "QĐ" (quyết định), "ND" "NĐ" (nghị định), "HDND" "HĐND"; and
 * the Prime Minister's "TTg", spelt with a small "g" (upper-cased with the rest).
 */
const WITH_D: Readonly<Record<string, string>> = { QD: "QĐ", ND: "NĐ", HDND: "HĐND", BCD: "BCĐ", TTG: "TTg" };

/** "29/QD-UBND" → "29/QĐ-UBND", "06/QĐ-TTG" → "06/QĐ-TTg": the official spelling of the symbol's parts (the number is left alone). */
function withD(number: string): string {
  return number.replace(/(?<=[/-])[A-Z]+(?=$|[-/.])/g, (part) => WITH_D[part] ?? part);
}

/**
 * Finds the document references of a folded text. Symbols are upper-cased as written
 * ("15/kh-ubnd" → "15/KH-UBND", "57-nq/tw" → "57-NQ/TW"), with "Đ" restored in the parts typed
 * without it ("29/qd-ubnd" → "29/QĐ-UBND"); a number cited twice is kept once.
 * @example findReferences(foldWithMap("Ngày 20/01/2026, UBND xã ban hành Kế hoạch số 08/KH-UBND"), "…").references
 * // [{ number: "08/KH-UBND", date: "2026-01-20" }]
 */
export function findReferences(folded: FoldedText, nfcText: string): FoundReferences {
  const f = folded.key;
  const taken = new Uint8Array(f.length);
  const spans: [number, number][] = [];
  const found: { key: string; ref: DocumentReference; start: number }[] = [];
  const free = (s: number, e: number): boolean => {
    for (let i = s; i < e; i++) if (taken[i]) return false;
    return true;
  };
  const original = (s: number, e: number): string => nfcText.slice(folded.start[s] ?? 0, folded.end[e - 1] ?? 0);
  const add = (s: number, e: number, number: string): void => {
    const { date, end } = findRefDate(f, e);
    taken.fill(1, s, end);
    spans.push([s, end]);
    const key = number.toUpperCase();
    const prev = found.find((x) => x.key === key);
    if (prev) {
      if (!prev.ref.date && date) prev.ref.date = date;
      return;
    }
    found.push({ key, ref: date ? { number, date } : { number }, start: s });
  };
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void): void => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = re.exec(f)) !== null && guard++ < 5000) fn(m);
  };

  // Party-style numbers: 57-NQ/TW, 05-CT/TU, 15-KL/HU; an issuer may be long ("19-HD/BTGDVTU", a merged board)
  each(/(?<![\p{L}\d/.,-])\d{1,4}-[a-z]{1,6}\/[a-z]{1,10}(?![\p{L}\d])/gu, (m) => {
    const s = m.index;
    const e = s + m[0].length;
    if (free(s, e)) add(s, e, original(s, e).toUpperCase());
  });
  // Numbers with a symbol: 15/KH-UBND, 30/2020/NĐ-CP, CV 123/UBND-VP
  each(/(?<![\p{L}\d/])(\d{1,6}(?:\/\d{2,4})?\/([a-z][a-z0-9]*(?:[-.][a-z0-9]+)*))/gu, (m) => {
    const s = m.index;
    const e = s + m[0].length;
    const symbolOriginal = original(e - m[2]!.length, e);
    const before = f.slice(Math.max(0, s - 30), s);
    const looksOfficial =
      /\p{Lu}/u.test(symbolOriginal) || m[2]!.includes("-") || DOC_ABBR.test(m[2]!) || DOC_WORDS_BEFORE.test(before);
    if (!looksOfficial || !free(s, e)) return;
    add(
      s,
      e,
      withD(
        original(s, e)
          .replace(/[\u2010-\u2015\u2212]/g, "-")
          .toUpperCase(),
      ),
    );
  });
  // "kh 15 kh ubnd", "qd so 88 qd ubnd": a symbol typed with spaces for its "/" and "-"
  each(SPACED_SYMBOL_RE, (m) => {
    const e = m.index + m[0].length;
    const s = e - m[0].length + m[0].indexOf(m[2]!, m[1]!.length);
    if (SYMBOL_OF[m[1]!] !== m[3] || !(DOC_ABBR.test(m[4]!) || ISSUERS.test(m[4]!)) || !free(s, e)) return;
    add(s, e, withD(`${m[2]}/${m[3]}-${m[4]}`.toUpperCase()));
  });
  // "Kế hoạch số 20 ngày 29/01/2021"; not "báo cáo số 6 tháng" (the figures of six months)
  each(
    /\b(?:ke hoach|cong van|cv|quyet dinh|qd|thong bao|tb|van ban|to trinh|chi thi|nghi quyet|nghi dinh|huong dan|bao cao|kh|bc)[ \t]+so[ \t]*:?[ \t]*(\d{1,6})(?![\d.,]*\d|[ \t]*[%/]|[ \t]+(?:thang|quy|nam|tuan)\b(?![ \t]*(?:\d|[ivx]+\b)))/gu,
    (m) => {
      const e = m.index + m[0].length;
      const s = e - m[1]!.length;
      if (free(s, e)) add(s, e, m[1]!);
    },
  );
  attachDatesBefore(f, found, taken, spans);
  attachHeaderDates(f, found, taken, spans);
  found.sort((a, b) => a.start - b.start);
  return { references: found.map((x) => x.ref), spans };
}

/**
 * "Ngày 20/01/2026, UBND xã ban hành Kế hoạch số 08/KH-UBND": a date written before a number
 * without one, in the same sentence, with an issuing verb and no other number in between, and not
 * already another's date ("Ngày 20/01/2026 xã tổ chức hội nghị quán triệt Nghị quyết 57-NQ/TW"
 * gives the meeting's date, not the resolution's).
 */
function attachDatesBefore(
  f: string,
  found: { ref: DocumentReference; start: number }[],
  taken: Uint8Array,
  spans: [number, number][],
): void {
  for (const x of found) {
    if (x.ref.date) continue;
    const from = Math.max(0, x.start - 120);
    const stretch = f.slice(from, x.start);
    let last: RegExpExecArray | null = null;
    DATE_BEFORE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DATE_BEFORE_RE.exec(stretch)) !== null) last = m;
    if (!last) continue;
    const s = from + last.index;
    const e = s + last[0].length;
    // a sentence end or another figure in between, or no issuing verb: the date is about something else
    const between = f.slice(e, x.start);
    if (/[.;!?\n]|\d/.test(between) || !ISSUED.test(between)) continue;
    if (!isFreeSpan(taken, s, e)) continue;
    const date = dateOfMatch(last);
    if (!date) continue;
    claimDate(x.ref, date, s, e, taken, spans);
  }
}

/** "Số: 305/BC-UBND" opening its line: the number in a document's header. */
const HEADER_NUMBER_BEFORE = /(?:^|\n)[ \t]*so[ \t]*:?[ \t]*$/;
/**
 * "Cửa Tùng, ngày 05 tháng 12 năm 2026" (or "…, ngày 05/12/2026"): a header's place-and-date line, anchored
 * at a line's start, within the three lines after the number.
 */
const PLACE_DATE_LINE_RE =
  /^(?:[^\n]*\n){1,3}?[ \t]*[a-z][a-z ]{1,40},[ \t]*ngay[ \t]+(?:(\d{1,2})[ \t]*[/.-][ \t]*(\d{1,2})[ \t]*[/.-][ \t]*(\d{4})|(\d{1,2})[ \t]+thang[ \t]+(\d{1,2})[ \t,]+nam[ \t]+(\d{4}))/u;

/**
 * "Số: 305/BC-UBND\nCửa Tùng, ngày 05 tháng 12 năm 2026": the report's own number, heading its line, takes the
 * date of the place-and-date line under it (the official header; the motto may stand between them).
 */
function attachHeaderDates(
  f: string,
  found: { ref: DocumentReference; start: number }[],
  taken: Uint8Array,
  spans: [number, number][],
): void {
  for (const x of found) {
    if (x.ref.date || !HEADER_NUMBER_BEFORE.test(f.slice(Math.max(0, x.start - 20), x.start))) continue;
    const from = f.indexOf("\n", x.start);
    if (from < 0) continue;
    const m = PLACE_DATE_LINE_RE.exec(f.slice(from, from + 300));
    if (!m) continue;
    const date = dateOfMatch(m);
    const s = from + m[0].search(/ngay[ \t]+\d[^\n]*$/u);
    const e = from + m[0].length;
    if (!date || !isFreeSpan(taken, s, e)) continue;
    claimDate(x.ref, date, s, e, taken, spans);
  }
}

/** A date read for `ref`: given to it, its span taken from the text. */
function claimDate(
  ref: DocumentReference,
  date: string,
  s: number,
  e: number,
  taken: Uint8Array,
  spans: [number, number][],
): void {
  ref.date = date;
  taken.fill(1, s, e);
  spans.push([s, e]);
}

/** The date of a match written as "dd/mm/yyyy" (groups 1–3) or "ngày dd tháng mm năm yyyy" (groups 4–6). */
const dateOfMatch = (m: RegExpExecArray): string | undefined =>
  m[1] !== undefined
    ? isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
    : isoDate(Number(m[4]), Number(m[5]), Number(m[6]));

function isFreeSpan(taken: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (taken[i]) return false;
  return true;
}
