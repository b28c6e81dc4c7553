import { type Clock, naming as makeNaming, type ScopedComplianceRule } from "@ce/contracts";
import { adminScope, cleanupPrefix, fakeIdentityProducer, fakeProducer, serviceClient, signIn } from "@ce/service-kit/testing";
import { createTestDatabase, dropTestDatabase, TEST_NATS_URL, TEST_REDIS_URL, testTag } from "@ce/testkit";
import { afterAll, beforeAll } from "vitest";
import { startReporting } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { migrate } from "../../src/db/migrate.ts";
import type { ReportingRouter } from "../../src/routers/index.ts";

/**
 * The reporting config of a test or benchmark run: its own database, the shared test NATS and Redis,
 * subjects under `subjectPrefix`, any free port, warnings only.
 */
export function reportingTestConfig(databaseUrl: string, subjectPrefix: string) {
  return loadConfig({
    DATABASE_URL: databaseUrl,
    NATS_URL: TEST_NATS_URL,
    REDIS_URL: TEST_REDIS_URL,
    SUBJECT_PREFIX: subjectPrefix,
    PORT: "0",
    LOG_LEVEL: "warn",
  });
}

/**
 * A reporting service on a fresh database and subject prefix, fed by stand-in identity and hours
 * producers (each owns its stream under the prefix). `opts` pins the clock or the compliance rules.
 */
export async function bootReporting(label: string, opts: { now?: Clock; complianceRules?: readonly ScopedComplianceRule[] } = {}) {
  const tag = testTag(label);
  const databaseUrl = await createTestDatabase(tag);
  await migrate(databaseUrl);
  const naming = makeNaming(tag);
  const producer = await fakeIdentityProducer(naming);
  const hours = await fakeProducer(naming, "CE_HOURS");
  const config = reportingTestConfig(databaseUrl, tag);
  let app = await startReporting(config, opts);

  return {
    naming,
    producer,
    hours,
    config,
    databaseUrl,
    get app() {
      return app;
    },
    async restart() {
      await app.stop();
      app = await startReporting(config, opts);
    },
    async cleanup() {
      await app.stop();
      await producer.close();
      await hours.close();
      await cleanupPrefix(naming);
      await dropTestDatabase(databaseUrl);
    },
  };
}

/** A running test reporting service (bootReporting's answer): `app`, the stand-in producers, `restart` and `cleanup`. */
export type ReportingSystem = Awaited<ReturnType<typeof bootReporting>>;

/**
 * One reporting system per test file, as hours' useHoursWorld and identity's useIdentity: `boot()`
 * runs in the file's beforeAll (the returned object is filled from then on with its `sys` and
 * whatever else it answers, such as signed-in clients) and `sys.cleanup()` in its afterAll. A
 * file's own beforeAll registered after this call runs after it.
 */
export function useReporting<T extends { sys: ReportingSystem }>(boot: () => Promise<T>): T {
  const t = {} as T;
  beforeAll(async () => {
    Object.assign(t, await boot());
  }, 60_000);
  afterAll(() => t.sys?.cleanup());
  return t;
}

/** A tRPC client of reporting's router, as the portal holds one. */
export type ReportingClient = ReturnType<typeof serviceClient<ReportingRouter>>;

/** `sys` with clients of the admins of the province and of 济南市 (a city under it), the two callers most report tests compare. */
export async function withAdmins(sys: ReportingSystem, province: Parameters<typeof adminScope>[0], jinan: Parameters<typeof adminScope>[0]) {
  return { sys, provinceAdmin: await adminClient(sys, province), jinanAdmin: await adminClient(sys, jinan) };
}

/**
 * A client of `sys` signed in as an admin of `unit` (every module unless `permissions` says which),
 * calling from `ip` when given (the address rate limits and lookup logs see).
 */
export async function adminClient(
  sys: Pick<ReportingSystem, "app">,
  unit: Parameters<typeof adminScope>[0],
  opts: { permissions?: Parameters<typeof signIn>[1]["permissions"]; ip?: string } = {},
): Promise<ReportingClient> {
  const token = await signIn(sys.app.infra.redis, { ...adminScope(unit), ...(opts.permissions ? { permissions: opts.permissions } : {}) });
  return serviceClient<ReportingRouter>(sys.app.url, token, opts.ip);
}
