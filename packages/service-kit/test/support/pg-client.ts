import pg from "pg";
import type { SqlClient, TransactionalClient } from "../../src/db.ts";

/**
 * The SqlClient contract implemented on plain node-postgres, so service-kit is tested without
 * any service's generated Prisma client. Services pass their Prisma client, which has the same shape.
 */
export function pgClient(connectionString: string): TransactionalClient & { end(): Promise<void> } {
  const pool = new pg.Pool({ connectionString, max: 4 });
  const on = (q: pg.Pool | pg.PoolClient): SqlClient => ({
    $executeRawUnsafe: async (sql, ...values) => (await q.query(sql, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T>(sql: string, ...values: unknown[]) => (await q.query(sql, values)).rows as T,
  });
  return {
    ...on(pool),
    async $transaction(fn) {
      const conn = await pool.connect();
      try {
        await conn.query("BEGIN");
        const result = await fn(on(conn));
        await conn.query("COMMIT");
        return result;
      } catch (e) {
        await conn.query("ROLLBACK");
        throw e;
      } finally {
        conn.release();
      }
    },
    end: () => pool.end(),
  };
}

/** The standard outbox table, as every service's first migration creates it. */
export const OUTBOX_DDL = `
  CREATE SCHEMA kit;
  CREATE TABLE kit.outbox (
    seq bigserial PRIMARY KEY, id uuid NOT NULL UNIQUE, type text NOT NULL, payload jsonb NOT NULL,
    created_at timestamptz(3) NOT NULL DEFAULT now(), published_at timestamptz(3));
  CREATE TABLE kit.inbox (
    consumer text NOT NULL, event_id uuid NOT NULL, received_at timestamptz(3) NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id));`;
