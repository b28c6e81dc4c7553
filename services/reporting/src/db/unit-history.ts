// The unit tree over time (ADR 013): each unit's history (one row per version, valid
// [valid_from, valid_to)), and the tree as it stood at an instant — the set of units a statistic
// of a subtree counts. Writes take any schema holding reporting's tables (live or a rebuild).
import { UnitKind, UnitStatus } from "@ce/contracts";
import { dbValue, likePrefix, quoteIdent, type SqlClient } from "@ce/service-kit";
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client.ts";
import type { HistoryInterval } from "../domain/history.ts";
import type { UnitState } from "../domain/identity-history.ts";
import type { UnitAsOf } from "../domain/professional-counts.ts";
import type { Db } from "./client.ts";
import { type BoundsRow, bounds, HISTORY_BOUNDS } from "./history-bounds.ts";

/** unit_history.patch: any subset of the unit's state, as one event carried it. */
const UnitPatch = z
  .object({
    superiorId: z.uuid().nullable(),
    name: z.string(),
    kind: UnitKind,
    status: UnitStatus,
    region: z.string().nullable(),
    path: z.string(),
  })
  .partial();

/** Every stored interval of one unit, oldest version first. */
export async function unitHistory(tx: SqlClient, schema: string, unitId: string): Promise<HistoryInterval<UnitState>[]> {
  const rows = await tx.$queryRawUnsafe<
    Array<
      BoundsRow & {
        patch: unknown;
        superior_id: string | null;
        name: string | null;
        kind: string | null;
        status: string | null;
        region: string | null;
        path: string | null;
      }
    >
  >(
    `SELECT ${HISTORY_BOUNDS}, patch, superior_id::text AS superior_id, name, kind, status, region, path
     FROM ${quoteIdent(schema)}.unit_history WHERE unit_id = $1::uuid ORDER BY version`,
    unitId,
  );
  return rows.map((r) => {
    // The state columns, unknown (null) fields left out: a history compares null and absent alike.
    const columns = { superiorId: r.superior_id, name: r.name, kind: r.kind, status: r.status, region: r.region, path: r.path };
    const state = dbValue(UnitPatch, Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== null)), "reporting.unit_history");
    return { ...bounds(r), patch: dbValue(UnitPatch, r.patch, "reporting.unit_history.patch"), state };
  });
}

/** Upserts intervals of one unit by (unit, version). */
export async function writeUnitHistory(tx: SqlClient, schema: string, unitId: string, rows: readonly HistoryInterval<UnitState>[]): Promise<void> {
  for (const r of rows) {
    const s = r.state;
    await tx.$executeRawUnsafe(
      `INSERT INTO ${quoteIdent(schema)}.unit_history
         (unit_id, version, event_id, occurred_at, valid_from, valid_to, patch, superior_id, name, kind, status, region, path)
       VALUES ($1::uuid, $2, $3::uuid, $4::timestamptz, $5::timestamptz, $6::timestamptz, $7::jsonb, $8::uuid, $9, $10, $11, $12, $13)
       ON CONFLICT (unit_id, version) DO UPDATE SET
         event_id = EXCLUDED.event_id, occurred_at = EXCLUDED.occurred_at, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
         patch = EXCLUDED.patch, superior_id = EXCLUDED.superior_id, name = EXCLUDED.name, kind = EXCLUDED.kind,
         status = EXCLUDED.status, region = EXCLUDED.region, path = EXCLUDED.path`,
      unitId,
      r.version,
      r.eventId,
      r.occurredAt,
      r.validFrom,
      r.validTo,
      JSON.stringify(r.patch),
      s.superiorId ?? null,
      s.name ?? null,
      s.kind ?? null,
      s.status ?? null,
      s.region ?? null,
      s.path ?? null,
    );
  }
}

/** A unit as reporting holds it now, when its current path lies in `scopePath`; null otherwise (or unknown). */
export async function unitInScope(db: Db, unitId: string, scopePath: string): Promise<{ id: string; name: string; path: string } | null> {
  const [row] = await db.$queryRaw<Array<{ id: string; name: string; path: string }>>`
    SELECT id::text AS id, name, path FROM reporting.unit_replica WHERE id = ${unitId}::uuid AND path LIKE ${likePrefix(scopePath)}`;
  return row ?? null;
}

