import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain, readSample as read } from "../support/parsed.js";

/** A 200-row pasted table of villages with its total row (read whole, and fast). */
const LONG_TABLE = [
  "TT | Thôn | Tờ rơi",
  ...Array.from({ length: 200 }, (_, i) => `${i + 1} | Thôn ${i + 1} | 10`),
  "Tổng | | 2.000",
].join("\n");

/**
 * The round's own messages, written by family before the parser was run on them: pasted tables,
 * corrections inside one message, period qualifiers (a report of Quý IV/2026, sent in December 2026).
 */
const OWN: [string, Record<string, number>][] = [
  // pasted tables
  [
    "STT\tNội dung\tĐVT\tSố lượng\tGhi chú\n1\tPa nô\tcái\t4\t\n2\tBăng rôn\tcái\t18\tthay mới 6\n3\tTờ rơi\ttờ\t1.200\t",
    { pano: 4, bang_ron: 18, to_roi: 1200 },
  ],
  [
    "TT;Chỉ tiêu;ĐVT;Kế hoạch;Thực hiện;Tỷ lệ (%)\n1;Phát thanh;lượt;80;92;115\n2;Tin bài;tin;12;9;75\n3;Chuyên mục;chuyên mục;3;3;100",
    { phat_thanh: 92, tin_bai: 9, chuyen_muc: 3 },
  ],
  [
    "Nội dung | Quý III | Quý IV | Lũy kế năm\nBăng rôn | 12 | 15 | 48\nÁp phích | 20 | 25 | 80\nXe lưu động | 4 | 6 | 19",
    { bang_ron: 15, ap_phich: 25, xe_luu_dong: 6 },
  ],
  [
    "Chỉ tiêu          Kế hoạch    Thực hiện\nPa nô               3            3\nCụm cổ động         2            1\nHội nghị            4            5\nNgười tham dự      300          356",
    { pano: 3, cum_co_dong: 1, hoi_nghi: 5, nguoi_tham_du: 356 },
  ],
  [
    "Nội dung\tThôn 1\tThôn 2\tThôn 3\tThôn 4\tTổng\nBăng rôn\t3\t2\t4\t3\t12\nTờ rơi\t100\t80\t120\t90\t390",
    { bang_ron: 12, to_roi: 390 },
  ],
  ["Chỉ tiêu | Đông | Tây | Nam\nHọp dân | 1 | 1 | 2\nNgười dự | 40 | 35 | 70", { hoi_nghi: 4, nguoi_tham_du: 145 }],
  [
    "Chi hội | Tờ rơi | Áp phích\nChi hội 1 | 120 | 5\nChi hội 2 | 150 | 6\nChi hội 3 | 90 | 4\nCộng | 360 | 15",
    { to_roi: 360, ap_phich: 15 },
  ],
  [
    "I. TUYÊN TRUYỀN TRỰC QUAN\n1. Pa nô: 2 cái\n2. Băng rôn: 24 cái\nII. TUYÊN TRUYỀN MIỆNG\n1. Hội nghị: 3 cuộc\n2. Người tham dự: 210 người",
    { pano: 2, bang_ron: 24, hoi_nghi: 3, nguoi_tham_du: 210 },
  ],
  [
    "TT\tNội dung\tSố lượng\nI\tTrực quan\t\n1\tPa nô\t2\n2\tBăng rôn\t16\nII\tTruyền thanh\t\n1\tPhát thanh\t45\n2\tChuyên mục\t2",
    { pano: 2, bang_ron: 16, phat_thanh: 45, chuyen_muc: 2 },
  ],
  [
    "STT | Nội dung | ĐVT | Số lượng\n1 | Tờ rơi | tờ | 800\n | - trong đó phát tại chợ | tờ | 300\n2 | Áp phích | cái | 40",
    { to_roi: 800, ap_phich: 40 },
  ],
  [
    "TT\nNội dung\nSố lượng\n1\nPa nô\n3\n2\nBăng rôn\n10\n3\nPhát thanh\n36",
    { pano: 3, bang_ron: 10, phat_thanh: 36 },
  ],
  [
    "BẢNG TỔNG HỢP KẾT QUẢ QUÝ IV NĂM 2026\nTT;Nội dung;Số lượng\n1;Tin bài;14\n2;Phóng sự;2\n3;Bài đăng fanpage;30",
    { tin_bai: 14, phong_su: 2, bai_mxh: 30 },
  ],
  [
    "Biểu số 02 - Kết quả tuyên truyền (kèm theo Báo cáo số 45/BC-UBND ngày 10/12/2026)\nSTT | Nội dung | Số lượng\n1 | Hội nghị | 2\n2 | Người tham dự | 160",
    { hoi_nghi: 2, nguoi_tham_du: 160 },
  ],
  [
    "Nội dung | T10 | T11 | T12 | Cộng quý\nPhát thanh | 30 | 28 | 31 | 89\nXe loa | 2 | 2 | 3 | 7",
    { phat_thanh: 89, xe_luu_dong: 7 },
  ],
  ["Chỉ tiêu;Tháng 10;Tháng 11;Tháng 12\nTin bài;4;5;6\nBài mxh;10;12;9", { tin_bai: 15, bai_mxh: 31 }],
  [
    "dạ e gửi bảng ạ\nnoi dung   so luong\npano   2\nbang ron   14\nto roi   500",
    { pano: 2, bang_ron: 14, to_roi: 500 },
  ],
  [
    "chi tieu | KH | TH\nbang ron | 20 | 22\nap phich | 30 | 28\nhop dan | 6 | 6\nnguoi du | 300 | 318",
    { bang_ron: 22, ap_phich: 28, hoi_nghi: 6, nguoi_tham_du: 318 },
  ],
  [
    "TT\tNội dung\tĐVT\tSố lượng\tGhi chú\n1\tXe thông tin lưu động\tlượt\t8\t4 thôn\n2\tPhát thanh\tlượt\t60\t2 lượt/ngày\n3\tTin bài\ttin\t11\t",
    { xe_luu_dong: 8, phat_thanh: 60, tin_bai: 11 },
  ],
  [
    "Đoàn Thanh niên xã Hòa Sơn\nNội dung | Kế hoạch | Thực hiện | Tỷ lệ\nBăng rôn | 10 | 10 | 100%\nTờ rơi | 500 | 650 | 130%\nTổng | 510 | 660 |",
    { bang_ron: 10, to_roi: 650 },
  ],
  [
    "Nội dung | Chi đoàn 1 | Chi đoàn 2 | Chi đoàn 3 | Cộng\nBăng rôn | 2 | 2 | 3 | 7\nTờ rơi | 50 | 60 | 40 | 150\nTọa đàm | 1 | 0 | 1 | 2",
    { bang_ron: 7, to_roi: 150, hoi_nghi: 2 },
  ],
  ["Nội dung;Quý III/2026;Quý IV/2026\nPa nô;1;2\nBăng rôn;10;14", { pano: 2, bang_ron: 14 }],
  [
    "Chỉ tiêu | Cùng kỳ 2025 | Quý IV 2026 | So sánh (%)\nPhát thanh | 70 | 84 | 120\nTin bài | 8 | 10 | 125",
    { phat_thanh: 84, tin_bai: 10 },
  ],
  [LONG_TABLE, { to_roi: 2000 }],
  [
    "Thôn;Họp dân (cuộc);Người dự (người)\nThôn Trung;1;45\nThôn Hạ;1;52\nThôn Thượng;2;80\nTổng;4;177",
    { hoi_nghi: 4, nguoi_tham_du: 177 },
  ],
  [
    "STT | Chỉ tiêu | Số liệu\n1 | Số cuộc hội nghị | 3\n2 | Số người tham dự | 240\n3 | Số lượt phát thanh | 66",
    { hoi_nghi: 3, nguoi_tham_du: 240, phat_thanh: 66 },
  ],
  ["STT\nChỉ tiêu\nĐVT\nKết quả\n1\nPa nô\ncái\n2\n2\nTờ rơi\ntờ\n700", { pano: 2, to_roi: 700 }],
  [
    "bang so lieu cua xa e a\nTT  Noi dung  SL\n1  Phat thanh  40\n2  Xe loa  3\n3  Tin bai  5",
    { phat_thanh: 40, xe_luu_dong: 3, tin_bai: 5 },
  ],
  ["Nội dung | Thực hiện | Tỷ lệ so với KH\nÁp phích | 45 | 90%\nBăng rôn | 12 | 100%", { ap_phich: 45, bang_ron: 12 }],
  [
    "Chỉ tiêu;KH năm 2026;TH quý IV;Lũy kế;Tỷ lệ %\nPa nô;8;2;7;87,5\nBăng rôn;60;18;55;91,7\nTờ rơi;3000;900;2800;93,3",
    { pano: 2, bang_ron: 18, to_roi: 900 },
  ],
  ["Nội dung | Số lượng\nPa nô | -\nBăng rôn | 9\nCụm cổ động | 0", { bang_ron: 9, cum_co_dong: 0 }],
  [
    "TT | Loại | Số lượng | Địa điểm\n1 | Băng rôn | 6 | Thôn 2, thôn 5\n2 | Pano | 1 | Ngã 3 chợ",
    { bang_ron: 6, pano: 1 },
  ],
  [
    "Báo cáo quý IV/2026\nNội dung | Tháng 12 | Lũy kế quý IV\nPhát thanh | 30 | 88\nTin bài | 3 | 10",
    { phat_thanh: 88, tin_bai: 10 },
  ],
  [
    "Hội Nông dân xã Đức Long\nTT\tChi hội\tHội nghị\tNgười dự\tGhi chú\n1\tChi hội thôn 1\t1\t38\t\n2\tChi hội thôn 2\t1\t41\tlồng ghép\n3\tChi hội thôn 3\t1\t36\t\nTổng cộng\t\t3\t115\t",
    { hoi_nghi: 3, nguoi_tham_du: 115 },
  ],
  [
    "Nội dung | Số lượng\nPa nô (cái) | 3\nTờ rơi (tờ) | 1.500\nBăng rôn (cái) | 20",
    { pano: 3, to_roi: 1500, bang_ron: 20 },
  ],
  ["Nội dung | Quý IV/2025 | Quý IV/2026\nBăng rôn | 10 | 13\nPhát thanh | 60 | 72", { bang_ron: 13, phat_thanh: 72 }],
  [
    "Tháng 12/2026\nTuần | Phát thanh | Xe loa\nTuần 1 | 7 | 1\nTuần 2 | 7 | 0\nTuần 3 | 6 | 1\nTuần 4 | 7 | 1\nCộng | 27 | 3",
    { phat_thanh: 27, xe_luu_dong: 3 },
  ],
  [
    "Phường Bắc Sơn báo cáo:\nSTT | Nội dung | ĐVT | Số lượng | Ghi chú\nI | Tuyên truyền trực quan | | |\n1 | Pa nô | cái | 2 | \n2 | Áp phích | cái | 15 | \nII | Tuyên truyền trên mạng | | |\n1 | Bài đăng fanpage | bài | 26 | ",
    { pano: 2, ap_phich: 15, bai_mxh: 26 },
  ],
  ["pano;2\nbang ron;12\nto roi;400", { pano: 2, bang_ron: 12, to_roi: 400 }],
  [
    "STT | Tên chỉ tiêu | Đơn vị tính | Số liệu\n1 | Xe thông tin lưu động | lượt | 5\n2 | Cụm cổ động | cụm | 1\n3 | Phóng sự | phóng sự | 1",
    { xe_luu_dong: 5, cum_co_dong: 1, phong_su: 1 },
  ],
  ["dạ\nbảng đây ạ\nnội dung | sl\nphát thanh | 31\nchuyên mục | 1", { phat_thanh: 31, chuyen_muc: 1 }],
  [
    "| STT | Nội dung | Số lượng |\n|---|---|---|\n| 1 | Tin bài | 7 |\n| 2 | Phóng sự | 1 |",
    { tin_bai: 7, phong_su: 1 },
  ],
  ["Nội dung | Thực hiện | Kế hoạch\nHội nghị | 3 | 2\nNgười tham dự | 245 | 200", { hoi_nghi: 3, nguoi_tham_du: 245 }],
  ["Chỉ tiêu;Lũy kế từ đầu năm;Trong quý IV\nTờ rơi;2.400;650\nÁp phích;120;35", { to_roi: 650, ap_phich: 35 }],
  ["Nội dung\tSố lượng\nTờ rơi\t1.250\nTờ gấp\t-\nÁp phích\t60", { to_roi: 1250, ap_phich: 60 }],
  ["Thôn\tBăng rôn\nĐông Hòa\t3\nTây Hòa\t2\nNam Hòa\t4", { bang_ron: 9 }],
  [
    "Trạm Y tế xã Hòa Bình\nNội dung | Số lượng | Ghi chú\nTọa đàm | 2 | tại 2 thôn\nNgười tham dự | 85 |\nTờ rơi | 300 | về sốt xuất huyết",
    { hoi_nghi: 2, nguoi_tham_du: 85, to_roi: 300 },
  ],
  [
    "Phòng Nghiệp vụ Văn hóa - Sở VHTTDL\nSTT | Nhiệm vụ | Đơn vị tính | Kết quả quý IV/2026\n1 | Tin bài đăng Cổng TTĐT | tin | 24\n2 | Phóng sự | phóng sự | 3\n3 | Hội nghị tập huấn | cuộc | 2",
    { tin_bai: 24, phong_su: 3, hoi_nghi: 2 },
  ],
  [
    "Noi dung\tThang 10\tThang 11\tThang 12\tTong\nPhat thanh\t20\t\t25\t45\nXe luu dong\t\t2\t1\t3",
    { phat_thanh: 45, xe_luu_dong: 3 },
  ],
  [
    "Trường THCS Lê Lợi gửi số liệu:\nTT;Hoạt động;Số buổi;Số người tham dự\n1;Tọa đàm;2;180\n2;Tập huấn;1;45",
    { hoi_nghi: 3, nguoi_tham_du: 225 },
  ],
  [
    "Chỉ tiêu    Quý III    Quý IV    Cả năm\nTin bài        9         11        40\nPhóng sự       1          2         5",
    { tin_bai: 11, phong_su: 2 },
  ],

  // corrections inside one message
  ["Treo 12 băng rôn, phát 500 tờ rơi. À em nhầm, băng rôn 14 ạ", { bang_ron: 14, to_roi: 500 }],
  ["xin đính chính lại là phát thanh 46 lượt, không phải 40 lượt", { phat_thanh: 46 }],
  ["Tờ rơi 300 → sửa thành 350", { to_roi: 350 }],
  ["số liệu cũ: pano 2, băng rôn 10; số liệu mới: pano 3, băng rôn 10", { pano: 3, bang_ron: 10 }],
  ["hội nghị 2 cuộc chứ không phải 3 cuộc ạ, người dự 140", { hoi_nghi: 2, nguoi_tham_du: 140 }],
  ["ap phich 35 cai, go nham, dung la 53 cai", { ap_phich: 53 }],
  ["Tin bài 8, phóng sự 1, bài fanpage 20. Bỏ dòng phóng sự đi ạ, em ghi thừa", { tin_bai: 8, bai_mxh: 20 }],
  ["không phải 15 mà là 12 băng rôn ạ", { bang_ron: 12 }],
  [
    "Phát thanh 45 lượt, xe loa 4 lượt, tờ rơi 600.\nChính xác là xe loa 5 lượt ạ",
    { phat_thanh: 45, xe_luu_dong: 5, to_roi: 600 },
  ],
  ["dạ\nbăng rôn 10\ntờ rơi 200\nà em nhầm tờ rơi 250", { bang_ron: 10, to_roi: 250 }],
  [
    "UBND xã Tân Phú xin đính chính số liệu báo cáo ngày 02/12/2026: số người tham dự hội nghị là 185 người (không phải 158 người như đã báo cáo).",
    { nguoi_tham_du: 185 },
  ],
  ["hop dan 3 cuoc 150 nguoi. a nham, 4 cuoc", { hoi_nghi: 4, nguoi_tham_du: 150 }],
  ["Áp phích 20 → 25, tờ rơi giữ nguyên 400", { ap_phich: 25, to_roi: 400 }],
  ["sửa lại giúp em: pano 3 chứ ko phải 2", { pano: 3 }],
  ["Số liệu cũ 60 lượt phát thanh, số liệu mới 64 lượt", { phat_thanh: 64 }],
  ["em báo lại: tin bài 9 (trước em báo 7 là thiếu)", { tin_bai: 9 }],
  ["treo 8 bang ron, 2 pano. xin loi, pano chi 1 cai thoi a", { bang_ron: 8, pano: 1 }],
  ["Tập huấn 2 lớp, 90 học viên. Em gõ nhầm, 95 học viên ạ", { hoi_nghi: 2, nguoi_tham_du: 95 }],
  ["Phát thanh 30 lượt\nXe loa 2 lượt\nBỏ dòng xe loa đi chị ạ, em ghi nhầm của quý trước", { phat_thanh: 30 }],
  ["chuyên mục 3, phóng sự 2. à không, chuyên mục 2 thôi", { chuyen_muc: 2, phong_su: 2 }],
  ["Dạ em xin sửa: bài đăng fanpage 25 bài (không phải 52)", { bai_mxh: 25 }],
  ["tờ rơi 1.000 tờ.\nxin đính chính lại là 1.200 tờ ạ", { to_roi: 1200 }],
  ["Cụm cổ động: 2 cụm → sửa thành 3 cụm; pa nô: 4 cái", { cum_co_dong: 3, pano: 4 }],
  ["Phát thanh 50 lượt, tin bài 6. Đính chính: tin bài 8", { phat_thanh: 50, tin_bai: 8 }],
  ["số người dự hội nghị là 120 chứ không phải 210 như em gõ", { nguoi_tham_du: 120 }],
  [
    "băng rôn 15 cái, áp phích 30 cái, tờ rơi 800 tờ. em nhầm áp phích, đúng là 36 cái",
    { bang_ron: 15, ap_phich: 36, to_roi: 800 },
  ],
  ["Số cũ: 3 hội nghị/ 180 người. Số mới: 3 hội nghị/ 195 người", { hoi_nghi: 3, nguoi_tham_du: 195 }],
  ["xe luu dong 6 luot a. sr e go nham, 5 luot", { xe_luu_dong: 5 }],
  ["ĐTN xã báo cáo: treo 6 băng rôn, phát 300 tờ rơi. Điều chỉnh: tờ rơi 320 tờ", { bang_ron: 6, to_roi: 320 }],
  ["Hội LHPN phường: tọa đàm 2 buổi, 70 chị em tham dự. À em nhầm, 75 chị em ạ", { hoi_nghi: 2, nguoi_tham_du: 75 }],
  ["Không phải 4 mà là 5 pano ạ", { pano: 5 }],
  ["dang 12 bai fb, 3 tin bai. chinh xac la 13 bai fb a", { bai_mxh: 13, tin_bai: 3 }],
  ["Em gửi lại số liệu đúng: phát thanh 72 lượt (tin nhắn trước ghi nhầm 27)", { phat_thanh: 72 }],
  ["pano 2, bang ron 16, to roi 500\nbo dong to roi di a", { pano: 2, bang_ron: 16 }],
  ["phóng sự 1, chuyên mục 3, tin bài 10 → sửa thành 11", { phong_su: 1, chuyen_muc: 3, tin_bai: 11 }],
  ["Trạm Y tế xã: tọa đàm 1 buổi, 40 người dự. Xin đính chính: 45 người dự", { hoi_nghi: 1, nguoi_tham_du: 45 }],
  ["Băng rôn 20 cái (số cũ), 24 cái (số mới)", { bang_ron: 24 }],
  ["áp phích em báo 40 là sai, thực tế 34", { ap_phich: 34 }],
  [
    "Thôn Bãi Sậy: họp dân 1 cuộc, 60 người; treo 3 băng rôn. Sửa: 62 người",
    { hoi_nghi: 1, nguoi_tham_du: 62, bang_ron: 3 },
  ],
  ["tờ rơi 600 chứ không phải 6.000 đâu ạ", { to_roi: 600 }],
  ["Phát thanh 31 lượt. Em gõ nhầm phát thanh thành 31, đúng là 33 lượt", { phat_thanh: 33 }],
  ["hội nghị 1, người tham dự 85 → 88", { hoi_nghi: 1, nguoi_tham_du: 88 }],
  ["Bài đăng mạng xã hội: 18 bài. Tin bài: 5 tin. Xin đính chính lại là tin bài 6 tin.", { bai_mxh: 18, tin_bai: 6 }],
  ["e bao lai so xe loa: 3 luot chu k phai 4 luot", { xe_luu_dong: 3 }],
  ["dán 25 áp phích\nà không phải 25 mà là 28", { ap_phich: 28 }],
  ["Số liệu cũ: tờ rơi 700. Số liệu mới: tờ rơi 750, áp phích 20", { to_roi: 750, ap_phich: 20 }],
  ["Pa nô 3, băng rôn 12, cụm cổ động 1. Bỏ dòng cụm cổ động đi ạ", { pano: 3, bang_ron: 12 }],
  ["phat thanh 40 luot.. a nham 44 luot", { phat_thanh: 44 }],
  ["Chi hội Nông dân báo: hội nghị 2 cuộc, 110 người. Chính xác là 112 người ạ", { hoi_nghi: 2, nguoi_tham_du: 112 }],
  ["tin bai 5 tin, phong su 1. Em sua lai: phong su 2", { tin_bai: 5, phong_su: 2 }],

  // period qualifiers
  ["Quý IV treo 14 băng rôn, lũy kế cả năm 52 cái", { bang_ron: 14 }],
  ["Phát thanh quý 4: 90 lượt; từ đầu năm 340 lượt", { phat_thanh: 90 }],
  ["Cả năm 2026 đã phát 3.000 tờ rơi, riêng quý IV phát 800 tờ", { to_roi: 800 }],
  ["Quý III 10 tin bài, quý IV 12 tin bài", { tin_bai: 12 }],
  ["Quý này tổ chức 3 hội nghị, cùng kỳ năm ngoái 2 hội nghị", { hoi_nghi: 3 }],
  ["Đăng 40 bài fanpage trong quý, tăng 8 bài so với quý trước", { bai_mxh: 40 }],
  ["Băng rôn 18 cái, giảm 4 cái so với cùng kỳ", { bang_ron: 18 }],
  ["Kế hoạch giao 20 áp phích, thực hiện 22 áp phích", { ap_phich: 22 }],
  ["Tháng 10: phát thanh 30 lượt\nTháng 11: 28 lượt\nTháng 12: 32 lượt\nCộng quý IV: 90 lượt", { phat_thanh: 90 }],
  ["T10 2 lượt xe loa, T11 3 lượt, T12 2 lượt, cộng quý 7 lượt", { xe_luu_dong: 7 }],
  ["Tuần này phát thanh 8 lượt, tính từ đầu quý IV đến nay 95 lượt", { phat_thanh: 95 }],
  ["Quý IV, tính đến 5/12 đã phát 700 tờ rơi", { to_roi: 700 }],
  ["Lũy kế từ đầu năm đến nay: 6 pano. Quý IV làm 2 pano", { pano: 2 }],
  ["kế hoạch cả năm 12 hội nghị, quý 4 đã tổ chức 4 hội nghị với 260 người", { hoi_nghi: 4, nguoi_tham_du: 260 }],
  ["Quý III phát 25 lượt xe loa. Quý IV: 30 lượt", { xe_luu_dong: 30 }],
  ["so với quý trước tăng 5 tin, quý này 17 tin bài", { tin_bai: 17 }],
  ["pano quy 4 lam 3 cai, ca nam 9 cai", { pano: 3 }],
  ["e bao quy 4 a: phat thanh 80 luot, tu dau nam den nay 310 luot", { phat_thanh: 80 }],
  ["Tháng 10: 5 băng rôn; tháng 11: 7; tháng 12: 4. Cộng quý: 16 băng rôn", { bang_ron: 16 }],
  ["Tháng 10 đăng 11 bài, tháng 11 đăng 9 bài, tháng 12 đăng 14 bài fanpage", { bai_mxh: 34 }],
  ["Quý IV/2026: tọa đàm 2 buổi, 95 người dự (cùng kỳ 2025: 1 buổi, 40 người)", { hoi_nghi: 2, nguoi_tham_du: 95 }],
  ["Năm 2026 kế hoạch giao 4 phóng sự, đến nay thực hiện 4 phóng sự, trong đó quý IV 1 phóng sự", { phong_su: 1 }],
  ["chuyên mục quý 4 có 3, lũy kế 11", { chuyen_muc: 3 }],
  ["Trong quý phát 1.500 tờ rơi (kế hoạch giao 1.200 tờ)", { to_roi: 1500 }],
  ["Tổng cả năm 45 băng rôn. Quý IV: 12 băng rôn.", { bang_ron: 12 }],
  [
    "Xe thông tin lưu động: tháng 10: 2 lượt, tháng 11: 2 lượt, tháng 12: 3 lượt; cộng quý IV: 7 lượt; lũy kế năm: 25 lượt",
    { xe_luu_dong: 7 },
  ],
  ["Tuần 1 tháng 12 phát thanh 7 lượt; từ đầu quý đến nay 84 lượt", { phat_thanh: 84 }],
  ["Hội nghị quý IV: 2 cuộc. Quý III: 3 cuộc. Cả năm: 9 cuộc", { hoi_nghi: 2 }],
  ["Tin bài đăng trên cổng TTĐT: 15 tin (quý III: 12 tin; lũy kế: 50 tin)", { tin_bai: 15 }],
  ["Áp phích dán trong quý 30 tờ, tăng 10 tờ so với cùng kỳ năm 2025", { ap_phich: 30 }],
  ["Đến nay (10/12/2026) xã đã treo 16 băng rôn trong quý IV", { bang_ron: 16 }],
  ["từ 1/10 đến nay phát 640 tờ rơi", { to_roi: 640 }],
  ["Quý IV (tính đến ngày 15/12): 4 hội nghị, 320 đại biểu", { hoi_nghi: 4, nguoi_tham_du: 320 }],
  ["Phát thanh: KH năm 300 lượt, quý IV 84 lượt, lũy kế 290 lượt (đạt 96,7%)", { phat_thanh: 84 }],
  ["Bài fanpage tháng 12 là 10 bài, cả quý IV là 31 bài", { bai_mxh: 31 }],
  ["Trong tháng 12 treo 3 pano. Cả quý 5 pano.", { pano: 5 }],
  ["Năm 2025 xã làm 6 cụm cổ động, quý IV năm nay làm 2 cụm", { cum_co_dong: 2 }],
  ["quy 3 bao 40 luot phat thanh roi, quy 4 nay 46 luot", { phat_thanh: 46 }],
  ["Phóng sự: 2 (cả năm 7)", { phong_su: 2 }],
  ["Tuyên truyền lưu động quý IV 8 lượt, giảm 2 lượt so với quý III", { xe_luu_dong: 8 }],
  [
    "Dạ quý 4 bên e: băng rôn 9 cái, áp phích 20 cái. Lũy kế năm băng rôn 30, áp phích 75",
    { bang_ron: 9, ap_phich: 20 },
  ],
  [
    "T10: 1 hội nghị 60 người; T11: 1 hội nghị 55 người; T12: 2 hội nghị 110 người. Cộng quý IV: 4 hội nghị, 225 người",
    { hoi_nghi: 4, nguoi_tham_du: 225 },
  ],
  ["Từ đầu năm đến nay tổ chức 10 tọa đàm; quý IV 3 tọa đàm", { hoi_nghi: 3 }],
  ["Tháng 10, 11 đã báo 20 tin bài; tháng 12 thêm 8 tin, cộng quý 28 tin", { tin_bai: 28 }],
  ["Tờ rơi: kế hoạch giao 2.000 tờ, quý IV phát 600 tờ, lũy kế 1.900 tờ", { to_roi: 600 }],
  ["Cụm cổ động quý IV: 1, quý III: 2, tổng 2 quý: 3", { cum_co_dong: 1 }],
  ["Tuần này xe loa chạy 2 lượt; cả quý IV đến nay 11 lượt", { xe_luu_dong: 11 }],
  ["Số liệu quý IV/2026 (tính đến 5/12/2026): phát thanh 70 lượt, chuyên mục 2", { phat_thanh: 70, chuyen_muc: 2 }],
  ["Cả năm 2026 dự kiến 24 chuyên mục; quý IV đã làm 6 chuyên mục", { chuyen_muc: 6 }],
  [
    "Tháng 11 phát thanh 30 lượt, tháng 12 phát thanh 31 lượt, tháng 10 bên em nghỉ sửa loa nên chỉ 12 lượt. Cộng quý 73 lượt",
    { phat_thanh: 73 },
  ],
];

