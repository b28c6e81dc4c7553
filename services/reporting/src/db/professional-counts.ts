// 专业技术人员数量查询's read model (ADR 013 addendum "Scale"): the rollup unit_figures — kept by
// the handlers (applyFigureDeltas) and read per unit as of a day — with its subtree rollup
// subtree_figures (migration 0012: the same changes per node over its proper descendants), and the
// rows of the page. The people behind a figure: counted-people.ts.
import { UnitKind } from "@ce/contracts";
import { dbValue, quoteIdent, type SqlClient } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { ALWAYS_A_ROW, type UnitAsOf } from "../domain/professional-counts.ts";
import type { Attribution } from "../domain/subtree-rollups.ts";
import type { FigureDelta, UnitFigures } from "../domain/unit-figures.ts";
import { lockAggregate } from "./aggregate-lock.ts";
import type { Db } from "./client.ts";
import type { SubtreeUnits } from "./unit-history.ts";

/**
 * Adds one person's figure deltas (domain contributionDelta, sorted by unit then day) to
 * `unit_figures`: per unit, under a transaction-scoped lock of that unit's rows (units in id order,
 * so two transactions never wait on each other in a circle), a row is made on each delta's day from
 * the row before it (its year figures reset to 0 when that row lies in an earlier year), the delta
 * is added to that row and every later one (学习 / 合格 only up to the end of the day's year), and
 * rows that then equal the row before them (year reset counted) are removed. The same deltas are
 * added to the units' proper ancestors in subtree_figures.
 */
export async function applyFigureDeltas(tx: SqlClient, schema: string, deltas: readonly FigureDelta[]): Promise<void> {
  const t = `${quoteIdent(schema)}.unit_figures`;
  const units = [...new Set(deltas.map((d) => d.unitId))];
  for (const unitId of units) await lockAggregate(tx, schema, "unit_figures", unitId);
  for (const unitId of units) {
    const mine = deltas.filter((d) => d.unitId === unitId);
    for (const d of mine) {
      const year = d.day.slice(0, 4);
      await tx.$executeRawUnsafe(
        `INSERT INTO ${t} (unit_id, day, registered, studying, compliant)
         SELECT $1::uuid, $2::date, coalesce(p.registered, 0),
                CASE WHEN p.day >= $3::date THEN p.studying ELSE 0 END, CASE WHEN p.day >= $3::date THEN p.compliant ELSE 0 END
         FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT * FROM ${t} WHERE unit_id = $1::uuid AND day < $2::date ORDER BY day DESC LIMIT 1) p ON TRUE
         ON CONFLICT (unit_id, day) DO NOTHING`,
        unitId,
        d.day,
        `${year}-01-01`,
      );
      await tx.$executeRawUnsafe(
        `UPDATE ${t} SET registered = registered + $3,
                studying = studying + CASE WHEN day <= $4::date THEN $5::int ELSE 0 END,
                compliant = compliant + CASE WHEN day <= $4::date THEN $6::int ELSE 0 END
         WHERE unit_id = $1::uuid AND day >= $2::date`,
        unitId,
        d.day,
        d.registered,
        `${year}-12-31`,
        d.studying,
        d.compliant,
      );
    }
    await tx.$executeRawUnsafe(
      `DELETE FROM ${t} f USING (
         SELECT day, registered, studying, compliant,
                lag(day) OVER w AS p_day, lag(registered) OVER w AS p_registered, lag(studying) OVER w AS p_studying, lag(compliant) OVER w AS p_compliant
         FROM ${t}
         WHERE unit_id = $1::uuid AND day >= coalesce((SELECT max(day) FROM ${t} WHERE unit_id = $1::uuid AND day < $2::date), $2::date)
         WINDOW w AS (ORDER BY day)
       ) x
       WHERE f.unit_id = $1::uuid AND f.day = x.day AND x.day >= $2::date AND (
         (x.p_day IS NULL AND x.registered = 0 AND x.studying = 0 AND x.compliant = 0)
         OR (x.p_day IS NOT NULL AND x.registered = x.p_registered AND CASE
               WHEN date_part('year', x.p_day) = date_part('year', x.day) THEN x.studying = x.p_studying AND x.compliant = x.p_compliant
               ELSE x.studying = 0 AND x.compliant = 0 END))`,
      unitId,
      mine[0]!.day,
    );
  }
  await addFigureChangesToAncestors(tx, schema, deltas);
}

/** The per-unit deltas as columns, for unnest(). */
const deltaColumns = (deltas: readonly FigureDelta[]) =>
  [
    deltas.map((d) => d.unitId),
    deltas.map((d) => d.day),
    deltas.map((d) => d.registered),
    deltas.map((d) => d.studying),
    deltas.map((d) => d.compliant),
  ] as const;

