/**
 * Figures of what was not done: "1 lượt bị hoãn", "200 tờ còn lưu tại UBND xã", "1 chuyên mục chưa
 * phát sóng", "còn tồn 300 tờ", "5 người vắng", "1 cụm hỏng", "hỏng 2 cụm", "thanh lý 3 cái". They say how much of something is left or postponed, never what was
 * done: neither values nor unclear; nor is a figure said to be left out, "3 lượt không tính ạ".
 * ("chưa kể", "chưa tính" — not counting — are not such words.)
 * Runs after the look-alikes (stage 2a), before the multipliers and the tables.
 */

import type { NonValues, TokenMarks } from "./non-values.js";
import { createNumberReader } from "./numbers.js";
import { tokenKey as key, type Tok, type Tokenised } from "./tokens.js";
import { startingWith } from "./word-sequences.js";

/** Words after a figure (and its measure or name) that say it was not done. */
const AFTER: readonly string[][] = [
  ["bi", "hoan"],
  ["bi", "huy"],
  ["bi", "cat"],
  ["tam", "hoan"],
  ["con", "luu"],
  ["con", "ton"],
  ["chua", "phat"],
  ["chua", "treo"],
  ["chua", "thay"], // "4 cái chưa thay được": not replaced yet
  ["chua", "dang"],
  ["chua", "to", "chuc"],
  ["chua", "thuc", "hien"],
  ["chua", "trien", "khai"],
  ["chua", "in"],
  ["chua", "lam"],
  ["chua", "xay", "dung"],
  ["chua", "hoan", "thanh"],
  ["chua", "duoc"],
  ["vang", "mat"],
  ["vang"],
  ["bi", "hong"],
  ["hu", "hong"],
  ["hong"],
  ["thanh", "ly"],
  // "còn 150 tờ để tháng sau", "50 tờ để dành": kept for later, not given out
  ["de", "thang", "sau"],
  ["de", "quy", "sau"],
  ["de", "dot", "sau"],
  ["de", "ky", "sau"],
  ["de", "lan", "sau"],
  ["de", "danh"],
  // "3 cái đã tháo", "2 pano bị rách": taken down or torn (not "đã thảo luận")
  ["da", "thao"],
  ["bi", "thao"],
  ["thao", "xuong"],
  ["bi", "rach"],
  // "Pano 1 cái bị đổ", "2 băng rôn bị gió cuốn": knocked down by the weather, nothing put up
  ["bi", "do"],
  ["bi", "gay"],
  ["bi", "gio"],
  // "2 cái bị trùng", "1 bài bị lặp": counted twice, not done
  ["bi", "trung"],
  ["bi", "lap"],
  // "2 áp phích còn lại lưu tại bộ phận một cửa"
  ["con", "lai", "luu"],
  // "còn lại 15 tờ lưu tại nhà văn hóa", "50 tờ lưu kho": kept, not given out
  ["luu", "tai"],
  ["luu", "o"],
  ["luu", "kho"],
  ["luu", "lai"],
];
/** A request for what the commune lacks ("Đề nghị Sở hỗ trợ 5 pa nô"): asked for, not done. */
const REQUEST: readonly string[][] = [
  ["de", "nghi"],
  ["de", "xuat"],
  ["kien", "nghi"],
];
/** Giving verbs a request asks for ("hỗ trợ", "cấp", "bổ sung"). */
const SUPPLY: readonly string[][] = [["ho", "tro"], ["cap"], ["bo", "sung"], ["trang", "bi"], ["dau", "tu"]];
/** Tokens ending a request's clause. */
const CLAUSE_END = new Set([".", ";", "\n", "!", "?"]);
/** Words before a figure that say it was received, not done ("nhận được 800 tờ rơi từ huyện"). */
const RECEIVED: readonly string[][] = [
  ["tiep", "nhan", "duoc"],
  ["tiep", "nhan"],
  ["nhan", "duoc"],
  ["nhan", "ve"],
  ["duoc", "cap"],
  ["nhan"],
];
/**
 * Words before a figure that say it is what is left ("còn tồn 300 tờ", "tồn kho 200 tờ"). Not "còn
 * lại": "còn lại 300 tờ phát cho thôn 2" was done too.
 */
