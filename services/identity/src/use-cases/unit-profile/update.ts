import { type UpdateUnitProfileInput, unchangedFields } from "@ce/contracts";
import { auditActor, recordAudit } from "../../db/audit.ts";
import { unitFreeFields } from "../../db/units.ts";
import type { IdentityDeps } from "../../deps.ts";
import { eventMeta } from "../../events/professionals.ts";
import { type Caller, ownUnit } from "../scope.ts";
import { updateUnit } from "../units/write.ts";

/**
 * 基本信息修改 › 保存: the caller's unit's free fields (单位性质, 所属行业, 所在地区); bumps the
 * version and announces unit.updated; audit `unit.updateProfile` with the fields before and after.
 * Saved unchanged (contracts unchangedFields), it writes nothing.
 */
export async function updateUnitProfile(deps: IdentityDeps, caller: Caller, input: UpdateUnitProfileInput): Promise<void> {
  const unitId = ownUnit(caller.principal);
  await deps.db.$transaction(async (tx) => {
    const before = await unitFreeFields(tx, unitId);
    if (unchangedFields(before, input)) return;
    await updateUnit(tx, unitId, input, eventMeta(caller));
    await recordAudit(tx, auditActor(caller), { action: "unit.updateProfile", entityType: "unit", entityId: unitId, unitId, before, after: input });
  });
  deps.nudgeOutbox();
}
