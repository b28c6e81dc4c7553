import { type ListRolesInput, type Page, Permission, RoleRow } from "@ce/contracts";
import { containsFilter, dbValue, paginate, quoteIdent } from "@ce/service-kit";
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import { permissionLabelOf } from "../domain/permission-labels.ts";
import type { Db, Tx } from "./client.ts";
import { takenIndex } from "./errors.ts";

const table = Prisma.raw(`${quoteIdent(SCHEMA)}.role`);
/** The modules' labels joined for the audit trail (stored codes parsed: an unknown code fails, by column). */
export const permissionLabels = (ps: readonly string[]) => dbValue(z.array(Permission), ps, "identity.role.permissions").map(permissionLabelOf).join("、");

/** 角色管理: one page of the unit's roles (unknown module codes left out) with how many admins hold each. */
export async function listRoles(db: Db, unitId: string, input: ListRolesInput): Promise<Page<RoleRow>> {
  const where = { unitId, ...(input.name ? { name: containsFilter(input.name) } : {}) };
  const { items: rows, ...served } = await paginate(
    input,
    () => db.role.count({ where }),
    ({ limit, offset }) =>
      db.role.findMany({
        where,
        select: { id: true, name: true, permissions: true, _count: { select: { admins: true } } },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        skip: offset,
        take: limit,
      }),
  );
  // A module dropped from contracts must not break the page: unknown codes are left out.
  const known = (ps: string[]) => ps.filter((p) => Permission.safeParse(p).success);
  return { ...served, items: rows.map((r) => RoleRow.parse({ id: r.id, name: r.name, permissions: known(r.permissions), adminCount: r._count.admins })) };
}

/** Runs an insert or update of a role; false when the unit already has a role of that name (role_unit_id_name_key). */
async function unlessNameTaken(write: () => Promise<unknown>): Promise<boolean> {
  return (await takenIndex(write, "role_unit_id_name_key")) === null;
}

/** Locks a role of the unit; null when the unit has no such role. */
export async function lockRole(tx: Tx, unitId: string, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM ${table} WHERE id = ${id}::uuid AND unit_id = ${unitId}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  return tx.role.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, permissions: true } });
}

/** Inserts a role; false when the name is taken in the unit. */
export function insertRole(tx: Tx, role: { id: string; unitId: string; name: string; permissions: string[] }): Promise<boolean> {
  return unlessNameTaken(() => tx.role.create({ data: role }));
}

/** Renames a role and replaces its modules; false when the name is taken in the unit. */
export function saveRole(tx: Tx, id: string, role: { name: string; permissions: string[] }): Promise<boolean> {
  return unlessNameTaken(() => tx.role.update({ where: { id }, data: role }));
}

/** The accounts of the admins holding a role. */
export async function roleHolders(tx: Tx, roleId: string): Promise<string[]> {
  return (await tx.adminRole.findMany({ where: { roleId }, select: { admin: { select: { accountId: true } } } })).map((r) => r.admin.accountId);
}

/** Deletes a role; its admin_role rows go with it (ON DELETE CASCADE). */
export async function removeRole(tx: Tx, id: string): Promise<void> {
  await tx.role.delete({ where: { id } });
}
