import { ApprovalRow, ApproveInput, BatchApproveInput, BatchOutcome, BatchRejectInput, ListApprovalsInput, pageOf, RejectInput } from "@ce/contracts";
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { HoursDeps } from "../deps.ts";
import { decide, decideOne } from "../use-cases/approvals/decide.ts";
import { listApprovals } from "../use-cases/approvals/list.ts";

const approver = permittedProcedure("hours.approve");

/**
 * 学时审批 (§3.6): the caller's unit decides what is waiting for it, one by one (a record no longer
 * waiting is a CONFLICT) or in batches (it is skipped and listed: batch contract, @ce/contracts batch.ts).
 */
export const approvalsRouter = (run: UseCaseRun<HoursDeps>) => ({
  list: approver.input(ListApprovalsInput).output(pageOf(ApprovalRow)).query(run(listApprovals)),

  approve: approver
    .input(ApproveInput)
    .output(BatchOutcome)
    .mutation(
      run((deps, ctx, input) => decideOne(deps, ctx, input.declarationId, { kind: "APPROVE", recognizedHours: input.recognizedHours, reason: input.reason })),
    ),

  reject: approver
    .input(RejectInput)
    .output(BatchOutcome)
    .mutation(run((deps, ctx, input) => decideOne(deps, ctx, input.declarationId, { kind: "REJECT", reasonCode: input.reasonCode, reason: input.reason }))),

  /** 批量审核通过: each record keeps its current 认定学时 (the lower level's figure, or the computed default). */
  batchApprove: approver
    .input(BatchApproveInput)
    .output(BatchOutcome)
    .mutation(run((deps, ctx, input) => decide(deps, ctx, input.ids, { kind: "APPROVE" }))),

  batchReject: approver
    .input(BatchRejectInput)
    .output(BatchOutcome)
    .mutation(run((deps, ctx, input) => decide(deps, ctx, input.ids, { kind: "REJECT", reasonCode: input.reasonCode, reason: input.reason }))),
});
