import { AddAdminWay, type AdminDraft, addAdminWayLabels, CreateAdminInput, PrepareAdminInput } from "@ce/contracts";
import { getCollectionProps, getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { FactList } from "../components/FactList.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, ErrorList, Field, FormErrors, inputClass, Select, type StringField, useSchemaForm } from "../components/forms.tsx";
import { PickerField } from "../components/Picker.tsx";
import { TextLink } from "../components/TextLink.tsx";
import { IdTypeSelect } from "../components/UserTypeSelects.tsx";
import { redirectWithFlash } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";
import { readIntentForm } from "../utils/form-data.server.ts";
import { requirePage, rethrowServiceError } from "../utils/session.server.ts";
import { ShownName } from "../utils/validation.ts";

const LIST = "/accounts/admins";
const STEPS = ["填写管理员基本信息", "权限确认", "创建成功"] as const;
const STEP1_FIELDS = ["accountId", "idType", "idNumber", "password", "confirmPassword", "name", "phone", "email", "landline", "departmentId"] as const;
const SECRETS = ["password", "confirmPassword"];

/** 权限确认: the prepared draft and the ticked roles; the draft's facts travel along only to be shown again. */
const CreateAdminForm = CreateAdminInput.extend({
  intent: z.literal("create"),
  way: AddAdminWay.catch("PROFESSIONAL"),
  draftName: ShownName,
  draftIdNumber: ShownName,
  draftDepartment: ShownName,
});

// 新增管理员: ?way= picks one of the three ways; ?created=1 is step 3 (创建成功, the flash says who).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await requirePage(request, context, LIST);
  const search = new URL(request.url).searchParams;
  const way = AddAdminWay.catch("PROFESSIONAL").parse(search.get("way"));
  // 选择成为管理员 searches through the one picker (components/Picker.tsx, kind "admin").
  const options = await api.identity.admins.options.query().catch((e) => rethrowServiceError(request, e));
  return { trail: [here.section.label, here.page.label, "新增管理员"], way, options, created: search.has("created") };
}

/** The draft 权限确认 shows, as its form posted it back. */
function draftOf(form: FormData): AdminDraft {
  const text = (name: string) => ShownName.parse(form.get(name) ?? "");
  return {
    draftId: String(form.get("draftId") ?? ""),
    way: AddAdminWay.catch("PROFESSIONAL").parse(form.get("way")),
    name: text("draftName"),
    idNumberMasked: text("draftIdNumber"),
    departmentName: text("draftDepartment") || null,
  };
}

// Step 1 (填写管理员基本信息) answers with the draft for step 2 (权限确认) in place; step 2 creates the
// admin and redirects to step 3 with the flash.
export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requirePage(request, context, LIST);
  const { form, intent } = await readIntentForm(request);
  if (intent === "create") {
    const draft = draftOf(form);
    return formAction(request, CreateAdminForm, { form, fields: ["roleIds"], extra: () => ({ step: 2 as const, draft }) }, async (v) => {
      const created = await api.identity.admins.create.mutate({ draftId: v.draftId, roleIds: v.roleIds });
      return redirectWithFlash(`${LIST}/new?way=${draft.way}&created=1`, `创建成功：${created.name} 已成为本单位管理员，角色在其下次登录时生效。`);
    });
  }
  const options = { form, fields: STEP1_FIELDS, hideFields: SECRETS, extra: () => ({ step: 1 as const, draft: null }) };
  return formAction(request, PrepareAdminInput, options, async (value) => ({
    step: 2 as const,
    draft: await api.identity.admins.prepare.mutate(value),
    result: null,
  }));
}

