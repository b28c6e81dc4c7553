import {
  Ack,
  CaptchaChallenge,
  ChangePasswordInput,
  CheckResetTokenInput,
  LoginInput,
  LoginResult,
  Me,
  type Principal,
  RequestPasswordResetInput,
  ResetPasswordInput,
  ResetTokenState,
} from "@ce/contracts";
import { passwordChangeProcedure, publicProcedure, type UseCaseRun } from "@ce/service-kit";
import { issueCaptcha } from "../auth/captcha.ts";
import { login } from "../auth/login.ts";
import { changePassword, requestPasswordReset, resetPassword, resetTokenUsable } from "../auth/passwords.ts";
import { closeSession } from "../auth/sessions.ts";
import type { IdentityDeps } from "../deps.ts";

const ok = { ok: true } as const;

/** 登录, 修改密码, 忘记登录密码 (guide §1, §2). */
export const authRouter = (run: UseCaseRun<IdentityDeps>) => ({
  captcha: publicProcedure.output(CaptchaChallenge).query(run((deps, ctx) => issueCaptcha(deps.redis, ctx.clientIp ?? "unknown"))),

  login: publicProcedure
    .input(LoginInput)
    .output(LoginResult)
    .mutation(run((deps, ctx, input) => login(deps, input, ctx.clientIp, ctx.log, ctx.requestId))),

  logout: passwordChangeProcedure.output(Ack).mutation(
    run(async (deps, ctx) => {
      await closeSession(deps.redis, ctx.token, ctx.principal.accountId);
      return ok;
    }),
  ),

  me: passwordChangeProcedure.output(Me).query(({ ctx }) => toMe(ctx.principal)),

  changePassword: passwordChangeProcedure
    .input(ChangePasswordInput)
    .output(Ack)
    .mutation(
      run(async (deps, ctx, input) => {
        await changePassword(deps, ctx.principal, ctx.token, input, ctx.clientIp, ctx.log);
        return ok;
      }),
    ),

  requestPasswordReset: publicProcedure
    .input(RequestPasswordResetInput)
    .output(Ack)
    .mutation(
      run(async (deps, ctx, input) => {
        await requestPasswordReset(deps, input, ctx.clientIp, ctx.log);
        return ok;
      }),
    ),

  /** The reset page's loader: is this link's token still usable? `{ usable }`, nothing used up, nothing about the account. */
  checkResetToken: publicProcedure
    .input(CheckResetTokenInput)
    .output(ResetTokenState)
    .query(run(async (deps, _ctx, input) => ({ usable: await resetTokenUsable(deps, input.token) }))),

  resetPassword: publicProcedure
    .input(ResetPasswordInput)
    .output(Ack)
    .mutation(
      run(async (deps, ctx, input) => {
        await resetPassword(deps, input, ctx.log);
        return ok;
      }),
    ),
});

function toMe(p: Principal): Me {
  return {
    accountId: p.accountId,
    name: p.name,
    userType: p.userType,
    unitId: p.unitId,
    unitName: p.unitName,
    unitKind: p.unitKind,
    unitDepth: p.unitDepth,
    isProvince: p.isProvince,
    isSuperAdmin: p.isSuperAdmin,
    permissions: p.permissions,
    mustChangePassword: p.mustChangePassword,
  };
}
