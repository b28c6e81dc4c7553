// Data scope and login under load: how fast 管理下级单位 answers for a province and for a city
// when the hierarchy holds ~16,000 units, and how long a login takes (argon2id-bound).
// Run: `npm run bench` here or at the root; figures go to docs/benchmarks.md.
import { randomUUID } from "node:crypto";
import { unitPath } from "@ce/contracts";
import { percentile, recordBenchmark, repoRootOf } from "@ce/testkit";
import { bootIdentity } from "../test/support/boot.ts";

const CITIES = 16;
const EMPLOYERS_PER_CITY = 1_000;
const QUERIES = 200;
const LOGINS = 40;

const sys = await bootIdentity("benchscope");
try {
  const { db } = sys.app;
  const province = sys.fixture.units.sd;

  // Bulk-load the hierarchy in one statement per city (the seed's per-unit path is too slow here).
  const loadStart = performance.now();
  for (let c = 0; c < CITIES; c++) {
    const cityId = randomUUID();
    const cityPath = unitPath(province.path, cityId);
    const ids = Array.from({ length: EMPLOYERS_PER_CITY }, () => randomUUID());
    await db.$executeRaw`
      INSERT INTO identity.unit (id, name, kind, nature, industry, region, superior_id, path, depth, status, version)
      VALUES (${cityId}::uuid, ${`基准市${c}交通运输局`}, 'AUTHORITY', 'GOVERNMENT', 'G', '370100', ${province.id}::uuid, ${cityPath}, 2, 'APPROVED', 1)`;
    await db.$executeRaw`
      INSERT INTO identity.unit (id, name, kind, nature, industry, region, superior_id, path, depth, status, version)
      SELECT id, '基准企业' || ${c}::text || '-' || n, 'EMPLOYER', 'ENTERPRISE', 'G', '370100', ${cityId}::uuid,
             ${cityPath} || id::text || '/', 3, 'APPROVED', 1
      FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS t(id, n)`;
  }
  await db.$executeRawUnsafe("ANALYZE identity.unit");
  const loadMs = performance.now() - loadStart;
  const total = await db.unit.count();
  const aCity = await db.unit.findFirstOrThrow({ where: { name: "基准市0交通运输局" } });

  async function timeQueries(token: string) {
    const client = sys.client({ token });
    const times: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const t = performance.now();
      await client.units.listSubordinates.query({ page: 1 + (i % 5), pageSize: 20 });
      times.push(performance.now() - t);
    }
    return times;
  }
  const provinceToken = (await sys.login(sys.fixture.logins.sd)).token;
  const provinceTimes = await timeQueries(provinceToken);
  const { signIn } = await import("@ce/service-kit/testing");
  const cityToken = await signIn(sys.app.infra.redis, { unitId: aCity.id, unitName: aCity.name, scopePath: aCity.path });
  const cityTimes = await timeQueries(cityToken);
  const filtered = await sys.client({ token: provinceToken }).units.listSubordinates.query({ name: "基准企业3-5", page: 1, pageSize: 20 });

  const loginTimes: number[] = [];
  for (let i = 0; i < LOGINS; i++) {
    const { captchaId, captchaAnswer } = await sys.captcha(`198.51.100.${i + 1}`);
    const t = performance.now();
    await sys.client({ ip: `198.51.100.${i + 1}` }).auth.login.mutate({
      userType: "AUTHORITY",
      idNumber: sys.fixture.logins.jn.idNumber,
      password: sys.fixture.logins.jn.password,
      captchaId,
      captchaAnswer,
      remember: false,
    });
    loginTimes.push(performance.now() - t);
  }

  const ms = (v: number) => `${v.toFixed(1)} ms`;
  recordBenchmark(repoRootOf(import.meta.dirname), "scope", "Identity: 管理下级单位 over a large hierarchy, and login", [
    {
      metric: "units in the hierarchy",
      value: String(total),
      note: `${CITIES} cities × ${EMPLOYERS_PER_CITY} employers, bulk-loaded in ${Math.round(loadMs)} ms`,
    },
    {
      metric: "province admin, page of 20 + total (p50 / p95)",
      value: `${ms(percentile(provinceTimes, 50))} / ${ms(percentile(provinceTimes, 95))}`,
      note: `${QUERIES} sequential HTTP calls; scope = ${total - 1} units`,
    },
    {
      metric: "city admin, page of 20 + total (p50 / p95)",
      value: `${ms(percentile(cityTimes, 50))} / ${ms(percentile(cityTimes, 95))}`,
      note: `scope = ${EMPLOYERS_PER_CITY} units`,
    },
    { metric: "name filter inside the province", value: `${filtered.total} match(es)`, note: "基准企业3-5 (contains)" },
    {
      metric: "login, captcha to session (p50 / p95)",
      value: `${ms(percentile(loginTimes, 50))} / ${ms(percentile(loginTimes, 95))}`,
      note: `${LOGINS} sequential logins; argon2id verify dominates`,
    },
  ]);
  console.log(
    `scope bench: province p50 ${ms(percentile(provinceTimes, 50))}, city p50 ${ms(percentile(cityTimes, 50))}, login p50 ${ms(percentile(loginTimes, 50))}`,
  );
} finally {
  await sys.cleanup();
}
