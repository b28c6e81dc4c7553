import { type ComplianceYear, subjectLabels } from "@ce/contracts";
import { DataTable } from "../DataTable.tsx";
import { yearColumns } from "./RecordColumns.tsx";

const columns = yearColumns<ComplianceYear>("text-center");

/** 首页 for 个人: this year's 合格 / 不合格 (or how many hours are missing) and the last five years. */
export function ComplianceSummary({ years }: { years: readonly ComplianceYear[] | null }) {
  if (!years) return <p className="mt-3 text-sm text-gray-600">学时达标情况暂时无法获取，请稍后再试。</p>;
  const [current] = years;
  return (
    <section aria-label="学时达标情况" className="mt-8">
      <h2 className="border-b border-gray-200 pb-2 text-base font-semibold text-gray-900">学时达标情况</h2>
      {current ? (
        <p className="mt-3 text-sm">
          {current.year}年度：
          {current.compliant ? (
            <span className="font-medium text-green-700">合格</span>
          ) : (
            <span className="font-medium text-red-700">
              不合格，还差{current.missingTotal}学时
              {current.missingProfessional > 0 ? `（其中${subjectLabels.PROFESSIONAL}至少${current.missingProfessional}学时）` : ""}
            </span>
          )}
        </p>
      ) : null}
      <div className="mt-3 max-w-2xl">
        <DataTable caption="近年学时达标情况" columns={columns} rows={years} rowKey={(y) => String(y.year)} />
      </div>
      <p className="mt-2 text-xs text-gray-500">
        达标要求：每年不少于{current?.minTotal ?? 90}学时，其中{subjectLabels.PROFESSIONAL}一般不少于{current?.professionalShare ?? "2/3"}。
      </p>
    </section>
  );
}