function Steps({ current }: { current: 1 | 2 | 3 }) {
  return (
    <ol className="mb-5 flex items-center gap-2 text-sm" aria-label="步骤">
      {STEPS.map((label, i) => (
        <li key={label} className="flex items-center gap-2" aria-current={i + 1 === current ? "step" : undefined}>
          {i > 0 ? <span className="text-gray-600">→</span> : null}
          <span
            className={`rounded-full px-3 py-1 ${i + 1 === current ? "bg-blue-700 text-white" : i + 1 < current ? "bg-blue-100 text-blue-800" : "bg-gray-100 text-gray-700"}`}
          >
            {i + 1}. {label}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Select props without conform's `key` (React refuses a spread key). */
function selectProps(field: StringField) {
  const { key: _key, ...props } = getSelectProps(field);
  return props;
}

function TextField({ field, label, type = "text", required }: { field: StringField; label: string; type?: "text" | "password"; required?: boolean }) {
  const { key, ...props } = getInputProps(field, { type });
  return (
    <Field label={label} htmlFor={field.id} errors={field.errors} errorId={field.errorId} required={required}>
      <input key={key} {...props} autoComplete={type === "password" ? "new-password" : "off"} className={inputClass} />
    </Field>
  );
}

function StepOne() {
  const { way, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(PrepareAdminInput, { id: `admin-step1-${way}`, lastResult: actionData?.step === 1 ? actionData.result : null });
  const f = fields as unknown as Record<(typeof STEP1_FIELDS)[number], StringField>;
  const department = (
    <Field label="工作部门" htmlFor={f.departmentId.id} errors={f.departmentId.errors} errorId={f.departmentId.errorId}>
      <Select
        {...selectProps(f.departmentId)}
        className={inputClass}
        prompt="请选择"
        options={options.departments.map((d) => ({ code: d.id, name: d.name }))}
      />
    </Field>
  );
  return (
    <div className="max-w-2xl">
      <div role="radiogroup" aria-label="新增方式" className="mb-4 flex flex-wrap gap-4 text-sm">
        {AddAdminWay.options.map((w) => (
          <Link
            key={w}
            to={`?way=${w}`}
            role="radio"
            aria-checked={w === way}
            className={`rounded border px-3 py-1.5 ${w === way ? "border-blue-700 bg-blue-50 text-blue-800" : "border-gray-300 text-gray-700"}`}
          >
            {addAdminWayLabels[w]}
          </Link>
        ))}
      </div>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="way" value={way} />
        {way === "PROFESSIONAL" ? (
          <PickerField rowLabel="选择人员" field={f.accountId} required kind="admin" name="accountId" id="admin-candidate" label="选择本单位已审核通过的人员" />
        ) : (
          <>
            <Field label="证件类型" htmlFor={f.idType.id} errors={f.idType.errors} errorId={f.idType.errorId} required>
              <IdTypeSelect {...selectProps(f.idType)} />
            </Field>
            <TextField field={f.idNumber} label="证件号" required />
            <TextField field={f.password} label="密码" type="password" required />
            {way === "REGISTER" ? (
              <>
                <TextField field={f.confirmPassword} label="确认密码" type="password" required />
                <TextField field={f.name} label="真实姓名" required />
                <TextField field={f.phone} label="手机号" required />
                <TextField field={f.email} label="电子邮箱" required />
                <TextField field={f.landline} label="固定电话" />
              </>
            ) : (
              <p className="pl-[7.75rem] text-xs text-gray-500">请输入该账户当前的登录密码。</p>
            )}
            {department}
          </>
        )}
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="pl-[7.75rem]">
          <button type="submit" className={buttonClass} disabled={navigation.state === "submitting"}>
            下一步
          </button>
        </div>
      </Form>
    </div>
  );
}

function StepTwo({ draft }: { draft: AdminDraft }) {
  const { options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(CreateAdminForm, {
    id: `admin-step2-${draft.draftId}`,
    lastResult: actionData?.step === 2 ? actionData.result : null,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="max-w-2xl space-y-4 text-sm">
      <input type="hidden" name="intent" value="create" />
      <input type="hidden" name="draftId" value={draft.draftId} />
      <input type="hidden" name="way" value={draft.way} />
      <input type="hidden" name="draftName" value={draft.name} />
      <input type="hidden" name="draftIdNumber" value={draft.idNumberMasked} />
      <input type="hidden" name="draftDepartment" value={draft.departmentName ?? ""} />
      <FactList
        look="plain"
        facts={[
          ["姓名", draft.name],
          ["证件号", draft.idNumberMasked],
          ["工作部门", draft.departmentName ?? "—"],
        ]}
      />
      <fieldset className="rounded border border-gray-200 p-3" aria-describedby={fields.roleIds.errorId}>
        <legend className="px-1 text-gray-700">角色</legend>
        {options.roles.length === 0 ? <p className="text-gray-500">本单位还没有角色，可稍后在“角色管理”中添加并分配。</p> : null}
        <div className="flex flex-wrap gap-4">
          {getCollectionProps(fields.roleIds, { type: "checkbox", options: options.roles.map((r) => r.id) }).map(({ key, ...props }) => (
            <label key={key} className="inline-flex items-center gap-1">
              <input {...props} />
              {options.roles.find((r) => r.id === props.value)?.name}
            </label>
          ))}
        </div>
        <ErrorList id={fields.roleIds.errorId} errors={fields.roleIds.errors} />
      </fieldset>
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.draftId.errors ?? [])]} />
      <div className="space-x-3">
        <Link to={`?way=${draft.way}`} className="text-gray-600 hover:underline">
          上一步
        </Link>
        <button type="submit" className={buttonClass} disabled={navigation.state === "submitting"}>
          确认创建
        </button>
      </div>
    </Form>
  );
}

export default function NewAdminPage() {
  const { trail, created } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const step = created ? 3 : actionData?.step === 2 && actionData.draft ? 2 : 1;
  return (
    <div>
      <Breadcrumbs trail={trail} />
      <Steps current={step} />
      {step === 3 ? (
        <div className="space-x-4 text-sm">
          <TextLink to={LIST}>返回管理员列表</TextLink>
          <TextLink to="?way=PROFESSIONAL">继续新增</TextLink>
        </div>
      ) : step === 2 && actionData?.draft ? (
        <StepTwo draft={actionData.draft} />
      ) : (
        <StepOne />
      )}
    </div>
  );
}
