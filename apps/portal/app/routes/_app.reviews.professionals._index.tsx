import {
  calendarDate,
  codeText,
  educationName,
  idTypeLabels,
  ListPendingProfessionalsInput,
  type PendingProfessionalRow,
  titleSeriesName,
} from "@ce/contracts";
import { linkColumn } from "../components/DataTable.tsx";
import { type DecisionReviewConfig, DecisionReviewPage } from "../components/DecisionReviewPage.tsx";
import { decisionReviewAction, decisionReviewLoader } from "../utils/decision-review.server.ts";

const PATH = "/reviews/professionals";

// 审核账户 › 审核注册人员: professionals registered in the admin's units, waiting for review.
export const loader = decisionReviewLoader(PATH, ListPendingProfessionalsInput, (api, input) => api.identity.review.professionals.query(input));

// 审核通过 / 驳回 (a reason required to refuse); the flash names people another admin decided first.
export const action = decisionReviewAction(
  PATH,
  (api, input) => api.identity.review.decideProfessionals.mutate(input),
  (decision, n) => (decision === "APPROVE" ? `已审核通过${n}条记录` : `已驳回${n}条记录`),
);

const config: DecisionReviewConfig<PendingProfessionalRow> = {
  id: "review-professionals",
  filter: { label: "姓名", maxLength: 50 },
  labels: { approve: "审核通过", reject: "驳回", caption: "待审核注册人员" },
  rowKey: (p) => p.accountId,
  columns: [
    { header: "姓名", cell: (p) => p.name, className: "whitespace-nowrap" },
    // 证件类型 beside the number: one person entered under two types must be told apart by the reviewer.
    { header: "证件类型", cell: (p) => idTypeLabels[p.idType], className: "whitespace-nowrap" },
    { header: "证件号", cell: (p) => p.idNumberMasked, className: "font-mono" },
    { header: "所在单位", cell: (p) => p.unitName },
    { header: "工作部门", cell: (p) => p.departmentName ?? "" },
    { header: "学历", cell: (p) => codeText(educationName, p.education), className: "text-center" },
    { header: "专业技术职务系列", cell: (p) => codeText(titleSeriesName, p.titleSeries) },
    { header: "注册时间", cell: (p) => calendarDate(p.registeredAt), className: "whitespace-nowrap text-center" },
    linkColumn("详细", (p) => `${PATH}/${p.accountId}`),
  ],
};

export default function ReviewProfessionalsPage() {
  return <DecisionReviewPage config={config} />;
}
