import { type SubordinateAdminRow, UnitDetail } from "@ce/contracts";
import { quoteIdent } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import type { UnitDependents } from "../domain/units.ts";
import type { Db, Tx } from "./client.ts";

const adminTable = Prisma.raw(`${quoteIdent(SCHEMA)}.admin`);

/** A unit with its superior's name, or null when no such unit exists. */
export function unitWithSuperior(db: Db | Tx, unitId: string) {
  return db.unit.findUnique({ where: { id: unitId }, include: { superior: { select: { name: true } } } });
}
export type UnitWithSuperior = NonNullable<Awaited<ReturnType<typeof unitWithSuperior>>>;

/** 详细 of a unit: its fields, its superior's name, and how many admins and approved professionals it has. */
export async function unitDetail(db: Db, u: UnitWithSuperior): Promise<UnitDetail> {
  const [adminCount, professionalCount] = await Promise.all([
    db.admin.count({ where: { unitId: u.id } }),
    db.professional.count({ where: { unitId: u.id, status: "APPROVED" } }),
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

/** 管理员信息 of a unit: its admins, the super admin first, then by when they were made; numbers masked. */
export async function unitAdminRows(db: Db, unitId: string): Promise<SubordinateAdminRow[]> {
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

/** An admin of `unitId`, its row locked until the transaction ends; null when the unit has no such admin. */
export async function lockUnitAdmin(tx: Tx, unitId: string, adminId: string): Promise<{ accountId: string; isSuper: boolean; name: string } | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM ${adminTable} WHERE id = ${adminId}::uuid AND unit_id = ${unitId}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  const admin = await tx.admin.findUniqueOrThrow({ where: { id: adminId }, select: { accountId: true, isSuper: true, account: { select: { name: true } } } });
  return { accountId: admin.accountId, isSuper: admin.isSuper, name: admin.account.name };
}

/** Takes an admin's rights (its account stays). */
export async function deleteAdmin(tx: Tx, adminId: string): Promise<void> {
  await tx.admin.delete({ where: { id: adminId } });
}

/** What still hangs on a unit (domain checkDeletable reads it). */
export async function unitDependents(tx: Tx, unitId: string): Promise<UnitDependents> {
  // One after another: a transaction's queries share its one connection.
  const subordinates = await tx.unit.count({ where: { superiorId: unitId, status: { not: "DISABLED" } } });
  const people = await tx.professional.count({ where: { unitId } });
  const pendingRequests = await tx.unitChangeRequest.count({
    where: { status: "PENDING", OR: [{ unitId }, { approvals: { some: { approverUnitId: unitId, status: "PENDING" } } }] },
  });
  return { subordinates, people, pendingRequests };
}

/** The accounts that hold admin rights in a unit. */
export async function unitAdminAccounts(tx: Tx, unitId: string): Promise<string[]> {
  return (await tx.admin.findMany({ where: { unitId }, select: { accountId: true } })).map((a) => a.accountId);
}
