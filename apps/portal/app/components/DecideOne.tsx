import { ReviewDecisionInput } from "@ce/contracts";
import { getFormProps, getTextareaProps } from "@conform-to/react";
import { ConfirmSubmit } from "./ConfirmDialog.tsx";
import { Form } from "./Form.tsx";
import { buttonClass, ErrorList, inputClass, questionWhenValid, useSchemaForm } from "./forms.tsx";

/**
 * 通过 / 驳回 of one record on its 详细 page (issue 13.12: the 详细 pages had none): the list page's
 * batch action (`action`, e.g. `/reviews/professionals?index`) with just this `id` over
 * ReviewDecisionInput — a refusal needs its reason — which answers back on the list with its flash.
 * `labels` are the list's buttons without 批量 (审核通过 / 驳回, 通过 / 不通过); the reject asks first
 * (ConfirmSubmit), as the list's batch reject does, naming the record (`what`, e.g. 用人单位“…”).
 */
export function DecideOne({
  id,
  action,
  labels,
  what,
  seenAt,
}: {
  id: string;
  action: string;
  labels: { approve: string; reject: string };
  what: string;
  /** When the page showed the record (ReviewDecisionInput.seenAt: a registration submitted again after it is not decided). */
  seenAt?: string;
}) {
  const [form, fields] = useSchemaForm(ReviewDecisionInput, { id: `decide-${id}`, lastResult: null, validate: "onSubmit" });
  const { key, ...reasonProps } = getTextareaProps(fields.reason);
  return (
    <Form method="post" action={action} {...getFormProps(form)} className="mt-4 space-y-2 rounded border border-gray-200 p-3 text-sm">
      <input type="hidden" name="ids" value={id} />
      {seenAt ? <input type="hidden" name="seenAt" value={seenAt} /> : null}
      <label htmlFor={fields.reason.id} className="block text-gray-700">
        {labels.reject}原因（{labels.reject}时必填）:
      </label>
      <textarea key={key} {...reasonProps} rows={2} className={inputClass} />
      <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
      <div className="flex gap-3">
        <button type="submit" name="decision" value="APPROVE" className={buttonClass}>
          {labels.approve}
        </button>
        <ConfirmSubmit
          name="decision"
          value="REJECT"
          label={labels.reject}
          question={questionWhenValid(ReviewDecisionInput, () => `确定${labels.reject}${what}吗？`)}
          className={`${buttonClass} bg-red-700 hover:bg-red-800`}
        />
      </div>
    </Form>
  );
}
