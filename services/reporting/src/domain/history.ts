/**
 * Validity intervals of one aggregate (a unit, a professional) from the versioned events identity
 * publishes about it (ADR 013). Each event is a *point*: the aggregate's version, the event's id and
 * `occurredAt`, and the fields that event carries (a full snapshot, or a part of one such as a
 * unit.moved's new superior). The history is a pure function of the set of points, whatever order
 * they arrived in and however often, so the live consumers and a rebuild end with the same rows.
 */

/** One event about one aggregate: its version, identity, time and the fields it carries. */
export interface HistoryPoint<S> {
  version: number;
  eventId: string;
  occurredAt: Date;
  /** The fields this event sets; fields it does not carry keep the previous version's value. */
  patch: Partial<S>;
}

/**
 * One row of a history table: the state of the aggregate from `validFrom` (inclusive) to
 * `validTo` (exclusive; null = still in force), as set by the point of `version`.
 */
export interface HistoryInterval<S> extends HistoryPoint<S> {
  validFrom: Date;
  validTo: Date | null;
  /** The full state in force: every earlier version's fields with this one's patch on top. */
  state: Partial<S>;
}

/** Of two points with the same version, the one kept: the later `occurredAt`, then the greater event id. */
function wins<S>(a: HistoryPoint<S>, b: HistoryPoint<S>): boolean {
  const t = a.occurredAt.getTime() - b.occurredAt.getTime();
  return t !== 0 ? t > 0 : a.eventId > b.eventId;
}

/**
 * The intervals of one aggregate from its points: ordered by version (identity's own order of
 * changes); one point per version (see `wins`); each version valid from its `occurredAt`, but never
 * before the version it follows (a clock that went backwards gives an empty interval, never two
 * intervals in force at once); valid until the next version's start; the last one open (validTo null).
 */
export function historyIntervals<S>(points: readonly HistoryPoint<S>[]): HistoryInterval<S>[] {
  const byVersion = new Map<number, HistoryPoint<S>>();
  for (const p of points) {
    const held = byVersion.get(p.version);
    if (!held || wins(p, held)) byVersion.set(p.version, p);
  }
  const ordered = [...byVersion.values()].sort((a, b) => a.version - b.version);
  const out: HistoryInterval<S>[] = [];
  for (const p of ordered) {
    const prev = out.at(-1);
    const validFrom = prev && prev.validFrom > p.occurredAt ? prev.validFrom : p.occurredAt;
    if (prev) prev.validTo = validFrom;
    out.push({ ...p, validFrom, validTo: null, state: { ...prev?.state, ...p.patch } });
  }
  return out;
}

const sameTime = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());

function sameState<S>(a: Partial<S>, b: Partial<S>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof S>;
  for (const k of keys) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  return true;
}

/**
 * The rows to write when `incoming` arrives at an aggregate whose stored intervals are `held`: the
 * new interval (if its version is new or it wins over the stored one) and every stored interval
 * whose bounds or state it changes. Empty for a duplicate or a losing point. Rows are keyed by
 * version, so writing them as upserts keeps the table equal to `historyIntervals` of all points.
 */
export function historyChanges<S>(held: readonly HistoryInterval<S>[], incoming: HistoryPoint<S>): HistoryInterval<S>[] {
  const next = historyIntervals([...held, incoming]);
  const before = new Map(held.map((h) => [h.version, h]));
  return next.filter((n) => {
    const h = before.get(n.version);
    return (
      !h ||
      h.eventId !== n.eventId ||
      !sameTime(h.occurredAt, n.occurredAt) ||
      !sameTime(h.validFrom, n.validFrom) ||
      !sameTime(h.validTo, n.validTo) ||
      !sameState(h.patch, n.patch) ||
      !sameState(h.state, n.state)
    );
  });
}

/** The interval in force at `at` (validFrom ≤ at < validTo), or null before the first one. */
export function intervalAt<S>(intervals: readonly HistoryInterval<S>[], at: Date): HistoryInterval<S> | null {
  return intervals.find((i) => i.validFrom <= at && (i.validTo === null || at < i.validTo)) ?? null;
}
