import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { z } from "zod";
import type { ReportingDeps } from "../deps.ts";
import { statisticsReports as reports, reportUseCase, type StatisticsReport } from "./statistics-reports.ts";

const view = permittedProcedure("stats.view");

/** 查询统计 (guide §3.9), from the read models; every procedure needs stats.view and answers only the caller's subtree. */
export const statisticsRouter = (run: UseCaseRun<ReportingDeps>) => {
  const serve = <In extends z.ZodType, Out extends z.ZodType>(report: StatisticsReport<In, Out>) =>
    view
      .input(report.input)
      .output(report.output)
      .query(run(reportUseCase(report)));
  return {
    /** 专业技术人员数量查询: per employer / CE base of the caller's subtree as of 统计时间. */
    professionalCounts: serve(reports.professionalCounts),
    /** The people behind one figure of 专业技术人员数量查询 (same 统计时间). */
    countPeople: serve(reports.countPeople),
    /**
     * 专业技术人员信息查询: registered professionals now, by 地区 主管部门 姓名 证件号 证书管理号 学历
     * 专业技术职务 现专业技术职称资格. 所在人社 is not offered: no service stores it.
     * 重置密码 is identity's (it has none for professionals yet).
     */
    professionals: serve(reports.professionals),
    /** 详细: one professional now, masked. */
    professional: serve(reports.professional),
    /** 学习记录: a professional's years and records as of 统计时间. */
    learningRecord: serve(reports.learningRecord),
    /** 职称系列分布情况: title series × 初级 / 中级 / 高级 / 无 for a time range, region and employer. */
    titleDistribution: serve(reports.titleDistribution),
    /** 学习记录验证: by 证件号 or 姓名, one row per person and year. */
    verifyLearning: serve(reports.verifyLearning),
    /** 审核通过学时 per month (a chart). */
    approvedHoursByMonth: serve(reports.approvedHoursByMonth),
    /** 学时达标情况 by 证件号 for a window of years as of 统计时间 (issue 11 item 4; also on the HTTP API). */
    complianceAsOf: serve(reports.complianceAsOf),
  };
};
