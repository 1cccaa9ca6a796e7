import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { onlyValues as only, plainReading as plain, readFixture } from "../support/parsed.js";

describe("headed things: 'tin nhắn … 37 tin' counts messages across a long clause", () => {
  it.each([
    ["tin nhan cua nguoi dan gui ve tong dai 1022 co 37 tin, e dang 4 tin bai tra loi tren cong tt a", { tin_bai: 4 }],
    ["tin nhắn của bà con gửi về đường dây nóng 0912 có 25 tin, xã đăng 3 tin bài", { tin_bai: 3 }],
    ["tin nhắn phản ánh của người dân qua Zalo OA tháng này được 18 tin; đăng 2 tin bài trên cổng", { tin_bai: 2 }],
    ["tờ khai của các hộ gửi lên bộ phận một cửa tuần này có 40 tờ, phát 100 tờ rơi", { to_roi: 100 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("team sizes: a team named with its qualifiers ('đội thông tin lưu động 8 người') is no attendees", () => {
  it.each([
    ["Đội thông tin lưu động 8 người, chạy xe tuyên truyền 3 lượt ạ", { xe_luu_dong: 3 }],
    ["Đội tuyên truyền lưu động 6 người, phát 300 tờ rơi", { to_roi: 300 }],
    ["nhóm tình nguyện thôn 7 người, dán 20 áp phích", { ap_phich: 20 }],
    ["đội văn nghệ quần chúng 15 người; treo 3 pano", { pano: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a unit's make-up in brackets after its name ('Trường … (42 lớp, 1.780 học sinh)') is background", () => {
  it.each([
    [
      "Trường THPT Ngô Quyền (42 lớp, 1.780 học sinh) đăng 7 tin bài trên website trường; 98% học sinh tham gia cuộc thi trực tuyến.",
      { tin_bai: 7 },
    ],
    ["Trường TH Kim Đồng (24 lớp, 850 học sinh) treo 3 băng rôn", { bang_ron: 3 }],
    ["Xã Tân Lập (12 thôn, 9.500 nhân khẩu) phát 400 tờ rơi", { to_roi: 400 }],
    ["Trường mầm non Hoa Sen (15 lớp, 420 trẻ, 38 giáo viên) dán 10 áp phích", { ap_phich: 10 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("things received ('tiếp nhận 200 tờ rơi', 'nhận 26 bài dự thi') are not the unit's work", () => {
  it.each([
    ["Ngoài ra nhà trường tiếp nhận 200 tờ rơi của Công an phường (chưa phát).", {}],
    ["xã tiếp nhận 500 tờ rơi của Trung tâm y tế, đã phát 300 tờ", { to_roi: 300 }],
    ["Hội nhận được 20 băng rôn từ huyện (chưa treo)", {}],
    ["Đoàn xã được cấp 4 pano, treo 2 pano tại chợ", { pano: 2 }],
    ["Ban tổ chức nhận 45 bài dự thi; đăng 3 tin bài tổng kết", { tin_bai: 3 }],
    ["thôn nhận 150 tờ rơi từ xã, chưa phát ạ", {}],
    ["Đoàn trường được cấp 5 băng rôn (chưa treo), dán 8 áp phích", { ap_phich: 8 }],
    ["nhận được 300 tờ gấp của huyện nhưng chưa phát được", {}],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("entries: writings received or sent to a contest ('nhận 26 bài viết dự thi') are no posts", () => {
  it.each([
    [
      'Phòng Quản lý Văn hóa nhận 26 bài viết dự thi "Chuyển đổi số trong cộng đồng"; đăng 6 tin bài tổng kết cuộc thi trên Cổng TTĐT Sở.',
      { tin_bai: 6 },
    ],
    ["Ban tổ chức nhận được 58 bài viết tham gia cuộc thi; đăng 4 tin bài", { tin_bai: 4 }],
    ["cuộc thi ảnh đã nhận 120 bài, xã đăng 3 bài trên fanpage", { bai_mxh: 3 }],
    ["Có 35 bài dự thi gửi về, đăng 2 tin bài tổng kết", { tin_bai: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("visitors of a festival or fair ('30.000 lượt khách') are no figure", () => {
  it.each([
    ["Lễ hội thu hút khoảng 30.000 lượt khách.", {}],
    ["Lễ hội đón khoảng 12.000 lượt du khách", {}],
    ["Hội chợ thu hút 5.000 lượt người tham quan; treo 10 băng rôn", { bang_ron: 10 }],
    ["Lễ hội năm nay đón 8 nghìn lượt khách, phát 500 tờ rơi", { to_roi: 500 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("periods: the months of the year before, then 'quý này thêm …'", () => {
  it.each([
    [
      "Dạ 9 tháng đầu năm xã em có 6 cuộc tập huấn, quý 4 này thêm 2 cuộc với 95 học viên ạ",
      { hoi_nghi: 2, nguoi_tham_du: 95 },
    ],
    ["6 tháng đầu năm tổ chức 4 hội nghị, quý 3 này thêm 1 hội nghị", { hoi_nghi: 1 }],
    ["9 tháng đầu năm phát 1.200 tờ rơi, quý này phát thêm 300 tờ", { to_roi: 300 }],
    ["từ đầu năm đến hết tháng 9 treo 10 pano, quý IV thêm 3 pano", { pano: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("pairing: a bare 'tờ' after a thing counted in sheets ('áp phích dán 14 tờ') is that thing's, not leaflets'", () => {
  it.each([
    ["e gui so lieu tuan 2 thang 12 a: ap phich dan 14 to. tu dau thang la 30 to, e bao so tuan a", { ap_phich: 14 }],
    ["áp phích tuần này dán 6 tờ, lũy kế từ đầu tháng 20 tờ", { ap_phich: 6 }],
    ["poster tuần này in 10 tờ. Tính từ đầu quý là 45 tờ ạ", { ap_phich: 10 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("leaflets named in the message keep their sheets", () => {
    expect(plain("áp phích dán 6 tờ, tờ rơi phát 200 tờ")).toEqual(only({ ap_phich: 6, to_roi: 200 }));
  });
});

describe("reach said by its verb before the figure ('tổng tiếp cận khoảng 18.000 lượt') is told in passing", () => {
  it.each([
    ["4. Mạng xã hội: 22 bài trên fanpage xã, tổng tiếp cận khoảng 18.000 lượt.", { bai_mxh: 22 }],
    ["đăng 5 bài fanpage, tiếp cận hơn 3.000 lượt", { bai_mxh: 5 }],
    ["bài trên zalo xã chia sẻ được 150 lượt; treo 2 pano", { pano: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a place's population after the place ('xã em 9.200 dân') is background", () => {
  it.each([
    ["xa em 9.200 dan, 14 thon. thang 11 dang 12 bai tren zalo, fanpage xa", { bai_mxh: 12 }],
    ["thôn em 1.800 dân, tháng này treo 4 pano", { pano: 4 }],
    ["phường mình có 12.000 dân; đăng 6 tin bài", { tin_bai: 6 }],
    ["bản có 320 nhân khẩu, họp dân 1 buổi 60 người", { hoi_nghi: 1, nguoi_tham_du: 60 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a figure said to include another ('28 lượt (đã gồm buổi trực tiếp)') is their total", () => {
  it.each([
    [
      "Xã Sa Pa tổ chức 1 buổi phát thanh trực tiếp tại chợ phiên; các lượt phát thanh trên loa xã trong tháng: 28 lượt (đã gồm buổi trực tiếp).",
      { phat_thanh: 28 },
    ],
    ["phát 200 tờ rơi tại hội nghị; tờ rơi trong quý phát 900 tờ (kể cả số phát tại hội nghị)", { to_roi: 900 }],
    ["treo 2 băng rôn ở chợ; băng rôn xã treo 10 cái (tính cả 2 cái ở chợ)", { bang_ron: 10 }],
    ["đăng 1 tin bài về hội thi; tin bài trên cổng tháng này 7 tin (đã bao gồm tin hội thi)", { tin_bai: 7 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("sittings of a gathering the plan names no kind of, with their people ('1 buổi ngoại khóa cho 460 học sinh')", () => {
  it.each([
    [
      "Trường THCS Kim Sơn triển khai Công văn số 2105/SGDĐT-GDPT ngày 30/9/2026 của Sở Giáo dục và Đào tạo: tổ chức 1 buổi ngoại khóa cho 460 học sinh.",
      { hoi_nghi: 1, nguoi_tham_du: 460 },
    ],
    [
      "Hội Cựu chiến binh xã Định Hóa: tổ chức 3 buổi nói chuyện truyền thống tại 3 trường học, mỗi buổi khoảng 300 học sinh; treo 4 băng rôn",
      { hoi_nghi: 3, nguoi_tham_du: 900, bang_ron: 4 },
    ],
    ["Nói chuyện chuyên đề: 2 buổi, 150 học sinh", { hoi_nghi: 2, nguoi_tham_du: 150 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  // asked here in round 24b; since round 25a a group's routine is a gathering too (the writers' convention)
  it("a group's own routine is a gathering too ('2 buổi sinh hoạt … với 85 đoàn viên')", () => {
    expect(plain("Chi đoàn tổ chức 2 buổi sinh hoạt ngoài trời với 85 đoàn viên")).toEqual(
      only({ hoi_nghi: 2, nguoi_tham_du: 85 }),
    );
  });

  it("a broadcast's sittings stay the broadcasts' ('phát thanh 2 buổi')", () => {
    expect(plain("phát thanh 2 buổi, mỗi buổi 30 phút")).toEqual(only({ phat_thanh: 2 }));
  });
});

describe("people served by a health errand ('khám sàng lọc cho 230 người cao tuổi') are no attendees", () => {
  it.each([
    ["Phát 800 tờ rơi. Khám sàng lọc cho 230 người cao tuổi.", { to_roi: 800 }],
    ["tiêm chủng cho 120 trẻ em; phát 300 tờ rơi", { to_roi: 300 }],
    ["khám bệnh miễn phí cho 85 người dân, treo 2 băng rôn", { bang_ron: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("people a meeting is held for, after its topic ('2 buổi truyền thông phòng chống … cho 84 phụ huynh')", () => {
  it.each([
    [
      "Trạm Y tế phường Vĩnh Hải (5 cán bộ, 12 cộng tác viên) tổ chức 2 buổi truyền thông phòng chống bệnh tay chân miệng cho 84 phụ huynh.",
      { hoi_nghi: 2, nguoi_tham_du: 84 },
    ],
    ["tổ chức 1 buổi tuyên truyền về an toàn giao thông cho 120 học sinh", { hoi_nghi: 1, nguoi_tham_du: 120 }],
    ["mở 2 lớp tập huấn kỹ năng chuyển đổi số cho 70 cán bộ", { hoi_nghi: 2, nguoi_tham_du: 70 }],
    ["1 hội nghị phổ biến pháp luật cho 90 người dân", { hoi_nghi: 1, nguoi_tham_du: 90 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("labels: a floor and a room of an address ('tầng 2, phòng 201') are no figures", () => {
  it.each([
    [
      "Hội nghị triển khai ngày 03/12/2026 từ 14h00 đến 16h30 tại Hội trường UBND xã (tầng 2, phòng 201): 1 hội nghị, 92 đại biểu.",
      { hoi_nghi: 1, nguoi_tham_du: 92 },
    ],
    ["Hội nghị tổ chức tại tầng 3 nhà văn hóa, 1 hội nghị 80 người", { hoi_nghi: 1, nguoi_tham_du: 80 }],
    ["họp tại phòng 105 trụ sở UBND: 1 cuộc, 25 đại biểu", { hoi_nghi: 1, nguoi_tham_du: 25 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("periods: 'tổng đang treo 16' beside what was added is the stock now", () => {
  it.each([
    ["bang ron ky truoc 10 cai, ky nay treo them 6 cai, tong dang treo 16. e bao ky nay a", { bang_ron: 6 }],
    ["pano kỳ trước 4 cái, kỳ này làm thêm 2 cái, tổng đang treo 6 cái", { pano: 2 }],
    ["tháng này treo thêm 3 băng rôn, tổng cộng đang treo 12 cái", { bang_ron: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("zeros: a keycap's number opening the line ('4️⃣ Xe loa: không có') leaves the stated zero", () => {
  it.each([
    [
      "Dạ em chào chị, Đoàn xã Lộc Ninh gửi số liệu quý 4 ạ 😊\n1️⃣ Băng rôn: 9\n2️⃣ Bài fanpage: 33\n3️⃣ Tọa đàm: 2 buổi, 95 + 120 đoàn viên\n4️⃣ Xe loa: không có\nSố bài fanpage tính từ đầu năm là 118 bài ạ",
      { bang_ron: 9, bai_mxh: 33, hoi_nghi: 2, nguoi_tham_du: 215, xe_luu_dong: 0 },
    ],
    ["1️⃣ Tờ rơi: 300\n2️⃣ Pa nô: không có", { to_roi: 300, pano: 0 }],
    ["Dạ em báo:\n2️⃣ Chuyên mục: chưa làm\n3️⃣ Băng rôn: 4", { chuyen_muc: 0, bang_ron: 4 }],
    ["1️⃣ Hội nghị: 1\n2️⃣ Phóng sự: không", { hoi_nghi: 1, phong_su: 0 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("money: a price and a total cost are no count", () => {
  it.each([
    ["khau hieu 15 cai, moi cai 80 nghin, tong 1,2 trieu a", { bang_ron: 15 }],
    ["pano 4 cái, mỗi cái 2 triệu, tổng 8 triệu", { pano: 4 }],
    ["in 500 tờ rơi, mỗi tờ 1.000đ, tổng 500 nghìn", { to_roi: 500 }],
    ["băng rôn 10 cái, mỗi cái 150 nghìn, hết 1,5 triệu", { bang_ron: 10 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("twenty-third development set (every kind, 14 each, by a writer who never saw the parser)", () => {
  it("keeps its floor", () => {
    const score = scoreCorpus(readFixture("report-corpus-real-23.jsonl"), SAMPLE_INDICATORS);
    expect(score.exact).toBeGreaterThanOrEqual(121);
  });
});
