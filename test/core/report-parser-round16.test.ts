import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { parseReport } from "../../src/core/reports/report-parser.js";

const read = (text: string) => parseReport(text, SAMPLE_INDICATORS);
const plain = (text: string) => {
  const r = read(text);
  return { values: r.values, unclear: r.unclear, conflicts: r.conflicts };
};
const only = (values: Record<string, number>) => ({ values, unclear: [], conflicts: [] });

describe("number forms: tens split into a digit and 'mươi'", () => {
  it.each([
    ["phat thanh 2 muoi 5 luot", { phat_thanh: 25 }],
    ["treo 3 mươi băng rôn", { bang_ron: 30 }],
    ["Phát 2 mươi 4 tờ rơi", { to_roi: 24 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markContextCounts: seats, gates and speakers are context", () => {
  it.each([
    ["Tổ chức 1 hội nghị tại hội trường 200 chỗ, có 150 người tham dự", { hoi_nghi: 1, nguoi_tham_du: 150 }],
    ["Hội trường xã 300 chỗ, họp dân 2 buổi, 180 người dự", { hoi_nghi: 2, nguoi_tham_du: 180 }],
    ["Tập huấn 1 lớp ở phòng họp 60 chỗ, 45 học viên", { hoi_nghi: 1, nguoi_tham_du: 45 }],
  ])("a hall's seats: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["Treo 12 băng rôn tại 3 cổng trường học", { bang_ron: 12 }],
    ["Dán 20 áp phích ở 4 cổng chợ", { ap_phich: 20 }],
    ["Băng rôn 6 cái, treo trước 2 cổng UBND", { bang_ron: 6 }],
  ])("gates: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["Mời 3 báo cáo viên, tổ chức 2 hội nghị, 160 người tham dự", { hoi_nghi: 2, nguoi_tham_du: 160 }],
    ["moi 2 tuyen truyen vien, hop dan 1 buoi 50 nguoi", { hoi_nghi: 1, nguoi_tham_du: 50 }],
    ["Hội nghị 1 cuộc, 4 báo cáo viên trình bày, 90 đại biểu", { hoi_nghi: 1, nguoi_tham_du: 90 }],
  ])("speakers by role: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each(["to roi 200 cho cac ho dan", "Tờ rơi 200 cho các hộ"])("'cho' (for) after a figure keeps it: %s", (text) => {
    expect(plain(text)).toEqual(only({ to_roi: 200 }));
  });
});

describe("workforce: people who do the work are no attendees", () => {
  it.each([
    ["Treo 5 băng rôn, huy động 12 đoàn viên tham gia", { bang_ron: 5 }],
    ["Treo 7 bang ron, 5 can bo doan thanh nien tham gia treo", { bang_ron: 7 }],
    ["Điều động 8 thanh niên tình nguyện, dán 40 áp phích", { ap_phich: 40 }],
    ["phan cong 3 can bo, phat 200 to roi", { to_roi: 200 }],
    ["Phát 600 tờ rơi, 20 hội viên tham gia phát", { to_roi: 600 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("people said to attend a meeting still are its attendees", () => {
    expect(read("40 cán bộ tham gia hội nghị").values).toEqual({ nguoi_tham_du: 40 });
    expect(read("huy động 40 đoàn viên dự hội nghị").values).toEqual({ nguoi_tham_du: 40 });
  });
});

describe("non-value spans: areas are sizes", () => {
  it.each([
    ["dung 2 cum co dong, dien tich 12 m2", { cum_co_dong: 2 }],
    ["pano 3 cai, tong dien tich 24 m²", { pano: 3 }],
    ["Làm 1 pa nô 18 mét vuông tại ngã ba", { pano: 1 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markContextCounts: residents and unmarked gates are context", () => {
  it.each([
    ["Thôn Đông có 230 hộ, 1.050 khẩu; họp thôn 1 cuộc, 85 người dự", { hoi_nghi: 1, nguoi_tham_du: 85 }],
    ["Tổ 4 có 80 hộ 320 nhân khẩu, phát 80 tờ rơi", { to_roi: 80 }],
    ["xom co 95 ho, 410 nhan khau; treo 2 bang ron", { bang_ron: 2 }],
    ["Treo 12 bang ron tai 3 cong truong hoc", { bang_ron: 12 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("'khẩu hiệu' after a number is still slogans", () => {
    expect(read("treo 230 khẩu hiệu").values).toEqual({ bang_ron: 230 });
  });
});

describe("markPartsLists: a count of parts, then one figure per part, is their sum", () => {
  it.each([
    ["Tập huấn 3 lớp: 35, 40, 42 học viên", { hoi_nghi: 3, nguoi_tham_du: 117 }],
    ["họp dân 3 buổi: 40, 52 và 38 người", { hoi_nghi: 3, nguoi_tham_du: 130 }],
    ["hoi nghi 2 cuoc: 60 va 75 nguoi tham du", { hoi_nghi: 2, nguoi_tham_du: 135 }],
    ["tờ rơi phát 2 đợt: 300, 250 tờ", { to_roi: 550 }],
    ["Phat to roi 3 dot: 200, 150, 100 to", { to_roi: 450 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("as many figures as parts only: a short list keeps its figures to ask", () => {
    expect(read("Tập huấn 3 lớp: 35, 40 học viên").values.nguoi_tham_du).not.toBe(75);
  });
});

describe("findArithmetic: a rate whose unit names an indicator, times a count", () => {
  it.each([
    ["2 pano/thon x 6 thon", { pano: 12 }],
    ["treo 2 pano/thôn x 6 thôn", { pano: 12 }],
    ["3 băng rôn/trường × 4 trường", { bang_ron: 12 }],
    ["phat 2 to roi/ho x 300 ho", { to_roi: 600 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a rate with no count stays asked", () => {
    expect(read("2 pano/thon").unclear).toEqual(["2 pano/thon"]);
  });
});

describe("number words: a bare 'chục' opening a number is ten", () => {
  it.each([
    ["Băng rôn: chục cái", { bang_ron: 10 }],
    ["treo chuc cai bang ron", { bang_ron: 10 }],
    ["phat chuc to roi", { to_roi: 10 }],
    ["tờ rơi: chục nghìn tờ", { to_roi: 10000 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each(["treo hàng chục băng rôn", "phát mấy chục tờ rơi", "pano: vài chục cái"])(
    "a vague 'chục' is still asked: %s",
    (text) => {
      expect(read(text).values).toEqual({});
      expect(read(text).unclear.length).toBe(1);
    },
  );
});

describe("non-value spans: money labels, paper sizes, crossroads and time spent", () => {
  it.each([
    ["Hội nghị 1 cuộc, tiết kiệm 30% kinh phí, 65 đại biểu", { hoi_nghi: 1, nguoi_tham_du: 65 }],
    ["Hội nghị 2 cuộc; tiết kiệm chi phí; 80 người dự", { hoi_nghi: 2, nguoi_tham_du: 80 }],
    ["tap huan 1 lop, giam kinh phi, 40 hoc vien", { hoi_nghi: 1, nguoi_tham_du: 40 }],
  ])("a count after a cost's label and a comma keeps its noun: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a cost's label then its sum is still money", () => {
    expect(plain("kinh phí: 12.000.000, in 300 tờ rơi")).toEqual(only({ to_roi: 300 }));
  });

  it.each([
    ["In 1.000 tờ rơi khổ A4, 2 mặt", { to_roi: 1000 }],
    ["in to roi a4 500 to", { to_roi: 500 }],
    ["Treo 3 pano khổ 2x3m tại ngã 4", { pano: 3 }],
    ["ngã 3 Bến Thủy treo 2 pano", { pano: 2 }],
    ["Phát thanh 18 lượt bằng 2 thứ tiếng", { phat_thanh: 18 }],
    ["Khu dân cư số 4 có 6 tổ, họp dân 1 cuộc, 55 người", { hoi_nghi: 1, nguoi_tham_du: 55 }],
    ["Treo 10 băng rôn, 2 người treo mất 1 buổi sáng", { bang_ron: 10 }],
    ["phat 500 to roi, mat 2 ngay", { to_roi: 500 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("sessions that are not time spent stay a figure", () => {
    expect(read("họp dân 2 buổi, 90 người").values).toEqual({ hoi_nghi: 2, nguoi_tham_du: 90 });
  });
});

describe("non-value spans: lengths and weights after a figure", () => {
  it.each([
    ["Bang ron 5 cai, moi cai 3 met", { bang_ron: 5 }],
    ["Băng rôn 5 cái, mỗi cái 3 mét", { bang_ron: 5 }],
    ["bang ron 5 cai, moi cai 3m", { bang_ron: 5 }],
    ["treo 4 bang ron dọc 200 m duong", { bang_ron: 4 }],
    ["Dựng 1 cụm cổ động nặng 200 kg", { cum_co_dong: 1 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("'mỗi cái' with a count of its own still multiplies", () => {
    expect(read("pano 2 cai/thon x 6 thon").values).toEqual({ pano: 12 });
  });
});

describe("context: broadcasters, poles and more labels of a place", () => {
  it.each([
    ["Phát thanh 20 lượt, đài có 2 phát thanh viên", { phat_thanh: 20 }],
    ["3 phat thanh vien, phat thanh 14 luot", { phat_thanh: 14 }],
    ["Dán 40 áp phích ở 20 cột điện", { ap_phich: 40 }],
    ["dan ap phich 25 cai tren 10 cot dien", { ap_phich: 25 }],
    ["Tổ dân phố số 9 và số 10 treo chung 4 băng rôn", { bang_ron: 4 }],
    ["tdp so 3, so 4 treo 6 bang ron", { bang_ron: 6 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markPartsLists: parts labelled one by one", () => {
  it.each([
    ["Tập huấn 2 lớp, lớp 1: 30, lớp 2: 35 học viên", { hoi_nghi: 2, nguoi_tham_du: 65 }],
    ["hop dan 3 buoi, buoi 1: 40, buoi 2: 45, buoi 3: 50 nguoi", { hoi_nghi: 3, nguoi_tham_du: 135 }],
    ["Phát tờ rơi 2 đợt, đợt 1: 300, đợt 2: 250 tờ", { to_roi: 550 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});
