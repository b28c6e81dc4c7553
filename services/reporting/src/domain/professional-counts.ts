import {
  assessCompliance,
  calendarDate,
  calendarYear,
  DomainError,
  endOfDay,
  type Instant,
  NATIONAL_RULE,
  pickRule,
  type ScopedComplianceRule,
  type UnitKind,
} from "@ce/contracts";

/**
 * The instant a 统计时间 stands for: the end of that Beijing calendar day (2026-06-30 →
 * 2026-06-30T15:59:59.999Z), so everything that happened on the day counts.
 */
export const asOfInstant = (asOf: string): Date => endOfDay(asOf);

/** The year a statistic counts hours of (学习总数, 合格总数): the calendar year of 统计时间, Beijing time. */
export const statisticYear = (asOf: string): number => calendarYear(asOfInstant(asOf));

/**
 * 统计时间 as the use case takes it: the given date, or today on the Beijing calendar. Raises
 * DomainError BAD_REQUEST on field `asOf` for a date after today (the input schema refuses dates
 * before STATISTICS_EPOCH).
 */
export function statisticDate(asOf: string | undefined, now: Instant): string {
  return notAfterToday(asOf ?? calendarDate(now), now, "统计时间", "asOf");
}

/**
 * A statistic's date checked against today on the Beijing calendar: returned as is when not later.
 * Raises DomainError BAD_REQUEST on `field` ("{label}不能晚于今天（YYYY-MM-DD）") otherwise.
 */
export function notAfterToday(date: string, now: Instant, label: string, field: string): string {
  const today = calendarDate(now);
  if (date > today) throw new DomainError("BAD_REQUEST", `${label}不能晚于今天（${today}）`, field);
  return date;
}

/**
 * Whether a person's year is 合格: contracts' assessCompliance under the most specific rule for
 * `year` and the 地区 `region` of their unit (pickRule; the national rule when none fits) — the
 * one place reporting applies the hours service's yearly rule.
 */
export function judgeYear(
  rules: readonly ScopedComplianceRule[],
  year: number,
  region: string | null,
  hours: { general: number; professional: number },
): boolean {
  return assessCompliance(pickRule(rules, year, region) ?? NATIONAL_RULE, hours).compliant;
}

/** A unit as it was at the statistic instant (from the unit history). */
export interface UnitAsOf {
  unitId: string;
  name: string | null;
  kind: UnitKind | null;
  status: string | null;
  region: string | null;
}

/**
 * People registered (审核通过) at the statistic instant, grouped by their unit then and their
 * recognised hours of the year that counted then: `people` persons of `unitId` with exactly
 * `general` / `professional` hours; `studying` when they had any approved, non-voided record.
 */
export interface CountGroup {
  unitId: string;
  general: number;
  professional: number;
  studying: boolean;
  people: number;
}

export interface CountFigures {
  registered: number;
  studying: number;
  compliant: number;
  /** 合格率 in percent, two decimals (合格总数 / 注册总数); null when nobody is registered. */
  passRate: number | null;
}

export interface CountRow extends CountFigures {
  unitId: string;
  unitName: string;
  unitKind: UnitKind;
}

/** 合格率: compliant / registered as a percentage rounded half up to two decimals; null for 0 registered. */
export function passRate(compliant: number, registered: number): number | null {
  return registered === 0 ? null : Math.round((compliant * 10_000) / registered) / 100;
}

/**
 * The units a statistic counts in: those whose kind is known. A unit known only from a unit.moved
 * that overtook its snapshot has no kind yet and is left out until the snapshot arrives.
 */
export function knownUnits(units: readonly UnitAsOf[]): Array<UnitAsOf & { kind: UnitKind }> {
  return units.flatMap((u) => (u.kind === null ? [] : [{ ...u, kind: u.kind }]));
}

const ROW_KINDS: ReadonlySet<UnitKind> = new Set(["EMPLOYER", "TRAINING_BASE"]);

/**
 * 专业技术人员数量查询's rows and total row: one row per 用人单位 and 继续教育基地 (approved at the
 * instant) of the units given, and per any other unit that had registered people then; ordered by
 * name, then id. 合格 is the hours service's yearly rule (contracts' assessCompliance) under the most
 * specific rule for `year` and the unit's region (pickRule; the national rule when none fits).
 * The total row sums the groups of the units shown, so it equals the sum of the rows.
 */
export function professionalCountRows(
  units: readonly UnitAsOf[],
  groups: readonly CountGroup[],
  rules: readonly ScopedComplianceRule[],
  year: number,
): { rows: CountRow[]; total: CountFigures } {
  const known = knownUnits(units);
  const byUnit = new Map(known.map((u) => [u.unitId, { unit: u, registered: 0, studying: 0, compliant: 0 }]));
  const total = { registered: 0, studying: 0, compliant: 0 };
  for (const g of groups) {
    const acc = byUnit.get(g.unitId);
    if (!acc) continue;
    const compliant = judgeYear(rules, year, acc.unit.region, g) ? g.people : 0;
    const studying = g.studying ? g.people : 0;
    for (const figures of [acc, total]) {
      figures.registered += g.people;
      figures.studying += studying;
      figures.compliant += compliant;
    }
  }
  const rows = [...byUnit.values()]
    .filter(({ unit, registered }) => registered > 0 || (ROW_KINDS.has(unit.kind) && unit.status === "APPROVED"))
    .map(({ unit, registered, studying, compliant }) => ({
      unitId: unit.unitId,
      unitName: unit.name ?? "",
      unitKind: unit.kind,
      registered,
      studying,
      compliant,
      passRate: passRate(compliant, registered),
    }))
    .sort((a, b) => (a.unitName === b.unitName ? (a.unitId < b.unitId ? -1 : 1) : a.unitName < b.unitName ? -1 : 1));
  return { rows, total: { ...total, passRate: passRate(total.compliant, total.registered) } };
}
