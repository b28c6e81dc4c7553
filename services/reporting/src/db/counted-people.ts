// The people behind a figure of 专业技术人员数量查询 (countPeople, and the dashboards' 达标进度): the
// registered people of some units as of an instant with that year's hours counting then — from
// the history and the hour records — and, for a day after which nobody and no unit changed, the
// replica's people walked in name order.
import { likePrefix } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import type { GroupKey } from "../domain/count-people.ts";
import type { CountGroup } from "../domain/professional-counts.ts";
import type { Db } from "./client.ts";

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

/** Whether any person's history changed after `at` (a person_history row begins after it: never so for the end of today). */
export async function peopleChangedAfter(db: Db, at: Date): Promise<boolean> {
  const [row] = await db.$queryRaw<Array<{ changed: boolean }>>`SELECT EXISTS (SELECT 1 FROM reporting.person_history WHERE valid_from > ${at}) AS changed`;
  return row?.changed ?? true;
}

/** A registered person now, with that year's hours counting at the instant and their unit's name and 地区 now. */
export type PersonNow = CountedPerson & { unitName: string; region: string | null };

/**
 * One window of the registered (审核通过) people the replica holds now — of one unit, or of every
 * unit under a path — by name then account, with their recognised hours of `year` counting at `at`
 * (公需 / 专业, and whether they had any such record) and their unit's name and 地区. When no person and no
 * unit changed after `at` these are exactly the people peopleWithHours counts then; read a window at
 * a time (index professional_replica_unit_name_idx, or the name index under a path), so a page of
 * the people behind a figure reads the hours of the people it looks at, not of everyone.
 */
export async function peopleNowByName(
  db: Db,
  of: { unitId: string } | { path: string },
  at: Date,
  year: number,
  { limit, offset }: { limit: number; offset: number },
): Promise<PersonNow[]> {
  const where = "unitId" in of ? Prisma.sql`r.unit_id = ${of.unitId}::uuid` : Prisma.sql`r.unit_path LIKE ${likePrefix(of.path)}`;
  return db.$queryRaw<PersonNow[]>`
    SELECT r.account_id::text AS "accountId", r.name, r.id_number_masked AS "idNumberMasked", r.unit_id::text AS "unitId",
           coalesce(u.name, '') AS "unitName", u.region,
           coalesce(h.general, 0)::int AS general, coalesce(h.professional, 0)::int AS professional, h.records > 0 AS studying
    FROM (SELECT * FROM reporting.professional_replica r WHERE r.status = 'APPROVED' AND ${where}
          ORDER BY r.name, r.account_id LIMIT ${limit} OFFSET ${offset}) r
    LEFT JOIN reporting.unit_replica u ON u.id = r.unit_id
    CROSS JOIN LATERAL (
      SELECT sum(recognized_hours) FILTER (WHERE subject = 'GENERAL') AS general, sum(recognized_hours) FILTER (WHERE subject = 'PROFESSIONAL') AS professional,
             count(*) AS records
      FROM reporting.hour_record WHERE account_id = r.account_id AND year = ${year} AND approved_at <= ${at} AND (voided_at IS NULL OR voided_at > ${at})
    ) h
    ORDER BY r.name, r.account_id`;
}
