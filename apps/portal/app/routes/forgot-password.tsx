import { RequestPasswordResetInput } from "@ce/contracts";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AccountFields } from "../components/AccountFields.tsx";
import { AuthShell } from "../components/AuthShell.tsx";
import { CaptchaField } from "../components/Captcha.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, FormErrors } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { createApi } from "../utils/api.server.ts";
import { PLATFORM_NAME } from "../utils/brand.ts";
import { freshCaptcha } from "../utils/captcha.server.ts";
import { messages, toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { zhErrorMap } from "../utils/validation.ts";

export const meta: MetaFunction = () => [{ title: `忘记登录密码 - ${PLATFORM_NAME}` }];

const FIELDS = ["userType", "idType", "idNumber", "captchaAnswer"] as const;
const HIDDEN = ["captchaAnswer", "captchaId"];

/** The one answer for every accepted request, so nobody learns whether an ID is registered. */
const SENT = "如果该账户存在，重置密码的链接已发送到账户绑定的电子邮箱，请在30分钟内查收并完成重置。";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const captcha = await freshCaptcha(createApi(request, context, null));
  return { captcha, notice: captcha ? null : messages.unavailable };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readTextForm(request), { schema: RequestPasswordResetInput, error: zhErrorMap });
  const api = createApi(request, context, null);
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: HIDDEN }), sent: false, captcha: await freshCaptcha(api) }, { status: 400 });
  }
  try {
    await api.identity.auth.requestPasswordReset.mutate(submission.value);
    return { result: submission.reply({ resetForm: true }), sent: true, captcha: await freshCaptcha(api) };
  } catch (error) {
    const errors = toFormErrors(error, FIELDS, { captchaId: "captchaAnswer" });
    return data({ result: submission.reply({ ...errors, hideFields: HIDDEN }), sent: false, captcha: await freshCaptcha(api) }, { status: 400 });
  }
}

export default function ForgotPasswordPage() {
  const { captcha, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData?.result,
    constraint: getZodConstraint(RequestPasswordResetInput),
    defaultValue: { userType: "AUTHORITY", idType: "RESIDENT_ID" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequestPasswordResetInput, error: zhErrorMap }),
  });

  return (
    <AuthShell title="忘记登录密码">
      {notice ? (
        <div className="mb-4">
          <Notice tone="error">{notice}</Notice>
        </div>
      ) : null}
      {actionData?.sent ? (
        <div className="mb-4">
          <Notice tone="success">{SENT}</Notice>
        </div>
      ) : (
        <p className="mb-4 text-sm text-gray-600">请填写账户信息，我们会把重置密码的链接发送到账户绑定的电子邮箱。</p>
      )}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <AccountFields userType={fields.userType} idType={fields.idType} idNumber={fields.idNumber} />
        <CaptchaField challenge={actionData ? actionData.captcha : captcha} answer={fields.captchaAnswer} id={fields.captchaId} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="flex items-center justify-between pl-[7.75rem]">
          <button type="submit" className={buttonClass} disabled={navigation.state === "submitting"}>
            提交
          </button>
          <Link to="/login" className="text-sm text-blue-700 hover:underline">
            返回登录
          </Link>
        </div>
      </Form>
    </AuthShell>
  );
}
