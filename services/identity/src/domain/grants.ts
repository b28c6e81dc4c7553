import { DomainError, type Permission, type Principal, permissionsOfUnitKind, type UnitKind } from "@ce/contracts";
import { permissionLabelOf } from "./permission-labels.ts";

/** Whoever gives permissions away: the signed-in admin as its session names it. */
export interface Granter {
  isSuper: boolean;
  permissions: readonly string[];
  /** The kind of the granter's unit: its admins can hold only the modules that kind uses. */
  unitKind: UnitKind | null;
}

/** The granter a signed-in session stands for. */
export const granterOf = (p: Pick<Principal, "isSuperAdmin" | "permissions" | "unitKind">): Granter => ({
  isSuper: p.isSuperAdmin,
  permissions: p.permissions,
  unitKind: p.unitKind,
});

/**
 * What `granter` may give to anyone, by any path (role create or edit, admin create, role
 * assignment, super-admin handover): the super admin every module its unit's kind uses
 * (permissionsOfUnitKind), any other admin exactly the modules it holds itself, cut to the same.
 * Returns a set of permission codes; raises nothing.
 */
export function grantablePermissions(granter: Granter): ReadonlySet<Permission> {
  const usable = new Set<Permission>(granter.unitKind ? permissionsOfUnitKind(granter.unitKind) : []);
  if (granter.isSuper) return usable;
  return new Set(granter.permissions.filter((p): p is Permission => usable.has(p as Permission)));
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
