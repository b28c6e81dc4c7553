import { FormProvider, getFormProps, getInputProps, type SubmissionResult, useField } from "@conform-to/react";
import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { ConfirmSubmit } from "./ConfirmDialog.tsx";
import { type Column, numberColumn } from "./DataTable.tsx";
import { Form, unshownErrors } from "./Form.tsx";
import { buttonClass, ErrorList, FormErrors, inputBase, questionWhenValid, useSchemaForm } from "./forms.tsx";
import { PagedTable, type PageOf } from "./PagedTable.tsx";

/** The fields of every batch form (utils/review.server.ts BATCH_FIELDS): the rows ticked, the button pressed, the reason, 学时审批's 驳回原因. */
const SHOWN = new Set(["ids", "reason", "reasonCode"]);

/**
 * The tick box of one row: it joins the batch form by the form's id, wherever the table puts it,
 * and after a refused submit comes back ticked if it was (conform's reply holds the ids sent).
 */
function RowCheck({ value, label }: { value: string; label: string }) {
  const [field, form] = useField<string[]>("ids");
  const sent = field.initialValue;
  const ticked = Array.isArray(sent) ? sent.includes(value) : sent === value;
  return (
    <input
      key={field.key}
      type="checkbox"
      name="ids"
      value={value}
      form={form.id}
      defaultChecked={ticked}
      aria-label={`选择${label}`}
      aria-invalid={field.errors ? true : undefined}
      className="h-4 w-4"
    />
  );
}

/** 全选, ticking or clearing every row's box of the batch form, and the message about the rows (请选择要审核的记录, 一次最多审核200条). */
function TickAll() {
  const [field, form] = useField<string[]>("ids");
  const toggleAll = (checked: boolean) => {
    for (const box of document.querySelectorAll<HTMLInputElement>(`input[name="ids"][form="${form.id}"]`)) box.checked = checked;
  };
  return (
    <div className="pt-2">
      <label className="flex items-center gap-1 text-gray-700">
        <input type="checkbox" onChange={(e) => toggleAll(e.target.checked)} className="h-4 w-4" />
        全选
      </label>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** The reason box of the batch form, labelled `label:`, with its message. */
function ReasonBox({ label, placeholder }: { label: string; placeholder: string }) {
  const [field] = useField<string>("reason");
  const { key, ...props } = getInputProps(field, { type: "text" });
  return (
    <>
      <label htmlFor={props.id} className="pt-2 text-gray-700">
        {label}:
      </label>
      <div>
        <input key={key} {...props} placeholder={placeholder} maxLength={200} className={`${inputBase} w-64`} />
        <ErrorList id={field.errorId} errors={field.errors} />
      </div>
    </>
  );
}

/**
 * The one batch-review list (审核用人单位, 审核注册人员, 审核人员信息修改, 学时审批, 学时审验): the bar
 * (全选, the approve button, `extra` such as 学时审批's 驳回原因, the reason, the reject button),
 * the form's errors, then the table — a 选择 column first and, when `numbered`, 序号 — and its pager.
 *
 * The bar is a conform form over the page's contracts `schema`, whose `decision` is the button
 * pressed (APPROVE | REJECT); its action is batchReviewAction (utils/review.server.ts), which
 * answers a success with a redirect and a flash naming what was skipped, and a refusal with
 * `lastResult` (the messages by field, the rows ticked and the reason typed come back). The reject
 * button rejects or voids the ticked rows for good: it asks first (ConfirmSubmit), with
 * `rejectConfirm` of the number ticked, once the form would pass its checks.
 */
export function BatchReview<Row>({
  id,
  schema,
  lastResult,
  approveLabel,
  rejectLabel,
  reason,
  extra,
  caption,
  columns,
  result,
  rowKey,
  rowLabel,
  numbered = false,
  defaults,
  hidden = {},
  rejectConfirm = (n) => `确定${rejectLabel.replace(/^批量/, "")}选中的${n}条记录吗？`,
}: {
  id: string;
  schema: Parameters<typeof useSchemaForm>[0];
  lastResult: SubmissionResult<string[]> | null | undefined;
  approveLabel: string;
  rejectLabel: string;
  /** The reason box: its label (原因, 驳回说明, 审验不通过原因) and placeholder. */
  reason: { label: string; placeholder: string };
  /** Inputs before the reason box (学时审批's 驳回原因), reading their conform field with useField. */
  extra?: ReactNode;
  caption: string;
  columns: readonly Column<Row>[];
  result: PageOf<Row>;
  rowKey: (row: Row) => string;
  /** How a row's tick box is announced: 选择<label>. */
  rowLabel: (row: Row) => string;
  numbered?: boolean;
  /** What an `extra` input starts from, e.g. `{ reasonCode: "" }` (a select conform resets to nothing would show no option). */
  defaults?: Readonly<Record<string, string>>;
  /** The reject button's question for `n` ticked rows (default: 确定<驳回>选中的n条记录吗？). */
  rejectConfirm?: (n: number) => string;
  /** Hidden fields sent with the decision, e.g. `{ seenAt }` (when the page showed the rows). */
  hidden?: Readonly<Record<string, string>>;
}) {
  const [form] = useSchemaForm(schema, { id, lastResult, validate: "onSubmit", defaultValue: defaults });
  const busy = useNavigation().state === "submitting";
  const all: Column<Row>[] = [
    { header: "选择", cell: (r) => <RowCheck value={rowKey(r)} label={rowLabel(r)} />, className: "w-12 text-center" },
    ...(numbered ? [numberColumn<Row>(result)] : []),
    ...columns,
  ];
  const formErrors = [...(form.errors ?? []), ...unshownErrors(form.allErrors, (name) => SHOWN.has(name))];
  return (
    <FormProvider context={form.context}>
      <div className="mb-3 space-y-2">
        <Form method="post" {...getFormProps(form)} key={form.id} className="flex flex-wrap items-start gap-3 text-sm">
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <TickAll />
          <button type="submit" name="decision" value="APPROVE" className={buttonClass} disabled={busy}>
            {approveLabel}
          </button>
          {extra}
          <ReasonBox label={reason.label} placeholder={reason.placeholder} />
          <ConfirmSubmit
            name="decision"
            value="REJECT"
            label={rejectLabel}
            question={questionWhenValid(schema, (data) => rejectConfirm(new Set(data.getAll("ids")).size))}
            className={`${buttonClass} bg-red-700 hover:bg-red-800`}
            disabled={busy}
          />
        </Form>
        <FormErrors id={form.errorId} errors={formErrors} />
      </div>
      <PagedTable caption={caption} columns={all} result={result} rowKey={rowKey} />
    </FormProvider>
  );
}
