import { z } from "zod";
import { defineEvent } from "./envelope.ts";
import { UnitKind, UnitNature, UnitStatus, TrainingLevel } from "../domain-codes.ts";

/** Full snapshot of a unit, so a replica can upsert without replaying history. */
export const UnitSnapshot = z.object({
  unitId: z.uuid(),
  name: z.string(),
  kind: UnitKind,
  nature: UnitNature,
  industry: z.string().nullable(),
  region: z.string().nullable(),
  code: z.string().nullable(),
  superiorId: z.uuid().nullable(),
  path: z.string(),
  status: UnitStatus,
  trainingLevel: TrainingLevel.nullable(),
  /** Increases with every change; a replica ignores a snapshot older than what it holds. */
  version: z.number().int().positive(),
});
export type UnitSnapshot = z.infer<typeof UnitSnapshot>;

export const identityEvents = {
  unitCreated: defineEvent("ce.identity.unit.created.v1", "CE_IDENTITY", UnitSnapshot),
  unitUpdated: defineEvent("ce.identity.unit.updated.v1", "CE_IDENTITY", UnitSnapshot),
} as const;

/**
 * Events of one unit can arrive out of order (redelivery, parallel consumers): a replica takes
 * a snapshot only when it is newer than the one it holds.
 */
export function isNewerSnapshot(incoming: { version: number }, held: { version: number } | null): boolean {
  return held === null || incoming.version > held.version;
}
