import { adminScope, employerEnvelope, errorCode, eventually, provinceUnits, serviceClient, signIn } from "@ce/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportingRouter } from "../src/routers/index.ts";
import { adminClient, bootReporting, type ReportingSystem } from "./support/boot.ts";

let sys: ReportingSystem;

const { province, jinan, qingdao } = provinceUnits();
const units = [
  province,
  jinan,
  qingdao,
  employerEnvelope("济南公共交通集团有限公司", jinan),
  employerEnvelope("济南轨道交通集团有限公司", jinan),
  employerEnvelope("待审核的济南企业", jinan, "PENDING"),
  employerEnvelope("青岛地铁集团有限公司", qingdao),
];

beforeAll(async () => {
  sys = await bootReporting("summary");
  for (const u of units) await sys.producer.publish(u);
  await eventually(async () => expect(await sys.app.db.unitReplica.count()).toBe(units.length));
});
afterAll(() => sys.cleanup());

describe("units.summary", () => {
  it("counts every approved unit of the province's subtree", async () => {
    const client = await adminClient(sys, province);
    expect(await client.units.summary.query()).toEqual({ AUTHORITY: 3, EMPLOYER: 3, TRAINING_BASE: 0 });
  });

  it("counts only 济南's own subtree for the 济南 bureau, never 青岛's units", async () => {
    const client = await adminClient(sys, jinan);
    expect(await client.units.summary.query()).toEqual({ AUTHORITY: 1, EMPLOYER: 2, TRAINING_BASE: 0 });
  });

  it("refuses an admin without 查询统计 and an anonymous caller", async () => {
    const noStats = await adminClient(sys, jinan, { permissions: ["hours.records"] });
    expect(await errorCode(noStats.units.summary.query())).toBe("FORBIDDEN");
    expect(await errorCode(serviceClient<ReportingRouter>(sys.app.url).units.summary.query())).toBe("UNAUTHORIZED");
  });

  it("treats an expired session as signed out", async () => {
    const token = await signIn(sys.app.infra.redis, adminScope(province));
    await sys.app.infra.redis.del(`session:${token}`);
    expect(await errorCode(serviceClient<ReportingRouter>(sys.app.url, token).units.summary.query())).toBe("UNAUTHORIZED");
  });
});
