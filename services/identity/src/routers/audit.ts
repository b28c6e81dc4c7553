import { AuditRow, ListAuditInput, pageOf } from "@ce/contracts";
import { permittedProcedure, router, useCaseRunner } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { auditLog } from "../use-cases/audit/list.ts";

/** 管理直属账户 › 操作日志 (查看操作日志; super admins hold it). */
export function auditRouter(deps: IdentityDeps) {
  const run = useCaseRunner(deps);
  return router({
    list: permittedProcedure("audit.view").input(ListAuditInput).output(pageOf(AuditRow)).query(run(auditLog)),
  });
}
