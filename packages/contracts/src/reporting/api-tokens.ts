import { z } from "zod";
import { CalendarDate, calendarYearField } from "../calendar.ts";
import { wholeNumberField } from "../numbers.ts";
import { SingleLineText } from "../text.ts";
import { identifierField } from "../validation/identifier.ts";
import { statisticDateField } from "./statistics.ts";

/**
 * API tokens (issue 11 item 1): a super admin gives an analyst or another system a token that
 * answers reporting's HTTP API for one subtree of their unit and the report procedures named here,
 * until it expires or is revoked. The secret is shown once; reporting keeps only its hash.
 */

/**
 * The report procedures a token may be granted, each the path of the HTTP API's operation under
 * /api/v1/statistics (and its tRPC twin `statistics.<code>`), with the Chinese label the portal shows.
 * A new endpoint on the HTTP API adds its code here (services/reporting/src/api-tokens/README note).
 */
export const apiTokenPermissions = [
  { code: "professionalCounts", label: "专业技术人员数量查询" },
  { code: "countPeople", label: "数量查询的人员明细" },
  { code: "professionals", label: "专业技术人员信息查询" },
  { code: "professional", label: "人员详细信息" },
  { code: "learningRecord", label: "学习记录" },
  { code: "titleDistribution", label: "职称系列分布情况" },
  { code: "verifyLearning", label: "学习记录验证" },
  { code: "approvedHoursByMonth", label: "每月审核通过学时" },
  { code: "complianceAsOf", label: "学时达标情况（按证件号）" },
  { code: "personYearExtract", label: "人年抽取（去标识化）" },
] as const;
export type ApiTokenPermission = (typeof apiTokenPermissions)[number]["code"];
export const ApiTokenPermission = z.enum(apiTokenPermissions.map((p) => p.code) as [ApiTokenPermission, ...ApiTokenPermission[]], {
  error: "报表权限无效",
});
export const apiTokenPermissionLabels: Record<ApiTokenPermission, string> = Object.fromEntries(apiTokenPermissions.map((p) => [p.code, p.label])) as Record<
  ApiTokenPermission,
  string
>;

/** 有效期: default and longest life of a token, in days. */
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;
/** 每分钟调用上限: default and highest per-token rate, in calls per minute. */
export const API_TOKEN_DEFAULT_RATE = 60;
export const API_TOKEN_MAX_RATE = 600;
/**
 * 证件号查询上限（次/日）: default and highest daily budget of a token's lookups by 证件号 (学时达标情况,
 * and 专业技术人员信息查询 / 学习记录验证 with a 证件号) — its own, not a portal admin's idLookupLimits:
 * a title-review system asks about far more people a day than an admin types.
 */
export const API_TOKEN_DEFAULT_ID_LOOKUPS = 200;
export const API_TOKEN_MAX_ID_LOOKUPS = 5000;

/**
 * 新建令牌: 名称 (1–50 characters), 数据范围 (`scopeUnitId`, a unit of the caller's subtree; default
 * the caller's own unit), 报表权限 (one or more), 有效期 in days (1–365, default 90), 每分钟调用上限
 * (1–600, default 60) and 证件号查询上限（次/日） (1–5,000, default 200) — each figure read by
 * wholeNumberField, the one integer parser of forms and APIs ("0x10", "1e2" refused, "１２" read).
 */
