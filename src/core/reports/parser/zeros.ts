/**
 * Stated zeros: "chưa treo pa nô nào", "không có phóng sự nào", "Hội nghị: không tổ chức",
 * "tap huan khong to chuc", "xe loa: ko co luot nao", "không phát thanh buổi nào" → 0.
 * A zero counts only when nothing else is said for the indicator (stage 5); a figure nobody gave
 * stays absent, and "chưa" without "nào" ("chưa treo được pa nô", "Áp phích: chưa có") says
 * "not yet", not zero — except after a name and a colon with a doing verb ("Hội nghị: chưa tổ chức"). ("phóng sự: 0" needs nothing here: 0 is read as any number.)
 * Runs after the mentions are found (stage 3), on tokens.
 */

import type { FigureRoles } from "./combine.js";
import type { CompiledIndicators } from "./indicators.js";
import type { Mention } from "./mentions.js";
import type { NonValues } from "./non-values.js";
import { tokenKey as key, type Tok, type Tokenised } from "./tokens.js";
import { PLACE_WORDS } from "./vocabulary.js";

/** Negations: "không", "ko", "k", "chẳng" say none; "chưa" (not yet) only with "nào". */
const NOT = new Set(["khong", "ko", "k", "chang"]);
const NOT_YET = "chua";
/** Words between a negation and what is not done ("không tổ chức", "chưa có", "ko co luot"). */
const VERBS = new Set(
  (
    "co to chuc treo phat hanh dang dung thuc hien lam xay dung in dan trien khai duoc mo dieu huy dong " +
    "san xuat song len sinh bai luot buoi cuoc cai chiec tam to tin lan nao them ai moi viet gi chay su van hop"
  ).split(" "),
);
/** Doing verbs after "chưa" that say none was done in the period ("Hội nghị: chưa tổ chức"). */
const DONE = new Set(["to chuc", "thuc hien", "trien khai", "phat song", "phat hanh", "xay dung", "san xuat"]);
/** One-word doing verbs after "chưa" that say none was done ("chưa phát tờ rơi", "tờ rơi chưa phát"); not "có", "được". */
const DONE_ONE = new Set(["phat", "treo", "dang", "dung", "lam", "in", "dan", "viet", "to", "thuc", "trien", "chay"]);
/** Verbs of coming to the place ("chưa có xe loa về/xuống/đến thôn"), and the places come to. */
const COME = new Set(["ve", "xuong", "den", "toi", "vao"]);
const COME_PLACES = new Set([...PLACE_WORDS, "ban", "buon", "ap", "to", "dia", "day", "cac", "tung"]);
/** Joiners between two things not done ("hội nghị, tập huấn nào"). */
const JOIN = new Set([",", "/", "va", "hoac", "-", "&"]);
/**
 * Words after a "not done" that still close the statement ("… trong quý", "… do hỏng loa", "… về xã", "(lồng ghép …)",
 * where: "… trên trang thông tin điện tử", "… ở thôn").
 */
const TAIL = new Set(["trong", "do", "vi", "nen", "(", "a", "nhe", "ah", "ha", "ve", "moi", "tren", "o", "tai"]);

/** Period words whose number may stand between a name and its negation ("tháng 5", "quý 2"). */
const PERIODS = new Set(["thang", "quy", "tuan", "nam"]);
/** Spans that "này" makes this period's ("đợt này", "kỳ này"), with the marked ones. */
const SPANS = new Set([...PERIODS, "ky", "dot", "dip"]);

/** Where this period's words from x end ("tháng này", "đợt này", "trong quý"); x itself when none stand there. */
function thisPeriodEnd(toks: readonly Tok[], nv: NonValues, x: number): number {
  for (;;) {
    if (toks[x]?.type === "w" && nv.transparent[x]) x++;
    else if (SPANS.has(key(toks[x])) && key(toks[x + 1]) === "nay") x += 2;
    else return x;
  }
}

const isEnd = (t: Tok | undefined): boolean =>
  !t || t.type === "nl" || t.k === ";" || t.k === "." || t.k === "!" || t.k === "?";

/**
 * Finds the indicators stated as not done.
 * @example findStatedZeros(tk, nv, mentions).zeros // [{ code: "pano", at: 2 }] for "chưa treo pa nô nào"
 */
