import type { ComplianceAsOfYear } from "@ce/contracts";

/**
 * The years of a person's 学时达标情况, oldest first: each year of `personYears` (the window's years
 * in which the person has a person-year — domain personYearsOf, 人年抽取's rule: registered at the
 * year's end, or at 统计时间 in its year; a year before their registration is not answered, as the
 * extract has no row for it) with the hours it had (from learningYears, as of the statistic
 * instant) or 0 学时 for a year with none, and 合格 as judged for that year (`judge`: the yearly
 * rule, so a year without hours is judged too). Pure.
 */
export function complianceWindow(
  years: ReadonlyArray<{ year: number; general: number; professional: number; compliant: boolean }>,
  personYears: readonly number[],
  judge: (year: number, hours: { general: number; professional: number }) => boolean,
): ComplianceAsOfYear[] {
  const known = new Map(years.map((y) => [y.year, y]));
  const out: ComplianceAsOfYear[] = [];
  for (const year of [...personYears].sort((a, b) => a - b)) {
    const y = known.get(year);
    const general = y?.general ?? 0;
    const professional = y?.professional ?? 0;
    out.push({ year, general, professional, total: general + professional, compliant: y ? y.compliant : judge(year, { general, professional }) });
  }
  return out;
}
