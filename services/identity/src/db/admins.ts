import { type AdminCandidate, type AdminOptions, AdminRow, type ListAdminsInput, type Page } from "@ce/contracts";
import { containsFilter, paginate, quoteIdent } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import type { Db, Tx } from "./client.ts";

const adminTable = Prisma.raw(`${quoteIdent(SCHEMA)}.admin`);

const rowSelect = {
  id: true,
  accountId: true,
  isSuper: true,
  status: true,
  account: { select: { name: true, idNumberMasked: true, phoneMasked: true, email: true } },
  department: { select: { name: true } },
  roles: { select: { role: { select: { id: true, name: true } } } },
} as const;

export async function listAdmins(db: Db, unitId: string, input: ListAdminsInput): Promise<Page<AdminRow>> {
  const where = { unitId, ...(input.name ? { account: { name: containsFilter(input.name) } } : {}) };
  const { items: rows, ...served } = await paginate(
    input,
    () => db.admin.count({ where }),
    ({ limit, offset }) =>
      db.admin.findMany({ where, select: rowSelect, orderBy: [{ isSuper: "desc" }, { createdAt: "asc" }, { id: "asc" }], skip: offset, take: limit }),
  );
  const items = rows.map((r) =>
    AdminRow.parse({
      id: r.id,
      accountId: r.accountId,
      name: r.account.name,
      idNumberMasked: r.account.idNumberMasked,
      phoneMasked: r.account.phoneMasked,
      email: r.account.email,
      departmentName: r.department?.name ?? null,
      roles: r.roles.map((x) => x.role).sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
      status: r.status,
      isSuper: r.isSuper,
    }),
  );
  return { ...served, items };
}

export async function adminOptions(db: Db, unitId: string): Promise<AdminOptions> {
  const [departments, roles] = await Promise.all([
    db.department.findMany({ where: { unitId, status: "ACTIVE" }, select: { id: true, name: true }, orderBy: [{ path: "asc" }] }),
    db.role.findMany({ where: { unitId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { departments, roles };
}

/** Approved professionals of the unit who hold no admin rights anywhere, by part of the name. */
export async function adminCandidates(db: Db, unitId: string, request: { q: string; page: number; pageSize: number }): Promise<Page<AdminCandidate>> {
  const where = { unitId, status: "APPROVED", account: { admin: null, status: "ACTIVE", ...(request.q ? { name: containsFilter(request.q) } : {}) } };
  const { items: rows, ...served } = await paginate(
    request,
    () => db.professional.count({ where }),
    ({ limit, offset }) =>
      db.professional.findMany({
        where,
        select: { accountId: true, account: { select: { name: true, idNumberMasked: true } }, department: { select: { name: true } } },
        orderBy: [{ account: { name: "asc" } }, { accountId: "asc" }],
        skip: offset,
        take: limit,
      }),
  );
  const items = rows.map((r) => ({
    accountId: r.accountId,
    name: r.account.name,
    idNumberMasked: r.account.idNumberMasked,
    departmentName: r.department?.name ?? null,
  }));
  return { ...served, items };
}

/** Whether the department is an ACTIVE department of the unit. */
export async function activeDepartmentOf(tx: Tx, unitId: string, departmentId: string): Promise<boolean> {
  return (await tx.department.findFirst({ where: { id: departmentId, unitId, status: "ACTIVE" }, select: { id: true } })) !== null;
}

/** How many of `roleIds` (distinct) are roles of the unit. */
export function countUnitRoles(tx: Tx, unitId: string, roleIds: readonly string[]): Promise<number> {
  return tx.role.count({ where: { id: { in: [...roleIds] }, unitId } });
}

/** Locks an admin of the unit and returns what the admin rules look at, or null when the unit has no such admin. */
export async function lockAdminRow(tx: Tx, unitId: string, adminId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM ${adminTable} WHERE id = ${adminId}::uuid AND unit_id = ${unitId}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  return tx.admin.findUniqueOrThrow({
    where: { id: adminId },
    select: { id: true, accountId: true, isSuper: true, status: true, account: { select: { name: true } } },
  });
}

/** Locks the unit's super admin row; null when the unit has none. */
export async function lockSuperAdmin(tx: Tx, unitId: string): Promise<{ id: string; accountId: string } | null> {
  const rows = await tx.$queryRaw<{ id: string; account_id: string }[]>`
    SELECT id, account_id FROM ${adminTable} WHERE unit_id = ${unitId}::uuid AND is_super FOR UPDATE`;
  return rows[0] ? { id: rows[0].id, accountId: rows[0].account_id } : null;
}

/**
 * Hands the super flag from one admin row to another: the former row goes first, because the
 * partial unique index allows one super admin per unit.
 */
export async function moveSuperFlag(tx: Tx, formerAdminId: string, newAdminId: string): Promise<void> {
  await tx.admin.delete({ where: { id: formerAdminId } });
  await tx.admin.update({ where: { id: newAdminId }, data: { isSuper: true } });
}

/** Sets an admin's status. */
export async function updateAdminStatus(tx: Tx, adminId: string, status: "ACTIVE" | "DISABLED"): Promise<void> {
  await tx.admin.update({ where: { id: adminId }, data: { status } });
}

/** Deletes an admin row (the admin rights only; the account stays). */
export async function deleteAdmin(tx: Tx, adminId: string): Promise<void> {
  await tx.admin.delete({ where: { id: adminId } });
}

/** The union of the modules of some roles (codes). */
export async function permissionsOfRoles(tx: Tx, roleIds: readonly string[]): Promise<string[]> {
  if (roleIds.length === 0) return [];
  return (await tx.role.findMany({ where: { id: { in: [...roleIds] } }, select: { permissions: true } })).flatMap((r) => r.permissions);
}

/** The admin's current roles: ids, names and modules. */
export function adminRoles(tx: Tx, adminId: string) {
  return tx.adminRole.findMany({ where: { adminId }, select: { roleId: true, role: { select: { name: true, permissions: true } } } });
}

/** Replaces the admin's roles with `roleIds` (duplicates ignored); returns the new roles' names, sorted. */
export async function replaceAdminRoles(tx: Tx, adminId: string, roleIds: readonly string[]): Promise<string[]> {
  await tx.adminRole.deleteMany({ where: { adminId } });
  const unique = [...new Set(roleIds)];
  if (unique.length > 0) await tx.adminRole.createMany({ data: unique.map((roleId) => ({ adminId, roleId })) });
  const after = await tx.role.findMany({ where: { id: { in: unique } }, select: { name: true }, orderBy: { name: "asc" } });
  return after.map((r) => r.name);
}
