import { type DeclarationDetail, decisionLabels, formatDateTime, recognitionResultLabels, subjectLabels } from "@ce/contracts";
import { type Column, DataTable } from "../DataTable.tsx";
import { FactList } from "../FactList.tsx";

/** 审批记录: one row per level's decision. */
const historyColumns: Column<DeclarationDetail["history"][number]>[] = [
  { header: "审批单位", cell: (h) => h.unitName },
  { header: "审批人", cell: (h) => h.actorName },
  { header: "审批时间", cell: (h) => formatDateTime(h.decidedAt) },
  { header: "审批结果", cell: (h) => decisionLabels[h.decision] },
  { header: "认定学时", cell: (h) => h.recognizedHours ?? "", className: "text-center" },
  { header: "原因", cell: (h) => h.reason ?? "" },
];

/** A declaration's facts as reviewers read them: what was claimed, how the hours were computed, the proof. */
export function DeclarationDetails({ d }: { d: DeclarationDetail }) {
  const rows: [string, React.ReactNode][] = [
    ["申请人", d.professionalName],
    ["申报单位", d.declaredByUnitName ?? "本人申报"],
    ["计入年度", d.year],
    ["学习形式", `${d.formName}（第${d.formVersion}版规则）`],
    ["学校(单位)名称", d.schoolName],
    ["培训班名称", d.className],
    ["学习内容", d.content ?? ""],
    ["起止时间", `${d.startDate} 至 ${d.endDate}`],
    ["学习成绩", d.score],
    ["计入科目", subjectLabels[d.subject]],
    ["申请学时", d.requestedHours],
    ["核算学时", d.computedHours],
    ["学时核算说明", d.explanation],
    ["认定学时", d.recognizedHours ?? ""],
    ["审批流程", d.chain.map((u) => u.name).join(" → ")],
    ["当前处理人", d.currentHandlerName ?? ""],
    ["认定结果", recognitionResultLabels[d.status]],
  ];
  return (
    <div className="space-y-4">
      <FactList facts={rows} look="plain" />
      <section aria-label="附件" className="max-w-3xl">
        <h2 className="mb-2 text-sm font-medium text-gray-800">附件</h2>
        <ul className="flex flex-wrap gap-3">
          {d.attachments.map((a) => (
            <li key={a.id} className="w-36 text-center text-xs text-gray-600">
              <a href={`/hours/attachments/${a.id}`} target="_blank" rel="noreferrer">
                <img src={`/hours/attachments/${a.id}`} alt={a.name} className="h-28 w-36 rounded border border-gray-200 object-contain" />
              </a>
              <span className="mt-1 block truncate">{a.name}</span>
            </li>
          ))}
        </ul>
      </section>
      {d.history.length > 0 ? (
        <section aria-label="审批记录" className="max-w-3xl">
          <h2 className="mb-2 text-sm font-medium text-gray-800">审批记录</h2>
          <DataTable columns={historyColumns} rows={d.history} rowKey={(h) => `${h.kind}-${h.decidedAt}-${h.unitName}`} />
        </section>
      ) : null}
    </div>
  );
}
