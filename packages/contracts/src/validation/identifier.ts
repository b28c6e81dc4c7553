// The one normaliser for every identifier a person types or pastes: ID numbers of every type,
// credit codes, org codes, phone numbers. Contract schemas apply it, so tRPC inputs, portal forms
// (conform parses with the same schemas) and the batch import all see one spelling.
import { z } from "zod";

// Format characters (zero-width space/joiners, BOM, soft hyphen, LRM/RLM and bidi controls, word
// joiner) and every kind of space or line break: none of them is ever part of an identifier.
const INVISIBLE = /[\p{Cf}\p{Z}\s]/gu;
// Dash-like characters an IME or a word processor substitutes for '-'. NFKC already folds the
// full-width hyphen-minus (U+FF0D) and the small hyphen-minus (U+FE63); the rest survive it.
const DASHES = /[\u058A\u1806\u2010-\u2015\u2043\u2212\u2E3A\u2E3B\uFE58\u30FC\uFF70]/g;

/**
 * Folds an identifier as typed or pasted to its one spelling: Unicode NFKC (full-width digits and
 * letters, ideographic space), then removes format characters (Cf: zero-width, BOM, soft hyphen,
 * bidi marks) and all whitespace (Z and \s: NBSP, ideographic space, tabs, line breaks), maps dash
 * variants (‐ ‑ ‒ – — ― − ⁃ ﹘ ー) to '-', and upper-cases. Never throws; validation is the caller's.
 */
export function normalizeIdentifier(raw: string): string {
  return raw.normalize("NFKC").replace(INVISIBLE, "").replace(DASHES, "-").toUpperCase();
}

/**
 * Whether text typed into a person picker is an ID number rather than a name: after
 * {@link normalizeIdentifier} (so full-width, math-styled and ZWJ-split digits count as digits) it
 * holds a run of 6+ digits and no Chinese character. The portal's picker (client and server) asks
 * this one question; the number found is then looked up in full (budgeted, logged).
 */
export function looksLikeIdNumber(typed: string): boolean {
  const q = normalizeIdentifier(typed);
  return /\d{6,}/.test(q) && !/\p{Script=Han}/u.test(q);
}

/**
 * A mainland mobile number as typed: {@link normalizeIdentifier}, then the separators people put
 * inside (`-`, `(`, `)`) are dropped, and a country prefix `+86` / `0086` is removed — and a bare
 * `86` only when an 11-digit number starting with 1 remains. The result is not validated. Landlines
 * keep their '-' (area code separator) and use normalizeIdentifier alone.
 */
export function normalizeMobilePhone(raw: string): string {
  const folded = normalizeIdentifier(raw).replace(/[-()]/g, "");
  const withoutPlus = folded.replace(/^(\+86|0086)/, "");
  return /^861\d{10}$/.test(withoutPlus) ? withoutPlus.slice(2) : withoutPlus;
}

/**
 * A zod string for an identifier field: normalised with {@link normalizeIdentifier}, then required
 * and at most `max` characters. Messages name the field by its `label` (请输入…, …过长).
 */
export function identifierField(label: string, max: number) {
  return z
    .string({ error: (issue) => (issue.input == null ? `请输入${label}` : `${label}须为文本`) })
    .transform(normalizeIdentifier)
    .pipe(
      z
        .string()
        .min(1, `请输入${label}`)
        .max(max, `${label}过长`)
        // After NFKC every real identifier is printable ASCII; anything else (controls, 汉字) is a typo.
        .regex(/^[\x21-\x7E]*$/, `${label}格式不正确`),
    );
}

/** 手机号: an 11-digit mainland mobile number, normalised with {@link normalizeMobilePhone}. */
export const MobilePhone = z
  .string({ error: "请输入手机号" })
  .transform(normalizeMobilePhone)
  .pipe(
    z
      .string()
      .min(1, "请输入手机号")
      .regex(/^1[3-9]\d{9}$/, "手机号应为11位手机号码"),
  );

/** 固定电话 (optional): digits and '-' after {@link normalizeIdentifier}; empty becomes undefined. */
export const Landline = z
  .string()
  .transform(normalizeIdentifier)
  .pipe(
    z
      .string()
      .max(20, "固定电话过长")
      .regex(/^[\d-]*$/, "固定电话只能包含数字和-"),
  )
  .optional()
  .transform((v) => v || undefined);

/** 机构代码/统一社会信用代码 as typed; parseUnitCode checks it where the unit is written. */
export const UnitCode = identifierField("机构代码/统一社会信用代码", 20);

/**
 * The applicant's confirmation that a credit code whose check character does not match is the one
 * on the business licence: true over tRPC, the checkbox's "on" from a plain form post. Defaults to false.
 */
export const CodeConfirmed = z.union([z.boolean(), z.literal("on").transform(() => true)]).default(false);
