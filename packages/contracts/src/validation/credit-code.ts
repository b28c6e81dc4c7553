// Unit identifiers: unified social credit code (GB 32100-2015) and organisation code (GB 11714-1997).
import type { z } from "zod";
import { normalizeIdentifier } from "./identifier.ts";

export type UnitCodeKind = "CREDIT_CODE" | "ORG_CODE";

export type UnitCodeError = "LENGTH" | "FORMAT" | "CREDIT_CODE_CHECK_CHARACTER" | "EMBEDDED_ORG_CODE_CHECK_CHARACTER" | "ORG_CODE_CHECK_CHARACTER";

export type UnitCodeResult = { ok: true; value: { kind: UnitCodeKind; normalized: string; checkMismatch: boolean } } | { ok: false; reason: UnitCodeError };

/** What the form answers when a credit code's check character does not match: confirm it, or fix it. */
export const CREDIT_CODE_CONFIRM_MESSAGE = "统一社会信用代码校验位不符，请与营业执照核对后确认";
/** How reviewers see a code whose check-character mismatch the applicant confirmed. */
export const CREDIT_CODE_MISMATCH_CONFIRMED_LABEL = "校验位不符，已由申请人确认";

export const unitCodeErrorMessages: Record<UnitCodeError, string> = {
  LENGTH: "机构代码/统一社会信用代码应为18位统一社会信用代码或9位组织机构代码（XXXXXXXX-X）",
  FORMAT: "机构代码/统一社会信用代码格式不正确（统一社会信用代码不使用字母I、O、Z、S、V）",
  CREDIT_CODE_CHECK_CHARACTER: CREDIT_CODE_CONFIRM_MESSAGE,
  EMBEDDED_ORG_CODE_CHECK_CHARACTER: CREDIT_CODE_CONFIRM_MESSAGE,
  ORG_CODE_CHECK_CHARACTER: "组织机构代码校验位不正确",
};

/** Options of parseUnitCode; see there. */
export interface ParseUnitCodeOptions {
  /** The applicant confirmed the code against the business licence despite a check-character mismatch. */
  acceptCheckMismatch?: boolean;
}

/** GB 32100 character set; I, O, Z, S and V are excluded to avoid confusion with 1, 0, 2, 5 and U. */
export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

const CREDIT_CHAR = "[0-9A-HJ-NPQRTUWXY]";
// Positions 1–2 authority and category, 3–8 region digits, 9–17 org body, 18 check.
const CREDIT_CODE_RE = new RegExp(`^${CREDIT_CHAR}{2}\\d{6}${CREDIT_CHAR}{10}$`);
const CREDIT_FIRST17_RE = new RegExp(`^${CREDIT_CHAR}{2}\\d{6}${CREDIT_CHAR}{9}$`);
const ORG_CODE_RE = /^[0-9A-Z]{8}[0-9X]$/;

