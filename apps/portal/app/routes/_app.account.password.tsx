import { ChangePasswordInput } from "@ce/contracts";
import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { NewPasswordFields } from "../components/AccountFields.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, Field, FormErrors, inputClass, useSchemaForm } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { redirectWithFlash, samePage } from "../utils/flash.server.ts";
import { formAction } from "../utils/form-action.server.ts";
import { requireUser } from "../utils/session.server.ts";

const FIELDS = ["oldPassword", "newPassword", "confirmPassword"] as const;
const HIDDEN = [...FIELDS];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { me } = await requireUser(request, context);
  return { mustChangePassword: me.mustChangePassword };
}

// 修改密码 (guide §2): the old password is required; the service ends the account's other sessions.
// A wrong old password names its field; a bare UNAUTHORIZED means the session itself is gone (refused).
export async function action({ request, context }: ActionFunctionArgs) {
  const { api, me } = await requireUser(request, context);
  return formAction(request, ChangePasswordInput, { fields: FIELDS, hideFields: HIDDEN }, async (value) => {
    await api.identity.auth.changePassword.mutate(value);
    // After a temporary password the person was on their way somewhere: the home page opens again.
    return me.mustChangePassword ? redirectWithFlash("/", "密码修改成功，请继续使用") : redirectWithFlash(samePage(request), "密码修改成功");
  });
}

export default function ChangePasswordPage() {
  const { mustChangePassword } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(ChangePasswordInput, { id: "change-password", lastResult: actionData?.result });
  const { key: oldPasswordKey, ...oldPasswordProps } = getInputProps(fields.oldPassword, { type: "password" });
  return (
    <div>
      <Breadcrumbs trail={["修改密码"]} />
      <div className="max-w-lg">
        {mustChangePassword ? (
          <div className="mb-4">
            <Notice tone="info">您的密码由管理员设置（重置密码或代为注册），请先设置新密码，之后才能使用其他功能。原密码即管理员告知您的密码。</Notice>
          </div>
        ) : null}
        <Form method="post" {...getFormProps(form)} key={form.id} className="space-y-4">
          <Field label="原密码" htmlFor={fields.oldPassword.id} errors={fields.oldPassword.errors} errorId={fields.oldPassword.errorId} required>
            <input key={oldPasswordKey} {...oldPasswordProps} autoComplete="current-password" className={`${inputClass} max-w-xs`} />
          </Field>
          <NewPasswordFields newPassword={fields.newPassword} confirmPassword={fields.confirmPassword} />
          <FormErrors id={form.errorId} errors={form.errors} />
          <div className="pl-[7.75rem]">
            <button type="submit" className={buttonClass} disabled={navigation.state === "submitting"}>
              保存
            </button>
          </div>
        </Form>
      </div>
    </div>
  );
}
