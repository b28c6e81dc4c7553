import type { ActionFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { type Api, createApi } from "./api.server.ts";
import { freshCaptcha } from "./captcha.server.ts";
import { formAction } from "./form-action.server.ts";

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
  const api = createApi(request, context, null);
  const options = { fields, aliases: CAPTCHA_ALIASES, signedIn: false, hideFields: [...hideFields, ...CAPTCHA_FIELDS] };
  return formAction(request, schema, { ...options, extra: async () => ({ captcha: await freshCaptcha(api) }) }, (value, form) => submit(api, value, form));
}
