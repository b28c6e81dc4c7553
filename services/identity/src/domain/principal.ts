import { type CallerUnit, callerUnit, DomainError, type Permission, permissionsOfUnitKind, type UnitKind, type UserType } from "@ce/contracts";

/**
 * Who an account may act as after a correct password, given the user type chosen on the login
 * page, and with which permissions. Pure: the caller loads the records.
 */
export interface AdminGrant {
  status: string;
  isSuper: boolean;
  unit: { id: string; name: string; kind: string; status: string; path: string };
  /** The reason the unit's registration was 不通过 (status REJECTED; null otherwise or when none was given). */
  rejectionReason?: string | null;
  rolePermissions: readonly (readonly string[])[];
}

export interface ProfessionalGrant {
  status: string;
  unit: { id: string; name: string };
  /** The 驳回原因 of a REJECTED registration (null otherwise). */
  reviewReason?: string | null;
}

/** What a session grants: written into the Principal (with the unit facts pages and services read from it). */
export interface Grant extends CallerUnit {
  userType: UserType;
  unitId: string | null;
  unitName: string | null;
  scopePath: string | null;
  isSuperAdmin: boolean;
  permissions: Permission[];
  /** Someone else set the password (重置密码, an admin-registered account): only 修改密码 until it is changed. */
  mustChangePassword: boolean;
}

export const loginMessages = {
  wrongCredentials: "证件号或密码错误",
  accountDisabled: "账户已被禁用，请联系单位管理员",
  notAnAdmin: "该账户不是所选用户类型的管理员，请选择正确的用户类型",
  adminDisabled: "管理员权限已被禁用，请联系单位超级管理员",
  unitNotApproved: "所在单位尚未审核通过，暂不能登录",
  notAProfessional: "该账户未注册为专业技术人员，请选择正确的用户类型",
  professionalPending: "注册信息正在审核中，审核通过后方可登录",
  grantChanged: "账户权限刚刚发生变更，请重新登录",
} as const;

/**
 * The sign-in answer to an account whose own registration (专业技术人员注册 驳回, 用人单位注册 不通过)
 * was rejected: the reviewer's reason and the way out (a new registration with the same 证件号
 * replaces the rejected one: use-cases/registration/register.ts). Shown only after the password matched.
 */
export function registrationRejectedMessage(reason: string | null | undefined): string {
  const why = reason?.trim();
  return why ? `您的注册申请未通过：${why}，请修改信息后重新注册` : "您的注册申请未通过，请修改信息后重新注册";
}

/**
 * An admin's modules, in menu order: a super admin every module its unit's kind uses, another admin
 * the union of its roles' modules cut to those (permissionsOfUnitKind: an employer's role holding
 * 成果备案 gives nothing, so no menu item is ever always empty).
 */
export function resolvePermissions(isSuper: boolean, rolePermissions: readonly (readonly string[])[], unitKind: UnitKind): Permission[] {
  const usable = permissionsOfUnitKind(unitKind);
  if (isSuper) return usable;
  const granted = new Set(rolePermissions.flat());
  return usable.filter((p) => granted.has(p));
}

export function grantFor(
  userType: UserType,
  account: { status: string; mustChangePassword?: boolean; admin: AdminGrant | null; professional: ProfessionalGrant | null },
): Grant {
  const mustChangePassword = account.mustChangePassword ?? false;
  if (account.status !== "ACTIVE") throw new DomainError("FORBIDDEN", loginMessages.accountDisabled);
  if (userType === "PROFESSIONAL") {
    const p = account.professional;
    if (!p) throw new DomainError("FORBIDDEN", loginMessages.notAProfessional, "userType");
    if (p.status === "PENDING") throw new DomainError("FORBIDDEN", loginMessages.professionalPending);
    if (p.status !== "APPROVED") throw new DomainError("FORBIDDEN", registrationRejectedMessage(p.reviewReason));
    return {
      userType,
      unitId: p.unit.id,
      unitName: p.unit.name,
      scopePath: null,
      ...callerUnit(null),
      isSuperAdmin: false,
      permissions: [],
      mustChangePassword,
    };
  }
  const a = account.admin;
  if (!a || a.unit.kind !== (userType satisfies UnitKind)) throw new DomainError("FORBIDDEN", loginMessages.notAnAdmin, "userType");
  if (a.status !== "ACTIVE") throw new DomainError("FORBIDDEN", loginMessages.adminDisabled);
  // The applicant of a 不通过 用人单位注册 is its super admin: told why and how to register again.
  if (a.unit.status === "REJECTED" && a.isSuper) throw new DomainError("FORBIDDEN", registrationRejectedMessage(a.rejectionReason));
  if (a.unit.status !== "APPROVED") throw new DomainError("FORBIDDEN", loginMessages.unitNotApproved);
  return {
    userType,
    unitId: a.unit.id,
    unitName: a.unit.name,
    scopePath: a.unit.path,
    // Decided here, once per session: the kind matched the user type above.
    ...callerUnit({ kind: userType, path: a.unit.path }),
    isSuperAdmin: a.isSuper,
    permissions: resolvePermissions(a.isSuper, a.rolePermissions, a.unit.kind),
    mustChangePassword,
  };
}

/** Whether an account can act as the user type at all (ignoring review status): for password resets. */
export function holdsUserType(userType: UserType, account: { admin: AdminGrant | null; professional: ProfessionalGrant | null }): boolean {
  return userType === "PROFESSIONAL" ? account.professional !== null : account.admin?.unit.kind === userType;
}
