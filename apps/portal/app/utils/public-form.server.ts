import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { type Api, createApi } from "./api.server.ts";
import { freshCaptcha } from "./captcha.server.ts";
import { invalid, refused } from "./form-action.server.ts";
import { readTextForm } from "./form-data.server.ts";
import { zhErrorMap } from "./validation.ts";

/** The captcha's fields: never echoed back, and a message about the hidden id shows by the answer. */
const CAPTCHA_FIELDS = ["captchaAnswer", "captchaId"];
const CAPTCHA_ALIASES = { captchaId: "captchaAnswer" };

/**
 * The action of a page for people not signed in whose form carries a captcha (登录, 忘记登录密码,
 * 专业技术人员注册, 用人单位注册), the one way (form-action.server.ts) with the captcha's rules:
 * the form is parsed with `schema` (its contracts input); a refusal — by the schema or by the
 * service, whose UNAUTHORIZED here means the typed password — answers 400 or the failure's status
 * with `{ result, captcha }`, a fresh captcha (the service has spent the old one), the password
 * fields `hideFields` and the captcha never echoed. On success `submit` calls the service and
 * answers with the redirect (to /login with a flash, or into the portal with the session cookie);
 * it gets the parsed value and the whole form (fields the schema does not read, e.g. redirectTo).
 */
export async function captchaFormAction<Schema extends z.ZodType>(
  { request, context }: Pick<ActionFunctionArgs, "request" | "context">,
  schema: Schema,
  { fields, hideFields = [] }: { fields: readonly string[]; hideFields?: readonly string[] },
  submit: (api: Api, value: z.output<Schema>, form: FormData) => Promise<Response>,
) {
  const form = await readTextForm(request);
  const submission = parseWithZod(form, { schema, error: zhErrorMap });
  const api = createApi(request, context, null);
  const hidden = [...hideFields, ...CAPTCHA_FIELDS];
  if (submission.status !== "success") return invalid(submission, { hideFields: hidden }, { captcha: await freshCaptcha(api) });
  try {
    return await submit(api, submission.value, form);
  } catch (error) {
    const options = { fields, aliases: CAPTCHA_ALIASES, signedIn: false, hideFields: hidden };
    return refused(request, submission, error, options, { captcha: await freshCaptcha(api) });
  }
}
