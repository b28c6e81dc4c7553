// 证件号 by 证件类型: the one check every boundary (login, registration, admin wizard, import) uses.
import { fromDateColumn } from "../calendar.ts";
import type { IdType } from "../domain-codes.ts";
import { normalizeIdentifier } from "./identifier.ts";
import { birthDateOfIdNumber, MAINLAND_PROVINCE_CODES, parseResidentId, residentIdCheckCharacter, residentIdErrorMessages } from "./resident-id.ts";

export type ForeignPermanentResidentIdError = "LENGTH" | "FORMAT" | "REGION" | "BIRTH_DATE" | "CHECK_CHARACTER";

export const foreignPermanentResidentIdErrorMessages: Record<ForeignPermanentResidentIdError, string> = {
  LENGTH: "外国人永久居留身份证号应为18位",
  FORMAT: "外国人永久居留身份证号应以9开头，前17位为数字",
  REGION: "外国人永久居留身份证号第2–3位（受理地省级代码）无效",
  BIRTH_DATE: "外国人永久居留身份证号中的出生日期无效",
  CHECK_CHARACTER: "外国人永久居留身份证号校验位不正确",
};

// The card is issued by the mainland provinces' immigration authorities (GB/T 2260 codes).
const ISSUING_PROVINCES = MAINLAND_PROVINCE_CODES;

/**
 * Checks a 2023 外国人永久居留身份证 number (National Immigration Administration, issued from
 * 2023-12-01, modelled on GB 11643-1999): 18 characters after normalizeIdentifier; '9' first;
 * positions 2–3 the issuing province; 4–6 the numeric nationality code; 7–14 the birth date
 * YYYYMMDD; 15–17 the sequence; 18 the ISO 7064 MOD 11-2 check character as on a resident ID.
 * Returns the normalised number or the reason. `now` pins "today" for the future-date rule.
 */
export function parseForeignPermanentResidentId(
  input: string,
  now: Date = new Date(),
): { ok: true; normalized: string } | { ok: false; reason: ForeignPermanentResidentIdError } {
  const normalized = normalizeIdentifier(input);
  if (normalized.length !== 18) return { ok: false, reason: "LENGTH" };
  if (!/^9\d{16}[\dX]$/.test(normalized)) return { ok: false, reason: "FORMAT" };
  if (!ISSUING_PROVINCES.has(normalized.slice(1, 3))) return { ok: false, reason: "REGION" };
  if (birthDateOfIdNumber(normalized.slice(6, 14), now) === undefined) return { ok: false, reason: "BIRTH_DATE" };
  if (residentIdCheckCharacter(normalized.slice(0, 17)) !== normalized.charAt(17)) return { ok: false, reason: "CHECK_CHARACTER" };
  return { ok: true, normalized };
}

// Passports, permits and officer IDs vary by issuer (including the 15-character 2017 permanent
// residence card, 3 letters + 12 digits), so only a plausible shape is required of them.
const OTHER_DOCUMENT = /^[A-Z0-9()-]{5,32}$/;

/**
 * Validates an ID number of the given type after normalizeIdentifier and returns its one
 * spelling, or the 中文 message for the 证件号 field. 身份证: GB 11643-1999 in full;
 * 外国人永久居留身份证: see parseForeignPermanentResidentId; other types: 5–32 of A–Z, 0–9, ( ) -,
 * and never a valid resident ID number (ID_NUMBER_IS_RESIDENT_ID_MESSAGE: one number is one person
 * whatever type it is entered under — a passport and a 港澳通行证 with one 身份证 number made three accounts).
 * `existing`: the number names an account that may predate that rule (登录, 忘记密码), so it is not
 * refused for it — such an account can still sign in under the type it was registered with.
 */
export function parseIdNumber(
  idType: IdType,
  raw: string,
  now: Date = new Date(),
  opts: { existing?: boolean } = {},
): { ok: true; normalized: string } | { ok: false; message: string } {
  if (idType === "RESIDENT_ID") {
    const r = parseResidentId(raw, now);
    return r.ok ? { ok: true, normalized: r.value.normalized } : { ok: false, message: residentIdErrorMessages[r.reason] };
  }
  if (idType === "FOREIGN_PERMANENT_RESIDENT") {
    const r = parseForeignPermanentResidentId(raw, now);
    return r.ok ? r : { ok: false, message: foreignPermanentResidentIdErrorMessages[r.reason] };
  }
  const normalized = normalizeIdentifier(raw);
  if (!OTHER_DOCUMENT.test(normalized)) return { ok: false, message: "证件号格式不正确" };
  // One number is one person whatever type it is entered under: a valid resident ID number (with any hyphens or brackets left out) is a 身份证.
  if (!opts.existing && parseResidentId(normalized.replace(/[()-]/g, ""), now).ok) return { ok: false, message: ID_NUMBER_IS_RESIDENT_ID_MESSAGE };
  return { ok: true, normalized };
}

/**
 * A 证件号 typed into a search that has no 证件类型 (学习记录验证, 专业技术人员信息查询: the portal asks
 * this before the service looks anyone up), after normalizeIdentifier: a number of 16–19 digits (the last may be X) is read as a resident ID
 * number — GB 11643 in full (parseResidentId; one starting with 9 as a 外国人永久居留身份证,
 * parseForeignPermanentResidentId) — so a mistyped digit is named (身份证号校验位不正确) instead of
 * silently finding nobody; anything else must have the shape of the other 证件类型 (5–32 of A–Z, 0–9,
 * ( ) -, else 证件号格式不正确). Returns the number's one spelling or the message for the field.
 */
export function parseSearchedIdNumber(raw: string, now: Date = new Date()): { ok: true; normalized: string } | { ok: false; message: string } {
  const normalized = normalizeIdentifier(raw);
  if (/^\d{15,18}[\dX]$/.test(normalized)) return parseIdNumber(normalized.startsWith("9") ? "FOREIGN_PERMANENT_RESIDENT" : "RESIDENT_ID", normalized, now);
  return OTHER_DOCUMENT.test(normalized) ? { ok: true, normalized } : { ok: false, message: "证件号格式不正确" };
}

/** The refusal of a valid resident ID number entered under another 证件类型. */
export const ID_NUMBER_IS_RESIDENT_ID_MESSAGE = "该证件号是有效的居民身份证号码，证件类型请选择“身份证”（居民身份证）";

/**
 * Builds a valid 2023 外国人永久居留身份证 number for fixtures: '9' + province (2 digits) +
 * nationality (3 digits) + birth date (read in UTC) + sequence (0–999) + check. Throws RangeError
 * when the result would not validate.
 */
export function generateForeignPermanentResidentId(province2: string, nationality3: string, birthDate: Date, sequence3: number): string {
  const ymd = fromDateColumn(birthDate).replaceAll("-", "");
  const first17 = `9${province2}${nationality3}${ymd}${String(sequence3).padStart(3, "0")}`;
  if (!/^\d{17}$/.test(first17)) throw new RangeError("cannot build a foreign permanent resident ID from these parts");
  const id = first17 + residentIdCheckCharacter(first17);
  const parsed = parseForeignPermanentResidentId(id);
  if (!parsed.ok) throw new RangeError(`cannot build a valid foreign permanent resident ID: ${parsed.reason}`);
  return id;
}
