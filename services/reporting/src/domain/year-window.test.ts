import { DomainError } from "@ce/contracts";
import { describe, expect, it } from "vitest";
import { checkYearWindow } from "./year-window.ts";

const refusal = (fromYear: number, toYear: number, asOf: string) => {
  try {
    return checkYearWindow(fromYear, toYear, asOf);
  } catch (e) {
    if (e instanceof DomainError) return [e.field, e.message];
    throw e;
  }
};

describe("checkYearWindow (人年抽取 and 学时达标情况)", () => {
  it.each<[number, number, string, unknown]>([
    [2026, 2026, "2026-06-30", 2026],
    [2000, 2009, "2026-06-30", 2026],
    [2025, 2026, "2026-01-01", 2026],
    [1900, 1900, "2026-06-30", ["fromYear", "开始年度不能早于2000年（平台最早的数据年度）"]],
    [1999, 2005, "2026-06-30", ["fromYear", "开始年度不能早于2000年（平台最早的数据年度）"]],
    [2027, 2027, "2026-06-30", ["fromYear", "开始年度不能晚于统计时间所在年度（2026）"]],
    [2026, 2026, "2025-06-30", ["fromYear", "开始年度不能晚于统计时间所在年度（2025）"]],
    [2024, 2026, "2025-12-31", ["toYear", "结束年度不能晚于统计时间所在年度（2025）"]],
  ])("%i–%i as of %s", (fromYear, toYear, asOf, expected) => {
    expect(refusal(fromYear, toYear, asOf)).toEqual(expected);
  });
});
