import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

describe("findArithmetic: a sum of people by role is one figure ('310 HS + 25 GV tham dự')", () => {
  it.each([
    ["1 hội nghị, 95 HS + 12 GV dự", { hoi_nghi: 1, nguoi_tham_du: 107 }],
    ["toa dam 1 buoi, 60 doan vien + 15 hoi vien du", { hoi_nghi: 1, nguoi_tham_du: 75 }],
    ["Hội nghị 1 cuộc, 90 cán bộ + 40 người dân tham dự", { hoi_nghi: 1, nguoi_tham_du: 130 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("qualifyPeriods: the officer names the period whose figures to record ('Đề nghị ghi nhận số liệu quý III')", () => {
  it.each([
    [
      "Báo cáo 9 tháng năm 2026: tổ chức 6 hội nghị với 500 đại biểu; riêng quý III: 2 hội nghị, 150 đại biểu. Đề nghị ghi nhận số liệu quý III.",
      { hoi_nghi: 2, nguoi_tham_du: 150 },
    ],
    ["tuan nay xa phat 5 luot, tu dau quy den nay 70 luot. e bao so ca quy a", { phat_thanh: 70 }],
    ["Tuần này đài xã phát 6 lượt, từ 1/10 đến nay 81 lượt. Em báo số cả quý ạ", { phat_thanh: 81 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("combineValues: meetings said in parts add up ('1 hội nghị ở xã và 3 hội nghị ở thôn')", () => {
  it.each([
    [
      "Tổ chức 1 hội nghị cấp xã với 90 đại biểu và 3 hội nghị ở thôn, mỗi hội nghị 40 người",
      { hoi_nghi: 4, nguoi_tham_du: 210 },
    ],
    ["Phường tổ chức 2 hội nghị ở phường và 5 hội nghị ở các tổ dân phố", { hoi_nghi: 7 }],
    ["to chuc 2 hoi nghi, 1 cuoc 80 dai bieu, 1 cuoc 60 dai bieu", { hoi_nghi: 2, nguoi_tham_du: 140 }],
    ["Tổ chức 3 hội nghị: 1 cuộc 100 đại biểu, 2 cuộc mỗi cuộc 50 đại biểu", { hoi_nghi: 3, nguoi_tham_du: 200 }],
    ["Hội nghị: 2 hội nghị, 1 cuộc ở xã 120 đại biểu, 1 cuộc ở thôn 60 đại biểu", { hoi_nghi: 2, nguoi_tham_du: 180 }],
    ["treo 2 pa nô ở trụ sở xã và 6 pa nô tại các thôn", { pano: 8 }],
    ["to chuc 4 hoi nghi o cac thon, moi hoi nghi o thon 45 nguoi", { hoi_nghi: 4, nguoi_tham_du: 180 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("what a loudspeaker is used for and a lecture are no figures", () => {
  it.each([
    ["tổ em có 2 cái loa kéo, không dùng phát thanh. Phát 50 tờ rơi", { to_roi: 50 }],
    ["thôn có 1 loa cầm tay cho đội văn nghệ, không dùng để phát thanh ạ; dán 8 áp phích", { ap_phich: 8 }],
    ["bai tap huan 2 bai, bai dang zalo 6", { bai_mxh: 6 }],
    ["Bài giảng tập huấn: 4 bài; tin bài trên trang TTĐT 7 tin", { tin_bai: 7 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("combineValues: a part of the period beats a running total ('Tháng 10 … 20 băng rôn. Cả năm … 65')", () => {
  it.each([
    [
      "Dạ phường báo cáo quý IV ạ. Tháng 11 phường treo mới 12 băng rôn ạ. Cả năm phường treo 48 băng rôn ạ",
      { bang_ron: 12 },
    ],
    ["bc quy 4 a. thang 10 xa dan 6 ap phich. ca nam dan 25 ap phich", { ap_phich: 6 }],
    ["Báo cáo quý IV: tháng 12 xã in 500 tờ rơi; cả năm xã phát 3.000 tờ rơi.", { to_roi: 500 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("combineValues: the one count of sittings left without a name, beside the attendees, is the meetings'", () => {
  it.each([
    [
      "tuyên truyền pháp luật cho 80 người dân tại nhà văn hóa (thôn Đông, thôn Tây) 2 buổi",
      { hoi_nghi: 2, nguoi_tham_du: 80 },
    ],
    [
      "Tổng số người dự các buổi nói chuyện chuyên đề: 300 người; số buổi: 5 buổi.",
      { hoi_nghi: 5, nguoi_tham_du: 300 },
    ],
    ["Trường tổ chức 1 buổi ngoại khóa, 310 HS + 25 GV tham dự", { hoi_nghi: 1, nguoi_tham_du: 335 }],
    [
      "1 | Tờ rơi | 200\n2 | Nói chuyện chuyên đề | 3 buổi\n3 | Đoàn viên dự | 160",
      { to_roi: 200, hoi_nghi: 3, nguoi_tham_du: 160 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a broadcast's sittings stay asked about ('đài xã phát 24 buổi, hội nghị có 60 người tham dự')", () => {
    const r = plain("đài xã phát 24 buổi, hội nghị có 60 người tham dự");
    expect(r.values).toEqual({ nguoi_tham_du: 60 });
    expect(r.unclear).toEqual(["đài xã phát 24 buổi"]);
  });
});

describe("markLookAlikes: notices and advertisements counted in 'tờ' are no leaflets", () => {
  it.each([
    ["Bóc 150 tờ quảng cáo dán sai quy định; phát 300 tờ rơi", { to_roi: 300 }],
    ["thôn dán 6 tờ thông báo lịch tiêm, treo 2 băng rôn", { bang_ron: 2 }],
    ["boc go 80 to quang cao rao vat, dan 10 ap phich", { ap_phich: 10 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("papers handed out may be the leaflets: asked about ('phát 200 tờ thông báo')", () => {
    expect(plain("phát 200 tờ thông báo về phòng chống dịch").unclear).toEqual(["phát 200 tờ thông báo"]);
  });
});

describe("keycaps inside a line, between a word and a name, are figures ('treo 🔟 băng rôn với 2️⃣ pano')", () => {
  it.each([
    ["Dạ thôn em treo 🔟 băng rôn với 2️⃣ pano ạ", { bang_ron: 10, pano: 2 }],
    ["xã dán 🔟 áp phích", { ap_phich: 10 }],
    ["xom em phat 5️⃣ buoi loa", { phat_thanh: 5 }],
    ["🔟 Tin bài: 3", { tin_bai: 3 }],
    ["2️⃣ Tờ rơi: 600\n(mục 1️⃣ em gửi hôm qua rồi ạ)", { to_roi: 600 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("findStatedZeros: the line's heading is what this period did none of, past another period's clause", () => {
  it.each([
    ["Băng rôn: quý III treo 8 cái, quý IV chưa treo thêm cái nào ạ", { bang_ron: 0 }],
    ["ap phich: quy 2 dan 12 to, quy 3 khong dan them to nao", { ap_phich: 0 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("findMultipliers: a rate whose product is stated later in its sentence asks nothing", () => {
  it.each([
    ["loa xã phát 4 buổi/tuần, quý này tính 13 tuần là 52 buổi", { phat_thanh: 52 }],
    ["fanpage mỗi ngày 2 bài, từ 1/12 đến 15/12 = 30 bài", { bai_mxh: 30 }],
    ["zalo moi ngay 1 bai, tu 1/10 den 31/10 dang deu = 31 bai", { bai_mxh: 31 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a result that is not the product leaves the rate asked about", () => {
    expect(plain("loa xã phát 3 buổi/tuần, tháng này 4 tuần là 14 buổi").unclear).toContain("loa xã phát 3 buổi/tuần");
  });
});

describe("findMultipliers: residential clusters named by label before 'mỗi cụm' are its count", () => {
  it.each([
    ["cum dan cu so 2 va cum dan cu so 5 moi cum treo 1 bang ron", { bang_ron: 2 }],
    ["Cụm dân cư số 1, cụm dân cư số 2 mỗi cụm dán 6 áp phích", { ap_phich: 12 }],
    ["4 cụm cổ động, mỗi cụm 2 pa nô", { cum_co_dong: 4, pano: 8 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("findMultipliers: a product stated with an indicator's name is the figure of a rate in an unnamed unit", () => {
  it.each([
    ["3 thôn, mỗi thôn họp 1 buổi, tính là 3 hội nghị", { hoi_nghi: 3 }],
    ["5 chi hội, mỗi chi hội họp 1 buổi, xã tính 5 hội nghị", { hoi_nghi: 5 }],
    ["áp phích mỗi thôn 4 tờ, xã có 7 thôn nên là 28 tờ", { ap_phich: 28 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});