export function findStatedZeros(
  tk: Tokenised,
  nv: NonValues,
  mentions: readonly Mention[],
  compiled?: CompiledIndicators,
): Pick<FigureRoles, "zeros" | "owners"> {
  const { toks } = tk;
  const meetings = compiled ? meetingsCode(compiled) : undefined;
  const zeros: { code: string; at: number }[] = [];
  const owners = new Map<number, string>();
  const mentionAt = new Map(mentions.map((m) => [m.start, m]));
  const isNumber = (i: number): boolean => toks[i]?.type === "n" && !nv.blocked[i];

  for (let i = 0; i < toks.length; i++) {
    const k = key(toks[i]);
    // "pano 0 bang ron 0 hop 0", "Họp: 0": the bare verb the meetings' names start with, given 0 (the figure is theirs)
    const z = k === "hop" && meetings ? zeroAfter(toks, nv, mentionAt, i) : -1;
    if (z >= 0) {
      owners.set(z, meetings!);
      continue;
    }
    const notYet = k === NOT_YET;
    // "chuyên mục tháng này nghỉ": off for the period, written with its marks (never "hội nghị")
    // (typed without marks, "chuyen muc thang nay nghi a", only right after a name: see `offUnmarked`)
    const off =
      k === "nghi" && (toks[i]!.o.toLowerCase() === "nghỉ" || (!tk.accented && offUnmarked(mentions, toks, i, nv)));
    if (!(NOT.has(k) || notYet || off) || toks[i]!.type !== "w") continue;
    // "1 k tờ rơi" is a thousand, not "không"
    if (k === "k" && toks[i - 1]?.type === "n") continue;
    // (a) "không có phóng sự nào", "chưa treo pa nô nào", "không tổ chức hội nghị, tập huấn nào"
    const named: Mention[] = [];
    let j = i + 1;
    let nao = false;
    for (let steps = 0; j < toks.length && steps < 14 && !isEnd(toks[j]); steps++) {
      const m = mentionAt.get(j);
      if (m) {
        // "lượt xe loa": a name right after another, with no joiner, qualifies it (the head comes first)
        const prev = named[named.length - 1];
        if (!prev || prev.end !== m.start) named.push(m);
        j = m.end;
        continue;
      }
      const t = toks[j]!;
      if (isNumber(j)) break;
      if (key(t) === "nao") {
        nao = true;
        break;
      }
      // "loa kéo … không dùng phát thanh": what a thing is used for, written with its marks, is no work left undone
      if (t.o.toLowerCase() === "dùng") break;
      // "không (có) phát sinh về pa nô, …": what nothing arose about
      if (named.length === 0 && key(t) === "ve" && key(toks[j - 1]) === "sinh" && mentionAt.has(j + 1)) {
        j++;
        continue;
      }
      // "Không có: pano, băng rôn": a colon right after the verb opens the list of things not done
      const listColon = t.k === ":" && named.length === 0 && VERBS.has(key(toks[j - 1]));
      if (VERBS.has(key(t)) || JOIN.has(key(t)) || listColon || (named.length === 0 && nv.transparent[j])) {
        j++;
        continue;
      }
      // "chưa tổ chức hội nghị tuyên truyền nào": a few words qualifying the name, then "nào"
      if (named.length > 0 && naoAfterQualifier(toks, mentionAt, j)) {
        nao = true;
        break;
      }
      break;
    }
    // "chưa có xe lưu động về (xã)": the thing has not come, so none was done ("về ATGT" is what it is about)
    const notCome =
      notYet &&
      key(toks[i + 1]) === "co" &&
      named.length > 0 &&
      named[named.length - 1]!.end === j &&
      COME.has(key(toks[j])) &&
      (COME_PLACES.has(key(toks[j + 1])) || closes(toks, nv, j + 1));
    // "không tổ chức hội nghị riêng, …", "… buổi truyền thông tập trung do …": a word or two qualifying
    // the last name before the statement closes
    if (named.length > 0 && !nao && named[named.length - 1]!.end === j) j = qualifierEnd(toks, nv, mentionAt, j);
    // "không phát tờ rơi, 2 lượt xe loa", "ko phóng sự, chuyên mục 1": the statement ends at the last
    // joiner before a number; the names after it are the number's
    if (named.length > 0 && !nao && isNumber(j)) {
      let cut = j - 1;
      while (cut > i && !JOIN.has(key(toks[cut]))) cut--;
      if (cut > i) {
        while (named.length > 0 && named[named.length - 1]!.start > cut) named.pop();
        j = cut;
      }
    } else if (named.length > 0 && !nao && !closes(toks, nv, j)) {
      // "ko chạy xe loa, chỉ phát thanh 5 lượt": the statement ends at the comma before the next clause
      let cut = j - 1;
      while (cut > i && toks[cut]!.k !== ",") cut--;
      if (cut > i) {
        while (named.length > 0 && named[named.length - 1]!.start > cut) named.pop();
        j = cut;
      }
    }
    // "chưa phát tờ rơi," says none; "chưa treo được pa nô" / "chưa có" only "not yet"
    // "chưa họp dân (được)": a meeting not yet held in the period is none held (a thing may still be standing)
    const notYetMet = notYet && key(toks[i + 1]) === "hop" && named.every((m) => m.code === meetings);
    const notYetDoing = notYetMet || (notYet && DONE_ONE.has(key(toks[i + 1])) && !saysCan(toks, i + 1, j));
    if (named.length > 0 && (nao || ((!notYet || notYetDoing || notCome) && closes(toks, nv, j)))) {
      for (const m of named) zeros.push({ code: m.code, at: m.start });
      continue;
    }
    // (c) "còn pa nô và băng rôn thì quý này không làm cái nào", "xe loa của Trung tâm chưa về lượt nào":
    // the names earlier in the clause, none with a figure after it, and "nào" after the negation
    if (named.length === 0 && naoWithin(toks, nv, mentionAt, i + 1)) {
      const earlier = namesBefore(toks, nv, mentions, i);
      if (earlier.length > 0) {
        for (const m of earlier) zeros.push({ code: m.code, at: m.start });
        continue;
      }
      // "chưa phát được lượt nào": no name, but the verb and the measure say whose ("phát" … "lượt": broadcasts)
      const code = compiled ? verbMeasureCode(toks, i + 1, compiled, mentions) : undefined;
      if (code) {
        zeros.push({ code, at: i });
        continue;
      }
    }
    // (d) "không họp", "ko hop vi trung lich", "không tổ chức họp lần nào": the bare verb the meetings'
    // names start with ("họp dân", "họp thôn"), closing its statement, says no meeting was held
    if (named.length === 0 && meetings && !off) {
      let h = i + 1;
      while (h < i + 3 && (key(toks[h]) === "to" || key(toks[h]) === "chuc" || key(toks[h]) === "co")) h++;
      // "không có cuộc họp nào (cả)": a sitting before the verb, said of none ("nào" must follow)
      const sitting = SITTING_WORDS.has(key(toks[h])) && key(toks[h + 1]) === "hop" && key(toks[h + 2]) === "nao";
      if (sitting) h++;
      // "không tổ chức truyền thông nhóm", "ko to chuc sinh hoat chuyen de": a gathering the plan does not name,
      // held ("tổ chức"), then a word or two qualifying it
      const held = h === i + 3 && key(toks[i + 1]) === "to" && key(toks[i + 2]) === "chuc";
      if (
        held &&
        GATHERING_KINDS.has(`${key(toks[h])} ${key(toks[h + 1])}`) &&
        !mentionAt.has(h) &&
        !mentionAt.has(h + 1)
      ) {
        const x = qualifierEnd(toks, nv, mentionAt, h + 2);
        if (closes(toks, nv, x) && !throughMedium(toks, h + 2, x + 1)) {
          zeros.push({ code: meetings, at: h });
          continue;
        }
      }
      if (key(toks[h]) === "hop" && !mentionAt.has(h) && !mentionEndingAt(mentions, toks, i, nv)) {
        let x = h + 1;
        // "không họp được vì mưa": could not meet, none held
        if (key(toks[x]) === "duoc") x++;
        while (x < toks.length && (key(toks[x]) === "lan" || key(toks[x]) === "buoi" || key(toks[x]) === "cuoc")) x++;
        // ("chưa họp" may be still to come; "chưa họp được cuộc nào" says none was held)
        const none = key(toks[x]) === "nao";
        if (none) x++;
        if (none && key(toks[x]) === "ca") x++;
        if ((!notYet || (none && (x > h + 2 || sitting))) && closes(toks, nv, x)) {
          zeros.push({ code: meetings, at: h });
          continue;
        }
      }
    }
    // (b) "Hội nghị: không tổ chức", "tap huan khong to chuc", "xe loa: ko co luot nao"
    const named0 =
      mentionEndingAt(mentions, toks, i, nv) ??
      (meetings ? meetingLabelBefore(toks, nv, mentionAt, i, meetings) : undefined);
    // "loa hỏng chưa phát được", "loa chưa sửa được nên không phát": a broken device, so none went out
    const broken = named0 ? undefined : brokenBefore(toks, mentions, i);
    const before = named0 ?? broken;
    if (!before) continue;
    let x = i + 1;
    let naoAfter = false;
    while (
      x < toks.length &&
      !isEnd(toks[x]) &&
      toks[x]!.k !== "," &&
      (VERBS.has(key(toks[x])) || key(toks[x]) === "nao")
    ) {
      if (key(toks[x]) === "nao") naoAfter = true;
      x++;
    }
    // "Hội nghị: chưa tổ chức" says none was held; "Áp phích: chưa có" only that there is nothing yet to say;
    // "Phóng sự: chưa.", "chuyên mục – chưa" (the bare word closing the item) and "phóng sự thì chưa làm được"
    // (the name said first, then the generic "làm": nothing made) say none in the period; a verb of its own,
    // "tờ rơi chưa phát được", only that they are still to go out
    // ("họp dân chưa họp": the meetings not yet held, as "chưa họp dân" in (a))
    const notYetDone =
      notYet &&
      (DONE.has(`${key(toks[i + 1])} ${key(toks[i + 2])}`) ||
        (key(toks[i + 1]) === "hop" && before.code === meetings) ||
        x === i + 1 ||
        hasNoneAmongItems(toks, nv, mentionAt, i, x) ||
        // "áp phích chưa có đợt này": this period's words after it say none in the period
        (key(toks[i + 1]) === "co" && x === i + 2 && thisPeriodEnd(toks, nv, x) > x) ||
        (DONE_ONE.has(key(toks[i + 1])) && (!saysCan(toks, i + 1, x) || notYetMade(toks, i, x))));
    if ((naoAfter || !notYet || notYetDone || broken) && closes(toks, nv, x))
      for (const m of [...listedBefore(mentions, toks, before), before]) zeros.push({ code: m.code, at: m.start });
  }
  return { zeros, owners };
}

