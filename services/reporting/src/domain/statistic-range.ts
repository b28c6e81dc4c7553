import { addDays, calendarDate, DomainError, type Instant, MAX_CHART_MONTHS, notAfterToday, startOfDay } from "@ce/contracts";

/** A statistic's 开始时间 (null: since the first record) and 结束时间, Beijing calendar dates. */
export interface StatisticRange {
  from: string | null;
  to: string;
}

/**
 * 开始时间 / 结束时间 as the use cases take them: 结束时间 defaults to today (Beijing), 开始时间 to
 * null (no lower bound). Raises DomainError BAD_REQUEST on `from` or `to` for a
 * day after today (the input schemas refuse dates before 2000 and a range ending before it starts).
 */
export function statisticRange(input: { from?: string | undefined; to?: string | undefined }, now: Instant): StatisticRange {
  const to = notAfterToday(input.to ?? calendarDate(now), now, "结束时间", "to");
  const from = input.from === undefined ? null : notAfterToday(input.from, now, "开始时间", "from");
  return { from, to };
}

/** The first day of the month twelve months before `to`'s, so that the chart's default range is twelve months ("2026-07-20" → "2025-08-01"). */
export function twelveMonthsBefore(to: string): string {
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7));
  return month === 12 ? `${year}-01-01` : `${year - 1}-${String(month + 1).padStart(2, "0")}-01`;
}

const monthOf = (date: string) => date.slice(0, 7);

/** The first day of the month after `month` ("2026-12" → "2027-01-01"): the 28th plus a week always lies in it. */
function nextMonthStart(month: string): string {
  return `${monthOf(addDays(`${month}-28`, 7))}-01`;
}

/**
 * The months of a chart from `from`'s month to `to`'s ("YYYY-MM", Beijing calendar) and the
 * instants that bound them: `bounds[i]` is when month i begins, `bounds[months.length]` when the
 * month after the last begins (SQL width_bucket over them gives month i + 1). Raises DomainError
 * BAD_REQUEST on `from` for more than MAX_CHART_MONTHS months.
 */
export function chartMonths(from: string, to: string): { months: string[]; bounds: Date[] } {
  const months: string[] = [];
  const bounds: Date[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = monthOf(nextMonthStart(m))) {
    if (months.length === MAX_CHART_MONTHS) throw new DomainError("BAD_REQUEST", `时间范围不能超过${MAX_CHART_MONTHS}个月`, "from");
    months.push(m);
    bounds.push(startOfDay(`${m}-01`));
  }
  bounds.push(startOfDay(nextMonthStart(monthOf(to))));
  return { months, bounds };
}
