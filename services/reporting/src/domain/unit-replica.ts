import { calendarDate, type UnitSnapshot } from "@ce/contracts";

/**
 * The registration-statistics bucket a new unit counts in: the Beijing calendar day of the event
 * (`occurredAt`, ISO instant; 2025-12-31T16:00Z counts on 2026-01-01), its kind and region ("" for none).
 */
export function registrationBucket(snapshot: Pick<UnitSnapshot, "kind" | "region">, occurredAt: string) {
  return { day: calendarDate(occurredAt), kind: snapshot.kind, region: snapshot.region ?? "" };
}

export type UnitCounts = Record<UnitSnapshot["kind"], number>;

/** Folds per-kind rows into a full record, with zero for kinds that have no units. */
export function unitCountsByKind(rows: Array<{ kind: string; count: number }>): UnitCounts {
  const counts: UnitCounts = { AUTHORITY: 0, EMPLOYER: 0, TRAINING_BASE: 0 };
  for (const r of rows) if (r.kind in counts) counts[r.kind as keyof UnitCounts] += r.count;
  return counts;
}
