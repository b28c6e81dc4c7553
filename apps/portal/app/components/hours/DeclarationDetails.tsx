import { type DeclarationDetail, decisionLabels, declarationStatusLabels, formatDateTime, subjectLabels } from "@ce/contracts";

/** A declaration's facts as reviewers read them: what was claimed, how the hours were computed, the proof. */
export function DeclarationDetails({ d }: { d: DeclarationDetail }) {
  const rows: [string, React.ReactNode][] = [
    ["申请人", d.professionalName],
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
    ["认定结果", declarationStatusLabels[d.status]],
  ];
  return (
    <div className="space-y-4">
      <dl className="grid max-w-3xl grid-cols-[8rem_1fr] gap-x-3 gap-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-right text-gray-600">{label}:</dt>
            <dd className="text-gray-900">{value}</dd>
          </div>
        ))}
      </dl>
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
          <table className="w-full border-collapse border border-gray-300 text-sm">
            <thead className="bg-blue-50">
              <tr>
                {["审批单位", "审批人", "审批时间", "审批结果", "认定学时", "原因"].map((h) => (
                  <th key={h} scope="col" className="border border-gray-300 px-3 py-2 font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.history.map((h) => (
                <tr key={`${h.kind}-${h.decidedAt}-${h.unitName}`}>
                  <td className="border border-gray-300 px-3 py-2">{h.unitName}</td>
                  <td className="border border-gray-300 px-3 py-2">{h.actorName}</td>
                  <td className="border border-gray-300 px-3 py-2">{formatDateTime(h.decidedAt)}</td>
                  <td className="border border-gray-300 px-3 py-2">{decisionLabels[h.decision]}</td>
                  <td className="border border-gray-300 px-3 py-2 text-center">{h.recognizedHours ?? ""}</td>
                  <td className="border border-gray-300 px-3 py-2">{h.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