const BEFORE: readonly string[][] = [
  ["con", "ton"],
  ["con", "luu"],
  ["ton", "kho"],
  ["ton", "lai"],
  ["ton"], // "nhận 2.000, phát 1.850, tồn 150": what is left
  ["vang", "mat"],
  ["vang"],
  // "kiểm tra 9 cụm loa, hỏng 2 cụm": what is broken
  ["bi", "hong"],
  ["hu", "hong"],
  ["hong"],
  // "sửa chữa 1 pano bị gió lật": repair or upkeep of what stands, nothing new made ("sửa xong 1")
  ["sua", "chua"],
  ["sua", "xong"],
  ["sua", "duoc"],
  ["bao", "duong"],
  ["bao", "tri"],
  // "khung pa nô cũ thanh lý 3 cái": what is disposed of, not made
  ["thanh", "ly"],
  // "thu hồi 4 băng rôn cũ", "tháo dỡ 2 pano": what is taken down, not put up
  ["thu", "hoi"],
  ["thao", "do"],
  ["thao", "go"],
  ["go", "bo"],
  // "băng rôn cũ bị rách 3 cái": what is torn down or worn out, not put up
  ["bi", "rach"],
  ["bi", "thao"],
  // "bão làm rách 12 băng rôn", "gió làm đổ 2 pa nô": what the weather damaged, nothing put up
  ["lam", "rach"],
  ["lam", "do"],
  ["lam", "hong"],
  ["lam", "gay"],
];
/** "sửa lại 1 cụm cũ", "sửa 2 pano cũ": a figure, a word or two, then "cũ": something old repaired, nothing new made. */
function oldThingAt(toks: readonly Tok[], at: number): boolean {
  if (toks[at]?.type !== "n") return false;
  for (let j = at + 1; j <= at + 4 && toks[j]?.type === "w"; j++) if (toks[j]!.kt === "cu") return true;
  return false;
}

/** Devices that break ("loa", "cụm" loa, "máy", "cột"): a plain "hong" after one is "hỏng". */
const DEVICES: ReadonlySet<string> = new Set(["loa", "cum", "may", "cot"]);
/** Repair of a part of what stands ("sửa lại khung pano cũ 2 cái", "sửa chữa chân pa nô 1 cái"). */
const REPAIR: readonly string[][] = [["sua", "chua"], ["sua", "lai"], ["sua"], ["gia", "co"]];
/** Parts of a board or a loudspeaker that are repaired ("khung", "chân", "cột", "mặt"). */
const PARTS = new Set(["khung", "chan", "cot", "mat", "bat", "day"]);
/** Meetings attended elsewhere ("đi họp ở huyện 2 buổi", "dự họp 1 lần"): not the commune's own. */
const ATTENDED: readonly string[][] = [
  ["di", "hop"],
  ["du", "hop"],
  ["di", "du", "hop"],
];
/** Counting words of sessions attended. */
const SESSIONS = new Set(["buoi", "lan", "cuoc", "ngay"]);
/** Upkeep of what stands: "bảo dưỡng xe loa 1 lần" counts the upkeep, not the thing. */
const UPKEEP: readonly string[][] = [
  ["sua", "chua"],
  ["bao", "duong"],
  ["bao", "tri"],
];
/** People words before a lone "vang" typed without marks ("5 nguoi vang"). */
const PEOPLE = new Set(["nguoi", "bieu", "vien", "hocvien"]);
/**
 * "còn 412 người chưa cài", "30 người chưa tham gia": people said not (yet) to have done something are those the
 * work has still to reach, no attendees; "chưa kể" / "chưa tính" (not counting) are no such words.
 */
function peopleNotYet(toks: readonly Tok[], unit: number, j: number): boolean {
  return (
    j === unit + 1 &&
    key(toks[unit]) === "nguoi" &&
    key(toks[j]) === "chua" &&
    key(toks[j + 1]) !== "ke" &&
    key(toks[j + 1]) !== "tinh"
  );
}

/** At most this many words (measure, name) between a figure and the words after it. */
const REACH = 4;

/** The length of the sequence of `list` whose words start at token i, or 0 (plain loops: no closure per token). */
const seqAt = (toks: readonly Tok[], i: number, list: readonly string[][]): number => {
  const seqs = startingWith(list, key(toks[i]));
  for (let q = 0; q < seqs.length; q++) {
    const seq = seqs[q]!;
    let k = 0;
    while (k < seq.length && toks[i + k]?.type === "w" && key(toks[i + k]) === seq[k]) k++;
    if (k === seq.length) return seq.length;
  }
  return 0;
};

