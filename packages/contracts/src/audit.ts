import { z } from "zod";
import { calendarDateField } from "./calendar.ts";
import { educationName } from "./codes/education.ts";
import { industryName } from "./codes/industries.ts";
import { regionName } from "./codes/regions.ts";
import { titleLevelName, titleSeriesName } from "./codes/title-series.ts";
import { changeRequestStatusLabels, registrationStatusLabels, unitNatureLabels } from "./domain-codes.ts";
import { declarationStatusLabels } from "./hours/declarations.ts";
import { describeHourRule, HourRule, subjectLabels } from "./hours/forms.ts";
import { addAdminWayLabels, adminStatusLabels } from "./identity/admins.ts";
import { departmentStatusLabels } from "./identity/departments.ts";
import { profileChangeFields } from "./identity/profile-changes.ts";
import { transferStatusLabels } from "./identity/transfers.ts";
import { PageRequest } from "./paging.ts";
import { periodInOrder } from "./reporting/statistics.ts";
import { SearchText } from "./text.ts";

/**
 * 操作日志: 操作人 / 操作类型 / 时间范围 开始时间–结束时间 (China time, both days included; 结束时间
 * before 开始时间 is refused on `to`, periodInOrder as every range filter).
 */
export const ListAuditInput = periodInOrder(
  PageRequest.extend({
    actor: SearchText("操作人"),
    action: SearchText("操作类型", 60),
    from: calendarDateField("开始时间").optional(),
    to: calendarDateField("结束时间").optional(),
  }),
);
export type ListAuditInput = z.infer<typeof ListAuditInput>;

/** 时间 操作人 操作 对象 变更前 变更后, as stored (codes); auditView turns it into the guide's words. */
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
 * Chinese names of the audited actions of every service (操作日志's 操作 column and filter). `AuditAction`,
 * the type identity's and hours' recordAudit take, is built from these keys: an action without a name
 * does not compile.
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
  "import.run": "批量导入",
  "import.undo": "撤销批量导入",
  // hours (published as ce.hours.audit.recorded.v1, stored by identity: ADR 015)
  "declaration.approve": "学时审核通过",
  "declaration.reject": "学时审核驳回",
  "declaration.auditPass": "学时审验通过",
  "declaration.auditFail": "学时审验不通过",
  "declaration.declareFor": "代为申报学时",
  "learningForm.update": "修改学习形式",
} as const satisfies Record<string, string>;

/** Every action written to the audit trail, by any service. */
export type AuditAction = keyof typeof auditActionLabels;
export const AuditAction = z.enum(Object.keys(auditActionLabels) as [AuditAction, ...AuditAction[]]);

/** The Chinese name of a stored action code (the code itself for one written before it had a name). */
export function auditActionLabel(code: string): string {
  return Object.hasOwn(auditActionLabels, code) ? auditActionLabels[code as AuditAction] : code;
}

/** 对象: what an audit row is about. */
export const auditEntityLabels = {
  department: "部门",
  admin: "管理员",
  role: "角色",
  unit: "单位",
  unitChangeRequest: "机构信息修改申请",
  professional: "专业技术人员",
  profileChangeRequest: "人员信息修改申请",
  transfer: "人员调转",
  declaration: "学时申报",
  learningForm: "学习形式",
  importJob: "批量导入",
} as const satisfies Record<string, string>;
export type AuditEntity = keyof typeof auditEntityLabels;
export const AuditEntity = z.enum(Object.keys(auditEntityLabels) as [AuditEntity, ...AuditEntity[]]);

const pick = (labels: Record<string, string>) => (v: unknown) => (typeof v === "string" && Object.hasOwn(labels, v) ? labels[v] : undefined);

/** 状态 by 对象: the same code reads differently on a unit, an admin, a transfer or a declaration. */
const statusLabels: Record<AuditEntity, Record<string, string>> = {
  department: departmentStatusLabels,
  admin: adminStatusLabels,
  role: {},
  unit: registrationStatusLabels,
  unitChangeRequest: changeRequestStatusLabels,
  professional: registrationStatusLabels,
  profileChangeRequest: changeRequestStatusLabels,
  transfer: transferStatusLabels,
  declaration: declarationStatusLabels,
  learningForm: {},
  importJob: { DONE: "已完成", FAILED: "导入失败", UNDONE: "已撤销" },
};

