import { DomainError, type Principal } from "@ce/contracts";
import type { ReviewScope } from "../db/reviews.ts";
import { unitMessages } from "../domain/units.ts";

/** Who calls a use case: the signed-in principal and the request id that ties audit rows, events and logs together. */
export interface Caller {
  principal: Principal;
  requestId: string;
}

/**
 * The caller's own unit id: departments, roles, admins and the unit's own profile are always
 * managed inside it. Raises DomainError FORBIDDEN (当前账户没有所属单位) for a caller without a
 * unit (a professional).
 */
export function ownUnit(principal: Principal): string {
  if (!principal.unitId || !principal.scopePath) throw new DomainError("FORBIDDEN", "当前账户没有所属单位");
  return principal.unitId;
}

/**
 * The caller's unit subtree (`scopePath`, `unitId`) that reviews and transfers are limited to.
 * Raises DomainError FORBIDDEN (当前账户没有可审核的单位) for a caller without unit scope.
 */
export function reviewScope(principal: Principal): ReviewScope {
  return subtreeOf(principal, "当前账户没有可审核的单位");
}

/**
 * One record the caller reviews, read by `detail` within their review scope (reviewScope). Raises
 * DomainError NOT_FOUND with `notFound` when it is outside that scope or does not exist.
 */
export async function inReviewScope<T>(caller: Caller, notFound: string, detail: (scope: ReviewScope) => Promise<T | null>): Promise<T> {
  const found = await detail(reviewScope(caller.principal));
  if (!found) throw new DomainError("NOT_FOUND", notFound);
  return found;
}

/**
 * The caller's unit subtree that 管理下级单位 and 管理继续教育基地 work in. Raises DomainError
 * FORBIDDEN (当前账户没有可管理的下级单位) for a caller without unit scope.
 */
export function subordinateScope(principal: Principal): ReviewScope {
  return subtreeOf(principal, unitMessages.noSubordinateScope);
}

/**
 * The caller's unit subtree whose people the caller may know of (批量导入 checks 重复 only there).
 * Raises DomainError FORBIDDEN (当前账户没有所属单位) for a caller without unit scope.
 */
export function ownSubtree(principal: Principal): ReviewScope {
  return subtreeOf(principal, "当前账户没有所属单位");
}

function subtreeOf(principal: Principal, refusal: string): ReviewScope {
  if (!principal.scopePath || !principal.unitId) throw new DomainError("FORBIDDEN", refusal);
  return { scopePath: principal.scopePath, unitId: principal.unitId };
}
