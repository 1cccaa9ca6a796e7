import { describe, expect, it } from "vitest";
import { onlyValues as only, plainReading as plain } from "../support/parsed.js";

// Pasted tables (round 28g): clips on social media are posts, equipment counted in its unit is no broadcast,
// a correction written under the table names a row by its number, "x"/"-" cells are nothing done
describe("a table row of clips or videos on a social channel counts posts", () => {
  it.each([
    ["bc mxh phuong Tan An\nHình thức | Số lượng\nBài đăng Facebook | 9\nVideo Youtube | 3", { bai_mxh: 12 }],
    ["STT;Nội dung;ĐVT;Số lượng\n1;Clip Tiktok chi đoàn;clip;6\n2;Băng rôn;cái;4", { bai_mxh: 6, bang_ron: 4 }],
    ["Noi dung | SL\nvideo tiktok | 5\nto roi | 300", { bai_mxh: 5, to_roi: 300 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a clip's views written in its row's note are asked about, the row's count stays", () => {
  it.each([
    [
      "Hình thức | Số lượng | Ghi chú\nClip Zalo | 4 | hơn 6 nghìn lượt xem\nPa nô | 2 |",
      { bai_mxh: 4, pano: 2 },
      ["6 nghìn"],
    ],
    [
      "Nội dung;ĐVT;SL;Ghi chú\nĐăng lên Youtube;video;3;tổng 12.500 lượt xem\nTờ rơi;tờ;500;",
      { bai_mxh: 3, to_roi: 500 },
      ["12.500"],
    ],
    // a post's views are told in passing, as in prose
    [
      "Nội dung | SL | Ghi chú\nBài đăng fanpage | 7 | khoảng 3.000 lượt xem\nTờ rơi | 500 |",
      { bai_mxh: 7, to_roi: 500 },
      [],
    ],
  ])("%s", (text, values, unclear) => {
    const got = plain(text);
    expect(got.values).toEqual(values);
    expect(got.unclear).toHaveLength(unclear.length);
    for (const part of unclear) expect(got.unclear.some((u) => u.includes(part))).toBe(true);
  });
});

describe("loudspeakers counted as equipment in a table ('Cụm loa … | cụm') are no broadcasts", () => {
  it.each([
    [
      "TT | Nội dung | ĐVT | Số lượng\n1 | Cụm loa đang hoạt động | cụm | 12\n2 | Lượt phát thanh | lượt | 90",
      { phat_thanh: 90 },
    ],
    ["Nội dung | ĐVT | SL\nLoa truyền thanh lắp mới | cái | 4\nTin bài | tin | 11", { tin_bai: 11 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("a correction under the table naming a row by its number replaces that row's figure", () => {
  it.each([
    [
      "bc thang 11 a\nSTT | Nội dung | SL\n1 | Băng rôn | 6\n2 | Tờ rơi | 250\nsửa lại dòng 2 là 300 ạ",
      { bang_ron: 6, to_roi: 300 },
    ],
    [
      "STT | Nội dung | Số lượng\n1 | Pano | 3\n2 | Lượt phát thanh | 20\nsua dong 1 thanh 4 a",
      { pano: 4, phat_thanh: 20 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("'x' and '-' cells in a space-aligned table are nothing done", () => {
  it.each([
    [
      "STT   Nội dung     Thôn 1   Thôn 2   Cộng\n1     Pa nô        x        2        2\n2     Băng rôn     3        x        3",
      { pano: 2, bang_ron: 3 },
    ],
    [
      "TT    Noi dung     Xom A    Xom B    Tong\n1     Bang ron     -        4        4\n2     To roi       200      -        200",
      { bang_ron: 4, to_roi: 200 },
    ],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("households reached in a table row ('Số hộ nhận tờ rơi - 240 hộ') are background, no leaflets", () => {
  it.each([
    [
      "bc quy 3 xom Dong a\n1 - Băng rôn - 3 cái\n2 - Tờ rơi - 500 tờ\n3 - Số hộ được phát tờ rơi - 240 hộ",
      { bang_ron: 3, to_roi: 500 },
    ],
    ["Nội dung | ĐVT | SL\nPano | cái | 2\nHộ nhận tờ gấp | hộ | 150", { pano: 2 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});

describe("the audience of shows a table counts ('Người xem, nghe') attended them; alone it is asked about", () => {
  it.each([
    [
      "Noi dung | Doi A | Doi B | Tong\nBuoi tuyen truyen luu dong | 3 | 4 | 7\nNguoi xem, nghe | 600 | 720 | 1320",
      { hoi_nghi: 7, nguoi_tham_du: 1320 },
    ],
    ["Hoạt động | Số lượng\nBuổi tuyên truyền lưu động | 5\nKhán giả | 900", { hoi_nghi: 5, nguoi_tham_du: 900 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });

  it("without gatherings in the table the audience is a question", () => {
    const got = plain("Nội dung | SL\nTờ rơi | 400\nNgười xem | 1.200");
    expect(got.values).toEqual({ to_roi: 400 });
    expect(got.unclear).toHaveLength(1);
  });
});

describe("a column of airings ('Lượt phát sóng', 'Số lần phát sóng') counts broadcasts", () => {
  it.each([
    [
      "Chủ đề | Chuyên mục | Lượt phát sóng\nBầu cử | 1 | 18\nPhòng cháy | 2 | 22\nTổng | 3 | 40",
      { chuyen_muc: 3, phat_thanh: 40 },
    ],
    ["Chu de | Tin bai | So lan phat song\nPCCC | 4 | 12\nBau cu | 3 | 9", { tin_bai: 7, phat_thanh: 21 }],
  ])("%s", (text, values) => {
    expect(plain(text)).toEqual(only(values));
  });
});
