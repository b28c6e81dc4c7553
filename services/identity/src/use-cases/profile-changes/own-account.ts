import { DomainError, type Principal } from "@ce/contracts";

/**
 * The caller's own account when they act as a professional (人员信息修改 is theirs only; admins
 * review through review.profileChange). Raises DomainError FORBIDDEN for any other user type.
 */
export function ownAccount(principal: Principal): string {
  if (principal.userType !== "PROFESSIONAL") throw new DomainError("FORBIDDEN", "请以个人身份登录后修改个人信息");
  return principal.accountId;
}
