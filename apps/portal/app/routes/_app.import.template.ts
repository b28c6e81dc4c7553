import type { LoaderFunctionArgs } from "@remix-run/node";
import { importTemplateResponse } from "../utils/import.server.ts";
import { resourceLoader } from "../utils/resource.server.ts";

// 批量导入 › 下载模板: the XLSX template of the caller's unit (utils/import.server.ts).
export const loader = resourceLoader(({ request, context }: LoaderFunctionArgs) => importTemplateResponse(request, context));
