import { z } from "zod";

/**
 * Permission modules: one per menu function and its actions (角色管理 assigns them to roles).
 * A super admin holds every module of their unit; a professional holds none.
 */
export const permissionModules = [
  { code: "unit.profile.edit", menu: "基本信息修改", label: "修改本单位基本信息" },
  { code: "department.manage", menu: "管理直属账户", label: "管理内设部门" },
  { code: "admin.manage", menu: "管理直属账户", label: "管理单位管理员" },
  { code: "subordinate.view", menu: "管理直属账户", label: "查看下级单位" },
  { code: "subordinate.manage", menu: "管理直属账户", label: "管理下级单位（删除、管理员）" },
  { code: "role.manage", menu: "管理直属账户", label: "角色管理" },
  { code: "trainingBase.manage", menu: "管理直属账户", label: "管理继续教育基地" },
  { code: "review.employer", menu: "审核账户", label: "审核用人单位" },
  { code: "review.professional", menu: "审核账户", label: "审核注册人员" },
  { code: "review.profileChange", menu: "审核账户", label: "审核人员信息修改" },
  { code: "transfer.manage", menu: "审核账户", label: "人员调转" },
  { code: "review.unitChange", menu: "审核账户", label: "审核机构信息修改" },
  { code: "hours.declare", menu: "学时申报", label: "学时申报" },
  { code: "hours.records", menu: "查看申报记录", label: "查看申报记录" },
  { code: "hours.approve", menu: "学时审批", label: "学时审批" },
  { code: "hours.audit", menu: "成果备案", label: "成果备案（学时审验）" },
  { code: "import.professionals", menu: "批量导入", label: "批量导入" },
  { code: "stats.view", menu: "查询统计", label: "查询统计" },
  { code: "pii.unmask", menu: "查询统计", label: "查看完整证件号与手机号" },
  { code: "audit.view", menu: "管理直属账户", label: "查看操作日志" },
] as const;

export type Permission = (typeof permissionModules)[number]["code"];
export const allPermissions: readonly Permission[] = permissionModules.map((m) => m.code);
export const Permission = z.enum(allPermissions as [Permission, ...Permission[]]);
