import { BatchOutcome, DeclarationRow, FailAuditInput, ListAuditsInput, PassAuditInput, pageOf } from "@ce/contracts";
import { permittedProcedure, router, useCaseRunner } from "@ce/service-kit";
import type { HoursDeps } from "../deps.ts";
import { decideAudit } from "../use-cases/audits/decide.ts";
import { listAudits } from "../use-cases/audits/list.ts";

/** 成果备案 › 学时审验 (§3.7): a higher level checks approved hours of its subordinates. */
export function auditsRouter(deps: HoursDeps) {
  const run = useCaseRunner(deps);
  return router({
    list: permittedProcedure("hours.audit").input(ListAuditsInput).output(pageOf(DeclarationRow)).query(run(listAudits)),

    pass: permittedProcedure("hours.audit")
      .input(PassAuditInput)
      .output(BatchOutcome)
      .mutation(({ ctx, input }) => decideAudit(deps, ctx, input.ids, { passed: true })),

    fail: permittedProcedure("hours.audit")
      .input(FailAuditInput)
      .output(BatchOutcome)
      .mutation(({ ctx, input }) => decideAudit(deps, ctx, input.ids, { passed: false, reason: input.reason })),
  });
}
