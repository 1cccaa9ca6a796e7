import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/features/reports.js";

describe("figures in replies (formatNumber)", () => {
  it("writes every figure as Intl's vi-VN does: '.' between thousands, ',' before decimals", () => {
    const intl = new Intl.NumberFormat("vi-VN");
    const values = [0, -0, 1, 7, 12, 999, 1000, 1500, -1500, 12_345, 100_000, 1_234_567, 2 ** 53 - 1, -(2 ** 53 - 1)];
    for (let n = 1; n < 1e16; n *= 7) values.push(n, -n, n + 0.5);
    values.push(12.5, 0.1, -3.25, 1e21, Number.NaN, Number.POSITIVE_INFINITY);
    for (const v of values) expect(formatNumber(v), String(v)).toBe(intl.format(v));
    expect(formatNumber(1500)).toBe("1.500");
    expect(formatNumber(1_234_567)).toBe("1.234.567");
  });
});
