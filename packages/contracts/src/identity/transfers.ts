import { z } from "zod";
import { IdType } from "../domain-codes.ts";
import { MAX_ATTACHMENT_BASE64 } from "../files.ts";
import { PageRequest } from "../paging.ts";
import { MultiLineText, SearchText, SingleLineText } from "../text.ts";
import { normalizeIdentifier } from "../validation/identifier.ts";

/** 添加人员: approved professionals of the caller's units who may be transferred out (`accountId`: just the one picked). */
export const TransferCandidatesInput = PageRequest.extend({ name: SearchText("姓名"), accountId: z.uuid().optional() });
export type TransferCandidatesInput = z.input<typeof TransferCandidatesInput>;

/** What the 人员调出 form shows of the chosen person (masked). */
export const TransferCandidate = z.object({
  accountId: z.uuid(),
  name: z.string(),
  idType: IdType,
  idNumberMasked: z.string(),
  departmentName: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  email: z.string().nullable(),
  titleSeries: z.string().nullable(),
  qualification: z.string().nullable(),
  certificateNo: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string(),
});
export type TransferCandidate = z.infer<typeof TransferCandidate>;

/** 调转附件 as uploaded: the file's name and its bytes in base64. */
export const TransferAttachmentUpload = z.object({
  name: SingleLineText({ label: "附件名称", min: 1, max: 200 }),
  base64: z.base64({ error: "附件内容无效" }).max(MAX_ATTACHMENT_BASE64, { error: "附件大小不能超过4M" }),
});
export type TransferAttachmentUpload = z.infer<typeof TransferAttachmentUpload>;

/** 附件 of one transfer, for the admins of either side. */
export const TransferAttachmentInput = z.object({ transferId: z.uuid({ error: "调转申请编号无效" }) });
export type TransferAttachmentInput = z.input<typeof TransferAttachmentInput>;

/** The stored attachment: original name, content type detected from its bytes, the bytes in base64. */
export const TransferAttachment = z.object({ name: z.string(), type: z.string(), base64: z.string() });
export type TransferAttachment = z.infer<typeof TransferAttachment>;

/** 提交转出申请 */
export const CreateTransferInput = z.object({
  accountId: z.uuid("请选择转出人员"),
  // A landline or mobile as typed or pasted (full-width digits, a full-width or en dash, spaces):
  // folded by the one identifier normaliser like every other phone field, then checked.
  contactPhone: z
    .string({ error: "请输入本单位联系电话" })
    .transform(normalizeIdentifier)
    .pipe(
      z
        .string()
        .min(1, { error: "请输入本单位联系电话", abort: true })
        .regex(/^[\d-]{7,20}$/, "联系电话格式不正确"),
    ),
  toUnitId: z.uuid("请选择调入单位"),
  reason: MultiLineText({ label: "调转原因", min: 1, max: 500, required: "请输入调转原因", tooLong: "调转原因过长" }),
  attachmentName: SingleLineText({ label: "附件名称", max: 200 }).optional(),
  /** 附件: one image (jpg jpeg gif bmp png, ≤ 4 MB), its type detected from the bytes by identity. */
  attachment: TransferAttachmentUpload.optional(),
});
export type CreateTransferInput = z.input<typeof CreateTransferInput>;
/**
 * 人员调出 as the portal's form posts it and checks it in the browser: the file travels as
 * multipart and becomes `attachment` ({ name, base64 }) only on the server, so the form leaves it
 * out (its name is `attachmentName`).
 */
export const CreateTransferForm = CreateTransferInput.omit({ attachment: true });
export type CreateTransferForm = z.output<typeof CreateTransferForm>;

export const TransferStatus = z.enum(["PENDING", "ACCEPTED", "REJECTED"]);
export type TransferStatus = z.infer<typeof TransferStatus>;
/** 处理结果 */
export const transferStatusLabels: Record<TransferStatus, string> = { PENDING: "待转入", ACCEPTED: "同意转入", REJECTED: "拒绝转入" };

/** 人员调入 (direction in, pending) and 调转记录 (人员转入记录 / 人员转出记录). */
export const ListTransfersInput = PageRequest.extend({ direction: z.enum(["in", "out"]), status: TransferStatus.optional() });
export type ListTransfersInput = z.input<typeof ListTransfersInput>;

/** 序号 姓名 证件号 原调出单位 专业技术职务系列 从事专业 专业技术职务任职资格 处理结果 操作 */
export const TransferRow = z.object({
  id: z.uuid(),
  name: z.string(),
  idNumberMasked: z.string(),
  fromUnitName: z.string(),
  toUnitName: z.string(),
  titleSeries: z.string().nullable(),
  major: z.string().nullable(),
  qualification: z.string().nullable(),
  status: TransferStatus,
  createdAt: z.date(),
});
export type TransferRow = z.infer<typeof TransferRow>;

/** 调转记录 › 详情: one transfer by id. */
export const TransferIdInput = z.object({ id: z.uuid({ error: "调转申请编号无效" }) });
export type TransferIdInput = z.infer<typeof TransferIdInput>;

export const TransferDetail = TransferRow.extend({
  contactPhone: z.string(),
  reason: z.string(),
  attachmentName: z.string().nullable(),
  /** Whether the attachment's bytes are stored (older transfers kept only the name). */
  hasAttachment: z.boolean(),
  reviewReason: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  /** Whether the caller may 确认调转 / 拒绝 it now: still 待转入 and into a unit of the caller's scope (the target side). */
  decidable: z.boolean(),
});
export type TransferDetail = z.infer<typeof TransferDetail>;

/** 确认调转 / 拒绝 (a reason is required to refuse). */
export const DecideTransferInput = z
  .object({ id: z.uuid(), accept: z.boolean(), reason: MultiLineText({ label: "原因", max: 200, tooLong: "原因过长" }).optional() })
  .refine((v) => v.accept || (v.reason ?? "").length > 0, { path: ["reason"], message: "请填写拒绝原因" });
export type DecideTransferInput = z.input<typeof DecideTransferInput>;

/**
 * 确认调转 / 拒绝 as a row of 人员调入 posts them: the button pressed (`intent` accept or reject), the
 * transfer's id and the reason typed beside 拒绝 (blank when none), read into DecideTransferInput
 * and checked by it (a refusal needs its reason: 请填写拒绝原因, on `reason`).
 */
export const DecideTransferForm = z
  .object({ intent: z.enum(["accept", "reject"]), id: z.string(), reason: z.string().optional() })
  .transform(({ intent, id, reason }): DecideTransferInput => {
    const typed = reason?.trim();
    return typed ? { id, accept: intent === "accept", reason: typed } : { id, accept: intent === "accept" };
  })
  .pipe(DecideTransferInput);
