import { LoginInput } from "@ce/contracts";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AccountFields } from "../components/AccountFields.tsx";
import { AuthShell } from "../components/AuthShell.tsx";
import { CaptchaField } from "../components/Captcha.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, Field, FormErrors, inputClass } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { createApi } from "../utils/api.server.ts";
import { PLATFORM_NAME } from "../utils/brand.ts";
import { freshCaptcha } from "../utils/captcha.server.ts";
import { messages, toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { safeRedirect } from "../utils/redirect.ts";
import { commitToken, getToken } from "../utils/session.server.ts";
import { zhErrorMap } from "../utils/validation.ts";

export const meta: MetaFunction = () => [{ title: `用户登录 - ${PLATFORM_NAME}` }];

const FIELDS = ["userType", "idType", "idNumber", "password", "captchaAnswer", "remember"] as const;
// Never echo secrets back into the page, and a used captcha answer is worthless anyway.
const HIDDEN = ["password", "captchaAnswer", "captchaId"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  const token = await getToken(request);
  if (token) {
    // Someone still signed in goes straight on; a stale cookie just shows the form.
    const signedIn = await createApi(request, context, token)
      .identity.auth.me.query()
      .then(() => true)
      .catch(() => false);
    if (signedIn) throw redirect(redirectTo);
  }
  const captcha = await freshCaptcha(createApi(request, context, null));
  return { captcha, redirectTo, notice: captcha ? null : messages.unavailable };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readTextForm(request);
  const submission = parseWithZod(formData, { schema: LoginInput, error: zhErrorMap });
  const api = createApi(request, context, null);
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: HIDDEN }), captcha: await freshCaptcha(api) }, { status: 400 });
  }
  try {
    const { token } = await api.identity.auth.login.mutate(submission.value);
    const cookie = await commitToken(request, token, submission.value.remember);
    return redirect(safeRedirect(formData.get("redirectTo")), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    const errors = toFormErrors(error, FIELDS, { captchaId: "captchaAnswer" });
    // Every failed attempt gets a new captcha: the service has spent the old one.
    return data({ result: submission.reply({ ...errors, hideFields: HIDDEN }), captcha: await freshCaptcha(api) }, { status: 400 });
  }
}

export default function LoginPage() {
  const { captcha, redirectTo, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: getZodConstraint(LoginInput),
    defaultValue: { userType: "AUTHORITY", idType: "RESIDENT_ID" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginInput, error: zhErrorMap }),
  });
  const challenge = actionData ? actionData.captcha : captcha;
  const { key: passwordKey, ...passwordProps } = getInputProps(fields.password, { type: "password" });
  const { key: rememberKey, ...rememberProps } = getInputProps(fields.remember, { type: "checkbox" });

  return (
    <AuthShell title="用户登录">
      {notice ? (
        <div className="mb-4">
          <Notice tone="error">{notice}</Notice>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <AccountFields userType={fields.userType} idType={fields.idType} idNumber={fields.idNumber} />
        <Field label="密码" htmlFor={fields.password.id} errors={fields.password.errors} errorId={fields.password.errorId}>
          <input key={passwordKey} {...passwordProps} placeholder="请输入密码" autoComplete="current-password" className={inputClass} />
        </Field>
        <CaptchaField challenge={challenge} answer={fields.captchaAnswer} id={fields.captchaId} />
        <div className="flex items-center justify-between pl-[7.75rem] text-sm">
          <label className="inline-flex items-center gap-1.5 text-gray-700">
            <input key={rememberKey} {...rememberProps} className="h-4 w-4 accent-blue-700" />
            记住密码
          </label>
          <Link to="/forgot-password" className="text-blue-700 hover:underline">
            忘记登录密码?
          </Link>
          <Link to="/register" className="text-blue-700 hover:underline">
            注册
          </Link>
        </div>
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="pl-[7.75rem]">
          <button type="submit" className={`${buttonClass} w-full`} disabled={navigation.state === "submitting"}>
            登录
          </button>
        </div>
      </Form>
    </AuthShell>
  );
}
