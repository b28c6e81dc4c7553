import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  CalendarDate,
  calendarDate,
  calendarDateField,
  calendarYear,
  calendarYearField,
  endOfDay,
  formatDateTime,
  fromDateColumn,
  isCalendarDate,
  startOfDay,
  toDateColumn,
} from "./calendar.ts";

describe("the platform calendar follows Beijing time, not the server's zone", () => {
  it.each([
    // instant (UTC)                 year  date          shown
    ["2025-12-31T15:59:59.999Z", 2025, "2025-12-31", "2025-12-31 23:59:59"],
    ["2025-12-31T16:00:00.000Z", 2026, "2026-01-01", "2026-01-01 00:00:00"],
    ["2025-12-31T18:00:00.000Z", 2026, "2026-01-01", "2026-01-01 02:00:00"],
    ["2026-06-30T15:59:59.999Z", 2026, "2026-06-30", "2026-06-30 23:59:59"],
    ["2026-06-30T16:00:00.000Z", 2026, "2026-07-01", "2026-07-01 00:00:00"],
    ["2024-02-28T16:00:00Z", 2024, "2024-02-29", "2024-02-29 00:00:00"],
    ["2026-11-28T23:59:00+08:00", 2026, "2026-11-28", "2026-11-28 23:59:00"],
    ["2026-03-05T04:07:09Z", 2026, "2026-03-05", "2026-03-05 12:07:09"],
  ])("%s is %i, %s, shown as %s", (instant, year, date, shown) => {
    expect(calendarYear(instant)).toBe(year);
    expect(calendarDate(new Date(instant))).toBe(date);
    expect(formatDateTime(Date.parse(instant))).toBe(shown);
  });

  it("drops the seconds when asked, and refuses an instant that is not one", () => {
    expect(formatDateTime("2025-12-31T16:05:30Z", { seconds: false })).toBe("2026-01-01 00:05");
    expect(() => formatDateTime("yesterday")).toThrow(RangeError);
    expect(() => calendarYear(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("date-only bounds cover the whole Beijing day", () => {
  it.each([
    ["2026-01-01", "2025-12-31T16:00:00.000Z", "2026-01-01T15:59:59.999Z"],
    ["2026-06-30", "2026-06-29T16:00:00.000Z", "2026-06-30T15:59:59.999Z"],
    ["2024-02-29", "2024-02-28T16:00:00.000Z", "2024-02-29T15:59:59.999Z"],
    // China kept summer time (UTC+9) in 1986–1991; a date then starts an hour earlier in UTC.
    ["1988-07-01", "1988-06-30T15:00:00.000Z", "1988-07-01T14:59:59.999Z"],
    ["2100-12-31", "2100-12-30T16:00:00.000Z", "2100-12-31T15:59:59.999Z"],
  ])("%s runs from %s to %s", (date, start, end) => {
    expect(startOfDay(date).toISOString()).toBe(start);
    expect(endOfDay(date).toISOString()).toBe(end);
    expect(calendarDate(startOfDay(date))).toBe(date);
    expect(calendarDate(endOfDay(date))).toBe(date);
  });

  it.each([
    ["2025-12-31", 1, "2026-01-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2100-02-28", 1, "2100-03-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-01-15", 0, "2026-01-15"],
  ])("%s plus %i days is %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it("stores a date-only column as the same calendar date and reads it back", () => {
    expect(toDateColumn("2026-01-01").toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(fromDateColumn(toDateColumn("2024-02-29"))).toBe("2024-02-29");
    expect(() => startOfDay("2026-02-30")).toThrow(RangeError);
    expect(() => toDateColumn("2026-2-3")).toThrow(RangeError);
  });
});

describe("a date-only field accepts only dates the calendar has", () => {
  it.each([
    ["2026-01-01", true],
    ["2024-02-29", true], // divisible by 4
    ["2000-02-29", true], // divisible by 400
    ["2100-02-29", false], // divisible by 100, not 400
    ["2026-02-29", false],
    ["2026-02-30", false],
    ["2026-04-31", false],
    ["2026-12-31", true],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-01-00", false],
    ["0000-01-01", false],
    ["1899-12-31", false],
    ["1900-01-01", true],
    ["2100-12-31", true],
    ["2101-01-01", false],
    ["2026-2-3", false],
    ["26-02-03", false],
    ["2026/02/03", false],
    ["20260203", false],
    ["2026-02-28T99:00", false],
    ["2026-02-28T00:00:00Z", false],
    [" 2026-02-28", false],
    ["2026-02-28\n", false],
    ["２０２６-０２-０３", false], // full-width digits
    ["", false],
    [20260203, false],
    [null, false],
  ])("%j → %s", (input, ok) => {
    expect(isCalendarDate(input)).toBe(ok);
    expect(CalendarDate.safeParse(input).success).toBe(ok);
  });

  it("names the field in Chinese when a date is missing or impossible", () => {
    const startDate = calendarDateField("开始时间");
    const message = (v: unknown) => startDate.safeParse(v).error?.issues[0]?.message;
    expect(message("")).toBe("请填写开始时间");
    expect(message(undefined)).toBe("请填写开始时间");
    expect(message("2026-02-30")).toBe("开始时间不是有效日期，请按YYYY-MM-DD填写");
    expect(message("2026-02-28T99:00")).toBe("开始时间不是有效日期，请按YYYY-MM-DD填写");
    expect(startDate.parse("2026-02-28")).toBe("2026-02-28");
  });

  it.each([
    ["2026", 2026],
    [2025, 2025],
    ["0", undefined],
    ["99999999999", undefined],
    ["2026.5", undefined],
    ["abc", undefined],
  ])("a year field reads %j as %s", (input, year) => {
    const r = calendarYearField("计入年度").safeParse(input);
    expect(r.success ? r.data : undefined).toBe(year);
    if (!r.success) expect(r.error.issues[0]?.message).toMatch(/计入年度/);
  });
});

describe("the wall clock's fixed-offset path (Asia/Shanghai is UTC+8 since 1991-09-15)", () => {
  // The runtime's IANA tz data, as the platform read every instant before the fast path.
  const zone = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Asia/Shanghai",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const byZone = (ms: number) => zone.format(new Date(ms)).replace("T", " ");

  it.each([
    ["the last summer-time second", "1991-09-14T16:59:59.999Z", "1991-09-15 01:59:59"],
    ["the first fixed-offset instant", "1991-09-14T17:00:00.000Z", "1991-09-15 01:00:00"],
    ["1988 summer time (UTC+9)", "1988-07-01T00:00:00Z", "1988-07-01 09:00:00"],
    ["a Beijing new year", "2025-12-31T16:00:00Z", "2026-01-01 00:00:00"],
    ["a leap day", "2028-02-28T16:30:00Z", "2028-02-29 00:30:00"],
    ["2100's last second", "2100-12-31T15:59:59Z", "2100-12-31 23:59:59"],
  ])("%s: %s → %s", (_, instant, expected) => {
    expect(formatDateTime(instant)).toBe(expected);
    expect(byZone(Date.parse(instant))).toBe(expected);
  });

  it("equals the tz data for any instant from 1900 to 2200", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        expect(formatDateTime(ms)).toBe(byZone(ms));
        expect(calendarDate(ms)).toBe(byZone(ms).slice(0, 10));
      }),
      { numRuns: 5_000 },
    );
  });
});
