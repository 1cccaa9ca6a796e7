/**
 * What a registered officer's message in a unit's chat is: a report to record, a question to
 * answer, an acknowledgement to leave alone, or something that may be a report (the bot asks).
 * Nothing an officer writes may go unanswered when it could be a report.
 */
import { SAMPLE_INDICATORS } from "../plans/sample-indicators.js";
import type { IndicatorDef } from "../types.js";
import { announcesReport } from "./announcement.js";
import { hasOutsideFigures, namesOf } from "./read-with-vocabulary.js";
import { type ParsedReport, parseReport } from "./report-parser.js";
import { searchKey, telexFold } from "./text-key.js";

export type MessageKind =
  /** Figures, references, a completion statement, "báo cáo …"/"bc …": recorded (or one question). */
  | "report"
  /** "xã Tân Lập bc quý 4 ạ", "em gửi báo cáo ạ": the report is announced, its content follows; nothing to record yet. */
  | "announcement"
  /** "cho em hỏi …", "bao giờ", "khi nào", "?": answered from the data. */
  | "question"
  /** "ok", "dạ", "vâng", "cảm ơn", emoji: no reply in groups. */
  | "chatter"
  /** About the work but not clearly a report ("xã chưa ban hành kế hoạch"): the bot asks. */
  | "unsure"
  /** Anything else (officers talking among themselves). */
  | "other";

const QUESTION =
  /(?:^|\s)(?:(?:cho|xin|de|muon)\s+(?:(?:em|e|toi|minh|chau|anh|chi)\s+)?hoi(?! (?:vien|nghi|thi|thao|dong|phu|nong|cuu|lhpn|ccb|cha me))(?<!de (?:(?:em|e|toi|minh|chau|anh|chi) )?hoi(?= lai))|em hoi|(?<!de (?:(?:em|e|toi|minh|chau|anh|chi) )?)hoi (?:ve|lai|them|chut|xem|la)|bao gio|khi nao|luc nao|(?:nhiem vu|nv|muc|ky|dot) (?:so )?may|ngay nao|hom nao|may gio|may ngay|bao lau|the nao|ra sao|lam sao|nhu nao|(?:o|vao|den|toi|noi|qua) dau|cho nao|la gi|nhung gi|gi nua|gi (?:a|ah|vay|the|nhi)|bao nhieu|co phai|phai khong|(?:duoc|dc) (?:khong|ko|k|hong)|tai sao|vi sao|(?:sua|lam|gui|nop|tinh|ghi|xoa|xu ly)(?: lai)? sao(?=\s*(?:a|ad|ah|vay|nhi|day|the)?\s*(?:[,.?!]|$))|[a-z]+ nao (?:vay|the|nhi|day|z)|(?:bc|bao cao|nop|gui|hop|lam|xong) roi chua|dang bi (?:tinh|ghi|danh dau)|co sao khong|con kip|co can|can (?:gui|nop|bao cao) (?:gi|khong)|han (?:\S+\s+){0,6}la|(?:dung|phai) (?:khong|ko|k|hong)|(?:xin|de nghi|nho) (?:\S+\s+){0,2}?(?:huong dan|cho biet)|cho (?:em |e |toi |minh )?biet|(?:cho|voi|gap|hoi|lien he) ai|\S+ nao (?:bao cao|gui|nop|lam)|(?:du|xong|nop|nhan|vao|duyet|ghi nhan|cap nhat) chua|\bco(?: (?!thi\b|nhung\b|con\b|ma\b)[^\s,.;!?]+){0,10}? chua(?=\s*(?:a|ad|ah|ha)?\s*(?:[,.?!]|$))|cho (?:em|e|toi|minh|chau) (?:xin(?! phep)|xem|coi|kiem tra)|(?:kiem tra|xem|check|coi|ra soat)(?: lai)? (?:giup|ho|dum|gium)|^(?:\S+\s+){0,3}?ai (?:co|biet)\b|chung nao|bua nao|hoi nao|ma sao|(?:van|con|lai|cu) (?:bi )?nhac\b|(?<!ban )sao (?:\S+ )?(?:con|lai|van|chua|khong|ko|hong|nay)|chua (?:vay|ha|hen|z)|xin (?!phep|gui|goi|bao cao|bc|nop|loi|cam on|chao|kinh)(?:\S+ ){0,2}?(?:sdt|so dien thoai|file|mau|tai lieu|ke hoach|van ban|danh sach|bieu mau|huong dan|link))(?=\s|[,.?!]|$)/;
