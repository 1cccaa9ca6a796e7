/**
 * People a report counts who came to no gathering: served one by one ("khám sàng lọc 145 người cao tuổi", "tiêm
 * 320 mũi", "hướng dẫn cài VNeID cho 450 hộ"), counted by what they passed or won ("38 công dân đủ điều kiện", "18
 * em đạt giải"), helping to run the work ("12 giáo viên tham gia hướng dẫn") or a team's size ("tổ có 9 người"). A clerk records none of them and
 * asks about none: their number and its noun are no figure. Part of markLookAlikes (look-alikes.ts).
 */

import type { NonValues } from "./non-values.js";
import type { createNumberReader } from "./numbers.js";
import { tokenKey as key, type Tok } from "./tokens.js";
import { GATHERING_WORDS, PEOPLE_PHRASES, PEOPLE_SHORT } from "./vocabulary.js";

type Numbers = ReturnType<typeof createNumberReader>;

/** Verbs of a service given one person or household at a time, by their first word ("khám", "tiêm", "tư vấn"). */
const SERVICES: ReadonlyMap<string, string> = new Map([
  ["kham", ""],
  ["tiem", ""],
  ["tu", "van"],
  ["huong", "dan"],
  ["cai", "dat"],
]);
/** People and households counted by one word ("người", "hộ", "trẻ", "cháu"); doses ("mũi", "liều") after "tiêm". */
const SERVED: ReadonlySet<string> = new Set(["nguoi", "ng", "ho", "tre", "chau", "em", "mui", "lieu"]);
/** Words on the way from the verb to its people that make them a gathering's ("với", "có", "dự"). */
const GATHERED: ReadonlySet<string> = new Set(["voi", "co", "du", "tham", "tong", "buoi", "lop", "cuoc"]);
/** What people passed or won, after their count ("đủ điều kiện", "trúng tuyển", "đạt giải"). */
const RESULTS: readonly (readonly string[])[] = [
  ["du", "dieu", "kien"],
  ["du", "suc", "khoe"],
  ["trung", "tuyen"],
  ["dat", "giai"],
  ["dat", "yeu", "cau"],
  ["duoc", "khen"],
];
/** Work of those who run a gathering, after "tham gia" ("tham gia hướng dẫn", "tham gia phục vụ"). */
const STAFF_WORK: ReadonlySet<string> = new Set(["huong dan", "phuc vu", "ho tro", "to chuc", "dan chuong", "bao ve"]);

const clauseEnd = (t: Tok | undefined): boolean => !t || t.type === "nl" || /^[,;.:()!?]$/.test(t.k);

/** How many words of people start at token i ("người", "hs", "thanh niên", "công dân", "người cao tuổi": its first two). */
function peopleWords(toks: readonly Tok[], i: number): number {
  const t = toks[i];
  if (t?.type !== "w") return 0;
  if (SERVED.has(t.kt) || PEOPLE_SHORT.has(t.kt)) return 1;
  const next = toks[i + 1];
  const pair = `${t.kt} ${next?.kt}`;
  return next?.type === "w" && (PEOPLE_PHRASES.has(pair) || pair === "cong dan") ? 2 : 0;
}

/** Whether a gathering's count or name stands earlier in the clause before token i ("2 buổi hướng dẫn … cho 80 người"). */
function gatheringInClause(toks: readonly Tok[], i: number): boolean {
  for (let x = i - 1; x >= 0 && x >= i - 8 && !clauseEnd(toks[x]); x--)
    if (toks[x]!.type === "n" || GATHERING_WORDS.has(key(toks[x])) || key(toks[x]) === "buoi") return true;
  return false;
}

/**
 * At a verb of service (token i), the people it served a few words on ("khám sàng lọc cho 88 người", "tiêm 210
 * mũi"), as [number start, noun end), unless a gathering is said around them.
 */
export function servedAt(toks: readonly Tok[], nv: NonValues, numbers: Numbers, i: number): [number, number] | null {
  const k = key(toks[i]);
  const second = SERVICES.get(k);
  if (second === undefined || (second !== "" && key(toks[i + 1]) !== second)) return null;
  if (gatheringInClause(toks, i)) return null;
  let j = i + (second ? 2 : 1);
  for (const stop = j + 5; j < stop && toks[j]?.type === "w" && !GATHERED.has(key(toks[j])); j++);
  if (toks[j]?.type !== "n" || nv.blocked[j]) return null;
  const num = numbers.read(j, false);
  if (!num || num.bad) return null;
  const words = peopleWords(toks, num.end);
  // (doses only after "tiêm"; people then a verb of attending are attendees: "tư vấn cho 40 người dự")
  if (!words || ((key(toks[num.end]) === "mui" || key(toks[num.end]) === "lieu") && k !== "tiem")) return null;
  if (GATHERED.has(key(toks[num.end + words]))) return null;
  return [j, num.end + words];
}

/**
 * Whether a verb of service opens the few words before token i in its clause ("hướng dẫn cài VNeID cho 320 hộ",
 * "tư vấn tại nhà cho 140 hộ"): the households were served, not sent something (recipients.ts asks about those).
 */
export function servedBefore(toks: readonly Tok[], i: number): boolean {
  for (let x = i - 1; x >= 0 && x >= i - 8 && !clauseEnd(toks[x]); x--) {
    const second = SERVICES.get(key(toks[x]));
    if (second !== undefined && (second === "" || key(toks[x + 1]) === second)) return !gatheringInClause(toks, x);
  }
  return false;
}

/** Groups whose members are counted as their size ("tổ có 9 người", "đội gồm 12 người", "nhóm có 6 thành viên"). */
const TEAMS: ReadonlySet<string> = new Set(["to", "doi", "nhom", "ban"]);

/** Whether the people at [i, at) are a team's size: "tổ có 9 người" (not "tổ có 9 người dự": attendees). */
function teamSize(toks: readonly Tok[], i: number, at: number): boolean {
  const link = key(toks[i - 1]);
  return (link === "co" || link === "gom") && TEAMS.has(key(toks[i - 2])) && !GATHERED.has(key(toks[at]));
}

/**
 * At a number (token i), people counted by what they passed or won ("31 thanh niên đủ điều kiện") or helping to run
 * the work ("15 giáo viên tham gia hướng dẫn"), as [number start, phrase end).
 */
export function peopleApartAt(
  toks: readonly Tok[],
  nv: NonValues,
  numbers: Numbers,
  i: number,
): [number, number] | null {
  if (toks[i]?.type !== "n" || nv.blocked[i] || toks[i - 1]?.type === "n") return null;
  const num = numbers.read(i, false);
  if (!num || num.bad) return null;
  const words = peopleWords(toks, num.end);
  if (!words) return null;
  const at = num.end + words;
  if (teamSize(toks, i, at)) return [i, at];
  for (const result of RESULTS) if (result.every((w, x) => key(toks[at + x]) === w)) return [i, at + result.length];
  if (
    key(toks[at]) === "tham" &&
    key(toks[at + 1]) === "gia" &&
    STAFF_WORK.has(`${key(toks[at + 2])} ${key(toks[at + 3])}`)
  )
    return [i, at + 4];
  return null;
}
