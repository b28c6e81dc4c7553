import { calendarDate, industryName, ListPendingEmployersInput, type PendingEmployerRow, regionName, unitNatureLabels } from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { BatchReviewBar, RowCheck } from "../components/BatchReview.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { CodeMismatchNote } from "../components/CreditCodeConfirm.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, inputBase } from "../components/forms.tsx";
import { Pager } from "../components/Pager.tsx";
import { parseListQuery } from "../utils/query.ts";
import { batchReviewAction } from "../utils/review.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

const PATH = "/reviews/employers";
const FORM_ID = "review-employers";

// 审核账户 › 审核用人单位: employers registered under the admin's units, waiting for review.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PATH);
  const input = parseListQuery(ListPendingEmployersInput, new URL(request.url).searchParams);
  const result = await api.identity.review.employers.query(input).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label], filters: { name: input.name ?? "" }, result };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  return batchReviewAction(request, (input) => api.identity.review.decideEmployers.mutate(input));
}

const columns = (offset: number): Column<PendingEmployerRow>[] => [
  { header: "选择", cell: (u) => <RowCheck formId={FORM_ID} value={u.id} label={u.name} />, className: "w-12 text-center" },
  { header: "序号", cell: (_, i) => offset + i + 1, className: "w-16 text-center" },
  { header: "单位名称", cell: (u) => u.name },
  { header: "单位性质", cell: (u) => unitNatureLabels[u.nature], className: "text-center" },
  { header: "所属行业", cell: (u) => (u.industry ? (industryName(u.industry) ?? u.industry) : "") },
  { header: "地区", cell: (u) => (u.region ? (regionName(u.region) ?? u.region) : "") },
  {
    header: "机构代码/统一社会信用代码",
    cell: (u) => (
      <>
        {u.code ?? ""}
        <CodeMismatchNote mismatch={u.codeCheckMismatch} />
      </>
    ),
    className: "font-mono",
  },
  { header: "上级主管部门", cell: (u) => u.superiorName ?? "" },
  { header: "注册时间", cell: (u) => calendarDate(u.registeredAt), className: "whitespace-nowrap text-center" },
];

export default function ReviewEmployersPage() {
  const { trail, filters, result } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { search } = useLocation();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <Form method="get" key={search} className="mb-4 flex flex-wrap items-center gap-3 text-sm" role="search">
        <label htmlFor="filter-name" className="text-gray-700">
          单位名称:
        </label>
        <input id="filter-name" name="name" defaultValue={filters.name} maxLength={100} className={`${inputBase} w-56`} />
        <button type="submit" className={buttonClass}>
          查询
        </button>
      </Form>
      <BatchReviewBar formId={FORM_ID} approveLabel="批量通过" rejectLabel="批量不通过" reply={reply} />
      <DataTable caption="待审核用人单位" columns={columns((result.page - 1) * result.pageSize)} rows={result.items} rowKey={(u) => u.id} />
      <Pager page={result.page} pageSize={result.pageSize} total={result.total} query={search} />
    </div>
  );
}
