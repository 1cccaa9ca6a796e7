#!/usr/bin/python3
"""Writes the tables of new moons and lunar months 1900-2100 that test/core/lunar-calendar.test.ts
checks the project's calendar against.

The astronomy comes from an ephemeris independent of the project's code: PyEphem (Debian package
python3-ephem, `apt-get install -y python3-ephem`; its libastro computes the Moon from an abridged
ELP 2000 theory and finds each conjunction in ecliptic longitude to 0.1 s).

    /usr/bin/python3 scripts/new-moons-ephem.py moons  > test/fixtures/new-moons-1900-2100.tsv
    /usr/bin/python3 scripts/new-moons-ephem.py months > test/fixtures/lunar-months-1900-2100.tsv

moons: one line per new moon between 1900-01-01 and 2100-12-31 (UT): the instant in UT rounded to
the second, PyEphem's delta T (TT - UT, seconds) at that instant, and the date of that instant at
UTC+7, the Vietnamese calendar's zone (the day on which the lunar month starts).

months: the lunar months that start in 1900-2100 with their number, leap flag and first day, by
the rules of the Vietnamese calendar applied to those new moons and to PyEphem's apparent solar
longitude: a month starts on the local day of a new moon; month 11 is the month whose local days
contain the December solstice; in a year (month 11 to month 11) of 13 months the first month
after month 11 in which the sun enters no new 30-degree sign (taken at the local midnights that
start the month and the next one) is the leap month and repeats the previous month's number.
"""

import datetime
import math
import sys

import ephem

ZONE = datetime.timedelta(hours=7)
START = datetime.date(1900, 1, 1)
END = datetime.date(2100, 12, 31)


def new_moons(first: ephem.Date, last: ephem.Date) -> list[ephem.Date]:
    moons = []
    date = first
    while True:
        date = ephem.next_new_moon(date)
        if date >= last:
            return moons
        moons.append(date)
        date = ephem.Date(date + 1)


def local_date(instant: ephem.Date) -> datetime.date:
    return (instant.datetime() + ZONE).date()


def sun_sign_at_local_midnight(day: datetime.date) -> int:
    """Index 0..11 of the 30-degree sign of the sun's apparent longitude at 00:00 UTC+7 of `day`."""
    instant = ephem.Date(datetime.datetime.combine(day, datetime.time()) - ZONE)
    sun = ephem.Sun(instant)
    lon = ephem.Ecliptic(sun, epoch=instant).lon
    return int(math.floor(math.degrees(lon) / 30)) % 12


def write_moons(out) -> None:
    out.write(f"# New moons 1900-2100 from PyEphem {ephem.__version__} (scripts/new-moons-ephem.py moons).\n")
    out.write("# ut: conjunction in ecliptic longitude, UT, to the second; delta_t: TT - UT in seconds as\n")
    out.write("# PyEphem models it; local_date: the date at UTC+7.\n")
    out.write("ut\tdelta_t\tlocal_date\n")
    for moon in new_moons(ephem.Date("1900/1/1"), ephem.Date("2101/1/1")):
        instant = moon.datetime()
        rounded = (instant + datetime.timedelta(microseconds=500_000)).replace(microsecond=0)
        out.write(f"{rounded.isoformat()}Z\t{ephem.delta_t(moon):.1f}\t{local_date(moon).isoformat()}\n")


def write_months(out) -> None:
    # Two years of margin on each side so that the years around 1900 and 2100 are whole.
    starts = [local_date(m) for m in new_moons(ephem.Date("1897/6/1"), ephem.Date("2103/6/1"))]
    months = []  # (lunar year, month, leap, first day)
    for year in range(1898, 2103):
        solstice = local_date(ephem.next_solstice(ephem.Date(f"{year - 1}/12/1")))
        next_solstice = local_date(ephem.next_solstice(ephem.Date(f"{year}/12/1")))
        i0 = max(i for i, s in enumerate(starts) if s <= solstice)
        i1 = max(i for i, s in enumerate(starts) if s <= next_solstice)
        count = i1 - i0
        leap_index = -1
        if count == 13:
            for i in range(1, count):
                if sun_sign_at_local_midnight(starts[i0 + i]) == sun_sign_at_local_midnight(starts[i0 + i + 1]):
                    leap_index = i
                    break
        month, lunar_year = 11, year - 1
        for i in range(count):
            leap = i == leap_index
            if i > 0 and not leap:
                month = 1 if month == 12 else month + 1
                if month == 1:
                    lunar_year = year
            months.append((lunar_year, month, leap, starts[i0 + i]))
    out.write(f"# Lunar months starting 1900-2100 at UTC+7 from PyEphem {ephem.__version__} (scripts/new-moons-ephem.py months).\n")
    out.write("# year and month of the lunar calendar, leap: 1 for a leap month, first_day: its first day.\n")
    out.write("year\tmonth\tleap\tfirst_day\n")
    for lunar_year, month, leap, first in months:
        if START <= first <= END:
            out.write(f"{lunar_year}\t{month}\t{int(leap)}\t{first.isoformat()}\n")


def main() -> None:
    what = sys.argv[1] if len(sys.argv) > 1 else ""
    if what == "moons":
        write_moons(sys.stdout)
    elif what == "months":
        write_months(sys.stdout)
    else:
        sys.exit("usage: scripts/new-moons-ephem.py moons|months > test/fixtures/<table>.tsv")


if __name__ == "__main__":
    main()
