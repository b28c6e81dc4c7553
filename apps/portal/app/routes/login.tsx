import { LoginInput } from "@ce/contracts";
import { getInputProps } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AccountFields } from "../components/AccountFields.tsx";
import { AuthForm, useCaptchaForm } from "../components/AuthForm.tsx";
import { CaptchaField } from "../components/Captcha.tsx";
import { Field, inputClass } from "../components/forms.tsx";
import { TextLink } from "../components/TextLink.tsx";
import { createApi } from "../utils/api.server.ts";
import { PLATFORM_NAME } from "../utils/brand.ts";
import { freshCaptcha } from "../utils/captcha.server.ts";
import { messages } from "../utils/errors.server.ts";
import { captchaFormAction } from "../utils/public-form.server.ts";
import { loginNotices, loginReasonOf, safeRedirect } from "../utils/redirect.ts";
import { commitToken, getToken } from "../utils/session.server.ts";

export const meta: MetaFunction = () => [{ title: `用户登录 - ${PLATFORM_NAME}` }];

const FIELDS = ["userType", "idType", "idNumber", "password", "captchaAnswer", "remember"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const redirectTo = safeRedirect(params.get("redirectTo"));
  const reason = loginReasonOf(params.get("reason"));
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
  return { captcha, redirectTo, notice: captcha ? (reason ? loginNotices[reason] : null) : messages.unavailable };
}

// Signed in: on to where the person was going (redirect-after-post; the page itself is the news, no flash).
export async function action(args: ActionFunctionArgs) {
  return captchaFormAction(args, LoginInput, { fields: FIELDS, hideFields: ["password"] }, async (api, value, form) => {
    const { token } = await api.identity.auth.login.mutate(value);
    const cookie = await commitToken(args.request, token, value.remember);
    return redirect(safeRedirect(form.get("redirectTo")), { status: 303, headers: { "Set-Cookie": cookie } });
  });
}

export default function LoginPage() {
  const { captcha, redirectTo, notice } = useLoaderData<typeof loader>();
  const { form, fields, challenge } = useCaptchaForm(LoginInput, { id: "login", captcha, defaultValue: { userType: "AUTHORITY", idType: "RESIDENT_ID" } });
  const { key: passwordKey, ...passwordProps } = getInputProps(fields.password, { type: "password" });
  const { key: rememberKey, ...rememberProps } = getInputProps(fields.remember, { type: "checkbox" });

  return (
    <AuthForm title="用户登录" notice={notice} form={form} submit="登录" wide>
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
        <TextLink to="/forgot-password">忘记登录密码?</TextLink>
        <TextLink to="/register">注册</TextLink>
      </div>
    </AuthForm>
  );
}
