import { calendarDate, ListProfileChangesInput, type ProfileChangeRow } from "@ce/contracts";
import { linkColumn } from "../components/DataTable.tsx";
import { type DecisionReviewConfig, DecisionReviewPage } from "../components/DecisionReviewPage.tsx";
import { decisionReviewAction, decisionReviewLoader } from "../utils/decision-review.server.ts";

const PATH = "/reviews/profile-changes";

// 审核账户 › 审核人员信息修改: change requests of people in the admin's units.
export const loader = decisionReviewLoader(PATH, ListProfileChangesInput, (api, input) => api.identity.profileChanges.list.query(input));

// 通过 applies the requested fields, 驳回 (a reason required) keeps the profile; the flash names requests another admin decided first.
export const action = decisionReviewAction(
  PATH,
  (api, input) => api.identity.profileChanges.decide.mutate(input),
  (decision, n) => (decision === "APPROVE" ? `已通过${n}条修改申请` : `已驳回${n}条修改申请`),
);

const config: DecisionReviewConfig<ProfileChangeRow> = {
  id: "review-profile-changes",
  filter: { label: "姓名", maxLength: 50 },
  labels: { approve: "通过", reject: "驳回", caption: "待审核人员信息修改" },
  rowKey: (r) => r.id,
  columns: [
    { header: "姓名", cell: (r) => r.name, className: "whitespace-nowrap" },
    { header: "证件号", cell: (r) => r.idNumberMasked, className: "font-mono" },
    { header: "所在单位", cell: (r) => r.unitName },
    { header: "变更项目", cell: (r) => r.fields.join("、") },
    { header: "申请时间", cell: (r) => calendarDate(r.createdAt), className: "whitespace-nowrap text-center" },
    linkColumn("查看变更明细", (r) => `${PATH}/${r.id}`, { className: "whitespace-nowrap text-center" }),
  ],
};

export default function ReviewProfileChangesPage() {
  return <DecisionReviewPage config={config} />;
}
