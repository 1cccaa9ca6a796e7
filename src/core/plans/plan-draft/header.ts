/**
 * Stage 2 of drafting a plan: the header of a Decree 30/2020 document. Top left the parent body
 * and the issuing office ("UBND TỈNH THANH HÓA / SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", or "ỦY BAN NHÂN
 * DÂN / HUYỆN THẠCH THÀNH"), "Số: 20/KH-UBND"; top right the national motto, then the place and date
 * ("Thạch Thành, ngày 29 tháng 01 năm 2021"); then "KẾ HOẠCH" and the subject. At the end, "Lưu: VT,
 * VHTT." names the drafting office's abbreviation. Everything is read, nothing assumed: a field the
 * document does not give stays empty.
 */

import { isIsoDate } from "../../calendar/time.js";
import type { DocumentBlocks } from "./document-blocks.js";
import { findPhrase, ocrKey, words } from "./ocr-text.js";
import type { Restorer } from "./restore-diacritics.js";
import type { DraftHeader, Sourced } from "./types.js";

/** Words that start a place's name after them ("HUYỆN THẠCH THÀNH"). */
const LEVELS: [key: string, word: string][] = [
  ["thanh pho", "thành phố"],
  ["thi tran", "thị trấn"],
  ["thi xa", "thị xã"],
  ["dac khu", "đặc khu"],
  ["tinh", "tỉnh"],
  ["huyen", "huyện"],
  ["quan", "quận"],
  ["xa", "xã"],
  ["phuong", "phường"],
];

/** Abbreviations kept in capitals when a name in capitals is written in normal case. */
const ACRONYMS = new Set(["ubnd", "hdnd", "mttq", "uy", "vhtt", "tw", "kh", "cn", "ttdl", "vhttdl", "ld", "tb", "xh"]);

const sourced = <T>(value: T, source: string): Sourced<T> => ({ value, source: source.trim() });

/** Splits a two-column header line, returning its left part (the issuer's column). */
function leftColumn(line: string): string {
  const gap = /\S(\s{3,}|\t+)\S/.exec(line);
  if (gap) return line.slice(0, gap.index + 1).trim();
  const list = words(line);
  for (const phrase of ["cong hoa", "doc lap", "doc lap tu do", "so"]) {
    const at = findPhrase(list, phrase);
    if (at > 0) return line.slice(0, list[at].start).trim();
  }
  return line.trim();
}

/** "HUYỆN THẠCH THÀNH" → "huyện Thạch Thành"; other capitals → sentence case ("Sở Văn hóa, thể thao…"). */
function normalCase(text: string): string {
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (!letters || letters !== letters.toUpperCase()) return text.replace(/\s+/g, " ").trim();
  const list = text.replace(/\s+/g, " ").trim().split(" ");
  const keys = list.map((w) => ocrKey(w));
  let properFrom = list.length;
  for (let i = 0; i < keys.length; i++) {
    const level = LEVELS.find(([k]) => k.split(" ").every((part, j) => keys[i + j] === part));
    if (level) {
      properFrom = i + level[0].split(" ").length;
      break;
    }
  }
  return list
    .map((w, i) => {
      if (ACRONYMS.has(keys[i]) && w.length <= 6 && !/^[\p{Lu}][\p{Ll}]/u.test(w) && (keys[i] !== "uy" || i > 0))
        return w;
      const lower = w.toLocaleLowerCase("vi");
      if (i === 0 || i >= properFrom) return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
      return lower;
    })
    .join(" ");
}

/** The same words as `caps`, written in mixed case somewhere in the body ("Sở Văn hóa, Thể thao và Du lịch"). */
function bodySpelling(caps: string, body: string): string | undefined {
  const target = ocrKey(caps);
  if (!target) return undefined;
  const list = words(body);
  const n = target.split(" ").length;
  for (let i = 0; i + n <= list.length; i++) {
    if (
      list
        .slice(i, i + n)
        .map((w) => w.key)
        .join(" ") !== target
    )
      continue;
    const text = body.slice(list[i].start, list[i + n - 1].end);
    const letters = text.replace(/[^\p{L}]/gu, "");
    if (letters !== letters.toUpperCase()) return text;
  }
  return undefined;
}

