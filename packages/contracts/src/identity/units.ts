import { z } from "zod";
import { TrainingLevel, UnitKind, UnitNature, UnitStatus } from "../domain-codes.ts";
import { PageRequest } from "../paging.ts";
import { SearchText } from "../text.ts";

/** 管理直属账户 › 管理下级单位: 单位名称 / 单位性质 filters. */
export const ListSubordinatesInput = PageRequest.extend({
  name: SearchText("单位名称", 100),
  nature: UnitNature.optional(),
});
export type ListSubordinatesInput = z.infer<typeof ListSubordinatesInput>;

/** One row: 序号 单位名称 单位性质 所属行业 机构代码/统一社会信用代码 操作 */
export const UnitRow = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: UnitKind,
  nature: UnitNature,
  industry: z.string().nullable(),
  code: z.string().nullable(),
  superiorId: z.uuid().nullable(),
  superiorName: z.string().nullable(),
  status: UnitStatus,
  trainingLevel: TrainingLevel.nullable(),
});
export type UnitRow = z.infer<typeof UnitRow>;

/** A subordinate unit named in a request. */
export const SubordinateTarget = z.object({ unitId: z.uuid({ error: "单位编号无效" }) });
export type SubordinateTarget = z.infer<typeof SubordinateTarget>;

/** 详细: every field of a unit, with its superior's name. */
export const UnitDetail = UnitRow.extend({
  region: z.string().nullable(),
  path: z.string(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  adminCount: z.number().int(),
  professionalCount: z.number().int(),
  /** The credit code's check character does not match; the applicant confirmed it against the licence. */
  codeCheckMismatch: z.boolean(),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

/** 管理员信息 of a subordinate unit: 姓名 证件号 手机 电子邮箱 (masked like 3101011990****7738, 187*****55). */
export const SubordinateAdminRow = z.object({
  adminId: z.uuid(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  email: z.string().nullable(),
  isSuper: z.boolean(),
});
export type SubordinateAdminRow = z.infer<typeof SubordinateAdminRow>;

export const RemoveSubordinateAdminInput = SubordinateTarget.extend({ adminId: z.uuid() });

/** 管理继续教育基地: 继续教育基地名称 / 所属行业 / 继续教育基地级别 filters. */
export const ListTrainingBasesInput = PageRequest.extend({
  name: SearchText("继续教育基地名称", 100),
  industry: SearchText("所属行业", 4),
  trainingLevel: TrainingLevel.optional(),
});
export type ListTrainingBasesInput = z.infer<typeof ListTrainingBasesInput>;
