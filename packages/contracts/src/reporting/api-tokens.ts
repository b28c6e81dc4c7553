import { z } from "zod";
import { calendarYearField } from "../calendar.ts";
import { codeEnum } from "../codes/code-list.ts";
import { MaskedPersonFields } from "../identity/person-fields.ts";
import { wholeNumberField } from "../numbers.ts";
import { PageRequest, pageOf } from "../paging.ts";
import { SingleLineText } from "../text.ts";
import { identifierField } from "../validation/identifier.ts";
import { AsOfAnswerFields, periodInOrder, statisticDateField, YEAR_RANGE, YearHoursFields } from "./statistics.ts";

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
export const ApiTokenPermission = codeEnum(apiTokenPermissions, "报表权限");
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
 * A token's per-call limit (每分钟调用上限, 证件号查询上限): a whole number from 1 to `max` read by
 * wholeNumberField, each message naming `label` ("…须为整数", "…至少为1", "…不能超过{max}").
 */
const tokenLimitField = (label: string, max: number) =>
  wholeNumberField({ label, min: 1, max, notWhole: `${label}须为整数`, tooSmall: `${label}至少为1`, tooLarge: `${label}不能超过${max}` });

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
  ratePerMinute: tokenLimitField("每分钟调用上限", API_TOKEN_MAX_RATE).default(API_TOKEN_DEFAULT_RATE),
  idLookupsPerDay: tokenLimitField("证件号查询上限", API_TOKEN_MAX_ID_LOOKUPS).default(API_TOKEN_DEFAULT_ID_LOOKUPS),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInput>;

/**
 * A token's id as typed or linked: a uuid, lower-cased — PostgreSQL matches a uuid whatever its
 * case, code comparing ids does not (an upper-case id revoked the token and answered 不存在).
 */
const ApiTokenId = z.uuid({ error: "令牌编号无效" }).overwrite((id) => id.toLowerCase());

export const ApiTokenIdInput = z.object({ id: ApiTokenId });
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

/** 调用记录: one token's uses (`id`, a token of the caller's unit), newest first, paged like every list. */
export const ApiTokenUsesInput = PageRequest.extend({ id: ApiTokenId });
export type ApiTokenUsesInput = z.infer<typeof ApiTokenUsesInput>;

/**
 * One call of a token as 调用记录 lists it (api_token_use, with the 证件号 lookup it made when it
 * made one): `procedure` the operation asked for — a permission code, or what was asked when it
 * named none ("unknown POST /x"); `outcome` as logged (apiTokenUseOutcome reads it); `rows` the rows
 * answered (null while a call runs or when none were counted); `idLookup` the lookup by 证件号 with
 * how many people it found (never whom, nor the number asked for); `clientAddress` the caller's
 * address masked by maskIpAddress.
 */
