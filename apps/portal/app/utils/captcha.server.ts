import type { CaptchaChallenge } from "@ce/contracts";
import type { Api } from "./api.server.ts";
import { classifyError } from "./errors.server.ts";
import { logError } from "./log.server.ts";

/** A new captcha for a form, or null (the form then says why) when the service cannot give one. */
export async function freshCaptcha(api: Api): Promise<CaptchaChallenge | null> {
  try {
    return await api.identity.auth.captcha.query();
  } catch (error) {
    if (classifyError(error).kind !== "rejected") logError("captcha failed", error);
    return null;
  }
}
