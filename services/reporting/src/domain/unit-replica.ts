import type { UnitSnapshot } from "@ce/contracts";

/**
 * Events of one unit can arrive out of order (redelivery, parallel consumers): a snapshot
 * replaces the replica only when it is newer than what the replica holds.
 */
export function isNewerSnapshot(incoming: Pick<UnitSnapshot, "version">, held: { version: number } | null): boolean {
  return held === null || incoming.version > held.version;
}

/** The registration-statistics bucket a new unit counts in. */
export function registrationBucket(snapshot: Pick<UnitSnapshot, "kind" | "region">, occurredAt: string) {
  return { day: occurredAt.slice(0, 10), kind: snapshot.kind, region: snapshot.region ?? "" };
}

export type UnitCounts = Record<UnitSnapshot["kind"], number>;

/** Folds per-kind rows into a full record, with zero for kinds that have no units. */
export function unitCountsByKind(rows: Array<{ kind: string; count: number }>): UnitCounts {
  const counts: UnitCounts = { AUTHORITY: 0, EMPLOYER: 0, TRAINING_BASE: 0 };
  for (const r of rows) if (r.kind in counts) counts[r.kind as keyof UnitCounts] += r.count;
  return counts;
}
