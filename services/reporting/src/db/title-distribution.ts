// 职称系列分布情况's read model (migration 0008, domain/title-figures.ts): title_figures and
// title_figures_now, kept by the identity handlers (applyTitleChanges) and summed per range, with
// their subtree rollups subtree_title_now and subtree_title_registered (migration 0012).
import { likePrefix, quoteIdent, type SqlClient } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import type { Attribution } from "../domain/subtree-rollups.ts";
import type { TitleGroup } from "../domain/title-distribution.ts";
import type { TitleChange } from "../domain/title-figures.ts";
import type { Db } from "./client.ts";

/**
 * Adds a person's title changes (domain titleDelta, ordered by key) to `title_figures` and
 * `title_figures_now`: additive upserts (no title: ''), rows left at 0 removed — so both hold the
 * sums of what the events held say, whatever their order. The same changes are added to the units'
 * proper ancestors in subtree_title_now and subtree_title_registered.
 */
export async function applyTitleChanges(tx: SqlClient, schema: string, changes: readonly TitleChange[]): Promise<void> {
  const s = quoteIdent(schema);
  for (const c of changes) {
    const series = c.titleSeries ?? "";
    const level = c.titleLevel ?? "";
    await tx.$executeRawUnsafe(
      `INSERT INTO ${s}.title_figures AS f (unit_id, day, registered_day, title_series, title_level, people) VALUES ($1::uuid, $2::date, $3::date, $4, $5, $6)
       ON CONFLICT (unit_id, day, registered_day, title_series, title_level) DO UPDATE SET people = f.people + EXCLUDED.people`,
      c.unitId,
      c.day,
      c.registeredDay,
      series,
      level,
      c.people,
    );
    await tx.$executeRawUnsafe(
      `DELETE FROM ${s}.title_figures
       WHERE unit_id = $1::uuid AND day = $2::date AND registered_day = $3::date AND title_series = $4 AND title_level = $5 AND people = 0`,
      c.unitId,
      c.day,
      c.registeredDay,
      series,
      level,
    );
  }
  const now = new Map<string, { unitId: string; series: string; level: string; people: number }>();
  for (const c of changes) {
    const k = `${c.unitId}|${c.titleSeries ?? ""}|${c.titleLevel ?? ""}`;
    const held = now.get(k) ?? { unitId: c.unitId, series: c.titleSeries ?? "", level: c.titleLevel ?? "", people: 0 };
    held.people += c.people;
    now.set(k, held);
  }
  for (const [, n] of [...now.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (n.people === 0) continue;
    await tx.$executeRawUnsafe(
      `INSERT INTO ${s}.title_figures_now AS f (unit_id, title_series, title_level, people) VALUES ($1::uuid, $2, $3, $4)
       ON CONFLICT (unit_id, title_series, title_level) DO UPDATE SET people = f.people + EXCLUDED.people`,
      n.unitId,
      n.series,
      n.level,
      n.people,
    );
    await tx.$executeRawUnsafe(
      `DELETE FROM ${s}.title_figures_now WHERE unit_id = $1::uuid AND title_series = $2 AND title_level = $3 AND people = 0`,
      n.unitId,
      n.series,
      n.level,
    );
  }
  await addTitleChangesToAncestors(tx, schema, changes);
}

/** The two subtree title tables: by title, and by registration day and title (migration 0012). */
const SUBTREE_TITLE_TABLES = [
  { table: "subtree_title_now", keys: ["title_series", "title_level"] },
  { table: "subtree_title_registered", keys: ["registered_day", "title_series", "title_level"] },
] as const;

/** Adds changes (unnest's `c`: unit_id, registered_day, title_series, title_level, people) to each subtree title table; rows left at 0 removed. */
async function addToSubtreeTitles(tx: SqlClient, schema: string, changes: string, nodes: readonly string[], values: readonly unknown[]): Promise<void> {
  const s = quoteIdent(schema);
  for (const { table, keys } of SUBTREE_TITLE_TABLES) {
    const cols = keys.join(", ");
    await tx.$executeRawUnsafe(
      `INSERT INTO ${s}.${table} AS t (node_id, ${cols}, people)
       SELECT c.node_id, ${keys.map((k) => `c.${k}`).join(", ")}, sum(c.people) FROM (${changes}) c GROUP BY 1, ${keys.map((_, i) => i + 2).join(", ")}
       ON CONFLICT (node_id, ${cols}) DO UPDATE SET people = t.people + EXCLUDED.people`,
      ...values,
    );
    await tx.$executeRawUnsafe(`DELETE FROM ${s}.${table} WHERE node_id = ANY($1::uuid[]) AND people = 0`, [...nodes]);
  }
}

/** subtree_title_*: each change added to every proper ancestor of its unit's current path (units not in unit_replica yet: none). */
async function addTitleChangesToAncestors(tx: SqlClient, schema: string, changes: readonly TitleChange[]): Promise<void> {
  if (changes.length === 0) return;
  const s = quoteIdent(schema);
  const ids = [...new Set(changes.map((c) => c.unitId))];
  const nodes = (
    await tx.$queryRawUnsafe<Array<{ node: string }>>(
      `SELECT DISTINCT a.node::text AS node FROM ${s}.unit_replica u CROSS JOIN LATERAL unnest(reporting.proper_ancestors(u.path)) AS a(node) WHERE u.id = ANY($1::uuid[])`,
      ids,
    )
  ).map((r) => r.node);
  if (nodes.length === 0) return;
  await addToSubtreeTitles(
    tx,
    schema,
    `SELECT a.node_id, c.registered_day, c.title_series, c.title_level, c.people
     FROM unnest($1::uuid[], $2::date[], $3::text[], $4::text[], $5::int[]) AS c(unit_id, registered_day, title_series, title_level, people)
     JOIN ${s}.unit_replica u ON u.id = c.unit_id CROSS JOIN LATERAL unnest(reporting.proper_ancestors(u.path)) AS a(node_id)`,
    nodes,
    [
      changes.map((c) => c.unitId),
      changes.map((c) => c.registeredDay),
      changes.map((c) => c.titleSeries ?? ""),
      changes.map((c) => c.titleLevel ?? ""),
      changes.map((c) => c.people),
    ],
  );
}

/** Moves units' title_figures rows between subtree nodes (domain reattribution: −1 takes them from a node, +1 gives them to it). */
export async function moveTitles(tx: SqlClient, schema: string, plan: readonly Attribution[]): Promise<void> {
  if (plan.length === 0) return;
  const s = quoteIdent(schema);
  await addToSubtreeTitles(
    tx,
    schema,
    `SELECT m.node_id, f.registered_day, f.title_series, f.title_level, m.sign * f.people AS people
     FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS m(unit_id, node_id, sign) JOIN ${s}.title_figures f USING (unit_id)`,
    [...new Set(plan.map((p) => p.nodeId))],
    [plan.map((p) => p.unitId), plan.map((p) => p.nodeId), plan.map((p) => p.sign)],
  );
}

/**
 * 职称系列分布情况's groups from the rollup (migration 0008, domain/title-figures.ts): the people
 * registered (registration instant) from the start of Beijing day `sinceDay` (null: no lower bound)
 * to the end of `toDay` who were registered (审核通过) at the end of `toDay` in the given units,
 * grouped by the title series and level they held then. Without `sinceDay`: title_figures_now
 * minus the changes after `toDay` (read by day over every unit: none for today); with it: the
 * changes of people registered in the range up to `toDay`. The same answer as titleGroupsFromHistory (test/title-figures.test.ts checks it).
 */
export async function titleGroupsAsOf(db: Db, unitIds: readonly string[], sinceDay: string | null, toDay: string): Promise<TitleGroup[]> {
  const changes =
    sinceDay === null
      ? Prisma.sql`SELECT n.title_series, n.title_level, n.people FROM u JOIN reporting.title_figures_now n USING (unit_id)
          UNION ALL
          SELECT f.title_series, f.title_level, -f.people FROM u JOIN reporting.title_figures f ON f.unit_id = u.unit_id AND f.day > ${toDay}::date`
      : Prisma.sql`SELECT f.title_series, f.title_level, f.people FROM u JOIN reporting.title_figures f ON f.unit_id = u.unit_id
          AND f.registered_day >= ${sinceDay}::date AND f.registered_day <= ${toDay}::date AND f.day <= ${toDay}::date`;
  return db.$queryRaw<TitleGroup[]>`
    WITH u AS (SELECT DISTINCT unnest(${[...unitIds]}::uuid[]) AS unit_id)
    SELECT nullif(c.title_series, '') AS "titleSeries", nullif(c.title_level, '') AS "titleLevel", sum(c.people)::int AS people
    FROM (${changes}) c
    GROUP BY 1, 2 HAVING sum(c.people) <> 0`;
}

/**
 * titleGroupsAsOf over a node's proper descendants (today's paths: `nodePath`'s units but the node),
 * from the subtree rollups: without `sinceDay` subtree_title_now, with it subtree_title_registered's
 * registration days in [sinceDay, toDay] — each minus the descendants' changes after `toDay` (of
 * those registration days), read by day over every unit (none for today).
 */
export async function descendantTitleGroups(db: Db, nodeId: string, nodePath: string, sinceDay: string | null, toDay: string): Promise<TitleGroup[]> {
  const held =
    sinceDay === null
      ? Prisma.sql`SELECT title_series, title_level, people FROM reporting.subtree_title_now WHERE node_id = ${nodeId}::uuid`
      : Prisma.sql`SELECT title_series, title_level, people FROM reporting.subtree_title_registered
          WHERE node_id = ${nodeId}::uuid AND registered_day >= ${sinceDay}::date AND registered_day <= ${toDay}::date`;
  const registeredIn = sinceDay === null ? Prisma.empty : Prisma.sql`AND f.registered_day >= ${sinceDay}::date AND f.registered_day <= ${toDay}::date`;
  return db.$queryRaw<TitleGroup[]>`
    SELECT nullif(c.title_series, '') AS "titleSeries", nullif(c.title_level, '') AS "titleLevel", sum(c.people)::int AS people
    FROM (${held}
          UNION ALL
          SELECT f.title_series, f.title_level, -f.people FROM reporting.title_figures f JOIN reporting.unit_replica u ON u.id = f.unit_id
          WHERE f.day > ${toDay}::date ${registeredIn} AND u.path LIKE ${likePrefix(nodePath)} AND u.id <> ${nodeId}::uuid) c
    GROUP BY 1, 2 HAVING sum(c.people) <> 0`;
}

/**
 * The same groups as titleGroupsAsOf, read from every person's history and the replica's
 * registration instant (`since`: start of the first day or null, `at`: end of the last): the
 * definition the rollup is checked against, and the benchmark's naive query.
 */
export async function titleGroupsFromHistory(db: Db, unitIds: readonly string[], since: Date | null, at: Date): Promise<TitleGroup[]> {
  return db.$queryRaw<TitleGroup[]>`
    SELECT p.title_series AS "titleSeries", p.title_level AS "titleLevel", count(*)::int AS people
    FROM reporting.person_history p JOIN reporting.professional_replica r USING (account_id)
    WHERE p.unit_id = ANY(${[...unitIds]}::uuid[]) AND p.status = 'APPROVED'
      AND p.valid_from <= ${at} AND (p.valid_to IS NULL OR p.valid_to > ${at})
      AND r.registered_at <= ${at} ${since === null ? Prisma.empty : Prisma.sql`AND r.registered_at >= ${since}`}
    GROUP BY 1, 2`;
}
