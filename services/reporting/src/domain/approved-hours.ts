import type { HourRecord } from "./hour-record.ts";
import { beijingDay } from "./unit-figures.ts";

/**
 * The rollup of 审核通过学时 per month (reporting.unit_approved_hours, migration 0006): 认定学时 and
 * records approved per declaring unit and Beijing day, split by the Beijing day the hours were
 * voided (NEVER when they were not). A chart from day F to day D sums the approval days in
 * [F, D] whose voiding day is after D — countsAsOf at the end of D, by day, which is exact because
 * a chart's bounds are whole Beijing days.
 */
export interface ApprovedHoursKey {
  unitId: string;
  approvedDay: string;
  voidedDay: string;
}

export interface ApprovedHoursDelta extends ApprovedHoursKey {
  hours: number;
  records: number;
}

/** The voiding day of hours never voided (PostgreSQL's date 'infinity': after every day). */
export const NEVER = "infinity";

/** What one hour record adds to the rollup: nothing before its approval, else its hours on its approval day. */
export function recordContribution(r: Pick<HourRecord, "unitId" | "recognizedHours" | "approvedAt" | "voidedAt"> | null): ApprovedHoursDelta[] {
  if (r === null || r.approvedAt === null) return [];
  const voidedDay = r.voidedAt === null ? NEVER : beijingDay(r.voidedAt);
  return [{ unitId: r.unitId, approvedDay: beijingDay(r.approvedAt), voidedDay, hours: r.recognizedHours ?? 0, records: 1 }];
}

/**
 * The changes turning a record's contribution `before` into `after` (recordContribution of the
 * record held and of the record after one more event), ordered by key; empty when nothing changed.
 */
export function approvedHoursDelta(before: readonly ApprovedHoursDelta[], after: readonly ApprovedHoursDelta[]): ApprovedHoursDelta[] {
  const out = new Map<string, ApprovedHoursDelta>();
  for (const [sign, list] of [
    [1, after],
    [-1, before],
  ] as const) {
    for (const d of list) {
      const k = `${d.unitId}|${d.approvedDay}|${d.voidedDay}`;
      const held = out.get(k) ?? { ...d, hours: 0, records: 0 };
      out.set(k, { ...held, hours: held.hours + sign * d.hours, records: held.records + sign * d.records });
    }
  }
  return [...out.entries()]
    .filter(([, d]) => d.hours !== 0 || d.records !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
}
