/**
 * A message that only says a report is coming or being sent ("xã Tân Lập bc quý 4 ạ", "dạ em gửi
 * báo cáo nv2 ạ", "Kính gửi Sở …, xã Hòa Bình xin gửi báo cáo kết quả quý IV/2026 như sau:"): the
 * figures, text or file follow in the next messages. Recording it would file an empty report and
 * mark the unit as reported, so the bot asks for the content instead.
 */

/** Words that only greet, address, announce or close ("dạ em xin gửi … ạ"). */
const FILLER = new Set(
  (
    "da vang em e toi minh chau xin kinh gui goi kg thua anh chi a ah ak ad admin ban nhe nha voi " +
    "sau day nhu la len den toi ve cho cua lai them bo sung gio ngay nay luon tiep theo " +
    "ca nha moi nguoi cac dong chi dc duoc va roi oi"
  ).split(" "),
);
/** The report itself, named as what is sent ("báo cáo", "số liệu", "bc"), in one word or two. */
const REPORT_WORDS = new Set(["bc", "sl", "kq", "baocao"]);
const REPORT_PAIRS = new Set([
  "bao cao",
  "so lieu",
  "ket qua",
  "noi dung",
  "tong hop",
  "bieu mau",
  "dinh ky",
  "day du",
]);
/** What names a period or a task ("quý IV/2026", "tháng 12", "nv 2", "#2", "6 tháng đầu năm"). */
const PERIOD_WORDS = new Set("quy thang nam ky dot tuan nhiem vu nv so dau cuoi i ii iii iv".split(" "));
const PERIOD_TOKEN = /^(?:\d{1,4}(?:\/\d{2,4})?|[iv]{1,3}\/\d{4}|nv\d{1,3}|#\d{1,3})$/;
/** A sender's or addressee's kind, followed by its name ("xã Tân Lập", "Sở VHTTDL", "thôn 3"). */
const PLACE_WORDS = new Set(
  "ubnd xa phuong thon ban buon ap xom to khu dac thi tran so phong truong tram hoi doan mttq don vi vp van phong".split(
    " ",
  ),
);
/** Words a name may take after its kind; more is a sentence, not a name. */
const MAX_NAME_WORDS = 4;
/** Longer messages say more than an announcement. */
const MAX_WORDS = 30;
/** "gửi", "nộp", "báo cáo": the sending itself. */
const SENDS = /\b(?:gui|goi|nop|bao cao|bc)\b/;
/** "chị Hoa gửi báo cáo …", "các thôn gửi số liệu …": someone else sends it, the officers talk among themselves. */
const SOMEONE_ELSE =
  /^(?:(?:da|vang)\s+)?(?:(?:anh|chi|dong chi|co|chu|bac|ong|ba|thay)\s+(?!(?:oi|a|ah|em|e|minh|anh|chi|c)\b)[a-z]+\s+(?:[a-z]+\s+)?(?:gui|goi|nop|bao cao|bc)\b|(?:cac|moi|nhung)\s)/;
/** "e gửi bc sau nha", "chiều e gửi", "lát em nộp", "em đang làm bc": the report is promised for later, not sent now. */
const LATER = /\b(?:(?<!nhu )sau(?! day)|chieu|lat|ti|chut|mai|dang|de em)\b/;
/** Work named ("đã ban hành kế hoạch", "kết quả tuyên truyền"): the message says what was done, it is no bare announcement. */
const WORK =
  /\b(?:ban hanh|trien khai|to chuc|hoan thanh|hoan tat|xay dung|thuc hien|phe duyet|tuyen truyen|xong|khong|chua|(?:da|vua|moi) (?:\S+ ){0,2}?(?:treo|phat|dang|lap|hop|lam))\b/;

/**
 * Whether a search key (see `searchKey`) holds only an announcement of a report: who sends it, to
 * whom, the report and its period or task, greetings — no figure, no work said done, no other word.
 * The caller checks first that the message has no figure, reference or file.
 * @example announcesReport("xa tan lap bc quy 4 a") // true
 * @example announcesReport("da em gui bao cao ket qua quy iv/2026 nhu sau:") // true
 * @example announcesReport("xa da ban hanh ke hoach tuyen truyen") // false
 */
export function announcesReport(key: string): boolean {
  const words = key.split(/[^a-z0-9/#]+/).filter(Boolean);
  if (
    !words.length ||
    words.length > MAX_WORDS ||
    !SENDS.test(key) ||
    WORK.test(key) ||
    SOMEONE_ELSE.test(key) ||
    LATER.test(key)
  )
    return false;
  let sawReport = false;
  let nameLeft = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (REPORT_PAIRS.has(`${word} ${words[i + 1]}`) || REPORT_WORDS.has(word)) {
      if (!REPORT_WORDS.has(word)) i++;
      sawReport = true;
      nameLeft = 0;
    } else if (PLACE_WORDS.has(word)) nameLeft = MAX_NAME_WORDS;
    else if (FILLER.has(word) || PERIOD_WORDS.has(word) || PERIOD_TOKEN.test(word)) nameLeft = 0;
    // a name follows its kind word by word ("xã Tân Lập"), or opens the message ("Tân Lập gửi số liệu ạ")
    else if (nameLeft > 0 || i < 3) nameLeft--;
    else return false;
  }
  return sawReport;
}
