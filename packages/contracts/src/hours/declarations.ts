import { z } from "zod";
import { MAX_BATCH_ITEMS } from "../batch.ts";
import { CalendarDate, calendarDateField, calendarYearField } from "../calendar.ts";
import { enumOfLabels } from "../codes/code-list.ts";
import { UnitKind } from "../domain-codes.ts";
import { MAX_ATTACHMENT_BASE64 } from "../files.ts";
import { MaskedPersonFields } from "../identity/person-fields.ts";
import { wholeNumberField } from "../numbers.ts";
import { PageRequest } from "../paging.ts";
import { MultiLineText, SearchText, SingleLineText } from "../text.ts";
import { DecisionRow } from "./approvals.ts";
import { Subject } from "./forms.ts";

/** 认定结果 as the records page prints it. */
export const declarationStatusLabels = {
  PENDING: "待审核",
  APPROVED: "审核通过",
  REJECTED: "审核不通过",
  WITHDRAWN: "已撤回",
  FILED: "已备案",
  VOIDED: "已作废",
};
/** Where a declaration stands. FILED = 已备案 after a passed audit; VOIDED = failed audit. */
export const DeclarationStatus = enumOfLabels(declarationStatusLabels);
export type DeclarationStatus = z.infer<typeof DeclarationStatus>;

/** 认定结果 column of 查看申报记录, as the guide prints it: the status words, but 通过 / 不通过 for a decision. */
export const recognitionResultLabels: Record<DeclarationStatus, string> = { ...declarationStatusLabels, APPROVED: "通过", REJECTED: "不通过" };

const hours = (label: string) => wholeNumberField({ label, min: 1, max: 1000, tooSmall: `${label}须大于0`, tooLarge: `${label}过大` });

/** One uploaded file, as the portal passes it on: its original name and its bytes in base64. */
export const AttachmentUpload = z.object({
  name: SingleLineText({ label: "附件名称", min: 1, max: 200 }),
  contentBase64: z.base64({ error: "附件内容无效" }).max(MAX_ATTACHMENT_BASE64, { error: "附件大小不能超过4M" }),
});
export type AttachmentUpload = z.infer<typeof AttachmentUpload>;

/** What reviewers see of an attachment; the type is the one detected from its content. */
export const AttachmentInfo = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;

/** 学时申报 (§3.4). `details` holds the learning form's own fields (e.g. days, rank). */
export const DeclareInput = z.object({
  professionalId: z.uuid({ error: "请选择申请人" }),
  year: calendarYearField("计入年度"),
  formCode: SingleLineText({ label: "学习形式", min: 1, max: 50, required: "请选择学习形式" }),
  schoolName: SingleLineText({ label: "学校(单位)名称", min: 1, max: 100 }),
  className: SingleLineText({ label: "培训班名称", min: 1, max: 100 }),
  content: MultiLineText({ label: "学习内容", max: 500 }).optional(),
  startDate: calendarDateField("开始时间"),
  endDate: calendarDateField("结束时间"),
  score: SingleLineText({ label: "学习成绩", min: 1, max: 50 }),
  requestedHours: hours("申请学时"),
  subject: z.enum(Subject.options, { error: "请选择计入科目" }),
  details: z
    .record(SingleLineText({ label: "字段", min: 1, max: 40 }), z.union([SingleLineText({ label: "学习形式字段", max: 200 }), z.number(), z.boolean()]))
    .default({}),
  attachments: z.array(AttachmentUpload, { error: "请上传附件" }).min(1, { error: "请上传附件" }).max(5, { error: "附件最多5个" }),
});
export type DeclareInput = z.infer<typeof DeclareInput>;
/**
 * 学时申报 as the portal's form posts it and checks it in the browser: the files travel as
 * multipart (each ≤ MAX_ATTACHMENT_BYTES) and become `attachments` (base64) only on the server.
 */
export const DeclareForm = DeclareInput.omit({ attachments: true });
export type DeclareForm = z.output<typeof DeclareForm>;

/**
 * 学时申报 for many people at once (a 继续教育基地's class, issue 13.5): one class — 学习形式, its
 * fields and the files — for each of `professionalIds` (1 to MAX_BATCH_ITEMS), one declaration per
 * person, under the batch contract (batch.ts).
 */
export const DeclareManyInput = DeclareInput.omit({ professionalId: true }).extend({
  professionalIds: z
    .array(z.uuid({ error: "所选申请人无效" }), { error: "请选择申请人" })
    .min(1, { error: "请选择申请人" })
    .transform((ids) => [...new Set(ids)])
    .pipe(z.array(z.string()).max(MAX_BATCH_ITEMS, { error: `一次最多为${MAX_BATCH_ITEMS}人申报` })),
});
export type DeclareManyInput = z.infer<typeof DeclareManyInput>;
/** 学时申报 (many people) as the portal's form posts it: the files as multipart, as DeclareForm. */
export const DeclareManyForm = DeclareManyInput.omit({ attachments: true });
export type DeclareManyForm = z.output<typeof DeclareManyForm>;

