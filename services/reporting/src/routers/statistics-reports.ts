import {
  type ApiTokenPermission,
  ApprovedHoursByMonth,
  ApprovedHoursByMonthInput,
  ComplianceAsOf,
  ComplianceAsOfInput,
  CountPeople,
  CountPeopleInput,
  LearningRecord,
  LearningRecordInput,
  type Principal,
  ProfessionalCounts,
  ProfessionalCountsInput,
  ProfessionalDetail,
  ProfessionalIdInput,
  ProfessionalSearch,
  ProfessionalSearchInput,
  TitleDistribution,
  TitleDistributionInput,
  VerifyLearning,
  VerifyLearningInput,
} from "@ce/contracts";
import type { z } from "zod";
import type { ReportingDeps } from "../deps.ts";
import { approvedHoursByMonth } from "../use-cases/statistics/approved-hours.ts";
import { complianceAsOf } from "../use-cases/statistics/compliance-as-of.ts";
import { countPeople } from "../use-cases/statistics/count-people.ts";
import { learningRecord } from "../use-cases/statistics/learning-record.ts";
import { professionalCounts } from "../use-cases/statistics/professional-counts.ts";
import { professionalDetail, searchProfessionals } from "../use-cases/statistics/professionals.ts";
import type { StatisticsCaller } from "../use-cases/statistics/scope.ts";
import { titleDistribution } from "../use-cases/statistics/title-distribution.ts";
import { verifyLearning } from "../use-cases/statistics/verify-learning.ts";

/** A report's name: its procedure's on tRPC and on the HTTP API, and the token permission it needs (contracts apiTokenPermissions). */
export type StatisticsReportName = Exclude<ApiTokenPermission, "personYearExtract">;

/**
 * One report of 查询统计: its input and output schemas (contracts) and its use case, taking the
 * caller — a signed-in admin's tRPC context or an API token's caller, both a StatisticsCaller.
 */
export interface StatisticsReport<In extends z.ZodType, Out extends z.ZodType> {
  input: In;
  output: Out;
  useCase: (deps: ReportingDeps, caller: StatisticsCaller, input: z.output<In>) => Promise<z.input<Out>>;
}

const report = <In extends z.ZodType, Out extends z.ZodType>(
  input: In,
  output: Out,
  useCase: StatisticsReport<In, Out>["useCase"],
): StatisticsReport<In, Out> => ({ input, output, useCase });

/** A use case that needs only the caller's principal, as a report's use case. */
const ofPrincipal =
  <Input, Output>(useCase: (deps: ReportingDeps, principal: Principal, input: Input) => Output) =>
  (deps: ReportingDeps, caller: StatisticsCaller, input: Input) =>
    useCase(deps, caller.principal, input);

/**
 * `report`'s use case as its procedure runs it, `run(reportUseCase(report), callerOf)`: the
 * procedure's input and output types are its own schemas' (tRPC infers them from
 * `.input(report.input)` / `.output(report.output)` and checks both at run time); the two casts
 * only bridge tRPC's parser types, which it cannot resolve inside a generic helper.
 */
export function reportUseCase<In extends z.ZodType, Out extends z.ZodType>(report: StatisticsReport<In, Out>) {
  return (deps: ReportingDeps, caller: StatisticsCaller, input: unknown): never => report.useCase(deps, caller, input as z.output<In>) as never;
}

/**
 * The reports of 查询统计 (guide §3.9), each served twice with the same schemas and use case: to
 * the portal by statisticsRouter (statistics.ts, stats.view) and to API tokens by createApiRouter
 * (api.ts, the token permission of the same name, contracts apiTokenPermissions).
 */
export const statisticsReports = {
  professionalCounts: report(ProfessionalCountsInput, ProfessionalCounts, ofPrincipal(professionalCounts)),
  countPeople: report(CountPeopleInput, CountPeople, ofPrincipal(countPeople)),
  professionals: report(ProfessionalSearchInput, ProfessionalSearch, searchProfessionals),
  professional: report(ProfessionalIdInput, ProfessionalDetail, ofPrincipal(professionalDetail)),
  learningRecord: report(LearningRecordInput, LearningRecord, ofPrincipal(learningRecord)),
  titleDistribution: report(TitleDistributionInput, TitleDistribution, ofPrincipal(titleDistribution)),
  verifyLearning: report(VerifyLearningInput, VerifyLearning, verifyLearning),
  approvedHoursByMonth: report(ApprovedHoursByMonthInput, ApprovedHoursByMonth, ofPrincipal(approvedHoursByMonth)),
  complianceAsOf: report(ComplianceAsOfInput, ComplianceAsOf, complianceAsOf),
} satisfies Record<StatisticsReportName, StatisticsReport<z.ZodType, z.ZodType>>;
