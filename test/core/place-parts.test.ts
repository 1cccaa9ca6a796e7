import { describe, expect, it } from "vitest";
import { placeOfPart } from "../../src/core/reports/place-parts.js";

describe("placeOfPart: a message reporting for one place of the unit", () => {
  it.each([
    ["[Forwarded from Nguyễn Văn Hùng]\nThôn Đông báo cáo: treo 1 băng rôn, họp thôn 1 cuộc 45 người", "Thôn Đông"],
    ["thôn Tây: 2 băng rôn, họp 1 cuộc 50 người a, thôn Nam chưa làm", "thôn Tây"],
    ["Ap 3 bc: 2 bang ron", "Ap 3"],
    ["dạ em gửi số liệu ấp Tân Hòa: phát 200 tờ rơi", "ấp Tân Hòa"],
    ["tổ dân phố 5: họp 1 cuộc 60 người", "tổ dân phố 5"],
    ["bản Púng treo 2 pano", "bản Púng"],
    ["Tổ 7 họp dân 1 cuộc", "Tổ 7"],
    ["thon dong bc 2 pano, hop thon 1 cuoc", "thon dong"],
    ["Buôn Ea Sim: họp dân 1 cuộc 58 người", "Buôn Ea Sim"],
  ])("%s → %s", (text, place) => {
    expect(placeOfPart(text, "UBND xã Đồng Tâm")).toBe(place);
  });

  it.each([
    // several places with figures: the unit's own breakdown
    "thôn Đông 1 băng rôn, thôn Tây 2 băng rôn",
    "xã Đồng Tâm bc: thôn Đông 2 pano",
    "tổng 3 thôn e tổng hợp lại: băng rôn 9 cái",
    // words that name no place
    "Ban Tuyên giáo báo cáo 3 hội nghị",
    "tổ công tác đã treo 3 pano",
    "ap phich 3 cai",
    "to roi 200 to",
    "họp thôn 2 cuộc 95 người",
    "thôn em treo 2 pano, 12 băng rôn",
    "thon e: pano 3, bang ron 2",
  ])("%s → null", (text) => {
    expect(placeOfPart(text, "UBND xã Đồng Tâm")).toBeNull();
  });

  it("is no part when the place is the unit itself (a village reporting its own figures)", () => {
    expect(placeOfPart("Thôn Đông báo cáo: treo 1 băng rôn", "Thôn Đông")).toBeNull();
    expect(placeOfPart("Thôn 3 báo cáo: treo 1 băng rôn", "Thôn 3 xã Tân Lập")).toBeNull();
    expect(placeOfPart("Thôn 3 báo cáo: treo 1 băng rôn", "Thôn 13 xã Tân Lập")).toBe("Thôn 3");
  });
});
