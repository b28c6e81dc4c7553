import { calendarDate, ListProfileChangesInput, type ProfileChangeRow } from "@ce/contracts";
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

const PATH = "/reviews/profile-changes";
const FORM_ID = "review-profile-changes";

// 审核账户 › 审核人员信息修改: change requests of people in the admin's units.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PATH);
  const input = parseListQuery(ListProfileChangesInput, new URL(request.url).searchParams);
  const result = await api.identity.profileChanges.list.query(input).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label], filters: { name: input.name ?? "" }, result };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  return batchReviewAction(request, (input) => api.identity.profileChanges.decide.mutate(input));
}

const columns = (offset: number): Column<ProfileChangeRow>[] => [
  { header: "选择", cell: (r) => <RowCheck formId={FORM_ID} value={r.id} label={r.name} />, className: "w-12 text-center" },
  { header: "序号", cell: (_, i) => offset + i + 1, className: "w-16 text-center" },
  { header: "姓名", cell: (r) => r.name, className: "whitespace-nowrap" },
  { header: "证件号", cell: (r) => r.idNumberMasked, className: "font-mono" },
  { header: "所在单位", cell: (r) => r.unitName },
  { header: "变更项目", cell: (r) => r.fields.join("、") },
  { header: "申请时间", cell: (r) => calendarDate(r.createdAt), className: "whitespace-nowrap text-center" },
  {
    header: "操作",
    className: "whitespace-nowrap text-center",
    cell: (r) => (
      <Link to={`${PATH}/${r.id}`} className="text-blue-700 hover:underline">
        查看变更明细
      </Link>
    ),
  },
];

export default function ReviewProfileChangesPage() {
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
      <BatchReviewBar formId={FORM_ID} approveLabel="通过" rejectLabel="驳回" reply={reply} />
      <DataTable caption="待审核人员信息修改" columns={columns((result.page - 1) * result.pageSize)} rows={result.items} rowKey={(r) => r.id} />
      <Pager page={result.page} pageSize={result.pageSize} total={result.total} query={search} />
    </div>
  );
}
