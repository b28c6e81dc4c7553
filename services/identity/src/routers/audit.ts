import { AuditRow, DomainError, ListAuditInput, pageOf } from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { listAudit } from "../db/audit-log.ts";
import type { IdentityDeps } from "../deps.ts";

/** 管理直属账户 › 操作日志 (查看操作日志; super admins hold it). */
export function auditRouter(deps: IdentityDeps) {
  return router({
    list: permittedProcedure("audit.view")
      .input(ListAuditInput)
      .output(pageOf(AuditRow))
      .query(({ input, ctx }) => {
        const { scopePath } = ctx.principal;
        if (!scopePath) throw new DomainError("FORBIDDEN", "当前账户没有所属单位");
        return listAudit(deps.db, scopePath, input);
      }),
  });
}
