import {
  calendarDate,
  industryName,
  ListPendingEmployersInput,
  type PendingEmployerRow,
  ReviewDecisionInput,
  regionName,
  unitNatureLabels,
} from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BatchReview } from "../components/BatchReview.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { CodeMismatchNote } from "../components/CreditCodeConfirm.tsx";
import type { Column } from "../components/DataTable.tsx";
import { SearchBar, TextFilter } from "../components/SearchBar.tsx";
import { parseListQuery } from "../utils/query.ts";
import { batchReviewAction } from "../utils/review.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

const PATH = "/reviews/employers";

// 审核账户 › 审核用人单位: employers registered under the admin's units, waiting for review.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, PATH);
  const input = parseListQuery(ListPendingEmployersInput, new URL(request.url).searchParams);
  const result = await api.identity.review.employers.query(input).catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label], filters: { name: input.name ?? "" }, result };
}

// 批量通过 / 批量不通过 (a reason required to refuse); the flash names units another admin decided first.
export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, PATH);
  return batchReviewAction(
    request,
    ReviewDecisionInput,
    (input) => api.identity.review.decideEmployers.mutate(input),
    (input, n) => (input.decision === "APPROVE" ? `已审核通过${n}个单位` : `${n}个单位审核不通过`),
  );
}

const columns: Column<PendingEmployerRow>[] = [
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
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar>
        <TextFilter label="单位名称" name="name" value={filters.name} maxLength={100} width="w-56" />
      </SearchBar>
      <BatchReview
        id="review-employers"
        schema={ReviewDecisionInput}
        lastResult={reply?.result}
        approveLabel="批量通过"
        rejectLabel="批量不通过"
        reason={{ label: "原因", placeholder: "不通过时必填" }}
        caption="待审核用人单位"
        columns={columns}
        result={result}
        rowKey={(u) => u.id}
        rowLabel={(u) => u.name}
        numbered
      />
    </div>
  );
}
