import { z } from "zod";
import { PeriodAnswerFields, periodInOrder, StatisticPeriodFields } from "./statistics.ts";

/** The longest range 学时 per month is drawn for (months). */
export const MAX_CHART_MONTHS = 120;

/**
 * 审核通过学时 per month (a chart of 查询统计): 认定学时 approved in each Beijing calendar month
 * from 开始时间 to 结束时间 (default: the twelve months up to today) by the units of the caller's
 * subtree, or of `unitId`'s (outside the scope: NOT_FOUND), as the tree stood at the end of
 * 结束时间, counting only hours not voided by then. At most MAX_CHART_MONTHS months.
 */
export const ApprovedHoursByMonthInput = periodInOrder(z.object({ ...StatisticPeriodFields, unitId: z.uuid({ error: "单位编号无效" }).optional() }));
export type ApprovedHoursByMonthInput = z.infer<typeof ApprovedHoursByMonthInput>;

/** One month ("YYYY-MM"): 认定学时 approved in it and the number of 学时申报. */
export const ApprovedHoursMonth = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  hours: z.number().int().min(0),
  records: z.number().int().min(0),
});
export type ApprovedHoursMonth = z.infer<typeof ApprovedHoursMonth>;

/** Every month of the range in order, zeros included. */
export const ApprovedHoursByMonth = z.object({
  ...PeriodAnswerFields,
  unitId: z.uuid(),
  unitName: z.string(),
  months: z.array(ApprovedHoursMonth),
});
export type ApprovedHoursByMonth = z.infer<typeof ApprovedHoursByMonth>;
