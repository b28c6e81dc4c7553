/**
 * Set-up of the 查询统计 browser test: a fresh 用人单位 under 济南市 with three professionals and
 * hour records made through the real services (registration → review, 学时申报 → 济南市 → 省厅
 * approval), so the statistics are built from events the normal way and their figures are known:
 *   甲: 公需 30 + 专业 60 = 90 (2/3 professional): 学习 and 合格
 *   乙: 公需 30: 学习, 不合格
 *   丙: no hours: registered only
 * → 注册总数 3, 学习总数 2, 合格总数 1, 合格率 33.33%.
 */
import { randomInt } from "node:crypto";
import { calendarYear } from "@ce/contracts";
import type { ReportingRouter } from "@ce/reporting/router";
import { eventually, serviceClient } from "@ce/service-kit/testing";
import type { Redis } from "ioredis";
import { expect, inject } from "vitest";
import { approvedProfessionals, approveThroughChain, declareOnline, identityAs, type Registered, tokenOf, uniqueName } from "./hours-support.ts";
import { freshEmployer, type Person } from "./org-support.ts";

export const reportingAs = (token: string) => serviceClient<ReportingRouter>(inject("serviceUrls").reporting, token, "198.51.100.25");

export interface StatsWorld {
  unitName: string;
  unitId: string;
  year: number;
  compliant: Registered;
  studying: Registered;
  idle: Registered;
}

/**
 * Builds the fresh employer and its people and hours (see the file comment); resolves once
 * reporting counts them exactly (20 s at most). `jinan` and `province` are the demo admins of
 * 济南市交通运输局 and 山东省交通运输厅 with known passwords.
 */
export async function statsWorld(redis: Redis, jinan: Person, province: Person): Promise<StatsWorld> {
  const jinanToken = await tokenOf(redis, jinan);
  const unitName = `统计测试${randomInt(1000, 9999)}运输有限公司`;
  const employer = await freshEmployer(redis, jinanToken, unitName);
  const employerToken = await tokenOf(redis, employer);
  const unitId = (await identityAs(employerToken).auth.me.query()).unitId;
  if (!unitId) throw new Error(`${unitName} has no unit id`);
  const stem = uniqueName("统计");
  const [compliant, studying, idle] = (await approvedProfessionals(redis, employer, unitName, [`${stem}甲`, `${stem}乙`, `${stem}丙`])) as [
    Registered,
    Registered,
    Registered,
  ];

  const year = calendarYear(new Date());
  const declared = [
    await declareOnline(employerToken, compliant, "PROFESSIONAL", 60),
    await declareOnline(employerToken, compliant, "GENERAL", 30),
    await declareOnline(employerToken, studying, "GENERAL", 30),
  ];
  await approveThroughChain(redis, [jinan, province], declared);

  const reporting = reportingAs(await tokenOf(redis, province));
  await eventually(async () => {
    const counts = await reporting.statistics.professionalCounts.query({ unitId });
    expect(counts.totals).toEqual({ registered: 3, studying: 2, compliant: 1, passRate: 33.33 });
  }, 20_000);
  return { unitName, unitId, year, compliant, studying, idle };
}
