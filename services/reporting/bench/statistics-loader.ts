// The statistics benchmark's data: a database loaded with the synthetic read models (synthetic.ts,
// COPY) — or one an earlier run kept, brought up to the current migrations — with the read models
// derived from the loaded ones: the subtree rollups (migration 0012) by the handlers' own
// re-attribution (events/subtree-attribution.ts: every unit's rows given to its ancestors), and the
// name grams (0013) as that migration fills them from the replica — so what is timed is what the
// events would have built.
import { createHmac } from "node:crypto";
import pg from "pg";
import { DEV_PII_INDEX_KEY } from "../src/config.ts";
import { createDb } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";
import { READ_MODEL_TABLES } from "../src/events/read-model-handlers.ts";
import { reattributeUnits } from "../src/events/subtree-attribution.ts";
import { createBlindIndexes } from "../src/security/blind-index.ts";
import { LOADED_TABLES, type Loaded, type LoadSize, loadSynthetic } from "./synthetic.ts";

type ReadModelTable = (typeof READ_MODEL_TABLES)[number];
type DerivedTable = Extract<ReadModelTable, `subtree_${string}` | "professional_name_grams">;
const isDerived = (t: ReadModelTable): t is DerivedTable => t.startsWith("subtree_") || t === "professional_name_grams";

/**
 * The read models derived after the load — the subtree rollups and the name grams, taken from the
 * projection's own list (READ_MODEL_TABLES), so a new subtree table is derived and counted too.
 * Their rows are counted with the loaded tables'.
 */
export const DERIVED_TABLES: readonly DerivedTable[] = READ_MODEL_TABLES.filter(isDerived);

/** What the benchmark loaded, with the subtree rollups' rows and how long deriving them took. */
export interface BenchData extends Omit<Loaded, "counts"> {
  counts: Record<(typeof LOADED_TABLES)[number] | (typeof DERIVED_TABLES)[number], number>;
  /** How long deriving the subtree rollups and the name grams took (0: an earlier run derived them). */
  derivedMs: number;
  /** True when an earlier run loaded it (its load timings are then the ones given, or unknown). */
  reused: boolean;
}

/** The RESIDENT_ID blind index of a 证件号 (blind-index.ts computes one per ID type; the events carry the person's own type's). */
function residentIndex(): (idNumber: string) => string {
  const key = Buffer.from(DEV_PII_INDEX_KEY, "base64");
  const index = (id: string) => createHmac("sha256", key).update(`RESIDENT_ID:${id}`).digest("base64url");
  if (index("370102198001010011") !== createBlindIndexes(DEV_PII_INDEX_KEY)("370102198001010011")[0])
    throw new Error("blind index: RESIDENT_ID is not the first ID type");
  return index;
}

/**
 * The benchmark's database at `url`: a fresh one migrated and loaded with `size` people ending at
 * `today`, or (`reuse`) a kept one migrated to the current schema, described as loadSynthetic
 * would have (`loadSeconds`: that load's COPY and index seconds, from its log). Either way the
 * derived read models are filled when empty.
 */
export async function benchData(
  url: string,
  opts: { reuse: boolean; size: LoadSize; today: string; loadSeconds: number[]; log: (s: string) => void },
): Promise<BenchData> {
  const { log } = opts;
  await migrate(url);
  const blindIndex = residentIndex();
  const loaded = opts.reuse
    ? await keptLoad(url, blindIndex, opts.loadSeconds)
    : await loadSynthetic(url, { size: opts.size, today: opts.today, blindIndex, log });
  const derivedMs = (await deriveSubtreeRollups(url, log)) + (await deriveNameGrams(url, log));
  const sec = (v: number) => (Number.isFinite(v) ? `${Math.round(v / 1000)} s` : "?");
  // The timings a later `--reuse … --load-seconds <copy>,<index>` run of this database reports.
  if (!opts.reuse)
    log(
      `load timings: generate + COPY ${sec(loaded.timings.generateAndCopyMs)}, indexes ${sec(loaded.timings.indexMs)}, VACUUM ANALYZE ${sec(loaded.timings.analyzeMs)}, derived ${sec(derivedMs)}`,
    );
  const counts = { ...loaded.counts, ...(await countRows(url, DERIVED_TABLES)) };
  return { ...loaded, counts, derivedMs, reused: opts.reuse };
}

/**
 * Fills the subtree rollups when they are empty: every unit's per-unit rows given to the proper
 * ancestors of its path (reattributeUnits from "no path" to its path, in one transaction). Returns
 * the milliseconds it took (0 when they were filled already).
 */
