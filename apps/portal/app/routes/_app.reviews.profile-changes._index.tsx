import { calendarDate, ListProfileChangesInput, type ProfileChangeRow, ReviewDecisionInput } from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BatchReview } from "../components/BatchReview.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import type { Column } from "../components/DataTable.tsx";
import { SearchBar, TextFilter } from "../components/SearchBar.tsx";
import { parseListQuery } from "../utils/query.ts";
import { batchReviewAction } from "../utils/review.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

const PATH = "/reviews/profile-changes";

// 审核账户 › 审核人员信息修改: change requests of people in the admin's units.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PATH);
  const input = parseListQuery(ListProfileChangesInput, new URL(request.url).searchParams);
  const result = await api.identity.profileChanges.list.query(input).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label], filters: { name: input.name ?? "" }, result };
}

// 通过 applies the requested fields, 驳回 (a reason required) keeps the profile; the flash names requests another admin decided first.
export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  return batchReviewAction(
    request,
    ReviewDecisionInput,
    (input) => api.identity.profileChanges.decide.mutate(input),
    (input, n) => (input.decision === "APPROVE" ? `已通过${n}条修改申请` : `已驳回${n}条修改申请`),
  );
}

const columns: Column<ProfileChangeRow>[] = [
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
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar>
        <TextFilter label="姓名" name="name" value={filters.name} maxLength={50} width="w-56" />
      </SearchBar>
      <BatchReview
        id="review-profile-changes"
        schema={ReviewDecisionInput}
        lastResult={reply?.result}
        approveLabel="通过"
        rejectLabel="驳回"
        reason={{ label: "原因", placeholder: "驳回时必填" }}
        caption="待审核人员信息修改"
        columns={columns}
        result={result}
        rowKey={(r) => r.id}
        rowLabel={(r) => r.name}
        numbered
      />
    </div>
  );
}
