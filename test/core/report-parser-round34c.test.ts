import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// Convention of the corpus for background numbers (sets 17–33): what a report tells beside the work — gifts and goods
// ("50 suất quà", "3 tạ gạo"), people served one by one ("khám sàng lọc 145 người", "tiêm 320 mũi", "hướng dẫn cài
// VNeID cho 450 hộ"), a contest's entries and prizes, booths, acts, flags, money, advertising, staff who help run a
// gathering — is neither recorded nor asked about, while the work's own figures beside it are read as usual.

describe("gifts and goods handed out are no figure of the work", () => {
  it.each([
    ["Thôn Bắc Sơn: phát 70 suất quà cho hộ cận nghèo, phát loa tuyên truyền 9 lượt", { phat_thanh: 9 }],
    ["xa em trao 45 phan qua cho hs ngheo, phat 300 to roi", { to_roi: 300 }],
    ["Hội Chữ thập đỏ phát 2 tạ gạo cho bà con vùng lũ; treo 5 băng rôn", { bang_ron: 5 }],
    ["hỗ trợ tiêu thụ 5 tấn vải thiều, đăng 4 bài fanpage", { bai_mxh: 4 }],
    ["phat 150 kg gao cho ho ngheo, loa doc 12 luot", { phat_thanh: 12 }],
    ["HTX tieu thu 2 tan buoi qua san TMDT, dang 7 bai len fanpage HTX", { bai_mxh: 7 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("people served one by one (checks, vaccinations, home visits) are no attendees", () => {
  it.each([
    [
      "Trạm y tế xã Tân Lập: tiêm 210 mũi vắc xin bại liệt, phát thanh 6 lượt, phát 350 tờ gấp",
      { phat_thanh: 6, to_roi: 350 },
    ],
    [
      "TYT bc: kham sang loc cho 88 nguoi cao tuoi, to chuc 2 buoi truyen thong 75 nguoi du",
      { hoi_nghi: 2, nguoi_tham_du: 75 },
    ],
    [
      "Khám sức khỏe miễn phí 120 người dân; tổ chức 1 buổi tuyên truyền có 60 người tham dự",
      { hoi_nghi: 1, nguoi_tham_du: 60 },
    ],
    ["kham tuyen NVQS 95 thanh nien, treo 6 bang ron", { bang_ron: 6 }],
    ["Tổ công nghệ số hướng dẫn cài ứng dụng VNeID cho 320 hộ; đăng 6 tin trên Trang TTĐT xã", { tin_bai: 6 }],
    ["tu van tai nha cho 140 ho, phat thanh 20 luot", { phat_thanh: 20 }],
    ["đến tận nhà hướng dẫn 75 hộ làm dịch vụ công, họp dân 2 cuộc 90 người", { hoi_nghi: 2, nguoi_tham_du: 90 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("people counted by what they passed or won are no attendees ('38 công dân đủ điều kiện')", () => {
  it.each([
    [
      "khám sơ tuyển 120 thanh niên, 31 thanh niên đủ điều kiện nhập ngũ; tổ chức 1 hội nghị 80 người",
      { hoi_nghi: 1, nguoi_tham_du: 80 },
    ],
    ["co 27 cong dan trung tuyen, hop dan 3 cuoc 150 nguoi", { hoi_nghi: 3, nguoi_tham_du: 150 }],
    ["18 em đạt giải, tổ chức 2 buổi ngoại khóa cho 600 học sinh", { hoi_nghi: 2, nguoi_tham_du: 600 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a contest's entries, prizes and acts are no figure", () => {
  it.each([
    ["Cuộc thi viết tìm hiểu lịch sử Đảng bộ xã nhận 86 bài dự thi, trao 10 giải; đăng 3 tin bài", { tin_bai: 3 }],
    ["cuoc thi van nghe co 14 tiet muc, trao 6 giai, treo 4 bang ron", { bang_ron: 4 }],
    ["Trao 5 giải nhất, 8 giải nhì cho học sinh; phát thanh 15 lượt", { phat_thanh: 15 }],
    ["chương trình biểu diễn 18 tiết mục của các thôn, treo 8 băng rôn", { bang_ron: 8 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("prizes are no contests held ('hội thi …, trao 12 giải')", () => {
  it.each([
    ["Tổ chức hội thi tuyên truyền viên giỏi, trao 8 giải; phát thanh 20 lượt", { phat_thanh: 20 }],
    ["hoi thi ve tranh: trao 6 giai, dang 2 bai fb", { bai_mxh: 2 }],
    [
      "Hội thi tìm hiểu pháp luật 1 cuộc, 120 người tham dự, trao 10 giải (3 giải nhất)",
      { hoi_nghi: 1, nguoi_tham_du: 120 },
    ],
    ["tổ chức 2 buổi giải đáp pháp luật cho 90 người", { hoi_nghi: 2, nguoi_tham_du: 90 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("booths, revenue and money spent are no figures", () => {
  it.each([
    [
      "Hội chợ có 60 gian hàng, doanh thu 3 tỷ đồng; tổ chức 1 hội nghị 120 đại biểu",
      { hoi_nghi: 1, nguoi_tham_du: 120 },
    ],
    ["lam 3 pano moi kinh phi 24 trieu, phat thanh 30 luot", { pano: 3, phat_thanh: 30 }],
    ["in 800 tờ rơi hết 2,4 triệu đồng", { to_roi: 800 }],
    ["treo 15 bang ron, chi phi 4,5tr", { bang_ron: 15 }],
    ["dựng 2 pa nô mới, kinh phí khoảng 40 triệu", { pano: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("flags and notice boards are no banners", () => {
  it.each([
    ["cắm 400 lá cờ Tổ quốc dọc tuyến đường, treo 6 băng rôn", { bang_ron: 6 }],
    ["thon lap 1 bang tin moi, dan 10 ap phich", { ap_phich: 10 }],
    ["cam 250 la co doc QL6, pano 2 cai", { pano: 2 }],
    ["làm mới 2 bảng tin ở nhà văn hóa, phát 200 tờ rơi", { to_roi: 200 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("staff who help run a gathering are no attendees ('12 giáo viên tham gia hướng dẫn')", () => {
  it.each([
    [
      "Tổ chức 3 buổi ngoại khóa với 900 lượt học sinh; 15 giáo viên tham gia hướng dẫn",
      { hoi_nghi: 3, nguoi_tham_du: 900 },
    ],
    ["huy dong 30 doan vien tham gia don ve sinh, treo 12 bang ron", { bang_ron: 12 }],
    ["tổ tuyên truyền của xã có 7 thành viên; phát 500 tờ gấp", { to_roi: 500 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("advertising is no propaganda", () => {
  it.each([
    ["công ty treo 20 băng rôn quảng cáo sản phẩm; dán 15 áp phích ATGT", { ap_phich: 15 }],
    ["Doanh nghiệp treo 100 poster khuyến mại tại các cửa hàng, dán 25 áp phích phòng cháy", { ap_phich: 25 }],
    ["thao go 30 bang ron quang cao trai phep, treo moi 5 bang ron tuyen truyen", { bang_ron: 5 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a leaflet's pages and size, and all of it handed out, are no second figure", () => {
  it.each([
    ["in 1.000 tờ gấp 2 mặt khổ A4", { to_roi: 1000 }],
    ["in 500 to roi 3 trang, phat het 500", { to_roi: 500 }],
    ["in 400 tờ rơi, đã phát hết 400 tờ cho các hộ", { to_roi: 400 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("members at a training class are its attendees; a forum is a gathering", () => {
  it.each([
    ["HTX tap huan 2 lop cho 65 xa vien", { hoi_nghi: 2, nguoi_tham_du: 65 }],
    ["Đoàn xã tổ chức 3 diễn đàn thanh niên với 240 đoàn viên tham dự", { hoi_nghi: 3, nguoi_tham_du: 240 }],
    ["dien dan phong chong ma tuy: 2 buoi, 130 doan vien", { hoi_nghi: 2, nguoi_tham_du: 130 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

// Not read yet (left by the round): another body's work, a firm's own events, a clip's channel before a broadcast.
describe("not read yet: another body's work beside the unit's own", () => {
  it.fails.each([
    // (a clip's channel then "phát thanh …" reads the broadcasts as part of the clips: "youtube, phát thanh 10 lượt")
    ["6 video tải lên youtube, phát thanh 10 lượt", { bai_mxh: 6, phat_thanh: 10 }],
    [
      "Đài PT-TH tỉnh đưa 2 tin, 1 phóng sự về mô hình của xã; xã phát thanh 40 lượt, đăng 6 tin trên trang TTĐT",
      { phat_thanh: 40, tin_bai: 6 },
    ],
    [
      "Hội nghị khách hàng cuối năm: 1 cuộc, 200 khách mời (hoạt động kinh doanh của doanh nghiệp); tổ chức 2 buổi tuyên truyền ATGT cho 300 công nhân",
      { hoi_nghi: 2, nguoi_tham_du: 300 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a team's size is no attendees ('tổ có 9 người')", () => {
  it.each([
    ["xã thành lập tổ tuyên truyền, tổ có 8 người", {}],
    ["doi co 12 nguoi, phat thanh 20 luot", { phat_thanh: 20 }],
    ["nhóm xung kích gồm 6 người, treo 14 băng rôn", { bang_ron: 14 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a place's people said to attend still are ('tổ 3 có 45 người dự họp')", () => {
    expect(plain("tổ 3 có 45 người dự họp, treo 2 băng rôn")).toEqual(only({ bang_ron: 2, nguoi_tham_du: 45 }));
  });
});

describe("a figure said again after 'hết' is the same figure ('in 600 tờ gấp, phát hết 600')", () => {
  it.each([
    ["in 800 to gap, phat het 800 a", { to_roi: 800 }],
    ["in 350 tờ rơi, đã phát hết 350 cho các hộ", { to_roi: 350 }],
    ["nhận 40 tờ rơi từ xã, phát hết 40 tờ", { to_roi: 40 }],
    ["Tờ gấp in 1.200 tờ, đến nay phát hết 1.200", { to_roi: 1200 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a gathering's people stay attendees beside a verb of service", () => {
  it.each([
    ["tổ chức 2 buổi hướng dẫn dịch vụ công trực tuyến cho 80 người", { hoi_nghi: 2, nguoi_tham_du: 80 }],
    ["tư vấn nhóm 4 buổi tại nhà văn hóa với 96 người dự", { hoi_nghi: 4, nguoi_tham_du: 96 }],
    ["khám bệnh kết hợp tuyên truyền 1 buổi, 150 người dân tham dự", { hoi_nghi: 1, nguoi_tham_du: 150 }],
    ["hướng dẫn kỹ năng số: 2 lớp, 70 học viên", { hoi_nghi: 2, nguoi_tham_du: 70 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("'diễn đàn' is a gathering, and no near word is", () => {
  it.each([
    ["tổ chức 01 diễn đàn thanh niên với 95 đoàn viên tham dự", { hoi_nghi: 1, nguoi_tham_du: 95 }],
    ["chi doan to chuc 2 dien dan ve an toan giao thong, 110 doan vien tham du", { hoi_nghi: 2, nguoi_tham_du: 110 }],
    ["đêm biểu diễn văn nghệ có 15 tiết mục, treo 4 băng rôn", { bang_ron: 4 }],
    ["dan 10 ap phich o 10 diem dan cu", { ap_phich: 10 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("the unit said as the subject between a name and its negation ('phóng sự, chuyên mục: xã k có')", () => {
  it.each([
    ["phóng sự, chuyên mục: xã không có ạ. Tin bài 9", { phong_su: 0, chuyen_muc: 0, tin_bai: 9 }],
    ["hội nghị thì quý này hội không mở, đăng 4 tin trên zalo", { hoi_nghi: 0, bai_mxh: 4 }],
    ["xe loa thì tháng này xã không có, tờ rơi 300", { xe_luu_dong: 0, to_roi: 300 }],
    ["pano thi ben em chua lam duoc, bang ron 4", { pano: 0, bang_ron: 4 }],
    ["cum co dong: phuong ko lam a, pano 2", { cum_co_dong: 0, pano: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("an item the officer leaves blank is no zero ('pa nô kỳ này phường ko làm nên e để trống')", () => {
    expect(plain("Tin bài: 5\npa no ky nay xa ko lam nen e de trong")).toEqual(only({ tin_bai: 5 }));
  });
});

describe("indicators named in passing: a clip posted on a channel, a post in a newspaper, 'tiêm phòng'", () => {
  it.each([
    ["lam 4 video ngan dang TikTok xa, treo 2 bang ron", { bai_mxh: 4, bang_ron: 2 }],
    ["sản xuất 3 clip đăng fanpage xã", { bai_mxh: 3 }],
    ["phát thanh 10 lượt, 6 video đăng lên youtube", { bai_mxh: 6, phat_thanh: 10 }],
    ["2 bài trên báo Quảng Ngãi điện tử, 8 bài fanpage", { tin_bai: 2, bai_mxh: 8 }],
    ["co 3 bai tren bao Dak Lak, loa 20 luot", { tin_bai: 3, phat_thanh: 20 }],
    ["phát loa thông báo lịch tiêm phòng 6 lượt, treo 1 băng rôn", { phat_thanh: 6, bang_ron: 1 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a rate with a slash over a span said as lasting is its product ('3 buổi/tuần, liên tục 5 tuần')", () => {
  it.each([
    ["phát thanh 3 buổi/tuần, liên tục 4 tuần", { phat_thanh: 12 }],
    ["loa thôn phát 2 lượt/ngày, liên tục 7 ngày vừa qua", { phat_thanh: 14 }],
    ["xe loa chạy 1 lượt/ngày suốt 5 ngày", { xe_luu_dong: 5 }],
    ["đăng 2 bài/tuần lên fanpage, duy trì đủ 4 tuần", { bai_mxh: 8 }],
    ["loa ban phat 3 buoi/tuan, lien tuc 6 tuan, bang ron 2 cai", { phat_thanh: 18, bang_ron: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("places times a named thing with a bare result: the result is the thing's ('5 xóm x 3 băng rôn = 15')", () => {
  it.each([
    ["6 ban x 2 pano = 12, hop dan 6 cuoc", { pano: 12, hoi_nghi: 6 }],
    ["3 thôn × 4 băng rôn = 12 ạ", { bang_ron: 12 }],
    ["tờ rơi: 5 tổ x 100 tờ = 500", { to_roi: 500 }],
    ["4 thôn x 2 pano = 8 pano", { pano: 8 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a heading's place name in capitals may end in a number ('UBND PHƯỜNG HÀ GIANG 1')", () => {
  it.each([
    ["UBND PHƯỜNG HÀ GIANG 1\nTreo 32 băng rôn, phát thanh 20 lượt", { bang_ron: 32, phat_thanh: 20 }],
    ["UBND XÃ ĐAM RÔNG 2\nTreo 12 băng rôn", { bang_ron: 12 }],
    ["PHƯỜNG THỦ ĐỨC 3\nbang ron 5", { bang_ron: 5 }],
    ["thôn Tân Thành 5 pano", { pano: 5 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("what the weather damaged is no figure; what was put up again is ('bão làm rách 12 băng rôn, đã thay mới 8 cái')", () => {
  it.each([
    ["bão làm rách 10 băng rôn, xã đã thay mới 6 cái", { bang_ron: 6 }],
    ["gio to lam rach 5 bang ron, da treo lai 5 cai moi", { bang_ron: 5 }],
    ["gió làm đổ 3 pa nô, đã dựng lại 3 cái", { pano: 3 }],
    ["2 pa nô bị đổ do bão, treo 6 băng rôn", { bang_ron: 6 }],
    ["Pano 1 cai bi do, chua dung lai, bang ron treo 4 cai", { bang_ron: 4 }],
    ["treo 10 băng rôn, 2 cái chưa thay", { bang_ron: 10 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("people right after a gathering's topic are its attendees ('tập huấn 1 lớp kỹ năng bán hàng online 42 xã viên')", () => {
  it.each([
    ["tập huấn 1 lớp kỹ năng bán hàng online 38 xã viên", { hoi_nghi: 1, nguoi_tham_du: 38 }],
    ["mở 1 lớp bồi dưỡng nghiệp vụ 45 cán bộ", { hoi_nghi: 1, nguoi_tham_du: 45 }],
    ["to chuc 2 buoi tuyen truyen phap luat 130 doan vien", { hoi_nghi: 2, nguoi_tham_du: 130 }],
    ["trường 28 lớp 950 học sinh, treo 3 băng rôn", { bang_ron: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a broken device said before its negation is a zero ('loa hỏng chưa phát được')", () => {
  it.each([
    ["loa hỏng nên chưa phát được, treo 2 băng rôn", { phat_thanh: 0, bang_ron: 2 }],
    ["loa chua sua dc nen ko phat, bang ron 4 cai", { phat_thanh: 0, bang_ron: 4 }],
    ["xe loa bị hỏng nên không chạy được, tờ rơi 200", { xe_luu_dong: 0, to_roi: 200 }],
    ["tờ rơi chưa phát được, pano 2", { pano: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("issues of a bulletin are no news articles ('in 2 số bản tin')", () => {
  it.each([
    ["phát hành 4 số bản tin nội bộ, đăng 6 bài fanpage", { bai_mxh: 6 }],
    ["ra 3 so ban tin, treo 2 bang ron", { bang_ron: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});
