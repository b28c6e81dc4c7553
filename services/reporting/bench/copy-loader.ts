// The COPY side of the benchmark's loader (the rows themselves come from synthetic.ts): a buffered
// `COPY … FROM STDIN` writer per table, and the bulk-load frame around it — drop the tables'
// indexes and keys, load, build them again, VACUUM ANALYZE, count — timing each step.
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * COPY … FROM STDIN in text format through one connection, buffered: each ~1 MiB of rows is one
 * COPY statement of its own, sent at once. A COPY left open while the rows are generated would
 * hold its backend in a client read that does not answer a ProcSignalBarrier, and every
 * DROP DATABASE on the cluster (each test file's cleanup) would wait for the whole load.
 */
export class CopyWriter {
  private chunks: string[] = [];
  private size = 0;
  rows = 0;
  private constructor(
    private readonly client: pg.Client,
    private readonly sql: string,
  ) {}

  /** A writer into `reporting.<table>` for the named columns (comma-separated, in row order); close() sends the rest. */
  static async open(url: string, table: string, columns: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const w = new CopyWriter(client, `COPY reporting.${table} (${columns}) FROM STDIN`);
    return Object.assign(w, {
      async close() {
        await w.flush();
        await client.end();
      },
    });
  }

  /** One row; null is \N. Values must hold no tab, newline or backslash. */
  row(values: ReadonlyArray<string | number | null>) {
    const line = `${values.map((v) => (v === null ? "\\N" : String(v))).join("\t")}\n`;
    this.chunks.push(line);
    this.size += line.length;
    this.rows++;
  }

  /** Sends the buffer once it holds more than 1 MiB. */
  async maybeFlush() {
    if (this.size > 1 << 20) await this.flush();
  }

  /** Sends the buffered rows as one COPY statement and waits until the server has them all. */
  async flush() {
    if (this.size === 0) return;
    const data = this.chunks.join("");
    this.chunks = [];
    this.size = 0;
    const stream = this.client.query(copyFrom(this.sql));
    const done = new Promise<void>((resolve, reject) => {
      stream.on("finish", resolve);
      stream.on("error", reject);
    });
    stream.end(data);
    await done;
  }
}

/** An ISO timestamp for a COPY column, or null (\N). */
export const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** What a bulk load took, in ms, and the rows each table holds after it. */
export interface BulkLoadReport<T extends string> {
  counts: Record<T, number>;
  timings: { generateAndCopyMs: number; indexMs: number; analyzeMs: number };
}

/**
 * Drops every index and primary/unique key of `tables` (schema reporting), runs `load` (which COPYs
 * the rows in), then builds them again (what `CREATE INDEX` after a load costs is reported),
 * VACUUM ANALYZEs (for index-only scans) and counts each table's rows.
 */
export async function bulkLoad<T extends string, R>(
  url: string,
  tables: readonly T[],
  load: () => Promise<R>,
  log: (s: string) => void,
): Promise<{ result: R } & BulkLoadReport<T>> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const names = tables.map((t) => `'${t}'`).join(",");
    const { rows: constraints } = await admin.query<{ table: string; name: string; def: string }>(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = 'reporting' AND t.relname IN (${names}) AND c.contype IN ('p', 'u')`,
    );
    const { rows: indexes } = await admin.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
       WHERE schemaname = 'reporting' AND tablename IN (${names})
         AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))`,
    );
    for (const c of constraints) await admin.query(`ALTER TABLE ${c.table} DROP CONSTRAINT ${c.name}`);
    for (const i of indexes) await admin.query(`DROP INDEX reporting.${i.name}`);

    const t0 = performance.now();
    const result = await load();
    const generateAndCopyMs = performance.now() - t0;
    log(`copied in ${Math.round(generateAndCopyMs / 1000)} s; building indexes`);

    const t1 = performance.now();
    await admin.query("SET maintenance_work_mem = '512MB'");
    for (const c of constraints) await admin.query(`ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.def}`);
    for (const i of indexes) await admin.query(i.def);
    const indexMs = performance.now() - t1;
    const t2 = performance.now();
    for (const t of tables) await admin.query(`VACUUM ANALYZE reporting.${t}`);
    const analyzeMs = performance.now() - t2;
    const counts = {} as Record<T, number>;
    for (const t of tables) counts[t] = Number((await admin.query(`SELECT count(*) AS n FROM reporting.${t}`)).rows[0].n);
    return { result, counts, timings: { generateAndCopyMs, indexMs, analyzeMs } };
  } finally {
    await admin.end();
  }
}
