import {
  type ApproveInput,
  type BatchApproveInput,
  type BatchOutcome,
  type BatchRejectInput,
  batchOutcome,
  hoursEvents,
  isOwnCase,
  planBatch,
  type RejectInput,
  RejectReasonCode,
  rejectReasons,
  requireDecided,
} from "@ce/contracts";
import { eventMeta } from "@ce/service-kit";
import type { z } from "zod";
import { lockForDecision } from "../../db/approvals.ts";
import { insertDecisions, loadDeclarations, writeSteps } from "../../db/decisions.ts";
import type { HoursDeps } from "../../deps.ts";
import { type Decision, decideStep, skipMessage, waitsFor } from "../../domain/approval.ts";
import { recordAudit } from "../../events/audit.ts";
import { declarationEvent } from "../../events/hours.ts";
import { type Caller, deciderOf } from "../caller.ts";

/** APPROVE without a figure keeps each record's current 认定学时; a lower figure needs `reason`. */
export type DecisionInput =
  | { kind: "APPROVE"; recognizedHours?: number | undefined; reason?: string | undefined }
  | { kind: "REJECT"; reasonCode: string; reason: string };

/** The text a decision row keeps: a rejection's 驳回原因 label and 说明, an approval's 调减说明 (or none). */
export const reasonTextOf = (input: DecisionInput): string | null =>
  input.kind === "REJECT"
    ? [rejectReasons.find((r) => r.code === input.reasonCode)?.label, input.reason].filter(Boolean).join("：")
    : input.reason?.trim() || null;

/** How a batch names a declaration to the admin: 张三的申报. */
export const declarationLabel = (d: { professionalName: string }) => `${d.professionalName}的申报`;

/**
 * 学时审批 (§3.6) as a batch (批量审核通过 / 批量驳回) under the batch contract (@ce/contracts batch.ts),
 * in one transaction: locks the records (duplicates counted once; unknown or outside the caller's
 * scope → DomainError NOT_FOUND for the whole batch, nothing written); skips and lists those no
 * longer waiting for the caller's unit (another admin decided first, moved on, 已被申报人撤回:
 * domain waitsFor / skipMessage) and those the deciding account is a party to (their own 申报, or
 * one they declared for someone: contracts isOwnCase — decideOne raises FORBIDDEN for it); moves each other along its chain (decideStep: a BAD_REQUEST on
 * 认定学时 or 调减说明 refuses the whole batch), records who decided and each level's 认定学时, and
 * enqueues declaration.approved / .rejected for the records whose chain ended, and an audit entry per
 * record (declaration.approve|reject, for 操作日志). Each record starts
 * from its current 认定学时, so a batch keeps what the level below recognised. Returns the
 * BatchOutcome (labels 张三的申报).
 */
