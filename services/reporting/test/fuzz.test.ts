import { adminScope, eventually, fuzzService, provinceUnits, testPrincipal } from "@ce/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReportingRouter } from "../src/routers/index.ts";
import { bootReporting, type ReportingSystem } from "./support/boot.ts";
import { reportingCases } from "./support/matrix.ts";

const { province } = provinceUnits();
let sys: ReportingSystem;
beforeAll(async () => {
  sys = await bootReporting("fuzz");
  await sys.producer.publish(province);
  await eventually(async () => expect(await sys.app.db.unitReplica.count()).toBe(1));
});
afterAll(() => sys.cleanup());

describe("reporting fuzz", () => {
  it("answers hostile input to every procedure with a 4xx or a result, never a 500", async () => {
    const problems = await fuzzService("reporting", sys.app.db, {
      router: createReportingRouter(sys.app.deps),
      world: { victimUnitId: province.data.unitId, victimAccountId: "00000000-0000-4000-8000-000000000000" },
      principal: testPrincipal(adminScope(province)),
      samples: reportingCases,
    });
    expect(problems).toEqual([]);
  }, 600_000);
});
