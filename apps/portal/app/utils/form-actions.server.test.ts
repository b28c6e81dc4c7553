// Redirect-after-post, the one way of every form action: a successful submit answers 303 with a
// flash (the ce_flash cookie) and never a page, so reloading or going back never submits again.
// Each action runs as Remix calls it, against stand-in services that answer the tRPC wire format
// and record the procedures they are asked for; its form is a valid one of that page.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { allPermissions, educationLevels, generateCreditCode, generateResidentId, industries, type Me, regions, titleLevels, titleSeries } from "@ce/contracts";
import type { ActionFunctionArgs, AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startStandIns } from "./service-stand-ins.test-support.ts";

type Action = (args: ActionFunctionArgs) => Promise<unknown>;

const ids = {
  a: "8d0c7d4e-3f1a-4a51-9a5e-6a1f0c7e2b11",
  b: "0b6f1e0a-8f7d-4c3e-9a1b-2c3d4e5f6a7b",
  c: "5f0c2a9e-1b7d-4c3e-9a51-0d2f7e8b6c41",
} as const;

const admin = {
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

let viewer: Me = admin;
/** What each procedure answers (`service:procedure`); anything not listed answers null. */
let answers: Record<string, unknown> = {};
/** Procedures that fail instead, as a service's error formatter says it. */
let failures: Record<string, { code: string; message: string; fieldErrors?: Record<string, string[]> }> = {};

let standIns: Awaited<ReturnType<typeof startStandIns>>;
let calls: string[];
let cookie: string;
const routesDir = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "routes");

beforeAll(async () => {
  standIns = await startStandIns((service, procedure) => {
    const failure = failures[`${service}:${procedure}`];
    if (failure) return { error: failure };
    return { data: procedure === "auth.me" ? viewer : (answers[`${service}:${procedure}`] ?? null) };
  });
  calls = standIns.calls;
  vi.resetModules();
  const { commitToken } = await import("./session.server.ts");
  cookie = (await commitToken(new Request("http://portal.test/"), "t".repeat(43), false)).split(";")[0]!;
});
afterAll(() => standIns.close());
beforeEach(() => {
  calls.length = 0;
  answers = {};
  failures = {};
  viewer = admin;
});

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

