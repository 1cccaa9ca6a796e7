/**
 * Words that look like an indicator's name or measure and are not:
 * - reach figures: "2.300 lượt xem" is not "lượt xe" (mobile vehicles); "lượt thích", "lượt chia sẻ",
 *   "lượt tiếp cận", "người theo dõi": their number is quoted as unclear, never a value;
 * - places: "tổ dân phố" / "to dan pho" / "TDP" is not "tờ" (leaflets), and "Tổ dân phố (số) 5" is a
 *   place's label like "tổ 5"; "12 tổ" written with its marks counts groups, neither a figure nor unclear;
 * - names of organisations: "Đài Phát thanh và Truyền hình tỉnh" is not a radio broadcast;
 * - equipment: "sửa chữa 3 loa truyền thanh", "lắp mới 2 cụm loa" count loudspeakers, not broadcasts
 *   (the count and the words are neither figures nor names);
 * - members: "nhóm Zalo có 310 thành viên" is a reach figure like "người theo dõi";
 * - advertisements: "2 pa nô quảng cáo sai phép", "băng rôn quảng cáo … đã tháo 5 cái" are no propaganda items;
 * - briefings: "họp giao ban 4 cuộc", "hội nghị giao ban với 25 cán bộ", "họp chi bộ 1 buổi", "họp Ban Chỉ đạo
 *   1 cuộc" are the office's own meetings, not propaganda: neither their count nor their people are figures.
 * ("tin nhắn" is not "tin": see COMPOUND_STOP in vocabulary.ts.)
 * Runs after stage 2 (non-values), before the tables and the mentions.
 */

import { casesAt } from "./cases.js";
import { extremeAt } from "./extremes.js";
import type { CompiledIndicators } from "./indicators.js";
import type { NonValues, TokenMarks } from "./non-values.js";
import { createNumberReader } from "./numbers.js";
import { prizesAt } from "./prizes.js";
import { restatedAfterAll } from "./restated.js";
import { peopleApartAt, servedAt } from "./served-people.js";
import { attendVerbAt, tokenKey as key, type Tok, type Tokenised } from "./tokens.js";
import { PEOPLE_PHRASES, PEOPLE_SHORT } from "./vocabulary.js";
import { startingWith } from "./word-sequences.js";

/** Reach figures of a post or a page (search keys, Telex folded). */
const REACH: readonly string[][] = [
  ["luot", "xem"],
  ["luot", "thich"],
  ["luot", "like"],
  ["luot", "view"],
  ["luot", "tiep", "can"],
  ["luot", "chia", "se"],
  ["luot", "share"],
  ["luot", "truy", "cap"],
  ["luot", "tuong", "tac"],
  ["luot", "theo", "doi"],
  ["nguoi", "theo", "doi"],
  ["thanh", "vien"],
  ["view"],
  ["views"],
  ["like"],
  ["likes"],
  ["share"],
  ["shares"],
];
/** Reach said right after its figure with no "lượt" ("340 chia sẻ", "56 bình luận"); "chia sẻ lại" is posts shared. */
const PASSING_REACH: readonly string[][] = [["chia", "se"], ["binh", "luan"], ["comment"], ["comments"], ["cmt"]];
/** Second words of reach figures told only in passing ("lượt chia sẻ", "lượt tiếp cận", "lượt share"). */
const SILENT_REACH: ReadonlySet<string> = new Set(["chia", "share", "shares", "tiep", "thich", "truy"]);
/** The same reach said by its verb before the figure ("tiếp cận khoảng 18.000 lượt", "chia sẻ được 150 lượt"). */
const SILENT_REACH_VERBS: readonly string[][] = [
  ["tiep", "can"],
  ["chia", "se"],
];
/** Words between such a verb and its figure ("khoảng", "hơn", "được", "đạt"). */
const REACH_GLUE: ReadonlySet<string> = new Set([
  "khoang",
  "hon",
  "tren",
  "gan",
  "duoc",
  "dat",
  "la",
  "toi",
  "len",
  ":",
]);

/** "tiếp cận khoảng 18.000 lượt": after the verb (at i, of `len` words), the figure counted in "lượt" — [start, end]. */
function reachByVerb(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
  len: number,
): [number, number] | null {
  let j = i + len;
  while (REACH_GLUE.has(key(toks[j])) && j < i + len + 3) j++;
  if (toks[j]?.type !== "n" || nv.blocked[j]) return null;
  const num = numbers.read(j, false);
  return num && !num.bad && key(toks[num.end]) === "luot" ? [j, num.end + 1] : null;
}

/** Whether "tổng" (total) stands right before token i ("tổng 12.000 lượt xem", "tổng lượt xem 25.000"). */
function totalBefore(toks: readonly Tok[], i: number): boolean {
  const k1 = key(toks[i - 1]);
  // "tổng cộng 12.000 lượt xem"
  if (k1 === "cong" && key(toks[i - 2]) === "tong") return true;
  return k1 === "tong" || (k1 === "so" && key(toks[i - 2]) === "tong") || (k1 === "la" && key(toks[i - 2]) === "tong");
}

