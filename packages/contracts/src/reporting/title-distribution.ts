import { z } from "zod";
import { CalendarDate } from "../calendar.ts";
import { RegionCode } from "../codes/regions.ts";
import { TitleSeriesCode } from "../codes/title-series.ts";
import { AnswerFinal, periodInOrder, StatisticPeriodFields } from "./statistics.ts";

/**
 * 职称系列分布情况 (guide §3.9): professionals registered between 开始时间 and 结束时间 (registration
 * dates, Beijing; no 开始时间 = since the first) and still registered (审核通过) at the end of
 * 结束时间 (default today), counted by the title series and level they held then, in the caller's
 * subtree — or the 用人单位 `employerId`'s (a unit of that subtree; outside it NOT_FOUND) — and
 * optionally only in units of 地区 `region`.
 */
export const TitleDistributionInput = periodInOrder(
  z.object({
    ...StatisticPeriodFields,
    region: RegionCode.optional(),
    employerId: z.uuid({ error: "用人单位无效" }).optional(),
  }),
);
export type TitleDistributionInput = z.infer<typeof TitleDistributionInput>;

/** People per level bucket (副高级 and 正高级 count as 高级; no level as 无) and 人数, their sum. */
export const TitleLevelCounts = z.object({
  junior: z.number().int().min(0),
  intermediate: z.number().int().min(0),
  senior: z.number().int().min(0),
  none: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type TitleLevelCounts = z.infer<typeof TitleLevelCounts>;

/** One 专业技术职务 row. */
export const TitleDistributionRow = TitleLevelCounts.extend({ titleSeries: TitleSeriesCode });
export type TitleDistributionRow = z.infer<typeof TitleDistributionRow>;

/**
 * Every title series in contracts' order (titleSeries), zeros included, the 合计 of all rows, and
 * how many of the people counted had no title series (in no row, not in 合计).
 */
export const TitleDistribution = z.object({
  from: CalendarDate.nullable(),
  to: CalendarDate,
  final: AnswerFinal,
  unitId: z.uuid(),
  unitName: z.string(),
  rows: z.array(TitleDistributionRow),
  totals: TitleLevelCounts,
  withoutSeries: z.number().int().min(0),
});
export type TitleDistribution = z.infer<typeof TitleDistribution>;
