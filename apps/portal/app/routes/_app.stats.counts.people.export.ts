import { CountPeopleInput, type CountPerson, complianceVerdict, statisticMeasureLabels } from "@ce/contracts";
import { STATS } from "../components/stats/links.ts";
import { listExportLoader } from "../utils/list-export.server.ts";

const HEADER = ["序号", "姓名", "证件号", "所在单位", "完成公需课时", "完成专业课时", "总完成学时", "认定结果"];

// 专业技术人员数量查询 › one figure's people › 导出: all of them (same 统计时间, unit and figure, the
// caller's scope; 证件号 masked as on screen) as XLSX or CSV (`format=csv`); a refusal goes back to the page.
export const loader = listExportLoader({
  page: STATS.counts,
  back: () => STATS.countPeople,
  schema: CountPeopleInput,
  table: ({ api, input }) => ({
    fetchPage: (page, pageSize) => api.reporting.statistics.countPeople.query({ ...input, page, pageSize }),
    name: (first) => `${first.unitName}${first.scope === "SUBTREE" ? "合计" : ""}${statisticMeasureLabels[first.measure]}_统计时间${first.asOf}`,
    header: HEADER,
    cells: (p: CountPerson, i) => [i + 1, p.name, p.idNumberMasked, p.unitName, p.general, p.professional, p.total, complianceVerdict(p.compliant)],
  }),
});
