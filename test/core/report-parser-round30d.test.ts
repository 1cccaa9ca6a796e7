import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// Convention of the corpus (its "unclear" fragments): the officer is asked about a number only when it may be
// a figure of the plan's kind the parser could not place: a reach ("1.200 lượt xem", "nhóm có 310 thành
// viên"), a round or vague count ("vài chục", "10-12", "25 nghìn"), money, an impossible value ("-3"), a thing
// received or held with no indicator ("Đã nhận 3 bộ tài liệu", "có 3 cuộc họp giao ban"). A clerk ignores, and
// nobody is asked about: the size of a place ("Xã có 13 bản, 2.180 hộ"), the places an activity was held at
// ("tại 14 bản", "tại 3 cửa khẩu", "tại 1.482/1.482 thôn"), numbers inside names ("Đề án 06", "mức độ 2",
// "tổng đài 1022", "Biểu 02"), damage ("27 nhà tốc mái") and digits in brackets repeating a number in words
// ("ba mươi (30) lượt").

describe("markPlaceCounts: the places an activity was held at are no figures ('tại 5 bản', 'tại 2 cửa khẩu')", () => {
  it.each([
    ["Đội tuyên truyền lưu động chạy 9 lượt xe loa tại 5 bản vùng cao", { xe_luu_dong: 9 }],
    ["xe thong tin luu dong 6 luot tai 4 ban dong bao Mong", { xe_luu_dong: 6 }],
    ["Dựng 2 cụm cổ động tại 2 cửa khẩu Lao Bảo và La Lay", { cum_co_dong: 2 }],
    ["dung 1 cum co dong o 3 cua khau bien gioi", { cum_co_dong: 1 }],
    ["Phát 500 tờ rơi tại 6 ấp, đăng 3 bài fanpage", { to_roi: 500, bai_mxh: 3 }],
    ["Phát thanh 20 lượt tại 120/120 thôn, tổ dân phố", { phat_thanh: 20 }],
    ["Ngày hội tổ chức ở 35/36 khu dân cư, treo 70 băng rôn", { bang_ron: 70 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("copies are still copies: 'in 300 bản tờ gấp' is a figure of leaflets", () => {
    expect(plain("In 300 bản tờ gấp phát cho các thôn").values).toEqual({ to_roi: 300 });
  });
});

describe("markPlaceCounts: the size of a place said with 'có' is background ('Xã có 11 bản, 3.450 hộ')", () => {
  it.each([
    ["Xã có 11 bản, 3.450 hộ, 14.200 nhân khẩu. Trong quý xã treo 6 pa nô, 20 băng rôn", { pano: 6, bang_ron: 20 }],
    ["xa co 9 ban, 1.240 ho dong bao Thai. Dang 5 bai fanpage", { bai_mxh: 5 }],
    ["Địa bàn: xã có 12 ấp, 4.100 hộ. Trong tháng treo 30 băng rôn", { bang_ron: 30 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("more villages than a commune has are copies, still asked: 'xã có 300 bản, phát hết'", () => {
    expect(plain("xã có 300 bản, phát hết").unclear).toEqual(["xã có 300 bản"]);
  });
});

describe("markLabels: a number naming a plan, a level, a hotline or a form is part of the name", () => {
  it.each([
    ["Đăng 5 tin bài về Đề án 06 trên cổng thông tin", { tin_bai: 5 }],
    ["phát 800 tờ rơi hướng dẫn cài VNeID mức độ 2", { to_roi: 800 }],
    ["Hướng dẫn cài đặt định danh mức độ 2 cho người dân; phát thanh 12 lượt", { phat_thanh: 12 }],
    ["Biểu 03: kết quả tuyên truyền tháng 11. Pa nô 4 cái, băng rôn 15 cái", { pano: 4, bang_ron: 15 }],
    ["đăng 3 tin bài giới thiệu tổng đài 1022 của tỉnh", { tin_bai: 3 }],
    ["phat thanh 10 luot ve Chi thi 15 cua Ban Bi thu", { phat_thanh: 10 }],
    ["Tổ chức 1 hội nghị quán triệt Nghị quyết 57 cho 95 đảng viên", { hoi_nghi: 1, nguoi_tham_du: 95 }],
    ["Tuyên truyền Chương trình MTQG 1719 trên loa xã: phát thanh 20 lượt", { phat_thanh: 20 }],
    ["Đăng 3 tin bài về Đề án CĐS 06 của tỉnh", { tin_bai: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["hội nghị 2 cuộc, Đại biểu 130", { hoi_nghi: 2, nguoi_tham_du: 130 }],
    ["hop dan: 3 cuoc, dai bieu 175", { hoi_nghi: 3, nguoi_tham_du: 175 }],
  ])("delegates are no form: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a count in a word the indicators use stays asked: 'Chương trình MTQG 3 buổi'", () => {
    expect(plain("Chương trình MTQG 3 buổi").unclear).toEqual(["Chương trình MTQG 3 buổi"]);
  });

  it("a count after the words stays a figure: 'đề án có 3 phóng sự' is read", () => {
    expect(plain("Thực hiện đề án, đài xã làm 3 phóng sự").values).toEqual({ phong_su: 3 });
  });
});

describe("damage a storm did is no figure ('làm 45 nhà tốc mái')", () => {
  it.each([
    ["Bão số 7 làm 45 nhà tốc mái, 12 ha hoa màu bị ngập; loa xã phát 18 lượt", { phat_thanh: 18 }],
    ["Mưa lũ làm 6 nhà bị sập, 20 ha lúa ngập úng. Xe loa chạy 4 lượt", { xe_luu_dong: 4 }],
    ["bao lam 14 nha toc mai, loa thon doc 9 luot canh bao", { phat_thanh: 9 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("digits in brackets after a number in words repeat it ('hai mươi (20) lượt')", () => {
  it.each([
    ["đã thực hiện hai mươi (20) lượt phát thanh và bốn (04) lượt xe loa", { phat_thanh: 20, xe_luu_dong: 4 }],
    ["Treo mười hai (12) băng rôn, phát ba trăm (300) tờ rơi", { bang_ron: 12, to_roi: 300 }],
    ["to chuc hai (02) hoi nghi voi tam muoi (80) nguoi tham du", { hoi_nghi: 2, nguoi_tham_du: 80 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a number in words before other digits in brackets is no repeat: 'thôn hai (25 người)'", () => {
    expect(plain("Họp dân thôn hai (25 người), treo 3 băng rôn").values.bang_ron).toBe(3);
  });
});

describe("a number that may be a figure is still asked", () => {
  it.each([
    ["Đã nhận 5 bộ tài liệu", "5 bộ tài liệu"],
    ["Trong tháng có 2 cuộc họp giao ban, 6 pano", "2 cuộc họp"],
    ["Video trên fanpage xã đạt 2.800 lượt xem; đăng 4 bài", "2.800"],
  ])("%s", (text, fragment) => {
    expect(plain(text).unclear.some((u) => u.includes(fragment))).toBe(true);
  });
});

describe("findMultipliers: a count of rounds spent in a product of things is no question ('04 đợt …, mỗi đợt 02 lượt xe')", () => {
  it.each([
    [
      "Đội chiếu bóng tổ chức 5 đợt tuyên truyền lưu động ở vùng biên, mỗi đợt 3 lượt xe thông tin",
      { xe_luu_dong: 15 },
    ],
    ["doi tt to chuc 2 dot tuyen truyen ATGT, moi dot 4 luot xe loa", { xe_luu_dong: 8 }],
    ["Trong quý chạy 4 đợt cao điểm, mỗi đợt phát thanh 6 lượt", { phat_thanh: 24 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("sittings of people stay meetings: 'tổ chức 2 buổi hội thi, mỗi buổi 120 đoàn viên tham dự'", () => {
    expect(plain("tổ chức 2 buổi hội thi, mỗi buổi 120 đoàn viên tham dự")).toEqual(
      only({ hoi_nghi: 2, nguoi_tham_du: 240 }),
    );
  });
});

describe("countsOtherThing: copies and sets counted by their noun are no indicator ('3.600 bản sách')", () => {
  it.each([
    [
      "Thư viện huyện luân chuyển 2.400 bản sách về 5 điểm bưu điện văn hóa xã; tổ chức 3 buổi giới thiệu sách với 260 học sinh",
      { hoi_nghi: 3, nguoi_tham_du: 260 },
    ],
    ["cấp phát 150 cuốn sổ tay pháp luật, treo 6 băng rôn", { bang_ron: 6 }],
    ["dang 4 bai fanpage, nop 2 bo ho so thi dua", { bai_mxh: 4 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("copies of nothing named are still asked: 'phát 300 bản, treo 2 pa nô'", () => {
    expect(plain("phát 300 bản, treo 2 pa nô").unclear).toEqual(["phát 300 bản"]);
  });
});

describe("markPlaceCounts: clusters of communes are places ('tại 6 cụm xã')", () => {
  it.each([
    [
      "Tổ chức 6 hội nghị tuyên truyền Luật Đất đai tại 6 cụm xã, mỗi hội nghị 90 đại biểu",
      { hoi_nghi: 6, nguoi_tham_du: 540 },
    ],
    ["hoi nghi 3 cuoc o 3 cum xa, 270 dai bieu", { hoi_nghi: 3, nguoi_tham_du: 270 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markContextCounts: a unit's staff ('viên chức') is background, as its 'công chức'", () => {
  it.each([
    ["Trung tâm có 6 viên chức, đăng 5 bài fanpage", { bai_mxh: 5 }],
    ["Nhà văn hóa huyện có 4 viên chức; phát thanh 24 lượt", { phat_thanh: 24 }],
    ["hội nghị 1 cuộc, 60 viên chức dự", { hoi_nghi: 1, nguoi_tham_du: 60 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markNamesNumberedAlike: one name listed with different numbers names places ('Đam Rông 1, Đam Rông 2')", () => {
  it.each([
    ["Xe loa chạy 9 lượt tại các xã Bảo Lâm 1, Bảo Lâm 3 và Lộc Bắc", { xe_luu_dong: 9 }],
    ["Phát thanh tại Di Linh 2, Di Linh 4: 24 lượt", { phat_thanh: 24 }],
    ["dựng 2 cụm cổ động ở phường Lâm Viên, Xuân Hương 1, Xuân Hương 2", { cum_co_dong: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("an indicator given twice stays a conflict: 'Pano 3, Pano 5'", () => {
    expect(plain("Pano 3, Pano 5").conflicts).toEqual([{ code: "pano", values: [3, 5] }]);
  });
});

describe("markNonValueSpans: a range of lengths is a measure, no count to ask about ('từ 18 đến 35 km')", () => {
  it.each([
    ["Các bản cách trung tâm xã từ 18 đến 35 km; phát thanh 20 lượt", { phat_thanh: 20 }],
    ["xe loa chạy 5-7 km mỗi chuyến, tổng 3 lượt", { xe_luu_dong: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a range of things is still asked: 'pano tu 10 den 12 cai'", () => {
    expect(plain("pano tu 10 den 12 cai").unclear).toEqual(["pano tu 10 den 12 cai"]);
  });
});
