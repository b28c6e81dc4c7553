import { randomBytes, randomInt } from "node:crypto";
import { type CaptchaChallenge, DomainError } from "@ce/contracts";
import type { Redis } from "@ce/service-kit";
import { CAPTCHA_TTL_S, captchaDigits, captchaMatches } from "../domain/captcha.ts";
import { captchaPng, pngDataUrl } from "./captcha-image.ts";

export const captchaKey = (captchaId: string) => `captcha:${captchaId}`;
export const CAPTCHA_MESSAGE = "验证码不正确或已过期";

const cryptoRand = () => randomInt(0, 2 ** 32) / 2 ** 32;

/**
 * A new captcha: its answer kept in Redis for CAPTCHA_TTL_S (single use, see checkCaptcha), its
 * image a PNG data: URL. Unlimited here: 验证码 (use-cases/auth/captcha.ts) limits it per address.
 */
export async function newCaptcha(redis: Redis): Promise<CaptchaChallenge> {
  const captchaId = randomBytes(16).toString("base64url");
  const answer = captchaDigits(cryptoRand);
  await redis.set(captchaKey(captchaId), answer, "EX", CAPTCHA_TTL_S);
  return { captchaId, image: pngDataUrl(await captchaPng(answer, cryptoRand)) };
}

/** Checks and consumes a captcha: GETDEL makes every challenge single use, right or wrong. */
export async function checkCaptcha(redis: Redis, captchaId: string, answer: string): Promise<void> {
  const expected = /^[A-Za-z0-9_-]{8,64}$/.test(captchaId) ? await redis.getdel(captchaKey(captchaId)) : null;
  if (!captchaMatches(expected, answer)) throw new DomainError("BAD_REQUEST", CAPTCHA_MESSAGE, "captchaAnswer");
}
