import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadLoader } from "../utils/download-refusal.server.ts";
import { IMPORT_PATH, importTemplateResponse } from "../utils/import.server.ts";

// 批量导入 › 下载模板: the XLSX template of the caller's unit (utils/import.server.ts); a refusal goes back to 批量导入.
export const loader = downloadLoader(
  () => IMPORT_PATH,
  ({ request, context }: LoaderFunctionArgs) => importTemplateResponse(request, context),
);