/** Particles that may close "không tính" ("… 3 lượt không tính ạ"). */
const CLOSING = new Set(["a", "nhe", "nha", "vao", "do"]);

/**
 * "xe cứu thương 3 lượt không tính ạ", "2 buổi ko tính": the officer says the figure is left out; only
 * when "không tính" closes its clause ("20 tờ không tính số phát lại" still counts the 20).
 */
function notCountedAt(toks: readonly Tok[], j: number): boolean {
  const neg = key(toks[j]);
  if ((neg !== "khong" && neg !== "ko" && neg !== "k") || key(toks[j + 1]) !== "tinh") return false;
  const after = toks[j + 2];
  return !after || after.type !== "w" || CLOSING.has(after.kt);
}

/** Measure words of things handed out, by their search key ("tờ" for leaflets). */
const HANDED = new Set(["to", "cai", "cuon", "quyen", "tam", "bo", "ban"]);

/** Words opening who something was received from ("của huyện", "từ Trung tâm"). */
const FROM_WHOM = new Set(["cua", "tu"]);

/** Verbs of giving out ("phát 800", "đã cấp phát 300"). */
const GIVING = new Set(["phat", "cap", "trao", "tang", "dan", "treo"]);

/** Whether a later figure in the sentence from `from` comes right after a verb of giving out ("…, phát 800"). */
function givenOutAfter(toks: readonly Tok[], nv: NonValues, from: number): boolean {
  for (let x = from; x < toks.length; x++) {
    const t = toks[x]!;
    if (t.type === "nl" || t.k === "." || t.k === ";" || t.k === "!" || t.k === "?") return false;
    if (t.type !== "n" || nv.blocked[x]) continue;
    for (let b = x - 1; b >= from && b >= x - 3 && toks[b]!.type === "w"; b--)
      if (GIVING.has(key(toks[b]))) return true;
    return false;
  }
  return false;
}

/**
 * The figure right after a "received" word ("nhận được 800 tờ"), when a later figure in the message
 * counts the same thing ("đã phát 650 tờ"): [start, end); else null (a received figure alone stays).
 */
function receivedFigure(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  j: number,
): [number, number] | null {
  // "nhận của huyện 500 tờ", "nhận từ Trung tâm 300 tờ": a few words saying from whom, more when they name a
  // body in capitals ("từ Trung tâm Kiểm soát bệnh tật 1.000 tờ", "từ Sở Văn hóa, Thể thao và Du lịch 5 pa nô")
  if (FROM_WHOM.has(key(toks[j]))) {
    j++;
    const named = capitalised(toks[j]);
    for (let k = 0; k < (named ? 9 : 3); k++) {
      const t = toks[j];
      if (t?.type === "w" || (named && t?.k === "," && capitalised(toks[j + 1]))) j++;
      else break;
    }
  }
  if (toks[j]?.type !== "n" || nv.blocked[j]) return null;
  const num = numbers.read(j, false);
  if (!num || num.bad) return null;
  const unit = key(toks[num.end]);
  // "tờ rơi nhận 1.000, phát 800": no unit, but a later figure of its sentence is given out
  if (!HANDED.has(unit) && !sameThingElsewhere(toks, nv, numbers, j, unit))
    return givenOutAfter(toks, nv, num.end) ? [j, num.end] : null;
  // another figure of the same thing, before or after ("phát 300 tờ (nhận của huyện 500 tờ)")
  if (!sameThingElsewhere(toks, nv, numbers, j, unit)) return null;
  // "nhận … 5 pa nô và 20 áp phích": what else was received with it, each counted elsewhere too
  let end = num.end;
  for (let x = num.end; x < num.end + 4 && toks[x]?.type === "w"; x++) {
    if (key(toks[x]) !== "va" || toks[x + 1]?.type !== "n" || nv.blocked[x + 1]) continue;
    const more = numbers.read(x + 1, false);
    if (more && !more.bad && sameThingElsewhere(toks, nv, numbers, x + 1, key(toks[more.end]))) end = more.end;
    break;
  }
  return [j, end];
}