export async function decide(deps: HoursDeps, caller: Caller, ids: readonly string[], input: DecisionInput): Promise<BatchOutcome> {
  const who = deciderOf(caller.principal, "当前账户不能审批学时");
  const unique = [...new Set(ids)];
  const decision: Decision = input.kind === "APPROVE" ? { kind: "APPROVE", recognizedHours: input.recognizedHours, reason: input.reason } : { kind: "REJECT" };
  const reason = reasonTextOf(input);
  const outcome = await deps.db.$transaction(
    async (tx) => {
      const plan = planBatch(unique, await lockForDecision(tx, unique, who.scopePath), {
        isWaiting: (row) => waitsFor(row, who.unitId),
        isOwn: (row) => isOwnCase(who.accountId, row.parties),
        notFound: "申报记录不存在或不在您的管理范围内",
      });
      const next = plan.waiting.map((row) => ({ row, state: decideStep(row, who.unitId, decision) }));
      if (next.length > 0) {
        await writeSteps(
          tx,
          next.map(({ row, state }) => ({ id: row.id, ...state })),
        );
        await insertDecisions(
          tx,
          who,
          {
            kind: "APPROVAL",
            decision: input.kind === "APPROVE" ? "APPROVED" : "REJECTED",
            reasonCode: input.kind === "REJECT" ? input.reasonCode : null,
            reason,
          },
          next.map(({ row, state }) => ({ declarationId: row.id, stepIndex: row.stepIndex, recognizedHours: state.recognizedHours })),
        );
      }
      const finals = new Set(next.filter((n) => n.state.final).map((n) => n.row.id));
      const def = input.kind === "APPROVE" ? hoursEvents.declarationApproved : hoursEvents.declarationRejected;
      const waitingIds = plan.waiting.map((row) => row.id);
      const decided = await loadDeclarations(tx, waitingIds);
      const loaded = new Map(decided.map((d) => [d.id, d]));
      for (const { row, state } of next) {
        const d = loaded.get(row.id);
        if (!d) continue;
        if (finals.has(row.id))
          await declarationEvent(tx, def, d, eventMeta(caller), input.kind === "REJECT" ? reason : null, {
            decidedByUnitId: who.unitId,
            decidedByAccountId: who.accountId,
            decidedByName: who.name,
            // The code as the input schema checked it; anything else (a caller bypassing it) goes out as none.
            reasonCode: input.kind === "REJECT" ? (RejectReasonCode.safeParse(input.reasonCode).data ?? null) : null,
          });
        await recordAudit(tx, caller, {
          action: input.kind === "APPROVE" ? "declaration.approve" : "declaration.reject",
          entityType: "declaration",
          entityId: row.id,
          unitId: d.unitId,
          before: {
            name: row.professionalName,
            form: d.formVersion.name,
            status: row.status,
            recognizedHours: row.recognizedHours,
            handler: row.chain[row.stepIndex]?.name ?? null,
          },
          after: {
            name: row.professionalName,
            form: d.formVersion.name,
            status: state.status,
            recognizedHours: state.recognizedHours,
            handler: state.currentHandlerId ? (row.chain[state.stepIndex]?.name ?? null) : null,
            reason,
          },
        });
      }
      return batchOutcome(plan, declarationLabel, skipMessage);
    },
    { timeout: 60_000 },
  );
  deps.nudgeOutbox();
  return outcome;
}

/**
 * 学时审批 › 审核 of one declaration (审核通过 with 认定学时 / 驳回): `decide` with one id, where a
 * record no longer waiting for the caller is a DomainError CONFLICT naming why
 * (张三的申报已被其他管理员处理，请刷新后重试) instead of a skip.
 */
export async function decideOne(deps: HoursDeps, caller: Caller, declarationId: string, input: DecisionInput): Promise<BatchOutcome> {
  return requireDecided(await decide(deps, caller, [declarationId], input));
}

/** 学时审批 › 审核 › 审核通过 of one declaration, with its 认定学时 (or the level's starting figure) and 调减说明. */
export const approveOne = (deps: HoursDeps, caller: Caller, input: z.output<typeof ApproveInput>) =>
  decideOne(deps, caller, input.declarationId, { kind: "APPROVE", recognizedHours: input.recognizedHours, reason: input.reason });

/** 学时审批 › 审核 › 驳回 of one declaration, with its 驳回原因 (and 驳回说明). */
export const rejectOne = (deps: HoursDeps, caller: Caller, input: z.output<typeof RejectInput>) =>
  decideOne(deps, caller, input.declarationId, { kind: "REJECT", reasonCode: input.reasonCode, reason: input.reason });

/** 批量审核通过: each record keeps its current 认定学时 (the lower level's figure, or the computed default). */
export const batchApprove = (deps: HoursDeps, caller: Caller, input: z.output<typeof BatchApproveInput>) =>
  decide(deps, caller, input.ids, { kind: "APPROVE" });

/** 批量驳回 with one 驳回原因 (and 驳回说明) for every record. */
export const batchReject = (deps: HoursDeps, caller: Caller, input: z.output<typeof BatchRejectInput>) =>
  decide(deps, caller, input.ids, { kind: "REJECT", reasonCode: input.reasonCode, reason: input.reason });
