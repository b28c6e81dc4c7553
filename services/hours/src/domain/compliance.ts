/** A yearly requirement: at least `minTotal` hours, professional subjects at least num/den of them. */
export interface ComplianceRule {
  minTotal: number;
  professionalShareNum: number;
  professionalShareDen: number;
}

/** The national default (人社部令第25号): 90 hours a year, two thirds of them professional. */
export const NATIONAL_RULE: ComplianceRule = { minTotal: 90, professionalShareNum: 2, professionalShareDen: 3 };

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

/** The most specific rule for a year and region: year+region, then year, then region, then the default. */
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
