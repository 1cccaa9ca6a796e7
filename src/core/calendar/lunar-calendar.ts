/**
 * Vietnamese lunisolar calendar, computed astronomically at UTC+7.
 *
 * Rules: a month starts on the local day of a new moon; month 11 is the month containing the
 * December solstice; a year (month 11 to the next month 11) with 13 months has a leap month,
 * the first one after month 11 during which the sun enters no new 30° sign (no major term).
 * Using UTC+7 instead of China's UTC+8 is why Tết sometimes differs (e.g. 1985, 2007).
 *
 * Astronomy: true new moons and the apparent solar longitude from the standard series in
 * J. Meeus, "Astronomical Algorithms" (ch. 25 and 49), implemented here from the formulas, with
 * ΔT from Espenak and Meeus's polynomials. Checked against an ephemeris (PyEphem) for every new
 * moon and lunar month 1900–2100: test/fixtures/{new-moons,lunar-months}-1900-2100.tsv, written
 * by scripts/new-moons-ephem.py.
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

/**
 * ΔT = TT − UT in seconds at decimal year `y`: the polynomials of Espenak and Meeus (NASA's
 * "Five Millennium Canon of Solar Eclipses", 2006), which follow the observed values 1860–2005 to
 * within a second and extrapolate beyond (a prediction: by 2100 its uncertainty is minutes).
 * @example deltaTSeconds(2000) // ≈ 63.9
 */
export function deltaTSeconds(y: number): number {
  if (y >= 1860 && y < 1900) {
    const t = y - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174;
  }
  if (y >= 1900 && y < 1920) {
    const t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (y >= 1920 && y < 1941) {
    const t = y - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (y >= 1941 && y < 1961) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y >= 1961 && y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y >= 1986 && y < 2005) {
    const t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (y >= 2005 && y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (y - 1820) / 100;
  if (y >= 2050 && y < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - y);
  // Outside 1860–2150 the long-term parabola (seconds of error matter only at midnight).
  return -20 + 32 * u * u;
}

/** ΔT in days at Julian Day `jd`. */
function deltaTDays(jd: number): number {
  return deltaTSeconds(2000 + (jd - 2451545) / 365.25) / 86400;
}

/**
 * Julian Ephemeris Day (TT) of the k-th true new moon (k = 0 on 2000-01-06): Meeus, "Astronomical
 * Algorithms" (2nd ed.), ch. 49: the mean phase (49.1), the arguments M, M′, F, Ω (49.4–49.7), the
 * 25 periodic terms of the new moon and the 14 planetary terms A1–A14. Meeus gives its error
 * against the full ELP 2000 theory as under 20 s (3.7 s on average); test/core/lunar-calendar.test.ts
 * checks it against an ephemeris over 1900–2100.
 * @example newMoonJde(0) // ≈ 2451550.2597 (2000-01-06 18:14 TT)
 */
export function newMoonJde(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;
  const jdeMean = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3;
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4;
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4;
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
    [0.000325, 299.77, 0.107408],
    [0.000165, 251.88, 0.016321],
    [0.000164, 251.83, 26.651886],
    [0.000126, 349.42, 36.412478],
    [0.00011, 84.66, 18.206239],
    [0.000062, 141.74, 53.303771],
    [0.00006, 207.14, 2.453732],
    [0.000056, 154.84, 7.30686],
    [0.000047, 34.52, 27.261239],
    [0.000042, 207.19, 0.121824],
    [0.00004, 291.34, 1.844379],
    [0.000037, 161.72, 24.198154],
    [0.000035, 239.56, 25.513099],
    [0.000023, 331.55, 3.592518],
  ];
  let additional = 0;
  for (const [i, [amp, c, rate]] of planetary.entries()) {
    const arg = c + rate * k - (i === 0 ? 0.009173 * T2 : 0);
    additional += amp * sinDeg(arg);
  }
  return jdeMean + periodic + additional;
}

/** Julian Day (UT) of the k-th new moon. */
function newMoonJdUt(k: number): number {
  const jde = newMoonJde(k);
  return jde - deltaTDays(jde);
}

/**
 * The instant of the k-th new moon (k = 0 on 2000-01-06, k = −1236 in January 1900), in
 * milliseconds since the Unix epoch (UT).
 * @example new Date(newMoonTime(0)).toISOString() // "2000-01-06T18:13:…Z"
 */
export function newMoonTime(k: number): number {
  return Math.round((newMoonJdUt(k) - 2440587.5) * 86_400_000);
}

/** Julian day number of the local (UTC+7) day on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJdUt(k) + 0.5 + ZONE);
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
