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
  type Principal,
  pageOf,
  SetAdminStatusInput,
  TemporaryPassword,
} from "@ce/contracts";
import { permittedProcedure, router } from "@ce/service-kit";
import { z } from "zod";
import { invalidateResetTokens } from "../auth/passwords.ts";
import { revokeAccountsSessions, revokeSessions } from "../auth/sessions.ts";
import { createAdminFromDraft, prepareAdmin } from "../db/admin-wizard.ts";
import { adminCandidates, adminOptions, assignRoles, listAdmins, removeAdmin, resetAdminPassword, setAdminStatus, transferSuper } from "../db/admins.ts";
import { auditActor } from "../db/audit.ts";
import type { IdentityDeps } from "../deps.ts";
import { temporaryPassword } from "../domain/admins.ts";
import { granterOf } from "../domain/grants.ts";
import { hashPassword } from "../security/passwords.ts";
import { ownUnit } from "../use-cases/scope.ts";

/** 管理直属账户 › 管理单位管理员 (always the caller's own unit). */
export function adminsRouter(deps: IdentityDeps) {
  const manage = permittedProcedure("admin.manage");
  const caller = (ctx: { principal: Principal; clientIp: string | null; requestId: string }) => ({
    accountId: ctx.principal.accountId,
    isSuper: ctx.principal.isSuperAdmin,
    unitId: ownUnit(ctx.principal),
    granter: granterOf(ctx.principal),
    clientIp: ctx.clientIp,
    requestId: ctx.requestId,
  });
  return router({
    list: manage
      .input(ListAdminsInput)
      .output(pageOf(AdminRow))
      .query(({ input, ctx }) => listAdmins(deps.db, ownUnit(ctx.principal), input)),
    options: manage.output(AdminOptions).query(({ ctx }) => adminOptions(deps.db, ownUnit(ctx.principal))),
    candidates: manage
      .input(AdminCandidatesInput)
      .output(z.array(AdminCandidate))
      .query(({ input, ctx }) => adminCandidates(deps.db, ownUnit(ctx.principal), input.q)),
    prepare: manage
      .input(PrepareAdminInput)
      .output(AdminDraft)
      .mutation(({ input, ctx }) => prepareAdmin(deps, caller(ctx), input)),
    create: manage
      .input(CreateAdminInput)
      .output(CreatedAdmin)
      .mutation(({ input, ctx }) => createAdminFromDraft(deps, caller(ctx), auditActor(ctx), input)),
    setSuper: manage
      .input(AdminTarget)
      .output(NoContent)
      .mutation(async ({ input, ctx }) => {
        const c = caller(ctx);
        const { formerAccountId, newAccountId } = await deps.db.$transaction((tx) =>
          transferSuper(tx, { ...auditActor(ctx), accountId: c.accountId }, c.granter, c.unitId, input.adminId),
        );
        // The former super admin (the caller) is no admin any more, the new one holds more: both sign in again.
        await revokeAccountsSessions(deps.redis, [formerAccountId, newAccountId]);
      }),
    setStatus: manage
      .input(SetAdminStatusInput)
      .output(NoContent)
      .mutation(async ({ input, ctx }) => {
        const c = caller(ctx);
        const { accountId } = await deps.db.$transaction((tx) => setAdminStatus(tx, { ...auditActor(ctx), ...c }, c.unitId, input.adminId, input.status));
        if (input.status === "DISABLED") await revokeSessions(deps.redis, accountId);
      }),
    remove: manage
      .input(AdminTarget)
      .output(NoContent)
      .mutation(async ({ input, ctx }) => {
        const c = caller(ctx);
        const { accountId } = await deps.db.$transaction((tx) => removeAdmin(tx, { ...auditActor(ctx), ...c }, c.unitId, input.adminId));
        await revokeSessions(deps.redis, accountId);
      }),
    assignRoles: manage
      .input(AssignRolesInput)
      .output(NoContent)
      .mutation(async ({ input, ctx }) => {
        const c = caller(ctx);
        const { accountId } = await deps.db.$transaction((tx) =>
          assignRoles(tx, { ...auditActor(ctx), ...c }, c.granter, c.unitId, input.adminId, input.roleIds),
        );
        await revokeSessions(deps.redis, accountId);
      }),
    resetPassword: manage
      .input(AdminTarget)
      .output(TemporaryPassword)
      .mutation(async ({ input, ctx }) => {
        const c = caller(ctx);
        const password = temporaryPassword();
        const passwordHash = await hashPassword(password);
        const { accountId } = await deps.db.$transaction((tx) => resetAdminPassword(tx, { ...auditActor(ctx), ...c }, c.unitId, input.adminId, passwordHash));
        await invalidateResetTokens(deps.redis, accountId);
        await revokeSessions(deps.redis, accountId);
        return { temporaryPassword: password };
      }),
  });
}
