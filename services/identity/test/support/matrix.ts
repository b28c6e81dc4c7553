// The identity procedures for the authorization matrix and the fuzz suite: one sample input each,
// pointing at 济南's objects (the victim subtree); callers come from 青岛 (its sibling) or have no session.
import { randomUUID } from "node:crypto";
import type { Principal } from "@ce/contracts";
import { createCallerFactory } from "@ce/service-kit";
import { callerContext, type MatrixCaller, type MatrixCases, testPrincipal } from "@ce/service-kit/testing";
import { createIdentityRouter } from "../../src/routers/index.ts";
import type { TestIdentity } from "./boot.ts";
import type { Credentials, Fixture } from "./fixture.ts";

/** 济南's objects the cases point at. */
export interface IdentityVictim {
  departmentId: string;
  roleId: string;
  adminId: string;
  professional: Credentials;
  pendingProfessional: Credentials;
  transferId: string;
  /** An upload 济南公交 checked (批量导入, CHECKED): its job id. */
  importJobId: string;
  units: { jn: string; jnBus: string; jnMetro: string; jnPending: string; qd: string };
}

type UnitKey = keyof Fixture["units"];
/** A principal for a fixture account, as login would write it. */
export function principalOf(fixture: Fixture, unit: UnitKey, who: Credentials, permissions?: Principal["permissions"]): Principal {
  const u = fixture.units[unit];
  return testPrincipal({
    unitId: u.id,
    unitName: u.name,
    scopePath: u.path,
    accountId: who.accountId,
    name: who.name,
    permissions,
    professional: who.userType === "PROFESSIONAL",
  });
}

/** Creates a department, a role and a transfer in 济南 through the router, as its own admins. */
export async function seedIdentityVictim(t: TestIdentity): Promise<IdentityVictim> {
  const { fixture } = t;
  const call = createCallerFactory(createIdentityRouter(t.app.deps));
  const jn = call(callerContext(principalOf(fixture, "jn", fixture.logins.jn)));
  const jnBus = call(callerContext(principalOf(fixture, "jnBus", fixture.logins.jnBus)));
  const { id: departmentId } = await jn.departments.create({ name: "济南机密科", sortOrder: 1 });
  const { id: roleId } = await jn.roles.create({ name: "济南审核角色", permissions: ["hours.approve"] });
  const admins = await jn.admins.list({});
  const adminId = admins.items.find((a) => a.accountId === fixture.logins.jn.accountId)!.id;
  const professional = await fixture.newProfessional({ unit: "jnBus" });
  await jnBus.transfers.create({
    accountId: professional.accountId,
    contactPhone: "0531-88886666",
    toUnitId: fixture.units.jnMetro.id,
    reason: "济南内部调动",
  });
  const transfers = await jnBus.transfers.list({ direction: "out" });
  const upload = await jnBus.imports.dryRun({
    fileName: "济南导入.csv",
    base64: Buffer.from(
      `姓名,证件号,手机号,电子邮箱,学历,专业技术职务系列,职称级别\r\n济南导入人,${fixture.nextIdNumber()},13812345678,a@example.com,本科,工程技术,中级\r\n`,
    ).toString("base64"),
  });
  const u = fixture.units;
  return {
    departmentId,
    roleId,
    adminId,
    professional,
    pendingProfessional: fixture.logins.pendingProfessional,
    transferId: transfers.items[0]!.id,
    importJobId: upload.uploadId!,
    units: { jn: u.jn.id, jnBus: u.jnBus.id, jnMetro: u.jnMetro.id, jnPending: u.jnPending.id, qd: u.qd.id },
  };
}

/** The sibling side: 青岛's super admin, a 青岛 admin holding no module, and a 青岛地铁 professional. */
export async function identityCallers(fixture: Fixture): Promise<Record<MatrixCaller, Principal | null>> {
  return {
    anonymous: null,
    professional: principalOf(fixture, "qdMetro", await fixture.newProfessional({ unit: "qdMetro" })),
    siblingAdmin: principalOf(fixture, "qd", fixture.logins.qd),
    unprivilegedAdmin: principalOf(fixture, "qd", await fixture.newAdmin("qd"), []),
  };
}

export function identitySentinels(fixture: Fixture, v: IdentityVictim) {
  const people = [
    v.professional,
    v.pendingProfessional,
    fixture.logins.jn,
    fixture.logins.jnBus,
    fixture.logins.jnApprover,
    fixture.logins.jnViewer,
    fixture.logins.professional,
  ];
  const privateSentinels = [
    ...people.flatMap((p) => [p.accountId, p.name, p.idNumber]),
    v.roleId,
    "济南审核角色",
    v.adminId,
    v.transferId,
    "济南内部调动",
    v.importJobId,
    "济南导入",
  ];
  const u = fixture.units;
  return {
    privateSentinels,
    sentinels: [...privateSentinels, ...[u.jn, u.jnBus, u.jnMetro, u.jnPending].flatMap((x) => [x.id, x.name]), v.departmentId, "济南机密科"],
  };
}

