import { AuditRow, endOfDay, type ListAuditInput, type Page, startOfDay } from "@ce/contracts";
import { likeContains, likePrefix, quoteIdent } from "@ce/service-kit";
import { Prisma } from "../../generated/prisma/client.ts";
import { SCHEMA } from "../config.ts";
import type { Db } from "./client.ts";
import { sqlPage } from "./sql-page.ts";

const t = (name: string) => Prisma.raw(`${quoteIdent(SCHEMA)}.${name}`);

/** 操作日志: rows about the caller's unit and (for an authority) every unit below it, newest first. */
export async function listAudit(db: Db, scopePath: string, input: ListAuditInput): Promise<Page<AuditRow>> {
  const conditions = [Prisma.sql`l.unit_id IN (SELECT id FROM ${t("unit")} WHERE path LIKE ${likePrefix(scopePath)})`];
  if (input.actor) conditions.push(Prisma.sql`l.actor_name ILIKE ${likeContains(input.actor)}`);
  if (input.action) conditions.push(Prisma.sql`l.action = ${input.action}`);
  // Days are Beijing days, both included: 2024-05-01 runs 2024-04-30T16:00Z–2024-05-01T15:59:59.999Z (occurred_at keeps milliseconds).
  if (input.from) conditions.push(Prisma.sql`l.occurred_at >= ${startOfDay(input.from)}`);
  if (input.to) conditions.push(Prisma.sql`l.occurred_at <= ${endOfDay(input.to)}`);
  const where = Prisma.join(conditions, " AND ");
  const { items: rows, ...served } = await sqlPage<{
    id: bigint;
    occurred_at: Date;
    actor_name: string | null;
    action: string;
    entity_type: string;
    entity_id: string;
    before: unknown;
    after: unknown;
  }>(db, input, {
    columns: Prisma.sql`l.id, l.occurred_at, l.actor_name, l.action, l.entity_type, l.entity_id, l.before, l.after`,
    from: Prisma.sql`${t("audit_log")} l`,
    where,
    orderBy: Prisma.sql`l.occurred_at DESC, l.id DESC`,
  });
  const items = rows.map((r) =>
    AuditRow.parse({
      id: String(r.id),
      occurredAt: r.occurred_at.toISOString(),
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before ?? null,
      after: r.after ?? null,
    }),
  );
  return { ...served, items };
}
