// The statistics' queries over the live read models (schema reporting), "as of" an instant: a
// history row is in force when valid_from <= instant < valid_to (NULL: open); an hour record
// counts when approved_at <= instant < voided_at (domain/hour-record.ts countsAsOf).
import { UnitKind } from "@ce/contracts";
import { dbValue, likePrefix } from "@ce/service-kit";
import type { CountGroup, UnitAsOf } from "../domain/professional-counts.ts";
import type { Db } from "./client.ts";

/** A unit as reporting holds it now, when its current path lies in `scopePath`; null otherwise (or unknown). */
export async function unitInScope(db: Db, unitId: string, scopePath: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db.$queryRaw<Array<{ id: string; name: string }>>`
    SELECT id::text AS id, name FROM reporting.unit_replica WHERE id = ${unitId}::uuid AND path LIKE ${likePrefix(scopePath)}`;
  return row ?? null;
}

/**
 * The units of `rootId`'s subtree as it stood at `at` (the root included): the tree is walked
 * through the superiors in force then, so a later 更换上级部门 does not change a past answer. Only
 * units whose current path lies in `scopePath` are returned — the caller's scope is today's.
 */
export async function subtreeAsOf(db: Db, rootId: string, scopePath: string, at: Date): Promise<UnitAsOf[]> {
  const rows = await db.$queryRaw<Array<{ unit_id: string; name: string | null; kind: string | null; status: string | null; region: string | null }>>`
    WITH RECURSIVE in_force AS (
      SELECT unit_id, superior_id, name, kind, status, region FROM reporting.unit_history
      WHERE valid_from <= ${at} AND (valid_to IS NULL OR valid_to > ${at})
    ), tree AS (
      SELECT unit_id FROM in_force WHERE unit_id = ${rootId}::uuid
      UNION
      SELECT c.unit_id FROM in_force c JOIN tree t ON c.superior_id = t.unit_id
    )
    SELECT f.unit_id::text AS unit_id, f.name, f.kind, f.status, f.region
    FROM tree JOIN in_force f USING (unit_id) JOIN reporting.unit_replica r ON r.id = f.unit_id
    WHERE r.path LIKE ${likePrefix(scopePath)}`;
  return rows.map((r) => ({
    unitId: r.unit_id,
    name: r.name,
    kind: r.kind === null ? null : dbValue(UnitKind, r.kind, "reporting.unit_history.kind"),
    status: r.status,
    region: r.region,
  }));
}

/**
 * Professionals registered (审核通过) at `at` in the given units, grouped by their unit then, their
 * recognised hours of `year` that counted at `at` (公需 / 专业) and whether they had any such record.
 * One pass over the units' history rows and those people's records of the year (indexes
 * person_history_unit_idx, hour_record_person_year_idx).
 */
export async function countGroupsAsOf(db: Db, unitIds: readonly string[], at: Date, year: number): Promise<CountGroup[]> {
  return db.$queryRaw<CountGroup[]>`
    WITH people AS (
      SELECT p.account_id, p.unit_id FROM reporting.person_history p
      WHERE p.unit_id = ANY(${[...unitIds]}::uuid[]) AND p.status = 'APPROVED'
        AND p.valid_from <= ${at} AND (p.valid_to IS NULL OR p.valid_to > ${at})
    ), hours AS (
      SELECT h.account_id,
             coalesce(sum(h.recognized_hours) FILTER (WHERE h.subject = 'GENERAL'), 0)::int AS general,
             coalesce(sum(h.recognized_hours) FILTER (WHERE h.subject = 'PROFESSIONAL'), 0)::int AS professional
      FROM reporting.hour_record h JOIN people USING (account_id)
      WHERE h.year = ${year} AND h.approved_at <= ${at} AND (h.voided_at IS NULL OR h.voided_at > ${at})
      GROUP BY h.account_id
    )
    SELECT p.unit_id::text AS "unitId", coalesce(h.general, 0) AS general, coalesce(h.professional, 0) AS professional,
           (h.account_id IS NOT NULL) AS studying, count(*)::int AS people
    FROM people p LEFT JOIN hours h USING (account_id)
    GROUP BY 1, 2, 3, 4`;
}
