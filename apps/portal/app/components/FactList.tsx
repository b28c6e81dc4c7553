import type { ReactNode } from "react";

const boxedLabel = "border-b border-gray-200 bg-blue-50 px-3 py-2 text-right text-gray-700";
const boxedValue = "border-b border-gray-200 px-3 py-2";

/**
 * How a FactList is drawn: its list (label column first), an item's, a label's and a value's classes,
 * and the colon after a label.
 */
const looks = {
  /** The guide's box: bordered, each label on blue beside its value (a 7rem label column on a phone, so the value keeps room). */
  narrow: {
    list: "grid grid-cols-[7rem_1fr] border border-gray-300 sm:grid-cols-[9rem_1fr]",
    item: "contents",
    label: boxedLabel,
    value: boxedValue,
    colon: ":",
  },
  /** The box with room for long labels such as 专业技术职务任职资格. */
  wide: {
    list: "grid grid-cols-[7rem_1fr] border border-gray-300 sm:grid-cols-[10rem_1fr]",
    item: "contents",
    label: boxedLabel,
    value: boxedValue,
    colon: ":",
  },
  /** Unboxed, grey labels: a declaration's 详细, read above its 附件 and 审批记录; 首页's 用户类型. */
  plain: {
    list: "grid max-w-3xl grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-2",
    item: "contents",
    label: "text-right text-gray-600",
    value: "text-gray-900",
    colon: ":",
  },
  /** Two facts a row (one on a phone, so a value never narrows to a character a line), unboxed: the head of a person's 学习记录. */
  pairs: {
    list: "grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr_auto_1fr]",
    item: "contents",
    label: "text-gray-600",
    value: "",
    colon: ":",
  },
  /** Counts in one wrapping line, each value bold: 批量导入's 校验结果 and a job's progress. */
  counts: { list: "flex flex-wrap gap-6", item: "flex gap-1", label: "text-gray-600", value: "font-semibold", colon: "：" },
} as const;

/**
 * One record's facts, each label beside its value (个人信息, 调转记录 › 详情, 学时申报 › 详细,
 * 校验结果's counts): a description list drawn as `look` says (the guide's box by default).
 * `facts` are [label, value] pairs; a label is unique within the list.
 */
export function FactList({ facts, look = "narrow" }: { facts: readonly (readonly [string, ReactNode])[]; look?: keyof typeof looks }) {
  const { list, item, label: labelClass, value: valueClass, colon } = looks[look];
  return (
    <dl className={`${list} text-sm`}>
      {facts.map(([label, value]) => (
        <div key={label} className={item}>
          <dt className={labelClass}>
            {label}
            {colon}
          </dt>
          <dd className={valueClass}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