/** "… chưa ạ?", "… chưa vậy ad", "có … không", at the end of a clause: a yes/no question. */
const QUESTION_TAIL =
  /\b(?:chua|khong|ko|k|(?<!\b(?:bi|hu|da) )hong)(?: (?:a|ah|ha|nhi|vay|the|ad|voi|anh|chi|em|hen|z)){1,2}\s*$|\b(?:co|duoc|dc|phai)\b(?:\s+\S+){1,10}?\s+(?:khong|ko|k|(?<!\b(?:bi|hu|da) )hong)\s*(?:a|ah|ad|ha|nhi|anh|chi|em|vay)?\s*[.!]*\s*$|\b(?:dc|duoc) hong\b|(?<!\b(?:chi|anh|em|e|c|a|co|ba|ong|ban|thay|bac|song|ha|cau) |\d\s?)\bha(?: (?:a|ad|anh|chi|em|ban))?\s*$|\b(?:nao|gi|dau|ai) (?:\S+ ){0,2}?(?:vay|z)(?: (?:a|ad|anh|chi|em))?\s*$|\bsao (?:\S+ ){0,8}?(?:vay|z)(?: (?:a|ad|anh|chi|em))?\s*$/;
/** "… tính là tin bài hay bài mạng xã hội ạ, …": a choice asked between two, closing one clause with a particle. */
const CHOICE_CLAUSE =
  /\bhay (?!lam|qua|that|ghe|nhi)(?:(?:la|phai)\s+)?\S+(?:\s+\S+){0,8}?(?:\s+(?:a|ah|nhi|ad|vay)){1,2}$/;
/** "có … không" closing a clause: a yes/no question. */
const YES_NO =
  /\b(?:co|phai|duoc|dc)\b(?:\s+\S+){1,10}?\s+(?:khong|ko|k|(?<!\b(?:bi|hu|da) )hong)(?:\s+(?:a|ah|ad|ha|nhi))?$/;
/** "… nộp muộn à", "… hả": the particles that ask, as typed with their marks. */
const ASKING_PARTICLE = /(?:^|\s)(?:à|hả|hở|hử)(?:\s+(?:ad|anh|chị|em|ạ))?\s*[.!]*\s*$/;
/** "… tính là tin bài hay bài mạng xã hội ạ", "… hay phải nhắn từng số": a choice asked between two. */
const CHOICE = /\bhay (?!lam|qua|that|ghe|nhi)(?:(?:la|phai)\s+)?\S+(?:\s+\S+){0,8}?\s*(?:a|ah|nhi|ad)?\s*$/;
/** A question about counting or a case ("có được tính không", "nếu … thì …"): figures in it are the question's. */
const ASKS_A_RULE =
  /\b(?:co duoc tinh|duoc tinh|co tinh|thi tinh|tinh (?:la|theo|vao|nhu)|neu\b(?:\s+\S+){1,12}?\s+thi|huong dan cach|cach (?:bao cao|tinh|ghi|nhap|gui))\b/;
/**
 * "cho mượn loa đám cưới được không": a favour for the officers' own lives, asked of a colleague. Not "du lịch"
 * (the Sở's own name) nor "sinh nhật" (Sinh nhật Bác is an occasion of the work).
 */
const PRIVATE_LIFE =
  /\b(?:dam (?:cuoi|gio|hieu|tang|hoi)|an cuoi|di nhau|nghi mat|cho (?:(?:em|e|chi|anh|minh|toi|tui|xa|ap|thon|buon) )?muon)\b/;
