import {
  ApprovalRow,
  ApproveInput,
  BatchApproveInput,
  BatchRejectInput,
  BatchResult,
  DomainError,
  ListApprovalsInput,
  type Principal,
  pageOf,
  RejectInput,
} from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { type Decider, type DecisionInput, decide, listAwaiting } from "../db/approvals.ts";
import type { HoursDeps } from "../deps.ts";

function deciderOf(p: Principal): Decider {
  if (!p.unitId || !p.unitName || !p.scopePath) throw new DomainError("FORBIDDEN", "当前账户不能审批学时");
  return { accountId: p.accountId, name: p.name, unitId: p.unitId, unitName: p.unitName, scopePath: p.scopePath };
}

/** 学时审批 (§3.6): the caller's unit decides what is waiting for it, one by one or in batches. */
export function approvalsRouter(deps: HoursDeps) {
  const { db } = deps;
  const run = async (p: Principal, requestId: string, ids: string[], input: DecisionInput) => {
    const who = deciderOf(p);
    const decided = await db.$transaction(
      (tx) => decide(tx, who, ids, input, { actor: { accountId: p.accountId, unitId: p.unitId }, correlationId: requestId }),
      {
        timeout: 60_000,
      },
    );
    deps.nudgeOutbox();
    return { decided };
  };
  return router({
    list: permittedProcedure("hours.approve")
      .input(ListApprovalsInput)
      .output(pageOf(ApprovalRow))
      .query(({ ctx, input }) => listAwaiting(db, deciderOf(ctx.principal), input)),

    approve: permittedProcedure("hours.approve")
      .input(ApproveInput)
      .output(BatchResult)
      .mutation(({ ctx, input }) =>
        run(ctx.principal, ctx.requestId, [input.declarationId], { kind: "APPROVE", recognizedHours: input.recognizedHours, reason: input.reason }),
      ),

    reject: permittedProcedure("hours.approve")
      .input(RejectInput)
      .output(BatchResult)
      .mutation(({ ctx, input }) =>
        run(ctx.principal, ctx.requestId, [input.declarationId], { kind: "REJECT", reasonCode: input.reasonCode, reason: input.reason }),
      ),

    /** 批量审核通过: each record keeps its current 认定学时 (the lower level's figure, or the computed default). */
    batchApprove: permittedProcedure("hours.approve")
      .input(BatchApproveInput)
      .output(BatchResult)
      .mutation(({ ctx, input }) => run(ctx.principal, ctx.requestId, input.declarationIds, { kind: "APPROVE" })),

    batchReject: permittedProcedure("hours.approve")
      .input(BatchRejectInput)
      .output(BatchResult)
      .mutation(({ ctx, input }) =>
        run(ctx.principal, ctx.requestId, input.declarationIds, { kind: "REJECT", reasonCode: input.reasonCode, reason: input.reason }),
      ),
  });
}
