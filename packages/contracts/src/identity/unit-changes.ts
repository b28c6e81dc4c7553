import { z } from "zod";
import { BatchIds } from "../batch.ts";
import { PageRequest } from "../paging.ts";
import { MultiLineText, SearchText } from "../text.ts";
import { requireCodeConfirmation } from "../validation/credit-code.ts";
import { CodeConfirmed, UnitCode } from "../validation/identifier.ts";

export const UnitChangeKind = z.enum(["CODE", "SUPERIOR"]);
export type UnitChangeKind = z.infer<typeof UnitChangeKind>;
/** 信息修改类型 */
export const unitChangeKindLabels: Record<UnitChangeKind, string> = { CODE: "修改单位信息", SUPERIOR: "更换上级部门" };

/** 修改单位信息: a new org code / unified social credit code (checked with parseUnitCode). */
export const RequestCodeChangeInput = z.object({ code: UnitCode, codeConfirmed: CodeConfirmed }).superRefine(requireCodeConfirmation);
/** 更换上级部门 */
export const RequestSuperiorChangeInput = z.object({ superiorId: z.uuid("请选择新的上级部门") });
/** 撤销申请: the caller's unit takes back its own pending request. */
export const WithdrawUnitChangeInput = z.object({ requestId: z.uuid("申请编号无效") });
export type WithdrawUnitChangeInput = z.infer<typeof WithdrawUnitChangeInput>;

/** The caller's open request, shown on 基本信息修改 with 撤销. */
export const OwnUnitChange = z.object({
  id: z.uuid(),
  kind: UnitChangeKind,
  newCode: z.string().nullable(),
  newSuperiorName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type OwnUnitChange = z.infer<typeof OwnUnitChange>;

/** 基本信息修改: the unit's latest decided 机构信息修改 — 通过, or 驳回 with the deciding unit's reason — for the requester (F25). */
export const DecidedUnitChange = OwnUnitChange.extend({
  status: z.enum(["APPROVED", "REJECTED"]),
  reason: z.string().nullable(),
  decidedAt: z.iso.datetime(),
});
export type DecidedUnitChange = z.infer<typeof DecidedUnitChange>;

/** 审核机构信息修改: 待审核 / 已审核 tabs, 法人单位 filter. */
export const ListUnitChangesInput = PageRequest.extend({
  tab: z.enum(["PENDING", "DONE"]).default("PENDING"),
  unitName: SearchText("法人单位", 100),
});
export type ListUnitChangesInput = z.infer<typeof ListUnitChangesInput>;

/** 序号 法人单位 组织机构代码/统一社会信用代码 信息修改类型 管理员 联系电话 操作 */
export const UnitChangeRow = z.object({
  approvalId: z.uuid(),
  unitName: z.string(),
  code: z.string().nullable(),
  kind: UnitChangeKind,
  detail: z.string(),
  /** A CODE request: the code when it was filed (原代码) and the one requested (新代码); null for a move. */
  oldCode: z.string().nullable(),
  newCode: z.string().nullable(),
  /** A CODE request whose new credit code fails the check character, confirmed by the applicant. */
  newCodeCheckMismatch: z.boolean(),
  adminName: z.string(),
  phoneMasked: z.string().nullable(),
  status: z.enum(["PENDING", "APPROVED", "REJECTED"]),
  reason: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type UnitChangeRow = z.infer<typeof UnitChangeRow>;

/** Batch 通过 / 驳回 of approvals (the one batch contract, batch.ts); 驳回 needs a reason. */
export const DecideUnitChangesInput = z
  .object({
    ids: BatchIds,
    decision: z.enum(["APPROVE", "REJECT"]),
    reason: MultiLineText({ label: "驳回原因", max: 200, tooLong: "驳回原因最多200个字" }).optional(),
  })
  .refine((v) => v.decision === "APPROVE" || (v.reason ?? "") !== "", { path: ["reason"], message: "请填写驳回原因" });
export type DecideUnitChangesInput = z.infer<typeof DecideUnitChangesInput>;
