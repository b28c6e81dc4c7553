import { z } from "zod";
import { newPasswordField } from "../auth/password.ts";
import { IdType } from "../domain-codes.ts";
import { PageRequest } from "../paging.ts";
import { OpaqueToken, SearchText, SingleLineText } from "../text.ts";
import { identifierField, Landline, MobilePhone } from "../validation/identifier.ts";
import { MaskedPersonFields } from "./person-fields.ts";
import { Email } from "./registration.ts";

export const AdminStatus = z.enum(["ACTIVE", "DISABLED"]);
export type AdminStatus = z.infer<typeof AdminStatus>;
export const adminStatusLabels: Record<AdminStatus, string> = { ACTIVE: "启用", DISABLED: "禁用" };

/** 管理单位管理员: the admins of the caller's own unit. */
export const ListAdminsInput = PageRequest.extend({ name: SearchText("姓名") });
export type ListAdminsInput = z.infer<typeof ListAdminsInput>;

/** One row: 姓名 证件号 手机 电子邮箱 工作部门 角色 状态 操作 (numbers masked). */
export const AdminRow = z.object({
  id: z.uuid(),
  ...MaskedPersonFields,
  phoneMasked: z.string().nullable(),
  email: z.string().nullable(),
  departmentName: z.string().nullable(),
  roles: z.array(z.object({ id: z.uuid(), name: z.string() })),
  status: AdminStatus,
  isSuper: z.boolean(),
});
export type AdminRow = z.infer<typeof AdminRow>;

/** The three ways of the 新增管理员 wizard (guide §3.2). */
export const AddAdminWay = z.enum(["PROFESSIONAL", "REGISTER", "EXISTING"]);
export type AddAdminWay = z.infer<typeof AddAdminWay>;
export const addAdminWayLabels: Record<AddAdminWay, string> = {
  PROFESSIONAL: "选择成为管理员(已是本部门人员)",
  REGISTER: "注册成为管理员(非本系统用户)",
  EXISTING: "添加成为管理员(已是本系统用户)",
};

const departmentId = z.preprocess((v) => (v === "" ? undefined : v), z.uuid("工作部门无效").optional());
const idNumber = identifierField("证件号", 32);

/** Step 1 填写管理员基本信息, one shape per way. */
export const PrepareAdminInput = z.discriminatedUnion("way", [
  z.object({ way: z.literal("PROFESSIONAL"), accountId: z.uuid("请选择本单位人员") }),
  z
    .object({
      way: z.literal("REGISTER"),
      idType: IdType.default("RESIDENT_ID"),
      idNumber,
      password: newPasswordField("密码"),
      confirmPassword: z.string({ error: "请再次输入密码" }),
      name: SingleLineText({ label: "真实姓名", min: 1, max: 50, required: "请输入真实姓名", tooLong: "真实姓名过长" }),
      phone: MobilePhone,
      email: Email,
      landline: Landline,
      departmentId,
    })
    .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "两次输入的密码不一致" }),
  z.object({
    way: z.literal("EXISTING"),
    idType: IdType.default("RESIDENT_ID"),
    idNumber,
    password: z.string({ error: "请输入密码" }).min(1, "请输入密码"),
    departmentId,
  }),
]);
export type PrepareAdminInput = z.output<typeof PrepareAdminInput>;

/** Who step 1 found or will register; the draft lives 30 minutes. */
export const AdminDraft = z.object({
  draftId: z.string(),
  way: AddAdminWay,
  name: z.string(),
  idNumberMasked: z.string(),
  departmentName: z.string().nullable(),
});
export type AdminDraft = z.infer<typeof AdminDraft>;

/** Step 2 权限确认: the roles; then 创建成功. */
export const CreateAdminInput = z.object({ draftId: OpaqueToken("请重新填写管理员基本信息"), roleIds: z.array(z.uuid()).default([]) });
export type CreateAdminInput = z.infer<typeof CreateAdminInput>;

/** The approved professionals of the unit who are not admins, for way (a)'s picker. */
/** 添加成为管理员 › 选择: one page of the unit's approved professionals who are not admins yet, by part of the name. */
export const AdminCandidatesInput = PageRequest.extend({ q: SingleLineText({ label: "姓名或证件号", max: 50 }).default("") });
export type AdminCandidatesInput = z.infer<typeof AdminCandidatesInput>;
export const AdminCandidate = z.object({ ...MaskedPersonFields, departmentName: z.string().nullable() });
export type AdminCandidate = z.infer<typeof AdminCandidate>;

/** Departments and roles of the unit for the wizard's selects. */
export const AdminOptions = z.object({
  departments: z.array(z.object({ id: z.uuid(), name: z.string() })),
  roles: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type AdminOptions = z.infer<typeof AdminOptions>;

export const AdminTarget = z.object({ adminId: z.uuid() });
export const SetAdminStatusInput = AdminTarget.extend({ status: AdminStatus });
export type SetAdminStatusInput = z.infer<typeof SetAdminStatusInput>;
export const AssignRolesInput = AdminTarget.extend({ roleIds: z.array(z.uuid()).default([]) });
export type AssignRolesInput = z.infer<typeof AssignRolesInput>;
export const TemporaryPassword = z.object({ temporaryPassword: z.string() });
