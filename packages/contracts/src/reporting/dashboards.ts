import { z } from "zod";
import { UnitKind } from "../domain-codes.ts";
import { RejectReasonCode } from "../hours/approvals.ts";
import { MaskedPersonFields } from "../identity/person-fields.ts";
import { wholeNumberField } from "../numbers.ts";
import { PageRequest, pageOf } from "../paging.ts";
import { AsOfAnswerFields, PeriodAnswerFields, periodInOrder, StatisticPeriodFields, SubjectHoursFields } from "./statistics.ts";

/**
 * 查询统计 › 管理看板 (issue 11 item 6): four dashboards for admins over the caller's subtree, each
 * drawn as a chart with the table behind it. Periods are Beijing dates (default: 1 January of this
 * year to today); rates are percentages with two decimals, durations days with one.
 */

/** A dashboard's period: 开始时间 to 结束时间 (each optional; the service defaults and checks them). */
export const DashboardPeriod = periodInOrder(z.object(StatisticPeriodFields));

/** 达标进度: this year's compliance by unit today, the year-end projection at each person's pace, and the people at risk (paged). */
export const ComplianceDashboardInput = PageRequest;
export type ComplianceDashboardInput = z.infer<typeof ComplianceDashboardInput>;

const Rate = z.number().min(0).max(100).nullable();

/** A unit's figures: 注册总数, 合格总数 today, 预计年末合格 (at current pace) and both as 合格率. */
export const ComplianceUnitRow = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  unitKind: UnitKind,
  registered: z.number().int(),
  compliant: z.number().int(),
  projectedCompliant: z.number().int(),
  passRate: Rate,
  projectedPassRate: Rate,
});
export type ComplianceUnitRow = z.infer<typeof ComplianceUnitRow>;

/** A person not yet 合格 whose hours at their current pace (hours so far ÷ the share of the year gone) stay short by year end. */
export const AtRiskPerson = z.object({
  ...MaskedPersonFields,
  unitName: z.string(),
  ...SubjectHoursFields,
  projectedTotal: z.number().int(),
});
export type AtRiskPerson = z.infer<typeof AtRiskPerson>;

export const ComplianceDashboard = z.object({
  ...AsOfAnswerFields,
  year: z.number().int(),
  /** The share of the year gone by the end of asOf (0–1). */
  elapsedShare: z.number().min(0).max(1),
  unitName: z.string(),
  rows: z.array(ComplianceUnitRow),
  totals: ComplianceUnitRow.omit({ unitId: true, unitName: true, unitKind: true }),
  atRisk: pageOf(AtRiskPerson),
});
export type ComplianceDashboard = z.infer<typeof ComplianceDashboard>;

/** 审批时效: the period, and 超期 = pending longer than `pendingDays` days (1–365, default 7). */
export const TurnaroundDashboardInput = periodInOrder(
  z.object({ ...StatisticPeriodFields, pendingDays: wholeNumberField({ label: "超期天数", min: 1, max: 365 }).default(7) }),
);
export type TurnaroundDashboardInput = z.infer<typeof TurnaroundDashboardInput>;

/**
 * 审批时效's figures of one row: records decided in the period (`decided`) and the median and 90th
 * percentile days from 提交 to the decision (null when none was decided). Spread into an object schema.
 */
const TurnaroundFigureFields = {
  decided: z.number().int(),
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
};

/** One handler or declaring unit: records decided in the period, median and 90th percentile days from 提交 to the decision, and pending over the limit now. */
export const TurnaroundRow = z.object({
  unitId: z.uuid().nullable(),
  unitName: z.string(),
  ...TurnaroundFigureFields,
  pendingOver: z.number().int(),
});
export type TurnaroundRow = z.infer<typeof TurnaroundRow>;

/** What 审批时效 shows for an admin whose events did not name them (decided before hours sent the deciding admin). */
export const UNRECORDED_APPROVER = "（未记录）";

/**
 * One 审核人 (the admin whose 审核通过 / 驳回 ended the chain): records decided in the period, median and
 * 90th percentile days from 提交. `accountId` null and `name` UNRECORDED_APPROVER: decisions whose
 * events named no admin. Pending records wait for a unit, not an admin: none here.
 */
export const TurnaroundApproverRow = z.object({
  accountId: z.uuid().nullable(),
  name: z.string(),
  ...TurnaroundFigureFields,
});
export type TurnaroundApproverRow = z.infer<typeof TurnaroundApproverRow>;

export const TurnaroundDashboard = z.object({
  ...PeriodAnswerFields,
  pendingDays: z.number().int(),
  byHandler: z.array(TurnaroundRow),
  byApprover: z.array(TurnaroundApproverRow),
  byUnit: z.array(TurnaroundRow),
});
export type TurnaroundDashboard = z.infer<typeof TurnaroundDashboard>;

export type DashboardPeriod = z.infer<typeof DashboardPeriod>;

/** 驳回原因: rejections in the period by 驳回原因's code (null: an event from before hours sent codes). */
export const RejectionReasons = z.object({
  ...PeriodAnswerFields,
  total: z.number().int(),
  reasons: z.array(z.object({ code: RejectReasonCode.nullable(), label: z.string(), count: z.number().int() })),
});
export type RejectionReasons = z.infer<typeof RejectionReasons>;

/** 继续教育基地质量: per CE base of the subtree, the declarations it made for people in the period and how they ended. */
export const TrainingBaseRow = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  declared: z.number().int(),
  approved: z.number().int(),
  approvedHours: z.number().int(),
  rejected: z.number().int(),
  rejectionRate: Rate,
  auditFailed: z.number().int(),
});
export type TrainingBaseRow = z.infer<typeof TrainingBaseRow>;

export const TrainingBaseQuality = z.object({ ...PeriodAnswerFields, rows: z.array(TrainingBaseRow) });
export type TrainingBaseQuality = z.infer<typeof TrainingBaseQuality>;
