import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { classifyError, failureStatus, isThrownData, toFormErrors } from "./errors.server.ts";
import { type ReadForm, readTextForm } from "./form-data.server.ts";
import { redirectToLogin } from "./session.server.ts";
import { zhErrorMap } from "./validation.ts";

/**
 * The one way a form action answers (formAction below does all of it):
 *
 *   const submission = parseWithZod(await readTextForm(request), { schema: <contracts schema>, error: zhErrorMap });
 *   if (submission.status !== "success") return invalid(submission);
 *   try { await api.…mutate(submission.value); } catch (error) { return refused(request, submission, error, { fields }); }
 *   return redirectWithFlash(samePage(request), "保存成功");
 *
 * Both refusals carry conform's `result` (what was typed, the messages by field) for `useForm`'s
 * `lastResult`, plus whatever `extra` the page needs (a fresh captcha, which form of the page).
 */

/** What `submission.reply()` takes: `hideFields` keeps secrets (passwords, captcha answers) out of the page. */
type ReplyOptions = { hideFields?: string[] };

/** Any conform submission, whatever its schema. */
type AnySubmission = Pick<Submission<unknown>, "reply">;

/**
 * A submission the shared schema refused: 400 with `{ ...extra, result }`, the messages next to
 * their fields and the typed values back (but `hideFields`).
 */
export function invalid<Extra extends object = Record<never, never>>(submission: AnySubmission, options: ReplyOptions = {}, extra?: Extra) {
  return data({ ...(extra as Extra), result: submission.reply(options) as SubmissionResult<string[]> }, { status: 400 });
}

export interface RefusedOptions extends ReplyOptions {
  /** The form's fields: a service message naming one goes next to it, any other above the form. */
  fields?: readonly string[];
  /** A hidden field's messages shown by a visible one, e.g. `{ captchaId: "captchaAnswer" }`. */
  aliases?: Readonly<Record<string, string>>;
  /**
   * false on pages for people not signed in (登录, 注册, 忘记密码): there UNAUTHORIZED means the
   * typed password, never an expired session.
   */
  signedIn?: boolean;
}

/**
 * The one error path of a form action whose service call threw. An expired session on a signed-in
 * page (UNAUTHORIZED naming no field) is thrown as the redirect to /login; anything else comes back
 * as the form's errors (toFormErrors: a field's message by the field, the rest above the form,
 * 系统繁忙 logged) with the failure's own status — 409 for a conflict, 403, 404, 503, 500 — or 400
 * for a refused credential (原密码不正确, 证件号或密码错误).
 */
export async function refused<Extra extends object = Record<never, never>>(
  request: Request,
  submission: AnySubmission,
  error: unknown,
  { fields = [], aliases, signedIn = true, hideFields }: RefusedOptions = {},
  extra?: Extra,
) {
  const failure = classifyError(error);
  if (failure.kind === "unauthorized" && signedIn && Object.keys(failure.fieldErrors).length === 0) throw await redirectToLogin(request);
  const result = submission.reply({ ...toFormErrors(error, fields, aliases), hideFields }) as SubmissionResult<string[]>;
  const status = failure.kind === "unauthorized" ? 400 : failureStatus(failure);
  return data({ ...(extra as Extra), result }, { status });
}

export interface FormActionOptions<Extra> extends RefusedOptions {
  /** The form when the action has read it already (readForm, for files); otherwise readTextForm reads it. */
  form?: FormData;
  /** What every refusal carries besides `result`, given the service's error (null for the schema's refusal). */
  extra?: (error: unknown) => Extra | Promise<Extra>;
}

/**
 * A form action, the one way: the form parsed with `schema` (its contracts schema) — refused by it,
 * `invalid` (400); then `submit` calls the service with the parsed value and answers, on success
 * with the redirect and its flash (redirectWithFlash); should the call throw, `refused` (the
 * failure's status, or the redirect to /login for an expired session) — but a Response or data()
 * that `submit` throws itself goes on unchanged. `submit` gets the whole form too, for fields the
 * schema does not read, and the submission, to refuse what only the service's answer shows (400
 * with `submission.reply({ fieldErrors })`).
 */
export async function formAction<Schema extends z.ZodType, Answer, Extra extends object = Record<never, never>>(
  request: Request,
  schema: Schema,
  { form, extra, ...options }: FormActionOptions<Extra>,
  submit: (value: z.output<Schema>, form: FormData, submission: AnySubmission) => Promise<Answer>,
) {
  const read = form ?? (await readTextForm(request));
  const submission = parseWithZod(read, { schema, error: zhErrorMap });
  if (submission.status !== "success") return invalid(submission, { hideFields: options.hideFields }, await extra?.(null));
  try {
    return await submit(submission.value, read, submission);
  } catch (error) {
    // A response `submit` threw on purpose (a redirect, rethrowServiceError's error page) goes on as it is.
    if (error instanceof Response || isThrownData(error)) throw error;
    return refused(request, submission, error, options, await extra?.(error));
  }
}

/**
 * A body readForm could not take (a file over its limit, text where a file belongs, no form at
 * all): 400 with readForm's messages as conform's result, a file field's under `rename[field]`
 * when the form shows them elsewhere (人员调出: by 附件, `attachmentName`), plus `extra`.
 */
export function unreadable<Extra extends object = Record<never, never>>(
  read: Extract<ReadForm, { ok: false }>,
  extra?: Extra,
  rename: Readonly<Record<string, string>> = {},
) {
  const error: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(read.fieldErrors)) error[rename[field] ?? field] = messages;
  if (read.formErrors.length > 0) error[""] = read.formErrors;
  const result: SubmissionResult<string[]> = { status: "error", error };
  return data({ ...(extra as Extra), result }, { status: 400 });
}
