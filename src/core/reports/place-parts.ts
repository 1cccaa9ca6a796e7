/**
 * A commune's officer forwards each village's figures ("Thôn Đông báo cáo: treo 1 băng rôn, họp thôn
 * 1 cuộc 45 người") into the commune's chat. They are parts of the commune's report, not the whole:
 * after the commune has reported they add to its figures instead of replacing them.
 */

import { searchKey } from "./text-key.js";

/**
 * Places inside a commune or ward, with the name after them ("thôn Đông", "ấp 3", "tổ dân phố 5",
 * "bản Púng"). Words that also mean something else need a number or a capital after them ("tổ 5",
 * not "tổ công tác"; "bản Púng", not "ban Tuyên giáo").
 */
const NAME = String.raw`(?:\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,2}|\d{1,3}[a-zA-Z]?)`;
const PLACE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:` +
    // unambiguous: a name in capitals, a number, or one word typed in lower case ("thon dong"; not "thôn em")
    String.raw`(?:[Tt]hôn|[Tt]hon|[Xx]óm|[Xx]om|[Ấấ]p|[Bb]uôn|[Pp]lei|[Ss]óc|[Kk]hóm|[Tt]ổ dân phố|[Tt]o dan pho|TDP|tdp|[Kk]hu phố|[Kk]hu pho|KP|kp)\s+(?:${NAME}|(?!(?:em|e|mình|minh|tôi|toi|ta|này|nay|đó|do|ấy|ay)(?![\p{L}]))\p{Ll}+)` +
    // also words: a name in capitals or a number ("Ap 3", "bản Púng", "tổ 5"; not "ap phich", "ban Tuyên giáo")
    String.raw`|(?:[Aa]p|[Bb]on|[Ll]àng|[Ll]ang|[Bb]ản)\s+${NAME}|(?:[Tt]ổ|[Tt]o|[Kk]hu|[Đđ]ội|[Dd]oi)\s+\d{1,3}[a-zA-Z]?` +
    String.raw`)(?![\p{L}\p{N}])`,
  "gu",
);
/** "họp thôn 1 cuộc", "các thôn", "mỗi ấp 2 cái": a place word that names no place. */
const NOT_A_NAME = /(?:họp|hop|các|cac|mỗi|moi|toàn|toan|cả|ca|\d)\s*$/iu;

/** A forwarded message's header line ("[Forwarded from …]", "Tin nhắn chuyển tiếp"), before its text. */
const FORWARD_HEADER = /^\s*(?:\[[^\]\n]*\]|[^\n]*(?:forwarded|chuyển tiếp)[^\n]*)\s*\n/i;
/** Politeness before the place: "dạ", "e gửi", "em chuyển", "báo cáo của". */
const LEAD =
  /^(?:\s*(?:(?:dạ|da|vâng|em|e|a|anh|chị|gửi|gui|chuyển|chuyen|tiếp|tiep|số liệu|so lieu|báo cáo|bao cao|bc|của|cua)(?![\p{L}\p{N}])|[-–:,.]))*\s*/iu;

/**
 * The place of the unit a message reports for alone, when it opens with one ("Thôn Đông báo cáo: …",
 * "[Forwarded from …]\nẤp 3: …") and no other place after it is given figures; null otherwise, and
 * when the place is the unit itself (a village reporting its own figures).
 * @example placeOfPart("Thôn Đông báo cáo: treo 1 băng rôn", "UBND xã Đồng Tâm") // "Thôn Đông"
 * @example placeOfPart("thôn Đông 1 băng rôn, thôn Tây 2 băng rôn", "UBND xã Đồng Tâm") // null
 */
export function placeOfPart(text: string, unitName: string): string | null {
  const body = text.replace(FORWARD_HEADER, "");
  const start = LEAD.exec(body)?.[0].length ?? 0;
  const places = [...body.matchAll(PLACE)].filter(
    (m) => !NOT_A_NAME.test(body.slice(Math.max(0, m.index - 8), m.index)),
  );
  const first = places[0];
  if (!first || first.index !== start) return null;
  const place = first[0];
  if (` ${searchKey(unitName)} `.includes(` ${searchKey(place)} `)) return null;
  // another place given figures ("…, thôn Tây 2 băng rôn"): a list of places, not one place's part
  for (let i = 1; i < places.length; i++) {
    if (searchKey(places[i]![0]) === searchKey(place)) continue;
    const end = places[i + 1]?.index ?? body.length;
    const clause = body.slice(places[i]!.index! + places[i]![0].length, end).split(/[.;\n]/)[0]!;
    if (/\d/.test(clause)) return null;
  }
  return place;
}
