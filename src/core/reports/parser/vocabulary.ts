/**
 * Word lists the report parser reads with, as search keys (no diacritics, lowercase).
 * Data only: each stage of the parser imports the lists it needs.
 */

/** Words that may stand between a number and an indicator name ("12 cái pa nô", "đã treo"). */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  (
    "cai chiec tam buc luot buoi tin bai cuoc duoc da treo dan phat dang la so luong tong cong " +
    "them nua bo sung to chuc tuyen truyen thuc hien xay dung chia se hanh lap dat in an co " +
    "moi cac loai khoang gan hon gom dua viet cam lan cum ket qua hien nay tong so tat ca ca " +
    "thay tham du gia san xuat tiep song phu bien soan thao tai tt dc a thoi nhe nha thi"
  )
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that end a clause: a number never pairs across them. */
export const HARD_WORDS: ReadonlySet<string> = new Set(["va", "voi", "con", "nhung", "cung", "hoac", "rieng", "ngoai"]);
export const HARD_PUNCT: ReadonlySet<string> = new Set([",", ";", ".", "!", "?", "/", "\\", "\n"]);
/** Joiners between two mentions ("pa nô, áp phích"; "băng rôn, khẩu hiệu"). */
export const CONJ: ReadonlySet<string> = new Set([",", "/", "-", "&", "+", "va", "hoac"]);
/** Words an indicator name and its number cannot be separated by (without a colon). */
export const BREAK_WORDS: ReadonlySet<string> = new Set(
  ("tai o trong cua cho tu den tren duoi chua khong nhung voi va con sau truoc ngay thang nam " + "quy dot moi").split(
    " ",
  ),
);
/** Channels posts go out on: they name a part of a sum ("fanpage 10 + zalo 8"). */
export const CHANNEL_NAMES: ReadonlySet<string> = new Set([
  "zalo",
  "fanpage",
  "facebook",
  "fb",
  "web",
  "website",
  "tiktok",
  "youtube",
  // "4 bài livestream": a post streamed live on a page
  "livestream",
]);
/** Whose a channel is, right after its name ("web trường", "fanpage xã", "zalo hội"): no word of its own. */
export const CHANNEL_OWNERS: ReadonlySet<string> = new Set(["truong", "xa", "phuong", "hoi", "doan", "huyen", "tinh"]);
/** Prepositions allowed in "5 bài trên fanpage", "10 tin qua zalo". */
export const PREPS: ReadonlySet<string> = new Set(["tren", "qua", "len", "vao"]);

/** A number right after these is a label or an ordinal, not a value ("thôn 5", "quý 1"). */
export const LABELS: Readonly<Record<string, readonly string[] | null>> = {
  quy: ["quý"],
  thang: ["tháng"],
  nam: ["năm"],
  thon: ["thôn"],
  xom: ["xóm"],
  ap: ["ấp"], // "ấp 3": a hamlet of the South (typed with its mark only: plain "ap" may be "áp phích")
  dot: ["đợt"],
  lan: ["lần"],
  ngay: ["ngày"],
  hom: ["hôm"], // "hôm 30": a day of the month
  tuan: ["tuần"],
  khu: ["khu"],
  doi: ["đội"],
  ban: ["bản"],
  khoi: ["khối"],
  lop: ["lớp"],
  buoi: ["buổi"], // "buổi 1 ngày 8/9 có 35 người": the first session
  khoa: ["khóa", "khoá"],
  ky: ["kỳ", "kì"],
  ki: ["kì", "kỳ"],
  phan: ["phần"],
  muc: ["mục"],
  dieu: ["điều"],
  khoan: ["khoản"],
  chuong: ["chương"],
  phien: ["phiên"],
  to: ["tổ"],
  tdp: ["tdp"], // "tdp 3": tổ dân phố 3
  thu: ["thứ"],
  tap: ["tập"],
  buoc: ["bước"],
  phuong: ["phường"],
  lo: ["lô"],
  diem: ["điểm"],
  cau: ["câu"],
  hang: ["hạng"],
  cap: ["cấp"],
  dong: ["dòng"], // "sửa lại dòng 3"
  ngo: ["ngõ"], // "đầu ngõ 45": an address
  ngach: ["ngách"],
  bang: ["bảng"], // "Bảng 2. Kết quả …": a table's label (not "băng")
  hem: ["hẻm"],
  kiet: ["kiệt"],
  tang: ["tầng"], // "(tầng 2, phòng 201)": a floor and a room of an address
  phong: ["phòng"],
  giai: null, // "giai đoạn 2"
  noi: null, // "nội dung 2" of the plan
  tieu: null, // "tiểu khu 3"
};
export const LABEL_SECOND: Readonly<Record<string, string>> = { giai: "doan", tieu: "khu", noi: "dung" };

