import type { ActionFunctionArgs } from "@remix-run/node";
import { downloadLoader } from "../utils/download-refusal.server.ts";
import { IMPORT_PATH, importFailedRowsResponse } from "../utils/import.server.ts";

// 批量导入 › 导出失败信息: the uploaded file's rows with errors as XLSX (utils/import.server.ts); a
// refusal (no file, a file the service cannot read) goes back to 批量导入 with its message.
export const action = downloadLoader(
  () => IMPORT_PATH,
  ({ request, context }: ActionFunctionArgs) => importFailedRowsResponse(request, context),
);
