import { titleSeries } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { titleDistribution } from "./title-distribution.ts";

describe("titleDistribution", () => {
  const r = titleDistribution([
    { titleSeries: "ENGINEERING", titleLevel: "JUNIOR", people: 2 },
    { titleSeries: "ENGINEERING", titleLevel: "INTERMEDIATE", people: 3 },
    { titleSeries: "ENGINEERING", titleLevel: "DEPUTY_SENIOR", people: 1 },
    { titleSeries: "ENGINEERING", titleLevel: "FULL_SENIOR", people: 1 },
    { titleSeries: "ENGINEERING", titleLevel: "NONE", people: 1 },
    { titleSeries: "ENGINEERING", titleLevel: null, people: 1 },
    { titleSeries: "HIGHER_EDU_TEACHER", titleLevel: "FULL_SENIOR", people: 4 },
    { titleSeries: "ACCOUNTING", titleLevel: "SOMETHING_OLD", people: 1 },
    { titleSeries: null, titleLevel: "JUNIOR", people: 5 },
    { titleSeries: "RETIRED_SERIES", titleLevel: "JUNIOR", people: 2 },
  ]);

  it("has every title series in contracts' order, zeros included", () => {
    expect(r.rows.map((row) => row.titleSeries)).toEqual(titleSeries.map((s) => s.code));
    expect(r.rows.find((row) => row.titleSeries === "LAWYER")).toEqual({ titleSeries: "LAWYER", junior: 0, intermediate: 0, senior: 0, none: 0, total: 0 });
  });

  it.each([
    ["ENGINEERING", { junior: 2, intermediate: 3, senior: 2, none: 2, total: 9 }], // 副高级 + 正高级 = 高级; no level = 无
    ["HIGHER_EDU_TEACHER", { junior: 0, intermediate: 0, senior: 4, none: 0, total: 4 }],
    ["ACCOUNTING", { junior: 0, intermediate: 0, senior: 0, none: 1, total: 1 }], // an unknown level counts as 无
  ])("counts %s by level bucket", (series, counts) => {
    expect(r.rows.find((row) => row.titleSeries === series)).toEqual({ titleSeries: series, ...counts });
  });

  it("sums the rows in 合计 and keeps people without a known series apart", () => {
    expect(r.totals).toEqual({ junior: 2, intermediate: 3, senior: 6, none: 3, total: 14 });
    expect(r.withoutSeries).toBe(7);
  });
});
