import {
  Ack,
  CaptchaChallenge,
  ChangePasswordInput,
  CheckResetTokenInput,
  LoginInput,
  LoginResult,
  Me,
  RequestPasswordResetInput,
  ResetPasswordInput,
  ResetTokenState,
} from "@ce/contracts";
import { passwordChangeProcedure, publicProcedure, type UseCaseRun } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { issueCaptcha } from "../use-cases/auth/captcha.ts";
import { changePassword } from "../use-cases/auth/change-password.ts";
import { login } from "../use-cases/auth/login.ts";
import { logout } from "../use-cases/auth/logout.ts";
import { signedInAs } from "../use-cases/auth/me.ts";
import { checkResetToken, requestPasswordReset, resetPassword } from "../use-cases/auth/password-reset.ts";

/** 登录, 退出, 修改密码, 忘记登录密码 (guide §1, §2). */
export const authRouter = (run: UseCaseRun<IdentityDeps>) => ({
  captcha: publicProcedure.output(CaptchaChallenge).query(run(issueCaptcha)),
  login: publicProcedure.input(LoginInput).output(LoginResult).mutation(run(login)),
  logout: passwordChangeProcedure.output(Ack).mutation(run(logout)),
  me: passwordChangeProcedure.output(Me).query(run(signedInAs)),
  changePassword: passwordChangeProcedure.input(ChangePasswordInput).output(Ack).mutation(run(changePassword)),
  requestPasswordReset: publicProcedure.input(RequestPasswordResetInput).output(Ack).mutation(run(requestPasswordReset)),
  checkResetToken: publicProcedure.input(CheckResetTokenInput).output(ResetTokenState).query(run(checkResetToken)),
  resetPassword: publicProcedure.input(ResetPasswordInput).output(Ack).mutation(run(resetPassword)),
});