/**
 * "phát được lượt nào" from token j: a doing verb, "được" maybe, then a measure and "nào" — the indicator that
 * owns the measure, or the one owner sharing it whose names start with the verb ("phát" of "phát thanh").
 */
function verbMeasureCode(
  toks: readonly Tok[],
  j: number,
  compiled: CompiledIndicators,
  mentions: readonly Mention[],
): string | undefined {
  const verb = key(toks[j]);
  if (!DONE_ONE.has(verb)) return undefined;
  let m = key(toks[j + 1]) === "duoc" ? j + 2 : j + 1;
  // "chưa treo thêm cái nào": none more
  if (key(toks[m]) === "them") m++;
  if (key(toks[m + 1]) !== "nao") return undefined;
  const unit = key(toks[m]);
  const shared = compiled.shared.get(unit);
  const owners = shared?.filter((o) => o.firstWords.has(verb));
  const own = compiled.measures.get(unit) ?? (owners?.length === 1 ? owners[0]!.code : undefined);
  if (own || !shared) return own;
  // "Cả năm thôn treo 9 băng rôn. Quý IV chưa treo thêm cái nào": the thing the same verb was said of just before
  const said = namedAfterVerbBefore(toks, mentions, j, verb);
  return said && shared.some((o) => o.code === said) ? said : undefined;
}

