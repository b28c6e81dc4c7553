import {
  industries,
  RequestCodeChangeInput,
  RequestSuperiorChangeInput,
  regions,
  UnitNature,
  UpdateUnitProfileInput,
  unitChangeKindLabels,
  unitNatureLabels,
} from "@ce/contracts";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { CreditCodeConfirm, needsCodeConfirmation } from "../components/CreditCodeConfirm.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, inputClass } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { requirePage, requireUser, rethrowServiceError } from "../utils/session.server.ts";
import { typedBack, typedOr } from "../utils/typed-back.ts";

const PATH = "/unit/profile";
// What each form part typed, echoed after a refusal (see typed-back.ts).
const TYPED = { save: ["nature", "industry", "region"], code: ["code", "codeConfirmed"], superior: ["superiorId"] } as const;

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

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await signedInEditor(request, context);
  const form = Object.fromEntries(await readTextForm(request));
  const profile = api.identity.unitProfile;
  const fail = (message: string, field?: string) => {
    const names = field && field in TYPED ? TYPED[field as keyof typeof TYPED] : [];
    return data({ ok: false, message, field: field ?? null, typed: field ? typedBack(form, field, names) : null }, { status: 400 });
  };
  try {
    switch (form.intent) {
      case "save": {
        const parsed = UpdateUnitProfileInput.safeParse(form);
        if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? "提交的信息有误", "save");
        await profile.update.mutate(parsed.data);
        return { ok: true, message: "保存成功", field: null };
      }
      case "code": {
        const parsed = RequestCodeChangeInput.safeParse(form);
        if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? "请输入机构代码", "code");
        await profile.requestCodeChange.mutate(parsed.data);
        return { ok: true, message: "修改单位信息申请已提交，等待上级部门审核", field: null };
      }
      case "superior": {
        const parsed = RequestSuperiorChangeInput.safeParse(form);
        if (!parsed.success) return fail("请选择新的上级部门", "superior");
        await profile.requestSuperiorChange.mutate(parsed.data);
        return { ok: true, message: "更换上级部门申请已提交，需原上级部门和新上级部门都审核通过", field: null };
      }
      case "withdraw":
        await profile.withdraw.mutate({ requestId: String(form.requestId ?? "") });
        return { ok: true, message: "申请已撤销", field: null };
      default:
        return fail("提交的信息有误，请检查后重试");
    }
  } catch (error) {
    const field = form.intent === "code" || form.intent === "superior" || form.intent === "save" ? String(form.intent) : null;
    return fail(toFormErrors(error, []).formErrors.join("；"), field ?? undefined);
  }
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[11rem_1fr] items-center gap-3 text-sm">
      <span className="text-right text-gray-700">{label}:</span>
      <div>{children}</div>
    </div>
  );
}

export default function UnitProfilePage() {
  const { trail, unit, superiorName, pending, superiors } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const typed = (part: string, name: string, fallback: string) => typedOr(actionData && "typed" in actionData ? actionData.typed : null, part, name, fallback);
  const errorFor = (field: string) =>
    actionData && !actionData.ok && actionData.field === field ? (
      <p className="mt-1 text-xs text-red-600" role="alert">
        {actionData.message}
      </p>
    ) : null;
  return (
    <div className="max-w-3xl">
      <Breadcrumbs trail={trail} />
      {actionData && (actionData.ok || actionData.field === null) ? (
        <div className="mb-4">
          <Notice tone={actionData.ok ? "success" : "error"}>{actionData.message}</Notice>
        </div>
      ) : null}
      <Form method="post" className="mb-6 space-y-3 rounded border border-gray-200 p-4">
        <input type="hidden" name="intent" value="save" />
        <Row label="单位名称">{unit.name}</Row>
        <Row label="机构代码/统一社会信用代码">
          <span className="font-mono">{unit.code ?? "—"}</span>
        </Row>
        <Row label="上级部门">{superiorName ?? "—"}</Row>
        <Row label="单位性质">
          <select name="nature" aria-label="单位性质" defaultValue={typed("save", "nature", unit.nature)} className={`${inputClass} max-w-xs`}>
            {UnitNature.options.map((n) => (
              <option key={n} value={n}>
                {unitNatureLabels[n]}
              </option>
            ))}
          </select>
        </Row>
        <Row label="所属行业">
          <select name="industry" aria-label="所属行业" defaultValue={typed("save", "industry", unit.industry ?? "")} className={`${inputClass} max-w-xs`}>
            {unit.industry ? null : <option value="">请选择</option>}
            {industries.map((i) => (
              <option key={i.code} value={i.code}>
                {i.name}
              </option>
            ))}
          </select>
        </Row>
        <Row label="所在地区">
          <select name="region" aria-label="所在地区" defaultValue={typed("save", "region", unit.region ?? "")} className={`${inputClass} max-w-xs`}>
            {unit.region ? null : <option value="">请选择</option>}
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </Row>
        {errorFor("save")}
        <div className="pl-[11.75rem]">
          <button type="submit" className={buttonClass}>
            保存
          </button>
        </div>
      </Form>

      {pending ? (
        <section aria-label="待审核申请" className="rounded border border-amber-200 bg-amber-50 p-4 text-sm">
          <p className="mb-2">
            {unitChangeKindLabels[pending.kind]}申请正在审核中：
            {pending.kind === "CODE" ? `新机构代码 ${pending.newCode ?? ""}` : `新上级部门 ${pending.newSuperiorName ?? ""}`}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <input type="hidden" name="requestId" value={pending.id} />
            <button type="submit" className={buttonClass}>
              撤销申请
            </button>
          </Form>
        </section>
      ) : unit.superiorId ? (
        <div className="grid gap-4 md:grid-cols-2">
          <Form method="post" aria-label="修改单位信息" className="space-y-2 rounded border border-gray-200 p-4 text-sm">
            <h2 className="font-semibold text-gray-800">修改单位信息</h2>
            <input type="hidden" name="intent" value="code" />
            <label htmlFor="new-code" className="block text-gray-700">
              新的组织机构代码/统一社会信用代码:
            </label>
            <input id="new-code" name="code" maxLength={20} defaultValue={typed("code", "code", "")} className={`${inputClass} font-mono`} />
            {errorFor("code")}
            <CreditCodeConfirm
              show={
                !!actionData && !actionData.ok && actionData.field === "code" && needsCodeConfirmation([actionData.message], typed("code", "codeConfirmed", ""))
              }
              id="new-code-confirmed"
              defaultChecked={typed("code", "codeConfirmed", "") === "on"}
            />
            <p className="text-xs text-gray-500">由上级部门审核通过后生效。</p>
            <button type="submit" className={buttonClass}>
              提交申请
            </button>
          </Form>
          <Form method="post" aria-label="更换上级部门" className="space-y-2 rounded border border-gray-200 p-4 text-sm">
            <h2 className="font-semibold text-gray-800">更换上级部门</h2>
            <input type="hidden" name="intent" value="superior" />
            <label htmlFor="new-superior" className="block text-gray-700">
              新的上级部门:
            </label>
            <select id="new-superior" name="superiorId" defaultValue={typed("superior", "superiorId", "")} className={inputClass}>
              <option value="">请选择</option>
              {superiors
                .filter((s) => s.id !== unit.superiorId)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
            {errorFor("superior")}
            <p className="text-xs text-gray-500">需原上级部门和新上级部门都审核通过后生效。</p>
            <button type="submit" className={buttonClass}>
              提交申请
            </button>
          </Form>
        </div>
      ) : null}
    </div>
  );
}
