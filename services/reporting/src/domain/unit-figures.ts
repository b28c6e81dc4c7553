import { calendarDate, endOfDay } from "@ce/contracts";
import { countsAsOf, type HourRecord } from "./hour-record.ts";

/**
 * The per-unit rollup of 专业技术人员数量查询 (reporting.unit_figures, migration 0005, ADR 013
 * addendum "Scale"): for each unit and each Beijing day on which a figure changed, the figures as
 * of the end of that day — 注册总数 (`registered`, people 审核通过 in the unit then), and for the
 * calendar year of that day 学习总数 (`studying`: of them, people with hours of that year counting
 * then) and `compliant` (of those, people whose hours meet the year's rule). A 统计时间 D is then
 * one lookup per unit: the unit's latest row on or before D, its year figures read as 0 when that
 * row lies in an earlier year. People without counted hours have 0 公需 and 0 专业 hours; whether
 * that is 合格 is judged when reading (professionalCountRows), so the rule stays in one place.
 *
 * The handlers keep it by difference: for every event touching a person they compute the person's
 * contribution before and after (`personContribution`, a pure function of the person's history
 * and hour records), and add `contributionDelta` of the two to the unit's rows. Rows that say
 * nothing new (equal to the row before, year reset counted) are removed, so the table is a
 * function of the events held, whatever their order — what the rebuild compares.
 */

/** A person's state over time as the rollup needs it (person_history: unit and status, valid [validFrom, validTo)). */
export interface PersonSpan {
  unitId: string;
  status: string;
  validFrom: Date;
  validTo: Date | null;
}

/** The hour record fields the rollup reads. */
export type CountedRecord = Pick<HourRecord, "year" | "subject" | "recognizedHours" | "approvedAt" | "voidedAt">;

/** Whether a person-year with these hours is 合格 in `unitId` on `day` (the handler's judgeYear over the unit's region then). */
export type JudgeYear = (year: number, unitId: string, day: string, hours: { general: number; professional: number }) => boolean;

/**
 * A change of the figures of one unit from the end of `day` on: `registered` for every later day,
 * `studying` and `compliant` only up to the end of `day`'s year (each year counts its own hours).
 */
export interface FigureDelta {
  unitId: string;
  day: string;
  registered: number;
  studying: number;
  compliant: number;
}

/** The key of a delta in the maps below. */
const key = (unitId: string, day: string) => `${unitId}|${day}`;

function add(into: Map<string, FigureDelta>, unitId: string, day: string, d: { registered?: number; studying?: number; compliant?: number }, sign: number) {
  const k = key(unitId, day);
  const held = into.get(k) ?? { unitId, day, registered: 0, studying: 0, compliant: 0 };
  held.registered += sign * (d.registered ?? 0);
  held.studying += sign * (d.studying ?? 0);
  held.compliant += sign * (d.compliant ?? 0);
  into.set(k, held);
}

/** A person's 学习 / 合格 in one unit for one year (studying is always 1: people without counted hours add nothing). */
interface YearState {
  unitId: string;
  studying: number;
  compliant: number;
}

const sameYearState = (a: YearState | null, b: YearState | null) => a?.unitId === b?.unitId && a?.compliant === b?.compliant;

/**
 * `compute` memoised by key in a map that is emptied once it holds more than `max` entries, so a
 * long rebuild cannot grow it without end. Pure as `compute` is.
 */
function boundedMemo<K, V>(compute: (key: K) => V, max = 200_000): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size > max) cache.clear();
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

// calendarDate per instant is the rollup's hot spot (a formatter call each); Beijing has kept a
// whole-hour offset (+08:00, no daylight saving) since 1991, so every instant of one UTC hour has the same
// date and one call per hour suffices.
const HOUR_MS = 3_600_000;
const dayOfHour = boundedMemo((hour: number) => calendarDate(new Date(hour * HOUR_MS)));
/** The Beijing calendar date of an instant (contracts' calendarDate, one call per UTC hour). */
export const beijingDay = (t: Date): string => dayOfHour(Math.floor(t.getTime() / HOUR_MS));
/** The last millisecond of a Beijing day (contracts' endOfDay, cached: the rollups ask it per day of a person's changes). */
export const endOf: (day: string) => Date = boundedMemo(endOfDay);

