import { type AdminCandidate, type AdminOptions, AdminRow, allPermissions, DomainError, type ListAdminsInput, type Page } from "@ce/contracts";
import { containsFilter, paginate, quoteIdent } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import { type AdminAction, type AdminState, adminMessages, checkAdminAction } from "../domain/admins.ts";
import { addedPermissions, assertCanGrant, type Granter } from "../domain/grants.ts";
import { type AuditActor, recordAudit } from "./audit.ts";
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
export async function adminCandidates(db: Db, unitId: string, q: string): Promise<AdminCandidate[]> {
  const rows = await db.professional.findMany({
    where: { unitId, status: "APPROVED", account: { admin: null, status: "ACTIVE", ...(q ? { name: containsFilter(q) } : {}) } },
    select: { accountId: true, account: { select: { name: true, idNumberMasked: true } }, department: { select: { name: true } } },
    orderBy: { account: { name: "asc" } },
    take: 20,
  });
  return rows.map((r) => ({
    accountId: r.accountId,
    name: r.account.name,
    idNumberMasked: r.account.idNumberMasked,
    departmentName: r.department?.name ?? null,
  }));
}

/** Checks that departments and roles named by a request belong to the unit (and are usable). */
export async function checkUnitRefs(tx: Tx, unitId: string, refs: { departmentId?: string | null | undefined; roleIds?: readonly string[] }): Promise<void> {
  if (refs.departmentId && !(await tx.department.findFirst({ where: { id: refs.departmentId, unitId, status: "ACTIVE" }, select: { id: true } }))) {
    throw new DomainError("BAD_REQUEST", adminMessages.badDepartment, "departmentId");
  }
  const roleIds = [...new Set(refs.roleIds ?? [])];
  if (roleIds.length > 0 && (await tx.role.count({ where: { id: { in: roleIds }, unitId } })) !== roleIds.length) {
    throw new DomainError("BAD_REQUEST", adminMessages.badRole, "roleIds");
  }
}

/** Locks an admin of the unit and checks the actor may take the action on it. */
export async function lockAdmin(tx: Tx, unitId: string, adminId: string, actor: { accountId: string; isSuper: boolean }, action: AdminAction) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM ${adminTable} WHERE id = ${adminId}::uuid AND unit_id = ${unitId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new DomainError("NOT_FOUND", adminMessages.notFound, "adminId");
  const target = await tx.admin.findUniqueOrThrow({
    where: { id: adminId },
    select: { id: true, accountId: true, isSuper: true, status: true, account: { select: { name: true } } },
  });
  checkAdminAction(actor, target satisfies AdminState, action);
  return target;
}

/**
 * 设为超级管理员: the target becomes super and the former super admin loses its admin rights
 * (guide: 变更后原超级管理员会被系统自动删除掉). The new super admin holds every module, so only
 * a granter who may give them all (the current super admin, checked against the row too) hands
 * over. Returns both accounts, whose sessions must end.
 */
export async function transferSuper(
  tx: Tx,
  actor: AuditActor & { accountId: string },
  granter: Granter,
  unitId: string,
  adminId: string,
): Promise<{ formerAccountId: string; newAccountId: string }> {
  const former = await tx.$queryRaw<
    { id: string; account_id: string }[]
  >`SELECT id, account_id FROM ${adminTable} WHERE unit_id = ${unitId}::uuid AND is_super FOR UPDATE`;
  const formerRow = former[0];
  if (!formerRow || formerRow.account_id !== actor.accountId) throw new DomainError("FORBIDDEN", adminMessages.onlySuper);
  assertCanGrant(granter, allPermissions, "adminId");
  const target = await lockAdmin(tx, unitId, adminId, { accountId: actor.accountId, isSuper: true }, "setSuper");
  // The former row goes first: the partial unique index allows one super admin per unit.
  await tx.admin.delete({ where: { id: formerRow.id } });
  await tx.admin.update({ where: { id: target.id }, data: { isSuper: true } });
  await recordAudit(tx, actor, {
    action: "admin.setSuper",
    entityType: "admin",
    entityId: target.id,
    unitId,
    before: { superAdmin: actor.name },
    after: { superAdmin: target.account.name },
  });
  await recordAudit(tx, actor, {
    action: "admin.remove",
    entityType: "admin",
    entityId: formerRow.id,
    unitId,
    before: { name: actor.name, isSuper: true },
    after: null,
  });
  return { formerAccountId: formerRow.account_id, newAccountId: target.accountId };
}

