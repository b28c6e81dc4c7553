import { DecideUnitChangesInput, ListUnitChangesInput, type UnitChangeRow, unitChangeKindLabels } from "@ce/contracts";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { CodeChange } from "../components/CreditCodeConfirm.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, inputBase } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { Pager } from "../components/Pager.tsx";
import { toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { parseListQuery } from "../utils/query.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { BATCH_PART, type Typed, typedBack, typedChecked, typedOr } from "../utils/typed-back.ts";

const PATH = "/reviews/unit-changes";
const FORM_ID = "decide-unit-changes";
const statusLabels = { PENDING: "待审核", APPROVED: "审核通过", REJECTED: "已驳回" } as const;

// 审核账户 › 审核机构信息修改: 待审核 / 已审核, batch 通过 / 驳回.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PATH);
  const input = parseListQuery(ListUnitChangesInput, new URL(request.url).searchParams);
  const result = await api.identity.unitChanges.list.query(input).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label], tab: input.tab, filters: { unitName: input.unitName ?? "" }, result };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  const form = await readTextForm(request);
  // A refusal puts back the ticked rows and the reason (typed-back.ts).
  const typed = typedBack(form, BATCH_PART, ["reason"], ["approvalIds"]);
  const parsed = DecideUnitChangesInput.safeParse({
    approvalIds: form.getAll("approvalIds"),
    decision: form.get("decision"),
    reason: form.get("reason") ?? undefined,
  });
  if (!parsed.success) return data({ ok: false, message: parsed.error.issues[0]?.message ?? "提交的信息有误", typed }, { status: 400 });
  try {
    const { decided, applied } = await api.identity.unitChanges.decide.mutate(parsed.data);
    const verb = parsed.data.decision === "APPROVE" ? "通过" : "驳回";
    return { ok: true, message: `已${verb}${decided}条申请${applied > 0 ? `，其中${applied}条已生效` : ""}` };
  } catch (error) {
    return data({ ok: false, message: toFormErrors(error, []).formErrors.join("；"), typed }, { status: 400 });
  }
}

function columns(offset: number, pendingTab: boolean, typed: Typed | null): Column<UnitChangeRow>[] {
  const cols: Column<UnitChangeRow>[] = [
    { header: "序号", cell: (_, i) => offset + i + 1, className: "w-14 text-center" },
    { header: "法人单位", cell: (r) => r.unitName },
    // What the applicant asked for is shown in the row, not only on hover: the reviewer approves it.
    {
      header: "组织机构代码/统一社会信用代码",
      cell: (r) => (r.kind === "CODE" ? <CodeChange oldCode={r.oldCode} newCode={r.newCode} mismatch={r.newCodeCheckMismatch} /> : (r.code ?? "")),
      className: "font-mono",
    },
    {
      header: "信息修改类型",
      cell: (r) => (
        <>
          {unitChangeKindLabels[r.kind]}
          {r.kind === "CODE" ? null : <span className="block text-xs text-gray-600">{r.detail}</span>}
        </>
      ),
      className: "whitespace-nowrap",
    },
    { header: "管理员", cell: (r) => r.adminName, className: "whitespace-nowrap" },
    { header: "联系电话", cell: (r) => r.phoneMasked ?? "", className: "whitespace-nowrap font-mono" },
    {
      header: "操作",
      className: "whitespace-nowrap text-center",
      cell: (r) =>
        pendingTab ? (
          <label className="inline-flex items-center gap-1">
            <input
              type="checkbox"
              name="approvalIds"
              value={r.approvalId}
              form={FORM_ID}
              defaultChecked={typedChecked(typed, BATCH_PART, "approvalIds", r.approvalId)}
              aria-label={`选择${r.unitName}`}
            />
            选择
          </label>
        ) : (
          <>
            {statusLabels[r.status]}
            {r.reason ? <span className="block text-xs text-gray-600">原因：{r.reason}</span> : null}
          </>
        ),
    },
  ];
  return cols;
}

export default function UnitChangesReviewPage() {
  const { trail, tab, filters, result } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const typed = actionData && "typed" in actionData ? actionData.typed : null;
  const { search } = useLocation();
  const tabHref = (t: "PENDING" | "DONE") => `?tab=${t}${filters.unitName ? `&unitName=${encodeURIComponent(filters.unitName)}` : ""}`;
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <div role="tablist" className="mb-4 flex gap-1 border-b border-gray-200 text-sm">
        {(["PENDING", "DONE"] as const).map((t) => (
          <Link
            key={t}
            to={tabHref(t)}
            role="tab"
            aria-selected={tab === t}
            className={`-mb-px border-b-2 px-4 py-2 ${tab === t ? "border-blue-700 text-blue-800" : "border-transparent text-gray-600"}`}
          >
            {t === "PENDING" ? "待审核" : "已审核"}
          </Link>
        ))}
      </div>
      <Form method="get" key={search} className="mb-4 flex flex-wrap items-center gap-3 text-sm" role="search">
        <input type="hidden" name="tab" value={tab} />
        <label htmlFor="filter-unit" className="text-gray-700">
          法人单位:
        </label>
        <input id="filter-unit" name="unitName" defaultValue={filters.unitName} maxLength={100} className={`${inputBase} w-56`} />
        <button type="submit" className={buttonClass}>
          查询
        </button>
      </Form>
      {actionData ? (
        <div className="mb-4">
          <Notice tone={actionData.ok ? "success" : "error"}>{actionData.message}</Notice>
        </div>
      ) : null}
      {tab === "PENDING" ? (
        <Form method="post" id={FORM_ID} className="mb-3 flex flex-wrap items-center gap-3 text-sm">
          <button type="submit" name="decision" value="APPROVE" className={buttonClass}>
            通过
          </button>
          <button type="submit" name="decision" value="REJECT" className={buttonClass}>
            驳回
          </button>
          <label htmlFor="reject-reason" className="text-gray-700">
            驳回原因:
          </label>
          <input id="reject-reason" name="reason" defaultValue={typedOr(typed, BATCH_PART, "reason", "")} maxLength={200} className={`${inputBase} w-72`} />
        </Form>
      ) : null}
      <DataTable
        caption="机构信息修改申请"
        columns={columns((result.page - 1) * result.pageSize, tab === "PENDING", typed)}
        rows={result.items}
        rowKey={(r) => r.approvalId}
      />
      <Pager page={result.page} pageSize={result.pageSize} total={result.total} query={search} />
      <p className="mt-3 text-xs text-gray-500">注：如果申请的单位主动撤销更换操作时，其产生的待审核、已审核记录会自动消失</p>
    </div>
  );
}
