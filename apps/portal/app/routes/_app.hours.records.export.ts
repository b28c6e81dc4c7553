import { type DeclarationRow, ListRecordsInput, recognitionResultLabels, subjectTypeLabels } from "@ce/contracts";
import { listExportLoader } from "../utils/list-export.server.ts";
import { rethrowServiceError } from "../utils/session.server.ts";
import type { Cell } from "../utils/spreadsheet.server.ts";

const HEADER = ["序号", "姓名", "认定年度", "科目类型", "学习形式", "申报学时", "认定学时", "当前处理人", "认定结果", "申报单位"];

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
  r.declaredByUnitName ?? "本人申报",
];

// 查看申报记录 › 导出: the tab's records as XLSX (default) or CSV (`format=csv`), streamed page by
// page like every export (exportTable: the row limit, constant memory, the caller's scope). A refusal
// (a tab that does not parse, too many rows, the service's) goes back to the page (downloadLoader).
export const loader = listExportLoader({
  page: "/hours/records",
  schema: ListRecordsInput,
  table: ({ api, input, request }) => ({
    fetchPage: (page, pageSize) => api.hours.declarations.records.query({ ...input, page, pageSize }).catch((e) => rethrowServiceError(request, e)),
    name: "学时申报记录",
    header: HEADER,
    cells,
  }),
});
