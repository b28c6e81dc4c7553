import { naming as makeNaming } from "@ce/contracts";
import { cleanupPrefix, errorCode, eventually, fakeIdentityProducer, serviceClient, signIn, unitEnvelope } from "@ce/service-kit/testing";
import { createTestDatabase, dropTestDatabase, TEST_NATS_URL, TEST_REDIS_URL, testTag } from "@ce/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHours } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { migrate } from "../src/db/migrate.ts";
import type { HoursRouter } from "../src/routers/index.ts";

let app: Awaited<ReturnType<typeof startHours>>;
let producer: Awaited<ReturnType<typeof fakeIdentityProducer>>;
let databaseUrl: string;
let tag: string;

const province = unitEnvelope("ce.identity.unit.created.v1", { name: "山东省交通运输厅", region: "370000" });
const jinan = unitEnvelope("ce.identity.unit.created.v1", { name: "济南市交通运输局", superiorId: province.data.unitId, superiorPath: province.data.path });
const qingdao = unitEnvelope("ce.identity.unit.created.v1", { name: "青岛市交通运输局", superiorId: province.data.unitId, superiorPath: province.data.path });
const bus = unitEnvelope("ce.identity.unit.created.v1", {
  name: "济南公共交通集团有限公司",
  kind: "EMPLOYER",
  nature: "ENTERPRISE",
  superiorId: jinan.data.unitId,
  superiorPath: jinan.data.path,
});
const admin = (u: typeof province, permissions?: Parameters<typeof signIn>[1]["permissions"]) =>
  signIn(app.infra.redis, { unitId: u.data.unitId, unitName: u.data.name, scopePath: u.data.path, permissions });

beforeAll(async () => {
  tag = testTag("hourschain");
  databaseUrl = await createTestDatabase(tag);
  await migrate(databaseUrl);
  producer = await fakeIdentityProducer(makeNaming(tag));
  app = await startHours(
    loadConfig({ DATABASE_URL: databaseUrl, NATS_URL: TEST_NATS_URL, REDIS_URL: TEST_REDIS_URL, SUBJECT_PREFIX: tag, PORT: "0", LOG_LEVEL: "warn" }),
  );
  for (const e of [province, jinan, qingdao, bus]) await producer.publish(e);
  await eventually(async () => expect(await app.db.unitReplica.count()).toBe(4));
});
afterAll(async () => {
  await app.stop();
  await producer.close();
  await cleanupPrefix(makeNaming(tag));
  await dropTestDatabase(databaseUrl);
});

describe("approvalChain.preview", () => {
  it("shows a 济南 employer's declaration climbing 单位 → 济南市 → 省厅", async () => {
    const client = serviceClient<HoursRouter>(app.url, await admin(jinan));
    const chain = await client.approvalChain.preview.query({ unitId: bus.data.unitId });
    expect(chain.map((u) => u.name)).toEqual(["济南公共交通集团有限公司", "济南市交通运输局", "山东省交通运输厅"]);
  });

  it("refuses a 青岛 admin asking about a 济南 unit without revealing it", async () => {
    const client = serviceClient<HoursRouter>(app.url, await admin(qingdao));
    expect(await errorCode(client.approvalChain.preview.query({ unitId: bus.data.unitId }))).toBe("NOT_FOUND");
  });

  it("refuses an admin whose roles lack 学时审批", async () => {
    const client = serviceClient<HoursRouter>(app.url, await admin(jinan, ["hours.records"]));
    expect(await errorCode(client.approvalChain.preview.query({ unitId: bus.data.unitId }))).toBe("FORBIDDEN");
  });

  it("asks an anonymous caller to sign in", async () => {
    const client = serviceClient<HoursRouter>(app.url);
    expect(await errorCode(client.approvalChain.preview.query({ unitId: bus.data.unitId }))).toBe("UNAUTHORIZED");
  });

  it("rejects a malformed unit id with a Chinese message naming the field", async () => {
    const client = serviceClient<HoursRouter>(app.url, await admin(jinan));
    const err = await client.approvalChain.preview.query({ unitId: "abc" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ data: { code: "BAD_REQUEST", fieldErrors: { unitId: ["单位编号无效"] } } });
  });
});
