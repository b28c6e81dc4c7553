// What identity's procedures answer where no row DTO of their own exists elsewhere in contracts.
import { z } from "zod";
import { BatchOutcome } from "../batch.ts";
import { ProfessionalStatus, UnitStatus } from "../domain-codes.ts";
import { UnitSnapshot } from "../events/identity.ts";
import { MaskedApplicant } from "./person-fields.ts";
import { PendingEmployerRow, PendingProfessionalRow } from "./reviews.ts";
import { DecidedUnitChange, OwnUnitChange } from "./unit-changes.ts";

/** 基本信息修改: the caller's own unit, its superior's name and its pending change request, if any. */
export const UnitProfileView = z.object({
  unit: UnitSnapshot,
  superiorName: z.string().nullable(),
  pending: OwnUnitChange.nullable(),
  /** The latest decided change request (null: none was decided yet). */
  lastDecided: DecidedUnitChange.nullable(),
});
export type UnitProfileView = z.infer<typeof UnitProfileView>;

/** 审核专业技术人员 › 详细: the pending row plus the registration status. */
export const ProfessionalReviewDetail = PendingProfessionalRow.extend({ status: ProfessionalStatus });
export type ProfessionalReviewDetail = z.infer<typeof ProfessionalReviewDetail>;

/**
 * 审核用人单位 › 详细: the pending row, the unit's status and the applicant who becomes its 超级管理员
 * (masked; null only for a unit registered without one, such as a seeded one).
 */
export const EmployerReviewDetail = PendingEmployerRow.extend({ status: UnitStatus, superAdmin: MaskedApplicant.nullable() });
export type EmployerReviewDetail = z.infer<typeof EmployerReviewDetail>;

/** 添加管理员: the new admin's id and name. */
export const CreatedAdmin = z.object({ adminId: z.uuid(), name: z.string() });
export type CreatedAdmin = z.infer<typeof CreatedAdmin>;

/** 删除角色: how many admins the role was taken from. */
export const RoleDeleted = z.object({ removedFrom: z.number().int().min(0) });

/** 审核机构信息修改: the batch outcome (decided and skipped approvals), and how many requests took effect (all levels agreed). */
export const UnitChangesDecided = BatchOutcome.extend({ applied: z.number().int().min(0) });
export type UnitChangesDecided = z.infer<typeof UnitChangesDecided>;
