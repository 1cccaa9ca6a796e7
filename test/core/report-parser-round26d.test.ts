import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain, readSample } from "../support/parsed.js";

describe("labels: 'cấp' before a figure that counts something is the verb of handing out, no level ('cấp 1.300 tờ rơi')", () => {
  it.each([
    ["Cấp 1.500 tờ rơi song ngữ cho các hộ dân", { to_roi: 1500 }],
    ["- Cấp 600 tờ gấp;\n- Treo 4 băng rôn.", { to_roi: 600, bang_ron: 4 }],
    ["cap 450 to roi cho ba thon", { to_roi: 450 }],
    ["Đoàn xã cung cấp 04 tin cho trang TTĐT huyện", { tin_bai: 4 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a school's level stays a label ('trường cấp 2 treo 3 băng rôn')", () => {
    expect(plain("trường cấp 2 treo 3 băng rôn").values).toEqual({ bang_ron: 3 });
  });
});

describe("findMentions: no typo begins at the second word of a compound ('phối hợp đăng' is no 'họp dân')", () => {
  it.each([
    ["Đoàn xã phối hợp đăng 12 bài trên fanpage", { bai_mxh: 12 }],
    ["phoi hop dang 5 bai len zalo xa", { bai_mxh: 5 }],
    ["Hội Nông dân kết hợp đăng 3 bài lên trang Zalo của hội", { bai_mxh: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("readUnnamedGatherings: the people of all the sittings after 'tổng cộng', 'tổng số' ('mở 12 lớp …, tổng cộng 480 lượt học sinh')", () => {
  it.each([
    [
      "Nhà văn hóa mở 12 lớp hướng dẫn bơi an toàn, tổng cộng 480 lượt học sinh tham gia.",
      { hoi_nghi: 12, nguoi_tham_du: 480 },
    ],
    ["Trung tâm phối hợp mở 4 lớp kỹ năng sống, tổng số 160 em tham gia", { hoi_nghi: 4, nguoi_tham_du: 160 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("COMPOUND_STOP: 'tin giả' (fake news) names no news item", () => {
  it.each([
    ["tuyên truyền chống tin giả: 2 hội nghị, 150 người", { hoi_nghi: 2, nguoi_tham_du: 150 }],
    ["Chủ đề phòng chống tin giả, tin xấu độc. Đăng 4 bài lên fanpage", { bai_mxh: 4 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("references: a report's own number takes the date of its place-and-date line ('Số: 12/BC-UBND' … 'A, ngày 10 tháng 11 năm 2026')", () => {
  it("on the line after the number", () => {
    const r = readSample(
      "UBND XÃ HƯƠNG SƠN\nSố: 212/BC-UBND\nHương Sơn, ngày 10 tháng 11 năm 2026\nBÁO CÁO\nXã đã treo 5 băng rôn.",
    );
    expect(r.references).toEqual([{ number: "212/BC-UBND", date: "2026-11-10" }]);
    expect(r.values).toEqual({ bang_ron: 5 });
  });

  it("the motto between them, the date line indented", () => {
    const r = readSample(
      "UBND XÃ TÂN HÓA            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 45/BC-UBND                 Độc lập - Tự do - Hạnh phúc\n                    Tân Hóa, ngày 2 tháng 12 năm 2026\nBÁO CÁO\nPhát thanh 30 lượt.",
    );
    expect(r.references).toEqual([{ number: "45/BC-UBND", date: "2026-12-02" }]);
    expect(r.values).toEqual({ phat_thanh: 30 });
  });

  it("typed with slashes", () => {
    const r = readSample("Số: 08/BC-UBND\nThạnh Phú, ngày 03/12/2026\nĐăng 7 tin trên cổng TTĐT.");
    expect(r.references).toEqual([{ number: "08/BC-UBND", date: "2026-12-03" }]);
  });

  it("a date line far below a cited plan is no date of it", () => {
    const r = readSample(
      "Thực hiện Kế hoạch số 20/KH-UBND của huyện.\nTreo 3 băng rôn.\nNgày 5 tháng 12 năm 2026 họp dân 1 buổi",
    );
    expect(r.references).toEqual([{ number: "20/KH-UBND" }]);
  });
});

describe("references: the Prime Minister's symbol keeps its spelling ('QĐ-TTg')", () => {
  it.each([
    ["Thực hiện Quyết định số 1520/QĐ-TTg, treo 4 pa nô", "1520/QĐ-TTg"],
    ["theo qd 749/qd-ttg, dang 3 bai len fanpage", "749/QĐ-TTg"],
    ["Chỉ thị 45/CT-TTg: phát 20 lượt loa", "45/CT-TTg"],
  ])("%s", (text, number) => {
    expect(readSample(text).references.map((r) => r.number)).toEqual([number]);
  });
});

describe("money: a sum given by members ('đóng góp 3 triệu', 'ủng hộ 2 triệu') is money", () => {
  it.each([
    ["hội viên đóng góp 3 triệu, treo 2 băng rôn", { bang_ron: 2 }],
    ["Băng rôn 4 cái, kinh phí do các hộ ủng hộ 1,5 triệu", { bang_ron: 4 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("abbreviations: 'cđ' after 'cụm' is 'cổ động' ('1 cụm cđ')", () => {
  it.each([
    ["2 pano, 1 cụm cđ ở chợ", { pano: 2, cum_co_dong: 1 }],
    ["cum cd: 3", { cum_co_dong: 3 }],
    ["làm thêm hai cụm cđ trước UBND", { cum_co_dong: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("numbers: keycap digits after a name are its figure ('pano 2️⃣ cái')", () => {
  it.each([
    ["băng rôn 3️⃣ cái, tờ rơi 2️⃣0️⃣0️⃣ tờ", { bang_ron: 3, to_roi: 200 }],
    ["họp dân 1️⃣ buổi, người dự 6️⃣0️⃣", { hoi_nghi: 1, nguoi_tham_du: 60 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["1️⃣ pano 3 cái\n2️⃣ băng rôn 5 cái", { pano: 3, bang_ron: 5 }],
    ["Các chỉ tiêu 1️⃣ Pa nô: 5 2️⃣ Băng rôn: 3", { pano: 5, bang_ron: 3 }],
  ])("keycaps numbering a list stay markers: %s", (text, values) => {
    expect(plain(text).values).toEqual(values);
  });
});

describe("multipliers: sittings each place held, with no gathering's name ('tại 8 khóm, mỗi khóm 01 buổi'), are meetings", () => {
  it.each([
    ["Truyền thông trực tiếp tại 5 ấp, mỗi ấp 01 buổi, tổng số 180 người tham dự", { hoi_nghi: 5, nguoi_tham_du: 180 }],
    ["tuyên truyền tại 6 thôn, mỗi thôn 1 buổi", { hoi_nghi: 6 }],
    ["chỉ đạo 9 thôn tổ chức Ngày hội, mỗi thôn 01 buổi", { hoi_nghi: 9 }],
    [
      "Nói chuyện chuyên đề tại 4 khóm, mỗi khóm 1 buổi, tổng số 210 người tham dự",
      { hoi_nghi: 4, nguoi_tham_du: 210 },
    ],
    ["chỉ đạo 7 khu dân cư tổ chức ngày hội, mỗi khu dân cư 01 buổi", { hoi_nghi: 7 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a broadcast's sittings each place heard stay the broadcast's", () => {
  it("loa phát tại 5 thôn, mỗi thôn 2 buổi", () => {
    expect(plain("loa phát tại 5 thôn, mỗi thôn 2 buổi").values).toEqual({ phat_thanh: 10 });
  });
});

describe("places listed with their figures in brackets add up ('thôn Đông (10 cái), thôn Tây (8 cái)')", () => {
  it.each([
    ["treo băng rôn ở thôn Đông (10 cái), thôn Tây (8 cái)", { bang_ron: 18 }],
    ["Treo băng rôn tại xóm Bãi (6 cái), xóm Trại (4 cái), xóm Chùa (5 cái).", { bang_ron: 15 }],
    ["Treo băng rôn trên các tuyến Lê Lợi (7 cái), Hùng Vương (5 cái), Bà Triệu (4 cái).", { bang_ron: 16 }],
    ["pano dat tren duong Nguyen Hue (2 cai), Ly Thuong Kiet (1 cai)", { pano: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("findMultipliers: 'mỗi vị trí', 'mỗi địa điểm', 'mỗi nơi' are each of the places counted after 'tại'/'ở' before", () => {
  it.each([
    ["Lắp dựng pa nô tại 4 cửa ngõ xã, mỗi vị trí 01 pa nô.", { pano: 4 }],
    ["Lắp pa nô tại 3 cửa ngõ phường, mỗi vị trí 02 pa nô: 06 pa nô.", { pano: 6 }],
    ["treo băng rôn tại 4 chợ, mỗi vị trí 3 cái", { bang_ron: 12 }],
    ["treo 12 băng rôn tại 4 chợ, mỗi nơi 3 cái", { bang_ron: 12 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markLookAlikes: 'tổ chức' written with its marks after a number is never leaflets ('khối 9 tổ chức muộn')", () => {
  it.each([
    ["Dán 12 áp phích; buổi ngoại khóa do khối 7 tổ chức sau", { ap_phich: 12 }],
    ["phối hợp với 5 tổ chức đoàn thể treo 10 băng rôn", { bang_ron: 10 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markNotDone: a bracket '(không tính vào …)' right after a figure leaves it out; 'bảng tin' is a notice board", () => {
  it.each([
    ["Đăng 9 bài lên fanpage; bài dán trên bảng tin: 3 (không tính vào bài mạng xã hội)", { bai_mxh: 9 }],
    ["băng rôn 6 cái, xe công an 2 lượt (không tính vào xe lưu động)", { bang_ron: 6 }],
    ["phát thanh 20 lượt, loa của trường 5 (không tính vào số của xã)", { phat_thanh: 20 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markHelpDrives: people counselled one by one ('tư vấn xét nghiệm cho 12 người') or reached ('tiếp cận khoảng 2.000 người') attend nothing", () => {
  it.each([
    ["Trạm y tế tư vấn xét nghiệm cho 15 người, phát 200 tờ rơi", { to_roi: 200 }],
    ["tổ chức 1 hội nghị 60 người dự, sau đó tư vấn cho 20 người", { hoi_nghi: 1, nguoi_tham_du: 60 }],
    ["loa xã tiếp cận khoảng 3.000 người dân, phát thanh 25 lượt", { phat_thanh: 25 }],
    ["qua zalo tiep can hon 1.500 nguoi, dang 6 bai len zalo", { bai_mxh: 6 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("sittings of counselling are a gathering's ('3 buổi tư vấn cho 75 người')", () => {
    expect(plain("Trạm y tế tổ chức 3 buổi tư vấn cho 75 người")).toEqual(only({ hoi_nghi: 3, nguoi_tham_du: 75 }));
  });
});

describe("readUnnamedGatherings: people right after the sittings ('họp 1 buổi 45 hội viên'), past the sittings' dates in brackets", () => {
  it.each([
    ["Tháng 10 chi hội họp 1 buổi 38 hội viên", { hoi_nghi: 1, nguoi_tham_du: 38 }],
    ["tổ phụ nữ họp 2 buổi 70 chị em", { hoi_nghi: 2, nguoi_tham_du: 70 }],
    ["chi hoi hop 2 buoi (ngay 3/12 va 17/12), moi buoi 40 hoi vien", { hoi_nghi: 2, nguoi_tham_du: 80 }],
    [
      "T10 họp 1 buổi 40 hội viên\nT11 họp 2 buổi (12/11 và 26/11), mỗi buổi khoảng 45 người\nTổng quý: 3 buổi, 130 lượt",
      { hoi_nghi: 3, nguoi_tham_du: 130 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("countsOtherThing: 'ổ' (a nest, an outbreak site) is a noun, no 'ở' ('xử lý 3 ổ dịch')", () => {
  it.each([
    ["Xử lý 2 ổ dịch sốt xuất huyết, phát 300 tờ rơi", { to_roi: 300 }],
    ["phun thuốc 4 ổ dịch; phát thanh 15 lượt", { phat_thanh: 15 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("labelledParts: figures of one indicator posted on different places add up ('02 tin trên Báo …, 01 tin trên Cổng …')", () => {
  it.each([
    ["Phường cung cấp 03 tin đăng trên Báo Hà Tĩnh và 02 tin trên Cổng TTĐT tỉnh.", { tin_bai: 5 }],
    ["viet 4 tin len bao tinh, 3 tin len trang huyen", { tin_bai: 7 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("the same place said twice stays a question of which figure holds", () => {
    expect(plain("đăng 3 tin trên trang xã. Đăng 4 tin trên trang xã").conflicts).toEqual([
      { code: "tin_bai", values: [3, 4] },
    ]);
  });
});

describe("spoken rates: the times the turns go out at, in brackets, stand between the rate and its span", () => {
  it.each([
    ["Phát thanh: ngày 02 lượt (6h30, 17h00) trong 10 ngày;", { phat_thanh: 20 }],
    ["loa phát ngày 2 lượt (sáng và chiều) trong 10 ngày", { phat_thanh: 20 }],
    ["phat thanh ngay 3 luot (6h, 11h, 17h) trong 5 ngay", { phat_thanh: 15 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("pairing: people coming to a gathering named before them ('họp dân 1 buổi được 98 người về phổ biến') attend", () => {
  it.each([
    ["bản em họp dân 1 buổi được 75 người về nghe phổ biến luật đất đai ạ", { hoi_nghi: 1, nguoi_tham_du: 75 }],
    ["tổ chức 2 hội nghị, có 140 người đến dự", { hoi_nghi: 2, nguoi_tham_du: 140 }],
    ["hop dan 1 buoi duoc 60 nguoi ve du", { hoi_nghi: 1, nguoi_tham_du: 60 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("visitors of a festival are asked about, no attendees ('lễ hội có 3.000 người đến xem')", () => {
    expect(plain("lễ hội có 3.000 người đến xem, treo 10 băng rôn").values).toEqual({ bang_ron: 10 });
  });
});
