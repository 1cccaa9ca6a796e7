import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { readCorpus, scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { readSample as read } from "../support/parsed.js";

const only = (values: Record<string, number>) => ({ values, references: [], unclear: [], conflicts: [] });
const expectOnly = (text: string, values: Record<string, number>) => {
  const got = read(text);
  expect({ values: got.values, references: got.references, unclear: got.unclear, conflicts: got.conflicts }).toEqual(
    only(values),
  );
};

describe("markNonValues: a count of places in a sentence naming no indicator is context", () => {
  it.each([
    ["to 5 thang 4: phat 90 to roi, br 2. to em 95 ho", { to_roi: 90, bang_ron: 2 }],
    ["Thôn Đông: họp dân 1 buổi, 52 người. Thôn em có 140 hộ.", { hoi_nghi: 1, nguoi_tham_du: 52 }],
    ["áp phích 4 cái; xóm em 3 xóm nhỏ", { ap_phich: 4 }],
  ])("%s", (text, values) => expectOnly(text, values));

  it("the only figure of the message stays a figure: 'treo pano 3 thôn'", () => {
    expect(read("treo pano 3 thôn").values).toEqual({ pano: 3 });
  });
});

describe("markNonValues: staff on duty are no attendees", () => {
  it.each([
    ["Tin bài 4, chuyên mục 1. Cán bộ trực 2 người", { tin_bai: 4, chuyen_muc: 1 }],
    ["pano 2, ap phich 6. chuyen vien phu trach: 1 nguoi", { pano: 2, ap_phich: 6 }],
    ["hop dan 1 cuoc 55 nguoi, cb truc 2 nguoi", { hoi_nghi: 1, nguoi_tham_du: 55 }],
    ["Phát 300 tờ rơi; công chức đầu mối 1 người", { to_roi: 300 }],
  ])("%s", (text, values) => expectOnly(text, values));
});

describe("markNonValues: a place's capacity is no figure", () => {
  it.each([
    ["Họp dân 1 buổi tại nhà văn hóa (sức chứa 120 người), 75 người dự", { hoi_nghi: 1, nguoi_tham_du: 75 }],
    ["hoi nghi 1 cuoc o hoi truong suc chua khoang 200 nguoi, 140 dai bieu", { hoi_nghi: 1, nguoi_tham_du: 140 }],
    ["Tập huấn 1 hội nghị, 60 người dự, hội trường 150 chỗ ngồi", { hoi_nghi: 1, nguoi_tham_du: 60 }],
  ])("%s", (text, values) => expectOnly(text, values));
});

describe("markLookAlikes: loudspeakers counted are no broadcasts", () => {
  it.each([
    ["phuong co 20 loa truyen thanh, thang nay phat 45 luot", { phat_thanh: 45 }],
    ["Thôn có 4 chiếc loa truyền thanh không dây; phát thanh 12 lượt.", { phat_thanh: 12 }],
    ["phát thanh 30 lượt qua 9 loa", { phat_thanh: 30 }],
  ])("%s", (text, values) => expectOnly(text, values));

  it("a row's number before 'Loa truyền thanh' is no count of loudspeakers", () => {
    expect(read("TT\tNội dung\tSố lượng\n1\tPa nô\t2\n2\tLoa truyền thanh\t15 lượt").values).toEqual({
      pano: 2,
      phat_thanh: 15,
    });
  });
});

describe("markNotDone: taken down, repaired parts and bracketed 'không tính' are no figures", () => {
  it.each([
    ["treo 6 băng rôn mới, thu hồi 3 băng rôn cũ", { bang_ron: 6 }],
    ["thao do 2 pano hong; treo 1 pano moi", { pano: 1 }],
    ["Pano 2 cái. Sửa lại khung pa nô 3 cái", { pano: 2 }],
    ["ap phich 8, sua chua chan pano cu 1 cai, pano moi 2", { ap_phich: 8, pano: 2 }],
    ["xe lưu động 3 lượt; 1 lượt xe của huyện về hỗ trợ (không tính)", { xe_luu_dong: 3 }],
    ["tin bai 5, 2 bai chia se lai tu huyen (ko tinh a)", { tin_bai: 5 }],
  ])("%s", (text, values) => expectOnly(text, values));
});

describe("markNonValueSpans: lengths and prices are no counts", () => {
  it.each([
    ["Treo 2 pano (kích thước cao 3 m), phát 100 tờ rơi", { pano: 2, to_roi: 100 }],
    ["bang ron 4 cai, moi cai dai 5 met", { bang_ron: 4 }],
    ["pa nô 1,5m, 2 cái", { pano: 2 }],
    ["thuê loa 500k/buổi, phát thanh 12 lượt", { phat_thanh: 12 }],
    ["in tờ rơi 2 nghìn/tờ, phát 400 tờ", { to_roi: 400 }],
  ])("%s", (text, values) => expectOnly(text, values));
});

describe("labels and look-alikes: addresses, places and papers counted in passing", () => {
  it.each([
    ["băng rôn 3 cái ở ngõ 12", { bang_ron: 3 }],
    ["treo 2 pano đầu hẻm 7, áp phích 5", { pano: 2, ap_phich: 5 }],
    ["phat 80 to roi trong ngo 30", { to_roi: 80 }],
    ["phát 200 tờ rơi. 6 tdp đều đã nhận", { to_roi: 200 }],
    ["thôn có 5 to tu quan; hop dan 2 buoi, 90 nguoi", { hoi_nghi: 2, nguoi_tham_du: 90 }],
    ["nhận 25 tờ khai, phát 300 tờ rơi", { to_roi: 300 }],
    ["Tiếp nhận 12 tờ khai; tin bài 3", { tin_bai: 3 }],
  ])("%s", (text, values) => expectOnly(text, values));
});

describe("normaliseAndTokenise: 'ap' and 'ng' in a run of figures", () => {
  it.each([
    ["pn 2, ap 7, tr 300", { pano: 2, ap_phich: 7, to_roi: 300 }],
    ["BR 4 ap 10 hn 2", { bang_ron: 4, ap_phich: 10, hoi_nghi: 2 }],
    ["hội nghị 1 cuộc, người 65", { hoi_nghi: 1, nguoi_tham_du: 65 }],
    ["hn 2, ng: 140", { hoi_nghi: 2, nguoi_tham_du: 140 }],
  ])("%s", (text, values) => expectOnly(text, values));

  it("'ap' opening a clause is a hamlet, never a poster", () => {
    expect(read("ap 3 treo 2 pano").values).toEqual({ pano: 2 });
  });

  it("'người' as the unit of a figure stays its unit: 'họp dân 2 buổi 80 người 3 pano'", () => {
    expect(read("họp dân 2 buổi 80 người 3 pano").values).toEqual({ hoi_nghi: 2, pano: 3 });
  });
});

describe("findCorrections: more ways to correct a figure", () => {
  it.each([
    ["pano 4, áp phích 9. em gõ nhầm áp phích 8 ạ", { pano: 4, ap_phich: 8 }],
    ["chuyên mục 2\nem ghi nham cm 3 a", { chuyen_muc: 3 }],
    ["Xin sửa tờ rơi 300 thành 350 ạ", { to_roi: 350 }],
    ["sua 18 thanh 20 bang ron", { bang_ron: 20 }],
    ["tin bai 4, em doi tin bai 4 thanh 5", { tin_bai: 5 }],
    ["hội nghị: cũ 3, mới 2", { hoi_nghi: 2 }],
    ["áp phích cũ 12 cái mới 15 cái", { ap_phich: 15 }],
    ["pano 5 thay bằng 6 ạ", { pano: 6 }],
    ["phát thanh 30 lượt thay cho 25 lượt đã báo", { phat_thanh: 30 }],
    ["pano 3 cái, áp phích không phải 5 mà là 6", { pano: 3, ap_phich: 6 }],
    ["Hôm qua em báo 8 pano là thiếu, đúng là 9 pano", { pano: 9 }],
    ["tin bai 6. lan truoc e bao 5 la nham", { tin_bai: 6 }],
  ])("%s", (text, values) => expectOnly(text, values));

  it("what an earlier message said wrongly, in brackets, stays the wrong one", () => {
    expect(read("băng rôn 15 (tin nhắn trước e ghi nhầm băng rôn 17)").values).toEqual({ bang_ron: 15 });
  });
});

describe("aliases: a village's or a group's own meeting is a meeting", () => {
  it.each([
    ["họp tổ 1 buổi, 38 người dự", { hoi_nghi: 1, nguoi_tham_du: 38 }],
    ["hop thon 2 buoi, 120 nguoi", { hoi_nghi: 2, nguoi_tham_du: 120 }],
    ["Họp xóm 1 cuộc 35 người", { hoi_nghi: 1, nguoi_tham_du: 35 }],
  ])("%s", (text, values) => expectOnly(text, values));

  it("'nhà văn hóa thôn 14' is no typo of 'họp thôn'", () => {
    expect(read("Hội nghị 1 cuộc tại nhà văn hoá thôn 9").values).toEqual({ hoi_nghi: 1 });
    expect(read("hop dan 1 buoi o nha van hoa to 6, 50 nguoi").values).toEqual({ hoi_nghi: 1, nguoi_tham_du: 50 });
  });
});

describe("findStatedZeros: where it was not done may close the statement", () => {
  it.each([
    ["không có tin bài mới trên cổng thông tin; đăng 6 bài trên fanpage.", { tin_bai: 0, bai_mxh: 6 }],
    ["Không treo pa nô ở thôn; băng rôn 4", { pano: 0, bang_ron: 4 }],
    ["khong co phong su tren dai, chuyen muc 2", { phong_su: 0, chuyen_muc: 2 }],
    ["xe loa thang 5 khong ve thon", { xe_luu_dong: 0 }],
    ["phóng sự quý 2 không có", { phong_su: 0 }],
    ["hội nghị tháng 5 không tổ chức, tờ rơi 200", { hoi_nghi: 0, to_roi: 200 }],
  ])("%s", (text, values) => expectOnly(text, values));

  it("a figure after the place is still the figure: 'không phát tờ rơi tại chợ 3 lần' says no zero", () => {
    expect(read("không phát tờ rơi tại chợ 3 lần").values.to_roi).not.toBe(0);
  });
});

describe("markNonValues: row numbers of a table typed with single spaces under 'STT'", () => {
  it.each([
    [
      "STT Chỉ tiêu ĐVT Số lượng\n1 Băng rôn cái 7\n2 Tờ rơi tờ 450\n3 Hội nghị cuộc 1",
      { bang_ron: 7, to_roi: 450, hoi_nghi: 1 },
    ],
    ["tt noi dung sl\n1 pano 2\n2 ap phich 9\n3 xe luu dong -", { pano: 2, ap_phich: 9 }],
    ["stt ten chi tieu ket qua\n1 tin bai 4\n2 phat thanh 25 luot", { tin_bai: 4, phat_thanh: 25 }],
  ])("%s", (text, values) => expectOnly(text, values));

  it("without the header a line's first figure is still read", () => {
    expect(read("2 pano, 3 băng rôn").values).toEqual({ pano: 2, bang_ron: 3 });
  });
});

describe("markLookAlikes and pairing: messages counted by their head word; a name qualified by where it was posted", () => {
  it.each([
    ["Tin nhắn phản hồi của dân 25 tin; tin bài 3", { tin_bai: 3 }],
    ["tin nhắn hỏi đáp: 18 tin, đăng 4 tin bài", { tin_bai: 4 }],
    ["tờ khai 40 tờ, tờ rơi 200 tờ", { to_roi: 200 }],
    ["tin bai tren cong 5 bai, dang 7 bai zalo", { tin_bai: 5, bai_mxh: 7 }],
    ["tin bài đăng lên trang 4 bài", { tin_bai: 4 }],
    ["zalo 6 bài; tin bài trên cổng 0 bài", { bai_mxh: 6, tin_bai: 0 }],
  ])("%s", (text, values) => expectOnly(text, values));

  it("'cộng' before a figure is still a stated total", () => {
    expect(read("pano thon 1: 3, thon 2: 4, cong: 7 pano").values).toEqual({ pano: 7 });
  });
});

describe("markNotDone: what was received from above is no figure", () => {
  it.each([
    ["Thôn nhận 300 tờ rơi từ UBND xã; đã phát 280 tờ.", { to_roi: 280 }],
    ["nhận từ huyện 300 tờ rơi, phát hết 250 tờ", { to_roi: 250 }],
    ["xã nhận 12 áp phích từ Trung tâm, thôn treo 10 áp phích", { ap_phich: 10 }],
    ["thang 2 xa nhan 15 to trinh tu cac thon, dang 4 tin bai", { tin_bai: 4 }],
  ])("%s", (text, values) => expectOnly(text, values));

  it("received, then put up, counts: 'nhận 5 băng rôn từ xã về treo'", () => {
    expect(read("thon nhan 5 bang ron tu xa ve treo").values).toEqual({ bang_ron: 5 });
  });
});

describe("markPlaceCounts: village gates are places counted", () => {
  it.each([
    ["treo 2 băng rôn ở 2 cổng làng", { bang_ron: 2 }],
    ["e treo 3 pano o 3 cong lang, ap phich 4", { pano: 3, ap_phich: 4 }],
    ["phat to roi tai 4 cong lang 200 to", { to_roi: 200 }],
  ])("%s", (text, values) => expectOnly(text, values));
});

describe("combineValues: per-village figures listed after one name are summed", () => {
  it.each([
    ["pano thon 1: 2, thon 2: 1, thon 3: 3", { pano: 6 }],
    ["Băng rôn: thôn 1 treo 2, thôn 2 treo 3", { bang_ron: 5 }],
    ["thôn Đông phát 100 tờ rơi, thôn Tây phát 120 tờ rơi", { to_roi: 220 }],
    ["tờ rơi: thôn Đông 100, thôn Tây 120, thôn Nam 80", { to_roi: 300 }],
    ["pano: thôn Bắc 2, thôn Nam 3", { pano: 5 }],
    ["Xóm Trên 4 băng rôn, xóm Dưới 3 băng rôn", { bang_ron: 7 }],
  ])("%s", (text, values) => expectOnly(text, values));

  it("a breakdown after 'trong đó' stays a part of the total", () => {
    expect(read("phát 900 tờ rơi (trong đó thôn 1: 400, thôn 2: 500)").values).toEqual({ to_roi: 900 });
  });

  it("a place's figure beside an unlabelled one is still asked about", () => {
    const got = read("pano 5, thôn 2: 3");
    expect(got.values).toEqual({ pano: 5 });
    expect(got.unclear).toHaveLength(1);
  });

  it("a place's name ending in a number is still part of the name", () => {
    expect(read("thôn Khe Giao 2 hoàn thành treo 3 pano").values).toEqual({ pano: 3 });
  });
});

describe("background people and distances", () => {
  it.each([
    ["đoàn 5 người đi phát 300 tờ", { to_roi: 300 }],
    ["3 người cùng treo 4 băng rôn", { bang_ron: 4 }],
    ["tổ 4 người đi dán 20 áp phích", { ap_phich: 20 }],
    ["làm 1 pano, 3 người dựng trong 2 ngày", { pano: 1 }],
    ["hop dan 1 buoi 45 nguoi, 2 nguoi phat to roi 100 to", { hoi_nghi: 1, nguoi_tham_du: 45, to_roi: 100 }],
    ["loa thôn hỏng 2 cái, sửa xong 1, phát thanh 15 lượt", { phat_thanh: 15 }],
    ["loa phát 30 lượt, loa cách nhà văn hóa 200 m", { phat_thanh: 30 }],
    ["xe luu dong 2 luot, diem xa nhat cach xa 7 km", { xe_luu_dong: 2 }],
  ])("%s", (text, values) => expectOnly(text, values));

  it("people who speak at the meeting stay attendees: '60 người phát biểu'", () => {
    expect(read("hội nghị 1 cuộc, 60 người phát biểu").values).toEqual({ hoi_nghi: 1, nguoi_tham_du: 60 });
  });

  it("people said to attend stay attendees: 'họp dân 1 buổi, 60 người đi dự'", () => {
    expect(read("họp dân 1 buổi, 60 người đi dự").values).toEqual({ hoi_nghi: 1, nguoi_tham_du: 60 });
  });
});

describe("findCorrections: what was said before, named as such", () => {
  it.each([
    ["tin bai 3 (e bao lai, truoc la 2)", { tin_bai: 3 }],
    ["pano 4 cái (cũ là 3)", { pano: 4 }],
  ])("%s", (text, values) => expectOnly(text, values));
});

describe("markLookAlikes: shares, reach and stated totals of views are told in passing", () => {
  it.each([
    ["fanpage 8 bài, 150 lượt chia sẻ", { bai_mxh: 8 }],
    ["tin bai 3, tong 5.000 luot xem", { tin_bai: 3 }],
    ["Bài đăng zalo 6 bài; tổng lượt tiếp cận 9 nghìn", { bai_mxh: 6 }],
  ])("%s", (text, values) => expectOnly(text, values));

  it("a post's views are still asked about: 'đăng 4 tin bài, đạt 2.300 lượt xem'", () => {
    const got = read("đăng 4 tin bài, đạt 2.300 lượt xem");
    expect(got.values).toEqual({ tin_bai: 4 });
    expect(got.unclear).toHaveLength(1);
  });
});

describe("readTables: a table typed with single spaces under its header", () => {
  it.each([
    ["tt chi tieu kh th\n1 pano 5 4\n2 bang ron 10 10", { pano: 4, bang_ron: 10 }],
    ["chi tieu ke hoach thuc hien ty le\nto roi 500 450 90%\npano 2 2 100%", { to_roi: 450, pano: 2 }],
    ["Nội dung Kế hoạch Kết quả\nBăng rôn 10 12\nHội nghị 2 -", { bang_ron: 12 }],
    ["STT Nội dung ĐVT Thực hiện\n1 Pa nô cái 2\n2 Tờ rơi tờ 300\n3 Hội nghị cuộc -", { pano: 2, to_roi: 300 }],
  ])("%s", (text, values) => expectOnly(text, values));

  it.each([
    ["chi tieu thon1 thon2 tong\nbr 2 3 5\nto roi 100 150 250", { bang_ron: 5, to_roi: 250 }],
    ["noi dung thon 1 thon 2 thon 3 cong\npano 1 1 - 2\nap phich 3 2 1 6", { pano: 2, ap_phich: 6 }],
    ["chi tieu thon1 thon2\nbr 2 3\nto roi 100 150", { bang_ron: 5, to_roi: 250 }],
    ["noi dung thon 1 thon 2 thon 3\npano 1 1 -\nap phich - - -\nhoi nghi 1 1 1", { pano: 2, hoi_nghi: 3 }],
  ])("per-village columns: the Tổng column, else their sum: %s", (text, values) => expectOnly(text, values));

  it.each([
    ["chi tieu thang 1 thang 2 thang 3 tong quy\nto roi 200 150 250 600\npano 1 - 1 2", { to_roi: 600, pano: 2 }],
    ["chi tieu thang 4 thang 5 cong\nbr 2 1 3\nap phich 4 - 4", { bang_ron: 3, ap_phich: 4 }],
  ])("month columns: the Cộng / Tổng quý column: %s", (text, values) => expectOnly(text, values));

  it("two words that are no header leave the lines to the pairing", () => {
    expect(read("chi tieu sl\npano 3\nbr 5").values).toEqual({ pano: 3, bang_ron: 5 });
  });
});

describe("report-corpus-real-13.jsonl (village heads and commune officers after the merger)", () => {
  it("reads at least the floor of the thirteenth development set exactly", () => {
    const cases = readCorpus(readFileSync(new URL("../fixtures/report-corpus-real-13.jsonl", import.meta.url), "utf8"));
    expect(scoreCorpus(cases, SAMPLE_INDICATORS).exact).toBeGreaterThanOrEqual(145);
  });
});
