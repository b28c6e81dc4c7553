import { DomainError, type IdType, normalizeIdentifier, parseIdNumber } from "@ce/contracts";

/**
 * One spelling per document number, for the blind index and lookups: contracts'
 * normalizeIdentifier (NFKC, no invisible characters or spaces, one dash, upper case). The type is
 * taken so a future type-specific spelling stays a one-place change.
 */
export function normalizeIdNumber(_idType: IdType, raw: string): string {
  return normalizeIdentifier(raw);
}

/**
 * Checks an ID number as typed on a form and returns its normalised form (contracts parseIdNumber:
 * GB 11643 for 身份证, the 2023 rule for 外国人永久居留身份证, a plausible shape for the rest).
 * Throws DomainError BAD_REQUEST with the 中文 reason on `field`. `existing` (登录, 忘记密码): the
 * number names an account that may predate the one-number-one-person rule (parseIdNumber's option).
 */
export function validateIdNumber(idType: IdType, raw: string, field = "idNumber", opts: { existing?: boolean } = {}): string {
  const parsed = parseIdNumber(idType, raw, undefined, opts);
  if (!parsed.ok) throw new DomainError("BAD_REQUEST", parsed.message, field);
  return parsed.normalized;
}
