import { type CaptchaChallenge, DomainError } from "@ce/contracts";
import { newCaptcha } from "../../auth/captcha.ts";
import { hit } from "../../auth/rate-limit.ts";
import type { IdentityDeps } from "../../deps.ts";
import { captchaLimit, withinLimit } from "../../domain/lockout.ts";
import type { AuthVisitor } from "./caller.ts";

/**
 * 验证码: a new captcha for a form (auth/captcha.ts newCaptcha: answer kept single use in Redis,
 * image a PNG data: URL). At most captchaLimit per address and minute (TOO_MANY_REQUESTS beyond).
 */
export async function issueCaptcha(deps: IdentityDeps, visitor: AuthVisitor): Promise<CaptchaChallenge> {
  if (!withinLimit(await hit(deps.redis, `captcha-rate:${visitor.clientIp ?? "unknown"}`, captchaLimit.windowS), captchaLimit)) {
    throw new DomainError("TOO_MANY_REQUESTS", "请求过于频繁，请稍后再试");
  }
  return newCaptcha(deps.redis);
}
