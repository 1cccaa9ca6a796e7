import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// The writers' convention: one gathering said to be held, with its attendees and no count, is one meeting
describe("a gathering named as held, with its attendees and no count, is one meeting", () => {
  it.each([
    [
      "Ngày 20/11/2026, phường tổ chức hội nghị phổ biến Luật Đất đai với 150 đại biểu; treo 4 băng rôn.",
      { hoi_nghi: 1, nguoi_tham_du: 150, bang_ron: 4 },
    ],
    [
      "sang nay 12/12 thon to chuc hoi nghi trien khai nghi quyet luc 8h co 64 nguoi du",
      { hoi_nghi: 1, nguoi_tham_du: 64 },
    ],
    [
      "Hội thảo chuyển đổi số được tổ chức tại hội trường UBND xã Tân Phú với 85 người tham dự.",
      { hoi_nghi: 1, nguoi_tham_du: 85 },
    ],
    ["xóm Đông họp dân tối 18/12 tại nhà văn hóa, 47 người dự", { hoi_nghi: 1, nguoi_tham_du: 47 }],
    [
      "to dan pho hop dan luc 19h tai nha van hoa to, co 52 nguoi du. phat 80 to roi",
      { hoi_nghi: 1, nguoi_tham_du: 52, to_roi: 80 },
    ],
    [
      "Hội nghị tập huấn nghiệp vụ tại hội trường Trung tâm thu hút chín mươi hai người tham dự.",
      { hoi_nghi: 1, nguoi_tham_du: 92 },
    ],
    ["xa to chuc tap huan ky nang so cho 45 hoc vien", { hoi_nghi: 1, nguoi_tham_du: 45 }],
    [
      "Thôn Phú Mỹ tổ chức buổi tuyên truyền về phòng cháy rừng, có 73 người tham gia.",
      { hoi_nghi: 1, nguoi_tham_du: 73 },
    ],
    // beside a running total of the gatherings, the one held this period is the figure
    [
      "Tháng 11 xã tổ chức hội nghị tuyên truyền với 90 đại biểu; lũy kế từ đầu năm 6 hội nghị.",
      { hoi_nghi: 1, nguoi_tham_du: 90 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["số người dự hội nghị tháng này là 90 người", { nguoi_tham_du: 90 }],
    ["nguoi du hoi nghi xa 76 nguoi", { nguoi_tham_du: 76 }],
    ["Đính chính: hội nghị ngày 3/12 có 88 đại biểu (đã báo 80).", { nguoi_tham_du: 88 }],
    ["Tổng số người tham dự các buổi họp dân là 310 người.", { nguoi_tham_du: 310 }],
    ["hội nghị có 95 người tham dự ạ", { nguoi_tham_du: 95 }],
    ["sửa giúp em số người dự hội nghị ngày 8/12 từ 130 thành 103 ạ", { nguoi_tham_du: 103 }],
  ])("only the attendees' figure, a correction or several gatherings say no count: %s", (text, values) => {
    expect(plain(text).values).toEqual(values);
  });
});

describe("stated zeros of a pair and at the end of a list", () => {
  it.each([
    [
      "tháng 11 xã không tổ chức hội nghị nên người tham dự cũng là 0 ạ. Pa nô 3 cái",
      { hoi_nghi: 0, nguoi_tham_du: 0, pano: 3 },
    ],
    ["ko to chuc hoi nghi nen so nguoi du la 0 a, to roi 200", { hoi_nghi: 0, nguoi_tham_du: 0, to_roi: 200 }],
    ["thon bc thang 12: to roi 90 to, pano khong co, hop dan chua hop a", { to_roi: 90, pano: 0, hoi_nghi: 0 }],
    ["Tờ rơi 150 tờ, họp thôn chưa họp ạ", { to_roi: 150, hoi_nghi: 0 }],
    ["loa phát 20 lượt, pano không treo thêm", { phat_thanh: 20, pano: 0 }],
    ["Băng rôn: không treo thêm. Tờ rơi: 300 tờ.", { bang_ron: 0, to_roi: 300 }],
    ["Chuyên mục: chưa có. Tin bài: 4. Phóng sự: 1.", { chuyen_muc: 0, tin_bai: 4, phong_su: 1 }],
    ["Tin bài: 6\nPhóng sự: chưa có\nChuyên mục: 1", { tin_bai: 6, phong_su: 0, chuyen_muc: 1 }],
    ["phong su: chua co. tin bai: 3", { phong_su: 0, tin_bai: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("correctionRoles: one figure read twice is one figure, not its own correction", () => {
  it.each([
    ["em sửa lại số liệu: người dự 2 hội nghị 60 + 75 người, pano 3", { hoi_nghi: 2, nguoi_tham_du: 135, pano: 3 }],
    ["sửa lại: người tham dự 3 hội nghị 40 + 52 + 61 người", { hoi_nghi: 3, nguoi_tham_du: 153 }],
    ["xin sua lai a: nguoi du 2 hoi nghi 48 + 57 nguoi, to roi 250", { hoi_nghi: 2, nguoi_tham_du: 105, to_roi: 250 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("qualifyPeriods: a ward named Hương is no 'Phương hướng' section of plans", () => {
  it.each([
    ["Phường Hương Trà báo cáo tháng 12: 24 lượt phát thanh, 3 chuyên mục.", { phat_thanh: 24, chuyen_muc: 3 }],
    ["phuong Huong Son: phat thanh 18 luot, to roi 300 to", { phat_thanh: 18, to_roi: 300 }],
    ["Kết quả quý IV của phường Hương Long: treo 6 băng rôn, giảm 2 cái so với quý III.", { bang_ron: 6 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a 'Phương hướng' line is still the plans", () => {
    expect(plain("Tháng 11 treo 4 pa nô.\nPhương hướng tháng tới: treo 6 pa nô").values).toEqual({ pano: 4 });
  });
});

describe("readTables: a column of sittings beside the attendees counts the gatherings", () => {
  it.each([
    [
      "Kết quả họp dân tháng 12:\nThôn | Số buổi | Số người dự\nThôn 1 | 1 | 45\nThôn 2 | 2 | 80\nTổng | 3 | 125",
      { hoi_nghi: 3, nguoi_tham_du: 125 },
    ],
    ["xom | so buoi | so nguoi tham gia\nxom Dong | 1 | 38\nxom Tay | 1 | 42", { hoi_nghi: 2, nguoi_tham_du: 80 }],
    ["Đơn vị\tSố cuộc\tĐại biểu\nTDP 1\t1\t60\nTDP 2\t1\t55\nCộng\t2\t115", { hoi_nghi: 2, nguoi_tham_du: 115 }],
  ])("%s", (text, values) => {
    expect(plain(text).values).toEqual(values);
  });
});

describe("dictated run-on reports: 'chấm hết' ends, 'rồi' closes last period's figure, a name said not done takes no figure before it", () => {
  it.each([
    [
      "xóm em tháng trước họp 3 buổi rồi loa xóm phát 25 lượt pano không làm thêm chấm hết",
      { phat_thanh: 25, pano: 0 },
    ],
    ["loa thôn phát 14 lượt áp phích không dán thêm chấm hết", { phat_thanh: 14, ap_phich: 0 }],
    ["thang truoc hop 2 buoi roi loa xom phat 16 luot bang ron khong treo them", { phat_thanh: 16, bang_ron: 0 }],
    ["tờ rơi phát 200 tờ chấm xuống dòng phóng sự không làm chấm hết", { to_roi: 200, phong_su: 0 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("figures said not done are no values ('5 pano không treo được do mưa')", () => {
    expect(plain("5 pano không treo được do mưa").values).toEqual({});
  });
});

describe("findMultipliers: people per sitting said by a word for persons are the attendees ('mỗi buổi 35 chị')", () => {
  it.each([
    ["Hội phụ nữ tổ chức 3 buổi tuyên truyền, mỗi buổi 35 chị", { hoi_nghi: 3, nguoi_tham_du: 105 }],
    ["chi hội họp 2 buổi, mỗi buổi 40 bà", { hoi_nghi: 2, nguoi_tham_du: 80 }],
    ["2 buổi tọa đàm về bình đẳng giới, mỗi buổi khoảng 28 chị", { hoi_nghi: 2, nguoi_tham_du: 56 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});
