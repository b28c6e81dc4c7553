import type { DeclarationEvent, DeclarationStatus, Subject } from "@ce/contracts";

/**
 * Reporting's row of one declaration (学时申报), kept from ce.hours.declaration.* events (ADR 013):
 * who, which year and subject, the hours recognised at the final approval, and the instant of each
 * step. What counts "as of" an instant is read from the instants (`countsAsOf`), never from the
 * status, so a voiding after a statistic date leaves that date's figures as they were.
 */
export interface HourRecord {
  declarationId: string;
  accountId: string;
  /** The person's unit when they declared, as hours recorded it (statistics use the person's history). */
  unitId: string;
  unitPath: string;
  year: number;
  subject: Subject;
  formCode: string;
  /** 认定学时 of the final approval; null until approved. */
  recognizedHours: number | null;
  /** The status the latest event (by occurredAt, then lifecycle rank) left it in. */
  status: DeclarationStatus;
  statusAt: Date;
  submittedAt: Date | null;
  approvedAt: Date | null;
  rejectedAt: Date | null;
  withdrawnAt: Date | null;
  /** 成果备案 passed (已备案). */
  filedAt: Date | null;
  /** The hours stopped counting (审验不通过: audit failed and voided). */
  voidedAt: Date | null;
}

/** The seven ce.hours.declaration.* events, by the name contracts' hoursEvents give them. */
export type HourEventKind = "submitted" | "approved" | "rejected" | "withdrawn" | "audited" | "auditFailed" | "voided";

/** Which instant each event sets (audit failed and voided both end the counting). */
const instantOf: Record<HourEventKind, keyof HourRecord> = {
  submitted: "submittedAt",
  approved: "approvedAt",
  rejected: "rejectedAt",
  withdrawn: "withdrawnAt",
  audited: "filedAt",
  auditFailed: "voidedAt",
  voided: "voidedAt",
};

/** Lifecycle order of statuses: of two events at the same instant, the later step's status stands. */
const statusRank: Record<DeclarationStatus, number> = { PENDING: 0, APPROVED: 1, REJECTED: 1, WITHDRAWN: 1, FILED: 2, VOIDED: 3 };

const earliest = (a: Date | null, b: Date) => (a === null || b < a ? b : a);

/** True when (at, status) is after (heldAt, heldStatus): later instant, or same instant and later lifecycle step. */
function supersedes(at: Date, status: DeclarationStatus, heldAt: Date, heldStatus: DeclarationStatus): boolean {
  const t = at.getTime() - heldAt.getTime();
  if (t !== 0) return t > 0;
  const r = statusRank[status] - statusRank[heldStatus];
  return r !== 0 ? r > 0 : status > heldStatus;
}

/**
 * The hour record after one more event (`held` null for the first one). Commutative and
 * idempotent, so any arrival order and any redelivery end in the same row: each instant is the
 * earliest one its event kind announced; the status is the one of the latest event; the record's
 * own fields come from the first event held (hours never changes them); 认定学时 comes from the
 * approval, or — while the approval has not arrived — from an audit or voiding event, which carries
 * the same figure.
 */
export function mergeHourEvent(held: HourRecord | null, kind: HourEventKind, occurredAt: Date, data: DeclarationEvent): HourRecord {
  const base: HourRecord = held ?? {
    declarationId: data.declarationId,
    accountId: data.accountId,
    unitId: data.unitId,
    unitPath: data.unitPath,
    year: data.year,
    subject: data.subject,
    formCode: data.formCode,
    recognizedHours: null,
    status: data.status,
    statusAt: occurredAt,
    submittedAt: null,
    approvedAt: null,
    rejectedAt: null,
    withdrawnAt: null,
    filedAt: null,
    voidedAt: null,
  };
  const next: HourRecord = { ...base };
  const field = instantOf[kind];
  next[field as "approvedAt"] = earliest(base[field as "approvedAt"], occurredAt);
  if (supersedes(occurredAt, data.status, base.statusAt, base.status)) {
    next.status = data.status;
    next.statusAt = occurredAt;
  }
  if (kind === "approved") next.recognizedHours = data.recognizedHours;
  else if (base.approvedAt === null && base.recognizedHours === null && (kind === "audited" || kind === "auditFailed" || kind === "voided")) {
    next.recognizedHours = data.recognizedHours;
  }
  return next;
}

/**
 * Whether a record's recognised hours count at instant `at`: approved at or before it and not
 * voided by then (approvedAt ≤ at < voidedAt). The SQL of the statistics (db/professional-counts.ts and its siblings) is this
 * predicate over the same columns.
 */
export function countsAsOf(r: Pick<HourRecord, "approvedAt" | "voidedAt">, at: Date): boolean {
  return r.approvedAt !== null && r.approvedAt <= at && (r.voidedAt === null || at < r.voidedAt);
}
