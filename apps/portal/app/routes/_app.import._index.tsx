import {
  formatDateTime,
  IMPORT_ERRORS_SHOWN,
  type ImportChecked,
  type ImportJob,
  ImportUploadForm,
  importJobStatusLabels,
  MAX_IMPORT_BYTES,
} from "@ce/contracts";
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { FactList } from "../components/FactList.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, Field, FileInput, FormErrors, FormPanel, SubmitRow, useSchemaForm } from "../components/forms.tsx";
import { DownloadRefusal, Notice } from "../components/Notice.tsx";
import { pageWithRefusal } from "../utils/download-refusal.server.ts";
import { IMPORT_PATH, importCheckAction } from "../utils/import.server.ts";
import { loaderHeaders } from "../utils/route-headers.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

/** The loader's headers (a refused download's one-time cookie cleared) reach the document answer too. */
export const headers = loaderHeaders;

// 批量导入 (guide §3.8): 下载模板, upload a filled one and see what would be imported (校验), then
// import the valid rows (a background job, routes/_app.import.jobs.$jobId.tsx); the latest imports below.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, IMPORT_PATH);
  const jobs = await api.identity.imports.jobs.query().catch((e) => rethrowServiceError(request, e));
  // A refused 下载模板 or 导出失败信息 comes back here with its message.
  return pageWithRefusal(request, { trail: [here.section.label, here.page.label], jobs });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, IMPORT_PATH);
  return importCheckAction(request, api);
}

export default function ImportPage() {
  const { trail, jobs, refused } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const check = reply && "check" in reply ? reply : null;
  const [form, fields] = useSchemaForm(ImportUploadForm, {
    id: "import-upload",
    lastResult: reply && "result" in reply ? reply.result : null,
    validate: "onSubmit",
  });
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <DownloadRefusal refused={refused} />
      <FormPanel title="批量导入专业技术人员" className="max-w-3xl">
        <ol className="mb-4 list-decimal space-y-1 pl-5 text-gray-700">
          <li>
            <a href="/import/template" download className="text-blue-800 underline hover:text-blue-900">
              下载模板
            </a>
            ，按模板要求填写人员信息（证件号列请保持文本格式）。
          </li>
          <li>上传填好的文件（.xlsx 或 .csv，不超过{MAX_IMPORT_BYTES / 1024 / 1024}M），系统先逐行校验，校验不会导入任何人员。</li>
          <li>校验后点“导入”，可导入的人员在后台导入，可查看进度；导入的人员为“未激活”，重置密码后首次登录即激活。</li>
          <li>有错误时，选择同一文件点“导出失败信息”，按“错误原因”修改后重新上传。导入完成24小时内可撤销。</li>
        </ol>
        {/* A whole-page post: 导出失败信息 goes to /import/failed, which answers with a file for the browser to save. */}
        <Form method="post" encType="multipart/form-data" reloadDocument {...getFormProps(form)} className="space-y-4">
          <Field label="导入文件" htmlFor="import-file" errors={fields.fileName.errors} errorId={fields.fileName.errorId} required>
            <FileInput
              id="import-file"
              name="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              aria-invalid={Boolean(fields.fileName.errors) || undefined}
              aria-describedby={fields.fileName.errors ? fields.fileName.errorId : undefined}
              onChange={(e) => {
                const name = e.currentTarget.files?.[0]?.name ?? "";
                const hidden = e.currentTarget.form?.elements.namedItem("fileName");
                if (hidden instanceof HTMLInputElement) hidden.value = name;
              }}
            />
            <input type="hidden" name="fileName" />
          </Field>
          <FormErrors errors={form.errors} />
          <SubmitRow label="上传并校验">
            <button type="submit" formAction="/import/failed" className="rounded border border-blue-700 px-4 py-2 text-sm text-blue-800 hover:bg-blue-50">
              导出失败信息
            </button>
          </SubmitRow>
        </Form>
      </FormPanel>
      {check ? <CheckReport fileName={check.fileName} check={check.check} /> : null}
      <RecentImports jobs={jobs} />
    </div>
  );
}

/** 校验结果: the counts, remarks about the file, and the first errors (行号, 列, 错误). */
function CheckReport({ fileName, check }: { fileName: string; check: ImportChecked }) {
  const counts: [string, number][] = [
    ["数据行", check.rows],
    ["可导入", check.importable],
    ["有错误", check.invalid],
    ["重复", check.duplicates],
  ];
  return (
    <section aria-label="校验结果" className="space-y-3">
      <h2 className="font-semibold text-gray-800">校验结果：{fileName}</h2>
      <FactList look="counts" facts={counts.map(([label, value]) => [label, `${value}条`])} />
      {check.notes.map((note) => (
        <Notice key={note}>{note}</Notice>
      ))}
      {check.uploadId ? (
        <Form method="post" action={`/import/jobs/${check.uploadId}`} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="intent" value="start" />
          <button type="submit" className={buttonClass}>
            导入可导入的{check.importable}人
          </button>
          <span className="text-sm text-gray-600">有错误和重复的行不会导入。</span>
        </Form>
      ) : (
        <Notice>该文件没有可导入的人员。</Notice>
      )}
      {check.errors.length > 0 ? (
        <>
          {check.errorsTruncated ? <p className="text-sm text-gray-600">只列出前{IMPORT_ERRORS_SHOWN}条错误，请修改后重新校验。</p> : null}
          <DataTable
            caption="错误列表"
            columns={[
              { header: "行号", cell: (e) => e.row, className: "text-center" },
              { header: "列", cell: (e) => e.column || "整行" },
              { header: "错误", cell: (e) => e.message },
            ]}
            rows={check.errors}
            rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
          />
        </>
      ) : null}
    </section>
  );
}

/** 最近导入: the unit's latest imports, each linking to its progress and result. */
function RecentImports({ jobs }: { jobs: readonly ImportJob[] }) {
  if (jobs.length === 0) return null;
  return (
    <section aria-label="最近导入" className="mt-6 space-y-2">
      <h2 className="font-semibold text-gray-800">最近导入</h2>
      <DataTable
        caption="最近导入"
        columns={[
          {
            header: "文件",
            cell: (j) => (
              <Link to={`/import/jobs/${j.jobId}`} className="text-blue-800 underline">
                {j.fileName}
              </Link>
            ),
          },
          { header: "提交时间", cell: (j) => formatDateTime(new Date(j.createdAt)) },
          { header: "状态", cell: (j) => importJobStatusLabels[j.status] },
          { header: "进度", cell: (j) => `${j.rowsDone}/${j.totalRows}` },
          { header: "新增", cell: (j) => j.created, className: "text-center" },
        ]}
        rows={jobs}
        rowKey={(j) => j.jobId}
      />
    </section>
  );
}
