import type { SqlClient } from "@ce/service-kit";

/**
 * Serialises the writes of one aggregate across the consumers of one schema (several service
 * replicas may share a durable consumer): a transaction-scoped advisory lock on (schema.table, id).
 */
export async function lockAggregate(tx: SqlClient, schema: string, table: string, id: string): Promise<void> {
  await tx.$queryRawUnsafe("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))::text", `${schema}.${table}`, id);
}
