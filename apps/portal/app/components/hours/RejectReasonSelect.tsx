import { rejectReasons } from "@ce/contracts";
import { getSelectProps, useField } from "@conform-to/react";
import { ErrorList, inputBase, Select } from "../forms.tsx";

const REASONS = rejectReasons.map((r) => ({ code: r.code, name: r.label }));

/**
 * 学时审批's 驳回原因 (rejectReasons, 其他 needing the 驳回说明), for the one declaration's 驳回 and for
 * 批量驳回 alike: the `reasonCode` field of the conform form around it (a FormProvider), with its message.
 */
export function RejectReasonSelect() {
  const [field] = useField<string>("reasonCode");
  const { key, ...props } = getSelectProps(field);
  return (
    <div>
      <Select key={key} {...props} aria-label="驳回原因" className={`${inputBase} w-56`} prompt="请选择驳回原因" options={REASONS} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}
