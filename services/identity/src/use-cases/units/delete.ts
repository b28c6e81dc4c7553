import type { SubordinateTarget } from "@ce/contracts";
import { revokeSessions } from "../../auth/sessions.ts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { unitAdminAccounts, unitDependents } from "../../db/subordinates.ts";
import { lockUnit } from "../../db/unit-changes.ts";
import type { IdentityDeps } from "../../deps.ts";
import { checkDeletable } from "../../domain/units.ts";
import { eventMeta } from "../../events/professionals.ts";
import type { Caller } from "../scope.ts";
import { findSubordinate } from "./find-subordinate.ts";
import { updateUnit } from "./write.ts";

/**
 * 管理下级单位 › 删除: a subordinate unit on which nothing hangs (domain checkDeletable: no
 * subordinate, no professional, no pending change request) becomes DISABLED (unit.updated), audit
 * `unit.delete` for its superior's unit; then its admins are signed out. Raises DomainError
 * NOT_FOUND for a unit outside scope, CONFLICT naming what still hangs on it.
 */
export async function deleteSubordinate(deps: IdentityDeps, caller: Caller, input: SubordinateTarget): Promise<void> {
  const { unitId } = input;
  const accountIds = await deps.db.$transaction(async (tx) => {
    const unit = await findSubordinate(tx, caller, unitId);
    await lockUnit(tx, unitId);
    checkDeletable(await unitDependents(tx, unitId));
    await updateUnit(tx, unitId, { status: "DISABLED" }, eventMeta(caller));
    await recordAudit(tx, auditActor(caller), {
      action: "unit.delete",
      entityType: "unit",
      entityId: unitId,
      unitId: unit.superiorId,
      before: { name: unit.name, status: unit.status },
      after: { name: unit.name, status: "DISABLED" },
    });
    return unitAdminAccounts(tx, unitId);
  });
  deps.nudgeOutbox();
  for (const id of accountIds) await revokeSessions(deps.redis, id);
}