describe("findCorrections: a later line restating one figure, a line taken back, old and new in brackets", () => {
  it.each([
    ["Phát thanh 45 lượt, xe loa 4 lượt.\nChính xác là xe loa 5 lượt ạ", { phat_thanh: 45, xe_luu_dong: 5 }],
    ["dang 12 bai fb, 3 tin bai. chinh xac la 13 bai fb a", { bai_mxh: 13, tin_bai: 3 }],
    ["hội nghị 2 cuộc, 110 người. Chính xác là 112 người ạ", { hoi_nghi: 2, nguoi_tham_du: 112 }],
  ])("'chính xác là': %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["pano 2, bang ron 16, to roi 500\nbo dong to roi di a", { pano: 2, bang_ron: 16 }],
    ["Pa nô 3, băng rôn 12, cụm cổ động 1. Bỏ dòng cụm cổ động đi ạ", { pano: 3, bang_ron: 12 }],
    ["Phát thanh 30 lượt\nXe loa 2 lượt\nXóa mục xe loa giúp em", { phat_thanh: 30 }],
  ])("'bỏ dòng …': %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("'bỏ' without a line's word takes nothing back", () => {
    expect(read("Phát thanh 30 lượt, xe loa 2 lượt. Bỏ xe loa đi").values).toEqual({ phat_thanh: 30, xe_luu_dong: 2 });
  });

  it.each([
    ["Băng rôn 20 cái (số cũ), 24 cái (số mới)", { bang_ron: 24 }],
    ["Tờ rơi 500 (số cũ), 650 (số mới)", { to_roi: 650 }],
  ])("'(số cũ)' / '(số mới)': %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("qualifyPeriods: the current quarter over the last one, the plan's year, the quarter so far", () => {
  it.each([
    ["Quý III 10 tin bài, quý IV 12 tin bài", { tin_bai: 12 }],
    ["quy 3 bao 40 luot phat thanh roi, quy 4 nay 46 luot", { phat_thanh: 46 }],
    ["Quý III/2026: 3 pano; quý IV/2026: 2 pano", { pano: 2 }],
  ])("of two numbered quarters of one year the later is the report's: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a quarter of a year named beside one with none is left as before", () => {
    expect(read("Tin bài quý I: 12 tin (quý IV/2025: 9 tin)").values).toEqual({ tin_bai: 12 });
  });

  it("'KH năm' is the plan's year, not the report's", () => {
    expect(plain("Phát thanh: KH năm 300 lượt, quý IV 84 lượt, lũy kế 290 lượt (đạt 96,7%)")).toEqual(
      only({ phat_thanh: 84 }),
    );
  });

  it.each([
    ["Tuần này xe loa chạy 2 lượt; cả quý IV đến nay 11 lượt", { xe_luu_dong: 11 }],
    ["tuần này phát thanh 8 lượt, cả quý 4 đến nay 90 lượt", { phat_thanh: 90 }],
  ])("a numbered quarter so far beside this week: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("an unnumbered quarter so far stays a running total", () => {
    expect(read("Tuần này phát thanh 8 lượt; cả quý đến nay 60 lượt").values).toEqual({ phat_thanh: 8 });
  });

  it("figures said 'đến nay' before 'trong đó quý IV …' are running totals", () => {
    const r = read("Năm 2026 kế hoạch giao 4 phóng sự, đến nay thực hiện 4 phóng sự, trong đó quý IV 1 phóng sự");
    expect(r.values).toEqual({ phong_su: 1 });
  });
});

