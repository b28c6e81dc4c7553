import {
  type EmployerReviewDetail,
  MaskedApplicant,
  type Page,
  PendingEmployerRow,
  PendingProfessionalRow,
  type ProfessionalReviewDetail,
  ProfessionalStatus,
  UnitStatus,
} from "@ce/contracts";
import { dbValue, likeContains, likePrefix, quoteIdent } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import type { Db, Tx } from "./client.ts";
import { sqlPage } from "./sql-page.ts";

const t = (name: string) => Prisma.raw(`${quoteIdent(SCHEMA)}.${name}`);

/** A reviewer's reach: their unit and its subtree's path prefix. */
export interface ReviewScope {
  scopePath: string;
  unitId: string;
}
/** A batch review (ReviewDecisionInput as parsed): the ids (each once), 通过 or 不通过, and the reason given. */
export interface Decision {
  ids: string[];
  decision: "APPROVE" | "REJECT";
  reason?: string | undefined;
  /** When the reviewer's page showed the records (ReviewDecisionInput.seenAt). */
  seenAt?: string | undefined;
}

/** Employers strictly below the caller (their superior is in scope) still waiting for review. */
function pendingEmployersWhere(scope: ReviewScope, name?: string) {
  const conditions = [
    Prisma.sql`u.path LIKE ${likePrefix(scope.scopePath)}`,
    Prisma.sql`u.id <> ${scope.unitId}::uuid`,
    Prisma.sql`u.kind = 'EMPLOYER'`,
    Prisma.sql`u.status = 'PENDING'`,
  ];
  if (name) conditions.push(Prisma.sql`u.name ILIKE ${likeContains(name)}`);
  return Prisma.join(conditions, " AND ");
}

export async function listPendingEmployers(
  db: Db,
  scope: ReviewScope,
  input: { page: number; pageSize: number; name?: string | undefined },
): Promise<Page<PendingEmployerRow>> {
  const where = pendingEmployersWhere(scope, input.name);
  const { items: rows, ...served } = await sqlPage(db, input, {
    columns: Prisma.sql`u.id::text AS id, u.name, u.nature, u.industry, u.region, u.code, u.credit_code_check_mismatch AS "codeCheckMismatch", s.name AS "superiorName", u.created_at AS "registeredAt"`,
    from: Prisma.sql`${t("unit")} u LEFT JOIN ${t("unit")} s ON s.id = u.superior_id`,
    where,
    orderBy: Prisma.sql`u.created_at, u.id`,
  });
  return { ...served, items: rows.map((r) => PendingEmployerRow.parse(r)) };
}

/**
 * 审核用人单位 › 详细: one employer strictly below the caller, whatever its status, with the applicant
 * who becomes its super admin (the unit's is_super admin; masked as stored). Null when not in scope.
 */
export async function employerDetail(db: Db, scope: ReviewScope, unitId: string): Promise<EmployerReviewDetail | null> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT u.id::text AS id, u.name, u.nature, u.industry, u.region, u.code, u.credit_code_check_mismatch AS "codeCheckMismatch",
      s.name AS "superiorName", u.created_at AS "registeredAt", u.status,
      a.id::text AS "accountId", a.name AS "adminName", a.id_type AS "idType", a.id_number_masked AS "idNumberMasked",
      a.phone_masked AS "phoneMasked", a.email
    FROM ${t("unit")} u LEFT JOIN ${t("unit")} s ON s.id = u.superior_id
      LEFT JOIN ${t("admin")} ad ON ad.unit_id = u.id AND ad.is_super
      LEFT JOIN ${t("account")} a ON a.id = ad.account_id
    WHERE u.path LIKE ${likePrefix(scope.scopePath)} AND u.id <> ${scope.unitId}::uuid AND u.kind = 'EMPLOYER' AND u.id = ${unitId}::uuid
    LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  const { accountId, adminName, idType, idNumberMasked, phoneMasked, email, status, ...unit } = row;
  return {
    ...PendingEmployerRow.parse(unit),
    status: dbValue(UnitStatus, status, "identity.unit.status"),
    superAdmin: accountId ? MaskedApplicant.parse({ accountId, name: adminName, idType, idNumberMasked, phoneMasked, email }) : null,
  };
}

/**
 * Employers strictly below the caller with one of `ids`, locked in id order so two admins'
 * overlapping batches queue instead of deadlocking, each with its applicant (super admin: name, e-mail).
 */
export function lockEmployers(tx: Tx, scope: ReviewScope, ids: string[]) {
  return tx.$queryRaw<{ id: string; name: string; status: string; applicantName: string | null; applicantEmail: string | null }[]>`
    SELECT u.id::text AS id, u.name, u.status, a.name AS "applicantName", a.email AS "applicantEmail"
    FROM ${t("unit")} u LEFT JOIN ${t("admin")} ad ON ad.unit_id = u.id AND ad.is_super LEFT JOIN ${t("account")} a ON a.id = ad.account_id
    WHERE u.id = ANY(${ids}::uuid[]) AND u.kind = 'EMPLOYER' AND u.path LIKE ${likePrefix(scope.scopePath)} AND u.id <> ${scope.unitId}::uuid
    ORDER BY u.id FOR UPDATE OF u`;
}

