import { z } from "zod";
import { MaskedPersonFields } from "../identity/person-fields.ts";
import { PageRequest, pageOf } from "../paging.ts";
import { SearchText } from "../text.ts";
import { identifierField } from "../validation/identifier.ts";
import { YearHoursFields } from "./statistics.ts";

/**
 * 学习记录验证 (guide §3.9): the registered professionals of the caller's subtree with this 证件号
 * (exact, by blind index) and/or 姓名 (exact, or contains with `nameMatch` CONTAINS), one row per
 * year with hours that count today. Neither field given: no rows (the guide's 没有数据).
 */
export const VerifyLearningInput = PageRequest.extend({
  idNumber: identifierField("证件号", 32).optional(),
  name: SearchText("姓名"),
  nameMatch: z.enum(["EXACT", "CONTAINS"], { error: "姓名匹配方式无效" }).default("EXACT"),
});
export type VerifyLearningInput = z.infer<typeof VerifyLearningInput>;

/** 证件号 (masked) 姓名 年度 完成公需课时 完成专业课时 总完成学时 认定结果 (合格 when `compliant`). */
export const VerifyLearningRow = z.object({
  ...MaskedPersonFields,
  ...YearHoursFields,
});
export type VerifyLearningRow = z.infer<typeof VerifyLearningRow>;

export const VerifyLearning = pageOf(VerifyLearningRow);
export type VerifyLearning = z.infer<typeof VerifyLearning>;
