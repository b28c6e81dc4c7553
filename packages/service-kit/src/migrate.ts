import { fileURLToPath } from "node:url";
import { runner } from "node-pg-migrate";
import pg from "pg";
import { baseEnv, ConfigError, parseEnv } from "./config.ts";

/** service-kit's own migrations: the outbox and inbox every service schema holds (ADR 004). */
export const eventTablesMigrationsDir = fileURLToPath(new URL("../migrations", import.meta.url));

/**
 * Applies a service's SQL migrations to its own schema, with its own migrations table, so
 * the three services migrate independently on one server. service-kit's migrations (the outbox
 * and inbox, migrateEventTables) run first, so a service's migrations never spell them again.
 * Returns the service's migrations applied by this call.
 */
export async function migrateSchema(opts: { databaseUrl: string; schema: string; dir: string; log?: (msg: string) => void }) {
  await migrateEventTables(opts);
  return applyMigrations(opts, opts.dir, "pgmigrations");
}

/**
 * Creates the outbox and inbox in `schema` (and the schema and database when missing), recorded
 * in the schema's `kit_pgmigrations` table: what migrateSchema runs first, and what service-kit's
 * own tests run alone.
 */
export async function migrateEventTables(opts: { databaseUrl: string; schema: string; log?: (msg: string) => void }) {
  await ensureDatabase(opts.databaseUrl);
  return applyMigrations(opts, eventTablesMigrationsDir, "kit_pgmigrations");
}

function applyMigrations(opts: { databaseUrl: string; schema: string; log?: (msg: string) => void }, dir: string, migrationsTable: string) {
  return runner({
    databaseUrl: opts.databaseUrl,
    dir,
    schema: opts.schema,
    createSchema: true,
    migrationsSchema: opts.schema,
    createMigrationsSchema: true,
    migrationsTable,
    direction: "up",
    checkOrder: true,
    singleTransaction: true,
    // Replicas starting together (or a Job beside a deploy) wait for each other instead of failing.
    advisoryLockMode: "wait",
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

/**
 * `npm run db:migrate` in a service folder: reads only DATABASE_URL (a migration Job needs no
 * service secrets), applies the migrations and says how many ran.
 */
export async function runMigrationsCli(schema: string, dir: string): Promise<void> {
  try {
    const { DATABASE_URL } = parseEnv({ DATABASE_URL: baseEnv.DATABASE_URL });
    const applied = await migrateSchema({ databaseUrl: DATABASE_URL, schema, dir });
    console.log(`${schema}: ${applied.length} migration(s) applied`);
  } catch (err) {
    console.error(err instanceof ConfigError ? `${schema} migrations: ${err.message}` : err);
    process.exit(1);
  }
}