/** Units of time: "6 tháng", "15 phút", "2 năm" are durations, not values. */
export const TIME_UNITS: ReadonlySet<string> = new Set([
  "thang",
  "nam",
  "ngay",
  // "chạy 2 hôm": days, said colloquially
  "hom",
  "tuan",
  "quy",
  "gio",
  "phut",
  "giay",
  "tieng",
  "h",
]);

/** Times of day a day's work is split over ("sáng 1 lượt, chiều 1 lượt"; "sáng 3 tin, chiều 2 tin" are parts). */
export const DAY_PARTS: ReadonlySet<string> = new Set(["sang", "chieu", "toi", "trua"]);

/** Words that introduce a date or time ("từ ngày 1/3", "vào lúc 8h", "sáng 10/2"). */
export const TIME_INTRO: ReadonlySet<string> = new Set([
  "tu",
  "den",
  "toi",
  "vao",
  "luc",
  "hom",
  "sang",
  "chieu",
  "trua",
  "ngay",
  "trong",
  "tai",
  "khoang",
]);

/** Word pairs where a one-word synonym is part of another word ("thông tin" is not "tin"). */
export const COMPOUND_STOP: ReadonlySet<string> = new Set([
  "thong tin",
  "nhan tin",
  "tu tin",
  "niem tin",
  "uy tin",
  "dien tin",
  "tin nhan",
  "tin tuong",
  "tin hoc",
  "tin hieu",
  "tin cay",
  "tin dung",
  "tin nguong",
  "tin gia", // fake news ("phòng chống tin giả")
  "bang tin", // a notice board ("bài trên bảng tin")
  "loa loa",
]);

/** Compounds ("first second" keys) whose second word begins no misspelt name ("phối hợp" is no "họp"). */
export const COMPOUND_HEADS: ReadonlySet<string> = new Set([
  "phoi hop",
  "ket hop",
  "tong hop",
  "phu hop",
  "thich hop",
  "hon hop",
  "lien hop",
  "le hoi",
]);

/** Number-word homographs in a given neighbourhood ("như sau", "năm nay", "một số"). */
export const NUMBER_WORD_STOP_NEXT: Readonly<Record<string, readonly string[]>> = {
  // "sâu rộng", "sâu sát", "sâu sắc" typed without marks
  sau: ["do", "khi", "nay", "cung", "day", "nua", "rong", "sat", "sac"],
  // "năm mới", "năm rồi", "năm kia": the year, not five; "nắm bắt", "nắm vững" typed without marks
  nam: ["nay", "qua", "truoc", "toi", "hoc", "sau", "ngoai", "moi", "roi", "kia", "bat", "vung"],
  // "bộ phận một cửa" (the one-stop desk)
  mot: ["so", "cach", "vai", "it", "khi", "trong", "nua", "cua"],
  tam: ["thoi", "ung"],
  // "bày bán", "hài lòng", "chỉn chu", "Bà Rịa", "Bà Nà" typed without marks
  bay: ["gio", "ban"],
  hai: ["long"],
  chin: ["chu"],
  ba: ["con", "ria", "na"],
  bon: ["phuong"],
};
export const NUMBER_WORD_STOP_PREV: Readonly<Record<string, readonly string[]>> = {
  sau: ["nhu", "ngay", "phia", "truoc", "lan", "nga"],
  tam: ["trung"],
  // "lũy kế năm: 23", "kế hoạch năm", "chỉ tiêu năm", "báo cáo năm": the year, not five
  nam: [
    "trong",
    "hang",
    "moi",
    "ca",
    "cuoi",
    "dau",
    "cac",
    "nhung",
    "cua",
    "giua",
    "phia",
    "nga",
    "ke",
    "hoach",
    "tieu",
    // "báo cáo năm", "bc năm", "số liệu năm", "tổng kết năm": the year's report, not five
    "cao",
    "bc",
    "lieu",
    "ket",
  ],
  mot: ["thu", "lan"],
  // "quảng bá" typed without marks
  ba: ["ong", "nga", "quang"],
  bay: ["nga"],
};

