// What keeps the subtree rollups (migration 0012, domain/subtree-rollups.ts) right when units'
// paths change, and the one lock every read-model writer of a schema takes first.
import type { EventEnvelope } from "@ce/contracts";
import { type EventHandler, likePrefix, quoteIdent, type SqlClient } from "@ce/service-kit";
import { lockAggregate } from "../db/aggregate-lock.ts";
import { moveApprovedHours } from "../db/approved-hours.ts";
import { moveFigures } from "../db/professional-counts.ts";
import { moveTitles } from "../db/title-distribution.ts";
import { reattribution } from "../domain/subtree-rollups.ts";

/**
 * The first lock of every read-model handler's transaction in `schema`: the subtree rollups' rows
 * (a province's, a city's) are shared by nearly every event, and the identity and hours consumers
 * apply batches of events in one transaction each, so without one lock taken before any other two
 * batches could lock the same rows (and people) in opposite orders. Writers of one schema run one
 * at a time; readers are never blocked.
 */
export function lockReadModels(tx: SqlClient, schema: string): Promise<void> {
  return lockAggregate(tx, schema, "read_models", "*");
}

/** The held paths of the given units and of every unit under `prefix` (null: none), by unit. */
async function heldPaths(tx: SqlClient, schema: string, ids: readonly string[], prefix: string | null): Promise<Map<string, string>> {
  const rows = await tx.$queryRawUnsafe<Array<{ id: string; path: string }>>(
    `SELECT id::text AS id, path FROM ${quoteIdent(schema)}.unit_replica WHERE id = ANY($1::uuid[]) OR ($2::text IS NOT NULL AND path LIKE $2)`,
    [...ids],
    prefix === null ? null : likePrefix(prefix),
  );
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** Moves the rows of units whose path changed between subtree nodes, in every subtree rollup (domain reattribution). */
export async function reattributeUnits(
  tx: SqlClient,
  schema: string,
  before: ReadonlyMap<string, string | null>,
  after: ReadonlyMap<string, string | null>,
): Promise<void> {
  const plan = reattribution(before, after);
  if (plan.length === 0) return;
  await moveFigures(tx, schema, plan);
  await moveTitles(tx, schema, plan);
  await moveApprovedHours(tx, schema, plan);
}

/**
 * The unit replica's handlers (service-kit unitReplicaHandlers), each wrapped so that the paths it
 * may change — the unit's own, and on unit.moved every path under the old one — are read before and
 * after it runs, and the rows of the units whose path changed are moved between subtree nodes in the
 * same transaction: a unit's first snapshot gives its rows to its ancestors, a move takes its
 * subtree's rows from the ancestors it left and gives them to the new ones.
 */
export function trackingUnitPaths<Tx extends SqlClient>(schema: string, handlers: readonly EventHandler<Tx>[]): EventHandler<Tx>[] {
  return handlers.map((h) => ({
    event: h.event,
    async handle(tx: Tx, event: EventEnvelope<unknown>) {
      const data = event.data as { unitId: string; oldPath?: string };
      const before = await heldPaths(tx, schema, [data.unitId], data.oldPath ?? null);
      await h.handle(tx, event);
      const ids = [...new Set([data.unitId, ...before.keys()])];
      const after = await heldPaths(tx, schema, ids, null);
      await reattributeUnits(tx, schema, before, after);
    },
  }));
}
