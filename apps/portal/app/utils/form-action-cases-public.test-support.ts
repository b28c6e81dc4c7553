// The form-action cases of the public pages (登录, 忘记登录密码, 重置密码, 注册): see form-action-cases.test-support.ts.
import { generateCreditCode, generateResidentId, industries, regions } from "@ce/contracts";
import { type Case, captcha, ids, newAccount, profileCodes } from "./form-action-fixtures.test-support.ts";

export const publicCases: Case[] = [
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
