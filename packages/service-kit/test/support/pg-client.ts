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