/**
 * The units of `rootId`'s subtree as it stood at `at` (the root included), as a subquery of
 * (unit_id uuid, name, kind, status, region) — the state in force then: the tree is walked through
 * the superiors in force then, so a later 更换上级部门 does not change a past answer. Only units whose
 * current path lies in `scopePath` are in it — the caller's scope is today's. When no unit changed
 * after `at` (no unit_history row begins after it: always so for the end of today) the tree then is
 * today's and each unit's state then is the replica's (the same snapshots as its open history row),
 * so the subquery reads the replica under the root's path instead of walking the history (`today`:
 * then it is exactly the units a subtree rollup of the root sums).
 */
export async function subtreeUnitsSql(db: Db, rootId: string, scopePath: string, at: Date): Promise<{ sql: Prisma.Sql; today: boolean }> {
  const [later] = await db.$queryRaw<Array<{ changed: boolean }>>`
    SELECT EXISTS (SELECT 1 FROM reporting.unit_history WHERE valid_from > ${at}) AS changed`;
  if (!later?.changed) {
    return {
      today: true,
      sql: Prisma.sql`SELECT r.id AS unit_id, r.name, r.kind, r.status, r.region FROM reporting.unit_replica r
        WHERE starts_with(r.path, (SELECT path FROM reporting.unit_replica WHERE id = ${rootId}::uuid)) AND r.path LIKE ${likePrefix(scopePath)}`,
    };
  }
  return {
    today: false,
    sql: Prisma.sql`WITH RECURSIVE in_force AS (
      SELECT unit_id, superior_id, name, kind, status, region FROM reporting.unit_history
      WHERE valid_from <= ${at} AND (valid_to IS NULL OR valid_to > ${at})
    ), tree AS (
      SELECT unit_id FROM in_force WHERE unit_id = ${rootId}::uuid
      UNION
      SELECT c.unit_id FROM in_force c JOIN tree t ON c.superior_id = t.unit_id
    )
    SELECT f.unit_id, f.name, f.kind, f.status, f.region
    FROM tree JOIN in_force f USING (unit_id) JOIN reporting.unit_replica r ON r.id = f.unit_id
    WHERE r.path LIKE ${likePrefix(scopePath)}`,
  };
}

/** The units of `rootId`'s subtree as it stood at `at`, in the caller's scope (subtreeUnitsSql). */
export async function subtreeAsOf(db: Db, rootId: string, scopePath: string, at: Date): Promise<UnitAsOf[]> {
  const rows = await db.$queryRaw<Array<{ unit_id: string; name: string | null; kind: string | null; status: string | null; region: string | null }>>`
    SELECT s.unit_id::text AS unit_id, s.name, s.kind, s.status, s.region FROM (${(await subtreeUnitsSql(db, rootId, scopePath, at)).sql}) s`;
  return rows.map((r) => ({
    unitId: r.unit_id,
    name: r.name,
    kind: r.kind === null ? null : dbValue(UnitKind, r.kind, "reporting.unit_history.kind"),
    status: r.status,
    region: r.region,
  }));
}

/** A subtreeUnitsSql answer. */
export type SubtreeUnits = Awaited<ReturnType<typeof subtreeUnitsSql>>;

/**
 * How the subtree rollups of `rootId` (domain subtree-rollups.ts: the units under its path today)
 * differ from the units a statistic counts (`units`, a subtreeUnitsSql; with `known` only those
 * whose kind was known — knownUnits): the units to take away (created or moved in since, or not
 * counted) and to add (moved out since, still in scope). None when the units are today's.
 */
export async function subtreeCorrection(db: Db, rootId: string, units: SubtreeUnits, known: boolean): Promise<{ add: string[]; remove: string[] }> {
  if (units.today) return { add: [], remove: [] };
  const rows = await db.$queryRaw<Array<{ side: "add" | "remove"; unit_id: string }>>`
    WITH today AS (
      SELECT id AS unit_id FROM reporting.unit_replica WHERE starts_with(path, (SELECT path FROM reporting.unit_replica WHERE id = ${rootId}::uuid))
    ), counted AS (
      SELECT unit_id FROM (${units.sql}) s ${known ? Prisma.sql`WHERE s.kind IS NOT NULL` : Prisma.empty}
    )
    SELECT 'remove' AS side, unit_id::text AS unit_id FROM (SELECT unit_id FROM today EXCEPT SELECT unit_id FROM counted) x
    UNION ALL
    SELECT 'add', unit_id::text FROM (SELECT unit_id FROM counted EXCEPT SELECT unit_id FROM today) y`;
  return { add: rows.filter((r) => r.side === "add").map((r) => r.unit_id), remove: rows.filter((r) => r.side === "remove").map((r) => r.unit_id) };
}