/** The indicator named right after the verb (a figure may come between) the last time it was said before token j, in 30 tokens. */
function namedAfterVerbBefore(
  toks: readonly Tok[],
  mentions: readonly Mention[],
  j: number,
  verb: string,
): string | undefined {
  for (let x = j - 1; x >= 0 && x >= j - 30; x--) {
    if (key(toks[x]) !== verb) continue;
    const m = mentions.find((n) => n.start > x && n.start <= x + 3 && n.start < j);
    return m?.code;
  }
  return undefined;
}

/**
 * Gatherings held for people that no meeting's name holds without its sitting word ("buổi truyền thông"), said
 * after "tổ chức" (the writers' convention: their sittings are meetings). Not "tuyên truyền": all the work is.
 */
const GATHERING_KINDS: ReadonlySet<string> = new Set([
  "truyen thong",
  "sinh hoat",
  "tu van",
  "giao luu",
  "noi chuyen",
  "ngoai khoa",
  "boi duong",
  "gap mat",
]);

/**
 * "Họp: không", "- Tổ chức họp: chưa": the bare verb the meetings' names start with, as the label of an item
 * opening its line or clause, right before the negation at i; the meetings named there.
 */
function meetingLabelBefore(
  toks: readonly Tok[],
  nv: NonValues,
  mentionAt: ReadonlyMap<number, Mention>,
  i: number,
  code: string,
): Mention | undefined {
  if (!ITEM_SEPARATORS.has(toks[i - 1]?.k ?? "")) return undefined;
  const h = i - 2;
  if (key(toks[h]) !== "hop" || mentionAt.has(h)) return undefined;
  const from = key(toks[h - 1]) === "chuc" && key(toks[h - 2]) === "to" ? h - 2 : h;
  const p = toks[from - 1];
  const opens =
    !p ||
    isEnd(p) ||
    p.k === "," ||
    p.k === "]" ||
    p.k === "-" ||
    p.k === "+" ||
    p.k === "*" ||
    (p.type === "n" && nv.blocked[from - 1]);
  // (a list's own number before it, "3. Họp: không", is marked and no figure; "[10:02] họp: chưa" a chat line's time)
  return opens ? { start: h, end: h + 1, code } : undefined;
}

