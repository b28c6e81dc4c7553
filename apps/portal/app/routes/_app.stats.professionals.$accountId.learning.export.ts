import { complianceVerdict, LearningRecordInput, type LearningYear } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { STATS } from "../components/stats/links.ts";
import { backTo, downloadLoader } from "../utils/download-refusal.server.ts";
import { openedSearch } from "../utils/id-search.server.ts";
import { parseListQuery } from "../utils/query.ts";
import { requirePage } from "../utils/session.server.ts";
import { exportFormat, exportTable } from "../utils/spreadsheet.server.ts";

const HEADER = ["序号", "证件号", "姓名", "年度", "完成公需课时", "完成专业课时", "总完成学时", "认定结果"];

// 学习记录 › 导出: the person's years as of 统计时间 (证件号 masked as on screen), XLSX or CSV (`format=csv`);
// a refusal goes back to the page, by 统计时间.
export const loader = downloadLoader(
  ({ request, params }) => backTo(request, `${STATS.professionals}/${params.accountId ?? ""}/learning`, ["format"]),
  async ({ request, context, params }: LoaderFunctionArgs) => {
    const { api } = await requirePage(request, context, STATS.professionals);
    const search = openedSearch(request);
    const { asOf } = parseListQuery(LearningRecordInput.omit({ accountId: true }), search);
    const record = await api.reporting.statistics.learningRecord.query({ accountId: params.accountId ?? "", asOf });
    return exportTable(exportFormat(search), {
      // A person has a handful of years: one page holds them all.
      fetchPage: async () => ({ items: record.years, total: record.years.length, page: 1 }),
      name: `${record.name}学习记录_统计时间${record.asOf}`,
      header: HEADER,
      cells: (y: LearningYear, i) => [i + 1, record.idNumberMasked, record.name, y.year, y.general, y.professional, y.total, complianceVerdict(y.compliant)],
    });
  },
);
