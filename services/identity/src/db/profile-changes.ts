import { randomUUID } from "node:crypto";
import { MyProfile, type Page, ProfileChangeDetail, type ProfileChangeField, ProfileChangeRow, profileChangeFields, profileOf } from "@ce/contracts";
import { dbValue, likePrefix, quoteIdent } from "@ce/service-kit";
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import { displayValue, type StoredChanges } from "../domain/profile-changes.ts";
import type { Db, Tx } from "./client.ts";
import { takenIndex } from "./errors.ts";
import { pendingPeoplePage, peopleInScopeWhere, type ReviewOutcome, type ReviewScope, reviewedColumns } from "./reviews.ts";

const t = (name: string) => Prisma.raw(`${quoteIdent(SCHEMA)}.${name}`);

const ProfileChangeFieldCode = z.enum(Object.keys(profileChangeFields) as [ProfileChangeField, ...ProfileChangeField[]]);
// What profile_change_request.changes holds (see diffProfile): per field, the shown old and new values
// and, for a phone, the new value encrypted.
const StoredChangesSchema = z.partialRecord(
  ProfileChangeFieldCode,
  z.object({ old: z.string().nullable(), new: z.string().nullable(), newEnc: z.string().optional() }),
);

/** The JSON `changes` column, parsed at the repository boundary (DbValueError if it is not StoredChanges). */
const storedChanges = (changes: unknown): StoredChanges => dbValue(StoredChangesSchema, changes, "identity.profile_change_request.changes");

/** The changed fields, in the form's order. */
const fieldsOf = (changes: StoredChanges) => ProfileChangeFieldCode.options.filter((f) => changes[f]);

