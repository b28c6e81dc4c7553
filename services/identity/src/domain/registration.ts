import { DomainError, type UnitKind } from "@ce/contracts";
import type { RateLimit } from "./lockout.ts";

/** Self-registrations per client address and hour: enough for a shared office, not for a script. */
export const registrationLimit: RateLimit = { max: 20, windowS: 3600 };

/** Units a professional may register under (所在单位). */
export const professionalUnitKinds: readonly UnitKind[] = ["EMPLOYER", "TRAINING_BASE", "AUTHORITY"];

/** The chosen unit must exist, be approved and be of a kind the form offers. */
export function checkChosenUnit(unit: { kind: string; status: string } | null, kinds: readonly string[], field: string, label: string): void {
  if (unit?.status !== "APPROVED" || !kinds.includes(unit.kind)) throw new DomainError("BAD_REQUEST", `请选择有效的${label}`, field);
}

/** A chosen 工作部门 must be an active department of the chosen unit. */
export function checkChosenDepartment(department: { unitId: string; status: string } | null, unitId: string): void {
  if (!department || department.unitId !== unitId || department.status !== "ACTIVE")
    throw new DomainError("BAD_REQUEST", "请选择所在单位的工作部门", "departmentId");
}

/** What a registration form registers: 专业技术人员注册 or 用人单位注册. */
export type RegistrationKind = "PROFESSIONAL" | "EMPLOYER";

/** The forms' names, as the owner's mail calls them. */
export const registrationLabels: Record<RegistrationKind, string> = { PROFESSIONAL: "专业技术人员注册", EMPLOYER: "用人单位注册" };

/** An account's own registration that was rejected: its kind and the unit it named (所在单位, or the unit registered). */
export interface RejectedRegistration {
  kind: RegistrationKind;
  unitId: string;
}

/**
 * Whether an account's standing is only a rejected registration, which a new registration with the
 * same ID number may replace (F18): an active account whose professional registration was 驳回 and
 * which is no admin anywhere, or whose only role is super admin of an employer 不通过 in 审核用人单位
 * and which is no professional. Anything else (approved, pending, disabled, or holding another role)
 * keeps the ID number taken. Null when nothing may be replaced.
 */
export function rejectedRegistration(account: {
  status: string;
  professional: { status: string; unitId: string } | null;
  admin: { isSuper: boolean; unit: { id: string; kind: string; status: string } } | null;
}): RejectedRegistration | null {
  if (account.status !== "ACTIVE") return null;
  const { professional: p, admin: a } = account;
  if (p?.status === "REJECTED" && !a) return { kind: "PROFESSIONAL", unitId: p.unitId };
  if (!p && a?.isSuper && a.unit.kind === "EMPLOYER" && a.unit.status === "REJECTED") return { kind: "EMPLOYER", unitId: a.unit.id };
  return null;
}

/**
 * The mail to an applicant whose registration was rejected (审核注册人员 驳回, 审核用人单位 不通过):
 * the reason the reviewer gave and how to register again — the same form and ID number, which
 * replaces the rejected registration. `link` is that form's address on the portal.
 */
export function registrationRejectedMail(input: { name: string; kind: RegistrationKind; reason: string | null; reviewer: string | null; link: string }) {
  const what = registrationLabels[input.kind];
  const by = input.reviewer ? `（审核单位：${input.reviewer}）` : "";
  return {
    subject: "注册审核未通过 - 专业技术人员继续教育公共服务平台",
    body: `${input.name}，您好：

您在本平台提交的${what}申请未通过审核${by}。
原因：${input.reason?.trim() || "未填写"}

请修改信息后重新注册：打开以下链接，使用同一证件号重新填写${what}并提交，新的申请将替换未通过的申请，重新进入待审核。
${input.link}`,
    link: input.link,
  };
}
