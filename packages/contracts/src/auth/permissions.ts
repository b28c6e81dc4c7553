import { z } from "zod";
import type { UnitKind } from "../domain-codes.ts";

/** Which kinds of unit use a module (the guide: only a 主管部门 has subordinates, CE bases and audits to run). */
const EVERY_UNIT: readonly UnitKind[] = ["AUTHORITY", "EMPLOYER", "TRAINING_BASE"];
/** Reviewing, transferring and approving one's own people: 主管部门 and 用人单位, not a CE base (it only trains). */
const NOT_TRAINING_BASE: readonly UnitKind[] = ["AUTHORITY", "EMPLOYER"];
/** Supervising others: subordinate units, CE bases, employer and unit-change reviews, 成果备案. */
const AUTHORITY_ONLY: readonly UnitKind[] = ["AUTHORITY"];

/**
 * Permission modules: one per menu function and its actions (角色管理 assigns them to roles),
 * with the unit kinds that use it. A super admin holds every module its unit's kind uses; a role
 * counts only for those; a professional holds none.
 */
export const permissionModules = [
  { code: "unit.profile.edit", menu: "基本信息修改", label: "修改本单位基本信息", unitKinds: EVERY_UNIT },
  { code: "department.manage", menu: "管理直属账户", label: "管理内设部门", unitKinds: EVERY_UNIT },
  { code: "admin.manage", menu: "管理直属账户", label: "管理单位管理员", unitKinds: EVERY_UNIT },
  { code: "subordinate.view", menu: "管理直属账户", label: "查看下级单位", unitKinds: AUTHORITY_ONLY },
  { code: "subordinate.manage", menu: "管理直属账户", label: "管理下级单位（删除、管理员）", unitKinds: AUTHORITY_ONLY },
  { code: "role.manage", menu: "管理直属账户", label: "角色管理", unitKinds: EVERY_UNIT },
  { code: "trainingBase.manage", menu: "管理直属账户", label: "管理继续教育基地", unitKinds: AUTHORITY_ONLY },
  { code: "review.employer", menu: "审核账户", label: "审核用人单位", unitKinds: AUTHORITY_ONLY },
  { code: "review.professional", menu: "审核账户", label: "审核注册人员", unitKinds: NOT_TRAINING_BASE },
  { code: "review.profileChange", menu: "审核账户", label: "审核人员信息修改", unitKinds: NOT_TRAINING_BASE },
  { code: "transfer.manage", menu: "审核账户", label: "人员调转", unitKinds: NOT_TRAINING_BASE },
  { code: "review.unitChange", menu: "审核账户", label: "审核机构信息修改", unitKinds: AUTHORITY_ONLY },
  { code: "hours.declare", menu: "学时申报", label: "学时申报", unitKinds: EVERY_UNIT },
  { code: "hours.records", menu: "查看申报记录", label: "查看申报记录", unitKinds: EVERY_UNIT },
  { code: "hours.approve", menu: "学时审批", label: "学时审批", unitKinds: NOT_TRAINING_BASE },
  { code: "hours.audit", menu: "成果备案", label: "成果备案（学时审验）", unitKinds: AUTHORITY_ONLY },
  { code: "import.professionals", menu: "批量导入", label: "批量导入", unitKinds: NOT_TRAINING_BASE },
  { code: "stats.view", menu: "查询统计", label: "查询统计", unitKinds: EVERY_UNIT },
  { code: "pii.unmask", menu: "查询统计", label: "查看完整证件号与手机号", unitKinds: EVERY_UNIT },
  { code: "audit.view", menu: "管理直属账户", label: "查看操作日志", unitKinds: EVERY_UNIT },
] as const;

export type Permission = (typeof permissionModules)[number]["code"];
export const allPermissions: readonly Permission[] = permissionModules.map((m) => m.code);
export const Permission = z.enum(allPermissions as [Permission, ...Permission[]]);

/**
 * The modules an admin of a `kind` unit can hold at all (in menu order): a super admin holds exactly
 * these, roles and grants are cut to them. An employer or CE base never sees 管理下级单位, 审核用人单位,
 * 管理继续教育基地, 审核机构信息修改 or 成果备案, which would always be empty for it.
 */
export function permissionsOfUnitKind(kind: UnitKind): Permission[] {
  return permissionModules.filter((m) => m.unitKinds.includes(kind)).map((m) => m.code);
}