/**
 * Whether "nhiều nhất" / "cao nhất" (the most) stands shortly before token i ("bài nhiều nhất được 8.700
 * lượt xem"): the reach of one best post, told in passing.
 */
function bestBefore(toks: readonly Tok[], i: number): boolean {
  for (let x = i - 1; x >= 1 && x >= i - 4 && !isClauseEnd(toks[x]); x--)
    if (key(toks[x]) === "nhat" && (key(toks[x - 1]) === "nhieu" || key(toks[x - 1]) === "cao")) return true;
  return false;
}

/** Work on equipment: "sửa chữa 3 loa truyền thanh" counts loudspeakers, not broadcasts. */
const EQUIPMENT_WORK: readonly string[][] = [
  ["sua", "chua"],
  ["sua"],
  ["lap", "moi"],
  ["lap", "dat"],
  ["lap"],
  ["thay", "moi"],
  ["thay", "the"],
  ["thay"],
  ["trang", "bi"],
  ["mua", "moi"],
  ["mua"],
  ["bao", "duong"],
  ["bao", "tri"],
  ["kiem", "tra"],
  // "tặng 2 loa kéo cho nhà văn hóa", "cấp 3 loa": loudspeakers given, not broadcasts
  ["tang"],
  ["cap", "phat"],
  ["cap"],
  ["ban", "giao"],
];
/** Words of a loudspeaker and its kind, after the work ("cụm loa truyền thanh không dây"). */
const EQUIPMENT_CLASSIFIERS: ReadonlySet<string> = new Set(["cum", "chiec", "cai", "bo", "he", "thong", "cot"]);
const EQUIPMENT_TAIL: readonly string[][] = [
  ["truyen", "thanh", "khong", "day"],
  ["truyen", "thanh"],
  ["phat", "thanh"],
  ["khong", "day"],
];

/**
 * Things counted like an indicator's measure that are no indicator's: "2 xe máy", "xe ô tô", "3 xe
 * chở dân" (not the mobile vehicle), "6 tờ trình" (a document, not leaflets). Their count is neither a figure nor unclear.
 */
const OTHER_THINGS: readonly string[][] = [
  ["xe", "may"],
  ["xe", "o", "to"],
  ["xe", "oto"],
  ["o", "to"],
  ["oto"],
  ["to", "trinh"],
  ["to", "khai"], // "tiếp nhận 40 tờ khai": forms filed, not leaflets
  // notices and advertisements ("dán 4 tờ thông báo lịch tiếp dân", "bóc 200 tờ quảng cáo"): papers, not leaflets
  ["to", "thong", "bao"],
  ["to", "quang", "cao"],
  ["xe", "cho", "dan"],
  ["xe", "cho", "nguoi"],
  ["xe", "cho", "khach"],
  ["xe", "cho", "can", "bo"],
  ["xe", "cho", "doan"],
  ["xe", "khach"],
  ["xe", "buyt"],
  ["xe", "bus"],
  ["xe", "dua", "don"],
  ["xe", "tai"],
  ["xe", "ban", "tai"], // "1 xe bán tải gắn 2 loa": the vehicle carrying the loudspeakers
  ["xe", "cho", "hang"],
  ["xe", "cho", "do"],
  ["xe", "cau"],
  ["xe", "cuu", "thuong"],
  ["xe", "cuu", "hoa"],
  ["xe", "chua", "chay"],
  // people and papers of the place, counted in passing ("312 hộ, 1027 nhân khẩu", "12 hồ sơ")
  ["nhan", "khau"],
  ["ho", "gia", "dinh"],
  ["ho", "dan"],
  ["ho", "so"],
  // what people sent or said, counted in passing ("tiếp nhận 9 phản ánh", "15 ý kiến phát biểu")
  ["phan", "anh"],
  ["kien", "nghi"],
  ["y", "kien"],
  ["don", "thu"],
  ["cuoc", "goi"],
  // visitors of a festival, a fair or a site ("30.000 lượt khách", "12.000 lượt du khách", "5.000 lượt người
  // tham quan"): people the event drew, no attendees of a gathering the plan counts
  ["luot", "khach"],
  ["luot", "du", "khach"],
  ["du", "khach"],
  ["luot", "nguoi", "tham", "quan"],
  ["nguoi", "tham", "quan"],
  ["khach", "tham", "quan"],
  ["luot", "tham", "quan"],
  // ("Hội chợ có 25 gian hàng, 3.000 khách", "14 tiết mục dự thi"): a fair's booths and guests, a show's acts
  ["khach"],
  ["gian", "hang"],
  ["tiet", "muc"],
  // "in 2 số bản tin", "phát hành 4 số bản tin nội bộ": issues of a bulletin, no news articles
  ["so", "ban", "tin"],
];
/** Words between "dân" (the population) and its count ("dân trong xã 12.400 người", "dân số toàn xã là 9.000"). */
const POPULATION_GLUE: ReadonlySet<string> = new Set([
  "so",
  "trong",
  "toan",
  "ca",
  "cua",
  "xa",
  "phuong",
  "thon",
  "ban",
  "co",
  "khoang",
  "gan",
  "hon",
  "la",
  "tren",
  ":",
]);
/** Counting words a thing's figure may take when written after it ("xe cứu thương 1 chiếc"). */
const CLASSIFIERS: ReadonlySet<string> = new Set(["chiec", "cai", "xe"]);

