import type { ComplianceAsOfYear } from "@ce/contracts";

/**
 * Every year `fromYear`…`toYear` of a person's 学时达标情况, oldest first: the hours a year had
 * (from learningYears, as of the statistic instant) or 0 学时 for a year with none, and 合格 as
 * judged for that year (`judge`: the yearly rule, so a year without hours is judged too). Pure.
 */
export function complianceWindow(
  years: ReadonlyArray<{ year: number; general: number; professional: number; compliant: boolean }>,
  fromYear: number,
  toYear: number,
  judge: (year: number, hours: { general: number; professional: number }) => boolean,
): ComplianceAsOfYear[] {
  const known = new Map(years.map((y) => [y.year, y]));
  const out: ComplianceAsOfYear[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const y = known.get(year);
    const general = y?.general ?? 0;
    const professional = y?.professional ?? 0;
    out.push({ year, general, professional, total: general + professional, compliant: y ? y.compliant : judge(year, { general, professional }) });
  }
  return out;
}
