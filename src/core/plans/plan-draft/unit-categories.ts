/**
 * Kinds of units plans name as groups ("UBND các xã, thị trấn", "các phòng, ban", "các khối đoàn
 * thể", "Trưởng các thôn"): the words a plan uses for each, and how a unit's name shows it belongs
 * (its name starts that way, or it carries the tag). Keys are OCR keys (ocr-text.ts): no marks,
 * lower case. The bot's own units and tags decide what a group finally is.
 */

export interface UnitCategory {
  /** The usual tag for it ("xa", "phong-ban"); a unit carrying it belongs. */
  tag: string;
  /** Words naming the group after "các" ("xa", "thi tran"); longest first when matching. */
  words: string[];
  /** How members' names start (keys, abbreviations expanded). */
  namePrefixes: string[];
  /** The unit kind for a new unit of this category. */
  kind: string;
  /** How rollups name the group (the plan file's unit_groups label) when no plan has named it. */
  label: string;
}

export const UNIT_CATEGORIES: UnitCategory[] = [
  { tag: "xa", words: ["xa", "cap xa"], namePrefixes: ["uy ban nhan dan xa ", "xa "], label: "Xã", kind: "xa" },
  {
    tag: "thi-tran",
    words: ["thi tran"],
    namePrefixes: ["uy ban nhan dan thi tran ", "thi tran "],
    label: "Thị trấn",
    kind: "xa",
  },
  {
    tag: "phuong",
    words: ["phuong"],
    namePrefixes: ["uy ban nhan dan phuong ", "phuong "],
    label: "Phường",
    kind: "phuong",
  },
  { tag: "dac-khu", words: ["dac khu"], namePrefixes: ["uy ban nhan dan dac khu "], label: "Đặc khu", kind: "xa" },
  {
    tag: "thon",
    words: ["thon", "xom", "lang", "ap", "khu dan cu", "thon ban", "thon xom"],
    namePrefixes: ["thon ", "xom ", "lang ", "ap ", "khu dan cu "],
    label: "Thôn, bản",
    kind: "thon",
  },
  {
    tag: "to-dan-pho",
    words: ["to dan pho", "khu pho", "tdp"],
    namePrefixes: ["to dan pho ", "khu pho ", "tdp "],
    label: "Tổ dân phố",
    kind: "to_dan_pho",
  },
  {
    tag: "phong-ban",
    words: ["phong ban", "phong chuyen mon", "co quan chuyen mon", "phong", "ban nganh", "ban"],
    namePrefixes: ["phong ", "van phong "],
    label: "Phòng, ban",
    kind: "phong_ban",
  },
  {
    tag: "trung-tam",
    words: ["trung tam", "don vi su nghiep", "don vi su nghiep cong lap"],
    namePrefixes: ["trung tam ", "thu vien ", "bao tang ", "nha van hoa "],
    label: "Đơn vị sự nghiệp",
    kind: "trung_tam",
  },
  {
    tag: "doan-the",
    words: ["to chuc chinh tri xa hoi", "khoi doan the", "doan the", "hoi doan the", "hoi", "mat tran"],
    namePrefixes: [
      "uy ban mat tran to quoc",
      "hoi ",
      "doan thanh nien",
      "huyen doan",
      "thi doan",
      "tinh doan",
      "thanh doan",
      "lien doan lao dong",
      "doan ",
    ],
    label: "Mặt trận, đoàn thể",
    kind: "doan_the",
  },
];

/** Words that stand for no particular unit in a list ("các phòng, ban, cơ quan, đơn vị"). */
export const GENERIC_WORDS = [
  "co quan",
  "don vi",
  "dia phuong",
  "nganh",
  "co quan don vi",
  "don vi dia phuong",
  "cac cap",
  "cac nganh",
];

/** Nouns that start a unit's name: a list item starting with one is a new unit, not part of the previous name. */
export const HEAD_NOUNS = [
  "uy ban nhan dan",
  "uy ban",
  "ubnd",
  "van phong",
  "phong",
  "ban chi huy",
  "ban",
  "trung tam",
  "cong an",
  "hoi",
  "doan",
  "lien doan",
  "huyen doan",
  "bao",
  "dai",
  "thu vien",
  "bao tang",
  "chi cuc",
  "so",
  "truong",
  "to",
  "tram",
  "benh vien",
  "kho bac",
  "chi nhanh",
  "hat",
  "doi",
  "nha van hoa",
  "cac",
  "thon",
];

/** Abbreviations expanded before names are compared (keys). */
export const ABBREVIATIONS: Record<string, string> = {
  ubnd: "uy ban nhan dan",
  hdnd: "hoi dong nhan dan",
  mttq: "mat tran to quoc",
  ubmttq: "uy ban mat tran to quoc",
  vhxh: "van hoa xa hoi",
  vhtt: "van hoa thong tin",
  vhttdl: "van hoa the thao va du lich",
  khcn: "khoa hoc va cong nghe",
  tttt: "thong tin va truyen thong",
  ldld: "lien doan lao dong",
  lhpn: "lien hiep phu nu",
  ccb: "cuu chien binh",
  tdp: "to dan pho",
  pvhcc: "phuc vu hanh chinh cong",
};
