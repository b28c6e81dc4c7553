import { TitleLevelCode, type TitleLevelCounts, type TitleSeriesCode, titleLevelBucket, titleSeries } from "@ce/contracts";

/** People registered at the statistic's end holding one (title series, level) then. */
export interface TitleGroup {
  titleSeries: string | null;
  titleLevel: string | null;
  people: number;
}

const BUCKET_FIELD = { 初级: "junior", 中级: "intermediate", 高级: "senior", 无: "none" } as const;

const zero = (): TitleLevelCounts => ({ junior: 0, intermediate: 0, senior: 0, none: 0, total: 0 });

/**
 * 职称系列分布情况's table: one row per title series in contracts' order (zeros included), people
 * per level bucket (titleLevelBucket: 副高级 and 正高级 are 高级; no level, or a level code
 * contracts does not know, is 无) and 人数; 合计 over all rows; and `withoutSeries`, the people
 * with no title series or one contracts does not know (in no row, not in 合计).
 */
export function titleDistribution(groups: readonly TitleGroup[]): {
  rows: Array<TitleLevelCounts & { titleSeries: TitleSeriesCode }>;
  totals: TitleLevelCounts;
  withoutSeries: number;
} {
  const rows = new Map(titleSeries.map((s) => [s.code as string, { titleSeries: s.code as TitleSeriesCode, ...zero() }]));
  const totals = zero();
  let withoutSeries = 0;
  for (const g of groups) {
    const row = g.titleSeries === null ? undefined : rows.get(g.titleSeries);
    if (!row) {
      withoutSeries += g.people;
      continue;
    }
    const level = TitleLevelCode.safeParse(g.titleLevel);
    const field = BUCKET_FIELD[level.success ? titleLevelBucket(level.data) : "无"];
    for (const counts of [row, totals]) {
      counts[field] += g.people;
      counts.total += g.people;
    }
  }
  return { rows: [...rows.values()], totals, withoutSeries };
}
