import { randomUUID } from "node:crypto";
import { DomainError, type UnitSnapshot } from "@ce/contracts";
import type { EventMeta } from "@ce/service-kit";
import type { Tx } from "../../db/client.ts";
import { codeTaken } from "../../db/unit-changes.ts";
import { insertUnit, lockUnitSnapshot, superiorToPlace, writeUnit } from "../../db/units.ts";
import { applyUnitPatch, claimsCode, type NewUnit, placeUnit, type UnitPatch, unitMessages } from "../../domain/units.ts";
import { unitCreated, unitUpdated } from "../../events/units.ts";

/**
 * Creates a unit under its superior (domain placeUnit) and announces it (unit.created) in the
 * caller's transaction; call deps.nudgeOutbox() after it commits. Raises DomainError BAD_REQUEST on
 * `superiorId` for an unknown superior, CONFLICT on `code` for a code an APPROVED/DISABLED unit
 * holds (checked first, and for an approved unit again by the partial unique index against a
 * concurrent write), and placeUnit's refusals. A pending claim (用人单位注册) blocks nobody and is
 * blocked by no other claim: the code is checked again when it is approved (updateUnit).
 */
export async function createUnit(tx: Tx, input: NewUnit, meta: EventMeta): Promise<UnitSnapshot> {
  const superior = input.superiorId ? await superiorToPlace(tx, input.superiorId) : null;
  if (input.superiorId && !superior) throw new DomainError("BAD_REQUEST", unitMessages.superiorMissing, "superiorId");
  const unit = placeUnit(input.id ?? randomUUID(), input, superior);
  if ((unit.code && (await codeTaken(tx, unit.code))) || !(await insertUnit(tx, unit))) {
    // Registration answers the same whether or not someone else's claim on the code is pending.
    throw new DomainError("CONFLICT", unitMessages.codeTaken, "code");
  }
  await unitCreated(tx, unit, meta);
  return unit;
}

/**
 * Changes a unit's own fields (domain applyUnitPatch), bumps its version and announces the new
 * snapshot (unit.updated), the row locked so two updates never publish the same version. Raises
 * DomainError NOT_FOUND for an unknown unit; CONFLICT on `code` when the unit would come to hold a
 * code another APPROVED/DISABLED unit holds (domain claimsCode): a changed code
 * (unitMessages.codeTaken) or an approval of a pending claim (unitMessages.codeTakenAtApproval).
 */
export async function updateUnit(tx: Tx, unitId: string, patch: UnitPatch, meta: EventMeta): Promise<UnitSnapshot> {
  const current = await lockUnitSnapshot(tx, unitId);
  if (!current) throw new DomainError("NOT_FOUND", unitMessages.notFound);
  const next = applyUnitPatch(current, patch);
  if (next.code && claimsCode(current, next) && (await codeTaken(tx, next.code, unitId))) {
    const approving = current.status !== next.status && current.code === next.code;
    throw new DomainError("CONFLICT", approving ? unitMessages.codeTakenAtApproval(next.name) : unitMessages.codeTaken, "code");
  }
  await writeUnit(tx, next);
  await unitUpdated(tx, next, meta);
  return next;
}
