import { z } from "zod";
import { calendarDateField } from "../calendar.ts";
import { PageRequest } from "../paging.ts";
import { SearchText } from "../text.ts";

/** 操作日志: 操作人 / 操作类型 / 日期 from–to (China time, both days included). */
export const ListAuditInput = PageRequest.extend({
  actor: SearchText("操作人"),
  action: SearchText("操作类型", 60),
  from: calendarDateField("开始日期").optional(),
  to: calendarDateField("结束日期").optional(),
});
export type ListAuditInput = z.infer<typeof ListAuditInput>;

/** 时间 操作人 操作 对象 变更前 变更后 */
export const AuditRow = z.object({
  id: z.string(),
  occurredAt: z.iso.datetime(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditRow = z.infer<typeof AuditRow>;

/**
 * Chinese names of the audited actions (操作日志's 操作 column and filter). `AuditAction`, the type
 * identity's recordAudit takes, is built from these keys: an action without a name does not compile.
 */
export const auditActionLabels = {
  "department.create": "添加部门",
  "department.update": "编辑部门",
  "department.disable": "禁用部门",
  "department.enable": "启用部门",
  "admin.create": "新增管理员",
  "admin.setSuper": "设为超级管理员",
  "admin.resetPassword": "重置密码",
  "professional.resetPassword": "重置专业技术人员密码",
  "admin.disable": "禁用管理员",
  "admin.enable": "启用管理员",
  "admin.remove": "删除管理员",
  "admin.assignRoles": "分配角色",
  "role.create": "添加角色",
  "role.update": "编辑角色",
  "role.delete": "删除角色",
  "unit.updateProfile": "基本信息修改",
  "unit.delete": "删除下级单位",
  "unit.changeCode": "修改机构代码",
  "unit.move": "更换上级部门",
  "unitChange.requestCode": "申请修改单位信息",
  "unitChange.requestSuperior": "申请更换上级部门",
  "unitChange.withdraw": "撤销申请",
  "unitChange.approve": "审核通过机构信息修改",
  "unitChange.reject": "驳回机构信息修改",
  "unit.register": "用人单位注册",
  "unit.approve": "审核通过用人单位",
  "unit.reject": "驳回用人单位注册",
  "professional.register": "专业技术人员注册",
  "professional.approve": "审核通过注册人员",
  "professional.reject": "驳回注册人员",
  "profileChange.request": "申请修改人员信息",
  "profileChange.approve": "审核通过人员信息修改",
  "profileChange.reject": "驳回人员信息修改",
  "transfer.request": "提交转出申请",
  "transfer.accept": "同意转入",
  "transfer.reject": "拒绝转入",
} as const satisfies Record<string, string>;

/** Every action identity writes to the audit trail. */
export type AuditAction = keyof typeof auditActionLabels;

/** The Chinese name of a stored action code (the code itself for one written before it had a name). */
export function auditActionLabel(code: string): string {
  return Object.hasOwn(auditActionLabels, code) ? auditActionLabels[code as AuditAction] : code;
}

/** 变更前 → 变更后, one line per field whose value changed (or appeared / went). */
export function auditChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): { field: string; from: string; to: string }[] {
  const show = (v: unknown) => (v === undefined || v === null || v === "" ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v));
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys
    .map((field) => ({ field, from: show(before?.[field]), to: show(after?.[field]) }))
    .filter((c) => c.from !== c.to || (before === null) !== (after === null));
}

/** Chinese names of the fields audit rows carry. */
export const auditFieldLabels: Record<string, string> = {
  name: "名称",
  parentId: "上级部门ID",
  sortOrder: "排序号",
  status: "状态",
  permissions: "权限模块",
  roles: "角色",
  code: "机构代码",
  superiorId: "上级部门ID",
  path: "层级路径",
  nature: "单位性质",
  industry: "所属行业",
  region: "所在地区",
  superAdmin: "超级管理员",
  isSuper: "超级管理员",
  way: "新增方式",
  department: "工作部门",
  reason: "原因",
  admins: "管理员数",
};
