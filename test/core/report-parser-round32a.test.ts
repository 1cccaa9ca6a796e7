import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// Round 32a: pasted tables as they arrive in chat. Variants written for the round (other places, numbers,
// separators, header shapes, with and without diacritics), with what a clerk records.
// The clerk's conventions, read from the development tables (category "table" of every development file):
// - One figure per indicator: the achieved figure of the report's own period. Thực hiện / TH / Kết quả / Số lượng /
//   SL / Kỳ này / Kỳ báo cáo over Kế hoạch / KH, Tỷ lệ / Đạt / %, Lũy kế, Cùng kỳ / the year before, Ghi chú.
// - Columns per month or week with a "Cộng quý" / "Tổng" / "Cả tháng" column: the total column; with none, the
//   period the title or a note names ("số liệu kỳ này là quý IV"), else the months of the quarter summed.
// - One column (or row) per village, school, branch: their "Tổng" / "Cộng" column or row, else their sum.
// - "-", "x" or an empty cell is not reported; a written 0 is 0; row numbers (1, 01, I, 1.1, a)), units in a
//   cell ("12 cái"), thousand dots ("1.200") and numbers in a note ("trong đó 2 cái ở thôn A") change nothing.
// - A prose line after the table that corrects a cell wins over the cell.

describe("header cells merged over two lines: the period's achieved column under its group", () => {
  it.each([
    [
      "UBND xã Phú Lương báo cáo quý IV/2026\nChỉ tiêu | ĐVT | Kết quả thực hiện |\n | | Quý IV | Lũy kế năm\nPa nô | cái | 3 | 10\nTờ rơi | tờ | 500 | 2.100\nTin bài | tin | 6 | 25",
      { pano: 3, to_roi: 500, tin_bai: 6 },
    ],
    [
      "STT | Nội dung | Số lượng |\n | | KH | TH\n1 | Băng rôn | 10 | 12\n2 | Hội nghị tuyên truyền | 2 | 2\n3 | Người dự | 150 | 163",
      { bang_ron: 12, hoi_nghi: 2, nguoi_tham_du: 163 },
    ],
    [
      "STT\tNội dung\tĐơn vị tính\tKết quả thực hiện\t\n\t\t\tTháng 12\tLũy kế năm\n1\tPhát thanh\tlượt\t30\t340\n2\tChuyên mục\tchuyên mục\t2\t22",
      { phat_thanh: 30, chuyen_muc: 2 },
    ],
    [
      "stt;noi dung;so luong;\n;;ke hoach;thuc hien\n1;ap phich;30;26\n2;to roi;1.000;1.150\n3;xe loa;4;5",
      { ap_phich: 26, to_roi: 1150, xe_luu_dong: 5 },
    ],
    [
      "TT | Nội dung | ĐVT | Kết quả | \n | | | Quý IV/2026 | Lũy kế\n(1) | (2) | (3) | (4) | (5)\n1 | Băng rôn | cái | 14 | 40\n2 | Cụm cổ động | cụm | 1 | 3",
      { bang_ron: 14, cum_co_dong: 1 },
    ],
    ["STT | Nội dung | ĐVT | SL\nA | B | 1 | 2\n1 | Pa nô | cái | 3\n2 | Tờ rơi | tờ | 450", { pano: 3, to_roi: 450 }],
    [
      "TT;Chỉ tiêu;ĐVT;Kế hoạch;Thực hiện;Tỷ lệ\n(1);(2);(3);(4);(5);(6)=(5)/(4)\n1;Xe thông tin lưu động;lượt;6;7;117%\n2;Phóng sự;PS;2;2;100%",
      { xe_luu_dong: 7, phong_su: 2 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a merged cell of gatherings over its sittings and people: the people attended", () => {
  it.each([
    [
      "Thôn | Hội nghị | \n | Số cuộc | Số người\nThôn 1 | 1 | 40\nThôn 2 | 1 | 35\nTổng | 2 | 75",
      { hoi_nghi: 2, nguoi_tham_du: 75 },
    ],
    [
      "STT | Đơn vị | Tuyên truyền miệng | \n | | Số buổi | Người nghe\n1 | Chi hội Phụ nữ | 2 | 80\n2 | Chi đoàn | 1 | 45\nCộng | | 3 | 125",
      { hoi_nghi: 3, nguoi_tham_du: 125 },
    ],
    [
      "Don vi\tHoi nghi\t\n\tSo cuoc\tSo nguoi\nThon 1\t1\t40\nThon 2\t1\t52\nCong\t2\t92",
      { hoi_nghi: 2, nguoi_tham_du: 92 },
    ],
    [
      "Nội dung | Tập huấn | | Tờ rơi\n | Số lớp | Học viên | \nXã | 1 | 60 | 300\nThôn | 2 | 90 | 500\nTổng | 3 | 150 | 800",
      { hoi_nghi: 3, nguoi_tham_du: 150, to_roi: 800 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("columns separated by tabs lost into spaces: the achieved column still counts", () => {
  it.each([
    [
      "STT Nội dung ĐVT KH TH\n1 Pa nô cái 4 5\n2 Áp phích tờ 20 18\n3 Tờ rơi tờ 1.000 1.200",
      { pano: 5, ap_phich: 18, to_roi: 1200 },
    ],
    [
      "noi dung   kh   th   ty le\nbang ron   10   8   80%\nphat thanh   60   72   120%",
      { bang_ron: 8, phat_thanh: 72 },
    ],
    [
      "TT Noi dung DVT So luong\n1 Bang ron cai 12\n2 To roi to 700\n3 Hoi nghi cuoc 2\n4 Nguoi du nguoi 160",
      { bang_ron: 12, to_roi: 700, hoi_nghi: 2, nguoi_tham_du: 160 },
    ],
    [
      "STT  Nội dung     ĐVT   SL    Ghi chú\n1    Pa nô        cái   2     thôn 3 và thôn 5\n2    Băng rôn     cái   10\n3    Tờ rơi       tờ          chưa phát",
      { pano: 2, bang_ron: 10 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("other separators: commas, semicolons, markdown bars", () => {
  it.each([
    ["Chỉ tiêu,ĐVT,Số lượng\nPa nô,cái,2\nTờ rơi,tờ,800\nTin bài,tin,5", { pano: 2, to_roi: 800, tin_bai: 5 }],
    ["Chỉ tiêu;ĐVT;KH;TH\nTờ rơi;tờ;1.500;1.200\nPa nô;cái;2;x\nPhóng sự;PS;x;1", { to_roi: 1200, phong_su: 1 }],
    [
      "tt;noi dung;dvt;kh;th;ghi chu\n1;bang ron;cai;10;12;\n2;to roi;to;500;x;chua in\n3;hop dan;cuoc;3;3;3 thon",
      { bang_ron: 12, hoi_nghi: 3 },
    ],
    [
      "| Nội dung | KH | TH | % |\n|:--|--:|--:|--:|\n| Pa nô | 3 | 3 | 100 |\n| Cụm cổ động | 2 | 1 | 50 |",
      { pano: 3, cum_co_dong: 1 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("columns beside the achieved one: rate, the same period last year, the year so far, notes", () => {
  it.each([
    [
      "STT\tChỉ tiêu\tĐVT\tKH năm\tTH tháng 11\tLũy kế\tTỷ lệ (%)\n1\tBăng rôn\tcái\t50\t6\t41\t82\n2\tTin bài\ttin\t60\t5\t52\t87",
      { bang_ron: 6, tin_bai: 5 },
    ],
    [
      "Chỉ tiêu | Thực hiện | Cùng kỳ năm trước | So sánh (%)\nTin bài | 14 | 10 | 140\nPhóng sự | 2 | 3 | 67",
      { tin_bai: 14, phong_su: 2 },
    ],
    [
      "STT | Nội dung | SL | Ghi chú\n1 | Băng rôn | 7 | trong đó 2 cái ở thôn Hạ\n2 | Pa nô | 1 | \n3 | Họp dân | 3 | 3 thôn, mỗi thôn 1 cuộc",
      { bang_ron: 7, pano: 1, hoi_nghi: 3 },
    ],
    [
      "Nội dung | Số lượng | Ghi chú\nPa nô | 2 | 1 cái tại chợ, 1 cái tại UBND\nÁp phích | 25 | dán ở 5 thôn\nXe loa | 3 lượt | ",
      { pano: 2, ap_phich: 25, xe_luu_dong: 3 },
    ],
    [
      "noi dung | thuc hien | so voi cung ky\ntin bai | 24 | tang 4\nbai fanpage | 60 | tang 15",
      { tin_bai: 24, bai_mxh: 60 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("one column or row per place, with or without its total", () => {
  it.each([
    [
      "Nội dung | Trường MN | Trường TH | Trường THCS | Tổng\nÁp phích | 4 | 6 | 8 | 18\nBuổi ngoại khóa | 1 | 2 | 2 | 5\nHọc sinh tham gia | 120 | 300 | 420 | 840",
      { ap_phich: 18, hoi_nghi: 5, nguoi_tham_du: 840 },
    ],
    [
      "Thôn | Băng rôn | Tờ rơi\nThôn 1 | 2 | 100\nThôn 2 | 3 | 150\nThôn 3 | 1 | 80\nTổng | 6 | 330",
      { bang_ron: 6, to_roi: 330 },
    ],
    [
      "Nội dung | Xóm Bến | Xóm Chợ | Xóm Giữa\nBăng rôn | 2 | 1 | 3\nTờ rơi | 50 | 70 | 60",
      { bang_ron: 6, to_roi: 180 },
    ],
    [
      "Thôn\tHọp dân (cuộc)\tNgười dự\nThôn An Bình\t1\t45\nThôn Tân Hòa\t2\t80\nCộng\t3\t125",
      { hoi_nghi: 3, nguoi_tham_du: 125 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("group rows and their sub-rows; row numbers I, 01, 1.1, a), -", () => {
  it.each([
    [
      "STT | Nội dung | ĐVT | Số lượng\nI | Tuyên truyền trực quan | | \n1 | Pa nô | cái | 2\n2 | Băng rôn | cái | 15\nII | Tuyên truyền miệng | | \n1 | Hội nghị | cuộc | 3\n1.1 | Hội nghị cấp xã | cuộc | 1\n1.2 | Họp thôn | cuộc | 2\n2 | Người tham dự | người | 240",
      { pano: 2, bang_ron: 15, hoi_nghi: 3, nguoi_tham_du: 240 },
    ],
    [
      "STT | Nội dung | ĐVT | SL\n01 | Pa nô | cái | 3\n02 | Tờ rơi | tờ | 450\n03 | Xe lưu động | lượt | 2",
      { pano: 3, to_roi: 450, xe_luu_dong: 2 },
    ],
    [
      "Nội dung | SL\nHội nghị, tọa đàm | 4\na) Hội nghị cấp xã | 1\nb) Tọa đàm ở các thôn | 3\nNgười tham dự | 310",
      { hoi_nghi: 4, nguoi_tham_du: 310 },
    ],
    [
      "Nội dung | SL\nTổng số băng rôn | 12\n+ Thôn Đông | 5\n+ Thôn Tây | 7\nTờ rơi | 400",
      { bang_ron: 12, to_roi: 400 },
    ],
    ["noi dung;so luong\nphat thanh;30\n1.1 loa xa;10\n1.2 loa thon;20\ntin bai;4", { phat_thanh: 30, tin_bai: 4 }],
    [
      "Hạng mục\tKết quả\nBài đăng mạng xã hội\t25\n- Facebook\t15\n- Zalo\t10\nPhóng sự\t1",
      { bai_mxh: 25, phong_su: 1 },
    ],
    [
      "Nội dung | SL\nTờ rơi thôn A | 200\nTờ rơi thôn B | 300\nTổng cộng tờ rơi | 500\nBăng rôn | 3",
      { to_roi: 500, bang_ron: 3 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("cells with units; long labels", () => {
  it.each([
    [
      "Nội dung | Kết quả\nPa nô | 2 cái\nBăng rôn | 12 cái\nPhát thanh | 45 lượt\nTờ rơi | 1.000 tờ",
      { pano: 2, bang_ron: 12, phat_thanh: 45, to_roi: 1000 },
    ],
    [
      "TT | Nội dung | ĐVT | Số lượng\n1 | Số buổi tuyên truyền lưu động bằng xe loa | buổi | 6\n2 | Số lượt phát thanh trên hệ thống loa truyền thanh cơ sở | lượt | 84\n3 | Số tin, bài đăng trên Trang thông tin điện tử xã | tin | 9",
      { xe_luu_dong: 6, phat_thanh: 84, tin_bai: 9 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("periods as columns", () => {
  it.each([
    [
      "BC quý IV\nNội dung | T10 | T11 | T12\nPhát thanh | 20 | 22 | 25\nTin bài | 2 | 3 | 1",
      { phat_thanh: 67, tin_bai: 6 },
    ],
    [
      "Xã Mường Lát báo cáo quý IV/2026\nNội dung | Quý III | Quý IV | Cả năm\nBăng rôn | 8 | 11 | 35\nTờ rơi | 300 | 420 | 1.500",
      { bang_ron: 11, to_roi: 420 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a prose line after the table corrects a cell", () => {
  it.each([
    [
      "Chỉ tiêu | SL\nBăng rôn | 8\nTờ rơi | 300\nTin bài | 4\nà em nhầm, tờ rơi là 350 ạ",
      { bang_ron: 8, to_roi: 350, tin_bai: 4 },
    ],
    ["Pa no | 3\nTo roi | 400\n(so to roi dung la 420, em go nham)", { pano: 3, to_roi: 420 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("two tables in one message: the report's own (its period, its whole place)", () => {
  it.each([
    [
      "bc quý IV ạ\nQuý IV:\nChỉ tiêu | SL\nPa nô | 2\nBăng rôn | 10\nQuý III (để so sánh):\nChỉ tiêu | SL\nPa nô | 1\nBăng rôn | 7",
      { pano: 2, bang_ron: 10 },
    ],
    [
      "Số liệu của xã:\nNội dung | SL\nBăng rôn | 20\nTờ rơi | 600\nTrong đó thôn Đồng Tâm:\nNội dung | SL\nBăng rôn | 4\nTờ rơi | 100",
      { bang_ron: 20, to_roi: 600 },
    ],
    [
      "Báo cáo tháng 12:\nNội dung | SL\nPhát thanh | 30\nTin bài | 5\nTháng 11 (đã báo cáo):\nNội dung | SL\nPhát thanh | 28\nTin bài | 4",
      { phat_thanh: 30, tin_bai: 5 },
    ],
    [
      "So lieu ca xa\nnoi dung;sl\nbang ron;15\nto roi;500\nrieng thon Ban Mong\nnoi dung;sl\nbang ron;3\nto roi;120",
      { bang_ron: 15, to_roi: 500 },
    ],
    ["bc quy 4\nQuy 3 (de doi chieu)\nchi tieu | sl\npano | 1\nQuy 4\nchi tieu | sl\npano | 3", { pano: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a row whose unit is a sitting ('buổi', 'cuộc', in its cell or the unit column) counts gatherings", () => {
  it.each([
    [
      "Hoạt động | SL\nNói chuyện chuyên đề | 3 buổi\nNgười nghe | 150 người\nTờ rơi | 200 tờ",
      { hoi_nghi: 3, nguoi_tham_du: 150, to_roi: 200 },
    ],
    [
      "STT | Nội dung | ĐVT | Số lượng\n1 | Sinh hoạt chuyên đề tại các chi hội | buổi | 6\n2 | Hội viên dự | người | 240\n3 | Băng rôn | cái | 5",
      { hoi_nghi: 6, nguoi_tham_du: 240, bang_ron: 5 },
    ],
    [
      "noi dung - sl\ntruyen thong nhom nho - 5 buoi\nnguoi du - 70\nto roi - 150",
      { hoi_nghi: 5, nguoi_tham_du: 70, to_roi: 150 },
    ],
    [
      "|Nội dung|Số lượng|\n|Buổi TT tại nhà văn hóa|4|\n|Bà con dự|220|\n|Pa nô|1|",
      { hoi_nghi: 4, nguoi_tham_du: 220, pano: 1 },
    ],
    [
      "TT\tHình thức\tĐơn vị tính\tSố lượng\n1\tDiễn đàn thanh niên với pháp luật\tcuộc\t2\n2\tĐoàn viên tham gia\tngười\t140",
      { hoi_nghi: 2, nguoi_tham_du: 140 },
    ],
    [
      "Nội dung | ĐVT | SL\nNgày hội ở các thôn | cuộc | 7\nNgười dự | người | 1.300\nBăng rôn | cái | 12",
      { hoi_nghi: 7, nguoi_tham_du: 1300, bang_ron: 12 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a header's words wrapped onto a second line continue its cells", () => {
  it.each([
    [
      "STT | Nội dung | Đơn vị | Kế hoạch | Thực hiện\n | | tính | năm 2026 | tháng 11\n1 | Băng rôn | cái | 40 | 9\n2 | Tờ rơi | tờ | 3.000 | 650",
      { bang_ron: 9, to_roi: 650 },
    ],
    [
      "TT\tNội dung\tKết quả\tLũy kế\n\t\tđạt được\ttừ đầu năm\n1\tTin bài\t7\t60\n2\tPhóng sự\t1\t9",
      { tin_bai: 7, phong_su: 1 },
    ],
    [
      "tt;chi tieu;ke hoach;thuc hien;so sanh\n;;nam;quy 4;cung ky\n1;pano;4;2;+1\n2;ap phich;40;35;-5",
      { pano: 2, ap_phich: 35 },
    ],
    [
      "TT\tNội dung\tKế hoạch\tThực hiện\n\t\tnăm\ttháng 12\n1\tPhát thanh\t360\t31\n2\tTin bài\t50\t6",
      { phat_thanh: 31, tin_bai: 6 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a remark in brackets in a header cell ('T12 (đến 5/12)', 'TH (đến 30/11)') keeps its column", () => {
  it.each([
    [
      "Báo cáo quý IV\nChỉ tiêu | T10 | T11 | T12 (đến 10/12) | Quý IV\nBăng rôn | 4 | 6 | 2 | 12\nTin bài | 3 | 5 | 1 | 9",
      { bang_ron: 12, tin_bai: 9 },
    ],
    [
      "Chỉ tiêu | KH (năm 2026) | TH (đến 30/11) | Tỷ lệ\nPa nô | 6 | 5 | 83%\nPhát thanh | 300 | 280 | 93%",
      { pano: 5, phat_thanh: 280 },
    ],
    [
      "noi dung\tke hoach\tthuc hien (tinh den 25/12)\ntin bai\t20\t22\nbai fanpage\t50\t61",
      { tin_bai: 22, bai_mxh: 61 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a column of people beside a column of sittings counts who attended them", () => {
  it.each([
    [
      "Chi đoàn | Số buổi | Số đoàn viên\nChi đoàn 1 | 2 | 40\nChi đoàn 2 | 1 | 25\nChi đoàn 3 | 2 | 45\nCộng | 5 | 110",
      { hoi_nghi: 5, nguoi_tham_du: 110 },
    ],
    ["Tổ\tSố cuộc\tSố người\nTổ 1\t1\t30\nTổ 2\t1\t28\nTổng\t2\t58", { hoi_nghi: 2, nguoi_tham_du: 58 }],
    ["lop;so buoi;so hs\n10A1;1;40\n10A2;1;38\ntong;2;78", { hoi_nghi: 2, nguoi_tham_du: 78 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("one column group per place, each split into plan and done: the done columns add up (or their total's)", () => {
  it.each([
    [
      "Nội dung | Thôn Đông | | Thôn Tây | \n | KH | TH | KH | TH\nBăng rôn | 3 | 4 | 2 | 2\nTờ rơi | 100 | 120 | 80 | 60",
      { bang_ron: 6, to_roi: 180 },
    ],
    [
      "Chỉ tiêu\tXóm 1\t\tXóm 2\t\tTổng\t\n\tKH\tTH\tKH\tTH\tKH\tTH\nPa nô\t1\t1\t1\t0\t2\t1\nTờ rơi\t50\t60\t50\t40\t100\t100",
      { pano: 1, to_roi: 100 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("Nội dung | Trường TH số 1 | | Trường TH số 2 | over | KH | TH | KH | TH", () => {
    const text =
      "Nội dung | Trường TH số 1 | | Trường TH số 2 |\n | KH | TH | KH | TH\nBuổi ngoại khóa | 2 | 3 | 2 | 2\nHọc sinh tham gia | 300 | 320 | 250 | 270";
    expect(plain(text)).toEqual(only({ hoi_nghi: 5, nguoi_tham_du: 590 }));
  });

  it("noi dung;truong TH;;truong THCS; over ;ke hoach;thuc hien;ke hoach;thuc hien", () => {
    const text =
      "noi dung;truong TH;;truong THCS;\n;ke hoach;thuc hien;ke hoach;thuc hien\nap phich;10;12;8;9\nbuoi ngoai khoa;2;2;3;2";
    expect(plain(text)).toEqual(only({ ap_phich: 21, hoi_nghi: 4 }));
  });
});

describe("households and percentages in a table are no figures", () => {
  it.each([
    [
      "STT | Thôn | Số hộ | Số hộ được phát tờ rơi | Tờ rơi\n1 | Thôn 1 | 120 | 115 | 115\n2 | Thôn 2 | 98 | 98 | 98\nTổng | | 218 | 213 | 213",
      { to_roi: 213 },
    ],
    ["Thôn | Số hộ | Tờ rơi đã phát\nThôn A | 150 | 150\nThôn B | 90 | 85\nCộng | 240 | 235", { to_roi: 235 }],
    [
      "Xóm\tSố hộ dân\tSố hộ nghe tuyên truyền\tHọp xóm\nXóm 1\t80\t75\t1\nXóm 2\t60\t60\t1\nTổng\t140\t135\t2",
      { hoi_nghi: 2 },
    ],
    [
      "STT | Nội dung | ĐVT | Số lượng\n1 | Tỷ lệ hộ được tuyên truyền | % | 95\n2 | Băng rôn | cái | 10\n3 | Hội nghị | cuộc | 2",
      { bang_ron: 10, hoi_nghi: 2 },
    ],
    ["Nội dung | SL\nTỷ lệ người dân biết thông tin | 90%\nTờ rơi | 400", { to_roi: 400 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a spreadsheet cell with a line break, pasted in quotes over two lines, stays in its row", () => {
  it.each([
    [
      'STT\tNội dung\tĐVT\tSố lượng\n1\t"Hội nghị tuyên truyền\n(cấp xã)"\tcuộc\t2\n2\tNgười tham dự\tngười\t150\n3\tBăng rôn\tcái\t8',
      { hoi_nghi: 2, nguoi_tham_du: 150, bang_ron: 8 },
    ],
    ['Chỉ tiêu\tKH\tTH\n"Tờ rơi, tờ gấp\nphòng chống ma túy"\t1.000\t1.150\nPa nô\t2\t2', { to_roi: 1150, pano: 2 }],
    [
      'tt\tnoi dung\tsl\tghi chu\n1\tbang ron\t6\t"thon 1: 2 cai\nthon 2: 4 cai"\n2\tphat thanh\t30\t',
      { bang_ron: 6, phat_thanh: 30 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});
