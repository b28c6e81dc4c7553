import { createHash, randomBytes } from "node:crypto";
import { storedJson } from "@ce/contracts";
import type { Redis } from "@ce/service-kit";
import { z } from "zod";

/** How long a mailed reset link works: 30 minutes, after which Redis drops its token. */
export const RESET_TTL_S = 30 * 60;
const tokenDigest = (token: string) => createHash("sha256").update(token).digest("hex");
const resetKey = (digest: string) => `pwreset:${digest}`;
/** The one live reset token of an account (its digest): a new request replaces it. */
const liveResetKey = (accountId: string) => `pwreset-live:${accountId}`;

/**
 * What a reset token stands for: the account, and when its password last changed at issue, so
 * any later change of the password (by whatever path) makes the token worthless.
 */
const passwordStamp = (changedAt: Date | null) => changedAt?.toISOString() ?? "never";

/** A reset token's stored claim: the account and its password stamp at issue (see issuedAgainst). */
const ResetClaim = z.object({ accountId: z.uuid(), stamp: z.string() });
export type ResetClaim = z.infer<typeof ResetClaim>;

/**
 * Ends every outstanding reset link of an account: called after a reset, a password change and
 * an admin's 重置密码. One live token per account means deleting it (and its pointer) suffices.
 */
export async function invalidateResetTokens(redis: Redis, accountId: string): Promise<void> {
  const digest = await redis.getdel(liveResetKey(accountId));
  if (digest) await redis.del(resetKey(digest));
}

/**
 * A new reset token (32 random bytes, base64url) for the account, valid for RESET_TTL_S; it
 * replaces any earlier token of the account (one live token per account). Only its digest is stored.
 */
export async function issueResetToken(redis: Redis, account: { id: string; passwordChangedAt: Date | null }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const digest = tokenDigest(token);
  await invalidateResetTokens(redis, account.id);
  await redis
    .multi()
    .set(resetKey(digest), JSON.stringify({ accountId: account.id, stamp: passwordStamp(account.passwordChangedAt) }), "EX", RESET_TTL_S)
    .set(liveResetKey(account.id), digest, "EX", RESET_TTL_S)
    .exec();
  return token;
}

/** The digest of a token that can be one of ours (base64url, 16–128 characters); null for anything else. */
const digestOf = (token: string) => (/^[A-Za-z0-9_-]{16,128}$/.test(token) ? tokenDigest(token) : null);

/**
 * The claim of a reset token that is still stored and is its account's latest link; null
 * otherwise. Reads only: the token stays as it was.
 */
export async function peekResetToken(redis: Redis, token: string): Promise<ResetClaim | null> {
  const digest = digestOf(token);
  return digest ? liveClaim(redis, digest, await redis.get(resetKey(digest))) : null;
}

/** peekResetToken that uses the token up as it reads it (GETDEL: single use, whatever the answer). */
export async function takeResetToken(redis: Redis, token: string): Promise<ResetClaim | null> {
  const digest = digestOf(token);
  return digest ? liveClaim(redis, digest, await redis.getdel(resetKey(digest))) : null;
}

async function liveClaim(redis: Redis, digest: string, stored: string | null): Promise<ResetClaim | null> {
  const claim = storedJson(ResetClaim, stored);
  if (!claim) return null;
  if ((await redis.get(liveResetKey(claim.accountId))) !== digest) return null;
  return claim;
}

/** Whether the account's password is still the one the claim's token was issued against. */
export function issuedAgainst(claim: ResetClaim, passwordChangedAt: Date | null): boolean {
  return claim.stamp === passwordStamp(passwordChangedAt);
}
