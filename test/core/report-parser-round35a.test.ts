import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// Round 35a, officers' long chat reports: voice-typed paragraphs without punctuation, Zalo bursts glued into one
// message with afterthoughts ("à còn", "với lại", "quên") and chatter lines, and corrections in chat. A rate, a
// span of days or a correction belongs to its own clause; the next indicator noun or topic word starts another.

describe("a span of days or a rate stays in its clause of an unpunctuated paragraph", () => {
  it.each([
    [
      "đợt này em tổ chức tuyên truyền trong 7 ngày băng rôn treo 15 cái tờ rơi phát 900 tờ hội nghị 2 cuộc 180 người",
      { bang_ron: 15, to_roi: 900, hoi_nghi: 2, nguoi_tham_du: 180 },
    ],
    [
      "xe lưu động chạy 3 ngày mỗi ngày 2 lượt còn băng rôn thì 20 cái với lại pano 4 cái",
      { xe_luu_dong: 6, bang_ron: 20, pano: 4 },
    ],
    [
      "loa phát thanh mỗi tuần 3 buổi trong 4 tuần cụm cổ động dựng 2 cụm băng rôn 16 cái",
      { phat_thanh: 12, cum_co_dong: 2, bang_ron: 16 },
    ],
    [
      "trong 10 ngày ra quân em cho xe lưu động chạy 8 lượt treo 25 băng rôn họp 5 cuộc với 400 người",
      { xe_luu_dong: 8, bang_ron: 25, hoi_nghi: 5, nguoi_tham_du: 400 },
    ],
    [
      "trong 2 tuan qua xa em treo 30 bang ron dan 50 ap phich to chuc 3 buoi tuyen truyen co 210 nguoi",
      { bang_ron: 30, ap_phich: 50, hoi_nghi: 3, nguoi_tham_du: 210 },
    ],
    [
      "tổ chức 3 hội nghị mỗi hội nghị khoảng 60 người ngoài ra phát 1000 tờ rơi và treo 10 băng rôn trong 3 ngày cao điểm",
      { hoi_nghi: 3, nguoi_tham_du: 180, to_roi: 1000, bang_ron: 10 },
    ],
    [
      "chiến dịch kéo dài 15 ngày bên em phát thanh 45 lượt đăng facebook 12 bài treo 9 băng rôn",
      { phat_thanh: 45, bai_mxh: 12, bang_ron: 9 },
    ],
    [
      "phat thanh moi ngay 3 luot lien tuc 6 ngay con xe luu dong thi 4 luot bang ron 11 cai",
      { phat_thanh: 18, xe_luu_dong: 4, bang_ron: 11 },
    ],
    [
      "treo băng rôn ở 7 thôn mỗi thôn 2 cái tờ rơi 1400 tờ họp dân 7 cuộc 490 người",
      { bang_ron: 14, to_roi: 1400, hoi_nghi: 7, nguoi_tham_du: 490 },
    ],
    ["mỗi ngày phát thanh 2 lượt trong 7 ngày thì được 14 lượt còn tin bài thì 3", { phat_thanh: 14, tin_bai: 3 }],
    ["xe lưu động 6 lượt mỗi lượt 2 tiếng băng rôn 8 cái", { xe_luu_dong: 6, bang_ron: 8 }],
    [
      "xa em co 3200 ho dan 9 thon dot nay phat to roi duoc 2500 to treo bang ron 18 cai phat thanh 30 luot to chuc 2 hoi nghi co 250 nguoi tham du",
      { to_roi: 2500, bang_ron: 18, phat_thanh: 30, hoi_nghi: 2, nguoi_tham_du: 250 },
    ],
    [
      "anh ơi tháng này pano thì 2 cái áp phích thì 35 tờ băng rôn thì 14 cái còn tin bài thì đăng cổng được 6 tin",
      { pano: 2, ap_phich: 35, bang_ron: 14, tin_bai: 6 },
    ],
    [
      "Kính gửi anh, xã Tân Lập báo cáo: đợt cao điểm 20 ngày, đã treo 24 băng rôn, dựng 2 pano, phát thanh 40 lượt, tổ chức 3 hội nghị với 260 lượt người tham dự, đăng 15 bài trên trang Zalo của xã",
      { bang_ron: 24, pano: 2, phat_thanh: 40, hoi_nghi: 3, nguoi_tham_du: 260, bai_mxh: 15 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("bursts glued into one message: greetings, chatter and afterthoughts between the figures", () => {
  it.each([
    [
      "Dạ em chào anh\nem gửi số liệu tháng 9 ạ\ntin bài 5\nphát thanh 24 lượt\nà còn mạng xã hội 11 bài\nquên băng rôn 8 cái ạ\nem cảm ơn",
      { tin_bai: 5, phat_thanh: 24, bai_mxh: 11, bang_ron: 8 },
    ],
    [
      "Chào anh Hùng ạ\nHôm qua em đi họp huyện về muộn\nSố liệu tuần này:\n- băng rôn 6\n- tờ rơi 700\n- họp dân 2 cuộc khoảng 120 người\nCó gì anh nhắn em nhé, sđt 0912345678",
      { bang_ron: 6, to_roi: 700, hoi_nghi: 2, nguoi_tham_du: 120 },
    ],
    [
      "em gửi ạ băng rôn 10 áp phích 20 tờ rơi 300 à còn phát thanh 12 lượt nữa ạ",
      { bang_ron: 10, ap_phich: 20, to_roi: 300, phat_thanh: 12 },
    ],
    [
      "Chào chị\nem Lan xã Hòa Bình\nbáo cáo tuyên truyền bầu cử\nbăng rôn khẩu hiệu 26\ncụm cổ động 3\nxe loa 5 lượt\nem quên áp phích 60 tờ\ncảm ơn chị",
      { bang_ron: 26, cum_co_dong: 3, xe_luu_dong: 5, ap_phich: 60 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("corrections in chat take the corrected figure, the other figures stay", () => {
  it.each([
    [
      "phát tờ rơi 1200 tờ, hội nghị 3 cuộc 150 người\nà em nhầm tờ rơi là 1020 tờ ạ",
      { to_roi: 1020, hoi_nghi: 3, nguoi_tham_du: 150 },
    ],
    ["bang ron 10 cai pano 2 cai a nham bang ron 12 cai moi dung", { bang_ron: 12, pano: 2 }],
    ["em báo lại số liệu đúng: áp phích 40 tờ chứ không phải 45 tờ như lúc nãy", { ap_phich: 40 }],
    ["pano 5 cái sửa thành 6 cái, băng rôn 12 cái, tờ rơi 800 tờ", { pano: 6, bang_ron: 12, to_roi: 800 }],
    [
      "Dạ em báo cáo xin lỗi anh số lúc sáng em gửi sai, băng rôn đúng là 22 cái chứ không phải 27, các số khác giữ nguyên",
      { bang_ron: 22 },
    ],
    ["to roi 500 to a nham 550 to, hoi nghi 2 cuoc", { to_roi: 550, hoi_nghi: 2 }],
    [
      "tin bài 7 tin\nphóng sự 1\nchuyên mục 2\nem sửa lại tin bài là 8 tin nhé anh",
      { tin_bai: 8, phong_su: 1, chuyen_muc: 2 },
    ],
    ["hop dan 5 cuoc 320 nguoi. xin loi e go nham so nguoi la 302", { hoi_nghi: 5, nguoi_tham_du: 302 }],
    ["hội nghị không phải 4 mà là 5 cuộc, người dự 350", { hoi_nghi: 5, nguoi_tham_du: 350 }],
    [
      "em bao cao tuan nay loa phat moi ngay 2 lan trong 5 ngay bang ron 15 cai xin loi bang ron 17 cai",
      { phat_thanh: 10, bang_ron: 17 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a name before its own figure opens a clause: the product before it keeps its own name", () => {
  it.each([
    ["hop dan o 6 thon moi thon 1 cuoc to roi phat 900 to bang ron 12 cai", { hoi_nghi: 6, to_roi: 900, bang_ron: 12 }],
    ["pano dựng ở 4 xóm mỗi xóm 1 cái cụm cổ động làm 2 cụm", { pano: 4, cum_co_dong: 2 }],
    [
      "đài phát mỗi ngày 3 lượt trong 10 ngày tin bài đăng 5 tin à còn 2 phóng sự nữa",
      { phat_thanh: 30, tin_bai: 5, phong_su: 2 },
    ],
    [
      "tập huấn 2 lớp mỗi lớp 45 học viên à còn phát 300 tờ rơi cho học viên với lại treo 2 băng rôn",
      { hoi_nghi: 2, nguoi_tham_du: 90, to_roi: 300, bang_ron: 2 },
    ],
    ["mỗi tổ dân phố treo 2 băng rôn có 8 tổ dân phố ngoài ra áp phích dán 60 tờ", { bang_ron: 16, ap_phich: 60 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("'1 ngày 2 lượt', '1 tuần 3 bài': the one before the unit says 'mỗi'; the name before it takes the product", () => {
  it.each([
    ["phát thanh 1 ngày 2 lượt suốt 15 ngày xe lưu động thì chạy được 6 lượt", { phat_thanh: 30, xe_luu_dong: 6 }],
    ["loa phát 1 ngày 2 lần trong 10 ngày", { phat_thanh: 20 }],
    ["fanpage 1 tuần 3 bài trong 4 tuần, băng rôn 5 cái", { bai_mxh: 12, bang_ron: 5 }],
    ["phat thanh ngay 2 luot trong 12 ngay xe luu dong 3 luot", { phat_thanh: 24, xe_luu_dong: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("the attendees after a gathering's count end at the next clause of run-on speech, and a correction of the count keeps them", () => {
  it.each([
    [
      "ap phich 30 to treo 12 bang ron hop dan 3 cuoc 200 nguoi e sua lai hop dan 4 cuoc nhe",
      { ap_phich: 30, bang_ron: 12, hoi_nghi: 4, nguoi_tham_du: 200 },
    ],
    ["họp dân 2 cuộc 95 người em quên còn treo 6 băng rôn", { hoi_nghi: 2, nguoi_tham_du: 95, bang_ron: 6 }],
    ["hội nghị 3 cuộc 240 người à nhầm hội nghị 2 cuộc thôi", { hoi_nghi: 2, nguoi_tham_du: 240 }],
    ["hop dan 3 cuoc 180 nguoi con bang ron 7 cai", { hoi_nghi: 3, nguoi_tham_du: 180, bang_ron: 7 }],
    ["họp dân 4 cuộc 260 người em nhầm 4 cuộc 280 người", { hoi_nghi: 4, nguoi_tham_du: 280 }],
    ["hội nghị 2 cuộc 150 người em nhầm hội nghị 3 cuộc", { hoi_nghi: 3, nguoi_tham_du: 150 }],
    [
      "to chuc 3 buoi cho phu huynh, 210 phu huynh. a e ghi thieu, phai la 4 buoi a",
      { hoi_nghi: 4, nguoi_tham_du: 210 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("'à' opening a clause that names an indicator again with a new figure takes the first figure back", () => {
  it.each([
    ["họp dân 2 cuộc 140 người à số người đúng là 104", { hoi_nghi: 2, nguoi_tham_du: 104 }],
    ["tờ rơi 800 tờ, à tờ rơi là 850 ạ", { to_roi: 850 }],
    ["băng rôn 12 cái à băng rôn là 13 cái em đếm lại", { bang_ron: 13 }],
    ["phat thanh 20 luot, a phat thanh la 22 luot", { phat_thanh: 22 }],
    ["phát thanh 30 lượt à phát thanh thì 32 lượt ạ em tính thiếu", { phat_thanh: 32 }],
    ["băng rôn 6 cái, tin bài 3, à tin bài 4 ạ", { bang_ron: 6, tin_bai: 4 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([["tờ rơi 800 tờ, à tờ rơi thêm 50 tờ nữa", { to_roi: 850 }]])(
    "an afterthought that adds stays an addition: %s",
    (text, values) => {
      expect(plain(text)).toEqual(only(values));
    },
  );
});

describe("'à N' right after a figure with its name or measure takes it back ('4 băng rôn, à 5')", () => {
  it.each([
    ["ấp mình treo 9 băng rôn, à 10, quên cái ở cổng chợ", { bang_ron: 10 }],
    ["phát 300 tờ rơi à 350 tờ", { to_roi: 350 }],
    ["treo 6 băng rôn khẩu hiệu à 8 cái", { bang_ron: 8 }],
    ["đăng 12 bài trên fanpage à 13 bài", { bai_mxh: 13 }],
    ["tin bài 5, à 6 tin, phóng sự 1", { tin_bai: 6, phong_su: 1 }],
    ["xe loa 5 luot a khong 6 luot bang ron 9 cai", { xe_luu_dong: 6, bang_ron: 9 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a figure taken back before a topic that has its own figure stays with the indicator taken back", () => {
  it.each([
    [
      "phát 500 tờ rơi à không phải 550 tờ ạ tập huấn thì 3 lớp mỗi lớp 30 người",
      { to_roi: 550, hoi_nghi: 3, nguoi_tham_du: 90 },
    ],
    ["phát 500 tờ rơi à không phải 550 tờ ạ băng rôn thì 6 cái", { to_roi: 550, bang_ron: 6 }],
    ["đăng 10 bài fanpage à không phải 12 bài nhé tin bài thì 3 tin", { bai_mxh: 12, tin_bai: 3 }],
    [
      "treo 10 bang ron a khong phai 12 bang ron thoi hop dan thi 5 thon moi thon 1 cuoc",
      { bang_ron: 12, hoi_nghi: 5 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a particle ('ạ', 'nhé') closes a span of days: the next name is no name of the rate's count", () => {
  it.each([
    ["loa thi moi ngay phat 2 luot trong 9 ngay a tin bai dang cong 2 tin", { phat_thanh: 18, tin_bai: 2 }],
    ["đài thì mỗi ngày phát 3 lượt trong 6 ngày ạ bài fanpage 4 bài", { phat_thanh: 18, bai_mxh: 4 }],
    ["xe loa mỗi ngày 1 lượt trong 6 ngày ạ tin bài đăng cổng 3 tin", { xe_luu_dong: 6, tin_bai: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

// read wrong still (it.fails: turns red when one starts passing, to be moved up): a topic's figure before another
// name ("pano thì làm mới 3 cái phát thanh …"), an afterthought adding a meeting on the next line, a run of figures
// each before its measure and a name ("16 cái pano 3 cái tờ rơi 600 tờ"), and — since round 35b read news aired in
// runs ("phát 64 lượt tin cảnh báo") — news with a figure of their own right after a broadcast's runs
const KNOWN_MISSES: [string, Record<string, number>][] = [
  [
    "bc số liệu tháng 10 phát thanh 20 lượt tin bài 4 với lại fanpage đăng 9 bài nữa anh ạ",
    { phat_thanh: 20, tin_bai: 4, bai_mxh: 9 },
  ],
  [
    "dạ báo cáo anh tuần rồi bên em treo được 18 cái băng rôn ở các trục đường chính còn pano thì làm mới 3 cái phát thanh mỗi ngày 2 lượt trong 5 ngày họp dân được 4 cuộc có 230 người dự",
    { bang_ron: 18, pano: 3, phat_thanh: 10, hoi_nghi: 4, nguoi_tham_du: 230 },
  ],
  ["hội nghị 2 cuộc 90 người\nquên còn 1 cuộc ở thôn Bản nữa 45 người", { hoi_nghi: 3, nguoi_tham_du: 135 }],
  ["băng rôn 14 cái à không 16 cái pano 3 cái tờ rơi 600 tờ", { bang_ron: 16, pano: 3, to_roi: 600 }],
];

describe("known misses", () => {
  for (const [text, values] of KNOWN_MISSES)
    it.fails(text, () => {
      expect(plain(text)).toEqual(only(values));
    });
});
