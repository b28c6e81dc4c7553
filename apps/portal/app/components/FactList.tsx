import type { ReactNode } from "react";

const boxedLabel = "border-b border-gray-200 bg-blue-50 px-3 py-2 text-right text-gray-700";
const boxedValue = "border-b border-gray-200 px-3 py-2";

/** How a FactList is drawn: its grid (label column first), a label's and a value's classes. */
const looks = {
  /** The guide's box: bordered, each label on blue beside its value. */
  narrow: { list: "grid-cols-[9rem_1fr] border border-gray-300", label: boxedLabel, value: boxedValue },
  /** The box with room for long labels such as 专业技术职务任职资格. */
  wide: { list: "grid-cols-[10rem_1fr] border border-gray-300", label: boxedLabel, value: boxedValue },
  /** Unboxed, grey labels: a declaration's 详细, read above its 附件 and 审批记录. */
  plain: { list: "max-w-3xl grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-2", label: "text-right text-gray-600", value: "text-gray-900" },
} as const;

/**
 * One record's facts, each label beside its value (个人信息, 调转记录 › 详情, 学时申报 › 详细): a
 * two-column list drawn as `look` says (the guide's box by default).
 */
export function FactList({ facts, look = "narrow" }: { facts: readonly (readonly [string, ReactNode])[]; look?: keyof typeof looks }) {
  const { list, label: labelClass, value: valueClass } = looks[look];
  return (
    <dl className={`grid ${list} text-sm`}>
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className={labelClass}>{label}:</dt>
          <dd className={valueClass}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
