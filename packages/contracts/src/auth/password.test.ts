import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { PrepareAdminInput } from "../identity/admins.ts";
import { ChangePasswordInput, ResetPasswordInput } from "../identity/auth.ts";
import { RegisterEmployerInput, RegisterProfessionalInput } from "../identity/registration.ts";
import { newPasswordField } from "./password.ts";

/** The message a schema gives for `field` when `value` is submitted without it (undefined when none). */
const messageFor = (schema: z.ZodType, value: Record<string, unknown>, field: string) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues.find((i) => i.path.join(".") === field)?.message;
};

describe("a password being chosen names the field its form shows", () => {
  it.each([
    ["专业技术人员注册 (密码)", RegisterProfessionalInput, {}, "password", "请输入密码"],
    ["用人单位注册 (密码)", RegisterEmployerInput, {}, "password", "请输入密码"],
    ["新增管理员 › 注册成为管理员 (密码)", PrepareAdminInput, { way: "REGISTER" }, "password", "请输入密码"],
    ["修改密码 (新密码)", ChangePasswordInput, {}, "newPassword", "请输入新密码"],
    ["重置密码 (新密码)", ResetPasswordInput, {}, "newPassword", "请输入新密码"],
  ])("%s", (_form, schema, value, field, message) => {
    expect(messageFor(schema, value, field)).toBe(message);
  });

  it.each([
    ["", "密码至少8位"],
    ["abc1234", "密码至少8位"],
    ["abcdefgh", "密码须包含数字"],
    ["12345678", "密码须包含字母"],
    [`a1${"x".repeat(31)}`, "密码最多32位"],
    ["abcd1234", undefined],
  ])("holds %j to the policy whatever the label (%s)", (password, message) => {
    for (const label of ["密码", "新密码"] as const) {
      const parsed = newPasswordField(label).safeParse(password);
      expect(parsed.success ? undefined : parsed.error.issues[0]?.message).toBe(message);
    }
  });
});
