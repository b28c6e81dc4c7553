import { calendarYear, DomainError, endOfDay, STATISTICS_EPOCH } from "@ce/contracts";

/** The first year a statistic may be asked about: the platform holds nothing older (STATISTICS_EPOCH's year). */
export const FIRST_STATISTIC_YEAR = Number(STATISTICS_EPOCH.slice(0, 4));

/**
 * The one check of a window of years asked about as of 统计时间 `asOf` (YYYY-MM-DD) — 人年抽取 and
 * 学时达标情况 alike: both years within [FIRST_STATISTIC_YEAR, the year of 统计时间], since a year
 * before the platform's data or after 统计时间 cannot be known (it would read as 0 学时, 不合格).
 * Returns 统计时间's year. Raises DomainError BAD_REQUEST naming the field: `fromYear` ("开始年度不能早于2000年",
 * "开始年度不能晚于统计时间所在年度（2025）"), `toYear` ("结束年度不能晚于统计时间所在年度（2025）").
 * The order and span of the two are the input schemas' to check. Pure.
 */
export function checkYearWindow(fromYear: number, toYear: number, asOf: string): number {
  const lastYear = calendarYear(endOfDay(asOf));
  if (fromYear < FIRST_STATISTIC_YEAR) throw new DomainError("BAD_REQUEST", `开始年度不能早于${FIRST_STATISTIC_YEAR}年（平台最早的数据年度）`, "fromYear");
  if (fromYear > lastYear) throw new DomainError("BAD_REQUEST", `开始年度不能晚于统计时间所在年度（${lastYear}）`, "fromYear");
  if (toYear > lastYear) throw new DomainError("BAD_REQUEST", `结束年度不能晚于统计时间所在年度（${lastYear}）`, "toYear");
  return lastYear;
}
