import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ListAuditInput } from "../audit.ts";
import { PageRequest } from "../paging.ts";
import { ComplianceAsOfInput, CreateApiTokenInput } from "./api-tokens.ts";
import { ApprovedHoursByMonthInput } from "./approved-hours.ts";
import { DashboardPeriod, TurnaroundDashboardInput } from "./dashboards.ts";
import { PersonYearExtractInput } from "./person-year-extract.ts";
import { periodInOrder, regionPrefix, StatisticPeriodFields, statisticDateField, YEAR_RANGE } from "./statistics.ts";
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
    for (const schema of [TitleDistributionInput, ApprovedHoursByMonthInput, DashboardPeriod, TurnaroundDashboardInput, ListAuditInput]) {
      const r = schema.safeParse({ from: "2026-03-01", to: "2026-02-28" });
      expect(r.success ? null : r.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["to", "结束时间不能早于开始时间"]]);
      expect(schema.safeParse({ from: "2026-03-01", to: "2026-03-01" }).success).toBe(true);
    }
  });

  it("normalises a 证件号 as typed (full-width, spaces) before it is looked up", () => {
    expect(VerifyLearningInput.parse({ idNumber: " ３７０１０２１９７７０１２００００ｘ" }).idNumber).toBe("37010219770120000X");
  });
});

describe("periodInOrder: the one range check", () => {
  it("passes an open range, names the end field with its own labels, and compares years as numbers", () => {
    const days = periodInOrder(z.object({ from: z.string().optional(), to: z.string().optional() }));
    expect(days.safeParse({ to: "2026-01-01" }).success).toBe(true);
    expect(days.safeParse({ from: "2026-01-01" }).success).toBe(true);
    const years = periodInOrder(z.object({ fromYear: z.number(), toYear: z.number() }), YEAR_RANGE);
    expect(years.safeParse({ fromYear: 2025, toYear: 2025 }).success).toBe(true);
    const r = years.safeParse({ fromYear: 2026, toYear: 2025 });
    expect(r.success ? null : r.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["toYear", "结束年度不能早于开始年度"]]);
    for (const schema of [ComplianceAsOfInput, PersonYearExtractInput]) {
      const y = schema.safeParse({ idNumber: "37010219770120000X", fromYear: 2026, toYear: 2025 });
      expect(y.success ? null : y.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["toYear", "结束年度不能早于开始年度"]]);
    }
  });

  // A mistyped end is named on its own field; no order is claimed of it (the break-it pass saw
  // 开始时间不是有效日期 and a false 结束时间不能早于开始时间 on the valid end).
  const period = periodInOrder(z.object(StatisticPeriodFields));
  it.each([
    [{ from: "abc", to: "2026-01-01" }, ["from"]],
    [{ from: "2026-1-5", to: "2026-01-10" }, ["from"]],
    [{ from: "2026/01/05", to: "2026-01-10" }, ["from"]],
    [{ from: "2026-01-10", to: "2026/01/05" }, ["to"]],
    [{ from: "2026-02-30", to: "2026-01-01" }, ["from"]],
    [{ from: "2026-03-01", to: "2026-01-01" }, ["to"]],
    [{ from: "2026-01-01", to: "2026-01-01" }, []],
    [undefined, [""]],
    [null, [""]],
    ["2026-01-01", [""]],
  ])("%j: issues on %j only", (input, paths) => {
    const r = period.safeParse(input);
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join("."))).toEqual(paths);
  });
});

describe("messages that name the field and say what is wrong (issue 11 fault 10)", () => {
  const first = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, v: unknown) => {
    const r = schema.safeParse(v);
    return r.success ? null : [r.error?.issues[0]?.path.join("."), r.error?.issues[0]?.message];
  };
  it.each<[string, unknown, [string, string] | null]>([
    [
      "统计时间 as a number",
      { idNumber: "37010219880101123X", fromYear: 2026, toYear: 2026, asOf: 20260630 },
      ["asOf", "统计时间须为YYYY-MM-DD格式的日期文本"],
    ],
    ["开始年度 not whole", { idNumber: "37010219880101123X", fromYear: 2026.5, toYear: 2026 }, ["fromYear", "开始年度须为整数年份"]],
    ["开始年度 missing (a form left empty) keeps 请选择", { idNumber: "37010219880101123X", toYear: 2026 }, ["fromYear", "请选择开始年度"]],
    ["统计时间 empty (a form) keeps 请填写", { idNumber: "37010219880101123X", fromYear: 2026, toYear: 2026, asOf: "" }, ["asOf", "请填写统计时间"]],
    ["证件号 as a number", { idNumber: 370102, fromYear: 2026, toYear: 2026 }, ["idNumber", "证件号须为文本"]],
  ])("%s", (_case, input, expected) => {
    expect(first(ComplianceAsOfInput, input)).toEqual(expected);
  });

  it.each<[unknown, unknown, [string, string] | null]>([
    [1, 1e9, ["pageSize", "每页条数须为1至200的整数"]],
    [1, 201, ["pageSize", "每页条数须为1至200的整数"]],
    [1, "1e2", ["pageSize", "每页条数须为1至200的整数"]],
    [0, 20, ["page", "页码须为1至999999999的整数"]],
    ["x", 20, ["page", "页码须为1至999999999的整数"]],
    [2.5, 20, ["page", "页码须为1至999999999的整数"]],
    ["3", "200", null],
  ])("page %j, pageSize %j", (page, pageSize, expected) => {
    expect(first(PageRequest, { page, pageSize })).toEqual(expected);
  });
});

describe("新建令牌's figures read by the one integer parser (issue 11 fault 11)", () => {
  const base = { name: "分析", permissions: ["professionalCounts"] };
  it.each<[string, unknown, number | string]>([
    ["validDays", "0x10", "有效期须为整数天"],
    ["validDays", "1e2", "有效期须为整数天"],
    ["validDays", "2.5", "有效期须为整数天"],
    ["validDays", "30", 30],
    ["validDays", "３０", 30],
    ["validDays", 0, "有效期至少1天"],
    ["ratePerMinute", "0x10", "每分钟调用上限须为整数"],
    ["ratePerMinute", "601", "每分钟调用上限不能超过600"],
    ["idLookupsPerDay", "1e3", "证件号查询上限须为整数"],
    ["idLookupsPerDay", "5001", "证件号查询上限不能超过5000"],
    ["idLookupsPerDay", "5000", 5000],
  ])("%s %j → %j", (field, value, expected) => {
    const r = CreateApiTokenInput.safeParse({ ...base, [field]: value });
    expect(r.success ? (r.data as Record<string, unknown>)[field] : r.error.issues.map((i) => i.message).join()).toBe(expected);
  });

  it("gives the defaults when a figure is left out: 90 days, 60 a minute, 200 lookups a day", () => {
    expect(CreateApiTokenInput.parse(base)).toMatchObject({ validDays: 90, ratePerMinute: 60, idLookupsPerDay: 200 });
  });
});
