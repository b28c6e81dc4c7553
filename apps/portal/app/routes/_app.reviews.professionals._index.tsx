import { calendarDate, educationName, ListPendingProfessionalsInput, type PendingProfessionalRow, titleSeriesName } from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { BatchReviewBar, RowCheck } from "../components/BatchReview.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, inputBase } from "../components/forms.tsx";
import { Pager } from "../components/Pager.tsx";
import { parseListQuery } from "../utils/query.ts";
import { batchReviewAction } from "../utils/review.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

const PATH = "/reviews/professionals";
const FORM_ID = "review-professionals";

// 审核账户 › 审核注册人员: professionals registered in the admin's units, waiting for review.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PATH);
  const input = parseListQuery(ListPendingProfessionalsInput, new URL(request.url).searchParams);
  const result = await api.identity.review.professionals.query(input).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label], filters: { name: input.name ?? "" }, result };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  return batchReviewAction(request, (input) => api.identity.review.decideProfessionals.mutate(input));
}

const columns = (offset: number): Column<PendingProfessionalRow>[] => [
  { header: "选择", cell: (p) => <RowCheck formId={FORM_ID} value={p.accountId} label={p.name} />, className: "w-12 text-center" },
  { header: "序号", cell: (_, i) => offset + i + 1, className: "w-16 text-center" },
  { header: "姓名", cell: (p) => p.name, className: "whitespace-nowrap" },
  { header: "证件号", cell: (p) => p.idNumberMasked, className: "font-mono" },
  { header: "所在单位", cell: (p) => p.unitName },
  { header: "工作部门", cell: (p) => p.departmentName ?? "" },
  { header: "学历", cell: (p) => (p.education ? (educationName(p.education) ?? p.education) : ""), className: "text-center" },
  { header: "专业技术职务系列", cell: (p) => (p.titleSeries ? (titleSeriesName(p.titleSeries) ?? p.titleSeries) : "") },
  { header: "注册时间", cell: (p) => calendarDate(p.registeredAt), className: "whitespace-nowrap text-center" },
  {
    header: "操作",
    className: "text-center",
    cell: (p) => (
      <Link to={`${PATH}/${p.accountId}`} className="text-blue-700 hover:underline">
        详细
      </Link>
    ),
  },
];

export default function ReviewProfessionalsPage() {
  const { trail, filters, result } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { search } = useLocation();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <Form method="get" key={search} className="mb-4 flex flex-wrap items-center gap-3 text-sm" role="search">
        <label htmlFor="filter-name" className="text-gray-700">
          姓名:
        </label>
        <input id="filter-name" name="name" defaultValue={filters.name} maxLength={50} className={`${inputBase} w-56`} />
        <button type="submit" className={buttonClass}>
          查询
        </button>
      </Form>
      <BatchReviewBar formId={FORM_ID} approveLabel="审核通过" rejectLabel="驳回" reply={reply} />
      <DataTable caption="待审核注册人员" columns={columns((result.page - 1) * result.pageSize)} rows={result.items} rowKey={(p) => p.accountId} />
      <Pager page={result.page} pageSize={result.pageSize} total={result.total} query={search} />
    </div>
  );
}
