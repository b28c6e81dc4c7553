// 审核通过学时 per month's read model (migration 0007, domain/approved-hours.ts): unit_approved_hours,
// kept by the hours handlers (applyApprovedHoursDeltas) and summed per month of a chart, with its
// subtree rollup subtree_approved_hours (migration 0012).
import { calendarDate } from "@ce/contracts";
import { quoteIdent, type SqlClient } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import type { ApprovedHoursDelta } from "../domain/approved-hours.ts";
import type { Attribution } from "../domain/subtree-rollups.ts";
import type { Db } from "./client.ts";

/**
 * Adds one record's changes (domain approvedHoursDelta, ordered by key) to `unit_approved_hours`:
 * each an additive upsert, and a row left with no records removed — so the rows are the sums of the
 * records held, whatever the order their events came in. The same changes are added to the units'
 * proper ancestors in subtree_approved_hours.
 */
export async function applyApprovedHoursDeltas(tx: SqlClient, schema: string, deltas: readonly ApprovedHoursDelta[]): Promise<void> {
  const t = `${quoteIdent(schema)}.unit_approved_hours`;
  for (const d of deltas) {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${t} AS a (unit_id, approved_day, voided_day, hours, records) VALUES ($1::uuid, $2::date, $3::date, $4, $5)
       ON CONFLICT (unit_id, approved_day, voided_day) DO UPDATE SET hours = a.hours + EXCLUDED.hours, records = a.records + EXCLUDED.records`,
      d.unitId,
      d.approvedDay,
      d.voidedDay,
      d.hours,
      d.records,
    );
    await tx.$executeRawUnsafe(
      `DELETE FROM ${t} WHERE unit_id = $1::uuid AND approved_day = $2::date AND voided_day = $3::date AND records = 0`,
      d.unitId,
      d.approvedDay,
      d.voidedDay,
    );
  }
  await addToSubtreeApprovedHours(tx, schema, deltas);
}

/** Adds rows (unnest's `c`: node_id, approved_day, voided_day, hours, records) to subtree_approved_hours; rows left with no records removed. */
async function addToSubtree(tx: SqlClient, schema: string, rows: string, values: readonly unknown[]): Promise<void> {
  const t = `${quoteIdent(schema)}.subtree_approved_hours`;
  const touched = await tx.$queryRawUnsafe<Array<{ node: string }>>(
    `INSERT INTO ${t} AS a (node_id, approved_day, voided_day, hours, records)
     SELECT c.node_id, c.approved_day, c.voided_day, sum(c.hours), sum(c.records) FROM (${rows}) c GROUP BY 1, 2, 3
     ON CONFLICT (node_id, approved_day, voided_day) DO UPDATE SET hours = a.hours + EXCLUDED.hours, records = a.records + EXCLUDED.records
     RETURNING node_id::text AS node`,
    ...values,
  );
  await tx.$executeRawUnsafe(`DELETE FROM ${t} WHERE node_id = ANY($1::uuid[]) AND records = 0`, [...new Set(touched.map((r) => r.node))]);
}

/** subtree_approved_hours: each change added to every proper ancestor of its unit's current path (units not in unit_replica yet: none). */
async function addToSubtreeApprovedHours(tx: SqlClient, schema: string, deltas: readonly ApprovedHoursDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await addToSubtree(
    tx,
    schema,
    `SELECT a.node_id, d.approved_day, d.voided_day, d.hours, d.records
     FROM unnest($1::uuid[], $2::date[], $3::date[], $4::int[], $5::int[]) AS d(unit_id, approved_day, voided_day, hours, records)
     JOIN ${quoteIdent(schema)}.unit_replica u ON u.id = d.unit_id CROSS JOIN LATERAL unnest(reporting.proper_ancestors(u.path)) AS a(node_id)`,
    [deltas.map((d) => d.unitId), deltas.map((d) => d.approvedDay), deltas.map((d) => d.voidedDay), deltas.map((d) => d.hours), deltas.map((d) => d.records)],
  );
}

/** Moves units' unit_approved_hours rows between subtree nodes (domain reattribution: −1 takes them from a node, +1 gives them to it). */
export async function moveApprovedHours(tx: SqlClient, schema: string, plan: readonly Attribution[]): Promise<void> {
  if (plan.length === 0) return;
  await addToSubtree(
    tx,
    schema,
    `SELECT m.node_id, a.approved_day, a.voided_day, m.sign * a.hours AS hours, m.sign * a.records AS records
     FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS m(unit_id, node_id, sign) JOIN ${quoteIdent(schema)}.unit_approved_hours a USING (unit_id)`,
    [plan.map((p) => p.unitId), plan.map((p) => p.nodeId), plan.map((p) => p.sign)],
  );
}

/** Per bucket: 认定学时 and records. */
export interface HoursBucket {
  bucket: number;
  hours: number;
  records: number;
}

/**
 * 认定学时 approved from `since` to `at` in the given units (the unit the person declared in) and
 * not voided by `at`, per month: `bucket` i is the month beginning at bounds[i - 1]. Read from the
 * rollup unit_approved_hours by Beijing day (the bounds, `since` and `at` are a chart's day
 * boundaries: start and end of Beijing days): approval days from `since`'s to `at`'s whose voiding
 * day is after `at`'s, one index range per unit.
 */
export async function approvedHoursPerBucket(db: Db, unitIds: readonly string[], bounds: readonly Date[], since: Date, at: Date): Promise<HoursBucket[]> {
  return perBucket(
    db,
    Prisma.sql`unnest(${[...unitIds]}::uuid[]) AS u(unit_id) JOIN reporting.unit_approved_hours a ON a.unit_id = u.unit_id`,
    bounds,
    since,
    at,
  );
}

/** approvedHoursPerBucket over a node's proper descendants (today's paths), from subtree_approved_hours: one index range. */
export async function descendantApprovedHoursPerBucket(db: Db, nodeId: string, bounds: readonly Date[], since: Date, at: Date): Promise<HoursBucket[]> {
  return perBucket(db, Prisma.sql`reporting.subtree_approved_hours a`, bounds, since, at, Prisma.sql`AND a.node_id = ${nodeId}::uuid`);
}

/** The buckets of the rows `from` (alias `a`: approved_day, voided_day, hours, records) that count in the chart. */
function perBucket(db: Db, from: Prisma.Sql, bounds: readonly Date[], since: Date, at: Date, where: Prisma.Sql = Prisma.empty): Promise<HoursBucket[]> {
  const to = calendarDate(at);
  return db.$queryRaw<HoursBucket[]>`
    SELECT width_bucket(a.approved_day, ${bounds.map((b) => calendarDate(b))}::date[]) AS bucket,
           coalesce(sum(a.hours), 0)::int AS hours, coalesce(sum(a.records), 0)::int AS records
    FROM ${from}
    WHERE a.approved_day >= ${calendarDate(since)}::date AND a.approved_day <= ${to}::date AND a.voided_day > ${to}::date ${where}
    GROUP BY 1`;
}
