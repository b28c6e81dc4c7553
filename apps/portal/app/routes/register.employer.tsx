import { industries, RegisterEmployerInput, regions, UnitNature, unitNatureLabels } from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuthForm, useCaptchaForm } from "../components/AuthForm.tsx";
import { CaptchaField } from "../components/Captcha.tsx";
import { CreditCodeConfirm, needsCodeConfirmation } from "../components/CreditCodeConfirm.tsx";
import { CodeSelect, NEW_ACCOUNT_FIELDS, NewAccountFields, TextField, UnitPicker } from "../components/RegistrationFields.tsx";
import { createApi } from "../utils/api.server.ts";
import { PLATFORM_NAME } from "../utils/brand.ts";
import { freshCaptcha } from "../utils/captcha.server.ts";
import { messages } from "../utils/errors.server.ts";
import { redirectWithFlash } from "../utils/flash.server.ts";
import { captchaFormAction } from "../utils/public-form.server.ts";

export const meta: MetaFunction = () => [{ title: `用人单位注册 - ${PLATFORM_NAME}` }];

const FIELDS = ["unitName", "nature", "industry", "region", "code", "superiorId", ...NEW_ACCOUNT_FIELDS, "captchaAnswer"] as const;
const natures = UnitNature.options.map((code) => ({ code, name: unitNatureLabels[code] }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = createApi(request, context, null);
  const [captcha, authorities] = await Promise.all([
    freshCaptcha(api),
    api.identity.registration.searchUnits.query({ kinds: ["AUTHORITY"] }).catch(() => null),
  ]);
  return { captcha, authorities: authorities ?? [], notice: captcha && authorities ? null : messages.unavailable };
}

// Registered: on to 登录 with the flash (the same answer whether or not the ID was registered before).
export async function action(args: ActionFunctionArgs) {
  return captchaFormAction(args, RegisterEmployerInput, { fields: FIELDS, hideFields: ["password", "confirmPassword"] }, async (api, value) => {
    await api.identity.registration.employer.mutate(value);
    return redirectWithFlash(
      "/login",
      "注册成功，请等待上级主管部门审核，审核通过后单位管理员即可登录。如该证件号此前已注册，本次申请不予受理，账户本人将收到邮件通知。",
    );
  });
}

export default function RegisterEmployerPage() {
  const { captcha, authorities, notice } = useLoaderData<typeof loader>();
  const { form, fields, challenge } = useCaptchaForm(RegisterEmployerInput, { id: "register-employer", captcha, defaultValue: { idType: "RESIDENT_ID" } });

  return (
    <AuthForm title="用人单位注册" notice={notice} form={form} submit="注册" back>
      <TextField label="单位名称" field={fields.unitName} />
      <CodeSelect label="单位性质" field={fields.nature} options={natures} />
      <CodeSelect label="所属行业" field={fields.industry} options={industries} />
      <CodeSelect label="地区" field={fields.region} options={regions} />
      <TextField label="机构代码/统一社会信用代码" field={fields.code} />
      <CreditCodeConfirm
        show={needsCodeConfirmation(fields.code.errors, fields.codeConfirmed.value)}
        id={fields.codeConfirmed.id}
        defaultChecked={fields.codeConfirmed.value === "on"}
        className="pl-[7.75rem]"
      />
      <UnitPicker label="上级主管部门" field={fields.superiorId} kinds="AUTHORITY" initial={authorities} />
      <h3 className="border-t border-gray-200 pt-3 text-sm font-semibold text-blue-900">单位管理员</h3>
      <NewAccountFields fields={fields} />
      <CaptchaField challenge={challenge} answer={fields.captchaAnswer} id={fields.captchaId} />
    </AuthForm>
  );
}
