import { ResetProfessionalPasswordInput } from "@ce/contracts";
import { z } from "zod";
import type { Api } from "./api.server.ts";
import { redirectWithFlash, samePage } from "./flash.server.ts";
import { ShownName } from "./validation.ts";

/** 重置密码 of a professional as a row's button posts it: the account and the name its flash says. */
export const ResetProfessionalPasswordForm = ResetProfessionalPasswordInput.extend({ intent: z.literal("resetPassword"), name: ShownName });
export type ResetProfessionalPasswordForm = z.infer<typeof ResetProfessionalPasswordForm>;

/**
 * 重置密码 of a professional (专业技术人员信息查询, and 批量导入's 导入的人员 — an imported person is
 * 未激活 until it): identity gives a temporary password, shown once in the flash of the same page;
 * the person must replace it at sign-in. Service refusals propagate (formAction shows them).
 */
export async function resetProfessionalPassword(api: Api, request: Request, { accountId, name }: ResetProfessionalPasswordForm): Promise<Response> {
  const { temporaryPassword } = await api.identity.professionals.resetPassword.mutate({ accountId });
  return redirectWithFlash(samePage(request), `已重置${name}的密码，临时密码（仅显示一次）：${temporaryPassword}，该人员登录后须设置新密码`);
}
