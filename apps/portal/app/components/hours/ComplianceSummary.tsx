import type { ComplianceYear } from "@ce/contracts";

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
              不合格，还差{current.missingTotal}学时{current.missingProfessional > 0 ? `（其中专业科目至少${current.missingProfessional}学时）` : ""}
            </span>
          )}
        </p>
      ) : null}
      <table className="mt-3 w-full max-w-2xl border-collapse border border-gray-300 text-sm">
        <thead className="bg-blue-50">
          <tr>
            {["年度", "完成公需课时", "完成专业课时", "总完成学时", "认定结果"].map((h) => (
              <th key={h} scope="col" className="border border-gray-300 px-3 py-2 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.year} className="text-center">
              <td className="border border-gray-300 px-3 py-2">{y.year}</td>
              <td className="border border-gray-300 px-3 py-2">{y.general}</td>
              <td className="border border-gray-300 px-3 py-2">{y.professional}</td>
              <td className="border border-gray-300 px-3 py-2">{y.total}</td>
              <td className="border border-gray-300 px-3 py-2">{y.compliant ? "合格" : "不合格"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-gray-500">
        达标要求：每年不少于{current?.minTotal ?? 90}学时，其中专业科目一般不少于{current?.professionalShare ?? "2/3"}。
      </p>
    </section>
  );
}
