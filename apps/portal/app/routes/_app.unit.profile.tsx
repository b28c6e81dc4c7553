import {
  industries,
  RequestCodeChangeInput,
  RequestSuperiorChangeInput,
  regions,
  UnitNature,
  UpdateUnitProfileInput,
  unitChangeKindLabels,
  unitNatureLabels,
  WithdrawUnitChangeInput,
} from "@ce/contracts";
import { type FormMetadata, getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ChangeOutcome } from "../components/ChangeOutcome.tsx";
import { CreditCodeConfirm, needsCodeConfirmation } from "../components/CreditCodeConfirm.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, ErrorList, FormErrors, inputClass, ReplyErrors, Select, type StringField, useSchemaForm } from "../components/forms.tsx";
import { RowAction } from "../components/RowAction.tsx";
import { redirectWithFlash, samePage } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";
import { readIntentForm } from "../utils/form-data.server.ts";
import { requirePage, requireUser, rethrowServiceError } from "../utils/session.server.ts";

const PATH = "/unit/profile";

async function signedInEditor(request: Request, context: LoaderFunctionArgs["context"]) {
  // A professional's 基本信息修改 is their own profile page.
  if ((await requireUser(request, context)).me.userType === "PROFESSIONAL") throw redirect("/me/profile");
  return requirePage(request, context, PATH);
}

// 基本信息修改 §3.1: free fields saved at once; the code and the superior go through requests.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, here } = await signedInEditor(request, context);
  const [profile, superiors] = await Promise.all([api.identity.unitProfile.get.query(), api.identity.unitProfile.superiorOptions.query()]).catch((e) =>
    rethrowServiceError(request, e),
  );
  return { trail: [here.section.label, here.page.label], ...profile, superiors };
}

/** The page's four forms, one schema each: 保存, 修改单位信息, 更换上级部门, 撤销申请. */
const SaveForm = UpdateUnitProfileInput.extend({ intent: z.literal("save") });
const CodeForm = RequestCodeChangeInput.extend({ intent: z.literal("code") });
const SuperiorForm = RequestSuperiorChangeInput.extend({ intent: z.literal("superior") });
const UnitProfileAction = z.discriminatedUnion("intent", [SaveForm, CodeForm, SuperiorForm, WithdrawUnitChangeInput.extend({ intent: z.literal("withdraw") })]);

const done = {
  save: "保存成功",
  code: "修改单位信息申请已提交，等待上级部门审核",
  superior: "更换上级部门申请已提交，需原上级部门和新上级部门都审核通过",
  withdraw: "申请已撤销",
} as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await signedInEditor(request, context);
  const { form, intent } = await readIntentForm(request);
  const profile = api.identity.unitProfile;
  const fields = ["nature", "industry", "region", "code", "superiorId"];
  return formAction(request, UnitProfileAction, { form, fields, extra: () => ({ intent }) }, async (v) => {
    if (v.intent === "save") await profile.update.mutate({ nature: v.nature, industry: v.industry, region: v.region });
    else if (v.intent === "code") await profile.requestCodeChange.mutate({ code: v.code, codeConfirmed: v.codeConfirmed });
    else if (v.intent === "superior") await profile.requestSuperiorChange.mutate({ superiorId: v.superiorId });
    else await profile.withdraw.mutate({ requestId: v.requestId });
    return redirectWithFlash(samePage(request), done[v.intent]);
  });
}

function Row({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[11rem_1fr] items-center gap-3 text-sm">
      <label htmlFor={htmlFor} className="text-right text-gray-700">
        {label}:
      </label>
      <div>{children}</div>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[11rem_1fr] items-center gap-3 text-sm">
      <span className="text-right text-gray-700">{label}:</span>
      <div>{children}</div>
    </div>
  );
}

/** A select of this page: conform's props (without its key) over `options` (请选择 first while `prompt`), the field's errors under it. */
function FieldSelect({
  field,
  options,
  prompt = false,
  className,
}: {
  field: StringField;
  options: readonly { code: string; name: string }[];
  prompt?: boolean;
  className: string;
}) {
  const { key: _key, ...props } = getSelectProps(field);
  return (
    <>
      <Select {...props} className={className} prompt={prompt ? "请选择" : undefined} options={options} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </>
  );
}

const natures = UnitNature.options.map((code) => ({ code, name: unitNatureLabels[code] }));

/** The last reply, for the form of `intent` only (each form shows its own errors). */
function useReplyFor(intent: string) {
  const reply = useActionData<typeof action>();
  return reply?.intent === intent ? reply.result : null;
}

