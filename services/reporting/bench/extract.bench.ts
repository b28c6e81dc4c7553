// 人年抽取's memory at scale (issue 11 item 3): a database of its own with N registered people (default
// 300,000) in 100 employers and 3 hour records each, then the extract written as CSV and as Parquet
// into a byte counter, the process's RSS sampled every 50 ms. Prints rows, bytes, seconds and peak
// RSS above the baseline. `node --import tsx bench/extract.bench.ts [people]`. Not a timed test.
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { SEEDED_COMPLIANCE_RULES } from "@ce/contracts";
import { createLogger } from "@ce/service-kit";
import { createTestDatabase, dropTestDatabase, testTag } from "@ce/testkit";
import { createDb } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";
import type { ReportingDeps } from "../src/deps.ts";
import { planPersonYearExtract, writePersonYearExtract } from "../src/use-cases/extracts/person-year.ts";

const people = Number(process.argv[2] ?? 300_000);
const tag = testTag("extractbench");
const databaseUrl = await createTestDatabase(tag);
const db = createDb(databaseUrl);
try {
  await migrate(databaseUrl);
  const root = randomUUID();
  const t0 = "2024-01-01T00:00:00Z";
  await db.$executeRawUnsafe(
    `INSERT INTO reporting.unit_replica (id, name, kind, nature, region, path, status, version, updated_at)
     VALUES ($1::uuid, '山东省', 'AUTHORITY', 'GOVERNMENT', '370000', '/' || $1 || '/', 'APPROVED', 1, now())`,
    root,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO reporting.unit_history (unit_id, version, event_id, occurred_at, valid_from, patch, superior_id, name, kind, status, region, path)
     VALUES ($1::uuid, 1, gen_random_uuid(), $2::timestamptz, $2::timestamptz, '{}', NULL, '山东省', 'AUTHORITY', 'APPROVED', '370000', '/' || $1 || '/')`,
    root,
    t0,
  );
  await db.$executeRawUnsafe(
    `WITH u AS (SELECT gen_random_uuid() AS id, i FROM generate_series(1, 100) i)
     , r AS (INSERT INTO reporting.unit_replica (id, name, kind, nature, region, path, status, version, updated_at)
             SELECT id, '用人单位' || i, 'EMPLOYER', 'ENTERPRISE', '370102', '/' || $1 || '/' || id || '/', 'APPROVED', 1, now() FROM u RETURNING id, name, path)
     INSERT INTO reporting.unit_history (unit_id, version, event_id, occurred_at, valid_from, patch, superior_id, name, kind, status, region, path)
     SELECT id, 1, gen_random_uuid(), $2::timestamptz, $2::timestamptz, '{}', $1::uuid, name, 'EMPLOYER', 'APPROVED', '370102', path FROM r`,
    root,
    t0,
  );
  await db.$executeRawUnsafe(
    `WITH units AS (SELECT array_agg(id) AS ids FROM reporting.unit_replica WHERE kind = 'EMPLOYER')
     INSERT INTO reporting.person_history (account_id, version, event_id, occurred_at, valid_from, unit_id, status, education, title_series, title_level)
     SELECT gen_random_uuid(), 1, gen_random_uuid(), $1::timestamptz, $1::timestamptz, units.ids[1 + i % 100], 'APPROVED', 'BACHELOR', 'ENGINEERING', 'INTERMEDIATE'
     FROM generate_series(1, $2::int) i, units`,
    t0,
    people,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO reporting.hour_record (declaration_id, account_id, unit_id, unit_path, year, subject, form_code, recognized_hours, status, status_at, submitted_at, approved_at)
     SELECT gen_random_uuid(), p.account_id, p.unit_id, '/', 2026, CASE WHEN k = 1 THEN 'GENERAL' ELSE 'PROFESSIONAL' END, 'ONLINE', 10 + k * 10,
            'APPROVED', '2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'
     FROM reporting.person_history p, generate_series(1, 3) k`,
  );
  await db.$executeRawUnsafe("ANALYZE");
  const deps = {
    db,
    log: createLogger("bench", "warn"),
    now: () => new Date("2026-07-20T04:00:00Z"),
    complianceRules: SEEDED_COMPLIANCE_RULES,
  } as unknown as ReportingDeps;
  const scope = { unitId: root, scopePath: `/${root}/` };
  for (const format of ["csv", "parquet"] as const) {
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done();
      },
    });
    const started = performance.now();
    const plan = await planPersonYearExtract(deps, scope, { fromYear: 2026, toYear: 2026, format });
    const rows = await writePersonYearExtract(deps, plan, Buffer.alloc(32, 1), sink);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
    console.log(
      `${format}: ${rows} rows, ${mb(bytes)} written in ${((performance.now() - started) / 1000).toFixed(1)} s; RSS baseline ${mb(baseline)}, peak ${mb(peak)} (+${mb(peak - baseline)})`,
    );
  }
} finally {
  await db.$disconnect();
  await dropTestDatabase(databaseUrl);
}
