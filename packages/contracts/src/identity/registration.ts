import { z } from "zod";
import { newPasswordField } from "../auth/password.ts";
import { EducationCode } from "../codes/education.ts";
import { IndustryCode } from "../codes/industries.ts";
import { RegionCode } from "../codes/regions.ts";
import { TitleLevelCode, TitleSeriesCode } from "../codes/title-series.ts";
import { IdType, UnitKind, UnitNature } from "../domain-codes.ts";
import { PositiveIntParam } from "../paging.ts";
import { SingleLineText } from "../text.ts";
import { requireCodeConfirmation } from "../validation/credit-code.ts";
import { CodeConfirmed, identifierField, MobilePhone, UnitCode } from "../validation/identifier.ts";
import { CaptchaAnswer } from "./auth.ts";

export const Email = z.string({ error: "请输入电子邮箱" }).trim().max(100, "电子邮箱过长").pipe(z.email("电子邮箱格式不正确"));

const text = (label: string, max = 100) => SingleLineText({ label, max, min: 1, required: `请输入${label}`, tooLong: `${label}过长` });
const optionalText = (label: string, max = 100) =>
  SingleLineText({ label, max, tooLong: `${label}过长` })
    .nullish()
    .transform((v) => (v ? v : null));

/** 证件类型, 证件号, 姓名, 手机号, 电子邮箱, 密码 + 确认密码: what every new account gives. */
const accountFields = {
  idType: IdType.default("RESIDENT_ID"),
  idNumber: identifierField("证件号", 32),
  name: text("姓名", 50),
  phone: MobilePhone,
  email: Email,
  password: newPasswordField("密码"),
  confirmPassword: z.string({ error: "请再次输入密码" }),
};
const passwordsMatch = (v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword;
const mismatch = { path: ["confirmPassword"], message: "两次输入的密码不一致" };

/** 专业技术人员注册 */
export const RegisterProfessionalInput = z
  .object({
    ...accountFields,
    unitId: z.uuid("请选择所在单位"),
    departmentId: z.uuid("工作部门无效").optional(),
    education: EducationCode,
    titleSeries: TitleSeriesCode,
    qualification: optionalText("现专业技术职称资格"),
    titleLevel: TitleLevelCode,
    major: optionalText("从事专业"),
    certificateNo: optionalText("证书管理号", 50),
    ...CaptchaAnswer,
  })
  .refine(passwordsMatch, mismatch);
export type RegisterProfessionalInput = z.input<typeof RegisterProfessionalInput>;

/** 用人单位注册: the unit and its first (super) admin. */
export const RegisterEmployerInput = z
  .object({
    unitName: text("单位名称"),
    nature: UnitNature,
    industry: IndustryCode,
    region: RegionCode,
    code: UnitCode,
    codeConfirmed: CodeConfirmed,
    superiorId: z.uuid("请选择上级主管部门"),
    ...accountFields,
    ...CaptchaAnswer,
  })
  .refine(passwordsMatch, mismatch)
  .superRefine(requireCodeConfirmation);
export type RegisterEmployerInput = z.input<typeof RegisterEmployerInput>;

export const RegistrationResult = z.object({ accountId: z.uuid(), unitId: z.uuid() });
export type RegistrationResult = z.infer<typeof RegistrationResult>;

/** The public unit picker: approved units by part of their name, name and id only. */
export const SearchUnitsInput = z.object({
  name: SingleLineText({ label: "单位名称", max: 50 }).default(""),
  kinds: z.array(UnitKind).min(1).default(["EMPLOYER", "TRAINING_BASE", "AUTHORITY"]),
  /** How many units the picker shows: its page size, read like every list's (PositiveIntParam, never "1e1"). */
  limit: PositiveIntParam.pipe(z.number().max(50)).default(20),
});
export type SearchUnitsInput = z.input<typeof SearchUnitsInput>;

export const UnitOption = z.object({ id: z.uuid(), name: z.string() });
export type UnitOption = z.infer<typeof UnitOption>;

export const DepartmentOption = z.object({ id: z.uuid(), name: z.string() });
export type DepartmentOption = z.infer<typeof DepartmentOption>;

/** 注册 › 工作部门 choices of the chosen 所在单位. */
export const PublicDepartmentsInput = z.object({ unitId: z.uuid({ error: "请选择所在单位" }) });
export type PublicDepartmentsInput = z.infer<typeof PublicDepartmentsInput>;