/** A professional's own profile (masked), their latest change request's outcome and the departments they may pick; null for an account that is no professional. */
export async function myProfile(db: Db, accountId: string): Promise<MyProfile | null> {
  const p = await db.professional.findUnique({
    where: { accountId },
    include: { account: true, unit: { select: { name: true } }, department: { select: { name: true } } },
  });
  if (!p) return null;
  const [pending, last, departments] = await Promise.all([
    db.profileChangeRequest.count({ where: { accountId, status: "PENDING" } }),
    db.profileChangeRequest.findFirst({
      where: { accountId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { status: true, reviewReason: true, createdAt: true, reviewedAt: true },
    }),
    db.department.findMany({
      where: { unitId: p.unitId, status: "ACTIVE" },
      select: { id: true, name: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    }),
  ]);
  return MyProfile.parse({
    accountId,
    name: p.account.name,
    idType: p.account.idType,
    idNumberMasked: p.account.idNumberMasked,
    phoneMasked: p.account.phoneMasked,
    email: p.account.email,
    unitId: p.unitId,
    unitName: p.unit.name,
    departmentId: p.departmentId,
    departmentName: p.department?.name ?? null,
    ...profileOf(p),
    status: p.status,
    pendingChange: pending > 0,
    lastChange: last && { status: last.status, reason: last.reviewReason, createdAt: last.createdAt, reviewedAt: last.reviewedAt },
    departments,
  });
}

/** A professional with their account, for a change request; null when the account is no professional. */
export function professionalWithAccount(tx: Tx, accountId: string) {
  return tx.professional.findUnique({ where: { accountId }, include: { account: true } });
}

/** Inserts a PENDING change request; null when the person already has one pending (profile_change_request_one_pending). */
export async function insertProfileChange(tx: Tx, data: { accountId: string; unitId: string; changes: StoredChanges }): Promise<string | null> {
  const id = randomUUID();
  const write = () => tx.profileChangeRequest.create({ data: { id, ...data, changes: data.changes as Prisma.InputJsonValue, status: "PENDING" } });
  return (await takenIndex(write, "profile_change_request_one_pending")) ? null : id;
}

const changesFrom = Prisma.sql`${t("profile_change_request")} r JOIN ${t("account")} a ON a.id = r.account_id JOIN ${t("unit")} u ON u.id = r.unit_id`;

/** 审核人员信息修改: pending requests of people in units of the caller's subtree. */
export async function listProfileChanges(
  db: Db,
  scope: ReviewScope,
  input: { page: number; pageSize: number; name?: string | undefined },
): Promise<Page<ProfileChangeRow>> {
  const { items: rows, ...served } = await pendingPeoplePage<{ changes: unknown } & Record<string, unknown>>(db, scope, input, {
    row: "r",
    columns: Prisma.sql`r.id::text AS id, r.account_id::text AS "accountId", a.name, a.id_number_masked AS "idNumberMasked", u.name AS "unitName", r.changes, r.created_at AS "createdAt"`,
    from: changesFrom,
    orderBy: Prisma.sql`r.created_at, r.id`,
  });
  const items = rows.map(({ changes, ...r }) => ProfileChangeRow.parse({ ...r, fields: fieldsOf(storedChanges(changes)).map((f) => profileChangeFields[f]) }));
  return { ...served, items };
}

/** 查看变更明细: the applicant (masked) and every changed field, old → new; department ids read as names. Null when not in scope. */
export async function profileChangeDetail(db: Db, scope: ReviewScope, id: string): Promise<ProfileChangeDetail | null> {
  const rows = await db.$queryRaw<({ changes: unknown } & Record<string, unknown>)[]>`
    SELECT r.id::text AS id, r.account_id::text AS "accountId", a.name, a.id_type AS "idType", a.id_number_masked AS "idNumberMasked",
      a.phone_masked AS "phoneMasked", a.email, u.name AS "unitName", r.status, r.changes, r.created_at AS "createdAt"
    FROM ${changesFrom} WHERE ${peopleInScopeWhere(scope, "r")} AND r.id = ${id}::uuid`;
  const found = rows[0];
  if (!found) return null;
  const row = { ...found, changes: storedChanges(found.changes) };
  const deptIds = [row.changes.departmentId?.old, row.changes.departmentId?.new].filter((v): v is string => typeof v === "string");
  const departments = new Map((await db.department.findMany({ where: { id: { in: deptIds } }, select: { id: true, name: true } })).map((d) => [d.id, d.name]));
  const items = fieldsOf(row.changes).map((f) => {
    const c = row.changes[f]!;
    const show = (v: string | null) => displayValue(f, v, (dept) => departments.get(dept));
    return { field: f, label: profileChangeFields[f], old: show(c.old), new: show(c.new) };
  });
  return ProfileChangeDetail.parse({ ...row, items });
}

/** Change requests in scope with one of `ids`, locked in id order, their `changes` parsed. */
export async function lockProfileChanges(tx: Tx, scope: ReviewScope, ids: string[]) {
  const rows = await tx.$queryRaw<{ id: string; accountId: string; unitId: string; name: string; status: string; changes: unknown }[]>`
    SELECT r.id::text AS id, r.account_id::text AS "accountId", r.unit_id::text AS "unitId", a.name, r.status, r.changes
    FROM ${changesFrom} WHERE r.id = ANY(${ids}::uuid[]) AND u.path LIKE ${likePrefix(scope.scopePath)}
    ORDER BY r.id FOR UPDATE OF r`;
  return rows.map((r) => ({ ...r, changes: storedChanges(r.changes) }));
}

/** Records the review of a change request. */
export async function markProfileChangeReviewed(tx: Tx, id: string, review: ReviewOutcome<"APPROVED" | "REJECTED">): Promise<void> {
  await tx.profileChangeRequest.update({ where: { id }, data: reviewedColumns(review) });
}

/** Writes every requested field's new value to the account and the professional (version bumped). */
export async function applyChanges(tx: Tx, accountId: string, changes: StoredChanges): Promise<void> {
  const value = (f: ProfileChangeField) => (changes[f] ? { [f]: changes[f]?.new ?? null } : {});
  const account = {
    ...(changes.name?.new ? { name: changes.name.new } : {}),
    ...value("email"),
    ...(changes.phone?.newEnc ? { phoneEnc: changes.phone.newEnc, phoneMasked: changes.phone.new } : {}),
  };
  if (Object.keys(account).length > 0) await tx.account.update({ where: { id: accountId }, data: account });
  await tx.professional.update({
    where: { accountId },
    data: {
      ...value("departmentId"),
      ...value("education"),
      ...value("titleSeries"),
      ...value("titleLevel"),
      ...value("qualification"),
      ...value("major"),
      ...value("certificateNo"),
      version: { increment: 1 },
    },
  });
}
