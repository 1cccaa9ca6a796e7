import { describe, expect, it } from "vitest";
import { parseDeadlinePhrase } from "../../src/core/calendar/deadline-phrase.js";

const TODAY = "2021-01-29";

describe("parseDeadlinePhrase", () => {
  it.each([
    "trước ngày 10/02/2021",
    "truoc 10/02/2021",
    "trước 10/2/2021",
    "TRƯỚC NGÀY 10-02-2021",
    "  Truoc   ngay 10.02.2021. ",
  ])("reads %j as the day before", (text) => {
    expect(parseDeadlinePhrase(text, TODAY)).toEqual({ ok: true, dueDate: "2021-02-09", reading: "before" });
  });

  it.each([
    "chậm nhất ngày 10/02/2021",
    "cham nhat 10/02/2021",
    "Chậm nhất là ngày 10/02/2021",
    "hạn 10/02/2021",
    "han 10/2/2021",
    "Hạn: 10/02/2021",
    "hạn chót 10/02/2021",
    "đến ngày 10/02/2021",
    "ĐẾN HẾT NGÀY 10/02/2021",
    "ngày 10/02/2021",
    "10/02/2021",
  ])("reads %j as the day itself", (text) => {
    expect(parseDeadlinePhrase(text, TODAY)).toEqual({ ok: true, dueDate: "2021-02-10", reading: "by" });
  });

  it("crosses month and year boundaries for 'trước'", () => {
    expect(parseDeadlinePhrase("trước ngày 01/03/2021", TODAY)).toMatchObject({ dueDate: "2021-02-28" });
    expect(parseDeadlinePhrase("trước ngày 01/01/2022", TODAY)).toMatchObject({ dueDate: "2021-12-31" });
  });

  it("reports impossible dates", () => {
    expect(parseDeadlinePhrase("31/02/2021", TODAY)).toEqual({ ok: false, error: "invalid_date" });
    expect(parseDeadlinePhrase("trước ngày 29/02/2021", TODAY)).toEqual({ ok: false, error: "invalid_date" });
    expect(parseDeadlinePhrase("hạn 10/13/2021", TODAY)).toEqual({ ok: false, error: "invalid_date" });
    expect(parseDeadlinePhrase("hạn 10/02/21", TODAY)).toEqual({ ok: false, error: "invalid_date" });
  });

  it("reports text it does not understand", () => {
    for (const text of ["", "ngày mai", "sau ngày 10/02/2021", "không trước 10/02/2021", "10/02/2021 nhé", "1.5"]) {
      expect(parseDeadlinePhrase(text, TODAY), text).toEqual({ ok: false, error: "unrecognised" });
    }
  });

  it("does not judge past dates", () => {
    expect(parseDeadlinePhrase("hạn 10/02/2020", TODAY)).toEqual({ ok: true, dueDate: "2020-02-10", reading: "by" });
  });

  it("gives a date without a year the next such day on or after today", () => {
    expect(parseDeadlinePhrase("trước 10/02", TODAY)).toEqual({ ok: true, dueDate: "2021-02-09", reading: "before" });
    expect(parseDeadlinePhrase("hạn 15/01", TODAY)).toEqual({ ok: true, dueDate: "2022-01-15", reading: "by" });
    expect(parseDeadlinePhrase("hạn 29/01", TODAY)).toEqual({ ok: true, dueDate: "2021-01-29", reading: "by" });
    expect(parseDeadlinePhrase("hạn 29/02", TODAY)).toEqual({ ok: true, dueDate: "2024-02-29", reading: "by" });
    expect(parseDeadlinePhrase("hạn 30/02", TODAY)).toEqual({ ok: false, error: "invalid_date" });
  });
});
