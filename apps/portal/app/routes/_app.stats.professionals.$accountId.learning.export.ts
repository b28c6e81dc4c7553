import { complianceVerdict, LearningRecordInput, type LearningYear } from "@ce/contracts";
import { STATS } from "../components/stats/links.ts";
import { listExportLoader } from "../utils/list-export.server.ts";

const HEADER = ["序号", "证件号", "姓名", "年度", "完成公需课时", "完成专业课时", "总完成学时", "认定结果"];

// 学习记录 › 导出: the person's years as of 统计时间 (证件号 masked as on screen), XLSX or CSV (`format=csv`);
// a refusal goes back to the page, by 统计时间.
export const loader = listExportLoader({
  page: STATS.professionals,
  back: (params) => `${STATS.professionals}/${params.accountId ?? ""}/learning`,
  schema: LearningRecordInput.omit({ accountId: true }),
  table: async ({ api, input, params }) => {
    const record = await api.reporting.statistics.learningRecord.query({ accountId: params.accountId ?? "", asOf: input.asOf });
    return {
      // A person has a handful of years: one page holds them all.
      fetchPage: async () => ({ items: record.years, total: record.years.length, page: 1 }),
      name: `${record.name}学习记录_统计时间${record.asOf}`,
      header: HEADER,
      cells: (y: LearningYear, i) => [i + 1, record.idNumberMasked, record.name, y.year, y.general, y.professional, y.total, complianceVerdict(y.compliant)],
    };
  },
});
