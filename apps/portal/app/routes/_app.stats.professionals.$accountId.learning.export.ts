import { complianceVerdict, LearningRecordInput, type LearningYear } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { STATS } from "../components/stats/links.ts";
import { parseListQuery } from "../utils/query.ts";
import { resourceLoader } from "../utils/resource.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { exportFormat, exportTable } from "../utils/spreadsheet.server.ts";

const HEADER = ["序号", "证件号", "姓名", "年度", "完成公需课时", "完成专业课时", "总完成学时", "认定结果"];

// 学习记录 › 导出: the person's years as of 统计时间 (证件号 masked as on screen), XLSX or CSV (`format=csv`).
export const loader = resourceLoader(async ({ request, context, params }: LoaderFunctionArgs) => {
  const { api } = await requirePage(request, context, STATS.professionals);
  const search = new URL(request.url).searchParams;
  const { asOf } = parseListQuery(LearningRecordInput.omit({ accountId: true }), search);
  const record = await api.reporting.statistics.learningRecord.query({ accountId: params.accountId ?? "", asOf }).catch((e) => rethrowServiceError(request, e));
  return exportTable(exportFormat(search), {
    // A person has a handful of years: one page holds them all.
    fetchPage: async () => ({ items: record.years, total: record.years.length, page: 1 }),
    name: `${record.name}学习记录_统计时间${record.asOf}`,
    header: HEADER,
    cells: (y: LearningYear, i) => [i + 1, record.idNumberMasked, record.name, y.year, y.general, y.professional, y.total, complianceVerdict(y.compliant)],
  });
});