/** 禁用 / 启用 (super admin only). Returns the account whose sessions must end when disabled. */
export async function setAdminStatus(
  tx: Tx,
  actor: AuditActor & { accountId: string; isSuper: boolean },
  unitId: string,
  adminId: string,
  status: "ACTIVE" | "DISABLED",
) {
  const target = await lockAdmin(tx, unitId, adminId, actor, status === "DISABLED" ? "disable" : "enable");
  if (target.status !== status) {
    await tx.admin.update({ where: { id: adminId }, data: { status } });
    await recordAudit(tx, actor, {
      action: status === "DISABLED" ? "admin.disable" : "admin.enable",
      entityType: "admin",
      entityId: adminId,
      unitId,
      before: { name: target.account.name, status: target.status },
      after: { name: target.account.name, status },
    });
  }
  return { accountId: target.accountId };
}

/** 删除: removes the admin rights only; the account (and any professional record) stays. */
export async function removeAdmin(tx: Tx, actor: AuditActor & { accountId: string; isSuper: boolean }, unitId: string, adminId: string) {
  const target = await lockAdmin(tx, unitId, adminId, actor, "remove");
  await tx.admin.delete({ where: { id: adminId } });
  await recordAudit(tx, actor, {
    action: "admin.remove",
    entityType: "admin",
    entityId: adminId,
    unitId,
    before: { name: target.account.name, status: target.status },
    after: null,
  });
  return { accountId: target.accountId };
}

/** The union of the modules of some roles (codes). */
export async function permissionsOfRoles(tx: Tx, roleIds: readonly string[]): Promise<string[]> {
  if (roleIds.length === 0) return [];
  return (await tx.role.findMany({ where: { id: { in: [...roleIds] } }, select: { permissions: true } })).flatMap((r) => r.permissions);
}

/**
 * 分配角色: replaces the admin's roles. Modules the admin gains must be held by the granter.
 * Returns the admin's account, whose sessions must end so the change applies at once.
 */
export async function assignRoles(
  tx: Tx,
  actor: AuditActor & { accountId: string; isSuper: boolean },
  granter: Granter,
  unitId: string,
  adminId: string,
  roleIds: string[],
) {
  const target = await lockAdmin(tx, unitId, adminId, actor, "assignRoles");
  await checkUnitRefs(tx, unitId, { roleIds });
  const before = await tx.adminRole.findMany({ where: { adminId }, select: { role: { select: { name: true, permissions: true } } } });
  assertCanGrant(
    granter,
    addedPermissions(
      before.flatMap((r) => r.role.permissions),
      await permissionsOfRoles(tx, roleIds),
    ),
    "roleIds",
  );
  await tx.adminRole.deleteMany({ where: { adminId } });
  const unique = [...new Set(roleIds)];
  if (unique.length > 0) await tx.adminRole.createMany({ data: unique.map((roleId) => ({ adminId, roleId })) });
  const after = await tx.role.findMany({ where: { id: { in: unique } }, select: { name: true }, orderBy: { name: "asc" } });
  await recordAudit(tx, actor, {
    action: "admin.assignRoles",
    entityType: "admin",
    entityId: adminId,
    unitId,
    before: {
      name: target.account.name,
      roles: before
        .map((r) => r.role.name)
        .sort()
        .join("、"),
    },
    after: { name: target.account.name, roles: after.map((r) => r.name).join("、") },
  });
  return { accountId: target.accountId };
}

/** 重置密码 (super admin only): stores the new hash; the caller shows the password once and ends the sessions. */
export async function resetAdminPassword(
  tx: Tx,
  actor: AuditActor & { accountId: string; isSuper: boolean },
  unitId: string,
  adminId: string,
  passwordHash: string,
) {
  const target = await lockAdmin(tx, unitId, adminId, actor, "resetPassword");
  await tx.account.update({ where: { id: target.accountId }, data: { passwordHash, passwordChangedAt: new Date() } });
  await recordAudit(tx, actor, {
    action: "admin.resetPassword",
    entityType: "admin",
    entityId: adminId,
    unitId,
    before: { name: target.account.name },
    after: { name: target.account.name },
  });
  return { accountId: target.accountId };
}