export const VAGUE_BEFORE_SCALE: ReadonlySet<string> = new Set(["vai", "hang", "may", "nhieu", "dam"]);
export const SCALE_WORDS: ReadonlySet<string> = new Set(["chuc", "tram", "nghin", "ngan", "trieu"]);

/** Stems that must not be fuzzy-matched to a synonym (real words one letter away). */
export const FUZZY_STOP: ReadonlySet<string> = new Set([
  // "nhà văn hóa thôn 14" is no typo of "họp thôn"
  "hoathon",
  "hoaxom",
  "hoato",
  "phathanh",
  "truyenthong",
  "thongtin",
  "chuyenmon",
  "nguoidan",
  "hoithoai",
  "thongbao",
  "baocao",
  "tuyentruyen",
  "tochuc",
  "thuchien",
  "xaydung",
  "hoanthanh",
  "hoatdong",
  "phongtrao",
  "phongban",
  "tintuc",
  "baihat",
  "bailiet", // "tiêm vắc xin bại liệt" (polio) is no typo of "bài viết"
  "dienvan", // "biểu diễn văn nghệ", "10 điểm dân cư" are no typos of "diễn đàn"
  "diemdan",
  "nguoithan",
  "tieuthuyet",
  "hoinhap",
  "hoinong",
  "hoiphu",
  "hoivien",
  "hodan",
  // "lễ hội thu hút 30.000 lượt khách" is no typo of "hội thi", "phối hợp đài phường" none of "họp dân"
  "hoithu",
  "hopdai",
  // "phát thanh 8 lượt về an toàn giao thông": times about a topic, no typo of "lượt xe"
  "luotve",
]);

/** Chat abbreviations officers use, read as the word they stand for ("pn 5" is "pa nô 5"). */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ["pn", "pano"],
  ["br", "bangron"],
  ["hn", "hoinghi"],
  ["ng", "nguoi"],
  ["mxh", "mangxahoi"],
  ["fb", "facebook"],
  ["face", "facebook"], // "trên face"
  ["tut", "bai"], // "lên 6 tút": posts (from "status")
  ["post", "bai"], // "5 post lên page"
  ["vs", "voi"],
  ["tt", "thongtin"],
  ["ttld", "thongtinluudong"], // "xe TTLĐ"
  ["hv", "hocvien"],
  ["trc", "truoc"], // "tháng trc"
  ["dc", "duoc"],
]);

/**
 * Abbreviations read only right before a figure and never right after one: "tr 400" is "tờ rơi 400",
 * but "5 tr" / "5tr" is five million (triệu) and "tr." alone a page; "tb 3" is "tin bài 3".
 */
export const ABBREVIATIONS_BEFORE_FIGURE: ReadonlyMap<string, string> = new Map([
  ["tr", "toroi"],
  ["tb", "tinbai"], // "TB 3"; "TB" elsewhere is "thông báo" or "trung bình"
]);

/**
 * Abbreviations read only after given words ("cụm cđ" is "cụm cổ động"; "CĐ" alone is a union or a college), and
 * with `post`, only when a post stands before those ("2 bài trên cổng xã", "4 tin lên cổng": the commune's portal,
 * its website; "6 chuyên mục trên Cổng thông tin" keeps its own name).
 */
export const ABBREVIATIONS_AFTER: ReadonlyMap<string, { after: readonly string[]; full: string; post?: true }> =
  new Map([
    ["cd", { after: ["cum"], full: "codong" }],
    ["tt", { after: ["buoi"], full: "tuyentruyen" }], // "2 buổi TT": sittings of propaganda, not "thông tin"
    ["cong", { after: ["tren", "len"], full: "website", post: true }],
  ]);
/**
 * Loanwords and spoken names officers type for an item, after the search keys of the names they stand for: they
 * join the indicator owning the first of those names ("banner" is a "băng rôn", a "ma-két" a "pa nô").
 */
export const LOANWORDS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [["bangron"], ["banner"]],
  [["pano"], ["maket"]],
  [["toroi", "togap"], ["tờ bướm"]],
  // a forum is held like a seminar or a talk ("tổ chức 2 diễn đàn với 175 đoàn viên")
  [["hoithao", "toadam"], ["diễn đàn"]],
  [
    ["facebook", "fanpage", "mangxahoi", "baimangxahoi"],
    ["phây búc", "tiktok", "clip tiktok", "video tiktok", "youtube"],
  ],
];

