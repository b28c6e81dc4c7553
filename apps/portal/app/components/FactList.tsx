import type { ReactNode } from "react";

const labelWidths = { narrow: "grid-cols-[9rem_1fr]", wide: "grid-cols-[10rem_1fr]" } as const;

/**
 * One record's facts as the guide boxes them (个人信息, 调转记录 › 详情): a bordered two-column list,
 * each label on blue beside its value; `labels` sets the label column's width (wide for long ones
 * such as 专业技术职务任职资格).
 */
export function FactList({ facts, labels = "narrow" }: { facts: readonly (readonly [string, ReactNode])[]; labels?: keyof typeof labelWidths }) {
  return (
    <dl className={`grid ${labelWidths[labels]} border border-gray-300 text-sm`}>
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="border-b border-gray-200 bg-blue-50 px-3 py-2 text-right text-gray-700">{label}:</dt>
          <dd className="border-b border-gray-200 px-3 py-2">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
