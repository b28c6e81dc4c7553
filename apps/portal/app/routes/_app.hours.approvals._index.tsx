import type { ApprovalRow } from "@ce/contracts";
import { BatchApproveInput, BatchRejectInput, ListApprovalsInput, rejectReasons } from "@ce/contracts";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { RowCheck } from "../components/BatchReview.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, FormErrors, inputBase } from "../components/forms.tsx";
import { recordColumns } from "../components/hours/RecordColumns.tsx";
import { Notice } from "../components/Notice.tsx";
import { Pager } from "../components/Pager.tsx";
import { toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { parseListQuery } from "../utils/query.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { BATCH_PART, typedBack, typedOr } from "../utils/typed-back.ts";

const PATH = "/hours/approvals";

async function signedIn(request: Request, context: LoaderFunctionArgs["context"]) {
  const { api, here } = await requirePage(request, context, PATH);
  return { api, here };
}

// 学时审批 (§3.6): what waits for this unit; select many to approve or reject at once.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await signedIn(request, context);
  const input = parseListQuery(ListApprovalsInput, new URL(request.url).searchParams);
  const result = await api.hours.approvals.list.query(input).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label], name: input.name ?? "", result };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await signedIn(request, context);
  const form = await readTextForm(request);
  const declarationIds = form.getAll("ids").map(String);
  const intent = form.get("intent");
  // A refusal puts back the ticked rows and the reason (typed-back.ts).
  const typed = typedBack(form, BATCH_PART, ["reasonCode", "reason"], ["ids"]);
  try {
    if (intent === "batchReject") {
      const input = BatchRejectInput.safeParse({ declarationIds, reasonCode: form.get("reasonCode") || undefined, reason: String(form.get("reason") ?? "") });
      if (!input.success) return data({ ok: false as const, errors: input.error.issues.map((i) => i.message), typed }, { status: 400 });
      const { decided } = await api.hours.approvals.batchReject.mutate(input.data);
      return { ok: true as const, message: `已驳回${decided}条申报` };
    }
    const input = BatchApproveInput.safeParse({ declarationIds });
    if (!input.success) return data({ ok: false as const, errors: input.error.issues.map((i) => i.message), typed }, { status: 400 });
    const { decided } = await api.hours.approvals.batchApprove.mutate(input.data);
    return { ok: true as const, message: `已审核通过${decided}条申报` };
  } catch (error) {
    return data({ ok: false as const, errors: toFormErrors(error, []).formErrors, typed }, { status: 400 });
  }
}

const columns = (offset: number): Column<ApprovalRow>[] => [
  {
    header: "选择",
    className: "w-12 text-center",
    cell: (r) => <RowCheck formId="batch" value={r.id} label={`${r.professionalName}的申报`} />,
  },
  ...recordColumns(offset),
  {
    header: "异常提示",
    cell: (r) => (r.flags.length > 0 ? <span className="text-xs text-orange-700">{r.flags.join("；")}</span> : null),
  },
  {
    header: "操作",
    className: "text-center",
    cell: (r) => (
      <Link to={`${PATH}/${r.id}`} className="text-blue-700 hover:underline">
        审核
      </Link>
    ),
  },
];

export default function ApprovalsPage() {
  const { trail, name, result } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const typed = actionData && !actionData.ok ? actionData.typed : null;
  const navigation = useNavigation();
  const { search } = useLocation();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <Form method="get" key={search} className="mb-4 flex items-center gap-3 text-sm" role="search">
        <label htmlFor="filter-name" className="text-gray-700">
          姓名:
        </label>
        <input id="filter-name" name="name" defaultValue={name} maxLength={50} className={`${inputBase} w-48`} />
        <button type="submit" className={buttonClass}>
          查询
        </button>
      </Form>
      {actionData?.ok ? (
        <div className="mb-3">
          <Notice tone="success">{actionData.message}</Notice>
        </div>
      ) : null}
      <DataTable caption="待审批的学时申报" columns={columns((result.page - 1) * result.pageSize)} rows={result.items} rowKey={(r) => r.id} />
      <Form method="post" id="batch" className="mt-3 flex flex-wrap items-center gap-3 text-sm">
        <button type="submit" name="intent" value="batchApprove" className={buttonClass} disabled={navigation.state === "submitting"}>
          批量审核通过
        </button>
        <select name="reasonCode" aria-label="驳回原因" defaultValue={typedOr(typed, BATCH_PART, "reasonCode", "")} className={`${inputBase} w-56`}>
          <option value="">请选择驳回原因</option>
          {rejectReasons.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </select>
        <input
          name="reason"
          defaultValue={typedOr(typed, BATCH_PART, "reason", "")}
          aria-label="驳回说明"
          placeholder="驳回说明"
          maxLength={200}
          className={`${inputBase} w-64`}
        />
        <button
          type="submit"
          name="intent"
          value="batchReject"
          className={`${buttonClass} bg-red-700 hover:bg-red-800`}
          disabled={navigation.state === "submitting"}
        >
          批量驳回
        </button>
      </Form>
      {actionData && !actionData.ok ? (
        <div className="mt-3">
          <FormErrors errors={actionData.errors} />
        </div>
      ) : null}
      <Pager page={result.page} pageSize={result.pageSize} total={result.total} query={search} />
    </div>
  );
}
