// A small province for hours tests: units and professionals published the way identity does.
import { randomBytes } from "node:crypto";
import { callerUnit, naming as makeNaming, type Permission, type Principal, sessionKeys } from "@ce/contracts";
import { SESSION_TTL_S } from "@ce/service-kit";
import {
  adminScope,
  cleanupPrefix,
  employerEnvelope,
  eventually,
  fakeIdentityProducer,
  professionalEnvelope,
  provinceUnits,
  signIn,
} from "@ce/service-kit/testing";
import { createTestDatabase, dropTestDatabase, TEST_NATS_URL, TEST_REDIS_URL, testTag } from "@ce/testkit";
import { afterAll, beforeAll, expect } from "vitest";
import { startHours } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { migrate } from "../../src/db/migrate.ts";

export const { province, jinan, qingdao } = provinceUnits();
export const bus = employerEnvelope("济南公共交通集团有限公司", jinan);
export const port = employerEnvelope("青岛港集团有限公司", qingdao);
export type UnitEnvelope = typeof province;

export const busDriver = professionalEnvelope("ce.identity.professional.approved.v1", bus, { name: "王师傅" });
export const busPending = professionalEnvelope("ce.identity.professional.registered.v1", bus, { name: "李待审", status: "PENDING" });
export const portWorker = professionalEnvelope("ce.identity.professional.approved.v1", port, { name: "赵港工" });

/** Boots hours on a fresh database and prefix, with the units and people above in its replicas. */
export async function bootHoursWorld(name: string, now = () => new Date()) {
  const tag = testTag(name);
  const databaseUrl = await createTestDatabase(tag);
  await migrate(databaseUrl);
  const producer = await fakeIdentityProducer(makeNaming(tag));
  const app = await startHours(
    loadConfig({ DATABASE_URL: databaseUrl, NATS_URL: TEST_NATS_URL, REDIS_URL: TEST_REDIS_URL, SUBJECT_PREFIX: tag, PORT: "0", LOG_LEVEL: "warn" }),
    { now },
  );
  for (const e of [province, jinan, qingdao, bus, port]) await producer.publish(e);
  for (const e of [busDriver, busPending, portWorker]) await producer.publish(e);
  await eventually(async () => {
    expect(await app.db.unitReplica.count()).toBe(5);
    expect(await app.db.professionalReplica.count()).toBe(3);
  });
  return {
    app,
    producer,
    tag,
    async close() {
      await app.attachments.destroy();
      await app.stop();
      await producer.close();
      await cleanupPrefix(makeNaming(tag));
      await dropTestDatabase(databaseUrl);
    },
  };
}
export type HoursWorld = Awaited<ReturnType<typeof bootHoursWorld>>;

/** One booted world per test file (`now` pins the service's clock). */
export function useHoursWorld(name: string, now = () => new Date()): HoursWorld {
  const world = {} as HoursWorld;
  beforeAll(async () => {
    Object.assign(world, await bootHoursWorld(name, now));
  });
  afterAll(() => world.close());
  return world;
}

/** An admin session of a unit (a super admin unless permissions are given). */
export const adminOf = (world: HoursWorld, u: UnitEnvelope, permissions?: Permission[]) => signIn(world.app.infra.redis, { ...adminScope(u), permissions });

/** A professional's own session (个人): no permissions, no scope. */
export async function professionalSession(world: HoursWorld, person: typeof busDriver): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const principal: Principal = {
    sessionId: randomBytes(12).toString("hex"),
    accountId: person.data.accountId,
    userType: "PROFESSIONAL",
    name: person.data.name,
    unitId: person.data.unitId,
    unitName: null,
    scopePath: null,
    ...callerUnit(null),
    isSuperAdmin: false,
    mustChangePassword: false,
    permissions: [],
    remember: false,
    createdAt: new Date().toISOString(),
  };
  await world.app.infra.redis.set(sessionKeys.session(token), JSON.stringify(principal), "EX", SESSION_TTL_S);
  return token;
}
