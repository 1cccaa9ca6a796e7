/**
 * Stage 6 of drafting a plan: the tasks. A task is a responsibility that asks for something by a
 * date or on a cycle: a clause with a deadline (deadlines.ts), or a report "định kỳ", "đột xuất",
 * "hằng tuần" whose date the document does not give (kept, marked unplaced, so the admin decides).
 * Who must do it: the unit the clause names as its subject, else the unit whose section it is in
 * ("4. UBND các xã, thị trấn", "1. Văn phòng HĐND và UBND phường: …"), else the row's lead column
 * in a table of tasks (STT / Nội dung / Đơn vị chủ trì / Đơn vị phối hợp / Thời gian). The lead
 * unit's own consolidation ("tổng hợp, báo cáo … định kỳ") is what the bot's rollups do: no task.
 */

import type { IndicatorDef } from "../../types.js";
import {
  type DeadlineContext,
  type DeadlineFinding,
  findDeadlines,
  foldKeepingLength,
  rangeSpans,
} from "./deadlines.js";
import { type Block, clauses, type DocumentBlocks, sentences } from "./document-blocks.js";
import { suggestIndicators } from "./indicators.js";
import { ocrKey } from "./ocr-text.js";
import type { Restorer } from "./restore-diacritics.js";
import type { DraftIndicator, DraftSchedule, KnownUnit, Sourced, UnitMention } from "./types.js";
import type { UnitMatcher } from "./units.js";

/** A task as found, before codes are given. */
export interface FoundTask {
  title: Sourced<string>;
  schedule: Sourced<DraftSchedule>;
  targets: Sourced<string[]>;
  lead?: Sourced<string>;
  indicators: DraftIndicator[];
  assisting?: string;
  /** Where it was found (block index, then position), for document order. */
  at: [number, number];
}

export interface TaskStageResult {
  tasks: FoundTask[];
  mentions: UnitMention[];
  lead?: Sourced<string>;
  /** New units proposed for names the bot does not have, that some task targets. */
  proposed: KnownUnit[];
}

export interface TaskStageDeps {
  matcher: UnitMatcher;
  restorer: Restorer | null;
  deadlines: DeadlineContext;
  indicators: readonly IndicatorDef[];
}

/** Sections whose sentences state aims, not work ("Mục đích, yêu cầu", "Chỉ tiêu", "Kinh phí"). */
const AIMS = /^(?:muc dich|yeu cau|muc tieu|chi tieu|quan diem|kinh phi|can cu|doi tuong|y nghia)/;
const VERBS =
  "bao cao|xay dung|to chuc|trien khai|thuc hien|gui|nop|hoan thanh|chu tri|phoi hop|tham muu|ra soat|tuyen truyen|huong dan|ban hanh|lap|niem yet|chuan bi|kiem tra|tong hop|cap nhat|dang ky|cung cap|thiet ke|tiep nhan|giai quyet|khao sat|danh gia|so ket|tong ket|bo tri|dam bao|bao dam|chi dao|theo doi|don doc|day manh|tang cuong|thanh lap|de xuat|phan cong|bien soan|in an|treo|dua tin|mo|cai dat";
const VERB_AT = new RegExp(`(?:^|[\\s,;:])(?:${VERBS})(?=\\s|$|[,;.:])`);
/** "báo cáo" (OCR: "bao ceo", "bdo cdo"), "tổng hợp kết quả", "thống kê". */
const REPORT = /\bb[a-z]?o c[a-z]{1,2}o\b|\btong hop ket qua\b|\bthong ke\b/;
const GENERIC_TITLE =
  /^(?:|thuc hien xong|hoan thanh|xong|thuc hien|thoi gian(?: thuc hien| hoan thanh)?|thoi han(?: hoan thanh)?|han|bao cao|bao cao ket qua|bao cao ket qua thuc hien|gui bao cao|gui ve)$/;
const GENERIC_REPORT = /^(?:bao cao|bao cao ket qua|bao cao ket qua thuc hien|gui bao cao)$/;

