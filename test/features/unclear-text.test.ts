import { describe, expect, it } from "vitest";
import { joinOverlapping } from "../../src/features/unclear-text.js";

describe("joinOverlapping", () => {
  it("joins fragments that run into each other, keeps the others apart and in order", () => {
    expect(joinOverlapping(["ạ: cũ 3 cụm", "mới 2 cụm (1", "2 cụm (1 cụm chưa lắp"])).toEqual([
      "ạ: cũ 3 cụm",
      "mới 2 cụm (1 cụm chưa lắp",
    ]);
    expect(joinOverlapping(["T11 có 1 cuộc", "T11 có 1 cuộc 85 ng", "T12 không tổ chức"])).toEqual([
      "T11 có 1 cuộc 85 ng",
      "T12 không tổ chức",
    ]);
    expect(joinOverlapping(["tu 1-5/12 phuong e treo", "tu 1-5"])).toEqual(["tu 1-5/12 phuong e treo"]);
  });

  it("leaves fragments that only share a word or a digit", () => {
    expect(joinOverlapping(["buổi 1 có 55 đoàn", "buổi 2 có 48 đoàn"])).toEqual([
      "buổi 1 có 55 đoàn",
      "buổi 2 có 48 đoàn",
    ]);
    expect(joinOverlapping(["12 lượt", "2 lượt nữa"])).toEqual(["12 lượt", "2 lượt nữa"]);
  });
});
