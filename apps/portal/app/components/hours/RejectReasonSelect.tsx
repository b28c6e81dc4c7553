import { rejectReasons } from "@ce/contracts";
import { getSelectProps, useField } from "@conform-to/react";
import { ErrorList, inputBase } from "../forms.tsx";

/**
 * 学时审批's 驳回原因 (rejectReasons, 其他 needing the 驳回说明), for the one declaration's 驳回 and for
 * 批量驳回 alike: the `reasonCode` field of the conform form around it (a FormProvider), with its message.
 */
export function RejectReasonSelect() {
  const [field] = useField<string>("reasonCode");
  const { key, ...props } = getSelectProps(field);
  return (
    <div>
      <select key={key} {...props} aria-label="驳回原因" className={`${inputBase} w-56`}>
        <option value="">请选择驳回原因</option>
        {rejectReasons.map((r) => (
          <option key={r.code} value={r.code}>
            {r.label}
          </option>
        ))}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}
