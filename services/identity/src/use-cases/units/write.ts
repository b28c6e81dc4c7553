import { randomUUID } from "node:crypto";
import { DomainError, type UnitSnapshot } from "@ce/contracts";
import type { EventMeta } from "@ce/service-kit";
import type { Tx } from "../../db/client.ts";
import { codeTaken } from "../../db/unit-changes.ts";
import { insertUnit, lockUnitSnapshot, superiorToPlace, writeUnit } from "../../db/units.ts";
import { applyUnitPatch, type NewUnit, placeUnit, type UnitPatch, unitMessages } from "../../domain/units.ts";
import { unitCreated, unitUpdated } from "../../events/units.ts";

/**
 * Creates a unit under its superior (domain placeUnit) and announces it (unit.created) in the
 * caller's transaction; call deps.nudgeOutbox() after it commits. Raises DomainError BAD_REQUEST on
 * `superiorId` for an unknown superior, CONFLICT on `code` for a code another unit holds (checked
 * first, and again by the unique index for a concurrent registration), and placeUnit's refusals.
 */
export async function createUnit(tx: Tx, input: NewUnit, meta: EventMeta): Promise<UnitSnapshot> {
  const superior = input.superiorId ? await superiorToPlace(tx, input.superiorId) : null;
  if (input.superiorId && !superior) throw new DomainError("BAD_REQUEST", unitMessages.superiorMissing, "superiorId");
  const unit = placeUnit(input.id ?? randomUUID(), input, superior);
  if ((unit.code && (await codeTaken(tx, unit.code))) || !(await insertUnit(tx, unit))) {
    throw new DomainError("CONFLICT", unitMessages.codeTaken, "code");
  }
  await unitCreated(tx, unit, meta);
  return unit;
}

/**
 * Changes a unit's own fields (domain applyUnitPatch), bumps its version and announces the new
 * snapshot (unit.updated), the row locked so two updates never publish the same version. Raises
 * DomainError NOT_FOUND for an unknown unit, CONFLICT on `code` for a code another unit holds.
 */
export async function updateUnit(tx: Tx, unitId: string, patch: UnitPatch, meta: EventMeta): Promise<UnitSnapshot> {
  const current = await lockUnitSnapshot(tx, unitId);
  if (!current) throw new DomainError("NOT_FOUND", unitMessages.notFound);
  const next = applyUnitPatch(current, patch);
  if (next.code && next.code !== current.code && (await codeTaken(tx, next.code))) {
    throw new DomainError("CONFLICT", unitMessages.codeTaken, "code");
  }
  await writeUnit(tx, next);
  await unitUpdated(tx, next, meta);
  return next;
}
