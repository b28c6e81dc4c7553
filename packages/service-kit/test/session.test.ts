// Sessions as every service resolves them: a sliding session cannot be kept alive past its
// absolute lifetime, because identity's per-account index (which revocation reads) expires then.
import { allPermissions, type Principal, sessionKeys } from "@ce/contracts";
import { TEST_REDIS_URL, testTag } from "@ce/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis, type Redis } from "../src/redis.ts";
import { REMEMBER_TTL_S, resolvePrincipal, SESSION_MAX_AGE_S, SESSION_TTL_S } from "../src/session.ts";

const NOW = Date.UTC(2026, 10, 30, 1, 0, 0);
const H = 3600;
let redis: Redis;

beforeAll(() => {
  redis = createRedis(TEST_REDIS_URL, testTag("session"));
});
afterAll(() => redis.quit());

function principal(ageS: number, remember: boolean, createdAt = new Date(NOW - ageS * 1000).toISOString()): Principal {
  return {
    sessionId: "s".repeat(22),
    accountId: "00000000-0000-4000-8000-000000000001",
    userType: "AUTHORITY",
    name: "测试管理员",
    unitId: "00000000-0000-4000-8000-000000000002",
    unitName: "测试单位",
    scopePath: "/x/",
    unitKind: "AUTHORITY",
    unitDepth: 1,
    isProvince: false,
    isSuperAdmin: true,
    mustChangePassword: false,
    permissions: [...allPermissions],
    remember,
    createdAt,
  };
}

async function store(value: unknown, ttlS: number): Promise<string> {
  const token = testTag("tok").padEnd(40, "x");
  await redis.set(sessionKeys.session(token), typeof value === "string" ? value : JSON.stringify(value), "EX", ttlS);
  return token;
}

describe("resolvePrincipal", () => {
  it.each([
    { case: "fresh sliding session", ageS: 60, remember: false, keyTtl: SESSION_TTL_S, resolves: true, ttlAtMost: SESSION_TTL_S },
    {
      case: "sliding session used every hour for 13 days",
      ageS: 13 * 24 * H,
      remember: false,
      keyTtl: SESSION_TTL_S,
      resolves: true,
      ttlAtMost: SESSION_TTL_S,
    },
    {
      case: "sliding session one hour before its end slides only to the end",
      ageS: SESSION_MAX_AGE_S - H,
      remember: false,
      keyTtl: SESSION_TTL_S,
      resolves: true,
      ttlAtMost: H,
    },
    { case: "sliding session kept alive past 14 days", ageS: SESSION_MAX_AGE_S + 1, remember: false, keyTtl: SESSION_TTL_S, resolves: false },
    { case: "sliding session kept alive for 90 days", ageS: 90 * 24 * H, remember: false, keyTtl: SESSION_TTL_S, resolves: false },
    { case: "记住密码 session whose key someone extended", ageS: REMEMBER_TTL_S + 10, remember: true, keyTtl: 30 * 24 * H, resolves: false },
    { case: "记住密码 session on day 13", ageS: 13 * 24 * H, remember: true, keyTtl: 24 * H, resolves: true },
    { case: "dated 30 s ahead (clock skew)", ageS: -30, remember: false, keyTtl: SESSION_TTL_S, resolves: true, ttlAtMost: SESSION_TTL_S },
    { case: "dated a year ahead (never expires by age)", ageS: -365 * 24 * H, remember: false, keyTtl: SESSION_TTL_S, resolves: false },
  ])("$case → resolves: $resolves", async ({ ageS, remember, keyTtl, resolves, ttlAtMost }) => {
    const token = await store(principal(ageS, remember), keyTtl);
    const got = await resolvePrincipal(redis, token, NOW);
    expect(got !== null).toBe(resolves);
    if (ttlAtMost !== undefined) {
      const ttl = await redis.ttl(sessionKeys.session(token));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(ttlAtMost);
    }
  });

  it.each([
    { case: "not JSON", value: "{not json" },
    { case: "JSON null", value: "null" },
    { case: "createdAt not a date", value: principal(0, false, "yesterday") },
    { case: "createdAt missing", value: { ...principal(0, false), createdAt: undefined } },
  ])("a stored value that is $case resolves to nobody, without throwing", async ({ value }) => {
    const token = await store(value, 60);
    await expect(resolvePrincipal(redis, token, NOW)).resolves.toBeNull();
  });
});
