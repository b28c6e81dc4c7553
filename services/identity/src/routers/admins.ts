import {
  AdminCandidate,
  AdminCandidatesInput,
  AdminDraft,
  AdminOptions,
  AdminRow,
  AdminTarget,
  AssignRolesInput,
  CreateAdminInput,
  CreatedAdmin,
  ListAdminsInput,
  NoContent,
  PrepareAdminInput,
  pageOf,
  SetAdminStatusInput,
  TemporaryPassword,
} from "@ce/contracts";
import { permittedProcedure, type UseCaseRun } from "@ce/service-kit";
import type { IdentityDeps } from "../deps.ts";
import { assignAdminRoles } from "../use-cases/admins/assign-roles.ts";
import { adminManager } from "../use-cases/admins/caller.ts";
import { unitAdminCandidates, unitAdminOptions, unitAdmins } from "../use-cases/admins/list.ts";
import { removeAdmin } from "../use-cases/admins/remove.ts";
import { resetAdminPassword } from "../use-cases/admins/reset-password.ts";
import { setAdminStatus } from "../use-cases/admins/set-status.ts";
import { setSuperAdmin } from "../use-cases/admins/set-super.ts";
import { createAdminFromDraft, prepareAdmin } from "../use-cases/admins/wizard.ts";

const manage = permittedProcedure("admin.manage");

/** 管理直属账户 › 管理单位管理员 (always the caller's own unit). */
export const adminsRouter = (run: UseCaseRun<IdentityDeps>) => ({
  list: manage.input(ListAdminsInput).output(pageOf(AdminRow)).query(run(unitAdmins)),
  options: manage.output(AdminOptions).query(run(unitAdminOptions)),
  candidates: manage.input(AdminCandidatesInput).output(pageOf(AdminCandidate)).query(run(unitAdminCandidates)),
  prepare: manage.input(PrepareAdminInput).output(AdminDraft).mutation(run(prepareAdmin, adminManager)),
  create: manage.input(CreateAdminInput).output(CreatedAdmin).mutation(run(createAdminFromDraft, adminManager)),
  setSuper: manage.input(AdminTarget).output(NoContent).mutation(run(setSuperAdmin, adminManager)),
  setStatus: manage.input(SetAdminStatusInput).output(NoContent).mutation(run(setAdminStatus, adminManager)),
  remove: manage.input(AdminTarget).output(NoContent).mutation(run(removeAdmin, adminManager)),
  assignRoles: manage.input(AssignRolesInput).output(NoContent).mutation(run(assignAdminRoles, adminManager)),
  resetPassword: manage.input(AdminTarget).output(TemporaryPassword).mutation(run(resetAdminPassword, adminManager)),
});