export const ApiTokenUseRow = z.object({
  id: z.string(),
  occurredAt: z.iso.datetime(),
  procedure: z.string(),
  outcome: z.string(),
  rows: z.number().int().nullable(),
  idLookup: z.object({ found: z.number().int() }).nullable(),
  clientAddress: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type ApiTokenUseRow = z.infer<typeof ApiTokenUseRow>;

/** 调用记录's answer: the token (名称 前缀 状态, to head the page) and one page of its uses. */
export const ApiTokenUses = pageOf(ApiTokenUseRow).extend({
  token: ApiTokenRow.pick({ id: true, name: true, prefix: true, status: true }),
});
export type ApiTokenUses = z.infer<typeof ApiTokenUses>;

/** Why a refused call was refused, by the error code the API answered (api_token_use.outcome `REFUSED_<code>`): HTTP status and words. */
const refusedByCode: Record<string, { status: number; label: string }> = {
  BAD_REQUEST: { status: 400, label: "请求有误" },
  UNAUTHORIZED: { status: 401, label: "未通过认证" },
  FORBIDDEN: { status: 403, label: "无权访问" },
  NOT_FOUND: { status: 404, label: "接口或数据不存在" },
  METHOD_NOT_SUPPORTED: { status: 405, label: "请求方法不支持" },
  CONFLICT: { status: 409, label: "数据冲突" },
  PAYLOAD_TOO_LARGE: { status: 413, label: "请求内容过大" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, label: "内容类型不支持" },
  TOO_MANY_REQUESTS: { status: 429, label: "证件号查询超出上限" },
};
/** The outcomes the token gate writes itself (services/reporting domain/api-token.ts refusals, authenticate.ts). */
const gateOutcomes: Record<string, { status: number; label: string }> = {
  ANSWERED: { status: 200, label: "成功" },
  NO_TOKEN: { status: 401, label: "缺少令牌" },
  MALFORMED_AUTHORIZATION: { status: 401, label: "认证请求头无效" },
  UNKNOWN_TOKEN: { status: 401, label: "令牌无效" },
  REVOKED: { status: 401, label: "令牌已撤销" },
  EXPIRED: { status: 401, label: "令牌已过期" },
  NOT_PERMITTED: { status: 403, label: "无此报表权限" },
  OUT_OF_SCOPE: { status: 403, label: "数据范围已失效" },
  RATE_LIMITED: { status: 429, label: "超出每分钟上限" },
  ADDRESS_LIMITED: { status: 429, label: "本地址调用过多" },
  FAILED: { status: 500, label: "系统错误" },
};

/**
 * An api_token_use outcome as 调用记录 shows it: the HTTP status the caller got and its Chinese
 * words (`ANSWERED` → 200 成功, `REVOKED` → 401 令牌已撤销, `REFUSED_NOT_FOUND` → 404
 * 接口或数据不存在 …). An outcome not known here (a newer code) reads as its code, status null. Pure.
 */
export function apiTokenUseOutcome(outcome: string): { status: number | null; label: string } {
  const gate = gateOutcomes[outcome];
  if (gate) return gate;
  const refused = outcome.startsWith("REFUSED_") ? refusedByCode[outcome.slice("REFUSED_".length)] : undefined;
  return refused ?? { status: null, label: outcome };
}

/**
 * The operation of an api_token_use row in words: a permission's label (专业技术人员数量查询), or for
 * a call that named no operation "未知接口" and what was asked ("unknown POST /x" → 未知接口 POST /x). Pure.
 */
export function apiTokenUseProcedureLabel(procedure: string): string {
  if (procedure in apiTokenPermissionLabels) return apiTokenPermissionLabels[procedure as ApiTokenPermission];
  return procedure.startsWith("unknown ") ? `未知接口 ${procedure.slice("unknown ".length)}` : procedure;
}

/** The longest window of years one 学时达标情况 question may span. */
export const COMPLIANCE_WINDOW_MAX_YEARS = 10;

/**
 * 学时达标情况 as of a date (issue 11 item 4, for other systems such as a title review): the person
 * with this 证件号 (exact, through the blind index; counted against the 证件号 lookup budget), the
 * years 开始年度…结束年度 (at most 10), as of the end of 统计时间 (default today, Beijing).
 */
export const ComplianceAsOfInput = periodInOrder(
  z.object({
    idNumber: identifierField("证件号", 32),
    fromYear: calendarYearField("开始年度"),
    toYear: calendarYearField("结束年度"),
    asOf: statisticDateField("统计时间").optional(),
  }),
  YEAR_RANGE,
).refine((i) => i.toYear - i.fromYear < COMPLIANCE_WINDOW_MAX_YEARS, {
  message: `年度范围不能超过${COMPLIANCE_WINDOW_MAX_YEARS}年`,
  path: ["toYear"],
});
export type ComplianceAsOfInput = z.infer<typeof ComplianceAsOfInput>;

/** One year of the window: 完成公需课时 完成专业课时 总完成学时 (学时) and 认定结果 (合格 when `compliant`), as of 统计时间. */
export const ComplianceAsOfYear = z.object(YearHoursFields);
export type ComplianceAsOfYear = z.infer<typeof ComplianceAsOfYear>;

/**
 * The person found (name and masked 证件号 as held now; unit as of 统计时间) and, oldest first, each
 * year of the window in which they have a person-year — registered (审核通过) at the year's end, or
 * at 统计时间 in its year: 人年抽取's rule (ADR 016); a year before their registration is left out.
 */
export const ComplianceAsOfPerson = z.object({
  ...MaskedPersonFields,
  unitName: z.string().nullable(),
  years: z
    .array(ComplianceAsOfYear)
    .describe("开始年度至结束年度中该人员已注册（该年末或统计时间时审核通过）的年度，由早到晚；注册之前的年度不列出，与人年抽取一致"),
});

export const ComplianceAsOf = z.object({
  ...AsOfAnswerFields,
  fromYear: z.number().int(),
  toYear: z.number().int(),
  people: z.array(ComplianceAsOfPerson),
});
export type ComplianceAsOf = z.infer<typeof ComplianceAsOf>;
