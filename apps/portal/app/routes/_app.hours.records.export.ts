import { ListRecordsInput, recognitionResultLabels, subjectTypeLabels, type DeclarationRow } from "@ce/contracts";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { canOpen, locate } from "../utils/menu.ts";
import { parseListQuery } from "../utils/query.ts";
import { requireUser, rethrowServiceError } from "../utils/session.server.ts";

const HEADER = ["序号", "姓名", "认定年度", "科目类型", "学习形式", "申报学时", "认定学时", "当前处理人", "认定结果"];
const PAGE = 200;

// Quotes every cell and neutralises a leading =+-@ so a spreadsheet never runs it as a formula.
const cell = (v: unknown) => `"${String(v ?? "").replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"`;

const line = (r: DeclarationRow, i: number) =>
  [i + 1, r.professionalName, r.year, subjectTypeLabels[r.subject], r.formName, r.requestedHours, r.recognizedHours ?? "", r.currentHandlerName ?? "", recognitionResultLabels[r.status]]
    .map(cell)
    .join(",");

// 查看申报记录 › 导出: the tab's records as CSV, UTF-8 with a BOM so Excel shows the Chinese (XLSX pending).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { me, api } = await requireUser(request, context);
  const here = locate("/hours/records");
  if (!here || !canOpen(me, here.page)) throw data({ message: "您没有权限访问该页面" }, { status: 403 });
  const { tab } = parseListQuery(ListRecordsInput, new URL(request.url).searchParams);
  const rows: DeclarationRow[] = [];
  for (let page = 1; ; page++) {
    const result = await api.hours.declarations.records.query({ tab, page, pageSize: PAGE }).catch((e) => rethrowServiceError(request, e));
    rows.push(...result.items);
    if (page * PAGE >= result.total) break;
  }
  const body = `\uFEFF${[HEADER.map(cell).join(","), ...rows.map(line)].join("\r\n")}\r\n`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent("学时申报记录.csv")}`,
    },
  });
}
