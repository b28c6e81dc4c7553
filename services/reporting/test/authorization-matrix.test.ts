import { adminScope, employerEnvelope, eventually, matrixSummary, provinceUnits, runAuthorizationMatrix, testPrincipal } from "@ce/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReportingRouter } from "../src/routers/index.ts";
import { bootReporting, type ReportingSystem } from "./support/boot.ts";
import { declaration, professional, professionalAt } from "./support/events.ts";
import { reportingCases } from "./support/matrix.ts";

// The victim is 济南 (and its employer); every caller comes from its sibling 青岛 or has no session.
const { province, jinan, qingdao } = provinceUnits();
const jinanBus = employerEnvelope("济南公共交通集团有限公司", jinan);

// A registered professional of 济南公交 with approved hours: what 信息查询, 学习记录 and 学习记录验证 could leak.
const victim = professional("王济南", jinanBus, { status: "APPROVED", idNumberMasked: "3701021999****4321", registeredAt: "2026-01-05T02:00:00.000Z" });
const hours = declaration(victim, 2026, "PROFESSIONAL", 90);

let sys: ReportingSystem;
beforeAll(async () => {
  sys = await bootReporting("authzmatrix");
  for (const u of [province, jinan, qingdao, jinanBus]) await sys.producer.publish(u);
  await sys.producer.publish(professionalAt("registered", "2026-01-05T02:00:00.000Z", victim));
  await sys.hours.publish(hours.approved("2026-03-01T02:00:00.000Z"));
  await eventually(async () => {
    expect(await sys.app.db.unitReplica.count()).toBe(4);
    expect(await sys.app.db.professionalReplica.count()).toBe(1);
    expect(await sys.app.db.hourRecord.count()).toBe(1);
  });
});
afterAll(() => sys.cleanup());

describe("reporting authorization matrix", () => {
  it("refuses every procedure to callers without a session, a professional, an admin lacking the permission, and never shows a sibling unit's data", async () => {
    const sibling = adminScope(qingdao);
    const result = await runAuthorizationMatrix({
      router: createReportingRouter(sys.app.deps),
      world: { victimUnitId: jinan.data.unitId, victimAccountId: victim.accountId },
      cases: reportingCases,
      callers: {
        anonymous: null,
        professional: testPrincipal({ ...sibling, professional: true }),
        siblingAdmin: testPrincipal(sibling),
        unprivilegedAdmin: testPrincipal({ ...sibling, permissions: [] }),
      },
      sentinels: [
        jinan.data.unitId,
        jinan.data.name,
        jinanBus.data.unitId,
        jinanBus.data.name,
        jinan.data.path,
        victim.accountId,
        victim.name,
        victim.idNumberMasked,
        hours.id,
      ],
      privateSentinels: [victim.idNumberMasked, hours.id],
    });
    console.log(matrixSummary("reporting", result));
    expect(result.problems).toEqual([]);
  });
});
