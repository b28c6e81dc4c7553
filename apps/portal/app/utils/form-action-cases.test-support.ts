// The cases of form-actions.server.test.ts: for every action route, a valid submit of each of its
// forms (fields, whose session posts, what the stand-in services answer), the procedure it must
// call and where its redirect must lead; the two viewers and the ids they share.
import { allPermissions, educationLevels, generateCreditCode, generateResidentId, industries, type Me, regions, titleLevels, titleSeries } from "@ce/contracts";

export const ids = {
  a: "8d0c7d4e-3f1a-4a51-9a5e-6a1f0c7e2b11",
  b: "0b6f1e0a-8f7d-4c3e-9a1b-2c3d4e5f6a7b",
  c: "5f0c2a9e-1b7d-4c3e-9a51-0d2f7e8b6c41",
} as const;

export const admin = {
  accountId: ids.a,
  name: "管理员",
  userType: "AUTHORITY",
  unitId: ids.b,
  unitName: "山东省交通运输厅",
  unitKind: "AUTHORITY",
  unitDepth: 0,
  isProvince: true,
  isSuperAdmin: true,
  permissions: [...allPermissions],
  // A session with a temporary password would be sent to 修改密码 first.
  mustChangePassword: false,
} as Me;
const professional: Me = {
  ...admin,
  name: "张三",
  userType: "PROFESSIONAL",
  unitKind: null,
  unitDepth: null,
  isProvince: false,
  isSuperAdmin: false,
  permissions: [],
};

export const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

export interface Case {
  /** The route module's file in app/routes. */
  route: string;
  what: string;
  url: string;
  fields: Record<string, string | string[]>;
  /** Whose session posts (none for the public pages). */
  as?: Me | null;
  params?: Record<string, string>;
  /** A file field, sent as multipart. */
  file?: string;
  answers?: Record<string, unknown>;
  /** The procedure the action must call. */
  calls: string;
  /** Where the redirect goes. */
  to: string;
  /** Whether the answer carries a flash (only signing in does without: the page it opens is the news). */
  flash?: boolean;
}

const captcha = { captchaId: ids.c, captchaAnswer: "1234" };
const profileCodes = { education: educationLevels[0]!.code, titleSeries: titleSeries[0]!.code, titleLevel: titleLevels[0]!.code };
const newAccount = {
  idType: "RESIDENT_ID",
  idNumber: generateResidentId("370102", new Date(Date.UTC(1985, 4, 12)), 17),
  name: "李四",
  phone: "13800138000",
  email: "lisi@example.com",
  password: "Ce123456",
  confirmPassword: "Ce123456",
};
const admins = (intent: string, extra: Record<string, string | string[]> = {}) => ({ intent, adminId: ids.a, name: "王五", ...extra });
const conference = { kind: "RANK", ranks: [{ code: "PROVINCE", label: "省级学术会议", hours: 8, paperBonus: 2 }], capPerYear: null };

