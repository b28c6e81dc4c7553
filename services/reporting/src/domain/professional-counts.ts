import {
  assessCompliance,
  calendarDate,
  calendarYear,
  endOfDay,
  type Instant,
  NATIONAL_RULE,
  notAfterToday,
  pickRule,
  type ScopedComplianceRule,
  type UnitKind,
} from "@ce/contracts";
import type { UnitFigures } from "./unit-figures.ts";

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
 * Whether an answer as of `date` (统计时间, or a range's 结束时间; a Beijing calendar date the
 * use case has already checked with notAfterToday) is final — contracts AnswerFinal: the day has
 * ended on the Beijing calendar (it is before today's date at `now`), so the same question asked
 * later answers the same; today's is not final. Pure.
 */
export function answerFinal(date: string, now: Instant): boolean {
  return date < calendarDate(now);
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

/** The kinds and status of the units that are rows whatever their figures (alwaysARow), for SQL. */
export const ALWAYS_A_ROW = { kinds: ["EMPLOYER", "TRAINING_BASE"] as UnitKind[], status: "APPROVED" } as const;

/** Whether a unit is a row of 专业技术人员数量查询 whatever its figures: a 用人单位 or 继续教育基地 approved at the instant (any other unit is one only with registered people). */
export const alwaysARow = (unit: UnitAsOf & { kind: UnitKind }): boolean => ALWAYS_A_ROW.kinds.includes(unit.kind) && unit.status === ALWAYS_A_ROW.status;

/** The rows' order: by unit name, then id. */
export function byRowOrder(a: { unitName: string; unitId: string }, b: { unitName: string; unitId: string }): number {
  return a.unitName === b.unitName ? (a.unitId < b.unitId ? -1 : 1) : a.unitName < b.unitName ? -1 : 1;
}

/** 0 公需 and 0 专业 hours in `region`: 合格 only if that meets the rule for `year` (judgeYear — never, under the national rule). */
const idleComply = (rules: readonly ScopedComplianceRule[], year: number, region: string | null) =>
  judgeYear(rules, year, region, { general: 0, professional: 0 });

/**
 * Whether people without counted hours may be 合格 in `year` anywhere: some rule that can apply to
 * the year (judgeYear picks one of them, or the national rule) is met by 0 公需 and 0 专业 hours —
 * then each unit's 合格总数 depends on its region and a subtree's sum of figures is not its 合格总数.
 */
export function idleMayComply(rules: readonly ScopedComplianceRule[], year: number): boolean {
  return [...rules.filter((r) => r.year === null || r.year === year), NATIONAL_RULE].some(
    (r) => assessCompliance(r, { general: 0, professional: 0 }).compliant,
  );
}

/**
 * One unit's row from its figures as of the instant (none: 0): 注册, 学习, and 合格 among the
 * learners as the rollup holds them, plus the people without counted hours when 0 hours meet the
 * rule for `year` and the unit's region.
 */
export function countRow(
  unit: UnitAsOf & { kind: UnitKind },
  f: Omit<UnitFigures, "unitId"> | undefined,
  rules: readonly ScopedComplianceRule[],
  year: number,
): CountRow {
  const [registered, studying] = [f?.registered ?? 0, f?.studying ?? 0];
  const idle = registered - studying;
  const compliant = (f?.compliant ?? 0) + (idle > 0 && idleComply(rules, year, unit.region) ? idle : 0);
  return { unitId: unit.unitId, unitName: unit.name ?? "", unitKind: unit.kind, registered, studying, compliant, passRate: passRate(compliant, registered) };
}

/** The total row of summed figures (合格率 from them). */
export const totalRow = (f: Omit<UnitFigures, "unitId">): CountFigures => ({
  registered: f.registered,
  studying: f.studying,
  compliant: f.compliant,
  passRate: passRate(f.compliant, f.registered),
});

/**
 * 专业技术人员数量查询's rows and total row: one row per 用人单位 and 继续教育基地 (approved at the
 * instant) of the units given, and per any other unit that had registered people then; ordered by
 * name, then id. `figures` are the units' figures as of the instant (the rollup unit_figures: 注册,
 * 学习, and 合格 among the learners, judged by the hours service's yearly rule when their hours
 * changed); the people without counted hours are counted by countRow. The total row sums the
 * rows' units, so it equals the sum of the rows. (The use case reads the total of a whole subtree
 * from the subtree rollup instead when idleMayComply says the sum is the figure.)
 */
export function professionalCountRows(
  units: readonly UnitAsOf[],
  figures: readonly UnitFigures[],
  rules: readonly ScopedComplianceRule[],
  year: number,
): { rows: CountRow[]; total: CountFigures } {
  const byUnit = new Map(figures.map((f) => [f.unitId, f]));
  const all = knownUnits(units).map((u) => ({ unit: u, row: countRow(u, byUnit.get(u.unitId), rules, year) }));
  const total = { registered: 0, studying: 0, compliant: 0 };
  for (const { row } of all) {
    total.registered += row.registered;
    total.studying += row.studying;
    total.compliant += row.compliant;
  }
  const rows = all
    .filter(({ unit, row }) => row.registered > 0 || alwaysARow(unit))
    .map(({ row }) => row)
    .sort(byRowOrder);
  return { rows, total: totalRow(total) };
}
