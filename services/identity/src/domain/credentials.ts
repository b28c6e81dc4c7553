import { DomainError } from "@ce/contracts";

/** The admin who would set, reset or end someone else's credentials (password, sessions, reset links). */
export interface CredentialController {
  accountId: string;
  /** The caller's own unit and its materialised path ("/<root>/…/<own>/"). */
  unitId: string;
  unitPath: string;
  /** Super admin of that unit. */
  isSuper: boolean;
}

/** Everything one account holds: at most one admin grant (any status) and at most one professional record. */
export interface CredentialHoldings {
  accountId: string;
  adminGrant: { unitId: string; unitPath: string } | null;
  professional: { unitId: string; unitPath: string } | null;
}

export const credentialMessages = {
  refused: "该账户在本单位管辖范围之外或在本单位及上级单位担任管理员，不能重置其密码或更改其登录信息",
} as const;

/**
 * Whether `caller` may control the credentials of the account holding `target` (issue 8, the
 * 重置密码 takeover; docs/security.md › Credential control). One rule for every path that resets a
 * password, ends sessions or reset links, or changes the reset channels of another account:
 * - never one's own account through an admin path (the own password changes only with the old one);
 * - an account holding nothing is nobody's to control;
 * - every admin grant and every professional record of the account lies in the caller's subtree;
 * - an admin grant of the caller's own unit only for that unit's super admin (managing their own
 *   admins) — an admin is never over a fellow admin or anyone at a higher unit.
 * Pure; returns a boolean.
 */
export function mayControlCredentials(caller: CredentialController, target: CredentialHoldings): boolean {
  if (target.accountId === caller.accountId) return false;
  if (!target.adminGrant && !target.professional) return false;
  const inSubtree = (path: string) => path.startsWith(caller.unitPath);
  if (target.professional && !inSubtree(target.professional.unitPath)) return false;
  if (target.adminGrant) {
    if (!inSubtree(target.adminGrant.unitPath)) return false;
    if (target.adminGrant.unitId === caller.unitId && !caller.isSuper) return false;
  }
  return true;
}

/**
 * mayControlCredentials or DomainError FORBIDDEN (credentialMessages.refused, on `field` when
 * given — the form control naming the account).
 */
export function assertMayControlCredentials(caller: CredentialController, target: CredentialHoldings, field?: string): void {
  if (!mayControlCredentials(caller, target)) throw new DomainError("FORBIDDEN", credentialMessages.refused, field);
}
