import { DomainError, isSubordinateOf, type SubordinateAdminRow, UnitDetail } from "@ce/contracts";
import { type EventMeta, quoteIdent } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import { updateUnit } from "../use-cases/units/write.ts";
import { type AuditActor, recordAudit } from "./audit.ts";
import type { Db, Tx } from "./client.ts";

const adminTable = Prisma.raw(`${quoteIdent(SCHEMA)}.admin`);
const unitTable = Prisma.raw(`${quoteIdent(SCHEMA)}.unit`);

export const subordinateMessages = {
  notFound: "下级单位不存在",
  hasSubordinates: "该单位还有下级单位，请先处理其下级单位",
  hasPeople: "该单位还有专业技术人员（含待审核），不能删除",
  hasRequests: "该单位还有待审核的申请，请处理后再删除",
  superAdmin: "不能删除该单位的超级管理员",
  adminNotFound: "管理员不存在",
} as const;

/** A unit strictly below the caller's; anything else is NOT_FOUND (its existence is not revealed). */
export async function findSubordinate(db: Db | Tx, scopePath: string, unitId: string) {
  const unit = await db.unit.findUnique({ where: { id: unitId }, include: { superior: { select: { name: true } } } });
  if (!unit || !isSubordinateOf(scopePath, unit.path) || unit.status === "DISABLED") throw new DomainError("NOT_FOUND", subordinateMessages.notFound, "unitId");
  return unit;
}

export async function subordinateDetail(db: Db, scopePath: string, unitId: string): Promise<UnitDetail> {
  const u = await findSubordinate(db, scopePath, unitId);
  const [adminCount, professionalCount] = await Promise.all([
    db.admin.count({ where: { unitId } }),
    db.professional.count({ where: { unitId, status: "APPROVED" } }),
  ]);
  return UnitDetail.parse({
    id: u.id,
    name: u.name,
    kind: u.kind,
    nature: u.nature,
    industry: u.industry,
    region: u.region,
    code: u.code,
    codeCheckMismatch: u.creditCodeCheckMismatch,
    superiorId: u.superiorId,
    superiorName: u.superior?.name ?? null,
    status: u.status,
    trainingLevel: u.trainingLevel,
    path: u.path,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    adminCount,
    professionalCount,
  });
}

export async function subordinateAdmins(db: Db, scopePath: string, unitId: string): Promise<SubordinateAdminRow[]> {
  await findSubordinate(db, scopePath, unitId);
  const rows = await db.admin.findMany({
    where: { unitId },
    select: { id: true, isSuper: true, account: { select: { name: true, idNumberMasked: true, phoneMasked: true, email: true } } },
    orderBy: [{ isSuper: "desc" }, { createdAt: "asc" }],
  });
  return rows.map((r) => ({
    adminId: r.id,
    name: r.account.name,
    idNumberMasked: r.account.idNumberMasked,
    phoneMasked: r.account.phoneMasked,
    email: r.account.email,
    isSuper: r.isSuper,
  }));
}

/** 删除 on 管理员信息: takes the admin rights (not the account) of a subordinate unit's admin. */
export async function removeSubordinateAdmin(tx: Tx, actor: AuditActor, scopePath: string, unitId: string, adminId: string): Promise<{ accountId: string }> {
  await findSubordinate(tx, scopePath, unitId);
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM ${adminTable} WHERE id = ${adminId}::uuid AND unit_id = ${unitId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new DomainError("NOT_FOUND", subordinateMessages.adminNotFound, "adminId");
  const admin = await tx.admin.findUniqueOrThrow({ where: { id: adminId }, select: { accountId: true, isSuper: true, account: { select: { name: true } } } });
  if (admin.isSuper) throw new DomainError("CONFLICT", subordinateMessages.superAdmin);
  await tx.admin.delete({ where: { id: adminId } });
  await recordAudit(tx, actor, { action: "admin.remove", entityType: "admin", entityId: adminId, unitId, before: { name: admin.account.name }, after: null });
  return { accountId: admin.accountId };
}

/**
 * Deletes a subordinate unit (status DISABLED, announced as unit.updated) when nothing hangs on
 * it: no subordinate, no professional, no pending request. Returns its admins' accounts to sign out.
 */
export async function deleteSubordinate(tx: Tx, actor: AuditActor, scopePath: string, unitId: string, meta: EventMeta): Promise<{ accountIds: string[] }> {
  const unit = await findSubordinate(tx, scopePath, unitId);
  await tx.$queryRaw`SELECT id FROM ${unitTable} WHERE id = ${unitId}::uuid FOR UPDATE`;
  if ((await tx.unit.count({ where: { superiorId: unitId, status: { not: "DISABLED" } } })) > 0)
    throw new DomainError("CONFLICT", subordinateMessages.hasSubordinates);
  if ((await tx.professional.count({ where: { unitId } })) > 0) throw new DomainError("CONFLICT", subordinateMessages.hasPeople);
  const pending = await tx.unitChangeRequest.count({
    where: { status: "PENDING", OR: [{ unitId }, { approvals: { some: { approverUnitId: unitId, status: "PENDING" } } }] },
  });
  if (pending > 0) throw new DomainError("CONFLICT", subordinateMessages.hasRequests);
  await updateUnit(tx, unitId, { status: "DISABLED" }, meta);
  await recordAudit(tx, actor, {
    action: "unit.delete",
    entityType: "unit",
    entityId: unitId,
    unitId: unit.superiorId,
    before: { name: unit.name, status: unit.status },
    after: { name: unit.name, status: "DISABLED" },
  });
  const admins = await tx.admin.findMany({ where: { unitId }, select: { accountId: true } });
  return { accountIds: admins.map((a) => a.accountId) };
}
