import { z } from "zod";
import { BatchIds } from "../batch.ts";
import { UnitNature } from "../domain-codes.ts";
import { PageRequest } from "../paging.ts";
import { MultiLineText, SearchText } from "../text.ts";
import { MaskedApplicantFields, ProfessionalProfileFields } from "./person-fields.ts";

/** 审核用人单位: pending employers under the caller, searched by 单位名称. */
export const ListPendingEmployersInput = PageRequest.extend({ name: SearchText("单位名称", 100) });
export type ListPendingEmployersInput = z.input<typeof ListPendingEmployersInput>;

/** 审核用人单位 › 详细: one registering unit by id. */
export const EmployerReviewInput = z.object({ unitId: z.uuid({ error: "单位编号无效" }) });
export type EmployerReviewInput = z.infer<typeof EmployerReviewInput>;

export const PendingEmployerRow = z.object({
  id: z.uuid(),
  name: z.string(),
  nature: UnitNature,
  industry: z.string().nullable(),
  region: z.string().nullable(),
  code: z.string().nullable(),
  /** The credit code's check character does not match; the applicant confirmed it (校验位不符，已由申请人确认). */
  codeCheckMismatch: z.boolean(),
  superiorName: z.string().nullable(),
  registeredAt: z.date(),
});
export type PendingEmployerRow = z.infer<typeof PendingEmployerRow>;

/** 审核注册人员: pending professionals of units in scope, searched by 姓名. */
export const ListPendingProfessionalsInput = PageRequest.extend({ name: SearchText("姓名") });
export type ListPendingProfessionalsInput = z.input<typeof ListPendingProfessionalsInput>;

/** 审核注册人员 › 详细: one registering person by account id. */
export const ProfessionalReviewInput = z.object({ accountId: z.uuid({ error: "人员编号无效" }) });
export type ProfessionalReviewInput = z.infer<typeof ProfessionalReviewInput>;

/** 序号 姓名 证件类型 证件号 所在单位 工作部门 学历 专业技术职务系列 注册时间 操作 */
export const PendingProfessionalRow = z.object({
  ...MaskedApplicantFields,
  unitName: z.string(),
  departmentName: z.string().nullable(),
  ...ProfessionalProfileFields,
  registeredAt: z.date(),
});
export type PendingProfessionalRow = z.infer<typeof PendingProfessionalRow>;

/** 通过 or 不通过/驳回: the value of the batch bar's two buttons. */
export const ReviewVerdict = z.enum(["APPROVE", "REJECT"], { error: "请选择审核结果" });
export type ReviewVerdict = z.infer<typeof ReviewVerdict>;

/**
 * 批量通过 / 批量不通过 (审核用人单位, 审核注册人员, 审核人员信息修改; batch contract: batch.ts): a
 * reason is required to refuse — 请填写原因, the words of every page's box (原因, 驳回原因, 不通过原因),
 * whichever the refusing button is called.
 */
export const ReviewDecisionInput = z
  .object({
    ids: BatchIds,
    decision: ReviewVerdict,
    reason: MultiLineText({ label: "原因", max: 200, tooLong: "原因过长" }).optional(),
    /**
     * When the reviewer's page showed these records (ISO instant, the page's loader): a registration
     * submitted again after it (a rejected one replaced by its applicant) is skipped, not decided
     * unseen. Optional: a caller that omits it decides what is pending now.
     */
    seenAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((v) => v.decision === "APPROVE" || (v.reason ?? "").length > 0, { path: ["reason"], message: "请填写原因" });
export type ReviewDecisionInput = z.input<typeof ReviewDecisionInput>;
