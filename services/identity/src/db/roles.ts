import { randomUUID } from "node:crypto";
import { type CreateRoleInput, DomainError, type ListRolesInput, type Page, Permission, RoleRow, type UpdateRoleInput } from "@ce/contracts";
import { containsFilter, dbValue, paginate, quoteIdent } from "@ce/service-kit";
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import { addedPermissions, assertCanGrant, type Granter } from "../domain/grants.ts";
import { permissionLabelOf } from "../domain/permission-labels.ts";
import { roleMessages } from "../domain/roles.ts";
import { type AuditActor, recordAudit } from "./audit.ts";
import type { Db, Tx } from "./client.ts";
import { isUniqueViolation } from "./errors.ts";

const table = Prisma.raw(`${quoteIdent(SCHEMA)}.role`);
// Stored permission codes are parsed, not cast: a code no longer in the catalog fails here, by column.
const labels = (ps: readonly string[]) => dbValue(z.array(Permission), ps, "identity.role.permissions").map(permissionLabelOf).join("、");

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

async function withNameCheck<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e, "role_unit_id_name_key")) throw new DomainError("CONFLICT", roleMessages.nameTaken, "name");
    throw e;
  }
}

async function lockRole(tx: Tx, unitId: string, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM ${table} WHERE id = ${id}::uuid AND unit_id = ${unitId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new DomainError("NOT_FOUND", roleMessages.notFound, "id");
  return tx.role.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, permissions: true } });
}

/** 添加角色: the granter must hold every module it puts in the role. */
export async function createRole(tx: Tx, actor: AuditActor, granter: Granter, unitId: string, input: CreateRoleInput): Promise<{ id: string }> {
  const id = randomUUID();
  const permissions = [...new Set(input.permissions)];
  assertCanGrant(granter, permissions);
  await withNameCheck(() => tx.role.create({ data: { id, unitId, name: input.name, permissions } }));
  await recordAudit(tx, actor, {
    action: "role.create",
    entityType: "role",
    entityId: id,
    unitId,
    after: { name: input.name, permissions: labels(permissions) },
  });
  return { id };
}

/**
 * 编辑角色: modules added must be held by the granter (checked under the row lock, so two edits
 * cannot race past it). Returns the accounts holding the role, whose sessions must end.
 */
export async function updateRole(tx: Tx, actor: AuditActor, granter: Granter, unitId: string, input: UpdateRoleInput): Promise<{ holderAccountIds: string[] }> {
  const before = await lockRole(tx, unitId, input.id);
  const permissions = [...new Set(input.permissions)];
  assertCanGrant(granter, addedPermissions(before.permissions, permissions));
  await withNameCheck(() => tx.role.update({ where: { id: input.id }, data: { name: input.name, permissions } }));
  await recordAudit(tx, actor, {
    action: "role.update",
    entityType: "role",
    entityId: input.id,
    unitId,
    before: { name: before.name, permissions: labels(before.permissions) },
    after: { name: input.name, permissions: labels(permissions) },
  });
  return { holderAccountIds: await roleHolders(tx, input.id) };
}

async function roleHolders(tx: Tx, roleId: string): Promise<string[]> {
  return (await tx.adminRole.findMany({ where: { roleId }, select: { admin: { select: { accountId: true } } } })).map((r) => r.admin.accountId);
}

/** 删除角色 (after confirmation when in use). Returns the former holders' accounts, to sign out. */
export async function deleteRole(
  tx: Tx,
  actor: AuditActor,
  unitId: string,
  id: string,
  confirm: boolean,
): Promise<{ removedFrom: number; holderAccountIds: string[] }> {
  const before = await lockRole(tx, unitId, id);
  const holderAccountIds = await roleHolders(tx, id);
  const holders = holderAccountIds.length;
  if (holders > 0 && !confirm) throw new DomainError("CONFLICT", roleMessages.inUse(holders));
  // admin_role rows go with the role (ON DELETE CASCADE).
  await tx.role.delete({ where: { id } });
  await recordAudit(tx, actor, {
    action: "role.delete",
    entityType: "role",
    entityId: id,
    unitId,
    before: { name: before.name, permissions: labels(before.permissions), admins: holders },
    after: null,
  });
  return { removedFrom: holders, holderAccountIds };
}