/** Where the 0 given to a bare word at i (no name) starts: "hop 0", "Họp: 0", closing its item; else -1. */
function zeroAfter(toks: readonly Tok[], nv: NonValues, mentionAt: ReadonlyMap<number, Mention>, i: number): number {
  if (toks[i]!.type !== "w" || mentionAt.has(i) || nv.blocked[i]) return -1;
  const z = toks[i + 1]?.k === ":" ? i + 2 : i + 1;
  const t = toks[z];
  if (t?.type !== "n" || nv.blocked[z] || !/^0+$/.test(t.k)) return -1;
  const n = toks[z + 1];
  return isEnd(n) || n!.k === "," || mentionAt.has(z + 1) || SITTING_WORDS.has(key(n)) ? z : -1;
}

/** Words saying a work goes through a medium, not a gathering ("truyền thông trên loa", "qua mạng", "lưu động"). */
const MEDIUM = new Set(["tren", "qua", "luu", "mang", "loa", "dai", "online"]);
const throughMedium = (toks: readonly Tok[], a: number, b: number): boolean => {
  for (let x = a; x < b && x < a + 3; x++) if (MEDIUM.has(key(toks[x]))) return true;
  return false;
};

/** Sittings said before the verb of meeting ("cuộc họp", "buổi họp", "lần họp"). */
const SITTING_WORDS: ReadonlySet<string> = new Set(["cuoc", "buoi", "lan"]);

/** The one indicator whose names of two words or more start with "họp" ("họp dân", "họp thôn"), if one. */
function meetingsCode(compiled: CompiledIndicators): string | undefined {
  let code: string | undefined;
  for (const s of compiled.list) {
    if (s.words < 2 || !s.compact.startsWith("hop")) continue;
    if (code !== undefined && code !== s.code) return undefined;
    code = s.code;
  }
  return code;
}

/** Marks between an item's name and what is said of it ("Hội nghị: …", "chuyên mục – …", "Hội nghị | …"). */
const ITEM_SEPARATORS = new Set([":", "-", "|"]);
/** Words saying a device is broken or not yet repaired, between its name and a negation ("hỏng", "chưa sửa được nên"). */
const BROKEN_WORDS: ReadonlySet<string> = new Set([
  "hong",
  "hu",
  "bi",
  "chua",
  "sua",
  "duoc",
  "dc",
  "nen",
  "vi",
  "van",
]);

/** The name right before a broken device's words that end at the negation i ("loa hỏng chưa phát"), else undefined. */
function brokenBefore(toks: readonly Tok[], mentions: readonly Mention[], i: number): Mention | undefined {
  let broken = false;
  for (let j = i; j > 0 && j >= i - 6; j--) {
    const m = mentions.find((x) => x.end === j);
    if (m) return broken && j < i ? m : undefined;
    const k = key(toks[j - 1]);
    if (toks[j - 1]!.type !== "w" || !BROKEN_WORDS.has(k)) return undefined;
    // ("hỏng" written so, or after "bị"/"hư"; plain "hong" may be chat for "không")
    if (
      (k === "hong" && (toks[j - 1]!.o.toLowerCase() === "hỏng" || key(toks[j - 2]) === "bi")) ||
      k === "hu" ||
      k === "sua"
    )
      broken = true;
  }
  return undefined;
}

/** "… ko làm nên e để trống": the officer leaves the item blank, no zero (the sentence after token i). */
function leftBlankAfter(toks: readonly Tok[], i: number): boolean {
  for (let x = i; x < toks.length && !isEnd(toks[x]); x++)
    if ((key(toks[x]) === "de" || key(toks[x]) === "bo") && key(toks[x + 1]) === "trong") return true;
  return false;
}
/** The unit as the subject of a negation ("xã k có", "hội không mở", "bên em không làm"). */
const UNIT_SUBJECTS = new Set(["xa", "phuong", "thon", "hoi", "doan", "truong", "ben", "em", "e", "minh", "cung"]);

/**
 * "phong su, chuyen muc: xa k co", "hội nghị thì quý này hội không mở": the unit said as the subject right before
 * the negation, and "thì", a colon or this period's words in any order back to the name — where the name should
 * end (i itself when no unit stands there).
 */
function pastUnitSaidBefore(toks: readonly Tok[], nv: NonValues, mentions: readonly Mention[], i: number): number {
  if (!UNIT_SUBJECTS.has(key(toks[i - 1])) || toks[i - 1]!.type !== "w") return i;
  let j = i;
  for (let steps = 0; steps < 8 && j > 0 && !mentions.some((x) => x.end === j); steps++) {
    const p = toks[j - 1]!;
    const k = key(p);
    const period = (nv.transparent[j - 1] && p.type === "w") || thisSpanBefore(toks, j);
    if (!(UNIT_SUBJECTS.has(k) || ITEM_SEPARATORS.has(p.k) || k === "thi" || k === "la" || period)) return i;
    j--;
  }
  return j;
}
/** The officer as the subject of a negation ("em không tổ chức", "e ko làm"). */
const SUBJECTS = new Set(["em", "e", "minh"]);

