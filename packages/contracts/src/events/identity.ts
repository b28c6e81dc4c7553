import { z } from "zod";
import { IdType, ProfessionalStatus, TrainingLevel, UnitKind, UnitNature, UnitStatus } from "../domain-codes.ts";
import { MaskedPersonFields, ProfessionalProfileFields } from "../identity/person-fields.ts";
import { defineEvent } from "./envelope.ts";

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

/**
 * A unit (and so its whole subtree) moved under another superior (更换上级部门, after both
 * superiors approved). Replicas rewrite every path that starts with `oldPath`.
 */
export const UnitMoved = z.object({
  unitId: z.uuid(),
  oldSuperiorId: z.uuid().nullable(),
  newSuperiorId: z.uuid(),
  oldPath: z.string(),
  newPath: z.string(),
  version: z.number().int().positive(),
});
export type UnitMoved = z.infer<typeof UnitMoved>;

/**
 * Full snapshot of a professional (专业技术人员) as other services may hold it: no plain ID or
 * phone number ever leaves identity — only the masked forms and the blind index, which lets a
 * replica match an exact ID number that identity hashed for it.
 */
export const ProfessionalSnapshot = z.object({
  ...MaskedPersonFields,
  idType: IdType,
  idNumberHash: z.string(),
  unitId: z.uuid(),
  unitPath: z.string(),
  departmentId: z.uuid().nullable(),
  status: ProfessionalStatus,
  ...ProfessionalProfileFields,
  registeredAt: z.iso.datetime(),
  /**
   * False for a person 批量导入 created who has not signed in yet (未激活: no password until their
   * admin resets it); true from their first sign-in on, and for everyone registered otherwise.
   * Events published before the field existed carry none and mean true.
   */
  activated: z.boolean().default(true),
  version: z.number().int().positive(),
});
export type ProfessionalSnapshot = z.infer<typeof ProfessionalSnapshot>;

/** 人员调转 accepted: the person and their history now belong to `toUnitId`. */
export const ProfessionalTransferred = z.object({
  transferId: z.uuid(),
  professional: ProfessionalSnapshot,
  fromUnitId: z.uuid(),
  toUnitId: z.uuid(),
});
export type ProfessionalTransferred = z.infer<typeof ProfessionalTransferred>;

/**
 * A professional removed (批量导入 undone: an imported person nobody touched): replicas drop the
 * person. `version` is one higher than the last snapshot's.
 */
export const ProfessionalRemoved = z.object({
  accountId: z.uuid(),
  unitId: z.uuid(),
  unitPath: z.string(),
  reason: z.enum(["IMPORT_UNDONE"]),
  version: z.number().int().positive(),
});
export type ProfessionalRemoved = z.infer<typeof ProfessionalRemoved>;

export const identityEvents = {
  unitCreated: defineEvent("ce.identity.unit.created.v1", "CE_IDENTITY", UnitSnapshot),
  unitUpdated: defineEvent("ce.identity.unit.updated.v1", "CE_IDENTITY", UnitSnapshot),
  unitMoved: defineEvent("ce.identity.unit.moved.v1", "CE_IDENTITY", UnitMoved),
  /** Self-registration or import: status PENDING (or APPROVED when an admin registered them). */
  professionalRegistered: defineEvent("ce.identity.professional.registered.v1", "CE_IDENTITY", ProfessionalSnapshot),
  professionalApproved: defineEvent("ce.identity.professional.approved.v1", "CE_IDENTITY", ProfessionalSnapshot),
  professionalRejected: defineEvent("ce.identity.professional.rejected.v1", "CE_IDENTITY", ProfessionalSnapshot),
  /** Profile fields changed (an approved 人员信息修改, or an admin's edit). */
  professionalUpdated: defineEvent("ce.identity.professional.updated.v1", "CE_IDENTITY", ProfessionalSnapshot),
  professionalTransferred: defineEvent("ce.identity.professional.transferred.v1", "CE_IDENTITY", ProfessionalTransferred),
  professionalRemoved: defineEvent("ce.identity.professional.removed.v1", "CE_IDENTITY", ProfessionalRemoved),
} as const;

/**
 * Events of one unit can arrive out of order (redelivery, parallel consumers): a replica takes
 * a snapshot only when it is newer than the one it holds.
 */
export function isNewerSnapshot(incoming: { version: number }, held: { version: number } | null): boolean {
  return held === null || incoming.version > held.version;
}

/**
 * The one rule for `unit.moved` in every replica: apply it only when the replica holds the unit
 * and the move is newer than the snapshot it holds. A unit never seen has no subtree to rewrite,
 * and a redelivered older move (X→Y at v2 after Y→X at v3) must not rewrite the paths back.
 */
export function unitMoveApplies(held: { version: number } | null, moved: { version: number }): boolean {
  return held !== null && isNewerSnapshot(moved, held);
}
