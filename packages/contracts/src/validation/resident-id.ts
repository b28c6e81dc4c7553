// Chinese resident identity card number (GB 11643-1999, 18 characters) plus display masks.
import { calendarDate, daysInMonth, fromDateColumn } from "../calendar.ts";
import { normalizeIdentifier } from "./identifier.ts";

export type ResidentIdError = "LENGTH" | "FORMAT" | "REGION" | "BIRTH_DATE" | "CHECK_CHARACTER";

export interface ParsedResidentId {
  normalized: string;
  regionCode: string;
  birthDate: string; // YYYY-MM-DD
  sex: "M" | "F";
}

export type ResidentIdResult = { ok: true; value: ParsedResidentId } | { ok: false; reason: ResidentIdError };

export const residentIdErrorMessages: Record<ResidentIdError, string> = {
  LENGTH: "身份证号应为18位",
  FORMAT: "身份证号格式不正确",
  REGION: "身份证号地区码无效",
  BIRTH_DATE: "身份证号中的出生日期无效",
  CHECK_CHARACTER: "身份证号校验位不正确",
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = "10X98765432";

/** GB/T 2260 province-level codes of the mainland (the first two digits of a region code). */
export const MAINLAND_PROVINCE_CODES: ReadonlySet<string> = new Set(
  "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65".split(" "),
);

// Plus 71/81/82/83, used by Taiwan, Hong Kong and Macao residents' residence permits.
const PROVINCE_CODES: ReadonlySet<string> = new Set([...MAINLAND_PROVINCE_CODES, "71", "81", "82", "83"]);

// Birth dates are Beijing calendar dates: "today" comes from the platform calendar, whatever the server's zone.
const MIN_BIRTH_YEAR = 1900;

/** Computes the 18th character for the first 17 digits. Throws RangeError on malformed input. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError("residentIdCheckCharacter expects exactly 17 digits");
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARACTERS.charAt(sum % 11);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * Reads the YYYYMMDD birth date embedded in a GB 11643-style number (resident ID, 2023 foreign
 * permanent resident ID): the ISO date, or undefined when it is not a real calendar date between
 * 1900-01-01 and today in Beijing.
 */
export function birthDateOfIdNumber(yyyymmdd: string, now: Date): string | undefined {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < MIN_BIRTH_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  // ISO strings of equal length compare chronologically.
  return iso > calendarDate(now) ? undefined : iso;
}

/**
 * Parses and validates an 18-character resident ID after normalizeIdentifier (full-width digits,
 * spaces, invisible characters, a lower-case x). `now` exists so tests can pin "today" for the
 * future-date rule.
 */
export function parseResidentId(input: string, now: Date = new Date()): ResidentIdResult {
  const normalized = normalizeIdentifier(input);
  if (normalized.length !== 18) return { ok: false, reason: "LENGTH" };
  if (!/^\d{17}[\dX]$/.test(normalized)) return { ok: false, reason: "FORMAT" };
  if (!PROVINCE_CODES.has(normalized.slice(0, 2))) return { ok: false, reason: "REGION" };
  const birthDate = birthDateOfIdNumber(normalized.slice(6, 14), now);
  if (birthDate === undefined) return { ok: false, reason: "BIRTH_DATE" };
  if (residentIdCheckCharacter(normalized.slice(0, 17)) !== normalized.charAt(17)) {
    return { ok: false, reason: "CHECK_CHARACTER" };
  }
  return {
    ok: true,
    value: {
      normalized,
      regionCode: normalized.slice(0, 6),
      birthDate,
      // The 17th digit (sequence code) is odd for men and even for women.
      sex: Number(normalized.charAt(16)) % 2 === 1 ? "M" : "F",
    },
  };
}

export function isValidResidentId(s: string): boolean {
  return parseResidentId(s).ok;
}

/**
 * Builds a valid resident ID for demo data and fixtures.
 * The birth date is read in UTC so `new Date("1990-01-01")` yields 19900101 in every timezone.
 * Throws RangeError when the inputs cannot produce a valid number.
 */
export function generateResidentId(regionCode6: string, birthDate: Date, sequence3: number): string {
  if (!/^\d{6}$/.test(regionCode6)) {
    throw new RangeError("regionCode6 must be 6 digits");
  }
  if (!Number.isInteger(sequence3) || sequence3 < 0 || sequence3 > 999) {
    throw new RangeError("sequence3 must be an integer between 0 and 999");
  }
  if (Number.isNaN(birthDate.getTime())) {
    throw new RangeError("birthDate is not a valid Date");
  }
  const date = fromDateColumn(birthDate).replaceAll("-", "");
  const first17 = `${regionCode6}${date}${pad(sequence3, 3)}`;
  const id = first17 + residentIdCheckCharacter(first17);
  const parsed = parseResidentId(id);
  if (!parsed.ok) {
    throw new RangeError(`cannot generate a valid resident ID: ${parsed.reason}`);
  }
  return id;
}

function mask(s: string, head: number, tail: number, stars: number): string {
  return s.slice(0, head) + "*".repeat(stars) + s.slice(s.length - tail);
}

/** Masks an ID number for display: 18 chars keep the first 10 and last 4 (`3101011990****7738`). */
export function maskIdNumber(s: string): string {
  const v = s.trim();
  if (v.length === 18) return mask(v, 10, 4, 4);
  const head = Math.floor(v.length / 3);
  const tail = Math.min(4, head);
  return mask(v, head, tail, v.length - head - tail);
}

/** Masks a phone number for display: first 3 and last 2 kept (`18700001155` → `187*****55`). */
export function maskPhone(s: string): string {
  const v = s.trim();
  // The admin guide prints 11-digit mobiles with 5 stars (one fewer than hidden digits); match it exactly.
  if (v.length === 11) return mask(v, 3, 2, 5);
  if (v.length > 5) return mask(v, 3, 2, v.length - 5);
  // Too short to keep 3+2 visible; still hide most of it.
  const head = Math.floor(v.length / 3);
  const tail = Math.floor(v.length / 4);
  return mask(v, head, tail, v.length - head - tail);
}
