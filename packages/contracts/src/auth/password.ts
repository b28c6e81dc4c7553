import { z } from "zod";

/** Password policy: 8–32 characters with at least one letter and one digit. */
export const NewPassword = z
  .string({ error: "请输入新密码" })
  .min(8, "密码至少8位")
  .max(32, "密码最多32位")
  .regex(/[A-Za-z]/, "密码须包含字母")
  .regex(/\d/, "密码须包含数字");
