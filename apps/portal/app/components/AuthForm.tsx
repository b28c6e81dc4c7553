import { type FormMetadata, getFormProps } from "@conform-to/react";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { AuthShell } from "./AuthShell.tsx";
import { Form } from "./Form.tsx";
import { FormErrors, SubmitRow } from "./forms.tsx";
import { Notice } from "./Notice.tsx";

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
