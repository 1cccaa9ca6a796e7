/**
 * Stage 3 of drafting a plan: deadlines and cycles in a clause, as Vietnamese plans write them:
 * "trước ngày 10/02/2021", "chậm nhất ngày 15 tháng 3 năm 2026", "hoàn thành trong quý II/2026",
 * "tháng 02/2026" (a table's time column), "định kỳ hằng quý, trước ngày 15 của tháng cuối quý",
 * "hằng tháng trước ngày 05 tháng sau", "trước ngày 25 hằng tháng", "hằng tuần vào thứ Sáu".
 * A date is a deadline only with a word that makes it one ("trước", "chậm nhất", "hạn",
 * "hoàn thành", "đến"): "Quyết định số 4906/QĐ-UBND ngày 29/12/2020", "(03/02/1930 - 03/02/2026)"
 * and "từ ngày 10/5 đến ngày 25/5" are not. "trước ngày D" means the last day is D − 1 (as
 * src/core/calendar/deadline-phrase.ts reads it).
 */

import { addDays, formatDmy, isIsoDate } from "../../calendar/time.js";
import type { Cycle, DraftSchedule, UnplacedReason } from "./types.js";

/** One deadline or cycle found in a clause, with where its words are. */
export interface DeadlineFinding {
  schedule: DraftSchedule;
  start: number;
  end: number;
}

export interface DeadlineContext {
  /** The plan's year: dates without a year belong to it. */
  year: number;
  /** The plan's date ("YYYY-MM-DD"): periodic tasks start with its period. */
  planDate: string;
  /** The plan's last day ("YYYY-MM-DD"): periodic tasks end there. */
  planEnd: string;
  /** A table's time column: a bare date, month or quarter is the deadline. */
  table?: boolean;
}

/**
 * Folds a text to lower case without marks, one character for one, so positions found in the fold
 * are positions in the text ("Trước" → "truoc").
 * @example foldKeepingLength("Hạn 15/3") // "han 15/3"
 */
export function foldKeepingLength(text: string): string {
  return undoDigits(foldChars(text));
}

const DIGIT_LETTER: Record<string, string> = { "0": "o", "1": "l", "4": "a", "6": "o", "3": "e", "8": "a" };

/** A single digit inside a word of letters is OCR's misread letter ("b4o" → "bao", "x4" → "xa", "1a" → "la"). */
function undoDigits(f: string): string {
  return f.replace(
    /(?<![a-z0-9/.-])([a-z]+)(\d)([a-z]*)(?![a-z0-9/-])|(?<![a-z0-9/.-])(\d)([a-z]+)(?![a-z0-9/-])/g,
    (m, a?: string, d?: string, b?: string, d2?: string, c?: string) => {
      if (d !== undefined) return DIGIT_LETTER[d] ? `${a}${DIGIT_LETTER[d]}${b}` : m;
      return d2 !== undefined && DIGIT_LETTER[d2] && c!.length <= 3 ? `${DIGIT_LETTER[d2]}${c}` : m;
    },
  );
}

function foldChars(text: string): string {
  let out = "";
  for (const ch of text) {
    if (ch.length > 1) {
      out += "?".repeat(ch.length);
      continue;
    }
    let f =
      ch === "đ" || ch === "Đ"
        ? "d"
        : ch === "@" || ch === "&"
          ? "e"
          : ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    if (f.length !== 1) f = ch.length === 1 ? ch.toLowerCase().slice(0, 1) || "?" : "?";
    out += f;
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, "0");
function iso(y: number, m: number, d: number): string | undefined {
  const s = `${y}-${pad(m)}-${pad(d)}`;
  return isIsoDate(s) ? s : undefined;
}
const lastDayOf = (y: number, m: number) => iso(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate())!;

const ROMAN: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
};

/** Keyword before a date, in the fold. */
const W = "[a-z]"; // a letter of the fold (OCR may have changed one)
const BEFORE = `tr${W}{1,3}c`;
const BY = `(?:ch${W}{1,2}m nh${W}{1,2}t(?: la)?|han(?: chot| cuoi| nop)?|thoi han(?: hoan thanh| nop)?|hoan thanh(?: vao| trong)?|xong(?: vao)?|den(?: het)?|khong qua|vao)`;
const TIME = `(?:\\d{1,2} ?(?:gio|h)(?: ?\\d{1,2})?(?: phut)?,? )`;
const WEEKDAY = `(?:(?:thu (?:hai|ba|tu|nam|sau|bay)|chu nhat),? )`;
const DAY = `(?:ng${W}{1,2}y )?`;
const DMY = `(\\d{1,2}) ?[/.-] ?(\\d{1,2}) ?[/.-] ?(\\d{4})`;
const DM = `(\\d{1,2}) ?[/-] ?(\\d{1,2})(?![/.-]?\\d)`;
const LONG = `(\\d{1,2}) th${W}{0,4} (\\d{1,2})(?: n${W}{0,3} (\\d{4}))?`;

