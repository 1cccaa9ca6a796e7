/**
 * Vietnamese lunisolar calendar, computed astronomically at UTC+7.
 *
 * Rules: a month starts on the local day of a new moon; month 11 is the month containing the
 * December solstice; a year (month 11 to the next month 11) with 13 months has a leap month,
 * the first one after month 11 during which the sun enters no new 30° sign (no major term).
 * Using UTC+7 instead of China's UTC+8 is why Tết sometimes differs (e.g. 1985, 2007).
 *
 * Astronomy: true new moons and the apparent solar longitude from the standard series in
 * J. Meeus, "Astronomical Algorithms" (ch. 25 and 49), implemented here from the formulas.
 */

import { addDays, daysBetween } from "./time.js";

/** A date in the Vietnamese lunar calendar. */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

const RAD = Math.PI / 180;
const SYNODIC_MONTH = 29.530588861;
/** Local time zone of the Vietnamese calendar, in days. */
const ZONE = 7 / 24;
/** Julian day number of 1970-01-01. */
const JDN_UNIX_EPOCH = 2440588;

function jdnOf(date: string): number {
  return JDN_UNIX_EPOCH + daysBetween("1970-01-01", date);
}

function dateOfJdn(jdn: number): string {
  return addDays("1970-01-01", jdn - JDN_UNIX_EPOCH);
}

function sinDeg(deg: number): number {
  return Math.sin(deg * RAD);
}

/** Approximate ΔT = TT − UT in days; errors of a minute only matter for events at midnight. */
function deltaTDays(jd: number): number {
  const year = 2000 + (jd - 2451545) / 365.25;
  const table: [number, number][] = [
    [1900, -3], [1920, 21], [1940, 24], [1960, 33], [1980, 51],
    [2000, 64], [2020, 69], [2050, 93], [2100, 203],
  ];
  let seconds: number;
  if (year <= table[0][0] || year >= table[table.length - 1][0]) {
    const u = (year - 1820) / 100;
    seconds = -20 + 32 * u * u;
  } else {
    let i = 0;
    while (table[i + 1][0] < year) i++;
    const [y0, s0] = table[i];
    const [y1, s1] = table[i + 1];
    seconds = s0 + ((s1 - s0) * (year - y0)) / (y1 - y0);
  }
  return seconds / 86400;
}

/** Julian Ephemeris Day of the k-th true new moon (k = 0 near 2000-01-06). */
function newMoonJde(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;
  const jdeMean =
    2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3;
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4;
  const F = 18.2762 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4;
  const Om = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3;

  const periodic =
    -0.4072 * sinDeg(Mp) +
    0.17241 * E * sinDeg(M) +
    0.01608 * sinDeg(2 * Mp) +
    0.01039 * sinDeg(2 * F) +
    0.00739 * E * sinDeg(Mp - M) -
    0.00514 * E * sinDeg(Mp + M) +
    0.00208 * E * E * sinDeg(2 * M) -
    0.00111 * sinDeg(Mp - 2 * F) -
    0.00057 * sinDeg(Mp + 2 * F) +
    0.00056 * E * sinDeg(2 * Mp + M) -
    0.00042 * sinDeg(3 * Mp) +
    0.00042 * E * sinDeg(M + 2 * F) +
    0.00038 * E * sinDeg(M - 2 * F) -
    0.00024 * E * sinDeg(2 * Mp - M) -
    0.00017 * sinDeg(Om) -
    0.00007 * sinDeg(Mp + 2 * M) +
    0.00004 * sinDeg(2 * Mp - 2 * F) +
    0.00004 * sinDeg(3 * M) +
    0.00003 * sinDeg(Mp + M - 2 * F) +
    0.00003 * sinDeg(2 * Mp + 2 * F) -
    0.00003 * sinDeg(Mp + M + 2 * F) +
    0.00003 * sinDeg(Mp - M + 2 * F) -
    0.00002 * sinDeg(Mp - M - 2 * F) -
    0.00002 * sinDeg(3 * Mp + M) +
    0.00002 * sinDeg(4 * Mp);

  // Planetary perturbations: [amplitude, constant, rate per lunation].
  const planetary: [number, number, number][] = [
    [0.000325, 299.77, 0.107408], [0.000165, 251.88, 0.016321], [0.000164, 251.83, 26.651886],
    [0.000126, 349.42, 36.412478], [0.00011, 84.66, 18.206239], [0.000062, 141.74, 53.303771],
    [0.00006, 207.14, 2.453732], [0.000056, 154.84, 7.30686], [0.000047, 34.52, 27.261239],
    [0.000042, 207.19, 0.121824], [0.00004, 291.34, 1.844379], [0.000037, 161.72, 24.198154],
    [0.000035, 239.56, 25.513099], [0.000023, 331.55, 3.592518],
  ];
  let additional = 0;
  for (const [i, [amp, c, rate]] of planetary.entries()) {
    const arg = c + rate * k - (i === 0 ? 0.009173 * T2 : 0);
    additional += amp * sinDeg(arg);
  }
  return jdeMean + periodic + additional;
}