/** Words for one post ("bài", "tin", "tút"), before where it went up. */
export const POST_WORDS: ReadonlySet<string> = new Set(["bai", "tin", "tut"]);

/** Places counted in a report ("tại 8 thôn", "cho 200 hộ"): a number before them is never a value. */
export const PLACE_WORDS: ReadonlySet<string> = new Set([
  "thon",
  "xom",
  "lang",
  "xa",
  "phuong",
  "diem",
  "truong",
  "ho",
  "khu",
]);
/** Words before a count of places ("tại 8 thôn", "ở cả 14 thôn", "cho 200 hộ", "và 3 trường"). */
export const PLACE_INTRO: ReadonlySet<string> = new Set([
  "tai",
  "o",
  "cho",
  "den",
  "toi",
  "khap",
  "ca",
  "cac",
  "co",
  "gom",
  "va",
  "x",
  "tren",
]);
/** Two-word places, as "first second" keys ("tổ dân phố", "hộ gia đình", "địa điểm"). */
export const PLACE_PHRASES: ReadonlySet<string> = new Set([
  "to dan",
  "khu dan",
  "cum dan",
  "dia diem",
  "khu pho",
  "nha van",
  "gia dinh",
  "co quan",
  "don vi",
  "tuyen duong",
  "tuyen pho", // "trên 5 tuyến phố": streets, places
  "truc duong",
  "ho gia",
  "cong lang", // "ở 3 cổng làng": village gates
  "dau xa", // "ở 3 đầu xã", "2 đầu thôn": the ends of a place, where things are put up
  "dau thon",
  "nga ba", // "ở 2 ngã ba", "tại 3 ngã tư": junctions, where things are put up
  "nga tu",
  "cua khau", // "tại 3 cửa khẩu": border gates
  "cum xa", // "tại 4 cụm xã": clusters of communes
]);

/**
 * Nouns officers count in passing, with no word before the number ("xã em 7 thôn", "trang có 2.300
 * thành viên", "3 phóng viên", "30 km"): places, things and people who are not attendees. A number
 * right before one is context — never a value, never unclear — unless the noun names an indicator or
 * is its measure. One-word keys; two-word ones are in CONTEXT_PHRASES.
 */
export const CONTEXT_WORDS: ReadonlySet<string> = new Set([
  "thon",
  "xom",
  "lang",
  "xa",
  "phuong",
  "truong",
  "ho",
  "km",
  "kiot",
  "quay",
  "em",
  "tdp", // "14 tdp đều đã nhận tài liệu": places counted
  "chau", // "Trường mầm non có 150 cháu" (children)
  "nhom", // "gửi tin nhắn vào 35 nhóm zalo": groups reached, not posts
  "khau", // "230 hộ, 1.050 khẩu": residents ("khẩu hiệu" is a name, found before)
  "ghe", // "hội trường có 200 ghế": a hall's seats (and a southern "ghe", a boat), no attendees
]);
/**
 * Those a centre serves or receives ("4.500 lượt khách", "3.500 khách du lịch", "6 điểm trường") and who run a page ("3 người
 * quản trị"): context even as the only figure of their sentence, unless an indicator is named before it.
 */