/** Cuts the text where a pattern on its fold matches (the fold keeps positions). */
function cutAt(text: string, re: RegExp): string {
  const m = re.exec(foldKeepingLength(text));
  return m ? text.slice(0, m.index) : text;
}

function removeSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) out = `${out.slice(0, s.start)} ${out.slice(s.end)}`;
  return out;
}

/** A task title from what is left of a clause once its deadline and recipients are out. */
function cleanTitle(text: string): string {
  let t = text;
  // Recipients and channels: "(qua Văn phòng …)", "(số pa nô, …)", "gửi về UBND xã", "về Sở …".
  t = t.replace(/\s*\((?:qua|số|so|kèm|kem|gồm|gom|theo mẫu|theo mau)(?=[\s:,])[^)]*\)/giu, " ");
  // A preamble before the work: "Căn cứ Kế hoạch này và tình hình thực tế, xây dựng …".
  t = t.replace(/^\s*(?:căn cứ|can cu|trên cơ sở|tren co so)\s[^,]*,\s*/iu, "");
  t = cutAt(t, /[\s,;]+(?:gui|nop)(?: bao cao)?(?: ket qua)? (?:ve|len|cho|toi) .*$/);
  t = cutAt(t, /\s+ve (?:ubnd|uy ban|so|phong|van phong|ban|thuong truc|chu tich|dang uy|huyen|tinh|xa|phuong)\b.*$/);
  // Qualifiers after the work itself ("… của đơn vị đảm bảo phù hợp với tình hình địa phương").
  const qualifier =
    /(?:,\s*|\s+)(?:(?:dam bao|bao dam) (?!an ninh|an toan|trat tu|quoc phong|nguon|kinh phi|co so|dieu kien)|nham\s|de\s).*$/.exec(
      foldKeepingLength(t),
    );
  if (qualifier && t.slice(0, qualifier.index).trim().split(/\s+/).length >= 4) t = t.slice(0, qualifier.index);
  // What a deadline leaves behind: "…, hoàn thành", "thực hiện xong", "định kỳ", a dangling "và".
  for (let i = 0; i < 4; i++) {
    t = t.replace(/[\s,;:.\-–]+$/u, "");
    t = cutAt(
      t,
      /[\s,;]+(?:hoan thanh|thuc hien xong|xong|va|dinh ky|hang|thoi gian(?: thuc hien| hoan thanh)?|thoi han|truoc|ke tu|tu|vao|vao sang|vao chieu|sang|chieu|truoc ngay|vao luc)$/,
    );
  }
  t = t.replace(/\s*\(\s*\)/g, "");
  t = t.replace(/^[\s,;:.\-–+•]+/u, "");
  t = t.replace(/^(?:và|va|đồng thời|dong thoi)\s+/iu, "");
  // "Chủ trì rà soát …" → "Rà soát …".
  t = t.replace(/^(?:chủ trì|chu tri)\s+(?=\p{Ll})(?!phối|phoi)/iu, "");
  t = t.replace(/\s+/g, " ").trim();
  return t ? t.charAt(0).toLocaleUpperCase("vi") + t.slice(1) : t;
}

const truncateTitle = (t: string) => (t.length <= 160 ? t : `${t.slice(0, 157).replace(/\s+\S*$/, "")}…`);

/** The part of a block naming its units: "X: …" before the colon, or a short heading. */
function unitPart(b: Block): { text: string; rest: string } | undefined {
  // "Sở Văn hóa, Thể thao và Du lịch là cơ quan chủ trì, …": the subject before "là".
  const is = /^(.{3,120}?)\s+(?:là|la)\s+(?=(?:cơ quan|co quan|đơn vị|don vi|đầu mối|dau moi)\b)/iu.exec(b.text);
  if (is && b.marker.kind !== "none") return { text: is[1], rest: b.text.slice(is[0].length) };
  const colon = b.text.indexOf(":");
  if (colon > 0 && colon <= 150 && !/\d$/.test(b.text.slice(0, colon)))
    return { text: b.text.slice(0, colon), rest: b.text.slice(colon + 1).trim() };
  if (b.heading && !b.cells) return { text: b.text, rest: "" };
  return undefined;
}

