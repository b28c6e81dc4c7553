import { ApprovalBatchDecision, type ApprovalRow, ListApprovalsInput } from "@ce/contracts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BatchReview } from "../components/BatchReview.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { type Column, linkColumn } from "../components/DataTable.tsx";
import { recordColumns } from "../components/hours/RecordColumns.tsx";
import { RejectReasonSelect } from "../components/hours/RejectReasonSelect.tsx";
import { Filter, SearchBar } from "../components/SearchBar.tsx";
import { batchDecisionAction } from "../utils/decision-review.server.ts";
import { requireListPage } from "../utils/session.server.ts";

const PATH = "/hours/approvals";

// 学时审批 (§3.6): what waits for this unit; select many to approve or reject at once.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { trail, input, result } = await requireListPage(request, context, PATH, ListApprovalsInput, (api, input) => api.hours.approvals.list.query(input));
  return { trail, name: input.name ?? "", result };
}

// 批量审核通过 (each keeps its current 认定学时) / 批量驳回 with a 驳回原因; the flash names what another admin decided first.
export const action = batchDecisionAction(
  PATH,
  ApprovalBatchDecision,
  (api, input) =>
    input.decision === "APPROVE"
      ? api.hours.approvals.batchApprove.mutate({ ids: input.ids })
      : api.hours.approvals.batchReject.mutate({ ids: input.ids, reasonCode: input.reasonCode, reason: input.reason }),
  (input, n) => (input.decision === "APPROVE" ? `已审核通过${n}条申报` : `已驳回${n}条申报`),
);

const columns: Column<ApprovalRow>[] = [
  ...recordColumns,
  {
    header: "异常提示",
    cell: (r) => (r.flags.length > 0 ? <span className="text-xs text-orange-700">{r.flags.join("；")}</span> : null),
  },
  linkColumn("审核", (r) => `${PATH}/${r.id}`),
];

export default function ApprovalsPage() {
  const { trail, name, result } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <SearchBar>
        <Filter label="姓名" name="name" value={name} maxLength={50} />
      </SearchBar>
      <BatchReview
        id="approvals-batch"
        schema={ApprovalBatchDecision}
        lastResult={reply?.result}
        approveLabel="批量审核通过"
        rejectLabel="批量驳回"
        extra={<RejectReasonSelect />}
        defaults={{ reasonCode: "" }}
        reason={{ label: "驳回说明", placeholder: "驳回原因为其他时必填" }}
        caption="待审批的学时申报"
        columns={columns}
        numbered
        result={result}
        rowKey={(r) => r.id}
        rowLabel={(r) => `${r.professionalName}的申报`}
        rejectConfirm={(n) => `确定驳回选中的${n}条学时申报吗？驳回后申报人需重新申报。`}
      />
    </div>
  );
}
