import { RequestPasswordResetInput } from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AccountFields } from "../components/AccountFields.tsx";
import { AuthForm, useCaptchaForm } from "../components/AuthForm.tsx";
import { CaptchaField } from "../components/Captcha.tsx";
import { createApi } from "../utils/api.server.ts";
import { PLATFORM_NAME } from "../utils/brand.ts";
import { freshCaptcha } from "../utils/captcha.server.ts";
import { messages } from "../utils/errors.server.ts";
import { redirectWithFlash, samePage } from "../utils/flash.server.ts";
import { captchaFormAction } from "../utils/public-form.server.ts";

export const meta: MetaFunction = () => [{ title: `忘记登录密码 - ${PLATFORM_NAME}` }];

const FIELDS = ["userType", "idType", "idNumber", "captchaAnswer"] as const;

/** The one answer for every accepted request, so nobody learns whether an ID is registered. */
const SENT = "如果该账户存在，重置密码的链接已发送到账户绑定的电子邮箱，请在30分钟内查收并完成重置。";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const captcha = await freshCaptcha(createApi(request, context, null));
  return { captcha, notice: captcha ? null : messages.unavailable };
}

export async function action(args: ActionFunctionArgs) {
  return captchaFormAction(args, RequestPasswordResetInput, { fields: FIELDS }, async (api, value) => {
    await api.identity.auth.requestPasswordReset.mutate(value);
    return redirectWithFlash(samePage(args.request), SENT);
  });
}

export default function ForgotPasswordPage() {
  const { captcha, notice } = useLoaderData<typeof loader>();
  const { form, fields, challenge } = useCaptchaForm(RequestPasswordResetInput, {
    id: "forgot-password",
    captcha,
    defaultValue: { userType: "AUTHORITY", idType: "RESIDENT_ID" },
  });

  return (
    <AuthForm
      title="忘记登录密码"
      notice={notice}
      intro={<p className="mb-4 text-sm text-gray-600">请填写账户信息，我们会把重置密码的链接发送到账户绑定的电子邮箱。</p>}
      form={form}
      submit="提交"
      back
    >
      <AccountFields userType={fields.userType} idType={fields.idType} idNumber={fields.idNumber} />
      <CaptchaField challenge={challenge} answer={fields.captchaAnswer} id={fields.captchaId} />
    </AuthForm>
  );
}
