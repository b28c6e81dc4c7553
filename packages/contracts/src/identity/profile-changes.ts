import { z } from "zod";
import { EducationCode } from "../codes/education.ts";
import { TitleLevelCode, TitleSeriesCode } from "../codes/title-series.ts";
import { ProfessionalStatus } from "../domain-codes.ts";
import { PageRequest } from "../paging.ts";
import { SearchText, SingleLineText } from "../text.ts";
import { MobilePhone } from "../validation/identifier.ts";
import { MaskedApplicantFields, MaskedPersonFields, ProfessionalProfileFields } from "./person-fields.ts";
import { Email } from "./registration.ts";

const optional = (label: string, max = 100) => SingleLineText({ label, max, tooLong: `${label}过长` }).nullable();

/** The fields a professional may ask to change (证件号 is not one of them). */
export const profileChangeFields = {
  name: "姓名",
  phone: "手机号",
  email: "电子邮箱",
  departmentId: "工作部门",
  education: "学历",
  titleSeries: "专业技术职务系列",
  titleLevel: "级别",
  qualification: "现专业技术职称资格",
  major: "从事专业",
  certificateNo: "证书管理号",
} as const;
export type ProfileChangeField = keyof typeof profileChangeFields;

/** 人员信息修改: only the chosen fields, each with its new value. */
export const RequestProfileChangeInput = z
  .object({
    name: SingleLineText({ label: "姓名", min: 1, max: 50, required: "请输入姓名", tooLong: "姓名过长" }),
    phone: MobilePhone,
    email: Email,
    departmentId: z.uuid("工作部门无效").nullable(),
    education: EducationCode,
    titleSeries: TitleSeriesCode,
    titleLevel: TitleLevelCode,
    qualification: optional("现专业技术职称资格"),
    major: optional("从事专业"),
    certificateNo: optional("证书管理号", 50),
  })
  .partial();
export type RequestProfileChangeInput = z.input<typeof RequestProfileChangeInput>;

/** A professional's own profile, masked like every other view. */
export const MyProfile = z.object({
  ...MaskedApplicantFields,
  unitId: z.uuid(),
  unitName: z.string(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  ...ProfessionalProfileFields,
  status: ProfessionalStatus,
  /** A change request is waiting for review: another cannot be submitted yet. */
  pendingChange: z.boolean(),
  /**
   * The person's latest 人员信息修改 request and its outcome (null: none yet), so the page can say
   * "您于…提交的修改申请已被驳回：<reason>" — the reason is the reviewer's, kept only for a rejection.
   */
  lastChange: z
    .object({ status: z.enum(["PENDING", "APPROVED", "REJECTED"]), reason: z.string().nullable(), createdAt: z.date(), reviewedAt: z.date().nullable() })
    .nullable(),
  departments: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type MyProfile = z.infer<typeof MyProfile>;

export const ListProfileChangesInput = PageRequest.extend({ name: SearchText("姓名") });
export type ListProfileChangesInput = z.input<typeof ListProfileChangesInput>;

export const ProfileChangeRow = z.object({
  id: z.uuid(),
  ...MaskedPersonFields,
  unitName: z.string(),
  fields: z.array(z.string()),
  createdAt: z.date(),
});
export type ProfileChangeRow = z.infer<typeof ProfileChangeRow>;

/** 查看变更明细: the applicant (masked) and each changed field, old → new, as people read them (phones masked). */
/** 查看变更明细: one 人员信息修改 request by id. */
export const ProfileChangeIdInput = z.object({ id: z.uuid({ error: "修改申请编号无效" }) });
export type ProfileChangeIdInput = z.infer<typeof ProfileChangeIdInput>;

export const ProfileChangeDetail = z.object({
  id: z.uuid(),
  ...MaskedApplicantFields,
  unitName: z.string(),
  status: z.enum(["PENDING", "APPROVED", "REJECTED"]),
  createdAt: z.date(),
  items: z.array(z.object({ field: z.string(), label: z.string(), old: z.string().nullable(), new: z.string().nullable() })),
});
export type ProfileChangeDetail = z.infer<typeof ProfileChangeDetail>;
