/**
 * Stage 5 of drafting a plan: the figures a task should ask for. Two sources, in the plan's own
 * words: the figures a report sentence lists ("báo cáo số hồ sơ tiếp nhận, số hồ sơ trực tuyến
 * toàn trình", "(số pa nô, băng rôn, khẩu hiệu; số buổi chiếu phim, biểu diễn văn nghệ)"), and the
 * forms of work a plan names (pa nô, băng rôn, tin bài, hội nghị…). A form the bot already knows
 * keeps its indicator (code, label, synonyms); a figure it does not know becomes a new indicator
 * named as the plan names it ("Hồ sơ tiếp nhận").
 */

import { searchKey } from "../../reports/text-key.js";
import type { IndicatorDef } from "../../types.js";
import { SAMPLE_INDICATORS } from "../sample-indicators.js";
import { foldKeepingLength } from "./deadlines.js";
import { sameWord, words } from "./ocr-text.js";
import type { DraftIndicator } from "./types.js";

/** How plans name the forms of the sample indicators (folded, no marks). */
export const FORM_PHRASES: { code: string; phrases: string[] }[] = [
  { code: "pano", phrases: ["pa no", "pano", "pand", "pa-no"] },
  { code: "ap_phich", phrases: ["ap phich", "ap phic", "poster", "tranh co dong"] },
  { code: "bang_ron", phrases: ["bang ron", "bang zon", "bang don", "khau hieu", "bang khau hieu"] },
  { code: "to_roi", phrases: ["to roi", "to gap"] },
  { code: "cum_co_dong", phrases: ["cum co dong", "cum pa no co dong", "cum pano"] },
  {
    code: "tin_bai",
    phrases: [
      "tin bai",
      "tin, bai",
      "tin, bai viet",
      "bai viet",
      "tin tuc",
      "trang thong tin dien tu",
      "cong thong tin dien tu",
    ],
  },
  {
    code: "phat_thanh",
    phrases: ["phat thanh", "truyen thanh", "loa truyen thanh", "loa cong cong", "he thong loa", "loa phat thanh"],
  },
  { code: "chuyen_muc", phrases: ["chuyen muc", "chuyen trang"] },
  { code: "phong_su", phrases: ["phong su"] },
  { code: "bai_mxh", phrases: ["mang xa hoi", "fanpage", "facebook", "nhom zalo", "trang zalo"] },
  { code: "hoi_nghi", phrases: ["hoi nghi", "hoi thao", "tap huan", "lop tap huan", "lop boi duong", "toa dam"] },
  {
    code: "xe_luu_dong",
    phrases: [
      "xe thong tin luu dong",
      "xe luu dong",
      "xe loa",
      "xe tuyen truyen",
      "tuyen truyen luu dong",
      "thong tin luu dong",
    ],
  },
];

/** Counting words: the measure a new indicator takes from its first word. */
const MEASURES: Record<string, string> = {
  buoi: "buổi",
  luot: "lượt",
  cuoc: "cuộc",
  lop: "lớp",
  "ho so": "hồ sơ",
  "tai khoan": "tài khoản",
  "cu tri": "người",
  nguoi: "người",
  ho: "hộ",
  bai: "bài",
  tin: "tin",
  cai: "cái",
  diem: "điểm",
  doan: "đoàn",
  to: "tổ",
  "van ban": "văn bản",
};

/** Words that end a figure's name ("… được kích hoạt hằng tháng", "… về UBND xã"). */
const NAME_STOP =
  /\s(?:hang|hàng|hằng|dinh ky|định kỳ|truoc|trước|ve|về|gui|gửi|cho|theo|tai|tại|trong|da|đã|de|để|len|lên|qua|tu|từ|den|đến|cham nhat|chậm nhất)(?=\s|$)/iu;

