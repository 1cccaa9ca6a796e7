/**
 * Spans of the folded text that hold numbers but are never indicator values: document numbers
 * (kept as references, found by references.ts), phone numbers, dates, times, durations, percentages, money, rates;
 * ratios ("12/15"), ranges ("10-12") and negative numbers are marked as unclear.
 * Part of stage 2 of the report parser (mark what is never a value); works on characters, before tokens.
 */

import type { DocumentReference } from "../../types.js";
import type { FoldedText } from "../text-key.js";
import { findReferences, isoDate } from "./references.js";

type MarkKind = 1 | 2; // 1: not a value, silently; 2: unclear

/** A word after a figure that is no money unit ("65 đại biểu", not "65 triệu", "65 đồng"). */
const NOUN_AFTER = /^[ \t]+(?!(?:trieu|nghin|ngan|ty|ti|tr|dong|vnd|d|k)(?![\p{L}\d]))\p{L}/u;

/** A price each said without "đồng", closing its clause: "mỗi tờ 3 nghìn ạ", "moi cai 4 trieu,". */
const PRICE_EACH =
  /\bmoi[ \t]+(?:to|cai|chiec|tam|bo|cuon|quyen|suat)[ \t]+(\d+(?:[.,]\d+)*[ \t]*(?:trieu|nghin|ngan|tr))(?=[ \t]*(?:$|[\n.,;:)!?]|(?:a|dong|vnd|thoi|nhe)(?![\p{L}\d])))/u;
/** Words that make a bare "500k" money ("kinh phí 500k", "ủng hộ 200k"), in the same line before it. */
/** Sizes ("2,4m x 3,6m", "60x90cm") on the folded text, and a cheap test that one may be there. */
const SIZE_RE =
  /(?<![\d.,])\d+(?:[.,]\d+)?[ \t]*(?:c?m|mm)?[ \t]*[x×*][ \t]*\d+(?:[.,]\d+)?[ \t]*(?:c?m|mm|met)(?![a-z\d])/g;
const SIZE_HINT = /\d[ \t]*(?:c?m|mm)?[ \t]*[x×*][ \t]*\d/;
const MONEY_BEFORE =
  /\b(?:kinh phi|tien|chi phi|ho tro|ung ho|gia|phi|thuong|luong|mua|dong gop|chi|thu|ngan sach|tai tro|boi duong)\b[^\n]*$/;

/** "tháng 10–11", "quý 3-4/2026", "T10-11": a period's word, then two of its numbers joined by a dash. */
const PERIOD_RANGE =
  /\b(?:thang|quy|t)[ \t]*(\d{1,2}[ \t]*[-–][ \t]*(?:t[ \t]*)?\d{1,2}(?:\/(?:20)?\d\d)?)(?![\d.,]|[ \t]*\d|[ \t]+(?:luot|cuoc|buoi|cai|to|tin|bai|nguoi|ng|lan|tam|chiec|bang|so|clip|video|phong su|chuyen muc)(?![\p{L}\d]))/gu;

/** Marks per folded character, and the references found. */
export interface Marks {
  arr: Uint8Array;
  /** Dates and times: transparent between a name and its number ("phát thanh từ 1/3 đến nay 20 buổi"). */
  when: Uint8Array;
  unclearSpans: [number, number][];
  references: DocumentReference[];
}

/**
 * Marks the spans of a folded text that are never values.
 * @example markNonValueSpans(foldWithMap("KH số 15/KH-UBND, 12 pano"), "KH số 15/KH-UBND, 12 pano").references // [{ number: "15/KH-UBND" }]
 */
