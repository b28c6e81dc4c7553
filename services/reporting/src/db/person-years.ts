// 人年抽取's reads (issue 11 item 3): the people of a year as they stood at an instant with that
// year's counted hours, read through a server-side cursor so a province's million rows never sit
// in memory at once. The same predicates as db/professional-counts.ts (peopleWithHours).
import { Prisma } from "../../generated/prisma/client.ts";
import type { PersonYearFacts } from "../domain/person-year-extract.ts";
import type { Db, Tx } from "./client.ts";

/** Which people of one year: those registered (审核通过) at `peopleAt` in `unitIds`, hours of `year` counting at `hoursAt`. */
export interface PersonYearQuery {
  unitIds: readonly string[];
  year: number;
  peopleAt: Date;
  hoursAt: Date;
}

const inForce = (q: PersonYearQuery) => Prisma.sql`
  p.unit_id = ANY(${[...q.unitIds]}::uuid[]) AND p.status = 'APPROVED'
  AND p.valid_from <= ${q.peopleAt} AND (p.valid_to IS NULL OR p.valid_to > ${q.peopleAt})`;

/** How many rows the year gives (people registered at `peopleAt` in the units): the extract's size, checked before writing. */
export async function countPersonYears(db: Db, q: PersonYearQuery): Promise<number> {
  if (q.unitIds.length === 0) return 0;
  const [row] = await db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM reporting.person_history p WHERE ${inForce(q)}`;
  return row?.n ?? 0;
}

/** The year's rows per exact combination of unit, 职称系列, 职称级别 and 学历 (人年抽取's disclosure control counts them). */
export interface PersonYearCombination {
  unitId: string;
  titleSeries: string | null;
  titleLevel: string | null;
  education: string | null;
  rows: number;
}

/** How many rows of the year hold each combination of unit, title and education (one GROUP BY over the rows countPersonYears counts). */
export async function personYearCombinations(db: Db | Tx, q: PersonYearQuery): Promise<PersonYearCombination[]> {
  if (q.unitIds.length === 0) return [];
  return db.$queryRaw<PersonYearCombination[]>`
    SELECT p.unit_id::text AS "unitId", p.title_series AS "titleSeries", p.title_level AS "titleLevel", p.education, count(*)::int AS rows
    FROM reporting.person_history p WHERE ${inForce(q)}
    GROUP BY 1, 2, 3, 4`;
}

const statement = (q: PersonYearQuery) => Prisma.sql`
  SELECT p.account_id::text AS "accountId", p.unit_id::text AS "unitId", p.education AS "educationCode",
         p.title_series AS "titleSeries", p.title_level AS "titleLevel",
         coalesce(h.general, 0)::int AS general, coalesce(h.professional, 0)::int AS professional, coalesce(h.records, 0)::int AS records
  FROM reporting.person_history p
  LEFT JOIN LATERAL (
    SELECT sum(r.recognized_hours) FILTER (WHERE r.subject = 'GENERAL') AS general,
           sum(r.recognized_hours) FILTER (WHERE r.subject = 'PROFESSIONAL') AS professional,
           count(*) AS records
    FROM reporting.hour_record r
    WHERE r.account_id = p.account_id AND r.year = ${q.year}
      AND r.approved_at <= ${q.hoursAt} AND (r.voided_at IS NULL OR r.voided_at > ${q.hoursAt})
  ) h ON TRUE
  WHERE ${inForce(q)}
  ORDER BY p.unit_id, p.account_id`;

/**
 * Every person-year of `q`, handed to `onBatch` `batchSize` rows at a time (awaited: the writer's
 * back-pressure holds the cursor), through a cursor in one read-only REPEATABLE READ transaction —
 * so the rows are one snapshot and memory holds one batch. `onSnapshot` runs first in the same
 * transaction (人年抽取 counts the combinations it releases there, so the counts are of exactly
 * these rows). `timeoutMs` bounds the whole read.
 */
export async function forEachPersonYear(
  db: Db,
  q: PersonYearQuery,
  onBatch: (rows: PersonYearFacts[]) => Promise<void>,
  opts: { batchSize?: number; timeoutMs?: number; onSnapshot?: (tx: Tx) => Promise<void> } = {},
): Promise<void> {
  if (q.unitIds.length === 0) return;
  const batchSize = opts.batchSize ?? 5000;
  const sql = statement(q);
  await db.$transaction(
    async (tx) => {
      // The whole result is read: plan for all of it, not for the first rows a cursor usually wants.
      await tx.$executeRawUnsafe("SET LOCAL cursor_tuple_fraction = 1");
      await opts.onSnapshot?.(tx);
      await tx.$executeRawUnsafe(`DECLARE person_years NO SCROLL CURSOR FOR ${sql.text}`, ...sql.values);
      for (;;) {
        const rows = await tx.$queryRawUnsafe<PersonYearFacts[]>(`FETCH ${batchSize} FROM person_years`);
        if (rows.length > 0) await onBatch(rows);
        if (rows.length < batchSize) break;
      }
      await tx.$executeRawUnsafe("CLOSE person_years");
    },
    { isolationLevel: "RepeatableRead", timeout: opts.timeoutMs ?? 30 * 60_000, maxWait: 10_000 },
  );
}
