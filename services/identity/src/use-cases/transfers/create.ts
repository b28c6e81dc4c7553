import { type CreateTransferInput, DomainError } from "@ce/contracts";
import type { z } from "zod";
import { auditActor, auditNames, recordAudit } from "../../db/audit.ts";
import { insertTransfer, professionalInScope, targetUnit } from "../../db/transfers.ts";
import type { IdentityDeps } from "../../deps.ts";
import { checkTargetUnit, checkTransferable } from "../../domain/transfers.ts";
import { checkTransferAttachment } from "../../storage/transfer-attachments.ts";
import { type Caller, reviewScope } from "../scope.ts";

/**
 * 人员调出 › 提交转出申请: one open transfer per approved professional of the caller's subtree, to
 * an approved employer anywhere in the province other than their own (domain checkTransferable,
 * checkTargetUnit: DomainError on `accountId` / `toUnitId`); audit `transfer.request`. The
 * attachment is decoded before anything is written (a refused file leaves no blob and no row);
 * the blob is written, then the transaction, and deleted if the transaction fails. CONFLICT on
 * `accountId` when a transfer is already open.
 */
export async function createTransfer(deps: IdentityDeps, caller: Caller, input: z.output<typeof CreateTransferInput>): Promise<{ id: string }> {
  const scope = reviewScope(caller.principal);
  const actor = auditActor(caller);
  const checked = input.attachment ? await checkTransferAttachment(input.attachment) : null;
  return deps.transferAttachments.commitWith(checked, (stored) =>
    deps.db.$transaction(async (tx) => {
      const p = await professionalInScope(tx, scope.scopePath, input.accountId);
      checkTransferable(p);
      checkTargetUnit(await targetUnit(tx, input.toUnitId), p.unitId);
      const id = await insertTransfer(tx, {
        accountId: input.accountId,
        fromUnitId: p.unitId,
        toUnitId: input.toUnitId,
        contactPhone: input.contactPhone,
        reason: input.reason,
        requestedBy: caller.principal.accountId,
        attachmentName: input.attachmentName || null,
        attachment: stored,
      });
      if (!id) throw new DomainError("CONFLICT", "该人员已有待处理的调转申请", "accountId");
      await recordAudit(tx, actor, {
        action: "transfer.request",
        entityType: "transfer",
        entityId: id,
        unitId: p.unitId,
        after: {
          name: await auditNames.account(tx, input.accountId),
          status: "PENDING",
          fromUnit: await auditNames.unit(tx, p.unitId),
          toUnit: await auditNames.unit(tx, input.toUnitId),
          reason: input.reason,
        },
      });
      return { id };
    }),
  );
}
