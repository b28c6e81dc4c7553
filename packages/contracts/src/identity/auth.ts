import { z } from "zod";
import { NewPassword } from "../auth/password.ts";
import { Permission } from "../auth/permissions.ts";
import { CallerUnitFields } from "../auth/principal.ts";
import { IdType, UserType } from "../domain-codes.ts";
import { identifierField } from "../validation/identifier.ts";

export const CaptchaAnswer = {
  captchaId: z.string().min(1, "请刷新验证码"),
  captchaAnswer: z.string({ error: "请输入验证码" }).trim().min(1, "请输入验证码").max(8, "验证码不正确"),
};

const idNumber = identifierField("证件号", 32);

export const LoginInput = z.object({
  userType: UserType,
  idType: IdType.default("RESIDENT_ID"),
  idNumber,
  password: z.string({ error: "请输入密码" }).min(1, "请输入密码").max(64, "密码不正确"),
  ...CaptchaAnswer,
  remember: z.boolean().default(false),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const LoginResult = z.object({ token: z.string(), expiresAt: z.iso.datetime() });
export type LoginResult = z.infer<typeof LoginResult>;

/** A captcha: its id (sent back with the answer) and its picture as a `data:image/png;base64,…` URL. */
export const CaptchaChallenge = z.object({ captchaId: z.string(), image: z.string().startsWith("data:image/png;base64,") });
export type CaptchaChallenge = z.infer<typeof CaptchaChallenge>;

export const ChangePasswordInput = z
  .object({
    oldPassword: z.string({ error: "请输入原密码" }).min(1, "请输入原密码"),
    newPassword: NewPassword,
    confirmPassword: z.string({ error: "请再次输入新密码" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "两次输入的新密码不一致" })
  .refine((v) => v.newPassword !== v.oldPassword, { path: ["newPassword"], message: "新密码不能与原密码相同" });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const RequestPasswordResetInput = z.object({
  userType: UserType,
  idType: IdType.default("RESIDENT_ID"),
  idNumber,
  ...CaptchaAnswer,
});
export type RequestPasswordResetInput = z.infer<typeof RequestPasswordResetInput>;

export const ResetPasswordInput = z
  .object({
    token: z.string().min(16, "重置链接无效"),
    newPassword: NewPassword,
    confirmPassword: z.string({ error: "请再次输入新密码" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "两次输入的新密码不一致" });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

/**
 * The reset-password page's loader asks before it shows 新密码: is the mailed link's token still
 * usable (issued, not used, not expired, the latest of its account, the password unchanged since)?
 * Any string is a fair question; one that cannot be a token is simply not usable.
 */
export const CheckResetTokenInput = z.object({ token: z.string().max(512) });
export type CheckResetTokenInput = z.infer<typeof CheckResetTokenInput>;
/** The answer: usable or not — never whose link it is. */
export const ResetTokenState = z.object({ usable: z.boolean() });
export type ResetTokenState = z.infer<typeof ResetTokenState>;

/** What the portal's pages need about the signed-in user (header, menu, page guards): the principal without its session details. */
export const Me = z.object({
  accountId: z.uuid(),
  name: z.string(),
  userType: UserType,
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  ...CallerUnitFields,
  isSuperAdmin: z.boolean(),
  permissions: z.array(Permission),
  /** The password is temporary: the portal sends every page to 修改密码 until it is changed. */
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

/** A message in the development mailbox (used when no mail server is configured). */
export const DevMail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  sentAt: z.iso.datetime(),
});
export type DevMail = z.infer<typeof DevMail>;
