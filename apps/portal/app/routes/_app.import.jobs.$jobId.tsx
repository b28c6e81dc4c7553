import { activationLabel, formatDateTime, type ImportJob, ImportJobAction, importJobStatusLabels, importKeptReasonLabels, PageRequest } from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { FactList } from "../components/FactList.tsx";
import { FormErrors, replyMessages } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { RowAction } from "../components/RowAction.tsx";
import { redirectWithFlash, samePage } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";
import { IMPORT_PATH } from "../utils/import.server.ts";
import { ResetProfessionalPasswordForm, resetProfessionalPassword } from "../utils/professional-password.server.ts";
import { parseListQuery } from "../utils/query.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

// 批量导入 › one import: 开始导入 a checked upload, its progress (a bar that polls; without JS the
// page reloads itself), the result, and 撤销导入 within 24 hours.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, IMPORT_PATH);
  const jobId = params.jobId ?? "";
  const input = { ...parseListQuery(PageRequest, new URL(request.url).searchParams), jobId };
  const [job, people] = await Promise.all([api.identity.imports.job.query({ jobId }), api.identity.imports.people.query(input)]).catch((e) =>
    rethrowServiceError(request, e),
  );
  return { trail: [here.section.label, here.page.label, job.fileName], job, people };
}

/** 开始导入, 撤销导入, or 重置密码 of an imported person (who is 未激活 until then). */
const JobPageAction = z.discriminatedUnion("intent", [ImportJobAction, ResetProfessionalPasswordForm]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, IMPORT_PATH);
  const jobId = params.jobId ?? "";
  return formAction(request, JobPageAction, {}, async (form) => {
    const { intent } = form;
    if (intent === "resetPassword") return resetProfessionalPassword(api, request, form);
    if (intent === "start") {
      await api.identity.imports.start.mutate({ uploadId: jobId });
      return redirectWithFlash(samePage(request), "已开始导入，可离开本页，稍后在批量导入页查看结果");
    }
    const undone = await api.identity.imports.undo.mutate({ jobId });
    return redirectWithFlash(samePage(request), `已撤销导入：删除${undone.removed ?? 0}人，保留${undone.kept.length}人`);
  });
}

const running = (job: ImportJob) => job.status === "QUEUED" || job.status === "RUNNING";

export default function ImportJobPage() {
  const { trail, job, people } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { revalidate, state } = useRevalidator();
  const active = running(job);
  // With JS the bar follows the job once a second; without it the <noscript> refresh reloads the page.
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (state === "idle") revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [active, revalidate, state]);
  return (
    <div className="space-y-4">
      <Breadcrumbs trail={trail} />
      {active ? (
        <noscript>
          <meta httpEquiv="refresh" content="3" />
        </noscript>
      ) : null}
      <h1 className="text-lg font-semibold text-gray-800">批量导入：{job.fileName}</h1>
      <FormErrors errors={replyMessages(reply?.result)} />
      <JobStatus job={job} />
      {job.status === "CHECKED" ? (
        <div className="space-y-2">
          <p className="text-sm text-gray-700">
            校验结果：可导入{job.importable}人（共{job.totalRows}条数据行）。导入后，新人员为“未激活”，由本单位管理员重置密码后首次登录激活。
          </p>
          <RowAction intent="start" values={{}} label={`导入可导入的${job.importable}人`} button />
        </div>
      ) : null}
      {job.undoUntil ? (
        <div className="space-y-2">
          <p className="text-sm text-gray-700">
            {formatDateTime(new Date(job.undoUntil))}
            前可撤销本次导入：删除本次导入后未登录、未修改信息、未申报学时的人员，其余人员保留并列出。
          </p>
          <RowAction intent="undo" values={{}} label="撤销导入" confirm={`确定撤销本次导入（${job.fileName}）吗？`} button />
        </div>
      ) : null}
      {job.kept.length > 0 ? (
        <DataTable
          caption="撤销时保留的人员"
          columns={[
            { header: "姓名", cell: (p) => p.name },
            { header: "证件号", cell: (p) => p.idNumberMasked },
            { header: "保留原因", cell: (p) => importKeptReasonLabels[p.reason] },
          ]}
          rows={job.kept}
          rowKey={(p) => `${p.idNumberMasked}-${p.name}`}
        />
      ) : null}
      {people.total > 0 ? (
        <section aria-label="导入的人员" className="space-y-2">
          <h2 className="font-semibold text-gray-800">导入的人员（{people.total}人）</h2>
          <PagedTable
            caption="导入的人员"
            numbered
            columns={[
              { header: "姓名", cell: (p) => p.name },
              { header: "证件号", cell: (p) => p.idNumberMasked },
              { header: "账户状态", cell: (p) => activationLabel(p.activated), className: "text-center" },
              {
                header: "操作",
                cell: (p) =>
                  p.activated ? null : (
                    <RowAction
                      intent="resetPassword"
                      values={{ accountId: p.accountId, name: p.name }}
                      label="重置密码"
                      confirm={`确定重置${p.name}的密码吗？`}
                    />
                  ),
                className: "text-center",
              },
            ]}
            result={people}
            rowKey={(p) => p.accountId}
          />
        </section>
      ) : null}
      <p>
        <Link to="/import" className="text-blue-800 underline hover:text-blue-900">
          返回批量导入
        </Link>
      </p>
    </div>
  );
}

/** 状态, the progress bar (rows done of all data rows) while it runs, and the counts once it ran. */
function JobStatus({ job }: { job: ImportJob }) {
  const percent = job.totalRows === 0 ? 100 : Math.floor((job.rowsDone / job.totalRows) * 100);
  const counts: [string, number | null, string][] = [
    ["新增", job.created, "人"],
    ["已存在", job.existing, "人"],
    ["有错误", job.invalid, "条"],
    ["撤销删除", job.removed, "人"],
  ];
  return (
    <section aria-label="导入结果" className="space-y-3">
      <p className="text-sm">
        状态：<strong>{importJobStatusLabels[job.status]}</strong>
        {job.finishedAt ? `（${formatDateTime(new Date(job.finishedAt))} 完成）` : null}
      </p>
      {job.status !== "CHECKED" ? (
        <div className="space-y-1">
          <label htmlFor="import-progress" className="text-sm text-gray-700">
            导入进度：已处理 {job.rowsDone} / {job.totalRows} 行（{percent}%）
          </label>
          <progress id="import-progress" value={job.rowsDone} max={Math.max(job.totalRows, 1)} className="block h-3 w-full max-w-xl" />
          {running(job) ? (
            <p className="text-xs text-gray-500">
              导入在后台进行，可离开本页；页面每隔几秒自动刷新（或<Link to=".">手动刷新</Link>）。
            </p>
          ) : null}
        </div>
      ) : null}
      {job.status !== "CHECKED" ? (
        <FactList look="counts" facts={counts.filter(([, value]) => value !== null).map(([label, value, unit]) => [label, `${value}${unit}`])} />
      ) : null}
      {job.status === "DONE" && job.existing > 0 ? <Notice>已存在的人员（证件号已在平台注册）未重复导入。</Notice> : null}
      {job.error ? <Notice tone="error">{job.error}</Notice> : null}
    </section>
  );
}
