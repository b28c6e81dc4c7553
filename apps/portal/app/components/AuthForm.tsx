import type { CaptchaChallenge } from "@ce/contracts";
import { type DefaultValue, type FormMetadata, getFormProps, type SubmissionResult } from "@conform-to/react";
import { Link, useActionData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { AuthShell } from "./AuthShell.tsx";
import { Form } from "./Form.tsx";
import { FormErrors, SubmitRow, useSchemaForm } from "./forms.tsx";
import { Notice } from "./Notice.tsx";

/**
 * The form of a public page with a captcha (its action: captchaFormAction): conform over `schema`,
 * checked on submit, with the action's last reply; and the captcha to show — the fresh one that
 * came with a refusal, else the loader's `captcha`.
 */
export function useCaptchaForm<Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
  schema: Schema,
  { id, captcha, defaultValue }: { id: string; captcha: CaptchaChallenge | null; defaultValue?: DefaultValue<z.input<Schema>> },
) {
  const reply = useActionData<{ result: SubmissionResult<string[]>; captcha: CaptchaChallenge | null }>();
  const [form, fields] = useSchemaForm(schema, { id, lastResult: reply?.result, defaultValue, validate: "onSubmit" });
  return { form, fields, challenge: reply ? reply.captcha : captcha };
}

/**
 * The page of a form for people not signed in (登录, 忘记登录密码, 重置密码, the two 注册 forms):
 * the AuthShell box titled `title`, `notice` (服务暂时不可用 when the page could not load what it
 * needs) above `intro`, then the conform form: its fields (`children`, the captcha row last), the
 * form's errors (`errors`, conform's by default) and the submit button labelled `submit`, with
 * 返回登录 beside it when `back`, or across the row when `wide`. `after` goes below the form.
 */
export function AuthForm<Schema extends Record<string, unknown>>({
  title,
  notice,
  intro,
  form,
  errors = form.errors,
  submit,
  back = false,
  wide = false,
  after,
  children,
}: {
  title: string;
  notice?: string | null;
  intro?: ReactNode;
  form: FormMetadata<Schema, string[]>;
  errors?: readonly string[] | null;
  submit: string;
  back?: boolean;
  wide?: boolean;
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <AuthShell title={title}>
      {notice ? (
        <div className="mb-4">
          <Notice tone="error">{notice}</Notice>
        </div>
      ) : null}
      {intro}
      <Form method="post" {...getFormProps(form)} key={form.id} className="space-y-4">
        {children}
        <FormErrors id={form.errorId} errors={errors} />
        <SubmitRow label={submit} wide={wide}>
          {back ? (
            <Link to="/login" className="ml-auto text-sm text-blue-700 hover:underline">
              返回登录
            </Link>
          ) : null}
        </SubmitRow>
      </Form>
      {after}
    </AuthShell>
  );
}
