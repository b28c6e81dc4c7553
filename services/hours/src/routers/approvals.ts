import { ApprovalRow, ApproveInput, BatchApproveInput, BatchRejectInput, BatchResult, ListApprovalsInput, pageOf, RejectInput } from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import type { HoursDeps } from "../deps.ts";
import { decide } from "../use-cases/approvals/decide.ts";
import { listApprovals } from "../use-cases/approvals/list.ts";

/** 学时审批 (§3.6): the caller's unit decides what is waiting for it, one by one or in batches. */
export function approvalsRouter(deps: HoursDeps) {
  return router({
    list: permittedProcedure("hours.approve")
      .input(ListApprovalsInput)
      .output(pageOf(ApprovalRow))
      .query(({ ctx, input }) => listApprovals(deps, ctx, input)),

    approve: permittedProcedure("hours.approve")
      .input(ApproveInput)
      .output(BatchResult)
      .mutation(({ ctx, input }) =>
        decide(deps, ctx, [input.declarationId], { kind: "APPROVE", recognizedHours: input.recognizedHours, reason: input.reason }),
      ),

    reject: permittedProcedure("hours.approve")
      .input(RejectInput)
      .output(BatchResult)
      .mutation(({ ctx, input }) => decide(deps, ctx, [input.declarationId], { kind: "REJECT", reasonCode: input.reasonCode, reason: input.reason })),

    /** 批量审核通过: each record keeps its current 认定学时 (the lower level's figure, or the computed default). */
    batchApprove: permittedProcedure("hours.approve")
      .input(BatchApproveInput)
      .output(BatchResult)
      .mutation(({ ctx, input }) => decide(deps, ctx, input.declarationIds, { kind: "APPROVE" })),

    batchReject: permittedProcedure("hours.approve")
      .input(BatchRejectInput)
      .output(BatchResult)
      .mutation(({ ctx, input }) => decide(deps, ctx, input.declarationIds, { kind: "REJECT", reasonCode: input.reasonCode, reason: input.reason })),
  });
}
