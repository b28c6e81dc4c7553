import { z } from "zod";
import { DeclarationStatus } from "../hours/declarations.ts";
import { Subject } from "../hours/forms.ts";
import { MaskedPersonFields } from "../identity/person-fields.ts";
import { AsOfAnswerFields, statisticDateField, YearHoursFields } from "./statistics.ts";

/**
 * 学习记录 of one professional (guide §3.9, 专业技术人员信息查询 → 学习记录; and the last step of a
 * drill-down from 专业技术人员数量查询): as of the end of 统计时间 (default today, Beijing), the
 * person's years with the hours that counted then and the 学时申报 behind them. The person must be
 * in the caller's subtree now, or have been in a unit of it on 统计时间 (the drill-down's people).
 */
export const LearningRecordInput = z.object({
  accountId: z.uuid({ error: "人员编号无效" }),
  asOf: statisticDateField("统计时间").optional(),
});
export type LearningRecordInput = z.infer<typeof LearningRecordInput>;

/**
 * One 学时申报 as it stood on 统计时间: its status then, whether its 认定学时 counted then
 * (approved and not voided), and the instant of every step taken by then (later steps: null).
 */
export const LearningRecordEntry = z.object({
  declarationId: z.uuid(),
  year: z.number().int(),
  subject: Subject,
  formCode: z.string(),
  /** 认定学时 (null until approved). */
  recognizedHours: z.number().int().nullable(),
  status: DeclarationStatus,
  counted: z.boolean(),
  submittedAt: z.iso.datetime().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  rejectedAt: z.iso.datetime().nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
  /** 成果备案 passed. */
  filedAt: z.iso.datetime().nullable(),
  /** 审验不通过: the hours stopped counting. */
  voidedAt: z.iso.datetime().nullable(),
});
export type LearningRecordEntry = z.infer<typeof LearningRecordEntry>;

/** 年度 完成公需课时 完成专业课时 总完成学时 认定结果 (the yearly compliance rule of hours), and the records of the year. */
export const LearningYear = z.object({
  ...YearHoursFields,
  records: z.array(LearningRecordEntry),
});
export type LearningYear = z.infer<typeof LearningYear>;

/** The person (name and masked ID as held now; unit as of 统计时间) and their years, newest first. */
export const LearningRecord = z.object({
  ...AsOfAnswerFields,
  ...MaskedPersonFields,
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  years: z.array(LearningYear),
});
export type LearningRecord = z.infer<typeof LearningRecord>;