/** Places whose words are no indicator's ("tổ dân phố" is not "tờ"). */
const PLACES: readonly string[][] = [["to", "dan", "pho"], ["tdp"], ["khu", "pho"], ["khu", "dan", "cu"], ["kdc"]];
/** Organisations and people named like an indicator. */
const ORGANISATIONS: readonly string[][] = [
  ["dai", "phat", "thanh", "va", "truyen", "hinh"],
  ["dai", "phat", "thanh", "truyen", "hinh"],
  ["dai", "phat", "thanh", "-", "truyen", "hinh"],
  ["dai", "ptth"],
  // people: "phát thanh viên" (a broadcaster) is no broadcast
  ["phat", "thanh", "vien"],
];

const isClauseEnd = (t: Tok | undefined): boolean =>
  !t || t.type === "nl" || t.k === "," || t.k === ";" || t.k === "." || t.k === ")" || t.k === "(";

/**
 * Marks look-alike words (never names or measures) and the numbers of reach figures (unclear).
 * @example markLookAlikes(normaliseAndTokenise("đạt 2.300 lượt xem"), nv, compiled).unclear // [[1, 1]]
 */
export function markLookAlikes(tk: Tokenised, nv: NonValues, compiled: CompiledIndicators): TokenMarks {
  const { toks } = tk;
  const blocked: number[] = [];
  const unclear: [number, number][] = [];
  const numbers = createNumberReader(tk, nv.blocked);
  // (plain loops: called at every token for several lists, a closure per call was much of this stage's garbage)
  const seqAt = (i: number, list: readonly string[][]): number => {
    const seqs = startingWith(list, key(toks[i]));
    for (let q = 0; q < seqs.length; q++) {
      const seq = seqs[q]!;
      let k = 1;
      while (k < seq.length && key(toks[i + k]) === seq[k]) k++;
      if (k === seq.length) return seq.length;
    }
    return 0;
  };
  for (let i = 0; i < toks.length; i++) {
    // "xã có 12 loa truyền thanh thông minh": loudspeakers counted, not broadcasts (after a word: a row's
    // number opening its line, "4\tLoa truyền thanh\t30 lượt", is no count)
    if (
      toks[i]!.type === "n" &&
      !nv.blocked[i] &&
      toks[i - 1]?.type === "w" &&
      key(toks[i - 1]) !== "xe" &&
      !compiled.measures.has("loa")
    ) {
      const num = numbers.read(i, false);
      const end = num && !num.bad ? equipmentEnd(toks, nv, numbers, i) : -1;
      if (end > 0) {
        for (let x = i; x < end; x++) blocked.push(x);
        i = end - 1;
        continue;
      }
    }
    // "31 thanh niên đủ điều kiện", "12 giáo viên tham gia hướng dẫn": people who attended no gathering
    const apart = peopleApartAt(toks, nv, numbers, i);
    if (apart) {
      for (let x = apart[0]; x < apart[1]; x++) blocked.push(x);
      i = apart[1] - 1;
      continue;
    }
    if (toks[i]!.type !== "w") continue;
    let span: [number, number] | null = null;
    for (let r = 0; r < BACKGROUND_AT_WORD.length && !span; r++) span = BACKGROUND_AT_WORD[r]!(toks, nv, numbers, i);
    if (span) {
      for (let x = span[0]; x < span[1]; x++) blocked.push(x);
      i = span[1] - 1;
      continue;
    }
    // "loa 2 chiếc công suất 250W", "loa: 3 cái": loudspeakers counted by a device's classifier, not
    // broadcasts (counted in "lượt", "buổi"), unless the task counts them so
    if (
      key(toks[i]) === "loa" &&
      (toks[i + 1]?.k === ":" ? toks[i + 2] : toks[i + 1])?.type === "n" &&
      !compiled.measures.has("loa")
    ) {
      const at = toks[i + 1]?.k === ":" ? i + 2 : i + 1;
      const num = nv.blocked[at] ? null : numbers.read(at, false);
      const cls = num && !num.bad ? key(toks[num.end]) : "";
      if (num && (cls === "chiec" || cls === "cai" || cls === "bo") && !compiled.measures.has(cls)) {
        for (let x = at; x <= num.end; x++) blocked.push(x);
        i = num.end;
        continue;
      }
    }
    // "chạy 2 lượt tuyên truyền lưu động, 1 xe thôi": the vehicles beside their trips are no figure
    if (key(toks[i]) === "xe" && toks[i - 1]?.type === "n" && vehiclesBesideTrips(toks, nv, numbers, i)) {
      blocked.push(i - 1, i);
      continue;
    }
    const aired = airedNewsEnd(toks, i);
    if (aired > 0) {
      for (let x = i + 1; x < aired; x++) blocked.push(x);
      i = aired - 1;
      continue;
    }
    if (key(toks[i]) === "xe" && toks[i - 1]?.type === "n" && tripsLaterInSentence(toks, nv, numbers, i)) {
      blocked.push(i - 1);
      continue;
    }
    // "xử lý 2 pa nô quảng cáo sai phép": an advertisement, not propaganda (its figure before, else in its clause)
    const advert = seqAt(i, ADVERTISED);
    if (advert && advertisingAt(toks, i + advert)) {
      const figure = numberBefore(toks, nv, numbers, i) ?? numberAfter(toks, nv, numbers, i + advert + 2);
      for (let x = i; x < i + advert + 2; x++) blocked.push(x);
      if (figure) for (let x = figure[0]; x < figure[1]; x++) blocked.push(x);
      i += advert + 1;
      continue;
    }
    // (unless the task counts briefings itself)
    const own = ownMeetingAt(toks, i);
    if (own > 0 && !BRIEFING_NAMES.some((n) => compiled.exact.has(n))) {
      for (const x of briefingClause(toks, nv, numbers, i, own)) blocked.push(x);
      i += own - 1;
      continue;
    }
    const org = seqAt(i, ORGANISATIONS);
    if (org) {
      for (let x = i; x < i + org; x++) blocked.push(x);
      i += org - 1;
      continue;
    }
    // "(12 tổ)", "có 5 tổ tự quản": groups of people, written with their marks, are never "tờ"; nor is the
    // verb "tổ chức" after a number no label took ("do khối 9 tổ chức muộn")
    if (toks[i - 1]?.type === "n" && toks[i]!.k === "to" && toks[i]!.o.toLowerCase() === "tổ" && !nv.blocked[i - 1]) {
      blocked.push(i - 1, i);
      continue;
    }
    const place = seqAt(i, PLACES);
    if (place) {
      let end = i + place;
      if (key(toks[end]) === "so") end++;
      // "Tổ dân phố số 5", "TDP 3": the place's label; "mỗi tổ dân phố 2 băng rôn": a figure per place
      // ("họp tổ dân phố 1 cuộc": a figure with its measure)
      if (
        toks[end]?.type === "n" &&
        /^\d{1,3}$/.test(toks[end]!.k) &&
        // ("Số liệu mới TDP 7": "mới" (new), written with its marks, is not "mỗi" (each))
        (key(toks[i - 1]) !== "moi" || toks[i - 1]!.o.toLowerCase() === "mới") &&
        !(key(toks[i - 1]) === "hop" && compiled.measures.has(key(toks[end + 1])))
      ) {
        end++;
        // "Tổ dân phố số 9 và số 10": more labels of the same kind
        while (
          (key(toks[end]) === "va" || toks[end]?.k === ",") &&
          key(toks[end + 1]) === "so" &&
          toks[end + 2]?.type === "n" &&
          /^\d{1,3}$/.test(toks[end + 2]!.k)
        )
          end += 3;
      } else end = i + place;
      // "họp tổ dân phố": "họp tổ" names the meeting, only the rest of the place is blocked
      const from = key(toks[i - 1]) === "hop" && key(toks[i]) === "to" ? i + 1 : i;
      for (let x = from; x < end; x++) blocked.push(x);
      i = end - 1;
      continue;
    }
    // "dân trong xã 12.400 người", "dân số 9.000 người": the population, not attendees
    // (the people themselves: "người dân", "dân số", or "dân" opening its clause; not "họp dân có 120 người")
    const prevK = key(toks[i - 1]);
    const people =
      prevK === "nguoi" || prevK === "ng" || key(toks[i + 1]) === "so" || !prevK || isClauseEnd(toks[i - 1]);
    if (key(toks[i]) === "dan" && people && toks[i]!.o.toLowerCase() !== "dán") {
      let j = i + 1;
      while (j < i + 6 && POPULATION_GLUE.has(key(toks[j])) && !nv.blocked[j]) j++;
      const num = j > i && !nv.blocked[j] ? numbers.read(j, false) : null;
      const unit = num ? key(toks[num.end]) : "";
      // ("người dân có 150 người tham dự": attendees)
      const v = num ? num.end + 1 : 0;
      const attend =
        (key(toks[v]) === "tham" && key(toks[v + 1]) !== "quan") ||
        (key(toks[v]) === "du" && key(toks[v + 1]) !== "kien");
      if (num && !num.bad && !attend && (unit === "nguoi" || unit === "khau" || unit === "dan")) {
        for (let x = j; x < num.end + 1; x++) blocked.push(x);
        i = num.end;
        continue;
      }
    }
    // "tin nhắn hỏi đáp 40 tin": a thing that is no indicator, counted after it by its own head word
    const headed = seqAt(i, HEADED_THINGS);
    if (headed) {
      const count = headedCount(toks, nv, numbers, i, headed);
      if (count) {
        for (let x = i; x < count[1]; x++) if (x >= count[0] || toks[x]!.type !== "n") blocked.push(x);
        i = count[1] - 1;
        continue;
      }
    }
    // "ở tổ dân phố 7": "ô tô" only when no place starts inside it
    // "xe chở pano về 2 chuyến": a vehicle carrying things, whatever it carries (typed with the mark: plain
    // "xe cho" is as often "xe … cho xã", a vehicle sent for the commune)
    const carrier = key(toks[i]) === "xe" && toks[i + 1]?.o.toLowerCase() === "chở" ? 2 : 0;
    const thing = seqAt(i + 1, PLACES) ? 0 : seqAt(i, OTHER_THINGS) || carrier;
    // "140 hộ dân tham gia": households said to attend send one person each (the attendees)
    const attending = key(toks[i]) === "ho" && attendVerbAt(toks, i + thing);
    // "phát 200 tờ thông báo": papers handed out may be the leaflets, left to the pairing
    const handedOut = thing > 0 && key(toks[i]) === "to" && key(toks[i - 2]) === "phat" && toks[i - 1]?.type === "n";
    if (
      thing &&
      !attending &&
      !handedOut &&
      !compiled.exact.has(
        toks
          .slice(i, i + thing)
          .map((t) => t.k)
          .join(""),
      )
    ) {
      const figure = numberBefore(toks, nv, numbers, i);
      let end = i + thing;
      // "xe cứu thương 1 chiếc": the figure after, with its counting word
      const after = !figure && !nv.blocked[end] ? numbers.read(end, false) : null;
      if (after && !after.bad && CLASSIFIERS.has(key(toks[after.end]))) end = after.end + 1;
      for (let x = figure ? figure[0] : i; x < end; x++) blocked.push(x);
      // "xe tải chở pano về xã 1 chuyến": the trips of such a vehicle, later in its clause, are no figure
      if (key(toks[i]) === "xe" && end === i + thing) {
        const trips = tripsAfter(toks, nv, numbers, end);
        if (trips) for (let x = trips[0]; x < trips[1]; x++) blocked.push(x);
      }
      i = end - 1;
      continue;
    }
    const work = seqAt(i, EQUIPMENT_WORK);
    if (work) {
      const end = equipmentEnd(toks, nv, numbers, i + work);
      if (end > 0) {
        for (let x = i + work; x < end; x++) blocked.push(x);
        i = end - 1;
        continue;
      }
    }
    const verb = seqAt(i, SILENT_REACH_VERBS);
    const byVerb = verb ? reachByVerb(toks, nv, numbers, i, verb) : null;
    if (byVerb) {
      for (let x = byVerb[0]; x < byVerb[1]; x++) blocked.push(x);
      i = byVerb[1] - 1;
      continue;
    }
    const watched = key(toks[i]) === "xem" ? viewsByVerb(toks, nv, numbers, i) : null;
    if (watched) {
      for (let x = watched[0]; x < watched[1]; x++) blocked.push(x);
      unclear.push([watched[0], watched[1] - 2]);
      i = watched[1] - 1;
      continue;
    }
    // "340 chia sẻ", "56 bình luận": a post's shares and comments, the figure right before them, told in passing
    const passing = toks[i - 1]?.type === "n" ? seqAt(i, PASSING_REACH) : 0;
    const shared = passing && key(toks[i + passing]) !== "lai" ? numberBefore(toks, nv, numbers, i) : null;
    if (shared) {
      for (let x = shared[0]; x < i + passing; x++) blocked.push(x);
      i += passing - 1;
      continue;
    }
    const reach = seqAt(i, REACH);
    if (!reach) continue;
    const phrase = toks
      .slice(i, i + reach)
      .map((t) => t.k)
      .join("");
    if (compiled.exact.has(phrase)) continue; // a task that counts views names them
    for (let x = i; x < i + reach; x++) blocked.push(x);
    const figure = numberBefore(toks, nv, numbers, i) ?? numberAfter(toks, nv, numbers, i + reach);
    if (figure) {
      for (let x = figure[0]; x < figure[1]; x++) blocked.push(x);
      // a post's views are asked about; shares, reach and a stated total of them ("tổng 21 nghìn lượt
      // tiếp cận", "300 lượt chia sẻ") are only told in passing
      const total = totalBefore(toks, figure[0]) || totalBefore(toks, i);
      // "được 800 lượt xem": views a post got, told in passing like its shares ("đạt 2.300 lượt xem" is asked)
      const got = key(toks[figure[0] - 1]) === "duoc" && figure[1] === i;
      // ("86 share": the reach word alone)
      const silent = SILENT_REACH.has(key(toks[i + 1])) || (reach === 1 && SILENT_REACH.has(key(toks[i])));
      if (!silent && !total && !got && !bestBefore(toks, figure[0])) unclear.push([figure[0], figure[1] - 1]);
    }
    i += reach - 1;
  }
  return { blocked, unclear };
}