/** The span in force at `at` (validFrom ≤ at < validTo), as domain/history.ts intervalAt. */
const spanAt = (spans: readonly PersonSpan[], at: Date) => spans.find((s) => s.validFrom <= at && (s.validTo === null || at < s.validTo)) ?? null;

/**
 * What one person adds to the rollup, as deltas keyed by unit and day: +1 / −1 注册 where their
 * registered unit (status APPROVED in force at the end of a day) changes, and per calendar year the
 * same for 学习 and 合格 (the year's records counting at the end of the day — countsAsOf — while
 * registered). Only the days on which something of theirs happened are looked at: between them
 * nothing changes. Pure; the sum over all people of these deltas is the rollup.
 */
export function personContribution(spans: readonly PersonSpan[], records: readonly CountedRecord[], judge: JudgeYear): Map<string, FigureDelta> {
  const out = new Map<string, FigureDelta>();
  const instants = [
    ...spans.flatMap((s) => (s.validTo === null ? [s.validFrom] : [s.validFrom, s.validTo])),
    ...records.flatMap((r) => [r.approvedAt, r.voidedAt].filter((t): t is Date => t !== null)),
  ];
  // Each record's year starts counting on its 1 January at the latest (a record approved before its year counts from then).
  const yearStarts = records.filter((r) => r.approvedAt !== null).map((r) => `${String(r.year).padStart(4, "0")}-01-01`);
  const days = [...new Set([...instants.map(beijingDay), ...yearStarts])].sort();
  const unitAt = (day: string) => {
    const s = spanAt(spans, endOf(day));
    return s !== null && s.status === "APPROVED" ? s.unitId : null;
  };
  // 注册总数: the registered unit at the end of each day it may change.
  let unit: string | null = null;
  for (const day of days) {
    const now = unitAt(day);
    if (now === unit) continue;
    if (unit !== null) add(out, unit, day, { registered: 1 }, -1);
    if (now !== null) add(out, now, day, { registered: 1 }, 1);
    unit = now;
  }
  // 学习总数 / 合格总数 of each year, from nothing at its start.
  const years = [...new Set(days.map((d) => Number(d.slice(0, 4))))];
  for (const year of years) {
    let held: YearState | null = null;
    for (const day of days.filter((d) => Number(d.slice(0, 4)) === year)) {
      const at = endOf(day);
      const u = unitAt(day);
      const counted = u === null ? [] : records.filter((r) => r.year === year && countsAsOf(r, at));
      let next: YearState | null = null;
      if (u !== null && counted.length > 0) {
        const hours = { general: 0, professional: 0 };
        for (const r of counted) hours[r.subject === "GENERAL" ? "general" : "professional"] += r.recognizedHours ?? 0;
        next = { unitId: u, studying: 1, compliant: judge(year, u, day, hours) ? 1 : 0 };
      }
      if (sameYearState(held, next)) continue;
      if (held !== null) add(out, held.unitId, day, held, -1);
      if (next !== null) add(out, next.unitId, day, next, 1);
      held = next;
    }
  }
  return out;
}

/**
 * The deltas turning `before` into `after` (two personContribution results), sorted by unit then
 * day, without the ones that cancel out. Empty when an event changed nothing of the person's
 * figures (a duplicate, a title change), so re-applying an event changes no row.
 */
export function contributionDelta(before: ReadonlyMap<string, FigureDelta>, after: ReadonlyMap<string, FigureDelta>): FigureDelta[] {
  const out = new Map<string, FigureDelta>();
  for (const d of after.values()) add(out, d.unitId, d.day, d, 1);
  for (const d of before.values()) add(out, d.unitId, d.day, d, -1);
  return [...out.values()]
    .filter((d) => d.registered !== 0 || d.studying !== 0 || d.compliant !== 0)
    .sort((a, b) => (a.unitId === b.unitId ? (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) : a.unitId < b.unitId ? -1 : 1));
}

/** A unit's figures as of the end of a day, as read from its latest rollup row on or before it. */
export interface UnitFigures {
  unitId: string;
  registered: number;
  studying: number;
  compliant: number;
}
