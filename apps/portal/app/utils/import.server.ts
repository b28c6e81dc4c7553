import { ImportUploadForm, MAX_IMPORT_BYTES } from "@ce/contracts";
import { type AppLoadContext, data } from "@remix-run/node";
import type { Api } from "./api.server.ts";
import { formAction, unreadable } from "./form-action.server.ts";
import { readForm } from "./form-data.server.ts";
import { requirePage, rethrowServiceError } from "./session.server.ts";

// The page routes/_app.import._index.tsx and the downloads routes/_app.import.template.ts and
// routes/_app.import.failed.ts run these.

/** 批量导入's menu page: the template, the upload and the check are all opened by its permission (import.professionals). */
export const IMPORT_PATH = "/import";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** identity reports a refused file under `file`; the form shows it next to 导入文件 (the field is `file`, its name `fileName`). */
const FILE_ALIASES = { file: "fileName" };

/**
 * 下载模板: the caller's unit's template as identity builds it (imports.template: columns, note,
 * drop-downs with the unit's departments), sent as an XLSX download that is never cached. 403 page
 * without the 批量导入 module; a service failure goes through rethrowServiceError.
 */
export async function importTemplateResponse(request: Request, context: AppLoadContext | undefined): Promise<Response> {
  const { api } = await requirePage(request, context, IMPORT_PATH);
  return xlsxDownload(await api.identity.imports.template.query().catch((e) => rethrowServiceError(request, e)));
}

/** An XLSX from identity (template, failed rows) as a download that is never cached. */
function xlsxDownload(file: { fileName: string; base64: string }): Response {
  return new Response(Buffer.from(file.base64, "base64"), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}

/**
 * 上传并校验: the chosen file (multipart, ≤ MAX_IMPORT_BYTES, read by readForm) goes to identity's
 * dry run as base64 in the tRPC body — the way 人员调转's 附件 travels — and the page shows the
 * answer: `{ check }` (ImportDryRun: 可导入 / 有错误 / 重复, the first errors). The check writes
 * nothing, so it answers with the report rather than redirect-after-post: submitting again only
 * checks again. A refused file (type, size, missing columns…) comes back by the file field.
 */
export async function importCheckAction(request: Request, api: Api) {
  const read = await readForm(request, { file: { label: "导入文件", maxBytes: MAX_IMPORT_BYTES } });
  if (!read.ok) return unreadable(read, {}, FILE_ALIASES);
  const file = read.files.file?.[0] ?? null;
  if (file) read.form.set("fileName", file.name);
  return formAction(request, ImportUploadForm, { form: read.form, fields: ["fileName"], aliases: FILE_ALIASES }, async (value) => {
    const bytes = file ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    if (read.form.get("intent") === "failed")
      return xlsxDownload(await api.identityFiles.imports.failedRows.mutate({ fileName: value.fileName, base64: bytes.toString("base64") }));
    const check = await api.identityFiles.imports.dryRun.mutate({ fileName: value.fileName, base64: bytes.toString("base64") });
    return data({ check, fileName: value.fileName });
  });
}

/**
 * 导出失败信息: the upload form's second button posts the same file here (formAction
 * /import/failed, a whole-page post), and the answer is identity's file of the rows with errors
 * (imports.failedRows) as an XLSX download. A file that cannot be read or checked, or that has no
 * failed rows, is the Chinese error page with identity's reason (resourceLoader); 403 without the module.
 */
export async function importFailedRowsResponse(request: Request, context: AppLoadContext | undefined): Promise<Response> {
  const { api } = await requirePage(request, context, IMPORT_PATH);
  const read = await readForm(request, { file: { label: "导入文件", maxBytes: MAX_IMPORT_BYTES } });
  if (!read.ok) throw data({ message: Object.values(read.fieldErrors).flat()[0] ?? read.formErrors[0] ?? "请选择要导入的文件" }, { status: 400 });
  const file = read.files.file?.[0];
  if (!file) throw data({ message: "请选择要导入的文件" }, { status: 400 });
  const base64 = Buffer.from(await file.arrayBuffer()).toString("base64");
  return xlsxDownload(await api.identityFiles.imports.failedRows.mutate({ fileName: file.name, base64 }).catch((e) => rethrowServiceError(request, e)));
}
