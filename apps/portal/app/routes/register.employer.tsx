import { industries, RegisterEmployerInput, regions, UnitNature, unitNatureLabels } from "@ce/contracts";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthShell } from "../components/AuthShell.tsx";
import { CaptchaField } from "../components/Captcha.tsx";
import { CreditCodeConfirm, needsCodeConfirmation } from "../components/CreditCodeConfirm.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, FormErrors } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { CodeSelect, NewAccountFields, TextField, UnitPicker } from "../components/RegistrationFields.tsx";
import { createApi } from "../utils/api.server.ts";
import { PLATFORM_NAME } from "../utils/brand.ts";
import { freshCaptcha } from "../utils/captcha.server.ts";
import { messages, toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { zhErrorMap } from "../utils/validation.ts";

export const meta: MetaFunction = () => [{ title: `用人单位注册 - ${PLATFORM_NAME}` }];

const FIELDS = [
  "unitName",
  "nature",
  "industry",
  "region",
  "code",
  "superiorId",
  "idType",
  "idNumber",
  "name",
  "phone",
  "email",
  "password",
  "confirmPassword",
  "captchaAnswer",
] as const;
const HIDDEN = ["password", "confirmPassword", "captchaAnswer", "captchaId"];
const natures = UnitNature.options.map((code) => ({ code, name: unitNatureLabels[code] }));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = createApi(request, context, null);
  const [captcha, authorities] = await Promise.all([
    freshCaptcha(api),
    api.identity.registration.searchUnits.query({ kinds: ["AUTHORITY"] }).catch(() => null),
  ]);
  return { captcha, authorities: authorities ?? [], notice: captcha && authorities ? null : messages.unavailable };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readTextForm(request), { schema: RegisterEmployerInput, error: zhErrorMap });
  const api = createApi(request, context, null);
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: HIDDEN }), done: false, captcha: await freshCaptcha(api) }, { status: 400 });
  }
  try {
    await api.identity.registration.employer.mutate(submission.value);
    return { result: submission.reply({ resetForm: true }), done: true, captcha: null };
  } catch (error) {
    const errors = toFormErrors(error, FIELDS, { captchaId: "captchaAnswer" });
    return data({ result: submission.reply({ ...errors, hideFields: HIDDEN }), done: false, captcha: await freshCaptcha(api) }, { status: 400 });
  }
}

export default function RegisterEmployerPage() {
  const { captcha, authorities, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "register-employer",
    lastResult: actionData?.result,
    constraint: getZodConstraint(RegisterEmployerInput),
    defaultValue: { idType: "RESIDENT_ID" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterEmployerInput, error: zhErrorMap }),
  });

  if (actionData?.done) {
    return (
      <AuthShell title="用人单位注册">
        <Notice tone="success">
          注册成功，请等待上级主管部门审核，审核通过后单位管理员即可登录。如该证件号此前已注册，本次申请不予受理，账户本人将收到邮件通知。
        </Notice>
        <p className="mt-4 text-right text-sm">
          <Link to="/login" className="text-blue-700 hover:underline">
            返回登录
          </Link>
        </p>
      </AuthShell>
    );
  }

  return (
    <AuthShell title="用人单位注册">
      {notice ? (
        <div className="mb-4">
          <Notice tone="error">{notice}</Notice>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
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