/** Whether "quảng cáo" (advertising) or "khuyến mại" / "khuyến mãi" (a sale) starts at token j: two words. */
function advertisingAt(toks: readonly Tok[], j: number): boolean {
  const [a, b] = [key(toks[j]), key(toks[j + 1])];
  return (a === "quang" && b === "cao") || (a === "khuyen" && b === "mai");
}

/** Items that are advertisements when "quảng cáo" or "khuyến mại" follows ("pa nô quảng cáo", "poster khuyến mại"). */
const ADVERTISED: readonly string[][] = [
  ["pa", "no"],
  ["pano"],
  ["bang", "ron"],
  ["banner"],
  ["banne"], // (keys with Telex undone: "banner", "poster" lose their final "r")
  ["to", "roi"],
  ["ap", "phich"],
  ["poster"],
  ["poste"],
  ["xe", "loa"],
];

/** A task's own names of briefings, as search keys. */
const BRIEFING_NAMES: readonly string[] = ["giaoban", "hopgiaoban", "hoinghigiaoban"];
/** Words of a meeting right before "giao ban" ("họp", "hội nghị", "cuộc họp", "buổi"). */
const BRIEFING_HEADS: ReadonlySet<string> = new Set(["hop", "nghi", "hoi", "cuoc", "buoi", "phien"]);
/** Units of a meeting's count after its figure ("4 cuộc", "2 buổi", "3 lần"). */
const SITTING_COUNTS: ReadonlySet<string> = new Set(["cuoc", "buoi", "lan", "phien"]);
/** People one word after a figure ("30 người", "25 cán bộ" by its first word, "12 đ/c"). */
const PEOPLE_FIRST: ReadonlySet<string> = new Set(["nguoi", "ng", "dai", "dc", ...PEOPLE_SHORT]);

