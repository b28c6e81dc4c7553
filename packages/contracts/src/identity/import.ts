// 批量导入 (guide §3.8): the template's columns and what crosses the wire for 下载模板 and the dry run
// (校验). The columns are the fields 专业技术人员注册 takes (RegisterProfessionalInput) minus the
// password and captcha, plus 性别, which is checked against a 身份证 number and not stored.
import { z } from "zod";
import { enumOfLabels } from "../codes/code-list.ts";
import { PageRequest } from "../paging.ts";

/** The key of a template column: the registration field it fills (sex is checked only). */
export type ImportColumnKey =
  | "name"
  | "idType"
  | "idNumber"
  | "sex"
  | "phone"
  | "email"
  | "department"
  | "education"
  | "titleSeries"
  | "titleLevel"
  | "qualification"
  | "major"
  | "certificateNo";

/** One column of the template: its header as printed, whether a row must fill it, and its longest value (characters). */
export interface ImportColumn {
  key: ImportColumnKey;
  header: string;
  required: boolean;
  max: number;
}

/**
 * The template's columns, in order. Required as 专业技术人员注册 requires: 姓名, 证件号, 手机号,
 * 电子邮箱, 学历, 专业技术职务系列, 职称级别; 证件类型 empty means 身份证 (the form's default).
 */
export const importColumns = [
  { key: "name", header: "姓名", required: true, max: 50 },
  { key: "idType", header: "证件类型", required: false, max: 20 },
  { key: "idNumber", header: "证件号", required: true, max: 32 },
  { key: "sex", header: "性别", required: false, max: 2 },
  { key: "phone", header: "手机号", required: true, max: 20 },
  { key: "email", header: "电子邮箱", required: true, max: 100 },
  { key: "department", header: "工作部门", required: false, max: 200 },
  { key: "education", header: "学历", required: true, max: 20 },
  { key: "titleSeries", header: "专业技术职务系列", required: true, max: 20 },
  { key: "titleLevel", header: "职称级别", required: true, max: 10 },
  { key: "qualification", header: "现专业技术职称资格", required: false, max: 100 },
  { key: "major", header: "从事专业", required: false, max: 100 },
  { key: "certificateNo", header: "证书管理号", required: false, max: 50 },
] as const satisfies readonly ImportColumn[];

/** The largest file 批量导入 takes: 20 MB (about 200,000 rows of XLSX); its base64 fits SERVICE_MAX_BODY_BYTES. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** The most data rows one file may hold. */
export const MAX_IMPORT_ROWS = 200_000;
/** How many row errors the dry run lists (the counts cover every row). */
export const IMPORT_ERRORS_SHOWN = 200;
/** Consecutive empty rows after which reading stops (a sheet formatted down to row 1,048,576). */
export const IMPORT_EMPTY_ROWS_STOP = 1_000;

export const IMPORT_SIZE_MESSAGE = `导入文件不能超过${MAX_IMPORT_BYTES / 1024 / 1024}M，请分成几个文件导入`;

/** The uploaded file as the portal passes it on: its name (for the format) and its bytes in base64. */
export const ImportFileInput = z.object({
  fileName: z.string({ error: "请选择要导入的文件" }).min(1, "请选择要导入的文件").max(200, "文件名过长"),
  base64: z
    .string({ error: "请选择要导入的文件" })
    .min(1, "导入文件不能为空文件")
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, IMPORT_SIZE_MESSAGE)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "导入文件无法识别"),
});
export type ImportFileInput = z.input<typeof ImportFileInput>;

/** The page's upload form: the file field only (its bytes travel beside the form, see apps/portal import.server.ts). */
export const ImportUploadForm = z.object({ fileName: z.string({ error: "请选择要导入的文件" }).min(1, "请选择要导入的文件") });

