/**
 * Suggested indicators for the sample plan (DESIGN.md §8): the propaganda items a commune
 * reports on. Synonyms are matched on search keys, so diacritics, hyphens and spaces are optional;
 * when synonyms overlap the longest match wins ("xe thông tin lưu động" over "tin").
 */

import type { IndicatorDef } from "../types.js";

export const SAMPLE_INDICATORS: IndicatorDef[] = [
  {
    code: "pano",
    label: "Pa nô",
    measure: "cái",
    synonyms: ["pa nô", "pano", "panô", "pa-nô", "pa nô tuyên truyền"],
  },
  {
    code: "ap_phich",
    label: "Áp phích",
    measure: "cái",
    synonyms: ["áp phích", "ap phich", "poster", "tranh áp phích", "tranh cổ động"],
  },
  {
    code: "bang_ron",
    label: "Băng rôn, khẩu hiệu",
    measure: "cái",
    synonyms: [
      "băng rôn",
      "bang ron",
      "băng-rôn",
      "băng zôn",
      "băng dôn",
      "khẩu hiệu",
      "băng khẩu hiệu",
      "băng rôn khẩu hiệu",
      "băng zôn khẩu hiệu",
    ],
  },
  {
    code: "to_roi",
    label: "Tờ rơi",
    measure: "tờ",
    synonyms: ["tờ rơi", "to roi", "tờ gấp", "tờ rơi tờ gấp"],
  },
  {
    code: "cum_co_dong",
    label: "Cụm cổ động",
    measure: "cụm",
    synonyms: ["cụm cổ động", "cum co dong", "cụm pa nô cổ động", "cụm pano cổ động"],
  },
  {
    code: "tin_bai",
    label: "Tin bài",
    measure: "tin",
    synonyms: ["tin bài", "tin", "bài viết", "tin bai"],
  },
  {
    code: "phat_thanh",
    label: "Lượt phát thanh",
    measure: "lượt",
    synonyms: [
      "lượt phát thanh",
      "buổi phát thanh",
      "phát thanh",
      "loa",
      "truyền thanh",
      "loa truyền thanh",
      "loa phát thanh",
      "đài truyền thanh",
      "đài phát thanh",
    ],
  },
  {
    code: "chuyen_muc",
    label: "Chuyên mục",
    measure: "chuyên mục",
    synonyms: ["chuyên mục", "chuyen muc"],
  },
  {
    code: "phong_su",
    label: "Phóng sự",
    measure: "phóng sự",
    synonyms: ["phóng sự", "phong su"],
  },
  {
    code: "bai_mxh",
    label: "Bài đăng mạng xã hội",
    measure: "bài",
    synonyms: [
      "bài đăng fanpage",
      "bài mạng xã hội",
      "bài đăng",
      "fanpage",
      "facebook",
      "zalo",
      "mạng xã hội",
      "bài đăng mạng xã hội",
      "trang fanpage",
    ],
  },
  {
    code: "hoi_nghi",
    label: "Hội nghị, tập huấn",
    measure: "cuộc",
    synonyms: ["hội nghị", "tập huấn", "hội thảo", "lớp tập huấn", "hội nghị tập huấn", "buổi tập huấn"],
  },
  {
    code: "nguoi_tham_du",
    label: "Lượt người tham dự",
    measure: "người",
    synonyms: [
      "người tham dự",
      "lượt người",
      "người dự",
      "đại biểu",
      "người tham gia",
      "lượt người tham dự",
      "lượt người tham gia",
      "học viên",
    ],
  },
  {
    code: "xe_luu_dong",
    label: "Lượt xe thông tin lưu động",
    measure: "lượt",
    synonyms: [
      "xe thông tin lưu động",
      "xe lưu động",
      "lượt xe",
      "xe tuyên truyền lưu động",
      "xe loa lưu động",
      "xe tuyên truyền",
      "tuyên truyền lưu động",
      "xe loa",
      "lượt xe thông tin lưu động",
    ],
  },
];