const capitalised = (t: Tok | undefined): boolean =>
  t?.type === "w" && t.o[0] !== undefined && t.o[0] !== t.o[0].toLowerCase();

/** Whether another figure than the one at j is counted by the same word ("… 300 tờ", "… 26 áp phích"). */
function sameThingElsewhere(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  j: number,
  unit: string,
): boolean {
  if (!unit || toks[numbers.read(j, false)?.end ?? j]?.type !== "w") return false;
  for (let x = 0; x < toks.length; x++) {
    if (x === j || toks[x]!.type !== "n" || nv.blocked[x]) continue;
    const other = numbers.read(x, false);
    if (!other) continue;
    if (!other.bad && key(toks[other.end]) === unit) return true;
    x = other.end - 1;
  }
  return false;
}

/**
 * After "nhận": a figure, up to four words (its measure, name) and "từ" (from); or "từ", up to three
 * words and a figure ending its clause ("nhận từ huyện 300 tờ"). The figure's tokens, or null.
 */
function receivedFrom(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: ReturnType<typeof createNumberReader>,
  from: number,
): [number, number] | null {
  let j = from;
  if (key(toks[j]) === "duoc") j++;
  if (key(toks[j]) === "tu") {
    let n = j + 1;
    for (let k = 0; k < 3 && toks[n]?.type === "w"; k++) n++;
    if (toks[n]?.type !== "n" || nv.blocked[n]) return null;
    const num = numbers.read(n, false);
    return num && !num.bad ? [n, num.end] : null;
  }
  if (toks[j]?.type !== "n" || nv.blocked[j]) return null;
  const num = numbers.read(j, false);
  if (!num || num.bad) return null;
  for (let x = num.end; x < num.end + 5 && toks[x]?.type === "w"; x++) {
    if (key(toks[x]) !== "tu") continue;
    // "nhận 5 băng rôn từ xã về treo": received, then put up — the figure of what was done
    for (let y = x + 1; y < x + 6 && toks[y]?.type === "w"; y++) if (PUT_UP.has(key(toks[y]))) return null;
    return [j, num.end];
  }
  return null;
}

/** Doing verbs after what was received ("… về treo", "… để phát"): it was used, so it counts. */
const PUT_UP = new Set(["treo", "phat", "dan", "lap", "dung"]);

/**
 * "2 lượt xe công an phối hợp (không tính)": a bracket saying "không tính" right after the words of
 * the figure (checked at the bracket) leaves it out like "không tính" closing the clause.
 */
function bracketedNotCounted(toks: readonly Tok[], j: number): boolean {
  if (toks[j + 1]?.k !== "(") return false;
  // "200 tờ rơi của Công an phường (chưa phát)": the bracket says it was not done
  const said = notCountedAt(toks, j + 2) ? 2 : seqAt(toks, j + 2, AFTER);
  if (!said) return false;
  const close = toks[j + 2 + said];
  // "4 (không tính vào bài mạng xã hội)": what it is left out of, in words to the bracket's close
  if (key(close) === "vao" && said === 2) {
    let x = j + 3 + said;
    while (x < j + 12 && toks[x]?.type === "w") x++;
    if (toks[x]?.k === ")") return true;
  }
  return !close || close.k === ")" || (close.type === "w" && CLOSING.has(close.kt) && toks[j + 3 + said]?.k === ")");
}

/** "300 tờ gấp của huyện nhưng chưa phát được": "nhưng" then words saying it was not done, past the reach. */
const butNotDoneAt = (toks: readonly Tok[], j: number): boolean =>
  key(toks[j]) === "nhung" && seqAt(toks, j + 1, AFTER) > 0;

/** Negations before "tính" (counted): "không tính", "ko tính", "chưa tính". */
const NOT_WORDS: ReadonlySet<string> = new Set(["khong", "ko", "k", "chua"]);

/**
 * What the officer says is not counted: "họp chi bộ 1 buổi, không phải họp dân nên em không tính ạ" (the
 * figures of the nearest clause before it that has any, when "không tính" closes the sentence) and "pano 5
 * cái, không tính 2 cái cũ" (the figure right after it).
 */
