import { ResetPasswordInput } from "@ce/contracts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NewPasswordFields } from "../components/AccountFields.tsx";
import { AuthForm } from "../components/AuthForm.tsx";
import { AuthShell } from "../components/AuthShell.tsx";
import { useSchemaForm } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { createApi } from "../utils/api.server.ts";
import { PLATFORM_NAME } from "../utils/brand.ts";
import { redirectWithFlash } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";

export const meta: MetaFunction = () => [{ title: `重置密码 - ${PLATFORM_NAME}` }];

const FIELDS = ["newPassword", "confirmPassword"] as const;
const HIDDEN = [...FIELDS];

export async function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
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
    <Link to="/forgot-password" className="text-blue-700 hover:underline">
      重新申请重置链接
    </Link>
  </p>
);

export default function ResetPasswordPage() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(ResetPasswordInput, { id: "reset-password", lastResult: actionData?.result });

  if (token.length === 0) {
    return (
      <AuthShell title="重置密码">
        <Notice tone="error">重置链接无效或已过期，请重新申请。</Notice>
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
