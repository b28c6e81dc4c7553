import { TitleDistributionInput, type TitleDistributionRow, titleSeriesName } from "@ce/contracts";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { STATS } from "../components/stats/links.ts";
import { backTo, downloadLoader } from "../utils/download-refusal.server.ts";
import { openedSearch } from "../utils/id-search.server.ts";
import { parseListQuery } from "../utils/query.ts";
import { requirePage } from "../utils/session.server.ts";
import { exportFormat, exportTable } from "../utils/spreadsheet.server.ts";
import { FilterRefusal, unitIdByName } from "../utils/stats.server.ts";

const HEADER = ["专业技术职务", "初级", "中级", "高级", "无", "人数"];

// 职称系列分布情况 › 导出: the page's table (every title series, then 合计) for the same 时间范围,
// 地区 and 用人单位 in the caller's scope, XLSX or CSV (`format=csv`); a refusal goes back to the page, by its filter.
export const loader = downloadLoader(
  ({ request }) => backTo(request, STATS.titleSeries, ["format"]),
  async ({ request, context }: LoaderFunctionArgs) => {
    const { api } = await requirePage(request, context, STATS.titleSeries);
    const search = openedSearch(request);
    const filters = parseListQuery(TitleDistributionInput, search);
    const employerId = await unitIdByName(api, search.get("employer") ?? undefined, ["EMPLOYER"], "employer", "用人单位").catch((e) => {
      throw e instanceof FilterRefusal ? data({ message: e.message, field: e.field }, { status: e.status }) : e;
    });
    const distribution = await api.reporting.statistics.titleDistribution.query({ ...filters, employerId });
    const { totals } = distribution;
    return exportTable(exportFormat(search), {
      // One fixed row per title series: a single page.
      fetchPage: async () => ({ items: distribution.rows, total: distribution.rows.length, page: 1 }),
      name: `职称系列分布情况_${distribution.from ?? "最早"}至${distribution.to}`,
      header: HEADER,
      cells: (r: TitleDistributionRow) => [titleSeriesName(r.titleSeries), r.junior, r.intermediate, r.senior, r.none, r.total],
      footer: () => [["合计", totals.junior, totals.intermediate, totals.senior, totals.none, totals.total]],
    });
  },
);