async function deriveSubtreeRollups(url: string, log: (s: string) => void): Promise<number> {
  const db = createDb(url);
  try {
    const [held] = await db.$queryRawUnsafe<Array<{ n: number }>>("SELECT count(*)::int AS n FROM reporting.subtree_figures");
    if ((held?.n ?? 0) > 0) return 0;
    const began = performance.now();
    const units = await db.$queryRawUnsafe<Array<{ id: string; path: string }>>("SELECT id::text AS id, path FROM reporting.unit_replica");
    log(`deriving the subtree rollups of ${units.length} units`);
    await db.$transaction(
      async (tx) => {
        await reattributeUnits(tx, "reporting", new Map(), new Map(units.map((u) => [u.id, u.path])));
      },
      { timeout: 3_600_000, maxWait: 60_000 },
    );
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    for (const t of DERIVED_TABLES.filter((t) => t.startsWith("subtree_"))) await c.query(`VACUUM ANALYZE reporting.${t}`);
    await c.end();
    const ms = performance.now() - began;
    log(`subtree rollups derived in ${Math.round(ms / 1000)} s`);
    return ms;
  } finally {
    await db.$disconnect();
  }
}

/**
 * Fills professional_name_grams when it is empty (a fresh load: the migration ran before the COPY),
 * as migration 0013 fills it from the replica. Returns the milliseconds it took (0: already filled).
 */
async function deriveNameGrams(url: string, log: (s: string) => void): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    if ((await c.query("SELECT 1 FROM reporting.professional_name_grams LIMIT 1")).rows.length > 0) return 0;
    const began = performance.now();
    log("deriving the name grams from the replica");
    await c.query(`INSERT INTO reporting.professional_name_grams (gram, name, account_id, unit_id)
      SELECT g.gram, r.name, r.account_id, r.unit_id FROM reporting.professional_replica r CROSS JOIN LATERAL unnest(reporting.name_grams(r.name)) AS g(gram)
      WHERE r.status = 'APPROVED'`);
    await c.query("VACUUM ANALYZE reporting.professional_name_grams");
    return performance.now() - began;
  } finally {
    await c.end();
  }
}

async function countRows<T extends string>(url: string, tables: readonly T[]): Promise<Record<T, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const counts = {} as Record<T, number>;
    for (const t of tables) counts[t] = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM reporting.${t}`)).rows[0]!.n);
    return counts;
  } finally {
    await c.end();
  }
}

/**
 * What loadSynthetic would have told of a database it loaded earlier: the tree's province and
 * first city (济南), the employer with the most people, the first 400 registered people in load
 * order (certificate number) with their 证件号 recovered from the blind index (the generator builds
 * it from the masked number's region and last four digits and a birth date, 1960–2001, day ≤ 28),
 * and every table's rows.
 */
async function keptLoad(url: string, blindIndex: (id: string) => string, seconds: number[]): Promise<Loaded> {
  const timings = { generateAndCopyMs: (seconds[0] ?? NaN) * 1000, indexMs: (seconds[1] ?? NaN) * 1000, analyzeMs: NaN };
  return { ...(await keptTree(url, blindIndex)), counts: await countRows(url, LOADED_TABLES), timings };
}

/** keptLoad's tree, biggest employer and sample people. */
async function keptTree(url: string, blindIndex: (id: string) => string): Promise<Omit<Loaded, "counts" | "timings">> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const unit = async (where: string) =>
      (await c.query<{ id: string; name: string; path: string }>(`SELECT id::text AS id, name, path FROM reporting.unit_replica WHERE ${where} LIMIT 1`))
        .rows[0]!;
    const province = await unit("superior_id IS NULL");
    const city = await unit("name = '济南市交通运输局'");
    const biggest = (
      await c.query<{ id: string; name: string }>(
        `SELECT u.id::text AS id, u.name FROM reporting.unit_replica u JOIN (SELECT unit_id, count(*) n FROM reporting.professional_replica
         WHERE status = 'APPROVED' GROUP BY 1 ORDER BY 2 DESC LIMIT 1) b ON b.unit_id = u.id`,
      )
    ).rows[0]!;
    const people = (
      await c.query<{ account_id: string; name: string; masked: string; hash: string; unit_path: string }>(
        `SELECT account_id::text, name, id_number_masked AS masked, id_number_hash AS hash, unit_path FROM reporting.professional_replica
         WHERE status = 'APPROVED' ORDER BY certificate_no LIMIT 400`,
      )
    ).rows;
    const births: string[] = [];
    for (let y = 1960; y <= 2001; y++)
      for (let m = 1; m <= 12; m++) for (let d = 1; d <= 28; d++) births.push(`${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}`);
    const samples: Loaded["samples"] = [];
    for (const p of people) {
      const [region, tail] = [p.masked.slice(0, 6), p.masked.slice(-4)];
      const id = births.map((b) => `${region}${b}${tail}`).find((candidate) => blindIndex(candidate) === p.hash);
      if (id) samples.push({ accountId: p.account_id, name: p.name, idNumber: id, unitPath: p.unit_path });
    }
    if (samples.length === 0) throw new Error("no 证件号 could be recovered from the blind index");
    return { province, city, biggestEmployer: biggest, samples };
  } finally {
    await c.end();
  }
}
