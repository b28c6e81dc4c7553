import { complianceVerdict, VerifyLearningInput, type VerifyLearningRow } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { STATS } from "../components/stats/links.ts";
import { backTo, downloadLoader } from "../utils/download-refusal.server.ts";
import { openedSearch } from "../utils/id-search.server.ts";
import { parseListQuery } from "../utils/query.ts";
import { requirePage } from "../utils/session.server.ts";
import { exportFormat, exportTable } from "../utils/spreadsheet.server.ts";

const HEADER = ["序号", "证件号", "姓名", "年度", "完成公需课时", "完成专业课时", "总完成学时", "认定结果"];

// 学习记录验证 › 导出: every row the page's 证件号 / 姓名 find in the caller's scope (证件号 masked
// as on screen), XLSX or CSV (`format=csv`); a refusal goes back to the page, by its filter.
export const loader = downloadLoader(
  ({ request }) => backTo(request, STATS.verification, ["format"]),
  async ({ request, context }: LoaderFunctionArgs) => {
    const { api } = await requirePage(request, context, STATS.verification);
    const search = openedSearch(request);
    const { page: _page, pageSize: _pageSize, ...filters } = parseListQuery(VerifyLearningInput, search);
    return exportTable(exportFormat(search), {
      fetchPage: (page, pageSize) => api.reporting.statistics.verifyLearning.query({ ...filters, page, pageSize }),
      name: "学习记录验证",
      header: HEADER,
      cells: (r: VerifyLearningRow, i) => [i + 1, r.idNumberMasked, r.name, r.year, r.general, r.professional, r.total, complianceVerdict(r.compliant)],
    });
  },
);