/** One refused cell or row: the row number as Excel shows it, the column header (or "" for the whole row) and why, in Chinese. */
export const ImportRowError = z.object({ row: z.number().int().min(1), column: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;

/**
 * The dry run's answer (校验结果), nothing written: rows read; 可导入 (valid, new); 有错误 (a cell
 * refused); 重复 (valid but its 证件号 appears on an earlier row or is already registered); the first
 * IMPORT_ERRORS_SHOWN errors in row order; `notes` about the file as a whole (reading stopped early).
 */
export const ImportDryRun = z.object({
  rows: z.number().int().min(0),
  importable: z.number().int().min(0),
  invalid: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  errors: z.array(ImportRowError),
  errorsTruncated: z.boolean(),
  notes: z.array(z.string()),
});
export type ImportDryRun = z.infer<typeof ImportDryRun>;

/** A generated file: its download name and bytes in base64. */
export const ImportFile = z.object({ fileName: z.string(), base64: z.string() });
export type ImportFile = z.infer<typeof ImportFile>;

/** The dry run's answer with its checked rows kept for the import: `uploadId` names them (null when no row can be imported). */
export const ImportChecked = ImportDryRun.extend({ uploadId: z.uuid().nullable() });
export type ImportChecked = z.infer<typeof ImportChecked>;

/** 导入: start the import of a checked upload (its uploadId from the dry run). */
export const StartImportInput = z.object({ uploadId: z.uuid({ error: "请先上传并校验导入文件" }) });
export type StartImportInput = z.infer<typeof StartImportInput>;

/** One import job by id (progress, result, undo). */
export const ImportJobInput = z.object({ jobId: z.uuid({ error: "导入任务编号无效" }) });
export type ImportJobInput = z.infer<typeof ImportJobInput>;

/** An import job's state: CHECKED (校验完成，未导入), QUEUED (排队中), RUNNING (导入中), DONE (已完成), FAILED (失败), UNDONE (已撤销). */
export const importJobStatusLabels = {
  CHECKED: "校验完成，未导入",
  QUEUED: "排队中",
  RUNNING: "导入中",
  DONE: "已完成",
  FAILED: "导入失败",
  UNDONE: "已撤销",
};
export const ImportJobStatus = enumOfLabels(importJobStatusLabels);
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

/** How long after an import finished it may be undone: 24 hours (ms). */
export const IMPORT_UNDO_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Why undo kept an imported person: 已登录 (signed in), 已修改信息 (profile changed or a change requested), 已申报学时, 已调转 or 已是管理员. */
export const importKeptReasonLabels = {
  SIGNED_IN: "已登录",
  PROFILE_CHANGED: "已修改信息",
  HOURS_DECLARED: "已申报学时",
  TRANSFERRED: "已调转",
  ADMIN: "已是管理员",
};
export const ImportKeptReason = enumOfLabels(importKeptReasonLabels);
export type ImportKeptReason = z.infer<typeof ImportKeptReason>;

/** A person undo did not remove: name, masked 证件号 and why. */
export const ImportKeptPerson = z.object({ name: z.string(), idNumberMasked: z.string(), reason: ImportKeptReason });
export type ImportKeptPerson = z.infer<typeof ImportKeptPerson>;

/**
 * An import job as the page shows it: progress (rowsDone of totalRows data rows, committed batches
 * only), the result (新增 created, 已存在 existing — registered already, here or elsewhere, not told
 * apart —, 有错误 invalid), and undo (removed, kept, until when it is allowed).
 */
export const ImportJob = z.object({
  jobId: z.uuid(),
  fileName: z.string(),
  status: ImportJobStatus,
  totalRows: z.number().int().min(0),
  rowsDone: z.number().int().min(0),
  importable: z.number().int().min(0),
  created: z.number().int().min(0),
  existing: z.number().int().min(0),
  invalid: z.number().int().min(0),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  undoUntil: z.iso.datetime().nullable(),
  undoneAt: z.iso.datetime().nullable(),
  removed: z.number().int().min(0).nullable(),
  kept: z.array(ImportKeptPerson),
});
export type ImportJob = z.infer<typeof ImportJob>;

/** The import job page's buttons: 开始导入 (a checked upload) and 撤销导入 (a finished import). */
export const ImportJobAction = z.object({ intent: z.enum(["start", "undo"], { error: "操作无效" }) });
export type ImportJobAction = z.infer<typeof ImportJobAction>;

/** 导入的人员: one page of the people an import created (PageRequest's page and pageSize). */
export const ImportPeopleInput = PageRequest.extend({ jobId: z.uuid({ error: "导入任务编号无效" }) });
export type ImportPeopleInput = z.infer<typeof ImportPeopleInput>;

/** One imported person as the list shows them: 姓名, masked 证件号, and whether they activated (未激活 until the first sign-in). */
export const ImportedPersonRow = z.object({ accountId: z.uuid(), name: z.string(), idNumberMasked: z.string(), activated: z.boolean() });
export type ImportedPersonRow = z.infer<typeof ImportedPersonRow>;

/** 账户状态 of an imported person. */
export const activationLabel = (activated: boolean): string => (activated ? "已激活" : "未激活");