/**
 * subtree_figures (migration 0012): each per-unit delta added, as a change on its day, to every
 * proper ancestor of its unit's current path (units not in unit_replica yet: none — their rows are
 * given to their ancestors when they arrive, moveFigures); rows left at 0 removed.
 */
async function addFigureChangesToAncestors(tx: SqlClient, schema: string, deltas: readonly FigureDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const s = quoteIdent(schema);
  const touched = `unnest($1::uuid[], $2::date[], $3::int[], $4::int[], $5::int[]) AS d(unit_id, day, registered, studying, compliant)
    JOIN ${s}.unit_replica u ON u.id = d.unit_id CROSS JOIN LATERAL unnest(reporting.proper_ancestors(u.path)) AS a(node_id)`;
  await tx.$executeRawUnsafe(
    `INSERT INTO ${s}.subtree_figures AS f (node_id, day, registered, studying, compliant)
     SELECT a.node_id, d.day, sum(d.registered), sum(d.studying), sum(d.compliant) FROM ${touched} GROUP BY 1, 2
     ON CONFLICT (node_id, day) DO UPDATE SET registered = f.registered + EXCLUDED.registered,
       studying = f.studying + EXCLUDED.studying, compliant = f.compliant + EXCLUDED.compliant`,
    ...deltaColumns(deltas),
  );
  await tx.$executeRawUnsafe(
    `DELETE FROM ${s}.subtree_figures f USING (SELECT DISTINCT a.node_id, d.day FROM ${touched}) k
     WHERE f.node_id = k.node_id AND f.day = k.day AND f.registered = 0 AND f.studying = 0 AND f.compliant = 0`,
    ...deltaColumns(deltas),
  );
}

/**
 * Moves units' unit_figures rows between subtree nodes (domain reattribution: −1 takes them from a
 * node, +1 gives them to it): each unit's rows as changes — the difference to the row before,
 * 学习 / 合格 from 0 in a new year — added with the sign; rows left at 0 removed.
 */
export async function moveFigures(tx: SqlClient, schema: string, plan: readonly Attribution[]): Promise<void> {
  if (plan.length === 0) return;
  const s = quoteIdent(schema);
  const sameYear = "date_trunc('year', lag(day) OVER w) = date_trunc('year', day)";
  await tx.$executeRawUnsafe(
    `WITH m AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS m(unit_id, node_id, sign)),
     d AS (
       SELECT unit_id, day, registered - coalesce(lag(registered) OVER w, 0) AS registered,
              studying - CASE WHEN ${sameYear} THEN lag(studying) OVER w ELSE 0 END AS studying,
              compliant - CASE WHEN ${sameYear} THEN lag(compliant) OVER w ELSE 0 END AS compliant
       FROM ${s}.unit_figures WHERE unit_id IN (SELECT unit_id FROM m)
       WINDOW w AS (PARTITION BY unit_id ORDER BY day))
     INSERT INTO ${s}.subtree_figures AS f (node_id, day, registered, studying, compliant)
     SELECT m.node_id, d.day, sum(m.sign * d.registered), sum(m.sign * d.studying), sum(m.sign * d.compliant)
     FROM d JOIN m USING (unit_id) GROUP BY 1, 2
     ON CONFLICT (node_id, day) DO UPDATE SET registered = f.registered + EXCLUDED.registered,
       studying = f.studying + EXCLUDED.studying, compliant = f.compliant + EXCLUDED.compliant`,
    plan.map((p) => p.unitId),
    plan.map((p) => p.nodeId),
    plan.map((p) => p.sign),
  );
  await tx.$executeRawUnsafe(`DELETE FROM ${s}.subtree_figures WHERE node_id = ANY($1::uuid[]) AND registered = 0 AND studying = 0 AND compliant = 0`, [
    ...new Set(plan.map((p) => p.nodeId)),
  ]);
}

/**
 * The figures of a node's proper descendants (today's paths) as of the end of Beijing day `day`,
 * from subtree_figures: 注册 every change up to the day, 学习 / 合格 those of the day's year.
 * One index range of the node (a province: one row per day anything changed).
 */
export async function descendantFiguresAsOf(db: Db, nodeId: string, day: string): Promise<Omit<UnitFigures, "unitId">> {
  const [row] = await db.$queryRaw<Array<Omit<UnitFigures, "unitId">>>`
    SELECT coalesce(sum(registered), 0)::int AS registered,
           coalesce(sum(studying) FILTER (WHERE day >= ${`${day.slice(0, 4)}-01-01`}::date), 0)::int AS studying,
           coalesce(sum(compliant) FILTER (WHERE day >= ${`${day.slice(0, 4)}-01-01`}::date), 0)::int AS compliant
    FROM reporting.subtree_figures WHERE node_id = ${nodeId}::uuid AND day <= ${day}::date`;
  return row ?? { registered: 0, studying: 0, compliant: 0 };
}

