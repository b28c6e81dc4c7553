import { changeRequestStatusLabels, DecideUnitChangesInput, ListUnitChangesInput, type UnitChangeRow, unitChangeKindLabels } from "@ce/contracts";
import { type FieldMetadata, getCollectionProps, getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ConfirmSubmit } from "../components/ConfirmDialog.tsx";
import { CodeChange } from "../components/CreditCodeConfirm.tsx";
import type { Column } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, FormErrors, inputBase, questionWhenValid, useSchemaForm } from "../components/forms.tsx";
import { PagedTable } from "../components/PagedTable.tsx";
import { Filter, SearchBar } from "../components/SearchBar.tsx";
import { redirectWithFlash, samePage } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";
import { batchMessage } from "../utils/review.server.ts";
import { requireListPage, requirePage } from "../utils/session.server.ts";

const PATH = "/reviews/unit-changes";

// 审核账户 › 审核机构信息修改: 待审核 / 已审核, batch 通过 / 驳回.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { trail, input, result } = await requireListPage(request, context, PATH, ListUnitChangesInput, (api, input) =>
    api.identity.unitChanges.list.query(input),
  );
  return { trail, tab: input.tab, filters: { unitName: input.unitName ?? "" }, result };
}

// Decided: the list again with the flash (how many, and how many took effect). A refusal keeps the
// ticked rows and the reason (conform's reply).
export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  return formAction(request, DecideUnitChangesInput, { fields: ["ids", "reason"] }, async (value) => {
    const { applied, ...outcome } = await api.identity.unitChanges.decide.mutate(value);
    const verb = value.decision === "APPROVE" ? "通过" : "驳回";
    const done = `已${verb}${outcome.decided.length}条申请${applied > 0 ? `，其中${applied}条已生效` : ""}`;
    return redirectWithFlash(samePage(request), batchMessage(done, outcome), { tone: outcome.skipped.length > 0 ? "info" : "success" });
  });
}

/** The rows' 选择 boxes belong to the batch form (conform's `form` attribute), which stands above the table. */
function columns(pendingTab: boolean, ticks: FieldMetadata<string[]>): Column<UnitChangeRow>[] {
  const cols: Column<UnitChangeRow>[] = [
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
          getCollectionProps(ticks, { type: "checkbox", options: [r.approvalId] }).map(({ key, ...props }) => (
            <label key={key} className="inline-flex items-center gap-1">
              <input {...props} aria-label={`选择${r.unitName}`} />
              选择
            </label>
          ))
        ) : (
          <>
            {changeRequestStatusLabels[r.status]}
            {r.reason ? <span className="block text-xs text-gray-600">原因：{r.reason}</span> : null}
          </>
        ),
    },
  ];
  return cols;
}

export default function UnitChangesReviewPage() {
  const { trail, tab, filters, result } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(DecideUnitChangesInput, { id: "decide-unit-changes", lastResult: reply?.result, validate: "onSubmit" });
  const tabHref = (t: "PENDING" | "DONE") => `?tab=${t}${filters.unitName ? `&unitName=${encodeURIComponent(filters.unitName)}` : ""}`;
  const { key: reasonKey, ...reasonProps } = getInputProps(fields.reason, { type: "text" });
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
      <SearchBar keep={{ tab }}>
        <Filter label="法人单位" name="unitName" value={filters.unitName} maxLength={100} width="w-56" />
      </SearchBar>
      {tab === "PENDING" ? (
        <Form method="post" {...getFormProps(form)} key={form.id} className="mb-3 space-y-2 text-sm">
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" name="decision" value="APPROVE" className={buttonClass}>
              通过
            </button>
            <ConfirmSubmit
              name="decision"
              value="REJECT"
              label="驳回"
              question={questionWhenValid(DecideUnitChangesInput, (data) => `确定驳回选中的${new Set(data.getAll("ids")).size}条机构信息修改申请吗？`)}
              className={buttonClass}
            />
            <label htmlFor={fields.reason.id} className="text-gray-700">
              驳回原因:
            </label>
            <input key={reasonKey} {...reasonProps} maxLength={200} className={`${inputBase} w-72`} />
          </div>
          <FormErrors
            id={form.errorId}
            errors={[...(form.errors ?? []), ...(fields.ids.errors ?? []), ...(fields.decision.errors ?? []), ...(fields.reason.errors ?? [])]}
          />
        </Form>
      ) : null}
      <PagedTable caption="机构信息修改申请" numbered columns={columns(tab === "PENDING", fields.ids)} result={result} rowKey={(r) => r.approvalId} />
      <p className="mt-3 text-xs text-gray-500">注：如果申请的单位主动撤销更换操作时，其产生的待审核、已审核记录会自动消失</p>
    </div>
  );
}
