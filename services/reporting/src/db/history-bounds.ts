// The interval columns every history table (unit_history, person_history) shares, as read and mapped.

/** The select list of a history row's version and validity interval. */
export const HISTORY_BOUNDS = "version, event_id::text AS event_id, occurred_at, valid_from, valid_to";

/** A history row's version and validity interval as PostgreSQL returns them. */
export interface BoundsRow {
  version: number;
  event_id: string;
  occurred_at: Date;
  valid_from: Date;
  valid_to: Date | null;
}

/** A history row's bounds as domain/history.ts HistoryInterval holds them. */
export const bounds = (r: BoundsRow) => ({ version: r.version, eventId: r.event_id, occurredAt: r.occurred_at, validFrom: r.valid_from, validTo: r.valid_to });