export const SERVED_PHRASES: ReadonlySet<string> = new Set(["luot khach", "khach du", "diem truong", "nguoi quan"]);
/** Two-word context nouns, as "first second" keys (places, things, people by role who are not attendees). */
export const CONTEXT_PHRASES: ReadonlySet<string> = new Set([
  "to dan",
  "khu dan",
  "cum dan",
  "khu pho",
  "nha van",
  "gia dinh",
  "ho gia",
  "co quan",
  "don vi",
  "thi tran",
  "benh vien",
  "tram y",
  "ki ot",
  "ky ot",
  "cum loa",
  "cot loa",
  "cho ngoi", // "hội trường 120 chỗ ngồi": the hall's size
  "cong truong", // "tại 3 cổng trường" typed without marks: gates, places
  "nhan khau", // "1.050 nhân khẩu": residents
  "thu tieng", // "bằng 2 thứ tiếng": languages
  "cot dien", // "dán ở 20 cột điện": poles, places
  "to tu", // "3 tổ tự quản" typed without marks: groups, never leaflets
  "thanh vien",
  "phong vien",
  "dien vien", // "đội tuyên truyền (7 diễn viên)": the team's size, no attendees
  "cong tac",
  "bien tap",
  "doan vien",
  "hoi vien",
  "dang vien",
  "thanh nien",
  "hoc sinh",
  "sinh vien",
  "giao vien",
  "nhan vien", // "trạm y tế 6 nhân viên": staff of a station or school, background
  "vien chuc", // "Trung tâm có 6 viên chức": a unit's staff, as its "công chức"
  "bac si",
  "y si",
  "can bo",
  "cong chuc",
  "dong chi", // "Ban Chấp hành gồm 15 đồng chí": members, unless they attend
  "tinh nguyen",
  "tuyen duong",
  "truc duong",
  "cay so",
  "chi em",
  // members and audiences by trade or place ("HTX có 150 xã viên"), attendees only beside a gathering
  "xa vien",
  "thuyen vien",
  "tieu thuong",
  "cu dan",
  "ba me",
  "ngu dan",
  "nong dan",
  "cong nhan",
  // branches of the mass organisations and the Party ("5 chi đoàn", "12 chi hội")
  "chi doan",
  "chi hoi",
  "chi bo",
  // items of the message itself ("Em báo cáo 4 chỉ tiêu như sau: …", "e gửi 3 nội dung:"); not "tin nhắn",
  // which officers also send to households ("gửi 120 tin nhắn sms")
  "chi tieu",
  "noi dung",
  "chi so",
  "dau muc",
  ...SERVED_PHRASES,
]);
/** People by their role typed short: pupils, officials, teachers, students, union and association members, veterans. */
export const PEOPLE_SHORT: ReadonlySet<string> = new Set(["hs", "cb", "cbcc", "gv", "sv", "dv", "hv", "ccb"]);
/** People named by their role ("cán bộ", "đoàn viên", "hội viên"), as "first second" keys. */
export const PEOPLE_PHRASES: ReadonlySet<string> = new Set([
  "can bo",
  "cong chuc",
  "vien chuc",
  "doan vien",
  "hoi vien",
  "dang vien",
  "thanh nien",
  "hoc sinh",
  "sinh vien",
  "giao vien",
  "nhan vien",
  "nguoi dan",
  "phu nu",
  "cuu chien",
  "nhan dan",
  "cong nhan",
  "chi em",
  "dong chi", // "65 đồng chí dự": comrades, as Party and mass-organisation meetings count their members
  // voters at a meeting with their deputies, farmers and fishermen at their associations' meetings
  "cu tri",
  "nong dan",
  "ngu dan",
  // parents at a school's or a health station's sessions ("cho 84 phụ huynh", "40 cha mẹ học sinh")
  "phu huynh",
  "cha me",
  // the audiences of a trade or a place: co-op members, crews, stallholders, residents, mothers, workers, elders
  "xa vien",
  "thuyen vien",
  "tieu thuong",
  "cu dan",
  "ba me",
  "nguoi lao",
  "nguoi cao",
]);
/** Last words of a gathering ("hội nghị", "tập huấn", "2 lớp", "buổi họp") whose people by role are its attendees. */
export const GATHERING_WORDS: ReadonlySet<string> = new Set(["nghi", "huan", "lop", "cuoc", "thao", "dam", "hop"]);
/** Words joining a gathering to its people ("hội nghị với 120 đoàn viên", "tập huấn 2 lớp, 130 hội viên"). */
export const GATHERING_LINKS: ReadonlySet<string> = new Set(["voi", "co", "gom", "cho", ","]);
/** People who become attendees when a verb of attending follows ("40 cán bộ dự hội nghị"). */
export const ATTEND_VERBS: ReadonlySet<string> = new Set(["du", "tham", "tg"]);

/** Multiplication signs between two quantities ("3 buổi/tuần x 12 tuần"). */
export const TIMES_SIGNS: ReadonlySet<string> = new Set(["x", "*", "×", "nhan"]);

/** Prepositions that put a post on a channel: the channel decides the indicator ("bài viết trên fanpage"). */
export const CHANNEL_PREPS: ReadonlySet<string> = new Set(["tren", "len", "qua"]);
/** Words naming the label of a figure ("số người tham dự hội nghị: 210"). */
export const COUNT_WORDS: ReadonlySet<string> = new Set(["so", "luong", "tong", "luot"]);

/** Words naming a period ("quý IV", "tháng 12", "tuần 2", "năm 2026", "kỳ này"). */
export const PERIOD_WORDS: ReadonlySet<string> = new Set(["quy", "thang", "tuan", "nam", "ky"]);
