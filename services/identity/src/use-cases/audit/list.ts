import { type AuditRow, DomainError, type ListAuditInput, type Page } from "@ce/contracts";
import { listAudit } from "../../db/audit-log.ts";
import type { IdentityDeps } from "../../deps.ts";
import type { Caller } from "../scope.ts";

/** 操作日志: one page of the audit trail of the caller's unit subtree. Raises DomainError FORBIDDEN for a caller without a unit. */
export function auditLog(deps: IdentityDeps, caller: Caller, input: ListAuditInput): Promise<Page<AuditRow>> {
  const { scopePath } = caller.principal;
  if (!scopePath) throw new DomainError("FORBIDDEN", "当前账户没有所属单位");
  return listAudit(deps.db, scopePath, input);
}
