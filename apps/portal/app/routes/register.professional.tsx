import { educationLevels, RegisterProfessionalInput, titleLevels, titleSeries } from "@ce/contracts";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { AuthShell } from "../components/AuthShell.tsx";
import { CaptchaField } from "../components/Captcha.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, FormErrors } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { CodeSelect, DepartmentSelect, NewAccountFields, TextField, UnitPicker } from "../components/RegistrationFields.tsx";
import { createApi } from "../utils/api.server.ts";
import { PLATFORM_NAME } from "../utils/brand.ts";
import { freshCaptcha } from "../utils/captcha.server.ts";
import { messages, toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { zhErrorMap } from "../utils/validation.ts";

export const meta: MetaFunction = () => [{ title: `专业技术人员注册 - ${PLATFORM_NAME}` }];

const FIELDS = [
  "idType",
  "idNumber",
  "name",
  "phone",
  "email",
  "unitId",
  "departmentId",
  "education",
  "titleSeries",
  "qualification",
  "titleLevel",
  "major",
  "certificateNo",
  "password",
  "confirmPassword",
  "captchaAnswer",
] as const;
const HIDDEN = ["password", "confirmPassword", "captchaAnswer", "captchaId"];
const UNIT_KINDS = "EMPLOYER,TRAINING_BASE,AUTHORITY";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = createApi(request, context, null);
  const [captcha, units] = await Promise.all([freshCaptcha(api), api.identity.registration.searchUnits.query({}).catch(() => null)]);
  return { captcha, units: units ?? [], notice: captcha && units ? null : messages.unavailable };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readTextForm(request), { schema: RegisterProfessionalInput, error: zhErrorMap });
  const api = createApi(request, context, null);
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: HIDDEN }), done: false, captcha: await freshCaptcha(api) }, { status: 400 });
  }
  try {
    await api.identity.registration.professional.mutate(submission.value);
    return { result: submission.reply({ resetForm: true }), done: true, captcha: null };
  } catch (error) {
    const errors = toFormErrors(error, FIELDS, { captchaId: "captchaAnswer" });
    return data({ result: submission.reply({ ...errors, hideFields: HIDDEN }), done: false, captcha: await freshCaptcha(api) }, { status: 400 });
  }
}

export default function RegisterProfessionalPage() {
  const { captcha, units, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [unitId, setUnitId] = useState("");
  const [form, fields] = useForm({
    id: "register-professional",
    lastResult: actionData?.result,
    constraint: getZodConstraint(RegisterProfessionalInput),
    defaultValue: { idType: "RESIDENT_ID" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterProfessionalInput, error: zhErrorMap }),
  });

  if (actionData?.done) {
    return (
      <AuthShell title="专业技术人员注册">
        <Notice tone="success">注册成功，请等待所在单位审核，审核通过后即可登录。如该证件号此前已注册，本次申请不予受理，账户本人将收到邮件通知。</Notice>
        <p className="mt-4 text-right text-sm">
          <Link to="/login" className="text-blue-700 hover:underline">
            返回登录
          </Link>
        </p>
      </AuthShell>
    );
  }

  return (
    <AuthShell title="专业技术人员注册">
      {notice ? (
        <div className="mb-4">
          <Notice tone="error">{notice}</Notice>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <NewAccountFields fields={fields} />
        <UnitPicker label="所在单位" field={fields.unitId} kinds={UNIT_KINDS} initial={units} onPick={setUnitId} />
        <DepartmentSelect unitId={unitId} field={fields.departmentId} />
        <CodeSelect label="学历" field={fields.education} options={educationLevels} />
        <CodeSelect label="专业技术职务系列" field={fields.titleSeries} options={titleSeries} />
        <TextField label="现专业技术职称资格" field={fields.qualification} required={false} />
        <CodeSelect label="级别" field={fields.titleLevel} options={titleLevels} />
        <TextField label="从事专业" field={fields.major} required={false} />
        <TextField label="证书管理号" field={fields.certificateNo} required={false} />
        <CaptchaField challenge={actionData ? actionData.captcha : captcha} answer={fields.captchaAnswer} id={fields.captchaId} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="flex items-center justify-between pl-[7.75rem]">
          <button type="submit" className={buttonClass} disabled={navigation.state === "submitting"}>
            注册
          </button>
          <Link to="/login" className="text-sm text-blue-700 hover:underline">
            返回登录
          </Link>
        </div>
      </Form>
    </AuthShell>
  );
}
