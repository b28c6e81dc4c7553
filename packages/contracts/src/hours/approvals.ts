import { z } from "zod";
import { BatchIds } from "../batch.ts";
import { codeEnum } from "../codes/code-list.ts";
import { wholeNumberField } from "../numbers.ts";
import { PageRequest } from "../paging.ts";
import { MultiLineText, SearchText } from "../text.ts";

/** 学时审批 list: declarations waiting for the caller's unit. */
export const ListApprovalsInput = PageRequest.extend({ name: SearchText("姓名") });
export type ListApprovalsInput = z.infer<typeof ListApprovalsInput>;

/** Why a level rejects (驳回); `OTHER` needs the text. */
export const rejectReasons = [
  { code: "MISSING_PROOF", label: "证明材料不全或不清晰" },
  { code: "HOURS_INVALID", label: "申报学时不符合规定" },
  { code: "FORM_MISMATCH", label: "学习形式与证明材料不符" },
  { code: "DUPLICATE", label: "重复申报" },
  { code: "OTHER", label: "其他" },
] as const;
export type RejectReasonCode = (typeof rejectReasons)[number]["code"];
export const RejectReasonCode = codeEnum(rejectReasons, "驳回原因");

/**
 * The 认定学时 a level starts from (§3.6, issue 7 fault 3): what the level below recognised, or at
 * the first level the computed hours capped by 申报学时. A batch approval and a single approval
 * without a figure keep exactly this; the single-record page pre-fills it; a level may lower it
 * (with 调减说明) but never raise it. Pure; figures in 学时.
 */
export const startingRecognized = (d: { requestedHours: number; computedHours: number; recognizedHours: number | null }): number =>
  d.recognizedHours ?? Math.min(d.requestedHours, d.computedHours);

/**
 * 审核通过 one record. 认定学时 defaults to the current figure: what the level below recognised, or
 * at the first level the computed hours (capped by 申报学时). A lower figure needs 调减说明 (`reason`);
 * 0 is no approval (认定学时须大于0；不予认定请驳回).
 */
export const ApproveInput = z.object({
  declarationId: z.uuid({ error: "申报记录编号无效" }),
  // 审核通过 with 0 学时 would be a rejection that reads as an approval (probe): 0 is refused, pointing to 驳回.
  recognizedHours: wholeNumberField({ label: "认定学时", min: 1, max: 1000, tooSmall: "认定学时须大于0；不予认定请驳回" }).optional(),
  reason: MultiLineText({ label: "调减说明", max: 200 }).optional(),
});
export type ApproveInput = z.infer<typeof ApproveInput>;

export const RejectFields = {
  reasonCode: RejectReasonCode,
  reason: MultiLineText({ label: "驳回说明", max: 200 }).default(""),
};

/** 驳回原因 其他 needs its 驳回说明: the check of every rejection, single or batch. */
const otherExplained: [(v: { reasonCode: RejectReasonCode; reason: string }) => boolean, { error: string; path: string[] }] = [
  (v) => v.reasonCode !== "OTHER" || v.reason.length > 0,
  { error: "请填写驳回说明", path: ["reason"] },
];

export const RejectInput = z.object({ declarationId: z.uuid({ error: "申报记录编号无效" }), ...RejectFields }).refine(...otherExplained);
export type RejectInput = z.infer<typeof RejectInput>;

/** 批量审核通过 (batch contract: batch.ts): each record keeps its current 认定学时. */
export const BatchApproveInput = z.object({ ids: BatchIds });
export type BatchApproveInput = z.input<typeof BatchApproveInput>;
/** 批量驳回 (batch contract: batch.ts) with a 驳回原因; 其他 needs the 驳回说明. */
export const BatchRejectInput = z.object({ ids: BatchIds, ...RejectFields }).refine(...otherExplained);
export type BatchRejectInput = z.input<typeof BatchRejectInput>;

/**
 * The 学时审批 batch bar as one form: `decision` is the button pressed, 批量审核通过 (APPROVE →
 * batchApprove) or 批量驳回 (REJECT → batchReject, with its 驳回原因).
 */
export const ApprovalBatchDecision = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("APPROVE"), ids: BatchIds }),
  z.object({ decision: z.literal("REJECT"), ids: BatchIds, ...RejectFields }).refine(...otherExplained),
]);
export type ApprovalBatchDecision = z.infer<typeof ApprovalBatchDecision>;

/** One row of a declaration's decision history: who, when, what, why. */
export const DecisionRow = z.object({
  kind: z.enum(["APPROVAL", "AUDIT"]),
  unitName: z.string(),
  actorName: z.string(),
  decision: z.enum(["APPROVED", "REJECTED", "AUDIT_PASSED", "AUDIT_FAILED"]),
  recognizedHours: z.number().nullable(),
  reason: z.string().nullable(),
  decidedAt: z.iso.datetime(),
});
export type DecisionRow = z.infer<typeof DecisionRow>;

export const decisionLabels: Record<DecisionRow["decision"], string> = {
  APPROVED: "审核通过",
  REJECTED: "审核不通过",
  AUDIT_PASSED: "审验通过",
  AUDIT_FAILED: "审验不通过",
};