/**
 * A person's rows under review (`row`, the reviewed table's alias, joined to their account `a` and
 * unit `u`) in units of the caller's subtree (their own unit included); only of `status` and of
 * names containing `name` when given.
 */
export function peopleInScopeWhere(scope: ReviewScope, row: "p" | "r", filter: { name?: string | undefined; status?: string } = {}) {
  const conditions = [Prisma.sql`u.path LIKE ${likePrefix(scope.scopePath)}`];
  if (filter.status) conditions.push(Prisma.sql`${Prisma.raw(row)}.status = ${filter.status}`);
  if (filter.name) conditions.push(Prisma.sql`a.name ILIKE ${likeContains(filter.name)}`);
  return Prisma.join(conditions, " AND ");
}

/** One page of a person's PENDING rows in the caller's subtree (peopleInScopeWhere), by part of the name. */
export function pendingPeoplePage<T = Record<string, unknown>>(
  db: Db,
  scope: ReviewScope,
  input: { page: number; pageSize: number; name?: string | undefined },
  query: { row: "p" | "r"; columns: Prisma.Sql; from: Prisma.Sql; orderBy: Prisma.Sql },
): Promise<Page<T>> {
  const { row, ...select } = query;
  return sqlPage<T>(db, input, { ...select, where: peopleInScopeWhere(scope, row, { name: input.name, status: "PENDING" }) });
}

const professionalColumns = Prisma.sql`
  p.account_id::text AS "accountId", a.name, a.id_type AS "idType", a.id_number_masked AS "idNumberMasked", a.phone_masked AS "phoneMasked",
  a.email, u.name AS "unitName", d.name AS "departmentName", p.education, p.title_series AS "titleSeries", p.title_level AS "titleLevel",
  p.qualification, p.major, p.certificate_no AS "certificateNo", p.created_at AS "registeredAt"`;
const professionalFrom = Prisma.sql`
  ${t("professional")} p JOIN ${t("account")} a ON a.id = p.account_id JOIN ${t("unit")} u ON u.id = p.unit_id
  LEFT JOIN ${t("department")} d ON d.id = p.department_id`;

export async function listPendingProfessionals(
  db: Db,
  scope: ReviewScope,
  input: { page: number; pageSize: number; name?: string | undefined },
): Promise<Page<PendingProfessionalRow>> {
  const { items: rows, ...served } = await pendingPeoplePage(db, scope, input, {
    row: "p",
    columns: professionalColumns,
    from: professionalFrom,
    orderBy: Prisma.sql`p.created_at, p.account_id`,
  });
  return { ...served, items: rows.map((r) => PendingProfessionalRow.parse(r)) };
}

/** 详细: one professional of a unit in scope, whatever their status; masked like every list. Null when not in scope. */
export async function professionalDetail(db: Db, scope: ReviewScope, accountId: string): Promise<ProfessionalReviewDetail | null> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${professionalColumns}, p.status FROM ${professionalFrom}
    WHERE ${peopleInScopeWhere(scope, "p")} AND p.account_id = ${accountId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  return { ...PendingProfessionalRow.parse(row), status: dbValue(ProfessionalStatus, row.status, "identity.professional.status") };
}

/** Professionals of units in scope with one of `ids` (with their e-mail address and when the registration was submitted), locked in id order. */
export function lockProfessionals(tx: Tx, scope: ReviewScope, ids: string[]) {
  return tx.$queryRaw<{ id: string; name: string; status: string; unitId: string; email: string | null; submittedAt: Date }[]>`
    SELECT p.account_id::text AS id, a.name, p.status, p.unit_id::text AS "unitId", a.email, p.created_at AS "submittedAt"
    FROM ${t("professional")} p JOIN ${t("account")} a ON a.id = p.account_id JOIN ${t("unit")} u ON u.id = p.unit_id
    WHERE p.account_id = ANY(${ids}::uuid[]) AND u.path LIKE ${likePrefix(scope.scopePath)}
    ORDER BY p.account_id FOR UPDATE OF p`;
}

/** A decision on a request as its row records it: the outcome, the reason given (a rejection's) and who decided (null: nobody signed in). */
export interface ReviewOutcome<Status extends string> {
  status: Status;
  reason: string | null;
  reviewedBy: string | null;
}

/** The review columns of a request row (profile change, transfer) for `outcome`, stamped now. */
export const reviewedColumns = <Status extends string>(outcome: ReviewOutcome<Status>) => ({
  status: outcome.status,
  reviewReason: outcome.reason,
  reviewedBy: outcome.reviewedBy,
  reviewedAt: new Date(),
});

/** Records a registration review: status, time, the reason (kept only for a rejection) and a version bump. */
export async function setProfessionalReview(tx: Tx, accountId: string, review: { status: "APPROVED" | "REJECTED"; reason: string | null }): Promise<void> {
  await tx.professional.update({
    where: { accountId },
    data: { status: review.status, reviewedAt: new Date(), reviewReason: review.reason, version: { increment: 1 } },
  });
}