/** "Đơn vị thực hiện:", "Thời gian hoàn thành:", "Phối hợp:" after a task item (or inside it). */
const ATTRIBUTE =
  /(?:^|[.;]\s*|\s)(?<label>(?:don vi|co quan)(?: chu tri)?(?: thuc hien)?(?: chu tri)?|chu tri|trach nhiem(?: thuc hien)?|(?:don vi |co quan )?phoi hop|thoi gian(?: hoan thanh| thuc hien)?|thoi han(?: hoan thanh)?|tien do(?: hoan thanh)?)\s*:\s*/g;

interface Attributes {
  units?: string;
  time?: string;
  assisting?: string;
}

/** The content before the first attribute label and the attributes after it ("… Đơn vị thực hiện: X. Thời gian: Y."). */
function attributesOf(text: string): { content: string; attrs: Attributes } | undefined {
  const f = foldKeepingLength(text);
  const hits = [...f.matchAll(ATTRIBUTE)].filter((m) => m.groups?.label !== "co quan" && m.groups?.label !== "don vi");
  if (!hits.length) return undefined;
  const attrs: Attributes = {};
  hits.forEach((m, k) => {
    const start = m.index! + m[0].length;
    const end = k + 1 < hits.length ? hits[k + 1].index! : text.length;
    const value = text.slice(start, end).replace(/^[\s:]+|[\s.;,]+$/g, "");
    const label = m.groups!.label;
    if (/^(?:thoi gian|thoi han|tien do)/.test(label)) attrs.time ??= value;
    else if (/phoi hop/.test(label)) attrs.assisting ??= value;
    else {
      // "UBND các xã, phường; Trung tâm Chuyển đổi số tỉnh hướng dẫn": who helps is not who reports.
      const doers = value
        .split(/\s*;\s*/)
        .filter((part) => !/\s(?:hướng dẫn|phối hợp|hỗ trợ|tham gia|huong dan|phoi hop|ho tro)$/iu.test(part));
      attrs.units ??= doers.join("; ");
    }
  });
  const first = hits[0].index! + (/^[.;\s]/.test(hits[0][0]) ? hits[0][0].search(/\S/) : 0);
  return { content: text.slice(0, first).replace(/[\s.;:]+$/, ""), attrs };
}

type Roles = { content: number; lead: number; assist: number; time: number };

function tableRoles(cells: string[]): Roles | undefined {
  const keys = cells.map((c) => ocrKey(c));
  const find = (re: RegExp, not?: RegExp) => keys.findIndex((k) => re.test(k) && !not?.test(k));
  const time = find(/thoi gian|thoi han|tien do|han hoan thanh|moc thoi gian/);
  const content = find(/noi dung|nhiem vu|cong viec|hoat dong|ten nhiem vu/, /chu tri|phoi hop|thoi gian/);
  const assist = find(/phoi hop/);
  const lead = keys.findIndex(
    (k, i) => i !== time && i !== content && i !== assist && /chu tri|thuc hien|trach nhiem|don vi|co quan/.test(k),
  );
  if (content < 0 || (time < 0 && lead < 0)) return undefined;
  return { content, lead, assist, time };
}

/**
 * Finds the tasks of a plan document, with the units and groups it names.
 * @example findTasks(readBlocks(text), deps).tasks[0].schedule.value // { kind: "once", dueDate: "2021-02-09", … }
 */
