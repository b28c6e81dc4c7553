import { z } from "zod";

/**
 * A password being chosen, by the password policy: 8–32 characters with at least one letter and
 * one digit. `label` is the field's as the form names it (密码 where an account is registered,
 * 新密码 where one is changed or reset): a missing value is refused with 请输入<label>.
 */
export const newPasswordField = (label: "密码" | "新密码") =>
  z
    .string({ error: `请输入${label}` })
    .min(8, "密码至少8位")
    .max(32, "密码最多32位")
    .regex(/[A-Za-z]/, "密码须包含字母")
    .regex(/\d/, "密码须包含数字");

/** The password policy as the 修改密码 and reset forms name it (新密码). */
export const NewPassword = newPasswordField("新密码");
