import { DomainError } from "@ce/contracts";
import { type AuditActor, auditNames, recordAudit } from "../../db/audit.ts";
import type { Tx } from "../../db/client.ts";
import { insertChangeRequest, type NewUnitChange } from "../../db/unit-changes.ts";
import { approversOf, unitChangeMessages } from "../../domain/unit-changes.ts";

/**
 * Opens a 机构信息修改 request inside the caller's transaction: one approval per approver
 * (domain approversOf: the superior for a code, old and new superior for a move) and an audit row
 * `unitChange.requestCode|requestSuperior`. Raises DomainError CONFLICT when the unit already has
 * a pending request, BAD_REQUEST when it has no superior.
 */
export async function openRequest(tx: Tx, actor: AuditActor, data: NewUnitChange): Promise<{ id: string }> {
  const id = await insertChangeRequest(tx, data, approversOf(data));
  if (!id) throw new DomainError("CONFLICT", unitChangeMessages.pending);
  await recordAudit(tx, actor, {
    action: `unitChange.request${data.kind === "CODE" ? "Code" : "Superior"}`,
    entityType: "unitChangeRequest",
    entityId: id,
    unitId: data.unitId,
    before: { code: data.oldCode, superior: await auditNames.unit(tx, data.oldSuperiorId) },
    after: { code: data.newCode, superior: await auditNames.unit(tx, data.newSuperiorId) },
  });
  return { id };
}
