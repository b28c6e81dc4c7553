import { randomUUID } from "node:crypto";
import {
  DomainError,
  MyProfile,
  type Page,
  ProfileChangeDetail,
  type ProfileChangeField,
  ProfileChangeRow,
  profileChangeFields,
  type RequestProfileChangeInput,
  type ReviewDecisionResult,
} from "@ce/contracts";
import { dbValue, type EventMeta, likeContains, likePrefix, paginate, quoteIdent } from "@ce/service-kit";
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import { diffProfile, displayValue, type StoredChanges } from "../domain/profile-changes.ts";
import { reviewBatch } from "../domain/reviews.ts";
import { publishProfessional } from "../events/professionals.ts";
import type { Pii } from "../security/pii.ts";
import { type AuditActor, recordAudit } from "./audit.ts";
import type { Db, Tx } from "./client.ts";
import { isUniqueViolation } from "./errors.ts";
import type { Decision, ReviewScope } from "./reviews.ts";

const t = (name: string) => Prisma.raw(`${quoteIdent(SCHEMA)}.${name}`);
const PENDING_EXISTS = "您有一条人员信息修改正在审核中，请等待审核后再提交";

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

/** The signed-in professional's own profile (masked) and the departments they may pick. */
export async function myProfile(db: Db, accountId: string): Promise<MyProfile> {
  const p = await db.professional.findUnique({
    where: { accountId },
    include: { account: true, unit: { select: { name: true } }, department: { select: { name: true } } },
  });
  if (!p) throw new DomainError("FORBIDDEN", "当前账户不是专业技术人员");
  const [pending, departments] = await Promise.all([
    db.profileChangeRequest.count({ where: { accountId, status: "PENDING" } }),
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
    education: p.education,
    titleSeries: p.titleSeries,
    titleLevel: p.titleLevel,
    qualification: p.qualification,
    major: p.major,
    certificateNo: p.certificateNo,
    status: p.status,
    pendingChange: pending > 0,
    departments,
  });
}

/** 人员信息修改: stores the fields that differ as one request for the unit's admins to review. */
export async function requestProfileChange(
  tx: Tx,
  pii: Pii,
  actor: AuditActor,
  accountId: string,
  input: z.output<typeof RequestProfileChangeInput>,
): Promise<{ id: string }> {
  const p = await tx.professional.findUnique({ where: { accountId }, include: { account: true } });
  if (p?.status !== "APPROVED") throw new DomainError("FORBIDDEN", "只有审核通过的专业技术人员可以修改信息");
  if (input.departmentId && !(await tx.department.findFirst({ where: { id: input.departmentId, unitId: p.unitId, status: "ACTIVE" }, select: { id: true } }))) {
    throw new DomainError("BAD_REQUEST", "请选择所在单位的工作部门", "departmentId");
  }
  const current = {
    name: p.account.name,
    phone: null,
    phoneMasked: p.account.phoneMasked,
    email: p.account.email,
    departmentId: p.departmentId,
    education: p.education,
    titleSeries: p.titleSeries,
    titleLevel: p.titleLevel,
    qualification: p.qualification,
    major: p.major,
    certificateNo: p.certificateNo,
  };
  const changes = diffProfile(current, input, (plain) => pii.encrypt(plain));
  const id = randomUUID();
  try {
    await tx.profileChangeRequest.create({ data: { id, accountId, unitId: p.unitId, changes: changes as Prisma.InputJsonValue, status: "PENDING" } });
  } catch (e) {
    if (isUniqueViolation(e, "profile_change_request_one_pending")) throw new DomainError("CONFLICT", PENDING_EXISTS);
    throw e;
  }
  await recordAudit(tx, actor, {
    action: "profileChange.request",
    entityType: "profileChangeRequest",
    entityId: id,
    unitId: p.unitId,
    after: { fields: Object.keys(changes) },
  });
  return { id };
}

function changesWhere(scope: ReviewScope, filter: { name?: string | undefined; status?: string }) {
  const conditions = [Prisma.sql`u.path LIKE ${likePrefix(scope.scopePath)}`];
  if (filter.status) conditions.push(Prisma.sql`r.status = ${filter.status}`);
  if (filter.name) conditions.push(Prisma.sql`a.name ILIKE ${likeContains(filter.name)}`);
  return Prisma.join(conditions, " AND ");
}
const changesFrom = Prisma.sql`${t("profile_change_request")} r JOIN ${t("account")} a ON a.id = r.account_id JOIN ${t("unit")} u ON u.id = r.unit_id`;

