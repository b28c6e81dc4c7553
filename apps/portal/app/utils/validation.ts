import { z } from "zod";
import { choosePrompt } from "./prompts.ts";

/** The Chinese name of every form field, so that a default message can name it. */
const fieldLabels: Record<string, string> = {
  userType: "用户类型",
  idType: "证件类型",
  idNumber: "证件号",
  password: "密码",
  captchaId: "验证码",
  captchaAnswer: "验证码",
  remember: "记住密码",
  oldPassword: "原密码",
  newPassword: "新密码",
  confirmPassword: "确认新密码",
  token: "重置链接",
  name: "单位名称",
  nature: "单位性质",
};

/**
 * Chinese messages for the checks whose schema gives none (an unknown select value, a missing
 * hidden field, ...). Messages written in the contracts schemas take precedence over these.
 */
export const zhErrorMap: z.core.$ZodErrorMap = (issue) => {
  const key = issue.path?.[issue.path.length - 1];
  const label = (typeof key === "string" && fieldLabels[key]) || "该项";
  if (key === "captchaId") return "验证码已失效，请点击图片换一张";
  switch (issue.code) {
    case "invalid_value":
      return choosePrompt(label);
    case "invalid_type":
      return issue.input === undefined || issue.input === "" ? `请填写${label}` : `${label}格式不正确`;
    case "too_small":
      return `${label}至少${String(issue.minimum)}个字符`;
    case "too_big":
      return `${label}最多${String(issue.maximum)}个字符`;
    default:
      return `${label}填写不正确`;
  }
};

/**
 * Who or what a row's one-button form acts on (an admin's name, a role's name), posted beside its
 * id only to word the flash (已删除张三的管理员权限): never sent to a service; anything odd reads as "".
 */
export const ShownName = z.string().max(100).catch("");
