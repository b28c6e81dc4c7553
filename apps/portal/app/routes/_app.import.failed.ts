import type { ActionFunctionArgs } from "@remix-run/node";
import { importFailedRowsResponse } from "../utils/import.server.ts";
import { resourceLoader } from "../utils/resource.server.ts";

// 批量导入 › 导出失败信息: the uploaded file's rows with errors as XLSX (utils/import.server.ts).
export const action = resourceLoader(({ request, context }: ActionFunctionArgs) => importFailedRowsResponse(request, context));