function SaveSection() {
  const { unit, superiorName } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(SaveForm, {
    id: "unit-save",
    lastResult: useReplyFor("save"),
    defaultValue: { nature: unit.nature, industry: unit.industry ?? "", region: unit.region ?? "" },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mb-6 space-y-3 rounded border border-gray-200 p-4">
      <input type="hidden" name="intent" value="save" />
      <Fact label="单位名称">{unit.name}</Fact>
      <Fact label="机构代码/统一社会信用代码">
        <span className="break-all font-mono">{unit.code ?? "—"}</span>
      </Fact>
      <Fact label="上级部门">{superiorName ?? "—"}</Fact>
      <Row label="单位性质" htmlFor={fields.nature.id}>
        <FieldSelect field={fields.nature} options={natures} className={`${inputClass} max-w-xs`} />
      </Row>
      <Row label="所属行业" htmlFor={fields.industry.id}>
        <FieldSelect field={fields.industry} options={industries} prompt={!unit.industry} className={`${inputClass} max-w-xs`} />
      </Row>
      <Row label="所在地区" htmlFor={fields.region.id}>
        <FieldSelect field={fields.region} options={regions} prompt={!unit.region} className={`${inputClass} max-w-xs`} />
      </Row>
      <div className="pl-[11.75rem]">
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className={`${buttonClass} mt-2`}>
          保存
        </button>
      </div>
    </Form>
  );
}

/** A change request of 基本信息修改 (修改单位信息, 更换上级部门): its own form, titled and explained by `note`. */
function RequestForm<Schema extends Record<string, unknown>>({
  form,
  intent,
  title,
  note,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  intent: string;
  title: string;
  note: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" {...getFormProps(form)} key={form.id} aria-label={title} className="space-y-2 rounded border border-gray-200 p-4 text-sm">
      <h2 className="font-semibold text-gray-800">{title}</h2>
      <input type="hidden" name="intent" value={intent} />
      {children}
      <FormErrors id={form.errorId} errors={form.errors} />
      <p className="text-xs text-gray-500">{note}</p>
      <button type="submit" className={buttonClass}>
        提交申请
      </button>
    </Form>
  );
}

function CodeSection() {
  const [form, fields] = useSchemaForm(CodeForm, { id: "unit-code", lastResult: useReplyFor("code"), validate: "onSubmit" });
  const { key: codeKey, ...codeProps } = getInputProps(fields.code, { type: "text" });
  return (
    <RequestForm form={form} intent="code" title="修改单位信息" note="由上级部门审核通过后生效。">
      <label htmlFor={fields.code.id} className="block text-gray-700">
        新的组织机构代码/统一社会信用代码:
      </label>
      <input key={codeKey} {...codeProps} maxLength={20} className={`${inputClass} font-mono`} />
      <ErrorList id={fields.code.errorId} errors={fields.code.errors} />
      <CreditCodeConfirm
        show={needsCodeConfirmation(fields.code.errors, fields.codeConfirmed.value)}
        id={fields.codeConfirmed.id}
        defaultChecked={fields.codeConfirmed.value === "on"}
      />
    </RequestForm>
  );
}

function SuperiorSection() {
  const { unit, superiors } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(SuperiorForm, { id: "unit-superior", lastResult: useReplyFor("superior"), validate: "onSubmit" });
  return (
    <RequestForm form={form} intent="superior" title="更换上级部门" note="需原上级部门和新上级部门都审核通过后生效。">
      <label htmlFor={fields.superiorId.id} className="block text-gray-700">
        新的上级部门:
      </label>
      <FieldSelect
        field={fields.superiorId}
        options={superiors.filter((s) => s.id !== unit.superiorId).map((s) => ({ code: s.id, name: s.name }))}
        prompt
        className={inputClass}
      />
    </RequestForm>
  );
}

export default function UnitProfilePage() {
  const { trail, unit, pending, lastDecided } = useLoaderData<typeof loader>();
  const withdrawReply = useReplyFor("withdraw");
  return (
    <div className="max-w-3xl">
      <Breadcrumbs trail={trail} />
      <SaveSection />
      <ChangeOutcome what={lastDecided ? `${unitChangeKindLabels[lastDecided.kind]}申请` : ""} change={pending ? null : lastDecided} />
      {pending ? (
        <section aria-label="待审核申请" className="rounded border border-amber-200 bg-amber-50 p-4 text-sm">
          <p className="mb-2">
            {unitChangeKindLabels[pending.kind]}申请正在审核中：
            {pending.kind === "CODE" ? `新机构代码 ${pending.newCode ?? ""}` : `新上级部门 ${pending.newSuperiorName ?? ""}`}
          </p>
          <ReplyErrors result={withdrawReply} />
          <RowAction
            intent="withdraw"
            values={{ requestId: pending.id }}
            label="撤销申请"
            confirm={`确定撤销${unitChangeKindLabels[pending.kind]}申请（${pending.kind === "CODE" ? `新机构代码 ${pending.newCode ?? ""}` : `新上级部门 ${pending.newSuperiorName ?? ""}`}）吗？`}
            button
          />
        </section>
      ) : unit.superiorId ? (
        <div className="grid gap-4 md:grid-cols-2">
          <CodeSection />
          <SuperiorSection />
        </div>
      ) : null}
    </div>
  );
}
