import { BatchResult, DeclarationRow, DomainError, FailAuditInput, ListAuditsInput, PassAuditInput, type Principal, pageOf } from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import type { Decider } from "../db/approvals.ts";
import { audit, listAuditable } from "../db/audits.ts";
import type { HoursDeps } from "../deps.ts";

function auditorOf(p: Principal): Decider {
  if (!p.unitId || !p.unitName || !p.scopePath) throw new DomainError("FORBIDDEN", "当前账户不能审验学时");
  return { accountId: p.accountId, name: p.name, unitId: p.unitId, unitName: p.unitName, scopePath: p.scopePath };
}

/** 成果备案 › 学时审验 (§3.7): a higher level checks approved hours of its subordinates. */
export function auditsRouter(deps: HoursDeps) {
  const { db } = deps;
  const run = async (p: Principal, requestId: string, ids: string[], outcome: { passed: true } | { passed: false; reason: string }) => {
    const who = auditorOf(p);
    const decided = await db.$transaction(
      (tx) => audit(tx, who, ids, outcome, { actor: { accountId: p.accountId, unitId: p.unitId }, correlationId: requestId }),
      { timeout: 60_000 },
    );
    deps.nudgeOutbox();
    return { decided };
  };
  return router({
    list: permittedProcedure("hours.audit")
      .input(ListAuditsInput)
      .output(pageOf(DeclarationRow))
      .query(({ ctx, input }) => listAuditable(db, auditorOf(ctx.principal), input)),

    pass: permittedProcedure("hours.audit")
      .input(PassAuditInput)
      .output(BatchResult)
      .mutation(({ ctx, input }) => run(ctx.principal, ctx.requestId, input.declarationIds, { passed: true })),

    fail: permittedProcedure("hours.audit")
      .input(FailAuditInput)
      .output(BatchResult)
      .mutation(({ ctx, input }) => run(ctx.principal, ctx.requestId, input.declarationIds, { passed: false, reason: input.reason })),
  });
}