/** "sổ hộ nghèo chị để đâu vậy": where a colleague put a thing, no report nor file named. */
const PUT_WHERE = /\b(?:de|cat|giu|bo) (?:o )?dau\b/;
const SENDS_A_REPORT = /\b(?:gui|nop|bao cao|bc|file|hinh|minh chung)\b/;
/** "báo nhầm 500 thành 5000, sửa sao ạ": a mistake and how to put it right asked; its figures are the mistake's. */
const ASKS_TO_FIX = /\b(?:nham|sai)\b(?:\s+\S+){0,14}?\s+(?:sua|xoa|chinh|gui lai|nop lai|bao lai|lam lai)\b/;
/**
 * "ai rảnh chiều đá bóng …", "họp lớp 12A1 …", "chị ơi mua giúp em 2 hộp xôi": an invitation or an
 * errand among colleagues; the people or boxes counted in it are no report. Not "… nhé mọi người"
 * (a report may end so), nor "đạt hộ …", "mua hộ" alone (households: "hộ").
 */
const INVITATION =
  /(?<!(?:khong|chua|ko) )\bai (?:ranh|di|tham gia|choi|muon|an|uong|mua)\b|\b(?:mua|lay|ship|order) (?:giup|ho|dum) (?:em|e|chi|anh|minh|toi|c|a)\b|\b(?:mua|lay) (?:giup|dum)\b|\bhop lop (?:\d|k\d|khoa|cu\b|cap)/;
/** Words of the work and its reports: a question with none of them is the officers' own talk. */
const ABOUT_REPORTING =
  /\b(?:bao cao|bao|bc|han|nhac|nop|gui|thieu|tong hop|chi tieu|so lieu|minh chung|file|excel|word|mau|nhiem vu|nv|ke hoach|van ban|tuyen truyen|tinh|ghi|sua(?! (?:xe|nha|dien|nuoc|may|chua|tuoi|bot|o to|oto))|ad|admin|bot|van phong|so|phong|lien he|tai lieu|kinh phi|tap huan|danh sach|phan mem|quy|thang|nam)\b/;
const SAID_DONE =
  /\b(?:da|vua|moi)\s+(?:(?:\S+)\s+){0,2}?(?:ban hanh|trien khai|to chuc|hoan thanh|hoan tat|xay dung|thuc hien|gui|nop|treo|phat|dang|lap|ky|phe duyet|tuyen truyen|hop|lam xong|xong)\b/;
/** "xong", "hoàn thành" alone: done, unless the message promises the work ("tuần sau tổ chức xong e báo cáo sau"). */
const DONE_WORD = /\b(?<!lien )(?:xong|hoan thanh|hoan tat)\b(?! nien)/;
const NOT_DONE =
  /\b(?:chua|khong|ko|se|dang)\s+(?:(?:\S+)\s+){0,1}?(?:ban hanh|trien khai|to chuc|hoan thanh|xay dung|thuc hien|gui|nop|treo|phat|dang|lap|ky|hop|xong)\b/;
const ABOUT_WORK =
  /\b(?:ke hoach|tuyen truyen|bao cao|van ban|trien khai|ban hanh|to chuc|thuc hien|hoan thanh|xay dung|nhiem vu|minh chung|so lieu|ket qua|cai cach|cong van|quyet dinh)\b/;
/** "chưa … nào", "không … cái nào": something said not done at all. */
const NONE_DONE = /\b(?:chua|khong|ko)\b(?:\s+\S+){0,6}?\s+nao\b/;
/** "phóng sự, chuyên mục chưa có ạ": an indicator said to have none (yet), a zero the officer may mean. */
const NONE_HAD = /\b(?:chua|khong|ko)\s+co\b/;
/** Activities officers report by count that no indicator names ("lớp bồi dưỡng …: 1 lớp", "2 buổi tọa đàm"). */
const ACTIVITY =
  /\b(?:boi duong|hoi thao|toa dam|truyen thong|sinh hoat|giao luu|hoi thi|cuoc thi|phat dong|chuyen de|chieu phim|bieu dien|van nghe)\b/;
