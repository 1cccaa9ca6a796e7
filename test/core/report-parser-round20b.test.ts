import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain, readSample as read } from "../support/parsed.js";

describe("stated zeros: a bare 'chưa', a dash or a table's bar, the officer before the negation", () => {
  it.each([
    ["chuyên mục – chưa\nphóng sự – chưa\ntin bài – 4", { chuyen_muc: 0, phong_su: 0, tin_bai: 4 }],
    ["Tin bài: 9. Phóng sự: chưa. Bài đăng MXH: 21.", { tin_bai: 9, phong_su: 0, bai_mxh: 21 }],
    ["xe loa: chưa ạ\nphát thanh 12 lượt", { xe_luu_dong: 0, phat_thanh: 12 }],
    [
      "STT | Nội dung | Số lượng\n1 | Pa nô | 0\n2 | Băng rôn | 12\n3 | Hội nghị | không tổ chức",
      { pano: 0, bang_ron: 12, hoi_nghi: 0 },
    ],
    ["phóng sự thì chưa làm được ạ, còn họp dân 2 cuộc 90 người", { phong_su: 0, hoi_nghi: 2, nguoi_tham_du: 90 }],
    ["hội nghị tháng 12 em không tổ chức được vì trùng lịch ạ, loa phát 20 lượt", { hoi_nghi: 0, phat_thanh: 20 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["Pa nô: 6 cái\nÁp phích: chưa có", { pano: 6 }],
    ["Phóng sự: chưa báo cáo. Tin bài: 5", { tin_bai: 5 }],
    ["hội nghị em chưa tổng hợp, tin bài 3", { tin_bai: 3 }],
    ["tờ rơi chưa phát được, băng rôn 4", { bang_ron: 4 }],
    ["Xã Đồng Tâm: băng rôn 12 cái; pa nô chưa báo cáo do thôn chưa gửi số.", { bang_ron: 12 }],
  ])(
    "'chưa có', 'chưa báo cáo', 'chưa tổng hợp', a verb of its own 'chưa phát được' are no zero: %s",
    (text, values) => {
      expect(plain(text)).toEqual(only(values));
    },
  );
});

describe("labelledParts: posts split over channels add up", () => {
  it.each([
    ["bai dang: fanpage 10 bai, zalo 7 bai", { bai_mxh: 17 }],
    ["Bài đăng MXH:\n- Fanpage: 12 bài\n- Zalo: 6 bài\n- Tiktok: 2 bài", { bai_mxh: 20 }],
    ["fanpage 10 bai, zalo 7 bai, tong 17 bai", { bai_mxh: 17 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("one channel said twice is still a conflict", () => {
    expect(read("fanpage 10 bai, fanpage 12 bai").conflicts).toEqual([{ code: "bai_mxh", values: [10, 12] }]);
  });
});

describe("markListNumbering: 'No.1' opening a line numbers its item", () => {
  it.each([
    ["No.1 Tin bài: 8\nNo.2 Phóng sự: 1", { tin_bai: 8, phong_su: 1 }],
    ["No 1: pano 3\nNo 2: bang ron 5", { pano: 3, bang_ron: 5 }],
    ["no 3 pano", { pano: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("number forms: 'năm mươi' is fifty, never the year's label", () => {
  it.each([
    ["to roi nam muoi to", { to_roi: 50 }],
    ["tờ rơi một nghìn hai trăm năm mươi tờ", { to_roi: 1250 }],
    ["Hội nghị: một (01) cuộc; đại biểu: một trăm năm mươi (150) người", { hoi_nghi: 1, nguoi_tham_du: 150 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("'năm 2026' stays the year", () => {
    expect(plain("năm 2026 treo 4 pano")).toEqual(only({ pano: 4 }));
  });
});

describe("references: a symbol typed with spaces for its marks", () => {
  it.each([
    [
      "da trien khai kh 15 kh ubnd ngay 28 thang 1 nam 2026, phat 300 to roi",
      { number: "15/KH-UBND", date: "2026-01-28" },
    ],
    ["qd so 88 qd ubnd ngay 10/10/2026: 3 pano", { number: "88/QĐ-UBND", date: "2026-10-10" }],
    ["theo kh 22 kh ubnd ngay 3 thang 2 a, xa em treo 2 bang ron", { number: "22/KH-UBND" }],
  ])("%s", (text, ref) => {
    expect(read(text).references).toEqual([ref]);
    expect(read(text).unclear).toEqual([]);
  });

  it("the symbol must be the document's own kind ('kh 3 tb xa' is no reference)", () => {
    expect(read("kh 3 tb xa: pano 2").references).toEqual([]);
  });
});

describe("context: staff, elders, residents and flags", () => {
  it.each([
    ["Đài có 2 phát thanh viên, 1 kỹ thuật viên; phát 45 lượt", { phat_thanh: 45 }],
    ["Xã 12.500 dân, 3.100 hộ; phát 3.100 tờ rơi đến từng hộ", { to_roi: 3100 }],
    ["Tuyến đường 3 km treo 30 lá cờ và 10 băng rôn", { bang_ron: 10 }],
    ["treo 200 cờ Tổ quốc, 5 băng rôn", { bang_ron: 5 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("elders said to attend are the attendees ('42 cụ tham dự')", () => {
    expect(plain("tọa đàm 1 buổi, 42 cụ tham dự, cụ cao tuổi nhất 92 tuổi")).toEqual(
      only({ hoi_nghi: 1, nguoi_tham_du: 42 }),
    );
  });
});

describe("not done: a broken device and an old thing repaired", () => {
  it.each([
    ["phat thanh 26 luot tren 9 cum loa, 1 loa hong", { phat_thanh: 26 }],
    ["sua lai 2 pano cu, lam moi 1 pano", { pano: 1 }],
    ["cụm cổ động không làm mới cái nào, chỉ sửa lại 1 cụm cũ; treo 2 băng rôn", { cum_co_dong: 0, bang_ron: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

/** One own message: its text, the values a careful clerk records, its references, its unclear fragments. */
type Ref = { number: string; date?: string };
type Own = [string, Record<string, number>, Ref[]?, string[]?];

const OWN: Own[] = [
  // stated zeros
  ["chua treo pa no nao a, bang ron 6 cai", { pano: 0, bang_ron: 6 }],
  ["Hội nghị: không tổ chức\nTờ rơi: 500 tờ\nPhát thanh: 36 lượt", { hoi_nghi: 0, to_roi: 500, phat_thanh: 36 }],
  [
    "Đài truyền thanh xã Tân Lập báo cáo quý IV: không có phóng sự nào, phát thanh 48 lượt, chuyên mục 3.",
    { phong_su: 0, phat_thanh: 48, chuyen_muc: 3 },
  ],
  ["Phóng sự: 0; chuyên mục: 02; tin bài: 11.", { phong_su: 0, chuyen_muc: 2, tin_bai: 11 }],
  ["chuyên mục – chưa\nphóng sự – chưa\ntin bài – 4", { chuyen_muc: 0, phong_su: 0, tin_bai: 4 }],
  ["xe loa ko co a, to roi 300", { xe_luu_dong: 0, to_roi: 300 }],
  [
    "Dạ thôn em quý này phóng sự thì chưa làm được ạ, còn họp dân 2 cuộc 90 người",
    { phong_su: 0, hoi_nghi: 2, nguoi_tham_du: 90 },
  ],
  ["Xã Yên Bình: tờ rơi 800 tờ; số liệu phát thanh chưa tổng hợp, em gửi sau ạ", { to_roi: 800 }],
  ["phat thanh chua bao cao duoc vi dai hong, bang ron 4, pano 1", { bang_ron: 4, pano: 1 }],
  [
    "Hội LHPN xã Quảng Phú: quý IV không tổ chức tập huấn, không có người tham dự; phát 400 tờ gấp.",
    { hoi_nghi: 0, nguoi_tham_du: 0, to_roi: 400 },
  ],
  ["cum co dong: ko\nap phich: ko\nbang ron: 10", { cum_co_dong: 0, ap_phich: 0, bang_ron: 10 }],
  [
    "Trường THCS Lê Lợi: không treo pa nô, không dán áp phích; treo 3 băng rôn tại cổng trường.",
    { pano: 0, ap_phich: 0, bang_ron: 3 },
  ],
  ["thang 12 fanpage ko dang bai nao a vi ad nghi om, tin bai van 3 tin", { bai_mxh: 0, tin_bai: 3 }],
  [
    "Trạm Y tế xã Hòa Sơn: Phóng sự: không thực hiện. Chuyên mục: không. Phát thanh: 12 lượt.",
    { phong_su: 0, chuyen_muc: 0, phat_thanh: 12 },
  ],
  ["tdp 4 bc: xe tuyen truyen luu dong chua ve luot nao, phat 250 to roi", { xe_luu_dong: 0, to_roi: 250 }],
  ["Đoàn xã Phú Mỹ: chưa tổ chức hội nghị nào trong quý; đăng 14 bài trên fanpage Đoàn.", { hoi_nghi: 0, bai_mxh: 14 }],
  [
    "STT | Nội dung | Số lượng\n1 | Pa nô | 0\n2 | Băng rôn | 12\n3 | Hội nghị | không tổ chức",
    { pano: 0, bang_ron: 12, hoi_nghi: 0 },
  ],
  [
    "Phòng VH-XH phường Ngọc Hà: Tin bài: 9. Phóng sự: chưa. Bài đăng MXH: 21.",
    { tin_bai: 9, phong_su: 0, bai_mxh: 21 },
  ],
  [
    "dạ hội nghị tháng 12 em không tổ chức được vì trùng lịch tiêm chủng ạ, loa phát 20 lượt",
    { hoi_nghi: 0, phat_thanh: 20 },
  ],
  ["Xã Đồng Tâm: băng rôn 12 cái; pa nô chưa báo cáo do thôn chưa gửi số.", { bang_ron: 12 }],
  ["ko có phóng sự, ko có chuyên mục, phát thanh 30 lượt", { phong_su: 0, chuyen_muc: 0, phat_thanh: 30 }],
  [
    "Hội Nông dân xã: Tờ rơi: không phát; Hội nghị: 1 cuộc, 60 hội viên dự.",
    { to_roi: 0, hoi_nghi: 1, nguoi_tham_du: 60 },
  ],
  [
    "Thôn Bắc: cụm cổ động không làm mới cái nào, chỉ sửa lại 1 cụm cũ; treo 2 băng rôn",
    { cum_co_dong: 0, bang_ron: 2 },
  ],
  [
    "Dạ\nxã em báo ạ\nxe lưu động 0 lượt\nphát thanh 24 lượt\nphóng sự ko có",
    { xe_luu_dong: 0, phat_thanh: 24, phong_su: 0 },
  ],
  ["bài fb: chưa tổng hợp\ntin bài: 6\nphóng sự: 1", { tin_bai: 6, phong_su: 1 }],
  [
    "Trung tâm VHTT xã Minh Đức: quý IV không sản xuất phóng sự nào; xây dựng 3 chuyên mục; 72 lượt phát thanh.",
    { phong_su: 0, chuyen_muc: 3, phat_thanh: 72 },
  ],
  ["Da a thon em ko hop dan cuoc nao, chi treo 1 bang ron thoi", { hoi_nghi: 0, bang_ron: 1 }],
  ["Áp phích: chưa dán\nTờ rơi: 600", { ap_phich: 0, to_roi: 600 }],
  ["Phường Tân An: không treo pa nô mới (pa nô cũ vẫn còn 4 cái); băng rôn 18 cái.", { pano: 0, bang_ron: 18 }],
  ["nv nay xa em chua lam a, de thang sau em bc", {}],

  // multipliers and shared numbers
  ["xa em 5 thon, moi thon treo 2 bang ron", { bang_ron: 10 }],
  ["Hội CCB xã mở 2 lớp tập huấn, mỗi lớp 35 học viên.", { hoi_nghi: 2, nguoi_tham_du: 70 }],
  ["pa nô, áp phích mỗi loại 4 cái", { pano: 4, ap_phich: 4 }],
  ["Hội nghị 2 cuộc, 60 + 85 đại biểu", { hoi_nghi: 2, nguoi_tham_du: 145 }],
  ["tap huan 3 lop x 40 hv", { hoi_nghi: 3, nguoi_tham_du: 120 }],
  ["phát thanh mỗi tuần 2 lượt trong 12 tuần", { phat_thanh: 24 }],
  ["Treo 20 băng rôn (trong đó thôn Đông 8, thôn Tây 12).", { bang_ron: 20 }],
  ["to roi: thon 1 120 to, thon 2 150 to, thon 3 90 to", { to_roi: 360 }],
  ["Làm 3 pano, giá 2.500.000đ/cái", { pano: 3 }],
  ["Phát thanh 40 lượt, mỗi lượt 15 phút", { phat_thanh: 40 }],
  ["Phường có 8 tổ dân phố, mỗi tổ dán 5 áp phích", { ap_phich: 40 }],
  ["xe loa chay 3 thon, moi thon 2 luot", { xe_luu_dong: 6 }],
  ["Hội nghị 3 cuộc, mỗi cuộc 50 người", { hoi_nghi: 3, nguoi_tham_du: 150 }],
  ["Bang ron 5 cai, moi cai dai 6m", { bang_ron: 5 }],
  ["Đăng 18 bài trên MXH (trong đó fanpage 10 bài, zalo 8 bài)", { bai_mxh: 18 }],
  ["bai dang: fanpage 10 bai, zalo 7 bai", { bai_mxh: 17 }],
  ["Thôn Đông 2 pano, thôn Tây 1 pano, thôn Nam 2 pano", { pano: 5 }],
  ["Tờ rơi phát tại 4 chợ, mỗi chợ 150 tờ", { to_roi: 600 }],
  ["Phường tổ chức 2 hội nghị: sáng 120 đại biểu, chiều 95 đại biểu", { hoi_nghi: 2, nguoi_tham_du: 215 }],
  ["tuyen truyen luu dong ngay 2 luot x 10 ngay", { xe_luu_dong: 20 }],
  ["In 500 tờ rơi, mỗi tờ 2 trang, đơn giá 1.200đ/tờ", { to_roi: 500 }],
  ["Ban chỉ huy quân sự xã: treo băng rôn ở 3 tuyến đường, mỗi tuyến 4 cái, tổng 12 cái", { bang_ron: 12 }],
  [
    "Đoàn trường THPT Nguyễn Du: tọa đàm 1 buổi cho 2 khối, mỗi khối 180 học sinh tham dự",
    { hoi_nghi: 1, nguoi_tham_du: 360 },
  ],
  ["phat thanh 3 buoi/tuan, 13 tuan = 39 luot", { phat_thanh: 39 }],
  [
    "Hội nghị 4 cuộc tại 4 thôn: thôn 1: 45 người, thôn 2: 52 người, thôn 3: 38 người, thôn 4: 60 người",
    { hoi_nghi: 4, nguoi_tham_du: 195 },
  ],
  ["Xe loa 2 xe, mỗi xe 3 lượt, mỗi lượt 2 tiếng", { xe_luu_dong: 6 }],
  ["băng rôn, khẩu hiệu mỗi thôn 3 cái, xã có 9 thôn", { bang_ron: 27 }],
  ["Tập huấn 2 lớp, tổng 140 học viên (lớp 1: 75, lớp 2: 65)", { hoi_nghi: 2, nguoi_tham_du: 140 }],
  ["Pano mỗi cái kích thước 2x4m, làm 6 cái tại 6 thôn", { pano: 6 }],
  ["Mỗi chi hội phát 200 tờ rơi, Hội có 5 chi hội", { to_roi: 1000 }],

  // number forms
  ["to roi 1 nghin 2", { to_roi: 1200 }],
  ["Dạ tờ rơi 1k tờ ạ", { to_roi: 1000 }],
  ["phat 1,5 nghin to gap", { to_roi: 1500 }],
  ["Tờ rơi: 1.200 tờ; áp phích: 45 tờ", { to_roi: 1200, ap_phich: 45 }],
  ["In 1 200 tờ gấp", { to_roi: 1200 }],
  ["băng rôn hai chục cái, pano 3 cái", { bang_ron: 20, pano: 3 }],
  ["phat thanh muoi lam luot", { phat_thanh: 15 }],
  ["Đăng hăm mốt bài lên fanpage", { bai_mxh: 21 }],
  ["Phát một trăm linh năm lượt phát thanh", { phat_thanh: 105 }],
  ["1️⃣ Pa nô: 2\n2️⃣ Băng rôn: 9\n3️⃣ Tờ rơi: 700", { pano: 2, bang_ron: 9, to_roi: 700 }],
  ["No.1 Tin bài: 8\nNo.2 Phóng sự: 1", { tin_bai: 8, phong_su: 1 }],
  ["Tổ chức 2 hội nghị: hội nghị thứ nhất 80 người, hội nghị thứ hai 70 người", { hoi_nghi: 2, nguoi_tham_du: 150 }],
  ["Đợt thứ ba phát 300 tờ rơi", { to_roi: 300 }],
  ["tờ rơi 2,5 nghìn tờ, áp phích ba chục", { to_roi: 2500, ap_phich: 30 }],
  ["Phat thanh 1 tram 20 luot", { phat_thanh: 120 }],
  ["Tin bài mười hai tin, phóng sự hai", { tin_bai: 12, phong_su: 2 }],
  ["Pano: 02 cái; Băng rôn: 08 cái; Cụm cổ động: 01 cụm", { pano: 2, bang_ron: 8, cum_co_dong: 1 }],
  ["1️⃣ hội nghị 2 cuộc\n2️⃣ người dự 150\n3️⃣ xe loa 4 lượt", { hoi_nghi: 2, nguoi_tham_du: 150, xe_luu_dong: 4 }],
  ["to roi 3 nghin ruoi", { to_roi: 3500 }],
  ["Phát thanh một trăm hăm tư lượt", { phat_thanh: 124 }],
  ["bai fb 1 chuc bai", { bai_mxh: 10 }],
  ["Hội nghị: một (01) cuộc; đại biểu: một trăm năm mươi (150) người", { hoi_nghi: 1, nguoi_tham_du: 150 }],
  ["Chỉ tiêu\tThực hiện\nTờ rơi\t1.200\nNgười tham dự\t1.050", { to_roi: 1200, nguoi_tham_du: 1050 }],
  ["to roi 2k2", { to_roi: 2200 }],
  ["Băng rôn thứ 5 treo tại cổng chợ, tổng cộng 5 băng rôn", { bang_ron: 5 }],
  ["phát tờ rơi mười nghìn tờ", { to_roi: 10000 }],
  ["Thứ nhất: treo 4 pano; thứ hai: phát 900 tờ rơi; thứ ba: 2 hội nghị", { pano: 4, to_roi: 900, hoi_nghi: 2 }],
  ["phat thanh 2 tram luot", { phat_thanh: 200 }],
  ["Mục 1. Pa nô 3 cái\nMục 2. Băng rôn 11 cái", { pano: 3, bang_ron: 11 }],
  ["tờ rơi một nghìn hai trăm năm mươi tờ", { to_roi: 1250 }],

  // look-alikes and context numbers
  ["tổ dân phố số 6 phát 180 tờ rơi", { to_roi: 180 }],
  ["to 5 treo 3 bang ron", { bang_ron: 3 }],
  ["bài đăng fanpage 6 bài, được 3.400 lượt xem, 210 lượt thích", { bai_mxh: 6 }],
  ["Gửi 350 tin nhắn Zalo đến hội viên, đăng 4 bài trên nhóm zalo hội", { bai_mxh: 4 }, [], ["350"]],
  ["Đội văn nghệ biểu diễn 6 bài hát tuyên truyền, treo 2 băng rôn", { bang_ron: 2 }],
  ["2 xe chở đoàn viên đi phát tờ rơi, phát được 500 tờ", { to_roi: 500 }],
  ["loa hỏng 2 cụm nên phát thanh chỉ 18 lượt", { phat_thanh: 18 }],
  ["Ngày 15/12/2026 tổ chức 1 hội nghị lúc 8h00, 75 đại biểu", { hoi_nghi: 1, nguoi_tham_du: 75 }],
  ["Hội người cao tuổi: tọa đàm 1 buổi, 42 cụ tham dự, cụ cao tuổi nhất 92 tuổi", { hoi_nghi: 1, nguoi_tham_du: 42 }],
  ["Xã 12.500 dân, 3.100 hộ; phát 3.100 tờ rơi đến từng hộ", { to_roi: 3100 }],
  ["Pano diện tích 12m2, làm 2 cái", { pano: 2 }],
  ["Kinh phí in tờ rơi 4.500.000 đồng, in 1.500 tờ", { to_roi: 1500 }],
  ["Kế hoạch năm 10 pano, quý IV làm được 3 pano", { pano: 3 }],
  ["Huy động 25 đoàn viên tham gia dọn vệ sinh và treo 15 băng rôn", { bang_ron: 15 }],
  ["Thực hiện KH 45/KH-UBND, xã treo 6 băng rôn", { bang_ron: 6 }, [{ number: "45/KH-UBND" }]],
  ["thon em 215 ho 870 khau, hop dan 1 cuoc 130 nguoi", { hoi_nghi: 1, nguoi_tham_du: 130 }],
  ["Bài về hội thi được 1.200 lượt chia sẻ; đăng 5 bài trên fanpage", { bai_mxh: 5 }],
  ["Tổ 3 khu phố 2 dán 12 áp phích", { ap_phich: 12 }],
  ["Phòng họp 80 chỗ, hội nghị 1 cuộc 76 người", { hoi_nghi: 1, nguoi_tham_du: 76 }],
  ["Tuyến đường 3 km treo 30 lá cờ và 10 băng rôn", { bang_ron: 10 }],
  ["Đội tuyên truyền 4 người phát 600 tờ rơi trong 2 ngày", { to_roi: 600 }],
  ["phat thanh 26 luot tren 9 cum loa, 1 loa hong", { phat_thanh: 26 }],
  ["Họp dân lúc 19h30 tối 12/12, 1 cuộc, 64 người dự", { hoi_nghi: 1, nguoi_tham_du: 64 }],
  ["Đài có 2 phát thanh viên, 1 kỹ thuật viên; phát 45 lượt", { phat_thanh: 45 }],
  ["Thôn 7 có 18 tổ tự quản; dán 18 áp phích", { ap_phich: 18 }],
  ["Đoàn viên từ 16-30 tuổi tham gia tập huấn 1 lớp, 55 học viên", { hoi_nghi: 1, nguoi_tham_du: 55 }],
  ["Video phóng sự được 15 nghìn lượt xem, làm 1 phóng sự", { phong_su: 1 }],
  [
    "Công văn số 305/UBND-VHXH ngày 02/12/2026 v/v báo cáo; xã đăng 10 tin bài",
    { tin_bai: 10 },
    [{ number: "305/UBND-VHXH", date: "2026-12-02" }],
  ],
  ["Xe loa chạy 25 km, 2 lượt, tốc độ 20 km/h", { xe_luu_dong: 2 }],
  ["tổ dân phố Trung Hòa nhận 50 tờ rơi từ phường, phát hết 50 tờ cho các hộ", { to_roi: 50 }],

  // references
  [
    "Thực hiện KH số 15/KH-UBND ngày 28/1/2026, xã treo 4 pano",
    { pano: 4 },
    [{ number: "15/KH-UBND", date: "2026-01-28" }],
  ],
  [
    "da trien khai kh 15 kh ubnd ngay 28 thang 1 nam 2026, phat 300 to roi",
    { to_roi: 300 },
    [{ number: "15/KH-UBND", date: "2026-01-28" }],
  ],
  ["theo kh 22 kh ubnd ngay 3 thang 2 a, xa em treo 2 bang ron", { bang_ron: 2 }, [{ number: "22/KH-UBND" }]],
  [
    "Ngày 20/01/2026, UBND xã ban hành Kế hoạch số 08/KH-UBND; quý IV xã treo 3 pa nô.",
    { pano: 3 },
    [{ number: "08/KH-UBND", date: "2026-01-20" }],
  ],
  [
    "Thực hiện Nghị quyết 57-NQ/TW, chi bộ tổ chức 1 hội nghị, 45 đảng viên tham dự",
    { hoi_nghi: 1, nguoi_tham_du: 45 },
    [{ number: "57-NQ/TW" }],
  ],
  ["Theo Chỉ thị 05-CT/TU, Đoàn phường treo 8 băng rôn", { bang_ron: 8 }, [{ number: "05-CT/TU" }]],
  [
    "cv 312/svhttdl-qlvh ngay 5/11/2026, phuong dang 12 tin bai",
    { tin_bai: 12 },
    [{ number: "312/SVHTTDL-QLVH", date: "2026-11-05" }],
  ],
  [
    "Căn cứ Quyết định số 1234/QĐ-UBND ngày 15/3/2026 của UBND tỉnh; Thông báo số 45/TB-UBND ngày 2/12/2026 của UBND xã, xã tổ chức 2 hội nghị với 130 đại biểu.",
    { hoi_nghi: 2, nguoi_tham_du: 130 },
    [
      { number: "1234/QĐ-UBND", date: "2026-03-15" },
      { number: "45/TB-UBND", date: "2026-12-02" },
    ],
  ],
  [
    "qd 88/qd-ubnd ngay 10/10/2026 thanh lap doi tuyen truyen, doi phat 700 to roi",
    { to_roi: 700 },
    [{ number: "88/QĐ-UBND", date: "2026-10-10" }],
  ],
  [
    "Thông báo 17/TB-UBND ngày 01.12.2026: họp dân 3 cuộc, 180 người",
    { hoi_nghi: 3, nguoi_tham_du: 180 },
    [{ number: "17/TB-UBND", date: "2026-12-01" }],
  ],
  [
    "Kế hoạch số 15 ngày 28/01/2026 của UBND xã: phát thanh 60 lượt",
    { phat_thanh: 60 },
    [{ number: "15", date: "2026-01-28" }],
  ],
  [
    "Thực hiện Nghị quyết số 12-NQ/ĐU ngày 5/1/2026 của Đảng ủy xã, treo 10 khẩu hiệu",
    { bang_ron: 10 },
    [{ number: "12-NQ/ĐU", date: "2026-01-05" }],
  ],
  [
    "Ngày 5/12/2026 Hội LHPN xã ban hành Kế hoạch số 09-KH/HPN về tuyên truyền; đã phát 250 tờ gấp",
    { to_roi: 250 },
    [{ number: "09-KH/HPN", date: "2026-12-05" }],
  ],
  [
    "Theo Công văn 56/UBND-VH ngày 8/12/2026 em báo: pano 2, băng rôn 7 ạ",
    { pano: 2, bang_ron: 7 },
    [{ number: "56/UBND-VH", date: "2026-12-08" }],
  ],
  [
    "Triển khai Luật Đất đai năm 2024, Nghị định 102/2024/NĐ-CP: hội nghị 1 cuộc, 85 người",
    { hoi_nghi: 1, nguoi_tham_du: 85 },
    [{ number: "102/2024/NĐ-CP" }],
  ],
  [
    "Kết luận 123-KL/TW và KH 30/KH-UBND ngày 11/11/2026: phát thanh 18 lượt",
    { phat_thanh: 18 },
    [{ number: "123-KL/TW" }, { number: "30/KH-UBND", date: "2026-11-11" }],
  ],
  [
    "xa e thuc hien cv so 45/ubnd-vhxh ngay 2/12/2026, da dang 6 bai len fanpage a",
    { bai_mxh: 6 },
    [{ number: "45/UBND-VHXH", date: "2026-12-02" }],
  ],
  [
    "Theo Quyết định số 2345/QĐ-UBND ngày 30 tháng 9 năm 2026: tờ rơi 1.000 tờ",
    { to_roi: 1000 },
    [{ number: "2345/QĐ-UBND", date: "2026-09-30" }],
  ],
  [
    "Chỉ thị số 08-CT/HU ngày 14/10/2026 của Huyện ủy; Thông báo 5/TB-ĐU: treo 2 pano, 6 băng rôn",
    { pano: 2, bang_ron: 6 },
    [{ number: "08-CT/HU", date: "2026-10-14" }, { number: "5/TB-ĐU" }],
  ],
  [
    "dạ bên em làm theo KH 102/KH-UBND ngày 5/10/2026 ạ: 1 phóng sự, 4 chuyên mục",
    { phong_su: 1, chuyen_muc: 4 },
    [{ number: "102/KH-UBND", date: "2026-10-05" }],
  ],
  [
    "Ngày 10 tháng 11 năm 2026, Ban Thường vụ Đoàn xã ban hành Kế hoạch số 21-KH/ĐTN; đã tập huấn 1 lớp 60 đoàn viên.",
    { hoi_nghi: 1, nguoi_tham_du: 60 },
    [{ number: "21-KH/ĐTN", date: "2026-11-10" }],
  ],
  [
    "Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị: tổ chức 2 hội nghị quán triệt, 210 đại biểu",
    { hoi_nghi: 2, nguoi_tham_du: 210 },
    [{ number: "66-NQ/TW", date: "2025-04-30" }],
  ],
  [
    "kh so 7/kh-ubnd ngay 15/1/2026 va kh so 19/kh-ubnd ngay 2/10/2026: xe loa 5 luot",
    { xe_luu_dong: 5 },
    [
      { number: "7/KH-UBND", date: "2026-01-15" },
      { number: "19/KH-UBND", date: "2026-10-02" },
    ],
  ],
  [
    "Thực hiện Kế hoạch 25/KH-SVHTTDL ngày 3/10/2026 của Sở, Trung tâm VH-TT xã đăng 9 tin bài, 3 phóng sự",
    { tin_bai: 9, phong_su: 3 },
    [{ number: "25/KH-SVHTTDL", date: "2026-10-03" }],
  ],
  [
    "Báo cáo số 112/BC-UBND ngày 20/12/2026 của UBND phường Hòa Bình: treo 14 băng rôn, phát 2.000 tờ rơi",
    { bang_ron: 14, to_roi: 2000 },
    [{ number: "112/BC-UBND", date: "2026-12-20" }],
  ],
  [
    "theo hướng dẫn số 03/HD-BTGTU ngày 9/9/2026, chi đoàn đăng 15 bài zalo",
    { bai_mxh: 15 },
    [{ number: "03/HD-BTGTU", date: "2026-09-09" }],
  ],
  [
    "kh 15/kh-ubnd 28/1/2026, pano 3 cai, bang ron 8 cai",
    { pano: 3, bang_ron: 8 },
    [{ number: "15/KH-UBND", date: "2026-01-28" }],
  ],
  [
    "Thực hiện văn bản số 415/UBND-VX ngày 25/11/2026 về tuyên truyền Ngày Pháp luật 9/11: tổ chức 1 tọa đàm, 70 người",
    { hoi_nghi: 1, nguoi_tham_du: 70 },
    [{ number: "415/UBND-VX", date: "2026-11-25" }],
  ],
  [
    "Căn cứ KH số 40/KH-UBND ngày 12/8/2026, xã đã hoàn thành, chưa có số liệu cụ thể",
    {},
    [{ number: "40/KH-UBND", date: "2026-08-12" }],
  ],
  [
    "QĐ số 3/QĐ-UBND ngày 3/1/2026 về việc thành lập Ban biên tập; Ban biên tập đăng 3 tin, 1 phóng sự",
    { tin_bai: 3, phong_su: 1 },
    [{ number: "3/QĐ-UBND", date: "2026-01-03" }],
  ],
];

/** Thirty fresh messages of the same families, written after the round's rules, never tuned on. */
const FRESH: Own[] = [
  ["Dạ chi hội em quý này ko phát tờ rơi nào ạ, họp 1 buổi 25 hội viên", { to_roi: 0, hoi_nghi: 1, nguoi_tham_du: 25 }],
  ["Cụm cổ động: không xây dựng\nPa nô: 2 cái\nÁp phích: chưa", { cum_co_dong: 0, pano: 2, ap_phich: 0 }],
  [
    "Trường TH Kim Đồng báo cáo: tháng 12 trường không tổ chức hội thảo, không có người tham dự; phát 120 tờ rơi cho phụ huynh.",
    { hoi_nghi: 0, nguoi_tham_du: 0, to_roi: 120 },
  ],
  ["xe luu dong – ko\nphat thanh – 15 luot\nbang ron – 0", { xe_luu_dong: 0, phat_thanh: 15, bang_ron: 0 }],
  ["Phường Đông Hải: phóng sự chưa thống kê, tin bài 7 tin.", { tin_bai: 7 }],
  ["thon em ko co xe loa ve a, chi phat thanh 10 luot tren loa thon", { xe_luu_dong: 0, phat_thanh: 10 }],
  ["Tổ chức 3 buổi họp dân tại 3 thôn, mỗi buổi 40 người", { hoi_nghi: 3, nguoi_tham_du: 120 }],
  ["ap phich, bang ron moi loai 6 cai, pano 1 cai", { ap_phich: 6, bang_ron: 6, pano: 1 }],
  ["Hội nghị 2 cuộc: 75 + 68 đại biểu", { hoi_nghi: 2, nguoi_tham_du: 143 }],
  ["phat thanh moi ngay 1 luot trong 20 ngay", { phat_thanh: 20 }],
  ["In 2 loại tờ rơi, mỗi loại 500 tờ, giá 800đ/tờ", { to_roi: 1000 }],
  ["Tờ rơi: thôn Đông 200 tờ, thôn Trung 150 tờ, thôn Đoài 180 tờ", { to_roi: 530 }],
  ["tờ rơi 2 nghìn 5", { to_roi: 2500 }],
  ["Đăng mười tám bài lên zalo", { bai_mxh: 18 }],
  ["1️⃣ Phát thanh: 22 lượt\n2️⃣ Chuyên mục: 2\n3️⃣ Phóng sự: 0", { phat_thanh: 22, chuyen_muc: 2, phong_su: 0 }],
  ["to roi 1,2 nghin to, bang ron hai chuc cai", { to_roi: 1200, bang_ron: 20 }],
  ["Phát thanh một trăm linh tám lượt", { phat_thanh: 108 }],
  ["In 2 500 tờ gấp", { to_roi: 2500 }],
  ["Tổ dân phố 8 dán 9 áp phích, có 3 loa hỏng", { ap_phich: 9 }],
  ["Bài viết về lễ hội được 5.600 lượt xem, 300 lượt chia sẻ; đăng 3 bài lên fanpage", { bai_mxh: 3 }],
  ["Họp dân lúc 14h ngày 20/12 tại nhà văn hóa thôn 4, 1 cuộc, 58 người", { hoi_nghi: 1, nguoi_tham_du: 58 }],
  ["Đội 5 người đi xe chở loa đi 12 km, chạy 2 lượt tuyên truyền lưu động", { xe_luu_dong: 2 }],
  ["Thôn có 420 khẩu; kinh phí 2 triệu đồng; treo 4 băng rôn", { bang_ron: 4 }],
  ["Gửi 3 bài hát tuyên truyền cho đài, phát thanh 14 lượt", { phat_thanh: 14 }],
  [
    "Thực hiện KH số 31/KH-UBND ngày 4/10/2026, phường treo 5 pano",
    { pano: 5 },
    [{ number: "31/KH-UBND", date: "2026-10-04" }],
  ],
  [
    "theo qd 12 qd ubnd ngay 6 thang 10 nam 2026, xa phat 400 to roi",
    { to_roi: 400 },
    [{ number: "12/QĐ-UBND", date: "2026-10-06" }],
  ],
  [
    "Ngày 15/10/2026, Đảng ủy xã ban hành Kế hoạch số 45-KH/ĐU; tổ chức 1 hội nghị với 120 đảng viên.",
    { hoi_nghi: 1, nguoi_tham_du: 120 },
    [{ number: "45-KH/ĐU", date: "2026-10-15" }],
  ],
  [
    "Triển khai Chỉ thị 19-CT/TU và Thông báo số 88/TB-UBND ngày 12/11/2026: đăng 6 tin bài",
    { tin_bai: 6 },
    [{ number: "19-CT/TU" }, { number: "88/TB-UBND", date: "2026-11-12" }],
  ],
  [
    "cv 77/ubnd-vhxh 30/11/2026 em da trien khai, phat thanh 12 luot",
    { phat_thanh: 12 },
    [{ number: "77/UBND-VHXH", date: "2026-11-30" }],
  ],
  [
    "Căn cứ Nghị quyết số 05-NQ/ĐU ngày 2/3/2026 và Kế hoạch số 09/KH-UBND ngày 10/3/2026, xã xây dựng 2 chuyên mục.",
    { chuyen_muc: 2 },
    [
      { number: "05-NQ/ĐU", date: "2026-03-02" },
      { number: "09/KH-UBND", date: "2026-03-10" },
    ],
  ],
];

/** Whether a message is read exactly: its values and references, its unclear fragments (each holding the expected text, as the corpus scorer compares them), and no conflict. */
function readsExactly([text, values, references = [], unclear = []]: Own): boolean {
  const r = read(text);
  const sorted = (o: Record<string, number>) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
  return (
    r.conflicts.length === 0 &&
    r.unclear.length === unclear.length &&
    unclear.every((part) => r.unclear.some((u) => u.includes(part))) &&
    JSON.stringify(r.references) === JSON.stringify(references) &&
    JSON.stringify(sorted(r.values)) === JSON.stringify(sorted(values))
  );
}

describe("the round's own messages", () => {
  it("reads at least 150 of its 150 own messages exactly (133 before the round)", () => {
    expect(OWN.length).toBe(150);
    expect(OWN.filter(readsExactly).length).toBeGreaterThanOrEqual(150);
  });

  it("reads at least 29 of its 30 fresh messages exactly (written after the round's rules, never tuned on)", () => {
    expect(FRESH.length).toBe(30);
    expect(FRESH.filter(readsExactly).length).toBeGreaterThanOrEqual(29);
  });
});
