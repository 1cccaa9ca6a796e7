import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  endOfLocalDay,
  formatDmy,
  isIsoDate,
  localDateOf,
  localTimeOf,
  parseDmy,
  weekdayOf,
  zonedInstant,
} from "../../src/core/calendar/time.js";

const VN = "Asia/Ho_Chi_Minh";

describe("localDateOf / localTimeOf", () => {
  it("uses the zone's calendar day, not UTC's", () => {
    const instant = new Date("2021-02-09T17:30:00Z");
    expect(localDateOf(instant, VN)).toBe("2021-02-10");
    expect(localTimeOf(instant, VN)).toBe("00:30");
    expect(localDateOf(instant, "UTC")).toBe("2021-02-09");
    expect(localDateOf(new Date("2021-02-09T03:00:00Z"), "America/New_York")).toBe("2021-02-08");
  });

  it("prints midnight as 00:00", () => {
    expect(localTimeOf(new Date("2021-02-08T17:00:00Z"), VN)).toBe("00:00");
  });

  it("rejects an invalid Date", () => {
    expect(() => localDateOf(new Date("nope"), VN)).toThrow(RangeError);
  });
});

describe("zonedInstant", () => {
  it("converts Vietnam wall time to UTC", () => {
    expect(zonedInstant("2021-02-09", "08:00", VN).toISOString()).toBe("2021-02-09T01:00:00.000Z");
    expect(zonedInstant("2021-01-01", "03:15:30", VN).toISOString()).toBe("2020-12-31T20:15:30.000Z");
  });

  it("handles DST zones on both sides of a transition", () => {
    // Berlin: CET (+1) before 28/03/2021 02:00, CEST (+2) after.
    expect(zonedInstant("2021-03-27", "12:00", "Europe/Berlin").toISOString()).toBe("2021-03-27T11:00:00.000Z");
    expect(zonedInstant("2021-03-28", "12:00", "Europe/Berlin").toISOString()).toBe("2021-03-28T10:00:00.000Z");
    expect(zonedInstant("2021-11-07", "08:00", "America/New_York").toISOString()).toBe("2021-11-07T13:00:00.000Z");
  });

  it("round-trips through localDateOf/localTimeOf", () => {
    for (const tz of [VN, "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata"]) {
      const at = zonedInstant("2024-07-15", "23:59", tz);
      expect(localDateOf(at, tz)).toBe("2024-07-15");
      expect(localTimeOf(at, tz)).toBe("23:59");
    }
  });

  it("rejects bad dates and times", () => {
    expect(() => zonedInstant("2021-02-30", "08:00", VN)).toThrow(RangeError);
    expect(() => zonedInstant("2021-02-09", "24:00", VN)).toThrow(RangeError);
    expect(() => zonedInstant("2021-02-09", "8:00", VN)).toThrow(RangeError);
    expect(() => zonedInstant("2021-02-09", "08:00", "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("date arithmetic", () => {
  it("adds days across months, leap days and years", () => {
    expect(addDays("2021-02-28", 1)).toBe("2021-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2021-01-01", -1)).toBe("2020-12-31");
    expect(addDays("2021-02-09", 0)).toBe("2021-02-09");
    expect(addDays("2021-02-09", 365)).toBe("2022-02-09");
  });

  it("counts days between", () => {
    expect(daysBetween("2021-02-09", "2021-02-17")).toBe(8);
    expect(daysBetween("2021-02-17", "2021-02-09")).toBe(-8);
  });

  it("gives weekdays with 0 = Sunday", () => {
    expect(weekdayOf("2021-02-09")).toBe(2);
    expect(weekdayOf("2021-02-13")).toBe(6);
    expect(weekdayOf("2021-02-14")).toBe(0);
    expect(weekdayOf("2021-01-29")).toBe(5);
  });

  it("validates ISO dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2021-02-29")).toBe(false);
    expect(isIsoDate("2021-2-09")).toBe(false);
    expect(() => addDays("2021-13-01", 1)).toThrow(RangeError);
  });
});

describe("parseDmy / formatDmy", () => {
  it("accepts the usual Vietnamese forms", () => {
    expect(parseDmy("10/02/2021")).toBe("2021-02-10");
    expect(parseDmy("9/2/2021")).toBe("2021-02-09");
    expect(parseDmy("09-02-2021")).toBe("2021-02-09");
    expect(parseDmy("09.02.2021")).toBe("2021-02-09");
    expect(parseDmy(" 29/02/2024 ")).toBe("2024-02-29");
  });

  it("rejects impossible dates and other shapes", () => {
    for (const bad of [
      "31/02/2021",
      "29/02/2021",
      "00/01/2021",
      "32/01/2021",
      "10/13/2021",
      "10/00/2021",
      "10/02/21",
      "10/02-2021",
      "2021-02-10",
      "10/02",
      "ngày 10/02/2021",
      "",
    ]) {
      expect(parseDmy(bad), bad).toBeUndefined();
    }
  });

  it("formats with zero padding", () => {
    expect(formatDmy("2021-02-09")).toBe("09/02/2021");
    expect(formatDmy("2021-12-31")).toBe("31/12/2021");
  });
});

describe("endOfLocalDay", () => {
  it("is 23:59 local on the day", () => {
    expect(endOfLocalDay("2021-02-09", VN).toISOString()).toBe("2021-02-09T16:59:00.000Z");
    expect(endOfLocalDay("2021-06-30", "Europe/Berlin").toISOString()).toBe("2021-06-30T21:59:00.000Z");
  });
});

describe("local time across offset changes (offsets kept per quarter hour)", () => {
  const intl = (ms: number, tz: string) => {
    const f = new Intl.DateTimeFormat("en-CA", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour === "24" ? "00" : p.hour}:${p.minute}`;
  };
  it.each([
    ["Europe/Berlin", "2021-03-28T00:00:00Z"], // summer time starts at 01:00 UTC
    ["America/New_York", "2021-11-07T04:00:00Z"], // ends at 06:00 UTC
    ["Australia/Lord_Howe", "2021-10-03T14:00:00Z"], // a 30-minute change at 15:30 UTC
    ["Asia/Ho_Chi_Minh", "1906-06-30T16:00:00Z"], // local mean time (+07:06:40) to +07:06:30: not on a quarter hour
    ["Asia/Ho_Chi_Minh", "2021-02-09T00:00:00Z"],
  ])("%s around %s agrees with Intl minute by minute", (tz, from) => {
    const start = new Date(from).getTime();
    for (let m = 0; m < 4 * 60; m += 1) {
      const ms = start + m * 60_000 + 17_000;
      expect(`${localDateOf(new Date(ms), tz)} ${localTimeOf(new Date(ms), tz)}`).toBe(intl(ms, tz));
    }
  });
});
