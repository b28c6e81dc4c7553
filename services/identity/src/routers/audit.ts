import { AuditRow, ListAuditInput, pageOf } from "@ce/contracts";
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { auditLog } from "../use-cases/audit/list.ts";

/** 管理直属账户 › 操作日志 (查看操作日志; super admins hold it). */
export const auditRouter = (run: UseCaseRun<IdentityDeps>) => ({
  list: permittedProcedure("audit.view").input(ListAuditInput).output(pageOf(AuditRow)).query(run(auditLog)),
});
