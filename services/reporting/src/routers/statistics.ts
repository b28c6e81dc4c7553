import {
  ApprovedHoursByMonth,
  ApprovedHoursByMonthInput,
  ComplianceAsOf,
  ComplianceAsOfInput,
  CountPeople,
  CountPeopleInput,
  LearningRecord,
  LearningRecordInput,
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
import { permittedProcedure, router } from "@ce/service-kit";
import type { ReportingDeps } from "../deps.ts";
import { approvedHoursByMonth } from "../use-cases/statistics/approved-hours.ts";
import { complianceAsOf } from "../use-cases/statistics/compliance-as-of.ts";
import { countPeople } from "../use-cases/statistics/count-people.ts";
import { learningRecord } from "../use-cases/statistics/learning-record.ts";
import { professionalCounts } from "../use-cases/statistics/professional-counts.ts";
import { professionalDetail, searchProfessionals } from "../use-cases/statistics/professionals.ts";
import { titleDistribution } from "../use-cases/statistics/title-distribution.ts";
import { verifyLearning } from "../use-cases/statistics/verify-learning.ts";

/** 查询统计 (guide §3.9), from the read models; every procedure needs stats.view and answers only the caller's subtree. */
export function statisticsRouter(deps: ReportingDeps) {
  const view = permittedProcedure("stats.view");
  return router({
    /** 专业技术人员数量查询: per employer / CE base of the caller's subtree as of 统计时间. */
    professionalCounts: view
      .input(ProfessionalCountsInput)
      .output(ProfessionalCounts)
      .query(({ ctx, input }) => professionalCounts(deps, ctx.principal, input)),
    /** The people behind one figure of 专业技术人员数量查询 (same 统计时间). */
    countPeople: view
      .input(CountPeopleInput)
      .output(CountPeople)
      .query(({ ctx, input }) => countPeople(deps, ctx.principal, input)),
    /**
     * 专业技术人员信息查询: registered professionals now, by 地区 主管部门 姓名 证件号 证书管理号 学历
     * 专业技术职务 现专业技术职称资格. 所在人社 is not offered: no service stores it.
     * 重置密码 is identity's (it has none for professionals yet).
     */
    professionals: view
      .input(ProfessionalSearchInput)
      .output(ProfessionalSearch)
      .query(({ ctx, input }) => searchProfessionals(deps, ctx, input)),
    /** 详细: one professional now, masked. */
    professional: view
      .input(ProfessionalIdInput)
      .output(ProfessionalDetail)
      .query(({ ctx, input }) => professionalDetail(deps, ctx.principal, input)),
    /** 学习记录: a professional's years and records as of 统计时间. */
    learningRecord: view
      .input(LearningRecordInput)
      .output(LearningRecord)
      .query(({ ctx, input }) => learningRecord(deps, ctx.principal, input)),
    /** 职称系列分布情况: title series × 初级 / 中级 / 高级 / 无 for a time range, region and employer. */
    titleDistribution: view
      .input(TitleDistributionInput)
      .output(TitleDistribution)
      .query(({ ctx, input }) => titleDistribution(deps, ctx.principal, input)),
    /** 学习记录验证: by 证件号 or 姓名, one row per person and year. */
    verifyLearning: view
      .input(VerifyLearningInput)
      .output(VerifyLearning)
      .query(({ ctx, input }) => verifyLearning(deps, ctx, input)),
    /** 审核通过学时 per month (a chart). */
    approvedHoursByMonth: view
      .input(ApprovedHoursByMonthInput)
      .output(ApprovedHoursByMonth)
      .query(({ ctx, input }) => approvedHoursByMonth(deps, ctx.principal, input)),
    /** 学时达标情况 by 证件号 for a window of years as of 统计时间 (issue 11 item 4; also on the HTTP API). */
    complianceAsOf: view
      .input(ComplianceAsOfInput)
      .output(ComplianceAsOf)
      .query(({ ctx, input }) => complianceAsOf(deps, ctx, input)),
  });
}
