import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// Round 35c, multipliers, look-alikes and background numbers as writers who never saw the parser put them:
// an exception then a rate per sitting, rates per day times days, three-level chains, two groups with their own
// rates, an average beside a stated total or a largest sitting, runs per sitting after a weekly rate. Written
// before the rules: 17 of the first 50 were read right before them, 38 after.

const CASES: [string, string, Record<string, number>][] = [
  // an exception, then a rate per sitting over all sittings
  [
    "exception+rate",
    "họp dân ở 9 thôn, mỗi thôn 1 cuộc, riêng thôn Trung 2 cuộc, mỗi cuộc khoảng 45 người",
    { hoi_nghi: 10, nguoi_tham_du: 450 },
  ],
  [
    "exception+rate",
    "hop dan 6 xom moi xom 2 cuoc, rieng xom Bai 1 cuoc, moi cuoc tam 30 nguoi",
    { hoi_nghi: 11, nguoi_tham_du: 330 },
  ],
  [
    "exception+rate",
    "Tổ chức tuyên truyền tại 8 tổ dân phố, mỗi tổ 01 buổi; riêng tổ 5 tổ chức 02 buổi. Mỗi buổi khoảng 50 người nghe.",
    { hoi_nghi: 9, nguoi_tham_du: 450 },
  ],
  [
    "exception+rate",
    "tập huấn 5 thôn mỗi thôn 1 lớp, riêng thôn Bắc 2 lớp, bình quân 40 người/lớp",
    { hoi_nghi: 6, nguoi_tham_du: 240 },
  ],
  [
    "exception+total",
    "họp 7 tổ dân phố mỗi tổ 1 cuộc, riêng tổ 2 họp 2 cuộc, tổng số người dự 410",
    { hoi_nghi: 8, nguoi_tham_du: 410 },
  ],
  ["exception other noun", "dựng pano ở 4 cổng làng, mỗi cổng 2 tấm, riêng cổng thôn Đoài 1 tấm", { pano: 7 }],
  ["exception other noun", "hop dan o 6 diem, moi diem 2 buoi, rieng diem cho 3 buoi", { hoi_nghi: 13 }],
  // a rate per day times days
  [
    "per day x days",
    "tập huấn chuyển đổi số: 3 lớp/ngày x 2 ngày, mỗi lớp 25 người",
    { hoi_nghi: 6, nguoi_tham_du: 150 },
  ],
  ["per day x days", "xe loa chạy 3 lượt/ngày x 5 ngày", { xe_luu_dong: 15 }],
  ["per day x days", "phát thanh 2 lượt/ngày nhân 10 ngày", { phat_thanh: 20 }],
  // three-level chains
  ["chain", "Đội TTLĐ hoạt động 04 đợt, mỗi đợt 03 ngày, mỗi ngày 02 lượt xe", { xe_luu_dong: 24 }],
  ["chain", "xe loa di 3 dot, moi dot 2 ngay, moi ngay 4 luot", { xe_luu_dong: 24 }],
  // two groups with their own rates
  ["two groups", "xe loa chạy 10 thôn: 6 thôn mỗi thôn 3 lượt, 4 thôn còn lại mỗi thôn 2 lượt", { xe_luu_dong: 26 }],
  ["two groups", "treo băng rôn ở 7 thôn, 5 thôn mỗi thôn 2 cái, 2 thôn mỗi thôn 1 cái", { bang_ron: 12 }],
  ["two groups", "phat to roi 9 xom: 4 xom moi xom 100 to, 5 xom moi xom 80 to", { to_roi: 800 }],
  // an average beside a stated total: the total wins
  [
    "average+total",
    "tổ chức 5 buổi nói chuyện chuyên đề, mỗi buổi tầm 40 người, tổng cộng 212 người",
    { hoi_nghi: 5, nguoi_tham_du: 212 },
  ],
  ["average+total", "hop dan 4 cuoc, moi cuoc khoang 50 nguoi, tong 187 nguoi", { hoi_nghi: 4, nguoi_tham_du: 187 }],
  [
    "average+total",
    "Mở 3 lớp tập huấn, bình quân 30 học viên/lớp, tổng số 94 học viên",
    { hoi_nghi: 3, nguoi_tham_du: 94 },
  ],
  [
    "average+total",
    "tư vấn tại 3 điểm, mỗi điểm 2 buổi/tuần trong 2 tuần, tổng 150 người",
    { hoi_nghi: 12, nguoi_tham_du: 150 },
  ],
  // an average beside the largest or smallest sitting
  [
    "average+max",
    "tổ chức 4 buổi tọa đàm, trung bình mỗi buổi 50 người, buổi đông nhất 80 người",
    { hoi_nghi: 4, nguoi_tham_du: 200 },
  ],
  [
    "average+max",
    "họp dân 5 cuộc, bình quân 60 người/cuộc, cuộc ít nhất chỉ 35 người",
    { hoi_nghi: 5, nguoi_tham_du: 300 },
  ],
  [
    "average+max",
    "to chuc 3 buoi doi thoai, binh quan moi buoi 45 nguoi, buoi dong nhat 70 nguoi",
    { hoi_nghi: 3, nguoi_tham_du: 135 },
  ],
  // runs per sitting after a weekly rate
  ["weekly then runs", "Loa xã phát 2 buổi/tuần trong 6 tuần, mỗi buổi 2 lượt", { phat_thanh: 24 }],
  ["weekly then runs", "đài phát 5 buổi/tuần trong 4 tuần; mỗi buổi phát 01 lượt", { phat_thanh: 20 }],
  // other sitting nouns, per person, per class
  ["per person", "15 đoàn viên, mỗi bạn phát 30 tờ rơi", { to_roi: 450 }],
  ["per person", "8 tinh nguyen vien moi nguoi dan 10 ap phich", { ap_phich: 80 }],
  // a stated total and an extra after it
  [
    "total+extra",
    "fanpage đăng 3 bài/tuần trong 4 tuần, tổng 12 bài; riêng tuần lễ hội đăng thêm 4 bài",
    { bai_mxh: 16 },
  ],
  ["total+extra", "trang xã mỗi ngày 1 tin suốt tháng 10 (31 tin), ngoài ra 2 tin đột xuất", { tin_bai: 33 }],
  ["per place", "kẻ khẩu hiệu ở 12 bản mỗi bản 3 cái", { bang_ron: 36 }],
  ["per place", "phát tờ gấp cho 640 hộ, mỗi hộ 1 tờ", { to_roi: 640 }],
  // look-alikes
  ["lookalike", "quay 4 clip ngắn đăng tiktok xã", { bai_mxh: 4 }],
  ["lookalike", "Truyền thông nhóm nhỏ: 05 buổi, 64 người", { hoi_nghi: 5, nguoi_tham_du: 64 }],
  ["lookalike", "treo 300 poster khuyến mại; dán 20 áp phích phòng cháy", { ap_phich: 20 }],
  // background numbers
  ["background", "xã có 9 thôn, 2.140 hộ, 8.900 khẩu; treo 14 băng rôn", { bang_ron: 14 }],
  ["background", "hội viên tuổi bình quân 70, cao nhất 98 tuổi; đăng 5 bài zalo", { bai_mxh: 5 }],
  [
    "background",
    "còn 230 người chưa cài VNeID; tổ chức 2 buổi hướng dẫn cho 85 người",
    { hoi_nghi: 2, nguoi_tham_du: 85 },
  ],
  ["background", "Số ca sốt xuất huyết: 5 ca; truyền thông 3 buổi, 120 người", { hoi_nghi: 3, nguoi_tham_du: 120 }],
  ["background", "tổ chức 1 buổi tuyên truyền tại nhà văn hóa có 150 cư dân dự", { hoi_nghi: 1, nguoi_tham_du: 150 }],
];