export function findTasks(doc: DocumentBlocks, deps: TaskStageDeps): TaskStageResult {
  const { matcher, restorer } = deps;
  const blocks = doc.blocks;
  const show = (s: string) => (restorer ? restorer.restore(s) : s);
  const mentions: UnitMention[] = [];
  const noteMentions = (list: UnitMention[]) => {
    for (const m of list)
      if (!mentions.some((x) => x.text === m.text && x.targets.join() === m.targets.join())) mentions.push(m);
  };

  // The units each numbered block speaks for (its own "X:" or heading), cached.
  const ownUnits = new Map<number, UnitMention[]>();
  const unitsOfBlock = (b: Block): UnitMention[] => {
    let list = ownUnits.get(b.index);
    if (!list) {
      const part = unitPart(b);
      list = part ? matcher.resolve(part.text, b.text).filter((m) => m.targets.length || m.unmatched) : [];
      ownUnits.set(b.index, list);
      noteMentions(list);
    }
    return list;
  };
  const chain = (b: Block): Block[] => {
    const out: Block[] = [b];
    for (let p = b.parent; p >= 0; p = blocks[p].parent) out.push(blocks[p]);
    return out;
  };
  /** The nearest block (itself or above) naming units, and those units. */
  const sectionOf = (b: Block): { owner: Block; units: UnitMention[] } | undefined => {
    for (const c of chain(b)) {
      const units = unitsOfBlock(c);
      if (units.length) return { owner: c, units };
    }
    return undefined;
  };
  const inAims = (b: Block) => chain(b).some((c) => c.level < 9 && AIMS.test(c.key));
  // The texts of each section (its heading and every block under it), built once.
  const bySection = new Map<number, string[]>();
  for (const x of blocks) {
    for (const c of chain(x)) {
      const texts = bySection.get(c.index);
      if (texts) texts.push(x.text);
      else bySection.set(c.index, [x.text]);
    }
  }
  const sectionTexts = (owner: number) => bySection.get(owner) ?? [];

  // The plan's lead: the unit whose section says it leads ("cơ quan thường trực", "đầu mối", "chủ trì, phối hợp").
  let lead: Sourced<string> | undefined;
  for (const b of blocks) {
    if (b.zone !== "body" || lead) continue;
    const key = (unitPart(b)?.rest ? ocrKey(unitPart(b)!.rest) : b.key).trim();
    if (!/(?:^|\s)(?:co quan thuong truc|dau moi|co quan chu tri)\b/.test(key) && !/^(?:chu tri|la co quan)/.test(key))
      continue;
    const section = sectionOf(b);
    const single = section?.units.find((m) => m.targets.length === 1 && matcher.unit(m.targets[0]) && !m.unmatched);
    if (single) lead = { value: single.targets[0], source: b.text };
  }
  // Otherwise the unit reports go through ("qua Phòng …") most often.
  if (!lead) {
    const counts = new Map<string, { n: number; source: string }>();
    for (const b of blocks) {
      for (const m of b.text.matchAll(/\(\s*qua\s+([^)]+)\)/giu)) {
        const hit = matcher.resolve(m[1], b.text).find((x) => x.targets.length === 1 && !x.unmatched);
        if (hit) counts.set(hit.targets[0], { n: (counts.get(hit.targets[0])?.n ?? 0) + 1, source: b.text });
      }
    }
    const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n)[0];
    if (best) lead = { value: best[0], source: best[1].source };
  }

  const found: FoundTask[] = [];
  const viaOf = (text: string): Sourced<string> | undefined => {
    const m = /\(\s*qua\s+([^)]+)\)/iu.exec(text);
    if (!m) return undefined;
    const hit = matcher.resolve(m[1], text).find((x) => x.targets.length === 1 && !x.unmatched);
    return hit ? { value: hit.targets[0], source: text } : undefined;
  };

  // Task items followed by their attributes on lines of their own ("Đơn vị thực hiện: …", "Thời gian hoàn thành: …").
  const hosted = new Map<number, { attrs: Attributes; content: string; source: string }>();
  const consumed = new Set<number>();
  for (const b of blocks) {
    if ((b.zone !== "body" && b.zone !== "appendix") || b.cells || inAims(b)) continue;
    const parsed = attributesOf(b.text);
    if (!parsed) continue;
    if (parsed.content && ocrKey(parsed.content).split(" ").length >= 3) {
      hosted.set(b.index, { attrs: parsed.attrs, content: parsed.content, source: b.text });
      continue;
    }
    // An attribute line: it belongs to the item just above it.
    let host = b.index - 1;
    while (host >= 0 && consumed.has(host)) host--;
    if (host < 0 || blocks[host].heading || blocks[host].cells || blocks[host].zone !== b.zone) continue;
    const entry = hosted.get(host) ?? { attrs: {}, content: blocks[host].text, source: blocks[host].text };
    entry.attrs = { ...parsed.attrs, ...entry.attrs };
    entry.source = `${entry.source} ${b.text}`;
    hosted.set(host, entry);
    consumed.add(b.index);
  }

  for (const [index, { attrs, content, source }] of hosted) {
    if (!attrs.time && !attrs.units) continue;
    const b = blocks[index];
    const findings = attrs.time
      ? findDeadlines(attrs.time, { ...deps.deadlines, table: true })
      : findDeadlines(content, deps.deadlines);
    const schedule: DraftSchedule | undefined =
      findings[0]?.schedule ?? (attrs.time ? { kind: "unplaced", why: "no_date", phrase: attrs.time } : undefined);
    if (!schedule) continue;
    const named = attrs.units
      ? matcher.resolve(attrs.units, source).filter((m) => m.targets.length || m.unmatched)
      : [];
    noteMentions(named);
    const targets = named.length ? named : (sectionOf(b)?.units ?? []);
    const isReport = REPORT.test(foldKeepingLength(content));
    const recurring = schedule.kind === "periodic" || (schedule.kind === "unplaced" && schedule.every !== undefined);
    const via = named.find((m) => m.targets.length === 1 && matcher.unit(m.targets[0]));
    const title = cleanTitle(findings[0] && !attrs.time ? removeSpans(content, [findings[0]]) : content);
    found.push({
      title: { value: truncateTitle(show(title)), source },
      schedule: { value: schedule, source },
      targets: { value: targets.flatMap((m) => m.targets), source: attrs.units ?? source },
      ...(via ? { lead: { value: via.targets[0], source } } : lead ? { lead } : {}),
      indicators: suggestIndicators(
        { clause: content, block: content, section: [], report: isReport, recurring, ocr: restorer !== null },
        deps.indicators,
      ),
      ...(attrs.assisting ? { assisting: show(attrs.assisting) } : {}),
      at: [index, 0],
    });
    consumed.add(index);
  }

  for (const b of blocks) {
    if ((b.zone !== "body" && b.zone !== "appendix") || b.cells || inAims(b) || consumed.has(b.index)) continue;
    const section = sectionOf(b);
    const own = unitPart(b);
    const text = own && unitsOfBlock(b).length ? own.rest : b.text;
    if (!text) continue;
    const sectionBlocks = section ? sectionTexts(section.owner.index) : [b.text];
    const sectionIsLead = Boolean(lead && section?.units.some((m) => m.targets.includes(lead!.value)));
    let previous: string | undefined;
    let previousSentence = "";
    for (const sentence of sentences(text)) {
      const parts = clauses(sentence);
      let previousInSentence: string | undefined;
      let lastUnplaced = false;
      for (const [ci, clause] of parts.entries()) {
        const findings = findDeadlines(clause, deps.deadlines);
        const f = foldKeepingLength(clause);
        const isReport = REPORT.test(f);
        // The clause's own subject ("các đơn vị báo cáo …", "UBND các xã xây dựng …").
        let subject: UnitMention[] = [];
        let subjectEnd = 0;
        if (ci === 0) {
          const verb = VERB_AT.exec(f);
          if (verb && verb.index > 0) {
            const prefix = clause.slice(0, verb.index);
            const afterComma = prefix.lastIndexOf(",") + 1;
            subject = matcher
              .resolve(prefix.slice(afterComma), sentence)
              .filter((m) => m.targets.length || m.unmatched);
            if (subject.length) subjectEnd = verb.index;
          }
        }
        const usable = findings.filter(
          (x) =>
            x.schedule.kind !== "unplaced" ||
            (isReport && !(sectionIsLead && /\btong hop\b/.test(f) && !subject.length)),
        );
        if (!usable.length) {
          if (!findings.length) {
            previous = previousInSentence = clause;
            previousSentence = sentence;
          }
          continue;
        }
        // One report "in the day, at 11:00 and 15:00; right after the count" is one task, not two.
        if (usable.every((x) => x.schedule.kind === "unplaced") && lastUnplaced) continue;
        lastUnplaced = usable.every((x) => x.schedule.kind === "unplaced");
        // Several deadlines in one clause are several tasks: each takes the words since the previous one.
        let from = subjectEnd;
        const ranges = rangeSpans(f);
        // Each task's words end at the last comma (or "và") before the next deadline: "báo cáo 6 tháng trước
        // ngày 15/6, báo cáo năm trước ngày 25/11" is two tasks.
        const bounds = usable.map((x, k) => {
          if (k + 1 >= usable.length) return clause.length;
          const between = f.slice(x.end, usable[k + 1].start);
          const cut = Math.max(between.lastIndexOf(","), between.lastIndexOf(" va "));
          return cut >= 0 ? x.end + cut : usable[k + 1].start;
        });
        for (const [k, finding] of usable.entries()) {
          const segEnd = bounds[k];
          const segStart = k === 0 ? from : bounds[k - 1];
          const spans = [
            finding,
            ...ranges,
            ...findings.filter((x) => x !== finding && x.start >= segStart && x.end <= segEnd),
          ]
            .map((s) => ({ start: s.start - segStart, end: s.end - segStart }))
            .filter((s) => s.end > 0 && s.start < segEnd - segStart);
          let title = cleanTitle(removeSpans(clause.slice(segStart, segEnd), spans));
          const titleKey = ocrKey(title);
          const earlier = GENERIC_TITLE.test(titleKey)
            ? previous
            : k === 0 && titleKey.split(" ").length <= 8
              ? previousInSentence
              : undefined;
          if (earlier) {
            const before = cleanTitle(removeSpans(earlier, rangeSpans(foldKeepingLength(earlier))));
            if (before)
              title =
                GENERIC_TITLE.test(titleKey) && !GENERIC_REPORT.test(titleKey)
                  ? before
                  : `${before}; ${title.charAt(0).toLocaleLowerCase("vi")}${title.slice(1)}`;
          }
          if (!title) title = cleanTitle(clause);
          // "…báo cáo 6 tháng (…), năm (…)": the second report is named after the first ("Báo cáo kết quả … năm").
          const periodOnly = /^(?:bao cao )?(?:nam|6 thang|sau thang|quy|thang)(?: \d{4})?$/;
          const previousTask = found[found.length - 1];
          if (k > 0 && periodOnly.test(ocrKey(title)) && previousTask) {
            const base = previousTask.title.value.replace(
              /\s+(?:định kỳ\s+)?(?:6|sáu)\s+tháng(?:\s+\S+\s+năm)?$|\s+(?:định kỳ\s+)?(?:hằng\s+)?(?:quý|năm|tháng)$/iu,
              "",
            );
            title = `${base} ${title.replace(/^(?:báo cáo|bao cao)\s+/iu, "").toLocaleLowerCase("vi")}`;
          }
          // A title taken from the sentence before names both sentences as its source.
          const titleSource =
            earlier && earlier === previous && previousSentence !== sentence
              ? `${previousSentence} ${sentence}`
              : sentence;
          from = finding.end;
          const targets = subject.length ? subject : (section?.units ?? []);
          if (subject.length) noteMentions(subject);
          const recurring =
            finding.schedule.kind === "periodic" ||
            (finding.schedule.kind === "unplaced" && finding.schedule.every !== undefined);
          const indicators = suggestIndicators(
            { clause, block: b.text, section: sectionBlocks, report: isReport, recurring, ocr: restorer !== null },
            deps.indicators,
          );
          const via = viaOf(clause) ?? viaOf(b.text);
          const source = sentence;
          found.push({
            title: { value: truncateTitle(show(title)), source: titleSource },
            schedule: {
              value: finding.schedule,
              source: clause.slice(finding.start, finding.end).trim() ? sentence : sentence,
            },
            targets: { value: targets.flatMap((m) => m.targets), source: targets[0]?.source ?? source },
            ...(via ? { lead: via } : lead ? { lead } : {}),
            indicators,
            at: [b.index, finding.start + sentence.length * ci],
          });
        }
        previous = previousInSentence = undefined;
      }
    }
  }

  // Tables of tasks: STT / Nội dung / Đơn vị chủ trì / Đơn vị phối hợp / Thời gian hoàn thành.
  let roles: Roles | undefined;
  for (const b of blocks) {
    if (!b.cells) {
      roles = undefined;
      continue;
    }
    const header = tableRoles(b.cells);
    if (header) {
      roles = header;
      continue;
    }
    if (!roles) continue;
    const cell = (i: number) => (i >= 0 ? (b.cells![i] ?? "").trim() : "");
    const content = cell(roles.content);
    const time = cell(roles.time);
    const leadCell = cell(roles.lead);
    // Group rows ("I | CẢI CÁCH THỂ CHẾ") have no lead and no time.
    if (!content || (!time && !leadCell)) continue;
    const findings: DeadlineFinding[] = time ? findDeadlines(time, { ...deps.deadlines, table: true }) : [];
    const schedule: DraftSchedule = findings[0]?.schedule ?? {
      kind: "unplaced",
      why: "no_date",
      ...(time ? { phrase: time } : {}),
    };
    const unitsHere = leadCell ? matcher.resolve(leadCell, b.text).filter((m) => m.targets.length || m.unmatched) : [];
    noteMentions(unitsHere);
    const isReport = REPORT.test(foldKeepingLength(content));
    const recurring = schedule.kind === "periodic" || (schedule.kind === "unplaced" && schedule.every !== undefined);
    const via = unitsHere.find((m) => m.targets.length === 1 && matcher.unit(m.targets[0]));
    const source = b.cells.filter(Boolean).join(" | ");
    found.push({
      title: { value: truncateTitle(show(cleanTitle(content))), source },
      schedule: { value: schedule, source },
      targets: { value: unitsHere.flatMap((m) => m.targets), source },
      ...(via ? { lead: { value: via.targets[0], source } } : {}),
      indicators: suggestIndicators(
        { clause: content, block: content, section: [], report: isReport, recurring, ocr: restorer !== null },
        deps.indicators,
      ),
      ...(cell(roles.assist) ? { assisting: show(cell(roles.assist)) } : {}),
      at: [b.index, 0],
    });
  }

  // "các đơn vị": every unit the plan gives a section of its own.
  // Bodies the plan only requests ("Đề nghị Ủy ban MTTQ …") are not among "các đơn vị" it directs.
  const requested = new Set(
    [...ownUnits.entries()].filter(([i]) => /^(?:de nghi|trân trọng đề nghị)/.test(blocks[i].key)).map(([i]) => i),
  );
  const responsible = [
    ...new Set(
      [...ownUnits.entries()]
        .filter(([i]) => !requested.has(i))
        .flatMap(([, list]) => list)
        .filter((m) => !m.unmatched)
        .flatMap((m) => m.targets)
        .filter((t) => t !== "*"),
    ),
  ];
  const tasks: FoundTask[] = [];
  for (const t of found.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1])) {
    const targets = [...new Set(t.targets.value.flatMap((x) => (x === "*" ? responsible : [x])))];
    // A unit already reached by a tag in the list is not listed again.
    const tags = targets.filter((x) => !matcher.unit(x));
    const kept = targets.filter((x) => !matcher.unit(x) || !tags.some((tag) => matcher.unit(x)!.tags.includes(tag)));
    const task = { ...t, targets: { ...t.targets, value: kept } };
    const key = `${ocrKey(task.title.value)}|${JSON.stringify(task.schedule.value)}`;
    if (tasks.some((x) => `${ocrKey(x.title.value)}|${JSON.stringify(x.schedule.value)}` === key)) continue;
    tasks.push(task);
  }
  const proposed = new Map<string, KnownUnit>();
  for (const m of mentions)
    if (m.proposed && tasks.some((t) => t.targets.value.includes(m.proposed!.code)))
      proposed.set(m.proposed.code, m.proposed);
  return { tasks, mentions, proposed: [...proposed.values()], ...(lead ? { lead } : {}) };
}