/**
 * The length of the name of the office's own meeting at token i, else 0: a briefing ("giao ban"), and a meeting
 * ("họp") of a Party cell or a steering committee ("họp chi bộ", "họp Ban Chỉ đạo …").
 */
function ownMeetingAt(toks: readonly Tok[], i: number): number {
  const k = key(toks[i]);
  if (k === "giao") return key(toks[i + 1]) === "ban" ? 2 : 0;
  if (key(toks[i - 1]) !== "hop") return 0;
  // ("họp chi bộ lồng ghép tuyên truyền 1 cuộc": propaganda held at the cell's meeting is a gathering of the work)
  if (k === "chi" && key(toks[i + 1]) === "bo") return propagandaAfter(toks, i + 2) ? 0 : 2;
  return k === "ban" && key(toks[i + 1]) === "chi" && key(toks[i + 2]) === "dao" ? 3 : 0;
}

/** "lồng ghép tuyên truyền", "tuyên truyền" within the four words from token x. */
function propagandaAfter(toks: readonly Tok[], x: number): boolean {
  for (let j = x; j < x + 4 && toks[j] && toks[j]!.type === "w"; j++) {
    const k = key(toks[j]);
    if ((k === "tuyen" && key(toks[j + 1]) === "truyen") || (k === "long" && key(toks[j + 1]) === "ghep")) return true;
  }
  return false;
}

