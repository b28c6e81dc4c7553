// 查询统计 at full scale (issue 10 "Scale and speed"): 1,000,000 people over ~5,000 units and
// 10,000,000 hour records over five years, COPYed straight into reporting's read models of a
// database of its own (statistics-loader.ts), then every statistic asked repeatedly as the
// province admin and as a city admin through the tRPC endpoint, next to the same use case called
// directly, its SQL replayed raw and the naive query over the raw facts (statistics-measure.ts); figures go to
// docs/benchmarks.md.
// Run: `npm run bench -w @ce/reporting` (`-- --scale 0.01` for a quick run, `--reps N`, `--keep` to
// keep the database, `--reuse <url>` to time a kept one, `--only <text>`, `--no-doc`).
import os from "node:os";
import { calendarDate, naming as makeNaming } from "@ce/contracts";
import { cleanupPrefix } from "@ce/service-kit/testing";
import { createTestDatabase, dropTestDatabase, recordBenchmark, repoRootOf, testTag } from "@ce/testkit";
import { startReporting } from "../src/app.ts";
import { reportingTestConfig } from "../test/support/boot.ts";
import { type BenchData, benchData } from "./statistics-loader.ts";
import { measureAll, type Result } from "./statistics-measure.ts";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const scale = Number(arg("--scale") ?? 1);
const reps = Number(arg("--reps") ?? 30);
const naiveReps = Number(arg("--naive-reps") ?? 3);
const keep = process.argv.includes("--keep");
// `--only <text>`: time only the figures whose name contains it; `--no-doc`: leave docs/benchmarks.md as it is.
const only = arg("--only");
// `--reuse <database url>`: time a database an earlier run kept (`--keep`, or one that failed after
// loading) instead of loading again; `--load-seconds <copy>,<index>` are that load's timings from its log.
const reuse = arg("--reuse");
const loadSeconds = (arg("--load-seconds") ?? "").split(",").map(Number);
// `--load-only`: load (or bring a kept database up to date), keep it, time nothing.
const loadOnly = process.argv.includes("--load-only");
const writeToDoc = !process.argv.includes("--no-doc") && !loadOnly;
const size = { people: Math.round(1_000_000 * scale), employers: Math.max(16, Math.round(4_983 * scale)), recordsPerPersonYear: 2 };
const log = (s: string) => console.log(`[reporting bench] ${s}`);
const ms = (v: number) => (v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`);

const tag = testTag("benchstats");
const databaseUrl = reuse ?? (await createTestDatabase(tag));
const naming = makeNaming(tag);
let app: Awaited<ReturnType<typeof startReporting>> | null = null;
let finished = false;
try {
  const today = calendarDate(new Date());
  log(`${reuse ? "reusing" : `loading ${size.people} people over ${size.employers} employers into`} ${new URL(databaseUrl).pathname.slice(1)}`);
  const data = await benchData(databaseUrl, { reuse: reuse !== undefined, size, today, loadSeconds, log });
  log(`loaded: ${JSON.stringify(data.counts)}`);
  if (!loadOnly) {
    // NATS is shared with other runs and may be restarted meanwhile: wait for it rather than lose the load.
    for (let attempt = 1; ; attempt++) {
      try {
        app = await startReporting(reportingTestConfig(databaseUrl, tag));
        break;
      } catch (e) {
        if (attempt >= 60) throw e;
        log(`reporting did not start (${(e as Error).message}); retrying in 5 s`);
        await new Promise((r) => setTimeout(r, 5000));
      }
    }
    const results = await measureAll(app, data, today, { reps, naiveReps, only, log, databaseUrl });
    const load = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ");
    if (writeToDoc) writeDoc(data, results, load);
  }
  finished = true;
} finally {
  await app?.stop();
  await cleanupPrefix(naming);
  if (keep || loadOnly || !finished || reuse) log(`kept ${databaseUrl}${finished ? "" : " (the run did not finish)"}`);
  else await dropTestDatabase(databaseUrl);
}

/** Seconds as the table prints them; a timing the loading run did not record says so. */
function seconds(ms: number) {
  return Number.isFinite(ms) ? `${Math.round(ms / 1000)} s` : "not recorded by the loading run";
}

/** A ratio as the table prints it: two decimals under 10 (0.18×), whole above (38×). */
function ratio(x: number) {
  return `${x < 10 ? x.toFixed(2) : x.toFixed(0)}×`;
}

function writeDoc(data: BenchData, results: Result[], load: string) {
  const c = data.counts;
  const t = data.timings;
  const loadNote = data.reused
    ? " (loaded by an earlier run of this command, timed here on its kept database)"
    : `, VACUUM ANALYZE ${Math.round(t.analyzeMs / 1000)} s`;
  const rows = [
    {
      metric: "data loaded (COPY, then indexes)",
      value: `${c.professional_replica} people, ${c.hour_record} hour records`,
      note: `${c.unit_replica} units, ${c.person_history} person_history rows, ${c.unit_figures} unit_figures rows, ${c.unit_approved_hours} unit_approved_hours rows, ${c.title_figures} title_figures rows, ${c.title_figures_now} title_figures_now rows; generate + COPY ${seconds(t.generateAndCopyMs)}, indexes ${seconds(t.indexMs)}${loadNote}`,
    },
    {
      metric: "derived read models: subtree rollups (0012), name grams (0013)",
      value: `${c.subtree_figures + c.subtree_approved_hours + c.subtree_title_now + c.subtree_title_registered} + ${c.professional_name_grams} rows`,
      note: `subtree_figures ${c.subtree_figures}, subtree_approved_hours ${c.subtree_approved_hours}, subtree_title_now ${c.subtree_title_now}, subtree_title_registered ${c.subtree_title_registered} (every unit's rows given to its ancestors by the handlers' reattributeUnits); professional_name_grams ${c.professional_name_grams}; ${data.derivedMs > 0 ? `derived in ${Math.round(data.derivedMs / 1000)} s` : "derived by an earlier run"}`,
    },
    ...results.map((r) => ({
      metric: `${r.who}: ${r.report}`,
      value: `${ms(r.http[0])} / ${ms(r.http[1])}`,
      note: [
        `direct p50/p95 ${ms(r.direct[0])} / ${ms(r.direct[1])} (HTTP ÷ direct p95 ${(r.http[1] / r.direct[1]).toFixed(2)}×)`,
        `raw SQL p50/p95 ${ms(r.raw[0])} / ${ms(r.raw[1])} (HTTP ÷ raw SQL p95 ${(r.http[1] / r.raw[1]).toFixed(2)}×)`,
        r.naive ? `naive p50 ${ms(r.naive[0])} (${ratio(r.naive[0] / r.http[0])} the endpoint)` : "",
        r.note,
      ]
        .filter(Boolean)
        .join("; "),
    })),
  ];
  recordBenchmark(
    repoRootOf(import.meta.dirname),
    "reporting-statistics",
    "Reporting: 查询统计 over 1,000,000 people and 10,000,000 hour records",
    rows,
    `Scale ${scale} (${size.people} people), ${reps} sequential calls per figure (value: HTTP p50 / p95 through tRPC; direct: the same use case called in process — its SQL, no HTTP, tRPC or session; raw SQL: the statements that use case sent, replayed through a plain pg client — no Prisma, no JavaScript arithmetic), naive ${naiveReps}; load average at the end ${load}.`,
  );
}
