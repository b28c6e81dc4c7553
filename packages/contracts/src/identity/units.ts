import { z } from "zod";
import { PageRequest } from "../paging.ts";
import { UnitKind, UnitNature, UnitStatus, TrainingLevel } from "../domain-codes.ts";

/** 管理直属账户 › 管理下级单位: 单位名称 / 单位性质 filters. */
export const ListSubordinatesInput = PageRequest.extend({
  name: z.string().trim().max(100).optional(),
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