/**
 * A briefing ("giao ban" at i) and its clause: the meeting's words before it, and the figures after it in
 * its clause counted in sittings or people ("họp giao ban cơ quan 4 cuộc", "… với 25 cán bộ, công chức"). Figures of
 * other things in the clause ("tại buổi giao ban phát 200 tờ rơi") stay.
 */
function briefingClause(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
  len = 2,
): number[] {
  const out: number[] = [];
  for (let x = i; x < i + len; x++) out.push(x);
  let start = i;
  while (start > 0 && start > i - 8 && !isClauseEnd(toks[start - 1])) start--;
  for (let x = i - 1; x >= start && x >= i - 3 && BRIEFING_HEADS.has(key(toks[x])); x--) out.push(x);
  // (a count before it, "có 3 cuộc họp giao ban", is left to be asked about)
  for (let x = i + len; x < i + 24 && x < toks.length && !isClauseEnd(toks[x]); x++) {
    if (joinsClause(toks, x)) break;
    if (toks[x]!.type !== "n" || nv.blocked[x]) continue;
    const num = numbers.read(x, false);
    if (!num || num.bad) continue;
    const unit = key(toks[num.end]);
    const people = PEOPLE_FIRST.has(unit) || PEOPLE_PHRASES.has(`${unit} ${key(toks[num.end + 1])}`);
    if (SITTING_COUNTS.has(unit) || people) for (let y = x; y <= num.end; y++) out.push(y);
    x = num.end;
  }
  return out;
}

/** Things whose first word is an indicator's measure ("tin", "tờ"), counted after them by it. */
const HEADED_THINGS: readonly string[][] = [
  ["tin", "nhan"],
  ["to", "trinh"],
  ["to", "khai"],
  // a training's lectures ("bài tập huấn 3 bài trình bày", "bài giảng: 4 bài"): neither posts nor meetings
  ["bai", "tap", "huan"],
  ["bai", "giang"],
  ["bai", "trinh", "bay"],
  ["bai", "thuyet", "trinh"],
];

/** Times a thing was sent ("gửi 3 lần", "2 lượt"). */
const TIMES_SENT: ReadonlySet<string> = new Set(["lan", "luot"]);

