import { describe, expect, it } from "vitest";
import { SAMPLE_INDICATORS } from "../../src/core/plans/sample-indicators.js";
import { scoreCorpus } from "../../src/core/reports/corpus-score.js";
import { onlyValues as only, plainReading as plain, readFixture } from "../support/parsed.js";

describe("tables: columns headed by a place's short head ('KP1', 'Buôn 2', 'KP 1') are places", () => {
  it.each([
    [
      "Dạ tổ em tổng hợp 4 khu phố ạ\nHạng mục;KP1;KP2;KP3;KP4;Tổng\nTờ rơi;90;110;75;125;400\nÁp phích;3;2;4;3;12\nHọp tổ;1;1;1;1;4",
      { to_roi: 400, ap_phich: 12, hoi_nghi: 4 },
    ],
    ["Nội dung|KP1|KP2|KP3|Cộng\nTờ rơi|50|60|70|180\nBăng rôn|2|3|1|6", { to_roi: 180, bang_ron: 6 }],
    ["Hạng mục;Buôn 1;Buôn 2;Tổng\nTờ rơi;100;120;220\nHọp dân;1;1;2", { to_roi: 220, hoi_nghi: 2 }],
    ["Nội dung;KP1;KP2\nTờ rơi;40;60\nÁp phích;2;3", { to_roi: 100, ap_phich: 5 }],
    ["Chỉ tiêu | KP 1 | KP 2 | Tổng\nPa nô | 1 | 2 | 3\nBăng rôn | 4 | 5 | 9", { pano: 3, bang_ron: 9 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("readPlainRows: a figure with its unit ('320 tờ') is a row's figure, and one row naming nothing is left alone", () => {
  it.each([
    ["1 | Tờ rơi | 320 tờ\n2 | Băng rôn | 5 cái\n3 | Hội nghị | 2 cuộc", { to_roi: 320, bang_ron: 5, hoi_nghi: 2 }],
    ["1 | Tờ gấp | 320\n2 | Pa nô | 4 cái\n3 | Áp phích | 12", { to_roi: 320, pano: 4, ap_phich: 12 }],
    ["Tờ rơi | 500 tờ\nTin bài | 6 tin\nBăng rôn | 3", { to_roi: 500, tin_bai: 6, bang_ron: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  // (was asked about; by the writers' convention of round 25a, and set 23's expectation, a gathering's sittings
  // beside its attendees are the meetings)
  it("the row of a gathering's sittings is the meetings', its row number is no figure", () => {
    const r = plain(
      "Dạ em gửi số liệu Hội LHPN xã ạ\n1 | Tờ gấp | 320\n2 | Sinh hoạt chi hội lồng ghép | 7 buổi\n3 | Hội viên dự | 245\n4 | Bài đăng Zalo nhóm hội | 10",
    );
    expect(r.values).toEqual({ to_roi: 320, hoi_nghi: 7, nguoi_tham_du: 245, bai_mxh: 10 });
    expect(r.unclear).toEqual([]);
  });
});

describe("tables: a row naming nothing is the indicator whose own measure its unit is (gatherings, people attending)", () => {
  it.each([
    [
      "STT | Nội dung | ĐVT | Thực hiện\n1 | Pa nô dọc tuyến chạy | cái | 14\n2 | Họp báo | cuộc | 1\n3 | Phóng viên, khách mời dự họp báo | người | 65",
      { pano: 14, hoi_nghi: 1, nguoi_tham_du: 65 },
    ],
    [
      "STT | Nội dung | ĐVT | Thực hiện\n1 | Băng rôn | cái | 10\n2 | Họp báo | cuộc | 1\n3 | Phóng viên dự họp báo | người | 30",
      { bang_ron: 10, hoi_nghi: 1, nguoi_tham_du: 30 },
    ],
    [
      "STT | Hoạt động | Đơn vị tính | Kết quả\n1 | Pa nô | cái | 2\n2 | Khán giả tham dự giao lưu | người | 300",
      { pano: 2, nguoi_tham_du: 300 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["STT | Nội dung | ĐVT | Số lượng\n1 | Tờ rơi | tờ | 500\n2 | Thông báo | tờ | 4", "2 | Thông báo | tờ | 4"],
    [
      "STT | Nội dung | ĐVT | Số lượng\n1 | Tờ rơi | tờ | 500\n2 | Phóng viên | người | 4",
      "2 | Phóng viên | người | 4",
    ],
    [
      "STT | Nội dung | ĐVT | Số lượng\n1 | Tờ rơi | tờ | 500\n2 | Kiểm tra cơ sở | cuộc | 3",
      "2 | Kiểm tra cơ sở | cuộc | 3",
    ],
    [
      "TT | Nội dung | ĐVT | Số lượng\n1 | Tờ rơi | tờ | 500\n2 | Gặp gỡ đầu xuân | cuộc | 2",
      "2 | Gặp gỡ đầu xuân | cuộc | 2",
    ],
  ])("pieces, people not said to attend and events not said as gatherings stay asked: %s", (text, asked) => {
    const r = plain(text);
    expect(r.values).toEqual({ to_roi: 500 });
    expect(r.unclear).toEqual([asked]);
  });
});

describe("explainsWrongFigure: the wrong figure said again after a correction and called old is no figure", () => {
  it.each([
    ["Dạ thôn Lũng Vài treo 3 băng rôn ạ. À nhầm ạ, treo 4 cái, 3 là số pa nô cũ ạ", { bang_ron: 4 }],
    ["treo 5 băng rôn. À nhầm, 4 cái thôi, 5 là số của năm ngoái", { bang_ron: 4 }],
    ["Dạ phát 300 tờ rơi ạ. Em nhầm, 250 tờ, 300 là số tờ rơi nhận về", { to_roi: 250 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["xa em treo 7 pano. a sorry a, 7 la bang ron, pano la 3", { bang_ron: 7, pano: 3 }],
    ["đăng 6 tin bài ạ, nhầm ạ 5 tin, 6 là số áp phích", { tin_bai: 5, ap_phich: 6 }],
  ])("said as another indicator's, it moves there: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("findMentions: 'mỗi' (typed 'moi') inside a span is no typo of a name ('to moi' is not 'tờ rơi')", () => {
  it.each([
    ["ap phich 2 mau x 15 to moi mau", { ap_phich: 30 }],
    ["áp phích 3 loại x 20 tờ mỗi loại", { ap_phich: 60 }],
    ["áp phích 60 tờ mỗi loại", { ap_phich: 60 }],
    ["poster 2 mẫu, mỗi mẫu 10 tờ", { ap_phich: 20 }],
    ["tranh cổ động 4 mẫu x 5 tờ", { ap_phich: 20 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a real typo of the name is still read ('to roii')", () => {
    expect(plain("phat 200 to roii")).toEqual(only({ to_roi: 200 }));
  });
});

describe("labelledParts: days of a campaign told apart ('ngày đầu …, ngày sau …', 'hôm 1 …') add up", () => {
  it.each([
    ["xe loa di 2 ngay, ngay dau 3 luot, ngay sau 2 luot", { xe_luu_dong: 5 }],
    ["phát thanh 2 ngày, ngày đầu 4 lượt, ngày thứ hai 3 lượt", { phat_thanh: 7 }],
    ["xe tuyên truyền chạy 3 ngày, ngày 1: 2 lượt, ngày 2: 2 lượt, ngày 3: 1 lượt", { xe_luu_dong: 5 }],
    ["xe loa chạy 2 hôm, hôm đầu 4 lượt, hôm sau 3 lượt", { xe_luu_dong: 7 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("one day named beside the whole is no part ('hôm qua')", () => {
    expect(plain("tuần này xe loa chạy 6 lượt, hôm qua 2 lượt").values.xe_luu_dong).not.toBe(8);
  });
});

describe("dayPartsLasting: a day's rate said by times of day, then how long it went on, multiplies", () => {
  it.each([
    ["loa xa phat sang 1 luot chieu 1 luot, lien tuc 20 ngay truoc bau cu a", { phat_thanh: 40 }],
    ["loa xã phát sáng 2 lượt, chiều 1 lượt, trong 10 ngày", { phat_thanh: 30 }],
    ["loa phát thanh sáng 1 lượt, tối 1 lượt, liên tục 7 ngày", { phat_thanh: 14 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("a product stated after the span is the figure ('…, suốt 10 ngày, tổng 20 lượt')", () => {
    expect(plain("loa phát thanh sáng 1 lượt, chiều 1 lượt, suốt 10 ngày, tổng 20 lượt").values).toEqual({
      phat_thanh: 20,
    });
  });
});

describe("multipliers: a place after 'mỗi <unit>' says which units, and a count in brackets after it is used", () => {
  it.each([
    [
      "Xã tổ chức 1 hội nghị trực tuyến với 9 điểm cầu tại các bản, mỗi điểm cầu bản 20 người.",
      { hoi_nghi: 1, nguoi_tham_du: 180 },
    ],
    ["tổ chức 4 hội nghị ở các thôn, mỗi hội nghị thôn 50 người", { hoi_nghi: 4, nguoi_tham_du: 200 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("joinedToProduct: a product and one more figure of its indicator joined by 'và' add up", () => {
  it.each([
    ["Phường Phước Long treo 2 pa nô tại mỗi cửa ngõ phường (3 cửa ngõ) và 1 pa nô tại trụ sở.", { pano: 7 }],
    [
      "Xã Mường Nhé tổ chức 1 hội nghị trực tuyến với 1 điểm cầu chính tại xã (65 đại biểu) và 9 điểm cầu tại các bản, mỗi điểm cầu bản 20 người.",
      { hoi_nghi: 1, nguoi_tham_du: 245 },
    ],
    ["treo 2 băng rôn ở mỗi thôn (5 thôn) và 3 băng rôn ở trụ sở xã", { bang_ron: 13 }],
    ["treo 1 pa nô tại mỗi cổng trường (4 trường) và 2 pa nô tại chợ", { pano: 6 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("findStatedZeros: 'chưa họp được cuộc/buổi nào' says no meeting was held", () => {
  it.each([
    ["thôn em tháng này chưa họp được cuộc nào vì bà con đi làm rẫy hết ạ", { hoi_nghi: 0 }],
    ["quý này thôn chưa họp được buổi nào vì mưa lũ", { hoi_nghi: 0 }],
    ["tổ em chưa họp dân được cuộc nào ạ", { hoi_nghi: 0 }],
    ["tháng này chưa tổ chức được hội nghị nào", { hoi_nghi: 0 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("'chưa họp' alone may be still to come: no zero", () => {
    expect(plain("thôn em chưa họp, tuần sau mới họp ạ").values).toEqual({});
  });
});

describe("multipliers: 'mỗi cái' after two things or more (joined by 'và', 'với') is each kind's figure", () => {
  it.each([
    ["Dạ pa nô với cụm cổ động mỗi cái 1 ạ, áp phích thì 6 tờ ạ", { pano: 1, cum_co_dong: 1, ap_phich: 6 }],
    ["băng rôn với áp phích mỗi loại 5 cái", { bang_ron: 5, ap_phich: 5 }],
    ["pa nô và băng rôn mỗi thứ 2 cái", { pano: 2, bang_ron: 2 }],
    ["dạ áp phích với pa nô mỗi cái 3 ạ", { ap_phich: 3, pano: 3 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it.each([
    ["treo 3 pa nô, mỗi cái 2 mét", { pano: 3 }],
    ["2 phóng sự và 2 chuyên mục, mỗi cái phát 1 lần", { phong_su: 2, chuyen_muc: 2 }],
  ])("after one thing, or past its figures, it stays a detail: %s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("markCountsOfLabelledParts: rounds told apart by words or periods ('đợt đầu', 'đợt tháng 10') add up", () => {
  it.each([
    ["Hội Nông dân xã: phát tờ rơi 2 đợt, đợt tháng 10 là 600 tờ, đợt tháng 12 là 450 tờ.", { to_roi: 1050 }],
    ["phát tờ rơi 2 đợt, đợt 1 là 300 tờ, đợt 2 là 200 tờ", { to_roi: 500 }],
    ["treo băng rôn 2 đợt, đợt tháng 9 là 4 cái, đợt tháng 11 là 6 cái", { bang_ron: 10 }],
    ["đăng tin bài 2 đợt, đợt đầu là 3 tin, đợt sau là 5 tin", { tin_bai: 8 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("multipliers: 'mỗi người dự' is counted by the attendees' measure ('90 người', 'mỗi buổi 30 người')", () => {
  it.each([
    [
      "Trạm Y tế xã Thượng Trạch phối hợp tổ chức 3 buổi truyền thông tại 3 bản, mỗi buổi 30 người; phát cho mỗi người dự 1 tờ rơi.",
      { hoi_nghi: 3, nguoi_tham_du: 90, to_roi: 90 },
    ],
    ["tổ chức 1 hội nghị 90 người; phát cho mỗi người dự 1 tờ rơi.", { hoi_nghi: 1, nguoi_tham_du: 90, to_roi: 90 }],
    ["hội nghị có 120 người dự, mỗi người dự được phát 2 tờ rơi", { nguoi_tham_du: 120, to_roi: 240 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("twenty-third development set (every kind, 14 each, by a writer who never saw the parser)", () => {
  it("keeps its floor", () => {
    const score = scoreCorpus(readFixture("report-corpus-real-23.jsonl"), SAMPLE_INDICATORS);
    expect(score.exact).toBeGreaterThanOrEqual(113);
  });
});
