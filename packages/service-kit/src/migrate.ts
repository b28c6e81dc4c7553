import { runner } from "node-pg-migrate";
import pg from "pg";

/**
 * Applies a service's SQL migrations to its own schema, with its own migrations table, so
 * the three services migrate independently on one server.
 */
export async function migrateSchema(opts: { databaseUrl: string; schema: string; dir: string; log?: (msg: string) => void }) {
  await ensureDatabase(opts.databaseUrl);
  return runner({
    databaseUrl: opts.databaseUrl,
    dir: opts.dir,
    schema: opts.schema,
    createSchema: true,
    migrationsSchema: opts.schema,
    createMigrationsSchema: true,
    migrationsTable: "pgmigrations",
    direction: "up",
    checkOrder: true,
    singleTransaction: true,
    log: opts.log ?? (() => {}),
    verbose: false,
  });
}

/** Creates the database named in the URL when it does not exist yet (a fresh machine). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((e: { code?: string }) => {
        if (e.code !== "42P04") throw e; // created meanwhile by another service's migration
      });
    }
  } finally {
    await client.end();
  }
}
