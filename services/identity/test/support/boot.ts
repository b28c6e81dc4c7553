import type { LoginResult } from "@ce/contracts";
import { createRedis } from "@ce/service-kit";
import { serviceClient } from "@ce/service-kit/testing";
import { createTestDatabase, dropTestDatabase, TEST_NATS_URL, TEST_REDIS_URL, testTag } from "@ce/testkit";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll } from "vitest";
import { type IdentityApp, startIdentity } from "../../src/app.ts";
import { captchaKey } from "../../src/auth/captcha.ts";
import { loadConfig } from "../../src/config.ts";
import { migrate } from "../../src/db/migrate.ts";
import type { IdentityRouter } from "../../src/routers/index.ts";
import { type Credentials, Fixture } from "./fixture.ts";

export type IdentityClient = ReturnType<typeof serviceClient<IdentityRouter>>;

export interface TestIdentity {
  tag: string;
  app: IdentityApp;
  fixture: Fixture;
  /** A client as a browser behind the portal: optional session token and client address. */
  client(opts?: { token?: string | null; ip?: string }): IdentityClient;
  /** A fresh captcha and its answer, read from Redis as the browser tests do. */
  captcha(ip?: string): Promise<{ captchaId: string; captchaAnswer: string }>;
  login(
    who: Pick<Credentials, "userType" | "idNumber" | "password">,
    opts?: { ip?: string; remember?: boolean; userType?: Credentials["userType"] },
  ): Promise<LoginResult>;
  cleanup(): Promise<void>;
}

/**
 * Boots the real identity service in-process for one test file: its own database (migrated),
 * subject prefix, stream and Redis key prefix, a free port, and (unless told not to) the
 * fixture tree seeded; `env` adds configuration variables (e.g. IMPORT_BATCH_ROWS).
 */
export async function bootIdentity(label: string, opts: { fixture?: boolean; env?: Record<string, string> } = {}): Promise<TestIdentity> {
  const tag = testTag(label);
  const { app, databaseUrl } = await startTestIdentity(tag, opts.env);
  const fixture = new Fixture(app.db, app.pii);
  if (opts.fixture ?? true) {
    await fixture.seed();
    app.relay.nudge();
  }

  const client = (opts: { token?: string | null; ip?: string } = {}) => serviceClient<IdentityRouter>(app.url, opts.token ?? undefined, opts.ip ?? "192.0.2.1");
  const captcha = async (ip?: string) => {
    const { captchaId } = await client(ip ? { ip } : {}).auth.captcha.query();
    const captchaAnswer = await app.infra.redis.get(captchaKey(captchaId));
    if (!captchaAnswer) throw new Error("captcha answer not in Redis");
    return { captchaId, captchaAnswer };
  };
  const login: TestIdentity["login"] = async (who, opts = {}) =>
    client(opts.ip ? { ip: opts.ip } : {}).auth.login.mutate({
      userType: opts.userType ?? who.userType,
      idNumber: who.idNumber,
      password: who.password,
      remember: opts.remember ?? false,
      ...(await captcha(opts.ip)),
    });

  return {
    tag,
    app,
    fixture,
    client,
    captcha,
    login,
    async cleanup() {
      await app.infra.nats.jsm.streams.delete(app.infra.naming.stream("CE_IDENTITY")).catch(() => undefined);
      await app.stop();
      await deleteRedisKeys(tag);
      await dropTestDatabase(databaseUrl);
    },
  };
}

/** The fixture's sign-ins (province, cities, employers, admins with some modules, a professional). */
export type FixtureLogin = keyof Fixture["logins"];

/**
 * One booted identity per test file, as hours' useHoursWorld: `bootIdentity(label)` in the file's
 * beforeAll (so the returned object is filled from then on), each of `logins` signed in then with
 * its session token in `tokens` by key, and cleaned up in its afterAll. A file's own beforeAll
 * registered after this call runs after it.
 */
export function useIdentity<K extends FixtureLogin = never>(label: string, logins: readonly K[] = []): TestIdentity & { tokens: Record<K, string> } {
  const t = { tokens: {} } as TestIdentity & { tokens: Record<K, string> };
  beforeAll(async () => {
    Object.assign(t, await bootIdentity(label));
    for (const key of logins) t.tokens[key] = (await t.login(t.fixture.logins[key])).token;
  });
  afterAll(() => t.cleanup?.());
  return t;
}

/**
 * Starts identity on a free port over a new, migrated database named by `tag`, with `tag` as its
 * subject prefix; `env` adds or overrides configuration variables. Development, as a developer
 * runs it: the development mailbox (loopback only) is open. The caller stops it and drops the database.
 */
export async function startTestIdentity(tag: string, env: Record<string, string> = {}): Promise<{ app: IdentityApp; databaseUrl: string }> {
  const databaseUrl = await createTestDatabase(tag);
  await migrate(databaseUrl);
  const config = loadConfig({
    NODE_ENV: "development",
    LOG_LEVEL: "warn",
    DATABASE_URL: databaseUrl,
    NATS_URL: TEST_NATS_URL,
    REDIS_URL: TEST_REDIS_URL,
    SUBJECT_PREFIX: tag,
    ...env,
  });
  return { app: await startIdentity({ ...config, PORT: 0 }), databaseUrl };
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = createRedis(TEST_REDIS_URL);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
    }
  } finally {
    await redis.quit();
  }
}

export interface CaughtError {
  code: string | undefined;
  message: string;
  fieldErrors: Record<string, string[] | undefined> | null;
}

/** Awaits a call that must fail and returns what the portal would see of the error. */
export async function failure(call: Promise<unknown>): Promise<CaughtError> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof TRPCClientError)) throw e;
    const data = e.data as { code?: string; fieldErrors?: Record<string, string[] | undefined> | null } | undefined;
    return { code: data?.code, message: e.message, fieldErrors: data?.fieldErrors ?? null };
  }
  throw new Error("expected the call to fail");
}