/** Whether token j opens another clause within a sentence ("… và đăng 3 tin", "… còn tin bài 4 tin"; not "bà con"). */
const joinsClause = (toks: readonly Tok[], j: number): boolean =>
  key(toks[j]) === "va" || (key(toks[j]) === "con" && key(toks[j - 1]) !== "ba");

/**
 * "tin nhắn hỏi đáp 40 tin", "tờ khai: 12 tờ", "tin nhắn của người dân gửi về tổng đài 1022 có 37 tin":
 * within the thing's clause, the first figure whose unit is the thing's first word (or the times it was
 * sent) — [its start, the end of its unit], or null. Other numbers on the way (a line's number) are passed;
 * a colon not right before the figure opens another item ("sửa lại tin nhắn trước: phát thanh … 28 lượt").
 */
function headedCount(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
  len: number,
): [number, number] | null {
  for (let j = i + len, seen = 0; seen < 14 && !isClauseEnd(toks[j]) && !joinsClause(toks, j); j++, seen++) {
    if (toks[j]!.k === ":" && toks[j + 1]?.type !== "n") return null;
    if (toks[j]!.type !== "n" || nv.blocked[j]) continue;
    const num = numbers.read(j, false);
    if (!num || num.bad) return null;
    // "tin nhắn zalo em gửi 3 lần": how many times the thing was sent counts no post either
    const unit = key(toks[num.end]);
    if (unit === key(toks[i]) || TIMES_SENT.has(unit)) return [j, num.end + 1];
    j = num.end - 1;
  }
  return null;
}

/**
 * After work on equipment: "3 loa truyền thanh", "2 cụm loa", "loa thôn 3" — the end of the count
 * and the loudspeaker's words (then never a figure nor a name), or -1 when no loudspeaker follows.
 */
function equipmentEnd(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
): number {
  let j = from;
  if (key(toks[j]) === "them" || key(toks[j]) === "lai") j++;
  // "thay bình điện cho 2 loa không dây": a part replaced for the loudspeakers
  for (let k = j; k < j + 4 && toks[k]?.type === "w"; k++) {
    if (key(toks[k]) === "cho" && k > j) {
      j = k + 1;
      break;
    }
  }
  if (toks[j] && !nv.blocked[j]) {
    const num = numbers.read(j, false);
    if (num && !num.bad) j = num.end;
  }
  for (let k = 0; k < 2 && EQUIPMENT_CLASSIFIERS.has(key(toks[j])); k++) j++;
  if (key(toks[j]) !== "loa") return -1;
  j++;
  for (const seq of EQUIPMENT_TAIL) {
    if (seq.every((w, k) => key(toks[j + k]) === w)) {
      j += seq.length;
      break;
    }
  }
  return j;
}

/**
 * Background spans read at a word, tried in this order: people served one by one ("khám sàng lọc 145 người
 * cao tuổi", "tiêm 320 mũi"), a contest's prizes ("hội thi …, trao 12 giải"), a figure told again ("in 600 tờ
 * gấp, phát hết 600"), a mobile propaganda session's run, one item's extreme ("buổi đông nhất 110 người"), cases
 * of an illness ("9 ca sốt xuất huyết").
 */
const BACKGROUND_AT_WORD: readonly ((
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
) => [number, number] | null)[] = [servedAt, prizesAt, restatedAfterAll, mobileRunAt, extremeAt, casesAt];

/**
 * "1 buổi tuyên truyền lưu động bằng xe loa (1 lượt)": a mobile run is the van's, counted in its trips,
 * no meeting: the words "buổi tuyên truyền" and the count right before them are no figure ([start, end)).
 */
function mobileRunAt(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
): [number, number] | null {
  if (key(toks[i]) !== "buoi" || key(toks[i + 1]) !== "tuyen" || key(toks[i + 2]) !== "truyen") return null;
  if (key(toks[i + 3]) !== "luu" || key(toks[i + 4]) !== "dong") return null;
  const num = toks[i - 1]?.type === "n" && !nv.blocked[i - 1] ? numbers.read(i - 1, false) : null;
  return [num && !num.bad && num.end === i ? i - 1 : i, i + 3];
}

/** Words closing "1 xe" as a count of vehicles ("1 xe thôi ạ"). */
const VEHICLE_TAIL: ReadonlySet<string> = new Set(["thoi", "a", "nhe", "ah", "do", "cua"]);
/**
 * "…, 1 xe thôi", "(2 xe)": a bare count of vehicles ending its clause (no "mỗi xe" after it, no name
 * after it) in a message that counts trips ("lượt", "chuyến") with another figure.
 */
function vehiclesBesideTrips(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
): boolean {
  if (nv.blocked[i - 1] || /^0\d/.test(toks[i - 1]!.k)) return false;
  // opening its clause: "xe lưu động 3 xe" names its figure
  const before = toks[i - 2];
  if (before && !isClauseEnd(before) && before.type !== "p") return false;
  let j = i + 1;
  while (VEHICLE_TAIL.has(key(toks[j]))) j++;
  if (!isClauseEnd(toks[j]) && toks[j]?.type !== "p") return false;
  if (key(toks[j + 1]) === "moi" || key(toks[j + 2]) === "moi") return false;
  for (let x = 0; x < toks.length; x++) {
    if (x === i - 1 || toks[x]!.type !== "n" || nv.blocked[x]) continue;
    const num = numbers.read(x, false);
    const w = num ? key(toks[num.end]) : "";
    if (w === "luot" || w === "chuyen") return true;
  }
  return false;
}

