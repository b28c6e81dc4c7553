import { type ProfessionalCountRow, ProfessionalCountsInput, unitKindLabels } from "@ce/contracts";
import { passRateText } from "../components/stats/filters.tsx";
import { STATS } from "../components/stats/links.ts";
import { listExportLoader } from "../utils/list-export.server.ts";

const HEADER = ["序号", "单位名称", "单位类型", "注册总数", "学习总数", "合格总数", "合格率"];

// 专业技术人员数量查询 › 导出: every row of the page's statistic (same 统计时间 and unit, the caller's
// scope) and the 合计 row, as XLSX or CSV (`format=csv`); the sheet is named with its 统计时间. A refusal
// goes back to the page (downloadLoader), its message by 统计时间 or above the table.
export const loader = listExportLoader({
  page: STATS.counts,
  schema: ProfessionalCountsInput,
  table: ({ api, input }) => ({
    fetchPage: (page, pageSize) => api.reporting.statistics.professionalCounts.query({ ...input, page, pageSize }),
    name: (first) => `专业技术人员数量查询_统计时间${first.asOf}`,
    header: HEADER,
    cells: (r: ProfessionalCountRow, i) => [i + 1, r.unitName, unitKindLabels[r.unitKind], r.registered, r.studying, r.compliant, passRateText(r.passRate)],
    footer: (first) => [[null, "合计", null, first.totals.registered, first.totals.studying, first.totals.compliant, passRateText(first.totals.passRate)]],
  }),
});