export function markNonValueSpans(folded: FoldedText, nfcText: string): Marks {
  const f = folded.key;
  const arr = new Uint8Array(f.length);
  const when = new Uint8Array(f.length);
  const markWhen = (s: number, e: number): void => {
    mark(s, e, 1);
    when.fill(1, s, e);
  };
  const unclearSpans: [number, number][] = [];
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
  // Links: "facebook.com/xa/posts/2871650", "https://…?id=123": their digits are an address, never a figure
  each(
    /(?:https?:\/\/|www\.)[^\s]+|(?<![\p{L}\d@.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|vn|net|org|me|gov|edu|info|ly)\/[^\s]*/gu,
    (m) => mark(m.index, m.index + m[0].replace(/[.,;:!?)]+$/, "").length, 1),
  );
  // Document numbers first: "15/KH-UBND ngày 05/02/2021" is one reference, not a ratio and a date
  const { references, spans } = findReferences(folded, nfcText);
  for (const [s, e] of spans) mark(s, e, 1);
  // Roads: "QL1A", "QL 14", "ĐT 741", "ĐH.12", "ĐX 3", "tỉnh lộ 8", "quốc lộ 1A", "TL8", "đường tỉnh 766", "đường
  // huyện 12" (a name, not a figure)
  each(
    /(?<![\p{L}\d])(?:(?:ql|tl|dt|dh|hl|dx)[ \t.]?[1-9]\d{0,3}[a-z]?|(?:quoc|tinh|huong) lo[ \t]+\d+[a-z]?|duong (?:tinh|huyen)[ \t]+\d+[a-z]?)(?![\p{L}\d])/gu,
    (m) => {
      if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
    },
  );
  // Kilometre posts: "Km 12", "km12+300" (a place on a road; "30 km 12 lượt" keeps its figure), also after a
  // junction's number ("ngã 3 Km 7": the junction is a place, no count of kilometres)
  each(/(?<![\p{L}\d])(?<!(?<!\bnga[ \t]+)\d[ \t]+)km[ \t.]?\d{1,4}(?:\+\d{1,3})?(?![\p{L}\d])/gu, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
  });
  // Hotlines by their short number: "tổng đài 1022", "đường dây nóng 111", "hotline 1900 1234" (a number
  // to call; a whole phone number is read below)
  each(
    /\b(?:tong dai|duong day nong|hotline)[ \t]*:?[ \t]*\d{3,4}(?:[ \t.]?\d{3,4})?(?![\p{L}\d]|[ \t.]*\d)/gu,
    (m) => {
      const s = m.index + m[0].search(/\d/);
      if (free(s, m.index + m[0].length)) mark(s, m.index + m[0].length, 1);
    },
  );
  // Phone numbers: 0912345678, 0912 345 678, +84 912 345 678, 0237 3xxx xxx
  each(/(?<![\d\p{L}+])(?:\+[ \t]?84|84|0)[ \t.-]?(?:2(?:[ \t.-]?\d){9}|[1-9](?:[ \t.-]?\d){8})(?!\d)/gu, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
  });
  // Ranges of dates: "1/3-10/3", "16/11 - 30/11/2026" (the days of a round, no ratio or range to ask about)
  each(
    /(?<![\d/.,-])(\d{1,2})\/(\d{1,2})(?:\/(?:\d{4}|\d{2}))?[ \t]*[-–][ \t]*(\d{1,2})\/(\d{1,2})(?:\/(?:\d{4}|\d{2}))?(?![\d/])/g,
    (m) => {
      const ok = (d: number, mo: number): boolean => d >= 1 && d <= 31 && mo >= 1 && mo <= 12;
      const e = m.index + m[0].length;
      if (free(m.index, e) && ok(Number(m[1]), Number(m[2])) && ok(Number(m[3]), Number(m[4]))) markWhen(m.index, e);
    },
  );
  // Ranges of days in one month: "15-18/10", "từ 8 - 10/5/2026" (the days of an event, no count)
  each(/(?<![\d/.,-])(\d{1,2})[ \t]*[-–][ \t]*(\d{1,2})\/(\d{1,2})(?:\/(?:\d{4}|\d{2}))?(?![\d/])/g, (m) => {
    const s = m.index;
    const e = s + m[0].length;
    const d1 = Number(m[1]);
    const d2 = Number(m[2]);
    const mo = Number(m[3]);
    if (free(s, e) && d1 >= 1 && d1 < d2 && d2 <= 31 && mo >= 1 && mo <= 12) markWhen(s, e);
  });
  // Dates: 10/02/2021, 10.02.2021, 10-02-21
  each(/(?<![\d/.,])(\d{1,2})[ \t]*([/.-])[ \t]*(\d{1,2})[ \t]*\2[ \t]*(\d{4}|\d{2})(?![\d/])/g, (m) => {
    const s = m.index;
    const e = s + m[0].length;
    if (!free(s, e)) return;
    if (isoDate(Number(m[1]), Number(m[3]), Number(m[4]))) markWhen(s, e);
    else mark(s, e, 2);
  });
  // A week of a year: "tuần 49/2026", "tuan 50 / 2026" — a label, no ratio to ask about
  each(/\btuan[ \t]+([1-9]|[1-4]\d|5[0-3])[ \t]*\/[ \t]*(?:19|20)\d\d(?![\d/])/g, (m) => {
    const s = m.index + m[0].search(/\d/);
    if (free(s, m.index + m[0].length)) mark(s, m.index + m[0].length, 1);
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
  // ("lúc 8:30: …": a colon after the time, then words)
  each(/(?<![\d.,/:])\d{1,2}:\d{2}(?::\d{2})?(?!\d|:\d)/g, (m) => {
    if (free(m.index, m.index + m[0].length)) markWhen(m.index, m.index + m[0].length);
  });
  each(
    /(?<![\d.,/])\d{1,2}[ \t]*(?:h|g|gio)(?:[ \t]*\d{1,2}(?:[ \t]*(?:phut|ph|p)(?!\p{L}))?)?(?![\p{L}\d])/gu,
    (m) => {
      if (free(m.index, m.index + m[0].length)) markWhen(m.index, m.index + m[0].length);
    },
  );
  // and ages: "28 tuổi"; a range of them, "từ 25 đến 55 tuổi", "15-20 phút", whole
  each(/(?<![\d.,/])(?:tu[ \t]+)?\d+[ \t]*(?:-|–|den|toi)[ \t]*\d+[ \t]*(?:phut|giay|tieng|tuoi)(?!\p{L})/gu, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
  });
  each(/(?<![\d.,/])\d+(?:[.,]\d+)?[ \t]*(?:phut|giay|tieng|tuoi)(?!\p{L})/gu, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
  });
  // ages named first: "độ tuổi 18-35", "tuổi từ 16 đến 30", "tuổi 60 trở lên"
  // (one number only before "trở lên" / "trở xuống": "người cao tuổi 60 người" counts people)
  const AGE_RE =
    /(?<!\p{L})tuoi[ \t]*(?:tu[ \t]+)?\d{1,3}(?:[ \t]*(?:-|–|den|toi)[ \t]*\d{1,3}(?![\d\p{L}]|[.,]\d)|(?=[ \t]*tro[ \t]+(?:len|xuong)\b))/gu;
  each(AGE_RE, (m) => {
    const s = m.index + m[0].search(/\d/);
    if (free(s, m.index + m[0].length)) mark(s, m.index + m[0].length, 1);
  });
  // an average age: "hội viên tuổi bình quân 68", "độ tuổi trung bình là 45" (no count of people)
  each(
    /(?<!\p{L})tuoi[ \t]+(?:binh[ \t]+quan|trung[ \t]+binh)[ \t]*(?:la[ \t]+|khoang[ \t]+)?\d{1,3}(?![\d\p{L}]|[.,]\d)/gu,
    (m) => {
      const s = m.index + m[0].search(/\d/);
      if (free(s, m.index + m[0].length)) mark(s, m.index + m[0].length, 1);
    },
  );
  // Sizes: "2,4m x 3,6m", "2 x 4 m", "60x90cm" — the measure of a thing, never a count (a cheap test
  // first: most messages have no digit right before an "x")
  if (SIZE_HINT.test(f))
    each(SIZE_RE, (m) => {
      if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
    });
  // Lengths: "pa nô cao 2,5 m", "dài 3 mét", "băng rôn 1,2m": a thing's measure, never a count (after a
  // word of size, or a decimal, which no count is)
  each(
    /(?:\b(?:cao|dai|rong|ngang|kho|kich thuoc|kich co)(?:[ \t]+(?:khoang|la|tam|gan))?[ \t]*:?[ \t]*\d+(?:[.,]\d+)?|(?<![\d.,])\d+[.,]\d+)[ \t]*(?:m|met|cm|mm)(?![\p{L}\d])/gu,
    (m) => {
      if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
    },
  );
  // Distances: "loa cách nhà văn hóa 200 m", "cách trung tâm xã 3 km": the first number after "cách"
  // (read forward from each "cách": a look-behind tried at every digit cost more than the rest of the stage)
  each(/\bcach\b[^\n,.;:\d]{0,30}(\d+(?:[.,]\d+)?[ \t]*(?:m|met|km|cay so))(?![\p{L}\d])/gu, (m) => {
    const e = m.index + m[0].length;
    const s = e - m[1]!.length;
    if (free(s, e)) mark(s, e, 1);
  });
  // Percentages: 85%, 85 phần trăm
  each(/(?<![\d.,])\d+(?:[.,]\d+)?[ \t]*(?:%|phan[ \t]+tram)/g, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
  });
  // Money: 5 triệu đồng, 500.000đ, 500k đồng, "kinh phí 500k"; a bare "1,2k" is a count typed short;
  // "65 đồng chí", "200 đồng bào" are people
  each(
    /(?<![\d.,])\d+(?:[.,]\d+)*[ \t]*(?:(?:trieu|nghin|ngan|ty|ti|tr)[ \t]*)?(?:dong(?![ \t]+(?:chi|bao)(?![\p{L}\d]))|vnd|d|k[ \t]*(?:dong|vnd|d)|(k))(?![\p{L}\d])/gu,
    (m) => {
      const s = m.index;
      const e = s + m[0].length;
      if (m[1] && !MONEY_BEFORE.test(f.slice(Math.max(0, s - 40), s))) return;
      if (free(s, e)) mark(s, e, 1);
    },
  );
  // Sums spent, closing their clause: "hết 35 triệu ạ", "tốn 2,5 tỷ đồng", "hết 800 nghìn" (not "phát hết
  // 2 nghìn tờ"); a figure right after the
  // label of a cost, "Kinh phí;đồng;8.500.000", "kinh phí: 12.000.000": money, never a count
  each(
    /(?<=\b(?:het|ton|mat|chi)[ \t]+)\d+(?:[.,]\d+)*[ \t]*(?:trieu|ty|nghin|ngan)(?:[ \t]+(?:dong|vnd))?(?=[ \t]*(?:$|[\n.,;:)!?]|(?:a|nua|thoi|roi|do|day|nhe)(?![\p{L}\d])))/gu,
    (m) => {
      if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
    },
  );
  each(
    /\b(?:kinh phi|chi phi|ngan sach|so tien|thanh tien|tong tien)(?:[ \t]*[:;|=,()-][ \t]*|[ \t]*(?:dong|vnd|la|het|khoang)\b)+[ \t]*(\d+(?:[.,]\d+)*)/g,
    (m) => {
      const e = m.index + m[0].length;
      const s = e - m[1]!.length;
      // "tiết kiệm kinh phí, 65 đại biểu": a count with its own noun after a comma is no sum of money
      if (/^[,;][ \t]*$/.test(f.slice(m.index, s).replace(/^[a-z ]+/, "")) && NOUN_AFTER.test(f.slice(e, e + 12)))
        return;
      if (free(s, e)) mark(s, e, 1);
    },
  );
  // A cost's label, a word of what it paid for, then a sum in millions or thousands closing its sentence:
  // "Kinh phí 35 triệu từ nguồn xã hội hóa", "chi phi 15 trieu", "tiền xăng 1,2 triệu" (never "tiền in 2
  // nghìn tờ", a count with its noun; "Kinh phí 5 triệu, 3 pa nô" runs on into a count and is still asked about,
  // "kinh phí 15 triệu, in 500 tờ" into the next clause is not); "tổng" only after a price in its sentence ("1
  // tờ 500đ, tổng 150 nghìn")
  each(
    /\b(?:kinh phi|chi phi|ngan sach|so tien|tien|(tong(?:[ \t]+cong)?))(?:[ \t]+(?!\d)[a-z]+)?[ \t]*(?:(?:la|het|khoang|:)[ \t]*)?(\d+(?:[.,]\d+)*[ \t]*(?:trieu|ty|nghin|ngan|tr))(?=[ \t]*(?:$|[\n.!?]|[,;)][ \t]*(?![\d \t])|(?:a|dong|vnd|tu|do|nhe|thoi|roi)(?![\p{L}\d])))/gu,
    (m) => {
      const e = m.index + m[0].length;
      const s = e - m[2]!.length;
      // "1 tờ 500đ, tổng 150 nghìn ạ", "mỗi cái 80 nghìn, tổng 1,2 triệu": a total is money only after a
      // price in its sentence
      const sentence =
        f
          .slice(0, m.index)
          .split(/[.!?\n]/)
          .pop() ?? "";
      if (
        m[1] &&
        !/\d[ \t]*(?:(?:trieu|nghin|ngan)[ \t]*)?(?:d|dong|vnd|k)(?![\p{L}\d])/u.test(sentence) &&
        !PRICE_EACH.test(sentence)
      )
        return;
      if (free(s, e)) mark(s, e, 1);
    },
  );
  // A unit price: "1 tờ 500đ", "1 cai 20 nghin dong": the one thing priced (by its classifier) is no count
  each(
    /(?<![\d.,])1[ \t]+(?:to|cai|chiec|tam|bo|cuon|quyen|suat|m|met)[ \t]+(\d+(?:[.,]\d+)*[ \t]*(?:(?:trieu|nghin|ngan)[ \t]*)?(?:dong|vnd|d|k))(?![\p{L}\d])/gu,
    (m) => {
      if (free(m.index, m.index + 1)) mark(m.index, m.index + 1, 1);
      // ("1 cái 80k": a bare "k" is money here)
      const s = m.index + m[0].length - m[1]!.length;
      if (free(s, m.index + m[0].length)) mark(s, m.index + m[0].length, 1);
    },
  );
  // A price each, said without "đồng" and closing its clause: "mỗi tờ 3 nghìn ạ", "moi cai 4 trieu" — money
  // ("mỗi tờ 3 nghìn lượt xem" counts views)
  each(new RegExp(PRICE_EACH.source, "gu"), (m) => {
    const s = m.index + m[0].length - m[1]!.length;
    if (free(s, m.index + m[0].length)) mark(s, m.index + m[0].length, 1);
  });
  // What one thing cost, said without "đồng": "chi phí 8 triệu", "trị giá 2,5 tỷ ạ" — a sum after a word of
  // spending or giving in its clause, with no noun after it ("8 triệu lượt xem" counts views); a budget ("kinh phí
  // 5 triệu") may be a plan's figure and is still asked about
  each(/(?<![\d.,])\d+(?:[.,]\d+)*[ \t]*(?:trieu|ty|tr)(?![\p{L}\d])/gu, (m) => {
    const s = m.index;
    const e = s + m[0].length;
    const before = f.slice(Math.max(0, s - 30), s);
    // ("hội viên tự đóng góp 2,5 triệu", "các hộ ủng hộ 1,5 triệu": a sum given)
    if (!/\b(?:chi phi|tong chi|tri gia|gia tri|het|ton|dong gop|ung ho)\b[^\n,;.]*$/.test(before)) return;
    if (NOUN_AFTER.test(f.slice(e, e + 12)) && !/^[ \t]+(?:a|nhe|thoi|roi|dong)(?![p{L}\d])/.test(f.slice(e, e + 8)))
      return;
    if (free(s, e)) mark(s, e, 1);
  });
  // Number plates: "36A-123.45", "29LD-012.34", "30E 12345" name a vehicle, they count nothing
  each(/(?<![\p{L}\d.,])\d{2}[a-z]{1,2}\d?[ \t]*[-.][ \t]*\d{3}[.]?\d{2}(?![\p{L}\d])/gu, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
  });
  // Power, frequency and voltage of equipment: "công suất 1.000W", "loa 500 w", "2 kVA", "FM 99,5 MHz"
  each(/(?<![\d.,])\d+(?:[.,]\d+)*[ \t]*(?:w|kw|watt|oat|kva|mhz|khz|hz|volt)(?![\p{L}\d])/gu, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
  });
  // Lengths of a programme typed short: "dài 15p", "thời lượng 20 ph", "kéo dài 30'" (how long, no count)
  each(/\b(?:dai|thoi luong)[ \t]*(?:khoang|tam|gan)?[ \t]*:?[ \t]*\d+[ \t]*(?:p|ph|'|s)(?![\p{L}\d])/gu, (m) => {
    const s = m.index + m[0].search(/\d/);
    if (free(s, m.index + m[0].length)) mark(s, m.index + m[0].length, 1);
  });
  // Areas: "12 m2", "20 m²", "1,5 ha", "30 mét vuông": a size, never a count
  each(/(?<![\d.,])\d+(?:[.,]\d+)?[ \t]*(?:k?m2|k?m²|ha|(?:m|met)[ \t]+vuong)(?![\p{L}\d])/gu, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
  });
  // Lengths and weights: "mỗi cái 3 mét", "dài 5m", "200 m đường", "nặng 200 kg" (a size, never a
  // count; "m2" is an area, above)
  each(/(?<![\d.,])\d+(?:[.,]\d+)?[ \t]*(?:m|met|cm|mm|kg)(?![\p{L}\d²])/gu, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
  });
  // Products certified by the OCOP programme and their stars: "25 sản phẩm OCOP", "OCOP 4 sao", "đạt 3 sao"
  // (a rating and the goods it covers, no work of the plan)
  each(
    /(?<![\d.,])(\d+)[ \t]+san[ \t]+pham(?=[ \t]+ocop\b)|\b(?:ocop|dat|hang|chuan)[ \t]+([1-5])[ \t]+sao\b/g,
    (m) => {
      const digits = (m[1] ?? m[2])!;
      const s = m.index + m[0].search(/\d/);
      if (free(s, s + digits.length)) mark(s, s + digits.length, 1);
    },
  );
  // People surveyed or polled: "khảo sát 300 người", "lấy ý kiến 120 hộ" (they answered, they attended nothing)
  each(
    /\b(?:khao sat|lay y kien|phong van)[ \t]+(?:(?:tren|gan|khoang|tam)[ \t]+)?(\d+(?:[.,]\d+)?)[ \t]+(?:nguoi|ho|phieu)\b/g,
    (m) => {
      const e = m.index + m[0].lastIndexOf(m[1]!) + m[1]!.length;
      const s = e - m[1]!.length;
      if (free(s, e)) mark(s, e, 1);
    },
  );
  // Paper sizes and crossroads: "khổ A4", "ngã 4", "ngã ba": names, never counts
  each(/(?<![\p{L}\d])(?:a[0-6]|nga[ \t]+[3-6])(?![\p{L}\d]|[.,]\d)/gu, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
  });
  // Folds of a paper after its size: "tờ gấp khổ A4 gấp 3", "A5, gấp đôi" (how it is folded, never a count;
  // "tăng gấp 3 lần" has no paper size before it)
  each(/\b(?:a[0-6]|kho[ \t]+\w+)[ \t]*,?[ \t]*gap[ \t]+(\d|hai|ba|bon|tu)(?![\p{L}\d]|[.,]\d|[ \t]+lan\b)/gu, (m) => {
    const e = m.index + m[0].length;
    const s = e - m[1]!.length;
    if (free(s, e)) mark(s, e, 1);
  });
  // Time spent: "mất 1 buổi sáng", "mat 2 ngay" (how long, not how many sessions)
  each(/\bmat[ \t]+\d+[ \t]+(?:buoi|ngay|tuan|gio|tieng|phut)(?:[ \t]+(?:sang|chieu|toi))?(?![\p{L}\d])/gu, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
  });
  // Forms and annexes: "biểu mẫu số 02", "phụ lục 3", "mẫu số 1a" name a paper, they count nothing
  // ("mỗi mẫu 250 tờ" does)
  each(
    /\b(?:(?:bieu mau|mau bieu|phu luc)(?:[ \t]+so)?|(?:mau|bieu)[ \t]+so)[ \t]*[:.]?[ \t]*(\d{1,3}[a-z]?)(?![\p{L}\d]|[.,/]\d)/gu,
    (m) => {
      const e = m.index + m[0].length;
      const s = e - m[1]!.length;
      if (free(s, e)) mark(s, e, 1);
    },
  );
  // Terms of years: "nhiệm kỳ 2026-2031", "giai đoạn 2021 - 2025" (no range to ask about)
  each(/(?<![\d/.,-])(?:19|20)\d\d[ \t]*[-–][ \t]*(?:19|20)\d\d(?![\d/])/g, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
  });
  // Ranges of months or quarters: "tháng 10–11", "thang 11-12 a", "quý 3-4/2026" name a span of periods, no range
  // of counts to ask about (not "tháng 11 - 12 lượt", a figure with its measure)
  each(PERIOD_RANGE, (m) => {
    const s = m.index + m[0].length - m[1]!.length;
    const [a, b] = m[1]!.split(/[^\d]+/).map(Number) as [number, number];
    const max = m[0].startsWith("q") ? 4 : 12;
    if (a >= 1 && b > a && b <= max && free(s, s + m[1]!.length)) markWhen(s, s + m[1]!.length);
  });
  // Prices: "xe thuê 800k/lượt", "50 nghìn/buổi", "2 triệu đồng/tháng": money per unit, never a count
  each(
    /(?<![\d/.,])\d+(?:[.,]\d+)*[ \t]*(?:k|nghin|ngan|trieu|tr|dong|d|vnd)(?:[ \t]*(?:dong|d|vnd))?[ \t]*\/[ \t]*\p{L}+/gu,
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
  // Ranges of lengths: "cách trung tâm xã từ 18 đến 35 km", "ngập sâu 0,5–0,8 m": measures, no counts to ask about
  each(
    /(?<![\d/.,-])\d+(?:[.,]\d+)?[ \t]*(?:[-–~]|den|toi)[ \t]*\d+(?:[.,]\d+)?[ \t]*(?:km|m|cm|met|cay so)(?![\p{L}\d])/gu,
    (m) => {
      if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 1);
    },
  );
  // Ratios (12/15) and ranges (10-12, 10 - 12): numbers, but which one is meant is unclear
  each(/(?<![\d/.,])\d+(?:[.,]\d+)?[ \t]*\/[ \t]*\d+(?:[.,]\d+)?(?![\d/])/g, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 2);
  });
  each(/(?<![\d/.,-])\d+(?:[.,]\d+)?[ \t]*[-~][ \t]*\d+(?:[.,]\d+)?(?![\d/])/g, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 2);
  });
  // "từ 10 đến 12": a range in words
  each(/\btu[ \t]+\d+(?:[.,]\d+)?[ \t]+(?:den|toi)[ \t]+\d+(?:[.,]\d+)?(?![\d/.,])/g, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 2);
  });
  // Negative numbers
  each(/(?:^|(?<=[\s:=(,;]))-\d+(?:[.,]\d+)*/g, (m) => {
    if (free(m.index, m.index + m[0].length)) mark(m.index, m.index + m[0].length, 2);
  });

  return { arr, when, unclearSpans, references };
}