function notCounted(toks: readonly Tok[], nv: NonValues, blocked: number[]): void {
  for (let i = 0; i + 1 < toks.length; i++) {
    if (!NOT_WORDS.has(key(toks[i])) || key(toks[i + 1]) !== "tinh") continue;
    let j = i + 2;
    if (key(toks[j]) === "ca" || key(toks[j]) === "vao") j++;
    if (toks[j]?.type === "n") {
      if (!nv.blocked[j]) blocked.push(j);
      continue;
    }
    while (toks[j]?.type === "w" && CLOSING.has(key(toks[j]))) j++;
    if (toks[j] && !CLAUSE_END.has(toks[j]!.k)) continue;
    // the nearest clause before it with a number ("gửi 300 hộ dân không tính ạ" keeps "4 tin" said before)
    let seen = false;
    for (let x = i - 1; x >= 0 && !CLAUSE_END.has(toks[x]!.k) && !(seen && toks[x]!.k === ","); x--) {
      // "…, còn bài tin tức trên báo tỉnh … thì em không tính": what "còn" sets apart is the thing not counted
      if (!seen && key(toks[x]) === "con" && (x === 0 || toks[x - 1]!.k === ",")) break;
      if (toks[x]!.type !== "n") continue;
      seen = true;
      if (!nv.blocked[x]) blocked.push(x);
    }
  }
}

/**
 * Marks the figures of what was not done, left or postponed.
 * @example markNotDone(normaliseAndTokenise("xe lưu động 4 lượt, 1 lượt bị hoãn"), nv).blocked // [6] (the 1)
 */
