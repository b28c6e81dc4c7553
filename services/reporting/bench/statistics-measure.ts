// The statistics benchmark's timings: every statistic asked repeatedly as the province admin and
// as a city admin (1) through the tRPC endpoint (HTTP, the portal's client), (2) directly — the
// same use case with the same input, called in this process (its SQL and its arithmetic, no HTTP,
// no tRPC, no session), (3) raw SQL — the statements that use case sent, captured once and replayed
// through a plain pg client (sql-capture.ts: the database's time and the wire only) — and (4) the
// naive query a person would write over the raw facts.
import { randomInt, randomUUID } from "node:crypto";
import {
  ApprovedHoursByMonthInput,
  CountPeopleInput,
  endOfDay,
  LearningRecordInput,
  type Principal,
  ProfessionalCountsInput,
  ProfessionalIdInput,
  ProfessionalSearchInput,
  startOfDay,
  TitleDistributionInput,
  VerifyLearningInput,
} from "@ce/contracts";
import { resolvePrincipal } from "@ce/service-kit";
import { serviceClient, signIn } from "@ce/service-kit/testing";
import { percentile } from "@ce/testkit";
import pg from "pg";
import type { startReporting } from "../src/app.ts";
import { titleGroupsFromHistory } from "../src/db/title-distribution.ts";
import { subtreeAsOf } from "../src/db/unit-history.ts";
import { twelveMonthsBefore } from "../src/domain/statistic-range.ts";
import type { ReportingRouter } from "../src/routers/index.ts";
import { approvedHoursByMonth } from "../src/use-cases/statistics/approved-hours.ts";
import { countPeople } from "../src/use-cases/statistics/count-people.ts";
import { learningRecord } from "../src/use-cases/statistics/learning-record.ts";
import { professionalCounts } from "../src/use-cases/statistics/professional-counts.ts";
import { professionalDetail, searchProfessionals } from "../src/use-cases/statistics/professionals.ts";
import type { StatisticsCaller } from "../src/use-cases/statistics/scope.ts";
import { titleDistribution } from "../src/use-cases/statistics/title-distribution.ts";
import { verifyLearning } from "../src/use-cases/statistics/verify-learning.ts";
import { capturingDb, replay } from "./sql-capture.ts";
import type { BenchData } from "./statistics-loader.ts";

type App = Awaited<ReturnType<typeof startReporting>>;

/** One figure: HTTP, direct and raw-SQL p50 / p95 (ms), the naive query's (or null), a note for the table. */
export interface Result {
  who: string;
  report: string;
  http: [number, number];
  direct: [number, number];
  raw: [number, number];
  naive: [number, number] | null;
  note: string;
}

export interface MeasureOptions {
  reps: number;
  naiveReps: number;
  /** Time only the figures whose name contains it. */
  only: string | undefined;
  log: (s: string) => void;
  /** The read models' database: the direct calls run on a client of their own whose statements can be captured. */
  databaseUrl: string;
}

