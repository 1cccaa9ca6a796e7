import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// Tables read by their structure (round 27, tuner c): variants written for each family before the rules.

describe("readTables: rows under a group row are its parts; rows of one indicator add up", () => {
  it.each([
    [
      "STT | Nội dung | ĐVT | Kết quả\n1 | Tuyên truyền trực quan | |\n1.1 | Pa nô cổng làng | cái | 3\n1.2 | Pa nô tại chợ | cái | 2\n1.3 | Băng rôn | cái | 12\n2 | Họp dân | cuộc | 4",
      { pano: 5, bang_ron: 12, hoi_nghi: 4 },
    ],
    [
      "TT\tNoi dung\tDVT\tSo luong\n1\tHoi nghi, tap huan\tcuoc\t4\n1.1\tHoi nghi trien khai\tcuoc\t1\n1.2\tTap huan can bo\tlop\t3\n2\tTo roi\tto\t900",
      { hoi_nghi: 4, to_roi: 900 },
    ],
    [
      "| TT | Nội dung | Số lượng |\n|---|---|---|\n| 1 | Bài đăng mạng xã hội, trong đó: | 30 |\n|  | - Facebook | 18 |\n|  | - Zalo | 12 |\n| 2 | Tin bài trên trang xã | 6 |",
      { bai_mxh: 30, tin_bai: 6 },
    ],
    [
      "STT | Nội dung | Số lượng\nI | Tuyên truyền miệng | 9\na) | Hội nghị | 3\nb) | Họp thôn | 6\nII | Tuyên truyền trực quan |\na) | Áp phích | 20",
      { hoi_nghi: 9, ap_phich: 20 },
    ],
    ["Áp phích\t40\nTranh cổ động\t15\nPa nô\t3", { ap_phich: 55, pano: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("readTables: a row naming what the plan does not record is context, not asked", () => {
  it.each([
    [
      "STT;Nội dung;ĐVT;Số lượng\n1;Băng rôn;cái;10\n2;Chiếu phim lưu động;buổi;3\n3;Tờ rơi;tờ;500",
      { bang_ron: 10, to_roi: 500 },
    ],
    [
      "TT | Hoạt động | ĐVT | Kết quả\n1 | Tin bài trên cổng TTĐT | tin | 8\n2 | Biểu diễn văn nghệ | buổi | 2\n3 | Sách luân chuyển | bản | 600",
      { tin_bai: 8 },
    ],
    [
      "STT\tNoi dung\tDVT\tSo luong\n1\tPano\tcai\t2\n2\tAnh minh chung gui kem\tanh\t15\n3\tHop dan\tcuoc\t5",
      { pano: 2, hoi_nghi: 5 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("readTables: columns of sittings and of attendees in a table of activities or places", () => {
  it.each([
    [
      "TT | Hoạt động | Số buổi | Số học sinh tham gia\n1 | Ngoại khóa an toàn giao thông | 2 | 500\n2 | Sinh hoạt dưới cờ | 3 | 1.200\nCộng | | 5 | 1.700",
      { hoi_nghi: 5, nguoi_tham_du: 1700 },
    ],
    [
      "Thôn | Họp dân (cuộc) | Người dự\nĐồng Tâm | 1 | 52\nSơn Hà | 2 | 70\nCộng | 3 |",
      { hoi_nghi: 3, nguoi_tham_du: 122 },
    ],
    [
      "TT | Đơn vị | Buổi tuyên truyền | Lượt đoàn viên tham gia\n1 | Chi đoàn thôn 1 | 2 | 60\n2 | Chi đoàn thôn 2 | 1 | 45\nTổng | | 3 | 105",
      { hoi_nghi: 3, nguoi_tham_du: 105 },
    ],
    [
      "STT;Chi hoi;So buoi sinh hoat;So hoi vien du\n1;Chi hoi Dong;2;40\n2;Chi hoi Tay;3;55",
      { hoi_nghi: 5, nguoi_tham_du: 95 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("readTables: a header of two lines, the second naming the columns under the first", () => {
  it.each([
    [
      "STT | Nội dung | Quý III | | Quý IV |\n | | KH | TH | KH | TH\n1 | Băng rôn | 10 | 9 | 12 | 14\n2 | Tờ rơi | 500 | 450 | 600 | 700",
      { bang_ron: 14, to_roi: 700 },
    ],
    [
      "TT | Chỉ tiêu | KH | Thực hiện | | |\n | | | T10 | T11 | T12 | Cộng\n1 | Họp dân | 6 | 2 | 1 | 2 | 5\n2 | Pa nô | 3 | 1 | 1 | - | 2",
      { hoi_nghi: 5, pano: 2 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("readTables: of two 'thực hiện' columns, the one of this period", () => {
  it.each([
    [
      "Chỉ tiêu\tKH năm\tTH 6 tháng\tTH quý III\tLũy kế\nPhóng sự\t8\t4\t2\t6\nChuyên mục\t12\t6\t3\t9",
      { phong_su: 2, chuyen_muc: 3 },
    ],
    [
      "Noi dung | KH | TH 9 thang | TH quy IV | Luy ke nam\nTin bai | 40 | 28 | 11 | 39\nPano | 4 | 3 | 1 | 4",
      { tin_bai: 11, pano: 1 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("readTables: a gathering's sittings counted in 'buổi' are the meetings, a show's are not", () => {
  it.each([
    [
      "STT | Hình thức | ĐVT | Số lượng\n1 | Truyền thông tại nhà văn hóa | buổi | 4\n2 | Người nghe | người | 150\n3 | Chiếu phim lưu động | buổi | 2",
      { hoi_nghi: 4, nguoi_tham_du: 150 },
    ],
    ["TT\tNoi dung\tDVT\tKet qua\n1\tSinh hoat chuyen de\tbuoi\t3\n2\tBang ron\tcai\t6", { hoi_nghi: 3, bang_ron: 6 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("readTables: the report's own period over a total of several, the corrected column over the reported one", () => {
  it.each([
    [
      "bc thang 11 a\nNội dung | Tháng 10 | Tháng 11 | Tổng 2 tháng\nPa nô | 2 | 3 | 5\nTin bài | 4 | 6 | 10",
      { pano: 3, tin_bai: 6 },
    ],
    [
      "TT | Nội dung | Số đã báo cáo | Số điều chỉnh\n1 | Tờ rơi | 600 | 650\n2 | Họp dân | 4 | 5",
      { to_roi: 650, hoi_nghi: 5 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("readTables: rows of 'STT - label - figure' typed with dashes", () => {
  it.each([
    [
      "bc thon Dong Son a\n1 - Băng rôn - 6 cái\n2 - Họp thôn - 2 cuộc\n3 - Người dự - 85 người",
      { bang_ron: 6, hoi_nghi: 2, nguoi_tham_du: 85 },
    ],
    ["xom 3 bc a\n1 - to roi - 300 to\n2 - pano - 1 cai\n3 - so ho - 120 ho", { to_roi: 300, pano: 1 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("readTables: a label saying its sittings ('Buổi ngoại khóa …', 'Sinh hoạt chi đoàn (buổi)') counts the meetings", () => {
  it.each([
    [
      "Nội dung | Kế hoạch | Thực hiện\nBuổi nói chuyện chuyên đề | 2 | 2\nÁp phích | 10 | 12",
      { hoi_nghi: 2, ap_phich: 12 },
    ],
    [
      "Noi dung\tT7\tT8\tT9\tQuy III\nSinh hoat chi doan (buoi)\t1\t2\t1\t4\nDoan vien du\t30\t45\t28\t103",
      { hoi_nghi: 4, nguoi_tham_du: 103 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("readTables: a table of who attended ('Thành phần tham dự | Số người') counts the attendees", () => {
  it.each([
    [
      "Hội nghị triển khai CCHC xã Yên Lạc (1 cuộc)\nThành phần tham dự | Số người\nĐại diện các ban ngành | 18\nTrưởng thôn | 9\nHội viên phụ nữ | 60",
      { hoi_nghi: 1, nguoi_tham_du: 87 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("readTables: rows aligned with spaces and no header; a row of what the plan does not record among them", () => {
  it.each([
    [
      "bc thang 12 xa Tam Ky a\nBăng rôn         8 cái\nTờ rơi           600 tờ\nChiếu phim       2 buổi",
      { bang_ron: 8, to_roi: 600 },
    ],
    ["thon 4 bc a\nPano - 1\nHop thon - 2 cuoc\nVan nghe - 1 buoi", { pano: 1, hoi_nghi: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});
