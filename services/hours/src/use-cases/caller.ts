import { DomainError, declareScopePath, type Permission, type Principal } from "@ce/contracts";
import type { Decider } from "../db/decisions.ts";
import type { RecordsScope } from "../db/declarations.ts";

/** Who is asking and under which request id: what every use case receives besides its input. */
export interface Caller {
  principal: Principal;
  requestId: string;
}

export const isProfessional = (p: Principal) => p.userType === "PROFESSIONAL";

/**
 * The caller as a deciding unit. Raises DomainError FORBIDDEN with `refusal` when the account has
 * no unit, unit name or scope (a professional, or an admin not yet placed in a unit).
 */
export function deciderOf(p: Principal, refusal: string): Decider {
  if (!p.unitId || !p.unitName || !p.scopePath) throw new DomainError("FORBIDDEN", refusal);
  return { accountId: p.accountId, name: p.name, unitId: p.unitId, unitName: p.unitName, scopePath: p.scopePath };
}

/**
 * Whose declarations the caller sees: a professional their own, an admin holding one of
 * `permissions` their unit subtree's and those their unit declared for others (代为申报: a 继续教育基地
 * declares for people of any unit, issue 13.5). Raises DomainError FORBIDDEN otherwise.
 */
export function recordsScope(p: Principal, ...permissions: Permission[]): RecordsScope {
  if (isProfessional(p)) return { professionalId: p.accountId };
  if (!permissions.some((x) => p.permissions.includes(x))) throw new DomainError("FORBIDDEN", "您没有权限进行此操作");
  return { scopePath: scopePathOf(p), declaredByUnit: p.unitId ?? null };
}

/** The caller's unit subtree (materialised path). Raises DomainError FORBIDDEN when the account manages no one. */
export function scopePathOf(p: Principal): string {
  if (!p.scopePath) throw new DomainError("FORBIDDEN", "当前账户没有可管理的人员");
  return p.scopePath;
}

/** Who may open a declaration of their subtree: its records page, its reviewers and its auditors. */
export const VIEWERS: Permission[] = ["hours.records", "hours.approve", "hours.audit"];

/**
 * Whom the caller may declare for: a professional themself; an admin holding hours.declare the
 * approved people of their subtree — a 继续教育基地's admin those of the whole province, since the
 * people it trained work anywhere (contracts declareScopePath, issue 13.5). Raises DomainError
 * FORBIDDEN otherwise.
 */
export function declareScope(p: Principal): RecordsScope {
  const scope = recordsScope(p, "hours.declare");
  return "scopePath" in scope ? { scopePath: declareScopePath(scope.scopePath, p.unitKind) } : scope;
}
