import { allPermissions, DomainError, Permission, type Principal } from "@ce/contracts";
import { permissionLabelOf } from "./permission-labels.ts";

/** Whoever gives permissions away: the signed-in admin as its session names it. */
export interface Granter {
  isSuper: boolean;
  permissions: readonly string[];
}

/** The granter a signed-in session stands for. */
export const granterOf = (p: Pick<Principal, "isSuperAdmin" | "permissions">): Granter => ({ isSuper: p.isSuperAdmin, permissions: p.permissions });

/**
 * What `granter` may give to anyone, by any path (role create or edit, admin create, role
 * assignment, super-admin handover): the super admin every module, any other admin exactly the
 * modules it holds itself. Returns a set of permission codes; raises nothing.
 */
export function grantablePermissions(granter: Granter): ReadonlySet<Permission> {
  if (granter.isSuper) return new Set(allPermissions);
  return new Set(granter.permissions.filter((p): p is Permission => Permission.safeParse(p).success));
}

/**
 * The permissions a change gives that the holder did not have: `after` minus `before` (codes;
 * unknown ones are kept so that they are refused). Keeping or removing what is there gives nothing.
 */
export function addedPermissions(before: readonly string[], after: readonly string[]): string[] {
  const had = new Set(before);
  return [...new Set(after)].filter((p) => !had.has(p));
}

/**
 * Nobody gives a permission they do not hold (ARCHITECTURE.md › Auth). Raises
 * DomainError(FORBIDDEN) naming the missing modules in Chinese on `field` (the form control that
 * chose them: `permissions` for a role, `roleIds` for an admin's roles, `adminId` for a handover).
 */
export function assertCanGrant(granter: Granter, permissions: readonly string[], field = "permissions"): void {
  const grantable = grantablePermissions(granter);
  const missing = [...new Set(permissions)].filter((p) => !grantable.has(p as Permission));
  if (missing.length === 0) return;
  const names = missing.map((p) => permissionLabelOf(p as Permission)).join("、");
  throw new DomainError("FORBIDDEN", `您没有以下权限，不能分配给他人：${names}`, field);
}