/** Julian day number of the local (UTC+7) day on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  const jde = newMoonJde(k);
  return Math.floor(jde - deltaTDays(jde) + 0.5 + ZONE);
}

/** Apparent geocentric longitude of the sun in degrees [0, 360) at Julian Ephemeris Day `jde`. */
function sunLongitude(jde: number): number {
  const T = (jde - 2451545) / 36525;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T * T;
  const M = 357.52911 + 35999.05029 * T - 0.0001537 * T * T;
  const C =
    (1.914602 - 0.004817 * T - 0.000014 * T * T) * sinDeg(M) +
    (0.019993 - 0.000101 * T) * sinDeg(2 * M) +
    0.000289 * sinDeg(3 * M);
  const omega = 125.04 - 1934.136 * T;
  const lambda = L0 + C - 0.00569 - 0.00478 * sinDeg(omega);
  return ((lambda % 360) + 360) % 360;
}

/** Index (0..11) of the 30° solar sign the sun is in at local midnight starting day `jdn`. */
function solarSignAtDayStart(jdn: number): number {
  const jdUt = jdn - 0.5 - ZONE;
  return Math.floor(sunLongitude(jdUt + deltaTDays(jdUt)) / 30);
}

/** Index k of the last new moon whose local day is on or before day `jdn`. */
function newMoonOnOrBefore(jdn: number): number {
  let k = Math.floor((jdn - 2451550) / SYNODIC_MONTH);
  while (newMoonDay(k + 1) <= jdn) k++;
  while (newMoonDay(k) > jdn) k--;
  return k;
}

/** k of the new moon starting lunar month 11 of Gregorian year `year` (contains the solstice). */
function month11Index(year: number): number {
  const k = newMoonOnOrBefore(jdnOf(`${String(year).padStart(4, "0")}-12-31`));
  // Sun already at ≥ 270° when that month began: the solstice was in the month before.
  return solarSignAtDayStart(newMoonDay(k)) >= 9 ? k - 1 : k;
}

interface LunarMonth {
  start: number;
  length: number;
  year: number;
  month: number;
  leap: boolean;
}

const yearCache = new Map<number, LunarMonth[]>();

/**
 * The months from month 11 of Gregorian year `year − 1` up to (excluding) month 11 of `year`:
 * months 11 and 12 of lunar year `year − 1`, then months 1..10 of lunar year `year`.
 */
function monthsOfSuiYear(year: number): LunarMonth[] {
  const cached = yearCache.get(year);
  if (cached) return cached;
  const k0 = month11Index(year - 1);
  const k1 = month11Index(year);
  const starts: number[] = [];
  for (let k = k0; k <= k1; k++) starts.push(newMoonDay(k));
  const count = k1 - k0;
  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i < count; i++) {
      if (solarSignAtDayStart(starts[i]) === solarSignAtDayStart(starts[i + 1])) {
        leapIndex = i;
        break;
      }
    }
  }
  const months: LunarMonth[] = [];
  let month = 11;
  let lunarYear = year - 1;
  for (let i = 0; i < count; i++) {
    const leap = i === leapIndex;
    if (i > 0 && !leap) {
      month = month === 12 ? 1 : month + 1;
      if (month === 1) lunarYear = year;
    }
    months.push({ start: starts[i], length: starts[i + 1] - starts[i], year: lunarYear, month, leap });
  }
  yearCache.set(year, months);
  return months;
}

/**
 * Converts a Gregorian date to the Vietnamese lunar calendar.
 * @example solarToLunar("2021-02-12") // { year: 2021, month: 1, day: 1, leap: false }
 */
export function solarToLunar(date: string): LunarDate {
  const jdn = jdnOf(date);
  const gy = Number(date.slice(0, 4));
  const sui = jdn >= monthsOfSuiYear(gy + 1)[0].start ? gy + 1 : gy;
  const months = monthsOfSuiYear(sui);
  let i = months.length - 1;
  while (months[i].start > jdn) i--;
  const m = months[i];
  return { year: m.year, month: m.month, day: jdn - m.start + 1, leap: m.leap };
}

/**
 * Converts a Vietnamese lunar date to a Gregorian "YYYY-MM-DD" date.
 * Throws RangeError for a leap month the year does not have or a day past the month's end.
 * @example lunarToSolar(2021, 3, 10) // "2021-04-21" (Giỗ Tổ Hùng Vương)
 */
export function lunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number, leap = false): string {
  for (const sui of [lunarYear, lunarYear + 1]) {
    for (const m of monthsOfSuiYear(sui)) {
      if (m.year === lunarYear && m.month === lunarMonth && m.leap === leap) {
        if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > m.length) {
          throw new RangeError(`Lunar month ${lunarMonth}/${lunarYear} has ${m.length} days`);
        }
        return dateOfJdn(m.start + lunarDay - 1);
      }
    }
  }
  throw new RangeError(`No lunar month ${lunarMonth}${leap ? " (leap)" : ""} in ${lunarYear}`);
}
