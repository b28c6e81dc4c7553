// 操作日志 cases of the entries identity writes (departments, admins, roles, units and their changes,
// registrations, profile changes, transfers, 批量导入); joined in audit-cases.test-support.ts.
import type { AuditAction } from "./audit.ts";
import type { AuditCase } from "./audit-cases.test-support.ts";

export const identityAuditCases = {
  "department.create": {
    entityType: "department",
    after: { name: "财务科", parent: "办公室", sortOrder: 1 },
    shows: {
      object: "部门 · 财务科",
      changes: [
        ["部门名称", "—", "财务科"],
        ["上级部门", "—", "办公室"],
        ["排序号", "—", "1"],
      ],
    },
  },
  "department.update": {
    entityType: "department",
    before: { name: "财务科", sortOrder: 1 },
    after: { name: "财务处", sortOrder: 1 },
    shows: { object: "部门 · 财务处", changes: [["部门名称", "财务科", "财务处"]] },
  },
  "department.disable": {
    entityType: "department",
    before: { name: "财务科", status: "ACTIVE" },
    after: { name: "财务科", status: "DISABLED" },
    shows: { object: "部门 · 财务科", changes: [["状态", "启用", "禁用"]] },
  },
  "department.enable": {
    entityType: "department",
    before: { name: "财务科", status: "DISABLED" },
    after: { name: "财务科", status: "ACTIVE" },
    shows: { object: "部门 · 财务科", changes: [["状态", "禁用", "启用"]] },
  },
  "admin.create": {
    entityType: "admin",
    after: { name: "王五", way: "REGISTER", department: null, roles: "审核员" },
    shows: {
      object: "管理员 · 王五",
      changes: [
        ["管理员", "—", "王五"],
        ["新增方式", "—", "注册成为管理员(非本系统用户)"],
        ["工作部门", "—", "—"],
        ["角色", "—", "审核员"],
      ],
    },
  },
  "admin.setSuper": {
    entityType: "admin",
    before: { superAdmin: "张三" },
    after: { superAdmin: "王五" },
    shows: { object: "管理员", changes: [["超级管理员", "张三", "王五"]] },
  },
  "admin.resetPassword": { entityType: "admin", before: { name: "王五" }, after: { name: "王五" }, shows: { object: "管理员 · 王五", changes: [] } },
  "professional.resetPassword": {
    entityType: "professional",
    before: { name: "李四" },
    after: { name: "李四" },
    shows: { object: "专业技术人员 · 李四", changes: [] },
  },
  "admin.disable": {
    entityType: "admin",
    before: { name: "王五", status: "ACTIVE" },
    after: { name: "王五", status: "DISABLED" },
    shows: { object: "管理员 · 王五", changes: [["状态", "启用", "禁用"]] },
  },
  "admin.enable": {
    entityType: "admin",
    before: { name: "王五", status: "DISABLED" },
    after: { name: "王五", status: "ACTIVE" },
    shows: { object: "管理员 · 王五", changes: [["状态", "禁用", "启用"]] },
  },
  "admin.remove": {
    entityType: "admin",
    before: { name: "王五", isSuper: true },
    after: null,
    shows: {
      object: "管理员 · 王五",
      changes: [
        ["管理员", "王五", "—"],
        ["超级管理员", "是", "—"],
      ],
    },
  },
  "admin.assignRoles": {
    entityType: "admin",
    before: { name: "王五", roles: "" },
    after: { name: "王五", roles: "审核员、统计员" },
    shows: { object: "管理员 · 王五", changes: [["角色", "—", "审核员、统计员"]] },
  },
  "role.create": {
    entityType: "role",
    after: { name: "审核员", permissions: ["学时审批"] },
    shows: {
      object: "角色 · 审核员",
      changes: [
        ["角色名称", "—", "审核员"],
        ["权限模块", "—", "学时审批"],
      ],
    },
  },
  "role.update": {
    entityType: "role",
    before: { name: "审核员", permissions: ["学时审批"] },
    after: { name: "审核员", permissions: ["学时审批", "操作日志"] },
    shows: { object: "角色 · 审核员", changes: [["权限模块", "学时审批", "学时审批、操作日志"]] },
  },
  "role.delete": {
    entityType: "role",
    before: { name: "审核员", permissions: [], admins: 2 },
    after: null,
    shows: {
      object: "角色 · 审核员",
      changes: [
        ["角色名称", "审核员", "—"],
        ["权限模块", "—", "—"],
        ["管理员数", "2", "—"],
      ],
    },
  },
  "unit.updateProfile": {
    entityType: "unit",
    before: { nature: "ENTERPRISE", industry: "G", region: "370102" },
    after: { nature: "PUBLIC_INSTITUTION", industry: "P", region: "370102" },
    shows: {
      object: "单位",
      changes: [
        ["单位性质", "企业", "事业单位"],
        ["所属行业", "交通运输、仓储和邮政业", "教育"],
      ],
    },
  },
  "unit.delete": {
    entityType: "unit",
    before: { name: "历城公交", status: "APPROVED" },
    after: { name: "历城公交", status: "DISABLED" },
    shows: { object: "单位 · 历城公交", changes: [["状态", "审核通过", "已删除"]] },
  },
  "unit.changeCode": {
    entityType: "unit",
    before: { code: "91370100MA3C5XXX1X" },
    after: { code: "91370100MA3C5XXX2X" },
    shows: { object: "单位", changes: [["机构代码", "91370100MA3C5XXX1X", "91370100MA3C5XXX2X"]] },
  },
  "unit.move": {
    entityType: "unit",
    before: { superior: "济南市人社局" },
    after: { superior: "青岛市人社局" },
    shows: { object: "单位", changes: [["上级部门", "济南市人社局", "青岛市人社局"]] },
  },
  "unitChange.requestCode": {
    entityType: "unitChangeRequest",
    before: { code: "A1", superior: "济南市人社局" },
    after: { code: "A2", superior: null },
    shows: {
      object: "机构信息修改申请",
      changes: [
        ["上级部门", "济南市人社局", "—"],
        ["机构代码", "A1", "A2"],
      ],
    },
  },
  "unitChange.requestSuperior": {
    entityType: "unitChangeRequest",
    before: { superior: "济南市人社局" },
    after: { superior: "青岛市人社局" },
    shows: { object: "机构信息修改申请", changes: [["上级部门", "济南市人社局", "青岛市人社局"]] },
  },
  "unitChange.withdraw": {
    entityType: "unitChangeRequest",
    before: { status: "PENDING" },
    after: { status: "WITHDRAWN" },
    shows: { object: "机构信息修改申请", changes: [["状态", "待审核", "已撤销"]] },
  },
  "unitChange.approve": {
    entityType: "unitChangeRequest",
    before: { status: "PENDING" },
    after: { status: "APPROVED", reason: null },
    shows: { object: "机构信息修改申请", changes: [["状态", "待审核", "审核通过"]] },
  },
  "unitChange.reject": {
    entityType: "unitChangeRequest",
    before: { status: "PENDING" },
    after: { status: "REJECTED", reason: "材料不全" },
    shows: {
      object: "机构信息修改申请",
      changes: [
        ["状态", "待审核", "已驳回"],
        ["原因", "—", "材料不全"],
      ],
    },
  },
  "unit.register": {
    entityType: "unit",
    after: { name: "历城公交", nature: "ENTERPRISE", industry: "G", region: "370112", code: "X1", superior: "济南市人社局", status: "PENDING" },
    shows: {
      object: "单位 · 历城公交",
      changes: [
        ["单位名称", "—", "历城公交"],
        ["上级部门", "—", "济南市人社局"],
        ["机构代码", "—", "X1"],
        ["单位性质", "—", "企业"],
        ["所属行业", "—", "交通运输、仓储和邮政业"],
        ["所在地区", "—", "历城区"],
        ["状态", "—", "待审核"],
      ],
    },
  },
  "unit.approve": {
    entityType: "unit",
    before: { name: "历城公交", status: "PENDING" },
    after: { name: "历城公交", status: "APPROVED", reason: null },
    shows: { object: "单位 · 历城公交", changes: [["状态", "待审核", "审核通过"]] },
  },
  "unit.reject": {
    entityType: "unit",
    before: { name: "历城公交", status: "PENDING" },
    after: { name: "历城公交", status: "REJECTED", reason: "代码有误" },
    shows: {
      object: "单位 · 历城公交",
      changes: [
        ["状态", "待审核", "审核不通过"],
        ["原因", "—", "代码有误"],
      ],
    },
  },
  "professional.register": {
    entityType: "professional",
    after: {
      name: "李四",
      status: "PENDING",
      education: "BACHELOR",
      titleSeries: "ENGINEERING",
      titleLevel: "INTERMEDIATE",
      qualification: "工程师",
      major: "道路",
      certificateNo: null,
      department: "车队",
    },
    shows: {
      object: "专业技术人员 · 李四",
      changes: [
        ["姓名", "—", "李四"],
        ["工作部门", "—", "车队"],
        ["学历", "—", "本科"],
        ["专业技术职务系列", "—", "工程技术"],
        ["级别", "—", "中级"],
        ["现专业技术职称资格", "—", "工程师"],
        ["从事专业", "—", "道路"],
        ["证书管理号", "—", "—"],
        ["状态", "—", "待审核"],
      ],
    },
  },
  "professional.approve": {
    entityType: "professional",
    before: { name: "李四", status: "PENDING" },
    after: { name: "李四", status: "APPROVED", reason: null },
    shows: { object: "专业技术人员 · 李四", changes: [["状态", "待审核", "审核通过"]] },
  },
  "professional.reject": {
    entityType: "professional",
    before: { name: "李四", status: "PENDING" },
    after: { name: "李四", status: "REJECTED", reason: "信息有误" },
    shows: {
      object: "专业技术人员 · 李四",
      changes: [
        ["状态", "待审核", "审核不通过"],
        ["原因", "—", "信息有误"],
      ],
    },
  },
  "profileChange.request": {
    entityType: "profileChangeRequest",
    after: { fields: ["titleLevel", "departmentId"] },
    shows: { object: "人员信息修改申请", changes: [["修改项", "—", "级别、工作部门"]] },
  },
  "profileChange.approve": {
    entityType: "profileChangeRequest",
    before: { name: "李四", status: "PENDING", titleLevel: "JUNIOR", department: "一队" },
    after: { name: "李四", status: "APPROVED", reason: null, titleLevel: "INTERMEDIATE", department: "二队" },
    shows: {
      object: "人员信息修改申请 · 李四",
      changes: [
        ["工作部门", "一队", "二队"],
        ["级别", "初级", "中级"],
        ["状态", "待审核", "审核通过"],
      ],
    },
  },
  "profileChange.reject": {
    entityType: "profileChangeRequest",
    before: { name: "李四", status: "PENDING" },
    after: { name: "李四", status: "REJECTED", reason: "不符" },
    shows: {
      object: "人员信息修改申请 · 李四",
      changes: [
        ["状态", "待审核", "已驳回"],
        ["原因", "—", "不符"],
      ],
    },
  },
  "transfer.request": {
    entityType: "transfer",
    after: { name: "李四", status: "PENDING", fromUnit: "历城公交", toUnit: "青岛地铁", reason: "工作调动" },
    shows: {
      object: "人员调转 · 李四",
      changes: [
        ["姓名", "—", "李四"],
        ["调出单位", "—", "历城公交"],
        ["调入单位", "—", "青岛地铁"],
        ["状态", "—", "待转入"],
        ["原因", "—", "工作调动"],
      ],
    },
  },
  "transfer.accept": {
    entityType: "transfer",
    before: { name: "李四", status: "PENDING", unit: "历城公交" },
    after: { name: "李四", status: "ACCEPTED", unit: "青岛地铁", reason: null },
    shows: {
      object: "人员调转 · 李四",
      changes: [
        ["所在单位", "历城公交", "青岛地铁"],
        ["状态", "待转入", "同意转入"],
      ],
    },
  },
  "transfer.reject": {
    entityType: "transfer",
    before: { name: "李四", status: "PENDING", unit: "历城公交" },
    after: { name: "李四", status: "REJECTED", unit: "历城公交", reason: "不同意" },
    shows: {
      object: "人员调转 · 李四",
      changes: [
        ["状态", "待转入", "拒绝转入"],
        ["原因", "—", "不同意"],
      ],
    },
  },
  "import.run": {
    entityType: "importJob",
    after: { name: "人员名单", status: "DONE", rows: 3, created: 1, existing: 1, invalid: 1 },
    shows: {
      object: "批量导入 · 人员名单",
      changes: [
        ["导入文件", "—", "人员名单"],
        ["状态", "—", "已完成"],
        ["数据行", "—", "3"],
        ["新增人数", "—", "1"],
        ["已存在", "—", "1"],
        ["有错误", "—", "1"],
      ],
    },
  },
  "import.undo": {
    entityType: "importJob",
    before: { name: "人员名单", status: "DONE" },
    after: { name: "人员名单", status: "UNDONE", removed: 2, kept: 1 },
    shows: {
      object: "批量导入 · 人员名单",
      changes: [
        ["状态", "已完成", "已撤销"],
        ["撤销人数", "—", "2"],
        ["保留人数", "—", "1"],
      ],
    },
  },
} satisfies Partial<Record<AuditAction, AuditCase>>;
