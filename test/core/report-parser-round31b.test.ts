import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// Convention of the corpus: a clerk records the plan's work and asks only about numbers that may be such work.
// Counted things that are the office's logistics (trips of a lorry, messages sent through a network), its
// paperwork, a contest's entries and prizes, the contents of a product (pages, photos per post), exhibits,
// signs, newspapers and rehearsals are context, never asked, while the figures beside them are read.

describe("rounds of messages sent through a network are no news items ('gửi 2 đợt tin nhắn')", () => {
  it.each([
    ["Phối hợp nhà mạng gửi 2 đợt tin nhắn nhắc đóng thuế, đăng 5 tin bài trên cổng thông tin", { tin_bai: 5 }],
    ["tin nhắn SMS nhà mạng gửi 4 đợt, xe loa chạy 6 lượt", { xe_luu_dong: 6 }],
    ["Phối hợp Viettel gửi 3 đợt tin nhắn đến thuê bao trên địa bàn, phát thanh 15 lượt", { phat_thanh: 15 }],
    ["gui tin nhan sms 4 dot cho nguoi dan, dang 2 bai fanpage", { bai_mxh: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("trips of a vehicle carrying goods or people are logistics ('3 chuyến xe chở hàng')", () => {
  it.each([
    ["thuê 2 chuyến xe tải chở pano về các ấp, đã dựng 6 pano", { pano: 6 }],
    ["xe của xã chở vật tư 4 chuyến; treo 15 băng rôn", { bang_ron: 15 }],
    ["Huy động 5 chuyến xe chở hàng hỗ trợ bà con vùng lũ, xe loa lưu động chạy 3 lượt", { xe_luu_dong: 3 }],
    ["xe cong an xa dua don hoc sinh 6 chuyen, loa xa phat 10 luot", { phat_thanh: 10 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a contest's entries, prizes and teams are no figures of the plan ('nhận 215 bài dự thi')", () => {
  it.each([
    ["Cuộc thi viết nhận được 340 bài dự thi, ban tổ chức chọn 25 bài xuất sắc; đăng 8 tin bài", { tin_bai: 8 }],
    ["thu ve 95 bai du thi, dang 4 bai fanpage", { bai_mxh: 4 }],
    ["Hội thi nhận 120 bài dự thi, trao giải cho 15 bài đạt chất lượng, loa phát 6 lượt", { phat_thanh: 6 }],
    ["nhan 60 bai du thi, dang 3 bai tuyen truyen ve cuoc thi", { bai_mxh: 3 }],
    ["nhận 17 bài dự thi, đăng 3 bài lên trang", { bai_mxh: 3 }],
    ["Tổ chức 1 hội thi an toàn giao thông với 9 đội thi đến từ các trường", { hoi_nghi: 1 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("the contents of a product are no copies of it ('kỷ yếu 120 trang', 'mỗi bài kèm 3 ảnh')", () => {
  it.each([
    ["Phát hành 500 tờ gấp, mỗi tờ 4 trang", { to_roi: 500 }],
    ["đăng 7 bài fanpage, mỗi bài có 5 ảnh", { bai_mxh: 7 }],
    ["dang 10 tin bai kem 2-3 hinh anh", { tin_bai: 10 }],
    ["đăng 4 phóng sự, mỗi phóng sự kèm 10 hình ảnh", { phong_su: 4 }],
    ["Đăng 15 tin bài lên cổng TTĐT (mỗi tin kèm 2-4 ảnh minh họa)", { tin_bai: 15 }],
    ["dang 6 bai fb moi bai 3 hinh", { bai_mxh: 6 }],
    ["in 300 tờ rơi, mỗi tờ rơi 2 trang, treo 1 pano", { to_roi: 300, pano: 1 }],
    ["in 1 cuon so tay 80 trang; treo 3 pano", { pano: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("signs, newspapers, paperwork and exhibits are other things ('cắm 3 biển cảnh báo', '45 tờ báo')", () => {
  it.each([
    ["Cấp 30 tờ Báo Quân đội nhân dân cho các chi hội; phát 150 tờ rơi", { to_roi: 150 }],
    ["dat mua 20 to bao Phu Nu cho chi hoi, dan 6 ap phich", { ap_phich: 6 }],
    ["tờ trình em nộp 2 bộ rồi ạ, pano treo 4 cái", { pano: 4 }],
    ["giấy mời, tờ khai in 40 bộ; treo 3 pano", { pano: 3 }],
    ["to khai dan cu thu 25 bo roi a, dan 4 ap phich", { ap_phich: 4 }],
    ["Tờ trình xin kinh phí đã gửi 2 bản, phát thanh 14 lượt", { phat_thanh: 14 }],
    ["Biên soạn 1 tài liệu hỏi đáp dày 60 trang, phát 200 tờ rơi", { to_roi: 200 }],
    ["cắm 5 biển báo nguy hiểm ven sông, treo 2 băng rôn", { bang_ron: 2 }],
    ["Trưng bày 340 hiện vật và 90 bức ảnh tư liệu; đăng 4 bài trên fanpage", { bai_mxh: 4 }],
    ["cam 4 bien canh bao duoi nuoc o ho, dan 10 ap phich", { ap_phich: 10 }],
    ["Bảo tàng giới thiệu 75 hiện vật, đón 1.200 lượt khách; đăng 3 bài fanpage", { bai_mxh: 3 }],
    ["gửi 2 tài liệu hướng dẫn cho các thôn, treo 5 băng rôn", { bang_ron: 5 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("rehearsals are no gatherings held for people ('đội văn nghệ tập luyện 6 buổi')", () => {
  it.each([
    ["đội văn nghệ thôn tập 4 buổi chuẩn bị hội diễn; họp dân 2 cuộc với 90 người", { hoi_nghi: 2, nguoi_tham_du: 90 }],
    ["CLB dan ca tap luyen 5 buoi, loa phat 8 luot", { phat_thanh: 8 }],
    ["Đội văn nghệ xã luyện tập 8 buổi cho hội diễn; treo 12 băng rôn", { bang_ron: 12 }],
    ["đội tuyên truyền tập dượt được 3 buổi, xe loa chạy 4 lượt", { xe_luu_dong: 4 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("whom messages went to, through a channel whose own figure is given, is no question ('nhắn tin Zalo cho 230 hộ')", () => {
  it.each([
    ["Nhắn tin qua Zalo cho 75 hộ về lịch thu gom rác, fanpage xã đăng 4 bài", { bai_mxh: 4 }],
    ["gui zalo toi 150 phu huynh nhac don con, dang 3 bai len zalo truong", { bai_mxh: 3 }],
    [
      "Chi hội gửi tin nhắn Zalo đến 60 hội viên; đăng 2 bài trên nhóm Zalo chi hội; treo 1 băng rôn",
      { bai_mxh: 2, bang_ron: 1 },
    ],
    ["nhắn zalo cho 40 hộ kinh doanh, còn facebook xã đăng 5 bài", { bai_mxh: 5 }],
    ["Đăng 6 bài trên Zalo OA phường; gửi tin nhắn Zalo tới 420 cử tri", { bai_mxh: 6 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("through a channel with no figure of its own they are still asked: 'nhắn tin qua zalo cho 64 hộ, … 2 tin bài'", () => {
    expect(plain("nhắn tin qua zalo cho 64 hộ chăn nuôi, đăng 2 tin bài trên cổng").unclear).toEqual(
      ["64"].map((n) => expect.stringContaining(n)),
    );
  });
});

describe("sittings after 'phát' in a message about broadcasting are broadcasts ('phát thanh viên …, phát được 36 buổi')", () => {
  it.each([
    ["xã có 3 phát thanh viên, phát 40 buổi", { phat_thanh: 40 }],
    ["Phát thanh viên thôn trực loa, phát 18 buổi", { phat_thanh: 18 }],
    ["phat thanh vien cua xa nghi om nen thang nay chi phat duoc 9 buoi", { phat_thanh: 9 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("the digits of a link are an address, never a figure ('…/posts/2871650')", () => {
  it.each([
    ["đăng 3 bài fanpage, link: https://www.facebook.com/doanxa/posts/998877", { bai_mxh: 3 }],
    ["Tin bài 4 (xem tại https://xaanphu.gov.vn/tin-tuc/id=4521), pano 2", { tin_bai: 4, pano: 2 }],
    ["da dang 6 bai len fanpage xa, link www.facebook.com/xaphuoc/posts/10234 a", { bai_mxh: 6 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("names and their units keep their figures beside such things", () => {
  it.each([
    ["xe loa chạy 4 chuyến, treo 3 pano", { xe_luu_dong: 4, pano: 3 }],
    ["Phát hành 2 chuyên mục, dựng 3 tấm pano, in 1 cuốn sổ tay 40 trang", { chuyen_muc: 2, pano: 3 }],
    ["gui tin nhan zalo 3 lan, dang 2 bai fanpage, tin bai 4", { bai_mxh: 2, tin_bai: 4 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a number that may be a figure is still asked", () => {
  it.each([
    ["Đã nhận 5 bộ tài liệu", "5 bộ tài liệu"],
    ["Trong tháng có 2 cuộc họp giao ban, 6 pano", "2 cuộc họp"],
    ["phát 300 bản, treo 2 pa nô", "300 bản"],
    ["treo 3 tại UBND, 2 pano", "3 tại UBND"],
    ["pano 2, bang ron 4. Tong cong 7 san pham", "7 san pham"],
    // (whom a channel reached while it has no figure of its own, as report-corpus-real's "cho 85 ho qua zalo")
    ["nhan tin zalo cho 25 truong ap nhac lich hop, treo 4 pano", "25 truong ap"],
    // (the corpus's convention since round 11: messages counted one by one may be the office's work)
    ["bưu điện gửi 1.500 tin nhắn tới thuê bao, treo 9 băng rôn", "1.500 tin nhắn"],
  ])("%s", (text, fragment) => {
    expect(plain(text).unclear.some((u) => u.includes(fragment))).toBe(true);
  });
});

// (read since round 34c: a contest's prizes are no contests held)
it("hoi thi van nghe co 14 doi tham gia, trao 6 giai, loa phat 12 luot", () => {
  expect(plain("hoi thi van nghe co 14 doi tham gia, trao 6 giai, loa phat 12 luot")).toEqual(only({ phat_thanh: 12 }));
});

describe("not read yet (open): these families still ask or misread", () => {
  it.fails.each([["loa xa co 2 nguoi doc, phat duoc 28 luot", { phat_thanh: 28 }]] as [
    string,
    Record<string, number>,
  ][])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});
