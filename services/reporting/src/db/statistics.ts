// The statistics' queries over the live read models (schema reporting), "as of" an instant: a
// history row is in force when valid_from <= instant < valid_to (NULL: open); an hour record
// counts when approved_at <= instant < voided_at (domain/hour-record.ts countsAsOf).
import { UnitKind } from "@ce/contracts";
import { dbValue, likePrefix } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import type { GroupKey } from "../domain/count-people.ts";
import type { CountGroup, UnitAsOf } from "../domain/professional-counts.ts";
import type { TitleGroup } from "../domain/title-distribution.ts";
import type { Db } from "./client.ts";

/** A unit as reporting holds it now, when its current path lies in `scopePath`; null otherwise (or unknown). */
export async function unitInScope(db: Db, unitId: string, scopePath: string): Promise<{ id: string; name: string; path: string } | null> {
  const [row] = await db.$queryRaw<Array<{ id: string; name: string; path: string }>>`
    SELECT id::text AS id, name, path FROM reporting.unit_replica WHERE id = ${unitId}::uuid AND path LIKE ${likePrefix(scopePath)}`;
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
    WITH ${peopleWithHours(unitIds, at, year)}
    SELECT unit_id::text AS "unitId", general, professional, studying, count(*)::int AS people
    FROM counted GROUP BY 1, 2, 3, 4`;
}

/**
 * The CTEs `people` and `counted` of the statistics: the professionals registered (审核通过) at
 * `at` in the given units, with their unit then, their recognised hours of `year` that counted at
 * `at` (公需 `general`, 专业 `professional`) and whether they had any such record (`studying`).
 */
function peopleWithHours(unitIds: readonly string[], at: Date, year: number): Prisma.Sql {
  return Prisma.sql`people AS (
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
    ), counted AS (
      SELECT p.account_id, p.unit_id, coalesce(h.general, 0) AS general, coalesce(h.professional, 0) AS professional,
             (h.account_id IS NOT NULL) AS studying
      FROM people p LEFT JOIN hours h USING (account_id)
    )`;
}

/** Which people of `peopleWithHours` a figure lists: all (REGISTERED), those studying, or those in the chosen groups (COMPLIANT). */
export type PeopleFilter = { measure: "REGISTERED" } | { measure: "STUDYING" } | { measure: "COMPLIANT"; keys: readonly GroupKey[] };

function peopleFilter(f: PeopleFilter): Prisma.Sql {
  if (f.measure === "REGISTERED") return Prisma.sql`TRUE`;
  if (f.measure === "STUDYING") return Prisma.sql`c.studying`;
  return Prisma.sql`(c.unit_id, c.general, c.professional) IN (
    SELECT * FROM unnest(${f.keys.map((k) => k.unitId)}::uuid[], ${f.keys.map((k) => k.general)}::int[], ${f.keys.map((k) => k.professional)}::int[]))`;
}

/** One person behind a figure: where they were and that year's hours, name and masked ID as held now. */
export interface CountedPerson {
  accountId: string;
  name: string;
  idNumberMasked: string;
  unitId: string;
  general: number;
  professional: number;
  studying: boolean;
}

/**
 * One window of the people behind a figure (see peopleWithHours and PeopleFilter), ordered by
 * name then account. The figure's total comes from the groups (domain figureGroups), not from here.
 */
export async function countedPeople(
  db: Db,
  q: { unitIds: readonly string[]; at: Date; year: number; filter: PeopleFilter },
  { limit, offset }: { limit: number; offset: number },
): Promise<CountedPerson[]> {
  return db.$queryRaw<CountedPerson[]>`
    WITH ${peopleWithHours(q.unitIds, q.at, q.year)}
    SELECT c.account_id::text AS "accountId", r.name, r.id_number_masked AS "idNumberMasked", c.unit_id::text AS "unitId",
           c.general, c.professional, c.studying
    FROM counted c JOIN reporting.professional_replica r USING (account_id)
    WHERE ${peopleFilter(q.filter)}
    ORDER BY r.name, c.account_id
    LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * People registered (审核通过) at `at` in the given units whose registration instant lies in
 * [`since`, `at`] (null: no lower bound), grouped by the title series and level they held at `at`.
 */
export async function titleGroupsAsOf(db: Db, unitIds: readonly string[], since: Date | null, at: Date): Promise<TitleGroup[]> {
  return db.$queryRaw<TitleGroup[]>`
    SELECT p.title_series AS "titleSeries", p.title_level AS "titleLevel", count(*)::int AS people
    FROM reporting.person_history p JOIN reporting.professional_replica r USING (account_id)
    WHERE p.unit_id = ANY(${[...unitIds]}::uuid[]) AND p.status = 'APPROVED'
      AND p.valid_from <= ${at} AND (p.valid_to IS NULL OR p.valid_to > ${at})
      AND r.registered_at <= ${at} ${since === null ? Prisma.empty : Prisma.sql`AND r.registered_at >= ${since}`}
    GROUP BY 1, 2`;
}

/**
 * 认定学时 approved from `since` to `at` in the given units (hour_record.unit_id: the unit the
 * person declared in) and not voided by `at`, per month: `bucket` i is the month beginning at
 * bounds[i - 1] (width_bucket over the month starts).
 */
export async function approvedHoursPerBucket(
  db: Db,
  unitIds: readonly string[],
  bounds: readonly Date[],
  since: Date,
  at: Date,
): Promise<Array<{ bucket: number; hours: number; records: number }>> {
  return db.$queryRaw<Array<{ bucket: number; hours: number; records: number }>>`
    SELECT width_bucket(h.approved_at, ${[...bounds]}::timestamptz[]) AS bucket,
           coalesce(sum(h.recognized_hours), 0)::int AS hours, count(*)::int AS records
    FROM reporting.hour_record h
    WHERE h.approved_at >= ${since} AND h.approved_at <= ${at} AND (h.voided_at IS NULL OR h.voided_at > ${at})
      AND h.unit_id = ANY(${[...unitIds]}::uuid[])
    GROUP BY 1`;
}