/** p50 and p95 of `n` sequential calls after one warm-up; a slow figure stops after 20 s (at least 5 calls). */
async function time(fn: () => Promise<unknown>, n: number): Promise<[number, number]> {
  await fn();
  const t: number[] = [];
  const began = performance.now();
  for (let i = 0; i < n && (i < 5 || performance.now() - began < 20_000); i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  return [percentile(t, 50), percentile(t, 95)];
}

const ms = (v: number) => (v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`);
const like = (prefix: string) => `${prefix.replace(/[\\%_]/g, "\\$&")}%`;

/** Every figure of every caller (the province admin, then the 济南 city admin), in order. */
export async function measureAll(app: App, data: BenchData, today: string, opts: MeasureOptions): Promise<Result[]> {
  const out: Result[] = [];
  const capture = capturingDb(opts.databaseUrl);
  const sql = new pg.Client({ connectionString: opts.databaseUrl });
  await sql.connect();
  try {
    for (const who of [
      { label: "province", unit: data.province },
      { label: "city", unit: data.city },
    ]) {
      for (const c of await casesOf(app, { ...app.deps, db: capture.db }, data, today, who.unit, opts.reps)) {
        if (opts.only !== undefined && !c.report.includes(opts.only)) continue;
        let http: [number, number];
        try {
          http = await time(c.http, opts.reps);
        } catch (e) {
          opts.log(`${who.label} ${c.report}: failed: ${(e as Error).message}`);
          out.push({
            who: who.label,
            report: c.report,
            http: [NaN, NaN],
            direct: [NaN, NaN],
            raw: [NaN, NaN],
            naive: null,
            note: `failed: ${(e as Error).message}`,
          });
          continue;
        }
        const direct = await time(c.direct, opts.reps);
        const statements = await capture.record(c.direct);
        const raw = await time(() => replay(sql, statements), opts.reps);
        const naive = c.naive ? await time(c.naive, opts.naiveReps) : null;
        const note = [`raw SQL: ${statements.length} statement${statements.length === 1 ? "" : "s"}`, c.note].filter(Boolean).join("; ");
        out.push({ who: who.label, report: c.report, http, direct, raw, naive, note });
        opts.log(
          `${who.label} ${c.report}: p50 ${ms(http[0])} p95 ${ms(http[1])} (direct ${ms(direct[0])} / ${ms(direct[1])}, raw SQL ${ms(raw[0])} / ${ms(raw[1])}${naive ? `, naive ${ms(naive[0])}` : ""})`,
        );
      }
    }
  } finally {
    await sql.end();
    await capture.end();
  }
  return out;
}

interface Case {
  report: string;
  http: () => Promise<unknown>;
  direct: () => Promise<unknown>;
  naive?: () => Promise<unknown>;
  note?: string;
}

/** The figures asked as the admin of `unit`: each the same input through HTTP and through the use case. */
async function casesOf(app: App, deps: App["deps"], data: BenchData, today: string, unit: BenchData["province"], reps: number): Promise<Case[]> {
  const db = deps.db;
  const year = Number(today.slice(0, 4));
  const pastDay = `${year - 1}-06-30`;
  const from = twelveMonthsBefore(today);
  const admin = { unitId: unit.id, unitName: unit.name, scopePath: unit.path };
  const token = await signIn(app.infra.redis, admin);
  const principal = (await resolvePrincipal(app.infra.redis, token)) as Principal;
  const s = serviceClient<ReportingRouter>(app.url, token, "127.0.0.1", undefined, 120_000).statistics;
  const caller: StatisticsCaller = { principal, clientIp: "127.0.0.1", requestId: randomUUID() };
  // 证件号 lookups are limited per viewer and per address (security/id-lookup.ts): each call comes
  // from a viewer and an address of its own, as a crowd of admins would, so the gate is timed too.
  // The addresses start at a random point of the benchmarking ranges (RFC 2544: 198.18.0.0/15):
  // a kept database counts the lookups of earlier runs for a day.
  const runBase = randomInt(0, 60_000);
  const address = (block: 18 | 19, n: number) => `198.${block}.${((runBase + n) >> 8) & 255}.${(runBase + n) & 255}`;
  let next = 0;
  const idClients = await Promise.all(
    Array.from({ length: reps + 2 }, async (_, i) =>
      serviceClient<ReportingRouter>(app.url, await signIn(app.infra.redis, admin), address(18, i), undefined, 120_000),
    ),
  );
  const byId = () => idClients[next++ % idClients.length]!.statistics;
  const freshViewer = (): StatisticsCaller => {
    const n = next++;
    return { principal: { ...principal, accountId: randomUUID() }, clientIp: address(19, n), requestId: randomUUID() };
  };

  // A person of the scope with a three-character name: their surname, given name and full name are searched.
  const mine = data.samples.filter((p) => p.unitPath.startsWith(unit.path));
  const sample = mine.find((p) => p.name.length >= 3) ?? mine[0]!;
  const [surname, twoChars] = [sample.name.slice(0, 1), sample.name.slice(1, 3)];
  const subtree = async (day: string) => (await subtreeAsOf(db, unit.id, unit.path, endOfDay(day))).map((u) => u.unitId);

  const naiveCounts = (day: string) => async () =>
    db.$queryRawUnsafe(
      `WITH per_person AS (
         SELECT p.unit_id, p.account_id, count(h.declaration_id) > 0 AS studying,
                coalesce(sum(h.recognized_hours) FILTER (WHERE h.subject = 'GENERAL'), 0) AS g,
                coalesce(sum(h.recognized_hours) FILTER (WHERE h.subject = 'PROFESSIONAL'), 0) AS p
         FROM reporting.person_history p JOIN reporting.unit_replica u ON u.id = p.unit_id AND u.path LIKE $1
         LEFT JOIN reporting.hour_record h ON h.account_id = p.account_id AND h.year = $2 AND h.approved_at <= $3
              AND (h.voided_at IS NULL OR h.voided_at > $3)
         WHERE p.status = 'APPROVED' AND p.valid_from <= $3 AND (p.valid_to IS NULL OR p.valid_to > $3)
         GROUP BY p.unit_id, p.account_id)
       SELECT unit_id, count(*), count(*) FILTER (WHERE studying), count(*) FILTER (WHERE g + p >= 90 AND p * 3 >= (g + p) * 2)
       FROM per_person GROUP BY unit_id`,
      like(unit.path),
      Number(day.slice(0, 4)),
      endOfDay(day),
    );
  const naiveName = (text: string) => async () =>
    Promise.all([
      db.$queryRawUnsafe(
        "SELECT count(*) FROM reporting.professional_replica r WHERE r.status = 'APPROVED' AND r.unit_path LIKE $1 AND r.name LIKE $2",
        like(unit.path),
        `%${text}%`,
      ),
      db.$queryRawUnsafe(
        `SELECT r.account_id, r.name FROM reporting.professional_replica r WHERE r.status = 'APPROVED' AND r.unit_path LIKE $1 AND r.name LIKE $2
         ORDER BY r.name, r.account_id LIMIT 20`,
        like(unit.path),
        `%${text}%`,
      ),
    ]);
  const search =
    (input: object, viewer = () => caller) =>
    () =>
      searchProfessionals(deps, viewer(), ProfessionalSearchInput.parse(input));
  const counts = (input: object) => () => professionalCounts(deps, principal, ProfessionalCountsInput.parse(input));
  const titles = (input: object) => () => titleDistribution(deps, principal, TitleDistributionInput.parse(input));
  const verify =
    (input: object, viewer = () => caller) =>
    () =>
      verifyLearning(deps, viewer(), VerifyLearningInput.parse(input));
  const compliant = { unitId: data.biggestEmployer.id, measure: "COMPLIANT", scope: "UNIT" } as const;

  return [
    {
      report: "professionalCounts (today)",
      http: () => s.professionalCounts.query({}),
      direct: counts({}),
      naive: naiveCounts(today),
      note: "naive: per person GROUP BY over person_history ⨝ hour_record of the year",
    },
    {
      report: `professionalCounts (${pastDay})`,
      http: () => s.professionalCounts.query({ asOf: pastDay }),
      direct: counts({ asOf: pastDay }),
      naive: naiveCounts(pastDay),
    },
    { report: "professionals (no filter)", http: () => s.professionals.query({}), direct: search({}) },
    {
      report: `professionals 姓名 1 char (${surname})`,
      http: () => s.professionals.query({ name: surname }),
      direct: search({ name: surname }),
      naive: naiveName(surname),
      note: "naive: LIKE '%…%' without the name_grams index",
    },
    {
      report: `professionals 姓名 2 chars (${twoChars})`,
      http: () => s.professionals.query({ name: twoChars }),
      direct: search({ name: twoChars }),
      naive: naiveName(twoChars),
    },
    {
      report: `professionals 姓名 full (${sample.name})`,
      http: () => s.professionals.query({ name: sample.name }),
      direct: search({ name: sample.name }),
      naive: naiveName(sample.name),
    },
    {
      report: "professionals 证件号 exact",
      http: () => byId().professionals.query({ idNumber: sample.idNumber }),
      direct: search({ idNumber: sample.idNumber }, freshViewer),
      note: "both through the 证件号 gate (a logged, counted lookup: one committed write)",
    },
    {
      report: "professional (详细)",
      http: () => s.professional.query({ accountId: sample.accountId }),
      direct: () => professionalDetail(deps, principal, ProfessionalIdInput.parse({ accountId: sample.accountId })),
    },
    {
      report: "learningRecord",
      http: () => s.learningRecord.query({ accountId: sample.accountId }),
      direct: () => learningRecord(deps, principal, LearningRecordInput.parse({ accountId: sample.accountId })),
    },
    {
      report: "titleDistribution (all time)",
      http: () => s.titleDistribution.query({}),
      direct: titles({}),
      naive: async () =>
        db.$queryRawUnsafe(
          `SELECT p.title_series, p.title_level, count(*) FROM reporting.person_history p
           JOIN reporting.unit_replica u ON u.id = p.unit_id AND u.path LIKE $1
           WHERE p.status = 'APPROVED' AND p.valid_from <= $2 AND (p.valid_to IS NULL OR p.valid_to > $2) GROUP BY 1, 2`,
          like(unit.path),
          endOfDay(today),
        ),
    },
    {
      report: `titleDistribution (${year - 1}-01-01 to today)`,
      http: () => s.titleDistribution.query({ from: `${year - 1}-01-01` }),
      direct: titles({ from: `${year - 1}-01-01` }),
      naive: async () => titleGroupsFromHistory(db, await subtree(today), startOfDay(`${year - 1}-01-01`), endOfDay(today)),
      note: "naive: every person's history row in force then ⨝ the replica's registration instant (titleGroupsFromHistory)",
    },
    {
      report: "verifyLearning 证件号",
      http: () => byId().verifyLearning.query({ idNumber: sample.idNumber }),
      direct: verify({ idNumber: sample.idNumber }, freshViewer),
      note: "both through the 证件号 gate",
    },
    {
      report: "verifyLearning 姓名 exact",
      http: () => s.verifyLearning.query({ name: sample.name }),
      direct: verify({ name: sample.name }),
    },
    {
      report: "countPeople (合格总数 of the biggest employer)",
      http: () => s.countPeople.query(compliant),
      direct: () => countPeople(deps, principal, CountPeopleInput.parse(compliant)),
    },
    {
      report: "approvedHoursByMonth (12 months)",
      http: () => s.approvedHoursByMonth.query({}),
      direct: () => approvedHoursByMonth(deps, principal, ApprovedHoursByMonthInput.parse({})),
      naive: async () =>
        db.$queryRawUnsafe(
          `SELECT date_trunc('month', h.approved_at AT TIME ZONE 'Asia/Shanghai') AS month, sum(h.recognized_hours), count(*)
           FROM reporting.hour_record h JOIN reporting.unit_replica u ON u.id = h.unit_id AND u.path LIKE $1
           WHERE h.approved_at >= $2 AND h.approved_at <= $3 AND (h.voided_at IS NULL OR h.voided_at > $3) GROUP BY 1`,
          like(unit.path),
          startOfDay(from),
          endOfDay(today),
        ),
    },
  ];
}
