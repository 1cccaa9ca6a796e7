/**
 * Stage 4 of drafting a plan: the units and groups a plan names ("Phòng Văn hóa và Thông tin",
 * "UBND các xã, thị trấn", "Ủy ban MTTQ và các khối đoàn thể cấp huyện", "Trưởng các thôn"),
 * matched to the bot's units and tags. A single name is compared with each unit's name without its
 * place ("Công an xã" = "Công an xã Quảng Phú"), abbreviations expanded ("HĐND", "MTTQ"), OCR
 * errors tolerated; a group becomes the bot's units of that kind, written with as few tags as cover
 * them exactly ("xa" for 23 communes and 2 towns). What matches nothing is said, never guessed: a
 * named unit is proposed as a new unit, a group with no unit of the bot stays unmatched.
 */

import { CODE_PATTERN, normaliseCode } from "../../args.js";
import { ocrWordKey, sameWord, similarity, type Word, words } from "./ocr-text.js";
import type { Restorer } from "./restore-diacritics.js";
import type { KnownUnit, UnitMention } from "./types.js";
import { ABBREVIATIONS, GENERIC_WORDS, HEAD_NOUNS, UNIT_CATEGORIES, type UnitCategory } from "./unit-categories.js";

/** A word key with where it stands in the phrase (abbreviations expand to several keys at one place). */
interface Item {
  key: string;
  start: number;
  end: number;
}

const EXTRA_ABBREVIATIONS: Record<string, string> = { vh: "van hoa", xh: "xa hoi", tc: "tai chinh", kt: "kinh te" };

function items(text: string): Item[] {
  const out: Item[] = [];
  for (const w of words(text)) {
    for (const part of w.key.split(/[-/.]/).filter(Boolean)) {
      const key = /[-/.]/.test(w.key) ? ocrWordKey(part) || part : part;
      const expanded =
        ABBREVIATIONS[key] ??
        (w.text.length <= 3 && w.text === w.text.toUpperCase() ? EXTRA_ABBREVIATIONS[key] : undefined);
      for (const k of (expanded ?? key).split(" ")) out.push({ key: k, start: w.start, end: w.end });
    }
  }
  return out;
}

const LEVEL_WORDS = [
  "xa",
  "phuong",
  "huyen",
  "tinh",
  "quan",
  "thi tran",
  "thi xa",
  "thanh pho",
  "dac khu",
  "cap xa",
  "cap huyen",
  "cap tinh",
];

/**
 * A name's key without what only says where it is: "Ủy ban MTTQ Việt Nam huyện" → "uy ban mat tran to
 * quoc", "Công an xã Quảng Phú" → "cong an", "Thư viện tỉnh Thanh Hóa" → "thu vien".
 */
export function coreKey(name: string, places: readonly string[] = []): string[] {
  // "… xã Quảng Phú", "… tỉnh Thanh Hóa": a level word followed by capitalised words (a place) at the end.
  const stripped = name
    .normalize("NFC")
    .replace(/\s+(?:trên địa bàn|thuộc|của)\s.*$/iu, "")
    .replace(
      /\s+(?:cấp\s+)?(?:xã|phường|huyện|tỉnh|quận|thị trấn|thị xã|thành phố|đặc khu)(?:\s+\p{Lu}[\p{L}-]*)*\s*$/u,
      "",
    );
  let keys = items(stripped).map((i) => i.key);
  const drop = (seq: string[]) => {
    for (let i = 0; i + seq.length <= keys.length; i++) {
      if (seq.every((s, j) => keys[i + j] === s)) {
        keys = [...keys.slice(0, i), ...keys.slice(i + seq.length)];
        i--;
      }
    }
  };
  drop(["viet", "nam"]);
  for (const p of places) {
    const seq = items(p).map((i) => i.key);
    if (seq.length && keys.length > seq.length && seq.every((s, j) => keys[keys.length - seq.length + j] === s))
      keys = keys.slice(0, keys.length - seq.length);
  }
  for (const level of LEVEL_WORDS) {
    const seq = level.split(" ");
    if (keys.length > seq.length + 1 && seq.every((s, j) => keys[keys.length - seq.length + j] === s))
      keys = keys.slice(0, keys.length - seq.length);
  }
  return keys;
}

const HEAD_CODES: [string, string][] = [
  ["uy ban nhan dan", "UBND"],
  ["van phong", "VP"],
  ["trung tam", "TT"],
  ["phong", "PHONG"],
  ["uy ban", "UB"],
  ["ban chi huy", "BCH"],
  ["hoi", "HOI"],
  ["bao", "BAO"],
  ["dai", "DAI"],
];

