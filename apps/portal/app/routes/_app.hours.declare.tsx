import { DeclareForm, DeclareManyForm, type LearningForm, MAX_ATTACHMENT_BYTES, MAX_BATCH_ITEMS, subjectLabels } from "@ce/contracts";
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { Form, unshownErrors } from "../components/Form.tsx";
import { Field, FileInput, FormErrors, inputClass, Select, SubmitRow, useSchemaForm } from "../components/forms.tsx";
import { FormDetailFields } from "../components/hours/FormDetailFields.tsx";
import { Picker } from "../components/Picker.tsx";
import { TextField } from "../components/RegistrationFields.tsx";
import { redirectWithFlash } from "../utils/flash.server.ts";
import { formAction, unreadable } from "../utils/form-action.server.ts";
import { readForm } from "../utils/form-data.server.ts";
import { batchMessage } from "../utils/review.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";

const PATH = "/hours/declare";
const FIELDS = [
  "professionalId",
  "year",
  "formCode",
  "schoolName",
  "className",
  "content",
  "startDate",
  "endDate",
  "score",
  "requestedHours",
  "subject",
] as const;

async function signedIn(request: Request, context: LoaderFunctionArgs["context"]) {
  const { me, api, here } = await requirePage(request, context, PATH);
  return { me, api, here };
}

/** A 继续教育基地 declares one class for many people at once (issue 13.5); everyone else for one person. */
const declaresInBulk = (me: { unitKind: string | null }) => me.unitKind === "TRAINING_BASE";

// 学时申报 (§3.4): an admin declares for a person of their unit subtree, a professional for themself,
// a CE base for the people it trained — several at once, from any unit of the province.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { me, api, here } = await signedIn(request, context);
  const isProfessional = me.userType === "PROFESSIONAL";
  const [forms, years] = await Promise.all([api.hours.forms.list.query(), api.hours.declarations.years.query()]).catch((e) => rethrowServiceError(request, e));
  // An admin picks the person (components/Picker.tsx searches them); a professional declares for themself.
  const self = isProfessional ? { accountId: me.accountId, name: me.name } : null;
  return {
    trail: [here.section.label, here.page.label],
    forms,
    self,
    bulk: declaresInBulk(me),
    years,
  };
}

// Declared: the page again, empty, with the flash. The files travel as multipart (each ≤ 4 MB) and
// go to the hours service as base64.
export async function action({ request, context }: ActionFunctionArgs) {
  const { me, api } = await signedIn(request, context);
  const read = await readForm(request, { attachments: { label: "附件", maxBytes: MAX_ATTACHMENT_BYTES } });
  if (!read.ok) return unreadable(read);
  const detailFields = [...read.form.keys()].filter((k) => k.startsWith("details."));
  const fields = [...FIELDS, "professionalIds", "attachments", ...detailFields];
  const attachmentsOf = () =>
    Promise.all((read.files.attachments ?? []).map(async (f) => ({ name: f.name, contentBase64: Buffer.from(await f.arrayBuffer()).toString("base64") })));
  if (declaresInBulk(me)) {
    // One class, one declaration per person (batch contract): those who already have it are named.
    return formAction(request, DeclareManyForm, { form: read.form, fields }, async (value) => {
      const outcome = await api.hours.declarations.declareMany.mutate({ ...value, attachments: await attachmentsOf() });
      const done = `已为${outcome.decided.length}人申报，请在“查看申报记录”中查看审核进度`;
      return redirectWithFlash(PATH, batchMessage(done, outcome), { tone: outcome.skipped.length > 0 ? "info" : "success" });
    });
  }
  return formAction(request, DeclareForm, { form: read.form, fields }, async (value) => {
    await api.hours.declarations.declare.mutate({ ...value, attachments: await attachmentsOf() });
    return redirectWithFlash(PATH, "申报成功，请在“查看申报记录”中查看审核进度。");
  });
}