/** Verbs of the work counted: with a number after them, or a count ("tổng 24 lượt"), an unread number is a report to ask about. */
const WORK_VERB = /\b(?:phat|dang|treo|dan|in|to chuc|hop|chieu|dung|lap dat|san xuat|trao|cap phat)\b/;
/** …and "làm" ("làm 2 banner treo cổng"), only before a number the parser found and could not place. */
const WORK_VERB_NUMBER = new RegExp(`(?:${WORK_VERB.source}|\\blam\\b)(?:\\s+\\S+){0,3}?\\s+\\d`);
/** Work said to come ("sẽ", "sắp"), nothing said done. */
const PROMISED =
  /\b(?:se|sap|(?:ngay |sang |chieu |toi )?mai|(?:chieu|toi) nay|tuan sau|lat nua|ti nua|chut nua)\s+(?:\S+\s+){0,2}?(?:thuc hien|trien khai|gui|nop|bao cao|bc|lam|to chuc|hoan thanh|bo sung|ban hanh|xay dung)\b/;
/** "em gửi ảnh minh chứng ạ", "dạ em gửi file báo cáo": the files follow (and are handled as files). */
const ANNOUNCES_FILES =
  /^(?:(?:da|vang|em|toi|minh|chau|xin|de|xa|thon)\s+)*(?:gui|goi|nop|up|gui len)\s+(?:(?:them|lai|bo sung)\s+)?(?:anh|hinh|hinh anh|file|tep|tai lieu|minh chung)\b(?:\s+\S+){0,10}$/;
const ACK_WORDS = new Set(
  "ok oke okie okay okey vang da uh um u cam on camon thank thanks tks thks nhan duoc nhe nha a ah anh chi em a roi ro chao xin hi hello chuc moi nguoi cac dong chi ca nha sep vay the".split(
    " ",
  ),
);

/**
 * Classifies a message from a registered person in a unit's chat. Figures win: a message that
 * gives a figure is a report even when it also asks something.
 * @example classifyMessage("Xã Thạch Bình báo cáo: đã ban hành Kế hoạch số 15/KH-UBND", inds) // "report"
 * @example classifyMessage("cho em hỏi hạn báo cáo quý 2 là ngày nào ạ", inds) // "question"
 * @example classifyMessage("dạ vâng ạ", inds) // "chatter"
 * `parse` is the parser to use: the handler passes its message's reading, so that the parse made
 * here serves the steps that record the report.
 */