function figureKey(text: string): string {
  return searchKey(text)
    .replace(/[^a-z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Finds the known forms (pa nô, tin bài, hội nghị…) in a text, in order; `ocr` tolerates one wrong letter in a word.
 * @example formsIn("treo pa nô, băng rôn; đưa tin, bài") // [{ code: "pano", … }, { code: "bang_ron", … }, { code: "tin_bai", … }]
 */
export function formsIn(text: string, ocr = false): { code: string; start: number; end: number }[] {
  const list = words(text);
  // OCR text may misspell a form by a letter ("phéng su"); text typed right must match exactly ("trực tuyến, thanh toán" is no "truyền thanh").
  const same = (a: string, b: string) => (ocr ? sameWord(a, b) : a === b);
  const hits: { code: string; start: number; end: number }[] = [];
  for (const { code, phrases } of FORM_PHRASES) {
    for (const p of phrases) {
      const parts = p.replace(/[,-]/g, " ").split(/\s+/);
      for (let i = 0; i + parts.length <= list.length; i++) {
        if (!parts.every((part, j) => same(list[i + j].key, part))) continue;
        // "tin, bài" is one form; "thông tin" is not "tin".
        hits.push({ code, start: list[i].start, end: list[i + parts.length - 1].end });
      }
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: typeof hits = [];
  for (const h of hits) if (!out.some((o) => o.start < h.end && h.start < o.end)) out.push(h);
  return out;
}

/**
 * The lists of figures a sentence gives after "số" ("báo cáo số hồ sơ tiếp nhận, số hồ sơ trực
 * tuyến", "(số pa nô, băng rôn; số buổi chiếu phim, biểu diễn văn nghệ)"), each list as written up
 * to ";", ")" or a word that ends it. "số" after a noun ("chuyển đổi số", "Kế hoạch số 15", "Sở") is
 * not a figure.
 * @example figureLists("báo cáo số hội nghị, số cử tri tham dự về UBND xã") // ["hội nghị, số cử tri tham dự"]
 */
export function figureLists(text: string): string[] {
  const out: string[] = [];
  const f = foldKeepingLength(text);
  for (const m of f.matchAll(
    /(?:^|[(,;:]\s*|\b(?:bao cao|tong hop|thong ke|gom|va)\s+)so(?: luong| luot)?\s+(?![\d/])(?!(?:hoa|lieu|hieu|dien thoai|ky|thu tu|tt|chi)\b)/g,
  )) {
    const start = m.index! + m[0].length;
    const rest = text.slice(start);
    const endRel = rest.search(/[;)]|\.(?:\s|$)/);
    let list = endRel >= 0 ? rest.slice(0, endRel) : rest;
    const stop = NAME_STOP.exec(list);
    if (stop) list = list.slice(0, stop.index);
    if (list.trim() && !out.some((o) => o.includes(list.trim()))) out.push(list.trim());
  }
  return out;
}

/** The names in a list of figures: split at "," and "và", with the repeated "số" dropped. */
export function figureNames(list: string): string[] {
  return list
    .split(/\s*,\s*|\s+(?:và|va)\s+/iu)
    .map((item) => item.replace(/^(?:số|so)(?:\s+lượng|\s+luong)?\s+/iu, "").trim())
    .filter((name) => /\p{L}{2}/u.test(name));
}

/** "hồ sơ trực tuyến toàn trình" → "ho_so_truc_tuyen_toan_trinh" (at most 30 characters, whole words). */
export function indicatorCode(name: string): string {
  const parts = figureKey(name)
    .split(" ")
    .filter((w) => w && w !== "duoc" && w !== "cua" && w !== "cac");
  let code = "";
  for (const p of parts) {
    const next = code ? `${code}_${p}` : p;
    if (next.length > 30) break;
    code = next;
  }
  return code || "chi_tieu";
}

export interface IndicatorScope {
  /** The clause the task came from. */
  clause: string;
  /** The block (paragraph or item) holding it. */
  block: string;
  /** Every block of the task's section (the unit's section), for a report that names no forms itself. */
  section: string[];
  /** A report ("báo cáo", "tổng hợp kết quả"): the section's forms count. */
  report: boolean;
  /** Recurring or ongoing work: the forms it names count. */
  recurring: boolean;
  /** The document came from OCR: forms may be misspelt by a letter. */
  ocr?: boolean;
}

/**
 * The indicators to suggest for a task, each with the sentence it came from.
 * `known` is the bot's vocabulary (sample indicators and those of imported plans).
 * @example suggestIndicators({ clause: "báo cáo số pa nô, tin bài", block: "…", section: [], report: true, recurring: true }, known)
 */
export function suggestIndicators(scope: IndicatorScope, known: readonly IndicatorDef[]): DraftIndicator[] {
  const vocabulary = [...known, ...SAMPLE_INDICATORS.filter((s) => !known.some((k) => k.code === s.code))];
  const byCode = new Map(vocabulary.map((d) => [d.code, d]));
  const out: DraftIndicator[] = [];
  const add = (d: DraftIndicator) => {
    if (!out.some((o) => o.def.code === d.def.code)) out.push(d);
  };
  const knownByName = (name: string) => {
    const key = figureKey(name);
    return vocabulary.find((d) => figureKey(d.label) === key || d.synonyms.some((s) => figureKey(s) === key));
  };
  const ocr = scope.ocr === true;
  const fromForms = (text: string) => {
    for (const hit of formsIn(text, ocr)) {
      const def = byCode.get(hit.code);
      if (def) add({ def, isNew: false, source: text });
    }
  };

  const listed = (text: string) => {
    for (const list of figureLists(text)) {
      // Known forms first ("tin, bài" is one), then what is left, item by item.
      const forms = formsIn(list, ocr);
      for (const hit of forms) {
        const d = byCode.get(hit.code);
        if (d) add({ def: d, isNew: false, source: text });
      }
      let rest = list;
      for (const hit of [...forms].sort((a, b) => b.start - a.start))
        rest = `${rest.slice(0, hit.start)}${rest.slice(hit.end)}`;
      for (const name of figureNames(rest)) {
        if (Object.keys(MEASURES).includes(figureKey(name))) continue; // a counting word left alone ("số buổi phát thanh")
        const def = knownByName(name);
        if (def) add({ def, isNew: false, source: text });
        else out.push({ def: newIndicator(name, out), isNew: true, source: text });
      }
    }
  };

  const counted = (text: string) =>
    /\b(?:cac|nhung|mot so|\d+)\s+(?:lop|buoi|cuoc|dot|hoi nghi|hoi thao|lop tap huan|chuyen muc|phong su|tin|bai)\b/.test(
      foldKeepingLength(text),
    );

  if (scope.report) {
    if (figureLists(scope.clause).length) listed(scope.clause);
    else if (figureLists(scope.block).length) listed(scope.block);
    else {
      fromForms(scope.clause);
      // A results report ("báo cáo kết quả") covers the forms of work its section lists; a progress
      // or situation report ("tiến độ", "tình hình") does not.
      if (
        !out.length &&
        /\bket qua\b/.test(foldKeepingLength(scope.clause)) &&
        !/\b(?:tien do|tinh hinh)\b/.test(foldKeepingLength(scope.clause))
      ) {
        fromForms(scope.block);
        if (!out.length) for (const b of scope.section) fromForms(b);
      }
    }
  } else if (figureLists(scope.clause).length) listed(scope.clause);
  else if (scope.recurring || counted(scope.clause)) fromForms(scope.clause);

  // A conference or training counts its participants too, unless the plan names them otherwise.
  const meeting = out.find((d) => d.def.code === "hoi_nghi");
  const participants = out.some((d) => /tham du|tham gia|hoc vien|dai bieu/.test(figureKey(d.def.label)));
  if (meeting && !participants && byCode.has("nguoi_tham_du"))
    add({ def: byCode.get("nguoi_tham_du")!, isNew: false, source: meeting.source });
  return out;
}

/** A new indicator named from the plan's words: label as written, measure from its first word. */
function newIndicator(name: string, taken: readonly DraftIndicator[]): IndicatorDef {
  // A counting word shared by a list ("số buổi chiếu phim, biểu diễn văn nghệ") carries over.
  const key = figureKey(name);
  let label = name.replace(/\s+/g, " ").trim();
  let measure = Object.entries(MEASURES).find(([k]) => key === k || key.startsWith(`${k} `))?.[1];
  if (!measure) {
    const previous = [...taken].reverse().find((t) => t.isNew);
    const carried =
      previous &&
      Object.entries(MEASURES).find(
        ([k]) =>
          figureKey(previous.def.label).startsWith(`${k} `) && !["cu tri", "nguoi", "tai khoan", "ho so"].includes(k),
      );
    if (carried) {
      measure = carried[1];
      label = `${carried[1]} ${label}`;
    }
  }
  label = label.charAt(0).toLocaleUpperCase("vi") + label.slice(1);
  let code = indicatorCode(label);
  for (let n = 2; taken.some((t) => t.def.code === code); n++) code = `${indicatorCode(label).slice(0, 27)}_${n}`;
  const folded = figureKey(label);
  return { code, label, measure: measure ?? "", synonyms: [...new Set([label.toLocaleLowerCase("vi"), folded])] };
}
