import { DomainError, unitDepth } from "@ce/contracts";
import type { EventMeta } from "@ce/service-kit";
import { type AuditActor, auditNames, recordAudit } from "../../db/audit.ts";
import type { Tx } from "../../db/client.ts";
import { adminAccountsUnder, lockUnit, moveSubtree, superiorCandidate, unitCode } from "../../db/unit-changes.ts";
import { checkNewSuperior, movedPath, unitChangeMessages } from "../../domain/unit-changes.ts";
import { unitMoved } from "../../events/unit-changes.ts";
import { updateUnit } from "../units/write.ts";

/**
 * Applies an approved request inside the deciding transaction. A code change updates the unit
 * (unit.updated) with audit `unit.changeCode`; a move re-checks the new superior (the tree may
 * have changed since the request; CONFLICT if it is gone), moves the whole subtree, publishes
 * unit.moved, writes audit `unit.move`, and returns the accounts of the admins whose scope moved.
 */
export async function applyChange(
  tx: Tx,
  actor: AuditActor,
  request: { unitId: string; kind: string; newCode: string | null; newCodeCheckMismatch: boolean; newSuperiorId: string | null },
  meta: EventMeta,
): Promise<string[]> {
  if (request.kind === "CODE") {
    const before = await unitCode(tx, request.unitId);
    await updateUnit(tx, request.unitId, { code: request.newCode, codeConfirmed: request.newCodeCheckMismatch }, meta);
    await recordAudit(tx, actor, {
      action: "unit.changeCode",
      entityType: "unit",
      entityId: request.unitId,
      unitId: request.unitId,
      before: { code: before },
      after: { code: request.newCode },
    });
    return [];
  }
  const unit = await lockUnit(tx, request.unitId);
  const superior = await superiorCandidate(tx, request.newSuperiorId ?? "");
  if (!superior) throw new DomainError("CONFLICT", unitChangeMessages.notAuthority);
  checkNewSuperior(unit, superior);
  const newPath = movedPath(unit.path, superior.path);
  await moveSubtree(tx, unit, superior.id, newPath, unitDepth(newPath) - unitDepth(unit.path));
  await unitMoved(
    tx,
    { unitId: unit.id, oldSuperiorId: unit.superiorId, newSuperiorId: superior.id, oldPath: unit.path, newPath, version: unit.version + 1 },
    meta,
  );
  await recordAudit(tx, actor, {
    action: "unit.move",
    entityType: "unit",
    entityId: unit.id,
    unitId: unit.id,
    before: { superior: await auditNames.unit(tx, unit.superiorId) },
    after: { superior: superior.name },
  });
  return adminAccountsUnder(tx, newPath);
}