/** Computes the 18th character of a unified social credit code. Throws RangeError on malformed input. */
export function creditCodeCheckCharacter(first17: string): string {
  if (!CREDIT_FIRST17_RE.test(first17)) {
    throw new RangeError("creditCodeCheckCharacter expects 17 characters from the GB 32100 charset");
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_CHARSET.indexOf(first17.charAt(i)) * (CREDIT_WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);
}

// GB 11714 values letters from 10 (A) to 35 (Z), unlike the credit-code charset index.
function orgCharValue(c: string): number {
  const code = c.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

/** Computes the 9th character of an organisation code. Throws RangeError on malformed input. */
export function orgCodeCheckCharacter(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) {
    throw new RangeError("orgCodeCheckCharacter expects 8 digits or uppercase letters");
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    sum += orgCharValue(first8.charAt(i)) * (ORG_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

// Some credit codes issued before 2016 carry a wrong check character yet are real (e.g. 91350203M0001QKT19,
// Xiamen): the format stays strict, a check mismatch passes only when the applicant confirmed it.
function parseCreditCode(code: string, acceptCheckMismatch: boolean): UnitCodeResult {
  if (!CREDIT_CODE_RE.test(code)) return { ok: false, reason: "FORMAT" };
  let reason: UnitCodeError | undefined;
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) reason = "CREDIT_CODE_CHECK_CHARACTER";
  // Positions 9–17 are the GB 11714 org code; every verified real vector satisfies its check too.
  else if (orgCodeCheckCharacter(code.slice(8, 16)) !== code.charAt(16)) reason = "EMBEDDED_ORG_CODE_CHECK_CHARACTER";
  if (reason !== undefined && !acceptCheckMismatch) return { ok: false, reason };
  return { ok: true, value: { kind: "CREDIT_CODE", normalized: code, checkMismatch: reason !== undefined } };
}

function parseOrgCode(code9: string): UnitCodeResult {
  if (!ORG_CODE_RE.test(code9)) return { ok: false, reason: "FORMAT" };
  if (orgCodeCheckCharacter(code9.slice(0, 8)) !== code9.charAt(8)) {
    return { ok: false, reason: "ORG_CODE_CHECK_CHARACTER" };
  }
  return { ok: true, value: { kind: "ORG_CODE", normalized: `${code9.slice(0, 8)}-${code9.charAt(8)}`, checkMismatch: false } };
}

/**
 * Parses an 18-character credit code (GB 32100-2015) or a 9-character org code (GB 11714-1997, with
 * or without the hyphen) after normalizeIdentifier; org codes normalise to `XXXXXXXX-X`. A credit
 * code whose check character(s) do not match fails with a CHECK_CHARACTER reason unless
 * `acceptCheckMismatch`, when it passes with `checkMismatch: true`. Org-code checks stay strict.
 */
export function parseUnitCode(input: string, options: ParseUnitCodeOptions = {}): UnitCodeResult {
  const upper = normalizeIdentifier(input);
  const code = upper.length === 10 && upper.charAt(8) === "-" ? upper.slice(0, 8) + upper.charAt(9) : upper;
  if (code.length === 18) return parseCreditCode(code, options.acceptCheckMismatch ?? false);
  if (code.length === 9) return parseOrgCode(code);
  return { ok: false, reason: "LENGTH" };
}

/** True for the reasons an applicant may override by confirming the code against the business licence. */
export function isConfirmableCodeMismatch(reason: UnitCodeError): boolean {
  return reason === "CREDIT_CODE_CHECK_CHARACTER" || reason === "EMBEDDED_ORG_CODE_CHECK_CHARACTER";
}

/** True when a typed code is a well-formed credit code whose only fault is a check character: the form asks to confirm it. */
export function creditCodeNeedsConfirmation(input: string): boolean {
  const r = parseUnitCode(input);
  return !r.ok && isConfirmableCodeMismatch(r.reason);
}

export function isValidCreditCode(s: string): boolean {
  const r = parseUnitCode(s);
  return r.ok && r.value.kind === "CREDIT_CODE";
}

export function isValidOrgCode(s: string): boolean {
  const r = parseUnitCode(s);
  return r.ok && r.value.kind === "ORG_CODE";
}

/**
 * Builds a valid credit code for demo data and fixtures: prefix + region + org body + org check + check.
 * `prefix` is the authority and category pair; "91" is an enterprise registered with market regulation.
 * Throws RangeError when an input is malformed.
 */
export function generateCreditCode(regionCode6: string, orgBody8: string, prefix = "91"): string {
  if (!new RegExp(`^${CREDIT_CHAR}{2}$`).test(prefix)) {
    throw new RangeError("prefix must be 2 characters from the GB 32100 charset");
  }
  if (!/^\d{6}$/.test(regionCode6)) {
    throw new RangeError("regionCode6 must be 6 digits");
  }
  // The body must satisfy both standards, so only characters common to both are allowed.
  if (!new RegExp(`^${CREDIT_CHAR}{8}$`).test(orgBody8)) {
    throw new RangeError("orgBody8 must be 8 characters from the GB 32100 charset");
  }
  const first17 = `${prefix}${regionCode6}${orgBody8}${orgCodeCheckCharacter(orgBody8)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/**
 * A refinement for a form with `code` and `codeConfirmed`: a credit code whose check character
 * does not match is refused on `code` with CREDIT_CODE_CONFIRM_MESSAGE until confirmed, so the
 * browser (conform) shows the confirmation as soon as the service would ask for it.
 */
export function requireCodeConfirmation(v: { code: string; codeConfirmed: boolean }, ctx: z.RefinementCtx): void {
  if (!v.codeConfirmed && creditCodeNeedsConfirmation(v.code)) ctx.addIssue({ code: "custom", path: ["code"], message: CREDIT_CODE_CONFIRM_MESSAGE });
}
