import { type ComplianceDashboard, type ComplianceDashboardInput, calendarDate } from "@ce/contracts";
import { paginate } from "@ce/service-kit";
import { countedPeople, countGroupsAsOf } from "../../db/counted-people.ts";
import { subtreeAsOf } from "../../db/unit-history.ts";
import type { ReportingDeps } from "../../deps.ts";
import { complianceProjection, elapsedShare, projectedHours, rate } from "../../domain/dashboards.ts";
import { answerFinal, asOfInstant, knownUnits, statisticYear } from "../../domain/professional-counts.ts";
import { callerScope, type PrincipalCaller, unitInCallerScope } from "../statistics/scope.ts";

/**
 * 达标进度 (issue 11 item 6a): this year's compliance per unit of the caller's subtree today (the
 * people 专业技术人员数量查询 counts for today), the year-end projection at each person's pace
 * (hours so far ÷ the share of the year gone, domain complianceProjection) and one page of the
 * people at risk — not 合格 and not reaching the rule at that pace — by name (as the statistics'
 * drill-downs list them). Raises DomainError FORBIDDEN for a caller without a unit scope.
 */
export async function complianceDashboard(deps: ReportingDeps, { principal }: PrincipalCaller, input: ComplianceDashboardInput): Promise<ComplianceDashboard> {
  const scope = callerScope(principal);
  const root = await unitInCallerScope(deps, scope.unitId, scope.scopePath, "unitId", "单位");
  // One clock read per answer: `final` must describe the day the data was read for (ADR 019).
  const now = deps.now();
  const asOf = calendarDate(now);
  const at = asOfInstant(asOf);
  const year = statisticYear(asOf);
  const share = elapsedShare(asOf);
  const units = knownUnits(await subtreeAsOf(deps.db, root.id, scope.scopePath, at));
  const unitIds = units.map((u) => u.unitId);
  const groups = unitIds.length > 0 ? await countGroupsAsOf(deps.db, unitIds, at, year) : [];
  const p = complianceProjection(units, groups, deps.complianceRules, year, share);
  const rows = units
    .flatMap((u) => {
      const f = p.byUnit.get(u.unitId);
      return f
        ? [
            {
              unitId: u.unitId,
              unitName: u.name ?? "",
              unitKind: u.kind,
              ...f,
              passRate: rate(f.compliant, f.registered),
              projectedPassRate: rate(f.projectedCompliant, f.registered),
            },
          ]
        : [];
    })
    .sort((a, b) => a.unitName.localeCompare(b.unitName, "zh-CN") || a.unitId.localeCompare(b.unitId));
  const names = new Map(units.map((u) => [u.unitId, u.name ?? ""]));
  const atRisk = await paginate(
    input,
    async () => p.atRiskPeople,
    async (window) => (p.atRiskPeople === 0 ? [] : countedPeople(deps.db, { unitIds, at, year, filter: { measure: "COMPLIANT", keys: p.atRisk } }, window)),
  );
  return {
    asOf,
    // Always today (the current year so far): never final.
    final: answerFinal(asOf, now),
    year,
    elapsedShare: share,
    unitName: root.name,
    rows,
    totals: { ...p.totals, passRate: rate(p.totals.compliant, p.totals.registered), projectedPassRate: rate(p.totals.projectedCompliant, p.totals.registered) },
    atRisk: {
      ...atRisk,
      items: atRisk.items.map((x) => ({
        accountId: x.accountId,
        name: x.name,
        idNumberMasked: x.idNumberMasked,
        unitName: names.get(x.unitId) ?? "",
        general: x.general,
        professional: x.professional,
        total: x.general + x.professional,
        projectedTotal: projectedHours(x.general, share) + projectedHours(x.professional, share),
      })),
    },
  };
}
