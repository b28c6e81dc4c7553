import { randomInt } from "node:crypto";
import { DomainError } from "@ce/contracts";

/** The admin rights being acted on, and the admin who acts. */
export interface AdminState {
  id: string;
  accountId: string;
  isSuper: boolean;
  status: string;
}

export type AdminAction = "setSuper" | "resetPassword" | "disable" | "enable" | "remove" | "assignRoles";

export const adminMessages = {
  notFound: "管理员不存在",
  onlySuper: "只有超级管理员可以进行此操作",
  self: "不能对自己进行此操作",
  superTarget: "不能对超级管理员进行此操作，请先将超级管理员设给其他管理员",
  alreadySuper: "该管理员已是超级管理员",
  targetDisabled: "该管理员已被禁用，请先启用",
  alreadyAdmin: "该账户已是管理员",
  registered: "该证件号已注册，请使用“添加成为管理员(已是本系统用户)”",
  notRegistered: "该证件号尚未注册，请使用“注册成为管理员(非本系统用户)”",
  wrongPassword: "密码与该账户当前密码不一致",
  accountDisabled: "该账户已被禁用",
  notCandidate: "该人员不是本单位已审核通过的人员",
  draftGone: "管理员信息已过期，请重新填写",
  badRole: "角色不属于本单位",
  badDepartment: "工作部门不属于本单位或已禁用",
} as const;

// Which actions only the super admin may take (guide: 超级管理员可…进行重置密码、禁用的操作).
const superOnly: ReadonlySet<AdminAction> = new Set(["setSuper", "resetPassword", "disable", "enable"]);

/**
 * Whether `actor` may take `action` on `target`: nobody acts on themselves, the super admin's
 * rights only move by 设为超级管理员, and a disabled admin cannot become super.
 */
export function checkAdminAction(actor: { accountId: string; isSuper: boolean }, target: AdminState, action: AdminAction): void {
  if (superOnly.has(action) && !actor.isSuper) throw new DomainError("FORBIDDEN", adminMessages.onlySuper);
  if (target.accountId === actor.accountId) throw new DomainError("CONFLICT", adminMessages.self);
  if (action === "setSuper") {
    if (target.isSuper) throw new DomainError("CONFLICT", adminMessages.alreadySuper);
    if (target.status !== "ACTIVE") throw new DomainError("CONFLICT", adminMessages.targetDisabled);
    return;
  }
  if (target.isSuper && action !== "assignRoles") throw new DomainError("CONFLICT", adminMessages.superTarget);
}

const LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";

/** A 10-character temporary password meeting the policy (letters and digits, no look-alikes). */
export function temporaryPassword(): string {
  const all = LETTERS + DIGITS;
  const chars = [LETTERS[randomInt(LETTERS.length)], DIGITS[randomInt(DIGITS.length)]];
  while (chars.length < 10) chars.push(all[randomInt(all.length)]);
  // Fisher–Yates, so the guaranteed letter and digit are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join("");
}
