import { z } from "zod";
import { UnitKind } from "../domain-codes.ts";
import { PageRequest } from "../paging.ts";
import { SearchText, SingleLineText } from "../text.ts";
import { MaskedPersonFields } from "./person-fields.ts";

/**
 * What a person is picked for (the portal's one searchable picker): 学时申报's 选择申请人
 * (`DECLARE`, hours.declare: an approved professional of the caller's subtree), 人员调出
 * (`TRANSFER`, transfer.manage: the same, with no open transfer) and 选择成为管理员 (`ADMIN`,
 * admin.manage: an approved professional of the caller's own unit who is no admin yet).
 */
export const PickPurpose = z.enum(["DECLARE", "TRANSFER", "ADMIN"]);
export type PickPurpose = z.infer<typeof PickPurpose>;

/** A search by full 证件号 (any 证件类型; the service tries each) — sent in a POST body only. */
export const FindProfessionalInput = z.object({
  idNumber: SingleLineText({ label: "证件号", min: 1, max: 32 }),
  purpose: PickPurpose,
});
export type FindProfessionalInput = z.infer<typeof FindProfessionalInput>;

/** The person a search by 证件号 found (masked), as the picker lists them. */
export const PickedProfessional = z.object({
  ...MaskedPersonFields,
  unitName: z.string(),
  departmentName: z.string().nullable(),
});
export type PickedProfessional = z.infer<typeof PickedProfessional>;

/** 查询统计's 主管部门 / 用人单位 filters: approved units of the caller's subtree by part of the name, one page. */
export const PickUnitsInput = PageRequest.extend({
  name: SearchText("单位名称", 100),
  kinds: z.array(UnitKind).min(1).max(3),
});
export type PickUnitsInput = z.input<typeof PickUnitsInput>;

/** One unit the units picker lists (名称 and its 上级单位). */
export const PickedUnit = z.object({ id: z.uuid(), name: z.string(), superiorName: z.string().nullable() });
export type PickedUnit = z.infer<typeof PickedUnit>;
