import { ApprovalRow, ApproveInput, BatchApproveInput, BatchOutcome, BatchRejectInput, ListApprovalsInput, pageOf, RejectInput } from "@ce/contracts";
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { HoursDeps } from "../deps.ts";
import { approveOne, batchApprove, batchReject, rejectOne } from "../use-cases/approvals/decide.ts";
import { listApprovals } from "../use-cases/approvals/list.ts";

const approver = permittedProcedure("hours.approve");

/**
 * 学时审批 (§3.6): the caller's unit decides what is waiting for it, one by one (a record no longer
 * waiting is a CONFLICT) or in batches (it is skipped and listed: batch contract, @ce/contracts batch.ts).
 */
export const approvalsRouter = (run: UseCaseRun<HoursDeps>) => ({
  list: approver.input(ListApprovalsInput).output(pageOf(ApprovalRow)).query(run(listApprovals)),
  approve: approver.input(ApproveInput).output(BatchOutcome).mutation(run(approveOne)),
  reject: approver.input(RejectInput).output(BatchOutcome).mutation(run(rejectOne)),
  batchApprove: approver.input(BatchApproveInput).output(BatchOutcome).mutation(run(batchApprove)),
  batchReject: approver.input(BatchRejectInput).output(BatchOutcome).mutation(run(batchReject)),
});
