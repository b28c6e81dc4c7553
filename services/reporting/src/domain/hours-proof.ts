// 学时证明 (issue 11 item 5): the pure rules of a yearly proof of 认定学时 — what it prints, when a
// held proof still states the figures, its number, and why one is revoked.
import type { HourEventKind, HourRecord } from "./hour-record.ts";

/**
 * A name as a proof prints it: the first character kept, the last too when there are three or
 * more, every other one "*" ("张三" → "张*", "欧阳小明" → "欧**明"); one character stays as is.
 * Counts characters, not UTF-16 units, so a name outside the BMP masks like any other.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join("");
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 公需 and 专业 认定学时 of one year. */
export interface YearHours {
  general: number;
  professional: number;
}

/**
 * A person's 认定学时 of `year` as a proof states them now: records approved and not voided
 * (a failed audit sets voidedAt too), summed per subject type. 学时 are whole numbers.
 */
export function proofYearHours(records: readonly HourRecord[], year: number): YearHours {
  const counted = records.filter((r) => r.year === year && r.approvedAt !== null && r.voidedAt === null);
  const sum = (subject: HourRecord["subject"]) => counted.filter((r) => r.subject === subject).reduce((n, r) => n + (r.recognizedHours ?? 0), 0);
  return { general: sum("GENERAL"), professional: sum("PROFESSIONAL") };
}

/** Everything a proof prints apart from its number, code and issue date. */
export interface ProofContent extends YearHours {
  nameMasked: string;
  idNumberMasked: string;
  unitName: string;
  compliant: boolean;
}

/**
 * Whether a held proof still says what a new one would: same masked name and 证件号, unit, 公需 and
 * 专业 学时 and result. True: issuing again answers the held proof; false: it is revoked and a new one issued.
 */
export function sameContent(held: ProofContent, now: ProofContent): boolean {
  return (
    held.nameMasked === now.nameMasked &&
    held.idNumberMasked === now.idNumberMasked &&
    held.unitName === now.unitName &&
    held.general === now.general &&
    held.professional === now.professional &&
    held.compliant === now.compliant
  );
}

/** Whether a held proof's hours are still the person-year's (the hours handlers revoke it otherwise). */
export function sameHours(held: YearHours, now: YearHours): boolean {
  return held.general === now.general && held.professional === now.professional;
}

/** 证明编号: "XSZM", the year and an 8-digit serial (`serial` from the proofs' sequence, ≥ 1). */
export function proofNumber(year: number, serial: number): string {
  return `XSZM${year}${String(serial).padStart(8, "0")}`;
}

/** Why a proof was revoked: its hours changed when it was issued again. */
export const REISSUED_REASON = "学时数据已变更，已重新开具";

/**
 * Why a proof was revoked by an hours event (only the two that stop hours counting revoke):
 * 学时审验不通过 or 学时记录已作废, with hours' reason when it gave one. Null for any other event.
 */
export function revocationReason(kind: HourEventKind, reason: string | null): string | null {
  const what = kind === "auditFailed" ? "学时审验不通过" : kind === "voided" ? "学时记录已作废" : null;
  if (what === null) return null;
  return reason ? `${what}（${reason}）` : what;
}