export const CreateApiTokenInput = z.object({
  name: SingleLineText({ label: "令牌名称", max: 50, min: 1 }),
  scopeUnitId: z.uuid({ error: "数据范围无效" }).optional(),
  permissions: z
    .array(ApiTokenPermission, { error: "请选择报表权限" })
    .min(1, "请至少选择一项报表权限")
    .max(apiTokenPermissions.length, "报表权限重复")
    .refine((ps) => new Set(ps).size === ps.length, "报表权限重复"),
  validDays: wholeNumberField({
    label: "有效期",
    min: 1,
    max: API_TOKEN_MAX_DAYS,
    notWhole: "有效期须为整数天",
    tooSmall: "有效期至少1天",
    tooLarge: `有效期不能超过${API_TOKEN_MAX_DAYS}天`,
  }).default(API_TOKEN_DEFAULT_DAYS),
  ratePerMinute: wholeNumberField({
    label: "每分钟调用上限",
    min: 1,
    max: API_TOKEN_MAX_RATE,
    notWhole: "每分钟调用上限须为整数",
    tooSmall: "每分钟调用上限至少为1",
    tooLarge: `每分钟调用上限不能超过${API_TOKEN_MAX_RATE}`,
  }).default(API_TOKEN_DEFAULT_RATE),
  idLookupsPerDay: wholeNumberField({
    label: "证件号查询上限",
    min: 1,
    max: API_TOKEN_MAX_ID_LOOKUPS,
    notWhole: "证件号查询上限须为整数",
    tooSmall: "证件号查询上限至少为1",
    tooLarge: `证件号查询上限不能超过${API_TOKEN_MAX_ID_LOOKUPS}`,
  }).default(API_TOKEN_DEFAULT_ID_LOOKUPS),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInput>;

export const ApiTokenIdInput = z.object({ id: z.uuid({ error: "令牌编号无效" }) });
export type ApiTokenIdInput = z.infer<typeof ApiTokenIdInput>;

/** 状态: 有效, 已过期, 已撤销 (revocation wins over expiry). */
export const ApiTokenStatus = z.enum(["ACTIVE", "EXPIRED", "REVOKED"]);
export type ApiTokenStatus = z.infer<typeof ApiTokenStatus>;
export const apiTokenStatusLabels: Record<ApiTokenStatus, string> = { ACTIVE: "有效", EXPIRED: "已过期", REVOKED: "已撤销" };

/** One token as its unit's super admins list it (never the secret): 名称 数据范围 报表权限 创建时间 到期时间 最近使用 状态. */
export const ApiTokenRow = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The secret's first characters ("cet_" + 8), to tell tokens apart. */
  prefix: z.string(),
  scopeUnitId: z.uuid(),
  scopeUnitName: z.string(),
  permissions: z.array(ApiTokenPermission),
  ratePerMinute: z.number().int(),
  /** 证件号查询上限（次/日）. */
  idLookupsPerDay: z.number().int(),
  createdByName: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  status: ApiTokenStatus,
});
export type ApiTokenRow = z.infer<typeof ApiTokenRow>;

export const ApiTokenList = z.object({ items: z.array(ApiTokenRow) });
export type ApiTokenList = z.infer<typeof ApiTokenList>;

/** A token just made: its row and the secret, shown this once (`Authorization: Bearer <secret>`). */
export const CreatedApiToken = z.object({ token: ApiTokenRow, secret: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;

/** The longest window of years one 学时达标情况 question may span. */
export const COMPLIANCE_WINDOW_MAX_YEARS = 10;

/**
 * 学时达标情况 as of a date (issue 11 item 4, for other systems such as a title review): the person
 * with this 证件号 (exact, through the blind index; counted against the 证件号 lookup budget), the
 * years 开始年度…结束年度 (at most 10), as of the end of 统计时间 (default today, Beijing).
 */
export const ComplianceAsOfInput = z
  .object({
    idNumber: identifierField("证件号", 32),
    fromYear: calendarYearField("开始年度"),
    toYear: calendarYearField("结束年度"),
    asOf: statisticDateField("统计时间").optional(),
  })
  .refine((i) => i.toYear >= i.fromYear, { message: "结束年度不能早于开始年度", path: ["toYear"] })
  .refine((i) => i.toYear - i.fromYear < COMPLIANCE_WINDOW_MAX_YEARS, {
    message: `年度范围不能超过${COMPLIANCE_WINDOW_MAX_YEARS}年`,
    path: ["toYear"],
  });
export type ComplianceAsOfInput = z.infer<typeof ComplianceAsOfInput>;

/** One year of the window: 完成公需课时 完成专业课时 总完成学时 (学时) and 认定结果 (合格 when `compliant`), as of 统计时间. */
export const ComplianceAsOfYear = z.object({
  year: z.number().int(),
  general: z.number().int(),
  professional: z.number().int(),
  total: z.number().int(),
  compliant: z.boolean(),
});
export type ComplianceAsOfYear = z.infer<typeof ComplianceAsOfYear>;

/** The person found (name and masked 证件号 as held now; unit as of 统计时间) and every year of the window, oldest first. */
export const ComplianceAsOfPerson = z.object({
  accountId: z.uuid(),
  name: z.string(),
  idNumberMasked: z.string(),
  unitName: z.string().nullable(),
  years: z.array(ComplianceAsOfYear),
});

export const ComplianceAsOf = z.object({
  asOf: CalendarDate,
  fromYear: z.number().int(),
  toYear: z.number().int(),
  people: z.array(ComplianceAsOfPerson),
});
export type ComplianceAsOf = z.infer<typeof ComplianceAsOf>;
