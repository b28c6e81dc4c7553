import { ResetProfessionalPasswordInput, RevealedPii, RevealPiiInput, TemporaryPassword } from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { resetProfessionalPassword } from "../use-cases/professionals/reset-password.ts";
import { revealPii } from "../use-cases/professionals/reveal-pii.ts";

/** 专业技术人员: what is not a review (lists stay masked; the clear values need pii.unmask; 重置密码 is 查询统计's). */
export function professionalsRouter(deps: IdentityDeps) {
  return router({
    revealPii: permittedProcedure("pii.unmask")
      .input(RevealPiiInput)
      .output(RevealedPii)
      .mutation(({ input, ctx }) => revealPii(deps, ctx, input)),

    /** 专业技术人员信息查询 › 重置密码 (查询统计's module): a temporary password, shown once. */
    resetPassword: permittedProcedure("stats.view")
      .input(ResetProfessionalPasswordInput)
      .output(TemporaryPassword)
      .mutation(({ input, ctx }) => resetProfessionalPassword(deps, ctx, input)),
  });
}
