import { CreateTransferForm, idTypeLabels, MAX_ATTACHMENT_BYTES, type TransferCandidate, titleSeriesName, type UnitOption } from "@ce/contracts";
import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useState } from "react";
import { DataTable } from "./DataTable.tsx";
import { Form, unshownErrors } from "./Form.tsx";
import { Field, FormErrors, inputClass, SubmitRow, useSchemaForm } from "./forms.tsx";
import { UnitPicker } from "./RegistrationFields.tsx";
import { SearchBar, TextFilter } from "./SearchBar.tsx";

const PATH = "/reviews/transfers?tab=out";

// What 人员调出 posts is CreateTransferForm (contracts), checked alike in the browser and in the
// action: checking the full CreateTransferInput in the browser failed on the File in
// `attachment`, a field with no place on the page, so a form with a picture was never sent.
/** The fields this form shows errors next to; any other error goes to the top of the form. */
const SHOWN = new Set(["accountId", "contactPhone", "toUnitId", "reason", "attachmentName"]);

/** 添加人员: the people who may be transferred out; 选择 puts one on the form. */
function CandidatePicker({ candidates, query }: { candidates: TransferCandidate[]; query: string }) {
  return (
    <div className="mb-4 rounded border border-blue-100 bg-blue-50/40 p-3">
      <SearchBar keep={{ tab: "out", pick: "1" }}>
        <TextFilter label="姓名" name="q" value={query} maxLength={50} />
      </SearchBar>
      <DataTable
        caption="可调出人员"
        columns={[
          { header: "姓名", cell: (c) => c.name },
          { header: "证件号", cell: (c) => c.idNumberMasked, className: "font-mono" },
          { header: "所在单位", cell: (c) => c.unitName },
          {
            header: "操作",
            className: "text-center",
            cell: (c) => (
              <Link to={`${PATH}&accountId=${c.accountId}`} className="text-blue-700 hover:underline" aria-label={`选择${c.name}`}>
                选择
              </Link>
            ),
          },
        ]}
        rows={candidates}
        rowKey={(c) => c.accountId}
      />
    </div>
  );
}

/** 人员调出, laid out as in the guide. */
export function TransferOutForm({
  selected,
  candidates,
  picking,
  query,
  employers,
  ownUnitId,
  lastResult,
}: {
  selected: TransferCandidate | null;
  candidates: TransferCandidate[];
  picking: boolean;
  query: string;
  employers: UnitOption[];
  ownUnitId: string | null;
  lastResult: SubmissionResult<string[]> | null | undefined;
}) {
  const [form, fields] = useSchemaForm(CreateTransferForm, { id: `transfer-out-${selected?.accountId ?? "none"}`, lastResult, validate: "onSubmit" });
  const [open, setOpen] = useState(picking);
  const facts: [string, string][] = selected
    ? [
        ["姓名", selected.name],
        ["证件类型", idTypeLabels[selected.idType]],
        ["证件号码", selected.idNumberMasked],
        ["工作部门", selected.departmentName ?? ""],
        ["手机号码", selected.phoneMasked ?? ""],
        ["电子邮箱", selected.email ?? ""],
        ["个人固定电话", ""],
        ["专业技术职务系列", selected.titleSeries ? (titleSeriesName(selected.titleSeries) ?? "") : ""],
        ["专业技术职务任职资格", selected.qualification ?? ""],
        ["证书管理号", selected.certificateNo ?? ""],
      ]
    : [];
  const { key: phoneKey, ...phoneProps } = getInputProps(fields.contactPhone, { type: "tel" });
  const { key: reasonKey, ...reasonProps } = getTextareaProps(fields.reason);
  return (
    <div className="max-w-3xl space-y-4">
      <Field label="选择转出人员" htmlFor="add-person" errors={fields.accountId.errors} required>
        <button id="add-person" type="button" aria-label="添加人员" onClick={() => setOpen(!open)} className="pt-2 text-sm text-blue-700 hover:underline">
          添加人员
        </button>
      </Field>
      {open ? <CandidatePicker candidates={candidates} query={query} /> : null}
      {facts.map(([label, value]) => (
        <div key={label} className="grid grid-cols-[7rem_1fr] gap-x-3 text-sm">
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
        <UnitPicker label="选择调入单位" field={fields.toUnitId} kinds="EMPLOYER" initial={employers} excludeId={ownUnitId} />
        <Field label="调转原因" htmlFor={fields.reason.id} errors={fields.reason.errors} errorId={fields.reason.errorId} required>
          <textarea key={reasonKey} {...reasonProps} rows={3} className={inputClass} />
        </Field>
        <Field label="附件" htmlFor="attachment" errors={fields.attachmentName.errors}>
          <input id="attachment" name="attachment" type="file" accept="image/jpeg,image/png,image/gif,image/bmp" className="pt-1 text-sm" />
          <p className="mt-1 text-xs text-gray-500">{`jpg/jpeg/gif/bmp/png，不超过${MAX_ATTACHMENT_BYTES / 1024 / 1024}MB`}</p>
        </Field>
        <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...unshownErrors(form.allErrors, (name) => SHOWN.has(name))]} />
        <SubmitRow label="提交转出申请" />
      </Form>
    </div>
  );
}