/** Words that start a clause of their own ("…, còn pa nô thì …", "nhưng"): names before them are another clause's. */
const CLAUSE_START = new Set(["con", "nhung", "rieng"]);
const MAX_BACK = 10;

/** "chưa làm được" closing at x: the generic verb, then "được", says nothing was made. */
const notYetMade = (toks: readonly Tok[], i: number, x: number): boolean =>
  key(toks[i + 1]) === "lam" && key(toks[i + 2]) === "duoc" && x === i + 3;

/**
 * "Phóng sự: chưa có. Chuyên mục: 2.", "xe loa: chua co⏎8. …", "tờ rơi chưa có ạ⏎[08:20] …": "chưa có" closing an
 * item that more of the message follows, in a list giving the period's figures item by item, says none (closing
 * the message it may be a figure still to come).
 */
function hasNoneAmongItems(
  toks: readonly Tok[],
  nv: NonValues,
  mentionAt: ReadonlyMap<number, Mention>,
  i: number,
  x: number,
): boolean {
  if (key(toks[i + 1]) !== "co" || x !== i + 2) return false;
  let e = x;
  while (e < x + 2 && POLITE.has(key(toks[e]))) e++;
  // "Tờ rơi: chưa có (đang chờ in)⏎…": why, in brackets with no figure, before the item closes
  if (toks[e]?.k === "(") {
    if (defersRightAfter(toks, e + 1)) return false;
    let c = e + 1;
    while (
      c < e + 12 &&
      c < toks.length &&
      toks[c]!.k !== ")" &&
      !isEnd(toks[c]) &&
      !(toks[c]!.type === "n" && !nv.blocked[c])
    )
      c++;
    if (toks[c]?.k !== ")") return false;
    e = c + 1;
  }
  // "chuyên mục chưa có ạ, phóng sự 1": a comma (or an item's "|"), then the next item's name
  if (toks[e]?.k === "," || toks[e]?.k === "|") return mentionAt.has(e + 1) || mentionAt.has(e + 2);
  if (!(toks[e]?.k === "." || toks[e]?.k === ";" || toks[e]?.type === "nl")) return false;
  // ("… chưa có⏎em báo bổ sung sau": a figure still to come)
  if (defersRightAfter(toks, e + 1)) return false;
  for (let y = e + 1; y < toks.length && y < e + 4; y++) if (!isEnd(toks[y])) return true;
  return false;
}

/** Words that put a figure off ("báo sau", "gửi sau", "bổ sung"). */
const LATER: ReadonlySet<string> = new Set(["bao sau", "gui sau", "bc sau", "bo sung", "de sau"]);

/** Whether the few words from token a, to their sentence's end, put a figure off ("em báo bổ sung sau ạ"). */
function defersRightAfter(toks: readonly Tok[], a: number): boolean {
  while (a < toks.length && isEnd(toks[a])) a++;
  for (let y = a; y < toks.length && y < a + 10 && !isEnd(toks[y]); y++)
    if (LATER.has(`${key(toks[y])} ${key(toks[y + 1])}`)) return true;
  return false;
}

/** Polite words an officer ends a line with ("ạ", "nhé"). */
const POLITE: ReadonlySet<string> = new Set(["a", "ah", "nhe", "nha", "ha"]);

/** Whether "được" or "có" stands between tokens a and b ("chưa treo được"): "not yet able", no zero. */
function saysCan(toks: readonly Tok[], a: number, b: number): boolean {
  for (let x = a; x < b; x++) if (key(toks[x]) === "duoc" || key(toks[x]) === "co") return true;
  return false;
}

/**
 * Words that never qualify a name not done: another period's, a contrast, a negation ("riêng" does: "hội
 * nghị riêng" is one of its own).
 */
const NOT_QUALIFIERS = new Set([...PERIODS, ...NOT, NOT_YET, "con", "nhung", "truoc", "ma", "chi", "nen"]);

/**
 * After a name ending at j, where its statement closes past one or two plain words qualifying it ("hội nghị
 * riêng", "buổi truyền thông tập trung do …"); j itself when none close it.
 */
function qualifierEnd(toks: readonly Tok[], nv: NonValues, mentionAt: ReadonlyMap<number, Mention>, j: number): number {
  for (let x = j; x < j + 2; x++) {
    const t = toks[x];
    if (t?.type !== "w" || mentionAt.has(x) || nv.transparent[x] || NOT_QUALIFIERS.has(t.kt)) return j;
    if (closes(toks, nv, x + 1)) return x + 1;
  }
  return j;
}