interface Hit {
  start: number;
  end: number;
}
const overlaps = (a: Hit, b: Hit) => a.start < b.end && b.start < a.end;

/** Spans that are periods of activity, not deadlines: "từ ngày 10/5 đến ngày 25/5", "(03/02/1930 - 03/02/2026)". */
export function rangeSpans(f: string): { start: number; end: number }[] {
  const out: Hit[] = [];
  for (const m of f.matchAll(
    /\btu (?:ngay )?\d{1,2}(?: ?[/.-] ?\d{1,2}| th[a-z]{0,4} \d{1,2})(?: ?[/.-] ?\d{4}| n[a-z]{0,3} \d{4})? (?:den|toi)\b(?: (?:het )?(?:ngay )?(?:\d{1,2}(?: ?[/.-] ?\d{1,2}| th[a-z]{0,4} \d{1,2})(?: ?[/.-] ?\d{4}| n[a-z]{0,3} \d{4})?|[a-z ]{1,30}))?/g,
  )) {
    out.push({ start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of f.matchAll(/\(\s*\d{1,2}[/.]\d{1,2}[/.]\d{4}\s*-\s*\d{1,2}[/.]\d{1,2}[/.]\d{4}\s*\)/g))
    out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

function onceOf(date: string, reading: "before" | "by", word: string): DraftSchedule {
  const dueDate = reading === "before" ? addDays(date, -1) : date;
  const phrase =
    reading === "before"
      ? `trước ngày ${formatDmy(date)}`
      : word === "cham nhat"
        ? `chậm nhất ngày ${formatDmy(date)}`
        : `hạn ${formatDmy(date)}`;
  return { kind: "once", dueDate, phrase };
}

function yearFor(day: number, month: number, ctx: DeadlineContext): number {
  // A date without a year belongs to the plan's year, or the next one if it would be before the plan.
  const candidate = iso(ctx.year, month, day);
  return candidate && candidate < ctx.planDate && month < Number(ctx.planDate.slice(5, 7)) - 2
    ? ctx.year + 1
    : ctx.year;
}

/** The first period of a cycle containing the plan's date. */
function periodStart(every: "month" | "quarter" | "half_year" | "year", planDate: string): string {
  const y = Number(planDate.slice(0, 4));
  const m = Number(planDate.slice(5, 7));
  const months = { month: 1, quarter: 3, half_year: 6, year: 12 }[every];
  return iso(y, Math.floor((m - 1) / months) * months + 1, 1)!;
}

/** The cycle a clause names, if any ("hằng quý", "định kỳ 6 tháng", "hằng tuần"). */
export function cycleOf(f: string): { every: Cycle; start: number; end: number } | undefined {
  const tests: [Cycle, RegExp][] = [
    ["day", /\b(?:hang|moi) ngay\b|\btrong ngay (?:bau cu|dien ra)|\bvao luc \d{1,2} ?gio\b/],
    ["week", /\b(?:hang|moi|dinh ky hang) tuan\b|\bthu (?:hai|ba|tu|nam|sau|bay) hang tuan\b/],
    ["month", /\b(?:hang|moi|dinh ky hang|dinh ky) thang\b|\bbao cao thang\b|\btheo thang\b/],
    ["quarter", /\b(?:hang|moi|dinh ky hang|dinh ky) quy\b|\bbao cao quy\b|\btheo quy\b/],
    ["half_year", /\b(?:dinh ky|hang|bao cao) (?:6|sau) thang\b/],
    ["year", /\b(?:hang|moi|dinh ky hang|dinh ky) nam\b|\bbao cao (?:tong ket )?nam\b(?! \d)/],
  ];
  let best: { every: Cycle; start: number; end: number } | undefined;
  for (const [every, re] of tests) {
    const m = re.exec(f);
    if (m && (!best || m.index < best.start)) best = { every, start: m.index, end: m.index + m[0].length };
  }
  return best;
}

/**
 * The deadlines and cycles of one clause, in order. Dates without a keyword, ranges and dates of
 * documents are left out; a report that names no date says so (an "unplaced" schedule with why).
 * @example findDeadlines("Thực hiện xong trước ngày 10/02/2021.", { year: 2021, planDate: "2021-01-29", planEnd: "2021-12-31" })
 * // [{ schedule: { kind: "once", dueDate: "2021-02-09", phrase: "trước ngày 10/02/2021" }, start: 15, end: 36 }]
 */
export function findDeadlines(clause: string, ctx: DeadlineContext): DeadlineFinding[] {
  const f = foldKeepingLength(clause);
  const ranges = rangeSpans(f);
  const found: DeadlineFinding[] = [];
  const taken = (h: Hit) => ranges.some((r) => overlaps(r, h)) || found.some((x) => overlaps(x, h));
  const push = (schedule: DraftSchedule, start: number, end: number) => {
    if (!taken({ start, end })) found.push({ schedule, start, end });
  };
  const cycle = cycleOf(f);

  // A cycle with its day: "hằng quý, trước ngày 15 của tháng cuối quý", "trước ngày 25 hằng tháng", "trước ngày 05 tháng sau".
  if (cycle && cycle.every !== "day" && cycle.every !== "week") {
    const every = cycle.every;
    const lastMonth = new RegExp(
      `(?:(${BEFORE})|${BY})? ?${DAY}(\\d{1,2}) (?:cua )?th${W}{0,4} cuoi (?:quy|nam|ky|6 thang)`,
    ).exec(f);
    const nextMonth = new RegExp(
      `(?:(${BEFORE})|${BY})? ?${DAY}(\\d{1,2}) (?:cua )?th${W}{0,4} (?:sau|tiep theo|ke tiep|dau (?:cua )?(?:quy|ky|nam) (?:sau|tiep theo)|dau tien cua (?:quy|ky) (?:sau|tiep theo))`,
    ).exec(f);
    const eachMonth = new RegExp(`(?:(${BEFORE})|${BY}) ?${DAY}(\\d{1,2}) (?:cua )?(?:hang|moi) th${W}{0,4}`).exec(f);
    const bareDay = new RegExp(
      `(?:(${BEFORE})|${BY}) ?${DAY}(\\d{1,2})(?![/.-]?\\d)(?! th${W}{0,4} \\d)(?! (?:gio|h)\\b)`,
    ).exec(f);
    const ruleOf = (m: RegExpExecArray, after: boolean) => {
      const n = Number(m[2]);
      const before = Boolean(m[1]);
      return after
        ? { type: "days_after_end" as const, days: before ? n - 1 : n }
        : { type: "day_of_last_month" as const, day: before ? n - 1 : n };
    };
    let rule: ReturnType<typeof ruleOf> | undefined;
    let m: RegExpExecArray | null = null;
    if (nextMonth) rule = ruleOf((m = nextMonth), true);
    else if (lastMonth && every !== "month") rule = ruleOf((m = lastMonth), false);
    else if (eachMonth && every === "month") rule = ruleOf((m = eachMonth), false);
    else if (
      bareDay &&
      every === "month" &&
      !new RegExp(DMY).test(f.slice(bareDay.index)) &&
      !new RegExp(DM).test(f.slice(bareDay.index))
    )
      rule = ruleOf((m = bareDay), false);
    const valid =
      rule && (rule.type === "days_after_end" ? rule.days >= 0 && rule.days <= 90 : rule.day >= 1 && rule.day <= 31);
    if (rule && m && valid && (every === "month" || every === "quarter" || every === "half_year" || every === "year")) {
      const start = Math.min(cycle.start, m.index);
      const end = Math.max(cycle.end, m.index + m[0].length);
      found.push({
        schedule: { kind: "periodic", every, rule, start: periodStart(every, ctx.planDate), end: ctx.planEnd },
        start,
        end,
      });
    }
  }

  // One deadline: keyword, an optional time and weekday, then a date.
  const keyword = `(?:(${BEFORE})|(${BY}))`;
  const tail = ` ?(?:ngay )?${TIME}?${DAY}${WEEKDAY}?${DAY}`;
  for (const [re, kind] of [
    [new RegExp(`${keyword}${tail}${DMY}`, "g"), "dmy"],
    [new RegExp(`${keyword}${tail}${LONG}`, "g"), "long"],
    [new RegExp(`${keyword}${tail}${DM}`, "g"), "dm"],
  ] as const) {
    for (const m of f.matchAll(re)) {
      // "trước 16 giờ ngày 10/3": before an hour of that day, so the day itself is the last one.
      const reading = m[1] && !new RegExp(`^${BEFORE} ?(?:ngay )?${TIME}`).test(m[0]) ? "before" : "by";
      const word = m[2]?.startsWith("cham") ? "cham nhat" : "";
      const [d, mo, y] = [Number(m[3]), Number(m[4]), m[5] ? Number(m[5]) : undefined];
      if (kind === "long" && m[5] === undefined && /^ ?n/.test(f.slice(m.index! + m[0].length))) continue;
      const date = iso(y ?? yearFor(d, mo, ctx), mo, d);
      if (!date) continue;
      // "đến" alone only ends a range or a stretch of work; it is a deadline after "hoàn thành" words only.
      if (
        m[2] &&
        /^(?:den|vao)/.test(m[2]) &&
        !/(?:hoan thanh|xong|thuc hien|nop|gui|bao cao)\S*\s*(?:\S+\s*){0,3}$/.test(
          f.slice(Math.max(0, m.index! - 30), m.index!),
        )
      )
        continue;
      push(onceOf(date, reading, word), m.index!, m.index! + m[0].length);
    }
  }

  // "trong tháng 3/2026", "hoàn thành trong quý II/2026", "6 tháng đầu năm 2026"; in a table, "Tháng 02/2026", "Quý III/2026".
  const lead = ctx.table ? `(?:(?:${BY}|trong):? )?` : `(?:${BY}:? |trong |hoan thanh trong )`;
  for (const m of f.matchAll(new RegExp(`${lead}th${W}{0,4} (\\d{1,2})(?: ?[/-] ?| n${W}{0,3} )(\\d{4})`, "g"))) {
    const mo = Number(m[1]);
    const y = Number(m[2]);
    if (mo >= 1 && mo <= 12) push(onceOf(lastDayOf(y, mo), "by", ""), m.index!, m.index! + m[0].length);
  }
  for (const m of f.matchAll(
    new RegExp(`${lead}qu${W}{0,2} (iv|iii|ii|i|[1-4]|mot|hai|ba|bon)\\b(?: ?[/-] ?| n${W}{0,3} )?(\\d{4})?`, "g"),
  )) {
    const q = ROMAN[m[1]];
    const y = m[2] ? Number(m[2]) : ctx.year;
    if (q) push(onceOf(lastDayOf(y, q * 3), "by", ""), m.index!, m.index! + m[0].length);
  }
  for (const m of f.matchAll(new RegExp(`${lead}(?:6|sau) th${W}{0,4} dau n${W}{0,3}(?: (\\d{4}))?`, "g"))) {
    push(onceOf(lastDayOf(m[1] ? Number(m[1]) : ctx.year, 6), "by", ""), m.index!, m.index! + m[0].length);
  }
  if (ctx.table) {
    for (const m of f.matchAll(new RegExp(`(?:^|\\b)${DMY}`, "g"))) {
      const date = iso(Number(m[3]), Number(m[2]), Number(m[1]));
      if (date) push(onceOf(date, "by", ""), m.index!, m.index! + m[0].length);
    }
    const year = /^\s*(?:trong |ca )?nam (\d{4})\s*$/.exec(f);
    if (year) push(onceOf(lastDayOf(Number(year[1]), 12), "by", ""), 0, f.length);
  }

  found.sort((a, b) => a.start - b.start);
  if (found.length) return found;

  // No date: a cycle without its day, a cycle the plan file cannot hold, or a report "định kỳ / đột xuất".
  const unplaced = (why: UnplacedReason, at: Hit, every?: Cycle): DeadlineFinding[] => [
    {
      schedule: {
        kind: "unplaced",
        why,
        ...(every ? { every } : {}),
        phrase: clause.slice(at.start, at.end).replace(/\s+/g, " ").trim(),
      },
      start: at.start,
      end: at.end,
    },
  ];
  if (cycle)
    return unplaced(
      cycle.every === "day" || cycle.every === "week" ? "cycle_unsupported" : "no_day",
      cycle,
      cycle.every,
    );
  const after =
    /\b(?:sau (?:moi|tung|khi ket thuc) (?:dot|hoat dong|su kien|dip)|ngay sau khi[^,;.]*|sau khi ket thuc)\b/.exec(f);
  if (after) return unplaced("after_event", { start: after.index, end: after.index + after[0].length });
  const adhoc =
    /\b(?:dinh ky|dot xuat|theo y[a-z]{0,2}u cau|khi (?:co )?y[a-z]{0,2}u cau)\b(?:(?: h[a-z]{1,3}c| va)? (?:dot xuat|dinh ky))?(?: (?:theo|khi co) y[a-z]{0,2}u cau)?/.exec(
      f,
    );
  if (adhoc) return unplaced("no_date", { start: adhoc.index, end: adhoc.index + adhoc[0].length });
  if (ctx.table) {
    const ongoing = /\b(?:thuong xuyen|ca nam|hang nam|lien tuc|xuyen suot)\b/.exec(f);
    if (ongoing) return unplaced("ongoing", { start: ongoing.index, end: ongoing.index + ongoing[0].length });
  }
  return [];
}