function issuerOf(lines: string[], body: string, restorer: Restorer | null): { issuer?: string; parent?: string } {
  const fix = (s: string) => {
    const clean = s
      .replace(/[_=~*]+/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    const spelled = bodySpelling(clean, body);
    const text = spelled ?? normalCase(clean);
    return restorer ? restorer.restore(text) : text;
  };
  const parts = lines.map((l) => l.replace(/[_=~*—-]{3,}/g, "").trim()).filter((l) => /\p{L}{2}/u.test(l));
  if (!parts.length) return {};
  const isCouncil = (s: string) =>
    /^(?:uy ban nhan dan|ubnd)$/.test(ocrKey(s)) ||
    (findPhrase(words(s), "uy ban nhan dan") === 0 && words(s).length === 4);
  const placeWord = (s: string) => LEVELS.some(([k]) => ocrKey(s).startsWith(`${k} `));
  if (parts.length >= 2 && isCouncil(parts[0]) && placeWord(parts[1])) {
    return {
      issuer: `UBND ${fix(parts[1]).replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase("vi"))}`,
      parent: parts[2] ? fix(parts[2]) : undefined,
    };
  }
  const council = (s: string) => {
    const key = ocrKey(s);
    const m = /^(?:uy ban nhan dan|ubnd) (.+)$/.exec(key);
    if (!m) return fix(s);
    const words = s.trim().split(/\s+/);
    const skip = key.startsWith("ubnd") ? 1 : 4;
    const rest = fix(words.slice(skip).join(" "));
    return `UBND ${rest.replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase("vi"))}`;
  };
  if (parts.length === 1) return { issuer: council(parts[0]) };
  // A parent body over the issuing office; an office's name may run over two lines.
  return { parent: council(parts[0]), issuer: fix(parts.slice(1).join(" ")) };
}

const pad = (n: string) => n.padStart(2, "0");

function isoOf(day: string, month: string, year: string): string | undefined {
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return isIsoDate(iso) ? iso : undefined;
}

/**
 * Reads the header of a plan document.
 * @example readHeader(readBlocks(text), text, null).number?.value // "20/KH-UBND"
 */
export function readHeader(doc: DocumentBlocks, text: string, restorer: Restorer | null): DraftHeader {
  const header: DraftHeader = {};
  const body = doc.blocks
    .filter((b) => b.zone === "body")
    .map((b) => b.text)
    .join("\n");
  // Without a header (a pasted extract), the first lines may still say the number and date.
  const lines = doc.headerLines.length ? doc.headerLines.map((l) => l.text) : text.split("\n").slice(0, 8);

  let numberLine = -1;
  for (const [i, line] of lines.entries()) {
    const m =
      /(?:^|\s)S[ốoôồớ6ÔỐO0][:.]?\s*:?\s*(\d{1,5})\s*\/\s*([\p{Lu}Đ][\p{Lu}Đ0-9&.]*(?:\s?-\s?[\p{Lu}Đ0-9&.]+)*)/u.exec(
        line,
      );
    if (m) {
      header.number = sourced(`${m[1]}/${m[2].replace(/\s+/g, "")}`, line);
      numberLine = i;
      break;
    }
  }

  for (const line of lines) {
    const key = ocrKey(line);
    const long =
      /(?:^| )ngay (\d{1,2}) th\w{0,5} (\d{1,2}) n\w{0,4} (\d{4})(?: |$)/.exec(key) ??
      /(?:^| )ngay (\d{1,2}) (?:th\w{0,5} )?(\d{1,2}) (?:n\w{0,4} )?(\d{4})(?: |$)/.exec(key);
    const short = /(?:^| )ngay (\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(key);
    const m = long ?? short;
    if (!m || !/,\s*ng\S{2,4}\s+\d/u.test(line)) continue;
    const date = isoOf(m[1], m[2], m[3]);
    if (!date) continue;
    header.date = sourced(date, line);
    // The place is what stands before ", ngày" in the right column.
    const before = line.slice(0, line.search(/,\s*ng\S{2,4}\s+\d/u));
    const afterNumber =
      header.number && header.number.source === line
        ? before.replace(/^.*?S\S{1,2}[:.]?\s*:?\s*\d{1,5}\s*\/\s*\S+/u, "")
        : before;
    const place = (afterNumber.split(/\s{3,}|\t/).pop() ?? "").trim();
    if (/\p{L}{2}/u.test(place))
      header.place = sourced(restorer ? restorer.restore(place, { name: true }) : place, line);
    break;
  }

  const issuerLines = lines
    .slice(0, numberLine >= 0 ? numberLine : lines.length)
    .map(leftColumn)
    .filter(Boolean);
  const { issuer, parent } = doc.headerLines.length ? issuerOf(issuerLines, body, restorer) : {};
  const issuerSource = doc.headerLines
    .slice(0, numberLine >= 0 ? numberLine : undefined)
    .map((l) => l.text.trim())
    .join(" / ");
  if (issuer) header.issuer = sourced(issuer, issuerSource);
  if (parent) header.parent = sourced(parent, issuerSource);

  const title = doc.titleIndex >= 0 ? doc.blocks[doc.titleIndex + 1] : undefined;
  if (title && title.zone === "title") {
    let subject = title.text.replace(/\s+/g, " ").trim();
    if (restorer) subject = restorer.restore(subject);
    const lowered = /^\p{Lu}\p{Ll}/u.test(subject)
      ? subject.charAt(0).toLocaleLowerCase("vi") + subject.slice(1)
      : subject;
    header.title = sourced(/^kế hoạch\b/iu.test(subject) ? subject : `Kế hoạch ${lowered}`, title.text);
  }

  const keep = doc.blocks.find((b) => b.zone === "recipients" && /^L\S{1,2}u\s*:?\s*VT\b/u.test(b.text));
  const abbreviation = keep && /VT\s*,\s*([\p{Lu}Đ][\p{Lu}Đ0-9&-]{0,19})(?![\p{Ll}])/u.exec(keep.text)?.[1];
  if (keep && abbreviation && abbreviation !== "VT")
    header.abbreviation = sourced(abbreviation.replace(/[&-]/g, ""), keep.text);
  return header;
}