/** 姓名 for a person, 名称 for a thing. */
const nameLabels: Partial<Record<AuditEntity, string>> = {
  department: "部门名称",
  admin: "管理员",
  role: "角色名称",
  unit: "单位名称",
  professional: "姓名",
  profileChangeRequest: "姓名",
  transfer: "姓名",
  declaration: "申报人",
  learningForm: "学习形式名称",
  importJob: "导入文件",
};

interface AuditFieldSpec {
  label: string;
  /** A stored value in words (undefined: shown as stored — text, numbers and names). */
  show?: (value: unknown, entity: string) => string | undefined;
}

/**
 * The fields audit rows carry, with their Chinese names and how a value reads: codes as their labels,
 * ids never (the writer stores names: a unit or person as named at the time of the action).
 * `AuditValues` is built from these keys, so a field without a name does not compile. Their order is
 * the order 变更前/变更后 list them in.
 */
export const auditFields = {
  name: { label: "名称" },
  way: { label: "新增方式", show: pick(addAdminWayLabels) },
  parent: { label: "上级部门" },
  superior: { label: "上级部门" },
  code: { label: "机构代码" },
  nature: { label: "单位性质", show: pick(unitNatureLabels) },
  industry: { label: "所属行业", show: (v) => (typeof v === "string" ? industryName(v) : undefined) },
  region: { label: "所在地区", show: (v) => (typeof v === "string" ? regionName(v) : undefined) },
  sortOrder: { label: "排序号" },
  superAdmin: { label: "超级管理员" },
  isSuper: { label: "超级管理员" },
  department: { label: "工作部门" },
  roles: { label: "角色" },
  permissions: { label: "权限模块" },
  admins: { label: "管理员数" },
  fields: { label: "修改项", show: pick(profileChangeFields) },
  education: { label: "学历", show: (v) => (typeof v === "string" ? educationName(v) : undefined) },
  titleSeries: { label: "专业技术职务系列", show: (v) => (typeof v === "string" ? titleSeriesName(v) : undefined) },
  titleLevel: { label: "级别", show: (v) => (typeof v === "string" ? titleLevelName(v) : undefined) },
  qualification: { label: "现专业技术职称资格" },
  major: { label: "从事专业" },
  certificateNo: { label: "证书管理号" },
  phone: { label: "手机号" },
  email: { label: "电子邮箱" },
  unit: { label: "所在单位" },
  fromUnit: { label: "调出单位" },
  toUnit: { label: "调入单位" },
  form: { label: "学习形式" },
  year: { label: "计入年度" },
  subject: { label: "计入科目", show: pick(subjectLabels) },
  requestedHours: { label: "申报学时" },
  recognizedHours: { label: "认定学时" },
  trainer: { label: "申报单位" },
  handler: { label: "当前审核单位" },
  effectiveFrom: { label: "生效日期" },
  hint: { label: "提示文字" },
  subjects: { label: "计入科目", show: pick(subjectLabels) },
  rule: { label: "计算规则", show: (v) => (HourRule.safeParse(v).success ? describeHourRule(HourRule.parse(v)) : undefined) },
  status: { label: "状态", show: (v, entity) => (Object.hasOwn(statusLabels, entity) ? pick(statusLabels[entity as AuditEntity])(v) : undefined) },
  reason: { label: "原因" },
  rows: { label: "数据行" },
  created: { label: "新增人数" },
  existing: { label: "已存在" },
  invalid: { label: "有错误" },
  removed: { label: "撤销人数" },
  kept: { label: "保留人数" },
} as const satisfies Record<string, AuditFieldSpec>;

export type AuditField = keyof typeof auditFields;
/** What an audit row's 变更前 / 变更后 may hold: named fields only. */
export type AuditValues = Partial<Record<AuditField, unknown>>;

/**
 * One audit entry as a service records it (identity writes it; hours publishes it as
 * ce.hours.audit.recorded.v1 and identity stores it): the action, what it is about (type, id and
 * the unit whose 操作日志 lists it) and the named fields before and after.
 */
