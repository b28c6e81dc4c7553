import type { HoursRouter } from "@ce/hours/router";
import type { IdentityRouter } from "@ce/identity/router";
import type { ReportingRouter } from "@ce/reporting/router";
import { eventually, serviceClient } from "@ce/service-kit/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoLogins } from "../../../../services/identity/src/seed/demo-logins.ts";
import { restoreDemoAdmins } from "./org-support.ts";

// The running system, seeded by identity: its unit events must reach the other services'
// read models through the outbox relay and JetStream, with nothing lost or doubled.
const urls = inject("serviceUrls");
const prefix = inject("subjectPrefix");
let redis: Redis;

beforeAll(async () => {
  redis = new Redis(inject("redisUrl"));
  await restoreDemoAdmins(redis, "山东省交通运输厅", "济南市交通运输局");
});
afterAll(() => redis.disconnect());

async function signIn(unit: string): Promise<string> {
  const login = demoLogins.find((l) => l.unit === unit && l.userType !== "PROFESSIONAL");
  if (!login) throw new Error(`no demo admin of ${unit}`);
  const anonymous = serviceClient<IdentityRouter>(urls.identity, undefined, "10.20.0.1");
  const { captchaId } = await anonymous.auth.captcha.query();
  const captchaAnswer = (await redis.get(`${prefix}:captcha:${captchaId}`)) ?? "";
  const { token } = await anonymous.auth.login.mutate({
    userType: login.userType,
    idType: "RESIDENT_ID",
    idNumber: login.idNumber,
    password: login.password,
    captchaId,
    captchaAnswer,
    remember: false,
  });
  return token;
}

describe("identity's units reach the other services", () => {
  it("counts every approved unit once in the reporting read model, as identity lists them", async () => {
    const token = await signIn("山东省交通运输厅");
    // Other e2e files add units to this shared system; identity's own list is the reference.
    const listed = await serviceClient<IdentityRouter>(urls.identity, token).units.listSubordinates.query({ page: 1, pageSize: 200 });
    expect(listed.total).toBeLessThanOrEqual(200);
    const expected = { AUTHORITY: 1, EMPLOYER: 0, TRAINING_BASE: 0 }; // the province itself
    for (const unit of listed.items) expected[unit.kind]++;
    expect(expected.EMPLOYER).toBeGreaterThanOrEqual(demoLogins.filter((l) => l.userType === "EMPLOYER").length);
    const reporting = serviceClient<ReportingRouter>(urls.reporting, token);
    await eventually(async () => expect(await reporting.units.summary.query()).toEqual(expected));
  });

  it("lets the hours service route a 济南 employer's declarations through 济南 to the province", async () => {
    const token = await signIn("济南市交通运输局");
    const identity = serviceClient<IdentityRouter>(urls.identity, token);
    const page = await identity.units.listSubordinates.query({ name: "济南公共交通", page: 1, pageSize: 20 });
    const bus = page.items[0];
    if (!bus) throw new Error("济南公共交通集团有限公司 is missing from the demo data");
    const hours = serviceClient<HoursRouter>(urls.hours, token);
    const chain = await eventually(() => hours.approvalChain.preview.query({ unitId: bus.id }));
    expect(chain.map((u) => u.name)).toEqual(["济南公共交通集团有限公司", "济南市交通运输局", "山东省交通运输厅"]);
  });
});