/** Words of broadcasting before aired news ("phát", "loa", "đài", "truyền thanh", "phát thanh"). */
const AIRING_WORDS: ReadonlySet<string> = new Set(["phat", "loa", "dai", "thanh"]);

/**
 * "truyền thanh phường phát 64 lượt tin cảnh báo", "đài xã phát 12 lượt tin, bài": news aired, counted in runs
 * ("lượt") after a word of broadcasting in the clause, are broadcasts, no news articles: where the words of the
 * news after "lượt" at i end, or -1.
 */
function airedNewsEnd(toks: readonly Tok[], i: number): number {
  if (key(toks[i]) !== "luot" || toks[i - 1]?.type !== "n") return -1;
  // ("20 lượt bản tin" is read so already)
  let end = i + 1;
  if (key(toks[end]) !== "tin") return -1;
  end++;
  if (key(toks[end]) === "bai") end++;
  else if (toks[end]?.k === "," && key(toks[end + 1]) === "bai") end += 2;
  for (let x = i - 2; x >= 0 && x >= i - 10 && !isClauseEnd(toks[x]); x--)
    if (toks[x]!.type === "w" && AIRING_WORDS.has(key(toks[x]))) return end;
  return -1;
}

/** Second words of the mobile van's names ("xe loa", "xe tuyên truyền", "xe thông tin", "xe lưu động"), no carrier. */
const VAN_WORDS: ReadonlySet<string> = new Set(["loa", "tuyen", "thong", "luu"]);
/** Marks ending the sentence a count of vehicles and its trips share. */
const TRIP_SENTENCE_ENDS: ReadonlySet<string> = new Set([".", ";", "!", "?", "(", ")"]);

/**
 * "01 xe loa đi 8 lượt các tuyến", "02 xe loa lưu động chạy dọc …, tổng cộng 15 lượt": the count right before the
 * mobile van's name counts vans when the trips ("lượt", "chuyến") follow in its sentence (not each van's: "mỗi xe").
 */
function tripsLaterInSentence(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
): boolean {
  if (nv.blocked[i - 1] || !VAN_WORDS.has(key(toks[i + 1]))) return false;
  for (let x = i + 1; x < toks.length && x <= i + 14; x++) {
    const t = toks[x]!;
    if (t.type === "nl" || TRIP_SENTENCE_ENDS.has(t.k) || key(t) === "moi") return false;
    if (t.type !== "n" || nv.blocked[x]) continue;
    const num = numbers.read(x, false);
    const w = num && !num.bad ? key(toks[num.end]) : "";
    return w === "luot" || w === "chuyen";
  }
  return false;
}

/** "… về xã 2 chuyến": a count of trips within the clause from `from`, with its word: [start, end). */
function tripsAfter(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
): [number, number] | null {
  const num = numberAfter(toks, nv, numbers, from);
  return num && key(toks[num[1]]) === "chuyen" ? [num[0], num[1] + 1] : null;
}

/**
 * "xem video trên tiktok 20 nghìn lượt": views said by the verb opening its clause, the figure "N lượt" after
 * what was watched (the number and its "lượt"), or null.
 */
function viewsByVerb(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
): [number, number] | null {
  if (i > 0 && !isClauseEnd(toks[i - 1])) return null;
  const num = numberAfter(toks, nv, numbers, i + 1);
  return num && key(toks[num[1]]) === "luot" ? [num[0], num[1] + 1] : null;
}

/** "2.300 lượt xem", "khoảng 4 nghìn lượt xem": the number right before. */
function numberBefore(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  i: number,
): [number, number] | null {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    if (nv.blocked[j] || toks[j]!.type === "nl") return null;
    const num = numbers.read(j, false);
    if (num && num.end === i) return [j, num.end];
  }
  return null;
}

/** Words stating a label's figure far after it ("… là 85", "… tháng này đạt 40 nghìn"). */
const FIGURE_INTRO: ReadonlySet<string> = new Set(["la", "dat"]);

/**
 * "lượt xem video trên zalo xã 900", "lượt xem khoảng 4 nghìn": the first number after, in the clause; further
 * when it is the label's value after ":", "là" or "đạt" ("Số lượt truy cập Trang thông tin điện tử phường trong quý:
 * 52.000").
 */
function numberAfter(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
): [number, number] | null {
  for (let j = from; j < toks.length && j < from + 13 && !isClauseEnd(toks[j]); j++) {
    if (nv.blocked[j]) continue;
    const num = numbers.read(j, false);
    if (num && j >= from + 8 && toks[j - 1]?.k !== ":" && !FIGURE_INTRO.has(key(toks[j - 1]))) return null;
    if (num) return num.bad ? null : [j, num.end];
  }
  return null;
}