export function classifyMessage(
  text: string,
  indicators: readonly IndicatorDef[],
  parse: (text: string, indicators: readonly IndicatorDef[]) => ParsedReport & { outside?: object } = parseReport,
): MessageKind {
  const raw = String(text ?? "").trim();
  if (!raw) return "chatter";
  const head = raw.slice(0, 4_000);
  const key = searchKey(head);
  if (!/[a-z0-9]/.test(key)) return "chatter";
  const parsed = parse(raw, indicators);
  const figures = Object.keys(parsed.values).length || parsed.conflicts.length || hasOutsideFigures(parsed);
  const asks = isQuestionKey(raw, key);
  const privateAsk = PRIVATE_LIFE.test(key) || (PUT_WHERE.test(key) && !SENDS_A_REPORT.test(key));
  const aboutTheOffice = asks && !privateAsk && (ABOUT_REPORTING.test(key) || vocabularyOf(indicators).name.test(key));
  // (not beside the work or an indicator named: "hội nghị 50 người, ai tham gia cũng ký tên" is a report)
  if (
    !aboutTheOffice &&
    INVITATION.test(key) &&
    !ABOUT_WORK.test(key) &&
    !vocabularyOf(indicators).name.test(key) &&
    !parsed.references.length &&
    !completed(key)
  )
    return "other";
  const fixing = asks && ASKS_TO_FIX.test(key);
  // a message with a figure is a report, unless it asks about one ("có được tính không", "nếu … thì")
  if (figures && !(asks && (fixing || figuresOfTheQuestion(parsed, key)))) return "report";
  // "ai có cái bàn cho mượn tổ chức sinh nhật con hông": a favour asked, whatever work it names
  if (asks && privateAsk && !parsed.references.length) return "other";
  if (asks) {
    // "… đăng 8 bài. Bài chia sẻ lại có được tính không ạ": the report, whose question is answered too
    if (!fixing && reportBesideQuestion(raw, indicators, parse)) return "report";
    // "trưa nay ăn ở đâu các bác": a question, but not to the office
    if (aboutTheOffice) return "question";
  }
  if (!parsed.references.length && !parsed.unclear.length && !PROMISED.test(key) && announcesReport(key))
    return "announcement";
  if (parsed.references.length || startsAsReport(key)) return "report";
  if (completed(key)) return "report";
  // "pa nô, áp phích: 15", "phát thanh 24 lượt; tổng cả năm 2025 là 280 lượt": an indicator
  // and a number the parser could not place, or a count it read nothing from (not any digit: "ảnh pa nô
  // thôn 3" is a caption whose photo joins the report)
  const vocabulary = vocabularyOf(indicators);
  // …or an indicator or the work said not done at all ("chưa phát được lượt nào", "chưa họp được cuộc
  // nào"): a zero the parser did not read
  const counted =
    ((parsed.unclear.length || vocabulary.count.test(key)) && (vocabulary.name.test(key) || ACTIVITY.test(key))) ||
    // (the parser could not place a count it found, or a number after the work: "clip TikTok 4 cái")
    (parsed.unclear.length > 0 && (vocabulary.count.test(key) || WORK_VERB_NUMBER.test(key))) ||
    (NONE_DONE.test(key) && (vocabulary.name.test(key) || WORK_VERB.test(key))) ||
    (NONE_HAD.test(key) && vocabulary.name.test(key));
  if (!counted && ANNOUNCES_FILES.test(key.trim())) return "chatter";
  // "dạ vâng, em sẽ thực hiện ạ", "tuần sau xã sẽ tổ chức hội nghị": work promised is no report yet
  if (!counted && PROMISED.test(key)) return "other";
  // "loa thôn phát sáng 5h30 và chiều 17h hàng ngày, từ 1/12 đến 6/12", "đăng ngày 1 bài suốt tháng 11":
  // the work on an indicator, with numbers, and no figure read
  const workOnIndicator =
    /\d/.test(key) && WORK_VERB.test(key) && (vocabulary.name.test(key) || vocabulary.count.test(key));
  if (ABOUT_WORK.test(key) || counted || workOnIndicator) return "unsure";
  const words = key.split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length <= 8 && words.every((w) => ACK_WORDS.has(w))) return "chatter";
  return "other";
}

/** Measures officers count in besides the indicators' own ("3 buổi", "2 lớp", "1 đợt"). */
const COMMON_MEASURES = ["buoi", "lop", "dot"];

const vocabularies = new WeakMap<readonly IndicatorDef[], { name: RegExp; count: RegExp }>();

/** The indicators' and the common ones' names, and a number with one of their measures after it ("24 luot"). */
function vocabularyOf(indicators: readonly IndicatorDef[]): { name: RegExp; count: RegExp } {
  let hit = vocabularies.get(indicators);
  if (!hit) {
    const all = [...indicators, ...SAMPLE_INDICATORS];
    const alternation = (words: string[]) =>
      [...new Set(words.filter((w) => w.length > 0))].map((w) => w.replace(/[^a-z0-9 ]/g, "\\$&")).join("|");
    const names = alternation(all.flatMap(namesOf).filter((n) => n.length > 2));
    const measures = alternation([...all.map((i) => searchKey(i.measure ?? "")), ...COMMON_MEASURES]);
    hit = {
      name: new RegExp(`(?:^|[^a-z0-9])(?:${names})(?=[^a-z0-9]|$)`),
      count: new RegExp(`\\d(?:[.,]?\\d)*\\s*(?:(?:k|tram|nghin|ngan|trieu)\\s*)?(?:${measures})(?=[^a-z0-9]|$)`),
    };
    vocabularies.set(indicators, hit);
  }
  return hit;
}

