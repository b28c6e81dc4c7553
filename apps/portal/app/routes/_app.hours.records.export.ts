import { type DeclarationRow, ListRecordsInput, recognitionResultLabels, subjectTypeLabels } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseListQuery } from "../utils/query.ts";
import { resourceLoader } from "../utils/resource.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { type Cell, spreadsheetResponse } from "../utils/spreadsheet.server.ts";

const HEADER = ["序号", "姓名", "认定年度", "科目类型", "学习形式", "申报学时", "认定学时", "当前处理人", "认定结果"];
const PAGE = 200;

const cells = (r: DeclarationRow, i: number): Cell[] => [
  i + 1,
  r.professionalName,
  r.year,
  subjectTypeLabels[r.subject],
  r.formName,
  r.requestedHours,
  r.recognizedHours ?? "",
  r.currentHandlerName ?? "",
  recognitionResultLabels[r.status],
];

// 查看申报记录 › 导出: the tab's records as XLSX (default) or CSV (`format=csv`).
export const loader = resourceLoader(async ({ request, context }: LoaderFunctionArgs) => {
  const { api } = await requirePage(request, context, "/hours/records");
  const params = new URL(request.url).searchParams;
  const { tab } = parseListQuery(ListRecordsInput, params);
  const rows: DeclarationRow[] = [];
  for (let page = 1; ; page++) {
    const result = await api.hours.declarations.records.query({ tab, page, pageSize: PAGE }).catch((e) => rethrowServiceError(request, e));
    // Past the end (rows removed meanwhile) the service serves its last page again: nothing new to add.
    if (result.page !== page) break;
    rows.push(...result.items);
    if (page * PAGE >= result.total) break;
  }
  return spreadsheetResponse(params.get("format") === "csv" ? "csv" : "xlsx", "学时申报记录", HEADER, rows.map(cells));
});