export default function DeclarePage() {
  const { trail, forms, self, bulk, years } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // The bulk form's schema differs from DeclareForm only in 选择申请人 (professionalIds), which is read by name below.
  const [form, fields] = useSchemaForm((bulk ? DeclareManyForm : DeclareForm) as typeof DeclareForm, { id: "declare", lastResult: actionData?.result });
  // The chosen 学习形式 (its fields and subjects show at once); a fresh form after a declaration starts without one.
  const [picked, setPicked] = useState({ formId: form.id, code: String(fields.formCode.initialValue ?? "") });
  const formCode = picked.formId === form.id ? picked.code : String(fields.formCode.initialValue ?? "");
  const chosen: LearningForm | undefined = forms.find((f) => f.code === formCode);
  const err = (name: (typeof FIELDS)[number]) => ({ errors: fields[name].errors, errorId: fields[name].errorId });
  const ids = Object.fromEntries(FIELDS.map((n) => [n, fields[n].id])) as Record<(typeof FIELDS)[number], string>;
  // 起止时间's two ends: a date input each, named by its aria-label under the one 起止时间 label.
  const dateInput = (name: "startDate" | "endDate", label: string) => (
    <input
      type="date"
      id={ids[name]}
      name={fields[name].name}
      defaultValue={String(fields[name].initialValue ?? "")}
      aria-label={label}
      className={`${inputClass} min-w-0 max-w-44`}
    />
  );

  return (
    <div>
      <Breadcrumbs trail={trail} />
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} key={form.id} className="max-w-2xl space-y-4">
        {bulk ? (
          <Field label="选择申请人" htmlFor="declare-people" required errors={form.allErrors.professionalIds} errorId="declare-people-error">
            <p id="declare-people-hint" className="mb-2 text-sm text-gray-600">
              {`继续教育基地为参加本基地培训的人员申报：输入姓名或完整证件号查找，可多选（一次最多${MAX_BATCH_ITEMS}人）。只能选到已注册并审核通过的专业技术人员；找不到某人时，请其先在本平台注册并经所在单位审核通过。每人各生成一条申报，进入其所在单位的审核流程。`}
            </p>
            <Picker
              key={form.id}
              kind="declarable"
              multiple
              name="professionalIds"
              id="declare-people"
              label="选择申请人"
              placeholder="输入姓名或完整证件号搜索"
              nothing="没有找到可申报的人员：须为已在本平台注册并经所在单位审核通过的专业技术人员，可输入完整证件号查找"
              invalid={Boolean(form.allErrors.professionalIds?.length)}
              describedBy="declare-people-hint declare-people-error"
            />
          </Field>
        ) : (
          <Field label="选择申请人" htmlFor={ids.professionalId} required {...err("professionalId")}>
            {self ? (
              <>
                <input type="hidden" name={fields.professionalId.name} value={self.accountId} />
                <p id={ids.professionalId} className="pt-2 text-sm">
                  {self.name}
                </p>
              </>
            ) : (
              <Picker
                key={form.id}
                kind="declarable"
                name={fields.professionalId.name}
                id={ids.professionalId}
                label="选择申请人"
                invalid={!fields.professionalId.valid}
                describedBy={fields.professionalId.errorId}
              />
            )}
          </Field>
        )}
        <Field label="计入年度" htmlFor={ids.year} required {...err("year")}>
          <Select
            id={ids.year}
            name={fields.year.name}
            defaultValue={String(fields.year.initialValue ?? years[0])}
            className={`${inputClass} max-w-40`}
            options={years.map((y) => ({ code: y, name: String(y) }))}
          />
        </Field>
        <Field label="学习形式" htmlFor={ids.formCode} required {...err("formCode")}>
          <Select
            id={ids.formCode}
            name={fields.formCode.name}
            value={formCode}
            onChange={(e) => setPicked({ formId: form.id, code: e.target.value })}
            className={`${inputClass} max-w-xs`}
            aria-invalid={!fields.formCode.valid || undefined}
            prompt="请选择学习形式"
            options={forms}
          />
        </Field>
        <TextField label="学校(单位)名称" field={fields.schoolName} />
        <TextField label="培训班名称" field={fields.className} />
        <TextField label="学习内容" field={fields.content} required={false} />
        <Field label="起止时间" htmlFor={ids.startDate} required errors={[...(fields.startDate.errors ?? []), ...(fields.endDate.errors ?? [])]}>
          <div className="flex flex-wrap items-center gap-2">
            {dateInput("startDate", "开始时间")}
            <span className="text-sm text-gray-600">至</span>
            {dateInput("endDate", "结束时间")}
          </div>
        </Field>
        <TextField label="学习成绩" field={fields.score} />
        {chosen ? <FormDetailFields key={chosen.code} form={chosen} errors={form.allErrors} /> : null}
        <TextField label="申请学时" field={fields.requestedHours} type="number" width="max-w-40" />
        <Field label="计入科目" htmlFor={ids.subject} required {...err("subject")}>
          <Select
            id={ids.subject}
            name={fields.subject.name}
            defaultValue={String(fields.subject.initialValue ?? "")}
            className={`${inputClass} max-w-xs`}
            prompt="请选择计入科目"
            options={(chosen?.subjects ?? (["GENERAL", "PROFESSIONAL"] as const)).map((s) => ({ code: s, name: subjectLabels[s] }))}
          />
        </Field>
        <Field label="附件" htmlFor="declare-attachments" required errors={form.allErrors.attachments}>
          <FileInput id="declare-attachments" name="attachments" multiple accept=".jpg,.jpeg,.gif,.bmp,.png,image/jpeg,image/gif,image/bmp,image/png" />
        </Field>
        <div className="pl-[7.75rem] text-sm text-gray-600">
          {chosen ? (
            <p>
              <span className="text-red-600">*</span>提示文字:{chosen.hint}。
            </p>
          ) : null}
          <p>{`请上传相关证明材料扫描件,文件格式必须为.jpg *.jpeg *.gif *.bmp *.png的图片,文件大小${MAX_ATTACHMENT_BYTES / 1024 / 1024}M以内。`}</p>
        </div>
        <FormErrors
          id={form.errorId}
          errors={[
            ...(form.errors ?? []),
            ...unshownErrors(
              form.allErrors,
              (n) => n === "attachments" || n === "professionalIds" || n.startsWith("details.") || (FIELDS as readonly string[]).includes(n),
            ),
          ]}
        />
        <SubmitRow label="提交申报" />
      </Form>
    </div>
  );
}
