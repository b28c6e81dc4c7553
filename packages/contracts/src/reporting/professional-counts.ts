import { z } from "zod";
import { UnitKind } from "../domain-codes.ts";
import { PageRequest, pageOf } from "../paging.ts";
import { AsOfAnswerFields, statisticDateField } from "./statistics.ts";

/**
 * 专业技术人员数量查询 (guide §3.9): 统计时间 (`asOf`, default today in Beijing; not before
 * STATISTICS_EPOCH — a later day than today is refused by the service, which owns the clock) and
 * optionally the unit to drill into (default: the caller's own unit); rows page like every table.
 */
export const ProfessionalCountsInput = PageRequest.extend({
  asOf: statisticDateField("统计时间").optional(),
  unitId: z.uuid({ error: "单位编号无效" }).optional(),
});
export type ProfessionalCountsInput = z.infer<typeof ProfessionalCountsInput>;

/** 注册总数 学习总数 合格总数 合格率 of one row or of the total row. */
export const ProfessionalCountFigures = z.object({
  /** 注册总数: professionals registered (审核通过) in the unit on 统计时间. */
  registered: z.number().int().min(0),
  /** 学习总数: of them, those with approved, not voided hours of that year by 统计时间. */
  studying: z.number().int().min(0),
  /** 合格总数: of them, those meeting the year's compliance rule with those hours. */
  compliant: z.number().int().min(0),
  /** 合格率 in percent with two decimals (合格总数 / 注册总数); null when nobody is registered. */
  passRate: z.number().min(0).max(100).nullable(),
});
export type ProfessionalCountFigures = z.infer<typeof ProfessionalCountFigures>;

/** One 用人单位 or 继续教育基地 (or another unit with registered people) as it was on 统计时间. */
export const ProfessionalCountRow = ProfessionalCountFigures.extend({
  unitId: z.uuid(),
  unitName: z.string(),
  unitKind: UnitKind,
});
export type ProfessionalCountRow = z.infer<typeof ProfessionalCountRow>;

/**
 * The head of 专业技术人员数量查询's answers (its figures and the people behind one of them):
 * AsOfAnswerFields, the statistic's year and the unit counted under. Spread into an object schema, first.
 */
export const CountAnswerHeadFields = {
  ...AsOfAnswerFields,
  year: z.number().int(),
  unitId: z.uuid(),
  unitName: z.string(),
};

/** The answer: the statistic's date and year, the unit counted under, one page of rows and the total row of all of them. */
export const ProfessionalCounts = z.object({
  ...CountAnswerHeadFields,
  ...pageOf(ProfessionalCountRow).shape,
  totals: ProfessionalCountFigures,
});
export type ProfessionalCounts = z.infer<typeof ProfessionalCounts>;
