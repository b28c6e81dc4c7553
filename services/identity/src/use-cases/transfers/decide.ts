import { DomainError } from "@ce/contracts";
import { auditActor, auditNames, recordAudit } from "../../db/audit.ts";
import { closePendingProfileChanges, lockIncomingTransfer, markTransferReviewed, moveProfessional } from "../../db/transfers.ts";
import type { IdentityDeps } from "../../deps.ts";
import { checkUndecided, transferClosesChangeReason } from "../../domain/transfers.ts";
import { eventMeta, publishTransferred } from "../../events/professionals.ts";
import { type Caller, reviewScope } from "../scope.ts";
import { TRANSFER_NOT_FOUND } from "./list.ts";

/**
 * 人员调入 › 确认调转 / 拒绝 at the target unit, in one transaction with the transfer row locked
 * (two admins cannot both decide it; domain checkUndecided). Accepting moves the person
 * (professional and account) with their department cleared and announces
 * professional.transferred; a 人员信息修改 still pending at the unit they left is closed as 已驳回
 * with transferClosesChangeReason (they submit it again to the new unit, whose departments differ);
 * audit `transfer.accept|reject`. Raises DomainError NOT_FOUND outside
 * the caller's subtree, CONFLICT when the person already left the source unit.
 */
export async function decideTransfer(
  deps: IdentityDeps,
  caller: Caller,
  input: { id: string; accept: boolean; reason?: string | undefined },
): Promise<{ ok: true }> {
  const scope = reviewScope(caller.principal);
  const actor = auditActor(caller);
  await deps.db.$transaction(async (tx) => {
    const row = await lockIncomingTransfer(tx, scope, input.id);
    if (!row) throw new DomainError("NOT_FOUND", TRANSFER_NOT_FOUND);
    checkUndecided(row.status);
    const status = input.accept ? "ACCEPTED" : "REJECTED";
    await markTransferReviewed(tx, row.id, { status, reason: input.accept ? null : (input.reason ?? null), reviewedBy: actor.accountId });
    if (input.accept) {
      if (!(await moveProfessional(tx, row.accountId, row.fromUnitId, row.toUnitId))) throw new DomainError("CONFLICT", "该人员已不在原调出单位");
      await closePendingProfileChanges(tx, row.accountId, transferClosesChangeReason((await auditNames.unit(tx, row.toUnitId)) ?? "新单位"));
    }
    await recordAudit(tx, actor, {
      action: input.accept ? "transfer.accept" : "transfer.reject",
      entityType: "transfer",
      entityId: row.id,
      unitId: row.toUnitId,
      before: { name: await auditNames.account(tx, row.accountId), status: row.status, unit: await auditNames.unit(tx, row.fromUnitId) },
      after: {
        name: await auditNames.account(tx, row.accountId),
        status,
        unit: await auditNames.unit(tx, input.accept ? row.toUnitId : row.fromUnitId),
        reason: input.reason ?? null,
      },
    });
    if (input.accept) {
      await publishTransferred(tx, { transferId: row.id, accountId: row.accountId, fromUnitId: row.fromUnitId, toUnitId: row.toUnitId }, eventMeta(caller));
    }
  });
  deps.nudgeOutbox();
  return { ok: true };
}
