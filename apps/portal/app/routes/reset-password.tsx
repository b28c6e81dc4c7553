import { ResetPasswordInput } from "@ce/contracts";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { NewPasswordFields } from "../components/AccountFields.tsx";
import { AuthShell } from "../components/AuthShell.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, FormErrors } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { createApi } from "../utils/api.server.ts";
import { PLATFORM_NAME } from "../utils/brand.ts";
import { toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { zhErrorMap } from "../utils/validation.ts";

export const meta: MetaFunction = () => [{ title: `重置密码 - ${PLATFORM_NAME}` }];

const FIELDS = ["newPassword", "confirmPassword"] as const;
const HIDDEN = [...FIELDS];

export async function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

// The link mailed by 忘记登录密码 lands here; the token is single use.
export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readTextForm(request), { schema: ResetPasswordInput, error: zhErrorMap });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: HIDDEN }), done: false }, { status: 400 });
  }
  try {
    await createApi(request, context, null).identity.auth.resetPassword.mutate(submission.value);
    return { result: submission.reply({ resetForm: true }), done: true };
  } catch (error) {
    // The hidden token has no place on the page: its message (链接无效或已过期) shows above the button.
    return data({ result: submission.reply({ ...toFormErrors(error, FIELDS), hideFields: HIDDEN }), done: false }, { status: 400 });
  }
}

export default function ResetPasswordPage() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: actionData?.result,
    constraint: getZodConstraint(ResetPasswordInput),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordInput, error: zhErrorMap }),
  });

  if (actionData?.done) {
    return (
      <AuthShell title="重置密码">
        <Notice tone="success">密码已重置，请使用新密码登录。</Notice>
        <p className="mt-4 text-sm">
          <Link to="/login" className="text-blue-700 hover:underline">
            返回登录
          </Link>
        </p>
      </AuthShell>
    );
  }

  const tokenErrors = fields.token.errors;

  return (
    <AuthShell title="重置密码">
      {token.length === 0 ? (
        <Notice tone="error">重置链接无效或已过期，请重新申请。</Notice>
      ) : (
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <input type="hidden" name="token" value={token} />
          <NewPasswordFields newPassword={fields.newPassword} confirmPassword={fields.confirmPassword} />
          <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(tokenErrors ?? [])]} />
          <div className="pl-[7.75rem]">
            <button type="submit" className={buttonClass} disabled={navigation.state === "submitting"}>
              保存
            </button>
          </div>
        </Form>
      )}
      <p className="mt-4 text-sm">
        <Link to="/forgot-password" className="text-blue-700 hover:underline">
          重新申请重置链接
        </Link>
      </p>
    </AuthShell>
  );
}
