import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import { classifyError, failureStatus, isThrownData, toFormErrors } from "./errors.server.ts";
import { flashOf, redirectWithFlash } from "./flash.server.ts";
import { type ReadForm, readTextForm } from "./form-data.server.ts";
import { getToken, redirectToLogin } from "./session.server.ts";
import { claimSubmission, releaseSubmission, type SubmissionSlot, settleSubmission, submissionOf } from "./submission.server.ts";
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
 *
 * Idempotent per form render (submission.server.ts): a signed-in form's key is claimed before
 * `submit` runs; a repeat of a submit that succeeded is answered with its redirect and flash
 * without calling the service, one still running is waited for (then 409 请勿重复提交), and a
 * refused or failed one frees its key so the corrected form goes through.
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
  const once = options.signedIn === false ? null : submissionOf(read, await getToken(request));
  if (once) {
    const claim = await claimSubmission(once);
    if (claim.kind === "done") return repeatOf(claim.outcome);
    if (claim.kind === "pending") {
      const result = submission.reply({ formErrors: [REPEAT_WHILE_PENDING] }) as SubmissionResult<string[]>;
      return data({ ...((await extra?.(null)) as Extra), result }, { status: 409 });
    }
  }
  try {
    const answer = await submit(submission.value, read, submission);
    if (once) await settle(once, answer);
    return answer;
  } catch (error) {
    if (once) await releaseSubmission(once);
    // A response `submit` threw on purpose (a redirect, rethrowServiceError's error page) goes on as it is.
    if (error instanceof Response || isThrownData(error)) throw error;
    return refused(request, submission, error, options, await extra?.(error));
  }
}

/** What a second submit of a form sees while the first is still at the service. */
export const REPEAT_WHILE_PENDING = "该表单正在提交，请勿重复提交";

/** Keeps a redirect (the success of redirect-after-post) for the key's repeats; anything else frees the key. */
async function settle(once: SubmissionSlot, answer: unknown): Promise<void> {
  const location = answer instanceof Response && answer.status >= 300 && answer.status < 400 ? answer.headers.get("Location") : null;
  if (location && answer instanceof Response) await settleSubmission(once, { location, flash: await flashOf(answer) });
  else await releaseSubmission(once);
}

/** A repeated submission answered as the first was: the same redirect, the same message. */
function repeatOf(outcome: { location: string; flash: { tone: "success" | "info"; message: string } | null }): Promise<Response> | Response {
  return outcome.flash ? redirectWithFlash(outcome.location, outcome.flash.message, { tone: outcome.flash.tone }) : redirect(outcome.location, 303);
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
