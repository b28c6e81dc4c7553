import { describe, expect, it } from "vitest";
import { ApprovedHoursByMonthInput } from "./approved-hours.ts";
import { regionPrefix, statisticDateField } from "./statistics.ts";
import { TitleDistributionInput } from "./title-distribution.ts";
import { VerifyLearningInput } from "./verify-learning.ts";

describe("regionPrefix", () => {
  it.each([
    ["370000", "37"],
    ["370100", "3701"],
    ["370102", "370102"],
    ["371700", "3717"],
    ["370285", "370285"],
  ])("%s → %s", (code, prefix) => {
    expect(regionPrefix(code)).toBe(prefix);
  });
});

describe("statistic dates", () => {
  const field = statisticDateField("统计时间");
  it.each([
    ["2000-01-01", null],
    ["2026-06-30", null],
    ["1999-12-31", "统计时间不能早于2000-01-01"],
    ["2026-02-30", "统计时间不是有效日期，请按YYYY-MM-DD填写"],
    ["", "请填写统计时间"],
  ])("%s → %s", (value, message) => {
    const r = field.safeParse(value);
    expect(r.success ? null : r.error.issues[0]?.message).toBe(message);
  });

  it("refuses a range that ends before it starts, on 结束时间", () => {
    for (const schema of [TitleDistributionInput, ApprovedHoursByMonthInput]) {
      const r = schema.safeParse({ from: "2026-03-01", to: "2026-02-28" });
      expect(r.success ? null : r.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["to", "结束时间不能早于开始时间"]]);
      expect(schema.safeParse({ from: "2026-03-01", to: "2026-03-01" }).success).toBe(true);
    }
  });

  it("normalises a 证件号 as typed (full-width, spaces) before it is looked up", () => {
    expect(VerifyLearningInput.parse({ idNumber: " ３７０１０２１９８８０１０１１２３ｘ" }).idNumber).toBe("37010219880101123X");
  });
});
