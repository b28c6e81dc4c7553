// 管理看板's queries (issue 11 item 6) over hour_record and declaration_outcome, limited to the
// declarations of units whose current path lies in the caller's scope (unit_replica.path).
import { likePrefix } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "./client.ts";

/** One group of 审批时效: decided in the period, median / p90 days from 提交 to the decision, pending since before `pendingBefore`. */
export interface TurnaroundFigures {
  unitId: string | null;
  decided: number;
  medianDays: number | null;
  p90Days: number | null;
  pendingOver: number;
}

/**
 * 审批时效 by `by`: HANDLER — decided records by the unit whose decision ended the chain
 * (decided_by_unit_id; null for events before hours sent it) and pending ones by the unit they
 * waited for first (the last handler the events name: hours announces no intermediate step);
 * UNIT — both by the declaring person's unit. Decided: approved_at or rejected_at in [since, until].
 */
export async function turnaround(
  db: Db,
  q: { scopePath: string; since: Date; until: Date; pendingBefore: Date; by: "HANDLER" | "UNIT" },
): Promise<TurnaroundFigures[]> {
  const decidedKey = q.by === "HANDLER" ? Prisma.sql`o.decided_by_unit_id` : Prisma.sql`h.unit_id`;
  const pendingKey = q.by === "HANDLER" ? Prisma.sql`o.first_handler_id` : Prisma.sql`h.unit_id`;
  return db.$queryRaw<TurnaroundFigures[]>`
    WITH scoped AS (
      SELECT h.*, coalesce(h.approved_at, h.rejected_at) AS decided_at,
             coalesce(${decidedKey}::text, '') AS decided_key, coalesce(${pendingKey}::text, '') AS pending_key
      FROM reporting.hour_record h
      JOIN reporting.unit_replica u ON u.id = h.unit_id
      LEFT JOIN reporting.declaration_outcome o ON o.declaration_id = h.declaration_id
      WHERE u.path LIKE ${likePrefix(q.scopePath)} AND h.submitted_at IS NOT NULL
    ), decided AS (
      SELECT decided_key AS key, count(*)::int AS decided,
             round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - submitted_at) / 86400)::numeric, 1)::float8 AS median,
             round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - submitted_at) / 86400)::numeric, 1)::float8 AS p90
      FROM scoped WHERE decided_at >= ${q.since} AND decided_at <= ${q.until} AND decided_at >= submitted_at
      GROUP BY 1
    ), pending AS (
      SELECT pending_key AS key, count(*)::int AS n FROM scoped WHERE status = 'PENDING' AND submitted_at < ${q.pendingBefore} GROUP BY 1
    )
    -- '' stands for "no unit named" (an event from before hours sent it): a FULL JOIN needs plain equality.
    SELECT nullif(coalesce(d.key, p.key), '') AS "unitId", coalesce(d.decided, 0) AS decided, d.median AS "medianDays", d.p90 AS "p90Days",
           coalesce(p.n, 0) AS "pendingOver"
    FROM decided d FULL OUTER JOIN pending p ON p.key = d.key`;
}

/** One 审核人 of 审批时效: the admin whose decision ended the chain (null: an event before hours named them), their latest name, and the decided figures. */
export interface ApproverTurnaroundFigures {
  accountId: string | null;
  name: string | null;
  decided: number;
  medianDays: number | null;
  p90Days: number | null;
}

/**
 * 审批时效 by 审核人: decided records of the scope (approved_at or rejected_at in [since, until]) by
 * the admin whose 审核通过 / 驳回 ended the chain (declaration_outcome.decided_by_account_id), with
 * the name of their latest decision in the period, the count and the median / p90 days from 提交.
 * Pending records wait for a unit, not an admin: they are counted by turnaround's HANDLER only.
 */