// written while working (16 of these 20 were read wrong before the rules, 4 right and kept so)
const MORE: [string, string, Record<string, number>][] = [
  ["two groups", "treo băng rôn ở 8 thôn, 5 thôn mỗi thôn 2 cái, 3 thôn mỗi thôn 1 cái", { bang_ron: 13 }],
  ["two groups", "họp dân 9 thôn: 5 thôn mỗi thôn 2 cuộc, 4 thôn còn lại mỗi thôn 1 cuộc", { hoi_nghi: 14 }],
  ["two groups", "treo băng rôn 6 thôn mỗi thôn 2 cái, 3 thôn khác mỗi thôn 1 cái", { bang_ron: 15 }],
  ["rate of sittings", "tập huấn 3 buổi/tuần trong 2 tuần, mỗi buổi 20 người", { hoi_nghi: 6, nguoi_tham_du: 120 }],
  ["rate of sittings", "loa ấp 4 buổi/tuần x 3 tuần, mỗi buổi 2 lượt", { phat_thanh: 24 }],
  ["audience", "họp dân 3 cuộc, mỗi cuộc 50 người nghe", { hoi_nghi: 3, nguoi_tham_du: 150 }],
  ["audience", "tổ chức 2 buổi nói chuyện, 130 người nghe", { hoi_nghi: 2, nguoi_tham_du: 130 }],
  [
    "exception+rate",
    "hop dan 8 xom moi xom 1 cuoc, rieng xom Dong 2 cuoc, trung binh 40 nguoi/cuoc",
    { hoi_nghi: 9, nguoi_tham_du: 360 },
  ],
  ["chain", "xe loa chạy 3 đợt, mỗi đợt 4 ngày, mỗi ngày 2 lượt", { xe_luu_dong: 24 }],
  ["chain", "loa xã phát 3 đợt, mỗi đợt 4 ngày, mỗi ngày 2 lượt", { phat_thanh: 24 }],
  ["per person", "huy động 20 hội viên, mỗi người treo 2 băng rôn", { bang_ron: 40 }],
  ["households", "phát tờ rơi cho 1.860 hộ, mỗi hộ 1 tờ", { to_roi: 1860 }],
  ["households", "phat to roi 2.150 ho moi ho 2 to", { to_roi: 4300 }],
  [
    "extremes",
    "mở 3 lớp, lớp đông nhất 45 học viên, lớp ít nhất 30 học viên, tổng 112 học viên",
    { hoi_nghi: 3, nguoi_tham_du: 112 },
  ],
  ["cases", "ghi nhận 9 ca sốt xuất huyết; truyền thông 3 buổi, 120 người", { hoi_nghi: 3, nguoi_tham_du: 120 }],
  ["cases", "Lực lượng tham gia: 120 dân quân, 2 ca nô, 6 thuyền; xe loa 6 lượt", { xe_luu_dong: 6 }],
  ["not yet", "con 50 nguoi chua tham gia, hop 3 cuoc 120 nguoi", { hoi_nghi: 3, nguoi_tham_du: 120 }],
  ["channel", "đăng 4 bài livestream", { bai_mxh: 4 }],
  ["background", "hoi vien tuoi trung binh la 65, dang 4 bai zalo", { bai_mxh: 4 }],
  ["bound kept", "Thôn có 118 hộ, phát mỗi hộ ít nhất 1 tờ rơi, dán 5 áp phích", { ap_phich: 5 }],
  // a known miss until the background-sentence rule: a sentence naming no indicator, beside a figure read
  ["lookalike", "tiếp nhận 5 xe hàng cứu trợ; xe loa xã chạy 3 lượt tuyên truyền", { xe_luu_dong: 3 }],
];