/**
 * "chuyen muc thang nay nghi a": "nghi" typed without marks is "nghỉ" (off) only right after a name, and
 * closing its statement — never the "nghị" of "hội nghị", which is a name itself.
 */
function offUnmarked(mentions: readonly Mention[], toks: readonly Tok[], i: number, nv: NonValues): boolean {
  if (mentions.some((m) => m.start <= i && i < m.end)) return false;
  return !!mentionEndingAt(mentions, toks, i, nv) && closes(toks, nv, i + 1);
}

/** Whether up to 3 plain words from j, no name nor number among them, end with "nào" ("pa nô cổ động nào"). */
function naoAfterQualifier(toks: readonly Tok[], mentionAt: ReadonlyMap<number, Mention>, j: number): boolean {
  for (let x = j; x < j + 4; x++) {
    const t = toks[x];
    if (t?.type !== "w" || mentionAt.has(x)) return false;
    if (t.kt === "nao") return x > j;
  }
  return false;
}

/** Whether "nào" follows the negation within a few words, with no number nor name between ("không làm cái nào"). */
function naoWithin(
  toks: readonly Tok[],
  nv: NonValues,
  mentionAt: ReadonlyMap<number, Mention>,
  from: number,
): boolean {
  for (let j = from; j < toks.length && j < from + 6 && !isEnd(toks[j]) && toks[j]!.k !== ","; j++) {
    if (mentionAt.has(j) || (toks[j]!.type === "n" && !nv.blocked[j])) return false;
    if (key(toks[j]) === "nao") return true;
  }
  return false;
}

/** The names before a negation in its clause that no figure follows (a head name, not a qualifier after it). */
function namesBefore(toks: readonly Tok[], nv: NonValues, mentions: readonly Mention[], i: number): Mention[] {
  const out: Mention[] = [];
  let j = i - 1;
  // (period words and labels, "từ tháng 11", "tháng này", take no step: they do not part the name from its verb)
  for (let steps = 0; j >= 0 && steps < MAX_BACK; steps += nv.blocked[j] ? 0 : 1) {
    const t = toks[j]!;
    // "pano: quý 3 treo 5 cái, quý 4 chưa treo thêm cái nào": past clauses of other periods, the line's heading
    if (t.k === "," && out.length === 0) return headingOfLine(toks, nv, mentions, j);
    if (isEnd(t) || t.k === "," || (t.type === "n" && !nv.blocked[j])) break;
    const m = mentions.find((x) => x.end === j + 1);
    if (m) {
      // "lượt xe loa": the earlier name is the head
      if (out.length && out[0]!.start === m.end) out.shift();
      out.unshift(m);
      j = m.start - 1;
      continue;
    }
    if (CLAUSE_START.has(key(t))) break;
    j--;
  }
  return out;
}

/**
 * The name heading the line before token `at` with a colon ("pano: …"), when every number between is another
 * period's (marked in the earlier stages); else none.
 */
function headingOfLine(toks: readonly Tok[], nv: NonValues, mentions: readonly Mention[], at: number): Mention[] {
  let start = at;
  while (start > 0 && toks[start - 1]!.type !== "nl") start--;
  const m = mentions.find((x) => x.start === start);
  if (!m || toks[m.end]?.k !== ":") return [];
  for (let x = m.end + 1; x < at; x++) if (isEnd(toks[x]) || (toks[x]!.type === "n" && !nv.blocked[x])) return [];
  return [m];
}

/** Whether a "not done" statement ends at token j: its clause ends there or goes on without a number. */
function closes(toks: readonly Tok[], nv: NonValues, j: number): boolean {
  // "… không xây dựng tháng này", "… đợt này": this period's words may close the statement
  j = thisPeriodEnd(toks, nv, j);
  const t = toks[j];
  // "(ko tổ chức họp)": the bracket closes what it holds; "ap phich: ko co | xe loa: 0" the item's separator too
  if (isEnd(t) || t!.k === "," || t!.k === ")" || t!.k === "|") return true;
  // "không tổ chức hội nghị, không có người tham dự": a comma, then the next statement
  if (toks[j - 1]?.k === "," && (NOT.has(key(t)) || key(t) === NOT_YET || CLAUSE_START.has(key(t)))) return true;
  // "không tổ chức hội nghị (ạ) nên người tham dự là 0": "nên" opens what follows from it, a statement of its own
  if (key(t) === "nen" || (key(t) === "a" && key(toks[j + 1]) === "nen")) return true;
  if (!TAIL.has(key(t))) return false;
  for (let x = j; x < toks.length && !isEnd(toks[x]) && toks[x]!.k !== ","; x++)
    if (toks[x]!.type === "n" && !nv.blocked[x]) return false;
  return true;
}

