import { TitleDistributionInput, type TitleDistributionRow, titleSeriesName } from "@ce/contracts";
import { STATS } from "../components/stats/links.ts";
import { listExportLoader } from "../utils/list-export.server.ts";
import { unitIdByName } from "../utils/stats.server.ts";

const HEADER = ["专业技术职务", "初级", "中级", "高级", "无", "人数"];

// 职称系列分布情况 › 导出: the page's table (every title series, then 合计) for the same 时间范围,
// 地区 and 用人单位 in the caller's scope, XLSX or CSV (`format=csv`); a refusal goes back to the page, by its filter.
export const loader = listExportLoader({
  page: STATS.titleSeries,
  schema: TitleDistributionInput,
  table: async ({ api, input, search }) => {
    const employerId = await unitIdByName(api, "employer", search.get("employer"));
    const distribution = await api.reporting.statistics.titleDistribution.query({ ...input, employerId });
    const { totals } = distribution;
    return {
      // One fixed row per title series: a single page.
      fetchPage: async () => ({ items: distribution.rows, total: distribution.rows.length, page: 1 }),
      name: `职称系列分布情况_${distribution.from ?? "最早"}至${distribution.to}`,
      header: HEADER,
      cells: (r: TitleDistributionRow) => [titleSeriesName(r.titleSeries), r.junior, r.intermediate, r.senior, r.none, r.total],
      footer: () => [["合计", totals.junior, totals.intermediate, totals.senior, totals.none, totals.total]],
    };
  },
});
