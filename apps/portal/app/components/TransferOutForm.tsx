import { CreateTransferForm, codeText, idTypeLabels, MAX_ATTACHMENT_BYTES, type TransferCandidate, titleSeriesName, type UnitOption } from "@ce/contracts";
import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { useNavigate } from "@remix-run/react";
import { Form, unshownErrors } from "./Form.tsx";
import { Field, FileInput, FormErrors, inputClass, SubmitRow, useSchemaForm } from "./forms.tsx";
import { PickerField } from "./Picker.tsx";
import { UnitPicker } from "./RegistrationFields.tsx";

const PATH = "/reviews/transfers?tab=out";

// What 人员调出 posts is CreateTransferForm (contracts), checked alike in the browser and in the
// action: checking the full CreateTransferInput in the browser failed on the File in
// `attachment`, a field with no place on the page, so a form with a picture was never sent.
/** The fields this form shows errors next to; any other error goes to the top of the form. */
const SHOWN = new Set(["accountId", "contactPhone", "toUnitId", "reason", "attachmentName"]);

/** 人员调出, laid out as in the guide. */
export function TransferOutForm({
  selected,
  employers,
  excluded,
  lastResult,
}: {
  selected: TransferCandidate | null;
  employers: UnitOption[];
  /** Units that cannot receive the person: the admin's own and the person's current unit. */
  excluded: readonly string[];
  lastResult: SubmissionResult<string[]> | null | undefined;
}) {
  const navigate = useNavigate();
  const [form, fields] = useSchemaForm(CreateTransferForm, { id: `transfer-out-${selected?.accountId ?? "none"}`, lastResult, validate: "onSubmit" });
  const facts: [string, string][] = selected
    ? [
        ["姓名", selected.name],
        ["证件类型", idTypeLabels[selected.idType]],
        ["证件号码", selected.idNumberMasked],
        ["工作部门", selected.departmentName ?? ""],
        ["手机号码", selected.phoneMasked ?? ""],
        ["电子邮箱", selected.email ?? ""],
        ["个人固定电话", ""],
        ["专业技术职务系列", codeText(titleSeriesName, selected.titleSeries)],
        ["专业技术职务任职资格", selected.qualification ?? ""],
        ["证书管理号", selected.certificateNo ?? ""],
      ]
    : [];
  const { key: phoneKey, ...phoneProps } = getInputProps(fields.contactPhone, { type: "tel" });
  const { key: reasonKey, ...reasonProps } = getTextareaProps(fields.reason);
  return (
    <div className="max-w-3xl space-y-4">
      <PickerField
        rowLabel="选择转出人员"
        field={fields.accountId}
        required
        kind="transfer"
        name="pickedAccountId"
        id="add-person"
        label="添加人员"
        initial={selected ? [{ value: selected.accountId, label: selected.name }] : []}
        width="max-w-md"
        onChange={(chosen) => navigate(chosen[0] ? `${PATH}&accountId=${chosen[0].value}` : PATH)}
      />
      {facts.map(([label, value]) => (
        <div key={label} className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-3 text-sm">
          <span className="text-right text-gray-700">{label}：</span>
          <span>{value}</span>
        </div>
      ))}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} key={form.id} className="space-y-4">
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="accountId" value={selected?.accountId ?? ""} />
        <Field label="本单位联系电话" htmlFor={fields.contactPhone.id} errors={fields.contactPhone.errors} errorId={fields.contactPhone.errorId} required>
          <input key={phoneKey} {...phoneProps} className={`${inputClass} max-w-xs`} />
        </Field>
        <UnitPicker label="选择调入单位" field={fields.toUnitId} kinds="EMPLOYER" initial={employers} exclude={excluded} />
        <Field label="调转原因" htmlFor={fields.reason.id} errors={fields.reason.errors} errorId={fields.reason.errorId} required>
          <textarea key={reasonKey} {...reasonProps} rows={3} className={inputClass} />
        </Field>
        <Field label="附件" htmlFor="attachment" errors={fields.attachmentName.errors}>
          <FileInput id="attachment" name="attachment" accept="image/jpeg,image/png,image/gif,image/bmp" />
          <p className="mt-1 text-xs text-gray-500">{`jpg/jpeg/gif/bmp/png，不超过${MAX_ATTACHMENT_BYTES / 1024 / 1024}MB`}</p>
        </Field>
        <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...unshownErrors(form.allErrors, (name) => SHOWN.has(name))]} />
        <SubmitRow label="提交转出申请" />
      </Form>
    </div>
  );
}
