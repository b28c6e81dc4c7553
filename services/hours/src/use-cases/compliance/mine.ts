import { type ComplianceYear, calendarYear, DomainError } from "@ce/contracts";
import { complianceRules, hoursByYear, regionOfProfessional } from "../../db/compliance.ts";
import type { HoursDeps } from "../../deps.ts";
import { assessCompliance, NATIONAL_RULE, pickRule } from "../../domain/compliance.ts";
import { type Caller, isProfessional } from "../caller.ts";

/**
 * A professional's own yearly compliance (合格 / 不合格) for the last `input.years` years on the
 * Beijing calendar, newest first: recognised hours per subject, judged by the most specific stored
 * rule for the year and their unit's region, else the national default (人社部令第25号). Raises
 * DomainError FORBIDDEN for anyone but a professional.
 */
export async function myCompliance(deps: HoursDeps, { principal: p }: Caller, input: { years: number }): Promise<ComplianceYear[]> {
  if (!isProfessional(p)) throw new DomainError("FORBIDDEN", "仅专业技术人员可以查看本人的学时达标情况");
  const current = calendarYear(deps.now());
  const years = Array.from({ length: input.years }, (_, i) => current - i);
  const [hours, rules, region] = await Promise.all([
    hoursByYear(deps.db, p.accountId, years),
    complianceRules(deps.db),
    regionOfProfessional(deps.db, p.accountId),
  ]);
  return years.map((year) => {
    const rule = pickRule(rules, year, region) ?? NATIONAL_RULE;
    return {
      year,
      ...assessCompliance(rule, hours.get(year)!),
      minTotal: rule.minTotal,
      professionalShare: `${rule.professionalShareNum}/${rule.professionalShareDen}`,
    };
  });
}
