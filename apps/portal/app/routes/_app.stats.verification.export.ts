import { complianceVerdict, VerifyLearningInput, type VerifyLearningRow } from "@ce/contracts";
import { STATS } from "../components/stats/links.ts";
import { listExportLoader } from "../utils/list-export.server.ts";

const HEADER = ["序号", "证件号", "姓名", "年度", "完成公需课时", "完成专业课时", "总完成学时", "认定结果"];

// 学习记录验证 › 导出: every row the page's 证件号 / 姓名 find in the caller's scope (证件号 masked
// as on screen), XLSX or CSV (`format=csv`); a refusal goes back to the page, by its filter.
export const loader = listExportLoader({
  page: STATS.verification,
  schema: VerifyLearningInput,
  table: ({ api, input }) => ({
    fetchPage: (page, pageSize) => api.reporting.statistics.verifyLearning.query({ ...input, page, pageSize }),
    name: "学习记录验证",
    header: HEADER,
    cells: (r: VerifyLearningRow, i) => [i + 1, r.idNumberMasked, r.name, r.year, r.general, r.professional, r.total, complianceVerdict(r.compliant)],
  }),
});
