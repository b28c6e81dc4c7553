import { educationLevels, RegisterProfessionalInput, titleLevels, titleSeries } from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { AuthForm, useCaptchaForm } from "../components/AuthForm.tsx";
import { CaptchaField } from "../components/Captcha.tsx";
import { CodeSelect, DepartmentSelect, NEW_ACCOUNT_FIELDS, NewAccountFields, TextField, UnitPicker } from "../components/RegistrationFields.tsx";
import { createApi } from "../utils/api.server.ts";
import { PLATFORM_NAME } from "../utils/brand.ts";
import { freshCaptcha } from "../utils/captcha.server.ts";
import { messages } from "../utils/errors.server.ts";
import { redirectWithFlash } from "../utils/flash.server.ts";
import { captchaFormAction } from "../utils/public-form.server.ts";

export const meta: MetaFunction = () => [{ title: `专业技术人员注册 - ${PLATFORM_NAME}` }];

const FIELDS = [
  ...NEW_ACCOUNT_FIELDS,
  "unitId",
  "departmentId",
  "education",
  "titleSeries",
  "qualification",
  "titleLevel",
  "major",
  "certificateNo",
  "captchaAnswer",
] as const;
const UNIT_KINDS = "EMPLOYER,TRAINING_BASE,AUTHORITY";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = createApi(request, context, null);
  const [captcha, units] = await Promise.all([freshCaptcha(api), api.identity.registration.searchUnits.query({}).catch(() => null)]);
  return { captcha, units: units ?? [], notice: captcha && units ? null : messages.unavailable };
}

// Registered: on to 登录 with the flash (the same answer whether or not the ID was registered before).
export async function action(args: ActionFunctionArgs) {
  return captchaFormAction(args, RegisterProfessionalInput, { fields: FIELDS, hideFields: ["password", "confirmPassword"] }, async (api, value) => {
    await api.identity.registration.professional.mutate(value);
    return redirectWithFlash("/login", "注册成功，请等待所在单位审核，审核通过后即可登录。如该证件号此前已注册，本次申请不予受理，账户本人将收到邮件通知。");
  });
}

export default function RegisterProfessionalPage() {
  const { captcha, units, notice } = useLoaderData<typeof loader>();
  const [unitId, setUnitId] = useState("");
  const { form, fields, challenge } = useCaptchaForm(RegisterProfessionalInput, {
    id: "register-professional",
    captcha,
    defaultValue: { idType: "RESIDENT_ID" },
  });

  return (
    <AuthForm title="专业技术人员注册" notice={notice} form={form} submit="注册" back>
      <NewAccountFields fields={fields} />
      <UnitPicker label="所在单位" field={fields.unitId} kinds={UNIT_KINDS} initial={units} onPick={setUnitId} />
      <DepartmentSelect unitId={unitId} field={fields.departmentId} />
      <CodeSelect label="学历" field={fields.education} options={educationLevels} />
      <CodeSelect label="专业技术职务系列" field={fields.titleSeries} options={titleSeries} />
      <TextField label="现专业技术职称资格" field={fields.qualification} required={false} />
      <CodeSelect label="级别" field={fields.titleLevel} options={titleLevels} />
      <TextField label="从事专业" field={fields.major} required={false} />
      <TextField label="证书管理号" field={fields.certificateNo} required={false} />
      <CaptchaField challenge={challenge} answer={fields.captchaAnswer} id={fields.captchaId} />
    </AuthForm>
  );
}