/** The clauses of a key, without what ends them (an emoji, "…"): a question may close any of them. */
const clausesOf = (key: string) =>
  key
    .split(/[,.;!?\n]+/)
    .map((c) => c.replace(/[^a-z0-9]+$/, "").trim())
    .filter(Boolean);

const isQuestionKey = (raw: string, key: string) =>
  raw.includes("?") ||
  // an emoji after the words ("sửa sao ạ 😭") ends nothing
  QUESTION.test(key.replace(/[^\s -~]+/g, " ")) ||
  clausesOf(key).some((clause) => QUESTION_TAIL.test(clause) || CHOICE_CLAUSE.test(clause)) ||
  CHOICE.test(key) ||
  ASKING_PARTICLE.test(raw.toLowerCase().replace(/[^\p{L}\d?.!]+$/u, ""));

/** A clause that asks, or the case a question is about ("nếu …, thì …?"). */
const asksInClause = (clause: string): boolean => {
  const key = searchKey(clause).trim();
  return isQuestionKey(clause, key) || /^(?:neu|gia su|truong hop)\b/.test(key);
};

/**
 * Whether the clauses that ask nothing report something: a figure or a document ("đã ban hành Kế
 * hoạch số 133/KH-UBND …, còn báo cáo số liệu thì hạn khi nào ạ").
 */
function reportBesideQuestion(
  raw: string,
  indicators: readonly IndicatorDef[],
  parse: (text: string, indicators: readonly IndicatorDef[]) => ParsedReport,
): boolean {
  const rest = raw
    .slice(0, 4_000)
    .split(/(?<=[.?!\n,;])/)
    .filter((clause) => !asksInClause(clause))
    .join(" ");
  if (!/[\p{L}\d]/u.test(rest)) return false;
  const parsed = parse(rest, indicators);
  return Object.keys(parsed.values).length > 0 || parsed.references.length > 0;
}

/** Figures a question gives as its subject: a rule or case asked about, or a year ("khẩu hiệu năm 2027"). */
/** A completion statement ("đã ban hành kế hoạch", "xong rồi ạ"), not work said not done or still to come. */
function completed(key: string): boolean {
  return clausesOf(key).some(
    (c) => (SAID_DONE.test(c) || (DONE_WORD.test(c) && !PROMISED.test(c))) && !NOT_DONE.test(c),
  );
}

function figuresOfTheQuestion(parsed: ParsedReport, key: string): boolean {
  if (ASKS_A_RULE.test(key)) return true;
  const values = Object.values(parsed.values);
  if (!values.length) return false;
  // "… có phải cử người đi không?": the "không" closing a yes/no question read as a zero
  if (values.every((v) => v === 0) && clausesOf(key).some((c) => YES_NO.test(c))) return true;
  return values.every((v) => v >= 1900 && v <= 2100);
}

/**
 * Whether a text asks something (a figure in it is for {@link classifyMessage} to weigh).
 * @example isQuestion("khi nào hết hạn ạ") // true
 */
export function isQuestion(text: string): boolean {
  const raw = String(text ?? "").trim();
  return !!raw && isQuestionKey(raw, searchKey(raw.slice(0, 4_000)));
}

/** "báo cáo …", "bc …", "/baocao …" (also typed with Telex leftovers: "baos caos"). */
export function startsAsReport(key: string): boolean {
  const head = key
    .slice(0, 60)
    .split(/[^a-z0-9/]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => (w.startsWith("/") ? w : telexFold(w)));
  const first = head[0] ?? "";
  if (
    first === "/baocao" ||
    first === "baocao" ||
    first === "bc" ||
    first === "/bc" ||
    (first === "bao" && head[1] === "cao")
  )
    return true;
  // "Xã Thạch Bình báo cáo: …", "Dạ em xin báo cáo: …": the sender announces a report.
  return /^(?:\S+\s+){0,6}?(?:bao cao|bc)\s*:/.test(key.slice(0, 80));
}
