import { z } from "zod";
import { BatchIds } from "../batch.ts";
import { calendarYearField } from "../calendar.ts";
import { wholeNumberField } from "../numbers.ts";
import { PageRequest } from "../paging.ts";
import { MultiLineText, SearchText } from "../text.ts";

/**
 * 学时审验 list: approved declarations of the caller's subordinates, all or a random sample per
 * unit and form. A sample (每单位每形式抽N条 / 抽N%) without its N is refused on `sampleSize`
 * (issue 13.12: it silently listed everything).
 */
export const ListAuditsInput = PageRequest.extend({
  year: calendarYearField("年度").optional(),
  formCode: SearchText("学习形式"),
  sample: z.enum(["ALL", "COUNT", "PERCENT"]).default("ALL"),
  /** Records per unit and form (COUNT) or a percentage of them (PERCENT). */
  sampleSize: wholeNumberField({ label: "抽样数量", min: 1, max: 1000, tooSmall: "抽样数量须大于0", tooLarge: "抽样数量过大" }).optional(),
  /** Keeps one sample stable while paging; a new seed draws a new sample. */
  seed: z
    .string()
    .regex(/^[a-z0-9]{1,16}$/)
    .optional(),
}).refine((input) => input.sample === "ALL" || input.sampleSize !== undefined, {
  path: ["sampleSize"],
  message: "请填写抽查数量N（每单位每形式抽取的条数或百分比）",
});
export type ListAuditsInput = z.infer<typeof ListAuditsInput>;

/** 审验通过 → 已备案 (batch contract: batch.ts). */
export const PassAuditInput = z.object({ ids: BatchIds });
export type PassAuditInput = z.input<typeof PassAuditInput>;

const failReason = MultiLineText({ label: "原因", min: 1, max: 200, required: "请填写审验不通过的原因" });

/** 审验不通过 → the record is voided and the person must declare again (batch contract: batch.ts). */
export const FailAuditInput = z.object({ ids: BatchIds, reason: failReason });
export type FailAuditInput = z.input<typeof FailAuditInput>;

/**
 * The 学时审验 batch bar as one form: `decision` is the button pressed, 审验通过 (APPROVE → pass) or
 * 审验不通过 (REJECT → fail, with its reason).
 */
export const AuditBatchDecision = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("APPROVE"), ids: BatchIds }),
  z.object({ decision: z.literal("REJECT"), ids: BatchIds, reason: failReason }),
]);
export type AuditBatchDecision = z.infer<typeof AuditBatchDecision>;