/**
 * "Tin bài trên trang thông tin điện tử: không có": a name opening its line or sentence, then a few
 * words that say where (no number, no other name), then the colon.
 */
function qualifiedHead(
  mentions: readonly Mention[],
  toks: readonly Tok[],
  colon: number,
  nv: NonValues,
): Mention | undefined {
  for (let j = colon - 1, steps = 0; j >= 0 && steps < 8; j--, steps++) {
    const t = toks[j]!;
    if (isEnd(t) || t.k === "," || (t.type === "n" && !nv.blocked[j])) return undefined;
    const m = mentions.find((x) => x.end === j + 1);
    if (m) {
      if (m.end === colon) return undefined;
      const p = toks[m.start - 1];
      return !p ||
        isEnd(p) ||
        p.k === "," ||
        // ("Phường Tân An báo cáo: tin bài trên trang … phường: không phát sinh": an item after the heading's colon)
        p.k === ":" ||
        p.k === "-" ||
        p.k === "+" ||
        p.k === "*" ||
        (p.type === "n" && nv.blocked[m.start - 1])
        ? m
        : undefined;
    }
  }
  return undefined;
}

/**
 * "phóng sự, chuyên mục: không có": the names listed right before the one the statement follows, joined
 * only by "," / "và", none with a number before it.
 */
function listedBefore(mentions: readonly Mention[], toks: readonly Tok[], m: Mention): Mention[] {
  const out: Mention[] = [];
  for (let at = m.start; JOIN.has(key(toks[at - 1])); ) {
    const prev = mentions.find((x) => x.end === at - 1);
    if (!prev || toks[prev.start - 1]?.type === "n") break;
    out.unshift(prev);
    at = prev.start;
  }
  return out;
}

/** Whether "này" of a span ("đợt này") ends right before token j, or the span's word stands there. */
const thisSpanBefore = (toks: readonly Tok[], j: number): boolean =>
  (key(toks[j - 1]) === "nay" && SPANS.has(key(toks[j - 2]))) ||
  (SPANS.has(key(toks[j - 1])) && key(toks[j]) === "nay");

/** Whether token i opens its line (a list's number, "4️⃣", "4."). */
const opensLine = (toks: readonly Tok[], i: number): boolean => i === 0 || toks[i - 1]!.type === "nl";

/** The mention right before a negation, with only ":" / "là" between ("Hội nghị: không …"), at the start of its clause. */
function mentionEndingAt(
  mentions: readonly Mention[],
  toks: readonly Tok[],
  i: number,
  nv: NonValues,
): Mention | undefined {
  let j = i;
  // "phóng sự cũng không", "pano thì cũng ko có": "also" before the negation
  if (key(toks[j - 1]) === "cung") j--;
  // "hội nghị tháng 12 em không tổ chức được": the officer named between the name and the negation
  if (SUBJECTS.has(key(toks[j - 1]))) j--;
  // "Pa nô thì chưa làm": "thì" between the name and the negation, like a colon; so are a dash and a
  // table's bar ("chuyên mục – chưa", "Hội nghị | không tổ chức")
  if (ITEM_SEPARATORS.has(toks[j - 1]?.k ?? "") || key(toks[j - 1]) === "la" || key(toks[j - 1]) === "thi") j--;
  // "hội nghị tháng này: không tổ chức": this period's words may stand between, and a numbered period
  // ("xe loa tháng 5 không về thôn")
  while (j > 0 && ((nv.transparent[j - 1] && toks[j - 1]!.type === "w") || thisSpanBefore(toks, j))) j--;
  if (j > 1 && toks[j - 1]!.type === "n" && nv.blocked[j - 1] && PERIODS.has(key(toks[j - 2]))) j -= 2;
  if (toks[j - 1]?.k === ":") j--;
  const pastUnit = mentions.some((x) => x.end === j) ? i : pastUnitSaidBefore(toks, nv, mentions, i);
  if (pastUnit !== i && leftBlankAfter(toks, i)) return undefined;
  if (pastUnit !== i) j = pastUnit;
  const m =
    mentions.find((x) => x.end === j) ?? (toks[j]?.k === ":" ? qualifiedHead(mentions, toks, j, nv) : undefined);
  if (!m) return undefined;
  // only fillers or a line start before the name: "Phóng sự: không", not "12 pa nô, phóng sự không rõ"
  // (a line's own number before it, "4️⃣ Xe loa: không có", "4. Xe loa: không", is marked and no figure)
  const p = toks[m.start - 1];
  if (p && p.type === "n" && !(nv.blocked[m.start - 1] && opensLine(toks, m.start - 1))) return undefined;
  return m;
}
