import type { ComplianceYear } from "@ce/contracts";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ComplianceSummary } from "./ComplianceSummary.tsx";

const year = (y: number, general: number, professional: number): ComplianceYear => {
  const total = general + professional;
  const compliant = total >= 90 && professional * 3 >= total * 2;
  return {
    year: y,
    general,
    professional,
    total,
    compliant,
    missingTotal: Math.max(0, 90 - total),
    missingProfessional: 0,
    minTotal: 90,
    professionalShare: "2/3",
  };
};

/** The text of each body row of the 学时达标情况 table, cells joined by |. */
const rows = (html: string) =>
  [...html.split("<tbody>")[1]!.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]).join("|"));

describe("首页 学时达标情况 for 个人", () => {
  it("says this year's result and lists each year: 年度, 公需, 专业, 总计, 认定结果", () => {
    const html = renderToStaticMarkup(<ComplianceSummary years={[year(2026, 20, 40), year(2025, 30, 60)]} />);
    expect(html).toContain("不合格，还差30学时");
    expect(html).toContain(">完成公需课时<");
    expect(rows(html)).toEqual(["2026|20|40|60|不合格", "2025|30|60|90|合格"]);
  });

  it("says 没有数据 in the table when there is no year yet, and a notice when the figures could not be fetched", () => {
    expect(rows(renderToStaticMarkup(<ComplianceSummary years={[]} />))).toEqual(["没有数据"]);
    expect(renderToStaticMarkup(<ComplianceSummary years={null} />)).toContain("学时达标情况暂时无法获取");
  });
});