/**
 * A code for a unit the bot does not have: its name without the place, in capitals
 * ("Công an xã" → "CONG_AN_XA"); a long name is its head and initials ("Trung tâm Văn hóa, Điện ảnh và
 * Triển lãm tỉnh" → "TT_VHDATL_TINH").
 */
export function codeFor(name: string, places: readonly string[] = []): string {
  let stripped = name
    .normalize("NFC")
    .replace(
      /\s+(?:xã|phường|huyện|tỉnh|quận|thị trấn|thị xã|thành phố)((?:\s+\p{Lu}[\p{L}-]*)+)\s*$/u,
      (m, place: string) => m.slice(0, m.length - place.length),
    );
  for (const p of places)
    if (stripped.endsWith(` ${p}`) && stripped.length > p.length + 4) stripped = stripped.slice(0, -p.length - 1);
  const keys = items(stripped).map((i) => i.key);
  const full = normaliseCode(keys.join(" ")).replace(/[^A-Z0-9_]/g, "");
  if (full.length <= 24 && CODE_PATTERN.test(full)) return full;
  const head = HEAD_CODES.find(([k]) => k.split(" ").every((w, j) => keys[j] === w));
  const rest = keys.slice(head ? head[0].split(" ").length : 0).filter((k) => k !== "va" && k !== "cua");
  const level = rest.length > 1 && LEVEL_WORDS.includes(rest[rest.length - 1]) ? rest.pop()! : undefined;
  const initials = rest
    .map((k) => k[0])
    .join("")
    .toUpperCase();
  const code = [head?.[1] ?? "", initials, level ? normaliseCode(level) : ""].filter(Boolean).join("_").slice(0, 30);
  return CODE_PATTERN.test(code) ? code : `DV_${code}`.slice(0, 30);
}

/** Names whose core says nothing on its own ("UBND xã Thạch Bình" → "uy ban nhan dan"): matched by the full name. */
const GENERIC_CORES = new Set(["uy ban nhan dan", "thon", "ban", "to dan pho", "khu pho", "xom", "doi"]);

interface PreparedUnit {
  unit: KnownUnit;
  full: string[];
  core: string[];
}

export interface UnitMatcher {
  /**
   * The units and groups a phrase names (a heading, a table cell, a sentence's subject), each with
   * its targets. `"*"` as a target means "every unit the plan gives work to" ("các đơn vị").
   * @example matcher.resolve("UBND các xã, thị trấn", source) // [{ text: "UBND các xã, thị trấn", targets: ["xa"], … }]
   */
  resolve(phrase: string, source: string): UnitMention[];
  /** The known unit with this code. */
  unit(code: string): KnownUnit | undefined;
  /** The units a target list reaches (codes and tags), among the bot's units and `extra` (proposed ones). */
  reach(targets: readonly string[], extra?: readonly KnownUnit[]): KnownUnit[];
}

/** True when the words starting at `i` spell `phrase` (a key with spaces). */
function startsWithAt(list: readonly Item[], i: number, phrase: string): boolean {
  const parts = phrase.split(" ");
  return parts.every((p, j) => list[i + j] !== undefined && sameWord(list[i + j].key, p));
}

/** Words that look like a head noun but start something else ("tổ chức", "báo cáo", "đối tượng"). */
const NOT_HEADS = [
  "to chuc",
  "bao cao",
  "bao dam",
  "bao gom",
  "doi tuong",
  "doi moi",
  "doi voi",
  "dai bieu",
  "dai hoi",
  "dai dien",
  "hoi nghi",
  "hoi thao",
  "hoi vien",
  "so lieu",
  "so luong",
  "so hoa",
  "ban hanh",
  "cac noi dung",
  "cac hoat dong",
  "cac van ban",
  "cac hinh thuc",
  "cac quy dinh",
  "cac thu tuc",
  "cac giai phap",
  "cac nhiem vu",
  "doan vien",
  "truong hop",
  "truong hoc",
  "thon tin",
  "to roi",
  "dai truyen thanh",
];

/** A unit's name starts here: a head noun written exactly ("Tổ", "Ban"; OCR-tolerant only for longer ones), not "tổ chức". */
function headAt(list: readonly Item[], i: number): boolean {
  if (NOT_HEADS.some((n) => startsWithAt(list, i, n))) return false;
  // "Báo cáo" garbled by OCR ("B4o céo") is no newspaper.
  if (list[i]?.key === "bao" && /^c[a-z]{1,2}o$/.test(list[i + 1]?.key ?? "")) return false;
  return HEAD_NOUNS.some((h) => {
    const parts = h.split(" ");
    return parts.every(
      (p, j) => list[i + j] !== undefined && (p.length <= 4 ? list[i + j].key === p : sameWord(list[i + j].key, p)),
    );
  });
}

