import { ResetPasswordInput } from "@ce/contracts";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { NewPasswordFields } from "../components/AccountFields.tsx";
import { AuthForm } from "../components/AuthForm.tsx";
import { AuthShell } from "../components/AuthShell.tsx";
import { useSchemaForm } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { TextLink } from "../components/TextLink.tsx";
import { createApi } from "../utils/api.server.ts";
import { PLATFORM_NAME } from "../utils/brand.ts";
import { classifyError, failureStatus } from "../utils/errors.server.ts";
import { redirectWithFlash } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";
import { logError } from "../utils/log.server.ts";
import { loaderHeaders } from "../utils/route-headers.ts";

export const meta: MetaFunction = () => [{ title: `重置密码 - ${PLATFORM_NAME}` }];

const FIELDS = ["newPassword", "confirmPassword"] as const;
const HIDDEN = [...FIELDS];

/** What the page says for a link that can no longer set a password (used, expired, replaced by a newer one, or never issued). */
const DEAD_LINK_MESSAGE = "该重置链接已失效（链接只能使用一次，30分钟内有效，重新申请后旧链接作废），请重新申请。";

// A mailed link's page asks identity first whether its token is still usable, so a dead link says
// so at once (410) instead of showing 新密码 and failing only after 保存. Nothing is used up here.
/** The loader's Cache-Control: no-store goes out with the page (utils/route-headers.ts). */
export const headers = loaderHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const headers = { "Cache-Control": "no-store" };
  if (token === "") return data({ token: "", message: DEAD_LINK_MESSAGE }, { status: 410, headers });
  try {
    const { usable } = await createApi(request, context, null).identity.auth.checkResetToken.query({ token });
    return data({ token: usable ? token : "", message: usable ? null : DEAD_LINK_MESSAGE }, { status: usable ? 200 : 410, headers });
  } catch (error) {
    const failure = classifyError(error);
    if (failure.kind === "unexpected" || failure.kind === "unavailable") logError("reset link check failed", error);
    return data({ token: "", message: failure.message }, { status: failureStatus(failure), headers });
  }
}

// The link mailed by 忘记登录密码 lands here; the token is single use. Done: on to 登录 with the flash.
export async function action({ request, context }: ActionFunctionArgs) {
  // The hidden token has no place on the page: its message (链接无效或已过期) shows above the button.
  return formAction(request, ResetPasswordInput, { fields: FIELDS, hideFields: HIDDEN, signedIn: false }, async (value) => {
    await createApi(request, context, null).identity.auth.resetPassword.mutate(value);
    return redirectWithFlash("/login", "密码已重置，请使用新密码登录。");
  });
}

const again = (
  <p className="mt-4 text-sm">
    <TextLink to="/forgot-password">忘记登录密码：重新申请重置链接</TextLink>
  </p>
);

export default function ResetPasswordPage() {
  const { token, message } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(ResetPasswordInput, { id: "reset-password", lastResult: actionData?.result });

  if (token.length === 0) {
    return (
      <AuthShell title="重置密码">
        <Notice tone="error">{message ?? DEAD_LINK_MESSAGE}</Notice>
        {again}
      </AuthShell>
    );
  }
  return (
    <AuthForm title="重置密码" form={form} errors={[...(form.errors ?? []), ...(fields.token.errors ?? [])]} submit="保存" after={again}>
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields newPassword={fields.newPassword} confirmPassword={fields.confirmPassword} />
    </AuthForm>
  );
}
