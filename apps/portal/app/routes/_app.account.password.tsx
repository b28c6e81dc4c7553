import { ChangePasswordInput } from "@ce/contracts";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useNavigation } from "@remix-run/react";
import { NewPasswordFields } from "../components/AccountFields.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { Form } from "../components/Form.tsx";
import { buttonClass, Field, FormErrors, inputClass } from "../components/forms.tsx";
import { Notice } from "../components/Notice.tsx";
import { classifyError, toFormErrors } from "../utils/errors.server.ts";
import { readTextForm } from "../utils/form-data.server.ts";
import { redirectToLogin, requireUser } from "../utils/session.server.ts";
import { zhErrorMap } from "../utils/validation.ts";

const FIELDS = ["oldPassword", "newPassword", "confirmPassword"] as const;
const HIDDEN = [...FIELDS];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return null;
}

// 修改密码 (guide §2): the old password is required; the service ends the account's other sessions.
export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context);
  const submission = parseWithZod(await readTextForm(request), { schema: ChangePasswordInput, error: zhErrorMap });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: HIDDEN }), changed: false }, { status: 400 });
  }
  try {
    await api.identity.auth.changePassword.mutate(submission.value);
    return { result: submission.reply({ resetForm: true }), changed: true };
  } catch (error) {
    const failure = classifyError(error);
    // A wrong old password names its field; a bare UNAUTHORIZED means the session itself is gone.
    if (failure.kind === "unauthorized" && Object.keys(failure.fieldErrors).length === 0) throw await redirectToLogin(request);
    return data({ result: submission.reply({ ...toFormErrors(error, FIELDS), hideFields: HIDDEN }), changed: false }, { status: 400 });
  }
}

export default function ChangePasswordPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    constraint: getZodConstraint(ChangePasswordInput),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordInput, error: zhErrorMap }),
  });
  const { key: oldPasswordKey, ...oldPasswordProps } = getInputProps(fields.oldPassword, { type: "password" });
  return (
    <div>
      <Breadcrumbs trail={["修改密码"]} />
      <div className="max-w-lg">
        {actionData?.changed ? (
          <div className="mb-4">
            <Notice tone="success">密码修改成功</Notice>
          </div>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="space-y-4">
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