describe("combineValues: the three months of one quarter add up", () => {
  it("three months, each with its figure", () => {
    expect(plain("Tháng 10 đăng 11 bài, tháng 11 đăng 9 bài, tháng 12 đăng 14 bài fanpage")).toEqual(
      only({ bai_mxh: 34 }),
    );
  });

  it("two months stay a question (this month beside the last one)", () => {
    expect(read("Tháng 11 phát thanh 30 lượt, tháng 12 phát thanh 31 lượt").conflicts).toEqual([
      { code: "phat_thanh", values: [30, 31] },
    ]);
  });
});

describe("findMentions and pairNumbers: overlapping names, the next period's list", () => {
  it.each([
    ["T10 2 lượt xe loa", { xe_luu_dong: 2 }],
    ["T10 2 lượt xe loa, T11 3 lượt, T12 2 lượt, cộng quý 7 lượt", { xe_luu_dong: 7 }],
  ])("'lượt xe' + 'xe loa' are one name: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("'Quý III … xe loa. Quý IV: 30 lượt': the next period's figure takes the name", () => {
    expect(plain("Quý III phát 25 lượt xe loa. Quý IV: 30 lượt")).toEqual(only({ xe_luu_dong: 30 }));
  });
});

describe("readTables and markCellLines: units on their own line, named columns, sub-rows, counts", () => {
  it.each([
    ["STT\nChỉ tiêu\nĐVT\nKết quả\n1\nPa nô\ncái\n2\n2\nTờ rơi\ntờ\n700", { pano: 2, to_roi: 700 }],
    ["Băng rôn\ncái\n14\nTờ rơi\ntờ\n900", { bang_ron: 14, to_roi: 900 }],
  ])("a Word table one cell per line with its unit: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["Chỉ tiêu | Đông | Tây | Nam\nHọp dân | 1 | 1 | 2\nNgười dự | 40 | 35 | 70", { hoi_nghi: 4, nguoi_tham_du: 145 }],
    ["Nội dung\tBắc Sơn\tNam Sơn\nBăng rôn\t2\t3", { bang_ron: 5 }],
  ])("capitalised names as per-place columns: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["STT | Nội dung | ĐVT | Số lượng\n1 | Tờ rơi | tờ | 800\n | - trong đó phát tại chợ | tờ | 300", { to_roi: 800 }],
    ["Nội dung;Số lượng\nÁp phích;40\nGồm tranh cổ động;10", { ap_phich: 40 }],
  ])("a sub-row is part of the row above: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("'Lũy kế quý IV' under a stated quý IV is the quarter's figure; under a month's report the month's", () => {
    const table = "Nội dung | Tháng 12 | Lũy kế quý IV\nPhát thanh | 30 | 88";
    expect(read(`Báo cáo quý IV/2026\n${table}`).values).toEqual({ phat_thanh: 88 });
    expect(read(`Báo cáo tháng 12\n${table}`).values).toEqual({ phat_thanh: 30 });
  });

  it("a 'Số buổi' column counts what every row's label names", () => {
    const text = "TT;Hoạt động;Số buổi;Số người tham dự\n1;Tọa đàm;2;180\n2;Tập huấn;1;45";
    expect(plain(text)).toEqual(only({ hoi_nghi: 3, nguoi_tham_du: 225 }));
    // rows naming different things: the column is no one's
    expect(read("TT;Hoạt động;Số buổi;Số người tham dự\n1;Tọa đàm;2;180\n2;Phát tờ rơi;1;45").values).toEqual({
      nguoi_tham_du: 225,
    });
  });

  it("a 200-row table is read whole and fast", () => {
    const t0 = performance.now();
    expect(read(LONG_TABLE).values).toEqual({ to_roi: 2000 });
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

/** Thirty fresh messages of the same families, written after the round's changes and never tuned on. */
const FRESH: [string, Record<string, number>][] = [
  // pasted tables
  [
    "Hội Cựu chiến binh xã Yên Lạc\nSTT\tNội dung\tĐơn vị\tKết quả\n1\tHội nghị\tcuộc\t2\n2\tHội viên dự\tngười\t96",
    { hoi_nghi: 2, nguoi_tham_du: 96 },
  ],
  [
    "Chỉ tiêu;Quý III;Quý IV;Cộng 6 tháng cuối năm\nPhát thanh;55;61;116\nChuyên mục;2;3;5",
    { phat_thanh: 61, chuyen_muc: 3 },
  ],
  [
    "Nội dung | Xóm 1 | Xóm 2 | Xóm 3 | Cộng\nPa nô | 1 | 0 | 1 | 2\nTờ gấp | 70 | 65 | 80 | 215",
    { pano: 2, to_roi: 215 },
  ],
  ["dạ bảng của phường e\nTT  Nội dung  KH  TH\n1  Băng rôn  15  17\n2  Tin bài  6  8", { bang_ron: 17, tin_bai: 8 }],
  [
    "Trường Tiểu học Kim Đồng\nNội dung | Số lượng | Ghi chú\nÁp phích | 24 | 12 lớp x 2\nTọa đàm | 1 | \nHọc sinh tham dự | 310 | khối 4, 5",
    { ap_phich: 24, hoi_nghi: 1, nguoi_tham_du: 310 },
  ],
  ["TT\nNội dung\nSố lượng\n1\nTin bài\n9\n2\nBài đăng fanpage\n22", { tin_bai: 9, bai_mxh: 22 }],
  [
    "Chi bộ | Hội nghị | Đảng viên dự\nChi bộ Đông | 1 | 25\nChi bộ Tây | 1 | 31\nTổng | 2 | 56",
    { hoi_nghi: 2, nguoi_tham_du: 56 },
  ],
  [
    "Chỉ tiêu;Kế hoạch năm;Thực hiện quý IV;Lũy kế năm\nCụm cổ động;4;1;4\nXe lưu động;24;7;22",
    { cum_co_dong: 1, xe_luu_dong: 7 },
  ],
  ["Noi dung | So luong\nPhat thanh | 48\n- trong do phat lai | 12\nChuyen muc | 2", { phat_thanh: 48, chuyen_muc: 2 }],
  [
    "Trung tâm Y tế huyện\nTT | Nội dung | Tháng 10 | Tháng 11 | Tháng 12\n1 | Tin bài | 3 | 2 | 4\n2 | Tờ rơi | 500 | 0 | 300",
    { tin_bai: 9, to_roi: 800 },
  ],
  // corrections
  ["Treo 9 băng rôn, dán 30 áp phích. Em nhầm, áp phích 32 cái ạ", { bang_ron: 9, ap_phich: 32 }],
  ["Tờ gấp 450 → sửa thành 540 ạ, em gõ ngược số", { to_roi: 540 }],
  ["họp dân 2 cuộc chứ không phải 1 cuộc, 95 người dự", { hoi_nghi: 2, nguoi_tham_du: 95 }],
  ["Phóng sự 2, chuyên mục 4. Xin đính chính lại là chuyên mục 3", { phong_su: 2, chuyen_muc: 3 }],
  ["bai fanpage 30, tin bai 4\nbo dong tin bai di c oi, tin do cua xa ben", { bai_mxh: 30 }],
  ["Xe loa 3 lượt. Không phải 3 mà là 4 lượt ạ", { xe_luu_dong: 4 }],
  ["Số liệu cũ: phát thanh 52 lượt. Số liệu mới: phát thanh 58 lượt", { phat_thanh: 58 }],
  [
    "Đoàn phường: tọa đàm 1 buổi 45 đoàn viên tham dự; pano 1. Chính xác là 48 đoàn viên",
    { hoi_nghi: 1, nguoi_tham_du: 48, pano: 1 },
  ],
  ["tap huan 1 lop 60 hoc vien, a nham 1 lop 65 hoc vien", { hoi_nghi: 1, nguoi_tham_du: 65 }],
  ["Băng rôn 11 cái chứ không phải 17 ạ, tờ rơi 200", { bang_ron: 11, to_roi: 200 }],
  // period qualifiers
  ["Quý IV phát 2.000 tờ rơi, cả năm 6.500 tờ", { to_roi: 2000 }],
  ["Từ đầu năm 28 tin bài; quý này 8 tin bài", { tin_bai: 8 }],
  ["Tháng 10: 1 phóng sự; tháng 11: 0; tháng 12: 1. Cộng quý IV: 2 phóng sự", { phong_su: 2 }],
  ["Hội nghị quý 4: 3 cuộc, 190 người (quý 3: 2 cuộc, 120 người)", { hoi_nghi: 3, nguoi_tham_du: 190 }],
  ["Kế hoạch giao 30 băng rôn, quý IV thực hiện 12, lũy kế 29", { bang_ron: 12 }],
  ["Tuần này đăng 5 bài fanpage, từ đầu quý IV đến nay 41 bài", { bai_mxh: 41 }],
  ["Phát thanh 70 lượt, tăng 10 lượt so với quý III", { phat_thanh: 70 }],
  ["Quý III 4 pano. Quý IV: 3 pano", { pano: 3 }],
  ["Tính đến 10/12 trong quý IV đã chạy xe loa 9 lượt", { xe_luu_dong: 9 }],
  ["tháng 10 họp dân 2 buổi, tháng 11 họp dân 1 buổi, tháng 12 họp dân 3 buổi", { hoi_nghi: 6 }],
];

/** Exactly the values, with nothing asked about and no conflict. */
function readsExactly([text, values]: [string, Record<string, number>]): boolean {
  const sorted = (o: Record<string, number>) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
  const r = read(text);
  return (
    r.unclear.length === 0 &&
    r.conflicts.length === 0 &&
    JSON.stringify(sorted(r.values)) === JSON.stringify(sorted(values))
  );
}

describe("the round's own messages", () => {
  it("reads at least 148 of its 150 own messages exactly (127 before the round)", () => {
    expect(OWN.length).toBe(150);
    expect(OWN.filter(readsExactly).length).toBeGreaterThanOrEqual(148);
  });
});

describe("the round's fresh messages", () => {
  it("reads at least 26 of its 30 fresh messages exactly (written after the round, not tuned on)", () => {
    expect(FRESH.length).toBe(30);
    expect(FRESH.filter(readsExactly).length).toBeGreaterThanOrEqual(26);
  });
});
