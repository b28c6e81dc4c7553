import type { Submission, SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { classifyError, failureStatus, toFormErrors } from "./errors.server.ts";
import { redirectToLogin } from "./session.server.ts";

/**
 * The one way a form action answers, besides its redirect-after-post on success (flash.server.ts):
 *
 *   const submission = parseWithZod(await readTextForm(request), { schema: <contracts schema>, error: zhErrorMap });
 *   if (submission.status !== "success") return invalid(submission);
 *   try { await api.…mutate(submission.value); } catch (error) { return refused(request, submission, error, { fields }); }
 *   return redirectWithFlash(samePage(request), "保存成功");
 *
 * Both answers carry conform's `result` (what was typed, the messages by field) for `useForm`'s
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