/** Role words before a group ("Trưởng các thôn", "Chủ tịch UBND các xã", "Thủ trưởng các cơ quan"). */
const ROLE_WORDS = [
  "truong",
  "thu truong",
  "chu tich",
  "lanh dao",
  "giam doc",
  "to",
  "uy ban nhan dan",
  "ban",
  "hoi dong",
  "to cong nghe so cong dong",
  "to truong",
];

/**
 * Builds a matcher over the bot's units. `places` are the plan's place names (stripped from the
 * ends of names before comparing).
 * @example createUnitMatcher(units, ["Thạch Thành"], restorer).resolve("Phòng Văn hóa và Thông tin", s)[0].targets // ["PHONG_VHTT"]
 */
export function createUnitMatcher(
  known: readonly KnownUnit[],
  places: readonly string[],
  restorer: Restorer | null,
): UnitMatcher {
  const prepared: PreparedUnit[] = known.map((unit) => {
    const full = items(unit.name).map((i) => i.key);
    const core = coreKey(unit.name, places);
    return { unit, full, core: core.length && !GENERIC_CORES.has(core.join(" ")) ? core : full };
  });
  const byCode = new Map(known.map((u) => [u.code, u]));
  const proposedUnits = new Map<string, KnownUnit>();
  const allTags = new Set(known.flatMap((u) => u.tags));

  /** Members of a category among the bot's units. */
  const membersOf = (c: UnitCategory) =>
    prepared
      .filter(
        (p) =>
          p.unit.tags.includes(c.tag) || c.namePrefixes.some((prefix) => `${p.full.join(" ")} `.startsWith(prefix)),
      )
      .map((p) => p.unit);

  /** The fewest tags (then codes) that reach exactly these units. */
  const cover = (units: KnownUnit[]): string[] => {
    const want = new Set(units.map((u) => u.code));
    const left = new Set(want);
    const out: string[] = [];
    const candidates = [...allTags]
      .map((tag) => ({ tag, members: known.filter((u) => u.tags.includes(tag)).map((u) => u.code) }))
      .filter((c) => c.members.length > 0 && c.members.every((code) => want.has(code)));
    while (left.size) {
      const best = candidates
        .map((c) => ({ ...c, gain: c.members.filter((code) => left.has(code)).length }))
        .sort((a, b) => b.gain - a.gain || b.members.length - a.members.length || a.tag.localeCompare(b.tag))[0];
      if (!best || best.gain < 2) break;
      out.push(best.tag);
      for (const code of best.members) left.delete(code);
    }
    return [...out, ...[...left].sort()];
  };

  // Names indexed by their first word: a phrase is compared only with names starting like its words.
  const byFirst = new Map<string, { unit: KnownUnit; target: string[] }[]>();
  for (const p of prepared) {
    for (const target of p.core === p.full ? [p.full] : [p.full, p.core]) {
      const list = byFirst.get(target[0]) ?? [];
      list.push({ unit: p.unit, target });
      byFirst.set(target[0], list);
    }
  }
  const firstKeys = [...byFirst.keys()];
  const candidatesFor = (key: string) =>
    firstKeys.filter((k) => k === key || sameWord(k, key) || similarity(k, key) >= 0.6).flatMap((k) => byFirst.get(k)!);
  const resolved = new Map<string, UnitMention[]>();

  /** Named units of the bot found in the phrase, longest first, not overlapping. */
  const findNamed = (list: Item[]): { unit: KnownUnit; from: number; to: number }[] => {
    const hits: { unit: KnownUnit; from: number; to: number; score: number }[] = [];
    for (let i = 0; i < list.length; i++) {
      for (const { unit, target } of candidatesFor(list[i].key)) {
        const n = target.length;
        for (const len of [n, n + 1, n - 1]) {
          if (len < 1 || i + len > list.length) continue;
          const window = list
            .slice(i, i + len)
            .map((x) => x.key)
            .join(" ");
          const score = similarity(window, target.join(" "));
          if (score >= (n <= 2 ? 1 : 0.86)) hits.push({ unit, from: i, to: i + len, score: score + len / 1000 });
        }
      }
    }
    hits.sort((a, b) => b.to - b.from - (a.to - a.from) || b.score - a.score);
    const chosen: typeof hits = [];
    for (const h of hits) if (!chosen.some((c) => c.from < h.to && h.from < c.to)) chosen.push(h);
    return chosen.sort((a, b) => a.from - b.from);
  };

  const categoriesIn = (list: Item[], from: number, to: number): { cats: UnitCategory[]; rest: string[] } => {
    const cats: UnitCategory[] = [];
    const rest: string[] = [];
    const entries = UNIT_CATEGORIES.flatMap((c) => c.words.map((w) => ({ c, w }))).sort(
      (a, b) => b.w.length - a.w.length,
    );
    const generic = [...GENERIC_WORDS].sort((a, b) => b.length - a.length);
    for (let i = from; i < to; ) {
      const hit = entries.find((e) => startsWithAt(list, i, e.w) && i + e.w.split(" ").length <= to);
      if (hit) {
        if (!cats.includes(hit.c)) cats.push(hit.c);
        i += hit.w.split(" ").length;
        continue;
      }
      const g = generic.find((w) => startsWithAt(list, i, w) && i + w.split(" ").length <= to);
      if (g) {
        rest.push(g);
        i += g.split(" ").length;
        continue;
      }
      rest.push(list[i].key);
      i++;
    }
    return { cats, rest };
  };

  const proposeUnit = (name: string): KnownUnit => {
    const key = codeFor(name, places);
    const existing = [...proposedUnits.values()].find((u) => u.name === name);
    if (existing) return existing;
    let code = CODE_PATTERN.test(key) ? key : `DV_${key}`.slice(0, 40);
    for (let n = 2; byCode.has(code) || [...proposedUnits.values()].some((u) => u.code === code); n++)
      code = `${key.slice(0, 36)}_${n}`;
    const head = items(name)
      .map((i) => i.key)
      .join(" ");
    const category = UNIT_CATEGORIES.find((c) => c.namePrefixes.some((p) => `${head} `.startsWith(p)));
    const unit: KnownUnit = {
      code,
      name,
      kind: category?.kind ?? "khac",
      tags: category && allTags.has(category.tag) ? [category.tag] : [],
    };
    proposedUnits.set(code, unit);
    return unit;
  };

  const show = (text: string) => (restorer ? restorer.restore(text) : text).replace(/\s+/g, " ").trim();

  return {
    unit: (code) => byCode.get(code) ?? proposedUnits.get(code),
    reach(targets, extra = []) {
      const all = [...known, ...extra];
      const out = new Map<string, KnownUnit>();
      for (const t of targets) for (const u of all) if (u.code === t || u.tags.includes(t)) out.set(u.code, u);
      return [...out.values()];
    },
    resolve(phrase, source) {
      const cached = resolved.get(phrase);
      if (cached) return cached.map((m) => ({ ...m, source }));
      const out = resolvePhrase(phrase, source);
      if (resolved.size < 5_000) resolved.set(phrase, out);
      return out;
    },
  };

  function resolvePhrase(phrase: string, source: string): UnitMention[] {
    {
      const text = phrase
        .normalize("NFC")
        .replace(/^[\s\-–+•*]+/, "")
        .replace(/^(?:(?:đề nghị|đề nghi|de nghi|pé nghi|giao|đối với|trách nhiệm của|riêng)\s+)+/iu, "")
        .replace(/[\s:;.,]+$/, "");
      const list = items(text);
      if (!list.length) return [];
      const named = findNamed(list);
      const mentions: UnitMention[] = [];
      // The stretches between named units, split into list items where a new unit starts.
      const gaps: [number, number][] = [];
      let at = 0;
      for (const n of named) {
        if (n.from > at) gaps.push([at, n.from]);
        at = n.to;
      }
      if (at < list.length) gaps.push([at, list.length]);
      const pieces: { from: number; to: number; named?: KnownUnit }[] = [
        ...named.map((n) => ({ from: n.from, to: n.to, named: n.unit })),
      ];
      for (const [from, to] of gaps) {
        // Split a gap at separators ("," "và" ";") when what follows starts a new unit or group.
        let segStart = from;
        for (let i = from + 1; i < to; i++) {
          const sepBefore = text.slice(list[i - 1].end, list[i].start);
          const isAnd = list[i].key === "va" || list[i].key === "cung";
          if (!/[,;]/.test(sepBefore) && !isAnd) continue;
          const next = isAnd ? i + 1 : i;
          if (next >= to) continue;
          const startsUnit = headAt(list, next) || (list[next].key === "cac" && list[segStart]?.key !== "cac");
          const inGroup = list.slice(segStart, i).some((x) => x.key === "cac" || x.key === "nhung");
          // In a group, a bare category word continues it ("các phòng, ban"); a longer name starts a unit ("…, Trung tâm Phục vụ hành chính công").
          let nextEnd = next;
          while (
            nextEnd + 1 < to &&
            !/[,;]/.test(text.slice(list[nextEnd].end, list[nextEnd + 1].start)) &&
            list[nextEnd + 1].key !== "va"
          )
            nextEnd++;
          const categoryWord = UNIT_CATEGORIES.flatMap((c) => c.words)
            .filter((w) => startsWithAt(list, next, w))
            .sort((a, b) => b.length - a.length)[0];
          const continuesGroup =
            inGroup &&
            categoryWord !== undefined &&
            nextEnd - next + 1 <= categoryWord.split(" ").length + 1 &&
            !startsWithAt(list, next, "cac");
          // "Văn phòng HĐND và UBND xã" is one office.
          const councilPair =
            isAnd && startsWithAt(list, segStart, "van phong") && startsWithAt(list, next, "uy ban nhan dan");
          if (startsUnit && !continuesGroup && !councilPair) {
            pieces.push({ from: segStart, to: i });
            segStart = next;
            i = next;
          }
        }
        pieces.push({ from: segStart, to });
      }
      pieces.sort((a, b) => a.from - b.from);
      for (const piece of pieces) {
        const slice = list
          .slice(piece.from, piece.to)
          .filter(
            (x, k, arr) =>
              !(k === 0 && (x.key === "va" || x.key === "cung")) && !(k === arr.length - 1 && x.key === "va"),
          );
        if (!slice.length) continue;
        const raw = text.slice(slice[0].start, slice[slice.length - 1].end);
        if (piece.named) {
          mentions.push({ text: piece.named.name, source, targets: [piece.named.code], unmatched: false });
          continue;
        }
        const keys = slice.map((x) => x.key);
        // A group starts with "các" (or a role or head noun before it: "Trưởng các thôn", "UBND các xã").
        const cacAt = keys.findIndex((k) => k === "cac" || k === "nhung" || k === "toan");
        const group =
          cacAt === 0 ||
          (cacAt > 0 &&
            (headAt(slice, 0) || ROLE_WORDS.some((r) => startsWithAt(slice, 0, r))) &&
            !NOT_HEADS.some((n) => startsWithAt(slice, cacAt, n)));
        if (cacAt === 0 && NOT_HEADS.some((n) => startsWithAt(slice, 0, n))) continue;
        if (group) {
          const from =
            piece.from +
            Math.max(0, list.slice(piece.from, piece.to).findIndex((x) => x.key === "cac" || x.key === "nhung") + 1);
          const { cats, rest } = categoriesIn(list, from, piece.to);
          const meaningful = rest.filter(
            (r) =>
              !GENERIC_WORDS.includes(r) &&
              ![
                "khoi",
                "cap",
                "tren",
                "dia",
                "ban",
                "huyen",
                "xa",
                "tinh",
                "truc",
                "thuoc",
                "lien",
                "quan",
                "co",
                "so",
                "cua",
              ].includes(r),
          );
          if (!cats.length && !meaningful.length) {
            mentions.push({ text: show(raw), source, targets: ["*"], unmatched: false });
            continue;
          }
          const members = [...new Map(cats.flatMap(membersOf).map((u) => [u.code, u])).values()];
          if (!cats.length || !members.length) {
            mentions.push({ text: show(raw), source, targets: [], unmatched: true });
            continue;
          }
          const words = cats.length === 1 ? [cats[0].label] : cats.map((c) => c.label.split(",")[0].trim());
          const label = words
            .map((w, k) => (k === 0 ? w : w.charAt(0).toLocaleLowerCase("vi") + w.slice(1)))
            .join(", ");
          mentions.push({ text: show(raw), source, targets: cover(members), unmatched: false, label });
          continue;
        }
        const name = show(raw);
        if (!/\p{L}{2}/u.test(name) || keys.length < 2 || keys.length > 14) continue;
        if (!headAt(slice, 0)) continue;
        const unit = proposeUnit(name);
        mentions.push({ text: name, source, targets: [unit.code], proposed: unit, unmatched: true });
      }
      return mentions;
    }
  }
}

/** Words of a phrase, for callers that need positions (re-exported for the tasks stage). */
export type { Word };
