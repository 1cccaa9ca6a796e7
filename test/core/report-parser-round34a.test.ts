import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// Corrections and number words in chat (set 33 and older sets): a clerk records the figure the officer
// says is right ("mới đúng", "là đúng", "chính xác là", "đếm lại", "gõ nhầm", "ghi thiếu", "lấy số …"),
// also after a number said in words, with the indicator named again or not, and drops the replaced one.

describe("a figure said in words, then corrected, keeps the corrected one", () => {
  it.each([
    ["phát tờ rơi sáu trăm tờ à không phải năm trăm tờ thôi ạ", { to_roi: 500 }],
    ["to roi hai tram to a khong ba tram to moi dung", { to_roi: 300 }],
    ["treo mười lăm băng rôn à nhầm mười bảy cái", { bang_ron: 17 }],
    ["dán áp phích bốn chục tờ, à không, năm chục tờ", { ap_phich: 50 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("number words and digits mixed in one figure", () => {
  it.each([
    ["phat thanh 1 tram hai muoi luot", { phat_thanh: 120 }],
    ["loa phát thanh được 2 trăm ba mươi lượt", { phat_thanh: 230 }],
    ["phát thanh một trăm hai mươi lượt", { phat_thanh: 120 }],
    ["phat thanh hai tram linh nam luot", { phat_thanh: 205 }],
    ["họp dân hai cuộc, tám mươi lăm người dự", { hoi_nghi: 2, nguoi_tham_du: 85 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("the indicator named again with the recounted figure ('à băng rôn em đếm lại là 14')", () => {
  it.each([
    ["pano 8 cái ạ, à pano em đếm lại là 9 cái", { pano: 9 }],
    ["áp phích 40 tờ, à áp phích đếm lại được 45 tờ", { ap_phich: 45 }],
    ["bang ron 6 cai, a bang ron kiem lai thi 7 cai", { bang_ron: 7 }],
    ["tin bài 9 tin, đếm lại là 11 tin ạ", { tin_bai: 11 }],
    ["phát thanh 25 lượt ờ nhầm phát thanh 28 lượt", { phat_thanh: 28 }],
    ["tin bai 7 tin o nham 8 tin", { tin_bai: 8 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a wrong digit explained ('a không, 16 thôi, e gõ dư số 0')", () => {
  it.each([
    ["tờ rơi 3000, à không, 300 thôi anh, em gõ dư số 0", { to_roi: 300 }],
    ["phat thanh 6 luot, a khong 60 luot, e go thieu so 0", { phat_thanh: 60 }],
    ["bang ron 90 a, ko phai, 9 cai thoi, go thua so 0", { bang_ron: 9 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("the right figure said after the wrong one ('mới đúng', 'là đúng', 'chính xác là')", () => {
  it.each([
    ["loa phát thanh 30 lượt à, 36 lượt mới đúng", { phat_thanh: 36 }],
    ["phong su 2 cai, a 3 cai moi dung", { phong_su: 3 }],
    ["bài đăng fanpage 20 bài, chính xác là 22 bài", { bai_mxh: 22 }],
    ["phát thanh khoảng 40-45 lượt, em xem sổ thì chính xác là 43 lượt", { phat_thanh: 43 }],
    ["pano tam 7-8 cai, kiem lai chinh xac la 8 cai", { pano: 8 }],
    ["em xin lỗi, áp phích là 36 tờ chứ không phải 63", { ap_phich: 36 }],
    ["tờ rơi 450 chứ ko phải 540 ạ", { to_roi: 450 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a correction on its own line replaces the figures it names ('Xin chỉnh: chỉ 1 cuộc thôi')", () => {
  it.each([
    [
      "Họp dân 3 cuộc, 200 người.\nXin chỉnh lại: 2 cuộc thôi ạ, 150 người mới đúng",
      { hoi_nghi: 2, nguoi_tham_du: 150 },
    ],
    [
      "to chuc 2 hoi nghi 90 nguoi. e xin sua: chi 1 hoi nghi thoi, 90 nguoi la dung",
      { hoi_nghi: 1, nguoi_tham_du: 90 },
    ],
    ["tập huấn 3 buổi cho 80 người ạ\na e ghi thieu, phai la 4 buoi a", { hoi_nghi: 4, nguoi_tham_du: 80 }],
    ["băng rôn 10 cái. em ghi thừa, phải là 8 cái thôi", { bang_ron: 8 }],
    ["hop dan 3 cuoc 150 nguoi\na dinh chinh: hop 4 cuoc nhe", { hoi_nghi: 4, nguoi_tham_du: 150 }],
    ["băng rôn 10 cái ạ. bỏ số cũ, lấy số 12 nhé", { bang_ron: 12 }],
    ["pa no 4 cai, a lay so 5 nhe, e dem sot 1 cai", { pano: 5 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a correction of a correction keeps the last figure ('… à sửa 850 … thôi lấy 820')", () => {
  it.each([
    ["tờ rơi 800 tờ\nà sửa 850\nthôi lấy 820 nhé", { to_roi: 820 }],
    ["phát thanh 40 lượt, à sửa 45, thôi chỉ lấy 42 lượt nhé", { phat_thanh: 42 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a formal correction with the wrong figure in brackets ('(báo cáo trước ghi 1.510 là nhầm)')", () => {
  it.each([
    ["Đính chính số tờ rơi: 2.300 tờ (báo cáo trước ghi 3.200 tờ là nhầm)", { to_roi: 2300 }],
    [
      "Hội nghị 2 cuộc. Số người tham dự đúng là 245 người (tin nhắn trước ghi 254 là sai).",
      { hoi_nghi: 2, nguoi_tham_du: 245 },
    ],
    [
      "Báo cáo kết quả tuyên truyền quý I: - Pa nô: 6 cái; - Băng rôn: 25 cái (đính chính: 27 cái); - Tờ rơi: 1.200 tờ.",
      { pano: 6, bang_ron: 27, to_roi: 1200 },
    ],
    [
      "Kính gửi Ban chỉ đạo. Xã báo cáo: treo 14 băng rôn, phát 900 tờ rơi. Xin điều chỉnh lại số tờ rơi là 1.000 tờ do thống kê thiếu.",
      { bang_ron: 14, to_roi: 1000 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("the people of one sitting corrected inside a sum ('buổi 2 là 54 chứ không phải 45')", () => {
  it.each([
    [
      "2 buổi tập huấn: buổi 1 là 60 người, buổi 2 là 45 người. em xin lỗi buổi 2 là 54 chứ không phải 45",
      { hoi_nghi: 2, nguoi_tham_du: 114 },
    ],
    [
      "hop dan 2 cuoc, cuoc 1 co 70 nguoi, cuoc 2 co 40 nguoi. a nham, cuoc 2 la 50 nguoi",
      { hoi_nghi: 2, nguoi_tham_du: 120 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("sittings listed with no comma between, or before other work, and one corrected by its label", () => {
  it.each([
    ["hop 2 cuoc: cuoc 1 co 45 nguoi cuoc 2 co 38 nguoi", { hoi_nghi: 2, nguoi_tham_du: 83 }],
    [
      "họp dân 2 cuộc, cuộc 1 có 80 người, cuộc 2 có 65 người, phát 300 tờ rơi",
      { hoi_nghi: 2, nguoi_tham_du: 145, to_roi: 300 },
    ],
    [
      "Tổ chức 3 buổi tuyên truyền: buổi đầu 40 hội viên, buổi 2 35 hội viên, buổi cuối 50 hội viên. Sorry buổi cuối là 55 hội viên",
      { hoi_nghi: 3, nguoi_tham_du: 130 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a sitting named again with no correction word changes nothing ('buổi 2 có 3 báo cáo viên')", () => {
    expect(plain("2 buổi tập huấn: buổi 1 là 60 người, buổi 2 là 45 người. buổi 2 có 3 báo cáo viên")).toEqual(
      only({ hoi_nghi: 2, nguoi_tham_du: 105 }),
    );
  });
});

describe("voice typing: 'ba nô' is a heard 'pa nô'; 'a khong' typed plain between two figures takes the first back", () => {
  it.each([
    ["treo ba nô bốn cái ở ngã ba", { pano: 4 }],
    ["bên em làm mới ba nô hai cái phẩy băng rôn mười cái", { pano: 2, bang_ron: 10 }],
    ["loa 30 luot a khong 35 luot", { phat_thanh: 35 }],
    ["bang ron 5 cai a ko 6 cai", { bang_ron: 6 }],
    ["to roi tam 500-600 to, dem lai thi 560 to", { to_roi: 560 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a range no correction settles stays in doubt ('pano 3-4 cai, bang ron 10 cai a nham 12 cai')", () => {
    expect(plain("pano 3-4 cai, bang ron 10 cai a nham 12 cai").unclear).toHaveLength(1);
  });
});

describe("items numbered aloud in words ('một là …, hai là …') are list numbers", () => {
  it.each([
    ["có hai việc, một là treo 4 pano, hai là phát 200 tờ rơi", { pano: 4, to_roi: 200 }],
    [
      "mot la phat thanh 20 luot, hai la dang 3 tin bai, ba la hop dan 2 cuoc",
      { phat_thanh: 20, tin_bai: 3, hoi_nghi: 2 },
    ],
    [
      "dạ em báo cáo một là treo băng rôn 12 cái hai là phát tờ rơi 500 tờ ba là họp dân 3 cuộc 120 người",
      { bang_ron: 12, to_roi: 500, hoi_nghi: 3, nguoi_tham_du: 120 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("more ways of taking a figure back ('ờ không', 'à quên,', 'chính xác 14', 'thống kê lại được')", () => {
  it.each([
    ["phát thanh ba mươi lượt ờ không bốn mươi lượt", { phat_thanh: 40 }],
    ["phát thanh hai mươi lăm lượt, à quên, hai mươi tám lượt", { phat_thanh: 28 }],
    ["bài mxh 12, chính xác 14 bài ạ", { bai_mxh: 14 }],
    ["đăng fanpage 15 bài, thống kê lại được 17 bài", { bai_mxh: 17 }],
    ["xe loa chạy 6 lượt, em nhớ nhầm, đúng là 8 lượt", { xe_luu_dong: 8 }],
    ["Em báo lại số người dự: 235 người, không phải 253 người như tin nhắn trước", { nguoi_tham_du: 235 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("'à quên' with more said adds ('tin bài 5, à quên còn 2 tin trên web huyện nữa')", () => {
    expect(plain("tin bài 5, à quên còn 2 tin trên web huyện nữa")).toEqual(only({ tin_bai: 7 }));
  });
});

describe("labels in formal corrections: a bare 'số buổi: 1' counts the gatherings, 'số <people> tham dự <gathering> là N' their people", () => {
  it.each([
    [
      "Số người tham dự là 1.150 người (báo cáo trước ghi 1.510 là nhầm); số buổi: 1.",
      { hoi_nghi: 1, nguoi_tham_du: 1150 },
    ],
    ["Số cuộc: 2, người tham dự: 175", { hoi_nghi: 2, nguoi_tham_du: 175 }],
    ["số đoàn viên tham gia buổi sinh hoạt là 45 đoàn viên", { nguoi_tham_du: 45 }],
    ["so hoi vien tham gia buoi noi chuyen la 70", { nguoi_tham_du: 70 }],
    ["Chỉnh lại: số học sinh tham dự buổi chào cờ là 820 em; số buổi: 2", { hoi_nghi: 2, nguoi_tham_du: 820 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a label naming another indicator stays its own ('số buổi phát thanh: 30')", () => {
    expect(plain("số buổi phát thanh: 30")).toEqual(only({ phat_thanh: 30 }));
  });
});

describe("dictated corrections running on into the next items, and 'à' right before the right figure", () => {
  it.each([
    [
      "dạ em báo cáo xã Tân Lập tháng này treo băng rôn hai mươi cái à nhầm hai mươi hai cái phát tờ rơi tám trăm tờ họp dân năm cuộc",
      { bang_ron: 22, to_roi: 800, hoi_nghi: 5 },
    ],
    [
      "treo băng rôn 20 cái à nhầm 22 cái phát tờ rơi 800 tờ họp dân 5 cuộc",
      { bang_ron: 22, to_roi: 800, hoi_nghi: 5 },
    ],
    ["loa phát thanh tám mươi lượt, ấy chết, sáu mươi tám lượt thôi ạ", { phat_thanh: 68 }],
    ["phóng sự: hai, à ba phóng sự ạ", { phong_su: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("'à' before another indicator's figure adds it ('pano 5 cái, à 3 băng rôn nữa')", () => {
    expect(plain("pano 5 cái, à 3 băng rôn nữa")).toEqual(only({ pano: 5, bang_ron: 3 }));
  });
});

describe("digits and words of several scales in one figure ('2 nghìn 3 trăm năm mươi', 'hai nghìn linh năm')", () => {
  it.each([
    ["phát tờ rơi 2 nghìn 3 trăm năm mươi tờ", { to_roi: 2350 }],
    ["phat to roi 2 nghin 3 tram 50 to", { to_roi: 2350 }],
    ["tờ rơi hai nghìn linh năm tờ", { to_roi: 2005 }],
    ["to roi mot nghin le tam to", { to_roi: 1008 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("the earlier figure explained ('số trước 28 lượt là chưa cộng 2 lượt') and a change asked for ('sửa giúp em thành 650')", () => {
  it.each([
    ["Phát thanh: 30 lượt (số trước 28 lượt là chưa cộng 2 lượt ngày 30)", { phat_thanh: 30 }],
    ["pano 5 cái, số trước là 4", { pano: 5 }],
    ["tờ rơi 500 tờ, trước em báo 450 tờ là chưa tính 50 tờ phát ở chợ", { to_roi: 500 }],
    ["tờ rơi 600 tờ, chị sửa giúp em thành 650 nhé", { to_roi: 650 }],
    ["bang ron 14 cai, a sua lai giup e thanh 16 nhe", { bang_ron: 16 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("checked again in other words ('confirm lại là', 'rà lại thì', 'đếm lại còn … thôi')", () => {
  it.each([
    ["to roi 400 to, e confirm lai la 420 to", { to_roi: 420 }],
    ["phát tờ rơi 600 tờ, em đếm lại còn 580 tờ thôi", { to_roi: 580 }],
    ["tin bài 10 tin, rà lại thì có 12 tin", { tin_bai: 12 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});