/**
 * The figures of each given unit as of the end of Beijing day `day` (YYYY-MM-DD), from the rollup
 * unit_figures: the unit's latest row on or before that day — one index-only probe per unit —
 * with 学习 and 合格 read as 0 when that row lies in an earlier year. Units without a row are left out.
 */
export async function unitFiguresAsOf(db: Db, unitIds: readonly string[], day: string): Promise<UnitFigures[]> {
  return db.$queryRaw<UnitFigures[]>`
    SELECT u.unit_id::text AS "unitId", f.registered,
           CASE WHEN f.day >= ${`${day.slice(0, 4)}-01-01`}::date THEN f.studying ELSE 0 END AS studying,
           CASE WHEN f.day >= ${`${day.slice(0, 4)}-01-01`}::date THEN f.compliant ELSE 0 END AS compliant
    FROM unnest(${[...unitIds]}::uuid[]) AS u(unit_id)
    CROSS JOIN LATERAL (
      SELECT day, registered, studying, compliant FROM reporting.unit_figures
      WHERE unit_id = u.unit_id AND day <= ${day}::date ORDER BY day DESC LIMIT 1
    ) f`;
}

/** A row unit of 专业技术人员数量查询 with its figures as of the day (none: 0). */
export type CountRowUnit = UnitAsOf & { kind: UnitKind } & Omit<UnitFigures, "unitId">;

/**
 * 专业技术人员数量查询's row units among `units` (a subtreeUnitsSql) as of the end of Beijing day
 * `day`: the units whose kind is known that are rows whatever their figures (domain alwaysARow:
 * ALWAYS_A_ROW) or had registered people then — how many, and one window of them by name then id
 * (code point order, as domain byRowOrder) with their figures. Figures are read only for the window
 * and for the units that are rows just when they had people, not for every unit.
 */
export async function countRowUnits(
  db: Db,
  units: SubtreeUnits,
  day: string,
  { limit, offset }: { limit: number; offset: number },
): Promise<{ total: number; rows: CountRowUnit[] }> {
  const yearStart = `${day.slice(0, 4)}-01-01`;
  const latest = (unit: Prisma.Sql, columns: Prisma.Sql) =>
    Prisma.sql`(SELECT ${columns} FROM reporting.unit_figures WHERE unit_id = ${unit} AND day <= ${day}::date ORDER BY day DESC LIMIT 1)`;
  const rows = await db.$queryRaw<Array<Omit<CountRowUnit, "kind"> & { kind: string; total: number }>>`
    WITH u AS (
      SELECT s.unit_id, s.name, s.kind, s.status, s.region,
             s.kind = ANY(${ALWAYS_A_ROW.kinds}::text[]) AND s.status = ${ALWAYS_A_ROW.status} AS always
      FROM (${units.sql}) s WHERE s.kind IS NOT NULL
    ), r AS (
      SELECT * FROM u WHERE u.always OR coalesce(${latest(Prisma.sql`u.unit_id`, Prisma.sql`registered`)}, 0) > 0
    ), w AS (
      SELECT * FROM r ORDER BY coalesce(r.name, '') COLLATE "C", r.unit_id::text COLLATE "C" LIMIT ${limit} OFFSET ${offset}
    )
    SELECT (SELECT count(*) FROM r)::int AS total, w.unit_id::text AS "unitId", w.name, w.kind, w.status, w.region,
           coalesce(f.registered, 0) AS registered,
           CASE WHEN f.day >= ${yearStart}::date THEN f.studying ELSE 0 END AS studying,
           CASE WHEN f.day >= ${yearStart}::date THEN f.compliant ELSE 0 END AS compliant
    FROM (SELECT 1) one LEFT JOIN w ON TRUE
    LEFT JOIN LATERAL (SELECT day, registered, studying, compliant FROM reporting.unit_figures
                       WHERE unit_id = w.unit_id AND day <= ${day}::date ORDER BY day DESC LIMIT 1) f ON TRUE
    ORDER BY coalesce(w.name, '') COLLATE "C", w.unit_id::text COLLATE "C"`;
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.filter((r) => r.unitId !== null).map(({ total: _total, ...r }) => ({ ...r, kind: dbValue(UnitKind, r.kind, "reporting.unit_history.kind") })),
  };
}