export async function approverTurnaround(db: Db, q: { scopePath: string; since: Date; until: Date }): Promise<ApproverTurnaroundFigures[]> {
  return db.$queryRaw<ApproverTurnaroundFigures[]>`
    WITH decided AS (
      SELECT o.decided_by_account_id AS account_id, o.decided_by_name AS name, coalesce(h.approved_at, h.rejected_at) AS decided_at,
             extract(epoch FROM coalesce(h.approved_at, h.rejected_at) - h.submitted_at) / 86400 AS days
      FROM reporting.hour_record h
      JOIN reporting.unit_replica u ON u.id = h.unit_id
      LEFT JOIN reporting.declaration_outcome o ON o.declaration_id = h.declaration_id
      WHERE u.path LIKE ${likePrefix(q.scopePath)} AND h.submitted_at IS NOT NULL
        AND coalesce(h.approved_at, h.rejected_at) >= ${q.since} AND coalesce(h.approved_at, h.rejected_at) <= ${q.until}
        AND coalesce(h.approved_at, h.rejected_at) >= h.submitted_at
    )
    SELECT account_id::text AS "accountId",
           (array_agg(name ORDER BY decided_at DESC) FILTER (WHERE name IS NOT NULL))[1] AS name,
           count(*)::int AS decided,
           round(percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::numeric, 1)::float8 AS "medianDays",
           round(percentile_cont(0.9) WITHIN GROUP (ORDER BY days)::numeric, 1)::float8 AS "p90Days"
    FROM decided GROUP BY account_id`;
}

/** Rejections (rejected_at in [since, until]) per 驳回原因 code (null: none recorded). */
export async function rejectionCounts(db: Db, q: { scopePath: string; since: Date; until: Date }): Promise<Array<{ code: string | null; count: number }>> {
  return db.$queryRaw<Array<{ code: string | null; count: number }>>`
    SELECT o.reject_reason_code AS code, count(*)::int AS count
    FROM reporting.hour_record h
    JOIN reporting.unit_replica u ON u.id = h.unit_id
    LEFT JOIN reporting.declaration_outcome o ON o.declaration_id = h.declaration_id
    WHERE u.path LIKE ${likePrefix(q.scopePath)} AND h.rejected_at >= ${q.since} AND h.rejected_at <= ${q.until}
    GROUP BY 1`;
}

/**
 * Per 继续教育基地 of the scope (now), the declarations it made (declared_by_unit_id) submitted in
 * [since, until]: how many, approved (and 认定学时 still counting), rejected, failed 成果备案.
 */
export async function trainingBaseFigures(
  db: Db,
  q: { scopePath: string; since: Date; until: Date },
): Promise<Array<{ unitId: string; unitName: string; declared: number; approved: number; approvedHours: number; rejected: number; auditFailed: number }>> {
  return db.$queryRaw`
    SELECT b.id::text AS "unitId", b.name AS "unitName", count(h.declaration_id)::int AS declared,
           count(h.approved_at)::int AS approved,
           coalesce(sum(h.recognized_hours) FILTER (WHERE h.approved_at IS NOT NULL AND h.voided_at IS NULL), 0)::int AS "approvedHours",
           count(h.rejected_at)::int AS rejected,
           count(o.audit_failed_at) FILTER (WHERE h.declaration_id IS NOT NULL)::int AS "auditFailed"
    FROM reporting.unit_replica b
    LEFT JOIN reporting.declaration_outcome o ON o.declared_by_unit_id = b.id
    LEFT JOIN reporting.hour_record h ON h.declaration_id = o.declaration_id AND h.submitted_at >= ${q.since} AND h.submitted_at <= ${q.until}
    WHERE b.kind = 'TRAINING_BASE' AND b.path LIKE ${likePrefix(q.scopePath)}
    GROUP BY b.id, b.name
    ORDER BY b.name, b.id`;
}

/** The names of units as reporting holds them now (unknown ids are left out). */
export async function unitNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ id: string; name: string }>>`
    SELECT id::text AS id, name FROM reporting.unit_replica WHERE id = ANY(${[...ids]}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.name]));
}
