import { DomainError } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { chartMonths, statisticRange, twelveMonthsBefore } from "./statistic-range.ts";

// "Now" is 2026-07-20 12:00 in Beijing.
const NOW = "2026-07-20T04:00:00.000Z";

describe("statisticRange", () => {
  it.each([
    [{}, { from: null, to: "2026-07-20" }],
    [{ from: "2026-01-01" }, { from: "2026-01-01", to: "2026-07-20" }],
    [
      { from: "2025-01-01", to: "2025-12-31" },
      { from: "2025-01-01", to: "2025-12-31" },
    ],
    [{ to: "2026-07-20" }, { from: null, to: "2026-07-20" }],
  ])("%j → %j", (input, range) => {
    expect(statisticRange(input, NOW)).toEqual(range);
  });

  it.each([
    [{ to: "2026-07-21" }, "to", "结束时间不能晚于今天（2026-07-20）"],
    [{ from: "2026-07-21" }, "from", "开始时间不能晚于今天（2026-07-20）"],
  ])("refuses %j on %s", (input, field, message) => {
    const refusal = (() => {
      try {
        statisticRange(input, NOW);
        return null;
      } catch (e) {
        return e instanceof DomainError ? [e.kind, e.field, e.message] : e;
      }
    })();
    expect(refusal).toEqual(["BAD_REQUEST", field, message]);
  });
});

// The Beijing New Year (issue 7 fault 4): at 2026-01-01 00:30 in Beijing it is still 2025 in UTC.
describe("statisticRange at the Beijing New Year", () => {
  const NEW_YEAR = "2025-12-31T16:30:00.000Z";

  it("takes 2026-01-01 as today: the default 结束时间, and accepted when typed", () => {
    expect(statisticRange({}, NEW_YEAR)).toEqual({ from: null, to: "2026-01-01" });
    expect(statisticRange({ from: "2026-01-01", to: "2026-01-01" }, NEW_YEAR)).toEqual({ from: "2026-01-01", to: "2026-01-01" });
  });

  it("refuses 2026-01-02, naming today as Beijing sees it", () => {
    expect(() => statisticRange({ to: "2026-01-02" }, NEW_YEAR)).toThrow("结束时间不能晚于今天（2026-01-01）");
  });

  it("gives the chart the twelve months up to January 2026", () => {
    expect(twelveMonthsBefore(statisticRange({}, NEW_YEAR).to)).toBe("2025-02-01");
  });
});

describe("chart months", () => {
  it.each([
    ["2026-07-20", "2025-08-01"],
    ["2026-12-31", "2026-01-01"],
    ["2026-01-01", "2025-02-01"],
  ])("the twelve months up to %s start on %s", (to, from) => {
    expect(twelveMonthsBefore(to)).toBe(from);
    expect(chartMonths(from, to).months).toHaveLength(12);
  });

  it("names each month and bounds it by the Beijing midnights that begin it", () => {
    const { months, bounds } = chartMonths("2025-11-15", "2026-02-03");
    expect(months).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(bounds.map((b) => b.toISOString())).toEqual([
      "2025-10-31T16:00:00.000Z",
      "2025-11-30T16:00:00.000Z",
      "2025-12-31T16:00:00.000Z",
      "2026-01-31T16:00:00.000Z",
      "2026-02-28T16:00:00.000Z",
    ]);
  });

  it("takes ten years and refuses a month more, naming 开始时间", () => {
    expect(chartMonths("2016-08-01", "2026-07-20").months).toHaveLength(120);
    expect(() => chartMonths("2016-07-31", "2026-07-20")).toThrow("时间范围不能超过120个月");
  });
});
