import { describe, expect, it } from "vitest";
import { saysSameAsBefore } from "../../src/core/reports/same-as-before.js";

describe("saysSameAsBefore", () => {
  it.each([
    "Số liệu quý này như quý trước ạ",
    "Số liệu quý IV/2026 như quý trước ạ",
    "e bao cao quy nay giong quy truoc a",
    "kết quả tháng này y như tháng trước",
    "số liệu giữ nguyên như kỳ trước",
    "Không thay đổi so với quý trước ạ",
    "giống số liệu của kỳ báo cáo trước",
  ])("%s", (text) => {
    expect(saysSameAsBefore(text)).toBe(true);
  });

  it.each([
    "tin bài tăng 2 so với quý trước",
    "lũy kế đến quý trước 40 pa nô",
    "quý trước em đã báo cáo rồi ạ",
    "như kế hoạch đã giao",
    "quý này phát thanh 30 lượt, như quý trước",
    "Quý IV: 2 chuyên mục, bằng quý trước",
  ])("not %s", (text) => {
    expect(saysSameAsBefore(text)).toBe(false);
  });
});
