/** Roman numerals as officers write them in periods and row numbers ("quý IV", "tháng XII", "II."), lower-case. */
export const ROMAN_NUMERALS: Readonly<Record<string, number>> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
  xi: 11,
  xii: 12,
};

/**
 * The Roman numeral of 1–12 as a label writes it ("Quý III").
 * @example romanOf(3) // "III"
 */
export const romanOf = (n: number): string => (Object.keys(ROMAN_NUMERALS)[n - 1] ?? String(n)).toUpperCase();