interface Case {
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

const CASES: Case[] = [
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

function body(c: Case): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(c.fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  if (c.file) form.append(c.file, new File([PNG], "证明.png", { type: "image/png" }));
  return form;
}

/** What an action answered: a Response (redirect), or the data and status of a refusal. */
async function answer(
  c: Case,
): Promise<
  Response | { data: { result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } } & Record<string, unknown>; status: number }
> {
  const { action } = (await import(`../routes/${c.route}`)) as { action: Action };
  const form = body(c);
  const headers = new Headers(c.as === null ? {} : { cookie });
  // Text forms post urlencoded, as a browser does; file forms multipart.
  const payload = c.file ? form : new URLSearchParams([...form.entries()].map(([k, v]) => [k, String(v)]));
  const request = new Request(`http://portal.test${c.url}`, { method: "POST", headers, body: payload });
  const context: AppLoadContext = { requestId: "req-12345678", clientIp: "127.0.0.1" };
  try {
    const out = (await action({ request, context, params: c.params ?? {} })) as Response | { data: never; init: { status: number } };
    return out instanceof Response ? out : { data: out.data, status: out.init.status };
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function submit(c: Case): Promise<Response> {
  const out = await answer(c);
  if (out instanceof Response) return out;
  throw new Error(`answered with data, not a redirect: ${JSON.stringify(out).slice(0, 400)}`);
}

describe("every form action answers a successful submit with 303 and a flash", () => {
  it.each(CASES)("$route $what → $to", async (c) => {
    viewer = c.as ?? admin;
    answers = c.answers ?? {};
    const res = await submit(c);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(c.to);
    expect(calls).toContain(c.calls);
    const cookies = res.headers.getSetCookie().map((s) => s.split("=")[0]);
    if (c.flash === false) expect(cookies).toEqual(["ce_session"]);
    else expect(cookies).toContain("ce_flash");
  });

  it("covers every route with an action, but those whose pages another table covers", () => {
    // The batch review pages (学时审批, 学时审验, 审核用人单位/注册人员/人员信息修改) share one action helper and its tests; 退出 only ends the session.
    const elsewhere = [
      "_app.hours.approvals.$declarationId.tsx",
      "_app.hours.approvals._index.tsx",
      "_app.hours.audits._index.tsx",
      "_app.reviews.employers.tsx",
      "_app.reviews.professionals.$accountId.tsx",
      "_app.reviews.professionals._index.tsx",
      "_app.reviews.profile-changes.$id.tsx",
      "_app.reviews.profile-changes._index.tsx",
      "logout.tsx",
    ];
    const withAction = readdirSync(routesDir).filter((f) => /export (async )?function action\b/.test(readFileSync(path.join(routesDir, f), "utf8")));
    const covered = new Set(CASES.map((c) => c.route));
    expect(withAction.filter((f) => !covered.has(f) && !elsewhere.includes(f))).toEqual([]);
  });
});

const caseOf = (route: string, what: string): Case => {
  const c = CASES.find((x) => x.route === route && x.what === what);
  if (!c) throw new Error(`no case ${route} ${what}`);
  return c;
};

describe("the one error path: refusals stay on the form, with the failure's own status", () => {
  it("a form the shared schema refuses: 400, the message by its field, no service call", async () => {
    const out = await answer({ ...caseOf("_app.accounts.departments.tsx", "编辑"), fields: { intent: "update", id: ids.b, name: "", sortOrder: "2" } });
    expect(out).not.toBeInstanceOf(Response);
    if (out instanceof Response) return;
    expect(out.status).toBe(400);
    expect(out.data.result.error?.name).toEqual(["请输入部门名称"]);
    expect(calls.filter((c) => !c.endsWith("auth.me"))).toEqual([]);
  });

  it("a conflict: 409 with the service's message above the form, and 确认删除 for a role in use", async () => {
    failures = { "identity:roles.delete": { code: "CONFLICT", message: "该角色已分配给2名管理员，确认删除吗？" } };
    const out = await answer({ ...caseOf("_app.accounts.roles.tsx", "确认删除"), fields: { intent: "delete", id: ids.b, name: "审批员" } });
    if (out instanceof Response) throw new Error("redirected");
    expect(out.status).toBe(409);
    expect(out.data.result.error?.[""]).toEqual(["该角色已分配给2名管理员，确认删除吗？"]);
    expect(out.data.confirm).toEqual({ id: ids.b, name: "审批员" });
  });

  it("a wrong old password names its field: 400 on 原密码, nothing typed echoed", async () => {
    failures = { "identity:auth.changePassword": { code: "UNAUTHORIZED", message: "原密码不正确", fieldErrors: { oldPassword: ["原密码不正确"] } } };
    const out = await answer(caseOf("_app.account.password.tsx", "修改密码"));
    if (out instanceof Response) throw new Error("redirected");
    expect(out.status).toBe(400);
    expect(out.data.result.error?.oldPassword).toEqual(["原密码不正确"]);
    expect(out.data.result.initialValue ?? {}).toEqual({});
  });

  it("an expired session on a signed-in page: to /login and back afterwards", async () => {
    failures = { "identity:auth.changePassword": { code: "UNAUTHORIZED", message: "登录已过期，请重新登录" } };
    const out = await answer(caseOf("_app.account.password.tsx", "修改密码"));
    if (!(out instanceof Response)) throw new Error(`answered ${out.status}`);
    expect(out.headers.get("location")).toBe("/login?redirectTo=%2Faccount%2Fpassword");
  });

  it("a wrong password on 登录: 400 above the form with a fresh captcha, the password and captcha not echoed", async () => {
    failures = { "identity:auth.login": { code: "UNAUTHORIZED", message: "证件号或密码错误" } };
    answers = { "identity:auth.captcha": { captchaId: ids.a, image: "data:image/png;base64,AA==" } };
    const out = await answer(caseOf("login.tsx", "登录"));
    if (out instanceof Response) throw new Error("redirected");
    expect(out.status).toBe(400);
    expect(out.data.result.error?.[""]).toEqual(["证件号或密码错误"]);
    expect(out.data.captcha).toEqual({ captchaId: ids.a, image: "data:image/png;base64,AA==" });
    expect(Object.keys(out.data.result.initialValue ?? {})).not.toContain("password");
    expect(Object.keys(out.data.result.initialValue ?? {})).not.toContain("captchaAnswer");
  });
});