export const CASES: Case[] = [
  {
    route: "_app.account.password.tsx",
    what: "修改密码",
    url: "/account/password",
    fields: { oldPassword: "Old12345", newPassword: "New12345", confirmPassword: "New12345" },
    calls: "identity:auth.changePassword",
    to: "/account/password",
  },
  {
    route: "_app.accounts.admins._index.tsx",
    what: "分配角色",
    url: "/accounts/admins?name=%E7%8E%8B",
    fields: admins("roles", { roleIds: [ids.b] }),
    calls: "identity:admins.assignRoles",
    to: "/accounts/admins?name=%E7%8E%8B",
  },
  {
    route: "_app.accounts.admins._index.tsx",
    what: "禁用",
    url: "/accounts/admins",
    fields: admins("status", { status: "DISABLED" }),
    calls: "identity:admins.setStatus",
    to: "/accounts/admins",
  },
  {
    route: "_app.accounts.admins._index.tsx",
    what: "重置密码",
    url: "/accounts/admins",
    fields: admins("resetPassword"),
    answers: { "identity:admins.resetPassword": { temporaryPassword: "Tmp12345" } },
    calls: "identity:admins.resetPassword",
    to: "/accounts/admins",
  },
  {
    route: "_app.stats.professionals._index.tsx",
    what: "专业技术人员信息查询 › 重置密码",
    url: "/stats/professionals?name=%E5%BC%A0",
    fields: { intent: "resetPassword", accountId: ids.a, name: "张三" },
    answers: { "identity:professionals.resetPassword": { temporaryPassword: "Tmp12345" } },
    calls: "identity:professionals.resetPassword",
    to: "/stats/professionals?name=%E5%BC%A0",
  },
  {
    route: "_app.accounts.admins._index.tsx",
    what: "删除",
    url: "/accounts/admins",
    fields: admins("remove"),
    calls: "identity:admins.remove",
    to: "/accounts/admins",
  },
  {
    route: "_app.accounts.admins._index.tsx",
    what: "设为超级管理员",
    url: "/accounts/admins",
    fields: admins("setSuper"),
    calls: "identity:admins.setSuper",
    to: "/login",
  },
  {
    route: "_app.accounts.admins.new.tsx",
    what: "确认创建",
    url: "/accounts/admins/new",
    fields: { intent: "create", draftId: "d".repeat(43), way: "REGISTER", roleIds: [ids.b], draftName: "王五" },
    answers: { "identity:admins.create": { name: "王五" } },
    calls: "identity:admins.create",
    to: "/accounts/admins/new?way=REGISTER&created=1",
  },
  {
    route: "_app.accounts.departments.tsx",
    what: "添加下级",
    url: `/accounts/departments?add=${ids.b}&name=x`,
    fields: { intent: "create", parentId: ids.b, name: "综合科", sortOrder: "1" },
    calls: "identity:departments.create",
    to: "/accounts/departments?name=x",
  },
  {
    route: "_app.accounts.departments.tsx",
    what: "编辑",
    url: `/accounts/departments?edit=${ids.b}`,
    fields: { intent: "update", id: ids.b, name: "综合科", sortOrder: "2" },
    calls: "identity:departments.update",
    to: "/accounts/departments",
  },
  {
    route: "_app.accounts.departments.tsx",
    what: "禁用",
    url: "/accounts/departments",
    fields: { intent: "status", id: ids.b, name: "综合科", status: "DISABLED" },
    calls: "identity:departments.setStatus",
    to: "/accounts/departments",
  },
  {
    route: "_app.accounts.roles.tsx",
    what: "添加角色",
    url: "/accounts/roles?add=1",
    fields: { intent: "create", name: "审批员", permissions: ["hours.approve"] },
    calls: "identity:roles.create",
    to: "/accounts/roles",
  },
  {
    route: "_app.accounts.roles.tsx",
    what: "编辑",
    url: `/accounts/roles?edit=${ids.b}&page=2`,
    fields: { intent: "update", id: ids.b, name: "审批员", permissions: ["hours.approve", "hours.audit"] },
    calls: "identity:roles.update",
    to: "/accounts/roles?page=2",
  },
  {
    route: "_app.accounts.roles.tsx",
    what: "确认删除",
    url: "/accounts/roles",
    fields: { intent: "delete", id: ids.b, name: "审批员", confirm: "on" },
    answers: { "identity:roles.delete": { removedFrom: 2 } },
    calls: "identity:roles.delete",
    to: "/accounts/roles",
  },
  {
    route: "_app.accounts.subordinates.$unitId._index.tsx",
    what: "删除单位",
    url: `/accounts/subordinates/${ids.b}`,
    params: { unitId: ids.b },
    fields: { intent: "delete", unitId: ids.b, name: "济南市交通运输局" },
    calls: "identity:units.delete",
    to: "/accounts/subordinates",
  },
  {
    route: "_app.accounts.subordinates.$unitId.admins.tsx",
    what: "删除管理员",
    url: `/accounts/subordinates/${ids.b}/admins`,
    params: { unitId: ids.b },
    fields: { intent: "remove", unitId: ids.b, adminId: ids.a, name: "王五" },
    calls: "identity:units.removeAdmin",
    to: `/accounts/subordinates/${ids.b}/admins`,
  },
  {
    route: "_app.hours.declare.tsx",
    what: "学时申报",
    url: "/hours/declare",
    as: professional,
    fields: {
      professionalId: ids.a,
      year: "2026",
      formCode: "TRAINING",
      schoolName: "山东交通学院",
      className: "岗位培训班",
      startDate: "2026-03-02",
      endDate: "2026-03-06",
      score: "合格",
      requestedHours: "40",
      subject: "PROFESSIONAL",
    },
    file: "attachments",
    calls: "hours:declarations.declare",
    to: "/hours/declare",
  },
  {
    route: "_app.hours.forms.$code.tsx",
    what: "编辑学习形式",
    url: "/hours/forms/CONFERENCE",
    params: { code: "CONFERENCE" },
    fields: { hint: "提交会议通知", subjects: ["PROFESSIONAL"], effectiveFrom: "2099-01-01", "ranks[0].hours": "9" },
    answers: {
      "hours:forms.get": { code: "CONFERENCE", name: "学术会议", fields: [], rule: conference },
      "hours:forms.update": { code: "CONFERENCE", name: "学术会议", version: 3, effectiveFrom: "2099-01-01" },
    },
    calls: "hours:forms.update",
    to: "/hours/forms",
  },
  {
    route: "_app.hours.records.$declarationId.tsx",
    what: "撤回申报",
    url: `/hours/records/${ids.c}`,
    as: professional,
    params: { declarationId: ids.c },
    fields: { intent: "withdraw", declarationId: ids.c },
    calls: "hours:declarations.withdraw",
    to: `/hours/records/${ids.c}`,
  },
  {
    route: "_app.me.profile.tsx",
    what: "提交修改申请",
    url: "/me/profile",
    as: professional,
    fields: { name: "张三", email: "zhang@example.com", ...profileCodes },
    calls: "identity:profileChanges.request",
    to: "/me/profile",
  },
  {
    route: "_app.reviews.transfers._index.tsx",
    what: "提交转出申请",
    url: "/reviews/transfers?index&tab=out&accountId=x",
    fields: { intent: "create", accountId: ids.a, contactPhone: "0531-88888888", toUnitId: ids.b, reason: "工作调动" },
    file: "attachment",
    calls: "identity:transfers.create",
    to: "/reviews/transfers?tab=out",
  },
  {
    route: "_app.reviews.transfers._index.tsx",
    what: "拒绝",
    url: "/reviews/transfers?index&tab=in",
    fields: { intent: "reject", id: ids.c, reason: "人员信息不符" },
    calls: "identity:transfers.decide",
    to: "/reviews/transfers?tab=in",
  },
  {
    route: "_app.reviews.unit-changes.tsx",
    what: "通过",
    url: "/reviews/unit-changes?tab=PENDING",
    fields: { ids: [ids.a, ids.b], decision: "APPROVE" },
    answers: {
      "identity:unitChanges.decide": {
        decided: [
          { id: ids.a, label: "甲单位的申请" },
          { id: ids.b, label: "乙单位的申请" },
        ],
        skipped: [],
        applied: 1,
      },
    },
    calls: "identity:unitChanges.decide",
    to: "/reviews/unit-changes?tab=PENDING",
  },
  {
    route: "_app.unit.profile.tsx",
    what: "保存",
    url: "/unit/profile",
    fields: { intent: "save", nature: "ENTERPRISE", industry: industries[0]!.code, region: regions[0]!.code },
    calls: "identity:unitProfile.update",
    to: "/unit/profile",
  },
  {
    route: "_app.unit.profile.tsx",
    what: "更换上级部门",
    url: "/unit/profile",
    fields: { intent: "superior", superiorId: ids.b },
    calls: "identity:unitProfile.requestSuperiorChange",
    to: "/unit/profile",
  },
  {
    route: "_app.unit.profile.tsx",
    what: "撤销申请",
    url: "/unit/profile",
    fields: { intent: "withdraw", requestId: ids.c },
    calls: "identity:unitProfile.withdraw",
    to: "/unit/profile",
  },
  {
    route: "login.tsx",
    what: "登录",
    url: "/login",
    as: null,
    fields: {
      userType: "AUTHORITY",
      idType: "RESIDENT_ID",
      idNumber: generateResidentId("370102", new Date(Date.UTC(1985, 4, 12)), 17),
      password: "Ce123456",
      redirectTo: "/accounts/admins",
      ...captcha,
    },
    answers: { "identity:auth.login": { token: "s".repeat(43), expiresAt: "2030-01-01T00:00:00.000Z" } },
    calls: "identity:auth.login",
    to: "/accounts/admins",
    flash: false,
  },
  {
    route: "forgot-password.tsx",
    what: "忘记登录密码",
    url: "/forgot-password",
    as: null,
    fields: { userType: "PROFESSIONAL", idType: "RESIDENT_ID", idNumber: generateResidentId("370102", new Date(Date.UTC(1985, 4, 12)), 17), ...captcha },
    calls: "identity:auth.requestPasswordReset",
    to: "/forgot-password",
  },
  {
    route: "reset-password.tsx",
    what: "重置密码",
    url: "/reset-password?token=x",
    as: null,
    fields: { token: "r".repeat(43), newPassword: "New12345", confirmPassword: "New12345" },
    calls: "identity:auth.resetPassword",
    to: "/login",
  },
  {
    route: "register.professional.tsx",
    what: "专业技术人员注册",
    url: "/register/professional",
    as: null,
    fields: { ...newAccount, unitId: ids.b, ...profileCodes, ...captcha },
    calls: "identity:registration.professional",
    to: "/login",
  },
  {
    route: "register.employer.tsx",
    what: "用人单位注册",
    url: "/register/employer",
    as: null,
    fields: {
      unitName: "济南某某物流有限公司",
      nature: "ENTERPRISE",
      industry: industries[0]!.code,
      region: regions[0]!.code,
      code: generateCreditCode("370100", "12345678"),
      superiorId: ids.b,
      ...newAccount,
      ...captcha,
    },
    calls: "identity:registration.employer",
    to: "/login",
  },
];