describe("round 35c variants", () => {
  it.each([...CASES, ...MORE])("%s: %s", (_family, text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

// read wrong still (it.fails: turns red when one starts passing, to be moved up)
const KNOWN_MISSES: [string, string, Record<string, number>][] = [
  ["per day x days", "mo lop huong dan VNeID 2 lop/ngay trong 4 ngay", { hoi_nghi: 8 }],
  [
    "chain",
    "Hội ND tổ chức 3 đợt tuyên truyền, mỗi đợt 4 điểm, mỗi điểm khoảng 60 người",
    { hoi_nghi: 12, nguoi_tham_du: 720 },
  ],
  ["weekly then runs", "phat song ngu 3 buoi/tuan, 5 tuan, moi buoi 2 luot", { phat_thanh: 30 }],
  ["nights", "chiếu phim lưu động 3 đêm tại 3 bản, mỗi đêm khoảng 200 người dự", { hoi_nghi: 3, nguoi_tham_du: 600 }],
  ["nights", "Tổ chức 02 đêm văn nghệ tuyên truyền, mỗi đêm 300 người dự", { hoi_nghi: 2, nguoi_tham_du: 600 }],
  [
    "per class",
    "trường có 12 lớp, mỗi lớp tổ chức 1 buổi sinh hoạt chủ đề, trung bình 32 em/lớp",
    { hoi_nghi: 12, nguoi_tham_du: 384 },
  ],
  ["lookalike", "lam 3 bien tam lon o cong lang", { pano: 3 }],
  ["lookalike", "chuyên mục 'An ninh thôn xóm' làm được 3 số, mỗi số phát 2 lần", { chuyen_muc: 3, phat_thanh: 6 }],
  ["lookalike", "đọc loa thôn 12 lần trong tháng", { phat_thanh: 12 }],
  ["lookalike", "phát 200 thùng mì cho dân, kèm 200 tờ hướng dẫn phòng dịch", { to_roi: 200 }],
  ["lookalike", "xe máy gắn loa chạy 5 lượt quanh thôn", { xe_luu_dong: 5 }],
];

describe("known misses", () => {
  for (const [family, text, values] of KNOWN_MISSES)
    it.fails(`${family}: ${text}`, () => {
      expect(plain(text)).toEqual(only(values));
    });
});
