import { useActionData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { BATCH_PART, type Typed, typedChecked, typedOr } from "../utils/typed-back.ts";
import { Form } from "./Form.tsx";
import { buttonClass, inputBase } from "./forms.tsx";
import { Notice } from "./Notice.tsx";

/**
 * The tick box of one row; it belongs to the batch form by id, wherever the table puts it. After a
 * refused submit it is ticked again if it was (the page's action reply carries `typed`).
 */
export function RowCheck({ formId, value, label }: { formId: string; value: string; label: string }) {
  const reply = useActionData<{ typed?: Typed }>();
  const ticked = typedChecked(reply?.typed, BATCH_PART, "ids", value);
  return <input type="checkbox" name="ids" value={value} form={formId} defaultChecked={ticked} aria-label={`选择${label}`} className="h-4 w-4" />;
}

/**
 * 全选, the reason box and the two batch buttons above a review table; the rows' tick boxes join
 * this form through their `form` attribute.
 */
export function BatchReviewBar({
  formId,
  approveLabel,
  rejectLabel,
  reply,
  children,
}: {
  formId: string;
  approveLabel: string;
  rejectLabel: string;
  reply: { ok: boolean; message: string; typed?: Typed } | undefined;
  children?: ReactNode;
}) {
  const navigation = useNavigation();
  const toggleAll = (checked: boolean) => {
    for (const box of document.querySelectorAll<HTMLInputElement>(`input[name="ids"][form="${formId}"]`)) box.checked = checked;
  };
  return (
    <div className="mb-3 space-y-2">
      {reply ? <Notice tone={reply.ok ? "success" : "error"}>{reply.message}</Notice> : null}
      <Form method="post" id={formId} className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-1 text-gray-700">
          <input type="checkbox" onChange={(e) => toggleAll(e.target.checked)} className="h-4 w-4" />
          全选
        </label>
        <button type="submit" name="intent" value="approve" className={buttonClass} disabled={navigation.state === "submitting"}>
          {approveLabel}
        </button>
        <label htmlFor={`${formId}-reason`} className="text-gray-700">
          原因:
        </label>
        <input
          id={`${formId}-reason`}
          name="reason"
          defaultValue={typedOr(reply?.typed, BATCH_PART, "reason", "")}
          maxLength={200}
          placeholder="不通过时必填"
          className={`${inputBase} w-64`}
        />
        <button
          type="submit"
          name="intent"
          value="reject"
          className={`${buttonClass} bg-red-700 hover:bg-red-800`}
          disabled={navigation.state === "submitting"}
        >
          {rejectLabel}
        </button>
        {children}
      </Form>
    </div>
  );
}
