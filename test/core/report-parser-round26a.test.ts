import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

describe("sittings after the bare verb of meeting ('họp 1 buổi 30 người') are meetings, the people right after them attendees", () => {
  it.each([
    ["chi hoi nong dan: hop 1 buoi 45 nguoi, phat 200 to roi", { hoi_nghi: 1, nguoi_tham_du: 45, to_roi: 200 }],
    ["Hội Phụ nữ họp 2 buổi 80 hội viên, treo 3 băng rôn.", { hoi_nghi: 2, nguoi_tham_du: 80, bang_ron: 3 }],
    ["tổ dân phố 5 họp 3 cuộc", { hoi_nghi: 3 }],
    ["doan thanh nien hop 2 cuoc, dang 4 bai fb", { hoi_nghi: 2, bai_mxh: 4 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a gathering's people said as a total ('…1 buổi, tổng 410 em') are its attendees, never its count", () => {
  it.each([
    ["ngoại khóa phòng chống đuối nước 2 buổi, tổng 630 em", { hoi_nghi: 2, nguoi_tham_du: 630 }],
    ["tap huan 3 lop, tong 120 hoc sinh", { hoi_nghi: 3, nguoi_tham_du: 120 }],
    ["hội thảo 1 cuộc, tổng số 60 đoàn viên; treo 2 pano", { hoi_nghi: 1, nguoi_tham_du: 60, pano: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("the attendees of a number of meetings ('người tham dự 3 hội nghị: 240') are the figure, the number the meetings", () => {
  it.each([
    ["Số người dự 3 hội nghị: 240 người.", { hoi_nghi: 3, nguoi_tham_du: 240 }],
    ["tong so nguoi tham du 4 hoi nghi la 310 nguoi", { hoi_nghi: 4, nguoi_tham_du: 310 }],
    ["Lượt người tham gia 2 buổi tập huấn: 55 + 62 người", { hoi_nghi: 2, nguoi_tham_du: 117 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a page's visits ('lượt truy cập … 7.800 lượt') are its traffic, told in passing", () => {
  it.each([
    ["Số lượt truy cập cổng thông tin xã trong tháng: 15.200 lượt; đăng 12 tin bài.", { tin_bai: 12 }],
    ["luot truy cap trang ttdt phuong thang 11 la 9.300 luot, tin bai 7 tin", { tin_bai: 7 }],
    ["Trang thông tin điện tử xã đăng 14 tin bài, có 6.500 lượt truy cập.", { tin_bai: 14 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("things received ('nhận … 20 áp phích') beside those given out are no figure of the unit's work", () => {
  it.each([
    ["xã nhận 30 áp phích của huyện; đã dán 26 áp phích tại các thôn", { ap_phich: 26 }],
    ["Phường nhận 4 pa nô mẫu từ Sở, đã treo 4 pa nô tại 4 khu phố", { pano: 4 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a result stated with 'là' after its parts ('… thêm 2 cái … là 11 cái') is the figure", () => {
  it.each([
    ["pano: 2 thon x 2 cai = 4 cai, cong them 1 cai o nha van hoa la 5 cai", { pano: 5 }],
    ["mỗi tuần đăng 3 bài fanpage, cả tháng 4 tuần là 12 bài ạ", { bai_mxh: 12 }],
    ["loa phat moi ngay 2 lan, trong 15 ngay la 30 luot", { phat_thanh: 30 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("readSittingParts: the sittings' parts after a quoted title ('2 buổi tọa đàm \"…\": buổi 1 có 380 học sinh, buổi 2 …')", () => {
  it.each([
    [
      'Tổ chức 2 buổi ngoại khóa "Phòng chống đuối nước cho trẻ em mùa hè": buổi 1 có 250 học sinh, buổi 2 có 310 học sinh.',
      { hoi_nghi: 2, nguoi_tham_du: 560 },
    ],
    [
      "To chuc 2 buoi toa dam “Thanh nien voi an toan giao thong tren duong”: buoi 1 co 120 doan vien, buoi 2 co 95 doan vien",
      { hoi_nghi: 2, nguoi_tham_du: 215 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("places listed one by one: the list's last figure says the measure of all ('thôn A 52, thôn B 47, thôn C 41 người')", () => {
  it.each([
    ["họp dân 3 cuộc: xóm Đồi 45, xóm Bãi 38, xóm Trại 50 người", { hoi_nghi: 3, nguoi_tham_du: 133 }],
    ["phat to roi: thon Ha 150, thon Thuong 90, thon Trung 110 to", { to_roi: 350 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

// Known misses left for a later round: "kỹ năng số 1 buổi" reads "số 1" as a label; "còn lại 300 tờ" after what
// was received makes 1.200 + 300 = 1.500 read as the stated total
describe("known misses", () => {
  it.fails("Tọa đàm kỹ năng số 1 buổi, tổng cộng 95 học sinh", () => {
    expect(plain("Tọa đàm kỹ năng số 1 buổi, tổng cộng 95 học sinh")).toEqual(only({ hoi_nghi: 1, nguoi_tham_du: 95 }));
  });
  it("Phát 1.200 tờ rơi … (nhận từ … 1.500 tờ, còn lại 300 tờ) (read since round 31c)", () => {
    expect(
      plain("Phát 1.200 tờ rơi phòng chống dịch (nhận từ Trung tâm Y tế huyện 1.500 tờ, còn lại 300 tờ)."),
    ).toEqual(only({ to_roi: 1200 }));
  });
});
