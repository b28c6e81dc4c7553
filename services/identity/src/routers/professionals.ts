import { FindProfessionalInput, PickedProfessional, ResetProfessionalPasswordInput, RevealedPii, RevealPiiInput, TemporaryPassword } from "@ce/contracts";
import { anyPermissionProcedure, permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { findProfessional } from "../use-cases/professionals/find.ts";
import { resetProfessionalPassword } from "../use-cases/professionals/reset-password.ts";
import { revealPii } from "../use-cases/professionals/reveal-pii.ts";

/** 专业技术人员: what is not a review (lists stay masked; the clear values need pii.unmask; 重置密码 is 查询统计's and 批量导入's). */
export const professionalsRouter = (run: UseCaseRun<IdentityDeps>) => ({
  /**
   * The portal picker's search by full 证件号 (选择申请人, 人员调出, 选择成为管理员): the person the
   * caller may pick for the purpose, or null. A mutation, so the number travels in a POST body;
   * rate-limited and logged (security/id-lookup.ts).
   */
  find: anyPermissionProcedure("hours.declare", "transfer.manage", "admin.manage")
    .input(FindProfessionalInput)
    .output(PickedProfessional.nullable())
    .mutation(run(findProfessional)),

  revealPii: permittedProcedure("pii.unmask").input(RevealPiiInput).output(RevealedPii).mutation(run(revealPii)),

  /**
   * 重置密码 of a professional: 专业技术人员信息查询's (查询统计's module) and 批量导入's 导入的人员
   * (an imported person is 未激活 until it). A temporary password, shown once.
   */
  resetPassword: anyPermissionProcedure("stats.view", "import.professionals")
    .input(ResetProfessionalPasswordInput)
    .output(TemporaryPassword)
    .mutation(run(resetProfessionalPassword)),
});