export function markNotDone(tk: Tokenised, nv: NonValues): TokenMarks {
  const { toks } = tk;
  const blocked: number[] = [];
  // most messages say none of these words: nothing to read
  if (
    !/\b(?:chua|con|bi|tam|de nghi|de xuat|kien nghi|ton|vang|hong|duong|tri|hop|tinh|thanh ly|thu hoi|thao|go bo|sua|gia co|nhan|duoc cap|de (?:thang|quy|dot|ky|lan) sau|de danh|lam (?:rach|do|hong|gay))\b/.test(
      tk.folded.key,
    )
  )
    return { blocked };
  const numbers = createNumberReader(tk, nv.blocked);
  notCounted(toks, nv, blocked);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.type === "w") {
      // "Đề nghị Sở hỗ trợ 5 pa nô cho năm 2027": what is asked for up to the clause's end
      // (not "theo đề nghị của huyện, xã đã treo 5 pano": done at someone's request)
      const req = seqAt(toks, i, REQUEST);
      if (req && key(toks[i - 1]) !== "theo") {
        let asks = false;
        for (let j = i + req; j < i + req + 5 && toks[j]?.type === "w"; j++) if (seqAt(toks, j, SUPPLY)) asks = true;
        if (asks)
          for (let j = i + req; toks[j] && !CLAUSE_END.has(toks[j]!.k) && toks[j]!.type !== "nl"; j++)
            if (toks[j]!.type === "n") blocked.push(j);
      }
      // "bảo dưỡng xe loa 1 lần": how many times the upkeep was done, no figure
      // "e đi họp ở huyện 2 buổi": meetings attended elsewhere, not held, no figure
      const attended = seqAt(toks, i, ATTENDED);
      if (attended) {
        for (let j = i + attended; j < i + attended + 5 && toks[j]; j++) {
          if (toks[j]!.type !== "n" || nv.blocked[j]) {
            if (toks[j]!.type !== "w") break;
            continue;
          }
          const num = numbers.read(j, false);
          if (num && !num.bad && SESSIONS.has(key(toks[num.end]))) for (let x = j; x < num.end; x++) blocked.push(x);
          break;
        }
      }
      const upkeep = seqAt(toks, i, UPKEEP);
      if (upkeep) {
        for (let j = i + upkeep; j < i + upkeep + 6 && toks[j]; j++) {
          if (toks[j]!.type !== "n" || nv.blocked[j]) {
            if (toks[j]!.type !== "w") break;
            continue;
          }
          const num = numbers.read(j, false);
          if (num && !num.bad && key(toks[num.end]) === "lan") for (let x = j; x < num.end; x++) blocked.push(x);
          break;
        }
      }
      // "sửa lại khung pano cũ 2 cái": a part of what stands repaired, nothing new made
      const repair = seqAt(toks, i, REPAIR);
      if (repair && (PARTS.has(key(toks[i + repair])) || oldThingAt(toks, i + repair))) {
        for (let j = i + repair; j < i + repair + 6 && toks[j]; j++) {
          if (toks[j]!.type !== "n" || nv.blocked[j]) {
            if (toks[j]!.type !== "w") break;
            continue;
          }
          const num = numbers.read(j, false);
          if (num && !num.bad) for (let x = j; x < num.end; x++) blocked.push(x);
          break;
        }
      }
      // "nhận 200 tờ rơi từ xã", "nhận từ huyện 300 tờ": what came from above, not what was done
      if (key(t) === "nhan") {
        const got = receivedFrom(toks, nv, numbers, i + 1);
        if (got) for (let x = got[0]; x < got[1]; x++) blocked.push(x);
      }
      // "nhận được 800 tờ rơi từ huyện, đã phát 650 tờ": what was received, beside what was given out
      const received = seqAt(toks, i, RECEIVED);
      if (received && (key(t) !== "nhan" || received > 1 || t.o.toLowerCase() === "nhận" || !tk.accented)) {
        const got = receivedFigure(toks, nv, numbers, i + received);
        if (got) for (let x = got[0]; x < got[1]; x++) blocked.push(x);
        if (got) continue;
      }
      const before = seqAt(toks, i, BEFORE);
      if (!before) continue;
      // a lone "hong" typed without marks may be chat for "không"
      if (before === 1 && key(t) === "hong" && t.o.toLowerCase() !== "hỏng") continue;
      // a lone "ton" only written "tồn" (or in a message typed without marks)
      if (before === 1 && key(t) === "ton" && t.o.toLowerCase() !== "tồn" && tk.accented) continue;
      const j = i + before + (toks[i + before]?.k === ":" || key(toks[i + before]) === "la" ? 1 : 0);
      const num = !nv.blocked[j] && toks[j] ? numbers.read(j, false) : null;
      if (num && !num.bad) for (let x = j; x < num.end; x++) blocked.push(x);
      i += before - 1; // ("còn tồn 100": "tồn" is not read again)
      continue;
    }
    if (t.type !== "n" || nv.blocked[i]) continue;
    const num = numbers.read(i, false);
    if (!num || num.bad) continue;
    // "bảng tin: 4 (không tính vào …)": the bracket right after the bare figure
    if (bracketedNotCounted(toks, num.end - 1)) {
      for (let x = i; x < num.end; x++) blocked.push(x);
      continue;
    }
    // only words between the figure and "bị hoãn" / "còn lưu" / "chưa phát" (its measure or name)
    for (let j = num.end; j <= num.end + REACH + 3 && toks[j]?.type === "w"; j++) {
      if (butNotDoneAt(toks, j)) {
        for (let x = i; x < num.end; x++) blocked.push(x);
        break;
      }
      if (j > num.end + REACH) {
        if (bracketedNotCounted(toks, j)) for (let x = i; x < num.end; x++) blocked.push(x);
        continue;
      }
      if (notCountedAt(toks, j) || bracketedNotCounted(toks, j) || peopleNotYet(toks, num.end, j)) {
        for (let x = i; x < num.end; x++) blocked.push(x);
        break;
      }
      if (!seqAt(toks, j, AFTER)) continue;
      // "tháo" is taken down; "thảo luận" (discussed) or "thảo" written so is no such word
      if (key(toks[j + 1]) === "thao" && (key(toks[j + 2]) === "luan" || !/^th(?:áo|ao)$/i.test(toks[j + 1]!.o)))
        continue;
      // a lone "hong" typed without marks may be chat for "không": only "hỏng" written so is broken, or
      // plain "hong" right after a device ("1 loa hong", "2 cum hong": no one says "a loudspeaker not")
      if (key(toks[j]) === "hong" && toks[j]!.o.toLowerCase() !== "hỏng" && !DEVICES.has(key(toks[j - 1]))) continue;
      // and a lone "vang" may be "vâng" (yes): absent only written "vắng" or after people ("5 nguoi vang")
      if (
        key(toks[j]) === "vang" &&
        key(toks[j + 1]) !== "mat" &&
        toks[j]!.o.toLowerCase() !== "vắng" &&
        !PEOPLE.has(key(toks[j - 1]))
      )
        continue;
      for (let x = i; x < num.end; x++) blocked.push(x);
      break;
    }
    i = num.end - 1;
  }
  return { blocked };
}
