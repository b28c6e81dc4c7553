/**
 * The yearly compliance rule (合格 / 不合格, SPEC §3.7 "Yearly compliance"), in one place for every
 * service: hours judges a professional's own years with it (学时达标情况) and reporting counts
 * 合格总数 with it (专业技术人员数量查询). Pure functions, no I/O.
 */

/** A yearly requirement: at least `minTotal` hours, professional subjects at least num/den of them. */
export interface ComplianceRule {
  minTotal: number;
  professionalShareNum: number;
  professionalShareDen: number;
}

/** The national default (人社部令第25号): 90 hours a year, two thirds of them professional. */
export const NATIONAL_RULE: ComplianceRule = { minTotal: 90, professionalShareNum: 2, professionalShareDen: 3 };

/** A rule as stored per year and region (null = any year / any region); the most specific one applies (pickRule). */
export interface ScopedComplianceRule extends ComplianceRule {
  year: number | null;
  region: string | null;
}

/**
 * The rules hours' database is seeded with (services/hours/migrations/0005_compliance.sql: one
 * row, any year and region, the national rule). Hours has no way to change its rules today, so
 * reporting judges 合格 by this same list (ADR 013); when rules become editable, hours publishes
 * them as an event and reporting keeps its own copy instead.
 */
export const SEEDED_COMPLIANCE_RULES: readonly ScopedComplianceRule[] = [{ year: null, region: null, ...NATIONAL_RULE }];

export interface YearHours {
  general: number;
  professional: number;
}

export interface ComplianceResult extends YearHours {
  total: number;
  compliant: boolean;
  /** Hours still missing in all, and how many of them must be professional. */
  missingTotal: number;
  missingProfessional: number;
}

/** Whether a person-year is 合格; integer arithmetic so the 2/3 boundary is exact. */
export function assessCompliance(rule: ComplianceRule, hours: YearHours): ComplianceResult {
  const { general, professional } = hours;
  const { minTotal, professionalShareNum: num, professionalShareDen: den } = rule;
  const total = general + professional;
  const shareMet = professional * den >= total * num;
  // Professional hours x to add so that (p + x) ≥ num/den × max(t + x, minTotal).
  const forShare = num >= den ? 0 : Math.max(0, Math.ceil((num * total - den * professional) / (den - num)));
  const forMinimum = Math.max(0, Math.ceil((minTotal * num) / den) - professional);
  const missingProfessional = Math.max(forShare, forMinimum);
  const missingTotal = Math.max(0, minTotal - total, missingProfessional);
  return { general, professional, total, compliant: total >= minTotal && shareMet, missingTotal, missingProfessional };
}

/**
 * The most specific rule for a year and a 行政区划 code (GB/T 2260): year+region, then year, then
 * region (the county, its city "xxxx00", its province "xx0000"), then the default; null when none fits.
 */
export function pickRule<R extends { year: number | null; region: string | null }>(rules: readonly R[], year: number, region: string | null): R | null {
  const regions = region ? [region, `${region.slice(0, 4)}00`, `${region.slice(0, 2)}0000`] : [];
  const score = (r: R) => {
    if (r.year !== null && r.year !== year) return -1;
    if (r.region !== null && !regions.includes(r.region)) return -1;
    const regionRank = r.region === null ? 0 : 3 - regions.indexOf(r.region);
    return (r.year !== null ? 10 : 0) + regionRank;
  };
  return [...rules].filter((r) => score(r) >= 0).sort((a, b) => score(b) - score(a))[0] ?? null;
}
