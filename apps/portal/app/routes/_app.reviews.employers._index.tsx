import { calendarDate, codeText, industryName, ListPendingEmployersInput, type PendingEmployerRow, regionName, unitNatureLabels } from "@ce/contracts";
import { CodeMismatchNote } from "../components/CreditCodeConfirm.tsx";
import { linkColumn } from "../components/DataTable.tsx";
import { type DecisionReviewConfig, DecisionReviewPage } from "../components/DecisionReviewPage.tsx";
import { decisionReviewAction, decisionReviewLoader } from "../utils/decision-review.server.ts";

const PATH = "/reviews/employers";

// 审核账户 › 审核用人单位: employers registered under the admin's units, waiting for review.
export const loader = decisionReviewLoader(PATH, ListPendingEmployersInput, (api, input) => api.identity.review.employers.query(input));

// 批量通过 / 批量不通过 (a reason required to refuse); the flash names units another admin decided first.
export const action = decisionReviewAction(
  PATH,
  (api, input) => api.identity.review.decideEmployers.mutate(input),
  (decision, n) => (decision === "APPROVE" ? `已审核通过${n}个单位` : `${n}个单位审核不通过`),
);

const config: DecisionReviewConfig<PendingEmployerRow> = {
  id: "review-employers",
  filter: { label: "单位名称", maxLength: 100 },
  labels: { approve: "批量通过", reject: "批量不通过", caption: "待审核用人单位" },
  rowKey: (u) => u.id,
  columns: [
    { header: "单位名称", cell: (u) => u.name },
    { header: "单位性质", cell: (u) => unitNatureLabels[u.nature], className: "text-center" },
    { header: "所属行业", cell: (u) => codeText(industryName, u.industry) },
    { header: "地区", cell: (u) => codeText(regionName, u.region) },
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
    // The unit and the applicant who becomes its 超级管理员, before 通过.
    linkColumn("详细", (u) => `${PATH}/${u.id}`, { ariaLabel: (u) => `${u.name}详细` }),
  ],
};

export default function ReviewEmployersPage() {
  return <DecisionReviewPage config={config} />;
}