export const AuditEntry = z.object({
  action: AuditAction,
  entityType: AuditEntity,
  entityId: z.string().min(1),
  unitId: z.uuid().nullable(),
  before: z.record(z.string(), z.unknown()).nullable().optional(),
  after: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type AuditEntry = Omit<z.infer<typeof AuditEntry>, "before" | "after"> & { before?: AuditValues | null; after?: AuditValues | null };

/** An hours audit entry as its event carries it: the entry plus who acted (the envelope's actor has the account, not the name). */
export const AuditRecorded = AuditEntry.extend({ actorName: z.string().nullable() });
export type AuditRecorded = z.infer<typeof AuditRecorded>;

const EMPTY = "—";

/** One value in words: — for nothing, 是/否, a list joined with 、, a code by its label. */
function showValue(field: string, value: unknown, entity: string): string {
  if (value === undefined || value === null || value === "") return EMPTY;
  if (Array.isArray(value)) return value.length === 0 ? EMPTY : value.map((v) => showValue(field, v, entity)).join("、");
  if (typeof value === "boolean") return value ? "是" : "否";
  const spec: AuditFieldSpec | undefined = Object.hasOwn(auditFields, field) ? auditFields[field as AuditField] : undefined;
  const shown = spec?.show?.(value, entity);
  if (shown !== undefined) return shown;
  return typeof value === "object" ? EMPTY : String(value);
}

/** A field's Chinese name on a given 对象 (name reads 姓名 on a person, 部门名称 on a department). */
function fieldLabel(field: AuditField, entity: string): string {
  if (field === "name" && Object.hasOwn(nameLabels, entity)) return nameLabels[entity as AuditEntity] ?? auditFields.name.label;
  return auditFields[field].label;
}

export interface AuditChange {
  field: string;
  label: string;
  from: string;
  to: string;
}

/**
 * 变更前 → 变更后 in words, one line per named field whose value changed (or appeared / went; every
 * field of a creation or removal), in auditFields' order. Fields without a name in auditFields (ids and paths of rows written
 * before names were stored) are left out.
 */
export function auditChanges(entity: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditChange[] {
  // In the table's order: a jsonb column keeps no key order.
  const keys = (Object.keys(auditFields) as AuditField[]).filter(
    (k) => (before !== null && Object.hasOwn(before, k)) || (after !== null && Object.hasOwn(after, k)),
  );
  return keys
    .map((field) => ({
      field,
      label: fieldLabel(field, entity),
      from: showValue(field, before?.[field], entity),
      to: showValue(field, after?.[field], entity),
    }))
    .filter((c) => c.from !== c.to || (before === null) !== (after === null));
}

/** A value in one canonical JSON spelling: object keys sorted, so stored and submitted fields compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/**
 * Whether an edit changes nothing: every field of `after` (what was submitted) equals the same field
 * of `before` (what is stored), deeply; arrays compare in order (sort a set before asking). An edit
 * saved unchanged writes nothing — no row, no version, no event, no 操作日志 line and no ended
 * sessions (new-user pass F12: 保存 with no change logged an empty 变更前/变更后 row). Pure.
 */
export function unchangedFields(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  return Object.keys(after).every((k) => canonical(before[k] ?? null) === canonical(after[k] ?? null));
}

/** A row of 操作日志 as the page prints it. */
export interface AuditLine {
  action: string;
  /** 对象: the kind and, where the row names it, which one (部门 · 财务科). */
  object: string;
  changes: AuditChange[];
}

/** The one mapping from a stored audit row to the guide's words: 操作, 对象 and the changes. Pure. */
export function auditView(row: Pick<AuditRow, "action" | "entityType" | "before" | "after">): AuditLine {
  const kind = Object.hasOwn(auditEntityLabels, row.entityType) ? auditEntityLabels[row.entityType as AuditEntity] : "其他";
  const name = row.after?.name ?? row.before?.name;
  return {
    action: auditActionLabel(row.action),
    object: typeof name === "string" && name !== "" ? `${kind} · ${name}` : kind,
    changes: auditChanges(row.entityType, row.before, row.after),
  };
}
