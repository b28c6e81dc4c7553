import { calendarDate, educationName, ListPendingProfessionalsInput, type PendingProfessionalRow, ReviewDecisionInput, titleSeriesName } from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BatchReview } from "../components/BatchReview.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import type { Column } from "../components/DataTable.tsx";
import { SearchBar, TextFilter } from "../components/SearchBar.tsx";
import { parseListQuery } from "../utils/query.ts";
import { batchReviewAction } from "../utils/review.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

const PATH = "/reviews/professionals";

// 审核账户 › 审核注册人员: professionals registered in the admin's units, waiting for review.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PATH);
  const input = parseListQuery(ListPendingProfessionalsInput, new URL(request.url).searchParams);
  const result = await api.identity.review.professionals.query(input).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label], filters: { name: input.name ?? "" }, result };
}

// 审核通过 / 驳回 (a reason required to refuse); the flash names people another admin decided first.
export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  return batchReviewAction(
    request,
    ReviewDecisionInput,
    (input) => api.identity.review.decideProfessionals.mutate(input),
    (input, n) => (input.decision === "APPROVE" ? `已审核通过${n}条记录` : `已驳回${n}条记录`),
  );
}

const columns: Column<PendingProfessionalRow>[] = [
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
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar>
        <TextFilter label="姓名" name="name" value={filters.name} maxLength={50} width="w-56" />
      </SearchBar>
      <BatchReview
        id="review-professionals"
        schema={ReviewDecisionInput}
        lastResult={reply?.result}
        approveLabel="审核通过"
        rejectLabel="驳回"
        reason={{ label: "原因", placeholder: "驳回时必填" }}
        caption="待审核注册人员"
        columns={columns}
        result={result}
        rowKey={(p) => p.accountId}
        rowLabel={(p) => p.name}
        numbered
      />
    </div>
  );
}