/** 审核人员信息修改: pending requests of people in units of the caller's subtree. */
export async function listProfileChanges(
  db: Db,
  scope: ReviewScope,
  input: { page: number; pageSize: number; name?: string | undefined },
): Promise<Page<ProfileChangeRow>> {
  const where = changesWhere(scope, { name: input.name, status: "PENDING" });
  const { items: rows, ...served } = await paginate(
    input,
    async () => (await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM ${changesFrom} WHERE ${where}`)[0]?.total ?? 0,
    ({ limit, offset }) =>
      db.$queryRaw<{ id: string; accountId: string; name: string; idNumberMasked: string; unitName: string; changes: unknown; createdAt: Date }[]>`
      SELECT r.id::text AS id, r.account_id::text AS "accountId", a.name, a.id_number_masked AS "idNumberMasked", u.name AS "unitName", r.changes, r.created_at AS "createdAt"
      FROM ${changesFrom} WHERE ${where} ORDER BY r.created_at, r.id
      LIMIT ${limit} OFFSET ${offset}`,
  );
  const items = rows.map(({ changes, ...r }) => ProfileChangeRow.parse({ ...r, fields: fieldsOf(storedChanges(changes)).map((f) => profileChangeFields[f]) }));
  return { ...served, items };
}

/** 查看变更明细: every changed field, old → new; department ids read as names. */
export async function profileChangeDetail(db: Db, scope: ReviewScope, id: string): Promise<ProfileChangeDetail> {
  const rows = await db.$queryRaw<{ id: string; name: string; idNumberMasked: string; unitName: string; status: string; changes: unknown; createdAt: Date }[]>`
    SELECT r.id::text AS id, a.name, a.id_number_masked AS "idNumberMasked", u.name AS "unitName", r.status, r.changes, r.created_at AS "createdAt"
    FROM ${changesFrom} WHERE ${changesWhere(scope, {})} AND r.id = ${id}::uuid`;
  const found = rows[0];
  if (!found) throw new DomainError("NOT_FOUND", "变更申请不存在或不在本单位管辖范围内");
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

/** 通过 applies every requested field (professional.updated); 驳回 keeps the profile as it is. */
export async function decideProfileChanges(tx: Tx, actor: AuditActor, scope: ReviewScope, decision: Decision, meta: EventMeta): Promise<ReviewDecisionResult> {
  const rows = await tx.$queryRaw<{ id: string; accountId: string; unitId: string; name: string; status: string; changes: unknown }[]>`
    SELECT r.id::text AS id, r.account_id::text AS "accountId", r.unit_id::text AS "unitId", a.name, r.status, r.changes
    FROM ${changesFrom} WHERE r.id = ANY(${decision.ids}::uuid[]) AND u.path LIKE ${likePrefix(scope.scopePath)}
    ORDER BY r.id FOR UPDATE OF r`;
  const { pending, alreadyDecided } = reviewBatch(decision.ids, rows);
  const status = decision.approve ? "APPROVED" : "REJECTED";
  for (const found of pending) {
    const row = { ...found, changes: storedChanges(found.changes) };
    await tx.profileChangeRequest.update({
      where: { id: row.id },
      data: { status, reviewReason: decision.reason ?? null, reviewedBy: actor.accountId, reviewedAt: new Date() },
    });
    if (decision.approve) await applyChanges(tx, row.accountId, row.changes);
    await recordAudit(tx, actor, {
      action: decision.approve ? "profileChange.approve" : "profileChange.reject",
      entityType: "profileChangeRequest",
      entityId: row.id,
      unitId: row.unitId,
      before: { status: row.status, ...Object.fromEntries(Object.entries(row.changes).map(([f, c]) => [f, c?.old ?? null])) },
      after: {
        status,
        reason: decision.reason ?? null,
        ...(decision.approve ? Object.fromEntries(Object.entries(row.changes).map(([f, c]) => [f, c?.new ?? null])) : {}),
      },
    });
    if (decision.approve) await publishProfessional(tx, "professionalUpdated", row.accountId, meta);
  }
  return { decided: pending.length, alreadyDecided };
}

async function applyChanges(tx: Tx, accountId: string, changes: StoredChanges): Promise<void> {
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
