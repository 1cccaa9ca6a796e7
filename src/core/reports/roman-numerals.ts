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
