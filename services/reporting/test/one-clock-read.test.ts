// Break-it probe (issue 11): an answer read a moment before Beijing midnight came back `final: true`
// when the clock passed midnight between 统计时间's default and the final check — each use case read
// deps.now() twice. Now each reads it once per answer; the table holds every answer that says
// `final`, each asked with the clock a hair before midnight on its first read and after it on any later one.
import {
  ApprovedHoursByMonthInput,
  ComplianceDashboardInput,
  CountPeopleInput,
  DashboardPeriod,
  LearningRecordInput,
  ProfessionalCountsInput,
  TitleDistributionInput,
} from "@ce/contracts";
import { adminScope, testPrincipal } from "@ce/service-kit/testing";
import { describe, expect, it } from "vitest";
import type { ReportingDeps } from "../src/deps.ts";
import { complianceDashboard } from "../src/use-cases/dashboards/compliance.ts";
import { rejectionReasons } from "../src/use-cases/dashboards/rejection-reasons.ts";
import { trainingBaseQuality } from "../src/use-cases/dashboards/training-bases.ts";
import { approvedHoursByMonth } from "../src/use-cases/statistics/approved-hours.ts";
import { countPeople } from "../src/use-cases/statistics/count-people.ts";
import { learningRecord } from "../src/use-cases/statistics/learning-record.ts";
import { professionalCounts } from "../src/use-cases/statistics/professional-counts.ts";
import { titleDistribution } from "../src/use-cases/statistics/title-distribution.ts";
import { jnBus, province, useStatistics, wang1 } from "./support/statistics-fixture.ts";

const t = useStatistics("clockonce");

/** Beijing 2026-07-20 23:59:59.990 on the first read, 2026-07-21 00:00:00.001 on every later one; counts the reads. */
function clockAtMidnight() {
  const clock = { reads: 0, now: () => new Date(clock.reads++ === 0 ? "2026-07-20T15:59:59.990Z" : "2026-07-20T16:00:00.001Z") };
  return clock;
}

const principal = () => testPrincipal(adminScope(province));
/** The dashboards' use cases take the caller, as their procedures hand it on. */
const caller = () => ({ principal: principal() });
type Asked = (deps: ReportingDeps) => Promise<{ final: boolean }>;
const cases: Array<[string, Asked]> = [
  ["专业技术人员数量查询", (d) => professionalCounts(d, principal(), ProfessionalCountsInput.parse({}))],
  ["人员明细", (d) => countPeople(d, principal(), CountPeopleInput.parse({ unitId: jnBus.data.unitId, measure: "REGISTERED" }))],
  ["职称系列分布", (d) => titleDistribution(d, principal(), TitleDistributionInput.parse({}))],
  ["每月审核通过学时", (d) => approvedHoursByMonth(d, principal(), ApprovedHoursByMonthInput.parse({}))],
  ["学习记录", (d) => learningRecord(d, principal(), LearningRecordInput.parse({ accountId: wang1.accountId }))],
  ["达标看板", (d) => complianceDashboard(d, caller(), ComplianceDashboardInput.parse({}))],
  ["驳回原因", (d) => rejectionReasons(d, caller(), DashboardPeriod.parse({}))],
  ["培训基地质量", (d) => trainingBaseQuality(d, caller(), DashboardPeriod.parse({}))],
];

describe("one clock read per answer: today's answer is not final even when midnight passes while it is read", () => {
  it.each(cases)("%s", async (_, asked) => {
    const clock = clockAtMidnight();
    const answer = await asked({ ...t.sys.app.deps, now: clock.now });
    expect(answer.final).toBe(false);
    expect(clock.reads).toBe(1);
  });
});