const captcha = { captchaId: "matrix-captcha", captchaAnswer: "1234" };
const password = { newPassword: "Xyz98765", confirmPassword: "Xyz98765" };

/** Every identity procedure. A new procedure fails the matrix until it has a case here. */
export const identityCases: MatrixCases<IdentityVictim> = {
  "auth.captcha": { publicData: "a fresh captcha for anyone" },
  "auth.login": { input: (v) => ({ userType: "PROFESSIONAL", idNumber: v.professional.idNumber, password: "Wrong1234", remember: false, ...captcha }) },
  "auth.logout": { siblingMaySucceed: "ends the caller's own session" },
  "auth.me": {},
  "auth.changePassword": { input: () => ({ oldPassword: "Wrong1234", ...password }) },
  "auth.requestPasswordReset": {
    input: (v) => ({ userType: "PROFESSIONAL", idNumber: v.professional.idNumber, ...captcha }),
    siblingMaySucceed: "answers the same to anyone and tells nothing",
  },
  "auth.checkResetToken": {
    input: () => ({ token: "matrix-token-that-was-never-issued" }),
    publicData: "whether a reset link is usable, nothing about its account",
  },
  "auth.resetPassword": { input: () => ({ token: "matrix-token-that-was-never-issued", ...password }) },

  "units.listSubordinates": { input: () => ({}) },
  "units.detail": { input: (v) => ({ unitId: v.units.jnBus }) },
  "units.admins": { input: (v) => ({ unitId: v.units.jnBus }) },
  "units.removeAdmin": { input: (v) => ({ unitId: v.units.jn, adminId: v.adminId }) },
  "units.delete": { input: (v) => ({ unitId: v.units.jnMetro }) },
  "units.trainingBases": { input: () => ({}) },
  "units.pick": { input: () => ({ kinds: ["AUTHORITY", "EMPLOYER"] }) },

  "departments.list": { input: () => ({}) },
  "departments.create": { input: (v) => ({ parentId: v.departmentId, name: "挂到济南的部门", sortOrder: 1 }) },
  "departments.update": { input: (v) => ({ id: v.departmentId, name: "改名", sortOrder: 2 }) },
  "departments.setStatus": { input: (v) => ({ id: v.departmentId, status: "DISABLED" }) },

  "admins.list": { input: () => ({}) },
  "admins.options": {},
  "admins.candidates": { input: () => ({ q: "" }) },
  "admins.prepare": { input: (v) => ({ way: "PROFESSIONAL", accountId: v.professional.accountId }) },
  "admins.create": { input: (v) => ({ draftId: "matrix-draft", roleIds: [v.roleId] }) },
  "admins.setSuper": { input: (v) => ({ adminId: v.adminId }) },
  "admins.setStatus": { input: (v) => ({ adminId: v.adminId, status: "DISABLED" }) },
  "admins.remove": { input: (v) => ({ adminId: v.adminId }) },
  "admins.assignRoles": { input: (v) => ({ adminId: v.adminId, roleIds: [v.roleId] }) },
  "admins.resetPassword": { input: (v) => ({ adminId: v.adminId }) },

  "roles.list": { input: () => ({}) },
  "roles.create": { input: () => ({ name: "青岛自建角色", permissions: ["hours.records"] }), siblingMaySucceed: "creates a role in its own unit" },
  "roles.update": { input: (v) => ({ id: v.roleId, name: "改名角色", permissions: ["hours.records"] }) },
  "roles.delete": { input: (v) => ({ id: v.roleId, confirm: true }) },

  "unitProfile.get": {},
  "unitProfile.update": { input: () => ({ nature: "GOVERNMENT", industry: "G", region: "370200" }), siblingMaySucceed: "edits its own unit's profile" },
  "unitProfile.superiorOptions": { publicData: "the names of approved authorities a unit may move under" },
  "unitProfile.requestCodeChange": {
    input: () => ({ code: "11370200MB1234567X", codeConfirmed: true }),
    siblingMaySucceed: "asks to change its own unit's code",
  },
  "unitProfile.requestSuperiorChange": { input: (v) => ({ superiorId: v.units.jn }), siblingMaySucceed: "asks to move its own unit; the new superior decides" },
  "unitProfile.withdraw": { input: () => ({ requestId: randomUUID() }) },

  "unitChanges.list": { input: () => ({}) },
  "unitChanges.decide": { input: () => ({ ids: [randomUUID()], decision: "APPROVE" }) },

  "audit.list": { input: () => ({}) },

  "registration.searchUnits": { input: () => ({ name: "济南" }), publicData: "the public unit picker of the registration form" },
  "registration.departments": { input: (v) => ({ unitId: v.units.jnBus }), publicData: "a unit's departments for the registration form" },
  "registration.professional": {
    input: (v) => ({
      idType: "RESIDENT_ID",
      idNumber: "370102198801020013",
      name: "冒名者",
      phone: "13912345678",
      email: "x@example.com",
      unitId: v.units.jnBus,
      education: "BACHELOR",
      titleSeries: "ENGINEERING",
      qualification: "工程师",
      titleLevel: "INTERMEDIATE",
      major: "道路",
      certificateNo: "ZS1",
      password: "Abc12345",
      confirmPassword: "Abc12345",
      ...captcha,
    }),
  },
  "registration.employer": {
    input: (v) => ({
      unitName: "冒名运输公司",
      nature: "ENTERPRISE",
      industry: "G",
      region: "370100",
      code: "91370100MA3C4D5E6F",
      superiorId: v.units.jn,
      idType: "RESIDENT_ID",
      idNumber: "370102198801030019",
      name: "冒名管理员",
      phone: "13712345678",
      email: "y@example.com",
      password: "Abc12345",
      confirmPassword: "Abc12345",
      ...captcha,
    }),
  },

  "review.employers": { input: () => ({}) },
  "review.employer": { input: (v) => ({ unitId: v.units.jnPending }) },
  "review.decideEmployers": { input: (v) => ({ ids: [v.units.jnPending], decision: "APPROVE" }) },
  "review.professionals": { input: () => ({}) },
  "review.professional": { input: (v) => ({ accountId: v.pendingProfessional.accountId }) },
  "review.decideProfessionals": { input: (v) => ({ ids: [v.pendingProfessional.accountId], decision: "APPROVE" }) },

  "professionals.revealPii": { input: (v) => ({ accountId: v.professional.accountId, fields: ["idNumber", "phone"], purpose: "核对" }) },
  "professionals.find": {
    input: (v) => ({ idNumber: v.professional.idNumber, purpose: "DECLARE" }),
    siblingMaySucceed: "finds no one outside the caller's subtree (null); writes only the caller's own lookup to the access log",
  },
  "professionals.resetPassword": { input: (v) => ({ accountId: v.professional.accountId }) },

  "profileChanges.me": {},
  "profileChanges.request": { input: () => ({ name: "新名字" }) },
  "profileChanges.list": { input: () => ({}) },
  "profileChanges.detail": { input: () => ({ id: randomUUID() }) },
  "profileChanges.decide": { input: () => ({ ids: [randomUUID()], decision: "APPROVE" }) },

  "transfers.candidates": { input: () => ({}) },
  "transfers.create": { input: (v) => ({ accountId: v.professional.accountId, contactPhone: "0532-88886666", toUnitId: v.units.qd, reason: "抢人" }) },
  "transfers.attachment": { input: (v) => ({ transferId: v.transferId }) },
  "transfers.list": { input: () => ({ direction: "out" }) },
  "transfers.detail": { input: (v) => ({ id: v.transferId }) },
  "transfers.decide": { input: (v) => ({ id: v.transferId, accept: true }) },

  "imports.template": { siblingMaySucceed: "the template of the caller's own unit (its own departments)" },
  "imports.dryRun": {
    // The victim's person's number in the file: the answer may say 重复, never whose or where.
    input: (v) => ({
      fileName: "导入.csv",
      base64: Buffer.from(
        `姓名,证件号,手机号,电子邮箱,学历,专业技术职务系列,职称级别\r\n某人,${v.professional.idNumber},13812345678,a@example.com,本科,工程技术,中级\r\n`,
      ).toString("base64"),
    }),
    siblingMaySucceed: "checks a file against the caller's own unit and writes no person; a registered number is only called 重复",
  },
  "imports.failedRows": {
    input: (v) => ({
      fileName: "导入.csv",
      base64: Buffer.from(`姓名,证件号,手机号,电子邮箱,学历,专业技术职务系列,职称级别\r\n,${v.professional.idNumber},1,a,本科,工程技术,中级\r\n`).toString(
        "base64",
      ),
    }),
    siblingMaySucceed: "writes the caller's own file's failed rows back to it; reads and writes nothing else",
  },

  "imports.start": { input: (v) => ({ uploadId: v.importJobId }) },
  "imports.job": { input: (v) => ({ jobId: v.importJobId }) },
  "imports.jobs": { siblingMaySucceed: "lists the caller's own unit's imports only" },
  "imports.undo": { input: (v) => ({ jobId: v.importJobId }) },
  "imports.people": { input: (v) => ({ jobId: v.importJobId }) },

  "devMailbox.list": { publicData: "development only: mails the log transport sent (reset links of test accounts)" },
};
