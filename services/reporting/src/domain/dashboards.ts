// 管理看板 (issue 11 item 6): the pure parts — a period's defaults, the share of a year gone, the
// year-end projection at a person's pace, compliance per unit and who is at risk, rates, and
// 驳回原因 labelled by their code list.
import { calendarDate, endOfDay, notAfterToday, type RejectReasonCode, rejectReasons, type ScopedComplianceRule, startOfDay } from "@ce/contracts";
import type { GroupKey } from "./count-people.ts";
import { type CountGroup, judgeYear, type UnitAsOf } from "./professional-counts.ts";

/** A percentage with two decimals; null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 100);

/**
 * A dashboard's period as Beijing dates and instants: 结束时间 `to` defaults to today, 开始时间
 * `from` to 1 January of `to`'s year; `since` is the start of `from`, `until` the end of `to`.
 * Raises DomainError BAD_REQUEST on `to` / `from` for a day after today.
 */
export function dashboardPeriod(input: { from?: string | undefined; to?: string | undefined }, now: Date) {
  const to = notAfterToday(input.to ?? calendarDate(now), now, "结束时间", "to");
  const from = notAfterToday(input.from ?? `${to.slice(0, 4)}-01-01`, now, "开始时间", "from");
  return { from, to, since: startOfDay(from), until: endOfDay(to) };
}

/** The share of `asOf`'s Beijing year gone by the end of that day (1 January: 1/365; 31 December: 1). */
export function elapsedShare(asOf: string): number {
  const year = asOf.slice(0, 4);
  const start = startOfDay(`${year}-01-01`).getTime();
  const end = endOfDay(`${year}-12-31`).getTime() + 1;
  return (endOfDay(asOf).getTime() + 1 - start) / (end - start);
}

/** Hours at the year's end if the pace so far holds: hours ÷ the share of the year gone, rounded down. */
export const projectedHours = (hours: number, share: number): number => (share <= 0 ? hours : Math.floor(hours / share));

interface Figures {
  registered: number;
  compliant: number;
  projectedCompliant: number;
}

/**
 * Compliance per unit today and at year end (issue 11 item 6a), from the people grouped by unit and
 * hours (countGroupsAsOf): 合格 by judgeYear (contracts' rule, the unit's region) as the statistics
 * count; 预计合格 when 合格 already or when the hours projected at the current pace (公需 and 专业
 * each) would be; the at-risk groups are those neither. Units without registered people are left out.
 */
export function complianceProjection(
  units: readonly UnitAsOf[],
  groups: readonly CountGroup[],
  rules: readonly ScopedComplianceRule[],
  year: number,
  share: number,
): { byUnit: Map<string, Figures>; totals: Figures; atRisk: GroupKey[]; atRiskPeople: number } {
  const regions = new Map(units.map((u) => [u.unitId, u.region]));
  const byUnit = new Map<string, Figures>();
  const totals: Figures = { registered: 0, compliant: 0, projectedCompliant: 0 };
  const atRisk: GroupKey[] = [];
  let atRiskPeople = 0;
  for (const g of groups) {
    if (!regions.has(g.unitId)) continue;
    const region = regions.get(g.unitId) ?? null;
    const now = judgeYear(rules, year, region, g);
    const later = now || judgeYear(rules, year, region, { general: projectedHours(g.general, share), professional: projectedHours(g.professional, share) });
    const unit = byUnit.get(g.unitId) ?? { registered: 0, compliant: 0, projectedCompliant: 0 };
    for (const f of [unit, totals]) {
      f.registered += g.people;
      if (now) f.compliant += g.people;
      if (later) f.projectedCompliant += g.people;
    }
    byUnit.set(g.unitId, unit);
    if (!later) {
      atRisk.push({ unitId: g.unitId, general: g.general, professional: g.professional });
      atRiskPeople += g.people;
    }
  }
  return { byUnit, totals, atRisk, atRiskPeople };
}

/** Rejections counted per 驳回原因 code, in the code list's order (every code, zeros included), then those without a code. */
export function rejectionReasonRows(
  counts: ReadonlyArray<{ code: string | null; count: number }>,
): Array<{ code: RejectReasonCode | null; label: string; count: number }> {
  const of = new Map(counts.map((c) => [c.code, c.count]));
  const rows: Array<{ code: RejectReasonCode | null; label: string; count: number }> = rejectReasons.map((r) => ({
    code: r.code,
    label: r.label,
    count: of.get(r.code) ?? 0,
  }));
  const known = new Set<string | null>(rejectReasons.map((r) => r.code));
  const uncoded = counts.filter((c) => !known.has(c.code)).reduce((n, c) => n + c.count, 0);
  if (uncoded > 0) rows.push({ code: null, label: "未记录原因代码", count: uncoded });
  return rows;
}