export const DeclarationIdInput = z.object({ declarationId: z.uuid({ error: "申报记录编号无效" }) });
export type DeclarationIdInput = z.infer<typeof DeclarationIdInput>;

/** 查看申报记录 tabs: 全部 / 待审核 / 审核通过 / 审核不通过. */
export const RecordsTab = z.enum(["ALL", "PENDING", "APPROVED", "REJECTED"]);
export type RecordsTab = z.infer<typeof RecordsTab>;
export const ListRecordsInput = PageRequest.extend({ tab: RecordsTab.default("ALL") });
export type ListRecordsInput = z.infer<typeof ListRecordsInput>;

/** 选择申请人 › 添加人员: one page of the people the caller may declare for, by part of the name. */
export const DeclarablesInput = PageRequest.extend({ name: SearchText("姓名") });
export type DeclarablesInput = z.infer<typeof DeclarablesInput>;

/** A person the caller may declare for (选择申请人 › 添加人员). */
export const DeclarableProfessional = z.object({
  ...MaskedPersonFields,
  unitName: z.string().nullable(),
});
export type DeclarableProfessional = z.infer<typeof DeclarableProfessional>;

/** One row of 查看申报记录: 序号 姓名 认定年度 科目类型 学习形式 申报学时 认定学时 当前处理人 认定结果 申报单位 操作. */
export const DeclarationRow = z.object({
  id: z.uuid(),
  professionalName: z.string(),
  /** 申报单位: the unit whose admin declared for the person (代为申报, e.g. a 继续教育基地's class); null when the person declared. */
  declaredByUnitName: z.string().nullable(),
  year: z.number().int(),
  subject: Subject,
  formName: z.string(),
  requestedHours: z.number(),
  computedHours: z.number(),
  recognizedHours: z.number().nullable(),
  currentHandlerName: z.string().nullable(),
  status: DeclarationStatus,
});
export type DeclarationRow = z.infer<typeof DeclarationRow>;

/** A row of 学时审批 with the anomaly hints reviewers should look at (异常提示, Chinese labels). */
export const ApprovalRow = DeclarationRow.extend({ flags: z.array(z.string()) });
export type ApprovalRow = z.infer<typeof ApprovalRow>;

/** One level of a declaration's approval chain, as stored with the declaration (unit id and name). */
export const ChainStep = z.object({ id: z.uuid(), name: z.string() });
export type ChainStep = z.infer<typeof ChainStep>;
/** The stored approval chain, lowest level first (hours.declaration.chain). */
export const ApprovalChain = z.array(ChainStep);
/** A unit of a previewed approval chain (approvalChain.preview): the step plus its unit kind. */
export const ApprovalChainUnit = ChainStep.extend({ kind: UnitKind });
export type ApprovalChainUnit = z.infer<typeof ApprovalChainUnit>;
/** 审批流程 of a declaring unit (who approves its declarations, in order). */
export const ApprovalChainInput = z.object({ unitId: z.uuid({ error: "单位编号无效" }) });
export type ApprovalChainInput = z.infer<typeof ApprovalChainInput>;
/** 计入年度 choices, newest first (calendar years, Asia/Shanghai). */
export const DeclarationYears = z.array(z.number().int());

export const DeclarationDetail = DeclarationRow.extend({
  professionalId: z.uuid(),
  unitId: z.uuid(),
  formCode: z.string(),
  formVersion: z.number().int(),
  schoolName: z.string(),
  className: z.string(),
  content: z.string().nullable(),
  startDate: CalendarDate,
  endDate: CalendarDate,
  score: z.string(),
  details: z.record(z.string(), z.unknown()),
  explanation: z.string(),
  chain: ApprovalChain,
  attachments: z.array(AttachmentInfo),
  history: z.array(DecisionRow),
  createdAt: z.iso.datetime(),
  /**
   * 异常提示 (as 学时审批's list shows them, Chinese labels) for the unit now handling it — the
   * reviewer deciding on the 审核 page; empty for every other viewer.
   */
  flags: z.array(z.string()),
});
export type DeclarationDetail = z.infer<typeof DeclarationDetail>;

export const AttachmentIdInput = z.object({ attachmentId: z.uuid({ error: "附件编号无效" }) });
export type AttachmentIdInput = z.infer<typeof AttachmentIdInput>;

/** An attachment's bytes for the portal to stream (after the service checked the caller's scope). */
export const AttachmentContent = AttachmentInfo.extend({ contentBase64: z.string() });
export type AttachmentContent = z.infer<typeof AttachmentContent>;
